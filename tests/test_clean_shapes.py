"""Furniture shapes common across news sites, each with reporting of a near shape that stays.

Every case pairs an invented furniture line that a rule must remove (and that rule must be the
one removing it) with an invented content line close to it in shape that must survive whole:
a masthead against a headline in capitals, a role line against a headline about journalists,
a section bar against a title with a pipe, and so on. None is copied from an evaluation page.
"""

from __future__ import annotations

import pytest

from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.clean import clean_text, load_rules

RULES = load_rules(DEFAULT_CLEANING_RULES)
BODY = "Floodwater reached the second floor of the district hospital on Tuesday, the health office said."
AFTER = "Officials said 40 patients had been moved to a school on higher ground."

CASES = [
    ("masthead", "THE RIVERSIDE COURIER", "RIVERSIDE, Kenya — Floodwater cut the main road on Tuesday."),
    ("masthead", "LAKES & HILLS WIRE", "BUDGET UNDER REVIEW"),
    ("masthead", "Upland Chronicle", "The Chronicle of a Siege Foretold Is Back in Print"),
    ("masthead", "DELTA DISPATCH — News from Asaba and Warri", "DELTA DISPATCH — the paper said its printing press was flooded."),
    ("section_bar", "Coast Post | News | Weather | Floods", "Floods close schools | Live"),
    ("section_bar", "EN | SW", "EN-ROUTE convoys were stopped at the bridge, the police said."),
    ("section_kicker", "Middle East", "Middle East envoys met in Doha on Monday."),
    ("updated_stamp", "Wed 5 Feb 2025 · 09:15 Amman", "Wed 5 Feb 2025 was the wettest day on record, the weather service said."),
    ("updated_stamp", "March 4, 2025 7:05 AM EAT - Updated 9:30 AM EAT", "Updated figures released at 9:30 AM showed 12 deaths."),
    ("updated_stamp", "Posted: Tuesday, 4 March", "Tuesday, 4 March, was the day the dam broke."),
    ("updated_stamp", "6 min read · Updated 2 hours ago", "6 min after the siren, the water arrived."),
    ("navigation", "Listen to this story – 9 min", "Listen to the survivors, the bishop told the crowd."),
    ("navigation", "Menu ☰ Log in | Register", "Menu prices doubled as roads closed."),
    ("byline", "By Tomas Berg, Kigali correspondent", "By Tuesday, the Correspondent Had Left Kigali"),
    ("byline_role", "Tomas Berg | Coastal affairs reporter", "Gunmen abduct two journalists"),
    ("role_under_name", "Regional correspondent", "Police question two reporters"),
    ("role_line", "Filed by our correspondent in Gulu", "Filed by our correspondent in Gulu, the report said troops had left."),
    ("role_line", "Staff Report", "Staff reported the flooding to the council on Monday."),
    ("author_bio", "Tomas Berg is The Harbour Courier’s Kigali correspondent.", "Tomas Berg is the third correspondent detained this year, the union said."),
    ("newsletter", "Subscribe for €2 a month", "Subscribers paid €2 a month before the paper closed."),
    ("support_prompt", "Support independent journalism in the region. Donate today →", "Donate blood at the district hospital, the health office urged on Tuesday, as stocks ran low."),
    ("support_prompt", "Have a tip? Write to us at desk@paper.example", "Have a tip for the police? Residents said they were afraid to call."),
    ("click_here_line", "Click here to get our news on WhatsApp", "Click here to get help, the flood app told users, but the network was down."),
    ("follow_us", "Follow HCN on Instagram and LINE", "Follow the river road to the camp, the guide said."),
    ("share_prompt", "Share this: X · Facebook · Email", "Share prices fell as the river rose."),
    ("share_prompt", "Share ▸ Facebook ▸ X", "Share the water, the mayor told residents."),
    ("share_prompt", "Print this article", "Print runs were cut after the press flooded."),
    ("comment_form", "Comments (4) - Log in to comment", "Comments by the governor angered the farmers."),
    ("comment_form", "Join the discussion · 8 comments", "Join the discussion on rebuilding, the council urged residents."),
    ("comment_form", "Comments are closed for this story.", "Comments are closed to the public during the inquiry, the judge said."),
    ("read_more", "Previous article: Town council votes on new bus routes", "Previous articles in the series were read by thousands."),
    ("link_list_line", "Most read: Ferry service resumes after storm · Town council votes on bus routes", "Most read the warning too late, the mayor said."),
    ("rights_links", "Report an error · Reprints & permissions", "Report an error in the count to the ministry, the monitors were told."),
    ("copyright", "Reproduction prohibited without written permission.", "Reproduction of the seed bank was prohibited, the ministry said."),
    ("comment_disclaimer", "Disclaimer: The opinions expressed below are the readers' own.", "The opinions expressed at the meeting were mixed."),
    ("tags_line", "Suggested topics: Africa · Kenya · Floods", "Suggested topics for the talks included the dam and the road."),
    ("caption_agency", "Fishermen mend nets at the harbour, Jan. 3. COURIER/Tomas Berg", "Talks between the two sides resumed on Monday, the UN/AU envoy said."),
    ("breadcrumb_line", "You are here: Home » Africa » Rift Valley", "You are here because the road is closed, the officer said."),
]


