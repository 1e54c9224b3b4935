#!/usr/bin/env python3
"""Print gold/A/vNN.json as one line per span, for human review: python3 src/render.py [vNN ...]

Why: reviewing spans next to their text and arguments is easier than reading the JSON."""
import json, sys
from pathlib import Path

U = Path(__file__).resolve().parent.parent


def render(doc):
    g = json.loads((U / "gold" / "A" / f"{doc}.json").read_text(encoding="utf-8"))
    byid = {s["id"]: s for s in g["spans"]}
    print(f"== {doc} published={g['published']} ({g['published_basis']}) boilerplate={len(g['boilerplate'])}")
    for s in g["spans"]:
        extra = {"ACTOR": lambda: f"{s['mention']} {s['entity']}",
                 "EVENT": lambda: s["realis"] + " " + " ".join(f"{a['role']}={byid[a['span']]['text']!r}"
                                                                for a in s["arguments"]),
                 "FIGURE": lambda: f"{s['value']} {s['qualifier']} {s['unit']}"
                                   + (f" max={s['value_max']}" if "value_max" in s else "")
                                   + (" approx" if s.get("approximate") else ""),
                 "LOCATION": lambda: "", "TIME": lambda: str(s["value"])}[s["layer"]]()
        print(f"{s['id']:>4} {s['start']:>5} {s['label']:<12} {s['text']!r:<40} {extra}")


if __name__ == "__main__":
    for d in sys.argv[1:] or sorted(p.stem for p in (U / "gold" / "A").glob("v*.json")):
        render(d)
