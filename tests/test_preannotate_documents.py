"""End to end: pre-annotation of the seed clean texts, the files API, the CLI, and no leakage."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from _repo import REPO
from newscorpus import cli
from newscorpus.annotate import scheme, validate
from newscorpus.fileio import read_json, sha256_text
from newscorpus.corpus.manifest import published_day, read_manifest
from newscorpus.preannotate import build_resources, preannotate_files, preannotate_text, propose_entities

FIXTURES = Path(__file__).parent / "fixtures" / "preannotate"
REGISTRY = FIXTURES / "entities.json"
SEEDS = sorted(REPO.clean_dir.glob("*.txt"))
PUBLISHED = {d.doc_id: published_day(d.published) for d in read_manifest(REPO.manifest_path)}


@pytest.fixture(scope="module")
def resources():
    return build_resources(REGISTRY)


@pytest.fixture(scope="module")
def docs(resources):
    return {p.stem: (p.read_text(encoding="utf-8"), preannotate_text(p.read_text(encoding="utf-8"), doc_id=p.stem,
                                                                       published=PUBLISHED[p.stem], resources=resources))
            for p in SEEDS}


def structural_problems(doc: dict, text: str, registry: dict) -> list[str]:
    problems = []
    ids = [s["id"] for s in doc["spans"]]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    by_id = {s["id"]: s for s in doc["spans"]}
    actors = []
    for s in doc["spans"]:
        where = f"{s['id']} {s['text']!r}"
        if text[s["start"] : s["end"]] != s["text"] or s["text"] != s["text"].strip() or not s["text"]:
            problems.append(f"{where}: offsets/text")
        if s["origin"] != "model" or not 0 < s["score"] <= 1:
            problems.append(f"{where}: origin/score")
        if s["label"] not in scheme.LABELS[s["layer"]]:
            problems.append(f"{where}: label")
        for attr in scheme.LAYER_ATTRIBUTES[s["layer"]]:
            if attr not in s:
                problems.append(f"{where}: missing {attr}")
        if s["layer"] == "EVENT":
            for arg in s["arguments"]:
                target = by_id.get(arg["ref"])
                if target is None or target["layer"] != scheme.ROLES[arg["role"]][1]:
                    problems.append(f"{where}: bad argument {arg}")
        if s["layer"] == "ACTOR":
            entity = registry.get(s["entity"])
            if entity is None or entity["type"] != s["label"]:
                problems.append(f"{where}: entity {s['entity']}")
            actors.append((s["start"], s["end"]))
        if s["layer"] == "TIME" and s["value"] is not None and not re.fullmatch(scheme.TIME_VALUE_PATTERN, s["value"]):
            problems.append(f"{where}: time value")
    for a in actors:
        for b in actors:
            if a[0] < b[0] < a[1] < b[1]:
                problems.append(f"crossing actors {a} {b}")
    return problems


def test_seed_documents_are_valid(docs):
    base, registry_problems = validate.load_registry(REGISTRY)
    assert registry_problems == []
    for doc_id, (text, doc) in docs.items():
        proposed = propose_entities(doc, base)
        assert proposed and all(e["id"] not in base for e in proposed)
        registry = {**base, **{e["id"]: e for e in proposed}}
        assert doc["doc_id"] == doc_id and doc["text_sha256"] == sha256_text(text)
        assert doc["schema_version"] == scheme.SCHEMA_VERSION
        assert doc["annotators"][0]["kind"] == "model"
        assert structural_problems(doc, text, registry) == []
        assert validate.validate_document(doc, file=doc_id, clean_text=text, registry=registry) == []
    assert {s["layer"] for _, doc in docs.values() for s in doc["spans"]} == set(scheme.LAYERS)


def _figures(doc):
    return {s["text"]: (s["label"], s["value"], s["qualifier"], s["unit"]) for s in doc["spans"] if s["layer"] == "FIGURE"}


def test_seed_figures(docs):
    f001 = _figures(docs["001_f223456a580e97a0"][1])
    assert f001["more than 60 rockets"] == ("MUNITIONS", 60, "AT_LEAST", "rocket")
    assert f001["14 soldiers"] == ("CASUALTIES", 14, "EXACT", "soldier")
    assert f001["10 civilians"] == ("CASUALTIES", 10, "EXACT", "civilian")
    assert "8" not in f001 and "7" not in f001  # Oct. 7 / Oct. 8 are dates
    f002 = _figures(docs["002_b239d6d9a59df4e2"][1])
    assert f002["tens of thousands of people"] == ("PEOPLE", 10000, "APPROXIMATE", "person")
    assert f002["at least 40 launches"] == ("MUNITIONS", 40, "AT_LEAST", "launch")
    assert not any("8am" in t for t in f002)
    f000 = _figures(docs["000_3bb1601c3ebb1da9"][1])
    assert f000["About 60,000 Israelis"] == ("PEOPLE", 60000, "APPROXIMATE", "israeli")
    assert f000["nearly nine-month conflict"] == ("DURATION", 9, "APPROXIMATE", "month")


def test_seed_times_resolve_against_the_manifest_date(docs):
    times = [(s["text"], s["value"]) for s in docs["002_b239d6d9a59df4e2"][1]["spans"] if s["layer"] == "TIME"]
    assert ("around 8am on Saturday", "2024-01-06") in times and ("Jan 2", "2024-01-02") in times
    assert ("last week", "2023-W52") in times


def test_seed_actors_and_events(docs):
    doc = docs["001_f223456a580e97a0"][1]
    spans = {(s["layer"], s["text"]): s for s in doc["spans"]}
    assert spans[("ACTOR", "Hassan Nasrallah")]["entity"] == "hassan_nasrallah"
    assert spans[("LOCATION", "Mount Hermon")]["label"] == "LOCATION"
    salvo = spans[("EVENT", "salvo")]
    assert salvo["label"] == "ATTACK"
    refs = {a["role"]: a["ref"] for a in salvo["arguments"]}
    by_id = {s["id"]: s for s in doc["spans"]}
    assert by_id[refs["QUANTITY"]]["text"] == "more than 60 rockets"
    # decision 1: the demonym inside an actor phrase is not an actor on its own
    text = docs["000_3bb1601c3ebb1da9"][0]
    assert not any(s["layer"] == "ACTOR" and text[s["end"] : s["end"] + 7] == " forces" for s in docs["000_3bb1601c3ebb1da9"][1]["spans"])


def test_realis_cues(resources):
    doc = preannotate_text("No IDF injuries were reported. Analysts fear an all-out war could break out. "
                           "Hezbollah said it would retaliate.", doc_id="x", published=None, resources=resources)
    realis = {s["text"]: s["realis"] for s in doc["spans"] if s["layer"] == "EVENT"}
    assert realis == {"injuries": "NEGATED", "war": "HYPOTHETICAL", "retaliate": "PLANNED"}


def test_without_registry_no_actors():
    doc = preannotate_text("Hezbollah fired 100 rockets into Israel on Wednesday.", doc_id="x", published=date(2024, 7, 3),
                           resources=build_resources(None))
    assert [(s["layer"], s["text"]) for s in doc["spans"]] == [
        ("EVENT", "fired"), ("FIGURE", "100 rockets"), ("LOCATION", "Israel"), ("TIME", "Wednesday")]


# --- learning from gold: the train split only ---------------------------------------------------


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    clean, ann = tmp_path / "clean", tmp_path / "annotations"
    clean.mkdir()
    ann.mkdir()
    header = "doc_id,raw_file,raw_sha256,title,source,published,published_basis,published_reason,language,split,note\n"
    rows = []
    for doc_id, split, place in (("tr1", "train", "Wadi Saluki"), ("va1", "validation", "Khallet Wardeh")):
        text = f"Fighting was reported in {place} and in {place} again."
        (clean / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        spans = []
        for k, m in enumerate(re.finditer(re.escape(place), text)):
            spans.append({"id": f"L{k + 1}", "layer": "LOCATION", "label": "LOCATION", "start": m.start(), "end": m.end(),
                          "text": place, "origin": "manual"})
        f = text.index("Fighting")
        spans.append({"id": "E1", "layer": "EVENT", "label": "CONFLICT", "start": f, "end": f + 8, "text": "Fighting",
                      "origin": "manual", "realis": "ACTUAL", "arguments": []})
        (ann / f"{doc_id}.json").write_text(json.dumps({"doc_id": doc_id, "spans": spans}), encoding="utf-8")
        rows.append(f"{doc_id},{doc_id}.txt,{'0' * 64},,,2024-07-03,STATED,,en,{split},\n")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(header + "".join(rows), encoding="utf-8")
    return clean, ann, manifest


def test_gazetteer_is_learned_from_train_only(tmp_path):
    clean, ann, manifest = _corpus(tmp_path)
    res = build_resources(None, annotations_dir=ann, manifest=manifest, clean_dir=clean, splits=("train",))
    assert "Wadi Saluki" in res.gazetteer.locations
    assert "Khallet Wardeh" not in res.gazetteer.locations
    both = build_resources(None, annotations_dir=ann, manifest=manifest, clean_dir=clean, splits=("train", "validation"))
    assert "Khallet Wardeh" in both.gazetteer.locations
    # (not coordinated: "A and B" with A a place makes B a place by context, which is no leak)
    doc = preannotate_text("Strikes hit Wadi Saluki. Khallet Wardeh was quiet.", doc_id="n", published=None, resources=res)
    assert [s["text"] for s in doc["spans"] if s["layer"] == "LOCATION"] == ["Wadi Saluki"]


# --- files and CLI --------------------------------------------------------------------------------


def _run(args):
    return CliRunner().invoke(cli.cli, args)


def test_cli_writes_valid_files(tmp_path):
    out = tmp_path / "out"
    result = _run(["preannotate", *map(str, SEEDS[:2]), "--out", str(out), "--registry", str(REGISTRY)])
    assert result.exit_code == 0, result.output
    written = sorted(p for p in out.glob("*.json") if not p.name.endswith(".entities.json"))
    assert [p.stem for p in written] == [p.stem for p in SEEDS[:2]]
    # proposed registry entries beside each file, in the registry's own format
    for p in written:
        proposals = out / f"{p.stem}.entities.json"
        assert validate.load_registry(proposals)[1] == []
        ids = {e["id"] for e in read_json(proposals)["entities"]}
        used = {s["entity"] for s in read_json(p)["spans"] if s["layer"] == "ACTOR"}
        registry_ids = {e["id"] for e in read_json(REGISTRY)["entities"]}
        assert used <= ids | registry_ids and not ids & registry_ids
    doc = read_json(written[1])
    assert any(s["text"] == "more than 60 rockets" for s in doc["spans"])
    assert all(s["origin"] == "model" for s in doc["spans"])


def test_cli_published_for_documents_outside_the_manifest(tmp_path):
    src = tmp_path / "new_article.txt"
    src.write_text("Hezbollah fired rockets on Wednesday.", encoding="utf-8")
    out = tmp_path / "out"
    assert _run(["preannotate", str(src), "--out", str(out), "--published", "2024-07-05"]).exit_code == 0
    times = [s["value"] for s in read_json(out / "new_article.json")["spans"] if s["layer"] == "TIME"]
    assert times == ["2024-07-03"]
    assert _run(["preannotate", str(src), "--out", str(out), "--force"]).exit_code == 0
    assert [s["value"] for s in read_json(out / "new_article.json")["spans"] if s["layer"] == "TIME"] == [None]


@pytest.mark.parametrize("make,args,message", [
    (lambda d: None, [], "no such file"),
    (lambda d: (d / "bad.txt").write_bytes(b"caf\xe9 strike"), [], "not valid UTF-8"),
    (lambda d: (d / "bad.txt").write_text("ok", encoding="utf-8"), ["--published", "2024-02-30"], "is not a date"),
    (lambda d: (d / "bad.txt").write_text("ok", encoding="utf-8"), ["--published", "yesterday"], "is not a date"),
])
def test_cli_bad_input_writes_nothing(tmp_path, make, args, message):
    make(tmp_path)
    out = tmp_path / "out"
    result = _run(["preannotate", str(SEEDS[0]), str(tmp_path / "bad.txt"), "--out", str(out), *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists() or not list(out.iterdir())


def test_refuses_to_overwrite_human_work(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"{SEEDS[0].stem}.json"
    human = {"doc_id": SEEDS[0].stem, "spans": [{"id": "E1", "origin": "manual"}]}
    target.write_text(json.dumps(human), encoding="utf-8")
    result = _run(["preannotate", str(SEEDS[0]), "--out", str(out)])
    assert result.exit_code == 1 and "human annotation" in result.output and str(target) in result.output
    assert json.loads(target.read_text(encoding="utf-8")) == human
    assert _run(["preannotate", str(SEEDS[0]), "--out", str(out), "--force"]).exit_code == 0
    assert all(s["origin"] == "model" for s in read_json(target)["spans"])
    # even a file holding only model output (suggestions someone may be checking) is kept without --force
    before = target.read_bytes()
    result = _run(["preannotate", str(SEEDS[0]), "--out", str(out)])
    assert result.exit_code == 1 and "already exists" in result.output and target.read_bytes() == before
    # ... and so is a proposals file on its own
    target.unlink()
    result = _run(["preannotate", str(SEEDS[0]), "--out", str(out)])
    assert result.exit_code == 1 and ".entities.json" in result.output and not target.exists()


def test_files_api_is_all_or_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(Exception) as info:
        preannotate_files([SEEDS[0], tmp_path / "missing.txt"], out)
    assert "missing.txt" in str(info.value)
    assert not out.exists()
