"""A synthetic corpus of any size, deterministic by seed, for benchmarks and scale tests.

    python benchmarks/synth.py OUT_DIR --docs 10000 [--seed 0]

Writes a real corpus folder that ``newscorpus build --root OUT_DIR`` accepts: scraped-style raw
articles (page furniture around the body: navigation, share widgets, adverts, bylines, stamps,
newsletter prompts, tags, copyright, blank lines and trailing spaces), ``corpus/manifest.csv``,
one valid annotation file per article, the entity registry, the schemas and a small
``datacard.md`` and ``release.toml``. The world is invented (made-up places, people and groups) so nothing is
modelled on the seed articles; only the furniture is the generic kind the cleaning rules remove.

Annotations are made on the text the cleaner keeps (the body lines, joined by newlines). Every
span is checked against that text while it is generated, and the first documents are run
through the real cleaner to check the prediction (``--check-clean`` sets how many).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["var", "os", "tel", "mir", "ka", "dun", "bre", "lo", "san", "tor", "vel", "ash", "quen", "ri", "dal", "mon",
             "zet", "ul", "pra", "hes", "nor", "gal", "fen", "ib", "cor", "yat", "lum", "ser", "ond", "kiv"]
FIRST = ["Mara", "Tomas", "Ilse", "Ravi", "Noor", "Elan", "Sana", "Piet", "Lior", "Ada", "Kofi", "Yara", "Oren", "Lena",
         "Dov", "Amal", "Ivo", "Rhea", "Cyrus", "Nia"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

# (ACTOR label, how the name is made)
KINDS = {
    "STATE": lambda n: n,
    "MILITARY": lambda n: f"the {n} Army",
    "ARMED_GROUP": lambda n: f"the {n} Front",
    "ORGANIZATION": lambda n: f"the {n} Relief Council",
    "PERSON": None,
    "GROUP": lambda n: f"{n} traders",
    "CIVILIANS": lambda n: f"{n} residents",
}
FURNITURE_TOP = ["Skip to main content", "Menu", "Search", "Sign in", "Listen to this article", "3 min read",
                 "Share this article", "Updated 14:32 GMT"]
FURNITURE_MID = ["Advertisement", "Story continues below advertisement", "Read more: Markets steady after a quiet week",
                 "Image: A street after the storm", "Share on Facebook", "Related Articles", "Continue reading"]
FURNITURE_END = ["Follow us on Telegram for the latest", "Subscribe to our newsletter for daily updates",
                 "Tags: region, security, aid", "© 2031 Example Daily. All rights reserved.", "Leave a comment", "Print"]
GARBLED = ["the of ministry said to the the and of forces was in", "which of is the statement to by the of council on the"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_registry(rng: random.Random, size: int) -> list[dict]:
    """Invented actors: ``size`` entities spread over the ACTOR labels, unique names."""
    entities, names = [], set()
    kinds = list(KINDS)
    while len(entities) < size:
        kind = kinds[len(entities) % len(kinds)]
        base = _name(rng, rng.choice((2, 3)))
        name = f"{rng.choice(FIRST)} {base}" if kind == "PERSON" else KINDS[kind](base)
        if name.lower() in names:
            continue
        names.add(name.lower())
        eid = f"{kind.lower()}_{base.lower()}_{len(entities)}"
        entities.append({"id": eid, "name": name, "type": kind, "variants": [name]})
    return entities


@dataclass
class Paragraph:
    """One body paragraph being written, with its spans (offsets into the paragraph)."""

    doc: "DocBuilder"
    text: str = ""
    spans: list[dict] = field(default_factory=list)

    def say(self, words: str) -> None:
        self.text += words

    def span(self, layer: str, label: str, words: str, **attrs) -> str:
        sid = self.doc.next_id(layer)
        start = len(self.text)
        self.text += words
        self.spans.append({"id": sid, "layer": layer, "label": label, "start": start, "end": start + len(words), "text": words, **attrs})
        return sid


class DocBuilder:
    PREFIX = {"EVENT": "E", "ACTOR": "A", "FIGURE": "F", "LOCATION": "L", "TIME": "T", "QUALITY": "Q"}

    def __init__(self, rng: random.Random, registry: list[dict], places: list[str], published: date):
        self.rng, self.registry, self.places, self.published = rng, registry, places, published
        self.counts: dict[str, int] = {}
        self.by_type: dict[str, list[dict]] = {}
        for entity in registry:
            self.by_type.setdefault(entity["type"], []).append(entity)

    def next_id(self, layer: str) -> str:
        self.counts[layer] = self.counts.get(layer, 0) + 1
        return f"{self.PREFIX[layer]}{self.counts[layer]}"

    def actor(self, p: Paragraph, *types: str) -> str:
        entity = self.rng.choice(self.by_type[self.rng.choice(types)])
        name = entity["name"]
        if name.startswith("the "):  # the article stays outside the span, capitalised at a sentence start
            p.say("The " if not p.text or p.text.endswith(". ") else "the ")
            name = name[4:]
        return p.span("ACTOR", entity["type"], name, mention="NAME", entity=entity["id"])

    def place(self, p: Paragraph) -> str:
        return p.span("LOCATION", "LOCATION", self.rng.choice(self.places))

    def when(self, p: Paragraph) -> str:
        day = self.published - timedelta(days=self.rng.randint(0, 6))
        return p.span("TIME", "TIME", f"{day.day} {MONTHS[day.month - 1]}", value=day.isoformat())

    def figure(self, p: Paragraph, label: str, unit: str, plural: str) -> str:
        n = self.rng.randint(2, 400)
        qualifier, lead = self.rng.choice([("EXACT", ""), ("AT_LEAST", "at least "), ("APPROXIMATE", "about "), ("AT_MOST", "up to ")])
        return p.span("FIGURE", label, f"{lead}{n} {plural}", value=n, qualifier=qualifier, unit=unit)

    def event(self, p: Paragraph, label: str, words: str, realis: str, args: list[tuple[str, str]]) -> str:
        """An event trigger; arguments that come later in the sentence are filled by ``link``."""
        return p.span("EVENT", label, words, realis=realis, arguments=[{"role": r, "ref": ref} for r, ref in args])

    # --- sentence templates: each writes one sentence with linked spans --------------------
    @staticmethod
    def link(p: Paragraph, event_id: str, args: list[tuple[str, str]]) -> None:
        """Fill an event's arguments once the spans they point to exist."""
        next(s for s in p.spans if s["id"] == event_id)["arguments"] = [{"role": r, "ref": ref} for r, ref in args]

    def s_attack(self, p: Paragraph) -> None:
        agent = self.actor(p, "MILITARY", "ARMED_GROUP")
        p.say(" ")
        attack = self.event(p, "ATTACK", self.rng.choice(["struck", "shelled", "raided"]), "ACTUAL", [])
        p.say(" positions near ")
        place = self.place(p)
        p.say(" on ")
        time = self.when(p)
        p.say(", ")
        kill = self.event(p, "KILLING", "killing", "ACTUAL", [])
        p.say(" ")
        victims = self.figure(p, "CASUALTIES", "person", "people")
        p.say(". ")
        self.link(p, attack, [("AGENT", agent), ("PLACE", place), ("TIME", time)])
        self.link(p, kill, [("QUANTITY", victims)])

    def s_fire(self, p: Paragraph) -> None:
        agent = self.actor(p, "ARMED_GROUP", "MILITARY")
        p.say(" ")
        attack = self.event(p, "ATTACK", "launched", "ACTUAL", [])
        p.say(" ")
        count = self.figure(p, "MUNITIONS", "rocket", "rockets")
        p.say(" at ")
        place = self.place(p)
        p.say(", and ")
        self.event(p, "INTERCEPTION", "interceptors", "ACTUAL", [])
        p.say(" brought most of them down. ")
        self.link(p, attack, [("AGENT", agent), ("QUANTITY", count), ("PLACE", place)])

    def s_meeting(self, p: Paragraph) -> None:
        host = self.actor(p, "PERSON")
        p.say(" ")
        realis, words = self.rng.choice([("ACTUAL", "met"), ("PLANNED", "will meet")])
        meeting = self.event(p, "MEETING", words, realis, [])
        p.say(" envoys of ")
        other = self.actor(p, "STATE", "ORGANIZATION")
        p.say(" in ")
        place = self.place(p)
        p.say(" to discuss a ")
        self.event(p, "AGREEMENT", "truce", "HYPOTHETICAL", [("PARTICIPANT", host), ("PARTICIPANT", other)])
        p.say(". ")
        self.link(p, meeting, [("AGENT", host), ("PARTICIPANT", other), ("PLACE", place)])

    def s_displacement(self, p: Paragraph) -> None:
        p.say("Officials said ")
        people = self.figure(p, "PEOPLE", "family", "families")
        p.say(" had ")
        flee = self.event(p, "DISPLACEMENT", "fled", "ACTUAL", [])
        p.say(" ")
        place = self.place(p)
        p.say(" within ")
        self.figure(p, "DURATION", "day", "days")
        p.say(". ")
        self.link(p, flee, [("QUANTITY", people), ("PLACE", place)])

    def s_threat(self, p: Paragraph) -> None:
        speaker = self.actor(p, "PERSON", "ARMED_GROUP")
        p.say(" ")
        vow = self.event(p, "THREAT", "warned", "ACTUAL", [])
        p.say(" that any ")
        strike = self.event(p, "ATTACK", "strike", "HYPOTHETICAL", [])
        p.say(" within ")
        self.figure(p, "DISTANCE", "kilometre", "kilometres")
        p.say(" of ")
        place = self.place(p)
        p.say(" would be answered. ")
        self.link(p, vow, [("AGENT", speaker)])
        self.link(p, strike, [("PLACE", place)])

    def s_denial(self, p: Paragraph) -> None:
        who = self.actor(p, "MILITARY", "STATE")
        p.say(" denied that its forces had ")
        ev = self.event(p, "WITHDRAWAL", "withdrawn", "NEGATED", [])
        p.say(" from ")
        place = self.place(p)
        p.say(", while ")
        civ = self.actor(p, "CIVILIANS", "GROUP")
        p.say(" reported ")
        hurt = self.event(p, "INJURY", "injuries", "ACTUAL", [])
        p.say(". ")
        self.link(p, ev, [("AGENT", who), ("PLACE", place)])
        self.link(p, hurt, [("VICTIM", civ)])

    def s_filler(self, p: Paragraph) -> None:
        p.say(self.rng.choice(["The account could not be independently verified. ", "Markets in the capital stayed open. ",
                               "Schools reopened after a short pause. ", "Aid convoys waited at the crossing for hours. "]))

    TEMPLATES = ("s_attack", "s_fire", "s_meeting", "s_displacement", "s_threat", "s_denial", "s_filler")

    def paragraph(self) -> Paragraph:
        p = Paragraph(self)
        for k in range(self.rng.randint(1, 3)):  # a filler never stands alone (it would be a repeated paragraph)
            getattr(self, self.rng.choice(self.TEMPLATES[:-1] if k == 0 else self.TEMPLATES))(p)
        p.text = p.text.rstrip()
        return p


