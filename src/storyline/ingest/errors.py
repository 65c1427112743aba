"""The error record that ingestion returns instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class IngestError:
    """Something in one input file could not be read.

    Ingestion never raises on bad input: it returns one of these for the file (or the line,
    record or entry) concerned and carries on with the rest of the batch.

    ``origin`` names the file (with ``:LINE`` or ``#N`` when only part of it failed),
    ``message`` says what went wrong and ``hint`` what the user can do about it.
    ``level`` is ``"notice"`` for files that were skipped on purpose (an unknown extension),
    ``"error"`` otherwise.
    """

    origin: str
    message: str
    hint: str
    level: Literal["error", "notice"] = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.message} ({self.hint})"


class DecodeError(ValueError):
    """Raised inside the readers when bytes cannot be turned into text; never escapes them."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
