"""Pre-annotator: dev-set figures next to their goals, a learning curve, and speed per core.

    .venv/bin/python benchmarks/bench_preannotate.py [--devset ../shared/devset] [--seconds 5]
        [--iterations 15] [--report reports/preannotator.json]

Dev-set figures (labelled F1, exact offsets, mean of the two golds) are printed for d01–d06
(the half the rules were developed on), d07–d12 (held out) and all twelve. The learning curve
trains the spancat component on 0..n of the corpus's train-split documents and, because that
split is small, also cross-fitted on the developed-on half of the dev set (scored on the held-out
half only). Speed, in CPU time (``time.process_time``: other processes on the machine do not
count): the load, in fresh processes (importing the package; the data-package knowledge built
with an empty cache, then read from that cache; the resources learned from the corpus), and the
steady state, articles/s of one process on ~4 KB articles (dev texts joined to 4 KB) after a
warm-up. Wall-clock figures are printed beside them for reference.
With --report, the deterministic figures (no timings) go to JSON + markdown for the card.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.corpus import Corpus
from newscorpus.preannotate import build_resources, preannotate_text
from newscorpus.preannotate.devset import DevSet, load_devset
from newscorpus.preannotate.gazetteer import load_gold
from newscorpus.preannotate.knowledge import CACHE_ENV
from newscorpus.preannotate.report import GOALS, PRECISION_GOAL, gold_agreement, learning_curve, scores, write_report

ROOT = Path(__file__).resolve().parents[1]
# ../shared/devset beside the checkout (or beside any folder above it, as for a git worktree)
DEFAULT_DEVSET = next((p / "shared" / "devset" for p in ROOT.parents if (p / "shared" / "devset" / "raw").is_dir()),
                      ROOT.parent / "shared" / "devset")


def print_scores(name: str, r: dict) -> None:
    print(f"\n{name}")
    print(f"  {'layer':<9} {'P':>6} {'R':>6} {'F1':>6}   goal")
    for layer, v in r["layers"].items():
        ok = v["f1"] >= GOALS[layer] and v["precision"] >= PRECISION_GOAL
        print(f"  {layer:<9} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}   F1 >= {GOALS[layer]}, P >= {PRECISION_GOAL}: {'met' if ok else 'NOT met'}")
    print(f"  figure value+qualifier accuracy {r['figure_value_qualifier']:.3f} (goal 0.95); "
          f"argument F1 {r['arguments']['f1']:.3f} (P {r['arguments']['precision']:.3f}, R {r['arguments']['recall']:.3f})")


def four_kb_articles(dev: DevSet) -> list[str]:
    texts = [dev.documents[d].text for d in dev.ids()]
    out = []
    for k, t in enumerate(texts):
        joined = t + "\n" + texts[(k + 1) % len(texts)]
        out.append(joined[: joined.rfind("\n", 0, 4096)] if len(joined) > 4096 else joined)
    return out


_LOAD_PROBE = """
import json, time
c0, w0 = time.process_time(), time.perf_counter()
import newscorpus.preannotate
from newscorpus.preannotate.knowledge import knowledge
c1, w1 = time.process_time(), time.perf_counter()
knowledge()
c2, w2 = time.process_time(), time.perf_counter()
print(json.dumps({"import": [c1 - c0, w1 - w0], "knowledge": [c2 - c1, w2 - w1]}))
"""


def load_times() -> dict:
    """CPU and wall seconds of importing the package and of ``knowledge()`` in fresh processes:
    with an empty cache folder (built from the data packages, then cached) and again (read)."""
    out = {}
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, CACHE_ENV: cache}
        for name in ("cold", "warm"):
            run = subprocess.run([sys.executable, "-c", _LOAD_PROBE], env=env, capture_output=True, text=True, check=True)
            out[name] = json.loads(run.stdout.strip().splitlines()[-1])
    return out


def steady_rate(articles: list[str], resources, seconds: float) -> tuple[float, float, int]:
    """(articles per CPU second, articles per wall second, articles done) after one warm-up pass."""
    for k, text in enumerate(articles):
        preannotate_text(text, doc_id=f"b{k}", published=None, resources=resources)
    n, c0, w0 = 0, time.process_time(), time.perf_counter()
    while time.process_time() - c0 < seconds:
        for k, text in enumerate(articles):
            preannotate_text(text, doc_id=f"b{k}", published=None, resources=resources)
            n += 1
    return n / (time.process_time() - c0), n / (time.perf_counter() - w0), n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--unseen", action="store_true", help="--devset holds only articles the rules were never "
                        "developed on (e.g. benchmarks/heldout): score them as one set, no halves")
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds of steady-state speed measurement")
    parser.add_argument("--speed-only", action="store_true", help="only the speed figures (no dev-set scores, no curve)")
    parser.add_argument("--iterations", type=int, default=30, help="spancat training passes per curve point")
    parser.add_argument("--no-curve", action="store_true", help="skip the learning curve (faster)")
    parser.add_argument("--report", type=Path, default=None, help="write the deterministic figures here (+ .md)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the corpus whose registry and train split are used")
    args = parser.parse_args()
    corpus = Corpus.open(args.root)

    dev = load_devset(args.devset)
    c0, w0 = time.process_time(), time.perf_counter()
    resources = build_resources(corpus.entities_path if corpus.entities_path.is_file() else None,
                                annotations_dir=corpus.annotations_dir, manifest=corpus.manifest_path,
                                clean_dir=corpus.clean_dir)
    resources_time = (time.process_time() - c0, time.perf_counter() - w0)
    if args.speed_only:
        return speed(dev, resources, resources_time, args.seconds)
    dropped = {a: sum(d.dropped[a] for d in dev.documents.values()) for a in dev.annotators}
    print(f"dev set: {len(dev.ids())} articles; gold spans lost to cleaning: "
          + ", ".join(f"{a} {n}" for a, n in dropped.items()))

    preds = {d: preannotate_text(dev.documents[d].text, doc_id=d, published=dev.documents[d].published,
                                 resources=resources) for d in dev.ids()}
    rules = scores(dev, preds, unseen=args.unseen)
    for name, r in rules.items():
        print_scores(f"rules, {name}", r)

    agreement = gold_agreement(dev)
    if agreement:
        print(f"\ngold {dev.annotators[1]} against gold {dev.annotators[0]} (labelled F1; the human ceiling): "
              + ", ".join(f"{layer} {f1:.3f}" for layer, f1 in agreement.items()))
    report = {"devset_documents": dev.ids(), "gold_spans_lost_to_cleaning": dropped, "rules": rules,
              "gold_agreement": agreement, "curves": []}
    if not args.no_curve:
        training = load_gold(corpus.annotations_dir, corpus.manifest_path, corpus.clean_dir, ("train",))
        with tempfile.TemporaryDirectory() as tmp:
            points = learning_curve(dev, resources, training, list(range(len(training) + 1)), iterations=args.iterations,
                                    tmp_dir=Path(tmp) / "corpus")
            report["curves"].append({"name": "corpus train split", "note": "Rules + spancat trained on the first n "
                                     "train-split documents of the corpus; scored on all twelve dev articles.",
                                     "points": points})
            ids = dev.ids()
            half = len(ids) // 2
            held = DevSet({d: dev.documents[d] for d in ids[half:]})
            dev_train = [(d, dev.documents[d].text, dev.documents[d].gold[dev.annotators[0]]["spans"]) for d in ids[:half]]
            cross = learning_curve(held, resources, dev_train, list(range(0, half + 1, 2)), iterations=args.iterations,
                                   tmp_dir=Path(tmp) / "dev")
            report["curves"].append({"name": f"cross-fitted on {ids[0]}–{ids[half - 1]}", "note": "Rules + spancat "
                                     f"trained on the first n of {ids[0]}–{ids[half - 1]} (gold {dev.annotators[0]}); scored on "
                                     f"{ids[half]}–{ids[-1]} only (documents the model never saw).", "points": cross})
        for curve in report["curves"]:
            print(f"\nlearning curve ({curve['name']}): labelled F1 by number of training documents")
            print("  n   " + " ".join(f"{layer:>9}" for layer in scheme.LAYERS))
            for p in curve["points"]:
                print(f"  {p['documents']:<3} " + " ".join(f"{p['f1'][layer]:9.3f}" for layer in scheme.LAYERS))
            print("  the model alone (no rules):")
            for p in curve["points"]:
                if p["model_only_f1"]:
                    print(f"  {p['documents']:<3} " + " ".join(f"{p['model_only_f1'][layer]:9.3f}" for layer in scheme.LAYERS))

    speed(dev, resources, resources_time, args.seconds)
    if args.report:
        md = write_report(report, args.report)
        print(f"wrote {args.report} and {md}")


def speed(dev: DevSet, resources, resources_time: tuple[float, float], seconds: float) -> None:
    loads = load_times()
    print("\nload, CPU s (wall s), fresh processes:")
    print(f"  import newscorpus.preannotate     {loads['cold']['import'][0]:6.2f} ({loads['cold']['import'][1]:.2f})")
    print(f"  knowledge, empty cache (build)    {loads['cold']['knowledge'][0]:6.2f} ({loads['cold']['knowledge'][1]:.2f})")
    print(f"  knowledge, from the cache         {loads['warm']['knowledge'][0]:6.2f} ({loads['warm']['knowledge'][1]:.2f})")
    print(f"  resources learned from the corpus {resources_time[0]:6.2f} ({resources_time[1]:.2f})")
    articles = four_kb_articles(dev)
    size = sum(map(len, articles)) / len(articles)
    cpu_rate, wall_rate, n = steady_rate(articles, resources, seconds)
    print(f"steady state: {cpu_rate:.1f} articles per CPU second on one core ({size / 1000:.1f} KB articles, {n} done; "
          f"goal >= 100: {'met' if cpu_rate >= 100 else 'NOT met'}); {wall_rate:.1f} per wall second")


if __name__ == "__main__":
    main()
