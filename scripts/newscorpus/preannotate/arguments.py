"""Event ARGUMENTS: links from each event to the spans a local rule can tell (AGENT, TARGET,
VICTIM, PARTICIPANT, QUANTITY, PLACE, TIME).

The rules read news syntax around the trigger, in its sentence: patterns right before and after
it, then the clause it sits in (bounded by relative clauses, quotes, reporting verbs and dashes),
then what the syntax shares between the events of a sentence (a participle clause takes the
main clause's agent). They follow the scheme's roles and the adjudication decisions of
``annotations/GUIDELINES.md`` (sides of a CONFLICT are AGENTs, decision 11; a time dates the
event, not a reporting verb, decision 15). A rule that cannot decide links nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from newscorpus.preannotate.scan import finditer
from newscorpus.preannotate.times import REPORTING_TIME as _REPORTING_TIME

if TYPE_CHECKING:
    from newscorpus.preannotate.events import Event

_AGENTIVE_VERBS = {"fired", "struck", "attacked", "killed", "assassinated", "hosted", "met", "threatened",
                   "vowed", "warned", "intercepted", "eliminated", "shelled", "targeted", "retaliated", "hosts",
                   "responded", "overran", "detonated", "punished"}

# --- arguments ---------------------------------------------------------------------------------
# (in the tests below, the cheap ones come first: a plain character search before a gap pattern)

_PLACE_GAP = re.compile(r"^(?:\s+[\w’'-]+){0,3}?\s+(?:in|on|near|across|at|over|into|toward|towards|inside|throughout)\s+(?:the\s+)?(?:\w+\s+)?$")
_TIME_GAP = re.compile(r"^(?:\s+[\w’'-]+){0,6}?\s+(?:on|at|in|since|late|early|last)?\s*$")
_QTY_AFTER = re.compile(r'^\s*[”"’]?\s*(?:of\s+|at\s+|on\s+)?(?:the\s+|a\s+|an\s+)?[“"‘]?$')  # (quotes: 'killed "about 15')
# between a counted subject and its verb: an inclusion between commas, a relative pronoun, auxiliaries
# (a partitive of a pronoun: "two of them were killed", '"several" of them had been wounded')
_QTY_BEFORE = re.compile(r"^[”\"’]?\s*(?:of\s+(?:them|whom|us)\s+)?(?:,\s*including\s[^,;.]{1,40},\s*|\s[–—]\s(?:[^,;.–—]|,(?=\d)){1,30}\s[–—]\s*|[–—]\s+)?"
                         r"(?:(?:who|that|which)\s+)?"
                         r"(?:(?:have|has|had|were|was|are|is)\s+)?(?:also\s+)?(?:been\s+)?(?:\w+ly\s+)?$")
# (a scare-quoted verb: 'its fighters had "punished" the police')
_AGENT_GAP = re.compile(r"^\s*(?:(?:has|have|had|also|reportedly|then|had\s+also|has\s+also)\s+)*[“\"‘]?$")
_PUNCT_STOP = re.compile(r"[,;.]")
_PUNCT_QUOTE_STOP = re.compile(r"[,;.“”]")
_VICTIM_AFTER_KILLING = re.compile(r"\s+(?:of\s+)?(?:(?:top|senior|the|a|an)\s+)*(?:[a-z]+\s+){0,2}")
_TARGET_AFTER_ATTACK = re.compile(r"\s+(?:on|against)\s+(?:the\s+)?")
_PARTICIPANT_AFTER = re.compile(r"\s+(?:with|between)\s+(?:the\s+)?")
_PARTICIPANT_AFTER_MET = re.compile(r"\s+(?:a\s+|the\s+)?")


def link_arguments(text: str, events: list[Event], spans: dict[str, object]) -> dict[int, list[tuple[str, str]]]:
    """Arguments per event index, as (role, span id), from local patterns only.

    ``spans`` maps span id -> an object with start, end, layer and label.
    """
    all_by_layer: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for sid, s in spans.items():
        all_by_layer[s.layer].append((sid, s))
    starts = {}
    for layer, items in all_by_layer.items():
        items.sort(key=lambda x: x[1].start)
        starts[layer] = [x[1].start for x in items]
    out: dict[int, list[tuple[str, str]]] = {}
    sentence_end, sentence_start = _sentence_bounds(text)
    for k, ev in enumerate(events):
        args: list[tuple[str, str]] = []
        sent_end = sentence_end(ev.end)
        sent_start = sentence_start(ev.start)
        # only spans near the event's sentence can be its arguments (speed; order kept)
        by_layer = defaultdict(list)
        for layer, items in all_by_layer.items():
            lo = bisect_left(starts[layer], min(sent_start, ev.start - 120))
            hi = bisect_right(starts[layer], sent_end + 1)
            by_layer[layer] = items[lo:hi]
        args += _quantities(text, ev, by_layer["FIGURE"], sent_end)
        # PLACE: "strike in southern Lebanon"
        for sid, loc in by_layer["LOCATION"]:
            if ev.end <= loc.start < sent_end and not _PUNCT_STOP.search(text, ev.end, loc.start) and _PLACE_GAP.match(text[ev.end : loc.start]) \
                    and not (_POSSESSOR.match(text, loc.end) and any(x.start == loc.end + 3 for _, x in by_layer["LOCATION"])):
                args.append(("PLACE", sid))
                break
        # TIME: "strike ... on Wednesday"
        for sid, t in by_layer["TIME"]:
            if ev.end <= t.start < sent_end and not _PUNCT_QUOTE_STOP.search(text, ev.end, t.start) and _TIME_GAP.match(text[ev.end : t.start]) \
                    and not _SUBCLAUSE_GAP.search(text, ev.end, t.start):
                args.append(("TIME", sid))
                break
        # AGENT: "Hezbollah fired", "an Israeli drone strike", "Israel’s killing"
        # (the subject of "met" is a PARTICIPANT, not a host; a participle followed by "by" is passive)
        verb_like = ev.text.lower() in _AGENTIVE_VERBS and ev.text.lower() != "met" and not _BY_AGENT.match(text, ev.end)
        counted = [(f.start, f.end) for _, f in by_layer["FIGURE"]] if ev.label in _VICTIM_EVENTS else ()
        for sid, a in by_layer["ACTOR"]:
            if a.end <= ev.start and a.start >= sent_start:
                if any(f0 <= a.start and a.end <= f1 for f0, f1 in counted):
                    continue  # "dozens of soldiers killed": the counted people are the victims
                gap = text[a.end : ev.start]
                if verb_like and _AGENT_GAP.match(gap) and not _SUBJECT_BLOCK.search(text, max(sent_start, a.start - 12), a.start):
                    args.append(("AGENT", sid))  # (not "the number of militants killed")
                elif not verb_like and ev.label in ("ATTACK", "KILLING") and (gap in (" ", "’s ", "'s ")) \
                        and not ev.text.lower().endswith("ed") and ev.text.lower() not in _VERB_ONLY_TRIGGERS \
                        and not _BY_AGENT.match(text, ev.end):  # (a noun: "Israel's killing")
                    args.append(("AGENT", sid))
        # VICTIM / TARGET / PARTICIPANT just after the trigger
        for sid, a in by_layer["ACTOR"]:
            if a.start < ev.end or a.start >= sent_end:
                continue
            gap = text[ev.end : a.start]
            if ev.label == "KILLING" and a.label == "PERSON" and _VICTIM_AFTER_KILLING.fullmatch(gap):
                args.append(("VICTIM", sid))
                break
            if ev.label == "ATTACK" and _TARGET_AFTER_ATTACK.fullmatch(gap):
                args.append(("TARGET", sid))
                break
            if ev.label in ("MEETING", "NEGOTIATION", "AGREEMENT") and _PARTICIPANT_AFTER.fullmatch(gap):
                args.append(("PARTICIPANT", sid))
                break
            if ev.label == "MEETING" and ev.text.lower() in {"hosted", "met"} and _PARTICIPANT_AFTER_MET.fullmatch(gap):
                args.append(("PARTICIPANT", sid))
                break
        args += _sentence_arguments(text, ev, by_layer, sent_start, sent_end, args)
        seen = set()
        out[k] = [a for a in args if not (a in seen or seen.add(a))]
    _shared_agents(text, events, out, sentence_start, spans)
    return out


# ", killing ...", "..., pressing an offensive", "... and wounding": a participle clause after the main
# one; a passive killing "when"/"in"/"as" an attack: the attack's agent killed
_REPELLING = re.compile(r"\b(?:repelled|repel|repels|repelling|repulsed|repulse|thwarted|foiled|fought\s+off|fend(?:ed)?\s+off|"
                        r"responding\s+to|respond\s+to|responded\s+to|came\s+under|come\s+under|survived|withstood)"
                        r"\s+(?:an?\s+|the\s+)?(?:[\w“\"-]+\s+){0,2}$")  # (right before the attack it governs)
_SUBORDINATE = re.compile(r"\b(?:when|after|before|because|if|unless|until|once|while|whereas)\b"
                          r"|(?<!such\s)(?<!many\s)(?<!well\s)\bas\b(?!\s+(?:many|much|well|part|far|long|soon|a\s+result)\b)")
_PASSIVE_IN_GAP = re.compile(r"\b(?:were|was|been|being)\s+(?:\w+ly\s+)?\w+ed\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|are|is|being)\s+(?:\w+ly\s+)?$")
_IN_ATTACK = re.compile(r"\b(?:in|during)\s+(?:an?|the)\s+(?:[a-z-]+\s+)?$")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band)\s+$")
_CAUSED_BY = re.compile(r"\s+(?:in|during|when|as|after|by)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,3}")


def _shared_agents(text: str, events: list, out: dict, sentence_start, spans: dict) -> None:
    """Agents the syntax shares between events of a sentence: a participle clause
    (``Gunmen stormed the town, killing 12``) takes the agent of the event it follows, in
    place of the nearest actor before it (often the main verb's object); a killing or injury
    with no agent caused by an attack named right after it (``were killed when jihadists
    attacked``, ``killed in a jihadist attack``) takes the attack's."""
    order = sorted(range(len(events)), key=lambda k: events[k].start)
    for n, k in enumerate(order):
        ev = events[k]
        if ev.label not in _AGENTIVE_EVENTS and ev.label != "CONFLICT":
            continue
        low = ev.text.lower()
        if low.endswith("ing") and ev.text[:1].islower() and _PARTICIPLE_LEAD.search(text, max(0, ev.start - 6), ev.start):
            s0 = sentence_start(ev.start)
            j = next((j for j in reversed(order[:n]) if events[j].start >= s0 and events[j].end <= ev.start), None)
            if j is not None:
                agents = [a for a in out[j] if a[0] == "AGENT"]
                kept = [a for a in out[k] if a[0] != "AGENT" or ev.label == "CONFLICT"]
                # the participle's event happened where and when the main one did, unless it says otherwise
                shared = [a for a in out[j] if a[0] in ("PLACE", "TIME") and not any(r == a[0] for r, _ in kept)
                          and ev.label in _TIMED]
                out[k] = kept + [a for a in agents if a not in kept] + shared
                continue
        if ev.label == "ATTACK" and n and _IN_ATTACK.search(text, max(0, ev.start - 16), ev.start):
            prev = order[n - 1]  # "the army killed 14 fighters in a counter-offensive": the killer attacked
            if events[prev].label in ("KILLING", "INJURY") and sentence_start(events[prev].start) == sentence_start(ev.start) \
                    and not _PUNCT_STOP.search(text, events[prev].end, ev.start):
                agents = [a for a in out[prev] if a[0] == "AGENT"]
                if agents:
                    out[k] = [a for a in out[k] if a[0] != "AGENT"] + agents
                    continue
        if ev.label in ("KILLING", "INJURY") and not any(r == "AGENT" for r, _ in out[k]) and n + 1 < len(order):
            nxt = events[order[n + 1]]
            if nxt.label == "ATTACK" and nxt.start - ev.end <= 40 and _CAUSED_BY.fullmatch(text, ev.end, nxt.start):
                # (an agent named between the two: one before the killing is its victim, not the attack's agent)
                out[k] = out[k] + [a for a in out[order[n + 1]] if a[0] == "AGENT" and spans[a[1]].start >= ev.end]


# --- QUANTITY -------------------------------------------------------------------------------------

_COUNTED_AFTER = {"ATTACK", "KILLING", "INJURY", "INTERCEPTION", "DISPLACEMENT", "RELEASE"}
_COUNTED_BEFORE = {"KILLING", "INJURY", "DISPLACEMENT"}  # "14 soldiers ... have been killed", "thousands flee"
_MUNITIONS_BEFORE = {"ATTACK", "INTERCEPTION"}  # "30 shells landing", "60 rockets were intercepted"
# a further count after a linked one: "74 drones and three missiles", "22 people overnight, including nine children"
_NEXT_COUNT = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+|\s*,\s*(?:or\s+)?(?:maybe|perhaps|possibly|probably)\s+|(?:\s+[\w’'-]+){0,2}\s*,\s*(?:including|among\s+them)\s+")
# what measures how long an event went on: "clashed for six days", "killed in the past 48 hours"
_DURATION_LEAD = re.compile(r"(?:\bfor|\bover|\bduring|\bwithin|\bpast|\blast|\blasted|\bcontinued|\bperiod\s+of)\s+(?:the\s+)?$")
_DURATION_GAP_STOP = re.compile(r"[,;:.“”\"()—–]|\b(?:said|says|told|added|who|which|that|when|after|before|since|they|he|"
                                r"she|we|I|you)\b")  # (a subject pronoun starts a clause of its own)
# a distance that places the event away from somewhere: "hit about 70 miles west of", "(40 km) from"
_OFFSET_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                           r"north-east|north-west|south-east|south-west|off|from|away|outside|inland|offshore)\b", re.IGNORECASE)
_ON_AT = re.compile(r"\b(?:on|at)\s")
# an attack verb's object, then its instrument: "struck a tanker with a drone boat and two missiles"
_WITH_INSTRUMENT = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}?with\s+(?:(?:an?\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}\s+(?:and|or)\s+)?")
# a participle phrase between a counted subject and its verb: "families living near the port have fled",
# "300 people sheltering in the school were killed" (a passive or perfect: the subject undergoes it)
_REDUCED_RELATIVE = re.compile(r"\s+[a-z]+ing(?:\s+[\w’'-]+){1,4}?\s+(?:(?:have|has|had)\s+(?:also\s+)?(?P<passive>been\s+)?"
                               r"|(?P<passive2>(?:were|was)\s+))")
# a part of the count before: ", 19 of them" (the FIGURE is "19", guidelines decision 25)
_PART_OF_THEM = re.compile(r",\s+(?:[\w,]+\s+){0,2}[\w,]+")
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|whom|which)\b")
_DURATION_OF = re.compile(r"\s+of\s+(?:the\s+)?")  # "more than 13 years of war"
_LASTED = re.compile(r"\s+(?:that|which)\s+(?:had\s+|has\s+)?(?:lasted|went\s+on|continued)\s+(?:for\s+)?")  # "a gunfight that lasted"


