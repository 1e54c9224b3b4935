"""Validation throughput next to its anchor, jsonschema-rs ``is_valid``, on the same documents.

    python benchmarks/bench_validate.py [--sizes 1000,10000,100000] [--seed 0]

Documents come from the synthetic generator (benchmarks/synth.py) in chunks, so memory stays
flat at any size. For each chunk, in the same run: the anchor (jsonschema-rs ``is_valid`` on
every document), ``validate_document`` (compiled schema pass + every semantic check against
the clean text and the registry), and, for scale, the pure-Python jsonschema validator on the
first chunk only (it is ~150x slower). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

import synth
from newscorpus.annotate.validate import _fast_validator, _validator, validate_document

CHUNK = 1000


def measure(size: int, seed: int) -> None:
    registry_list, _ = synth.world(size, seed)
    registry = {e["id"]: e for e in registry_list}
    anchor = _fast_validator("annotation")
    t_anchor = t_validate = t_py = 0.0
    n_py = problems = 0
    for start in range(0, size, CHUNK):
        chunk = [(d.annotation, d.clean) for d in synth.documents(size, seed, start, start + CHUNK)]
        t0 = time.perf_counter()
        for ann, _ in chunk:
            anchor.is_valid(ann)
        t1 = time.perf_counter()
        for ann, clean in chunk:
            problems += len(validate_document(ann, file="x.json", clean_text=clean, registry=registry))
        t2 = time.perf_counter()
        t_anchor += t1 - t0
        t_validate += t2 - t1
        if start == 0:
            sample = chunk[:100]
            t3 = time.perf_counter()
            for ann, _ in sample:
                _validator("annotation").is_valid(ann)
            t_py += time.perf_counter() - t3
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
