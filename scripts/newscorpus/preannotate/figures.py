"""FIGURE rules: cardinal quantities with qualifier, value, unit and category.

    >>> [(f.text, f.value, f.qualifier, f.unit, f.label) for f in find_figures("fired more than 60 rockets")]
    [('more than 60 rockets', 60, 'AT_LEAST', 'rocket', 'MUNITIONS')]

A figure is a number (digits with separators, number words, ``a dozen``, a vague amount from
``scheme.VAGUE_AMOUNTS``, or a hyphenated duration/distance ``10-month``) followed by the head
of the counted noun phrase; an optional qualifier before it sets ``qualifier``. Not figures:
dates (``Oct. 7``), years, times of day (``8am``), ordinals, identifiers (``Resolution 1701``,
``Route 90``), partitives (``one of the ...``), ``one`` before anything but a person, munition,
distance or time unit (``one arrangement over the other``), and numbers with no countable head.
Hyphenated modifiers include their head noun (``nine-month conflict``, ``three-phase ceasefire``). Percentages are OTHER figures with unit ``percent``; money
amounts are OTHER figures with unit ``dollar``/``euro``/``pound``.
A number whose noun is left out is the number alone (``11 wounded`` -> ``11``, ``two of them`` ->
``two``); hedges (``maybe``, ``or so``) are outside the span; ``a``/``an`` counting a length of time
is a DURATION of 1 (``for a full year``), a rate is not (``twice a week``, ``three times a week``) —
guidelines, decisions 24-28. A fraction of a determiner and a noun runs to its head (``half of the
village``, decision 25); ``a mother of five`` counts the children left out (``five``); a measure
modifying a noun without its hyphen runs to the noun (``a 20 litre can``), as ``three-phase ceasefire``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from newscorpus.annotate import scheme
from newscorpus.preannotate.tokens import CURRENCY_CODES, Token, lemma, looks_plural, sentence_bounds, tokenize

# --- number vocabulary -------------------------------------------------------------------------

UNITS_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
               "fifteen sixteen seventeen eighteen nineteen").split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD = re.compile(
    rf"(?:{'|'.join(TENS_WORDS)})(?:[-‐‑](?:{'|'.join(UNITS_WORDS[:9])}))?|{'|'.join(UNITS_WORDS)}",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

# qualifier phrases (lowercase token tuples) -> qualifier
QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {
    ("at", "least"): "AT_LEAST", ("more", "than"): "AT_LEAST", ("over",): "AT_LEAST",
    ("upwards", "of"): "AT_LEAST", ("no", "fewer", "than"): "AT_LEAST", ("no", "less", "than"): "AT_LEAST",
    ("in", "excess", "of"): "AT_LEAST", ("just", "over"): "AT_LEAST",
    ("nearly",): "APPROXIMATE", ("about",): "APPROXIMATE", ("around",): "APPROXIMATE",
    ("some",): "APPROXIMATE", ("roughly",): "APPROXIMATE", ("approximately",): "APPROXIMATE",
    ("almost",): "APPROXIMATE", ("estimated",): "APPROXIMATE", ("close", "to"): "APPROXIMATE",
    ("just", "under"): "APPROXIMATE",
    # approximators of size: "in the region of 8 million shekels", "on the order of 2,000 troops"
    ("in", "the", "region", "of"): "APPROXIMATE", ("in", "the", "order", "of"): "APPROXIMATE",
    ("on", "the", "order", "of"): "APPROXIMATE", ("of", "the", "order", "of"): "APPROXIMATE",
    ("up", "to"): "AT_MOST", ("fewer", "than"): "AT_MOST", ("less", "than"): "AT_MOST",
    ("as", "many", "as"): "AT_MOST", ("no", "more", "than"): "AT_MOST", ("under",): "AT_MOST",
    ("at", "most"): "AT_MOST", ("barely",): "AT_MOST", ("scarcely",): "AT_MOST", ("not", "even"): "AT_MOST",
    ("above",): "AT_LEAST", ("below",): "AT_MOST",
}
_QUALIFIER_WORDS = {w for phrase in QUALIFIER_PHRASES if len(phrase) < 4 for w in phrase}  # (not "Region", "Order")
# epistemic hedges before a number are no qualifier (guidelines, decision 27): outside the span, EXACT
HEDGE_WORDS = {"maybe", "perhaps", "possibly", "probably", "sometimes"}

# --- units and categories ----------------------------------------------------------------------

DURATION_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
DISTANCE_UNITS = {"mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "yard", "kilometres",
                  "kilometers", "metres", "meters", "kms"}
_DISTANCE_NORMAL = {"kilometres": "kilometre", "kilometers": "kilometer", "metres": "metre", "meters": "meter",
                    "kms": "km", "feet": "foot"}
MUNITION_UNITS = {"rocket", "missile", "drone", "shell", "launch", "strike", "airstrike", "air-strike",
                  "projectile", "bomb", "mortar", "round", "uav", "interceptor", "munition", "barrage",
                  "salvo", "sortie", "raid", "attack", "katyusha", "explosive", "grenade", "warhead", "device", "mine",
                  "landmine", "ied", "bullet", "cartridge", "casing", "torpedo", "airstrike", "bombardment", "volley", "shot",
                  "explosion", "blast", "detonation",
                  # counted attacks, like the scheme's strikes (guidelines, decision 28)
                  "assault", "ambush", "bombing", "shooting", "stabbing", "incursion"}
# counted munition nouns that are verbs too in the singular ("one hit the school"): munitions as plural heads only
MUNITION_PLURAL_UNITS = {"hit", "impact"}
# a head noun that names a death counts casualties itself ("nearly 2,000 killings")
CASUALTY_NOUNS = {"killing", "death", "murder", "homicide", "fatality", "execution", "assassination",
                  "victim", "casualty"}  # counted victims are casualties (guidelines, decision 28)
# modifiers that make a craft a munition ("four uncrewed surface vessels", "two unmanned boats")
_UNCREWED = {"uncrewed", "unmanned", "pilotless", "explosive-laden", "bomb-laden", "remote-controlled"}
PEOPLE_UNITS = set(
    "person individual people soldier civilian member fighter militant child woman man journalist hostage resident official "
    "source commander leader delegate diplomat prisoner detainee worker medic paramedic doctor nurse troop "
    "citizen student refugee captive guard operative officer analyst staff patient victim baby infant "
    "teenager boy girl minor adult settler protester demonstrator rescuer peacekeeper personnel crew pilot "
    "reservist employee lawmaker minister envoy mediator representative negotiator casualty body family "
    "israeli palestinian lebanese syrian iranian gazan american national reporter photographer "
    "displaced evacuee survivor kid gunman gunmen policeman police agent spy".split()
)
PEOPLE_UNITS |= set("other suspect teacher engineer nun pilgrim miner fisherman fishermen driver contractor volunteer trucker shepherd "
                    "labourer laborer mourner worshipper pupil novice cleric clergyman judge lawyer aid-worker guardsman "
                    "operator bystander onlooker commuter tourist visitor customer athlete player priest imam dissident opponent "
                    "defector recruit conscript veteran widow orphan elder chief candidate voter".split())
# kinship nouns (a closed class) and oversight roles count people as well: counted relatives are
# PEOPLE, or CASUALTIES where they were killed or hurt, as any person noun (decision 28)
KIN_NOUNS = set("mother father son daughter brother sister husband wife parent grandparent grandchild grandson "
                "granddaughter grandmother grandfather sibling cousin uncle aunt nephew niece relative stepson "
                "stepdaughter stepbrother stepsister stepfather stepmother".split())
PEOPLE_UNITS |= KIN_NOUNS | set("observer monitor inspector investigator activist defender".split())
PEOPLE_UNITS |= set("clan tribe household terrorist militiaman attacker rebel insurgent jihadist villager inhabitant migrant "
                    "sailor crew seafarer monk priest farmer herder trader shopper passenger worker".split())
# occupations and roles news counts people by (medical, trades, research, security)
PEOPLE_UNITS |= set("surgeon physician dentist midwife pharmacist technician caregiver carer porter cook clerk mechanic "
                    "electrician carpenter builder janitor firefighter ranger researcher scientist academic professor "
                    "lecturer expert specialist consultant adviser advisor aide spokesperson spokesman spokeswoman "
                    "administrator manager director executive owner shopkeeper vendor merchant businessman "
                    "businesswoman banker neighbour neighbor colleague witness eyewitness inmate convict captor "
                    "kidnapper abductee assailant shooter sniper looter smuggler trafficker bandit gangster extremist "
                    "separatist combatant guerrilla mercenary trooper paratrooper marine commando airman gunner "
                    "cadet sergeant captain colonel general lieutenant".split())
_NOT_AGENTIVE = ("list", "mist", "fist", "wrist", "twist", "gist", "heist", "sist")
# words in -man that name no person (the compounds in -man, -woman, -person do: "serviceman")
_NOT_MAN = {"ottoman", "talisman", "caiman", "doberman", "german", "roman", "superman"}


def is_person_noun(base: str) -> bool:
    """Does this lemma name people? The list above, an agentive ``-ist``/``-ian`` noun
    (``anaesthetist``, ``pedestrian``), or a compound in ``-man``/``-woman``/``-person``
    (``serviceman``, ``policewoman``, ``chairperson``): productive suffixes of person nouns in English."""
    return base in PEOPLE_UNITS or (len(base) > 5 and base.isalpha() and (
        (base.endswith(("ist", "ian")) and not base.endswith(_NOT_AGENTIVE))
        or (base.endswith(("man", "person")) and base not in _NOT_MAN)))


NOT_CASUALTY_UNITS = {"clan", "tribe", "hostage", "prisoner", "detainee", "captive", "refugee", "evacuee", "displaced",
                      "source", "official", "analyst", "diplomat", "mediator", "negotiator", "envoy",
                      "delegate", "representative", "lawmaker", "minister"}
CASUALTY_WORDS = {"killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "deaths", "death",
                  "wounded", "wounding", "injured", "injuring", "injuries", "injury", "casualties",
                  "martyred", "slain", "toll", "wounds", "hurt", "lives", "bodies", "buried", "bury", "burying",
                  "funeral", "funerals", "mourned", "massacred", "executed", "treated", "hospitalised", "hospitalized",
                  "neutralised", "neutralized"}  # the military euphemism for killed
CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "₹": "rupee", "₦": "naira", "₪": "shekel", "₺": "lira",
            "₴": "hryvnia", "₱": "peso", "₩": "won", "৳": "taka", "₵": "cedi", "₽": "rouble"}
# currency codes before the amount ("Rs 5 lakh", "Rs. 200", "USD 3 million", "Rs10 million") are
# tokens.CURRENCY_CODES: the tokenizer splits a glued one from its digits
# currency names after the amount, singular as a modifier too ("a 2 billion shekel aid package")
CURRENCY_NOUNS = set("dollar euro pound shekel rupee yuan yen rouble ruble dinar dirham riyal rial lira naira rand "
                     "peso franc birr shilling taka kyat hryvnia cedi kwacha afghani rupiah ringgit baht tenge zloty forint koruna "
                     "krona krone manat somoni lempira quetzal kwanza leone dalasi ariary ouguiya nakfa".split())
MONEY_UNITS = set(CURRENCY.values()) | set(CURRENCY_CODES.values()) | CURRENCY_NOUNS
# scale words after digits, with the South Asian lakh (100,000) and crore (10 million)
_DIGIT_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
                 "lakh": 100_000, "lakhs": 100_000,
                 "crore": 10_000_000, "crores": 10_000_000}
MONTH_TOKENS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
}

# words that may sit between a number and its head noun only if they are not in this set
_STOP = set(
    "a an the of in on at to from by with for and or but as that which who whom whose this these those "
    "is are was were be been being has have had do does did will would could should may might must can "
    "than then when while where since until after before during against toward towards into onto over "
    "under about around near across through per each every all both some any no not its their his her "
    "our your my it they he she we you i there here so if also only just more most less least very "
    "said says say told according killed fired launched wounded injured were".split()
)

_ADJ_PARTICIPLES = {"wounded", "injured", "killed"}  # "85 wounded patients"
# words that end a bare count of people ("killing at least 17, ...", "displaced more than 12 million")
_BARE_COUNT_END = {",", ".", ";", ":", "—", "–", ")", "in", "on", "at", "and", "since", "across", "from", "during",
                   "near", "last", "this", "over", "after", "before", "inside", "according"}
_DISPLACEMENT_WORDS = {"displace", "displaces", "displaced", "displacing", "fled", "flee", "fleeing", "uprooted",
                       "refugees", "homeless", "evacuated", "sheltering", "shelter", "hunger", "famine", "need", "aid"}
_FLEEING = {"fleeing", "fled", "flee", "homeless", "displaced"}
_CLOSE_QUOTES = {'"', "”", "’"}
_AFTER_TIME = {"am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "h", "o'clock"}
_ID_WORDS = {"resolution", "route", "highway", "article", "flight", "number", "no", "chapter", "section",
             "page", "road", "room", "unit", "brigade", "division", "battalion", "squadron", "regiment",
             "platoon", "building", "gate", "terminal", "channel", "channel", "episode", "phase", "act",
             "level", "version", "model", "block", "tower", "kilo", "sector", "zone", "grade", "camp",
             "covid", "mk", "f", "type"}

LABEL_SCORE = {"CASUALTIES": 0.85, "MUNITIONS": 0.9, "PEOPLE": 0.85, "DISTANCE": 0.9, "DURATION": 0.85,
               "OTHER": 0.6}

assert set(LABEL_SCORE) == set(scheme.LABELS["FIGURE"])


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | int
    qualifier: str
    unit: str | None
    label: str
    score: float


@dataclass(frozen=True)
class _Number:
    start_tok: int  # first token of the number itself (after any qualifier)
    end_tok: int  # exclusive
    value: float | int
    kind: str  # digits | words | vague | hyphen
    unit: str | None = None  # set for hyphenated 10-month / 18-mile
    ranged: bool = False  # a range in one token ("10-15 people"): the lower bound, APPROXIMATE
    hint: str | None = None  # a qualifier the number carries itself: "40-odd" APPROXIMATE, "40-plus" AT_LEAST


# --- number parsing ----------------------------------------------------------------------------


def parse_number_words(words: str) -> int | None:
    """Value of a cardinal written in words (``three``, ``twenty-five``, ``two hundred``,
    ``a dozen``, ``two dozen``); None if it is not one.

    >>> parse_number_words("two dozen"), parse_number_words("a hundred"), parse_number_words("first")
    (24, 100, None)
    """
    w = " ".join(words.lower().replace("‐", "-").replace("‑", "-").split())
    if not w:
        return None
    dozen = re.fullmatch(r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|half a) )?dozen", w)
    if dozen:
        head = dozen.group(1) or "a"
        n = {"a": 1, "an": 1, "half a": 0.5}.get(head)
        n = n if n is not None else text2num(head, "en")
        return int(n * 12)
    if w.startswith(("a ", "an ")) and w.split(" ", 1)[1] in SCALE_WORDS:
        return SCALE_WORDS[w.split(" ", 1)[1]]
    if not all(_NUMBER_WORD.fullmatch(p) or p in SCALE_WORDS or p == "and" for p in w.split()):
        return None
    try:
        return int(text2num(w, "en"))
    except ValueError:
        return None


def parse_digits(text: str) -> int | float | None:
    """``1,200`` -> 1200, ``2.5`` -> 2.5; None if ``text`` is not a plain number."""
    if not _DIGITS.fullmatch(text):
        return None
    value = float(text.replace(",", ""))
    if value != value or value in (float("inf"), float("-inf")):  # too many digits for a float: not a figure we can state
        return None
    return int(value) if value.is_integer() else value


def _is_number_word(tok: Token) -> bool:
    return bool(_NUMBER_WORD.fullmatch(tok.text)) or tok.lower in SCALE_WORDS


_HYPHEN_NOT_UNITS = {"old", "sided", "off", "way", "ways", "thirds", "third", "fold", "time", "times", "to", "and",
                     "half", "quarter", "quarters", "member", "nil", "all", "hundredths", "tenths"}


def _hyphen_number(tok: Token) -> tuple[int | float, str] | None:
    """``10-month`` / ``nine-month`` / ``18-mile`` / ``three-phase`` -> (value, unit)."""
    text = tok.text
    if "-" not in text and "‐" not in text and "‑" not in text and "–" not in text:
        return None  # (re.split below would give one part: most number tokens have no hyphen)
    parts = re.split(r"[-‐‑–]", text)
    if len(parts) < 2:
        return None
    if parts[-1].lower() == "old":
        return None  # 30-year-old: an age
    if parts[-1].lower() == "long" and len(parts) >= 3:  # 10-month-long
        parts = parts[:-1]
    unit = parts[-1].lower()
    unit = _DISTANCE_NORMAL.get(unit, unit)
    if not unit.isalpha() or unit in _HYPHEN_NOT_UNITS or unit in SCALE_WORDS or _NUMBER_WORD.fullmatch(unit):
        return None
    nums = parts[:-1]
    value = parse_digits(nums[0]) if len(nums) == 1 else None
    if value is None:
        if not all(_NUMBER_WORD.fullmatch(p) or p.lower() in SCALE_WORDS for p in nums):
            return None
        value = parse_number_words(" ".join(nums))
    if value is None:
        return None
    return value, unit


def _vague_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A vague amount starting at token i: (value, end token index after any trailing ``of``)."""
    low = [t.lower for t in tokens[i : i + 4]]
    # tens/hundreds of thousands (of)
    if len(low) >= 3 and low[0] in ("tens", "hundreds") and low[1] == "of" and low[2] in ("thousands", "millions"):
        phrase = " ".join(low[:3])
        value = scheme.VAGUE_AMOUNTS.get(phrase)
        if value is None:
            value = {"tens": 10, "hundreds": 100}[low[0]] * {"thousands": 1000, "millions": 1_000_000}[low[2]]
        end = i + 3
        if end < len(tokens) and tokens[end].lower == "of":
            return value, end + 1
        return (value, end) if _bare_vague_ends(tokens, i, end) else None  # "Hundreds of thousands fled"
    if low and low[0] in ("dozens", "hundreds", "thousands", "millions", "scores"):
        value = scheme.VAGUE_AMOUNTS.get(low[0], {"millions": 1_000_000, "scores": 40}.get(low[0]))
        if len(low) >= 3 and low[1] == "of" and tokens[i + 2].text in _CLOSE_QUOTES:
            return value, i + 3  # scare quotes: 'killed "hundreds of" attackers'
        if len(low) >= 2 and low[1] == "of":
            return value, i + 2
        if len(low) >= 2 and low[1] == "more" and not _passive_casualty_after(tokens, i + 1) \
                and i and tokens[i - 1].lower in _CASUALTY_VERBS:
            return value, i + 2  # "wounding dozens more"
        return (value, i + 1) if _bare_vague_ends(tokens, i, i + 1) else None
    if len(low) >= 3 and low[0] == "tens" and low[1] == "of" and tokens[i + 2].is_word():
        return 10, i + 2  # "tens of people": the lower bound, like "tens of thousands" (decision 5)
    if len(low) >= 4 and low[:3] == ["a", "couple", "of"] and tokens[i + 3].is_word():
        return 2, i + 3  # "a couple of drones": two, APPROXIMATE
    if len(low) >= 4 and low[:3] == ["a", "handful", "of"] and tokens[i + 3].is_word():
        return scheme.VAGUE_AMOUNTS["a few"], i + 3  # "a handful of flights": as "a few"
    if low and low[0] == "several":
        return _past_of(tokens, *_times_scale(low, 1, scheme.VAGUE_AMOUNTS["several"], i + 1))
    if len(low) >= 2 and low[0] in ("a", "another") and low[1] == "few":  # "another few houses" too
        return _past_of(tokens, *_times_scale(low, 2, scheme.VAGUE_AMOUNTS["a few"], i + 2))
    if len(low) >= 2 and low[0] == "few" and low[1] in ("dozen", "hundred", "thousand") and i \
            and tokens[i - 1].lower not in ("very", "so", "too", "a"):
        # "the town's few hundred families": "a few" after a determiner or possessive, times its scale
        return _past_of(tokens, *_times_scale(low, 1, scheme.VAGUE_AMOUNTS["a few"], i + 1))
    if len(low) >= 2 and low[0] == "few" and low[1] in _FEW_PERIODS and i >= 2 \
            and tokens[i - 1].lower in ("past", "last", "next", "coming") and tokens[i - 2].lower == "the":
        return scheme.VAGUE_AMOUNTS["a few"], i + 1  # "over the past few years": a length of time, as "a few"
    return None


