"""Helpers shared by the Label Studio tests (written out here, not taken from the code under test)."""

from __future__ import annotations

import copy


def reviewed(doc: dict, user_id: int, at: str | None) -> dict:
    """What ``doc`` becomes once Label Studio user ``user_id`` submits it unchanged at ``at``.

    The reviewer joins the document's annotators and every span's annotators, model spans
    become manual (their score stays), and reviewed_by / reviewed_at follow the annotators.
    """
    who = f"labelstudio_{user_id}"
    out = {}
    for key, value in doc.items():
        if key in ("reviewed_by", "reviewed_at"):
            continue
        if key == "annotators":
            value = [a for a in value] + ([] if any(a["id"] == who for a in value) else
                                          [{"id": who, "kind": "human", "note": f"Label Studio user {user_id}"}])
            out[key] = value
            out["reviewed_by"] = who
            if at:
                out["reviewed_at"] = at
            continue
        if key in ("spans", "quality"):
            spans = []
            for span in copy.deepcopy(value):
                span["annotators"] = list(dict.fromkeys([*span.get("annotators", []), who]))
                if span["origin"] == "model":
                    span["origin"] = "manual"
                spans.append(span)
            value = spans
        out[key] = value
    return out
