"""``newscorpus add``: take articles the way scrapers deliver them into the corpus.

Inputs: ``.txt`` files (stored byte for byte), JSON / JSONL records with the field names
news-please and trafilatura write (``maintext``/``text``, ``title``, ``date_publish``/``date``,
``url``, ``source_domain``/``sitename``/``source``, ``authors``/``author``, ``language``), and
``.html`` pages, which trafilatura (the ``html`` extra) turns into such a record: its text is
the article, the page itself is kept beside the record as ``corpus/records/<doc_id>.html``.

What ``add`` writes, and the rules it follows (README "Adding articles"):

* ``corpus/raw/<doc_id>.txt``: the article byte for byte: the file itself, or a record's text
  field encoded as UTF-8. For a record, every other field is kept in
  ``corpus/records/<doc_id>.json`` (``{"origin", "line", "text_field", "record"}``).
* The doc id is ``<NNN>_<h>``: ``NNN`` the next free sequence number (three digits or more, one
  past the highest number in the manifest) and ``h`` the first 16 hex digits of the stored
  article's sha256. It is given once and never changes.
* Metadata, first found wins: the command's options, then the record, then what cleaning
  recovers from the text (a scraper date stamp, a page's time stamp such as ``Published 18 April
  2024 – 10:42``, an outlet tag). ``published_basis`` is STATED, or INFERRED when
  ``--published-reason`` says how the date was worked out, or when the only date on the page is
  an ``Updated``/``Modified`` stamp (first publication may be earlier; the reason says so). A
  stamp counts only when it names day, month and year unambiguously (``Updated 14:32 GMT``,
  ``2 hours ago`` and ``04/05/2024`` do not). The ``note`` column says where each value came from.
* Split: ``--split`` if given; otherwise, in publication-date order, each new document goes
  to the first split that has no document yet (train, validation, test: so a corpus can be
  released as soon as it has three), then to the split furthest below its share of the corpus
  (``[splits]`` in release.toml, default 80/10/10; ties go to train). Rows already in the
  manifest are never moved, so a released document never changes split.
* An article already in the corpus (same sha256) is refused, naming the document it repeats.
  Nothing is written unless every input reads and cleans; the manifest is replaced atomically.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from dateutil import parser as date_parser

from newscorpus.corpus.manifest import SPLITS, Document, published_problem, read_manifest, write_manifest
from newscorpus.errors import InputError
from newscorpus.fileio import atomic_write_bytes, atomic_write_json, decode_utf8, loads_json, read_bytes, sha256_bytes

TEXT_FIELDS = ("maintext", "text")
TITLE_FIELDS = ("title",)
DATE_FIELDS = ("date_publish", "date")
URL_FIELDS = ("url",)
SOURCE_FIELDS = ("sitename", "source-hostname", "source_domain", "source", "hostname")
# trafilatura fields that are not facts about the article: the extraction date (the clock) and
# a second, unformatted copy of the text
_DROPPED_FIELDS = ("filedate", "raw_text")
LANGUAGE_FIELDS = ("language",)
_DOC_NUMBER = re.compile(r"(\d+)_")


@dataclass
class Article:
    """One article as delivered, before it has a doc id."""

    data: bytes  # exactly what corpus/raw will hold
    origin: str  # the input file
    line: int | None = None  # the JSONL line (or JSON array index + 1) of a record
    record: dict | None = None  # the record's other fields
    text_field: str | None = None
    page: bytes | None = None  # the HTML page the record was extracted from

    @property
    def where(self) -> str | None:
        return f"line {self.line}" if self.line is not None else None

    def field(self, names: tuple[str, ...]) -> tuple[str, str] | None:
        """(field name, value) of the first of ``names`` the record holds as a non-empty string."""
        for name in names:
            value = (self.record or {}).get(name)
            if isinstance(value, str) and value.strip() and not (names is SOURCE_FIELDS and "://" in value):
                return name, value.strip()
        return None


def _record_article(record, origin: str, line: int) -> Article:
    if not isinstance(record, dict):
        raise InputError("a record must be a JSON object", origin, f"line {line}")
    for name in TEXT_FIELDS:
        text = record.get(name)
        if isinstance(text, str) and text.strip():
            rest = {k: v for k, v in record.items() if k != name}
            return Article(text.encode("utf-8"), origin, line, rest, name)
    raise InputError(f"record has no article text (a non-empty {' or '.join(TEXT_FIELDS)} field)", origin, f"line {line}")


def read_articles(path: Path) -> list[Article]:
    """The articles one input file holds; bad input names the file and line."""
    path = Path(path)
    origin = str(path)
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = decode_utf8(data, origin)
        if not text.strip():
            raise InputError("file has no text (only whitespace)", origin)
        return [Article(data, origin)]
    if suffix == ".jsonl":
        text = decode_utf8(data, origin)
        articles = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = loads_json(line, origin)  # strict: no duplicate keys, NaN, lone surrogates; bounded nesting
            except InputError as exc:
                column = re.match(r"line \d+ (column \d+)$", exc.where or "")
                raise InputError(exc.message, origin, f"line {number}" + (f" {column[1]}" if column else "")) from None
            articles.append(_record_article(record, origin, number))
        if not articles:
            raise InputError("no records in the file", origin)
        return articles
    if suffix == ".json":
        text = decode_utf8(data, origin)
        value = loads_json(text, origin)  # strict, with the documented limits
        records = value if isinstance(value, list) else [value]
        if not records:
            raise InputError("no records in the file", origin)
        return [_record_article(r, origin, i) for i, r in enumerate(records, 1)]
    if suffix in (".html", ".htm"):
        return [_html_article(data, origin)]
    raise InputError(f"cannot add a {suffix or 'suffix-less'} file: give .txt articles, .json/.jsonl scraper records "
                     "or .html pages", origin)


def _html_article(data: bytes, origin: str) -> Article:
    """The article trafilatura finds in an HTML page, as a trafilatura JSON record."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("reading HTML needs trafilatura: pip install 'newscorpus[html]'", origin) from None
    extracted = trafilatura.extract(decode_utf8(data, origin), output_format="json", with_metadata=True,
                                    include_comments=False, include_tables=False, deduplicate=False)
    record = json.loads(extracted) if extracted else {}
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError("trafilatura found no article text in this page", origin)
    if isinstance(record.get("source"), str) and "://" in record["source"] and not record.get("url"):
        record["url"] = record.pop("source")
    record = {k: v for k, v in record.items() if k not in _DROPPED_FIELDS and v not in (None, "")}
    article = _record_article(record, origin, 1)
    article.line, article.page = None, data
    return article


