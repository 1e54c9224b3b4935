"""Faults at the write stages: kill -9 between steps, disk full, permission denied.

Kills use the writer's test hook (``NEWSCORPUS_TEST_FAULT=<stage>`` makes the process SIGKILL
itself exactly there) in a real subprocess. Disk-full tests mount a small tmpfs and need root;
permission tests drop CAP_DAC_OVERRIDE with setpriv when running as root.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import newscorpus
from _repo import copy_corpus

SCRIPTS = str(Path(newscorpus.__file__).resolve().parents[1])
IS_ROOT = os.geteuid() == 0
NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def run(args: list[str], cwd: Path, *, fault: str | None = None, exchange: bool = True, unprivileged: bool = False, code: str | None = None):
    env = {**os.environ, "PYTHONPATH": SCRIPTS, "NEWSCORPUS_ROOT": ""}
    env.pop("NEWSCORPUS_ROOT")
    env.pop("NEWSCORPUS_TEST_FAULT", None)
    if fault:
        env["NEWSCORPUS_TEST_FAULT"] = fault
    if not exchange:
        env["NEWSCORPUS_TEST_NO_EXCHANGE"] = "1"
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "newscorpus.cli", *args]
    if unprivileged and IS_ROOT:
        command = NO_DAC + command
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def visible(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(folder).items() if not any(part.startswith(".") for part in k.split("/"))}


STAGED = """
import sys
from pathlib import Path
from newscorpus.fileio import staged_dir
target, version = Path(sys.argv[1]), sys.argv[2]
with staged_dir(target, made_by="test") as staging:
    for i in range(3):
        (staging / f"part{i}.txt").write_text(version * (i + 1))
"""

RECOVER = "import sys; from newscorpus.fileio import prepare_dir; prepare_dir(sys.argv[1])"


# ---------------------------------------------------------------------------------- kills


@pytest.mark.parametrize("stage, exchange, expect", [
    ("dir:staged", True, "old"),
    ("dir:swapped", True, "new"),
    ("dir:staged", False, "old"),
    ("dir:moved-aside", False, "old"),   # the target is aside: the next run restores it
    ("dir:swapped", False, "new"),
])
def test_folder_swap_killed_at_each_stage(tmp_path, stage, exchange, expect):
    target = tmp_path / "out" / "hf"
    assert run([str(target), "old"], tmp_path, code=STAGED).returncode == 0
    old = visible(target)
    killed = run([str(target), "new"], tmp_path, code=STAGED, fault=stage, exchange=exchange)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if stage == "dir:moved-aside":
        assert not target.exists() and (target.parent / ".hf.old").is_dir()
    else:
        assert set(visible(target).values()) == ({b"old", b"oldold", b"oldoldold"} if expect == "old" else {b"new", b"newnew", b"newnewnew"})
    assert run([str(target)], tmp_path, code=RECOVER).returncode == 0
    assert set(visible(target).values()) == ({b"old", b"oldold", b"oldoldold"} if expect == "old" else {b"new", b"newnew", b"newnewnew"})
    assert sorted(p.name for p in target.parent.iterdir()) == [".hf.lock", "hf"], "leftovers of the killed run were not cleaned up"
    if expect == "old":
        assert visible(target) == old
    assert run([str(target), "next"], tmp_path, code=STAGED).returncode == 0
    assert set(visible(target).values()) == {b"next", b"nextnext", b"nextnextnext"}


WRITE_SET = """
import sys
from pathlib import Path
from newscorpus.fileio import write_all
folder, version = Path(sys.argv[1]), sys.argv[2]
write_all([(folder / f"doc{i}.txt", version * (i + 1)) for i in range(3)])
"""


@pytest.mark.parametrize("stage", ["file:temps-written", "file:renamed-one"])
def test_file_set_killed_at_each_stage(tmp_path, stage):
    folder = tmp_path / "clean"
    assert run([str(folder), "a"], tmp_path, code=WRITE_SET).returncode == 0
    killed = run([str(folder), "b"], tmp_path, code=WRITE_SET, fault=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert any(p.name.startswith(".") for p in folder.iterdir())  # temporaries (and a journal) were left
    # the next write into the folder finishes (or drops) the killed set, so it is never mixed
    assert run([str(folder), "c"], tmp_path, code="import sys; from pathlib import Path; from newscorpus.fileio import write_all;"
               "write_all([(Path(sys.argv[1]) / 'other.txt', 'x')])").returncode == 0
    contents = {p.name: p.read_text() for p in folder.iterdir()}
    assert not [n for n in contents if n.startswith(".")], contents
    versions = {contents[f"doc{i}.txt"][0] for i in range(3)}
    assert versions == ({"a"} if stage == "file:temps-written" else {"b"}), contents


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A corpus copy with a built dist/hf."""
    root = tmp_path_factory.mktemp("faults") / "corpus"
    copy_corpus(root)
    result = run(["build"], root)
    assert result.returncode == 0, result.stderr
    return root


def test_dist_hf_is_readable_by_others(built):
    mode = (built / "dist" / "hf").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o777 & ~umask, oct(mode)
    assert ((built / "dist" / "hf" / "README.md").stat().st_mode & 0o044) == 0o044


