"""The repository's own corpus, opened once for the tests that check the committed data."""

from pathlib import Path

from newscorpus.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
REPO = Corpus.open(ROOT)


def copy_corpus(target: Path, *, passes: bool = False) -> Corpus:
    """A throw-away copy of the repository's corpus (data only) at ``target``."""
    import shutil

    ignore = None if passes else shutil.ignore_patterns("passes")
    for name in ("corpus", "annotations", "schema", "reports"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=ignore if name == "annotations" else None)
    for name in ("datacard.md", "release.toml", "cleaning_rules.toml"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, target / name)
    return Corpus.open(target)
