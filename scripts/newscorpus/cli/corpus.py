"""corpus commands: start a corpus, add articles to it, look at one document."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.cli.app import cli, progress, with_corpus
from newscorpus.corpus.manifest import SPLITS
from newscorpus.fileio import display


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Lay the corpus out even if FOLDER is not empty (never over an existing corpus).")
def init(folder, force):
    """Start a new corpus in FOLDER (created if missing).

    Writes corpus/raw/, corpus/manifest.csv (header only), annotations/entities.json (empty
    registry), schema/ (JSON Schemas and the annotation scheme), a generic datacard.md and a
    release.toml (name, version, licence, tags ...) to fill in before the first build.
    Cleaning uses the packaged rules until the corpus has its own cleaning_rules.toml.
    """
    from newscorpus.corpus.init import init_corpus

    corpus = init_corpus(folder, force=force)
    click.echo(f"new corpus in {display(corpus.root)}: edit release.toml, then `newscorpus add FILES...`")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", default=None, metavar="DATE", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for every article given.")
@click.option("--published-reason", default=None, metavar="WHY",
              help="How the --published date was worked out; makes its basis INFERRED (default: STATED).")
@click.option("--title", default=None, help="Headline (one article only).")
@click.option("--source", default=None, metavar="NAME", help="Outlet for every article given.")
@click.option("--split", type=click.Choice(SPLITS), default=None, help="Split for every article given [default: the assignment rule].")
@click.option("--language", default=None, metavar="CODE", help="Language code [default: the record's, else release.toml's first].")
@with_corpus
def add(files, published, published_reason, title, source, split, language, corpus):
    """Add articles to the corpus: .txt files, JSON/JSONL scraper records, or .html pages.

    Records may use news-please or trafilatura field names (maintext/text, title,
    date_publish/date, url, source_domain/sitename/source, authors/author, language); an HTML
    page becomes such a record through trafilatura (the `html` extra). Each article is stored
    byte for byte as corpus/raw/<doc_id>.txt (a record's other fields in
    corpus/records/<doc_id>.json, a page in corpus/records/<doc_id>.html) and gets a manifest row; metadata comes from the options,
    then the record, then what cleaning recovers (date stamps, outlet tags). The doc id is
    <NNN>_<first 16 hex of the sha256>; the split rule never moves a document already in the
    manifest. An article already in the corpus (same sha256) is refused; nothing is written
    unless every input reads.
    """
    from newscorpus.corpus.ingest import add_articles

    rows = add_articles(corpus, list(files), published=published, published_reason=published_reason, title=title,
                        source=source, split=split, language=language, progress=lambda xs: progress(xs, "add"))
    for doc in rows:
        click.echo(f"{doc.doc_id}  {doc.split:<10}  {doc.published}  {doc.source or '-'}  {doc.title or '-'}")
    click.echo(f"added {len(rows)} article(s) to {display(corpus.manifest_path)}; next: `newscorpus clean`")


@cli.command()
@click.argument("doc")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the document as a self-contained HTML page here (open it in a browser).")
@click.option("--annotation", "annotation", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Annotation file to draw [default: annotations/<doc_id>.json when it exists].")
@with_corpus
def show(doc, html_path, annotation, corpus):
    """Show one document for a person to check: what cleaning removed and the spans by layer.

    DOC is a doc id or the path of one of its files. Prints what cleaning removed (each piece
    with its rule) and every span; --html writes a page with the raw article, each removed piece
    struck through and labelled with its rule, and the clean text with its spans drawn per layer
    (displaCy's span style).
    """
    from newscorpus.corpus.show import show as show_document

    click.echo(show_document(corpus, doc, html_path=html_path, annotation=annotation), nl=False)
    if html_path is not None:
        click.echo(f"wrote {display(html_path)}")
