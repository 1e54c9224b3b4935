"""`newscorpus init` and `newscorpus add`: layout, doc ids, metadata precedence, the split rule,
refusals, and that a bad input writes nothing."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.cli import cli
from newscorpus.corpus import Corpus
from newscorpus.corpus.ingest import add_articles, assign_split, stamp_date
from newscorpus.corpus.init import init_corpus
from newscorpus.errors import InputError
from newscorpus.fileio import folder_sha256

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
BODY = "Officials said two aid convoys reached the town on Monday after days of fighting nearby.\n"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path) -> Corpus:
    return init_corpus(tmp_path / "c")


def article(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_init_lays_out_a_corpus_that_validates(tmp_path):
    result = invoke("init", tmp_path / "new")
    assert result.exit_code == 0, result.output
    corpus = Corpus.open(tmp_path / "new")
    assert corpus.raw_dir.is_dir() and corpus.documents() == []
    assert json.loads(corpus.entities_path.read_text(encoding="utf-8"))["entities"] == []
    assert {p.name for p in corpus.schema_dir.iterdir()} == {"annotation.schema.json", "entities.schema.json", "annotation-scheme.md"}
    assert "{{summary}}" in corpus.datacard_path.read_text(encoding="utf-8")
    from newscorpus.corpus.release import read_release

    release = read_release(corpus.release_path)
    assert release.name == "new" and release.version == "0.1.0"
    assert invoke("validate", "--root", corpus.root).exit_code == 0
    built = invoke("build", "--root", corpus.root)
    assert built.exit_code == 1 and "no documents yet" in built.output and "newscorpus add" in built.output
    assert not corpus.dist_dir.exists()


def test_init_refuses_a_non_empty_folder_unless_forced_and_never_an_existing_corpus(tmp_path):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = invoke("init", folder)
    assert result.exit_code == 1 and "not empty" in result.output and "--force" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert invoke("init", folder, "--force").exit_code == 0
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    before = folder_sha256(folder)
    again = invoke("init", folder, "--force")
    assert again.exit_code == 1 and "already holds a corpus" in again.output
    assert folder_sha256(folder) == before


def test_add_stores_bytes_and_a_documented_row(corpus, tmp_path):
    raw = "\ufeffdate 2024-03-05 Two convoys reached Tawila - Example Photo\n\n" + BODY + "\nHarbour Post/Testwire\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    result = invoke("add", path, "--root", corpus.root)
    assert result.exit_code == 0, result.output
    (doc,) = corpus.documents()
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.doc_id == f"000_{sha[:16]}" and doc.raw_sha256 == sha
    assert (corpus.raw_dir / doc.raw_file).read_bytes() == path.read_bytes()
    assert (doc.published, doc.published_basis, doc.source, doc.split) == ("2024-03-05", "STATED", "Harbour Post/Testwire", "train")
    assert "published: cleaning rule dateline_stamp" in doc.note and "source: cleaning rule outlet_tag" in doc.note
    assert not corpus.records_dir.exists()
    again = invoke("add", path, "--root", corpus.root)
    assert again.exit_code == 1 and f"already in the corpus as {doc.doc_id}" in again.output


@pytest.mark.parametrize("stamp, published, basis", [
    ("Published 18 April 2024 – 10:42", "2024-04-18", "STATED"),
    ("Oct. 8, 2024, 6:05 p.m. ET", "2024-10-08", "STATED"),
    ("Updated 09:47 GMT, 11 November 2024", "2024-11-11", "INFERRED"),
    ("Last updated on 7 July 2024 10:21 BST", "2024-07-07", "INFERRED"),
])
def test_a_page_time_stamp_that_names_a_day_dates_the_article(corpus, tmp_path, stamp, published, basis):
    path = article(tmp_path, "a.txt", f"By Ana Silva, Example Wire\n{stamp}\n\n{BODY}")
    (doc,) = add_articles(corpus, [path])
    assert (doc.published, doc.published_basis) == (published, basis)
    assert f"published: cleaning rule updated_stamp ({stamp!r})" in doc.note
    assert ("first publication may be earlier" in doc.published_reason) == (basis == "INFERRED")


@pytest.mark.parametrize("stamp", ["Updated 14:32 GMT", "Published 2 hours ago", "Published 04/05/2024 10:00"])
def test_a_stamp_without_an_unambiguous_day_is_no_date(corpus, tmp_path, stamp):
    path = article(tmp_path, "a.txt", f"{stamp}\n\n{BODY}")
    with pytest.raises(InputError, match="no publication date in the record or the text"):
        add_articles(corpus, [path])
    assert corpus.documents() == []


def test_records_keep_their_other_fields_and_options_win(corpus, tmp_path):
    records = tmp_path / "r.jsonl"
    rows = [
        {"text": BODY, "title": "Trafilatura-style", "date": "2024-04-01", "sitename": "Example Daily", "url": "https://example.org/1", "author": "A. Writer"},
        {"maintext": "Second " + BODY, "title": "news-please style", "date_publish": "2024-04-02 08:00:00", "source_domain": "example.org", "language": "en"},
    ]
    records.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    assert invoke("add", records, "--source", "Given Outlet", "--root", corpus.root).exit_code == 0
    docs = corpus.documents()
    assert [d.title for d in docs] == ["Trafilatura-style", "news-please style"]
    assert [d.published for d in docs] == ["2024-04-01", "2024-04-02"]
    assert {d.source for d in docs} == {"Given Outlet"}
    assert (corpus.raw_dir / docs[1].raw_file).read_text(encoding="utf-8") == "Second " + BODY
    sidecar = json.loads((corpus.records_dir / f"{docs[0].doc_id}.json").read_text(encoding="utf-8"))
    assert sidecar == {"origin": "r.jsonl", "line": 1, "text_field": "text",
                       "record": {k: v for k, v in rows[0].items() if k != "text"}}
    assert [d.doc_id[:4] for d in docs] == ["000_", "001_"]
    bad_date = tmp_path / "bad.json"
    bad_date.write_text(json.dumps({"text": "Third " + BODY, "date": "yesterday"}), encoding="utf-8")
    assert invoke("add", bad_date, "--published", "2024-04-03", "--root", corpus.root).exit_code == 0  # the option wins


def test_html_pages_go_through_trafilatura_and_the_page_is_kept(corpus):
    pytest.importorskip("trafilatura")
    page = ARTICLES / "cairo_talks.html"
    result = invoke("add", page, "--root", corpus.root)
    assert result.exit_code == 0, result.output
    (doc,) = corpus.documents()
    assert (doc.title, doc.published, doc.source) == ("Synthetic test page: talks resume in Cairo", "2024-11-21", "Example Daily")
    raw = (corpus.raw_dir / doc.raw_file).read_text(encoding="utf-8")
    assert "Mediators from Egypt and Qatar met delegations in Cairo" in raw
    assert "Subscribe" not in raw and "Most read" not in raw and "Share this article" not in raw
    assert (corpus.records_dir / f"{doc.doc_id}.html").read_bytes() == page.read_bytes()
    record = json.loads((corpus.records_dir / f"{doc.doc_id}.json").read_text(encoding="utf-8"))
    assert record["record"]["url"] == "https://example.org/synthetic/cairo-talks"
    assert "filedate" not in record["record"]  # the extraction day would make adds irreproducible


def test_split_rule_fills_empty_splits_then_follows_the_shares_and_never_moves_a_row(corpus, tmp_path):
    shares = {"train": 0.8, "validation": 0.1, "test": 0.1}
    assert [assign_split(c, shares) for c in ({"train": 0, "validation": 0, "test": 0}, {"train": 1, "validation": 0, "test": 0},
                                              {"train": 1, "validation": 1, "test": 0}, {"train": 1, "validation": 1, "test": 1},
                                              {"train": 8, "validation": 0 + 1, "test": 1}, {"train": 16, "validation": 1, "test": 2})] \
        == ["train", "validation", "test", "train", "train", "validation"]
    # a batch is assigned in publication-date order, whatever order the files come in
    files = [article(tmp_path, f"{n}.txt", f"Story {n}. {BODY}") for n in range(3)]
    add_articles(corpus, files[::-1][:2], published="2024-02-01")
    first = {d.doc_id: d.split for d in corpus.documents()}
    add_articles(corpus, [files[0]], published="2024-01-01")
    later = {d.doc_id: d.split for d in corpus.documents()}
    assert {k: later[k] for k in first} == first  # nothing already listed moved
    assert sorted(later.values()) == ["test", "train", "validation"]
    forced = add_articles(corpus, [article(tmp_path, "f.txt", "Forced. " + BODY)], published="2024", split="test")
    assert forced[0].split == "test" and forced[0].published == "2024"


@pytest.mark.parametrize("make,args,message", [
    (lambda d: article(d, "x.txt", BODY), ["--published", "2024-02-30"], "--published: '2024-02-30' is not a date (no such day)"),
    (lambda d: article(d, "x.txt", BODY), ["--published", "yesterday"], "is not a date"),
    (lambda d: article(d, "x.txt", BODY), [], "no publication date in the record or the text; pass --published"),
    (lambda d: article(d, "x.txt", BODY), ["--published-reason", "guess"], "give both"),
    (lambda d: article(d, "x.txt", "   \n"), ["--published", "2024"], "x.txt: file has no text"),
    (lambda d: article(d, "x.txt", "Share:\n\nSource link\n"), ["--published", "2024"], "cleaning removed everything"),
    (lambda d: article(d, "x.pdf", "%PDF"), ["--published", "2024"], "cannot add a .pdf file"),
    (lambda d: article(d, "x.html", "<html><body><script>var a = 1;</script></body></html>"), ["--published", "2024"], "x.html: trafilatura found no article text"),
    (lambda d: article(d, "x.jsonl", json.dumps({"text": BODY}) + "\n{oops\n"), ["--published", "2024"], "x.jsonl: line 2 column 2: invalid JSON"),
    (lambda d: article(d, "x.jsonl", json.dumps({"title": "no text"}) + "\n"), ["--published", "2024"], "x.jsonl: line 1: record has no article text"),
    (lambda d: article(d, "x.json", json.dumps({"text": BODY, "date": "last week"})), [], "record field 'date' = 'last week' is not a date"),
    (lambda d: article(d, "x.json", json.dumps([{"text": BODY}, {"text": "Two. " + BODY}])), ["--title", "T", "--published", "2024"], "--title names one article"),
])
def test_bad_input_is_a_clear_error_and_writes_nothing(corpus, tmp_path, make, args, message):
    good = article(tmp_path, "good.txt", "date 2024-01-01 A good one. " + BODY)
    bad = make(tmp_path)
    before = folder_sha256(corpus.root)
    result = invoke("add", good, bad, *args, "--root", corpus.root)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert folder_sha256(corpus.root) == before


def test_the_same_article_twice_in_one_batch_is_refused(corpus, tmp_path):
    one, two = article(tmp_path, "one.txt", BODY), article(tmp_path, "two.txt", BODY)
    with pytest.raises(InputError, match="already in the corpus as 000_"):
        add_articles(corpus, [one, two], published="2024-01-01")
    assert corpus.documents() == [] and not list(corpus.raw_dir.iterdir())


def test_a_stray_raw_file_is_reported_not_skipped(corpus, tmp_path):
    add_articles(corpus, [article(tmp_path, "a.txt", BODY)], published="2024-01-01")
    (corpus.raw_dir / "stray.txt").write_text(BODY, encoding="utf-8")
    result = invoke("validate", "--root", corpus.root)
    assert result.exit_code == 1 and "stray.txt: raw file has no row in manifest.csv" in result.output
    (corpus.raw_dir / "stray.txt").unlink()
    (doc,) = corpus.documents()
    (corpus.raw_dir / doc.raw_file).unlink()
    result = invoke("validate", "--root", corpus.root)
    assert result.exit_code == 1 and f"row {doc.doc_id!r} names {doc.raw_file}, which is not in" in result.output


def test_an_empty_split_refuses_to_build_and_says_which(corpus, tmp_path):
    add_articles(corpus, [article(tmp_path, f"{n}.txt", f"Story {n}. {BODY}") for n in range(2)], published="2024-01-01")
    invoke("clean", "--root", corpus.root)
    ann = invoke("preannotate", *sorted(corpus.clean_dir.glob("*.txt")), "--out", corpus.annotations_dir, "--root", corpus.root)
    assert ann.exit_code == 0, ann.output
    result = invoke("build", "--root", corpus.root)
    assert result.exit_code == 1
    assert "split(s) test have no documents, and load_dataset cannot read an empty split" in result.output
    assert not corpus.dist_dir.exists() or not any(corpus.dist_dir.iterdir())


def test_manifest_and_preannotate_accept_the_same_dates(tmp_path):
    from newscorpus.preannotate import parse_published

    from newscorpus.corpus.manifest import published_problem

    for value in ("2024", "2024-03", "2024-03-05"):
        assert published_problem(value) is None
        parse_published(value)
    for value in ("2024-3", "2024-02-30", "24-03-05", "2024-03-05T10:00"):
        assert published_problem(value) is not None
        with pytest.raises(InputError):
            parse_published(value)
    manifest = tmp_path / "manifest.csv"
    from newscorpus.corpus.manifest import COLUMNS, read_manifest

    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerow(["d1", "d1.txt", "0" * 64, "", "", "2024-02-30", "STATED", "", "en", "train", ""])
    with pytest.raises(InputError, match="line 2: published '2024-02-30' is not a date"):
        read_manifest(manifest)


def test_python_api_starts_a_corpus_and_adds_to_it(tmp_path):
    import newscorpus

    corpus = newscorpus.init_corpus(tmp_path / "api")
    rows = newscorpus.add_articles(corpus, [ARTICLES / "records.jsonl"])
    assert [d.doc_id for d in rows] == [d.doc_id for d in newscorpus.open_corpus(corpus.root).documents()]
    assert rows[0].title.startswith("Synthetic test record")


@pytest.mark.parametrize("value, day", [
    ("09:47 GMT, 11 November 2024", "2024-11-11"), ("2024-05-15 | 00:29", "2024-05-15"),
    ("Tuesday, March 4, 2025 at 7:15 a.m.", "2025-03-04"),
    ("14:32 GMT", None), ("2 hours ago", None), ("March 4", None), ("04/05/2024", None), ("13/05/2024", "2024-05-13"),
])
def test_stamp_date_needs_day_month_and_year_read_one_way(value, day):
    assert stamp_date(value) == day
