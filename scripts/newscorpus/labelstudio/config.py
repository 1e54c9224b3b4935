"""The Label Studio labelling config and project instructions, generated from ``scheme.py``.

Why it looks the way it does (Label Studio 1.23, checked in a real browser by
tests/test_labelstudio_browser.py):

* ONE ``<Labels name="label" choice="single">`` control for every layer (labels are unique
  across layers, so a label names its layer). With one control per layer, Label Studio let a
  label hotkey of another layer add a second label to the selected span (``CONFLICT, PERSON``);
  with one single-choice control a label key replaces the label, and a span that changed layer
  this way is handled at import (``convert``). One control is also cheaper to load;
* one per-region control per layer attribute, named ``<layer>_<attribute>`` (``<Choices>`` when
  the scheme lists its values, else ``<TextArea>``). Label Studio ignores ``whenTagName`` on
  per-region controls, so each carries ``whenLabelValue="<the layer's labels>"``: it is shown,
  and its hotkeys work, only for a region of its own layer;
* every label and choice has an explicit hotkey (``HOTKEYS``, documented in docs/labelstudio.md)
  and every label its own colour (``colours()``);
* a compact two-column layout: the text scrolls on the left, the label palette and the selected
  region's controls stay visible on the right; definitions live in the project instructions
  (``instructions_html()``) and in the labels' hover hints, not in headers above the text.
"""

from __future__ import annotations

import colorsys
import html
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, Mapping

from newscorpus.annotate import scheme

TEXT = "text"  # the <Text> object's name and the task data key holding the clean text
QUALITY = "QUALITY"  # pseudo-layer of the quality spans
QUALITY_CONTROL = "quality"
NOTE_CONTROL = "note"
BASE_KEY = "newscorpus_base"
ADJUDICATION_KEY = "newscorpus_adjudication"  # who proposed which span, on adjudication tasks
MODEL_VERSION_FALLBACK = "newscorpus"

LABEL_CONTROL = "label"  # the one <Labels> control of every layer
# per-layer group names (hotkey tables, docs); also the from_name of each layer's own <Labels>
# control in configs before the single control, which an import still reads
LABEL_CONTROLS: dict[str, str] = {layer.lower(): layer for layer in scheme.LAYERS} | {QUALITY_CONTROL: QUALITY}
CONTROL_OF_LAYER: dict[str, str] = {layer: name for name, layer in LABEL_CONTROLS.items()}
LAYER_LABELS: dict[str, dict[str, str]] = dict(scheme.LABELS) | {QUALITY: dict(scheme.QUALITY_LABELS)}
LAYER_OF_LABEL: dict[str, str] = {label: layer for layer, labels in LAYER_LABELS.items() for label in labels}
assert len(LAYER_OF_LABEL) == sum(map(len, LAYER_LABELS.values())), "one Labels control needs labels unique across layers"
ID_PREFIX: dict[str, str] = {layer: layer[0] for layer in scheme.LAYERS} | {QUALITY: "Q"}
assert len(set(ID_PREFIX.values())) == len(ID_PREFIX), "layer id prefixes must be distinct"
assert len(set(LABEL_CONTROLS) | {LABEL_CONTROL, NOTE_CONTROL, TEXT}) == len(LABEL_CONTROLS) + 3

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
            if not isinstance(choices, list) or len(choices) != 1 or not isinstance(choices[0], str):
                raise ValueError(f"{self.control} needs exactly one choice (a string), got {choices!r}")
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
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number != number or abs(number) == float("inf"):
                raise ValueError(f"{self.control} must be a number written with digits only (60000, 2.5; finite), got {text!r}")
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


# --------------------------------------------------------------------------- hotkeys

