"""Event mentions: who did what to whom, when and where, read from the dependency parse.

One pass over each sentence's parse.  A verb (or an event noun with a possessor) becomes an
:class:`~storyline.model.EventMention` when it has a named actor (a named entity, a proper noun,
or a pronoun / role noun resolved to one) and either a PLOVER category (see
:mod:`storyline.plover`) or a salient news verb (launch, land, sign, ...).  Speech verbs are not
events: their complement is, with the speaker as ``source``.  Planning and aspect verbs
("decided to stop", "announced to suspend", "continue to") are transparent: the inner verb is
the event and the chain gives its modality.  Verbal acts whose content is a clause (threaten,
demand, refuse) are events themselves, with the content in the summary and keywords.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.cameo import load_table
from storyline.entities import ROLE_WORDS
from storyline.model import Argument, Document, EventMention, Modality, TimeExpression
from storyline.plover import (
    COOPERATIVE,
    DEMAND_VERBS,
    FACILITY_NOUNS,
    FUTURE_AUX,
    LETTING_VERBS,
    MEDIA_NOUNS,
    MEETING_NOUNS,
    OBLIGATION_AUX,
    SPEECH_VERBS,
    VERB_OBJECT_CODES,
    Code,
    classify_noun,
    classify_verb,
    plover_category,
    repair_lemma,
    request_mode,
    threat_mode,
)
from storyline.plover_model import (
    LinearModel,
    Prediction,
    classify_sentence,
    conditional,
    load_model,
    offers,
)
from storyline.quotes import MEDIUM_WORDS

#: Verbs whose infinitival complement is the event, which is then planned.
PLAN_VERBS: frozenset[str] = frozenset({
    "decide", "plan", "intend", "vow", "aim", "prepare", "want", "hope", "expect",
    "try", "attempt", "go", "set", "pledge", "promise", "resolve", "announce", "seek", "move",
    "mean", "ready", "prepared", "determined", "poised", "willing", "agree", "propose",
    "offer", "wish", "need", "swear",
})
#: Verbs whose complement is the event, with unchanged modality.
ASPECT_VERBS: frozenset[str] = frozenset({
    "continue", "begin", "start", "keep", "follow", "seem", "appear", "proceed", "resume",
    "manage", "get", "tend", "use",
})
THREAT_VERBS: frozenset[str] = frozenset({"threaten", "warn", "intimidate"})
#: Verbs that commit to an act, whose infinitive the parse may hang on them as a purpose
#: ("have sworn to fight"); not "moved to freeze assets", which acts.
COMMISSIVE_VERBS: frozenset[str] = frozenset({
    "swear", "vow", "pledge", "promise", "threaten", "intend", "plan", "resolve", "offer",
    "agree", "propose", "decide"})
#: News verbs that make an event even without a PLOVER category.
SALIENT_VERBS: frozenset[str] = frozenset({
    "launch", "land", "release", "sign", "cancel", "vote", "elect", "appoint", "arrest",
    "kill", "postpone", "delay", "switch", "test", "dock", "undock", "conduct", "sell", "buy",
    "acquire", "win", "deploy", "fire", "crash", "explode", "die",
})
NON_NAME_LABELS: frozenset[str] = frozenset({
    "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE",
})
#: Head nouns that stand for their possessor as an actor ("Russia's space program").
PROXY_NOUNS: frozenset[str] = frozenset({
    "program", "programme", "agency", "government", "military", "army", "ministry",
    "industry", "sector", "administration", "leadership", "forces", "navy", "police",
})
#: Common nouns that name a collective political actor on their own ("police", "rebels",
#: "Israeli soldiers", "opposition parties"): CAMEO-style agent nouns (general English).
ACTOR_NOUNS: frozenset[str] = frozenset({
    "police", "policeman", "troop", "soldier", "force", "army", "military", "rebel", "militant",
    "gunman", "guerrilla", "guerilla", "insurgent", "fighter", "militia", "militiaman",
    "protester", "protestor", "demonstrator", "activist", "student", "worker", "farmer",
    "settler", "prisoner", "refugee", "authority", "government", "official", "leader",
    "minister", "parliament", "cabinet", "court", "judge", "opposition", "party", "union",
    "hacker", "doctor", "bomber", "attacker", "terrorist", "separatist", "youth", "villager",
    "resident", "supporter", "legislator", "lawmaker", "senator", "diplomat", "delegation",
    "negotiator", "mediator", "president", "aircraft", "helicopter", "tank", "warplane",
    "jet", "navy", "marine", "commando", "agent", "inhabitant", "landowner", "elder",
    "group", "movement", "coalition", "regime", "administration", "council", "assembly",
    "committee", "ministry", "agency", "emir", "king", "prince", "general", "commander",
    "businessman", "organization", "organisation", "officer", "bulldozer", "missionary",
    "warship", "frigate", "pirate", "kidnapper", "hijacker", "captor", "miner", "teacher",
    "nurse", "driver", "fisherman", "trucker", "docker", "investigator", "prosecutor", "rioter",
    "mob",
})
#: Nouns for a part or a number of a group, which stands for its members as an actor ("a
#: group of Moroccan diplomats", "tens of thousands of students", "one third of the rebels").
PARTITIVE_NOUNS: frozenset[str] = frozenset({
    "group", "number", "ten", "dozen", "hundred", "thousand", "million", "score", "third",
    "half", "quarter", "majority", "minority", "handful", "crowd", "band", "batch", "some",
    "many", "most", "part",
})
#: Prepositions that tie an actor noun to the body or place it belongs to ("leaders of ...",
#: "activists from ...", "demonstrators in Baghdad").
AFFILIATION_PREPS: frozenset[str] = frozenset({"of", "from", "in", "throughout", "across"})
HYPOTHETICAL_AUX: frozenset[str] = frozenset({"could", "might", "may"})
NAME_LABELS: frozenset[str] = frozenset({
    "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT",
})
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
ROLE_PERSON: frozenset[str] = frozenset({
    "head", "chief", "director", "leader", "president", "minister", "spokesman",
    "spokeswoman", "spokesperson", "official", "chairman", "chairwoman", "ceo", "boss",
    "premier", "chancellor", "secretary", "general", "commander", "founder",
})
ROLE_ORG: frozenset[str] = frozenset({
    "agency", "company", "firm", "corporation", "organization", "organisation", "operator",
    "venture", "startup", "group", "body", "institute", "ministry", "department",
})
ROLE_GPE: frozenset[str] = frozenset({"country", "nation", "government", "state", "kingdom"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "she", "her"})
THING_PRONOUNS: frozenset[str] = frozenset({"it", "its"})
#: Pronouns that stand for a group; only a plural or collective speaker resolves them.
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "we", "us", "our"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"that", "which", "who", "whom"})
#: People who are typically on the receiving end of an event ("killed 46 civilians"): a
#: recipient, never taken as an actor on their own.
#: Nouns for the people of a place ("the people of Haiti", "the government of Sudan").
PEOPLE_NOUNS: frozenset[str] = frozenset({
    "people", "population", "citizen", "resident", "government", "authority", "leadership",
    "nation", "state", "army", "force", "delegation", "representative",
})
PATIENT_NOUNS: frozenset[str] = frozenset({
    "civilian", "detainee", "immigrant", "migrant", "journalist", "hostage", "victim",
    "pilgrim", "passenger", "tourist", "captive", "inmate", "worshipper", "family",
})
#: Common nouns for people or a body that name a recipient in any category when the object
#: names no one ("called his Omani counterpart", "pardoned 50 people", "distributed blankets
#: to displaced families").
PARTY_NOUNS: frozenset[str] = (
    ACTOR_NOUNS | ROLE_PERSON | ROLE_ORG | ROLE_GPE | PATIENT_NOUNS | frozenset({
        "counterpart", "candidate", "people", "man", "woman", "child", "sailor", "crew", "shopper",
        "exporter", "importer", "trader", "producer", "grower", "distributor", "lender", "bank",
        "investor", "creditor", "neighbour", "neighbor", "ally", "partner", "envoy", "ambassador",
        "observer", "inspector", "monitor", "peacekeeper", "lawyer", "dissident", "critic",
        "opponent", "member", "employee", "staff", "athlete", "player", "utility", "airline",
        "broadcaster", "newspaper", "channel", "station", "tribunal", "commission", "regulator",
        "manufacturer", "maker", "supplier", "contractor", "owner", "faction", "backer", "sponsor",
        "donor", "survivor", "suspect", "defendant", "convict", "deserter", "defector",
        "asylum-seeker", "patient", "voter", "citizen", "community", "tribe", "clan", "minority",
        "girl", "boy", "schoolgirl", "schoolboy", "pupil", "foreigner", "national", "expatriate",
        "executive", "magnate", "tycoon", "conglomerate",
    })
)
#: Party nouns that are a party only with a modifier ("government forces", "the ruling
#: party"), not alone ("used force", "found a body", "a fuel tank").
AMBIGUOUS_PARTY_NOUNS: frozenset[str] = frozenset({
    "force", "body", "movement", "tank", "jet", "station", "channel", "monitor", "head",
    "general", "group", "union", "party", "operator", "maker", "member", "staff", "crew",
    "country", "nation", "kingdom",
})
#: What a "state of" is when it is a condition, not a polity.
STATE_OF_NOUNS: frozenset[str] = frozenset({
    "siege", "emergency", "alert", "war", "readiness", "mourning", "shock", "disrepair",
    "affair", "play", "uncertainty", "chaos", "panic", "flux", "tension"})
#: Verbs that move the actor's own people or means ("deployed troops", "evacuated its
#: citizens", "recalled its ambassador") or make them ("set up a commission"): their
#: objects are no recipients.
MOVING_VERBS: frozenset[str] = frozenset({
    "deploy", "redeploy", "send", "dispatch", "withdraw", "pull", "evacuate", "recall",
    "mobilize", "mobilise", "station", "post", "move", "position", "mass", "transfer",
    "airlift", "fly", "ship", "reinforce", "rotate", "bring", "return", "assign", "commit",
    # and verbs that make the object: "urged creating a regulator" creates, not addresses, it
    "create", "establish", "form", "found", "build", "set",
})
#: Categories whose recipient, when no other is found, is whom the act is told to.
ADDRESSED_CATEGORIES: frozenset[str] = frozenset({"THREATEN", "REQUEST", "AGREE"})
#: Categories whose recipient may be a place when no party is named ("bombs exploded in Kabul",
#: "threatened to institute a curfew in Algiers", "will evacuate the settlements in the Gaza
#: Strip", "refused to deploy peacekeepers in Iraq"): PLOVER codes the place the act is done
#: to or in as the recipient.  Not CONSULT, where a place is the venue ("met in Geneva").
PLACE_RECIPIENT_CATEGORIES: frozenset[str] = frozenset({
    "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION", "REJECT", "RETREAT",
    "CONCEDE", "AGREE", "SUPPORT", "AID", "COOPERATE", "REQUEST", "ACCUSE",
})
#: Categories of force and protest, whose place is their recipient wherever it is said.
PLACE_OF_FORCE: frozenset[str] = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
#: Nouns for a settlement or an area, whose "of" names the place ("the capital city of Algiers").
PLACE_NOUNS: frozenset[str] = frozenset({
    "city", "town", "capital", "village", "province", "region", "district", "state", "area",
    "port", "island", "enclave",
})
#: Verbs of leaving a place, whose "from" names the recipient ("withdraw troops from Chad").
WITHDRAW_VERBS: frozenset[str] = frozenset({"withdraw", "pull", "evacuate", "retreat"})
#: Hostile categories whose recipient may be a group named by a common noun ("killed 46
#: Afghan civilians", "demolished Palestinian homes"); in cooperative ones such a phrase is
#: usually a beneficiary description that other outlets word differently.
GROUP_RECIPIENT_CATEGORIES: frozenset[str] = frozenset({
    "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION", "ACCUSE", "REJECT",
})
#: Prepositions that put a place in the way of an event (not "from": a place left behind).
PLACE_TARGET_PREPS: frozenset[str] = frozenset({"in", "at", "on", "against", "into", "inside"})
TARGET_PREPS: frozenset[str] = frozenset({
    "with", "to", "on", "against", "toward", "towards", "from", "into",
})
#: Nouns for a message or proposal one party puts to another: whoever made it ("a fresh offer
#: from Afghanistan", "calls by Kofi Annan", "a United Nations appeal") is the recipient of
#: an event that answers it (rejected, accepted, vetoed, welcomed).
MESSAGE_NOUNS: frozenset[str] = frozenset({
    "offer", "proposal", "appeal", "call", "demand", "request", "plan", "resolution",
    "invitation", "initiative", "ultimatum", "bid", "suggestion", "plea", "overture",
    "motion", "draft", "deal", "condition", "terms",
})
LOCATIVE_PREPS: frozenset[str] = frozenset({
    "in", "at", "from", "near", "inside", "outside", "across", "over", "into",
})
#: Prepositional adjuncts left out of summaries (reasons and circumstances, not the event).
SUMMARY_SKIP_PREPS: frozenset[str] = frozenset({
    "according", "amid", "despite", "due", "because", "following", "after", "before",
    "during", "as", "like", "via", "per", "owing",
})
CONTEXT_NOUNS: frozenset[str] = frozenset({"response", "retaliation", "wake", "light", "view"})
QUOTE_CHARS: frozenset[str] = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "(", ")", "[",
                                         "]"})
CONTENT_HEADS: frozenset[str] = frozenset({
    "threaten", "warn", "intimidate", "demand", "urge", "ask", "request", "refuse", "decline",
    "reject", "deny",
})
VERBAL_ACTS: frozenset[str] = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE"})
MAX_SUMMARY_WORDS = 20
MAX_KEYWORDS = 8


@dataclass(frozen=True)
class _Named:
    """A named participant candidate: one entity or proper-noun span in the document."""

    start: int  # token index in the doc
    end: int
    text: str
    label: str
    start_char: int
    end_char: int


class _Resolver:
    """Finds the names that pronouns and role nouns ("he", "it", "the agency") point back to."""

    def __init__(self, sdoc: Doc) -> None:
        self.names: list[_Named] = []
        confirmed: set[str] = set()
        for ent in sdoc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            toks = [t for t in ent if not t.is_space and t.lower_ != "the"]
            if not toks:
                continue
            span = sdoc[toks[0].i: toks[-1].i + 1]
            text = span.text.strip()
            if ent.label_ == "PERSON" and len(toks) > 1:
                confirmed.update(t.lower_ for t in toks)
            self.names.append(_Named(span.start, span.end, text, ent.label_, span.start_char,
                                     span.end_char))
        in_ent = {i for n in self.names for i in range(n.start, n.end)}
        for tok in sdoc:
            if tok.pos_ == "PROPN" and tok.i not in in_ent and not tok.ent_type_ and \
                    tok.dep_ in ("nsubj", "nsubjpass", "poss", "appos") and tok.is_alpha:
                self.names.append(_Named(tok.i, tok.i + 1, tok.text, "PROPN", tok.idx,
                                         tok.idx + len(tok)))
        self.names.sort(key=lambda n: n.start)
        #: names that only modify another noun ("US space agency", "ExoMars mission") are not
        #: antecedents of pronouns
        self.modifiers = frozenset(
            n.start for n in self.names
            if sdoc[n.end - 1].dep_ in ("compound", "amod", "nmod")
            and not n.start <= sdoc[n.end - 1].head.i < n.end)
        self.confirmed_persons = frozenset(confirmed)

    def is_person(self, n: _Named) -> bool:
        """True for PERSON names that look like people (a full name, or part of one)."""
        return n.label == "PERSON" and (
            " " in n.text or n.text.lower() in self.confirmed_persons)

    def name_at(self, i: int) -> _Named | None:
        for n in self.names:
            if n.start <= i < n.end:
                return n
        return None

    def last_before(self, i: int, kind: str) -> _Named | None:
        """The last name before token ``i`` of a kind: person, org (organisation-like), gpe, any."""
        for n in reversed(self.names):
            if n.end > i or n.start in self.modifiers:
                continue
            if kind == "person" and self.is_person(n):
                return n
            if kind == "org" and not self.is_person(n) and n.label in (
                    "ORG", "PRODUCT", "PERSON", "PROPN"):
                return n
            if kind == "gpe" and n.label == "GPE":
                return n
            if kind == "thing" and not self.is_person(n) and n.label != "NORP":
                return n
        return None


def _arg(n: _Named, via: str | None = None) -> Argument:
    return Argument(text=n.text, start=n.start_char, end=n.end_char, via=via)


def _is_english(doc: Document, sent: Span) -> bool:
    para = doc.paragraph_at(sent.start_char)
    if para is not None and para.language not in (None, "en"):
        return False
    if sent.text.isascii():  # the common case: Latin script if it has a letter at all
        return any(c.isalpha() for c in sent.text)
    letters = [c for c in sent.text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if c.isascii())
    return latin >= 0.6 * len(letters)


def _verb_ancestor(tok: Token) -> Token | None:
    h = tok.head
    while h.i != h.head.i and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    return h if h.pos_ in ("VERB", "AUX") and h.i != tok.i else None


def _speech_source(tok: Token) -> Token | None:
    """The speech verb whose complement contains ``tok`` (through conj and xcomp), if any."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return None
        if cur.dep_ in ("conj", "xcomp", "pcomp", "prep") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in SPEECH_VERBS:
            return cur.head
        return None
    return None


