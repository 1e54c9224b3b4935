"""FIGURE rules for general news patterns: ranges, approximators, radii, South Asian and other
currencies, figures nested in times. Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate.figures import find_figures


def figs(text):
    return [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rebels fired between 20 and 25 mortar rounds.", ("between 20 and 25 mortar rounds", 20, "APPROXIMATE", "round", "MUNITIONS")),
    ("Looters emptied 1,200 to 1,400 shops.", ("1,200 to 1,400 shops", 1200, "APPROXIMATE", "shop", "OTHER")),
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
    assert figs("About half of the residents left.") == [("About half", 0.5, "APPROXIMATE", "fraction", "OTHER")]
