"""Label Studio against a real server: push, annotate through the API, pull, import.

One session-scoped server (``label_studio`` in conftest.py) serves every test here.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
from label_studio_sdk import LabelStudio

from _repo import REPO
from newscorpus.fileio import read_json
from newscorpus.labelstudio import config as ls_config
from newscorpus.labelstudio import convert as ls_convert
from newscorpus.labelstudio.api import LabelStudioError, pull, push
from newscorpus.labelstudio.files import import_export

from ls_helpers import reviewed

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
FIXTURE_ENTITIES = FIXTURES / "entities.json"
GOLD = sorted(p for p in REPO.annotations_dir.glob("*.json") if p.name != REPO.entities_path.name)
FIXTURE_DOCS = sorted(p for p in FIXTURES.glob("*.json") if p.name != "entities.json")


@pytest.fixture
def ls_env(label_studio, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    return label_studio


def client(instance) -> LabelStudio:
    return LabelStudio(base_url=instance.url, api_key=instance.token)


def project_id(ls: LabelStudio, title: str) -> int:
    return next(p.id for p in ls.projects.list(title=title) if p.title == title)


def submit_predictions(ls: LabelStudio, pid: int, edit=None) -> None:
    """Accept every task's prediction as an annotation, as an annotator pressing Submit would."""
    for task in ls.tasks.list(project=pid, fields="task_only"):
        prediction = next(iter(ls.predictions.list(task=task.id)))
        result = copy.deepcopy(prediction.result)
        if edit is not None:
            result = edit(task.data["doc_id"], result)
        ls.annotations.create(id=task.id, result=result, parent_prediction=prediction.id, lead_time=12.5)


def sources(path: Path) -> dict:
    """push/pull options for a gold file or a fixture document."""
    if path.parent == FIXTURES:
        return {"annotations_dir": FIXTURES}, FIXTURE_ENTITIES
    return {}, REPO.entities_path


def test_config_is_accepted_by_the_server(ls_env):
    ls = client(ls_env)
    project = ls.projects.create(title="config check", label_config=ls_config.config_xml())
    stored = ls.projects.get(project.id)
    assert stored.label_config.strip() == ls_config.config_xml().strip()
    names = {control for control in stored.get_label_interface()._controls}
    assert {ls_config.LABEL_CONTROL} | set(ls_config.ATTRIBUTES) | {ls_config.NOTE_CONTROL} <= names


