"""scan.finditer finds exactly the matches re's finditer finds (same spans, same groups, same order)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newscorpus.preannotate import scan
from newscorpus.preannotate.times import PATTERNS

WORDS = ["Monday", "Friday", "last", "Last", "next", "this", "week", "month", "year", "years", "ago", "two", "a",
         "an", "the", "The", "in", "In", "since", "of", "late", "Early", "mid", "January", "May", "Oct", "Oct.",
         "7", "12", "2023", "1999", "8am", "10:30", "p.m.", "am", "pm", "noon", "overnight", "into", "morning",
         "night", "weekend", "coming", "past", "few", "days", "recent", "start", "end", "at", "around", "on",
         "yesterday", "Today", "tonight", "local", "time", "shortly", "after", "mid-morning", "Sept", "-", ",",
         "between", "Between", "about", "Around", "before", "later", "Earlier", "afternoon"]
SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", ""]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs))


def same(pattern, text):
    want = [(m.span(), m.groupdict(), m.group(0)) for m in pattern.finditer(text)]
    got = [(m.span(), m.groupdict(), m.group(0)) for m in scan.finditer(pattern, text)]
    assert got == want, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_time_pattern_on_time_like_text(text):
    for _, pattern in PATTERNS:
        same(pattern, text)


@pytest.mark.parametrize("source, expect_scan", [
    (r"\bcat\b", True),
    (r"(?<=\bthe\s)(?:cat|dog)s?\b", True),
    (r"\b(?:(?:big|small)\s+)?(?:cat|\d+)\b", True),
    (r"(?:a|b)*c", True),  # optional first parts: the first character may be a, b or c
    (r"[^x]cat", False),  # a negated set: anything may begin a match
    (r".at", False),
    (r"x*", False),  # can match nothing
    (r"(?i)cat", False),
    (r"(a)\1", False),  # a back reference inside the scan's lookbehind: left to re
])
def test_which_patterns_are_scanned_and_that_they_agree(source, expect_scan):
    pattern = re.compile(source)
    assert (scan.scan_for(pattern) is not None) == expect_scan
    for text in ["", "cat", "the cat and the dogs", "concat cats Cat", "aab abc c  bc", "big 12 small cat 7",
                 "xcat ycat", "aa aa", "x" * 50]:
        same(pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcx \n-", max_size=60))
def test_overlapping_and_adjacent_matches(text):
    for source in (r"\b(?:a|ab|abc)\b", r"(?:ab|a)(?:bc|c)?", r"\bx+(?=a)", r"(?<!b)a+"):
        same(re.compile(source), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab-_ ‐é1.", max_size=40), st.sampled_from(["a", "ab", "b-a", "a a", "é", "-", "a."]),
       st.sampled_from(["-", "-‐"]))
def test_word_spans_are_the_whole_word_matches(text, surface, joiners):
    j = re.escape(joiners)
    want = [m.span() for m in re.finditer(rf"(?<![\w{j}]){re.escape(surface)}(?![\w{j}])", text)]
    assert list(scan.word_spans(text, surface, joiners)) == want


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 70))
@example("on Monday morning he said", 3, 10)  # endpos inside a longer match: "Monday", not "Monday morning"
@example("Tuesday, Wednesday", 1, 30)  # pos inside a word: no \\b before it
def test_a_stretch_of_the_text_as_re_reads_it(text, pos, endpos):
    """With pos and endpos, the matches of ``pattern.finditer(text, pos, endpos)`` (the look-behinds
    see before pos, the look-aheads and ``\\b`` end at endpos), as the argument rules ask for clauses."""
    from newscorpus.preannotate.arguments import _CLAUSE_BOUND

    for pattern in (*(p for _, p in PATTERNS), _CLAUSE_BOUND, re.compile(r"\bsaid\b|[,;]")):
        want = [(m.span(), m.group(0)) for m in pattern.finditer(text, pos, endpos)]
        assert [(m.span(), m.group(0)) for m in scan.finditer(pattern, text, pos, endpos)] == want, (pattern.pattern, text)