def _clean(line: str):
    return clean_text(f"{BODY}\n\n{line}\n\n{AFTER}\n", RULES)


@pytest.mark.parametrize("rule_id,furniture,content", CASES)
def test_the_rule_removes_its_shape_and_keeps_reporting_of_a_near_shape(rule_id, furniture, content):
    removed = _clean(furniture)
    assert removed.text == f"{BODY}\n{AFTER}", removed.removed
    assert rule_id in {r["rule"] for r in removed.removed}
    kept = _clean(content)
    assert kept.text == f"{BODY}\n{content}\n{AFTER}", kept.removed


def test_more_from_heading_takes_the_headlines_under_it():
    text = "\n".join([BODY, "More from Riverside Courier", "Ferry service resumes after storm", "What the new levy means for traders?", "", AFTER])
    result = clean_text(text, RULES)
    assert result.text == f"{BODY}\n{AFTER}"
    assert {r["rule"] for r in result.removed} >= {"related_list"}


@pytest.mark.parametrize("line", [
    "KISUMU, Kenya (RC) — Floodwater reached the hospital on Tuesday.",
    "GUNMEN KILL REPORTER IN DELTA",
    "TROOPS SEIZE BORDER POST",
    "Israel Detains Three Journalists",
    "The General Staff said its troops had repelled four assaults.",
    "Tomas Berg in Kigali",  # a byline or a headline: left alone (see the rules' notes)
])
def test_headlines_and_datelines_of_near_shapes_are_kept(line):
    result = _clean(line)
    assert result.text == f"{BODY}\n{line}\n{AFTER}", result.removed


@pytest.mark.parametrize("line", ["Kigali correspondent", "Senior Europe Editor", "Chief political correspondent", "Coastal affairs reporter"])
def test_a_role_alone_on_a_line_goes(line):
    result = _clean(line)
    assert result.text == f"{BODY}\n{AFTER}" and {r["rule"] for r in result.removed} & {"role_line", "role_under_name"}


@pytest.mark.parametrize("line", ["Russia Expels Correspondents", "Gunmen Abduct Journalists", "Army Chief of Staff", "Gunmen kill reporter",
                                  "Police detain photographer", "Russia expels correspondent"])
def test_title_case_headlines_ending_in_a_job_noun_are_kept(line):
    result = _clean(line)
    assert result.text == f"{BODY}\n{line}\n{AFTER}", result.removed


TITLE = "Floodwater cuts the coast road as the river breaks its banks"


def test_a_lone_name_above_a_role_line_goes_with_it():
    text = "\n".join([TITLE, "Tomas Berg", "Regional correspondent", BODY, AFTER])
    result = clean_text(text, RULES)
    assert result.text == "\n".join([TITLE, BODY, AFTER])
    assert "".join(r["text"] for r in result.removed if r["rule"] == "role_under_name") == "Tomas Berg\nRegional correspondent"


