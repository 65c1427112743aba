"""Actor types: what kind of actor a name stands for (state, government body, company, ...).

:func:`actor_type` combines the NER label with a small lexicon of general English words
(ministry, agency, Inc, Corp, ...) and a short list of well-known international organisations;
:func:`affiliation` reads the organisation a person speaks for when the text says so
("Dmitry Rogozin, head of Roscosmos", "Roscosmos chief Dmitry Rogozin"); :func:`capital_states` reads a capital named as an actor
("Moscow's invasion", "Washington imposed sanctions") as the state it stands for;
:func:`group_entities` makes entities of the groups that events name by common words
("Ivory Coast rebels").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable

from storyline.entities import ORG_NOUNS
from storyline.events import ACTOR_NOUNS
from storyline.model import Argument, Entity, EventMention, Mention

STATE = "state"
GOVERNMENT = "government body"
COMPANY = "company"
PERSON = "person"
INTERNATIONAL = "international organisation"
ORGANISATION = "organisation"
#: people named by common words, not by a name ("rebels", "the police", "students")
GROUP = "group"
OTHER = "other"

#: Acronyms and names of international organisations (a general list, not tied to a corpus).
INTERNATIONAL_NAMES: frozenset[str] = frozenset({
    "un", "u.n.", "united nations", "nato", "eu", "european union", "esa",
    "european space agency", "who", "world health organization", "imf",
    "international monetary fund", "world bank", "wto", "world trade organization", "opec",
    "osce", "asean", "african union", "au", "oas", "unesco", "unicef", "unhcr", "iaea",
    "interpol", "g7", "g20", "brics", "council of europe", "red cross", "icrc", "wfp",
    "world food programme", "world food program", "arab league", "commonwealth", "oecd",
    "european commission", "european parliament", "eumetsat", "cern", "icc",
    "international criminal court", "international court of justice", "icj",
})
_INTERNATIONAL_WORDS = re.compile(
    r"\b(?:international|united nations|world|global|european|african|asian|arab|inter-american"
    r"|intergovernmental|multinational)\b.*\b(?:organi[sz]ation|agency|union|fund|bank|court"
    r"|council|league|association|alliance|committee|commission|programme|program)\b",
    re.IGNORECASE)
_GOVERNMENT_WORDS = re.compile(
    r"\b(?:ministry|minister|department|agency|government|administration|cabinet|parliament"
    r"|senate|congress|council|commission|office|bureau|directorate|kremlin|white house"
    r"|pentagon|duma|army|navy|air force|military|police|court|embassy|authority|authorities"
    r"|service|state corporation|space corporation)\b", re.IGNORECASE)
_COMPANY_WORDS = re.compile(
    r"(?:\b(?:inc|corp|corporation|company|co|ltd|llc|plc|gmbh|ag|sa|nv|group|holdings"
    r"|technologies|airlines|motors|industries|systems|bank|enterprises)\.?$"
    r"|\b(?:inc|corp|ltd|llc|plc|gmbh)\b\.?)", re.IGNORECASE)
_COMPANY_CONTEXT = re.compile(
    r"\b(?:company|firm|startup|start-up|corporation|operator|manufacturer|maker|carrier"
    r"|venture|conglomerate|provider|contractor|shares|ceo)\b", re.IGNORECASE)
_GOVERNMENT_CONTEXT = re.compile(
    r"\b(?:state agency|space agency|government agency|federal agency|ministry|state-owned"
    r"|state corporation|government)\b", re.IGNORECASE)
#: "NAME, head of ORG" / "ORG chief NAME": role nouns that tie a person to an organisation.
ROLE_WORDS = (
    "head", "chief", "director", "director-general", "director general", "president",
    "chairman", "chairwoman", "chair", "ceo", "spokesman", "spokeswoman", "spokesperson",
    "minister", "secretary", "administrator", "leader", "founder", "boss", "official",
    "commander", "ambassador", "deputy", "representative", "governor", "executive",
)
_ROLE = "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True))
_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w&.'’-]*)*"


def actor_type(name: str, ner_label: str | None, context: str | None = None) -> str:
    """The type of an actor: ``state``, ``government body``, ``company``, ``person``,
    ``international organisation``, ``organisation`` or ``other``.

    ``ner_label`` is spaCy's label of the mention (PERSON, ORG, GPE, NORP, ...) or None;
    ``context`` optional words around it (its sentence), used to tell a company from a
    government body ("the state space agency Roscosmos", "the satellite company OneWeb").
    """
    clean = " ".join(name.replace("’", "'").split()).strip(" .,'\"")
    low = clean.lower().removeprefix("the ")
    if low in INTERNATIONAL_NAMES or _INTERNATIONAL_WORDS.search(clean):
        return INTERNATIONAL
    if ner_label == "PERSON":
        return PERSON
    if ner_label in ("GPE",):
        return GOVERNMENT if _GOVERNMENT_WORDS.search(clean) else STATE
    if _COMPANY_WORDS.search(clean):
        return COMPANY
    if _GOVERNMENT_WORDS.search(clean):
        return GOVERNMENT
    if ner_label in ("ORG", None) and context:
        # (not for a nationality: "the British company OneWeb" is about OneWeb)
        near = _near(context, clean)
        if _GOVERNMENT_CONTEXT.search(near):
            return GOVERNMENT
        if _COMPANY_CONTEXT.search(near):
            return COMPANY
    if ner_label == "ORG":
        return ORGANISATION
    if ner_label == "NORP":
        return STATE
    return OTHER


def _near(context: str, name: str, width: int = 60) -> str:
    """The words of ``context`` within ``width`` characters of ``name`` (all of it if absent)."""
    i = context.find(name)
    if i < 0:
        return context
    return context[max(0, i - width): i + len(name) + width]


def affiliation(person: str, context: str) -> str | None:
    """The organisation ``person`` speaks for, when ``context`` says so, else None.

    Reads "PERSON, ROLE of ORG" ("Dmitry Rogozin, head of Roscosmos"), "ORG ROLE PERSON"
    ("Roscosmos chief Dmitry Rogozin", "NASA Administrator Bill Nelson") and "ORG's ROLE
    PERSON".
    """
    p = re.escape(person)
    after = re.search(
        p + r",\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:" + _ROLE + r")\s+(?:of|at|for)\s+(?:the\s+)?("
        + _NAME + ")", context)
    if after:
        return after.group(1).strip()
    before = re.search(
        "(" + _NAME + r")(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}(?i:" + _ROLE + r")\s+" + p, context)
    if before:
        org = before.group(1).strip()
        # "Russian space agency Roscosmos chief X": keep the last capitalised name run
        return org
    return None


@functools.cache
def _capitals() -> dict[str, frozenset[str]]:
    """Lower-cased capital name -> the lower-cased names of its country (``countryinfo``).

    The country's names are its English name and alternative spellings ("Russian
    Federation", "US", "USA"); "Washington D.C." is also "Washington", as the press writes it.
    """
    from countryinfo import all_countries  # reference data, read once

    out: dict[str, set[str]] = {}
    for country in all_countries():
        raw = country.capital()  # a string, a list (Vatican City) or None (Antarctica)
        capitals = [raw] if isinstance(raw, str) else list(raw or [])
        name = country.name()
        if not isinstance(name, str) or not name.strip():
            continue
        names = {name.lower(), *(a.lower() for a in country.alt_spellings() or []
                                 if isinstance(a, str) and a)}
        for capital in capitals:
            for form in {capital.strip(), capital.strip().removesuffix(" D.C.")}:
                if form:
                    out.setdefault(form.lower(), set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


def _place_key(name: str) -> str:
    """A place name compared without dots, a leading article or case ("the U.S." -> "us")."""
    low = " ".join(name.replace(".", "").split()).lower()
    return low.removeprefix("the ")


def capital_states(entities: Iterable[Entity]) -> dict[str, set[str]]:
    """Capital entity id -> ids of the entities naming its country, among ``entities``.

    In news a capital acting is its state's government ("Moscow's invasion", "Washington
    warned"): PLOVER and CAMEO code such an actor as the state.  Only places (GPE) count, and
    only when the corpus names the country too, so the capital joins the state's side without
    the two entities being merged: "Moscow" stays a city where it is one.
    """
    places = [e for e in entities if e.type == "GPE"]
    by_key: dict[str, set[str]] = {}
    for e in places:
        for form in {e.name, *e.aliases}:
            by_key.setdefault(_place_key(form), set()).add(e.id)
    capitals = _capitals()
    out: dict[str, set[str]] = {}
    for e in places:
        for form in {e.name, *e.aliases}:
            for country in capitals.get(_place_key(form), ()):
                states = by_key.get(_place_key(country), set()) - {e.id}
                if states:
                    out.setdefault(e.id, set()).update(states)
    return out


#: The label of the mentions of a group named by common words (no NER label).
GROUP_LABEL = "GROUP"
#: Leading words that do not belong to a group's name ("the police", "some 300 students").
_GROUP_LEAD = re.compile(
    r"^(?:(?:the|a|an|some|several|many|most|all|about|around|nearly|more than|at least|"
    r"more|other|its|his|her|their|our|these|those|such|an estimated|estimated|"
    r"hundreds of|thousands of|tens of thousands of|dozens of|scores of|[\d][\d,. -]*|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)\s+)+",
    re.IGNORECASE)
#: Nouns that name people or bodies besides the event stage's actor nouns and the entity
#: stage's organisation nouns: a group's phrase must contain one ("European partners").
_GROUP_NOUNS = frozenset({
    "partner", "nation", "country", "state", "people", "crowd", "team", "rescuer", "survivor",
    "victim", "civilian", "citizen", "member", "staff", "employee", "volunteer", "investor",
    "shareholder", "voter", "ally", "neighbour", "neighbor", "family", "relative", "witness",
    "expert", "scientist", "journalist", "reporter", "crew", "pilot", "company", "firm",
})
_NOT_GROUPS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
                         "those", "who", "which", "what", "one", "others", "other", "some",
                         "all", "both", "each", "people", "everyone", "someone", "anyone"})


_GROUP_HEADS = ACTOR_NOUNS | ORG_NOUNS | _GROUP_NOUNS


def _singular(word: str) -> str:
    """A plural noun's singular, crudely ("agencies" -> "agency", "rebels" -> "rebel")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_POSTMODIFIER = re.compile(r"\s(?:of|with|in|from|at|for|on|who|that)\s.*$")


