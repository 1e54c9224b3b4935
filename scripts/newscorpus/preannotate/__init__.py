"""Pre-annotation: rule-based suggestions (``origin: model``, with a ``score``) for cleaned articles.

    >>> from datetime import date
    >>> doc = preannotate_text("Hezbollah fired more than 60 rockets on Wednesday.",
    ...                        doc_id="x", published=date(2024, 5, 15), resources=Resources())
    >>> [(s["layer"], s["text"]) for s in doc["spans"]]
    [('EVENT', 'fired'), ('FIGURE', 'more than 60 rockets'), ('TIME', 'Wednesday')]

Layers: FIGURE (``figures``), TIME (``times``), LOCATION and ACTOR (``gazetteer``: the entity
registry plus strings learned from the training split's gold), EVENT (``events``). Annotators
correct these suggestions; precision is preferred to recall, so a rule that cannot decide
predicts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError
from newscorpus.fileio import atomic_write_json, read_json, read_text, sha256_text
from newscorpus.preannotate.events import BUILTIN_LEXICON, find_events, learn_triggers, link_arguments
from newscorpus.preannotate.figures import find_figures
from newscorpus.preannotate.gazetteer import Gazetteer, build_gazetteer, find_places_and_actors, load_gold
from newscorpus.preannotate.times import find_times
from newscorpus.preannotate.tokens import tokenize

ANNOTATOR = {"id": "newscorpus-preannotate-0.1", "kind": "model", "note": "rule-based pre-annotator"}
_PREFIX = {"EVENT": "E", "ACTOR": "A", "FIGURE": "F", "LOCATION": "L", "TIME": "T"}


class OverwriteError(NewscorpusError):
    """An output file already holds human annotation (a span whose origin is not ``model``)."""


@dataclass
class Resources:
    """What the rules know beyond the text: the gazetteer (registry, places) and event lexicon."""

    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    event_lexicon: dict = field(default_factory=lambda: dict(BUILTIN_LEXICON))


def build_resources(registry: Path | None = None, *, annotations_dir: Path | None = None,
                    manifest: Path | None = None, clean_dir: Path | None = None,
                    splits: tuple[str, ...] = ("train",)) -> Resources:
    """Resources from the registry and the gold of the documents in ``splits`` only (no leakage
    into validation/test). Missing annotation folders or manifest just mean nothing is learned."""
    gaz = build_gazetteer(registry, annotations_dir=annotations_dir, manifest=manifest,
                          clean_dir=clean_dir, splits=splits)
    lexicon = dict(BUILTIN_LEXICON)
    if annotations_dir is not None and manifest is not None and clean_dir is not None:
        gold = load_gold(annotations_dir, manifest, clean_dir, splits)
        for key, entry in learn_triggers(gold).items():
            lexicon.setdefault(key, entry)
    return Resources(gaz, lexicon)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: str
    label: str
    attrs: dict
    score: float


def preannotate_text(text: str, *, doc_id: str, published: date | None, resources: Resources) -> dict:
    """One annotation document (schema 1.0.0) of model suggestions for ``text``."""
    tokens = tokenize(text)
    spans: list[_Span] = []
    times = find_times(text, published)
    time_ranges = [(t.start, t.end) for t in times]
    for f in find_figures(text, tokens):
        if any(f.start < e and s < f.end for s, e in time_ranges):
            continue
        spans.append(_Span(f.start, f.end, "FIGURE", f.label,
                           {"value": f.value, "qualifier": f.qualifier, "unit": f.unit}, f.score))
    for t in times:
        spans.append(_Span(t.start, t.end, "TIME", "TIME", {"value": t.value}, t.score))
    for m in find_places_and_actors(text, resources.gazetteer):
        if any(m.start < e and s < m.end for s, e in time_ranges):
            continue
        attrs = {"mention": m.mention, "entity": m.entity} if m.layer == "ACTOR" else {}
        spans.append(_Span(m.start, m.end, m.layer, m.label, attrs, m.score))
    events = find_events(text, resources.event_lexicon, tokens)

    # ids in text order per layer
    spans.sort(key=lambda s: (s.start, -s.end, scheme.LAYERS.index(s.layer)))
    ev_order = sorted(range(len(events)), key=lambda k: events[k].start)
    ids: dict[int, str] = {}
    counters = {layer: 0 for layer in scheme.LAYERS}
    for k, s in enumerate(spans):
        counters[s.layer] += 1
        ids[k] = f"{_PREFIX[s.layer]}{counters[s.layer]}"
    by_id = {ids[k]: s for k, s in enumerate(spans)}
    arguments = link_arguments(text, events, by_id)

    out_spans = []
    for k in ev_order:
        ev = events[k]
        out_spans.append((ev.start, -ev.end, 0, {
            "id": f"E{len(out_spans) + 1}", "layer": "EVENT", "label": ev.label, "start": ev.start, "end": ev.end,
            "text": text[ev.start : ev.end], "origin": "model", "score": ev.score, "realis": ev.realis,
            "arguments": [{"role": role, "ref": ref} for role, ref in arguments.get(k, [])],
        }))
    for k, s in enumerate(spans):
        out_spans.append((s.start, -s.end, scheme.LAYERS.index(s.layer), {
            "id": ids[k], "layer": s.layer, "label": s.label, "start": s.start, "end": s.end,
            "text": text[s.start : s.end], "origin": "model", "score": round(float(s.score), 2), **s.attrs,
        }))
    out_spans.sort(key=lambda x: x[:3])
    return {
        "schema_version": scheme.SCHEMA_VERSION,
        "doc_id": doc_id,
        "text_sha256": sha256_text(text),
        "annotators": [dict(ANNOTATOR)],
        "spans": [s for *_, s in out_spans],
        "quality": [],
    }


# --- files -------------------------------------------------------------------------------------


def parse_published(value: str | None) -> date | None:
    """``--published`` as the manifest reads it (YYYY, YYYY-MM or YYYY-MM-DD); anything else is an
    InputError. Only a full day anchors relative times, so a year or month gives None."""
    from newscorpus.corpus.manifest import published_day, published_problem

    if value is None:
        return None
    if problem := published_problem(value):
        raise InputError(problem, "--published")
    return published_day(value)


def manifest_dates(manifest: Path | None) -> dict[str, date | None]:
    """doc_id -> publication date from the manifest (None where only a year or month is known)."""
    from newscorpus.corpus.manifest import published_day, read_manifest

    if manifest is None or not Path(manifest).is_file():
        return {}
    out = {}
    for d in read_manifest(Path(manifest)):
        out[d.doc_id] = published_day(d.published)
    return out


def _holds_human_work(path: Path) -> bool:
    try:
        doc = read_json(path)
    except InputError:
        return True  # unreadable: we cannot tell, so treat it as someone's work
    spans = doc.get("spans") if isinstance(doc, dict) else None
    if not isinstance(spans, list):
        return True
    return any(not isinstance(s, dict) or s.get("origin") != "model" for s in spans)


def preannotate_files(clean_files: Iterable[Path], out_dir: Path, *, published: date | None = None,
                      registry: Path | None = None, force: bool = False,
                      manifest: Path | None = None, annotations_dir: Path | None = None,
                      clean_dir: Path | None = None, splits: tuple[str, ...] = ("train",),
                      progress: Callable = lambda xs: xs) -> list[Path]:
    """Pre-annotate every clean text into ``out_dir/<doc_id>.json``; returns the written paths.

    The publication date of a document comes from the manifest when it is listed there, else
    ``published``, else times resolve to null. Without ``registry`` no ACTOR spans; the gazetteers
    and lexicons are learned from the gold in ``annotations_dir`` (``splits`` of ``manifest``). Everything is read and computed before anything is
    written; an existing output holding human work is refused unless ``force``.
    """
    from newscorpus.corpus.manifest import valid_doc_id

    clean_files = [Path(p) for p in clean_files]
    if not clean_files:
        raise InputError("no clean text files given")
    texts: dict[str, tuple[Path, str]] = {}
    for path in clean_files:
        doc_id = path.name[:-4] if path.name.endswith(".txt") else path.stem
        text = read_text(path)
        if not valid_doc_id(doc_id):
            raise InputError(f"file name {path.name!r} does not give a valid doc id", str(path))
        if doc_id in texts:
            raise InputError(f"doc id {doc_id!r} given twice (also {texts[doc_id][0]})", str(path))
        texts[doc_id] = (path, text)
    out_dir = Path(out_dir)
    targets = {doc_id: out_dir / f"{doc_id}.json" for doc_id in texts}
    if not force:
        for doc_id, target in targets.items():
            if target.exists() and _holds_human_work(target):
                raise OverwriteError("holds human annotation (spans not made by the model); use --force to replace it",
                                     str(target))
    resources = build_resources(registry, annotations_dir=annotations_dir, manifest=manifest,
                                clean_dir=clean_dir, splits=splits)
    dates = manifest_dates(manifest)
    docs = []
    for doc_id in progress(list(texts)):
        when = dates[doc_id] if doc_id in dates and dates[doc_id] is not None else published
        docs.append((targets[doc_id], preannotate_text(texts[doc_id][1], doc_id=doc_id, published=when, resources=resources)))
    for target, doc in docs:
        atomic_write_json(target, doc)
    return [target for target, _ in docs]


__all__ = ["ANNOTATOR", "OverwriteError", "Resources", "build_resources", "manifest_dates", "parse_published",
           "preannotate_files", "preannotate_text"]
