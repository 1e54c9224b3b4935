"""Lines of page furniture the cleaner kept: the pre-annotator suggests nothing inside them.

The scheme removes site navigation, share rows, bylines, captions and credits from the clean text
(Boilerplate); a line the cleaner did not recognise is still furniture, and a name or place in it
(``Home · World · Kenya``, ``Jane Roe in Mombasa``) is no annotation. Only shapes no sentence of
reporting has are used:

- a **menu or tag row**: two or more items split by a separator (``·``, ``|``, ``»``, ``›``, ``•``),
  each of at most five words, none ending a sentence;
- a **byline**: two or three capitalised name words, then ``in`` and a place (``Jane Roe in Mombasa``),
  or ``Filed by`` / ``Reported by`` / ``Filed from <place> by`` and names or a reporter's role, at most a
  place after them (at most eight words), a credit (``Live coverage by``, ``Photography by``) and names,
  or ``By`` and two or three name words, alone or before a comma and a job (``By Jane Roe, Mombasa
  correspondent``); a byline row with its stamps (``Reported by Jane Roe · Thu 24.10.2024 · 09:47``);
- an **author note**: ``<Name> is ... correspondent|reporter|editor|writer.``;
- a **link label**: ``Previous article:``, ``Next story:``, ``Suggested topics:`` ... before a headline;
- a **caption credit**: a line ending in ``OUTLET/Name`` or ``OUTLET/Staff`` (photographer credit);
- a **copyright line**: ``©`` and a year;
- a **call to action**: a line opening with ``Follow``/``Subscribe``/``Sign up``/``Listen``/``Watch``/
  ``Donate``/``Download``/``Support``/``Join`` that is addressed to the reader (``Follow us``, ``Join our``,
  ``Sign up for our``), names a platform at its end (``Follow KBW on Facebook and X``), starts with a
  play mark (``▶ Listen live: ...``) or ends with an arrow (``... Donate now →``);
- a **timestamp line**: only a publication date and/or clock times, with at most the labels
  ``Posted``/``Published``/``Updated`` and time-zone letters (``Posted: Friday, 3 May``,
  ``May 3, 2025 9:05 AM EDT - Updated 11:20 AM EDT``, ``Thursday the 3rd of May, 2025``; up to two
  capitalised words, a clock's city or a second calendar's month, when a year or clock time is there):
  page furniture like the ``date 2024-01-06`` datelines the scheme removes, whose date is metadata and
  dates no event;
- a **live-blog entry list** line: a clock time and a short headline, no sentence end (``· 13:20 Minister
  to address Parliament``), and a **byline row with its stamp** (``Reported by Jane Roe · Thu 3.5.2025 · 09:47
  local time``): the stamps of the page's entries, not times of the events;
- a **correction note**: ``Correction, 9 June:`` / ``Clarification:`` / ``Editor's note:`` before its text
  (``An earlier version of this article ...``): a note on the page, its date dates no event;
- a **gallery line**: a photo counter at its start (``Gallery 3 / 12``, ``Photo 2 of 9``) or prev/next
  links (``‹ Prev``, ``Next ›``), with the caption the cleaner glued to it;
- a **media tag** opening a caption or player: ``[Photo] ...``, ``[Video: ...]``, ``[AUDIO] Listen ...``;
  a gallery counter in brackets (``Photo gallery (9 images): ...``);
- a **comment counter** (``💬 48 comments``, ``Comments (14) — Join the discussion``, at most nine
  words) or a **paywall note** (``You have 3 free articles left this month. Subscribe ...``);
- a **comment call**: a comment counter beside an invitation to comment (``Join the conversation — 48
  comments. Sign in to comment.``, at most 16 words);
- a **fold-out box**: a short label and the mark that opens it, with the box's text the cleaner glued on
  (``Key facts ▾ ...``, ``Translate this page: English ▾ | ...``);
- a **promoted row**: ``Promoted``/``Sponsored``/``Advertisement``/``You may like`` and a separator before
  its links (``Promoted · You may like: ... · 10 beaches you must see``);
- a **hashtag line**: two or more ``#tags``, after an optional label (``Topics: #Floods #Kenya``);
- a **shared byline**: ``... with reporting from/by ...`` (at most 16 words); a bilingual ``Por / By``
  byline and ``By Name, in Place``; ``Copyright ©`` / ``Copyright (c)`` lines;
- a **byline with bases**: names with a place in brackets (``Jane Roe (Kisumu) and John Doe (Nairobi)``);
- a **masthead** or section label: a line in capitals only of one to five words, with no punctuation
  (``THE DAILY RECORD``, ``WORLD``), or two to five such words, a dash or bar and a short tagline that
  ends no sentence (``THE DAILY RECORD - News from Kisumu and Eldoret``); a dateline goes on with its
  sentence (``KISUMU – Police said on Monday ...``). (A headline written in
  capitals only would be lost: scraped text rarely has one, the stylesheet capitalises it.)
- an **outlet name** near the top: among the first lines, two to five words that are all capitalised
  (``Lake Region Observer``, ``KIVU & ITURI WIRE``, optionally ``— Live``), when another of those lines
  is a headline in sentence case (three or more lowercase words, no final full stop). The outlet is
  metadata (``source``), not an actor; a page whose headlines are in title case keeps its lines.
- a **ranked list** of links (a most-read or top-stories box): after an optional label of at most four
  words (``§ MOST READ``, ``Most popular:``), three or more items numbered ``1.``, ``2.``, ``3.`` ... in order,
  each opening with a capital, on one line of at most 60 words. Reporting numbers its points one to a
  line; the headlines glued into one line are the box the cleaner kept.
"""

