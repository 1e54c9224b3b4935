"""Label Studio conversions without a server: config, tasks, exports back, imports to files."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from _repo import REPO
from newscorpus.annotate import scheme
from newscorpus.errors import ValidationFailed
from newscorpus.fileio import read_json, sha256_text
from newscorpus.labelstudio import config as ls_config
from newscorpus.labelstudio import convert as ls_convert
from newscorpus.labelstudio.files import build_tasks, import_export

from ls_helpers import reviewed

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
ENTITIES = FIXTURES / "entities.json"
DOC = FIXTURES / "001_f223456a580e97a0.json"
DOC_IDS = sorted(p.stem for p in FIXTURES.glob("0*.json"))


def as_export(tasks: list[dict]) -> list[dict]:
    """Tasks as Label Studio's full JSON export shows them once each prediction is submitted."""
    out = []
    for n, task in enumerate(copy.deepcopy(tasks), start=1):
        task["id"] = n
        result = task.get("predictions", [{}])[0].get("result", [])
        task["annotations"] = [{"id": 100 + n, "completed_by": 7, "was_cancelled": False, "result": result,
                                "updated_at": "2026-01-01T00:00:00Z"}]
        task["predictions"] = [n]
        out.append(task)
    return out


def fixture_export(doc_ids=DOC_IDS) -> list[dict]:
    return as_export(build_tasks(doc_ids, annotations_dir=FIXTURES))


def write(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- config


def test_config_is_generated_from_the_scheme():
    root = ET.fromstring(ls_config.config_xml())
    labels = {c.get("name"): [l.get("value") for l in c.findall("Label")] for c in root.iter("Labels")}
    expected = [label for layer in scheme.LAYERS for label in scheme.LABELS[layer]] + list(scheme.QUALITY_LABELS)
    assert labels == {"label": expected}  # one control, grouped by layer under short headers
    assert [h.get("value") for h in root.find(".//Labels").findall("Header")] == ["Event", "Actor", "Figure", "Place", "Time", "Quality"]
    assert all(c.get("toName") == "text" for c in root.iter("Labels"))
    assert [r.get("value") for r in root.iter("Relation")] == list(scheme.ROLES)
    assert root.find(".//Text").get("value") == "$text"
    per_region = {c.get("name"): c for c in root.iter() if c.get("perRegion") == "true"}
    wanted = {f"{layer.lower()}_{a}" for layer in scheme.LAYERS for a in scheme.LAYER_ATTRIBUTES[layer] if a != "arguments"}
    assert set(per_region) == wanted | {"note"}
    choices = {name: [c.get("value") for c in el.findall("Choice")] for name, el in per_region.items() if el.tag == "Choices"}
    assert choices == {"event_realis": list(scheme.REALIS), "actor_mention": list(scheme.MENTION), "figure_qualifier": list(scheme.QUALIFIERS)}
    assert {per_region[n].tag for n in ("actor_entity", "figure_value", "figure_unit", "time_value", "note")} == {"TextArea"}
    for name, el in per_region.items():
        assert el.get("whenTagName") is None  # Label Studio 1.23 ignores it on per-region controls
        if name != "note":
            layer = name.split("_")[0].upper()
            assert el.get("whenLabelValue").split(",") == list(scheme.LABELS[layer])


def _distance(a: str, b: str) -> float:
    rgb = lambda h: [int(h[i:i + 2], 16) for i in (1, 3, 5)]  # noqa: E731
    return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b))) ** 0.5


