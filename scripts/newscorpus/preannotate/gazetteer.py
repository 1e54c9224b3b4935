"""ACTOR and LOCATION rules: the entity registry, gazetteers learned from training gold, context.

What is learned from the corpus is learned from the gold annotations of the documents whose
manifest split is in ``splits`` (``("train",)`` by default), so evaluating on validation/test
does not leak. A learned string is kept only if it was annotated (with the same label/entity)
on at least half of its occurrences in those training texts: precision over recall.

ACTOR spans are only emitted for entities the registry holds, with the registry's type as
label. A country name that is both a place and a state is resolved by context (scheme
decision 4): after a locative preposition (``in``, ``into``, ``toward``) or with a directional
modifier (``southern Lebanon``) it is a LOCATION; as a subject before a verb or after
``against``/``with``/``between`` it is an ACTOR; otherwise it is left for the annotator.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.annotate import scheme
from newscorpus.errors import InputError
from newscorpus.fileio import read_json, read_text
from newscorpus.preannotate.scan import word_spans
from newscorpus.preannotate.tokens import tokenize

# Regional place names every article in this corpus may mention (extended by training gold).
BUILTIN_LOCATIONS = (
    "Lebanon", "Israel", "Gaza", "Gaza Strip", "West Bank", "Beirut", "Tyre", "Sidon", "Nabatieh",
    "Bekaa", "Bekaa Valley", "Baalbek", "Dahiyeh", "Naqoura", "Bint Jbeil", "Khiam", "Marjayoun",
    "Litani", "Litani River", "Litani river", "south Lebanon", "Blue Line", "Shebaa Farms", "Mount Hermon", "Mount Meron", "Golan",
    "Golan Heights", "Galilee", "Upper Galilee", "Western Galilee", "Kiryat Shmona", "Metula", "Haifa", "Tel Aviv",
    "Jerusalem", "Safed", "Nahariya", "Acre", "Rafah", "Khan Younis", "Jabalia", "Gaza City", "Nablus",
    "Jenin", "Ramallah", "Hebron", "Syria", "Damascus", "Iran", "Tehran", "Iraq", "Baghdad", "Yemen",
    "Sanaa", "Hodeidah", "Red Sea", "Egypt", "Cairo", "Qatar", "Doha", "Jordan", "Amman", "Turkey",
    "Middle East", "Paris", "Washington", "London", "Moscow", "Cyprus", "Eilat", "Sinai",
)
COUNTRIES = {"Lebanon", "Israel", "Syria", "Iran", "Iraq", "Yemen", "Egypt", "Qatar", "Jordan", "Turkey",
             "Cyprus", "Saudi Arabia", "United States", "France", "Britain", "Russia"}
CAPITALS = {"Washington", "Tehran", "Moscow", "Damascus", "Cairo", "Doha", "Amman", "Paris", "London", "Beirut"}
DIRECTIONS = ("northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "northeast",
              "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
              "north-eastern", "north-western", "south-eastern", "south-western", "far")
LOCATIVE_PREPS = {"in", "into", "inside", "toward", "towards", "across", "throughout", "within", "near",
                  "from", "at", "over", "around", "outside", "entering", "entered", "reach", "reached"}
ACTOR_PREPS = {"against", "with", "between", "by", "on", "targeted", "attacked", "struck", "accused",
               "warned", "urged", "blamed", "told", "hit", "and", "involving", "including",
               # pressed, persuaded or allowed: a party that is to act ("pressed X to agree", "allowing X to")
               "pressed", "pressing", "urging", "allow", "allowed", "allowing", "asked", "asking", "persuade",
               "persuaded", "pressured", "pressuring", "angered", "angering", "provoked",
               # joining states is joining parties ("joined Chad in the alliance")
               "join", "joins", "joined", "joining"}
VERBISH = set(
    "said says say has have had is was will would could may might launched struck fired killed vowed warned "
    "threatened confirmed denied insists insisted accused demanded demands wants wanted agreed responded "
    "retaliated claimed announced hit targeted carried continues continued seeks sought rejected refused "
    "blames blamed does did must should can cannot intends plans planned began started sent kills says "
    "accuses hosts fires launches".split()
)
# nouns after a demonym that make it an actor on its own (scheme decision 1); anything else: skip
DEMONYM_HEADS = set(
    "drone strike strikes airstrike airstrikes air attack attacks assassination assassinations site sites "
    "injuries casualties conditions demands proposal operation operations offensive bombardment shelling "
    "raid raids fire incursion invasion retaliation response aggression occupation "
    "government position positions".split()
)
DEMONYMS = {
    "Israeli": "Israel", "Iranian": "Iran", "Lebanese": "Lebanon", "Syrian": "Syria", "Iraqi": "Iraq",
    "Yemeni": "Yemen", "Egyptian": "Egypt", "Qatari": "Qatar", "American": "United States", "French": "France",
    "British": "Britain", "Russian": "Russia", "Turkish": "Turkey", "Jordanian": "Jordan", "Saudi": "Saudi Arabia",
}
_NAME_PARTICLES = {"of", "the", "al", "el", "bin", "ibn", "abu", "de", "la", "for", "and", "bint", "van", "von", "der"}


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorEntry:
    label: str
    entity: str
    mention: str
    score: float


@dataclass
class Gazetteer:
    """Everything the ACTOR/LOCATION rules know: registry entities, actor and place strings."""

    entities: dict[str, Entity] = field(default_factory=dict)
    actors: dict[str, ActorEntry] = field(default_factory=dict)  # surface string -> entry
    locations: dict[str, float] = field(default_factory=dict)  # surface string -> score

    def entity_for_name(self, name: str) -> Entity | None:
        entry = self.actors.get(name)
        return self.entities.get(entry.entity) if entry else None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    layer: str  # ACTOR | LOCATION
    label: str
    score: float
    entity: str | None = None
    mention: str | None = None


# --- loading -----------------------------------------------------------------------------------


def load_registry(path: Path) -> dict[str, Entity]:
    """Read the entity registry (``{"entities": [{"id", "name", "type", "variants"}]}``)."""
    data = read_json(path)
    name = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InputError('expected an object with an "entities" list', name, "/")
    out: dict[str, Entity] = {}
    for i, e in enumerate(data["entities"]):
        where = f"/entities/{i}"
        if not isinstance(e, dict) or not isinstance(e.get("id"), str) or not isinstance(e.get("name"), str):
            raise InputError('each entity needs string "id" and "name"', name, where)
        if e["id"] in out:
            raise InputError(f"duplicate entity id {e['id']!r}", name, f"{where}/id")
        if not isinstance(e.get("type"), str) or e["type"] not in scheme.LABELS["ACTOR"]:
            raise InputError(f"type {e.get('type')!r} is not an ACTOR label", name, f"{where}/type")
        variants = e.get("variants") or []
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise InputError('"variants" must be a list of strings', name, f"{where}/variants")
        out[e["id"]] = Entity(e["id"], e["name"], e["type"], tuple(variants))
    return out


def looks_like_name(surface: str) -> bool:
    words = re.findall(r"[^\W\d_]+", surface)
    return bool(words) and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def registry_actors(entities: dict[str, Entity]) -> dict[str, ActorEntry]:
    """Surface string -> actor entry from every entity's name and variants (ambiguous strings dropped)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        for s in (e.name, *e.variants):
            s = s.strip()
            if len(s) >= 2:
                seen[s].add(e.id)
    out = {}
    for s, ids in seen.items():
        if len(ids) != 1:
            continue
        e = entities[next(iter(ids))]
        name = looks_like_name(s)
        out[s] = ActorEntry(e.type, e.id, "NAME" if name else "NOMINAL", 0.8 if name else 0.6)
    return out


