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


def test_coordinated_sides_of_a_war_are_agents():
    # adjudication decision 11: the sides of a CONFLICT are AGENTs, PARTICIPANT is for meetings and deals
    got = arguments("The war between the army and the militia has lasted two years.", "war")
    assert {("AGENT", "army"), ("AGENT", "militia")} <= got
    assert not any(role == "PARTICIPANT" for role, _ in got)


def test_subjects_of_a_clash_are_both_agents():
    got = arguments("Rebels and government troops clashed near Kassala on Monday.", "clashed")
    assert {("AGENT", "Rebels"), ("AGENT", "government troops")} <= got


def test_the_other_side_after_with_or_as_the_object_of_a_fighting_verb():
    assert ("AGENT", "soldiers") in arguments("The militants had clashed with soldiers near the dam.", "clashed")
    assert {("AGENT", "gunmen"), ("AGENT", "police")} <= arguments("The gunmen fought the police until dawn.", "fought")


def test_a_noun_modifier_names_a_side():
    assert ("AGENT", "militia") in arguments("Residents fled the militia violence in the north.", "violence")


def test_a_counted_subject_before_a_displacement_verb_is_its_quantity():
    got = arguments("The agency said more than 8,000 people have fled the district.", "fled")
    assert ("QUANTITY", "more than 8,000 people") in got


def test_a_headline_count_before_its_verb_is_the_quantity():
    assert ("QUANTITY", "Hundreds") in arguments("Hundreds flee as floods and fighting spread", "flee")


def test_coordinated_and_included_counts_after_the_trigger():
    got = arguments("The rebels fired 30 rockets and four drones at the port.", "fired")
    assert {("QUANTITY", "30 rockets"), ("QUANTITY", "four drones")} <= got
    got = arguments("The blast killed at least 14 people, including five children.", "killed")
    assert {("QUANTITY", "at least 14 people"), ("QUANTITY", "five children")} <= got


def test_a_figure_that_counts_or_measures_the_event_itself():
    assert ("QUANTITY", "more than 30 strikes") in arguments("Jets carried out more than 30 strikes overnight.", "strikes")
    assert ("QUANTITY", "30-day truce") in arguments("Mediators proposed a 30-day truce.", "truce")
    assert ("QUANTITY", "twelve wounded soldiers") in arguments("The clinic took in twelve wounded soldiers.", "wounded")


def test_the_duration_of_the_event_in_its_clause():
    assert ("QUANTITY", "nearly five hours") in arguments("The two units clashed for nearly five hours.", "clashed")
    assert ("QUANTITY", "more than ten years") in arguments("The town has known more than ten years of war.", "war")


def test_a_duration_in_another_clause_is_not_the_events():
    got = arguments("The militia released two guards they had held for nine days.", "released")
    assert not any(role == "QUANTITY" and text == "nine days" for role, text in got)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", ".", "?", "!", "\n", ". ", "”"]), max_size=40).map("".join))
def test_sentence_bounds_by_bisection_are_the_scans(text):
    """link_arguments finds each event's sentence by bisection in marks found once per text: the
    same bounds as the scans from the event (``_sentence_end``, ``_sentence_start``) at every offset."""
    from newscorpus.preannotate.arguments import _sentence_bounds, _sentence_end, _sentence_start

    end, start = _sentence_bounds(text)
    assert [end(i) for i in range(len(text) + 1)] == [_sentence_end(text, i) for i in range(len(text) + 1)]
    assert [start(i) for i in range(len(text) + 1)] == [_sentence_start(text, i) for i in range(len(text) + 1)]


def test_a_place_far_on_in_the_clause_belongs_to_a_later_predicate():
    got = arguments("The siege has killed hundreds of people, emptied dozens of farms and villages and forced "
                    "out most of the families in Kassala.", "killed")
    assert not any(role == "PLACE" for role, _ in got)


def test_with_no_place_after_the_trigger_the_place_before_it_is_taken():
    got = arguments("In Kassala, gunmen attacked the market.", "attacked")
    assert ("PLACE", "Kassala") in got


