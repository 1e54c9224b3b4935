"""ACTOR and LOCATION rules for articles about any conflict: names, places, nominal actors.

Sources, in order of trust: the entity registry and strings learned from training gold
(``gazetteer``); places, countries and demonyms from data packages (``knowledge``); and the
scheme's decisions as rules:

- **names** are runs of capitalised words (``Rapid Support Forces``, ``Adam Yahya``): a known
  place or country is a LOCATION (a country by decision 4: territory or actor); a run ending
  in an organisation word takes that word's type (``Forces``, ``Front`` -> ARMED_GROUP,
  ``Ministry`` -> STATE, ``Council``, ``Agency`` -> ORGANIZATION; ``Forces``/``Army`` named
  after a country -> MILITARY); a run before a generic place noun (``Abu Shouk camp``) or
  ending in a feature word (``Red Sea``) is a LOCATION; a title before a run (``President``,
  ``Gen.``) is dropped and the rest is a PERSON (decision 2); a collective noun there types
  the name instead (``the rights group X`` ORGANIZATION, ``the rebel group X`` ARMED_GROUP), as
  does a collective appositive (``X, a militia allied to ...``) or a nominal it is ``known as``;
  a name with an acronym defined after it (``Long Name (LN)``) or holding a country is no
  person's; other runs of two to four words are PERSONs at a lower score; an acronym takes the
  type and entity of the name whose initials it spells (``RSF`` after ``Rapid Support Forces``,
  or before it in a heading), else ORGANIZATION; a time zone (``EDT``, after a clock time) is none;
- **nominal actors** by head noun and type (``residents`` CIVILIANS, ``troops`` MILITARY,
  ``militants`` ARMED_GROUP, ``officials`` GROUP, a singular ``spokesman`` PERSON), from the
  first modifier to the head (``senior military official``), not after a copula (predicate
  nominals) nor before a name (a title), with any name inside also annotated (nesting); a
  person noun off the table (the figure rules' person nouns, ``-ist``/``-ian`` nouns: ``inmates``,
  ``firefighters``) is GROUP, one of them a PERSON (so is one ``soldier``); an ``-er``/``-or``
  doer of a verb (``supporters``) only as a verb's subject or a harm verb's object;
- **ties**: a name after ``<armed group>-linked`` or ``the armed wing of`` is an ARMED_GROUP; a
  state-run agency (``the agency that runs <country>'s prisons``, ``the state oil company``) STATE;
- **demonyms** are an ACTOR NAME STATE only before a non-actor noun (decision 1: ``Sudanese
  airstrikes``); inside an actor phrase (``Sudanese military``) the phrase is one NOMINAL;
- **places** get a directional modifier that belongs to them (``northern Shan State``); names
  listed with a place, or before a plural place noun (``the Kiwu and Bora districts``), are
  places; named roads (``Route 7``) and fronts (``Line of Contact``, then ``LoC``) are places;
  a place inside an actor phrase is a nested LOCATION (``a Garissa-based research group``);
- **countries and capitals** follow decision 4 (``Kenya's interior ministry``, ``a deal with
  Nairobi``, ``delegations from Nairobi``: actors; ``much of the country``: territory);
- **collectives**: ``both sides``, ``neither group``; shared-head coordinations (``Kenyan and
  Ugandan envoys``) are one NOMINAL; ``its forces`` take their owner's type.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from newscorpus.preannotate.figures import KIN_NOUNS, PEOPLE_UNITS, is_person_noun
from newscorpus.preannotate.gazetteer import _STATE_VERBS, Gazetteer, Match, _country_role, _possessed_head_role
from newscorpus.preannotate.knowledge import DIRECTION_PREFIXES, Knowledge, fold
from newscorpus.preannotate.scan import finditer as scan_finditer
from newscorpus.preannotate.scan import word_spans
from newscorpus.preannotate.tokens import Token

# --- nominal heads: lemma -> (plural type, singular type); None: not an actor in that number
HEADS: dict[str, tuple[str | None, str | None]] = {}


def _heads(kind: str, words: str, singular: str | None = "PERSON") -> None:
    for w in words.split():
        HEADS[w] = (kind, singular)


_heads("CIVILIANS", "civilian resident villager family child woman patient refugee journalist "
       "inhabitant passenger student pupil farmer herder shopper worshipper migrant evacuee survivor victim "
       "person people baby infant teenager boy girl man men population community household")
_heads("GROUP", "official diplomat analyst mediator source expert witness observer activist medic "
       "aid-worker worker doctor nurse rescuer volunteer negotiator envoy delegate leader elder "
       "lawmaker politician hostage prisoner detainee captive researcher monitor investigator "
       "humanitarian staffer representative spokesperson spokesman spokeswoman commander "
       "minister lecturer director chief coordinator administrator governor mayor reporter correspondent "
       "photographer president premier general colonel officer agent party side mediator protester "
       "demonstrator negotiator")
_heads("MILITARY", "troop soldier army military force navy airforce paratrooper marine "
       "battalion brigade regiment unit division commando reservist conscript sniper",
       singular="MILITARY")
_heads("ARMED_GROUP", "militant fighter rebel insurgent gunmen militia jihadist "
       "paramilitary attacker gang gangster extremist combatant raider assailant kidnapper bandit "
       "group faction", singular="ARMED_GROUP")
_heads("STATE", "government ministry authority administration junta cabinet state regime parliament "
       "police policeman", singular="STATE")
_heads("ORGANIZATION", "agency organisation organization charity ngo committee network council "
       "mission commission court tribunal union", singular="ORGANIZATION")
_heads("ARMED_GROUP", "terrorist opponent separatist", singular="ARMED_GROUP")
# one armed man is one individual (the golds: "the gunman" PERSON), as one soldier is
_heads("ARMED_GROUP", "gunman militiaman")
_heads("GROUP", "counterpart broker team delegation")
_heads("CIVILIANS", "crew seafarer sailor shopkeeper", singular="CIVILIANS")
_heads("CIVILIANS", "fisherman fishermen")
_heads("STATE", "country nation", singular="STATE")
_heads("MILITARY", "warplane warship destroyer frigate gunship gunboat", singular="MILITARY")
_heads("ORGANIZATION", "bloc", singular="ORGANIZATION")
_heads("ORGANIZATION", "company", singular="ORGANIZATION")  # companies are ORGANIZATION (airlines, insurers); a state's: STATE
# people named by kinship or trade: civilians together, one person alone
_heads("CIVILIANS", "paramedic nun relative daughter son mother father wife husband bystander driver surgeon")
# (not "brothers": a group's fallen fighters are its "martyr brothers", ARMED_GROUP by adjudication 13)
_heads("GROUP", "planner donor engineer scientist priest pastor cleric")
# people named by a civilian livelihood ("traders", "shepherds", "his employees"): civilians together
_heads("CIVILIANS", "trader teacher shepherd miner employee neighbour neighbor grower")
_heads("GROUP", "suspect", singular=None)  # "a suspect vehicle": singular often an adjective
_heads("MILITARY", "personnel reinforcement", singular=None)  # "reinforcements", "its own personnel"
_heads("ARMED_GROUP", "guerrilla", singular="ARMED_GROUP")
_heads("MILITARY", "serviceman servicemen")  # a state's soldiers; one is a person
HEADS["servicemen"] = ("MILITARY", "MILITARY")
HEADS["patrol"] = ("MILITARY", "MILITARY")  # a unit out on patrol ("an army patrol", "the patrol came under fire")
_heads("CIVILIANS", "tourist")  # decision 34: civilians by situation
_heads("ORGANIZATION", "syndicate", singular="ORGANIZATION")  # a trade's union ("the fishermen's syndicate")
_heads("ARMED_GROUP", "mercenary")  # hired fighters of no state's forces (a non-state armed unit); one is a person
_heads("ORGANIZATION", "media", singular="ORGANIZATION")  # "state media", "the media" (not "social media")
_heads("STATE", "office", singular="STATE")  # "the governor's office"; UN and aid offices: ORGANIZATION below
_heads("STATE", "prosecutor")  # prosecutors are a state's officers; one is a person
_heads("ARMED_GROUP", "criminal", singular=None)  # "sit down with criminals"; "a criminal case" is no actor
# decision 39: people named by an armed or violent crime ("smugglers", "drug traffickers", "arsonists")
# are a non-state armed collective, as "gangs", "kidnappers" and "criminals" are; one of them is a person
_heads("ARMED_GROUP", "smuggler trafficker arsonist")
_heads("GROUP", "staff", singular=None)
_heads("ORGANIZATION", "association television", singular="ORGANIZATION")  # "a business association", "state television"
# singular people nouns are one individual; a few singular collectives keep their type
for _w in ("army", "military", "force", "police", "government", "ministry", "authority", "administration",
           "junta", "cabinet", "regime", "parliament", "group", "faction", "militia", "gang", "agency",
           "committee", "network", "council", "mission", "commission", "court", "tribunal", "union",
           "charity", "organisation", "organization", "ngo", "state", "navy", "unit", "battalion",
           "brigade", "regiment", "division", "population", "community", "household", "family", "party",
           "side", "people", "men", "gunmen", "crew", "team", "delegation"):
    kind, _ = HEADS[_w]
    HEADS[_w] = (kind, None if _w in ("family", "party", "side", "people", "men", "gunmen",
                                      "population", "community", "household", "state", "team")
                 else kind)
for _w in ("leader", "commander", "official", "spokesman", "spokeswoman", "spokesperson", "minister",
           "lecturer", "director", "chief", "coordinator", "administrator", "governor", "mayor", "reporter",
           "correspondent", "photographer", "president", "premier", "general", "colonel", "officer", "agent",
           "analyst", "diplomat", "mediator", "researcher", "envoy", "negotiator", "delegate", "doctor",
           "nurse", "medic", "worker", "expert", "witness", "activist", "monitor", "investigator"):
    HEADS[_w] = (HEADS[_w][0], "PERSON")
_heads("ORGANIZATION", "peacekeeper")  # peacekeepers serve an international mission; one is a person
for _w in "soldier peacekeeper paratrooper marine commando reservist conscript sniper".split():
    HEADS[_w] = (HEADS[_w][0], "PERSON")  # "a soldier", "the wounded soldier": one individual (PERSON), not a force
HEADS["hostage"] = ("GROUP", "PERSON")  # adjudication 12: hostages are GROUP
HEADS["reporter"] = ("CIVILIANS", "PERSON")  # reporters are journalists (the guidelines' CIVILIANS example)
HEADS["source"] = ("GROUP", "PERSON")  # scheme: sources are GROUP; one source is one individual
HEADS["party"] = ("GROUP", None)
HEADS["side"] = ("GROUP", None)
HEADS["monitor"] = ("GROUP", "ORGANIZATION")  # "50 monitors"; "a war monitor" is a monitoring body
HEADS["sailor"] = ("CIVILIANS", "PERSON")
HEADS["seafarer"] = ("CIVILIANS", "PERSON")
HEADS["shopkeeper"] = ("CIVILIANS", "PERSON")
_heads("CIVILIANS", "crewman")  # a crew's members, as "crew"; one is a person
# decision 34: people named by occupation or situation are civilians together ("workers", "colleagues");
# "aid workers", "health workers" keep their compound type below
HEADS["worker"] = ("CIVILIANS", "PERSON")
# (the same for unpaid and technical trades: "volunteers", "technicians" -- the golds: 9 CIVILIANS, 0 GROUP)
HEADS["volunteer"] = ("CIVILIANS", "PERSON")
HEADS["technician"] = ("CIVILIANS", "PERSON")
# investigators of a crime or an attack are a state's police or prosecutors (decision 35; the golds: 4 STATE,
# 0 GROUP)
HEADS["investigator"] = ("STATE", "PERSON")
_heads("CIVILIANS", "colleague")
# a gendarmerie is a state's military police force; the golds type one gendarme as the force too
_heads("MILITARY", "gendarme", singular="MILITARY")
# a town's or city's own government ("according to the municipality"; "in the municipality": a place, below)
HEADS["municipality"] = ("STATE", "STATE")
# a council named by no civic purpose is a town's, region's or state's own elected or executive body ("the
# council said", "the local council"; the golds: 20 STATE, 2 ORGANIZATION, the latter a "peace council");
# "a refugee council", "a peace council" stay civic (below)
HEADS["council"] = ("STATE", "STATE")
_CO_DIRECTION = re.compile(r"\b([\w-]+),?\s+(?:and|or)\s+$")
_DIVIDING_LINES = {"border", "frontier", "boundary", "river", "line", "road", "street", "fence", "wall", "front"}
_MEMBER_OF = {"member", "head"}
_OWNER_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
_CIVIC_COUNCIL = {"humanitarian", "rights", "media", "press", "aid", "relief", "refugee", "peace",
                  "advisory", "student", "students", "youth", "business", "trade"}
# decision 34: "aid workers", "health workers", "rescue workers" are civilians by occupation (the golds of
# the seen sets: 16 CIVILIANS, 8 GROUP); one of them is a person
_COMPOUND_HEADS = {("aid", "worker"): "CIVILIANS", ("health", "worker"): "CIVILIANS", ("security", "force"): "MILITARY",
                   ("armed", "force"): "MILITARY", ("air", "force"): "MILITARY", ("security", "source"): "GROUP",
                   ("rescue", "worker"): "CIVILIANS", ("aid", "group"): "ORGANIZATION", ("rights", "group"): "ORGANIZATION",
                   ("relief", "group"): "ORGANIZATION", ("humanitarian", "group"): "ORGANIZATION",
                   # groups named by a civic purpose, as "rights group" is ("an advocacy group", "a campaign
                   # group", "civil society groups"): NGOs (the golds write groups so named 43 times, all ORGANIZATION)
                   ("advocacy", "group"): "ORGANIZATION", ("campaign", "group"): "ORGANIZATION",
                   ("society", "group"): "ORGANIZATION", ("lobby", "group"): "ORGANIZATION",
                   ("pressure", "group"): "ORGANIZATION", ("watchdog", "group"): "ORGANIZATION",
                   ("environmental", "group"): "ORGANIZATION",
                   ("air", "defence"): "MILITARY", ("air", "defense"): "MILITARY", ("aid", "agency"): "ORGANIZATION",
                   ("emergency", "service"): "ORGANIZATION", ("rescue", "service"): "ORGANIZATION", ("crew", "member"): "CIVILIANS",
                   # police are a state agency (held-out convention)
                   ("police", "officer"): "STATE", ("research", "group"): "ORGANIZATION",
                   ("think", "tank"): "ORGANIZATION", ("war", "monitor"): "ORGANIZATION",
                   ("conflict", "monitor"): "ORGANIZATION",
                   # a movement's fighting arm ("the armed wing of X"): a non-state armed unit
                   ("armed", "wing"): "ARMED_GROUP", ("military", "wing"): "ARMED_GROUP",
                   # a state's civil protection service ("Lebanon's civil defence said")
                   ("civil", "defence"): "STATE", ("civil", "defense"): "STATE",
                   # a state's frontier force and the agency running it
                   ("border", "guard"): "MILITARY", ("border", "service"): "STATE",
                   # a state's maritime force, armed and under its command (decision 35's border troops)
                   ("coast", "guard"): "MILITARY",
                   # a state's representative in a territory or abroad ("the French high commission")
                   ("high", "commission"): "STATE"}
# heads that are actors only with a modifier or determiner that makes them specific
_NEEDS_MODIFIER = {"company", "group", "state", "side", "party", "unit", "force", "union", "court", "mission", "council", "team",
                   "network", "committee", "general", "chief", "agent", "source", "man", "men", "people",
                   "person", "worker", "officer", "president", "leader", "minister", "director", "division",
                   "authority", "community", "country", "nation", "opponent", "counterpart", "media", "office",
                   "association", "television"}
_REAL_MODIFIER = {"force", "agency"}
_PLURAL_IRREGULAR = {"people", "men", "women", "children", "police", "gunmen", "militiamen", "displaced", "staff", "servicemen",
                     "military", "army", "government", "personnel"}

# modifiers never part of a nominal span (determiners, pronouns, prepositions, verbs, numbers)
_STOP = set(
    "a an the of in on at to from by with for and or but as that which who whom whose this these those is are was "
    "were be been being has have had do does did will would could should may might must can than then when while "
    "where since until after before during against toward towards into onto over under about around near across "
    "through per each every all both some any no not its their his her our your my it they he she we you i there "
    "here so if also only just more most less least very said says say told according killed fired launched wounded "
    "injured were many several few other another such same own one two three four five six seven eight nine ten "
    "dozens hundreds thousands tens least including include includes among between what whether how why them us "
    "him me neither either".split()
)
# compound heads that name a capability: actors as subjects ("air defences intercepted"), not as modifiers
_CAPABILITIES = {"defence", "defense"}
# group nouns that stand for the group when they modify a non-actor noun ("rebel advance")
_ATTRIBUTIVE = {"rebel", "jihadist", "militant", "insurgent", "paramilitary", "militia", "gang", "separatist"}
# -ing words that are adjectives before a head noun ("neighbouring states", "warring parties")
_ING_ADJECTIVES = {"neighbouring", "neighboring", "warring", "ruling", "opposing", "governing", "leading", "visiting",
                   "remaining", "surviving", "fleeing", "retreating", "advancing", "invading", "occupying", "striking",
                   "besieging", "participating", "mediating", "rioting", "protesting", "incoming", "outgoing"}
# -ing nouns that classify a body ("the UN peacekeeping mission", "a monitoring mission"): modifiers
_ING_MODIFIERS = {"peacekeeping", "peace-keeping", "monitoring", "fact-finding", "training", "policing"}
_VERBISH = set(
    "warned urged told asked met meet meets called accused ordered forced allowed helped killed kill kills killing "
    "attacked attack attacks hit struck targeted shelled bombed shot arrested detained abducted kidnapped evacuated "
    "displaced sent said says tell tells urge urges ask asks order orders force let lets help helps saw see sees "
    "joined join joins blamed blame blames freed free frees released release releases accuse accuses million billion "
    "thousand hundred dozen led leads lead host hosts hosted hosting".split()
) - {"displaced", "detained"}
# closed-class words that never sit inside a nominal actor phrase (prepositions, adverbs)
_LEFT_STOP = set("alongside along amid amidst despite within without beyond behind beside besides via like unlike upon "
                 "once again even still already now then later soon too yet ever never outside inside throughout "
                 "near nearly almost further".split())
_NAME_DETERMINERS = {"the", "a", "an", "no", "neither", "either", "both", "each", "every", "this", "that", "these",
                     "those", "all", "some", "any", "our", "their", "its", "his", "her"}
_AUXILIARIES = {"has", "have", "had", "not", "never", "was", "were", "been", "be", "is", "are", "being"}
# words after which a verb's base form stands (modals, negation, do-support, perfect "had cut"): a
# base-form verb there heads a verb phrase, it does not modify the actor noun after it. (Not "to":
# "addressed to rival gunmen" is a preposition before a noun that is also a verb.)
_VERB_MARKERS = {"not", "never", "will", "would", "can", "could", "may", "might", "must", "should", "shall",
                 "did", "does", "do", "has", "have", "had"}
# particles that follow a verb's object ("pull people from", "drive militants out"), not a noun phrase's
_VERB_PARTICLES = {"from", "out", "away", "back", "off", "into", "toward", "towards"}
_KIN = {"mother", "father", "wife", "husband", "son", "daughter", "relative"}
# lowercase group nouns after a name make the name a group's ("X coalition", "the Y front")
_GROUP_NOUNS_AFTER_NAME = {"coalition", "front", "faction", "movement", "militia", "gang", "cartel", "alliance",
                           "brigade", "battalion", "group"}
# a wire dateline's agency tag: "NAIROBI, Kenya, May 3 (Agency) -"
_WIRE_TAG_AFTER = re.compile(r"\)\s*[-–—]")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]{2,}\b[^\n]*\s$")
# bodies a state sets up ("parliamentary committee", "security council"): STATE, not ORGANIZATION
_STATE_BODY_MODIFIERS = {"parliamentary", "parliament", "security", "government", "cabinet", "ministerial",
                         "provincial", "regional", "municipal", "state", "presidential"}
# a town's own elected council ("the local council", "the city council"); a "local relief committee" is civic
_TOWN_MODIFIERS = {"local", "city", "town", "village", "county", "district"}
_MONEY_AFTER = re.compile(r"\s?\d")
# a clock time ("6:05 p.m.", "14:10", "8am") right before a word: capitals there name its time zone
_CLOCK_BEFORE = re.compile(r"(?:\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?)\s+$", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred))\s+$")
_PLURAL_MODIFIERS = {"rights", "arms", "affairs"}  # plural nouns that modify ("human rights groups", "arms dealers",
# "the home affairs ministry")
# a named road is a fixed proper place (decision 5), as the sets' golds mark them ("Route 7", "the A2 motorway")
_ROAD = re.compile(r"\bRoute(?:\s+(?:de|du|des|del|[A-Z][\w’'-]*))*\s+(?:\d{1,4}[A-Z]?\b|[A-Z][\w’'-]*)"
                   r"|\b[A-Z]{1,2}\d{1,3}\s+(?:highway|motorway|expressway|road)\b"
                   # a road named by capitalised words and its own capitalised kind ("the Eastern Main Road",
                   # "the Inter-American Highway"): the golds mark 8 of 8 with the kind inside
                   r"|(?<![\w’'-])(?!(?:The|A|An|On|In|At|From|Near|Along|To|Off|Of|And|By)\s)"
                   r"(?:[A-Z][\w’'-]+\s){1,3}(?:Road|Highway|Street|Avenue|Boulevard)\b")
_COUNTED_PEOPLE = re.compile(r"(?:\b\d[\d,.]*|\b(?:million|thousand|hundred|thousands|millions|hundreds|dozens)|"
                             r"(?:%|\bpercent|\bper cent|\bhalf|\bmost|\bmany)\s+of)\s+$")
# "X-led forces": led or backed by a people that is no state's demonym, an armed group (dev gold)
_LED_BY = re.compile(r"([A-Z][\w’'-]*?)[-‐‑](?:led|backed|allied|aligned|dominated)$")
_OUTLET_NOUNS = {"news", "radio", "television", "tv", "newspaper", "channel"}
_TIES = re.compile(r"\b(?:linked|tied|allied|loyal|close|affiliated)\s+(?:to|with)\s+(?:the\s+)?$")
_PLACE_HEADS = {"division", "state", "county", "district", "province", "region", "unit"}
_PREDICATIVE = {"designated", "declared", "branded", "labelled", "labeled", "considered", "named", "deemed"}
_AID_WORDS = {"humanitarian", "rights", "media", "press", "aid", "relief", "refugee"}
_ADVERBS = {"often", "always", "also", "usually", "sometimes", "rarely", "seldom", "reportedly", "allegedly"}
_PARTY_QUANTIFIERS = {"both", "neither", "either", "each", "all"}
_COPULA = {"is", "are", "was", "were", "be", "been", "being", "become", "became", "becomes", "as", "remains", "remained"}
_TITLES = set(
    "president prime minister foreign defence defense interior general gen gen. lt lt. col col. colonel major maj "
    "captain capt sgt sergeant mr mr. mrs mrs. ms ms. dr dr. sheikh king queen prince pope ambassador secretary "
    "spokesman spokeswoman spokesperson commander governor mayor chief senator rep judge brig brigadier "
    "lieutenant admiral marshal envoy deputy vice sen sen. gov gov. field cardinal bishop imam rev. rev "
    "premier chancellor emir sultan ayatollah dame sir lord inspector commissioner superintendent commodore corporal "
    "detective".split()
)

_TITLE_WORDS = _TITLES | {t.rstrip(".") for t in _TITLES}
# organisation words (last word of a name) -> type
_ORG_LAST = {
    **dict.fromkeys("Front Movement Brigade Brigades Militia Militias Battalion Battalions Mujahideen Rebels "
                    "Fighters Jihad Alliance Coalition Resistance Liberation Gang Gangs Cartel Cartels".split(),
                    "ARMED_GROUP"),
    **dict.fromkeys("Ministry Government Cabinet Parliament Presidency Administration Authority Authorities "
                    "Junta Senate Congress Kremlin Pentagon Police Gendarmerie Bureau".split(), "STATE"),
    **dict.fromkeys("Organization Organisation Nations Agency Program Programme Fund Committee Network Institute "
                    "University Council Cross Crescent Watch International Press News Times Post Journal Television "
                    "TV Radio Foundation Society Association Union Court Commission Bank Mission Office Service "
                    "Center Centre Federation Observatory Monitor Group Initiative Project Board Secretariat Community "
                    "Borders Reuters Agence Tribune Guardian Telegraph Herald Daily Gazette Channel Church "
                    # more newspaper-title heads ("The Lakeside Courier", "the Delta Dispatch")
                    "Dispatch Despatch Courier Observer Chronicle Wire Bulletin Inquirer Sentinel Examiner "
                    # companies ("Middle East Airlines", "Atlas Mountains Trading Company"): a place in them
                    # names the firm, it is no LOCATION of its own
                    "Airlines Airways Airline Company Corporation Holdings Industries Enterprises".split(),
                    "ORGANIZATION"),
    **dict.fromkeys("Army Forces Force Navy Corps Command Guard Guards Military Staff".split(), "FORCES"),
}
_ORG_FIRST = {"Ministry": "STATE", "University": "ORGANIZATION", "Office": "ORGANIZATION", "Bank": "ORGANIZATION",
              "Council": "ORGANIZATION", "Organization": "ORGANIZATION", "Organisation": "ORGANIZATION",
              "Department": "STATE", "Bureau": "STATE", "Army": "FORCES", "Institute": "ORGANIZATION", "Committee": "ORGANIZATION"}
_MILITARY_WORDS = {"General", "Joint", "Armed", "Defense", "Defence", "National", "Air", "Naval", "Royal", "Republican", "Army",
                   "Revolutionary", "Presidential", "Special", "Security", "Coast", "Border",
                   # the ranks and joint bodies that head a state's forces ("Joint Chiefs of Staff",
                   # "Combined Forces", "Supreme High Command"; one "Chief of Staff" is a person)
                   "Chiefs", "Combined", "Unified", "Supreme", "High"}
# words that make a named office a part of the armed forces ("Inter-Services Public Relations",
# "Army Public Relations Directorate", "Military Intelligence Directorate")
_FORCES_OWN_WORDS = {"Inter-Services", "Inter-Service", "Army", "Military", "Navy", "Naval"}
# the rebel words that name a movement even after a state's name ("Sudan People's Liberation Army")
_MOVEMENT_WORDS = {"Liberation", "Independence", "Islamic", "Resistance", "Rebel", "Salvation", "Freedom", "Support",
                   "Mobilization", "Mobilisation", "Self-Defence", "Self-Defense", "Volunteer", "Volunteers", "Mujahideen"}
_REBEL_WORDS = {"Liberation", "Independence", "People", "People's", "People’s", "Popular", "Islamic", "Resistance",
                "Rebel", "Mobilization", "Mobilisation", "Salvation", "Support", "Democratic", "Freedom", "Patriotic",
                "Self-Defence", "Self-Defense", "Volunteer", "Volunteers", "Mujahideen", "Liberation"}
_FEATURE_LAST = {"River", "Sea", "Lake", "Mountains", "Mountain", "Strip", "Valley", "Desert", "Plateau", "Heights",
                 "Gulf", "Bay", "Island", "Islands", "Peninsula", "Coast", "Delta", "Basin", "Highlands", "Hills",
                 "Corridor", "Canal", "Strait", "Province", "Governorate", "District", "Region", "State", "Oblast",
                 "County", "Square", "Camp", "Airport", "Port", "Bridge", "Crossing", "Farms", "Forest", "Line",
                 "Marsh", "Marshes", "Swamp", "Swamps", "Wetlands", "Lagoon", "Oasis", "Archipelago", "Estuary",
                 "Gorge", "Pass", "Falls", "Dam", "Reservoir",
                 "Zone",  # "the Demilitarized Zone", "the Exclusion Zone": a zone's proper name is a fixed place
                 "Park"}  # "Virunga National Park", "Gorky Park": a park's name is a fixed proper place
_MIXED_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z]{1,3}")  # "LoC", "DRC": a short form with a small connector letter
_FEATURE_FIRST = {"Mount", "Lake", "Port", "Cape", "Gulf", "Camp", "Fort", "Wadi", "Jebel", "Jabal",
                  "Line"}  # "Line of Control", "Line of Contact": a front named as a fixed place
# words that make a "Service" or "Agency" a state's ("State Emergency Service", "Border Service")
_STATE_SERVICE_WORDS = {"State", "Border", "Customs", "Intelligence", "Security", "Penitentiary", "Migration", "Prison",
                        "Prisons", "Revenue", "Tax", "Federal"}
_FEATURE_OF = {"Sea", "Bay", "Strait", "Straits", "Isle", "Isles", "Gulf", "Horn"}  # "Sea of Galilee", "Horn of Africa"
_PLACE_NOUNS = {"camp", "village", "town", "city", "district", "province", "region", "township", "neighbourhood",
                "neighborhood", "suburb", "area", "state", "county", "settlement", "refugee", "displacement",
                "border", "crossing", "airport", "port", "valley", "river", "governorate", "municipality",
                "territory", "zone", "hospital", "market", "base", "prison"}
_PLACE_NOUN_STRICT = {"camp", "village", "town", "city", "district", "province", "region", "township",
                      "neighbourhood", "neighborhood", "suburb", "county", "settlement", "governorate",
                      "municipality", "area", "valley", "river",
                      # geographic features: a name before one is the feature's name ("the Tana delta")
                      "island", "islands", "archipelago", "strait", "straits", "peninsula", "marsh", "marshes",
                      "lake", "bay", "gulf", "coast", "plateau", "desert", "oasis", "mountains", "hills", "crossing",
                      "canal", "delta", "estuary", "lagoon", "highlands", "lowlands"}
DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
              "south-eastern", "south-western", "northwest", "northeast", "southwest", "southeast", "upper", "lower",
              "far", "coastal"}
_NOT_NAMES = set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec I AM PM GMT UTC "
    "Christmas Easter Ramadan Eid God Allah".split()
)
# organisation words whose names go on with "in <country>" ("UN Assistance Mission in Afghanistan")
_IN_NAME_HEADS = {"Mission", "Missions", "Office", "Delegation", "Representation"}
_RUN_BREAKERS = {"Resolution", "Route", "Highway", "Article", "Flight", "Chapter", "Section", "Operation"}
_CAPITAL_VERBS = {"said", "says", "accused", "accuses", "denied", "denies", "rejected", "rejects", "blamed", "blames",
                  "warned", "insisted", "insists", "has", "have", "had", "will", "would", "wants", "sent", "and",
                  "gave", "gives", "responded", "dismissed", "dismisses", "announced", "confirmed", "demanded",
                  "condemned", "condemns", "welcomed", "claimed", "claims", "countered", "maintains", "maintained",
                  # more reporting and stance verbs a government, not a city, does ("X and Y describe the strikes")
                  "say", "describe", "describes", "described", "accuse", "deny", "reject", "blame", "warn", "warns",
                  "insist", "argue", "argues", "argued", "call", "calls", "called", "urge", "urges", "urged",
                  "dispute", "disputes", "disputed", "refuse", "refuses", "refused", "oppose", "opposes", "opposed",
                  "support", "supports", "supported", "back", "backs", "backed", "regard", "regards", "regarded",
                  "consider", "considers", "considered"}
# a capital sharing a reporting verb with another party ("which Nairobi and UN experts say ..."): cities do not say
_SAYS_WITH = re.compile(r"\s+and\s+(?:[\w’'-]+\s+){1,3}?(?:say|says|said|accuse|accuses|accused|insist|insists|"
                        r"believe|believes|allege|alleges|alleged)\b")
# a capital as the object of an accusation or appeal is the state addressed ("accused Nairobi of ...")
_ADDRESSED_BY = re.compile(r"\b(?:(?:accus|blam|urg|criticis|criticiz|pressur)(?:e|es|ed|ing)"
                           r"|(?:condemn|sanction|press|warn)(?:s|es|ed|ing)?|call(?:s|ed|ing)?\s+on)\s+$")
# a capital after "agreement with" is the state, a party to the pact ("a deal with Nairobi")
_PACT_WITH = re.compile(r"\b(?:(?:agreement|agreements|deal|accord|treaty|talks|negotiations|truce|ceasefire|pact)\s+with"
                        r"|(?i:agreement|agreements|deal|accord|treaty|talks|negotiations|truce|ceasefire|pact|"
                        r"relations|ties|tensions|dialogue|rift|dispute)\s+between"  # "talks between <capital> and <capital>"
                        r"|(?:[Dd]elegations?|[Ee]nvoys?|[Nn]egotiators|[Oo]fficials|[Rr]epresentatives)\s+from)"
                        r"(?:\s+[A-Z][\w-]*\s+and)?\s+$")  # "delegations from <capital> and <capital>"
# nouns a state, not a city, owns: a capital before them stands for its state
_OWNED_BY_STATE = {"proposal", "proposals", "plan", "initiative", "offer", "demands", "conditions", "government",
                   "regime", "administration", "position", "stance"}
_LOCATIVE = {"in", "near", "toward", "towards", "into", "outside", "around", "across", "inside", "from", "at",
             "reached", "entered", "captured", "seized", "besieged", "through", "throughout", "to"}
_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "al", "el", "bin", "ibn", "abu", "van", "von", "der",
               "la", "le", "on", "da", "do", "dos", "das", "del", "della", "di"}
# a name with a lowercase word hyphened to it: "Meitei-majority", "Hausa-speaking", "Naga-inhabited"
_HYPHEN_COMPOUND = re.compile(r"^([A-Z][\w’']*(?:[-‐‑][A-Z][\w’']*)*)[-‐‑]([a-z]{4,})$")
# ... that says which people live in or speak there: the name is a people's, even where a town shares it ("Naga")
_DEMOGRAPHIC_TAILS = {"majority", "minority", "speaking", "inhabited", "populated", "dominated", "dominant"}
_HYPHENED_NAMES = re.compile(r"[A-Z][\w’']*(?:[-‐‑][A-Z][\w’']*)+")  # "Kuki-Zo", "Nagorno-Karabakh"
_HYPHEN_AFFIX = re.compile(r"^((?:al-|el-)?[A-Z][\w.]*?)[-‐‑](backed|run|led|brokered|allied|aligned|controlled|held|linked|"
                           r"based|sponsored|funded|supported|affiliated|armed|made|born|owned|designated)$")


@dataclass
class _Run:
    lo: int  # token index
    hi: int  # exclusive


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """snake_case ASCII id of a name (``Médecins Sans Frontières`` -> ``medecins_sans_frontieres``)."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"[’'`.]", "", t.lower())
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_")[:100] or "x"


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_LOWER_WORD = re.compile(r"[a-z]+")
_DIGITS_DOTS_COMMAS = re.compile(r"[\d.,]+")
# (a place adjective after the conjunction keeps the list: "in Tyre and nearby X", "Goma and the neighbouring X")
_COORDINATION = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:(?:the\s+)?(?:nearby|neighbou?ring|adjacent)\s+)?")
_PLACE_PLURALS = {"villages", "towns", "cities", "districts", "provinces", "regions", "sectors", "areas", "camps",
                  "neighbourhoods", "neighborhoods", "suburbs", "counties", "states", "islands", "settlements",
                  "municipalities", "governorates", "localities", "communes", "departments"}
