"""Cleaning speed next to its anchor, measured in the same run; prints figures, asserts nothing.

    PYTHONPATH=scripts .venv/bin/python benchmarks/bench_clean.py [--docs 1000] [--big-mb 20]

Anchor (issue 13): ``clean`` >= 1,000 articles/s per core and within 5x of a floor that only runs
the same rules' regular expressions over each line (each rule's pattern with its own method:
fullmatch for line rules, match for prefix rules, a tail search for suffix and anchor-'end'
rules, only on lines within the rule's max_length, plus the 'unless' veto where the pattern
matched; no normalisation, no provenance, no repeat detection, no 'requires' hints). Both run in
this one process on one core, on the same synthetic scraped-style articles: benchmarks/synth.py
when it is there (the team's corpus generator), else the small generator below. Then a single
article of --big-mb MB (paragraphs, and one giant line) for the linear-time claim (issue 12).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

from newscorpus.clean import clean_text, load_rules
from newscorpus.clean.cleaner import search_end
from newscorpus.corpus.project import DEFAULT_CLEANING_RULES

HERE = Path(__file__).resolve().parent

WORDS = ("the army said forces fired rockets at positions near the border on Monday while officials in the capital "
         "warned that talks would resume and aid groups reported that thousands of families had fled their homes "
         "after strikes hit villages in the south").split()
FURNITURE = [
    "Skip to main content", "Menu", "Home > News > World", "By Ana Ruiz and Tom Lee, Reuters", "Published 2 hours ago",
    "Updated 14:32 GMT, 3 May 2031", "Share: Facebook · X · WhatsApp · Email", "Advertisement", "Read more: Markets steady",
    "Smoke rises over the port. Photo: AFP", "We use cookies to improve your experience. Accept all | Manage preferences",
    "Follow us on X for the latest updates.", "Sign up for our Morning Brief newsletter", "Tags: region, security, aid",
    "© 2031 Example Daily. All rights reserved.", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
]


def local_articles(n: int, seed: int = 0) -> list[str]:
    """Scraped-style pages: furniture around 6-10 body paragraphs, a related-headline list."""
    out = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 70))).capitalize() + f" ({i}.{k})." for k in range(rng.randint(6, 10))]
        lines = rng.sample(FURNITURE[:7], 3) + [f"Story {i}: talks stall as fighting spreads"]
        for k, para in enumerate(body):
            lines += [para, ""]
            if rng.random() < 0.3:
                lines += [rng.choice(FURNITURE[7:]), ""]
        lines += ["Related Articles", "Talks stall in the capital", "Aid convoys stranded on the coast road", ""] + rng.sample(FURNITURE[12:], 3)
        out.append("\n".join(lines) + "\n")
    return out


def synth_articles(n: int, seed: int = 0) -> list[str] | None:
    """Raw texts from the team's generator (benchmarks/synth.py), if it is in this checkout."""
    if not (HERE / "synth.py").is_file():
        return None
    sys.path.insert(0, str(HERE))
    try:
        import synth  # noqa: PLC0415
    except ImportError:
        return None
    rng = random.Random(seed)
    registry = synth.make_registry(rng, 70)
    places = sorted({synth._name(rng, rng.choice((2, 3))) for _ in range(300)})
    return [synth.make_document(i, random.Random(f"{seed}:{i}"), registry, places, date(2031, 1, 1))[1] for i in range(n)]


def regex_floor(raws: list[str], rules) -> None:
    """Only the rules' regular expressions, each over every line it applies to."""
    checks = []
    for rule in rules.of_kind("prefix", "suffix", "line", "block"):
        limit = rule.max_length if rule.max_length is not None and rule.kind in {"line", "block"} else 1 << 62
        if rule.kind == "prefix":
            find = rule.pattern.match
        elif rule.kind == "suffix" or rule.anchor == "end":
            find = lambda text, rule=rule: search_end(rule, text)  # noqa: E731
        else:
            find = rule.pattern.fullmatch
        checks.append((limit, find, rule.unless))
    for raw in raws:
        for line in raw.split("\n"):
            line = line.strip()
            if not line:
                continue
            size = len(line)
            for limit, find, unless in checks:
                if size <= limit and find(line) is not None and unless is not None:
                    unless.search(line)


def timed(func) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(source: str, raws: list[str], rules, repeat: int) -> None:
    """Clean and the regex floor on the same articles, best CPU time of ``repeat`` runs each."""
    chars = sum(map(len, raws))
    print(f"{len(raws)} articles from {source}: {chars / len(raws):.0f} characters, {sum(r.count(chr(10)) for r in raws) / len(raws):.0f} lines each")
    clean_text(raws[0], rules)  # compile once, as a run of `clean` does
    clean_cpu = min(timed(lambda: [clean_text(r, rules) for r in raws])[1] for _ in range(repeat))
    floor_cpu = min(timed(lambda: regex_floor(raws, rules))[1] for _ in range(repeat))
    print(f"{'':34} {'CPU s':>8} {'articles/s':>11}")
    print(f"{'clean (provenance, one core)':34} {clean_cpu:8.3f} {len(raws) / clean_cpu:11.0f}   anchor: >= 1,000/s")
    print(f"{'regex floor (same rules, per line)':34} {floor_cpu:8.3f} {len(raws) / floor_cpu:11.0f}")
    print(f"{'clean / floor':34} {clean_cpu / floor_cpu:8.2f}x{'':11}   anchor: <= 5x\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--big-mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (the machine is shared)")
    args = parser.parse_args()
    rules = load_rules(DEFAULT_CLEANING_RULES)
    sources = [("benchmarks/synth.py", synth_articles(args.docs)), ("local generator (longer pages)", local_articles(args.docs))]
    sources = [(name, texts) for name, texts in sources if texts is not None]
    for source, texts in sources:
        measure(source, texts, rules, args.repeat)
    raws = sources[0][1]

    size = int(args.big_mb * 1_000_000)
    para = [p for r in raws[:200] for p in r.split("\n") if len(p) > 200]
    rng = random.Random(1)
    pieces, total = [], 0
    while total < size:
        p = f"{rng.choice(para)} [{total}]"  # distinct paragraphs: nothing collapses as a repeat
        pieces.append(p)
        total += len(p) + 2
    for label, big in ((f"one {args.big_mb:g} MB article (paragraphs)", "\n\n".join(pieces)), (f"one {args.big_mb:g} MB article (one line)", " ".join(pieces))):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        wall, cpu = timed(lambda: clean_text(big, rules))
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"{label:34} {cpu:8.2f} s CPU, {wall:.2f} s wall, peak memory +{grown:.0f} MB   anchor: seconds (was 198 s for 1 MB)")


if __name__ == "__main__":
    main()
