"""The dataset card: ``datacard.md`` (the hand-written source) rendered with generated parts.

Placeholders ``{{name}}`` in datacard.md are filled from the release file (``release.toml``:
name, version, licence, tags ...) and the data (document count, outlets, dates, languages, who
annotated and who reviewed, statistics, scores), so adding documents never leaves the card
stale and no fact is typed. The fact functions take plain aggregated data (``DocFacts``: a
manifest row and its annotation file's header), not dataset rows; statistics come from the
build's plain counts summed over the shards (keys as in ``stages.document_counts``). An
unknown placeholder is an error, so the source and the renderer cannot drift apart silently.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import yaml
from datasets import ClassLabel, Features, LargeList, List
from datasets.info import DatasetInfo

from newscorpus import __version__
from newscorpus.annotate import scheme
from newscorpus.corpus.manifest import SPLITS, Document
from newscorpus.corpus.release import Release, read_release, size_category
from newscorpus.errors import InputError
from newscorpus.fileio import atomic_write_json, read_json
from newscorpus.publish.cache import key as cache_key
from newscorpus.publish.croissant import write_croissant as _write_croissant
from newscorpus.publish.facts import DocFacts, ReleaseFacts, as_release_facts, doc_facts, human_review  # noqa: F401 (the card's API)
from newscorpus.publish.features import CONFIGS, LAYER_COLUMNS, TAG_COLUMNS

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def outlets(docs: list[Document]) -> str:
    counts = Counter(d.source for d in docs if d.source)
    unnamed = sum(1 for d in docs if not d.source)
    if not counts:
        return "no outlet is named for any document"
    named = [f"{name} ({n})" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    text = f"{_count(len(counts), 'outlet')}: {_names(named)}"
    return text + (f"; {_count(unnamed, 'document')} without a named outlet" if unnamed else "")


def date_range(docs: list[Document]) -> str:
    if not docs:
        return "no documents"
    first, last = min(d.published for d in docs), max(d.published for d in docs)
    return first if first == last else f"{first} to {last}"


def language_name(code: str) -> str:
    """``English (en)``: the name spaCy gives the code, else the code alone."""
    try:
        import spacy.util

        return f"{spacy.util.get_lang_class(code.split('-')[0]).__name__} ({code})"
    except Exception:  # unknown to spaCy: the code is still true
        return code


def languages(docs: list[Document]) -> list[str]:
    return [language_name(c) for c in sorted({d.language for d in docs if d.language})]


def summary(docs: list[Document]) -> str:
    """The card's one-line description of what the release holds."""
    stated = sum(1 for d in docs if d.published_basis == "STATED")
    return (f"{_count(len(docs), 'document')} in {', '.join(languages(docs)) or 'no stated language'}, "
            f"published {date_range(docs)} ({_count(stated, 'date')} stated by the source, {len(docs) - stated} inferred); "
            f"{outlets(docs)}.")


def split_summary(docs: list[Document]) -> str:
    counts = Counter(d.split for d in docs)
    return ", ".join(f"{s} {_count(counts[s], 'document')}" for s in SPLITS)


def annotation_summary(facts: "ReleaseFacts | list[DocFacts]") -> str:
    """Who annotated: every annotator named in the files, with its kind and how many documents."""
    facts = as_release_facts(facts)
    seen = {key: entry for key, (_, entry) in facts.annotators.items()}
    docs = facts.annotator_docs
    if not seen:
        return "No annotation file names its annotators."
    lines = [f"- `{key}` ({seen[key].get('kind', 'unknown kind')}, {_count(docs[key], 'document')})"
             + (f": {seen[key]['note']}" if seen[key].get("note") else "") for key in sorted(seen, key=lambda k: (-docs[k], k))]
    kinds = Counter(str(seen[k].get("kind", "unknown")) for k in seen)
    head = (f"{_count(len(seen), 'annotator')} named in the annotation files "
            f"({', '.join(f'{n} {kind}' for kind, n in sorted(kinds.items()))}):")
    return head + "\n\n" + "\n".join(lines)


