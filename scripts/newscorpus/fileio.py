"""Strict readers and atomic writers.

Readers turn every bad input into an ``InputError`` naming the file and place; writers go
through a temporary file in the same folder and ``os.replace`` so no reader ever sees a
half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable

from newscorpus.errors import InputError


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_sha256(folder: Path, exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file below ``folder`` by POSIX relative path, sorted; dotfiles and
    ``exclude`` (relative paths) are left out."""
    folder = Path(folder)
    hashes = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and rel.as_posix() not in exclude and not any(part.startswith(".") for part in rel.parts):
            hashes[rel.as_posix()] = sha256_bytes(path.read_bytes())
    return hashes


def read_bytes(path: Path) -> bytes:
    """Read a file, refusing missing paths and folders with a one-line error."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", str(path))
    if not path.is_file():
        raise InputError("not a regular file", str(path))
    return path.read_bytes()


def decode_utf8(data: bytes, name: str, *, allow_empty: bool = False) -> str:
    """Decode strict UTF-8, naming the byte offset of the first bad byte."""
    if not data and not allow_empty:
        raise InputError("file is empty (0 bytes)", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(f"not valid UTF-8 (byte 0x{bad})", name, f"byte {exc.start}") from None


def read_text(path: Path, *, allow_empty: bool = False) -> str:
    return decode_utf8(read_bytes(path), str(path), allow_empty=allow_empty)


def read_json(path: Path) -> Any:
    """Parse a JSON file; a BOM, truncation or syntax error becomes an InputError with line/column."""
    text = read_text(path)
    if text.startswith("\ufeff"):
        raise InputError("starts with a UTF-8 byte-order mark; save it as plain UTF-8", str(path), "byte 0")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", str(path), f"line {exc.lineno} column {exc.colno}") from None


def dumps_json(data: Any) -> str:
    """Canonical JSON text: stable key order as given, UTF-8, two-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; published files must be readable
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, dumps_json(data))


def write_all(files: Iterable[tuple[Path, str]]) -> None:
    """Write several text files, each atomically; callers compute everything first."""
    for path, text in files:
        atomic_write_text(path, text)


def replace_dir(staging: Path, target: Path) -> None:
    """Swap a fully written staging folder into place; the old target survives any failure before."""
    target = Path(target)
    if target.exists():
        backup = target.with_name(f".{target.name}.old")
        if backup.exists():
            shutil.rmtree(backup)
        os.replace(target, backup)
        os.replace(staging, target)
        shutil.rmtree(backup)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging, target)


def display(path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
