"""JSON Schemas (draft 2020-12) generated from ``scheme.py``.

The committed ``schema/*.schema.json`` files are this module's output; a test fails when they
drift (``newscorpus schema`` rewrites them).
"""

from __future__ import annotations

from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.fileio import atomic_write_text, dumps_json

BASE_ID = "https://newscorpus.example.org/schema"


def _enum(values: dict[str, str] | tuple[str, ...] | list[str], title: str, description: str) -> dict:
    return {"title": title, "description": description, "enum": list(values)}


def _common_span_properties() -> dict:
    return {
        "id": {"title": "Span id", "description": "Unique in the document (E/A/F/L/T/Q + number).", "type": "string", "pattern": scheme.SPAN_ID_PATTERN},
        "start": {"title": "Start", "description": "Code-point offset into the clean text, inclusive.", "type": "integer", "minimum": 0},
        "end": {"title": "End", "description": "Code-point offset into the clean text, exclusive.", "type": "integer", "minimum": 1},
        "text": {"title": "Text", "description": "The covered text: clean_text[start:end].", "type": "string", "minLength": 1},
        "origin": _enum(scheme.ORIGINS, "Origin", "How the span was made: " + "; ".join(f"{k}: {v}" for k, v in scheme.ORIGINS.items())),
        "annotators": {
            "title": "Annotators",
            "description": "Ids (from the document's annotators list) of who made or confirmed this span.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
        },
        "score": {"title": "Score", "description": "Model confidence in [0, 1]; required when origin is model.", "type": "number", "minimum": 0, "maximum": 1},
        "note": {"title": "Note", "description": "Free-text remark by the annotator or adjudicator.", "type": "string"},
    }


def _layer_rule(layer: str) -> dict:
    """if layer == X then label in X's labels and X's attributes are required (and only those)."""
    props: dict = {"label": _enum(scheme.LABELS[layer], f"{layer} label", scheme.LAYER_DESCRIPTIONS[layer])}
    if layer == "EVENT":
        props["realis"] = _enum(scheme.REALIS, "Realis", "Factuality of the event: " + "; ".join(f"{k}: {v}" for k, v in scheme.REALIS.items()))
        props["arguments"] = {
            "title": "Arguments",
            "description": "Links from the event to the spans that fill its roles.",
            "type": "array",
            "items": {"$ref": "#/$defs/argument"},
        }
    elif layer == "ACTOR":
        props["mention"] = _enum(scheme.MENTION, "Mention type", "NAME or NOMINAL; pronouns are not annotated.")
        props["entity"] = {"title": "Entity", "description": "Id of the actor in annotations/entities.json.", "type": "string", "pattern": scheme.ENTITY_ID_PATTERN}
    elif layer == "FIGURE":
        props["value"] = {"title": "Value", "description": "The number as written; the lower bound for vague amounts.", "type": "number", "minimum": 0}
        props["qualifier"] = _enum(scheme.QUALIFIERS, "Qualifier", "EXACT, AT_LEAST, AT_MOST or APPROXIMATE.")
        props["unit"] = {"title": "Unit", "description": "What is counted, lemmatised and lowercase (rocket, person, month).", "type": "string", "minLength": 1}
    elif layer == "TIME":
        props["value"] = {
            "title": "Value",
            "description": "ISO 8601 date, month, week or year resolved against the publication date; null when unresolvable.",
            "type": ["string", "null"],
            "pattern": scheme.TIME_VALUE_PATTERN,
        }
    allowed = ["id", "layer", "label", "start", "end", "text", "origin", "annotators", "score", "note", *scheme.LAYER_ATTRIBUTES[layer]]
    return {
        "if": {"properties": {"layer": {"const": layer}}, "required": ["layer"]},
        "then": {
            "properties": props,
            "required": list(scheme.LAYER_ATTRIBUTES[layer]),
            "propertyNames": {"enum": allowed},
        },
    }


