"""The compiled schema pass: it decides, jsonschema explains, and where the two engines
disagree the stricter verdict stands with the compiled validator's message."""

from __future__ import annotations

import copy
import json

from _repo import REPO
from newscorpus.annotate.validate import _fast_validator, _validator, schema_problems, validate_document

DOC = json.loads((REPO.annotations_dir / "001_f223456a580e97a0.json").read_text(encoding="utf-8"))


def test_valid_document_passes_both_engines():
    assert _fast_validator("annotation").is_valid(DOC) and _validator("annotation").is_valid(DOC)
    assert schema_problems(DOC, "x.json") == []


def test_failing_document_gets_jsonschema_messages_with_pointers():
    doc = copy.deepcopy(DOC)
    doc["spans"][2]["label"] = "NOT_A_LABEL"
    doc["spans"][3]["start"] = "zero"
    problems = schema_problems(doc, "x.json")
    assert {(p.pointer, p.check) for p in problems} >= {("/spans/2/label", "schema:enum"), ("/spans/3/start", "schema:type")}
    assert all(str(p).startswith("x.json: /spans/") for p in problems)


def test_engines_disagreeing_keep_the_compiled_verdict():
    """Python's ``\\d`` matches Arabic-Indic digits, the schema's (ECMA-262) does not."""
    doc = copy.deepcopy(DOC)
    index, time = next((i, s) for i, s in enumerate(doc["spans"]) if s["layer"] == "TIME")
    time["value"] = "\u0662\u0660\u0662\u0664"
    assert _validator("annotation").is_valid(doc) and not _fast_validator("annotation").is_valid(doc)
    problems = schema_problems(doc, "x.json")
    assert [p.pointer for p in problems] == [f"/spans/{index}/value"]


def test_semantic_findings_still_name_the_place():
    doc = copy.deepcopy(DOC)
    text = (REPO.clean_dir / "001_f223456a580e97a0.txt").read_text(encoding="utf-8")
    doc["spans"][1]["id"] = doc["spans"][0]["id"]
    doc["spans"][4]["annotators"] = ["nobody"]
    problems = validate_document(doc, file="x.json", clean_text=text, registry=None)
    pointers = {p.pointer: p.message for p in problems}
    assert "first at /spans/0" in pointers["/spans/1/id"]
    assert "'nobody' is not in the document's annotators" in pointers["/spans/4/annotators/0"]
