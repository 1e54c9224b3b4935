"""EVENT rules: a trigger lexicon and realis cues (the argument links are in ``arguments``).

The built-in lexicon is the scheme's typical triggers with their inflections and the
compounds of decision 6 (``drone strike``, ``rocket fire``, ``ceasefire talks``); it can be
extended with triggers learned from training gold (``learn_triggers``), kept only where they
were annotated on at least half of their occurrences. Purpose phrases (``in response to``,
``in retaliation for``, ``to avenge``) are not events (decision 7).

Realis comes from the nearest cue in the few words before the trigger: negation
(``not``, ``no``, ``without``) -> NEGATED; modality or wish (``would``, ``could``, ``may``,
``threatened to``, ``fears of``, ``avert``, ``prevent``, ``potential``, ``seeking``)
-> HYPOTHETICAL; ``will``, ``plan to``, ``preparing`` -> PLANNED, and announced retaliation
(``would retaliate``, ``vowing revenge``) -> PLANNED; else ACTUAL.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newscorpus.annotate import scheme
from newscorpus.preannotate import figures
from newscorpus.preannotate.tokens import Token, looks_plural, sentence_bounds, tokenize

# trigger (lowercase, space-separated tokens) -> (label, score)
_LEXICON_SOURCE = {
    "ATTACK": ("strike strikes struck striking airstrike airstrikes air-strike air-strikes barrage barrages salvo "
               "salvos attack attacks attacked shelling shelled bombing bombings bombardment raid raids assault "
               "retaliation punishment revenge retaliate retaliated response targeted destroyed"
               "|drone strike|drone strikes|air strike|air strikes|missile strike|missile strikes|rocket fire|"
               "rocket attack|rocket attacks|drone attack|drone attacks|fired|firing|shooting|shootings|shooting at"
               "|ground offensive|ground offensives|ground operation|ground operations|ground invasion|ground incursion"
               "|ground attack|ground attacks|air campaign|bombing campaign|shots|gunshots|warning shots"
               "|car bombing|car bombings|suicide bombing|suicide bombings|set on fire|sets on fire|setting on fire"
               "|revenge attack|revenge attacks|reprisal attack|reprisal attacks"),
    "KILLING": "killed killing killings assassinated assassination assassinations eliminated death deaths martyred"
               "|payback killing|payback killings|revenge killing|revenge killings|reprisal killing|reprisal killings",
    "INJURY": ("injured wounded injuries injuring wounding casualties|shrapnel wounds|shrapnel wound|shrapnel injuries|"
               "gunshot wounds|gunshot wound|stab wounds|bullet wounds"),
    "CONFLICT": ("war wars fighting clashes clash hostilities conflict violence gunfire"
                 "|exchange of fire|exchanges of fire|cross-border fire|ground war|exchange fire|exchanging fire"
                 "|gunfight|gunfights|firefight|firefights|shootout|shootouts|gun battle|gun battles"
                 "|exchanged shots|exchange shots|exchanging shots|traded shots|trading shots"),
    "INTERCEPTION": "intercepted interception interceptions intercepting|shooting down",
    "DISPLACEMENT": "displaced fled flee fleeing displacement",
    "MEETING": "met meeting meetings hosted hosts talks visit visited summit trip tour",
    "NEGOTIATION": "negotiations negotiating negotiate mediation proposal revisions|ceasefire talks|cease-fire talks|truce talks"
                    "|peace talks|peace negotiations",
    "AGREEMENT": ("ceasefire cease-fire truce deal agreement arrangement treaty|hostage deal|ceasefire deal|cease-fire deal"
                  "|peace deal|peace deals|peace agreement|peace agreements|peace accord|peace accords|peace treaty"),
    "THREAT": "threatened threat threats threatening vowed vowing vow vows warned",
    "WITHDRAWAL": "withdraw withdrawal withdrew withdrawn|pulled back|pull back|pulled out",
    "RELEASE": "release released",
}
_LOW_CONFIDENCE = {"response", "death", "deaths", "conflict", "violence", "visit", "deal", "agreement", "threat",
                   "threats", "warned", "firing", "clash", "release", "released", "withdraw", "vow", "vows",
                   "revenge", "punishment", "retaliate", "retaliated", "hosts", "threatening", "destroyed", "targeted",
                   "trip", "tour", "proposal", "revisions", "arrangement", "shots"}
_RETALIATION = {"retaliation", "punishment", "revenge", "retaliate", "response", "respond", "strike", "attack"}
_ANNOUNCING = {"would", "will", "bound", "vowing", "vowed", "vow", "threatened", "threatening", "ll", "promised"}


def _build_lexicon() -> dict[tuple[str, ...], tuple[str, float]]:
    """Each source is ``single words|multi word phrase|...``."""
    lex: dict[tuple[str, ...], tuple[str, float]] = {}
    for label, source in _LEXICON_SOURCE.items():
        assert label in scheme.LABELS["EVENT"], label
        words, *phrases = source.split("|")
        for item in [*words.split(), *phrases]:
            toks = tuple(item.split())
            score = 0.5 if len(toks) == 1 and toks[0] in _LOW_CONFIDENCE else (0.75 if len(toks) > 1 else 0.65)
            lex[toks] = (label, score)
    return lex


BUILTIN_LEXICON = _build_lexicon()

# trigger lemmas of general English conflict reporting -> (label, score); every inflection that
# spaCy's lemma table maps to the lemma is a trigger ("fought" -> fight, "neutralised" -> neutralise)
LEMMA_TRIGGERS: dict[str, tuple[str, float]] = {
    **dict.fromkeys("attack strike shell bomb raid assault storm pound bombard offensive explosion blast ambush "
                    "airstrike incursion reprisal counteroffensive counter-offensive overrun detonate".split(), ("ATTACK", 0.6)),
    **dict.fromkeys("hit target seize punish".split(), ("ATTACK", 0.45)),
    **dict.fromkeys("kill assassinate eliminate neutralise neutralize massacre execute behead genocide slaughter murder".split(),
                    ("KILLING", 0.65)),
    **dict.fromkeys("die".split(), ("KILLING", 0.45)),
    **dict.fromkeys("injure wound hurt maim".split(), ("INJURY", 0.65)),
    **dict.fromkeys("fight clash battle siege blockade hostility insurgency skirmish feud".split(), ("CONFLICT", 0.6)),
    **dict.fromkeys("intercept".split(), ("INTERCEPTION", 0.7)),
    **dict.fromkeys("displace flee uproot".split(), ("DISPLACEMENT", 0.6)),
    **dict.fromkeys("meet host summit".split(), ("MEETING", 0.5)),
    **dict.fromkeys("withdraw retreat".split(), ("WITHDRAWAL", 0.55)),
    **dict.fromkeys("threaten vow".split(), ("THREAT", 0.55)),
    **dict.fromkeys("release free".split(), ("RELEASE", 0.4)),
}
_PHRASE_TRIGGERS = {("shot", "down"): "INTERCEPTION", ("shoot", "down"): "INTERCEPTION",
                    ("set", "fire"): "ATTACK", ("ground", "assault"): "ATTACK",
                    ("air", "support"): "ATTACK", ("set", "ablaze"): "ATTACK",
                    **dict.fromkeys([(v, "fire") for v in ("open", "opens", "opened", "opening", "return", "returns",
                                                          "returned", "returning", "sets", "setting")], "ATTACK"),
                    **dict.fromkeys([(v, "fire") for v in ("trade", "traded", "trading", "exchanged")], "CONFLICT"),
                    **dict.fromkeys([(v, "at") for v in ("shot", "shoot", "shoots")], "ATTACK"),
                    ("shot", "dead"): "KILLING", ("gunned", "down"): "KILLING"}
# verbs whose event depends on their neighbours (see _context_trigger)
_LEAVE = {"leave", "leaves", "left", "leaving"}
_EVACUATE = {"evacuate", "evacuates", "evacuated", "evacuating", "evacuation", "evacuations"}
_ARSON = {"torch", "torches", "torched", "torching", "burned", "burnt"}
_FLAMES = {"fire", "fires", "blaze", "blazes", "flames", "wildfire", "wildfires", "that", "which"}
_PEOPLE_PRONOUNS = {"i", "we", "he", "she", "they", "you", "nobody", "everyone", "others", "him", "her", "them", "us"}
_BURNED_OBJECT_START = {"it", "them", "at", "some", "more", "about", "nearly", "over", "scores", "many", "cars", "buses",
                        "trucks", "shops", "stalls", "tyres", "tires"}
_MEDICAL = {"hospital", "hospitals", "medical", "clinic", "center", "centre", "treatment", "ambulance", "helicopter"}
_ORDERING = {"ordered", "order", "orders", "ordering", "told", "telling", "tell", "forced", "forcing", "urged",
             "urging", "asked", "instructed", "warned", "warning", "warnings", "called", "calls"}
_HOMES = {"home", "homes", "house", "houses", "village", "villages", "town", "towns", "city", "cities", "land",
          "farms", "neighbourhood", "neighborhood", "area", "areas", "region", "valley", "country", "camp", "camps",
          "hamlet", "hamlets", "settlement", "settlements", "neighbourhoods", "neighborhoods", "district", "districts",
          "north", "south", "east", "west"}
_LEAVERS = {"we", "i", "they", "thousands", "hundreds", "dozens", "many", "most", "others", "everyone", "nobody"}
_AFTER_LEAVING = {"for", "with", "since", "within", "before", "after", "en", "because", "as", "when", "and", "or", "on",
                  "too"}
_OBJECT_START = {"the", "a", "an", "their", "his", "her", "its", "dozens", "hundreds", "several", "down", "two",
                 "three", "four", "five", "six", "seven", "eight", "nine", "ten", "homes", "houses", "vehicles"}
_LAUNCH = {"launch", "launched", "launches", "launching", "fire", "fires", "fired", "drop", "dropped", "dropping",
           "drops", "lobbed"}
_IMPACT = {"fell", "fall", "falls", "falling", "landed", "land", "lands", "landing", "slammed", "rained", "exploded",
           "crashed"}
# verbs of force whose subject a munition noun can be ("a shell hit the house"): the verb is the trigger
_MUNITION_VERBS = _IMPACT | {"hit", "hits", "struck", "strikes", "explodes", "exploding", "destroyed", "damaged", "killed"}
_MUNITION_WORDS = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "shell", "shells", "mortar",
                   "mortars", "projectile", "projectiles", "bomb", "bombs", "grenade", "grenades", "artillery",
                   "device", "devices", "ied", "ieds"}
_NEGOTIATION_CUES = {"peace", "ceasefire", "cease-fire", "truce", "deal", "agreement", "negotiations", "accord"}
_HELD = {"held", "abducted", "kidnapped", "captured", "seized", "taken"}
_FREE_NEEDS = {"hostage", "hostages", "prisoner", "prisoners", "captive", "captives", "detainee", "detainees"}

NEGATION = {"not", "no", "never", "without", "neither", "nor", "t", "denied", "nothing"}
HYPOTHETICAL = {"would", "could", "might", "may", "can", "if", "avert", "prevent", "avoid", "risk", "fears", "fear",
                "feared", "possible", "potential", "likely", "threatened", "threatens", "seek", "seeking", "sought",
                "wants", "want", "hope", "hopes", "efforts", "effort", "bid", "unless", "towards", "toward",
                "demanding", "demands", "push", "calls", "called", "urged", "spark", "sparking", "trigger",
                "forge", "reach", "reaching", "whether", "proposed"}
PLANNED = {"will", "ll", "plan", "plans", "planned", "planning", "preparing", "prepare", "prepared", "scheduled",
           "going", "expected", "set"}
_CLAUSE_BREAK = {",", ";", ":", "—", "–", "“", "”", '"', "(", ")", "."}
_PURPOSE = [("in", "response", "to"), ("in", "retaliation", "for"), ("in", "retaliation"), ("in", "revenge", "for"),
            ("in", "response")]
_PURPOSE_WORDS = {w for phrase in _PURPOSE for w in phrase}  # a trigger outside these is in no purpose phrase


@dataclass(frozen=True)
class Event:
    start: int
    end: int
    text: str
    label: str
    realis: str
    score: float
    arguments: list = field(default_factory=list)  # (role, span key) filled by link_arguments


def learn_triggers(gold, *, min_precision: float = 0.5) -> dict[tuple[str, ...], tuple[str, float]]:
    """Trigger strings from training gold EVENT spans, kept if annotated (with their majority
    label) on >= min_precision of their occurrences in the training texts."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    texts = []
    for _, text, spans in gold:
        texts.append(text)
        for s in spans:
            if s.get("layer") == "EVENT" and s.get("label") in scheme.LABELS["EVENT"]:
                votes[tuple(t.lower for t in tokenize(s["text"]))][s["label"]] += 1
    counts: Counter = Counter()
    lengths = {len(key) for key in votes}
    for text in texts:
        low = [t.lower for t in tokenize(text)]
        for n in lengths:  # each n-gram of the text once, not once per trigger (same counts)
            if n == 0:
                counts[()] += len(low) + 1
                continue
            for i in range(len(low) - n + 1):
                key = tuple(low[i : i + n])
                if key in votes:
                    counts[key] += 1
    out = {}
    for key, v in votes.items():
        label, n = v.most_common(1)[0]
        if key and counts[key] and n / counts[key] >= min_precision and n >= 0.75 * sum(v.values()):
            out[key] = (label, round(min(0.85, 0.45 + 0.4 * n / counts[key]), 2))
    return out


