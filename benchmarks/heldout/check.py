#!/usr/bin/env python3
"""Checker for a one-annotator gold set (benchmarks/heldout, benchmarks/unseen):

    python3 benchmarks/heldout/check.py [--set DIR] [--lint] [docs...]

DIR defaults to this folder (the held-out set); `--set benchmarks/unseen` checks the blind set.

Verifies, for every gold/A/NAME.json against raw/NAME.txt (decoded as path.read_bytes().decode('utf-8')):
  - top-level keys and document metadata (published / basis / reason);
  - boilerplate entries are whole raw lines (stripped of spaces, CR and BOM); garbled sentences occur in raw;
  - every span: unique id, id prefix matches layer, layer/label/attributes are in the scheme,
    text == raw[start:end], context occurs in raw and contains the text, no span inside a boilerplate line;
  - EVENT arguments: roles in the scheme, targets resolve, target layer fits the role;
  - ACTOR spans may nest but never cross; no duplicate (layer, start, end);
  - TIME values are null or ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www);
  - body word count (title and furniture excluded) is 300-450.
--lint additionally lists uncovered numbers, capitalised words and common actor nouns for human review."""
import json, re, sys, datetime
from pathlib import Path

H = Path(__file__).resolve().parent
LABELS = {
    "EVENT": {"ATTACK", "KILLING", "INJURY", "CONFLICT", "INTERCEPTION", "DISPLACEMENT", "MEETING",
              "NEGOTIATION", "AGREEMENT", "THREAT", "WITHDRAWAL", "RELEASE"},
    "ACTOR": {"PERSON", "ARMED_GROUP", "MILITARY", "STATE", "ORGANIZATION", "CIVILIANS", "GROUP"},
    "FIGURE": {"CASUALTIES", "MUNITIONS", "PEOPLE", "DISTANCE", "DURATION", "OTHER"},
    "LOCATION": {"LOCATION"},
    "TIME": {"TIME"},
}
PREFIX = {"EVENT": "e", "ACTOR": "a", "FIGURE": "f", "LOCATION": "l", "TIME": "t"}
REALIS = {"ACTUAL", "PLANNED", "HYPOTHETICAL", "NEGATED", "GENERIC"}
ROLES = {"AGENT": "ACTOR", "TARGET": "ACTOR", "VICTIM": "ACTOR", "PARTICIPANT": "ACTOR",
         "QUANTITY": "FIGURE", "PLACE": "LOCATION", "TIME": "TIME"}
QUAL = {"EXACT", "AT_LEAST", "AT_MOST", "APPROXIMATE"}
MENTION = {"NAME", "NOMINAL"}
TOP = {"doc", "published", "published_basis", "published_reason", "boilerplate", "garbled", "spans"}
COMMON = {"id", "layer", "label", "text", "context", "start", "end"}
EXTRA = {"ACTOR": {"mention", "entity"}, "EVENT": {"realis", "arguments"},
         "FIGURE": {"value", "qualifier", "unit"}, "LOCATION": set(), "TIME": {"value"}}
OPTIONAL = {"FIGURE": {"approximate", "value_max"}}
TIME_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W(0[1-9]|[1-4]\d|5[0-3]))?$")


def bp_ranges(raw, bp):
    """Raw [start,end) ranges of boilerplate lines: for an entry listed m times whose line occurs k times,
    the last m occurrences are furniture (a repeated title keeps its first copy)."""
    lines, pos = [], 0
    for seg in raw.split("\n"):
        lines.append((pos, pos + len(seg), seg.strip(" \r\ufeff\t\u00a0")))
        pos += len(seg) + 1
    want, errs, out = {}, [], []
    for b in bp:
        want[b] = want.get(b, 0) + 1
    for b, m in want.items():
        occ = [(s, e) for s, e, t in lines if t == b]
        if len(occ) < m:
            errs.append(f"boilerplate entry not a raw line (or listed too often): {b!r}")
        out += occ[len(occ) - m:] if occ else []
    return out, errs, lines