# "north of X", "the outskirts of X": what follows is a place
_COMPASS_OF = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outskirts|edge|"
                         r"centre|center|heart|suburbs|coast|shores?|banks|island|tip)\s+of\s+(?:the\s+)?$")
# a capitalised compass region ("the Northwest", "Kenya's Northeast"): a proper region name, unlike "the north"
# a compass word after a place, naming the district that divides it ("Imphal West", "Kabul North")
_COMPASS_SUFFIXES = {"West", "East", "North", "South", "Central"}
_COMPASS_REGIONS = {"Northwest", "Northeast", "Southwest", "Southeast", "North-West", "North-East", "South-West",
                    "South-East"}
_RIVER_AFTER = re.compile(r" river\b")
# connectors of organisation names that no person's name holds ("Bekaa for the Ledger" is two names)
_NOT_IN_PERSON_NAMES = {"for", "of", "the", "on", "and"}
# rank and courtesy abbreviations before a name ("said Maj. Ortiz"): never a lone given name
_TITLE_ABBREVIATIONS = set("Maj Gen Brig Col Lt Capt Sgt Cpl Pvt Adm Cmdr Cdr Gov Sen Rep Dr Prof Rev Fr Sr Jr Mr Mrs Ms "
                           "Mx St Hon Insp Supt".split())
# a locative preposition and "the" before an acronym ("inside the DMZ", "south of the VRAEM")
_PLACE_ACRONYM_BEFORE = re.compile(r"\b(?:in|inside|into|near|across|within|throughout|(?:north|south|east|west)\s+of)"
                                   r"\s+the\s+$")
# "the North", "the South" standing for a state the article names ("North Korea", "South Sudan")
_COMPASS_STATES = {"North", "South"}


def _compass_country(text: str, compass: str, kb: Knowledge) -> str | None:
    """The country named ``<compass> X`` in the text (``North Korea`` for ``North``), if one is."""
    for m in re.finditer(compass + r" ([A-Z][a-z]+)", text):
        name = m.group(0)
        if name in kb.countries:
            return name
    return None


# where a lone capitalised word is a person's given name: an inverted speech verb ("...," said X), a speaker
# picked out of a group ("said one of them, X"), or the name a person gives ("his first name, X")
_PERSON_NAME_BEFORE = re.compile(r"(?:[,”\"’']\s*(?:said|says|asked|added|recalled|explained)"
                                 r"|\b(?:said|says)\s+one\s+of\s+(?:them|the\s+\w+),"
                                 r"|\b(?:first|given|real)\s+name(?:\s+is|,|:)?)\s+$")
_PERSON_NAME_AFTER = re.compile(r"\s*(?:[,.;:!?”\"]|\s+(?:who|whose|and|as|when)\b|$)")
# two names joined by a dash, and a route or border noun after them ("the Kenya-Somalia border")
_PLACE_PAIR = re.compile(r"(?<![\w’'‐‑–-])([A-Z][\w’']+)([-‐‑–])([A-Z][\w’']+)(?![\w’'‐‑–-])"
                         r"(\s+(?:road|highway|border|frontier|route|corridor|axis|railway|crossing|boundary)s?\b)?")
# "the villages of X and", "the towns of X, Y and": a list of places under a plural place noun
_PLACES_OF_LIST = re.compile(r"\b(?:villages|towns|cities|districts|provinces|hamlets|settlements|camps|islands|"
                             r"neighbou?rhoods)\s+of\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+)*"
                             r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},?\s+(?:and|or)\s+$")
# "the town of X", "the province of X", "residents of X": a place noun (or its people) before the name
_PLACE_OF = re.compile(r"\b(?:town|village|city|district|hamlet|settlement|province|region|camp|area|municipality|"
                       r"resident|inhabitant)s?\s+of\s+$")
# a name listed with another ("Kidal and X", "X, Kidal and ..."): the other one
_LISTED_BEFORE = re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?:,?\s+(?:and|or)|,)\s+$")
_LISTED_AFTER = re.compile(r"\s*(?:,\s*|\s+(?:and|or)\s+)([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\b")
# an appositive that describes a person: an age ("X, 46, said"), "a"/"an" and up to three words
_AGE_APPOSITIVE = re.compile(r",\s+\d{1,2}\s*[,)]")
_A_APPOSITIVE = re.compile(r",\s+an?\s+((?:[\w’'-]+ ){0,4}[\w’'-]+)")
_APPOSITIVE_STOPS = {"whose", "working", "living", "based", "said", "says", "told"}
_YEAR_OLD = re.compile(r"\d{1,3}-year-old")
# a motion or locative preposition before a hospital's name ("taken to the", "died at", "treated in")
_FACILITY_PREPOSITION = re.compile(r"\b(?:to|at|in|into|from|outside)\s+(?:the\s+)?$", re.IGNORECASE)
# the country after a dateline's place: "GAO, Mali —", "HASBAYA (Lebanon) —", "ROSH PINA, northern Israel -"
_DATELINE_COUNTRY = re.compile(r"(?:,\s+|\s*\()(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
                               r"([A-Z][\w’' -]{1,30}?)\s*(?:,|[—–-]|\(|\))")
