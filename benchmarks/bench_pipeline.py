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

from newscorpus.corpus import Corpus

REPO = Corpus.open(Path(__file__).resolve().parents[1])
from newscorpus.publish.build import build
from newscorpus.clean import clean_text, load_rules
from newscorpus.fileio import read_json
from newscorpus.annotate.validate import load_registry, validate_document


def timed(label: str, n: int, unit: str, func) -> None:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:8.2f} s   {n / seconds:10.1f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    rules = load_rules(REPO.cleaning_rules_path)
    raws = [p.read_text(encoding="utf-8") for p in sorted(REPO.raw_dir.glob("*.txt"))] * args.copies
    chars = sum(map(len, raws))
    print(f"{len(raws)} articles, {chars / 1e6:.1f} M characters")
    timed("clean (in memory)", len(raws), "articles", lambda: [clean_text(r, rules) for r in raws])
    registry, _ = load_registry(REPO.entities_path)
    docs = [(read_json(p), (REPO.clean_dir / f"{p.stem}.txt").read_text(encoding="utf-8")) for p in sorted(REPO.annotations_dir.glob("0*.json"))]
    pairs = docs * args.copies
    timed("validate (schema + semantic)", len(pairs), "documents", lambda: [validate_document(d, file="x", clean_text=t, registry=registry) for d, t in pairs])
    with tempfile.TemporaryDirectory() as tmp:
        timed("build (5 documents, all configs)", 5, "documents", lambda: build(REPO, Path(tmp) / "hf"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory':<34} {peak:8.0f} MiB")


if __name__ == "__main__":
    main()
