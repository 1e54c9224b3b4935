"""General FIGURE patterns of news English that the seen sets barely show (issue #14: rules that
generalise to unseen articles). Every sentence here is invented for these tests."""

import pytest

from newscorpus.preannotate.figures import find_figures


def figs(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Police said one Ghanaian miner was still trapped underground.",
     ("one Ghanaian miner", 1, "EXACT", "miner", "PEOPLE")),
    ("One Kenyan peacekeeper was wounded by shrapnel.",
     ("One Kenyan peacekeeper", 1, "EXACT", "peacekeeper", "CASUALTIES")),
])
def test_one_with_a_nationality_before_its_noun_counts(text, expected):
    assert expected in figs(text)


def test_one_before_a_capitalised_non_nationality_is_no_count():
    assert figs("They met one Tuesday month after month.") == []


@pytest.mark.parametrize("text, expected", [
    ("Half a million people lack clean water.", [("Half a million people", 500000, "EXACT", "person", "PEOPLE")]),
    ("Nearly half a million tourists cancelled their trips.",
     [("Nearly half a million tourists", 500000, "APPROXIMATE", "tourist", "PEOPLE")]),
    ("A quarter of a million people have fled the region.",
     [("A quarter of a million people", 250000, "EXACT", "person", "PEOPLE")]),
    ("Three-quarters of a million families rely on the aid.",
     [("Three-quarters of a million families", 750000, "EXACT", "family", "PEOPLE")]),
])
def test_a_fraction_of_a_scale_word_is_one_number(text, expected):
    assert figs(text) == expected


def test_a_fraction_of_a_noun_phrase_is_still_a_fraction():
    # a partitive with a noun runs to its head (decision 25); with a pronoun or a bare name it is the fraction
    assert figs("About a quarter of the villagers returned.") == [
        ("About a quarter of the villagers", 0.25, "APPROXIMATE", "fraction", "OTHER")]
    assert figs("About a quarter of them returned.") == [("About a quarter", 0.25, "APPROXIMATE", "fraction", "OTHER")]


@pytest.mark.parametrize("text, expected", [
    ("The negotiators talked for three and a half hours.", ("three and a half hours", 3.5, "EXACT", "hour", "DURATION")),
    ("The patrol walked 2 and a half miles to the outpost.", ("2 and a half miles", 2.5, "EXACT", "mile", "DISTANCE")),
    ("The siege lasted almost two and a half years.", ("almost two and a half years", 2.5, "APPROXIMATE", "year", "DURATION")),
])
def test_and_a_half_adds_a_half(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Witnesses said 20-25 gunmen stormed the market.", [("20-25 gunmen", 20, "APPROXIMATE", "gunman", "PEOPLE")]),
    ("The shelling lasted 3–4 hours.", [("3–4 hours", 3, "APPROXIMATE", "hour", "DURATION")]),
    ("Some 150-200 rockets were fired overnight.", [("Some 150-200 rockets", 150, "APPROXIMATE", "rocket", "MUNITIONS")]),
])
def test_a_range_in_one_token_takes_its_lower_bound(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", ["The 2023-24 season drew 40-10 crowds.", "The team lost 3-1 on Sunday."])
def test_year_spans_and_scores_are_no_ranges(text):
    assert all(not f[0].startswith(("2023", "3-1", "40-10")) for f in figs(text))


@pytest.mark.parametrize("text, unit", [
    ("Police said 12 gunmen opened fire.", "gunman"), ("Rescuers found 4 fishermen alive.", "fisherman"),
    ("Officials said 30 servicemen were deployed.", "serviceman"), ("The blast hurt 6 women.", "woman"),
])
def test_plurals_in_men_take_the_singular_man_unit(text, unit):
    assert figs(text)[0][3] == unit


@pytest.mark.parametrize("text, expected", [
    ("A 48-hour truce began at dawn.", ("48-hour truce", 48, "EXACT", "hour", "DURATION")),
    ("The 10-day ceasefire broke down quickly.", ("10-day ceasefire", 10, "EXACT", "day", "DURATION")),
    ("A three-day curfew kept shops shut.", ("three-day curfew", 3, "EXACT", "day", "DURATION")),
])
def test_a_hyphenated_modifier_ends_before_its_verb(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Tens of people were arrested after the march.", ("Tens of people", 10, "APPROXIMATE", "person", "PEOPLE")),
    ("A couple of drones crashed near the harbour.", ("A couple of drones", 2, "APPROXIMATE", "drone", "MUNITIONS")),
    ("The talks stalled for a couple of weeks.", ("a couple of weeks", 2, "APPROXIMATE", "week", "DURATION")),
    ("Tens of thousands of people marched.", ("Tens of thousands of people", 10000, "APPROXIMATE", "person", "PEOPLE")),
])
def test_tens_of_and_a_couple_of_are_vague_amounts(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("More than 300 were detained during the protests.", ("More than 300", 300, "AT_LEAST", "person", "PEOPLE")),
    ("Police said 45 were arrested overnight.", ("45", 45, "EXACT", "person", "PEOPLE")),
    ("At least 12 have been abducted from the village since May.", ("At least 12", 12, "AT_LEAST", "person", "PEOPLE")),
])
def test_a_bare_number_before_a_passive_only_people_undergo_counts_people(text, expected):
    assert figs(text) == [expected]