def check_spans(text: str, spans: list[dict], registry: dict[str, dict]) -> None:
    """Every span matches the text, has no outer whitespace, every ref resolves to the right layer."""
    from newscorpus.annotate import scheme

    by_id = {s["id"]: s for s in spans}
    assert len(by_id) == len(spans), "duplicate span ids"
    for s in spans:
        covered = text[s["start"] : s["end"]]
        assert covered == s["text"] and covered == covered.strip() and covered, (s, covered)
        if s.get("layer") == "ACTOR":
            assert registry[s["entity"]]["type"] == s["label"], s
        for arg in s.get("arguments", []):
            assert by_id[arg["ref"]]["layer"] == scheme.ROLES[arg["role"]][1], (s, arg)


def make_document(i: int, rng: random.Random, registry: list[dict], places: list[str], published: date) -> tuple[str, str, str, list[dict], list[dict]]:
    """(doc title, raw text, clean text, spans, quality spans) for document ``i``."""
    builder = DocBuilder(rng, registry, places, published)
    title = f"{builder.rng.choice(places)} {rng.choice(['braces for', 'reports on', 'weighs'])} {rng.choice(['new clashes', 'talks', 'aid plans', 'a tense week'])} ({i})"
    body: list[Paragraph] = [Paragraph(builder, title)]
    quality: list[tuple[int, str]] = []
    for k in range(rng.randint(5, 9)):
        body.append(builder.paragraph())
        if rng.random() < 0.05:
            quality.append((len(body), rng.choice(GARBLED) + f" {k}."))
            body.append(Paragraph(builder, quality[-1][1]))
    spans, quality_spans, pos = [], [], 0
    garbled_at = {idx for idx, _ in quality}
    for idx, p in enumerate(body):
        for s in p.spans:
            spans.append(s | {"start": s["start"] + pos, "end": s["end"] + pos})
        if idx in garbled_at:
            quality_spans.append({"id": f"Q{len(quality_spans) + 1}", "label": "MT_GARBLED", "start": pos, "end": pos + len(p.text), "text": p.text})
        pos += len(p.text) + 1
    clean = "\n".join(p.text for p in body)
    # raw: the same paragraphs with page furniture, blank lines and stray spaces around them
    lines = [rng.choice(FURNITURE_TOP) for _ in range(rng.randint(2, 4))]
    for idx, p in enumerate(body):
        lines.append(p.text + (" " * rng.randint(0, 2)))
        lines.append("")
        if idx and rng.random() < 0.25:
            lines += [rng.choice(FURNITURE_MID), ""]
    lines += [rng.choice(FURNITURE_END) for _ in range(rng.randint(2, 4))]
    raw = "\n".join(lines) + "\n"
    return title, raw, clean, spans, quality_spans


