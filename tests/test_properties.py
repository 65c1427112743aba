"""Property tests: parsers of untrusted input never crash and keep their offsets honest."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import IngestError, read_file
from storyline.model import RawArticle

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".jsonl.gz", ".xml", ".warc", ".warc.gz"]

_markup = st.sampled_from([
    "<html>", "</p>", "<p>", "{", "}", "[", "]", '"text":', '"html":', "<rss>", "<item>",
    "<title>", "</item>", "WARC/1.0\r\n", "\r\n\r\n", "\x00", "date 2022-03-01 ", "—", "“", "\n",
])
_payload = st.lists(st.one_of(_markup, st.text(max_size=30)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), st.one_of(_payload.map(str.encode), st.binary(max_size=400)))
def test_read_file_never_raises(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        articles, errors = read_file(path, path.name)
    assert all(isinstance(a, RawArticle) for a in articles)
    assert all(isinstance(e, IngestError) and e.message and e.hint for e in errors)
    assert articles or errors  # something is always said about a file


@settings(max_examples=300, deadline=None)
@given(_payload)
def test_quote_spans_inside_text(text):
    from storyline.quotes import find_quote_spans

    for span in find_quote_spans(text, 0, len(text)):
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_payload)
def test_document_stages_on_arbitrary_text(nlp_pipeline, text):
    from storyline.clean import clean
    from storyline.pipeline import analyse_document

    doc = clean(RawArticle(id="x", origin="x", text=text))
    a = analyse_document(doc, nlp_pipeline(doc.text))
    for rec in (*a.sentences, *a.timexes, *a.mentions):
        assert doc.text[rec.start:rec.end] == rec.text
    for q in a.quotes:
        assert doc.text[q.start:q.end] == q.text
    for e in a.event_mentions:
        assert e.sentence_text in doc.text