def _quantities(text: str, ev, figures: list, sent_end: int) -> list[tuple[str, str]]:
    """QUANTITY arguments: the count after the trigger (``fired 100 rockets``, ``salvo of more
    than 60 rockets``) and the counts coordinated with or included in it; the counted subject
    before a verb of killing, injury or displacement (``14 soldiers ... have been killed``,
    ``thousands flee``) or of munitions before an attack or interception; a figure that contains
    the trigger (``more than 40 strikes``, ``45-day truce``, ``31 wounded people``: it counts or
    measures the event itself); and the duration the clause gives the event (``clashed for six
    straight days``, ``killed in the past 48 hours``, ``13 years of war``)."""
    args: list[tuple[str, str]] = []
    linked = None
    for sid, f in figures:
        if linked is not None and f.start >= linked.end and f.start < sent_end and f.label == linked.label \
                and _NEXT_COUNT.fullmatch(text, linked.end, f.start):
            args.append(("QUANTITY", sid))
            linked = f
            continue
        if f.start <= ev.start and ev.end <= f.end:
            args.append(("QUANTITY", sid))
            linked = f  # ("three blasts, maybe four": the hedged count goes with it, decision 27)
        elif f.start >= ev.end and ev.label in _COUNTED_AFTER and _PART_OF_THEM.fullmatch(text, ev.end, f.end) \
                and _OF_THEM_AFTER.match(text, f.end):
            args.append(("QUANTITY", sid))  # "71 people were injured, 19 of them seriously"
        elif f.start >= ev.end and ev.label in _COUNTED_AFTER and _QTY_AFTER.match(text[ev.end : f.start]) \
                and not (f.label == "DISTANCE" and _OFFSET_AFTER.match(text, f.end)) \
                and not (f.label == "OTHER" and _ON_AT.search(text, ev.end, f.start)):
            # (not where it happened: "hit 70 miles west of the port" is an offset, "strikes on two
            # islands" counts places)
            args.append(("QUANTITY", sid))
            linked = f
        elif ev.label == "ATTACK" and f.label == "MUNITIONS" and ev.end <= f.start < sent_end and f.start - ev.end <= 90 \
                and _WITH_INSTRUMENT.fullmatch(text, ev.end, f.start):
            args.append(("QUANTITY", sid))  # the instrument: "struck a tanker with a drone and two missiles"
            linked = f
        elif f.end <= ev.start and (ev.label in _COUNTED_BEFORE or (ev.label in _MUNITIONS_BEFORE and f.label == "MUNITIONS")) \
                and _QTY_BEFORE.match(text[f.end : ev.start]):
            args.append(("QUANTITY", sid))
            # the coordinated conjunct before it: "14 soldiers and 10 civilians have been killed"
            for sid2, f2 in figures:
                if f2.end <= f.start and text[f2.end : f.start].strip() in ("and", ",", ", and") and f2.label == f.label:
                    args.append(("QUANTITY", sid2))
        elif f.end <= ev.start and ev.label in _COUNTED_BEFORE and f.label in ("PEOPLE", "CASUALTIES") \
                and (m := _REDUCED_RELATIVE.fullmatch(text, f.end, ev.start)) is not None \
                and (ev.label == "DISPLACEMENT" or m.group("passive") or m.group("passive2")):
            args.append(("QUANTITY", sid))  # "Dozens of families living near the port have fled"
        elif f.label == "DURATION" and f.end <= ev.start and _DURATION_OF.fullmatch(text, f.end, ev.start):
            args.append(("QUANTITY", sid))
        elif f.label == "DURATION" and ev.end <= f.start and _LASTED.fullmatch(text, ev.end, f.start):
            args.append(("QUANTITY", sid))  # "a gunfight that lasted nearly three hours"
        elif f.label == "DURATION" and ev.end <= f.start < sent_end and f.start - ev.end <= 70 \
                and _DURATION_LEAD.search(text, max(ev.end, f.start - 16), f.start) \
                and not _DURATION_GAP_STOP.search(text, ev.end, f.start) \
                and not _INFINITIVE_GAP.search(text, ev.end, f.start):  # ("warned them to leave within 48 hours")
            args.append(("QUANTITY", sid))
    return args


