"""The annotation scheme as data: the one place labels, attributes and roles are written.

Everything else that lists them (the JSON Schema, the Label Studio config, the dataset
features, the guidelines' label tables) is generated from this module or checked against it
by a test. Source: the scheme document, scripts/newscorpus/data/annotation-scheme.md (copied to
schema/annotation-scheme.md by `newscorpus schema`); its "Schema version" is SCHEMA_VERSION.
"""

from __future__ import annotations

SCHEMA_VERSION = "1.0.0"

LAYERS = ("EVENT", "ACTOR", "FIGURE", "LOCATION", "TIME")

# label -> one-line definition, per layer (order is the ClassLabel order in the dataset)
LABELS: dict[str, dict[str, str]] = {
    "EVENT": {
        "ATTACK": "a use of force against a target: air/drone strike, rocket or missile fire, shelling, bombing, raid",
        "KILLING": "a death caused by violence",
        "INJURY": "people hurt by violence",
        "CONFLICT": "sustained hostilities as a whole",
        "INTERCEPTION": "an air-defence interception",
        "DISPLACEMENT": "people forced from their homes",
        "MEETING": "a meeting, visit or talks between specific parties",
        "NEGOTIATION": "the bargaining or mediation process over a deal",
        "AGREEMENT": "a ceasefire, truce or deal as something agreed or sought",
        "THREAT": "a threat, vow or warning of future force",
        "WITHDRAWAL": "a pull-back of forces from an area",
        "RELEASE": "a release of hostages or prisoners",
    },
    "ACTOR": {
        "PERSON": "one individual",
        "ARMED_GROUP": "a non-state armed organisation or unit",
        "MILITARY": "a state's armed forces or units",
        "STATE": "a state or its government, ministries, agencies",
        "ORGANIZATION": "international bodies, media, NGOs, universities",
        "CIVILIANS": "civilians or a civilian population",
        "GROUP": "any other collective of people",
    },
    "FIGURE": {
        "CASUALTIES": "people killed or injured",
        "MUNITIONS": "rockets, missiles, drones, launches, shells, strikes",
        "PEOPLE": "other counts of people: displaced, hostages, fighters, sources",
        "DISTANCE": "lengths and distances",
        "DURATION": "lengths of time",
        "OTHER": "any other quantity",
    },
    "LOCATION": {"LOCATION": "a place name, with a directional or regional modifier that belongs to it"},
    "TIME": {"TIME": "a date or time expression, with an ISO 8601 value resolved against the publication date"},
}

LAYER_DESCRIPTIONS = {
    "EVENT": "event trigger: the minimal word or expression that most clearly names the event",
    "ACTOR": "a person, group, organisation or state that acts, is acted upon, or speaks",
    "FIGURE": "a cardinal quantity: qualifier + number + counted noun head",
    "LOCATION": "a place name (event argument)",
    "TIME": "a date or time expression (event argument)",
}

REALIS = {
    "ACTUAL": "happened or is happening",
    "PLANNED": "announced or prepared",
    "HYPOTHETICAL": "possible, conditional, feared or sought",
    "NEGATED": "said not to have happened",
    "GENERIC": "a kind of event, not a particular one",
}

MENTION = {
    "NAME": "a proper name, or a demonym standing for an actor",
    "NOMINAL": "a common noun phrase (no pronouns)",
}

QUALIFIERS = {
    "EXACT": "the number as stated",
    "AT_LEAST": "at least, more than, over",
    "AT_MOST": "fewer than, up to",
    "APPROXIMATE": "about, nearly, some, around, and vague plurals (dozens, hundreds)",
}

# role -> (definition, the layer its ref must point to)
ROLES: dict[str, tuple[str, str]] = {
    "AGENT": ("who acts: attacker, killer, host", "ACTOR"),
    "TARGET": ("what or who is attacked", "ACTOR"),
    "VICTIM": ("who is killed, injured, displaced", "ACTOR"),
    "PARTICIPANT": ("parties to a meeting, negotiation or agreement", "ACTOR"),
    "QUANTITY": ("a FIGURE", "FIGURE"),
    "PLACE": ("a LOCATION", "LOCATION"),
    "TIME": ("a TIME", "TIME"),
}

ORIGINS = {
    "manual": "made by a person",
    "model": "made by a program (pre-annotation); carries a score",
    "adjudicated": "decided by an adjudicator from two independent passes",
}

# document-level review record, written when a person submits the whole document (Label Studio)
REVIEW_FIELDS = {
    "reviewed_by": "Id (from annotators) of the person who last reviewed the whole document: every span left in it was "
                   "checked, and spans they deleted are gone. Tools never overwrite a reviewed file without --force.",
    "reviewed_at": "When that review was submitted: ISO 8601 UTC to the second (2026-01-31T14:05:00Z).",
}
REVIEWED_AT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"

QUALITY_LABELS = {"MT_GARBLED": "garbled machine-translation debris: keep in text, mask in training"}

# Vague amounts (scheme decision 9): lower-bound values, all APPROXIMATE.
VAGUE_AMOUNTS = {
    "several": 3,
    "a few": 3,
    "dozens": 24,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10000,
}

# layer -> attributes a span of that layer must carry (besides the common ones)
LAYER_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "EVENT": ("realis", "arguments"),
    "ACTOR": ("mention", "entity"),
    "FIGURE": ("value", "qualifier", "unit"),
    "LOCATION": (),
    "TIME": ("value",),
}

SPAN_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{0,63}$"
ENTITY_ID_PATTERN = r"^[a-z0-9][a-z0-9_]{0,127}$"
DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$"
TIME_VALUE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W(0[1-9]|[1-4]\d|5[0-3]))?$"


def labels(layer: str) -> list[str]:
    return list(LABELS[layer])


def all_labels() -> list[tuple[str, str]]:
    """(layer, label) pairs in scheme order."""
    return [(layer, label) for layer in LAYERS for label in LABELS[layer]]
