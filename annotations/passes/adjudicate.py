"""Adjudication of the two independent passes (a/, b/) into the gold files annotations/*.json.

Pass A is the base; every disagreement listed by
`newscorpus agreement annotations/passes/a annotations/passes/b --diff` was decided below
(anything not listed here was decided for pass A). Run from the repository root:
    .venv/bin/python annotations/passes/adjudicate.py
"""

import json
from pathlib import Path

PASSES = Path("annotations/passes")
OUT = Path("annotations")
DOCS = ["000_3bb1601c3ebb1da9", "001_f223456a580e97a0", "002_b239d6d9a59df4e2", "003_0bebbda2a36ce2d2", "004_55396772dfa231c4"]

# Cross-document entity ids: one id per real-world actor.
RENAMES = {
    "telegraph": "the_telegraph",  # canonical name is "The Telegraph"; both passes used the name "Telegraph" for the span
    "hashed_al_shaabi": "popular_mobilization_forces",  # canonical English name; Hashed al-Shaabi is its variant
    "agence_france_presse": "afp",  # AFP is Agence France-Presse
}

# (doc, decision, args). Keys are (layer, start, end) offsets in the clean text.
DECISIONS = [
    ("000", "realis", (("EVENT", 573, 584), "HYPOTHETICAL")),  # 'talk of ... threatening': possible, not announced
    ("000", "add_span_from_b", ("ACTOR", 1461, 1481)),  # 'main fighting forces': appositive after 'Aziz Force' is a NOMINAL
    ("000", "drop_arg", (("EVENT", 1232, 1238), "QUANTITY", ("FIGURE", 1246, 1272))),  # the duration measures the conflict, not the killing
    ("000", "add_arg_from_b", (("EVENT", 2241, 2255), "TIME", ("TIME", 2290, 2300))),  # 'assassinations ... Last month'
    ("000", "label", (("ACTOR", 4497, 4505), "GROUP")),  # hostages are not all civilians: GROUP
    ("001", "replace_span_from_b", (("TIME", 2832, 2850), ("TIME", 2843, 2850))),  # 'Earlier on Tuesday' -> 'Tuesday'
    ("001", "drop_arg", (("EVENT", 2887, 2894), "TIME", ("TIME", 2843, 2850))),  # the Tuesday dates the confirmation, not the killing
    ("002", "label", (("ACTOR", 423, 438), "ARMED_GROUP")),  # 'martyr brothers': Hamas members killed with al-Arouri
    ("002", "add_arg_from_b", (("EVENT", 1758, 1766), "PARTICIPANT", ("ACTOR", 1693, 1718))),  # officials seeking the solution
    ("002", "add_arg_from_b", (("EVENT", 2297, 2305), "AGENT", ("ACTOR", 2315, 2329))),  # 'Hezbollah militants ... withdraw'
    ("003", "add_arg_from_b", (("EVENT", 423, 434), "AGENT", ("ACTOR", 258, 275))),  # retaliation discussed by Iranian officials
    ("003", "add_arg_from_b", (("EVENT", 423, 434), "AGENT", ("ACTOR", 329, 347))),  # ... and the Axis representatives
    ("004", "label", (("ACTOR", 390, 404), "ARMED_GROUP")),  # 'top commanders' of Hezbollah
    ("004", "add_span_from_b", ("EVENT", 2497, 2504)),  # 'was briefed by ... mediators': a MEETING
    # Independent review of the adjudicated files (both passes had made these misses):
    ("001", "add_span", {"layer": "ACTOR", "label": "ARMED_GROUP", "start": 2706, "end": 2716, "mention": "NOMINAL", "entity": "d001_hezbollah_commanders"}),  # 'one of its commanders'
    ("000", "extent", (("ACTOR", 4566, 4575), 4570)),  # 'two sides' -> 'sides': the number belongs to the FIGURE
    ("000", "event", (("EVENT", 5082, 5092), "ATTACK", "PLANNED", {"VICTIM": "TARGET"})),  # 'until Hamas is eliminated' = 004 'wiped out'
    # Review against independent annotations (issue 12):
    ("001", "extent_end", (("FIGURE", 2986, 2999), 2993)),  # 'several “acts' stopped inside a quotation -> 'several' (guideline 23)
]

EXTRA_ENTITIES = {
    "d001_hezbollah_commanders": {"id": "d001_hezbollah_commanders", "name": "Hezbollah commanders (001)", "type": "ARMED_GROUP", "variants": []},
}


def key(span):
    return (span["layer"], span["start"], span["end"])


def load(pass_name, doc_id):
    return json.loads((PASSES / pass_name / f"{doc_id}.json").read_text(encoding="utf-8"))


