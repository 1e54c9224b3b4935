"""Croissant 1.0 (MLCommons) JSON-LD metadata for the published parquet dataset.

The dataset folder holds ``<out_dir>/<config>/<split>.parquet``. The metadata describes:

* the dataset itself (name, description, license, url, version, citeAs, conformsTo);
* one ``cr:FileObject`` per parquet file, with its relative ``contentUrl`` and real ``sha256``;
* one ``cr:FileSet`` per config (``includes`` its split files) that the record set reads;
* one ``cr:RecordSet`` per config with a ``cr:Field`` per column, derived from the
  ``datasets.Features`` of that config (the same objects that define the parquet schema).

Type mapping: ``Value("string")`` -> ``sc:Text``, integer values -> ``sc:Integer``, floats ->
``sc:Float``, ``bool`` -> ``sc:Boolean``. A ``ClassLabel`` is stored as its integer index, so it
becomes ``sc:Integer`` with a description listing the label names in index order. A ``List`` of
scalars is a field with ``repeated: true``; a ``List`` of structs is a ``repeated`` field whose
``subField``s read the top-level parquet column and select their key with one ``jsonPath``
transform per nesting level (the Hugging Face Croissant generator's convention), e.g.
``documents/events/arguments/role`` reads column ``events`` with transforms
``[{"jsonPath": "arguments"}, {"jsonPath": "role"}]``.

Known reader limitation (mlcroissant 1.1.1): one level of list-of-struct reads back correctly
(``events/arguments``, ``documents/actors`` ...), but a list of structs *inside* a list of structs
(``documents/events/arguments``) cannot be read: mlcroissant applies a transform chain only one
list level deep and fails with an ``IndexError``, so ``records("documents")`` raises. The
description itself loads and validates; the ``tokens`` and ``events`` record sets read fine.

Besides the parquet columns each record set carries a ``<config>/split`` field derived from the
file name, so records read back through the FileSet keep their split.

The output is deterministic: no timestamps, fixed key order, sorted file listing.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import datasets
from datasets import ClassLabel, Features, LargeList, List, Value

from newscorpus.fileio import atomic_write_text

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET = "application/x-parquet"

# The standard Croissant 1.0 @context (as in the spec's appendix and mlcroissant's
# ``make_context`` for 1.0), spelled out so this module does not depend on mlcroissant.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_INT_DTYPES = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
_FLOAT_DTYPES = {"float16", "float32", "float64", "float", "double"}
_TEXT_DTYPES = {"string", "large_string"}


class CroissantError(ValueError):
    """The features or the folder cannot be described in Croissant."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _scalar_type(feature: Value | ClassLabel) -> tuple[str, str | None]:
    """(dataType, extra description) of a scalar feature."""
    if isinstance(feature, ClassLabel):
        names = ", ".join(f"{i}={name}" for i, name in enumerate(feature.names))
        return "sc:Integer", f"Class label stored as its integer index; labels in order: {names}."
    if isinstance(feature, Value):
        dtype = feature.dtype
        if dtype in _TEXT_DTYPES:
            return "sc:Text", None
        if dtype in _INT_DTYPES:
            return "sc:Integer", None
        if dtype in _FLOAT_DTYPES:
            return "sc:Float", None
        if dtype == "bool":
            return "sc:Boolean", None
    raise CroissantError(f"no Croissant data type for feature {feature!r}")


def _list_inner(feature: Any) -> Any | None:
    """The element feature of a list-like feature, else ``None``."""
    if isinstance(feature, (List, LargeList)):
        return feature.feature
    if isinstance(feature, list) and len(feature) == 1:  # legacy ``[feature]`` spelling
        return feature[0]
    return None


def _source(file_set: str, column: str, json_path: tuple[str, ...] = ()) -> dict:
    source: dict[str, Any] = {"fileSet": {"@id": file_set}, "extract": {"column": column}}
    if len(json_path) == 1:
        source["transform"] = {"jsonPath": json_path[0]}
    elif json_path:
        source["transform"] = [{"jsonPath": step} for step in json_path]
    return source