def load_gold(annotations_dir: Path, manifest_path: Path, clean_dir: Path, splits=("train",)) -> list[tuple[str, str, list[dict]]]:
    """(doc_id, clean text, spans) of every gold annotation file whose document is in ``splits``.

    Only spans made or checked by people (origin ``manual``/``adjudicated``) count.
    """
    from newscorpus.corpus.manifest import read_manifest

    annotations_dir, manifest_path = Path(annotations_dir), Path(manifest_path)
    if not annotations_dir.is_dir() or not manifest_path.is_file():
        return []
    wanted = {d.doc_id for d in read_manifest(manifest_path) if d.split in splits}
    out = []
    for path in sorted(annotations_dir.glob("*.json")):
        if path.stem not in wanted:
            continue
        doc = read_json(path)
        if not isinstance(doc, dict) or doc.get("doc_id") != path.stem:
            continue
        clean = Path(clean_dir) / f"{path.stem}.txt"
        if not clean.is_file():
            continue
        text = read_text(clean)
        spans = [s for s in doc.get("spans", []) if isinstance(s, dict) and s.get("origin") in ("manual", "adjudicated")
                 and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
                 and text[s["start"] : s["end"]] == s.get("text")]
        out.append((path.stem, text, spans))
    return out


def _occurrences(texts: list[str], surface: str) -> int:
    # rf"(?<![\w-]){re.escape(surface)}(?![\w-])" matches, counted without compiling a pattern per string
    return sum(sum(1 for _ in word_spans(t, surface)) for t in texts)