def _passive_participle_clause(v: Token) -> bool:
    """Whether ``v`` heads an adverbial passive participle clause ("When asked about the
    delay, the ministry said ..."): the main clause's subject is the one it was done to, never
    its actor."""
    return v.dep_ == "advcl" and v.tag_ == "VBN"


def _speech_and_speaker(chain: Sequence[Token]) -> tuple[Token | None, Token | None]:
    """The speech verb that reports the clause of ``chain`` (:func:`_speech_source` of its
    top verb) and that verb's subject, the speaker."""
    speech = _speech_source(chain[-1])
    if speech is None:
        return None, None
    return speech, next((c for c in speech.children if c.dep_ == "nsubj"), None)


#: Nouns for a demand, whose clause ("its demand that Israel ease restrictions", "a reminder to
#: Iraq that it must cooperate") is the act demanded.
DEMAND_NOUNS: frozenset[str] = frozenset({
    "demand", "call", "appeal", "request", "reminder", "ultimatum", "insistence", "plea",
    "order",
})


def _demand_content(top: Token) -> Token | None:
    """The demand noun whose content clause ``top`` (the top verb of a chain) is: the clause
    hangs off the noun ("its demand that Israel ease ...") or off a verb whose object the noun
    is ("reiterated its demand today that Israel ease ...")."""
    h = top.head
    if top.dep_ in ("acl", "advcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in top.children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        # "calls for the prime minister to step down", "calling for the president to resign"
        if h.pos_ == "NOUN" and h.lemma_.lower() in DEMAND_NOUNS:
            return h
        return h if h.pos_ == "VERB" and h.lemma_.lower() in DEMAND_VERBS else None
    if top.dep_ not in ("acl", "ccomp") or not any(c.dep_ == "mark" and c.lower_ == "that"
                                                   for c in top.children):
        return None
    if h.pos_ == "NOUN":
        return h if h.lemma_.lower() in DEMAND_NOUNS else None
    return next((c for c in h.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in DEMAND_NOUNS), None)


def _obliged(chain: Sequence[Token]) -> bool:
    """Whether an obligation ("must", "should") binds the act of ``chain`` without a plan
    verb above it: "the US must be ready to mediate" is a demand, "Iran plans to ... must"
    is not."""
    for k, t in enumerate(chain):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in t.children):
            return not any(u.lemma_.lower() in PLAN_VERBS for u in chain[k + 1:])
    return False