def _realis(tokens: list[Token], i: int) -> str:
    # max(sentence start, i - 6): the first of the six tokens before i in i's sentence (sentence
    # numbers never decrease, so at most six steps; sentence_bounds would bisect the whole text)
    lo, sent = max(0, i - 6), tokens[i].sent
    while tokens[lo].sent != sent:
        lo += 1
    for k in range(i - 1, lo - 1, -1):
        t = tokens[k]
        if t.text in _CLAUSE_BREAK:
            break
        low = t.lower
        if low in NEGATION or low.endswith("n't"):
            return "NEGATED"
        if low in _ANNOUNCING and tokens[i].lower in _RETALIATION:
            return "PLANNED"  # announced retaliation (guidelines: realis decisions)
        if low in HYPOTHETICAL:
            return "HYPOTHETICAL"
        if low == "to" and k == i - 1 and tokens[i].lower in {"withdraw", "retaliate", "negotiate", "flee", "release",
                                                               "strike", "attack", "vow", "visit"}:
            return "HYPOTHETICAL"
        if low in PLANNED:
            return "PLANNED"
    return "ACTUAL"


def find_events(text: str, lexicon=None, tokens: list[Token] | None = None) -> list[Event]:
    """Event triggers in ``text``, longest lexicon match first, with realis."""
    lexicon = lexicon if lexicon is not None else BUILTIN_LEXICON
    tokens = tokens if tokens is not None else tokenize(text)
    low = [t.lower for t in tokens]
    max_len = max((len(k) for k in lexicon), default=1)
    firsts = {k[0] for k in lexicon if k}
    out: list[Event] = []
    i = 0
    from newscorpus.preannotate.knowledge import knowledge

    kb = knowledge()
    forms = _trigger_forms(kb)
    # only a lexicon entry's first word or a trigger lemma's form can start an event: jump between them
    starts = [k for k, w in enumerate(low) if w in firsts or w in forms]
    while True:
        c = bisect_left(starts, i)
        if c == len(starts):
            break
        i = starts[c]
        if low[i] not in firsts:
            lemma_hit = _lemma_trigger(tokens, low, i, kb) if low[i] in forms else None  # (its first test, hoisted)
            if lemma_hit is not None:
                n, label, score = lemma_hit
                label = _relabel(tokens, low, i, label)
                if not _skip(tokens, low, i, n):
                    start, end = tokens[i].start, tokens[i + n - 1].end
                    out.append(Event(start, end, text[start:end], label, _realis(tokens, i), score, []))
                i += n
                continue
            i += 1
            continue
        hit = None
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            key = tuple(low[i : i + n])
            if key in lexicon:
                hit = (n, *lexicon[key])
                break
        if hit is None:
            lemma_hit = _lemma_trigger(tokens, low, i, kb)  # "ground assault": a phrase the lexicon's "ground war" shadows
            if lemma_hit is not None and not _skip(tokens, low, i, lemma_hit[0]):
                n, label, score = lemma_hit
                start, end = tokens[i].start, tokens[i + n - 1].end
                out.append(Event(start, end, text[start:end], label, _realis(tokens, i), score, []))
                i += n
                continue
            i += 1
            continue
        n, label, score = hit
        if _skip(tokens, low, i, n):
            i += n
            continue
        start, end = tokens[i].start, tokens[i + n - 1].end
        if label == "MEETING" and low[i] == "talks" and not _talks_between_named(tokens, low, i):
            label = "NEGOTIATION"  # "ceasefire talks", "a return to talks", "the talks would not go ahead": bargaining
        label = _relabel(tokens, low, i, label)
        out.append(Event(start, end, text[start:end], label, _realis(tokens, i), score, []))
        i += n
    out = _wounds_to_the_body(out, tokens, low)
    out = _munition_compounds(out, tokens, low, text)
    return _one_attack_per_noun_and_verb(out, tokens, low)


