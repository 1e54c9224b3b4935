"""The dataset card: ``datacard.md`` (the hand-written source) rendered with generated parts.

Placeholders ``{{name}}`` in datacard.md are filled from the built rows, so statistics,
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


def yaml_header(rows: dict, standoff: bool, sizes: dict | None = None) -> dict:
    configs, infos = [], []
    for config, splits in rows.items():
        entry = {"config_name": config, "data_files": [{"split": s, "path": f"{config}/{s}.parquet"} for s in SPLITS]}
        if config == "documents":
            entry["default"] = True
        configs.append(entry)
        features = DatasetInfo(features=CONFIGS[config](standoff))._to_yaml_dict()["features"]
        infos.append({"config_name": config, "features": features, "splits": [{"name": s, "num_bytes": (sizes or {}).get((config, s), 0), "num_examples": len(splits[s])} for s in SPLITS]})
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


def statistics(rows: dict) -> str:
    docs = rows["documents"]
    parts = [
        _table(
            ["split", "documents", "sentences", "tokens", "events", "actors", "figures", "locations", "times", "MT-garbled spans"],
            [
                [
                    s,
                    len(docs[s]),
                    len(rows["tokens"][s]),
                    sum(len(r.get("tokens") or r.get("tokens_sha256")) for r in rows["tokens"][s]),
                    *[sum(len(d[col]) for d in docs[s]) for col in LAYER_COLUMNS.values()],
                    sum(len(d["quality"]) for d in docs[s]),
                ]
                for s in SPLITS
            ],
        )
    ]
    label_rows = []
    for layer, col in LAYER_COLUMNS.items():
        for label in scheme.labels(layer):
            counts = [sum(1 for d in docs[s] for span in d[col] if span["label"] == label) for s in SPLITS]
            label_rows.append([layer, label, *counts, sum(counts)])
    parts.append("Spans per layer and label:\n\n" + _table(["layer", "label", *SPLITS, "total"], label_rows))
    qual = [[q, *[sum(1 for d in docs[s] for f in d["figures"] if f["qualifier"] == q) for s in SPLITS]] for q in scheme.QUALIFIERS]
    parts.append("Figure qualifiers:\n\n" + _table(["qualifier", *SPLITS], qual))
    realis = [[r, *[sum(1 for d in docs[s] for e in d["events"] if e["realis"] == r) for s in SPLITS]] for r in scheme.REALIS]
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


def examples(rows: dict) -> str:
    return "\n\n".join(f"`{config}` (first row of `train`):\n\n{_example(splits['train'][0])}" for config, splits in rows.items() if splits["train"])


def tokens_policy(corpus) -> str:
    from newscorpus.publish.build import token_rows

    lost: list[dict] = []
    for doc in corpus.docs:
        token_rows(doc, corpus.texts[doc.doc_id], corpus.annotations[doc.doc_id], False, lost)
    total = Counter(s["layer"] for ann in corpus.annotations.values() for s in ann["spans"])
    reasons = Counter((d["layer"], d["reason"]) for d in lost)
    body = [[layer, total[layer], *[reasons[(layer, r)] for r in ("nested in (or crossing) a longer span of the same layer", "boundary inside a token", "crosses a sentence boundary")]] for layer in TAG_COLUMNS]
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


def write_plots(corpus, out_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    counts = Counter((s["layer"], s["label"]) for ann in corpus.annotations.values() for s in ann["spans"])
    keys = [(layer, label) for layer, label in scheme.all_labels()]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=100)
    ax.barh([f"{layer} / {label}" for layer, label in keys], [counts[k] for k in keys], color="#4477aa")
    ax.invert_yaxis()
    ax.set_xlabel("spans in the corpus")
    ax.set_title("Label distribution (all splits)")
    fig.tight_layout()
    rel = "images/label_distribution.png"
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    fig.savefig(out_dir / rel, format="png", metadata={"Software": None})
    plt.close(fig)
    return [rel]


def render_card(corpus, rows: dict, *, standoff: bool, plots: list[str], sizes: dict | None = None, source: Path | None = None) -> str:
    source = Path(source or corpus.project.datacard_path)
    if not source.is_file():
        raise InputError("dataset card source is missing", str(source))
    template = source.read_text(encoding="utf-8")
    values = {
        "version": __version__,
        "statistics": lambda: statistics(rows),
        "examples": lambda: examples(rows),
        "agreement": lambda: agreement_report(corpus),
        "preannotator": lambda: preannotator_scores(corpus),
        "baseline": lambda: baseline_report(corpus),
        "tokens_policy": lambda: tokens_policy(corpus),
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
    header = yaml.safe_dump(yaml_header(rows, standoff, sizes), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def write_croissant(corpus, rows: dict, out_dir: Path, *, standoff: bool) -> None:
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
        configs={name: fn(standoff) for name, fn in CONFIGS.items()},
    )