def learn_from_gold(gold, entities: dict[str, Entity], *, min_precision: float = 0.5):
    """Actor strings and place names from gold spans, kept if annotated on >= min_precision of
    their occurrences in the training texts (and, for NOMINAL actors, in >= 2 documents)."""
    texts = [t for _, t, _ in gold]
    actor_votes: dict[str, Counter] = defaultdict(Counter)
    actor_docs: dict[str, set[str]] = defaultdict(set)
    loc_count: Counter = Counter()
    for doc_id, _, spans in gold:
        for s in spans:
            surface = s["text"]
            if s.get("layer") == "ACTOR" and s.get("entity") in entities:
                if entities[s["entity"]].type == s.get("label") and s.get("mention") in scheme.MENTION:
                    actor_votes[surface][(s["label"], s["entity"], s["mention"])] += 1
                    actor_docs[surface].add(doc_id)
            elif s.get("layer") == "LOCATION":
                loc_count[surface] += 1
    actors: dict[str, ActorEntry] = {}
    for surface, votes in actor_votes.items():
        (label, entity, mention), n = votes.most_common(1)[0]
        if n < sum(votes.values()) * 0.75:
            continue  # the same string stands for different entities
        if mention == "NOMINAL" and len(actor_docs[surface]) < 2:
            continue  # document-specific descriptions ("a senior official")
        occ = _occurrences(texts, surface)
        if occ and n / occ >= min_precision:
            actors[surface] = ActorEntry(label, entity, mention, round(min(0.9, 0.5 + 0.4 * n / occ), 2))
    locations: dict[str, float] = {}
    for surface, n in loc_count.items():
        occ = _occurrences(texts, surface)
        if occ and n / occ >= min_precision:
            locations[surface] = round(min(0.9, 0.5 + 0.4 * n / occ), 2)
    return actors, locations


def build_gazetteer(registry: Path | None, *, annotations_dir: Path | None = None, manifest: Path | None = None,
                    clean_dir: Path | None = None, splits=("train",), gold: list | None = None) -> Gazetteer:
    """Registry entities + learned strings from the gold of ``splits`` + built-in places.
    ``gold``: that gold already read (``load_gold``), so a caller that needs it too reads it once."""
    entities = load_registry(registry) if registry is not None else {}
    actors = registry_actors(entities)
    locations = {name: 0.7 for name in BUILTIN_LOCATIONS}
    if gold is None and annotations_dir is not None and manifest is not None and clean_dir is not None:
        gold = load_gold(annotations_dir, manifest, clean_dir, splits)
    if gold is not None:
        learned_actors, learned_locations = learn_from_gold(gold, entities)
        for surface, entry in learned_actors.items():
            actors.setdefault(surface, entry)
        locations.update(learned_locations)
    return Gazetteer(entities, actors, locations)


# --- matching ----------------------------------------------------------------------------------


def _find_all(text: str, surfaces) -> list[tuple[int, int, str]]:
    """Occurrences of any surface string as whole words (not inside hyphenated compounds)."""
    out = []
    for s in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w\-‐]){re.escape(s)}(?![\w\-‐])", text):
            out.append((m.start(), m.end(), s))
    return out


_PREV_WORD = re.compile(r"([\w’'-]+)\W*$")
_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
# "the border with X", "the border zone/area/region with X": the frontier is a place, so is X
_BORDERS_BEFORE = re.compile(r"\b(?:borders?|boundary|boundaries|frontiers?)(?:\s+(?:zone|zones|area|areas|region|regions|crossing|crossings|town|towns|"
                             r"district|districts|strip|line))?\s+(?:with|of)\s+$"
                             r"|\b(?:borders|bordering|bordered\s+by)\s+(?:the\s+)?$")  # "a province which borders X": the verb
_TO_BEFORE = re.compile(r"\bto\s*$")
_CONJUNCT_BEFORE = re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),?\s+(?:and|or)\s+(?:the\s+)?$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m.group(1) if m else ""


