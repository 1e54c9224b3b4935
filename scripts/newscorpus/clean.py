"""Boilerplate removal with character-level provenance.

A generic cleaner applies the rules in ``data/cleaning_rules.toml`` (rules are data: adding
one needs no code change). Every clean character keeps the index of the raw character it
came from, so the output can state exactly which raw span each clean span maps to and which
rule removed every character that is gone. Raw offsets are code-point indices into the
UTF-8-decoded raw file (a BOM counts as one character).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from newscorpus.errors import InputError, RuleError
from newscorpus.fileio import decode_utf8, dumps_json, read_bytes, sha256_bytes, sha256_text

KINDS = {"normalize", "whitespace", "prefix", "suffix", "line", "duplicate"}
FLAG_NAMES = {"IGNORECASE": re.IGNORECASE}


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


@dataclass
class RuleSet:
    rules: list[Rule]
    sha256: str

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]


def load_rules(path: Path) -> RuleSet:
    """Read and check the rules file; any defect is a RuleError naming the rule."""
    data = read_bytes(Path(path))
    name = str(path)
    try:
        doc = tomllib.loads(decode_utf8(data, name))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"invalid TOML: {exc}", name) from None
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc.get("rule", [])):
        where = f"rule[{i}]"
        rid = raw.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
            raise RuleError("every rule needs an id of lowercase letters, digits and _", name, where)
        if rid in seen:
            raise RuleError(f"duplicate rule id {rid!r}", name, where)
        seen.add(rid)
        kind = raw.get("kind")
        if kind not in KINDS:
            raise RuleError(f"rule {rid!r}: unknown kind {kind!r} (one of {sorted(KINDS)})", name, where)
        if not raw.get("description"):
            raise RuleError(f"rule {rid!r}: a description is required", name, where)
        pattern = None
        if kind in {"normalize", "prefix", "suffix", "line"}:
            if not isinstance(raw.get("pattern"), str):
                raise RuleError(f"rule {rid!r}: kind {kind} needs a pattern", name, where)
            flags = 0
            for flag in raw.get("flags", []):
                if flag not in FLAG_NAMES:
                    raise RuleError(f"rule {rid!r}: unknown flag {flag!r}", name, where)
                flags |= FLAG_NAMES[flag]
            try:
                pattern = re.compile(raw["pattern"], flags)
            except re.error as exc:
                raise RuleError(f"rule {rid!r}: bad pattern: {exc}", name, where) from None
        replace_with = raw.get("replace_with", "")
        if kind == "normalize" and len(replace_with) > 1:
            raise RuleError(f"rule {rid!r}: replace_with must be empty or one character", name, where)
        after = raw.get("after")
        if after is not None and after not in seen:
            raise RuleError(f"rule {rid!r}: 'after' names {after!r}, which is not an earlier rule", name, where)
        rules.append(
            Rule(
                id=rid,
                kind=kind,
                description=raw["description"],
                pattern=pattern,
                replace_with=replace_with,
                max_length=raw.get("max_length"),
                after=after,
                min_words=raw.get("min_words", 5),
                min_similarity=raw.get("min_similarity", 0.9),
            )
        )
    if not any(r.kind == "whitespace" for r in rules):
        raise RuleError("the rules need one rule of kind 'whitespace' (it names blank-line removal)", name)
    return RuleSet(rules, sha256_bytes(data))


@dataclass
class _Char:
    ch: str
    raw: int  # index into the raw text
    normalized_by: str | None = None  # rule id when ch differs from the raw character


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


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


class _Cleaner:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.whitespace_id = rules.of_kind("whitespace")[0].id

    def run(self, raw: str) -> tuple[list[_Char], dict[int, str], list[dict]]:
        removed_by: dict[int, str] = {}
        metadata: list[dict] = []
        chars = self._normalize(raw, removed_by)
        lines = self._split_lines(chars)
        kept: list[tuple[list[_Char], _Char | None]] = []
        kept_words: list[list[str]] = []
        for content, newline in lines:
            content = self._process_line(content, removed_by, metadata)
            if content and self._is_duplicate(content, kept_words, removed_by, newline):
                continue
            if not content:
                if newline is not None and newline.raw not in removed_by:
                    removed_by[newline.raw] = self.whitespace_id
                continue
            kept.append((content, newline))
            kept_words.append(_words("".join(c.ch for c in content)))
        out: list[_Char] = []
        for i, (content, newline) in enumerate(kept):
            out.extend(content)
            if newline is None:
                continue
            if i < len(kept) - 1:
                out.append(newline)
            else:
                removed_by[newline.raw] = self.whitespace_id
        return out, removed_by, metadata

    def _normalize(self, raw: str, removed_by: dict[int, str]) -> list[_Char]:
        chars = [_Char(ch, i) for i, ch in enumerate(raw)]
        for rule in self.rules.of_kind("normalize"):
            text = "".join(c.ch for c in chars)
            hits = {i for m in rule.pattern.finditer(text) for i in range(m.start(), m.end())}
            if not hits:
                continue
            new: list[_Char] = []
            for i, c in enumerate(chars):
                if i not in hits:
                    new.append(c)
                elif rule.replace_with:
                    new.append(_Char(rule.replace_with, c.raw, rule.id))
                else:
                    removed_by[c.raw] = rule.id
            chars = new
        return chars

    @staticmethod
    def _split_lines(chars: list[_Char]) -> list[tuple[list[_Char], _Char | None]]:
        lines, current = [], []
        for c in chars:
            if c.ch == "\n":
                lines.append((current, c))
                current = []
            else:
                current.append(c)
        lines.append((current, None))
        return lines

    def _drop(self, chars: Iterable[_Char], rule_id: str, removed_by: dict[int, str]) -> None:
        for c in chars:
            removed_by[c.raw] = rule_id

    def _tidy(self, content: list[_Char], removed_by: dict[int, str]) -> list[_Char]:
        """Strip the line's ends and collapse inner runs of spaces (rule 'whitespace')."""
        out: list[_Char] = []
        for c in content:
            if c.ch.isspace() and (not out or out[-1].ch.isspace()):
                removed_by[c.raw] = self.whitespace_id
                continue
            out.append(c)
        while out and out[-1].ch.isspace():
            removed_by[out.pop().raw] = self.whitespace_id
        return out

    def _meta(self, rule: Rule, match: re.Match, content: list[_Char], metadata: list[dict]) -> None:
        for key, value in match.groupdict().items():
            if value:
                start, end = match.span(key)
                metadata.append(
                    {
                        "key": key,
                        "value": value.strip(),
                        "rule": rule.id,
                        "raw_start": content[start].raw,
                        "raw_end": content[end - 1].raw + 1,
                    }
                )

    def _process_line(self, content: list[_Char], removed_by: dict[int, str], metadata: list[dict]) -> list[_Char]:
        content = self._tidy(content, removed_by)
        applied: set[str] = set()
        changed = True
        while content and changed:
            changed = False
            for rule in self.rules.of_kind("prefix", "suffix", "line"):
                if rule.after and rule.after not in applied:
                    continue
                text = "".join(c.ch for c in content)
                if rule.kind == "line":
                    if rule.max_length is not None and len(text) > rule.max_length:
                        continue
                    m = rule.pattern.fullmatch(text)
                    if m:
                        self._meta(rule, m, content, metadata)
                        self._drop(content, rule.id, removed_by)
                        return []
                    continue
                m = rule.pattern.match(text) if rule.kind == "prefix" else rule.pattern.search(text)
                if not m or m.end() == m.start():
                    continue
                if rule.kind == "suffix" and m.end() != len(text):
                    continue
                self._meta(rule, m, content, metadata)
                self._drop(content[m.start() : m.end()], rule.id, removed_by)
                content = self._tidy(content[: m.start()] + content[m.end() :], removed_by)
                applied.add(rule.id)
                changed = True
                break
        return content

    def _is_duplicate(self, content, kept_words, removed_by, newline) -> bool:
        words = _words("".join(c.ch for c in content))
        for rule in self.rules.of_kind("duplicate"):
            if len(words) < rule.min_words:
                continue
            for earlier in kept_words:
                if len(earlier) < rule.min_words:
                    continue
                same = earlier == words or _near_repeat(earlier, words, rule.min_similarity)
                if same:
                    self._drop(content, rule.id, removed_by)
                    if newline is not None:
                        removed_by[newline.raw] = rule.id
                    return True
        return False


