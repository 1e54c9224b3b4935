"""The scheme document (the product contract) and scheme.py cannot drift apart.

The document states its version; scheme.SCHEMA_VERSION, the JSON Schemas' ``schema_version``
and the document's changelog must agree with it, and every label the document tables list is
exactly the label inventory of scheme.py.
"""

from __future__ import annotations

import json
import re

from _repo import REPO
from newscorpus.annotate import scheme
from newscorpus.annotate.schema import SCHEME_DOCUMENT, stale_schemas

DOC = SCHEME_DOCUMENT.read_text(encoding="utf-8")


def _section(title_start: str) -> str:
    match = re.search(rf"^## {re.escape(title_start)}.*?(?=^## |\Z)", DOC, re.S | re.M)
    assert match, title_start
    return match.group(0)


def _table_labels(section: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^\| ([A-Z_]+) \|", section, re.M)]


def test_document_version_is_the_schema_version():
    stated = re.search(r"^Schema version: (\S+)$", DOC, re.M)
    assert stated, "the scheme document must state 'Schema version: X.Y.Z'"
    assert stated.group(1) == scheme.SCHEMA_VERSION
    for name in ("annotation.schema.json", "entities.schema.json"):
        schema = json.loads((REPO.schema_dir / name).read_text(encoding="utf-8"))
        assert schema["properties"]["schema_version"]["const"] == scheme.SCHEMA_VERSION
    assert re.search(rf"^- {re.escape(scheme.SCHEMA_VERSION)}:", _section("Changelog"), re.M), "no changelog entry for this version"


def test_document_tables_list_exactly_the_labels_of_scheme_py():
    for layer, title in (("EVENT", "Layer 1"), ("ACTOR", "Layer 2"), ("FIGURE", "Layer 3")):
        assert _table_labels(_section(title)) == scheme.labels(layer), layer
    layer4 = _section("Layer 4")
    for layer in ("LOCATION", "TIME"):
        assert scheme.labels(layer) == [layer] and f"- {layer}:" in layer4


def test_document_names_every_attribute_value_and_role():
    for values in (scheme.REALIS, scheme.MENTION, scheme.QUALIFIERS, scheme.ROLES, scheme.QUALITY_LABELS):
        for value in values:
            assert re.search(rf"\b{value}\b", DOC), value


def test_repository_copy_is_the_packaged_document():
    assert "annotation-scheme.md" not in stale_schemas(REPO.schema_dir), "run `newscorpus schema`"
