"""The small Python API (`import newscorpus`) drives the same stages as the CLI."""

from __future__ import annotations

import pytest
from datasets import load_dataset

import newscorpus
import newscorpus.clean  # noqa: F401  (importing the subpackages must not shadow the API functions)
import newscorpus.preannotate  # noqa: F401
from _repo import copy_corpus
from newscorpus.corpus import NotACorpus


def test_api_runs_the_pipeline_on_a_corpus_copy(tmp_path):
    copy = copy_corpus(tmp_path / "copy")
    corpus = newscorpus.open_corpus(copy.root)
    assert newscorpus.find_corpus(copy.clean_dir) == corpus

    out = tmp_path / "clean"
    summary = newscorpus.clean_corpus(corpus, out_dir=out)
    docs = corpus.documents()
    assert summary.documents == len(docs)
    for doc in docs:
        assert (out / f"{doc.doc_id}.txt").read_text(encoding="utf-8") == (corpus.clean_dir / f"{doc.doc_id}.txt").read_text(encoding="utf-8")

    report = newscorpus.validate_corpus(corpus)
    assert report.valid, [str(p) for p in report.problems]

    written = newscorpus.preannotate_corpus(corpus, tmp_path / "suggestions")
    assert sorted(p.stem for p in written) == sorted(d.doc_id for d in docs)

    newscorpus.build_dataset(corpus, tmp_path / "hf")
    loaded = load_dataset(str(tmp_path / "hf"), "documents")
    assert sum(len(split) for split in loaded.values()) == len(docs)


def test_api_refuses_a_folder_that_is_no_corpus(tmp_path):
    with pytest.raises(NotACorpus, match="newscorpus init"):
        newscorpus.open_corpus(tmp_path)
    with pytest.raises(NotACorpus):
        newscorpus.find_corpus(tmp_path)
