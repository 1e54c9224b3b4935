"""Label Studio sessions: config, tasks and imports as files, push and pull through the API.

The conversions themselves live in ``formats/labelstudio.py`` (pure); this module reads and
writes the files around them and talks to a Label Studio server through
``label-studio-sdk`` 2.x. The server URL comes from ``--url`` or ``LABEL_STUDIO_URL``; the API
token only from the environment variable ``LABEL_STUDIO_API_KEY`` and it is never printed,
logged or written.

Imports are all-or-nothing: every task is converted and validated before anything is written,
each file is written atomically, and an existing annotation file is only replaced with
``force=True`` (otherwise the error lists what would change, span by span).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from newscorpus.corpus.project import Corpus
from newscorpus.errors import InputError, NewscorpusError, ValidationFailed
from newscorpus.fileio import atomic_write_bytes, atomic_write_json, atomic_write_text, dumps_json, read_json, read_text, display
from newscorpus.formats import labelstudio as ls_format
from newscorpus.corpus.manifest import valid_doc_id

URL_ENV = "LABEL_STUDIO_URL"
TOKEN_ENV = "LABEL_STUDIO_API_KEY"
DEFAULT_TITLE = "newscorpus"


class LabelStudioError(NewscorpusError):
    """Label Studio could not be reached, refused a request, or is not configured."""


class OverwriteRefused(NewscorpusError):
    """An import would replace existing annotation files and ``--force`` was not given."""


# --------------------------------------------------------------------------- files


def write_config(out: Path | None = None) -> str:
    """The generated labelling config; written atomically to ``out`` when given."""
    xml = ls_format.config_xml()
    if out is not None:
        atomic_write_text(Path(out), xml)
    return xml


def _doc_id_of(arg: str) -> str:
    """A DOCS argument (a doc id, or a clean text / annotation file path) as a doc id."""
    path = Path(arg)
    if path.suffix in (".txt", ".json"):
        name = path.name
        for suffix in (".provenance.json", ".json", ".txt"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
    return arg


def resolve_docs(docs: Iterable[str], *, clean_dir: Path | None = None) -> list[str]:
    """Doc ids for DOCS arguments (default: every clean text), without duplicates."""
    clean_dir = Path(clean_dir or Corpus.find().clean_dir)
    args = list(docs)
    if not args:
        ids = [p.stem for p in sorted(clean_dir.glob("*.txt"))]
        if not ids:
            raise InputError("no clean texts (run `newscorpus clean`)", display(clean_dir))
        return ids
    out: list[str] = []
    for arg in args:
        if Path(arg).name == "entities.json":
            continue
        doc_id = _doc_id_of(arg)
        if not valid_doc_id(doc_id):
            raise InputError(f"{arg!r} is not a document id or a clean text / annotation file", arg)
        if doc_id not in out:
            out.append(doc_id)
    return out


def _registry(registry_path: Path | None) -> dict | None:
    from newscorpus.annotate.validate import load_registry

    path = Path(registry_path or Corpus.find().entities_path)
    if not path.exists():
        return None
    registry, _ = load_registry(path)
    return registry


def build_tasks(
    docs: Iterable[str] = (),
    *,
    from_dir: Path | None = None,
    clean_dir: Path | None = None,
    annotations_dir: Path | None = None,
    model_version: str | None = None,
    progress=None,
) -> list[dict]:
    """Label Studio tasks for DOCS with their annotations (or ``from_dir``'s pre-annotations) as predictions.

    A document without an annotation file becomes a task without predictions. Every annotation
    file is validated against the current clean text first (entity links are not checked here).
    """
    from newscorpus.annotate.validate import validate_document

    clean_dir = Path(clean_dir or Corpus.find().clean_dir)
    source = Path(from_dir or annotations_dir or Corpus.find().annotations_dir)
    if from_dir is not None and not source.is_dir():
        raise InputError("no such folder", display(source))
    triples = []
    problems = []
    doc_ids = resolve_docs(docs, clean_dir=clean_dir)
    for doc_id in progress(doc_ids) if progress else doc_ids:
        clean = read_text(clean_dir / f"{doc_id}.txt")
        path = source / f"{doc_id}.json"
        doc = None
        if path.exists():
            doc = read_json(path)
            found = validate_document(doc, file=display(path), clean_text=clean, registry=None)
            if not found and doc.get("doc_id") != doc_id:
                raise InputError(f"doc_id {doc.get('doc_id')!r} does not match the file name", display(path), "/doc_id")
            problems += found
        triples.append((doc_id, clean, doc))
    if problems:
        raise ValidationFailed(problems)
    return ls_format.docs_to_tasks(triples, model_version=model_version)


@dataclass
class ExportReport:
    out: Path
    tasks: int
    with_predictions: int
    regions: int


def export_tasks(docs: Iterable[str] = (), *, out: Path, **options: Any) -> ExportReport:
    """Write ``build_tasks(docs, **options)`` to ``out`` (a Label Studio JSON import file)."""
    tasks = build_tasks(docs, **options)
    atomic_write_text(Path(out), dumps_json(tasks))
    predicted = [t for t in tasks if t.get("predictions")]
    regions = sum(len({r["id"] for r in t["predictions"][0]["result"] if "id" in r}) for t in predicted)
    return ExportReport(Path(out), len(tasks), len(predicted), regions)


@dataclass
class ImportReport:
    out_dir: Path
    written: list[tuple[str, list[str]]] = field(default_factory=list)  # (file, diff summary)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_export(
    export: Path | str | list,
    *,
    out_dir: Path | None = None,
    clean_dir: Path | None = None,
    registry_path: Path | None = None,
    force: bool = False,
    name: str | None = None,
) -> ImportReport:
    """Convert a Label Studio full JSON export into annotation files in ``out_dir``.

    ``export`` is a path or the already parsed export (then ``name`` names it in errors).
    Raises ``ValidationFailed`` (every problem, with JSON pointers into the export) or
    ``OverwriteRefused`` and writes nothing in either case.
    """
    from newscorpus.annotate.validate import validate_document

    out_dir = Path(out_dir or Corpus.find().annotations_dir)
    clean_dir = Path(clean_dir or Corpus.find().clean_dir)
    if isinstance(export, (str, Path)):
        name = display(export)
        data = read_json(Path(export))
    else:
        data, name = export, name or "<export>"
    cache: dict[str, str] = {}

    def clean_text_for(doc_id: str) -> str:
        if doc_id not in cache:
            cache[doc_id] = read_text(clean_dir / f"{doc_id}.txt")
        return cache[doc_id]

    converted, skipped, problems = ls_format.export_to_docs(
        data, file=name, clean_text_for=clean_text_for, validate=validate_document, registry=_registry(registry_path)
    )
    if problems:
        raise ValidationFailed(problems)

    report = ImportReport(out_dir, skipped=skipped)
    root = out_dir.resolve()
    writes: list[tuple[Path, dict, list[str]]] = []
    refused: list[str] = []
    for item in converted:
        target = out_dir / f"{item.doc_id}.json"
        if target.resolve().parent != root:  # belt and braces: valid_doc_id already refuses this
            raise InputError(f"doc_id {item.doc_id!r} would be written outside {display(out_dir)}", name, f"{item.pointer}/data/doc_id")
        report.notes += [f"{item.doc_id}: {n}" for n in item.notes]
        old = None
        if target.exists():
            try:
                old = read_json(target)
            except NewscorpusError as exc:
                old = {"unreadable": str(exc)}
        changes = ls_format.diff_docs(old, item.doc)
        if not changes:
            report.unchanged.append(display(target))
            continue
        if old is not None and not force:
            refused.append(f"{display(target)} (from task {item.task_id}):\n    " + "\n    ".join(changes))
        writes.append((target, item.doc, changes))
    if refused:
        raise OverwriteRefused(
            f"{len(refused)} existing annotation file(s) would change; nothing written (use --force to overwrite):\n" + "\n".join(refused)
        )
    for target, doc, changes in writes:
        atomic_write_json(target, doc)
        report.written.append((display(target), changes))
    return report


# --------------------------------------------------------------------------- API


def _describe(exc: Exception) -> str:
    """An SDK/HTTP error as one line: status and server detail, never request headers."""
    from label_studio_sdk.core.api_error import ApiError

    if isinstance(exc, ApiError):
        body = exc.body
        detail = body
        if isinstance(body, dict):
            detail = body.get("validation_errors") or body.get("detail") or body
        text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
        return f"HTTP {exc.status_code}: {text[:500]}"
    return f"{exc.__class__.__name__}: {str(exc)[:300]}"


class _Session:
    """A Label Studio client whose failures become LabelStudioError."""

    def __init__(self, url: str | None):
        url = url or os.environ.get(URL_ENV)
        if not url:
            raise LabelStudioError(f"no Label Studio URL: pass --url or set {URL_ENV}")
        token = os.environ.get(TOKEN_ENV)
        if not token:
            raise LabelStudioError(f"no API token: set the environment variable {TOKEN_ENV} (Label Studio > Account & Settings > Access Token)")
        from label_studio_sdk import LabelStudio

        self.url = url.rstrip("/")
        self.client = LabelStudio(base_url=self.url, api_key=token, timeout=120)

    def call(self, what: str, fn, *args, **kwargs):
        import httpx
        from label_studio_sdk.core.api_error import ApiError

        try:
            return fn(*args, **kwargs)
        except ApiError as exc:
            raise LabelStudioError(f"{what} failed: {_describe(exc)}", self.url) from None
        except httpx.HTTPError as exc:
            raise LabelStudioError(f"{what} failed: cannot reach Label Studio ({_describe(exc)})", self.url) from None

    def find_project(self, title: str):
        found = [p for p in self.call("listing projects", lambda: list(self.client.projects.list(title=title))) if p.title == title]
        if len(found) > 1:
            raise LabelStudioError(f"{len(found)} projects are titled {title!r} (ids {', '.join(str(p.id) for p in found)}); rename all but one", self.url)
        return found[0] if found else None

    def require_project(self, title: str):
        project = self.find_project(title)
        if project is None:
            raise LabelStudioError(f"no project titled {title!r} (push creates it)", self.url)
        return project

    def doc_ids(self, project_id: int) -> dict[str, int]:
        tasks = self.call("listing tasks", lambda: list(self.client.tasks.list(project=project_id, fields="task_only", page_size=500)))
        return {t.data.get("doc_id"): t.id for t in tasks if isinstance(t.data, dict)}


@dataclass
class PushReport:
    url: str
    project_id: int
    title: str
    created: bool
    config_updated: bool
    uploaded: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)


def push(
    docs: Iterable[str] = (),
    *,
    title: str = DEFAULT_TITLE,
    url: str | None = None,
    **options: Any,
) -> PushReport:
    """Create or update the project ``title`` with the generated config and upload DOCS as tasks.

    Documents already in the project (same ``doc_id``) are left alone, so pushing twice does not
    duplicate tasks. ``options`` go to ``build_tasks`` (``from_dir``, ``clean_dir``, ...).
    """
    tasks = build_tasks(docs, **options)
    session = _Session(url)
    config = ls_format.config_xml()
    project = session.find_project(title)
    created = config_updated = False
    if project is None:
        project = session.call("creating the project", session.client.projects.create, title=title, label_config=config,
                               description="newscorpus annotation session (config generated from scheme.py)")
        created = True
    elif (project.label_config or "").strip() != config.strip():
        session.call("updating the project config", session.client.projects.update, id=project.id, label_config=config)
        config_updated = True
    report = PushReport(session.url, project.id, title, created, config_updated)
    present = session.doc_ids(project.id) if not created else {}
    new = [t for t in tasks if t["data"]["doc_id"] not in present]
    report.already_there = [t["data"]["doc_id"] for t in tasks if t["data"]["doc_id"] in present]
    if new:
        session.call("uploading tasks", session.client.projects.import_tasks, id=project.id, request=new, return_task_ids=True)
        report.uploaded = [t["data"]["doc_id"] for t in new]
    return report


@dataclass
class PullReport:
    url: str
    project_id: int
    tasks: int
    out: Path | None = None
    imported: ImportReport | None = None


def pull(
    *,
    title: str = DEFAULT_TITLE,
    url: str | None = None,
    out: Path | None = None,
    import_to: Path | None = None,
    force: bool = False,
    **import_options: Any,
) -> PullReport:
    """Export the project's annotated tasks (full JSON) to ``out`` and/or import them into ``import_to``."""
    if out is None and import_to is None:
        raise LabelStudioError("nothing to do: give --out FILE and/or --import")
    session = _Session(url)
    project = session.require_project(title)
    raw = session.call("exporting annotations", lambda: b"".join(session.client.projects.exports.download_sync(project.id, export_type="JSON")))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LabelStudioError(f"the export is not JSON ({exc.msg})", session.url) from None
    report = PullReport(session.url, project.id, len(data) if isinstance(data, list) else 0)
    if out is not None:
        atomic_write_bytes(Path(out), raw)
        report.out = Path(out)
    if import_to is not None:
        name = display(out) if out is not None else f"{session.url} project {project.id} export"
        report.imported = import_export(data, out_dir=import_to, force=force, name=name, **import_options)
    return report
