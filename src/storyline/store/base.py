"""The repository interface that every storage backend implements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

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

    def close(self) -> None: ...
