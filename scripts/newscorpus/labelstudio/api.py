"""Label Studio through its API (``label-studio-sdk`` 2.x): push tasks, pull submissions.

The server URL comes from ``--url`` or ``LABEL_STUDIO_URL``; the API token only from the
environment variable ``LABEL_STUDIO_API_KEY``, and it is never printed, logged or written.

A session is one project, or - for team annotation, which community Label Studio lacks - the
N copies ``<title> #1`` ... ``<title> #N`` that ``push --overlap N`` creates, one per annotator.
``pull`` of a team session keeps every annotator's submission, each in its own folder.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from newscorpus.errors import NewscorpusError
from newscorpus.fileio import atomic_write_bytes, atomic_write_text, display, dumps_json
from . import files
from .config import config_xml, instructions_html

URL_ENV = "LABEL_STUDIO_URL"
TOKEN_ENV = "LABEL_STUDIO_API_KEY"
DEFAULT_TITLE = "newscorpus"


class LabelStudioError(NewscorpusError):
    """Label Studio could not be reached, refused a request, or is not configured."""


def copy_title(title: str, k: int) -> str:
    """The title of an annotator's copy in a team session."""
    return f"{title} #{k}"


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

    def session(self, title: str) -> list:
        """The projects of session ``title``: the project itself, or its team copies in order."""
        exact = self.find_project(title)
        if exact is not None:
            return [exact]
        pattern = re.compile(re.escape(title) + r" #(\d+)$")
        projects = self.call("listing projects", lambda: list(self.client.projects.list()))
        copies = sorted(((int(m[1]), p) for p in projects if (m := pattern.match(p.title or ""))), key=lambda c: c[0])
        if not copies:
            raise LabelStudioError(f"no project titled {title!r} or {copy_title(title, 1)!r} (push creates it)", self.url)
        return [p for _, p in copies]

    def export(self, project) -> bytes:
        """The full JSON export of ``project`` (every task with a submitted annotation)."""
        return self.call("exporting annotations", lambda: b"".join(self.client.projects.exports.download_sync(project.id, export_type="JSON")))

    def doc_ids(self, project_id: int) -> dict[str, int]:
        tasks = self.call("listing tasks", lambda: list(self.client.tasks.list(project=project_id, fields="task_only", page_size=500)))
        return {t.data.get("doc_id"): t.id for t in tasks if isinstance(t.data, dict)}


    def ensure_project(self, title: str, *, description: str, **settings: Any):
        """The project ``title`` with the generated config and instructions; (project, created, config_updated)."""
        config = config_xml()
        project = self.find_project(title)
        if project is None:
            project = self.call("creating the project", self.client.projects.create, title=title, label_config=config,
                                description=description, expert_instruction=instructions_html(), show_instruction=False,
                                **settings)
            return project, True, False
        if (project.label_config or "").strip() != config.strip():
            self.call("updating the project config", self.client.projects.update, id=project.id, label_config=config,
                      expert_instruction=instructions_html())
            return project, False, True
        return project, False, False

    def upload(self, project, tasks: list[dict], *, fresh: bool) -> tuple[list[str], list[str]]:
        """Upload the tasks whose doc_id the project lacks; (uploaded, already there) doc ids."""
        present = {} if fresh else self.doc_ids(project.id)
        new = [t for t in tasks if t["data"]["doc_id"] not in present]
        if new:
            self.call("uploading tasks", self.client.projects.import_tasks, id=project.id, request=new, return_task_ids=True)
        return [t["data"]["doc_id"] for t in new], [t["data"]["doc_id"] for t in tasks if t["data"]["doc_id"] in present]


@dataclass
class PushReport:
    url: str
    project_id: int
    title: str
    created: bool
    config_updated: bool
    uploaded: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    copies: list["PushReport"] = field(default_factory=list)  # team session: one report per copy