def _prep_objects(head: Token, preps: frozenset[str]) -> Iterator[Token]:
    """The objects of ``head``'s prepositions among ``preps`` ("in Kabul" -> Kabul)."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            yield from (p for p in c.children if p.dep_ == "pobj")


def _inner_verb(v: Token) -> Token | None:
    """The verb of ``v``'s clausal complement: the act agreed to, threatened or demanded
    ("agreed to provide", "threatened to break off")."""
    inner = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp")
                  and c.pos_ in ("VERB", "AUX")), None)
    if inner is None:
        # "insisted on its demands that Burundi's government grant ...": the demand noun's
        # content clause
        inner = next((c for o in v.children if o.dep_ in ("dobj", "prep")
                      for n in ([o] if o.dep_ == "dobj" else
                                [p for p in o.children if p.dep_ == "pobj"])
                      if n.lemma_.lower() in DEMAND_NOUNS
                      for c in n.children if c.dep_ == "acl" and _demand_content(c) == n),
                     None)
    return inner


def _by_sentence(mentions: Iterable[EventMention]) -> dict[int, list[EventMention]]:
    """Mentions grouped by sentence index, in their order."""
    out: dict[int, list[EventMention]] = {}
    for m in mentions:
        out.setdefault(m.sentence, []).append(m)
    return out


def _self_obligation(v: Token, source: Argument | None,
                     actors: Sequence[Argument]) -> bool:
    """Whether an obligation binds the one who states it: a first-person subject ("we must
    act"), "it" / "they" under a named source ("Iran says it must ..."), or an actor that is
    the source itself."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("i", "we"):
        return True
    if source is None:
        return False
    if subj is not None and subj.lower_ in ("it", "they"):
        return True
    return any(a.text == source.text for a in actors)


class _Extractor:
    """Per-document state (the resolver, the time expressions) and per-clause analysis."""

    def __init__(self, doc: Document, sdoc: Doc, timexes: list[TimeExpression]) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.timexes = [t for t in timexes if t.calendar_date() is not None]
        self.res = _Resolver(sdoc)
        self.repaired = frozenset(
            r.i for t in sdoc if t.pos_ == "VERB" for r in [_repaired_subject(t)] if r is not None)

    # ----------------------------------------------------------------- naming participants
    def name(self, tok: Token, speaker: Token | None = None) -> Argument | None:
        """The participant a noun phrase head names, resolving pronouns and role nouns."""
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(tok, speaker)
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.name(tok.head.head)
        if tok.pos_ in ("NOUN", "NUM") and tok.lemma_.lower() in PARTITIVE_NOUNS:
            # "a group of Moroccan diplomats", "tens of thousands of students": the members
            of = next(_prep_objects(tok, frozenset({"of"})), None)
            if of is not None:
                member = self.name(of, speaker)
                if member is not None:
                    return member
                if of.lemma_.lower() in ACTOR_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
                    # "Thousands of demonstrators gathered": the phrase names the group
                    span = self.sdoc[tok.left_edge.i: of.i + 1]
                    return Argument(span.text, span.start_char, span.end_char)
        if tok.ent_type_ in NON_NAME_LABELS:
            return None
        n = self.res.name_at(tok.i)
        if n is not None and n.label in NAME_LABELS:
            return _arg(n)
        for child in tok.children:
            if child.dep_ == "appos":
                cn = self.res.name_at(child.i)
                if cn is not None:
                    return _arg(cn)
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha:
            left = tok
            for child in tok.lefts:
                if child.dep_ == "compound" and child.pos_ == "PROPN" and \
                        self.res.name_at(child.i) is None:
                    left = child
                    break
            span = self.sdoc[left.i: tok.i + 1]
            return Argument(span.text, span.start_char, span.end_char)
        # a lower-case word the tagger calls a proper noun ("China's foreign ministry") is
        # a common noun
        common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)
        if common and tok.lemma_.lower() in PROXY_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and self.res.name_at(owner.i) is not None:
                found = self.name(owner)
                if found is not None:
                    phrase = self.sdoc[tok.left_edge.i: tok.i + 1].text
                    return Argument(found.text, found.start, found.end, via=phrase)
        if common and tok.lemma_.lower() in ACTOR_NOUNS and \
                tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj") and \
                not any(c.lower_ in ("its", "his", "her", "their", "this", "that")
                        for c in tok.children if c.dep_ in ("det", "poss")):
            # "Israeli soldiers", "Hezbollah guerrillas", "riot police": the noun phrase,
            # with the name it belongs to ("leaders of the Azadliq coalition", "activists from
            # the Fatah party", "the rebels in Darfur")
            lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
                     and not c.is_punct]
            first = min((c.left_edge.i for c in lefts), default=tok.i)
            last = tok.i
            definite = any(c.lower_ == "the" for c in tok.children if c.dep_ == "det")
            # not "the movement of Palestinian workers" (motion, not a political movement), nor
            # "the president of Armenia" (one person, who stands for Armenia: see targets)
            tied = tok.lemma_.lower() != "movement" and not (
                definite and tok.tag_ == "NN" and low in ROLE_PERSON)
            if tied:
                last = self._affiliation_end(tok)
            span = self.sdoc[first: last + 1]
            if lefts or last > tok.i or (tok.dep_ in ("nsubj", "nsubjpass") and not definite):
                # the offsets cover the group's own words, so that the name it belongs to is
                # not taken for it ("supporters of Ahmed Ben Bella" are not Ben Bella)
                return Argument(span.text, span.start_char, tok.idx + len(tok))
        if common and any(c.lower_ in ("the", "its", "his", "her", "this")
                                      for c in tok.children if c.dep_ in ("det", "poss")):
            if any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in tok.lefts
                   for t in t.subtree):
                return None  # "the US agency": which agency is unknown, do not guess
            kind = ("person" if low in ROLE_PERSON else "org" if low in ROLE_ORG
                    else "gpe" if low in ROLE_GPE else None)
            if kind is None:
                return None
            n = self.res.last_before(tok.i, kind)
            if n is not None:
                phrase = self.sdoc[tok.left_edge.i: tok.i + 1].text
                return _arg(n, via=phrase)
        return None

    def _pronoun(self, tok: Token, speaker: Token | None) -> Argument | None:
        low = tok.lower_
        if low == "it" and _cleft_subject(tok):
            return None  # "it's not just X that ...": "it" refers to nothing
        if low in GROUP_PRONOUNS:
            # "The Fijian rebels said they will release ...": a plural or collective speaker
            if speaker is not None and speaker.i != tok.i and (
                    speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ in ("ORG", "NORP")):
                sp = self.name(speaker)
                if sp is not None:
                    return Argument(sp.text, sp.start, sp.end, via=tok.text)
            return None
        if low in PERSON_PRONOUNS:
            kind = "person"
        elif low in THING_PRONOUNS:
            kind = "thing"
        else:
            return None
        if speaker is not None and speaker.i != tok.i:
            sp = self.name(speaker)
            sn = self.res.name_at(speaker.i)
            if sp is not None:
                sp_person = (sn is not None and self.res.is_person(sn)) or (
                    sp.via is not None and speaker.lower_ in ROLE_PERSON | PERSON_PRONOUNS)
                if sp_person == (kind == "person"):
                    return Argument(sp.text, sp.start, sp.end, via=tok.text)
        n = self.res.last_before(tok.i, kind)
        return _arg(n, via=tok.text) if n is not None else None

    def names(self, tok: Token, speaker: Token | None = None) -> list[Argument]:
        """The participants of a noun phrase head and of its conjuncts ("Russia and China")."""
        out: list[Argument] = []
        stack = [tok]
        while stack:
            t = stack.pop(0)
            a = self.name(t, speaker)
            if a is not None and all(a.start != b.start for b in out):
                out.append(a)
            stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in (
                "PROPN", "NOUN", "PRON"))
        return out

    # ----------------------------------------------------------------- clause structure
    def subject(self, v: Token, code: Code | None, depth: int = 0) -> tuple[Token | None, bool]:
        """The token naming the actor of verb ``v`` and whether it came from a passive agent."""
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                        return p, True  # not a deadline: "had been rescued by Friday"
        for c in v.children:
            if c.dep_ == "csubj" and c.tag_ == "VBG":
                # "Worsening the relations, X, on Wednesday, released ...": an introductory
                # participle misread as the subject; the name set off by commas is the actor
                appos = _apposition_subject(v)
                if appos is not None:
                    return appos, False
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
        repaired = _repaired_subject(v)
        if repaired is not None:
            return repaired, False
        if depth > 4:
            return None, False
        inherit = v.dep_ in ("conj", "xcomp", "pcomp", "advcl") or (
            v.dep_ == "acl" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
                                 or (v.tag_ == "VBG" and code is not None
                                     and code.category in VERBAL_ACTS)))
        if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
            inherit = False
        if _passive_participle_clause(v):
            inherit = False  # "when asked, the agency said": the agency is asked, not asking
        if not inherit:
            return None, False
        h = _verb_ancestor(v)
        if h is None:
            return None, False
        return self.subject(h, None, depth + 1)

    @staticmethod
    def objects(v: Token) -> tuple[list[Token], list[str]]:
        """Object heads of ``v`` (direct objects, passive subjects, prepositional objects)."""
        objs: list[Token] = []
        preps: list[str] = []
        passive = any(c.dep_ == "auxpass" for c in v.children)
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ == "NOUN":
            objs.append(v.head)  # "sanctions imposed on X by Y"
        if not any(c.dep_ == "dobj" for c in v.children):
            # "beat and detained Tibetan monks": the object after the second verb is the
            # first one's too
            for conj in (c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                shared = [o for o in conj.children if o.dep_ == "dobj" and o.i > conj.i]
                # only right next to each other: "beat and detained", not "return home and
                # present her baby"
                if shared and conj.i == v.i + 2 and v.doc[v.i + 1].dep_ == "cc":
                    objs.extend(shared)
                    break
        for c in v.children:
            if c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "nsubjpass" and passive):
                objs.append(c)
                objs.extend(cc for cc in c.children if cc.dep_ == "conj")
            elif c.dep_ in ("prep", "prt", "agent") or (
                    c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES):
                preps.append(c.lower_)
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        objs.append(p)
                    elif p.dep_ == "prep" and c.lower_ in ("out", "away"):
                        # "walked out of the talks": what the particle's own preposition
                        # governs
                        objs.extend(x for x in p.children if x.dep_ == "pobj")
            elif c.dep_ in ("ccomp", "xcomp") and v.lemma_.lower() in LETTING_VERBS:
                # "allowed a contingent of peacekeepers to deploy": who is let in
                objs.extend(s for s in c.children if s.dep_ == "nsubj")
        return objs, preps

    def chain(self, v: Token) -> list[Token]:
        """``v`` and the verbs above it that it is a complement of (xcomp, by-pcomp, conj)."""
        out = [v]
        cur = v
        for _ in range(5):
            if cur.dep_ == "xcomp" or (cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX")
                                       and not _has_own(cur, "aux")
                                       and not _has_own(cur, "nsubj")):
                cur = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ == "by":
                cur = cur.head.head
            elif cur.dep_ == "advcl" and cur.head.lemma_.lower() in COMMISSIVE_VERBS \
                    and any(c.lower_ == "to" and c.dep_ == "aux" for c in cur.children) \
                    and not _has_own(cur, "nsubj") \
                    and not any(c.dep_ == "dobj" for c in cur.head.children):
                cur = cur.head  # "have sworn to fight": a complement parsed as a purpose
            elif cur.dep_ == "acl" and cur.head.dep_ in ("dobj",) and cur.head.head.pos_ == "VERB":
                cur = cur.head.head  # "gave an order to begin"
            elif cur.dep_ == "acomp" and cur.pos_ == "ADJ" and cur.head.lemma_ == "be" \
                    and out[-2:-1] and out[-2].dep_ == "xcomp":
                cur = cur.head  # "is not ready to sign", "must be ready to mediate"
            else:
                break
            out.append(cur)
        return out

    # ----------------------------------------------------------------- the main loop
    def run(self) -> list[EventMention]:
        out: list[EventMention] = []
        for si, sent in enumerate(self.sdoc.sents):
            if not sent.text.strip() or not _is_english(self.doc, sent):
                continue
            for tok in sent:
                ev = None
                if tok.pos_ == "VERB":
                    ev = self.verb_event(tok, si, sent)
                elif tok.pos_ == "NOUN":
                    ev = self.noun_event(tok, si, sent)
                if ev is not None:
                    out.append(ev)
        return out

    def verb_event(self, v: Token, si: int, sent: Span) -> EventMention | None:
        lemma = repair_lemma(v.lemma_, v.text)
        inner = _inner_verb(v)
        by_inner = next((p for c in v.children if c.dep_ == "prep" and c.lower_ == "by"
                         for p in c.children if p.dep_ == "pcomp" and p.pos_ == "VERB"), None)
        if lemma in PLAN_VERBS | ASPECT_VERBS and (
                any(c.dep_ == "xcomp" for c in v.children) or by_inner is not None):
            return None
        top = v
        while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX") and \
                not _has_own(top, "nsubj") and not _has_own(top, "nsubjpass"):
            top = top.head  # "demanded that the rebels lay down their arms and surrender"
        if top.dep_ in ("xcomp", "ccomp") and top.head.lemma_.lower() in CONTENT_HEADS:
            return None  # the content of a threat, demand or refusal: that verb is the event
        objs, preps = self.objects(v)
        obj_lemmas = [_object_lemma(o) for o in objs]
        code = classify_verb(lemma, obj_lemmas, preps)
        noun = _supported_noun(v) if code is None else None
        if noun is not None:
            code = classify_noun(_object_lemma(noun))
        code = _by_subject(v, lemma, code, obj_lemmas)
        if lemma in DEMAND_VERBS and any(c.dep_ == "xcomp" for c in v.children):
            # "ordered troops to withdraw": the object is the one asked; the act ordered is
            # the complement's, so the order itself is a demand whatever its object
            code = classify_verb(lemma, [], preps)
            if lemma == "order" and _orders_out(v):
                code = Code("SANCTION", "expel")  # "ordered the ambassador to leave" (166)
        if lemma in SPEECH_VERBS and (code is None or code.category not in VERBAL_ACTS) and \
                not any(o in VERB_OBJECT_CODES.get(lemma, {}) for o in obj_lemmas):
            return None  # but "declared a curfew" is an act, not a statement
        if lemma in ("be", "have", "do"):
            return None
        inner_code: Code | None = None
        inner_objs: list[Token] = []
        if inner is not None and code is not None and code.category in VERBAL_ACTS:
            inner_objs, inner_preps = self.objects(inner)
            inner_code = classify_verb(inner.lemma_.lower(), [_object_lemma(o) for o in inner_objs],
                                       inner_preps)
        chain = self.chain(v)
        negs = [c for t in chain for c in t.children if c.dep_ == "neg"
                or (c.dep_ == "advmod" and c.lower_ in ("never",))]
        no_longer = any(c.lower_ == "longer" and (
            any(x.lower_ == "no" for x in c.children) or v.doc[c.i - 1].lower_ == "no")
            for t in chain for c in t.children)
        if no_longer and (code is None or code.category in (
                "AID", "SUPPORT", "COOPERATE", "CONSULT", "AGREE")) and objs:
            code = Code("SANCTION", "discontinue")
            negs = []
        # "said it would not meet the demands", "will not negotiate": a cooperative act
        # announced as not going to happen is a refusal, which PLOVER codes REJECT
        refused = bool(negs) and code is not None and code.category in COOPERATIVE and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX for t in chain for c in t.children)
        if refused:
            code = Code("REJECT")
            negs = []
        if code is None and (lemma not in SALIENT_VERBS or v.dep_ == "relcl"):
            return None
        subj, _agentive = self.subject(v, code)
        if subj is None:
            return None
        own_subject = subj.head.i == v.i or subj.head.head.i == v.i or \
            subj.i in self.repaired
        if code is None and (not own_subject or v.dep_ in ("acl", "relcl")):
            return None  # a plain news verb needs its own subject to be worth reporting
        speech, speaker = _speech_and_speaker(chain)
        actors = self.names(subj, speaker)
        if not actors:
            return None
        if code is not None and code.category == "THREATEN":
            code = Code("THREATEN", threat_mode(inner_code, [_object_lemma(o) for o in inner_objs]))
        elif code is not None and code.category in ("REQUEST", "REJECT") and code.mode is None:
            code = Code(code.category, request_mode(
                obj_lemmas + [_object_lemma(o) for o in inner_objs]
                + ([inner.lemma_.lower()] if inner is not None else [])))
        source = self.source(v, chain, speech, speaker)
        modality = self.modality(v, chain, code, negs, source, actors)
        if refused and modality == "planned":
            modality = "asserted"  # the refusal is made now; the act is what will not come
        targets = self.recipients(v, objs, actors, code.category if code else None, inner,
                                  inner_objs)
        content = [inner] if inner is not None and code is not None and \
            code.category in VERBAL_ACTS else []
        return self.build(v, si, sent, actors, targets, code, modality, source, chain,
                          objs + inner_objs, content)

    def noun_event(self, n: Token, si: int, sent: Span) -> EventMention | None:
        code = classify_noun(n.lemma_.lower())
        if code is None:
            return None
        if n.dep_ == "dobj" and n.head.pos_ == "VERB" and _supported_noun(n.head) == n:
            return None  # "completed their withdrawal": the verb's event carries it
        actor_tok = next((c for c in n.children if c.dep_ == "poss"), None)
        if actor_tok is None:
            by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            if by is not None:
                actor_tok = next((p for p in by.children if p.dep_ == "pobj"), None)
        if actor_tok is None:
            return None
        actors = self.names(actor_tok)
        if not actors or any(a.via for a in actors):
            # "the country's sanctions": a possessive is agent or patient; only a name that
            # stands there itself is trusted, not one reached through "its" or "the country"
            return None
        objs, _preps = self.objects(n)
        acl = next((c for c in n.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        if acl is not None:
            more, _ = self.objects(acl)
            objs = objs + more
        targets = self.targets(n, objs, actors)
        content = [acl] if acl is not None else []
        return self.build(n, si, sent, actors, targets, code, "asserted", None, [n], objs,
                          content)

    # ----------------------------------------------------------------- fields
    def source(self, v: Token, chain: list[Token], speech: Token | None,
               speaker: Token | None) -> Argument | None:
        if speech is not None and speaker is not None:
            return self.name(speaker)
        noun = next((n for t in chain if (n := _demand_content(t)) is not None), None)
        if noun is not None and noun.dep_ in ("dobj", "pobj"):
            # "Chirac issued a stern reminder to Iraq that it must cooperate": the one who
            # issued the demand
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and verb.pos_ == "VERB":
                return self.name(subj)
        for t in chain:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    for to in c.children:
                        for p in to.children:
                            if p.dep_ == "pobj":
                                a = self.name(p)
                                if a is not None:
                                    return a
                                span = self.sdoc[p.left_edge.i: p.i + 1]
                                return Argument(span.text, span.start_char, span.end_char)
        return None

    def modality(self, v: Token, chain: list[Token], code: Code | None, negs: list[Token],
                 source: Argument | None, actors: list[Argument]) -> Modality:
        lemmas = {t.lemma_.lower() for t in chain[1:]}
        auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for t in chain for c in t.children if c.dep_ == "mark"}
        if code is not None and code.category == "THREATEN":
            return "threatened"
        if code is not None and code.category == "REQUEST" and v.lemma_.lower() in DEMAND_VERBS:
            return "demanded"
        if any(_demand_content(t) is not None for t in chain):
            return "demanded"  # "reiterated its demand that Israel ease restrictions"
        if negs:
            return "negated"
        if auxes & HYPOTHETICAL_AUX or marks & {"if", "unless"}:
            return "hypothetical"
        if lemmas & THREAT_VERBS:
            return "threatened"
        # an obligation is a demand unless a plan verb governs it or the speaker binds itself
        if lemmas & DEMAND_VERBS or (_obliged(chain) and not _self_obligation(v, source, actors)):
            return "demanded"
        offered = offers(v) and code is not None and code.category != "SUPPORT"
        if auxes & FUTURE_AUX or lemmas & PLAN_VERBS or offered or any(
                t.lemma_.lower() == "set" and t.tag_ == "VBN" for t in chain[1:]):
            # an act announced on a condition is a threat ("will withdraw its force unless
            # ... a ceasefire"), as PLOVER codes it
            return "threatened" if conditional(chain) else "planned"
        if source is not None and all(a.text != source.text for a in actors):
            past = v.tag_ in ("VBD", "VBN") or "had" in auxes or "has" in auxes \
                or "have" in auxes or "was" in auxes or "were" in auxes
            if past or v.tag_ in ("VBZ", "VBP", "VBG"):
                return "reported"
        return "asserted"

    def recipients(self, v: Token, objs: list[Token], actors: list[Argument],
                   category: str | None, inner: Token | None = None,
                   inner_objs: Sequence[Token] = ()) -> list[Argument]:
        """The recipients of an event on ``v`` of ``category``, first rule that finds any:
        the objects' names (and groups, in hostile categories; the maker of an offer, call or
        plan the event answers: "rejected an offer from Afghanistan"); for a demand or
        accusation, the subject of the act demanded ("demanded that the US cancel ..."): the
        one asked to act; the names among the objects of the act it reports or agrees to
        (``inner``: "threatened to break relations with Russia", "agreed to provide aid for
        Romania"; ``inner_objs`` are found here when not given); the place the act is done
        in or to (:meth:`place_recipients`); for a protest, whom its purpose or reason names
        (:meth:`protested`); for a threat on a condition, whoever must meet it; for a threat,
        demand or promise, whom it is told to (:meth:`addressee`)."""
        groups = category in GROUP_RECIPIENT_CATEGORIES
        if inner is not None and not inner_objs and category is not None:
            # the act agreed to, offered or refused holds the recipient ("agreed to provide
            # aid for Romania")
            inner_objs = self.objects(inner)[0]
        targets = self.targets(v, objs, actors, groups)
        if not targets and inner is not None and category in ("REQUEST", "ACCUSE"):
            # the one asked to act or accused: "demanded that Hamas renounce its struggle
            # against Israel" is a demand on Hamas, not on Israel
            inner_subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")),
                              None)
            if inner_subj is not None and inner_subj.pos_ != "PRON":
                targets = _others(self.names(inner_subj) or self._party(inner_subj), actors)
        if not targets and inner is not None and inner_objs:
            targets = self.targets(inner, list(inner_objs), actors, groups)
        if not targets and category is not None and category in PLACE_RECIPIENT_CATEGORIES:
            targets = self.place_recipients(v, objs, actors, category, inner, inner_objs)
        if not targets and category == "PROTEST":
            targets = self.protested(v, actors)
        if not targets and category == "THREATEN":
            # a threat on a condition is addressed to whoever must meet it ("threatened to
            # strike unless Israel rescinded ...", "if the United States goes ahead")
            # (the first such clause of the act threatened, else of the threat)
            conds = [next((c for c in h.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)), None)
                for h in (inner, v) if h is not None]
            for cond in (c for c in conds if c is not None):
                subj = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None)
                if subj is not None and subj.pos_ != "PRON":
                    targets = _others(self.names(subj) or self._party(subj), actors)
                    break
        if not targets and category in ADDRESSED_CATEGORIES:
            targets = self.addressee(self.chain(v)[-1], actors)
        return targets

    def place_recipients(self, v: Token, objs: list[Token], actors: list[Argument],
                         category: str, inner: Token | None = None,
                         inner_objs: Sequence[Token] = ()) -> list[Argument]:
        """The place as recipient (:data:`PLACE_RECIPIENT_CATEGORIES`): of the event, else
        of the act it reports or agrees to."""
        targets: list[Argument] = []
        for h, hobjs in ((v, objs), (inner, list(inner_objs))):
            if h is None:
                continue
            if h.i == v.i and category in VERBAL_ACTS:
                # where a demand or a threat is voiced is no recipient ("In Washington,
                # the White House called on ..."); the place of what it is about is
                hobjs = [p for o in objs for p in _prep_objects(o, PLACE_TARGET_PREPS)]
                targets = _others([_arg(n) for p in hobjs if (n := self.res.name_at(p.i))
                                   is not None and n.label in PLACE_LABELS], actors)
                if targets:
                    break
                continue
            if h.lemma_.lower() in WITHDRAW_VERBS:
                # the place withdrawn from ("will withdraw its force from Chad")
                targets = self.place_targets(h, hobjs, actors, frozenset({"from"}))
            # where force or protest is used, a place set first is still the one it is
            # used in; for other acts it is the scene of the news
            targets = targets or self.place_targets(
                h, hobjs, actors, fronted=category in PLACE_OF_FORCE)
            if targets:
                break
        return targets

    def addressee(self, top: Token, actors: list[Argument]) -> list[Argument]:
        """Whom a threat, demand or promise is told to, named as the object of the verb
        whose clause tells it ("cautioned Pakistan that the military would retaliate",
        "assured Kenya it would withdraw"); names only ("told reporters" is no recipient)."""
        cur = top
        for _ in range(3):
            if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
                continue
            if cur.dep_ != "ccomp" or cur.head.pos_ not in ("VERB", "AUX"):
                return []
            heads = [c for c in cur.head.children if c.dep_ in ("dobj", "dative")]
            heads += [p for c in heads if c.dep_ == "dative" for p in c.children
                      if p.dep_ == "pobj"]
            return _others([a for c in heads for a in self.names(c)], actors)
        return []

    def protested(self, v: Token, actors: list[Argument]) -> list[Argument]:
        """Whom a protest is against, named in its purpose or its reason: "staged
        demonstrations to demand reforms by President Suharto's government", "a hunger strike
        in protest of the Russian government's refusal", "blocked a road to show their
        disapproval for the United States' policies"."""
        spans = [c for c in v.children if (c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB")
                 or (c.dep_ == "prep" and c.lower_ in ("against", "over"))
                 or (c.dep_ == "prep" and c.lower_ == "in" and any(
                     p.lemma_.lower() == "protest" for p in c.children))]
        for c in spans:
            for t in c.subtree:
                if t.dep_ not in ("poss", "pobj", "dobj") or t.i in {a.start for a in actors}:
                    continue
                found = _others(self.names(t), actors)
                if found:
                    return found
        return []

    def targets(self, v: Token, objs: list[Token], actors: list[Argument],
                groups: bool = False) -> list[Argument]:
        """Recipients among the objects of ``v``: names, and with ``groups`` also common-noun
        groups tied to a nation or naming people on the receiving end (:meth:`_group`)."""
        cands: list[Token] = []
        for o in objs:
            if o.dep_ == "pobj" and o.head.lower_ not in TARGET_PREPS:
                continue
            cands.append(o)
        for o in list(objs):
            message = o.lemma_.lower() in MESSAGE_NOUNS
            # a message answered may also be a prepositional object ("bowed to opposition
            # demands", "declined despite appeals from business leaders")
            if o.dep_ in ("dobj", "nsubjpass", "attr") or (o.dep_ == "pobj" and message):
                for c in o.children:
                    if c.dep_ == "poss":
                        cands.append(c)
                    if message and c.dep_ == "compound" and (
                            c.pos_ == "PROPN" or c.lemma_.lower() in PARTY_NOUNS):
                        cands.append(c)  # "a United Nations appeal", "opposition demands"
                    if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {
                            "of", "between", "for", "by"}:
                        cands.extend(p for p in c.children if p.dep_ == "pobj")
                        # "70 million dollars of aid for Romania": the aid's own recipient
                        cands.extend(pp for p in c.children if p.dep_ == "pobj"
                                     for x in p.children if x.dep_ == "prep"
                                     and x.lower_ in ("for", "to")
                                     for pp in x.children if pp.dep_ == "pobj")
        for c in v.children:
            if c.dep_ == "dative":
                cands.extend(p for p in c.children if p.dep_ == "pobj")
                if c.pos_ in ("PROPN", "NOUN"):
                    cands.append(c)
            if v.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
                cands.extend(p for p in c.children if p.dep_ == "pobj")
        out: list[Argument] = []
        for c in list(cands):
            if c.pos_ == "NOUN" and not self.names(c):
                # "agreed to US mediation": the name modifying a prepositional object (not
                # "UK aid", where the modifier is the giver)
                if c.dep_ == "pobj":
                    cands.extend(x for x in c.children if x.dep_ == "compound"
                                 and x.ent_type_ in ("GPE", "ORG", "NORP"))
                # "the president of Armenia", "the people of Haiti": whom the role stands for
                if c.lemma_.lower() in ROLE_WORDS | PATIENT_NOUNS | PEOPLE_NOUNS:
                    cands.extend(p for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                 for p in x.children if p.dep_ == "pobj")
        # the troops deployed, the citizens evacuated are the actor's own, not recipients
        parties = v.lemma_.lower() not in MOVING_VERBS
        for c in cands:
            found = self.names(c) or (self._group(c) if groups else []) or (
                self._party(c) if parties and not self._own(v, c) else [])
            for a in found:
                if a.via is not None and a.via.lower() in ("its", "his", "her", "their"):
                    continue  # possessives ("its mission") are rarely the recipient
                if c.dep_ == "pobj" and c.head.lower_ in ("from", "into") and \
                        c.ent_type_ in PLACE_LABELS and c.head.head.i == v.i:
                    continue  # a place left or entered, not an "offer from Afghanistan"
                if all(a.text != b.text for b in actors + out):
                    out.append(a)
        if not out and parties:
            # what is aimed at: a party only ("fired tear gas at thousands of demonstrators"),
            # never a named place or venue ("met at the UN headquarters")
            aimed = [p for h in (v, *(o for o in objs if o.dep_ == "dobj"))
                     for p in _prep_objects(h, frozenset({"at"}))]
            out = _others([a for c in aimed for a in self._party(c)], actors)
        return out

    def _group(self, tok: Token) -> list[Argument]:
        """A recipient named by a common noun: a people noun ("civilians", "detainees") or
        any noun tied to a nation or place ("Palestinian homes", "Danish Web sites"), as the
        noun phrase without its determiner and numbers."""
        if tok.pos_ != "NOUN":
            return []
        lefts = _modifiers(tok)
        national = any(t.ent_type_ in ("NORP", "GPE") for c in lefts for t in c.subtree)
        if not national and tok.lemma_.lower() not in PATIENT_NOUNS:
            return []
        first = min((c.left_edge.i for c in lefts), default=tok.i)
        span = self.sdoc[first: tok.i + 1]
        return [Argument(span.text, span.start_char, span.end_char)]

    @staticmethod
    def _own(v: Token, tok: Token) -> bool:
        """Whether ``tok`` is the actor's own people brought to safety ("rescued its
        sailors"), where "rescued 42 abducted schoolgirls" helps others."""
        return v.lemma_.lower() == "rescue" and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
            for c in tok.children)

    def _party(self, tok: Token) -> list[Argument]:
        """A recipient named by a common noun for people or a body, in any category: "called
        his Omani counterpart", "endorsed the opposition candidate", "fired tear gas at
        thousands of demonstrators" (a number or a part of a group stands for its members),
        as the noun phrase without its determiner and numbers."""
        if tok.pos_ == "NUM" or (tok.pos_ == "NOUN" and tok.lemma_.lower() in PARTITIVE_NOUNS):
            of = next(_prep_objects(tok, frozenset({"of"})), None)
            return [] if of is None else self.names(of) or self._party(of)
        low = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or low not in PARTY_NOUNS:
            return []
        lefts = _modifiers(tok)
        if low in AMBIGUOUS_PARTY_NOUNS and not lefts:
            return []  # "used force against", "a fuel tank": only "Turkish forces" is a party
        if low == "state" and any(o.lemma_.lower() in STATE_OF_NOUNS
                                  for o in _prep_objects(tok, frozenset({"of"}))):
            return []  # "a 30-day state of siege", not "the regional state of Jubaland"
        first = min((c.left_edge.i for c in lefts), default=tok.i)
        # "companies in the Russian rocket industry": the body or place it belongs to names
        # which group it is (the offsets keep to the group's own words)
        span = self.sdoc[first: self._affiliation_end(tok) + 1]
        return [Argument(span.text, span.start_char, tok.idx + len(tok))]

    def _affiliation_end(self, tok: Token) -> int:
        """The last token of the name a group noun belongs to, within eight tokens
        ("leaders of the Azadliq coalition", "activists from the Fatah party"), else the
        noun's own index."""
        for p in _prep_objects(tok, AFFILIATION_PREPS):
            if p.right_edge.i - tok.i <= 8 and any(
                    self.res.name_at(t.i) is not None for t in p.subtree):
                return p.right_edge.i
        return tok.i

    def place_targets(self, v: Token, objs: list[Token], actors: list[Argument],
                      preps: frozenset[str] = PLACE_TARGET_PREPS,
                      fronted: bool = True) -> list[Argument]:
        """Places an event happens to ("in Kabul", "at the jail in Dili"), for categories
        that PLOVER codes with a place as recipient (:data:`PLACE_RECIPIENT_CATEGORIES`);
        ``fronted``: also a place set before the verb ("In Yemen, protesters marched")."""
        out: list[Argument] = []
        # the place of the event's object ("fired shells at targets in Jericho", "a state of
        # siege in Haiti") as well as of the event itself
        # not what comes from a place ("airlift food from its hub in El Salvador") nor a
        # meeting's venue ("hold a conference at the UN headquarters in New York")
        heads = [v, *(o for o in objs if o.lemma_.lower() not in MEETING_NOUNS and not (
            o.dep_ == "pobj" and o.head.lower_ == "from" and "from" not in preps))]
        heads += [p for o in heads[1:] for p in _prep_objects(o, frozenset({"of", "at", "on"}))]
        for h in heads:
            for p in _prep_objects(h, preps):
                if h.i == v.i and p.i < v.i and not fronted:
                    continue  # a fronted scene ("In Washington, officials agreed ...")
                if p.lemma_.lower() in PLACE_NOUNS:
                    # "in the capital city of Algiers", "in the town of Cizre"
                    p = next(_prep_objects(p, frozenset({"of"})), p)
                n = self.res.name_at(p.i)
                if n is None or n.label not in PLACE_LABELS:
                    continue
                a = _arg(n)
                if all(a.text != b.text for b in actors + out):
                    out.append(a)
        return out

    def location(self, v: Token, objs: list[Token]) -> str | None:
        heads = [v, *objs]
        seen: set[int] = set()
        while heads:
            h = heads.pop(0)
            if h.i in seen:
                continue
            seen.add(h.i)
            for p in _prep_objects(h, LOCATIVE_PREPS):
                place = self._place(p)
                if place is not None:
                    return place
                heads.append(p)
        return None

    def _place(self, p: Token) -> str | None:
        n = self.res.name_at(p.i)
        if n is not None and (n.label in PLACE_LABELS or (
                n.label == "PERSON" and not self.res.is_person(n) and " " not in n.text)):
            return n.text
        comps = [c for c in p.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if p.pos_ == "NOUN" and comps:
            cn = self.res.name_at(comps[0].i)
            if cn is None or cn.label in PLACE_LABELS or not self.res.is_person(cn):
                return self.sdoc[comps[0].i: comps[-1].i + 1].text
        return None

    def when(self, v: Token, chain: list[Token], sent: Span) -> TimeExpression | None:
        spans: list[tuple[int, int]] = [(v.left_edge.idx, v.right_edge.idx + len(v.right_edge))]
        for t in chain:
            for c in t.children:
                if c.dep_ in ("prep", "npadvmod", "advmod", "tmod"):
                    spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
        for tx in self.timexes:
            if any(s <= tx.start and tx.end <= e for s, e in spans):
                return tx
        in_sent = [tx for tx in self.timexes
                   if sent.start_char <= tx.start and tx.end <= sent.end_char]
        return in_sent[0] if len(in_sent) == 1 else None

    # ----------------------------------------------------------------- assembling
    def build(self, v: Token, si: int, sent: Span, actors: list[Argument],
              targets: list[Argument], code: Code | None, modality: Modality,
              source: Argument | None, chain: list[Token], objs: list[Token],
              content: list[Token]) -> EventMention:
        tx = self.when(v, chain, sent)
        target_chars = {(a.start, a.end) for a in targets}
        return EventMention(
            doc_id=self.doc.id,
            sentence=si,
            sentence_text=sent.text.strip(),
            trigger=v.text,
            lemma=repair_lemma(v.lemma_, v.text) if v.pos_ == "VERB" else v.lemma_.lower(),
            start=v.idx,
            end=v.idx + len(v),
            actors=actors,
            targets=targets,
            category=code.category if code else None,
            mode=code.mode if code else None,
            modality=modality,
            date=tx.calendar_date() if tx else None,
            time=tx,
            location=self.location(v, objs),
            source=source,
            summary=self.summary(v, actors, content, chain),
            keywords=self.keywords(v, objs, content, target_chars),
        )

    def summary(self, v: Token, actors: list[Argument], content: list[Token],
                chain: list[Token]) -> str:
        """Actor names + the verb group + its objects and complements, in sentence order."""
        toks: set[int] = {v.i}
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ == "NOUN":
            toks.update(t.i for c in v.head.lefts for t in c.subtree)
            toks.add(v.head.i)
        for step, up in itertools.pairwise(chain):
            if step.dep_ == "acl" or (step.dep_ == "conj" and up.i < step.i - 8):
                break
            toks.add(up.i)
            toks.update(c.i for c in up.children if c.dep_ in ("aux", "neg", "prt", "auxpass"))
            toks.update(c.i for c in step.children if c.dep_ == "aux")
            if step.dep_ == "pcomp":
                toks.add(step.head.i)
        for c in v.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt") or (
                    c.dep_ == "advmod" and c.lower_ in _SUMMARY_ADVERBS) or c.dep_ in ("dobj", "dative", "attr", "oprd", "xcomp", "acomp", "agent") or (
                    c.dep_ == "nsubjpass") or (c.dep_ in ("ccomp", "acl") and c in content) or (
                    c.dep_ == "prep") or (c.dep_ == "poss" and v.pos_ == "NOUN"):
                toks.update(t.i for t in c.subtree)
        keep = {t.i for t in chain} | {v.i}
        for i in sorted(toks):
            t = self.sdoc[i]
            if i in toks and i not in keep and (_skip_prep(t) or t.dep_ in ("relcl", "advcl", "appos")
                              or i in self.repaired):
                drop = {x.i for x in t.subtree}
                if i in self.repaired:
                    drop |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < i}
                toks -= drop
        words = [self.sdoc[i] for i in sorted(_whole_words(self.sdoc, toks))]
        words = [w for w in words if w.text not in QUOTE_CHARS and not w.is_space]
        pieces: list[str] = []
        for k, w in enumerate(words):
            nxt = words[k + 1] if k + 1 < len(words) else None
            gap = w.whitespace_ or (nxt is not None and nxt.i != w.i + 1)
            pieces.append(_spelt_out(w) + (" " if gap else ""))
        body = " ".join("".join(pieces).split())
        passive = any(c.dep_ in ("nsubjpass", "agent") for c in v.children)
        own_subject = v.pos_ == "NOUN" or passive
        head = "" if own_subject else " and ".join(a.text for a in actors)
        text = f"{head} {body}".strip() if head else body
        parts = text.split()
        if len(parts) > MAX_SUMMARY_WORDS:
            parts = parts[:MAX_SUMMARY_WORDS]
        while parts and parts[-1].lower().strip(",;:") in _TRAILING_STOP:
            parts.pop()
        return " ".join(parts).rstrip(",;:- ")

    @staticmethod
    def keywords(v: Token, objs: list[Token], content: list[Token],
                 target_chars: set[tuple[int, int]]) -> tuple[str, ...]:
        out: list[str] = [v.lemma_.lower()]

        def add(t: Token) -> None:
            if t.is_stop or t.pos_ not in ("NOUN", "PROPN", "VERB") or not t.is_alpha:
                return
            if t.ent_type_ in NON_NAME_LABELS or t.ent_type_ in ("NORP",):
                return
            if any(s <= t.idx < e for s, e in target_chars):
                return
            lem = _lemma(t)
            if lem and lem not in out:
                out.append(lem)

        for c in content:
            add(c)
        heads: list[Token] = [o for o in objs if not (o.dep_ == "pobj" and _skip_prep(o.head))]
        heads += content
        seen: set[int] = set()
        while heads and len(seen) < 40:
            h = heads.pop(0)
            if h.i in seen:
                continue
            seen.add(h.i)
            add(h)
            for c in h.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN":
                    add(c)
                if c.dep_ in ("dobj", "pobj", "conj"):
                    heads.append(c)
                if c.dep_ == "prep" and not _skip_prep(c):
                    heads.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
        return tuple(out[:MAX_KEYWORDS])


