"""A baseline extractor trained from the published splits (issue 8).

For each tag layer of the ``tokens`` config (actor, event, figure, location, time) a linear-chain
CRF (sklearn-crfsuite) is trained on ``train`` with simple lexical features, its L1/L2
regularisation (c1, c2) is picked on ``validation`` by entity-level micro F1, and the chosen
model is scored on every split with seqeval (strict IOB2: an entity counts only if its type and
both boundaries match). Beside it the report gives

* the majority-class baseline: every token ``O`` (scored by the same code, so F1 is 0), and
* the rule-based pre-annotator (``newscorpus.preannotate``), when it is importable: it is run on
  the full text of each validation/test document (``documents`` config), with its gazetteer and
  trigger lexicon learned from the ``train`` documents only, and its spans are turned into BIO
  tags over the same tokens with the build's outermost-span policy.

The JSON report is deterministic (sorted keys, no timestamps, fixed grid order; crfsuite's
L-BFGS training has no randomness): scores, chosen hyper-parameters, the command line, package
versions, the sha256 of every file in the data folder, and the test-split predictions (one
space-separated tag string per sentence) so any score can be recomputed. The markdown rendering
is included verbatim in the dataset card.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shlex
import tempfile
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterable, Sequence


from newscorpus.errors import InputError, NewscorpusError
from newscorpus.fileio import display, folder_sha256
from newscorpus.corpus.manifest import SPLITS

LAYERS = ("actor", "event", "figure", "location", "time")
TAG_COLUMN = {layer: f"{layer}_tags" for layer in LAYERS}
SCHEME_LAYER = {layer: layer.upper() for layer in LAYERS}

# The grid is tried in this order; ties on validation F1 keep the earlier entry, so the first
# entry (crfsuite-style moderate regularisation) is the default when validation cannot tell.
DEFAULT_GRID: tuple[tuple[float, float], ...] = (
    (0.1, 0.1), (0.0, 0.1), (0.05, 0.01), (0.05, 0.1), (0.1, 0.01), (0.1, 1.0), (0.25, 0.1), (0.5, 0.01), (0.5, 0.1),
)
DEFAULT_MAX_ITERATIONS = 100
VERSION_PACKAGES = ("datasets", "sklearn-crfsuite", "python-crfsuite", "seqeval")
REPORT_FORMAT = 1
PREANNOTATOR_CAVEAT = (
    "The project's entity registry lists the actors of every document, test included, and the rules' "
    "hand-written lexicons and place names were developed on this same corpus, so they may not be blind to "
    "the test document: read the pre-annotator's test scores as optimistic. The 'train entities only' variant "
    "keeps just the registry entities annotated in train. The CRF sees nothing but train."
)


class BaselineError(NewscorpusError):
    """The baseline cannot run on the given data or options."""


# ---- loading -------------------------------------------------------------------------------------


def _offline() -> None:
    """Make sure neither ``datasets`` nor the hub client tries the network."""
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        import datasets.config
        import huggingface_hub.constants

        datasets.config.HF_DATASETS_OFFLINE = True
        datasets.config.HF_HUB_OFFLINE = True
        huggingface_hub.constants.HF_HUB_OFFLINE = True
    except (ImportError, AttributeError):  # pragma: no cover - older/newer layouts
        pass


UNHASHED = ("README.md",)  # the dataset card includes this report's markdown: hashing it would be circular


def data_files(folder: Path) -> dict[str, str]:
    """sha256 of every file in the data folder but the card, by path relative to it (sorted)."""
    return folder_sha256(folder, exclude=UNHASHED)


def load_config(data: Path, config: str, cache_dir: str):
    """``datasets.load_dataset(data, config)`` offline, with failures as InputError."""
    import datasets

    _offline()
    datasets.disable_progress_bars()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return datasets.load_dataset(str(data), config, cache_dir=cache_dir)
    except Exception as exc:  # datasets raises many kinds; all mean "this is not a usable build"
        raise InputError(f"cannot load the {config!r} config: {type(exc).__name__}: {exc}".rstrip(), str(data)) from None


def check_data_folder(data: Path) -> None:
    data = Path(data)
    if not data.exists():
        raise InputError("data folder not found (build it with `newscorpus build --out dist/hf`)", str(data))
    if not data.is_dir():
        raise InputError("not a folder (expected the dataset folder written by `newscorpus build`)", str(data))
    if not (data / "README.md").is_file() and not (data / "tokens").is_dir():
        raise InputError("not a dataset folder: no README.md and no tokens/ folder", str(data))


def parse_layers(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"actor,event"`` (or a list) as a tuple of known layers in canonical order."""
    if value is None:
        return LAYERS
    items = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value)]
    items = [v for v in items if v]
    unknown = [v for v in items if v not in LAYERS]
    if unknown or not items:
        raise BaselineError(f"unknown layer(s) {', '.join(map(repr, unknown)) or '(none given)'}; choose from {', '.join(LAYERS)}",
                            "--layers")
    return tuple(layer for layer in LAYERS if layer in items)


