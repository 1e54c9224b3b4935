"""Carry span offsets from one cleaning of a raw article to another (clean -> raw -> clean).

When the rules change, the clean text of a document can change under its annotations. Every
old clean character maps to its raw character through the old provenance, and every raw
character that is still kept maps to its new clean position through the new provenance. A
line the new cleaning drops as a repeat of another (a standfirst dropped in favour of the body
paragraph it summarises) is carried over to that other copy by aligning the two texts
character by character. A span moves only if all its characters move together and its text is
unchanged; anything else is reported, never guessed.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right


def _clean_to_raw(segments: list[list[int]], length: int) -> list[int]:
    out = [-1] * length
    for cs, ce, rs, _ in segments:
        for k in range(ce - cs):
            out[cs + k] = rs + k
    return out


def _raw_to_clean(segments: list[list[int]]):
    starts = [s[2] for s in segments]

    def find(r: int) -> int | None:
        k = bisect_right(starts, r) - 1
        if k >= 0 and r < segments[k][3]:
            return segments[k][0] + r - segments[k][2]
        return None

    return find


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def clean_offset_map(old_text: str, old_segments, new_text: str, new_segments, *, min_ratio: float = 0.9) -> list[int | None]:
    """For each character of the old clean text, its index in the new clean text (or None)."""
    to_raw = _clean_to_raw(old_segments, len(old_text))
    to_new = _raw_to_clean(new_segments)
    mapping = [to_new(r) if r >= 0 else None for r in to_raw]
    # new clean lines that have no character from the old clean text: candidates for moved copies
    reached = {i for i in mapping if i is not None}
    fresh = [(a, b) for a, b in _lines(new_text) if b > a and not any(i in reached for i in range(a, b))]
    for a, b in _lines(old_text):
        if b <= a or any(mapping[i] is not None for i in range(a, b)):
            continue
        best, best_ratio = None, min_ratio
        for fa, fb in fresh:
            ratio = difflib.SequenceMatcher(None, old_text[a:b], new_text[fa:fb], autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = (fa, fb), ratio
        if best is None:
            continue
        fa, fb = best
        matcher = difflib.SequenceMatcher(None, old_text[a:b], new_text[fa:fb], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mapping[a + block.a + k] = fa + block.b + k
    return mapping


def move_span(start: int, end: int, mapping: list[int | None], old_text: str, new_text: str) -> tuple[int, int] | None:
    """The span's new offsets when every character moved together and the text is unchanged."""
    targets = mapping[start:end]
    if not targets or any(t is None for t in targets):
        return None
    new_start = targets[0]
    if targets != list(range(new_start, new_start + (end - start))):
        return None
    if new_text[new_start : new_start + (end - start)] != old_text[start:end]:
        return None
    return new_start, new_start + (end - start)