def review_summary(facts: "ReleaseFacts | list[DocFacts]") -> str:
    """Whether a person reviewed the annotations, from the files' review records."""
    facts = as_release_facts(facts)
    total = facts.documents
    if not facts.reviewed:
        return (f"**No human has reviewed these annotations**: none of the {_count(total, 'document')} "
                "carries a review record (`reviewed_by`).")
    who = sorted(facts.reviewers)
    when = facts.review_days
    span = f", {when[0]}" + (f" to {when[-1]}" if when[-1] != when[0] else "") if when else ""
    if facts.reviewed == total:
        return f"**Every document was reviewed by a person** ({_names([f'`{w}`' for w in who])}{span})."
    return (f"**{facts.reviewed} of {_count(total, 'document')} were reviewed by a person** "
            f"({_names([f'`{w}`' for w in who])}{span}); the other {total - facts.reviewed} have no human review.")


def _classlabel_path(feature, path=()):
    """The first ClassLabel inside ``feature`` and how to reach it: (column, keys...)."""
    if isinstance(feature, ClassLabel):
        return path
    if isinstance(feature, (List, LargeList)):
        return _classlabel_path(feature.feature, (*path, "[]"))
    if isinstance(feature, (dict, Features)):
        for key, sub in feature.items():
            found = _classlabel_path(sub, (*path, key))
            if found is not None:
                return found
    return None


def loading(release: Release, standoff: bool) -> str:
    """How to load each config and turn its ClassLabel ints back into names (a test runs it)."""
    where = release.hub_repo_id or "dist/hf"
    lines = ["```python", "from datasets import load_dataset", ""]
    for config, make in CONFIGS.items():
        features = make(standoff)
        column, *rest = next(p for p in (_classlabel_path(f, (c,)) for c, f in features.items()) if p is not None)
        first = f'{config}["train"][0]["{column}"]'
        access = f'{config}["train"].features["{column}"]'
        if rest[:1] == ["[]"] and len(rest) >= 2:  # a list of structs holding a ClassLabel
            access += f'.feature["{rest[1]}"]'
            value = f'[labels.int2str(x["{rest[1]}"]) for x in {first}]'
        elif rest == ["[]"]:  # a list of ClassLabels
            access += ".feature"
            value = f"labels.int2str({first})"
        else:
            value = f"labels.int2str({first})"
        lines += [f'{config} = load_dataset("{where}", "{config}")  # splits: {", ".join(SPLITS)}',
                  f"labels = {access}  # a ClassLabel; labels.names lists every label",
                  f"print({value})", ""]
    lines[-1] = "```"
    return "\n".join(lines)


def upload(release: Release, out: str = "dist/hf") -> str:
    repo = release.hub_repo_id or "OWNER/NAME"  # release.toml hub_repo_id
    note = "" if release.hub_repo_id else "  # set hub_repo_id in release.toml"
    return (f'python -c "from huggingface_hub import upload_folder; upload_folder(repo_id=\'{repo}\', '
            f'repo_type=\'dataset\', folder_path=\'{out}\')"{note}')


def license_text(release: Release) -> str:
    lic = release.license
    return f"[{lic.name or lic.id}]({lic.url})" + (f": {lic.details}" if lic.details else "")


def citation(release: Release) -> str:
    if release.citation:
        return release.citation.strip()
    return f"{release.pretty_name}, version {release.version}" + (f". {release.url}" if release.url else ".")


def yaml_header(counts: Counter, standoff: bool, files: dict, *, release: Release) -> dict:
    """The card's YAML metadata: ``files`` is {config: {split: [shard paths]}}; ``counts`` has
    ("rows"|"bytes", config, split). A split (or config) with no rows is left out: a zero-row
    parquet file cannot be loaded."""
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
    lic = release.license
    header = {
        "pretty_name": release.pretty_name + (" (standoff)" if standoff else ""),
        "language": list(release.languages),
        "license": lic.id,
        **({"license_name": lic.name} if lic.id == "other" else {}),
        "license_link": lic.url,
        **({"license_details": lic.details} if lic.details else {}),
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": [size_category(sum(counts["rows", "documents", s] for s in SPLITS))],
        "tags": list(release.tags),
        "configs": configs,
        "dataset_info": infos,
    }
    return header


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


# The card's pre-annotator score is measured on at most this many test documents, with resources
# learned from at most this many train documents (both evenly spaced in manifest order): the
# score of a large corpus needs no more, and both cost time and memory in proportion.
SCORE_TEST_DOCS = 200
SCORE_TRAIN_DOCS = 2000