_EXPLOSIVES = {"mine", "mines", "landmine", "landmines", "bomb", "grenade", "ied", "drone", "rocket", "missile", "mortar",
               "shell", "artillery"}
_BLAST_NOUNS = {"blast", "blasts", "explosion", "explosions", "hit", "hits"}


def _munition_compounds(out: list[Event], tokens: list[Token], low: list[str], text: str) -> list[Event]:
    """An explosion noun keeps the munition noun before it that names its kind (decision 6, as
    ``drone strike``): ``Landmine blast under minibus``, ``a bomb explosion``, ``Drone hit on a plant``
    (``hit`` a noun: ``on`` follows)."""
    for k, e in enumerate(out):
        if e.label != "ATTACK" or " " in e.text:
            continue
        i = bisect_left(tokens, e.start, key=figures._start_of)
        if not i or low[i] not in _BLAST_NOUNS or low[i - 1] not in _EXPLOSIVES or tokens[i - 1].sent != tokens[i].sent:
            continue
        if low[i] in {"hit", "hits"} and (i + 1 >= len(low) or low[i + 1] != "on"):
            continue
        start = tokens[i - 1].start
        out[k] = Event(start, e.end, text[start:e.end], e.label, e.realis, e.score, e.arguments)
    return out


# a wound's place on the body: "hit in the shoulder", "shot in the leg" name an injury, not an attack
_BODY_PARTS = {"head", "neck", "face", "eye", "chest", "back", "shoulder", "shoulders", "arm", "arms", "hand", "hands",
               "leg", "legs", "foot", "feet", "knee", "thigh", "stomach", "abdomen", "hip", "jaw", "side"}
_WOUND_VERBS = {"hit", "shot", "struck", "shooting"}


def _body_wound(low: list[str], i: int) -> bool:
    """Is the verb at i followed, after at most three words of its object, by ``in the/his/her/their
    <body part>`` (``shot in the leg``, ``shooting one driver in the leg``)?"""
    for k in range(i + 1, min(i + 5, len(low) - 2)):
        if low[k] == "in":
            return low[k + 1] in {"the", "his", "her", "their", "one", "both"} and low[k + 2] in _BODY_PARTS
        if not low[k].isalpha():
            return False
    return False


def _wounds_to_the_body(out: list[Event], tokens: list[Token], low: list[str]) -> list[Event]:
    """``hit``/``shot``/``struck`` + ``in the <body part>``: an INJURY (the attack, if any, has its own
    trigger); a ``shot`` the lexicon does not list is added as one."""
    at = {e.start: k for k, e in enumerate(out)}
    added = False
    for i, w in enumerate(low):
        if w not in _WOUND_VERBS or not _body_wound(low, i):
            continue
        k = at.get(tokens[i].start)
        if k is not None:
            if out[k].label == "ATTACK":
                e = out[k]
                out[k] = Event(e.start, e.end, e.text, "INJURY", e.realis, e.score, e.arguments)
        elif w == "shot":
            out.append(Event(tokens[i].start, tokens[i].end, tokens[i].text, "INJURY", _realis(tokens, i), 0.6, []))
            added = True
    return sorted(out, key=lambda e: (e.start, e.end)) if added else out


# nouns naming an attack that take a verb of their own ("strikes hit", "fired a salvo")
_ATTACK_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "air-strike", "air-strikes", "shelling", "barrage",
                 "barrages", "salvo", "salvos", "bombardment", "raid", "raids", "bombing", "bombings", "shots",
                 "blast", "blasts", "explosion", "explosions"}
_NOUN_VERBS = {"hit", "hits", "struck", "destroyed", "damaged", "pounded", "pound", "pounding", "targeted", "fired",
               "launched"}
_BETWEEN_NOUN_AND_VERB = {"had", "have", "has", "also", "reportedly", "again", "then", "later", "to", "were", "was",
                          "been"}


_LANDING = {"slammed", "crashed", "smashed", "ploughed", "plowed", "fell", "landed", "exploded"}


def _one_attack_per_noun_and_verb(events: list[Event], tokens: list[Token], low: list[str]) -> list[Event]:
    """An attack noun and the verb that tells it are one event, whose trigger is the noun (decision
    6, ``a salvo of rockets was fired`` is one event, ``salvo``): ``Israeli strikes hit ...``,
    ``shelling had struck``, ``fired a barrage of rockets``: the verb is dropped."""
    drop = set()
    for a, b in zip(events, events[1:]):
        if a.label != "ATTACK" or b.label != "ATTACK":
            continue
        i = bisect_left(tokens, a.start, key=figures._start_of)
        j = bisect_left(tokens, b.start, key=figures._start_of)
        i_end = bisect_left(tokens, a.end, key=figures._start_of)  # the token after a's last
        between = low[i_end:j]
        if tokens[i].sent != tokens[j].sent or j - i_end > 4:
            continue
        if low[i_end - 1] in _ATTACK_NOUNS and low[j] in _NOUN_VERBS and len(between) <= 2 \
                and all(w in _BETWEEN_NOUN_AND_VERB for w in between):
            drop.add(id(b))  # "strikes had hit", "shelling hits"
        elif low[i] in {"fired", "launched"} and low[j] in _ATTACK_NOUNS and between in ([], ["a"], ["another"], ["the"]):
            drop.add(id(a))  # "fired a salvo of rockets", "fired shots"
        elif low[i_end - 1] in _ATTACK_NOUNS and low[j] in {"fired", "launched"} and between[:1] == ["of"] \
                and not any(w in _CLAUSE_BREAK for w in between):
            drop.add(id(b))  # "a barrage of rockets fired from Lebanon"
        elif low[i] in {"fired", "launched"} and i and low[i - 1] in _MUNITION_WORDS and low[j] in _LANDING \
                and not any(w in _CLAUSE_BREAK for w in between):
            drop.add(id(b))  # "a rocket fired from Lebanon slammed into a garden": the launch and its landing, one attack
    return [e for e in events if id(e) not in drop]


def _talks_between_named(tokens: list[Token], low: list[str], i: int) -> bool:
    """Are the ``talks`` at i between named parties (``talks between Kinshasa and Kigali``), a
    MEETING (guidelines: talks between named parties), with no deal in the sentence? Talks named
    with no parties, or about a deal, are the bargaining: NEGOTIATION."""
    if i + 2 >= len(tokens) or low[i + 1] != "between" or tokens[i + 2].sent != tokens[i].sent:
        return False
    named = tokens[i + 2] if low[i + 2] != "the" or i + 3 >= len(tokens) else tokens[i + 3]
    lo, hi = sentence_bounds(tokens, i)
    return named.is_title() and not any(low[k] in _NEGOTIATION_CUES for k in range(lo, hi)) \
        and not (i and low[i - 1].endswith(("brokered", "mediated")))


_ARMED_SUBJECTS = {"assailants", "attackers", "fighters", "militants", "rebels", "troops", "soldiers", "gunmen",
                   "insurgents", "jihadists", "forces", "militiamen", "raiders", "combatants", "they"}
_DOWNING = {"destroyed", "downed", "destroying", "downing"}
_AIRBORNE = {"drones", "missiles", "rockets", "projectiles", "uavs", "drone", "missile", "rocket"}
_AFTER_AIRBORNE = {",", ".", ";", "over", "in", "on", "at", "and", "that", "which", "launched", "fired", "aimed", "before",
                   "overnight", "during", "from", "heading", "targeting", "—"}


