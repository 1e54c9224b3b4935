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
    from newscorpus.clean import clean_files, clean_outputs, stale_outputs
    from newscorpus.fileio import write_all

    out_dir = out_dir or corpus.clean_dir
    raw_files = list(raw_files) or sorted(corpus.raw_dir.glob("*.txt"))
    results = clean_files(raw_files, rules_path or corpus.cleaning_rules_path, progress=lambda xs: progress(xs, "clean"))
    if check:
        stale = stale_outputs(results, out_dir)
        if stale:
            raise click.ClickException(f"{out_dir}: stale or missing: {', '.join(stale)} (run `newscorpus clean`)")
        click.echo(f"{len(results)} document(s) up to date in {out_dir}")
        return
    write_all(f for r in results for f in clean_outputs(r, out_dir))
    removed = sum(1 for r in results for x in r.removed if x["rule"] != "whitespace")
    click.echo(f"cleaned {len(results)} document(s) into {out_dir} ({removed} furniture segment(s) removed)")