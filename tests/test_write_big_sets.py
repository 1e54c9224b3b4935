"""A set of more files than ``SYNC_EACH_MAX`` (one sync for all temporaries instead of an fsync
each) is still one set: killed at either stage, the next write into the folder finishes or
drops it whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import newscorpus
from newscorpus.fileio import SYNC_EACH_MAX

SCRIPTS = str(Path(newscorpus.__file__).resolve().parents[1])
FILES = SYNC_EACH_MAX + 5
WRITE_SET = f"""
import sys
from pathlib import Path
from newscorpus.fileio import write_all
folder, version = Path(sys.argv[1]), sys.argv[2]
write_all([(folder / f"doc{{i}}.txt", version * (i + 1)) for i in range({FILES})])
"""
WRITE_OTHER = "import sys; from pathlib import Path; from newscorpus.fileio import write_all; write_all([(Path(sys.argv[1]) / 'other.txt', 'x')])"


def _run(code: str, *args: str, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSCORPUS_TEST_FAULT"} | {"PYTHONPATH": SCRIPTS}
    if fault:
        env["NEWSCORPUS_TEST_FAULT"] = fault
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("stage", ["file:temps-written", "file:renamed-one"])
def test_a_big_set_killed_at_each_stage_is_never_mixed(tmp_path, stage):
    folder = tmp_path / "clean"
    assert _run(WRITE_SET, str(folder), "a").returncode == 0
    killed = _run(WRITE_SET, str(folder), "b", fault=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert any(p.name.startswith(".") for p in folder.iterdir())
    assert _run(WRITE_OTHER, str(folder)).returncode == 0
    contents = {p.name: p.read_text() for p in folder.iterdir()}
    assert not [n for n in contents if n.startswith(".")], contents
    versions = {contents[f"doc{i}.txt"][0] for i in range(FILES)}
    assert versions == ({"a"} if stage == "file:temps-written" else {"b"}), contents
