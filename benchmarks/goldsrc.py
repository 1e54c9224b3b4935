#!/usr/bin/env python3
"""Build a gold set's raw/NAME.txt and gold/A/NAME.json from src/NAME.txt + src/NAME.ann:

    python3 benchmarks/goldsrc.py --set benchmarks/unseen2 [--annotator B] [NAME ...]   (default: every src/*.txt)

One builder for every hand-written gold set (benchmarks/unseen, benchmarks/unseen2).

Why: offsets are never typed by hand. Each span is found by a forward search (from the previous
span's start) for its text, optionally with context written around it as `left {span} right`.

src/NAME.txt is the LF page text; a line starting with "§ " is furniture (the marker is dropped and
the stripped line is recorded in `boilerplate`; a leading U+FEFF before the marker is kept as the
raw file's BOM). src/NAME.ann holds `@key value` metadata
(`@published`, `@basis`, `@reason`, `@eol CRLF`) and one span per line. A second, independent
annotator X writes src/NAME.X.ann (same syntax), built with `--annotator X` into gold/X/NAME.json:
  a1 ARMED_GROUP NAME hezbollah | Hezbollah
  e1 ATTACK ACTUAL AGENT=a1 PLACE=l1 | drone strike
  f1 CASUALTIES 3 EXACT civilian [approx] [max=80] | three civilians
  l1 | southern Lebanon
  t1 2024-10-04 | Thursday          (or `t1 null | ...`)
"""
import json, re, sys
from pathlib import Path

LAYER = {"a": "ACTOR", "e": "EVENT", "f": "FIGURE", "l": "LOCATION", "t": "TIME"}


def find(raw, spec, cursor, where):
    m = re.fullmatch(r"(.*?)\{(.+?)\}(.*)", spec)
    left, text, right = (m.group(1), m.group(2), m.group(3)) if m else ("", spec, "")
    pat = re.escape(left) + "(" + re.escape(text) + ")" + re.escape(right)
    full = left + text + right
    if full[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if full[-1:].isalnum():
        pat += r"(?!\w)"
    hit = re.compile(pat).search(raw, cursor)
    if not hit:
        sys.exit(f"{where}: {spec!r} not found after offset {cursor}")
    return hit.start(1), hit.end(1), text


def build(U: Path, doc: str, annotator: str = "A"):
    src = (U / "src" / f"{doc}.txt").read_text(encoding="utf-8")
    ann = U / "src" / (f"{doc}.ann" if annotator == "A" else f"{doc}.{annotator}.ann")
    meta, rows = {}, []
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            k, _, v = line[1:].partition(" ")
            meta[k] = v.strip()
            continue
        head, sep, spec = line.partition(" | ")
        if not sep:
            sys.exit(f"{ann.relative_to(U)}:{n}: no ' | ' separator")
        rows.append((n, head.split(), spec.strip()))
    boiler, out_lines = [], []
    for line in src.split("\n"):
        bom = "\ufeff" if line.startswith("\ufeff") else ""
        if line[len(bom):].startswith("§ "):
            line = bom + line[len(bom) + 2:]
            boiler.append(line.strip(" \r\ufeff\t\u00a0"))
        out_lines.append(line)
    raw = ("\r\n" if meta.get("eol") == "CRLF" else "\n").join(out_lines)
    spans, cursor = [], 0
    for n, head, spec in rows:
        sid, where = head[0], f"{ann.relative_to(U)}:{n}"
        layer = LAYER[sid[0]]
        st, en, text = find(raw, spec, cursor, where)
        cursor = st
        ls = raw.rfind("\n", 0, st) + 1
        le = raw.find("\n", en)
        le = len(raw) if le < 0 else le
        ctx = raw[max(ls, st - 50):min(le, en + 50)].rstrip("\r")
        s = {"id": sid, "layer": layer}
        if layer == "ACTOR":
            s.update(label=head[1], start=st, end=en, text=text, context=ctx, mention=head[2], entity=head[3])
        elif layer == "EVENT":
            args = []
            for a in head[3:]:
                role, _, tgt = a.partition("=")
                for t in tgt.split(","):
                    args.append({"role": role, "span": t})
            s.update(label=head[1], start=st, end=en, text=text, context=ctx, realis=head[2], arguments=args)
        elif layer == "FIGURE":
            v = float(head[2]) if "." in head[2] else int(head[2])
            s.update(label=head[1], start=st, end=en, text=text, context=ctx, value=v, qualifier=head[3],
                     unit=head[4])
            for extra in head[5:]:
                if extra == "approx":
                    s["approximate"] = True
                elif extra.startswith("max="):
                    s["value_max"] = int(extra[4:])
                else:
                    sys.exit(f"{where}: unknown figure attribute {extra}")
        elif layer == "LOCATION":
            s.update(label="LOCATION", start=st, end=en, text=text, context=ctx)
        else:
            s.update(label="TIME", start=st, end=en, text=text, context=ctx,
                     value=None if head[1] == "null" else head[1])
        spans.append(s)
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    gold = {"doc": doc, "published": meta.get("published") or None,
            "published_basis": meta.get("basis") or None, "published_reason": meta.get("reason", ""),
            "boilerplate": boiler, "garbled": [], "spans": spans}
    (U / "raw" / f"{doc}.txt").write_bytes(raw.encode("utf-8"))
    (U / "gold" / annotator).mkdir(parents=True, exist_ok=True)
    (U / "gold" / annotator / f"{doc}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "--set":
        sys.exit(__doc__)
    root, rest, annotator = Path(args[1]), args[2:], "A"
    if rest[:1] == ["--annotator"]:
        if len(rest) < 2:
            sys.exit(__doc__)
        annotator, rest = rest[1], rest[2:]
    for d in rest or sorted(p.stem for p in (root / "src").glob("*.txt")):
        build(root, d, annotator)
