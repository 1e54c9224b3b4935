"""Validation: schema meta-checks, one fixture per semantic check, fuzzed mutations, CLI input errors."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from _repo import REPO
from newscorpus.annotate import scheme
from newscorpus.cli import cli
from newscorpus.fileio import sha256_text
from newscorpus.annotate.schema import annotation_schema, entities_schema, stale_schemas
from newscorpus.annotate.validate import validate_document, validate_paths

DOC_ID = "001_f223456a580e97a0"
TEXT = (REPO.clean_dir / f"{DOC_ID}.txt").read_text(encoding="utf-8")
REGISTRY = {
    "hezbollah": {"id": "hezbollah", "name": "Hezbollah", "type": "ARMED_GROUP", "variants": ["Hezbollah"]},
    "hassan_nasrallah": {"id": "hassan_nasrallah", "name": "Hassan Nasrallah", "type": "PERSON", "variants": ["Hassan Nasrallah"]},
}


def _span(sid, layer, label, text, occurrence=0, **attrs):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return {"id": sid, "layer": layer, "label": label, "start": start, "end": start + len(text), "text": text, "origin": "manual", **attrs}


def valid_doc() -> dict:
    return {
        "schema_version": scheme.SCHEMA_VERSION,
        "doc_id": DOC_ID,
        "text_sha256": sha256_text(TEXT),
        "annotators": [{"id": "t", "kind": "human"}],
        "spans": [
            _span("A1", "ACTOR", "ARMED_GROUP", "Hezbollah", mention="NAME", entity="hezbollah"),
            _span("F1", "FIGURE", "MUNITIONS", "60 rockets", value=60, qualifier="EXACT", unit="rocket"),
            _span("L1", "LOCATION", "LOCATION", "Israel"),
            _span("E1", "EVENT", "ATTACK", "fires", realis="ACTUAL", arguments=[{"role": "AGENT", "ref": "A1"}, {"role": "QUANTITY", "ref": "F1"}, {"role": "PLACE", "ref": "L1"}]),
            _span("A2", "ACTOR", "PERSON", "Hassan Nasrallah", mention="NAME", entity="hassan_nasrallah"),
            _span("T1", "TIME", "TIME", "Oct. 7", value="2023-10-07"),
        ],
        "quality": [],
    }


def check(doc):
    return validate_document(doc, file="doc.json", clean_text=TEXT, registry=REGISTRY)


def test_schemas_are_valid_draft_2020_12_and_up_to_date():
    for schema in (annotation_schema(), entities_schema()):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] and schema["$schema"].endswith("2020-12/schema")
    assert stale_schemas(REPO.schema_dir) == []


def test_every_property_has_title_and_description():
    def walk(node, where):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert "title" in prop and "description" in prop, f"{where}/{name}"
            for key, value in node.items():
                if key != "if":  # conditions, not property definitions
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(annotation_schema(), "")
    walk(entities_schema(), "")


def test_schema_labels_come_from_scheme():
    span_rules = annotation_schema()["$defs"]["span"]["allOf"]
    for layer, rule in zip(scheme.LAYERS, span_rules):
        assert rule["then"]["properties"]["label"]["enum"] == scheme.labels(layer)


def test_valid_fixture_is_valid():
    assert check(valid_doc()) == []


def _crossing(actor):
    """An ACTOR span that starts inside ``actor`` and ends after it."""
    start, end = actor["start"] + 4, actor["end"] + 6
    return {"id": "A3", "layer": "ACTOR", "label": "PERSON", "start": start, "end": end, "text": TEXT[start:end], "origin": "manual", "mention": "NOMINAL", "entity": "hassan_nasrallah"}


def _mutate(change):
    doc = valid_doc()
    change(doc)
    return doc


# check id -> a mutation that breaks only that check
BREAKS = {
    "stale": lambda d: d.update(text_sha256="0" * 64),
    "offsets": lambda d: d["spans"][0].update(end=len(TEXT) + 5),
    "text": lambda d: d["spans"][0].update(text="Hamas"),
    "whitespace": lambda d: d["spans"][2].update(start=d["spans"][2]["start"] - 1, text=TEXT[d["spans"][2]["start"] - 1 : d["spans"][2]["end"]]),
    "unique-id": lambda d: d["spans"][5].update(id="A1"),
    "ref": lambda d: d["spans"][3]["arguments"].append({"role": "VICTIM", "ref": "A99"}),
    "ref-layer": lambda d: d["spans"][3]["arguments"].append({"role": "TIME", "ref": "L1"}),
    "crossing": lambda d: d["spans"].append(_crossing(d["spans"][0])),
    "entity": lambda d: d["spans"][0].update(entity="hizbullah"),
    "entity-type": lambda d: d["spans"][4].update(label="STATE"),
    "duplicate-span": lambda d: d["spans"].append(dict(d["spans"][1], id="F2")),
    "annotator": lambda d: d["spans"][0].update(annotators=["nobody"]),
    "schema:enum": lambda d: d["spans"][1].update(qualifier="ROUGHLY"),
    "schema:required": lambda d: d["spans"][5].pop("value"),
    "schema:pattern": lambda d: d.update(doc_id="../../x"),
}


@pytest.mark.parametrize("check_id", sorted(BREAKS))
def test_each_check_fires_alone(check_id):
    problems = check(_mutate(BREAKS[check_id]))
    checks = {p.check for p in problems}
    assert check_id in checks, problems
    if not check_id.startswith("schema:"):
        assert checks == {check_id}, problems
    assert all(p.pointer.startswith("/") for p in problems if p.check != "stale")


def test_problem_text_names_file_and_pointer():
    problems = check(_mutate(BREAKS["ref"]))
    assert str(problems[0]) == "doc.json: /spans/3/arguments/3/ref: argument ref 'A99' points to no span in this document"


MUTATIONS = st.sampled_from(
    [
        lambda d, i: d["spans"][i].pop("start"),
        lambda d, i: d["spans"][i].update(start="12"),
        lambda d, i: d["spans"][i].update(end=-1),
        lambda d, i: d["spans"][i].update(label="NOT_A_LABEL"),
        lambda d, i: d["spans"][i].update(layer="EMOTION"),
        lambda d, i: d["spans"][i].update(id=""),
        lambda d, i: d["spans"][i].update(extra_key=1),
        lambda d, i: d["spans"][i].update(text=d["spans"][i]["text"] + "x"),
        lambda d, i: d["spans"][i].update(origin="guess"),
        lambda d, i: d["spans"].__setitem__(i, "not a span"),
        lambda d, i: d["spans"].__setitem__(i, None),
        lambda d, i: d.update(spans={"0": d["spans"][i]}),
        lambda d, i: d.pop("text_sha256"),
        lambda d, i: d.update(schema_version="9.9.9"),
        lambda d, i: d.update(annotators=[]),
        lambda d, i: d["spans"][i].update(start=d["spans"][i]["end"]),
    ]
)


@settings(max_examples=200, deadline=None)
@given(mutations=st.lists(st.tuples(MUTATIONS, st.integers(0, 5)), min_size=1, max_size=4))
def test_fuzzed_mutations_are_rejected_cleanly(mutations):
    doc = valid_doc()
    for mutate, index in mutations:
        try:
            mutate(doc, index)
        except (AttributeError, KeyError, TypeError, IndexError):
            pass  # an earlier mutation already broke this part
    problems = check(copy.deepcopy(doc))
    assert problems, "a broken document passed validation"
    assert all(isinstance(p.message, str) and p.message for p in problems)


@pytest.fixture
def corpus_copy(tmp_path):
    """A throwaway copy of the annotations folder with the real registry."""
    folder = tmp_path / "ann"
    folder.mkdir()
    for path in sorted(REPO.annotations_dir.glob("*.json")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "file is empty (0 bytes)"),
        (b'{"schema_version": "1.0.0", "doc_id": ', "invalid JSON"),
        ("\ufeff{}".encode(), "byte-order mark"),
        (b'{"doc_id": 5}', "5 is not of type 'string'"),
        (b"\xff\xfe", "not valid UTF-8"),
    ],
)
def test_cli_bad_files_get_clear_errors(corpus_copy, content, expected):
    bad = corpus_copy / f"{DOC_ID}.json"
    bad.write_bytes(content)
    result = CliRunner().invoke(cli, ["validate", str(bad), "--registry", str(corpus_copy / "entities.json")])
    assert result.exit_code == 1
    assert expected in result.output
    assert f"{DOC_ID}.json" in result.output
    assert "Traceback" not in result.output


def test_cli_unknown_label_and_dangling_ref(corpus_copy):
    path = corpus_copy / f"{DOC_ID}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["spans"][0]["label"] = "WIZARD"
    event = next(s for s in doc["spans"] if s["layer"] == "EVENT")
    event["arguments"].append({"role": "AGENT", "ref": "A999"})
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path), "--registry", str(corpus_copy / "entities.json"), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    messages = " ".join(p["message"] for p in report["problems"])
    assert "'WIZARD' is not one of" in messages and "'A999' points to no span" in messages


def test_manifest_and_files_must_match(corpus_copy, tmp_path):
    (corpus_copy / f"{DOC_ID}.json").rename(corpus_copy / "999_unknown.json")
    moved = json.loads((corpus_copy / "999_unknown.json").read_text(encoding="utf-8"))
    moved["doc_id"] = "999_unknown"
    (corpus_copy / "999_unknown.json").write_text(json.dumps(moved), encoding="utf-8")
    report = validate_paths(REPO, [corpus_copy], registry_path=corpus_copy / "entities.json")
    messages = [p.message for p in report.problems]
    assert any("has no row in manifest.csv" in m for m in messages)
    assert any("no clean text for '999_unknown'" in m for m in messages)


def test_whole_corpus_is_valid():
    """CI runs validation on the whole corpus: every gold file, the registry and the manifest."""
    report = validate_paths(REPO)
    assert report.valid, "\n".join(str(p) for p in report.problems)
    assert len(report.files) == len(REPO.documents())


def test_validate_cli_on_the_corpus():
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert f"{len(REPO.documents())} annotation file(s) checked: valid" in result.output
