"""The pipeline at 10^3..10^5 documents: every figure next to its anchor, measured in the same run.

    python benchmarks/bench_build.py [--sizes 1000,10000,100000] [--work DIR] [--stages ...]

For each size a synthetic corpus (benchmarks/synth.py) is generated once under --work and
reused. Stages (each a real `newscorpus` command in a child process, so its memory is its own):

  clean        `newscorpus clean`: articles/s
  validate     `newscorpus validate`: documents/s (bench_validate.py has the jsonschema-rs anchor)
  build        `newscorpus build` from a cold cache (it cleans and validates every document
               itself): wall time, documents/s, CPU use across cores, peak memory of the whole
               process tree (PSS, sampled from /proc every 0.2 s)
  incremental  one annotation changed, `newscorpus build` again (warm cache): time next to the
               full build; byte-identical to a `--no-cache` full build (checked up to --identity-max)
  load         `datasets.load_dataset` warm (second call) next to `pyarrow.parquet.read_table`
               of the same shards, per config

Per size it also prints clean + validate + build next to the 15-minute goal (scaled linearly to
10^5 for smaller sizes), and after all sizes each build's peak memory next to the 10^4 figure
(goal: flat within 20 %). The 10^5 run is one command on a quiet machine:

    python benchmarks/bench_build.py --sizes 10000,100000 --work /big/disk

(generating the 10^5 corpus takes minutes and ~3 GB; the corpora are kept under --work.)
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import synth

HERE = Path(__file__).resolve().parent


def _pss(pid: int, rss: int) -> int:
    """Proportional set size: pages shared by the forked workers are counted once in the sum."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss


