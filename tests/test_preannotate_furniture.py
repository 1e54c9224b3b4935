"""Furniture lines the cleaner kept get no suggestions; headlines and reporting keep theirs.
Sentences are invented for these tests."""

import pytest

from newscorpus.preannotate import Resources, preannotate_text
from newscorpus.preannotate.furniture import furniture_ranges, is_furniture


def layers(text):
    doc = preannotate_text(text, doc_id="t", published=None, resources=Resources())
    return [(s["layer"], s["text"]) for s in doc["spans"]]


@pytest.mark.parametrize("line", [
    "Home · World · Kenya · Opinion · Video",
    "Topics: East Africa | Kenya | Somalia",
    "You are here: News » Kenya » Mandera",
    "Jane Otieno in Nairobi",
    "Filed by a staff reporter in Garissa",
    "Jane Otieno is the paper's East Africa correspondent.",
    "Next story: Floods cut the road to Mandera",
    "Residents queue for water in Mandera, May 3. HERALD/Peter Kamau",
    "© 2031 Rift Valley Courier. All rights reserved.",
    "RIFT VALLEY COURIER",
    "By Jane Otieno",
    "By Jane Otieno, Mandera correspondent",
    "By Peter Kamau Njoroge, senior security reporter",
    "RIFT VALLEY COURIER - News from Eldoret, Nakuru and Kisumu",
    "LAKE REGION TIMES | Your window on Kisumu",
    "Compiled from Eldoret by Mary Wanjiru",
    "Live coverage by Amos Kiprop and Grace Achieng",
    "Photography by Tom Mboya Odhiambo",
    "Written by Jane Otieno & Peter Kamau  |  Sat 03.05.2031  |  14:20 EAT",
])
def test_furniture_shapes(line):
    assert is_furniture(line, {"clashes", "fighting"})


@pytest.mark.parametrize("line", [
    "Clashes in Mandera leave five dead",
    "Kenya: gunmen kill five in Mandera raid",
    "LIVE: Gunmen attack police post near Mandera",
    "Police said the attackers fled towards Somalia.",
    "Fighting in Garissa",
    "By Monday, police had sealed off the road to Mandera.",
    "GARISSA – Gunmen attacked a police post near the border on Monday.",
    "KENYA – gunmen kill five in Mandera raid as police hunt the attackers across the county border",
    "Reported by herders, the raid left three dead.",
    "Coverage by state television was cut on Monday.",
    "Filed by Friday, the claims will be paid in May.",
])
def test_reporting_and_headlines_are_not_furniture(line):
    assert not is_furniture(line, {"clashes", "fighting"})


def test_no_suggestions_in_a_kept_menu_or_byline():
    text = ("Home · World · Kenya · Opinion\nGunmen kill five in Mandera raid\nJane Otieno in Nairobi\n"
            "Gunmen attacked a bus near Mandera on Monday, police said.")
    got = layers(text)
    first_body = text.index("Gunmen attacked")
    assert not any(t in ("Kenya", "Nairobi", "Jane Otieno") for _, t in got)
    assert ("LOCATION", "Mandera") in got  # the headline and body keep theirs
    spans = preannotate_text(text, doc_id="t", published=None, resources=Resources())["spans"]
    assert any(s["start"] >= first_body and s["layer"] == "EVENT" for s in spans)
    assert furniture_ranges(text, set())[0] == (0, text.index("\n"))


def test_one_name_in_a_place_is_a_headline_not_a_byline():
    assert not is_furniture("Hamas in Cairo", set())


@pytest.mark.parametrize("line", [
    "Posted: Monday, 9 June",
    "Published on 9 June 2031",
    "June 9, 2031 7:45 AM EAT - Updated 9:10 AM EAT",
    "Updated 14:20 GMT",
    "Mon 9 Jun 2031 | 07:45",
])
def test_a_timestamp_line_is_furniture_and_gets_no_time(line):
    """Scheme, Boilerplate: a dateline that is page furniture dates no event (its date is metadata)."""
    assert is_furniture(line)
    text = line + "\nGunmen attacked a bus near Mandera on Monday."
    spans = preannotate_text(text, doc_id="t", published=None, resources=Resources())["spans"]
    assert not [s for s in spans if s["start"] < len(line)]
    assert any(s["layer"] == "TIME" and s["text"] == "Monday" for s in spans)  # the body keeps its time


