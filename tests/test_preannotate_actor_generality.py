"""ACTOR rules that generalise to unseen articles (issue #14): a base-form verb after a modal,
negation or do/have is not part of the actor phrase after it. Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate import Resources, preannotate_text


def actors(text):
    doc = preannotate_text(text, doc_id="t", published=None, resources=Resources())
    return [s["text"] for s in doc["spans"] if s["layer"] == "ACTOR"]


@pytest.mark.parametrize("text, actor, verb", [
    ("The statement did not mention civilians.", "civilians", "mention"),
    ("The council said it would shelter families in the school.", "families", "shelter"),
    ("Officials said they could not reach villagers in the hills.", "villagers", "reach"),
])
def test_a_verb_after_a_modal_or_negation_is_outside_the_actor(text, actor, verb):
    got = actors(text)
    assert actor in got
    assert not any(verb in a for a in got)


def test_a_noun_modifier_after_a_preposition_stays():
    assert "rival gunmen" in actors("The notes were addressed to rival gunmen in the valley.")


@pytest.mark.parametrize("text", [
    "Shelling damaged homes in 12 hill communities on Monday.",
    "Hundreds of residents of lakeside communities fled the raids.",
])
def test_communities_after_a_place_preposition_are_places_not_actors(text):
    """Decision 5: a generic place noun where people live is no annotation; the residents are."""
    assert not any("communities" in a for a in actors(text))


def test_communities_as_a_subject_are_still_actors():
    assert any("communities" in a for a in actors("Local communities accused the militia of looting."))
