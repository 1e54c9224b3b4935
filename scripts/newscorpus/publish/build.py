"""The main job: clean, validate, and write the Hugging Face dataset folder.

Refuses to build on any invalid annotation. Writes everything into a temporary folder beside
the target and swaps it in at the end, so a failed build leaves the previous ``dist/hf`` as it
was. Rows, files and PNGs are produced in a fixed order with fixed metadata, so the same
inputs give byte-identical outputs.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Dataset


from newscorpus.clean import clean_files, clean_outputs
from newscorpus.errors import ValidationFailed
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS, TAG_COLUMNS
from newscorpus.fileio import read_json, replace_dir, sha256_text, write_all
from newscorpus.corpus.check import check_releasable
from newscorpus.corpus.manifest import SPLITS, Document, verify_raw
from newscorpus.corpus.project import Corpus
from newscorpus.publish.segment import Sentence, sentences
from newscorpus.annotate.validate import load_registry, validate_paths


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
        write_all(f for r in results for f in clean_outputs(r, corpus.clean_dir) if not f[0].is_file() or f[0].read_text(encoding="utf-8") != f[1])
    report = validate_paths(corpus)
    if not report.valid:
        raise ValidationFailed(report.problems)
    registry, _ = load_registry(corpus.entities_path)
    annotations = {d.doc_id: read_json(corpus.annotations_dir / f"{d.doc_id}.json") for d in docs}
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


def bio_tags(sentence: Sentence, spans: list[dict]) -> tuple[list[str], list[dict]]:
    """BIO tags for one layer; the policy keeps the outermost of nested or crossing spans.

    Returns the tags and the spans the policy could not encode, each with the reason.
    """
    tags = ["O"] * len(sentence.tokens)
    lost: list[dict] = []
    starts = {s: i for i, (s, _) in enumerate(sentence.offsets)}
    ends = {e: i for i, (_, e) in enumerate(sentence.offsets)}
    taken: list[tuple[int, int]] = []
    inside = [s for s in spans if sentence.start <= s["start"] and s["end"] <= sentence.end]
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


def sentence_spans_lost(sentence: Sentence, spans: list[dict]) -> list[dict]:
    """Spans that cross a sentence boundary (the tokens config cannot hold them)."""
    return [
        {"span": s, "reason": "crosses a sentence boundary"}
        for s in spans
        if s["start"] < sentence.end and s["end"] > sentence.start and not (sentence.start <= s["start"] and s["end"] <= sentence.end)
    ]


def token_rows(doc: Document, text: str, ann: dict, standoff: bool, lost: list | None = None) -> list[dict]:
    rows = []
    by_layer = {layer: [s for s in ann["spans"] if s["layer"] == layer] for layer in TAG_COLUMNS}
    quality = ann.get("quality", [])
    for sent in sentences(text):
        row = {"doc_id": doc.doc_id, "sentence_id": sent.index, "start": sent.start, "end": sent.end}
        if standoff:
            row["tokens_sha256"] = [sha256_text(t) for t in sent.tokens]
        else:
            row["tokens"] = list(sent.tokens)
        row["token_starts"] = [s for s, _ in sent.offsets]
        row["token_ends"] = [e for _, e in sent.offsets]
        row["mt_garbled"] = any(q["start"] < sent.end and q["end"] > sent.start for q in quality)
        for layer, column in TAG_COLUMNS.items():
            tags, dropped = bio_tags(sent, by_layer[layer])
            row[column] = tags
            if lost is not None:
                lost.extend({"doc_id": doc.doc_id, "layer": layer, **d} for d in dropped + sentence_spans_lost(sent, by_layer[layer]))
        rows.append(row)
    return rows


def event_rows(doc: Document, text: str, ann: dict, registry: dict, standoff: bool) -> list[dict]:
    by_id = {s["id"]: s for s in ann["spans"]}
    sents = sentences(text)
    rows = []
    for event in _ordered([s for s in ann["spans"] if s["layer"] == "EVENT"]):
        members = [event] + [by_id[a["ref"]] for a in event["arguments"]]
        covering = [s for s in sents if any(m["start"] < s.end and m["end"] > s.start for m in members)]
        start = min(s.start for s in covering) if covering else event["start"]
        end = max(s.end for s in covering) if covering else event["end"]
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


def config_rows(corpus: Corpus, standoff: bool = False) -> dict[str, dict[str, list[dict]]]:
    """{config: {split: rows}} in manifest order."""
    out = {name: {split: [] for split in SPLITS} for name in CONFIGS}
    for doc in corpus.docs:
        text, ann = corpus.texts[doc.doc_id], corpus.annotations[doc.doc_id]
        out["documents"][doc.split].append(document_row(doc, text, ann, corpus.registry, standoff))
        out["tokens"][doc.split].extend(token_rows(doc, text, ann, standoff))
        out["events"][doc.split].extend(event_rows(doc, text, ann, corpus.registry, standoff))
    return out


# ---- writing ---------------------------------------------------------------------------------


def write_parquet(rows: list[dict], features, path: Path) -> int:
    """Encode with the declared features (ClassLabels become ints) and write deterministically."""
    dataset = Dataset.from_list(rows, features=features) if rows else Dataset.from_dict({k: [] for k in features}, features=features)
    table: pa.Table = dataset.data.table
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True)
    return table.nbytes


def build(project: Corpus, out_dir: Path | None = None, *, standoff: bool = False, progress=None) -> dict:
    """Build the dataset folder at ``out_dir`` [default: the corpus's dist/hf] atomically. Returns a summary."""
    from newscorpus.publish.card import render_card, write_croissant, write_plots

    out_dir = out_dir or (project.dist_dir / "hf-standoff" if standoff else project.hf_dir)
    corpus = load_corpus(project, progress=progress)
    rows = config_rows(corpus, standoff=standoff)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        sizes = {}
        for config, splits in rows.items():
            features = CONFIGS[config](standoff)
            for split, split_rows in splits.items():
                sizes[(config, split)] = write_parquet(split_rows, features, staging / config / f"{split}.parquet")
        plots = write_plots(corpus, staging)
        (staging / "README.md").write_text(render_card(corpus, rows, standoff=standoff, plots=plots, sizes=sizes), encoding="utf-8")
        write_croissant(corpus, rows, staging, standoff=standoff)
        if standoff:
            shutil.copy(project.manifest_path, staging / "manifest.csv")
            shutil.copy(project.cleaning_rules_path, staging / "cleaning_rules.toml")
            shutil.copy(project.release_path, staging / "release.toml")
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return {config: {split: len(r) for split, r in splits.items()} for config, splits in rows.items()}


