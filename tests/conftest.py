"""Shared pytest fixtures."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """The suite never reads or writes the user's cache folder (the pre-annotator's knowledge
    cache): one fresh folder for the session, inherited by the commands tests start."""
    from newscorpus.preannotate.knowledge import CACHE_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("newscorpus-cache")))
        yield


# --------------------------------------------------------------------------- Label Studio


@dataclass
class LabelStudioInstance:
    url: str
    token: str
    server: object
    username: str = ""
    password: str = ""


@pytest.fixture(scope="session")
def labelstudio_template(request, tmp_path_factory) -> Path:
    """A migrated, empty Label Studio data folder, cached in pytest's cache folder (made once, ~30-150 s)."""
    from importlib.metadata import version

    from newscorpus.labelstudio import server as labelstudio_server

    cache = getattr(request.config, "cache", None)
    name = f"labelstudio-template-{version('label-studio')}"
    template_root = Path(cache.mkdir(name)) if cache is not None else tmp_path_factory.mktemp(name)
    return labelstudio_server.make_template(template_root / "data")


@pytest.fixture(scope="session")
def label_studio(labelstudio_template, tmp_path_factory):
    """One real Label Studio server for the whole session, on a free port of 127.0.0.1.

    Each session copies the cached migrated database and starts in ~5 s. The server is stopped
    at teardown, also on failure.
    """
    from newscorpus.labelstudio import server as labelstudio_server

    template = labelstudio_template
    base = tmp_path_factory.mktemp("labelstudio")
    (base / "home").mkdir()
    token = secrets.token_hex(20)
    username, password = "annotator@example.com", secrets.token_urlsafe(16)
    server = labelstudio_server.start(
        base / "data", home=base / "home", template=template, username=username, password=password, token=token,
    )
    try:
        yield LabelStudioInstance(server.url, token, server, username, password)
    finally:
        server.stop()
        shutil.rmtree(base / "home", ignore_errors=True)


# --------------------------------------------------------------------------- browser

CHROMIUM = Path("/usr/bin/chromium")
# a clean, quiet, headless browser: no GPU, no sync or update traffic, no first-run dialogs
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium driven by Playwright (never `playwright install`); skipped with the reason when absent.

    Module-scoped: Playwright's sync API allows one running instance per process, and other
    modules (tests/test_show.py) start their own.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it): browser tests not run")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -c constraints.txt -e '.[test]'): browser tests not run")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
