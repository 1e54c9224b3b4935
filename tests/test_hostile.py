"""The hostile-input campaign: every command against bad input, each refused cleanly.

Each case (tables in tests/hostile/cases.py) runs in-process through click's CliRunner on one
shared corpus copy and asserts: the exit status, the message (a regular expression), no
traceback, and that no file of the corpus copy or of the hostile inputs changed (every file
hashed before and after). Cases that need a Label Studio export or a standoff release get
one made once per module by the commands themselves.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _repo import copy_corpus, invoke_in  # noqa: E402
from hostile.cases import DOC, Case, _set, all_cases  # noqa: E402

CASES = all_cases()


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file below ``root`` (dotfiles included) and every folder, by relative path."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            out[os.path.relpath(os.path.join(dirpath, name), root) + "/"] = "dir"
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, root)] = hashlib.sha256(handle.read()).hexdigest()
    return out


def invoke(root: Path, argv: list[str]):
    return invoke_in(root, argv)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The corpus copy every case runs in, plus a Label Studio export and a standoff release made from it."""
    base = tmp_path_factory.mktemp("hostile")
    root = base / "corpus"
    copy_corpus(root, passes=True)
    from hostile.cases import BASE_DOC, DOC_FILE

    pre = base / "pre"
    pre.mkdir()
    (pre / DOC_FILE).write_text(json.dumps(BASE_DOC), encoding="utf-8")
    tasks = base / "tasks.json"
    result = invoke(root, ["labelstudio", "export", DOC, "--from", str(pre), "--out", str(tasks)])
    assert result.exit_code == 0, result.output
    data = json.loads(tasks.read_text(encoding="utf-8"))
    for n, task in enumerate(data, start=1):
        task.update(id=n, annotations=[{"id": n, "completed_by": 1, "was_cancelled": False, "result": task["predictions"][0]["result"]}])
    export = base / "export.json"
    export.write_text(json.dumps(data), encoding="utf-8")
    standoff = base / "standoff"
    result = invoke(root, ["build", "--standoff", "--out", str(standoff)])
    assert result.exit_code == 0, result.output
    pristine = base / "pristine"
    shutil.copytree(root, pristine, symlinks=True)
    return {"root": root, "export": export, "standoff": standoff, "pristine": pristine, "snapshot": snapshot(root)}


def test_base_document_is_valid(project):
    """The hostile cases mutate a document that is valid to begin with (else they prove nothing)."""
    from hostile.cases import BASE_DOC, DOC_FILE

    (project["root"] / "in").mkdir()
    try:
        (project["root"] / "in" / DOC_FILE).write_text(json.dumps(BASE_DOC), encoding="utf-8")
        result = invoke(project["root"], ["validate", f"in/{DOC_FILE}"])
        assert result.exit_code == 0, result.output
        assert len(BASE_DOC["spans"]) >= 5
    finally:
        shutil.rmtree(project["root"] / "in")


def _prepare(case: Case, project: dict, saved: dict[Path, bytes | None]) -> list[str]:
    root: Path = project["root"]
    work = root / "in"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    if "export" in case.needs and "in/export.json" not in case.files:
        shutil.copy(project["export"], work / "export.json")
    if "standoff" in case.needs:
        shutil.copytree(project["standoff"], work / "standoff")
    for key, data in case.files.items():
        top, _, rel = key.partition("/")
        if top == "corpus":
            path = root / rel
            saved.setdefault(path, path.read_bytes() if path.is_file() else None)
        elif top == "standoff":
            path = work / "standoff" / rel
        else:
            path = work / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            path.unlink(missing_ok=True)
        elif isinstance(data, tuple):
            path.write_bytes(_derived(data, path, project))
        else:
            path.write_bytes(data)
    return [a.replace("{standoff}", "in/standoff") for a in case.argv]


