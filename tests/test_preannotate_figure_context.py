"""FIGURE rules that read the context of a number: elided nouns, rates, quoted counted nouns,
space-grouped thousands, pronoun ``no one``, coordinated ``one``, person nouns. Sentences are
invented for these tests."""

import pytest

from newscorpus.preannotate.figures import find_figures, is_person_noun


def figs(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("The ferry carried 3 200 passengers.", ("3 200 passengers", 3200, "EXACT", "passenger", "PEOPLE")),
    ("Floods have cut off about 12 500 households.", ("about 12 500 households", 12500, "APPROXIMATE", "household", "PEOPLE")),
    ("A fund of 1 000 000 euros was set up.", ("1 000 000 euros", 1_000_000, "EXACT", "euro", "OTHER")),
    ("Rebels fired 1\u00a0500 shells.", ("1\u00a0500 shells", 1500, "EXACT", "shell", "MUNITIONS")),
])
def test_thousands_grouped_by_spaces_are_one_number(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("In 2019 300 families left the valley.", [("300 families", 300, "EXACT", "family", "PEOPLE")]),
    ("The road runs 12 100.5 km.", [("100.5 km", 100.5, "EXACT", "km", "DISTANCE")]),
])
def test_a_year_or_a_decimal_is_no_thousands_group(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", ["A shell hit the market but no one was hurt.", "No one was killed in the blast."])
def test_no_one_is_a_pronoun_not_a_count(text):
    assert figs(text) == []


def test_hits_count_munitions_but_a_singular_hit_is_a_verb():
    assert figs("The depot took nearly 40 hits in a week.") == [("nearly 40 hits", 40, "APPROXIMATE", "hit", "MUNITIONS"),
                                                                ("a week", 1, "EXACT", "week", "DURATION")]
    assert figs("Two shells were fired and one hit the clinic.") == [("Two shells", 2, "EXACT", "shell", "MUNITIONS")]


@pytest.mark.parametrize("text, expected", [
    ("Clinics saw 400 patients a day last winter.", [("400 patients", 400, "EXACT", "patient", "PEOPLE")]),
    ("Crossings fell to about 900 a day earlier this year, from 3,000 people.",
     [("3,000 people", 3000, "EXACT", "person", "PEOPLE")]),
])
def test_a_unit_of_time_after_a_number_is_a_rate(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 5,000 people crossed on Monday, up from about 1,800 on Sunday.",
     [("Some 5,000 people", 5000, "APPROXIMATE", "person", "PEOPLE"), ("about 1,800", 1800, "APPROXIMATE", "person", "PEOPLE")]),
    ("Officials counted 40 drones. The navy put the number at nearly 55, most of them downed at sea.",
     [("40 drones", 40, "EXACT", "drone", "MUNITIONS"), ("nearly 55", 55, "APPROXIMATE", "drone", "MUNITIONS")]),
    ("The camp holds 900 refugees, out of 2,000 registered in the province.",
     [("900 refugees", 900, "EXACT", "refugee", "PEOPLE"), ("2,000", 2000, "EXACT", "refugee", "PEOPLE")]),
])
def test_an_elided_noun_takes_the_unit_of_the_count_before_it(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", [
    "The minister, aged over 60, resigned.",
    "Prices rose by more than 12 in a month.",
    "Talks were held on the 3 000-year-old site with about 40 attending.",
])
def test_a_bare_number_with_no_count_before_it_or_an_age_is_no_figure(text):
    assert [f for f in figs(text) if f[0] in ("over 60", "more than 12", "about 40")] == []


