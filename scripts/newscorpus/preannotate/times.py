"""TIME rules: date expressions and their ISO values, resolved against the publication date.

    >>> from datetime import date
    >>> [(t.text, t.value) for t in find_times("killed on Wednesday", date(2024, 7, 3))]
    [('Wednesday', '2024-07-03')]

Resolution (our own calendar arithmetic, deterministic, no locale or "now" dependence):

- ``Wednesday``: the most recent Wednesday on or before publication;
  ``last Tuesday``: that day in the week before (a Tuesday of the publication week is pushed
  back a week); ``next Monday``: the first Monday after publication.
- ``today``/``tonight``: the publication date; ``yesterday``/``last night``: the day before.
- ``last week``/``this week``/``next week``: ISO week ``YYYY-Www``.
- ``last month``/``this month``: ``YYYY-MM``; ``last year``/``this year``: ``YYYY``.
- ``Oct. 7``, ``Jan 2``, ``7 October``: the most recent such date not after publication;
  with a year (``Oct. 7, 2023``) that date; ``Oct. 8 last year``: that day of the year before.
- ``June``, ``late January``, ``early August``: ``YYYY-MM``, the most recent such month not
  after publication; ``last October``: the most recent October before the publication month.
- ``in 2006``: ``2006``; ``early hours of Sunday``: that Sunday.
- ``the next day``: null (anchored on an event). ``Hours later``, ``two days
  later``, ``minutes earlier`` are no TIME: an offset from an event locates nothing on the calendar.
- ``around 8am on Saturday``: the date of Saturday (times of day are dropped from the value);
  clock times ``4:30 am``/``10.30 pm`` and named times of day (``noon``, ``dawn``, ``dusk``) alone:
  the day the text last named (``on Sunday ... at around 4 a.m.``), before any named day the
  publication date (decision 33); ``overnight``: the publication date. ``about``/``around`` and ``shortly``/``just`` with their preposition are in
  the span (``shortly after 4 p.m.``); a bare ``at``/``until``/``before``/``after`` is not. A range
  ``between about 1am and 3am`` is one TIME, ``about 1am and 3am`` (``between`` is a preposition).
- ``this morning``: the publication date; ``since the morning`` (span ``the morning``), ``early in
  the morning``, ``late in the evening``: the day the text last named, else the publication date;
  ``the whole of 2024``: ``2024`` (``so far`` stays outside ``this year``, as the dev set's golds
  write it); ``recent weeks``, ``the coming days``: null.

Spans drop a leading bare preposition (``on Wednesday`` -> ``Wednesday``, ``over the weekend`` ->
``the weekend``) and a trailing possessive (``Wednesday’s``); they keep the determiner of a period
(``the past week``, ``the end of the month``), the adverbs before a time (``late on Monday``,
``later this week``, ``shortly after 2am``), a word naming part of the period (``late January``,
``early 2021``) and an internal preposition (``dawn on Sunday``): guidelines, decision 30, as the
development set's two independent golds do. A year dating an event noun keeps ``the`` outside
(``the 2006 war`` -> ``2006``). The words in or out never change the value. Without a publication date every relative value is null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newscorpus.preannotate.scan import finditer

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
               "Oct": 10, "Nov": 11, "Dec": 12}
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)} | _MONTH_ABBR

_WD = "|".join(WEEKDAYS)
_MFULL = "|".join(MONTHS)
MONTH_NAMES = "|".join([*MONTHS, *sorted(_MONTH_ABBR, key=len, reverse=True)])  # a regex alternation (furniture.py too)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# 8am, 4:30 am, 10.30 pm (British/Indian style); 24-hour clocks 14:05, 14:05 GMT, 0600 GMT (wire style)
_TOD = (r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:am(?![a-z])|pm(?![a-z])|a\.m\.|p\.m\.)"  # (not "a 5 amp fuse")
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)(?:\s*(?:GMT|UTC))?|(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC)\b)")

# (kind, pattern), most specific first; overlapping later matches are dropped
_NAMED_TOD = r"(?:dawn|dusk|daybreak|nightfall|sunrise|sunset)"  # named times of day
_TOD_ANY = rf"(?:{_TOD}|noon|midday|midnight|{_NAMED_TOD}|mid-morning|mid-afternoon)(?:\s+local\s+time)?"
_UNIT = r"(?P<unit>week|month|year|weekend)"
_HOUR_WORDS = r"[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve"
# "about"/"around" and an adverb with its preposition ("shortly after", "just before") before a clock
# time stay in its span; a bare preposition ("at", "before", "after", "until") is outside (decision 30)
_APPROX = r"(?:(?:[Ss]hortly|[Jj]ust|[Ss]oon|[Ll]ong)\s+(?:after|before)\s+|(?:[Aa]round|[Aa]bout)\s+)?"

# feasts and holy months: a fixed date resolves to its most recent day not after publication, Easter by
# dateutil's computus, a lunar one (Ramadan, Eid, Passover...) to null: the calendar arithmetic for it
# is not here, and the year alone would be a guess near the turn of a year
_FIXED_FEASTS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
                 "new year's day": (1, 1)}
# keyword (lower case, the speed pre-check) -> the feast's pattern
_FEAST_PATTERNS = {"christmas": r"Christmas(?:\s+(?:Eve|Day))?", "new year": r"New\s+Year[’']s\s+(?:Eve|Day)|Lunar\s+New\s+Year",
                   "easter": r"(?:Orthodox\s+)?Easter", "ramadan": "Ramadan", "eid": r"Eid(?:\s+al-(?:Fitr|Adha))?",
                   "passover": "Passover", "hanukkah": "Hanukkah", "yom kippur": r"Yom\s+Kippur",
                   "rosh hashanah": r"Rosh\s+Hashanah", "sukkot": "Sukkot", "purim": "Purim", "lent": "Lent",
                   "diwali": "Diwali", "nowruz": "Nowruz", "ashura": "Ashura"}
_FEASTS = "|".join(_FEAST_PATTERNS.values())
_FEAST_PREPOSITIONS = r"[Dd]uring|[Bb]efore|[Aa]fter|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]ver|[Tt]hroughout|[Ff]or|[Aa]t|[Oo]f|[Ii]n"

# qualifiers of a length before "ago" (figures.QUALIFIER_PHRASES' wording); a bound leaves the date unresolved
_AGO_BOUNDS = r"(?:[Mm]ore|[Ll]ess|[Ff]ewer)\s+than|[Oo]ver|[Uu]nder|[Aa]t\s+least|[Uu]p\s+to|[Jj]ust\s+(?:over|under)"
_AGO_QUALIFIERS = rf"{_AGO_BOUNDS}|[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round|[Rr]oughly|[Aa]pproximately|[Ss]ome"

def _tod_pair(joiner: str) -> str:
    """Two clock times joined by ``joiner`` (``1am and 3am``, ``8 p.m. to 5 a.m.``), each with its
    ``about``/``shortly before``, and the weekday they fall on: a range of clock times is one TIME."""
    return rf"{_APPROX}{_TOD_ANY}\s+{joiner}\s+{_APPROX}{_TOD_ANY}(?:\s+on\s+(?P<wd>{_WD}))?"


PATTERNS: list[tuple[str, re.Pattern]] = [
    # a day and month with a relative year: "Oct. 8 last year", "8 October last year"
    ("date_rel_year", re.compile(rf"\b(?:(?P<mon>{MONTH_NAMES})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])|(?P<day2>[12]\d|3[01]|0?[1-9])\s+"
                                 rf"(?P<mon2>{_MFULL}))(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")),
    # a range of clock times is one TIME: "between 1am and 3am" -> "1am and 3am"; "between" is a
    # preposition before the time, outside it, and "about"/"around" at either end stay in (decision 30)
    ("tod_range", re.compile(rf"(?<=\b[Bb]etween\s){_tod_pair('and')}(?!\w)")),
    # "from 8 p.m. to 5 a.m." (a curfew's hours): one TIME, "from" outside, like "between ... and"
    ("tod_from_to", re.compile(rf"\b[Ff]rom\s+(?P<span>{_tod_pair('(?:to|until|till)')})(?!\w)")),
    ("tod_on_weekday", re.compile(rf"\b{_APPROX}{_TOD_ANY}\s+on\s+(?P<wd>{_WD})\b")),
    # the adverb is in the span, with its "on": "late Monday", "late on Monday", "later on Friday",
    # "earlier on Tuesday" (decision 30)
    ("mod_weekday", re.compile(rf"\b(?:[Ll]ater?|[Ee]arly|[Ee]arlier)\s+(?:on\s+)?(?P<wd>{_WD}){_PART}\b")),
    ("overnight_into", re.compile(rf"\bovernight\s+(?:into|to)\s+(?P<wd>{_WD})\b")),
    # "late last year", "later this week", "earlier this year": the adverb is in the span (decision 30)
    ("mod_rel_unit", re.compile(rf"\b(?P<mod>[Ll]ater?|[Ee]arly|[Ee]arlier)\s+(?P<rel>this|last|next)\s+{_UNIT}\b")),
    # "earlier in June", "later in March": the adverb and its "in" are in the span (decision 30)
    ("mod_in_month", re.compile(rf"\b(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+in\s+(?P<mon>{_MFULL})\b(?!\s+\d)")),
    # "later this afternoon", "earlier this morning": the publication day, the adverb in the span
    ("mod_this_daypart", re.compile(r"\b(?:[Ll]ater|[Ee]arlier)\s+this\s+(?:morning|afternoon|evening)\b")),
    # "for the rest of the week": the period it is in (the publication's week, month or year; decision 30)
    ("rest_of_unit", re.compile(r"\b[Tt]he\s+rest\s+of\s+(?:the|this)\s+(?P<unit>day|week|month|year)\b")),
    ("month_of_rel_year", re.compile(rf"\b(?P<mon>{_MFULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")),
    ("mod_year", re.compile(r"\b(?:[Ll]ate|[Ee]arly|[Mm]id)[-\s](?P<year>(?:19|20)\d\d)\b")),
    ("whole_year", re.compile(r"\b[Tt]he\s+whole\s+of\s+(?P<year>(?:19|20)\d{2})\b")),
    ("part_of_unit", re.compile(r"\b[Tt]he\s+(?:start|end|beginning|middle|first\s+half|second\s+half)\s+of\s+(?:the|this|last|next)\s+(?P<unit>month|year|week)\b")),
    ("part_of_month", re.compile(rf"\b[Tt]he\s+(?:start|end|beginning|middle|first\s+half|second\s+half|first\s+week|"
                                 rf"last\s+week|first\s+days|last\s+days)\s+of\s+(?P<mon>{_MFULL})\b(?!\s+\d)")),
    ("first_n_of_year", re.compile(r"\b[Tt]he\s+(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                                   r"\d{1,2})\s+months\s+of\s+(?:the|this|last)\s+year\b")),
    # "the early hours of Sunday", with its determiner (decision 30)
    ("early_hours", re.compile(rf"\b(?P<span>(?:[Tt]he\s+)?early\s+hours\s+of\s+(?P<wd>{_WD})(?:\s+morning)?)\b")),
    # an offset from an event just told ("Hours later", "two days later", "minutes earlier") is no TIME:
    # it places nothing on the calendar (guidelines, Layer TIME), only after another event; the
    # number in it is still a DURATION figure (figures.py)
    # "N units ago" with a qualifier it keeps ("more than two months ago"); the DURATION inside it is a
    # FIGURE nested in the TIME (guidelines, decision 26)
    # ("a few years ago", "a fortnight ago", "a century ago": null, no number of units to count back)
    ("ago", re.compile(rf"\b(?:(?P<q>{_AGO_QUALIFIERS})\s+)?(?P<n>[Aa]\s+few|[Aa]\s+couple\s+of|[Ss]everal|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|"
                       r"[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})\s+(?P<unit>day|week|month|year|fortnight|decade|centur(?=y|ies))(?:s|y|ies)?\s+ago\b")),
    # the determiner of a period is in the span: "over the weekend", "in the coming days" (decision 30)
    ("the_weekend", re.compile(r"\b[Tt]he\s+weekend\b")),
    # a day told relative to another: "the next day" (null: anchored on the event)
    ("the_rel_day", re.compile(r"\b[Tt]he\s+(?:next|following|previous|same)\s+(?:day|morning|afternoon|evening|night)\b(?!\s+of)")),
    ("the_vague", re.compile(r"\b[Tt]he\s+(?:past|coming|last|next)\s+(?:few\s+)?(?:days|weeks|months|week|month|year|hours|decade)\b(?!\s+of)")),
    # "until at least Saturday": the bound is in the span, only the bare preposition is out (decision 30)
    ("at_least_weekday", re.compile(rf"\b[Aa]t\s+least\s+(?P<wd>{_WD})\b")),
    # "for most of Wednesday", "most of the afternoon": the part with its day (decision 30)
    ("most_of_day", re.compile(rf"\b[Mm]ost\s+of\s+(?:(?P<wd>{_WD})|the\s+(?:morning|afternoon|evening|night))\b(?!\s+of\b)")),
    ("tod_weekday", re.compile(rf"\b{_APPROX}{_TOD}\s+(?:on\s+)?(?P<wd>{_WD})\b")),
    ("weekday_tod", re.compile(rf"\b(?P<wd>{_WD}){_PART}\s+(?:at\s+)?(?:around\s+)?{_TOD}")),
    ("rel_weekday", re.compile(rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<wd>{_WD}){_PART}\b")),
    # a weekday written straight before its date is one TIME: "Tuesday 8 October", "Tuesday October 8"
    ("weekday_date", re.compile(rf"\b(?P<wd>{_WD})\s+(?:(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<mon2>{_MFULL})|"
                                rf"(?P<mon>{MONTH_NAMES})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![:\d]))"
                                rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("date_mdy", re.compile(rf"\b(?P<mon>{MONTH_NAMES})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?(?![:\d])")),
    ("date_dmy", re.compile(rf"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<mon>{_MFULL}|{'|'.join(_MONTH_ABBR)})\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("weekday", re.compile(rf"\b(?P<wd>{_WD}){_PART}\b")),
    ("rel_unit", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>night|week|month|year|weekend)\b")),
    ("deictic", re.compile(r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b")),
    ("rel_month", re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<mon>{_MFULL})\b")),
    ("month_year", re.compile(rf"\b(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[-\s])?(?P<mon>{MONTH_NAMES})\.?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("month", re.compile(rf"\b(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[-\s])?(?P<mon>{_MFULL})\b(?!\s+\d)")),
    ("vague", re.compile(r"\b(?:recent|coming|past few|next few)\s+(?:days|weeks|months|years)\b")),
    # early or late in a part of the day ("late in the evening"): the day the text last named (decision 33)
    ("part_of_day", re.compile(r"\b(?:[Ee]arly|[Ll]ate)\s+in\s+the\s+(?:morning|afternoon|evening)\b")),
    ("morning", re.compile(r"\b(?:[Ll]ate at night|[Tt]his morning|[Tt]his afternoon|[Tt]his evening)\b")),
    # a clock time in words: "two in the morning", "seven o'clock"
    ("tod_words", re.compile(rf"\b{_APPROX}(?:{_HOUR_WORDS})(?:\s+o[’']clock)?\s+in\s+the\s+(?:morning|afternoon|evening)\b"
                             rf"|\b{_APPROX}(?:{_HOUR_WORDS})\s+o[’']clock\b")),
    # a part of the day after a preposition: the preposition is outside, the determiner and a word naming
    # part of it are in ("since the morning" -> "the morning", "by late morning" -> "late morning",
    # "until morning"; decision 30), and the object of "spent" ("spent the night", decision 33); "the
    # morning of ..." is not one
    ("daypart", re.compile(r"\b(?:[Ss]ince|[Tt]hrough(?:out)?|[Dd]uring|[Uu]ntil|[Tt]ill|[Ii]nto|[Ii]n|[Bb]y)\s+"
                           r"(?P<span>(?:the\s+)?(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:morning|afternoon|evening))\b(?!\s+of\b)"
                           r"|\b(?:[Dd]uring|[Tt]hrough(?:out)?|[Ss]pent)\s+(?P<night>the\s+night)\b(?!\s+of\b)"
                           r"|\b[Ss]pent\s+(?P<spent>the\s+(?:morning|afternoon|evening))\b(?!\s+of\b)")),
    # "through the day", "during the day": the day the text last named (decision 33)
    ("the_day", re.compile(r"\b(?:[Dd]uring|[Tt]hrough(?:out)?)\s+(?P<span>the\s+day)\b(?!\s+(?:of|before|after)\b)")),
    # a year dating an event noun keeps its determiner outside ("the 2006 war", "a 2021 attack")
    # decades, with the determiner of the period (decision 30: "the 1990s", "the early 2000s"): no ISO
    # form the scheme allows, so null
    ("decade", re.compile(r"\b(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[-\s])?(?:19|20)\d0s\b")),
    # seasons with a year or a relative word ("summer 2023", "the summer of 2023", "last winter");
    # a bare "the summer" is left alone (annotators split on its determiner)
    ("season_year", re.compile(r"\b(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")),
    # "since the summer", "through the winter": a season after a preposition, with its determiner
    # (decision 30); null, the year it falls in is not told; not a noun's modifier ("the summer holidays")
    ("the_season", re.compile(r"\b(?:[Ss]ince|[Tt]hrough(?:out)?|[Dd]uring|[Uu]ntil|[Tt]ill|[Ii]n|[Bb]y|[Oo]ver)\s+(?P<span>the\s+"
                              r"(?:spring|summer|autumn|winter))\b(?![-\w]|\s+(?:of|months?|holidays?|vacation|season|"
                              r"offensive|campaign|break|harvest|rains?|recess|session|term)\b)")),
    ("rel_season", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<season>spring|summer|autumn|fall|winter|season)\b")),
    ("year", re.compile(r"\b(?:in|In|since|Since|until|of|by|before|after|during|the|a|A) (?P<year>(?:19|20)\d\d)\b(?![-,\d]\d)")),
    # a feast or holy month after a preposition locates a time ("a truce during Ramadan", "since Christmas")
    ("feast", re.compile(rf"\b(?:{_FEAST_PREPOSITIONS})\s+(?P<feast>{_FEASTS})\b(?!\s+(?:\d|[A-Z]))")),
    # a bare preposition is outside a time span ("at dawn on Saturday" -> "dawn on Saturday", "until dawn",
    # "before noon" -> "noon"); "about"/"around" and "shortly before" are in ("around 8am"; decision 30)
    ("tod", re.compile(rf"\b{_APPROX}(?:{_TOD}(?:\s+local\s+time)?|"
                       rf"(?:noon|midday|midnight|mid-morning|mid-afternoon|{_NAMED_TOD})\b)")),
    ("overnight", re.compile(r"\bovernight\b")),
    # "in the early hours" with no day of its own, "after dark", "all morning": times of day, the day the
    # text last named (decision 33); a bare preposition stays outside ("until after dark" -> "dark")
    ("early_hours_bare", re.compile(r"\b(?:[Tt]he\s+)?early\s+hours(?:\s+of\s+the\s+morning)?\b(?!\s+of\b)")),
    ("dark", re.compile(r"\b(?:[Aa]fter|[Bb]efore|[Uu]ntil|[Tt]ill)\s+(?P<span>dark)\b")),
    ("all_daypart", re.compile(r"\b[Aa]ll\s+(?:morning|afternoon|evening|night)\b(?!\s+(?:long\s+)?(?:of|shift|vigil)\b)")),
    # a day pointed back to ("the attacks it claimed that day"): the day the text last named (decision 33);
    # "that year"/"that month"/"that week": null (no anchoring of coarser periods here)
    ("that_day", re.compile(r"\b[Tt]hat\s+(?:very\s+)?(?P<u>day|night|morning|afternoon|evening|year|month|week)\b(?!\s*,?\s+(?:when|as|of)\b)")),
    # a counted number of hours back from the day told ("the road was hit six hours earlier"): the day the
    # text last named; a bare "Hours earlier" / "Hours later" and "minutes later" stay no TIME (golds)
    ("hours_earlier", re.compile(r"\b(?:[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
                                 r"[Ee]leven|[Tt]welve|\d{1,2})\s+hours?\s+earlier\b(?!\s+than)")),
]

# "May" and "March" are also ordinary words; accept them as months only in a date-like context
_AMBIGUOUS_MONTHS = {"May", "March"}
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|until|by|early|late|mid|last|next|this|of|from|through)\s*-?\s*)$", re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    score: float


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def most_recent_weekday(weekday: int, published: date) -> date:
    """The most recent day with ``weekday`` (Monday=0) on or before ``published``."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def next_weekday(weekday: int, published: date) -> date:
    """The first day with ``weekday`` (Monday=0) on or after ``published`` (decision 32)."""
    return published + timedelta(days=(weekday - published.weekday()) % 7)


