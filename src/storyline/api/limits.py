"""Request limits: upload size (413) and a per-client request rate (429), as ASGI middleware.

Both answer with the API's JSON error body.  Their state lives in the middleware instance,
one per application.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque

from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def send_error(send: Send, status: int, error: str, detail: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": error, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses request bodies larger than ``max_bytes`` with 413, before or while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        detail = (f"The request body is larger than the limit of {limit} bytes; "
                  "upload fewer or smaller files at a time.")
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await send_error(send, 413, "payload_too_large", detail)
                return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await send_error(send, 413, "payload_too_large", detail)


class RateLimit:
    """At most ``requests`` requests per ``window`` seconds per client address (sliding window).

    Paths starting with one of ``exempt`` (static assets) are not counted.
    """

    def __init__(self, app: ASGIApp, requests: int, window: float = 60.0,
                 exempt: tuple[str, ...] = ("/static/",)) -> None:
        self.app = app
        self.requests = requests
        self.window = window
        self.exempt = exempt
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float | None:
        """None when the request may go on, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.requests:
                return hits[0] + self.window - now
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle clients
                for key in [k for k, v in self._hits.items() if not v]:
                    del self._hits[key]
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.requests <= 0 \
                or scope.get("path", "").startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.allow(client[0] if client else "unknown")
        if wait is None:
            await self.app(scope, receive, send)
            return
        seconds = max(1, int(wait + 0.999))
        await send_error(send, 429, "too_many_requests",
                         f"More than {self.requests} requests in {self.window:g} s from this "
                         f"client; retry in {seconds} s.",
                         [(b"retry-after", str(seconds).encode())])
