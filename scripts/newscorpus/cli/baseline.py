"""baseline commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.fileio import display


@cli.command()
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="The built dataset folder [default: dist/hf].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON report; the markdown goes beside it as .md [default: reports/baseline.json].")
@click.option("--layers", default="actor,event,figure,location,time", show_default=True,
              help="Comma-separated tag layers to train and score.")
@click.option("--max-iterations", type=int, default=100, show_default=True, help="L-BFGS iterations per CRF.")
@with_corpus
def baseline(data, out, layers, max_iterations, corpus):
    """Train a CRF per tag layer on train, pick c1/c2 on validation, score on test.

    Scores (seqeval entity P/R/F1) sit beside the majority-class baseline and the rule-based
    pre-annotator. Runs offline on CPU; writes a deterministic JSON report and its markdown.
    """
    from newscorpus.baseline.crf import baseline as run_baseline, markdown_path

    out = out or corpus.reports_dir / "baseline.json"
    registry = corpus.entities_path if corpus.entities_path.is_file() else None
    result = run_baseline(data or corpus.hf_dir, out, layers=layers, max_iterations=max_iterations, registry=registry,
                          progress=lambda message: click.echo(f"baseline: {message}", err=True))
    for layer in result.report["layers"]:
        test = result.report["scores"][layer]["crf"]["test"]
        click.echo(f"{layer}: CRF test P {test['precision']:.3f} R {test['recall']:.3f} F1 {test['f1']:.3f}")
    click.echo(f"wrote {display(out)} and {display(markdown_path(out))}")