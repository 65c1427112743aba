"""Reading each input format into RawArticle records (small files written in tmp_path)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import IngestError, iter_files, parse_published, read_file, read_paths
from storyline.model import RawArticle

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour crane collapses in storm | Coast Courier</title>
<meta property="og:title" content="Harbour crane collapses in storm">
<meta property="og:site_name" content="Coast Courier">
<meta name="author" content="Tessa Marlow">
<meta property="article:published_time" content="2021-10-12T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour crane collapses in storm</h1>
<p>A container crane at the northern harbour toppled during gale-force winds on Monday night,
blocking two berths for most of the following day.</p>
<p>No one was hurt, the port authority said, but shipping lines were told to expect delays
of up to three days while the wreck is cut apart and removed.</p>
</article></body></html>
"""


def _articles(items: list[RawArticle | IngestError]) -> list[RawArticle]:
    return [x for x in items if isinstance(x, RawArticle)]


def _errors(items: list[RawArticle | IngestError]) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


# --- files and ids ---------------------------------------------------------------------------

def test_iter_files_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / "b" / "c.txt").write_text("Cee.")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git" / "x.txt").write_text("secret")
    single = tmp_path / "b" / "c.txt"
    found = iter_files([tmp_path, single])
    assert [base for _, base in found] == ["a.txt", "b/c.txt", "b/z.txt", "c.txt"]
    assert found[0][0] == tmp_path / "a.txt"
    assert iter_files([tmp_path]) == iter_files([tmp_path])


def test_txt_single_article_id_is_relative_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("The river rose overnight.\n", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert len(items) == 1
    art = items[0]
    assert isinstance(art, RawArticle)
    assert art.id == "sub/one.txt"
    assert art.text == "The river rose overnight.\n"
    assert art.html is None
    assert art.published is None  # never the file's mtime


def test_txt_encodings_with_bom(tmp_path: Path) -> None:
    text = "Der Fluss stieg über Nacht – «ça déborde», said the mayor.\n"
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "bom16.txt").write_bytes(text.encode("utf-16"))  # includes a BOM
    for name in ("bom8.txt", "bom16.txt"):
        arts, errors = read_file(tmp_path / name, name)
        assert errors == []
        assert arts[0].text == text


def test_html_keeps_raw_html_and_reads_metadata(tmp_path: Path) -> None:
    path = tmp_path / "crane.html"
    path.write_text(PAGE, encoding="utf-8")
    arts, errors = read_file(path, "crane.html")
    assert errors == []
    (art,) = arts
    assert art.id == "crane.html"
    assert art.html == PAGE and art.text is None
    assert art.title == "Harbour crane collapses in storm"
    assert art.author == "Tessa Marlow"
    assert art.source == "Coast Courier"
    assert art.published == dt.date(2021, 10, 12)
    assert art.language == "en"


def test_html_without_date_has_no_date(tmp_path: Path) -> None:
    body = "<p>" + "Ferries were cancelled along the whole coast because of the wind. " * 4
    path = tmp_path / "nodate.htm"
    path.write_text(f"<html><head><title>Ferries</title></head><body>{body}</p></body></html>")
    arts, errors = read_file(path, "nodate.htm")
    assert errors == []
    assert arts[0].published is None  # htmldate must not fall back to today
    assert arts[0].published != dt.date.today()


def test_json_single_object_and_list(tmp_path: Path) -> None:
    one = {"title": "Bridge reopens", "text": "The bridge reopened at noon.",
           "published": "2020-05-04T10:00:00Z", "source": "Town Gazette", "author": "Ida Fenn",
           "url": "https://example.org/bridge"}
    (tmp_path / "one.json").write_text(json.dumps(one))
    arts, errors = read_file(tmp_path / "one.json", "one.json")
    assert errors == []
    (art,) = arts
    assert art.id == "one.json"
    assert (art.title, art.published, art.source, art.author, art.url) == (
        "Bridge reopens", dt.date(2020, 5, 4), "Town Gazette", "Ida Fenn",
        "https://example.org/bridge")

    many = [{"id": "x1", "text": "First story."}, {"text": "Second story."},
            {"id": "x1", "text": "A record reusing an id."}]
    (tmp_path / "many.json").write_text(json.dumps(many))
    arts, errors = read_file(tmp_path / "many.json", "many.json")
    assert errors == []
    assert [a.id for a in arts] == ["many.json#x1", "many.json#2", "many.json#x1~2"]


def test_json_html_field(tmp_path: Path) -> None:
    (tmp_path / "h.json").write_text(json.dumps({"html": PAGE, "title": "Given title"}))
    arts, errors = read_file(tmp_path / "h.json", "h.json")
    assert errors == []
    assert arts[0].html == PAGE
    assert arts[0].title == "Given title"  # the container's field wins
    assert arts[0].published == dt.date(2021, 10, 12)


