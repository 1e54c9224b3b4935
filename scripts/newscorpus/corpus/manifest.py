"""The corpus manifest: one row per document, the single place document metadata lives.

Split assignment comes from here, so every build splits the same way.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.errors import InputError
from newscorpus.fileio import atomic_write_text, read_bytes, read_text, sha256_bytes

SPLITS = ("train", "validation", "test")
BASES = ("STATED", "INFERRED")
DOC_ID = re.compile(scheme.DOC_ID_PATTERN)


@dataclass(frozen=True, slots=True)  # slots: a 10^5-row manifest is held in memory by the build
class Document:
    doc_id: str
    raw_file: str
    raw_sha256: str
    title: str
    source: str
    published: str
    published_basis: str
    published_reason: str
    language: str
    split: str
    note: str


COLUMNS = [f.name for f in fields(Document)]
_REPEATED = ("source", "published", "published_basis", "published_reason", "language", "split", "note")


def published_problem(value: str) -> str | None:
    """Why ``value`` is not a publication date, or None: YYYY, YYYY-MM or YYYY-MM-DD, a real day.

    The manifest, ``add --published`` and ``preannotate --published`` all accept exactly this.
    """
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    try:
        date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        return f"{value!r} is not a date (no such day)"
    return None


def published_day(value: str) -> date | None:
    """The day of a checked publication date; None when only the year or month is known."""
    return date.fromisoformat(value) if len(value) == 10 else None


def valid_doc_id(doc_id: str) -> bool:
    """A doc id is a plain file stem: no path separators, no leading dot."""
    return bool(DOC_ID.fullmatch(doc_id)) and ".." not in doc_id


def valid_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month and day (no 2024-02-31)."""
    return published_problem(value) is None


def read_manifest(path: Path) -> list[Document]:
    """Parse and check the manifest; every defect names the line. A new corpus has no rows yet."""
    name = str(path)
    text = read_text(path)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("holds a NUL byte", name, f"line {line}")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        return _rows(reader, name)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", name, f"line {reader.line_num}") from None


def _rows(reader: csv.DictReader, name: str) -> list[Document]:
    if reader.fieldnames != COLUMNS:
        raise InputError(f"header must be {','.join(COLUMNS)}", name, "line 1")
    docs: list[Document] = []
    seen: set[str] = set()
    shared: dict[str, str] = {}
    for row in reader:
        where = f"line {reader.line_num}"
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"expected {len(COLUMNS)} columns", name, where)
        for column in _REPEATED:  # outlets, dates, splits repeat: one string object each, not one per row
            row[column] = shared.setdefault(row[column], row[column])
        doc = Document(**row)
        if not valid_doc_id(doc.doc_id):
            raise InputError(f"doc_id {doc.doc_id!r} is not a plain file stem", name, where)
        if doc.doc_id in seen:
            raise InputError(f"duplicate doc_id {doc.doc_id!r}", name, where)
        seen.add(doc.doc_id)
        if doc.raw_file != f"{doc.doc_id}.txt":
            raise InputError(f"raw_file must be {doc.doc_id}.txt", name, where)
        if not re.fullmatch(r"[0-9a-f]{64}", doc.raw_sha256):
            raise InputError("raw_sha256 must be 64 lowercase hex digits", name, where)
        if doc.split not in SPLITS:
            raise InputError(f"split {doc.split!r} is not one of {', '.join(SPLITS)}", name, where)
        if problem := published_problem(doc.published):
            raise InputError(f"published {problem}", name, where)
        if doc.published_basis not in BASES:
            raise InputError("published_basis must be STATED or INFERRED", name, where)
        if doc.published_basis == "INFERRED" and not doc.published_reason:
            raise InputError("an INFERRED date needs a published_reason", name, where)
        docs.append(doc)
    return docs


def verify_raw(doc: Document, raw_dir: Path, digest=None) -> Path:
    """The document's raw file in ``raw_dir``, refused unless it is the published article (sha256).

    ``digest(path, read)`` may supply the hash (the build's ``FileHashes`` skips unchanged files)."""
    path = Path(raw_dir) / doc.raw_file
    if not path.is_file():
        raise InputError("raw file listed in the manifest is missing", str(path))
    sha = digest(path, read_bytes) if digest else sha256_bytes(read_bytes(path))
    if sha != doc.raw_sha256:
        raise InputError(f"this copy differs from the published article (sha256 {doc.raw_sha256[:12]}… expected)", str(path))
    return path


def manifest_by_id(path: Path) -> dict[str, Document]:
    return {d.doc_id: d for d in read_manifest(path)}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A CSV field a spreadsheet will not run as a formula: one starting with = + - @ (or tab/CR)
    gets a leading apostrophe (OWASP's CSV-injection advice)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _is_manifest(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(",".join(COLUMNS))) == ",".join(COLUMNS).encode()


def write_manifest(path: Path, docs: list[Document]) -> None:
    """Replace the manifest atomically (readers never see half a file); only a manifest is replaced."""
    atomic_write_text(path, render_manifest(docs), ours=_is_manifest)


def render_manifest(docs: list[Document], *, spreadsheet_safe: bool = False) -> str:
    """The manifest as CSV; ``spreadsheet_safe`` escapes formula-looking fields for published copies."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        row = asdict(doc)
        if spreadsheet_safe:
            row = {k: _escape(v) for k, v in row.items()}
        writer.writerow(row)
    return buf.getvalue()


_escape = spreadsheet_safe
