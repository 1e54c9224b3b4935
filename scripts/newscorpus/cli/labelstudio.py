"""labelstudio commands: sessions, team sessions (overlap, agreement, adjudication) and the local server."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.cli.annotate import _report_agreement, agreement_options
from newscorpus.cli.app import cli, force_option, progress, with_corpus, with_root
from newscorpus.corpus.project import Corpus

@cli.group(cls=type(cli))
def labelstudio():
    """Label Studio sessions: config, tasks out, annotations back, team sessions.

    The API token is read only from the environment variable LABEL_STUDIO_API_KEY; the server
    URL from --url or LABEL_STUDIO_URL.
    """


_ls_url = click.option("--url", default=None, metavar="URL", help="Label Studio URL [default: $LABEL_STUDIO_URL].")
_ls_title = click.option("--title", default="newscorpus", show_default=True, help="Project title (created if missing).")
_ls_entities = click.option("--entities", "registry_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                            help="Entity registry to check entity ids against [default: annotations/entities.json].")


@labelstudio.command("config")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the XML here instead of stdout.")
@force_option
def labelstudio_config(out, force):
    """Print the labelling config generated from the annotation scheme."""
    from newscorpus.labelstudio.files import write_config

    xml = write_config(out, force=force)
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
@force_option
def labelstudio_export(docs, out, from_dir, model_version, force):
    """Write Label Studio tasks for DOCS [default: every clean text].

    DOCS are doc ids or clean text / annotation file paths. Each task carries the clean text,
    doc_id and text_sha256, and the document's annotations as a prediction.
    """
    from newscorpus.labelstudio.files import export_tasks

    report = export_tasks(docs, out=out, from_dir=from_dir, model_version=model_version, force=force,
                          progress=lambda xs: progress(xs, "export"))
    click.echo(f"wrote {report.tasks} task(s) to {report.out} ({report.with_predictions} with predictions, {report.regions} regions)")


def _echo_import(report) -> None:
    """What an import wrote; every task left out as an `Error:` line, and a non-zero exit if any."""
    for file, changes in report.written:
        click.echo(f"wrote {file}: " + "; ".join(changes))
    for file in report.unchanged:
        click.echo(f"unchanged {file}")
    for line in [*report.skipped, *report.notes]:
        click.echo(f"note: {line}", err=True)
    for problem in report.problems:
        click.echo(f"Error: {problem}", err=True)
    for refused in report.refused:
        click.echo(f"Error: {refused}", err=True)
    click.echo(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.skipped)} task(s) skipped, "
               f"{len(report.left_out) + len(report.refused)} left out")
    if not report.complete:
        raise click.ClickException(report.failure())


@labelstudio.command("import")
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Annotations folder to write [default: annotations/].")
@click.option("--force", is_flag=True, help="Overwrite existing annotation files that would change.")
@_ls_entities
def labelstudio_import(export, out_dir, force, registry_path):
    """Convert a Label Studio full JSON EXPORT back to annotation files, task by task.

    A task with a problem is reported (task id, region, what is wrong) and left out; the others
    are written, each file atomically. Existing files are only replaced with --force (otherwise
    the error lists the span-level changes). Exit status 1 when any task was left out.
    """
    from newscorpus.labelstudio.files import import_export

    _echo_import(import_export(export, out_dir=out_dir, force=force, registry_path=registry_path))


def _echo_push(report) -> None:
    for r in report.copies or [report]:
        state = "created" if r.created else ("config updated" if r.config_updated else "up to date")
        click.echo(f"project {r.title!r} (id {r.project_id}, {state}) at {r.url}: "
                   f"{len(r.uploaded)} task(s) uploaded, {len(r.already_there)} already there")


@labelstudio.command("push")
@click.argument("docs", nargs=-1)
@_ls_url
@_ls_title
@click.option("--from", "from_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Take pre-annotations from this folder instead of annotations/.")
@click.option("--overlap", type=click.IntRange(min=1), default=1, show_default=True,
              help="Annotators per task: N > 1 makes a team session of N copies, TITLE #1 ... TITLE #N, one per annotator.")
def labelstudio_push(docs, url, title, from_dir, overlap):
    """Create or update the project and upload DOCS [default: every clean text] as tasks."""
    from newscorpus.labelstudio.api import push

    _echo_push(push(docs, title=title, url=url, from_dir=from_dir, overlap=overlap))


@labelstudio.command("pull")
@_ls_url
@_ls_title
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the full JSON export here.")
@click.option("--import", "do_import", is_flag=True, help="Import the export into annotation files.")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Annotations folder for --import [default: annotations/; a team session needs it: INTO/<annotator>/].")
@click.option("--force", is_flag=True, help="With --import: overwrite existing annotation files that would change.")
@_ls_entities
def labelstudio_pull(url, title, out, do_import, into, force, registry_path):
    """Download the session's submitted annotations (full JSON export) to --out and/or --import them.

    Only submitted annotations are pulled (drafts are not). A team session (push --overlap)
    keeps every annotator's submission in INTO/<annotator id>/. Tasks with problems are left out
    and reported; exit status 1 when any was.
    """
    from newscorpus.labelstudio.api import pull

    report = pull(title=title, url=url, out=out, import_to=(into or Corpus.find().annotations_dir) if do_import else None,
                  force=force, registry_path=registry_path)
    if report.out:
        click.echo(f"wrote {report.tasks} annotated task(s) to {report.out}")
    if report.annotators:
        click.echo(f"team session: {len(report.annotators)} annotator(s): {', '.join(report.annotators)}")
    if report.imported:
        _echo_import(report.imported)


@labelstudio.command("agreement")
@_ls_url
@click.option("--title", default="newscorpus", show_default=True, help="Team session title (as given to push --overlap).")
@_ls_entities
@agreement_options
@with_root
def labelstudio_agreement(url, title, registry_path, split, fmt, diff, out, force, corpus):
    """Inter-annotator agreement of a team session, straight from Label Studio.

    The same report as `newscorpus agreement A_DIR B_DIR` on the folders `pull --import` writes:
    annotators in id order, the first of each pair as reference.
    """
    from newscorpus.labelstudio.api import fetch_parsed
    from newscorpus.labelstudio.team import session_agreement

    here = corpus()  # the clean texts and the default registry: outside a corpus, an error before any request
    pairs, report = session_agreement(fetch_parsed(title, url), split=split, manifest_path=here.manifest_path if split else None,
                                      clean_dir=here.clean_dir, registry_path=registry_path or here.entities_path)
    for problem in report.problems:
        click.echo(f"Error: {problem}", err=True)
    if len(pairs) > 1 and out:
        raise click.ClickException(f"{len(pairs) + 1} annotators: --out takes one pair; leave it out to print every pair")
    for a, b, result in pairs:
        if len(pairs) > 1:
            click.echo(f"\n## {a} vs {b}\n")
        _report_agreement(result, fmt, out, diff, a, b, force)
    if report.problems:
        raise click.ClickException(f"{len(report.left_out)} task(s) left out of the agreement because of the problems above")


@labelstudio.command("adjudicate")
@_ls_url
@click.option("--title", default="newscorpus", show_default=True, help="Team session title (as given to push --overlap).")
@click.option("--into-title", default=None, help="Adjudication project title [default: TITLE adjudication].")
@_ls_entities
@with_root
def labelstudio_adjudicate(url, title, into_title, registry_path, corpus):
    """Start the adjudication round of a team session: one task per document two annotators submitted.

    Spans every annotator made identically are pre-accepted; each disagreement shows every
    annotator's version (who proposed it in the region's meta). Pull the adjudication project
    (`pull --title "TITLE adjudication" --import`) to import the decisions with who said what.
    """
    from newscorpus.labelstudio.adjudicate import start_adjudication

    here = corpus()  # the clean texts and the default registry: outside a corpus, an error before any request
    report, counts, notes = start_adjudication(title, url=url, adjudication_title=into_title, clean_dir=here.clean_dir,
                                               registry_path=registry_path or here.entities_path)
    for line in notes:
        click.echo(f"note: {line}", err=True)
    _echo_push(report)
    for doc_id, (agreed, disputed) in counts.items():
        click.echo(f"{doc_id}: {agreed} agreed span(s) pre-accepted, {disputed} to decide")


@labelstudio.command("serve")
@click.option("--port", type=int, default=None, help="Port [default: a free one]; a busy port is an error.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Label Studio data folder [default: Label Studio's own].")
def labelstudio_serve(port, data_dir):
    """Run a local Label Studio server until Ctrl-C (or SIGTERM), showing progress while it starts.

    With LABEL_STUDIO_USERNAME and LABEL_STUDIO_PASSWORD set, the user is created on the first
    start, with LABEL_STUDIO_API_KEY as its API token. Stopping it at any moment stops every
    process it started.
    """
    import os

    from newscorpus.labelstudio import server as ls_server

    def ready(server):
        click.echo(f"Label Studio is running at {server.url} (log: {server.log_path}); Ctrl-C stops it")
        click.echo(f"  export LABEL_STUDIO_URL={server.url}")

    status = ls_server.serve(
        data_dir, port=port, username=os.environ.get("LABEL_STUDIO_USERNAME"), password=os.environ.get("LABEL_STUDIO_PASSWORD"),
        token=os.environ.get("LABEL_STUDIO_API_KEY"), progress=lambda message: click.echo(message, err=True), ready=ready,
    )
    if status:
        raise click.ClickException(f"label-studio exited with status {status}")
