"""Agreement/evaluate: the measures on a hand-made pair, and the CLI's bad-input paths."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newscorpus.annotate.agreement import compare
from newscorpus.cli import cli


def _doc(spans):
    return {"doc_id": "d", "spans": spans, "quality": []}


def _span(sid, layer, label, start, end, **attrs):
    return {"id": sid, "layer": layer, "label": label, "start": start, "end": end, "text": "x" * (end - start), **attrs}


def test_measures_on_a_small_pair():
    gold = _doc([
        _span("F1", "FIGURE", "MUNITIONS", 0, 10, value=60, qualifier="AT_LEAST", unit="rocket"),
        _span("A1", "ACTOR", "STATE", 20, 26, mention="NAME", entity="israel"),
        _span("E1", "EVENT", "ATTACK", 30, 35, realis="ACTUAL", arguments=[{"role": "TARGET", "ref": "A1"}, {"role": "QUANTITY", "ref": "F1"}]),
    ])
    pred = _doc([
        _span("F9", "FIGURE", "MUNITIONS", 0, 10, value=60, qualifier="EXACT", unit="rocket"),  # exact, wrong qualifier
        _span("A9", "ACTOR", "MILITARY", 20, 26, mention="NAME", entity="idf"),  # exact span, wrong label
        _span("E9", "EVENT", "ATTACK", 29, 35, realis="ACTUAL", arguments=[]),  # overlap only
        _span("L9", "LOCATION", "LOCATION", 40, 45),  # spurious
    ])
    result = compare({"d": gold}, {"d": pred}).as_dict()["layers"]
    assert result["FIGURE"]["labelled"]["f1"] == 1.0
    assert result["FIGURE"]["attributes"]["qualifier"]["accuracy"] == 0.0
    assert result["ACTOR"]["span"]["f1"] == 1.0 and result["ACTOR"]["labelled"]["f1"] == 0.0
    assert result["EVENT"]["span"]["f1"] == 0.0 and result["EVENT"]["overlap"]["f1"] == 1.0
    assert result["LOCATION"]["labelled"]["precision"] == 0.0


def test_agreement_cli_bad_inputs(tmp_path):
    missing = CliRunner().invoke(cli, ["agreement", str(tmp_path / "nope"), str(tmp_path)])
    assert missing.exit_code == 1 and "nope: not a folder of annotation files" in missing.output
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.json").write_text('{"doc_id": "x"', encoding="utf-8")
    broken = CliRunner().invoke(cli, ["evaluate", str(folder), str(folder)])
    assert broken.exit_code == 1 and "x.json: line 1 column 15: invalid JSON" in broken.output
    (folder / "x.json").write_text(json.dumps({"doc_id": "x"}), encoding="utf-8")
    shapeless = CliRunner().invoke(cli, ["agreement", str(folder), str(folder)])
    assert shapeless.exit_code == 1 and "not an annotation document" in shapeless.output
    for result in (missing, broken, shapeless):
        assert "Traceback" not in result.output


def test_schema_check_reports_stale_schemas(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "out of date: annotation.schema.json, entities.schema.json" in result.output
    assert CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path)]).exit_code == 0
