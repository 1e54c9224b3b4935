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
from newscorpus.formats import FORMATS
from newscorpus.formats import labelstudio as ls_format
from newscorpus.labelstudio_api import OverwriteRefused, build_tasks, import_export

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


def test_registry_maps_the_format():
    assert FORMATS["labelstudio"] is ls_format


def test_config_is_generated_from_the_scheme():
    root = ET.fromstring(ls_format.config_xml())
    labels = {c.get("name"): [l.get("value") for l in c.findall("Label")] for c in root.iter("Labels")}
    expected = {layer.lower(): list(scheme.LABELS[layer]) for layer in scheme.LAYERS} | {"quality": list(scheme.QUALITY_LABELS)}
    assert labels == expected
    assert all(c.get("toName") == "text" for c in root.iter("Labels"))
    assert [r.get("value") for r in root.iter("Relation")] == list(scheme.ROLES)
    assert root.find("Text").get("value") == "$text"
    per_region = {c.get("name"): c for c in root.iter() if c.get("perRegion") == "true"}
    wanted = {f"{layer.lower()}_{a}" for layer in scheme.LAYERS for a in scheme.LAYER_ATTRIBUTES[layer] if a != "arguments"}
    assert set(per_region) == wanted | {"note"}
    choices = {name: [c.get("value") for c in el.findall("Choice")] for name, el in per_region.items() if el.tag == "Choices"}
    assert choices == {"event_realis": list(scheme.REALIS), "actor_mention": list(scheme.MENTION), "figure_qualifier": list(scheme.QUALIFIERS)}
    assert {per_region[n].tag for n in ("actor_entity", "figure_value", "figure_unit", "time_value", "note")} == {"TextArea"}
    for name, el in per_region.items():
        if name != "note":
            assert el.get("whenTagName") == name.split("_")[0]


def test_config_escapes_values(monkeypatch):
    hostile = 'a <b> & "c" \'d\''
    monkeypatch.setitem(ls_format.LAYER_LABELS, "EVENT", {"ATTACK": hostile})
    root = ET.fromstring(ls_format.config_xml())
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
        "figure": "more than 60 rockets", "figure_value": ["60"], "figure_qualifier": ["AT_LEAST"], "figure_unit": ["rocket"]}
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
        assert read_json(tmp_path / "out" / f"{doc_id}.json") == read_json(FIXTURES / f"{doc_id}.json")


def test_import_refuses_to_overwrite_and_reports_the_diff(tmp_path):
    export = fixture_export([DOC.stem])
    value = next(r for r in export[0]["annotations"][0]["result"] if r.get("id") == "F1" and r["from_name"] == "figure_value")
    value["value"]["text"] = ["61"]
    out = tmp_path / "out"
    out.mkdir()
    (out / DOC.name).write_bytes(DOC.read_bytes())
    with pytest.raises(OverwriteRefused) as refused:
        import_export(write(tmp_path / "e.json", export), out_dir=out, registry_path=ENTITIES)
    assert "changed F1: origin \"adjudicated\" -> \"manual\", value 60 -> 61" in str(refused.value)
    assert (out / DOC.name).read_bytes() == DOC.read_bytes()
    report = import_export(tmp_path / "e.json", out_dir=out, registry_path=ENTITIES, force=True)
    assert report.written and read_json(out / DOC.name)["spans"][5]["value"] == 61


def test_unchanged_files_are_left_alone(tmp_path):
    (tmp_path / DOC.name).write_bytes(DOC.read_bytes())
    report = import_export(fixture_export([DOC.stem]), out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.written == [] and len(report.unchanged) == 1


def test_unannotated_and_cancelled_tasks_are_skipped(tmp_path):
    export = fixture_export()
    export[0]["annotations"] = []
    export[1]["annotations"][0]["was_cancelled"] = True
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert report.written == [] and len(report.skipped) == 2 and "no submitted annotation" in report.skipped[0]


def test_latest_of_several_annotations_is_used(tmp_path):
    export = fixture_export([DOC.stem])
    older = copy.deepcopy(export[0]["annotations"][0])
    older.update(id=1, updated_at="2025-01-01T00:00:00Z", result=[])
    export[0]["annotations"].insert(0, older)
    report = import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert read_json(tmp_path / DOC.name) == read_json(DOC)
    assert any("most recently updated" in n for n in report.notes)


def _attribute(export, rid, control):
    return next(r for r in export[0]["annotations"][0]["result"] if r.get("id") == rid and r["from_name"] == control)


@pytest.mark.parametrize(
    "mutate, pointer, words",
    [
        (lambda e: _attribute(e, "F1", "figure_value")["value"].update(text=["60,000"]), "/0/annotations/0/result/", "must be a number"),
        (lambda e: _attribute(e, "E1", "event_realis")["value"].update(choices=["MAYBE"]), "/0/annotations/0/result/", "unknown realis 'MAYBE'"),
        (lambda e: _attribute(e, "E1", "event")["value"].update(start=-1), "/0/annotations/0/result/", "outside the text"),
        (lambda e: _attribute(e, "E1", "event").update(from_name="events"), "/0/annotations/0/result/", "unknown control 'events'"),
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
    with pytest.raises(ValidationFailed) as failed:
        import_export(write(tmp_path / "e.json", export), out_dir=tmp_path / "out", registry_path=ENTITIES)
    assert any(p.pointer.startswith(pointer) and words in p.message for p in failed.value.problems), failed.value.problems
    assert not (tmp_path / "out").exists()


def test_one_bad_task_blocks_every_write(tmp_path):
    export = fixture_export()
    export[1]["annotations"][0]["result"][0]["value"]["labels"] = ["NOPE"]
    with pytest.raises(ValidationFailed):
        import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")
    assert list(tmp_path.iterdir()) == []


def test_two_tasks_for_one_document_are_refused(tmp_path):
    export = fixture_export([DOC.stem]) * 2
    with pytest.raises(ValidationFailed, match="one task per document"):
        import_export(export, out_dir=tmp_path, registry_path=ENTITIES, name="e.json")


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
    attr = ls_format.ATTRIBUTES["time_value"]
    assert attr.decode({"text": [""]}) is None and attr.decode({"text": [" 2024-07 "]}) == "2024-07"
    assert ls_format.ATTRIBUTES["figure_value"].decode({"text": ["2.5"]}) == 2.5