# a wire dateline's date after its place: "GAO, Sept 3 (Agency) -", "KIDAL, Mali, May 3 -"
_DATELINE_DATE_AFTER = re.compile(r",\s+(?:[A-Z][\w’' -]+?,\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                                  r"\s+\d{1,2}\b")
_ARTICLE_NAME = re.compile(r"^(?:al|el|as|ad|ash|an|ar)[-‐‑][A-Z]")


def _is_cap(tok: Token) -> bool:
    t = tok.text
    first = t[:1]
    if first.isupper() and first.isalpha():
        return True
    return first in "aef" and "-" in t[:4] and bool(_ARTICLE_NAME.match(t))


def _is_title_word(low: str) -> bool:
    """A title before a name, hyphenated ones too (``lieutenant-colonel``, ``major-general``)."""
    low = low.rstrip(".")
    return low in _TITLE_WORDS or ("-" in low and all(p in _TITLE_WORDS for p in low.split("-")))


def _crosses(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """``any(s < te and ts < e and not (s <= ts and te <= e) for ts, te in spans)`` for sorted,
    disjoint spans: does [s, e) overlap one without containing it?"""
    k = bisect_right(spans, (s, s))
    if k and spans[k - 1][1] > s:
        k -= 1  # the one span starting before s can still reach into [s, e)
    while k < len(spans) and spans[k][0] < e:
        ts, te = spans[k]
        if te > s and not (s <= ts and te <= e):
            return True
        k += 1
    return False


_HYPHEN_PARTICLES = {"au", "aux", "de", "du", "des", "la", "le", "les", "en", "sur", "sous", "el", "al", "ad", "ash",
                     "an", "ar", "as", "y", "da", "do", "di"}


def _title_case(surface: str) -> str:
    """An all-capitals name as the body spells it: each word and hyphened part capitalised, a short
    particle between hyphens in lowercase (``PORT-AU-PRINCE`` -> ``Port-au-Prince``)."""
    def word(w: str) -> str:
        parts = w.split("-")
        return "-".join(p.lower() if 0 < k < len(parts) - 1 and p.lower() in _HYPHEN_PARTICLES else p.capitalize()
                        for k, p in enumerate(parts))
    return " ".join(word(w) for w in surface.split())


def _line_start(text: str, i: int) -> bool:
    """Does nothing but blanks stand between the line's start and ``i`` (a dateline's place)?"""
    j = text.rfind("\n", 0, i) + 1
    return not text[j:i].strip()


def _sentence_start(tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    return prev.sent != tokens[i].sent or prev.text in {"“", '"', "‘", "(", "—", "–", ":"} and (
        i < 2 or tokens[i - 2].sent != tokens[i].sent or tokens[i - 2].text in {".", ":", "?", "!", ")"}
        or (prev.text in {"—", "–"} and _after_dateline(tokens, i - 1)))
    # (")": after a dateline's "(AP) —" a sentence begins)


def _after_dateline(tokens: list[Token], dash: int) -> bool:
    """Is the dash at ``dash`` the end of a dateline (``KANO –``, ``GOMA, Congo —``): a sentence that
    opens with a place in capitals and has at most four words before the dash?"""
    k = dash - 1
    while k > 0 and tokens[k - 1].sent == tokens[dash].sent and dash - k < 5:
        k -= 1
    first = tokens[k]
    return (k == 0 or tokens[k - 1].sent != first.sent) and first.text.isupper() and first.text.isalpha() \
        and len(first.text) >= 3 and dash - k <= 4


class ActorFinder:
    """Finds ACTOR and LOCATION spans in one text; see the module docstring for the rules."""

    def __init__(self, gaz: Gazetteer, kb: Knowledge):
        self.gaz, self.kb = gaz, kb
        self._places_seen: list[Match] = []
        self._context_typed: dict[str, str] = {}
        self._peoples: set[str] = set()  # unknown names the text counts as people ("1,000 Bawm")
        self.head_forms = head_forms(kb)
        self._person_heads: dict[str, str | None] = {}  # lemma -> person_head(lemma) (same knowledge throughout)
        self._not_person_words: set[str] = set()

    # -- classification of a name ---------------------------------------------------------------
    def _known_actor(self, surface: str):
        return self.gaz.actors.get(surface)

    def _known_name(self, word: str) -> bool:
        """A name of its own (a registered actor, a country, a place, a demonym): not a name's part."""
        kb = self.kb
        return word in self.gaz.actors or word in kb.countries or fold(word) in kb.places or word in kb.demonyms

    def _entity_for(self, surface: str, label: str) -> str:
        entry = self.gaz.actors.get(surface)
        if entry is not None and entry.label == label:
            return entry.entity
        return slug(surface)

    def find(self, text: str, tokens: list[Token], doc_id: str) -> list[Match]:
        kb, gaz = self.kb, self.gaz
        out: list[Match] = []
        taken: list[tuple[int, int]] = []
        n = len(tokens)

        def free(s, e):
            # taken spans are disjoint (each was free when taken) and non-empty, so sorted by start
            # their ends are sorted too: only the first one ending after s can start before e
            k = bisect_right(taken_ends, s)
            return k == len(taken) or taken[k][0] >= e

        def add(m: Match):
            out.append(m)
            k = bisect_right(taken, (m.start, m.end))
            taken.insert(k, (m.start, m.end))
            taken_ends.insert(k, m.end)

        taken_ends: list[int] = []
        # 0. roads named by a number or a name ("Route 12", "Route de Belmont", "the B8 highway"): places
        for m in scan_finditer(_ROAD, text):
            add(Match(m.start(), m.end(), m.group(), "LOCATION", "LOCATION", 0.6))
        # 0b. two places joined by a dash ("the Kenya-Somalia border", "the Wabag–Wapenamanda road"): two places
        for m in scan_finditer(_PLACE_PAIR, text):
            a, b = m.group(1), m.group(3)
            if self._dash_pair(a, b, m.group(2), m.group(4) is not None):
                for g in (1, 3):
                    if free(m.start(g), m.end(g)):
                        add(Match(m.start(g), m.end(g), m.group(g), "LOCATION", "LOCATION", 0.6))
            elif m.group(4) is not None and m.group(2) != "–" and a.lower() not in kb.common \
                    and b.lower() not in kb.common and free(m.start(), m.end(3)):
                add(Match(m.start(), m.end(3), text[m.start() : m.end(3)], "LOCATION", "LOCATION", 0.55))  # "the
                # Lakki-Bannu road": a route named by its hyphenated ends is one place
        # 1. capitalised runs, from the tokens that can open one (found in one pass)
        opens = [k for k, t in enumerate(tokens) if (t._title or t.text[:1] in "aef") and _is_cap(t)
                 and t.text not in _NOT_NAMES]
        runs: list[_Run] = []
        i = 0
        while True:
            c = bisect_left(opens, i)
            if c == len(opens):
                break
            i = opens[c]
            tok = tokens[i]
            j = i + 1
            dotted = text[tok.start + 1 : tok.start + 2] == "." and _DOTTED.match(text, tok.start)
            if dotted:
                end_at = dotted.end()
                while j < n and tokens[j].end <= end_at:
                    j += 1
            while j < n:
                t = tokens[j]
                if t.sent != tok.sent or t.start > tokens[j - 1].end + 1:
                    break
                if _is_cap(t) and t.text not in _NOT_NAMES and t.text not in _RUN_BREAKERS:
                    j += 1
                    continue
                if t.text in {"'", "’"} and t.start == tokens[j - 1].end and j + 1 < n and tokens[j + 1].start == t.end \
                        and tokens[j + 1].text[:1].isalpha():
                    j += 2  # Ta'ang, People's
                    continue
                if t.lower == "and" and j + 1 < n and _is_cap(tokens[j + 1]) and tokens[j + 1].start == t.end + 1 \
                        and fold(text[tok.start : tokens[j + 1].end]) in self.kb.places:
                    j += 2  # one place named with "and" ("Trinidad and Tobago")
                    continue
                if t.lower == "and" and j + 1 < n and _is_cap(tokens[j + 1]) and tokens[j + 1].sent == tok.sent \
                        and tokens[j + 1].text not in _NOT_NAMES and not self._known_name(tokens[j + 1].text) \
                        and any(tokens[k].text in _ORG_NAME_OPENERS for k in range(i, min(j, i + 3))) \
                        and any(tokens[k].lower in {"of", "for"} for k in range(i + 1, j)):
                    j += 1  # "Group for the Support of Islam and Muslims", "Ministry of Foreign Affairs and Trade"
                    continue
                if t.lower == "and" and tokens[j - 1].lower in self.kb.common and not self._known_name(tokens[j - 1].text) \
                        and (k := next((k for k in range(j + 2, min(j + 4, n)) if tokens[k].text in _ORG_LAST), None)) \
                        and all(_is_cap(tokens[m]) and tokens[m].sent == tok.sent and tokens[m].text not in _NOT_NAMES
                                and tokens[m].start == tokens[m - 1].end + 1 for m in range(j + 1, k + 1)):
                    j = k + 1  # "Fire and Rescue Authority", "Food and Drug Administration": a body named for two tasks
                    continue
                if t.lower == "in" and tokens[j - 1].text in _IN_NAME_HEADS and j + 1 < n and _is_cap(tokens[j + 1]):
                    k = next((k for k in (j + 3, j + 2) if k <= n and all(tokens[m].sent == tok.sent for m in range(j + 1, k))
                              and text[tokens[j + 1].start : tokens[k - 1].end] in self.kb.countries), None)
                    if k is not None:
                        j = k  # "the UN Assistance Mission in Somalia": a mission is named after the country it serves
                        continue
                if t.lower in _CONNECTORS and t.lower != "and":
                    k = j
                    while k < n and tokens[k].lower in _CONNECTORS and tokens[k].lower != "and" and k - j < 2:
                        k += 1
                    if k < n and _is_cap(tokens[k]) and tokens[k].sent == tok.sent and tokens[k].text not in _NOT_NAMES:
                        j = k
                        continue
                if t.text == "." and (len(tokens[j - 1].text) <= 2 or tokens[j - 1].lower in _TITLE_WORDS) and j + 1 < n \
                        and tokens[j + 1].start == t.end + 1 and tokens[j + 1].sent == tok.sent \
                        and not (tokens[j - 1].text.isupper() and len(tokens[j - 1].text) > 1) \
                        and _is_cap(tokens[j + 1]) and tokens[j - 1].text not in {"U", "S"}:
                    # (an all-capitals acronym never takes a full stop: "according to the UN. The ..."'s
                    # period ends the sentence; dotted "U.N." keeps its own, read above)
                    j += 1  # "Gen. Abdel" / "Mohamed A. Hassan"
                    continue
                break
            runs.append(_Run(i, j))
            i = j

        acronyms: dict[str, Match] = {}
        names_seen: list[Match] = []
        run_matches: list[list[Match]] = []
        self._places_seen = []  # multi-word places so far, whose initials a later short form may spell
        self._context_typed = {}  # entity -> the type a descriptor or a defined acronym gave its name
        self._peoples = set()
        for run in runs:
            kept = []
            for m in self._classify_run(text, tokens, run, doc_id, acronyms, names_seen):
                if free(m.start, m.end):
                    add(m)
                    kept.append(m)
                    if m.layer == "ACTOR" and m.mention == "NAME":
                        names_seen.append(m)
                    elif m.layer == "LOCATION" and " " in m.text:
                        self._places_seen.append(m)
            run_matches.append(kept)
        for k, m in self._coordinated_places(text, tokens, runs, run_matches):
            if m.layer == "LOCATION" and run_matches[k] and run_matches[k][0] in out:
                out[out.index(run_matches[k][0])] = m  # the same span: taken stays as it is
            elif free(m.start, m.end):
                add(m)

        # 2. nominal actors by head noun
        names_taken = list(taken)  # disjoint (each was free when taken) and kept sorted, so found by bisection
        out_starts = sorted(o.start for o in out)  # the starts of out, kept with it: most phrases hold no match
        for m in self._nominals(text, tokens, doc_id):
            if _crosses(names_taken, m.start, m.end):
                continue  # would cross a name
            ms, me = m.start, m.end
            k = bisect_left(out_starts, ms)
            inner = [o for o in out if ms <= o.start and o.end <= me] if k < len(out_starts) and out_starts[k] <= me else []
            if any(o.layer == "LOCATION" for o in inner) and _head_lemma(text[ms:me].split()[-1], kb) in _PLACE_HEADS:
                continue  # "the Garissa division", "Kitui state": a place, not an actor (a place inside an actor
                # phrase is a nested LOCATION: "a Garissa-based research group", "a Mombasa think tank")
            if any(o.layer == "ACTOR" and o.mention == "NAME" and o.end == me and o.start > ms for o in inner):
                continue  # "the smaller Popular Liberation Army": the name is the mention, not adjectives + its last word
            if any(o.layer == "ACTOR" and (o.start, o.end) == (m.start, m.end) for o in inner):
                continue
            if m.label == "MILITARY" and m.text.rsplit(None, 1)[-1].lower() in {"patrol", "patrols"} and any(
                    o.layer == "ACTOR" and o.mention == "NAME" and o.label == "ORGANIZATION" for o in inner):
                m = Match(m.start, m.end, m.text, m.layer, "ORGANIZATION", m.score, m.entity, m.mention)  # "a UNIFIL patrol"
            if m.label == "GROUP" and m.text.rsplit(None, 1)[-1].lower() in {"commanders", "leaders", "operatives"} \
                    and any(o.layer == "ACTOR" and o.mention == "NAME" and o.label == "ARMED_GROUP" for o in inner):
                m = Match(m.start, m.end, m.text, m.layer, "ARMED_GROUP", m.score, m.entity, m.mention)  # adjudication 13
            # demonyms inside an actor phrase are not annotated on their own (decision 1)
            for o in inner:
                if o.layer == "ACTOR" and (o.text in kb.demonyms or _ABBREVIATED_STATES.fullmatch(o.text)):
                    out.remove(o)
                    del out_starts[bisect_left(out_starts, o.start)]
            out.append(m)
            insort(out_starts, m.start)
        # 3. an unknown name typed by its appositive ("the FLNX, a militia ...", "the mission, AMIKO,")
        out = _typed_by_apposition(text, out, gaz.actors)
        out = _body_before_staff(text, out)
        out = _descriptor_before_name(text, out)
        if self._context_typed:  # one label per name: its guessed-person mentions ("X said") follow
            typed = self._context_typed
            out = [Match(m.start, m.end, m.text, m.layer, typed[m.entity], m.score, m.entity, m.mention)
                   if m.layer == "ACTOR" and m.mention == "NAME" and m.label == "PERSON" and m.entity in typed else m
                   for m in out]
        if self._peoples:  # a people's name guessed a place elsewhere: "represent the Bawm" is the people,
            # "Bawm villages" says whose villages (no place)
            peoples = self._peoples
            out = [m if m.layer != "LOCATION" or m.text not in peoples else
                   Match(m.start, m.end, m.text, "ACTOR", "CIVILIANS", 0.5, self._entity_for(m.text, "CIVILIANS"), "NAME")
                   if _prev_word(text, m.start) == "the" and (not _LOWER_WORD.fullmatch(nxt := _next_word(text, m.end))
                                                          or nxt in _STOP) else None
                   for m in out]
            out = [m for m in out if m is not None]
        # 4. surnames of persons named in full earlier
        persons: dict[str, Match] = {}
        for m in sorted(out, key=lambda m: m.start):
            if m.layer == "ACTOR" and m.label == "PERSON" and m.mention == "NAME" and " " in m.text:
                persons.setdefault(m.text.split()[-1], m)
        if persons:
            for k, tok in enumerate(tokens):
                first = persons.get(tok.text)
                if first is not None and tok.start > first.start and free(tok.start, tok.end) \
                        and not (k + 1 < n and _is_cap(tokens[k + 1])):
                    add(Match(tok.start, tok.end, tok.text, "ACTOR", "PERSON", 0.7, first.entity, "NAME"))
        # 5. a "place" the article only ever uses as an armed group ("Kordo fighters attacked", never "in Kordo")
        out = self._groups_not_places(text, out, doc_id)
        # 6. one sense per article: a name the text shows to be a group elsewhere is that group everywhere
        out = self._same_name_same_actor(text, out)
        # 6a. a name's short form ("the Polisario" after "the Polisario Front") is the same actor
        out = self._short_forms(text, out)
        # 6b. one sense per article for places: a name read as a place is a place where no rule read it
        out = _same_place_again(text, out, kb)
        out = _two_names_one_division(text, out, kb)  # "Sistan and Baluchestan province": one province
        # 7. an acronym guessed before the name it abbreviates is spelled out ("MILF says ..." in a heading)
        out = _acronyms_spelled_later(out)
        # 8. "its forces": whose (once every name has its type)
        out = _owned_forces(text, out)
        out = _officers_of_the_force(out)  # "the officers": the police's or the army's
        out = _patrols_of_the_body(text, out)  # "UNMISS said a patrol ...": the mission's
        out = _victims_of_the_force(text, out)  # "the dead" after soldiers were killed: the soldiers
        # 9. an armed group's affiliate ("Hamas-linked KRM") and a movement with an armed wing are armed groups
        out = _armed_by_ties(text, out, gaz.actors)
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _dash_pair(self, a: str, b: str, dash: str, before_route: bool) -> bool:
        """Are ``a`` and ``b`` joined by ``dash`` two places, not one hyphenated name (not a known whole:
        ``Guinea-Bissau``)? Two countries joined by a hyphen (``the Kenya-Somalia border``; ``the
        Lakki-Bannu road`` is one name); with an en dash, two known places, or any two names before a
        route or border noun (``the Wabag–Wapenamanda road``)."""
        kb, gaz = self.kb, self.gaz

        def place(w):
            return w in kb.countries or fold(w) in kb.places or w in gaz.locations

        whole = f"{a}{dash}{b}"
        if a == b or place(whole) or whole in gaz.actors or a in gaz.actors and not place(a) \
                or b in gaz.actors and not place(b):
            return False
        if dash != "–":  # a hyphen also joins one place's name: only two countries are two places there
            return a in kb.countries and b in kb.countries
        if before_route:
            return a.lower() not in kb.common and b.lower() not in kb.common
        return place(a) and place(b)

    def _coordinated_places(self, text, tokens, runs, run_matches) -> list[tuple[int, Match]]:
        """Names coordinated with a place are places (``shells fell on Garissa, Kulan Dheer and Bofow``), and so
        are names coordinated before a plural place noun (``the Kiwu and Bora districts``): a run
        the rules left unread, or read only as a guessed two-word person, becomes a LOCATION."""
        kb = self.kb

        def span(k):
            return tokens[runs[k].lo].start, tokens[runs[k].hi - 1].end

        def state(k):
            ms = run_matches[k]
            if len(ms) == 1 and ms[0].layer == "LOCATION":
                return "place"
            lo, hi = runs[k].lo, runs[k].hi
            # (the run's words as written: "Mi'ilya" is one word, not "Mi" and "ilya")
            words = text[tokens[lo].start : tokens[hi - 1].end].split()
            if not words or any(w.isupper() and len(w) > 1 for w in words) \
                    or any(w.lower() in kb.common or w in _NOT_NAMES for w in words) or len(words) > 3:
                return None
            if not ms:
                return "unread"
            m = ms[0]
            if len(ms) == 1 and m.label == "PERSON" and m.score <= 0.55 and len(words) == 2 \
                    and (m.start, m.end) == span(k):
                return "unread"
            return None

        states = [state(k) for k in range(len(runs))]
        joins = {}  # k -> "and" | "comma": how run k is joined to run k + 1
        for k in range(len(runs) - 1):
            if tokens[runs[k].hi - 1].sent == tokens[runs[k + 1].lo].sent:
                m = _COORDINATION.fullmatch(text, span(k)[1], span(k + 1)[0])
                if m:
                    joins[k] = "and" if re.search(r"\b(?:and|or)\b", m.group()) else "comma"
        # a comma joins a list only if the list ends in "and"/"or" ("Gao, Lere and Niono"; not the
        # apposition in "in Gao, Amadou Traore, said")
        joined = []
        for k in sorted(joins):
            m = k
            while joins.get(m) == "comma":
                m += 1
            if joins.get(m) == "and":
                joined.append(k)
        places = {k for k, st in enumerate(states) if st == "place"}
        for k in joined:  # "the Kiwu and Bora districts": both names before one plural place noun
            nxt = _next_word(text, span(k + 1)[1]).lower()
            if nxt in _PLACE_PLURALS and states[k] in ("unread", "place") and states[k + 1] in ("unread", "place"):
                places |= {k, k + 1}
        changed = True
        while changed:  # along a list: "Garissa, Kulan Dheer and Bofow"
            changed = False
            for k in joined:
                for a, b in ((k, k + 1), (k + 1, k)):
                    if a in places and b not in places and states[b] == "unread":
                        places.add(b)
                        changed = True
        out = []
        for k in sorted(places):
            if states[k] == "unread":
                s0, e0 = span(k)
                out.append((k, Match(s0, e0, text[s0:e0], "LOCATION", "LOCATION", 0.5)))
        return out

    def _groups_not_places(self, text: str, out: list[Match], doc_id: str) -> list[Match]:
        """Gazetteers list many group names as places too (a town, a district). A one-word place
        that the article uses with armed-group words (``X fighters``, ``X militants``, ``X claimed
        responsibility``) and never after a locative word (``in X``, ``near X``, ``town of X``) is the
        group: every mention becomes an ACTOR NAME ARMED_GROUP. Countries, capitals and registered
        places keep their place/actor rules."""
        kb = self.kb
        candidates = {m.text for m in out if m.layer == "LOCATION" and " " not in m.text and m.text in kb.places
                      and m.text not in kb.countries and m.text not in kb.capitals and m.text not in kb.demonyms
                      and m.text not in self.gaz.locations}
        groups = set()
        for surface in candidates:
            armed = located = 0
            for s0, e0 in word_spans(text, surface):  # re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")
                before = text[max(0, s0 - 30) : s0]
                if re.search(r"\b(?:in|near|at|into|from|to|toward|towards|outside|around|across|inside|of|"
                             r"through|throughout|reached|entered|captured|seized|besieged)\s+(?:the\s+)?$", before, re.IGNORECASE):
                    located += 1
                if _ARMED_AFTER.match(text, e0, e0 + 40) or _ARMED_MODIFIED.match(text, e0, e0 + 30) \
                        or _ARMED_BEFORE.search(before):
                    armed += 1
            if armed and not located:
                groups.add(surface)
        if not groups:
            return out
        return [Match(m.start, m.end, m.text, "ACTOR", "ARMED_GROUP", 0.55, slug(m.text), "NAME")
                if m.layer == "LOCATION" and m.text in groups else m for m in out]

    def _same_name_same_actor(self, text: str, out: list[Match]) -> list[Match]:
        """An unregistered name typed as a group by its context once (``Kordo gunmen``, ``the FLNX,
        a militia``) is the same actor where its other mentions have no context (``claimed by
        Kordo``) or only a guessed place reading (``fighters loyal to Kordo``). Registered names,
        places and countries keep their own readings."""
        typed: dict[str, Match] = {}
        for m in out:
            if m.layer == "ACTOR" and m.mention == "NAME" and m.label in ("ARMED_GROUP", "MILITARY", "ORGANIZATION") \
                    and m.text not in self.gaz.actors and not self._known_name(m.text) and m.text not in self.gaz.locations:
                best = typed.get(m.text)
                if best is None or m.score > best.score:
                    typed[m.text] = m
        if not typed:
            return out
        spans = {(m.start, m.end): m for m in out}
        # a guessed place reading gives way only to strong evidence (an appositive, an organisation word)
        result = [m for m in out if not (m.layer == "LOCATION" and m.text in typed and m.score <= 0.6
                                         and typed[m.text].score >= 0.7)]
        names = [m for m in result if m.mention == "NAME" or m.layer == "LOCATION"]
        for surface, first in typed.items():
            for s0, e0 in word_spans(text, surface):  # re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")
                here = spans.get((s0, e0))
                if here is not None and here.layer == "ACTOR" and here.label == "PERSON" and here.score <= 0.55 \
                        and " " in surface and here in result:
                    result.remove(here)  # "blamed Boko Haram" after "Boko Haram fighters": a guessed person gives way
                    if here in names:
                        names.remove(here)
                elif here is not None and here.layer == "ACTOR":
                    continue
                if any(o.start < e0 and s0 < o.end for o in names):
                    continue  # part of a longer name
                result.append(Match(s0, e0, surface, "ACTOR", first.label, round(min(first.score, 0.6), 2),
                                    first.entity, "NAME"))
        return result

    def _short_forms(self, text: str, out: list[Match]) -> list[Match]:
        """A group's name of one word and organisation words (``Polisario Front``, ``Wagner Group``) is
        shortened to the word (``the Polisario said``): where that word stands alone with no reading of
        its own, it is the same actor. Everyday words, places and demonyms are no short form."""
        kb = self.kb
        shorts = {}
        for m in out:
            words = m.text.split()
            if m.layer == "ACTOR" and m.mention == "NAME" and m.label in ("ARMED_GROUP", "ORGANIZATION", "MILITARY") \
                    and len(words) >= 2 and all(w in _ORG_LAST for w in words[1:]) and words[0][:1].isupper() \
                    and words[0].lower() not in kb.common and fold(words[0]) not in kb.places \
                    and words[0] not in kb.demonyms and words[0] not in kb.countries:
                shorts.setdefault(words[0], m)
        if not shorts:
            return out
        spans = sorted((m.start, m.end) for m in out)
        starts = [a for a, _ in spans]
        added = []
        for short, named in shorts.items():
            for s0, e0 in word_spans(text, short):
                k = bisect_right(starts, e0)
                if any(a < e0 and s0 < b for a, b in spans[max(0, k - 8) : k]) or _CAP_AFTER.match(text, e0):
                    continue
                added.append(Match(s0, e0, short, "ACTOR", named.label, 0.55, named.entity, "NAME"))
        return out + added

    def _classify_run(self, text, tokens, run: _Run, doc_id, acronyms, names_seen) -> list[Match]:
        kb, gaz = self.kb, self.gaz
        lo, hi = run.lo, run.hi
        # drop a sentence-initial everyday word ("Residents", "The", "Paramilitary"), unless the run is a known name
        whole = text[tokens[lo].start : tokens[hi - 1].end]
        known = whole in gaz.actors or fold(whole) in kb.places or whole in kb.countries or whole in gaz.locations
        # (nor one that opens a known place of two or three words: "Middle East Airlines" is one name)
        known = known or any(fold(opening := text[tokens[lo].start : tokens[k - 1].end]) in kb.places
                             or opening in gaz.locations for k in range(lo + 2, min(hi - 1, lo + 3) + 1))
        while not known and lo < hi and _sentence_start(tokens, lo) and (tokens[lo].lower in kb.common
                                                                          or tokens[lo].lower in HEADS) \
                and tokens[lo].text not in gaz.actors and tokens[lo].text not in kb.places \
                and tokens[lo].text not in kb.demonyms and tokens[lo].text not in kb.countries \
                and not (tokens[lo].text.isupper() and len(tokens[lo].text) > 1):
            lo += 1
        while not known and lo < hi - 1 and tokens[lo].lower in _NAME_DETERMINERS:
            lo += 1  # names drop determiners (decision 3): "The Telegraph", "No Kenyan Army convoy"
        while lo < hi and (tokens[lo].text in _CONNECTORS or tokens[lo].text == "."):
            lo += 1
        while hi > lo and tokens[hi - 1].text in _CONNECTORS:
            hi -= 1
        if lo >= hi:
            return []
        for k in range(lo, hi - 1):  # possessive inside the run: "Myanmar’s", "Sudan’s Rapid Support Forces"
            if tokens[k].text in {"'", "’"} and tokens[k + 1].text == "s":
                left_text = text[tokens[lo].start : tokens[k].start]
                if k + 2 >= hi or tokens[hi - 1].text not in _ORG_LAST or left_text in self.kb.countries \
                        or left_text in self.kb.places or left_text in gaz.actors or (left_text.isupper() and len(left_text) <= 5):
                    # a country, place, known actor or acronym owning the name: "the UN’s Emergency Fund"
                    left = self._classify_run(text, tokens, _Run(lo, k), doc_id, acronyms, names_seen)
                    right = self._classify_run(text, tokens, _Run(k + 2, hi), doc_id, acronyms, names_seen) if k + 2 < hi else []
                    return left + right
                break
        # hyphenated affix: "RSF-run", "Iran-backed", "U.S.-brokered"
        if hi - lo > 1 and _HYPHEN_AFFIX.match(tokens[lo].text):  # "al-Qaeda-linked Group for ...": two names
            return (self._classify_run(text, tokens, _Run(lo, lo + 1), doc_id, acronyms, names_seen)
                    + self._classify_run(text, tokens, _Run(lo + 1, hi), doc_id, acronyms, names_seen))
        mid = next((k for k in range(lo + 1, hi - 1) if _HYPHEN_AFFIX.match(tokens[k].text)), None)
        if mid is not None:  # "the Sahel Front-linked KRM": the tied name with its affix, then the name it ties
            return (self._classify_run(text, tokens, _Run(lo, mid + 1), doc_id, acronyms, names_seen)
                    + self._classify_run(text, tokens, _Run(mid + 1, hi), doc_id, acronyms, names_seen))
        if hi - lo > 1 and _HYPHEN_AFFIX.match(tokens[hi - 1].text):  # "Free Coast Army-backed": the name before the affix
            s = tokens[lo].start
            e = tokens[hi - 1].start + len(_HYPHEN_AFFIX.match(tokens[hi - 1].text).group(1))
            return self._name_only(text, s, e, text[s:e], doc_id, acronyms, names_seen, affix=True)
        if hi - lo == 1 and _HYPHEN_AFFIX.match(tokens[lo].text):
            name = _HYPHEN_AFFIX.match(tokens[lo].text).group(1)
            s = tokens[lo].start
            if _HYPHEN_AFFIX.match(tokens[lo].text).group(2) == "based" and (
                    name in kb.countries or fold(name) in kb.places or name in gaz.locations):
                return [Match(s, s + len(name), name, "LOCATION", "LOCATION", 0.7)]  # "a Garissa-based group": where it is
            return self._name_only(text, s, s + len(name), name, doc_id, acronyms, names_seen, affix=True)
        if hi - lo > 1 and (hc := _HYPHEN_COMPOUND.match(tokens[lo].text)) and hc.group(2) in _DEMOGRAPHIC_TAILS:
            # "the Malay-speaking Muslim region": the adjective is no place; the rest is read alone
            # (another adjective of people after it, "Muslim", is no place either unless the place is known)
            return [m for m in self._classify_run(text, tokens, _Run(lo + 1, hi), doc_id, acronyms, names_seen)
                    if m.layer != "LOCATION" or fold(m.text) in kb.places or m.text in gaz.locations]
        if hi - lo == 1 and (hc := _HYPHEN_COMPOUND.match(tokens[lo].text)):
            # "Meitei-majority valley", "Hausa-speaking districts": an adjective made of a people's name is no
            # place; a known name in one is read as in "X-backed" ("Gaza-bound convoy": Gaza)
            name = hc.group(1)
            s = tokens[lo].start
            if hc.group(2) not in _DEMOGRAPHIC_TAILS and (name in kb.countries or fold(name) in kb.places
                                                          or name in gaz.locations or name in gaz.actors):
                return self._name_only(text, s, s + len(name), name, doc_id, acronyms, names_seen, affix=True)
            return []
        titled = False
        while hi - lo > 1 and (_is_title_word(tokens[lo].lower) or tokens[lo].lower in {"air", "naval"}
                               and tokens[lo + 1].lower.rstrip(".") in _TITLE_WORDS) \
                and tokens[lo].text not in _ORG_FIRST:
            # a title before a name is not a mention (decision 2), unless it is an organisation's own word
            if any(tokens[k].text in _ORG_LAST for k in range(lo + 1, hi)):
                break
            lo += 1
            titled = True
            while lo < hi and tokens[lo].text in {".", "of"}:
                lo += 1
        if lo >= hi:
            return []
        start, end = tokens[lo].start, tokens[hi - 1].end
        surface = text[start:end]
        # all-caps dateline words ("PORT SUDAN"; "GAO, Mali —", "HASBAYA (Lebanon) —", "ROSH PINA, northern
        # Israel -": any capitals before a country)
        if surface.isupper() and len(surface) >= 2 and surface.replace(" ", "").isalpha() and _sentence_start(tokens, lo) \
                and (m := _DATELINE_COUNTRY.match(text, end)) and m.group(1) in kb.countries:
            return [Match(start, end, surface, "LOCATION", "LOCATION", 0.7)]
        if surface.isupper() and len(surface) >= 3 and _sentence_start(tokens, lo) and _line_start(text, start) \
                and _DATELINE_DATE_AFTER.match(text, end):
            return [Match(start, end, surface, "LOCATION", "LOCATION", 0.7)]  # "GAO, Sept 3 (Agency) -": a dateline
        if surface.isupper() and len(surface) >= 3 and surface.replace(" ", "").isalpha() and _line_start(text, start) \
                and (m := _DATELINE_COUNTRY.match(text, end)) and text[m.end() - 1] in "—–-" \
                and not text[m.end() : text.find("\n", m.end()) % (len(text) + 1)].strip():
            return [Match(start, end, surface, "LOCATION", "LOCATION", 0.7)]  # "KFAR BLUM, Upper Galilee -": a line of its own
        if surface.isupper() and (" " in surface or len(surface) >= 4):
            title = _title_case(surface)
            if fold(title) in kb.places or title in kb.countries:
                return [Match(start, end, surface, "LOCATION", "LOCATION", 0.75)]
        if surface.isupper() and len(surface) >= 4 and _line_start(text, start) and re.match(r"\s*(?:,|[—–-])", text[end : end + 3]) \
                and fold(_title_case(surface)) in kb.towns:
            return [Match(start, end, surface, "LOCATION", "LOCATION", 0.7)]  # "KALEWA —": a smaller town's dateline
        of = next((k for k in range(lo + 2, hi - 1) if tokens[k].lower == "of"), None)
        if of is not None and surface not in gaz.actors and fold(surface) not in kb.places:
            left_words = [t.text for t in tokens[lo:of]]
            right_words = [t.text for t in tokens[of + 1 : hi] if t.lower != "the"]
            if 2 <= len(left_words) <= 3 and all(w[:1].isupper() and w.lower() not in kb.common and w not in _ORG_NAME_OPENERS
                                                  and w not in kb.countries and w not in gaz.actors for w in left_words) \
                    and any(w in _ORG_LAST or w in _ORG_FIRST for w in right_words):
                # "Jane Roe of the World Food Programme": a person and the organisation she speaks for
                k = of + 1 + (tokens[of + 1].lower == "the")
                return (self._classify_run(text, tokens, _Run(lo, of), doc_id, acronyms, names_seen)
                        + self._classify_run(text, tokens, _Run(k, hi), doc_id, acronyms, names_seen))
        if hi - lo == 2 and not titled and _is_number_word(tokens[lo].text) and tokens[lo].text[:1].isupper() \
                and self._counted_people(text, tokens, lo + 1, tokens[lo + 1].text):
            lo += 1  # "Brazil - Three Yanomami, among them": the count opens the run after a dash
            start, surface = tokens[lo].start, tokens[lo].text
        if hi - lo == 1 and not titled and self._counted_people(text, tokens, lo, surface):
            # "more than 1,000 Bawm have crossed", "Three Yanomami, among them a boy": a counted unknown name
            # is a people (decision 34's civilians), not a person or a place
            self._peoples.add(surface)
            entity = self._entity_for(surface, "CIVILIANS")
            self._context_typed.setdefault(entity, "CIVILIANS")
            return [Match(start, end, surface, "ACTOR", "CIVILIANS", 0.55, entity, "NAME")]
        ms = self._name_only(text, start, end, surface, doc_id, acronyms, names_seen, titled=titled, tokens=tokens,
                             lo=lo, hi=hi)
        if ms and hi - lo == 1 and _HYPHENED_NAMES.fullmatch(surface) and fold(surface) not in kb.places \
                and surface not in gaz.locations and _next_word(text, end).lower() in _PLACE_PLURALS | {"hills", "lands"}:
            # "Kuki-Zo areas", "Hutu-Tutsi villages": a people's compound name before a plural place noun says
            # whose areas they are; it names no place ("in Nagorno-Karabakh" alone keeps its place reading)
            ms = [m for m in ms if m.layer != "LOCATION"]
        if ms:
            return ms
        # split at the first known name inside: "Sudan Doctors Network" stays whole above; "Kyiv Mayor X" not
        return []

    def _counted_people(self, text, tokens, lo, surface) -> bool:
        """Is the one-word name at ``lo`` unknown, after a count, and followed by a verb or punctuation
        (``1,000 Bawm have fled``; not ``three Toyota pickups``, ``two Kosovo police officers``)?"""
        kb, gaz = self.kb, self.gaz
        if lo == 0 or not _counted(tokens, lo) or not (tokens[lo - 1].text.isalpha() or tokens[lo - 1].text[:1].isdigit()) \
                or tokens[lo - 1].sent != tokens[lo].sent or surface in _NOT_NAMES \
                or surface.isupper() or surface.lower() in kb.common or surface in gaz.actors or surface in gaz.locations \
                or fold(surface) in kb.places or surface in kb.countries or surface in kb.demonyms:
            return False
        nxt = tokens[lo + 1] if lo + 1 < len(tokens) and tokens[lo + 1].sent == tokens[lo].sent else None
        if nxt is None or not nxt.is_word():
            return True
        low = nxt.lower
        return nxt.text[:1].islower() and (low in _VERBISH or low in kb.verbs_only or low in _AUXILIARIES
                                           or low in {"who", "from", "in", "and", "were", "are", "have", "had"}
                                           or (low.endswith("ed") and kb.lemma(low) in kb.verbs))

    def _name_only(self, text, start, end, surface, doc_id, acronyms, names_seen, *, affix=False, titled=False,
                   tokens=None, lo=0, hi=0) -> list[Match]:
        kb, gaz = self.kb, self.gaz
        words = surface.split()
        nxt = _next_word(text, end)
        # registry / learned actors
        entry = gaz.actors.get(surface)
        if entry is not None and surface in kb.capitals and not affix \
                and _prev_word(text, start).lower() in {"in", "near", "outside", "inside"} \
                and text[end : end + 2] not in {"’s", "'s"}:
            entry = None  # "a spokesman in Tehran": a capital registered as its state is the place after "in"
        if entry is not None and surface not in kb.countries:
            if surface in kb.demonyms and not affix and _actor_phrase_follows(text, end, kb):
                return []
            return [Match(start, end, surface, "ACTOR", entry.label, max(entry.score, 0.7), entry.entity, entry.mention)]
        # countries: place or actor (decision 4)
        if surface in kb.countries:
            canon = kb.countries[surface]
            ent = gaz.actors.get(surface) or gaz.actors.get(canon)
            entity = ent.entity if ent is not None and ent.label == "STATE" else slug(canon)
            if affix:
                return [Match(start, end, surface, "ACTOR", "STATE", 0.6, entity, "NAME")]
            if surface in {"US", "U.S", "U.S.", "UK", "U.K."} and (_actor_phrase_follows(text, end, kb) or (
                    (co := _CO_MODIFIER.match(text, end)) is not None and (co.group(1) in kb.demonyms
                                                                          or _ABBREVIATED_STATES.fullmatch(co.group(1)))
                    and _actor_phrase_follows(text, co.end(), kb))):
                return []  # "US officials", "US and UK jets": a modifier inside one nominal (demonym rule)
            role = _country_role(text, start, end)
            if ((dl := re.search(r"(\w{3,}),\s*$", text[max(0, start - 30) : start])) and dl.group(1).isupper()) \
                    or text[end : end + 2] == " (":
                role = "LOCATION"  # dateline "PORT SUDAN, Sudan (AP) —"
            if role is None and _finite_verb(nxt, kb) and text[end : end + 1] == " " \
                    and _prev_word(text, start).lower() not in _NAME_DETERMINERS:
                role = "ACTOR"  # "under which Iraq banned the PKK", "as Russia steps up attacks": the state acts
            if role is None and _sentence_start_char(text, start) and text[end : end + 1] == ",":
                role = "ACTOR"  # "Laos, which holds ...", "Mali, Burkina Faso and Niger, all run by ..."
            if role is None and re.search(r"(?:^|\n)(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, )+(?:and )?$", text[max(0, start - 60) : start]):
                role = "ACTOR"
            if affix or text[end : end + 1] in {"-", "‐"}:
                return [Match(start, end, surface, "ACTOR", "STATE", 0.6, entity, "NAME")]
            if role == "ACTOR":
                return [Match(start, end, surface, "ACTOR", "STATE", 0.65, entity, "NAME")]
            if role == "LOCATION" or role is None:
                return self._place(text, start, end, surface, 0.8 if role else 0.6)
        if surface in kb.capitals and not affix and (_PACT_WITH.search(text, max(0, start - 60), start)
                                                      or _ADDRESSED_BY.search(text, max(0, start - 20), start)
                                                      or (_SAYS_WITH.match(text, end) and _prev_word(text, start).lower()
                                                          not in _LOCATIVE | {"of", "between", "and"}) or (
                _country_role(text, start, end) == "ACTOR" and (nxt.lower() in _CAPITAL_VERBS or nxt.lower() in _STATE_VERBS
                                                                  or text[end : end + 2] in {"’s", "'s"}))):
            canon = kb.capitals[surface]
            ent = gaz.actors.get(canon)
            entity = ent.entity if ent is not None and ent.label == "STATE" else slug(canon)
            return [Match(start, end, surface, "ACTOR", "STATE", 0.55, entity, "NAME")]
        if surface in kb.capitals and not affix and nxt in _OWNED_BY_STATE:
            canon = kb.capitals[surface]  # "a Nairobi proposal": the capital stands for the state as owner (decision 1)
            ent = gaz.actors.get(canon)
            entity = ent.entity if ent is not None and ent.label == "STATE" else slug(canon)
            return [Match(start, end, surface, "ACTOR", "STATE", 0.55, entity, "NAME")]
        # demonyms (decision 1)
        if surface in kb.demonyms:
            canon = kb.demonyms[surface]
            ent = gaz.actors.get(canon)
            entity = ent.entity if ent is not None and ent.label == "STATE" else slug(canon)
            if affix or _demonym_stands_for_state(text, end, kb):
                return [Match(start, end, surface, "ACTOR", "STATE", 0.6, entity, "NAME")]
            if not affix and surface.endswith(("ese", "ish", "ch", "i")) \
                    and _COUNTED_PEOPLE.search(text, max(0, start - 30), start) \
                    and (not _LOWER_WORD.fullmatch(nxt) or nxt.lower() in _STOP or nxt.lower() in _VERBISH
                         or nxt.lower() in kb.verbs_only):
                # "more than one million Lebanese", "90% of Sudanese have": a demonym that is its own plural,
                # counted, is a population (CIVILIANS, as "a million Kenyans")
                return [Match(start, end, surface, "ACTOR", "CIVILIANS", 0.5, f"d{slug(doc_id)[:3]}_{slug(surface)}",
                              "NOMINAL")]
            return []
        if surface.endswith("s") and surface[:-1] in kb.demonyms:
            if _COUNTED_PEOPLE.search(text, max(0, start - 30), start):
                # "more than a million Kenyans", "90% of Kenyans": a counted population (CIVILIANS, guidelines)
                entity = f"d{slug(doc_id)[:3]}_{slug(surface)}"
                return [Match(start, end, surface, "ACTOR", "CIVILIANS", 0.5, entity, "NOMINAL")]
            return []  # "Sudanese", "Israelis" as people otherwise: left to the annotator
        # organisations by their own words
        org = None
        if len(words) > 1 or words[-1] in {"Reuters"}:
            org = next((_ORG_LAST[w] for w in reversed(words) if w in _ORG_LAST), None)
        if org is None and len(words) > 1:
            org = _ORG_FIRST.get(words[0])
        if org is not None and words[0] in DIRECTION_PREFIXES and len(words) == 2 and words[-1] != "Command":
            org = None  # ("Northern Command", "Central Command": a military command named by its area)
        if len(words) > 1 and (words[-1] in {"Hospital", "Clinic"} or words[-2:] in (["Medical", "Center"], ["Medical", "Centre"])) \
                and not titled and _FACILITY_PREPOSITION.search(text, max(0, start - 16), start):
            # "taken to the Galilee Medical Center", "died at Wabag General Hospital": where the wounded are
            # brought is a place (as the golds read it); "the X Medical Center said" stays its organisation
            return self._place(text, start, end, surface, 0.6)
        if org is not None and not titled:
            if org == "FORCES" and "Police" in words[:-1]:
                org = "STATE"  # decision 35: a police force is the state's ("Central Reserve Police Force")
            if org == "FORCES":
                rebel = any(w.rstrip("’'s") in _REBEL_WORDS or w in _REBEL_WORDS for w in words[:-1])
                if rebel and words[0] in kb.countries and not any(w.rstrip("’'s") in _MOVEMENT_WORDS for w in words):
                    rebel = False  # "Uganda People's Defence Forces": a name that opens with the state's is its army
                # a state's forces are named after the state ("Kenya Defence Forces") or in military words
                # only ("Armed Forces", "Joint Command of the Armed Forces"); another name in them is a
                # region's or a movement's ("X Defence Forces")
                # (a plural country's adjective is its name less the "s": "Philippine" for "Philippines")
                has_state = any(w in kb.countries or w in kb.demonyms or w + "s" in kb.countries for w in words[:-1]) \
                    or all(w in _MILITARY_WORDS or w in _CONNECTORS or _ORG_LAST.get(w) == "FORCES" for w in words[:-1])
                # a "Command" is a regular force's formation ("Central Command", "Home Front Command")
                org = "MILITARY" if (has_state or words[-1] == "Command") and not rebel else "ARMED_GROUP"
            elif words[-1] in _BLOC_WORDS or any(w in _BLOC_WORDS for w in words):
                org = "ORGANIZATION"  # "Alliance of Sahel States": a bloc of states
            elif org == "ORGANIZATION" and words[-1] in {"Council", "Committee"} and "Security" in words and len(words) > 2 \
                    and all(w in {"National", "Security", "Defence", "Defense", "Supreme", "State"} for w in words[:-1]):
                org = "STATE"  # "the National Security Council": a state's own (the UN's is "UN Security Council")
            elif org == "ORGANIZATION" and words[-1] in {"Service", "Services", "Agency"} \
                    and any(w in _STATE_SERVICE_WORDS for w in words[:-1]):
                org = "STATE"  # "State Border Service", "National Intelligence Service": a state's own agency
            elif org in ("ORGANIZATION", "ARMED_GROUP") and any(w in {"Group", "Alliance", "Coalition", "Front"} for w in words) \
                    and (_armed_context(text, start, end) or _ARMED_BEFORE_NAME.search(text[max(0, start - 40) : start])):
                org = "ARMED_GROUP"
            return [self._named(start, end, surface, org, 0.7, acronyms)]
        if len(words) == 1 and text[start - 1 : start] == "(" and _WIRE_TAG_AFTER.match(text, end) \
                and _DATELINE_BEFORE.search(text, max(0, start - 60), start - 1):
            return [Match(start, end, surface, "ACTOR", "ORGANIZATION", 0.6, slug(surface), "NAME")]  # "X, May 3 (Agency) -"
        if words[-1] in {"State", "Province"} and len(words) > 1 and words[0] in _REBEL_WORDS and not titled:
            # "Islamic State", "Islamic State X Province": a movement named as a state, not a province
            return [self._named(start, end, surface, "ARMED_GROUP", 0.6, acronyms)]
        if surface in _COMPASS_REGIONS and tokens is not None and not _sentence_start(tokens, lo):
            return [Match(start, end, surface, "LOCATION", "LOCATION", 0.55)]
        if nxt.lower() in _OUTLET_NOUNS and (fold(surface) in kb.places or len(words) == 1) and not titled:
            # "the Saba news agency", "its Andalus radio station": an outlet's name, not a place
            return [Match(start, end, surface, "ACTOR", "ORGANIZATION", 0.55, slug(surface), "NAME")]
        if not titled and len(words) <= 3 and words[0] not in kb.demonyms and surface not in kb.countries \
                and _PLACES_OF_LIST.search(text, max(0, start - 80), start):
            # "the villages of Shalay and Nawa Kalay, a spokesman said": the last of the places listed
            return self._place(text, start, end, surface, 0.55)
        if not titled and len(words) <= 3 and surface not in gaz.locations and words[0] not in kb.demonyms \
                and self._person_appositive(text, end) \
                and _prev_word(text, start).lower() not in _LOCATIVE | {"of"}:
            # "said Nadim, a 46-year-old engineer", "Florence, 46, said": an age or a person's trade in apposition
            # makes the name a person's, even one a town shares
            return [Match(start, end, surface, "ACTOR", "PERSON", 0.7, slug(surface), "NAME")]
        if len(words) >= 2 and words[-1] in _COMPASS_SUFFIXES and not titled \
                and ((base := surface[: surface.rindex(" ")]) and (fold(base) in kb.places or base in gaz.locations)) \
                and base not in kb.countries:
            # "Imphal West", "Kandahar Province North": a district named by the place it divides (a fixed proper place)
            return self._place(text, start, end, surface, 0.7)
        if surface in _COMPASS_STATES and _prev_word(text, start) in {"the", "The"} \
                and (country := _compass_country(text, surface, kb)) is not None:
            # "North Korea ... the North", "South Sudan ... the South": the short form of a state the
            # article names, a state as any country is (decision 4: territory after "in", "into", a party else)
            if _prev_word(text, max(0, start - 4)).lower() in {"in", "into", "inside", "across", "near", "through",
                                                                 "throughout"}:
                return self._place(text, start, end, surface, 0.6)
            ent = gaz.actors.get(country)
            entity = ent.entity if ent is not None and ent.label == "STATE" else slug(country)
            return [Match(start, end, surface, "ACTOR", "STATE", 0.6, entity, "NAME")]
        if len(words) == 1 and not titled and surface not in gaz.locations and surface not in kb.capitals \
                and surface not in kb.countries and words[0] not in kb.demonyms \
                and surface not in _TITLE_WORDS and surface not in _TITLE_ABBREVIATIONS and not surface.isupper() \
                and _PERSON_NAME_BEFORE.search(text, max(0, start - 40), start) and _PERSON_NAME_AFTER.match(text, end):
            # a lone given name where English puts a speaker's or a named person's name ("..., said Luis.",
            # "said one of them, Lina,", "gave only his first name, Mateo"): a person, even where a town
            # shares the name (a capital there is its state speaking, "said Moscow"), or no gazetteer knows it
            return [Match(start, end, surface, "ACTOR", "PERSON", 0.6, slug(surface), "NAME")]
        # places
        if (fold(surface) in kb.places or surface in gaz.locations) and not (len(words) == 1 and nxt[:1].isupper()):
            if len(words) == 1 and nxt.lower() in {"said", "says", "told", "added"} and surface not in kb.capitals \
                    and surface not in gaz.locations and _prev_word(text, start).lower() not in _LOCATIVE | {"of"}:
                return []  # "X says": a speaker (a surname the person rules find), not a place
            return self._place(text, start, end, surface, 0.75)
        if fold(surface) in kb.towns and not (len(words) == 1 and nxt[:1].isupper()) and not titled \
                and nxt.lower() not in {"said", "says", "told", "added"} and self._town_context(text, start, end):
            return self._place(text, start, end, surface, 0.6)  # a smaller town, where a place's context says so
        if (words[-1] in _FEATURE_LAST and len(words) > 1) or (words[0] in _FEATURE_FIRST and len(words) > 1) \
                or (words[0] in _FEATURE_OF and len(words) > 2 and words[1] == "of") \
                or (words[0] in DIRECTION_PREFIXES and len(words) == 2 and words[1] not in _ORG_LAST):
            return self._place(text, start, end, surface, 0.7)
        # an English adjective no gazetteer knows is no place name ("a Christian town", "in Kurdish villages")
        adjective = len(words) == 1 and surface.lower() in kb.adjectives and surface not in gaz.locations
        if nxt.lower() in _PLACE_NOUN_STRICT and not surface.isupper() and not adjective:  # "Kasese town"
            return self._place(text, start, end, surface, 0.6)
        # acronyms
        if _MIXED_ACRONYM.fullmatch(surface):  # "LoC" after "Line of Control": the place's own short name
            for m in reversed(self._places_seen):
                if "".join(w[0] for w in m.text.split()).lower() == surface.lower():
                    return [Match(start, end, surface, "LOCATION", "LOCATION", 0.6)]
        bare = surface.replace(".", "")
        if bare.isupper() and bare.isalpha() and (bare.lower() in kb.common and len(bare) > 3
                                                  or _MONEY_AFTER.match(text, end) or _MONEY_BEFORE.search(text, max(0, start - 20), start)):
            return []  # "LIVE:", "NIS 3 billion", "4 million CFA francs": a label or a currency, no actor
        if bare.isupper() and bare.isalpha() and (bare in kb.time_zones or _CLOCK_BEFORE.search(text, max(0, start - 16), start)):
            return []  # "6:05 p.m. EDT", "14:10 MMT": a time zone (the time-zone database's, or after a clock time)
        if bare.isupper() and 2 <= len(bare) <= 7 and bare.isalnum() and bare[0].isalpha():
            if names_seen and (text[start - 1 : start] == "(" and text[end : end + 1] == ")"
                               and text[names_seen[-1].end : start] in ("(", " (")
                               or text[names_seen[-1].end : start] == ", or " and text[end : end + 1] in {",", "."}) \
                    and names_seen[-1].label != "PERSON":  # (or "the X Army, or ELN, ...")
                m = names_seen[-1]  # "Union for Peace and Justice (UPJ)": the acronym the text itself defines
                acronyms.setdefault(bare, m)
                return [Match(start, end, surface, "ACTOR", m.label, 0.75, m.entity, "NAME")]
            for m in reversed(names_seen):
                initials = "".join(w[0] for w in m.text.split() if w[:1].isupper())
                if initials == bare and m.label != "PERSON":
                    return [Match(start, end, surface, "ACTOR", m.label, 0.75, m.entity, "NAME")]
            if bare in acronyms:
                m = acronyms[bare]
                return [Match(start, end, surface, "ACTOR", m.label, 0.7, m.entity, "NAME")]
            if not affix and _PLACE_ACRONYM_BEFORE.search(text, max(0, start - 30), start) \
                    and (not _LOWER_WORD.fullmatch(nw := _next_word(text, end)) or nw in _STOP or nw in _AUXILIARIES
                         or nw in kb.verbs_only or nw.endswith("ed")):
                # "in the DMZ", "south of the VRAEM": an acronym no name in the text spells, where English puts
                # a place ("the" after a locative preposition), and modifying no noun, is a region's short name
                return [Match(start, end, surface, "LOCATION", "LOCATION", 0.5)]
            if _armed_context(text, start, end):
                return [Match(start, end, surface, "ACTOR", "ARMED_GROUP", 0.5, slug(surface), "NAME")]
            if affix:
                return [Match(start, end, surface, "ACTOR", "ORGANIZATION", 0.4, slug(surface), "NAME")]
            return [Match(start, end, surface, "ACTOR", "ORGANIZATION", 0.45, slug(surface), "NAME")]
        # persons: a title before, or two to four capitalised words
        if len(words) == 1 and not titled and surface.lower() not in kb.common \
                and (armed := _ARMED_MODIFIED.match(text, end, end + 30)):
            if _NAMED_COLLECTIVE_AFTER.match(text, armed.end()):
                return []  # "the Sunni militant group Jaish al-X": a modifier of the descriptor, the name follows
            return [Match(start, end, surface, "ACTOR", "ARMED_GROUP", 0.5, slug(surface), "NAME")]
        if 2 <= len(words) <= 3 and not titled and _ARMED_MEMBERS_AFTER.match(text, end, end + 20) \
                and words[0] not in kb.demonyms and not any(w.lower() in kb.common for w in words):
            # "Boko Haram fighters": no person's name modifies fighters, a movement's does
            return [Match(start, end, surface, "ACTOR", "ARMED_GROUP", 0.55, slug(surface), "NAME")]
        if affix:
            return []
        prev = _prev_word(text, start)  # (only the rules from here read it)
        if (of := _OF_COUNTRY.search(surface)) and of.group(2) in kb.countries and of.start() > 0 and tokens is not None:
            # "Ali Musa of Sudan", "Queen Rania of Jordan": a person and the country (no name holds it)
            cs, le = start + of.start(2), start + of.start()
            left = [Match(start, le, text[start:le], "ACTOR", "PERSON", 0.75, slug(text[start:le]), "NAME")] if titled \
                else self._name_only(text, start, le, text[start:le], doc_id, acronyms, names_seen, tokens=tokens, lo=lo, hi=hi)
            return left + self._name_only(text, cs, end, surface[of.start(2):], doc_id, acronyms, names_seen)
        if not titled and words[0] not in _NOT_NAMES:
            typed = self._typed_name(text, start, end, surface, words, acronyms)
            if typed is not None:
                return typed
        if (len(words) <= 2 or len(words) == 3 and words[1] == "del") and not titled \
                and not _TIES.search(text, max(0, start - 40), start) \
                and (prev.lower() in _LOCATIVE or _COMPASS_OF.search(text, max(0, start - 30), start)
                     or _PLACE_OF.search(text, max(0, start - 30), start)) \
                and not surface.isupper() and (nxt.lower() not in {"said", "says", "told"} or prev in {"in", "near"}) \
                and not adjective:
            # ("families in X said": after "in"/"near" the name is the place, the speaker stands before it)
            return self._place(text, start, end, surface, 0.5)  # ("near Vizcatán del Ene": a Spanish name's "del")
        if not titled and nxt.lower() in _GROUP_NOUNS_AFTER_NAME:
            return []  # "the Kivu Lions coalition": a group's name, not a person's (left to the annotator)
        if not titled and len(words) >= 2 and words[0] in kb.demonyms and words[1][:1].isupper():
            # a demonym before a name ("Palestinian Ali Musa", "the Afghan Taliban") is not annotated
            # inside the actor phrase (decision 1): the rest is read alone (but "in Iraqi X": a place, above)
            if len(words) == 2 and words[1] not in gaz.actors and _actor_phrase_follows(text, end, kb):
                return []  # "Syrian Kurdish fighters": both modifiers inside one nominal (decision 1; a
                # registered name there is still nested: "Afghan Taliban fighters")
            if tokens is not None and hi - lo > 1 and tokens[lo].text == words[0]:
                # (read as a run: a title after the demonym is dropped, "Kenyan President X" -> X)
                return self._classify_run(text, tokens, _Run(lo + 1, hi), doc_id, acronyms, names_seen)
            rest = start + len(words[0])
            while text[rest : rest + 1].isspace():
                rest += 1
            return self._name_only(text, rest, end, text[rest:end], doc_id, acronyms, names_seen)
        if not titled and _holds_country(words, kb):
            # no person's name holds a country ("X Y Kenya"): typed by its own words, else left out
            own = _own_words_label(words)
            return [self._named(start, end, surface, own, 0.55, acronyms)] if own else []
        if all(w[:1].isupper() or w in _CONNECTORS or _ARTICLE_NAME.match(w) for w in words) and 1 <= len(words) <= 4:
            everyday = sum(1 for w in words if w.lower() in kb.common and w not in _CONNECTORS)
            # "said X" in the same sentence (not "..., it said.\nX": the previous sentence's verb)
            said_before = bool(_SAID_BEFORE.search(text[max(0, start - 8) : start]))
            if not titled and everyday and nxt.lower() not in {"said", "says", "told", "added"} and not said_before:
                return []  # "Galaxy Leader", "Border Guard": everyday words, not a person's name
            if not titled and len(words) >= 3 and (k := next((j for j, w in enumerate(words) if w in _NOT_IN_PERSON_NAMES), 0)) > 0:
                # "covers the Bekaa for the Ledger", "left the upper Cuyuni for Bartica": no person's name
                # holds "for", "of", "the", "on" or "and" (a name's particles are "de", "al", "bin", "van"...);
                # the run is two names joined by a preposition, each read alone
                left_end = start + len(" ".join(words[:k]))
                right = k + 1 + (1 if k + 1 < len(words) and words[k + 1] == "the" else 0)
                out = self._name_only(text, start, left_end, text[start:left_end], doc_id, acronyms, names_seen)
                if right < len(words):
                    rs = end - len(" ".join(words[right:]))
                    out = out + self._name_only(text, rs, end, text[rs:end], doc_id, acronyms, names_seen)
                return out
            if titled or len(words) >= 2:
                score = 0.75 if titled or nxt.lower() in {"said", "says", "told", "added"} or said_before else 0.55
                return [Match(start, end, surface, "ACTOR", "PERSON", score, slug(surface), "NAME")]
        return []

    def _town_context(self, text: str, start: int, end: int) -> bool:
        """Is the name at ``start`` where a place stands: after a locative word (``in``, ``near``, ``from``,
        ``outside``), after ``the town/village of``, in a dateline, or listed with a known place?"""
        prev = _prev_word(text, start).lower()
        if prev in _LOCATIVE or _COMPASS_OF.search(text, max(0, start - 30), start) \
                or _PLACE_OF.search(text, max(0, start - 30), start):
            return True
        if _line_start(text, start) and re.match(r"\s*(?:,|[—–-])", text[end : end + 3]):
            return True
        kb = self.kb
        for m in (_LISTED_BEFORE.search(text, max(0, start - 60), start), _LISTED_AFTER.match(text, end)):
            if m and (fold(m.group(1)) in kb.places or m.group(1) in self.gaz.locations) and m.group(1) not in kb.countries:
                return True
        return False

    def _person_appositive(self, text: str, end: int) -> bool:
        """Does an appositive after the name at ``end`` describe one person: an age (``X, 46,``) or
        ``a``/``an`` and a noun phrase (to its first function word) whose head is a singular person noun
        or an age (``X, a 46-year-old engineer``, ``X, a nurse at ...``; not ``X, a town in ...``)?"""
        if _AGE_APPOSITIVE.match(text, end):
            return True
        m = _A_APPOSITIVE.match(text, end)
        if not m:
            return False
        words = []
        for w in m.group(1).split():  # the noun phrase: to a function word or a participle after its head
            low = w.lower()
            if low in _STOP or low in _APPOSITIVE_STOPS or (words and low.endswith(("ing", "ed"))):
                break
            words.append(low)
        after = _next_word(text, m.start(1) + len(" ".join(m.group(1).split()[: len(words)])) + 1 if words else m.end())
        if not words or after.lower() in {"said", "says", "told", "added", "say"}:
            return False  # "In X, a doctor said ...": the noun phrase is a new clause's subject, not an appositive
        if any(_YEAR_OLD.fullmatch(w) for w in words):
            return True
        head = words[-1]
        kind = HEADS.get(_head_lemma(head, self.kb)) if head == _head_lemma(head, self.kb) else None
        return kind is not None and kind[1] == "PERSON"

    def _typed_name(self, text, start, end, surface, words, acronyms):
        """An unknown name that the rules would guess a person's (or leave unread) typed by what stands
        around it; None where nothing does. A collective noun as its descriptor (decision 2's title
        position: ``the rights group X`` -> ORGANIZATION, ``the militia X`` -> ARMED_GROUP); an acronym
        defined right after it (``Long Name (LN)``: a person's name is not abbreviated so), typed by the
        descriptor, its own words or an armed group's context (``Long Name (LN) claimed ...``), else
        ORGANIZATION."""
        kb = self.kb
        label = _descriptor_label(text, start, end, kb)
        if label is None and len(words) >= 2 and (m := _DEFINED_ACRONYM.match(text, end)) \
                and _spells(m.group(1), surface):
            armed = _armed_context(text, start, m.end()) or _ARMED_BEFORE_NAME.search(text[max(0, start - 40) : start])
            label = _own_words_label(words) or ("ARMED_GROUP" if armed else "ORGANIZATION")
        if label is None:
            return None
        if len(words) == 1 and (surface.lower() in kb.common or not surface[:1].isupper()):
            return None  # "the group Monday", "the agency itself": no name
        named = self._named(start, end, surface, label, 0.6, acronyms)
        self._context_typed.setdefault(named.entity, label)
        return [named]

    def _named(self, start, end, surface, label, score, acronyms) -> Match:
        m = Match(start, end, surface, "ACTOR", label, score, self._entity_for(surface, label), "NAME")
        initials = "".join(w[0] for w in surface.split() if w[:1].isupper())
        if len(initials) >= 2:
            acronyms.setdefault(initials, m)
        return m

    def _place(self, text, start, end, surface, score) -> list[Match]:
        if _RIVER_AFTER.match(text, end):
            end = _RIVER_AFTER.match(text, end).end()  # "the Litani river": the guidelines keep "river"
            surface = text[start:end]
        m = re.search(r"(?:^|\s)([\w-]+)\s+$", text[max(0, start - 20) : start])
        if m and m.group(1).lower() in DIRECTIONS and m.group(1)[:1].islower() \
                and _next_word(text, end).lower() not in _PLACE_NOUN_STRICT:
            start = start - (len(text[max(0, start - 20) : start]) - m.start(1))
            m2 = _CO_DIRECTION.search(text, max(0, start - 30), start)
            if m2 and m2.group(1).lower() in DIRECTIONS and m2.group(1)[:1].islower():
                start = m2.start(1)  # "central and northern Mali": two regions of one place, one span (the
                # golds: 4 of 4)
            return [Match(start, end, text[start:end], "LOCATION", "LOCATION", min(0.9, score + 0.1))]
        return [Match(start, end, surface, "LOCATION", "LOCATION", score)]

    # -- nominal actors ---------------------------------------------------------------------------
    def _nominals(self, text, tokens: list[Token], doc_id: str) -> list[Match]:
        kb = self.kb
        out = []
        n = len(tokens)
        forms = self.head_forms
        # only forms an actor head can have, and words with a person noun's suffix ("supporters", "loyalists")
        suffixes = _AGENTIVE + _DERIVED_AGENTIVE + tuple(x + "s" for x in _AGENTIVE + _DERIVED_AGENTIVE)
        rejected = self._not_person_words  # suffix words already found to be no person noun ("border", "whether")
        candidates = [k for k, t in enumerate(tokens) if t.lower in forms
                      or (t.lower.endswith(suffixes) and len(t.lower) > 5 and t.lower not in rejected)]
        person_heads = self._person_heads
        for i in candidates:
            tok = tokens[i]
            low = tok.lower
            if not tok.is_word() or (tok.is_title() and not _sentence_start(tokens, i) and not low in {"army", "military"}):
                continue
            if tok.text.isupper() and len(tok.text) > 1:
                continue
            lem = _head_lemma(low, kb)
            if low == "people":
                lem = "people"
            compound = None
            if i > 0:
                key = (tokens[i - 1].lower, lem)
                if key in _COMPOUND_HEADS:
                    compound = _COMPOUND_HEADS[key]
            person = None
            if lem not in HEADS and compound is None:
                if lem == low and low.endswith("s"):  # a plural the lookup tables lack ("ranchers")
                    lem = low[:-3] + "y" if low.endswith("ies") else low[:-1]
                person = person_heads.get(lem, 0)
                if person == 0:
                    person = person_heads[lem] = person_head(lem, kb)
                if person is None:
                    if low not in forms:
                        rejected.add(low)
                    continue
            if person and low not in (lem, lem + "s", lem + "es", lem[:-1] + "ies", lem[:-3] + "men"):
                continue  # "guarding", "recruited": a verb's form, not the person noun's plural
            if low != lem and low.endswith(("ing", "ed")) and low not in HEADS and low not in _PARTICIPLE_HEADS:
                continue  # "monitoring", "suspected", "neighbouring": a verb's or adjective's form of a head noun
            # (a person noun off the table: GROUP, one of them a PERSON; relatives as the table's kin: CIVILIANS)
            entry = HEADS.get(lem) or ((("CIVILIANS" if lem in KIN_NOUNS else "GROUP"), "PERSON") if person
                                       else (None, None))
            if compound is not None and lem in _CAPABILITIES and low == lem and i + 1 < n and tokens[i + 1].sent == tok.sent \
                    and _LOWER_WORD.fullmatch(tokens[i + 1].text) and tokens[i + 1].lower not in _STOP \
                    and tokens[i + 1].lower not in _VERBISH and not tokens[i + 1].lower.endswith("ed") \
                    and tokens[i + 1].lower not in {"says", "has", "is", "was", "remains", "continues"}:
                continue  # "air defence systems": a capability modifying a thing is no actor ("air force drones" is)
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.sent == tok.sent and (_is_cap(nxt) and not nxt.text.isupper() or nxt.lower in {"of"} and lem in {"minister", "ministry", "secretary"}):
                if nxt.text not in _NOT_NAMES:
                    continue  # a title before a name ("spokesman Adam Yahya"), or "Ministry of ..."
            if nxt is not None and nxt.text.startswith("-"):
                continue
            if nxt is not None and (lem, kb.lemma(nxt.lower)) in _COMPOUND_HEADS and nxt.start == tok.end + 1:
                continue  # the modifier of a compound head ("crew members")
            role_before_name = low != "military" and nxt is not None and nxt.lower in _TITLE_WORDS and i + 2 < n \
                and tokens[i + 2].sent == tok.sent and _is_cap(tokens[i + 2])  # ("military commander X": an adjective)
            if nxt is not None and (nxt.lower in HEADS or kb.lemma(nxt.lower) in HEADS) and nxt.start == tok.end + 1 \
                    and not nxt.is_title() and not role_before_name:
                continue  # a noun modifier of the next head ("police officers", "aid workers"; but in "army
                # spokesman Maj. Gen. X" the role is a title and the army a mention of its own)
            if low == "military" and nxt is not None and nxt.sent == tok.sent and _LOWER_WORD.fullmatch(nxt.text) \
                    and nxt.lower not in _STOP and nxt.lower not in _VERBISH and nxt.lower not in kb.verbs \
                    and kb.lemma(nxt.lower) not in kb.verbs and not role_before_name:
                continue  # "military bases", "military operations": an adjective (held-out convention)
            if lem in _ATTRIBUTIVE and low == lem and nxt is not None and nxt.sent == tok.sent \
                    and _LOWER_WORD.fullmatch(nxt.text) and nxt.lower not in _STOP and nxt.lower not in _VERBISH \
                    and _head_lemma(nxt.lower, kb) not in HEADS and not (i > 0 and _is_cap(tokens[i - 1])):
                # like a demonym (decision 1), a group noun before a non-actor noun stands for the group:
                # "the rebel advance", "a jihadist blockade", "militia positions"
                entity = f"d{slug(doc_id)[:3]}_{lem}"
                out.append(Match(tok.start, tok.end, tok.text, "ACTOR", entry[0], 0.5, entity, "NOMINAL"))
                continue
            # ("fishermen", "servicemen": a -men plural the head table lists as it is)
            plural = low in _PLURAL_IRREGULAR or low != lem or (low.endswith("men") and low[:-3] + "man" in HEADS)
            if nxt is not None and nxt.sent == tok.sent and _LOWER_WORD.fullmatch(nxt.text) and nxt.lower not in _STOP \
                    and nxt.lower not in _VERBISH and not nxt.lower.endswith(("ed", "s")) and not plural \
                    and kb.lemma(nxt.lower) == nxt.lower and nxt.lower not in _LEFT_STOP and nxt.lower not in _ADVERBS \
                    and not nxt.lower.endswith("ly"):
                continue  # "humanitarian truce", "army base": a noun modifier (not before "lost", "fled": verbs)
            kind = compound or (entry[0] if plural else entry[1])
            if compound in ("GROUP", "STATE", "CIVILIANS") and not plural and (compound == "GROUP" or entry[1] == "PERSON"):
                kind = "PERSON"  # "a security source", "an aid worker", "a police officer": one individual
            if kind is None and i > 0 and tokens[i - 1].lower in _PARTY_QUANTIFIERS and lem in {"side", "party"}:
                kind = entry[0]  # "each side": one party of the collective, typed as the collective
            if kind is None:
                continue
            if low in {"military", "army", "government", "police"}:
                kind = entry[0]
            # modifiers to the left (none for a head that itself modifies the next noun: in "a nearby
            # army post" the modifier belongs to "post")
            lo = i
            modifies_next = (low == lem and not low.endswith("men") and low not in {"people", "children"}
                             and nxt is not None and nxt.sent == tok.sent and _LOWER_WORD.fullmatch(nxt.text)
                             and nxt.lower not in _STOP and nxt.lower not in _VERBISH
                             and not nxt.lower.endswith(("ed", "s")) and _head_lemma(nxt.lower, kb) not in HEADS
                             and nxt.lower not in kb.verbs_only and kb.lemma(nxt.lower) == nxt.lower)
            while lo > 0 and not modifies_next:
                p = tokens[lo - 1]
                if p.sent != tok.sent or p.end + 1 < tokens[lo].start or not p.is_word():
                    break
                pl = p.lower
                if pl in _STOP and pl not in {"wounded", "injured", "killed"}:
                    break
                if _DIGITS_DOTS_COMMAS.fullmatch(p.text) or p.text.isdigit() or _is_number_word(p.text):
                    break  # (a counted actor takes only the noun: adjudication 21)
                if pl in {"wounded", "injured", "killed", "dead"}:
                    before = tokens[lo - 2] if lo >= 2 else None
                    if before is None or not (_DIGITS_DOTS_COMMAS.fullmatch(before.text) or before.lower in {"the", "a", "an", "of", "some", "more", "than", "least", "dozens", "hundreds", "thousands"}):
                        break
                if pl.endswith("’s") or pl.endswith("'s") or (pl == "s" and lo >= 2 and tokens[lo - 2].text in {"'", "’"}):
                    break
                if pl in _VERBISH or (pl.endswith("ing") and pl not in kb.common_nouns_ing and pl not in _ING_ADJECTIVES
                                      and pl not in _ING_MODIFIERS):
                    break
                if pl in _LEFT_STOP or pl in kb.verbs_only or (
                        not pl.endswith(("ed", "ing")) and kb.lemma(pl) != pl and kb.lemma(pl) in kb.verbs
                        and (pl, lem) not in _COMPOUND_HEADS and pl not in HEADS):
                    break  # a preposition or adverb, a verb ("send soldiers"), an irregular past ("fought rebels")
                if pl.endswith("ed") and "-" not in pl and lo >= 2 and tokens[lo - 2].sent == tok.sent \
                        and tokens[lo - 2].lower in _AUXILIARIES:
                    break  # "has not spared bystanders": a verb after an auxiliary
                if pl in kb.verbs and lo >= 2 and tokens[lo - 2].sent == tok.sent \
                        and (tokens[lo - 2].lower in _VERB_MARKERS or tokens[lo - 2].lower == "to" and kb.lemma(pl) == pl
                             and (pl in kb.verbs_only or i + 1 < n and tokens[i + 1].lower in _VERB_PARTICLES)) \
                        and pl not in HEADS and pl not in _ATTRIBUTIVE \
                        and (pl, lem) not in _COMPOUND_HEADS and kb.lemma(pl) not in HEADS:
                    break  # "did not name fighters", "could shelter families": a verb after "not" or a modal;
                    # after "to", a verb only when a particle shows it ("to pull people from"; "to rival gunmen in")
                if pl.endswith("ed") and "-" not in pl and lo >= 2 and tokens[lo - 2].sent == tok.sent and (
                        _is_cap(tokens[lo - 2]) and tokens[lo - 2].lower not in _NAME_DETERMINERS
                        or tokens[lo - 2].lower in {"he", "she", "they", "it", "we", "who", "which", "that"}
                        or _head_lemma(tokens[lo - 2].lower, kb) in HEADS):
                    break  # "Arakan Army warned residents": a verb, not a modifier
                if p.is_title() and not (p.text in kb.demonyms or _HYPHEN_AFFIX.match(p.text) or p.text.isupper()
                                         or _is_cap(p)):
                    break
                if _sentence_start(tokens, lo - 1) and p.is_title() and pl in kb.common and p.text not in kb.demonyms:
                    lo -= 1
                    break
                if pl in kb.common and kb.lemma(pl) != pl and pl.endswith("s") and lo - 1 > 0 and not _is_cap(p) \
                        and not (compound and lo == i) and pl not in _PLURAL_MODIFIERS:
                    break  # a plural noun or a verb ("kills civilians"), not a name ("United Nations agencies")
                if lo <= i - 4:
                    break
                lo -= 1
                if pl in _ING_ADJECTIVES:
                    break  # the left edge: "drag neighbouring states" -> "neighbouring states"
            if modifies_next and i > 0 and tokens[i - 1].text in kb.demonyms and tokens[i - 1].sent == tok.sent \
                    and tokens[i - 1].end + 1 == tok.start:
                lo = i - 1  # "an Israeli army post": the demonym belongs to the force (decision 1), the phrase to "post"
            while plural and low not in {"army", "military", "government", "staff"} and lo < i and lo > 0 \
                    and tokens[lo - 1].lower in {"a", "an"} and tokens[lo].lower in kb.common \
                    and not tokens[lo].text[:1].isdigit() and kb.lemma(tokens[lo].lower) == tokens[lo].lower:
                lo += 1  # "a plan aid agencies criticised": a singular noun and its relative clause, not one phrase
            if lo < i and lo >= 2 and (tokens[lo].text in kb.demonyms or _ABBREVIATED_STATES.fullmatch(tokens[lo].text)):
                lo = _coordinated_demonyms(text, tokens, lo, kb)  # "Kenyan, Ugandan and U.S. envoys": one span
            # determiners alone make singular heads specific; bare singulars need a modifier or determiner
            prev = tokens[lo - 1].lower if lo > 0 else ""
            # "both sides", "neither group", "each side": a quantifier over parties already named makes
            # the head specific (guidelines: collective references to parties are GROUP NOMINALs)
            collective = lo == i and prev in _PARTY_QUANTIFIERS and lem in {"side", "party", "group", "faction"}
            possessed = lo > 1 and prev == "s" and tokens[lo - 2].text in {"'", "’"}  # "the governor’s office"
            owned_forces = lem == "force" and plural and lo == i and (prev in {"its", "their"} or possessed)
            runs_state = lem in _STATE_RUN_HEADS and (m_run := _RUNS_FOR_STATE.match(text, tok.end)) is not None \
                and (m_run.group(1) is None or m_run.group(1) in kb.countries)
            if lem in _REAL_MODIFIER and lo == i and not owned_forces and not runs_state:
                continue  # "the forces", "the agency": too vague without a modifier ("its forces" are someone's)
            if lem in _NEEDS_MODIFIER and lo == i and prev not in {"the", "a", "an", "its", "their", "his", "her"} \
                    and not collective and not possessed:
                if not (plural and lem not in {"group", "state", "side", "party", "unit", "force"}):
                    continue
            if lo == i and lem in {"person", "man", "state", "side", "party"} and not _counted(tokens, i) and not collective:
                continue
            after = tokens[i + 1] if i + 1 < n and tokens[i + 1].sent == tok.sent else None
            subject = after is not None and (after.lower in _VERBISH or after.lower in kb.verbs_only or after.lower in kb.verbs
                                             or (kb.lemma(after.lower) != after.lower and kb.lemma(after.lower) in kb.verbs))
            if (prev in _COPULA and not (prev == "as" and subject)) \
                    or (prev in {"a", "an"} and lo > 1 and tokens[lo - 2].lower in _COPULA | _PREDICATIVE):
                continue  # predicate nominal ("served as mediators"; not "as mediators pressed", a clause's subject)
            if lem in {"group", "network", "team", "company"} and lo == i and after is not None and after.lower == "of" \
                    and i + 2 < n and not tokens[i + 2].lower.endswith("ing"):
                continue  # "a group of farmers": the partitive's noun is the actor
            if lem == "council" and (any(t.lower in _CIVIC_COUNCIL for t in tokens[lo:i])
                                     or any(_is_cap(t) and t.text not in kb.demonyms and not _sentence_start(tokens, k)
                                            for k, t in enumerate(tokens[lo:i], lo))):
                kind = "ORGANIZATION"  # "a peace council", "the Norwegian refugee council": a civic body
            if kind == "ORGANIZATION" and lem in {"committee", "council", "commission", "service"} and lo < i \
                    and any(t.lower in _STATE_BODY_MODIFIERS or lem == "council" and t.lower in _TOWN_MODIFIERS
                            for t in tokens[lo:i]) and not any(_is_cap(t) for t in tokens[lo:i]):
                kind = "STATE"  # "a parliamentary committee", "the security council": a state's own body
            if runs_state or (lem in _STATE_RUN_HEADS and any(t.lower in _STATE_OWNED for t in tokens[lo:i])):
                kind = "STATE"  # "the agency that runs Varnia's prisons", "the state oil company": a state agency
            if lem == "side" and plural and after is not None and after.lower == "of" and i + 3 < n \
                    and tokens[i + 2].lower in {"the", "a", "its", "their"} and tokens[i + 3].lower in _DIVIDING_LINES:
                continue  # "on both sides of the border": the land either side of a line, a place (the golds:
                # 6 of 6 unannotated), not the two parties
            if kind in ("CIVILIANS", "GROUP") and lo + 1 < i and any(
                    (tokens[k].lower, tokens[k + 1].lower) in {("civil", "defence"), ("civil", "defense")}
                    for k in range(lo, i - 1)):
                kind = "STATE"  # "civil defence crews", "civil defence teams": the state's civil protection
                # service at work, as "civil defence" itself is
            if lem == "media" and lo < i and tokens[i - 1].lower == "social":
                continue
            if lem == "patrol" and i > 0 and (prev in {"to", "will", "would", "can", "could", "must", "should", "they",
                                                       "who", "which", "that"} or lo == i and prev.endswith("s")
                                              and _head_lemma(prev, kb) in HEADS):
                continue  # "troops patrol the border", "sent to patrol": the verb
            if lem == "patrol" and lo < i and not any(t.lower in _PATROL_OWNERS or _is_cap(t) and not _sentence_start(tokens, k)
                                                      for k, t in enumerate(tokens[lo:i], lo)):
                continue  # "anti-poaching patrols": a task, no force named
            if lem == "patrol" and lo == i and i > 0 and tokens[i - 1].is_word() and tokens[i - 1].lower not in _STOP \
                    and prev not in {"his", "her", "its", "their", "our", "s"}:
                continue  # (the same where the task's modifier was not read: "anti-poaching patrols")
            if lem == "office":
                if lo == i and prev not in {"his", "her", "its", "their"} and not (lo > 1 and tokens[lo - 1].text == "s"):
                    continue  # "the office": a room or a post, unless someone's office
                if any(t.lower in _AID_WORDS or t.text in {"UN", "U.N."} for t in tokens[lo:i]) or (
                        lo > 2 and tokens[lo - 1].text == "s" and tokens[lo - 3].text in {"UN", "U.N."}):
                    kind = "ORGANIZATION"  # "the UN humanitarian office": an international body's
            if lem in {"country", "nation"} and all(t.lower in {"whole", "entire"} for t in tokens[lo:i]) and (
                    lo > 1 and (tokens[lo - 1].lower == "the" or tokens[lo - 1].lower == "a" and lo < i)
                    and tokens[lo - 2].lower in _LOCATIVE | {"of", "for", "protect"}
                    or after is not None and after.text in {"'", "’"} and _possessed_head_role(text, tok.end) is None):
                continue  # "in the country", "much of the country", "the country's power grid": territory, a
                # generic place noun (decision 5); "the country's defence minister" stays an actor
            if prev == "of" and lo > 1 and tokens[lo - 2].lower in {"ally", "member", "leader", "head", "one"} and False:
                continue
            if lem in {"community", "municipality"} and not tok.text[:1].isupper() and (
                    _after_place_preposition(tokens, lo)
                    or plural and lo == i and after is not None and after.lower in {"along", "within", "near", "across"}):
                continue  # "in 43 border communities", "residents of hill communities", "among the communities",
                # "communities along the border" (the golds: 30 of 36 "communities" unannotated): where people live
                # (a generic place noun, decision 5), not an actor
            if person == "derived" and not _actor_context(tokens, lo, i, kb):
                continue  # "printers", "containers": a doer noun is a person only where it acts or is harmed
            start, end = tokens[lo].start, tok.end
            if not plural and kind in ("PERSON",) and lo == i and prev not in {"a", "an", "the", "one"} \
                    and not (prev in {"his", "her", "their", "my", "our", "your", "its"} or possessed):
                continue  # (but "his wife", "the victim’s mother", "its spokesman", "my neighbour": a person
                # noun after a possessor is one person; "said one protester": one individual)
            mods = tokens[lo:i]
            if lem == "force" and kind == "MILITARY" and any(
                    (m := _LED_BY.match(t.text)) and m.group(1) not in kb.demonyms and m.group(1) not in kb.countries
                    for t in mods):
                kind = "ARMED_GROUP"  # "Kurdish-led forces": a movement's, not a state's
            if lem in {"force", "mission"} and any(t.lower in {"peacekeeping", "peace-keeping"} for t in mods):
                kind = "ORGANIZATION"  # a peacekeeping force is an international body's (the UN's, a bloc's)
            if kind in ("CIVILIANS", "GROUP") and plural and any(t.lower in _ARMED_OR_MASKED for t in mods):
                kind = "ARMED_GROUP"  # "armed men", "armed villagers": people under arms, no state's forces;
                # "masked men", "hooded men": assailants with their faces hidden (the golds: 13 of 13 ARMED_GROUP)
            if kind in ("CIVILIANS", "GROUP") and plural and _ARMS_CARRIED.match(text, tok.end):
                kind = "ARMED_GROUP"  # "60 men armed with rifles", "men with guns": the same, the arms said after
            if plural and lem in {"commander", "leader"} and any(t.lower in _ATTRIBUTIVE for t in mods):
                kind = "ARMED_GROUP"  # adjudication 13: a group's commanders ("rebel commanders", "gang leaders")
            score = 0.6 if lo < i or plural else 0.5
            entity = f"d{slug(doc_id)[:3]}_{slug(text[start:end])}"
            out.append(Match(start, end, text[start:end], "ACTOR", kind, score, entity, "NOMINAL"))
        for i in range(1, n - 2):
            tok = tokens[i]
            if tok.lower not in _MEMBER_OF or tokens[i - 1].lower not in {"a", "an", "the", "one"} \
                    or tokens[i + 1].lower != "of" or tokens[i + 2].sent != tok.sent \
                    or not (tokens[i + 2].lower in _OWNER_DETERMINERS or _is_cap(tokens[i + 2])):
                continue
            # "a member of the village committee said", "the head of a relief network": one person named by the
            # body they belong to or lead (the golds: 15 of 17 PERSON, the body a mention of its own); "head of
            # state", "a member of parliament" have no determiner and stay titles
            entity = f"d{slug(doc_id)[:3]}_{tok.lower}"
            out.append(Match(tok.start, tok.end, tok.text, "ACTOR", "PERSON", 0.5, entity, "NOMINAL"))
        for i in candidates:  # (head_forms holds these four words)
            tok = tokens[i]
            if 0 < i < n - 1 and tok.lower in {"dead", "wounded", "injured", "displaced"} and tokens[i - 1].lower == "the" \
                    and (not _LOWER_WORD.fullmatch(tokens[i + 1].text) or tokens[i + 1].lower in _STOP):
                entity = f"d{slug(doc_id)[:3]}_{tok.lower}"
                out.append(Match(tok.start, tok.end, tok.text, "ACTOR", "CIVILIANS", 0.5, entity, "NOMINAL"))
        return out


# people described by the arms they carry, after the noun ("men armed with rifles", "youths with machetes")
_ARMS_CARRIED = re.compile(r",?\s+(?:(?:heavily|lightly)\s+)?(?:armed\s+with|carrying|wielding|with)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:rifles?|guns?|firearms?|weapons?|machetes?|knives|assault|automatic|AK-47s?|Kalashnikovs?|"
                          r"grenades?|explosives|pistols?|shotguns?|machine[- ]guns?|bows)\b")


# a body that runs a state's services is a state agency (guidelines: STATE lists agencies)
_PATROL_OWNERS = {"army", "military", "police", "navy", "naval", "border", "security", "joint", "foot", "peacekeeping"}
_STATE_RUN_HEADS = {"agency", "company", "service", "authority"}
# ("the national disaster agency", "the national oil company": a state's own; the golds: 4 of 4 STATE)
_STATE_OWNED = {"state", "state-owned", "state-run", "government", "government-run", "government-owned", "national"}
_RUNS_FOR_STATE = re.compile(r"\s+(?:that|which)\s+(?:runs|manages|oversees|operates|administers|controls|regulates)\s+"
                             r"(?:the\s+)?(?:([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})|country|state|government)(?:’s|'s)\s")
_PLACE_PREPOSITIONS = {"in", "near", "across", "inside", "outside", "around", "throughout", "of", "from", "into", "at",
                       "among"}


def _after_place_preposition(tokens: list[Token], lo: int) -> bool:
    """Is the phrase starting at ``lo`` the object of a place preposition (past a determiner or count)?"""
    k = lo - 1
    while k >= 0 and (tokens[k].lower in {"the", "some", "many", "several", "dozens", "hundreds", "other", "these",
                                           "those", "all", "more", "than", "nearly", "about", "around",
                                           "our", "their", "its", "his", "her"}
                      or tokens[k].text.replace(",", "").isdigit() or _is_number_word(tokens[k].text)):
        k -= 1
    return k >= 0 and tokens[k].sent == tokens[lo].sent and tokens[k].lower in _PLACE_PREPOSITIONS


def _finite_verb(word: str, kb: Knowledge) -> bool:
    """Is ``word`` a past or third-person form of a verb the lexicon knows (``banned``, ``steps``), the
    finite verb of a clause whose subject is the name before it?"""
    low = word.lower()
    return word[:1].islower() and low.endswith(("ed", "s")) and not low.endswith("ss") and low != kb.lemma(low) \
        and kb.lemma(low) in kb.verbs and low not in kb.common_nouns_ing


def _is_number_word(word: str) -> bool:
    from newscorpus.preannotate.figures import _NUMBER_WORD  # (figures imports nothing from here)

    return bool(_NUMBER_WORD.fullmatch(word))


_CO_MODIFIER = re.compile(r",?\s+and\s+(U\.S\.|U\.K\.|US|UK|[A-Z][a-z]+)")  # "US and UK", "US and British"
_ABBREVIATED_STATES = re.compile(r"(?:U\.S\.|US|UK|U\.K\.)$")  # (guidelines: they follow the demonym rule)


def _coordinated_demonyms(text: str, tokens: list[Token], lo: int, kb: Knowledge) -> int:
    """The first token of demonyms coordinated before one head (``Kenyan, Ugandan and American
    envoys``, ``U.S. and Italian diplomats``, ``Kenyan, Somali troops``): a shared-head
    coordination is one NOMINAL (unseen convention, dev gold), from ``lo`` leftwards."""
    k = lo
    while k >= 2 and tokens[k - 1].text in {",", "and"} and tokens[k - 1].sent == tokens[k].sent:
        j = k - 1
        if tokens[j].text == "and" and j >= 1 and tokens[j - 1].text == ",":
            j -= 1  # an Oxford comma
        prev = tokens[j - 1]
        if prev.text in kb.demonyms and prev.end + 2 >= tokens[j].start:
            k = j - 1
            continue
        m = _ABBREVIATED_STATES.search(text, max(0, tokens[j].start - 5), tokens[j].start - 1)
        if m and tokens[j].text == "and" and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            k = next(t for t in range(j - 1, -1, -1) if tokens[t].start == m.start())
            break
        break
    return k


_OF_COUNTRY = re.compile(r"\s+of\s+(the\s+)?([A-Z][\w’'. -]*)$")
_ITS_FORCES = re.compile(r"\b(?:its|their)\s+$")

# collective nouns that, as a name's descriptor, give its type (None: the descriptor's modifiers decide)
_COLLECTIVE_HEADS = {
    **dict.fromkeys("faction militia militias gang cartel".split(), "ARMED_GROUP"),
    **dict.fromkeys("group movement coalition alliance front".split(), None),
    **dict.fromkeys("agency organisation organization charity ngo network committee council commission association "
                    "union foundation institute monitor watchdog outlet newspaper broadcaster channel website "
                    "daily".split(), "ORGANIZATION"),
}
# modifiers that make a collective an armed one ("the main rebel group", "a pro-government militia")
_ARMED_OR_MASKED = {"armed", "masked", "hooded", "balaclava-clad"}
_ARMED_MODIFIERS = _ATTRIBUTIVE | {"armed", "terrorist", "islamist", "extremist", "jihadi", "guerrilla", "rebel"}
_ARMED_AFFIX = re.compile(r"^(?:pro-[\w-]+|[\w.-]+-(?:backed|linked|aligned|allied|affiliated|supported|sponsored|led))$",
                          re.IGNORECASE)
# verbs whose object a clause follows ("told the group X had left"): a noun after them is no descriptor
_CLAUSE_OBJECT_VERBS = {"told", "tell", "tells", "telling", "informed", "inform", "informs", "assured", "assure",
                        "assures", "warned", "warn", "warns", "reminded", "remind", "notified", "notify", "asked",
                        "ask", "asks", "urged", "urge", "urges", "convinced", "persuaded", "promised", "showed"}
# verbs a person does to a body, after which "the group X <verb>" is a relative clause ("the militia X leads")
_FOUNDER_VERBS = {"founded", "co-founded", "leads", "led", "heads", "headed", "runs", "ran", "created", "established",
                  "chairs", "chaired", "commands", "commanded", "formed", "joined", "funds", "funded"}
# a descriptor right before a name: determiner, up to three modifiers, a lowercase head noun
_DESCRIPTOR_BEFORE = re.compile(r"(?:^|[^\w’'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:[\w’'-]+\s+){0,3}?)([a-z][a-z-]*)\s+$")
# "Long Name (LN)": an acronym the text defines right after the name
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")
_LOWER_HYPHEN_PART = re.compile(r"\w[-‐‑][a-z]")  # "Tehreek-e-Insaf": a transliterated name's connector


def _descriptor_label(text: str, start: int, end: int, kb: Knowledge) -> str | None:
    """The type a collective noun right before a name gives it (``the rights group X`` ->
    ORGANIZATION, ``the rebel group X``, ``the militia X`` -> ARMED_GROUP); None without one. A
    person's noun there (``the rebel X``, ``the militant X``) is an individual's title: no type."""
    m = _DESCRIPTOR_BEFORE.search(text, max(0, start - 80), start)
    if not m or "\n" in m.group()[1:]:  # (the boundary before "The" may be the line's own break)
        return None
    if _prev_word(text, m.start() + 1).lower() in _CLAUSE_OBJECT_VERBS:
        return None  # "told the council X would resign": the collective is the verb's object, X a clause's subject
    if _next_word(text, end).lower() in _FOUNDER_VERBS:
        return None  # "the group X founded in 2010": a relative clause whose subject X is a person
    head = m.group(2)
    if head not in _COLLECTIVE_HEADS:
        return None
    mods = [w.lower() for w in m.group(1).split()]
    if any(w in _STOP - {"one"} or w in _VERBISH for w in mods):
        return None  # "the group said Ali Musa ...": no descriptor phrase
    if _COLLECTIVE_HEADS[head] is not None:
        return _COLLECTIVE_HEADS[head]
    if any(w in _ARMED_MODIFIERS or _ARMED_AFFIX.match(w) for w in mods):
        return "ARMED_GROUP"
    if head == "group" and mods and (mods[-1], "group") in _COMPOUND_HEADS:
        return _COMPOUND_HEADS[(mods[-1], "group")]  # "the rights group X", "the aid group X"
    if head == "group" and not mods and _armed_context(text, start, end):
        return "ARMED_GROUP"  # "the group X attacked ...": the guidelines' "the group" is an armed one
    return "ORGANIZATION"  # "the group X said", "the advocacy group X", "the opposition coalition X"


def _spells(acronym: str, name: str) -> bool:
    """Do the acronym's capitals spell, in order and from its first letter, the initials of the
    name's words and hyphenated parts (``JNIM`` for ``Jama'at Nusrat al-Islam wal-Muslimin``)?"""
    parts = [p for p in re.split(r"[\s‐‑-]+", name) if p[:1].isalpha()]
    # (an all-capitals part gives all its letters: "UK Maritime Trade Operations" -> UKMTO)
    initials = [c for p in parts for c in (p if p.isupper() else p[0].upper())]
    caps = [c for c in acronym if c.isupper()]
    if len(caps) < 2 or not initials or caps[0] != initials[0]:
        return False
    k = 0
    for c in caps:
        while k < len(initials) and initials[k] != c:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def _own_words_label(words: list[str]) -> str | None:
    """A name's own words that say it is an armed movement (``Liberation``, ``Resistance``)."""
    if any(w.rstrip("’'s") in _REBEL_WORDS or w in _REBEL_WORDS for w in words):
        return "ARMED_GROUP"
    joined = [a + "-" + b for a, b in zip(words, words[1:]) if a == "Inter"]  # ("Inter Services", unhyphenated)
    return "MILITARY" if any(w in _FORCES_OWN_WORDS for w in words + joined) else None


def _holds_country(words: list[str], kb: Knowledge) -> bool:
    """Is a multi-word name one that holds a country or a demonym, which no person's name does: any
    such word in three or more words (``X Y Kenya``), or in two where the other is a transliterated
    name with a lowercase connector (``Tehreek-e-Insaf Pakistan``)? Two plain words stay a possible
    person (``Michael Jordan``, ``Israel Katz``: countries are also first names and surnames)."""
    named = [w for w in words if len(w.rstrip(".")) > 1 and w not in _CONNECTORS]
    hits = [w for w in named if w in kb.countries or w in kb.demonyms]
    if not hits or len(named) < 2:
        return False
    if len(named) >= 3:
        return True
    return any(_LOWER_HYPHEN_PART.search(w) for w in named if w not in hits)


def _descriptor_before_name(text: str, out: list[Match]) -> list[Match]:
    """Drop a nominal that only describes the name right after it, with no comma ("the conflict monitor
    ACLED", "the UN aid office OCHA"): one actor, annotated by its name, not twice."""
    names = {m.start: m for m in out if m.layer == "ACTOR" and m.mention == "NAME"}
    drop = set()
    for m in out:
        if m.layer == "ACTOR" and m.mention == "NOMINAL" and text[m.end : m.end + 1] == " ":
            name = names.get(m.end + 1)
            if name is not None and name.label == m.label and re.search(r"\b(?:[Tt]he|[Aa]n?)\s+$", text[max(0, m.start - 5) : m.start]):
                drop.add(id(m))
    return [m for m in out if id(m) not in drop] if drop else out


def _acronyms_spelled_later(out: list[Match]) -> list[Match]:
    """One label per name in a document: an acronym guessed (no earlier name to spell it: a heading,
    a first sentence) takes the type and entity of a multi-word name anywhere in the text whose
    initials it is, as its later mentions do (``UPF says ...`` before ``the Union of Patriotic
    Fronts``)."""
    names: dict[str, Match] = {}
    for m in out:
        if m.layer == "ACTOR" and m.mention == "NAME" and m.label != "PERSON" and m.score >= 0.6 and " " in m.text:
            initials = "".join(w[0] for w in m.text.split() if w[:1].isupper())
            if len(initials) >= 2:
                names.setdefault(initials, m)
    if not names:
        return out
    result = []
    for m in out:
        if m.layer == "ACTOR" and m.mention == "NAME" and m.score < 0.6 and m.text.isupper() and m.text in names \
                and m.entity == slug(m.text):
            name = names[m.text]
            m = Match(m.start, m.end, m.text, m.layer, name.label, 0.6, name.entity, m.mention)
        result.append(m)
    return result


_TIED_TO = re.compile(r"((?:al-|el-)?[A-Z][\w.’'-]*?)[-‐‑](?:linked|affiliated|allied|aligned|backed|sponsored|led)\s+"
                      r"(?:the\s+)?$")
_WING_OF = re.compile(r"\b(?:armed|military)\s+wing\s+of\s+(?:the\s+)?$")


def _armed_by_ties(text: str, out: list[Match], registered=frozenset()) -> list[Match]:
    """A name typed only by default (an acronym's ORGANIZATION, a guessed PERSON, an organisation
    word) after ``<armed group>-linked`` / ``-backed`` / ``-affiliated`` is that armed group's
    affiliate, an ARMED_GROUP (``Hamas-linked KRM``; ``Iran-backed X`` is not: Iran is a state);
    a name after ``the armed wing of`` is a movement with an armed wing, an ARMED_GROUP too.
    Registered names keep their type; every mention of the retyped entity follows."""
    names = {(m.start, m.end): m for m in out if m.layer == "ACTOR" and m.mention == "NAME"}
    ends = {e: m for (_, e), m in names.items()}
    retype = set()
    for m in names.values():
        if m.label not in ("ORGANIZATION", "PERSON") or m.text in registered:
            continue
        before = text[max(0, m.start - 60) : m.start]
        if _WING_OF.search(before):
            retype.add(m.entity)
            continue
        t = _TIED_TO.search(before)
        if t is None:
            continue
        e0 = m.start - len(before) + t.end(1)  # where the tied name ends, at the hyphen
        tie = ends.get(e0)
        entry = registered.get(t.group(1)) if hasattr(registered, "get") else None
        if (tie is not None and tie.label == "ARMED_GROUP") or (entry is not None and entry.label == "ARMED_GROUP"):
            retype.add(m.entity)
    if not retype:
        return out
    return [Match(m.start, m.end, m.text, m.layer, "ARMED_GROUP", m.score, m.entity, m.mention)
            if m.layer == "ACTOR" and m.mention == "NAME" and m.entity in retype and m.label in ("ORGANIZATION", "PERSON")
            else m for m in out]


def _owned_forces(text: str, out: list[Match]) -> list[Match]:
    """``its forces`` / ``their forces`` are the forces of the nearest named actor before them in the
    sentence or the one before (``The KLF said its forces ...``): an armed group's (or a guessed
    organisation's) are ARMED_GROUP, a state's MILITARY (as found, the default). ``its troops`` after
    an international body's nominal (``the peacekeeping force said its troops``, also through the
    acronym in apposition: ``the mission, MONUSCO, said its troops``) are that body's: ORGANIZATION."""
    names = sorted((m for m in out if m.layer == "ACTOR" and m.mention == "NAME"), key=lambda m: m.start)
    forces = [m for m in out if m.layer == "ACTOR" and m.mention == "NOMINAL" and m.text not in {"forces", "troops"}
              and m.label in ("ORGANIZATION", "MILITARY", "STATE", "ARMED_GROUP")]  # ("the army said its troops")
    bodies = [m for m in forces if m.label == "ORGANIZATION"]
    result = []
    for m in out:
        if m.layer == "ACTOR" and m.mention == "NOMINAL" and m.text in {"forces", "troops"} and m.label == "MILITARY" \
                and _ITS_FORCES.search(text, max(0, m.start - 8), m.start):
            window = text[max(0, m.start - 300) : m.start]
            cut = max(0, m.start - 300) + max(window.rfind(". ", 0, window.rfind(". ")) + 1, 0)
            owners = names + forces if m.text == "troops" else names  # (a group's "forces" only by its name)
            owner = max((o for o in owners if cut <= o.start < m.start and o.end <= m.start),
                        key=lambda o: o.start, default=None)
            if owner is not None and owner.label == "ORGANIZATION" and owner.mention == "NAME" and owner.score < 0.7 \
                    and any(0 <= owner.start - b.end <= 3 for b in bodies):
                owner = next(b for b in bodies if 0 <= owner.start - b.end <= 3)  # "the mission, MONUSCO, said its troops"
            if owner is None:
                pass
            elif m.text == "troops" and owner.label == "ORGANIZATION" and owner.mention == "NOMINAL":
                # an international body's troops ("the peacekeeping force said its troops"): its peacekeepers
                m = Match(m.start, m.end, m.text, m.layer, "ORGANIZATION", m.score, m.entity, m.mention)
            elif m.text == "forces" and owner.label in ("ARMED_GROUP", "ORGANIZATION"):
                # (an unknown acronym guessed as an organisation that has forces is an armed group)
                m = Match(m.start, m.end, m.text, m.layer, "ARMED_GROUP", m.score, m.entity, m.mention)
        result.append(m)
    return result


_IN_LONGER_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]* $")  # (one space: a line break ends a name)
_CAP_AFTER = re.compile(r" [A-Z]")
_LOWER_AFTER = re.compile(r" ([a-z][\w-]*)")
_SPEAKS_AFTER = re.compile(r"\s*(?:,\s*\d|said|says|told|added)\b")


def _same_place_again(text: str, out: list[Match], kb: Knowledge) -> list[Match]:
    """A name the article shows to be a place once (``the villages of Fassuta and Mi'ilya``) is the
    same place where it stands with no context (``Fassuta and Mi'ilya were never evacuated``) or only
    a guessed person's reading (two capitalised words): one sense per article. Not before a
    speaking verb or an age (``X said``, ``X, 46,``: a person the place shares a name with)."""
    places = {m.text for m in out if m.layer == "LOCATION" and m.text[:1].isupper() and not m.text.isupper()
              and m.text not in kb.demonyms and m.text.split()[0].lower() not in _NAME_DETERMINERS}  # ("Tajik" in "the Tajik frontier")
    if not places:
        return out
    spans = sorted(((m.start, m.end) for m in out), key=lambda se: se[0])
    guessed = {(m.start, m.end): m for m in out if m.layer == "ACTOR" and m.mention == "NAME" and m.label == "PERSON"
               and m.score <= 0.55 and m.text in places}
    starts = [a for a, _ in spans]
    added = []
    for surface in places:
        for s0, e0 in word_spans(text, surface, "-‐‑’'"):
            if (s0, e0) in guessed:
                out.remove(guessed.pop((s0, e0)))
            else:
                k = bisect_right(starts, e0)
                if any(a < e0 and s0 < b for a, b in spans[max(0, k - 8) : k]) or _SPEAKS_AFTER.match(text, e0) \
                        or _IN_LONGER_NAME_BEFORE.search(text, max(0, s0 - 30), s0) or _CAP_AFTER.match(text, e0):
                    continue  # (nor inside a longer name: "Wabag General Hospital")
                nxt = _LOWER_AFTER.match(text, e0)
                if nxt and (_head_lemma(nxt.group(1), kb) in HEADS or nxt.group(1).endswith("men")):
                    continue  # a modifier of an actor ("Tajik servicemen", "the Kordo side"): not the place itself
            added.append(Match(s0, e0, surface, "LOCATION", "LOCATION", 0.5))
    return out + added


_DIVISIONS = {"province", "state", "region", "county", "district", "territory", "governorate", "prefecture",
              "oblast", "department", "municipality"}


def _two_names_one_division(text: str, out: list[Match], kb: Knowledge) -> list[Match]:
    """Two places joined by ``and`` before a singular division noun are one division's name
    (``Sistan and Baluchestan province``; not ``Rask and Sarbaz counties``: two), and so is the same
    pair wherever else the article writes it (one sense per article). Names known as places of their
    own are left apart (``Kharkiv and Odesa region``: two cities' regions, the noun shared)."""
    locs = sorted((m for m in out if m.layer == "LOCATION"), key=lambda m: m.start)
    pairs = [(a, b) for a, b in zip(locs, locs[1:]) if text[a.end : b.start] == " and "
             and not any(m.text in kb.countries or fold(m.text) in kb.places for m in (a, b))]
    names = {text[a.start : b.end] for a, b in pairs if _next_word(text, b.end).lower() in _DIVISIONS}
    merged = [(a, b) for a, b in pairs if text[a.start : b.end] in names]
    if not merged:
        return out
    drop = {id(m) for pair in merged for m in pair}
    return [m for m in out if id(m) not in drop] + [
        Match(a.start, b.end, text[a.start : b.end], "LOCATION", "LOCATION", max(a.score, b.score)) for a, b in merged]


_FORCE_MEMBERS = {"soldiers", "troops", "officers", "policemen", "servicemen", "conscripts", "guards", "personnel",
                  "police", "reservists", "marines", "paratroopers", "commandos", "constables", "gendarmes"}
_VICTIM_NOUNS = {"dead", "wounded", "injured"}
_COUNT_BEFORE = re.compile(r"([\w,-]+)\s+$")


def _relabel_by_last(out: list[Match], is_anchor, is_target, relabel) -> list[Match]:
    """Each target mention as ``relabel(mention, anchor)`` reads it, the anchor being the mention that
    ``is_anchor`` accepts last before it (none before it: the target stays as found)."""
    anchors = sorted((m for m in out if is_anchor(m)), key=lambda m: m.start)
    if not anchors:
        return out
    starts = [m.start for m in anchors]
    result = []
    for m in out:
        if is_target(m):
            k = bisect_left(starts, m.start)
            if k:
                m = relabel(m, anchors[k - 1])
        result.append(m)
    return result


def _victims_of_the_force(text: str, out: list[Match]) -> list[Match]:
    """``the dead`` / ``the wounded`` read as CIVILIANS unless the people last named before them, in the
    same or the previous two sentences, are a force's members counted there (``four soldiers were
    killed ... The wounded were flown out``): then they are those members (MILITARY, or STATE for
    police). A force only speaking or acting there (``police said. The injured ...``) does not count."""
    def relabel(m: Match, last: Match) -> Match:
        between = text[last.end : m.start]
        counted = _COUNT_BEFORE.search(text, max(0, last.start - 30), last.start)
        if len(between) < 400 and between.count(". ") <= 2 and last.label in ("MILITARY", "STATE") \
                and last.text.rsplit(None, 1)[-1].lower() in _FORCE_MEMBERS and counted \
                and (counted.group(1)[:1].isdigit() or _is_number_word(counted.group(1))):
            return Match(m.start, m.end, m.text, m.layer, last.label, m.score, m.entity, m.mention)
        return m

    return _relabel_by_last(
        out, lambda m: m.layer == "ACTOR" and m.mention == "NOMINAL"
        and m.text.rsplit(None, 1)[-1].lower() in _FORCE_MEMBERS | {"civilians", "residents", "people"},
        lambda m: m.layer == "ACTOR" and m.mention == "NOMINAL" and m.label == "CIVILIANS"
        and m.text.lower() in _VICTIM_NOUNS, relabel)


_FORCE_OF_OFFICERS = re.compile(r"\b(?:police|policem[ae]n|gendarm\w*|constables?)\b", re.IGNORECASE)


def _patrols_of_the_body(text: str, out: list[Match]) -> list[Match]:
    """A bare ``patrol`` (``UNMISS said a patrol was fired on``) is the unit of the actor last named in
    its sentence: an international body's (ORGANIZATION) when that actor is one; a force's (MILITARY)
    otherwise, as found."""
    actors = sorted((m for m in out if m.layer == "ACTOR" and m.label in ("ORGANIZATION", "MILITARY", "STATE",
                                                                         "ARMED_GROUP")), key=lambda m: m.start)
    starts = [m.start for m in actors]
    result = []
    for m in out:
        if m.layer == "ACTOR" and m.mention == "NOMINAL" and m.label == "MILITARY" and m.text.lower() in {"patrol", "patrols"}:
            k = bisect_left(starts, m.start)
            while k and actors[k - 1].end > m.start:
                k -= 1
            if k and actors[k - 1].label == "ORGANIZATION" and "." not in text[actors[k - 1].end : m.start].replace("U.N.", ""):
                # (its own entity: another patrol in the article may be a force's)
                m = Match(m.start, m.end, m.text, m.layer, "ORGANIZATION", m.score,
                          f"{m.entity}_{slug(actors[k - 1].text)}", m.mention)
        result.append(m)
    return result


def _officers_of_the_force(out: list[Match]) -> list[Match]:
    """Bare ``officers`` (``The officers, from a ...``, ``killing two officers``) are members of the
    force the article last named: the police's (STATE, like ``police officers``) or an army's
    (MILITARY); with no such force before them they stay GROUP. Officers with a modifier naming
    another body (``customs and army officers``) keep their own reading."""
    def is_bare_officers(m: Match) -> bool:
        words = m.text.lower().split()
        return m.layer == "ACTOR" and m.mention == "NOMINAL" and m.label == "GROUP" and words[-1] == "officers" \
            and all(w in {"dead", "wounded", "injured", "killed", "slain", "missing", "other", "fellow"} for w in words[:-1])

    return _relabel_by_last(
        out, lambda m: m.layer == "ACTOR" and (m.label == "MILITARY" or m.label == "STATE" and _FORCE_OF_OFFICERS.search(m.text)),
        is_bare_officers, lambda m, force: Match(m.start, m.end, m.text, m.layer, force.label, m.score, m.entity, m.mention))


# the staff of a body, named by it ("Red Dune Relief spokesperson", "... paramedics"): a personal name
# does not stand before these the way a body's name does
_STAFF_AFTER = re.compile(r"\s+(?:spokesperson|spokesman|spokeswoman|spokespeople|paramedics|medics|staff|volunteers|"
                          r"employees|rescuers)\b")


def _body_before_staff(text: str, out: list[Match]) -> list[Match]:
    """A guessed (score below 0.7) PERSON name of three or more words right before a staff noun is a
    body's name (ORGANIZATION), and so is every mention of it: ``Tova Shalem Ezra paramedics``."""
    retype = {m.entity for m in out if m.layer == "ACTOR" and m.mention == "NAME" and m.label == "PERSON"
              and m.score < 0.7 and len(m.text.split()) >= 3 and _STAFF_AFTER.match(text, m.end)}
    if not retype:
        return out
    return [Match(m.start, m.end, m.text, m.layer, "ORGANIZATION", 0.6, m.entity, m.mention)
            if m.layer == "ACTOR" and m.mention == "NAME" and m.entity in retype else m for m in out]


_APPOSITION_TYPES = {"ARMED_GROUP", "MILITARY", "STATE", "ORGANIZATION"}
# where an appositive's noun phrase ends: punctuation, a function word, a participle ("a militia
# allied to", "a group fighting"), not a possessive or a noun it modifies ("a militia member")
_APPOSITIVE_ENDS = re.compile(r"\s*(?:$|[,.;:)—–]|(?:in|of|from|with|that|which|who|whose|and|or|based|near|on|at|for|"
                              r"against|since|across|along|active|operating|known|\w+ed|\w+ing)\b)")
# a nominal that names what the name after it is: "a regional force known as X", "the army, known by
# its French acronym X"
_KNOWN_AS = re.compile(r",?\s+(?:(?:also|widely|locally|commonly)\s+)?known\s+(?:as|by\s+(?:its|their|the)\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:acronym|initials|abbreviation|name))\s+(?:the\s+)?")


def _typed_by_apposition(text: str, out: list[Match], registered=frozenset()) -> list[Match]:
    """Decision 2's appositive says what an unregistered name is: ``the FLNX, a militia founded
    in ...`` makes FLNX an ARMED_GROUP, ``the peacekeeping mission, AMIKO,`` an ORGANIZATION.
    Only guessed names (score below 0.7, not a PERSON with a title) are retyped, and every
    mention of the same entity follows. A guessed full personal name is retyped only by a
    collective noun (``X Y, a militia allied to the army``; not ``X Y, a rebel fighting ...``: one
    person), and an acronym defined after the name may stand between (``Long Name (LN), the main
    rebel group``), and a nominal that the name is "known as" types it (``a regional force known as
    X``). The appositive must end its noun phrase there (not ``a militia member``, ``the
    militia's commander``). A name typed ORGANIZATION only by its last word (``Council``, ``Union``;
    not a ``registered`` one) is retyped by an armed appositive (``the National X Council (NXC), the
    main rebel group``): the appositive says more than a generic organisation word."""
    nominals = [n for n in out if n.layer == "ACTOR" and n.mention == "NOMINAL" and n.label in _APPOSITION_TYPES
                and _APPOSITIVE_ENDS.match(text, n.end)]
    retype: dict[str, str] = {}
    for m in out:
        if m.layer != "ACTOR" or m.mention != "NAME" or m.score > 0.7 or m.label not in ("ORGANIZATION", "PERSON"):
            continue
        org_word = m.score == 0.7
        if org_word and (m.label != "ORGANIZATION" or " " not in m.text or m.text in registered):
            continue
        full_person = m.label == "PERSON" and " " in m.text
        for n in nominals:
            if org_word and n.label != "ARMED_GROUP":
                continue
            if full_person and n.text.rsplit(None, 1)[-1].lower() not in _COLLECTIVE_HEADS:
                continue  # a full personal name is a person beside an individual's noun
            after = n.start >= m.end and re.fullmatch(r"(?:\s*\([A-Z][A-Za-z]{1,7}\))?,\s+(?:a|an|the)\s+",
                                                      text[m.end : n.start])
            before = n.end <= m.start and text[n.end : m.start] == ", " and text[m.end : m.end + 1] in {",", "."} \
                and re.search(r"\b(?:the|its|a|an)\s+$", text[max(0, n.start - 6) : n.start]) \
                and not re.search(r"\b(?:of|for|from|with|by|to|against)\s+(?:the|its|a|an)\s+$", text[max(0, n.start - 16) : n.start])
            known = n.end <= m.start and _KNOWN_AS.fullmatch(text, n.end, m.start)  # "a force known as X"
            if (after or before or known) and n.label != m.label:
                retype[m.entity] = n.label
                break
    if not retype:
        return out
    return [Match(m.start, m.end, m.text, m.layer, retype[m.entity], 0.7, m.entity, m.mention)
            if m.layer == "ACTOR" and m.entity in retype else m for m in out]


_HEAD_FORMS: dict[int, tuple[object, frozenset]] = {}  # id(kb) -> (kb, forms): holding kb keeps its id unique


# person nouns of the figure rules that are no actor head on their own ("the other", "a body", "national")
# ("member", "owner", "dissident": the type is the group's or the company's they belong to; "guard",
# "ranger": a state's force (MILITARY) or another's (GROUP) by who employs them; not read here)
_NOT_PERSON_HEADS = {"other", "body", "casualty", "national", "minor", "displaced", "individual", "adult", "kid",
                     "israeli", "palestinian", "lebanese", "syrian", "iranian", "gazan", "american", "member", "owner",
                     "dissident", "guard", "ranger"}
# people named by what they do: the figure rules' person nouns (``inmates``, ``firefighters``,
# ``rangers``) that the head table lacks; a collective of them is GROUP (guidelines: "any other
# collective of people"), one of them a PERSON
PERSON_HEADS = frozenset(w for w in PEOPLE_UNITS if w.isalpha() and w not in HEADS and w not in _NOT_PERSON_HEADS)
_AGENTIVE = ("ist", "ian")  # is_person_noun's productive suffixes ("anaesthetist", "pedestrian")
_DERIVED_AGENTIVE = ("er", "or")  # a doer of a verb ("supporter", "rancher"): a person only in an actor's context
_SUBJECT_VERBS = {"said", "say", "says", "told", "tell", "added", "warned", "reported", "confirmed", "denied", "claimed",
                  "accused", "blamed", "described", "insisted", "urged", "demanded", "called", "stormed", "attacked",
                  "fled", "protested", "gathered", "marched", "battled", "fought", "clashed", "blocked", "refused"}
_HARM_VERBS = {"killed", "killing", "kills", "kill", "wounded", "wounding", "injured", "injuring", "detained",
               "detaining", "arrested", "arresting", "abducted", "kidnapped", "shot", "attacked", "targeted",
               "evacuated", "freed", "released", "rescued"}


def person_head(lem: str, kb: Knowledge) -> str | None:
    """``listed``: a person noun of the figure rules or an agentive ``-ist``/``-ian`` noun
    (``figures.is_person_noun``); ``derived``: an ``-er``/``-or`` doer of a known verb
    (``supporters``, ``ranchers``), a person only where the context makes it an actor; else None."""
    if lem in HEADS or lem in _NOT_PERSON_HEADS or not lem.isalpha():
        return None
    if lem in PERSON_HEADS or is_person_noun(lem):
        return "listed"
    if len(lem) > 5 and lem.endswith(_DERIVED_AGENTIVE):
        base = lem[:-2]
        if base in kb.verbs or base + "e" in kb.verbs or (lem.endswith("er") and lem[:-1] in kb.verbs) \
                or (len(base) > 3 and base[-1] == base[-2] and base[:-1] in kb.verbs):
            return "derived"
    return None


def _actor_context(tokens: list[Token], lo: int, i: int, kb: Knowledge) -> bool:
    """Is the phrase ``tokens[lo:i + 1]`` an actor by its context: the subject of a verb of saying
    or acting, or the object of a harm verb (``killed``, ``detained``)?"""
    n = len(tokens)
    sent = tokens[i].sent
    if i + 1 < n and tokens[i + 1].sent == sent and tokens[i + 1].lower in _SUBJECT_VERBS:
        return True
    k = lo - 1
    while k >= 0 and tokens[k].sent == sent and (tokens[k].lower in {"the", "a", "an", "its", "their", "his", "her",
                                                                         "more", "than", "at", "least", "some", "two",
                                                                         "three", "four", "five", "several", "dozens"}
                                                   or tokens[k].text.replace(",", "").isdigit()):
        k -= 1
    if k >= 0 and tokens[k].sent == sent and tokens[k].lower in _HARM_VERBS:
        return True
    return False


# participles that are themselves nouns for people ("the wounded", "the displaced")
_PARTICIPLE_HEADS = {"dead", "wounded", "injured", "displaced"}


def head_forms(kb: Knowledge) -> frozenset:
    """Every lowercase word whose lemma is an actor head (computed once per knowledge object)."""
    key = id(kb)
    if _HEAD_FORMS.get(key, (None,))[0] is not kb:
        heads = set(HEADS) | {k[-1] for k in _COMPOUND_HEADS} | PERSON_HEADS
        forms = {w for w, lem in kb.lemmas.items() if lem in heads} | heads | _PLURAL_IRREGULAR
        forms |= {w + "s" for w in heads} | _PARTICIPLE_HEADS
        forms |= {w[:-3] + "men" for w in heads if w.endswith("man")} | {w[:-1] + "ies" for w in heads if w.endswith("y")}
        _HEAD_FORMS[key] = (kb, frozenset(forms))
    return _HEAD_FORMS[key][1]


_ARMED_AFTER = re.compile(r"(?:[-‐‑]\w+)?\s+(?:rebels?|fighters?|militants?|militias?|militiamen|gunmen|jihadists?|"
                          r"insurgents?|combatants?|attacked|seized|captured|ambushed|stormed|overran|shelled|fired|"
                          r"launched|claimed\s+responsibility|took\s+control|advanced)\b")
_ARMED_BEFORE = re.compile(r"\b(?:rebels?|rebel\s+group|militant\s+group|armed\s+group|jihadist\s+group|militia|"
                           r"insurgent\s+group|fighters\s+(?:of|from))\s+(?:the\s+)?$")


_BLOC_WORDS = {"States", "Nations", "Union", "Community"}
# first words of "X of Y and Z" organisation names, inside which "and" does not end the name
_ORG_NAME_OPENERS = {*_ORG_LAST, *_ORG_FIRST, "Department", "Movement", "Front", "Group", "Union", "Party", "League",
                     "Volunteers", "Forces", "Army", "Coalition", "Alliance", "Council", "Ministry", "Committee",
                     "Organisation", "Organization", "Association", "Federation", "Commission", "Office", "Institute"}
_ARMED_BEFORE_NAME = re.compile(r"(?:jihadist|militant|rebel|armed|insurgent|extremist|al-Qaeda|Islamic State)[-‐‑\w]*\s+(?:the\s+)?$",
                                re.IGNORECASE)
_ARMED_MEMBERS_AFTER = re.compile(r"\s+(?:rebels|fighters|militants|militiamen|insurgents|jihadists|gunmen)\b")
# a collective noun and the name it describes ("... militant group Jaish al-X", "... rebel movement the M23")
_NAMED_COLLECTIVE_AFTER = re.compile(r"\s+(?:group|movement|outfit|organi[sz]ation|faction|alliance|coalition)\s+(?:the\s+)?[A-Z]")
_ARMED_MODIFIED = re.compile(r"(?:[-‐‑](?:run|led|controlled|held|backed|aligned|allied|linked))?\s+(?:rebels?|fighters?|"
                             r"militants?|militias?|militiamen|gunmen|insurgents?|attacks?|offensive|positions|"
                             r"commanders?|leaders?|negotiators|spokesman|movement)\b")


def _armed_context(text: str, start: int, end: int) -> bool:
    """Is an unknown acronym an armed group by its context (``M23 rebels``, ``JNIM fighters``,
    ``the rebel group M23``, ``JNIM attacked``)?"""
    return bool(_ARMED_AFTER.match(text, end, end + 40) or _ARMED_BEFORE.search(text[max(0, start - 40) : start]))


def _sentence_start_char(text: str, i: int) -> bool:
    while i and text[i - 1] == " ":  # text[:i].rstrip(" ") without copying the text
        i -= 1
    return not i or text[i - 1] in ".!?\n“\"‘"


def _counted(tokens: list[Token], i: int) -> bool:
    """Is the head right after a number or a vague amount (``17 people``, ``dozens of people``)?"""
    if i == 0:
        return False
    p = tokens[i - 1]
    if re.fullmatch(r"[\d,.]+", p.text):
        return True
    if p.lower == "of" and i > 1 and tokens[i - 2].lower in {"dozens", "hundreds", "thousands", "millions", "scores"}:
        return True
    from newscorpus.preannotate.figures import _NUMBER_WORD

    return bool(_NUMBER_WORD.fullmatch(p.text)) or p.lower in {"dozen", "hundred", "thousand", "million", "several", "few", "more"}


_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_SAID_BEFORE = re.compile(r"\b(?:said|says)[ \t]+$", re.IGNORECASE)
_PREV_WORD = re.compile(r"([\w’'-]+)\W*$")


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m.group(1) if m else ""


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def _head_lemma(word: str, kb: Knowledge) -> str:
    """The head noun's lemma; a regular plural the lookup tables lack (``jihadists``) falls back
    to the singular the head table knows."""
    low = word.lower()
    if low in HEADS:
        return low
    lem = kb.lemma(low)
    if lem not in HEADS and lem == low:
        for suffix, repl in (("ies", "y"), ("men", "man"), ("s", "")):
            if low.endswith(suffix) and low[: -len(suffix)] + repl in HEADS:
                return low[: -len(suffix)] + repl
    return lem


def _actor_phrase_follows(text: str, end: int, kb: Knowledge) -> bool:
    """Do the next one to three words end in an actor head (``Sudanese military``, ``U.S. officials``)?"""
    words = re.findall(r"[\w’'-]+", text[end : end + 60])[:3]
    for w in words:
        if w.lower() in _STOP:
            return False
        if _head_lemma(w, kb) in HEADS:
            return True
        if w[:1].isupper() and w in _ORG_LAST:
            return True
    return False


_NOT_AFTER_DEMONYM = {"and", "or", "border", "side", "territory", "soil", "capital", "city", "town", "people",
                      "language", "citizen", "citizens", "nationals", "national"}


def _demonym_stands_for_state(text: str, end: int, kb: Knowledge) -> bool:
    """Decision 1: a demonym before a non-actor noun (``Sudanese airstrikes``, ``an Israeli site``)."""
    if _actor_phrase_follows(text, end, kb):
        return False
    m = re.match(r"\s+([a-z][\w-]*)", text[end : end + 40])
    if not m:
        return False
    w = m.group(1)
    return w not in _STOP and w not in _NOT_AFTER_DEMONYM
