"""Case tables of the hostile-input campaign (tests/test_hostile.py).

A case is a command line, the hostile files it reads (written before the run, under the case's
own folder or, for ``corpus:`` keys, into the corpus copy and restored after), the exit status
and a regular expression the message must match. Every case also asserts that no file of the
corpus copy (nor the hostile inputs) changed and that no traceback was printed.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from _repo import ROOT

DOC = "001_f223456a580e97a0"
DOC_FILE = f"{DOC}.json"
FULL_DOC = json.loads((ROOT / "annotations" / DOC_FILE).read_text(encoding="utf-8"))


def _reduced(doc: dict) -> dict:
    """A small valid copy of ``doc`` (schema validation dominates the run time): its first two
    events with their arguments, and the first span of every other layer."""
    spans = doc["spans"]
    keep: list[str] = []
    for span in [s for s in spans if s["layer"] == "EVENT"][:2]:
        keep += [span["id"], *(a["ref"] for a in span["arguments"])]
    for layer in ("ACTOR", "FIGURE", "LOCATION", "TIME"):
        keep += [s["id"] for s in spans if s["layer"] == layer][:1]
    out = copy.deepcopy(doc)
    out["spans"] = [s for s in out["spans"] if s["id"] in set(keep)]
    out["quality"] = []
    return out


BASE_DOC = _reduced(FULL_DOC)
BASE_REGISTRY = json.loads((ROOT / "annotations" / "entities.json").read_text(encoding="utf-8"))
MANIFEST = (ROOT / "corpus" / "manifest.csv").read_text(encoding="utf-8")


@dataclass
class Case:
    id: str
    argv: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # "in/<rel>" (case folder) or "corpus/<rel>"
    code: int = 1
    expect: str = r"^Error: |problem"
    needs: tuple[str, ...] = ()  # fixtures: "export" (a Label Studio export), "standoff" (a standoff release)


def _dump(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _set(doc, ptr: str, value):
    """A copy of ``doc`` with the value at JSON pointer ``ptr`` replaced (or a key added)."""
    doc = copy.deepcopy(doc)
    parts = [p for p in ptr.split("/")[1:]]
    node = doc
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return doc


def _first(layer: str) -> int:
    return next(i for i, s in enumerate(BASE_DOC["spans"]) if s["layer"] == layer)


EVENT, ACTOR, FIGURE, TIME = _first("EVENT"), _first("ACTOR"), _first("FIGURE"), _first("TIME")

# (name, pointer, value, pointer the message must name)
MUTATIONS = [
    *[(f"start-{n}", f"/spans/{EVENT}/start", v, f"/spans/{EVENT}/start") for n, v in
      [("float", 20.0), ("true", True), ("string", "20"), ("null", None), ("negative", -1), ("list", [20]), ("object", {"a": 1})]],
    *[(f"end-{n}", f"/spans/{EVENT}/end", v, f"/spans/{EVENT}/end") for n, v in
      [("float", 99999.0), ("false", False), ("beyond", 99999), ("zero", 0), ("string", "25"), ("list", [25])]],
    *[(f"layer-{n}", f"/spans/{EVENT}/layer", v, f"/spans/{EVENT}") for n, v in
      [("list", ["EVENT"]), ("object", {"EVENT": 1}), ("int", 5), ("null", None), ("lower", "event"), ("empty", "")]],
    *[(f"label-{n}", f"/spans/{EVENT}/label", v, f"/spans/{EVENT}") for n, v in
      [("list", ["MEETING"]), ("int", 7), ("unknown", "NOPE"), ("other-layer", "ARMED_GROUP")]],
    *[(f"text-{n}", f"/spans/{EVENT}/text", v, f"/spans/{EVENT}/text") for n, v in
      [("int", 5), ("list", ["hosts"]), ("empty", ""), ("wrong", "hostz")]],
    *[(f"id-{n}", f"/spans/{EVENT}/id", v, f"/spans/{EVENT}") for n, v in [("int", 5), ("list", ["E1"]), ("bad", "Z!")]],
    ("id-duplicate", f"/spans/{ACTOR}/id", BASE_DOC["spans"][EVENT]["id"], f"/spans/{max(ACTOR, EVENT)}/id"),
    *[(f"origin-{n}", f"/spans/{EVENT}/origin", v, f"/spans/{EVENT}") for n, v in [("list", ["human"]), ("unknown", "robot")]],
    *[(f"arguments-{n}", f"/spans/{EVENT}/arguments", v, f"/spans/{EVENT}/arguments") for n, v in
      [("int", 5), ("string", "x"), ("ints", [5]), ("role-list", [{"role": ["AGENT"], "ref": "A1"}]),
       ("ref-list", [{"role": "AGENT", "ref": ["A1"]}]), ("dangling", [{"role": "AGENT", "ref": "A99"}]),
       ("wrong-layer", [{"role": "AGENT", "ref": BASE_DOC["spans"][FIGURE]["id"]}]), ("role-unknown", [{"role": "BOSS", "ref": "A1"}])]],
    *[(f"span-annotators-{n}", f"/spans/{EVENT}/annotators", v, f"/spans/{EVENT}/annotators") for n, v in
      [("nested", [["pass_a"]]), ("int", 5), ("unknown", ["nobody"])]],
    *[(f"annotators-{n}", "/annotators", v, "/annotators") for n, v in
      [("int", 5), ("ints", [5]), ("id-list", [{"id": ["x"], "kind": "human"}]), ("empty", [])]],
    *[(f"spans-{n}", "/spans", v, "/spans") for n, v in [("int", 5), ("string", "x"), ("object", {"a": 1}), ("null", None), ("ints", [1, 2])]],
    *[(f"quality-{n}", "/quality", v, "/quality") for n, v in [("int", 5), ("ints", [5]), ("float-offsets", [{"id": "Q1", "label": "MT_GARBLED", "start": 0.0, "end": 5.0, "text": "x", "origin": "human"}])]],
    *[(f"doc-id-{n}", "/doc_id", v, "/doc_id") for n, v in [("int", 5), ("list", [DOC]), ("traversal", "../../etc/passwd"), ("other", "000_3bb1601c3ebb1da9")]],
    *[(f"sha-{n}", "/text_sha256", v, "/text_sha256") for n, v in [("int", 5), ("short", "abc"), ("stale", "0" * 64)]],
    *[(f"version-{n}", "/schema_version", v, "/schema_version") for n, v in [("int", 5), ("list", ["1.0.0"])]],
    ("extra-key", "/zzz", 1, ""),
    *[(f"time-{n}", f"/spans/{TIME}/value", v, f"/spans/{TIME}/value") for n, v in
      [("feb31", "2024-02-31"), ("month13", "2024-13"), ("int", 2024), ("list", ["2024"]), ("feb29-2023", "2023-02-29"), ("apr31", "2024-04-31")]],
    *[(f"figure-{n}", f"/spans/{FIGURE}/value", v, f"/spans/{FIGURE}") for n, v in [("string-nan", "NaN"), ("negative", -1), ("true", True), ("list", [1])]],
    *[(f"entity-{n}", f"/spans/{ACTOR}/entity", v, f"/spans/{ACTOR}") for n, v in [("int", 5), ("list", ["hezbollah"]), ("unknown", "no_such_entity")]],
    ("mention-list", f"/spans/{ACTOR}/mention", ["NAME"], f"/spans/{ACTOR}"),
]

_base_text = _dump(BASE_DOC).decode("utf-8")
_first_start = f'"start": {BASE_DOC["spans"][0]["start"]},'
_first_text = f'"text": {json.dumps(BASE_DOC["spans"][0]["text"], ensure_ascii=False)}'

# raw JSON hostility: (name, bytes, message regex)
RAW = [
    ("dup-key", _base_text.replace(_first_start, _first_start + ' "start": 0,', 1).encode(), r"duplicate key 'start'"),
    ("dup-top-key", _base_text.replace('"doc_id"', '"doc_id": "x", "doc_id"', 1).encode(), r"duplicate key 'doc_id'"),
    ("nan", _base_text.replace(_first_start, '"start": NaN,', 1).encode(), r"NaN is not a JSON number"),
    ("infinity", _base_text.replace(_first_start, '"start": Infinity,', 1).encode(), r"Infinity is not a JSON number"),
    ("minus-infinity", _base_text.replace(_first_start, '"start": -Infinity,', 1).encode(), r"Infinity is not a JSON number"),
    ("overflow-float", _base_text.replace(_first_start, '"start": 1e400,', 1).encode(), r"out of range"),
    ("lone-surrogate", _base_text.replace(_first_text, '"text": "\\ud800"', 1).encode(), r"lone surrogate"),
    ("surrogate-key", _base_text.replace('"doc_id"', '"\\udc00": 1, "doc_id"', 1).encode(), r"lone surrogate"),
    ("bom", b"\xef\xbb\xbf" + _base_text.encode(), r"byte-order mark"),
    ("empty", b"", r"empty"),
    ("whitespace", b"  \n\t", r"invalid JSON"),
    ("truncated", _base_text.encode()[: len(_base_text) // 2], r"invalid JSON"),
    ("deep-array", b"[" * 100_000 + b"]" * 100_000, r"nested deeper than 64"),
    ("deep-object", b'{"a":' * 200 + b"1" + b"}" * 200, r"nested deeper than 64"),
    ("bigint", b'{"x": ' + b"9" * 5000 + b"}", r"integer with 5000 digits"),
    ("bigint-negative", b'{"x": -' + b"9" * 30 + b"}", r"integer with 30 digits"),
    ("non-utf8", b'{"a": "\xff"}', r"not valid UTF-8 \(byte 0xff\)"),
    ("utf16-bom", "\ufeff{}".encode("utf-16"), r"not valid UTF-8"),
    ("utf16-nobom", _base_text.encode("utf-16-le"), r"invalid JSON|not valid UTF-8"),
    ("trailing-garbage", (_base_text + "x").encode(), r"invalid JSON: Extra data"),
    ("comment", ("// note\n" + _base_text).encode(), r"invalid JSON"),
    ("single-quotes", b"{'doc_id': 'x'}", r"invalid JSON"),
    ("top-number", b"5", r"."),
    ("top-string", b'"x"', r"."),
    ("top-null", b"null", r"."),
    ("top-list", b"[]", r"."),
]

# which message each raw case produces where the command sees a valid JSON value of the wrong shape
_SHAPE = {"top-number", "top-string", "top-null", "top-list"}


def raw_cases() -> list[Case]:
    """Every raw hostility against every command that reads that kind of JSON file."""
    out = []
    for name, data, expect in RAW:
        shape = name in _SHAPE
        generic = r"Error: |problem" if shape else expect
        out += [
            Case(f"validate-file-{name}", ["validate", f"in/{DOC_FILE}"], {f"in/{DOC_FILE}": data}, 1, expect if not shape else r"problem"),
            Case(f"validate-registry-{name}", ["validate", f"in/{DOC_FILE}", "--registry", "in/entities.json"],
                 {"in/entities.json": data, f"in/{DOC_FILE}": _dump(BASE_DOC)}, 1, expect if not shape else r"entities.json"),
            # an empty export imports nothing and says so (pulling an empty project is normal)
            Case(f"import-{name}", ["labelstudio", "import", "in/export.json", "--out", "in/out"], {"in/export.json": data},
                 *((0, r"^0 written, 0 unchanged") if name == "top-list" else (1, generic))),
            Case(f"agreement-{name}", ["agreement", "in/a", "annotations/passes/b"], {f"in/a/{DOC_FILE}": data}, 1, generic),
            Case(f"evaluate-{name}", ["evaluate", "in/pred"], {f"in/pred/{DOC_FILE}": data}, 1, generic),
            Case(f"export-from-{name}", ["labelstudio", "export", DOC, "--from", "in/pre", "--out", "in/tasks.json"], {f"in/pre/{DOC_FILE}": data}, 1, generic),
            Case(f"preannotate-registry-{name}", ["preannotate", f"corpus/clean/{DOC}.txt", "--registry", "in/entities.json", "--out", "in/pred"],
                 {"in/entities.json": data}, 1, generic),
            Case(f"import-entities-{name}", ["labelstudio", "import", "in/export.json", "--out", "in/out", "--entities", "in/entities.json"],
                 {"in/entities.json": data}, 1, generic, needs=("export",)),
        ]
    return out


def mutation_cases() -> list[Case]:
    out = []
    for name, ptr, value, where in MUTATIONS:
        doc = _set(BASE_DOC, ptr, value)
        expect = re.escape(f"{DOC_FILE}: {where}") if where else re.escape(DOC_FILE)
        out.append(Case(f"validate-{name}", ["validate", f"in/{DOC_FILE}"], {f"in/{DOC_FILE}": _dump(doc)}, 1, expect))
        # the same document offered to Label Studio export must be refused just the same
        # (export does not check entity links: the registry is the import's concern)
        if name == "entity-unknown":
            continue
        out.append(Case(f"export-{name}", ["labelstudio", "export", DOC, "--from", "in", "--out", "in/tasks.json"],
                        {f"in/{DOC_FILE}": _dump(doc)}, 1, r"^Error: "))
    return out


REGISTRY_MUTATIONS = [
    ("entities-int", {"schema_version": "1.0.0", "entities": 5}, r"entities.json: /entities"),
    ("entities-string", {"schema_version": "1.0.0", "entities": "x"}, r"entities.json: /entities"),
    ("entities-object", {"schema_version": "1.0.0", "entities": {"a": 1}}, r"entities.json: /entities"),
    ("entity-int", {"schema_version": "1.0.0", "entities": [5]}, r"entities.json: /entities/0"),
    ("entity-id-list", _set(BASE_REGISTRY, "/entities/0/id", ["x"]), r"entities.json: /entities/0/id"),
    ("entity-type-list", _set(BASE_REGISTRY, "/entities/0/type", ["STATE"]), r"entities.json: /entities/0/type"),
    ("entity-dup-id", _set(BASE_REGISTRY, "/entities/1/id", BASE_REGISTRY["entities"][0]["id"]), r"duplicate entity id"),
    ("registry-list", [1, 2], r"entities.json"),
]


def registry_cases() -> list[Case]:
    out = []
    for name, data, expect in REGISTRY_MUTATIONS:
        out.append(Case(f"validate-registry-{name}", ["validate", f"in/{DOC_FILE}", "--registry", "in/entities.json"],
                        {"in/entities.json": _dump(data), f"in/{DOC_FILE}": _dump(BASE_DOC)}, 1, expect))
        out.append(Case(f"import-registry-{name}", ["labelstudio", "import", "in/export.json", "--out", "in/out", "--entities", "in/entities.json"],
                        {"in/entities.json": _dump(data)}, 1, r"^Error: ", needs=("export",)))
        out.append(Case(f"preannotate-registry-{name}", ["preannotate", f"corpus/clean/{DOC}.txt", "--registry", "in/entities.json", "--out", "in/pred"],
                        {"in/entities.json": _dump(data)}, 1, r"^Error: "))
    out += [
        Case("validate-registry-missing", ["validate", f"in/{DOC_FILE}", "--registry", "in/nope.json"], {f"in/{DOC_FILE}": _dump(BASE_DOC)}, 1,
             r"nope.json: no such file"),
        Case("import-entities-missing", ["labelstudio", "import", "in/export.json", "--out", "in/out", "--entities", "in/nope.json"], {}, 1,
             r"nope.json: no such file", needs=("export",)),
        Case("preannotate-registry-missing", ["preannotate", f"corpus/clean/{DOC}.txt", "--registry", "in/nope.json", "--out", "in/pred"], {}, 1,
             r"nope.json: no such file"),
        Case("validate-clean-dir-missing", ["validate", f"in/{DOC_FILE}", "--clean-dir", "in/noclean"], {f"in/{DOC_FILE}": _dump(BASE_DOC)}, 1,
             r"no clean text"),
        Case("validate-target-missing", ["validate", "in/nothing.json"], {}, 1, r"nothing.json: no such file"),
    ]
    return out


def _manifest(transform) -> bytes:
    lines = MANIFEST.splitlines(keepends=True)
    return transform(lines).encode("utf-8") if not isinstance(transform, bytes) else transform


def _field(line: str, column: str, value: str) -> str:
    import csv
    import io

    from newscorpus.corpus.manifest import COLUMNS

    row = next(csv.reader(io.StringIO(line)))
    row[COLUMNS.index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


MANIFESTS = [
    ("date-feb31", lambda ls: ls[0] + _field(ls[1], "published", "2024-02-31") + "".join(ls[2:]), r"line 2: published '2024-02-31' is not a date"),
    ("date-month13", lambda ls: ls[0] + _field(ls[1], "published", "2024-13") + "".join(ls[2:]), r"line 2: published"),
    ("date-feb29-2023", lambda ls: ls[0] + _field(ls[1], "published", "2023-02-29") + "".join(ls[2:]), r"line 2: published"),
    ("date-words", lambda ls: ls[0] + _field(ls[1], "published", "yesterday") + "".join(ls[2:]), r"line 2: published"),
    ("split-unknown", lambda ls: ls[0] + _field(ls[1], "split", "dev") + "".join(ls[2:]), r"line 2: split 'dev'"),
    ("basis-unknown", lambda ls: ls[0] + _field(ls[1], "published_basis", "GUESSED") + "".join(ls[2:]), r"line 2: published_basis"),
    ("duplicate-id", lambda ls: "".join(ls) + ls[1], r"duplicate doc_id"),
    ("bad-header", lambda ls: "id,file\n" + "".join(ls[1:]), r"line 1: header"),
    ("short-row", lambda ls: ls[0] + "a,b\n" + "".join(ls[2:]), r"line 2: expected"),
    ("nul-byte", lambda ls: ls[0] + ls[1].replace(",", ",\x00", 1) + "".join(ls[2:]), r"NUL byte"),
    ("sha-bad", lambda ls: ls[0] + _field(ls[1], "raw_sha256", "XYZ") + "".join(ls[2:]), r"line 2: raw_sha256"),
    ("traversal-id", lambda ls: ls[0] + _field(_field(ls[1], "doc_id", "../x"), "raw_file", "../x.txt") + "".join(ls[2:]), r"line 2: doc_id"),
    ("header-only", lambda ls: ls[0], r"has no row in manifest.csv|no documents|split"),
    ("empty", lambda ls: "", r"empty"),
    ("non-utf8", lambda ls: ls[0] + "\udcff", r"."),
]


def manifest_cases() -> list[Case]:
    out = []
    for name, transform, expect in MANIFESTS:
        if name == "non-utf8":
            data = MANIFEST.encode("utf-8").replace(b"Israel", b"Isra\xff", 1)
            expect = r"not valid UTF-8"
        else:
            data = _manifest(transform)
        files = {"corpus/corpus/manifest.csv": data}
        out += [
            Case(f"manifest-validate-{name}", ["validate", f"in/{DOC_FILE}"], {**files, f"in/{DOC_FILE}": _dump(BASE_DOC)}, 1, expect),
            Case(f"manifest-build-{name}", ["build", "--out", "in/hf"], files, 1, expect),
            Case(f"manifest-agreement-{name}", ["agreement", "annotations/passes/a", "annotations/passes/b", "--split", "train"], files, 1, expect),
            Case(f"manifest-evaluate-{name}", ["evaluate", "annotations/passes/a", "--split", "test"], files, 1, expect),
        ]
        if name != "header-only":  # a new corpus has no rows: pre-annotating a text outside it is normal
            out.append(Case(f"manifest-preannotate-{name}", ["preannotate", f"corpus/clean/{DOC}.txt", "--out", "in/pred"], files, 1, expect))
    return out


ANNOTATION = f"annotations/{DOC_FILE}"


def overwrite_cases() -> list[Case]:
    """Outputs that would replace something the command did not make: refused, nothing written."""
    refused = r"nothing written|would replace|is a corpus folder|is inside corpus/raw|not a folder"
    export = ["labelstudio", "export", DOC]
    return [
        Case("build-out-passes", ["build", "--out", "annotations/passes"], {}, 1, r"annotations/passes: holds .* nothing written"),
        Case("build-out-annotations", ["build", "--out", "annotations"], {}, 1, refused),
        Case("build-out-corpus-dir", ["build", "--out", "corpus"], {}, 1, refused),
        Case("build-out-root", ["build", "--out", "."], {}, 1, r"working directory"),
        Case("build-out-parent", ["build", "--out", ".."], {}, 1, r"working directory"),
        Case("build-out-raw", ["build", "--out", "corpus/raw"], {}, 1, r"corpus/raw"),
        Case("build-out-file", ["build", "--out", "corpus/manifest.csv"], {}, 2, r"is a file"),
        Case("build-standoff-out-passes", ["build", "--standoff", "--out", "annotations/passes/a"], {}, 1, refused),
        Case("build-out-foreign-folder", ["build", "--out", "in/mine"], {"in/mine/notes.txt": b"my notes"}, 1, r"in/mine: holds 1 file"),
        Case("rehydrate-out-annotations", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "annotations"], {}, 1, refused, needs=("standoff",)),
        Case("rehydrate-out-passes", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "annotations/passes"], {}, 1, refused, needs=("standoff",)),
        Case("rehydrate-out-root", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "."], {}, 1, r"working directory", needs=("standoff",)),
        Case("export-out-annotation", [*export, "--out", ANNOTATION], {}, 1, r"annotation file .*nothing written"),
        Case("export-out-registry", [*export, "--out", "annotations/entities.json"], {}, 1, r"entity registry"),
        Case("export-out-manifest", [*export, "--out", "corpus/manifest.csv"], {}, 1, r"manifest|not written by"),
        Case("export-out-raw", [*export, "--out", "corpus/raw/000_3bb1601c3ebb1da9.txt"], {}, 1, r"corpus/raw"),
        Case("export-out-new-in-raw", [*export, "--out", "corpus/raw/tasks.json"], {}, 1, r"corpus/raw"),
        Case("export-out-clean-text", [*export, "--out", f"corpus/clean/{DOC}.txt"], {}, 1, r"not written by this command"),
        Case("export-out-guidelines", [*export, "--out", "annotations/GUIDELINES.md"], {}, 1, r"not written by this command"),
        Case("config-out-registry", ["labelstudio", "config", "--out", "annotations/entities.json"], {}, 1, r"entity registry"),
        Case("config-out-annotation", ["labelstudio", "config", "--out", ANNOTATION], {}, 1, r"annotation file"),
        Case("config-out-raw", ["labelstudio", "config", "--out", "corpus/raw/config.xml"], {}, 1, r"corpus/raw"),
        Case("config-out-readme", ["labelstudio", "config", "--out", "annotations/agreement.md"], {}, 1, r"not written by this command"),
        Case("clean-out-raw", ["clean", "corpus/raw/000_3bb1601c3ebb1da9.txt", "--out", "corpus/raw"], {}, 1, r"corpus/raw"),
        Case("clean-out-annotations-clash", ["clean", "in/raw/entities.txt", "--out", "annotations"],
             {"in/raw/entities.txt": b"Some article text that stays.\n", "corpus/annotations/entities.txt": b"my notes\n"}, 1, r"not written by this command"),
        Case("preannotate-out-human", ["preannotate", f"corpus/clean/{DOC}.txt", "--out", "annotations"], {}, 1, r"holds human annotation"),
        Case("agreement-out-annotation", ["agreement", "annotations/passes/a", "annotations/passes/b", "--out", ANNOTATION], {}, 1, r"annotation file"),
        Case("agreement-out-registry", ["agreement", "annotations/passes/a", "annotations/passes/b", "--out", "annotations/entities.json"], {}, 1, r"entity registry"),
        Case("agreement-out-raw", ["agreement", "annotations/passes/a", "annotations/passes/b", "--out", "corpus/raw/r.md"], {}, 1, r"corpus/raw"),
        Case("evaluate-out-annotation", ["evaluate", "annotations/passes/a", "--out", ANNOTATION], {}, 1, r"annotation file"),
        Case("evaluate-out-manifest", ["evaluate", "annotations/passes/a", "--out", "corpus/manifest.csv"], {}, 1, r"manifest"),
        Case("schema-out-raw", ["schema", "--out", "corpus/raw"], {}, 1, r"corpus/raw"),
        Case("schema-out-annotations-clash", ["schema", "--out", "in/s"], {"in/s/annotation.schema.json": b'{"spans": []}'}, 1, r"annotation file"),
        Case("import-over-changed", ["labelstudio", "import", "in/export.json", "--out", "in/ann"],
             {f"in/ann/{DOC_FILE}": _dump(_set(BASE_DOC, "/spans/0/note", "my edit"))}, 1, r"would change", needs=("export",)),
    ]


def os_cases() -> list[Case]:
    """OS-level failures without special privileges: wrong kinds of paths."""
    return [
        Case("export-out-under-file", ["labelstudio", "export", DOC, "--out", "corpus/manifest.csv/t.json"], {}, 1, r"manifest.csv.*not a folder"),
        Case("config-out-under-file", ["labelstudio", "config", "--out", "corpus/manifest.csv/c.xml"], {}, 1, r"manifest.csv.* not a folder"),
        Case("agreement-out-under-file", ["agreement", "annotations/passes/a", "annotations/passes/b", "--out", "corpus/manifest.csv/r.md"], {}, 1, r"manifest.csv.* not a folder"),
        Case("build-out-under-file", ["build", "--out", "corpus/manifest.csv/hf"], {}, 1, r"manifest.csv.* not a folder"),
        Case("rehydrate-out-under-file", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "corpus/manifest.csv/hf"], {}, 1,
             r"manifest.csv.* not a folder", needs=("standoff",)),
        Case("clean-out-under-file", ["clean", "corpus/raw/000_3bb1601c3ebb1da9.txt", "--out", "corpus/manifest.csv/c"], {}, 1, r"manifest.csv.* not a folder"),
        Case("preannotate-out-under-file", ["preannotate", f"corpus/clean/{DOC}.txt", "--out", "corpus/manifest.csv/p"], {}, 1, r"manifest.csv.* not a folder"),
        Case("schema-out-under-file", ["schema", "--out", "corpus/manifest.csv/s"], {}, 1, r"manifest.csv.* not a folder"),
        *[Case(f"{cmd[0]}-outside-a-corpus", [*cmd, "--root", "in/nothing"], {"in/nothing/readme.txt": b"not a corpus"}, 1, r"in/nothing: not a corpus")
          for cmd in (["validate"], ["build"], ["clean"], ["schema"], ["preannotate", f"corpus/clean/{DOC}.txt", "--out", "in/p"],
                      ["agreement", "annotations/passes/a", "annotations/passes/b", "--split", "train"])],
        Case("export-out-is-dir", ["labelstudio", "export", DOC, "--out", "annotations"], {}, 2, r"is a directory"),
        Case("validate-target-is-fifo-like-dir", ["validate", "in/empty"], {"in/empty/.keep": b""}, 0, r"0 annotation file"),
        Case("clean-non-utf8-file-name", ["clean", "in/caf\udce9_0000000000000000.txt", "--out", "in/c"],
             {"in/caf\udce9_0000000000000000.txt": b"Israel said on Monday that it struck targets in Lebanon.\n"}, 1, r"file name is not valid UTF-8|cannot write character"),
        Case("clean-input-is-dir", ["clean", "corpus/raw", "--out", "in/c"], {}, 1, r"not a regular file"),
        Case("preannotate-input-missing", ["preannotate", "in/none.txt", "--out", "in/p"], {}, 1, r"none.txt: no such file"),
        Case("preannotate-input-dir", ["preannotate", "corpus/clean", "--out", "in/p"], {}, 1, r"not a regular file|doc id"),
        Case("preannotate-input-too-large", ["preannotate", "in/big_0000000000000000.txt", "--out", "in/p"],
             {"in/big_0000000000000000.txt": b"Israel said. " * 40_000}, 1, r"too large"),
        Case("preannotate-bad-date", ["preannotate", "in/x_0000000000000000.txt", "--published", "2024-02-31", "--out", "in/p"],
             {"in/x_0000000000000000.txt": b"Israel said on Monday.\n"}, 1, r"not a date"),
        Case("validate-huge-annotation", ["validate", f"in/{DOC_FILE}"], {f"in/{DOC_FILE}": b"[" + b"0," * (9 * 1024 * 1024) + b"0]"}, 1, r"too large"),
        Case("validate-too-many-spans", ["validate", f"in/{DOC_FILE}"],
             {f"in/{DOC_FILE}": _dump({**BASE_DOC, "spans": [{**BASE_DOC["spans"][0], "id": f"E{i}"} for i in range(1, 5002)]})}, 1,
             r"/spans: 5,001 spans \(the limit is 5,000"),
        Case("export-too-many-spans", ["labelstudio", "export", DOC, "--from", "in", "--out", "in/t.json"],
             {f"in/{DOC_FILE}": _dump({**BASE_DOC, "spans": [{**BASE_DOC["spans"][0], "id": f"E{i}"} for i in range(1, 5002)]})}, 1, r"the limit is 5,000"),
        Case("import-huge-export", ["labelstudio", "import", "in/export.json", "--out", "in/out"],
             {"in/export.json": b"[" + b"0," * (33 * 1024 * 1024) + b"0]"}, 1, r"too large"),
    ]


def labelstudio_cases() -> list[Case]:
    """Type confusions in a Label Studio export (the base is a real export of the fixture document)."""
    t = "/0/annotations/0/result"
    edits = [
        ("from-name-list", f"{t}/0/from_name", ["event"]),
        ("labels-nested-list", f"{t}/0/value/labels", [["MEETING"]]),
        ("labels-string", f"{t}/0/value/labels", "MEETING"),
        ("labels-int", f"{t}/0/value/labels", 5),
        ("labels-two", f"{t}/0/value/labels", ["MEETING", "ATTACK"]),
        ("labels-unknown", f"{t}/0/value/labels", ["NOPE"]),
        ("value-list", f"{t}/0/value", [1]),
        ("value-null", f"{t}/0/value", None),
        ("start-float", f"{t}/0/value/start", 20.0),
        ("start-true", f"{t}/0/value/start", True),
        ("end-string", f"{t}/0/value/end", "25"),
        ("end-beyond", f"{t}/0/value/end", 10**9),
        ("text-missing", f"{t}/0/value", {k: v for k, v in {"start": 0, "end": 7, "labels": ["STATE"]}.items()}),
        ("text-shifted", f"{t}/0/value/start", 1),
        ("id-list", f"{t}/0/id", ["E1"]),
        ("id-int", f"{t}/0/id", 5),
        ("type-list", f"{t}/0/type", ["labels"]),
        ("result-int", t, 5),
        ("result-object", t, {"a": 1}),
        ("result-ints", t, [1, 2]),
        ("annotations-int", "/0/annotations", 5),
        ("annotations-ints", "/0/annotations", [5]),
        ("data-list", "/0/data", [1]),
        ("doc-id-list", "/0/data/doc_id", [DOC]),
        ("doc-id-traversal", "/0/data/doc_id", "../../x"),
        ("sha-list", "/0/data/text_sha256", ["x"]),
        ("text-list", "/0/data/text", ["x"]),
        ("base-int", "/0/data/newscorpus_base", 5),
        ("base-list", "/0/data/newscorpus_base", [1]),
        ("base-spans-int", "/0/data/newscorpus_base", {"spans": 5}),
        ("base-spans-junk", "/0/data/newscorpus_base", {"spans": [5, "x", {"id": ["E1"]}]}),
        ("base-annotators-int", "/0/data/newscorpus_base", {**BASE_DOC, "annotators": 5}),
        ("cancelled-list", "/0/annotations/0/was_cancelled", [True]),
        ("task-int", "/0", 5),
        ("export-object", "", {"tasks": []}),
        ("too-many-results", f"{t}", [{"id": f"R{i}", "from_name": "note", "to_name": "text", "type": "textarea", "value": {"text": ["x"]}}
                                      for i in range(40_001)]),
    ]
    out = []
    for name, ptr, value in edits:
        out.append(Case(f"ls-import-{name}", ["labelstudio", "import", "in/export.json", "--out", "in/out"],
                        {"in/export.json": ("edit", ptr, value)}, 1, r"^Error: ", needs=("export",)))
    return out


def choice_cases() -> list[Case]:
    """Type confusions in the per-region controls (choices, text areas) and relations."""
    out = []
    for name, finder, key, value in [
        ("choices-nested", "choices", "choices", [["ACTUAL"]]),
        ("choices-string", "choices", "choices", "ACTUAL"),
        ("choices-int", "choices", "choices", 5),
        ("choices-unknown", "choices", "choices", ["MAYBE"]),
        ("textarea-int", "textarea", "text", 5),
        ("textarea-nested", "textarea", "text", [["x"]]),
        ("relation-labels-nested", "relation", "labels", [["AGENT"]]),
        ("relation-labels-string", "relation", "labels", "AGENT"),
        ("relation-from-list", "relation", "from_id", ["E1"]),
        ("relation-to-int", "relation", "to_id", 5),
        ("relation-unknown-role", "relation", "labels", ["BOSS"]),
        ("figure-value-nan", "figure_value", "text", ["NaN"]),
        ("figure-value-infinity", "figure_value", "text", ["Infinity"]),
        ("figure-value-overflow", "figure_value", "text", ["1e999"]),
        ("figure-value-bigint", "figure_value", "text", ["9" * 5000]),
        ("figure-value-words", "figure_value", "text", ["many"]),
        ("time-value-feb31", "time_value", "text", ["2024-02-31"]),
        ("time-value-list", "time_value", "text", [["2024"]]),
        ("entity-nested", "actor_entity", "text", [["hezbollah"]]),
        ("unit-int", "figure_unit", "text", 5),
    ]:
        out.append(Case(f"ls-import-{name}", ["labelstudio", "import", "in/export.json", "--out", "in/out"],
                        {"in/export.json": ("edit-type", finder, key, value)}, 1, r"^Error: ", needs=("export",)))
    return out


def rehydrate_cases() -> list[Case]:
    """A standoff release that was tampered with, truncated or is not one at all."""
    return [
        Case("rehydrate-no-manifest", ["rehydrate", "in/empty", "--raw", "corpus/raw", "--out", "in/hf"], {"in/empty/x": b""}, 1, r"not a standoff release"),
        Case("rehydrate-missing-dir", ["rehydrate", "in/none", "--raw", "corpus/raw", "--out", "in/hf"], {}, 1, r"not a standoff release|does not exist"),
        Case("rehydrate-truncated-parquet", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/documents/train-00000-of-00001.parquet": ("truncate",)}, 1, r"train-00000-of-00001.parquet: not a readable parquet", needs=("standoff",)),
        Case("rehydrate-garbage-parquet", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/events/test-00000-of-00001.parquet": b"PAR1garbage"}, 1, r"test-00000-of-00001.parquet: not a readable parquet", needs=("standoff",)),
        Case("rehydrate-missing-parquet", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/tokens/validation-00000-of-00001.parquet": None}, 1, r"missing from the standoff release", needs=("standoff",)),
        Case("rehydrate-manifest-row-missing", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/manifest.csv": ("drop-row", 1)}, 1, r"has no row in the release's manifest.csv", needs=("standoff",)),
        Case("rehydrate-raw-missing", ["rehydrate", "{standoff}", "--raw", "in/noraw", "--out", "in/hf"], {"in/noraw/x.txt": b"x"}, 1,
             r"raw file listed in the manifest is missing", needs=("standoff",)),
        Case("rehydrate-raw-changed", ["rehydrate", "{standoff}", "--raw", "in/raw", "--out", "in/hf"],
             {f"in/raw/{n}.txt": b"a different article\n" for n in ("000_3bb1601c3ebb1da9", "001_f223456a580e97a0", "002_b239d6d9a59df4e2",
                                                                      "003_0bebbda2a36ce2d2", "004_55396772dfa231c4")}, 1,
             r"differs from the published article", needs=("standoff",)),
        Case("rehydrate-card-missing", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/README.md": None}, 1, r"no dataset card", needs=("standoff",)),
        Case("rehydrate-manifest-bad-date", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/manifest.csv": ("set-date", "2024-02-31")}, 1, r"is not a date", needs=("standoff",)),
        Case("rehydrate-rules-bad", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/cleaning_rules.toml": b"[[rule]]\nid = 5\n"}, 1, r"cleaning_rules.toml", needs=("standoff",)),
        Case("rehydrate-rules-type", ["rehydrate", "{standoff}", "--raw", "corpus/raw", "--out", "in/hf"],
             {"standoff/cleaning_rules.toml": b"rule = 5\n"}, 1, r"cleaning_rules.toml", needs=("standoff",)),
    ]


def rules_cases() -> list[Case]:
    """Rules-file type errors (read by clean and build): a RuleError, never a traceback."""
    bodies = {
        "rule-not-table": b"rule = 5\n",
        "rule-list-of-ints": b"rule = [1, 2]\n",
        "id-int": b'[[rule]]\nid = 5\nkind = "line"\n',
        "kind-list": b'[[rule]]\nid = "x"\nkind = ["line"]\ndescription = "d"\npattern = "a"\n',
        "pattern-int": b'[[rule]]\nid = "x"\nkind = "line"\ndescription = "d"\npattern = 5\n',
        "pattern-bad-regex": b'[[rule]]\nid = "x"\nkind = "line"\ndescription = "d"\npattern = "("\n',
        "description-list": b'[[rule]]\nid = "x"\nkind = "line"\ndescription = ["d"]\npattern = "a"\n',
        "flags-nested": b'[[rule]]\nid = "x"\nkind = "line"\ndescription = "d"\npattern = "a"\nflags = [["IGNORECASE"]]\n',
        "flags-string": b'[[rule]]\nid = "x"\nkind = "line"\ndescription = "d"\npattern = "a"\nflags = "IGNORECASE"\n',
        "kind-table": b'[[rule]]\nid = "x"\ndescription = "d"\npattern = "a"\n[rule.kind]\na = 1\n',
        "toml-syntax": b"[[rule]\n",
        "non-utf8": b"\xff\xfe",
    }
    out = []
    for name, body in bodies.items():
        out.append(Case(f"clean-rules-{name}", ["clean", "--rules", "in/rules.toml", "--out", "in/c"], {"in/rules.toml": body}, 1, r"rules.toml"))
    return out


def corpus_cases() -> list[Case]:
    """init, add and show: hostile folders, articles, records and outputs."""
    raw = "corpus/raw/000_3bb1601c3ebb1da9.txt"
    article = b"Israel said on Monday that its jets struck targets in southern Lebanon.\n"
    return [
        Case("init-into-corpus", ["init", "."], {}, 1, r"not empty|already holds a corpus"),
        Case("init-force-into-corpus", ["init", ".", "--force"], {}, 1, r"already holds a corpus"),
        Case("init-non-empty", ["init", "in/full"], {"in/full/notes.txt": b"mine"}, 1, r"not empty"),
        Case("init-force-over-registry", ["init", "in/reg", "--force"], {"in/reg/annotations/entities.json": _dump(BASE_REGISTRY)}, 1,
             r"entity registry|nothing written"),
        Case("init-under-file", ["init", "corpus/manifest.csv/x"], {}, 1, r"not a folder|[Nn]ot a directory|is a file"),
        Case("add-duplicate-article", ["add", raw, "--published", "2024-07-03"], {}, 1, r"already in the corpus"),
        Case("add-bad-date", ["add", "in/a.txt", "--published", "2024-02-31"], {"in/a.txt": article}, 1, r"not a date|no such day"),
        Case("add-empty", ["add", "in/a.txt", "--published", "2024-07-03"], {"in/a.txt": b""}, 1, r"empty"),
        Case("add-nul", ["add", "in/a.txt", "--published", "2024-07-03"], {"in/a.txt": b"Israel\x00 said.\n"}, 1, r"NUL|control|0x00"),
        Case("add-utf16", ["add", "in/a.txt", "--published", "2024-07-03"], {"in/a.txt": "Israel said on Monday.\n".encode("utf-16")}, 1,
             r"UTF-16|UTF-8"),
        Case("add-non-utf8", ["add", "in/a.txt", "--published", "2024-07-03"], {"in/a.txt": b"Isra\xffel said.\n"}, 1, r"UTF-8"),
        Case("add-missing", ["add", "in/none.txt", "--published", "2024-07-03"], {}, 1, r"none.txt: no such file"),
        Case("add-jsonl-type", ["add", "in/r.jsonl"], {"in/r.jsonl": b'{"maintext": ["x"], "title": 5}\n'}, 1, r"r.jsonl"),
        Case("add-jsonl-nan", ["add", "in/r.jsonl"], {"in/r.jsonl": b'{"maintext": "Israel said.", "date_publish": NaN}\n'}, 1, r"r.jsonl"),
        Case("add-jsonl-dup-key", ["add", "in/r.jsonl"], {"in/r.jsonl": b'{"maintext": "Israel said.", "maintext": "x"}\n'}, 1, r"r.jsonl"),
        Case("add-jsonl-not-object", ["add", "in/r.jsonl"], {"in/r.jsonl": b'[1, 2]\n'}, 1, r"r.jsonl"),
        Case("add-jsonl-truncated", ["add", "in/r.jsonl"], {"in/r.jsonl": b'{"maintext": "Israel sa'}, 1, r"r.jsonl"),
        Case("add-json-deep", ["add", "in/r.json"], {"in/r.json": b"[" * 100_000 + b"]" * 100_000}, 1, r"r.json"),
        Case("add-split-unknown", ["add", "in/a.txt", "--split", "dev"], {"in/a.txt": article}, 2, r"dev"),
        Case("show-unknown", ["show", "999_0000000000000000"], {}, 1, r"999_0000000000000000"),
        Case("show-traversal", ["show", "../../etc/passwd"], {}, 1, r"^Error: "),
        Case("show-bad-annotation", ["show", DOC, "--annotation", f"in/{DOC_FILE}"], {f"in/{DOC_FILE}": b'{"spans": NaN}'}, 1, r"NaN"),
        Case("show-html-over-annotation", ["show", DOC, "--html", ANNOTATION], {}, 1, r"annotation file|nothing written"),
        Case("show-html-over-raw", ["show", DOC, "--html", raw], {}, 1, r"corpus/raw"),
    ]


def all_cases() -> list[Case]:
    cases = [*corpus_cases(), *raw_cases(), *mutation_cases(), *registry_cases(), *manifest_cases(), *overwrite_cases(), *os_cases(),
             *labelstudio_cases(), *choice_cases(), *rehydrate_cases(), *rules_cases()]
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    return cases