def test_every_label_and_choice_has_its_own_hotkey_and_colour():
    root = ET.fromstring(ls_config.config_xml())
    keys = [el.get("hotkey") for el in root.iter() if el.tag in ("Label", "Choice")]
    n_values = sum(len(v) for v in ls_config.LAYER_LABELS.values()) + len(scheme.REALIS) + len(scheme.MENTION) + len(scheme.QUALIFIERS)
    assert len(keys) == n_values and all(keys) and len(set(keys)) == len(keys)
    # mnemonic: events by initial, and the documented ones for mention and qualifier
    (labels,) = root.iter("Labels")  # one single-choice control: a label key replaces, never adds
    assert labels.get("name") == ls_config.LABEL_CONTROL and labels.get("choice") == "single"
    assert {l.get("value"): l.get("hotkey") for l in labels.iter("Label")}["ATTACK"] == "a"
    assert {c.get("value"): c.get("hotkey") for c in root.find(".//Choices[@name='actor_mention']")} == {"NAME": "alt+n", "NOMINAL": "alt+o"}
    assert ls_config.key_name("shift+.") == ">" and ls_config.key_name("shift+p") == "Shift+P" and ls_config.key_name("alt+-") == "Alt+-"
    # never one of Label Studio's own hotkeys (submit, undo, delete, unselect, relation, hide, lock, meta...)
    assert not set(keys) & {"ctrl+enter", "ctrl+z", "backspace", "u", "escape", "alt+r", "alt+h", "alt+l", "alt+m", "alt+.", "h", "ctrl+d"}
    colours = [l.get("background") for l in root.iter("Label")]
    assert len(set(colours)) == len(colours)
    assert min(_distance(a, b) for i, a in enumerate(colours) for b in colours[i + 1:]) > 25
    background = {l.get("value"): l.get("background") for l in root.iter("Label")}
    for layer, names in ls_config.LAYER_LABELS.items():  # within a layer, clearly different colours
        own = [background[n] for n in names]
        assert all(_distance(a, b) > 60 for i, a in enumerate(own) for b in own[i + 1:]), layer


def test_instructions_hold_definitions_and_hotkeys():
    text = ls_config.instructions_html()
    for layer, labels in ls_config.LAYER_LABELS.items():
        for label in labels:
            assert f"<b>{label}</b>" in text
    assert "[Shift+P]" in text and "[&gt;]" in text and "drafts are not pulled" in text
    # the config itself stays short: no label definitions in headers
    assert all(len(h.get("value")) < 20 for h in ET.fromstring(ls_config.config_xml()).iter("Header"))


def test_config_escapes_values(monkeypatch):
    hostile = 'a <b> & "c" \'d\''
    monkeypatch.setitem(ls_config.LAYER_LABELS, "EVENT", {"ATTACK": hostile})
    root = ET.fromstring(ls_config.config_xml())
    label = next(l for l in root.iter("Label") if l.get("value") == "ATTACK")
    assert label.get("hint") == hostile


# --------------------------------------------------------------------------- tasks out


def test_tasks_carry_text_hash_and_predictions():
    tasks = build_tasks(["001_f223456a580e97a0", "002_b239d6d9a59df4e2"], annotations_dir=FIXTURES)
    doc = read_json(DOC)
    task, bare = tasks
    text = (REPO.clean_dir / "001_f223456a580e97a0.txt").read_text(encoding="utf-8")
    assert task["data"]["text"] == text and task["data"]["doc_id"] == doc["doc_id"]
    assert task["data"]["text_sha256"] == sha256_text(text) == doc["text_sha256"]
    (prediction,) = task["predictions"]
    assert prediction["model_version"] == "pass_a+pass_b"
    assert prediction["score"] == pytest.approx((0.87 + 0.5) / 2)
    regions = [r for r in prediction["result"] if r["type"] != "relation"]
    assert [r["id"] for r in regions if r["type"] == "labels"] == [s["id"] for s in doc["spans"]]
    f2 = [r for r in regions if r["id"] == "F2"]
    assert {r["from_name"]: r["value"].get("choices") or r["value"].get("text") for r in f2} == {
        "label": "more than 60 rockets", "figure_value": ["60"], "figure_qualifier": ["AT_LEAST"], "figure_unit": ["rocket"]}
    assert next(r for r in f2 if r["type"] == "labels")["score"] == 0.87
    relations = [r for r in prediction["result"] if r["type"] == "relation"]
    assert {"type": "relation", "from_id": "E1", "to_id": "A1", "direction": "right", "labels": ["AGENT", "PARTICIPANT"]} in relations
    assert "predictions" not in bare and bare["data"]["doc_id"] == "002_b239d6d9a59df4e2"


