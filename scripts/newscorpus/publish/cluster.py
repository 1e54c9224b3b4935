"""The cluster path: the build's per-document stages as datatrove pipeline steps.

datatrove (Hugging Face's library for processing text at scale) runs one pipeline as many
tasks, on one machine (``LocalPipelineExecutor``) or a cluster (``SlurmPipelineExecutor``,
``RayPipelineExecutor``), and skips tasks already completed when a job is run again. Here a
task is one shard of the build plan, so every task writes exactly the files the local build
writes for that shard, and ``finish`` (one process) adds the card and Croissant and swaps the
result in. A job folder (on storage every node sees) holds::

    plan.json            corpus root, variant, the shards and their documents
    staging/             the shards' parquet files, then the finished dataset folder
    summaries/NNNNN.json each finished task's counts, checksums and problems
    logs/                datatrove's logs, stats and completion markers (resume)

Steps (each a function of the stages in ``stages.py``): ``ShardReader`` -> ``CleanStep`` ->
``ValidateStep`` -> ``RowsStep`` -> ``ShardWriterStep``; ``PreannotateStep`` writes rule-based
suggestions instead (``suggest_pipeline``). The per-document cache is not used here: resuming
is datatrove's, per task.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from datatrove.data import Document as DTDocument
from datatrove.pipeline.base import PipelineStep

from newscorpus.corpus.manifest import Document
from newscorpus.corpus.project import Corpus
from newscorpus.errors import InputError, NewscorpusError, Problem, ValidationFailed
from newscorpus.fileio import atomic_write_json, atomic_write_text, read_json, replace_dir
from newscorpus.publish.features import CONFIGS
from newscorpus.publish.shards import Shard, ShardWriter, plan_shards
from newscorpus.publish.facts import ReleaseFacts
from newscorpus.publish.stages import BuildContext, clean_stage, rows_stage, shard_summary, validate_stage


class Job:
    """A job folder made by ``plan_job``."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        path = self.folder / "plan.json"
        if not path.is_file():
            raise InputError("not a build job folder (no plan.json); make one with `newscorpus cluster plan`", str(self.folder))
        plan = read_json(path)
        self.corpus = Corpus.open(plan["root"])
        self.standoff = plan["standoff"]
        docs = {d.doc_id: d for d in self.corpus.documents()}
        try:
            self.shards = [Shard(s["split"], s["index"], s["count"], tuple(docs[i] for i in s["docs"])) for s in plan["shards"]]
        except KeyError as exc:
            raise InputError(f"the plan names document {exc.args[0]!r}, which the manifest no longer has; plan again", str(path)) from None
        self.context = BuildContext.of(self.corpus, standoff=self.standoff, cache_dir=None)
        if self.context.code != plan["code"] or self.context.registry_sha != plan["registry_sha"] or self.context.rules_sha != plan["rules_sha"]:
            raise InputError("the code, entity registry or cleaning rules changed since the plan was made; plan again", str(path))

    @property
    def tasks(self) -> int:
        return len(self.shards)

    @property
    def staging(self) -> Path:
        return self.folder / "staging"

    @property
    def logs(self) -> Path:
        return self.folder / "logs"

    def summary_path(self, rank: int) -> Path:
        return self.folder / "summaries" / f"{rank:05d}.json"


def plan_job(corpus: Corpus, folder: Path, *, standoff: bool = False, shards: int | None = None) -> Job:
    """Write a job folder for ``corpus``: one datatrove task per shard of the build plan."""
    folder = Path(folder)
    if (folder / "plan.json").exists():
        raise InputError("already holds a job (plan.json); use a new folder or delete it", str(folder))
    ctx = BuildContext.of(corpus, standoff=standoff, cache_dir=None)
    plan = plan_shards(corpus.documents(), shards)
    atomic_write_json(folder / "plan.json", {
        "root": str(corpus.root), "standoff": standoff, "code": ctx.code, "registry_sha": ctx.registry_sha, "rules_sha": ctx.rules_sha,
        "shards": [{"split": s.split, "index": s.index, "count": s.count, "docs": [d.doc_id for d in s.docs]} for s in plan],
    })
    return Job(folder)


# ---- steps -----------------------------------------------------------------------------------


