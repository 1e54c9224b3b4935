"""The cleaning rules file: read, check and compile it (rules are data, the cleaner is generic).

Besides ``[[rule]]`` tables the file may hold ``[fragments]``: named pieces of regular
expression (a person's name, a date, a social platform) that patterns use as ``<<NAME>>``, so
a furniture *shape* is written once and shared by every rule that needs it. Three fragments are
built in, made from the Unicode database rather than typed: ``<<UPPER>>`` (an upper- or
title-case letter of any script: names and mastheads are not ASCII), ``<<LOWER>>``, and
``<<GLYPH>>``: a pictograph, dingbat, geometric shape or arrow of a page's buttons and widgets
(emoji, '▶', '☆', '✔', '▲', '→'): category So outside Latin-1 and the letterlike symbols
('©', '°', '™', '№' are written inside prose), and the arrows of category Sm.
"""

from __future__ import annotations

import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newscorpus.clean import layout
from newscorpus.errors import RuleError
from newscorpus.fileio import decode_utf8, read_bytes, sha256_bytes

KINDS = {"normalize", "whitespace", "prefix", "suffix", "line", "block", "duplicate", "layout"}
LAYOUT_IDS = {layout.TRAILING, layout.LEADING}  # the layout pass (clean/layout.py) has one rule per side
FLAG_NAMES = {"IGNORECASE": re.IGNORECASE}
KEEP = {"first", "later", "body"}
_FRAGMENT = re.compile(r"<<([A-Za-z_][A-Za-z0-9_]*)>>")
_KEYS = {
    "id", "kind", "description", "pattern", "flags", "replace_with", "max_length", "after",
    "min_words", "min_similarity", "window", "keep_near", "item_pattern", "item_max_length",
    "max_items", "examples", "triggers", "anchor", "unless", "tail", "requires", "previous",
}
ANCHORS = {"all", "end"}
_LETTERLIKE = range(0x2100, 0x2150)  # the Letterlike Symbols block: '™', '№', '℃' are text


def is_glyph(ch: str) -> bool:
    """A UI glyph (the built-in <<GLYPH>>): a symbol of category So that is not a Latin-1 or
    letterlike sign, which prose uses ('©', '°', '™'), or a mathematical arrow ('→')."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category == "Sm":
        return "ARROW" in unicodedata.name(ch, "")
    return category == "So" and cp > 0xFF and cp not in _LETTERLIKE


_BUILTIN_CLASSES = {
    "UPPER": lambda ch: unicodedata.category(ch) in ("Lu", "Lt"),
    "LOWER": lambda ch: unicodedata.category(ch) == "Ll",
    "GLYPH": is_glyph,
}


@cache
def _char_class(name: str) -> str:
    """A character class of every code point the built-in's test accepts (as ranges), so a
    rule can say 'a capital letter' in any script; Python's re has no \\p{Lu}."""
    test = _BUILTIN_CLASSES[name]
    spans: list[tuple[int, int]] = []
    for cp in range(sys.maxunicode + 1):
        if test(chr(cp)):
            if spans and spans[-1][1] == cp - 1:
                spans[-1] = (spans[-1][0], cp)
            else:
                spans.append((cp, cp))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    return f"[{body}]"


def builtin_fragments() -> dict[str, str]:
    return {name: _char_class(name) for name in _BUILTIN_CLASSES}


@dataclass(frozen=True)
class Rule:
    """One cleaning rule as read from the rules file."""

    id: str
    kind: str
    description: str
    pattern: re.Pattern | None = None
    replace_with: str = ""
    max_length: int | None = None
    after: str | None = None
    min_words: int = 5
    min_similarity: float = 0.9
    window: int = 12
    keep_near: str = "first"
    item_pattern: re.Pattern | None = None
    item_max_length: int | None = None
    max_items: int = 12
    examples: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    anchor: str = "all"
    unless: re.Pattern | None = None
    tail: int | None = None
    requires: tuple[str, ...] = ()
    previous: re.Pattern | None = None  # line rules: the kept line just before goes too when it fullmatches


