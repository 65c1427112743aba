"""Report writers: contract shape and escaping of untrusted article text."""

from __future__ import annotations

import datetime as dt

from storyline.model import (
    Analysis,
    Conflict,
    Document,
    Entity,
    Event,
    Paragraph,
    Quote,
    SourceRef,
    Story,
)
from storyline.report import build_report, render_html, render_markdown

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _analysis() -> Analysis:
    text = f"Officials said {EVIL} today.\n\nSecond paragraph."
    doc = Document(id="evil<b>.txt", text=text, title=f"Title {EVIL}",
                   published=dt.date(2022, 3, 1), language="en", author="A <i>B</i>",
                   paragraphs=[Paragraph(0, text.index("\n"), "en"),
                               Paragraph(text.index("Second"), len(text), "en")])
    sentence = text.split("\n")[0]
    return Analysis(
        documents=[doc],
        entities=[Entity("E1", f"Org {EVIL}", "ORG", [f"Org {EVIL}"], [doc.id])],
        events=[Event("V1", "2022-03-01", f"Summary {EVIL}", "SANCTION", "asserted", ["E1"],
                      [], [SourceRef(doc.id, sentence)],
                      conflicts=[Conflict("number of <b>s", {"3": [doc.id], "4": ["other"]})])],
        quotes=[Quote(doc.id, EVIL, 15, 15 + len(EVIL), True, speaker=f"Sp {EVIL}", id="Q1")],
        stories=[Story("S1", f"Label {EVIL}", [doc.id], ["V1"], f"Summary {EVIL}.",
                       brief_events=["V1"])],
    )


def test_report_contract_fields(report_schema):
    import jsonschema

    report = build_report(_analysis())
    jsonschema.validate(report, report_schema)
    ev = report["events"][0]
    assert ev["sources"] == [{"document": "evil<b>.txt",
                              "sentence": f"Officials said {EVIL} today."}]
    assert report["documents"][0]["published"] == "2022-03-01"


def test_html_escapes_all_article_text():
    html = render_html(build_report(_analysis()))
    body = html.split("<body>", 1)[1]
    # the only script element is the report's own inline script
    assert body.count("<script") == 1
    assert "<img" not in body and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body
    assert "Sources disagree on the number of &lt;b&gt;s" in body
    assert 'src="http' not in html and "href=\"http" not in html


def test_markdown_escapes_markup():
    md = render_markdown(build_report(_analysis()))
    assert "<script>" not in md and "\\<script\\>" in md


def test_brief_sentences_link_to_their_events():
    report = build_report(_analysis())
    assert report["stories"][0]["brief_events"] == ["V1"]
    html = render_html(report)
    # the brief's sentence is escaped and followed by a link to its event and its sources
    assert '<a class="cite" href="#ev-V1" title="1 source sentence">[1 article]</a>' in html
    assert 'id="ev-V1"' in html
    assert "[V1: 1 article]" in render_markdown(report)
