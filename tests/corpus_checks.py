"""Checks of a corpus's committed data, data-driven over whatever its manifest lists.

tests/test_corpus.py runs them on this repository's corpus; tests/test_corpus_flow.py runs the
same functions on a copy after `newscorpus add`, so adding articles can never break them.
"""

from __future__ import annotations

import hashlib

from newscorpus.annotate.schema import stale_schemas
from newscorpus.annotate.validate import validate_paths
from newscorpus.clean import clean_files, stale_outputs
from newscorpus.corpus.check import layout_problems
from newscorpus.corpus.manifest import SPLITS


def check_raw_matches_manifest(corpus) -> None:
    docs = corpus.documents()
    assert docs, "the manifest lists no documents"
    assert sorted(d.raw_file for d in docs) == sorted(p.name for p in corpus.raw_dir.glob("*.txt"))
    for doc in docs:
        assert hashlib.sha256((corpus.raw_dir / doc.raw_file).read_bytes()).hexdigest() == doc.raw_sha256, doc.doc_id
    assert layout_problems(corpus, docs) == []


def check_clean_is_current(corpus) -> None:
    docs = corpus.documents()
    results = clean_files([corpus.raw_dir / d.raw_file for d in docs], corpus.cleaning_rules_path)
    assert stale_outputs(results, corpus.clean_dir) == []
    assert sorted(p.stem for p in corpus.clean_dir.glob("*.txt")) == sorted(d.doc_id for d in docs)


def check_every_document_is_annotated_and_valid(corpus) -> None:
    report = validate_paths(corpus)
    assert report.valid, "\n".join(str(p) for p in report.problems)
    assert len(report.files) == len(corpus.documents())


def check_every_split_has_a_document(corpus) -> None:
    splits = {d.split for d in corpus.documents()}
    assert splits == set(SPLITS), f"empty split(s): {set(SPLITS) - splits}"


def check_schemas_are_current(corpus) -> None:
    assert stale_schemas(corpus.schema_dir) == []


CHECKS = [check_raw_matches_manifest, check_clean_is_current, check_every_document_is_annotated_and_valid,
          check_every_split_has_a_document, check_schemas_are_current]
