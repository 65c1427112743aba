"""A small PLOVER lexicon: which verbs and verb + object patterns express which event category.

The categories and modes follow the PLOVER manual (16 categories).  Reading notes that decide the
less obvious cases (all general English, nothing tied to a corpus):

* Ending, suspending, cutting or halting cooperation, ties, deliveries or other exchanges is
  ``SANCTION`` / ``discontinue``: the manual defines SANCTION as "all reductions in existing,
  routine, or cooperative relations" and REJECT as refusals (of a request, proposal, demand).
  Withdrawing one's own non-military staff or resources is ``SANCTION`` / ``withdraw``;
  removing or excluding a party from a mission or group is ``SANCTION`` / ``expel``.
* Withdrawing troops, pulling out (without a non-military object) is ``RETREAT`` / ``withdraw``.
* Cancelling a meeting or visit is ``REJECT`` / ``meet`` (manual, SANCTION ambiguities);
  cancelling contracts, launches, deliveries or flights is ``SANCTION`` / ``discontinue``.
* Restricting or limiting access, exports or trade is ``SANCTION`` / ``discontinue`` (economic
  sanctions); restricting rights or movement otherwise is ``COERCE`` / ``restrict``.
* Lifting or easing sanctions or restrictions is ``CONCEDE``.
* Asking for or seeking cooperation or help is ``REQUEST`` / ``assist``; talks and negotiations
  are ``CONSULT``.
* Providing or offering aid, support or assistance is ``AID`` (material); verbal backing
  ("support", "endorse", "praise") is ``SUPPORT``; signing an agreement is ``SUPPORT`` and
  agreeing or promising is ``AGREE``.
* Cyber attacks and hacking are ``COERCE`` / ``cyber`` (COERCE modes table), not ASSAULT.
* Denying is coded ``REJECT`` (the manual's suggestion for CAMEO 016).

Future tense is not folded into AGREE here: the event keeps its base category and the modality
field of the event mention says that it is planned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class Code:
    """A PLOVER category with an optional mode."""

    category: str
    mode: str | None = None


#: Objects that name a relation, exchange or joint activity (what SANCTION reduces).
RELATION_NOUNS: frozenset[str] = frozenset({
    "cooperation", "collaboration", "tie", "relation", "relationship", "partnership", "link",
    "contact", "work", "project", "program", "programme", "delivery", "supply", "export",
    "import", "trade", "exchange", "participation", "involvement", "support", "servicing",
    "service", "agreement", "deal", "contract", "membership", "flight", "launch", "mission",
    "operation", "alliance", "assistance", "aid", "funding", "investment", "sale", "shipment",
    "loan", "credit", "disbursement", "distribution",
})
#: Verbs that reduce or end something; with a relation noun they code SANCTION.
DISCONTINUE_VERBS: frozenset[str] = frozenset({
    "suspend", "halt", "cut", "sever", "end", "cease", "stop", "break", "freeze", "terminate",
    "reduce", "curtail", "downgrade", "discontinue", "abandon", "pause", "scrap", "drop",
    "quit", "limit", "restrict",
})
#: Verbs that are SANCTION on their own.
SANCTION_VERBS: dict[str, Code] = {
    "sanction": Code("SANCTION", "discontinue"),
    "embargo": Code("SANCTION", "discontinue"),
    "suspend": Code("SANCTION", "discontinue"),
    "sever": Code("SANCTION", "discontinue"),
    "expel": Code("SANCTION", "expel"),
    "exclude": Code("SANCTION", "expel"),
    "oust": Code("SANCTION", "expel"),
    "convict": Code("SANCTION", "convict"),
}
#: Verb lemma -> code, for verbs whose category does not depend on the object.
VERB_CODES: dict[str, Code] = {
    **SANCTION_VERBS,
    # AGREE
    "agree": Code("AGREE"), "promise": Code("AGREE"), "pledge": Code("AGREE"),
    "accept": Code("AGREE"), "invite": Code("AGREE"),
    # CONSULT
    "meet": Code("CONSULT"), "negotiate": Code("CONSULT"), "consult": Code("CONSULT"),
    "discuss": Code("CONSULT"), "confer": Code("CONSULT"), "host": Code("CONSULT", "visit"),
    "visit": Code("CONSULT", "visit"), "phone": Code("CONSULT", "phone"),
    # SUPPORT
    "support": Code("SUPPORT"), "endorse": Code("SUPPORT"), "praise": Code("SUPPORT"),
    "commend": Code("SUPPORT"), "welcome": Code("SUPPORT"), "approve": Code("SUPPORT"),
    "back": Code("SUPPORT"), "recognize": Code("SUPPORT"), "recognise": Code("SUPPORT"),
    "ratify": Code("SUPPORT"),
    # an apology and forgiveness are support in CAMEO (055, 056) and in the gold records,
    # where the manual's text would make an apology a concession
    "apologize": Code("SUPPORT"), "apologise": Code("SUPPORT"), "forgive": Code("SUPPORT"),
    # CONCEDE
    "pardon": Code("CONCEDE"), "concede": Code("CONCEDE"), "yield": Code("CONCEDE"),
    "accede": Code("CONCEDE"), "acquit": Code("CONCEDE"),
    # COOPERATE
    "cooperate": Code("COOPERATE"), "collaborate": Code("COOPERATE"),
    "partner": Code("COOPERATE"), "extradite": Code("COOPERATE"),
    # AID
    "aid": Code("AID"), "assist": Code("AID"), "help": Code("AID"), "donate": Code("AID"),
    "fund": Code("AID"), "finance": Code("AID"), "rescue": Code("AID"),
    # RETREAT
    "retreat": Code("RETREAT", "withdraw"), "resign": Code("RETREAT", "resign"),
    "disarm": Code("RETREAT", "disarm"), "withdraw": Code("RETREAT", "withdraw"),
    "repatriate": Code("RETREAT", "release"),
    # REQUEST
    "demand": Code("REQUEST"), "urge": Code("REQUEST"), "request": Code("REQUEST"),
    "appeal": Code("REQUEST"), "ask": Code("REQUEST"), "order": Code("REQUEST"),
    # ACCUSE
    "accuse": Code("ACCUSE", "allege"), "blame": Code("ACCUSE", "allege"),
    "allege": Code("ACCUSE", "allege"), "charge": Code("ACCUSE", "allege"),
    "sue": Code("ACCUSE", "allege"), "indict": Code("ACCUSE", "allege"),
    "criticize": Code("ACCUSE", "disapprove"), "criticise": Code("ACCUSE", "disapprove"),
    "condemn": Code("ACCUSE", "disapprove"), "denounce": Code("ACCUSE", "disapprove"),
    "complain": Code("ACCUSE", "disapprove"), "decry": Code("ACCUSE", "disapprove"),
    "slam": Code("ACCUSE", "disapprove"), "investigate": Code("ACCUSE", "investigate"),
    "probe": Code("ACCUSE", "investigate"),
    # REJECT
    "refuse": Code("REJECT"), "reject": Code("REJECT"), "decline": Code("REJECT"),
    "deny": Code("REJECT"), "veto": Code("REJECT"), "rebuff": Code("REJECT"),
    "dismiss": Code("REJECT"), "balk": Code("REJECT"), "boycott": Code("PROTEST", "boycott"),
    # THREATEN
    "threaten": Code("THREATEN"), "warn": Code("THREATEN"), "intimidate": Code("THREATEN"),
    # PROTEST
    "protest": Code("PROTEST", "demo"), "demonstrate": Code("PROTEST", "demo"),
    "rally": Code("PROTEST", "demo"), "riot": Code("PROTEST", "riot"),
    # MOBILIZE
    "mobilize": Code("MOBILIZE", "troops"), "mobilise": Code("MOBILIZE", "troops"),
    # COERCE
    "arrest": Code("COERCE", "arrest"), "detain": Code("COERCE", "arrest"),
    "jail": Code("COERCE", "arrest"), "imprison": Code("COERCE", "arrest"),
    "seize": Code("COERCE", "seize"), "confiscate": Code("COERCE", "seize"),
    "raid": Code("COERCE", "seize"), "censor": Code("COERCE", "censor"),
    "ban": Code("COERCE", "restrict"), "deport": Code("COERCE", "deport"),
    "hack": Code("COERCE", "cyber"),
    # ASSAULT
    "attack": Code("ASSAULT"), "invade": Code("ASSAULT"), "assault": Code("ASSAULT"),
    "bomb": Code("ASSAULT", "explosives"), "shell": Code("ASSAULT", "heavy-weapons"),
    "kill": Code("ASSAULT"), "shoot": Code("ASSAULT", "firearms"),
    "assassinate": Code("ASSAULT", "targeted"), "kidnap": Code("ASSAULT", "abduct"),
    "abduct": Code("ASSAULT", "abduct"), "hijack": Code("ASSAULT", "abduct"),
    "retaliate": Code("ASSAULT"), "nationalize": Code("COERCE", "seize"),
    "nationalise": Code("COERCE", "seize"), "sentence": Code("COERCE", "arrest"),
    "torture": Code("ASSAULT", "torture"),
    "destroy": Code("ASSAULT", "destroy"), "occupy": Code("COERCE", "seize"),
    "annex": Code("ASSAULT"),
    # additions from the manual's definitions (general English verbs of each category)
    "beat": Code("ASSAULT"), "wound": Code("ASSAULT"), "injure": Code("ASSAULT"),
    "massacre": Code("ASSAULT"), "slaughter": Code("ASSAULT"), "murder": Code("ASSAULT"),
    "behead": Code("ASSAULT", "targeted"), "execute": Code("ASSAULT"),
    "stab": Code("ASSAULT"), "ambush": Code("ASSAULT"), "storm": Code("ASSAULT"),
    "abuse": Code("ASSAULT"), "rape": Code("ASSAULT"), "maim": Code("ASSAULT"),
    "explode": Code("ASSAULT", "explosives"), "fight": Code("ASSAULT"),
    "clash": Code("ASSAULT"), "bombard": Code("ASSAULT", "heavy-weapons"),
    "demolish": Code("COERCE", "seize"), "deface": Code("COERCE", "cyber"),
    "outlaw": Code("COERCE", "restrict"), "blockade": Code("COERCE", "restrict"),
    "torch": Code("COERCE", "seize"), "expropriate": Code("COERCE", "seize"),
    "disperse": Code("COERCE", "restrict"), "bar": Code("COERCE", "restrict"),
    "reimpose": Code("COERCE", "restrict"), "crack": Code("COERCE", "restrict"),
    "march": Code("PROTEST", "demo"), "picket": Code("PROTEST", "demo"),
    "strike": Code("PROTEST", "strike"),
    "oppose": Code("REJECT"), "renege": Code("REJECT"), "spurn": Code("REJECT"),
    "defy": Code("REJECT"), "snub": Code("REJECT"), "resist": Code("REJECT"),
    "defend": Code("SUPPORT"), "hail": Code("SUPPORT"), "laud": Code("SUPPORT"),
    "applaud": Code("SUPPORT"), "congratulate": Code("SUPPORT"),
    "allow": Code("CONCEDE"), "permit": Code("CONCEDE"), "relent": Code("CONCEDE"),
    "compromise": Code("CONCEDE"),
    "surrender": Code("RETREAT", "withdraw"), "demobilize": Code("RETREAT", "disarm"),
    "demobilise": Code("RETREAT", "disarm"), "evacuate": Code("RETREAT", "withdraw"),
    "coordinate": Code("COOPERATE"), "mediate": Code("CONSULT"),
    "pressure": Code("REQUEST"), "plead": Code("REQUEST"), "petition": Code("REQUEST"),
    "implore": Code("REQUEST"),
    "uproot": Code("COERCE", "seize"), "bulldoze": Code("COERCE", "seize"),
    "ransack": Code("COERCE", "seize"), "loot": Code("COERCE", "seize"),
    "detonate": Code("ASSAULT", "explosives"),
    # session 22, from the third set of one sentence per CAMEO code
    "shuttle": Code("CONSULT"), "parade": Code("PROTEST", "demo"),
    "convict": Code("ACCUSE", "allege"),
}
#: Auxiliaries of a future or planned act ("will", "would").
FUTURE_AUX: frozenset[str] = frozenset({"will", "would", "shall", "'ll", "wo"})
#: Obligation auxiliaries: "Sudan must return the helicopter" states a demand (PLOVER codes
#: it REQUEST, the manual's DEMAND).
OBLIGATION_AUX: frozenset[str] = frozenset({"must", "should", "ought"})
#: Measures that restrict a population, which the manual codes COERCE "restrict" (curfews,
#: states of emergency, martial law); "martial law" is the object lemma the event stage reads
#: for "law" with "martial".
RESTRICTION_NOUNS: tuple[str, ...] = (
    "curfew", "blackout", "blockade", "emergency", "siege", "martial law",
)
_RESTRICT = {o: Code("COERCE", "restrict") for o in RESTRICTION_NOUNS}
_SANCTION_OBJECTS = {o: Code("SANCTION", "discontinue")
                     for o in ("sanction", "embargo", "restriction", "ban", "tariff", "penalty")}
#: Verbs that let something in or through: with observers or aid they grant access, and the
#: subject of their complement is what they let in ("allowed peacekeepers to deploy").
LETTING_VERBS: frozenset[str] = frozenset({"allow", "permit", "let"})
#: What allowing lets in: "allowed the delivery of grain", "permitted the entry of observers".
ACCESS_NOUNS: frozenset[str] = frozenset({
    "delivery", "entry", "access", "passage", "convoy", "shipment", "inspector", "observer",
    "peacekeeper", "monitor", "inspection", "mission", "team", "journalist", "reporter",
    "investigator", "aid", "expert"})
#: Captives whose release or return is a retreat (CAMEO 0841, RETREAT "release").
CAPTIVE_NOUNS: frozenset[str] = frozenset({
    "prisoner", "hostage", "detainee", "captive", "soldier", "person", "activist", "dissident",
    "journalist", "crew", "crewman", "sailor", "fisherman", "opponent", "remains", "remain",
    "body", "pow"})
#: Property seized and given back (CAMEO 0842, RETREAT "return").
SEIZED_PROPERTY: frozenset[str] = frozenset({
    "ship", "vessel", "trawler", "boat", "tanker", "aircraft", "plane", "property", "farm",
    "land", "territory", "asset", "cargo"})
_RELEASED = {**{o: Code("RETREAT", "release") for o in CAPTIVE_NOUNS},
             **{o: Code("RETREAT", "return") for o in SEIZED_PROPERTY}}
#: Armed action whose halt de-escalates (CAMEO 087, 0871: RETREAT), where halting a relation
#: is a sanction.
HOSTILITY_NOUNS: frozenset[str] = frozenset({
    "offensive", "shelling", "bombing", "bombardment", "airstrike", "hostility", "fighting",
    "attack", "raid", "military operation", "patrol", "incursion"})
#: Protest actions whose suspension is a concession (the manual's CONCEDE: "suspending
#: protests"); "hunger strike" is the object lemma the event stage reads for it.
PROTEST_ACTIONS: frozenset[str] = frozenset({
    "protest", "strike", "hunger strike", "demonstration", "boycott", "sit-in", "rally"})
# ("march" is left out: the lexicon also sees the objects of a verb's prepositions, and "in
# March" would read as a march)
#: Verbs that end or put off an action (with a hostility: RETREAT; with a protest: CONCEDE).
HALT_VERBS: frozenset[str] = frozenset({
    "halt", "stop", "suspend", "end", "cease", "pause", "postpone", "abandon", "scale",
    "curtail", "reduce", "wind", "cut"})
#: What obstructing passage blocks (CAMEO 144, PROTEST "obstruct").
PASSAGE_NOUNS: frozenset[str] = frozenset({
    "road", "street", "highway", "motorway", "traffic", "transport", "entrance", "access",
    "route", "bridge", "railway", "rail", "crossing", "intersection", "junction", "gate",
    "roadway", "thoroughfare", "avenue", "path", "passage", "port", "harbour", "harbor",
    "border"})
#: A military blockade or siege lifted or eased ends active conflict on the ground (CAMEO
#: 0872: RETREAT), where lifting a curfew or an emergency is the manual's CONCEDE.
_SIEGE_ENDED = {o: Code("RETREAT", "withdraw") for o in ("blockade", "siege", "cordon")}
#: Observers let in: receiving, admitting or accepting them grants access (CAMEO 0861, 0862).
_ACCESS_GRANTED = {o: Code("RETREAT", "access") for o in (
    "peacekeeper", "inspector", "observer", "monitor", "mission", "team", "investigator")}
#: Talks and meetings held or hosted (CONSULT).
_TALK_NOUNS = ("talk", "negotiation", "meeting", "consultation", "discussion", "summit")
#: Verbs that code a category only with certain objects: verb -> {object lemma: code}.
VERB_OBJECT_CODES: dict[str, dict[str, Code]] = {
    "impose": {**_SANCTION_OBJECTS, **_RESTRICT},
    "introduce": {**{o: Code("SANCTION", "discontinue") for o in ("sanction", "embargo")},
                  **_RESTRICT},
    # putting a restriction in force, or keeping it, is imposing it
    **{v: {**_SANCTION_OBJECTS, **_RESTRICT}
       for v in ("reimpose", "tighten", "prolong")},
    "extend": {**_SANCTION_OBJECTS, **_RESTRICT, "recognition": Code("SUPPORT")},
    # a truce declared is a de-escalation (CAMEO 0871, RETREAT "ceasefire")
    **{v: {**_RESTRICT, **{o: Code("RETREAT", "ceasefire") for o in ("ceasefire", "truce")}}
       for v in ("declare", "institute", "enforce", "proclaim", "announce")},
    "observe": {o: Code("RETREAT", "ceasefire") for o in ("ceasefire", "truce")},
    "violate": {o: Code("ASSAULT") for o in ("ceasefire", "truce")},  # CAMEO 196
    # letting peacekeepers or inspectors in is granting access (CAMEO 0861, 0862)
    **{v: _ACCESS_GRANTED for v in ("receive", "admit")},
    # CAMEO 083: accede to demands
    "accept": {"demand": Code("CONCEDE"), **_ACCESS_GRANTED},
    "send": {o: Code("MOBILIZE", "troops") for o in ("reinforcement",)},
    # reducing relations and assistance (CAMEO 161, 162)
    "recall": {o: Code("SANCTION", "withdraw") for o in ("ambassador", "envoy", "diplomat")},
    "freeze": {o: Code("SANCTION", "discontinue") for o in (
        "asset", "account", "fund", "aid", "assistance", "relation", "tie", "lending", "loan",
        "credit", "disbursement", "payment")},
    # summoning an envoy is a formal complaint (CAMEO 11)
    "summon": {o: Code("ACCUSE", "disapprove") for o in (
        "ambassador", "envoy", "diplomat", "charge", "consul", "attache")},
    "lift": {**{o: Code("CONCEDE") for o in ("sanction", "embargo", "restriction", "ban",
                                             "curfew", "emergency", "martial law", "measure",
                                             "suspension", "freeze")},
             **_SIEGE_ENDED},
    **{v: {**{o: Code("CONCEDE") for o in ("sanction", "embargo", "restriction", "curfew",
                                           "measure", "control", "rule")},
           **_SIEGE_ENDED}
       for v in ("ease", "relax", "loosen", "shorten")},
    "unfreeze": {o: Code("CONCEDE") for o in ("asset", "account", "fund")},
    # freedoms given back and amnesties granted are concessions (CAMEO 0811, the manual's
    # pardons and amnesties)
    "restore": {**{o: Code("SUPPORT") for o in ("tie", "relation", "relationship")},
                **{o: Code("CONCEDE") for o in ("freedom", "right", "liberty", "licence",
                                                "license", "accreditation")}},
    "grant": {**{o: Code("CONCEDE") for o in ("amnesty", "pardon", "autonomy", "concession")},
              "access": Code("RETREAT", "access"), "recognition": Code("SUPPORT")},
    "remove": {o: Code("CONCEDE") for o in ("sanction", "embargo", "restriction")},
    # captives freed, property handed back (CAMEO 0841, 0842)
    **{v: _RELEASED for v in ("release", "free", "return", "hand", "exchange", "swap")},
    "sign": {o: Code("SUPPORT") for o in ("agreement", "deal", "treaty", "accord", "pact",
                                          "memorandum", "contract")},
    "meet": {"demand": Code("CONCEDE")},  # not "requirements": an eligibility, not a yield
    "hold": {o: Code("CONSULT") for o in _TALK_NOUNS},
    "host": {o: Code("CONSULT") for o in (*_TALK_NOUNS, "conference")},
    # a concession offered is a yield announced (PLOVER AGREE once the offer's plan
    # modality recodes it), one made is a yield (CONCEDE)
    **{v: {o: Code("CONCEDE") for o in ("concession", "compromise")}
       for v in ("offer", "make", "propose")},
    "deploy": {o: Code("MOBILIZE", "troops") for o in ("troop", "force", "soldier", "army")},
    "seek": {o: Code("REQUEST", "assist") for o in ("cooperation", "collaboration", "help",
                                                    "aid", "support", "assistance",
                                                    "asylum")},
    # obstructing passage (CAMEO 144): "blocked transport into Abidjan", "barricaded roads"
    **{v: {o: Code("PROTEST", "obstruct") for o in PASSAGE_NOUNS}
       for v in ("block", "obstruct", "barricade")},
    "lodge": {o: Code("ACCUSE", "disapprove") for o in ("protest", "complaint")},
    "launch": {"hunger strike": Code("PROTEST", "hunger"),
               **{o: Code("ASSAULT") for o in ("attack", "strike", "offensive", "invasion",
                                               "assault", "raid", "artillery", "rocket",
                                               "military operation")},
               **{o: Code("CONSULT") for o in ("mediation", "talk", "negotiation")},
               **{o: Code("ACCUSE", "investigate") for o in ("investigation", "inquiry",
                                                              "probe")}},
    # complaints and lawsuits filed or brought (CAMEO 114, 115)
    **{v: {o: Code("ACCUSE", "allege") for o in ("complaint", "lawsuit", "suit", "case",
                                                  "proceeding", "charge")}
       for v in ("file", "bring", "institute")},
    # disapproval, support or intent voiced (CAMEO 110, 111, 051, 03); concern,
    # reservations and dismay are pessimistic comments in CAMEO's verb dictionary (012), no
    # PLOVER event
    **{v: {**{o: Code("ACCUSE", "disapprove") for o in (
                "disapproval", "outrage", "anger", "displeasure", "indignation", "opposition",
                "criticism")},
           **{o: Code("SUPPORT") for o in ("support", "solidarity", "approval")},
           **{o: Code("AGREE") for o in ("willingness", "readiness", "intention")}}
       for v in ("express", "voice")},
    "drop": {o: Code("ASSAULT", "explosives") for o in ("bomb", "barrel")},
    # loans and grants approved are aid (CAMEO 071), where a plan or a step approved is support
    "approve": {o: Code("AID") for o in ("loan", "credit", "grant", "aid", "funding",
                                         "package", "disbursement", "tranche")},
    # a dispute settled is an agreement (CAMEO 037 as an intent)
    **{v: {o: Code("AGREE") for o in ("dispute", "quarrel", "conflict", "row", "difference",
                                      "feud")}
       for v in ("settle", "resolve", "submit")},
    # cooperation widened (CAMEO 06; announced, an intent: 031)
    **{v: {o: Code("COOPERATE") for o in ("tie", "cooperation", "trade", "partnership",
                                          "collaboration", "relation")}
       for v in ("expand", "boost", "strengthen", "deepen", "broaden", "enhance")},
    # protesters blockading a building or a road obstruct passage (CAMEO 144); a navy
    # blockading a port stays COERCE "restrict" (191)
    "blockade": {o: Code("PROTEST", "obstruct") for o in (
        "building", "gate", "entrance", "office", "parliament", "ministry", "palace",
        "headquarters", "road", "street", "highway", "motorway")},
    **{v: {o: Code("COERCE", "seize") for o in ("home", "house", "stall", "building",
                                                 "village", "shop", "settlement", "hut")}
       for v in ("raze", "burn")},
    "establish": {o: Code("SUPPORT") for o in ("tie", "relation", "relationship")},
    "upgrade": {o: Code("SUPPORT") for o in ("tie", "relation", "relationship")},
    "renew": {o: Code("CONSULT") for o in ("negotiation", "talk", "contact", "dialogue")},
    "share": {o: Code("COOPERATE") for o in ("intelligence", "evidence", "expertise",
                                             "information", "technology", "data")},
    # information passed on to another party ("passed French officials details of a cell")
    "pass": {o: Code("COOPERATE") for o in ("intelligence", "evidence", "information",
                                            "data", "detail")},
    "issue": {o: Code("THREATEN") for o in ("ultimatum", "threat", "warning")},
    "stage": {"hunger strike": Code("PROTEST", "hunger"),
              **{o: Code("PROTEST", "demo") for o in ("demonstration", "protest", "rally",
                                                      "strike", "march", "sit-in", "riot")}},
    **{v: {o: Code("PROTEST", "demo") for o in ("demonstration", "protest", "rally",
                                                 "strike", "march", "boycott")}
       for v in ("organize", "organise")},
    "open": {o: Code("ACCUSE", "investigate") for o in ("investigation", "inquiry", "probe",
                                                        "hearing")},
    "set": {"fire": Code("COERCE", "seize"),
            **{o: Code("PROTEST", "obstruct") for o in ("roadblock", "barricade")}},
    # an authority's order is its own act: deploying forces, arresting, investigating
    "order": {**{o: Code("MOBILIZE", "troops") for o in (
                  "patrol", "troop", "force", "soldier", "reinforcement", "deployment",
                  "mobilization", "mobilisation")},
              **{o: Code("COERCE", "arrest") for o in ("arrest", "detention", "crackdown")},
              **{o: Code("COERCE", "restrict") for o in ("curfew", "blockade")},
              **{o: Code("ACCUSE", "investigate") for o in ("investigation", "inquiry",
                                                            "probe")},
              **{o: Code("RETREAT", "withdraw") for o in ("withdrawal", "pullout")}},
    "blow": {o: Code("ASSAULT", "explosives") for o in ("bomb", "building", "line", "bridge",
                                                        "car")},
}
#: What people are banned or barred from when the ban restricts them rather than expels
#: them ("banned opposition candidates from participating in the elections").
BANNED_ACTIVITIES: frozenset[str] = frozenset({
    "participate", "run", "contest", "stand", "campaign", "compete", "vote", "travel",
    "leave", "politics", "election", "office", "publish", "broadcast", "assemble",
})
#: Verbs that transfer something; with an aid noun they code AID.
GIVING_VERBS: frozenset[str] = frozenset({
    "provide", "give", "offer", "send", "deliver", "grant", "extend", "supply", "pledge",
    "hand", "donate", "ship", "airlift", "contribute", "transfer", "commit", "distribute",
})
#: Giving verbs that only commit to the giving: what is offered, pledged or promised is a
#: plan, which PLOVER codes AGREE ("Syria offered its troops to Lebanon's President").
OFFER_VERBS: frozenset[str] = frozenset({"offer", "pledge", "promise"})
AID_NOUNS: frozenset[str] = frozenset({
    "aid", "support", "assistance", "help", "funding", "fund", "loan", "grant", "weapon",
    "arm", "equipment", "asylum", "money", "relief", "supply", "credit", "medicine", "food",
    "shelter", "vaccine", "intelligence", "dollar", "million", "billion", "troop", "grain",
    "rice", "flour", "tent", "blanket", "ammunition", "munition", "refuge", "sanctuary",
    "tractor", "fertiliser", "fertilizer", "seed", "fuel", "generator", "ambulance", "maize",
    "wheat", "parcel",
})
#: Nouns that express an event on their own (with a possessor or "by" agent as actor).
NOUN_CODES: dict[str, Code] = {
    "invasion": Code("ASSAULT"), "attack": Code("ASSAULT"), "assault": Code("ASSAULT"),
    "offensive": Code("ASSAULT"), "bombing": Code("ASSAULT", "explosives"),
    "cyberattack": Code("COERCE", "cyber"), "hack": Code("COERCE", "cyber"),
    "pullout": Code("RETREAT", "withdraw"), "withdrawal": Code("RETREAT", "withdraw"),
    "retreat": Code("RETREAT", "withdraw"), "refusal": Code("REJECT"),
    "rejection": Code("REJECT"), "suspension": Code("SANCTION", "discontinue"),
    "expulsion": Code("SANCTION", "expel"), "threat": Code("THREATEN"),
    "demand": Code("REQUEST"), "request": Code("REQUEST"), "accusation": Code("ACCUSE"),
    "condemnation": Code("ACCUSE", "disapprove"), "negotiation": Code("CONSULT"),
    "talk": Code("CONSULT"), "meeting": Code("CONSULT"), "visit": Code("CONSULT", "visit"),
    "arrest": Code("COERCE", "arrest"),
    "demonstration": Code("PROTEST", "demo"), "protest": Code("PROTEST", "demo"),
    "riot": Code("PROTEST", "riot"), "strike": Code("PROTEST", "strike"),
    "boycott": Code("PROTEST", "boycott"), "ultimatum": Code("THREATEN"),
    "investigation": Code("ACCUSE", "investigate"), "allegation": Code("ACCUSE", "allege"),
    "mediation": Code("CONSULT"), "ceasefire": Code("AGREE"), "truce": Code("AGREE"),
    "massacre": Code("ASSAULT"), "bombardment": Code("ASSAULT", "heavy-weapons"),
    "shelling": Code("ASSAULT", "heavy-weapons"), "airstrike": Code("ASSAULT", "aerial"),
    "apology": Code("SUPPORT"), "crackdown": Code("COERCE", "restrict"),
    "sanction": Code("SANCTION", "discontinue"),
    "embargo": Code("SANCTION", "discontinue"), "aid": Code("AID"),
    "cleansing": Code("ASSAULT", "cleansing"), "atrocity": Code("ASSAULT", "massacre"),
    "disobedience": Code("PROTEST"), "hunger strike": Code("PROTEST", "hunger"),
    "inquiry": Code("ACCUSE", "investigate"),
}
#: Objects of "withdraw"/"pull" that are non-military resources (SANCTION withdraw).
NON_MILITARY_RESOURCES: frozenset[str] = frozenset({
    "staff", "personnel", "diplomat", "ambassador", "observer", "aid", "support", "expert",
    "specialist", "employee", "worker", "engineer", "team", "envoy", "investment",
    "peacekeeper", "monitor", "inspector", "mission",
})
MILITARY_NOUNS: frozenset[str] = frozenset({"troop", "force", "soldier", "army", "unit"})
#: Fighters: driving them out is combat, not an expulsion.
FIGHTER_NOUNS: frozenset[str] = MILITARY_NOUNS | {
    "rebel", "militant", "fighter", "insurgent", "guerrilla", "militia", "enemy"}
#: People driven out of their homes or land are a mass expulsion (CAMEO 201, ASSAULT), not
#: an envoy or an agency expelled (166, SANCTION).
DISPLACED_NOUNS: frozenset[str] = frozenset({
    "resident", "villager", "civilian", "family", "people", "refugee", "migrant", "worker",
    "inhabitant", "tenant", "settler", "farmer", "squatter", "home", "house"})
#: Verbs that with "out" expel: "forced the UN refugee agency out of the country".
FORCING_OUT_VERBS: frozenset[str] = frozenset({"force", "drive", "kick", "throw", "order"})
#: Verbs that with "alert" raise an alert status (CAMEO 151, 152: MOBILIZE): "troops
#: remained on alert", "put the army on high alert", "raised the alert".
ALERT_VERBS: frozenset[str] = frozenset({
    "put", "place", "remain", "stay", "keep", "go", "raise", "heighten", "increase",
    "declare", "be"})
MEETING_NOUNS: frozenset[str] = frozenset({
    "meeting", "visit", "talk", "summit", "negotiation", "conference", "trip",
})
#: Prepositions whose objects are circumstances of an act, not what it acts on.
CIRCUMSTANCE_PREPS: frozenset[str] = frozenset({
    "after", "since", "following", "because", "despite", "amid", "amidst"})
#: Verb and particle pairs with a code of their own: yielding (CAMEO 080: "gave in", "caved
#: in", "bowed to", "backed down"), turning down ("turned down", "brushed aside", "shrugged
#: off"), stepping down (the manual's RETREAT "resign"), rallying behind (SUPPORT) and handing
#: back (CAMEO 0842).
PHRASE_CODES: dict[tuple[str, str], Code] = {
    **{pair: Code("CONCEDE") for pair in (
        ("give", "in"), ("cave", "in"), ("bow", "to"), ("back", "down"))},
    **{pair: Code("REJECT") for pair in (
        ("turn", "down"), ("brush", "aside"), ("brush", "off"), ("shrug", "off"))},
    ("step", "down"): Code("RETREAT", "resign"),
    **{("rally", p): Code("SUPPORT") for p in ("behind", "around", "round")},
    **{(v, "back"): Code("RETREAT", "return") for v in ("hand", "give")},
    ("team", "up"): Code("COOPERATE"), ("walk", "away"): Code("REJECT"),
    ("throw", "out"): Code("REJECT"), ("seal", "off"): Code("COERCE", "restrict"),
    # weapons handed in or laid down, a resignation handed in (CAMEO 0873, 0874)
    ("hand", "in"): Code("RETREAT", "disarm"), ("lay", "down"): Code("RETREAT", "disarm"),
}
#: What looking into investigates (CAMEO 09): wrongs and mishaps, not any question.
WRONGDOING_NOUNS: frozenset[str] = frozenset({
    "allegation", "accusation", "claim", "charge", "complaint", "case", "death", "killing",
    "murder", "attack", "abuse", "corruption", "incident", "crash", "fraud", "violation",
    "cause", "shooting", "disappearance", "irregularity", "wrongdoing", "misconduct"})
#: Military and civilian goods whose delivery to another party is aid (CAMEO 07): materiel
#: counts only with verbs that hand it over ("sent tanks to the border" mobilizes).
MATERIEL_NOUNS: frozenset[str] = frozenset({
    "jet", "helicopter", "tank", "missile", "rifle", "gun", "vehicle", "warship", "drone"})
HANDING_VERBS: frozenset[str] = frozenset({
    "deliver", "supply", "hand", "transfer", "donate", "provide", "give"})
#: Undertakings that joining another party in is cooperating ("would join Peru in a
#: programme to clear landmines", CAMEO 06).
JOINT_ACTIVITIES: frozenset[str] = frozenset({
    "programme", "program", "effort", "operation", "project", "initiative", "venture",
    "search", "mission", "scheme", "drive", "patrol", "exercise", "fight", "investigation"})
#: Joint drills: holding them with another party cooperates militarily (CAMEO 062).
EXERCISE_NOUNS: frozenset[str] = frozenset({
    "exercise", "drill", "manoeuvre", "maneuver", "war game", "joint exercise"})
#: What blocking or restricting censors (CAMEO 1721: COERCE), where blocking a road
#: obstructs.
MEDIA_NOUNS: frozenset[str] = frozenset({
    "website", "site", "internet", "web", "blog", "webpage", "page", "youtube", "facebook",
    "twitter", "broadcast", "channel", "newspaper", "station", "network", "account", "app"})
#: Places and plants that taking over seizes (CAMEO 171, 192: COERCE "seize").
FACILITY_NOUNS: frozenset[str] = frozenset({
    "rig", "field", "oilfield", "farm", "plant", "factory", "company", "building", "land",
    "property", "mine", "facility", "station", "base", "airport", "port", "office",
    "headquarters", "refinery", "town", "city", "village", "territory", "island", "islet",
    "capital", "province", "district", "region"})
#: Reserves whose call-up mobilizes (CAMEO 154).
RESERVE_NOUNS: frozenset[str] = frozenset({
    "reservist", "reserve", "conscript", "recruit", "troop", "soldier", "militia"})
#: People whose mass dismissal or purge is an administrative sanction (CAMEO 172, COERCE).
OFFICIAL_NOUNS: frozenset[str] = frozenset({
    "official", "officer", "employee", "worker", "teacher", "judge", "prosecutor", "soldier",
    "policeman", "journalist", "academic", "servant", "staff", "diplomat"})
#: Bodies whose dissolution bans them (CAMEO 1722).
BANNED_BODIES: frozenset[str] = frozenset({
    "party", "group", "organization", "organisation", "movement", "union", "association",
    "ngo"})


def _first(objects: Sequence[str], table: dict[str, Code]) -> Code | None:
    for o in objects:
        if o in table:
            return table[o]
    return None


def classify_verb(lemma: str, objects: Sequence[str], preps: Sequence[str] = ()) -> Code | None:
    """PLOVER code of a verb given the lemmas of its object(s) and its prepositions.

    ``objects`` are lower-case lemmas of the direct object heads (and of nouns that complete
    the verb, e.g. "on space launches"); ``preps`` the prepositions attached to the verb.
    Returns None when the verb is not an event of a PLOVER category.
    """
    lemma = lemma.lower()
    objs = [o.lower() for o in objects]
    if lemma in ("withdraw", "pull"):
        if any(o in NON_MILITARY_RESOURCES for o in objs):
            return Code("SANCTION", "withdraw")
        if lemma == "pull" and "out" not in preps and not any(o in MILITARY_NOUNS for o in objs):
            return None
        return Code("RETREAT", "withdraw")
    calling_off = lemma == "cancel" or (lemma == "call" and "off" in preps)
    halting = lemma in HALT_VERBS or calling_off
    # the object lemmas include those of the verb's prepositions, in text order: with a
    # circumstance ("halted work after the attack") only the first, the direct object, is
    # what the act acts on
    acted_on = objs[:1] if CIRCUMSTANCE_PREPS & set(preps) else objs
    if halting and (lemma not in ("scale", "wind") or preps):
        if any(o in HOSTILITY_NOUNS for o in acted_on):
            return Code("RETREAT", "ceasefire")  # "halted its offensive", "stopped the shelling"
        if any(o in _SIEGE_ENDED for o in acted_on):
            return _SIEGE_ENDED["blockade"]
        if any(o in PROTEST_ACTIONS or o in _RESTRICT for o in acted_on):
            # "called off the strike", "suspended street protests", "ended martial law"
            return Code("CONCEDE")
    if lemma == "scale" and ("back" in preps or "down" in preps) and any(
            o in RELATION_NOUNS for o in objs):
        return Code("SANCTION", "discontinue")  # "scaled back its ties"
    if ((lemma in DISCONTINUE_VERBS and lemma != "end") or (lemma == "walk" and "out" in preps)) \
            and any(o in _TALK_NOUNS for o in objs):
        # "broke off peace talks", "walked out of the talks" (CAMEO 164)
        return Code("SANCTION", "withdraw")
    phrase = next((PHRASE_CODES[(lemma, p)] for p in preps if (lemma, p) in PHRASE_CODES), None)
    if phrase is not None:
        return phrase  # "gave in to demands", "bowed to pressure", "turned down the offer"
    if lemma == "look" and "into" in preps and any(o in WRONGDOING_NOUNS for o in objs):
        return Code("ACCUSE", "investigate")  # "to look into the allegations" (CAMEO 09)
    if lemma == "sit" and "down" in preps and "with" in preps:
        return Code("CONSULT")  # "ready to sit down with the rebels"
    if lemma == "stand" and "up" in preps and "for" in preps:
        return Code("SUPPORT")  # "stood up for Pakistan's record"
    if lemma == "join" and (("in" in preps and any(o in JOINT_ACTIVITIES for o in objs))
                            or ("force" in objs and "with" in preps)):
        return Code("COOPERATE")  # "would join Peru in a programme", "joined forces with"
    if lemma == "set" and "off" in preps and any(
            o in ("bomb", "device", "explosive", "explosion", "blast", "charge") for o in objs):
        return Code("ASSAULT", "explosives")
    if lemma in ("hold", "conduct", "carry", "stage", "begin", "start", "launch") and any(
            o in EXERCISE_NOUNS for o in objs) and ("with" in preps or "joint exercise" in objs):
        return Code("COOPERATE")  # joint drills (CAMEO 062)
    if lemma in ("block", "restrict", "cut", "shut") and any(o in MEDIA_NOUNS for o in objs):
        return Code("COERCE", "censor")  # "blocked access to news websites" (1721)
    if lemma == "cut" and "off" in preps and any(o in PASSAGE_NOUNS for o in acted_on):
        return Code("PROTEST", "obstruct")  # "cut off the roads" (troops: a blockade)
    if lemma in ("take", "gain", "wrest", "assume", "seize") and "control of place" in objs:
        return Code("COERCE", "seize")  # "took control of the town" (CAMEO 192)
    if lemma in HANDING_VERBS and any(o in MATERIEL_NOUNS for o in objs):
        return Code("AID")  # "handed over four fighter jets to the air force" (072)
    if lemma == "give" and any(o in ("ground", "way") for o in objs):
        return Code("CONCEDE")
    if lemma in ("disband", "discharge", "demobilize", "demobilise") and any(
            o in RESERVE_NOUNS or o in MILITARY_NOUNS or o in ("division", "brigade",
                                                               "battalion", "fighter")
            for o in objs):
        return Code("RETREAT", "disarm")  # CAMEO 0873
    if lemma in ("hack", "beat", "stone", "club") and "death" in objs:
        return Code("ASSAULT")  # "hacked two men to death"
    if lemma == "call" and "up" in preps and any(o in RESERVE_NOUNS for o in objs):
        return Code("MOBILIZE", "troops")
    if lemma == "take" and "over" in preps and not {"in", "at", "as"} & set(preps) \
            and any(o in FACILITY_NOUNS for o in acted_on):
        return Code("COERCE", "seize")
    if (lemma in ("dismiss", "sack", "purge")
            or (lemma == "fire" and not {"on", "at", "upon", "into"} & set(preps))) \
            and any(o in OFFICIAL_NOUNS for o in objs):  # not "fired on soldiers"
        return Code("COERCE", "restrict")
    if lemma == "dissolve" and any(o in BANNED_BODIES for o in objs):
        return Code("COERCE", "ban")
    if lemma == "welcome" and "to" in preps and "person" in objs:
        return Code("CONSULT", "visit")  # "welcomed the minister to the palace"
    if lemma == "go" and "on" in preps and any(o in ("strike", "hunger strike") for o in objs):
        return Code("PROTEST", "hunger" if "hunger strike" in objs else "strike")
    if lemma == "walk" and ("off" in preps or "out" in preps) and "job" in objs:
        return Code("PROTEST", "strike")
    if calling_off:
        if any(o in MEETING_NOUNS for o in objs):
            return Code("REJECT", "meet")
        return Code("SANCTION", "discontinue") if objs else Code("REJECT")
    if lemma in ("ban", "bar") and "from" in preps and any(o in BANNED_ACTIVITIES for o in objs):
        # banning people from political life or from moving is coercion (the manual's
        # "restrict": "the banning of political activities of particular parties or
        # individuals"); banning them from a place is expelling them
        return Code("COERCE", "restrict")
    if lemma in FORCING_OUT_VERBS and "out" in preps and objs \
            and not any(o in FIGHTER_NOUNS for o in objs):
        if any(o in DISPLACED_NOUNS for o in objs):
            return Code("ASSAULT")
        return Code("SANCTION", "expel")
    if "alert" in objs and lemma in ALERT_VERBS:
        return Code("MOBILIZE", "troops")
    if lemma in ("remove", "exclude", "expel", "ban") and "from" in preps and objs:
        code = _first(objs, VERB_OBJECT_CODES["remove"])
        return code or Code("SANCTION", "expel")
    if lemma in DISCONTINUE_VERBS:
        if lemma in ("restrict", "limit") and not any(
                o in RELATION_NOUNS or o in ("access", "export", "trade") for o in objs):
            return Code("COERCE", "restrict") if objs else None
        if any(o in RELATION_NOUNS or o in ("access", "export", "trade") for o in objs):
            return Code("SANCTION", "discontinue")
    if lemma in LETTING_VERBS and any(o in ACCESS_NOUNS for o in objs):
        # allowing aid, inspectors or peacekeepers in (CAMEO 086, 0863)
        return Code("RETREAT", "access")
    if lemma in GIVING_VERBS and any(o in AID_NOUNS for o in objs):
        return Code("AID")
    if lemma in VERB_OBJECT_CODES:
        code = _first(objs, VERB_OBJECT_CODES[lemma])
        if code is not None:
            return code
    if lemma == "strike":
        return Code("ASSAULT") if objs and not any(o in ("work",) for o in objs) \
            else Code("PROTEST", "strike")
    if lemma == "work" and "with" in preps:
        return Code("COOPERATE")
    if lemma == "call" and ("for" in preps or "on" in preps):
        return Code("REQUEST")
    if lemma in ("push", "press", "lobby", "campaign") and "for" in preps:
        return Code("REQUEST")  # "pressed for sanctions", "lobbied for a ceasefire"
    if lemma in ("begin", "start", "open", "resume", "conduct", "hold", "launch") and any(
            o in ("negotiation", "talk", "consultation", "discussion") for o in objs):
        return Code("CONSULT")
    return VERB_CODES.get(lemma)


def classify_noun(lemma: str) -> Code | None:
    """PLOVER code of an event noun ("invasion", "pullout", "refusal"), or None."""
    return NOUN_CODES.get(lemma.lower())


def request_mode(objects: Sequence[str]) -> str | None:
    """REQUEST/REJECT mode from what is asked for or refused (manual's shared mode table)."""
    objs = set(objects)
    if objs & {"sanction", "embargo", "curfew", "blockade", "prisoner", "hostage", "ceasefire"}:
        return "yield"
    if objs & MEETING_NOUNS:
        return "meet"
    if objs & (RELATION_NOUNS | AID_NOUNS):
        return "assist"
    return None


def threat_mode(inner: Code | None, objects: Sequence[str]) -> str | None:
    """THREATEN mode: the content of the threat, from the threatened action's code."""
    if inner is None:
        return "relations" if set(objects) & RELATION_NOUNS else None
    if inner.category in ("SANCTION", "REJECT"):
        return "expel" if inner.mode == "expel" else "relations"
    if inner.category == "ASSAULT":
        return "violence"
    if inner.category == "COERCE":
        return "arrest" if inner.mode == "arrest" else "restrict"
    return None


#: Categories of cooperative actions: promised or planned, PLOVER codes them AGREE.
COOPERATIVE: frozenset[str] = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
})
#: Categories of hostile actions: announced as intended or conditional, PLOVER codes THREATEN.
HOSTILE: frozenset[str] = frozenset({
    "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "REJECT",
})