# --- arguments from the event's sentence (after the local patterns above) --------------------------

_PLACED = {"ATTACK", "KILLING", "INJURY", "CONFLICT", "DISPLACEMENT", "INTERCEPTION", "WITHDRAWAL", "MEETING"}
_TIMED = _PLACED | {"NEGOTIATION", "AGREEMENT", "RELEASE", "THREAT"}
_AGENT_LABELS = {"ARMED_GROUP", "MILITARY", "STATE", "PERSON"}
_VICTIM_EVENTS = {"KILLING", "INJURY", "DISPLACEMENT"}
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|near|at|on|around|across|outside|inside|into|toward|towards|from|"
                              r"throughout|of|over|along)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2})$", re.IGNORECASE)
_SUBJECT_BLOCK = re.compile(r"\b(?:of|for|from|with|to|against|on|at|in|by|near|into|toward|towards|about)\s+(?:the\s+|a\s+|an\s+)?$",
                            re.IGNORECASE)
_PASSIVE_GAP = re.compile(r"^\s+(?:(?:who|that)\s+)?(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been)\s+"
                          r"(?:\w+ly\s+)?$")
_CLAUSE_STOP = re.compile(r"[;:“”\"]|,\s+(?:who|which|where|while|but|and|as)\b|\b(?:said|says|told|added)\b")


