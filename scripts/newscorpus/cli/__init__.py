"""Command-line interface: a thin click layer, one module per pipeline stage.

Each command parses its options and calls one library function; ``app`` holds what they share.
"""

from newscorpus.cli.app import cli
from newscorpus.cli import annotate, baseline, clean, corpus, labelstudio, preannotate, publish  # noqa: F401  (register commands)


def main():  # pragma: no cover - console-script entry
    cli()


__all__ = ["cli", "main"]
