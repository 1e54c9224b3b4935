"""Annotation validation: the JSON Schema plus the checks a schema cannot express.

The schema pass runs a compiled validator (jsonschema-rs, ~150x faster than jsonschema); only
a document it rejects goes through jsonschema, whose errors make the better messages. The
semantic checks are single passes with dictionaries and sets (no pairwise loops).

Findings are data (``Problem(file, pointer, message, check)``), jsonschema-style: every one
points at the exact failing place as an RFC 6901 JSON pointer. Nothing here raises on bad
input; unreadable files become problems too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import le, neg
from pathlib import Path
from typing import Iterator

import jsonschema

from newscorpus.annotate import scheme
from newscorpus.errors import NewscorpusError, Problem
from newscorpus.fileio import LIMITS, read_json, read_text, sha256_text, display
from newscorpus.corpus.manifest import read_manifest, valid_doc_id
from newscorpus.annotate.schema import annotation_schema, entities_schema


def pointer(parts) -> str:
    """RFC 6901 pointer from a path of keys and indices."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = annotation_schema() if kind == "annotation" else entities_schema()
    base = jsonschema.validators.validator_for(schema)
    base.check_schema(schema)
    # JSON Schema counts 1.0 as an integer; an offset must be a real integer (not a float, not a bool)
    strict = base.TYPE_CHECKER.redefine("integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool))
    cls = jsonschema.validators.extend(base, type_checker=strict)
    return cls(schema, format_checker=base.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def _fast_validator(kind: str):
    """The compiled validator for the yes/no pass (same schema as ``_validator``)."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(annotation_schema() if kind == "annotation" else entities_schema())


def _leaf_errors(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    """Descend into if/then wrappers so the message names the real failure."""
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def schema_problems(instance, file: str, kind: str = "annotation") -> list[Problem]:
    """Schema findings for one instance: the compiled validator decides, jsonschema explains."""
    fast = _fast_validator(kind)
    try:
        if fast.is_valid(instance):
            return []
    except (ValueError, TypeError, OverflowError):  # a value the compiled validator cannot take in: let jsonschema judge
        pass
    problems = []
    for error in _validator(kind).iter_errors(instance):
        for leaf in _leaf_errors(error):
            problems.append(Problem(file, pointer(leaf.absolute_path), leaf.message, f"schema:{leaf.validator}"))
    if not problems:  # the engines disagree (e.g. ``\d`` is ASCII-only in jsonschema-rs): keep its findings
        try:
            problems = [Problem(file, pointer(e.instance_path), e.message, "schema") for e in fast.iter_errors(instance)]
        except (ValueError, TypeError, OverflowError):
            problems = []
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
    entities = data.get("entities") if isinstance(data, dict) else None
    for i, entity in enumerate(entities if isinstance(entities, list) else []):
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            continue
        if entity["id"] in registry:
            problems.append(Problem(file, f"/entities/{i}/id", f"duplicate entity id {entity['id']!r}", "unique-entity"))
        registry[entity["id"]] = entity
    return registry, problems


def _first_with_id(doc: dict, sid: str) -> str:
    """Pointer of the first span or quality span with id ``sid`` (only looked up for a finding)."""
    for key in ("spans", "quality"):
        for i, span in enumerate(doc.get(key) or []):
            if isinstance(span, dict) and span.get("id") == sid:
                return f"/{key}/{i}"
    return ""


def _str(value) -> str | None:
    """``value`` when it is a string, else None (type confusions are the schema's to report)."""
    return value if isinstance(value, str) else None


@lru_cache(maxsize=4096)  # dates repeat across a corpus; the answer depends on the string only
def _real_date(value: str) -> bool:
    """A TIME value's calendar date exists (the pattern alone lets 2024-02-31 through)."""
    from newscorpus.corpus.manifest import valid_date

    return "W" in value or valid_date(value)


def semantic_problems(doc: dict, file: str, clean_text: str | None, registry: dict | None) -> list[Problem]:
    """Checks beyond the schema; tolerant of malformed parts (the schema reports those).

    One pass over the spans collects what the cross-span checks need (ids, layers, duplicate
    keys, ACTOR offsets, events); pointers and messages are only formatted for findings.
    Findings come out grouped by check, in document order within each group.
    """
    spans_out: list[Problem] = []
    duplicates: list[Problem] = []
    refs: list[Problem] = []
    crossing: list[Problem] = []
    entities: list[Problem] = []

    doc_id = doc.get("doc_id")
    if clean_text is not None and isinstance(doc.get("text_sha256"), str):
        if doc["text_sha256"] != sha256_text(clean_text):
            spans_out.append(Problem(file, "/text_sha256", f"stale: {doc_id} was annotated on another version of its clean text (re-clean or re-annotate)", "stale"))

    annotator_ids = {_str(a.get("id")) for a in doc.get("annotators", []) if isinstance(a, dict)} if isinstance(doc.get("annotators"), list) else set()
    spans_out += _review_problems(doc, file)
    text_len = len(clean_text) if clean_text is not None else 0
    layer_of: dict[str, str] = {}  # span id -> layer (QUALITY for quality spans), first occurrence
    seen_spans: dict[tuple, int] = {}
    actors: list[tuple[int, int, int]] = []
    events: list[tuple[int, list]] = []
    for key in ("spans", "quality"):
        items = doc.get(key)
        if not isinstance(items, list):
            continue
        is_span = key == "spans"
        for i, span in enumerate(items):
            if type(span) is not dict:
                continue
            get = span.get
            layer = _str(get("layer")) if is_span else "QUALITY"  # a wrongly typed value is the schema's to report
            sid = get("id")
            if type(sid) is str:
                if sid in layer_of:
                    spans_out.append(Problem(file, f"/{key}/{i}/id", f"duplicate span id {sid!r} (first at {_first_with_id(doc, sid)})", "unique-id"))
                else:
                    layer_of[sid] = layer
            who = get("annotators")
            if type(who) is list:
                try:
                    unknown = not annotator_ids.issuperset(who)
                except TypeError:  # an unhashable item
                    unknown = True
                if unknown:
                    for j, name in enumerate(who):
                        if type(name) is str and name not in annotator_ids:  # other types: the schema reports them
                            spans_out.append(Problem(file, f"/{key}/{i}/annotators/{j}", f"annotator {name!r} is not in the document's annotators", "annotator"))
            if is_span:
                label = _str(get("label"))
                if layer == "TIME":
                    value = get("value")
                    if type(value) is str and not _real_date(value):
                        spans_out.append(Problem(file, f"/spans/{i}/value", f"TIME value {value!r} is not a real date", "time-value"))
                if layer == "EVENT":
                    arguments = get("arguments")
                    if type(arguments) is list:
                        events.append((i, arguments))
                elif layer == "ACTOR" and registry is not None:
                    eid = get("entity")
                    if type(eid) is str:
                        entity = registry.get(eid)
                        if entity is None:
                            entities.append(Problem(file, f"/spans/{i}/entity", f"entity {eid!r} is not in the entity registry", "entity"))
                        elif entity.get("type") != label:
                            entities.append(Problem(file, f"/spans/{i}/label", f"label {label} does not match entity {eid!r} of type {entity.get('type')}", "entity-type"))
            start, end = get("start"), get("end")
            if type(start) is not int or type(end) is not int:  # JSON integers only (bool is not one)
                for k, v in (("start", start), ("end", end)):
                    if isinstance(v, (float, bool)):  # JSON Schema (and the compiled pass) count 1.0 as an integer
                        spans_out.append(Problem(file, f"/{key}/{i}/{k}", f"{k} must be an integer code-point offset, not {v!r}", "offsets"))
                continue
            if is_span:
                first = seen_spans.setdefault((layer, label, start, end), i)
                if first != i:
                    duplicates.append(Problem(file, f"/spans/{i}", f"same layer, label and offsets as /spans/{first}", "duplicate-span"))
                if layer == "ACTOR":
                    actors.append((start, end, i))
            if start >= end:
                spans_out.append(Problem(file, f"/{key}/{i}/end", f"end ({end}) must be greater than start ({start})", "offsets"))
                continue
            if clean_text is None:
                continue
            if end > text_len:
                spans_out.append(Problem(file, f"/{key}/{i}/end", f"end ({end}) is beyond the text ({text_len} characters)", "offsets"))
                continue
            covered = clean_text[start:end]
            text = get("text")
            if text != covered and type(text) is str:
                spans_out.append(Problem(file, f"/{key}/{i}/text", f"text {text!r} does not match the clean text at [{start}:{end}] ({covered!r})", "text"))
            if covered.strip() != covered:
                spans_out.append(Problem(file, f"/{key}/{i}/start", f"span [{start}:{end}] {covered!r} starts or ends with whitespace", "whitespace"))

    roles = scheme.ROLES
    for i, arguments in events:
        seen_args = set()
        for j, arg in enumerate(arguments):
            if type(arg) is not dict:
                continue
            ref, role = arg.get("ref"), arg.get("role")
            if type(ref) is not str or type(role) is not str or role not in roles:
                continue
            pair = (role, ref)
            if pair in seen_args:
                refs.append(Problem(file, f"/spans/{i}/arguments/{j}/ref", f"argument {role} -> {ref} is listed twice", "argument"))
            seen_args.add(pair)
            got = layer_of.get(ref)
            if got is None:
                refs.append(Problem(file, f"/spans/{i}/arguments/{j}/ref", f"argument ref {ref!r} points to no span in this document", "ref"))
                continue
            want = roles[role][1]
            if got != want:
                refs.append(Problem(file, f"/spans/{i}/arguments/{j}/ref", f"role {role} must point to a {want} span, but {ref!r} is {got}", "ref-layer"))

    # crossing ACTOR spans: sorted by start, each compared only with the spans that begin inside it
    actors.sort()
    for a, (s1, e1, i1) in enumerate(actors):
        for b in range(a + 1, len(actors)):
            s2, e2, i2 = actors[b]
            if s2 >= e1:
                break
            if s1 < s2 < e1 < e2:
                crossing.append(Problem(file, f"/spans/{i2}", f"ACTOR span [{s2}:{e2}] crosses ACTOR span /spans/{i1} [{s1}:{e1}] (nesting is fine, crossing is not)", "crossing"))
    return spans_out + duplicates + refs + crossing + entities


_ROLE_LAYERS = {(role, layer) for role, (_, layer) in scheme.ROLES.items()}


def _review_problems(doc: dict, file: str) -> list[Problem]:
    """A review record names a person among the document's annotators, and has a time only with a reviewer."""
    by, at = doc.get("reviewed_by"), doc.get("reviewed_at")
    if at is not None and by is None:
        return [Problem(file, "/reviewed_at", "reviewed_at without reviewed_by: say who reviewed", "review")]
    if type(by) is not str:  # absent, or wrongly typed: the schema reports that
        return []
    kinds = {a.get("id"): a.get("kind") for a in doc.get("annotators") or [] if isinstance(a, dict)} \
        if isinstance(doc.get("annotators"), list) else {}
    if by not in kinds:
        return [Problem(file, "/reviewed_by", f"reviewer {by!r} is not in the document's annotators", "review")]
    if kinds[by] != "human":
        return [Problem(file, "/reviewed_by", f"reviewer {by!r} is a {kinds[by]!r} annotator; a review is a person's "
                        "(kind 'human')", "review")]
    return []


def _semantically_clean(doc: dict, clean_text: str, registry: dict | None) -> bool:
    """True only when ``semantic_problems`` would find nothing, for a document the schema passed.

    The same checks as ``semantic_problems`` as whole-list operations (one comprehension per
    field, set sizes for uniqueness, list equality for the covered text) instead of a branchy
    Python loop per span; the schema already guarantees the fields exist with the right types
    (except 1.0 for an integer). Most documents are valid, and for them this is the whole
    semantic pass; anything found sends the document to ``semantic_problems``, which words it.
    """
    if doc["text_sha256"] != sha256_text(clean_text):
        return False
    if ("reviewed_by" in doc or "reviewed_at" in doc) and _review_problems(doc, ""):
        return False
    spans = doc["spans"]
    quality = doc.get("quality") or ()
    layer_of = {s["id"]: s["layer"] for s in spans}
    layers = [s["layer"] for s in spans]
    starts = [s["start"] for s in spans]
    ends = [s["end"] for s in spans]
    texts = [s["text"] for s in spans]
    all_starts, all_ends, all_texts, n_ids = starts, ends, texts, len(spans)
    if quality:
        quality_ids = [s["id"] for s in quality]
        layer_of.update(dict.fromkeys(quality_ids, "QUALITY"))
        all_starts = starts + [s["start"] for s in quality]
        all_ends = ends + [s["end"] for s in quality]
        all_texts = texts + [s["text"] for s in quality]
        n_ids += len(quality_ids)
    if len(layer_of) != n_ids:  # a duplicate span id
        return False
    if not all_starts:
        return True
    if type(sum(all_starts) + sum(all_ends)) is not int:  # a float offset (the schema lets 1.0 pass)
        return False
    if max(all_ends) > len(clean_text):
        return False
    # the schema makes every text non-empty, so covered == texts also means start < end
    covered = [clean_text[s:e] for s, e in zip(all_starts, all_ends)]
    if covered != all_texts or [c.strip() for c in covered] != covered:
        return False
    if len(set(starts)) != len(starts):  # spans share a start: any with the same layer, label and offsets?
        labels = [s["label"] for s in spans]
        if len(set(zip(layers, labels, starts, ends))) != len(spans):
            return False
    named = set(chain.from_iterable([s.get("annotators", ()) for s in spans]))
    if quality:
        named.update(chain.from_iterable([s.get("annotators", ()) for s in quality]))
    if named and not named <= {a["id"] for a in doc["annotators"]}:
        return False
    if not all(map(_real_date, filter(None, [s["value"] for s, lay in zip(spans, layers) if lay == "TIME"]))):
        return False
    arguments = [(s["id"], a["role"], a["ref"]) for s, lay in zip(spans, layers) if lay == "EVENT" for a in s["arguments"]]
    if len(set(arguments)) != len(arguments):  # an argument listed twice
        return False
    if not {(role, layer_of.get(ref)) for _, role, ref in arguments} <= _ROLE_LAYERS:  # dangling ref or wrong layer
        return False
    actors = [s for s, lay in zip(spans, layers) if lay == "ACTOR"]
    if registry is not None and not all([registry[s["entity"]]["type"] == s["label"] for s in actors]):
        return False  # (an unknown entity raises KeyError: the full pass words it)
    # crossing ACTOR spans: none when they come in text order without overlapping (the usual
    # case); else sorted by (start, longest first) against a stack of the spans still open
    actor_starts = [s["start"] for s in actors]
    actor_ends = [s["end"] for s in actors]
    if not all(map(le, actor_ends[:-1], actor_starts[1:])):
        open_ends: list[int] = []
        order = sorted(zip(actor_starts, map(neg, actor_ends)))
        for start, negative_end in order:
            end = -negative_end
            while open_ends and open_ends[-1] <= start:
                open_ends.pop()
            if open_ends and end > open_ends[-1]:
                return False
            open_ends.append(end)
    return True


def validate_document(doc, *, file: str, clean_text: str | None, registry: dict | None) -> list[Problem]:
    """Every problem with one annotation document (empty list: valid)."""
    if isinstance(doc, dict):
        for key in ("spans", "quality"):
            if isinstance(doc.get(key), list) and len(doc[key]) > LIMITS["spans"]:
                return [Problem(file, f"/{key}", f"{len(doc[key]):,} {key} (the limit is {LIMITS['spans']:,} per document)", "limit")]
    problems = schema_problems(doc, file)
    if isinstance(doc, dict):
        if not problems and clean_text is not None:
            try:
                if _semantically_clean(doc, clean_text, registry):
                    return problems
            except (KeyError, TypeError, ValueError, AttributeError):  # something odd: the full pass words it
                pass
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
        manifest: dict | None = {d.doc_id: d for d in read_manifest(manifest_path)}
    except NewscorpusError as exc:
        manifest = None  # unreadable: reported once here, not again per file
        report.problems.append(Problem(exc.file or str(manifest_path), exc.where or "", exc.message, "manifest"))

    seen_docs: set[str] = set()
    for path in progress(files) if progress else files:
        file = display(path)
        report.files.append(file)
        try:
            doc = read_json(path, max_bytes=LIMITS["annotation_bytes"])
        except NewscorpusError as exc:
            report.problems.append(Problem(file, exc.where or "", exc.message, "read"))
            continue
        doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
        clean_text = None
        if isinstance(doc_id, str) and valid_doc_id(doc_id):
            seen_docs.add(doc_id)
            if path.stem != doc_id:
                report.problems.append(Problem(file, "/doc_id", f"doc_id {doc_id!r} does not match the file name {path.name!r}", "doc-id"))
            if manifest is not None and doc_id not in manifest:
                report.problems.append(Problem(file, "/doc_id", f"doc_id {doc_id!r} has no row in {manifest_path.name}", "manifest"))
            clean_path = clean_dir / f"{doc_id}.txt"
            try:
                clean_text = read_text(clean_path)
            except NewscorpusError as exc:
                report.problems.append(Problem(file, "/doc_id", f"no clean text for {doc_id!r}: {exc}", "clean-text"))
        report.problems += validate_document(doc, file=file, clean_text=clean_text, registry=registry)
    if whole_corpus:
        from newscorpus.corpus.check import layout_problems

        report.problems += layout_problems(corpus, list((manifest or {}).values()))
        for doc_id in sorted(set(manifest or {}) - seen_docs):
            report.problems.append(Problem(display(manifest_path), "", f"document {doc_id!r} has no annotation file", "manifest"))
    return report

