"""Storyline: from a pile of news articles to a sourced, structured account.

The one-call Python API::

    import storyline
    report = storyline.analyze(["articles/"], db="storyline.db")
    for event in report["events"]:
        print(event["date"], event["summary"])

``report`` is the JSON report of the CLI contract, as a dict.  For finer control use
:func:`storyline.pipeline.run` with a store from :func:`storyline.store.open_store`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

__version__ = "0.1.0"


def analyze(paths: Iterable[str | Path], db: str | Path = "storyline.db") -> dict[str, Any]:
    """Ingest and analyse articles (files or folders); return the report as a dict."""
    from storyline.nlp import shared_pipeline
    from storyline.pipeline import run
    from storyline.report import build_report
    from storyline.store import open_store

    with open_store(db) as store:
        result = run([Path(p) for p in paths], store, shared_pipeline())
    report = build_report(result.analysis, result.duplicates)
    report["problems"] = [
        {"file": e.origin, "message": e.message, "hint": e.hint} for e in result.errors
    ]
    return report