# Mnemonic and explicit (Label Studio's automatic ones follow position: PERSON=e, LOCATION=i).
# lower-case letter = EVENT label; Shift+letter = ACTOR label, LOCATION (Shift+L) and TIME
# (Shift+T); digits = FIGURE labels; q = MT_GARBLED; Alt+letter = realis (Alt+minus: NEGATED) and
# mention; = > < ~ = figure qualifier. None of them is one of Label Studio's own hotkeys.
HOTKEYS: dict[str, dict[str, str]] = {
    "event": {"ATTACK": "a", "KILLING": "k", "INJURY": "i", "CONFLICT": "c", "INTERCEPTION": "x", "DISPLACEMENT": "d",
              "MEETING": "m", "NEGOTIATION": "n", "AGREEMENT": "g", "THREAT": "t", "WITHDRAWAL": "w", "RELEASE": "r"},
    "actor": {"PERSON": "shift+p", "ARMED_GROUP": "shift+a", "MILITARY": "shift+m", "STATE": "shift+s",
              "ORGANIZATION": "shift+o", "CIVILIANS": "shift+v", "GROUP": "shift+g"},
    "figure": {"CASUALTIES": "1", "MUNITIONS": "2", "PEOPLE": "3", "DISTANCE": "4", "DURATION": "5", "OTHER": "6"},
    "location": {"LOCATION": "shift+l"},
    "time": {"TIME": "shift+t"},
    "quality": {"MT_GARBLED": "q"},
    "event_realis": {"ACTUAL": "alt+a", "PLANNED": "alt+p", "HYPOTHETICAL": "alt+y", "NEGATED": "alt+-", "GENERIC": "alt+g"},
    "actor_mention": {"NAME": "alt+n", "NOMINAL": "alt+o"},
    "figure_qualifier": {"EXACT": "=", "AT_LEAST": "shift+.", "AT_MOST": "shift+,", "APPROXIMATE": "shift+`"},
}

# how a hotkey is written for people (docs, instructions)
_KEY_NAMES = {"shift+.": ">", "shift+,": "<", "shift+`": "~"}


def key_name(hotkey: str) -> str:
    """A hotkey as an annotator reads it: ``shift+p`` -> ``Shift+P``, ``shift+.`` -> ``>``."""
    if hotkey in _KEY_NAMES:
        return _KEY_NAMES[hotkey]
    *mods, key = hotkey.split("+")
    return "+".join([*(m.capitalize() for m in mods), key.upper() if mods and key.isalpha() else key])


def hotkey(control: str, value: str) -> str:
    """The hotkey of a label or choice; KeyError when the scheme grew a value without one."""
    try:
        return HOTKEYS[control][value]
    except KeyError:
        raise KeyError(f"no hotkey for {control} {value!r}: add one to labelstudio/config.py HOTKEYS") from None


# --------------------------------------------------------------------------- colours


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(hue, lightness, saturation))


