"""The adjudication round of a team session: each disagreement in front of an adjudicator.

``merge_versions`` lays the annotators' versions of a document on top of each other: a span
every annotator made identically (layer, label, offsets, attributes, note, and for events the
same arguments) appears once, pre-accepted; a span not everyone made appears as each annotator
made it, with who proposed it in the region's meta (and each version is also a prediction of
its own, to look at on its own). The adjudicator deletes what is wrong, fixes what needs fixing
and submits. ``resolve`` turns the submission into the decided document: spans keep who
proposed them in ``annotators`` (plus the adjudicator), decided disagreements get origin
``adjudicated``, and the report says who said what and what was kept or dropped. A task where
two conflicting versions of one stretch of text are both still there is left out: it is not
decided yet.
"""

from __future__ import annotations

import re
from typing import Any

from newscorpus.errors import Problem
from .config import ADJUDICATION_KEY, ID_PREFIX, QUALITY
from .convert import Converted, _editable, docs_to_tasks

MODEL_VERSION = "adjudication"  # the prediction the adjudicator starts from


def _layer(span: dict, key: str) -> str:
    return span.get("layer", QUALITY) if key == "spans" else QUALITY


def merge_versions(versions: dict[str, dict]) -> tuple[dict, dict]:
    """(merged document, adjudication info) from {annotator id: document} of one doc_id.

    The info is ``{"versions": [ids], "proposed_by": {merged span id: [ids]}}``; it travels with
    the task so the pull knows who said what.
    """
    order = sorted(versions)
    merged: dict[str, list[dict]] = {"spans": [], "quality": []}
    key_to_id: dict[tuple, str] = {}
    proposed: dict[str, list[str]] = {}
    used: set[str] = set()
    counters: dict[str, int] = {}
    for doc in versions.values():
        for key in ("spans", "quality"):
            for span in doc.get(key) or []:
                m = re.fullmatch(r"([A-Za-z]+)(\d+)", span["id"])
                if m:
                    counters[m[1]] = max(counters.get(m[1], 0), int(m[2]))

    def new_id(span: dict, layer: str) -> str:
        if span["id"] not in used:
            return span["id"]
        prefix = ID_PREFIX[layer]
        counters[prefix] = counters.get(prefix, 0) + 1
        return f"{prefix}{counters[prefix]}"

    for who in order:
        doc = versions[who]
        id_map: dict[str, str] = {}
        matched: set[str] = set()
        items = [(key, span) for key in ("spans", "quality") for span in doc.get(key) or []]
        # events last: their arguments are compared through the ids their arguments were mapped to
        for key, span in sorted(items, key=lambda ks: _layer(ks[1], ks[0]) == "EVENT"):
            layer = _layer(span, key)
            mapped = dict(span)
            if layer == "EVENT":
                mapped["arguments"] = [{"role": a["role"], "ref": id_map.get(a["ref"], a["ref"])} for a in span.get("arguments") or []]
            content = (key, layer, _editable(mapped, layer))
            sid = key_to_id.get(content)
            if sid is not None and sid not in matched:
                proposed[sid].append(who)
                target = next(s for s in merged[key] if s["id"] == sid)
                target["annotators"] = list(dict.fromkeys([*target.get("annotators", []), *(span.get("annotators") or [])]))
            else:
                sid = new_id(span, layer)
                used.add(sid)
                mapped["id"] = sid
                for field in ("reviewed_by", "reviewed_at"):
                    mapped.pop(field, None)
                merged[key].append(mapped)
                key_to_id.setdefault(content, sid)
                proposed[sid] = [who]
            matched.add(sid)
            id_map[span["id"]] = sid

    first = versions[order[0]]
    annotators: dict[str, dict] = {}
    for who in order:
        for a in versions[who].get("annotators") or []:
            annotators.setdefault(a["id"], a)
    doc = {"schema_version": first["schema_version"], "doc_id": first["doc_id"], "text_sha256": first["text_sha256"],
           "annotators": list(annotators.values()), "spans": merged["spans"]}
    if merged["quality"] or any("quality" in v for v in versions.values()):
        doc["quality"] = merged["quality"]
    return doc, {"versions": order, "proposed_by": proposed}


def adjudication_tasks(docs: list[tuple[str, str, dict[str, dict]]]) -> tuple[list[dict], dict[str, tuple[int, int]]]:
    """Tasks for (doc_id, clean text, {annotator: document}); and per doc (agreed, disputed) span counts."""
    tasks, counts = [], {}
    for doc_id, clean, versions in docs:
        merged, info = merge_versions(versions)
        (task,) = docs_to_tasks([(doc_id, clean, merged)], model_version=MODEL_VERSION)
        task["data"][ADJUDICATION_KEY] = info
        disputed = {sid: who for sid, who in info["proposed_by"].items() if len(who) < len(info["versions"])}
        for item in task["predictions"][0]["result"]:
            if item.get("id") in disputed and item.get("type") == "labels":
                item["meta"] = {"text": [f"only {', '.join(disputed[item['id']])}"]}
        for who in info["versions"]:
            (own,) = docs_to_tasks([(doc_id, clean, versions[who])], model_version=who)
            task["predictions"].append(own["predictions"][0])
        tasks.append(task)
        counts[doc_id] = (len(info["proposed_by"]) - len(disputed), len(disputed))
    return tasks, counts


