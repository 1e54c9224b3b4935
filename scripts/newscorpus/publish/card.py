"""The dataset card: ``datacard.md`` (the hand-written source) rendered with generated parts.

Placeholders ``{{name}}`` in datacard.md are filled from the build's plain counts (summed over
the shards, see ``stages.document_counts``) and the first train rows, so statistics,
agreement and scores in the card are generated, never typed. An unknown placeholder is an
error, so the source and the renderer cannot drift apart silently.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import yaml
from datasets.info import DatasetInfo

from newscorpus import __version__
from newscorpus.annotate import scheme
from newscorpus.errors import InputError
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS, TAG_COLUMNS
from newscorpus.corpus.manifest import SPLITS

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
UPLOAD = 'python -c "from huggingface_hub import upload_folder; upload_folder(repo_id=\'ORG/NAME\', repo_type=\'dataset\', folder_path=\'dist/hf\')"'


def yaml_header(counts: Counter, standoff: bool, files: dict) -> dict:
    """The card's YAML: ``files`` is {config: {split: [shard paths]}}; counts has ("rows"|"bytes", config, split).

    A split (or config) with no rows is left out: a zero-row parquet file cannot be loaded."""
    configs, infos = [], []
    for config, splits in files.items():
        if not splits:
            continue
        entry = {"config_name": config, "data_files": [{"split": s, "path": paths} for s, paths in splits.items()]}
        if config == "documents":
            entry["default"] = True
        configs.append(entry)
        features = DatasetInfo(features=CONFIGS[config](standoff))._to_yaml_dict()["features"]
        infos.append({"config_name": config, "features": features, "splits": [{"name": s, "num_bytes": counts["bytes", config, s], "num_examples": counts["rows", config, s]} for s in splits]})
    return {
        "pretty_name": "Israel–Hezbollah 2024 news: events, actors and figures" + (" (standoff)" if standoff else ""),
        "language": ["en"],
        "license": "other",
        "license_name": "annotations-cc-by-4.0-text-publishers",
        "license_details": "Annotations, schema and code: CC BY 4.0 / MIT. Article text: copyright of the original publishers, included for research; use the standoff release and `newscorpus rehydrate` where you cannot redistribute it.",
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": ["n<1K"],
        "tags": ["event-extraction", "news", "conflict", "span-annotation", "israel-hezbollah"],
        "configs": configs,
        "dataset_info": infos,
    }


def _table(header: list[str], body: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    return "\n".join(lines)


def statistics(counts: Counter) -> str:
    """Tables of plain counts summed over the shards (keys as in ``stages.document_counts``)."""
    parts = [
        _table(
            ["split", "documents", "sentences", "tokens", "events", "actors", "figures", "locations", "times", "MT-garbled spans"],
            [
                [
                    s,
                    counts["rows", "documents", s],
                    counts["sentences", s],
                    counts["tokens", s],
                    *[counts["spans", s, layer] for layer in LAYER_COLUMNS],
                    counts["quality", s],
                ]
                for s in SPLITS
            ],
        )
    ]
    label_rows = []
    for layer in LAYER_COLUMNS:
        for label in scheme.labels(layer):
            per_split = [counts["label", s, layer, label] for s in SPLITS]
            label_rows.append([layer, label, *per_split, sum(per_split)])
    parts.append("Spans per layer and label:\n\n" + _table(["layer", "label", *SPLITS, "total"], label_rows))
    qual = [[q, *[counts["qualifier", s, q] for s in SPLITS]] for q in scheme.QUALIFIERS]
    parts.append("Figure qualifiers:\n\n" + _table(["qualifier", *SPLITS], qual))
    realis = [[r, *[counts["realis", s, r] for s in SPLITS]] for r in scheme.REALIS]
    parts.append("Event realis:\n\n" + _table(["realis", *SPLITS], realis))
    return "\n\n".join(parts)


def _example(row: dict, limit: int = 3) -> str:
    shown = {}
    for key, value in row.items():
        if isinstance(value, list) and value and isinstance(value[0], (dict, str, int)):
            shown[key] = value[:limit] + ([f"... {len(value) - limit} more"] if len(value) > limit else [])
        elif isinstance(value, str) and len(value) > 300:
            shown[key] = value[:300] + " ..."
        else:
            shown[key] = value
    return "```json\n" + json.dumps(shown, ensure_ascii=False, indent=2) + "\n```"


def examples(first_rows: dict) -> str:
    """``first_rows``: {config: the first row of its train split, or None}."""
    return "\n\n".join(f"`{config}` (first row of `train`):\n\n{_example(row)}" for config, row in first_rows.items() if row)


def tokens_policy(counts: Counter) -> str:
    """Spans per layer and those the BIO policy drops, from ("layer_spans", layer) and ("bio_lost", layer, reason)."""
    body = [[layer, counts["layer_spans", layer], *[counts["bio_lost", layer, r] for r in ("nested in (or crossing) a longer span of the same layer", "boundary inside a token", "crosses a sentence boundary")]] for layer in TAG_COLUMNS]
    return _table(["layer", "spans", "lost: nested (outermost kept)", "lost: boundary inside a token", "lost: crosses a sentence"], body)


def agreement_report(corpus) -> str:
    path = corpus.project.annotations_dir / "agreement.md"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "_No agreement report committed (annotations/agreement.md)._"


def preannotate_split(corpus, split: str, train_splits: tuple[str, ...] = ("train",)) -> dict[str, dict]:
    """Pre-annotate one split with resources learned from ``train_splits`` only.

    The registry is cut down to the entities the training documents mention, so names that
    only occur in the evaluated split do not leak into the gazetteer.
    """
    import tempfile
    from datetime import date

    from newscorpus.fileio import atomic_write_json
    from newscorpus.preannotate import build_resources, preannotate_text

    train = [d.doc_id for d in corpus.docs if d.split in train_splits]
    seen = {s["entity"] for doc_id in train for s in corpus.annotations[doc_id]["spans"] if s["layer"] == "ACTOR"}
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "entities.json"
        atomic_write_json(registry, {"schema_version": scheme.SCHEMA_VERSION, "entities": [e for k, e in sorted(corpus.registry.items()) if k in seen]})
        resources = build_resources(registry, annotations_dir=corpus.project.annotations_dir, manifest=corpus.project.manifest_path, clean_dir=corpus.project.clean_dir, splits=train_splits)
    return {
        d.doc_id: preannotate_text(corpus.texts[d.doc_id], doc_id=d.doc_id, published=date.fromisoformat(d.published), resources=resources)
        for d in corpus.docs
        if d.split == split
    }


def preannotator_scores(corpus) -> str:
    """Pre-annotator on the test split, with resources built from the train split only."""
    from newscorpus.annotate.agreement import compare

    predictions = preannotate_split(corpus, "test")
    gold = {doc_id: corpus.annotations[doc_id] for doc_id in predictions}
    return compare(gold, predictions).to_markdown("gold (test split)", "pre-annotator")


def baseline_report(corpus) -> str:
    path = corpus.project.reports_dir / "baseline.md"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "_No baseline has been run yet (`newscorpus baseline`)._"


def write_plots(counts: Counter, out_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    per_label = Counter({(layer, label): sum(counts["label", s, layer, label] for s in SPLITS) for layer, label in scheme.all_labels()})
    keys = [(layer, label) for layer, label in scheme.all_labels()]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=100)
    ax.barh([f"{layer} / {label}" for layer, label in keys], [per_label[k] for k in keys], color="#4477aa")
    ax.invert_yaxis()
    ax.set_xlabel("spans in the corpus")
    ax.set_title("Label distribution (all splits)")
    fig.tight_layout()
    rel = "images/label_distribution.png"
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    fig.savefig(out_dir / rel, format="png", metadata={"Software": None})
    plt.close(fig)
    return [rel]


def render_card(corpus, counts: Counter, *, standoff: bool, plots: list[str], files: dict, first_rows: dict, source: Path | None = None) -> str:
    source = Path(source or corpus.project.datacard_path)
    if not source.is_file():
        raise InputError("dataset card source is missing", str(source))
    template = source.read_text(encoding="utf-8")
    values = {
        "version": __version__,
        "statistics": lambda: statistics(counts),
        "examples": lambda: examples(first_rows),
        "agreement": lambda: agreement_report(corpus),
        "preannotator": lambda: preannotator_scores(corpus),
        "baseline": lambda: baseline_report(corpus),
        "tokens_policy": lambda: tokens_policy(counts),
        "plots": lambda: "\n".join(f"![{Path(p).stem.replace('_', ' ')}]({p})" for p in plots),
        "upload": lambda: UPLOAD,
        "release": lambda: "standoff (no article text: run `newscorpus rehydrate`)" if standoff else "full text",
        "documents": lambda: _table(["doc_id", "split", "published", "basis", "source", "title"], [[d.doc_id, d.split, d.published, d.published_basis, d.source or "–", d.title or "–"] for d in corpus.docs]),
    }
    unknown = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if unknown:
        raise InputError(f"unknown placeholder(s) {', '.join(unknown)}", str(source))

    def fill(match):
        value = values[match.group(1)]
        return value() if callable(value) else value

    body = PLACEHOLDER.sub(fill, template)
    header = yaml.safe_dump(yaml_header(counts, standoff, files), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def write_croissant(corpus, out_dir: Path, *, standoff: bool, files: dict, checksums: dict | None = None) -> None:
    try:
        from newscorpus.publish.croissant import write_croissant as _write
    except ImportError:
        return
    _write(
        out_dir,
        name="newscorpus-israel-hezbollah-2024" + ("-standoff" if standoff else ""),
        description="Span-annotated English news articles about the 2024 Israel–Hezbollah conflict: events (with realis and arguments), actors (linked to an entity registry), figures (normalised), locations and times.",
        license="https://creativecommons.org/licenses/by/4.0/",
        url="https://huggingface.co/datasets/ORG/NAME",
        version=__version__,
        citation="newscorpus: an annotated news corpus of the 2024 Israel–Hezbollah conflict (seed release).",
        configs={name: CONFIGS[name](standoff) for name in files if files[name]},
        files=files,
        checksums=checksums,
    )