_FEW_PERIODS = {"hours", "days", "weeks", "months", "years", "decades"}


def _past_of(tokens: list[Token], value: int, end: int) -> tuple[int, int]:
    """After a vague plural scale (``several tens of thousands``) the ``of`` before the noun is the amount's."""
    if end < len(tokens) and tokens[end].lower == "of" and tokens[end - 1].lower in ("thousands", "millions"):
        return value, end + 1
    return value, end


_CASUALTY_VERBS = CASUALTY_WORDS | _DISPLACEMENT_WORDS | {"killing", "wounding", "injuring", "displacing"}


def _bare_vague_ends(tokens: list[Token], i: int, end: int) -> bool:
    """Does a vague plural from i to end stand alone for people (no ``of`` and noun after it)?
    Before a verb of fleeing or a passive of casualty or displacement, after a casualty verb
    at a clause end, or opening a sentence before what is said of it."""
    nxt = tokens[end].lower if end < len(tokens) else ""
    if nxt in _FLEEING:
        return True  # "sent thousands fleeing"
    if nxt in {"dead", "wounded", "injured"} and (end + 1 >= len(tokens) or tokens[end + 1].sent != tokens[end].sent
                                                 or tokens[end + 1].lower in _BARE_COUNT_END | _DEAD_CLAUSE):
        return True  # "left 14 people dead and dozens wounded" (the caller's "N dead" figure)
    if _passive_casualty_after(tokens, end):
        return True  # "hundreds were displaced"
    if _perfect_agent_after(tokens, end + (nxt == "more")):
        return True  # "hundreds have returned", "thousands more had left": a perfect of what people do
    prev = tokens[i - 1].lower if i else ""
    if prev in _CASUALTY_VERBS and (end >= len(tokens) or nxt in _BARE_COUNT_END):
        return True  # "displacing thousands"
    return tokens[i].is_title() and _sentence_start(tokens, i) and _opens_predicate(tokens, end)  # "Thousands in ..."


def _perfect_agent_after(tokens: list[Token], j: int) -> bool:
    """``have``/``has``/``had`` at j, then a lower-case past participle other than ``been``: the bare
    vague plural before it is the doer of an act (``hundreds have returned``), so it counts people; a
    passive (``thousands had been spent``) might count money or things, and is left to the passive rules."""
    if j + 1 >= len(tokens) or tokens[j].lower not in ("have", "has", "had") or tokens[j + 1].sent != tokens[j].sent:
        return False
    verb = tokens[j + 1]
    return verb.text.islower() and verb.is_word() and verb.lower != "been" \
        and (verb.lower.endswith("ed") or _past_form(verb.lower))


_VAGUE_SCALES = {"dozen": 12, "tens": 10, "hundred": 100, "thousand": 1000, "million": 1_000_000}


def _times_scale(low: list[str], k: int, value: int, end: int) -> tuple[int, int]:
    """``several dozen`` / ``a few hundred``: the vague amount times the scale word after it."""
    if low[k : k + 3] in (["tens", "of", "thousands"], ["tens", "of", "millions"]):
        return value * 10 * _VAGUE_SCALES[low[k + 2][:-1]], end + 3  # "several tens of thousands": 30000
    if k < len(low) and low[k] in _VAGUE_SCALES:
        return value * _VAGUE_SCALES[low[k]], end + 1
    return value, end


def _offset_after(tokens: list[Token], k: int) -> bool:
    """``a day after``, ``a week later``: the duration is an offset between two times (a count of one)."""
    return k < len(tokens) and tokens[k].lower in ("after", "before", "later", "earlier") \
        and tokens[k - 1].lower in DURATION_UNITS


# adjectives that may stand between "a" and a unit of time without changing the length ("a full year")
_LENGTH_ADJECTIVES = {"full", "whole", "entire", "single", "further", "additional", "extra", "mere"}
# prepositions that take a length of time ("for a year", "in a week", "through a year of fighting")
_LENGTH_PREPOSITIONS = {"for", "in", "within", "through", "throughout", "during", "after", "before", "into"}
# verbs whose object is a length of time ("lasted a year", "spent a week", "took a day")
_LENGTH_VERBS = {f"{v}{e}" for v in ("last", "spend", "wait", "take") for e in ("", "s", "ed", "ing")} \
    | {"spent", "took", "taken", "waited"}
# words after which "a day" / "a week" is a rate ("twice a week", "200 trucks a day", "$1 a week")
_RATE_LEADS = {"once", "twice", "thrice", "times", "per", "%", "percent"}


_OPEN_QUOTES = {'"', "“", "‘"}  # the marks that open a quotation (see _opens_quotation)


def _or_another(tokens: list[Token], k: int) -> bool:
    """Is the unit of time at k followed by ``or`` and a small number word (``a year or two``)?"""
    return k + 2 < len(tokens) and tokens[k + 1].lower == "or" and tokens[k + 2].lower in ("two", "three") \
        and tokens[k + 2].sent == tokens[k].sent


def _a_length_of_time(tokens: list[Token], i: int) -> bool:
    """Does ``a``/``an`` at i count one unit of time as a length (guidelines, decision 26): after a
    preposition or verb taking a length (``for a full year``, ``lasted a week``, ``through a year of
    fighting``), before ``ago``, an offset (``a day after``) or ``into``, or opening a sentence before
    ``of`` and a noun (``A year of war has ...``)? Not a rate
    (``twice a week``, ``two hours a day``), nor ``a second`` (an ordinal as often as a unit)."""
    k = i + 1
    if k < len(tokens) and tokens[k].lower in _LENGTH_ADJECTIVES:
        k += 1
    if k >= len(tokens) or tokens[k].lower not in DURATION_UNITS or tokens[k].lower == "second" \
            or tokens[k].sent != tokens[i].sent:
        return False
    q = qualifier_before(tokens, i)
    p = q[1] if q else i  # (past a qualifier: "for at least another week")
    if p and tokens[p - 1].text in _OPEN_QUOTES:
        p -= 1  # (past a quotation mark: 'might take "a year or two"')
    prev = tokens[p - 1] if p and tokens[p - 1].sent == tokens[i].sent else None
    nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sent == tokens[k].sent else None
    if _or_another(tokens, k):
        return True  # "a week or two": a length stated by its bounds, never a rate
    if prev is not None and prev.lower in HEDGE_WORDS and p >= 3 and tokens[p - 2].text == "," \
            and lemma(tokens[p - 3].text) in DURATION_UNITS:
        return True  # "a few days, perhaps a week": the hedge offers another length (decision 27)
    if (prev is not None and prev.lower in _LENGTH_VERBS) or (nxt is not None and nxt.lower == "ago"):
        return True  # (no rate is ever "ago": "closed for repairs a week ago")
    if prev is not None and (prev.lower in _RATE_LEADS or parse_digits(prev.text) is not None or _is_number_word(prev)
                             or (prev.is_word() and prev.text.islower() and looks_plural(prev.text))):
        return False  # a rate: "twice a week", "2,500 a day", "200 trucks a day"
    if nxt is not None and (nxt.lower in ("ago", "into") or _offset_after(tokens, k + 1)):
        return True
    if _sentence_start(tokens, i) and nxt is not None and nxt.lower == "of" and k + 2 < len(tokens) and tokens[k + 2].is_word() \
            and tokens[k + 2].text.islower() and tokens[k + 2].lower not in _STOP:
        return True  # "A year of fighting has ...": a subject (a predicate "was a day of mourning" names a day)
    return prev is not None and prev.lower in _LENGTH_PREPOSITIONS


def _number_words_end(tokens: list[Token], j: int) -> int:
    """The end of a run of number words from j (``five hundred``, ``hundred and twenty``)."""
    while j < len(tokens):
        t = tokens[j]
        if _is_number_word(t) or t.lower == "dozen":
            j += 1
        elif t.lower == "and" and j + 1 < len(tokens) and _is_number_word(tokens[j + 1]) and tokens[j - 1].lower in SCALE_WORDS:
            j += 1
        else:
            break
    return j


def _half_a_dozen(tokens: list[Token], i: int) -> bool:
    return tokens[i].lower == "half" and i + 2 < len(tokens) and tokens[i + 1].lower == "a" \
        and tokens[i + 2].lower == "dozen"


# a scale or unit glued to the digits, as news writes them: $5bn, £3m, 2m people, 15km, 500kg
_GLUED = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(bn|mn|m|km|kms|kg)")
_GLUED_SCALE = {"bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000}


# a range written as one token, "10-15" / "20–30" (a year span "2023-24" is a date)
_DIGIT_RANGE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[-–](\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)")
_ODD_PLUS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:[-‐‑][a-z]+)?)[-‐‑](odd|plus)", re.IGNORECASE)
_YEAR = re.compile(r"(1[89]|20)\d\d")
_VULGAR = re.compile(r"(\d+)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")  # a whole number and a vulgar fraction sign, "3½"


def _scaled(value: int | float, scale: int) -> int | float:
    """``4.1`` times a billion is 4100000000, not the float product 4099999999.9999995: the
    decimals as written, shifted."""
    out = round(value * scale, 6)
    return int(out) if float(out).is_integer() else out


def _spaced_groups_end(tokens: list[Token], i: int) -> int:
    """``600 000``: digit groups of three after one to three digits, each one space apart, as SI
    style writes thousands (the cleaner makes a no-break space a plain one); the index after the
    last group, or i + 1. A group followed by a decimal point is no thousands group."""
    tok = tokens[i]
    if len(tok.text) > 3 or not tok.text.isdigit() or (i and tokens[i - 1].end == tok.start and tokens[i - 1].text in ",."):
        return i + 1
    j = i + 1
    while j < len(tokens) and len(tokens[j].text) == 3 and tokens[j].text.isdigit() \
            and tokens[j].start == tokens[j - 1].end + 1 and tokens[j].sent == tok.sent:
        j += 1
    if j > i + 1 and j < len(tokens) and tokens[j].start == tokens[j - 1].end and tokens[j].text in {".", ","} \
            and j + 1 < len(tokens) and tokens[j + 1].text[:1].isdigit() and tokens[j + 1].start == tokens[j].end:
        return i + 1  # "3 100,5" / "12 100.5": not a grouped number
    return j


