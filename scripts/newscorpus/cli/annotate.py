"""annotate commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.fileio import display


@cli.command()
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="Entity registry [default: annotations/entities.json].")
@click.option("--clean-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of clean texts the annotations point into [default: corpus/clean].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format; json is machine-readable.")
@with_corpus
def validate(targets, registry_path, clean_dir, fmt, corpus):
    """Check annotation files (default: the whole corpus) against the schema and the text.

    TARGETS are annotation files or folders. Every problem is printed as
    `file: /json/pointer: message`; exit status is 0 only when everything is valid.
    """
    from newscorpus.annotate.validate import validate_paths

    report = validate_paths(corpus, list(targets) or None, clean_dir=clean_dir, registry_path=registry_path,
                            progress=lambda xs: progress(xs, "validate"))
    if fmt == "json":
        click.echo(report.to_json())
    else:
        for problem in report.problems:
            click.echo(str(problem))
        verdict = "valid" if report.valid else f"{len(report.problems)} problem(s)"
        click.echo(f"{len(report.files)} annotation file(s) checked: {verdict}", err=fmt == "json")
    if not report.valid:
        sys.exit(1)

@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: schema/].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the committed schemas differ from scheme.py.")
@with_root
def schema(out_dir, check, corpus):
    """Generate the JSON Schemas (annotation, entity registry) from the label inventory in scheme.py."""
    from newscorpus.annotate.schema import stale_schemas, write_schemas

    out_dir = out_dir or corpus().schema_dir
    if check:
        stale = stale_schemas(out_dir)
        if stale:
            raise click.ClickException(f"{out_dir}: out of date: {', '.join(stale)} (run `newscorpus schema`)")
        click.echo(f"schemas in {out_dir} are up to date")
        return
    for path in write_schemas(out_dir):
        click.echo(f"wrote {path}")

def _report_agreement(result, fmt, out, diff, reference, candidate):
    from newscorpus.annotate.agreement import differences_text
    from newscorpus.fileio import atomic_write_text

    if fmt == "json":
        text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = result.to_markdown(reference, candidate)
    if diff:
        text += "\n" + differences_text(result)
    if out:
        atomic_write_text(out, text)
        click.echo(f"wrote {out}")
    else:
        click.echo(text, nl=False)

_agreement_options = [
    click.option("--split", type=click.Choice(["train", "validation", "test"]), default=None,
                 help="Only the documents of this split (from the manifest)."),
    click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
                 help="Report format."),
    click.option("--diff", is_flag=True, help="Also list every disagreement, span by span."),
    click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                 help="Write the report to this file instead of stdout."),
]

def agreement_options(func):
    for option in reversed(_agreement_options):
        func = option(func)
    return func

@cli.command()
@click.argument("a_dir", type=click.Path(path_type=Path))
@click.argument("b_dir", type=click.Path(path_type=Path))
@agreement_options
@with_root
def agreement(a_dir, b_dir, split, fmt, diff, out, corpus):
    """Inter-annotator agreement between two folders of annotation files.

    Per layer and label: span F1 (exact offsets), labelled F1, overlap-relaxed F1, and on
    exactly matched spans, attribute agreement (value, qualifier, unit, realis, mention,
    entity) and event-argument F1. A_DIR is taken as the reference for precision/recall.
    """
    from newscorpus.annotate.agreement import compare_folders

    manifest = corpus().manifest_path if split else None
    _report_agreement(compare_folders(a_dir, b_dir, split=split, manifest_path=manifest), fmt, out, diff, str(a_dir), str(b_dir))

@cli.command()
@click.argument("pred_dir", type=click.Path(path_type=Path))
@click.argument("gold_dir", type=click.Path(path_type=Path), required=False)
@agreement_options
@with_root
def evaluate(pred_dir, gold_dir, split, fmt, diff, out, corpus):
    """Score predictions in PRED_DIR against gold in GOLD_DIR [default: annotations/].

    The same measures as `agreement`, with the gold as reference: precision, recall and F1
    per layer and label, exact and overlap-relaxed, and attribute accuracy on matches.
    """
    from newscorpus.annotate.agreement import compare_folders

    gold_dir = gold_dir or corpus().annotations_dir
    manifest = corpus().manifest_path if split else None
    _report_agreement(compare_folders(gold_dir, pred_dir, split=split, manifest_path=manifest), fmt, out, diff, str(gold_dir), str(pred_dir))