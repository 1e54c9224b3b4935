"""The main job: clean, validate, and write the Hugging Face dataset folder.

Refuses to build on any invalid annotation. Writes everything into a temporary folder beside
the target and swaps it in at the end, so a failed build leaves the previous ``dist/hf`` as it
was. The build streams: documents are processed shard by shard in worker processes
(``stages.py``), each shard's parquet files are written as its rows are made (``shards.py``),
and the card's statistics are summed from per-shard counts, so memory does not grow with the
corpus. Rows, files and PNGs are produced in a fixed order with fixed metadata, so the same
inputs and shard count give byte-identical outputs, whatever the number of workers and
whatever came from the cache (``cache.py``, ``dist/.cache``).
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_right
import os
import shutil
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newscorpus.clean import clean_files, clean_outputs, is_clean_output
from newscorpus.errors import Problem, ValidationFailed
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS, TAG_COLUMNS
from newscorpus.fileio import LIMITS, display, read_json, sha256_text, staged_dir, write_all
from newscorpus.corpus.check import check_releasable
from newscorpus.corpus.manifest import SPLITS, Document, verify_raw
from newscorpus.corpus.project import Corpus
from newscorpus.publish.segment import Sentence, sentences
from newscorpus.publish.shards import Shard, counts_from_json, plan_shards
from newscorpus.publish.stages import BuildContext, run_shard
from newscorpus.annotate.validate import annotation_files, load_registry, validate_paths


@dataclass
class BuildInputs:
    """Everything the build needs, read and checked once."""

    project: Corpus
    docs: list[Document]
    texts: dict[str, str]
    annotations: dict[str, dict]
    registry: dict[str, dict]


def load_corpus(corpus: Corpus, *, refresh_clean: bool = True, progress=None) -> BuildInputs:
    """Clean the raw files (rewriting corpus/clean if it drifted), then validate everything."""
    docs = corpus.documents()
    check_releasable(corpus, docs)
    raw_files = [verify_raw(d, corpus.raw_dir) for d in docs]
    results = clean_files(raw_files, corpus.cleaning_rules_path, progress=progress)
    if refresh_clean:
        write_all((f for r in results for f in clean_outputs(r, corpus.clean_dir) if not f[0].is_file() or f[0].read_text(encoding="utf-8") != f[1]),
                  ours=is_clean_output)
    report = validate_paths(corpus)
    if not report.valid:
        raise ValidationFailed(report.problems)
    registry, _ = load_registry(corpus.entities_path)
    annotations = {d.doc_id: read_json(corpus.annotations_dir / f"{d.doc_id}.json", max_bytes=LIMITS["annotation_bytes"]) for d in docs}
    return BuildInputs(corpus, docs, {r.doc_id: r.text for r in results}, annotations, registry)


# ---- rows ------------------------------------------------------------------------------------


def _span_row(span: dict, registry: dict, standoff: bool) -> dict:
    row = {"id": span["id"], "label": span["label"], "start": span["start"], "end": span["end"]}
    if standoff:
        row["text_sha256"] = sha256_text(span["text"])
    else:
        row["text"] = span["text"]
    layer = span["layer"]
    if layer == "EVENT":
        row["realis"] = span["realis"]
        row["arguments"] = [{"role": a["role"], "ref": a["ref"]} for a in span["arguments"]]
    elif layer == "ACTOR":
        row["mention"] = span["mention"]
        row["entity"] = span["entity"]
        row["entity_name"] = registry[span["entity"]]["name"]
    elif layer == "FIGURE":
        row |= {"value": float(span["value"]), "qualifier": span["qualifier"], "unit": span["unit"]}
    elif layer == "TIME":
        row["value"] = span["value"]
    return row


def _ordered(spans: list[dict]) -> list[dict]:
    return sorted(spans, key=lambda s: (s["start"], -s["end"], s["id"]))


def document_row(doc: Document, text: str, ann: dict, registry: dict, standoff: bool) -> dict:
    row = {
        "doc_id": doc.doc_id,
        "title": doc.title or None,
        "source": doc.source or None,
        "published": doc.published,
        "published_basis": doc.published_basis,
    }
    row |= {"text_sha256": sha256_text(text)} if standoff else {"text": text}
    for layer, column in LAYER_COLUMNS.items():
        row[column] = [_span_row(s, registry, standoff) for s in _ordered([s for s in ann["spans"] if s["layer"] == layer])]
    row["quality"] = [
        {"id": q["id"], "label": q["label"], "start": q["start"], "end": q["end"], **({"text_sha256": sha256_text(q["text"])} if standoff else {"text": q["text"]})}
        for q in _ordered(ann.get("quality", []))
    ]
    return row


def _token_maps(sentence: Sentence) -> tuple[dict[int, int], dict[int, int]]:
    """Token index by start offset and by end offset."""
    return {s: i for i, (s, _) in enumerate(sentence.offsets)}, {e: i for i, (_, e) in enumerate(sentence.offsets)}


def _tags(sentence: Sentence, inside: list[dict], starts: dict, ends: dict) -> tuple[list[str], list[dict]]:
    tags = ["O"] * len(sentence.tokens)
    lost: list[dict] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(inside, key=lambda s: (-(s["end"] - s["start"]), s["start"], s["id"])):
        if span["start"] not in starts or span["end"] not in ends:
            lost.append({"span": span, "reason": "boundary inside a token"})
            continue
        first, last = starts[span["start"]], ends[span["end"]]
        if any(first <= b and a <= last for a, b in taken):
            lost.append({"span": span, "reason": "nested in (or crossing) a longer span of the same layer"})
            continue
        taken.append((first, last))
        tags[first] = f"B-{span['label']}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span['label']}"
    return tags, lost


def bio_tags(sentence: Sentence, spans: list[dict]) -> tuple[list[str], list[dict]]:
    """BIO tags for one layer; the policy keeps the outermost of nested or crossing spans.

    Returns the tags and the spans the policy could not encode, each with the reason.
    """
    inside = [s for s in spans if sentence.start <= s["start"] and s["end"] <= sentence.end]
    return _tags(sentence, inside, *_token_maps(sentence))


def sentence_spans_lost(sentence: Sentence, spans: list[dict]) -> list[dict]:
    """Spans that cross a sentence boundary (the tokens config cannot hold them)."""
    return [
        {"span": s, "reason": "crosses a sentence boundary"}
        for s in spans
        if s["start"] < sentence.end and s["end"] > sentence.start and not (sentence.start <= s["start"] and s["end"] <= sentence.end)
    ]


def _by_sentence(sents: tuple[Sentence, ...], spans: list[dict]) -> tuple[list[list[dict]], list[list[dict]]]:
    """For each sentence, the spans inside it and those that overlap it but cross its boundary
    (in ``spans`` order); each span finds its sentences by bisection, not by a scan."""
    ends = [s.end for s in sents]
    inside: list[list[dict]] = [[] for _ in sents]
    crossing: list[list[dict]] = [[] for _ in sents]
    for span in spans:
        start, end = span["start"], span["end"]
        i = bisect_right(ends, start)
        while i < len(sents) and sents[i].start < end:
            (inside if sents[i].start <= start and end <= sents[i].end else crossing)[i].append(span)
            i += 1
    return inside, crossing


def token_rows(doc: Document, text: str, ann: dict, standoff: bool, lost: list | None = None) -> list[dict]:
    rows = []
    sents = sentences(text)
    by_layer = {layer: _by_sentence(sents, [s for s in ann["spans"] if s["layer"] == layer]) for layer in TAG_COLUMNS}
    quality = ann.get("quality", [])
    for k, sent in enumerate(sents):
        row = {"doc_id": doc.doc_id, "sentence_id": sent.index, "start": sent.start, "end": sent.end}
        if standoff:
            row["tokens_sha256"] = [sha256_text(t) for t in sent.tokens]
        else:
            row["tokens"] = list(sent.tokens)
        row["token_starts"] = [s for s, _ in sent.offsets]
        row["token_ends"] = [e for _, e in sent.offsets]
        row["mt_garbled"] = any(q["start"] < sent.end and q["end"] > sent.start for q in quality)
        starts, ends = _token_maps(sent)
        for layer, column in TAG_COLUMNS.items():
            inside, crossing = by_layer[layer]
            tags, dropped = _tags(sent, inside[k], starts, ends)
            row[column] = tags
            if lost is not None:
                lost.extend({"doc_id": doc.doc_id, "layer": layer, **d} for d in dropped)
                lost.extend({"doc_id": doc.doc_id, "layer": layer, "span": s, "reason": "crosses a sentence boundary"} for s in crossing[k])
        rows.append(row)
    return rows


def event_rows(doc: Document, text: str, ann: dict, registry: dict, standoff: bool) -> list[dict]:
    by_id = {s["id"]: s for s in ann["spans"]}
    sents = sentences(text)
    ends = [s.end for s in sents]
    rows = []
    for event in _ordered([s for s in ann["spans"] if s["layer"] == "EVENT"]):
        members = [event] + [by_id[a["ref"]] for a in event["arguments"]]
        covering = []  # indices of the sentences any member overlaps (found by bisection)
        for m in members:
            i = bisect_right(ends, m["start"])
            while i < len(sents) and sents[i].start < m["end"]:
                covering.append(i)
                i += 1
        start = sents[min(covering)].start if covering else event["start"]
        end = sents[max(covering)].end if covering else event["end"]
        context = text[start:end]
        args = []
        for arg in event["arguments"]:
            target = by_id[arg["ref"]]
            item = {
                "role": arg["role"],
                "ref": arg["ref"],
                "layer": target["layer"],
                "label": target["label"],
                **({"text_sha256": sha256_text(target["text"])} if standoff else {"text": target["text"]}),
                "start": target["start"],
                "end": target["end"],
                "context_start": target["start"] - start,
                "context_end": target["end"] - start,
                "figure_value": float(target["value"]) if target["layer"] == "FIGURE" else None,
                "time_value": target.get("value") if target["layer"] == "TIME" else None,
                "entity": target.get("entity") if target["layer"] == "ACTOR" else None,
            }
            args.append(item)
        row = {
            "doc_id": doc.doc_id,
            "event_id": event["id"],
            "type": event["label"],
            "realis": event["realis"],
            **({"trigger_sha256": sha256_text(event["text"])} if standoff else {"trigger": event["text"]}),
            "trigger_start": event["start"],
            "trigger_end": event["end"],
            **({"context_sha256": sha256_text(context)} if standoff else {"context": context}),
            "context_offset": start,
            "context_end": end,
            "trigger_context_start": event["start"] - start,
            "trigger_context_end": event["end"] - start,
            "arguments": args,
        }
        rows.append(row)
    return rows


# ---- writing ---------------------------------------------------------------------------------


class CorpusView:
    """What the card needs of the corpus besides the counts: the project, its documents and
    registry, and texts/annotations read from disk only if a card part asks for them."""

    def __init__(self, project: Corpus, docs: list[Document], registry: dict):
        self.project, self.docs, self.registry = project, docs, registry
        self.texts = _Files(lambda doc_id: (project.clean_dir / f"{doc_id}.txt").read_text(encoding="utf-8"), docs)
        self.annotations = _Files(lambda doc_id: read_json(project.annotations_dir / f"{doc_id}.json"), docs)


class _Files(Mapping):
    def __init__(self, load, docs):
        self._load, self._ids = load, [d.doc_id for d in docs]

    def __getitem__(self, doc_id):
        return self._load(doc_id)

    def __iter__(self):
        return iter(self._ids)

    def __len__(self):
        return len(self._ids)


def _stray_annotations(project: Corpus, docs: list[Document]) -> list[Problem]:
    """Annotation files with no manifest row (the per-document stages only see manifest rows)."""
    known = {d.doc_id for d in docs}
    return [Problem(display(p), "/doc_id", f"doc_id {p.stem!r} has no row in {project.manifest_path.name}", "manifest")
            for p in annotation_files(project.annotations_dir) if p.stem not in known] if project.annotations_dir.is_dir() else []


class _Done:
    """Documents done, one item per document as shards finish (sized, for a progress bar)."""

    def __init__(self, plan: list[Shard], results):
        self.plan, self.results, self.summaries = plan, results, {}

    def __len__(self):
        return sum(len(s.docs) for s in self.plan)

    def __iter__(self):
        for summary, shard in self.results:
            self.summaries[shard.name] = summary
            yield from range(len(shard.docs))


WORKER_PRELOAD = ["newscorpus.publish.stages", "newscorpus.publish.build", "newscorpus.publish.encode",
                  "newscorpus.publish.card", "spacy.lang.en"]


def _worker_context(start: bool = False):
    """Workers fork from a clean server process (not from this process, whose threads make
    ``fork`` unsafe, and without ``spawn``'s import per worker). The server imports the
    row-making and card modules (``datasets``, spaCy: 1.5 s) once, so neither a worker replaced
    after ``SHARDS_PER_WORKER`` shards nor the one that rebuilds a changed shard pays for them;
    ``start`` launches it at once, to import while this process reads the corpus."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    if start:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    return context


SHARDS_PER_WORKER = 20  # then the worker is replaced: what a long-lived process accretes stays bounded


def _shard_task(ctx: BuildContext, staging: Path, item: tuple[int, Shard]) -> tuple[int, dict]:
    index, shard = item
    return index, run_shard(ctx, shard, staging)


@contextmanager
def _pool(jobs: int):
    """``jobs`` worker processes, or None for one job (everything then runs in this process).

    A worker is replaced after ``SHARDS_PER_WORKER`` shards, so build memory stays flat from 10^4
    to 10^5 documents (``multiprocessing.Pool``'s ``maxtasksperchild``: the executor's
    ``max_tasks_per_child`` can deadlock on Python 3.11, CPython issue 115634)."""
    if jobs <= 1:
        yield None
        return
    with _worker_context().Pool(jobs, maxtasksperchild=SHARDS_PER_WORKER) as pool:  # leaving terminates the workers
        yield pool


def _run(ctx: BuildContext, plan: list[Shard], staging: Path, pool):
    """(summary, shard) as shards finish: in this process without a pool, else in its workers."""
    if pool is None:
        for shard in plan:
            yield run_shard(ctx, shard, staging), shard
        return
    for index, summary in pool.imap_unordered(partial(_shard_task, ctx, staging), enumerate(plan)):
        yield summary, plan[index]


def default_jobs(docs: int, shards: int) -> int:
    """Every core, but no more workers than shards, and none for a small corpus (start-up costs more)."""
    return max(1, min(os.cpu_count() or 1, shards, docs // 200))


def finish(project: Corpus, docs: list[Document], registry: dict, summaries: list[dict], staging: Path, *, standoff: bool, cache=None) -> Counter:
    """Card, plots, Croissant (and the standoff extras) for shards already in ``staging``; returns the counts."""
    from newscorpus.publish.card import ReleaseFacts, render_card, write_croissant, write_plots

    counts: Counter = Counter()
    facts = ReleaseFacts()
    position = {d.doc_id: i for i, d in enumerate(docs)}.__getitem__  # first mentions in manifest order
    files: dict[str, dict[str, list[str]]] = {config: {} for config in CONFIGS}
    checksums: dict[str, str] = {}
    first: dict = {config: None for config in CONFIGS}
    for summary in summaries:
        counts.update(counts_from_json(summary["counts"]))
        facts.merge(ReleaseFacts.from_json(summary["facts"]), position)
        for config, info in summary["files"].items():
            files[config].setdefault(summary["split"], []).append(info["path"])
            checksums[info["path"]] = info["sha256"]
            counts["rows", config, summary["split"]] += info["rows"]
            counts["bytes", config, summary["split"]] += info["bytes"]
        if summary["split"] == "train":
            for config, row in summary["first"].items():
                if first[config] is None:
                    first[config] = row
    files = {config: {split: paths[split] for split in SPLITS if split in paths} for config, paths in files.items()}
    view = CorpusView(project, docs, registry)
    plots = write_plots(counts, staging, cache)
    (staging / "README.md").write_text(render_card(view, counts, standoff=standoff, plots=plots, files=files, first_rows=first, facts=facts), encoding="utf-8")
    write_croissant(view, staging, standoff=standoff, files=files, checksums=checksums)
    if standoff:
        from newscorpus.corpus.manifest import render_manifest

        # spreadsheet-safe: a field starting with = + - @ is escaped (OWASP CSV injection)
        (staging / "manifest.csv").write_text(render_manifest(docs, spreadsheet_safe=True), encoding="utf-8")
        shutil.copy(project.cleaning_rules_path, staging / "cleaning_rules.toml")
        shutil.copy(project.release_path, staging / "release.toml")
    return counts


def build(project: Corpus, out_dir: Path | None = None, *, standoff: bool = False, force: bool = False, progress=None,
          jobs: int | None = None, shards: int | None = None, cache: bool = True) -> dict:
    """Build the dataset folder at ``out_dir`` [default: the corpus's dist/hf] atomically. Returns rows per config and split.

    Documents are cleaned, validated and converted shard by shard in ``jobs`` worker processes
    [default: every core]; ``shards`` is the number of shards per split [default: one per
    ~500 documents]. With ``cache``, work is reused from ``dist/.cache`` by content hash.
    ``out_dir`` is only replaced when it is empty or holds exactly a previous output (``force``
    replaces anything); a failed or killed build leaves it as it was.
    """
    out_dir = Path(out_dir or (project.dist_dir / "hf-standoff" if standoff else project.hf_dir))
    docs = project.documents()
    plan = plan_shards(docs, shards)
    jobs = jobs or default_jobs(len(docs), len(plan))
    if jobs > 1:
        _worker_context(start=True)  # its imports overlap the checks below
    check_releasable(project, docs)
    registry, problems = load_registry(project.entities_path)
    problems += _stray_annotations(project, docs)
    ctx = BuildContext.of(project, standoff=standoff, cache_dir=project.dist_dir / ".cache" if cache else None)
    # staged_dir refuses an output folder it may not replace before any document is read (and again at the swap)
    with staged_dir(out_dir, made_by="build", force=force) as staging, _pool(jobs) as pool:
        done = _Done(plan, _run(ctx, plan, staging, pool))
        for _ in progress(done) if progress else done:
            pass
        summaries = [done.summaries[shard.name] for shard in plan]
        problems += [p for s in summaries for p in s["problems"]]
        if problems:
            raise ValidationFailed(problems)
        # the card in a worker, which has `datasets` imported already: this process never imports it
        args = (project, docs, registry, summaries, staging)
        kwargs = {"standoff": standoff, "cache": ctx.cache if cache else None}
        counts = pool.apply(finish, args, kwargs) if pool else finish(*args, **kwargs)
    ctx.cache.prune({s["shard_key"] for s in summaries}, {shard.name for shard in plan})
    return {config: {split: counts["rows", config, split] for split in SPLITS} for config in CONFIGS}
