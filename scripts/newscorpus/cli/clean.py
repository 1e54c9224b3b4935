"""clean commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.fileio import display



@cli.command()
@click.argument("raw_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: corpus/clean].")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path), default=None,
              help="Cleaning rules file [default: the corpus's cleaning_rules.toml, else the packaged rules].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the outputs in --out are missing or stale.")
@with_corpus
def clean(raw_files, out_dir, rules_path, check, corpus):
    """Remove web boilerplate from RAW_FILES [default: corpus/raw/*.txt].

    Writes OUT/X.txt (clean text, one paragraph per line) and OUT/X.provenance.json (kept
    segments, every removal with its rule, recovered metadata) for each input X.txt.
    Nothing is written unless every input cleans.
    """
    from newscorpus.clean import clean_corpus

    out_dir = out_dir or corpus.clean_dir
    raw_files = list(raw_files) or sorted(corpus.raw_dir.glob("*.txt"))
    summary = clean_corpus(raw_files, out_dir, rules_path or corpus.cleaning_rules_path, raw_dir=corpus.raw_dir,
                           check=check, progress=lambda xs: progress(xs, "clean"))
    if check:
        if summary.stale:
            raise click.ClickException(f"{out_dir}: stale or missing: {', '.join(summary.stale)} (run `newscorpus clean`)")
        click.echo(f"{summary.documents} document(s) up to date in {out_dir}")
        return
    click.echo(f"cleaned {summary.documents} document(s) into {out_dir} ({summary.removed_segments} furniture segment(s) removed)")
