"""One reader per input format.  Each returns articles and errors; none raises on bad input."""

from __future__ import annotations

import gzip
import html as html_lib
import io
import json
import re
import zlib
from pathlib import Path
from typing import Any

from storyline.ingest.dates import parse_published
from storyline.ingest.decoding import decode_bytes
from storyline.ingest.errors import DecodeError, IngestError
from storyline.ingest.htmlmeta import html_metadata
from storyline.model import RawArticle

Result = tuple[list[RawArticle], list[IngestError]]

_TEXT_FIELDS = ("text", "body", "content")
_HTML_FIELDS = ("html", "raw_html")
_DATE_FIELDS = ("published", "date", "time", "pubdate", "published_at", "datePublished")


def _err(origin: str, message: str, hint: str) -> IngestError:
    return IngestError(origin=origin, message=message, hint=hint)


def _decode(data: bytes, origin: str, declared: str | None = None) -> str | IngestError:
    try:
        text, _ = decode_bytes(data, declared)
    except DecodeError as exc:
        return _err(origin, exc.message, exc.hint)
    return text


def _unique(key: str, seen: set[str]) -> str:
    """``key`` itself, or ``key~2``, ``key~3``... when an earlier record already used it."""
    candidate, n = key, 1
    while candidate in seen:
        n += 1
        candidate = f"{key}~{n}"
    seen.add(candidate)
    return candidate


# --- plain text --------------------------------------------------------------------------------

def read_txt(data: bytes, origin: str, id_base: str) -> Result:
    text = _decode(data, origin)
    if isinstance(text, IngestError):
        return [], [text]
    if not text.strip():
        return [], [_err(origin, "the file holds only whitespace", "remove the empty file")]
    return [RawArticle(id=id_base, origin=origin, text=text)], []


# --- HTML --------------------------------------------------------------------------------------

#: a page with fewer letters than this outside its markup has nothing to read
_MIN_HTML_LETTERS = 10
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _html_text_content(html: str) -> str:
    """All text of a page, tags stripped (a check that the page holds anything readable)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return " ".join(tree.text_content().split())


def html_article(html: str, origin: str, article_id: str, url: str | None = None) -> Result:
    """A RawArticle from an HTML page (kept whole) with its metadata, or an error."""
    if not html.strip():
        return [], [_err(origin, "the HTML page is empty", "remove the empty file")]
    if sum(ch.isalpha() for ch in _html_text_content(html)) < _MIN_HTML_LETTERS:
        return [], [_err(origin, "the HTML could not be parsed or has no readable text",
                         "check that the file is a complete HTML page with an article body")]
    meta = html_metadata(html, url=url)
    return [RawArticle(id=article_id, origin=origin, html=html, title=meta.title,
                       published=meta.published, source=meta.source, author=meta.author,
                       url=meta.url or url, language=meta.language)], []


def read_html(data: bytes, origin: str, id_base: str) -> Result:
    m = _META_CHARSET.search(data[:4096])
    declared = m[1].decode("ascii", "replace") if m else None
    text = _decode(data, origin, declared)
    if isinstance(text, IngestError):
        return [], [text]
    return html_article(text, origin, id_base)


# --- JSON / JSONL ------------------------------------------------------------------------------

def _str_field(obj: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(value)  # e.g. a list of authors
    return None


def json_article(obj: object, origin: str, article_id: str | None, id_base: str,
                 n: int, seen: set[str]) -> Result:
    """One article from a decoded JSON object.  ``article_id`` None: derive ``id_base#key``."""
    if not isinstance(obj, dict):
        return [], [_err(origin, f"expected a JSON object, found {type(obj).__name__}",
                         "each article must be an object with a 'text' or 'html' field")]
    text = _str_field(obj, *_TEXT_FIELDS)
    html = None if text else _str_field(obj, *_HTML_FIELDS)
    if not text and not html:
        return [], [_err(origin, "the object has no 'text' or 'html' field (or it is empty)",
                         "give each article its body in a 'text' (plain) or 'html' field")]
    if article_id is None:
        key = _str_field(obj, "id") or str(n)
        article_id = _unique(f"{id_base}#{key}", seen)
    published = None
    for name in _DATE_FIELDS:
        if obj.get(name) not in (None, ""):
            published = parse_published(obj[name])
            if published is not None:
                break
    title = _str_field(obj, "title", "headline")
    author = _str_field(obj, "author", "authors", "byline")
    source = _str_field(obj, "source", "sitename", "publisher")
    url = _str_field(obj, "url", "link")
    language = _str_field(obj, "language", "lang")
    if html:
        found, errors = html_article(html, origin, article_id, url)
        if errors:
            return found, errors
        art = found[0]
        # the container's fields win over the page's own metadata
        art.title = title or art.title
        art.author = author or art.author
        art.source = source or art.source
        art.published = published or art.published
        art.language = language or art.language
        return [art], []
    return [RawArticle(id=article_id, origin=origin, text=text, title=title,
                       published=published, source=source, author=author, url=url,
                       language=language)], []