def test_a_bare_number_before_another_passive_is_no_count():
    assert figs("Officials said 45 were approved overnight.") == []


def test_the_verb_governing_a_count_decides_its_category_over_an_earlier_killing():
    assert figs("The army said it had killed 25 militants and arrested 60 suspects.") == [
        ("25 militants", 25, "EXACT", "militant", "CASUALTIES"), ("60 suspects", 60, "EXACT", "suspect", "PEOPLE")]
    assert figs("Raids killed two fighters, detaining 14 farmers.")[1][4] == "PEOPLE"


def test_n_of_them_pointing_past_its_sentence_is_the_number_with_the_earlier_unit():
    got = figs("Militants fired 90 rockets at the port. The navy said it shot down about 70 of them.")
    assert got == [("90 rockets", 90, "EXACT", "rocket", "MUNITIONS"), ("about 70", 70, "APPROXIMATE", "rocket", "MUNITIONS")]


def test_n_of_them_within_the_sentence_is_the_number():
    # decision 25: with a pronoun the FIGURE is the number, counting what the count before counted
    got = figs("The blast wounded 40 people, 11 of them critically.")
    assert got[1][:4] == ("11", 11, "EXACT", "person")


def test_n_of_them_with_no_earlier_count_takes_the_plural_noun_them_refers_to():
    got = figs("The rebels never said how many of their commanders died. The army says it killed at least 40 of them.")
    assert got == [("at least 40", 40, "AT_LEAST", "commander", "CASUALTIES")]


@pytest.mark.parametrize("text, unit", [
    ("The raid killed three guards and wounded at least four others.", "guard"),
    ("One nurse died and two others were hurt.", "nurse"),
    ("Several others were treated for shock.", "person"),
])
def test_others_count_what_the_count_before_counted(text, unit):
    assert figs(text)[-1][3] == unit


def test_an_n_strong_group_counts_its_people_with_the_group_noun_as_unit():
    assert figs("A 3,000-strong force crossed the river.") == [("3,000-strong force", 3000, "EXACT", "force", "PEOPLE")]
    assert figs("The 200-strong contingent left on Friday.")[0][3:] == ("contingent", "PEOPLE")


def test_a_part_of_a_counted_whole_is_a_figure_and_so_is_the_whole():
    assert figs("The group released two of the three hostages on Sunday.") == [
        ("two of the three hostages", 2, "EXACT", "hostage", "PEOPLE"), ("three hostages", 3, "EXACT", "hostage", "PEOPLE")]
    assert figs("Power failed at 4 of its 11 clinics.")[0][:2] == ("4 of its 11 clinics", 4)
    assert figs("About 30,000 of the city's 90,000 residents have left.") == [
        ("About 30,000 of the city's 90,000 residents", 30000, "APPROXIMATE", "resident", "PEOPLE"),
        ("90,000 residents", 90000, "EXACT", "resident", "PEOPLE")]


@pytest.mark.parametrize("text, expected", [
    # decision 24: the noun is left out, so the span is the number with its qualifier
    ("At least 9 dead as floods sweep the valley", ("At least 9", 9, "AT_LEAST", "person", "CASUALTIES")),
    ("Four dead when a bus overturned near the pass", ("Four", 4, "EXACT", "person", "CASUALTIES")),
    ("The number of dead rose to more than 90 on Friday.", ("more than 90", 90, "AT_LEAST", "person", "CASUALTIES")),
    ("The number of deaths reached 41, the ministry said.", ("41", 41, "EXACT", "person", "CASUALTIES")),
])
def test_casualty_totals_without_a_noun(text, expected):
    assert figs(text) == [expected]


def test_one_day_opening_a_sentence_before_a_comma_is_an_indefinite_time():
    assert figs("One day, the refugees will go home, she said.") == []
    assert figs("One day after the raid, 40 families left.")[0][:2] == ("One day", 1)


