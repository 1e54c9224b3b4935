"""Label Studio tasks and exports as files: build tasks from annotation files, import exports back.

Imports go task by task: a task with a problem is reported (task id, region, what is wrong) and
left out, every other task's file is written atomically. An existing annotation file that would
change is only replaced with ``force=True``; without it the task is left out and the report says
what would change, span by span (and whether a person reviewed the file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from newscorpus.corpus.project import Corpus
from newscorpus.errors import InputError, NewscorpusError, Problem, ValidationFailed
from newscorpus.fileio import atomic_write_text, display, dumps_json, read_json, read_text, write_all
from newscorpus.corpus.manifest import valid_doc_id
from . import convert, review
from .config import config_xml


def _is_config(path: Path) -> bool:
    """An existing file ``config --out`` wrote: a Label Studio ``<View>`` config."""
    with open(path, "rb") as handle:
        return handle.read(64).lstrip().startswith(b"<View")


def _is_tasks(data) -> bool:
    """An existing file ``export --out`` wrote: a list of tasks with newscorpus data."""
    return isinstance(data, list) and all(isinstance(t, dict) and isinstance(t.get("data"), dict) and "doc_id" in t["data"] for t in data)


def write_config(out: Path | None = None, *, force: bool = False) -> str:
    """The generated labelling config; written atomically to ``out`` when given (an existing file
    only when it is an earlier config, or ``force``)."""
    xml = config_xml()
    if out is not None:
        atomic_write_text(Path(out), xml, force=force, ours=_is_config)
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
    """The registry to check entity ids against: a path given must exist and be valid; without
    one, the corpus's registry when it has one (else no entity check)."""
    from newscorpus.annotate.validate import load_registry

    if registry_path is None:
        path = Corpus.find().entities_path
        if not path.exists():
            return None
    else:
        path = Path(registry_path)
    registry, problems = load_registry(path)
    if problems:
        raise ValidationFailed(problems)
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
    return convert.docs_to_tasks(triples, model_version=model_version)


@dataclass
class ExportReport:
    out: Path
    tasks: int
    with_predictions: int
    regions: int


def export_tasks(docs: Iterable[str] = (), *, out: Path, force: bool = False, **options: Any) -> ExportReport:
    """Write ``build_tasks(docs, **options)`` to ``out`` (a Label Studio JSON import file); an
    existing ``out`` is only replaced when it is an earlier tasks file, or with ``force``."""
    from newscorpus.fileio import check_replace, json_file_like

    ours = json_file_like(_is_tasks)
    check_replace(Path(out), force=force, ours=ours)  # before the work, and again at the write
    tasks = build_tasks(docs, **options)
    atomic_write_text(Path(out), dumps_json(tasks), force=force, ours=ours)
    predicted = [t for t in tasks if t.get("predictions")]
    regions = sum(len({r["id"] for r in t["predictions"][0]["result"] if "id" in r}) for t in predicted)
    return ExportReport(Path(out), len(tasks), len(predicted), regions)




@dataclass
class ImportReport:
    out_dir: Path
    written: list[tuple[str, list[str]]] = field(default_factory=list)  # (file, diff summary)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # tasks without a submitted annotation
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # why tasks were left out
    left_out: list[str] = field(default_factory=list)  # "task 5 (doc id)"
    refused: list[str] = field(default_factory=list)  # existing files that would change (no --force)

    @property
    def complete(self) -> bool:
        """True when every annotated task was imported (or was already there unchanged)."""
        return not self.problems and not self.refused

    def failure(self) -> str:
        """One line for the exit status: how many tasks were left out and why."""
        parts = []
        if self.left_out:
            parts.append(f"{len(self.left_out)} task(s) left out because of the problems above ({', '.join(self.left_out)})")
        if self.refused:
            parts.append(f"{len(self.refused)} existing annotation file(s) not replaced (use --force to overwrite)")
        return "; ".join(parts)

    def merge(self, other: "ImportReport") -> None:
        for name in ("written", "unchanged", "skipped", "notes", "problems", "left_out", "refused"):
            getattr(self, name).extend(getattr(other, name))


