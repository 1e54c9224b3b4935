"""The whole-list semantic pass (``_semantically_clean``) may only say "nothing to report" when
the full pass (``semantic_problems``) finds nothing: every defect below, alone or combined with
others, must still come out of ``validate_document`` with its pointer and message."""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import pytest

from newscorpus.annotate import scheme
from newscorpus.annotate.validate import _semantically_clean, schema_problems, semantic_problems, validate_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synth  # noqa: E402

DOCS = 12
REGISTRY_LIST, _ = synth.world(DOCS, seed=5)
REGISTRY = {e["id"]: e for e in REGISTRY_LIST}
CORPUS = [(d.annotation, d.clean) for d in synth.documents(DOCS, seed=5)]


def _first(doc, layer):
    return next(s for s in doc["spans"] if s["layer"] == layer)


def _new_id(doc):
    return f"Z{len(doc['spans']) + len(doc.get('quality') or [])}"


def dup_id(doc, text):
    doc["spans"][1]["id"] = doc["spans"][0]["id"]


def dup_quality_id(doc, text):
    doc["quality"] = [{"id": doc["spans"][0]["id"], "label": "MT_GARBLED", "start": 0, "end": 3, "text": text[:3], "origin": "human"}]


def float_offset(doc, text):
    doc["spans"][2]["start"] = float(doc["spans"][2]["start"])


def end_beyond_text(doc, text):
    span = doc["spans"][-1]
    span["end"] = len(text) + 2


def empty_span(doc, text):
    span = doc["spans"][3]
    span["end"] = span["start"]


def reversed_offsets(doc, text):
    span = doc["spans"][3]
    span["start"], span["end"] = span["end"], span["start"]


def wrong_text(doc, text):
    doc["spans"][4]["text"] += "x"


def whitespace_edge(doc, text):
    span = next(s for s in doc["spans"] if s["end"] < len(text) and text[s["end"]].isspace())
    span["end"] += 1
    span["text"] = text[span["start"]:span["end"]]


def duplicate_span(doc, text):
    doc["spans"].append(copy.deepcopy(doc["spans"][5]) | {"id": _new_id(doc)})


def unknown_annotator(doc, text):
    doc["spans"][6]["annotators"] = ["synth", "nobody"]


def unknown_quality_annotator(doc, text):
    doc["quality"] = [{"id": _new_id(doc), "label": "MT_GARBLED", "start": 0, "end": 3, "text": text[:3], "origin": "human", "annotators": ["ghost"]}]


def impossible_date(doc, text):
    _first(doc, "TIME")["value"] = "2031-02-30"


def argument_twice(doc, text):
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT" and s["arguments"])
    event["arguments"].append(dict(event["arguments"][0]))


def dangling_ref(doc, text):
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT" and s["arguments"])
    event["arguments"][0]["ref"] = "Q999"


def ref_to_wrong_layer(doc, text):
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT" and s["arguments"])
    event["arguments"][0] = {"role": "TIME", "ref": _first(doc, "LOCATION")["id"]}


def ref_to_quality_span(doc, text):
    dup_quality_id(doc, text)
    doc["quality"][0]["id"] = "Q1"
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT" and s["arguments"])
    event["arguments"][0] = {"role": "PLACE", "ref": "Q1"}


def unknown_entity(doc, text):
    _first(doc, "ACTOR")["entity"] = "nobody_known"


def entity_type_mismatch(doc, text):
    actor = _first(doc, "ACTOR")
    actor["label"] = next(label for label in scheme.LABELS["ACTOR"] if label != actor["label"])


def crossing_actor(doc, text):
    actor = _first(doc, "ACTOR")
    start, end = actor["start"] + 1, actor["end"] + 4
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end += 1
    doc["spans"].append(actor | {"id": _new_id(doc), "start": start, "end": end, "text": text[start:end]})


