"""``pattern.finditer(text)`` with the same matches, faster for patterns that begin with ``\\b``.

Python's ``re`` skips quickly to where a match can start only when a pattern begins with a
literal or a character set; a pattern beginning with ``\\b``, a lookbehind or optional words
(most of the time rules) is tried at every character of the text. ``finditer`` here reads from
the pattern's parse the characters a match can begin with and scans with
``[those](?<=(?=PATTERN)[\\s\\S])``: ``re`` skips to those characters and checks there, in C,
whether the pattern matches; only where it does is the pattern matched again from Python, in
order, from the end of the previous match: the matches ``re``'s own search finds, found faster.
A pattern it cannot read that way (case-insensitive, beginning with any character or a negated
set, able to match nothing) is left to ``re``.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (the parser's opcodes)
from re import _parser
from typing import Iterator

_SCANS: dict[re.Pattern, re.Pattern | None] = {}
_BY_ID: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}
_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_WORD: r"\w",
             C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S"}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class _Unknown(Exception):
    """A construct whose first characters are not read here: use ``re`` as it is."""


def _first(seq) -> tuple[list[str], bool]:
    """(character-class parts a match of ``seq`` can begin with, whether it can match nothing)."""
    parts: list[str] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return [*parts, re.escape(chr(av))], False
        if op is C.IN:
            for item, value in av:
                if item is C.LITERAL:
                    parts.append(re.escape(chr(value)))
                elif item is C.RANGE:
                    parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif item is C.CATEGORY and value in _CATEGORY:
                    parts.append(_CATEGORY[value])
                else:
                    raise _Unknown(item)  # NEGATE, case-folded sets, ...
            return parts, False
        if op is C.SUBPATTERN:
            if av[1] & (re.IGNORECASE | re.LOCALE | re.ASCII):
                raise _Unknown(op)
            sub, nullable = _first(av[3])
        elif op is C.ATOMIC_GROUP:
            sub, nullable = _first(av)
        elif op is C.BRANCH:
            sub, nullable = [], False
            for alt in av[1]:
                p, n = _first(alt)
                sub += p
                nullable = nullable or n
        elif op in _REPEATS:
            sub, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        else:
            raise _Unknown(op)  # any character, back references, ...
        parts += sub
        if not nullable:
            return parts, False
    return parts, True


def scan_for(pattern: re.Pattern) -> re.Pattern | None:
    """The scan that finds where ``pattern`` matches (None: use ``pattern.finditer``)."""
    known = _BY_ID.get(id(pattern))  # a Pattern hashes its whole compiled code: look it up by identity first
    if known is not None and known[0] is pattern:
        return known[1]
    if pattern in _SCANS:
        _BY_ID[id(pattern)] = (pattern, _SCANS[pattern])  # (holding the pattern keeps its id its own)
        return _SCANS[pattern]
    scan = None
    if isinstance(pattern.pattern, str) and not pattern.flags & (re.IGNORECASE | re.LOCALE | re.ASCII | re.VERBOSE):
        try:
            parts, nullable = _first(_parser.parse(pattern.pattern, pattern.flags).data)
            if parts and not nullable:
                scan = re.compile(f"[{''.join(parts)}](?<=(?=(?:{pattern.pattern}))[\\s\\S])", pattern.flags)
        except (_Unknown, re.error, ValueError, TypeError, OverflowError, RecursionError):
            scan = None
    _SCANS[pattern] = scan
    _BY_ID[id(pattern)] = (pattern, scan)
    return scan


def finditer(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text, pos, endpos)`` gives, in the same order."""
    end = len(text) if endpos is None else endpos
    scan = scan_for(pattern)
    if scan is None:
        yield from pattern.finditer(text, pos, end)
        return
    match = pattern.match
    for hit in scan.finditer(text, pos, end):  # (the scan's look-ahead sees the text end at endpos, as match does)
        p = hit.start()
        if p < pos:
            continue  # inside the previous match
        m = match(text, p, end)
        if m is not None:
            yield m
            pos = m.end()


def word_spans(text: str, surface: str, joiners: str = "-") -> Iterator[tuple[int, int]]:
    """The spans ``re.finditer(rf"(?<![\\w{joiners}]){re.escape(surface)}(?![\\w{joiners}])", text)``
    gives: ``surface`` as a whole word, not inside a longer word or a compound. Without compiling
    a pattern per string (the rules look for each name of an article, and re's search for a
    pattern beginning with a lookbehind tries every character)."""
    if not surface:
        yield from (m.span() for m in re.finditer(rf"(?<![\w{re.escape(joiners)}])(?![\w{re.escape(joiners)}])", text))
        return
    n, size = len(surface), len(text)
    i = text.find(surface)
    while i >= 0:
        before = text[i - 1] if i else ""
        after = text[i + n] if i + n < size else ""
        if not (before and (before.isalnum() or before == "_" or before in joiners)) \
                and not (after and (after.isalnum() or after == "_" or after in joiners)):
            yield i, i + n
            i = text.find(surface, i + n)
        else:
            i = text.find(surface, i + 1)
