"""Storyline's data model: the typed records that every pipeline stage reads and writes.

All character offsets (``start``/``end``) are offsets into :attr:`Document.text`, the cleaned
article body, so that every fact can point back to the exact words it came from.  Records are
plain dataclasses: stages are pure functions over them and the store persists them as they are.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

#: Modality of an event mention: whether it happened, is planned, threatened, ...
Modality = Literal[
    "asserted", "planned", "threatened", "demanded", "hypothetical", "negated", "reported"
]
MODALITIES: tuple[str, ...] = (
    "asserted", "planned", "threatened", "demanded", "hypothetical", "negated", "reported"
)

#: The 16 PLOVER event categories (PLOVER manual, current version).
PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of :attr:`Document.text` (``text[start:end]``)."""

    start: int
    end: int
    language: str | None = None  # ISO 639-1 code, e.g. "en", "ru"
    kind: Literal["body", "heading", "standfirst", "embed"] = "body"
    #: for an embedded post: its attribution line as written ("— NAME (@handle) March 8, 2022")
    attribution: str | None = None


@dataclass
class RawArticle:
    """An article as read from a file, before cleaning.

    Exactly one of ``text`` (plain text) or ``html`` is set.  Metadata fields hold what the
    container itself declares (a JSON field, a feed entry, HTML meta tags); cleaning may fill
    the gaps from the text (a leading date line, a dateline, a byline).
    """

    id: str  # stable id: path relative to the input folder, plus "#n" for multi-article files
    origin: str  # the file it came from, for error messages
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class Document:
    """A cleaned article: body text without boilerplate, plus metadata."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None  # None when the article gives no date: never guessed
    language: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    standfirst: str | None = None
    origin: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    #: lines removed as boilerplate, kept for transparency and debugging
    removed: list[str] = field(default_factory=list)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding character ``offset``: a binary search (paragraphs come in
        text order), then a scan for any other order."""
        i = bisect_right(self.paragraphs, offset, key=lambda p: p.start) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    language: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text, normalized to a TIMEX3 value.

    ``value`` follows TIMEX3: ``2022-03-08``, ``2022-03``, ``2022``, ``2022-W10``, ``2022-SU``,
    ``2022-Q1``, ``202``, ``19``, ``2022-03-08TMO``, ``2022-03-08T14:00``, ``P3D``, ``PT2H``,
    ``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``, ``XXXX-03-05``, ``XXXX-WXX-6``...
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    #: "century", "decade", "year", "season", "quarter", "month", "week", "day", "part_of_day",
    #: "time", "duration", "set", "ref" (PAST_REF/...), or "unknown"
    granularity: str
    #: True when the value needed an anchor (publication date or a date mentioned before)
    relative: bool = False

    def calendar_date(self) -> str | None:
        """The value as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` when it is one, else None (a
        TIME gives its day: "10 p.m. Wednesday", "Friday night")."""
        v = self.value
        if self.type not in ("DATE", "TIME"):
            return None
        if len(v) >= 10 and v[:4].isdigit() and v[4] == "-" and v[5:7].isdigit() \
                and v[7] == "-" and v[8:10].isdigit():
            return v[:10]
        if len(v) >= 7 and v[:4].isdigit() and v[4] == "-" and v[5:7].isdigit():
            return v[:7]
        if len(v) == 4 and v.isdigit():
            return v
        return None


