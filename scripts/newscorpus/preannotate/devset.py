"""The development set as annotation documents in clean offsets, so predictions can be scored.

``../shared/devset`` holds raw "scraped" articles and two independent gold annotations (A, B)
in *raw* offsets; another set in the same format may have one or more (every folder under
``gold/`` is an annotator, and scores are the mean over them). Scoring a pre-annotator needs them in the clean text it reads: each raw file
is cleaned with the project's cleaner and every gold span is carried through the cleaner's
provenance (raw offset -> clean offset). A span whose characters were removed as furniture
(a byline, a caption) has no clean counterpart and is dropped, and counted in ``dropped``.

The dev set is for measurement only: nothing here feeds the rules or the learned component.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.errors import InputError
from newscorpus.fileio import read_json, sha256_text

@dataclass
class DevDocument:
    doc_id: str
    text: str  # clean text
    published: date | None
    gold: dict[str, dict] = field(default_factory=dict)  # annotator -> annotation document (clean offsets)
    dropped: dict[str, int] = field(default_factory=dict)  # annotator -> spans lost to cleaning


@dataclass
class DevSet:
    documents: dict[str, DevDocument]
    annotators: tuple[str, ...] = ("A", "B")  # the gold/ folders, each a complete annotation

    def ids(self) -> list[str]:
        return sorted(self.documents)

    def gold(self, annotator: str, doc_ids=None) -> dict[str, dict]:
        ids = self.ids() if doc_ids is None else doc_ids
        return {d: self.documents[d].gold[annotator] for d in ids}


def raw_to_clean(segments: list[list[int]]) -> dict[int, int]:
    """raw offset -> clean offset for every raw character the clean text keeps."""
    out: dict[int, int] = {}
    for c0, c1, r0, _ in segments:
        for k in range(c1 - c0):
            out[r0 + k] = c0 + k
    return out


def map_gold(gold: dict, raw: str, text: str, segments: list[list[int]], *, file: str = "") -> tuple[dict, int]:
    """A gold file (raw offsets, ``arguments[].span``) as an annotation document in clean offsets.

    Returns the document and the number of spans dropped because cleaning removed them.
    """
    index = raw_to_clean(segments)
    spans, kept_ids, dropped = [], {}, 0
    for i, s in enumerate(gold.get("spans", [])):
        where = f"/spans/{i}"
        try:
            start, end, layer = int(s["start"]), int(s["end"]), s["layer"]
        except (KeyError, TypeError, ValueError):
            raise InputError("a span needs start, end and layer", file, where) from None
        if raw[start:end] != s.get("text"):
            raise InputError(f"raw[{start}:{end}] is {raw[start:end]!r}, not the span's text {s.get('text')!r}", file, where)
        if layer not in scheme.LAYERS or s.get("label") not in scheme.LABELS[layer]:
            raise InputError(f"unknown layer/label {layer}/{s.get('label')}", file, where)
        c0, c1 = index.get(start), index.get(end - 1)
        if c0 is None or c1 is None or c1 - c0 != end - 1 - start:
            dropped += 1
            continue
        out = {"id": s["id"], "layer": layer, "label": s["label"], "start": c0, "end": c1 + 1,
               "text": text[c0 : c1 + 1], "origin": "manual"}
        for attr in scheme.LAYER_ATTRIBUTES[layer]:
            if attr != "arguments":
                out[attr] = s.get(attr)
        if layer == "EVENT":
            out["arguments"] = [{"role": a["role"], "ref": a["span"]} for a in s.get("arguments", [])]
        kept_ids[s["id"]] = out
        spans.append(out)
    for s in spans:
        if s["layer"] == "EVENT":
            s["arguments"] = [a for a in s["arguments"] if a["ref"] in kept_ids]
    doc = {"schema_version": scheme.SCHEMA_VERSION, "doc_id": gold.get("doc"), "text_sha256": sha256_text(text),
           "annotators": [{"id": "gold", "kind": "human", "note": "dev-set gold"}], "spans": spans, "quality": []}
    return doc, dropped


def load_devset(devset_dir: Path, rules_path: Path | None = None) -> DevSet:
    """Clean every ``raw/dNN.txt`` and map both golds into its clean offsets."""
    from newscorpus.clean import clean_file, load_rules
    from newscorpus.corpus.project import DEFAULT_CLEANING_RULES

    devset_dir = Path(devset_dir)
    raw_files = sorted((devset_dir / "raw").glob("*.txt"))
    if not raw_files:
        raise InputError("no raw/*.txt files", str(devset_dir))
    annotators = tuple(sorted(p.name for p in (devset_dir / "gold").glob("*") if p.is_dir()))
    if not annotators:
        raise InputError("no gold/<annotator>/ folders", str(devset_dir))
    rules = load_rules(Path(rules_path) if rules_path else DEFAULT_CLEANING_RULES)
    docs: dict[str, DevDocument] = {}
    for raw_path in raw_files:
        result = clean_file(raw_path, rules)
        raw = raw_path.read_bytes().decode("utf-8")
        doc = DevDocument(raw_path.stem, result.text, None)
        for annotator in annotators:
            gold_path = devset_dir / "gold" / annotator / f"{raw_path.stem}.json"
            gold = read_json(gold_path)
            mapped, dropped = map_gold(gold, raw, result.text, result.segments, file=str(gold_path))
            mapped["doc_id"] = raw_path.stem
            doc.gold[annotator], doc.dropped[annotator] = mapped, dropped
            if doc.published is None and gold.get("published"):
                doc.published = _date(gold["published"])
        docs[doc.doc_id] = doc
    return DevSet(docs, annotators)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def score(devset: DevSet, predictions: dict[str, dict], doc_ids: list[str]) -> dict:
    """Mean over both golds (each as reference) of labelled P/R/F1 per layer on ``doc_ids``,
    FIGURE value+qualifier accuracy (both right, on exact matches) and event argument P/R/F1."""
    from newscorpus.annotate.agreement import compare

    annotators = devset.annotators
    per = {a: compare(devset.gold(a, doc_ids), {d: predictions[d] for d in doc_ids}) for a in annotators}
    out: dict = {"documents": list(doc_ids), "layers": {}}
    for layer in scheme.LAYERS:
        vals = [per[a].labelled[layer] for a in annotators]
        out["layers"][layer] = {k: round(sum(getattr(v, k) for v in vals) / len(vals), 4)
                                for k in ("precision", "recall", "f1")}
    accs = []
    for a in annotators:
        agree = total = 0
        for d in doc_ids:
            pred = {(p["start"], p["end"]): p for p in predictions[d]["spans"] if p["layer"] == "FIGURE"}
            for g in devset.documents[d].gold[a]["spans"]:
                m = pred.get((g["start"], g["end"])) if g["layer"] == "FIGURE" else None
                if m is not None:
                    total += 1
                    agree += _same_number(m.get("value"), g.get("value")) and m.get("qualifier") == g.get("qualifier")
        if total:
            accs.append(agree / total)
    out["figure_value_qualifier"] = round(sum(accs) / len(accs), 4) if accs else None
    out["arguments"] = {k: round(sum(getattr(per[a].arguments, k) for a in annotators) / len(annotators), 4)
                        for k in ("precision", "recall", "f1")}
    out["results"] = per
    return out


def _same_number(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b