def _head(phrase: str) -> str:
    """The head noun of a lower-cased noun phrase: its last word before any post-modifier
    ("leaders of the coalition" -> "leaders", "police station" -> "station")."""
    words = _POSTMODIFIER.sub("", phrase).split()
    return words[-1] if words else phrase


def group_entities(event_mentions: list[EventMention],
                  entities: list[Entity]) -> list[EventMention]:
    """Participants that name no entity ("Ivory Coast rebels", "the police", "students")
    become entities of their own, so that the report's events say who acted and on whom.

    A phrase as written (not a pronoun or role noun resolved elsewhere) whose head noun names
    people or a body (:data:`_GROUP_HEADS`; "police station" names a place), of at most eight
    words ("supporters of former President Ahmed Ben Bella") once leading articles and
    counts are dropped, one entity a phrase (case-folded)
    across the corpus, the way the texts name the group; its NER type stays unknown (None:
    never a story's label) and its actor type comes from its words (``Israeli army``: a
    government body; ``rebels``: a group).
    """
    by_key: dict[str, Entity] = {}
    out: list[EventMention] = []
    for m in event_mentions:
        def group(arg: Argument, m: EventMention = m) -> Argument:
            if arg.entity_id is not None or arg.via is not None or arg.start < 0:
                return arg
            words = _GROUP_LEAD.sub("", " ".join(arg.text.split())).strip(" ,.;:'\"")
            key = words.lower()
            if (not key or key in _NOT_GROUPS or len(words.split()) > 8
                    or _singular(_head(key)) not in _GROUP_HEADS
                    # one singular common noun ("the organization") refers back to a
                    # body named before; it names no group of its own
                    or (" " not in key and _singular(key) == key and key != "police")
                    # "the Russian agency", "the US space agency": a body named elsewhere
                    or (_head(key) in ORG_NOUNS and _singular(_head(key)) == _head(key))):
                return arg  # not a group of people or a body ("Russian thruster unit")
            ent = by_key.get(key)
            if ent is None:
                ent = Entity(f"E{len(entities) + 1}", words, None, [])
                entities.append(ent)
                by_key[key] = ent
            start = arg.start + (arg.text.find(words) if words in arg.text else 0)
            if words not in ent.aliases:
                ent.aliases.append(words)
            if m.doc_id not in ent.documents:
                ent.documents.append(m.doc_id)
            mention = Mention(m.doc_id, start, start + len(words), words, GROUP_LABEL,
                              entity_id=ent.id)
            if mention not in ent.mentions:
                ent.mentions.append(mention)
            return dataclasses.replace(arg, entity_id=ent.id)

        actors = [group(a) for a in m.actors]
        targets = [group(t) for t in m.targets]
        out.append(dataclasses.replace(m, actors=actors, targets=targets)
                   if actors != m.actors or targets != m.targets else m)
    for ent in by_key.values():
        ent.documents.sort()
    return out


def is_group(entity: Entity) -> bool:
    """Whether ``entity`` is a group named by common words (:func:`group_entities`)."""
    return bool(entity.mentions) and all(m.label == GROUP_LABEL for m in entity.mentions)