def test_the_subject_of_a_reporting_verb_is_the_agent_of_its_pronoun_clause():
    got = arguments("The army said it had shelled rebel positions overnight.", "shelled")
    assert ("AGENT", "army") in got


def test_a_possessed_subject_after_the_reporting_verb_is_the_agent_itself():
    got = arguments("The navy said its sailors intercepted two drones.", "intercepted")
    assert ("AGENT", "sailors") in got and ("AGENT", "navy") not in got


def test_agent_after_by():
    assert ("AGENT", "rebels") in arguments("Mortar attacks by rebels have grown more frequent.", "attacks")


def test_agent_before_a_light_verb_or_a_claim():
    assert ("AGENT", "militia") in arguments("The militia carried out an attack on the depot.", "attack")
    assert ("AGENT", "insurgents") in arguments("The insurgents claimed the attack in a statement.", "attack")


def test_a_participle_clause_takes_the_agent_of_the_main_clause_not_its_object():
    got = arguments("Rebels shelled a police station near the market on Friday, killing four officers.", "killing")
    assert ("AGENT", "Rebels") in got and ("AGENT", "police") not in got


def test_a_passive_subject_or_a_counted_victim_is_not_the_agent():
    got = arguments("At least 12 soldiers and three guards were killed in the raid.", "killed")
    assert not any(role == "AGENT" for role, _ in got)
    got = arguments("Dozens of villagers killed as floods hit the valley", "killed")
    assert ("AGENT", "villagers") not in got


def test_a_killing_caused_by_a_named_attack_takes_its_agent():
    got = arguments("Nine people were killed when rebels attacked the village.", "killed")
    assert ("AGENT", "rebels") in got


def test_subjects_and_object_of_a_meeting_verb_are_participants():
    got = arguments("The foreign minister is due to meet rebel commanders in Geneva.", "meet")
    assert {("PARTICIPANT", "foreign minister"), ("PARTICIPANT", "rebel commanders")} <= got


def test_coordinated_subjects_of_negotiating_are_participants():
    got = arguments("Sudan and Chad have been negotiating a border deal.", "negotiating")
    assert {("PARTICIPANT", "Sudan"), ("PARTICIPANT", "Chad")} <= got


def test_parties_after_a_noun_trigger():
    assert ("PARTICIPANT", "mediators") in arguments("A meeting of mediators was postponed.", "meeting")
    assert ("PARTICIPANT", "tribal elders") in arguments("A truce brokered by tribal elders held overnight.", "truce")


def test_an_actor_containing_the_trigger_is_its_victim():
    assert ("VICTIM", "wounded soldiers") in arguments("The clinic treated 40 wounded soldiers overnight.", "wounded")


def test_the_subject_of_an_intransitive_displacement_or_dying_verb_is_the_victim():
    assert ("VICTIM", "families") in arguments("Some 2,000 families have fled the valley.", "fled")
    assert ("VICTIM", "people") in arguments("Among them were three people who died in the fire.", "died")


def test_a_counted_headline_subject_is_the_victim():
    assert ("VICTIM", "soldiers") in arguments("Three soldiers killed in border ambush", "killed")


def test_coordinated_and_included_victims():
    got = arguments("Four soldiers and several civilians were killed in the raid.", "killed")
    assert {("VICTIM", "soldiers"), ("VICTIM", "civilians")} <= got
    got = arguments("The blast killed at least 14 people, including five children.", "killed")
    assert {("VICTIM", "people"), ("VICTIM", "children")} <= got


def test_the_released_are_the_victims_of_a_release():
    assert ("VICTIM", "soldiers") in arguments("The rebels released three soldiers on Sunday.", "released")


def test_the_subject_of_a_passive_is_not_the_agent_of_an_attack_noun_after_it():
    got = arguments("Four soldiers were killed in the raid.", "raid")
    assert not any(role == "AGENT" for role, _ in got)


def test_a_place_as_the_object_of_the_verb_is_the_place():
    assert ("PLACE", "Kassala") in arguments("Rebel artillery pounded Kassala overnight.", "pounded")
    assert ("PLACE", "Kassala") in arguments("Thousands fled Kassala after the raid.", "fled")