def test_the_line_above_a_role_stays_unless_it_is_only_a_name_and_not_the_title():
    # the title itself is never taken, even when it is name-shaped
    text = "\n".join(["Tomas Berg", "Regional correspondent", BODY])
    assert clean_text(text, RULES).text == "\n".join(["Tomas Berg", BODY])
    # a sentence above a role line stays
    text = "\n".join([TITLE, BODY, "Regional correspondent", AFTER])
    assert clean_text(text, RULES).text == "\n".join([TITLE, BODY, AFTER])


MORE_CASES = [
    ("reading_time", "Reading time: 6 minutes", "Reading time for pupils was cut to 20 minutes a day, the ministry said."),
    ("follow_us", "Follow us: Facebook · X · Instagram", "Follow us to the camp, the driver told the aid workers."),
    ("outlet_tag", "— With agencies", "With agencies stretched, volunteers ran the shelters."),
    ("contributor_line", "Edited by Ann Poe", "Edited by hand, the list named 40 missing fishermen."),
    ("source_link", "This article was originally published by The Harbour Courier.", "This article of the constitution was first published in 1962, the court noted."),
    ("source_link", "Email the author: desk@paper.example", "Email the mayor, residents were told, but the servers were down."),
    ("navigation", "Already have an account? Sign in", "Already have an account of the flood? The inquiry wants to hear it."),
    ("share_prompt", "Link copied!", "Link roads to the port were copied from an old plan."),
    ("photo_caption", "Image source, Harbour Courier", "Image sources on the ground were hard to verify, the monitors said."),
]


@pytest.mark.parametrize("rule_id,furniture,content", MORE_CASES)
def test_more_shapes_go_and_their_near_reporting_stays(rule_id, furniture, content):
    test_the_rule_removes_its_shape_and_keeps_reporting_of_a_near_shape(rule_id, furniture, content)


@pytest.mark.parametrize("line", [
    "THE RIVERSIDE COURIER — Floods cut the delta road as rains go on",
    "Support local journalism by buying a paper, the mayor urged.",
    "Follow the Front on Line 3 to the camp",
])
def test_a_masthead_before_a_headline_and_appeals_in_reporting_are_kept(line):
    result = _clean(line)
    assert result.text == f"{BODY}\n{line}\n{AFTER}", result.removed


TEMPLATE_CASES = [
    ("footer_links", "About us | Contact | Advertise | Careers", "About 300 people contacted the helpline, the council said."),
    ("footer_links", "Terms and Conditions", "Terms and conditions of the loan were never published, the auditor said."),
    ("footer_links", "Powered by WordPress", "Powered by diesel generators, the hospital kept running."),
    ("paywall", "This content is for subscribers only", "This content is for residents of the camp, the aid group said."),
    ("paywall", "You have 3 free articles left this month", "You have 3 days to leave, the notice told residents."),
    ("app_prompt", "Install our app for the latest news", "Install the pumps first, the engineer said, then the generators."),
    ("media_widget", "Photo 1 of 12", "1 of 5 households lost their homes, the survey found."),
    ("media_widget", "Video duration 02:31", "Video shows water pouring into the ward, the hospital said."),
    ("advertisement", "Advertisement - Scroll to continue", "Advertisement boards were torn down by the wind."),
    ("advertisement", "Sponsored by Acme Foods", "Sponsored by the UN, the talks opened in Nairobi on Monday."),
    ("navigation", "Back to top ↑", "Back to the top of the hill, the families walked for hours."),
    ("navigation", "Load more stories", "Load more sandbags onto the truck, the officer shouted."),
    ("share_prompt", "Click to share on X (Opens in new window)", "Click to share campaigns spread the rumour, researchers said."),
    ("follow_us", "Like us on Facebook", "Like us, they lost everything, the farmer said."),
    ("support_prompt", "Got a story? Contact us", "Got a story about the flood? Residents said they had many."),
    ("comment_form", "Thank you for subscribing!", "Thank you for coming, the mayor told the volunteers."),
    ("comment_disclaimer", "The views expressed in this column are the author's own.", "The views expressed at the meeting were the farmers' own, the chairman said."),
    ("updated_stamp", "2025-02-04T07:15:00Z", "2025-02-04 was the day the river peaked, the agency said."),
    ("caption_credit", "Fishermen mend nets at the harbour. Photo by Tomas Berg", "Fishermen mend nets at the harbour, the photo by Tomas Berg shows."),
    ("caption_agency", "Fishermen mend nets at the harbour. (Tomas Berg/HC)", "Fishermen mend nets at the harbour (and the boats are in)."),
    ("section_kicker", "Live updates", "Live updates from the ministry stopped on Monday."),
]


