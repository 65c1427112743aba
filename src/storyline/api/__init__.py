"""Storyline's REST API and web app (FastAPI), served by ``storyline serve``.

:func:`create_app` builds the application over a SQLite store; :func:`serve` runs it with
uvicorn.  See docs/web.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from storyline.api.app import create_app

__all__ = ["create_app", "serve"]


def serve(db: Path, host: str, port: int, token: str | None) -> None:
    """Serve the API and web app on ``host:port`` until interrupted.

    ``token`` (or, when None, the ``STORYLINE_TOKEN`` environment variable) enables uploads;
    without one the server is read-only.
    """
    import uvicorn

    if not Path(db).exists():
        raise FileNotFoundError(
            f"{db}: no such store; create one with 'storyline analyze PATH --db {db}'."
        )
    app = create_app(Path(db), token or os.environ.get("STORYLINE_TOKEN") or None)
    uvicorn.run(app, host=host, port=port, log_level="info")
