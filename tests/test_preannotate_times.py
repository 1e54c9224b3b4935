"""TIME rules: spans and ISO values resolved against the publication date."""

from datetime import date
import re

import pytest

from newscorpus.annotate import scheme
from newscorpus.preannotate.times import find_times, iso_week, most_recent_date, most_recent_weekday

WED = date(2024, 7, 3)  # a Wednesday
SAT = date(2024, 1, 6)  # a Saturday

CASES = [
    ("launched a drone strike on Wednesday that", WED, [("Wednesday", "2024-07-03")]),
    ("On Monday, Blinken said", WED, [("Monday", "2024-07-01")]),
    ("Hochstein arrived in Israel on Thursday", SAT, [("Thursday", "2024-01-04")]),
    ("The group said Wednesday’s attacks came", date(2024, 5, 15), [("Wednesday", "2024-05-15")]),
    ("Earlier on Tuesday, the military confirmed", date(2024, 5, 15), [("Earlier on Tuesday", "2024-05-14")]),  # decision 30
    ("Last Tuesday, Qatar sent Hamas revisions", WED, [("Last Tuesday", "2024-06-25")]),
    ("near Tyre last night.", date(2024, 5, 15), [("last night", "2024-05-14")]),
    ("in Beirut last week.", SAT, [("last week", "2023-W52")]),
    ("began a tour this week", SAT, [("this week", "2024-W01")]),
    ("killing of one of its top commanders last month", date(2024, 8, 25), [("last month", "2024-07")]),
    ("Last month, it led", date(2024, 1, 6), [("Last month", "2023-12")]),
    ("assault on southern Israel Oct. 7.", date(2024, 5, 15), [("Oct. 7", "2023-10-07")]),
    ("with Israel since Oct. 8.", date(2024, 5, 15), [("Oct. 8", "2023-10-08")]),
    ("in Beirut on Jan 2.", SAT, [("Jan 2", "2024-01-02")]),
    ("on 7 October 2023", SAT, [("7 October 2023", "2023-10-07")]),
    ("fire that began on Oct. 8 last year, a day", WED, [("Oct. 8 last year", "2023-10-08")]),
    ("on 8 October last year", WED, [("8 October last year", "2023-10-08")]),
    ("due on March 3 next year", WED, [("March 3 next year", "2025-03-03")]),
    ("talks have been deadlocked since June", WED, [("June", "2024-06")]),
    ("before suspending them in late January.", date(2024, 8, 2), [("late January", "2024-01")]),
    ("since the Gaza war began last October.", WED, [("last October", "2023-10")]),
    ("fired 62 rockets at around 8am on Saturday, “in", SAT, [("around 8am on Saturday", "2024-01-06")]),
    ("during the 2006 war and in 2006", WED, [("2006", "2006"), ("2006", "2006")]),  # a year before an event noun dates it
    ("suspended after a 2021 attack", WED, [("2021", "2021")]),
    ("yesterday and today", WED, [("yesterday", "2024-07-02"), ("today", "2024-07-03")]),
    ("rockets and drones early in the morning.", WED, [("early in the morning", "2024-07-03")]),
    ("talks will continue in the coming days", WED, [("the coming days", None)]),
    ("a danger that has grown in recent weeks", WED, [("recent weeks", None)]),
    ("Talks resumed the next day.", WED, [("the next day", None)]),
    ("freed the following morning and home the same day", WED, [("the following morning", None), ("the same day", None)]),
    ("has held the town since Sept. 2023", WED, [("Sept. 2023", "2023-09")]),
    ("clashes began in Oct 2022", WED, [("Oct 2022", "2022-10")]),
    ("stormed the village on Tuesday 2 July, residents said", WED, [("Tuesday 2 July", "2024-07-02")]),
    ("detained on Monday July 1, 2024 at the border", WED, [("Monday July 1, 2024", "2024-07-01")]),
    ("on Tuesday, July 2, gunmen", WED, [("Tuesday", "2024-07-02"), ("July 2", "2024-07-02")]),  # a comma: two
    ("signed in the 1990s and broken in the early 2000s", WED, [("the 1990s", None), ("the early 2000s", None)]),
    ("flared in the summer of 2023 and again last winter", WED, [("summer of 2023", "2023"), ("last winter", None)]),
    ("Aid will arrive this winter.", WED, [("this winter", "2024")]),
    # not times
    ("Hezbollah may target civilians", WED, []),
    ("for the past nine months", WED, []),
    ("for months", WED, []),
    ("The next day of talks opens soon.", WED, []),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_times(text, published, expected):
    got = find_times(text, published)
    assert [(t.text, t.value) for t in got] == expected
    for t in got:
        assert text[t.start : t.end] == t.text
        assert t.value is None or re.fullmatch(scheme.TIME_VALUE_PATTERN, t.value)


def test_without_publication_date_relative_values_are_null():
    got = find_times("on Wednesday, last week, Oct. 7, in 2006, on 7 October 2023", None)
    assert [(t.text, t.value) for t in got] == [
        ("Wednesday", None), ("last week", None), ("Oct. 7", None), ("2006", "2006"), ("7 October 2023", "2023-10-07")]


@pytest.mark.parametrize("weekday,published,expected", [
    (2, WED, date(2024, 7, 3)),  # the publication day itself
    (1, WED, date(2024, 7, 2)),
    (3, WED, date(2024, 6, 27)),
    (6, date(2024, 8, 25), date(2024, 8, 25)),
])
def test_most_recent_weekday(weekday, published, expected):
    assert most_recent_weekday(weekday, published) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Talks will resume on Tuesday.", "2024-07-09"),  # ahead: the next Tuesday
    ("Delegations are due to meet on Friday in Doha.", "2024-07-05"),
    ("He said its team would visit the depot in the town on Thursday.", "2024-07-04"),
    ("The cabinet will meet on Wednesday.", "2024-07-03"),  # the publication day itself
    ("The ministry plans rolling blackouts from Monday.", "2024-07-08"),
    ("Officials said on Tuesday that talks would resume.", "2024-07-02"),  # the marker follows: past
    ("Talks will resume, officials said on Tuesday.", "2024-07-02"),  # punctuation ends the clause
    ("Fighters who will not be named attacked the village at night, and struck again on Monday.", "2024-07-01"),
])
def test_weekday_put_ahead_by_its_clause_resolves_forward(sentence, expected):  # decision 32
    assert [t.value for t in find_times(sentence, WED) if "day" in t.text] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("an insurgency since the 1970s and in the early 2000s", ["the 1970s", "the early 2000s"]),  # decision 30
    ("killed so far this year, nearly as many as in the whole of 2024", ["this year", "the whole of 2024"]),
])
def test_decades_and_whole_years_keep_their_determiner(text, expected):
    assert [t.text for t in find_times(text, WED)] == expected


