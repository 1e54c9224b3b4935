"""Cleaning files: the raw-input contract, one document's outputs, and a whole run.

The contract: a raw article is UTF-8 text without control characters; NUL bytes (a sign of
UTF-16 saved without a byte-order mark), ESC and other C0/C1 controls are refused with the
byte offset and line, as are file names that are not UTF-8. Outputs never go into the raw
folder or the folder an input comes from (``X.txt`` would overwrite the raw article).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.fileio import decode_utf8, dumps_json, read_bytes, sha256_bytes, write_all
from newscorpus.clean.cleaner import CleanResult, clean_text
from newscorpus.clean.rules import RuleSet, load_rules

# C0 controls except TAB, LF, CR; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _describe(ch: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x0b": "vertical tab", "\x0c": "form feed"}
    return f"U+{ord(ch):04X} ({names.get(ch) or unicodedata.name(ch, 'control character')})"


def decode_raw(data: bytes, name: str) -> str:
    """Decode a raw article under the contract, naming the first offending byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"not valid UTF-8 (byte 0x{data[0]:02x}): it is UTF-16 (byte-order mark); save it as UTF-8", name, "byte 0 (line 1)")
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = ""
        sample = data[:4096]
        if sample.count(b"\x00") * 3 >= len(sample):
            hint = "; it looks like UTF-16 without a byte-order mark: save it as UTF-8"
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"NUL byte (0x00) in the text{hint}", name, f"byte {nul} (line {line})")
    text = decode_utf8(data, name)
    m = _CONTROL.search(text)
    if m:
        at = len(text[: m.start()].encode("utf-8"))
        line = text.count("\n", 0, m.start()) + 1
        raise InputError(f"control character {_describe(m.group())} in the text", name, f"byte {at} (line {line})")
    return text


def check_file_name(path: Path) -> None:
    """Document ids and provenance are UTF-8: a file name that is not cannot be recorded."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("file name is not valid UTF-8; rename the file", repr(str(path))[1:-1]) from None


def clean_file(path: Path, rules: RuleSet) -> CleanResult:
    """Read, check and clean one raw file; bad input raises InputError naming the file."""
    path = Path(path)
    check_file_name(path)
    data = read_bytes(path)
    raw = decode_raw(data, str(path))
    if not raw.strip():
        raise InputError("file has no text (only whitespace)", str(path))
    result = clean_text(raw, rules, doc_id=path.stem, raw_file=path.name, raw_sha256=sha256_bytes(data))
    if not result.text:
        raise InputError("cleaning removed everything: no article text left", str(path))
    return result


def is_clean_output(path: Path) -> bool:
    """Whether an existing file is one ``clean`` wrote (so ``clean`` may replace it): a
    provenance file, or a text file with its provenance file beside it."""
    path = Path(path)
    if path.name.endswith(".provenance.json"):
        with open(path, "rb") as handle:
            return b'"segments_format"' in handle.read(1 << 16)
    stem = path.name[: -len(".txt")] if path.name.endswith(".txt") else None
    return stem is not None and path.with_name(f"{stem}.provenance.json").is_file()


def clean_outputs(result: CleanResult, out_dir: Path) -> list[tuple[Path, str]]:
    """The files one cleaned document becomes: ``X.txt`` and ``X.provenance.json``."""
    out_dir = Path(out_dir)
    return [
        (out_dir / f"{result.doc_id}.txt", result.text),
        (out_dir / f"{result.doc_id}.provenance.json", dumps_json(result.provenance())),
    ]


def iter_clean(raw_files: list[Path], rules_path: Path, *, progress=None):
    """Clean the files one at a time (the names are checked first, all of them); a bad input
    raises when its turn comes, so a caller that writes as it goes must write as one set."""
    rules = load_rules(rules_path)
    for p in raw_files:
        check_file_name(Path(p))
    stems = [Path(p).stem for p in raw_files]
    seen: dict[str, int] = {}
    for i, stem in enumerate(stems):
        if stem in seen:
            raise InputError(f"two inputs share the document id {stem!r}", str(raw_files[i]))
        seen[stem] = i
    for p in progress(raw_files) if progress else raw_files:
        yield clean_file(Path(p), rules)


def clean_files(raw_files: list[Path], rules_path: Path, *, progress=None) -> list[CleanResult]:
    """Clean every file in memory (for callers that need every result at once)."""
    return list(iter_clean(raw_files, rules_path, progress=progress))


def stale_outputs(results, out_dir: Path) -> list[str]:
    """Names of output files that are missing or differ from what cleaning produces now."""
    stale = []
    for result in results:
        for path, text in clean_outputs(result, out_dir):
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                stale.append(path.name)
    return stale


def check_out_dir(out_dir: Path, raw_files: list[Path], raw_dir: Path | None) -> None:
    """Refuse an output folder under the raw folder, or the folder an input sits in (its
    ``X.txt`` would replace the raw article)."""
    out = Path(out_dir).resolve()
    if raw_dir is not None:
        raw = Path(raw_dir).resolve()
        if out == raw or raw in out.parents:
            raise InputError(f"refusing to write under the raw folder {raw_dir}: raw articles are immutable (choose another --out)", str(out_dir))
    for p in raw_files:
        if Path(p).resolve().parent == out:
            raise InputError(f"refusing to write into the folder of the input {p}: its clean text would replace the raw article (choose another --out)", str(out_dir))


@dataclass
class CleanSummary:
    documents: int
    removed_segments: int
    stale: list[str]


def clean_corpus(raw_files: list[Path], out_dir: Path, rules_path: Path, *, raw_dir: Path | None = None,
                 check: bool = False, progress=None) -> CleanSummary:
    """The ``clean`` command: clean every input, then either report stale outputs (``check``)
    or write them all; nothing is written unless every input cleans."""
    raw_files = [Path(p) for p in raw_files]
    check_out_dir(out_dir, raw_files, raw_dir)
    results = iter_clean(raw_files, rules_path, progress=progress)
    removed = [0]

    def counted():
        for r in results:
            removed[0] += sum(1 for x in r.removed if x["rule"] != "whitespace")
            yield r

    if check:
        stale = stale_outputs(counted(), out_dir)
        return CleanSummary(len(raw_files), removed[0], stale)
    # streamed: each document's files go to temporaries as it is cleaned, renamed only when all are
    write_all((f for r in counted() for f in clean_outputs(r, out_dir)), ours=is_clean_output)
    return CleanSummary(len(raw_files), removed[0], [])