def most_recent_date(month: int, day: int, published: date) -> date | None:
    """``month``/``day`` in the publication year, or the year before if that is later."""
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= published:
            return d
    return None


def _month_value(month: int, published: date, *, strictly_before: bool = False) -> str:
    year = published.year
    if month > published.month or (strictly_before and month == published.month):
        year -= 1
    return f"{year}-{month:02d}"


def resolve(kind: str, groups: dict[str, str | None], published: date | None) -> str | None:
    """The ISO value of one matched expression (see module docstring); None when unresolvable."""
    year = groups.get("year")
    if kind in ("date_mdy", "date_dmy"):
        month, day = _MONTH_NUM[groups["mon"]], int(groups["day"])
        if year:
            try:
                return date(int(year), month, day).isoformat()
            except ValueError:
                return None
        if published is None:
            return None
        d = most_recent_date(month, day, published)
        return d.isoformat() if d else None
    if kind == "month_year":
        return f"{int(year):04d}-{_MONTH_NUM[groups['mon']]:02d}"
    if kind in ("year", "whole_year"):
        return year
    if kind in ("vague", "the_vague", "the_rel_day"):
        return None
    if kind in ("mod_year", "season_year"):
        return year
    if kind in ("decade", "the_season"):
        return None
    if published is None:
        return None
    if kind in ("overnight", "morning", "mod_this_daypart") or _names_no_day(kind, groups):
        return published.isoformat()  # (a time of day is then dated by the day last named, find_times)
    if kind == "the_weekend":
        sat = most_recent_weekday(5, published)
        return iso_week(sat)
    if kind == "mod_rel_unit":
        kind = "rel_unit"
    if kind == "date_rel_year":
        step = {"last": -1, "this": 0, "next": 1}[groups["rel"]]
        try:
            return date(published.year + step, _MONTH_NUM[groups["mon"] or groups["mon2"]],
                        int(groups["day"] or groups["day2"])).isoformat()
        except ValueError:
            return None
    if kind == "month_of_rel_year":
        step = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        return f"{published.year + step}-{_MONTH_NUM[groups['mon']]:02d}"
    if kind == "mod_in_month":
        return _month_value(_MONTH_NUM[groups["mon"]], published)
    if kind == "rest_of_unit":
        unit = groups["unit"].lower()
        return {"day": published.isoformat(), "week": iso_week(published), "month": f"{published.year}-{published.month:02d}",
                "year": f"{published.year}"}[unit]
    if kind == "part_of_month":
        return _month_value(_MONTH_NUM[groups["mon"]], published)
    if kind == "first_n_of_year":
        return f"{published.year - (1 if ' last year' in groups.get('_text', '') else 0)}"
    if kind == "part_of_unit":
        unit = groups["unit"].lower()
        text = groups.get("_text", "")
        step = -1 if " last " in text else (1 if " next " in text else 0)
        if unit == "month":
            m = published.month + step
            return f"{published.year + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}"
        if unit == "year":
            return f"{published.year + step}"
        return iso_week(published + timedelta(days=7 * step))
    if kind == "ago":
        if groups.get("q") and re.fullmatch(_AGO_BOUNDS, groups["q"]):
            return None  # "more than two months ago": before a date, not on one
        if groups["unit"] in ("fortnight", "decade", "centur") or not re.fullmatch(r"\w+", groups["n"]) or groups["n"].lower() == "several":
            return None
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10}.get(groups["n"].lower()) or int(groups["n"])
        unit = groups["unit"]
        if unit == "day":
            return (published - timedelta(days=n)).isoformat()
        if unit == "week":
            return iso_week(published - timedelta(days=7 * n))
        if unit == "month":
            m = published.month - n
            return f"{published.year + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}"
        return f"{published.year - n}-{published.month:02d}"
    if kind in _WEEKDAY_KINDS:
        resolve_day = next_weekday if groups.get("_future") else most_recent_weekday
        return resolve_day(WEEKDAYS.index(groups["wd"]), published).isoformat()
    if kind == "most_of_day":  # with a weekday (without one it is a time of day, above)
        resolve_day = next_weekday if groups.get("_future") else most_recent_weekday
        return resolve_day(WEEKDAYS.index(groups["wd"]), published).isoformat()
    if kind == "rel_weekday":
        wd = WEEKDAYS.index(groups["wd"])
        rel = groups["rel"].lower()
        if rel == "next":
            return (published + timedelta(days=(wd - published.weekday() - 1) % 7 + 1)).isoformat()
        d = most_recent_weekday(wd, published)
        if rel == "last" and (d == published or d.isocalendar()[:2] == published.isocalendar()[:2]):
            d -= timedelta(days=7)
        if rel == "this" and d.isocalendar()[:2] != published.isocalendar()[:2]:
            d += timedelta(days=7)
        return d.isoformat()
    if kind == "deictic":
        word = groups["word"].lower()
        if word == "tomorrow":
            return (published + timedelta(days=1)).isoformat()
        return (published - timedelta(days=1) if word == "yesterday" else published).isoformat()
    if kind == "rel_unit":
        rel, unit = groups["rel"].lower(), groups["unit"].lower()
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if unit == "night":
            return (published + timedelta(days=min(step, 0))).isoformat() if rel != "next" else None
        if unit in ("week", "weekend"):
            return iso_week(published + timedelta(days=7 * step))
        if unit == "month":
            m = published.month + step
            y = published.year + (m - 1) // 12
            m = (m - 1) % 12 + 1
            return f"{y}-{m:02d}"
        if unit == "year":
            return f"{published.year + step}"
    if kind == "rel_season":  # only "this" pins a year; "last winter" may or may not cross one
        return f"{published.year}" if groups["rel"].lower() == "this" and groups["season"] != "season" else None
    if kind == "weekday_date":
        groups = {**groups, "mon": groups["mon"] or groups["mon2"], "day": groups["day"] or groups["day2"]}
        return resolve("date_mdy", groups, published)
    if kind == "rel_month":
        month = _MONTH_NUM[groups["mon"]]
        rel = groups["rel"].lower()
        if rel == "last":
            return _month_value(month, published, strictly_before=True)
        if rel == "next":
            y = published.year + (1 if month <= published.month else 0)
            return f"{y}-{month:02d}"
        return f"{published.year}-{month:02d}"
    if kind == "month":
        return _month_value(_MONTH_NUM[groups["mon"]], published)
    if kind == "feast":
        return _feast_value(" ".join(groups["feast"].lower().replace("’", "'").split()), published)
    return None


