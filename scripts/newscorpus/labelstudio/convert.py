"""Label Studio tasks out and annotations back: pure conversions, no I/O.

* ``docs_to_tasks(docs)`` - one task per document: ``data`` holds the clean ``text``,
  ``doc_id``, ``text_sha256`` and the document as exported (``newscorpus_base``); its spans
  become one prediction whose region ids are the span ids.
* ``export_to_docs(input_data, ...)`` - a full JSON export (not JSON_MIN) back to annotation
  documents, one task at a time: a task with a problem is reported (task id, region, what is
  wrong) and left out; the others convert. Per-region attributes share their region's id and are
  keyed by ``(id, from_name)``; relations become event arguments.
* ``diff_docs(old, new)`` - the span-level change summary shown before anything is replaced.

Ids stay stable: a region keeps its span id. A submission is a review (``review.py``): a region
whose content (layer, label, offsets, attributes, arguments, note) is unchanged from
``newscorpus_base`` comes back as the base span with the reviewer added to its annotators; an
edited or new region comes back with origin ``manual``, credited to the Label Studio user who
submitted it; a deleted region stays deleted. New regions get the next free id of their layer
(``E``/``A``/``F``/``L``/``T``/``Q`` + number).

A task, as ``docs_to_tasks`` writes it (abridged)::

    {"data": {"text": "Israeli forces launched a drone strike ...", "doc_id": "000_3bb1601c3ebb1da9",
              "text_sha256": "...", "newscorpus_base": {...}},
     "predictions": [{"model_version": "pass_a", "score": 1.0, "result": [
        {"id": "E1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 32, "end": 44, "text": "drone strike", "labels": ["ATTACK"]}},
        {"id": "E1", "from_name": "event_realis", "to_name": "text", "type": "choices",
         "value": {"start": 32, "end": 44, "text": "drone strike", "choices": ["ACTUAL"]}},
        {"type": "relation", "from_id": "E1", "to_id": "A1", "direction": "right", "labels": ["AGENT"]}]}]}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError, Problem
from newscorpus.fileio import sha256_text
from . import review
from .config import (ADJUDICATION_KEY, ATTRIBUTES, ATTRIBUTES_OF_LAYER, BASE_KEY, ID_PREFIX, LABEL_CONTROL, LABEL_CONTROLS, LAYER_LABELS,
                     LAYER_OF_LABEL, MODEL_VERSION_FALLBACK, NOTE_CONTROL, QUALITY, TEXT, _NOTE)


# --------------------------------------------------------------------------- tasks out


def _span_results(span: dict, layer: str) -> list[dict]:
    start, end, text = span["start"], span["end"], span["text"]
    where = {"start": start, "end": end, "text": text}
    label = {"id": span["id"], "from_name": LABEL_CONTROL, "to_name": TEXT, "type": "labels",
             "value": {**where, "labels": [span["label"]]}}
    if isinstance(span.get("score"), (int, float)):
        label["score"] = span["score"]
    results = [label]
    extra = [(a, span.get(a.name)) for a in ATTRIBUTES_OF_LAYER[layer]]
    if span.get("note") is not None:
        extra.append((_NOTE, span["note"]))
    for attr, value in extra:
        encoded = attr.encode(value)
        if encoded is not None:
            results.append({"id": span["id"], "from_name": attr.control, "to_name": TEXT, "type": attr.kind,
                            "value": {**where, **encoded}})
    return results


def _relation_results(span: dict) -> list[dict]:
    """One relation per (event, ref) pair, with every role it fills as a label."""
    by_ref: dict[str, list[str]] = {}
    for arg in span.get("arguments") or []:
        by_ref.setdefault(arg["ref"], []).append(arg["role"])
    return [{"type": "relation", "from_id": span["id"], "to_id": ref, "direction": "right", "labels": roles}
            for ref, roles in by_ref.items()]


def doc_to_result(doc: dict) -> list[dict]:
    """Label Studio result regions (and relations) for an annotation document."""
    results: list[dict] = []
    relations: list[dict] = []
    seen: set[str] = set()
    for key, items in (("spans", doc.get("spans") or []), ("quality", doc.get("quality") or [])):
        for i, span in enumerate(items):
            layer = span.get("layer") if key == "spans" else QUALITY
            if layer not in LAYER_LABELS:
                raise InputError(f"unknown layer {layer!r}", doc.get("doc_id"), f"/{key}/{i}/layer")
            if span["id"] in seen:
                raise InputError(f"duplicate span id {span['id']!r} (Label Studio regions need distinct ids)", doc.get("doc_id"), f"/{key}/{i}/id")
            seen.add(span["id"])
            results += _span_results(span, layer)
            if layer == "EVENT":
                relations += _relation_results(span)
    return results + relations


def _model_version(doc: dict) -> str:
    ids = [a.get("id") for a in doc.get("annotators") or [] if isinstance(a, dict) and a.get("id")]
    return "+".join(ids) or MODEL_VERSION_FALLBACK


def _prediction_score(doc: dict) -> float:
    scores = [s["score"] for key in ("spans", "quality") for s in doc.get(key) or [] if isinstance(s.get("score"), (int, float))]
    return round(sum(scores) / len(scores), 6) if scores else 1.0


def docs_to_tasks(docs: Iterable[tuple[str, str, dict | None]], *, model_version: str | None = None, **_: Any) -> list[dict]:
    """Label Studio tasks for ``(doc_id, clean_text, annotation document or None)`` triples.

    A document's spans become the task's one prediction (``model_version`` defaults to the
    document's annotator ids joined by ``+``). The caller validates the documents first.
    """
    tasks = []
    for doc_id, clean_text, doc in docs:
        data: dict[str, Any] = {TEXT: clean_text, "doc_id": doc_id, "text_sha256": sha256_text(clean_text)}
        task: dict[str, Any] = {"data": data}
        if doc is not None:
            data[BASE_KEY] = doc
            task["predictions"] = [{
                "model_version": model_version or _model_version(doc),
                "score": _prediction_score(doc),
                "result": doc_to_result(doc),
            }]
        tasks.append(task)
    return tasks


# --------------------------------------------------------------------------- annotations back


@dataclass
class Converted:
    """One annotation document recovered from one exported task."""

    doc_id: str
    doc: dict
    pointer: str  # JSON pointer of the task in the export
    task_id: Any
    annotation_id: Any
    notes: list[str] = field(default_factory=list)
    region_pointers: dict[str, str] = field(default_factory=dict)  # span id -> pointer of its label result
    base: dict | None = None  # the document the task was made from (data.newscorpus_base)
    adjudication: dict | None = None  # data.newscorpus_adjudication of an adjudication task


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _editable(span: dict, layer: str) -> tuple:
    """What an annotator can change in Label Studio; equal tuples mean an unchanged span."""
    attrs = tuple((a.name, span.get(a.name)) for a in ATTRIBUTES_OF_LAYER[layer])
    args = tuple(sorted((a.get("role"), a.get("ref")) for a in span.get("arguments") or [] if isinstance(a, dict)))
    return (span.get("label"), span.get("start"), span.get("end"), span.get("text"), span.get("note"), attrs, args)


def _pick_annotations(task: dict, tp: str, add: Callable[[str, str, str], None], notes: list[str], every: bool) -> list[tuple[int, dict]]:
    """The submitted (not cancelled) annotations to convert: every one, or the latest."""
    annotations = task.get("annotations")
    if not isinstance(annotations, list):
        add(tp, "task has no 'annotations' list: use Label Studio's full JSON export (not JSON_MIN or CSV)", "ls-format")
        return []
    for k, a in enumerate(annotations):
        if not isinstance(a, dict):
            add(f"{tp}/annotations/{k}", "annotation is not an object", "ls-format")
            return []
        if not isinstance(a.get("was_cancelled", False), bool):
            add(f"{tp}/annotations/{k}/was_cancelled", f"was_cancelled must be true or false, got {a['was_cancelled']!r}", "ls-format")
            return []
    usable = [(k, a) for k, a in enumerate(annotations) if not a.get("was_cancelled")]
    if every or len(usable) <= 1:
        return usable

    def key(item):
        k, a = item
        return (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") if _is_int(a.get("id")) else -1, k)

    usable.sort(key=key)
    notes.append(f"{len(usable)} annotations: used the most recently updated one (#{usable[-1][1].get('id')})")
    return usable[-1:]


def _task_to_docs(task: Any, t: int, problems: "_Problems", clean_text_for: Callable[[str], str], every: bool = False) -> list[Converted]:
    """The documents of one task: its latest submission (or, with ``every``, each submission)."""
    tp = f"/{t}"
    add = problems.add
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        add(tp, "not a Label Studio task (an object with 'data'): use the full JSON export, not JSON_MIN or CSV", "ls-format")
        return []
    data = task["data"]
    task_id = task.get("id")
    doc_id = data.get("doc_id")
    label = f"task {task_id}" if task_id is not None else f"task #{t}"
    if not isinstance(doc_id, str):
        add(f"{tp}/data/doc_id", f"{label}: data.doc_id is missing (was this task exported by newscorpus?)", "doc-id")
        return []
    from newscorpus.corpus.manifest import valid_doc_id

    if not valid_doc_id(doc_id):
        add(f"{tp}/data/doc_id", f"{label}: doc_id {doc_id!r} is not a plain file stem (it would escape the annotations folder)", "doc-id")
        return []
    label = f"{label} ({doc_id})"
    try:
        clean = clean_text_for(doc_id)
    except NewscorpusError as exc:
        add(f"{tp}/data/doc_id", f"{label}: no clean text: {exc}", "clean-text")
        return []
    current = sha256_text(clean)
    if data.get("text_sha256") != current:
        add(f"{tp}/data/text_sha256", f"{label}: text_sha256 {data.get('text_sha256')!r} does not match the current clean text ({current}); "
            "the export was made from another version of the text: re-export the document and redo its annotation", "stale")
        return []
    if data.get(TEXT) != clean:
        add(f"{tp}/data/{TEXT}", f"{label}: the task text differs from the current clean text of {doc_id}", "stale")
        return []
    base = data.get(BASE_KEY)
    if base is not None and not _base_ok(base):
        add(f"{tp}/data/{BASE_KEY}", f"{label}: {BASE_KEY} is not the annotation document newscorpus exported "
            "(an object whose spans, quality and annotators are lists of objects); re-export the task", "ls-format")
        return []
    notes: list[str] = []
    out = []
    for k, annotation in _pick_annotations(task, tp, add, notes, every):
        item = _annotation_to_doc(annotation, f"{tp}/annotations/{k}", label, problems, doc_id, clean, data.get(BASE_KEY))
        if item is not None:
            base = data.get(BASE_KEY) if isinstance(data.get(BASE_KEY), dict) else None
            out.append(Converted(doc_id, item[0], tp, task_id, annotation.get("id"), list(notes) + item[1], item[2], base,
                                 data.get(ADJUDICATION_KEY) if isinstance(data.get(ADJUDICATION_KEY), dict) else None))
    return out


def _annotation_to_doc(annotation: dict, ap: str, label: str, problems: "_Problems", doc_id: str, clean: str, base: Any):
    """(document, notes, region pointers) for one submitted annotation, or None (problems added)."""
    add = problems.add
    notes: list[str] = []
    result = annotation.get("result")
    if not isinstance(result, list):
        add(f"{ap}/result", f"{label}: annotation result is not a list", "ls-format")
        return None

    from newscorpus.fileio import LIMITS

    if len(result) > 8 * LIMITS["spans"]:  # a label and up to seven attribute/relation results per span
        add(f"{ap}/result", f"{label}: {len(result):,} results (the limit is {8 * LIMITS['spans']:,} per task, "
            f"{LIMITS['spans']:,} spans per document)", "limit")
        return None
    errors_before = len(problems)
    regions: dict[str, dict] = {}  # id -> {"layer", "label", "start", "end", "text", "ptr"}
    extras: dict[tuple[str, str], tuple[Any, str]] = {}  # (id, from_name) -> (decoded value, ptr)
    relations: list[tuple[dict, str]] = []
    for r, item in enumerate(result):
        rp = f"{ap}/result/{r}"
        if not isinstance(item, dict):
            add(rp, f"{label}: result item is not an object", "ls-format")
            continue
        if not isinstance(item.get("type", ""), str):
            add(f"{rp}/type", f"{label}: result type must be a string, got {item['type']!r}", "ls-format")
            continue
        if item.get("type") == "relation":
            relations.append((item, rp))
            continue
        rid, control, value = item.get("id"), item.get("from_name"), item.get("value")
        if not isinstance(control, str):
            add(f"{rp}/from_name", f"{label}: from_name must be a control name (a string), got {control!r}", "ls-format")
            continue
        if not isinstance(rid, str) or not rid:
            add(f"{rp}/id", f"{label}: region has no id", "ls-format")
            continue
        if not isinstance(value, dict):
            add(f"{rp}/value", f"{label}: region {rid}: 'value' is not an object", "ls-format")
            continue
        if control == LABEL_CONTROL or control in LABEL_CONTROLS:  # the one control, or a layer's own (older configs)
            labels = value.get("labels")
            if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str):
                add(f"{rp}/value/labels", f"{label}: region {rid} needs exactly one label, got {labels!r}", "label")
                continue
            layer = LAYER_OF_LABEL.get(labels[0]) if control == LABEL_CONTROL else LABEL_CONTROLS[control]
            if layer is None or labels[0] not in LAYER_LABELS[layer]:
                what, known = ("", LAYER_OF_LABEL) if layer is None else (f"{layer} ", LAYER_LABELS[layer])
                add(f"{rp}/value/labels/0", f"{label}: region {rid}: unknown {what}label {labels[0]!r} (one of {', '.join(known)})", "label")
                continue
            start, end = value.get("start"), value.get("end")
            if not (_is_int(start) and _is_int(end)):
                add(f"{rp}/value", f"{label}: region {rid}: start and end must be integers, got {start!r}, {end!r}", "offsets")
                continue
            if not 0 <= start < end <= len(clean):
                add(f"{rp}/value/end" if end > len(clean) else f"{rp}/value/start",
                    f"{label}: region {rid}: offsets [{start}:{end}] are outside the text ({len(clean)} characters) or empty", "offsets")
                continue
            covered = clean[start:end]
            if value.get("text") != covered:  # also catches offsets counted in UTF-16 units (astral characters)
                what = f"text {value['text']!r} does not match" if "text" in value else "has no text to check against"
                add(f"{rp}/value/text", f"{label}: region {rid}: {what} the clean text at [{start}:{end}] ({covered!r}); "
                    "offsets must count code points", "text")
                continue
            if rid in regions:
                other = regions[rid]
                add(rp, f"{label}: region {rid} has two label results ({other['label']} at {other['ptr']} and {labels[0]}); "
                    "a span has one layer and one label", "label")
                continue
            regions[rid] = {"layer": layer, "label": labels[0], "start": start, "end": end, "text": covered, "ptr": rp}
        elif control in ATTRIBUTES or control == NOTE_CONTROL:
            attr = ATTRIBUTES.get(control, _NOTE)
            try:
                decoded = attr.decode(value)
            except ValueError as exc:
                add(f"{rp}/value", f"{label}: region {rid}: {exc}", "attribute")
                continue
            if (rid, control) in extras:
                add(rp, f"{label}: region {rid} has two {control} results", "attribute")
                continue
            extras[(rid, control)] = (decoded, rp)
        else:
            known = ", ".join([LABEL_CONTROL, *ATTRIBUTES, NOTE_CONTROL])
            add(f"{rp}/from_name", f"{label}: region {rid}: unknown control {control!r} (not in the generated config: {known})", "ls-format")

    stale: dict[str, list[str]] = {}
    for (rid, control), (_, rp) in list(extras.items()):
        region = regions.get(rid)
        if region is None:
            add(rp, f"{label}: {control} result for region {rid}, which has no label result", "attribute")
        elif control in ATTRIBUTES and ATTRIBUTES[control].layer != region["layer"]:
            # the span's label key moved it to another layer: Label Studio keeps the old layer's
            # values but hides them (whenLabelValue), so nobody can see or fix them there
            stale.setdefault(rid, []).append(control)
            del extras[(rid, control)]
    for rid, controls in stale.items():
        notes.append(f"region {rid} is now {regions[rid]['layer']} ({regions[rid]['label']}): dropped the other layer's "
                     f"attributes it kept from before its relabel ({', '.join(controls)})")

    arguments: dict[str, list[dict]] = {}
    for item, rp in relations:
        ends = item.get("from_id"), item.get("to_id")
        if not all(isinstance(e, str) for e in ends):
            add(rp, f"{label}: relation from_id and to_id must be region ids (strings), got {ends[0]!r}, {ends[1]!r}", "relation")
            continue
        missing = [e for e in ends if e not in regions]
        if missing:
            add(rp, f"{label}: relation {ends[0]!r} -> {ends[1]!r} points to a missing region {missing[0]!r}", "relation")
            continue
        direction = item.get("direction", "right")
        if direction == "left":
            ends = ends[::-1]
        elif direction == "bi":
            events = [e for e in ends if regions[e]["layer"] == "EVENT"]
            if len(events) != 1:
                add(rp, f"{label}: bidirectional relation {ends[0]} <-> {ends[1]} must join one EVENT to one argument", "relation")
                continue
            ends = (events[0], ends[1] if ends[0] == events[0] else ends[0])
        elif direction != "right":
            add(f"{rp}/direction", f"{label}: relation direction {direction!r} is not right, left or bi", "relation")
            continue
        source, target = ends
        if regions[source]["layer"] != "EVENT":
            add(rp, f"{label}: relation {source} -> {target} starts at a {regions[source]['layer']} region; arguments start at an EVENT", "relation")
            continue
        roles = item.get("labels")
        if not isinstance(roles, list) or not roles:
            add(f"{rp}/labels", f"{label}: relation {source} -> {target} has no role (one of {', '.join(scheme.ROLES)})", "relation")
            continue
        for j, role in enumerate(roles):
            if not isinstance(role, str) or role not in scheme.ROLES:
                add(f"{rp}/labels/{j}", f"{label}: relation {source} -> {target}: unknown role {role!r} (one of {', '.join(scheme.ROLES)})", "relation")
                continue
            arguments.setdefault(source, []).append({"role": role, "ref": target})

    if len(problems) > errors_before:
        return None
    doc = _merge(doc_id, clean, base, regions, extras, arguments, review.reviewer(annotation), review.reviewed_at(annotation))
    pointers = {}
    for sid, region in regions.items():
        pointers[doc["_renamed"].get(sid, sid)] = region["ptr"]
    renamed = doc.pop("_renamed")
    if renamed:
        notes.append("new region ids: " + ", ".join(f"{a} -> {b}" for a, b in renamed.items()))
    return doc, notes, pointers


def _base_ok(base: Any) -> bool:
    """The exported document a task carries has the shape ``_merge`` relies on."""
    if not isinstance(base, dict):
        return False
    for key in ("spans", "quality", "annotators"):
        items = base.get(key)
        if items is not None and (not isinstance(items, list) or not all(isinstance(x, dict) for x in items)):
            return False
    return True


def _merge(doc_id: str, clean: str, base: Any, regions: dict, extras: dict, arguments: dict, annotator: dict | None,
           reviewed_at: str | None = None) -> dict:
    """Build the document: unchanged base spans confirmed by the reviewer, edited and new ones as manual spans.

    Base spans without a region are gone: the annotator deleted them.
    """
    base = base if isinstance(base, dict) else {}
    base_spans: dict[str, tuple[str, dict]] = {}
    for key in ("spans", "quality"):
        for span in base.get(key) or []:
            if isinstance(span, dict) and isinstance(span.get("id"), str):
                base_spans[span["id"]] = (span.get("layer", QUALITY) if key == "spans" else QUALITY, span)

    # ids: keep base ids and ids of the form <layer prefix><number>; number every other region on
    def keeps(rid: str) -> bool:
        layer = regions[rid]["layer"]
        return (rid in base_spans and base_spans[rid][0] == layer) or bool(re.fullmatch(rf"{ID_PREFIX[layer]}\d+", rid))

    counters: dict[str, int] = {}
    for sid in [*base_spans, *filter(keeps, regions)]:
        match = re.fullmatch(r"([A-Za-z]+)(\d+)", sid)
        if match:
            counters[match[1]] = max(counters.get(match[1], 0), int(match[2]))
    renamed: dict[str, str] = {}
    for rid in sorted((r for r in regions if not keeps(r)), key=lambda r: (regions[r]["start"], regions[r]["end"], r)):
        prefix = ID_PREFIX[regions[rid]["layer"]]
        counters[prefix] = counters.get(prefix, 0) + 1
        renamed[rid] = f"{prefix}{counters[prefix]}"
    new_id = lambda rid: renamed.get(rid, rid)  # noqa: E731

    def build(rid: str, region: dict) -> dict:
        layer = region["layer"]
        span: dict[str, Any] = {"id": new_id(rid)}
        if layer != QUALITY:
            span["layer"] = layer
        span |= {"label": region["label"], "start": region["start"], "end": region["end"], "text": region["text"], "origin": "manual"}
        if annotator:  # an edited span stays credited to whoever made it, plus the editor
            before = base_spans.get(rid, (None, {}))[1].get("annotators") or []
            span["annotators"] = list(dict.fromkeys([*before, annotator["id"]]))
        for attr in ATTRIBUTES_OF_LAYER[layer]:
            value = extras.get((rid, attr.control), (None,))[0]
            if value is not None or attr.nullable:
                span[attr.name] = value
        if layer == "EVENT":
            args = [{"role": a["role"], "ref": new_id(a["ref"])} for a in arguments.get(rid, [])]
            before = base_spans.get(rid, (None, {}))[1].get("arguments") or []  # kept arguments keep their order
            span["arguments"] = [a for a in before if a in args] + [a for a in args if a not in before]
        note = extras.get((rid, NOTE_CONTROL), (None,))[0]
        if note is not None:
            span["note"] = note
        return span

    built = {rid: build(rid, region) for rid, region in regions.items()}
    out_spans: dict[str, list[dict]] = {"spans": [], "quality": []}
    order = [rid for rid in base_spans if rid in regions] + [rid for rid in sorted(regions, key=lambda r: (regions[r]["start"], regions[r]["end"], r)) if rid not in base_spans]
    for rid in order:
        layer = regions[rid]["layer"]
        span = built[rid]
        if rid in base_spans and base_spans[rid][0] == layer and _editable(base_spans[rid][1], layer) == _editable(span, layer):
            span = review.confirm(base_spans[rid][1], annotator)
        out_spans["quality" if layer == QUALITY else "spans"].append(span)

    annotators = [a for a in base.get("annotators") or [] if isinstance(a, dict)]
    if not annotators and not annotator:
        annotators = [{"id": "labelstudio", "kind": "human", "note": "Label Studio annotator"}]
    doc: dict[str, Any] = {"schema_version": scheme.SCHEMA_VERSION, "doc_id": doc_id, "text_sha256": sha256_text(clean),
                           "annotators": annotators, "spans": out_spans["spans"]}
    if "quality" in base or out_spans["quality"]:
        doc["quality"] = out_spans["quality"]
    review.record(doc, annotator, reviewed_at)
    doc["_renamed"] = renamed
    return doc


class _Problems(list):
    """Problems found in one export file."""

    def __init__(self, file: str):
        super().__init__()
        self.file = file

    def add(self, pointer: str, message: str, check: str) -> None:
        self.append(Problem(self.file, pointer, message, check))


def parse_export(input_data: str | list, *, file: str) -> list:
    """The task list of a full JSON export (text or already parsed)."""
    if isinstance(input_data, str):
        try:
            input_data = json.loads(input_data)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file, f"line {exc.lineno} column {exc.colno}") from None
    if isinstance(input_data, dict) and "data" in input_data:
        input_data = [input_data]
    if not isinstance(input_data, list):
        raise InputError("not a Label Studio JSON export (expected a list of tasks)", file)
    return input_data


@dataclass
class Conversion:
    """What ``export_to_docs`` made of an export."""

    converted: list[Converted]
    skipped: list[str]  # notes on tasks without a submitted annotation
    problems: list[Problem]  # pointers into the export
    left_out: list[str]  # "task 5 (doc id)" for every task left out because of a problem

    def __iter__(self):  # converted, skipped, problems = export_to_docs(...)
        return iter((self.converted, self.skipped, self.problems))


def export_to_docs(
    input_data: str | list,
    *,
    file: str,
    clean_text_for: Callable[[str], str],
    validate: Callable[..., list[Problem]] | None = None,
    registry: dict | None = None,
    every: bool = False,
    **_: Any,
) -> Conversion:
    """Annotation documents from a Label Studio full JSON export, task by task.

    ``clean_text_for(doc_id)`` returns the current clean text (raising ``NewscorpusError`` when
    there is none); ``validate`` is ``validate.validate_document``. A task with any problem
    (its own, or one the validator finds in its document) is left out whole and its problems
    reported; the other tasks convert. ``every``: one document per submitted annotation (team
    sessions) instead of the latest submission per task.
    """
    tasks = parse_export(input_data, file=file)
    result = Conversion([], [], [], [])
    first_task: dict[Any, str] = {}
    for t, task in enumerate(tasks):
        problems = _Problems(file)
        items = _task_to_docs(task, t, problems, clean_text_for, every)
        data = task.get("data") if isinstance(task, dict) else None
        doc_id = data.get("doc_id") if isinstance(data, dict) else None
        what = f"task {task.get('id') if isinstance(task, dict) else '#' + str(t)} ({doc_id})"
        if not items and not problems:
            result.skipped.append(f"{what}: no submitted annotation, skipped")
            continue
        for item in items:
            key = (item.doc_id, item.doc.get("reviewed_by")) if every else item.doc_id
            if key in first_task:
                problems.add(f"{item.pointer}/data/doc_id", f"task {item.task_id} ({item.doc_id}): doc_id also annotated in the task at "
                             f"{first_task[key]}; export one task per document", "doc-id")
                continue
            first_task[key] = item.pointer
            if validate is not None:
                for p in validate(item.doc, file=file, clean_text=clean_text_for(item.doc_id), registry=registry):
                    problems.append(_relocate(p, item, file))
        if problems:
            result.problems += problems
            result.left_out.append(what)
            continue
        result.converted += items
    return result


def _relocate(problem: Problem, item: Converted, file: str) -> Problem:
    """A validator finding on a converted document, pointed back at the export."""
    match = re.match(r"^/(spans|quality)/(\d+)(/.*)?$", problem.pointer)
    where = item.pointer
    what = f"task {item.task_id} ({item.doc_id})"
    if match:
        spans = item.doc.get(match[1]) or []
        index = int(match[2])
        if index < len(spans):
            sid = spans[index].get("id")
            where = item.region_pointers.get(sid, where)
            what += f", region {sid}"
            if match[3]:
                what += f" ({match[3].lstrip('/')})"
    elif problem.pointer:
        what += f" ({problem.pointer})"
    return Problem(file, where, f"{what}: {problem.message}", problem.check)


# --------------------------------------------------------------------------- diffs


def diff_docs(old: dict | None, new: dict) -> list[str]:
    """A span-level summary of what replacing ``old`` by ``new`` changes (empty: identical)."""
    if old is None:
        return [f"new file ({len(new.get('spans') or [])} spans, {len(new.get('quality') or [])} quality spans)"]
    if old == new:
        return []
    lines = []

    def index(doc):
        return {s.get("id"): s for key in ("spans", "quality") for s in doc.get(key) or [] if isinstance(s, dict)}

    before, after = index(old), index(new)
    added = [sid for sid in after if sid not in before]
    removed = [sid for sid in before if sid not in after]
    if added:
        lines.append("added " + ", ".join(f"{sid} ({after[sid].get('label')} {after[sid].get('text')!r})" for sid in added))
    if removed:
        lines.append("removed " + ", ".join(f"{sid} ({before[sid].get('label')} {before[sid].get('text')!r})" for sid in removed))
    for sid in before:
        if sid in after and before[sid] != after[sid]:
            a, b = before[sid], after[sid]
            fields = [k for k in dict.fromkeys([*a, *b]) if a.get(k) != b.get(k)]
            changes = ", ".join(_argument_changes(a.get(k), b.get(k)) if k == "arguments" else f"{k} {_short(a.get(k))} -> {_short(b.get(k))}"
                                for k in fields)
            lines.append(f"changed {sid}: {changes}")
    for key in dict.fromkeys([*old, *new]):
        if key in ("spans", "quality") or old.get(key) == new.get(key):
            continue
        a, b = old.get(key), new.get(key)
        if key == "annotators" and isinstance(a, list) and isinstance(b, list):
            ids_a = [x.get("id") for x in a if isinstance(x, dict)]
            ids_b = [x.get("id") for x in b if isinstance(x, dict)]
            changes = [f"+{i}" for i in ids_b if i not in ids_a] + [f"-{i}" for i in ids_a if i not in ids_b]
            lines.append("annotators " + (" ".join(changes) or "edited"))
        else:
            lines.append(f"{key} {_short(a)} -> {_short(b)}")
    if not lines and old.get("spans") != new.get("spans"):
        lines.append("span order changed")
    return lines


def _argument_changes(before: Any, after: Any) -> str:
    """``arguments +QUANTITY→F13 -AGENT→A2``: every added and removed argument, never truncated."""
    def pairs(args):
        return [(a.get("role"), a.get("ref")) for a in args or [] if isinstance(a, dict)]

    old, new = pairs(before), pairs(after)
    changes = [f"+{role}→{ref}" for role, ref in new if (role, ref) not in old]
    changes += [f"-{role}→{ref}" for role, ref in old if (role, ref) not in new]
    return "arguments " + (" ".join(changes) or "reordered")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