@pytest.mark.parametrize("text, unit", [
    ("Militants burned three buses near the depot.", "bus"), ("Police seized 40 knives at the checkpoint.", "knife"),
    ("The tax office collected 12 taxes.", "tax"), ("Officials listed five causes of the fire.", "cause"),
])
def test_plural_units_the_suffix_rule_gets_wrong(text, unit):
    assert figs(text)[0][3] == unit


def test_others_in_a_new_sentence_count_people():
    assert figs("Rebels killed four guards. At least 13 others were wounded.")[1][3] == "person"


@pytest.mark.parametrize("text, value", [
    ("The UN appealed for $4.1 billion this year.", 4_100_000_000), ("Donors pledged £2.3bn.", 2_300_000_000),
    ("The fund lost 0.7 million euros.", 700_000),
])
def test_decimal_amounts_times_a_scale_are_exact(text, value):
    assert figs(text)[0][1] == value and isinstance(figs(text)[0][1], int)


def test_a_lowercase_noun_before_a_count_is_no_identifier():
    assert figs("The drone hit a building 50 yards from the hospital.") == [("50 yards", 50, "EXACT", "yard", "DISTANCE")]
    assert figs("The convoy took Route 90 north.") == []


def test_country_letters_before_a_dollar_sign_belong_to_the_amount():
    assert figs("The bank approved US$300 million in loans.") == [("US$300 million", 300_000_000, "EXACT", "dollar", "OTHER")]
    assert figs("Donors gave about A$5m.")[0][:3] == ("about A$5m", 5_000_000, "APPROXIMATE")


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of thousands fled the city.", ("Hundreds of thousands", 100000, "APPROXIMATE", "person", "PEOPLE")),
    ("Tens of thousands were displaced by the floods.", ("Tens of thousands", 10000, "APPROXIMATE", "person", "PEOPLE")),
])
def test_a_compound_vague_amount_standing_alone_counts_people(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Some 40-odd vehicles were destroyed.", ("Some 40-odd vehicles", 40, "APPROXIMATE", "vehicle", "OTHER")),
    ("The raid involved 50-plus commandos.", ("50-plus commandos", 50, "AT_LEAST", "commando", "PEOPLE")),
    ("Twenty-odd fishermen were rescued.", ("Twenty-odd fishermen", 20, "APPROXIMATE", "fisherman", "PEOPLE")),
])
def test_odd_and_plus_after_a_number_qualify_it(text, expected):
    assert figs(text) == [expected]


def test_lives_lost_are_casualties_and_lives_saved_are_not():
    assert figs("The landslide claimed 20 lives.") == [("20 lives", 20, "EXACT", "life", "CASUALTIES")]
    assert figs("Medics saved 20 lives that night.")[0][4] != "CASUALTIES"


def test_a_vague_amount_before_dead_or_wounded_is_a_casualty_count():
    assert figs("The clashes left 14 people dead and dozens wounded.") == [
        ("14 people", 14, "EXACT", "person", "CASUALTIES"), ("dozens", 24, "APPROXIMATE", "person", "CASUALTIES")]


@pytest.mark.parametrize("text, expected", [
    ('Police said "twenty-three (23) passengers" were taken.', ("twenty-three (23) passengers", 23, "EXACT", "passenger", "PEOPLE")),
    ("The repairs cost roughly 3½ million shekels.", ("roughly 3½ million shekels", 3_500_000, "APPROXIMATE", "shekel", "OTHER")),
    ("We have sold two oxen.", ("two oxen", 2, "EXACT", "ox", "OTHER")),
    ("The school closed for repairs a fortnight ago.", ("a fortnight", 1, "EXACT", "fortnight", "DURATION")),
])
def test_numbers_repeated_in_digits_vulgar_fractions_irregular_plurals_and_fortnights(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The airport was handling only a handful of flights.", ("a handful of flights", 3, "APPROXIMATE", "flight", "OTHER")),
    ("Each time, another few houses burn.", ("another few houses", 3, "APPROXIMATE", "house", "OTHER")),
    ("It is not even a tenth of what we earned.", ("not even a tenth", 0.1, "AT_MOST", "fraction", "OTHER")),
    ("They carried at least one shotgun, witnesses said.", ("at least one shotgun", 1, "AT_LEAST", "shotgun", "OTHER")),
    ("If they break one more engine, we stop.", ("one more engine", 1, "EXACT", "engine", "OTHER")),
    ("The curfew stays for at least another week.", ("at least another week", 1, "AT_LEAST", "week", "DURATION")),
])
def test_handfuls_another_few_not_even_and_one_after_a_qualifier_or_before_more(text, expected):
    assert figs(text) == [expected]