@pytest.mark.parametrize("path", GOLD + FIXTURE_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip(path, ls_env, tmp_path):
    original = read_json(path)
    doc_id = original["doc_id"]
    options, registry = sources(path)
    title = f"round trip {path.parent.name} {doc_id}"[:50]
    report = push([doc_id], title=title, **options)
    assert report.created and report.uploaded == [doc_id]
    ls = client(ls_env)
    submit_predictions(ls, report.project_id)
    out = tmp_path / "annotations"
    pulled = pull(title=title, out=tmp_path / "export.json", import_to=out, registry_path=registry)
    assert pulled.tasks == 1
    assert pulled.imported.written[0][0].endswith(f"{doc_id}.json")
    got = read_json(out / f"{doc_id}.json")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", got["reviewed_at"])
    assert got == reviewed(original, 1, got["reviewed_at"])
    # the export is the full JSON export: region ids and relations survive
    task = read_json(tmp_path / "export.json")[0]
    result = task["annotations"][0]["result"]
    assert {r["id"] for r in result if "id" in r} == {s["id"] for k in ("spans", "quality") for s in original.get(k, [])}
    assert sum(len(r["labels"]) for r in result if r["type"] == "relation") == sum(len(s.get("arguments", [])) for s in original["spans"])

    # without the exported base document every span is rebuilt from the regions alone: all that
    # an annotator sees (labels, offsets, attributes, arguments, notes) must still match
    task["data"].pop(ls_config.BASE_KEY)
    rebuilt = import_export([task], out_dir=tmp_path / "rebuilt", registry_path=registry, name="export.json")
    assert rebuilt.written
    assert rebuilt.complete and editable(read_json(tmp_path / "rebuilt" / f"{doc_id}.json")) == editable(original)


def editable(doc: dict) -> dict:
    """What Label Studio shows of a document, by span id (argument order aside)."""
    out = {}
    for key in ("spans", "quality"):
        for span in doc.get(key, []):
            layer = span.get("layer", ls_config.QUALITY)
            out[span["id"]] = (layer, ls_convert._editable(span, layer))
    return out


def test_push_twice_uploads_nothing_new(ls_env):
    doc = FIXTURE_DOCS[0]
    first = push([doc.stem], title="push twice", annotations_dir=FIXTURES)
    second = push([doc.stem], title="push twice", annotations_dir=FIXTURES)
    assert first.uploaded == [doc.stem] and not second.created and not second.config_updated
    assert second.uploaded == [] and second.already_there == [doc.stem]


def test_push_replaces_a_stale_config(ls_env):
    ls = client(ls_env)
    old = '<View><Text name="text" value="$text"/><Labels name="event" toName="text"><Label value="ATTACK"/></Labels></View>'
    ls.projects.create(title="stale config", label_config=old)
    report = push([FIXTURE_DOCS[0].stem], title="stale config", annotations_dir=FIXTURES)
    assert not report.created and report.config_updated
    assert ls.projects.get(report.project_id).label_config.strip() == ls_config.config_xml().strip()


def _find(text: str, needle: str, n: int = 1) -> int:
    i = -1
    for _ in range(n):
        i = text.index(needle, i + 1)
    return i


def test_edits_come_back_as_edits(ls_env, tmp_path):
    path = FIXTURES / "001_f223456a580e97a0.json"
    original = read_json(path)
    doc_id = original["doc_id"]
    text = (REPO.clean_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
    moved_to = _find(text, "Israel", 3)
    new_start = _find(text, "Lebanon", 1)

    def edit(_, result):
        for r in result:
            if r.get("id") == "A4":  # move the span to another "Israel"
                r["value"].update(start=moved_to, end=moved_to + 6)
            if r.get("id") == "E2" and r["from_name"] == "label":  # change the label
                r["value"]["labels"] = ["CONFLICT"]
        where = {"start": new_start, "end": new_start + 7, "text": "Lebanon"}
        result.append({"id": "Xq3_9zLmA1", "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {**where, "labels": ["LOCATION"]}, "origin": "manual"})
        result.append({"type": "relation", "from_id": "E2", "to_id": "Xq3_9zLmA1", "direction": "right", "labels": ["PLACE"]})
        return result

    report = push([doc_id], title="edits", annotations_dir=FIXTURES)
    submit_predictions(client(ls_env), report.project_id, edit)

    out = tmp_path / "annotations"
    out.mkdir()
    shutil.copy(path, out / path.name)
    before = (out / path.name).read_bytes()
    refused = pull(title="edits", import_to=out, registry_path=FIXTURE_ENTITIES).imported
    assert not refused.complete and "--force" in refused.failure()
    message = refused.refused[0]
    assert "changed A4: start" in message and 'label "ATTACK" -> "CONFLICT"' in message
    assert "added L3 (LOCATION 'Lebanon')" in message and "arguments +PLACE→L3" in message
    assert (out / path.name).read_bytes() == before

    assert pull(title="edits", import_to=out, force=True, registry_path=FIXTURE_ENTITIES).imported.complete
    got = read_json(out / path.name)
    expected = reviewed(original, 1, got["reviewed_at"])
    spans = {s["id"]: s for s in expected["spans"]}
    for sid in ("A4", "E2"):  # edited: credited to whoever made them, plus the editor
        spans[sid]["annotators"] = [*next(s for s in original["spans"] if s["id"] == sid).get("annotators", []), "labelstudio_1"]
    spans["A4"].update(start=moved_to, end=moved_to + 6, origin="manual", annotators=["labelstudio_1"])
    spans["E2"].update(label="CONFLICT", origin="manual", annotators=["labelstudio_1"])
    spans["E2"]["arguments"].append({"role": "PLACE", "ref": "L3"})
    expected["spans"].append({"id": "L3", "layer": "LOCATION", "label": "LOCATION", "start": new_start, "end": new_start + 7,
                              "text": "Lebanon", "origin": "manual", "annotators": ["labelstudio_1"]})
    assert got == expected


@pytest.fixture(scope="module")
def real_export(label_studio, tmp_path_factory):
    """A full JSON export pulled from the server, for the fixture documents."""
    mp = pytest.MonkeyPatch()
    mp.setenv("LABEL_STUDIO_URL", label_studio.url)
    mp.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    try:
        report = push([p.stem for p in FIXTURE_DOCS], title="hostile base", annotations_dir=FIXTURES)
        submit_predictions(client(label_studio), report.project_id)
        out = tmp_path_factory.mktemp("export") / "export.json"
        pull(title="hostile base", out=out)
    finally:
        mp.undo()
    return read_json(out)


def _region(task, rid, control):
    return next(r for r in task["annotations"][0]["result"] if r.get("id") == rid and r.get("from_name") == control)


def _beyond(tasks):
    value = _region(tasks[0], "E1", "label")["value"]
    value.update(start=len(tasks[0]["data"]["text"]) + 5, end=len(tasks[0]["data"]["text"]) + 9)


def _text_mismatch(tasks):
    _region(tasks[0], "E1", "label")["value"]["text"] = "something else"


def _missing_region(tasks):
    tasks[0]["annotations"][0]["result"].append({"type": "relation", "from_id": "E1", "to_id": "ghost", "direction": "right", "labels": ["AGENT"]})


def _unknown_label(tasks):
    _region(tasks[0], "E1", "label")["value"]["labels"] = ["BOMBARDMENT"]


def _escaping_doc_id(tasks):
    tasks[0]["data"]["doc_id"] = "../../x"


def _stale_text(tasks):
    tasks[1]["data"]["text_sha256"] = "0" * 64


HOSTILE = {
    "offsets beyond the text": (_beyond, "/0/annotations/0/result/", "outside the text"),
    "text mismatch": (_text_mismatch, "/0/annotations/0/result/", "does not match the clean text"),
    "relation to a missing region": (_missing_region, "/0/annotations/0/result/", "missing region 'ghost'"),
    "unknown label": (_unknown_label, "/0/annotations/0/result/", "unknown label 'BOMBARDMENT'"),
    "doc_id escaping the folder": (_escaping_doc_id, "/0/data/doc_id", "'../../x' is not a plain file stem"),
    "text hash mismatch": (_stale_text, "/1/data/text_sha256", "does not match the current clean text"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_export_is_rejected_and_nothing_written(case, real_export, tmp_path):
    mutate, pointer, words = HOSTILE[case]
    tasks = copy.deepcopy(real_export)
    mutate(tasks)
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    out = tmp_path / "annotations"
    report = import_export(export, out_dir=out, registry_path=FIXTURE_ENTITIES)
    problems = report.problems
    assert any(p.pointer.startswith(pointer) and words in p.message for p in problems), problems
    assert all(p.file.endswith("export.json") for p in problems)
    bad = int(pointer.split("/")[1])  # the task the case spoils is left out, the other one imports
    assert len(report.left_out) == 1 and report.left_out[0].startswith(f"task {tasks[bad]['id']} ")
    assert [Path(f).name for f, _ in report.written] == [f"{t['data']['doc_id']}.json" for i, t in enumerate(tasks) if i != bad]
    assert not (tmp_path / "x.json").exists() and not (tmp_path.parent / "x.json").exists()


def test_untouched_export_imports(real_export, tmp_path):
    report = import_export(real_export, out_dir=tmp_path, registry_path=FIXTURE_ENTITIES, name="export.json")
    assert report.complete and sorted(Path(f).name for f, _ in report.written) == [p.name for p in FIXTURE_DOCS]
    for p in FIXTURE_DOCS:
        got = read_json(tmp_path / p.name)
        assert got == reviewed(read_json(p), 1, got["reviewed_at"])


def test_pull_without_token_is_a_clear_error(label_studio, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    with pytest.raises(LabelStudioError, match="LABEL_STUDIO_API_KEY"):
        pull(title="anything", out=Path("never-written.json"))
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "wrong-token-value")
    with pytest.raises(LabelStudioError) as failed:
        pull(title="anything", out=Path("never-written.json"))
    assert "HTTP 401" in str(failed.value) and "wrong-token-value" not in str(failed.value)
    assert not Path("never-written.json").exists()