@pytest.mark.parametrize("line", [
    "On Monday, 9 June, gunmen attacked a bus.",
    "In June 2031, rebels took the town.",
    "At 7 PM, UN staff left the camp.",
    "Updated casualty figures: 12 dead",
])
def test_a_sentence_with_a_date_is_no_timestamp(line):
    assert not is_furniture(line)


def test_an_outlet_name_above_a_sentence_case_headline_gets_no_actor():
    """Scheme, metadata: the outlet is ``source``, not an actor; a masthead line the cleaner kept
    holds no annotation, while the headline under it keeps its own."""
    text = ("Lake Region Observer\nRebels seize a ferry port near Kisumu as police regroup\n"
            "Rebels seized the ferry port on Monday, police said.")
    spans = preannotate_text(text, doc_id="t", published=None, resources=Resources())["spans"]
    top = text.index("\n")
    assert not [s for s in spans if s["start"] < top]
    assert any(s["layer"] == "ACTOR" and s["start"] > top and s["end"] < text.index("\n", top + 1) for s in spans)
    assert furniture_ranges("KIVU & ITURI WIRE\nGunmen kill five in raid on a market near Bunia") == [(0, 17)]


def test_title_case_headlines_are_not_taken_for_an_outlet():
    text = "Rebels Seize Ferry Port\nBy Jane Otieno\nRebels seized the ferry port on Monday, police said."
    assert (0, len("Rebels Seize Ferry Port")) not in furniture_ranges(text)


@pytest.mark.parametrize("line", [
    "Follow RVC on Facebook and X",
    "▶ Listen live: Lakeside FM 101.2 Kisumu",
    "Support local reporting in Turkana. Donate now →",
    "Join our WhatsApp channel",
    "Sign up for our Horn of Africa briefing",
])
def test_a_call_to_action_is_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Support for the truce grew among our members, the union said.",
    "Join talks in Nairobi on Friday, the envoy told both sides.",
    "Watch groups said the militia followed the convoy on Monday.",
])
def test_reporting_that_opens_with_such_a_verb_is_not_a_call_to_action(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "Wednesday the 4th of June, 2031",
    "Friday, 14 Khordad 1410 (4 June 2031) - 09:15 Kabul",
    "Correction, 5 June: An earlier version of this story misspelt the governor's name.",
    "Clarification: This article has been amended to show the clinic reopened.",
    "Photo 3 of 11   Soldiers guard the bridge at Mandera on Friday.",
    "‹ Prev | Next ›   Smoke rises over the market on Friday. (County Fire Service)",
    "Jane Otieno (Garissa) and Peter Kamau (Nairobi)",
])
def test_dated_furniture_shapes(line):
    """Stamps with a second calendar or a city, correction notes, gallery lines, bylines with bases."""
    assert is_furniture(line)
    spans = preannotate_text(line, doc_id="t", published=None, resources=Resources())["spans"]
    assert not spans