def test_jsonl_gz(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "title": "Dam inspected", "text": "Inspectors checked the dam.",
         "published": "2019-07-01"},
        {"title": "No id here", "text": "A second article.", "time": "2019-07-02 14:00:00"},
        {"id": "c", "html": "<html><body><p>Markup body about the harbour and the ships that"
                            " wait outside it.</p></body></html>"},
    ]
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        fh.write("\n")  # a blank line is not an error
    arts, errors = read_file(path, "batch.jsonl.gz")
    assert errors == []
    assert [a.id for a in arts] == ["batch.jsonl.gz#a", "batch.jsonl.gz#2", "batch.jsonl.gz#c"]
    assert arts[0].published == dt.date(2019, 7, 1)
    assert arts[1].published == dt.date(2019, 7, 2)
    assert arts[2].html is not None and arts[2].text is None


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Herald</title><link>https://valley.example/</link>
<item><title>Orchard harvest starts early</title><link>https://valley.example/apples</link>
<guid>apples-2020</guid><pubDate>Tue, 01 Sep 2020 07:00:00 GMT</pubDate>
<author>news@valley.example (Pia Lund)</author>
<content:encoded><![CDATA[<p>Growers began picking apples two weeks ahead of the usual date
after an unusually warm summer across the valley.</p><p>Prices are expected to fall.</p>]]>
</content:encoded></item>
<item><title>Library extends hours</title><link>https://valley.example/library</link>
<description>The town library will stay open until nine on weekdays.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridge Notes</title>
<id>urn:ridge</id><updated>2018-02-02T00:00:00Z</updated>
<entry><title>Snow closes pass</title><id>urn:ridge:1</id>
<published>2018-02-01T12:00:00Z</published><updated>2018-02-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Heavy snow closed the mountain pass for a second day, and the road
service said it would not reopen before the weekend.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    arts, errors = read_file(path, "feed.xml")
    assert errors == []
    assert [a.id for a in arts] == ["feed.xml#apples-2020", "feed.xml#2"]
    first, second = arts
    assert first.html is not None and "apples" in first.html
    assert first.title == "Orchard harvest starts early"
    assert first.published == dt.date(2020, 9, 1)
    assert first.source == "Valley Herald"
    assert first.url == "https://valley.example/apples"
    assert second.text == "The town library will stay open until nine on weekdays."
    assert second.published is None


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "atom.xml"
    path.write_text(ATOM, encoding="utf-8")
    arts, errors = read_file(path, "atom.xml")
    assert errors == []
    (art,) = arts
    assert art.id == "atom.xml#urn:ridge:1"
    assert art.published == dt.date(2018, 2, 1)
    assert art.html is not None and "mountain pass" in art.html


def _warc_bytes(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    page = PAGE.encode("utf-8")
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://coast.example/crane", "response", payload=io.BytesIO(page),
        http_headers=http))
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://coast.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG\x00\x01"),
        http_headers=img))
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://coast.example/gone", "response", payload=io.BytesIO(b"<p>gone</p>"),
        http_headers=missing))
    return buf.getvalue()


def test_warc_plain_and_gzipped(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(_warc_bytes(gz))
        arts, errors = read_file(path, name)
        assert errors == []
        (art,) = arts  # the image and the 404 page are not articles
        assert art.id == f"{name}#1"
        assert art.url == "https://coast.example/crane"
        assert art.html is not None and "container crane" in art.html
        assert art.title == "Harbour crane collapses in storm"
        assert art.published == dt.date(2021, 10, 12)  # from the page, not the WARC-Date


def test_read_paths_missing_path_and_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bee story.")
    (tmp_path / "a.txt").write_text("Ay story.")
    items = list(read_paths([tmp_path / "nope", tmp_path]))
    assert isinstance(items[0], IngestError) and "nope" in items[0].origin
    assert [a.id for a in _articles(items)] == ["a.txt", "b.txt"]
    assert len(_errors(items)) == 1


def test_parse_published_absolute_only() -> None:
    assert parse_published("2022-03-08") == dt.date(2022, 3, 8)
    assert parse_published("2022-03-08T23:10:00+02:00") == dt.date(2022, 3, 8)
    assert parse_published("Tue, 08 Mar 2022 10:00:00 GMT") == dt.date(2022, 3, 8)
    assert parse_published("March 01, 2022") == dt.date(2022, 3, 1)
    assert parse_published(dt.datetime(2021, 1, 2, 3, 4)) == dt.date(2021, 1, 2)
    for relative in ("today", "yesterday", "3 days ago", "March 2022", "", None, "n/a"):
        assert parse_published(relative) is None
