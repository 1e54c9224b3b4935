"""Score cleaning against a list of furniture lines (a gold ``boilerplate`` list).

A raw line counts as removed when none of its non-space characters survives into the clean
text, and as kept intact when all of them survive. A furniture text listed k times among n
raw lines of that text means k copies are furniture and n - k are content.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.clean.cleaner import CleanResult, clean_text
from newscorpus.clean.files import decode_raw
from newscorpus.fileio import read_json


@dataclass
class LineScore:
    furniture: int = 0  # furniture lines in the gold
    furniture_removed: int = 0
    content: int = 0  # every other non-blank raw line
    content_kept: int = 0  # content lines kept whole
    content_removed: int = 0  # content lines removed entirely (reporting lost)
    missed: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)

    def add(self, other: "LineScore") -> "LineScore":
        return LineScore(
            self.furniture + other.furniture, self.furniture_removed + other.furniture_removed,
            self.content + other.content, self.content_kept + other.content_kept,
            self.content_removed + other.content_removed, self.missed + other.missed, self.damaged + other.damaged,
        )

    @property
    def recall(self) -> float:
        return self.furniture_removed / self.furniture if self.furniture else 1.0

    @property
    def precision(self) -> float:
        """Of the lines removed entirely, the share that is furniture."""
        removed = self.furniture_removed + self.content_removed
        return self.furniture_removed / removed if removed else 1.0


def _key(line: str) -> str:
    return line.replace("\ufeff", "").strip()


def score_lines(raw: str, result: CleanResult, furniture: list[str]) -> LineScore:
    starts = [s[2] for s in result.segments]

    def kept(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < result.segments[k][3]

    lines: dict[str, list[tuple[int, int]]] = {}  # text -> (kept chars, non-space chars) per copy
    pos = 0
    for line in raw.split("\n"):
        key = _key(line)
        if key:
            idx = [pos + j for j, ch in enumerate(line) if not ch.isspace() and ch != "\ufeff"]
            lines.setdefault(key, []).append((sum(map(kept, idx)), len(idx)))
        pos += len(line) + 1
    want = Counter(_key(f) for f in furniture)
    score = LineScore()
    for key, copies in lines.items():
        k = min(want.get(key, 0), len(copies))
        removed = sum(1 for n_kept, _ in copies if n_kept == 0)
        whole = sum(1 for n_kept, n in copies if n_kept == n)
        score.furniture += k
        score.furniture_removed += min(k, removed)
        score.content += len(copies) - k
        score.content_removed += max(0, removed - k)
        # content copies are the ones kept (as many as possible): count those kept whole
        score.content_kept += min(len(copies) - k, whole)
        if removed < k:
            score.missed.append(key)
        if min(len(copies) - k, whole) < len(copies) - k:
            score.damaged.append(key)
    for key in want:
        if key not in lines:
            raise ValueError(f"furniture line not found in the raw text: {key!r}")
    return score


def score_devset(devset: Path, rules) -> dict[str, LineScore]:
    """Each ``raw/*.txt`` of a dev-set folder cleaned with ``rules`` and scored against the
    ``boilerplate`` list of its ``gold/A`` file (both annotators list the same furniture)."""
    scores = {}
    for raw_path in sorted((Path(devset) / "raw").glob("*.txt")):
        gold = read_json(Path(devset) / "gold" / "A" / f"{raw_path.stem}.json")
        raw = decode_raw(raw_path.read_bytes(), str(raw_path))
        scores[raw_path.stem] = score_lines(raw, clean_text(raw, rules), gold["boilerplate"])
    return scores