def read_json(data: bytes, origin: str, id_base: str) -> Result:
    text = _decode(data, origin)
    if isinstance(text, IngestError):
        return [], [text]
    if not text.strip():
        return [], [_err(origin, "the file holds only whitespace", "remove the empty file")]
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [_err(origin, f"malformed JSON: {exc.msg} at line {exc.lineno} column "
                                 f"{exc.colno}",
                         "fix the JSON (one object, or a list of objects), or use .jsonl "
                         "with one object per line")]
    if isinstance(obj, dict):
        return json_article(obj, origin, id_base, id_base, 1, set())
    if not isinstance(obj, list):
        return [], [_err(origin, f"expected a JSON object or a list of objects, found "
                                 f"{type(obj).__name__}",
                         "put each article in an object with a 'text' or 'html' field")]
    articles: list[RawArticle] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for n, item in enumerate(obj, start=1):
        found, errs = json_article(item, f"{origin}#{n}", None, id_base, n, seen)
        articles += found
        errors += errs
    if not obj:
        errors.append(_err(origin, "the JSON list is empty", "remove the empty file"))
    return articles, errors


def read_jsonl_stream(stream: io.BufferedIOBase | gzip.GzipFile, origin: str,
                      id_base: str) -> Result:
    """Read JSON Lines from a binary stream: a bad line is an error for that line only."""
    articles: list[RawArticle] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    nonblank = 0
    try:
        for n, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            nonblank += 1
            where = f"{origin}:{n}"
            text = _decode(line, where)
            if isinstance(text, IngestError):
                errors.append(text)
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                errors.append(_err(where, f"malformed JSON on line {n}: {exc.msg}",
                                   "fix or remove that line (one JSON object per line); "
                                   "the other lines were read"))
                continue
            found, errs = json_article(obj, where, None, id_base, n, seen)
            articles += found
            errors += errs
    except (OSError, EOFError, zlib.error) as exc:
        errors.append(_err(origin, f"the compressed file is damaged or truncated ({exc})",
                           "re-create the .gz file; the lines before the damage were read"))
    if nonblank == 0 and not errors:
        errors.append(_err(origin, "the file holds no JSON lines", "remove the empty file"))
    return articles, errors


# --- RSS / Atom --------------------------------------------------------------------------------

def read_feed(data: bytes, origin: str, id_base: str) -> Result:
    import feedparser

    try:
        feed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser is robust, but never let one file stop a batch
        return [], [_err(origin, f"cannot parse the feed ({exc})",
                         "check that the file is an RSS or Atom feed")]
    entries = list(feed.get("entries") or [])
    if not entries:
        if feed.get("bozo"):
            why = feed.get("bozo_exception")
            return [], [_err(origin, f"malformed RSS/Atom feed with no readable entries ({why})",
                             "check that the .xml file is a well-formed RSS or Atom feed")]
        return [], [_err(origin, "the feed has no entries",
                         "check that the .xml file is an RSS or Atom feed with items")]
    source = (feed.get("feed") or {}).get("title") or None
    articles: list[RawArticle] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        body, is_html = _entry_body(entry)
        if not body:
            errors.append(_err(where, "the feed entry has no content or summary",
                               "feeds that carry only links must be fetched first"))
            continue
        key = entry.get("id") or entry.get("guid") or str(n)
        art_id = _unique(f"{id_base}#{key}", seen)
        published = None
        for name in ("published_parsed", "updated_parsed", "created_parsed"):
            if entry.get(name):
                published = parse_published(entry[name])
                if published:
                    break
        title = " ".join((entry.get("title") or "").split()) or None
        author = entry.get("author") or None
        url = entry.get("link") or None
        if is_html:
            found, errs = html_article(body, where, art_id, url)
            if errs:
                errors += errs
                continue
            art = found[0]
            art.title, art.published = title or art.title, published or art.published
            art.author, art.source = author or art.author, source or art.source
            articles.append(art)
        else:
            articles.append(RawArticle(id=art_id, origin=where, text=body, title=title,
                                       published=published, source=source, author=author,
                                       url=url))
    return articles, errors


def _entry_body(entry: Any) -> tuple[str | None, bool]:
    """The richest body of a feed entry (full content before summary) and whether it is HTML."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or ""))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    candidates = [(v, t) for v, t in candidates if v.strip()]
    if not candidates:
        return None, False
    value, mime = max(candidates, key=lambda c: len(c[0]))
    if re.search(r"<[a-zA-Z][^>]*>", value):
        return value, True
    # declared HTML without any tags: plain text with entities
    return (html_lib.unescape(value) if "html" in mime else value), False


# --- WARC --------------------------------------------------------------------------------------

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def read_warc(stream: io.BufferedIOBase, origin: str, id_base: str) -> Result:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    articles: list[RawArticle] = []
    errors: list[IngestError] = []
    n = 0
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                mime = record.http_headers.get_header("Content-Type") or ""
            else:
                mime = record.rec_headers.get_header("Content-Type") or ""
            if "html" not in mime.lower():
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            where = f"{origin}#{n}"
            payload = record.content_stream().read()
            m = _CHARSET.search(mime)
            html = _decode(payload, where, m[1] if m else None)
            if isinstance(html, IngestError):
                errors.append(html)
                continue
            found, errs = html_article(html, where, f"{id_base}#{n}", url)
            articles += found
            errors += errs
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        errors.append(_err(origin, f"malformed or truncated WARC file ({exc})",
                           "check the file with `warcio check` or re-create it; records "
                           "before the damage were read"))
    if records and not n and not errors:
        errors.append(IngestError(origin, "the WARC file holds no HTML responses",
                                  "only response records with Content-Type text/html are read",
                                  level="notice"))
    if not records and not errors:
        errors.append(_err(origin, "the WARC file holds no records", "remove the empty file"))
    return articles, errors


def open_maybe_gzip(path: Path) -> io.BufferedIOBase | gzip.GzipFile:
    """Open a file for binary streaming, decompressing it when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")  # the caller closes it
