"""The generic cleaner: applies a RuleSet to one decoded article and keeps exact provenance.

Text is handled as Python strings plus offset arrays (never an object per character): the
normalized text carries a piecewise map back to raw offsets, each line is a string plus the
normalized ranges it is made of, and every removal is a range with the rule that made it.
Time is linear in the article's length (near-repeat detection only looks ``window`` lines
back), so a 20 MB page cleans in seconds.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from newscorpus.fileio import sha256_text
from newscorpus.clean import layout
from newscorpus.clean.rules import Rule, RuleSet

_RUN = re.compile(r"\s{2,}")
_NONWORD = re.compile(r"\W+")
NEAR_MAX_WORDS = 400  # longer paragraphs are compared for exact repeats only (near-repeat cost is quadratic per pair)


@dataclass
class CleanResult:
    """The clean text plus everything needed to trace it back to the raw text."""

    doc_id: str
    raw_file: str
    raw_sha256: str
    rules_sha256: str
    text: str
    segments: list[list[int]]
    normalized: list[dict]
    removed: list[dict]
    metadata: list[dict] = field(default_factory=list)

    def provenance(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "raw_file": self.raw_file,
            "raw_sha256": self.raw_sha256,
            "clean_sha256": sha256_text(self.text),
            "rules_sha256": self.rules_sha256,
            "offsets": "Unicode code points; raw offsets index the UTF-8-decoded raw file",
            "segments_format": ["clean_start", "clean_end", "raw_start", "raw_end"],
            "segments": self.segments,
            "normalized": self.normalized,
            "removed": self.removed,
            "metadata": self.metadata,
        }


def search_end(rule: Rule, text: str) -> re.Match | None:
    """A match of a suffix or anchor-'end' rule that reaches the end of the line: the pattern
    is searched in the last ``tail`` characters only (lookbehinds still see the whole line)."""
    start = max(0, len(text) - rule.tail) if rule.tail is not None else 0
    m = rule.pattern.search(text, start)
    return m if m is not None and m.end() == len(text) else None


class _OffsetMap:
    """Piecewise-linear map from positions in a derived text to raw positions."""

    __slots__ = ("starts", "raws", "length")

    def __init__(self, starts: list[int], raws: list[int], length: int):
        self.starts, self.raws, self.length = starts, raws, length

    def pieces(self, a: int, b: int) -> list[tuple[int, int, int]]:
        """(start, end, raw_start) for the runs of [a, b) that are contiguous in raw."""
        starts, raws = self.starts, self.raws
        if len(starts) == 1:  # one run (nothing deleted before lines were split): a shift
            return [(a, b, raws[0] + a)] if a < b else []
        out = []
        k = bisect_right(starts, a) - 1
        while a < b:
            end = starts[k + 1] if k + 1 < len(starts) else self.length
            e = min(b, end)
            out.append((a, e, raws[k] + a - starts[k]))
            a = e
            k += 1
        return out

    def raw(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        return self.raws[k] + i - self.starts[k]


def _normalize(raw: str, rules: list[Rule], removed: list[tuple[int, int, str]], subst: dict[int, tuple[str, str]]):
    """Apply the normalize rules in order; returns the text and its map back to raw."""
    text, omap = raw, _OffsetMap([0], [0], len(raw))
    for rule in rules:
        spans = [m.span() for m in rule.pattern.finditer(text) if m.end() > m.start()]
        if not spans:
            continue
        if rule.replace_with:
            for a, b in spans:
                for start, end, r in omap.pieces(a, b):
                    for k in range(end - start):
                        subst[r + k] = (rule.id, rule.replace_with)
            text = rule.pattern.sub(lambda m: rule.replace_with * (m.end() - m.start()), text)
            continue
        kept, prev = [], 0
        for a, b in spans:
            if a > prev:
                kept.append((prev, a))
            for start, end, r in omap.pieces(a, b):
                removed.append((r, r + end - start, rule.id))
            prev = b
        if prev < len(text):
            kept.append((prev, len(text)))
        starts, raws, pos = [], [], 0
        for a, b in kept:
            for start, end, r in omap.pieces(a, b):
                if starts and raws[-1] + (pos - starts[-1]) == r:
                    pass  # continues the previous run in raw
                else:
                    starts.append(pos)
                    raws.append(r)
                pos += end - start
        text = "".join(text[a:b] for a, b in kept)
        omap = _OffsetMap(starts or [0], raws or [0], len(text))
    return text, omap


class _Line:
    """One line: its current text and the normalized ranges that text is made of."""

    __slots__ = ("source", "text", "pieces", "newline")

    def __init__(self, source: str, text: str, pieces: list[list[int]], newline: int | None):
        self.source, self.text, self.pieces, self.newline = source, text, pieces, newline

    def position(self, i: int) -> int:
        """The normalized offset of character i of the line's text."""
        for a, b in self.pieces:
            if i < b - a:
                return a + i
            i -= b - a
        raise IndexError(i)

    def cut_front(self, n: int, rule_id: str, removed: list) -> None:
        while n > 0:
            a, b = self.pieces[0]
            take = min(n, b - a)
            removed.append((a, a + take, rule_id))
            if take == b - a:
                self.pieces.pop(0)
            else:
                self.pieces[0] = [a + take, b]
            n -= take
        self.text = "".join(self.source[a:b] for a, b in self.pieces)

    def cut_back(self, n: int, rule_id: str, removed: list) -> None:
        while n > 0:
            a, b = self.pieces[-1]
            take = min(n, b - a)
            removed.append((b - take, b, rule_id))
            if take == b - a:
                self.pieces.pop()
            else:
                self.pieces[-1] = [a, b - take]
            n -= take
        self.text = "".join(self.source[a:b] for a, b in self.pieces)

    def drop(self, rule_id: str, removed: list) -> None:
        for a, b in self.pieces:
            removed.append((a, b, rule_id))
        self.pieces, self.text = [], ""


