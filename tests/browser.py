"""A real browser for tests: Playwright driving Debian's chromium (/usr/bin/chromium).

Never `playwright install`: the system chromium is the browser (`apt-get install -y chromium`;
.ci/run installs it). Tests that need it skip with a clear reason when it is absent.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium() -> Path:
    """The chromium binary, or skip the test saying what is missing."""
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="needs the playwright package (the test extra)")
    return CHROMIUM if CHROMIUM.is_file() else Path(shutil.which("chromium"))


@contextlib.contextmanager
def browser_page():
    """A fresh page in a headless system chromium; closed afterwards, also on failure."""
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True, args=LAUNCH_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()
