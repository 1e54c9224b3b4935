"""A Label Studio submission is a review: who checked a document, when, and what they confirmed.

An annotator who presses Submit has looked at every region: the spans they left unchanged are
confirmed (they join the span's ``annotators``; a model suggestion becomes ``origin: manual``,
keeping its score as a record of the suggestion), the ones they deleted stay deleted, and the
document records ``reviewed_by`` / ``reviewed_at`` (the submission's own timestamp, so the same
export always builds the same file). ``human_reviewed`` is what every writer of annotation files
checks before replacing one without ``--force``.
"""

from __future__ import annotations

import re
from typing import Any

REVIEWED_BY = "reviewed_by"
REVIEWED_AT = "reviewed_at"
_HUMAN_ORIGINS = {"manual", "adjudicated"}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def annotator_id(user_id: int) -> str:
    return f"labelstudio_{user_id}"


def reviewer(annotation: dict) -> dict | None:
    """The annotators entry of the Label Studio user who submitted ``annotation`` (None: unknown)."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("id")
    if not _is_int(who):
        return None
    return {"id": annotator_id(who), "kind": "human", "note": f"Label Studio user {who}"}


def reviewed_at(annotation: dict) -> str | None:
    """When the annotation was last submitted, as ISO 8601 UTC to the second (None: unknown)."""
    stamp = annotation.get("updated_at") or annotation.get("created_at")
    if not isinstance(stamp, str):
        return None
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})", stamp)
    return f"{match[1]}T{match[2]}Z" if match else None


def confirm(span: dict, who: dict | None) -> dict:
    """``span`` as confirmed unchanged by ``who``: credited to them, no longer a bare model guess."""
    if who is None:
        return span
    span = dict(span)
    span["annotators"] = list(dict.fromkeys([*(span.get("annotators") or []), who["id"]]))
    if span.get("origin") == "model":
        span["origin"] = "manual"
    return span


def record(doc: dict, who: dict | None, at: str | None) -> dict:
    """Add the review to ``doc`` in place: reviewer in the annotators, reviewed_by/at after them."""
    if who is None:
        return doc
    annotators = [a for a in doc.get("annotators") or [] if isinstance(a, dict)]
    if who["id"] not in {a.get("id") for a in annotators}:
        annotators.append(who)
    ordered: dict[str, Any] = {}
    for key, value in list(doc.items()):
        if key in (REVIEWED_BY, REVIEWED_AT):
            continue
        ordered[key] = annotators if key == "annotators" else value
        if key == "annotators":
            ordered[REVIEWED_BY] = who["id"]
            if at:
                ordered[REVIEWED_AT] = at
    doc.clear()
    doc.update(ordered)
    return doc


def human_reviewed(doc: Any) -> bool:
    """True when a person made, checked or adjudicated anything in ``doc``."""
    if not isinstance(doc, dict):
        return False
    if doc.get(REVIEWED_BY):
        return True
    if any(isinstance(a, dict) and a.get("kind") == "human" for a in doc.get("annotators") or []):
        return True
    spans = [*(doc.get("spans") or []), *(doc.get("quality") or [])]
    return any(isinstance(s, dict) and s.get("origin") in _HUMAN_ORIGINS for s in spans)
