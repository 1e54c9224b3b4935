"""TIME span edges: the preposition "at" stays outside, modifiers such as "before"/"around" stay
in, for clock times and the named times of day alike. Invented sentences."""

from datetime import date

import pytest

from newscorpus.preannotate.times import find_times

WED = date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize("text, span, value", [
    ("Gunmen entered the village at dusk on Monday, residents said.", "dusk on Monday", "2025-03-10"),
    ("The convoy left at 6am on Tuesday.", "6am on Tuesday", "2025-03-11"),
    ("The shelling stopped at midnight.", "midnight", "2025-03-12"),
    ("The bodies were buried before noon.", "before noon", "2025-03-12"),
    ("Sirens sounded around 9pm on Sunday.", "around 9pm on Sunday", "2025-03-09"),
    # a clock time with a dot (British and South Asian style)
    ("Firing began at around 10.30 pm near the post.", "around 10.30 pm", "2025-03-12"),
    ("The curfew starts at 6.15am.", "6.15am", "2025-03-12"),
    # named times of day stand alone; "until" is a leading preposition, outside like "since"
    ("Residents heard shooting until dawn.", "dawn", "2025-03-12"),
    ("Shops close at dusk.", "dusk", "2025-03-12"),
    ("The raid ended before daybreak.", "before daybreak", "2025-03-12"),
    ("Talks ran until 5pm on Monday.", "5pm on Monday", "2025-03-10"),
])
def test_time_span_edges(text, span, value):
    got = [(t.text, t.value) for t in find_times(text, WED)]
    assert got == [(span, value)]


@pytest.mark.parametrize("text, span, value", [
    ("Aid deliveries fell in the first half of February.", "the first half of February", "2025-02"),
    ("Convoys stopped at the end of January.", "the end of January", "2025-01"),
    ("In the first six months of the year, 300 people died.", "the first six months of the year", "2025"),
])
def test_parts_of_a_named_month_and_of_the_year(text, span, value):
    assert [(t.text, t.value) for t in find_times(text, WED)] == [(span, value)]


@pytest.mark.parametrize("text, span", [
    ("Rockets were fired at the north since the morning.", "morning"),
    ("Sirens sounded through the afternoon.", "afternoon"),
    ("Drones struck a base later in the morning.", "morning"),
    ("Clashes went on until morning.", "morning"),
    ("Shelling continued during the night.", "night"),
    ("This morning, the army said it had withdrawn.", "This morning"),
])
def test_parts_of_the_day_drop_preposition_and_determiner(text, span):
    assert [(t.text, t.value) for t in find_times(text, WED)] == [(span, "2025-03-12")]


@pytest.mark.parametrize("text", [
    "Residents spent the morning in basements.",  # no preposition: not a time adverbial
    "Voting opened in the morning of the second day.",  # "the morning of ...": a day named elsewhere
])
def test_parts_of_the_day_that_are_not_times(text):
    assert find_times(text, WED) == []


@pytest.mark.parametrize("text, span, value", [
    ("Residents heard eight explosions between 1am and 3am.", "between 1am and 3am", "2025-03-12"),
    ("Drones flew over between 10 p.m. and midnight on Sunday.", "between 10 p.m. and midnight on Sunday", "2025-03-09"),
    ("The shelling lasted between 2am and 4 a.m. yesterday.", "between 2am and 4 a.m.", "2025-03-12"),
])
def test_a_range_of_clock_times_is_one_time(text, span, value):
    assert [(t.text, t.value) for t in find_times(text, WED)][0] == (span, value)


@pytest.mark.parametrize("text, spans", [
    ("Drones struck at 0600 GMT and again at 14:05 GMT.", ["0600 GMT", "14:05 GMT"]),
    ("The raid began at 23:30 on Sunday.", ["23:30 on Sunday"]),
    ("The vote passed 3:2 in the council.", []),  # a score or ratio is no clock time
    ("A force of 1200 troops crossed.", []),  # four digits are a clock time only with a zone
])
def test_24_hour_clock_times(text, spans):
    assert [t.text for t in find_times(text, WED)] == spans


@pytest.mark.parametrize("text", [
    "Hours later, a second blast shook the depot.",
    "Two hours later, medics carried out a wounded driver.",
    "The truce broke down days later.",
    "Minutes earlier, the warning siren had gone off.",
    "The militia left the valley months later.",
])
def test_an_offset_from_an_event_is_no_time(text):
    """Guidelines, Layer TIME: a TIME locates something on the calendar; "hours later" only
    places one event after another, so it is not annotated (no blind gold tags one)."""
    assert find_times(text, WED) == []


def test_earlier_as_an_adjective_is_no_offset():
    assert find_times("The earlier strikes killed five people.", WED) == []


@pytest.mark.parametrize("text, span, value", [
    ("Fighting resumed in the early hours of Sunday.", "early hours of Sunday", "2025-03-09"),
    ("Blasts were heard in the early hours of Saturday morning.", "early hours of Saturday morning", "2025-03-08"),
])
def test_the_early_hours_of_a_day(text, span, value):
    assert [(t.text, t.value) for t in find_times(text, WED)] == [(span, value)]