def test_time_of_day_dates_the_day_the_text_last_named():
    text = ("Gunmen attacked the village on Monday. The shooting began at around 4 a.m. and lasted until "
            "dawn. Officials met on Tuesday.")
    assert [(t.text, t.value) for t in find_times(text, WED)] == [
        ("Monday", "2024-07-01"), ("around 4 a.m.", "2024-07-01"), ("dawn", "2024-07-01"), ("Tuesday", "2024-07-02")]
    # before any named day, and "overnight" (the night into publication), keep the publication date
    assert [(t.text, t.value) for t in find_times("Shells fell at 2 a.m. Strikes came overnight after Monday.", WED)] == [
        ("2 a.m.", "2024-07-03"), ("overnight", "2024-07-03"), ("Monday", "2024-07-01")]



def test_a_reporting_day_does_not_redate_the_event_day():
    # the day of a reporting verb dates the report: a clock time after it still belongs to the day
    # the report is about (decision 33); with no earlier day named, the reporting day is the one there is
    text = "Troops clashed near the dam on Monday. The ministry said on Tuesday that firing stopped at about 9 p.m."
    assert [(t.text, t.value) for t in find_times(text, WED)] == [
        ("Monday", "2024-07-01"), ("Tuesday", "2024-07-02"), ("about 9 p.m.", "2024-07-01")]
    text = "The ministry said on Tuesday that firing stopped at about 9 p.m."
    assert [(t.text, t.value) for t in find_times(text, WED)] == [("Tuesday", "2024-07-02"), ("about 9 p.m.", "2024-07-02")]


