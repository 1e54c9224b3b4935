"""publish commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.cli.app import cli, force_option, progress, with_corpus, with_root
from newscorpus.fileio import display


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dataset folder to write [default: dist/hf, or dist/hf-standoff with --standoff].")
@click.option("--standoff", is_flag=True, help="Leave the article text out (offsets and sha256 hashes only).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: every core; one for a small corpus].")
@click.option("--shards", type=click.IntRange(min=1), default=None,
              help="Parquet shards per split [default: one per ~500 documents]. Same inputs and shard count give the same bytes.")
@click.option("--no-cache", is_flag=True, help="Do not reuse or store work in dist/.cache (a full rebuild).")
@force_option
@with_corpus
def build(out_dir, standoff, jobs, shards, no_cache, force, corpus):
    """Clean, validate and write the Hugging Face dataset folder (parquet shards + card + croissant.json).

    Refuses to build on any invalid annotation; a failed build leaves the previous folder as it
    was. An existing folder is only replaced when it holds exactly a previous output (else
    --force). Documents are processed in worker processes and written as parquet shards
    (`<config>/<split>-00000-of-00004.parquet`); work is reused from `dist/.cache` by content
    hash, so after a small change only the changed documents are rebuilt. Load the result with
    `datasets.load_dataset(OUT, "documents" | "tokens" | "events")`.
    """
    from newscorpus.publish.build import build as build_dataset

    out_dir = out_dir or (corpus.dist_dir / "hf-standoff" if standoff else corpus.hf_dir)
    summary = build_dataset(corpus, out_dir, standoff=standoff, jobs=jobs, shards=shards, cache=not no_cache,
                            force=force, progress=lambda xs: progress(xs, "build"))
    for config, splits in summary.items():
        click.echo(f"{config}: " + ", ".join(f"{split} {n}" for split, n in splits.items()))
    click.echo(f"wrote {display(out_dir)}")


@cli.group()
def cluster():
    """Run the build as a datatrove job: locally, on Slurm or on Ray (resumable).

    `plan` writes a job folder (one task per shard), `run` runs the per-document stages
    (clean, validate, rows) as datatrove steps, `finish` adds the card and Croissant. The
    result is byte-identical to `newscorpus build --shards N` with the same N.
    """


@cluster.command("plan")
@click.argument("job_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--standoff", is_flag=True, help="Plan the standoff release (no article text).")
@click.option("--shards", type=click.IntRange(min=1), default=None, help="Parquet shards per split [default: one per ~500 documents].")
@with_corpus
def cluster_plan(job_dir, standoff, shards, corpus):
    """Write JOB_DIR/plan.json for the corpus (JOB_DIR must be on storage every node sees)."""
    from newscorpus.publish.cluster import plan_job

    job = plan_job(corpus, job_dir, standoff=standoff, shards=shards)
    click.echo(f"planned {job.tasks} task(s) in {display(job_dir)}")


@cluster.command("run")
@click.argument("job_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--executor", "kind", type=click.Choice(["local", "slurm", "ray"]), default="local", show_default=True,
              help="datatrove executor.")
@click.option("--workers", type=int, default=-1, show_default=True, help="Tasks at a time (-1: as many as tasks).")
@click.option("--partition", default=None, help="Slurm partition (slurm only).")
@click.option("--time", "time_limit", default=None, help="Slurm time limit per task, e.g. 01:00:00 (slurm only).")
def cluster_run(job_dir, kind, workers, partition, time_limit):
    """Run (or resume) the job's tasks; completed tasks are skipped."""
    from newscorpus.publish.cluster import run_job

    options = {k: v for k, v in {"partition": partition, "time": time_limit}.items() if v is not None}
    job = run_job(job_dir, kind, workers=workers, **options)
    click.echo(f"ran {job.tasks} task(s); now `newscorpus cluster finish {display(job_dir)}`")


@cluster.command("finish")
@click.argument("job_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dataset folder to write [default: the corpus's dist/hf or dist/hf-standoff].")
def cluster_finish(job_dir, out_dir):
    """Check every task's result, add card and Croissant, and swap the dataset folder in."""
    from newscorpus.publish.cluster import finish

    summary = finish(job_dir, out_dir)
    for config, splits in summary.items():
        click.echo(f"{config}: " + ", ".join(f"{split} {n}" for split, n in splits.items()))


@cli.command()
@click.argument("standoff_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--raw", "raw_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder with your own copies of the raw articles (named as in the manifest).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Where to write the full-text dataset folder.")
@force_option
def rehydrate(standoff_dir, raw_dir, out_dir, force):
    """Rebuild the full-text dataset from a standoff release (`build --standoff`).

    Each raw article is checked against its sha256, cleaned with the rules the release ships, and every
    restored string is checked against the hash it replaces; nothing is written on a mismatch.
    """
    from newscorpus.publish.rehydrate import rehydrate as run

    summary = run(standoff_dir, raw_dir, out_dir, force=force)
    click.echo(", ".join(f"{config}: {sum(s.values())} rows" for config, s in summary.items()))
    click.echo(f"wrote {display(out_dir)}")