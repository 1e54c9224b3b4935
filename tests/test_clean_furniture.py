"""Cleaning never deletes reporting: furniture rules need the furniture's shape, not its first word.

For every rule, the rules file lists the words its furniture starts with (``triggers``); here
hypothesis writes reporting that starts with each of them (a sentence with a verb, or a
title-case headline) and checks that every line survives cleaning whole. A second table holds
furniture in shapes the rules were not written from (other sites' wording), which must go.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.clean import clean_text, load_rules

RULES = load_rules(DEFAULT_CLEANING_RULES)
BODY = "Israeli forces launched a drone strike in southern Lebanon on Wednesday, officials said."
AFTER = "The army said the strike hit a weapons depot near the border with Israel."
TRIGGERS = sorted({t for rule in RULES.rules for t in rule.triggers})

SUBJECT = st.sampled_from([
    "Human Rights Watch", "the withdrawal of Israeli forces", "the army", "local officials", "Christmas Eve, Israeli forces",
    "residents of the town", "the health ministry", "Reuters", "Getty Images photographers", "displaced families",
    "Hezbollah on Telegram, the group", "the ceasefire, the hostages and the aid convoys", "the UN envoy",
    "Monday night, the strikes", "mediators in Cairo", "the newsletter of the aid group", "the comments of the minister",
])
VERB = st.sampled_from([
    "found that", "said", "showed", "had withdrawn from", "were killed near", "confirmed", "will resume talks on",
    "reported that", "is expected to reach", "has warned about", "told reporters about", "was blamed for",
    "would not comment on", "could not verify", "distributed images of",
])
OBJECT = st.sampled_from([
    "12 paramedics killed in the strikes", "smoke rising over the port", "the cookies and aid parcels handed out in Gaza",
    "updates from the front", "the photo of the strike", "the border villages", "the shelling of Sake",
    "three hours of talks", "the register of displaced families", "the share of homes destroyed", "the copyright dispute",
    "the related attacks in the north", "the most recent strikes", "Reuters and AFP reporters",
])
TAIL = st.sampled_from(["", " on Tuesday", " in southern Lebanon", ", officials said", " last week", ", according to the UN"])


@st.composite
def reporting(draw):
    """A line of reporting after a trigger: a sentence with a verb, or a title-case headline."""
    words = f"{draw(SUBJECT)} {draw(VERB)} {draw(OBJECT)}{draw(TAIL)}"
    style = draw(st.sampled_from(["sentence", "headline", "colon", "dash"]))
    if style == "headline":
        return " " + " ".join(w if w in {"of", "the", "and", "in", "on", "for", "to"} else w[:1].upper() + w[1:] for w in words.split())
    if style == "colon":
        return f": {words}."
    if style == "dash":
        return f" - but not {words} - the army said."
    return f" {words}."


def _survives(line: str) -> bool:
    result = clean_text(f"{BODY}\n\n{line}\n\n{AFTER}\n", RULES)
    return result.text == f"{BODY}\n{line}\n{AFTER}"


def test_every_furniture_rule_names_its_trigger_words():
    furniture = [r for r in RULES.rules if r.kind in {"line", "block"}]
    assert len(TRIGGERS) >= 30
    # ui_glyph_line: its furniture opens with a glyph, not a word (prose never does; near lines in test_clean.py)
    exempt = {"navigation", "reading_time", "outlet_tag", "source_link", "lead_image_caption", "ui_glyph_line"}
    missing = [r.id for r in furniture if not r.triggers and r.id not in exempt]
    assert not missing, f"rules without trigger words: {missing}"


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(trigger=st.sampled_from(TRIGGERS), rest=reporting())
def test_reporting_that_starts_with_a_trigger_word_survives(trigger, rest):
    line = (trigger.rstrip(":") + rest) if rest.startswith(":") else trigger + rest
    assert _survives(line), line


@pytest.mark.parametrize("line", [
    "Reporting by Human Rights Watch found that 12 paramedics were killed in strikes on ambulances since October.",
    "(c) the withdrawal of Israeli forces from positions south of the Litani river within 60 days.",
    "An image distributed via Getty Images showed smoke rising over the southern suburbs of Beirut.",
    "Like Hezbollah on Telegram, the Houthis post claims of attacks within minutes of launching them.",
    "Recommended - but not mandatory - evacuation orders were issued for 23 villages on Monday.",
    "Topics: the ceasefire, the return of the displaced and the reconstruction of the south dominated the talks.",
    "Register of displaced families kept by the municipality shows 4,000 households have left.",
    "By Christmas Eve, Israeli Forces Had Withdrawn",
    "Ana Ruiz, a senior reporter at the paper, was detained at a checkpoint on Monday.",
    "Menu prices in the capital have doubled since the siege began.",
    "Newsletter editors in the city said they had stopped printing.",
    "Share prices fell 4% in Tel Aviv after the strike.",
    "LIVE ammunition was used against protesters, the rights group said.",
    "Get the wounded out first, the commander told his unit over the radio.",
    "By Monday, Israel had struck more than 100 targets in southern Lebanon.",
    "Follow the money: how Hezbollah pays its fighters",
    "Published reports say the talks will resume in Cairo next week.",
    "Updated casualty figures from the ministry put the toll at 492.",
    "Share prices fell in Tel Aviv as rockets landed.",
    "Related attacks were reported in the Bekaa valley, the army said.",
    "Most Read newspapers in Lebanon led with the strike on Tyre.",
    "Comments by the minister angered Hezbollah.",
    "Copyright infringement claims against the broadcaster were dismissed.",
    "Photo: the army said the image showed a launcher near a school.",
    "Michael Crowley contributed to the confusion by saying the talks had failed.",
    "Sign up for the evacuation was open to all residents, the mayor said.",
    "Home Secretary Resigns Over Strike",
    "We use drones to find the launchers, the commander said.",
    "Oct. 8 was the deadliest day of the year, the ministry said.",
    "Have your say on the ceasefire, the mayor told residents at a town hall.",
    "Translated by the ministry, the letter warned of further strikes.",
    "Reviewed by Judge Ana Ruiz, the case was dismissed on Monday.",
    "Posted by a resident on Facebook, the video shows the strike.",
    "Map: the army said the border was closed",
    "Part 3 of the plan, officials said, would start in May.",
    "Jump to conclusions, the minister warned.",
    "Summary of the report: 40 villages were shelled in March.",
    "Republished figures from the ministry put the toll at 492, the UN said.",
    "▶ Twelve paramedics were killed in the strikes",
    "Gaza 2024: the year the ceasefire failed",
    "Save the Children and Oxfam Join Calls for a Ceasefire",
    "Timeline: how the ceasefire collapsed.",
    "Notes left by the fighters were found in the school, the army said.",
    "Sources: a senior official said the talks had failed; a second confirmed it.",
    "Warning: the army said the strikes would continue.",
    "Weather: rain delayed the convoy, officials said.",
    "Flood watch: residents along the river were told to leave on Monday.",
    "Scan the crowd and you see the same faces, the mayor said.",
    "Classifieds in the paper were full of homes for sale, the agent said.",
    "Posted to the border in May, the unit said it had lost 12 men.",
    "Saved from the rubble, the girl was taken to hospital.",
    "Top commanders: the army said three were killed in the strike.",
    "Word count of the ceasefire text was disputed by both sides.",
    "Siren log kept by the army shows 40 alerts on Monday.",
    "Post by post, the army shared videos of the strikes, the group said.",
    "Scores of people were killed in the strikes · the ministry said 40 died.",
    "Content that may not be reproduced was leaked, the ministry said.",
    "Comments made by the minister were moderated by the speaker, officials said.",
    "If the map does not change, the ceasefire will fail, the envoy said.",
    "Also in the convoy were three ambulances.",
    "This edition of the talks was supported by Qatar, officials said.",
    "Report by the UN found that 12 paramedics were killed.",
    "Poll: most Israelis back the deal, the survey found.",
    "Poll: Did the army strike the school? The UN said it would investigate.",
    "Join the discussion on rebuilding, the council urged residents.",
    "$4m raised of $10m target so far, the charity said.",
    "If you have been to the port you know the smell, the mayor said.",
    "Need help? Families told the UN they had no food.",
    "This story is more than a rumour, the minister said.",
    "Day 12 of the siege was the worst, residents said.",
    "Staff at the hospital, Goma residents and aid workers fled.",
    "Prices > wages > savings: the squeeze on families",
    "Sources: officials, diplomats and residents said the talks had failed.",
    "This video contains footage of the strike, the army said.",
    "Reactions to the strike were swift in Beirut.",
    "Sign in to the portal was blocked for days, residents said.",
    "Thank you for joining us again this morning: rescuers confirmed overnight that four miners had died.",
    "Welcome back to our rolling coverage, where we bring you the latest: two guards were wounded at dawn.",
])
def test_known_false_removals_are_kept(line):
    assert _survives(line), line


# Furniture in shapes the rules were written for, in wording they were not written from.
UNSEEN = [
    "By Maria Gonzalez and Tom O'Brien in Kyiv",
    "BY AHMED HASSAN, Staff Writer",
    "Posted 3 hours ago",
    "Updated: Mar. 3, 2025 at 4:12 p.m. EST",
    "Wed 5 Jun 2024 14.20 BST",
    "This site uses cookies. By continuing to browse you agree to our use of cookies. OK",
    "Share on WhatsApp",
    "Facebook · Twitter · Email · Copy link",
    "Residents inspect a damaged house in Mosul. Photo: Ali Jabar/AP",
    "A man walks past rubble in Aleppo (Photo: Omar Haj Kadour/AFP)",
    "Soldiers at a checkpoint in Gao. REUTERS/Paul Lorgerie",
    "2 Comments",
    "Join the conversation",
    "Sign up for The Morning Brief newsletter and get our top stories in your inbox.",
    "Follow Middle East Eye on Telegram",
    "© 2025 The National. All rights reserved.",
    "Additional reporting by Sam Okafor in Lagos; Editing by Jo Lin",
    "Tags: Sudan, RSF, Darfur",
    "Read more: Sudan's war explained",
    # widget signals (a UI glyph, a link arrow, a button, a media label, a licence note, a credit)
    "📷 In pictures: life in the camps around Goma",
    "⚠ This article contains images some readers may find distressing.",
    "🎧 Listen to this story · 6 min",
    "Listen to this story ▶ 5:32",
    "📩 Get the Africa briefing in your inbox every morning",
    "▲ Back to top",
    "Share ↗",
    "Show more ▾",
    "Read our full coverage of the crisis →",
    "Follow our live coverage »",
    "Explainer | Why Goma matters to the rebels ›",
    "Support our reporting from Goma. Give monthly from $3 →",
    "[Subscribe] [Share] [Save]",
    "Follow Amani Bisimwa",
    "By Amani Bisimwa | Print | Email | Save",
    "Interactive map: where the front line has moved",
    "Graphic (interactive): displaced people by province",
    "Audio (3:12): a nurse describes the night",
    "Brent $81.20 +0.4%   Gold $2,410 −0.2%",
    "Goma 27°C · Bukavu 24°C · Kigali 26°C",
    "By Amani Bisimwa · Goma correspondent · 5 min read",
    "Amani Bisimwa · Staff reporter",
    "Amani Bisimwa, eastern Congo correspondent",
    "Edited by Claire Mbuyi · Fact-checked by Joel Kasongo",
    "Illustrations by Rosa Kanku",
    "Translated from the French by Joel Kasongo",
    "Amani Bisimwa reports on eastern Congo for Kivu Voices.",
    "This article is republished from Kivu Voices under a Creative Commons licence.",
    "Republished with permission from Kivu Voices.",
    "Syndicated by Lakes Wire. All rights reserved.",
    "Did you find an error? Email corrections@kivu.example",
    "Part 2 of a three-part series on the Great Lakes",
    "This story is part of our series on the Great Lakes.",
    "Read our live coverage of the war in Lebanon",
    "Listen to the podcast on Spotify, Apple Podcasts or wherever you get your podcasts.",
    "The Morning Dispatch: our editors' pick of the day's news, every weekday. Sign up",
    "Correction: An earlier version of this story misstated the number of lorries.",
    "Jane Doe is a freelance journalist based in Goma.",
    "Sponsored content from Lakes Bank",
    "(Tap to enlarge)",
    "Hide caption",
    "This reporting was supported by a grant from the Lakes Fund.",
    "With reporting by Ana Ruiz in Goma",
    "Text: Ana Ruiz · Graphics: Ben Ode",
    "Updated ⏱ 2 hours ago",
    "3 min read · 1,204 views",
    "Report an error · Report abuse",
    "Also on Cedar Post: How the south rebuilt after 2006",
    "Newsletter sign-up: The Beirut Brief",
    "Want more stories like this? Subscribe to our weekly digest.",
    "Already a member? Log in",
    "Copy link to clipboard",
    "Save to reading list",
    "Turn on notifications",
    "Back to homepage",
    "Your support keeps our reporting free for everyone.",
    "Watch live on Cedar TV",
    "Auto-translated from Arabic",
    "Most shared this week",
    "Sponsored · Lakes Bank",
    "By Cedar Post staff",
    "Page 2 of 3",
    "We want to hear from you. Share your experience of the floods.",
    "Our journalism is funded by readers like you.",
    "Write to Jane Doe at jane@paper.example",
    "Letters to the editor may be sent to letters@paper.example.",
    "This is a developing story and will be updated.",
    "A version of this article appears in print on March 3, 2025, Section A, Page 8.",
    "About the author",
    "More by Jane Doe",
    "Jane Doe is on X at @janedoe.",
    "Follow Jane Doe on X: @janedoe",
    "Cover photo: Ana Ruiz",
    "© Cedar Post 2025. Some rights reserved.",
    "Subscribe to Cedar Post for £1 a month.",
    "A post shared by Cedar Post (@cedarpost)",
    "Embedded video",
    "Key events",
    "2h ago",
    "Graphic by Ana Ruiz",
    "Tap here to follow our WhatsApp channel",
    "To get the latest news, follow us on Telegram.",
    "Don't miss a story: sign up for breaking news alerts.",
    "Thanks for reading. Support our work.",
    "Like what you read? Share it.",
    "Fajr prayer times today: Fajr 5:10 · Dhuhr 12:01 · Maghrib 5:40",
    "Surf forecast, North Shore: swell 2 m · wind NE 10 km/h · water 24°C",
    "Content warning: this story describes sexual violence.",
    "SEVERE WEATHER WARNING: Gales on the coast tonight. Keep away from the sea front.",
    "Scan this QR code to open the story in our app",
    "Coast Wire on your phone: Get it on Google Play · Download on the App Store",
    "Create your free account to continue reading. Already a member? Sign in",
    "Archived from https://coast.example/a/1 at 2024-10-22 06:14. This copy may differ from the live page.",
    "Air raid alert history: Odesa · Mykolaiv · Kherson (3 alerts)",
    "Small ads: Room to let near the harbour, call 0000 000 000.",
    "Select language: English | Kiswahili | Français",
    "Featured comment - Ana, Lagos: “The power has been off since Friday.”",
    "[Ad unit: leaderboard 728x90]",
    "Words: 812 · 4 min read",
    "How to cite this story: Doe, J. (2025). Floods close the coast road.",
    "Published on 3/4/2025 by Ana Ruiz",
    "Tweet from @coastwire · 10:02 AM · Mar 3, 2025",
    "RESULTS Bay Rovers 0–3 Harbour FC · Coast Stars 64–71 Lakes",
    "DSC_0042.jpg (1200 × 800) — The quay after the storm",
    "© Coast Wire. Content may not be reproduced without permission.",
    "Report by Ana Ruiz, with Tom Roe in Kigali",
    "By Ana Ruiz | 3-Mar-2025 · 18h12 (Kigali)",
    "Comments are reviewed before they are published.",
    "We use cookies to measure our audience. [Accept] [Refuse] [Settings]",
    "Video: loading… If the video does not load, tap here to watch it on our site.",
    "This Swahili edition is funded by a grant from the Coast Trust.",
    "This report was translated from Swahili with the help of machine translation.",
    "More from the coast: Ferry service resumes after storm · Town council votes on bus routes",
    "Quick poll: Should the port reopen? Yes 40% · No 60%",
    "2,311 votes so far",
    "Join us for a free webinar with our Kigali correspondent on 4 June",
    "Events: Coast Forum, 14 May, Harbour Hall. Reserve your seat",
    "Funds raised: €8,200 of €15,000 (55%) · Support us",
    "If you are struggling, the Coast Helpline answers on 0800 000 000.",
    "Looking for a shelter? The council's hotline is 000 000 000, open all night.",
    "This article is more than 5 years old",
    "Subscribe from £2 a month. Cancel anytime.",
    "Senior Africa Correspondent, Goma",
    "Written by Ana Ruiz · Kigali desk",
    "Politics > Local elections > Kigali",
    "Publicado el 3/4/2025 a las 10:15 (hora de Lima)",
    "Friday, 3 January 2025 | 3 Rajab 1446 | 09:10",
    "Day 12 of the siege",
    "HARBOUR WIRE | Kiswahili edition",
    "Sign in to read the full story. Don't have an account? Register for free.",
    "Viewer discretion advised.",
    "This video contains distressing images.",
    "Sources: OCHA, WHO and UNICEF",
    "Air raid alert: Kyiv · Odesa · Kharkiv",
    "From the archive: This story was first published on 3 March 1998.",
    "Most liked comment: “We have had no water for days.”",
    "Scan to download our app",
    "Reactions (214)",
]


@pytest.mark.parametrize("line", UNSEEN)
def test_furniture_shapes_from_other_sites_are_removed(line):
    result = clean_text(f"{BODY}\n\n{line}\n\n{AFTER}\n", RULES)
    assert result.text == f"{BODY}\n{AFTER}", result.removed


def test_a_row_of_sections_opening_with_home_goes_whole():
    # a breadcrumb strips the trail before a headline; a row of one-word sections is no trail, and its
    # last item must not stay behind as if it were the headline
    row = clean_text(f"Home | Regions | Economy | Environment | Culture\n\n{BODY}\n", RULES)
    assert row.text == BODY, row.removed
    trail = clean_text(f"Home › World › Middle East › Israel strikes Lebanon again\n\n{BODY}\n", RULES)
    assert trail.text == f"Israel strikes Lebanon again\n{BODY}"
    assert [r["rule"] for r in trail.removed if r["rule"] != "whitespace"] == ["breadcrumb"]


def test_a_headline_list_is_removed_only_under_its_heading():
    items = ["EU ministers weigh a fresh package for Kyiv", "Why the grain corridor still holds", "Drone strikes leave Odesa without power"]
    listed = clean_text("\n".join([BODY, "More on this story", *items, "", AFTER]), RULES)
    assert listed.text == f"{BODY}\n{AFTER}"
    assert {r["rule"] for r in listed.removed} >= {"related_list"}
    loose = clean_text("\n".join([BODY, *items, AFTER]), RULES)
    assert loose.text == "\n".join([BODY, *items, AFTER])  # the same lines without the heading are kept


def test_boxes_take_their_entries_and_end_at_prose():
    """A timeline, figures, notes box or an embedded post goes with its entries; the prose after it stays."""
    boxes = [
        ("timeline_box", "Timeline: the siege of the port", ["3 March — First strike on the quay", "Early April – Navy closes the sea"]),
        ("number_box", "By the numbers", ["12 clinics closed this year", "40% of boats idle"]),
        ("notes_box", "Glossary", ["UNIFIL: the UN force in southern Lebanon since 1978."]),
        ("notes_box", "Footnotes", ["[2] The ministry's figures were not independently checked."]),
    ]
    for rule_id, heading, items in boxes:
        text = "\n".join([BODY, "", heading, *items, AFTER, ""])
        result = clean_text(text, RULES)
        assert result.text == f"{BODY}\n{AFTER}", (rule_id, result.text)
        assert {seg["rule"] for seg in result.removed} >= {rule_id}, rule_id
    # an embedded post's header takes the post's text under it, not the paragraph after that
    text = f"{BODY}\n\nPost by @coastwatch · 9:58 AM · Sep 11, 2024\nHuge bang near the port, stay inside.\n\n{AFTER}\n"
    result = clean_text(text, RULES)
    assert result.text == f"{BODY}\n{AFTER}" and "embedded_post" in {seg["rule"] for seg in result.removed}
    text = f"{BODY}\n\nCoast Watch @coastwatch · 2h\nHuge bang near the port, stay inside.\n\n{AFTER}\n"
    assert clean_text(text, RULES).text == f"{BODY}\n{AFTER}"
    result = clean_text(f"{BODY}\n\nAlso in Kivu:\nFerry service resumes after storm\n\n{AFTER}\n", RULES)
    assert result.text == f"{BODY}\n{AFTER}" and "related_list" in {seg["rule"] for seg in result.removed}
    # a heading word on its own over prose: the prose stays
    result = clean_text(f"{BODY}\n\nNotes\nThe army said it would hold its fire.\n", RULES)
    assert result.text.endswith("The army said it would hold its fire.")


def test_a_pull_quote_goes_only_when_the_body_holds_its_words():
    said = "“The sea is the only thing we own, and now it is closed to us,” said Hussein Mroue, a fisherman."
    quote = "“The sea is the only thing we own, and now it is closed to us.”"
    result = clean_text(f"{BODY}\n\n{said}\n\n{quote}\n\n{AFTER}\n", RULES)
    assert result.text == f"{BODY}\n{said}\n{AFTER}"
    assert "pull_quote" in {seg["rule"] for seg in result.removed}
    # set above the paragraph it repeats: the quote goes, the paragraph stays
    result = clean_text(f"{BODY}\n\n{quote}\n\n{said}\n\n{AFTER}\n", RULES)
    assert result.text == f"{BODY}\n{said}\n{AFTER}"
    # a line of prose (no quotation mark) above a paragraph holding its words stays
    plain = "The sea is the only thing we own"
    result = clean_text(f"{BODY}\n\n{plain}\n\n{said}\n\n{AFTER}\n", RULES)
    assert plain in result.text
    reworded = "“The sea is all we own, and now it is closed to us.”"
    result = clean_text(f"{BODY}\n\n{said}\n\n{reworded}\n\n{AFTER}\n", RULES)
    assert reworded in result.text


def test_a_headline_list_ends_at_a_sentence_or_a_blank_line():
    text = "\n".join(["Related Articles", "Why the grain corridor still holds", BODY, "Drone strikes leave Odesa without power"])
    assert clean_text(text, RULES).text == f"{BODY}\nDrone strikes leave Odesa without power"
    text = "\n".join(["Related Articles", "Why the grain corridor still holds", "", "Drone strikes leave Odesa without power", AFTER])
    assert clean_text(text, RULES).text == f"Drone strikes leave Odesa without power\n{AFTER}"


def test_requires_hints_only_save_time():
    """Dropping every rule's 'requires' hint changes nothing the cleaner does."""
    import dataclasses

    from _repo import REPO

    bare = dataclasses.replace(RULES, rules=[dataclasses.replace(r, requires=()) for r in RULES.rules], compiled=None)
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.raw_dir.glob("*.txt"))]
    texts += [f"{BODY}\n\n{line}\n\n{AFTER}\n" for rule in RULES.rules for line in rule.examples]
    texts += [f"{BODY}\n{line}\n{AFTER}" for line in UNSEEN]
    for text in texts:
        assert clean_text(text, bare).provenance() == clean_text(text, RULES).provenance()
