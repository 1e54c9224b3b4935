"""`newscorpus labelstudio ...` through click's CliRunner: effects read back through the library."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from newscorpus.cli import cli
from newscorpus.fileio import read_json
from newscorpus.labelstudio import config as ls_config
from newscorpus.labelstudio import convert as ls_convert  # noqa: F401

from ls_helpers import reviewed

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
ENTITIES = FIXTURES / "entities.json"
DOC = FIXTURES / "001_f223456a580e97a0.json"


def run(*args, env=None):
    return CliRunner().invoke(cli, ["labelstudio", *map(str, args)], env=env)


def failed(result, *words):
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.output.startswith("Error: ") and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output
    return result.output


def exported(tmp_path) -> Path:
    """A full JSON export (as Label Studio writes it) of the fixture document, predictions accepted."""
    out = tmp_path / "tasks.json"
    assert run("export", DOC.stem, "--from", FIXTURES, "--out", out).exit_code == 0
    tasks = read_json(out)
    for n, task in enumerate(tasks, start=1):
        task.update(id=n, annotations=[{"id": n, "completed_by": 1, "was_cancelled": False, "result": task["predictions"][0]["result"]}])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


def test_config_prints_and_writes(tmp_path):
    printed = run("config")
    assert printed.exit_code == 0 and printed.output == ls_config.config_xml()
    ET.fromstring(printed.output)
    assert run("config", "--out", tmp_path / "config.xml").exit_code == 0
    assert (tmp_path / "config.xml").read_text(encoding="utf-8") == ls_config.config_xml()


def test_export_writes_tasks(tmp_path):
    result = run("export", DOC, "003_0bebbda2a36ce2d2", "--from", FIXTURES, "--out", tmp_path / "tasks.json")
    assert result.exit_code == 0, result.output
    assert "wrote 2 task(s)" in result.output
    tasks = read_json(tmp_path / "tasks.json")
    assert [t["data"]["doc_id"] for t in tasks] == [DOC.stem, "003_0bebbda2a36ce2d2"]
    assert tasks[0]["predictions"][0]["model_version"] == "pass_a+pass_b"


def test_export_errors(tmp_path):
    failed(run("export", "no_such_doc", "--out", tmp_path / "t.json"), "no_such_doc.txt", "no such file")
    failed(run("export", "../../etc/passwd", "--out", tmp_path / "t.json"), "not a document id")
    bad = read_json(DOC)
    bad["spans"][0]["realis"] = "SURE"
    (tmp_path / "pre").mkdir()
    (tmp_path / "pre" / DOC.name).write_text(json.dumps(bad), encoding="utf-8")
    failed(run("export", DOC.stem, "--from", tmp_path / "pre", "--out", tmp_path / "t.json"), "validation problem", "/spans/0/realis")
    assert not (tmp_path / "t.json").exists()
    failed(run("export", DOC.stem, "--from", tmp_path / "missing", "--out", tmp_path / "t.json"), "no such folder")


def test_import_writes_then_guards_existing_files(tmp_path):
    export = exported(tmp_path)
    out = tmp_path / "annotations"
    first = run("import", export, "--out", out, "--entities", ENTITIES)
    assert first.exit_code == 0, first.output
    assert "1 written" in first.output and read_json(out / DOC.name) == reviewed(read_json(DOC), 1, None)
    again = run("import", export, "--out", out, "--entities", ENTITIES)
    assert again.exit_code == 0 and "unchanged" in again.output

    tasks = read_json(export)
    for r in tasks[0]["annotations"][0]["result"]:
        if r.get("id") == "E1" and r["from_name"] == "event_realis":
            r["value"]["choices"] = ["PLANNED"]
    export.write_text(json.dumps(tasks), encoding="utf-8")
    before = (out / DOC.name).read_bytes()
    refused = failed(run("import", export, "--out", out, "--entities", ENTITIES), "would change", "changed E1:", 'realis "ACTUAL" -> "PLANNED"',
                     "reviewed by labelstudio_1", "--force")
    assert "1 existing annotation file(s) not replaced" in refused
    assert (out / DOC.name).read_bytes() == before
    forced = run("import", export, "--out", out, "--force", "--entities", ENTITIES)
    assert forced.exit_code == 0, forced.output
    assert read_json(out / DOC.name)["spans"][0]["realis"] == "PLANNED"


def test_import_errors(tmp_path):
    failed(run("import", tmp_path / "missing.json"), "missing.json", "no such file")
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    failed(run("import", tmp_path / "broken.json"), "invalid JSON", "line 1")
    export = exported(tmp_path)
    tasks = read_json(export)
    hostile = copy.deepcopy(tasks)
    hostile[0]["data"]["doc_id"] = "../../x"
    export.write_text(json.dumps(hostile), encoding="utf-8")
    out = tmp_path / "annotations"
    failed(run("import", export, "--out", out, "--entities", ENTITIES), "export.json: /0/data/doc_id", "not a plain file stem",
           "1 task(s) left out")
    tasks[0]["annotations"][0]["result"][0]["value"]["end"] = 10**6
    export.write_text(json.dumps(tasks), encoding="utf-8")
    failed(run("import", export, "--out", out, "--entities", ENTITIES), "/0/annotations/0/result/0/value/end", "outside the text",
           "left out because of the problems above (task 1 (001_f223456a580e97a0))")
    assert not out.exists()


def test_import_writes_the_good_tasks_and_exits_1_for_the_bad_one(tmp_path):
    out_file = tmp_path / "tasks.json"
    assert run("export", DOC.stem, "003_0bebbda2a36ce2d2", "--from", FIXTURES, "--out", out_file).exit_code == 0
    tasks = read_json(out_file)
    for n, task in enumerate(tasks, start=1):
        task.update(id=n, annotations=[{"id": n, "completed_by": 1, "was_cancelled": False, "result": task["predictions"][0]["result"]}])
    tasks[1]["annotations"][0]["result"][0]["value"]["labels"] = ["NOPE"]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    outcome = run("import", export, "--out", tmp_path / "a", "--entities", ENTITIES)
    assert outcome.exit_code == 1 and "Traceback" not in outcome.output
    result = outcome.output
    for words in ("Error: ", "task 2 (003_0bebbda2a36ce2d2)", "unknown label 'NOPE'", "1 written", "1 left out"):
        assert words in result, result
    assert (tmp_path / "a" / DOC.name).exists() and not (tmp_path / "a" / "003_0bebbda2a36ce2d2.json").exists()
    assert result.count("Error: ") >= 2


def test_push_and_pull_need_url_and_token(tmp_path):
    env = {"LABEL_STUDIO_URL": None, "LABEL_STUDIO_API_KEY": None}
    failed(run("push", DOC.stem, env=env), "--url", "LABEL_STUDIO_URL")
    failed(run("pull", "--out", tmp_path / "e.json", "--url", "http://127.0.0.1:9", env=env), "LABEL_STUDIO_API_KEY")
    failed(run("pull", "--url", "http://127.0.0.1:9", env={"LABEL_STUDIO_API_KEY": "secret-token-1"}), "nothing to do")
    unreachable = failed(run("pull", "--out", tmp_path / "e.json", "--url", "http://127.0.0.1:9", env={"LABEL_STUDIO_API_KEY": "secret-token-1"}),
                         "cannot reach Label Studio")
    assert "secret-token-1" not in unreachable


def test_push_and_pull_through_the_cli(label_studio, tmp_path):
    env = {"LABEL_STUDIO_URL": label_studio.url, "LABEL_STUDIO_API_KEY": label_studio.token}
    pushed = run("push", DOC, "--from", FIXTURES, "--title", "cli session", env=env)
    assert pushed.exit_code == 0, pushed.output
    assert "created" in pushed.output and "1 task(s) uploaded" in pushed.output and label_studio.token not in pushed.output
    again = run("push", DOC, "--from", FIXTURES, "--title", "cli session", env=env)
    assert "0 task(s) uploaded, 1 already there" in again.output
    empty = run("pull", "--title", "cli session", "--out", tmp_path / "e.json", "--import", "--into", tmp_path / "a", env=env)
    assert empty.exit_code == 0, empty.output
    assert "wrote 0 annotated task(s)" in empty.output and read_json(tmp_path / "e.json") == []
    failed(run("pull", "--title", "no such project", "--out", tmp_path / "x.json", env=env), "no project titled 'no such project'")
