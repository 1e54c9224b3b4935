"""FIGURE grammar rules added for unseen articles: conversions, prepositional over/under, scare
quotes, coordinated heads, collectives counted with "of", elliptical counts, "sent N fleeing",
"treated" as an injury word. Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate.figures import find_figures


def figs(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]


def test_bracketed_conversion_takes_the_qualifier_of_the_figure_it_restates():
    assert figs("The convoy stopped roughly 40 km (25 miles) short of the port.") == [
        ("roughly 40 km", 40, "APPROXIMATE", "km", "DISTANCE"), ("25 miles", 25, "APPROXIMATE", "mile", "DISTANCE")]
    assert figs("The base lies up to 12 km (7 miles) inland.")[1][2] == "AT_MOST"


def test_exact_conversion_stays_exact():
    assert figs("The road runs 30 km (19 miles) to the coast.")[1][2] == "EXACT"


@pytest.mark.parametrize("text, expected", [
    ("The army said it downed 80 drones over 11 provinces overnight.",
     [("80 drones", 80, "EXACT", "drone", "MUNITIONS"), ("11 provinces", 11, "EXACT", "province", "OTHER")]),
    ("Shelling killed over 30 people in the market.", [("over 30 people", 30, "AT_LEAST", "person", "CASUALTIES")]),
])
def test_over_after_a_plural_noun_is_a_preposition(text, expected):
    assert figs(text) == expected


def test_scare_quoted_vague_amount_keeps_its_head():
    assert figs('The militia said it had killed "dozens of" soldiers.') == [
        ('dozens of" soldiers', 24, "APPROXIMATE", "soldier", "CASUALTIES")]


def test_one_count_of_two_kinds_of_people_is_one_figure():
    assert figs("At least 25 police and reserve officers were killed in the ambush.") == [
        ("At least 25 police and reserve officers", 25, "AT_LEAST", "police", "CASUALTIES")]
    # two counts stay two figures
    assert len(figs("Five soldiers and three civilians were wounded.")) == 2


def test_collective_counted_with_of():
    assert figs("Pirates boarded the tanker and held its crew of 19 for a week.") == [
        ("crew of 19", 19, "EXACT", "crew member", "PEOPLE")]


def test_another_n_counts_what_the_sentence_already_counted():
    assert figs("Guards intercepted 40 missiles, while another 12 fell in open fields.") == [
        ("40 missiles", 40, "EXACT", "missile", "MUNITIONS"), ("another 12", 12, "EXACT", "missile", "MUNITIONS")]
    assert figs("Another 5 said nothing.") == []  # nothing counted before: no unit, no figure


def test_vague_amount_sent_fleeing_is_a_count_of_people():
    assert figs("Air raids on the valley sent hundreds fleeing across the river.") == [
        ("hundreds", 100, "APPROXIMATE", "person", "PEOPLE")]


def test_treated_for_wounds_is_a_casualty_context():
    assert figs("Medics said 14 residents were treated in hospital.")[0][4] == "CASUALTIES"


@pytest.mark.parametrize("text, expected", [
    ("The siege has lasted more than a year.", [("more than a year", 1, "AT_LEAST", "year", "DURATION")]),
    ("They walked nearly a mile to the well.", [("nearly a mile", 1, "APPROXIMATE", "mile", "DISTANCE")]),
    ("It took a year to rebuild.", []),  # no qualifier: "a year" is not reported as a count
])
def test_a_unit_after_a_qualifier_is_one(text, expected):
    assert figs(text) == expected


def test_death_toll_rose_to_a_bare_number():
    assert figs("The death toll rose to 31 on Friday.") == [("31", 31, "EXACT", "person", "CASUALTIES")]


def test_coordinated_head_may_carry_a_name():
    assert figs("At least 9 soldiers and allied Zenda fighters were killed.")[0][0] == \
        "At least 9 soldiers and allied Zenda fighters"


@pytest.mark.parametrize("text, label", [
    ("Gunmen killed five teachers.", "CASUALTIES"),
    ("Troops found more than 30 explosive devices.", "MUNITIONS"),
    ("The bus carried 40 pilgrims.", "PEOPLE"),
])
def test_more_people_and_munition_heads(text, label):
    assert figs(text)[0][4] == label


@pytest.mark.parametrize("text, expected", [
    ("At least 7 were killed in the blast.", [("At least 7", 7, "AT_LEAST", "person", "CASUALTIES")]),
    ("Hundreds were displaced by the shelling.", [("Hundreds", 100, "APPROXIMATE", "person", "PEOPLE")]),
    ("The clashes left 25 dead.", [("25 dead", 25, "EXACT", "person", "CASUALTIES")]),
    ("Medics counted at least 31 dead and 70 wounded.",
     [("at least 31 dead", 31, "AT_LEAST", "person", "CASUALTIES"), ("70 wounded", 70, "EXACT", "person", "CASUALTIES")]),
    ("Searchers found eight more bodies.", [("eight more bodies", 8, "EXACT", "body", "CASUALTIES")]),
    ("The blast killed two and wounded 15 others.",
     [("two", 2, "EXACT", "person", "CASUALTIES"), ("15 others", 15, "EXACT", "other", "CASUALTIES")]),
])
def test_bare_and_elliptical_casualty_counts(text, expected):
    assert figs(text) == expected


def test_a_bare_number_without_a_casualty_verb_is_no_figure():
    assert figs("The 12 were released on Monday.") == []
