"""Content hashes of corpus files, re-read only when a file's stat changed (git's index trick).

An incremental build keys its cache by the sha256 of every raw, clean and annotation file;
reading and hashing 3 x 10^4 files costs more than rebuilding the one document that changed.
So, as git's index does, a table per shard remembers each file's stat beside its hash, and a
file whose stat is unchanged is not read again. The stat includes ``st_ctime_ns``, which no
program can set back (``os.utime`` sets only atime and mtime), and the inode, so a rewrite or a
replacement is always seen. A file written less than ``RACY_NS`` before it was hashed is not
remembered: within one timestamp tick it could change again unseen ("racy git").
The cache keys are still content hashes; the table only says which files need no reading.

The table also remembers the shard's key next to a digest of its other inputs (code, rules,
registry, manifest rows): when those are the same and every file's stat is unchanged, the
shard is the one built last time, and its 500 documents need no keys computed one by one.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from newscorpus.fileio import sha256_bytes
from newscorpus.publish.cache import write_entry

RACY_NS = 2_000_000_000


def _stat(name: str) -> list[int] | None:
    """What the table remembers of a file's stat (None: no such file)."""
    try:
        st = os.stat(name)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _read(path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


class FileHashes:
    """sha256 of one shard's files, from a remembered table where their stat is unchanged.

    ``table`` is the JSON file the table lives in (None: nothing is remembered). Saving keeps
    only what this run asked for, so files and entries that left the shard are forgotten."""

    def __init__(self, table: Path | None):
        self.table, self.read = table, 0
        self.files: dict[str, list] = {}
        self.clean: dict[str, dict] = {}
        self.shard: dict | None = None
        if table is not None:
            try:
                loaded = json.loads(Path(table).read_bytes())
                self.files, self.clean, self.shard = dict(loaded["files"]), dict(loaded["clean"]), loaded.get("shard")
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass
        self.complete = True  # every file asked for so far is remembered
        self._loaded = (dict(self.files), dict(self.clean), self.shard)
        self._files_used: set[str] = set()
        self._clean_used: set[str] = set()

    def digest(self, path, read=_read) -> str:
        """The file's sha256; ``read`` (raising for a missing or bad file) is called only when the
        file must be read. The result is remembered unless the file is too fresh to trust."""
        name = os.fspath(path)
        self._files_used.add(name)
        now = _stat(name)
        known = self.files.get(name)
        if now is not None and known is not None and known[:-1] == now:
            return known[-1]
        sha = sha256_bytes(read(path))
        self.read += 1
        if now is not None and time.time_ns() - now[2] > RACY_NS:  # ctime: the last write or rename
            self.files[name] = [*now, sha]
        else:
            self.files.pop(name, None)
            self.complete = False
        return sha

    def unchanged_shard(self, inputs: str) -> str | None:
        """The shard key remembered with ``inputs`` if every file in the table still has its stat."""
        memo = self.shard
        if not isinstance(memo, dict) or memo.get("inputs") != inputs or not self.files:
            return None
        if any(_stat(name) != known[:-1] for name, known in self.files.items()):
            return None
        return memo.get("key")

    def remember_shard(self, inputs: str, shard_key: str | None) -> None:
        """Remember the shard's key (None: forget it, as for a shard with a problem), unless
        one of its files was too fresh to remember."""
        self.shard = {"inputs": inputs, "key": shard_key} if shard_key and self.complete else None

    def clean_entry(self, k: str, lookup) -> dict | None:
        """The clean cache entry ``k`` (hashes of a clean text and its provenance), kept in the
        table too, so a shard's entries are one read rather than one per document."""
        self._clean_used.add(k)
        entry = self.clean.get(k)
        if entry is None:
            entry = lookup(k)
            if entry is not None:
                self.clean[k] = entry
        return entry

    def save(self) -> None:
        """Write the table atomically when it changed (a lost or stale table only means files are read again)."""
        if self.table is None:
            return
        files = {k: v for k, v in self.files.items() if k in self._files_used}
        clean = {k: v for k, v in self.clean.items() if k in self._clean_used}
        if (files, clean, self.shard) == self._loaded:
            return
        write_entry(Path(self.table), json.dumps({"files": files, "clean": clean, "shard": self.shard}, sort_keys=True).encode())
        self._loaded = (files, clean, self.shard)
