"""SQLite implementation of :class:`~storyline.store.base.Store`: one file, no server.

Each table keeps the queryable fields as columns and the full record as JSON (``data``), so a
record reads back exactly as written.  Writes run in one transaction each: an interrupted run
leaves either the old rows or the new ones, never half of a document.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyline.codec import decode, encode
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
from storyline.store.base import (
    SEARCH_KINDS,
    DocumentAnalysis,
    DocumentInfo,
    IngestOutcome,
    Page,
    SearchHit,
)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    raw_hash TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    language TEXT,
    source TEXT,
    author TEXT,
    url TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
    similarity REAL,
    minhash BLOB,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents(text_hash);
CREATE TABLE IF NOT EXISTS analyses (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, language TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS timexes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT NOT NULL, sentence INTEGER, entity_id TEXT, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    category TEXT, modality TEXT NOT NULL, date TEXT, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT, direct INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timexes_doc ON timexes(doc_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions(doc_id);
CREATE INDEX IF NOT EXISTS doc_quotes_doc ON doc_quotes(doc_id);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, date TEXT, type TEXT, modality TEXT NOT NULL, summary TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_sources (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_sources_event ON event_sources(event_id);
CREATE INDEX IF NOT EXISTS event_sources_doc ON event_sources(doc_id);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker TEXT, speaker_entity TEXT,
    direct INTEGER NOT NULL, date TEXT, medium TEXT, text TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, start TEXT, "end" TEXT, data TEXT NOT NULL
);
"""


#: Full-text indexes (SQLite FTS5, external content) kept in step with their tables by
#: triggers; a store created before they existed gets them built on first open.
_FTS_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "documents_fts": ("documents", ("title", "text")),
    "sentences_fts": ("sentences", ("text",)),
    "quotes_fts": ("quotes", ("text", "speaker")),
    "events_fts": ("events", ("summary",)),
}


def _fts_statements(fts: str, table: str, cols: tuple[str, ...]) -> list[str]:
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]

_DOC_TABLES = ("sentences", "timexes", "mentions", "event_mentions", "doc_quotes")


def _unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Split an FTS5 snippet marked with \\x02 ... \\x03 into plain text and match offsets."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    start = 0
    for ch in snippet:
        if ch == "\x02":
            start = pos
        elif ch == "\x03":
            marks.append((start, pos))
        else:
            out.append(ch)
            pos += 1
    return "".join(out), marks