def _relabel(tokens: list[Token], low: list[str], i: int, label: str) -> str:
    """Labels a trigger word takes from its neighbours: ``assailants ... fled`` is a WITHDRAWAL
    (armed actors pulling back, not people forced from homes); ``destroyed 23 drones`` is an
    INTERCEPTION (airborne munitions brought down), not an attack."""
    if label == "DISPLACEMENT" and low[i] in {"fled", "flee", "fleeing"}:
        lo, _ = sentence_bounds(tokens, i)
        armed = [k for k in range(max(lo, i - 6), i) if low[k] in _ARMED_SUBJECTS]
        if armed and (low[armed[-1]] != "they" or any(low[k] in _ARMED_SUBJECTS - {"they"} for k in range(max(lo, i - 8), armed[-1]))) \
                and not any(tokens[k].text in _CLAUSE_BREAK for k in range(armed[-1], i)):
            return "WITHDRAWAL"
    if label == "KILLING" and low[i] in {"eliminated", "eliminate", "neutralised", "neutralized"} \
            and "until" in low[max(0, i - 7) : i] and not any(tokens[k].text in _CLAUSE_BREAK - {"“", '"'}
                                                                for k in range(max(0, i - 7), i)):
        return "ATTACK"  # decision 22: "until the last terrorist is eliminated", destroying a group as an aim
    if low[i] in _DOWNING:
        for k in range(i + 1, min(i + 5, len(low))):
            if low[k] in _AIRBORNE:
                if k + 1 >= len(low) or low[k + 1] in _AFTER_AIRBORNE or not tokens[k + 1].is_word():
                    return "INTERCEPTION"
                break
            if tokens[k].text in _CLAUSE_BREAK:
                break
    return label


_TRIGGER_FORMS: dict[int, tuple[object, frozenset]] = {}  # id(kb) -> (kb, forms): holding kb keeps its id unique


def _trigger_forms(kb) -> frozenset:
    """Every lowercase word that can start a lemma or phrase trigger (computed once)."""
    key = id(kb)
    if _TRIGGER_FORMS.get(key, (None,))[0] is not kb:
        forms = {w for w, lem in kb.lemmas.items() if lem in LEMMA_TRIGGERS} | set(LEMMA_TRIGGERS)
        forms |= {p[0] for p in _PHRASE_TRIGGERS} | _LAUNCH | _IMPACT | {w + "s" for w in LEMMA_TRIGGERS}
        forms |= _LEAVE | _EVACUATE | _ARSON | _FORCING | _ENTER | _RESPONDING | _SUMMONING
        forms |= {"went", "go", "goes", "gone", "burns", "smashed", "ploughed", "plowed", "dead", "pause"}
        forms |= {w + "ed" for w in LEMMA_TRIGGERS} | {w + "d" for w in LEMMA_TRIGGERS} | {w + "ing" for w in LEMMA_TRIGGERS}
        _TRIGGER_FORMS[key] = (kb, frozenset(forms))
    return _TRIGGER_FORMS[key][1]


def _lemma_trigger(tokens: list[Token], low: list[str], i: int, kb) -> tuple[int, str, float] | None:
    """A trigger the built-in lexicon lacks, by lemma or fixed phrase (see LEMMA_TRIGGERS)."""
    word = low[i]
    if word not in _trigger_forms(kb):
        return None
    if not tokens[i].is_word() or (tokens[i].is_title() and i and tokens[i - 1].sent == tokens[i].sent):
        return None
    nxt = low[i + 1] if i + 1 < len(low) else ""
    prev_word = low[i - 1] if i else ""
    if (word, nxt) in _PHRASE_TRIGGERS:
        return 2, _PHRASE_TRIGGERS[(word, nxt)], 0.65
    if word in _LEAVE or word in _EVACUATE or word in _ARSON or word == "burns":
        return _context_trigger(tokens, low, i, kb)
    if word in _LAUNCH and any(w in _MUNITION_WORDS for w in low[i + 1 : i + 6]):
        return 1, "ATTACK", 0.55  # "launched 74 drones": the launch is the attack
    if word == "launched" and _munitions_launched(tokens, low, i):
        return 1, "ATTACK", 0.5  # "the drone had been launched from", "one of about 25 launched toward": the launch
    if word in _IMPACT and i and low[i - 1] in _MUNITION_WORDS:
        return 1, "ATTACK", 0.55  # "the shells fell near ...": the impact is the attack
    if word == "exploded" and _munition_in_clause(tokens, low, i):
        return 1, "ATTACK", 0.5  # "the device, hidden in a drainage pipe, exploded under their truck"
    if word in _ENTER:
        return (1, "ATTACK", 0.5) if _armed_entry(tokens, low, i) else None
    if word in {"went", "go", "goes", "gone"} and nxt == "off" and _munition_in_clause(tokens, low, i):
        return 2, "ATTACK", 0.55  # "when the bomb went off"
    if word in _RESPONDING:
        return (1, "ATTACK", 0.45) if _armed_subject(tokens, low, i) is not None else None  # 'troops "responded"'
    if word in _SUMMONING and _DIPLOMATS.intersection(low[i + 1 : i + 5]):
        return 1, "MEETING", 0.5  # "summoned the Turkish chargé d'affaires": a diplomatic summons
    if word in {"slammed", "crashed", "smashed", "ploughed", "plowed"} and nxt == "into" \
            and _munition_in_clause(tokens, low, i):
        return 1, "ATTACK", 0.5  # "a drone launched from the sea slammed into a tower"
    if word in _MUNITION_WORDS and (nxt in _MUNITION_VERBS or any(w in _LAUNCH for w in low[max(0, i - 5) : i])):
        return None  # the verb next to it, or the launch before it, is the trigger ("a shell hit", "dropped 400 bombs")
    if word in _MUNITION_WORDS and not _munition_verb(tokens, low, i, kb):
        return None  # a munition noun names no event of its own ("a roadside bomb", "two car bombs")
    if word == "fire" and prev_word == "under" and nxt not in {"for", "over"}:
        return 1, "ATTACK", 0.55  # "came under fire from a ridge" (not "under fire for his remarks")
    if word == "dead" and _left_dead(tokens, low, i):
        return 1, "KILLING", 0.55  # "the clashes left 23 dead"
    if word == "pause" and nxt == "in" and _HOSTILITIES.intersection(low[i + 2 : i + 4]) \
            and low[i + 2] in _HOSTILITIES | {"the"}:
        return 1, "AGREEMENT", 0.5  # "a 21-day pause in (the) fighting": a truce
    if word in _FORCING:
        return (1, "DISPLACEMENT", 0.5) if _forced_from_homes(tokens, low, i, kb) else None
    lemma = kb.lemma(word)
    hit = LEMMA_TRIGGERS.get(lemma)
    if hit is None:
        return None
    if lemma == "free" and not (any(w in _FREE_NEEDS | _HELD for w in low[i + 1 : i + 6])
                                or (word != "free" and any(w in _FREE_NEEDS for w in low[max(0, i - 3) : i]))):
        return None  # "freed 14 people held by the militants", "40 hostages freed": captives; "free articles" no
    if lemma in {"hit", "target", "seize", "die"} and word == lemma and i and low[i - 1] in {"a", "the", "to"}:
        return None  # "a hit", "the target", "to seize": nouns or purposes
    if lemma == "fight" and nxt in {"forces", "force", "units", "unit", "men"}:
        return None
    if lemma == "fight" and _fights_a_war(tokens, low, i):
        return None  # "has fought a low-level insurgency": the noun names the conflict, the verb is light
    return 1, hit[0], hit[1]


