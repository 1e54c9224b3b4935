"""Hugging Face ``datasets`` features for the three configs, generated from ``scheme.py``.

The YAML ``dataset_info`` in the card and the parquet files' embedded schema both come from
these objects, so the label inventory is written only once. ``datasets`` (0.7 s to import) is
imported when a feature is first made: the build's main process needs the constants only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscorpus.annotate import scheme

if TYPE_CHECKING:
    from datasets import ClassLabel, Features

LAYER_COLUMNS = {"EVENT": "events", "ACTOR": "actors", "FIGURE": "figures", "LOCATION": "locations", "TIME": "times"}
TAG_COLUMNS = {"ACTOR": "actor_tags", "EVENT": "event_tags", "FIGURE": "figure_tags", "LOCATION": "location_tags", "TIME": "time_tags"}


def label_feature(layer: str) -> ClassLabel:
    from datasets import ClassLabel

    return ClassLabel(names=scheme.labels(layer))


def bio_names(layer: str) -> list[str]:
    return ["O"] + [f"{prefix}-{label}" for label in scheme.labels(layer) for prefix in ("B", "I")]


def _span(layer: str, **extra) -> dict:
    from datasets import Value

    return {
        "id": Value("string"),
        "label": label_feature(layer),
        "start": Value("int32"),
        "end": Value("int32"),
        "text": Value("string"),
        **extra,
    }


def span_features() -> dict[str, dict]:
    from datasets import ClassLabel, List, Value

    return {
        "EVENT": _span(
            "EVENT",
            realis=ClassLabel(names=list(scheme.REALIS)),
            arguments=List({"role": ClassLabel(names=list(scheme.ROLES)), "ref": Value("string")}),
        ),
        "ACTOR": _span(
            "ACTOR",
            mention=ClassLabel(names=list(scheme.MENTION)),
            entity=Value("string"),
            entity_name=Value("string"),
        ),
        "FIGURE": _span("FIGURE", value=Value("float64"), qualifier=ClassLabel(names=list(scheme.QUALIFIERS)), unit=Value("string")),
        "LOCATION": _span("LOCATION"),
        "TIME": _span("TIME", value=Value("string")),
    }


def documents_features(standoff: bool = False) -> Features:
    from datasets import ClassLabel, Features, List, Value

    spans = span_features()
    if standoff:
        for layer in spans:
            spans[layer] = {k: v for k, v in spans[layer].items() if k != "text"} | {"text_sha256": Value("string")}
    base = {
        "doc_id": Value("string"),
        "title": Value("string"),
        "source": Value("string"),
        "published": Value("string"),
        "published_basis": Value("string"),
    }
    base |= {"text_sha256": Value("string")} if standoff else {"text": Value("string")}
    quality = {"id": Value("string"), "label": ClassLabel(names=list(scheme.QUALITY_LABELS)), "start": Value("int32"), "end": Value("int32")}
    quality |= {"text_sha256": Value("string")} if standoff else {"text": Value("string")}
    return Features(base | {LAYER_COLUMNS[layer]: List(spans[layer]) for layer in scheme.LAYERS} | {"quality": List(quality)})


def tokens_features(standoff: bool = False) -> Features:
    from datasets import ClassLabel, Features, List, Value

    cols = {
        "doc_id": Value("string"),
        "sentence_id": Value("int32"),
        "start": Value("int32"),
        "end": Value("int32"),
    }
    if standoff:
        cols["tokens_sha256"] = List(Value("string"))
    else:
        cols["tokens"] = List(Value("string"))
    cols["token_starts"] = List(Value("int32"))
    cols["token_ends"] = List(Value("int32"))
    cols["mt_garbled"] = Value("bool")
    for layer, column in TAG_COLUMNS.items():
        cols[column] = List(ClassLabel(names=bio_names(layer)))
    return Features(cols)


def events_features(standoff: bool = False) -> Features:
    from datasets import ClassLabel, Features, List, Value

    text = (lambda name: {f"{name}_sha256": Value("string")}) if standoff else (lambda name: {name: Value("string")})
    argument = {
        "role": ClassLabel(names=list(scheme.ROLES)),
        "ref": Value("string"),
        "layer": Value("string"),
        "label": Value("string"),
        **text("text"),
        "start": Value("int32"),
        "end": Value("int32"),
        "context_start": Value("int32"),
        "context_end": Value("int32"),
        "figure_value": Value("float64"),
        "time_value": Value("string"),
        "entity": Value("string"),
    }
    return Features(
        {
            "doc_id": Value("string"),
            "event_id": Value("string"),
            "type": label_feature("EVENT"),
            "realis": ClassLabel(names=list(scheme.REALIS)),
            **text("trigger"),
            "trigger_start": Value("int32"),
            "trigger_end": Value("int32"),
            **text("context"),
            "context_offset": Value("int32"),
            "context_end": Value("int32"),
            "trigger_context_start": Value("int32"),
            "trigger_context_end": Value("int32"),
            "arguments": List(argument),
        }
    )


CONFIGS = {"documents": documents_features, "tokens": tokens_features, "events": events_features}