_STATE_ADJECTIVES = {"neighbouring", "neighboring", "rival", "allied", "fellow", "regional"}
_TIES = re.compile(r"\b(?:linked|tied|ties|allied|loyal|close|links|relations|support|aid|pressure)\s+(?:to|with|for|on|from)\s+$")
_AIMED_AT = re.compile(r"\b(?:fired|launched|launching|firing|aimed|directed|lobbed)\b[^.;]{0,60}\bat\s+$")
_STATE_VERBS = set(
    "prepares prepared plans planned hopes hoped seeks faces faced remains continues continued denies rejects "
    "accepts accepted agrees expects expected hosts hosted joins joined signs signed calls called urges recalled "
    "summoned expelled condemned condemns welcomed welcomes backed backs supported supports deployed deploys "
    "responded responds vowed pledged pledges announced announces imposed imposes closed closes reopened".split()
)


def _country_role(text: str, start: int, end: int) -> str | None:
    """LOCATION / ACTOR / None for a string that is both a place and a state (decision 4)."""
    window = text[max(0, start - 80) : start]
    if _TIES.search(window) or _AIMED_AT.search(window):
        return "ACTOR"  # "linked to Israel", "launched 74 drones at Ukraine": a party or a target
    prev = "" if _is_sentence_start(text, start) else _prev_word(text, start)  # (not the last sentence's word)
    if prev.lower() in _STATE_ADJECTIVES:  # "accused neighbouring Rwanda"
        prev = _prev_word(text, start - len(prev) - 1)
    if prev == "the" and re.search(r"\b(?:and|or)\s+the\s+$", text[max(0, start - 12) : start]):
        prev = "and"  # "with France and the United States": the article does not end the coordination
    following = text[end : end + 3]
    nxt = _next_word(text, end)
    if prev.lower() in DIRECTIONS or _BORDERS_BEFORE.search(text[max(0, start - 30) : start]):
        return "LOCATION"
    if prev.lower() == "of":
        return None
    if prev.lower() in ("and", "or"):  # a second conjunct is a place too in "the border with X and Y",
        m = _CONJUNCT_BEFORE.search(text, max(0, start - 60), start)  # "northern X and Y" (not "troops from X and Y")
        if m and (_prev_word(text, m.start(1)).lower() in DIRECTIONS
                  or _BORDERS_BEFORE.search(text[max(0, m.start(1) - 30) : m.start(1)])):
            return "LOCATION"
    if prev.lower() in LOCATIVE_PREPS and following.startswith(("’s", "'s")) and _possessed_head_role(text, end):
        return "ACTOR"  # "deaths in Ankara's campaign against ...": the state owning an organ or a campaign acts
    if prev.lower() in LOCATIVE_PREPS:
        if prev.lower() == "of" or _TO_BEFORE.search(text[max(0, start - 4) : start]):
            return None
        return "LOCATION"
    if following.startswith(("’s", "'s")):
        return _possessive_role(nxt_after_possessive(text, end)) or _possessed_head_role(text, end)
    if prev.lower() in ACTOR_PREPS:
        return "ACTOR"
    if nxt.lower() in VERBISH or nxt.lower() in _STATE_VERBS:
        return "ACTOR"
    if _is_sentence_start(text, start) and (nxt.lower() == "and" or (nxt[:1].islower() and nxt.lower() not in LOCATIVE_PREPS
                                                                    and nxt.lower() not in {"of", "to", "for", "is", "as"})):
        return "ACTOR"  # a sentence subject: "Israel kills ...", "Israel and Hamas have ..."
    return None


_ORGAN_WORDS = {"supreme", "leader", "defence", "defense", "prime", "president", "foreign", "army", "military",
                "government", "minister", "ministry", "killing", "assassination", "attack", "strike", "strikes",
                "response", "retaliation", "air", "security", "intelligence", "islamic", "mossad", "idf"}
_NON_STATE_WORDS = {"hezbollah", "hamas", "huthi", "houthi", "houthis", "hashed", "cardiff", "litani", "islamic-jihad"}


def _demonym_head(text: str, end: int) -> bool:
    """Is the noun after a demonym one that makes the demonym an actor of its own (decision 1)?"""
    words = re.findall(r"[\w-]+", text[end : end + 40])[:2]
    if not words:
        return False
    if words[0].lower() == "air":
        return len(words) > 1 and words[1].lower() in {"strike", "strikes", "raid", "raids", "attack", "attacks"}
    return words[0].lower() in DEMONYM_HEADS