def test_build_killed_after_moving_dist_hf_aside_is_recovered(built, tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(built, root)
    before = visible(root / "dist" / "hf")
    killed = run(["build"], root, fault="dir:moved-aside", exchange=False)
    assert killed.returncode == -signal.SIGKILL
    assert not (root / "dist" / "hf").exists()
    # the next build recovers dist/hf before anything else, even one that then refuses to build
    annotation = root / "annotations" / "000_3bb1601c3ebb1da9.json"
    annotation.write_text(annotation.read_text(encoding="utf-8").replace('"start": ', '"start": 1.5, "x": ', 1), encoding="utf-8")
    refused = run(["build"], root)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert visible(root / "dist" / "hf") == before
    assert sorted(p.name for p in (root / "dist").iterdir()) == [".cache", ".hf.lock", "hf"]


# ---------------------------------------------------------------------------------- disk full


@pytest.fixture
def small_disk(tmp_path):
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("disk-full tests mount a small tmpfs: they need root")
    mnt = tmp_path / "small"
    mnt.mkdir()

    def mount(size: str):
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        return mnt

    yield mount
    subprocess.run(["umount", str(mnt)], capture_output=True)


def test_disk_full_during_build_writes_nothing(built, small_disk):
    mnt = small_disk("64k")
    result = run(["build", "--out", str(mnt / "hf")], built)
    assert result.returncode == 1, result.stderr
    assert "no space left on device" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert list(mnt.iterdir()) == [], list(mnt.iterdir())


def test_disk_full_during_clean_writes_none_of_the_files(built, small_disk, tmp_path):
    full = run(["clean", "--out", str(tmp_path / "clean")], built)
    assert full.returncode == 0, full.stderr
    total = sum(p.stat().st_size for p in (tmp_path / "clean").iterdir())
    mnt = small_disk(str(total // 2))
    result = run(["clean", "--out", str(mnt / "clean")], built)
    assert result.returncode == 1 and "no space left on device" in result.stderr, result.stderr
    assert [p for p in (mnt / "clean").rglob("*")] == [] if (mnt / "clean").exists() else True


def test_disk_full_during_import_writes_none_of_the_files(built, small_disk, tmp_path):
    tasks = tmp_path / "tasks.json"
    assert run(["labelstudio", "export", "--out", str(tasks)], built).returncode == 0
    data = json.loads(tasks.read_text(encoding="utf-8"))
    for n, task in enumerate(data, start=1):
        task.update(id=n, annotations=[{"id": n, "completed_by": 1, "was_cancelled": False, "result": task["predictions"][0]["result"]}])
    tasks.write_text(json.dumps(data), encoding="utf-8")
    mnt = small_disk("96k")
    result = run(["labelstudio", "import", str(tasks), "--out", str(mnt / "ann")], built)
    assert result.returncode == 1 and "no space left on device" in result.stderr, result.stderr
    assert not (mnt / "ann").exists() or list((mnt / "ann").iterdir()) == []


# ---------------------------------------------------------------------------------- permissions


@pytest.fixture
def locked(tmp_path):
    if IS_ROOT and shutil.which("setpriv") is None:
        pytest.skip("permission tests as root need setpriv to drop CAP_DAC_OVERRIDE")
    folders = []

    def lock(path: Path, mode: int) -> Path:
        path.chmod(mode)
        folders.append(path)
        return path

    yield lock
    for path in folders:
        path.chmod(0o755)


def _no_traceback(result, *words):
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.startswith("Error: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_read_only_output_folders(built, tmp_path, locked):
    ro = tmp_path / "ro"
    ro.mkdir()
    locked(ro, 0o555)
    _no_traceback(run(["clean", "--out", str(ro / "clean")], built, unprivileged=True), "Permission denied")
    (ro.parent / "ro2").mkdir()
    ro2 = locked(ro.parent / "ro2", 0o555)
    _no_traceback(run(["labelstudio", "export", "--out", str(ro2 / "tasks.json")], built, unprivileged=True), "ro2", "Permission denied")
    _no_traceback(run(["labelstudio", "config", "--out", str(ro2 / "config.xml")], built, unprivileged=True), "Permission denied")
    _no_traceback(run(["schema", "--out", str(ro2)], built, unprivileged=True), "Permission denied")
    assert list(ro.iterdir()) == [] and list(ro2.iterdir()) == []


def test_read_only_corpus_clean_folder(built, tmp_path, locked):
    root = tmp_path / "corpus"
    shutil.copytree(built, root)
    before = tree(root / "corpus" / "clean")
    (root / "corpus" / "clean" / "000_3bb1601c3ebb1da9.txt").write_text("drifted\n", encoding="utf-8")
    before = tree(root / "corpus" / "clean")
    locked(root / "corpus" / "clean", 0o555)
    _no_traceback(run(["clean"], root, unprivileged=True), "Permission denied")
    assert tree(root / "corpus" / "clean") == before


def test_unreadable_inputs(built, tmp_path, locked):
    root = tmp_path / "corpus"
    shutil.copytree(built, root)
    annotation = root / "annotations" / "001_f223456a580e97a0.json"
    locked(annotation, 0o000)
    result = run(["validate", str(annotation)], root, unprivileged=True)  # click checks the argument itself
    assert result.returncode == 2 and "is not readable" in result.stderr and "Traceback" not in result.stderr, (result.stdout, result.stderr)
    result = run(["validate"], root, unprivileged=True)  # found by listing the folder
    assert result.returncode == 1 and "001_f223456a580e97a0.json: Permission denied" in result.stdout, (result.stdout, result.stderr)
    raw = locked(root / "corpus" / "raw" / "000_3bb1601c3ebb1da9.txt", 0o000)
    _no_traceback(run(["clean", "--out", str(tmp_path / "c")], root, unprivileged=True), raw.name, "Permission denied")
    assert not (tmp_path / "c").exists()
    _no_traceback(run(["agreement", "annotations", "annotations"], root, unprivileged=True), "Permission denied")
