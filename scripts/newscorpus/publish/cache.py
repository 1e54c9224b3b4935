"""The build cache (``dist/.cache``): work already done, found again by content hashes.

Nothing in it is ever trusted by name or date: every entry is keyed by the sha256 of what it
was made from, so a changed input simply misses.

* ``clean/<key>.json``: the sha256 of a raw file's clean text and provenance, keyed by the raw
  file's sha256, the cleaning rules' sha256 and the code version (``code_version``: the
  package modules that make cached work, and the versions of the libraries that shape it);
* ``<variant>/docs/<key>.pkl``: one document's encoded rows (Arrow IPC, lz4), counts and card facts,
  keyed by its clean text, annotation file, entity registry, manifest row and the code version;
* ``<variant>/shards/<key>/``: a finished shard's parquet files and summary, keyed by the
  keys of its documents and its place in the plan (reused by hard link when nothing changed);
* ``plots/<key>``: the card's label-distribution PNG, keyed by the counts it plots (the card
  itself is always rendered anew).

``variant`` is ``full`` or ``standoff``. After a successful build, entries that build did not
use are deleted, so the cache holds one build's worth of work. Deleting the folder is always
safe: the next build is a full one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pyarrow as pa


PACKAGE = Path(__file__).resolve().parents[1]


# the parts of the package that make what the cache holds (clean text, rows, shards); the CLI,
# Label Studio, pre-annotation and baseline code cannot change them (the card is never cached)
LIBRARIES = ("pyarrow", "datasets", "spacy", "jsonschema", "jsonschema-rs")  # their versions shape rows and files too
MAKERS = ("publish", "annotate", "clean", "corpus", "data", "fileio.py", "errors.py", "__init__.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """sha256 over the source and data files that make cached work: changing them invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0].removesuffix(".py") not in {m.removesuffix(".py") for m in MAKERS}:
            continue
        if path.suffix in {".py", ".toml", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for dist in LIBRARIES:
        digest.update(f"{dist}=={version(dist)}\0".encode())
    return digest.hexdigest()


def key(*parts) -> str:
    """sha256 of the parts' canonical JSON."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _ipc(table: pa.Table) -> tuple[int, bytes]:
    """Arrow IPC without the schema metadata (the writer has the features' schema), lz4 in one
    shot (per-buffer IPC compression costs more than the rows take to make)."""
    table = table.replace_schema_metadata(None)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    data = sink.getvalue()
    return data.size, pa.compress(data, codec="lz4", asbytes=True)


def _table(stored: tuple[int, bytes]) -> pa.Table:
    size, data = stored
    return pa.ipc.open_stream(pa.decompress(data, decompressed_size=size, codec="lz4")).read_all()


class BuildCache:
    """One corpus's cache folder; ``None`` folder means no caching (every lookup misses)."""

    def __init__(self, folder: Path | None, variant: str):
        self.folder = Path(folder) if folder else None
        self.variant = variant

    # --- clean -----------------------------------------------------------------------------
    def _clean_path(self, k: str) -> Path:
        return self.folder / "clean" / k[:2] / f"{k}.json"

    def get_clean(self, k: str) -> dict | None:
        if not self.folder:
            return None
        try:
            return json.loads(self._clean_path(k).read_bytes())
        except (OSError, ValueError):
            return None

    def put_clean(self, k: str, entry: dict) -> None:
        if self.folder:
            write_entry(self._clean_path(k), json.dumps(entry).encode())

    # --- documents -------------------------------------------------------------------------
    def _doc_path(self, k: str) -> Path:
        return self.folder / self.variant / "docs" / k[:2] / f"{k}.pkl"

    def get_doc(self, k: str) -> dict | None:
        if not self.folder:
            return None
        try:
            entry = pickle.loads(self._doc_path(k).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            return None
        entry["tables"] = {config: _table(data) for config, data in entry["tables"].items()}
        return entry

    def put_doc(self, k: str, tables: dict[str, pa.Table], counts, first: dict, facts) -> None:
        if self.folder:
            entry = {"tables": {config: _ipc(t) for config, t in tables.items()}, "counts": counts, "first": first, "facts": facts}
            write_entry(self._doc_path(k), pickle.dumps(entry, protocol=5))

    # --- shards ----------------------------------------------------------------------------
    def _shard_dir(self, k: str) -> Path:
        return self.folder / self.variant / "shards" / k

    def get_shard(self, k: str, out_dir: Path) -> dict | None:
        """Link a cached shard's files into ``out_dir``; returns its summary, or None on a miss."""
        if not self.folder:
            return None
        folder = self._shard_dir(k)
        try:
            summary = json.loads((folder / "summary.json").read_bytes())
            for config, info in summary["files"].items():
                _link(folder / f"{config}.parquet", Path(out_dir) / info["path"])
        except (OSError, ValueError, KeyError):
            return None
        return summary

    def put_shard(self, k: str, out_dir: Path, summary: dict) -> None:
        if not self.folder:
            return
        folder = self._shard_dir(k)
        tmp = folder.with_name(f".{k}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for config, info in summary["files"].items():
            _link(Path(out_dir) / info["path"], tmp / f"{config}.parquet")
        (tmp / "summary.json").write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)

    # --- file hashes (which corpus files need reading) -----------------------------------------
    def file_hashes(self, shard: str):
        """The shard's table of file stats and hashes (``filehash.py``); remembers nothing without a folder."""
        from newscorpus.publish.filehash import FileHashes

        return FileHashes(self.folder / "stat" / f"{shard}.json" if self.folder else None)

    # --- whole files (the card's plots) ----------------------------------------------------
    def _file_path(self, kind: str, k: str) -> Path:
        return self.folder / kind / k

    def get_file(self, kind: str, k: str, dst: Path) -> bool:
        """Link the cached file into place; False on a miss."""
        if not self.folder:
            return False
        try:
            _link(self._file_path(kind, k), Path(dst))
        except OSError:
            return False
        return True

    def put_file(self, kind: str, k: str, src: Path) -> None:
        """Cache a file, keeping only the newest entry of its kind (one build's worth)."""
        if self.folder:
            folder = self.folder / kind
            for old in folder.glob("*") if folder.is_dir() else ():
                old.unlink(missing_ok=True)
            write_entry(self._file_path(kind, k), Path(src).read_bytes())

    def prune(self, shard_keys: set[str], shard_names: set[str] = frozenset()) -> None:
        """Delete every entry of this variant (and every clean entry) the last build did not use:
        the build used the shards ``shard_keys``, and their cached summaries list their documents;
        file-hash tables of shards not in the plan (``shard_names``) go too."""
        if not self.folder:
            return
        doc_keys: set[str] = set()
        clean_keys: set[str] = set()
        for k in shard_keys:
            try:
                summary = json.loads((self._shard_dir(k) / "summary.json").read_bytes())
            except (OSError, ValueError):
                continue
            doc_keys.update(summary.get("doc_keys", ()))
            clean_keys.update(summary.get("clean_keys", ()))
        for path, stem in _entries(self.folder / self.variant / "docs", ".pkl", nested=True):
            if stem not in doc_keys:
                Path(path).unlink(missing_ok=True)
        for path in (self.folder / self.variant / "shards").glob("*"):
            if path.name not in shard_keys:
                shutil.rmtree(path, ignore_errors=True)
        for path, stem in _entries(self.folder / "clean", ".json", nested=True):
            if stem not in clean_keys:
                Path(path).unlink(missing_ok=True)
        for path, stem in _entries(self.folder / "stat", ".json"):
            if stem not in shard_names:
                Path(path).unlink(missing_ok=True)


def _entries(folder: Path, suffix: str, nested: bool = False):
    """(path, stem) of the ``suffix`` files in ``folder`` (or its subfolders): os.scandir, as
    pathlib's glob takes 4-8 times as long over the 10^5 entries of a large corpus (0.4 s against 0.1 s warm)."""
    try:
        tops = [e.path for e in os.scandir(folder) if e.is_dir()] if nested else [os.fspath(folder)]
    except OSError:
        return
    for top in tops:
        try:
            names = [e for e in os.scandir(top) if e.name.endswith(suffix) and not e.name.startswith(".")]
        except OSError:
            continue
        for entry in names:
            yield entry.path, entry.name[: -len(suffix)]


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry via a temporary file and rename (no fsync: a lost entry only means a miss)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _link(src: Path, dst: Path) -> None:
    """Hard link (the files are never modified in place), or copy across file systems."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists():
        dst.unlink()
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)