def test_armed_incidents_are_attacks_and_the_whole_of_a_proportion_no_count():
    assert figs("Police say there have been at least 14 armed incidents.") == [
        ("at least 14 armed incidents", 14, "AT_LEAST", "incident", "MUNITIONS")]
    assert figs("Malaria struck 1 in 3 children this year.") == []
    assert figs("One in five homes was damaged.") == []


def test_a_denied_casualty_before_a_count_makes_no_victims():
    assert figs("No one else was hurt, because the roughly 140 employees had been sent home.") == [
        ("roughly 140 employees", 140, "APPROXIMATE", "employee", "PEOPLE")]
    assert figs("He was not hurt, but two workers were killed.")[0][4] == "CASUALTIES"


def test_a_subject_pointing_back_at_a_count_leaves_the_number_alone():
    # decision 24: the noun is left out, the unit and category are the last count's
    assert figs("Two soldiers and a nurse suffered light injuries. All three were taken to hospital.")[1] == (
        "three", 3, "EXACT", "soldier", "CASUALTIES")
    assert figs("Three miners were wounded. The other two were expected to recover.")[1][:2] == ("two", 2)
    assert figs("All three options were on the table.") == [("three options", 3, "EXACT", "option", "OTHER")]


@pytest.mark.parametrize("text", [
    "The flooded valley now shelters a population several times larger than before the rains.",
    "The new reservoir holds four times the water the old one did.",
    "Farmers said they needed at least three times that to survive the winter.",
    "The camp has grown to five times as many tents as in spring.",
])
def test_times_stating_a_ratio_is_no_count(text):
    assert not [f for f in figs(text) if f[3] == "time"]


@pytest.mark.parametrize("text, expected", [
    ("The clinic had been shelled three times this week, staff said.",
     ("three times", 3, "EXACT", "time", "MUNITIONS")),
    ("Herders said the village had come under fire from the ridge several times since March.",
     ("several times", 3, "APPROXIMATE", "time", "MUNITIONS")),
    ("The family had moved five times since the war began.", ("five times", 5, "EXACT", "time", "OTHER")),
    ("The ferry was stopped three times that week.", ("three times", 3, "EXACT", "time", "OTHER")),
])
def test_times_counting_attacks_is_munitions(text, expected):
    # decision 28: counted attacks are MUNITIONS; other occasions stay OTHER
    assert expected in figs(text)


@pytest.mark.parametrize("text, expected", [
    ("The repairs will cost in the region of 4 million dollars, the ministry said.",
     ("in the region of 4 million dollars", 4000000, "APPROXIMATE", "dollar", "OTHER")),
    ("The army moved on the order of 2,000 troops to the border.",
     ("on the order of 2,000 troops", 2000, "APPROXIMATE", "troop", "PEOPLE")),
])
def test_size_approximators_are_approximate_qualifiers(text, expected):
    assert expected in figs(text)


def test_a_range_of_ages_is_no_count():
    assert not [f for f in figs("Three herders, aged between 18 and 40, were shot dead near the well.")
                if f[0].startswith("between")]


@pytest.mark.parametrize("text, expected", [
    ("The base had been attacked twice in the past year.", [("twice", 2, "EXACT", "time", "MUNITIONS")]),
    ("The bridge has been hit at least twice this month, residents said.",
     [("at least twice", 2, "AT_LEAST", "time", "MUNITIONS")]),
    ("The convoy was postponed twice this month.", []),
    ("Patrols were shelled twice a week.", []),
    ("The army needed twice that number.", []),
])
def test_twice_counts_attacks_only(text, expected):
    assert [f for f in figs(text) if f[3] == "time"] == expected


def test_a_bare_number_after_the_n_wounded_counts_those_victims():
    # decision 24: the noun is left out; "the six injured" names the victims it points back at
    out = figs("Medics said the six injured were flown to the district hospital. Three have since been released.")
    assert ("Three", 3, "EXACT", "person", "CASUALTIES") in out


def test_a_hedged_second_length_of_time_is_a_duration():
    # decision 27: the hedge is outside, the length it offers is a figure of its own
    assert ("a month", 1, "EXACT", "month", "DURATION") in figs("The fuel will last three weeks, maybe a month.")
    assert figs("The talks, perhaps a week away, will be hard.") == []


def test_a_relative_clause_before_the_harm_verb_keeps_the_victims():
    assert ("two porters", 2, "EXACT", "porter", "CASUALTIES") in figs(
        "Witnesses said two porters who tried to flee the checkpoint were shot dead.")
    assert figs("Two nurses who had left the ward told reporters they were safe.")[0][4] == "PEOPLE"


def test_the_past_few_units_is_a_vague_duration():
    assert ("few months", 3, "APPROXIMATE", "month", "DURATION") in figs(
        "Prices have doubled over the past few months, traders said.")
    assert figs("Few months pass without a flood.") == []
