"""Pre-annotation: rule-based suggestions (``origin: model``, with a ``score``) for cleaned articles.

    >>> from datetime import date
    >>> doc = preannotate_text("Hezbollah fired more than 60 rockets on Wednesday.",
    ...                        doc_id="x", published=date(2024, 5, 15), resources=Resources())
    >>> [(s["layer"], s["text"]) for s in doc["spans"]]
    [('EVENT', 'fired'), ('FIGURE', 'more than 60 rockets'), ('TIME', 'Wednesday')]

Layers: FIGURE (``figures``), TIME (``times``), LOCATION and ACTOR (``gazetteer``: the entity
registry plus strings learned from the training split's gold), EVENT (``events``); nothing is
suggested in lines of page furniture the cleaner kept (``furniture``). Annotators
correct these suggestions; precision is preferred to recall, so a rule that cannot decide
predicts nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError
from newscorpus.fileio import atomic_write_json, dumps_json, read_json, read_text, sha256_text, write_all
from newscorpus.preannotate.actors import ActorFinder
from newscorpus.preannotate.events import BUILTIN_LEXICON, find_events, learn_triggers, link_arguments
from newscorpus.preannotate.figures import find_figures
from newscorpus.preannotate.furniture import furniture_ranges
from newscorpus.preannotate.gazetteer import Gazetteer, build_gazetteer, load_gold
from newscorpus.preannotate.knowledge import knowledge
from newscorpus.preannotate.times import find_times
from newscorpus.preannotate.tokens import tokenize

ANNOTATOR = {"id": "newscorpus-preannotate-0.1", "kind": "model", "note": "rule-based pre-annotator"}
_PREFIX = {"EVENT": "E", "ACTOR": "A", "FIGURE": "F", "LOCATION": "L", "TIME": "T"}
_LAYER_RANK = {layer: k for k, layer in enumerate(scheme.LAYERS)}  # scheme.LAYERS.index, as a lookup


# The rules are slow on texts far longer than a news article; refuse rather than hang.
MAX_TEXT_BYTES = 128 * 1024


class OverwriteError(NewscorpusError):
    """An output file already exists (someone's work, or suggestions a session may be checking)."""


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
    gold = None
    if annotations_dir is not None and manifest is not None and clean_dir is not None:
        gold = load_gold(annotations_dir, manifest, clean_dir, splits)  # read once, for both
    gaz = build_gazetteer(registry, gold=gold)
    lexicon = dict(BUILTIN_LEXICON)
    if gold is not None:
        for key, entry in learn_triggers(gold).items():
            lexicon.setdefault(key, entry)
    return Resources(gaz, lexicon)


class _Span(NamedTuple):  # a tuple: made ~100 times per article, a frozen dataclass is slow to make
    start: int
    end: int
    layer: str
    label: str
    attrs: dict
    score: float


def _overlap_test(ranges: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``lambda s, e: any(s < b and a < e for a, b in ranges)``; by bisection when the ranges are
    disjoint (the time rules give them so), as every figure and actor is tested."""
    ranges = sorted(ranges)
    if any(ranges[k][1] > ranges[k + 1][0] for k in range(len(ranges) - 1)):
        return lambda s, e: any(s < b and a < e for a, b in ranges)
    starts = [a for a, _ in ranges]
    ends = [b for _, b in ranges]

    def overlaps(s: int, e: int) -> bool:
        k = bisect_right(ends, s)  # the first range ending after s (ends are sorted too)
        return k < len(starts) and starts[k] < e
    return overlaps


def _nested_in(times, start: int, end: int) -> bool:
    """Is [start, end) inside one time span? (``five years`` in ``five years ago``, ``eight months``
    in ``the first eight months of the year``: a duration is a FIGURE even inside a TIME)"""
    return any(t.start <= start and end <= t.end and (t.start, t.end) != (start, end) for t in times)


def preannotate_text(text: str, *, doc_id: str, published: date | None, resources: Resources) -> dict:
    """One annotation document (schema 1.0.0) of model suggestions for ``text``."""
    tokens = tokenize(text)
    spans: list[_Span] = []
    times = find_times(text, published)
    in_time = _overlap_test([(t.start, t.end) for t in times])
    for f in find_figures(text, tokens):
        if in_time(f.start, f.end) and not (f.label == "DURATION" and _nested_in(times, f.start, f.end)):
            continue  # a figure in a time is a date or clock part, unless it is the duration that locates it
        spans.append(_Span(f.start, f.end, "FIGURE", f.label,
                           {"value": f.value, "qualifier": f.qualifier, "unit": f.unit}, f.score))
    for t in times:
        spans.append(_Span(t.start, t.end, "TIME", "TIME", {"value": t.value}, t.score))
    for m in ActorFinder(resources.gazetteer, knowledge()).find(text, tokens, doc_id):
        if in_time(m.start, m.end):
            continue
        attrs = {"mention": m.mention, "entity": m.entity} if m.layer == "ACTOR" else {}
        spans.append(_Span(m.start, m.end, m.layer, m.label, attrs, m.score))
    events = find_events(text, resources.event_lexicon, tokens)
    furniture = furniture_ranges(text, knowledge().common)
    if furniture:  # page furniture the cleaner kept (a menu, a byline) holds no annotation
        in_furniture = _overlap_test(furniture)
        spans = [s for s in spans if not in_furniture(s.start, s.end)]
        events = [ev for ev in events if not in_furniture(ev.start, ev.end)]
    spans = _consistent_entities(spans)

    # ids in text order per layer
    spans.sort(key=lambda s: (s.start, -s.end, _LAYER_RANK[s.layer]))
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
        out_spans.append((s.start, -s.end, _LAYER_RANK[s.layer], {
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


def _consistent_entities(spans: list[_Span]) -> list[_Span]:
    """One label per entity id in a document (the registry requires it): the best-scored wins."""
    best: dict[str, tuple[float, str]] = {}
    for s in spans:
        if s.layer == "ACTOR":
            ent = s.attrs["entity"]
            if ent not in best or s.score > best[ent][0]:
                best[ent] = (s.score, s.label)
    return [_Span(s.start, s.end, s.layer, best[s.attrs["entity"]][1], s.attrs, s.score)
            if s.layer == "ACTOR" and best[s.attrs["entity"]][1] != s.label else s for s in spans]  # (a new one only if relabelled)


def propose_entities(doc: dict, registry: dict) -> list[dict]:
    """Registry entries (entities.json format) for every entity id ``doc`` uses that ``registry``
    lacks: the id the pre-annotator proposed, the first NAME mention (else the first mention) as
    canonical name, the label as type, every spelling as a variant. A session can accept them
    instead of typing ids."""
    found: dict[str, dict] = {}
    for s in doc["spans"]:
        if s["layer"] != "ACTOR" or s["entity"] in registry:
            continue
        e = found.setdefault(s["entity"], {"id": s["entity"], "name": s["text"], "type": s["label"], "variants": [],
                                           "note": f"proposed by the pre-annotator from {doc['doc_id']}"})
        if s["mention"] == "NAME" and not any(v[:1].isupper() for v in e["variants"]):
            e["name"] = s["text"]
        if s["text"] not in e["variants"]:
            e["variants"].append(s["text"])
    return [found[k] for k in sorted(found)]


def proposals_path(target: Path) -> Path:
    """Where the proposed registry entries for one annotation file go: ``X.entities.json``."""
    return target.with_name(target.name[: -len(".json")] + ".entities.json")


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
                      model_dir: Path | None = None, spacy_model: str | None = None,
                      progress: Callable = lambda xs: xs) -> list[Path]:
    """Pre-annotate every clean text into ``out_dir/<doc_id>.json``; returns the written paths.

    The publication date of a document comes from the manifest when it is listed there, else
    ``published``, else times resolve to null. Actors ``registry`` lacks get proposed entries in
    ``X.entities.json`` beside ``X.json``; the gazetteers and lexicons are learned from the gold in
    ``annotations_dir`` (``splits`` of ``manifest``).
    ``model_dir`` (``train-preannotator``) and ``spacy_model`` add their spans to the rules'. Everything is
    read and computed before anything is written; an existing output file is refused unless
    ``force``.
    """
    from newscorpus.corpus.manifest import valid_doc_id

    clean_files = [Path(p) for p in clean_files]
    if not clean_files:
        raise InputError("no clean text files given")
    texts: dict[str, tuple[Path, str]] = {}
    for path in clean_files:
        doc_id = path.name[:-4] if path.name.endswith(".txt") else path.stem
        text = read_text(path, max_bytes=MAX_TEXT_BYTES)
        if not valid_doc_id(doc_id):
            raise InputError(f"file name {path.name!r} does not give a valid doc id", str(path))
        if doc_id in texts:
            raise InputError(f"doc id {doc_id!r} given twice (also {texts[doc_id][0]})", str(path))
        texts[doc_id] = (path, text)
    out_dir = Path(out_dir)
    targets = {doc_id: out_dir / f"{doc_id}.json" for doc_id in texts}
    if not force:
        for doc_id, target in targets.items():
            for path in (target, proposals_path(target)):
                if path.exists():
                    what = "holds human annotation" if path == target and _holds_human_work(path) else "already exists"
                    raise OverwriteError(f"{what}; nothing was written (use --force to replace it)", str(path))
    resources = build_resources(registry, annotations_dir=annotations_dir, manifest=manifest,
                                clean_dir=clean_dir, splits=splits)
    dates = manifest_dates(manifest)
    registry_entities = resources.gazetteer.entities
    models = []
    if model_dir is not None:
        from newscorpus.preannotate.model import LearnedModel

        models.append(LearnedModel(model_dir))
    if spacy_model is not None:
        from newscorpus.preannotate.spacy_backend import SpacyBackend

        models.append(SpacyBackend(spacy_model))
    docs = []
    for doc_id in progress(list(texts)):
        when = dates[doc_id] if doc_id in dates and dates[doc_id] is not None else published
        doc = preannotate_text(texts[doc_id][1], doc_id=doc_id, published=when, resources=resources)
        for model in models:
            doc = model.merge(doc, texts[doc_id][1])
        docs.append((targets[doc_id], doc))
    files, stale = [], []
    for target, doc in docs:
        files.append((target, dumps_json(doc, str(target))))
        proposed = propose_entities(doc, registry_entities)
        if proposed:
            proposals = {"schema_version": scheme.SCHEMA_VERSION, "entities": proposed}
            files.append((proposals_path(target), dumps_json(proposals, str(proposals_path(target)))))
        elif proposals_path(target).exists():
            stale.append(proposals_path(target))
    # one set: all or nothing (existing files were refused above unless --force)
    write_all(files, force=force, ours=lambda path: not _holds_human_work(path))
    for path in stale:  # only reached with --force: a replaced output's old proposals no longer apply
        path.unlink()
    return [target for target, _ in docs]


__all__ = ["ANNOTATOR", "OverwriteError", "accept_proposals", "propose_entities", "proposals_path", "Resources", "build_resources", "manifest_dates", "parse_published",
           "preannotate_files", "preannotate_text"]


def accept_proposals(folder: Path, registry_path: Path) -> list[str]:
    """Add every proposed entry in ``folder/*.entities.json`` whose id the registry lacks to the
    registry at ``registry_path`` (created if missing), then remove the proposal files; returns
    the ids added. How a session accepts the pre-annotator's ids instead of typing them.

    Every proposal file and the registry are checked against the entity schema first: any
    problem is an error naming its file and JSON pointer, and nothing is written or removed."""
    from newscorpus.annotate.validate import load_registry
    from newscorpus.errors import ValidationFailed

    registry_path = Path(registry_path)
    proposal_files = sorted(Path(folder).glob("*.entities.json"))
    proposals, problems = [], load_registry(registry_path)[1] if registry_path.is_file() else []
    for path in proposal_files:
        proposed, found = load_registry(path)
        proposals += proposed.values()
        problems += found
    if problems:
        raise ValidationFailed(problems)
    data = read_json(registry_path) if registry_path.is_file() else {"schema_version": scheme.SCHEMA_VERSION, "entities": []}
    known = {e["id"] for e in data["entities"]}
    added = []
    for entry in proposals:
        if entry["id"] not in known:
            known.add(entry["id"])
            data["entities"].append(entry)
            added.append(entry["id"])
    data["entities"].sort(key=lambda e: e["id"])
    atomic_write_json(registry_path, data, force=True)  # accepting is the explicit request to extend the registry
    for path in proposal_files:  # after the registry holds them: a kill in between only leaves proposals to accept again
        path.unlink()
    return added