_DIRECT_PLACE_EVENTS = {"ATTACK", "DISPLACEMENT", "MEETING"}  # a place as the object of the verb
_DESTINATION_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")  # "fleeing to Goma": where the displaced went
_POSSESSOR = re.compile(r"[’']s\s")
# (also with a preposition or adverb before the span: "said before noon", "said on Monday"; decision 30)
# (a clause about the event's own course still dates it: "a siege that began in May", "since the fighting began on Tuesday")
_SUBCLAUSE_GAP = re.compile(r"\b(?:since|until|because|that)\s+(?!(?:\S+\s+){0,3}?(?:began|begun|started|erupted|broke\s+out|flared)\b)"
                            r"(?:\S+\s+){2,}")
_AUX_GAP = re.compile(r"\b(?:has|have|had|was|were|is|are|will|would|could)\b")
_INFINITIVE_GAP = re.compile(r"\bto\s+(?!(?:the|a|an|their|its|his|her|our|my|your|this|that|these|those)\b)[a-z]+\b")
_PLACE_BEFORE_STOP = re.compile(r"\b(?:if|unless|once|because|whereas|while|could|would|will|can|may|might|should)\b")
# a headline verb restating an attack noun before its place: "strikes hit south Lebanon", "missiles pound Kyiv"
_RESTATING_VERB = re.compile(r"\s+(?:hit|hits|pound|pounds|rock|rocks|batter|batters|target|targets|shake|shakes)\s+")
_APPOSITIVE_PLACE = re.compile(r",\s+(?:in\s+|near\s+)?(?:the\s+)?")  # "Tyre, in southern Lebanon"
_PLACE_REACH = 90  # characters from the trigger to its place after it, at most
_COORD_PLACE = re.compile(r"\s*(?:,|and|or|,\s*and)\s+(?:the\s+)?(?:[a-z]+\s+)?")
_VICTIM_GAP_STOP = re.compile(r"[,;.:]\s|\b(?:and|but|as|in|on|at)\s(?!least|most)|\b(?:since|by|when|after|before|until|because)\s")
_TARGET_GAP = re.compile(r"\s+(?:on\s+|against\s+|at\s+)?(?:the\s+|an?\s+|its\s+)?")
_PARTIES = re.compile(r"\s+(?:between|with|against)\s+")
_PARTY_GAP = re.compile(r"(?:the\s+|its\s+)?|\s*(?:,|and|,\s*and)\s+(?:the\s+)?")
_CLAUSE_BOUND = re.compile(r"[;:—–“”\"()]|,\s+(?:who|which|where|when|while|but|whose|according|as|after|before|since|"
                           r"pressing|saying|prompting|forcing|leaving|bringing|sending)\b|\b(?:said|says|told|added)\b")


def _clause(text: str, ev, sent_start: int, sent_end: int) -> tuple[int, int]:
    """The stretch of the event's sentence between clause breaks (relative clauses, quotes,
    reporting verbs, dashes), where its place and time are stated."""
    start = sent_start
    for m in finditer(_CLAUSE_BOUND, text, sent_start, ev.start):  # _CLAUSE_BOUND.finditer, faster (scan.py)
        start = m.end()
    m = next(finditer(_CLAUSE_BOUND, text, ev.end, sent_end), None)  # _CLAUSE_BOUND.search
    return start, (m.start() if m else sent_end)


