"""The layout pass: furniture found by where the body's prose ends (and the title starts).

Every page here is INVENTED (no wording from an evaluation article). The furniture lines are
kinds no shape rule lists, so only the layout pass can remove them.
"""

from __future__ import annotations

import dataclasses

from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.clean import clean_text, load_rules
from newscorpus.clean.layout import is_bullet, is_prose, layout_drops

RULES = load_rules(DEFAULT_CLEANING_RULES)
TITLE = "Floodwater cuts off hill villages as river bursts its banks"
P1 = "MARSABIT, Kenya — Floodwater cut the only road into six hill villages on Tuesday, the county said."
P2 = "Rescue boats carried 140 people to a school on higher ground by nightfall, a Red Cross official said."
P3 = "The weather service said more rain was expected over the weekend."


def _removed(result, rule_id: str) -> list[str]:
    return [r["text"].strip() for r in result.removed if r["rule"] == rule_id and r["text"].strip()]


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_trailing_widgets_go_with_the_layout_rule():
    widgets = ["Tonight 14° Light showers", "USD 129.4 ▲ 0.3", "Flood maps for every county", "#floods #kenya #weather"]
    result = clean_text(_page(TITLE, P1, P2, P3, *widgets), RULES)
    assert result.text == "\n".join([TITLE, P1, P2, P3])
    assert _removed(result, "layout_trailing") == widgets


def test_provenance_covers_every_raw_character():
    raw = _page(TITLE, P1, P2, "Tonight 14° Light showers", "Flood maps for every county")
    result = clean_text(raw, RULES)
    kept = sum(s[3] - s[2] for s in result.segments)
    gone = sum(r["raw_end"] - r["raw_start"] for r in result.removed)
    assert kept + gone == len(raw)
    for s in result.segments:
        assert raw[s[2] : s[3]] == result.text[s[0] : s[1]]


def test_a_short_quote_as_last_paragraph_stays():
    quote = "“Never again.”"
    result = clean_text(_page(TITLE, P1, P2, quote, "Tonight 14° Light showers"), RULES)
    assert result.text.endswith("\n" + quote)
    assert _removed(result, "layout_trailing") == ["Tonight 14° Light showers"]


def test_a_last_sentence_without_a_full_stop_stays_when_it_is_prose():
    last = "Engineers from the roads authority were expected to reach the broken bridge by Thursday morning"
    result = clean_text(_page(TITLE, P1, P2, last), RULES)
    assert result.text.endswith("\n" + last)
    assert not _removed(result, "layout_trailing")


def test_a_page_without_prose_is_left_alone():
    raw = _page("Weather", "Tonight 14° Light showers", "Tomorrow 17° Sunny spells", "Our river desk")
    result = clean_text(raw, RULES)
    assert result.text == "\n".join(["Weather", "Tonight 14° Light showers", "Tomorrow 17° Sunny spells", "Our river desk"])
    assert not [r for r in result.removed if r["rule"].startswith("layout")]


def test_a_single_prose_line_is_no_evidence_of_a_body():
    assert layout_drops([TITLE, P1, "Tonight 14° Light showers"]) == []


def test_mid_body_crossheads_stay():
    result = clean_text(_page(TITLE, P1, "Schools closed", P2, P3), RULES)
    assert "\nSchools closed\n" in result.text


def test_a_list_after_a_colon_ends_the_article_and_stays():
    intro = "The county named the villages that remain cut off:"
    result = clean_text(_page(TITLE, P1, P2, intro, "Kargi and Korr", "North Horr"), RULES)
    assert result.text.endswith("\nKargi and Korr\nNorth Horr")


def test_leading_furniture_goes_and_the_title_stays():
    result = clean_text(_page("WEATHER", "Members only", "Tonight 14° | Light showers", TITLE, P1, P2), RULES)
    assert result.text.startswith(TITLE + "\n")
    assert _removed(result, "layout_leading") == ["WEATHER", "Members only", "Tonight 14° | Light showers"]
    row = "Tonight 14° | Light showers | Wind 20 km/h"  # three short items: the shape rule 'segment_row' takes it first
    assert layout_drops(["WEATHER", row, TITLE, P1, P2]) == [(0, "layout_leading"), (1, "layout_leading")]


