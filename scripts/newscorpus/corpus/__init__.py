"""The corpus stage: the Corpus object, its manifest, and ingesting articles."""

from newscorpus.corpus.project import Corpus, NotACorpus

__all__ = ["Corpus", "NotACorpus"]
