"""Turning the bytes of a text file into a ``str``: BOMs, UTF-8, then charset detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from storyline.ingest.errors import DecodeError

_BINARY_HINT = "this does not look like a text file; remove it from the input or convert it to text"

#: BOMs checked in order (UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM: mostly-ASCII text has NULs at every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    """Share of characters that are control characters other than ordinary whitespace."""
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return bad / len(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, an encoding the container
    declared (``declared``, e.g. an HTTP charset), UTF-16 without a BOM, then
    charset-normalizer's best guess.  Raises :class:`DecodeError` with a hint when the data is
    binary or no encoding fits.
    """
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            return _check_text(data.decode(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"the file starts with a {encoding} byte-order mark but is not valid {encoding}",
                "re-save the file as UTF-8",
            ) from exc
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _check_text(data.decode(declared)), declared
        except (UnicodeDecodeError, LookupError):
            pass
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return _check_text(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise DecodeError("binary content (NUL bytes) in a text file", _BINARY_HINT)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(
            "cannot decode the file: not UTF-8 and no other text encoding fits",
            "re-save the file as UTF-8 (or check that it is a text file at all)",
        )
    return _check_text(str(best)), str(best.encoding)


def _check_text(text: str) -> str:
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise DecodeError("binary content (control characters) in a text file", _BINARY_HINT)
    return text