_WHOLE, _PREFIX, _SUFFIX = 0, 1, 2
_NO_LIMIT = 1 << 62


def _check(rule: Rule):
    """One rule as (length limit, action, after, finder, rule): the finder returns the match
    that makes the rule act on a line, or None (fullmatch, prefix, suffix or anchor 'end',
    with the 'unless' veto applied)."""
    pattern, unless = rule.pattern, rule.unless
    if rule.kind == "prefix":
        action = _PREFIX

        def find(text):
            m = pattern.match(text)
            return m if m is not None and m.end() > 0 and (unless is None or not unless.search(text)) else None
    elif rule.kind == "suffix" or rule.anchor == "end":
        action = _SUFFIX if rule.kind == "suffix" else _WHOLE

        def find(text):
            m = search_end(rule, text)
            return m if m is not None and m.end() > m.start() and (unless is None or not unless.search(text)) else None
    else:
        action = _WHOLE
        if unless is None:
            find = pattern.fullmatch
        else:
            def find(text):
                m = pattern.fullmatch(text)
                return m if m is not None and not unless.search(text) else None
    if rule.requires:
        needles, inner = rule.requires, find

        def find(text):
            for needle in needles:
                if needle in text:
                    return inner(text)
            return None
    limit = rule.max_length if rule.max_length is not None and rule.kind in {"line", "block"} else _NO_LIMIT
    return limit, action, rule.after, find, rule


