"""The learned component and the spaCy-pipeline backend, on pipelines the tests train themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus import cli
from newscorpus.annotate import scheme
from newscorpus.fileio import read_json
from newscorpus.preannotate.model import LearnedModel, train, train_preannotator

TEXTS = [
    "Gunmen attacked Kidal on Monday. Residents fled the town.",
    "Gunmen attacked Gao on Friday. Residents fled toward Kidal.",
    "Militants attacked Gao again. Residents fled on foot.",
]


def _spans(text):
    out = []
    for word, layer, label in (("Gunmen", "ACTOR", "ARMED_GROUP"), ("Militants", "ACTOR", "ARMED_GROUP"),
                               ("Residents", "ACTOR", "CIVILIANS"), ("attacked", "EVENT", "ATTACK"),
                               ("fled", "EVENT", "DISPLACEMENT"), ("Kidal", "LOCATION", "LOCATION"),
                               ("Gao", "LOCATION", "LOCATION")):
        k = text.find(word)
        if k >= 0:
            out.append({"id": f"s{len(out)}", "layer": layer, "label": label, "start": k, "end": k + len(word),
                        "text": word, "origin": "manual"})
    return out


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    meta = train([(f"t{k}", t, _spans(t)) for k, t in enumerate(TEXTS)], folder, iterations=40, seed=1)
    assert meta["documents"] == ["t0", "t1", "t2"] and "EVENT/ATTACK" in meta["labels"]
    return folder


def test_learned_model_predicts_and_merges(model_dir):
    model = LearnedModel(model_dir, threshold=0.3)
    text = "Gunmen attacked Menaka. Residents fled."
    predicted = {(text[s:e], layer, label) for s, e, layer, label, _ in model.predict(text)}
    assert ("attacked", "EVENT", "ATTACK") in predicted and ("Residents", "ACTOR", "CIVILIANS") in predicted
    base = {"doc_id": "n1", "annotators": [{"id": "rules", "kind": "model"}], "spans": []}
    merged = model.merge(base, text)
    assert merged["spans"] and all(s["origin"] == "model" and 0 < s["score"] <= 1 for s in merged["spans"])
    for s in merged["spans"]:
        assert text[s["start"] : s["end"]] == s["text"] and s["label"] in scheme.LABELS[s["layer"]]
        assert all(attr in s for attr in scheme.LAYER_ATTRIBUTES[s["layer"]])


def test_training_is_deterministic(tmp_path, model_dir):
    again = tmp_path / "again"
    train([(f"t{k}", t, _spans(t)) for k, t in enumerate(TEXTS)], again, iterations=40, seed=1)
    text = "Militants attacked Kidal. Residents fled."
    assert LearnedModel(again, 0.3).predict(text) == LearnedModel(model_dir, 0.3).predict(text)


def test_train_preannotator_reads_the_train_split_only(tmp_path):
    clean, ann = tmp_path / "clean", tmp_path / "ann"
    clean.mkdir()
    ann.mkdir()
    rows = []
    for k, (text, split) in enumerate(zip(TEXTS, ("train", "train", "test"))):
        (clean / f"d{k}.txt").write_text(text, encoding="utf-8")
        (ann / f"d{k}.json").write_text(json.dumps({"doc_id": f"d{k}", "spans": _spans(text)}), encoding="utf-8")
        rows.append(f"d{k},d{k}.txt,{'0' * 64},,,2024-01-01,STATED,,en,{split},\n")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,raw_file,raw_sha256,title,source,published,published_basis,published_reason,language,"
                        "split,note\n" + "".join(rows), encoding="utf-8")
    meta = train_preannotator(tmp_path / "m", annotations_dir=ann, manifest=manifest, clean_dir=clean, iterations=2)
    assert meta["documents"] == ["d0", "d1"]


def test_cli_model_and_spacy_model(tmp_path, model_dir):
    import spacy
    from spacy.training import Example

    # a tiny NER pipeline trained here (no download): PERSON and GPE
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    def ents(text, *pairs):
        return text, [(text.index(w), text.index(w) + len(w), label) for w, label in pairs]

    data = [ents("Amadou Diallo visited Kidal.", ("Amadou Diallo", "PERSON"), ("Kidal", "GPE")),
            ents("Fatou Keita left Gao.", ("Fatou Keita", "PERSON"), ("Gao", "GPE"))] * 4
    for _, ents in data:
        for *_, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in data]
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    ner_dir = tmp_path / "ner"
    nlp.to_disk(ner_dir)

    src = tmp_path / "new1.txt"
    src.write_text("Amadou Diallo visited Kidal. Gunmen attacked Gao.", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli.cli, ["preannotate", str(src), "--out", str(out), "--model", str(model_dir),
                                     "--spacy-model", str(ner_dir)])
    assert result.exit_code == 0, result.output
    doc = read_json(out / "new1.json")
    assert [a["id"] for a in doc["annotators"]][-2:] == ["newscorpus-spancat", f"spacy-{nlp.meta.get('name', 'pipeline')}"]
    assert any(s["text"] == "Amadou Diallo" and s["label"] == "PERSON" for s in doc["spans"])
    assert all(s["origin"] == "model" and "score" in s for s in doc["spans"])
    bad = runner.invoke(cli.cli, ["preannotate", str(src), "--out", str(tmp_path / "o2"), "--spacy-model", "no_such_pipeline_xyz"])
    assert bad.exit_code == 1 and "--spacy-model" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "o2").exists()
    bad = runner.invoke(cli.cli, ["preannotate", str(src), "--out", str(tmp_path / "o3"), "--model", str(tmp_path)])
    assert bad.exit_code == 1 and "not a pre-annotator model folder" in bad.output