def _number_at(tokens: list[Token], i: int) -> _Number | None:
    tok = tokens[i]
    glued = _GLUED.fullmatch(tok.text) if tok.text[:1].isdigit() else None
    if glued:
        value = parse_digits(glued.group(1))
        suffix = glued.group(2)
        if value is None:
            return None
        if suffix in _GLUED_SCALE:
            return _Number(i, i + 1, _scaled(value, _GLUED_SCALE[suffix]), "digits")
        return _Number(i, i + 1, value, "glued", _DISTANCE_NORMAL.get(suffix, suffix))
    rng = _DIGIT_RANGE.fullmatch(tok.text) if tok.text[:1].isdigit() else None
    if rng and not _YEAR.fullmatch(rng.group(1)):
        low_v, high_v = parse_digits(rng.group(1)), parse_digits(rng.group(2))
        if low_v is not None and high_v is not None and low_v < high_v:
            return _Number(i, i + 1, low_v, "digits", ranged=True)
        return None
    odd = _ODD_PLUS.fullmatch(tok.text)
    if odd:
        value = parse_digits(odd.group(1)) if odd.group(1)[:1].isdigit() else parse_number_words(odd.group(1))
        if value is not None:  # "40-odd vehicles", "twenty-odd", "50-plus fighters"
            return _Number(i, i + 1, value, "digits" if odd.group(1)[:1].isdigit() else "words",
                           hint="APPROXIMATE" if odd.group(2).lower() == "odd" else "AT_LEAST")
    hy = _hyphen_number(tok)
    if hy:
        return _Number(i, i + 1, hy[0], "hyphen", hy[1])
    value = parse_digits(tok.text)
    if value is None and (vulgar := _VULGAR.fullmatch(tok.text)):
        value = int(vulgar.group(1)) + round(unicodedata.numeric(vulgar.group(2)), 3)  # "3½ million"
    if value is not None:
        j = _spaced_groups_end(tokens, i)
        if j > i + 1:
            value = parse_digits("".join(t.text for t in tokens[i:j]))
        if j < len(tokens) and tokens[j].lower in _DIGIT_SCALES and tokens[j].start == tok.end + 1:
            value = _scaled(value, _DIGIT_SCALES[tokens[j].lower])
            j += 1
        if _and_a_half(tokens, j) and "." not in tok.text:
            value, j = value + 0.5, j + 3  # "3 and a half miles"
        return _Number(i, j, value, "digits")
    vague = _vague_at(tokens, i)
    if vague:
        return _Number(i, vague[1], vague[0], "vague")
    if _half_a_dozen(tokens, i):
        return _Number(i, i + 3, 6, "vague")  # an idiomatic round amount: 6, APPROXIMATE
    if tok.lower == "half" and i + 2 < len(tokens) and tokens[i + 1].lower in ("a", "an") \
            and tokens[i + 2].lower in SCALE_WORDS:
        return _Number(i, i + 3, SCALE_WORDS[tokens[i + 2].lower] // 2, "words")  # "half a million" is 500000
    part = _fraction_of_scale(tokens, i)
    if part is not None:
        return part
    # a dozen / a hundred / a thousand; a unit of time or distance (after a number, "2,500 a day
    # earlier", it is a rate, not a duration)
    if tok.lower in ("a", "an") and i + 1 < len(tokens) and (tokens[i + 1].lower in DURATION_UNITS or tokens[i + 1].lower
                                                              in ("mile", "kilometre", "kilometer")) \
            and (qualifier_before(tokens, i) is not None or _offset_after(tokens, i + 2)) \
            and not (i > 0 and (parse_digits(tokens[i - 1].text) is not None or _is_number_word(tokens[i - 1]))):
        return _Number(i, i + 1, 1, "words")  # "more than a year", "nearly a mile", "a day after the attack"
    if tok.lower in ("a", "an", "another") and _a_length_of_time(tokens, i):
        # "for a full year", "a year of fighting", "in a week" (decision 26); "for another month" is one more
        return _Number(i, i + 1, 1, "words")
    if tok.lower in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower in ("dozen", "hundred", "thousand", "million", "billion"):
        j = _number_words_end(tokens, i + 2)  # "a hundred and twenty": the number goes on
        if j > i + 2:
            value = parse_number_words(" ".join(["one", *(t.text for t in tokens[i + 1 : j])]))
            if value is not None:
                return _Number(i, j, value, "words")
        return _Number(i, i + 2, parse_number_words(f"a {tokens[i + 1].lower}"), "words")
    if _is_number_word(tok) and tok.lower not in SCALE_WORDS:
        j = _number_words_end(tokens, i + 1)
        value = parse_number_words(" ".join(t.text for t in tokens[i:j]))
        if value is None:
            return None
        if _and_a_half(tokens, j):
            value, j = value + 0.5, j + 3  # "three and a half hours"
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" \
                and parse_digits(tokens[j + 1].text) == value:
            j += 3  # "twenty-three (23) passengers": the statement style that repeats the number in digits
        return _Number(i, j, value, "words")
    return None


def _fraction_of_scale(tokens: list[Token], i: int) -> _Number | None:
    """``a quarter of a million``, ``three-quarters of a million``: a fraction of a scale word is a
    number (250000), not the fraction ``a quarter`` and a second count ``a million people``."""
    low = tokens[i].lower
    if "-" in low and low.count("-") == 1 and low.split("-")[1] in _DENOMINATORS:
        a, b = low.split("-")
        n, k = (1 if a in ("one", "a") else parse_number_words(a)), i + 1
    elif i + 1 < len(tokens) and tokens[i + 1].lower in _DENOMINATORS and (low in ("a", "one") or _NUMBER_WORD.fullmatch(low)):
        b = tokens[i + 1].lower
        n, k = (1 if low in ("a", "one") else parse_number_words(low)), i + 2
    else:
        return None
    if not n or k + 2 >= len(tokens) or tokens[k].lower != "of" or tokens[k + 1].lower not in ("a", "an") \
            or tokens[k + 2].lower not in SCALE_WORDS or n >= _DENOMINATORS[b]:
        return None
    value = n * SCALE_WORDS[tokens[k + 2].lower] / _DENOMINATORS[b]
    return _Number(i, k + 3, int(value) if float(value).is_integer() else round(value), "words")


def _and_a_half(tokens: list[Token], j: int) -> bool:
    """Do tokens j.. read ``and a half`` before a noun (``two and a half years``, not ``two and a
    half-brother``)? The number then counts one half more."""
    return j + 3 < len(tokens) and tokens[j].lower == "and" and tokens[j + 1].lower == "a" \
        and tokens[j + 2].lower == "half" and tokens[j + 3].is_word() and tokens[j + 3].start == tokens[j + 2].end + 1


def qualifier_before(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The qualifier phrase ending just before token i: (qualifier, first token index)."""
    for length in (4, 3, 2, 1):
        lo = i - length
        if lo < 0:
            continue
        phrase = tuple(t.lower for t in tokens[lo:i])
        if phrase in QUALIFIER_PHRASES:
            return QUALIFIER_PHRASES[phrase], lo
    return None


# --- exclusions --------------------------------------------------------------------------------


def _excluded(tokens: list[Token], num: _Number, text: str) -> bool:
    """Dates, years, times of day, identifiers, ordinals."""
    i, j = num.start_tok, num.end_tok
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < len(tokens) else None
    nxt2 = tokens[j + 1] if j + 1 < len(tokens) else None
    if num.kind in ("digits", "words") and prev is not None and prev.lower == "in" and i >= 2 \
            and (parse_digits(tokens[i - 2].text) is not None or tokens[i - 2].lower in ("one", "two", "three")):
        return True  # "1 in 3 children", "one in five homes": a proportion, its whole no count
    if num.kind == "digits":
        grouped = "," in tokens[i].text or j > i + 1  # identifiers are never written with thousands separators
        if prev is not None and (prev.lower.rstrip(".") in MONTH_TOKENS or prev.text in {"#", "№"}
                                 or (prev.lower in _ID_WORDS and not grouped
                                     and not (prev.text.islower() and _head_after(tokens, j, num.value, vague=False)))):
            return True  # (a lowercase noun before a count is no identifier: "a building 50 yards from")
        if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].lower in MONTH_TOKENS:
            return True  # Oct. 7
        if nxt is not None and nxt.lower.rstrip(".") in MONTH_TOKENS and nxt.is_title():
            return True  # 7 October
        if nxt is not None and (nxt.lower in _AFTER_TIME or (nxt.text == ":" and nxt2 is not None and nxt2.text.isdigit())):
            return True
        if nxt is not None and nxt.lower in {"a", "p"} and nxt2 is not None and nxt2.text == ".":
            return True  # 8 a.m.
        if prev is not None and prev.text in {":", "/", "-"}:
            return True
        if nxt is not None and nxt.text in {"/"}:
            return True
        if nxt is not None and nxt.lower in {"st", "nd", "rd", "th"} and nxt.start == tokens[j - 1].end:
            return True
        raw = tokens[i].text
        if re.fullmatch(r"(1[89]|20)\d\d", raw):
            return True  # years; "2000 rockets" is rare enough to lose
        if prev is not None and prev.is_title() and prev.is_word() and prev.lower not in _QUALIFIER_WORDS and not grouped \
                and prev.text not in CURRENCY_CODES \
                and not _sentence_start(tokens, prev.index):
            return True  # Resolution 1701, Route 90, Hezbollah 2
    else:
        if prev is not None and prev.lower.rstrip(".") in MONTH_TOKENS and prev.is_title():
            return True
        if prev is not None and prev.lower == "no" and tokens[i].lower == "one" and j == i + 1:
            return True  # "no one was hurt": a pronoun, not a count
    return False


# the letters written before "$" to say whose dollar it is (ISO-style prefixes of news style guides)
# (US$, A$, NZ$, HK$, GY$, TT$, EC$: one to three capitals glued to the sign)
_DOLLAR_COUNTRY = re.compile(r"[A-Z]{1,3}")


def _currency_prefix(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """The currency written just before token k: (unit, index of its first token), or None. A sign
    touches the number (``$10``, ``₹500``); a code stands before it (``Rs 5 lakh``, ``Rs. 200``)."""
    if k <= 0:
        return None
    prev = tokens[k - 1]
    if prev.text in CURRENCY and prev.end == tokens[k].start:
        if prev.text == "$" and k >= 2 and _DOLLAR_COUNTRY.fullmatch(tokens[k - 2].text) and tokens[k - 2].end == prev.start:
            return "dollar", k - 2  # "US$200 million", "A$5m": the country letters belong to the sign
        return CURRENCY[prev.text], k - 1
    if prev.text in CURRENCY_CODES:
        return CURRENCY_CODES[prev.text], k - 1
    if prev.text == "." and k >= 2 and tokens[k - 2].text in CURRENCY_CODES and tokens[k - 2].end == prev.start:
        return CURRENCY_CODES[tokens[k - 2].text], k - 2
    return None


def _money_range_end(tokens: list[Token], k: int) -> int | None:
    """The end of the upper amount of a range of money whose lower amount ends before token k
    (``$2,500 to $12,500``, ``between Rs 5 and Rs 10 lakh``), or None."""
    if k + 2 >= len(tokens) or tokens[k].lower not in ("to", "and") or tokens[k].sent != tokens[k - 1].sent:
        return None
    for j in (k + 2, k + 3):  # after a sign ("$"), a code or country-letters and a sign ("US$")
        if j < len(tokens) and (c := _currency_prefix(tokens, j)) is not None and c[1] == k + 1:
            upper = _number_at(tokens, j)
            return upper.end_tok if upper is not None and upper.kind == "digits" else None
    return None


def _sentence_start(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].sent != tokens[i].sent or tokens[i - 1].text in {"“", '"', "‘", "(", "—", ":"}


# --- head noun ---------------------------------------------------------------------------------


def _head_after(tokens: list[Token], j: int, value: float, *, vague: bool) -> int | None:
    """Index of the counted noun head after the number (within 4 tokens, in its sentence or
    headline line), or None. ``two years old`` is an age, not a duration; ``police officers``
    is one compound head."""
    k = _head_scan(tokens, j, value)
    if k is None or k + 1 >= len(tokens):
        return k
    nxt = tokens[k + 1]
    if nxt.lower == "old" and tokens[k].lower.rstrip("s") in DURATION_UNITS:
        return None
    if nxt.sent == tokens[k].sent and nxt.text.isalpha() and nxt.text.islower() and nxt.lower not in _STOP \
            and is_person_noun(lemma(nxt.text)) and looks_plural(nxt.text) == (value != 1) \
            and (tokens[k].lower in _COLLECTIVE_HEADS or not looks_plural(tokens[k].text) or lemma(tokens[k].text) == tokens[k].lower):
        # a noun compound ends at its last noun: "one police officer", "one staff member"; a word with no
        # plural of its own is a modifier before a plural person noun too ("two Lebanese soldiers")
        return k + 1
    if _plural_compound(tokens, k):
        return k + 1  # "two weapons depots", "two special forces companies": the last plural is the head
    return k


def _plural_compound(tokens: list[Token], k: int) -> bool:
    """Is the plural noun at k the modifier of a plural noun right after it (``weapons depots``,
    ``special forces companies``, ``arms dealers``)? A noun modifier is singular in English but for
    such plurals; a unit of time or length before a plural is no modifier (``two years sentences``
    is no English, ``after two days rescuers found``: a new clause)."""
    t, nxt = tokens[k], tokens[k + 1]
    if nxt.sent != t.sent or not (nxt.text.isalpha() and nxt.text.islower()) or nxt.lower in _STOP \
            or nxt.lower.endswith(("ed", "ly")) or nxt.start != t.end + 1:
        return False
    base = lemma(t.text)
    return looks_plural(t.text) and base != t.lower and base not in DURATION_UNITS and base not in DISTANCE_UNITS \
        and not is_person_noun(base) and looks_plural(nxt.text) and lemma(nxt.text) != nxt.lower


_COLLECTIVE_HEADS = {"police", "staff", "personnel", "security", "militia"}
# irregular past forms that stand before a noun as adjectives ("two lost children", "three burnt cars")
_ADJECTIVE_PASTS = {"lost", "burnt", "spent", "split", "built", "bent", "dug", "hung", "shut", "cut", "set", "left",
                    "armed", "led"}


def _head_scan(tokens: list[Token], j: int, value: float) -> int | None:
    singular = value == 1
    sent = tokens[j - 1].sent
    for k in range(j, min(j + 4, len(tokens))):
        t = tokens[k]
        if t.sent != sent:
            return None
        low = t.lower
        if not t.is_word() or not t.text.replace("-", "").replace("‐", "").isalnum():
            return None
        if k == j and low == "more" and not singular:
            continue  # "eight more bodies"
        if (low in _STOP and not (k == j and low in _ADJ_PARTICIPLES)) or _is_number_word(t) or parse_digits(t.text) is not None:
            return None
        lem = lemma(t.text)
        if k == j and not singular and t.text.isalpha() and t.text.islower() and not low.endswith(("ed", "en", "s", "ing")) \
                and lem == low and low not in _ADJ_PARTICIPLES and low not in _ADJECTIVE_PASTS and _past_form(low):
            return None  # "at least three struck homes", "two fell near schools": the verb of an elided count
        if singular:
            if t.is_title():
                if k + 1 < len(tokens) and tokens[k + 1].sent == sent and _is_demonym(t.text):
                    continue  # "one Syrian soldier": a nationality before the counted noun
                return None  # "one Last month"
            if low in PEOPLE_UNITS or low in MUNITION_UNITS or low in DURATION_UNITS or low in DISTANCE_UNITS:
                if k > j and low.endswith("ed"):
                    return None  # "at one point displaced": a participle after a noun is a verb
                return k
            continue
        if low in DISTANCE_UNITS or low in ("km", "kg") or low in CURRENCY_NOUNS or _currency_plural(low):
            return k
        if looks_plural(t.text) or (lem in PEOPLE_UNITS and low in {"lebanese", "personnel", "staff", "police", "gunmen"}):
            return k
        if k == j and t.is_title() and _harmed_subject(tokens, k + 1):
            return k  # "Three Ngoni were killed": a people's name with no plural ending, the victims of a harm
        if low in ZERO_PLURALS and not _noun_follows(tokens, k):
            return k  # "six aircraft", "dozens of cattle" (not "two aircraft carriers")
        if low == "head" and k + 2 < len(tokens) and tokens[k + 1].lower == "of" and tokens[k + 2].sent == sent \
                and (tokens[k + 2].lower in ZERO_PLURALS or lemma(tokens[k + 2].text) in ZERO_PLURALS):
            return k + 2  # "14 head of cattle": livestock counted by the head, the noun is the animal
        # a modifier: keep scanning (adjectives, compounds, proper names)
    return None


# nouns whose plural is the singular (English zero plurals): counted as they are
ZERO_PLURALS = {"aircraft", "spacecraft", "hovercraft", "watercraft", "cattle", "livestock", "poultry", "sheep", "deer",
                "swine", "offspring", "species", "fish", "bison", "moose", "zebu", "reindeer", "elk", "buffalo",
                "salmon", "trout", "cod", "carp", "tuna", "shrimp"}


def _noun_follows(tokens: list[Token], k: int) -> bool:
    """Is token k followed, in its sentence, by a lowercase word that may go on its noun phrase
    (``aircraft carriers``), not a function word, a verb in -ed or punctuation?"""
    if k + 1 >= len(tokens) or tokens[k + 1].sent != tokens[k].sent:
        return False
    t = tokens[k + 1]
    return t.text.isalpha() and t.text.islower() and t.lower not in _STOP and not t.lower.endswith("ed")


def _currency_plural(low: str) -> bool:
    """``afghanis``, ``rupiahs``: the plural of a currency noun the suffix rules of ``lemma`` miss."""
    return low.endswith("s") and low[:-1] in CURRENCY_NOUNS


def _is_demonym(word: str) -> bool:
    """Is ``word`` a nationality adjective (``Syrian``, ``Filipino``: the demonyms the knowledge
    base forms from the country data packages)? Read lazily: few counts of one have one."""
    from newscorpus.preannotate.knowledge import knowledge

    return word in knowledge().demonyms


# nouns that measure a way on foot or along a street when a "from"/"away" follows ("two blocks from the
# school", "a few steps away", "three doors down"): a distance, not a count of things
_WAY_NOUNS = {"step", "pace", "stride", "block", "street", "door"}
_WAY_AFTER = {"from", "away", "down", "up", "off"}
# what a "round of" is a stage of when it is no round of ammunition ("three rounds of talks")
_ROUNDS_OF_TALK = {"talks", "peace", "negotiations", "discussions", "dialogue", "consultations", "voting", "elections",
                   "meetings", "mediation", "contacts", "diplomacy", "sanctions", "indirect", "direct", "shuttle",
                   "layoffs", "cuts", "vaccinations", "exchanges", "swaps", "releases", "the"}


def _category(unit: str | None, tokens: list[Token], lo: int, hi: int) -> str:
    if unit is None:
        return "OTHER"
    base = unit.split("-")[-1].split()[-1]
    if base in DURATION_UNITS:
        return "DURATION"
    if base in DISTANCE_UNITS or base in _DISTANCE_NORMAL.values():
        return "DISTANCE"
    if base in MUNITION_UNITS or base in MUNITION_PLURAL_UNITS:
        return "MUNITIONS"
    if base == "time" and tokens[hi - 1].lower == "times" and _attack_occasions(tokens, lo):
        return "MUNITIONS"  # "the bridge was hit three times": counted attacks (decision 28)
    if base == "incident" and (any(t.lower in _ATTACK_MODIFIERS for t in tokens[lo:hi]) or _attack_nearby(tokens, lo)):
        return "MUNITIONS"  # incidents of attack are counted attacks (decision 28)
    if base in CASUALTY_NOUNS:
        return "CASUALTIES"
    if base == "life" and not any(t.lower in ("saved", "saving", "save", "saves") for t in tokens[max(0, lo - 3) : lo]):
        return "CASUALTIES"  # "claimed 20 lives", "cost 300 lives" (not "saved 20 lives")
    if base not in PEOPLE_UNITS and any(t.lower in _UNCREWED for t in tokens[lo:hi]):
        return "MUNITIONS"
    if base in _GROUP_NOUNS and tokens[hi - 1].lower != base:
        return "OTHER"  # "Eleven fire crews" counts crews, as "18 firefighting teams" counts teams ("12 crew": people)
    if is_person_noun(base) or re.fullmatch(r"[a-z]+(?:i|ian|ese)", base) and tokens[hi - 1].is_title():
        if base in NOT_CASUALTY_UNITS:
            return "PEOPLE"
        return "CASUALTIES" if _casualty_context(tokens, lo, hi) or _listed_among_victims(tokens, lo, hi) else "PEOPLE"
    if (tokens[hi - 1].lower.endswith("s") or tokens[hi - 1].is_title()) \
            and (_harmed_subject(tokens, hi) or _listed_among_victims(tokens, lo, hi)):
        return "CASUALTIES"  # "at least six gendarmes were injured": only people (or animals) are hurt
    return "OTHER"


_VICTIM_NOUNS = {"dead", "killed", "wounded", "injured", "victims", "casualties"}
_SPEECH = {"said", "says", "told", "say", "added", "reported"}


def _listed_among_victims(tokens: list[Token], lo: int, hi: int) -> bool:
    """Are the counted people listed as victims: ``two women and a boy were among the dead``, ``the dead
    included two constables``? (No speech verb between: ``two women said ... were among the dead`` is not.)"""
    s_lo, s_hi = sentence_bounds(tokens, lo)
    low = [t.lower for t in tokens[s_lo:s_hi]]
    a, b = lo - s_lo, hi - s_lo
    for k in range(b, len(low) - 3):
        if low[k] in _SPEECH:
            break
        if low[k] in {"were", "was", "are", "is"} and low[k + 1] == "among" and low[k + 2] == "the" \
                and low[k + 3] in _VICTIM_NOUNS:
            return True
    for k in range(max(0, a - 12), a - 1):
        if low[k] == "the" and low[k + 1] in _VICTIM_NOUNS and k + 2 < a and low[k + 2] in {"included", "include", "includes"} \
                and not any(w in _SPEECH for w in low[k + 3 : a]):
            return True
    return False


# participles of bodily harm: a counted plural that is their passive subject names victims, whatever
# the noun ("six gendarmes were injured", "four constables had been killed")
_HARM_PARTICIPLES = {"killed", "wounded", "injured", "hurt", "slain", "maimed", "martyred"}


def _harmed_subject(tokens: list[Token], hi: int) -> bool:
    """Is the counted noun ending at hi the subject of a passive of bodily harm (an auxiliary, up to
    two adverbs or ``been``, then a participle of :data:`_HARM_PARTICIPLES`)?"""
    s_hi = sentence_bounds(tokens, hi - 1)[1]
    j = _skip_inclusion(tokens, hi, s_hi)
    if j < s_hi and tokens[j].lower in _HARM_PARTICIPLES and tokens[j].sent == tokens[hi - 1].sent:
        # a headline's or a reduced clause's participle ("Three Ngoni killed as ..."), not an active verb with
        # an object ("Three gunmen killed two guards")
        return j + 1 >= s_hi or tokens[j + 1].sent != tokens[j].sent or tokens[j + 1].lower in _BARE_COUNT_END | _DEAD_CLAUSE
    if j >= s_hi or tokens[j].lower not in _AUX:
        return False
    for t in tokens[j + 1 : min(s_hi, j + 4)]:
        if t.lower in _HARM_PARTICIPLES:
            return True
        if t.lower not in {"been", "also", "reportedly", "seriously", "badly", "critically", "slightly", "later"}:
            return False
    return False


# person nouns that name a group as well: their plural counts groups, not people
_GROUP_NOUNS = {"crew"}


# verbs of attack whose occasions ``N times`` counts ("shelled three times", "came under fire several times")
_ATTACK_OCCASION_VERBS = {"attacked", "hit", "struck", "shelled", "bombed", "bombarded", "targeted", "raided",
                          "ambushed", "stormed", "fire", "fired", "shot", "looted", "torched", "burned", "burnt"}


def _attack_occasions(tokens: list[Token], lo: int) -> bool:
    """Is ``N times`` the count of an attack verb just before it in its clause (``had been shelled three
    times``, ``came under fire from the ridge several times``)? Up to six words back, not past a comma."""
    s_lo = sentence_bounds(tokens, lo)[0]
    for k in range(lo - 1, max(s_lo, lo - 7) - 1, -1):
        t = tokens[k]
        if t.text in (",", ";", ":", "("):
            return False
        if t.lower in _ATTACK_OCCASION_VERBS:
            return True
    return False


# modifiers that make an incident an attack ("at least 14 armed incidents")
_ATTACK_MODIFIERS = {"armed", "violent", "shooting", "gun", "firing", "terrorist", "militant"}


def _attack_nearby(tokens: list[Token], lo: int) -> bool:
    """Does the figure's sentence or the one before it name an attack or a munition (``Drone attacks
    surged ... more than 40 such incidents``)?"""
    s_lo, s_hi = sentence_bounds(tokens, lo)
    first = sentence_bounds(tokens, s_lo - 1)[0] if s_lo else 0
    return any(t.is_word() and lemma(t.text) in MUNITION_UNITS for t in tokens[first:s_hi])


_INCLUSION_OPENERS = {"including", "among", "mostly", "most", "many", "all", "some", "both", "mainly"}


def _skip_inclusion(tokens: list[Token], hi: int, s_hi: int) -> int:
    """Past a comma-enclosed inclusion after a count (``Two civilians, including a 12-year-old girl,
    were killed``), so the verb after it is read; else ``hi`` unchanged."""
    if hi + 1 < s_hi and tokens[hi].text == "," and tokens[hi + 1].lower in _INCLUSION_OPENERS:
        for k in range(hi + 2, min(s_hi, hi + 14)):
            if tokens[k].text == ",":
                return k + 1
    return hi


# conjunctions that open a clause of their own
_SUBORDINATORS = {"after", "because", "when", "while", "although", "though", "whereas", "unless", "until"}


def _skip_of_phrase(tokens: list[Token], hi: int, s_hi: int) -> int:
    """Past an ``of`` phrase that completes the counted noun up to the auxiliary of a casualty verb
    (``30 members of the security forces have been killed``), so that verb is read; else ``hi``."""
    if hi < s_hi and tokens[hi].lower == "of":
        for k in range(hi + 1, min(s_hi, hi + 7)):
            if tokens[k].lower in _AUX:
                return k if any(t.lower in CASUALTY_WORDS for t in tokens[k + 1 : min(s_hi, k + 4)]) else hi
            if not tokens[k].is_word() or tokens[k].lower in ("who", "that", "which", "and", "or"):
                break
    return hi


def _casualty_context(tokens: list[Token], lo: int, hi: int) -> bool:
    s_lo, s_hi = sentence_bounds(tokens, lo)
    # the verb whose object the count is decides before any killing further back ("killed 25
    # militants and arrested 60 suspects": the suspects were arrested)
    governed = lo > s_lo and tokens[lo - 1].lower in _CAPTURE_VERBS
    # "had lost four soldiers", "losing two sons": people a side or a family lost are its dead
    if lo > s_lo and tokens[lo - 1].lower in _LOSS_VERBS | _HARM_OBJECT_VERBS:
        return True  # ("shooting one driver in the leg", "stabbed two guards": the count is who was hurt)
    start = lo if governed else max(s_lo, lo - 9)
    # a subordinator before the count opens a clause of its own ("treating gunshot wounds after two
    # nurses stopped coming"): a casualty word before it is another clause's ("while ... killed a dozen" is not)
    opener = next((k for k in range(lo - 1, start - 1, -1) if tokens[k].lower in _SUBORDINATORS), None)
    before = tokens[lo if governed else start if opener is None else opener + 1 : hi]
    hi = _skip_of_phrase(tokens, _skip_inclusion(tokens, hi, s_hi), s_hi)
    # a relative clause after the count delays its verb ("two men who tried to run were shot dead")
    reach = 10 if hi < s_hi and tokens[hi].lower in ("who", "that") else 6
    after = tokens[hi : min(s_hi, hi + reach)]
    # stop the look-ahead at a clause break that starts a new subject
    cut = []
    for t in after:
        if t.text in {";", "—", ":"}:
            break
        cut.append(t)
    if any((a.lower, b.lower) in _CASUALTY_STATES for a, b in zip(cut, cut[1:])):
        return True  # "one man remained in a serious condition", "two were in intensive care": the hurt
    return any(t.lower in CASUALTY_WORDS and not _verb_lives(tokens, t.index) for t in cut) \
        or any(t.lower in CASUALTY_WORDS and not _verb_lives(tokens, t.index) and not _negated(tokens, t.index, s_lo)
               for t in before)


# the states a hospital reports of the hurt, read after a count of people
_CASUALTY_STATES = {(w, "condition") for w in ("serious", "critical", "stable", "grave", "satisfactory", "fair")} \
    | {("intensive", "care")}
_NEGATORS = {"no", "nobody", "none", "not", "never", "n't"}
# the verb of losing people to death ("the army lost four men")
_LOSS_VERBS = {"lost", "lose", "loses", "losing"}
# verbs of bodily harm whose direct object is the victim (the participles of the passive rule aside)
_HARM_OBJECT_VERBS = {"shot", "shoots", "shooting", "stabbed", "stabs", "stabbing", "wounding", "injuring", "maiming",
                      "hurting"}


def _negated(tokens: list[Token], k: int, s_lo: int) -> bool:
    """Is the casualty word at k denied (``No one else was hurt, because the 140 employees ...``)?
    Then the count after it counts no victims."""
    return any(t.lower in _NEGATORS for t in tokens[max(s_lo, k - 4) : k])


_SUBJECTS = {"he", "she", "it", "who", "that", "which", "one", "still", "now", "also", "currently"}


def _verb_lives(tokens: list[Token], k: int) -> bool:
    """Is ``lives`` at k the verb (``she lives with her four grandchildren``), not the plural of
    ``life`` (``claimed 20 lives``)? After a subject or an adverb of the present it is."""
    return tokens[k].lower == "lives" and k > 0 and tokens[k - 1].lower in _SUBJECTS


# --- main entry --------------------------------------------------------------------------------


def find_figures(text: str, tokens: list[Token] | None = None) -> list[Figure]:
    """Every figure in ``text``, in order, non-overlapping."""
    tokens = tokens if tokens is not None else tokenize(text)
    found: list[tuple[int, int, _Number, str, int]] = []  # (lo tok, hi tok, number, qualifier, head tok)
    # the tokens a number can start with, found in one pass; the loop jumps from one to the next
    starts = [k for k, t in enumerate(tokens) if _can_start_number(t.lower)]
    i = 0
    while True:
        c = bisect_left(starts, i)  # (from the start: the loop never has to move forward only)
        if c == len(starts):
            break
        i = starts[c]
        frac = _fraction_at(tokens, i)
        if frac is not None:
            qual = qualifier_before(tokens, i)
            nested = _counted_whole(tokens, frac.end_tok, text)
            if nested is not None:  # "at least half of the roughly 60 minibuses" ⊃ "roughly 60 minibuses"
                whole, w = nested
            else:
                whole, w = _fraction_whole_head(tokens, frac.end_tok, half=tokens[frac.end_tok - 1].lower == "half"), None
            # (decision 25: "half of the groves", "half the town")
            end = frac.end_tok if whole is None else whole + 1
            found.append((qual[1] if qual else i, end, frac, qual[0] if qual else "EXACT", -9))
            i = end if w is None else w
            continue
        num = _number_at(tokens, i)
        if num is None or _excluded(tokens, num, text):
            i += 1
            continue
        qual = qualifier_before(tokens, i)
        if qual and (_place_preposition(tokens, qual[1], num) if tokens[qual[1]].lower in ("above", "below")
                     else _spatial_preposition(tokens, qual[1], i)):
            qual = None
        qualifier = "APPROXIMATE" if num.kind == "vague" or (num.ranged and not qual) else (qual[0] if qual else num.hint or "EXACT")
        lo = qual[1] if qual else i
        if num.kind == "vague" and qual and qual[0] != "APPROXIMATE":
            if i - qual[1] >= 2:  # "more than a few days", "at least several": a bound on the vague amount
                qualifier = qual[0]
            else:
                lo = i  # "over several days": the lone word is a preposition; keep the vague amount alone
        if num.kind == "hyphen":
            head = _hyphen_head(tokens, num.end_tok)
            if head is None and num.unit not in DURATION_UNITS and num.unit not in DISTANCE_UNITS:
                i += 1
                continue  # "two-thirds", "one-sided": no counted thing
            hi = (_of_compound_end(tokens, head) + 1) if head is not None else num.end_tok
            if num.unit == "strong":
                if head is not None:  # "a 5,000-strong force": the people of the force, unit its noun
                    found.append((lo, hi, num, qualifier, -13))
                i = hi
                continue
            found.append((lo, hi, num, qualifier, -1))
            i = hi
            continue
        if num.kind == "glued":  # "15km", "500kg": the unit is in the token
            found.append((lo, num.end_tok, num, qualifier, -1))
            i = num.end_tok
            continue
        nxt = tokens[num.end_tok] if num.end_tok < len(tokens) else None
        pron = _pronoun_partitive(tokens, num)
        upper = _number_at(tokens, num.end_tok + 1) if pron is None and nxt is not None and nxt.lower == "or" \
            and num.kind in ("digits", "words") else None
        if upper is not None and upper.kind == num.kind and upper.value > num.value:
            pron = _pronoun_partitive(tokens, upper)  # "fifteen or twenty of them": a range, its lower bound
            qualifier = "APPROXIMATE" if pron is not None and not qual else qualifier
        if pron is not None:
            # decision 25: "seven people, two of them seriously" -> "two", a part of the count before
            if num.value > 1:
                found.append((lo, pron[0], num, qualifier, -8))
            i = pron[1]
            continue
        if num.kind != "vague" and nxt is not None and nxt.lower == "of":
            # partitive: "one of the ..." is not a count; "51 of the drones", "two of my brothers" are
            det = tokens[num.end_tok + 1].lower if num.end_tok + 1 < len(tokens) else ""
            nested = _counted_whole(tokens, num.end_tok, text, above=num.value)
            if nested is not None:  # "two of the 19 centres": the part, and the whole as a count of its own
                head, w = nested
                found.append((lo, head + 1, num, qualifier, head))
                i = w
                continue
            head = _head_after(tokens, num.end_tok + 2, num.value, vague=False) if det in _PARTITIVE_DETERMINERS else None
            if num.value > 1 and head is not None and head - num.end_tok <= 5:
                found.append((lo, head + 1, num, qualifier, head))
                i = head + 1
                continue
            if num.value > 1 and head is None and det in _PARTITIVE_DETERMINERS and _victims_at(tokens, num.end_tok + 2):
                # "Two of the wounded": the partitive runs to the adjective that stands for its people (decision 25)
                found.append((lo, num.end_tok + 3, num, qualifier, -7))
                i = num.end_tok + 3
                continue
            i = num.end_tok
            continue
        if num.kind in ("digits", "words") and nxt is not None and nxt.text in {"%"}:
            found.append((lo, num.end_tok + 1, num, qualifier, -2))
            i = num.end_tok + 1
            continue
        if num.kind in ("digits", "words") and nxt is not None and nxt.lower in ("percent", "per"):
            end = num.end_tok + (2 if nxt.lower == "per" and num.end_tok + 1 < len(tokens) and tokens[num.end_tok + 1].lower == "cent" else 1)
            if nxt.lower == "percent" or end == num.end_tok + 2:
                found.append((lo, end, num, qualifier, -2))
                i = end
                continue
        close = _quoted_amount_close(tokens, lo, num)
        if close is not None:
            # 'freed "several" hostages', 'said "four or five" armed men': the quoted amount counts the noun
            # after the quote, the span stays inside the quotation marks (decision 23), the unit is the noun's
            head = _head_after(tokens, close + 1, num.value, vague=num.kind == "vague")
            if head is not None:
                ranged = close > num.end_tok and not qual
                found.append((lo, close, num, "APPROXIMATE" if ranged else qualifier, head))
                i = head + 1
                continue
        # ranges: "between 30 and 40 shells", "10 to 14 days" -> the lower bound, APPROXIMATE (a range is
        # a vague amount stated by its bounds, like decision 5's lower bound of "dozens")
        rng = _range_end(tokens, lo, num)
        if rng is None and lo > 0 and tokens[lo - 1].lower == "between" and not qual:
            if lo > 1 and tokens[lo - 2].lower in _AGE_WORDS:
                i = num.end_tok  # "four men aged between 19 and 34": ages, not a count
                continue
            second = _elided_range_end(tokens, num)
            noun = _plural_antecedent(tokens, lo) if second is not None else None
            if noun is not None:  # "The gunmen, estimated at between 30 and 50, fled": the noun left out
                found.append((lo - 1, second, _Number(num.start_tok, num.end_tok, num.value, num.kind, noun),
                              "APPROXIMATE", -15))
                i = second
                continue
        if rng is not None:
            end_num, head = rng
            hi = end_num + 1 if head == -2 else head + 1  # (a percentage ends at its sign or word)
            found.append((lo - (1 if lo > 0 and tokens[lo - 1].lower == "between" else 0), hi, num, "APPROXIMATE", head))
            i = hi
            continue
        head_from = num.end_tok
        if _or_so(tokens, head_from):
            # decision 27: "20 or so fighters" -> FIGURE "20", EXACT: the hedge is outside, the unit its noun's
            head = _head_after(tokens, head_from + 2, num.value, vague=num.kind == "vague")
            if head is not None:
                found.append((lo, num.end_tok, num, qualifier, head))
                i = head + 1
                continue
        elif _opens_quotation(tokens, head_from):
            # guideline 23: 'several “acts of terrorism”' -> FIGURE 'several'; the unit is the quoted noun's
            head = _head_after(tokens, head_from + 1, num.value, vague=num.kind == "vague")
            if head is not None:
                found.append((lo, num.end_tok, num, qualifier, head))
                i = head + 1
                continue
        head = _head_after(tokens, head_from, num.value, vague=num.kind == "vague")
        measure = _measure_modifier(tokens, lo, num, head)
        if measure is not None:
            # "a 20 litre can", "a 10 km stretch": a measure modifying a noun, like "three-phase ceasefire"
            found.append((lo, measure + 1, _Number(num.start_tok, num.end_tok, num.value, "hyphen",
                                                   _unit_lemma(tokens[num.end_tok].text)), qualifier, -1))
            i = measure + 1
            continue
        if head is None and num.value == 1 and tokens[i].lower == "one" and _counts_one(tokens, i, i, found):
            more = num.end_tok < len(tokens) and tokens[num.end_tok].lower == "more"
            head = _singular_head(tokens, num.end_tok + more)  # "two surgeons and one working generator"
        money = _currency_prefix(tokens, lo)
        if money:
            # an amount of money is the amount alone, whatever follows ("fetched $3,000 last year"); a range
            # of amounts runs to its upper bound ("roughly $2,500 to $12,500"), valued as any range
            q = qualifier_before(tokens, money[1])
            end, upper = num.end_tok, _money_range_end(tokens, num.end_tok)
            if upper is not None:
                end, qualifier = upper, qualifier if qual else "APPROXIMATE"
                if not q and money[1] > 0 and tokens[money[1] - 1].lower == "between":
                    q = ("APPROXIMATE", money[1] - 1)
            found.append((q[1] if q else lo, end, num, q[0] if q else qualifier, -3))
            i = end
            continue
        if head is None and num.kind in ("digits", "words") and num.value >= 2 and lo >= 2 and tokens[lo - 1].lower == "of" \
                and tokens[lo - 2].lower in _PARENTS:
            found.append((lo, num.end_tok, num, qualifier, -14))  # "a mother of five": the children, left out
            i = num.end_tok
            continue
        if head is None and num.kind in ("digits", "words") and _age_of(tokens, lo):
            i = num.end_tok  # "a girl of about 12": her age, not a count
            continue
        if head is None and num.kind in ("digits", "words") and lo >= 2 and tokens[lo - 1].lower == "of" \
                and tokens[lo - 2].lower in COLLECTIVES:
            found.append((lo - 2, num.end_tok, num, qualifier, -6))  # "a crew of 23"
            i = num.end_tok
            continue
        if head is None and num.kind in ("digits", "words") and (whole := _settled_or_grouped(tokens, lo, num)) is not None:
            # "a city of about 45,000", "in groups of three or four", "convoys of five": the number alone (decision 24),
            # counting the people who live there or move together, or the vehicles of a convoy
            end, unit = whole
            ranged = end > num.end_tok
            found.append((lo, end, _Number(num.start_tok, end, num.value, num.kind, unit),
                          "APPROXIMATE" if ranged and not qual else qualifier, -15))
            i = end
            continue
        if head is None and num.kind in ("digits", "words") and not qual and (
                (lo >= 1 and tokens[lo - 1].lower == "another")
                or (lo >= 2 and tokens[lo - 1].lower == "further" and tokens[lo - 2].lower == "a")):
            found.append((lo - (1 if tokens[lo - 1].lower == "another" else 2), num.end_tok, num, qualifier, -5))
            i = num.end_tok  # "another 19 were lost": the count of what the sentence already counted
            continue
        if head is None and num.kind in ("digits", "words", "vague") and num.end_tok < len(tokens) \
                and tokens[num.end_tok].lower in {"dead", "wounded", "injured", "hurt"} \
                and (num.end_tok + 1 >= len(tokens) or tokens[num.end_tok + 1].lower in _BARE_COUNT_END | _DEAD_CLAUSE
                     or tokens[num.end_tok + 1].sent != tokens[num.end_tok].sent
                     or (lo and tokens[lo - 1].lower == "and" and found and tokens[found[-1][0]].sent == tokens[lo].sent)):
            # "left 25 dead", "31 dead and 70 wounded", "two were killed and five wounded early on Monday": the
            # noun is left out, so the span is the number (decision 24: "11 wounded" -> "11")
            found.append((lo, _before_more(tokens, num), num, qualifier, -7))
            i = num.end_tok + 1
            continue
        if head is None and num.kind in ("digits", "words", "vague") and _bare_people_count(tokens, lo, num):
            end = num.end_tok - (1 if num.kind == "vague" and tokens[num.end_tok - 1].lower == "of" else 0)
            # "up to 1,200 more were sheltering", "wounding dozens more": the number alone (decision 24)
            found.append((lo, _before_more(tokens, _Number(num.start_tok, end, num.value, num.kind)), num, qualifier, -4))
            i = num.end_tok
            continue
        if head is None and num.kind == "vague" and not qual and _sentence_start(tokens, lo) and tokens[lo].is_title() \
                and tokens[num.end_tok - 1].lower != "of" and _opens_predicate(tokens, num.end_tok):
            found.append((lo, num.end_tok, num, qualifier, -11))  # "Thousands in evacuation centres"
            i = num.end_tok
            continue
        if head is None and num.value >= 2 and (noun := _one_of_noun(tokens, lo)) is not None:
            # "The rocket, one of about 25 launched ...": the count of what the appositive's noun names
            found.append((lo, num.end_tok, _Number(num.start_tok, num.end_tok, num.value, num.kind, noun), qualifier, -15))
            i = num.end_tok
            continue
        if head is None and num.kind in ("digits", "words", "vague") and _part_of_fronted_whole(tokens, lo, num, found):
            found.append((lo, num.end_tok, num, qualifier, -16))  # "Of our 40 rooms, three were occupied"
            i = num.end_tok
            continue
        if head is None and num.kind in ("digits", "words") and num.value >= 2 and not qual \
                and (_sentence_start(tokens, lo) or tokens[lo - 1].lower in _CLAUSE_OPENERS or _elided_group_opener(tokens, lo)) \
                and _opens_predicate(tokens, num.end_tok, verbs_only=True):
            found.append((lo, num.end_tok, num, qualifier, -10))  # "Two were shot down", "a nurse said two were"
            i = num.end_tok
            continue
        if head is None and num.value >= 2 and _elided_count(tokens, lo, num, qual is not None):
            found.append((lo, num.end_tok, num, qualifier, -10))  # "up from about 2,500", "put it at nearly 6,500"
            i = num.end_tok
            continue
        if head is None:
            i = num.end_tok
            continue
        if num.value == 1 and num.kind == "words" and tokens[i].lower == "one" and head == i + 1 and not qual \
                and _sentence_start(tokens, i) and head + 1 < len(tokens) and tokens[head + 1].text == "," \
                and tokens[head].lower in DURATION_UNITS:
            i = head + 1  # "One day, the war will end": an indefinite time, not a count of one day
            continue
        if num.value == 1 and num.kind == "words" and tokens[i].lower == "one" and not _counts_one(tokens, i, head, found):
            i = head + 1
            continue
        if tokens[head].lower in ("months", "years", "weeks", "days") and head == num.end_tok and _age_of(tokens, lo):
            i = head + 1  # "a baby of eight months", "a man of 70 years": an age, not a length of time
            continue
        if _frequency(tokens, head) or _speed(tokens, head):
            i = head + 1  # "three times a week", "30 km per hour": a rate, not a figure (decision 26)
            continue
        if _multiplier(tokens, head):
            i = head + 1  # "several times larger", "three times the population": a ratio, not a count
            continue
        head_end = _coordinated_head(tokens, head)
        if num.value == 1 and tokens[i].lower in ("a", "an") and tokens[head].lower in DURATION_UNITS \
                and _or_another(tokens, head):
            head_end, qualifier = head + 2, "APPROXIMATE"  # "a year or two": a range, valued at its lower bound
        if head_end + 1 < len(tokens) and tokens[head_end + 1].lower in _TEMPERATURE_SCALES \
                and tokens[head_end].lower in ("degree", "degrees"):
            head_end += 1
        found.append((lo, head_end + 1, num, qualifier, head))
        i = head_end + 1

    figures: list[Figure] = []
    # where figures with no noun of their own start (none is the antecedent of an elided noun)
    bare = {tokens[lo].start for lo, _, _, _, head in found if head in (-4, -5, -7, -8, -10, -11)}
    for lo, hi, num, qualifier, head in found:
        # currency prefix: $10 million, Rs 5 lakh
        currency = _currency_prefix(tokens, lo)
        if currency:
            lo = currency[1]
        start, end = tokens[lo].start, tokens[hi - 1].end
        if head == -1:
            unit = num.unit
        elif head == -2:
            unit = "percent"
        elif head == -3:  # money: the currency sign may sit after a qualifier ("about $420 million")
            unit = next((c[0] for k in range(lo + 1, hi + 1) if (c := _currency_prefix(tokens, k))), None)
        elif head == -4:
            unit = "person"
        elif head == -5:  # the unit of the last figure of the same or the previous sentence
            prev_fig = next((f for f in reversed(figures) if f.label in ("MUNITIONS", "CASUALTIES", "PEOPLE")), None)
            unit = prev_fig.unit if prev_fig is not None and start - prev_fig.end < 300 else None
            if prev_fig is not None and unit:
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, unit, prev_fig.label,
                                      round(prev_fig.score - 0.1, 2)))
            continue
        elif head == -8:  # "19 of them": a part of the last count of the sentence, its unit and category
            prev_fig = next((f for f in reversed(figures) if f.label in ("MUNITIONS", "CASUALTIES", "PEOPLE")), None)
            if prev_fig is not None and tokens[bisect_left(tokens, prev_fig.start, key=_start_of)].sent == tokens[lo].sent:
                label = prev_fig.label
                after = hi + 2 + (hi < len(tokens) and tokens[hi].text in _CLOSE_QUOTES)  # past "of them"
                if label == "PEOPLE" and prev_fig.unit not in NOT_CASUALTY_UNITS and _passive_casualty_after(tokens, after) \
                        and any(t.lower in CASUALTY_WORDS for t in tokens[after : after + 4]):
                    label = "CASUALTIES"  # "The gunmen, about 30 of them, ... two of them were killed"
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, prev_fig.unit, label,
                                      round(prev_fig.score - 0.1, 2)))
                continue
            # "It said it intercepted about 60 of them": "them" points back past its sentence, so the
            # figure is the number, counting what the last count counted (as an elided noun)
            prev_fig = _elided_antecedent(tokens, figures, bare, lo, start)
            if prev_fig is not None:
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, prev_fig.unit, prev_fig.label,
                                      round(prev_fig.score - 0.15, 2)))
            elif (noun := _plural_antecedent(tokens, lo)) is not None:  # "... its fighters ... killed 1,500 of them"
                label = _category(noun, tokens, lo, num.end_tok)
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, noun, label,
                                      round(LABEL_SCORE[label] - 0.2, 2)))
            elif _people_pronoun_partitive(tokens, lo, hi):  # '"They came, maybe 15 of them"': people
                label = _category("person", tokens, lo, hi)
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, "person", label,
                                      round(LABEL_SCORE[label] - 0.2, 2)))
            elif _victims_named_before(tokens, lo):  # "The wounded were taken to X. A nurse said three of them ..."
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, "person", "CASUALTIES",
                                      round(LABEL_SCORE["CASUALTIES"] - 0.2, 2)))
            continue
        elif head == -10:  # an elided noun: the unit and category of the last count of this or the last sentence
            prev_fig = _hedged_antecedent(figures, text, start) or _elided_antecedent(tokens, figures, bare, lo, start)
            if prev_fig is not None:
                label = prev_fig.label
                if label == "CASUALTIES" and hi < len(tokens) and tokens[hi].lower in _FLEEING | {"evacuated", "uprooted"}:
                    label = "PEOPLE"  # "200 were killed and about 60,000 displaced": the displaced are people
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, prev_fig.unit, label,
                                      round(prev_fig.score - 0.15, 2)))
            elif _victims_named_before(tokens, lo, back=2):  # "The wounded were flown out. Two remained in hospital"
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, "person", "CASUALTIES",
                                      round(LABEL_SCORE["CASUALTIES"] - 0.2, 2)))
            continue
        elif head == -16:  # the part of a fronted whole: what the whole counts (its figure is the last one)
            if figures and figures[-1].start >= tokens[sentence_bounds(tokens, lo)[0]].start:
                whole = figures[-1]
                figures.append(Figure(start, end, text[start:end], num.value, qualifier, whole.unit, whole.label,
                                      round(whole.score - 0.1, 2)))
            continue
        elif head == -15:  # "estimated at between 30 and 50", "the rocket, one of 25": the noun named before it
            label = _category(num.unit, tokens, lo, hi)
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, num.unit, label,
                                  round(LABEL_SCORE[label] - 0.2, 2)))
            continue
        elif head == -11:  # a vague plural standing alone for people
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, "person",
                                  _category("person", tokens, lo, hi), round(LABEL_SCORE["PEOPLE"] - 0.15, 2)))
            continue
        elif head == -13:
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, lemma(tokens[hi - 1].text), "PEOPLE",
                                  LABEL_SCORE["PEOPLE"]))
            continue
        elif head == -14:  # a parent's children: the number alone (decision 24), relatives are PEOPLE (decision 28)
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, "child", "PEOPLE",
                                  round(LABEL_SCORE["PEOPLE"] - 0.1, 2)))
            continue
        elif head == -9:
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, "fraction", "OTHER",
                                  LABEL_SCORE["OTHER"]))
            continue
        elif head == -7:
            figures.append(Figure(start, end, text[start:end], num.value, qualifier, "person", "CASUALTIES",
                                  round(LABEL_SCORE["CASUALTIES"] - (0.1 if num.kind == "vague" else 0.0), 2)))
            continue
        elif head == -6:
            unit = f"{lemma(tokens[lo].text)} member"
        else:
            unit = _unit_lemma(tokens[head].text)
            if unit == "other":  # "two soldiers and five others": the others are what the count before counted
                unit = _others_unit(tokens, figures, lo)
        if currency:
            unit = currency[0]
        if not unit:  # the scheme needs a unit: a figure without one is no suggestion
            continue
        label = _category(unit, tokens, lo, hi) if unit != "percent" and unit not in MONEY_UNITS else "OTHER"
        if label == "MUNITIONS" and unit == "round" and head + 2 < len(tokens) and tokens[head + 1].lower == "of" \
                and tokens[head + 2].lower in _ROUNDS_OF_TALK:
            label = "OTHER"  # "two rounds of peace talks": a stage of a process, not rounds of ammunition
        if label == "OTHER" and unit in _WAY_NOUNS and head + 1 < len(tokens) and tokens[head + 1].lower in _WAY_AFTER:
            label = "DISTANCE"  # "a few steps from the gate", "lives two streets away": a way measured in steps
        if label == "DISTANCE" and head > 0 and tokens[head - 1].lower in ("sq", "square"):
            unit, label = f"square {unit}", "OTHER"  # an area: "10 sq km", "1,300 square kilometres"
        if label == "DISTANCE" and head > 0 and tokens[head - 1].lower == "cubic":
            unit, label = f"cubic_{unit}", "OTHER"  # a volume: "4,000 cubic metres" (unit as both golds write it)
        if label == "DISTANCE" and qualifier == "EXACT" and lo > 0 and tokens[lo - 1].lower == "within":
            lo, qualifier = lo - 1, "AT_MOST"  # a radius: "schools within 5 km of the border"
            start = tokens[lo].start
        if head == -4 and ((lo > 0 and tokens[lo - 1].lower in _DISPLACEMENT_WORDS)
                           or (hi < len(tokens) and tokens[hi].lower in _FLEEING)):
            label = "PEOPLE"  # "forced thousands from their homes", "killing two; dozens flee": the displaced
        if head == -4 and label == "PEOPLE" and not _displacement_context(tokens, lo, hi) \
                and not _people_passive_after(tokens, hi) \
                and not (num.kind == "vague" and _perfect_agent_after(tokens, hi + (hi < len(tokens) and tokens[hi].lower == "more"))):
            continue  # a bare number is a count of people only where the sentence says so
        score = LABEL_SCORE[label] - (0.1 if num.kind == "vague" else 0.0)
        figures.append(Figure(start, end, text[start:end], num.value, qualifier, unit, label, round(score, 2)))
    figures = _attacks_twice(tokens, text, figures)
    return _share_coordinated_category(_conversions_share_qualifier(figures, text), text)


_TWICE = {"twice": 2, "thrice": 3}


def _attacks_twice(tokens: list[Token], text: str, figures: list[Figure]) -> list[Figure]:
    """``had been attacked twice``, ``was hit at least twice``: ``twice`` counting the occasions of an
    attack verb is a counted attack, MUNITIONS (decision 28), as ``three times`` is; elsewhere (``postponed
    twice``, ``twice a week``, ``twice that number``) it is no figure, as the golds write it."""
    added = []
    for k, t in enumerate(tokens):
        if t.lower not in _TWICE:
            continue
        qual = qualifier_before(tokens, k)
        lo = qual[1] if qual else k
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) and tokens[k + 1].sent == t.sent else ""
        if nxt in _RATIO_FOLLOWERS or nxt in ("a", "an", "per", "each", "every") or not _attack_occasions(tokens, lo):
            continue
        start, end = tokens[lo].start, t.end
        if any(f.start < end and start < f.end for f in figures):
            continue
        added.append(Figure(start, end, text[start:end], _TWICE[t.lower], qual[0] if qual else "EXACT", "time",
                            "MUNITIONS", LABEL_SCORE["MUNITIONS"]))
    return sorted(figures + added, key=lambda f: f.start) if added else figures


def _unit_lemma(word: str) -> str:
    """The unit of a head noun: ``lemma``, with spaCy's lemma table (knowledge) for the plurals
    a suffix rule gets wrong, ``-ses`` of a noun in ``-s`` (``buses`` -> ``bus``, ``viruses``) and
    ``-ves`` of one in ``-f``/``-fe`` (``knives``, ``wolves``); only where the table agrees with
    that form, since it also gives verb readings (``taxes`` -> ``taxis``)."""
    unit = lemma(word)
    w = word.lower()
    if _currency_plural(w):
        return w[:-1]
    if w.endswith(("ses", "ves")) and "-" not in w:
        from newscorpus.preannotate.knowledge import knowledge

        kb_lemma = knowledge().lemmas.get(w)
        if kb_lemma is not None and kb_lemma in (w[:-2], w[:-3] + "f", w[:-3] + "fe"):
            return kb_lemma
    return unit


# what opens the noun phrase of a partitive's whole: an article, a demonstrative or a possessive
_PARTITIVE_DETERMINERS = {"the", "its", "their", "these", "those", "his", "her", "my", "our", "your"}
# pronouns a partitive can count a part of ("two of them", "30 of which", "several of whom")
_PARTITIVE_PRONOUNS = {"them", "whom", "which", "us", "you", "those", "these"}


def _people_pronoun_partitive(tokens: list[Token], lo: int, hi: int) -> bool:
    """Does a partitive with no noun before it count people: ``of us``, or ``of them`` in a sentence
    whose subject is ``They`` or ``We`` (``They came at dawn, maybe 15 of them``)?"""
    k = hi + 1 if hi < len(tokens) and tokens[hi].lower == "of" else hi + 2  # (past a closing quotation mark)
    if k >= len(tokens) or tokens[k].lower not in ("us", "them"):
        return False
    if tokens[k].lower == "us":
        return True
    s_lo = sentence_bounds(tokens, lo)[0]
    first = next((t for t in tokens[s_lo:lo] if t.is_word()), None)
    return first is not None and first.lower in ("they", "we")


def _pronoun_partitive(tokens: list[Token], num: _Number) -> tuple[int, int] | None:
    """``two of them`` / ``19 of whom`` / ``several of them`` / ``dozens of them``: (end of the
    number, end of the pronoun), or None; a pronoun is followed by no noun (``two of those
    rockets`` is a noun partitive)."""
    j = num.end_tok
    if num.kind == "vague" and tokens[j - 1].lower == "of" and j - 1 > num.start_tok:
        j -= 1  # "dozens of" took its "of" already
    elif num.kind not in ("digits", "words", "vague"):
        return None
    end = j  # the number's end; a quotation mark closing on it ('that "several" of them') is outside
    if j < len(tokens) and tokens[j].text in _CLOSE_QUOTES and tokens[j].start == tokens[j - 1].end:
        j += 1
    if j + 1 >= len(tokens) or tokens[j].lower != "of" or tokens[j + 1].lower not in _PARTITIVE_PRONOUNS \
            or tokens[j + 1].sent != tokens[num.start_tok].sent:
        return None
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    if tokens[j + 1].lower in ("those", "these") and after is not None and after.is_word() and after.lower not in _STOP \
            and after.sent == tokens[j + 1].sent:
        return None
    return end, j + 2


def _whole_start(tokens: list[Token], k: int) -> int | None:
    """After ``N of``: where the number of the whole starts, past a determiner and a possessor
    (``of the 19 centres``, ``of the city's 40 clinics``, ``of Ruritania's 17 provinces``), or None."""
    if k >= len(tokens):
        return None
    if tokens[k].lower in _PARTITIVE_DETERMINERS:
        k += 1
    elif not (tokens[k].is_title() and tokens[k].is_word()):
        return None  # (only a name can stand as a possessor with no determiner)
    elif not (k + 1 < len(tokens) and tokens[k + 1].text in ("'", "’")):
        return None
    if k + 3 < len(tokens) and tokens[k].is_word() and tokens[k + 1].text in ("'", "’") and tokens[k + 2].lower == "s" \
            and tokens[k + 1].start == tokens[k].end and tokens[k + 2].start == tokens[k + 1].end:
        k += 3  # "the enclave's"
    k = _past_qualifier(tokens, k)  # "fewer than 40 of the roughly 150 boats"
    return k if k < len(tokens) and _can_start_number(tokens[k].lower) else None


def _counted_whole(tokens: list[Token], k: int, text: str, above: float = 0) -> tuple[int, int] | None:
    """After a part (``two``, ``half``) ending before token k: when ``of`` + a determiner + a count
    follow (``of the 19 centres``, ``of the roughly 60 minibuses``), (the count's head, where its
    number starts), the part's span running to that head (decision 25); else None."""
    if k >= len(tokens) or tokens[k].lower != "of":
        return None
    w = _whole_start(tokens, k + 1)
    if w is None and above >= 2 and k + 1 < len(tokens) and tokens[k + 1].sent == tokens[k].sent \
            and (tokens[k + 1].text[0].isdigit() or _can_start_number(tokens[k + 1].lower)):
        w = k + 1  # "seven of 31 schools": a part of a bare count (no determiner) nests that count too
    whole = _number_at(tokens, w) if w is not None else None
    if whole is None or whole.kind not in ("digits", "words") or whole.value <= above or _excluded(tokens, whole, text):
        return None
    head = _head_after(tokens, whole.end_tok, whole.value, vague=False)
    return (head, w) if head is not None else None


def _past_qualifier(tokens: list[Token], k: int) -> int:
    """k, or the token after a qualifier phrase at k when a number follows it (``of the roughly
    150 boats``: the whole's number starts there, its qualifier is read back from it)."""
    for length in (4, 3, 2, 1):
        m = k + length
        if m < len(tokens) and tuple(t.lower for t in tokens[k:m]) in QUALIFIER_PHRASES and _can_start_number(tokens[m].lower):
            return m
    return k


def _others_unit(tokens: list[Token], figures: list[Figure], lo: int) -> str:
    """The unit of ``N others``: that of the last count of people in its sentence (``One sailor
    was missing and two others ...`` -> ``sailor``), else ``person``."""
    sent = tokens[lo].sent
    for f in reversed(figures):
        if tokens[bisect_left(tokens, f.start, key=_start_of)].sent < sent:
            break
        if f.unit and is_person_noun(f.unit) and f.unit != "other":
            return f.unit
    return "person"


def _plural_antecedent(tokens: list[Token], lo: int) -> str | None:
    """The lemma of the nearest plural noun of people or munitions before token ``lo`` in its
    sentence or the one before: what a ``them`` with no count before it refers to."""
    s_lo = sentence_bounds(tokens, lo)[0]
    first = sentence_bounds(tokens, s_lo - 1)[0] if s_lo else 0
    for t in reversed(tokens[first:lo]):
        if t.is_word() and t.text.islower() and looks_plural(t.text):
            lem = lemma(t.text)
            if is_person_noun(lem) or lem in MUNITION_UNITS:
                return lem
    return None


_HEDGE_GAP = re.compile(r"\s*,?\s*(?:or\s+)?(?:maybe|perhaps|possibly|probably|sometimes)\s+$", re.IGNORECASE)


def _hedged_antecedent(figures: list[Figure], text: str, start: int) -> Figure | None:
    """``three more days, maybe four``: a hedge offers another count of the figure just before it
    (decision 27), whatever it counts; that figure, or None."""
    if figures and 0 <= start - figures[-1].end < 20 and _HEDGE_GAP.fullmatch(text[figures[-1].end : start]):
        return figures[-1]
    return None


def _elided_antecedent(tokens: list[Token], figures: list[Figure], bare: set[int], lo: int, start: int) -> Figure | None:
    """The count an elided noun refers to: a recent count whose noun its own sentence names before
    it, else the last noun count of this or the previous sentence, else the most recent one whose
    noun the previous sentence names again."""
    sent = tokens[lo].sent
    counts = [f for f in reversed(figures) if f.start not in bare and f.label in ("MUNITIONS", "CASUALTIES", "PEOPLE")]
    s_lo = sentence_bounds(tokens, lo)[0]
    named = {lemma(t.text) for t in tokens[s_lo:lo] if t.is_word() and t.start >= start - 800}
    for f in counts:  # "Most of the rockets were intercepted, but at least three struck": the noun named before it
        if start - f.end > 800:
            break
        if f.unit in named:
            return f
    if counts and tokens[bisect_left(tokens, counts[0].start, key=_start_of)].sent >= sent - 1:
        return counts[0]
    return next((f for f in counts if _mentioned_between(tokens, f, lo, start)), None)


_QUOTE_PAIRS = {('"', '"'), ("“", "”"), ("‘", "’")}
_ONE_UNITS = PEOPLE_UNITS | MUNITION_UNITS | DISTANCE_UNITS | DURATION_UNITS


_PARTICLES = {"up", "down", "out", "off", "away", "back", "in", "on", "over", "through", "apart", "open", "shut"}


def _singular_head(tokens: list[Token], j: int) -> int | None:
    """The head of a singular noun phrase from j: the last of at most two lowercase words, ending
    at punctuation, a function word or a verb in -ed (``one ambulance arrived``); a particle is no
    head (``one broke down``)."""
    words: list[int] = []
    for k in range(j, min(j + 3, len(tokens))):
        t = tokens[k]
        if t.sent != tokens[j - 1].sent or not t.text.isalpha() or not t.text.islower() or t.lower in _STOP \
                or (words and t.lower.endswith("ed")):
            break
        words.append(k)
    else:
        return None  # three words and on: no short noun phrase
    if not words or len(words) > 2 or tokens[words[-1]].lower in _PARTICLES or tokens[words[-1]].lower.endswith("ly"):
        return None
    return words[-1]


def _counts_one(tokens: list[Token], i: int, head: int, found: list) -> bool:
    """Does ``one`` count its noun? Before a person, munition, distance or time unit, or as the
    second conjunct of a count (``two surgeons and one generator``: ``one`` answers ``two``)."""
    if lemma(tokens[head].text) in _ONE_UNITS:
        return True
    if qualifier_before(tokens, i) is not None or (i + 1 < len(tokens) and tokens[i + 1].lower == "more"):
        return True  # "at least one shotgun", "one more engine": only a count takes these
    return i >= 2 and tokens[i - 1].lower in ("and", "or") and bool(found) and found[-1][1] == i - 1 \
        and found[-1][2].value != 1


def _or_so(tokens: list[Token], k: int) -> bool:
    """Do tokens k, k+1 read ``or so``, the hedge after a number (``20 or so people``)?"""
    return k + 1 < len(tokens) and tokens[k].lower == "or" and tokens[k + 1].lower == "so" \
        and tokens[k + 1].sent == tokens[k].sent


def _opens_quotation(tokens: list[Token], k: int) -> bool:
    """Is token k a quotation mark that opens a quotation (a space before it, a word glued after it)?"""
    if k + 1 >= len(tokens) or tokens[k].text not in _OPEN_QUOTES or tokens[k].sent != tokens[k - 1].sent:
        return False
    return tokens[k].start > tokens[k - 1].end and tokens[k + 1].start == tokens[k].end and tokens[k + 1].is_word()


def _start_of(token: Token) -> int:
    return token.start


_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION_END = _BARE_COUNT_END | {"of", "since", "than", "by", "to", "were", "are", "was", "is", "have", "had", "has"}


def _fraction_at(tokens: list[Token], i: int) -> _Number | None:
    """``a third``, ``one-quarter``, ``two thirds``, ``half`` (after a qualifier): a fraction that
    is the amount itself (followed by ``of``, a clause end or a verb, never by the noun it
    would order: ``a third round`` is an ordinal)."""
    tok = tokens[i]
    low = tok.lower
    end = None
    if low == "half" and not _half_a_dozen(tokens, i) and (qualifier_before(tokens, i) is not None
                                                           or _bare_half_of(tokens, i)):
        n, d, end = 1, 2, i + 1
    elif "-" in low and low.count("-") == 1:
        a, b = low.split("-")
        if b in _DENOMINATORS and (a in ("one", "a") or _NUMBER_WORD.fullmatch(a)) and b != "half":
            n, d, end = (1 if a in ("one", "a") else parse_number_words(a) or 0), _DENOMINATORS[b], i + 1
    elif i + 1 < len(tokens) and tokens[i + 1].lower in _DENOMINATORS and tokens[i + 1].lower not in ("half", "halves"):
        b = tokens[i + 1].lower
        if low in ("a", "one") and not b.endswith("s"):
            n, d, end = 1, _DENOMINATORS[b], i + 2
        elif low in UNITS_WORDS[1:9] and b.endswith("s"):
            n, d, end = parse_number_words(low), _DENOMINATORS[b], i + 2
    if end is None or not n or n >= d:
        return None
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and nxt.sent == tok.sent and nxt.is_word() and nxt.lower not in _FRACTION_END \
            and not (low == "half" and nxt.lower in _PARTITIVE_DETERMINERS):
        return None
    if low in ("a", "one") and qualifier_before(tokens, i) is None and (nxt is None or nxt.lower != "of"):
        return None  # "a third" alone is too often an ordinal ("for a third")
    if end + 2 < len(tokens) and nxt.lower == "of" and tokens[end + 1].lower in ("a", "an") \
            and tokens[end + 2].lower in SCALE_WORDS:
        return None  # "a quarter of a million people": a number of people (_number_at reads it)
    return _Number(i, end, round(n / d, 3), "fraction")


# words before "half" that make it a part of a period or an ordinal half ("the first half of April")
_NOT_BARE_HALF = {"the", "a", "an", "first", "second", "last", "latter", "other", "next", "one", "and", "this", "that",
                  "top", "bottom", "upper", "lower", "back", "front", "northern", "southern", "eastern", "western"}


def _bare_half_of(tokens: list[Token], i: int) -> bool:
    """``half of the village`` with no qualifier: a fraction of a whole named by a determiner and
    a noun, unless an ordinal or article makes it a part (``the first half of the year``)."""
    prev = tokens[i - 1].lower if i and tokens[i - 1].sent == tokens[i].sent else ""
    return prev not in _NOT_BARE_HALF and _fraction_whole_head(tokens, i + 1, half=True) is not None


def _fraction_whole_head(tokens: list[Token], k: int, half: bool = False) -> int | None:
    """After a fraction, ``of`` + a determiner + a noun phrase (``of the groves``, ``of their
    land``, ``of the city's homes``): the head of that noun, which the partitive's span runs to
    (decision 25), or None (``of them``, ``of Gaza's population``: a pronoun or a bare name). After
    ``half`` the ``of`` may be left out (``half the town``)."""
    if half and k < len(tokens) and tokens[k].lower in _PARTITIVE_DETERMINERS and tokens[k].sent == tokens[k - 1].sent:
        k -= 1  # (read as if "of" stood before the determiner)
    elif k + 2 >= len(tokens) or tokens[k].lower != "of" or tokens[k + 1].sent != tokens[k].sent:
        return None
    if k + 2 >= len(tokens) or tokens[k + 1].lower not in _PARTITIVE_DETERMINERS:
        return None
    head, m = None, k + 2
    while m < min(k + 8, len(tokens)):
        t = tokens[m]
        if t.sent != tokens[k].sent:
            break
        if head is not None and t.text in ("'", "’") and m + 1 < len(tokens) and tokens[m + 1].lower == "s" \
                and t.start == tokens[m - 1].end:
            head, m = None, m + 2  # "of the city's homes": the possessor is no head
            continue
        if not t.text.isalpha() or not t.text.islower() or t.lower in _STOP \
                or (head is not None and (t.lower.endswith("ed") or _past_form(t.lower))):
            break
        head, m = m, m + 1
        if looks_plural(t.text):
            break
    return head


_NOT_HEAD_TAIL = {"last", "next", "earlier", "later", "ago", "yesterday", "today", "tonight", "overnight", "week",
                  "month", "year", "day", "night", "morning", "evening", "afternoon", "now", "again", "alone",
                  "away", "back", "instead", "too", "still", "already", "yet", "ever", "once"}


_FIRST_PART = re.compile(r"[^-‐‑–]*")
_NUMBER_STARTS = {w.lower() for w in (*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS)} | {
    "a", "an", "another", "dozens", "hundreds", "thousands", "millions", "scores", "several", "tens", "dozen", "half", "few"}


@lru_cache(maxsize=65536)
def _can_start_number(low: str) -> bool:
    """Can a token with this lowercase form start a number? (a digit, a number word, or a
    hyphenated word whose first part is one; an all-letter word is its own first part)"""
    return low[:1].isdigit() or low in _NUMBER_STARTS or (
        not low.isalpha() and _FIRST_PART.match(low).group() in _NUMBER_STARTS)


def _quoted_amount_close(tokens: list[Token], lo: int, num: _Number) -> int | None:
    """The closing quotation mark of an amount quoted on its own (``"several"``, ``"four or five"``,
    ``"about a dozen"``), the marks glued to it, or None."""
    if lo == 0 or tokens[lo - 1].end != tokens[lo].start:
        return None
    close = num.end_tok
    if close + 1 < len(tokens) and tokens[close].lower in _RANGE_JOINERS and num.kind in ("digits", "words") \
            and (second := _number_at(tokens, close + 1)) is not None and second.kind in ("digits", "words"):
        close = second.end_tok
    if close < len(tokens) and (tokens[lo - 1].text, tokens[close].text) in _QUOTE_PAIRS \
            and tokens[close].start == tokens[close - 1].end:
        return close
    return None


_RANGE_JOINERS = {"to", "-", "–", "or"}


def _range_end(tokens: list[Token], lo: int, num: _Number):
    """``30 and 40 shells`` after ``between`` / ``10 to 14 days``: (second number end, head index)."""
    j = num.end_tok
    if j + 1 >= len(tokens) or num.kind not in ("digits", "words"):
        return None
    joiner = tokens[j].lower
    if not ((joiner == "and" and lo > 0 and tokens[lo - 1].lower == "between") or joiner in _RANGE_JOINERS):
        return None
    second = _number_at(tokens, j + 1)
    if second is None or second.kind not in ("digits", "words") or (joiner == "or" and second.value <= num.value):
        return None  # ("four or five men" is a range; "one or two" too, "five or one" no English)
    k = second.end_tok
    if k < len(tokens) and (tokens[k].text == "%" or tokens[k].lower == "percent"):
        return k, -2  # "between 10 and 15 percent": a range of percentages
    if k + 1 < len(tokens) and tokens[k].lower == "per" and tokens[k + 1].lower == "cent":
        return k + 1, -2
    head = _head_after(tokens, k, second.value, vague=False)
    return (k, head) if head is not None else None


def _elided_range_end(tokens: list[Token], num: _Number) -> int | None:
    """``between 30 and 50,`` with no noun after it: the end of the second number, if a clause
    end or a verb follows it."""
    j = num.end_tok
    if j + 1 >= len(tokens) or tokens[j].lower != "and" or num.kind not in ("digits", "words"):
        return None
    second = _number_at(tokens, j + 1)
    if second is None or second.kind not in ("digits", "words") or second.value <= num.value:
        return None
    k = second.end_tok
    if k < len(tokens) and tokens[k].sent == tokens[j].sent and tokens[k].lower not in _BARE_COUNT_END \
            and not _opens_predicate(tokens, k, verbs_only=True):
        return None
    return k


def _before_more(tokens: list[Token], num: _Number) -> int:
    """The end of a number with no noun, before a ``more`` it may have taken (``dozens more``)."""
    j = num.end_tok
    return j - 1 if j - 1 > num.start_tok and tokens[j - 1].lower == "more" else j


def _bare_people_count(tokens: list[Token], lo: int, num: _Number) -> bool:
    """``killing at least 17, ...``: a number with no noun, in a sentence about casualties or
    displacement, right after a verb of killing/displacing or ending its clause."""
    j = num.end_tok + (2 if _or_so(tokens, num.end_tok) else 0)  # "killed 20 or so" (decision 27: the number)
    nxt = tokens[j] if j < len(tokens) and tokens[j].sent == tokens[j - 1].sent else None  # a headline ends at its line
    if num.kind == "vague" and nxt is not None and nxt.lower in _FLEEING:
        return True  # "sent thousands fleeing"
    if nxt is not None and nxt.lower in _CASUALTY_PARTICIPLES and _sentence_start(tokens, lo) \
            and (num.kind != "words" or num.value >= 2):
        return True  # a headline's "Five killed as ...", "At least 12 dead in ..." (decision 24: the number)
    if _passive_casualty_after(tokens, j):
        return True  # "at least 7 were killed", "thousands have fled"
    if num.kind == "vague" and nxt is not None and _perfect_agent_after(tokens, j + (nxt.lower == "more")):
        return True  # "hundreds have returned", "thousands more had left": the doers of an act are people
    if nxt is not None and nxt.lower == "more" and (j + 1 >= len(tokens) or tokens[j + 1].lower in _BARE_COUNT_END):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None  # "wounded 30 more"
        lo_prev = tokens[lo - 1].lower if lo > 0 else ""
        return lo_prev in CASUALTY_WORDS | _DISPLACEMENT_WORDS
    if nxt is not None and nxt.lower not in _BARE_COUNT_END and nxt.lower not in _DEAD_CLAUSE:
        return False  # (a conjunction opening a clause ends the count too: "Storm kills 14 as rivers rise")
    if num.kind == "words" and num.value < 2:
        return False
    if nxt is not None and nxt.text == "." and num.kind == "digits" and j + 1 < len(tokens) and tokens[j + 1].text.isdigit():
        return False
    prev = tokens[lo - 1].lower if lo > 0 else ""
    return prev in CASUALTY_WORDS | _DISPLACEMENT_WORDS | {"kill", "kills", "killing"} \
        or (prev in {"some", "another"} and lo > 1 and tokens[lo - 2].lower in CASUALTY_WORDS) \
        or (prev in {"to", "at", "reached", "hit", "passed", "topped", "exceeded"}
            and any(t.lower in _TOTAL_WORDS for t in tokens[max(0, lo - 6) : lo]))  # "the death toll rose to 31"


_AUX = {"were", "was", "have", "had", "has", "are", "is"}
# words after which a reported clause starts, with its subject ("a nurse said two were in critical condition")
_CLAUSE_OPENERS = {"said", "says", "that", "where"}  # ("taken to a hospital, where two died")


def _elided_group_opener(tokens: list[Token], lo: int) -> bool:
    """Does a subject that points back at people already counted open before token lo (``All three
    were taken to hospital``, ``The other two were expected to recover``)? The number stands alone."""
    if lo >= 1 and tokens[lo - 1].lower == "all" and _sentence_start(tokens, lo - 1):
        return True
    # ("The other two were expected to recover", "The bodies of the other three were taken home": the rest of
    # a group already named, wherever the phrase stands in its clause)
    return lo >= 2 and tokens[lo - 1].lower in ("other", "remaining") and tokens[lo - 2].lower == "the"


# nouns made of an adjective that stand for the people harmed ("the wounded", "the dead")
_VICTIM_ADJECTIVES = {"wounded", "injured", "dead", "hurt"}


def _victims_named_before(tokens: list[Token], lo: int, back: int = 1) -> bool:
    """Does ``the wounded`` / ``the dead`` / ``the injured`` (the adjective standing for its people,
    no noun after it) stand before token lo in its sentence or the ``back`` sentences before? Then a
    number with no noun and no count to point back at counts those victims (``The wounded were flown
    out. Two remained in intensive care``; ``a nurse said three of them had lost limbs``)."""
    first = sentence_bounds(tokens, lo)[0]
    for _ in range(back):
        if first:
            first = sentence_bounds(tokens, first - 1)[0]
    for k in range(max(first, lo - 120), lo - 1):
        if tokens[k].lower == "the" and tokens[k + 1].lower in _VICTIM_ADJECTIVES and _victims_at(tokens, k + 1):
            return True
        if tokens[k].lower == "the" and k + 2 < lo and tokens[k + 2].lower in _VICTIM_ADJECTIVES \
                and (parse_digits(tokens[k + 1].text) is not None or _is_number_word(tokens[k + 1])) \
                and _victims_at(tokens, k + 2):
            return True  # "the seven wounded were taken to hospital. Four have been discharged"
    return False


_CASUALTY_PARTICIPLES = {"killed", "wounded", "injured", "hurt", "dead", "slain"}


def _one_of_noun(tokens: list[Token], lo: int) -> str | None:
    """After ``<noun>, one of`` (an appositive: ``The rocket, one of about 25 launched``): the
    lemma of that noun, which the number with no noun of its own counts; else None."""
    if lo < 4 or tokens[lo - 1].lower != "of" or tokens[lo - 2].lower != "one" or tokens[lo - 3].text != ",":
        return None
    noun = tokens[lo - 4]
    if not (noun.is_word() and noun.text.isalpha() and noun.text.islower()) or noun.lower in _STOP \
            or noun.sent != tokens[lo].sent:
        return None
    return lemma(noun.text)


def _part_of_fronted_whole(tokens: list[Token], lo: int, num: _Number, found: list) -> bool:
    """Is the number at ``lo``, with no noun, the subject of a clause after a fronted ``Of`` phrase
    that counts the whole (``Of the 7,000 people registered, fewer than 2,000 remain``)? Its noun is
    the whole's."""
    if not found or not lo or tokens[lo - 1].text != "," or not _opens_predicate(tokens, num.end_tok, verbs_only=True):
        return False
    w_lo, _, whole, _, _ = found[-1]
    if not w_lo < lo or whole.value <= num.value or tokens[w_lo].sent != tokens[lo].sent:
        return False
    # "Of" opens the sentence (or a quotation) a few words before the whole: "Of the roughly 7,000"
    return any(tokens[k].lower == "of" and _sentence_start(tokens, k) for k in range(max(0, w_lo - 4), w_lo))


def _victims_at(tokens: list[Token], k: int) -> bool:
    """Is token k a casualty participle standing for people, with no noun after it (``the wounded``,
    ``the dead``), as after a partitive's determiner?"""
    if k >= len(tokens) or tokens[k].lower not in _CASUALTY_PARTICIPLES or tokens[k].sent != tokens[k - 1].sent:
        return False
    return k + 1 >= len(tokens) or not _noun_follows(tokens, k) or tokens[k + 1].lower in _PREDICATE_AUX
# what may follow "N dead" before a clause that says why ("At least 9 dead as storm hits coast")
_DEAD_CLAUSE = {"among", "after", "as", "when", "following", "amid", "while"}
# nouns of a casualty total a bare number can reach ("the number of dead rose to 90", "the toll hit 31")
_TOTAL_WORDS = {"toll", "dead", "deaths", "casualties", "fatalities"}
# words before a bare number that make it a total or a comparison of a count already stated
def _mentioned_between(tokens: list[Token], fig: Figure, lo: int, start: int) -> bool:
    """Is the counted noun of ``fig`` named again in the sentence before token ``lo`` (``fig``
    within 800 characters)? ("... 40 rockets ... Most of the rockets were intercepted. Two fell":
    the count goes on through the mention.)"""
    if start - fig.end > 800:
        return False
    s_lo = sentence_bounds(tokens, lo)[0]
    prev_lo = sentence_bounds(tokens, s_lo - 1)[0] if s_lo else 0
    return any(lemma(t.text) == fig.unit for t in tokens[prev_lo:s_lo] if t.start >= fig.end)


_COMPARISON_LEADS = {("up", "from"), ("down", "from"), ("out", "of"), ("compared", "with"), ("compared", "to")}
_AGE_WORDS = {"aged", "age", "ages", "ageing", "aging"}


_PREDICATE_PREPOSITIONS = {"in", "at", "on", "from", "across", "inside", "outside", "near", "still"}
_PREDICATE_AUX = {"were", "was", "are", "is", "have", "had", "has", "will", "would", "could", "may", "might", "remain",
                  "remained"}


def _opens_predicate(tokens: list[Token], j: int, *, verbs_only: bool = False) -> bool:
    """Does token j begin what is said of a subject that has no noun: an auxiliary or a past
    tense in -ed (``Two were shot down``, ``Three landed in a field``), or, for a vague plural, a
    preposition (``Thousands in evacuation centres``)?"""
    if j >= len(tokens) or tokens[j].sent != tokens[j - 1].sent:
        return False
    low = tokens[j].lower
    if low in _PREDICATE_AUX or (low.endswith("ed") and tokens[j].text.isalpha() and tokens[j].text.islower()):
        return True
    if tokens[j].text.islower() and tokens[j].text.isalpha() and not low.endswith("s") and _past_form(low):
        return True  # "Two fell in open ground": an irregular past form (spaCy's lemma table)
    if verbs_only or low not in _PREDICATE_PREPOSITIONS or tokens[j - 1].lower in ("millions", "billions"):
        return False  # ("Millions in aid": an amount of money)
    # where the people are: "in evacuation centres", "at the border", "in Gaza" (not "in aid", "in cash")
    after = tokens[j + 1 : j + 4]
    return bool(after) and (after[0].lower in ("the", "a", "an") or after[0].is_title()
                            or any(t.sent == tokens[j].sent and looks_plural(t.text) for t in after))


def _past_form(word: str) -> bool:
    """Is ``word`` an inflected verb form (its lemma in spaCy's English lemma table is another
    word, a verb), not a noun? Read lazily: few numbers open a sentence with no noun."""
    from newscorpus.preannotate.knowledge import knowledge

    kb = knowledge()
    lem = kb.lemmas.get(word)
    return lem is not None and lem != word and lem in kb.verbs and word not in PEOPLE_UNITS


def _elided_count(tokens: list[Token], lo: int, num: _Number, qualified: bool) -> bool:
    """``up from about 2,500 a day``, ``put the figure at nearly 6,500,``, ``out of 251 seized``: a
    number with no noun after it, after a qualifier, a hedge or a comparison, that ends its phrase; its noun
    is elided (the caller takes the unit of the count stated before it)."""
    j = num.end_tok
    nxt = tokens[j] if j < len(tokens) and tokens[j].sent == tokens[j - 1].sent else None
    if nxt is not None and nxt.is_word() and nxt.lower not in _BARE_COUNT_END | {"already", "still", "a", "per", "each"} \
            and not (nxt.text.isalpha() and nxt.text.islower() and (nxt.lower.endswith("ed") or _past_form(nxt.lower))):
        # ("out of 251 seized"; an irregular past as well: "at least three struck the town")
        return False
    if nxt is not None and not nxt.is_word() and nxt.text not in {",", ".", ";", ":", ")", "—", "–", "!", "?"} | _CLOSE_QUOTES:
        return False  # "about 40 %", "nearly 3/4"
    prev = tokens[lo - 1].lower if lo > 0 else ""
    if prev in _AGE_WORDS:
        return False
    # (a hedge offers another count of the same noun: "two missiles, maybe three")
    return qualified or prev in HEDGE_WORDS or (lo >= 2 and (tokens[lo - 2].lower, prev) in _COMPARISON_LEADS)


def _passive_casualty_after(tokens: list[Token], j: int) -> bool:
    """``N were killed``, ``N have been wounded``, ``N had fled``: an auxiliary, then a casualty or
    displacement verb within three words."""
    if j < len(tokens) and tokens[j].lower == "more":
        j += 1  # "up to 1,200 more were sheltering"
    if j >= len(tokens) or (tokens[j].lower not in _AUX and tokens[j].lower not in _HEDGES):
        return False
    for t in tokens[j + 1 : j + 5]:
        if t.lower in CASUALTY_WORDS or t.lower in _DISPLACEMENT_WORDS or t.lower in _PEOPLE_PASSIVES:
            return True
        if t.lower not in {"been", "also", "reportedly", "now", "since", "later", "to", "be", "have", "still"} \
                and t.lower not in _HEDGES:
            return False
    return False


# passives whose subject can only be people: "300 were arrested", "at least 12 were abducted"
_PEOPLE_PASSIVES = {"arrested", "detained", "abducted", "kidnapped", "rescued", "freed", "jailed", "imprisoned",
                    "captured", "deported", "expelled", "missing", "rounded", "sentenced", "convicted", "charged",
                    "questioned", "interrogated", "hospitalised", "hospitalized", "stranded", "trapped"}
# "at least 30 believed to be dead", "12 feared killed": a hedged passive
_HEDGES = {"believed", "feared", "presumed", "thought", "reported", "confirmed", "said"}


_CAPTURE_VERBS = (_PEOPLE_PASSIVES - {"missing", "stranded", "trapped", "hospitalised", "hospitalized"}) | {"evacuated"}
_CAPTURE_VERBS |= {w[:-2] + "ing" for w in _CAPTURE_VERBS if w.endswith("ed")} | {"freeing"}


def _people_passive_after(tokens: list[Token], j: int) -> bool:
    """``N were arrested``, ``N have been abducted``: an auxiliary, then a passive only people
    undergo, within three words."""
    if j < len(tokens) and tokens[j].lower == "more":
        j += 1
    if j >= len(tokens) or tokens[j].lower not in _AUX:
        return False
    return any(t.lower in _PEOPLE_PASSIVES for t in tokens[j + 1 : j + 4])


def _displacement_context(tokens: list[Token], lo: int, hi: int) -> bool:
    s_lo, s_hi = sentence_bounds(tokens, lo)
    return any(t.lower in _DISPLACEMENT_WORDS for t in tokens[max(s_lo, lo - 9) : min(s_hi, hi + 6)])


def _hyphen_head(tokens: list[Token], j: int) -> int | None:
    """The noun a hyphenated duration modifies: ``10-month war``, ``72-hour humanitarian truce``,
    ``nine-storey apartment block`` (the last of up to three lowercase words before a stop word)."""
    head = None
    for k in range(j, min(j + 3, len(tokens))):
        t = tokens[k]
        if not t.is_word() or t.lower in _STOP or t.lower in {"long"} or t.is_title() or not t.text.isalpha() \
                or (k > j and (t.lower in _NOT_HEAD_TAIL or (_past_form(t.lower) and not _ing_noun_head(tokens, k)))):
            break  # (an irregular past after the head is its verb: "a 48-hour truce began")
        if k > j and t.start > tokens[k - 1].end + 1:
            break
        head = k
        if looks_plural(t.text) and k > j:
            break
        if t.lower in MUNITION_UNITS or t.lower in PEOPLE_UNITS:
            break  # a counted-thing noun is the head ("500-pound bomb hit the school")
        if _ing_noun_head(tokens, k) and k + 1 < len(tokens) and (tokens[k + 1].lower.endswith("ing")
                                                                  or _past_form(tokens[k + 1].lower)):
            break  # a participle after a noun in -ing starts a clause: "a two-storey building housing ..."
        if k + 1 < len(tokens) and tokens[k + 1].lower.endswith("ed"):
            break
    return head


def _ing_noun_head(tokens: list[Token], k: int) -> bool:
    """Is the ``-ing`` word at k a noun heading its phrase (``a six-storey residential building in``),
    not a participle going on to its object (``a 48-hour truce ending Friday``)? A listed noun in
    ``-ing``, or one that nothing but a function word or punctuation follows."""
    low = tokens[k].lower
    if not low.endswith("ing"):
        return False
    from newscorpus.preannotate.knowledge import knowledge

    if low in knowledge().common_nouns_ing:
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is None or nxt.sent != tokens[k].sent or not nxt.is_word() or nxt.lower in _STOP


def _conversions_share_qualifier(figures: list[Figure], text: str) -> list[Figure]:
    """``about 8 km (5 miles)``: a bracketed conversion restates the figure before it, qualifier and all."""
    out = list(figures)
    for a in range(1, len(out)):
        x, y = out[a - 1], out[a]
        if y.qualifier == "EXACT" and x.qualifier != "EXACT" and x.label == y.label \
                and text[x.end : y.start] in ("(", " (") and text[y.end : y.end + 1] == ")":
            out[a] = Figure(y.start, y.end, y.text, y.value, x.qualifier, y.unit, y.label, y.score)
    return out


def _age_of(tokens: list[Token], lo: int) -> bool:
    """``a girl of 12``, ``a man of about 40``: one person "of" a bare number is that person's age
    (a singular person noun after ``a``/``an``; parents and collectives count their members instead)."""
    if lo < 3 or tokens[lo - 1].lower != "of" or tokens[lo - 3].lower not in ("a", "an"):
        return False
    noun = tokens[lo - 2].lower
    return noun not in _PARENTS and noun not in COLLECTIVES and lemma(noun) == noun and is_person_noun(noun)


# places counted by their people ("a town of 20,000"), groupings by their members ("groups of five"),
# convoys by their vehicles ("a convoy of 12"): the noun "of" a bare number whose own noun is left out
_POPULATED = {"city", "town", "village", "country", "nation", "province", "district", "island", "camp",
              "neighbourhood", "neighborhood", "municipality", "settlement", "community", "population"}
_GROUPINGS = {"group", "groups", "band", "bands", "batch", "batches", "teams", "units", "squads", "cells", "waves",
              "salvos", "volleys"}
_CONVOYS = {"convoy", "convoys", "column", "columns", "motorcade"}


def _settled_or_grouped(tokens: list[Token], lo: int, num: _Number) -> tuple[int, str] | None:
    """``a city of about 45,000``, ``small groups of three or four``, ``convoys of six,``: after a
    place, grouping or convoy noun and ``of``, a number (or an ``N or M`` range) that ends its phrase
    has no noun of its own; (its end, the unit it counts) or None. Groupings of rockets or drones
    count those (``fired in salvos of four``)."""
    if lo < 2 or tokens[lo - 1].lower != "of" or tokens[lo - 2].sent != tokens[lo].sent:
        return None
    noun = tokens[lo - 2].lower
    if noun not in _POPULATED and noun not in _GROUPINGS and noun not in _CONVOYS:
        return None
    end = num.end_tok
    if end + 1 < len(tokens) and tokens[end].lower == "or":
        upper = _number_at(tokens, end + 1)
        if upper is not None and upper.kind == num.kind and upper.value > num.value:
            end = upper.end_tok
    if end < len(tokens) and tokens[end].sent == tokens[end - 1].sent and tokens[end].lower not in _BARE_COUNT_END \
            and tokens[end].text not in _CLOSE_QUOTES and tokens[end].lower not in ("who", "which", "that", "each", "apiece"):
        return None
    if noun in _CONVOYS:
        return end, "vehicle"
    if noun in _GROUPINGS:
        ante = _plural_antecedent(tokens, lo)
        return end, (ante if ante in MUNITION_UNITS else "person")
    return (end, "person") if num.value >= 50 else None  # (a place of a handful is no population)


# "a mother of five", "father of three": the number counts the parent's children, their noun left out
_PARENTS = {"mother", "father", "parent", "grandmother", "grandfather", "grandparent"}
# collective nouns counted with "of": "a crew of 23", "a family of five"
COLLECTIVES = {"crew", "family", "team", "delegation", "contingent", "platoon", "squad", "band"}
_REPORTING = {"says", "reports", "claims", "estimates", "counts", "puts", "lists", "numbers", "totals", "kills",
              "injures", "wounds", "displaces", "fires", "launches", "has", "is", "was"}


def _spatial_preposition(tokens: list[Token], q: int, i: int) -> bool:
    """``over``/``under`` after a plural noun is a preposition, not a qualifier: ``drones over 14
    regions``, ``strikes over two days`` (unlike ``killed over 50 people``)."""
    if i - q != 1 or tokens[q].lower not in ("over", "under") or q == 0:
        return False
    p = tokens[q - 1]
    return p.is_word() and p.text.islower() and p.lower not in _REPORTING and looks_plural(p.text) \
        and lemma(p.text) != p.lower and not p.lower.endswith(("ss", "us", "is"))


# fixed "noun of noun" compounds a measure modifies whole ("a 30-day state of emergency")
OF_COMPOUNDS = {("state", "emergency"), ("state", "siege"), ("state", "alert"), ("period", "mourning"),
                ("day", "mourning"), ("days", "mourning"), ("cessation", "hostilities"), ("period", "calm"),
                ("freedom", "movement"), ("right", "return")}


def _of_compound_end(tokens: list[Token], head: int) -> int:
    """The last token of the head noun at ``head``: ``state of emergency`` is one noun."""
    if head + 2 < len(tokens) and tokens[head + 1].lower == "of" and tokens[head + 2].sent == tokens[head].sent \
            and (tokens[head].lower, tokens[head + 2].lower) in OF_COMPOUNDS:
        return head + 2
    return head


# words after a measure that say where or how far, not what it measures ("a 10 km north of", "5 km away")
_NOT_MEASURED = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away", "long",
                 "wide", "high", "deep", "tall", "old", "ago", "later", "earlier", "off", "inland", "offshore", "apart"}


