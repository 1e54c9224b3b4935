"""preannotate commands."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus
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
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="A pipeline from `newscorpus train-preannotator`, whose spans are added to the rules'.")
@click.option("--spacy-model", "spacy_model", default=None, metavar="NAME",
              help="An installed spaCy pipeline (package name or folder) whose entities are mapped onto the scheme.")
@click.option("--force", is_flag=True, help="Replace existing output files (never done without it).")
@with_corpus
def preannotate(clean_files, out_dir, published, registry_path, model_dir, spacy_model, force, corpus):
    """Suggest annotations (origin: model, with a score) for cleaned articles.

    Predicts FIGURE, TIME, LOCATION, ACTOR and EVENT spans: places, countries and demonyms
    from data packages, the scheme's decisions as rules, the registry and what the training
    split's gold teaches. Actors the registry lacks get proposed entries in OUT/<doc_id>.entities.json.
    The publication date comes from the manifest, else --published, else times stay null.
    Nothing is written unless every input reads; an existing output file is refused without --force.
    """
    from newscorpus.preannotate import parse_published, preannotate_files

    written = preannotate_files(clean_files, out_dir, published=parse_published(published),
                                registry=registry_path or (corpus.entities_path if corpus.entities_path.is_file() else None),
                                manifest=corpus.manifest_path, annotations_dir=corpus.annotations_dir,
                                clean_dir=corpus.clean_dir, force=force, model_dir=model_dir, spacy_model=spacy_model,
                                progress=lambda xs: progress(xs, "preannotate"))
    click.echo(f"pre-annotated {len(written)} document(s) into {out_dir}")


@cli.command("accept-entities")
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
@with_corpus
def accept_entities(folder, corpus):
    """Accept the pre-annotator's proposed entities: add FOLDER/*.entities.json to the registry.

    `preannotate` writes a proposed id and registry entry beside each document for every actor
    the registry lacks; this adds those the registry does not have yet to the corpus's registry
    (annotations/entities.json) and removes the proposal files. FOLDER defaults to the corpus's
    annotations folder. A malformed proposal or registry is an error and changes nothing.
    """
    from newscorpus.preannotate import accept_proposals

    added = accept_proposals(folder or corpus.annotations_dir, corpus.entities_path)
    click.echo(f"added {len(added)} entit{'y' if len(added) == 1 else 'ies'} to {display(corpus.entities_path)}"
               + (f": {', '.join(added)}" if added else ""))


@cli.command("train-preannotator")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the trained spaCy pipeline.")
@click.option("--iterations", type=int, default=20, show_default=True, help="Training passes over the documents.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (same seed, same model).")
@with_corpus
def train_preannotator(out_dir, iterations, seed, corpus):
    """Train the pre-annotator's learned component (spaCy spancat) on the train split's annotations.

    Use it with `newscorpus preannotate --model OUT`. Only human (manual or adjudicated) spans
    of documents whose manifest split is `train` are read.
    """
    from newscorpus.preannotate.model import train_preannotator as train

    meta = train(out_dir, annotations_dir=corpus.annotations_dir, manifest=corpus.manifest_path,
                 clean_dir=corpus.clean_dir, iterations=iterations, seed=seed,
                 progress=lambda message: click.echo(f"train: {message}", err=True))
    click.echo(f"trained on {len(meta['documents'])} document(s), {len(meta['labels'])} label(s); wrote {out_dir}")
