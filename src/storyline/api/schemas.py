"""Pydantic models of the REST API's responses (they make the OpenAPI description)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every error response: a short machine-readable code and a human explanation."""

    error: str = Field(description="short code, e.g. not_found, writes_disabled")
    detail: Any = Field(description="what went wrong and what to do")


class EntityRef(BaseModel):
    id: str
    name: str


class SourceOut(BaseModel):
    """Where an event is told: a document, the sentence and the trigger word's offsets."""

    document: str
    sentence: str
    sentence_index: int | None = None
    trigger: str | None = None
    start: int | None = None
    end: int | None = None
    copy_of: str | None = Field(
        default=None, description="the document this one copies (not an independent source)")


class ConflictOut(BaseModel):
    field: str = Field(description='what the sources disagree on: "date", "number of ..."')
    values: dict[str, list[str]] = Field(description="each value told -> documents telling it")


class EventOut(BaseModel):
    id: str
    date: str | None
    summary: str
    category: str | None = Field(
        description="PLOVER category, as PLOVER codes the event (a promised aid is AGREE)")
    action: str | None = Field(
        default=None,
        description="PLOVER category of the action itself, whatever its modality (AID)")
    mode: str | None = Field(default=None, description="PLOVER mode of the category, if known")
    modality: str
    actors: list[EntityRef]
    targets: list[EntityRef]
    location: str | None
    outlets: int = Field(description="number of independent documents telling it (a copy, or the same sentence word for word in several documents, counts once)")
    sources: list[SourceOut]
    conflicts: list[ConflictOut] = Field(
        default_factory=list, description="where the sources disagree (dates, counts, actors)")


class EntityOut(BaseModel):
    id: str
    name: str
    type: str | None
    aliases: list[str]
    documents: list[str]
    mentions: int


class QuoteOut(BaseModel):
    id: str
    document: str
    text: str
    speaker: str | None
    speaker_entity: str | None
    direct: bool
    date: str | None
    medium: str | None
    cue: str | None
    sentence: int


class DocumentOut(BaseModel):
    id: str
    title: str | None
    published: str | None
    source: str | None
    author: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    length: int


class ParagraphOut(BaseModel):
    start: int
    end: int
    language: str | None
    kind: str


class SpanOut(BaseModel):
    """An annotated span of the document text (``text[start:end]``)."""

    kind: Literal["mention", "timex", "quote", "event", "sentence"]
    start: int
    end: int
    label: str | None = None
    ref: str | None = None


class DocumentDetailOut(DocumentOut):
    standfirst: str | None
    text: str
    paragraphs: list[ParagraphOut]
    spans: list[SpanOut]


class StoryOut(BaseModel):
    id: str
    label: str
    brief: str | None
    brief_events: list[str] = Field(
        default_factory=list,
        description="the events whose summaries are the brief's sentences, in order (each "
                    "event lists its source sentences)")
    start: str | None
    end: str | None
    key_dates: list[str] = Field(default_factory=list,
                                 description="the story's most important days, in time order")
    documents: list[str]
    events: list[str]
    latest: str | None = Field(description="latest publication date of its documents")


class ActorOut(BaseModel):
    id: str
    name: str
    type: str | None
    events: int


class PeriodOut(BaseModel):
    period: str = Field(description="YYYY-MM, YYYY, or 'undated'")
    categories: dict[str, int]
    tone: Literal["cooperation", "conflict", "mixed", "neutral"]
    events: list[str]


class PairOut(BaseModel):
    """How two actors related over time: the events they share, by period and category."""

    a: EntityRef
    b: EntityRef
    events: int
    periods: list[PeriodOut]


class RelationsOut(BaseModel):
    actors: list[ActorOut]
    pairs: list[PairOut]


class SearchHitOut(BaseModel):
    kind: Literal["event", "quote", "sentence", "document"]
    document: str | None
    ref: str
    label: str
    snippet: str
    highlights: list[tuple[int, int]]


class PageOut(BaseModel):
    total: int = Field(description="number of matches over all pages")
    limit: int
    offset: int


class StoriesPage(PageOut):
    items: list[StoryOut]


class EventsPage(PageOut):
    items: list[EventOut]


class EntitiesPage(PageOut):
    items: list[EntityOut]


class QuotesPage(PageOut):
    items: list[QuoteOut]


class DocumentsPage(PageOut):
    items: list[DocumentOut]


class SearchPage(PageOut):
    query: str
    items: list[SearchHitOut]


class JobOut(BaseModel):
    """A background analysis of uploaded articles."""

    id: str
    status: Literal["queued", "running", "done", "failed"]
    stage: str | None
    done: int
    total: int | None
    files: list[str]
    documents: list[str] = Field(description="ids of the documents stored by this job")
    problems: list[str]
    created: float
    finished: float | None