def test_a_headline_with_an_outlet_after_a_bar_is_a_title_not_a_menu():
    page = ["Home | Weather", "Hill villages cut off as river bursts banks | The Valley Post", P1, P2]
    assert layout_drops(page) == [(0, "layout_leading")]
    page = ["Rains Return | Valley", "Listen to our weekly river stories podcast", P1, P2]
    assert layout_drops(page) == [(0, "layout_leading")]  # the documented limit: a short title under a long non-prose line


def test_a_long_headline_without_a_full_stop_is_the_title_not_the_body_start():
    long_title = "Hill villages cut off for a third day as the river bursts its banks after weeks of rain"
    page = ["NEWS", "Members only", long_title, P1, P2]
    assert layout_drops(page) == [(0, "layout_leading"), (1, "layout_leading")]


def test_a_possible_headline_above_the_title_stops_the_leading_side():
    page = ["Podcast of the week about the rains", TITLE, P1, P2]
    assert layout_drops(page) == []


def test_a_key_points_box_above_the_title_goes():
    box = ["Key points", "• Floodwater cut the only road into six hill villages", "• Rescue boats carried 140 people to a school on higher ground."]
    result = clean_text(_page(*box, TITLE, P1, P2), RULES)
    assert result.text == "\n".join([TITLE, P1, P2])
    assert _removed(result, "layout_leading") == box


def test_a_key_points_box_between_the_title_and_the_body_goes():
    page = [TITLE, "In brief", "• Six hill villages cut off", "• Boats carried 140 people to higher ground.", P1, P2]
    assert layout_drops(page) == [(1, "layout_leading"), (2, "layout_leading"), (3, "layout_leading")]


def test_bullets_in_the_body_stay():
    page = [TITLE, P1, "What the county asks", "• Stay off the river road", "• Boil drinking water.", P2]
    assert layout_drops(page) == []
    page = [TITLE, "Residents were told to leave before dark.", "• Six hill villages cut off", P1, P2]
    assert layout_drops(page) == []  # after a sentence: the body has started


def test_a_kicker_in_capitals_above_the_title_goes():
    result = clean_text(_page("DISPATCH FROM THE HILL COUNTRY", TITLE, P1, P2), RULES)
    assert result.text == "\n".join([TITLE, P1, P2])
    assert _removed(result, "layout_leading") == ["DISPATCH FROM THE HILL COUNTRY"]


def test_a_line_in_capitals_above_a_title_in_capitals_or_a_long_one_stops_the_leading_side():
    assert layout_drops(["FLOODWATER CUTS OFF HILL VILLAGES", "HILL VILLAGES CUT OFF AS RIVER BURSTS BANKS", P1, P2]) == []
    assert layout_drops(["FLOODWATER CUTS OFF SIX HILL VILLAGES IN MARSABIT", TITLE, P1, P2]) == []


def test_bullet_shapes():
    for item in ("• Six villages cut off", "– Six villages cut off", "▪ Six villages", "* Six villages"):
        assert is_bullet(item)
    for text in ("“Never again,” she said.", '" Six villages', "#floods #kenya", "140 people rescued", "(AFP) Six villages", "•Six"):
        assert not is_bullet(text)


def test_the_layout_pass_is_off_without_its_rules():
    bare = dataclasses.replace(RULES, rules=[r for r in RULES.rules if r.kind != "layout"], compiled=None)
    raw = _page("WEATHER", TITLE, P1, P2, "Flood maps for every county")
    assert clean_text(raw, bare).text == "\n".join(["WEATHER", TITLE, P1, P2, "Flood maps for every county"])
    assert clean_text(raw, RULES).text == "\n".join([TITLE, P1, P2])


def test_prose_shapes():
    assert is_prose(P1) and is_prose("“Never again.”") and is_prose("“Never.”") and is_prose('He said: "We stay."')
    assert is_prose("Officials said the road would reopen within a week once the water level falls")
    for furniture in ("Flood maps for every county", "Share (12)", "Tags: floods, Kenya", "Tonight 14° Light showers", "Next"):
        assert not is_prose(furniture)