def _field(field_id: str, name: str, feature: Any, file_set: str, column: str, json_path: tuple[str, ...] = ()) -> dict:
    """A ``cr:Field`` for ``feature`` read from parquet ``column``.

    ``json_path`` is the chain of keys leading from a value of ``column`` to this field: a
    sub-field reads its top-level column and applies one ``jsonPath`` transform per nesting
    level (each applied to every element of an enclosing list), the convention of the
    Hugging Face Croissant generator.
    """
    field: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": name}
    inner = _list_inner(feature)
    struct = inner if inner is not None and isinstance(inner, (dict, Features)) else feature
    if isinstance(struct, (dict, Features)):
        kind = "List of objects" if struct is inner else "Object"
        field["description"] = f"{kind} with keys: {', '.join(struct)}."
        if struct is inner:
            field["repeated"] = True
        field["subField"] = [
            _field(f"{field_id}/{key}", key, sub, file_set, column, (*json_path, _json_key(key)))
            for key, sub in struct.items()
        ]
        return field
    if inner is not None:
        if _list_inner(inner) is not None:
            raise CroissantError(f"{field_id}: lists of lists are not supported")
        data_type, extra = _scalar_type(inner)
        field["description"] = "List of values." + (f" Each element: {extra}" if extra else "")
        field["dataType"] = data_type
        field["repeated"] = True
    else:
        data_type, extra = _scalar_type(feature)
        if extra:
            field["description"] = extra
        field["dataType"] = data_type
    field["source"] = _source(file_set, column, json_path)
    return field


def _json_key(key: str) -> str:
    """``key`` as a JSONPath step (quoted when it is not a plain identifier)."""
    if key.isidentifier():
        return key
    return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']"


def _split_field(config: str, file_set: str, splits: tuple[str, ...]) -> dict:
    alternatives = "|".join(re.escape(split) for split in splits)
    return {
        "@type": "cr:Field",
        "@id": f"{config}/split",
        "name": "split",
        "description": f"Split the record comes from (one of: {', '.join(splits)}), taken from the parquet file name.",
        "dataType": "sc:Text",
        "source": {
            "fileSet": {"@id": file_set},
            "extract": {"fileProperty": "filename"},
            "transform": {"regex": f"^({alternatives})\\.parquet$"},
        },
    }


def croissant_metadata(
    out_dir: Path,
    *,
    name: str,
    description: str,
    license: str,
    url: str | None,
    version: str,
    citation: str,
    configs: dict[str, datasets.Features],
    splits: tuple[str, ...] = ("train", "validation", "test"),
    date_published: str | None = None,
) -> dict:
    """Croissant 1.0 JSON-LD for the parquet files in ``out_dir`` (see the module docstring).

    Every ``<config>/<split>.parquet`` must exist; a missing file raises ``CroissantError``.
    ``date_published`` (ISO date, optional) fills the recommended ``datePublished``; it is
    never taken from the clock, so the output stays deterministic. ``url`` may be None for a
    release with no home yet (the key is then left out rather than faked).
    """
    out_dir = Path(out_dir)
    distribution: list[dict] = []
    record_sets: list[dict] = []
    for config, features in configs.items():
        for column in features:
            if column == "split":
                raise CroissantError(f"config {config!r} has a column named 'split', which clashes with the split field")
        for split in splits:
            path = out_dir / config / f"{split}.parquet"
            if not path.is_file():
                raise CroissantError(f"missing parquet file: {path}")
            distribution.append(
                {
                    "@type": "cr:FileObject",
                    "@id": f"{config}/{split}.parquet",
                    "name": f"{config}/{split}.parquet",
                    "description": f"The {split} split of the {config} config.",
                    "contentUrl": f"{config}/{split}.parquet",
                    "encodingFormat": PARQUET,
                    "sha256": sha256_file(path),
                }
            )
        file_set = f"{config}-parquet"
        distribution.append(
            {
                "@type": "cr:FileSet",
                "@id": file_set,
                "name": file_set,
                "description": f"All parquet files of the {config} config ({', '.join(splits)}).",
                "encodingFormat": PARQUET,
                "includes": [f"{config}/{split}.parquet" for split in splits],
            }
        )
        fields = [_field(f"{config}/{column}", column, feature, file_set, column) for column, feature in features.items()]
        fields.append(_split_field(config, file_set, splits))
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": config,
                "name": config,
                "description": f"One record per row of the {config} parquet files.",
                "field": fields,
            }
        )
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": name,
        "description": description,
        "conformsTo": CONFORMS_TO,
        "citeAs": citation,
        "license": license,
        **({"url": url} if url else {}),
        "version": version,
        **({"datePublished": date_published} if date_published else {}),
        "distribution": distribution,
        "recordSet": record_sets,
    }


def write_croissant(out_dir: Path, **options) -> Path:
    """Write ``out_dir/croissant.json`` (options as for ``croissant_metadata``) and return its path."""
    out_dir = Path(out_dir)
    path = out_dir / "croissant.json"
    atomic_write_text(path, json.dumps(croissant_metadata(out_dir, **options), ensure_ascii=False, indent=2) + "\n")
    return path