@pytest.mark.parametrize("text, expected", [
    ("The police said they had “arrested” six “protesters” overnight.", ("six", 6, "EXACT", "protester", "PEOPLE")),
    ('The statement said troops "neutralised" nine "bandits" near the river.', ("nine", 9, "EXACT", "bandit", "CASUALTIES")),
])
def test_a_counted_noun_opening_a_quotation_stays_outside_the_figure(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The clinic has three nurses and one old ambulance.",
     [("three nurses", 3, "EXACT", "nurse", "PEOPLE"), ("one old ambulance", 1, "EXACT", "ambulance", "OTHER")]),
    ("Four trucks and one tanker arrived.",
     [("Four trucks", 4, "EXACT", "truck", "OTHER"), ("one tanker", 1, "EXACT", "tanker", "OTHER")]),
    ("Two cranes stood and one fell over.", [("Two cranes", 2, "EXACT", "crane", "OTHER")]),
    ("They weighed one option and one plan.", []),
])
def test_one_answering_a_count_is_a_second_figure(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("word, person", [
    ("surgeon", True), ("anaesthetist", True), ("pedestrian", True), ("technician", True),
    ("checklist", False), ("generator", False), ("assist", False),
])
def test_person_nouns(word, person):
    assert is_person_noun(word) is person


def test_a_count_of_surgeons_is_people():
    assert figs("Only four surgeons remain at the hospital.") == [("four surgeons", 4, "EXACT", "surgeon", "PEOPLE")]


@pytest.mark.parametrize("text, expected", [
    ("Hundreds at the border\nThe crossing reopened on Friday.", [("Hundreds", 100, "APPROXIMATE", "person", "PEOPLE")]),
    ("Dozens were detained after the march.", [("Dozens", 24, "APPROXIMATE", "person", "PEOPLE")]),
    ("Hundreds were killed in the siege.", [("Hundreds", 100, "APPROXIMATE", "person", "CASUALTIES")]),
])
def test_a_vague_plural_opening_a_sentence_alone_counts_people(text, expected):
    assert figs(text) == expected


def test_a_number_opening_a_sentence_alone_counts_what_the_last_one_did():
    assert figs("Militants launched six drones. Four were jammed and two crashed.") == [
        ("six drones", 6, "EXACT", "drone", "MUNITIONS"), ("Four", 4, "EXACT", "drone", "MUNITIONS")]


def test_a_number_opening_a_sentence_with_no_count_before_it_is_no_figure():
    assert figs("Two said they would stay.") == []


def test_a_second_vague_count_after_and_is_its_own_figure():
    assert figs("Four soldiers and several civilians were killed.") == [
        ("Four soldiers", 4, "EXACT", "soldier", "CASUALTIES"), ("several civilians", 3, "APPROXIMATE", "civilian", "CASUALTIES")]


def test_a_number_opening_a_sentence_before_an_irregular_past_form_counts_the_last_count():
    assert figs("Five rockets were fired at the port. Two fell in open ground.") == [
        ("Five rockets", 5, "EXACT", "rocket", "MUNITIONS"), ("Two", 2, "EXACT", "rocket", "MUNITIONS")]


def test_an_elided_count_goes_on_through_a_later_mention_of_its_noun():
    text = ("Militants fired 20 rockets at the port. The blast wounded four people, medics said. "
            "Most of the rockets were intercepted. Two fell in open ground.")
    assert figs(text)[-1] == ("Two", 2, "EXACT", "rocket", "MUNITIONS")


@pytest.mark.parametrize("text", ["Millions in aid were pledged.", "Thousands in cash was seized at the border."])
def test_a_vague_plural_before_an_amount_of_money_is_no_count_of_people(text):
    assert [f for f in figs(text) if f[3] == "person"] == []


@pytest.mark.parametrize("text, expected", [
    ("A driver died and at least five marshals were injured near the stadium.",
     ("at least five marshals", 5, "AT_LEAST", "marshal", "CASUALTIES")),
    ("Four wardens had been badly hurt in the blast.", ("Four wardens", 4, "EXACT", "warden", "CASUALTIES")),
])
def test_a_counted_plural_hurt_in_a_passive_counts_casualties(text, expected):
    assert expected in figs(text)


def test_a_counted_plural_damaged_in_a_passive_stays_other():
    assert figs("Three lorries were damaged on the bridge.") == [("Three lorries", 3, "EXACT", "lorry", "OTHER")]


@pytest.mark.parametrize("text, expected", [
    ("The militia said it had lost nine fighters near the dam.", ("nine fighters", 9, "EXACT", "fighter", "CASUALTIES")),
    ("The battalion lost at least 30 soldiers in a week.", ("at least 30 soldiers", 30, "AT_LEAST", "soldier", "CASUALTIES")),
])
def test_people_a_side_lost_are_casualties(text, expected):
    assert expected in figs(text)


@pytest.mark.parametrize("text, word", [
    ("The army cleared the camp, but aid groups say hundreds have returned since spring.", "hundreds"),
    ("About 500 people moved, and thousands more have left on their own.", "thousands"),
])
def test_a_bare_vague_plural_doing_an_act_in_the_perfect_counts_people(text, word):
    assert (word, {"hundreds": 100, "thousands": 1000}[word], "APPROXIMATE", "person", "PEOPLE") in figs(text)


def test_a_bare_vague_plural_before_a_perfect_passive_is_left():
    assert figs("He said thousands had been spent on the repairs.") == []


def test_a_part_of_a_bare_count_runs_to_the_head_and_nests_the_count():
    assert figs("In the valley, six of 25 clinics have shut.") == [
        ("six of 25 clinics", 6, "EXACT", "clinic", "OTHER"), ("25 clinics", 25, "EXACT", "clinic", "OTHER")]


@pytest.mark.parametrize("text", [
    "Five Ngoni, among them a young girl, were killed on Sunday.",
    "Five Ngoni killed as raiders storm a hamlet",
])
def test_a_count_of_a_named_people_without_plural_ending_harmed_is_casualties(text):
    assert ("Five Ngoni", 5, "EXACT", "ngoni", "CASUALTIES") in figs(text)


def test_a_count_of_a_named_people_not_harmed_is_left():
    assert figs("Five Ngoni visited the capital.") == []


@pytest.mark.parametrize("text, span", [
    ("Bandits stopped the bus on Friday, shooting two passengers in the legs.", "two passengers"),
    ("A man stabbed three guards at the gate before he was held.", "three guards"),
])
def test_people_a_harm_verb_takes_as_object_are_casualties(text, span):
    assert (span, "CASUALTIES") in [(t, label) for t, _, _, _, label in figs(text)]


def test_a_thing_shot_is_no_casualty():
    assert ("two films", "OTHER") in [(t, label) for t, _, _, _, label in figs("The crew shot two films in the camp last year.")]


@pytest.mark.parametrize("text, span", [
    ("Two teachers and a pupil were among the dead, the mayor said.", "Two teachers"),
    ("The dead included a driver and three wardens from the park.", "three wardens"),
])
def test_people_listed_among_the_victims_are_casualties(text, span):
    assert (span, "CASUALTIES") in [(t, label) for t, _, _, _, label in figs(text)]


@pytest.mark.parametrize("text, span", [
    ("Two teachers said their pupils were among the dead.", "Two teachers"),
    ("Two teachers were among the mourners at the gate.", "Two teachers"),
])
def test_people_who_report_or_mourn_the_dead_are_no_casualties(text, span):
    assert (span, "PEOPLE") in [(t, label) for t, _, _, _, label in figs(text)]


@pytest.mark.parametrize("text, expected", [
    ("The wounded, among them a nurse, were flown to the capital on Friday. Two remained in intensive care on "
     "Saturday, a doctor said.", [("Two", 2, "EXACT", "person", "CASUALTIES")]),
    ("The injured were taken to a clinic in the valley. A doctor there said four of them had lost fingers.",
     [("four", 4, "EXACT", "person", "CASUALTIES")]),
    ("The wounded were treated at the scene. One of them was in a coma. The other three were sent home.",
     [("three", 3, "EXACT", "person", "CASUALTIES")]),
])
def test_a_bare_number_after_the_wounded_counts_those_victims(text, expected):
    assert figs(text) == expected


def test_the_other_n_inside_a_clause_is_the_rest_of_a_group():
    assert figs("The funerals of five of the dead were held on Monday. The bodies of the other two were flown home.") \
        == [("five of the dead", 5, "EXACT", "person", "CASUALTIES"), ("two", 2, "EXACT", "person", "CASUALTIES")]


@pytest.mark.parametrize("text, expected", [
    ("Only four clinics serve a town of about 30,000, officials said.",
     [("four clinics", 4, "EXACT", "clinic", "OTHER"), ("about 30,000", 30000, "APPROXIMATE", "person", "PEOPLE")]),
    ("They now travel in small groups of five or six, he said.", [("five or six", 5, "APPROXIMATE", "person", "PEOPLE")]),
    ('"We move in convoys of three or four," a driver said.', [("three or four", 3, "APPROXIMATE", "vehicle", "OTHER")]),
    ("A village of 300 people lies below the dam.", [("300 people", 300, "EXACT", "person", "PEOPLE")]),
    ("He drove a truck of 20 tonnes.", [("20 tonnes", 20, "EXACT", "tonne", "OTHER")]),
])
def test_a_place_or_grouping_of_a_bare_number_counts_its_members(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The shell landed a few steps from the gate.", [("a few steps", 3, "APPROXIMATE", "step", "DISTANCE")]),
    ("She lives two blocks away from the market.", [("two blocks", 2, "EXACT", "block", "DISTANCE")]),
    ("Police closed three streets in the centre.", [("three streets", 3, "EXACT", "street", "OTHER")]),
])
def test_steps_or_streets_from_a_place_measure_a_distance(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A doctor said one man remained in a serious condition.", [("one man", 1, "EXACT", "man", "CASUALTIES")]),
    ("Two patients were in intensive care on Sunday.", [("Two patients", 2, "EXACT", "patient", "CASUALTIES")]),
])
def test_a_count_in_a_hospital_condition_is_of_the_hurt(text, expected):
    assert figs(text) == expected


