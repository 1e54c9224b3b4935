"""Docs cannot drift from the code: every command documented, with help text and an example."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from _repo import REPO
from newscorpus.cli.docs import EXAMPLES, commands, render


def test_every_command_has_help_and_an_example():
    for name, command in commands():
        assert (command.help or "").strip(), name
        assert EXAMPLES.get(name), f"no example for `newscorpus {name}` in clidocs.EXAMPLES"


def test_committed_cli_reference_is_current():
    committed = (REPO.root / "docs" / "cli.md").read_text(encoding="utf-8").splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(committed, render().splitlines(keepends=True), "docs/cli.md", "generated"))
    assert not diff, "run: python -m newscorpus.cli.docs > docs/cli.md\n" + diff


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    lines = (REPO.root / "README.md").read_text(encoding="utf-8").splitlines()
    setup_and_build, setup_and_test = lines[0].strip(), lines[1].strip()
    assert setup_and_build.endswith("newscorpus build --out dist/hf") and "python3 -m venv .venv" in setup_and_build
    assert setup_and_test.endswith(".venv/bin/python -m pytest") and "python3 -m venv .venv" in setup_and_test
    ci = (REPO.root / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_and_test in ci


def test_readme_lists_every_top_level_command():
    readme = (REPO.root / "README.md").read_text(encoding="utf-8")
    for name, _ in commands():
        if " " not in name:
            assert re.search(rf"`newscorpus {name}\b", readme), name


def test_guidelines_cover_every_label():
    from newscorpus.annotate import scheme

    guidelines = (REPO.annotations_dir / "GUIDELINES.md").read_text(encoding="utf-8")
    for layer, label in scheme.all_labels():
        assert label in guidelines, (layer, label)
    for role in scheme.ROLES:
        assert role in guidelines, role