def _first(*candidates: tuple[str | None, str]) -> tuple[str, str]:
    """The first (value, where it came from) that has a value; else ("", "none found")."""
    for value, origin in candidates:
        if value:
            return value, origin
    return "", "none found"


def _from_record(article: Article, fields: tuple[str, ...]) -> tuple[str | None, str]:
    found = article.field(fields)
    return (found[1], f"record field {found[0]!r}") if found else (None, "")


def _record_date(article: Article) -> tuple[str | None, str]:
    """The date part of a record's date field (``2024-03-05``, ``2024-03-05 10:22:00``,
    ``2024-03-05T10:22Z``); a field that holds no date is an error, not a silent skip."""
    found = article.field(DATE_FIELDS)
    if found is None:
        return None, ""
    m = re.match(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|[T ])", found[1])
    if not m or published_problem(m.group(1)) is not None:
        raise InputError(f"record field {found[0]!r} = {found[1]!r} is not a date; pass --published DATE",
                         article.origin, article.where)
    return m.group(1), f"record field {found[0]!r}"


_UPDATE_WORDS = re.compile(r"(?i)\b(?:updated|modified)\b[^\n]*$")
_STAMP_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))  # two defaults: a part the stamp lacks differs


def stamp_date(value: str) -> str | None:
    """The ISO date a page's time stamp names, or None when it names no complete, unambiguous
    day (a bare time, a relative ``2 hours ago``, a numeric ``04/05/2024``)."""
    readings = set()
    for dayfirst in (False, True):
        for default in _STAMP_DEFAULTS:
            try:
                readings.add(date_parser.parse(value, fuzzy=True, dayfirst=dayfirst, default=default,
                                                   ignoretz=True).date())
            except (ValueError, OverflowError):
                return None
    return readings.pop().isoformat() if len(readings) == 1 else None


def _page_stamp(text: str, metadata: list[dict]) -> tuple[str | None, str, str]:
    """(date, where from, inferred reason) from the first page time stamp that names a day."""
    for m in metadata:
        if m["key"] != "updated" or not (day := stamp_date(m["value"])) or published_problem(day):
            continue
        line_start = text.rfind("\n", 0, m["raw_start"]) + 1
        line_end = text.find("\n", m["raw_end"])
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        where = f"cleaning rule {m['rule']} ({line!r})"
        if _UPDATE_WORDS.search(text[line_start:m["raw_start"]]):
            return day, where, f"the page gives only an update stamp ({line!r}); first publication may be earlier"
        return day, where, ""
    return None, "", ""


def next_number(docs: list[Document]) -> int:
    numbers = [int(m.group(1)) for d in docs if (m := _DOC_NUMBER.match(d.doc_id))]
    return max(numbers, default=len(docs) - 1) + 1


def assign_split(counts: dict[str, int], shares: dict[str, float]) -> str:
    """The split the next new document goes to (see the module docstring)."""
    for split in SPLITS:
        if shares[split] > 0 and counts[split] == 0:
            return split
    n = sum(counts.values()) + 1
    return max(SPLITS, key=lambda s: (shares[s] * n - counts[s], -SPLITS.index(s)))


def _shares(corpus) -> tuple[dict[str, float], tuple[str, ...]]:
    from newscorpus.corpus.release import read_release

    release = read_release(corpus.release_path)
    return release.split_shares, release.languages