def _measure_modifier(tokens: list[Token], lo: int, num: _Number, head: int | None) -> int | None:
    """``a 20 litre can``, ``a 5 amp subscription``, ``a 10 km stretch``: after ``a``/``an``, a
    number, a singular unit and a noun; the measure modifies the noun (written without the hyphen
    of ``a 20-litre can``), so the span runs to it. The index of that noun, or None."""
    j = num.end_tok
    if lo == 0 or tokens[lo - 1].lower not in ("a", "an") or lo != num.start_tok or num.kind not in ("digits", "words") \
            or j + 1 >= len(tokens) or (head is not None and head != j):
        return None
    unit, noun = tokens[j], tokens[j + 1]
    if unit.sent != tokens[j - 1].sent or noun.sent != unit.sent or not unit.text.isalpha() or not unit.text.islower() \
            or unit.lower in _STOP or unit.lower in CURRENCY_NOUNS \
            or (looks_plural(unit.text) and unit.lower not in ("km", "kms")) \
            or unit.start > tokens[j - 1].end + 1 or noun.start > unit.end + 1:
        return None
    if not noun.text.isalpha() or not noun.text.islower() or noun.lower in _NOT_MEASURED \
            or (noun.lower in _STOP and noun.lower not in ("can",)) or noun.lower.endswith("ly"):
        return None  # ("can" after a measure is the noun: "a 20 litre can")
    return _of_compound_end(tokens, j + 1)


