"""The build's file-hash table (publish/filehash.py): an unchanged file is not read again, any
rewrite is seen even when size and mtime are put back, a file too fresh to trust is not
remembered, and the table forgets files the shard no longer has."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from newscorpus.corpus import Corpus
from newscorpus.fileio import folder_sha256
from newscorpus.publish import filehash
from newscorpus.publish.build import build
from newscorpus.publish.filehash import FileHashes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synth  # noqa: E402


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(filehash, "RACY_NS", -1)  # trust every stat (no file here is being written)
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    table = tmp_path / "stat" / "shard.json"
    first = FileHashes(table)
    assert first.digest(f) == _sha(b"one") and first.read == 1
    first.save()
    again = FileHashes(table)
    assert again.digest(f) == _sha(b"one") and again.read == 0


def test_a_rewrite_is_seen_even_with_size_and_mtime_put_back(tmp_path, monkeypatch):
    monkeypatch.setattr(filehash, "RACY_NS", -1)
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    table = tmp_path / "t.json"
    hashes = FileHashes(table)
    hashes.digest(f)
    hashes.save()
    st = f.stat()
    f.write_bytes(b"two")  # same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))  # same mtime: only ctime tells
    assert FileHashes(table).digest(f) == _sha(b"two")


def test_a_fresh_file_is_hashed_every_time(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"just written")
    table = tmp_path / "t.json"
    hashes = FileHashes(table)
    hashes.digest(f)
    hashes.save()
    later = FileHashes(table)
    assert later.digest(f) == _sha(b"just written") and later.read == 1


def test_the_table_keeps_only_what_the_last_run_asked_for(tmp_path, monkeypatch):
    monkeypatch.setattr(filehash, "RACY_NS", -1)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"a")
    b.write_bytes(b"b")
    table = tmp_path / "t.json"
    hashes = FileHashes(table)
    hashes.digest(a), hashes.digest(b)
    hashes.clean_entry("k1", lambda k: {"text": "x"})
    hashes.save()
    hashes = FileHashes(table)
    hashes.digest(a)
    hashes.save()
    saved = json.loads(table.read_text())
    assert list(saved["files"]) == [str(a)] and saved["clean"] == {}


def test_a_missing_file_raises_from_its_reader(tmp_path):
    hashes = FileHashes(None)
    try:
        hashes.digest(tmp_path / "gone.txt")
    except OSError:
        pass
    else:
        raise AssertionError("a missing file gave a hash")


def test_an_edit_that_keeps_size_and_mtime_still_rebuilds(tmp_path, monkeypatch):
    monkeypatch.setattr(filehash, "RACY_NS", -1)
    corpus = Corpus.open(synth.generate(tmp_path / "corpus", 12, seed=5))
    path = corpus.annotations_dir / f"{corpus.documents()[0].doc_id}.json"
    ann = json.loads(path.read_bytes())
    path.write_bytes(json.dumps(ann, ensure_ascii=False).encode() + b" " * 16)  # room to keep the size
    before = path.read_bytes()
    build(corpus, tmp_path / "first", jobs=1, shards=1)
    st = path.stat()
    event = next(s for s in ann["spans"] if s["layer"] == "EVENT")
    event["realis"] = "GENERIC" if event["realis"] != "GENERIC" else "ACTUAL"
    after = json.dumps(ann, ensure_ascii=False).encode()
    path.write_bytes(after + b" " * (len(before) - len(after)))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    build(corpus, tmp_path / "again", jobs=1, shards=1)
    build(corpus, tmp_path / "full", jobs=1, shards=1, cache=False)
    assert folder_sha256(tmp_path / "again") == folder_sha256(tmp_path / "full")
    assert folder_sha256(tmp_path / "again") != folder_sha256(tmp_path / "first")
