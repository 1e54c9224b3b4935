"""The streaming, sharded build at small scale (a synthetic corpus of ~20 documents):
worker count and cache never change the bytes, shards are listed in the card and Croissant,
an incremental rebuild only redoes the changed shard, empty splits write no parquet, invalid
input refuses the build, and the datatrove job gives the same folder as the local build."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml

from newscorpus.corpus import Corpus
from newscorpus.errors import ValidationFailed
from newscorpus.fileio import folder_sha256
from newscorpus.publish.build import build

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synth  # noqa: E402

DOCS = 24


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Corpus:
    return Corpus.open(synth.generate(tmp_path_factory.mktemp("synth") / "corpus", DOCS, seed=7))


def _card(folder: Path) -> dict:
    return yaml.safe_load((folder / "README.md").read_text(encoding="utf-8").split("---")[1])


@pytest.fixture(scope="module")
def serial(synthetic, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "hf"
    build(synthetic, out, jobs=1, shards=2, cache=False)
    return out


def test_synthetic_corpus_is_deterministic_by_seed(tmp_path):
    a, b = synth.generate(tmp_path / "a", 5, seed=3), synth.generate(tmp_path / "b", 5, seed=3)
    assert folder_sha256(a) == folder_sha256(b)
    assert folder_sha256(a) != folder_sha256(synth.generate(tmp_path / "c", 5, seed=4))


def test_workers_and_cache_do_not_change_the_bytes(synthetic, serial, tmp_path):
    parallel = tmp_path / "parallel"
    build(synthetic, parallel, jobs=2, shards=2)
    assert folder_sha256(parallel) == folder_sha256(serial)
    again = tmp_path / "again"  # everything from the cache now
    build(synthetic, again, jobs=2, shards=2)
    assert folder_sha256(again) == folder_sha256(serial)


def test_card_and_croissant_list_the_shards_and_load(serial):
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    from datasets import load_dataset

    header = _card(serial)
    files = {c["config_name"]: {f["split"]: f["path"] for f in c["data_files"]} for c in header["configs"]}
    on_disk = sorted(p.relative_to(serial).as_posix() for p in serial.rglob("*.parquet"))
    assert sorted(p for splits in files.values() for paths in splits.values() for p in paths) == on_disk
    assert files["documents"]["train"] == ["documents/train-00000-of-00002.parquet", "documents/train-00001-of-00002.parquet"]
    croissant = json.loads((serial / "croissant.json").read_text(encoding="utf-8"))
    assert sorted(d["contentUrl"] for d in croissant["distribution"] if d["@type"] == "cr:FileObject") == on_disk
    docs = load_dataset(str(serial), "documents", cache_dir=str(serial.parent / "hf-cache"))
    info = {i["config_name"]: i for i in header["dataset_info"]}["documents"]
    assert {s["name"]: s["num_examples"] for s in info["splits"]} == {s: docs[s].num_rows for s in docs}
    assert sum(docs[s].num_rows for s in docs) == DOCS
    assert docs["train"]["doc_id"] == sorted(docs["train"]["doc_id"])  # shards in manifest order


def test_one_changed_annotation_rebuilds_one_shard_and_matches_a_full_build(synthetic, tmp_path):
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synthetic.root, root, ignore=shutil.ignore_patterns("dist"))
    corpus = Corpus.open(root)
    first = tmp_path / "first"
    build(corpus, first, jobs=1, shards=2)
    doc_id = corpus.documents()[-1].doc_id  # a test-split document
    path = corpus.annotations_dir / f"{doc_id}.json"
    ann = json.loads(path.read_text(encoding="utf-8"))
    event = next(s for s in ann["spans"] if s["layer"] == "EVENT")
    event["realis"] = "GENERIC" if event["realis"] != "GENERIC" else "ACTUAL"
    path.write_text(json.dumps(ann), encoding="utf-8")
    incremental = tmp_path / "incremental"
    build(corpus, incremental, jobs=1, shards=2)
    full = tmp_path / "full"
    build(corpus, full, jobs=1, shards=2, cache=False)
    assert folder_sha256(incremental) == folder_sha256(full)
    changed = {p for p, h in folder_sha256(incremental).items() if folder_sha256(first).get(p) != h}
    assert {p for p in changed if p.endswith(".parquet")} == {"documents/test-00001-of-00002.parquet", "events/test-00001-of-00002.parquet"}
    assert "README.md" in changed  # the realis counts
    # unchanged shards were linked from the cache, not rewritten
    same = (incremental / "tokens" / "train-00000-of-00002.parquet").stat().st_ino
    assert same == (first / "tokens" / "train-00000-of-00002.parquet").stat().st_ino


def test_a_split_without_events_writes_no_events_file_and_still_loads(synthetic, tmp_path):
    """A zero-row parquet file makes load_dataset fail: a config with no rows in a split writes none."""
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synthetic.root, root, ignore=shutil.ignore_patterns("dist"))
    corpus = Corpus.open(root)
    for doc in corpus.documents():
        if doc.split == "test":
            path = corpus.annotations_dir / f"{doc.doc_id}.json"
            ann = json.loads(path.read_text(encoding="utf-8"))
            ann["spans"] = [s for s in ann["spans"] if s["layer"] != "EVENT"]
            path.write_text(json.dumps(ann), encoding="utf-8")
    out = tmp_path / "hf"
    build(corpus, out, jobs=1)
    assert not list((out / "events").glob("test-*.parquet")) and list((out / "documents").glob("test-*.parquet"))
    events = next(c for c in _card(out)["configs"] if c["config_name"] == "events")
    assert [f["split"] for f in events["data_files"]] == ["train", "validation"]
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    from datasets import load_dataset

    assert set(load_dataset(str(out), "events", cache_dir=str(tmp_path / "hf-cache"))) == {"train", "validation"}


def test_invalid_documents_refuse_the_parallel_build(synthetic, tmp_path):
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synthetic.root, root, ignore=shutil.ignore_patterns("dist"))
    corpus = Corpus.open(root)
    bad = [corpus.documents()[1].doc_id, corpus.documents()[-1].doc_id]
    for doc_id in bad:
        path = corpus.annotations_dir / f"{doc_id}.json"
        ann = json.loads(path.read_text(encoding="utf-8"))
        ann["spans"][0]["end"] += 1
        path.write_text(json.dumps(ann), encoding="utf-8")
    (corpus.annotations_dir / "stray.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "hf"
    with pytest.raises(ValidationFailed) as excinfo:
        build(corpus, out, jobs=2, shards=2)
    text = str(excinfo.value)
    for doc_id in bad:
        assert f"annotations/{doc_id}.json: /spans/0/text" in text
    assert "stray.json: /doc_id: doc_id 'stray' has no row in manifest.csv" in text
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".hf.")]


def test_datatrove_local_executor_matches_the_single_process_build(synthetic, serial, tmp_path):
    pytest.importorskip("datatrove")
    from newscorpus.publish.cluster import finish, plan_job, run_job

    job = plan_job(synthetic, tmp_path / "job", shards=2)
    assert job.tasks == 6
    run_job(job.folder, "local", workers=2)
    completions = sorted(p.name for p in (job.logs / "completions").iterdir())
    assert completions == [f"{rank:05d}" for rank in range(job.tasks)]
    run_job(job.folder, "local", workers=2)  # resumes: every task is already complete
    out = tmp_path / "hf"
    finish(job.folder, out)
    assert folder_sha256(out) == folder_sha256(serial)


def test_rehydrate_restores_a_sharded_standoff_release(synthetic, serial, tmp_path):
    from newscorpus.publish.rehydrate import rehydrate

    standoff = tmp_path / "standoff"
    build(synthetic, standoff, standoff=True, jobs=1, shards=2, cache=False)
    assert len(list((standoff / "tokens").glob("train-*-of-00002.parquet"))) == 2
    out = tmp_path / "rehydrated"
    rehydrate(standoff, synthetic.raw_dir, out)
    shards = sorted(p.relative_to(serial) for p in serial.rglob("*.parquet"))
    assert shards == sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    for shard in shards:
        assert (out / shard).read_bytes() == (serial / shard).read_bytes(), shard
    assert _card(out)["configs"] == _card(serial)["configs"]
