"""The application factory: REST API + web app in one FastAPI process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from spacy.language import Language
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.api.context import ApiError, AppContext, StoreProvider
from storyline.api.jobs import JobManager
from storyline.api.limits import BodySizeLimit, RateLimit
from storyline.api.routes import router
from storyline.ingest import DEFAULT_MAX_BYTES

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
          415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests"}


def _default_nlp() -> Language:
    from storyline.nlp import load_pipeline

    return load_pipeline()


def create_app(
    db: Path, token: str | None = None, *, max_upload_bytes: int = DEFAULT_MAX_BYTES,
    rate_limit: int = 600, rate_window: float = 60.0,
    nlp_loader: Callable[[], Language] | None = None,
) -> FastAPI:
    """Build the Storyline server over the SQLite store ``db``.

    ``token`` enables writes (uploads) for clients sending ``Authorization: Bearer TOKEN``;
    without one the server is read-only.  ``max_upload_bytes`` bounds a request body (413),
    ``rate_limit`` the requests per client per ``rate_window`` seconds (429; 0 disables it).
    ``nlp_loader`` loads spaCy for background analyses (once, on the first upload).
    """
    from storyline.web import register as register_web

    db = Path(db)
    ctx = AppContext(
        db=db, token=token or None,
        jobs=JobManager(db, nlp_loader or _default_nlp, max_upload_bytes),
        stores=StoreProvider(db), max_upload_bytes=max_upload_bytes,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.jobs.close()
        ctx.stores.close()

    app = FastAPI(
        title="Storyline", version=__version__, lifespan=lifespan,
        description="Read the stories, events, entities, quotes and documents that Storyline "
        "extracted from news articles; search them; add articles. Reads are open; writes need "
        "`Authorization: Bearer TOKEN`. Errors are `{\"error\": ..., \"detail\": ...}`.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.ctx = ctx
    # the outermost middleware runs first: rate limit, then the body size limit
    app.add_middleware(BodySizeLimit, max_bytes=max_upload_bytes + 64 * 1024)
    app.add_middleware(RateLimit, requests=rate_limit, window=rate_window)

    def wants_html(request: Request) -> bool:
        path = request.url.path
        return not path.startswith("/api") and path != "/openapi.json"

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.error, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        return error_response(request, exc.status_code, code, str(exc.detail),
                              dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        if wants_html(request):
            text = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
            return error_response(request, 422, "invalid_request", text)
        return JSONResponse({"error": "invalid_request", "detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal_error",
                              f"Unexpected {type(exc).__name__}; see the server log.")

    def error_response(request: Request, status: int, error: str, detail: str,
                       headers: dict[str, str] | None = None) -> Response:
        if wants_html(request):
            from storyline.web import error_page

            return error_page(status, error, detail)
        return JSONResponse({"error": error, "detail": detail}, status_code=status,
                            headers=headers)

    app.include_router(router)
    register_web(app)
    return app
