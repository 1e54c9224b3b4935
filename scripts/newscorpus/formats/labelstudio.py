"""Label Studio: labelling config, tasks out, annotations back (pure conversions, no I/O).

Everything here is generated from ``scheme.py``:

* ``config_xml()`` - the labelling config: one ``<Labels>`` control per layer (``event``,
  ``actor``, ``figure``, ``location``, ``time``) plus ``quality`` for MT_GARBLED; one per-region
  control per layer attribute, named ``<layer>_<attribute>`` (``<Choices>`` when the scheme
  lists its values, else ``<TextArea>``), shown only for regions of its layer
  (``perRegion="true" whenTagName="<layer>"``); a per-region ``note``; and ``<Relations>``
  with the scheme's argument roles.
* ``docs_to_tasks(docs)`` - one task per document: ``data`` holds the clean ``text``,
  ``doc_id``, ``text_sha256`` and the document as exported (``newscorpus_base``); its spans
  become one prediction whose region ids are the span ids.
* ``export_to_docs(input_data, ...)`` - a full JSON export (not JSON_MIN) back to annotation
  documents. Per-region attributes share their region's id and are keyed by
  ``(id, from_name)``; relations become event arguments.

Ids stay stable: a region keeps its span id. A region whose content (layer, label, offsets,
attributes, arguments, note) is unchanged from ``newscorpus_base`` comes back as the base span,
verbatim (origin, score and annotators included); an edited or new region comes back with
origin ``manual``, credited to the Label Studio user who submitted it. New regions get the next
free id of their layer (``E``/``A``/``F``/``L``/``T``/``Q`` + number).

A task, as ``docs_to_tasks`` writes it (abridged)::

    {"data": {"text": "Israeli forces launched a drone strike ...", "doc_id": "000_3bb1601c3ebb1da9",
              "text_sha256": "...", "newscorpus_base": {...}},
     "predictions": [{"model_version": "pass_a", "score": 1.0, "result": [
        {"id": "E1", "from_name": "event", "to_name": "text", "type": "labels",
         "value": {"start": 32, "end": 44, "text": "drone strike", "labels": ["ATTACK"]}},
        {"id": "E1", "from_name": "event_realis", "to_name": "text", "type": "choices",
         "value": {"start": 32, "end": 44, "text": "drone strike", "choices": ["ACTUAL"]}},
        {"type": "relation", "from_id": "E1", "to_id": "A1", "direction": "right", "labels": ["AGENT"]}]}]}
"""

from __future__ import annotations

import colorsys
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from newscorpus.annotate import scheme
from newscorpus.errors import InputError, NewscorpusError, Problem
from newscorpus.fileio import sha256_text

TEXT = "text"  # the <Text> object's name and the task data key holding the clean text
QUALITY = "QUALITY"  # pseudo-layer of the quality spans
QUALITY_CONTROL = "quality"
NOTE_CONTROL = "note"
BASE_KEY = "newscorpus_base"
MODEL_VERSION_FALLBACK = "newscorpus"

# control name -> layer, for the span label controls (QUALITY included)
LABEL_CONTROLS: dict[str, str] = {layer.lower(): layer for layer in scheme.LAYERS} | {QUALITY_CONTROL: QUALITY}
CONTROL_OF_LAYER: dict[str, str] = {layer: name for name, layer in LABEL_CONTROLS.items()}
LAYER_LABELS: dict[str, dict[str, str]] = dict(scheme.LABELS) | {QUALITY: dict(scheme.QUALITY_LABELS)}
ID_PREFIX: dict[str, str] = {layer: layer[0] for layer in scheme.LAYERS} | {QUALITY: "Q"}
assert len(set(ID_PREFIX.values())) == len(ID_PREFIX), "layer id prefixes must be distinct"
assert len(set(LABEL_CONTROLS) | {NOTE_CONTROL, TEXT}) == len(LABEL_CONTROLS) + 2

# attributes whose values the scheme enumerates become <Choices>; the rest free text
CHOICE_VALUES: dict[str, dict[str, str]] = {"realis": scheme.REALIS, "mention": scheme.MENTION, "qualifier": scheme.QUALIFIERS}
RELATIONAL = "arguments"  # the attribute carried by <Relations>, not by a per-region control


