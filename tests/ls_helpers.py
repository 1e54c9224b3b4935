"""Helpers shared by the Label Studio tests (written out here, not taken from the code under test)."""

from __future__ import annotations

import copy

from label_studio_sdk import LabelStudio


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


def client(instance) -> LabelStudio:
    return LabelStudio(base_url=instance.url, api_key=instance.token)


def project(ls: LabelStudio, title: str):
    return next(p for p in ls.projects.list() if p.title == title)


def submit_as(ls: LabelStudio, project_title: str, user_id: int, edit=lambda doc_id, result: result, model_version=None, only=None) -> None:
    """User ``user_id`` submits every task (or those of doc ids ``only``) of the project: the prediction, after ``edit``."""
    for task in ls.tasks.list(project=project(ls, project_title).id, fields="task_only"):
        if only is not None and task.data["doc_id"] not in only:
            continue
        predictions = list(ls.predictions.list(task=task.id))
        prediction = next(p for p in predictions if model_version is None or p.model_version == model_version)
        result = edit(task.data["doc_id"], copy.deepcopy(prediction.result))
        ls.annotations.create(id=task.id, result=result, completed_by=user_id, parent_prediction=prediction.id)


def without(result: list[dict], region_id: str) -> list[dict]:
    return [r for r in result if r.get("id") != region_id and region_id not in (r.get("from_id"), r.get("to_id"))]
