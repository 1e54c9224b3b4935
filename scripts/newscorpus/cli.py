"""Command-line interface: each command parses options and calls one library function.

Library errors (``NewscorpusError``) become ``Error: file: place: message`` with exit
status 1, never a traceback.
"""

from __future__ import annotations

import json
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

    report = validate_paths(list(targets) or None, clean_dir=clean_dir, registry_path=registry_path,
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

def _report_agreement(result, fmt, out, diff, reference, candidate):
    from .agreement import differences_text
    from .fileio import atomic_write_text

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
def agreement(a_dir, b_dir, split, fmt, diff, out):
    """Inter-annotator agreement between two folders of annotation files.

    Per layer and label: span F1 (exact offsets), labelled F1, overlap-relaxed F1, and on
    exactly matched spans, attribute agreement (value, qualifier, unit, realis, mention,
    entity) and event-argument F1. A_DIR is taken as the reference for precision/recall.
    """
    from .agreement import compare_folders

    _report_agreement(compare_folders(a_dir, b_dir, split=split), fmt, out, diff, str(a_dir), str(b_dir))


@cli.command()
@click.argument("pred_dir", type=click.Path(path_type=Path))
@click.argument("gold_dir", type=click.Path(path_type=Path), required=False)
@agreement_options
def evaluate(pred_dir, gold_dir, split, fmt, diff, out):
    """Score predictions in PRED_DIR against gold in GOLD_DIR [default: annotations/].

    The same measures as `agreement`, with the gold as reference: precision, recall and F1
    per layer and label, exact and overlap-relaxed, and attribute accuracy on matches.
    """
    from .agreement import compare_folders

    gold_dir = gold_dir or paths.ANNOTATIONS_DIR
    _report_agreement(compare_folders(gold_dir, pred_dir, split=split), fmt, out, diff, str(gold_dir), str(pred_dir))

@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dataset folder to write [default: dist/hf, or dist/hf-standoff with --standoff].")
@click.option("--standoff", is_flag=True, help="Leave the article text out (offsets and sha256 hashes only).")
def build(out_dir, standoff):
    """Clean, validate and write the Hugging Face dataset folder (parquet + card + croissant.json).

    Refuses to build on any invalid annotation; a failed build leaves the previous folder as it
    was. Load the result with `datasets.load_dataset(OUT, "documents" | "tokens" | "events")`.
    """
    from .build import build as build_dataset

    out_dir = out_dir or (paths.DIST_DIR / "hf-standoff" if standoff else paths.HF_DIR)
    summary = build_dataset(out_dir, standoff=standoff, progress=lambda xs: progress(xs, "clean"))
    for config, splits in summary.items():
        click.echo(f"{config}: " + ", ".join(f"{split} {n}" for split, n in splits.items()))
    click.echo(f"wrote {paths.display(out_dir)}")

@cli.command()
@click.argument("standoff_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--raw", "raw_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder with your own copies of the raw articles (named as in the manifest).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Where to write the full-text dataset folder.")
def rehydrate(standoff_dir, raw_dir, out_dir):
    """Rebuild the full-text dataset from a standoff release (`build --standoff`).

    Each raw article is checked against its sha256, cleaned with the packaged rules, and every
    restored string is checked against the hash it replaces; nothing is written on a mismatch.
    """
    from .rehydrate import rehydrate as run

    summary = run(standoff_dir, raw_dir, out_dir)
    click.echo(", ".join(f"{config}: {sum(s.values())} rows" for config, s in summary.items()))
    click.echo(f"wrote {paths.display(out_dir)}")


def main():  # pragma: no cover - console-script entry
    cli()


# --------------------------------------------------------------------------- Label Studio


@cli.group(cls=_Group)
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
def labelstudio_config(out):
    """Print the labelling config generated from the annotation scheme."""
    from .labelstudio.files import write_config

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
    from .labelstudio.files import export_tasks

    report = export_tasks(docs, out=out, from_dir=from_dir, model_version=model_version,
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
    from .labelstudio.files import import_export

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
    from .labelstudio.api import push

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
    from . import paths as _paths
    from .labelstudio.api import pull

    report = pull(title=title, url=url, out=out, import_to=(into or _paths.ANNOTATIONS_DIR) if do_import else None,
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
def labelstudio_agreement(url, title, registry_path, split, fmt, diff, out):
    """Inter-annotator agreement of a team session, straight from Label Studio.

    The same report as `newscorpus agreement A_DIR B_DIR` on the folders `pull --import` writes:
    annotators in id order, the first of each pair as reference.
    """
    from .labelstudio.api import fetch_parsed
    from .labelstudio.team import session_agreement

    pairs, report = session_agreement(fetch_parsed(title, url), split=split, registry_path=registry_path)
    for problem in report.problems:
        click.echo(f"Error: {problem}", err=True)
    if len(pairs) > 1 and out:
        raise click.ClickException(f"{len(pairs) + 1} annotators: --out takes one pair; leave it out to print every pair")
    for a, b, result in pairs:
        if len(pairs) > 1:
            click.echo(f"\n## {a} vs {b}\n")
        _report_agreement(result, fmt, out, diff, a, b)
    if report.problems:
        raise click.ClickException(f"{len(report.left_out)} task(s) left out of the agreement because of the problems above")


@labelstudio.command("adjudicate")
@_ls_url
@click.option("--title", default="newscorpus", show_default=True, help="Team session title (as given to push --overlap).")
@click.option("--into-title", default=None, help="Adjudication project title [default: TITLE adjudication].")
@_ls_entities
def labelstudio_adjudicate(url, title, into_title, registry_path):
    """Start the adjudication round of a team session: one task per document two annotators submitted.

    Spans every annotator made identically are pre-accepted; each disagreement shows every
    annotator's version (who proposed it in the region's meta). Pull the adjudication project
    (`pull --title "TITLE adjudication" --import`) to import the decisions with who said what.
    """
    from .labelstudio.adjudicate import start_adjudication

    report, counts, notes = start_adjudication(title, url=url, adjudication_title=into_title, registry_path=registry_path)
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

    from .labelstudio import server as ls_server

    def ready(server):
        click.echo(f"Label Studio is running at {server.url} (log: {server.log_path}); Ctrl-C stops it")
        click.echo(f"  export LABEL_STUDIO_URL={server.url}")

    status = ls_server.serve(
        data_dir, port=port, username=os.environ.get("LABEL_STUDIO_USERNAME"), password=os.environ.get("LABEL_STUDIO_PASSWORD"),
        token=os.environ.get("LABEL_STUDIO_API_KEY"), progress=lambda message: click.echo(message, err=True), ready=ready,
    )
    if status:
        raise click.ClickException(f"label-studio exited with status {status}")


@cli.command()
@click.argument("clean_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the annotation files (OUT/<doc_id>.json).")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date for documents not in the manifest (times resolve against it).")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="Entity registry [default: annotations/entities.json when it exists].")
@click.option("--force", is_flag=True, help="Replace output files even if they hold human annotation.")
def preannotate(clean_files, out_dir, published, registry_path, force):
    """Suggest annotations (origin: model, with a score) for cleaned articles.

    Predicts FIGURE, TIME, LOCATION, ACTOR (registry entities only) and EVENT spans; the
    publication date comes from the manifest, else --published, else times stay null.
    Gazetteers and lexicons are learned from the training split's gold only. Nothing is
    written unless every input reads; files holding human work are refused without --force.
    """
    from .preannotate import parse_published, preannotate_files

    written = preannotate_files(clean_files, out_dir, published=parse_published(published), registry=registry_path,
                                force=force, progress=lambda xs: progress(xs, "preannotate"))
    click.echo(f"pre-annotated {len(written)} document(s) into {out_dir}")


@cli.command()
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="The built dataset folder [default: dist/hf].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON report; the markdown goes beside it as .md [default: reports/baseline.json].")
@click.option("--layers", default="actor,event,figure,location,time", show_default=True,
              help="Comma-separated tag layers to train and score.")
@click.option("--max-iterations", type=int, default=100, show_default=True, help="L-BFGS iterations per CRF.")
def baseline(data, out, layers, max_iterations):
    """Train a CRF per tag layer on train, pick c1/c2 on validation, score on test.

    Scores (seqeval entity P/R/F1) sit beside the majority-class baseline and the rule-based
    pre-annotator. Runs offline on CPU; writes a deterministic JSON report and its markdown.
    """
    from .baseline import baseline as run_baseline, markdown_path

    out = out or paths.ROOT / "reports" / "baseline.json"
    result = run_baseline(data or paths.HF_DIR, out, layers=layers, max_iterations=max_iterations,
                          progress=lambda message: click.echo(f"baseline: {message}", err=True))
    for layer in result.report["layers"]:
        test = result.report["scores"][layer]["crf"]["test"]
        click.echo(f"{layer}: CRF test P {test['precision']:.3f} R {test['recall']:.3f} F1 {test['f1']:.3f}")
    click.echo(f"wrote {paths.display(out)} and {paths.display(markdown_path(out))}")