def add_articles(corpus, files: list[Path], *, published: str | None = None, published_reason: str | None = None,
                 title: str | None = None, source: str | None = None, split: str | None = None,
                 language: str | None = None, progress=lambda xs: xs) -> list[Document]:
    """Add every article in ``files`` to ``corpus`` (see the module docstring); returns the new rows."""
    from newscorpus.clean import clean_text, decode_raw, load_rules

    if not files:
        raise InputError("no files given")
    if published is not None and (problem := published_problem(published)):
        raise InputError(problem, "--published")
    if published_reason is not None and published is None:
        raise InputError("--published-reason explains a --published date; give both", "--published-reason")
    if split is not None and split not in SPLITS:
        raise InputError(f"{split!r} is not one of {', '.join(SPLITS)}", "--split")
    docs = read_manifest(corpus.manifest_path)
    shares, languages = _shares(corpus)
    articles = [a for path in files for a in read_articles(path)]
    if title is not None and len(articles) > 1:
        raise InputError(f"--title names one article, but {len(articles)} were given", "--title")

    rules = load_rules(corpus.cleaning_rules_path)
    by_sha = {d.raw_sha256: d.doc_id for d in docs}
    number = next_number(docs)
    pending = []  # (article, Document without split)
    for article in progress(articles):
        sha = sha256_bytes(article.data)
        if sha in by_sha:
            raise InputError(f"this article is already in the corpus as {by_sha[sha]} (same sha256 {sha[:12]}…)",
                             article.origin, article.where)
        text = decode_raw(article.data, article.origin)  # the raw-input contract clean enforces (NUL, controls, UTF-16)
        cleaned = clean_text(text, rules)
        if not cleaned.text:
            raise InputError("cleaning removed everything: no article text left", article.origin, article.where)
        recovered = {}
        for m in cleaned.metadata:
            recovered.setdefault(m["key"], (m["value"], f"cleaning rule {m['rule']}"))
        no = (None, "")
        doc_title = _first((title, "--title option"), _from_record(article, TITLE_FIELDS))
        doc_source = _first((source, "--source option"), _from_record(article, SOURCE_FIELDS),
                            recovered.get("outlet", no), recovered.get("agency", no))
        record_date = _record_date(article) if published is None else no  # --published overrides a bad one
        stamp, stamp_where, stamp_reason = _page_stamp(text, cleaned.metadata)
        doc_date = _first((published, "--published option"), record_date, recovered.get("published", no),
                          (stamp, stamp_where))
        reason = published_reason or (stamp_reason if doc_date[0] == stamp and doc_date[1] == stamp_where else "")
        if not doc_date[0]:
            raise InputError("no publication date in the record or the text; pass --published DATE "
                             "(and --published-reason WHY when you worked it out)", article.origin, article.where)
        doc_language = language or ((article.field(LANGUAGE_FIELDS) or (None, None))[1]) or languages[0]
        doc_id = f"{number:03d}_{sha[:16]}"
        number += 1
        by_sha[sha] = doc_id
        origin = Path(article.origin).name + (f" {article.where}" if article.where else "")
        note = f"added from {origin}; title: {doc_title[1]}; source: {doc_source[1]}; published: {doc_date[1]}"
        pending.append((article, Document(
            doc_id=doc_id, raw_file=f"{doc_id}.txt", raw_sha256=sha, title=doc_title[0], source=doc_source[0],
            published=doc_date[0], published_basis="INFERRED" if reason else "STATED",
            published_reason=reason, language=doc_language, split="", note=note)))

    counts = {s: sum(1 for d in docs if d.split == s) for s in SPLITS}
    added: dict[str, Document] = {}
    for article, doc in sorted(pending, key=lambda p: (p[1].published, p[1].doc_id)):
        chosen = split or assign_split(counts, shares)
        counts[chosen] += 1
        added[doc.doc_id] = replace(doc, split=chosen)
    new_rows = [added[doc.doc_id] for _, doc in pending]

    for _, doc in pending:
        target = corpus.raw_dir / doc.raw_file
        if target.exists():
            raise InputError(f"a file named {doc.raw_file} is already in corpus/raw but has no manifest row; "
                             "remove it or add its row", str(target))
    written: list[Path] = []
    try:
        for article, doc in pending:
            target = corpus.raw_dir / doc.raw_file
            atomic_write_bytes(target, article.data, into_raw=True)  # a new raw article: the one write corpus/raw allows
            written.append(target)
            if article.record is not None:
                sidecar = corpus.records_dir / f"{doc.doc_id}.json"
                atomic_write_json(sidecar, {"origin": Path(article.origin).name, "line": article.line,
                                            "text_field": article.text_field, "record": article.record})
                written.append(sidecar)
            if article.page is not None:
                page = corpus.records_dir / f"{doc.doc_id}.html"
                atomic_write_bytes(page, article.page)
                written.append(page)
        write_manifest(corpus.manifest_path, docs + new_rows)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return new_rows
