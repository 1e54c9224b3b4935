"""Shared pytest fixtures."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest


# --------------------------------------------------------------------------- Label Studio


@dataclass
class LabelStudioInstance:
    url: str
    token: str
    server: object


@pytest.fixture(scope="session")
def label_studio(request, tmp_path_factory):
    """One real Label Studio server for the whole session, on a free port of 127.0.0.1.

    The migrated empty database is cached in pytest's cache folder (made once, ~30 s); each
    session copies it and starts in ~5 s. The server is stopped at teardown, also on failure.
    """
    from importlib.metadata import version

    from newscorpus.labelstudio import server as labelstudio_server

    cache = getattr(request.config, "cache", None)
    name = f"labelstudio-template-{version('label-studio')}"
    template_root = Path(cache.mkdir(name)) if cache is not None else tmp_path_factory.mktemp(name)
    template = labelstudio_server.make_template(template_root / "data")
    base = tmp_path_factory.mktemp("labelstudio")
    (base / "home").mkdir()
    token = secrets.token_hex(20)
    server = labelstudio_server.start(
        base / "data", home=base / "home", template=template,
        username="annotator@example.com", password=secrets.token_urlsafe(16), token=token,
    )
    try:
        yield LabelStudioInstance(server.url, token, server)
    finally:
        server.stop()
        shutil.rmtree(base / "home", ignore_errors=True)