#: Adverbs a summary keeps: negation, and particles parsed as adverbs that complete the verb
#: ("turned away", "driven back").
_SUMMARY_ADVERBS = frozenset({"longer", "not", "never", "no", "away", "back", "down", "off",
                              "out", "up", "apart", "aside"})


_CLITICS = {("'s", "be"): "is", ("'s", "have"): "has", ("'re", "be"): "are",
            ("'m", "be"): "am", ("'ve", "have"): "have", ("'ll", "will"): "will"}


def _spelt_out(w: Token) -> str:
    """A contracted auxiliary written out, so that it reads after the actor's name that
    replaces its subject ("it's sending" -> "United Nations is sending")."""
    if w.dep_ in ("aux", "auxpass", "ROOT") or w.pos_ == "AUX":
        full = _CLITICS.get((w.lower_.replace("’", "'"), w.lemma_.lower()))
        if full:
            return " " + full
    return w.text


def _whole_words(sdoc: Doc, toks: set[int]) -> set[int]:
    """The token indices widened to whole written words: a word piece glued to a kept token
    without a space ("m" of "$562m", "s" of "1990s") comes along, whatever the parse made of
    it, so that a summary never cuts a word in two."""
    out = set(toks)

    def piece(t: Token) -> bool:
        return t.is_alpha or t.like_num or t.is_currency or t.text == "%"

    for i in toks:
        if not piece(sdoc[i]):
            continue
        j = i
        while j + 1 < len(sdoc) and not sdoc[j].whitespace_ and piece(sdoc[j + 1]):
            j += 1
            out.add(j)
        j = i
        while j > 0 and not sdoc[j - 1].whitespace_ and piece(sdoc[j - 1]):
            j -= 1
            out.add(j)
    return out


