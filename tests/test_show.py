"""`newscorpus show`: the text view, and the HTML page as a real browser (system chromium) shows it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from _repo import REPO
from browser import browser_page
from newscorpus.clean import clean_file, load_rules
from newscorpus.cli import cli
from newscorpus.corpus.show import LAYERS, span_label

DOCS = REPO.documents()


def _expected(doc):
    result = clean_file(REPO.raw_dir / doc.raw_file, load_rules(REPO.cleaning_rules_path))
    ann = json.loads((REPO.annotations_dir / f"{doc.doc_id}.json").read_text(encoding="utf-8"))
    spans = {layer: [s for s in ann["spans"] if s["layer"] == layer] for layer in LAYERS}
    spans["QUALITY"] = ann.get("quality", [])
    return [r for r in result.removed if r["rule"] != "whitespace"], spans


def test_text_view_lists_removals_and_spans():
    doc = DOCS[0]
    furniture, spans = _expected(doc)
    result = CliRunner().invoke(cli, ["show", doc.doc_id])
    assert result.exit_code == 0, result.output
    assert f"removed by cleaning ({len(furniture)} piece(s)" in result.output
    for run in furniture:
        assert f"[{run['rule']}]" in result.output
    assert sum(1 for line in result.output.splitlines() if line.startswith("  ") and not line.startswith("  [")) == sum(map(len, spans.values()))


def test_unknown_document_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["show", "nope", "--html", str(tmp_path / "p.html")])
    assert result.exit_code == 1 and "no document 'nope' in the manifest" in result.output
    assert not (tmp_path / "p.html").exists()


@pytest.fixture(scope="module")
def page():
    with browser_page() as page:
        yield page


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.doc_id)
def test_page_shows_struck_removals_with_rules_and_spans_by_layer(doc, tmp_path, page):
    furniture, spans = _expected(doc)
    page_path = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["show", str(REPO.clean_dir / f"{doc.doc_id}.txt"), "--html", str(page_path)])
    assert result.exit_code == 0, result.output
    html = page_path.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "<script" not in html  # self-contained
    page.goto(page_path.as_uri())
    assert doc.doc_id in page.title()
    struck = page.locator("del.removed")
    assert struck.count() == len(furniture)
    for i, run in enumerate(furniture):
        item = struck.nth(i)
        assert item.get_attribute("data-rule") == run["rule"]
        assert item.inner_text().strip() == run["text"].strip()
        assert "line-through" in item.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert item.is_visible()
    labels = page.locator(".raw .rule").all_inner_texts()
    assert labels == [r["rule"] for r in furniture]
    # the raw box reads as the raw article, removed pieces included
    without_labels = page.locator(".raw").evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.rule').forEach(r => r.remove()); return c.textContent; }")
    assert without_labels == REPO.raw_dir.joinpath(doc.raw_file).read_text(encoding="utf-8").lstrip("\ufeff")
    for layer in LAYERS:
        section = page.locator(f"#layer-{layer}")
        assert section.is_visible()
        assert section.locator("h3").inner_text() == f"{layer} ({len(spans[layer])})"
        # displaCy draws one label per span (at its first token): label texts are the spans' labels
        labels = section.locator("span[style*='z-index: 10']").all_inner_texts()
        assert sorted(t.strip() for t in labels) == sorted(span_label(s) for s in spans[layer])
        text = section.evaluate("e => { const c = e.cloneNode(true); "
                                "c.querySelectorAll(\"span[style*='z-index: 10'], h3, table\").forEach(r => r.remove()); "
                                "return c.textContent; }")
        flat = "".join(text.split())
        for span in spans[layer]:
            assert "".join(span["text"].split()) in flat, (layer, span["id"])