@dataclass(frozen=True)
class Mention:
    """A mention of a named entity in a document (from NER or from a resolved reference)."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, FAC, LOC, ...
    sentence: int = -1
    entity_id: str | None = None
    #: the other form of an explicit "Long Name (ACR)" pair written around this mention
    pair: str | None = None


@dataclass
class Entity:
    """One real-world entity across all documents."""

    id: str
    name: str  # canonical name
    type: str | None  # PERSON, ORG, GPE, ...
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: ids of the organisations or states it belongs to or speaks for, as the texts say
    #: ("Dmitry Rogozin, head of Roscosmos")
    affiliations: list[str] = field(default_factory=list)
    #: state, government body, company, person, international organisation, organisation, other
    actor_type: str | None = None


@dataclass(frozen=True)
class Argument:
    """An event participant (actor or target) as found in the text.

    ``start``/``end`` point at the words that name it (for a pronoun or role noun: at the
    antecedent the stage resolved it to, with ``via`` holding the original words).
    """

    text: str
    start: int
    end: int
    via: str | None = None
    entity_id: str | None = None


@dataclass
class EventMention:
    """One sentence's telling of an event."""

    doc_id: str
    sentence: int  # index into the document's sentences
    sentence_text: str
    trigger: str  # the verb or noun that expresses the event, as written
    lemma: str
    start: int  # span of the trigger in Document.text
    end: int
    actors: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    category: str | None = None  # PLOVER category
    mode: str | None = None  # PLOVER mode, where defined
    modality: Modality = "asserted"
    date: str | None = None  # YYYY-MM-DD / YYYY-MM / YYYY
    time: TimeExpression | None = None
    location: str | None = None
    source: Argument | None = None  # who reports it, for reported speech
    summary: str = ""  # a short readable clause: "Roscosmos suspended cooperation with ..."
    #: content lemmas of the event's clause (object, complements), used to merge mentions
    keywords: tuple[str, ...] = ()
    #: the sentence's main event: the one PLOVER would code the sentence as (at most one a
    #: sentence; it comes first among the sentence's events of the same date)
    primary: bool = False


@dataclass(frozen=True)
class SourceRef:
    """A sentence telling an event, in one document."""

    document: str
    sentence: str
    #: set when ``document`` is a copy (a duplicate or near-duplicate) of this document: the
    #: copy tells the event in the same sentence but is not an independent source
    copy_of: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Sources of one event that disagree: on ``field`` ("date", "number of satellites"...),
    ``values`` maps each value told to the documents that tell it."""

    field: str
    values: dict[str, list[str]]


@dataclass
class Event:
    """One real-world event, merged from mentions in one or more documents."""

    id: str
    date: str | None
    summary: str
    #: the PLOVER category as PLOVER codes the event: a promised aid is AGREE, a planned
    #: sanction THREATEN, a demanded withdrawal REQUEST (see ``action`` and ``modality``)
    type: str | None
    modality: Modality
    actors: list[str]  # entity ids; for a demand, who demands it (PLOVER's actor)
    targets: list[str]  # entity ids; for a demand, who is asked to act
    sources: list[SourceRef]
    mentions: list[EventMention] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    #: the PLOVER category of the action itself, whatever its modality (AID for "will
    #: provide aid", whose ``type`` is AGREE)
    action: str | None = None
    #: PLOVER's mode of ``type``, where PLOVER defines modes and the texts say which
    #: ("discontinue" for a SANCTION that ends cooperation)
    mode: str | None = None

    def outlets(self) -> int:
        """How many independent documents tell the event.  A copy counts with the document
        it copies, and documents that tell it in the very same sentence count once: a wire
        story reprinted, a live page updated, or a page's boilerplate ("2 men charged in
        death of Chicago teen" in the sidebar of ten pages) is one telling, not ten."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_words: dict[str, str] = {}
        for s in self.sources:
            doc = find(s.copy_of or s.document)
            parent[find(s.document)] = doc
            words = " ".join(s.sentence.lower().split())
            if words in by_words:
                parent[find(by_words[words])] = doc
            by_words[words] = doc
        return len({find(x) for x in parent})


@dataclass
class Quote:
    """Words attributed to a speaker, directly (quote marks) or indirectly (reported speech)."""

    doc_id: str
    text: str  # the words quoted, without quote marks
    start: int  # span of ``text`` in Document.text
    end: int
    direct: bool
    speaker: str | None = None  # speaker as named (after pronoun / role noun resolution)
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_via: str | None = None  # the pronoun or role noun, when resolved through one
    speaker_entity: str | None = None
    cue: str | None = None  # said, wrote, told, according to, ...
    medium: str | None = None  # tweet, telegram, letter, interview, statement, ...
    date: str | None = None
    sentence: int = -1
    id: str = ""


@dataclass
class Story:
    id: str
    label: str
    documents: list[str]
    events: list[str]
    brief: str | None = None
    start: str | None = None
    end: str | None = None
    #: the events whose summaries are the brief's sentences, in the brief's order (each
    #: event carries its sources: the brief is sourced sentence by sentence)
    brief_events: list[str] = field(default_factory=list)
    #: the story's most important days, in time order: most sources and most mentions first
    key_dates: list[str] = field(default_factory=list)


@dataclass
class Analysis:
    """Everything the pipeline produced for one batch: the input of the report writers."""

    documents: list[Document] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    timexes: dict[str, list[TimeExpression]] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