def _others(found: Iterable[Argument], actors: Sequence[Argument]) -> list[Argument]:
    """The participants of ``found`` that are not already among ``actors`` (by text)."""
    return [a for a in found if all(a.text != b.text for b in actors)]


def _modifiers(tok: Token) -> list[Token]:
    """The adjectives, compounds and noun modifiers before a noun ("Palestinian homes",
    "Free Aceh Movement rebels"), punctuation aside."""
    return [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and not c.is_punct]


def _skip_prep(t: Token) -> bool:
    """Prepositional adjuncts that are circumstances, not part of the event (reasons, dates)."""
    if t.dep_ not in ("prep", "agent") or t.dep_ == "agent":
        return False
    if t.lower_ in SUMMARY_SKIP_PREPS:
        return True
    return any(p.lemma_.lower() in CONTEXT_NOUNS or p.ent_type_ in ("DATE", "TIME")
               for p in t.children if p.dep_ == "pobj")


_TRAILING_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "with", "and", "or", "for", "from", "by", "at",
    "its", "their", "his", "her", "that", "as", "into", "until", "unless", "if", "but",
})


def _repaired_subject(v: Token) -> Token | None:
    """A subject the parser attached elsewhere, for a finite verb left without one.

    In "X rejected the demands and Y has cancelled ..." the small model often reads "Y" as a
    second object of "rejected"; the verb "cancelled" then has no subject.  In "Worsening the
    relations between agencies, Y, on Wednesday, released a video" it reads "Y" as an
    apposition of "agencies".
    """
    if v.dep_ == "ROOT" and v.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "csubj" and c.tag_ != "VBG")
            for c in v.children):
        return _apposition_subject(v)
    if v.dep_ != "conj" or v.left_edge.i == 0:
        return None
    prev = v.doc[v.left_edge.i - 1]
    if prev.dep_ == "conj" and prev.pos_ == "PROPN" and prev.head.i < prev.i < v.i \
            and prev.head.dep_ in ("dobj", "pobj"):
        return prev
    return None


