"""``newscorpus show``: one document as a person checks it, instead of reading provenance JSON.

The page has two parts: the raw article with every piece cleaning removed struck through and
labelled with its rule, and the clean text once per annotation layer with its spans drawn in
spaCy's displaCy span style (label and the attributes a reviewer checks: realis, entity,
value). Cleaning is recomputed from the raw file with the corpus's rules, so the page shows
what ``clean`` does now; an annotation made on another version of the clean text is flagged.
The HTML is one self-contained file (inline styles, no scripts, nothing fetched).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.fileio import decode_utf8, display, read_json, sha256_text

LAYERS = ("EVENT", "ACTOR", "FIGURE", "LOCATION", "TIME", "QUALITY")
LAYER_COLORS = {"EVENT": "#f4a6a6", "ACTOR": "#a6c8f4", "FIGURE": "#f4d35e", "LOCATION": "#9ad9a1",
                "TIME": "#d7b4f3", "QUALITY": "#cccccc"}


@dataclass
class DocumentView:
    """Everything the page shows, computed once (the text view prints the same data)."""

    doc_id: str
    raw: str
    removed: list[dict]  # provenance "removed" runs: raw_start, raw_end, rule, text
    clean: str
    metadata: list[dict]
    spans: dict[str, list[dict]] = field(default_factory=dict)  # layer -> spans
    annotation_file: str | None = None
    stale: bool = False
    manifest_row: object | None = None


def doc_id_of(doc: str) -> str:
    """``DOC`` as given on the command line: a doc id, or any of its files' paths."""
    name = Path(doc).name
    for suffix in (".provenance.json", ".json", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def document_view(corpus, doc: str, annotation: Path | None = None) -> DocumentView:
    """Clean the document's raw file again and read its annotation file (if there is one)."""
    from newscorpus.clean import clean_text, load_rules
    from newscorpus.corpus.manifest import verify_raw

    doc_id = doc_id_of(doc)
    rows = {d.doc_id: d for d in corpus.documents()}
    if doc_id not in rows:
        raise InputError(f"no document {doc_id!r} in the manifest", display(corpus.manifest_path))
    row = rows[doc_id]
    raw_path = verify_raw(row, corpus.raw_dir)
    raw = decode_utf8(raw_path.read_bytes(), str(raw_path))
    result = clean_text(raw, load_rules(corpus.cleaning_rules_path), doc_id=doc_id, raw_file=row.raw_file)
    view = DocumentView(doc_id, raw, result.removed, result.text, result.metadata, manifest_row=row)
    path = Path(annotation) if annotation else corpus.annotations_dir / f"{doc_id}.json"
    if path.is_file():
        data = read_json(path)
        view.annotation_file = display(path)
        view.stale = data.get("text_sha256") != sha256_text(result.text)
        for span in data.get("spans", []):
            view.spans.setdefault(span.get("layer"), []).append(span)
        view.spans["QUALITY"] = list(data.get("quality", []))
        for spans in view.spans.values():
            spans.sort(key=lambda s: (s.get("start", 0), -s.get("end", 0)))
    elif annotation:
        raise InputError("no such annotation file", str(path))
    return view


def span_label(span: dict) -> str:
    """What a reviewer needs next to a span: its label and the attributes to check."""
    layer, label = span.get("layer", "QUALITY"), span.get("label", "?")
    if layer == "EVENT":
        return f"{label} · {span.get('realis')}"
    if layer == "ACTOR":
        return f"{label} · {span.get('mention')} · {span.get('entity')}"
    if layer == "FIGURE":
        value = span.get("value")
        value = int(value) if isinstance(value, float) and value.is_integer() else value
        return f"{label} · {span.get('qualifier')} {value} {span.get('unit')}"
    if layer == "TIME":
        return f"TIME · {span.get('value')}"
    return label


# ---- text view ---------------------------------------------------------------------------------


def render_text(view: DocumentView) -> str:
    lines = [f"{view.doc_id}: {len(view.raw)} raw characters, {len(view.clean)} clean"]
    furniture = [r for r in view.removed if r["rule"] != "whitespace"]
    lines.append(f"removed by cleaning ({len(furniture)} piece(s); whitespace not shown):")
    lines += [f"  [{r['rule']}] {r['text'].strip()!r}" for r in furniture]
    if view.annotation_file is None:
        lines.append("no annotation file")
    else:
        lines.append(f"spans from {view.annotation_file}" + (" (STALE: made on another clean text)" if view.stale else ""))
        for layer in LAYERS:
            for span in view.spans.get(layer, []):
                lines.append(f"  {layer:<8} {span.get('start')}-{span.get('end')} {span.get('text')!r}: {span_label(span)}")
    return "\n".join(lines) + "\n"


# ---- HTML --------------------------------------------------------------------------------------


def _raw_html(view: DocumentView) -> str:
    parts, pos = [], 0
    for run in sorted(view.removed, key=lambda r: r["raw_start"]):
        parts.append(html.escape(view.raw[pos : run["raw_start"]]))
        piece = html.escape(view.raw[run["raw_start"] : run["raw_end"]])
        rule = html.escape(run["rule"])
        if run["rule"] == "whitespace":
            parts.append(f'<del class="ws" data-rule="{rule}">{piece}</del>')
        else:
            parts.append(f'<del class="removed" data-rule="{rule}" title="removed by {rule}">{piece}</del>'
                         f'<span class="rule">{rule}</span>')
        pos = run["raw_end"]
    parts.append(html.escape(view.raw[pos:]))
    return "".join(parts)


def _layer_html(text: str, spans: list[dict], layer: str) -> str:
    """The clean text, paragraph by paragraph, with ``spans`` in displaCy's span style."""
    import spacy
    from spacy import displacy

    nlp = spacy.blank("en")
    blocks, offset = [], 0
    for paragraph in text.split("\n"):
        start, end = offset, offset + len(paragraph)
        offset = end + 1
        if not paragraph.strip():
            continue
        doc = nlp(paragraph)
        items = []
        for span in spans:
            s, e = max(span["start"], start) - start, min(span["end"], end) - start
            if s >= e:
                continue
            char_span = doc.char_span(s, e, alignment_mode="expand")
            if char_span is not None:
                items.append({"start_token": char_span.start, "end_token": char_span.end, "label": span_label(span)})
        rendered = displacy.render({"text": paragraph, "tokens": [t.text for t in doc], "spans": items}, style="span",
                                   manual=True, page=False, options={"colors": {i["label"]: LAYER_COLORS[layer] for i in items}})
        blocks.append(f'<div class="paragraph">{rendered}</div>')
    return "\n".join(blocks)


def _events_table(view: DocumentView) -> str:
    by_id = {s.get("id"): s for spans in view.spans.values() for s in spans}
    rows = []
    for event in view.spans.get("EVENT", []):
        args = "; ".join(f"{html.escape(a.get('role', '?'))} → {html.escape(str(by_id.get(a.get('ref'), {}).get('text', a.get('ref'))))}"
                         for a in event.get("arguments", []))
        rows.append(f"<tr><td>{html.escape(str(event.get('id')))}</td><td>{html.escape(str(event.get('text')))}</td>"
                    f"<td>{html.escape(span_label(event))}</td><td>{args or '–'}</td></tr>")
    if not rows:
        return ""
    return ('<table class="events"><thead><tr><th>id</th><th>trigger</th><th>type · realis</th><th>arguments</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
.raw { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 0.9rem; background: #fafafa;
       border: 1px solid #ddd; padding: 1rem; line-height: 1.6; }
del.removed { text-decoration: line-through; text-decoration-color: #c00; color: #a00; background: #fde8e8; }
del.ws { text-decoration: line-through; background: #fde8e8; }
.rule { font-size: 0.7rem; background: #c00; color: #fff; border-radius: 3px; padding: 0 4px; margin: 0 4px;
        vertical-align: super; font-family: system-ui, sans-serif; }
.layer h3 { margin-bottom: 0.2rem; }
.paragraph { margin-bottom: 0.8rem; }
.spans span { white-space: nowrap; }
.stale { background: #fff3cd; border: 1px solid #e0c060; padding: 0.5rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 2px 6px; text-align: left; font-size: 0.9rem; }
"""


def render_html(view: DocumentView) -> str:
    row = view.manifest_row
    meta = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(getattr(row, k)) or '–')}</td></tr>"
                   for k in ("title", "source", "published", "published_basis", "published_reason", "language", "split"))
    recovered = "".join(f"<li>{html.escape(m['key'])}: {html.escape(str(m['value']))} <span class=\"rule\">{html.escape(m['rule'])}</span></li>"
                        for m in view.metadata)
    furniture = [r for r in view.removed if r["rule"] != "whitespace"]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(view.doc_id)} · newscorpus show</title><style>{STYLE}</style></head><body>",
        f"<h1>{html.escape(view.doc_id)}</h1>", f'<table class="manifest">{meta}</table>',
        f'<h2 id="raw">Raw article: {len(furniture)} piece(s) removed by cleaning</h2>',
        "<p>Struck-through text is what cleaning removed, each labelled with its rule; the rest is the clean text.</p>",
        f'<div class="raw">{_raw_html(view)}</div>',
    ]
    if recovered:
        parts.append(f'<h3>Metadata cleaning recovered</h3><ul class="metadata">{recovered}</ul>')
    if view.annotation_file is None:
        parts.append('<h2 id="spans">Annotations</h2><p class="no-annotations">No annotation file for this document.</p>')
    else:
        parts.append(f'<h2 id="spans">Clean text and spans by layer</h2><p>From <code>{html.escape(view.annotation_file)}</code>.</p>')
        if view.stale:
            parts.append('<p class="stale">This annotation file was made on another version of the clean text: '
                         "its spans may not line up (re-clean or re-annotate).</p>")
        for layer in LAYERS:
            spans = view.spans.get(layer, [])
            parts.append(f'<section class="layer" id="layer-{layer}" data-spans="{len(spans)}"><h3>{layer} ({len(spans)})</h3>')
            parts.append(_layer_html(view.clean, spans, layer) if spans else "<p>No spans.</p>")
            if layer == "EVENT":
                parts.append(_events_table(view))
            parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def show(corpus, doc: str, *, html_path: Path | None = None, annotation: Path | None = None) -> str:
    """The text view of ``doc``; with ``html_path``, also write the page there (atomically)."""
    from newscorpus.fileio import atomic_write_text

    view = document_view(corpus, doc, annotation)
    if html_path is not None:
        atomic_write_text(Path(html_path), render_html(view))
    return render_text(view)
