"""Outside any corpus, every command stops with a clear error and writes nothing.

Documented exceptions take explicit folders and never need a corpus: `init` (makes one),
`rehydrate` (STANDOFF_DIR, --raw, --out), `agreement` without --split (two folders),
`labelstudio config` and `labelstudio serve`, `cluster run` and `cluster finish` (a job folder,
whose plan names its corpus). A new command must be listed here either way.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from newscorpus.cli import cli
from newscorpus.cli.docs import commands

EXCEPTIONS = {"init", "rehydrate", "agreement", "labelstudio config", "labelstudio serve", "labelstudio",
              "cluster", "cluster run", "cluster finish"}  # run/finish take a job folder (it names its corpus)

ARGS = {
    "accept-entities": [],
    "add": ["{inputs}/a.txt", "--published", "2024-01-01"],
    "agreement --split": ["{inputs}/a", "{inputs}/b", "--split", "test"],
    "baseline": [],
    "build": [],
    "clean": [],
    "cluster plan": ["job"],
    "evaluate": ["{inputs}/pred"],
    "labelstudio export": ["--out", "tasks.json"],
    "labelstudio import": ["{inputs}/export.json"],
    "labelstudio pull": ["--url", "http://127.0.0.1:9", "--import"],
    "labelstudio push": ["--url", "http://127.0.0.1:9"],
    "labelstudio agreement": ["--url", "http://127.0.0.1:9"],
    "labelstudio adjudicate": ["--url", "http://127.0.0.1:9"],
    "preannotate": ["{inputs}/a.txt", "--out", "out"],
    "schema": [],
    "show": ["000_x", "--html", "page.html"],
    "train-preannotator": ["--out", "model"],
    "validate": [],
}


def test_every_command_is_covered():
    names = {name for name, _ in commands()}
    covered = {name.replace(" --split", "") for name in ARGS} | EXCEPTIONS
    assert names == covered, f"list new commands in ARGS or EXCEPTIONS: {sorted(names ^ covered)}"


@pytest.mark.parametrize("name", sorted(ARGS))
def test_outside_a_corpus_nothing_is_written(name, tmp_path, monkeypatch):
    inputs, here = tmp_path / "inputs", tmp_path / "empty"
    inputs.mkdir()
    here.mkdir()
    (inputs / "a.txt").write_text("Officials said the strike hit the town on Monday.\n", encoding="utf-8")
    (inputs / "export.json").write_text("[]", encoding="utf-8")
    monkeypatch.delenv("NEWSCORPUS_ROOT", raising=False)
    monkeypatch.chdir(here)
    argv = name.replace(" --split", "").split() + [a.format(inputs=inputs) for a in ARGS[name]]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code != 0, result.output
    assert "no corpus here or in any folder above" in result.output and "newscorpus init" in result.output, result.output
    assert "Traceback" not in result.output
    assert list(here.iterdir()) == []
    assert sorted(p.name for p in inputs.iterdir()) == ["a.txt", "export.json"]


def test_root_that_is_not_a_corpus_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1 and "not a corpus" in result.output and f"newscorpus init {tmp_path}" in result.output
    assert list(tmp_path.iterdir()) == []
