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
from newscorpus.errors import ValidationFailed
from newscorpus.publish import filehash, stages
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


def _count_calls(monkeypatch, module, name) -> list:
    calls: list = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    return calls


def test_a_second_build_reads_no_file_again(tmp_path, monkeypatch):
    """The clean files a cold build compared or wrote are remembered too, and a shard whose
    files and inputs are all unchanged is taken whole, without any per-document work."""
    monkeypatch.setattr(filehash, "RACY_NS", -1)
    reads: list[int] = []
    save = FileHashes.save
    monkeypatch.setattr(FileHashes, "save", lambda self: (reads.append(self.read), save(self))[1])
    cleaned = _count_calls(monkeypatch, stages, "clean_stage")
    corpus = Corpus.open(synth.generate(tmp_path / "corpus", 12, seed=7))
    build(corpus, tmp_path / "first", jobs=1, shards=2)
    assert sum(reads) == 12 * 4  # raw, annotation, clean text and provenance (the last two as written)
    assert len(cleaned) == 12
    reads.clear(), cleaned.clear()
    build(corpus, tmp_path / "again", jobs=1, shards=2)
    assert not any(reads) and not cleaned
    assert folder_sha256(tmp_path / "again") == folder_sha256(tmp_path / "first")


def test_files_too_fresh_to_trust_get_per_document_checks(tmp_path, monkeypatch):
    cleaned = _count_calls(monkeypatch, stages, "clean_stage")
    corpus = Corpus.open(synth.generate(tmp_path / "corpus", 12, seed=8))  # written just now: racy
    build(corpus, tmp_path / "first", jobs=1, shards=1)
    cleaned.clear()
    build(corpus, tmp_path / "again", jobs=1, shards=1)
    assert len(cleaned) == 12


def test_a_raw_file_gone_bad_is_refused_on_every_build(tmp_path, monkeypatch):
    """A shard with a problem forgets its remembered key: the last good shard is never served."""
    monkeypatch.setattr(filehash, "RACY_NS", -1)
    corpus = Corpus.open(synth.generate(tmp_path / "corpus", 12, seed=9))
    build(corpus, tmp_path / "first", jobs=1, shards=1)
    raw = corpus.raw_dir / corpus.documents()[0].raw_file
    raw.write_bytes(raw.read_bytes().replace(b"e", b"E", 1))
    for attempt in ("again", "once more"):
        try:
            build(corpus, tmp_path / attempt, jobs=1, shards=1)
        except ValidationFailed as exc:
            assert "differs from the published article" in str(exc)
        else:
            raise AssertionError(f"{attempt}: a changed raw file was built")
