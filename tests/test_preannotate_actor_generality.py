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
