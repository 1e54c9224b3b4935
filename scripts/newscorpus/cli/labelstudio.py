"""labelstudio commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus, with_root
from newscorpus.corpus.project import Corpus
from newscorpus.fileio import display


@cli.group(cls=type(cli))
def labelstudio():
    """Label Studio sessions: config, tasks out, annotations back.

    The API token is read only from the environment variable LABEL_STUDIO_API_KEY; the server
    URL from --url or LABEL_STUDIO_URL.
    """

_ls_url = click.option("--url", default=None, metavar="URL", help="Label Studio URL [default: $LABEL_STUDIO_URL].")
_ls_title = click.option("--title", default="newscorpus", show_default=True, help="Project title (created if missing).")
_ls_entities = click.option("--entities", "registry_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                            help="Entity registry to check entity ids against [default: annotations/entities.json].")


@labelstudio.command("config")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the XML here instead of stdout.")
def labelstudio_config(out):
    """Print the labelling config generated from the annotation scheme."""
    from newscorpus.labelstudio_api import write_config

    xml = write_config(out)
    if out is None:
        click.echo(xml, nl=False)
    else:
        click.echo(f"wrote the labelling config to {out}", err=True)


@labelstudio.command("export")
@click.argument("docs", nargs=-1)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Tasks file to write (JSON).")
@click.option("--from", "from_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Take pre-annotations from this folder instead of annotations/.")
@click.option("--model-version", default=None, help="Prediction model_version [default: the documents' annotator ids].")
def labelstudio_export(docs, out, from_dir, model_version):
    """Write Label Studio tasks for DOCS [default: every clean text].

    DOCS are doc ids or clean text / annotation file paths. Each task carries the clean text,
    doc_id and text_sha256, and the document's annotations as a prediction.
    """
    from newscorpus.labelstudio_api import export_tasks

    report = export_tasks(docs, out=out, from_dir=from_dir, model_version=model_version,
                          progress=lambda xs: progress(xs, "export"))
    click.echo(f"wrote {report.tasks} task(s) to {report.out} ({report.with_predictions} with predictions, {report.regions} regions)")

def _echo_import(report) -> None:
    for file, changes in report.written:
        click.echo(f"wrote {file}: " + "; ".join(changes))
    for file in report.unchanged:
        click.echo(f"unchanged {file}")
    for line in [*report.skipped, *report.notes]:
        click.echo(f"note: {line}", err=True)
    click.echo(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.skipped)} task(s) skipped")


@labelstudio.command("import")
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Annotations folder to write [default: annotations/].")
@click.option("--force", is_flag=True, help="Overwrite existing annotation files that would change.")
@_ls_entities
def labelstudio_import(export, out_dir, force, registry_path):
    """Convert a Label Studio full JSON EXPORT back to annotation files.

    Everything is checked before anything is written; existing files are only replaced with
    --force (otherwise the error lists the span-level changes).
    """
    from newscorpus.labelstudio_api import import_export

    _echo_import(import_export(export, out_dir=out_dir, force=force, registry_path=registry_path))


@labelstudio.command("push")
@click.argument("docs", nargs=-1)
@_ls_url
@_ls_title
@click.option("--from", "from_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Take pre-annotations from this folder instead of annotations/.")
def labelstudio_push(docs, url, title, from_dir):
    """Create or update the project and upload DOCS [default: every clean text] as tasks."""
    from newscorpus.labelstudio_api import push

    report = push(docs, title=title, url=url, from_dir=from_dir)
    state = "created" if report.created else ("config updated" if report.config_updated else "up to date")
    click.echo(f"project {report.title!r} (id {report.project_id}, {state}) at {report.url}: "
               f"{len(report.uploaded)} task(s) uploaded, {len(report.already_there)} already there")


@labelstudio.command("pull")
@_ls_url
@_ls_title
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the full JSON export here.")
@click.option("--import", "do_import", is_flag=True, help="Import the export into annotation files.")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Annotations folder for --import [default: annotations/].")
@click.option("--force", is_flag=True, help="With --import: overwrite existing annotation files that would change.")
@_ls_entities
def labelstudio_pull(url, title, out, do_import, into, force, registry_path):
    """Download the project's submitted annotations (full JSON export) to --out and/or --import them."""
    from newscorpus.labelstudio_api import pull

    report = pull(title=title, url=url, out=out, import_to=(into or Corpus.find().annotations_dir) if do_import else None,
                  force=force, registry_path=registry_path)
    if report.out:
        click.echo(f"wrote {report.tasks} annotated task(s) to {report.out}")
    if report.imported:
        _echo_import(report.imported)


@labelstudio.command("serve")
@click.option("--port", type=int, default=None, help="Port [default: a free one].")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Label Studio data folder [default: Label Studio's own].")
def labelstudio_serve(port, data_dir):
    """Run a local Label Studio server until Ctrl-C.

    With LABEL_STUDIO_USERNAME and LABEL_STUDIO_PASSWORD set, the user is created on the first
    start, with LABEL_STUDIO_API_KEY as its API token.
    """
    import os

    from newscorpus import labelstudio_server

    server = labelstudio_server.start(
        data_dir, port=port, username=os.environ.get("LABEL_STUDIO_USERNAME"),
        password=os.environ.get("LABEL_STUDIO_PASSWORD"), token=os.environ.get("LABEL_STUDIO_API_KEY"),
    )
    click.echo(f"Label Studio is running at {server.url} (log: {server.log_path}); Ctrl-C stops it")
    click.echo(f"  export LABEL_STUDIO_URL={server.url}")
    labelstudio_server.run_until_stopped(server)