def _sentence_arguments(text, ev, by_layer, sent_start, sent_end, found) -> list[tuple[str, str]]:
    """Arguments that news syntax places in the event's sentence: every place name after a
    locative preposition (``in the city of X``, ``near X``) is the PLACE, the sentence's time
    expression its TIME, the nearest subject-like actor before the trigger its AGENT (``X fired``,
    ``X pressed on with assaults``, ``..., killing``), the people counted right after a killing or
    displacement verb (or before its passive) the VICTIM, the actor right after an attack verb its
    TARGET, and the parties of ``between X and Y`` / ``with X and Y`` PARTICIPANTs."""
    args: list[tuple[str, str]] = []
    roles = {r for r, _ in found}
    c_start, c_end = _clause(text, ev, sent_start, sent_end)
    if ev.label in _PLACED:
        direct = ev.text[:1].islower() and ev.label in _DIRECT_PLACE_EVENTS
        named = {x.start for _, x in by_layer["LOCATION"]}
        # (a place owning a named place locates that, not the event: "across Lebanon's Bekaa Valley"; the
        # object of a meeting verb owning anything is no place: "met Lebanon's parliament speaker")
        places = [(sid, loc) for sid, loc in by_layer["LOCATION"] if c_start <= loc.start and loc.end <= c_end
                  and ((_LOCATIVE_BEFORE.search(text[max(sent_start, loc.start - 40) : loc.start])
                        and not (_POSSESSOR.match(text, loc.end) and loc.end + 3 in named))
                       or (direct and loc.start == ev.end + 1 and not (ev.label == "MEETING" and _POSSESSOR.match(text, loc.end)))
                       or (ev.label == "ATTACK" and _RESTATING_VERB.fullmatch(text, ev.end, loc.start))  # "strikes pound Beirut"
                       or (ev.label == "DISPLACEMENT" and _DESTINATION_BEFORE.search(text, max(sent_start, loc.start - 12), loc.start)))]
        # the first place after the trigger, unless far on (it is then another predicate's:
        # "killed ..., displaced ... and pushed parts of Darfur"); else the last one before it
        after = [x for x in places if x[1].start >= ev.end]
        if after and after[0][1].start - ev.end > _PLACE_REACH:
            after = []
        # (a place before the trigger is not its own across a conditional or a modal: "shelters in
        # Zahle could be overwhelmed if the strikes continue")
        before_places = [x for x in places if x[1].end <= ev.start and not _PLACE_BEFORE_STOP.search(text, x[1].end, ev.start)]
        chosen = after[:1] or before_places[-1:]
        if not after and len(before_places) >= 2 and _APPOSITIVE_PLACE.fullmatch(text, before_places[-2][1].end, chosen[0][1].start):
            chosen = before_places[-2:]  # "in Tyre, in southern Lebanon, ..., killing": the town and the region it is in
        if chosen:  # "in X and Y", "X, Y and Z", "in X and the Y" (a conjunct needs no preposition of its own)
            for x in by_layer["LOCATION"]:
                if x[1].start >= chosen[-1][1].end and x[1].end <= c_end:
                    if not _COORD_PLACE.fullmatch(text, chosen[-1][1].end, x[1].start):
                        break
                    chosen.append(x)
        args += [("PLACE", sid) for sid, _ in chosen]
    if ev.label in _TIMED and "TIME" not in roles:
        # not the time of a reporting verb ("said on Monday that talks ...": adjudication 15), nor one
        # before the trigger that an infinitive separates from it ("met on Saturday to discuss a proposal")
        times = [(sid, t) for sid, t in by_layer["TIME"] if c_start <= t.start and t.end <= c_end
                 and not _REPORTING_TIME.search(text, max(sent_start, t.start - 40), t.start)
                 and (t.start >= ev.end or not _INFINITIVE_GAP.search(text, t.end, ev.start))
                 # (nor a time in a clause of its own: "since it seized power in a February 2021 coup",
                 # "erupted in April 2023 and has killed")
                 and not (t.start >= ev.end and _SUBCLAUSE_GAP.search(text, ev.end, t.start))
                 and not (t.end <= ev.start and _AUX_GAP.search(text, t.end, ev.start))]
        if times:
            sid, _ = min(times, key=lambda x: abs(x[1].start - ev.start))
            args.append(("TIME", sid))
    actors = [(sid, a) for sid, a in by_layer["ACTOR"] if sent_start <= a.start and a.end <= sent_end]
    if ev.label in _AGENTIVE_EVENTS and "AGENT" not in roles:
        agent = _agent_in_context(text, ev, actors, sent_start)
        # (who dies is the victim; "a girl hit by a stray bullet" is passive: its subject is no agent)
        if agent is None and ev.label in ("ATTACK", "KILLING", "INTERCEPTION", "WITHDRAWAL", "THREAT") \
                and ev.text.lower() not in _DYING and not _BY_AGENT.match(text, ev.end):
            counted = [f for _, f in by_layer["FIGURE"] if f.end <= ev.start]
            before = [(sid, a) for sid, a in actors if a.end <= ev.start and a.label in _AGENT_LABELS
                      and ev.start - a.end <= 120  # (the cheap test first)
                      and not _SUBJECT_BLOCK.search(text[max(sent_start, a.start - 12) : a.start])
                      and not _CLAUSE_STOP.search(text[a.end : ev.start])
                      and not _PASSIVE_IN_GAP.search(text, a.end, ev.start)  # "X were killed in the raid"
                      and not _SUBORDINATE.search(text, a.end, ev.start)  # "X died when a shell hit"
                      and not _REPELLING.search(text, a.end, ev.start)  # "troops repelled attacks": the defenders
                      and not (ev.label == "KILLING" and any(f.start <= a.start and a.end <= f.end for f in counted))]
            # the outermost of nested mentions ("Russian forces", not a name inside it)
            before = _outermost(before)
            # (the subject of a passive killing is its victim: "40 soldiers and militiamen were killed")
            if before and not (ev.label in ("KILLING", "ATTACK") and _PASSIVE_BEFORE.search(text, max(0, ev.start - 30), ev.start)):
                agent = before[-1][0]
        if agent is not None:
            args.append(("AGENT", agent))
    if ev.label == "DISPLACEMENT" and "VICTIM" not in roles:
        ordered = _ordered_to_leave(text, ev, actors)
        if ordered is not None:  # "the army ordered residents to leave": who orders, who must go
            victim, agent = ordered
            args.append(("VICTIM", victim))
            roles = roles | {"VICTIM"}
            if agent is not None and "AGENT" not in roles:
                args.append(("AGENT", agent))
    if (ev.label in _VICTIM_EVENTS or ev.label == "RELEASE") and "VICTIM" not in roles:
        args += _victims(text, ev, actors, by_layer["FIGURE"])
    if ev.label == "ATTACK" and "TARGET" not in roles and ev.text[:1].islower() \
            and (ev.text.lower().endswith(("ed", "ing", "s")) or ev.text.lower() in _IRREGULAR_ATTACK_VERBS):
        target = _target(text, ev, actors, by_layer["FIGURE"])
        if target is not None:
            args.append(("TARGET", target))
    if ev.label == "CONFLICT":
        args += _conflict_sides(text, ev, actors, found)
    if ev.label in ("MEETING", "NEGOTIATION", "AGREEMENT"):
        m = _PARTIES.match(text, ev.end, ev.end + 20)
        if m:
            chain_end = m.end()
            for sid, a in actors:
                if a.start < chain_end:
                    continue
                gap = text[chain_end : a.start]
                if not _PARTY_GAP.fullmatch(gap) and gap.strip():
                    break
                if ("PARTICIPANT", sid) not in found:
                    args.append(("PARTICIPANT", sid))
                chain_end = a.end
        taken = set(found) | set(args)
        args += [x for x in _participants(text, ev, actors) if x not in taken]
    return args


_PARTY_LABELS = {"ARMED_GROUP", "MILITARY", "STATE", "PERSON", "GROUP", "ORGANIZATION"}
# between the parties and a meeting or negotiation they hold: "X is due to meet", "X and Y have been
# negotiating", "X planned to visit", "X have been holding talks", "X said it had held talks"
_PARTY_BEFORE = re.compile(r"\s+(?:(?:is|are|was|were|has|have|had|been|be|also|due|to|planned|plans|plan|expected|would|"
                           r"will|could|allowed|set|scheduled|holding|held|hold|holds|later|then|said|says|it|they|"
                           r"agreed|wants|wanted|sought|hoping)\s+)*(?:an?\s+|the\s+|new\s+)?")