def _munitions_launched(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is ``launched`` at i told of munitions named just before it in its clause (``the rockets
    launched``, ``the drone had been launched from``, ``one of about 25 launched toward``), with no verb
    of impact after it in the clause? ``a drone launched from Lebanon struck a plant`` is one attack,
    told by its impact."""
    munition = False
    for k in range(i - 1, max(-1, i - 8), -1):
        if tokens[k].sent != tokens[i].sent or (tokens[k].text in _CLAUSE_BREAK and tokens[k].text != ","):
            break
        if low[k] in _MUNITION_WORDS:
            munition = True
            break
    if not munition:
        return False
    for k in range(i + 1, min(i + 9, len(low))):
        if tokens[k].sent != tokens[i].sent or tokens[k].text in _CLAUSE_BREAK or low[k] in {"and", "that", "but", "while"}:
            return True
        if low[k] in _MUNITION_VERBS or low[k] in _LANDING:
            return False
    return True


def _fights_a_war(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is the fight verb at i followed by its object, a noun of sustained hostilities, after an article
    and up to two modifiers (``fought a low-level insurgency``, ``fighting a long war``)?"""
    for k in range(i + 1, min(i + 5, len(low))):
        if low[k] in _SUSTAINED:
            return k > i + 1 and low[i + 1] in {"a", "an", "the", "its", "their"}
        if tokens[k].sent != tokens[i].sent or not tokens[k].text[:1].isalpha() or low[k] in {"in", "on", "for", "with"}:
            return False
    return False


def _munition_verb(tokens: list[Token], low: list[str], i: int, kb) -> bool:
    """Is the munition word at i a verb (``Russia shells Kharkiv``, ``jets bomb the port``, ``to shell``):
    after a name (opening a sentence, a known place: ``Glide bombs`` opens with a modifier), a pronoun,
    a plural noun, ``to`` or a modal? After a determiner, a number or a modifier it is a noun."""
    if not i or tokens[i - 1].sent != tokens[i].sent:
        return False
    prev = tokens[i - 1]
    if prev.is_title() and prev.is_word():
        return not figures._sentence_start(tokens, i - 1) or prev.text in kb.places or prev.text in kb.countries
    return prev.lower in {"to", "they", "it", "we", "did", "also"} | _MODALS \
        or (prev.text.isalpha() and prev.text.islower() and looks_plural(prev.text))


_ENTER = {"enter", "enters", "entered", "entering"}
_RESPONDING = {"responded", "responds", "responding"}
_SUMMONING = {"summoned", "summons", "summoning"}
_ARMED_BODIES = {"enemy", "army", "militias", "militia"}
_DIPLOMATS = {"ambassador", "ambassadors", "envoy", "envoys", "chargé", "charge", "diplomat", "diplomats", "consul"}


def _armed_subject(tokens: list[Token], low: list[str], i: int) -> int | None:
    """The armed actor a few words before token i in its clause (``Indian troops "responded"``), or None."""
    armed = _ARMED_SUBJECTS | _ARMED_BODIES
    for k in range(i - 1, max(-1, i - 6), -1):
        if tokens[k].sent != tokens[i].sent or (tokens[k].text in _CLAUSE_BREAK and tokens[k].text not in {'"', "“"}):
            return None
        if low[k] in armed:
            return k
    return None


def _armed_entry(tokens: list[Token], low: list[str], i: int) -> bool:
    """``troops will enter Rafah``, ``the enemy will not enter Sake``: armed actors (the subject, a
    few words before) entering a named place or a place taken in war (an incursion, an attack)."""
    if _armed_subject(tokens, low, i) is None:
        return False
    j = i + 1 + (i + 1 < len(low) and low[i + 1] == "the")
    return j < len(low) and tokens[j].sent == tokens[i].sent and (
        (tokens[j].is_title() and tokens[j].is_word()) or low[j] in _TAKEN_PLACES)


_HOSTILITIES = {"fighting", "hostilities", "war", "attacks", "strikes", "combat", "clashes", "bombing", "shelling"}
_FORCING = {"forced", "forcing", "driven", "drove", "driving"}


def _forced_from_homes(tokens: list[Token], low: list[str], i: int, kb) -> bool:
    """``has forced more than 12,000 people from villages``, ``driven thousands from their homes``:
    people (a count or a person noun) made to leave a home or a place, within a few words."""
    people = False
    for k in range(i + 1, min(i + 8, len(low) - 1)):
        if tokens[k].text in _CLAUSE_BREAK and tokens[k].text != "," or tokens[k].sent != tokens[i].sent:
            return False
        if low[k] == "from":
            j = k + 1 + (low[k + 1] in {"the", "their", "his", "her", "our", "its"})
            return people and j < len(low) and (low[j] in _HOMES or (tokens[j].is_title() and tokens[j].is_word()))
        people = people or figures._can_start_number(low[k]) or low[k] in _LEAVERS \
            or figures.is_person_noun(kb.lemma(low[k]))
    return False


def _left_dead(tokens: list[Token], low: list[str], i: int) -> bool:
    """``leaves 23 dead``, ``leaving at least 15 inmates dead``, ``left dozens dead``: a killing told by
    its toll (a leave verb, then a number, within six words before ``dead`` in its clause)."""
    number = False
    for k in range(i - 1, max(-1, i - 7), -1):
        if tokens[k].text in _CLAUSE_BREAK or tokens[k].sent != tokens[i].sent:
            return False
        if low[k] in _LEAVE:
            return number
        number = number or figures._can_start_number(low[k])
    return False


def _munition_in_clause(tokens: list[Token], low: list[str], i: int) -> bool:
    """A munition noun (or "one of them" after one) earlier in the sentence of token i."""
    lo, _ = sentence_bounds(tokens, i)
    return any(low[k] in _MUNITION_WORDS for k in range(lo, i))


def _context_trigger(tokens: list[Token], low: list[str], i: int, kb) -> tuple[int, str, float] | None:
    """Words that are events only in some contexts (scheme: DISPLACEMENT is people forced from
    their homes; ATTACK includes arson; INJURY, people hurt):
    ``leave``/``left`` with people leaving (``ordered residents to leave``, ``families have left the
    valley``, ``we left with nothing``; armed actors leaving are a WITHDRAWAL); ``evacuate(d)`` and
    ``evacuation`` unless medical (``evacuated her to hospital``); ``torched``, ``burned two buses``;
    ``treated for burns``."""
    word = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    prev = low[i - 1] if i else ""
    if word == "burns":
        return (1, "INJURY", 0.55) if prev in {"for", "with", "suffered", "sustained", "severe", "serious"} else None
    if word in _ARSON:
        if word.startswith("torch"):
            return 1, "ATTACK", 0.55
        before = low[max(0, i - 5) : i]
        if _FLAMES.intersection(before):
            return None  # "a fire that burned 1,500 dunams": the blaze spreading, no one setting it
        if nxt in _OBJECT_START | _BURNED_OBJECT_START or nxt[:1].isdigit():
            return 1, "ATTACK", 0.55  # "burned at least 12 houses", "took his truck and burned it"
        if prev in {"been", "were", "was"} and not any(w in _PEOPLE_PRONOUNS or figures.is_person_noun(kb.lemma(w))
                                                       for w in before):
            return 1, "ATTACK", 0.5  # "600 businesses have been burned or looted": property set alight
        return None
    if word in _EVACUATE:
        if prev in {"medical", "medically"} or nxt in {"her", "him", "me"} \
                or any(w in _MEDICAL for w in low[i + 1 : i + 6]):
            return None  # a medical evacuation moves the wounded, it displaces no one
        return 1, "DISPLACEMENT", 0.55
    # leave / left / leaving: what follows must be the end of a clause, a home or a place
    end = i + 1 >= len(tokens) or tokens[i + 1].text in _CLAUSE_BREAK or tokens[i + 1].sent != tokens[i].sent
    where = _left_place(tokens, low, i)
    if not (end or where or nxt in _AFTER_LEAVING):
        return None
    lo, _ = sentence_bounds(tokens, i)
    before = []
    for k in range(i - 1, max(lo, i - 9) - 1, -1):
        if tokens[k].text in _CLAUSE_BREAK:
            break
        before.append(k)
    armed = [k for k in before if low[k] in _ARMED_SUBJECTS - {"they"}]
    if prev == "to" and any(low[k] in _ORDERING for k in before):
        return 1, ("WITHDRAWAL" if armed else "DISPLACEMENT"), 0.55  # "ordered residents to leave"
    people = [k for k in before[:5] if low[k] in _LEAVERS or figures.is_person_noun(kb.lemma(low[k]))]
    if armed:
        return (1, "WITHDRAWAL", 0.5) if where or end else None  # "its fighters leave Syria", "if the soldiers leave,"
    if people and (where or end or nxt in _AFTER_LEAVING):
        return 1, "DISPLACEMENT", 0.5
    return None


_PLACE_LEAD = {"the", "their", "his", "her", "our", "my", "its", "two", "three", "four", "five", "several", "nearby",
               "rural", "one", "many", "some", "surrounding", "neighbouring", "neighboring", "border", "frontline"}


def _left_place(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is what follows the leave verb at i a home or a place: a home noun or a name, directly or
    after up to two determiners, numbers or place modifiers (``left their homes``, ``left two
    villages``, ``left rural villages``, ``left one Choloma neighbourhood``)?"""
    for k in range(i + 1, min(i + 4, len(low))):
        if tokens[k].sent != tokens[i].sent:
            return False
        if low[k] in _HOMES or (tokens[k].is_title() and tokens[k].is_word()):
            return True
        if low[k] not in _PLACE_LEAD:
            return False
    return False


_DISPLACED_GUESTS = {"evacuees", "refugees", "displaced", "families", "migrants", "survivors"}
_SUBJECT_WORDS = {"it", "he", "she", "they", "who", "which", "that", "also", "often", "still", "deliberately",
                  "repeatedly", "now", "only"}
_TAKEN_PLACES = {"town", "towns", "village", "villages", "city", "cities", "base", "bases", "area", "areas", "territory",
                 "airport", "port", "camp", "district", "region", "hill", "hills", "bridge", "road", "crossing", "positions",
                 "position", "outpost", "outposts", "checkpoint", "checkpoints", "capital", "headquarters", "garrison",
                 "province", "border", "strongholds", "stronghold", "control"}


def _place_object(tokens: list[Token], low: list[str], j: int) -> bool:
    """Is what follows a seizing verb a place (``seized the town``, ``seized Kassala``)?"""
    for k in range(j, min(j + 4, len(low))):
        if low[k] in _TAKEN_PLACES or (tokens[k].is_title() and tokens[k].is_word()):
            return True
        if low[k] not in {"the", "a", "an", "two", "three", "several", "key", "strategic", "nearby", "main", "military",
                          "of", "army", "rebel", "most", "its"}:
            return False
    return False


_MODALS = {"will", "would", "could", "ll", "might", "may", "shall"}
_THREAT_PRONOUNS = {"it", "they", "we"}
# what a party warns it will do to the other side ("warned that the army could strike")
_THREAT_VERBS = {"strike", "attack", "hit", "target", "retaliate", "respond", "pursue", "continue", "keep", "escalate",
                 "expand", "intensify", "punish", "destroy", "eliminate", "bomb", "treat"}


def _threatening_clause(low: list[str], j: int) -> bool:
    """Is the clause after ``warned that`` (from token j) a threat of the warner's own action:
    ``it will ...``, or within a few words a modal and a verb of force (``the army could strike``,
    ``the campaign will continue``)? Warnings of consequences (``the fall of X would cut the
    road``, ``renewed fighting could undermine``) are reports, not threats."""
    if j + 1 < len(low) and low[j] in _THREAT_PRONOUNS and low[j + 1] in _MODALS:
        return True
    for k in range(j, min(j + 10, len(low) - 1)):
        if low[k] in {",", ".", ";"}:
            return False
        if low[k] in _MODALS and k < j + 7:
            nxt = low[k + 1] if low[k + 1] not in {"not", "soon", "also"} or k + 2 >= len(low) else low[k + 2]
            return nxt in _THREAT_VERBS
        if low[k] in {"target", "targets"} and {"is", "are", "be", "remain", "remains"}.intersection(low[k - 3 : k]):
            return True  # 'warned that "any military post on our land is a target"': a threat of attack
    return False


_MODIFIER_LEAD = {"the", "a", "an", "other", "more", "several", "many", "some", "its", "their", "his", "her", "of",
                  "against", "on", "at", "and", "dozens", "hundreds", "thousands", "struck", "hit", "hitting", "striking",
                  "bombed", "pounded", "targeted", "targeting", "destroyed"}


def _name_modifies(tokens: list[Token], low: list[str], k: int) -> bool:
    """Is the name at k a modifier of the noun after it (``about 40 Hezbollah targets``, ``several
    other Hamas targets``, ``struck Houthi targets``): after a number, a determiner or quantifier, a
    preposition or a verb of force, a name is no subject, so the word after it is no verb."""
    if k == 0 or tokens[k - 1].sent != tokens[k].sent:
        return False
    return low[k - 1] in _MODIFIER_LEAD or figures._can_start_number(low[k - 1])


_FIRE_NOUN_LEAD = {"the", "these", "those", "several", "many", "of", "forest", "brush", "bush", "wild", "house",
                   "small", "big", "large", "new", "two", "three", "dozens", "hundreds"}
_SUSTAINED = {"insurgency", "insurgencies", "war", "wars", "rebellion", "campaign", "conflict", "battle", "battles"}
_BE = {"was", "were", "been", "being", "be", "is", "are", "got"}
_NAME_HEADS_AFTER = {"and", "of", "for"}


def _in_proper_name(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is the capitalised trigger at i a word of a multi-word proper name in running text (``the
    Central Emergency Response Fund``, ``the Incident Prevention and Response Mechanism``): not opening
    its sentence, a capitalised word beside it, in a sentence that is not a title-case headline?"""
    t = tokens[i]
    if not t.is_title() or figures._sentence_start(tokens, i):
        return False
    prev_name = tokens[i - 1].is_title() and tokens[i - 1].is_word()
    j = i + 1 + (i + 2 < len(low) and low[i + 1] in _NAME_HEADS_AFTER)
    next_name = j < len(tokens) and tokens[j].sent == t.sent and tokens[j].is_title() and tokens[j].is_word()
    if not (prev_name or next_name):
        return False
    lo, hi = sentence_bounds(tokens, i)
    return sum(1 for k in range(lo, hi) if tokens[k].text.isalpha() and tokens[k].text.islower() and len(low[k]) > 3) >= 3


_LABOUR_STRIKES = {"general", "hunger", "labour", "labor", "transport", "nationwide", "sit-down", "wildcat", "on",
                   "teachers", "workers", "doctors", "nurses", "drivers", "union", "rail", "dock", "miners", "truckers"}
_STRIKERS = {"workers", "drivers", "teachers", "doctors", "nurses", "unions", "union", "truckers", "miners", "staff",
             "employees", "transporters", "traders", "students"}
_NO_FORCE_ACTION_KINDS = {"legal", "industrial", "disciplinary", "political", "diplomatic", "collective", "court",
                          "civil", "class", "affirmative", "climate", "humanitarian", "joint", "concrete", "urgent",
                          "swift", "corrective", "enforcement", "regulatory", "protest", "strike", "direct"}
_FIGHT_FORMS = {"fight", "fights", "fought", "fighting", "battle", "battles", "battled", "battling"}
_NONVIOLENT_BATTLES = {"legal", "court", "courtroom", "political", "electoral", "custody", "uphill", "bureaucratic",
                       "boardroom", "election"}
# what people fight that is no armed enemy: fire and flood, illness, social ills
_NO_ENEMY = {"blaze", "blazes", "fire", "fires", "flames", "wildfire", "wildfires", "flood", "floods", "floodwaters",
             "disease", "diseases", "cancer", "corruption", "poverty", "inflation", "hunger", "virus", "epidemic",
             "pandemic", "illness", "addiction", "malaria", "cholera", "ebola", "infection", "infections", "drought",
             "unemployment", "climate"}


def _fights_no_enemy(tokens: list[Token], low: list[str], j: int) -> bool:
    """Is the object of the fight verb before j (after ``against``, ``the``, ``a`` or a modifier) a fire,
    an illness or a social ill (``battled blazes across the hills``, ``fighting against corruption``)?"""
    for k in range(j, min(j + 3, len(low))):
        if tokens[k].sent != tokens[j].sent or not tokens[k].text.isalpha():
            return False
        if low[k] in _NO_ENEMY:
            return True
        if low[k] not in {"against", "the", "a", "an", "back", "off", "two", "several", "forest", "bush", "raging"}:
            return False
    return False


_DEAL_CUES = _NEGOTIATION_CUES | {"truce", "hostage", "hostages", "discussion", "discussions", "negotiate", "negotiating",
                                   "negotiators", "talks", "mediators", "mediator", "pause", "exchange", "release", "peace",
                                   "withdrawal", "cease", "settlement", "accept", "accepted", "rejected", "reject"}
_OPERATION_NOUNS = {"operation", "operations", "sanctions", "killing", "killings", "assassination", "assassinations",
                    "campaign", "strike", "strikes", "raid", "raids", "attack", "attacks", "violence", "measures"}


def _about_a_deal(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is the ``proposal`` at i bargaining over a deal (NEGOTIATION): a truce, ceasefire, deal,
    hostages, talks or their discussion named in its sentence (``a proposal for a 60-day truce``,
    ``the proposal under discussion would see hostages freed``)?"""
    lo, hi = sentence_bounds(tokens, i)
    return any(low[k] in _DEAL_CUES for k in range(lo, hi))


_WAR_THINGS = {"crimes", "crime", "cabinet", "room", "footing", "time", "tax", "taxes", "chest", "games", "criminal",
               "criminals", "memorial", "museum", "veteran", "veterans", "widow", "widows", "hero", "heroes", "cemetery"}


def _a_partys_journey(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is the ``trip``/``tour`` at i a party's visit: somewhere (``trip to Cairo``, ``tour of the
    region``), or someone's (``his trip``, ``the envoy's tour``, ``Blinken's trip``, a named or
    official traveller just before it)? ``A trip is three days`` names no visit."""
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if nxt in {"to", "of", "through", "across", "in", "around"}:
        return True
    for k in range(i - 1, max(-1, i - 4), -1):
        if tokens[k].sent != tokens[i].sent:
            return False
        if low[k] in {"his", "her", "their", "its", "’s", "'s", "s", "presidential", "official", "diplomatic",
                      "state", "regional", "foreign"} or (tokens[k].is_title() and not figures._sentence_start(tokens, k)):
            return True
        if low[k] in {"a", "an", "the", "this", "that", "each", "every"}:
            return False
    return False


_ONE_SUBJECTS = {"nobody", "everybody", "somebody", "anybody", "someone", "everyone", "anyone", "no-one", "who", "one"}
_WEAPON_AND_POST_HEADS = {"position", "positions", "drone", "drones", "aircraft", "jet", "jets", "boat", "boats",
                          "submarine", "submarines", "vehicle", "vehicles", "range", "ranges", "squad", "squads", "pin"}
_WARN_FORMS = {"warned", "warns", "warn"}
_THREATEN_FORMS = {"threatened", "threaten", "threatens", "threatening"}
_WITHDRAW_FORMS = {"withdraw", "withdrawal", "withdrew", "withdrawn", "withdrawing", "withdraws", "withdrawals"}
_PRONOUN_OBJECTS = {"us", "them", "him", "her", "me", "you", "it"}
# actions a party can threaten that are no use of force: protest, legal and political steps
_NO_FORCE_ACTIONS = {"protest", "protests", "convoy", "convoys", "boycott", "boycotts", "walkout", "lawsuit", "lawsuits",
                     "resignation", "march", "marches", "demonstration", "demonstrations", "sit-in", "shutdown",
                     "sanctions", "tariffs", "resign", "quit", "sue", "appeal", "legal", "elections", "vote", "referendum"}
# what a threat to something endangers, not a threat of force: "threaten the security of"
_ENDANGERED = {"security", "stability", "safety", "future", "existence", "sovereignty", "unity", "livelihoods",
               "livelihood", "economy", "integrity", "independence", "health", "survival", "peace", "truce",
               "ceasefire", "cease-fire", "deal", "process"}
_STANDARDS = {"standard", "standards", "demand", "demands", "need", "needs", "requirement", "requirements", "criteria",
              "criterion", "target", "targets", "deadline", "deadlines", "goal", "goals", "obligations", "conditions",
              "expectations", "costs", "threshold", "quota"}
_OBJECT_DETS = {"the", "a", "an", "that", "this", "these", "those", "its", "their", "our", "his", "her", "my", "any",
                "all", "local", "basic", "minimum", "new"}
_FUNCTION_AFTER = {"by", "in", "on", "at", "as", "and", "or", "but", "when", "while", "after", "before", "during", "from",
                   "with", "to", "so", "too", "more", "most", "much", "badly", "seriously", "lightly", "critically",
                   "slightly", "himself", "herself", "themselves", "each", "one", "anyone", "nobody", "no", "not", "people"}


def _warned_someone_that(tokens: list[Token], low: list[str], i: int) -> bool:
    """``warned herders that the area was becoming dangerous``: the warner told someone (one to three
    words, a pronoun or nouns) that a danger is near, with no modal verb of force after ``that``
    (``warned residents that it would strike``) - a report of danger, as ``warned that`` (see
    _threatening_clause)."""
    for k in range(i + 1, min(i + 5, len(low))):
        if tokens[k].sent != tokens[i].sent or not tokens[k].text.isalpha():
            return False
        if low[k] == "that":
            return k > i + 1 and not _threatening_clause(low, k + 1)
        if not (low[k] in _PRONOUN_OBJECTS or (tokens[k].text.islower() and low[k] not in _FUNCTION_AFTER)):
            return False
    return False


def _threat_of_no_force(tokens: list[Token], low: list[str], i: int) -> bool:
    """Is the threat at i no threat of force: its object, after an article and modifiers (or ``to``),
    is a protest, legal or political step (``threatened a slow-moving protest convoy``, ``threatened to
    resign``), or an endangered quality (``threaten the security of the kingdom``)?"""
    for k in range(i + 1, min(i + 5, len(low))):
        if tokens[k].sent != tokens[i].sent or tokens[k].text in _CLAUSE_BREAK:
            return False
        if low[k] in _NO_FORCE_ACTIONS:
            return True
        if low[k] in _ENDANGERED:
            return k > i + 1 and low[i + 1] in _OBJECT_DETS and low[k - 1] in _OBJECT_DETS | {"national", "regional"}
        if not (low[k] in _OBJECT_DETS or low[k] == "to" or (tokens[k].text.islower() and "-" in low[k])):
            return False
    return False


_FORCE_NOUNS = {"troops", "forces", "force", "soldiers", "fighters", "militants", "army", "military", "units", "unit",
                "battalions", "brigades", "peacekeepers", "mission", "personnel", "contingent", "contingents", "militia",
                "militias", "rebels", "gunmen", "combatants", "garrison", "tanks", "warships", "boats", "vessels",
                "armed", "men", "police", "guards", "them", "its", "their"}


def _withdrawn_thing(tokens: list[Token], low: list[str], i: int, n: int) -> bool:
    """Is what is withdrawn no force: ``the withdrawal of forestry companies``, ``withdrawal of
    support`` (the phrase after ``of`` names no force and no named party), ``if the reform is
    withdrawn`` (a passive whose subject, a few words back, is no force)?"""
    word = low[i]
    if word in {"withdrawal", "withdrawals"} and i + n < len(low) and low[i + n] == "of":
        for k in range(i + n + 1, min(i + n + 6, len(low))):
            if low[k] in _FORCE_NOUNS or (tokens[k].is_title() and tokens[k].is_word()) or tokens[k].sent != tokens[i].sent:
                return False
            if tokens[k].text in _CLAUSE_BREAK or low[k] in {"from", "to", "by", "within", "before"}:
                return True
        return True
    if word == "withdrawn" and i and low[i - 1] in _BE:
        lo, _ = sentence_bounds(tokens, i)
        subject = range(max(lo, i - 6), i - 1)
        return not any(low[k] in _FORCE_NOUNS | _ARMED_SUBJECTS or (tokens[k].is_title() and tokens[k].is_word()
                       and not figures._sentence_start(tokens, k)) for k in subject)
    return False


def _thing_object(tokens: list[Token], low: list[str], j: int, heads=None) -> bool:
    """Is the object at j (after at most two determiners or modifiers) a thing, not people: with
    ``heads``, one of them (``meet that standard``); without, a lowercase noun that is no pronoun,
    number or person noun (``hurting business``, ``hurt the economy``)?"""
    from newscorpus.preannotate.knowledge import knowledge

    for k in range(j, min(j + 3, len(low))):
        if tokens[k].sent != tokens[j].sent or not tokens[k].text.isalpha():
            return False
        if heads is not None:
            if low[k] in heads:
                return True
            if low[k] not in _OBJECT_DETS:
                return False
            continue
        if low[k] in _OBJECT_DETS:
            continue
        return tokens[k].text.islower() and low[k] not in _FUNCTION_AFTER and low[k] not in _PRONOUN_OBJECTS \
            and not low[k].endswith("ly") and not figures._can_start_number(low[k]) \
            and not figures.is_person_noun(knowledge().lemma(low[k])) and low[k] not in _LEAVERS
    return False


def _counted(word: str) -> bool:
    """A number, in digits or words (``350,000``, ``two``, ``dozens``)."""
    return word[:1].isdigit() or word in figures._NUMBER_STARTS


def _skip(tokens: list[Token], low: list[str], i: int, n: int) -> bool:
    word = low[i]
    prev = low[i - 1] if i else ""
    nxt = low[i + n] if i + n < len(low) else ""
    if word in _PURPOSE_WORDS:
        for phrase in _PURPOSE:  # in response to / in retaliation for: a purpose, not an event
            k = len(phrase)
            for off in range(k):
                if phrase[off] == word and tuple(low[i - off : i - off + k]) == phrase:
                    return True
    if prev == "to" and word in {"avenge"}:
        return True
    if word in {"target", "targets"} and not (prev in _SUBJECT_WORDS or (
            i and tokens[i - 1].is_title() and tokens[i - 1].sent == tokens[i].sent and not _name_modifies(tokens, low, i - 1))):
        return True  # "struck targets", "their targets", "about 40 Hezbollah targets": the noun; "it targets" is the verb
    if word in {"seize", "seized", "seizes", "seizing"} and not _place_object(tokens, low, i + n):
        return True  # "seized power", "seized weapons": no place taken, no attack
    if word in {"attack", "attacks"} and nxt in {"alert", "alerts", "helicopter", "helicopters", "dog", "dogs"}:
        return True
    if word == "fighting" and nxt in {"forces", "force", "units", "unit", "men", "fit"}:
        return True
    if word in {"strike", "strikes"} and nxt in {"force", "forces"}:
        return True
    if word == "deal" and nxt == "with" and prev not in {"a", "the", "any"}:
        return True  # "to deal with"
    if word in {"release", "released"} and nxt in {"a", "its", "their", "the"} and prev in {"statement", "press"}:
        return True
    if word in {"release", "released", "releases", "releasing"}:
        if nxt[:1] in figures.CURRENCY or nxt in figures.MONEY_UNITS:
            return True  # "the fund released $2 million": money, not captives
        if "treated" in low[max(0, i - 6) : i] or tuple(low[i + n : i + n + 2]) == ("from", "hospital") \
                or tuple(low[i + n : i + n + 3]) == ("from", "the", "hospital"):
            return True  # "treated and released", "released from hospital": patients discharged, not captives
    if word in {"host", "hosts", "hosted", "hosting"} and _DISPLACED_GUESTS.intersection(low[i + n : i + n + 3]):
        return True  # "families hosting evacuees": shelter, not a meeting
    if word == "death" and nxt == "toll":
        return True
    if word == "pounds" and (_counted(prev) or nxt == "sterling"
                             or (i > 1 and tokens[i - 1].is_title() and _counted(low[i - 2]))):
        return True  # "350,000 Lebanese pounds", "two pounds": money or weight, not "Russia pounds Kharkiv"
    if word in {"wounded", "injured"} and prev == "the":
        return True  # "the wounded were flown out", "two of the wounded": the people, not their injury
    if word == "war" and nxt in _WAR_THINGS:
        return True  # "war crimes", a "war tax", "war veterans": a thing or people of a war, not the war
    if word in {"strike", "strikes", "striking"} and n == 1 and (prev in _LABOUR_STRIKES or nxt == "action"
                                                                  or (nxt == "by" and _STRIKERS.intersection(low[i + 2 : i + 5]))):
        return True  # "a general strike", "went on strike", "a strike by drivers": a stoppage of work, no attack
    if word in {"action", "actions"} and prev in _NO_FORCE_ACTION_KINDS:
        return True  # "legal action", "industrial action": no use of force (a trigger learned from "take action against")
    if word == "met" and nxt == "with" and prev in _BE:
        return True  # "any misadventure will be met with a strong response": received with, no meeting
    if word in _FIGHT_FORMS and (prev in _NONVIOLENT_BATTLES or _fights_no_enemy(tokens, low, i + n)):
        return True  # "firefighters battled blazes", "a legal battle", "fighting corruption": no hostilities
    if word in {"proposal", "proposals"} and not _about_a_deal(tokens, low, i):
        return True  # "a US-backed proposal to turn the mission into a larger force": a plan, no bargaining over a deal
    if word == "targeted" and nxt in _OPERATION_NOUNS:
        return True  # "targeted operations", "targeted killings": the adjective (the noun, if an event, is the trigger)
    if word in {"trip", "trips", "tour", "tours"} and not _a_partys_journey(tokens, low, i):
        return True  # "a typical (fishing) trip now earns": a journey of no party, no visit
    if word in {"war", "conflict", "conflicts"} and nxt in {"monitor", "monitors", "tracker", "zone", "zones", "reporter",
                                                          "correspondent", "analyst", "analysts", "researcher"}:
        return True  # "the conflict monitor ACLED", "a war zone": who watches the war, or where
    if word == "talks" and (prev in {"publicly", "he", "she", "it"} or (prev in _ONE_SUBJECTS and nxt in {"to", "about"})):
        return True  # "nobody talks to us": the verb, one person speaking
    if prev == "like" or (prev in {"a", "an"} and i > 1 and low[i - 2] == "like"):
        return True  # "it sounded like a war", "looked like a battlefield": a comparison, no event
    if word == "clashing" and nxt.isalpha() and looks_plural(nxt) and not figures.is_person_noun(nxt.rstrip("s")):
        return True  # "clashing tolls", "clashing accounts": conflicting, an adjective
    if word in {"firing", "attack", "combat"} and nxt in _WEAPON_AND_POST_HEADS:
        return True  # "firing positions", "attack drones": the kind of a post or a weapon, not an event
    if word == "warned" and nxt == "that":
        return not _threatening_clause(low, i + 2)  # analysts warned that ...: a report, not a threat
    if word in {"displacement", "refugee", "evacuation"} and nxt in {"camp", "camps", "site", "sites", "centre",
                                                                     "centres", "center", "centers", "shelter", "shelters"}:
        return True  # a displacement camp, an evacuation centre: a place
    if nxt in {"zone", "zones", "line", "lines", "ground", "jet", "jets", "group", "groups"} and word in {"battle", "fighter", "combat"}:
        return True
    if nxt in {"site", "sites"} and word in {"blast", "explosion", "strike", "attack", "bombing", "crash", "battle",
                                              "massacre"}:
        return True  # "the blast site": a place
    if word == "fires" and (prev in _FIRE_NOUN_LEAD or prev in _MUNITION_WORDS):
        return True  # "the fires they started", "rocket fires scorch the hills": blazes, not shooting
    if word == "pulled" and n == 2 and low[i + 1] == "out" and (prev in _BE or nxt in _OBJECT_START | {"him", "her", "them", "me", "us"}) \
            and not any(w in _ARMED_SUBJECTS - {"they"} for w in low[max(0, i - 5) : i]):
        return True  # "we pulled out a mother and her children", "passengers were pulled out": a rescue, not a pull-back
    if word in _WARN_FORMS and nxt not in {"that", "of"} and _warned_someone_that(tokens, low, i):
        return True  # "troops warned herders that the area was dangerous": a warning of danger, not of force
    if word in _THREATEN_FORMS and _threat_of_no_force(tokens, low, i):
        return True  # "threatened a protest convoy", "anyone who tries to threaten the security of": no force vowed
    if word in _WITHDRAW_FORMS and _withdrawn_thing(tokens, low, i, n):
        return True  # "demanded the withdrawal of forestry companies", "if the reform is withdrawn": no forces pulled back
    if word in {"hurt", "hurts", "hurting"} and _thing_object(tokens, low, i + 1):
        return True  # "the standoff was hurting business": harm to an economy, not to people
    if word in {"meet", "meets", "met", "meeting"} and _thing_object(tokens, low, i + 1, _STANDARDS):
        return True  # "seven schools meet that standard", "met the demands": meeting a measure, not people
    if word == "storm" and (prev in {"a", "the", "after", "before", "during", "of", "winter", "tropical", "heavy"}
                            or nxt in {"damages", "damaged", "hit", "hits", "swept", "season"}):
        return True  # "after a storm damaged the substation": the weather, not storming a place
    if tokens[i].is_title() and _in_proper_name(tokens, low, i):
        return True  # "the Central Emergency Response Fund": a word of an institution's name
    return False


# the argument rules live in their own module; re-exported for callers of ``events.link_arguments``
from newscorpus.preannotate.arguments import link_arguments  # noqa: E402,F401