def _apposition_subject(v: Token) -> Token | None:
    """The proper name set off by commas just before ``v`` (only adjuncts in between)."""
    i = v.i - 1
    sent_start = v.sent.start
    # skip back over ", on Wednesday," style adjuncts: punctuation, prepositions, dates, adverbs
    while i >= sent_start and (v.doc[i].is_punct or v.doc[i].ent_type_ in ("DATE", "TIME")
                               or (v.doc[i].dep_ in ("prep", "pobj", "advmod", "det")
                               and v.doc[i].head.i >= v.i - 6)):
        if v.doc[i].pos_ == "PROPN" and v.doc[i].ent_type_ not in ("DATE", "TIME"):
            break
        i -= 1
    if i < sent_start:
        return None
    tok = v.doc[i]
    if tok.pos_ == "PROPN" and tok.dep_ in ("appos", "npadvmod", "conj") and tok.i + 1 < v.i \
            and v.doc[tok.i + 1].is_punct and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return tok
    return None


def _cleft_subject(tok: Token) -> bool:
    """The "it" of a cleft sentence ("it is X that ...", "it was Y who ..."), not a pronoun."""
    head = tok.head
    return tok.dep_ == "nsubj" and head.lemma_ == "be" and any(
        c.dep_ == "attr" and any(r.dep_ == "relcl" for r in c.subtree) for c in head.children)


def _has_own(v: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in v.children)


def _lemma(t: Token) -> str:
    if t.pos_ == "PROPN" or t.ent_type_:
        return t.text.lower()
    return t.lemma_.lower()


#: Nouns that measure out what an act moves ("700 kg of medicine", "two planeloads of tents"):
#: the lexicon reads the thing measured.
MEASURE_NOUNS: frozenset[str] = frozenset({
    "kg", "kilogram", "kilo", "ton", "tonne", "pound", "lb", "barrel", "litre", "liter",
    "gallon", "dose", "crate", "box", "truckload", "planeload", "shipload", "shipment",
    "consignment", "batch", "load", "package", "parcel", "bag", "sack", "amount", "quantity",
})


#: Nouns for a body of people sent or received, read through to its members ("received a
#: mission of observers", "the deployment of UN peacekeepers", "a team of inspectors"), and
#: for a run of acts ("called off its week of protests", "a wave of strikes").
COLLECTIVE_NOUNS: frozenset[str] = frozenset({
    "mission", "delegation", "team", "contingent", "deployment", "detachment", "battalion",
    "round", "campaign", "series", "wave", "spate", "week", "day",
})
#: Adverbs the parse gives for a phrasal verb's particle ("brushed aside the calls").
ADVERB_PARTICLES: frozenset[str] = frozenset({
    "aside", "down", "off", "back", "out", "up", "over", "away"})
#: Verbs that carry out, begin or end the act their object names ("completed their
#: withdrawal", "speeded up the pullout", "carried out an airstrike"): the act's category.
SUPPORT_VERBS: frozenset[str] = frozenset({
    "complete", "begin", "start", "speed", "accelerate", "carry", "finish", "step",
    "intensify", "escalate",
})
#: Categories of material acts that a noun can name for a support verb (not verbal ones:
#: "began a demand" says nothing).
MATERIAL_NOUN_CATEGORIES: frozenset[str] = frozenset({
    "RETREAT", "ASSAULT", "PROTEST", "COERCE", "CONSULT", "SANCTION",
})


def _supported_noun(v: Token) -> Token | None:
    """The event noun that ``v`` (a support verb) carries out, if any."""
    if repair_lemma(v.lemma_, v.text) not in SUPPORT_VERBS:
        return None
    return next((c for c in v.children if c.dep_ == "dobj"
                 and (code := classify_noun(_object_lemma(c))) is not None
                 and code.category in MATERIAL_NOUN_CATEGORIES), None)


#: Those whom an order to leave expels (CAMEO 166): envoys, missions, agencies, reporters.
EXPELLED_NOUNS: frozenset[str] = frozenset({
    "ambassador", "diplomat", "envoy", "consul", "attache", "peacekeeper", "mission",
    "observer", "monitor", "inspector", "agency", "organization", "organisation", "ngo",
    "journalist", "correspondent", "representative", "charity", "delegation"})