@pytest.mark.parametrize("rule_id,furniture,content", TEMPLATE_CASES)
def test_page_template_shapes_go_and_their_near_reporting_stays(rule_id, furniture, content):
    test_the_rule_removes_its_shape_and_keeps_reporting_of_a_near_shape(rule_id, furniture, content)


@pytest.mark.parametrize("line", ["Security", "Economy", "Health"])
def test_a_one_word_topic_alone_may_be_a_crosshead_and_stays(line):
    result = _clean(line)
    assert result.text == f"{BODY}\n{line}\n{AFTER}", result.removed


def test_a_name_in_a_place_just_above_the_stamp_is_a_byline():
    text = "\n".join([TITLE, "Tomas Berg in Kisumu", "", "Tue 4 Mar 2025 10.15 EAT", BODY])
    result = clean_text(text, RULES)
    assert result.text == "\n".join([TITLE, BODY])
    # not when it is the title, not when another line was removed between, not a sentence
    for kept in (
        ["Macron in Beirut", "Tue 4 Mar 2025 10.15 EAT", BODY],
        [TITLE, "Tomas Berg in Kisumu", "Share this article", "Tue 4 Mar 2025 10.15 EAT", BODY],
        [TITLE, "Pope Francis in Iraq: a visit remembered", "Tue 4 Mar 2025 10.15 EAT", BODY],
    ):
        expected = [line for line in kept if line not in {"Tue 4 Mar 2025 10.15 EAT", "Share this article"}]
        assert clean_text("\n".join(kept), RULES).text == "\n".join(expected)


def test_a_lone_name_goes_only_when_it_is_just_above_the_role():
    text = "\n".join([TITLE, "Tomas Berg", "Share this article", "Regional correspondent", BODY])
    assert clean_text(text, RULES).text == "\n".join([TITLE, "Tomas Berg", BODY])