@dataclass
class Synthetic:
    """One generated document: its manifest row, raw article, clean text and annotation."""

    row: dict
    raw: bytes
    clean: str
    annotation: dict


def world(docs: int, seed: int = 0) -> tuple[list[dict], list[str]]:
    """The invented registry and place names a corpus of ``docs`` documents draws from."""
    rng = random.Random(seed)
    registry = make_registry(rng, max(70, min(2000, docs // 20)))
    places = sorted({_name(rng, rng.choice((2, 3))) for _ in range(300)})
    return registry, places


def documents(docs: int, seed: int = 0, start: int = 0, stop: int | None = None):
    """Documents ``start``..``stop`` of the corpus of ``docs`` (each depends only on seed and index)."""
    from newscorpus.annotate import scheme

    registry, places = world(docs, seed)
    by_id = {e["id"]: e for e in registry}
    first_day = date(2031, 1, 1)
    for i in range(start, docs if stop is None else min(stop, docs)):
        published = first_day + timedelta(days=i * 3650 // max(docs, 1))
        title, raw, clean, spans, quality = make_document(i, random.Random(f"{seed}:{i}"), registry, places, published)
        check_spans(clean, spans + quality, by_id)
        doc_id = f"syn{i:07d}"
        data = raw.encode("utf-8")
        split = "train" if i < docs * 0.8 else "validation" if i < docs * 0.9 else "test"
        row = {"doc_id": doc_id, "raw_file": f"{doc_id}.txt", "raw_sha256": hashlib.sha256(data).hexdigest(), "title": title,
               "source": f"news{i % 7}.example", "published": published.isoformat(), "published_basis": "STATED",
               "published_reason": "", "language": "en", "split": split, "note": "synthetic"}
        annotation = {
            "schema_version": scheme.SCHEMA_VERSION,
            "doc_id": doc_id,
            "text_sha256": hashlib.sha256(clean.encode("utf-8")).hexdigest(),
            "annotators": [{"id": "synth", "kind": "program", "note": "benchmarks/synth.py"}],
            "spans": [s | {"origin": "model", "score": 1.0, "annotators": ["synth"]} for s in spans],
            "quality": [q | {"origin": "model", "score": 1.0} for q in quality],
        }
        yield Synthetic(row, data, clean, annotation)


def generate(out: Path, docs: int, seed: int = 0, *, check_clean: int = 20) -> Path:
    """Write a corpus of ``docs`` documents at ``out`` (refused if it already holds one)."""
    from newscorpus.annotate import scheme
    from newscorpus.annotate.schema import write_schemas
    from newscorpus.corpus.manifest import COLUMNS

    out = Path(out)
    if (out / "corpus" / "manifest.csv").exists():
        raise SystemExit(f"{out} already holds a corpus")
    raw_dir, ann_dir = out / "corpus" / "raw", out / "annotations"
    raw_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    manifest = io.StringIO()
    writer = csv.DictWriter(manifest, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    checks = []
    for doc in documents(docs, seed):
        doc_id = doc.row["doc_id"]
        (raw_dir / f"{doc_id}.txt").write_bytes(doc.raw)
        writer.writerow(doc.row)
        (ann_dir / f"{doc_id}.json").write_text(json.dumps(doc.annotation, ensure_ascii=False), encoding="utf-8")
        if len(checks) < check_clean:
            checks.append((raw_dir / f"{doc_id}.txt", doc.clean))
    (out / "corpus" / "manifest.csv").write_text(manifest.getvalue(), encoding="utf-8")
    registry, _ = world(docs, seed)
    (ann_dir / "entities.json").write_text(json.dumps({"schema_version": scheme.SCHEMA_VERSION, "entities": registry}, indent=1), encoding="utf-8")
    write_schemas(out / "schema")
    (out / "datacard.md").write_text(DATACARD, encoding="utf-8")
    (out / "release.toml").write_text(RELEASE, encoding="utf-8")
    if checks:
        from newscorpus.clean import clean_file, load_rules
        from newscorpus.corpus.project import DEFAULT_CLEANING_RULES

        rules = load_rules(DEFAULT_CLEANING_RULES)
        for path, expected in checks:
            got = clean_file(path, rules).text
            if got != expected:
                raise SystemExit(f"{path}: the cleaner keeps different text than the generator predicted")
    return out


RELEASE = """# A synthetic corpus for benchmarks (benchmarks/synth.py)
name = "newscorpus-synthetic"
pretty_name = "Synthetic newscorpus benchmark corpus"
description = "Invented scraped-style articles with generated span annotations, for speed and scale measurements only."
version = "0.0.0"
languages = ["en"]
tags = ["synthetic", "benchmark"]
homepage = ""
hub_repo_id = ""
curators = "benchmarks/synth.py"
date_published = ""
citation = ""

[license]
id = "cc0-1.0"
url = "https://creativecommons.org/publicdomain/zero/1.0/"

[splits]
validation = 0.1
test = 0.1
"""

DATACARD = """# Synthetic newscorpus benchmark corpus

Release: {{release}}; newscorpus {{version}}.

Generated by `benchmarks/synth.py` (invented places, people and groups): for speed and scale
measurements only, not for training.

## Statistics

{{statistics}}

Tokens-config policy:

{{tokens_policy}}

{{plots}}

## Examples

{{examples}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check-clean", type=int, default=20, help="run the real cleaner on this many documents to check the prediction")
    args = parser.parse_args()
    generate(args.out, args.docs, args.seed, check_clean=args.check_clean)
    print(f"wrote {args.docs} documents to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
