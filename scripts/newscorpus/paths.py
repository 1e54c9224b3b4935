"""Every project path, defined once (cookiecutter-data-science's config.py).

The project root is the folder holding ``corpus/manifest.csv``: ``NEWSCORPUS_ROOT`` if set,
else the nearest such folder at or above the working directory, else the checkout this
package was installed from.
"""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("NEWSCORPUS_ROOT")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "corpus" / "manifest.csv").is_file():
            return folder
    return Path(__file__).resolve().parents[2]


ROOT = _find_root()
CORPUS_DIR = ROOT / "corpus"
RAW_DIR = CORPUS_DIR / "raw"  # immutable: nothing writes here
CLEAN_DIR = CORPUS_DIR / "clean"
MANIFEST = CORPUS_DIR / "manifest.csv"
ANNOTATIONS_DIR = ROOT / "annotations"
ENTITIES = ANNOTATIONS_DIR / "entities.json"
SCHEMA_DIR = ROOT / "schema"
ANNOTATION_SCHEMA = SCHEMA_DIR / "annotation.schema.json"
ENTITIES_SCHEMA = SCHEMA_DIR / "entities.schema.json"
DATACARD = ROOT / "datacard.md"
DIST_DIR = ROOT / "dist"
HF_DIR = DIST_DIR / "hf"
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
CLEANING_RULES = PACKAGE_DATA / "cleaning_rules.toml"


def display(path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