@pytest.mark.parametrize("line", [
    "Correction officers said: the prison was calm on Friday.",
    "Update: Police said on Friday that 12 people had died.",
    "President Amina Yusuf (Ruritania) said the talks would resume.",
    "On Friday 4 June Kabul police closed the road.",
    "The photo of 11 soldiers at the bridge was taken on Friday.",
])
def test_sentences_like_dated_furniture_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "Keywords: #Floods #Kisumu #Relief",
    "#Drought · #Turkana · #Aid",
    "Photo gallery (14 images): the market after the fire",
    "VIDEO GALLERY (3) › Rescue teams at work",
    "[Photo] Residents inspect a burned shop in Moyale. (Courtesy of Jane Roe)",
    "[Video: Police clear the road near Isiolo, 1:12]",
    "[AUDIO] Listen: the chief on the night of the raid (2 min)",
    "Por / By Amara Ndiaye, in Kolda",
    "By Jane Otieno, in Garissa",
    "Staff reporter Jane Otieno, with reporting from Marsabit by Peter Kamau",
    "Copyright © 2031 Lake Basin Herald. Todos los derechos reservados.",
    "Copyright (c) Rift Valley Courier. Unauthorized reproduction prohibited.",
    "💬 112 comments",
    "Join the debate — 31 comments",
    "Comments (7) | Add yours",
    "You have 2 free articles left this week. Subscribe for KSh 99",
])
def test_media_tags_hashtags_and_shared_bylines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The militia posted #Kisumu videos of the raid, police said.",
    "Police said the attackers, with reporting from witnesses, fled toward the river.",
    "By Tuesday, in Garissa, the floods had cut three roads.",
    "The photos (12 of them) were taken at night, the agency said.",
    "Copyright holders say the new rule is unfair to photographers.",
    "The county received 48 comments from residents on the plan, officials said.",
    "You have two choices, the chief told the families.",
])
def test_sentences_like_those_shapes_are_not_furniture(line):
    assert not is_furniture(line)


def test_no_place_suggested_in_a_bracketed_photo_caption():
    text = "Floods hit Moyale on Monday, officials said.\n[Photo] A flooded road near Sololo. (Courtesy of Jane Roe)\n"
    got = layers(text)
    assert ("LOCATION", "Moyale") in got and ("LOCATION", "Sololo") not in got


@pytest.mark.parametrize("line", [
    "Have your say — 12 comments. Log in to comment.",
    "31 comments · Join the discussion",
    "Quick facts ▾ The dam holds 40 million cubic metres · it opened in 1971",
    "Read in: English ▾ | Swahili",
    "Sponsored · You may also like: Cheap flights to Mombasa · 7 foods that burn fat",
    "Advertisement: Five hotels you must see before you die",
])
def test_comment_calls_fold_out_boxes_and_promoted_rows_are_furniture(line):
    assert is_furniture(line, {"clashes", "fighting"})


@pytest.mark.parametrize("line", [
    "The council received 300 comments from residents before it voted on the plan.",
    "Police said the water level ▾ had fallen by Monday.",
    "Promoted officers said two soldiers were killed near the border.",
])
def test_reporting_with_comments_or_marks_is_not_furniture(line):
    assert not is_furniture(line, {"clashes", "fighting"})


@pytest.mark.parametrize("line", [
    "§ MOST READ  1. River port traffic falls again  2. Bread prices: what changes  3. Bus crash: four dead  4. Cup: squad named",
    "Most popular: 1. Flood waters rise in the delta 2. Minister quits 3. Rally held in the capital",
])
def test_a_ranked_list_of_headlines_is_furniture(line):
    assert is_furniture(line)
    assert not [s for s in layers(line) if s[0] == "FIGURE"]


@pytest.mark.parametrize("line", [
    "The plan has three steps. 1. Talks 2. Ceasefire 3. Elections",
    "He listed 1. A truce, 2. A prisoner swap.",
    "Police said 1. Two men were held 3. Four escaped 2. One died.",
])
def test_numbered_points_in_reporting_are_not_a_ranked_list(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "· 14:05 Governor visits flooded market",
    "08:30 GMT Rescue teams reach the valley",
    "Reported by Jane Roe and John Doe · Fri 3.5.2025 · 10:12 Kisumu time",
])
def test_live_blog_entry_lists_and_stamped_bylines_are_furniture(line):
    assert is_furniture(line, {"clashes", "fighting"})


@pytest.mark.parametrize("line", [
    "14:05 The governor said the market would reopen on Monday.",
    "At 08:30 rescue teams reached the valley",
])
def test_a_sentence_opening_with_a_clock_time_is_not_furniture(line):
    assert not is_furniture(line, {"clashes", "fighting"})
