"""Reading articles from files and folders into :class:`~storyline.model.RawArticle` records.

Formats: ``.txt``, ``.html``/``.htm``, ``.json`` (one object or a list), ``.jsonl``,
``.jsonl.gz``, RSS/Atom ``.xml``, ``.warc``/``.warc.gz``.  Bad input never raises and never
stops a batch: each problem comes back as an :class:`IngestError` naming the file (and line or
record), what went wrong and what to do about it.

Typical use::

    for item in read_paths([Path("articles/")]):
        if isinstance(item, IngestError):
            print(item)
        else:
            document = clean(item)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.ingest import readers
from storyline.ingest.dates import parse_published
from storyline.ingest.errors import IngestError
from storyline.ingest.htmlmeta import HtmlMetadata, html_metadata
from storyline.model import RawArticle

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "HtmlMetadata",
    "IngestError",
    "html_metadata",
    "iter_files",
    "parse_published",
    "read_file",
    "read_paths",
]

#: files larger than this are refused (a parameter of :func:`read_file` / :func:`read_paths`)
DEFAULT_MAX_BYTES = 20_000_000  # 20 MB

#: the suffixes read, longest first so that ``.jsonl.gz`` wins over ``.gz``
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".jsonl.gz", ".warc.gz", ".jsonl", ".json", ".html", ".htm", ".txt", ".xml", ".warc",
)


def format_of(path: Path) -> str | None:
    """The supported suffix that ``path``'s name ends with (lower-cased), or None."""
    name = path.name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def _hidden(parts: Iterable[str]) -> bool:
    return any(part.startswith(".") for part in parts)


def iter_files(paths: list[Path]) -> list[tuple[Path, str]]:
    """The files to read, each with its id base, in a deterministic order.

    A folder is searched recursively; its files get the path relative to it (POSIX form) as id
    base, sorted by that path.  A file argument gets its own name.  Hidden files and folders
    (name starting with ``.``) inside a folder are skipped; paths that do not exist are left
    out (:func:`read_paths` reports them).  Files of unknown type are listed:
    :func:`read_file` answers them with a notice.
    """
    found: list[tuple[Path, str]] = []
    for arg in paths:
        arg = Path(arg)
        if arg.is_dir():
            inner: list[tuple[Path, str]] = []
            for dirpath, dirnames, filenames in os.walk(arg):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.startswith("."):
                        continue
                    file = Path(dirpath) / name
                    rel = file.relative_to(arg).as_posix()
                    if _hidden(rel.split("/")) or not file.is_file():
                        continue
                    inner.append((file, rel))
            found.extend(sorted(inner, key=lambda item: item[1]))
        elif arg.is_file():
            found.append((arg, arg.name))
    return found


def read_file(path: Path, id_base: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              ) -> tuple[list[RawArticle], list[IngestError]]:
    """Read one file into articles, returning every problem as an :class:`IngestError`.

    ``id_base`` is the article id for single-article files (``.txt``, ``.html``, a ``.json``
    object); multi-article files give ``id_base#KEY``, KEY being the record's ``id`` field or
    entry id, else its number (line number for JSON Lines).  Files over ``max_bytes`` are
    refused before being read.
    """
    path = Path(path)
    origin = str(path)
    fmt = format_of(path)
    if fmt is None:
        return [], [IngestError(
            origin, f"skipped: unknown file type {path.suffix or '(no extension)'!r}",
            "supported: " + ", ".join(sorted(SUPPORTED_SUFFIXES)), level="notice")]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [], [IngestError(origin, f"cannot read the file ({exc.strerror or exc})",
                                "check that the file exists and is readable")]
    if size == 0:
        return [], [IngestError(origin, "the file is empty (0 bytes)", "remove the empty file")]
    if size > max_bytes:
        return [], [IngestError(
            origin,
            f"the file is {size / 1e6:.1f} MB, over the size limit of {max_bytes / 1e6:.1f} MB",
            f"raise the limit (storyline analyze --max-mb {size / 1e6 + 1:.0f}, or max_bytes in "
            "read_file/read_paths) or split the file into smaller ones")]
    try:
        if fmt in (".jsonl", ".jsonl.gz"):
            with readers.open_maybe_gzip(path) as stream:
                return readers.read_jsonl_stream(stream, origin, id_base)
        if fmt in (".warc", ".warc.gz"):
            with open(path, "rb") as stream:
                return readers.read_warc(stream, origin, id_base)
        data = path.read_bytes()
    except OSError as exc:
        return [], [IngestError(origin, f"cannot read the file ({exc.strerror or exc})",
                                "check that the file exists and is readable")]
    if fmt == ".txt":
        return readers.read_txt(data, origin, id_base)
    if fmt in (".html", ".htm"):
        return readers.read_html(data, origin, id_base)
    if fmt == ".json":
        return readers.read_json(data, origin, id_base)
    return readers.read_feed(data, origin, id_base)


def read_paths(paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES,
               ) -> Iterator[RawArticle | IngestError]:
    """Read files and folders (recursively), yielding articles and errors in file order."""
    for arg in paths:
        arg = Path(arg)
        if not arg.exists():
            yield IngestError(str(arg), "no such file or folder",
                              "check the path (relative paths start from the current folder)")
            continue
        files = iter_files([arg])
        if arg.is_dir() and not files:
            yield IngestError(str(arg), "the folder holds no files", "check the path",
                              level="notice")
        for file, id_base in files:
            articles, errors = read_file(file, id_base, max_bytes=max_bytes)
            yield from articles
            yield from errors
