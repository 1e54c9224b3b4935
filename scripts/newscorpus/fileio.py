"""Strict readers and one write discipline for every command.

Readers turn every bad input into an ``InputError`` naming the file and place: JSON is parsed
strictly (no duplicate keys, no NaN/Infinity, no lone surrogates) within documented limits
(``LIMITS``), and OS errors become one-line errors.

Writers never leave a partial set and never replace what they did not make:

* ``write_all`` / ``atomic_write_*`` write every file to a temporary file beside its target,
  fsync, and only then rename them into place; any failure before removes the temporaries.
  An existing target is refused (``OverwriteRefused``) when it is a raw article (under a
  corpus's ``corpus/raw/``), an annotation file, an entity registry or a manifest, or when
  the caller's ``ours`` test says another command made it -- unless ``force``.
* ``staged_dir`` builds a whole folder in a staging folder and swaps it in atomically
  (``renameat2(RENAME_EXCHANGE)``, else two renames with recovery on the next run). A folder
  is only replaced when it is empty or holds exactly what newscorpus wrote there (a hidden
  ``.newscorpus-output.json`` lists every file with its sha256), unless ``force``.
* Leftovers of a killed run (``.NAME.*.tmp`` files, ``.NAME.staging-*`` folders of dead
  processes, a ``.NAME.old`` backup) are cleaned up or restored by the next write.

``NEWSCORPUS_TEST_FAULT=<stage>`` makes the writer SIGKILL itself at that stage, so the tests
can kill a run exactly between two steps (stages: ``file:temps-written``, ``file:renamed-one``,
``dir:staged``, ``dir:moved-aside``, ``dir:swapped``).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import math
import os
import re
import secrets
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from newscorpus.errors import InputError, NewscorpusError

# Documented input limits (README "Limits"); every one is a clear error, never a hang.
LIMITS = {
    "json_bytes": 64 * 1024 * 1024,        # any JSON input (Label Studio exports, registries)
    "annotation_bytes": 16 * 1024 * 1024,  # one annotation document
    "json_depth": 64,                      # nesting of arrays/objects
    "int_digits": 20,                      # digits of one JSON integer
    "text_bytes": 64 * 1024 * 1024,        # a clean text read by validate, export, import
    "spans": 5000,                         # spans (and quality spans) of one annotation document
}
MARKER = ".newscorpus-output.json"


class OverwriteRefused(NewscorpusError):
    """A write would replace something the command did not make and ``--force`` was not given."""


class WriteError(NewscorpusError):
    """The operating system refused a write (permission, disk full, read-only, ...)."""


def os_error(exc: OSError, path=None) -> NewscorpusError:
    """An OSError as ``file: message`` (the CLI prints it as ``Error: file: message``)."""
    name = path if path is not None else (exc.filename or "")
    message = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        message = "no space left on device; nothing was written"
    return WriteError(message, display(name) if name else None)


def _fault(stage: str) -> None:
    """Test hook: die like ``kill -9`` at ``stage`` when NEWSCORPUS_TEST_FAULT names it."""
    if os.environ.get("NEWSCORPUS_TEST_FAULT") == stage:
        os.kill(os.getpid(), signal.SIGKILL)


# --------------------------------------------------------------------------- hashing


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_sha256(folder: Path, exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file below ``folder`` by POSIX relative path, sorted; dotfiles and
    ``exclude`` (relative paths) are left out."""
    folder = Path(folder)
    hashes = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and rel.as_posix() not in exclude and not any(part.startswith(".") for part in rel.parts):
            hashes[rel.as_posix()] = sha256_file(path)
    return hashes


# --------------------------------------------------------------------------- reading


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """Read a file, refusing missing paths, folders, unreadable and oversized files with a one-line error."""
    path = Path(path)
    try:
        if not path.exists():
            raise InputError("no such file", str(path))
        if not path.is_file():
            raise InputError("not a regular file", str(path))
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(f"file is too large ({size:,} bytes; the limit is {max_bytes:,})", str(path))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None