def clean_text_reader(clean_dir: Path | None = None):
    """``clean_text_for(doc_id)`` reading (and caching) corpus/clean/<doc_id>.txt."""
    clean_dir = Path(clean_dir or Corpus.find().clean_dir)
    cache: dict[str, str] = {}

    def clean_text_for(doc_id: str) -> str:
        if doc_id not in cache:
            cache[doc_id] = read_text(clean_dir / f"{doc_id}.txt")
        return cache[doc_id]

    return clean_text_for


def load_export(export: Path | str | list, name: str | None = None) -> tuple[Any, str]:
    """(parsed export, its name for error messages) from a path or already parsed data."""
    if isinstance(export, (str, Path)):
        return read_json(Path(export)), display(export)
    return export, name or "<export>"


def convert_export(export: Path | str | list, *, name: str | None = None, clean_dir: Path | None = None,
                   registry_path: Path | None = None, every: bool = False) -> convert.Conversion:
    """``convert.export_to_docs`` with the corpus's clean texts, validator and entity registry."""
    from newscorpus.annotate.validate import validate_document

    data, name = load_export(export, name)
    return convert.export_to_docs(data, file=name, clean_text_for=clean_text_reader(clean_dir), validate=validate_document,
                                  registry=_registry(registry_path), every=every)


def write_documents(items: Iterable[convert.Converted], out_dir: Path, *, force: bool = False, name: str = "<export>",
                    folder_for=None) -> ImportReport:
    """Write converted documents to ``out_dir`` (or ``folder_for(item)``) as one atomic set.

    A file that exists and would change is only replaced with ``force``; otherwise that task is
    refused (reported with its change summary) and the others are still written.
    """
    report = ImportReport(Path(out_dir))
    writes: list[tuple[Path, str]] = []
    for item in items:
        folder = Path(folder_for(item) if folder_for else out_dir)
        target = folder / f"{item.doc_id}.json"
        if not valid_doc_id(item.doc_id) or target.resolve().parent != folder.resolve():
            raise InputError(f"doc_id {item.doc_id!r} would be written outside {display(folder)}", name, f"{item.pointer}/data/doc_id")
        report.notes += [f"{item.doc_id}: {n}" for n in item.notes]
        old = None
        if target.exists():
            try:
                old = read_json(target)
            except NewscorpusError as exc:
                old = {"unreadable": str(exc)}
        changes = convert.diff_docs(old, item.doc)
        if not changes:
            report.unchanged.append(display(target))
            continue
        if old is not None and not force:
            who = f"reviewed by {old.get(review.REVIEWED_BY)}" if isinstance(old, dict) and old.get(review.REVIEWED_BY) else (
                "human-annotated" if review.human_reviewed(old) else "existing")
            report.refused.append(f"{display(target)} ({who}; from task {item.task_id}) would change:\n    " + "\n    ".join(changes))
            continue
        writes.append((target, dumps_json(item.doc, display(target))))
        report.written.append((display(target), changes))
    # the tasks that passed are written as one set: a full disk leaves every file as it was
    write_all(writes, force=True)  # replacing was decided above (new, or --force)
    return report


def import_export(
    export: Path | str | list,
    *,
    out_dir: Path | None = None,
    clean_dir: Path | None = None,
    registry_path: Path | None = None,
    force: bool = False,
    name: str | None = None,
) -> ImportReport:
    """Convert a Label Studio full JSON export into annotation files in ``out_dir``, task by task.

    ``export`` is a path or the already parsed export (then ``name`` names it in errors). Tasks
    with problems are left out (``report.problems``, pointers into the export) and existing files
    that would change are left alone without ``force`` (``report.refused``); everything else is
    written. ``report.complete`` says whether nothing was left out.
    """
    from .adjudicate import resolve_conversion

    data, name = load_export(export, name)
    conversion = convert_export(data, name=name, clean_dir=clean_dir, registry_path=registry_path)
    resolve_conversion(conversion, name)
    report = write_documents(conversion.converted, Path(out_dir or Corpus.find().annotations_dir), force=force, name=name)
    report.skipped, report.problems, report.left_out = conversion.skipped, conversion.problems, conversion.left_out
    return report