def plover_category(category: str | None, modality: str) -> str | None:
    """The category PLOVER itself would code for an event mention.

    Storyline keeps the category of the action and says in ``modality`` whether it happened,
    is planned, threatened, ...  PLOVER codes the speech act instead: a promise or announced
    intention of a cooperative action is ``AGREE`` ("X will provide aid", "X offered to
    negotiate"), an announced or conditional hostile action is ``THREATEN`` ("X will boycott
    the elections unless ...", "X plans to impose restrictions"), a demanded one is
    ``REQUEST``.  Asserted, negated and reported events keep their category.
    """
    if category is None:
        return None
    if modality == "threatened":
        return "THREATEN"
    if modality == "demanded" and category not in ("REQUEST",):
        return "REQUEST"
    if modality in ("planned", "hypothetical"):
        if category in COOPERATIVE:
            return "AGREE"
        if category in HOSTILE:
            return "THREATEN"
    return category


T = TypeVar("T")


#: Verbs whose own event is a demand ("demanded that ...", "called on X to ...").
DEMAND_VERBS: frozenset[str] = frozenset({
    "demand", "urge", "call", "ask", "request", "press", "order", "appeal", "insist",
})


def plover_roles(category: str | None, modality: str, actors: Sequence[T],
                 targets: Sequence[T], source: T | None,
                 lemma: str | None = None) -> tuple[list[T], list[T]]:
    """Actors and recipients as PLOVER codes them, for :func:`plover_category`'s category.

    A demand reported from someone ("Russia said Sudan must return the helicopter") is a
    REQUEST by the one who demands it (the source) of the ones asked to act (the action's
    actors, else its targets); every other event keeps its participants.  A demand verb's own
    event (``lemma``, the trigger, is a verb the lexicon codes REQUEST: "Greece demanded that
    ...", "Norland appealed to Vesteria to ..., the Norland foreign ministry said") has the
    demander as actor already: whoever reports it is not the one who demands.
    """
    own = category == "REQUEST" and lemma is not None and lemma.lower() in DEMAND_VERBS
    if (modality == "demanded" and category is not None and not own
            and source is not None and source not in actors):
        return [source], list(actors) or list(targets)
    return list(actors), list(targets)