from __future__ import annotations

import re

from newscorpus.preannotate.times import MONTH_NAMES

_SEPARATOR = re.compile(r"\s+[·|»›•]\s+")
_BYLINE_IN = re.compile(r"(?:[A-Z][\w’'.-]+\s+){2,3}in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?")
# names only, one to four capitalised words each, joined by commas / "and" / "&": "Jane Roe and John Doe"
_NAMES = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}(?:\s*(?:,|\band\b|&)\s*[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})*"
# "Filed by Jane Roe in Mombasa", "Reported by a staff reporter in Garissa", "Filed from Dapaong by Jane Roe":
# names or a reporter's role after "by", then at most a place (not "Reported by residents, the attack ...")
_FILED_BY = re.compile(rf"(?:Filed|Reported|Written|Reporting|Compiled)(?:\s+from\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
                       rf"\s+by\s+(?:{_NAMES}|(?:an?|the|our)\s+(?:[a-z]+\s+){{0,2}}(?:reporter|correspondent|writer|team|staff|desk))"
                       rf"(?:(?:\s*,\s*|\s+in\s+|\s+from\s+)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?")
# a credit line of a live page or a piece's crew: "Live coverage by Jane Roe and John Doe", "Photography by ..."
_CREDIT_BY = re.compile(rf"(?:(?:Live\s+)?(?:[Cc]overage|[Uu]pdates|[Bb]log)|Photography|Photos|Pictures|Video|Graphics|"
                        rf"Additional\s+reporting|Editing|Edited)\s+by\s+{_NAMES}")
_AUTHOR_NOTE = re.compile(r"(?:[A-Z][\w’'.-]+\s+){1,3}is\s+.{0,80}\b(?:correspondent|reporter|editor|writer|"
                          r"columnist|contributor|journalist)\.?")
_LINK_LABEL = re.compile(r"(?:Previous|Next|Related|Suggested|More|Recommended|Popular|Trending)(?:\s+[a-z]+){0,2}\s*:\s+\S.*")
_CREDIT_END = re.compile(r"\b[A-Z][A-Z&.-]{1,}\s*/\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s*$")
_COPYRIGHT = re.compile(r"(?:Copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}\b|[A-Z]).{0,120}")
_CTA_VERB = r"(?:Follow|Subscribe|Sign\s+up|Listen|Watch|Donate|Download|Support|Join)\b"
_CTA = re.compile(rf"(?:[▶►]\s*{_CTA_VERB}.*|{_CTA_VERB}.*[→›»]|(?:Follow|Join|Support)\s+(?:us|our)\b.*"
                  rf"|(?:Subscribe|Sign\s+up)\s+(?:to|for)\s+(?:our|the)\b.*"
                  rf"|{_CTA_VERB}(?:\s+\S+){{1,4}}\s+on\s+[A-Z][\w+]*(?:\s*(?:,|and|or)\s+[A-Z][\w+]*)*)")


