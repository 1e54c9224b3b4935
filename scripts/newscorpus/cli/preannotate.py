"""preannotate commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.fileio import display


@cli.command()
@click.argument("clean_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the annotation files (OUT/<doc_id>.json).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date for documents not in the manifest, as the manifest takes it (YYYY, YYYY-MM "
                   "or YYYY-MM-DD); relative times resolve against a full day only.")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="Entity registry [default: annotations/entities.json when it exists].")
@click.option("--force", is_flag=True, help="Replace output files even if they hold human annotation.")
@with_corpus
def preannotate(clean_files, out_dir, published, registry_path, force, corpus):
    """Suggest annotations (origin: model, with a score) for cleaned articles.

    Predicts FIGURE, TIME, LOCATION, ACTOR (registry entities only) and EVENT spans; the
    publication date comes from the manifest, else --published, else times stay null.
    Gazetteers and lexicons are learned from the training split's gold only. Nothing is
    written unless every input reads; files holding human work are refused without --force.
    """
    from newscorpus.preannotate import parse_published, preannotate_files

    written = preannotate_files(clean_files, out_dir, published=parse_published(published), registry=registry_path or (corpus.entities_path if corpus.entities_path.is_file() else None),
                                manifest=corpus.manifest_path, annotations_dir=corpus.annotations_dir, clean_dir=corpus.clean_dir,
                                force=force, progress=lambda xs: progress(xs, "preannotate"))
    click.echo(f"pre-annotated {len(written)} document(s) into {out_dir}")