class _JobStep(PipelineStep):
    def __init__(self, folder: Path | str):
        super().__init__()
        self.folder = str(folder)

    @property
    def job(self) -> Job:
        return _open_job(self.folder)


@lru_cache(maxsize=4)
def _open_job(folder: str) -> Job:
    """One Job per folder and process, shared by the steps of a task."""
    return Job(folder)


def _problems(doc: DTDocument) -> list:
    return doc.metadata.setdefault("problems", [])


class ShardReader(_JobStep):
    """Yields the documents of shard ``rank`` (the job needs exactly one task per shard)."""

    name, type = "newscorpus shard reader", "📖 - READER"

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        if world_size != self.job.tasks:
            raise InputError(f"this job has {self.job.tasks} shards: run it with tasks={self.job.tasks}, not {world_size}", self.folder)
        for doc in self.job.shards[rank].docs:
            self.stat_update("documents")
            yield DTDocument(text="", id=doc.doc_id, metadata={"manifest": asdict(doc), "rank": rank})


class CleanStep(_JobStep):
    """Raw article -> clean text (corpus/clean rewritten when it drifted)."""

    name, type = "newscorpus clean", "🔻 - CLEAN"

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in data:
            try:
                clean = clean_stage(self.job.context, Document(**doc.metadata["manifest"]))
            except NewscorpusError as exc:
                _problems(doc).append(Problem(exc.file or doc.id, exc.where or "", exc.message, "raw"))
            else:
                doc.text = clean.text
                doc.metadata["clean"] = clean
            yield doc


class ValidateStep(_JobStep):
    """Schema and semantic checks of the document's annotation."""

    name, type = "newscorpus validate", "🔍 - VALIDATE"

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in data:
            if "clean" in doc.metadata:
                ann, problems = validate_stage(self.job.context, Document(**doc.metadata["manifest"]), doc.metadata["clean"])
                _problems(doc).extend(problems)
                doc.metadata["annotation"] = ann
                self.stat_update("invalid" if problems else "valid")
            yield doc


class RowsStep(_JobStep):
    """The document's rows in every config, encoded with the declared features."""

    name, type = "newscorpus rows", "🔢 - ROWS"

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in data:
            if doc.metadata.get("annotation") is not None and not _problems(doc):
                doc.metadata["output"] = rows_stage(self.job.context, Document(**doc.metadata["manifest"]), doc.text, doc.metadata["annotation"])
            yield doc


class ShardWriterStep(_JobStep):
    """Writes shard ``rank``'s parquet files into the job's staging folder and its summary."""

    name, type = "newscorpus shard writer", "💽 - WRITER"

    def run(self, data, rank: int = 0, world_size: int = 1):
        job = self.job
        shard = job.shards[rank]
        writer = ShardWriter({config: shard.path(config) for config in CONFIGS}, job.staging, job.standoff)
        counts: Counter = Counter()
        first: dict = {config: None for config in CONFIGS}
        facts = ReleaseFacts()
        problems: list[Problem] = []
        for doc in data:
            problems += _problems(doc)
            out = doc.metadata.get("output")
            if out is None or problems:
                continue
            writer.add(out.tables)
            counts.update(out.counts)
            facts.add(out.facts)
            for config, row in out.first.items():
                if first[config] is None:
                    first[config] = row
        if problems:
            writer.abort()
            for config in CONFIGS:
                (job.staging / shard.path(config)).unlink(missing_ok=True)
            summary = {"shard": shard.name, "problems": [p.as_dict() for p in problems]}
        else:
            summary = shard_summary(shard, writer.close(), counts, first, facts, [], [])
        atomic_write_text(job.summary_path(rank), json.dumps(summary, ensure_ascii=False))
        return
        yield  # a generator that yields nothing: the writer ends the pipeline