def test_where_the_displaced_went_is_the_place():
    assert ("PLACE", "Kassala") in arguments("The shelling sent families fleeing to Kassala.", "fleeing")


def test_a_place_owning_a_place_or_an_object_owner_is_not_the_place():
    got = arguments("Jets carried out strikes across Sudan’s Darfur region.", "strikes")
    assert ("PLACE", "Darfur") in got and ("PLACE", "Sudan") not in got
    got = arguments("A French envoy met Sudan's foreign minister on Friday.", "met")
    assert ("PLACE", "Sudan") not in got


def test_the_owner_of_an_attacked_object_is_the_target():
    assert ("TARGET", "militia") in arguments("Jets struck militia weapons depots near the river.", "struck")
    assert ("TARGET", "militia") in arguments("Jets hit about 40 militia targets overnight.", "hit")


def test_what_munitions_were_fired_at_is_the_target():
    assert ("TARGET", "army") in arguments("The rebels launched drones at an army base on Friday.", "launched")


def test_the_subject_of_a_passive_attack_verb_is_the_target():
    got = arguments("An army convoy was ambushed on Tuesday.", "ambushed")
    assert ("TARGET", "army") in got and ("AGENT", "army") not in got


def test_the_time_of_a_reporting_verb_is_not_the_events():
    # adjudication decision 15: a time attaches to the event it dates, not to a reporting verb
    got = arguments("The mediator said on Monday that talks would resume.", "talks")
    assert not any(role == "TIME" for role, _ in got)


def test_the_time_of_a_reporting_verb_stays_its_own_after_an_adverb():
    # decision 15: a time right after a reporting verb dates the report, also with an adverb before it
    # (in its span, decision 30: "late on Monday", "earlier this week", "shortly after noon")
    for text in ("The mediator said late on Monday that talks would resume.",
                 "The mediator said earlier this week that talks would resume.",
                 "The mediator announced shortly after noon that talks would resume."):
        got = arguments(text, "talks")
        assert not any(role == "TIME" for role, _ in got), text
    assert ("TIME", "late on Monday") in arguments("Gunmen attacked the town late on Monday.", "attacked")
    assert ("TIME", "shortly after 4 p.m.") in arguments("Gunmen attacked the town shortly after 4 p.m.", "attacked")


def test_a_time_before_an_infinitive_dates_the_verb_before_it():
    got = arguments("The envoy met the minister on Friday to discuss a truce.", "truce")
    assert not any(role == "TIME" for role, _ in got)
    assert ("TIME", "Friday") in arguments("The envoy met the minister on Friday to discuss a truce.", "met")


def test_who_dies_or_is_counted_dead_is_no_agent():
    assert not any(r == "AGENT" for r, _ in arguments("Two soldiers killed as shelling hits border posts", "killed"))
    assert not any(r == "AGENT" for r, _ in arguments("A farmer died in the blast.", "died"))


def test_no_agent_across_a_subordinate_clause_or_from_a_prepositional_object():
    got = arguments("A farmer died when a mortar shell hit his home.", "hit")
    assert ("AGENT", "farmer") not in got
    got = arguments("The army said the number of militants killed could reach 40.", "killed")
    assert ("AGENT", "militants") not in got


def test_a_time_in_a_since_clause_of_its_own_is_not_the_events():
    got = arguments("Hundreds have been displaced since the rebels seized the town in March.", "displaced")
    assert not any(role == "TIME" for role, _ in got)


def test_a_time_before_another_predicate_does_not_date_its_object():
    got = arguments("The war erupted in April and has killed thousands of people.", "killed")
    assert not any(role == "TIME" for role, _ in got)
    got = arguments("Gunmen attacked the town on Monday, killing four people.", "killing")
    assert ("TIME", "Monday") in got


def test_a_clause_about_the_events_own_course_still_dates_it():
    assert ("TIME", "March") in arguments("The siege that began in March has emptied the town.", "siege")