def test_invalid_annotations_are_not_exported(tmp_path):
    doc = read_json(DOC)
    doc["spans"][0]["end"] += 1
    write(tmp_path / DOC.name, doc)
    with pytest.raises(ValidationFailed, match=r"/spans/0/text"):
        build_tasks([DOC.stem], from_dir=tmp_path)


# --------------------------------------------------------------------------- annotations back


def test_export_round_trip_without_server(tmp_path):
    report = import_export(write(tmp_path / "export.json", fixture_export()), out_dir=tmp_path / "out", registry_path=ENTITIES)
    assert len(report.written) == len(DOC_IDS)
    for doc_id in DOC_IDS:
        assert read_json(tmp_path / "out" / f"{doc_id}.json") == reviewed(read_json(FIXTURES / f"{doc_id}.json"), 7, "2026-01-01T00:00:00Z")


def test_import_refuses_to_overwrite_and_reports_the_diff(tmp_path):
    export = fixture_export([DOC.stem])
    value = next(r for r in export[0]["annotations"][0]["result"] if r.get("id") == "F1" and r["from_name"] == "figure_value")
    value["value"]["text"] = ["61"]
    out = tmp_path / "out"
    out.mkdir()
    (out / DOC.name).write_bytes(DOC.read_bytes())
    report = import_export(write(tmp_path / "e.json", export), out_dir=out, registry_path=ENTITIES)
    assert not report.complete and report.written == [] and len(report.refused) == 1
    assert "human-annotated" in report.refused[0] and "changed F1: origin \"adjudicated\" -> \"manual\", value 60 -> 61" in report.refused[0]
    assert "--force" in report.failure()
    assert (out / DOC.name).read_bytes() == DOC.read_bytes()
    report = import_export(tmp_path / "e.json", out_dir=out, registry_path=ENTITIES, force=True)
    assert report.complete and report.written and read_json(out / DOC.name)["spans"][5]["value"] == 61


