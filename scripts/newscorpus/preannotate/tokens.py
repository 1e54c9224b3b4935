"""A small regex tokenizer with character offsets, shared by the pre-annotation rules.

Numbers with thousands separators (``1,200``) and hyphenated words (``10-month``,
``short-range``) are single tokens; possessive ``’s`` and punctuation are their own tokens.
Sentence boundaries are approximated from ``.``/``!``/``?``/newlines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

# currency codes written before an amount, with a space or glued to it ("Rs 5 lakh", "Rs10 million",
# "KSh500"): a glued code is its own token, as a currency sign is ("$10")
CURRENCY_CODES = {"Rs": "rupee", "INR": "rupee", "USD": "dollar", "EUR": "euro", "GBP": "pound",
                  "NIS": "shekel", "ILS": "shekel", "KSh": "shilling", "Ksh": "shilling", "CHF": "franc",
                  # East African style writes the shilling as "Sh" (Kenya), "USh" (Uganda), "TSh" (Tanzania)
                  "Sh": "shilling", "USh": "shilling", "TSh": "shilling",
                  # South Asian style: the Bangladeshi taka as "Tk" ("Tk 5 lakh"), ISO codes of the region
                  "Tk": "taka", "BDT": "taka", "PKR": "rupee", "NPR": "rupee", "LKR": "rupee"}

_TOKEN = re.compile(
    rf"(?:{'|'.join(CURRENCY_CODES)})(?=\d)"  # Rs10 million, KSh500
    r"|\d{1,3}(?:,\d{3})+(?:[-‐‑][A-Za-z]+)+"  # 1,300-mile
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,200 / 150,000.5
    r"|\d+\.\d+(?:bn|mn|m|km|kg)?(?!\w)"  # 2.5, 3.5m, 1.2bn, 2.5km (a glued scale or unit)
    r"|\d+(?=%)"  # 40%
    r"|\w+(?:[-‐‑–]\w+)*"  # words, numbers, hyphenated compounds
    r"|\S",
)


class Token:
    """One token with its offsets, index and sentence number (``lower`` computed once: the rules
    read it many times per token)."""

    __slots__ = ("text", "start", "end", "index", "sent", "lower", "_word", "_title")

    def __init__(self, text: str, start: int, end: int, index: int, sent: int):
        self.text, self.start, self.end, self.index, self.sent = text, start, end, index, sent
        self.lower = text.lower()
        first = text[:1]
        self._word = first.isalnum()
        self._title = first.isupper()

    def __eq__(self, other):
        return isinstance(other, Token) and (self.text, self.start, self.end, self.index, self.sent) == (
            other.text, other.start, other.end, other.index, other.sent)

    def __hash__(self):
        return hash((self.start, self.end, self.text))

    def __repr__(self):
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.index}, {self.sent})"

    def is_word(self) -> bool:
        return self._word

    def is_title(self) -> bool:
        return self._title


_ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "u.s", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "no", "gen", "col", "lt", "sgt", "u.n"}


# each token with the whitespace before it: offsets are running sums and no match object is made
# per token (tokenizing is on every article's path); the tokens are those of _TOKEN.finditer
_SCAN = re.compile(r"(\s*+)(" + _TOKEN.pattern + ")")
_SENTENCE_END = {".", "!", "?"}
_CLOSERS = {"”", "\"", "’", "'", ")"}  # a quotation or bracket closed before the full stop: `said “no”. Then`


def tokenize(text: str) -> list[Token]:
    # trailing whitespace holds no token (and would make the possessive \s*+ rescan it)
    pairs = _SCAN.findall(text, 0, len(text.rstrip()))
    if "\x00" in text:
        lowers = [tok.lower() for _, tok in pairs]
    else:  # one lower() for all tokens: the NUL between them keeps each token's casing context its own
        lowers = "\x00".join([tok for _, tok in pairs]).lower().split("\x00")
    tokens: list[Token] = []
    append = tokens.append
    new = Token.__new__
    sent = pos = 0
    prev = ""
    for k, (gap, tok) in enumerate(pairs):
        start = pos + len(gap)
        pos = start + len(tok)
        first = tok[0]  # (a token is never empty)
        if gap and k:  # (no gap: no boundary)
            if "\n" in gap:
                sent += 1
            elif prev in _SENTENCE_END and first.isupper():
                before = lowers[k - 2] if k > 1 else ""
                if before not in _ABBREVIATIONS and (len(before) > 1 or before in _CLOSERS):
                    sent += 1
        t = new(Token)  # Token(...) without its __init__: lower is known already
        t.text, t.start, t.end, t.index, t.sent, t.lower = tok, start, pos, k, sent, lowers[k]
        t._word = first.isalnum()
        t._title = first.isupper()
        append(t)
        prev = tok
    return tokens


def _sent_of(token: Token) -> int:
    return token.sent


def sentence_bounds(tokens: list[Token], i: int) -> tuple[int, int]:
    """Index range [lo, hi) of the tokens in token i's sentence. By bisection: sentence numbers
    never decrease along ``tokenize``'s tokens."""
    s = tokens[i].sent
    return bisect_left(tokens, s, 0, i, key=_sent_of), bisect_right(tokens, s, i + 1, len(tokens), key=_sent_of)


_IRREGULAR = {
    "people": "person", "persons": "person", "women": "woman", "men": "man", "children": "child",
    "feet": "foot", "casualties": "casualty", "lives": "life", "wives": "wife", "staff": "staff",
    "personnel": "personnel", "police": "police", "lebanese": "lebanese", "series": "series",
    "news": "news", "sheep": "sheep", "crises": "crisis", "analyses": "analysis", "bases": "base",
    "cases": "case", "forces": "force", "sources": "source", "houses": "house", "km": "km",
    "miles": "mile", "troops": "troop",
    # the other irregular plurals of countable nouns news counts ("sold two oxen")
    "oxen": "ox", "geese": "goose", "teeth": "tooth",
}


_NOT_MEN_PLURALS = {"women", "specimen", "regimen", "abdomen", "acumen", "stamen", "hymen", "yemen", "omen", "semen",
                    "bitumen", "albumen", "cyclamen", "dolmen", "lumen"}


def _men_plural(w: str) -> bool:
    """gunmen, fishermen, militiamen, servicemen: the plural of a compound in -man (``w`` lowercase)."""
    return w.endswith("men") and len(w) > 4 and w not in _NOT_MEN_PLURALS


@lru_cache(maxsize=65536)  # pure, and asked for the same few words many times per article
def lemma(word: str) -> str:
    """Lowercase singular of a (possibly plural) noun, for figure units."""
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if "-" in w:
        head, _, last = w.rpartition("-")
        return f"{head}-{lemma(last)}"
    if _men_plural(w):
        return w[:-3] + "man"
    if w.endswith("children"):  # grandchildren, schoolchildren: compounds keep the irregular plural
        return w[:-3]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    if w.endswith("is") and len(w) > 4 and word[:1].isupper():  # Israelis -> israeli
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def looks_plural(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR and w not in {"staff", "km"}:
        return True
    if w.endswith("is") and not word[:1].isupper():  # crisis, analysis
        return False
    if _men_plural(w) and w.isalpha() and not word[:1].isupper():
        return True
    if w.endswith("children"):
        return True
    return w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "'s")) and w not in _NOT_PLURAL


_NOT_PLURAL = {"this", "his", "its", "was", "has", "does", "across", "less", "unless", "thus", "whereas",
               "always", "perhaps", "besides", "towards", "afterwards", "upwards", "sometimes", "news",
               "series", "says", "seems", "lies", "remains", "means", "yes", "gas", "bus", "plus", "is"}