class _Cleaner:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.whitespace_id = rules.of_kind("whitespace")[0].id
        self.normalize = rules.of_kind("normalize")
        checks = [_check(rule) for rule in rules.of_kind("prefix", "suffix", "line", "block")]
        # the checks that apply to a line of a given length, in rule order, by length band
        self.limits = sorted({c[0] for c in checks})
        self.bands = [[c for c in checks if c[0] >= limit] for limit in self.limits] + [[]]
        self.first_bands = [[(action, find, rule) for _, action, after, find, rule in band if after is None] for band in self.bands]
        self.duplicates = rules.of_kind("duplicate")
        sides = {r.id for r in rules.of_kind("layout")}
        self.trailing, self.leading = layout.TRAILING in sides, layout.LEADING in sides

    # -- one line ---------------------------------------------------------------------------

    def _tidy(self, source: str, text: str, start: int, newline: int | None, removed: list) -> _Line:
        """Strip the line's ends and collapse inner runs of spaces (rule 'whitespace')."""
        if not text[0].isspace() and not text[-1].isspace() and _RUN.search(text) is None:
            return _Line(source, text, [[start, start + len(text)]], newline)  # already tidy
        ws = self.whitespace_id
        core = text.strip()
        if not core:
            if text:
                removed.append((start, start + len(text), ws))
            return _Line(source, "", [], newline)
        lead = len(text) - len(text.lstrip())
        end = lead + len(core)
        if lead:
            removed.append((start, start + lead, ws))
        if end < len(text):
            removed.append((start + end, start + len(text), ws))
        pieces, pos = [], lead
        for m in _RUN.finditer(text, lead, end):
            pieces.append([start + pos, start + m.start() + 1])
            removed.append((start + m.start() + 1, start + m.end(), ws))
            pos = m.end()
        if pieces:
            pieces.append([start + pos, start + end])
            return _Line(source, "".join(text[a - start : b - start] for a, b in pieces), pieces, newline)
        return _Line(source, core, [[start + lead, start + end]], newline)

    def _meta(self, rule: Rule, match: re.Match, line: _Line, omap: _OffsetMap, metadata: list) -> None:
        for key, value in match.groupdict().items():
            if value:
                start, end = match.span(key)
                metadata.append(
                    {
                        "key": key,
                        "value": value.strip(),
                        "rule": rule.id,
                        "raw_start": omap.raw(line.position(start)),
                        "raw_end": omap.raw(line.position(end - 1)) + 1,
                    }
                )

    def _first_hit(self, text: str):
        """(match, action, rule) of the first rule acting on a line no rule has touched yet
        (rules with ``after`` cannot act then), or None: most lines end here."""
        for action, find, rule in self.first_bands[bisect_left(self.limits, len(text))]:
            m = find(text)
            if m is not None:
                return m, action, rule
        return None

    def _process_line(self, line: _Line, omap: _OffsetMap, removed: list, metadata: list) -> Rule | None:
        """Apply prefix/suffix/line/block rules; returns the rule that removed the whole line."""
        hit = self._first_hit(line.text)
        if hit is None:
            return None
        ws = self.whitespace_id
        applied: set[str] = set()
        while True:
            m, action, rule = hit
            size = len(line.text)
            self._meta(rule, m, line, omap, metadata)
            if action == _WHOLE:
                line.drop(rule.id, removed)
                return rule
            if action == _PREFIX:
                line.cut_front(m.end(), rule.id, removed)
                lead = len(line.text) - len(line.text.lstrip())
                if lead:
                    line.cut_front(lead, ws, removed)
            else:
                line.cut_back(size - m.start(), rule.id, removed)
                trail = len(line.text) - len(line.text.rstrip())
                if trail:
                    line.cut_back(trail, ws, removed)
            applied.add(rule.id)
            text = line.text
            if not text:
                return None
            hit = None
            for _, action, after, find, rule in self.bands[bisect_left(self.limits, len(text))]:
                if after is not None and after not in applied:
                    continue
                m = find(text)
                if m is not None:
                    hit = m, action, rule
                    break
            if hit is None:
                return None

    # -- the article ------------------------------------------------------------------------

    def run(self, raw: str):
        removed_raw: list[tuple[int, int, str]] = []
        subst: dict[int, tuple[str, str]] = {}
        text, omap = _normalize(raw, self.normalize, removed_raw, subst)
        removed: list[tuple[int, int, str]] = []  # normalized ranges
        metadata: list[dict] = []
        ws = self.whitespace_id
        kept: list[_Line | None] = []
        repeats = _Repeats(self.duplicates)
        block: Rule | None = None
        block_items = 0
        after_kept = False  # no non-blank line removed since the last kept line (for 'previous')
        start = 0
        size = len(text)
        for raw_line in text.split("\n"):
            end = start + len(raw_line)
            newline = end if end < size else None
            if not raw_line or raw_line.isspace():  # a blank line: it goes, and ends a block
                if newline is not None or raw_line:
                    removed.append((start, end + (newline is not None), ws))
                block = None
                start = end + 1
                continue
            line = self._tidy(text, raw_line, start, newline, removed)
            start = end + 1
            blank = not line.text
            by = self._process_line(line, omap, removed, metadata) if not blank else None
            if by is not None and by.kind == "block":
                block, block_items = by, 0
            if by is not None and by.previous is not None and after_kept:
                self._drop_previous(by, kept, removed)
            if not line.text:
                if blank:
                    block = None
                else:
                    after_kept = False
                if newline is not None:
                    removed.append((newline, newline + 1, ws))
                continue
            if block is not None:
                if (block.item_max_length is None or len(line.text) <= block.item_max_length) and block.item_pattern.fullmatch(line.text):
                    line.drop(block.id, removed)
                    if newline is not None:
                        removed.append((newline, newline + 1, ws))
                    block_items += 1
                    if block_items >= block.max_items:
                        block = None
                    after_kept = False
                    continue
                block = None
            if self.duplicates and repeats.check(line, kept, removed):
                after_kept = False
                continue
            kept.append(line)
            after_kept = True
        lines = [line for line in kept if line is not None]
        if self.trailing or self.leading:
            lines = self._layout(lines, removed)
        if lines and lines[-1].newline is not None:
            removed.append((lines[-1].newline, lines[-1].newline + 1, ws))
            lines[-1].newline = None
        return text, omap, lines, removed, removed_raw, subst, metadata

    def _layout(self, lines: list, removed: list) -> list:
        """The layout pass (clean/layout.py) on the kept lines: furniture around the body."""
        drops = layout.layout_drops([line.text for line in lines], trailing=self.trailing, leading=self.leading)
        if not drops:
            return lines
        for i, rule_id in drops:
            self._drop_kept(lines, i, rule_id, removed)
        return [line for line in lines if line is not None]

    @classmethod
    def _drop_previous(cls, rule: Rule, kept: list, removed: list) -> None:
        """A line that only makes sense with the one it follows (a role under a lone name): the
        line just above (the caller checks only blank lines lie between, so it is the last kept
        line) goes too if it fully matches the rule's ``previous`` pattern, unless it is the
        first line kept (the title: a byline comes under a headline, never above it)."""
        i = len(kept) - 1
        if i > 0 and kept[i] is not None and rule.previous.fullmatch(kept[i].text):
            cls._drop_kept(kept, i, rule.id, removed)

    @staticmethod
    def _drop_kept(kept, i: int, rule_id: str, removed: list) -> None:
        line = kept[i]
        line.drop(rule_id, removed)
        if line.newline is not None:
            removed.append((line.newline, line.newline + 1, rule_id))
        kept[i] = None


