"""EVENT trigger rules added for unseen articles: the verb next to a munition noun is the
trigger, "targets"/"seized" only as attack verbs, armed actors that flee withdraw, downed drones
are interceptions, brokered talks are negotiations, phrase triggers behind lexicon words.
Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate.events import BUILTIN_LEXICON, find_events


def events(text):
    return [(e.text, e.label) for e in find_events(text)]


@pytest.mark.parametrize("text, expected", [
    ("Two mortar shells fell near the clinic.", [("fell", "ATTACK")]),
    ("Rockets landed in a field outside the town.", [("landed", "ATTACK")]),
    ("Helicopters dropped bombs on the market.", [("dropped", "ATTACK")]),
    ("Prices fell sharply in March.", []),
])
def test_the_verb_beside_a_munition_noun_is_the_trigger(text, expected):
    assert events(text) == expected


def test_targets_as_a_noun_is_not_an_event():
    assert events("Warplanes struck targets near the port.") == [("struck", "ATTACK")]
    assert events("The group says it targets only soldiers.") == [("targets", "ATTACK")]


def test_seizing_is_an_attack_only_when_a_place_is_taken():
    assert events("The colonels seized power in 2021.") == []
    assert events("Police seized weapons at the checkpoint.") == []
    assert events("Rebels seized the town on Friday.") == [("seized", "ATTACK")]


def test_armed_actors_that_flee_withdraw_and_civilians_are_displaced():
    assert events("The gunmen fled into the forest.") == [("fled", "WITHDRAWAL")]
    assert events("Families fled into the forest.") == [("fled", "DISPLACEMENT")]


def test_downed_drones_are_an_interception():
    assert events("Air defences destroyed 14 drones over the capital.") == [("destroyed", "INTERCEPTION")]
    assert events("Troops destroyed a drone workshop.") == [("destroyed", "ATTACK")]


def test_brokered_talks_are_a_negotiation():
    assert events("Egypt-brokered talks resumed in Cairo.") == [("talks", "NEGOTIATION")]
    assert events("Egypt-brokered talks between Hamas and Israel resumed.") == [("talks", "NEGOTIATION")]


def test_talks_are_a_meeting_only_between_named_parties():
    assert events("Talks between Kinshasa and Kigali opened on Monday.") == [("Talks", "MEETING")]
    assert events("The talks would not go ahead.") == [("talks", "NEGOTIATION")]
    assert events("The government suspended talks with the rebels.") == [("talks", "NEGOTIATION")]


def test_phrase_trigger_starting_with_a_lexicon_word():
    assert events("They repelled a ground assault overnight.") == [("ground assault", "ATTACK")]


@pytest.mark.parametrize("text, expected", [
    # decision 6: an attack noun and the verb that tells it are one event, the noun
    ("Israeli strikes hit villages near the border.", [("strikes", "ATTACK")]),
    ("He said two air strikes had hit his street.", [("air strikes", "ATTACK")]),
    ("The group said it fired a salvo of rockets at a base.", [("salvo", "ATTACK")]),
    ("A barrage of rockets fired from the hills set fields alight.", [("barrage", "ATTACK")]),
    # a coordinated verb is an event of its own
    ("They mounted an attack and destroyed a tank.", [("attack", "ATTACK"), ("destroyed", "ATTACK")]),
])
def test_attack_noun_and_its_verb_are_one_event(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Warning shots were fired at a group of farmers.", [("Warning shots", "ATTACK")]),
    ("We heard the first shots and then the mortars.", [("shots", "ATTACK")]),
    ("Police fired shots in the air.", [("shots", "ATTACK")]),
    ("The two sides exchanged shots overnight.", [("exchanged shots", "CONFLICT")]),
])
def test_shots_are_an_attack_and_exchanged_shots_a_conflict(text, expected):
    assert events(text) == expected


def test_a_name_after_a_number_or_quantifier_modifies_the_noun_targets():
    assert events("Jets hit about 60 Rebel targets near the dam.") == [("hit", "ATTACK")]
    assert events("The navy shelled several other Militia targets.") == [("shelled", "ATTACK")]
    assert events("Hamas targets towns near the fence.") == [("targets", "ATTACK")]


def test_fires_as_blazes_are_no_shooting():
    lexicon = dict(BUILTIN_LEXICON)
    lexicon[("fires",)] = ("ATTACK", 0.6)
    assert find_events("Firemen counted the fires along the valley.", lexicon) == []
    assert find_events("Missile fires scorch the wheat fields.", lexicon) == []
    assert [e.text for e in find_events("The battery fires shells at the ridge.", lexicon)] == ["fires"]


def test_fighting_a_war_is_one_conflict_the_noun():
    assert events("The movement has fought a decades-long insurgency in the hills.") == [("insurgency", "CONFLICT")]
    assert events("Rebels fought the army for hours.") == [("fought", "CONFLICT")]


def test_people_pulled_out_are_rescued_not_withdrawn():
    assert events("Neighbours pulled out two children from the rubble.") == []
    assert events("The drivers were pulled out and beaten.") == []
    assert events("The troops pulled out of the valley.") == [("pulled out", "WITHDRAWAL")]


def test_a_trigger_word_inside_an_institution_name_is_no_event():
    assert events("Aid came from the Regional Disaster Response Fund, officials said on Monday.") == []
    assert ("Strikes", "ATTACK") in events("Navy Strikes Hit Port")


def test_a_munition_fired_and_its_landing_are_one_attack():
    assert events("A shell fired from the hills slammed into a school.") == [("fired", "ATTACK")]
    assert events("A drone launched from the coast crashed into a depot.") == [("crashed", "ATTACK")]


@pytest.mark.parametrize("text, expected", [
    ("\"Nobody talks to the farmers,\" she said.", []),
    ("The street looked like a battlefield, then it went quiet.", []),
    ("It sounded like war all night.", []),
    ("Police and rebels gave clashing accounts of the raid.", [("raid", "ATTACK")]),
    ("Investigators mapped three firing positions above the road.", []),
    ("The navy bought six attack boats.", []),
    ("Herders and farmers were clashing near the well.", [("clashing", "CONFLICT")]),
])
def test_verbs_comparisons_and_modifiers_that_name_no_event(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The blast struck a van carrying guards.", [("blast", "ATTACK")]),
    ("Artillery strikes pound the ridge as talks stall.", [("strikes", "ATTACK"), ("talks", "NEGOTIATION")]),
    ("The army pounds rebel positions.", [("pounds", "ATTACK")]),
])
def test_an_explosion_or_strike_noun_and_its_verb_are_one_attack(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A normal trip takes the crew two days.", []),
    ("The minister's trip to the border was cancelled.", [("trip", "MEETING")]),
    ("Investigators called it a revenge killing.", [("revenge killing", "KILLING")]),
    ("Traders paid a war tax to the militia.", []),
])
def test_journeys_of_no_party_and_compounds_of_kind(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The council will vote on a proposal to double the school budget.", []),
    ("Envoys pushed a proposal for a 30-day truce.", [("proposal", "NEGOTIATION"), ("truce", "AGREEMENT")]),
    ("The police launched targeted operations against smugglers.", []),
])
def test_proposals_about_no_deal_and_targeted_as_an_adjective(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Crews battled wildfires near the coast for a third day.", []),
    ("The widow began a court battle over the land.", []),
    ("Militiamen battled soldiers near the bridge.", [("battled", "CONFLICT")]),
    ("Any incursion will be met with force, the general said.", [("incursion", "ATTACK")]),
    ("The delegation was met by the governor.", [("met", "MEETING")]),
])
def test_fights_with_no_enemy_and_reactions_met_with_are_no_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The army gave no count of the missiles launched.", [("launched", "ATTACK")]),
    ("Officials said the drone was launched from the coast.", [("launched", "ATTACK")]),
    ("A drone launched from the coast hit a warehouse.", [("hit", "ATTACK")]),
])
def test_munitions_launched_told_after_their_noun(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A landmine blast wrecked the truck.", [("landmine blast", "ATTACK")]),
    ("Rocket hit on depot cuts fuel supply", [("Rocket hit", "ATTACK")]),
    ("A rocket hit the depot.", [("hit", "ATTACK")]),
    ("Visitors walk through the old battle sites.", []),
])
def test_explosion_nouns_keep_their_munition_modifier(text, expected):
    assert events(text) == expected


def test_legal_or_industrial_action_is_no_attack():
    lexicon = dict(BUILTIN_LEXICON)
    lexicon[("action",)] = ("ATTACK", 0.85)
    assert "ATTACK" not in [e.label for e in find_events("The union called industrial action over pay.", lexicon)]
    assert "ATTACK" not in [e.label for e in find_events("The families began legal action against the firm.", lexicon)]
    assert "ATTACK" in [e.label for e in find_events("The army is ready to take action against the militia.", lexicon)]


@pytest.mark.parametrize("text", [
    "Bus drivers went on strike on Monday.",
    "The unions called a general strike for Friday.",
    "A strike by dock workers halted exports.",
])
def test_a_stoppage_of_work_is_no_attack(text):
    assert "ATTACK" not in [e[1] for e in events(text)]


def test_a_military_strike_stays_an_attack():
    assert ("strike", "ATTACK") in events("A strike on the depot killed two guards.")


@pytest.mark.parametrize("text", [
    "A seat on the bus now costs 90,000 Syrian pounds.",
    "The parcel weighed twelve pounds.",
    "Donors pledged two million pounds sterling.",
])
def test_pounds_as_money_or_weight_is_no_attack(text):
    assert "ATTACK" not in [e[1] for e in events(text)]


def test_pound_as_a_verb_stays_an_attack_and_feuds_and_murders_are_events():
    assert ("pounds", "ATTACK") in events("Heavy artillery pounds the hill villages every night.")
    assert ("feud", "CONFLICT") in events("A clan feud over grazing land has left nine dead.")
    assert ("murders", "KILLING") in events("The murders of two teachers closed the school.")


def test_a_country_pounding_a_city_stays_an_attack():
    assert ("pounds", "ATTACK") in events("Russia pounds Kharkiv with drones overnight.")
