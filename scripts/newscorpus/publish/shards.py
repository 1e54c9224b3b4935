"""Parquet shards: how documents are divided into shards, and how a shard file is written.

A split's documents (manifest order) are cut into contiguous shards of about
``DOCS_PER_SHARD`` documents; every config writes ``<config>/<split>-<i>-of-<n>.parquet`` for
each shard that has rows (a zero-row parquet file makes ``load_dataset`` fail, so none is
written). Rows, encoded with the declared features (``encode.py``), are written in row groups of
``ROW_GROUP_DOCS`` documents, so the bytes depend only on the documents and the shard count,
never on how many workers ran or which documents came from the cache.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus.corpus.manifest import SPLITS, Document
from newscorpus.publish.features import CONFIGS
from newscorpus.fileio import sha256_file

DOCS_PER_SHARD = 500
ROW_GROUP_DOCS = 100
PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": True, "use_dictionary": True}


@dataclass(frozen=True)
class Shard:
    """One shard of one split: the documents every config's file for it is made from."""

    split: str
    index: int
    count: int
    docs: tuple[Document, ...]

    @property
    def name(self) -> str:
        return f"{self.split}-{self.index:05d}-of-{self.count:05d}"

    def path(self, config: str) -> str:
        """The shard's file for ``config``, relative to the dataset folder."""
        return f"{config}/{self.name}.parquet"


def plan_shards(docs: list[Document], shards_per_split: int | None = None) -> list[Shard]:
    """Shards in a fixed order (split, then index); ``shards_per_split`` [default: about
    ``DOCS_PER_SHARD`` documents a shard] is capped by each split's document count."""
    plan: list[Shard] = []
    for split in SPLITS:
        members = [d for d in docs if d.split == split]
        if not members:
            continue
        count = shards_per_split or math.ceil(len(members) / DOCS_PER_SHARD)
        count = max(1, min(count, len(members)))
        for index in range(count):
            lo, hi = index * len(members) // count, (index + 1) * len(members) // count
            plan.append(Shard(split, index, count, tuple(members[lo:hi])))
    return plan


# ---- encoding rows with the declared features --------------------------------------------


class ShardWriter:
    """Writes one shard's files: feed it each document's tables in order, then ``close``.

    Tables are buffered per config and flushed as one row group every ``ROW_GROUP_DOCS``
    documents; a config that never gets a row writes no file.
    """

    def __init__(self, paths: dict[str, str], out_dir: Path, standoff: bool):
        """``paths``: {config: the file's path relative to ``out_dir``} (``Shard.path``)."""
        self.paths, self.out_dir = paths, Path(out_dir)
        self.schemas = {config: CONFIGS[config](standoff).arrow_schema for config in paths}
        self.buffers: dict[str, list[pa.Table]] = {config: [] for config in paths}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: Counter = Counter()
        self.pending = 0

    def add(self, tables: dict[str, pa.Table]) -> None:
        for config, table in tables.items():
            if table.num_rows:
                self.buffers[config].append(table)
        self.pending += 1
        if self.pending >= ROW_GROUP_DOCS:
            self._flush()

    def _flush(self) -> None:
        for config, tables in self.buffers.items():
            if not tables:
                continue
            table = pa.concat_tables([t.replace_schema_metadata(None) for t in tables]).combine_chunks()
            if config not in self.writers:
                path = self.out_dir / self.paths[config]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.unlink(missing_ok=True)  # it may be a hard link into the cache: never write through it
                self.writers[config] = pq.ParquetWriter(path, self.schemas[config], **PARQUET_OPTIONS)
            self.writers[config].write_table(table, row_group_size=table.num_rows)
            self.rows[config] += table.num_rows
            tables.clear()
        self.pending = 0

    def close(self) -> dict[str, dict]:
        """Finish every file; returns {config: {"path", "rows", "bytes", "sha256"}} for the files written.

        On a failure (a full disk) every file is closed before the error goes on, so no writer
        is left to fail again, noisily, when it is garbage-collected."""
        try:
            self._flush()
            for writer in self.writers.values():
                writer.close()
        except BaseException:
            self.abort()
            raise
        files = {}
        for config in self.writers:
            path = self.out_dir / self.paths[config]
            meta = pq.read_metadata(path)
            files[config] = {
                "path": self.paths[config],
                "rows": meta.num_rows,
                "bytes": sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups)),
                "sha256": sha256_file(path),
            }
        return files

    def abort(self) -> None:
        """Close every file, ignoring errors (the caller is already failing or discarding the shard)."""
        for writer in self.writers.values():
            try:
                writer.close()
            except OSError:
                pass
            writer.is_open = False  # pyarrow retries close() in __del__ while this is set


# ---- plain counts, as data --------------------------------------------------------------


def counts_to_json(counts: Counter) -> list:
    """A Counter with tuple keys as a sorted JSON-able list of [key..., n]."""
    return [[*key, n] for key, n in sorted(counts.items())]


def counts_from_json(items: list) -> Counter:
    return Counter({tuple(item[:-1]): item[-1] for item in items})