def decode_utf8(data: bytes, name: str, *, allow_empty: bool = False) -> str:
    """Decode strict UTF-8, naming the byte offset of the first bad byte."""
    if not data and not allow_empty:
        raise InputError("file is empty (0 bytes)", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(f"not valid UTF-8 (byte 0x{bad})", name, f"byte {exc.start}") from None


def read_text(path: Path, *, allow_empty: bool = False, max_bytes: int | None = LIMITS["text_bytes"]) -> str:
    return decode_utf8(read_bytes(path, max_bytes=max_bytes), str(path), allow_empty=allow_empty)


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; carries the message."""


class _Object(dict):
    """A parsed JSON object that had duplicate keys (reported with its pointer after parsing)."""

    duplicates: list[str]


def _pairs_hook(repeated: list) -> Callable[[list[tuple[str, Any]]], dict]:
    """The ``object_pairs_hook`` of one parse: marks objects with a repeated key, and notes in
    ``repeated`` that the parse met one (so a clean parse can skip the walk that finds them)."""
    def pairs(items: list[tuple[str, Any]]) -> dict:
        out = dict(items)
        if len(out) != len(items):
            repeated.append(True)
            seen: set[str] = set()
            marked = _Object(out)
            marked.duplicates = [k for k, _ in items if k in seen or seen.add(k)]
            return marked
        return out
    return pairs


def _constant(name: str):
    raise _Refused(f"{name} is not a JSON number (numbers must be finite)")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"number {text[:40]} is out of range (numbers must be finite)")
    return value


def _int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > LIMITS["int_digits"]:
        raise _Refused(f"integer with {digits} digits (the limit is {LIMITS['int_digits']})")
    return int(text)


def pointer(parts) -> str:
    """RFC 6901 pointer from a path of keys and indices."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _tree_fine(data: Any, text: str, max_depth: int, repeated: list) -> bool:
    """True when ``_check_tree`` would find nothing, without a pointer per value: no object had
    a repeated key during the parse, no string can hold a lone surrogate (the text has none and
    no ``\\u`` escape), and no container is ``max_depth`` deep (a walk over containers only)."""
    if repeated or "\\u" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    level, depth = [data], 0
    while level:
        if depth >= max_depth:
            return False
        below = []
        for value in level:
            items = value.values() if isinstance(value, dict) else value
            below += [item for item in items if isinstance(item, (dict, list))]
        level, depth = below, depth + 1
    return True


def _check_tree(data: Any, name: str, max_depth: int) -> None:
    """Depth limit, duplicate keys and lone surrogates, reported with a JSON pointer (iterative)."""
    stack: list[tuple[Any, tuple, int]] = [(data, (), 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(f"string holds a lone surrogate (\\u{ord(value[exc.start]):04x}); JSON text must be valid Unicode", name, pointer(path) or "/") from None
        elif isinstance(value, (dict, list)):
            if depth >= max_depth:
                raise InputError(f"nested deeper than {max_depth} levels (the limit)", name, pointer(path) or "/")
            if isinstance(value, dict):
                if isinstance(value, _Object):
                    raise InputError(f"duplicate key {value.duplicates[0]!r} (JSON objects must not repeat a key)", name, pointer(path) or "/")
                for key, item in value.items():
                    try:
                        key.encode("utf-8")
                    except UnicodeEncodeError:
                        raise InputError("key holds a lone surrogate; JSON text must be valid Unicode", name, pointer(path) or "/") from None
                    if isinstance(item, (str, dict, list)):
                        stack.append((item, (*path, key), depth + 1))
            else:
                for i, item in enumerate(value):
                    if isinstance(item, (str, dict, list)):
                        stack.append((item, (*path, i), depth + 1))


def loads_json(text: str, name: str, *, max_depth: int | None = None) -> Any:
    """Strict JSON: a BOM, syntax error, duplicate key, NaN/Infinity, lone surrogate, oversized
    integer or too-deep nesting is an InputError naming the place."""
    max_depth = max_depth or LIMITS["json_depth"]
    if text.startswith("\ufeff"):
        raise InputError("starts with a UTF-8 byte-order mark; save it as plain UTF-8", name, "byte 0")
    repeated: list = []
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook(repeated), parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", name, f"line {exc.lineno} column {exc.colno}") from None
    except _Refused as exc:
        raise InputError(f"invalid JSON: {exc}", name) from None
    except RecursionError:
        raise InputError(f"invalid JSON: nested deeper than {max_depth} levels (the limit)", name) from None
    if not (isinstance(data, (dict, list)) and _tree_fine(data, text, max_depth, repeated)):
        _check_tree(data, name, max_depth)  # finds and names the problem (or confirms there is none)
    return data


def read_json(path: Path, *, max_bytes: int | None = None) -> Any:
    """Parse a JSON file strictly (see ``loads_json``) within ``LIMITS``."""
    return loads_json(read_text(path, max_bytes=max_bytes or LIMITS["json_bytes"]), str(path))


def _non_finite(data: Any, path: tuple = ()) -> str | None:
    if isinstance(data, float) and not math.isfinite(data):
        return pointer(path) or "/"
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, (list, tuple)):
        items = enumerate(data)
    else:
        return None
    for key, value in items:
        found = _non_finite(value, (*path, key))
        if found:
            return found
    return None


def dumps_json(data: Any, name: str | None = None) -> str:
    """Canonical JSON text: stable key order as given, UTF-8, two-space indent, final newline.

    A NaN or infinite number is refused (it is not JSON) with the pointer to it."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        raise NewscorpusError("refusing to write a number that is not finite (NaN or Infinity)", name, _non_finite(data)) from None


# --------------------------------------------------------------------------- what may be replaced


def _raw_dir_of(path: Path) -> Path | None:
    """The corpus ``raw`` folder ``path`` lies in (a ``raw`` folder beside a manifest.csv), if any."""
    for folder in Path(path).resolve().parents:
        if folder.name == "raw" and (folder.parent / "manifest.csv").is_file():
            return folder
    return None


_SNIFF = {
    "an annotation file (human work)": re.compile(rb'"spans"\s*:\s*\['),
    "an entity registry": re.compile(rb'"entities"\s*:\s*\['),
}


def protected(path: Path) -> str | None:
    """Why an existing file must not be replaced without --force (None: nothing known)."""
    path = Path(path)
    if _raw_dir_of(path) is not None:
        return "is a raw article (corpus/raw is never rewritten)"
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return None
    if path.name == "manifest.csv" or head.startswith(b"doc_id,raw_file,"):
        return "is a corpus manifest"
    for reason, pattern in _SNIFF.items():
        if pattern.search(head):
            return f"is {reason}"
    return None


def check_replace(path: Path, *, force: bool = False, ours: Callable[[Path], bool] | None = None,
                  into_raw: bool = False) -> None:
    """Refuse to write ``path`` unless it is new, made by this command (``ours``), or ``force``.

    Nothing is written under a corpus's ``corpus/raw/`` without ``force`` (``into_raw`` lets
    ``add`` create new raw files, never replace one). Without ``ours``, an existing file that is
    not protected (``protected``) may be replaced."""
    path = Path(path)
    exists = path.exists() or path.is_symlink()
    if exists and path.is_dir():
        raise OverwriteRefused("is a folder; give a file name", display(path))
    if force:
        return
    if _raw_dir_of(path) is not None and (exists or not into_raw):
        raise OverwriteRefused("is inside corpus/raw (raw articles are never rewritten); nothing written (use --force to write there)", display(path))
    if not exists:
        return
    if ours is not None and _safe(ours, path):
        return
    reason = protected(path)
    if reason is None and ours is None:
        return
    reason = reason or "was not written by this command"
    raise OverwriteRefused(f"exists and {reason}; nothing written (use --force to replace it)", display(path))


def _safe(test: Callable[[Path], bool], path: Path) -> bool:
    try:
        return bool(test(path))
    except (OSError, NewscorpusError, ValueError):
        return False


def json_file_like(test: Callable[[Any], bool]) -> Callable[[Path], bool]:
    """An ``ours`` test for JSON outputs: the existing file parses and ``test(data)`` holds."""

    def ours(path: Path) -> bool:
        return test(read_json(path))

    return ours


# --------------------------------------------------------------------------- writing files


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TMP = re.compile(r"^\..+\.p(\d+)\.[0-9a-f]{8}\.tmp$")
_JOURNAL = re.compile(r"^\.newscorpus-journal\.p(\d+)\.[0-9a-f]{8}\.json$")


def _roll_forward(journal: Path) -> None:
    """Finish the renames of a file set whose writer was killed after every file was on disk."""
    try:
        pairs = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pairs = []
    for tmp, target in pairs if isinstance(pairs, list) else []:
        if os.path.exists(tmp):
            os.replace(tmp, target)
    journal.unlink(missing_ok=True)


def clean_stale(folder: Path) -> None:
    """Finish file sets and remove temporaries and staging folders left in ``folder`` by killed runs."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _JOURNAL.match(entry.name)
        if match and not _alive(int(match.group(1))):
            _roll_forward(Path(entry.path))
    for entry in entries:
        match = _TMP.match(entry.name) or _STAGING.match(entry.name)
        if match and not _alive(int(match.group(1))):
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.p{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


SYNC_EACH_MAX = 16  # the first this many files of a set fsync each; a bigger set (`clean` of a corpus) then syncs once
_SWEPT: set[Path] = set()  # folders this process has already cleared of killed runs' leftovers


def write_all(files: Iterable[tuple[Path, str | bytes]], *, force: bool = False,
              ours: Callable[[Path], bool] | None = None, into_raw: bool = False) -> list[Path]:
    """Write several files as one set: each target is checked (``check_replace``) and its data
    goes to a temporary beside it as the iterable yields it (so a corpus-sized set is never held
    in memory), then all temporaries are synced and renamed into place. The first write of a
    process into a folder finishes or removes what killed runs left there.

    A failure (disk full, permission, a refused target, an error raised by the iterable) before
    the renames leaves every target as it was and no temporary behind. Returns the targets."""
    targets: list[Path] = []
    temps: list[tuple[Path, Path]] = []
    folders: set[Path] = set()
    made: list[Path] = []  # folders this call created: removed again if the set fails
    mode = _file_mode()
    try:
        for path, data in files:
            path = Path(path)
            data = _utf8(data, path) if isinstance(data, str) else data
            check_replace(path, force=force, ours=ours, into_raw=into_raw)
            targets.append(path)
            current: Path | None = path
            try:
                if path.parent not in folders:
                    made += reversed([f for f in (path.parent, *path.parent.parents) if not f.exists()])
                    path.parent.mkdir(parents=True, exist_ok=True)
                    if path.parent not in _SWEPT:  # once per process: the scan is O(folder) and a
                        clean_stale(path.parent)   # build writes one document at a time into big folders
                        _SWEPT.add(path.parent)
                    folders.add(path.parent)
                tmp = _tmp_name(path)
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
                temps.append((tmp, path))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    if len(temps) <= SYNC_EACH_MAX:
                        os.fsync(handle.fileno())
            except OSError as exc:
                raise _not_a_folder(path.parent) or os_error(exc, current) from None
        if len(temps) > SYNC_EACH_MAX:
            os.sync()  # a big set: one sync(2) for the temporaries past the first few, not an fsync each
        _fault("file:temps-written")
        journal = None
        if len(temps) > 1:  # a kill between the renames is rolled forward by the next write here
            journal = targets[0].parent / f".newscorpus-journal.p{os.getpid()}.{secrets.token_hex(4)}.json"
            try:
                _write_synced(journal, json.dumps([[str(t), str(p)] for t, p in temps]).encode("utf-8"), mode)
            except OSError as exc:
                journal.unlink(missing_ok=True)
                raise os_error(exc, journal.parent) from None
            _fsync_dir(journal.parent)
        for n, (tmp, path) in enumerate(temps):
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise os_error(exc, path) from None
            if n == 0:
                _fault("file:renamed-one")
        for folder in folders:
            _fsync_dir(folder)
        if journal is not None:
            journal.unlink(missing_ok=True)
    except BaseException:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        for folder in reversed(made):
            try:
                folder.rmdir()  # only if still empty
            except OSError:
                pass
        raise
    return targets


def _utf8(text: str, path) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"cannot write character {text[exc.start]!r} as UTF-8 (it came from a name or text that is not "
                         "valid UTF-8, such as a non-UTF-8 file name); nothing written", display(path), f"character {exc.start}") from None


def _write_synced(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _not_a_folder(folder: Path) -> NewscorpusError | None:
    """When a folder on the way to an output is a file: the error that says so."""
    for part in (folder, *folder.parents):
        if part.exists():
            return None if part.is_dir() else WriteError("is a file, not a folder; cannot write below it", display(part))
    return None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, **options) -> None:
    """One file through ``write_all`` (options: force, ours, into_raw)."""
    write_all([(Path(path), data)], **options)


def atomic_write_text(path: Path, text: str, **options) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), **options)