def _feast_value(feast: str, published: date) -> str | None:
    """The most recent such feast not after publication (fixed dates and Easter), else None."""
    if feast in _FIXED_FEASTS:
        d = most_recent_date(*_FIXED_FEASTS[feast], published)
        return d.isoformat() if d else None
    if feast in ("easter", "orthodox easter"):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_ORTHODOX if feast.startswith("orthodox") else EASTER_WESTERN
        d = easter(published.year, method)
        return (d if d <= published else easter(published.year - 1, method)).isoformat()
    return None


_SCORES = {"the_day": 0.55, "at_least_weekday": 0.7, "early_hours_bare": 0.7, "dark": 0.6, "all_daypart": 0.55, "most_of_day": 0.6, "that_day": 0.55, "hours_earlier": 0.6, "mod_in_month": 0.8, "mod_this_daypart": 0.75, "rest_of_unit": 0.7, "tod_from_to": 0.7, "the_season": 0.6, "feast": 0.7, "tod_words": 0.7, "part_of_day": 0.75, "whole_year": 0.8, "weekday_date": 0.9, "decade": 0.7, "season_year": 0.8, "rel_season": 0.75, "the_rel_day": 0.6, "early_hours": 0.8, "date_rel_year": 0.85, "tod_range": 0.7, "tod_on_weekday": 0.8, "mod_weekday": 0.8, "overnight_into": 0.7, "mod_rel_unit": 0.8,
           "month_of_rel_year": 0.8, "mod_year": 0.8, "part_of_unit": 0.7, "part_of_month": 0.7, "first_n_of_year": 0.6, "ago": 0.75, "the_weekend": 0.7,
           "the_vague": 0.6, "tod": 0.6, "overnight": 0.6,
           "weekday": 0.9, "tod_weekday": 0.85, "weekday_tod": 0.85, "rel_weekday": 0.8, "date_mdy": 0.9,
           "date_dmy": 0.9, "rel_unit": 0.85, "deictic": 0.8, "rel_month": 0.85, "month_year": 0.9,
           "month": 0.75, "year": 0.7, "vague": 0.6, "morning": 0.6, "daypart": 0.55}


