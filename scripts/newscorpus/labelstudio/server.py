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

``start`` therefore refuses a busy port at once, reports what the server is doing while it
starts (``progress``), and runs it in its own process group, which ``stop`` ends as a whole:
also when the caller is interrupted (Ctrl-C, SIGTERM, SIGHUP) in the middle of the start.
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

# Label Studio feature flags for the page, set through the environment (``fflag_*`` variables
# reach the browser; one already in the environment wins). FF_DEV_3391 ("interactive view all",
# on by default) gives every annotation and prediction its own tree of the config's tags, so a
# task opened from its prediction builds and tears down the whole config twice; without it they
# share one tree. Measured with benchmarks/bench_labelstudio.py on the largest document (232
# spans), side by side on one loaded machine: opening it inside the running app took 20% less
# chromium CPU (1.80 -> 1.44 s), a cold open 3% less. The browser tests pass with it.
FEATURE_FLAGS = {
    "fflag_fix_front_dev_3391_interactive_view_all": "false",
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


def port_busy(host: str, port: int) -> bool:
    """True when something already listens on (or holds) ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return True
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


# (pattern in the log, what an operator is told) - the stages of a start, in order
_STAGES = [
    (re.compile(r"Applying \S+"), "applying database migrations (first start of this data folder: 20-60 s)"),
    (re.compile(r"Operations to perform|Running migrations"), "checking the database"),
    (re.compile(r"Starting development server"), "server started, waiting for /health"),
]


def _stop_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if the process that started it dies (even by SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path | None, *, home: Path | None = None, username: str | None = None,
               password: str | None = None, token: str | None = None) -> dict[str, str]:
    env = FEATURE_FLAGS | dict(os.environ) | QUIET_ENV
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
        """End the whole process group: SIGTERM, then SIGKILL for whatever is left after ``timeout``."""
        pgid = self.process.pid  # start_new_session: the server leads its own group
        if self.process.poll() is None or _group_alive(pgid):
            _signal_group(pgid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while (self.process.poll() is None or _group_alive(pgid)) and time.monotonic() < deadline:
                time.sleep(0.1)
            if self.process.poll() is None or _group_alive(pgid):
                _signal_group(pgid, signal.SIGKILL)
            self.process.wait(timeout)
            deadline = time.monotonic() + timeout
            while _group_alive(pgid) and time.monotonic() < deadline:
                time.sleep(0.1)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _group_alive(pgid: int) -> bool:
    """True while any process of the group is left (zombies of the group's leader aside)."""
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


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
    progress=None,
) -> Server:
    """Start ``label-studio start`` on ``host:port`` and wait until ``/health`` answers.

    ``template``: a folder made by ``make_template`` copied into an empty ``data_dir`` first.
    The server runs in its own process group; it is stopped again if it does not come up or
    if anything (KeyboardInterrupt included) interrupts the wait. ``progress(message)`` is called
    for each stage of the start and every 10 s while it lasts.
    """
    if data_dir is not None:
        data_dir = Path(data_dir)
        if template is not None and not (data_dir / "label_studio.sqlite3").exists():
            shutil.copytree(template, data_dir, dirs_exist_ok=True)
        data_dir.mkdir(parents=True, exist_ok=True)
    if port and port_busy(host, port):
        raise ServerError(f"port {port} on {host} is already in use: stop what runs there or choose another --port")
    port = port or free_port(host)
    log_path = Path(log_path or (data_dir or Path.cwd()) / "label-studio.log")
    env = server_env(data_dir, home=home, username=username, password=password, token=token)
    command = [str(executable()), "start", "--no-browser", "--internal-host", host, "--port", str(port)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    log = open(log_path, "ab")
    offset = log.tell()
    say = progress or (lambda message: None)
    say(f"starting Label Studio on http://{host}:{port} (log: {log_path})")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True, preexec_fn=_stop_with_parent if sys.platform.startswith("linux") else None)
    server = Server(f"http://{host}:{port}", port, process, data_dir, log_path, log)
    started = time.monotonic()
    deadline = started + timeout
    stage, last_report = -1, started
    try:
        while True:
            text = _tail(log_path, 200000, offset)
            for i, (pattern, message) in enumerate(_STAGES):
                if i > stage and pattern.search(text):
                    stage = i
                    say(message)
                    last_report = time.monotonic()
            if time.monotonic() - last_report >= 10:
                say(f"still starting ({time.monotonic() - started:.0f} s)")
                last_report = time.monotonic()
            if not server.alive():
                raise ServerError(f"label-studio exited with status {process.returncode}: {_tail(log_path)}")
            announced = re.findall(r"Starting development server at http://[^:/]+:(\d+)/", text)
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


def serve(data_dir: Path | None = None, *, ready=None, **options) -> int | None:
    """``start`` the server, call ``ready(server)``, and run until Ctrl-C / SIGTERM / SIGHUP.

    The signal handlers are in place before the start, so an interrupt at any moment - also
    while migrations run - stops the whole process group: nothing is left orphaned. Returns
    None when stopped by a signal, else the server's own exit status.
    """

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    server = None
    try:
        server = start(data_dir, **options)
        if ready is not None:
            ready(server)
        return server.process.wait()
    except KeyboardInterrupt:
        return None
    finally:
        if server is not None:
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _tail(path: Path, size: int = 600, offset: int = 0) -> str:
    try:
        data = Path(path).read_bytes()[offset:][-size:]
    except OSError:
        return ""
    return data.decode("utf-8", "replace").strip()