_MEET_VERBS = {"meet", "meets", "meeting", "met", "host", "hosts", "hosting", "hosted", "visit", "visits", "visiting",
               "visited", "negotiate", "negotiating", "negotiated", "negotiates"}
_PARTY_OBJECT = re.compile(r"\s+(?:with\s+)?(?:an?\s+|the\s+)?")
# "a meeting of mediators", "talks with the larger X", "a truce brokered by local elders"
_PARTY_AFTER_NOUN = re.compile(r"\s+(?:of|with|between)\s+(?:the\s+)?(?:[a-z]+\s+)?|"
                               r"\s+(?:announced|brokered|mediated|proposed|offered|signed|hosted|backed)\s+by\s+(?:the\s+)?")


# the subject of signing or negotiating a deal is its party: "X and Y signed a peace deal",
# "X, which signed a peace agreement", "X have been negotiating a 2019 treaty"
_SIGNER_GAP = re.compile(r"(?:\s*,\s*(?:which|who))?\s+(?:(?:have|has|had|been|also|later|finally)\s+)*"
                         r"(?:signed|sign|signs|signing|negotiating|negotiated|negotiate|reached|reach|rejected|"
                         r"reject|rejects|agreed|accepted|accept)\s+(?:to\s+)?(?:an?\s+|the\s+|its\s+|their\s+)"
                         r"(?:\d{4}\s+|new\s+|final\s+|landmark\s+|fragile\s+)?")


def _participants(text: str, ev, actors: list) -> list[tuple[str, str]]:
    """PARTICIPANTs a meeting, negotiation or agreement names around its trigger: the subject
    (and its conjuncts) of a meeting or negotiating verb or of ``hold talks``; the object of
    ``meet``/``host``/``visit``; ``of``/``with`` X and ``brokered``/``announced by`` X after a
    noun; a name right before a noun trigger (``a Paris proposal``)."""
    parties = _outermost([x for x in actors if x[1].label in _PARTY_LABELS])
    low = ev.text.lower()
    chosen: list[str] = []
    verb = low in _MEET_VERBS or low == "talks"
    before = [x for x in parties if x[1].end <= ev.start and ev.start - x[1].end <= 60]
    if before:
        sid, a = before[-1]
        gap_ok = _PARTY_BEFORE.fullmatch(text, a.end, ev.start) if verb else text[a.end : ev.start] in (" ", "’s ", "'s ")
        signer = ev.label in ("AGREEMENT", "NEGOTIATION") and _SIGNER_GAP.fullmatch(text, a.end, ev.start)
        if signer or (gap_ok and "," not in text[a.end : ev.start]):
            chosen.append(sid)
            last = a
            for sid2, a2 in reversed(before[:-1]):
                if not _SIDE_COORD.fullmatch(text, a2.end, last.start):
                    break
                chosen.append(sid2)
                last = a2
    after = [x for x in parties if x[1].start >= ev.end and x[1].start - ev.end <= 40]
    if after:
        sid, a = after[0]
        if (low in _MEET_VERBS and _PARTY_OBJECT.fullmatch(text, ev.end, a.start)) \
                or _PARTY_AFTER_NOUN.fullmatch(text, ev.end, a.start):
            chosen.append(sid)
            chain_end = a.end
            for sid2, a2 in after[1:]:
                if not _SIDE_COORD.fullmatch(text, chain_end, a2.start):
                    break
                chosen.append(sid2)
                chain_end = a2.end
    return [("PARTICIPANT", sid) for sid in chosen]


_IRREGULAR_ATTACK_VERBS = {"hit", "struck", "shot", "fought", "bombed"}
# (a quoted verb: 'its fighters had "punished" the police')
_TARGET_GAP_QUOTED = re.compile(r'[”"’]?\s+(?:on\s+|against\s+|at\s+)?(?:the\s+|an?\s+|its\s+)?[“"‘]?')
_LAUNCHING = {"fired", "launched", "firing", "launching", "fires", "launches", "lobbed", "dropped"}
_AT_TARGET = re.compile(r"\bat\s+(?:the\s+|an?\s+|its\s+)?[“\"‘]?$")
_PASSIVE_TARGET = re.compile(r"(?:\s+[a-z]+)?\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are|being)\s+(?:\w+ly\s+)?")


def _target(text: str, ev, actors: list, figures: list) -> str | None:
    """The TARGET of an attack verb: the actor right after it, or owning its object
    (``struck Hezbollah weapons depots``, ``hit about 280 Hezbollah targets``: the actor inside
    a count that opens the object), what munitions were fired ``at`` (``launched drones at an
    army base``), or the subject of its passive or its owner (``an army convoy was ambushed``)."""
    for sid, a in actors:
        if a.start < ev.end:
            continue
        if _TARGET_GAP_QUOTED.fullmatch(text, ev.end, a.start):
            return sid
        opening = next((f for _, f in figures if f.start == ev.end + 1), None)
        if opening is not None and opening.start <= a.start and a.end <= opening.end:
            return sid
        break
    if ev.text.lower() in _LAUNCHING:
        for sid, a in actors:
            if ev.end < a.start <= ev.end + 80 and _AT_TARGET.search(text, max(ev.end, a.start - 12), a.start) \
                    and not _PUNCT_STOP.search(text, ev.end, a.start):
                return sid
    before = [x for x in actors if x[1].end <= ev.start and ev.start - x[1].end <= 30]
    participle = ev.text.lower().endswith("ed") or ev.text.lower() in _IRREGULAR_ATTACK_VERBS
    if before and participle and (_PASSIVE_TARGET.fullmatch(text, before[-1][1].end, ev.start)
                                  or (before[-1][1].end + 1 == ev.start and _BY_AGENT.match(text, ev.end))):
        return before[-1][0]  # "an army convoy was ambushed", "a girl hit by a stray bullet"
    return None


_VICTIM_LABELS = {"CIVILIANS", "GROUP", "MILITARY", "PERSON", "ARMED_GROUP"}
# an active intransitive subject: "people have fled", "families who fled", "five people who died"
_INTRANSITIVE_BEFORE = re.compile(r"\s+(?:(?:who|that)\s+)?(?:(?:have|has|had|also)\s+)*")
_DYING = {"died", "die", "dies", "dying"}
_VERB_ONLY_TRIGGERS = _DYING | _IRREGULAR_ATTACK_VERBS  # never the noun of "Israel's killing"
# a further victim after one: "18 soldiers and an unknown number of militants", "22 people overnight,
# including nine children", "killed, including civilians"
_NEXT_VICTIM = re.compile(r"(?:\s+[\w’'-]+){0,2}\s*,\s*(?:including|among\s+them)\s+(?:[\w’'-]+\s+){0,3}|"
                          r"\s+(?:and|or)\s+(?:an?\s+|the\s+)?(?:(?:unknown|undisclosed|unspecified)\s+number\s+of\s+)?"
                          r"(?:[\w’'-]+\s+){0,2}")


