"""The rules on text about conflicts the seeds never mention: knowledge from data packages and
the scheme's decisions (sentences written for these tests, not taken from any corpus or dev article)."""

from __future__ import annotations

from datetime import date

import pytest

from newscorpus.preannotate import build_resources, preannotate_text, propose_entities
from newscorpus.preannotate.knowledge import knowledge


@pytest.fixture(scope="module")
def res():
    return build_resources(None)


def spans(text, res, published=None):
    doc = preannotate_text(text, doc_id="t01", published=published, resources=res)
    return doc, {(s["layer"], s["text"]): s for s in doc["spans"]}


def test_knowledge_comes_from_the_packages():
    kb = knowledge()
    assert {"Bamako", "Mogadishu", "Kachin State", "Kachin"} <= kb.places  # geonames cities, ISO 3166-2
    assert kb.demonyms["Malian"] == kb.countries["Mali"] and kb.demonyms["Somali"] == kb.countries["Somalia"]
    assert "Police" not in kb.places  # a word used mostly in lowercase is not a place
    assert kb.lemma("casualties") == "casualty" and kb.lemma("troops") == "troop"


def test_places_with_directional_modifiers(res):
    _, s = spans("Fighting spread across northern Kachin State and reached Bamako on Friday.", res)
    assert ("LOCATION", "northern Kachin State") in s and ("LOCATION", "Bamako") in s


def test_country_as_place_or_actor(res):
    doc, _ = spans("Mali accused its neighbour of arming rebels. Thousands fled into Mali last year.", res)
    labels = [(x["layer"], x["start"]) for x in doc["spans"] if x["text"] == "Mali"]
    assert labels[0][0] == "ACTOR" and labels[1][0] == "LOCATION"


def test_demonyms_decision_1(res):
    _, s = spans("A Malian drone strike hit the market, and Malian soldiers later secured it.", res)
    assert s[("ACTOR", "Malian")]["label"] == "STATE" and s[("ACTOR", "Malian")]["mention"] == "NAME"
    assert s[("ACTOR", "Malian soldiers")]["label"] == "MILITARY"
    assert s[("ACTOR", "Malian soldiers")]["mention"] == "NOMINAL"
    assert len([k for k in s if k == ("ACTOR", "Malian")]) == 1  # the one inside the actor phrase is not annotated


def test_nominal_actors_by_head_noun(res):
    text = "Residents said aid workers and a senior military official were evacuated by peacekeepers."
    _, s = spans(text, res)
    assert s[("ACTOR", "Residents")]["label"] == "CIVILIANS"
    assert s[("ACTOR", "aid workers")]["label"] == "CIVILIANS"  # decision 34
    assert s[("ACTOR", "senior military official")]["label"] == "PERSON"
    assert s[("ACTOR", "peacekeepers")]["label"] == "ORGANIZATION"  # an international mission's (unseen golds)
    assert all(x["mention"] == "NOMINAL" for (layer, _), x in s.items() if layer == "ACTOR")


def test_names_titles_suffixes_and_acronyms(res):
    text = ("The Sahel Liberation Front said President Amadou Diallo had met delegates. "
            "The SLF later denied it, the Ministry of Defence said.")
    doc, s = spans(text, res)
    front = s[("ACTOR", "Sahel Liberation Front")]
    assert front["label"] == "ARMED_GROUP" and front["mention"] == "NAME"
    assert s[("ACTOR", "SLF")]["entity"] == front["entity"]  # the acronym spells the earlier name
    assert s[("ACTOR", "Amadou Diallo")]["label"] == "PERSON"  # the title is not part of the name
    assert s[("ACTOR", "Ministry of Defence")]["label"] == "STATE"
    proposed = {e["id"]: e for e in propose_entities(doc, {})}
    assert proposed[front["entity"]]["type"] == "ARMED_GROUP" and "SLF" in proposed[front["entity"]]["variants"]


def test_predicate_nominals_and_titles_are_not_mentions(res):
    _, s = spans("He is a commander of the group, spokesman Ali Musa said.", res)
    assert ("ACTOR", "commander") not in s and ("ACTOR", "spokesman") not in s
    assert ("ACTOR", "Ali Musa") in s


def test_relative_times_and_figures(res):
    pub = date(2024, 3, 14)  # a Thursday
    _, s = spans("Two dozen fighters crossed the 1,300-mile border last week; 85 wounded patients arrived "
                 "earlier this month and between 30 and 40 shells fell late on Monday.", res, published=pub)
    assert (s[("FIGURE", "Two dozen fighters")]["value"], s[("FIGURE", "Two dozen fighters")]["qualifier"]) == (24, "EXACT")  # a number as written (scheme)
    assert s[("FIGURE", "1,300-mile border")]["unit"] == "mile"
    assert s[("FIGURE", "85 wounded patients")]["unit"] == "patient"
    rng = s[("FIGURE", "between 30 and 40 shells")]
    assert (rng["value"], rng["qualifier"], rng["unit"]) == (30, "APPROXIMATE", "shell")
    assert s[("TIME", "last week")]["value"] == "2024-W10"
    # the adverbs are in the span (guidelines, decision 30) and leave the value alone
    assert s[("TIME", "earlier this month")]["value"] == "2024-03"
    assert s[("TIME", "late on Monday")]["value"] == "2024-03-11"


def test_every_suggestion_is_model_made_with_a_score(res):
    doc, _ = spans("Rebels shelled Goma on Tuesday, killing at least 12 civilians, officials said.", res)
    assert doc["spans"] and all(x["origin"] == "model" and 0 < x["score"] <= 1 for x in doc["spans"])