@dataclass(frozen=True)
class Attribute:
    """One per-region control: a layer attribute as Label Studio shows it."""

    layer: str
    name: str
    control: str
    kind: str  # "choices" or "textarea"
    choices: Mapping[str, str] | None = None

    @property
    def numeric(self) -> bool:
        return self.layer == "FIGURE" and self.name == "value"

    @property
    def nullable(self) -> bool:
        return self.layer == "TIME" and self.name == "value"

    def encode(self, value: Any) -> dict | None:
        """The result ``value`` part for an attribute value (None: no result)."""
        if value is None:
            return None
        if self.kind == "choices":
            return {"choices": [value]}
        return {"text": [value if isinstance(value, str) else json.dumps(value)]}

    def decode(self, value: dict) -> Any:
        """An attribute value from a result ``value``; ValueError with a reason if unusable."""
        if self.kind == "choices":
            choices = value.get("choices")
            if not isinstance(choices, list) or len(choices) != 1:
                raise ValueError(f"{self.control} needs exactly one choice, got {choices!r}")
            if choices[0] not in (self.choices or {}):
                raise ValueError(f"unknown {self.name} {choices[0]!r} (one of {', '.join(self.choices or {})})")
            return choices[0]
        texts = value.get("text")
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise ValueError(f"{self.control} must hold a list of strings, got {texts!r}")
        text = " ".join(t.strip() for t in texts if t.strip())
        if not text:
            if self.nullable:
                return None
            raise ValueError(f"{self.control} is empty")
        if self.nullable and text.lower() in ("null", "none"):
            return None
        if self.numeric:
            try:
                number = json.loads(text)
            except json.JSONDecodeError:
                number = None
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise ValueError(f"{self.control} must be a number written with digits only (60000, 2.5), got {text!r}")
            return number
        return text


def attributes() -> list[Attribute]:
    """The per-region controls, in scheme order."""
    out = []
    for layer in scheme.LAYERS:
        for name in scheme.LAYER_ATTRIBUTES[layer]:
            if name == RELATIONAL:
                continue
            choices = CHOICE_VALUES.get(name)
            out.append(Attribute(layer, name, f"{layer.lower()}_{name}", "choices" if choices else "textarea", choices))
    return out


ATTRIBUTES: dict[str, Attribute] = {a.control: a for a in attributes()}
ATTRIBUTES_OF_LAYER: dict[str, list[Attribute]] = {layer: [a for a in ATTRIBUTES.values() if a.layer == layer] for layer in LAYER_LABELS}
_NOTE = Attribute(QUALITY, "note", NOTE_CONTROL, "textarea")  # any layer's free-text note

_PLACEHOLDERS = {
    "entity": "entity id from annotations/entities.json, e.g. hezbollah",
    "value": "number as written, digits only: 60000",
    "unit": "what is counted, lemmatised: rocket, person, month",
}


# --------------------------------------------------------------------------- config


def _colour(layer_index: int, label_index: int, n_labels: int) -> str:
    hue = layer_index / (len(LAYER_LABELS) + 1)
    lightness = 0.45 + 0.25 * (label_index / max(n_labels - 1, 1))
    r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.65)
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))