def check(doc, lint=False):
    errs, warns = [], []
    raw = (H / "raw" / f"{doc}.txt").read_bytes().decode("utf-8")
    g = json.loads((H / "gold" / "A" / f"{doc}.json").read_text(encoding="utf-8"))
    if set(g) != TOP:
        errs.append(f"top-level keys {sorted(g)}")
    if g.get("doc") != doc:
        errs.append("doc id mismatch")
    pub, basis = g.get("published"), g.get("published_basis")
    if pub is not None:
        try:
            datetime.date.fromisoformat(pub)
        except Exception:
            errs.append(f"published not ISO date: {pub}")
        if basis not in ("STATED", "INFERRED"):
            errs.append("published set but basis not STATED/INFERRED")
    elif basis is not None:
        errs.append("basis set but published null")
    if not isinstance(g.get("published_reason"), str) or not g["published_reason"]:
        errs.append("published_reason missing")
    ranges, e2, lines = bp_ranges(raw, g.get("boilerplate", []))
    errs += e2
    for s in g.get("garbled", []):
        if s not in raw:
            errs.append(f"garbled sentence not in raw: {s!r}")
    spans = g.get("spans", [])
    ids = {}
    for s in spans:
        sid = s.get("id")
        if sid in ids:
            errs.append(f"duplicate id {sid}")
        ids[sid] = s
    seen = set()
    prev = -1
    for s in spans:
        sid, layer = s.get("id"), s.get("layer")
        if layer not in LABELS:
            errs.append(f"{sid}: bad layer {layer}"); continue
        if not re.fullmatch(PREFIX[layer] + r"\d+", str(sid)):
            errs.append(f"{sid}: id prefix does not match layer {layer}")
        if s.get("label") not in LABELS[layer]:
            errs.append(f"{sid}: label {s.get('label')} not in {layer}")
        keys = set(s)
        need = COMMON | EXTRA[layer]
        if not need <= keys:
            errs.append(f"{sid}: missing {sorted(need - keys)}")
        if keys - need - OPTIONAL.get(layer, set()):
            errs.append(f"{sid}: unexpected keys {sorted(keys - need - OPTIONAL.get(layer, set()))}")
        st, en, tx = s.get("start"), s.get("end"), s.get("text")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(raw)):
            errs.append(f"{sid}: bad offsets {st},{en}"); continue
        if raw[st:en] != tx:
            errs.append(f"{sid}: text {tx!r} != raw[{st}:{en}] {raw[st:en]!r}")
        if tx != tx.strip():
            errs.append(f"{sid}: leading/trailing whitespace")
        ctx = s.get("context", "")
        if not ctx or ctx not in raw or tx not in ctx:
            errs.append(f"{sid}: context {ctx!r} not in raw or does not contain text")
        for a, b in ranges:
            if st < b and a < en:
                errs.append(f"{sid}: span {tx!r} lies in a boilerplate line")
        if (layer, st, en) in seen:
            errs.append(f"{sid}: duplicate {layer} span {tx!r}")
        seen.add((layer, st, en))
        if st < prev:
            warns.append(f"{sid}: spans not sorted by start")
        prev = st
        if layer == "ACTOR":
            if s.get("mention") not in MENTION:
                errs.append(f"{sid}: mention {s.get('mention')}")
            if not re.fullmatch(r"[a-z0-9_]+", str(s.get("entity"))):
                errs.append(f"{sid}: entity id {s.get('entity')!r}")
            if s.get("mention") == "NAME" and (re.match(r"(?i)(the|a|an|mr|ms|mrs|dr)\b", tx) or tx.endswith(("'s", "’s"))):
                errs.append(f"{sid}: NAME with determiner/title/possessive: {tx!r}")
            if s.get("mention") == "NOMINAL" and re.match(r"(?i)(the|a|an|his|her|its|their|my|our)\s", tx):
                errs.append(f"{sid}: NOMINAL starts with a determiner: {tx!r}")
        if layer == "EVENT":
            if s.get("realis") not in REALIS:
                errs.append(f"{sid}: realis {s.get('realis')}")
            args = s.get("arguments")
            if not isinstance(args, list):
                errs.append(f"{sid}: arguments not a list"); args = []
            for a in args:
                r, t = a.get("role"), a.get("span")
                if set(a) != {"role", "span"}:
                    errs.append(f"{sid}: argument keys {sorted(a)}")
                if r not in ROLES:
                    errs.append(f"{sid}: role {r}")
                elif t not in ids:
                    errs.append(f"{sid}: argument target {t} does not resolve")
                elif ids[t].get("layer") != ROLES[r]:
                    errs.append(f"{sid}: role {r} points to {ids[t].get('layer')} {t}")
                if t == sid:
                    errs.append(f"{sid}: self argument")
        if layer == "FIGURE":
            v = s.get("value")
            if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0:
                errs.append(f"{sid}: value {v!r}")
            if s.get("qualifier") not in QUAL:
                errs.append(f"{sid}: qualifier {s.get('qualifier')}")
            if not isinstance(s.get("unit"), str) or not s["unit"]:
                errs.append(f"{sid}: unit {s.get('unit')!r}")
            if "approximate" in s and (s["approximate"] is not True or s.get("qualifier") != "APPROXIMATE"):
                errs.append(f"{sid}: approximate flag inconsistent")
            if "value_max" in s and not (isinstance(s["value_max"], (int, float)) and s["value_max"] > v):
                errs.append(f"{sid}: value_max must exceed value")
        if layer == "TIME":
            v = s.get("value")
            if v is not None and not (isinstance(v, str) and TIME_RE.match(v)):
                errs.append(f"{sid}: TIME value {v!r} not ISO 8601")
    # actors nest, never cross
    acts = sorted([s for s in spans if s.get("layer") == "ACTOR"], key=lambda s: (s["start"], -s["end"]))
    for i, a in enumerate(acts):
        for b in acts[i + 1:]:
            if b["start"] >= a["end"]:
                break
            if b["end"] > a["end"]:
                errs.append(f"ACTOR spans cross: {a['id']} {a['text']!r} / {b['id']} {b['text']!r}")
    # body words
    inbp = lambda s, e: any(a <= s and e <= b for a, b in ranges)
    body = [t for s, e, t in lines if t and not inbp(s, e)]
    title, words = (body[0] if body else ""), sum(len(t.split()) for t in body[1:])
    if not 300 <= words <= 450:
        errs.append(f"body words {words} outside 300-450")
    eol = "CRLF" if "\r\n" in raw else "LF"
    if eol == "CRLF" and re.search(r"(?<!\r)\n", raw):
        warns.append("mixed line endings")
    counts = {}
    for s in spans:
        counts[s["layer"]] = counts.get(s["layer"], 0) + 1
    print(f"{doc}: {len(spans)} spans {dict(sorted(counts.items()))}, body words {words}, {eol}, "
          f"published {pub} ({basis}) -> {'OK' if not errs else str(len(errs)) + ' ERRORS'}")
    for e in errs:
        print("  ERROR", e)
    for w in warns:
        print("  warn", w)
    if lint:
        cov = [(s["start"], s["end"], s["layer"]) for s in spans]
        def covered(a, b, layers=None):
            return any(s <= a and b <= e and (layers is None or l in layers) for s, e, l in cov)
        pats = [(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|dozens?|several|half)\b", {"FIGURE", "TIME"}, "number"),
                (r"\b[A-Z][a-zá-ú]+(?:[ -][A-Z][a-zá-ú]+)*\b", None, "Capitalised"),
                (r"(?i)\b(officials?|residents?|troops|soldiers?|police|army|military|forces?|spokes(?:man|woman|person)|fighters?|militants?|gunmen|insurgents?|civilians?|people|families|workers|government|ministry|sources|analysts|diplomats|group|groups|sides?|authorities|commanders?|officers?|members|leaders|owners|agencies|children|women|men|man)\b", {"ACTOR"}, "actor-noun"),
                (r"(?i)\b(attack\w*|strikes?|struck|shell\w*|fired|fire|kill\w*|dead|deaths?|wound\w*|injur\w*|fight\w*|clash\w*|war|fled|flee|displaced|talks|met|meet\w*|ceasefire|truce|deal|agree\w*|vow\w*|threat\w*|withdr\w*|pull\w* back|releas\w*|ambush\w*|raid\w*|barrage|explosions?|evacuat\w*|hit|offensive|violence|insurgency|escalation)\b", {"EVENT"}, "event-word")]
        for p, layers, name in pats:
            for m in re.finditer(p, raw):
                if inbp(m.start(), m.end()):
                    continue
                if not covered(m.start(), m.end(), layers):
                    line = raw[max(0, m.start() - 30):m.end() + 30].replace("\n", " ").replace("\r", "")
                    print(f"  lint {name}: {m.group(0)!r} ... {line!r}")
    return not errs


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--set" in args:
        at = args.index("--set")
        H = Path(args[at + 1]).resolve()
        del args[at:at + 2]
    lint = "--lint" in args
    docs = [a for a in args if not a.startswith("--")] or sorted(p.stem for p in (H / "raw").glob("*.txt"))
    ok = all([check(d, lint) for d in docs])
    sys.exit(0 if ok else 1)
