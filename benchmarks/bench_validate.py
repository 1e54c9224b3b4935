"""Validation throughput next to its anchor, jsonschema-rs ``is_valid``, on the same documents.

    python benchmarks/bench_validate.py [--sizes 1000,10000,100000] [--seed 0]

Documents come from the synthetic generator (benchmarks/synth.py) in chunks, so memory stays
flat at any size. For each chunk, in the same run: the anchor (jsonschema-rs ``is_valid`` on
every document), ``validate_document`` (compiled schema pass + every semantic check against
the clean text and the registry), and, for scale, the pure-Python jsonschema validator on the
first chunk only (it is ~150x slower). Times are CPU time of this process, each chunk timed
three times alternating anchor and validate (best of each), so a busy machine skews neither.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

import synth
from newscorpus.annotate.validate import _fast_validator, _validator, validate_document

CHUNK = 1000
REPEATS = 3
clock = time.process_time  # CPU time of this process: other jobs on the machine do not count


def measure(size: int, seed: int) -> None:
    registry_list, _ = synth.world(size, seed)
    registry = {e["id"]: e for e in registry_list}
    anchor = _fast_validator("annotation")
    t_anchor = t_validate = t_py = 0.0
    n_py = problems = 0
    for start in range(0, size, CHUNK):
        chunk = [(d.annotation, d.clean) for d in synth.documents(size, seed, start, start + CHUNK)]
        best_anchor = best_validate = float("inf")
        for _ in range(REPEATS):  # alternate the two, keep each one's best: fair on a busy machine
            t0 = clock()
            for ann, _ in chunk:
                anchor.is_valid(ann)
            t1 = clock()
            found = 0
            for ann, clean in chunk:
                found += len(validate_document(ann, file="x.json", clean_text=clean, registry=registry))
            t2 = clock()
            best_anchor, best_validate = min(best_anchor, t1 - t0), min(best_validate, t2 - t1)
        problems += found
        t_anchor += best_anchor
        t_validate += best_validate
        if start == 0:
            sample = chunk[:100]
            t3 = clock()
            for ann, _ in sample:
                _validator("annotation").is_valid(ann)
            t_py += clock() - t3
            n_py = len(sample)
    spans = sum(len(d.annotation["spans"]) for d in synth.documents(size, seed, 0, 100)) / min(100, size)
    print(f"\n{size} documents (~{spans:.0f} spans each), {problems} problems found")
    print(f"  {'jsonschema-rs is_valid (anchor)':<42} {size / t_anchor:10.0f} docs/s")
    print(f"  {'validate (schema + semantic checks)':<42} {size / t_validate:10.0f} docs/s   = {t_anchor / t_validate:.2f} x anchor (goal >= 0.5)")
    print(f"  {'jsonschema (pure Python, first 100 docs)':<42} {n_py / t_py:10.0f} docs/s   = {(t_anchor / size) / (t_py / n_py):.3f} x anchor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated document counts")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.seed)


if __name__ == "__main__":
    main()