@dataclass
class SplitData:
    """One split of the tokens config, with tags as strings."""

    rows: list[dict]
    tags: dict[str, list[list[str]]]  # layer -> per sentence

    @property
    def tokens(self) -> list[list[str]]:
        return [r["tokens"] for r in self.rows]

    @property
    def keys(self) -> list[str]:
        return [f"{r['doc_id']}/{r['sentence_id']}" for r in self.rows]


def _split_data(dataset, layers: Sequence[str]) -> dict[str, SplitData]:
    out = {}
    for split in SPLITS:
        if split not in dataset:
            raise InputError(f"the tokens config has no {split!r} split (found: {', '.join(dataset)})")
        ds = dataset[split]
        if "tokens" not in ds.column_names and "tokens_sha256" in ds.column_names:
            raise InputError("this is a standoff build (no token strings): run `newscorpus rehydrate` first")
        missing = [c for c in ["doc_id", "sentence_id", "tokens", "token_starts", "token_ends", *(TAG_COLUMN[l] for l in layers)]
                   if c not in ds.column_names]
        if missing:
            raise InputError(f"the tokens config ({split}) lacks column(s) {', '.join(missing)}")
        rows = [{k: r[k] for k in ("doc_id", "sentence_id", "start", "end", "tokens", "token_starts", "token_ends")} for r in ds]
        tags = {}
        for layer in layers:
            names = ds.features[TAG_COLUMN[layer]].feature.names
            tags[layer] = [[names[i] for i in seq] for seq in ds[TAG_COLUMN[layer]]]
        out[split] = SplitData(rows, tags)
    if not out["train"].rows:
        raise InputError("the train split is empty: nothing to train on")
    return out


# ---- features and the CRF ------------------------------------------------------------------------


def word_shape(word: str) -> str:
    """``Hezbollah`` -> ``Xx``, ``60`` -> ``d``, ``F-16`` -> ``X-d`` (runs collapsed)."""
    shape = "".join("d" if c.isdigit() else "X" if c.isupper() else "x" if c.isalpha() else c for c in word)
    return re.sub(r"(.)\1+", r"\1", shape)


def _word_features(word: str, prefix: str) -> dict:
    return {
        f"{prefix}lower": word.lower(),
        f"{prefix}shape": word_shape(word),
        f"{prefix}istitle": word.istitle(),
        f"{prefix}isupper": word.isupper(),
        f"{prefix}isdigit": word.isdigit(),
    }


