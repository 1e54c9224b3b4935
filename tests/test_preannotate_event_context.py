"""EVENT triggers that depend on their neighbours (events._context_trigger) and the
fixed phrases and compounds added for unseen articles: people leaving their homes, evacuations
that are not medical, arson, burns, "opened fire"-type phrases, "peace" compounds (scheme
decision 6). Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate.events import find_events


def events(text):
    return [(e.text, e.label) for e in find_events(text)]


@pytest.mark.parametrize("text, expected", [
    ("The governor told farmers to leave before the floods.", [("leave", "DISPLACEMENT")]),
    ("Most villagers have left since the shelling began.", [("left", "DISPLACEMENT"), ("shelling", "ATTACK")]),
    ("Hundreds of families left their farms last week.", [("left", "DISPLACEMENT")]),
    ("“We left with only our clothes,” she said.", [("left", "DISPLACEMENT")]),
    ("The mayor left the meeting early.", [("meeting", "MEETING")]),
    ("The blast left three people dead.", [("blast", "ATTACK"), ("dead", "KILLING")]),  # a toll, no leaving
    ("The minister will leave office in May.", []),
])
def test_leaving_is_displacement_only_for_people_leaving_homes_or_places(text, expected):
    assert events(text) == expected


def test_armed_actors_leaving_a_place_withdraw():
    assert events("The insurgents left Marbella after a week.") == [("left", "WITHDRAWAL")]


@pytest.mark.parametrize("text, expected", [
    ("Police evacuated two coastal villages overnight.", [("evacuated", "DISPLACEMENT")]),
    ("No evacuation was ordered for the island.", [("evacuation", "DISPLACEMENT")]),
    ("Paramedics evacuated him to a hospital in the capital.", []),
])
def test_evacuations_displace_people_unless_medical(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Raiders torched a granary and burned four lorries.", [("torched", "ATTACK"), ("burned", "ATTACK")]),
    ("The candle burned slowly.", []),
    ("A boy was treated for burns.", [("burns", "INJURY")]),
    ("The sun burns hot in July.", []),
])
def test_arson_is_an_attack_and_burns_an_injury(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen opened fire on a minibus.", [("opened fire", "ATTACK")]),
    ("The patrol returned fire.", [("returned fire", "ATTACK")]),
    ("Guards traded fire with smugglers.", [("traded fire", "CONFLICT")]),
    ("Masked men shot dead a shopkeeper.", [("shot dead", "KILLING")]),
    ("Soldiers shot at a car near the gate.", [("shot at", "ATTACK")]),
])
def test_fire_and_shooting_phrases_keep_their_verb(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Both parties signed a peace accord in Geneva.", [("peace accord", "AGREEMENT")]),
    ("The peace talks resumed on Friday.", [("peace talks", "NEGOTIATION")]),
    ("The guard had gunshot wounds to the leg.", [("gunshot wounds", "INJURY")]),
])
def test_compound_modifiers_naming_the_event_stay_in_the_trigger(text, expected):
    assert events(text) == expected


def test_an_evacuation_centre_is_a_place_not_an_event():
    assert events("Hundreds slept in an evacuation centre near the school.") == []


def test_casualties_are_an_injury_event():
    assert events("The navy reported no casualties.") == [("casualties", "INJURY")]


@pytest.mark.parametrize("text, expected", [
    ("A missile launched from the coast slammed into a hotel.", [("slammed", "ATTACK")]),
    ("A lorry slammed into a bus shelter.", []),
])
def test_slamming_into_something_is_an_attack_after_a_munition(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The militia warned that it would shell the airport.", [("warned", "THREAT"), ("shell", "ATTACK")]),
    ("The navy warned that its ships could strike any vessel.", [("warned", "THREAT"), ("strike", "ATTACK")]),
    ("Engineers warned that the old bridge could collapse.", []),
    ("Economists warned that renewed fighting could slow exports.", [("fighting", "CONFLICT")]),
])
def test_warned_that_is_a_threat_only_when_the_warner_announces_force(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a killing told by its toll: a leave verb, a number, then "dead"
    ("Night of riots leaves 12 dead", [("dead", "KILLING")]),
    ("The siege ended, leaving at least nine guards dead.", [("siege", "CONFLICT"), ("dead", "KILLING")]),
    ("Among the dead were two children.", []),
])
def test_left_n_dead_is_a_killing(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the nominalised participle names the people, not their injury
    ("The wounded were flown to the capital.", []),
    ("Two of the wounded died later.", [("died", "KILLING")]),
    ("Six soldiers were wounded.", [("wounded", "INJURY")]),
])
def test_the_wounded_is_no_injury_event(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a munition noun names no event: the verb of its impact or launch is the trigger
    ("A mortar shell hit their home.", [("hit", "ATTACK")]),
    ("Insurgents planted two car bombs.", []),
    ("Jets dropped more than 400 guided bombs.", [("dropped", "ATTACK")]),
    ("Shells fall on the hills every night.", [("fall", "ATTACK")]),
    # ... but the verb "shell"/"bomb" after its subject is one
    ("Russia shells Kharkiv again.", [("shells", "ATTACK")]),
    ("Rebels vowed to shell the airport.", [("vowed", "THREAT"), ("shell", "ATTACK")]),
])
def test_munition_nouns_and_verbs(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The convoy came under fire from a ridge.", [("fire", "ATTACK")]),
    ("The minister came under fire for his remarks.", []),
    ("Residents heard shooting and gunfire overnight.", [("shooting", "ATTACK"), ("gunfire", "CONFLICT")]),
    ("Troops were shooting down drones.", [("shooting down", "INTERCEPTION")]),
])
def test_fire_shooting_and_gunfire(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The fighting has forced more than 12,000 people from villages around Yei.",
     [("fighting", "CONFLICT"), ("forced", "DISPLACEMENT")]),
    ("The violence has driven thousands from their homes.", [("violence", "CONFLICT"), ("driven", "DISPLACEMENT")]),
    ("The fire forced the crew to abandon ship.", []),
    ("He was driven to a hospital.", []),
])
def test_people_forced_from_their_homes_are_displaced(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Envoys pushed for a 21-day pause in fighting.", [("pause", "AGREEMENT"), ("fighting", "CONFLICT")]),
    ("The army ruled out a pause in operations.", []),
    ("A ground offensive there could cause a bloodbath.", [("ground offensive", "ATTACK")]),
    ("Two police officers died in a gunfight.", [("died", "KILLING"), ("gunfight", "CONFLICT")]),
    ('Its fighters had "punished" the police.', [("punished", "ATTACK")]),
    ("Investigators sealed off the blast site.", []),
])
def test_truce_pauses_ground_compounds_gunfights_and_punishment(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Israeli officials said troops will enter Rafah.", [("enter", "ATTACK")]),
    ("An average of 189 trucks a day entered Gaza.", []),  # no armed actor: no incursion
    ("Soldiers entered the wing before dawn.", []),  # no place taken in war
    ("The militants overran an army base.", [("overran", "ATTACK")]),
    ("The attackers detonated two car bombs.", [("detonated", "ATTACK")]),
    ("The device, hidden in a drainage pipe, exploded under their truck.", [("exploded", "ATTACK")]),
    ("If the depot had exploded, the town would have burned.", []),
])
def test_incursions_overrunning_and_explosive_devices(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The fund released $2 million for clinics.", []),
    ("Hamas released two hostages.", [("released", "RELEASE")]),
    ("Families here were hosting evacuees from the north.", []),
    ("According to the conflict monitor ACLED, 31 people died.", [("died", "KILLING")]),
])
def test_money_shelter_and_monitors_are_no_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They were escorting a tanker when the bomb went off.", [("went off", "ATTACK")]),
    ("The launch went off without a hitch.", []),
    ('Border forces had "responded in kind" to the shelling.', [("responded", "ATTACK"), ("shelling", "ATTACK")]),
    ("The ministry responded to questions.", []),
    ("Baghdad summoned the Turkish chargé d'affaires.", [("summoned", "MEETING")]),
    ("The court summoned two witnesses.", []),
    ("Houses in three hamlets were set on fire overnight.", [("set on fire", "ATTACK")]),
    ("A car bombing in the capital killed four.", [("car bombing", "ATTACK"), ("killed", "KILLING")]),
])
def test_explosions_armed_responses_summonses_and_arson(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 300 people have left rural hamlets around Xoro since March.", [("left", "DISPLACEMENT")]),
    ("Dozens of households had left two settlements near the quarry.", [("left", "DISPLACEMENT")]),
    ("Half the nurses had left the south.", [("left", "DISPLACEMENT")]),
    ("Many old residents refused to leave or hid in cellars.", [("leave", "DISPLACEMENT")]),
    ("Hundreds more have left on foot.", [("left", "DISPLACEMENT")]),
    ("If the troops leave, we leave too.", [("leave", "WITHDRAWAL"), ("leave", "DISPLACEMENT")]),
    ("He left the Senate in 2010.", []),
])
def test_leaving_a_place_after_modifiers_or_at_a_clause_end(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text", [
    "Three passengers were treated for cuts and released on Friday.",
    "The injured driver was released from hospital a day later.",
])
def test_patients_released_from_care_are_no_release_event(text):
    assert "RELEASE" not in [e[1] for e in events(text)]


def test_captives_released_stay_a_release_event():
    assert "RELEASE" in [e[1] for e in events("The militia released four abducted teachers on Friday.")]


@pytest.mark.parametrize("text, trigger", [
    ("A guard was hit in the chest by a stray round.", "hit"),
    ("The herder was shot in the leg near the well.", "shot"),
    ("Bandits robbed the bus, shooting a passenger in the arm.", "shooting"),
])
def test_a_wound_placed_on_the_body_is_an_injury(text, trigger):
    assert (trigger, "INJURY") in events(text)


def test_a_strike_on_a_building_stays_an_attack():
    assert ("hit", "ATTACK") in events("A shell hit a clinic in the town centre.")


@pytest.mark.parametrize("text, expected", [
    ("Rangers warned hikers that the trail was unsafe.", []),
    ("The militia warned villagers that it would attack the depot.", [("warned", "THREAT"), ("attack", "ATTACK")]),
])
def test_warning_someone_of_a_danger_is_no_threat(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text", [
    "The drivers' union threatened a week-long protest march in the capital.",
    "Two ministers threatened to resign over the budget.",
    "Smugglers who threaten the stability of the region will be punished.",
])
def test_threats_of_no_force_are_no_threat_event(text):
    assert "THREAT" not in [e[1] for e in events(text)]


def test_threats_of_force_stay_threats():
    assert ("threatened", "THREAT") in events("The rebels threatened new attacks on the port.")
    assert ("threatened", "THREAT") in events("Gunmen threatened the nurses at the clinic.")


@pytest.mark.parametrize("text, expected", [
    ("Farmers demanded the withdrawal of mining firms from the valley.", []),
    ("Protesters will march unless the decree is withdrawn.", []),
    ("The talks covered the withdrawal of foreign troops.", [("talks", "NEGOTIATION"), ("withdrawal", "WITHDRAWAL")]),
    ("Tanks were withdrawn from the ridge overnight.", [("withdrawn", "WITHDRAWAL")]),
])
def test_withdrawing_a_thing_is_no_pull_back_of_forces(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The closures are hurting trade in the old town.", []),
    ("Four miners were hurt when the wall collapsed.", [("hurt", "INJURY")]),
    ("Only three clinics meet the minimum standards.", []),
    ("A storm damaged the power lines.", []),
    ("Gunmen storm a police post near the border.", [("storm", "ATTACK")]),
])
def test_harm_to_things_measures_and_weather_are_no_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The raiders burned at least 30 huts.", [("burned", "ATTACK")]),
    ("They stopped the lorry and burned it.", [("burned", "ATTACK")]),
    ("Dozens of shops have been burned or looted.", [("burned", "ATTACK")]),
    ("The blaze burned some 200 hectares of forest.", []),
    ("Without rain, the whole valley would have burned.", []),
])
def test_arson_burned_with_its_object_or_in_the_passive(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police freed nine miners held by a gang.", [("freed", "RELEASE")]),
    ("The plan would see 20 captives freed next week.", [("freed", "RELEASE")]),
    ("Readers get five free articles a month.", []),
])
def test_freed_captives_named_before_or_held_after(text, expected):
    assert events(text) == expected


def test_warning_that_a_place_is_a_target_is_a_threat():
    assert ("warned", "THREAT") in events('The militia warned that "every checkpoint in the valley is a target."')
    assert "THREAT" not in [e[1] for e in events("Engineers warned that the old bridge could collapse.")]


def test_destroying_a_group_as_an_aim_is_an_attack():
    assert ("eliminated", "ATTACK") in events("The offensive will go on until the militia is eliminated.")
    assert ("eliminated", "KILLING") in events("The commander was eliminated in a drone strike.")