#: Verbs of saying and thinking: the act they report lies in their complement ("Rogozin said
#: Russia would halt ...").
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "write", "explain", "state", "report", "announce", "claim", "inform",
    "mention", "note", "assert", "imply", "reiterate", "stress", "insist", "tweet", "post",
    "reveal", "confirm", "indicate", "believe", "think", "argue", "suggest", "declare",
    "comment", "remark", "quote", "emphasise", "emphasize", "acknowledge", "admit", "respond",
    "reply", "predict", "hint", "signal", "show", "play",
})


# session 22, from the third set of one sentence per CAMEO code (general English, not the
# table's conventions): an apology issued or offered (CAMEO 055), records handed over to
# another party's investigators (063), a motion or bill blocked (a veto, 1234), an ultimatum
# handed over (139), tools downed (a strike, 143), detainees subjected to torture (1822),
# disappointment voiced (110), a registration restored (0812), rations cut (1623)
_RECORD_NOUNS = ("record", "document", "evidence", "file", "data", "intelligence",
                 "information", "dossier", "testimony")
# (not "concern": CAMEO 012, a pessimistic comment; not "regret": an apology)
_DISAPPROVAL_NOUNS = ("disappointment", "anger", "dismay", "outrage", "displeasure",
                      "indignation", "disapproval")
