"""FIGURE rules: numbers, qualifiers, vague amounts, categories, and what is not a figure."""

import pytest

from newscorpus.annotate import scheme
from newscorpus.preannotate.figures import find_figures, parse_digits, parse_number_words, qualifier_before
from newscorpus.preannotate.tokens import lemma, tokenize

# text, expected (span text, value, qualifier, unit, label) for every figure in it
CASES = [
    ("the strike resulted in the deaths of two individuals, including a commander",
     [("two individuals", 2, "EXACT", "individual", "CASUALTIES")]),
    ("the group said it fired more than 60 rockets at the base",
     [("more than 60 rockets", 60, "AT_LEAST", "rocket", "MUNITIONS")]),
    ("About 60,000 Israelis have fled the area", [("About 60,000 Israelis", 60000, "APPROXIMATE", "israeli", "PEOPLE")]),
    ("it had launched dozens of Katyusha rockets, heavy rockets and artillery shells",
     [("dozens of Katyusha rockets", 24, "APPROXIMATE", "rocket", "MUNITIONS")]),
    ("Israel says 14 soldiers and 10 civilians have been killed.",
     [("14 soldiers", 14, "EXACT", "soldier", "CASUALTIES"), ("10 civilians", 10, "EXACT", "civilian", "CASUALTIES")]),
    ("to avenge the killing of three women and two children in the strike",
     [("three women", 3, "EXACT", "woman", "CASUALTIES"), ("two children", 2, "EXACT", "child", "CASUALTIES")]),
    ("The violence has displaced tens of thousands of people in both Israel and Lebanon.",
     [("tens of thousands of people", 10000, "APPROXIMATE", "person", "PEOPLE")]),
    ("the fighting has displaced more than 150,000 people on both sides",
     [("more than 150,000 people", 150000, "AT_LEAST", "person", "PEOPLE")]),
    ("the release of the remaining 120 hostages, both living and dead",
     [("120 hostages", 120, "EXACT", "hostage", "PEOPLE")]),
    ("Hezbollah has named at least 295 members who have been killed",
     [("at least 295 members", 295, "AT_LEAST", "member", "CASUALTIES")]),
    ("it had identified at least 40 launches from Lebanon", [("at least 40 launches", 40, "AT_LEAST", "launch", "MUNITIONS")]),
    ("the Litani, which lies around 18 miles from the border", [("around 18 miles", 18, "APPROXIMATE", "mile", "DISTANCE")]),
    ("pulled back some of its elite Radwan fighters a few miles back",
     [("a few miles", 3, "APPROXIMATE", "mile", "DISTANCE")]),
    ("Israeli air defenses intercepted several rockets", [("several rockets", 3, "APPROXIMATE", "rocket", "MUNITIONS")]),
    ("it launched hundreds of rockets and drones", [("hundreds of rockets", 100, "APPROXIMATE", "rocket", "MUNITIONS")]),
    ("The IDF destroyed thousands of short-range rockets",
     [("thousands of short-range rockets", 1000, "APPROXIMATE", "rocket", "MUNITIONS")]),
    ("Hamas, for over 10 months.", [("over 10 months", 10, "AT_LEAST", "month", "DURATION")]),
    ("the end of a 10-month war", [("10-month war", 10, "EXACT", "month", "DURATION")]),
    ("killed in the nearly nine-month conflict", [("nearly nine-month conflict", 9, "APPROXIMATE", "month", "DURATION")]),
    ("a deal for a three-phase ceasefire in Gaza", [("three-phase ceasefire", 3, "EXACT", "phase", "OTHER")]),
    ("Just one day after Hamas launched its assault", [("one day", 1, "EXACT", "day", "DURATION")]),
    ("Two Egyptian security sources told Reuters", [("Two Egyptian security sources", 2, "EXACT", "source", "PEOPLE")]),
    ("Two scenarios were discussed", [("Two scenarios", 2, "EXACT", "scenario", "OTHER")]),
    ("two dozen drones were launched", [("two dozen drones", 24, "EXACT", "drone", "MUNITIONS")]),
    ("up to 1,200 rockets a day", [("up to 1,200 rockets", 1200, "AT_MOST", "rocket", "MUNITIONS")]),
    ("fewer than 30 fighters", [("fewer than 30 fighters", 30, "AT_MOST", "fighter", "PEOPLE")]),
    ("less than 5 miles away", [("less than 5 miles", 5, "AT_MOST", "mile", "DISTANCE")]),
    ("nearly 90,000 residents", [("nearly 90,000 residents", 90000, "APPROXIMATE", "resident", "PEOPLE")]),
    ("some 300 rockets", [("some 300 rockets", 300, "APPROXIMATE", "rocket", "MUNITIONS")]),
    ("roughly 2,000 people", [("roughly 2,000 people", 2000, "APPROXIMATE", "person", "PEOPLE")]),
    ("approximately 15 drones", [("approximately 15 drones", 15, "APPROXIMATE", "drone", "MUNITIONS")]),
    ("about 2.5 million people", [("about 2.5 million people", 2500000, "APPROXIMATE", "person", "PEOPLE")]),
    ("twenty-five soldiers were wounded", [("twenty-five soldiers", 25, "EXACT", "soldier", "CASUALTIES")]),
    ("a strike killed three journalists", [("three journalists", 3, "EXACT", "journalist", "CASUALTIES")]),
    ("40% of the rockets", [("40%", 40, "EXACT", "percent", "OTHER")]),
    # guideline 23: a counted noun that opens a quotation stays outside; the unit still names it
    ("claimed responsibility for several “acts of terrorism”", [("several", 3, "APPROXIMATE", "act", "OTHER")]),
    # not figures
    ("the Palestinian movement launched an assault on southern Israel Oct. 7.", []),
    ("since Oct. 8 and 7 October and Jan 2", []),
    ("he was killed in 2006 and again in 2024", []),
    ("at around 8am on Saturday and at 10 pm", []),
    ("under Resolution 1701 and on Route 90", []),
    ("the first response and the second attack, 30th time", []),
    ("the killing of one of its commanders", []),
    ("We prefer one arrangement over the other", []),
    ("U.S. officials have been working for months", []),
    ("forced large numbers of residents to flee", []),
    ("a 30-year-old man", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_figures(text, expected):
    got = [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures(text)]
    assert got == expected
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.label in scheme.LABELS["FIGURE"] and f.qualifier in scheme.QUALIFIERS
        assert 0 < f.score <= 1


@pytest.mark.parametrize("phrase,value", [(k, v) for k, v in scheme.VAGUE_AMOUNTS.items()])
def test_vague_amounts_come_from_the_scheme(phrase, value):
    figures = find_figures(f"they fired {phrase} {'of ' if phrase not in ('several', 'a few') else ''}rockets")
    assert [(f.value, f.qualifier) for f in figures] == [(value, "APPROXIMATE")]


@pytest.mark.parametrize("words,value", [
    ("three", 3), ("Two", 2), ("twenty-five", 25), ("twenty five", 25), ("a hundred", 100), ("two hundred and fifty", 250),
    ("a dozen", 12), ("two dozen", 24), ("one thousand two hundred", 1200), ("first", None), ("tens", None),
])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("text,value", [("1,200", 1200), ("150,000", 150000), ("60", 60), ("2.5", 2.5), ("8am", None), ("1,2", None)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("prefix,qualifier", [
    ("at least", "AT_LEAST"), ("more than", "AT_LEAST"), ("over", "AT_LEAST"), ("nearly", "APPROXIMATE"),
    ("about", "APPROXIMATE"), ("around", "APPROXIMATE"), ("some", "APPROXIMATE"), ("roughly", "APPROXIMATE"),
    ("approximately", "APPROXIMATE"), ("up to", "AT_MOST"), ("fewer than", "AT_MOST"), ("less than", "AT_MOST"),
    ("the", None),
])
def test_qualifiers(prefix, qualifier):
    tokens = tokenize(f"{prefix} 10 rockets")
    found = qualifier_before(tokens, len(tokens) - 2)
    assert (found[0] if found else None) == qualifier
    assert qualifier is None or qualifier in scheme.QUALIFIERS


@pytest.mark.parametrize("word,lem", [("rockets", "rocket"), ("people", "person"), ("Israelis", "israeli"), ("launches", "launch"),
                                      ("casualties", "casualty"), ("miles", "mile"), ("women", "woman"), ("sources", "source"),
                                      ("months", "month"), ("crisis", "crisis")])
def test_unit_lemmas(word, lem):
    assert lemma(word) == lem


def test_money_after_a_qualifier_keeps_its_currency_unit():
    from newscorpus.preannotate.figures import find_figures

    text = "The appeal raised about $420 million for the displaced."
    figures = [f for f in find_figures(text) if "$" in f.text]
    assert figures and all(f.unit == "dollar" for f in figures), figures
