"""``newscorpus init``: lay out a new, empty corpus that every other command can work on.

Writes ``corpus/raw/``, ``corpus/manifest.csv`` (header only), ``annotations/entities.json``
(an empty registry), ``schema/`` (the JSON Schemas and the annotation scheme), a generic
``datacard.md`` and a ``release.toml`` to fill in. A folder that already holds anything is
refused unless ``force`` (then only these files are written; nothing else is touched).
"""

from __future__ import annotations

import re
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.annotate.schema import write_schemas
from newscorpus.corpus.manifest import render_manifest
from newscorpus.corpus.project import PACKAGE_DATA, Corpus
from newscorpus.corpus.release import TEMPLATE
from newscorpus.errors import InputError
from newscorpus.fileio import atomic_write_json, atomic_write_text

DATACARD_TEMPLATE = PACKAGE_DATA / "datacard.md"


def _machine_name(folder: Path) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", folder.name.lower()).strip("-._")
    return name or "my-news-corpus"


def init_corpus(folder: Path | str, *, force: bool = False) -> Corpus:
    """Create a corpus at ``folder`` and return it."""
    folder = Path(folder).resolve()
    if folder.exists() and not folder.is_dir():
        raise InputError("exists and is not a folder", str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError("folder is not empty; use --force to lay a corpus out in it anyway "
                         "(only the corpus files are written)", str(folder))
    corpus = Corpus(folder)
    if force and corpus.manifest_path.is_file():
        raise InputError("already holds a corpus (corpus/manifest.csv); nothing written", str(folder))
    corpus.raw_dir.mkdir(parents=True, exist_ok=True)
    corpus.annotations_dir.mkdir(parents=True, exist_ok=True)
    write_schemas(corpus.schema_dir)
    atomic_write_json(corpus.entities_path, {"schema_version": scheme.SCHEMA_VERSION, "entities": []})
    name = _machine_name(folder)
    atomic_write_text(corpus.release_path, TEMPLATE.format(name=name, pretty_name=name.replace("-", " ").capitalize()))
    atomic_write_text(corpus.datacard_path, DATACARD_TEMPLATE.read_text(encoding="utf-8"))
    if not (corpus.root / ".gitignore").exists():
        atomic_write_text(corpus.root / ".gitignore", "dist/\n")
    atomic_write_text(corpus.manifest_path, render_manifest([]))  # last: from here on it is a corpus
    return Corpus.open(folder)
