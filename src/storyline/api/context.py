"""What the API and web routes share: settings, per-thread store connections, jobs, errors."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from storyline.api.jobs import JobManager
from storyline.model import Entity
from storyline.store import SQLiteStore


class ApiError(Exception):
    """An error answered as ``{"error": error, "detail": detail}`` with ``status``."""

    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail


class StoreProvider:
    """One read connection per thread (SQLite connections must stay in their thread)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()
        self._all: list[SQLiteStore] = []
        self._lock = threading.Lock()

    def get(self) -> SQLiteStore:
        store: SQLiteStore | None = getattr(self._local, "store", None)
        if store is None:
            store = SQLiteStore(self.db)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        """Forget every connection; each is closed by the thread that next needs it or at exit.

        SQLite refuses to close a connection from another thread, so closing is best effort.
        """
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            with contextlib.suppress(Exception):  # opened in another thread
                store.close()


@dataclass
class AppContext:
    """Settings and shared services of one application instance (kept in ``app.state``)."""

    db: Path
    token: str | None
    jobs: JobManager
    stores: StoreProvider
    max_upload_bytes: int
    extra: dict[str, object] = field(default_factory=dict)

    def store(self) -> SQLiteStore:
        return self.stores.get()

    def entity_names(self) -> dict[str, str]:
        return self.store().entity_names()

    def entity_index(self) -> dict[str, Entity]:
        return {e.id: e for e in self.store().entities()}


def context(request: Request) -> AppContext:
    """FastAPI dependency: the application's context."""
    ctx: AppContext = request.app.state.ctx
    return ctx