def test_an_agent_after_by_or_since_is_not_a_victim():
    got = arguments("Hundreds have been displaced since the rebels seized the town.", "displaced")
    assert ("VICTIM", "rebels") not in got


def test_an_attack_noun_after_a_killing_shares_its_agent():
    got = arguments("The army said it had killed nine rebels in a counter-offensive.", "counter-offensive")
    assert ("AGENT", "army") in got and ("AGENT", "rebels") not in got


def test_victims_in_an_inclusion_before_or_after_the_trigger():
    got = arguments("Two civilians, including a 12-year-old girl, were killed.", "killed")
    assert {("VICTIM", "civilians"), ("VICTIM", "12-year-old girl")} <= got
    got = arguments("Eleven people were wounded, among them a nurse.", "wounded")
    assert ("VICTIM", "nurse") in got


def test_who_repels_or_responds_to_an_attack_is_not_its_agent():
    got = arguments("The soldiers repelled a ground assault near the dam.", "ground assault")
    assert ("AGENT", "soldiers") not in got
    got = arguments("The soldiers repelled a ground assault and killed nine attackers.", "killed")
    assert ("AGENT", "soldiers") in got


def test_a_place_before_a_conditional_or_modal_is_not_the_later_events():
    got = arguments("Shelters in Kassala could be overwhelmed if the strikes continue.", "strikes")
    assert not any(role == "PLACE" for role, _ in got)
    assert ("PLACE", "Kassala") in arguments("In Kassala, a drone hit the market.", "hit")


def test_the_subject_of_met_is_a_participant_not_an_agent():
    got = arguments("The foreign ministers met in Geneva on Friday.", "met")
    assert ("PARTICIPANT", "foreign ministers") in got and ("AGENT", "foreign ministers") not in got


def test_a_participle_followed_by_by_is_passive():
    got = arguments("A farmer hit by a stray bullet died in hospital.", "hit")
    assert ("TARGET", "farmer") in got and ("AGENT", "farmer") not in got


def test_a_headline_verb_restating_an_attack_noun_gives_its_place():
    assert ("PLACE", "Kassala") in arguments("Army strikes pound Kassala as talks stall", "strikes")


def test_the_owner_of_an_attacked_place_is_the_place():
    assert ("PLACE", "Kassala") in arguments("Rebel artillery pounded Kassala's eastern suburbs.", "pounded")


def test_a_count_before_a_dash_apposition_is_the_quantity():
    got = arguments("Officials say more than 300 families – about 1,500 people – have fled to the coast.", "fled")
    assert {("QUANTITY", "more than 300 families"), ("QUANTITY", "about 1,500 people")} <= got


def test_an_included_victim_after_the_trigger_with_a_modifier_after_it():
    assert ("VICTIM", "nurse") in arguments("Eleven people were wounded, among them a nurse at the clinic.", "wounded")


def test_a_partitive_count_after_the_trigger_and_a_duration_within():
    got = arguments("The ministry said 40 people were injured, 12 of them seriously.", "injured")
    assert ("QUANTITY", "12") in got  # the FIGURE of a pronoun partitive is the number (decision 25)
    got = arguments("The council ordered the militias to withdraw to their bases within 72 hours.", "withdraw")
    assert ("QUANTITY", "72 hours") in got


def test_a_duration_of_an_infinitive_after_the_trigger_is_not_its_quantity():
    got = arguments("The rebels warned residents to leave within 24 hours.", "warned")
    assert not any(role == "QUANTITY" for role, _ in got)


def test_a_coordinated_place_needs_no_preposition_of_its_own():
    got = arguments("Jets struck targets in northern Sudan and the Nuba Mountains on Monday.", "struck")
    assert {("PLACE", "northern Sudan"), ("PLACE", "Nuba Mountains")} <= got


def test_an_attack_instrument_after_with_is_its_quantity():
    got = arguments("Rebel fighters attacked the convoy with three rockets on Monday.", "attacked")
    assert ("QUANTITY", "three rockets") in got


def test_a_distance_placing_the_event_is_no_quantity():
    got = arguments("The tanker was attacked 40 miles east of the port on Monday.", "attacked")
    assert not any(r == "QUANTITY" for r, _ in got)