def _near_repeat(a: list[str], b: list[str], min_similarity: float) -> bool:
    """True when the shorter word list sits inside the longer in order (words only added or
    dropped, never substituted) and is at least ``min_similarity`` of its length."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < min_similarity * len(long_):
        return False
    blocks = difflib.SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) == len(short)


def _segments(out: list[_Char]) -> list[list[int]]:
    segments: list[list[int]] = []
    for i, c in enumerate(out):
        if segments and segments[-1][1] == i and segments[-1][3] == c.raw:
            segments[-1][1] += 1
            segments[-1][3] += 1
        else:
            segments.append([i, i + 1, c.raw, c.raw + 1])
    return segments


def _runs(raw: str, removed_by: dict[int, str]) -> list[dict]:
    runs: list[dict] = []
    for i in sorted(removed_by):
        rule = removed_by[i]
        if runs and runs[-1]["raw_end"] == i and runs[-1]["rule"] == rule:
            runs[-1]["raw_end"] += 1
        else:
            runs.append({"raw_start": i, "raw_end": i + 1, "rule": rule})
    for run in runs:
        run["text"] = raw[run["raw_start"] : run["raw_end"]]
    return runs


def clean_text(raw: str, rules: RuleSet, *, doc_id: str = "", raw_file: str = "", raw_sha256: str = "") -> CleanResult:
    """Clean one raw article (already decoded). Pure: no I/O."""
    out, removed_by, metadata = _Cleaner(rules).run(raw)
    normalized = [
        {"clean_start": i, "raw_start": c.raw, "raw_text": raw[c.raw], "clean_text": c.ch, "rule": c.normalized_by}
        for i, c in enumerate(out)
        if c.normalized_by
    ]
    return CleanResult(
        doc_id=doc_id,
        raw_file=raw_file,
        raw_sha256=raw_sha256 or sha256_text(raw),
        rules_sha256=rules.sha256,
        text="".join(c.ch for c in out),
        segments=_segments(out),
        normalized=normalized,
        removed=_runs(raw, removed_by),
        metadata=sorted(metadata, key=lambda m: (m["raw_start"], m["key"])),
    )


def clean_file(path: Path, rules: RuleSet) -> CleanResult:
    """Read, decode and clean one raw file; bad input raises InputError naming the file."""
    path = Path(path)
    data = read_bytes(path)
    raw = decode_utf8(data, str(path))
    if not raw.strip():
        raise InputError("file has no text (only whitespace)", str(path))
    result = clean_text(raw, rules, doc_id=path.stem, raw_file=path.name, raw_sha256=sha256_bytes(data))
    if not result.text:
        raise InputError("cleaning removed everything: no article text left", str(path))
    return result


def clean_outputs(result: CleanResult, out_dir: Path) -> list[tuple[Path, str]]:
    """The files one cleaned document becomes: ``X.txt`` and ``X.provenance.json``."""
    out_dir = Path(out_dir)
    return [
        (out_dir / f"{result.doc_id}.txt", result.text),
        (out_dir / f"{result.doc_id}.provenance.json", dumps_json(result.provenance())),
    ]


def clean_files(raw_files: list[Path], rules_path: Path, *, progress=None) -> list[CleanResult]:
    """Clean every file in memory first, so one bad input means nothing is written."""
    rules = load_rules(rules_path)
    stems = [Path(p).stem for p in raw_files]
    dup = sorted({s for s in stems if stems.count(s) > 1})
    if dup:
        raise InputError(f"two inputs share the document id {dup[0]!r}", str(raw_files[stems.index(dup[0])]))
    iterator = progress(raw_files) if progress else raw_files
    return [clean_file(Path(p), rules) for p in iterator]


def stale_outputs(results: list[CleanResult], out_dir: Path) -> list[str]:
    """Names of output files that are missing or differ from what cleaning produces now."""
    stale = []
    for result in results:
        for path, text in clean_outputs(result, out_dir):
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                stale.append(path.name)
    return stale
