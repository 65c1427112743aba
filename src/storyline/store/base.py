"""The repository interface that every storage backend implements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar

from storyline.model import (
    Document,
    Entity,
    Event,
    EventMention,
    Mention,
    Quote,
    Sentence,
    Story,
    TimeExpression,
)


@dataclass
class DocumentAnalysis:
    """Everything the per-document stages produce for one document."""

    doc_id: str
    pipeline_version: str
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one article at ingestion."""

    doc_id: str
    status: Literal["new", "unchanged", "updated", "duplicate", "near_duplicate"]
    duplicate_of: str | None = None
    similarity: float | None = None


class Store(Protocol):
    """Repository of documents and analyses.

    Every write method is atomic: it either stores all it was given or nothing.
    """

    def put_document(
        self, doc: Document, raw_hash: str, text_hash: str, minhash: bytes | None
    ) -> IngestOutcome: ...

    def get_document(self, doc_id: str) -> Document | None: ...

    def document_ids(self) -> list[str]: ...

    def duplicate_of(self, doc_id: str) -> str | None: ...

    def set_duplicate(self, doc_id: str, original: str | None, similarity: float | None) -> None: ...

    def minhashes(self) -> Iterable[tuple[str, bytes]]: ...

    def put_analysis(self, analysis: DocumentAnalysis) -> None: ...

    def get_analysis(self, doc_id: str) -> DocumentAnalysis | None: ...

    def put_corpus(
        self, entities: list[Entity], events: list[Event], stories: list[Story]
    ) -> None: ...

    def put_quotes(self, quotes: list[Quote]) -> None: ...

    def entities(self) -> list[Entity]: ...

    def events(self) -> list[Event]: ...

    def stories(self) -> list[Story]: ...

    def quotes(self) -> list[Quote]: ...

    def get_state(self, key: str) -> dict[str, Any] | None: ...

    def put_state(self, key: str, state: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


# -- read queries (for the REST API and the web app) -------------------------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a filtered listing: ``total`` counts every match, ``items`` this page only."""

    total: int
    items: list[T]


@dataclass(frozen=True)
class DocumentInfo:
    """A document's metadata without its text, for listings."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    author: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    length: int


@dataclass(frozen=True)
class SearchHit:
    """One full-text match.

    ``kind`` is ``document``, ``sentence``, ``quote`` or ``event``; ``ref`` identifies the
    record within its kind (the document id, the sentence index, the quote or event id).
    ``snippet`` is plain text around the match and ``highlights`` the ``(start, end)`` offsets
    of the matched words in it.
    """

    kind: str
    doc_id: str | None
    ref: str
    label: str
    snippet: str
    highlights: list[tuple[int, int]]
    score: float


SEARCH_KINDS: tuple[str, ...] = ("event", "quote", "sentence", "document")


class ReadStore(Store, Protocol):
    """A :class:`Store` that also answers the paginated, filtered queries of the web API.

    Dates filter by overlap: an event dated ``2022-03`` is inside ``date_from=2022-03-05``.
    ``limit=None`` means no limit.
    """

    def story(self, story_id: str) -> Story | None: ...

    def event(self, event_id: str) -> Event | None: ...

    def entity(self, entity_id: str) -> Entity | None: ...

    def quote(self, quote_id: str) -> Quote | None: ...

    def entity_names(self) -> dict[str, str]: ...

    def story_latest(self) -> dict[str, str | None]: ...

    def find_events(
        self, *, story: str | None = None, entity: str | None = None,
        date_from: str | None = None, date_to: str | None = None, category: str | None = None,
        modality: str | None = None, document: str | None = None,
        limit: int | None = None, offset: int = 0,
    ) -> Page[Event]: ...

    def find_quotes(
        self, *, story: str | None = None, speaker: str | None = None,
        document: str | None = None, date_from: str | None = None, date_to: str | None = None,
        direct: bool | None = None, limit: int | None = None, offset: int = 0,
    ) -> Page[Quote]: ...

    def find_entities(
        self, *, story: str | None = None, document: str | None = None, type: str | None = None,
        name: str | None = None, limit: int | None = None, offset: int = 0,
    ) -> Page[Entity]: ...

    def find_documents(
        self, *, story: str | None = None, source: str | None = None,
        date_from: str | None = None, date_to: str | None = None,
        limit: int | None = None, offset: int = 0,
    ) -> Page[DocumentInfo]: ...

    def search(
        self, query: str, *, kinds: Sequence[str] = SEARCH_KINDS, document: str | None = None,
        limit: int | None = 20, offset: int = 0,
    ) -> Page[SearchHit]: ...

    def rebuild_search_index(self) -> None: ...
