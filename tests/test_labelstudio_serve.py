"""`newscorpus labelstudio serve` as users start it (a subprocess): progress, busy port, shutdown.

Stopping it - by Ctrl-C when running, by SIGTERM in the middle of the start - must leave no
Label Studio process behind: the whole process group goes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def serve(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}
    env |= {"PYTHONPATH": str(SCRIPTS), "HOME": str(tmp_path / "home")}
    (tmp_path / "home").mkdir(exist_ok=True)
    command = [sys.executable, "-c", "from newscorpus.cli import cli; cli()", "labelstudio", "serve", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def started_child(pid: int) -> int | None:
    """The child of ``pid`` running label-studio: not one caught between fork and exec, which is
    still in its parent's process group (``start_new_session`` moves it just before the exec)."""
    for child in children(pid):
        try:
            if b"label-studio" in Path(f"/proc/{child}/cmdline").read_bytes():
                return child
        except OSError:
            continue
    return None


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def read_until(process: subprocess.Popen, words: str, timeout: float) -> str:
    out = ""
    deadline = time.monotonic() + timeout
    while words not in out:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        out += line
        assert time.monotonic() < deadline, f"no {words!r} within {timeout} s: {out}"
    return out


def test_a_busy_port_is_an_error_at_once(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = serve(tmp_path, "--port", str(port), "--data-dir", str(tmp_path / "data"))
        out, _ = process.communicate(timeout=60)  # label-studio itself would wait ~80 s, then move to another port
    assert process.returncode == 1 and out.startswith("Error: ") and "Traceback" not in out
    assert f"port {port} on 127.0.0.1 is already in use" in out
    assert not (tmp_path / "data" / "label-studio.log").exists()  # label-studio was never started


def test_sigterm_during_the_start_stops_every_process(tmp_path):
    process = serve(tmp_path, "--data-dir", str(tmp_path / "data"))  # a new data folder: minutes of migrations
    try:
        out = read_until(process, "starting Label Studio on http://127.0.0.1:", timeout=180)
        deadline = time.monotonic() + 120
        while (server_pid := started_child(process.pid)) is None:
            assert time.monotonic() < deadline, "label-studio was not started"
            time.sleep(0.2)
        assert os.getpgid(server_pid) == server_pid  # its own process group, so it can be ended whole
        time.sleep(2)
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=180)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in out + rest and process.returncode == 0, out + rest
    deadline = time.monotonic() + 30
    while group_alive(server_pid):
        assert time.monotonic() < deadline, f"label-studio process group {server_pid} outlived serve"
        time.sleep(0.2)


def test_serve_runs_until_ctrl_c(tmp_path, labelstudio_template):
    shutil.copytree(labelstudio_template, tmp_path / "data")  # migrated already: a quick start
    process = serve(tmp_path, "--data-dir", str(tmp_path / "data"))
    try:
        out = read_until(process, "Label Studio is running at ", timeout=180)
        assert "starting Label Studio on http://127.0.0.1:" in out
        url = read_until(process, "export LABEL_STUDIO_URL=", timeout=10).split("export LABEL_STUDIO_URL=")[1].strip()
        with urllib.request.urlopen(f"{url}/health", timeout=10) as response:
            assert response.status == 200
        (server_pid,) = children(process.pid)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=180)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    deadline = time.monotonic() + 30
    while group_alive(server_pid):
        assert time.monotonic() < deadline, "label-studio outlived serve"
        time.sleep(0.2)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/health", timeout=2)
