"""The dev-set loader: gold in raw offsets carried through the cleaner's provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscorpus.preannotate.devset import load_devset, map_gold, score

RAW = "\ufeffHome > News > World\r\nRebels shelled Goma on Tuesday.\r\nAdvertisement\r\nAt least 12 civilians died.\r\n"


def _write(tmp_path: Path, gold_spans: list[dict], annotators=("A", "B")) -> Path:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "x01.txt").write_bytes(RAW.encode("utf-8"))
    for annotator in annotators:
        (tmp_path / "gold" / annotator).mkdir(parents=True)
        doc = {"doc": "x01", "published": "2024-05-02", "spans": gold_spans}
        (tmp_path / "gold" / annotator / "x01.json").write_text(json.dumps(doc), encoding="utf-8")
    return tmp_path


def _span(sid, layer, label, text, **attrs):
    start = RAW.index(text)
    return {"id": sid, "layer": layer, "label": label, "start": start, "end": start + len(text), "text": text, **attrs}


def test_gold_is_mapped_into_clean_offsets(tmp_path):
    spans = [
        _span("l1", "LOCATION", "LOCATION", "Goma"),
        _span("e1", "EVENT", "ATTACK", "shelled", realis="ACTUAL", arguments=[{"role": "PLACE", "span": "l1"}]),
        _span("f1", "FIGURE", "CASUALTIES", "At least 12 civilians", value=12, qualifier="AT_LEAST", unit="civilian"),
        _span("a1", "ACTOR", "ORGANIZATION", "News", mention="NAME", entity="news"),  # in removed furniture
    ]
    dev = load_devset(_write(tmp_path, spans))
    doc = dev.documents["x01"]
    assert "Advertisement" not in doc.text and "\r" not in doc.text
    for s in doc.gold["A"]["spans"]:
        assert doc.text[s["start"] : s["end"]] == s["text"]
    assert doc.dropped == {"A": 1, "B": 1}
    event = next(s for s in doc.gold["A"]["spans"] if s["layer"] == "EVENT")
    assert event["arguments"] == [{"role": "PLACE", "ref": "l1"}]
    assert str(doc.published) == "2024-05-02"
    perfect = score(dev, {"x01": doc.gold["B"]}, ["x01"])
    assert all(v["f1"] == 1.0 for layer, v in perfect["layers"].items() if layer != "TIME" and layer != "ACTOR")
    assert perfect["figure_value_qualifier"] == 1.0 and perfect["arguments"]["f1"] == 1.0
    empty = score(dev, {"x01": {**doc.gold["B"], "spans": []}}, ["x01"])
    assert empty["layers"]["LOCATION"]["recall"] == 0.0


def test_a_set_with_one_annotator_is_scored_against_that_one(tmp_path):
    spans = [_span("l1", "LOCATION", "LOCATION", "Goma"), _span("l2", "LOCATION", "LOCATION", "Rebels")]
    dev = load_devset(_write(tmp_path, spans, annotators=("A",)))
    assert dev.annotators == ("A",)
    half = {**dev.documents["x01"].gold["A"], "spans": dev.documents["x01"].gold["A"]["spans"][:1]}
    result = score(dev, {"x01": half}, ["x01"])
    assert result["layers"]["LOCATION"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_a_raw_article_without_a_gold_file_is_an_error(tmp_path):
    folder = _write(tmp_path, [], annotators=("A", "B"))
    (folder / "gold" / "B" / "x01.json").unlink()
    with pytest.raises(Exception) as info:
        load_devset(folder)
    assert "x01.json" in str(info.value)


def test_bad_gold_names_file_and_span(tmp_path):
    bad = [_span("l1", "LOCATION", "LOCATION", "Goma")]
    bad[0]["text"] = "Gomo"
    folder = _write(tmp_path, bad)
    with pytest.raises(Exception) as info:
        load_devset(folder)
    assert "x01.json" in str(info.value) and "/spans/0" in str(info.value)


def test_map_gold_rejects_unknown_labels():
    with pytest.raises(Exception) as info:
        map_gold({"doc": "x", "spans": [{"id": "q", "layer": "EVENT", "label": "PARTY", "start": 0, "end": 1, "text": "R"}]},
                 "R", "R", [[0, 1, 0, 1]], file="g.json")
    assert "EVENT/PARTY" in str(info.value)


def test_report_is_deterministic_and_states_the_goals(tmp_path):
    from newscorpus.preannotate import build_resources
    from newscorpus.preannotate.report import predict, scores, write_report

    spans = [_span("l1", "LOCATION", "LOCATION", "Goma"),
             _span("f1", "FIGURE", "CASUALTIES", "At least 12 civilians", value=12, qualifier="AT_LEAST", unit="civilian")]
    (tmp_path / "dev").mkdir()
    dev = load_devset(_write(tmp_path / "dev", spans))
    resources = build_resources(None)
    report = {"rules": scores(dev, predict(dev, resources)), "curves": []}
    assert report["rules"]["all"]["layers"]["FIGURE"]["f1"] == 1.0  # the rules find the figure exactly
    md = write_report(report, tmp_path / "a" / "r.json")
    first = (md.read_bytes(), (tmp_path / "a" / "r.json").read_bytes())
    md = write_report({"rules": scores(dev, predict(dev, resources)), "curves": []}, tmp_path / "a" / "r.json")
    assert (md.read_bytes(), (tmp_path / "a" / "r.json").read_bytes()) == first
    assert "FIGURE ≥ 0.95" in md.read_text(encoding="utf-8")


def test_the_two_golds_are_scored_against_each_other(tmp_path):
    from newscorpus.preannotate.report import gold_agreement, to_markdown

    a = tmp_path / "a"
    a.mkdir()
    spans = [_span("l1", "LOCATION", "LOCATION", "Goma"), _span("f1", "FIGURE", "CASUALTIES", "At least 12 civilians",
                                                              value=12, qualifier="AT_LEAST", unit="civilian")]
    _write(a, spans)
    # gold B calls the figure PEOPLE: FIGURE agreement drops to 0, LOCATION stays 1
    gold_b = json.loads((a / "gold" / "B" / "x01.json").read_text(encoding="utf-8"))
    gold_b["spans"][1]["label"] = "PEOPLE"
    (a / "gold" / "B" / "x01.json").write_text(json.dumps(gold_b), encoding="utf-8")
    agreement = gold_agreement(load_devset(a))
    assert agreement["LOCATION"] == 1.0 and agreement["FIGURE"] == 0.0
    assert "## The two golds against each other" in to_markdown({"rules": {}, "gold_agreement": agreement})
    one = tmp_path / "one"
    one.mkdir()
    assert gold_agreement(load_devset(_write(one, spans, annotators=("A",)))) is None
