"""publish commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.fileio import display


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dataset folder to write [default: dist/hf, or dist/hf-standoff with --standoff].")
@click.option("--standoff", is_flag=True, help="Leave the article text out (offsets and sha256 hashes only).")
@with_corpus
def build(out_dir, standoff, corpus):
    """Clean, validate and write the Hugging Face dataset folder (parquet + card + croissant.json).

    Refuses to build on any invalid annotation; a failed build leaves the previous folder as it
    was. Load the result with `datasets.load_dataset(OUT, "documents" | "tokens" | "events")`.
    """
    from newscorpus.publish.build import build as build_dataset

    out_dir = out_dir or (corpus.dist_dir / "hf-standoff" if standoff else corpus.hf_dir)
    summary = build_dataset(corpus, out_dir, standoff=standoff, progress=lambda xs: progress(xs, "clean"))
    for config, splits in summary.items():
        click.echo(f"{config}: " + ", ".join(f"{split} {n}" for split, n in splits.items()))
    click.echo(f"wrote {display(out_dir)}")

@cli.command()
@click.argument("standoff_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--raw", "raw_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder with your own copies of the raw articles (named as in the manifest).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Where to write the full-text dataset folder.")
def rehydrate(standoff_dir, raw_dir, out_dir):
    """Rebuild the full-text dataset from a standoff release (`build --standoff`).

    Each raw article is checked against its sha256, cleaned with the rules the release ships, and every
    restored string is checked against the hash it replaces; nothing is written on a mismatch.
    """
    from newscorpus.publish.rehydrate import rehydrate as run

    summary = run(standoff_dir, raw_dir, out_dir)
    click.echo(", ".join(f"{config}: {sum(s.values())} rows" for config, s in summary.items()))
    click.echo(f"wrote {display(out_dir)}")