def _orders_out(v: Token) -> bool:
    """Whether an order's complement is for a foreign envoy, body or name to leave ("ordered
    the envoy to leave the country", "ordered peacekeepers to begin leaving"); not an
    authority's order to its own people ("ordered the police to leave the campus")."""
    if not any(c.dep_ == "dobj" and (c.lemma_.lower() in EXPELLED_NOUNS or (
            c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")))
            for c in v.children):
        return False
    for c in v.children:
        if c.dep_ != "xcomp":
            continue
        if c.lemma_.lower() in ("begin", "start"):
            c = next((x for x in c.children if x.dep_ == "xcomp"), c)
        if c.lemma_.lower() in ("leave", "quit", "depart"):
            return True
    return False


#: What "a state of ..." stands for to the lexicon.
STATES: dict[str, str] = {
    "emergency": "emergency", "siege": "siege", "alert": "alert", "readiness": "alert"}


#: Objects read whole with their modifier: noun -> (modifiers, their dependency labels, what
#: the lexicon reads).
COMPOUND_OBJECTS: dict[str, tuple[frozenset[str], frozenset[str], str]] = {
    "law": (frozenset({"martial"}), frozenset({"amod"}), "martial law"),
    "strike": (frozenset({"hunger"}), frozenset({"compound", "amod"}), "hunger strike"),
    "operation": (frozenset({"military", "combat", "offensive"}),
                  frozenset({"amod", "compound"}), "military operation"),
    **{n: (frozenset({"joint"}), frozenset({"amod"}), "joint exercise")
       for n in ("exercise", "drill", "manoeuvre", "maneuver")},
    "status": (frozenset({"refugee", "asylum"}), frozenset({"compound", "amod"}), "asylum"),
}


#: Crowds whose gathering or violence is a protest (CAMEO 141, 145).
PROTESTER_NOUNS: frozenset[str] = frozenset({
    "protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher"})
#: Those whose stopping work is a strike (CAMEO 143).
WORKER_NOUNS: frozenset[str] = frozenset({
    "worker", "driver", "miner", "teacher", "doctor", "nurse", "employee", "staff", "docker",
    "pilot", "union", "trucker", "controller", "conductor", "unionist", "railwayman"})
#: Armed forces: their cutting off of roads is a blockade (CAMEO 191), not an obstruction.
SECURITY_NOUNS: frozenset[str] = frozenset({
    "troop", "soldier", "army", "force", "police", "policeman", "military", "navy", "tank",
    "militia", "rebel", "fighter", "militant", "gunman", "insurgent"})
GATHER_VERBS: frozenset[str] = frozenset({"gather", "assemble", "converge", "throng", "mass"})
RIOT_VERBS: frozenset[str] = frozenset({
    "ransack", "loot", "torch", "burn", "smash", "vandalize", "vandalise", "set", "storm"})


def _by_subject(v: Token, lemma: str, code: Code | None, objs: Sequence[str]) -> Code | None:
    """The code as the subject makes it: demonstrators gathering protest, rioting crowds
    riot, workers stopping work strike, troops cutting off roads blockade; a crowd that
    disperses coerces nobody."""
    if lemma == "disperse" and not any(c.dep_ == "dobj" for c in v.children):
        return None
    subj = _through_partitive(next((c for c in v.children if c.dep_ == "nsubj"), None))
    noun = subj.lemma_.lower() if subj is not None else ""
    if noun in PROTESTER_NOUNS:
        if code is None and lemma in GATHER_VERBS:
            return Code("PROTEST", "demo")
        if code is not None and code.category in ("COERCE", "ASSAULT") and lemma in RIOT_VERBS:
            return Code("PROTEST", "riot")
    if noun in WORKER_NOUNS and lemma in ("stop", "halt", "down") and (
            "work" in objs or "tool" in objs):
        return Code("PROTEST", "strike")
    if noun in SECURITY_NOUNS and code == Code("PROTEST", "obstruct"):
        return Code("COERCE", "restrict")
    return code


def _through_partitive(t: Token | None) -> Token | None:
    """``t``, or what it counts ("dozens of websites", "thousands of demonstrators")."""
    if t is not None and (t.lemma_.lower() in PARTITIVE_NOUNS or t.like_num):
        inner = next(_prep_objects(t, frozenset({"of"})), None)
        return inner if inner is not None else t
    return t


def _object_lemma(o: Token) -> str:
    """An object's lemma for the lexicon, read through a measure ("700 kg of medicine" ->
    "medicine") or a state ("a state of emergency" -> "emergency"); "martial law" whole; a
    date is no object ("in March" is no protest march)."""
    if o.ent_type_ in ("DATE", "TIME") and o.pos_ == "PROPN":
        return ""
    low = o.lemma_.lower()
    if low in MEASURE_NOUNS or low in COLLECTIVE_NOUNS or o.ent_type_ == "QUANTITY" \
            or low == "state":
        measured = next(_prep_objects(o, frozenset({"of"})), None)
        if measured is not None and low == "state":
            # "a state of emergency"; "the highest state of readiness" is an alert status
            state = STATES.get(measured.lemma_.lower())
            if state is not None:
                return state
        elif measured is not None:
            return _lemma(measured)
    if low in ("access", "control"):
        # "blocked access to news websites" censors; "took control of the town" occupies
        what = _through_partitive(next(_prep_objects(
            o, frozenset({"to" if low == "access" else "of"})), None))
        if what is not None and low == "access" and _lemma(what) in MEDIA_NOUNS:
            return _lemma(what)
        if what is not None and low == "control" and (
                what.ent_type_ in PLACE_LABELS or what.lemma_.lower() in FACILITY_NOUNS):
            return "control of place"
    whole = COMPOUND_OBJECTS.get(low)
    if whole is not None and any(c.lower_ in whole[0] and c.dep_ in whole[1]
                                 for c in o.children):
        return whole[2]
    if o.pos_ == "PROPN" and o.ent_type_ == "PERSON" and o.dep_ != "pobj":
        return "person"  # "will release Prime Minister Mahendra Chaudhry"
    return _lemma(o)


def extract_events(doc: Document, sdoc: Doc, timexes: list[TimeExpression],
                   classifier: LinearModel | bool = True,
                   fallback_probability: float | None = None) -> list[EventMention]:
    """Event mentions of one document, in text order.

    ``sdoc`` is ``nlp(doc.text)`` from :func:`storyline.nlp.load_pipeline`; ``timexes`` the
    document's normalized time expressions (used for ``date`` and ``time``).  ``classifier``:
    the sentence classifier that refines the lexicon's categories
    (:func:`refine_categories`) and types sentences the rules left without a typed event with
    an actor (:func:`fallback_mentions`): True for the packaged model (skipped when it is
    missing), False for the lexicon alone, or a :class:`~storyline.plover_model.LinearModel`.
    ``fallback_probability``: how sure the classifier must be to add an event to a sentence
    the rules left without one (default :data:`FALLBACK_PROBABILITY`).
    """
    ext = _Extractor(doc, sdoc, timexes)
    sents = list(sdoc.sents)
    # a question reports no act ("Do you want Obama to ask Mubarak to resign?"); the
    # classifier's fallback skips questions too (see _reports_event)
    mentions = [m for m in ext.run()
                if not (m.sentence < len(sents) and _is_question(sents[m.sentence]))]
    model = load_model() if classifier is True else classifier or None
    predictions: dict[int, Prediction] = {}
    if model is not None:
        predictions = refine_categories(mentions, sdoc, model)
        _place_recipients(ext, mentions)
        threshold = FALLBACK_PROBABILITY if fallback_probability is None \
            else fallback_probability
        mentions.extend(fallback_mentions(ext, mentions, model, threshold, predictions))
    mentions.sort(key=lambda m: m.start)
    mark_primary(mentions, sdoc, {si: p.category for si, p in predictions.items()})
    return mentions


def _place_recipients(ext: _Extractor, mentions: list[EventMention]) -> None:
    """Give the place an event is done in as its recipient (see
    :data:`PLACE_RECIPIENT_CATEGORIES`) to verb mentions that the classifier typed after the
    rules found no category, and so no recipient ("Israeli tanks fired shells at targets in
    Jericho")."""
    by_start = {t.idx: t for t in ext.sdoc}
    for m in mentions:
        v = by_start.get(m.start)
        if m.targets or m.category not in PLACE_RECIPIENT_CATEGORIES or v is None \
                or v.pos_ != "VERB":
            continue
        inner = _inner_verb(v)
        m.targets = ext.place_recipients(v, ext.objects(v)[0], m.actors, m.category, inner,
                                         ext.objects(inner)[0] if inner is not None else [])


def mark_primary(mentions: list[EventMention], sdoc: Doc,
                 predicted: dict[int, str] | None = None) -> None:
    """Flag each sentence's main event (:func:`primary_index`) as ``primary``.

    ``predicted`` maps sentence indexes to the classifier's category for the sentence, which
    breaks ties between the sentence's mentions.
    """
    predicted = predicted or {}
    sents = list(sdoc.sents)
    for m in mentions:
        m.primary = False
    for si, group in _by_sentence(mentions).items():
        root = sents[si].root.idx if si < len(sents) else None
        k = primary_index(group, predicted.get(si), root)
        if k is not None:
            group[k].primary = True


#: A sentence where the rules found no typed event with an actor gets one, typed by the
#: sentence classifier, when the classifier is at least this sure of its category and the
#: sentence reads as an event report (:func:`_reports_event`).  News prose is mostly not
#: events: the classifier also knows a class of sentences that report none (NONE, learnt
#: from 1,489 news sentences judged so, ``benchmarks/data/plover_news_labels.jsonl``), and
#: the category's probability is its share of the whole distribution.  Cross-validated on
#: those judgements (classifier alone, before the event-report check): without the NONE
#: class 40% of the no-event sentences reached 0.5; with it 5.6% reach 0.3 and 8.5% 0.2,
#: while 89% of the PLOVER gold sentences reach 0.3 (80% reached 0.5 before).
#: benchmarks/bench_events.py reports figures at this value and at 0.
FALLBACK_PROBABILITY = 0.3


def _typed_with_actor(m: EventMention) -> bool:
    return m.category is not None and bool(m.actors)


def _trigger_verb(sent: Span, category: str) -> Token | None:
    """The verb that best carries ``category``: one the lexicon codes so, else the root.

    Among verbs whose lexicon category (PLOVER-coded with the clause's modality estimate) is
    ``category``, the one nearest the root in the tree; failing that the root when it is a
    verb, else the first verb of the sentence.
    """
    best: tuple[int, int, Token] | None = None
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() in SPEECH_VERBS:
            continue
        code = _verb_code(t, t.lemma_.lower())
        if code is None:
            continue
        if category not in (code.category, plover_category(code.category, "planned"),
                            plover_category(code.category, "negated")):
            continue
        depth = sum(1 for _ in t.ancestors)
        if best is None or (depth, t.i) < best[:2]:
            best = (depth, t.i, t)
    if best is not None:
        return best[2]
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and root.lemma_.lower() not in SPEECH_VERBS:
        return root
    inner = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")
                  and c.pos_ == "VERB"), None)
    if inner is not None:
        return inner
    return next((t for t in sent if t.pos_ == "VERB"), None)


def _phrase_actor(ext: _Extractor, subj: Token) -> list[Argument]:
    """The participants a subject names, or its noun phrase when it names nobody."""
    actors = ext.names(subj)
    if not actors and subj.pos_ in ("NOUN", "PROPN"):
        # the whole noun phrase when short ("thousands of farmers"), else up to the head
        end = subj.right_edge.i if subj.right_edge.i - subj.left_edge.i < 7 else subj.i
        span = ext.sdoc[subj.left_edge.i: end + 1]
        actors = [Argument(span.text, span.start_char, span.end_char)]
    return actors


def _first_name(ext: _Extractor, sent: Span, after: int = -1) -> list[Argument]:
    """The first named entity or proper-noun chunk of the sentence (after token ``after``)."""
    for n in ext.res.names:
        if sent.start <= n.start < sent.end and n.start > after:
            return [_arg(n)]
    return []


def _fallback_actors(ext: _Extractor, v: Token, sent: Span) -> list[Argument]:
    """Actors for a classifier-typed event on ``v``: its subject, the root's, or a name.
    A passive participle clause without a subject ("When asked about the delay, the
    ministry said ...") has none: the main clause's subject is the one it was done to."""
    if _passive_participle_clause(v) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "agent") for c in v.children):
        return []
    root = sent.root
    # under a root verb of saying ("..., the defence ministry said") the reported clause's
    # main verb comes before the root, whose subject is the reporter
    top = v
    while top.head.i not in (root.i, top.i):
        top = top.head
    verbs = [v, top, root] if top.i != v.i and root.lemma_.lower() in SPEECH_VERBS else [v, root]
    for verb in verbs:
        subj, agentive = ext.subject(verb, None)
        if agentive and subj is not None and subj.pos_ == "NOUN" and not _agent_like(subj):
            return []  # what a thing did is no one's act: "roads blocked by corpses and debris"
        if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON"):
            actors = _phrase_actor(ext, subj)
            if actors:
                return actors
    return _first_name(ext, sent)


#: Weapons and violence that stand for their unnamed users as subjects ("a minefield
#: explosion killed two youths", "rockets hit the town").
VIOLENT_NOUNS: frozenset[str] = frozenset({
    "explosion", "blast", "bomb", "rocket", "missile", "shell", "mine", "grenade", "mortar",
    "shelling", "gunfire", "clash", "violence", "fighting", "unrest", "raid", "ambush",
    "airstrike", "strike", "drone", "artillery", "bullet", "gunshot"})
#: Nouns for people who act together that :data:`ACTOR_NOUNS` leaves out as actors of their
#: own, but that a passive agent names ("beaten by security personnel", "rescued by a team").
AGENT_NOUNS: frozenset[str] = frozenset({
    "personnel", "team", "crew", "staff", "volunteer", "rescuer", "looter", "charity",
    "delegate", "donor", "mob", "crowd", "throng", "member", "man", "woman", "people",
    "assailant", "thug", "guard", "unit", "squad", "patrol", "service", "worker"})
#: Every common noun :func:`_agent_like` accepts as a party that acts (event nouns aside).
AGENT_LIKE_NOUNS: frozenset[str] = (
    ACTOR_NOUNS | ROLE_PERSON | ROLE_ORG | ROLE_GPE | PEOPLE_NOUNS | PARTITIVE_NOUNS
    | PROXY_NOUNS | VIOLENT_NOUNS | AGENT_NOUNS)


def _agent_like(subj: Token) -> bool:
    """Whether a subject can be a party that acts: a name, a pronoun, or a noun for people or
    a body ("the army", "protesters"), not a thing ("roads blocked by corpses and debris")."""
    if subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in NAME_LABELS:
        return True
    low = subj.lemma_.lower()
    if low in AGENT_LIKE_NOUNS or classify_noun(low) is not None:
        return True
    # "a first batch of peacekeeping troops", "the first deployment of NATO troops"
    return any(_agent_like(p) for p in _prep_objects(subj, frozenset({"of"})))


def _verb_code(v: Token, lemma: str) -> Code | None:
    """The lexicon's code of verb ``v`` (as ``lemma``) with its objects and prepositions."""
    objs, preps = _Extractor.objects(v)
    return classify_verb(lemma, [_object_lemma(o) for o in objs], preps)