_PARTS_OF_DAY = {"morning", "mornings", "night", "nights", "evening", "afternoon"}


def _frequency(tokens: list[Token], head: int) -> bool:
    """``three times a week``, ``four times per day``, ``three mornings a week``: how often, a rate
    (decision 26's ``twice a week``), not a count."""
    low = tokens[head].lower
    return (low == "times" or low in _PARTS_OF_DAY) and head + 2 < len(tokens) \
        and tokens[head + 1].lower in ("a", "an", "per", "each", "every") \
        and (tokens[head + 2].lower in DURATION_UNITS or tokens[head + 2].lower in _PARTS_OF_DAY)


# after "N times", words that make it a ratio of two amounts, not a count of occasions
_RATIO_FOLLOWERS = {"the", "that", "those", "as", "more", "less", "fewer", "what", "its", "their"}
# words in -er after "N times" that are no comparatives ("three times over", "twice earlier this year")
_NOT_COMPARATIVE = {"over", "after", "under", "earlier", "later", "ever", "never", "either", "together", "per",
                    "whether", "other", "another", "hereafter", "thereafter"}


def _multiplier(tokens: list[Token], head: int) -> bool:
    """``several times larger``, ``three times the population of the town``, ``at least three times
    that``, ``four times as many``: ``times`` before a comparative or the amount compared states a
    ratio between two amounts, not how often something happened (the golds leave these out)."""
    if tokens[head].lower != "times" or head + 1 >= len(tokens) or tokens[head + 1].sent != tokens[head].sent:
        return False
    nxt = tokens[head + 1].lower
    if nxt in ("the", "that", "those") and head + 2 < len(tokens) and tokens[head + 2].lower in DURATION_UNITS:
        return False  # "three times that week", "twice the same day" are occasions in a period
    return nxt in _RATIO_FOLLOWERS or (nxt.endswith("er") and len(nxt) >= 5 and nxt.isalpha()
                                       and nxt not in _NOT_COMPARATIVE)