_MONTH_WORDS = rf"(?:{MONTH_NAMES})\.?"
_STAMP_LABEL = r"(?:Last\s+)?(?:[Pp]osted|[Pp]ublished|[Uu]pdated)(?:\s+(?:on|at))?:?"
_STAMP_TOKEN = re.compile(rf"\(?(?:{_MONTH_WORDS}|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
                          rf"|{_STAMP_LABEL}|on|at|the|of|local|time|\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)?\d\d"
                          r"|\d{1,4}(?:st|nd|rd|th)?,?|\d{1,2}[:.]\d\d(?:\s*(?:[AaPp]\.?[Mm]\.?))?,?|[AaPp]\.?[Mm]\.?,?"
                          r"|[A-Z]{2,4}(?:[+-]\d{1,2})?,?|\d{4}-\d\d-\d\d(?:T[\d:]+Z?)?|[-–—|·/]|\(|\))\)?,?")
_STAMP_NEEDS = re.compile(r"\d")
_STAMP_NAME = re.compile(r"\(?[A-Z][a-z’'-]+\)?,?")
_STAMP_STRONG = re.compile(r"\b(?:19|20)\d\d\b|\d[:.]\d\d")


def _is_timestamp(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 16 or not _STAMP_NEEDS.search(line):
        return False
    if not (re.search(rf"\b{_MONTH_WORDS}|\d[:.]\d\d|\d{{4}}-\d\d", line)):
        return False
    rest = re.sub(_STAMP_LABEL, " ", line).split()
    other = [w for w in rest if not _STAMP_TOKEN.fullmatch(w)]
    # a stamp may name the clock's city or a second calendar's month ("18 Dey 1403 (7 January 2025) -
    # 16:40 Tehran"): up to two capitalised words, when a year or a clock time shows it is a stamp
    return not other or (len(other) <= 2 and all(_STAMP_NAME.fullmatch(w) for w in other)
                         and bool(_STAMP_STRONG.search(line)) and len(rest) - len(other) >= 3)


# a correction or editor's note heading: "Correction, 9 June: An earlier version of this article ..."
_CORRECTION = re.compile(r"(?:Correction|Clarification|Editor[’']s\s+note)(?:\s*,\s*[^:.]{1,30})?:\s+\S.*")
# a photo gallery's counter or its prev/next links: "Gallery 3 / 12", "Photo 2 of 9", "‹ Prev | Next ›"
_GALLERY = re.compile(r"^(?:Gallery|Photos?|Images?|Slide(?:show)?|Pictures?)\s+\d+\s*(?:/|of)\s*\d+\b|‹\s*Prev|Next\s*›"
                      r"|^(?i:(?:photo\s+|video\s+)?(?:gallery|photos|images|slideshow|pictures))\s*\(\d+(?:\s+[a-z]+)?\)")
# a media tag in brackets opening a caption or a player ("[Photo] ...", "[Video: ...]", "[AUDIO] Listen")
_MEDIA_TAG = re.compile(r"\[(?:Photo|Image|Picture|Video|Audio|Graphic|Map|Infographic)\b[^\]]{0,80}\]\s*.*", re.IGNORECASE)
# a comment counter ("💬 48 comments", "Comments (14) — Join the discussion") or a metered-paywall note
_COMMENTS = re.compile(r"(?i:.{0,40}\b\d[\d,]*\s+comments?\b.{0,40}|\W{0,3}comments?\s*\(\d[\d,]*\).{0,60})")
_PAYWALL = re.compile(r"(?i:you\s+have\s+(?:\d+|one|two|three|no)\s+free\s+(?:articles?|stories|reads)\b.{0,100})")
# a comment counter beside the call to join in ("Join the conversation — 48 comments. Sign in to comment.")
_COMMENT_CALL = re.compile(r"(?i:.{0,60}(?:\b\d[\d,]*\s+comments?\b|\bcomments?\s*\(\d[\d,]*\)).{0,60})")
_COMMENT_INVITE = re.compile(r"(?i:\bjoin\s+the\s+(?:conversation|discussion|debate)\b|\b(?:sign|log)\s+in\s+to\s+comment"
                             r"|\b(?:leave|add|post|write)\s+(?:a|your)\s+comment|\b(?:show|view|read|see)\s+(?:all\s+)?comments)")
# a fold-out box's label and the mark that opens it, with the box's text the cleaner glued to it ("Key facts ▾ ...")
_FOLD_OUT = re.compile(r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}:?\s*[▾▸▼▿►]\s*(?:\S.*)?")
# a row of promoted links ("Promoted · You may like: ...", "Sponsored | ...", "Advertisement: ...")
_PROMOTED = re.compile(r"(?:Promoted|Sponsored(?:\s+content)?|Advertisement|Paid\s+content|Partner\s+content"
                       r"|You\s+may\s+(?:also\s+)?like|Recommended\s+for\s+you)\s*[·|:—–-]\s*\S.*")
# a line of hashtags, after an optional label ("Topics: #Floods #Kenya")
_HASHTAGS = re.compile(r"(?:[A-Z][a-z]+\s*:\s*)?#\w+(?:[\s,·|]+#\w+)+")
# a byline crediting a second reporter ("Staff writer Jane Roe, with reporting from Garissa by John Doe")
_REPORTING_BY = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,5}[^.?!]{0,40},?\s+with\s+(?:additional\s+)?reporting\s+(?:from|by)\s+[^.?!]{1,60}")
# reporters with their bases in brackets: "Jane Roe (Kisumu) and John Doe (Nairobi)"
_BYLINE_BASES = re.compile(r"(?:By\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2}\s+\([A-Z][\w’' -]*\)"
                           r"(?:(?:,|\s+and|\s*,\s*and)\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2}\s+\([A-Z][\w’' -]*\))*")