def _root_code(sent: Span) -> Code | None:
    """The lexicon's code of a sentence's main verb with its objects, if any."""
    r = sent.root
    return _verb_code(r, repair_lemma(r.lemma_, r.text)) if r.pos_ == "VERB" else None


def _fallback_targets(ext: _Extractor, v: Token, objs: list[Token],
                      actors: list[Argument], category: str | None = None) -> list[Argument]:
    """Recipients: the usual rules (:meth:`_Extractor.recipients`), else any named object
    or possessor of ``v``."""
    targets = ext.recipients(v, objs, actors, category, _inner_verb(v))
    if targets:
        return targets
    taken = {a.text for a in actors}
    for o in objs:
        for cand in [o, *(c for c in o.children if c.dep_ == "poss")]:
            for a in ext.names(cand):
                if a.text not in taken and all(a.text != b.text for b in targets):
                    targets.append(a)
    return targets


#: Verbs that state a condition, a belief or a wish rather than report an act ("he was the
#: administrator", "officials fear that ...", "the report could influence ..."): a sentence
#: whose fallback trigger is one of them gets no classifier-typed event.
STATIVE_VERBS: frozenset[str] = frozenset({
    "be", "have", "do", "seem", "appear", "become", "remain", "believe", "think", "know",
    "want", "hope", "expect", "feel", "wonder", "doubt", "understand", "mean", "need", "like",
    "love", "hate", "wish", "fear",
})
#: Subjects that name no actor of a news event: the reader, the writer, a dummy "it" or a
#: demonstrative ("You agree that ...", "I asked", "That includes ...").
NON_ACTOR_PRONOUNS: frozenset[str] = frozenset({
    "you", "i", "it", "this", "these", "those", "there", "what",
})


def _imperative(v: Token) -> bool:
    """Whether ``v`` (or the verb it is coordinated with) is an imperative: a bare verb (the
    parser tags "Thank you" as a present-tense one) with no subject and no auxiliary."""
    head = v
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.tag_ not in ("VB", "VBP") or head.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux",
                              "auxpass") for c in head.children)


def _issues_message(v: Token) -> bool:
    """Whether ``v`` puts out a message ("released a statement urging ...", "sent a letter"):
    what the message asks or mentions is not an act of its own."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in MEDIUM_WORDS for c in v.children)


def _is_question(sent: Span) -> bool:
    """Whether a sentence ends in a question mark (before closing quotes)."""
    return sent.text.strip().rstrip("\"'”’» ").endswith("?")


def _reports_event(ext: _Extractor, sent: Span, v: Token, category: str) -> bool:
    """Whether ``sent`` reads as the report of an act on ``v`` (for a fallback event).

    Not an event report: a question; a trigger that is a stative verb (a copula, a belief, a
    wish; an existential "there was a protest" whose noun the lexicon codes ``category`` is
    one), or a speech verb unless ``category`` is a verbal act ("insisted that ..." is a
    REQUEST, "he added that ..." no PROTEST); a subject that names no actor
    (:data:`NON_ACTOR_PRONOUNS`, a demonstrative "that"); a hypothetical act ("could",
    "might", "may", "can"); an imperative ("Thank you, Nic.", "Stand by the people.",
    "Check out these perks") or an act done to "you" ("We thank you, Kevin"), which address
    the reader or a guest rather than report an act.
    """
    if _is_question(sent):
        return False
    if _imperative(v) or any(c.dep_ == "dobj" and c.lower_ == "you" for c in v.children):
        return False
    lemma = v.lemma_.lower()
    if lemma in SPEECH_VERBS and category not in VERBAL_ACTS:
        return False
    if lemma in STATIVE_VERBS and not (lemma == "be" and _has_own(v, "expl") and any(
            c.dep_ == "attr" and (code := classify_noun(c.lemma_.lower())) is not None
            and code.category == category for c in v.children)):
        return False
    subj, _agentive = ext.subject(v, None)
    if subj is not None and subj.pos_ == "PRON" and (
            subj.lower_ in NON_ACTOR_PRONOUNS or (subj.lower_ == "that" and subj.tag_ == "DT")):
        return False
    auxes = {c.lower_ for t in ext.chain(v) for c in t.children if c.dep_ in ("aux", "auxpass")}
    return not auxes & (HYPOTHETICAL_AUX | {"can", "ca"})


#: A fallback event with a less probable category still stands when the CAMEO verb patterns
#: code its trigger verb the same way (two independent readings agree).  0.2 since the NONE
#: class (0.3 before): 3x5 CV accuracy 0.712 -> 0.719; on 100 egypt articles five more
#: sentences with an event, three of them right.
AGREEMENT_PROBABILITY = 0.2


def _cameo_agrees(v: Token, category: str) -> bool:
    """Whether a CAMEO verb pattern (not just the verb's block default) codes ``v`` as
    ``category`` (PLOVER-coded with a plan or threat reading too)."""
    table = load_table()
    found = table.match(v) if table is not None else None
    if found is None or found.words == 0:
        return False
    return category in (found.category, plover_category(found.category, "planned"))


def fallback_mentions(ext: _Extractor, mentions: list[EventMention], model: LinearModel,
                      threshold: float = FALLBACK_PROBABILITY,
                      predictions: Mapping[int, Prediction] | None = None,
                      ) -> list[EventMention]:
    """Events for sentences the rules left without a typed event with an actor, and for
    sentences whose confident classifier category no mention carries.

    The classifier's category (when at least ``threshold`` probable, or at least
    :data:`AGREEMENT_PROBABILITY` probable for an act told as done when a CAMEO verb pattern
    codes the trigger the same way: :func:`_cameo_agrees`) is given to the verb that best
    carries it (:func:`_trigger_verb`); the actor is that verb's subject, else the
    root's, else the first name of the sentence; recipients come from the objects, the
    prepositional objects and their possessors.  A sentence whose only verb is a speech verb,
    with no actor at all, or that does not read as an event report (:func:`_reports_event`:
    a question, a stative or speech trigger, the reader or writer as subject, a hypothetical
    act) gets nothing.

    A sentence that has typed events gets one more when the classifier's category
    (``predictions``, from :func:`refine_categories`) is at least
    :data:`OVERRIDE_PROBABILITY` probable among the categories and none of its mentions
    carries it, because the one it would have replaced has a modality that recodes it:
    "supporters blocked roads ... demanding that he be reinstated" is a PROTEST on "blocked"
    beside the REQUEST on "demanding".
    """
    by_sentence = _by_sentence(mentions)
    out: list[EventMention] = []
    for si, sent in enumerate(ext.sdoc.sents):
        group = by_sentence.get(si, [])
        lex_code: Code | None = None
        pred: Prediction | None
        if any(_typed_with_actor(m) for m in group):
            pred = (predictions or {}).get(si)
            if (pred is None or pred.category_probability < OVERRIDE_PROBABILITY
                    or any(plover_category(m.category, m.modality) == pred.category
                           for m in group)):
                continue
            v = _trigger_verb(sent, pred.category)
            if v is None or any(m.start == v.idx and m.category is not None for m in group) \
                    or _issues_message(v):
                continue
            unsure = False
        else:
            if not sent.text.strip() or not _is_english(ext.doc, sent):
                continue
            pred = classify_sentence(sent, group, model)
            if pred is None or pred.probability < min(threshold, AGREEMENT_PROBABILITY):
                continue
            v = _trigger_verb(sent, pred.category)
            if v is None:
                continue
            unsure = pred.probability < threshold
            lexical = _root_code(sent) if pred.category_probability < OVERRIDE_PROBABILITY \
                else None
            if lexical is not None and lexical.category != pred.category:
                doer = ext.subject(sent.root, None)[0]
                if doer is None or doer.dep_ == "nsubjpass" or _agent_like(doer):
                    # the rules coded the main verb but found no actor they accept ("The
                    # army imposed martial law"): their category, unless the classifier is
                    # sure
                    v, lex_code, unsure = sent.root, lexical, False
        if unsure and not _cameo_agrees(v, pred.category):
            continue
        actors = _fallback_actors(ext, v, sent)
        if not actors:
            continue
        if not _reports_event(ext, sent, v, pred.category):
            continue
        code = lex_code or Code(pred.category)
        chain = ext.chain(v)
        negs = [c for t in chain for c in t.children if c.dep_ == "neg"]
        speech, speaker = _speech_and_speaker(chain)
        source = ext.source(v, chain, speech, speaker)
        modality = ext.modality(v, chain, code, negs, source, actors)
        if unsure and modality not in ("asserted", "reported"):
            continue  # the agreement stands for acts told as done, not for plans or ifs
        if lex_code is None and plover_category(code.category, modality) != code.category:
            # the classifier codes the sentence as PLOVER does ("will impose sanctions" is
            # THREATEN); keep its category on a mention whose modality would recode it
            modality = "asserted"
        objs, _preps = ext.objects(v)
        targets = _fallback_targets(ext, v, objs, actors, code.category)
        mention = ext.build(v, si, sent, actors, targets, code, modality, source, chain, objs,
                            [])
        # an untyped rule mention on the same trigger is replaced, not duplicated
        for m in group:
            if m.start == mention.start and m.category is None:
                mentions.remove(m)
        out.append(mention)
    return out


#: The classifier overrides the lexicon's category of a sentence's primary event when at least
#: this probable (and fills in a missing one when at least FILL_PROBABILITY probable).
OVERRIDE_PROBABILITY = 0.6
FILL_PROBABILITY = 0.5


def primary_index(mentions: list[EventMention], category: str | None = None,
                  root_start: int | None = None) -> int | None:
    """Index of a sentence's primary event among its mentions.

    Preference: a typed mention with an actor whose PLOVER category is ``category`` (the
    classifier's), then the typed mention with an actor on the root verb (character offset
    ``root_start``), then the first typed mention with an actor, then the first typed one,
    then the first one.
    """
    coded = [plover_category(m.category, m.modality) for m in mentions]
    if category is not None:
        for k, m in enumerate(mentions):
            if coded[k] == category and m.actors:
                return k
    if root_start is not None:
        for k, m in enumerate(mentions):
            if _typed_with_actor(m) and m.start == root_start:
                return k
    for k, m in enumerate(mentions):
        if _typed_with_actor(m):
            return k
    for k, m in enumerate(mentions):
        if m.category is not None:
            return k
    return 0 if mentions else None


def refine_categories(mentions: list[EventMention], sdoc: Doc,
                      model: LinearModel) -> dict[int, Prediction]:
    """Let the sentence classifier correct the primary event category of each sentence.

    Returns the classifier's prediction for each sentence that has mentions (sentence index
    -> prediction).

    Per sentence with mentions, the primary mention is the one the classifier agrees with, if
    any (:func:`primary_index`); otherwise the classifier's PLOVER category (see
    :mod:`storyline.plover_model`) replaces the primary mention's category when it is
    confident and disagrees with what :func:`~storyline.plover.plover_category` makes of the
    lexicon's category and the modality; a new category is only set when the modality keeps
    it as is (a planned SANCTION would read THREATEN, so the classifier's SANCTION is not
    forced on a planned mention).  Other mentions of the sentence keep their categories.
    """
    sents = list(sdoc.sents)
    predicted: dict[int, Prediction] = {}
    for si, group in _by_sentence(mentions).items():
        if si >= len(sents):
            continue
        pred = classify_sentence(sents[si], group, model)
        if pred is None:
            continue
        predicted[si] = pred
        k = primary_index(group, pred.category, sents[si].root.idx)
        if k is None:
            continue
        m = group[k]
        current = plover_category(m.category, m.modality)
        if current == pred.category:
            continue
        needed = FILL_PROBABILITY if current is None else OVERRIDE_PROBABILITY
        if pred.category_probability < needed:  # the rules found an event: which one?
            continue
        if plover_category(pred.category, m.modality) != pred.category:
            continue
        m.category = pred.category
        m.mode = None
    return predicted


def iter_summaries(mentions: Iterable[EventMention]) -> list[str]:
    """One line per mention, for debugging: category, modality, actors, summary."""
    return [f"[{m.category or '-'}/{m.modality}] {', '.join(a.text for a in m.actors)} :: "
            f"{m.summary}" for m in mentions]