def nxt_after_possessive(text: str, end: int) -> str:
    m = re.match(r"(?:’s|'s)\s+([\w-]+)", text[end : end + 60])
    return m.group(1) if m else ""


def _possessive_role(word: str) -> str | None:
    """``Iran’s supreme leader`` -> ACTOR; ``Lebanon’s Hezbollah`` -> LOCATION (guidelines)."""
    low = word.lower()
    if low in _NON_STATE_WORDS:
        return "LOCATION"
    if low in _ORGAN_WORDS:
        return "ACTOR"
    return None


# heads of a possessed phrase that are a state's own organ or office holder ("Kenya's health ministry",
# "Chad's parliament speaker"): the country is then the ACTOR that owns them (guidelines)
_ORGAN_HEADS = {"ministry", "ministries", "government", "parliament", "cabinet", "presidency", "president", "speaker",
                "army", "military", "forces", "troops", "navy", "police", "officials", "authorities", "minister",
                "leader", "leadership", "embassy", "ambassador", "envoy", "delegation", "spokesman", "spokeswoman",
                "spokesperson", "agency", "intelligence", "junta", "regime", "administration", "negotiators", "foreign",
                # a state's diplomats and commands ("Pakistan's chargé d'affaires", "Peru's Joint Command")
                "chargé", "charge", "consul", "consulate", "diplomats", "command", "soldiers", "guards", "defence", "defense",
                # a state's own campaigns ("Ankara's long campaign against the PKK", "Russia's invasion")
                "campaign", "offensive", "invasion", "bombardment", "blockade", "staff", "authority"}
_POSSESSED = re.compile(r"(?:’s|'s)((?:\s+[\w-]+){1,4})")
_NOT_IN_POSSESSED = {"and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "said", "says", "was", "is",
                     "has", "had", "who", "which", "that", "the", "a", "an",
                     # a new clause ("in Cameroon's Northwest as army raids ..."): the possessed phrase has ended
                     "as", "while", "after", "before", "when", "but", "since", "amid", "where", "if"}


def _possessed_head_role(text: str, end: int) -> str | None:
    """ACTOR when the phrase after ``X’s`` (up to three words, to the first function word) holds a
    state organ (``Kenya’s Interior Ministry said``); else None."""
    m = _POSSESSED.match(text, end, end + 60)
    if not m:
        return None
    words = m.group(1).split()
    joined = 0  # (up to three words besides a name's inner "and")
    for k, w in enumerate(words):
        low = w.lower()
        if low == "and" and 0 < k < len(words) - 1 and words[k - 1][:1].isupper() and words[k + 1][:1].isupper():
            joined = 1
            continue  # "Israel's Fire and Rescue Authority": the "and" inside a body's name
        if low in _NOT_IN_POSSESSED or k - joined >= 3:
            break
        if low in _ORGAN_HEADS:
            return "ACTOR"
    return None


# attributive abbreviations that follow the demonym rule (guidelines: ``U.S. officials``)
ATTRIBUTIVE_ABBREVIATIONS = {"U.S.", "US", "U.S", "UK", "U.K."}