_VICTIM_COORD = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?(?:(?:[a-z]+|\d[\d,]*)\s+){0,3}")  # "... and several"


_INCLUSION_BEFORE = re.compile(r",\s+including\s+(?:an?\s+|the\s+)?([^,;.]{1,40}),\s+(?:were|was|had\s+been|have\s+been|has\s+been)"
                               r"\s+(?:\w+ly\s+)?$")
_INCLUSION_AFTER = re.compile(r",\s+(?:including|among\s+them)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,2}")


_ORDER_VERB_BEFORE = re.compile(r"\b(?:ordered|told|forced|urged|asked|instructed|ordering|telling|forcing|urging)\s+"
                                r"(?:the\s+|all\s+)?(?:(?:about|some|around|nearly|more\s+than)\s+)?(?:[\d,]+\s+)?$")
_TO_LEAVE_GAP = re.compile(r"(?:\s+(?:of|in|from|on)\s+[^,.;:“”\"]{0,50}?)?\s+to\s+")
_ORDERER_GAP = re.compile(r"\s+(?:(?:has|had|have|also|then|again|on\s+[A-Z]\w+)\s+)*")


def _ordered_to_leave(text: str, ev, actors: list) -> tuple[str, str | None] | None:
    """``X ordered Y to leave``: Y (the people ordered out) is the VICTIM of the displacement
    and X, the subject of the order, its AGENT (scheme: DISPLACEMENT, people forced from homes)."""
    if ev.text.lower() != "leave":
        return None
    for sid, a in reversed([x for x in actors if x[1].end <= ev.start]):
        if not _TO_LEAVE_GAP.fullmatch(text, a.end, ev.start):
            continue
        m = _ORDER_VERB_BEFORE.search(text, max(0, a.start - 40), a.start)
        if m is None:
            return None
        agent = None
        for sid2, b in reversed([x for x in actors if x[1].end <= m.start()]):
            if _ORDERER_GAP.fullmatch(text, b.end, m.start()):
                agent = sid2
            break
        return sid, agent
    return None


def _victims(text: str, ev, actors: list, figures: list) -> list[tuple[str, str]]:
    """VICTIMs of a killing, injury, displacement or release: an actor that contains the
    trigger (``wounded patients``, ``displaced people``); the people named right after the
    trigger (``killing nine civilians``, ``released three soldiers``); the subject before its
    passive (``were killed``), before an intransitive displacement or dying verb (``people
    have fled``, ``people who died``), or counted in a headline (``two soldiers killed``);
    and the victims coordinated with or included in the one found."""
    victims = [x for x in actors if x[1].label in _VICTIM_LABELS or (x[1].label != "STATE" and x[1].end <= ev.start)]
    for sid, a in victims:
        if a.start <= ev.start and ev.end <= a.end:
            return [("VICTIM", sid)]
    chosen: list = []
    for sid, a in victims:
        gap_after = text[ev.end : a.start] if a.start >= ev.end else None
        if gap_after is not None and len(gap_after) <= 40 and not _VICTIM_GAP_STOP.search(gap_after) \
                and a.label in _VICTIM_LABELS:
            chosen.append((sid, a))
            break
        if a.end <= ev.start and a.label != "STATE" and not any(b.start >= a.end and b.end <= ev.start for _, b in victims):
            gap = text[a.end : ev.start]
            counted = any(f.start <= a.start and a.end <= f.end for _, f in figures)
            if _PASSIVE_GAP.match(gap) or (gap == " " and counted and ev.label != "RELEASE") \
                    or ((ev.label == "DISPLACEMENT" or ev.text.lower() in _DYING) and _INTRANSITIVE_BEFORE.fullmatch(gap)):
                chosen.append((sid, a))
                for sid2, a2 in reversed([x for x in victims if x[1].end <= a.start]):  # "40 soldiers and militiamen were killed"
                    if not _VICTIM_COORD.fullmatch(text, a2.end, chosen[-1][1].start):
                        break
                    chosen.append((sid2, a2))
                break
    if not chosen:  # "Two civilians, including a 12-year-old girl, were killed"
        m = _INCLUSION_BEFORE.search(text, max(0, ev.start - 80), ev.start)
        if m:
            inner = [x for x in victims if x[1].end == m.start(1) + len(m.group(1).rstrip())]
            outer = [x for x in victims if x[1].end <= m.start()]
            if inner and outer and text[outer[-1][1].end : m.start()].strip() == "":
                chosen += [outer[-1], inner[-1]]
    if _INCLUSION_AFTER.match(text, ev.end):  # "were wounded, among them a nurse"
        chosen += [x for x in victims if x[1].start > ev.end and x[1].label in _VICTIM_LABELS
                   and _INCLUSION_AFTER.fullmatch(text, ev.end, x[1].start)][:1]
    if chosen and chosen[0][1].start >= ev.end:
        last = chosen[0][1]
        for sid, a in victims:
            if a.start >= last.end and a.start - last.end <= 60 and a.label in _VICTIM_LABELS \
                    and _NEXT_VICTIM.fullmatch(text, last.end, a.start):
                chosen.append((sid, a))
                last = a
    return [("VICTIM", sid) for sid, _ in chosen]