_NEEDS = {  # kind -> a cheap test the text must pass for the pattern to have any chance (speed)
    "tod_on_weekday": "wd", "mod_weekday": "wd", "at_least_weekday": "wd", "overnight_into": "wd", "tod_weekday": "wd", "weekday_tod": "wd",
    "rel_weekday": "wd", "weekday": "wd", "early_hours": "wd", "weekday_date": "wd", "date_mdy": "mon", "date_dmy": "mon", "rel_month": "mon",
    "month_year": "mon", "month": "mon", "mod_in_month": "mon", "date_rel_year": "mon", "month_of_rel_year": "mon", "part_of_month": "mon",
}
_KEYWORDS = {  # kind -> words one of which the text must contain (speed)
    "at_least_weekday": tuple(f"at least {wd.lower()}" for wd in WEEKDAYS),
    "early_hours_bare": ("early hours",), "dark": ("dark",), "all_daypart": ("all morning", "all afternoon", "all evening", "all night"),
    "most_of_day": ("most of",),
    "that_day": tuple(f"that {u}" for u in ("day", "night", "morning", "afternoon", "evening", "year", "month", "week", "very")),
    "hours_earlier": ("hours earlier", "hour earlier"),
    "mod_in_month": ("earlier in", "later in", "early in", "late in"), "mod_this_daypart": ("this morning", "this afternoon",
    "this evening"), "rest_of_unit": ("rest of",), "tod_from_to": ("from",), "the_season": ("the spring", "the summer", "the autumn", "the winter"),
    "overnight_into": ("overnight",), "mod_rel_unit": ("later", "earlier", "late", "early"),
    "month_of_rel_year": ("year",), "date_rel_year": ("year",), "mod_year": ("late", "early", "mid"), "part_of_unit": ("the start", "the end",
    "the beginning", "the middle", "the first half", "the second half"), "ago": (" ago",),
    "part_of_month": (" of ",), "first_n_of_year": ("months of",), "the_weekend": ("weekend",),
    "the_vague": ("the past", "the coming", "the last", "the next"), "rel_unit": ("last", "this", "next"),
    "deictic": ("yesterday", "today", "tonight", "tomorrow"), "rel_month": ("last", "this", "next"),
    "vague": ("recent", "coming", "past few", "next few"), "morning": ("morning", "night", "afternoon", "evening"),
    "overnight": ("overnight",), "daypart": ("morning", "afternoon", "evening", "night"),
    "the_day": ("during the day", "through the day", "throughout the day"), "tod_words": ("in the morning", "in the afternoon", "in the evening", "clock"), "part_of_day": ("in the morning", "in the afternoon", "in the evening"), "whole_year": ("whole of",), "mod_weekday": ("late", "early", "earlier"), "rel_weekday": ("last", "this", "next"),
    "tod_on_weekday": ("am", "pm", "a.m", "p.m", ":", "gmt", "utc", "noon", "midday", "midnight", "dawn", "dusk", "daybreak", "nightfall",
                       "sunrise", "sunset", "mid-"),
    "tod_weekday": ("am", "pm", "a.m", "p.m", ":", "gmt", "utc"),
    "early_hours": ("early hours",), "feast": tuple(_FEAST_PATTERNS), "decade": ("0s",), "season_year": ("spring", "summer", "autumn", "winter"),
    "rel_season": ("spring", "summer", "autumn", "fall", "winter", "season"), "the_rel_day": ("the next", "the following", "the previous", "the same"), "tod_range": ("between",), "weekday_tod": ("am", "pm", "a.m", "p.m", ":", "gmt", "utc"),
    "tod": ("am", "pm", "a.m", "p.m", ":", "gmt", "utc", "noon", "midday", "midnight", "mid-morning", "mid-afternoon", "dawn", "dusk",
            "daybreak", "nightfall", "sunrise", "sunset"),
}
# a bare weekday resolves to the most recent such day, unless its own clause puts it ahead: a future
# or scheduling marker a few words before it, with no punctuation between ("talks will resume on
# Tuesday", "are due to meet on Friday") resolves it to the next such day (decision 32)
_WEEKDAY_KINDS = ("at_least_weekday", "early_hours", "tod_range", "tod_from_to", "weekday", "tod_weekday", "weekday_tod", "tod_on_weekday", "mod_weekday",
                  "overnight_into")