def find_places_and_actors(text: str, gaz: Gazetteer) -> list[Match]:
    """LOCATION and ACTOR matches: longest first; ACTORs may nest inside NOMINAL actors."""
    tokens = tokenize(text)
    taken: list[tuple[int, int]] = []
    out: list[Match] = []

    def free(s, e):
        return not any(s < te and ts < e for ts, te in taken)

    # 1. places with a directional modifier: "southern Lebanon", "northern Israel"
    for start, end, surface in _find_all(text, gaz.locations):
        prev = re.search(rf"\b({'|'.join(DIRECTIONS)})\s+$", text[max(0, start - 20) : start], re.IGNORECASE)
        if prev:
            s = start - len(prev.group(0))
            if free(s, end):
                taken.append((s, end))
                out.append(Match(s, end, text[s:end], "LOCATION", "LOCATION", 0.85))

    # 2. every known string, longest first (and datelines in capitals: "BEIRUT —")
    candidates = []
    for start, end, surface in _find_all(text, set(gaz.actors) | set(gaz.locations)):
        candidates.append((start, end, surface))
    upper = {name.upper(): name for name in gaz.locations if len(name) >= 4 and name.upper() != name}
    for start, end, surface in _find_all(text, upper):
        if re.match(r"\s*[—–-]", text[end : end + 3]):
            candidates.append((start, end, surface))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for start, end, surface in candidates:
        if not free(start, end):
            continue
        actor = gaz.actors.get(surface)
        place = gaz.locations.get(surface)
        if surface.isupper() and surface not in gaz.locations and surface not in gaz.actors:
            out.append(Match(start, end, surface, "LOCATION", "LOCATION", 0.7))
            taken.append((start, end))
            continue
        if actor and place is not None:
            role = _country_role(text, start, end)
            if role == "LOCATION":
                out.append(Match(start, end, surface, "LOCATION", "LOCATION", 0.7))
            elif role == "ACTOR":
                out.append(Match(start, end, surface, "ACTOR", actor.label, 0.65, actor.entity, actor.mention))
            else:
                continue
        elif actor:
            if actor.mention == "NAME" and not surface[:1].isupper():
                continue
            if surface in ATTRIBUTIVE_ABBREVIATIONS or surface in DEMONYMS:
                nxt = _next_word(text, end)
                if surface in DEMONYMS and not _demonym_head(text, end):
                    continue  # "Israeli forces", "Israeli officials": one NOMINAL, not annotated here
                if surface in ATTRIBUTIVE_ABBREVIATIONS and nxt[:1].isalpha() and nxt.lower() not in VERBISH and not _demonym_head(text, end):
                    continue  # "U.S. officials", "U.S. Secretary of State": inside an actor phrase
            out.append(Match(start, end, surface, "ACTOR", actor.label, actor.score, actor.entity, actor.mention))
        else:
            role = _country_role(text, start, end)
            if surface in COUNTRIES and role != "LOCATION":
                continue  # a country is a place only where it is territory (decision 4)
            if surface in CAPITALS and role == "ACTOR":
                continue  # "Washington said": metonymy for a state
            out.append(Match(start, end, surface, "LOCATION", "LOCATION", place))
        taken.append((start, end))

    # 3. names nested in NOMINAL actors ("senior Hezbollah commander" -> "Hezbollah")
    for m in [m for m in out if m.layer == "ACTOR" and m.mention == "NOMINAL"]:
        inner = text[m.start : m.end]
        for s, e, surface in _find_all(inner, [a for a, entry in gaz.actors.items() if entry.mention == "NAME"]):
            if (s, e) != (0, len(inner)):
                entry = gaz.actors[surface]
                out.append(Match(m.start + s, m.start + e, surface, "ACTOR", entry.label, entry.score, entry.entity, "NAME"))

    # 4. demonyms standing for a state before a non-actor noun (decision 1)
    for t_i, tok in enumerate(tokens):
        country = DEMONYMS.get(tok.text)
        if not country or not free(tok.start, tok.end) or t_i + 1 >= len(tokens):
            continue
        entry = gaz.actors.get(country)
        if entry is None or entry.label != "STATE":
            continue
        nxt = tokens[t_i + 1]
        nxt2 = tokens[t_i + 2].lower if t_i + 2 < len(tokens) else ""
        if nxt.lower == "air" and nxt2 not in {"strike", "strikes", "raid", "raids", "attack", "attacks"}:
            continue  # "Israeli air defenses" is an actor phrase
        if nxt.lower in DEMONYM_HEADS:
            out.append(Match(tok.start, tok.end, tok.text, "ACTOR", "STATE", 0.6, entry.entity, "NAME"))
            taken.append((tok.start, tok.end))

    # 5. surnames of persons named in full earlier in the document ("Hochstein", "Saad")
    surnames: dict[str, ActorEntry] = {}
    first_seen: dict[str, int] = {}
    for m in out:
        if m.layer == "ACTOR" and m.label == "PERSON" and m.mention == "NAME" and " " in m.text:
            last = m.text.split()[-1]
            if len(last) > 2 and last not in gaz.actors and last not in gaz.locations:
                surnames.setdefault(last, gaz.actors.get(m.text) or ActorEntry("PERSON", m.entity, "NAME", 0.7))
                first_seen[last] = min(first_seen.get(last, m.start), m.start)
    for start, end, surface in _find_all(text, surnames):
        if start > first_seen[surface] and free(start, end):
            entry = surnames[surface]
            out.append(Match(start, end, surface, "ACTOR", "PERSON", 0.7, entry.entity, "NAME"))
            taken.append((start, end))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _is_sentence_start(text: str, i: int) -> bool:
    while i and text[i - 1] == " ":  # text[:i].rstrip(" ") without copying the text
        i -= 1
    return not i or text[i - 1] in ".!?\n“\"‘"