def nested_actor(doc, text):
    """Nesting is fine: the shortcut must still pass this one (see the test below)."""
    actor = next(s for s in doc["spans"] if s["layer"] == "ACTOR" and " " in s["text"])
    inner = actor["text"].split(" ")[0]
    doc["spans"].append(actor | {"id": _new_id(doc), "end": actor["start"] + len(inner), "text": inner})


def shuffled_spans(doc, text):
    random.Random(len(text)).shuffle(doc["spans"])


def stale_text(doc, text):
    doc["text_sha256"] = "0" * 64


def _review(doc, by, kind="human", at="2026-01-31T14:05:00Z"):
    doc["annotators"] = [*doc["annotators"], {"id": "rev", "kind": kind}]
    doc["reviewed_by"] = by
    if at:
        doc["reviewed_at"] = at


def reviewed_by_a_person(doc, text):
    _review(doc, "rev")


def reviewer_not_an_annotator(doc, text):
    _review(doc, "someone_else")


def reviewer_is_a_model(doc, text):
    _review(doc, "rev", kind="model")


def review_time_without_reviewer(doc, text):
    doc["reviewed_at"] = "2026-01-31T14:05:00Z"


MUTATIONS = [dup_id, dup_quality_id, float_offset, end_beyond_text, empty_span, reversed_offsets, wrong_text, whitespace_edge,
             duplicate_span, unknown_annotator, unknown_quality_annotator, impossible_date, argument_twice, dangling_ref,
             ref_to_wrong_layer, ref_to_quality_span, unknown_entity, entity_type_mismatch, crossing_actor, nested_actor,
             shuffled_spans, stale_text, reviewed_by_a_person, reviewer_not_an_annotator, reviewer_is_a_model,
             review_time_without_reviewer]
HARMLESS = {nested_actor, shuffled_spans, reviewed_by_a_person}


def _full(doc, text, registry=REGISTRY):
    return schema_problems(doc, "x.json") + semantic_problems(doc, "x.json", text, registry)


def test_the_shortcut_passes_valid_documents():
    for doc, text in CORPUS:
        assert _semantically_clean(doc, text, REGISTRY)
        assert validate_document(doc, file="x.json", clean_text=text, registry=REGISTRY) == []


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__)
def test_every_defect_is_still_reported(mutate):
    for doc, text in CORPUS[:4]:
        doc = copy.deepcopy(doc)
        mutate(doc, text)
        got = validate_document(doc, file="x.json", clean_text=text, registry=REGISTRY)
        assert got == _full(doc, text)
        assert bool(got) == (mutate not in HARMLESS), got
        if mutate in HARMLESS:
            assert _semantically_clean(doc, text, REGISTRY)


def test_a_review_record_names_a_person_among_the_annotators():
    doc, text = copy.deepcopy(CORPUS[0])
    reviewer_is_a_model(doc, text)
    (problem,) = validate_document(doc, file="x.json", clean_text=text, registry=REGISTRY)
    assert (problem.pointer, problem.message) == ("/reviewed_by", "reviewer 'rev' is a 'model' annotator; a review is a person's (kind 'human')")
    doc, text = copy.deepcopy(CORPUS[0])
    review_time_without_reviewer(doc, text)
    assert [p.pointer for p in validate_document(doc, file="x.json", clean_text=text, registry=REGISTRY)] == ["/reviewed_at"]


def test_random_combinations_match_the_full_pass():
    rng = random.Random(13)
    for _ in range(80):
        doc, text = copy.deepcopy(rng.choice(CORPUS))
        for mutate in rng.sample(MUTATIONS, rng.randint(1, 3)):
            try:
                mutate(doc, text)
            except (StopIteration, IndexError):  # this document has nothing to mutate that way
                pass
        registry = rng.choice([REGISTRY, None, {k: {"id": k} for k in REGISTRY}])  # None: no registry; typeless entries
        assert validate_document(doc, file="x.json", clean_text=text, registry=registry) == _full(doc, text, registry)
