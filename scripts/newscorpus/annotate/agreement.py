"""Span agreement between two annotation sets (two annotators, or predictions against gold).

One tool serves both uses: ``compare(reference, candidate)`` treats ``reference`` as gold, so
precision is the share of candidate spans found in the reference and recall the share of
reference spans the candidate found; F1 is symmetric, which makes it the agreement figure.

Per layer and label it reports exact-offset span F1 (label ignored), labelled F1 (label must
match), overlap-relaxed labelled F1 (offsets need only overlap, one-to-one), and on spans
matched exactly within a layer, attribute agreement (value, qualifier, unit, realis, mention,
entity) and argument F1 (role + the argument's matched span).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError
from newscorpus.fileio import read_json
from newscorpus.corpus.manifest import read_manifest
from newscorpus.annotate.validate import annotation_files

ATTRIBUTES = {
    "EVENT": ("realis",),
    "ACTOR": ("mention", "entity"),
    "FIGURE": ("value", "qualifier", "unit"),
    "TIME": ("value",),
    "LOCATION": (),
    "QUALITY": (),
}
LAYERS = (*scheme.LAYERS, "QUALITY")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Agreement:
    documents: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    span: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    labelled: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    overlap: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    per_label: dict[tuple[str, str], PRF] = field(default_factory=lambda: defaultdict(PRF))
    per_label_overlap: dict[tuple[str, str], PRF] = field(default_factory=lambda: defaultdict(PRF))
    attributes: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    arguments: PRF = field(default_factory=PRF)
    differences: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "missing": self.missing,
            "layers": {
                layer: {
                    "span": self.span[layer].as_dict(),
                    "labelled": self.labelled[layer].as_dict(),
                    "overlap": self.overlap[layer].as_dict(),
                    "attributes": {
                        attr: {"agree": c["agree"], "total": c["total"], "accuracy": round(c["agree"] / c["total"], 4) if c["total"] else None}
                        for (lay, attr), c in sorted(self.attributes.items())
                        if lay == layer
                    },
                }
                for layer in LAYERS
                if layer in self.span
            },
            "labels": {
                f"{layer}/{label}": {"labelled": prf.as_dict(), "overlap": self.per_label_overlap[(layer, label)].as_dict()}
                for (layer, label), prf in sorted(self.per_label.items())
            },
            "arguments": self.arguments.as_dict(),
        }

    def to_markdown(self, reference: str = "A", candidate: str = "B") -> str:
        lines = [
            f"Reference: {reference}; candidate: {candidate}; {len(self.documents)} document(s).",
            "",
            "| layer | spans (ref/cand) | span F1 (exact) | labelled F1 | overlap F1 | attribute agreement on exact matches |",
            "|---|---|---|---|---|---|",
        ]
        for layer, data in self.as_dict()["layers"].items():
            s = data["span"]
            attrs = ", ".join(f"{a} {v['accuracy']:.2f} ({v['agree']}/{v['total']})" for a, v in data["attributes"].items() if v["total"]) or "–"
            lines.append(
                f"| {layer} | {s['tp'] + s['fn']}/{s['tp'] + s['fp']} | {s['f1']:.3f} | {data['labelled']['f1']:.3f} | {data['overlap']['f1']:.3f} | {attrs} |"
            )
        args = self.arguments
        lines += ["", f"Event arguments on matched events: F1 {args.f1:.3f} (P {args.precision:.3f}, R {args.recall:.3f}; {args.tp + args.fn} reference arguments).", ""]
        lines += ["| layer/label | ref | cand | labelled P | labelled R | labelled F1 | overlap F1 |", "|---|---|---|---|---|---|---|"]
        for key, data in self.as_dict()["labels"].items():
            lab = data["labelled"]
            lines.append(
                f"| {key} | {lab['tp'] + lab['fn']} | {lab['tp'] + lab['fp']} | {lab['precision']:.3f} | {lab['recall']:.3f} | {lab['f1']:.3f} | {data['overlap']['f1']:.3f} |"
            )
        return "\n".join(lines) + "\n"


def _items(doc: dict) -> list[dict]:
    spans = [s for s in doc.get("spans", [])]
    spans += [{**q, "layer": "QUALITY"} for q in doc.get("quality", []) or []]
    return spans


def _overlap_matches(ref: list[dict], cand: list[dict]) -> int:
    """One-to-one matching of overlapping spans, greedily by overlap size."""
    pairs = sorted(
        ((min(r["end"], c["end"]) - max(r["start"], c["start"]), i, j) for i, r in enumerate(ref) for j, c in enumerate(cand) if r["start"] < c["end"] and c["start"] < r["end"]),
        reverse=True,
    )
    used_r, used_c, n = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_r and j not in used_c:
            used_r.add(i)
            used_c.add(j)
            n += 1
    return n


def _value_equal(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def compare_documents(result: Agreement, doc_id: str, ref_doc: dict, cand_doc: dict) -> None:
    ref_items, cand_items = _items(ref_doc), _items(cand_doc)
    for layer in LAYERS:
        ref = [s for s in ref_items if s["layer"] == layer]
        cand = [s for s in cand_items if s["layer"] == layer]
        ref_offsets = Counter((s["start"], s["end"]) for s in ref)
        cand_offsets = Counter((s["start"], s["end"]) for s in cand)
        tp = sum((ref_offsets & cand_offsets).values())
        result.span[layer].add(tp, len(cand) - tp, len(ref) - tp)
        ref_lab = Counter((s["start"], s["end"], s["label"]) for s in ref)
        cand_lab = Counter((s["start"], s["end"], s["label"]) for s in cand)
        tp = sum((ref_lab & cand_lab).values())
        result.labelled[layer].add(tp, len(cand) - tp, len(ref) - tp)
        labels = {s["label"] for s in ref} | {s["label"] for s in cand}
        overlap_total = 0
        for label in labels:
            r = [s for s in ref if s["label"] == label]
            c = [s for s in cand if s["label"] == label]
            ltp = sum((Counter((s["start"], s["end"]) for s in r) & Counter((s["start"], s["end"]) for s in c)).values())
            result.per_label[(layer, label)].add(ltp, len(c) - ltp, len(r) - ltp)
            otp = _overlap_matches(r, c)
            result.per_label_overlap[(layer, label)].add(otp, len(c) - otp, len(r) - otp)
            overlap_total += otp
        result.overlap[layer].add(overlap_total, len(cand) - overlap_total, len(ref) - overlap_total)
        cand_by_offsets = {(s["start"], s["end"]): s for s in cand}
        for s in ref:
            match = cand_by_offsets.get((s["start"], s["end"]))
            if match is None:
                continue
            for attr in ATTRIBUTES[layer]:
                counter = result.attributes[(layer, attr)]
                counter["total"] += 1
                if _value_equal(s.get(attr), match.get(attr)):
                    counter["agree"] += 1
                else:
                    result.differences.append({"doc_id": doc_id, "kind": f"attribute:{attr}", "layer": layer, "start": s["start"], "end": s["end"], "text": s.get("text"), "reference": s.get(attr), "candidate": match.get(attr)})
            if s.get("label") != match.get("label"):
                result.differences.append({"doc_id": doc_id, "kind": "label", "layer": layer, "start": s["start"], "end": s["end"], "text": s.get("text"), "reference": s.get("label"), "candidate": match.get("label")})
        ref_keys = {(s["start"], s["end"]) for s in ref}
        cand_keys = set(cand_by_offsets)
        for s in ref:
            if (s["start"], s["end"]) not in cand_keys:
                result.differences.append({"doc_id": doc_id, "kind": "only-reference", "layer": layer, "start": s["start"], "end": s["end"], "text": s.get("text"), "reference": s.get("label"), "candidate": None})
        for s in cand:
            if (s["start"], s["end"]) not in ref_keys:
                result.differences.append({"doc_id": doc_id, "kind": "only-candidate", "layer": layer, "start": s["start"], "end": s["end"], "text": s.get("text"), "reference": None, "candidate": s.get("label")})
    _compare_arguments(result, doc_id, ref_doc.get("spans", []), cand_doc.get("spans", []))


def _compare_arguments(result: Agreement, doc_id: str, ref: list[dict], cand: list[dict]) -> None:
    def key(span):
        return (span["layer"], span["start"], span["end"])

    ref_by_id = {s["id"]: s for s in ref}
    cand_by_id = {s["id"]: s for s in cand}
    cand_events = {key(s): s for s in cand if s["layer"] == "EVENT"}
    for event in (s for s in ref if s["layer"] == "EVENT"):
        match = cand_events.get(key(event))
        if match is None:
            continue
        r_args = {(a["role"], key(ref_by_id[a["ref"]])) for a in event.get("arguments", []) if a["ref"] in ref_by_id}
        c_args = {(a["role"], key(cand_by_id[a["ref"]])) for a in match.get("arguments", []) if a["ref"] in cand_by_id}
        result.arguments.add(len(r_args & c_args), len(c_args - r_args), len(r_args - c_args))
        for role, target in sorted(r_args ^ c_args):
            result.differences.append({"doc_id": doc_id, "kind": "argument", "layer": "EVENT", "start": event["start"], "end": event["end"], "text": event.get("text"), "reference": f"{role}->{target}" if (role, target) in r_args else None, "candidate": f"{role}->{target}" if (role, target) in c_args else None})


def load_folder(folder: Path, doc_ids: set[str] | None = None) -> dict[str, dict]:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("not a folder of annotation files", str(folder))
    docs = {}
    for path in annotation_files(folder):
        if path.name.endswith(".entities.json"):
            continue
        doc = read_json(path)
        if not isinstance(doc, dict) or not isinstance(doc.get("doc_id"), str) or not isinstance(doc.get("spans"), list):
            raise InputError("not an annotation document (needs doc_id and spans)", str(path))
        if doc_ids is None or doc["doc_id"] in doc_ids:
            docs[doc["doc_id"]] = doc
    return docs


def split_doc_ids(split: str | None, manifest_path: Path | None) -> set[str] | None:
    if split is None:
        return None
    return {d.doc_id for d in read_manifest(manifest_path) if d.split == split}


def compare(reference: dict[str, dict], candidate: dict[str, dict]) -> Agreement:
    """Agreement of ``candidate`` against ``reference`` over the union of their documents."""
    result = Agreement()
    for doc_id in sorted(set(reference) | set(candidate)):
        if doc_id not in reference:
            result.missing.setdefault("reference", []).append(doc_id)
        if doc_id not in candidate:
            result.missing.setdefault("candidate", []).append(doc_id)
        result.documents.append(doc_id)
        try:
            compare_documents(result, doc_id, reference.get(doc_id, {"spans": []}), candidate.get(doc_id, {"spans": []}))
        except (KeyError, TypeError) as exc:
            raise NewscorpusError(f"malformed annotation (run `newscorpus validate` first): missing {exc}", doc_id) from None
    return result


def compare_folders(reference_dir: Path, candidate_dir: Path, *, split: str | None = None,
                    manifest_path: Path | None = None) -> Agreement:
    """Compare two folders; ``split`` keeps only that split's documents (needs ``manifest_path``)."""
    if split is not None and manifest_path is None:
        raise NewscorpusError("--split needs the corpus manifest", str(reference_dir))
    ids = split_doc_ids(split, manifest_path)
    return compare(load_folder(reference_dir, ids), load_folder(candidate_dir, ids))


def differences_text(result: Agreement) -> str:
    rows = sorted(result.differences, key=lambda d: (d["doc_id"], d["start"], d["end"], d["layer"], d["kind"]))
    return "\n".join(
        f"{d['doc_id']} [{d['start']}:{d['end']}] {d['layer']} {d['kind']}: {d['text']!r} ref={json.dumps(d['reference'], ensure_ascii=False)} cand={json.dumps(d['candidate'], ensure_ascii=False)}"
        for d in rows
    ) + ("\n" if rows else "")