def test_a_bare_count_that_flees_is_displaced_people_even_after_a_killing():
    assert figs("Gunmen raided the camp, killing two miners; dozens fled into the forest.") == [
        ("two miners", 2, "EXACT", "miner", "CASUALTIES"), ("dozens", 24, "APPROXIMATE", "person", "PEOPLE")]


@pytest.mark.parametrize("text, expected", [
    ("Two rounds of peace talks ended without a deal.", [("Two rounds", 2, "EXACT", "round", "OTHER")]),
    ("Police seized 300 rounds of ammunition.", [("300 rounds", 300, "EXACT", "round", "MUNITIONS")]),
])
def test_rounds_of_talks_are_no_munitions(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", ["The victims included a baby of eight months.", "A woman of 70 years was hurt."])
def test_a_person_of_n_months_or_years_is_an_age(text):
    assert figs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Rebels fired 40 rockets. Most of them were intercepted, but at least three struck homes.",
     [("40 rockets", 40, "EXACT", "rocket", "MUNITIONS"), ("at least three", 3, "AT_LEAST", "rocket", "MUNITIONS")]),
    ("Four stolen trucks were found.", [("Four stolen trucks", 4, "EXACT", "truck", "OTHER")]),
    ("Two burnt cars blocked the road.", [("Two burnt cars", 2, "EXACT", "car", "OTHER")]),
])
def test_an_irregular_past_after_a_number_is_the_verb_of_an_elided_count(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Five hostages were freed on Monday. The remaining two were released on Tuesday.",
     [("Five hostages", 5, "EXACT", "hostage", "PEOPLE"), ("two", 2, "EXACT", "hostage", "PEOPLE")]),
    ("The wounded were taken to hospital, where two died overnight.", [("two", 2, "EXACT", "person", "CASUALTIES")]),
    ("A trip takes three days, sometimes four.",
     [("three days", 3, "EXACT", "day", "DURATION"), ("four", 4, "EXACT", "day", "DURATION")]),
    ("Tanker fire on highway, three hurt", [("three", 3, "EXACT", "person", "CASUALTIES")]),
])
def test_more_elided_counts(text, expected):
    assert figs(text) == expected