def _spread(items: list, n: int) -> list:
    """At most ``n`` of ``items``, evenly spaced, in order (all of them when there are few)."""
    return items if len(items) <= n else [items[i * len(items) // n] for i in range(n)]


def preannotate_split(corpus, split: str, train_splits: tuple[str, ...] = ("train",), *, limit: int | None = None,
                      train_limit: int | None = None) -> dict[str, dict]:
    """Pre-annotate one split (at most ``limit`` documents) with resources learned from
    ``train_splits`` only (at most ``train_limit`` documents).

    The registry is cut down to the entities the training documents mention, so names that
    only occur in the evaluated split do not leak into the gazetteer.
    """
    import tempfile
    from datetime import date

    from newscorpus.corpus.manifest import render_manifest
    from newscorpus.preannotate import build_resources, preannotate_text

    train = _spread([d for d in corpus.docs if d.split in train_splits], train_limit or len(corpus.docs))
    seen = {s["entity"] for d in train for s in corpus.annotations[d.doc_id]["spans"] if s["layer"] == "ACTOR"}
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "entities.json"
        atomic_write_json(registry, {"schema_version": scheme.SCHEMA_VERSION, "entities": [e for k, e in sorted(corpus.registry.items()) if k in seen]})
        manifest = corpus.project.manifest_path
        if len(train) < sum(1 for d in corpus.docs if d.split in train_splits):  # learn from the sample only
            manifest = Path(tmp) / "manifest.csv"
            manifest.write_text(render_manifest(train), encoding="utf-8")
        resources = build_resources(registry, annotations_dir=corpus.project.annotations_dir, manifest=manifest, clean_dir=corpus.project.clean_dir, splits=train_splits)
    evaluated = _spread([d for d in corpus.docs if d.split == split], limit or len(corpus.docs))
    return {
        d.doc_id: preannotate_text(corpus.texts[d.doc_id], doc_id=d.doc_id, published=date.fromisoformat(d.published), resources=resources)
        for d in evaluated
    }


def preannotator_scores(corpus) -> str:
    """Pre-annotator on the test split, with resources built from the train split only."""
    from newscorpus.annotate.agreement import compare

    predictions = preannotate_split(corpus, "test", limit=SCORE_TEST_DOCS, train_limit=SCORE_TRAIN_DOCS)
    gold = {doc_id: corpus.annotations[doc_id] for doc_id in predictions}
    table = compare(gold, predictions).to_markdown("gold (test split)", "pre-annotator")
    tests, trains = (sum(1 for d in corpus.docs if d.split == split) for split in ("test", "train"))
    if tests <= SCORE_TEST_DOCS and trains <= SCORE_TRAIN_DOCS:
        return table
    return (f"Measured on {min(tests, SCORE_TEST_DOCS)} of the {tests} test documents, with resources learned from "
            f"{min(trains, SCORE_TRAIN_DOCS)} of the {trains} train documents (both evenly spaced in manifest order).\n\n{table}")


def devset_report(corpus) -> str:
    """The dev-set figures of ``reports/preannotator.json`` (benchmarks/bench_preannotate.py
    --report), when the corpus has them: articles about other conflicts, never in the release."""
    path = corpus.project.reports_dir / "preannotator.json"
    if not path.is_file():
        return ""
    report = read_json(path)
    rows = []
    try:
        for name, r in report["rules"].items():
            layers = r["layers"]
            rows.append([name, *(f"{layers[layer]['f1']:.2f} (P {layers[layer]['precision']:.2f})" for layer in scheme.LAYERS),
                         "–" if r.get("figure_value_qualifier") is None else f"{r['figure_value_qualifier']:.2f}",
                         f"{r['arguments']['f1']:.2f}"])
        n, golds = len(report["devset_documents"]), len(report["gold_spans_lost_to_cleaning"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"not a report of benchmarks/bench_preannotate.py --report (no {exc}); regenerate it",
                         str(path)) from None
    return (f"On the development set ({n} synthetic scraped-style articles about other conflicts, with {golds} "
            "independent gold annotation(s); test fixtures, never part of this release), labelled F1 with exact "
            "offsets, mean over the golds (precision in brackets); details and the learning curve in "
            "`reports/preannotator.md`:\n\n"
            + _table(["documents", *scheme.LAYERS, "figure value+qualifier", "argument F1"], rows))


def baseline_report(corpus) -> str:
    path = corpus.project.reports_dir / "baseline.md"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "_No baseline has been run yet (`newscorpus baseline`)._"


def write_plots(counts: Counter, out_dir: Path, cache=None) -> list[str]:
    """The label-distribution PNG; with a build ``cache``, reused when the plotted counts are
    the same as last time (drawing it costs more than an incremental rebuild's rows)."""
    per_label = Counter({(layer, label): sum(counts["label", s, layer, label] for s in SPLITS) for layer, label in scheme.all_labels()})
    keys = [(layer, label) for layer, label in scheme.all_labels()]
    rel = "images/label_distribution.png"
    target = out_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    plot_key = cache_key("plot", rel, [[layer, label, per_label[(layer, label)]] for layer, label in keys])
    if cache is not None and cache.get_file("plots", plot_key, target):
        return [rel]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure  # not pyplot: no global state, no GUI backend

    fig = Figure(figsize=(10, 6), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.barh([f"{layer} / {label}" for layer, label in keys], [per_label[k] for k in keys], color="#4477aa")
    ax.invert_yaxis()
    ax.set_xlabel("spans in the corpus")
    ax.set_title("Label distribution (all splits)")
    fig.tight_layout()
    fig.savefig(target, format="png", metadata={"Software": None})
    if cache is not None:
        cache.put_file("plots", plot_key, target)
    return [rel]


def render_card(corpus, counts: Counter, *, standoff: bool, plots: list[str], files: dict, first_rows: dict, source: Path | None = None,
                release: Release | None = None, facts: "ReleaseFacts | list[DocFacts] | None" = None) -> str:
    """The card: datacard.md with every placeholder filled from the release file and the data."""
    source = Path(source or corpus.project.datacard_path)
    if not source.is_file():
        raise InputError("dataset card source is missing", str(source))
    release = release or read_release(corpus.project.release_path)
    facts = facts if facts is not None else ReleaseFacts.of(doc_facts(d, corpus.annotations[d.doc_id]) for d in corpus.docs)
    facts = as_release_facts(facts)
    docs = corpus.docs
    template = source.read_text(encoding="utf-8")
    values = {
        "pretty_name": release.pretty_name,
        "description": release.description,
        "version": release.version,
        "toolkit_version": __version__,
        "curators": release.curators or "not stated (`curators` in release.toml)",
        "homepage": release.url or "not stated (`homepage` / `hub_repo_id` in release.toml)",
        "license": lambda: license_text(release),
        "citation": lambda: citation(release),
        "document_count": str(len(docs)),
        "summary": lambda: summary(docs),
        "outlets": lambda: outlets(docs),
        "date_range": lambda: date_range(docs),
        "languages": lambda: ", ".join(languages(docs)),
        "splits": lambda: split_summary(docs),
        "split_shares": lambda: ", ".join(f"{s} {share:.0%}" for s, share in release.split_shares.items()),
        "annotators": lambda: annotation_summary(facts),
        "review": lambda: review_summary(facts),
        "loading": lambda: loading(release, standoff),
        "statistics": lambda: statistics(counts),
        "examples": lambda: examples(first_rows),
        "agreement": lambda: agreement_report(corpus),
        "preannotator": lambda: "\n\n".join(filter(None, [preannotator_scores(corpus), devset_report(corpus)])),
        "baseline": lambda: baseline_report(corpus),
        "tokens_policy": lambda: tokens_policy(counts),
        "plots": lambda: "\n".join(f"![{Path(p).stem.replace('_', ' ')}]({p})" for p in plots),
        "upload": lambda: upload(release),
        "release": lambda: "standoff (no article text: run `newscorpus rehydrate`)" if standoff else "full text",
        "documents": lambda: _table(["doc_id", "split", "published", "basis", "source", "title"], [[d.doc_id, d.split, d.published, d.published_basis, d.source or "–", d.title or "–"] for d in docs]),
    }
    unknown = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if unknown:
        raise InputError(f"unknown placeholder(s) {', '.join(unknown)} (known: {', '.join(sorted(values))})", str(source))

    def fill(match):
        value = values[match.group(1)]
        return value() if callable(value) else value

    body = PLACEHOLDER.sub(fill, template)
    header = yaml.safe_dump(yaml_header(counts, standoff, files, release=release), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def write_croissant(corpus, out_dir: Path, *, standoff: bool, files: dict, checksums: dict | None = None, release: Release | None = None) -> None:
    """croissant.json with the release's name, description, url, version, licence and date."""
    release = release or read_release(corpus.project.release_path)
    _write_croissant(
        out_dir,
        name=release.name + ("-standoff" if standoff else ""),
        description=release.description,
        license=release.license.url,
        url=release.url or None,
        version=release.version,
        date_published=release.date_published or None,
        citation=citation(release),
        configs={name: CONFIGS[name](standoff) for name in files if files[name]},
        files=files,
        checksums=checksums,
    )
