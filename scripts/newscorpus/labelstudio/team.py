"""Team annotation on community Label Studio: every annotator's submission kept, agreement per session.

Community Label Studio has no task overlap, agreement or review queue. A team session is N copies
of one project (``push --overlap N``: ``<title> #1`` ... ``<title> #N``), annotator k working in
copy k. Pulling it keeps every submission (``<folder>/<annotator id>/<doc_id>.json``), and the
agreement of a session is ``newscorpus agreement`` on exactly those documents, computed without
writing them anywhere.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from newscorpus.errors import NewscorpusError
from . import files, review
from .convert import Converted

FALLBACK_ANNOTATOR = "labelstudio"  # a submission whose user Label Studio does not name


def annotator_of(item: Converted) -> str:
    return item.doc.get(review.REVIEWED_BY) or FALLBACK_ANNOTATOR


def convert_team(exports: list[tuple[str, Any]], **options: Any) -> tuple[dict[str, dict[str, Converted]], files.ImportReport]:
    """Every submission of every copy: ({annotator: {doc_id: converted}}, report of what was left out).

    An annotator who submitted one document in two copies is counted once, with their latest
    submission (and a note).
    """
    report = files.ImportReport(Path("."))
    by_annotator: dict[str, dict[str, Converted]] = {}
    for name, data in exports:
        conversion = files.convert_export(data, name=name, every=True, **options)
        report.skipped += conversion.skipped
        report.problems += conversion.problems
        report.left_out += [f"{what} in {name}" for what in conversion.left_out]
        for item in conversion.converted:
            docs = by_annotator.setdefault(annotator_of(item), {})
            earlier = docs.get(item.doc_id)
            if earlier is not None:
                later = max(earlier, item, key=lambda i: i.doc.get(review.REVIEWED_AT) or "")
                report.notes.append(f"{item.doc_id}: {annotator_of(item)} submitted it twice; kept task {later.task_id}")
                item = later
            docs[item.doc_id] = item
    return dict(sorted(by_annotator.items())), report


def import_team(exports: list[tuple[str, Any]], *, out_dir: Path, force: bool = False, **options: Any) -> tuple[files.ImportReport, list[str]]:
    """Write every annotator's submissions to ``out_dir/<annotator id>/``; (report, annotator ids)."""
    by_annotator, report = convert_team(exports, **options)
    items = [item for docs in by_annotator.values() for item in docs.values()]
    written = files.write_documents(items, out_dir, force=force, folder_for=lambda item: Path(out_dir) / annotator_of(item))
    for name in ("skipped", "notes", "problems", "left_out"):
        setattr(written, name, getattr(report, name) + getattr(written, name))
    return written, list(by_annotator)


def session_agreement(exports: list[tuple[str, Any]], *, split: str | None = None, manifest_path: Path | None = None, **options: Any):
    """[(reference annotator, candidate annotator, Agreement)] for every pair, and the conversion report.

    Annotators are taken in id order; the first of a pair is the reference, as A_DIR is for
    ``newscorpus agreement A_DIR B_DIR``.
    """
    from newscorpus.annotate.agreement import compare, split_doc_ids

    by_annotator, report = convert_team(exports, **options)
    if len(by_annotator) < 2:
        raise NewscorpusError(f"agreement needs two annotators' submissions; this session has {len(by_annotator)} "
                              f"({', '.join(by_annotator) or 'none'})")
    if split and manifest_path is None:
        from newscorpus.corpus.project import Corpus

        manifest_path = Corpus.find().manifest_path
    ids = split_doc_ids(split, manifest_path)
    docs = {who: {d: item.doc for d, item in items.items() if ids is None or d in ids} for who, items in by_annotator.items()}
    return [(a, b, compare(docs[a], docs[b])) for a, b in combinations(docs, 2)], report
