"""The CRF baseline (issue 8), run end to end on a small synthetic dataset folder.

The folder has the real ``tokens`` and ``documents`` features (from ``features.py``) and a card
with ``configs:``, so ``datasets.load_dataset(folder, "tokens")`` reads it as it reads dist/hf.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from click.testing import CliRunner
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from newscorpus.baseline import crf as bl
from newscorpus.cli import cli
from newscorpus.publish.features import documents_features, tokens_features

# (text, layer, label) pieces; sentences are made by filling a template.
ACTORS = [("Hezbollah", "ARMED_GROUP", "e-hezbollah"), ("Israel", "STATE", "e-israel"),
          ("The Israeli army", "MILITARY", "e-idf"), ("Hamas", "ARMED_GROUP", "e-hamas"), ("Iran", "STATE", "e-iran")]
EVENTS = [("fired", "ATTACK"), ("launched", "ATTACK"), ("shelled", "ATTACK"), ("killed", "KILLING"), ("struck", "ATTACK")]
FIGURES = [("60 rockets", "MUNITIONS"), ("12 drones", "MUNITIONS"), ("three civilians", "CASUALTIES"),
           ("dozens of missiles", "MUNITIONS"), ("five fighters", "PEOPLE")]
PLACES = ["Kiryat Shmona", "Tyre", "Nabatieh", "Metula", "southern Lebanon", "the Golan Heights"]
TIMES = ["on Wednesday", "on Tuesday night", "last week", "on Sunday morning", "in July"]
FILLERS = ["Officials said the situation remained tense .", "Residents were told to stay indoors .",
           "The statement did not give further details .", "Talks continued behind closed doors ."]


def _sentence(rng: random.Random) -> tuple[str, list[tuple[int, int, str, str]]]:
    """One sentence and its spans (start, end, layer, label), offsets within the sentence."""
    if rng.random() < 0.25:
        return rng.choice(FILLERS), []
    actor, alabel, _ = rng.choice(ACTORS)
    event, elabel = rng.choice(EVENTS)
    figure, flabel = rng.choice(FIGURES)
    place = rng.choice(PLACES)
    when = rng.choice(TIMES)
    parts = [(actor, "ACTOR", alabel), (" ", None, None), (event, "EVENT", elabel), (" ", None, None),
             (figure, "FIGURE", flabel), (" at ", None, None), (place, "LOCATION", "LOCATION"), (" ", None, None)]
    time_text = when.split(" ", 1)[1] if when.startswith(("on ", "in ")) else when
    if time_text != when:
        parts.append((when.split(" ", 1)[0] + " ", None, None))
    parts += [(time_text, "TIME", "TIME"), (" .", None, None)]
    text, spans = "", []
    for piece, layer, label in parts:
        if layer:
            spans.append((len(text), len(text) + len(piece), layer, label))
        text += piece
    return text, spans


def _document(doc_id: str, rng: random.Random, n: int) -> tuple[dict, list[dict]]:
    text, spans, sent_bounds = "", [], []
    for _ in range(n):
        sentence, sent_spans = _sentence(rng)
        base = len(text)
        sent_bounds.append((base, base + len(sentence)))
        spans += [(base + s, base + e, layer, label) for s, e, layer, label in sent_spans]
        text += sentence + " "
    text = text.rstrip() + "\n"
    columns = {"EVENT": "events", "ACTOR": "actors", "FIGURE": "figures", "LOCATION": "locations", "TIME": "times"}
    doc = {"doc_id": doc_id, "title": None, "source": None, "published": "2024-05-15", "published_basis": "STATED",
           "text": text, "quality": [], **{c: [] for c in columns.values()}}
    for k, (s, e, layer, label) in enumerate(spans):
        span = {"id": f"{layer[0]}{k + 1}", "label": label, "start": s, "end": e, "text": text[s:e]}
        if layer == "EVENT":
            span |= {"realis": "ACTUAL", "arguments": []}
        elif layer == "ACTOR":
            entity = next(a[2] for a in ACTORS if a[0] == text[s:e])
            span |= {"mention": "NAME", "entity": entity, "entity_name": text[s:e]}
        elif layer == "FIGURE":
            span |= {"value": 1.0, "qualifier": "EXACT", "unit": None}
        elif layer == "TIME":
            span |= {"value": "2024-05-15"}
        doc[columns[layer]].append(span)
    rows = []
    for index, (start, end) in enumerate(sent_bounds):
        tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
        row = {"doc_id": doc_id, "sentence_id": index, "start": start, "end": end,
               "tokens": [text[a:b] for a, b in tokens], "token_starts": [a for a, _ in tokens],
               "token_ends": [b for _, b in tokens], "mt_garbled": False}
        for layer in columns:
            tags = ["O"] * len(tokens)
            for s, e, span_layer, label in spans:
                if span_layer != layer or not (start <= s and e <= end):
                    continue
                inside = [i for i, (a, b) in enumerate(tokens) if s <= a and b <= e]
                for j, i in enumerate(inside):
                    tags[i] = f"{'B' if j == 0 else 'I'}-{label}"
            row[f"{layer.lower()}_tags"] = tags
        rows.append(row)
    return doc, rows


CARD = """---
configs:
{configs}
---
# synthetic test corpus
"""


def make_dataset(folder, *, seed: int = 0, sizes=(("train", 3, 14), ("validation", 1, 8), ("test", 1, 8))):
    """A dataset folder like dist/hf with the tokens and documents configs."""
    from datasets import Dataset

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    configs = []
    by_config = {"tokens": {}, "documents": {}}
    for split, n_docs, n_sent in sizes:
        docs, rows = [], []
        for d in range(n_docs):
            doc, doc_rows = _document(f"{split[:2]}{d:02d}", rng, n_sent)
            docs.append(doc)
            rows += doc_rows
        by_config["documents"][split], by_config["tokens"][split] = docs, rows
    for config, features in (("tokens", tokens_features()), ("documents", documents_features())):
        (folder / config).mkdir(exist_ok=True)
        for split, rows in by_config[config].items():
            Dataset.from_list(rows, features=features).to_parquet(str(folder / config / f"{split}.parquet"))
        files = "\n".join(f"  - split: {s}\n    path: {config}/{s}.parquet" for s in by_config[config])
        configs.append(f"- config_name: {config}\n  data_files:\n{files}")
    (folder / "README.md").write_text(CARD.format(configs="\n".join(configs)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("hf") / "hf")


@pytest.fixture(scope="module")
def run(dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports") / "baseline.json"
    return bl.baseline(dataset, out, layers="actor,event,figure", max_iterations=30), out


def test_report_files_are_written_and_deterministic(run, dataset):
    result, out = run
    report = json.loads(out.read_text(encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert report["layers"] == ["actor", "event", "figure"]
    assert report["command"].startswith("newscorpus baseline --data ")
    assert "--max-iterations 30" in report["command"]
    assert set(report["versions"]) == {"python", "datasets", "sklearn-crfsuite", "python-crfsuite", "seqeval"}
    assert "tokens/train.parquet" in report["data"]["files_sha256"]
    assert report["data"]["documents"] == {"train": 3, "validation": 1, "test": 1}
    for layer in report["layers"]:
        sel = report["model"]["selected"][layer]
        assert (sel["c1"], sel["c2"]) in bl.DEFAULT_GRID
        for system in ("crf", "majority"):
            assert set(report["scores"][layer][system]) == {"train", "validation", "test"}
    md = bl.markdown_path(out).read_text(encoding="utf-8")
    assert md == result.to_markdown()
    assert "| actor |" in md and report["command"] in md and "seqeval" in md
    # a second run gives byte-identical output
    again = bl.run_baseline(dataset, layers="actor,event,figure", max_iterations=30, out=out)
    assert again.to_json() == out.read_text(encoding="utf-8")


def test_scores_are_recomputed_from_the_stored_predictions(run, dataset):
    from datasets import load_dataset

    result, out = run
    report = json.loads(out.read_text(encoding="utf-8"))
    test = load_dataset(str(dataset), "tokens", split="test")
    names = test.features["event_tags"].feature.names
    gold = [[names[i] for i in seq] for seq in test["event_tags"]]
    stored = [s.split(" ") for s in report["test_predictions"]["crf"]["event"]]
    assert len(stored) == len(gold) == len(report["test_predictions"]["sentences"])
    f1 = f1_score(gold, stored, mode="strict", scheme=IOB2)
    assert f1 == pytest.approx(report["scores"]["event"]["crf"]["test"]["f1"], abs=1e-6)
    assert stored == result.predictions["crf"]["test"]["event"]
    # the majority baseline predicts nothing, so it scores 0
    assert all(t == "O" for seq in result.predictions["majority"]["test"]["event"] for t in seq)
    assert report["scores"]["event"]["majority"]["test"]["f1"] == 0.0


def test_the_crf_beats_the_majority_baseline_on_train(run):
    result, _ = run
    for layer in ("actor", "event", "figure"):
        train = result.report["scores"][layer]
        assert train["crf"]["train"]["f1"] > train["majority"]["train"]["f1"] == 0.0
        assert train["crf"]["train"]["gold_entities"] > 0


def test_a_different_model_gives_different_predictions(run, dataset):
    result, _ = run
    weak = bl.run_baseline(dataset, layers="figure", max_iterations=1, grid=[(5.0, 5.0)])
    assert weak.predictions["crf"]["test"]["figure"] != result.predictions["crf"]["test"]["figure"]
    assert weak.report["scores"]["figure"]["crf"]["test"]["f1"] != result.report["scores"]["figure"]["crf"]["test"]["f1"]


def test_preannotator_is_scored_or_marked_unavailable(run):
    result, _ = run
    pre = result.report["preannotator"]
    if pre["available"]:
        scores = result.report["scores"]["event"]["preannotator"]["test"]
        stored = [s.split(" ") for s in result.report["test_predictions"]["preannotator"]["event"]]
        gold = result.gold["test"]["event"]
        assert f1_score(gold, stored, mode="strict", scheme=IOB2) == pytest.approx(scores["f1"], abs=1e-6)
        # "fired"/"launched"/"killed" are in the built-in lexicon: the rules find some events
        assert scores["predicted_entities"] > 0
    else:
        assert pre["note"] and "preannotator" not in result.report["scores"]["event"]


def test_features():
    assert bl.word_shape("Hezbollah") == "Xx" and bl.word_shape("60") == "d" and bl.word_shape("F-16") == "X-d"
    f = bl.sentence_features(["Hezbollah", "fired", "60"])
    assert f[0]["lower"] == "hezbollah" and f[0]["BOS"] and f[0]["+1:lower"] == "fired"
    assert f[2]["isdigit"] and f[2]["EOS"] and f[2]["-2:lower"] == "hezbollah"


def test_spans_to_bio_keeps_the_outermost_span():
    row = {"start": 0, "end": 20, "tokens": ["more", "than", "60", "rockets"],
           "token_starts": [0, 5, 10, 13], "token_ends": [4, 9, 12, 20]}
    spans = [{"id": "F1", "label": "MUNITIONS", "start": 0, "end": 20},
             {"id": "F2", "label": "OTHER", "start": 10, "end": 12}]
    tags, lost = bl.spans_to_bio(row, spans)
    assert tags == ["B-MUNITIONS", "I-MUNITIONS", "I-MUNITIONS", "I-MUNITIONS"] and lost == 1


@pytest.mark.parametrize("args, message", [
    (["--data", "{tmp}/nowhere"], "data folder not found"),
    (["--data", "{tmp}/empty"], "not a dataset folder"),
    (["--data", "{tmp}/file.txt"], "not a folder"),
    (["--data", "{tmp}/broken"], "cannot load the 'tokens' config"),
    (["--data", "{tmp}/empty", "--layers", "actor,nope"], "unknown layer"),
])
def test_cli_bad_data_is_a_clean_error(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "broken" / "tokens").mkdir(parents=True)
    (tmp_path / "broken" / "tokens" / "train.parquet").write_bytes(b"not parquet")
    out = tmp_path / "reports" / "baseline.json"
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(cli, ["baseline", *[a.format(tmp=tmp_path) for a in args], "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "Error:" in result.output and message in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_cli_runs(dataset, tmp_path):
    out = tmp_path / "r" / "baseline.json"
    result = CliRunner().invoke(cli, ["baseline", "--data", str(dataset), "--out", str(out), "--layers", "time",
                                      "--max-iterations", "20"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and bl.markdown_path(out).is_file()
    assert "time" in result.output and json.loads(out.read_text(encoding="utf-8"))["layers"] == ["time"]