def registry(pass_name):
    data = json.loads((PASSES / pass_name / "entities.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["entities"]}


def next_id(spans, prefix):
    numbers = [int(s["id"][1:]) for s in spans if s["id"][0] == prefix and s["id"][1:].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def main():
    reg_a, reg_b = registry("a"), registry("b")
    entities = {}
    label_changes = {}
    for doc_id in DOCS:
        a, b = load("a", doc_id), load("b", doc_id)
        spans = a["spans"]
        by_key = {key(s): s for s in spans}
        b_by_key = {key(s): s for s in b["spans"]}
        b_by_id = {s["id"]: s for s in b["spans"]}
        for doc, decision, args in DECISIONS:
            if not doc_id.startswith(doc):
                continue
            if decision == "realis":
                by_key[args[0]]["realis"] = args[1]
            elif decision == "add_span":
                prefix = {"ACTOR": "A", "EVENT": "E", "FIGURE": "F", "LOCATION": "L", "TIME": "T"}[args["layer"]]
                text = Path("corpus/clean", f"{doc_id}.txt").read_text(encoding="utf-8")
                new = {"id": next_id(spans, prefix), **args, "text": text[args["start"] : args["end"]]}
                if new.get("entity") in EXTRA_ENTITIES:
                    reg_a[new["entity"]] = EXTRA_ENTITIES[new["entity"]]
                spans.append(new)
                by_key[key(new)] = new
            elif decision == "extent":
                span = by_key.pop(args[0])
                text = Path("corpus/clean", f"{doc_id}.txt").read_text(encoding="utf-8")
                span["start"] = args[1]
                span["text"] = text[span["start"] : span["end"]]
                by_key[key(span)] = span
            elif decision == "extent_end":
                span = by_key.pop(args[0])
                text = Path("corpus/clean", f"{doc_id}.txt").read_text(encoding="utf-8")
                span["end"] = args[1]
                span["text"] = text[span["start"] : span["end"]]
                by_key[key(span)] = span
            elif decision == "event":
                span = by_key[args[0]]
                span["label"], span["realis"] = args[1], args[2]
                span["arguments"] = [dict(x, role=args[3].get(x["role"], x["role"])) for x in span["arguments"]]
            elif decision == "label":
                span = by_key[args[0]]
                span["label"] = args[1]
                label_changes[span["entity"]] = args[1]
            elif decision == "drop_arg":
                event, role, target = args
                ref = by_key[target]["id"]
                event = by_key[event]
                event["arguments"] = [x for x in event["arguments"] if not (x["role"] == role and x["ref"] == ref)]
            elif decision == "add_arg_from_b":
                event, role, target = args
                by_key[event]["arguments"].append({"role": role, "ref": by_key[target]["id"]})
            elif decision in ("add_span_from_b", "replace_span_from_b"):
                if decision == "replace_span_from_b":
                    old, new = args
                    old_span = by_key.pop(old)
                    spans.remove(old_span)
                    taken = dict(b_by_key[new], id=old_span["id"])
                    for s in spans:
                        for x in s.get("arguments", []):
                            if x["ref"] == old_span["id"]:
                                x["ref"] = taken["id"]
                else:
                    new = args
                    taken = dict(b_by_key[new], id=next_id(spans, new[0][0]))
                    if "arguments" in taken:
                        taken["arguments"] = [{"role": x["role"], "ref": by_key[key(b_by_id[x["ref"]])]["id"]} for x in taken["arguments"]]
                    if taken.get("entity") and taken["entity"] not in reg_a:
                        reg_a[taken["entity"]] = reg_b[taken["entity"]]
                spans.append(taken)
                by_key[key(taken)] = taken
        labelled = {name: {(s["layer"], s["start"], s["end"], s["label"]) for s in load(name, doc_id)["spans"]} for name in ("a", "b")}
        for span in spans:
            if span["layer"] == "EVENT" and span["label"] == "CONFLICT":
                # Decision: the sides of a CONFLICT are its AGENTs (PARTICIPANT is for meetings, negotiations, agreements).
                span["arguments"] = [dict(x, role="AGENT") if x["role"] == "PARTICIPANT" else x for x in span["arguments"]]
            if span.get("arguments"):
                seen, args = set(), []
                for x in span["arguments"]:
                    if (x["role"], x["ref"]) not in seen:
                        seen.add((x["role"], x["ref"]))
                        args.append(x)
                span["arguments"] = args
            if span.get("entity"):
                span["entity"] = RENAMES.get(span["entity"], span["entity"])
            span_key = (span["layer"], span["start"], span["end"], span["label"])
            span["origin"] = "adjudicated"
            span["annotators"] = [f"pass_{name}" for name in ("a", "b") if span_key in labelled[name]] + ["adjudicator"]
        for q in a.get("quality", []):
            q["origin"] = "adjudicated"
            q["annotators"] = ["pass_a", "pass_b", "adjudicator"]
        spans.sort(key=lambda s: (s["start"], -s["end"], s["layer"], s["id"]))
        gold = {
            "schema_version": a["schema_version"],
            "doc_id": doc_id,
            "text_sha256": a["text_sha256"],
            "annotators": [
                {"id": "pass_a", "kind": "llm", "note": "independent annotation pass A (LLM agent working from GUIDELINES.md)"},
                {"id": "pass_b", "kind": "llm", "note": "independent annotation pass B (LLM agent working from GUIDELINES.md)"},
                {"id": "adjudicator", "kind": "llm", "note": "adjudication of every A/B disagreement (annotations/passes/adjudicate.py)"},
            ],
            "spans": spans,
            "quality": a.get("quality", []),
        }
        (OUT / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for span in spans:
            if span["layer"] == "ACTOR":
                entities.setdefault(span["entity"], set())
                if span["mention"] == "NAME":
                    entities[span["entity"]].add(span["text"])
    out = []
    inverse = {new: old for old, new in RENAMES.items()}
    for entity_id in sorted(entities):
        source = reg_a.get(entity_id) or reg_a.get(inverse.get(entity_id, "")) or reg_b[entity_id]
        entry = {"id": entity_id, "name": source["name"], "type": label_changes.get(entity_id, source["type"]), "variants": sorted(entities[entity_id])}
        if entity_id == "afp":
            entry["name"] = "Agence France-Presse"
        if entity_id == "popular_mobilization_forces":
            entry["name"] = "Popular Mobilization Forces"
        if entity_id == "the_telegraph":
            entry["name"] = "The Telegraph"
        if source.get("note"):
            entry["note"] = source["note"]
        out.append(entry)
    (OUT / "entities.json").write_text(json.dumps({"schema_version": "1.0.0", "entities": out}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
