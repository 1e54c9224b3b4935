"""LOCATION and ACTOR rules for unseen articles (issue #14): collective party references,
possessive countries, capitals standing for states, determiners before names, place-name shapes.
Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate import Resources, preannotate_text


def spans(text, layer=None):
    doc = preannotate_text(text, doc_id="t", published=None, resources=Resources())
    return [(s["text"], s["label"]) for s in doc["spans"] if layer is None or s["layer"] == layer]


def actors(text):
    return spans(text, "ACTOR")


def places(text):
    return [t for t, _ in spans(text, "LOCATION")]


@pytest.mark.parametrize("text, head", [
    ("Mediators urged both sides to hold fire.", "sides"),
    ("Neither group has agreed to talks.", "group"),
    ("Each side blames the other.", "side"),
    ("He could not verify either side's account.", "side"),
])
def test_quantified_parties_are_group_nominals(text, head):
    got = actors(text)
    assert (head, "GROUP" if "side" in head else "ARMED_GROUP") in got
    assert not any(t.lower().startswith(("neither", "each", "both")) for t, _ in got)
