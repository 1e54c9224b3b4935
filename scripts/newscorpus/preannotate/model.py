"""The learned component: a spaCy ``spancat`` pipeline trained on the corpus's own annotations.

Why spancat: the scheme's spans nest (a NAME inside a NOMINAL actor, a place inside an actor
phrase), which a tagger or NER cannot represent; spancat scores candidate n-grams per label
independently. Labels are ``LAYER/LABEL`` (``ACTOR/CIVILIANS``, ``EVENT/ATTACK``, ...).

Training reads only documents of the training split (``train_preannotator``); the output is a
plain spaCy pipeline folder. ``LearnedModel.merge`` adds the model's spans to the rules'
suggestions where the rules said nothing about that stretch of text: the rules decide the
attributes they know how to normalise (figure values, time values), the model adds recall.
Training is seeded (``spacy.util.fix_random_seed``) and single-threaded, so the same corpus
gives the same model.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError

LAYERS = ("ACTOR", "EVENT", "LOCATION", "TIME")  # FIGURE stays with the rules (values need parsing)
SPANS_KEY = "sc"
META_FILE = "newscorpus_preannotator.json"
NGRAMS = [1, 2, 3, 4]


def span_label(layer: str, label: str) -> str:
    return f"{layer}/{label}"


def _nlp(labels: list[str]):
    import spacy

    nlp = spacy.blank("en")
    spancat = nlp.add_pipe("spancat", config={"spans_key": SPANS_KEY, "threshold": 0.1, "max_positive": 1,
                                               "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": NGRAMS}})
    for label in labels:
        spancat.add_label(label)
    return nlp


def _example(nlp, text: str, spans: list[dict]):
    from spacy.training import Example

    doc = nlp.make_doc(text)
    gold = nlp.make_doc(text)
    out = []
    for s in spans:
        if s.get("layer") not in LAYERS:
            continue
        span = gold.char_span(s["start"], s["end"], label=span_label(s["layer"], s["label"]), alignment_mode="strict")
        if span is not None and len(span) <= max(NGRAMS):
            out.append(span)
    gold.spans[SPANS_KEY] = out
    return Example(doc, gold)


def train(documents: list[tuple[str, str, list[dict]]], out_dir: Path, *, iterations: int = 20, seed: int = 0,
          progress=None) -> dict:
    """Train on ``(doc_id, clean text, gold spans)`` and save the pipeline to ``out_dir``.

    Returns the metadata written beside it (documents, labels, losses per iteration).
    """
    import spacy
    from spacy.util import fix_random_seed, minibatch

    if not documents:
        raise InputError("no training documents (the corpus has no annotated documents in the train split)")
    fix_random_seed(seed)
    labels = sorted({span_label(s["layer"], s["label"]) for _, _, spans in documents for s in spans
                     if s.get("layer") in LAYERS})
    nlp = _nlp(labels)
    examples = [_example(nlp, text, spans) for _, text, spans in documents]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    losses_per_iter = []
    for it in range(iterations):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=4):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.1)
        losses_per_iter.append(round(float(losses.get("spancat", 0.0)), 4))
        if progress:
            progress(f"iteration {it + 1}/{iterations}: loss {losses_per_iter[-1]}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    meta = {"spacy": spacy.__version__, "documents": [d for d, _, _ in documents], "labels": labels,
            "iterations": iterations, "seed": seed, "losses": losses_per_iter}
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def train_preannotator(out_dir: Path, *, annotations_dir: Path, manifest: Path, clean_dir: Path,
                       splits: tuple[str, ...] = ("train",), iterations: int = 20, seed: int = 0, progress=None) -> dict:
    """``newscorpus train-preannotator``: train on the human annotations of ``splits`` only."""
    from newscorpus.preannotate.gazetteer import load_gold

    gold = load_gold(annotations_dir, manifest, clean_dir, splits)
    return train(gold, out_dir, iterations=iterations, seed=seed, progress=progress)


class LearnedModel:
    """A trained pipeline folder, used beside the rules (``preannotate --model DIR``)."""

    def __init__(self, path: Path, threshold: float = 0.5):
        import spacy

        path = Path(path)
        if not (path / META_FILE).is_file():
            raise InputError(f"not a pre-annotator model folder (no {META_FILE}; train one with "
                             "`newscorpus train-preannotator`)", str(path))
        try:
            self.nlp = spacy.load(path)
        except (OSError, ValueError) as exc:
            raise NewscorpusError(f"cannot load the model: {exc}", str(path)) from None
        self.threshold = threshold

    def predict(self, text: str) -> list[tuple[int, int, str, str, float]]:
        """(start, end, layer, label, score) of every span scored at or above the threshold."""
        doc = self.nlp(text)
        spans = doc.spans[SPANS_KEY]
        scores = spans.attrs.get("scores")
        out = []
        for k, span in enumerate(spans):
            score = float(scores[k].max()) if scores is not None else 0.5
            if score < self.threshold:
                continue
            layer, _, label = span.label_.partition("/")
            if layer in scheme.LABELS and label in scheme.LABELS[layer]:
                out.append((span.start_char, span.end_char, layer, label, round(score, 2)))
        return _best_non_overlapping(out)

    def merge(self, doc: dict, text: str) -> dict:
        return merge_spans(doc, text, self.predict(text))


def _best_non_overlapping(spans):
    """Per layer, keep the best-scored of overlapping spans (ACTOR spans may nest, not cross)."""
    kept = []
    for s in sorted(spans, key=lambda x: (-x[4], x[0], x[1])):
        clash = False
        for k in kept:
            if k[2] != s[2] or not (s[0] < k[1] and k[0] < s[1]):
                continue
            nested = (k[0] <= s[0] and s[1] <= k[1]) or (s[0] <= k[0] and k[1] <= s[1])
            if s[2] == "ACTOR" and nested and (k[0], k[1]) != (s[0], s[1]):
                continue
            clash = True
            break
        if not clash:
            kept.append(s)
    return sorted(kept)


def merge_spans(doc: dict, text: str, extra: list[tuple[int, int, str, str, float]]) -> dict:
    """Add ``extra`` (start, end, layer, label, score) spans to a pre-annotation document where
    no span of the same layer overlaps them (ACTORs: where none is identical or crossing), with
    the attributes the schema asks for."""
    from newscorpus.preannotate.actors import slug
    from newscorpus.preannotate.times import find_times

    spans = list(doc["spans"])
    by_layer: dict[str, list[tuple[int, int]]] = {}
    for s in spans:
        by_layer.setdefault(s["layer"], []).append((s["start"], s["end"]))
    counters = {}
    for s in spans:
        m = re.fullmatch(r"([A-Z])(\d+)", s["id"])
        if m:
            counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))
    prefix = {"EVENT": "E", "ACTOR": "A", "FIGURE": "F", "LOCATION": "L", "TIME": "T"}
    entities = {}
    for s in spans:
        if s["layer"] == "ACTOR":
            entities.setdefault(s["entity"], s["label"])
    for start, end, layer, label, score in extra:
        surface = text[start:end]
        if not surface or surface != surface.strip() or not surface[:1].isalnum() or not surface[-1:].isalnum():
            continue
        taken = by_layer.get(layer, [])
        if layer == "ACTOR":
            if any((a, b) == (start, end) or (start < a < end < b) or (a < start < b < end) for a, b in taken):
                continue
        elif any(start < b and a < end for a, b in taken):
            continue
        p = prefix[layer]
        counters[p] = counters.get(p, 0) + 1
        span = {"id": f"{p}{counters[p]}", "layer": layer, "label": label, "start": start, "end": end, "text": surface,
                "origin": "model", "score": score}
        if layer == "ACTOR":
            name = surface[:1].isupper() and not surface.isupper() or surface.isupper() and len(surface) <= 7
            entity = slug(surface) if name else f"d{slug(doc['doc_id'])[:3]}_{slug(surface)}"
            if entities.get(entity, label) != label:
                continue  # the same id with another type: leave it to the annotator
            entities[entity] = label
            span.update(mention="NAME" if name else "NOMINAL", entity=entity)
        elif layer == "EVENT":
            span.update(realis="ACTUAL", arguments=[])
        elif layer == "TIME":
            found = find_times(surface, None)
            span["value"] = found[0].value if found and (found[0].start, found[0].end) == (0, len(surface)) else None
        elif layer == "FIGURE":
            continue
        spans.append(span)
        by_layer.setdefault(layer, []).append((start, end))
    order = {layer: k for k, layer in enumerate(scheme.LAYERS)}
    spans.sort(key=lambda s: (s["start"], -s["end"], order[s["layer"]]))
    return {**doc, "spans": spans, "annotators": doc["annotators"] + [
        {"id": "newscorpus-spancat", "kind": "model", "note": "learned spans (spaCy spancat) merged with the rules"}]}