def annotation_schema() -> dict:
    span = {
        "title": "Span",
        "description": "One annotated span; the attributes its layer requires are conditional on `layer`.",
        "type": "object",
        "properties": {
            **_common_span_properties(),
            "layer": _enum(scheme.LAYERS, "Layer", "EVENT, ACTOR, FIGURE, LOCATION or TIME."),
            "label": {"title": "Label", "description": "A label of the span's layer.", "type": "string"},
        },
        "required": ["id", "layer", "label", "start", "end", "text", "origin"],
        "allOf": [_layer_rule(layer) for layer in scheme.LAYERS]
        + [{"if": {"properties": {"origin": {"const": "model"}}, "required": ["origin"]}, "then": {"required": ["score"]}}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/annotation.schema.json",
        "title": "newscorpus annotation document",
        "description": "Standoff annotation of one clean news article (events, actors, figures, locations, times).",
        "type": "object",
        "properties": {
            "schema_version": {"title": "Schema version", "description": "Version of this schema the file follows.", "const": scheme.SCHEMA_VERSION},
            "doc_id": {"title": "Document id", "description": "The raw file's stem; no path separators.", "type": "string", "pattern": scheme.DOC_ID_PATTERN},
            "text_sha256": {"title": "Clean text sha256", "description": "sha256 of the UTF-8 clean text this file annotates.", "type": "string", "pattern": "^[0-9a-f]{64}$"},
            "annotators": {
                "title": "Annotators",
                "description": "Who or what made the annotations.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/annotator"},
            },
            "reviewed_by": {"title": "Reviewed by", "description": scheme.REVIEW_FIELDS["reviewed_by"], "type": "string", "minLength": 1},
            "reviewed_at": {"title": "Reviewed at", "description": scheme.REVIEW_FIELDS["reviewed_at"], "type": "string",
                            "pattern": scheme.REVIEWED_AT_PATTERN},
            "spans": {"title": "Spans", "description": "All EVENT, ACTOR, FIGURE, LOCATION and TIME spans, one flat list.", "type": "array", "items": {"$ref": "#/$defs/span"}},
            "quality": {"title": "Quality spans", "description": "Text-quality flags (MT_GARBLED) users can mask.", "type": "array", "items": {"$ref": "#/$defs/quality"}},
        },
        "required": ["schema_version", "doc_id", "text_sha256", "annotators", "spans"],
        "additionalProperties": False,
        "$defs": {
            "annotator": {
                "title": "Annotator",
                "description": "One annotator: a person, an LLM agent, or a program.",
                "type": "object",
                "properties": {
                    "id": {"title": "Annotator id", "description": "Short id referenced from spans.", "type": "string", "minLength": 1},
                    "kind": {"title": "Kind", "description": "human, llm or program.", "enum": ["human", "llm", "program", "model"]},
                    "note": {"title": "Note", "description": "Who or what this is.", "type": "string"},
                },
                "required": ["id", "kind"],
                "additionalProperties": False,
            },
            "argument": {
                "title": "Argument",
                "description": "A role-labelled link from an event to another span.",
                "type": "object",
                "properties": {
                    "role": _enum({k: v[0] for k, v in scheme.ROLES.items()}, "Role", "; ".join(f"{k}: {d} (points to {lay})" for k, (d, lay) in scheme.ROLES.items())),
                    "ref": {"title": "Reference", "description": "Id of the span filling the role.", "type": "string", "pattern": scheme.SPAN_ID_PATTERN},
                },
                "required": ["role", "ref"],
                "additionalProperties": False,
            },
            "span": span,
            "quality": {
                "title": "Quality span",
                "description": "A stretch of text flagged for its quality.",
                "type": "object",
                "properties": {
                    **_common_span_properties(),
                    "label": _enum(scheme.QUALITY_LABELS, "Quality label", "; ".join(f"{k}: {v}" for k, v in scheme.QUALITY_LABELS.items())),
                },
                "required": ["id", "label", "start", "end", "text", "origin"],
                "additionalProperties": False,
            },
        },
    }


def entities_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/entities.schema.json",
        "title": "newscorpus entity registry",
        "description": "Corpus-wide registry of the actors that ACTOR mentions link to.",
        "type": "object",
        "properties": {
            "schema_version": {"title": "Schema version", "description": "Version of this schema the file follows.", "const": scheme.SCHEMA_VERSION},
            "entities": {
                "title": "Entities",
                "description": "One entry per real-world actor.",
                "type": "array",
                "items": {
                    "title": "Entity",
                    "description": "A real-world actor with its canonical name and spelling variants.",
                    "type": "object",
                    "properties": {
                        "id": {"title": "Entity id", "description": "snake_case canonical id; d<doc>_<slug> for unnamed, document-scoped actors.", "type": "string", "pattern": scheme.ENTITY_ID_PATTERN},
                        "name": {"title": "Canonical name", "description": "The name (or description) the corpus uses for this actor.", "type": "string", "minLength": 1},
                        "type": _enum(scheme.LABELS["ACTOR"], "Actor type", "The ACTOR label every mention of this entity carries."),
                        "variants": {"title": "Variants", "description": "Spellings seen in the corpus.", "type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True},
                        "note": {"title": "Note", "description": "Optional remark (who this is, why two spellings are one actor).", "type": "string"},
                    },
                    "required": ["id", "name", "type", "variants"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["schema_version", "entities"],
        "additionalProperties": False,
    }


SCHEMAS = {"annotation.schema.json": annotation_schema, "entities.schema.json": entities_schema}
# The scheme document (the product contract) ships with the package and is copied beside the
# schemas, so every corpus carries the text its schema_version refers to.
SCHEME_DOCUMENT = Path(__file__).resolve().parents[1] / "data" / "annotation-scheme.md"


def _outputs() -> dict[str, str]:
    out = {name: dumps_json(build()) for name, build in SCHEMAS.items()}
    out[SCHEME_DOCUMENT.name] = SCHEME_DOCUMENT.read_text(encoding="utf-8")
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    written = []
    for name, text in _outputs().items():
        atomic_write_text(Path(out_dir) / name, text)
        written.append(Path(out_dir) / name)
    return written


def stale_schemas(out_dir: Path) -> list[str]:
    return [
        name
        for name, text in _outputs().items()
        if not (Path(out_dir) / name).is_file() or (Path(out_dir) / name).read_text(encoding="utf-8") != text
    ]