def test_a_counted_subject_before_a_participle_phrase_is_the_quantity():
    got = arguments("Hundreds of families living along the river have fled.", "fled")
    assert ("QUANTITY", "Hundreds of families") in got
    got = arguments("Dozens of people sheltering in the school were killed on Monday.", "killed")
    assert ("QUANTITY", "Dozens of people") in got


def test_an_active_perfect_after_a_participle_phrase_takes_no_victim_count():
    got = arguments("Hundreds of fighters storming the town have killed a doctor.", "killed")
    assert not any(r == "QUANTITY" for r, _ in got)


def test_a_sentence_begins_after_a_dateline_dash():
    got = arguments("KANO – Gunmen on motorcycles attacked a village on Monday, killing 12 people.", "attacked")
    assert ("AGENT", "Gunmen") in got
    got = arguments("GAO, Mali — Soldiers shelled a camp near the town.", "shelled")
    assert ("AGENT", "Soldiers") in got


def test_a_participle_clause_shares_the_place_and_time_of_the_main_event():
    got = arguments("Rebels shelled a camp near Kassala on Monday, when the army was away, killing four people.", "killing")
    assert {("PLACE", "Kassala"), ("TIME", "Monday")} <= got


def test_an_appositive_region_after_a_town_is_a_place_too():
    got = arguments("A drone strike hit a clinic in Tyre, in southern Lebanon, on Saturday, killing three medics.", "killing")
    assert {("PLACE", "Tyre"), ("PLACE", "southern Lebanon")} <= got



def test_who_orders_people_to_leave_is_the_agent_and_they_the_victims():
    """Invented sentence: "X ordered Y to leave" (DISPLACEMENT): X the AGENT, Y the VICTIM."""
    roles = arguments("The army ordered villagers to leave before dawn.", "leave")
    assert {("VICTIM", "villagers"), ("AGENT", "army")} <= roles


def test_who_signs_or_negotiates_a_deal_is_its_participant():
    """Invented sentences: the subject of signing or negotiating a deal is a PARTICIPANT."""
    assert ("PARTICIPANT", "Sudan") in arguments("Sudan and Chad signed a peace accord in Doha.", "peace accord")
    assert ("PARTICIPANT", "Chad") in arguments("Sudan and Chad signed a peace accord in Doha.", "peace accord")


def test_who_did_not_sign_a_deal_is_no_participant():
    """Invented sentence: a group that did not sign a deal is not its party."""
    assert ("PARTICIPANT", "Sudan") in arguments("Sudan, which signed the 2015 peace accord, rejected the vote.",
                                                 "peace accord")
    assert not any(r == "PARTICIPANT" for r, _ in arguments("Sudan, which did not sign the 2015 peace accord, "
                                                            "rejected the vote.", "peace accord"))


def test_a_pronoun_partitive_counts_the_victims_of_the_verb_after_it():
    got = arguments("About 20 attackers took part, and two of them were killed.", "killed")
    assert ("QUANTITY", "two") in got
    got = arguments("It said 20 attackers took part and that “several” of them had been wounded.", "wounded")
    assert ("QUANTITY", "several") in got


def test_a_hedged_count_goes_with_the_count_it_revises():
    got = arguments("She heard “three blasts, maybe four” before midnight.", "blasts")
    assert {("QUANTITY", "three blasts"), ("QUANTITY", "four")} <= got


def test_a_scare_quoted_verb_keeps_its_agent_and_target():
    assert ("TARGET", "police") in arguments('The group said its fighters had "punished" the police.', "punished")
    assert ("AGENT", "Rebels") in arguments('Rebels had "attacked" the convoy at dawn.', "attacked")


def test_a_relative_clause_of_lasting_measures_the_event():
    got = arguments("Six policemen were killed in a gunfight that lasted nearly three hours.", "gunfight")
    assert ("QUANTITY", "nearly three hours") in got


def test_an_armed_response_has_its_subject_as_agent():
    assert ("AGENT", "Indian troops") in arguments('Officials said Indian troops "responded effectively".', "responded")
