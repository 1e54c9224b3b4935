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


def invoke_in(cwd: Path | None, args):
    """``newscorpus ARGS`` through click's runner, run from ``cwd`` (commands find their corpus
    from the working directory)."""
    from contextlib import chdir, nullcontext

    from click.testing import CliRunner

    from newscorpus.cli import cli

    with chdir(cwd) if cwd is not None else nullcontext():
        return CliRunner().invoke(cli, [str(a) for a in args])
