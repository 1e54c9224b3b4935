"""newscorpus: clean, annotate, validate and publish an annotated news corpus.

The library does the work; ``newscorpus.cli`` is a thin click layer over it.
"""

__version__ = "0.1.0"
