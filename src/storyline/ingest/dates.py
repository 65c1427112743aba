"""Publication dates as containers declare them: ISO strings, RFC 2822, written-out dates.

Only absolute dates are accepted: nothing here ever falls back to today or to a file's mtime.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from typing import Any

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    # absolute dates only: "yesterday" or "3 days ago" would depend on today's date
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    # a date missing its day or year would be completed from today's date: refuse it
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}


def parse_published(value: object) -> dt.date | None:
    """Parse a publication date given as a string, a date, a datetime, a time tuple or epoch.

    Returns ``None`` when the value is empty or not a complete, absolute calendar date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if re.fullmatch(r"\d{9,11}(\.\d+)?", text):
        return _from_epoch(float(text))
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _from_epoch(seconds: float) -> dt.date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000.0
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _dateparser(text: str) -> dt.date | None:
    if len(text) > 80 or not re.search(r"\d{4}", text):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed is not None else None
