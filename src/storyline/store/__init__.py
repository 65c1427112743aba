"""Persistence: a small repository interface (:class:`Store`) and its SQLite implementation.

Other backends (PostgreSQL for teams) implement the same :class:`Store` protocol; nothing
outside this package writes SQL.
"""

from storyline.store.base import DocumentAnalysis, IngestOutcome, Store
from storyline.store.sqlite import SQLiteStore, open_store

__all__ = ["DocumentAnalysis", "IngestOutcome", "SQLiteStore", "Store", "open_store"]
