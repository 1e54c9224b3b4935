"""A team session end to end against the real server: two annotators, agreement, adjudication.

Community Label Studio has no overlap, agreement or review queue; ``push --overlap 2`` makes one
copy of the project per annotator, ``pull`` keeps both submissions, ``labelstudio agreement``
reports what ``newscorpus agreement`` reports on the pulled folders, and the adjudication round
puts both versions in front of an adjudicator and imports the decision with who said what.
Annotators submit through the API here (tests/test_labelstudio_browser.py covers the browser).
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from click.testing import CliRunner

from _repo import REPO
from newscorpus.cli import cli
from newscorpus.fileio import read_json
from newscorpus.labelstudio.adjudicate import MODEL_VERSION, start_adjudication
from newscorpus.labelstudio.api import pull
from newscorpus.labelstudio.config import ADJUDICATION_KEY
from newscorpus.annotate.validate import load_registry, validate_document

from ls_helpers import client, submit_as, without

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
ENTITIES = FIXTURES / "entities.json"
DOC = FIXTURES / "001_f223456a580e97a0.json"
OTHER = FIXTURES / "003_0bebbda2a36ce2d2.json"


def run(*args, env):
    return CliRunner().invoke(cli, [*map(str, args)], env=env)


@pytest.fixture(scope="module")
def team(label_studio):
    ls = client(label_studio)
    tag = secrets.token_hex(3)
    users = {name: ls.users.create(email=f"{name}-{tag}@example.com", username=f"{name}-{tag}").id for name in ("b", "c", "adjudicator")}
    return ls, users


def test_two_annotators_agreement_and_adjudication(label_studio, team, tmp_path, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    env = {"LABEL_STUDIO_URL": label_studio.url, "LABEL_STUDIO_API_KEY": label_studio.token}
    ls, users = team
    text = (REPO.clean_dir / f"{DOC.stem}.txt").read_text(encoding="utf-8")
    gaza = text.index("Gaza Strip")

    pushed = run("labelstudio", "push", DOC.stem, OTHER.stem, "--from", FIXTURES, "--title", "team", "--overlap", "2", env=env)
    assert pushed.exit_code == 0, pushed.output
    assert "'team #1'" in pushed.output and "'team #2'" in pushed.output and pushed.output.count("2 task(s) uploaded") == 2

    def b_edits(doc_id, result):  # B deletes F4
        return without(result, "F4") if doc_id == DOC.stem else result

    def c_edits(doc_id, result):  # C relabels E2 ATTACK -> CONFLICT and adds Gaza Strip
        if doc_id != DOC.stem:
            return result
        for r in result:
            if r.get("id") == "E2" and r["from_name"] == "label":
                r["value"]["labels"] = ["CONFLICT"]
        where = {"start": gaza, "end": gaza + 10, "text": "Gaza Strip"}
        return result + [{"id": "newGaza", "from_name": "label", "to_name": "text", "type": "labels", "value": {**where, "labels": ["LOCATION"]}}]

    submit_as(ls, "team #1", users["b"], b_edits)
    submit_as(ls, "team #2", users["c"], c_edits)
    b, c = f"labelstudio_{users['b']}", f"labelstudio_{users['c']}"

    # pull keeps every annotator's submission
    passes = tmp_path / "passes"
    pulled = run("labelstudio", "pull", "--title", "team", "--import", "--into", passes, "--entities", ENTITIES, env=env)
    assert pulled.exit_code == 0, pulled.output
    assert f"2 annotator(s): {b}, {c}" in pulled.output and "4 written" in pulled.output
    assert sorted(p.name for p in (passes / b).iterdir()) == sorted(p.name for p in (passes / c).iterdir()) == sorted([DOC.name, OTHER.name])
    b_doc, c_doc = read_json(passes / b / DOC.name), read_json(passes / c / DOC.name)
    assert "F4" not in {s["id"] for s in b_doc["spans"]} and "F4" in {s["id"] for s in c_doc["spans"]}
    assert b_doc["reviewed_by"] == b and c_doc["reviewed_by"] == c

    # agreement straight from the session == newscorpus agreement on the pulled folders
    for fmt in ("json", "markdown"):
        session = run("labelstudio", "agreement", "--title", "team", "--format", fmt, "--entities", ENTITIES, env=env)
        folders = run("agreement", passes / b, passes / c, "--format", fmt, env=env)
        assert session.exit_code == 0 and folders.exit_code == 0, (session.output, folders.output)
        if fmt == "json":
            assert json.loads(session.output) == json.loads(folders.output)
            layers = json.loads(session.output)["layers"]
            assert layers["EVENT"]["labelled"]["f1"] < 1 < layers["EVENT"]["labelled"]["f1"] + 1
            assert layers["FIGURE"]["span"] == {**layers["FIGURE"]["span"], "fn": 0, "fp": 1}
        else:
            assert session.output.splitlines()[0] == f"Reference: {b}; candidate: {c}; 2 document(s)."
            assert session.output.splitlines()[1:] == folders.output.splitlines()[1:]

    # the adjudication round: agreements pre-accepted, both versions in front of the adjudicator
    report, counts, notes = start_adjudication("team", registry_path=ENTITIES)
    assert report.title == "team adjudication" and sorted(report.uploaded) == sorted([DOC.stem, OTHER.stem])
    assert counts[OTHER.stem][1] == 0 and counts[DOC.stem] == (len(b_doc["spans"]) - 1, 4)  # E2 (B), E2' (C), F4 (C), Gaza (C)
    tasks = {t.data["doc_id"]: t for t in ls.tasks.list(project=report.project_id)}
    info = tasks[DOC.stem].data[ADJUDICATION_KEY]
    assert info["versions"] == [b, c]
    predictions = list(ls.predictions.list(task=tasks[DOC.stem].id))
    assert sorted(p.model_version for p in predictions) == sorted([MODEL_VERSION, b, c])
    merged = next(p for p in predictions if p.model_version == MODEL_VERSION).result
    meta = {r["id"]: r["meta"]["text"][0] for r in merged if r.get("type") == "labels" and "meta" in r}
    conflict = next(sid for sid, who in info["proposed_by"].items() if who == [c] and sid.startswith("E"))
    gaza_id = next(r["id"] for r in merged if r.get("type") == "labels" and r["value"]["start"] == gaza)
    assert meta == {"E2": f"only {b}", conflict: f"only {c}", "F4": f"only {c}", gaza_id: f"only {c}"}

    # submitting without deciding leaves the task out: both versions of E2 are still there
    final = tmp_path / "final"
    submit_as(ls, "team adjudication", users["adjudicator"], model_version=MODEL_VERSION)
    undecided = pull(title="team adjudication", import_to=final, registry_path=ENTITIES).imported
    assert undecided.left_out == [f"task {tasks[DOC.stem].id} ({DOC.stem})"]
    assert "disagree and both are still there" in undecided.problems[0].message and conflict in undecided.problems[0].message
    assert [Path(f).name for f, _ in undecided.written] == [OTHER.name]

    # the adjudicator keeps B's ATTACK and C's F4, drops C's CONFLICT and the Gaza span
    def decide(doc_id, result):
        return without(without(result, conflict), gaza_id) if doc_id == DOC.stem else result

    submit_as(ls, "team adjudication", users["adjudicator"], decide, model_version=MODEL_VERSION, only={DOC.stem})
    decided = run("labelstudio", "pull", "--title", "team adjudication", "--import", "--into", final, "--entities", ENTITIES, env=env)
    assert decided.exit_code == 0, decided.output
    adjudicator = f"labelstudio_{users['adjudicator']}"
    for line in (f"adjudicated by {adjudicator}: {len(b_doc['spans']) - 1} agreed span(s) accepted, 4 disagreement(s) decided",
                 f"kept E2 ATTACK 'fires' ({b})", f"dropped {conflict} CONFLICT 'fires' ({c})", f"kept F4 MUNITIONS",
                 f"dropped {gaza_id} LOCATION 'Gaza Strip' ({c})"):
        assert line in decided.output, decided.output
    got = read_json(final / DOC.name)
    registry, _ = load_registry(ENTITIES)
    assert validate_document(got, file=DOC.name, clean_text=text, registry=registry) == []
    assert got["reviewed_by"] == adjudicator and [a["id"] for a in got["annotators"]][-3:] == [b, c, adjudicator]
    spans = {s["id"]: s for s in got["spans"]}
    assert set(spans) == {s["id"] for s in read_json(DOC)["spans"]}
    assert spans["E2"]["label"] == "ATTACK" and spans["E2"]["origin"] == "adjudicated" and spans["E2"]["annotators"][-2:] == [b, adjudicator]
    assert spans["F4"]["origin"] == "adjudicated" and spans["F4"]["annotators"][-2:] == [c, adjudicator]
    originals = {s["id"]: s for s in read_json(DOC)["spans"]}
    agreed = [sid for sid in spans if sid not in ("E2", "F4")]
    for sid in agreed:  # agreed spans: both annotators and the adjudicator, origin as the annotators left it
        assert spans[sid]["annotators"][-3:] == [b, c, adjudicator], sid
        assert spans[sid]["origin"] == ("manual" if originals[sid]["origin"] == "model" else originals[sid]["origin"]), sid