# before a length unit, words that make it an area or a volume ("4,000 cubic metres a day" is no speed)
_AREA_VOLUME = {"cubic", "square", "sq"}


def _speed(tokens: list[Token], head: int) -> bool:
    """``30 km per hour``, ``60 miles an hour``: a distance per unit of time is a rate (decision 26)."""
    return head + 2 < len(tokens) and not (head and tokens[head - 1].lower in _AREA_VOLUME) \
        and (tokens[head].lower in DISTANCE_UNITS or lemma(tokens[head].text) in DISTANCE_UNITS) \
        and tokens[head + 1].lower in ("a", "an", "per", "each", "every") and tokens[head + 2].lower in DURATION_UNITS


_MEASURE_AFTER = {"degree", "degrees", "percent", "%", "per", "pc"}


def _place_preposition(tokens: list[Token], q: int, num: _Number) -> bool:
    """``above``/``below`` bound a measure (``above 35 degrees``, ``below 5 percent``, ``above
    $100``, ``below 500 metres``) and otherwise say where (``flew above two villages``)."""
    if tokens[q].lower not in ("above", "below"):
        return False
    nxt = tokens[num.end_tok].lower if num.end_tok < len(tokens) else ""
    return not (nxt in _MEASURE_AFTER or nxt in DISTANCE_UNITS or num.kind == "glued"
                or _currency_prefix(tokens, num.start_tok) is not None)