def atomic_write_json(path: Path, data: Any, **options) -> None:
    atomic_write_text(path, dumps_json(data, display(path)), **options)


# --------------------------------------------------------------------------- writing folders

_STAGING = re.compile(r"^\..+\.staging-p(\d+)-[0-9a-f]{8}$")
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False when the system cannot."""
    if os.environ.get("NEWSCORPUS_TEST_NO_EXCHANGE"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


@contextmanager
def _lock(target: Path) -> Iterator[None]:
    """One swap of ``target`` at a time (concurrent builds)."""
    path = target.with_name(f".{target.name}.lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, _file_mode())
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _backup(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover_dir(target: Path) -> bool:
    """Finish or undo a swap of ``target`` that was killed: restore a moved-aside folder, drop leftovers.

    Writes nothing (not even the lock file) when there is nothing to recover; returns whether there was."""
    target = Path(target)
    if not target.parent.is_dir():
        return False
    backup = _backup(target)
    legacy = re.compile(rf"^\.{re.escape(target.name)}\.[a-z0-9_]{{8}}$")  # mkdtemp staging of older versions
    leftovers = [e for e in target.parent.iterdir()
                 if (legacy.match(e.name) and e.is_dir()) or _stale(e.name)]
    if not backup.exists() and not leftovers:
        return False
    with _lock(target):
        if backup.exists():
            if not target.exists():
                os.replace(backup, target)
            else:
                shutil.rmtree(backup, ignore_errors=True)
        clean_stale(target.parent)
        for entry in leftovers:
            if legacy.match(entry.name):
                shutil.rmtree(entry, ignore_errors=True)
    return True


def _stale(name: str) -> bool:
    match = _TMP.match(name) or _STAGING.match(name) or _JOURNAL.match(name)
    return bool(match) and not _alive(int(match.group(1)))


def _marker(folder: Path) -> dict | None:
    path = folder / MARKER
    if not path.is_file():
        return None
    try:
        data = read_json(path)
    except NewscorpusError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def _all_files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


def prepare_dir(target: Path, *, force: bool = False) -> None:
    """Before a command that will replace ``target``: finish or undo a killed swap, then check it may be replaced."""
    try:
        recover_dir(Path(os.path.abspath(target)))
    except OSError as exc:
        raise os_error(exc) from None
    check_replace_dir(target, force=force)


def check_replace_dir(target: Path, *, force: bool = False) -> None:
    """Refuse to replace a folder newscorpus did not write (or one changed since) unless ``force``."""
    target = Path(os.path.abspath(target))
    resolved = target.resolve()
    cwd = Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents or resolved == Path(resolved.anchor):
        raise OverwriteRefused("would replace the working directory (or a folder above it); give a new folder", display(target))
    if (resolved / "corpus" / "manifest.csv").is_file():
        raise OverwriteRefused("is a corpus folder; give a new folder for the output", display(target))
    if _raw_dir_of(resolved / "x") is not None and not force:
        raise OverwriteRefused("is inside corpus/raw (raw articles are never rewritten); nothing written (use --force)", display(target))
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise OverwriteRefused("exists and is not a folder; give a folder name", display(target))
    if force:
        return
    files = _all_files(target)
    if not files:
        return
    marker = _marker(target)
    listed = marker["files"] if marker else {}
    foreign = [rel for rel in files if rel != MARKER and rel not in listed]
    changed = [rel for rel in files if rel in listed and (not files[rel].is_file() or sha256_file(files[rel]) != listed[rel])]
    if marker is None or foreign or changed:
        what = (f"holds {len(foreign)} file(s) newscorpus did not write there (e.g. {foreign[0]})" if foreign
                else f"has {len(changed)} file(s) changed since newscorpus wrote them (e.g. {changed[0]})")
        raise OverwriteRefused(f"{what}; nothing written (use --force to replace it)", display(target))


@contextmanager
def staged_dir(target: Path, *, made_by: str, force: bool = False) -> Iterator[Path]:
    """Yield a staging folder beside ``target``; when the block succeeds, swap it in atomically.

    The target is checked first (``check_replace_dir``) and again under the lock at the swap; a
    failure anywhere leaves the previous target as it was and removes the staging folder."""
    target = Path(os.path.abspath(target))
    check_replace_dir(target, force=force)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recovered = recover_dir(target)
    except OSError as exc:
        raise _not_a_folder(target.parent) or os_error(exc) from None
    if recovered:  # a killed swap was finished or undone: the target may be another folder now
        check_replace_dir(target, force=force)
    staging = target.with_name(f".{target.name}.staging-p{os.getpid()}-{secrets.token_hex(4)}")
    try:
        try:
            staging.mkdir()
            os.chmod(staging, 0o777 & ~_umask())  # a published folder is readable like any other
        except OSError as exc:
            raise os_error(exc) from None
        yield staging
        try:
            files = {rel: sha256_file(p) for rel, p in _all_files(staging).items() if rel != MARKER}
            (staging / MARKER).write_text(json.dumps({"made_by": made_by, "files": files}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            _fault("dir:staged")
            with _lock(target):
                check_replace_dir(target, force=force)
                _swap(staging, target)
        except OSError as exc:
            raise os_error(exc) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _swap(staging: Path, target: Path) -> None:
    if target.exists() or target.is_symlink():
        if _exchange(staging, target):
            _fault("dir:swapped")
            shutil.rmtree(staging, ignore_errors=True)  # now the previous folder
            return
        backup = _backup(target)
        if backup.exists():
            shutil.rmtree(backup)
        os.replace(target, backup)
        _fault("dir:moved-aside")
        os.replace(staging, target)
        _fault("dir:swapped")
        shutil.rmtree(backup, ignore_errors=True)
    else:
        os.replace(staging, target)
    _fsync_dir(target.parent)


def replace_dir(staging: Path, target: Path) -> None:
    """Swap a fully written staging folder into place (kept for callers outside ``staged_dir``)."""
    with _lock(Path(target)):
        _swap(Path(staging), Path(target))


def display(path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