def token_features(tokens: Sequence[str], i: int) -> dict:
    """Features of token ``i``: its lowercased form, shape, affixes, digit/title flags, and the
    lowercased words (and shapes) one and two positions around it."""
    word = tokens[i]
    feats = {
        "bias": 1.0,
        **_word_features(word, ""),
        "prefix2": word[:2].lower(),
        "prefix3": word[:3].lower(),
        "suffix2": word[-2:].lower(),
        "suffix3": word[-3:].lower(),
        "hasdigit": any(c.isdigit() for c in word),
        "ispunct": not any(c.isalnum() for c in word),
    }
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(tokens):
            feats[f"{offset:+d}:lower"] = tokens[j].lower()
            if abs(offset) == 1:
                feats[f"{offset:+d}:shape"] = word_shape(tokens[j])
                feats[f"{offset:+d}:istitle"] = tokens[j].istitle()
        elif abs(offset) == 1:
            feats["BOS" if offset < 0 else "EOS"] = True
    return feats


def sentence_features(tokens: Sequence[str]) -> list[dict]:
    return [token_features(tokens, i) for i in range(len(tokens))]


def train_crf(features: list[list[dict]], tags: list[list[str]], *, c1: float, c2: float, max_iterations: int):
    """A CRF (L-BFGS, crfsuite) fitted on the sentences; deterministic for the same inputs."""
    import sklearn_crfsuite

    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=max_iterations,
                               all_possible_transitions=True)
    pairs = [(x, y) for x, y in zip(features, tags) if x]
    crf.fit([x for x, _ in pairs], [y for _, y in pairs])
    return crf


def predict(crf, features: list[list[dict]]) -> list[list[str]]:
    return [list(crf.predict_single(x)) if x else [] for x in features]


# ---- scoring -------------------------------------------------------------------------------------


