"""A corpus of one's own, end to end through the CLI: init, add, clean, preannotate, validate,
build, load_dataset; and the same flow on a copy of this repository's corpus.

Articles are the synthetic fixtures in tests/fixtures/articles (invented, clearly marked).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from datasets import load_dataset

from _repo import copy_corpus, invoke_in
from corpus_checks import CHECKS
from newscorpus.corpus import Corpus

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
TXT = [ARTICLES / "lebanon_border.txt", ARTICLES / "sudan_aid.txt", ARTICLES / "myanmar_clashes.txt"]
RECORDS = ARTICLES / "records.jsonl"
CONFIGS = ("documents", "tokens", "events")


def run(*args, cwd: Path | None = None):
    result = invoke_in(cwd, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def add_fixtures(root: Path) -> None:
    """The four synthetic articles, each taking its metadata from a different place."""
    run("add", TXT[0], "--root", root)  # date from the scraper date stamp (cleaning)
    run("add", TXT[1], "--published", "2024-05", "--published-reason", "synthetic: the month the fixture is set in",
        "--root", root)  # outlet from the outlet tag (cleaning); a month-only date
    run("add", TXT[2], "--published", "2024-06-14", "--source", "Example Daily", "--root", root)
    run("add", RECORDS, "--root", root)  # everything from the news-please record


def annotate_and_build(root: Path) -> Path:
    run("clean", cwd=root)
    corpus = Corpus.open(root)
    new = [corpus.clean_dir / f"{d.doc_id}.txt" for d in corpus.documents()
           if not (corpus.annotations_dir / f"{d.doc_id}.json").exists()]
    run("preannotate", *new, "--out", corpus.annotations_dir, cwd=root)  # pre-annotations accepted as annotations
    from newscorpus.preannotate import accept_proposals

    accept_proposals(corpus.annotations_dir, corpus.entities_path)  # ... with their proposed entity ids
    assert "checked: valid" in run("validate", cwd=root)
    run("build", cwd=root)
    return corpus.hf_dir


def loaded_doc_ids(hf: Path) -> dict[str, set[str]]:
    out = {}
    for config in CONFIGS:
        data = load_dataset(str(hf), config)
        assert set(data) == {"train", "validation", "test"}
        out[config] = {row["doc_id"] for split in data.values() for row in split}
    return out


def card_body(hf: Path) -> tuple[dict, str]:
    _, header, body = (hf / "README.md").read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(header), body


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    root = tmp_path_factory.mktemp("fresh") / "my-corpus"
    run("init", root)
    release = (root / "release.toml").read_text(encoding="utf-8")
    release = (release.replace('pretty_name = "My corpus"', 'pretty_name = "Synthetic conflict news"')
               .replace('version = "0.1.0"', 'version = "2.3.4"')
               .replace('hub_repo_id = ""', 'hub_repo_id = "example-org/synthetic-news"')
               .replace('date_published = ""', 'date_published = "2024-12-01"'))
    (root / "release.toml").write_text(release, encoding="utf-8")
    add_fixtures(root)
    hf = annotate_and_build(root)
    return root, hf


def test_fresh_corpus_loads_four_documents_in_every_config(fresh):
    root, hf = fresh
    ids = loaded_doc_ids(hf)
    manifest = {d.doc_id for d in Corpus.open(root).documents()}
    assert len(manifest) == 4
    for config, seen in ids.items():
        assert seen == manifest, config


def test_fresh_card_states_the_facts_of_the_data(fresh):
    root, hf = fresh
    header, body = card_body(hf)
    docs = Corpus.open(root).documents()
    assert header["pretty_name"] == "Synthetic conflict news"
    assert header["license_link"].startswith("https://") and header["size_categories"] == ["n<1K"]
    assert "Release 2.3.4" in body
    assert "4 documents in English (en)" in body
    assert "published 2024-05 to 2024-11-19" in body
    assert "Example Daily (2)" in body and "Harbour Post/Testwire (1)" in body
    assert "1 document without a named outlet" in body
    assert "No human has reviewed these annotations" in body
    assert "`newscorpus-preannotate-0.1` (model, 4 documents)" in body
    assert {d.source for d in docs} == {"", "Example Daily", "Harbour Post/Testwire"}
    assert "{{" not in body


def test_fresh_croissant_comes_from_the_release(fresh):
    _, hf = fresh
    meta = json.loads((hf / "croissant.json").read_text(encoding="utf-8"))
    assert meta["name"] == "my-corpus"
    assert meta["version"] == "2.3.4" and meta["datePublished"] == "2024-12-01"
    assert meta["url"] == "https://huggingface.co/datasets/example-org/synthetic-news"
    assert meta["description"].startswith("Span-annotated news articles")


def test_card_loading_snippet_runs_and_names_labels(fresh, capsys):
    """The card's code (how to load each config and decode ClassLabels) runs as printed."""
    _, hf = fresh
    _, body = card_body(hf)
    code = re.search(r"```python\n(.*?)```", body, re.S).group(1)
    assert code.count("load_dataset(") == len(CONFIGS)
    exec(code.replace('"example-org/synthetic-news"', repr(str(hf))), {})
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(CONFIGS)
    from newscorpus.annotate import scheme

    names = set(scheme.labels("EVENT")) | {"O"} | {f"{p}-{label}" for label in scheme.labels("ACTOR") for p in "BI"}
    for line in printed:
        values = re.findall(r"'([A-Z_-]+)'", line) or [line.strip()]
        assert values and set(values) <= names, line