class PreannotateStep(_JobStep):
    """Rule-based suggestions into ``out_dir/<doc_id>.json`` (never over human work unless ``force``)."""

    name, type = "newscorpus preannotate", "✍️ - PREANNOTATE"

    def __init__(self, folder: Path | str, out_dir: Path | str, *, force: bool = False):
        super().__init__(folder)
        self.out_dir, self.force = str(out_dir), force

    def run(self, data, rank: int = 0, world_size: int = 1):
        from newscorpus.preannotate import _holds_human_work, build_resources, parse_published, preannotate_text

        corpus = self.job.corpus
        resources = build_resources(corpus.entities_path if corpus.entities_path.is_file() else None, annotations_dir=corpus.annotations_dir,
                                    manifest=corpus.manifest_path, clean_dir=corpus.clean_dir)
        for doc in data:
            target = Path(self.out_dir) / f"{doc.id}.json"
            if "clean" not in doc.metadata:
                pass
            elif not self.force and target.exists() and _holds_human_work(target):
                _problems(doc).append(Problem(str(target), "", "holds human annotation (spans not made by the model); not replaced", "overwrite"))
            else:
                published = parse_published(doc.metadata["manifest"]["published"])
                atomic_write_json(target, preannotate_text(doc.text, doc_id=doc.id, published=published, resources=resources))
                self.stat_update("suggested")
            yield doc


def build_pipeline(job: Job | Path | str) -> list[PipelineStep]:
    folder = job.folder if isinstance(job, Job) else job
    return [ShardReader(folder), CleanStep(folder), ValidateStep(folder), RowsStep(folder), ShardWriterStep(folder)]


def suggest_pipeline(job: Job | Path | str, out_dir: Path, *, force: bool = False) -> list[PipelineStep]:
    folder = job.folder if isinstance(job, Job) else job
    return [ShardReader(folder), CleanStep(folder), PreannotateStep(folder, out_dir, force=force)]


def executor(job: Job, kind: str = "local", *, workers: int = -1, **options):
    """A datatrove executor running the build pipeline with one task per shard (resumes completed tasks)."""
    from datatrove import executor as dt

    common = {"pipeline": build_pipeline(job), "tasks": job.tasks, "logging_dir": str(job.logs), "skip_completed": True}
    if kind == "local":
        return dt.LocalPipelineExecutor(workers=workers, **common, **options)
    if kind == "slurm":
        if not options.get("partition") or not options.get("time"):
            raise InputError("the slurm executor needs a partition and a time limit (--partition, --time)")
        return dt.SlurmPipelineExecutor(workers=workers, **common, **options)
    if kind == "ray":
        return dt.RayPipelineExecutor(workers=workers, **common, **options)
    raise InputError(f"unknown executor {kind!r} (local, slurm or ray)")


def run_job(folder: Path, kind: str = "local", *, workers: int = -1, **options) -> Job:
    job = Job(folder)
    executor(job, kind, workers=workers, **options).run()
    return job


def finish(folder: Path, out_dir: Path | None = None) -> dict:
    """After every task: refuse on any problem, else add card and Croissant and swap the dataset into ``out_dir``."""
    from newscorpus.annotate.validate import load_registry
    from newscorpus.publish.build import _stray_annotations, finish as finish_folder

    job = Job(folder)
    corpus = job.corpus
    out_dir = Path(out_dir or (corpus.dist_dir / "hf-standoff" if job.standoff else corpus.hf_dir))
    missing = [rank for rank in range(job.tasks) if not job.summary_path(rank).is_file()]
    if missing:
        raise InputError(f"{len(missing)} of {job.tasks} tasks have not finished (first: {missing[0]}); run the job again to resume it", str(job.folder))
    summaries = [read_json(job.summary_path(rank)) for rank in range(job.tasks)]
    registry, problems = load_registry(corpus.entities_path)
    problems += _stray_annotations(corpus, corpus.documents())
    problems += [Problem(**p) for s in summaries for p in s["problems"]]
    if problems:
        raise ValidationFailed(problems)
    if not job.staging.is_dir():
        raise InputError("this job was already finished (no staging folder)", str(job.folder))
    for extra in ("README.md", "croissant.json", "images", "manifest.csv", "cleaning_rules.toml"):
        target = job.staging / extra
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    counts = finish_folder(corpus, corpus.documents(), registry, summaries, job.staging, standoff=job.standoff)
    replace_dir(job.staging, out_dir)
    from newscorpus.corpus.manifest import SPLITS

    return {config: {split: counts["rows", config, split] for split in SPLITS} for config in CONFIGS}


__all__ = ["CleanStep", "Job", "PreannotateStep", "RowsStep", "ShardReader", "ShardWriterStep", "ValidateStep", "build_pipeline",
           "executor", "finish", "plan_job", "run_job", "suggest_pipeline"]
