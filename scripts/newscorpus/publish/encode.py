"""Rows as Arrow tables with the declared features: ``ClassLabel`` names become their ints.

Kept apart from ``shards.py`` (the shard plan, which the build's main process needs) because it
imports ``datasets``, which only the processes that make rows should pay for.
"""

from __future__ import annotations

import pyarrow as pa
from datasets import ClassLabel, Features, LargeList, List

from newscorpus.publish.features import CONFIGS


def _needs_encoding(feature) -> bool:
    if isinstance(feature, ClassLabel):
        return True
    if isinstance(feature, (List, LargeList)):
        return _needs_encoding(feature.feature)
    if isinstance(feature, (dict, Features)):
        return any(_needs_encoding(sub) for sub in feature.values())
    return False


def _encoder(feature):
    """A function turning one python value into its stored form (ClassLabel names -> ints).

    Only the parts that hold a ClassLabel are touched; everything else is passed through to
    Arrow as it is (Arrow picks struct fields by name)."""
    if isinstance(feature, ClassLabel):
        index = {name: i for i, name in enumerate(feature.names)}
        return lambda v: index[v] if isinstance(v, str) else v
    if isinstance(feature, (List, LargeList)):
        inner = feature.feature
        if isinstance(inner, ClassLabel):
            index = {name: i for i, name in enumerate(inner.names)}
            return lambda v: None if v is None else [index[x] if isinstance(x, str) else x for x in v]
        encode = _encoder(inner)
        return lambda v: None if v is None else [encode(x) for x in v]
    if isinstance(feature, (dict, Features)):
        parts = [(key, _encoder(sub)) for key, sub in feature.items() if _needs_encoding(sub)]

        def encode_struct(row):
            if row is None:
                return None
            row = dict(row)
            for key, encode in parts:
                if key in row:
                    row[key] = encode(row[key])
            return row

        return encode_struct
    return lambda v: v


class Encoder:
    """Rows of one config -> an Arrow table with the config's schema (and HF feature metadata)."""

    def __init__(self, config: str, standoff: bool):
        features = CONFIGS[config](standoff)
        self.schema = features.arrow_schema
        self._row = _encoder(features)

    def table(self, rows: list[dict]) -> pa.Table:
        return pa.Table.from_pylist([self._row(r) for r in rows], schema=self.schema)
