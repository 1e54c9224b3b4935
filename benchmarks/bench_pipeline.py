"""Speed and memory of the pipeline stages; prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_pipeline.py [--copies 200]

Cleaning and validation are measured on the seed articles repeated --copies times (the
toolkit must handle a user's next five thousand), the build on the real corpus.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newscorpus import paths
from newscorpus.build import build
from newscorpus.clean import clean_text, load_rules
from newscorpus.fileio import read_json
from newscorpus.validate import load_registry, validate_document


def timed(label: str, n: int, unit: str, func) -> None:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:8.2f} s   {n / seconds:10.1f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    rules = load_rules(paths.CLEANING_RULES)
    raws = [p.read_text(encoding="utf-8") for p in sorted(paths.RAW_DIR.glob("*.txt"))] * args.copies
    chars = sum(map(len, raws))
    print(f"{len(raws)} articles, {chars / 1e6:.1f} M characters")
    timed("clean (in memory)", len(raws), "articles", lambda: [clean_text(r, rules) for r in raws])
    registry, _ = load_registry(paths.ENTITIES)
    docs = [(read_json(p), (paths.CLEAN_DIR / f"{p.stem}.txt").read_text(encoding="utf-8")) for p in sorted(paths.ANNOTATIONS_DIR.glob("0*.json"))]
    pairs = docs * args.copies
    timed("validate (schema + semantic)", len(pairs), "documents", lambda: [validate_document(d, file="x", clean_text=t, registry=registry) for d, t in pairs])
    with tempfile.TemporaryDirectory() as tmp:
        timed("build (5 documents, all configs)", 5, "documents", lambda: build(Path(tmp) / "hf"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory':<34} {peak:8.0f} MiB")


if __name__ == "__main__":
    main()