def score(gold: list[list[str]], pred: list[list[str]], *, per_label: bool = False) -> dict:
    """Entity-level micro precision/recall/F1 (seqeval, strict IOB2), with gold/predicted counts."""
    from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
    from seqeval.scheme import IOB2

    if len(gold) != len(pred) or any(len(g) != len(p) for g, p in zip(gold, pred)):
        raise BaselineError("predictions and gold differ in shape")
    gold = [list(g) for g in gold if g]
    pred = [list(p) for p in pred if p]
    kwargs = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    out = {"gold_entities": _count_entities(gold), "predicted_entities": _count_entities(pred)}
    if not gold:
        return out | {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out |= {
            "precision": round(float(precision_score(gold, pred, **kwargs)), 6),
            "recall": round(float(recall_score(gold, pred, **kwargs)), 6),
            "f1": round(float(f1_score(gold, pred, **kwargs)), 6),
        }
        if per_label and (out["gold_entities"] or out["predicted_entities"]):
            report = classification_report(gold, pred, output_dict=True, **kwargs)
            out["per_label"] = {
                label: {k: (round(float(v), 6) if k != "support" else int(v)) for k, v in values.items()}
                for label, values in sorted(report.items())
                if not label.endswith(" avg")
            }
    return out


def _count_entities(seqs: list[list[str]]) -> int:
    from seqeval.metrics.sequence_labeling import get_entities

    return sum(len(get_entities(list(s))) for s in seqs if s)


def majority(split: SplitData, layer: str) -> list[list[str]]:
    """The majority-class prediction: every token ``O``."""
    return [["O"] * len(t) for t in split.tags[layer]]


# ---- the pre-annotator ---------------------------------------------------------------------------


def _preannotator_available() -> tuple[bool, str]:
    try:
        from newscorpus import preannotate  # noqa: F401
    except Exception as exc:  # an unfinished module may fail in many ways
        return False, f"newscorpus.preannotate cannot be imported ({type(exc).__name__}: {exc})"
    if not callable(getattr(preannotate, "preannotate_text", None)):
        return False, "newscorpus.preannotate has no preannotate_text"
    return True, ""


def _published(value) -> date | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _gold_spans(row: dict, features) -> list[dict]:
    """The gold spans of one ``documents`` row as annotation-file spans (origin ``manual``)."""
    spans = []
    for layer, column in (("EVENT", "events"), ("ACTOR", "actors"), ("FIGURE", "figures"),
                          ("LOCATION", "locations"), ("TIME", "times")):
        if column not in row:
            continue
        names = features[column].feature["label"].names
        for s in row[column]:
            span = {"id": s["id"], "layer": layer, "label": names[s["label"]], "start": s["start"], "end": s["end"],
                    "text": row["text"][s["start"] : s["end"]], "origin": "manual"}
            if layer == "ACTOR":
                span["entity"] = s.get("entity")
                mention_names = features[column].feature["mention"].names
                span["mention"] = mention_names[s["mention"]] if s.get("mention") is not None else None
            spans.append(span)
    return spans


TRAIN_ENTITIES = "train"


def preannotator_resources(train_docs, features, registry: Path | str | None):
    """Pre-annotator resources; what is learned comes from the train documents of the published
    dataset only.

    The entity registry is ``registry`` when it is a path, else the project's registry file when
    it exists; with ``registry == TRAIN_ENTITIES`` (or no registry) it is the (id, name,
    type) of every entity annotated in the train documents. Returns (resources, description).
    """
    from newscorpus.preannotate import Resources
    from newscorpus.preannotate.events import BUILTIN_LEXICON, learn_triggers
    from newscorpus.preannotate.gazetteer import BUILTIN_LOCATIONS, Entity, Gazetteer, learn_from_gold, load_registry, registry_actors

    gold = [(r["doc_id"], r["text"], _gold_spans(r, features)) for r in train_docs]
    if registry is not None and registry != TRAIN_ENTITIES:
        entities = load_registry(Path(registry))
        source = f"entity registry {display(registry)}"
    else:
        entities = {}
        for _, _, spans in gold:
            for s in spans:
                if s["layer"] == "ACTOR" and s.get("entity"):
                    entities.setdefault(s["entity"], Entity(s["entity"], s["text"], s["label"]))
        names = {r_id: n for r in train_docs for a in r.get("actors", []) for r_id, n in [(a.get("entity"), a.get("entity_name"))]}
        entities = {k: Entity(k, names.get(k) or e.name, e.type) for k, e in sorted(entities.items())}
        source = "registry reduced to the entities annotated in the train documents"
    actors = registry_actors(entities)
    locations = {name: 0.7 for name in BUILTIN_LOCATIONS}
    learned_actors, learned_locations = learn_from_gold(gold, entities)
    for surface, entry in learned_actors.items():
        actors.setdefault(surface, entry)
    locations.update(learned_locations)
    lexicon = dict(BUILTIN_LEXICON)
    for key, entry in learn_triggers(gold).items():
        lexicon.setdefault(key, entry)
    return Resources(Gazetteer(entities, actors, locations), lexicon), (
        f"{source}; gazetteer and trigger lexicon learned from the {len(gold)} train document(s)")


def spans_to_bio(row: dict, spans: list[dict]) -> tuple[list[str], int]:
    """BIO tags for one sentence row from document-offset spans of one layer, with the build's
    outermost-span policy; returns the tags and how many spans could not be encoded."""
    from newscorpus.publish.build import bio_tags

    sentence = SimpleNamespace(start=row["start"], end=row["end"], tokens=tuple(row["tokens"]),
                               offsets=tuple(zip(row["token_starts"], row["token_ends"])))
    inside = [s for s in spans if row["start"] <= s["start"] and s["end"] <= row["end"]]
    tags, lost = bio_tags(sentence, inside)
    return tags, len(lost)


def preannotator_predictions(documents, tokens: dict[str, SplitData], layers: Sequence[str], registry: Path | str | None,
                             splits: Sequence[str] = ("validation", "test")) -> dict:
    """{"available", "note", "resources", "predictions": {split: {layer: tags}}, "unencodable": {...}}."""
    ok, why = _preannotator_available()
    if not ok:
        return {"available": False, "note": why}
    if documents is None:
        return {"available": False, "note": "the dataset has no documents config (the pre-annotator needs the full texts)"}
    from newscorpus.preannotate import preannotate_text

    features = documents["train"].features
    if "text" not in features:
        return {"available": False, "note": "the documents config holds no text (standoff build)"}
    try:
        resources, described = preannotator_resources(list(documents["train"]), features, registry)
        result = {"available": True, "resources": described, "predictions": {}, "unencodable_spans": {}}
        for split in splits:
            texts = {r["doc_id"]: (r["text"], _published(r.get("published"))) for r in documents[split]}
            spans_by_doc = {}
            for doc_id in sorted({r["doc_id"] for r in tokens[split].rows}):
                if doc_id not in texts:
                    raise BaselineError(f"document {doc_id!r} of the tokens config is missing from the documents config ({split})")
                text, published = texts[doc_id]
                spans_by_doc[doc_id] = preannotate_text(text, doc_id=doc_id, published=published, resources=resources)["spans"]
            preds, lost = {}, {}
            for layer in layers:
                seqs, n_lost = [], 0
                for row in tokens[split].rows:
                    layer_spans = [s for s in spans_by_doc[row["doc_id"]] if s["layer"] == SCHEME_LAYER[layer]]
                    tags, k = spans_to_bio(row, layer_spans)
                    seqs.append(tags)
                    n_lost += k
                preds[layer], lost[layer] = seqs, n_lost
            result["predictions"][split] = preds
            result["unencodable_spans"][split] = lost
        return result
    except (ImportError, AttributeError, TypeError) as exc:  # the pre-annotator's API moved under us
        return {"available": False, "note": f"the pre-annotator could not be run ({type(exc).__name__}: {exc})"}


# ---- the whole run -------------------------------------------------------------------------------


@dataclass
class BaselineResult:
    report: dict
    predictions: dict = field(default_factory=dict)  # system -> split -> layer -> tags
    gold: dict = field(default_factory=dict)  # split -> layer -> tags
    models: dict = field(default_factory=dict)  # layer -> fitted CRF

    def to_json(self) -> str:
        return json.dumps(self.report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def to_markdown(self) -> str:
        return render_markdown(self.report)


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in VERSION_PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def command_line(data: Path, out: Path | None, layers: Sequence[str], max_iterations: int) -> str:
    """The command that reproduces the run, every option explicit."""
    args = ["newscorpus", "baseline", "--data", display(data)]
    if out is not None:
        args += ["--out", display(out)]
    args += ["--layers", ",".join(layers), "--max-iterations", str(max_iterations)]
    return shlex.join(args)


def run_baseline(data: Path, *, layers: str | Sequence[str] | None = None, max_iterations: int = DEFAULT_MAX_ITERATIONS,
                 grid: Sequence[tuple[float, float]] = DEFAULT_GRID, registry: Path | None = None,
                 out: Path | None = None, progress: Callable[[str], None] = lambda message: None) -> BaselineResult:
    """Train, select and score the CRF baseline on the dataset folder ``data`` (nothing is written)."""
    data = Path(data)
    layers = parse_layers(layers)
    if not isinstance(max_iterations, int) or max_iterations < 1:
        raise BaselineError("must be a positive integer", "--max-iterations")
    if not grid:
        raise BaselineError("the hyper-parameter grid is empty")
    check_data_folder(data)
    hashes = data_files(data)
    with tempfile.TemporaryDirectory(prefix="newscorpus-baseline-") as cache:
        tokens_ds = load_config(data, "tokens", cache)
        splits = _split_data(tokens_ds, layers)
        try:
            documents = load_config(data, "documents", cache)
        except InputError:
            documents = None
        features = {split: [sentence_features(t) for t in splits[split].tokens] for split in SPLITS}

        scores: dict = {}
        selection: dict = {}
        preds: dict = {"crf": {s: {} for s in SPLITS}, "majority": {s: {} for s in SPLITS}}
        models = {}
        for layer in layers:
            progress(f"{layer}: grid of {len(grid)}")
            y_train = splits["train"].tags[layer]
            tried = []
            best = None
            for c1, c2 in grid:
                crf = train_crf(features["train"], y_train, c1=c1, c2=c2, max_iterations=max_iterations)
                val = score(splits["validation"].tags[layer], predict(crf, features["validation"]))
                tried.append({"c1": c1, "c2": c2, "validation_f1": val["f1"]})
                if best is None or val["f1"] > best[0]:
                    best = (val["f1"], c1, c2, crf)
            _, c1, c2, crf = best
            models[layer] = crf
            selection[layer] = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "tried": tried,
                                "validation_f1_all_equal": len({t["validation_f1"] for t in tried}) == 1}
            scores[layer] = {"crf": {}, "majority": {}}
            for split in SPLITS:
                gold = splits[split].tags[layer]
                preds["crf"][split][layer] = predict(crf, features[split])
                preds["majority"][split][layer] = majority(splits[split], layer)
                scores[layer]["crf"][split] = score(gold, preds["crf"][split][layer], per_label=split == "test")
                scores[layer]["majority"][split] = score(gold, preds["majority"][split][layer])

        progress("pre-annotator")
        pre = preannotator_predictions(documents, splits, layers, registry)
        pre_variants = {"preannotator": pre}
        if pre["available"] and registry != TRAIN_ENTITIES and not pre["resources"].startswith("registry reduced"):
            pre_variants["preannotator_train_entities"] = preannotator_predictions(documents, splits, layers, TRAIN_ENTITIES)
        for system, variant in pre_variants.items():
            if not variant["available"]:
                continue
            preds[system] = dict(variant["predictions"])
            for layer in layers:
                scores[layer][system] = {
                    split: score(splits[split].tags[layer], p[layer], per_label=split == "test")
                    | {"unencodable_spans": variant["unencodable_spans"][split][layer]}
                    for split, p in variant["predictions"].items()
                }

    report = {
        "format": REPORT_FORMAT,
        "task": "token classification per layer (BIO), entity-level micro P/R/F1 with seqeval (mode=strict, scheme=IOB2)",
        "command": command_line(data, out, layers, max_iterations),
        "data": {
            "folder": display(data),
            "files_sha256": hashes,
            "files_sha256_excludes": list(UNHASHED),
            "sentences": {s: len(splits[s].rows) for s in SPLITS},
            "documents": {s: len({r["doc_id"] for r in splits[s].rows}) for s in SPLITS},
            "tokens": {s: sum(len(r["tokens"]) for r in splits[s].rows) for s in SPLITS},
        },
        "layers": list(layers),
        "model": {
            "name": "sklearn-crfsuite CRF (L-BFGS), one per layer",
            "features": "lowercased word, shape, 2/3-char prefix and suffix, is-digit/has-digit/is-title/is-upper/"
                        "is-punct; lowercased words at -2..+2, shapes and is-title at -1/+1; BOS/EOS",
            "training": "fitted on train; c1/c2 picked on validation entity F1 (first grid entry wins ties); "
                        "the chosen model (trained on train only) is scored on every split",
            "grid": [{"c1": c1, "c2": c2} for c1, c2 in grid],
            "selected": selection,
        },
        "majority": "every token O (the most frequent tag); no entity is predicted, so P/R/F1 are 0",
        "preannotator": {k: v for k, v in pre.items() if k in ("available", "note", "resources")} | {
            "variants": {system: {k: v for k, v in variant.items() if k in ("available", "note", "resources")}
                         for system, variant in pre_variants.items()},
            "caveat": PREANNOTATOR_CAVEAT,
        },
        "scores": scores,
        "test_predictions": {
            "sentences": splits["test"].keys,
            **{system: {layer: [" ".join(t) for t in p["test"][layer]] for layer in layers}
               for system, p in preds.items() if system != "majority" and "test" in p},
        },
        "versions": versions(),
    }
    gold = {split: dict(splits[split].tags) for split in SPLITS}
    return BaselineResult(report, preds, gold, models)


# ---- output --------------------------------------------------------------------------------------


def _prf(s: dict | None) -> tuple[str, str, str]:
    if not s:
        return ("n/a", "n/a", "n/a")
    return tuple(f"{100 * s[k]:.1f}" for k in ("precision", "recall", "f1"))  # type: ignore[return-value]


def render_markdown(report: dict) -> str:
    """The table, command and versions, for the dataset card (included verbatim)."""
    pre = report["preannotator"]
    data = report["data"]
    lines = [
        "Entity-level micro precision / recall / F1 (%) on the **test** split, computed with seqeval "
        "(strict IOB2: type and both boundaries must match). The CRF is trained on `train` "
        "and its c1/c2 chosen on `validation`; the majority-class baseline tags every token `O`.",
        "",
        "| Layer | Test entities | CRF P | CRF R | CRF F1 | Pre-annotator P | Pre-annotator R | Pre-annotator F1 "
        "| Pre-annotator F1, train entities only | Majority F1 | CRF c1 / c2 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for layer in report["layers"]:
        s = report["scores"][layer]
        crf, maj = s["crf"]["test"], s["majority"]["test"]
        pre_s = s.get("preannotator", {}).get("test")
        pre_train = s.get("preannotator_train_entities", {}).get("test")
        sel = report["model"]["selected"][layer]
        lines.append("| " + " | ".join([
            layer, str(crf["gold_entities"]), *_prf(crf), *_prf(pre_s), _prf(pre_train)[2], f"{100 * maj['f1']:.1f}",
            f"{sel['c1']:g} / {sel['c2']:g}",
        ]) + " |")
    lines.append("")
    sizes = ", ".join(f"{s} {data['documents'][s]} doc{'' if data['documents'][s] == 1 else 's'} / "
                      f"{data['sentences'][s]} sentences"
                      for s in SPLITS)
    lines.append(f"Data: {sizes}. With so few documents these scores are noisy; read them as a sanity "
                 "check of the published splits, not as a benchmark.")
    lines.append("")
    if pre["available"]:
        lines.append("Pre-annotator: the rule-based `newscorpus preannotate` run on the full test text "
                     f"({pre['resources']}); its spans are converted to BIO over the same tokens with the "
                     "build's outermost-span policy. " + pre["caveat"])
    else:
        lines.append(f"Pre-annotator: not available ({pre['note']}).")
    lines += ["", "Reproduce (offline, CPU, deterministic):", "", "```", report["command"], "```", ""]
    lines.append("Versions: " + ", ".join(f"{k} {v}" for k, v in sorted(report["versions"].items())) + ".")
    return "\n".join(lines) + "\n"


def markdown_path(out: Path) -> Path:
    out = Path(out)
    return out.with_suffix(".md") if out.suffix == ".json" else out.with_name(out.name + ".md")


def baseline(data: Path, out: Path, *, layers: str | Sequence[str] | None = None,
             max_iterations: int = DEFAULT_MAX_ITERATIONS, registry: Path | None = None,
             progress: Callable[[str], None] = lambda m: None) -> BaselineResult:
    """Run the baseline and write ``out`` (JSON) and its markdown beside it (``.md``).

    Nothing is written unless the whole run succeeds.
    """
    from newscorpus.fileio import atomic_write_text

    out = Path(out)
    if out.exists() and out.is_dir():
        raise InputError("is a folder (expected the JSON report file)", str(out))
    result = run_baseline(data, layers=layers, max_iterations=max_iterations, registry=registry, out=out, progress=progress)
    atomic_write_text(out, result.to_json())
    atomic_write_text(markdown_path(out), result.to_markdown())
    return result


__all__ = ["BaselineError", "BaselineResult", "DEFAULT_GRID", "LAYERS", "baseline", "markdown_path", "parse_layers",
           "predict", "render_markdown", "run_baseline", "score", "sentence_features", "spans_to_bio", "train_crf",
           "word_shape"]
