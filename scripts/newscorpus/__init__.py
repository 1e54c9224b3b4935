"""newscorpus: clean, annotate, validate and publish an annotated news corpus.

The library does the work; ``newscorpus.cli`` is a thin click layer over it. A small API for
scripts and notebooks::

    import newscorpus
    corpus = newscorpus.init_corpus("path/to/corpus")   # a new one; or open_corpus / find_corpus
    newscorpus.add_articles(corpus, ["article.txt", "scraped.jsonl"])
    corpus = newscorpus.open_corpus("path/to/corpus")   # or newscorpus.find_corpus()
    newscorpus.clean_corpus(corpus)                      # corpus/raw -> corpus/clean
    newscorpus.preannotate_corpus(corpus, out_dir="suggestions")
    report = newscorpus.validate_corpus(corpus)          # report.valid, report.problems
    newscorpus.build_dataset(corpus)                     # -> dist/hf

Each function is one stage; the stage subpackages (``newscorpus.clean``, ``newscorpus.annotate``,
``newscorpus.publish`` ...) hold the details. The functions are named ``*_corpus`` so that no
name here is shadowed by a subpackage of the same name once it is imported.
"""

from __future__ import annotations

__version__ = "0.2.0"


def open_corpus(root):
    """The corpus at ``root`` (a folder holding corpus/manifest.csv)."""
    from newscorpus.corpus import Corpus

    return Corpus.open(root)


def find_corpus(start=None):
    """The nearest corpus at or above ``start`` [default: the working directory]."""
    from newscorpus.corpus import Corpus

    return Corpus.find(start)


def init_corpus(folder, *, force=False):
    """Lay out a new corpus at ``folder`` (see ``newscorpus.corpus.init``) and return it."""
    from newscorpus.corpus.init import init_corpus as _init

    return _init(folder, force=force)


def add_articles(corpus, files, **metadata):
    """Add articles (.txt, JSON/JSONL records) to ``corpus``; returns the new manifest rows."""
    from newscorpus.corpus.ingest import add_articles as _add

    return _add(corpus, [*files], **metadata)


def clean_corpus(corpus, raw_files=None, out_dir=None):
    """Clean the corpus's raw articles (or ``raw_files``) into ``out_dir`` [default: corpus/clean]."""
    from newscorpus.clean import clean_corpus as _clean

    raw_files = list(raw_files) if raw_files else sorted(corpus.raw_dir.glob("*.txt"))
    return _clean(raw_files, out_dir or corpus.clean_dir, corpus.cleaning_rules_path, raw_dir=corpus.raw_dir)


def preannotate_corpus(corpus, out_dir, clean_files=None, *, force=False):
    """Rule-based suggestions for the corpus's clean texts (or ``clean_files``) into ``out_dir``."""
    from newscorpus.preannotate import preannotate_files

    files = list(clean_files) if clean_files else sorted(corpus.clean_dir.glob("*.txt"))
    registry = corpus.entities_path if corpus.entities_path.is_file() else None
    return preannotate_files(files, out_dir, registry=registry, force=force, manifest=corpus.manifest_path,
                             annotations_dir=corpus.annotations_dir, clean_dir=corpus.clean_dir)


def validate_corpus(corpus, targets=None):
    """Schema and semantic checks of the corpus's annotation files (or ``targets``); returns a Report."""
    from newscorpus.annotate.validate import validate_paths

    return validate_paths(corpus, list(targets) if targets else None)


def build_dataset(corpus, out_dir=None, *, standoff=False):
    """Clean, validate and write the Hugging Face dataset folder [default: dist/hf]."""
    from newscorpus.publish.build import build as _build

    return _build(corpus, out_dir, standoff=standoff)


__all__ = ["__version__", "add_articles", "build_dataset", "clean_corpus", "find_corpus", "init_corpus", "open_corpus", "preannotate_corpus", "validate_corpus"]