def _derived(spec: tuple, path: Path, project: dict) -> bytes:
    kind = spec[0]
    if kind == "truncate":
        data = path.read_bytes()
        return data[: len(data) // 2]
    if kind == "drop-row":
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        return "".join(lines[: spec[1]] + lines[spec[1] + 1 :]).encode("utf-8")
    if kind == "set-date":
        from newscorpus.corpus.manifest import read_manifest, render_manifest
        from dataclasses import replace

        docs = read_manifest(path)
        return render_manifest([replace(docs[0], published=spec[1]), *docs[1:]]).replace(docs[0].published, spec[1], 0).encode("utf-8")
    export = json.loads(project["export"].read_text(encoding="utf-8"))
    if kind == "edit":
        _, ptr, value = spec
        return json.dumps(value if ptr == "" else _set(export, ptr, value)).encode("utf-8")
    if kind == "edit-type":
        _, finder, key, value = spec
        export = copy.deepcopy(export)
        for item in export[0]["annotations"][0]["result"]:
            if item.get("type") == finder or item.get("from_name") == finder:
                (item if finder == "relation" else item["value"])[key] = value
                break
        else:
            raise AssertionError(f"no {finder} region in the export")
        return json.dumps(export).encode("utf-8")
    raise AssertionError(kind)


def test_campaign_is_large_enough():
    assert len(CASES) >= 300, len(CASES)
    commands = {c.argv[0] if c.argv[0] != "labelstudio" else " ".join(c.argv[:2]) for c in CASES}
    assert {"validate", "agreement", "evaluate", "preannotate", "build", "rehydrate", "clean", "schema",
            "labelstudio export", "labelstudio import", "labelstudio config"} <= commands


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile(case: Case, project):
    root: Path = project["root"]
    saved: dict[Path, bytes | None] = {}
    try:
        argv = _prepare(case, project, saved)
        before = snapshot(root)
        result = invoke(root, argv)
        output = result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{type(result.exception).__name__}: {result.exception}\n{output}")
        assert "Traceback" not in output, output
        assert result.exit_code == case.code, output
        assert re.search(case.expect, output, re.M), output
        after = snapshot(root)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        assert not changed, f"files changed: {changed}\n{output}"
    finally:
        for path, data in saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        shutil.rmtree(root / "in", ignore_errors=True)
        if snapshot(root) != project["snapshot"]:  # a failed case wrote into the corpus: start the next one clean
            shutil.rmtree(root)
            shutil.copytree(project["pristine"], root, symlinks=True)


def test_rehydrate_restores_the_full_text_folder_with_its_croissant(project, tmp_path):
    """The positive path the refusals guard: a whole folder, readable, croissant.json included."""
    out = tmp_path / "hf"
    result = invoke(project["root"], ["rehydrate", str(project["standoff"]), "--raw", "corpus/raw", "--out", str(out)])
    assert result.exit_code == 0, result.output
    croissant = json.loads((out / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["name"].endswith("-standoff") is False
    fields = {f["name"] for rs in croissant["recordSet"] for f in rs["field"]}
    assert "text" in fields and "text_sha256" not in fields
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask
    again = invoke(project["root"], ["rehydrate", str(project["standoff"]), "--raw", "corpus/raw", "--out", str(out)])
    assert again.exit_code == 0, again.output  # its own earlier output is replaced without --force


def test_standoff_manifest_is_spreadsheet_safe():
    from dataclasses import replace

    from newscorpus.corpus.manifest import read_manifest, render_manifest
    from _repo import REPO

    doc = read_manifest(REPO.manifest_path)[0]
    hostile = [replace(doc, title="=cmd|' /C calc'!A0", source="+SUM(A1)", note="@import", published_reason="-2+3")]
    text = render_manifest(hostile, spreadsheet_safe=True)
    row = text.splitlines()[1]
    for value in ("'=cmd|", "'+SUM(A1)", "'@import", "'-2+3"):
        assert value in row, row
    assert "=cmd" not in render_manifest(hostile, spreadsheet_safe=True).replace("'=cmd", "")
    assert "'=" not in render_manifest(hostile)  # the corpus's own manifest keeps the value as it is


def test_standoff_release_manifest_is_escaped(project):
    import csv

    rows = list(csv.reader((project["standoff"] / "manifest.csv").read_text(encoding="utf-8").splitlines()))
    for row in rows[1:]:
        assert not any(field[:1] in ("=", "+", "-", "@") for field in row), row
