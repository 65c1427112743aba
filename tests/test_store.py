"""The SQLite store: idempotent, atomic, round-trips every record."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from storyline.model import (
    Argument,
    Document,
    Entity,
    Event,
    EventMention,
    Mention,
    Paragraph,
    Quote,
    Sentence,
    SourceRef,
    Story,
    TimeExpression,
)
from storyline.store import DocumentAnalysis, SQLiteStore, open_store


def _doc(doc_id: str = "a.txt", text: str = "Alpha beta.\n\nGamma delta.") -> Document:
    return Document(id=doc_id, text=text, title="T", published=dt.date(2022, 3, 1),
                    language="en", paragraphs=[Paragraph(0, 11, "en"), Paragraph(13, 25, "en")])


def _analysis(doc_id: str = "a.txt") -> DocumentAnalysis:
    tx = TimeExpression(0, 5, "Alpha", "DATE", "2022-03", "month", True)
    return DocumentAnalysis(
        doc_id, "v1",
        sentences=[Sentence(doc_id, 0, 0, 11, "Alpha beta.", "en")],
        timexes=[tx],
        mentions=[Mention(doc_id, 0, 5, "Alpha", "ORG", 0)],
        event_mentions=[EventMention(doc_id, 0, "Alpha beta.", "beta", "beta", 6, 10,
                                     actors=[Argument("Alpha", 0, 5)], time=tx,
                                     keywords=("beta",))],
        quotes=[Quote(doc_id, "Gamma delta", 13, 24, True, speaker="Alpha")],
    )


def test_document_round_trip_and_idempotence(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    doc = _doc()
    assert store.put_document(doc, "r1", "t1", None).status == "new"
    assert store.put_document(doc, "r1", "t1", None).status == "unchanged"
    assert store.get_document("a.txt") == doc
    assert store.document_ids() == ["a.txt"]


def test_changed_content_replaces_document_and_drops_stale_analysis(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.put_document(_doc(), "r1", "t1", None)
    store.put_analysis(_analysis())
    assert store.get_analysis("a.txt") is not None
    new = _doc(text="Other text.")
    assert store.put_document(new, "r2", "t2", None).status == "updated"
    assert store.get_document("a.txt") == new
    assert store.get_analysis("a.txt") is None


def test_exact_duplicate_under_other_id_is_linked(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.put_document(_doc("a.txt"), "r1", "same", None)
    outcome = store.put_document(_doc("b.txt"), "r2", "same", None)
    assert outcome.status == "duplicate" and outcome.duplicate_of == "a.txt"
    assert store.duplicate_of("b.txt") == "a.txt"


def test_analysis_round_trip(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.put_document(_doc(), "r1", "t1", None)
    a = _analysis()
    store.put_analysis(a)
    assert store.get_analysis("a.txt") == a


def test_failed_write_leaves_previous_analysis(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.put_document(_doc(), "r1", "t1", None)
    good = _analysis()
    store.put_analysis(good)
    bad = _analysis()
    bad.sentences.append(bad.sentences[0])  # duplicate primary key: the insert fails midway
    with pytest.raises(sqlite3.IntegrityError):
        store.put_analysis(bad)
    assert store.get_analysis("a.txt") == good


def test_corpus_results_round_trip(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    store.put_document(_doc(), "r1", "t1", None)
    ents = [Entity("E1", "Alpha", "ORG", ["Alpha"], ["a.txt"])]
    evs = [Event("V1", "2022-03", "Alpha acts", "AGREE", "asserted", ["E1"], [],
                 [SourceRef("a.txt", "Alpha beta.")])]
    stories = [Story("S1", "Alpha", ["a.txt"], ["V1"], "Brief.", "2022-03", "2022-03")]
    store.put_corpus(ents, evs, stories)
    store.put_quotes([Quote("a.txt", "x", 0, 1, True, id="Q1")])
    assert store.entities() == ents and store.events() == evs and store.stories() == stories
    assert store.quotes()[0].id == "Q1"
    store.put_corpus([], [], [])
    assert store.entities() == [] and store.events() == []


def test_not_a_database_gives_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RuntimeError, match="cannot open as a Storyline SQLite store"):
        SQLiteStore(bad)


def test_postgres_url_is_reported_not_silently_ignored():
    with pytest.raises(NotImplementedError, match="PostgreSQL"):
        open_store("postgresql://localhost/storyline")