def config_tree() -> ET.Element:
    """The labelling config as an element tree (see ``config_xml``)."""
    view = ET.Element("View")
    ET.SubElement(view, "Header", value=f"newscorpus annotation scheme {scheme.SCHEMA_VERSION}")
    for layer_index, (layer, labels) in enumerate(LAYER_LABELS.items()):
        description = scheme.LAYER_DESCRIPTIONS.get(layer, "quality flag: " + "; ".join(f"{k}: {v}" for k, v in labels.items()))
        ET.SubElement(view, "Header", value=f"{layer}: {description}", size="6")
        control = ET.SubElement(view, "Labels", name=CONTROL_OF_LAYER[layer], toName=TEXT, showInline="true")
        for label_index, (label, definition) in enumerate(labels.items()):
            ET.SubElement(control, "Label", value=label, hint=definition, background=_colour(layer_index, label_index, len(labels)))
    ET.SubElement(view, "Text", name=TEXT, value=f"${TEXT}", granularity="symbol")
    relations = ET.SubElement(view, "Relations")
    for role, (definition, target) in scheme.ROLES.items():
        ET.SubElement(relations, "Relation", value=role, hint=f"{definition} (event -> {target})")
    regions = ET.SubElement(view, "View")
    for attr in ATTRIBUTES.values():
        common = {"name": attr.control, "toName": TEXT, "perRegion": "true", "whenTagName": CONTROL_OF_LAYER[attr.layer]}
        if attr.kind == "choices":
            control = ET.SubElement(regions, "Choices", **common, choice="single-radio", showInline="true")
            for value, definition in (attr.choices or {}).items():
                ET.SubElement(control, "Choice", value=value, hint=definition)
        else:
            placeholder = f"{attr.layer} {attr.name}: " + _PLACEHOLDERS.get(attr.name, "")
            if attr.nullable:
                placeholder = f"{attr.layer} {attr.name}: ISO 8601 date, month or week (2024-07-03, 2024-07, 2024-W27); empty if unresolvable"
            ET.SubElement(regions, "TextArea", **common, placeholder=placeholder, rows="1", maxSubmissions="1", editable="true")
    ET.SubElement(
        regions, "TextArea", name=NOTE_CONTROL, toName=TEXT, perRegion="true",
        placeholder="note (optional remark on this span)", rows="1", maxSubmissions="1", editable="true",
    )
    return view


def config_xml() -> str:
    """The Label Studio labelling config (XML text), generated from the scheme."""
    tree = config_tree()
    ET.indent(tree)
    return ET.tostring(tree, encoding="unicode") + "\n"


# --------------------------------------------------------------------------- tasks out