_AGENTIVE_EVENTS = {"ATTACK", "KILLING", "INJURY", "INTERCEPTION", "WITHDRAWAL", "THREAT", "RELEASE"}
# "the army said it had killed", "X said in a statement that its aircraft had struck": the subject of
# the reporting verb, when the event's subject is a pronoun standing for it
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|its\s+[a-z]+|their\s+[a-z]+)\s+(?:(?:had|has|have|would|will|was|were|"
                              r"also|previously|then|only|been)\s+)*[“\"]?$")
_REPORTED = re.compile(r"\s+(?:(?:has|had|have|also|later|previously)\s+)*(?:said|says|claimed|claims|announced|reported|"
                       r"stated|confirmed|added)\b")
# "carried out an airstrike", "claimed the attack", "launched more than 50 attacks": a light verb or a
# claim of responsibility between the actor and an attack noun
_LIGHT_VERB = re.compile(r"\s+(?:(?:has|have|had|also|reportedly|then|later)\s+)*(?:carried\s+out|carries\s+out|"
                         r"conducted|launched|launches|staged|mounted|claimed|claims|claimed\s+responsibility\s+for)"
                         r"\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,4}")
_BY_AGENT = re.compile(r'\s*[”"’]?\s+by\s+(?:the\s+)?')  # "drone attacks by armed groups", "were killed by gunmen"


def _agent_in_context(text: str, ev, actors: list, sent_start: int) -> str | None:
    """The AGENT that news syntax names away from the trigger: ``by X`` after it, X before a
    light verb or a claim of the attack noun (``X carried out an airstrike``, ``X claimed the
    attack``), and the subject of a reporting verb whose clause has a pronoun subject for it
    (``the army said it had killed``)."""
    agents = _outermost([x for x in actors if x[1].label in _AGENT_LABELS])
    for sid, a in agents:
        if a.start >= ev.end and _BY_AGENT.fullmatch(text, ev.end, a.start):
            return sid
    before = [x for x in agents if x[1].end <= ev.start]
    if before and ev.text[:1].islower() and not ev.text.lower().endswith("ed") \
            and _LIGHT_VERB.fullmatch(text, before[-1][1].end, ev.start) and "," not in text[before[-1][1].end : ev.start]:
        return before[-1][0]
    m = _PRONOUN_SUBJECT.search(text, max(sent_start, ev.start - 60), ev.start)
    if m and before and before[-1][1].start >= m.start():
        return None  # "its units shot down": the possessed actor is the subject (found as the nearest one)
    if m:
        for sid, a in reversed(before):
            if a.end <= m.start() and _REPORTED.match(text, a.end) and not _CLAUSE_STOP.search(text, _REPORTED.match(text, a.end).end(), m.start()) \
                    and ";" not in text[a.end : m.start()]:
                return sid
            if a.end <= m.start():
                break
    return None


_SIDE_LABELS = {"ARMED_GROUP", "MILITARY", "STATE", "PERSON", "GROUP"}
# between a side and the conflict it is the subject of: "X clash", "X had clashed", "X that once fought",
# "troops to fight", "militias recruited to fight", "X’s war", "gang violence"
_SIDE_BEFORE = re.compile(r"(?:’s|'s)?\s*(?:,?\s*(?:who|that|which)\s+)?(?:(?:have|has|had|were|was|are|is|will|would|"
                          r"could|also|once|still|again|then|reportedly|been|to|continue|continued|began|begun|"
                          r"[a-z]+ed\s+to)\s+)*")
_SIDES_AFTER = re.compile(r"\s+(?:between|with|against|alongside)\s+")
_SIDE_OBJECT = re.compile(r"\s+(?:the\s+|an?\s+|its\s+|their\s+)?")
_FIGHT_VERBS = {"fight", "fights", "fought", "fighting", "battle", "battled", "battling", "battles"}
_SIDE_COORD = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?")


def _outermost(actors: list) -> list:
    """The mentions not inside another, in text order (one sweep: actor spans nest, never cross)."""
    out: list = []
    end = -1
    for x in sorted(actors, key=lambda x: (x[1].start, -x[1].end)):
        if x[1].end <= end and out and out[-1][1].start <= x[1].start:
            continue  # inside the last outer mention
        out.append(x)
        end = x[1].end
    return out


def _conflict_sides(text: str, ev, actors: list, found) -> list[tuple[str, str]]:
    """The sides of a CONFLICT, each an AGENT (adjudication decision 11): the subject before it
    and any subject coordinated with it (``X and Y clash``, ``X had clashed``, ``gang violence``),
    the parties after ``between`` / ``with`` / ``against`` / ``alongside``, and the object of a
    fighting verb (``battling troops``, ``fought a unit``)."""
    sides = [x for x in _outermost(actors) if x[1].label in _SIDE_LABELS]
    chosen: list[str] = []
    before = [x for x in sides if x[1].end <= ev.start and ev.start - x[1].end <= 40]
    if before and _SIDE_BEFORE.fullmatch(text, before[-1][1].end, ev.start):
        chosen.append(before[-1][0])
        last = before[-1][1]
        for sid, a in reversed(before[:-1]):
            if not _SIDE_COORD.fullmatch(text, a.end, last.start):
                break
            chosen.append(sid)
            last = a
    m = _SIDES_AFTER.match(text, ev.end, ev.end + 20)
    chain_end = m.end() if m else None
    if chain_end is None and ev.text.lower() in _FIGHT_VERBS:
        chain_end = ev.end
        gap = _SIDE_OBJECT
    else:
        gap = _PARTY_GAP
    if chain_end is not None:
        for sid, a in sides:
            if a.start < chain_end:
                continue
            if not gap.fullmatch(text, chain_end, a.start):
                break
            chosen.append(sid)
            chain_end, gap = a.end, _SIDE_COORD
    return [("AGENT", sid) for sid in chosen if ("AGENT", sid) not in found]


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence_end(text: str, i: int) -> int:
    m = _SENTENCE_END.search(text, i)  # from i, without copying text[i:]
    return m.start() if m else len(text)


def _sentence_start(text: str, i: int) -> int:
    stop = max(text.rfind(". ", 0, i), text.rfind("? ", 0, i), text.rfind("! ", 0, i))
    j = max(text.rfind("\n", 0, i), stop + 1 if stop >= 0 else -1)
    return j + 1 if j >= 0 else 0  # the text's first sentence starts at 0


_STOP_SPACE = re.compile(r"[.?!] ")


def _sentence_bounds(text: str):
    """``_sentence_end(text, i)`` and ``_sentence_start(text, i)`` as functions of i, by bisection in
    the positions of their marks (found once per text: an article has dozens of events)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]  # one-character matches: every position
    stops = [m.start() for m in _STOP_SPACE.finditer(text)]  # ". " and the like never overlap
    newlines = [m.start() for m in re.finditer("\n", text)]
    size = len(text)

    def end(i: int) -> int:
        k = bisect_left(ends, i)
        return ends[k] if k < len(ends) else size

    def start(i: int) -> int:
        k = bisect_right(stops, i - 2)  # rfind(". ", 0, i): the two characters before i
        stop = stops[k - 1] if k else -1
        k = bisect_left(newlines, i)
        j = max(newlines[k - 1] if k else -1, stop + 1 if stop >= 0 else -1)
        return j + 1 if j >= 0 else 0
    return end, start
