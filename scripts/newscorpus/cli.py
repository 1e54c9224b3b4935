"""Command-line interface: each command parses options and calls one library function.

Library errors (``NewscorpusError``) become ``Error: file: place: message`` with exit
status 1, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from . import __version__, paths
from .errors import NewscorpusError


class _Group(click.Group):
    """A click group that turns library errors into clean one-line CLI errors."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewscorpusError as exc:
            raise click.ClickException(str(exc)) from None


def progress(items, desc: str):
    """A tqdm bar on stderr for loops over documents (hidden when stderr is not a terminal)."""
    return tqdm(items, desc=desc, unit="doc", file=sys.stderr, disable=None, leave=False)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newscorpus")
def cli():
    """Build, validate and publish the annotated news corpus.

    Pipeline: corpus/raw -> clean -> corpus/clean -> annotations/ -> validate -> build -> dist/hf
    """


def _raw_files(raw_files: tuple[Path, ...]) -> list[Path]:
    return list(raw_files) if raw_files else sorted(paths.RAW_DIR.glob("*.txt"))


@cli.command()
@click.argument("raw_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: corpus/clean].")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path), default=None,
              help="Cleaning rules file [default: the packaged cleaning_rules.toml].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the outputs in --out are missing or stale.")
def clean(raw_files, out_dir, rules_path, check):
    """Remove web boilerplate from RAW_FILES [default: corpus/raw/*.txt].

    Writes OUT/X.txt (clean text, one paragraph per line) and OUT/X.provenance.json (kept
    segments, every removal with its rule, recovered metadata) for each input X.txt.
    Nothing is written unless every input cleans.
    """
    from .clean import clean_files, clean_outputs, stale_outputs
    from .fileio import write_all

    out_dir = out_dir or paths.CLEAN_DIR
    results = clean_files(_raw_files(raw_files), rules_path or paths.CLEANING_RULES, progress=lambda xs: progress(xs, "clean"))
    if check:
        stale = stale_outputs(results, out_dir)
        if stale:
            raise click.ClickException(f"{out_dir}: stale or missing: {', '.join(stale)} (run `newscorpus clean`)")
        click.echo(f"{len(results)} document(s) up to date in {out_dir}")
        return
    write_all(f for r in results for f in clean_outputs(r, out_dir))
    removed = sum(1 for r in results for x in r.removed if x["rule"] != "whitespace")
    click.echo(f"cleaned {len(results)} document(s) into {out_dir} ({removed} furniture segment(s) removed)")

@cli.command()
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="Entity registry [default: annotations/entities.json].")
@click.option("--clean-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of clean texts the annotations point into [default: corpus/clean].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format; json is machine-readable.")
def validate(targets, registry_path, clean_dir, fmt):
    """Check annotation files (default: the whole corpus) against the schema and the text.

    TARGETS are annotation files or folders. Every problem is printed as
    `file: /json/pointer: message`; exit status is 0 only when everything is valid.
    """
    from .validate import validate_paths

    report = validate_paths(list(targets) or None, clean_dir=clean_dir, registry_path=registry_path)
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
def schema(out_dir, check):
    """Generate the JSON Schemas (annotation, entity registry) from the label inventory in scheme.py."""
    from .schema import stale_schemas, write_schemas

    out_dir = out_dir or paths.SCHEMA_DIR
    if check:
        stale = stale_schemas(out_dir)
        if stale:
            raise click.ClickException(f"{out_dir}: out of date: {', '.join(stale)} (run `newscorpus schema`)")
        click.echo(f"schemas in {out_dir} are up to date")
        return
    for path in write_schemas(out_dir):
        click.echo(f"wrote {path}")


def main():  # pragma: no cover - console-script entry
    cli()
