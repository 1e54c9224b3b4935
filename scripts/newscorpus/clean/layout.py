"""The layout pass: trailing (and leading) page furniture found by where the article body is.

Shape rules list furniture kinds; a fresh page brings kinds nobody listed (podcast promos,
weather widgets, membership asks, tag rows). The body of a news article is a run of prose
paragraphs, so what follows its last paragraph and is not prose is page furniture whatever its
kind. This pass runs on the lines the shape rules kept and removes, with its own rule ids:

* ``layout_trailing``: every non-prose line after the last prose line, unless that last line
  ends with a colon (it introduces a list that closes the article);
* ``layout_leading``: the short non-prose lines above the title (at most three words, or a
  row of such items split by separators: kickers, mastheads, badges, menus), where the title
  is the last line above the first sentence-ended paragraph that could be a headline (four or
  more words in one item). If any line above the title could itself be a headline or is
  prose, the title is unsure and nothing goes. The one case this can get wrong: a title of at
  most three words followed, above the body, by a longer non-prose line (a missed byline).
  Two longer shapes above the title are furniture all the same, never a headline: a bullet
  item (a line opened by a mark and a space, '• …', '– …': a key-points box; it is never the
  title nor the body's start either), and a short line in capitals over a title that is not
  (a series kicker, 'DISPATCH FROM THE BORDER'). A key-points box between the title and the
  body's first paragraph goes too, with the same rule id: its bullet items and the short
  non-prose heading just above them ('Key points', 'In brief').

A prose line (decided on the dev sets' layouts, kept simple on purpose: precision first) has
at least two words and ends like a sentence or a quote (``. ! ? …`` or a colon, then any
closing quotes or brackets), or is a quote (opens and closes with quote marks, even one word),
or has at least twelve words (a sentence that lost its full stop).
A page with fewer than two prose lines is left alone (no evidence of a body; never emptied).
Mid-body lines are never touched: crossheads are content. One pass over the lines: linear.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

TRAILING, LEADING = "layout_trailing", "layout_leading"

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CLOSERS = "\"'”’»)]*"
_OPENERS = "\"“‘«'"
_SENTENCE_END = ".!?…:"
_SEPARATORS = re.compile(r"[|·•›»⟩▸‣→]|\s/\s")
LONG = 12  # words: a sentence even without its full stop
HEADLINE = 4  # words: a line that could be a headline
KICKER = 6  # words: at most, in a line of capitals above a title that is not in capitals
_NOT_BULLETS = "\"'#@%&"  # marks that open text, not a list item


def _words(text: str, cap: int = LONG) -> int:
    """Words in the line, counted up to ``cap`` (every threshold here is at most LONG): a long
    paragraph is not scanned to its end."""
    return sum(1 for _ in islice(_WORD.finditer(text), cap))


def _core(text: str) -> str:
    """The line without its closing quotes, brackets and spaces: where a sentence's end is read."""
    return text.rstrip(_CLOSERS + " ")


def is_prose(text: str) -> bool:
    """A paragraph of running text: a sentence (or quote) ending, or many words."""
    core = _core(text)
    words = _words(text)
    quoted = text[:1] in _OPENERS and core != text  # opens and closes with quote marks
    if quoted and words >= 1:
        return True
    if core and core[-1] in _SENTENCE_END:
        return words >= 2
    return words >= LONG


def _ends_with_colon(text: str) -> bool:
    return _core(text).endswith(":")


def _ends_sentence(text: str) -> bool:
    core = _core(text)
    return bool(core) and core[-1] in ".!?…" and _words(text) >= 2


def _longest_item(text: str) -> int:
    """Words in the longest item of a row split by separators (the whole line if none)."""
    return max(_words(item) for item in _SEPARATORS.split(text))


def is_bullet(text: str) -> bool:
    """A list item: a mark (punctuation or symbol, not an opening quote or bracket) and a space."""
    if len(text) < 3 or not text[1].isspace() or text[0] in _NOT_BULLETS:
        return False
    category = unicodedata.category(text[0])
    return category[0] in "PS" and category not in ("Ps", "Pi")


def _shouts(text: str) -> bool:
    """Letters all in capitals (at least two of them)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters)


def _in_box(texts: list[str], i: int, prose: set[int]) -> bool:
    """A bullet item, or the short non-prose heading of the bullet run just below it."""
    if is_bullet(texts[i]):
        return True
    return i + 1 < len(texts) and is_bullet(texts[i + 1]) and i not in prose and _longest_item(texts[i]) < HEADLINE


def _could_be_title(text: str) -> bool:
    return _longest_item(text) >= HEADLINE and not is_bullet(text)


def layout_drops(texts: list[str], *, trailing: bool = True, leading: bool = True) -> list[tuple[int, str]]:
    """(index, rule id) of the lines to remove from the kept lines ``texts``."""
    prose = [i for i, t in enumerate(texts) if is_prose(t)]
    if len(prose) < 2:
        return []
    prose_set = set(prose)
    drops: list[tuple[int, str]] = []
    if leading:
        # the body starts at the first line ending like a sentence (a long headline without a
        # full stop counts as prose, so is_prose cannot mark the start); the title is the last
        # line above it that could be a headline
        first = next((i for i in prose if _ends_sentence(texts[i]) and not is_bullet(texts[i])), None)
        title = None if first is None else next((i for i in range(first - 1, -1, -1) if _could_be_title(texts[i])), None)
        if title is not None and title > 0:
            kicker_ok = not _shouts(texts[title])

            def furniture(i: int) -> bool:
                text = texts[i]
                if is_bullet(text):
                    return True
                if i in prose_set:
                    return False
                return _longest_item(text) < HEADLINE or (kicker_ok and _shouts(text) and _words(text) <= KICKER)

            if all(furniture(i) for i in range(title)):
                drops += [(i, LEADING) for i in range(title)]
        if title is not None:
            drops += [(i, LEADING) for i in range(title + 1, first) if _in_box(texts, i, prose_set)]
    if trailing:
        last = prose[-1]
        if not _ends_with_colon(texts[last]):
            drops += [(i, TRAILING) for i in range(last + 1, len(texts))]
    return drops