_MASTHEAD = re.compile(r"[A-Z][A-Z’'&-]*(?:\s+[A-Z][A-Z’'&-]*){0,4}")
_MASTHEAD_TAGLINE = re.compile(r"[A-Z][A-Z’'&-]*(?:\s+[A-Z][A-Z’'&-]*){1,4}\s+[-–—|:]\s+[^.?!\"”]{1,80}")
_BY_NAME = re.compile(r"(?:[A-Z][a-z]{1,3}\s*/\s*)?By\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2}"
                      r"(?:,\s+(?:[\w’'-]+\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|staff|"
                      r"contributor|columnist|photographer)|,\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?")


_RANK_ITEM = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s+[A-Z‘“\"']")


def _is_ranked_list(line: str) -> bool:
    """A most-read box on one line: a label of up to four words, then ``1. ... 2. ... 3. ...`` (a line of at
    most 60 words: is_furniture counts them)."""
    items = list(_RANK_ITEM.finditer(line))
    if len(items) < 3 or [int(m.group(1)) for m in items] != list(range(1, len(items) + 1)):
        return False
    label = line[: items[0].start()].split()
    return len(label) <= 4 and not line[: items[0].start()].rstrip().endswith((".", "?", "!"))


# a live blog's list of entries: a clock time and a short headline (``· 13:20 Minister to speak``)
_LIVE_ENTRY = re.compile(r"[·•▪◦–—-]?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?\s+[A-Z\"“‘'][^\n]*")


def _is_live_entry(line: str) -> bool:
    return len(line.split()) <= 14 and bool(_LIVE_ENTRY.fullmatch(line)) and not line.endswith((".", "?", "!", "\"", "”", ":"))


def _is_menu(line: str) -> bool:
    items = _SEPARATOR.split(line)
    if len(items) < 2:
        return False
    return all(0 < len(it.split()) <= 5 and not it.rstrip().endswith((".", "?", "!", "\"", "”")) for it in items)


def _is_byline(line: str, common: set[str]) -> bool:
    if len(line.split()) > 8:
        return False
    if _FILED_BY.fullmatch(line) or _BY_NAME.fullmatch(line) or _CREDIT_BY.fullmatch(line):
        return True
    if _BYLINE_IN.fullmatch(line):
        name = line[: line.rindex(" in ")].split()
        return all(w.lower() not in common for w in name)  # "Clashes in Mandera" is a headline
    return False


