"""Annotation-tool formats: one module per format, mapped to its name here and only here.

Each module holds pure conversions between newscorpus annotation documents and the tool's own
JSON (no file or network access). To add a format, write ``formats/<name>.py`` with its
conversion functions and add one line to ``FORMATS``.
"""

from __future__ import annotations

from types import ModuleType

from . import labelstudio

# format name -> module holding its conversions
FORMATS: dict[str, ModuleType] = {
    "labelstudio": labelstudio,
}

__all__ = ["FORMATS", "labelstudio"]
