"""The corpus a command works on: one object that knows where everything of one corpus lives.

Nothing is bound at import time and nothing falls back to the installed checkout: a stage is
given a ``Corpus`` (or explicit paths), so the library can work on any number of corpora.
A folder is a corpus when it holds ``corpus/manifest.csv`` (``newscorpus init`` lays one out).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newscorpus.errors import NewscorpusError

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_CLEANING_RULES = PACKAGE_DATA / "cleaning_rules.toml"
MANIFEST_NAME = Path("corpus") / "manifest.csv"


class NotACorpus(NewscorpusError):
    """The folder given (or every folder above the working directory) holds no corpus."""


@dataclass(frozen=True)
class Corpus:
    """A corpus folder (cookiecutter-data-science roles: raw is immutable, the rest is rebuilt)."""

    root: Path

    @classmethod
    def open(cls, root: Path | str) -> "Corpus":
        """The corpus at ``root``; refused unless it holds ``corpus/manifest.csv``."""
        root = Path(root).resolve()
        if not (root / MANIFEST_NAME).is_file():
            raise NotACorpus(f"not a corpus (no {MANIFEST_NAME.as_posix()}); start one with `newscorpus init {root}`", str(root))
        return cls(root)

    @classmethod
    def find(cls, start: Path | str | None = None) -> "Corpus":
        """The nearest corpus at or above ``start`` [default: the working directory]."""
        here = Path(start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MANIFEST_NAME).is_file():
                return cls(folder)
        raise NotACorpus(f"no corpus here or in any folder above (no {MANIFEST_NAME.as_posix()}); "
                         "start one with `newscorpus init DIR`, or pass --root DIR", str(here))

    # --- folders and files, each defined once -------------------------------------------
    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def raw_dir(self) -> Path:
        """The scraped articles, byte for byte: nothing writes here but `add`."""
        return self.corpus_dir / "raw"

    @property
    def records_dir(self) -> Path:
        """The other fields of scraper records `add` took articles from (one JSON per doc id)."""
        return self.corpus_dir / "records"

    @property
    def clean_dir(self) -> Path:
        return self.corpus_dir / "clean"

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    @property
    def annotations_dir(self) -> Path:
        return self.root / "annotations"

    @property
    def entities_path(self) -> Path:
        return self.annotations_dir / "entities.json"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def datacard_path(self) -> Path:
        return self.root / "datacard.md"

    @property
    def release_path(self) -> Path:
        return self.root / "release.toml"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def hf_dir(self) -> Path:
        return self.dist_dir / "hf"

    @property
    def cleaning_rules_path(self) -> Path:
        """The corpus's own ``cleaning_rules.toml`` when it has one, else the packaged rules."""
        own = self.root / "cleaning_rules.toml"
        return own if own.is_file() else DEFAULT_CLEANING_RULES

    def documents(self):
        """The manifest rows (``corpus.manifest.Document``), checked."""
        from newscorpus.corpus.manifest import read_manifest

        return read_manifest(self.manifest_path)