# one item of a stamp row: a clock time ("09:47 Beirut time", "7.30pm GMT") or a numeric date ("Thu 24.10.2024")
_CLOCK_ITEM = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z][a-z]+)?(?:\s+time|\s+[A-Z]{2,4})?"
                         r"|(?:[A-Z][a-z]{1,8}\.?,?\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")


def _is_byline_row(line: str, common: set[str]) -> bool:
    """A byline and its stamp on one row: ``Reported by Jane Roe and John Doe · Thu 24.10.2024 · 09:47``
    (every item a byline, a timestamp or a clock time, the first a byline)."""
    if not any(c in line for c in "·|»›•") or not any(c.isdigit() for c in line):
        return False  # (the cheap test first)
    items = [it.strip() for it in _SEPARATOR.split(line)]
    return len(items) >= 2 and _is_byline(items[0], common) and all(
        _is_byline(it, common) or _is_timestamp(it) or _CLOCK_ITEM.fullmatch(it) for it in items[1:])


def is_furniture(line: str, common: set[str] = frozenset()) -> bool:
    """Does ``line`` (one line of clean text, stripped) have a furniture shape (module docstring)?
    ``common``: frequent lowercase English words (a byline's names are none of them)."""
    line = line.strip()
    if not line:
        return False
    n = len(line.split())  # (counted once: most lines are long paragraphs, and most shapes are short)
    if n <= 20 and (_is_byline(line, common) or _is_timestamp(line) or _is_live_entry(line)
                    or (n <= 9 and bool(_COMMENTS.fullmatch(line)))
                    or (n <= 16 and bool(_COMMENT_CALL.fullmatch(line)) and bool(_COMMENT_INVITE.search(line)))
                    or (n <= 16 and bool(_REPORTING_BY.fullmatch(line)))
                    or bool(_CTA.fullmatch(line))
                    or (_MASTHEAD.fullmatch(line) and len(line) > 1)
                    or (_MASTHEAD_TAGLINE.fullmatch(line) and n <= 12)):
        return True
    return bool(_is_menu(line) or _is_byline_row(line, common) or (n <= 60 and _is_ranked_list(line))
                or _AUTHOR_NOTE.fullmatch(line)
                or _LINK_LABEL.fullmatch(line) or _CREDIT_END.search(line) or _COPYRIGHT.fullmatch(line)
                or bool(_CORRECTION.fullmatch(line)) or bool(_GALLERY.search(line))
                or bool(_BYLINE_BASES.fullmatch(line)) or bool(_MEDIA_TAG.fullmatch(line))
                or bool(_HASHTAGS.fullmatch(line)) or bool(_PAYWALL.fullmatch(line))
                or (n <= 40 and bool(_FOLD_OUT.fullmatch(line)))
                or (n <= 60 and bool(_PROMOTED.fullmatch(line))))


_CAP_WORD = re.compile(r"(?:[A-Z][\w’'.-]*|&)")
_LIVE_TAG = re.compile(r"\s+[-–—|]\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?$")
_TOP_LINES = 5


def _is_outlet_line(line: str) -> bool:
    words = _LIVE_TAG.sub("", line.strip()).split()
    return 2 <= len(words) <= 5 and all(_CAP_WORD.fullmatch(w) for w in words) \
        and not any(ch.isdigit() for ch in line) and words[0] != "&" and words[-1] != "&"


def _is_sentence_case_headline(line: str) -> bool:
    line = line.strip()
    return len(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", line)) >= 3 and not line.endswith((".", "!", "?", ":"))


def furniture_ranges(text: str, common: set[str] = frozenset()) -> list[tuple[int, int]]:
    """[start, end) of every furniture line of ``text``, in order."""
    lines = text.split("\n")
    sentence_case = any(_is_sentence_case_headline(ln) for ln in lines[:_TOP_LINES])
    out, pos = [], 0
    for k, line in enumerate(lines):
        if is_furniture(line, common) or (k < _TOP_LINES and sentence_case and _is_outlet_line(line)):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
