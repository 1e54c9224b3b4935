"""The click group and what every command shares: error handling, progress and ``--root``.

Library errors (``NewscorpusError``) become ``Error: file: place: message`` with exit status 1,
never a traceback. Commands live in one module per pipeline stage beside this one.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click
from tqdm import tqdm

from newscorpus import __version__
from newscorpus.corpus.project import Corpus
from newscorpus.errors import NewscorpusError


class _Group(click.Group):
    """A click group that turns library errors into clean one-line CLI errors."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewscorpusError as exc:
            raise click.ClickException(str(exc)) from None


def progress(items, desc: str):
    """A tqdm bar on stderr for loops over documents: done/total and rate (hidden when not a terminal)."""
    return tqdm(items, desc=desc, unit="doc", file=sys.stderr, disable=None, leave=False)


def open_corpus(root: Path | None) -> Corpus:
    """The corpus at ``root``, else the nearest one at or above the working directory."""
    return Corpus.open(root) if root is not None else Corpus.find()


_root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=None, envvar="NEWSCORPUS_ROOT",
    help="The corpus folder [default: the nearest folder at or above the working directory holding "
         "corpus/manifest.csv; env NEWSCORPUS_ROOT].")


def with_corpus(func):
    """Add ``--root`` and pass the opened ``corpus`` (outside a corpus: a clear error, nothing written)."""

    @_root_option
    @functools.wraps(func)
    def wrapper(*args, root, **kwargs):
        return func(*args, corpus=open_corpus(root), **kwargs)

    return wrapper


def with_root(func):
    """Add ``--root`` and pass a ``corpus()`` callable, for commands that need a corpus only for defaults."""

    @_root_option
    @functools.wraps(func)
    def wrapper(*args, root, **kwargs):
        return func(*args, corpus=functools.partial(open_corpus, root), **kwargs)

    return wrapper


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newscorpus")
def cli():
    """Build, validate and publish an annotated news corpus.

    Pipeline: corpus/raw -> clean -> corpus/clean -> annotations/ -> validate -> build -> dist/hf
    """