def test_a_human_review_record_changes_what_the_card_says(fresh):
    """Review records (``reviewed_by`` / ``reviewed_at``, as Label Studio submissions write them)
    are read from the annotation files' headers; the fact functions take plain data, not rows."""
    from newscorpus.publish.card import annotation_summary, doc_facts, review_summary

    root, _ = fresh
    corpus = Corpus.open(root)
    docs = corpus.documents()
    headers = [json.loads((corpus.annotations_dir / f"{d.doc_id}.json").read_text(encoding="utf-8")) for d in docs]
    assert "No human has reviewed" in review_summary([doc_facts(d, h) for d, h in zip(docs, headers)])
    reviewed = dict(headers[0], annotators=[*headers[0]["annotators"], {"id": "labelstudio_7", "kind": "human"}],
                    reviewed_by="labelstudio_7", reviewed_at="2024-12-02T10:00:00Z")
    facts = [doc_facts(docs[0], reviewed)] + [doc_facts(d, h) for d, h in zip(docs[1:], headers[1:])]
    assert review_summary(facts) == ("**1 of 4 documents were reviewed by a person** (`labelstudio_7`, 2024-12-02); "
                                     "the other 3 have no human review.")
    assert "(1 human, 1 model)" in annotation_summary(facts)
    machine = dict(reviewed, reviewed_by="newscorpus-preannotate-0.1")  # a model "review" is no human review
    assert "No human has reviewed" in review_summary([doc_facts(docs[0], machine)])
    everyone = [doc_facts(d, dict(h, reviewed_by="x", annotators=[{"id": "x", "kind": "human"}])) for d, h in zip(docs, headers)]
    assert review_summary(everyone) == "**Every document was reviewed by a person** (`x`)."


def test_repository_copy_with_three_more_articles_still_passes_every_corpus_check(tmp_path):
    corpus = copy_corpus(tmp_path / "copy")
    before = len(corpus.documents())
    run("add", TXT[0], "--root", corpus.root)
    run("add", TXT[1], "--published", "2024-05", "--published-reason", "synthetic fixture", "--root", corpus.root)
    run("add", TXT[2], "--published", "2024-06-14", "--root", corpus.root)
    hf = annotate_and_build(corpus.root)
    docs = corpus.documents()
    assert len(docs) == before + 3
    ids = loaded_doc_ids(hf)
    for config in CONFIGS:
        assert ids[config] == {d.doc_id for d in docs}, config
    _, body = card_body(hf)
    assert f"{before + 3} documents in English (en)" in body
    for check in CHECKS:
        check(corpus)