def _describe(span: dict) -> str:
    return f"{span['id']} {span.get('label')} {span.get('text')!r}"


def resolve(item: Converted, file: str) -> tuple[list[str], list[Problem]]:
    """Apply the adjudication info to a converted adjudication task in place; (decision notes, problems)."""
    info = item.adjudication or {}
    versions = info.get("versions") or []
    proposed: dict[str, list[str]] = info.get("proposed_by") or {}
    base = {s["id"]: (key, s) for key in ("spans", "quality") for s in (item.base or {}).get(key) or []}
    disputed = {sid for sid, who in proposed.items() if len(who) < len(versions)}
    now = {s["id"]: (key, s) for key in ("spans", "quality") for s in item.doc.get(key) or []}
    adjudicator = item.doc.get("reviewed_by")

    def unchanged(sid: str) -> bool:
        if sid not in now or sid not in base:
            return False
        layer = _layer(base[sid][1], base[sid][0])
        return now[sid][0] == base[sid][0] and _editable(now[sid][1], layer) == _editable(base[sid][1], layer)

    notes, problems = [], []
    kept = [sid for sid in disputed if unchanged(sid)]
    for i, a in enumerate(kept):
        for b in kept[i + 1:]:
            (ka, sa), (kb, sb) = base[a], base[b]
            if set(proposed[a]) & set(proposed[b]) or _layer(sa, ka) != _layer(sb, kb):
                continue
            if sa["start"] < sb["end"] and sb["start"] < sa["end"]:
                problems.append(Problem(file, item.region_pointers.get(a, item.pointer),
                    f"task {item.task_id} ({item.doc_id}): regions {_describe(sa)} ({', '.join(proposed[a])}) and {_describe(sb)} "
                    f"({', '.join(proposed[b])}) disagree and both are still there: delete the wrong one (or both) and submit again", "adjudication"))
    if problems:
        return [], problems
    for sid in sorted(proposed, key=lambda s: (base[s][1]["start"], s) if s in base else (0, s)):
        if sid not in base:
            continue
        who = ", ".join(proposed[sid])
        if sid not in now:
            notes.append(f"dropped {_describe(base[sid][1])} ({who})")
        elif sid in disputed:
            now[sid][1]["origin"] = "adjudicated"
            notes.append(f"{'kept' if unchanged(sid) else 'edited'} {_describe(now[sid][1])} ({who})")
    agreed = sum(1 for sid in proposed if sid not in disputed and sid in now)
    notes.insert(0, f"adjudicated by {adjudicator}: {agreed} agreed span(s) accepted, {len(disputed)} disagreement(s) decided")
    return notes, []


def resolve_conversion(conversion, file: str) -> None:
    """``resolve`` every adjudication task of a ``convert.Conversion`` in place (undecided ones are left out)."""
    keep = []
    for item in conversion.converted:
        if item.adjudication is None:
            keep.append(item)
            continue
        notes, problems = resolve(item, file)
        if problems:
            conversion.problems += problems
            conversion.left_out.append(f"task {item.task_id} ({item.doc_id})")
            continue
        item.notes += notes
        keep.append(item)
    conversion.converted = keep


def start_adjudication(title: str, *, url: str | None = None, adjudication_title: str | None = None, **options: Any):
    """Create the adjudication project of team session ``title`` and upload one task per document
    that at least two annotators submitted; returns (report of the push, {doc_id: (agreed, disputed)}, notes)."""
    import json

    from .api import LabelStudioError, PushReport, fetch
    from .files import clean_text_reader
    from .team import convert_team

    session, projects, exports = fetch(title, url)
    if len(projects) < 2:
        raise LabelStudioError(f"{title!r} is not a team session (push it with --overlap 2 or more)", session.url)
    parsed = [(f"{session.url} project {p.id} ({p.title})", json.loads(raw)) for p, raw in exports]
    by_annotator, report = convert_team(parsed, **{k: v for k, v in options.items() if k in ("clean_dir", "registry_path")})
    clean_text_for = clean_text_reader(options.get("clean_dir"))
    doc_ids = sorted({d for docs in by_annotator.values() for d in docs})
    docs, notes = [], [str(p) for p in report.problems]
    for doc_id in doc_ids:
        versions = {who: items[doc_id].doc for who, items in by_annotator.items() if doc_id in items}
        if len(versions) < 2:
            notes.append(f"{doc_id}: only {', '.join(versions)} submitted it; not adjudicated")
            continue
        docs.append((doc_id, clean_text_for(doc_id), versions))
    tasks, counts = adjudication_tasks(docs)
    name = adjudication_title or f"{title} adjudication"
    project, created, updated = session.ensure_project(
        name, description=f"newscorpus adjudication of team session {title!r}", model_version=MODEL_VERSION)
    uploaded, there = session.upload(project, tasks, fresh=created)
    return PushReport(session.url, project.id, name, created, updated, uploaded, there), counts, notes
