"""Rebuild the full-text dataset from a standoff release and the user's own copies of the articles.

Publishers own the article text, so the standoff release carries offsets and sha256 hashes
only. Each raw article is checked against the manifest's sha256, cleaned with the same rules,
and every restored string is checked against the hash it replaces.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import yaml


from newscorpus.publish.build import write_parquet
from newscorpus.corpus.release import read_release
from newscorpus.publish.card import yaml_header
from newscorpus.clean import clean_file, load_rules
from newscorpus.errors import InputError
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS
from newscorpus.fileio import replace_dir, sha256_text
from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.corpus.manifest import SPLITS, read_manifest, verify_raw


def _restore(row: dict, key: str, text: str, where: str) -> None:
    """Replace ``key_sha256`` (or ``text_sha256`` for ``text``) with ``text`` after checking it."""
    hash_key = f"{key}_sha256"
    if sha256_text(text) != row.pop(hash_key):
        raise InputError(f"restored {key} does not match its sha256 in the standoff release", where)
    row[key] = text


def _restore_document(row: dict, text: str, where: str) -> dict:
    _restore(row, "text", text, where)
    for column in (*LAYER_COLUMNS.values(), "quality"):
        for span in row[column]:
            _restore(span, "text", text[span["start"] : span["end"]], f"{where}: span {span['id']}")
    return row


def _restore_tokens(row: dict, text: str, where: str) -> dict:
    tokens = [text[s:e] for s, e in zip(row["token_starts"], row["token_ends"])]
    if [sha256_text(t) for t in tokens] != row.pop("tokens_sha256"):
        raise InputError(f"restored tokens of sentence {row['sentence_id']} do not match their hashes", where)
    row["tokens"] = tokens
    return row


def _restore_event(row: dict, text: str, where: str) -> dict:
    _restore(row, "trigger", text[row["trigger_start"] : row["trigger_end"]], where)
    _restore(row, "context", text[row["context_offset"] : row["context_end"]], where)
    for arg in row["arguments"]:
        _restore(arg, "text", text[arg["start"] : arg["end"]], f"{where}: argument {arg['ref']}")
    return row


RESTORE = {"documents": _restore_document, "tokens": _restore_tokens, "events": _restore_event}


def rehydrate(standoff_dir: Path, raw_dir: Path, out_dir: Path) -> dict:
    standoff_dir, raw_dir, out_dir = Path(standoff_dir), Path(raw_dir), Path(out_dir)
    manifest = standoff_dir / "manifest.csv"
    if not manifest.is_file():
        raise InputError("not a standoff release (no manifest.csv)", str(standoff_dir))
    # the release carries the rules its clean text was made with; older releases used the packaged ones
    shipped = standoff_dir / "cleaning_rules.toml"
    rules = load_rules(shipped if shipped.is_file() else DEFAULT_CLEANING_RULES)
    texts = {}
    for doc in read_manifest(manifest):
        texts[doc.doc_id] = clean_file(verify_raw(doc, raw_dir), rules).text
    rows = {}
    for config in CONFIGS:
        rows[config] = {}
        for split in SPLITS:
            path = standoff_dir / config / f"{split}.parquet"
            if not path.is_file():
                raise InputError("missing from the standoff release", str(path))
            restored = []
            for i, row in enumerate(pq.read_table(path).to_pylist()):
                restored.append(RESTORE[config](row, texts[row["doc_id"]], f"{path}: row {i}"))
            rows[config][split] = restored
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent if out_dir.parent.exists() else None))
    try:
        sizes = {}
        for config, splits in rows.items():
            for split, split_rows in splits.items():
                ordered = [{k: r[k] for k in CONFIGS[config](False)} for r in split_rows]
                sizes[(config, split)] = write_parquet(ordered, CONFIGS[config](False), staging / config / f"{split}.parquet")
        card = (standoff_dir / "README.md").read_text(encoding="utf-8")
        body = card.split("---", 2)[2]
        release = read_release(standoff_dir / "release.toml")
        header = yaml.safe_dump(yaml_header(rows, False, sizes, release=release), sort_keys=False, allow_unicode=True, width=1000)
        (staging / "README.md").write_text(f"---\n{header}---{body}", encoding="utf-8")
        if (standoff_dir / "images").is_dir():
            shutil.copytree(standoff_dir / "images", staging / "images")
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return {config: {split: len(r) for split, r in splits.items()} for config, splits in rows.items()}