_FUTURE_BEFORE = re.compile(r"(?:\b(?:[Ww]ill|[Ss]hall|[Ww]ould|[Dd]ue\s+to|(?:is|are|was|were)\s+due|[Ss]cheduled|[Ee]xpected\s+to"
                            r"|[Ss]et\s+to|[Pp]lan(?:s|ned|ning)|[Gg]oing\s+to)|['’]ll)(?:\s+[\w'’-]+){0,8}\s+$")
_DAY_TIME_KINDS = ("the_day", "tod", "tod_words", "daypart", "part_of_day", "hours_earlier", "early_hours_bare", "dark", "all_daypart")


def _names_no_day(kind: str, groups: dict) -> bool:
    """A time of day that names no day of its own: a clock time, a part of the day, or a range of
    clock times without a weekday (decision 33)."""
    return kind in _DAY_TIME_KINDS or (kind == "that_day" and groups.get("u") not in ("year", "month", "week")) \
        or (kind == "most_of_day" and not groups.get("wd")) or (kind in ("tod_range", "tod_from_to") and not groups.get("wd"))


_GENERIC_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ee]very|[Ee]ach)\s+(?:[a-z]+\s+)?$")
_WD_ANY = re.compile(rf"\b(?:{_WD})\b")
_MON_ANY = re.compile(rf"\b(?:{MONTH_NAMES})\b")
# a time right after a reporting verb dates the report, not the event ("said on Monday that ...":
# adjudication 15; arguments.py links no such time to an event either)
REPORTING_TIME = re.compile(r"\b(?:said|says|told\s+[\w.]+|added|reported|announced|confirmed|stated)"
                            r"(?:\s+in\s+an?\s+(?:statement|interview|briefing))?\s+"
                            r"(?:(?:late|early|later|earlier|shortly|just)\s+)?(?:on\s+|before\s+|after\s+)?$")


