"""Corpus-level consistency: every raw file has a manifest row, every row has its file, and a
release has no split that ``load_dataset`` could not read.

Nothing here skips silently: a folder that would not load is reported, naming the file.
"""

from __future__ import annotations

from collections import Counter

from newscorpus.corpus.manifest import SPLITS, Document
from newscorpus.errors import InputError, Problem
from newscorpus.fileio import display


def layout_problems(corpus, docs: list[Document]) -> list[Problem]:
    """Raw files without a manifest row and manifest rows without their raw file."""
    listed = {d.raw_file: d for d in docs}
    present = {p.name for p in corpus.raw_dir.glob("*.txt")} if corpus.raw_dir.is_dir() else set()
    manifest = display(corpus.manifest_path)
    problems = [
        Problem(display(corpus.raw_dir / name), "", f"raw file has no row in {corpus.manifest_path.name} "
                "(add articles with `newscorpus add`, which writes both)", "manifest")
        for name in sorted(present - set(listed))
    ]
    problems += [
        Problem(manifest, f"/{d.doc_id}", f"row {d.doc_id!r} names {d.raw_file}, which is not in {display(corpus.raw_dir)}", "manifest")
        for name, d in sorted(listed.items()) if name not in present
    ]
    return problems


def split_counts(docs: list[Document]) -> dict[str, int]:
    counts = Counter(d.split for d in docs)
    return {s: counts[s] for s in SPLITS}


def check_releasable(corpus, docs: list[Document]) -> None:
    """Refuse to build a dataset that would not load: no documents, or a split with none.

    ``datasets.load_dataset`` cannot read an empty split (a parquet file without rows fails with
    ``ArrowInvalid: BatchSize must be greater than 0``, one without row groups with ``corresponds
    to no data``), so the build stops and says which split needs a document.
    """
    manifest = display(corpus.manifest_path)
    if not docs:
        raise InputError("the corpus has no documents yet; add articles with `newscorpus add FILES...`", manifest)
    empty = [s for s, n in split_counts(docs).items() if n == 0]
    if empty:
        raise InputError(
            f"split(s) {', '.join(empty)} have no documents, and load_dataset cannot read an empty split; "
            f"add articles (`newscorpus add FILE --split {empty[0]}`) or move a row's split before its first release",
            manifest)
