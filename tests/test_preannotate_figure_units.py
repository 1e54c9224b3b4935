"""FIGURE rules for general news patterns: ranges, approximators, radii, South Asian and other
currencies, figures nested in times. Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate.figures import find_figures


def figs(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rebels fired between 20 and 25 mortar rounds.", ("between 20 and 25 mortar rounds", 20, "APPROXIMATE", "round", "MUNITIONS")),
    ("Looters emptied 1,200 to 1,400 shops.", ("1,200 to 1,400 shops", 1200, "APPROXIMATE", "shop", "OTHER")),
    ("Gunmen burned two or three houses.", ("two or three houses", 2, "APPROXIMATE", "house", "OTHER")),
])
def test_a_range_is_its_lower_bound_approximate(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Villagers from half a dozen border hamlets fled.", ("half a dozen border hamlets", 6, "APPROXIMATE", "hamlet", "OTHER")),
    ("Nearly half a dozen rockets hit the town.", ("Nearly half a dozen rockets", 6, "APPROXIMATE", "rocket", "MUNITIONS")),
])
def test_half_a_dozen_is_six_approximate(text, expected):
    assert figs(text) == [expected]


def test_half_of_is_still_a_fraction():
    # a partitive with a noun runs to its head (decision 25)
    assert figs("About half of the residents left.") == [("About half of the residents", 0.5, "APPROXIMATE", "fraction", "OTHER")]
    assert figs("About half of them left.") == [("About half", 0.5, "APPROXIMATE", "fraction", "OTHER")]


def test_within_a_distance_is_at_most_with_within_in_the_span():
    assert figs("Schools within 5 km of the border stayed shut.") == [("within 5 km", 5, "AT_MOST", "km", "DISTANCE")]


def test_within_a_duration_stays_exact_and_outside():
    assert figs("Residents were told to leave within 24 hours.") == [("24 hours", 24, "EXACT", "hour", "DURATION")]


@pytest.mark.parametrize("text, expected", [
    ("We had maybe forty seconds after the siren.", ("forty seconds", 40, "EXACT", "second", "DURATION")),
    ("Perhaps 200 people gathered outside.", ("200 people", 200, "EXACT", "person", "PEOPLE")),
    ("Possibly 30 boats sank.", ("30 boats", 30, "EXACT", "boat", "OTHER")),
])
def test_hedges_are_outside_the_span_and_no_qualifier(text, expected):
    # decision 27: maybe / perhaps / possibly are hedges, not qualifiers
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("It announced relief of Rs 5 lakh for each family.", ("Rs 5 lakh", 500000, "EXACT", "rupee", "OTHER")),
    ("A grant of Rs. 200 crore was approved.", ("Rs. 200 crore", 2_000_000_000, "EXACT", "rupee", "OTHER")),
    ("Each family was paid ₹50,000.", ("₹50,000", 50000, "EXACT", "rupee", "OTHER")),
    ("Donors pledged USD 3 million.", ("USD 3 million", 3_000_000, "EXACT", "dollar", "OTHER")),
    ("The cabinet approved a 2 billion shekel aid package.", ("2 billion shekel", 2_000_000_000, "EXACT", "shekel", "OTHER")),
    ("Fines of 500 dinars were imposed.", ("500 dinars", 500, "EXACT", "dinar", "OTHER")),
    ("About $420 million in aid arrived.", ("About $420 million", 420_000_000, "APPROXIMATE", "dollar", "OTHER")),
    ("The cabinet set aside NIS 3.5 billion for repairs.", ("NIS 3.5 billion", 3_500_000_000, "EXACT", "shekel", "OTHER")),
    ("Bus fares rose to KSh 80.", ("KSh 80", 80, "EXACT", "shilling", "OTHER")),
    ("The ministry paid Tk 2 crore to displaced families.", ("Tk 2 crore", 20_000_000, "EXACT", "taka", "OTHER")),
    ("Losses were put at TT$4 million.", ("TT$4 million", 4_000_000, "EXACT", "dollar", "OTHER")),
    # the amount alone, whatever word follows it
    ("A motor that fetched $3,000 last year now sells for less.", ("$3,000", 3000, "EXACT", "dollar", "OTHER")),
    ("Ransoms ran to roughly $2,500 to $12,500 a head.",
     ("roughly $2,500 to $12,500", 2500, "APPROXIMATE", "dollar", "OTHER")),
    ("Fares cost between $5 and $8.", ("between $5 and $8", 5, "APPROXIMATE", "dollar", "OTHER")),
])
def test_money_in_signs_codes_and_currency_names(text, expected):
    assert figs(text) == [expected]


def test_lakh_after_digits_scales_a_count():
    assert figs("Floods displaced 5 lakh people.") == [("5 lakh people", 500_000, "EXACT", "person", "PEOPLE")]


def test_a_capitalised_word_before_a_number_is_still_an_identifier():
    assert figs("Under Resolution 1701 and on Route 90 nothing moved.") == []


def _layers(text):
    from datetime import date

    from newscorpus.preannotate import Resources, preannotate_text

    doc = preannotate_text(text, doc_id="t", published=date(2024, 10, 8), resources=Resources())
    return [(s["layer"], s["text"]) for s in doc["spans"] if s["layer"] in ("FIGURE", "TIME")]


@pytest.mark.parametrize("text, expected", [
    ("India and Pakistan renewed the truce five years ago.", [("TIME", "five years ago"), ("FIGURE", "five years")]),
    # decision 26: "a year ago" and a qualified "more than two months ago" nest their DURATION too
    ("The mill closed a year ago.", [("TIME", "a year ago"), ("FIGURE", "a year")]),
    ("Villagers fled more than two months ago.", [("TIME", "more than two months ago"), ("FIGURE", "more than two months")]),
    ("In the first eight months of the year, 300 people fled.",
     [("TIME", "the first eight months of the year"), ("FIGURE", "eight months"), ("FIGURE", "300 people")]),  # "the" in (decision 30)
])
def test_a_duration_inside_a_time_is_a_figure_too(text, expected):
    assert _layers(text) == expected


def test_a_clock_time_inside_a_time_is_no_figure():
    assert _layers("Shelling began at around 10.30 pm on Sunday.") == [("TIME", "around 10.30 pm on Sunday")]


@pytest.mark.parametrize("text, expected", [
    ("The war began a day after the attack.", [("a day", 1, "EXACT", "day", "DURATION")]),
    ("A week later, talks resumed.", [("A week", 1, "EXACT", "week", "DURATION")]),
    ("Aid arrives once a day.", []),
    ("They declared a day of mourning.", []),  # a day named, not a length counted
])
def test_a_unit_of_time_as_an_offset_counts_one(text, expected):
    assert figs(text) == expected


def test_an_inclusion_between_commas_does_not_hide_the_casualty_verb():
    assert figs("Two civilians, including a 12-year-old girl, were killed on the road.") == [
        ("Two civilians", 2, "EXACT", "civilian", "CASUALTIES")]


def test_an_inclusion_without_a_casualty_verb_stays_people():
    assert figs("Ten children, including two girls, arrived at the camp.")[0][4] == "PEOPLE"


def test_a_duration_in_an_offset_is_a_figure_and_the_offset_no_time():
    assert _layers("Two hours later, rescuers pulled out a survivor.") == [("FIGURE", "Two hours")]


@pytest.mark.parametrize("text, expected", [
    ("The fund needs $5bn.", ("$5bn", 5_000_000_000, "EXACT", "dollar", "OTHER")),
    ("Britain pledged £3m.", ("£3m", 3_000_000, "EXACT", "pound", "OTHER")),
    ("Donors gave 3.5m euros.", ("3.5m euros", 3_500_000, "EXACT", "euro", "OTHER")),
    ("Nearly 2m people have been displaced.", ("Nearly 2m people", 2_000_000, "APPROXIMATE", "person", "PEOPLE")),
    ("The shell landed about 2.5km from the school.", ("about 2.5km", 2.5, "APPROXIMATE", "km", "DISTANCE")),
    ("The convoy travelled 15km to the border.", ("15km", 15, "EXACT", "km", "DISTANCE")),
    ("The bomb weighed 500 kg.", ("500 kg", 500, "EXACT", "kg", "OTHER")),
])
def test_scales_and_units_glued_to_the_digits(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text", ["Forces fired 155mm shells at the town.", "A 10m-high wall surrounds the base."])
def test_a_calibre_or_a_height_modifier_is_no_count(text):
    assert figs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("A 500-pound bomb hit the school.", ("500-pound bomb", 500, "EXACT", "pound", "OTHER")),
    ("The army seized 10 sq km of territory.", ("10 sq km", 10, "EXACT", "square km", "OTHER")),
    ("Some 1,300 square kilometres were flooded.",
     ("Some 1,300 square kilometres", 1300, "APPROXIMATE", "square kilometre", "OTHER")),
])
def test_hyphenated_weights_end_at_the_munition_and_areas_are_not_distances(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("A hundred and twenty people were detained.", ("A hundred and twenty people", 120, "EXACT", "person", "PEOPLE")),
    ("About a thousand five hundred troops crossed.",
     ("About a thousand five hundred troops", 1500, "APPROXIMATE", "troop", "PEOPLE")),
    ("More than a hundred rockets were fired.", ("More than a hundred rockets", 100, "AT_LEAST", "rocket", "MUNITIONS")),
])
def test_a_hundred_goes_on_as_a_written_number(text, expected):
    assert figs(text) == [expected]


def test_trillion_after_digits_scales_the_amount():
    from newscorpus.preannotate.figures import find_figures
    assert [(f.text, f.value, f.qualifier, f.unit) for f in find_figures("Losses passed more than 20 trillion dinars.")] \
        == [("more than 20 trillion dinars", 20_000_000_000_000, "AT_LEAST", "dinar")]
