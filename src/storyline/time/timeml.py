"""TempEval-3 TimeML in, TimeML out: the ``storyline timex`` command's engine.

:func:`tag_timeml` reads a TempEval-3 input file (its ``<TEXT>`` holds raw text; the document
creation time is the ``<TIMEX3 ... functionInDocument="CREATION_TIME">`` inside ``<DCT>``),
tags the text with :func:`storyline.time.tag` anchored on that date, and returns the same file
with ``<TIMEX3 tid=".." type=".." value="..">...</TIMEX3>`` inserted around each expression.
Everything else is kept byte for byte: the tagger sees the unescaped text (``&amp;`` is one
``&``), and its offsets are mapped back onto the original characters, so an entity is never
split and nothing is re-escaped.  Tags already inside ``<TEXT>`` are kept as they are and an
expression never straddles one.  New ``tid`` values never reuse one already in the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from storyline.time import tag

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXT_RE: Final = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DCT_RE: Final = re.compile(r"<TIMEX3\b[^>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*>")
_VALUE_RE: Final = re.compile(r"""\bvalue\s*=\s*["']([^"']*)["']""")
_TID_RE: Final = re.compile(r"""\btid\s*=\s*["']t(\d+)["']""")
_MARKUP_RE: Final = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def creation_time(content: str) -> dt.date | None:
    """The document creation time of a TimeML file, or None when it has none (or a bad one)."""
    m = _DCT_RE.search(content)
    if m is None:
        return None
    v = _VALUE_RE.search(m.group())
    if v is None:
        return None
    digits = re.sub(r"\D", "", v.group(1)[:10])
    if len(digits) < 8:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _plain(raw: str) -> tuple[str, list[int], list[int], set[int]]:
    """The tagger's view of ``raw``: unescaped text without tags, and for each plain
    character the raw offsets where it starts and ends; plus the plain offsets where a tag
    sits (an expression may not cross them)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    tag_at: set[int] = set()
    pos = 0
    for m in _MARKUP_RE.finditer(raw):
        for i in range(pos, m.start()):
            chars.append(raw[i])
            starts.append(i)
            ends.append(i + 1)
        token = m.group()
        if token.startswith("<"):
            tag_at.add(len(chars))
        else:
            text = html.unescape(token)
            for ch in text:
                chars.append(ch)
                starts.append(m.start())
                ends.append(m.end())
        pos = m.end()
    for i in range(pos, len(raw)):
        chars.append(raw[i])
        starts.append(i)
        ends.append(i + 1)
    return "".join(chars), starts, ends, tag_at


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class Span(Protocol):
    """What :func:`insert_timexes` needs of an expression (a ``TimeExpression`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


def text_of(content: str) -> str:
    """The text the tagger sees: ``<TEXT>`` unescaped, without tags."""
    m = _TEXT_RE.search(content)
    if m is None:
        raise ValueError("no <TEXT> element")
    return _plain(m.group(1))[0]


def insert_timexes(content: str, spans: Iterable[Span]) -> str:
    """``content`` with a TIMEX3 around each span (offsets in :func:`text_of`).

    Spans must be sorted and non-overlapping; one that overlaps the previous one or crosses a
    tag already in the text is left out.
    """
    m = _TEXT_RE.search(content)
    if m is None:
        raise ValueError("no <TEXT> element")
    raw = m.group(1)
    _, starts, ends, tag_at = _plain(raw)
    used = {int(t) for t in _TID_RE.findall(content)}
    next_id = 1
    pieces: list[str] = []
    pos = 0
    for e in spans:
        if not 0 <= e.start < e.end <= len(starts) or any(e.start < k < e.end for k in tag_at):
            continue
        a, b = starts[e.start], ends[e.end - 1]
        if a < pos:
            continue
        while next_id in used:
            next_id += 1
        pieces.append(raw[pos:a])
        pieces.append(f'<TIMEX3 tid="t{next_id}" type="{_attr(e.type)}" '
                      f'value="{_attr(e.value)}">')
        pieces.append(raw[a:b])
        pieces.append("</TIMEX3>")
        used.add(next_id)
        pos = b
    pieces.append(raw[pos:])
    return content[:m.start(1)] + "".join(pieces) + content[m.end(1):]


def tag_timeml(content: str, doc: Doc | None = None) -> str:
    """``content`` with TIMEX3 tags inserted around the time expressions of its ``<TEXT>``.

    ``doc``, when given, is a spaCy Doc of :func:`text_of` ``(content)`` (used for tense).
    Raises ``ValueError`` when the file has no ``<TEXT>``.
    """
    return insert_timexes(content, tag(text_of(content), creation_time(content), doc))


def tag_directory(in_dir: Path, out_dir: Path) -> list[tuple[str, str | None]]:
    """Tag every ``*.tml`` file of ``in_dir`` into a file of the same name in ``out_dir``.

    Returns (file name, error or None) per file, in name order; a bad file is reported and
    skipped, never stops the batch.  ``out_dir`` is created if missing.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    results: list[tuple[str, str | None]] = []
    for path in sorted(in_dir.glob("*.tml")):
        try:
            content = path.read_bytes().decode("utf-8")
            tagged = tag_timeml(content)
            (out_dir / path.name).write_bytes(tagged.encode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            results.append((path.name, f"{type(exc).__name__}: {exc}"))
        else:
            results.append((path.name, None))
    return results
