"""Quality gates of the dataset build: offline loading, span integrity, features, determinism,
splits, the BIO policy, and refusal to build on bad annotations."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from _repo import REPO, copy_corpus
from newscorpus.publish.build import build, load_corpus, token_rows
from newscorpus.fileio import folder_sha256 as file_hashes
from newscorpus.cli import cli
from newscorpus.publish.features import CONFIGS, TAG_COLUMNS
from newscorpus.corpus.manifest import SPLITS


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist") / "hf"
    build(REPO, out)
    return out


@pytest.fixture(scope="module")
def loaded(built):
    import os

    os.environ["HF_DATASETS_OFFLINE"] = "1"
    from datasets import load_dataset

    return {config: load_dataset(str(built), config) for config in CONFIGS}


def test_every_config_and_split_loads_offline(loaded):
    for config, dataset in loaded.items():
        assert set(dataset) == set(SPLITS), config
        for split in SPLITS:
            assert dataset[split].num_rows > 0, (config, split)


def test_every_span_matches_its_text(loaded):
    for split in SPLITS:
        for doc in loaded["documents"][split]:
            for column in ("events", "actors", "figures", "locations", "times", "quality"):
                for span in doc[column]:
                    assert doc["text"][span["start"] : span["end"]] == span["text"], (doc["doc_id"], span)


def test_event_rows_offsets_are_consistent(loaded):
    for split in SPLITS:
        for row in loaded["events"][split]:
            assert row["context"][row["trigger_context_start"] : row["trigger_context_end"]] == row["trigger"]
            for arg in row["arguments"]:
                assert row["context"][arg["context_start"] : arg["context_end"]] == arg["text"]
                if arg["layer"] == "FIGURE":
                    assert arg["figure_value"] is not None


def test_features_match_the_declared_yaml(built, loaded):
    header = yaml.safe_load((built / "README.md").read_text(encoding="utf-8").split("---")[1])
    declared = {info["config_name"]: info for info in header["dataset_info"]}
    from datasets.info import DatasetInfo

    for config, dataset in loaded.items():
        assert DatasetInfo._from_yaml_dict({"features": declared[config]["features"]}).features == dataset["train"].features
        assert dataset["train"].features == CONFIGS[config](False)
        for split_info in declared[config]["splits"]:
            assert split_info["num_examples"] == dataset[split_info["name"]].num_rows
    configs = {c["config_name"]: c for c in header["configs"]}
    assert configs["documents"]["default"] is True
    assert header["license"] and header["language"] == ["en"] and header["task_categories"] and header["size_categories"]


def test_splits_are_whole_documents_and_disjoint(loaded):
    docs = {split: set(loaded["documents"][split]["doc_id"]) for split in SPLITS}
    assert not (docs["train"] & docs["validation"]) and not (docs["train"] & docs["test"]) and not (docs["validation"] & docs["test"])
    for config in ("tokens", "events"):
        for split in SPLITS:
            assert set(loaded[config][split]["doc_id"]) <= docs[split], (config, split)
    # each document is in the split its manifest row gives (the split rule lives in `add`, which
    # never moves a listed document; see corpus/ingest.py), and every listed document is there
    assert {doc_id: split for split, ids in docs.items() for doc_id in ids} == {d.doc_id: d.split for d in REPO.documents()}


def test_two_builds_are_byte_identical(built, tmp_path):
    again = tmp_path / "hf"
    build(REPO, again)
    assert file_hashes(built) == file_hashes(again)


def _tags_to_spans(tags, offsets):
    spans, current = [], None
    for tag, (start, end) in zip(tags, offsets):
        if tag.startswith("B-") or tag == "O" or (current and tag[2:] != current[2]):
            if current:
                spans.append(tuple(current))
            current = [start, end, tag[2:]] if tag != "O" else None
        else:
            current[1] = end
    if current:
        spans.append(tuple(current))
    return spans


def test_bio_tags_round_trip_to_spans_except_the_nesting_policy():
    corpus = load_corpus(REPO, refresh_clean=False)
    for doc in corpus.docs:
        ann = corpus.annotations[doc.doc_id]
        lost: list[dict] = []
        rows = token_rows(doc, corpus.texts[doc.doc_id], ann, False, lost)
        assert {d["reason"] for d in lost} <= {"nested in (or crossing) a longer span of the same layer"}, lost
        assert all(d["layer"] == "ACTOR" for d in lost), lost
        for layer, column in TAG_COLUMNS.items():
            recovered = {s for row in rows for s in _tags_to_spans(row[column], list(zip(row["token_starts"], row["token_ends"])))}
            expected = {(s["start"], s["end"], s["label"]) for s in ann["spans"] if s["layer"] == layer}
            dropped = {(d["span"]["start"], d["span"]["end"], d["span"]["label"]) for d in lost if d["layer"] == layer}
            assert recovered == expected - dropped, (doc.doc_id, layer)


def test_standoff_build_has_no_text(tmp_path):
    out = tmp_path / "standoff"
    build(REPO, out, standoff=True)
    corpus_text = (REPO.clean_dir / "003_0bebbda2a36ce2d2.txt").read_text(encoding="utf-8")
    sentence = corpus_text.split("\n")[1][:60]
    for parquet in out.rglob("*.parquet"):
        assert sentence.encode("utf-8") not in parquet.read_bytes()


def test_bad_annotation_refuses_build_and_keeps_previous_output(tmp_path):
    copy = copy_corpus(tmp_path / "copy")
    path = copy.annotations_dir / "004_55396772dfa231c4.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["spans"][0]["end"] += 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "hf"
    out.mkdir()
    (out / "sentinel.txt").write_text("previous build", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(copy.root), "--out", str(out)])
    assert result.exit_code == 1
    assert "004_55396772dfa231c4.json: /spans/0/text" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == ["sentinel.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hf.")]


def test_stale_annotation_is_reported_with_its_doc_id(tmp_path):
    copy = copy_corpus(tmp_path / "copy")
    path = copy.annotations_dir / "002_b239d6d9a59df4e2.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["text_sha256"] = "f" * 64
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(copy.root), "--out", str(tmp_path / "hf")])
    assert result.exit_code == 1
    assert "stale: 002_b239d6d9a59df4e2" in result.output
    assert not (tmp_path / "hf").exists()


def test_rehydrate_rebuilds_the_full_dataset_and_rejects_other_copies(built, tmp_path):
    import pyarrow.parquet as pq

    standoff = tmp_path / "standoff"
    build(REPO, standoff, standoff=True)
    out = tmp_path / "rehydrated"
    result = CliRunner().invoke(cli, ["rehydrate", str(standoff), "--raw", str(REPO.raw_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for config in CONFIGS:
        for split in SPLITS:
            assert pq.read_table(out / config / f"{split}.parquet").equals(pq.read_table(built / config / f"{split}.parquet"))
    raw = tmp_path / "raw"
    shutil.copytree(REPO.raw_dir, raw)
    (raw / "003_0bebbda2a36ce2d2.txt").write_text("A different article.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["rehydrate", str(standoff), "--raw", str(raw), "--out", str(tmp_path / "bad")])
    assert result.exit_code == 1
    assert "003_0bebbda2a36ce2d2.txt: this copy differs from the published article" in result.output
    assert not (tmp_path / "bad").exists()
