"""Rebuild the full-text dataset from a standoff release and the user's own copies of the articles.

Publishers own the article text, so the standoff release carries offsets and sha256 hashes
only. Each raw article is checked against the manifest's sha256, cleaned with the same rules,
and every restored string is checked against the hash it replaces.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import yaml


from newscorpus.corpus.release import read_release
from newscorpus.publish.card import write_croissant, yaml_header
from newscorpus.publish.encode import Encoder
from newscorpus.publish.shards import ShardWriter
from newscorpus.clean import clean_file, load_rules
from newscorpus.errors import InputError
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS
from newscorpus.fileio import prepare_dir, sha256_text, staged_dir
from newscorpus.corpus.project import DEFAULT_CLEANING_RULES
from newscorpus.corpus.manifest import read_manifest, verify_raw


def _restore(row: dict, key: str, text: str, where: str) -> None:
    """Replace ``key_sha256`` (or ``text_sha256`` for ``text``) with ``text`` after checking it."""
    hash_key = f"{key}_sha256"
    if sha256_text(text) != row.pop(hash_key, None):
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


def _read_rows(path: Path) -> list[dict]:
    """A standoff parquet shard's rows; a missing, truncated or foreign file is an InputError."""
    import pyarrow as pa

    if not path.is_file():
        raise InputError("missing from the standoff release", str(path))
    try:
        return pq.read_table(path).to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"not a readable parquet file ({str(exc).splitlines()[0][:200]})", str(path)) from None


def _restore_row(config: str, row: dict, text_of, where: str) -> dict:
    doc_id = row.get("doc_id")
    try:
        return RESTORE[config](row, text_of(doc_id, where), where)
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(f"not a standoff row of the {config} config (bad or missing column {exc})", where) from None


def _shards(standoff_dir: Path) -> tuple[str, dict[str, dict[str, list[str]]]]:
    """The card's body and its {config: {split: [shard paths]}} (the YAML ``configs`` data_files)."""
    card_path = standoff_dir / "README.md"
    if not card_path.is_file():
        raise InputError("not a standoff release (no README.md)", str(standoff_dir))
    card = card_path.read_text(encoding="utf-8")
    try:
        _, header, body = card.split("---", 2)
        configs = yaml.safe_load(header)["configs"]
        files = {c["config_name"]: {f["split"]: ([f["path"]] if isinstance(f["path"], str) else list(f["path"])) for f in c["data_files"]} for c in configs}
    except (ValueError, KeyError, TypeError, yaml.YAMLError):
        raise InputError("the card has no readable YAML configs/data_files header", str(card_path)) from None
    unknown = sorted(set(files) - set(CONFIGS))
    if unknown:
        raise InputError(f"unknown config(s) {', '.join(unknown)}", str(card_path))
    return body, files


def _by_document(rows: list[dict]):
    """Consecutive rows of the same document, in order (a shard's row groups follow documents)."""
    group: list[dict] = []
    for row in rows:
        if group and row.get("doc_id") != group[-1].get("doc_id"):
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def rehydrate(standoff_dir: Path, raw_dir: Path, out_dir: Path, *, force: bool = False) -> dict:
    """Restore the text into every row, then write the full-text folder (card, croissant.json, images) atomically."""
    standoff_dir, raw_dir, out_dir = Path(standoff_dir), Path(raw_dir), Path(out_dir)
    prepare_dir(out_dir, force=force)
    manifest = standoff_dir / "manifest.csv"
    if not manifest.is_file():
        raise InputError("not a standoff release (no manifest.csv)", str(standoff_dir))
    card_path = standoff_dir / "README.md"
    card = card_path.read_text(encoding="utf-8") if card_path.is_file() else ""
    if card.count("---") < 2 or not card.startswith("---"):
        raise InputError("not a standoff release (no dataset card with a YAML header)", str(card_path))
    # the release carries the rules its clean text was made with; older releases used the packaged ones
    shipped = standoff_dir / "cleaning_rules.toml"
    rules = load_rules(shipped if shipped.is_file() else DEFAULT_CLEANING_RULES)
    docs = {doc.doc_id: doc for doc in read_manifest(manifest)}
    body, files = _shards(standoff_dir)
    texts: dict[str, str] = {}

    def text_of(doc_id: str, where: str) -> str:
        if doc_id not in texts:
            if not isinstance(doc_id, str) or doc_id not in docs:
                raise InputError(f"document {doc_id!r} has no row in the release's manifest.csv", where)
            texts[doc_id] = clean_file(verify_raw(docs[doc_id], raw_dir), rules).text
        return texts[doc_id]

    counts: Counter = Counter()
    with staged_dir(out_dir, made_by="rehydrate", force=force) as staging:
        for config, splits in files.items():
            encoder = Encoder(config, False)
            for split, paths in splits.items():
                for rel in paths:
                    if not isinstance(rel, str) or Path(rel).is_absolute() or ".." in Path(rel).parts:
                        raise InputError(f"data file {rel!r} is not a path inside the release", str(standoff_dir / "README.md"), f"configs: {config}")
                    path = standoff_dir / rel
                    writer = ShardWriter({config: rel}, staging, False)
                    offset = 0
                    for group in _by_document(_read_rows(path)):
                        restored = [_restore_row(config, row, text_of, f"{path}: row {offset + i}") for i, row in enumerate(group)]
                        offset += len(group)
                        writer.add({config: encoder.table(restored)})
                    for info in writer.close().values():
                        counts["rows", config, split] += info["rows"]
                        counts["bytes", config, split] += info["bytes"]
        release = read_release(standoff_dir / "release.toml")
        header = yaml.safe_dump(yaml_header(counts, False, files, release=release), sort_keys=False, allow_unicode=True, width=1000)
        (staging / "README.md").write_text(f"---\n{header}---{body}", encoding="utf-8")
        if (standoff_dir / "images").is_dir():
            shutil.copytree(standoff_dir / "images", staging / "images")
        write_croissant(None, staging, standoff=False, files=files, release=release)  # the release's own metadata, full-text fields
    return {config: {split: counts["rows", config, split] for split in splits} for config, splits in files.items()}