def push(
    docs: Iterable[str] = (),
    *,
    title: str = DEFAULT_TITLE,
    url: str | None = None,
    overlap: int = 1,
    **options: Any,
) -> PushReport:
    """Create or update the project ``title`` and upload DOCS as tasks (with ``overlap`` N > 1: N copies).

    Each copy ``<title> #k`` holds every task once; annotator k works in copy k, so each task is
    annotated N times, independently. Documents already in a project (same ``doc_id``) are left
    alone, so pushing twice does not duplicate tasks. ``options`` go to ``files.build_tasks``.
    """
    if overlap < 1:
        raise LabelStudioError(f"--overlap must be at least 1, got {overlap}")
    tasks = files.build_tasks(docs, **options)
    session = _Session(url)
    titles = [title] if overlap == 1 else [copy_title(title, k) for k in range(1, overlap + 1)]
    if overlap > 1 and session.find_project(title) is not None:
        raise LabelStudioError(f"a single-annotator project titled {title!r} exists: pick another --title for a team session", session.url)
    reports = []
    for k, name in enumerate(titles, start=1):
        description = "newscorpus annotation session (config generated from scheme.py)"
        if overlap > 1:
            description = f"newscorpus team session {title!r}: copy {k} of {overlap}, for annotator {k} only"
        project, created, updated = session.ensure_project(name, description=description)
        uploaded, there = session.upload(project, tasks, fresh=created)
        reports.append(PushReport(session.url, project.id, name, created, updated, uploaded, there))
    if overlap == 1:
        return reports[0]
    first = reports[0]
    return PushReport(session.url, first.project_id, title, all(r.created for r in reports), any(r.config_updated for r in reports),
                      first.uploaded, first.already_there, reports)


@dataclass
class PullReport:
    url: str
    project_ids: list[int]
    tasks: int
    out: Path | None = None
    imported: files.ImportReport | None = None
    annotators: list[str] = field(default_factory=list)  # team session: one folder each

    @property
    def project_id(self) -> int:
        return self.project_ids[0]


def _parse(raw: bytes, session: _Session) -> list:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LabelStudioError(f"the export is not JSON ({exc.msg})", session.url) from None
    if not isinstance(data, list):
        raise LabelStudioError("the export is not a list of tasks", session.url)
    return data


def fetch(title: str = DEFAULT_TITLE, url: str | None = None) -> tuple[_Session, list, list[tuple[Any, bytes]]]:
    """(session, projects, [(project, raw full JSON export)]) of the session ``title``."""
    session = _Session(url)
    projects = session.session(title)
    return session, projects, [(p, session.export(p)) for p in projects]


def pull(
    *,
    title: str = DEFAULT_TITLE,
    url: str | None = None,
    out: Path | None = None,
    import_to: Path | None = None,
    force: bool = False,
    **import_options: Any,
) -> PullReport:
    """Export the session's submitted tasks (full JSON) to ``out`` and/or import them into ``import_to``.

    A single project imports into ``import_to/<doc_id>.json``; a team session keeps every
    submission: ``import_to/<annotator id>/<doc_id>.json``. Tasks with problems are left out
    and reported in ``imported`` (see ``files.import_export``).
    """
    if out is None and import_to is None:
        raise LabelStudioError("nothing to do: give --out FILE and/or --import")
    session, projects, exports = fetch(title, url)
    parsed = [(p, raw, _parse(raw, session)) for p, raw in exports]
    report = PullReport(session.url, [p.id for p in projects], sum(len(data) for _, _, data in parsed))
    if out is not None:
        from newscorpus.fileio import json_file_like

        # an earlier export may be replaced; an annotation file, registry or anything else may not
        ours = json_file_like(lambda d: isinstance(d, list) and all(isinstance(t, dict) and "data" in t for t in d))
        if len(parsed) == 1:
            atomic_write_bytes(Path(out), parsed[0][1], ours=ours)
        else:
            atomic_write_text(Path(out), dumps_json([{**task, "project": p.id} for p, _, data in parsed for task in data]), ours=ours)
        report.out = Path(out)
    if import_to is None:
        return report
    if len(parsed) == 1:
        p, _, data = parsed[0]
        name = display(out) if out is not None else f"{session.url} project {p.id} export"
        report.imported = files.import_export(data, out_dir=import_to, force=force, name=name, **import_options)
        return report
    from .team import import_team

    report.imported, report.annotators = import_team([(f"{session.url} project {p.id} ({p.title})", data) for p, _, data in parsed],
                                                     out_dir=Path(import_to), force=force, **import_options)
    return report


def fetch_parsed(title: str = DEFAULT_TITLE, url: str | None = None) -> list[tuple[str, list]]:
    """[(name for messages, parsed full JSON export)] for every project of the session ``title``."""
    session, _, exports = fetch(title, url)
    return [(f"{session.url} project {p.id} ({p.title})", _parse(raw, session)) for p, raw in exports]
