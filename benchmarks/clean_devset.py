"""Cleaning recall and precision on the dev-set articles (furniture lines listed in the gold).

    PYTHONPATH=scripts .venv/bin/python benchmarks/clean_devset.py [--devset ../shared/devset] [-v]

The dev set is for measurement only: rules are written for furniture shapes seen across news
sites, never for a dev article's wording. d01-d06 are the development half, d07-d12 held out.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.clean import load_rules
from newscorpus.clean.score import LineScore, score_devset

ROOT = Path(__file__).resolve().parents[1]


def find_devset(start: Path = ROOT) -> Path | None:
    """``../shared/devset`` next to the checkout (or next to a folder above it, for worktrees)."""
    for folder in (start, *start.parents):
        candidate = folder.parent / "shared" / "devset"
        if (candidate / "raw").is_dir():
            return candidate
    return None


def halves(scores: dict[str, LineScore]) -> dict[str, LineScore]:
    def total(names):
        out = LineScore()
        for name in names:
            out = out.add(scores[name])
        return out

    names = sorted(scores)
    mid = len(names) // 2
    if mid == 0:
        return {"all": total(names)}
    return {f"{names[0]}-{names[mid - 1]}": total(names[:mid]), f"{names[mid]}-{names[-1]}": total(names[mid:]),
            f"all {len(names)}": total(names)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devset", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed furniture and damaged content")
    args = parser.parse_args()
    devset = args.devset or find_devset()
    if devset is None or not (devset / "raw").is_dir():
        parser.error("no dev set found (../shared/devset); give --devset")
    scores = score_devset(devset, load_rules(DEFAULT_CLEANING_RULES))
    print(f"{'articles':<10} {'furniture':>9} {'removed':>8} {'recall':>7} {'precision':>9} {'content kept whole':>19}")
    for name, s in halves(scores).items():
        print(f"{name:<10} {s.furniture:>9} {s.furniture_removed:>8} {s.recall:>7.2f} {s.precision:>9.2f} {s.content_kept:>11}/{s.content}")
    if args.verbose:
        for doc, s in scores.items():
            for line in s.missed:
                print(f"{doc} missed:  {line[:120]}")
            for line in s.damaged:
                print(f"{doc} damaged: {line[:120]}")


if __name__ == "__main__":
    main()