def _tree(root: int) -> tuple[int, dict[int, float]]:
    """Memory (bytes, PSS) of ``root`` and all its descendants, and each one's CPU seconds, from /proc."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            stats[int(entry)] = (int(fields[21]) * os.sysconf("SC_PAGE_SIZE"), (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            continue
    total, cpu, stack = 0, {}, [root]
    while stack:
        pid = stack.pop()
        rss, seconds = stats.get(pid, (0, 0.0))
        total += _pss(pid, rss)
        cpu[pid] = seconds
        stack.extend(children.get(pid, []))
    return total, cpu


def run(args: list[str], cwd: Path, limit: float | None = None) -> dict:
    """Run a newscorpus command; wall time, CPU time of the tree, peak tree memory.

    With ``limit`` (seconds) the command is stopped when it runs longer (``stopped`` is set)."""
    env = dict(os.environ, TQDM_DISABLE="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newscorpus.cli", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    peak, cpu = [0], {}

    def sample():
        while proc.poll() is None:
            rss, seconds = _tree(proc.pid)
            peak[0] = max(peak[0], rss)
            cpu.update({pid: max(s, cpu.get(pid, 0.0)) for pid, s in seconds.items()})
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stopped = False
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        stopped = True
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if stopped:
        return {"wall": wall, "cpu": sum(cpu.values()), "peak": peak[0], "out": out, "stopped": True}
    if proc.returncode:
        raise SystemExit(f"newscorpus {' '.join(args)} failed:\n{err[-2000:]}")
    return {"wall": wall, "cpu": sum(cpu.values()), "peak": peak[0], "out": out, "stopped": False}


def corpus_for(size: int, work: Path, seed: int) -> Path:
    root = work / f"synth-{size}-seed{seed}"
    if not (root / "corpus" / "manifest.csv").is_file():
        t = time.perf_counter()
        synth.generate(root, size, seed)
        print(f"  generated {size} documents in {time.perf_counter() - t:.0f} s ({root})")
    return root


def change_one_annotation(root: Path) -> tuple[Path, bytes]:
    """Flip the realis of one event in a document in the middle of the corpus; returns (path, old bytes)."""
    paths = sorted((root / "annotations").glob("syn*.json"))
    path = paths[len(paths) // 2]
    old = path.read_bytes()
    doc = json.loads(old)
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT")
    event["realis"] = "GENERIC" if event["realis"] != "GENERIC" else "ACTUAL"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path, old


def load_figures(out: Path, cache: Path) -> None:
    import datasets
    import pyarrow.parquet as pq
    from datasets import load_dataset

    datasets.disable_progress_bars()
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    for config in ("documents", "tokens", "events"):
        load_dataset(str(out), config, cache_dir=str(cache))  # cold: prepares the Arrow cache
        t = time.perf_counter()
        warm = load_dataset(str(out), config, cache_dir=str(cache))
        t_load = time.perf_counter() - t
        t = time.perf_counter()
        table = pq.read_table(out / config)
        t_read = time.perf_counter() - t
        rows = sum(d.num_rows for d in warm.values())
        assert rows == table.num_rows, (rows, table.num_rows)
        print(f"  load {config:<10} {rows:>9} rows  load_dataset warm {t_load:6.2f} s   read_table (anchor) {t_read:6.2f} s   = {t_load / t_read:.2f} x anchor (goal <= 1.5)")


def documents_written(root: Path) -> int:
    """Documents in the finished documents-config shards of a build still in its staging folder."""
    import pyarrow.parquet as pq

    done = 0
    for path in root.glob("dist/.hf.*/documents/*.parquet"):
        try:
            done += pq.read_metadata(path).num_rows
        except Exception:  # a shard still being written has no footer yet
            pass
    return done


GOAL_DOCS = 100_000
GOAL_SECONDS = 15 * 60  # clean + validate + build of 10^5 documents on 2 cores
GOAL_PEAK = 1 << 30


def measure(size: int, work: Path, seed: int, stages: set[str], identity_max: int, limit: float | None = None) -> dict:
    """Every figure for one corpus size; returns the ones the summary compares across sizes."""
    from newscorpus.fileio import folder_sha256

    print(f"\n{size} documents", flush=True)
    figures: dict = {}
    root = corpus_for(size, work, seed)
    cores = os.cpu_count() or 1
    mib = 1 << 20
    if "clean" in stages:
        r = run(["clean", "--root", str(root)], root)
        figures["clean"] = r["wall"]
        print(f"  clean        {r['wall']:8.1f} s  {size / r['wall']:8.0f} articles/s   peak {r['peak'] / mib:6.0f} MiB"
              f"   CPU {r['cpu'] / r['wall'] / cores:4.0%} of {cores} cores, {r['cpu'] / size * 1000:.2f} CPU-ms/doc (per-core anchor: bench_clean.py)", flush=True)
    if "validate" in stages:
        r = run(["validate", "--root", str(root)], root)
        figures["validate"] = r["wall"]
        print(f"  validate     {r['wall']:8.1f} s  {size / r['wall']:8.0f} docs/s       peak {r['peak'] / mib:6.0f} MiB"
              f"   (jsonschema-rs anchor: bench_validate.py)", flush=True)
    full = None
    if "build" in stages:
        subprocess.run(["rm", "-rf", str(root / "dist")], check=True)
        r = run(["build", "--root", str(root)], root, limit)
        if r["stopped"]:
            done = documents_written(root)
            print(f"  build (cold) stopped after the --time-limit of {limit:.0f} s: {done} of {size} documents in finished shards"
                  f" ({done / r['wall']:.0f} docs/s)   peak {r['peak'] / mib:6.0f} MiB   CPU {r['cpu'] / r['wall'] / cores:4.0%} of {cores} cores (sampled)")
            subprocess.run(["rm", "-rf", str(root / "dist")], check=True)
            figures["build_stopped"] = True
            return figures
        full = r["wall"]
        figures["build"], figures["peak"] = r["wall"], r["peak"]
        print(f"  build (cold) {r['wall']:8.1f} s  {size / r['wall']:8.0f} docs/s       peak {r['peak'] / mib:6.0f} MiB (goal <= 1024)"
              f"   CPU {r['cpu'] / r['wall'] / cores:4.0%} of {cores} cores (sampled), {r['cpu'] / size * 1000:.1f} CPU-ms/doc", flush=True)
    total = sum(figures.get(k, 0.0) for k in ("clean", "validate", "build"))
    if {"clean", "validate", "build"} <= figures.keys():
        scaled = total * GOAL_DOCS / size
        projected = "" if size == GOAL_DOCS else f", scaled linearly to {GOAL_DOCS}: {scaled:.0f} s"
        print(f"  clean + validate + build {total:8.1f} s{projected}   (goal <= {GOAL_SECONDS} s at {GOAL_DOCS})", flush=True)
    if "incremental" in stages and full is not None:
        path, old = change_one_annotation(root)
        try:
            r = run(["build", "--root", str(root)], root)
            print(f"  incremental  {r['wall']:8.1f} s  = {r['wall'] / full:.1%} of the full build (goal <= 10%)   peak {r['peak'] / mib:6.0f} MiB", flush=True)
            if size <= identity_max:
                check = root / "dist" / "hf-full"
                run(["build", "--root", str(root), "--no-cache", "--out", str(check)], root)
                same = folder_sha256(root / "dist" / "hf") == folder_sha256(check)
                print(f"  incremental output byte-identical to a --no-cache full build: {same}")
                subprocess.run(["rm", "-rf", str(check)], check=True)
        finally:
            path.write_bytes(old)
    if "load" in stages and (root / "dist" / "hf").is_dir():
        load_figures(root / "dist" / "hf", work / "hf-cache" / f"{size}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated document counts")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newscorpus-bench"), help="where corpora are generated and kept")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", default="clean,validate,build,incremental,load")
    parser.add_argument("--identity-max", type=int, default=10000, help="check incremental == full build up to this size")
    parser.add_argument("--time-limit", type=float, default=None, help="stop a cold build after this many seconds and report how far it got")
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    peaks = {}
    for size in (int(s) for s in args.sizes.split(",")):
        figures = measure(size, args.work, args.seed, stages, args.identity_max, args.time_limit)
        if "peak" in figures:
            peaks[size] = figures["peak"]
    if len(peaks) > 1:  # memory flat with size: each peak next to the one at 10^4 (or the smallest above 10^3)
        base = 10_000 if 10_000 in peaks else min(s for s in peaks if s > min(peaks))
        print("\nbuild peak memory across sizes (goal: <= 1024 MiB at 10^5, within +-20% from 10^4 to 10^5)")
        for size, peak in sorted(peaks.items()):
            print(f"  {size:>7} documents  {peak / (1 << 20):6.0f} MiB   = {peak / peaks[base]:.2f} x the {base} figure")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