def test_a_reviewed_file_is_left_alone_and_the_same_export_imports_identically(tmp_path):
    first = import_export(fixture_export([DOC.stem]), out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert first.complete and len(first.written) == 1
    before = (tmp_path / DOC.name).read_bytes()
    again = import_export(fixture_export([DOC.stem]), out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert again.complete and again.written == [] and len(again.unchanged) == 1
    assert (tmp_path / DOC.name).read_bytes() == before
    # another submission, one span deleted: refused without --force, naming the reviewer
    export = fixture_export([DOC.stem])
    export[0]["annotations"][0]["result"] = [r for r in export[0]["annotations"][0]["result"] if r.get("id") != "L1" and r.get("to_id") != "L1"]
    refused = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert "reviewed by labelstudio_7" in refused.refused[0] and "removed L1" in refused.refused[0]
    assert (tmp_path / DOC.name).read_bytes() == before


def test_a_submission_records_the_review_and_deleted_spans_stay_deleted(tmp_path):
    original = read_json(DOC)
    export = fixture_export([DOC.stem])
    annotation = export[0]["annotations"][0]
    annotation["result"] = [r for r in annotation["result"] if r.get("id") != "L1" and r.get("to_id") != "L1"]
    annotation.update(completed_by=12, updated_at="2026-03-04T05:06:07.123456Z")
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.complete, report.problems
    got = read_json(tmp_path / DOC.name)
    assert got["reviewed_by"] == "labelstudio_12" and got["reviewed_at"] == "2026-03-04T05:06:07Z"
    assert list(got)[:6] == ["schema_version", "doc_id", "text_sha256", "annotators", "reviewed_by", "reviewed_at"]
    assert "L1" not in {s["id"] for s in got["spans"]}
    assert all("L1" not in {a["ref"] for a in s.get("arguments", [])} for s in got["spans"])
    expected = reviewed(original, 12, "2026-03-04T05:06:07Z")
    expected["spans"] = [s for s in expected["spans"] if s["id"] != "L1"]
    for span in expected["spans"]:
        if "arguments" in span and any(a["ref"] == "L1" for a in span["arguments"]):
            span["arguments"] = [a for a in span["arguments"] if a["ref"] != "L1"]
            span["origin"] = "manual"
    assert got == expected
    # a model suggestion accepted unchanged is no longer a bare model span
    model = [s for s in original["spans"] if s["origin"] == "model"]
    assert model, "the fixture needs a model span"
    for span in model:
        back = next(s for s in got["spans"] if s["id"] == span["id"])
        assert back["origin"] == "manual" and back["annotators"][-1] == "labelstudio_12" and back["score"] == span["score"]


def test_unannotated_and_cancelled_tasks_are_skipped(tmp_path):
    export = fixture_export()
    export[0]["annotations"] = []
    export[1]["annotations"][0]["was_cancelled"] = True
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.written == [] and len(report.skipped) == 2 and "no submitted annotation" in report.skipped[0]
    assert report.complete


def test_latest_of_several_annotations_is_used(tmp_path):
    export = fixture_export([DOC.stem])
    older = copy.deepcopy(export[0]["annotations"][0])
    older.update(id=1, updated_at="2025-01-01T00:00:00Z", result=[])
    export[0]["annotations"].insert(0, older)
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert read_json(tmp_path / DOC.name) == reviewed(read_json(DOC), 7, "2026-01-01T00:00:00Z")
    assert any("most recently updated" in n for n in report.notes)


def _attribute(export, rid, control):
    return next(r for r in export[0]["annotations"][0]["result"] if r.get("id") == rid and r["from_name"] == control)


@pytest.mark.parametrize(
    "mutate, pointer, words",
    [
        (lambda e: _attribute(e, "F1", "figure_value")["value"].update(text=["60,000"]), "/0/annotations/0/result/", "must be a number"),
        (lambda e: _attribute(e, "E1", "event_realis")["value"].update(choices=["MAYBE"]), "/0/annotations/0/result/", "unknown realis 'MAYBE'"),
        (lambda e: _attribute(e, "E1", "label")["value"].update(start=-1), "/0/annotations/0/result/", "outside the text"),
        (lambda e: _attribute(e, "E1", "label").update(from_name="events"), "/0/annotations/0/result/", "unknown control 'events'"),
        (lambda e: _attribute(e, "A1", "actor_entity")["value"].update(text=["nobody_known"]), "/0/annotations/0/result/", "not in the entity registry"),
        (lambda e: e[0]["annotations"][0]["result"].append(
            {"type": "relation", "from_id": "A1", "to_id": "E1", "direction": "right", "labels": ["AGENT"]}), "/0/annotations/0/result/", "arguments start at an EVENT"),
        (lambda e: e[0]["annotations"][0]["result"].append(
            {"type": "relation", "from_id": "E1", "to_id": "L1", "direction": "right", "labels": ["VICTIM"]}), "/0/annotations/0/result/", "role VICTIM must point to a ACTOR span"),
        (lambda e: e[0]["annotations"][0]["result"].append(
            {"type": "relation", "from_id": "E1", "to_id": "L1", "direction": "right", "labels": []}), "/0/annotations/0/result/", "has no role"),
        (lambda e: e[0]["data"].update(text=e[0]["data"]["text"] + " "), "/0/data/text", "differs from the current clean text"),
        (lambda e: e[0]["data"].update(doc_id="nope_not_a_document"), "/0/data/doc_id", "no clean text"),
        (lambda e: e[0].pop("annotations"), "/0", "full JSON export"),
        (lambda e: e.__setitem__(0, {"text": "...", "event": [{"start": 0, "end": 4, "labels": ["ATTACK"]}]}), "/0", "not JSON_MIN"),
    ],
    ids=["figure value", "realis", "negative offset", "unknown control", "unregistered entity", "relation from an actor",
         "role to wrong layer", "relation without role", "task text", "unknown document", "no annotations list", "JSON_MIN"],
)
def test_bad_exports_name_the_place(mutate, pointer, words, tmp_path):
    export = fixture_export([DOC.stem])
    mutate(export)
    report = import_export(write(tmp_path / "e.json", export), out_dir=tmp_path / "out", registry_path=ENTITIES)
    assert any(p.pointer.startswith(pointer) and words in p.message for p in report.problems), report.problems
    assert all(p.file.endswith("e.json") for p in report.problems)
    assert not report.complete and len(report.left_out) == 1 and report.written == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_one_bad_task_is_left_out_and_the_others_import(tmp_path):
    export = fixture_export()
    bad = export[1]
    bad["annotations"][0]["result"][0]["value"]["labels"] = ["NOPE"]
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.left_out == [f"task 2 ({bad['data']['doc_id']})"]
    assert report.problems[0].pointer == "/1/annotations/0/result/0/value/labels/0"
    assert all(p.pointer.startswith("/1/") for p in report.problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{d}.json" for d in DOC_IDS if d != bad["data"]["doc_id"])
    assert "1 task(s) left out" in report.failure()


def _actor_region(export) -> dict:
    return next(r for r in export[0]["annotations"][0]["result"] if r.get("type") == "labels" and r["value"]["labels"][0] in scheme.LABELS["ACTOR"])


def test_another_layers_attribute_on_a_region_is_dropped_with_a_note(tmp_path):
    """An ACTOR region carrying a realis (left from a relabel: Label Studio hides it) keeps only
    its own layer's attributes, and the report says what was dropped."""
    export = fixture_export()
    actor = _actor_region(export)
    export[0]["annotations"][0]["result"].append({
        "id": actor["id"], "from_name": "event_realis", "to_name": "text", "type": "choices",
        "value": {**{k: actor["value"][k] for k in ("start", "end", "text")}, "choices": ["ACTUAL"]}})
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.problems == [] and len(report.written) == len(DOC_IDS)
    doc_id = export[0]["data"]["doc_id"]
    span = next(s for s in read_json(tmp_path / f"{doc_id}.json")["spans"] if s["id"] == actor["id"])
    assert "realis" not in span and span["layer"] == "ACTOR"
    assert f"{doc_id}: region {actor['id']} is now ACTOR ({actor['value']['labels'][0]}): dropped the other layer's attributes it kept from before its relabel (event_realis)" in report.notes


def test_a_relabel_across_layers_keeps_no_attribute_of_the_old_layer(tmp_path):
    """ACTOR -> ATTACK with a realis set: the span becomes an EVENT under a new E id, without the
    actor's mention and entity; arguments that pointed at it are then checked as usual."""
    export = fixture_export()
    result = export[0]["annotations"][0]["result"]
    actor = _actor_region(export)
    old_attrs = [r["from_name"] for r in result if r.get("id") == actor["id"] and r["type"] != "labels"]
    actor["value"]["labels"] = ["ATTACK"]
    result.append({"id": actor["id"], "from_name": "event_realis", "to_name": "text", "type": "choices",
                   "value": {**{k: actor["value"][k] for k in ("start", "end", "text")}, "choices": ["ACTUAL"]}})
    result[:] = [r for r in result if not (r.get("type") == "relation" and actor["id"] in (r.get("from_id"), r.get("to_id")))]
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.problems == [], report.problems
    doc_id = export[0]["data"]["doc_id"]
    doc = read_json(tmp_path / f"{doc_id}.json")
    assert actor["id"] not in {s["id"] for s in doc["spans"]}
    (new_id,) = [n.split(" -> ")[1] for n in report.notes if n.startswith(f"{doc_id}: new region ids: {actor['id']} -> ")]
    span = next(s for s in doc["spans"] if s["id"] == new_id)
    assert (span["layer"], span["label"], span["realis"], span["origin"]) == ("EVENT", "ATTACK", "ACTUAL", "manual")
    assert not {"mention", "entity"} & set(span)
    assert any(f"region {actor['id']} is now EVENT (ATTACK): dropped the other layer's attributes it kept from before its relabel ({', '.join(old_attrs)})" in n
               for n in report.notes), report.notes


def test_two_tasks_for_one_document_are_refused(tmp_path):
    export = fixture_export([DOC.stem]) * 2
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert any("one task per document" in p.message for p in report.problems) and len(report.written) == 1


def test_new_regions_get_layer_ids_and_bare_tasks_import(tmp_path):
    tasks = build_tasks(["002_b239d6d9a59df4e2"], annotations_dir=tmp_path / "none")
    assert "predictions" not in tasks[0]
    text = tasks[0]["data"]["text"]
    start = text.index("Hezbollah")
    where = {"start": start, "end": start + 9, "text": "Hezbollah"}
    export = as_export(tasks)
    export[0]["annotations"][0]["result"] = [
        {"id": "k9_Zr2", "from_name": "actor", "to_name": "text", "type": "labels", "value": {**where, "labels": ["ARMED_GROUP"]}},
        {"id": "k9_Zr2", "from_name": "actor_mention", "to_name": "text", "type": "choices", "value": {**where, "choices": ["NAME"]}},
        {"id": "k9_Zr2", "from_name": "actor_entity", "to_name": "text", "type": "textarea", "value": {**where, "text": ["hezbollah"]}},
        {"id": "k9_Zr2", "from_name": "note", "to_name": "text", "type": "textarea", "value": {**where, "text": ["first mention"]}},
    ]
    import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert [p.name for p in tmp_path.iterdir()] == ["002_b239d6d9a59df4e2.json"]
    doc = read_json(tmp_path / "002_b239d6d9a59df4e2.json")
    assert doc["annotators"] == [{"id": "labelstudio_7", "kind": "human", "note": "Label Studio user 7"}]
    assert doc["spans"] == [{"id": "A1", "layer": "ACTOR", "label": "ARMED_GROUP", **where, "origin": "manual",
                             "annotators": ["labelstudio_7"], "mention": "NAME", "entity": "hezbollah", "note": "first mention"}]


def test_time_value_may_be_left_empty():
    attr = ls_config.ATTRIBUTES["time_value"]
    assert attr.decode({"text": [""]}) is None and attr.decode({"text": [" 2024-07 "]}) == "2024-07"
    assert ls_config.ATTRIBUTES["figure_value"].decode({"text": ["2.5"]}) == 2.5


def test_change_summary_lists_every_argument_change():
    old = read_json(DOC)
    new = copy.deepcopy(old)
    event = next(s for s in new["spans"] if s["layer"] == "EVENT" and s["arguments"])
    removed = event["arguments"].pop(0)
    event["arguments"] += [{"role": "QUANTITY", "ref": "F13"}, {"role": "PLACE", "ref": "L77"}]
    (line,) = ls_convert.diff_docs(old, new)
    assert line == f"changed {event['id']}: arguments +QUANTITY→F13 +PLACE→L77 -{removed['role']}→{removed['ref']}"


def test_the_annotator_docs_list_every_hotkey():
    docs = (REPO.root / "docs" / "labelstudio.md").read_text(encoding="utf-8")
    for control, value, key, _ in ls_config.hotkey_table():
        assert f"{value} `{key}`" in docs, (control, value, key)
    assert "drafts" in docs and "Submit" in docs