@dataclass
class RuleSet:
    rules: list[Rule]
    sha256: str
    compiled: object = field(default=None, repr=False, compare=False)  # the cleaner's compiled checks, made once

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]

    def get(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def _expand(pattern: str, fragments: dict[str, str], rid: str, name: str, where: str, depth: int = 0) -> str:
    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key not in fragments:
            raise RuleError(f"rule {rid!r}: unknown fragment <<{key}>>", name, where)
        if depth > 10:
            raise RuleError(f"rule {rid!r}: fragments nest too deep (a fragment uses itself?)", name, where)
        return "(?:" + _expand(fragments[key], fragments, rid, name, where, depth + 1) + ")"

    return _FRAGMENT.sub(sub, pattern)


def _compile(raw: dict, key: str, fragments: dict[str, str], rid: str, name: str, where: str) -> re.Pattern:
    value = raw.get(key)
    if not isinstance(value, str):
        raise RuleError(f"rule {rid!r}: kind {raw.get('kind')} needs a string {key}", name, where)
    flags = 0
    listed = raw.get("flags", [])
    if not isinstance(listed, list):
        raise RuleError(f"rule {rid!r}: flags must be a list of names", name, where)
    for flag in listed:
        if not isinstance(flag, str) or flag not in FLAG_NAMES:
            raise RuleError(f"rule {rid!r}: unknown flag {flag!r}", name, where)
        flags |= FLAG_NAMES[flag]
    try:
        return re.compile(_expand(value, fragments, rid, name, where), flags)
    except re.error as exc:
        raise RuleError(f"rule {rid!r}: bad {key}: {exc}", name, where) from None


def _typed(raw: dict, key: str, types, default, rid: str, name: str, where: str):
    value = raw.get(key, default)
    if value is default:
        return value
    if isinstance(value, bool) or not isinstance(value, types):
        kind = types.__name__ if isinstance(types, type) else " or ".join(t.__name__ for t in types)
        raise RuleError(f"rule {rid!r}: {key} must be {kind}, not {type(value).__name__}", name, where)
    return value


def _strings(raw: dict, key: str, rid: str, name: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"rule {rid!r}: {key} must be a list of strings", name, where)
    return tuple(value)


def parse_rules(text: str, name: str, sha256: str) -> RuleSet:
    """Check and compile rules-file text; any defect is a RuleError naming the rule."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"invalid TOML: {exc}", name) from None
    fragments = doc.get("fragments", {})
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise RuleError("[fragments] must map names to regular-expression strings", name, "fragments")
    clash = sorted(set(fragments) & set(_BUILTIN_CLASSES))
    if clash:
        raise RuleError(f"fragment {clash[0]!r} is built in (made from the Unicode database): choose another name", name, "fragments")
    fragments = {**builtin_fragments(), **fragments}
    tables = doc.get("rule", [])
    if not isinstance(tables, list):
        raise RuleError("'rule' must be an array of tables ([[rule]])", name, "rule")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(tables):
        where = f"rule[{i}]"
        if not isinstance(raw, dict):
            raise RuleError("each rule must be a table", name, where)
        rid = raw.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
            raise RuleError("every rule needs an id of lowercase letters, digits and _", name, where)
        if rid in seen:
            raise RuleError(f"duplicate rule id {rid!r}", name, where)
        seen.add(rid)
        unknown = sorted(set(raw) - _KEYS)
        if unknown:
            raise RuleError(f"rule {rid!r}: unknown key {unknown[0]!r}", name, where)
        kind = raw.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            raise RuleError(f"rule {rid!r}: unknown kind {kind!r} (one of {sorted(KINDS)})", name, where)
        if not isinstance(raw.get("description"), str) or not raw["description"]:
            raise RuleError(f"rule {rid!r}: a description is required", name, where)
        if kind == "layout" and rid not in LAYOUT_IDS:
            raise RuleError(f"rule {rid!r}: a layout rule is one of {sorted(LAYOUT_IDS)} (the sides clean/layout.py knows)", name, where)
        pattern = _compile(raw, "pattern", fragments, rid, name, where) if kind in {"normalize", "prefix", "suffix", "line", "block"} else None
        item_pattern = _compile(raw, "item_pattern", fragments, rid, name, where) if kind == "block" else None
        replace_with = _typed(raw, "replace_with", str, "", rid, name, where)
        if kind == "normalize" and len(replace_with) > 1:
            raise RuleError(f"rule {rid!r}: replace_with must be empty or one character", name, where)
        after = _typed(raw, "after", str, None, rid, name, where)
        if after is not None and after not in seen:
            raise RuleError(f"rule {rid!r}: 'after' names {after!r}, which is not an earlier rule", name, where)
        anchor = _typed(raw, "anchor", str, "all", rid, name, where)
        if anchor not in ANCHORS or (anchor == "end" and kind != "line"):
            raise RuleError(f"rule {rid!r}: anchor must be 'all' or, for a line rule, 'end'", name, where)
        unless = _compile(raw, "unless", fragments, rid, name, where) if "unless" in raw else None
        if "previous" in raw and kind != "line":
            raise RuleError(f"rule {rid!r}: previous is for line rules", name, where)
        previous = _compile(raw, "previous", fragments, rid, name, where) if "previous" in raw else None
        if "tail" in raw and not (kind == "suffix" or anchor == "end"):
            raise RuleError(f"rule {rid!r}: tail is for suffix rules and line rules with anchor = 'end'", name, where)
        keep_near = _typed(raw, "keep_near", str, "first", rid, name, where)
        if keep_near not in KEEP:
            raise RuleError(f"rule {rid!r}: keep_near must be one of {sorted(KEEP)}", name, where)
        ints = {}
        for key, default in (("max_length", None), ("item_max_length", None), ("min_words", 5), ("window", 12), ("max_items", 12), ("tail", None)):
            ints[key] = _typed(raw, key, int, default, rid, name, where)
            if ints[key] is not None and ints[key] < 0:
                raise RuleError(f"rule {rid!r}: {key} must not be negative", name, where)
        min_similarity = _typed(raw, "min_similarity", (int, float), 0.9, rid, name, where)
        if not 0 < min_similarity <= 1:
            raise RuleError(f"rule {rid!r}: min_similarity must be in (0, 1]", name, where)
        rules.append(
            Rule(
                id=rid, kind=kind, description=raw["description"], pattern=pattern,
                replace_with=replace_with, after=after, min_similarity=float(min_similarity),
                keep_near=keep_near, item_pattern=item_pattern, anchor=anchor, unless=unless, previous=previous, **ints,
                examples=_strings(raw, "examples", rid, name, where),
                triggers=_strings(raw, "triggers", rid, name, where),
                requires=_strings(raw, "requires", rid, name, where),
            )
        )
    if not any(r.kind == "whitespace" for r in rules):
        raise RuleError("the rules need one rule of kind 'whitespace' (it names blank-line removal)", name)
    return RuleSet(rules, sha256)


def load_rules(path: Path) -> RuleSet:
    """Read and check the rules file; any defect is a RuleError naming the rule."""
    data = read_bytes(Path(path))
    return parse_rules(decode_utf8(data, str(path)), str(path), sha256_bytes(data))