# Shapes the rules now read in any script and with any separator, and more page-template
# shapes; each invented furniture line against invented reporting of a near shape.
GENERAL_CASES = [
    ("byline", "By Zoë Ndiaye, with agencies", "By Zoë’s account, the agencies left the camp on Monday."),
    ("byline", "Story by Ana Ruiz", "Story by story, the council rebuilt the harbour wall."),
    ("byline", "By Şebnem Yılmaz and Łukasz Żak", "By Şebnem Yılmaz’s count, 40 boats were lost."),
    ("section_bar", "Français | English", "Français and English are both taught at the school, the head said."),
    ("section_bar", "English · العربية · Kiswahili", "English classes resumed | the school reopened on Monday"),
    ("section_bar", "Accueil | Région | Économie | Énergie", "Énergie | prices rose, the regulator said on Monday"),
    ("breadcrumb_line", "Africa ▸ West Africa ▸ Sahel", "Africa ▸ the floods reached the Sahel, the agency said"),
    ("breadcrumb_line", "Région › Sénégal › Saint-Louis", "Région officials › met on Monday to discuss the dam"),
    ("masthead", "BAY OF LAKES POST", "LETTERS TO THE POST"),
    ("masthead", "THE HARBOUR MORNING POST", "THE LAST POST"),
    ("masthead", "VOICE OF THE DELTA HERALD", "RETURN OF THE HERALD"),
    ("masthead", "Écho du Lac Chronicle", "Écho du Lac chronicles the flood in a new book"),
    ("copyright", "© 2025 Écho du Lac. All rights reserved.", "© symbols on the posters were painted over by the council."),
    ("byline_role", "Élodie Ngoma | Middle East Correspondent", "Élodie Ngoma | the correspondent who stayed"),
    ("contributor_line", "Reporting by Ömer Çelik in Ankara; Editing by Ægir Ásgeirsson", "Reporting by Ömer Çelik in Ankara was cut short by the floods."),
    ("masthead", "ÉCHO DU LAC GAZETTE", "ÉCHO DU LAC: THE PAPER THAT SURVIVED THE FLOOD"),
    ("reading_time", "312 shares", "312 shares of stock changed hands before noon, the exchange said."),
    ("reading_time", "1.2K shares", "1.2K shares were sold in the first hour."),
    ("contributor_line", "Reported by: Ana Ruiz | Edited by: Ben Ode", "Reported by the coastguard, the sinking was confirmed on Monday."),
    ("updated_stamp", "First Published: Mar 4, 2025, 07:15 EAT | Updated: Mar 4, 2025, 09:30 EAT", "First published in 1921, the paper printed its last edition on Monday."),
    ("updated_stamp", "Published 04.03.2025 — 07:15 (GMT+3)", "Published on 04.03.2025, the report was withdrawn at 07:15 (GMT+3) the next day."),
    ("sponsored_line", "Sponsored: Fly to the coast this winter - book now and save 15%", "Sponsored by the council, the ferry resumed on Monday."),
    ("sponsored_line", "Partner content: Three lakeside lodges for a quiet weekend", "Promoted: Col. Ana Ruiz, to brigadier general"),
    ("tags_line", "Related Topics: Floods, Kenya, Harbour", "Related topics were discussed at the summit, the envoy said."),
    ("feedback_prompt", "Was this article helpful?  Yes / No", "Was this article helpful to the defence? The judge said it was not."),
    ("app_prompt", "Get the latest news on our app. Download now", "Get the latest news on the floods from the radio, the council said."),
    ("newsletter", "Newsletter: Get the Harbour Courier evening digest in your inbox. Sign up", "Newsletter sign-ups doubled after the floods, the editor said."),
    ("navigation", "Skip to navigation", "Skip to the navigation of the river, the captain told the crew."),
    ("navigation", "Menu Search Lire en français", "Menu prices in French cafés doubled this year."),
    ("photo_caption", "Image 2 of 5: Fishermen mend nets at the harbour on Monday. (Harbour Courier)", "Image 2 of the report shows the dam, the engineers said."),
    ("link_list_line", "Most shared: 1. Ferry service resumes after storm 2. Town council votes on bus routes", "Most shared the view that the ferry should resume, the survey found."),
    ("read_more", "Also Watch: Ferry service resumes after storm (video, 2:14)", "Also watch the river level, the officer told residents."),
    ("correction_note", "This article was amended on 4 March 2025 to correct the name of the ferry.", "This article of the charter was amended in 2019 to correct a drafting error, the court said."),
    ("correction_note", "This story has been updated to clarify the date of the vote.", "This story has been told many times by the fishermen of the bay."),
    ("copyright", "© Bay of Lakes Post 2025 — Reproduction subject to permission", "Copyright of the Bay of Lakes Post 2025 archive went to court, the lawyers said."),
]


@pytest.mark.parametrize("rule_id,furniture,content", GENERAL_CASES)
def test_unicode_names_any_separator_and_more_template_shapes(rule_id, furniture, content):
    test_the_rule_removes_its_shape_and_keeps_reporting_of_a_near_shape(rule_id, furniture, content)


def test_a_trail_needs_a_pointing_separator_and_a_two_item_bar_stays():
    # two capitalised items joined by '|' may be a title ('Analysis | Why Israel Struck Now'): only
    # a trail separator makes two items furniture, a bar needs three
    for line in ("Analysis | Why Israel Struck Now", "Gaza | The Day After"):
        assert _clean(line).text == f"{BODY}\n{line}\n{AFTER}"