# the scale a temperature in degrees is read on belongs to its unit ("above 35 degrees Celsius")
_TEMPERATURE_SCALES = {"celsius", "fahrenheit", "centigrade", "kelvin"}


def _coordinated_head(tokens: list[Token], head: int) -> int:
    """``40 soldiers and volunteer militiamen were killed``: one count of two kinds of people (no
    second number), the second with a modifier of its own, so the span runs to the second head.
    Returns the last head token's index."""
    k = head + 1
    if k >= len(tokens) or tokens[k].lower not in ("and", "or") or lemma(tokens[head].text) not in PEOPLE_UNITS:
        return head
    for m in range(k + 1, min(k + 4, len(tokens))):
        t = tokens[m]
        if not t.is_word() or not t.text.replace("-", "").isalpha() or t.lower in _STOP or _is_number_word(t) \
                or t.lower in _NUMBER_STARTS:
            return head  # (a second number: "four soldiers and several civilians" is two counts)
        if t.is_title():
            continue  # a capitalised modifier ("Wagner fighters") may come before the head, not be it
        if m + 1 < min(k + 4, len(tokens)) and tokens[m + 1].is_word() and tokens[m + 1].text.islower() \
                and tokens[m + 1].lower not in _STOP and lemma(t.text) not in PEOPLE_UNITS:
            continue  # a noun modifier ("human rights defenders")
        if looks_plural(t.text) or t.lower in {"militiamen", "gunmen", "police", "personnel", "staff"}:
            lem = lemma(t.text)
            lem = lem[:-3] + "man" if lem.endswith("men") and lem not in PEOPLE_UNITS else lem
            # (a bare second noun is a second head of the same number, and the span ends at the first,
            # as the guidelines' "rockets and drones": "200 police officers and soldiers" -> "200 police officers")
            if lem in PEOPLE_UNITS and m > k + 1 and (m + 1 >= len(tokens) or tokens[m + 1].lower not in ("of",)) \
                    and lem != lemma(tokens[head].text):
                return m
            return head
    return head


def _share_coordinated_category(figures: list[Figure], text: str) -> list[Figure]:
    """``14 soldiers and 10 civilians have been killed``: both conjuncts are casualties."""
    out = list(figures)
    for a in range(len(out) - 1):
        x, y = out[a], out[a + 1]
        between = text[x.end : y.start].strip().lower()
        if between not in ("and", "or", ", and", ","):
            continue
        labels = {x.label, y.label}
        after = text[y.end : y.end + 12].split(maxsplit=1)
        if after and after[0].lower() in _FLEEING | {"evacuated", "uprooted"}:
            continue  # "killed 90 people and about 8,000 displaced": the second conjunct says what befell it
        if labels == {"CASUALTIES", "PEOPLE"} and x.unit not in NOT_CASUALTY_UNITS and y.unit not in NOT_CASUALTY_UNITS:
            out[a] = _relabel(x, "CASUALTIES")
            out[a + 1] = _relabel(y, "CASUALTIES")
    return out


def _relabel(f: Figure, label: str) -> Figure:
    return Figure(f.start, f.end, f.text, f.value, f.qualifier, f.unit, label, f.score)
