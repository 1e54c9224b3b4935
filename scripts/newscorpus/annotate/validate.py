"""Annotation validation: the JSON Schema plus the checks a schema cannot express.

Findings are data (``Problem(file, pointer, message, check)``), jsonschema-style: every one
points at the exact failing place as an RFC 6901 JSON pointer. Nothing here raises on bad
input; unreadable files become problems too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jsonschema

from newscorpus.annotate import scheme
from newscorpus.errors import NewscorpusError, Problem
from newscorpus.fileio import read_json, read_text, sha256_text, display
from newscorpus.corpus.manifest import read_manifest, valid_doc_id
from newscorpus.annotate.schema import annotation_schema, entities_schema


def pointer(parts) -> str:
    """RFC 6901 pointer from a path of keys and indices."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = annotation_schema() if kind == "annotation" else entities_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _leaf_errors(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    """Descend into if/then wrappers so the message names the real failure."""
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def schema_problems(instance, file: str, kind: str = "annotation") -> list[Problem]:
    problems = []
    for error in _validator(kind).iter_errors(instance):
        for leaf in _leaf_errors(error):
            problems.append(Problem(file, pointer(leaf.absolute_path), leaf.message, f"schema:{leaf.validator}"))
    return sorted(set(problems), key=lambda p: (p.pointer, p.message))


def load_registry(path: Path) -> tuple[dict[str, dict], list[Problem]]:
    """The entity registry as {id: entity}, plus any problems with the file itself."""
    file = display(path)
    try:
        data = read_json(path)
    except NewscorpusError as exc:
        return {}, [Problem(file, exc.where or "", exc.message, "read")]
    problems = schema_problems(data, file, "entities")
    registry: dict[str, dict] = {}
    for i, entity in enumerate(data.get("entities", []) if isinstance(data, dict) else []):
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            continue
        if entity["id"] in registry:
            problems.append(Problem(file, f"/entities/{i}/id", f"duplicate entity id {entity['id']!r}", "unique-entity"))
        registry[entity["id"]] = entity
    return registry, problems


def _spans(doc: dict, key: str) -> list[tuple[int, dict]]:
    items = doc.get(key)
    return [(i, s) for i, s in enumerate(items) if isinstance(s, dict)] if isinstance(items, list) else []


def _offsets_ok(span: dict) -> bool:
    return all(isinstance(span.get(k), int) and not isinstance(span.get(k), bool) for k in ("start", "end"))


def semantic_problems(doc: dict, file: str, clean_text: str | None, registry: dict | None) -> list[Problem]:
    """Checks beyond the schema; tolerant of malformed parts (the schema reports those)."""
    out: list[Problem] = []

    def add(ptr: str, message: str, check: str) -> None:
        out.append(Problem(file, ptr, message, check))

    doc_id = doc.get("doc_id")
    if clean_text is not None and isinstance(doc.get("text_sha256"), str):
        if doc["text_sha256"] != sha256_text(clean_text):
            add("/text_sha256", f"stale: {doc_id} was annotated on another version of its clean text (re-clean or re-annotate)", "stale")

    annotator_ids = {a.get("id") for a in doc.get("annotators", []) if isinstance(a, dict)} if isinstance(doc.get("annotators"), list) else set()
    spans = _spans(doc, "spans")
    quality = _spans(doc, "quality")
    ids: dict[str, str] = {}
    layer_of: dict[str, str] = {}
    for key, items in (("spans", spans), ("quality", quality)):
        for i, span in items:
            base = f"/{key}/{i}"
            sid = span.get("id")
            if isinstance(sid, str):
                if sid in ids:
                    add(f"{base}/id", f"duplicate span id {sid!r} (first at {ids[sid]})", "unique-id")
                else:
                    ids[sid] = base
                    layer_of[sid] = span.get("layer", "QUALITY") if key == "spans" else "QUALITY"
            for j, who in enumerate(span.get("annotators", []) if isinstance(span.get("annotators"), list) else []):
                if who not in annotator_ids:
                    add(f"{base}/annotators/{j}", f"annotator {who!r} is not in the document's annotators", "annotator")
            if not _offsets_ok(span):
                continue
            start, end = span["start"], span["end"]
            if start >= end:
                add(f"{base}/end", f"end ({end}) must be greater than start ({start})", "offsets")
                continue
            if clean_text is None:
                continue
            if end > len(clean_text):
                add(f"{base}/end", f"end ({end}) is beyond the text ({len(clean_text)} characters)", "offsets")
                continue
            covered = clean_text[start:end]
            if isinstance(span.get("text"), str) and span["text"] != covered:
                add(f"{base}/text", f"text {span['text']!r} does not match the clean text at [{start}:{end}] ({covered!r})", "text")
            if covered != covered.strip():
                add(f"{base}/start", f"span [{start}:{end}] {covered!r} starts or ends with whitespace", "whitespace")

    seen_spans: dict[tuple, str] = {}
    for i, span in spans:
        if _offsets_ok(span):
            key = (span.get("layer"), span.get("label"), span["start"], span["end"])
            if key in seen_spans:
                add(f"/spans/{i}", f"same layer, label and offsets as {seen_spans[key]}", "duplicate-span")
            seen_spans.setdefault(key, f"/spans/{i}")

    for i, span in spans:
        if span.get("layer") != "EVENT" or not isinstance(span.get("arguments"), list):
            continue
        seen_args = set()
        for j, arg in enumerate(span["arguments"]):
            if not isinstance(arg, dict) or not isinstance(arg.get("ref"), str) or arg.get("role") not in scheme.ROLES:
                continue
            ptr = f"/spans/{i}/arguments/{j}/ref"
            ref, role = arg["ref"], arg["role"]
            if (role, ref) in seen_args:
                add(ptr, f"argument {role} -> {ref} is listed twice", "argument")
            seen_args.add((role, ref))
            if ref not in layer_of:
                add(ptr, f"argument ref {ref!r} points to no span in this document", "ref")
                continue
            want = scheme.ROLES[role][1]
            if layer_of[ref] != want:
                add(ptr, f"role {role} must point to a {want} span, but {ref!r} is {layer_of[ref]}", "ref-layer")

    actors = sorted(((s["start"], s["end"], i) for i, s in spans if s.get("layer") == "ACTOR" and _offsets_ok(s)))
    for a, (s1, e1, i1) in enumerate(actors):
        for s2, e2, i2 in actors[a + 1 :]:
            if s2 >= e1:
                break
            if s1 < s2 < e1 < e2:
                add(f"/spans/{i2}", f"ACTOR span [{s2}:{e2}] crosses ACTOR span /spans/{i1} [{s1}:{e1}] (nesting is fine, crossing is not)", "crossing")

    if registry is not None:
        for i, span in spans:
            if span.get("layer") != "ACTOR" or not isinstance(span.get("entity"), str):
                continue
            entity = registry.get(span["entity"])
            if entity is None:
                add(f"/spans/{i}/entity", f"entity {span['entity']!r} is not in the entity registry", "entity")
            elif entity.get("type") != span.get("label"):
                add(f"/spans/{i}/label", f"label {span.get('label')} does not match entity {span['entity']!r} of type {entity.get('type')}", "entity-type")
    return out


def validate_document(doc, *, file: str, clean_text: str | None, registry: dict | None) -> list[Problem]:
    """Every problem with one annotation document (empty list: valid)."""
    problems = schema_problems(doc, file)
    if isinstance(doc, dict):
        problems += semantic_problems(doc, file, clean_text, registry)
    return problems


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"valid": self.valid, "files": self.files, "problems": [p.as_dict() for p in self.problems]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def annotation_files(folder: Path) -> list[Path]:
    """Annotation documents in a folder: every *.json but the registry and *.entities.json lists."""
    return sorted(p for p in Path(folder).glob("*.json") if p.name != "entities.json" and not p.name.endswith(".entities.json"))


def validate_paths(
    corpus,
    targets: list[Path] | None = None,
    *,
    clean_dir: Path | None = None,
    registry_path: Path | None = None,
    manifest_path: Path | None = None,
    progress=None,
) -> Report:
    """Validate annotation files of ``corpus`` (default: all of them), the registry and the manifest links."""
    clean_dir = Path(clean_dir or corpus.clean_dir)
    registry_path = Path(registry_path or corpus.entities_path)
    manifest_path = Path(manifest_path or corpus.manifest_path)
    whole_corpus = not targets
    files: list[Path] = []
    report = Report()
    for target in targets or [corpus.annotations_dir]:
        target = Path(target)
        if target.is_dir():
            files.extend(annotation_files(target))
        elif target.is_file():
            files.append(target)
        else:
            report.problems.append(Problem(display(target), "", "no such file or folder", "read"))

    registry, registry_problems = load_registry(registry_path)
    report.problems += registry_problems
    try:
        manifest = {d.doc_id: d for d in read_manifest(manifest_path)}
    except NewscorpusError as exc:
        manifest = {}
        report.problems.append(Problem(exc.file or str(manifest_path), exc.where or "", exc.message, "manifest"))

    seen_docs: set[str] = set()
    for path in progress(files) if progress else files:
        file = display(path)
        report.files.append(file)
        try:
            doc = read_json(path)
        except NewscorpusError as exc:
            report.problems.append(Problem(file, exc.where or "", exc.message, "read"))
            continue
        doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
        clean_text = None
        if isinstance(doc_id, str) and valid_doc_id(doc_id):
            seen_docs.add(doc_id)
            if path.stem != doc_id:
                report.problems.append(Problem(file, "/doc_id", f"doc_id {doc_id!r} does not match the file name {path.name!r}", "doc-id"))
            if manifest and doc_id not in manifest:
                report.problems.append(Problem(file, "/doc_id", f"doc_id {doc_id!r} has no row in {manifest_path.name}", "manifest"))
            clean_path = clean_dir / f"{doc_id}.txt"
            try:
                clean_text = read_text(clean_path)
            except NewscorpusError as exc:
                report.problems.append(Problem(file, "/doc_id", f"no clean text for {doc_id!r}: {exc}", "clean-text"))
        report.problems += validate_document(doc, file=file, clean_text=clean_text, registry=registry)
    if whole_corpus:
        from newscorpus.corpus.check import layout_problems

        report.problems += layout_problems(corpus, list(manifest.values()))
        for doc_id in sorted(set(manifest) - seen_docs):
            report.problems.append(Problem(display(manifest_path), "", f"document {doc_id!r} has no annotation file", "manifest"))
    return report