def _redmean(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """A cheap perceptual colour distance (the "redmean" weighting of RGB)."""
    r = (a[0] + b[0]) / 2
    dr, dg, db = (a[i] - b[i] for i in range(3))
    return ((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db) ** 0.5


def colours() -> dict[tuple[str, str], str]:
    """A distinct colour per (layer, label): each next label takes the candidate farthest from
    every colour already given (greedy max-min over a grid of saturated, mid-light colours).

    Deterministic, and consecutive labels - the ones of one layer - land far apart, so ATTACK
    and KILLING no longer share a red.
    """
    grid = [_rgb(h / 48, light, sat) for h in range(48) for light in (0.38, 0.5, 0.62) for sat in (0.85, 0.55)]
    chosen: list[tuple[int, int, int]] = [grid[0]]
    pairs = [(layer, label) for layer, labels in LAYER_LABELS.items() for label in labels]
    while len(chosen) < len(pairs):
        chosen.append(max((c for c in grid if c not in chosen), key=lambda c: min(_redmean(c, x) for x in chosen)))
    return {pair: "#{:02x}{:02x}{:02x}".format(*rgb) for pair, rgb in zip(pairs, chosen)}


# --------------------------------------------------------------------------- config

_SHORT = {"EVENT": "Event", "ACTOR": "Actor", "FIGURE": "Figure", "LOCATION": "Place", "TIME": "Time", QUALITY: "Quality"}


def when_label_value(layer: str) -> str:
    """The ``whenLabelValue`` of a per-region control: its layer's labels, comma-separated."""
    return ",".join(LAYER_LABELS[layer])


def config_tree() -> ET.Element:
    """The labelling config as an element tree (see ``config_xml``)."""
    palette = colours()
    view = ET.Element("View")
    ET.SubElement(view, "Style").text = (
        ".nc-row{display:flex;gap:12px;align-items:flex-start}"
        ".nc-text{flex:1 1 62%;max-height:78vh;overflow-y:auto;line-height:1.9}"
        ".nc-side{flex:0 0 36%;max-height:78vh;overflow-y:auto;position:sticky;top:0}"
        # relation arrows and role tags over the text only while a relation or region is highlighted
        '.relations-overlay:not([class*="highlighting"]){display:none}'
    )
    row = ET.SubElement(view, "View", className="nc-row")
    text_box = ET.SubElement(row, "View", className="nc-text")
    ET.SubElement(text_box, "Text", name=TEXT, value=f"${TEXT}", granularity="symbol")
    side = ET.SubElement(row, "View", className="nc-side")
    control = ET.SubElement(side, "Labels", name=LABEL_CONTROL, toName=TEXT, choice="single", showInline="true")
    for layer, labels in LAYER_LABELS.items():
        control_name = CONTROL_OF_LAYER[layer]
        ET.SubElement(control, "Header", value=_SHORT[layer], size="6")
        for label, definition in labels.items():
            ET.SubElement(control, "Label", value=label, hint=definition, background=palette[(layer, label)],
                          hotkey=hotkey(control_name, label))
    relations = ET.SubElement(side, "Relations")
    for role, (definition, target) in scheme.ROLES.items():
        ET.SubElement(relations, "Relation", value=role, hint=f"{definition} (event -> {target})")
    ET.SubElement(side, "Header", value="Selected span", size="6")
    for attr in ATTRIBUTES.values():
        common = {"name": attr.control, "toName": TEXT, "perRegion": "true", "whenLabelValue": when_label_value(attr.layer)}
        if attr.kind == "choices":
            control = ET.SubElement(side, "Choices", **common, choice="single-radio", showInline="true")
            for value, definition in (attr.choices or {}).items():
                ET.SubElement(control, "Choice", value=value, hint=definition, hotkey=hotkey(attr.control, value))
        else:
            placeholder = f"{attr.name}: " + _PLACEHOLDERS.get(attr.name, "")
            if attr.nullable:
                placeholder = f"{attr.name}: ISO 8601 date, month or week (2024-07-03, 2024-07, 2024-W27); empty if unresolvable"
            ET.SubElement(side, "TextArea", **common, placeholder=placeholder, rows="1", maxSubmissions="1", editable="true")
    ET.SubElement(
        side, "TextArea", name=NOTE_CONTROL, toName=TEXT, perRegion="true",
        placeholder="note (optional remark on this span)", rows="1", maxSubmissions="1", editable="true",
    )
    return view


def config_xml() -> str:
    """The Label Studio labelling config (XML text), generated from the scheme."""
    tree = config_tree()
    ET.indent(tree)
    return ET.tostring(tree, encoding="unicode") + "\n"


def hotkey_table() -> list[tuple[str, str, str, str]]:
    """(control, value, hotkey as written for people, definition) for every label and choice."""
    rows = []
    for layer, labels in LAYER_LABELS.items():
        for label, definition in labels.items():
            rows.append((CONTROL_OF_LAYER[layer], label, key_name(hotkey(CONTROL_OF_LAYER[layer], label)), definition))
    for attr in ATTRIBUTES.values():
        for value, definition in (attr.choices or {}).items():
            rows.append((attr.control, value, key_name(hotkey(attr.control, value)), definition))
    return rows


def instructions_html() -> str:
    """The project instructions: layer and label definitions, hotkeys, how to submit."""
    esc = html.escape
    parts = [f"<h3>newscorpus annotation scheme {esc(scheme.SCHEMA_VERSION)}</h3>",
             "<p>Select a label (or press its key), then select the words. Click a span to set its attributes on the right. "
             "Arguments: select the event, press Alt+R, click the argument, pick the role. "
             "Press <b>Submit</b> when the document is done: drafts are not pulled.</p>"]
    for layer, labels in LAYER_LABELS.items():
        description = scheme.LAYER_DESCRIPTIONS.get(layer, "text-quality flag")
        parts.append(f"<h4>{esc(layer)}: {esc(description)}</h4><ul>")
        control = CONTROL_OF_LAYER[layer]
        parts += [f"<li><b>{esc(label)}</b> [{esc(key_name(hotkey(control, label)))}]: {esc(d)}</li>" for label, d in labels.items()]
        parts.append("</ul>")
    for attr in ATTRIBUTES.values():
        if attr.choices:
            parts.append(f"<h4>{esc(attr.layer)} {esc(attr.name)}</h4><ul>")
            parts += [f"<li><b>{esc(v)}</b> [{esc(key_name(hotkey(attr.control, v)))}]: {esc(d)}</li>" for v, d in attr.choices.items()]
            parts.append("</ul>")
    parts.append("<h4>Argument roles</h4><ul>")
    parts += [f"<li><b>{esc(role)}</b>: {esc(d)} (event -&gt; {esc(t)})</li>" for role, (d, t) in scheme.ROLES.items()]
    parts.append("</ul>")
    return "\n".join(parts)