for _verb, _codes in {
    "issue": {"apology": Code("SUPPORT")},
    "offer": {"apology": Code("SUPPORT")},
    "make": {"apology": Code("SUPPORT")},
    "hand": {**{o: Code("COOPERATE") for o in _RECORD_NOUNS},
             "ultimatum": Code("THREATEN")},
    "give": {"ultimatum": Code("THREATEN")},
    "deliver": {"ultimatum": Code("THREATEN")},
    "block": {o: Code("REJECT") for o in ("motion", "bill", "resolution", "proposal",
                                         "amendment", "legislation", "nomination")},
    "down": {"tool": Code("PROTEST", "strike")},
    "subject": {o: Code("ASSAULT", "torture") for o in (
        "shock", "torture", "abuse", "beating", "execution", "mistreatment")},
    "voice": {o: Code("ACCUSE", "disapprove") for o in _DISAPPROVAL_NOUNS},
    "express": {o: Code("ACCUSE", "disapprove") for o in _DISAPPROVAL_NOUNS},
    "restore": {o: Code("CONCEDE") for o in ("registration", "permit", "citizenship")},
    "cut": {o: Code("SANCTION", "discontinue") for o in ("ration", "aid", "assistance")},
}.items():
    VERB_OBJECT_CODES[_verb] = {**VERB_OBJECT_CODES.get(_verb, {}), **_codes}


#: Every verb lemma the lexicon codes (alone or with certain objects).
KNOWN_VERBS: frozenset[str] = frozenset(VERB_CODES) | frozenset(VERB_OBJECT_CODES) \
    | frozenset(SANCTION_VERBS) | DISCONTINUE_VERBS | GIVING_VERBS


def repair_lemma(lemma: str, form: str) -> str:
    """A verb lemma with the final "e" the rule lemmatizer sometimes drops put back
    ("staged" -> "stag" -> "stage"), when only the repaired lemma is a verb the lexicon
    knows and the written form starts with it."""
    lemma = lemma.lower()
    if lemma not in KNOWN_VERBS and lemma + "e" in KNOWN_VERBS and \
            form.lower().startswith(lemma + "e"):
        return lemma + "e"
    return lemma