def find_times(text: str, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``text`` with its resolved value, in order, non-overlapping."""
    taken: list[tuple[int, int]] = []
    dayless: set[int] = set()  # starts of times of day that name no day
    reporting: set[int] = set()  # starts of days that date only a reporting verb
    out: list[TimeExpr] = []
    present = {"wd": bool(_WD_ANY.search(text)), "mon": bool(_MON_ANY.search(text))}
    low = text.lower()
    for kind, pattern in PATTERNS:
        if kind in _NEEDS and not present[_NEEDS[kind]]:
            continue
        if kind in _KEYWORDS and not any(k in low for k in _KEYWORDS[kind]):
            continue
        for m in finditer(pattern, text):  # pattern.finditer, faster (scan.py)
            start, end = m.span("year") if kind == "year" else (
                m.span(m.lastgroup) if kind in ("daypart", "early_hours", "feast") else
                m.span("span") if kind in ("the_season", "dark", "tod_from_to", "the_day") else m.span())
            groups = m.groupdict()
            mon = groups.get("mon")
            if kind == "month" and _GENERIC_BEFORE.search(text, max(0, start - 30), start):
                continue  # "in a normal August", "every June": a kind of month, no date
            if kind == "month" and mon in _AMBIGUOUS_MONTHS and not groups.get("mod"):
                if not _MONTH_CONTEXT.search(text[max(0, start - 12) : start]):
                    continue
            if kind == "date_mdy" and mon in _AMBIGUOUS_MONTHS | {"Mar", "Jun", "Jan"} and not m.group(0)[len(mon):].lstrip(". ")[:1].isdigit():
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            groups["_text"] = m.group(0).lower()
            if kind in _WEEKDAY_KINDS or kind == "most_of_day":
                groups["_future"] = bool(_FUTURE_BEFORE.search(text, max(0, start - 80), start))
            out.append(TimeExpr(start, end, text[start:end], resolve(kind, groups, published), _SCORES[kind]))
            if _names_no_day(kind, groups):
                dayless.add(start)
            elif REPORTING_TIME.search(text, max(0, start - 40), start):
                reporting.add(start)
    return _anchor_times_of_day(sorted(out, key=lambda t: t.start), dayless, reporting)


def _anchor_times_of_day(times: list[TimeExpr], dayless: set[int], reporting: set[int] = frozenset()) -> list[TimeExpr]:
    """A time of day with no day of its own (``at around 4 a.m.``, ``late in the evening``) dates the
    day the text last named (``on Sunday ... The shelling began at around 4 a.m.``), as the golds do; before
    any named day it keeps the publication date. A day that dates only a reporting verb (``said on
    Wednesday``) does not replace an earlier named day: the report is still about that day (``the
    Tuesday crossing ... the army said on Wednesday ... at around 10:30 a.m.`` is Tuesday's)."""
    day, out = None, []
    for t in times:
        if t.start in dayless:
            if day is not None and t.value is not None:
                t = replace(t, value=day)
        elif t.value is not None and len(t.value) == 10 and not (t.start in reporting and day is not None):
            day = t.value
        out.append(t)
    return out