def _span_results(span: dict, layer: str) -> list[dict]:
    start, end, text = span["start"], span["end"], span["text"]
    where = {"start": start, "end": end, "text": text}
    label = {"id": span["id"], "from_name": CONTROL_OF_LAYER[layer], "to_name": TEXT, "type": "labels",
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


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _editable(span: dict, layer: str) -> tuple:
    """What an annotator can change in Label Studio; equal tuples mean an unchanged span."""
    attrs = tuple((a.name, span.get(a.name)) for a in ATTRIBUTES_OF_LAYER[layer])
    args = tuple(sorted((a.get("role"), a.get("ref")) for a in span.get("arguments") or [] if isinstance(a, dict)))
    return (span.get("label"), span.get("start"), span.get("end"), span.get("text"), span.get("note"), attrs, args)


def _pick_annotation(task: dict, tp: str, add: Callable[[str, str, str], None], notes: list[str]) -> tuple[int, dict] | None:
    annotations = task.get("annotations")
    if not isinstance(annotations, list):
        add(tp, "task has no 'annotations' list: use Label Studio's full JSON export (not JSON_MIN or CSV)", "ls-format")
        return None
    usable = [(k, a) for k, a in enumerate(annotations) if isinstance(a, dict) and not a.get("was_cancelled")]
    if not usable:
        return None
    if len(usable) > 1:
        def key(item):
            k, a = item
            return (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") if _is_int(a.get("id")) else -1, k)
        usable.sort(key=key)
        k, a = usable[-1]
        notes.append(f"{len(usable)} annotations: used the most recently updated one (#{a.get('id')})")
    return usable[-1]


def _annotator(annotation: dict) -> dict | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("id")
    if not _is_int(who):
        return None
    return {"id": f"labelstudio_{who}", "kind": "human", "note": f"Label Studio user {who}"}


def _task_to_doc(task: Any, t: int, problems: "_Problems", clean_text_for: Callable[[str], str]) -> Converted | None:
    tp = f"/{t}"
    add = problems.add
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        add(tp, "not a Label Studio task (an object with 'data'): use the full JSON export, not JSON_MIN or CSV", "ls-format")
        return None
    data = task["data"]
    task_id = task.get("id")
    doc_id = data.get("doc_id")
    label = f"task {task_id}" if task_id is not None else f"task #{t}"
    if not isinstance(doc_id, str):
        add(f"{tp}/data/doc_id", f"{label}: data.doc_id is missing (was this task exported by newscorpus?)", "doc-id")
        return None
    from newscorpus.corpus.manifest import valid_doc_id

    if not valid_doc_id(doc_id):
        add(f"{tp}/data/doc_id", f"{label}: doc_id {doc_id!r} is not a plain file stem (it would escape the annotations folder)", "doc-id")
        return None
    label = f"{label} ({doc_id})"
    try:
        clean = clean_text_for(doc_id)
    except NewscorpusError as exc:
        add(f"{tp}/data/doc_id", f"{label}: no clean text: {exc}", "clean-text")
        return None
    current = sha256_text(clean)
    if data.get("text_sha256") != current:
        add(f"{tp}/data/text_sha256", f"{label}: text_sha256 {data.get('text_sha256')!r} does not match the current clean text ({current}); "
            "the export was made from another version of the text: re-export the document and redo its annotation", "stale")
        return None
    if data.get(TEXT) != clean:
        add(f"{tp}/data/{TEXT}", f"{label}: the task text differs from the current clean text of {doc_id}", "stale")
        return None
    notes: list[str] = []
    picked = _pick_annotation(task, tp, add, notes)
    if picked is None:
        return None
    k, annotation = picked
    ap = f"{tp}/annotations/{k}"
    result = annotation.get("result")
    if not isinstance(result, list):
        add(f"{ap}/result", f"{label}: annotation result is not a list", "ls-format")
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
        if item.get("type") == "relation":
            relations.append((item, rp))
            continue
        rid, control, value = item.get("id"), item.get("from_name"), item.get("value")
        if not isinstance(rid, str) or not rid:
            add(f"{rp}/id", f"{label}: region has no id", "ls-format")
            continue
        if not isinstance(value, dict):
            add(f"{rp}/value", f"{label}: region {rid}: 'value' is not an object", "ls-format")
            continue
        if control in LABEL_CONTROLS:
            layer = LABEL_CONTROLS[control]
            labels = value.get("labels")
            if not isinstance(labels, list) or len(labels) != 1:
                add(f"{rp}/value/labels", f"{label}: region {rid} needs exactly one {layer} label, got {labels!r}", "label")
                continue
            if labels[0] not in LAYER_LABELS[layer]:
                add(f"{rp}/value/labels/0", f"{label}: region {rid}: unknown {layer} label {labels[0]!r} (one of {', '.join(LAYER_LABELS[layer])})", "label")
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
            if "text" in value and value["text"] != covered:
                add(f"{rp}/value/text", f"{label}: region {rid}: text {value['text']!r} does not match the clean text at [{start}:{end}] ({covered!r})", "text")
                continue
            if rid in regions:
                other = regions[rid]
                add(rp, f"{label}: region {rid} has labels from two controls ({CONTROL_OF_LAYER[other['layer']]} at {other['ptr']} and {control}); "
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
            known = ", ".join([*LABEL_CONTROLS, *ATTRIBUTES, NOTE_CONTROL])
            add(f"{rp}/from_name", f"{label}: region {rid}: unknown control {control!r} (not in the generated config: {known})", "ls-format")

    for (rid, control), (_, rp) in extras.items():
        region = regions.get(rid)
        if region is None:
            add(rp, f"{label}: {control} result for region {rid}, which has no label result", "attribute")
        elif control in ATTRIBUTES and ATTRIBUTES[control].layer != region["layer"]:
            add(rp, f"{label}: region {rid} is {region['layer']}, which has no attribute {control}", "attribute")

    arguments: dict[str, list[dict]] = {}
    for item, rp in relations:
        ends = item.get("from_id"), item.get("to_id")
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
            if role not in scheme.ROLES:
                add(f"{rp}/labels/{j}", f"{label}: relation {source} -> {target}: unknown role {role!r} (one of {', '.join(scheme.ROLES)})", "relation")
                continue
            arguments.setdefault(source, []).append({"role": role, "ref": target})

    if len(problems) > errors_before:
        return None
    doc = _merge(doc_id, clean, data.get(BASE_KEY), regions, extras, arguments, _annotator(annotation))
    pointers = {}
    for sid, region in regions.items():
        pointers[doc["_renamed"].get(sid, sid)] = region["ptr"]
    renamed = doc.pop("_renamed")
    if renamed:
        notes.append("new region ids: " + ", ".join(f"{a} -> {b}" for a, b in renamed.items()))
    return Converted(doc_id, doc, tp, task_id, annotation.get("id"), notes, pointers)


def _merge(doc_id: str, clean: str, base: Any, regions: dict, extras: dict, arguments: dict, annotator: dict | None) -> dict:
    """Build the document: unchanged base spans verbatim, edited and new ones as manual spans."""
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
            span["arguments"] = [{"role": a["role"], "ref": new_id(a["ref"])} for a in arguments.get(rid, [])]
        note = extras.get((rid, NOTE_CONTROL), (None,))[0]
        if note is not None:
            span["note"] = note
        return span

    built = {rid: build(rid, region) for rid, region in regions.items()}
    out_spans: dict[str, list[dict]] = {"spans": [], "quality": []}
    manual = False
    order = [rid for rid in base_spans if rid in regions] + [rid for rid in sorted(regions, key=lambda r: (regions[r]["start"], regions[r]["end"], r)) if rid not in base_spans]
    for rid in order:
        layer = regions[rid]["layer"]
        span = built[rid]
        if rid in base_spans and base_spans[rid][0] == layer and _editable(base_spans[rid][1], layer) == _editable(span, layer):
            span = base_spans[rid][1]
        else:
            manual = True
        out_spans["quality" if layer == QUALITY else "spans"].append(span)

    annotators = [a for a in base.get("annotators") or [] if isinstance(a, dict)]
    if annotator and manual and annotator["id"] not in {a.get("id") for a in annotators}:
        annotators.append(annotator)
    if not annotators:
        annotators = [annotator or {"id": "labelstudio", "kind": "human", "note": "Label Studio annotator"}]
    doc: dict[str, Any] = {"schema_version": scheme.SCHEMA_VERSION, "doc_id": doc_id, "text_sha256": sha256_text(clean),
                           "annotators": annotators, "spans": out_spans["spans"]}
    if "quality" in base or out_spans["quality"]:
        doc["quality"] = out_spans["quality"]
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


def export_to_docs(
    input_data: str | list,
    *,
    file: str,
    clean_text_for: Callable[[str], str],
    validate: Callable[..., list[Problem]] | None = None,
    registry: dict | None = None,
    **_: Any,
) -> tuple[list[Converted], list[str], list[Problem]]:
    """Annotation documents from a Label Studio full JSON export.

    ``clean_text_for(doc_id)`` returns the current clean text (raising ``NewscorpusError`` when
    there is none); ``validate`` is ``validate.validate_document``. Returns the converted
    documents, notes on skipped tasks, and every problem found (pointers into the export);
    the caller writes nothing unless the problem list is empty.
    """
    tasks = parse_export(input_data, file=file)
    problems = _Problems(file)
    converted: list[Converted] = []
    skipped: list[str] = []
    first_task: dict[str, str] = {}
    for t, task in enumerate(tasks):
        before = len(problems)
        item = _task_to_doc(task, t, problems, clean_text_for)
        if item is None:
            if len(problems) == before:
                data = task.get("data") if isinstance(task, dict) else None
                doc_id = data.get("doc_id") if isinstance(data, dict) else None
                skipped.append(f"task {task.get('id')} ({doc_id}): no submitted annotation, skipped")
            continue
        if item.doc_id in first_task:
            problems.add(f"{item.pointer}/data/doc_id", f"task {item.task_id} ({item.doc_id}): doc_id also annotated in the task at {first_task[item.doc_id]}; export one task per document", "doc-id")
            continue
        first_task[item.doc_id] = item.pointer
        if validate is not None:
            for p in validate(item.doc, file=file, clean_text=clean_text_for(item.doc_id), registry=registry):
                problems.append(_relocate(p, item, file))
        converted.append(item)
    return converted, skipped, list(problems)


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
            changes = ", ".join(f"{k} {_short(a.get(k))} -> {_short(b.get(k))}" for k in fields)
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


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