_QUOTES = "\"'‘“«„"  # what a pull quote opens with

# ASCII punctuation and the common typographic marks: spaces for the fast word key
_PUNCT = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u00b7"})


_PUNCT_ASCII = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", b" " * 31)


def _word_key(text: str) -> str:
    """The line's words (regex \\w+ runs), casefolded and joined by single spaces."""
    folded = text.casefold()
    if folded.isascii():  # bytes.translate is a table lookup; str.translate a dict lookup per character
        words = folded.encode("ascii").translate(_PUNCT_ASCII).decode("ascii").split()
    else:
        words = folded.translate(_PUNCT).split()
    joined = "".join(words)
    if joined.isalnum() or joined.replace("_", "").isalnum() or not joined:
        return " ".join(words)
    return _NONWORD.sub(" ", text.casefold()).strip()  # other non-word characters: the exact rule


class _Repeats:
    """Repeat detection over the kept lines: exact repeats by a key of the line's words (any
    distance), near repeats by word alignment within a rule's window (linear overall)."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.exact: dict[bytes, int] = {}
        self.window = max((r.window for r in rules), default=0)
        self.counts: list[int] = []  # words per kept line
        self.norms: list[str | None] = []  # words joined by spaces (None when too long to align)
        self.words: dict[int, tuple] = {}

    def _words(self, i: int) -> tuple:
        if i not in self.words:
            self.words[i] = tuple(self.norms[i].split(" "))
        return self.words[i]

    def check(self, line: _Line, kept: list, removed: list) -> bool:
        """True (and the line removed) when it repeats a kept line; may remove an earlier
        standfirst instead (keep_near = 'later'). Otherwise the line is recorded as kept."""
        norm = _word_key(line.text)
        count = norm.count(" ") + 1 if norm else 0
        key = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()  # memory: 16 bytes per kept line
        n = len(self.counts)
        for rule in self.rules:
            if count < rule.min_words:
                continue
            if rule.keep_near == "body":  # a pull quote: its words run whole inside a longer paragraph
                if self._inside(norm, count, kept, rule):
                    return self._remove(line, rule, removed)
                self._quote_before(norm, count, kept, rule, removed)
                continue
            if key in self.exact:
                return self._remove(line, rule, removed)
            if count > NEAR_MAX_WORDS:
                continue
            words: tuple | None = None
            lo = max(0, n - rule.window)
            low, high = max(rule.min_words, rule.min_similarity * count), count / rule.min_similarity
            for i in [i for i in range(n - 1, lo - 1, -1) if low <= self.counts[i] <= high]:
                if kept[i] is None or self.norms[i] is None:
                    continue
                if words is None:
                    words = tuple(norm.split(" "))
                if not _near_repeat(self._words(i), words):
                    continue
                if rule.keep_near == "later":
                    _Cleaner._drop_kept(kept, i, rule.id, removed)
                    break
                return self._remove(line, rule, removed)
        self.exact.setdefault(key, n)
        self.counts.append(count)
        self.norms.append(norm if count <= NEAR_MAX_WORDS else None)
        old = n - self.window  # texts older than every window are never aligned again: free them
        if old >= 0:
            self.norms[old] = None
            self.words.pop(old, None)
        return False

    def _inside(self, norm: str, count: int, kept: list, rule: Rule) -> bool:
        """True when a longer kept paragraph within the rule's window holds these words as one
        run, so the paragraph keeps every word of the line."""
        needle, n = f" {norm} ", len(self.counts)
        for i in range(n - 1, max(0, n - rule.window) - 1, -1):
            if self.counts[i] > count and kept[i] is not None and self.norms[i] is not None and needle in f" {self.norms[i]} ":
                return True
        return False

    def _quote_before(self, norm: str, count: int, kept: list, rule: Rule, removed: list) -> None:
        """A pull quote set above the paragraph it repeats: an earlier kept line (never the
        title) that opens with a quotation mark and runs whole inside this paragraph goes."""
        hay, n = f" {norm} ", len(self.counts)
        for i in range(n - 1, max(1, n - rule.window) - 1, -1):
            line = kept[i]
            if (line is not None and rule.min_words <= self.counts[i] < count and self.norms[i] is not None
                    and line.text[:1] in _QUOTES and f" {self.norms[i]} " in hay):
                _Cleaner._drop_kept(kept, i, rule.id, removed)

    @staticmethod
    def _remove(line: _Line, rule: Rule, removed: list) -> bool:
        line.drop(rule.id, removed)
        if line.newline is not None:
            removed.append((line.newline, line.newline + 1, rule.id))
        return True


def _near_repeat(earlier: tuple, words: tuple) -> bool:
    """True when the shorter word list sits inside the longer in order (words only added or
    dropped, never substituted); the caller has checked the length ratio."""
    if earlier == words:
        return True
    short, long_ = (earlier, words) if len(earlier) <= len(words) else (words, earlier)
    # in a subsequence with ``extra`` words added, short[j] sits within long_[j : j + extra + 1]:
    # the first and last words say no to most pairs before any set or alignment is built
    extra = len(long_) - len(short)
    if short[0] not in long_[: extra + 1] or short[-1] not in long_[-extra - 1 :]:
        return False
    if not frozenset(long_).issuperset(short):
        return False
    it = iter(long_)
    if not all(word in it for word in short):  # not even a subsequence: the alignment cannot cover it
        return False
    blocks = difflib.SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) == len(short)


def clean_text(raw: str, rules: RuleSet, *, doc_id: str = "", raw_file: str = "", raw_sha256: str = "") -> CleanResult:
    """Clean one raw article (already decoded). Pure: no I/O."""
    cleaner = rules.compiled
    if not isinstance(cleaner, _Cleaner) or cleaner.rules is not rules:
        cleaner = rules.compiled = _Cleaner(rules)
    text, omap, lines, removed, removed_raw, subst, metadata = cleaner.run(raw)
    parts: list[str] = []
    segments: list[list[int]] = []
    pos = 0

    single = omap.raws[0] if len(omap.starts) == 1 else None

    def keep(a: int, b: int) -> None:
        nonlocal pos
        for start, end, r in ((a, b, a + single),) if single is not None else omap.pieces(a, b):
            n = end - start
            last = segments[-1] if segments else None
            if last and last[1] == pos and last[3] == r:
                last[1] += n
                last[3] += n
            else:
                segments.append([pos, pos + n, r, r + n])
            pos += n

    for line in lines:
        parts.append(line.text)
        for a, b in line.pieces:
            keep(a, b)
        if line.newline is not None:
            parts.append("\n")
            keep(line.newline, line.newline + 1)
    if len(omap.starts) == 1:  # normalized offsets are raw offsets plus one shift
        shift = omap.raws[0]
        removed_raw.extend((a + shift, b + shift, rule_id) for a, b, rule_id in removed if b > a)
    else:
        for a, b, rule_id in removed:
            for start, end, r in omap.pieces(a, b):
                removed_raw.append((r, r + end - start, rule_id))
    removed_raw.sort()
    runs: list[dict] = []
    for a, b, rule_id in removed_raw:
        if runs and runs[-1]["raw_end"] == a and runs[-1]["rule"] == rule_id:
            runs[-1]["raw_end"] = b
        else:
            runs.append({"raw_start": a, "raw_end": b, "rule": rule_id})
    for run in runs:
        run["text"] = raw[run["raw_start"] : run["raw_end"]]
    clean = "".join(parts)
    normalized = []
    if subst:
        raw_starts = [s[2] for s in segments]
        for r in sorted(subst):
            k = bisect_right(raw_starts, r) - 1
            if k >= 0 and r < segments[k][3]:
                rule_id, ch = subst[r]
                clean_start = segments[k][0] + r - segments[k][2]
                normalized.append({"clean_start": clean_start, "raw_start": r, "raw_text": raw[r], "clean_text": ch, "rule": rule_id})
    return CleanResult(
        doc_id=doc_id,
        raw_file=raw_file,
        raw_sha256=raw_sha256 or sha256_text(raw),
        rules_sha256=rules.sha256,
        text=clean,
        segments=segments,
        normalized=normalized,
        removed=runs,
        metadata=sorted(metadata, key=lambda m: (m["raw_start"], m["key"])),
    )
