"""The build's per-document stages (clean, validate, rows) and the shard task that runs them.

Each stage is a function of one document, so the local build (worker processes, see
``build.py``) and the cluster pipeline (datatrove steps, ``cluster.py``) run the same code and
write the same bytes. The shard task adds the cache (``cache.py``): a document whose inputs
hash the same as last time is not cleaned, validated or converted again, and a shard none of
whose documents changed is linked from the cache as a whole.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newscorpus.annotate.validate import load_registry, validate_document
from newscorpus.clean import clean_file, clean_outputs, is_clean_output, load_rules
from newscorpus.corpus.manifest import COLUMNS, Document, verify_raw
from newscorpus.errors import NewscorpusError, Problem
from newscorpus.fileio import LIMITS, display, read_json, sha256_bytes, sha256_text, write_all
from newscorpus.publish.cache import BuildCache, code_version, key
from newscorpus.publish.facts import DocFacts, ReleaseFacts, doc_facts
from newscorpus.publish.filehash import FileHashes

if TYPE_CHECKING:
    from newscorpus.publish.encode import Encoder
    from newscorpus.publish.shards import Shard


@dataclass(frozen=True)
class BuildContext:
    """Everything a worker needs to process documents of one corpus (small and picklable)."""

    raw_dir: Path
    clean_dir: Path
    annotations_dir: Path
    manifest_path: Path
    rules_path: Path
    entities_path: Path
    standoff: bool
    cache_dir: Path | None
    rules_sha: str
    registry_sha: str
    code: str

    @classmethod
    def of(cls, corpus, *, standoff: bool, cache_dir: Path | None) -> "BuildContext":
        entities = corpus.entities_path
        return cls(
            raw_dir=corpus.raw_dir, clean_dir=corpus.clean_dir, annotations_dir=corpus.annotations_dir,
            manifest_path=corpus.manifest_path, rules_path=corpus.cleaning_rules_path, entities_path=entities,
            standoff=standoff, cache_dir=cache_dir,
            rules_sha=sha256_bytes(Path(corpus.cleaning_rules_path).read_bytes()),
            registry_sha=sha256_bytes(entities.read_bytes()) if entities.is_file() else "missing",
            code=code_version(),
        )

    @property
    def cache(self) -> BuildCache:
        return _cache(self.cache_dir, "standoff" if self.standoff else "full")

    def rules(self):
        return _rules(self.rules_path, self.rules_sha)

    def registry(self) -> dict:
        return _registry(self.entities_path, self.registry_sha)


@lru_cache(maxsize=4)
def _cache(folder: Path | None, variant: str) -> BuildCache:  # asked for once per document: one object, not 10^5
    return BuildCache(folder, variant)


@lru_cache(maxsize=4)
def _rules(path: Path, sha: str):
    return load_rules(path)


@lru_cache(maxsize=4)
def _registry(path: Path, sha: str) -> dict:
    return load_registry(path)[0]


@lru_cache(maxsize=2)
def _encoders(standoff: bool) -> dict[str, Encoder]:
    from newscorpus.publish.features import CONFIGS
    from newscorpus.publish.encode import Encoder

    return {config: Encoder(config, standoff) for config in CONFIGS}


# ---- stages ----------------------------------------------------------------------------------


class CleanText:
    """A document's clean text, its sha256 and clean cache key; a text found unchanged on disk
    is read only when a later stage asks for it."""

    __slots__ = ("_text", "path", "sha256", "key")

    def __init__(self, text: str | None, sha256: str, key: str, path: Path | None = None):
        self._text, self.sha256, self.key, self.path = text, sha256, key, path

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.path.read_bytes().decode("utf-8")
        return self._text


def _hash_of(hashes: FileHashes, path: Path) -> str | None:
    try:
        return hashes.digest(path)
    except OSError:
        return None


def clean_stage(ctx: BuildContext, doc: Document, hashes: FileHashes | None = None) -> CleanText:
    """The document's clean text; corpus/clean is rewritten when it drifted. Bad raw input raises.

    ``hashes`` (the shard's ``FileHashes``) spares reading files whose stat is unchanged."""
    hashes = hashes or FileHashes(None)
    raw_path = verify_raw(doc, ctx.raw_dir, hashes.digest)
    ck = key("clean", doc.raw_sha256, ctx.rules_sha, ctx.code)
    txt, prov = ctx.clean_dir / f"{doc.doc_id}.txt", ctx.clean_dir / f"{doc.doc_id}.provenance.json"
    cache = ctx.cache
    entry = hashes.clean_entry(ck, cache.get_clean)
    if entry is not None and _hash_of(hashes, txt) == entry["text"] and _hash_of(hashes, prov) == entry["provenance"]:
        return CleanText(None, entry["text"], ck, txt)
    result = clean_file(raw_path, ctx.rules())
    outputs = [(path, content.encode("utf-8")) for path, content in clean_outputs(result, ctx.clean_dir)]
    changed = [(path, data) for path, data in outputs if not path.is_file() or path.read_bytes() != data]
    if changed:  # text and provenance as one set; a file there that is no clean output is refused
        write_all(changed, ours=is_clean_output)
    for path, data in outputs:  # the bytes just compared or written: remembered unless too fresh
        hashes.digest(path, read=lambda _path, data=data: data)
    text_sha = sha256_text(result.text)
    cache.put_clean(ck, {"text": text_sha, "provenance": sha256_bytes(outputs[1][1])})
    return CleanText(result.text, text_sha, ck)


def annotation_path(ctx: BuildContext, doc: Document) -> Path:
    return ctx.annotations_dir / f"{doc.doc_id}.json"


def validate_stage(ctx: BuildContext, doc: Document, clean: CleanText) -> tuple[dict | None, list[Problem]]:
    """The document's annotation and every problem with it (the annotation is None unless valid)."""
    path = annotation_path(ctx, doc)
    file = display(path)
    if not path.is_file():
        return None, [Problem(display(ctx.manifest_path), "", f"document {doc.doc_id!r} has no annotation file", "manifest")]
    try:
        ann = read_json(path, max_bytes=LIMITS["annotation_bytes"])
    except NewscorpusError as exc:
        return None, [Problem(file, exc.where or "", exc.message, "read")]
    problems = []
    if isinstance(ann, dict) and isinstance(ann.get("doc_id"), str) and ann["doc_id"] != doc.doc_id:
        problems.append(Problem(file, "/doc_id", f"doc_id {ann['doc_id']!r} does not match the file name {path.name!r}", "doc-id"))
    problems += validate_document(ann, file=file, clean_text=clean.text, registry=ctx.registry())
    return (None if problems else ann), problems


def document_counts(split: str, rows: dict[str, list[dict]], ann: dict, lost: list[dict]) -> Counter:
    """The plain counts the card's statistics are summed from."""
    from newscorpus.publish.features import LAYER_COLUMNS

    counts: Counter = Counter()
    counts["sentences", split] += len(rows["tokens"])
    counts["tokens", split] += sum(len(r["token_starts"]) for r in rows["tokens"])
    doc_row = rows["documents"][0]
    for layer, column in LAYER_COLUMNS.items():
        counts["spans", split, layer] += len(doc_row[column])
        for span in doc_row[column]:
            counts["label", split, layer, span["label"]] += 1
    counts["quality", split] += len(doc_row["quality"])
    for figure in doc_row["figures"]:
        counts["qualifier", split, figure["qualifier"]] += 1
    for event in doc_row["events"]:
        counts["realis", split, event["realis"]] += 1
    for span in ann["spans"]:
        counts["layer_spans", span["layer"]] += 1
    for item in lost:
        counts["bio_lost", item["layer"], item["reason"]] += 1
    return counts


@dataclass
class DocumentOutput:
    tables: dict  # config -> pyarrow.Table (encoded rows)
    counts: Counter
    first: dict  # config -> the first row (as built, labels as names) or None
    facts: DocFacts  # what the card says about the document (its annotation header)


def rows_stage(ctx: BuildContext, doc: Document, text: str, ann: dict) -> DocumentOutput:
    """The document's rows in every config, encoded with the declared features."""
    from newscorpus.publish.build import document_row, event_rows, token_rows

    registry = ctx.registry()
    lost: list[dict] = []
    rows = {
        "documents": [document_row(doc, text, ann, registry, ctx.standoff)],
        "tokens": token_rows(doc, text, ann, ctx.standoff, lost),
        "events": event_rows(doc, text, ann, registry, ctx.standoff),
    }
    encoders = _encoders(ctx.standoff)
    return DocumentOutput(
        tables={config: encoders[config].table(r) for config, r in rows.items()},
        counts=document_counts(doc.split, rows, ann, lost),
        first={config: (r[0] if r else None) for config, r in rows.items()},
        facts=doc_facts(doc, ann),
    )


def doc_key(ctx: BuildContext, doc: Document, clean: CleanText, hashes: FileHashes) -> str:
    ann_sha = _hash_of(hashes, annotation_path(ctx, doc)) or "missing"
    return key("doc", ctx.code, ctx.standoff, clean.sha256, ann_sha, ctx.registry_sha, [getattr(doc, column) for column in COLUMNS])


# ---- one shard -------------------------------------------------------------------------------


def _raw_problem(exc: NewscorpusError, doc: Document) -> Problem:
    return Problem(exc.file or doc.raw_file, exc.where or "", exc.message, "raw")


def shard_summary(shard: Shard, files: dict, counts: Counter, first: dict, facts: ReleaseFacts, doc_keys: list, clean_keys: list) -> dict:
    from newscorpus.publish.shards import counts_to_json

    return {"shard": shard.name, "split": shard.split, "files": files, "counts": counts_to_json(counts), "first": first,
            "facts": facts.to_json(), "doc_keys": doc_keys, "clean_keys": clean_keys, "problems": []}


def run_shard(ctx: BuildContext, shard: Shard, out_dir: Path) -> dict:
    """Clean, validate and convert one shard's documents and write its files into ``out_dir``.

    Returns the shard's summary (files with sha256, counts, first rows, cache keys); with any
    problem, the summary lists them all and nothing usable is written.
    """
    cache = ctx.cache
    problems: list[Problem] = []
    prepared: list[tuple[Document, CleanText | None, str | None]] = []
    hashes = cache.file_hashes(shard.name)
    inputs = key("shard-inputs", ctx.code, ctx.standoff, ctx.rules_sha, ctx.registry_sha, shard.name,
                 [os.fspath(d) for d in (ctx.raw_dir, ctx.clean_dir, ctx.annotations_dir)],
                 [[getattr(doc, column) for column in COLUMNS] for doc in shard.docs])
    known = hashes.unchanged_shard(inputs)
    hit = cache.get_shard(known, out_dir) if known else None
    if hit is not None:  # nothing this shard reads has changed: no per-document work at all
        return _for_main(hit, known)
    for doc in shard.docs:
        try:
            clean = clean_stage(ctx, doc, hashes)
        except NewscorpusError as exc:
            problems.append(_raw_problem(exc, doc))
            prepared.append((doc, None, None))
            continue
        prepared.append((doc, clean, doc_key(ctx, doc, clean, hashes)))
    doc_keys = [k for _, _, k in prepared if k]
    clean_keys = [c.key for _, c, _ in prepared if c]
    shard_key = key("shard", ctx.code, ctx.standoff, shard.name, doc_keys)
    hashes.remember_shard(inputs, None if problems else shard_key)
    hashes.save()
    if not problems:
        hit = cache.get_shard(shard_key, out_dir)
        if hit is not None:
            return _for_main(hit, shard_key)
    # a shard to make (not linked from the cache): only now the row-making modules (datasets, spaCy)
    from newscorpus.publish.features import CONFIGS
    from newscorpus.publish.shards import ShardWriter

    writer = ShardWriter({config: shard.path(config) for config in CONFIGS}, out_dir, ctx.standoff)
    counts: Counter = Counter()
    first: dict = {config: None for config in CONFIGS}
    facts = ReleaseFacts()
    for doc, clean, dk in prepared:
        if clean is None:
            continue
        entry = cache.get_doc(dk)
        if entry is None:
            ann, found = validate_stage(ctx, doc, clean)
            if found:
                problems += found
                continue
            out = rows_stage(ctx, doc, clean.text, ann)
            cache.put_doc(dk, out.tables, out.counts, out.first, out.facts)
            entry = {"tables": out.tables, "counts": out.counts, "first": out.first, "facts": out.facts}
        if problems:
            continue
        try:
            writer.add(entry["tables"])
        except BaseException:  # a full disk mid-shard: close the files before the error goes on
            writer.abort()
            raise
        counts.update(entry["counts"])
        facts.add(entry["facts"])
        for config, row in entry["first"].items():
            if first[config] is None:
                first[config] = row
    if problems:
        writer.abort()
        return {"shard": shard.name, "problems": problems}
    summary = shard_summary(shard, writer.close(), counts, first, facts, doc_keys, clean_keys)
    cache.put_shard(shard_key, out_dir, summary)
    return _for_main(summary, shard_key)


def _for_main(summary: dict, shard_key: str) -> dict:
    """The summary the main process keeps: without the per-document cache keys (at 10^5
    documents they would be most of its memory; ``BuildCache.prune`` reads them from the cache)."""
    return {k: v for k, v in summary.items() if k not in ("doc_keys", "clean_keys")} | {"shard_key": shard_key}
