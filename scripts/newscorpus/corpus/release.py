"""The release file (``release.toml``): what a corpus calls itself when it is published.

The card's YAML header, the Croissant metadata and the card's title all come from here, so a
new corpus describes itself by editing one file, never the toolkit. Every defect is an
``InputError`` naming the file and the key (``release.toml: license.url: must be ...``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.fileio import read_text

# HF card `size_categories` buckets (https://huggingface.co/docs/hub/datasets-cards)
_SIZE_BUCKETS = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                 (10_000_000, "1M<n<10M")]
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,95}")
_REPO_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
_VERSION = re.compile(r"\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?")
_URL = re.compile(r"https?://\S+")
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]+)*")


@dataclass(frozen=True)
class License:
    id: str  # Hub licence identifier (cc-by-4.0, mit, other ...)
    url: str
    name: str = ""  # required by the Hub when id is "other"
    details: str = ""


@dataclass(frozen=True)
class Release:
    name: str
    pretty_name: str
    description: str
    version: str
    license: License
    languages: tuple[str, ...]
    tags: tuple[str, ...] = ()
    homepage: str = ""
    hub_repo_id: str = ""
    citation: str = ""
    curators: str = ""
    date_published: str = ""  # never taken from the clock: builds stay byte-identical
    validation_share: float = 0.1
    test_share: float = 0.1
    path: Path | None = field(default=None, compare=False)

    @property
    def url(self) -> str:
        """Where the release lives: the Hub dataset page when a repo id is given, else the homepage."""
        if self.hub_repo_id:
            return f"https://huggingface.co/datasets/{self.hub_repo_id}"
        return self.homepage

    @property
    def split_shares(self) -> dict[str, float]:
        return {"train": 1 - self.validation_share - self.test_share, "validation": self.validation_share,
                "test": self.test_share}


def size_category(n: int) -> str:
    """The Hub's ``size_categories`` bucket for ``n`` examples."""
    for limit, name in _SIZE_BUCKETS:
        if n < limit:
            return name
    return "n>1M"


_TOP = {"name", "pretty_name", "description", "version", "languages", "tags", "homepage", "hub_repo_id",
        "citation", "curators", "date_published", "license", "splits"}
_LICENSE = {"id", "url", "name", "details"}
_SPLITS = {"validation", "test"}


def read_release(path: Path) -> Release:
    """Parse and check ``release.toml``; a missing file says how to make one."""
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise InputError("no release file; `newscorpus init` writes one (name, version, licence, ...)", file)
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file) from None

    def fail(key: str, message: str):
        raise InputError(message, file, key)

    for key in sorted(set(data) - _TOP):
        fail(key, f"unknown key (known: {', '.join(sorted(_TOP))})")

    def text(table: dict, key: str, where: str, *, required: bool, pattern: re.Pattern | None = None, hint: str = "") -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            fail(where, "must be a string")
        value = value.strip()
        if required and not value:
            fail(where, "is required and must not be empty")
        if value and pattern is not None and not pattern.fullmatch(value):
            fail(where, f"{value!r} {hint}")
        return value

    def strings(key: str, *, required: bool, pattern: re.Pattern | None = None, hint: str = "") -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(key, "must be a list of non-empty strings")
        if required and not value:
            fail(key, "must list at least one entry")
        for i, v in enumerate(value):
            if pattern is not None and not pattern.fullmatch(v):
                fail(f"{key}[{i}]", f"{v!r} {hint}")
        return tuple(value)

    lic = data.get("license")
    if not isinstance(lic, dict):
        fail("license", "a [license] table is required (id, url; name when id is \"other\")")
    for key in sorted(set(lic) - _LICENSE):
        fail(f"license.{key}", f"unknown key (known: {', '.join(sorted(_LICENSE))})")
    license = License(
        id=text(lic, "id", "license.id", required=True, pattern=re.compile(r"[a-z0-9][a-z0-9.+-]*"),
                hint="is not a Hub licence identifier (e.g. cc-by-4.0, mit, other)"),
        url=text(lic, "url", "license.url", required=True, pattern=_URL, hint="must be an http(s) link to the licence text"),
        name=text(lic, "name", "license.name", required=False),
        details=text(lic, "details", "license.details", required=False),
    )
    if license.id == "other" and not license.name:
        fail("license.name", "is required when license.id is \"other\" (the Hub shows it)")

    splits = data.get("splits", {})
    if not isinstance(splits, dict):
        fail("splits", "must be a table (validation = 0.1, test = 0.1)")
    for key in sorted(set(splits) - _SPLITS):
        fail(f"splits.{key}", "unknown split share (known: validation, test; train takes the rest)")
    shares = {}
    for key in ("validation", "test"):
        value = splits.get(key, 0.1)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            fail(f"splits.{key}", "must be a number from 0 to below 1 (the share of documents)")
        shares[key] = float(value)
    if shares["validation"] + shares["test"] >= 1:
        fail("splits", "validation + test must leave a share for train")

    published = text(data, "date_published", "date_published", required=False)
    if published:
        try:
            date.fromisoformat(published)
        except ValueError:
            fail("date_published", f"{published!r} is not an ISO date (YYYY-MM-DD)")

    return Release(
        name=text(data, "name", "name", required=True, pattern=_NAME,
                  hint="must be lowercase letters, digits, '.', '_' or '-' (it names files and the Croissant dataset)"),
        pretty_name=text(data, "pretty_name", "pretty_name", required=True),
        description=text(data, "description", "description", required=True),
        version=text(data, "version", "version", required=True, pattern=_VERSION, hint="is not a version (MAJOR.MINOR.PATCH)"),
        license=license,
        languages=strings("languages", required=True, pattern=_LANG, hint="is not a BCP-47 language code (en, fr, pt-BR)"),
        tags=strings("tags", required=False),
        homepage=text(data, "homepage", "homepage", required=False, pattern=_URL, hint="must be an http(s) link"),
        hub_repo_id=text(data, "hub_repo_id", "hub_repo_id", required=False, pattern=_REPO_ID, hint="must be OWNER/NAME"),
        citation=text(data, "citation", "citation", required=False),
        curators=text(data, "curators", "curators", required=False),
        date_published=published,
        validation_share=shares["validation"],
        test_share=shares["test"],
        path=path,
    )


TEMPLATE = '''# What this corpus calls itself when it is published (`newscorpus build` reads it).
# The dataset card's header, its title and the Croissant metadata come from here.

name = "{name}"                     # machine name: lowercase, digits, . _ -
pretty_name = "{pretty_name}"
description = "Span-annotated news articles: events, actors, figures, locations and times."
version = "0.1.0"                   # the release's version (not the toolkit's)
languages = ["en"]                  # BCP-47 codes of the articles
tags = ["news", "event-extraction", "span-annotation"]
homepage = ""                       # optional: http(s) link
hub_repo_id = ""                    # optional: OWNER/NAME of the Hugging Face dataset repo
curators = ""                       # who curated the corpus, as the card should say it
date_published = ""                 # optional: YYYY-MM-DD (Croissant datePublished)
citation = """
"""

[license]
id = "other"                        # Hub licence id: cc-by-4.0, mit, other ...
name = "annotations-cc-by-4.0-text-publishers"
url = "https://creativecommons.org/licenses/by/4.0/"
details = "Annotations CC BY 4.0; the article text remains the copyright of its publishers."

[splits]                            # shares `newscorpus add` aims for; train takes the rest
validation = 0.1
test = 0.1
'''