def _dumps(obj: Any) -> str:
    return json.dumps(encode(obj), ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """A :class:`~storyline.store.base.Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(self.path), isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            with self._tx():
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        self._db.execute(stmt)
                self._ensure_search_index()
                row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    self._db.execute(
                        "INSERT INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                    )
                elif int(row[0]) != SCHEMA_VERSION:
                    raise RuntimeError(
                        f"{self.path}: store schema version {row[0]} is not supported by this "
                        f"Storyline (expects {SCHEMA_VERSION}); use a new --db file."
                    )
        except sqlite3.DatabaseError as exc:
            raise RuntimeError(
                f"{self.path}: cannot open as a Storyline SQLite store ({exc}). "
                "Pass another file with --db, or remove this one if it is not needed."
            ) from exc

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- documents ---------------------------------------------------------------------------
    def put_document(
        self, doc: Document, raw_hash: str, text_hash: str, minhash: bytes | None
    ) -> IngestOutcome:
        """Store a document; idempotent by content hash.

        The same id with the same raw content changes nothing; new content for a known id
        replaces the document and drops its stale analysis; a document whose text equals a
        stored one under another id is stored but marked as a duplicate of it.
        """
        with self._tx() as db:
            row = db.execute(
                "SELECT raw_hash, duplicate_of FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()
            if row is not None and row[0] == raw_hash:
                return IngestOutcome(doc.id, "unchanged", row[1])
            twin = db.execute(
                "SELECT id FROM documents WHERE text_hash = ? AND id != ? AND duplicate_of IS NULL "
                "ORDER BY id LIMIT 1",
                (text_hash, doc.id),
            ).fetchone()
            duplicate_of = twin[0] if twin else None
            values = (
                raw_hash, text_hash, doc.title,
                doc.published.isoformat() if doc.published else None,
                doc.language, doc.source, doc.author, doc.url, doc.origin, doc.text,
                duplicate_of, 1.0 if duplicate_of else None, minhash, _dumps(doc),
            )
            if row is None:
                db.execute(
                    "INSERT INTO documents (raw_hash, text_hash, title, published, language, "
                    "source, author, url, origin, text, duplicate_of, similarity, minhash, data, "
                    "id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*values, doc.id),
                )
                status = "duplicate" if duplicate_of else "new"
            else:
                db.execute(
                    "UPDATE documents SET raw_hash=?, text_hash=?, title=?, published=?, "
                    "language=?, source=?, author=?, url=?, origin=?, text=?, duplicate_of=?, "
                    "similarity=?, minhash=?, data=? WHERE id=?",
                    (*values, doc.id),
                )
                self._delete_analysis(db, doc.id)
                status = "duplicate" if duplicate_of else "updated"
            return IngestOutcome(doc.id, status, duplicate_of)  # type: ignore[arg-type]

    def get_document(self, doc_id: str) -> Document | None:
        row = self._db.execute("SELECT data FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return decode(Document, json.loads(row[0])) if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY id")]

    def duplicate_of(self, doc_id: str) -> str | None:
        row = self._db.execute(
            "SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def set_duplicate(self, doc_id: str, original: str | None, similarity: float | None) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?",
                (original, similarity, doc_id),
            )
            if original is not None:
                self._delete_analysis(db, doc_id)

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        yield from self._db.execute(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL "
            "ORDER BY id"
        )

    # -- per-document analysis ---------------------------------------------------------------
    @staticmethod
    def _delete_analysis(db: sqlite3.Connection, doc_id: str) -> None:
        db.execute("DELETE FROM analyses WHERE doc_id = ?", (doc_id,))
        for table in _DOC_TABLES:
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def put_analysis(self, analysis: DocumentAnalysis) -> None:
        """Replace a document's analysis, atomically."""
        a = analysis
        with self._tx() as db:
            self._delete_analysis(db, a.doc_id)
            db.execute(
                "INSERT INTO analyses (doc_id, pipeline_version) VALUES (?, ?)",
                (a.doc_id, a.pipeline_version),
            )
            db.executemany(
                'INSERT INTO sentences (doc_id, idx, start, "end", text, language) '
                "VALUES (?,?,?,?,?,?)",
                [(a.doc_id, s.index, s.start, s.end, s.text, s.language) for s in a.sentences],
            )
            db.executemany(
                'INSERT INTO timexes (doc_id, start, "end", text, type, value, data) '
                "VALUES (?,?,?,?,?,?,?)",
                [(a.doc_id, t.start, t.end, t.text, t.type, t.value, _dumps(t)) for t in a.timexes],
            )
            db.executemany(
                'INSERT INTO mentions (doc_id, start, "end", text, label, sentence, entity_id, '
                "data) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (a.doc_id, m.start, m.end, m.text, m.label, m.sentence, m.entity_id, _dumps(m))
                    for m in a.mentions
                ],
            )
            db.executemany(
                'INSERT INTO event_mentions (doc_id, sentence, start, "end", category, modality, '
                "date, data) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (a.doc_id, e.sentence, e.start, e.end, e.category, e.modality, e.date,
                     _dumps(e))
                    for e in a.event_mentions
                ],
            )
            db.executemany(
                'INSERT INTO doc_quotes (doc_id, start, "end", speaker, direct, data) '
                "VALUES (?,?,?,?,?,?)",
                [(a.doc_id, q.start, q.end, q.speaker, int(q.direct), _dumps(q)) for q in a.quotes],
            )

    def get_analysis(self, doc_id: str) -> DocumentAnalysis | None:
        row = self._db.execute(
            "SELECT pipeline_version FROM analyses WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        db = self._db
        return DocumentAnalysis(
            doc_id=doc_id,
            pipeline_version=row[0],
            sentences=[
                Sentence(doc_id, r[0], r[1], r[2], r[3], r[4])
                for r in db.execute(
                    'SELECT idx, start, "end", text, language FROM sentences WHERE doc_id = ? '
                    "ORDER BY idx",
                    (doc_id,),
                )
            ],
            timexes=self._records(TimeExpression, "timexes", doc_id),
            mentions=self._records(Mention, "mentions", doc_id),
            event_mentions=self._records(EventMention, "event_mentions", doc_id),
            quotes=self._records(Quote, "doc_quotes", doc_id),
        )

    def _records(self, cls: type[Any], table: str, doc_id: str) -> list[Any]:
        return [
            decode(cls, json.loads(r[0]))
            for r in self._db.execute(
                f'SELECT data FROM {table} WHERE doc_id = ? ORDER BY start, "end"',
                (doc_id,),
            )
        ]

    # -- corpus-level results ----------------------------------------------------------------
    def put_corpus(self, entities: list[Entity], events: list[Event], stories: list[Story]) -> None:
        """Replace the corpus-level results (entities, events, quotes' links, stories)."""
        with self._tx() as db:
            for table in ("event_sources", "events", "entities", "stories"):
                db.execute(f"DELETE FROM {table}")
            db.executemany(
                "INSERT INTO entities (id, name, type, data) VALUES (?,?,?,?)",
                [(e.id, e.name, e.type, _dumps(e)) for e in entities],
            )
            db.executemany(
                "INSERT INTO events (id, date, type, modality, summary, data) VALUES (?,?,?,?,?,?)",
                [(e.id, e.date, e.type, e.modality, e.summary, _dumps(e)) for e in events],
            )
            db.executemany(
                "INSERT INTO event_sources (event_id, doc_id, sentence) VALUES (?,?,?)",
                [(e.id, s.document, s.sentence) for e in events for s in e.sources],
            )
            db.executemany(
                'INSERT INTO stories (id, label, start, "end", data) VALUES (?,?,?,?,?)',
                [(s.id, s.label, s.start, s.end, _dumps(s)) for s in stories],
            )

    def put_quotes(self, quotes: list[Quote]) -> None:
        """Replace the corpus-level quote table (quotes with ids and resolved speakers)."""
        with self._tx() as db:
            db.execute("DELETE FROM quotes")
            db.executemany(
                "INSERT INTO quotes (id, doc_id, speaker, speaker_entity, direct, date, medium, "
                "text, data) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (q.id, q.doc_id, q.speaker, q.speaker_entity, int(q.direct), q.date, q.medium,
                     q.text, _dumps(q))
                    for q in quotes
                ],
            )

    def _all(self, cls: type[Any], table: str) -> list[Any]:
        return [
            decode(cls, json.loads(r[0]))
            for r in self._db.execute(f"SELECT data FROM {table} ORDER BY rowid")
        ]

    def entities(self) -> list[Entity]:
        return self._all(Entity, "entities")

    def events(self) -> list[Event]:
        return self._all(Event, "events")

    def stories(self) -> list[Story]:
        return self._all(Story, "stories")

    def quotes(self) -> list[Quote]:
        return self._all(Quote, "quotes")

    # -- read queries for the web API (see storyline.store.base.ReadStore) -------------------
    def _ensure_search_index(self) -> None:
        """Create the full-text indexes if missing; fill them when the store predates them."""
        missing = [
            name for name in _FTS_TABLES
            if self._db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
            ).fetchone() is None
        ]
        for fts, (table, cols) in _FTS_TABLES.items():
            for stmt in _fts_statements(fts, table, cols):
                self._db.execute(stmt)
        for fts in missing:
            self._db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def rebuild_search_index(self) -> None:
        """Rebuild every full-text index from its table (after a VACUUM, say)."""
        with self._tx() as db:
            for fts in _FTS_TABLES:
                db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def _one(self, cls: type[Any], table: str, key: str) -> Any:
        row = self._db.execute(f"SELECT data FROM {table} WHERE id = ?", (key,)).fetchone()
        return decode(cls, json.loads(row[0])) if row else None

    def story(self, story_id: str) -> Story | None:
        return self._one(Story, "stories", story_id)

    def event(self, event_id: str) -> Event | None:
        return self._one(Event, "events", event_id)

    def entity(self, entity_id: str) -> Entity | None:
        return self._one(Entity, "entities", entity_id)

    def quote(self, quote_id: str) -> Quote | None:
        return self._one(Quote, "quotes", quote_id)

    def _page(
        self, cls: type[Any], table: str, where: list[str], params: list[Any], order: str,
        limit: int | None, offset: int,
    ) -> Page[Any]:
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self._db.execute(f"SELECT count(*) FROM {table}{clause}", params).fetchone()[0]
        rows = self._db.execute(
            f"SELECT data FROM {table}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else max(0, limit), max(0, offset)],
        )
        return Page(total, [decode(cls, json.loads(r[0])) for r in rows])

    @staticmethod
    def _date_filter(column: str, date_from: str | None, date_to: str | None,
                     where: list[str], params: list[Any]) -> None:
        # overlap of a (partial) date with the range: "2022-03" is inside 2022-03-05..2022-03-09
        if date_from:
            where.append(f"{column} IS NOT NULL AND {column} >= substr(?, 1, length({column}))")
            params.append(date_from)
        if date_to:
            where.append(f"{column} IS NOT NULL AND substr({column}, 1, length(?)) <= ?")
            params.extend([date_to, date_to])

    _STORY_DOCS = ("SELECT j.value FROM stories s, json_each(s.data, '$.documents') j "
                   "WHERE s.id = ?")

    def entity_names(self) -> dict[str, str]:
        """Entity id -> canonical name, without loading the mentions."""
        return dict(self._db.execute("SELECT id, name FROM entities"))

    def story_latest(self) -> dict[str, str | None]:
        """Story id -> the latest publication date among its documents (None if none dated)."""
        return dict(self._db.execute(
            "SELECT s.id, max(d.published) FROM stories s "
            "LEFT JOIN json_each(s.data, '$.documents') j "
            "LEFT JOIN documents d ON d.id = j.value GROUP BY s.id"
        ))

    def find_events(
        self, *, story: str | None = None, entity: str | None = None,
        date_from: str | None = None, date_to: str | None = None, category: str | None = None,
        modality: str | None = None, document: str | None = None,
        limit: int | None = None, offset: int = 0,
    ) -> Page[Event]:
        """Events in date order (undated last), filtered; see :class:`ReadStore`."""
        where: list[str] = []
        params: list[Any] = []
        if story is not None:
            where.append("id IN (SELECT j.value FROM stories s, json_each(s.data, '$.events') j "
                         "WHERE s.id = ?)")
            params.append(story)
        if entity is not None:
            where.append("(EXISTS (SELECT 1 FROM json_each(events.data, '$.actors') a "
                         "WHERE a.value = ?) OR EXISTS (SELECT 1 FROM "
                         "json_each(events.data, '$.targets') t WHERE t.value = ?))")
            params.extend([entity, entity])
        if category is not None:
            where.append("type = ?")
            params.append(category)
        if modality is not None:
            where.append("modality = ?")
            params.append(modality)
        if document is not None:
            where.append("id IN (SELECT event_id FROM event_sources WHERE doc_id = ?)")
            params.append(document)
        self._date_filter("date", date_from, date_to, where, params)
        return self._page(Event, "events", where, params, "date IS NULL, date, rowid",
                          limit, offset)

    def find_quotes(
        self, *, story: str | None = None, speaker: str | None = None,
        document: str | None = None, date_from: str | None = None, date_to: str | None = None,
        direct: bool | None = None, limit: int | None = None, offset: int = 0,
    ) -> Page[Quote]:
        """Quotes in document order; ``speaker`` is an entity id."""
        where: list[str] = []
        params: list[Any] = []
        if story is not None:
            where.append(f"doc_id IN ({self._STORY_DOCS})")
            params.append(story)
        if speaker is not None:
            where.append("speaker_entity = ?")
            params.append(speaker)
        if document is not None:
            where.append("doc_id = ?")
            params.append(document)
        if direct is not None:
            where.append("direct = ?")
            params.append(int(direct))
        self._date_filter("date", date_from, date_to, where, params)
        return self._page(Quote, "quotes", where, params, "rowid", limit, offset)

    def find_entities(
        self, *, story: str | None = None, document: str | None = None, type: str | None = None,
        name: str | None = None, limit: int | None = None, offset: int = 0,
    ) -> Page[Entity]:
        """Entities, most mentioned first; ``name`` matches the name or an alias (substring)."""
        where: list[str] = []
        params: list[Any] = []
        if story is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(entities.data, '$.documents') d "
                         f"WHERE d.value IN ({self._STORY_DOCS}))")
            params.append(story)
        if document is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(entities.data, '$.documents') d "
                         "WHERE d.value = ?)")
            params.append(document)
        if type is not None:
            where.append("type = ?")
            params.append(type)
        if name:
            where.append("(instr(lower(name), lower(?)) > 0 OR EXISTS (SELECT 1 FROM "
                         "json_each(entities.data, '$.aliases') a "
                         "WHERE instr(lower(a.value), lower(?)) > 0))")
            params.extend([name, name])
        return self._page(Entity, "entities", where, params,
                          "json_array_length(data, '$.mentions') DESC, rowid", limit, offset)

    def find_documents(
        self, *, story: str | None = None, source: str | None = None,
        date_from: str | None = None, date_to: str | None = None,
        limit: int | None = None, offset: int = 0,
    ) -> Page[DocumentInfo]:
        """Documents' metadata (no text) in id order; ``source`` matches case-insensitively."""
        where: list[str] = []
        params: list[Any] = []
        if story is not None:
            where.append(f"id IN ({self._STORY_DOCS})")
            params.append(story)
        if source is not None:
            where.append("lower(source) = lower(?)")
            params.append(source)
        self._date_filter("published", date_from, date_to, where, params)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self._db.execute(f"SELECT count(*) FROM documents{clause}", params).fetchone()[0]
        rows = self._db.execute(
            "SELECT id, title, published, source, author, url, language, duplicate_of, "
            f"length(text) FROM documents{clause} ORDER BY id LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else max(0, limit), max(0, offset)],
        )
        return Page(total, [DocumentInfo(*r) for r in rows])

    def search(
        self, query: str, *, kinds: Sequence[str] = SEARCH_KINDS, document: str | None = None,
        limit: int | None = 20, offset: int = 0,
    ) -> Page[SearchHit]:
        """Full-text search (FTS5, BM25 ranking) over events, quotes, sentences and documents.

        The query is a list of words, all required (prefix match on the last one); FTS5
        syntax in it is taken literally.  ``document`` restricts hits to one document.
        """
        words = re.findall(r"\w+", query)
        if not words:
            return Page(0, [])
        match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
        specs = {
            "event": (
                "events_fts", "events", "e.id", "e.summary",
                "(SELECT min(doc_id) FROM event_sources WHERE event_id = e.id)",
                "EXISTS (SELECT 1 FROM event_sources x WHERE x.event_id = e.id AND x.doc_id = ?)",
                "snippet(events_fts, 0, char(2), char(3), '…', 24)",
            ),
            "quote": (
                "quotes_fts", "quotes", "e.id", "coalesce(e.speaker, '')", "e.doc_id",
                "e.doc_id = ?", "snippet(quotes_fts, 0, char(2), char(3), '…', 24)",
            ),
            "sentence": (
                "sentences_fts", "sentences", "CAST(e.idx AS TEXT)",
                "coalesce((SELECT coalesce(d.title, d.id) FROM documents d WHERE "
                "d.id = e.doc_id), e.doc_id)", "e.doc_id", "e.doc_id = ?",
                "snippet(sentences_fts, 0, char(2), char(3), '…', 24)",
            ),
            "document": (
                "documents_fts", "documents", "e.id", "coalesce(e.title, e.id)", "e.id",
                "e.id = ?", "snippet(documents_fts, 1, char(2), char(3), '…', 24)",
            ),
        }
        hits: list[SearchHit] = []
        total = 0
        want = None if limit is None else max(0, offset) + max(0, limit)
        for kind in kinds:
            if kind not in specs:
                continue
            fts, table, ref, label, doc, doc_filter, snip = specs[kind]
            where = f"{fts} MATCH ?"
            params: list[Any] = [match]
            if document is not None:
                where += f" AND {doc_filter}"
                params.append(document)
            base = f"FROM {fts} JOIN {table} e ON e.rowid = {fts}.rowid WHERE {where}"
            total += self._db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = self._db.execute(
                f"SELECT {ref}, {label}, {doc}, {snip}, bm25({fts}) {base} "
                f"ORDER BY bm25({fts}) LIMIT ?",
                [*params, -1 if want is None else want],
            )
            for r in rows:
                text, marks = _unmark(r[3])
                hits.append(SearchHit(kind, r[2], str(r[0]), r[1], text, marks, float(r[4])))
        hits.sort(key=lambda h: h.score)
        end = None if limit is None else max(0, offset) + max(0, limit)
        return Page(total, hits[max(0, offset):end])

    def get_state(self, key: str) -> dict[str, Any] | None:
        """A stage's saved state (e.g. the story clusterer's), or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", ("state:" + key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_state(self, key: str, state: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       ("state:" + key, json.dumps(state, sort_keys=True)))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | Path) -> SQLiteStore:
    """Open a store from a path (SQLite).  ``postgresql://`` URLs come with a later backend."""
    text = str(url)
    if text.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError(
            "The PostgreSQL backend is not available yet; pass a SQLite file path to --db."
        )
    return SQLiteStore(text)
