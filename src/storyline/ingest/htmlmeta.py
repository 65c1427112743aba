"""Metadata of an HTML page: trafilatura's meta-tag reading plus htmldate for the date."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import parse_published

#: htmldate settings: the original (publication) date, from markup only; never today's date
HTMLDATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


def _quiet_loggers() -> None:
    """trafilatura and htmldate log every odd page at WARNING; batch runs need no such noise."""
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def html_metadata(html: str, url: str | None = None) -> HtmlMetadata:
    """Read title, author, date, site name, canonical URL and language from an HTML page.

    The date comes from htmldate with ``original_date=True`` and no extensive search, so a
    page without a date in its markup gets ``None``.  A date that is today's and that the page
    does not spell out anywhere is dropped as a leak.
    """
    _quiet_loggers()
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url, date_config=dict(HTMLDATE_PARAMS),
                                extensive=False)
    except Exception:  # a metadata bug must not lose the article
        return HtmlMetadata(url=url)
    published = parse_published(meta.date) if meta.date else None
    if published is not None and published == dt.date.today() \
            and published.isoformat() not in html and str(published.year) not in html:
        published = None
    language = _html_lang(html)
    return HtmlMetadata(
        title=_clean(meta.title),
        author=_clean(meta.author),
        published=published,
        source=_clean(meta.sitename),
        url=_clean(meta.url) or url,
        language=language,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _html_lang(html: str) -> str | None:
    """The ``lang`` attribute of the ``<html>`` element (two-letter code), if any."""
    m = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?",
                  html[:5000], re.IGNORECASE)
    return m[1].lower() if m else None
