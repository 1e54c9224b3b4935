"""Event arguments from the event's clause: PLACE after a locative preposition, the clause's TIME,
the subject-like AGENT before the trigger, the VICTIM counted after a killing verb or before its
passive, the TARGET right after an attack verb, coordinated PARTICIPANTs. Invented sentences."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.preannotate import Resources, preannotate_text


def arguments(text, trigger):
    doc = preannotate_text(text, doc_id="t", published=date(2025, 3, 12), resources=Resources())
    by_id = {s["id"]: s for s in doc["spans"]}
    ev = next(s for s in doc["spans"] if s["layer"] == "EVENT" and s["text"] == trigger)
    return {(a["role"], by_id[a["ref"]]["text"]) for a in ev["arguments"]}


def test_place_and_time_of_the_clause():
    got = arguments("Rebel fighters shelled a camp near Kassala on Monday, medics said.", "shelled")
    assert {("PLACE", "Kassala"), ("TIME", "Monday"), ("AGENT", "Rebel fighters")} <= got


def test_coordinated_places_are_both_the_place():
    got = arguments("Drones struck power stations in Kherson and Mykolaiv overnight.", "struck")
    assert {("PLACE", "Kherson"), ("PLACE", "Mykolaiv")} <= got


def test_a_place_in_a_relative_clause_is_not_the_place():
    got = arguments("Gunmen attacked a convoy, which had left Kassala at dawn.", "attacked")
    assert not any(role == "PLACE" for role, _ in got)


def test_participle_after_the_main_clause_gets_the_victim_counted_after_it():
    got = arguments("The militia shelled the market, killing at least nine civilians.", "killing")
    assert ("VICTIM", "civilians") in got


def test_passive_victim_before_the_trigger():
    got = arguments("Four aid workers were killed in the ambush.", "killed")
    assert ("VICTIM", "aid workers") in got


def test_agent_is_not_taken_from_a_prepositional_phrase():
    got = arguments("A spokesman for the army said rebels attacked the town.", "attacked")
    assert ("AGENT", "rebels") in got and ("AGENT", "army") not in got


def test_target_right_after_an_attack_verb():
    got = arguments("Insurgents attacked troops guarding the dam.", "attacked")
    assert ("TARGET", "troops") in got


def test_coordinated_participants_of_a_war():
    got = arguments("The war between the army and the militia has lasted two years.", "war")
    assert {("PARTICIPANT", "army"), ("PARTICIPANT", "militia")} <= got


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", ".", "?", "!", "\n", ". ", "”"]), max_size=40).map("".join))
def test_sentence_bounds_by_bisection_are_the_scans(text):
    """link_arguments finds each event's sentence by bisection in marks found once per text: the
    same bounds as the scans from the event (``_sentence_end``, ``_sentence_start``) at every offset."""
    from newscorpus.preannotate.events import _sentence_bounds, _sentence_end, _sentence_start

    end, start = _sentence_bounds(text)
    assert [end(i) for i in range(len(text) + 1)] == [_sentence_end(text, i) for i in range(len(text) + 1)]
    assert [start(i) for i in range(len(text) + 1)] == [_sentence_start(text, i) for i in range(len(text) + 1)]
