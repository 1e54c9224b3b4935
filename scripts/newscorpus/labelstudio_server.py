"""Start and stop a local Label Studio server (``newscorpus labelstudio serve`` and the tests).

Facts this relies on (label-studio 1.23):

* it starts without prompts when ``LABEL_STUDIO_USERNAME``/``LABEL_STUDIO_PASSWORD`` (and
  optionally ``LABEL_STUDIO_USER_TOKEN``) are set; a fixed token only works as an API token
  with ``LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true`` at the organisation's creation;
* the first start runs the database migrations (20-45 s); ``label-studio version`` runs them
  too, so a migrated data folder can be copied as a template for a ~5 s start;
* a busy port makes it move silently to port+1, so we pick a free port, then check the port it
  announces in its log;
* ``label-studio --version`` starts a server: never call it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.errors import NewscorpusError

QUIET_ENV = {
    "COLLECT_ANALYTICS": "false",
    "LATEST_VERSION_CHECK": "false",
    "SENTRY_DSN": "",
    "FRONTEND_SENTRY_DSN": "",
}


class ServerError(NewscorpusError):
    """The local Label Studio server could not be started."""


def executable() -> Path:
    """The ``label-studio`` script next to this Python interpreter."""
    folder = Path(sys.executable).parent
    for name in ("label-studio", "label-studio.exe"):
        if (folder / name).exists():
            return folder / name
    found = shutil.which("label-studio")
    if not found:
        raise ServerError("label-studio is not installed (pip install 'newscorpus[test]')")
    return Path(found)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path | None, *, home: Path | None = None, username: str | None = None,
               password: str | None = None, token: str | None = None) -> dict[str, str]:
    env = dict(os.environ) | QUIET_ENV
    if data_dir is not None:
        env["LABEL_STUDIO_BASE_DATA_DIR"] = str(data_dir)
    if home is not None:
        env["HOME"] = str(home)
    if username and password:
        env["LABEL_STUDIO_USERNAME"] = username
        env["LABEL_STUDIO_PASSWORD"] = password
        if token:
            env["LABEL_STUDIO_USER_TOKEN"] = token
            env["LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN"] = "true"
    return env


def make_template(folder: Path, *, timeout: float = 300) -> Path:
    """A migrated, empty data folder (made once with ``label-studio version``); returns ``folder``."""
    folder = Path(folder)
    if (folder / "label_studio.sqlite3").exists():
        return folder
    staging = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "home").mkdir(parents=True)
    env = server_env(staging / "data", home=staging / "home")
    result = subprocess.run([str(executable()), "version"], env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0 or not (staging / "data" / "label_studio.sqlite3").exists():
        raise ServerError(f"`label-studio version` failed to migrate a database: {result.stderr[-500:]}")
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(staging / "data", folder)
    shutil.rmtree(staging, ignore_errors=True)
    return folder


@dataclass
class Server:
    """A running local Label Studio; stop() (or leaving the ``with`` block) ends it."""

    url: str
    port: int
    process: subprocess.Popen
    data_dir: Path | None
    log_path: Path
    _log: object = field(default=None, repr=False)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 20) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start(
    data_dir: Path | None = None,
    *,
    port: int | None = None,
    host: str = "127.0.0.1",
    home: Path | None = None,
    username: str | None = None,
    password: str | None = None,
    token: str | None = None,
    template: Path | None = None,
    log_path: Path | None = None,
    timeout: float = 180,
) -> Server:
    """Start ``label-studio start`` on ``host:port`` and wait until ``/health`` answers.

    ``template``: a folder made by ``make_template`` copied into an empty ``data_dir`` first.
    The server runs in its own process group; it is stopped again if it does not come up.
    """
    if data_dir is not None:
        data_dir = Path(data_dir)
        if template is not None and not (data_dir / "label_studio.sqlite3").exists():
            shutil.copytree(template, data_dir, dirs_exist_ok=True)
        data_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port(host)
    log_path = Path(log_path or (data_dir or Path.cwd()) / "label-studio.log")
    env = server_env(data_dir, home=home, username=username, password=password, token=token)
    command = [str(executable()), "start", "--no-browser", "--internal-host", host, "--port", str(port)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    log = open(log_path, "ab")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    server = Server(f"http://{host}:{port}", port, process, data_dir, log_path, log)
    deadline = time.monotonic() + timeout
    try:
        while True:
            if not server.alive():
                raise ServerError(f"label-studio exited with status {process.returncode}: {_tail(log_path)}")
            announced = re.findall(r"Starting development server at http://[^:/]+:(\d+)/", _tail(log_path, 20000))
            if announced and int(announced[-1]) != port:
                raise ServerError(f"label-studio moved to port {announced[-1]} instead of {port} (port busy?)")
            if announced and _healthy(server.url):
                return server
            if time.monotonic() > deadline:
                raise ServerError(f"label-studio did not answer on {server.url}/health within {timeout:.0f} s: {_tail(log_path)}")
            time.sleep(0.5)
    except BaseException:
        server.stop()
        raise


def run_until_stopped(server: Server) -> None:
    """Wait for the server to exit or for Ctrl-C / SIGTERM / SIGHUP, then stop it (never orphaned)."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _tail(path: Path, size: int = 600) -> str:
    try:
        data = Path(path).read_bytes()[-size:]
    except OSError:
        return ""
    return data.decode("utf-8", "replace").strip()