@pytest.mark.parametrize("month,day,published,expected", [
    (10, 7, date(2024, 5, 15), date(2023, 10, 7)),
    (1, 2, SAT, date(2024, 1, 2)),
    (1, 6, SAT, date(2024, 1, 6)),
    (2, 29, date(2024, 3, 1), date(2024, 2, 29)),
    (2, 29, date(2025, 3, 1), date(2024, 2, 29)),  # no 29 February in 2025: the year before
    (2, 29, date(2026, 3, 1), None),
])
def test_most_recent_date(month, day, published, expected):
    assert most_recent_date(month, day, published) == expected


def test_iso_week_across_year_boundary():
    assert iso_week(date(2023, 12, 30)) == "2023-W52"
    assert iso_week(date(2024, 12, 30)) == "2025-W01"


@pytest.mark.parametrize("text, span, value", [
    # decision 26: "N units ago" is a TIME, with its qualifier; a bound leaves the date unresolved
    ("The dam burst more than two months ago.", "more than two months ago", None),
    ("A year ago, the valley was calm.", "A year ago", "2023-07"),
    ("Nearly three weeks ago the pass was closed.", "Nearly three weeks ago", "2024-W24"),
])
def test_units_ago_with_a_capital_or_a_qualifier(text, span, value):
    assert [(t.text, t.value) for t in find_times(text, WED)] == [(span, value)]


# round 11: tomorrow; "earlier in <Month>"; "later this afternoon"; "the rest of the week"; a season after a
# preposition; "a few years ago"; "the past decade"; a clock range "from ... to ..."
@pytest.mark.parametrize("text,published,expected", [
    ("The mayor hopes the pumps restart tomorrow.", WED, [("tomorrow", "2024-07-04")]),
    ("A market was shelled earlier in May, residents said.", WED, [("earlier in May", "2024-05")]),
    ("The envoy is to brief reporters later this afternoon.", WED, [("later this afternoon", "2024-07-03")]),
    ("Ferries are cancelled for the rest of the week.", WED, [("the rest of the week", "2024-W27")]),
    ("Prices have doubled since the summer.", WED, [("the summer", None)]),
    ("Few tourists came during the winter holidays.", WED, []),
    ("The dam was built a few years ago by a state firm.", WED, [("a few years ago", None)]),
    ("The town changed hands a fortnight ago.", WED, [("a fortnight ago", None)]),
    ("Thousands have fled the valley in the past decade.", WED, [("the past decade", None)]),
    ("A curfew will apply from 9 p.m. to 6 a.m. in the port.", WED, [("9 p.m. to 6 a.m.", "2024-07-03")]),
    ("On Monday the ferry sank; two more boats capsized that day.", WED, [("Monday", "2024-07-01"), ("that day", "2024-07-01")]),
    ("The levy was raised in 2019, and prices rose that year.", WED, [("2019", "2019"), ("that year", None)]),
    ("On Monday the depot burned; the guards had left three hours earlier.", WED,
     [("Monday", "2024-07-01"), ("three hours earlier", "2024-07-01")]),
    ("Hours earlier, the envoy had left.", WED, []),
    ("Sirens sounded through the day.", WED, [("the day", "2024-07-03")]),
    ("On Monday police held two men in the early hours.", WED, [("Monday", "2024-07-01"), ("the early hours", "2024-07-01")]),
    ("Divers searched the lake until after dark.", WED, [("dark", "2024-07-03")]),
    ("Relatives waited at the gate all morning.", WED, [("all morning", "2024-07-03")]),
    ("The town had no power for most of Tuesday.", WED, [("most of Tuesday", "2024-07-02")]),
    ("The ban will stay in place until at least Friday.", WED, [("at least Friday", "2024-07-05")]),
    ("Maize sold for less last season.", WED, [("last season", None)]),
    ("Rainfall was half what it is in a typical April.", WED, []),
    ("The floods came every October.", WED, []),
])
def test_round11_time_classes(text, published, expected):
    assert [(t.text, t.value) for t in find_times(text, published)] == expected
