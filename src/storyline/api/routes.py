"""The REST API's endpoints (``/api/...``): open reads, token-protected writes."""

from __future__ import annotations

import csv
import hmac
import io
import json
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from storyline.api import convert
from storyline.api.context import ApiError, AppContext, context
from storyline.api.jobs import Job
from storyline.api.schemas import (
    DocumentDetailOut,
    DocumentsPage,
    EntitiesPage,
    EntityOut,
    ErrorOut,
    EventOut,
    EventsPage,
    JobOut,
    QuotesPage,
    RelationsOut,
    SearchHitOut,
    SearchPage,
    StoriesPage,
    StoryOut,
)
from storyline.ingest import SUPPORTED_SUFFIXES, format_of

router = APIRouter(prefix="/api")

Ctx = Annotated[AppContext, Depends(context)]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv export")]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateFrom = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Category = Annotated[str | None, Query(description="PLOVER category, e.g. COOPERATE")]
Modality = Annotated[str | None, Query(description="asserted, planned, threatened, ...")]

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "no such record"},
    422: {"model": ErrorOut, "description": "invalid parameters"},
    429: {"model": ErrorOut, "description": "too many requests"},
}
CSV_DOC: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "the page, as JSON or (format=csv) as CSV"},
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"id", "name"}:
            return str(value["name"])
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(items: Sequence[BaseModel], name: str) -> Response:
    """A page's items as a CSV download (lists joined with "; ", sources as sentences)."""
    buf = io.StringIO()
    rows = [item.model_dump() for item in items]
    for row in rows:
        if "sources" in row:
            row["sources"] = [f"{s['document']}: {s['sentence']}" for s in row["sources"]]
        if "highlights" in row:
            del row["highlights"]
    fields = list(rows[0]) if rows else []
    writer = csv.DictWriter(buf, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


def _page(page: BaseModel, items: Sequence[BaseModel], fmt: str, name: str) -> Any:
    return to_csv(items, name) if fmt == "csv" else page


def _not_found(kind: str, key: str) -> ApiError:
    return ApiError(404, "not_found", f"No {kind} with id {key!r}.")


# -- stories ----------------------------------------------------------------------------------

@router.get("/stories", response_model=StoriesPage, responses={**ERRORS, **CSV_DOC},
            tags=["stories"])
def list_stories(ctx: Ctx, limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:
    """Stories (groups of documents about one development), largest first."""
    store = ctx.store()
    latest = store.story_latest()
    stories = sorted(store.stories(), key=lambda s: (-len(s.documents), -len(s.events), s.id))
    items = [convert.story_out(s, latest.get(s.id)) for s in stories[offset:offset + limit]]
    return _page(StoriesPage(total=len(stories), limit=limit, offset=offset, items=items),
                 items, format, "stories")


@router.get("/stories/{story_id}", response_model=StoryOut, responses=ERRORS, tags=["stories"])
def get_story(story_id: str, ctx: Ctx) -> StoryOut:
    """One story: label, brief, date range, documents and events."""
    store = ctx.store()
    story = store.story(story_id)
    if story is None:
        raise _not_found("story", story_id)
    return convert.story_out(story, store.story_latest().get(story_id))


@router.get("/stories/{story_id}/timeline", response_model=EventsPage,
            responses={**ERRORS, **CSV_DOC}, tags=["stories"])
def story_timeline(
    story_id: str, ctx: Ctx, entity: str | None = None, category: Category = None,
    modality: Modality = None, date_from: DateFrom = None, date_to: DateTo = None,
    limit: Limit = 200, offset: Offset = 0, format: Format = "json",
) -> Any:
    """A story's events in date order (undated last), filtered by actor, category, period."""
    store = ctx.store()
    if store.story(story_id) is None:
        raise _not_found("story", story_id)
    page = store.find_events(story=story_id, entity=entity, category=category,
                             modality=modality, date_from=date_from, date_to=date_to,
                             limit=limit, offset=offset)
    names = store.entity_names()
    items = [convert.event_out(e, names) for e in page.items]
    return _page(EventsPage(total=page.total, limit=limit, offset=offset, items=items), items,
                 format, f"timeline-{story_id}")


@router.get("/stories/{story_id}/relations", response_model=RelationsOut, responses=ERRORS,
            tags=["stories"])
def story_relations(story_id: str, ctx: Ctx) -> RelationsOut:
    """The story's main actors and, for each pair, their shared events by month and category."""
    store = ctx.store()
    if store.story(story_id) is None:
        raise _not_found("story", story_id)
    events = store.find_events(story=story_id).items
    return convert.relations(events, {e.id: e for e in store.entities()})


# -- events, entities, quotes -----------------------------------------------------------------

@router.get("/events", response_model=EventsPage, responses={**ERRORS, **CSV_DOC},
            tags=["events"])
def list_events(
    ctx: Ctx, story: str | None = None, entity: str | None = None, category: Category = None,
    modality: Modality = None, document: str | None = None, date_from: DateFrom = None,
    date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json",
) -> Any:
    """Events in date order, filtered by story, entity (actor or target), category, modality,
    source document and date range (dates overlap: 2022-03 is inside 2022-03-05..)."""
    store = ctx.store()
    page = store.find_events(story=story, entity=entity, category=category, modality=modality,
                             document=document, date_from=date_from, date_to=date_to,
                             limit=limit, offset=offset)
    names = store.entity_names()
    items = [convert.event_out(e, names) for e in page.items]
    return _page(EventsPage(total=page.total, limit=limit, offset=offset, items=items), items,
                 format, "events")


@router.get("/events/{event_id}", response_model=EventOut, responses=ERRORS, tags=["events"])
def get_event(event_id: str, ctx: Ctx) -> EventOut:
    """One event with its sources (document, sentence, trigger offsets)."""
    store = ctx.store()
    event = store.event(event_id)
    if event is None:
        raise _not_found("event", event_id)
    return convert.event_out(event, store.entity_names())


@router.get("/entities", response_model=EntitiesPage, responses={**ERRORS, **CSV_DOC},
            tags=["entities"])
def list_entities(
    ctx: Ctx, story: str | None = None, document: str | None = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
    name: Annotated[str | None, Query(description="part of the name or an alias")] = None,
    limit: Limit = 50, offset: Offset = 0, format: Format = "json",
) -> Any:
    """Entities, most mentioned first."""
    page = ctx.store().find_entities(story=story, document=document, type=type, name=name,
                                     limit=limit, offset=offset)
    items = [convert.entity_out(e) for e in page.items]
    return _page(EntitiesPage(total=page.total, limit=limit, offset=offset, items=items), items,
                 format, "entities")


@router.get("/entities/{entity_id}", response_model=EntityOut, responses=ERRORS,
            tags=["entities"])
def get_entity(entity_id: str, ctx: Ctx) -> EntityOut:
    """One entity: name, type, aliases, documents, number of mentions."""
    entity = ctx.store().entity(entity_id)
    if entity is None:
        raise _not_found("entity", entity_id)
    return convert.entity_out(entity)


@router.get("/quotes", response_model=QuotesPage, responses={**ERRORS, **CSV_DOC},
            tags=["quotes"])
def list_quotes(
    ctx: Ctx, story: str | None = None,
    speaker: Annotated[str | None, Query(description="speaker's entity id")] = None,
    document: str | None = None, direct: bool | None = None, date_from: DateFrom = None,
    date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json",
) -> Any:
    """Quotes (direct and reported), in document order."""
    page = ctx.store().find_quotes(story=story, speaker=speaker, document=document,
                                   direct=direct, date_from=date_from, date_to=date_to,
                                   limit=limit, offset=offset)
    items = [convert.quote_out(q) for q in page.items]
    return _page(QuotesPage(total=page.total, limit=limit, offset=offset, items=items), items,
                 format, "quotes")


# -- documents ----------------------------------------------------------------------------------

@router.get("/documents", response_model=DocumentsPage, responses={**ERRORS, **CSV_DOC},
            tags=["documents"])
def list_documents(
    ctx: Ctx, story: str | None = None,
    source: Annotated[str | None, Query(description="outlet, case-insensitive")] = None,
    date_from: DateFrom = None, date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Documents' metadata (without text)."""
    page = ctx.store().find_documents(story=story, source=source, date_from=date_from,
                                      date_to=date_to, limit=limit, offset=offset)
    items = [convert.document_out(d) for d in page.items]
    return _page(DocumentsPage(total=page.total, limit=limit, offset=offset, items=items),
                 items, format, "documents")


@router.get("/documents/{doc_id:path}", response_model=DocumentDetailOut, responses=ERRORS,
            tags=["documents"])
def get_document(doc_id: str, ctx: Ctx) -> DocumentDetailOut:
    """One document: metadata, text, paragraphs and every annotated span (entity mentions,
    time expressions, quotes, event triggers, sentences) as offsets into the text."""
    store = ctx.store()
    doc = store.get_document(doc_id)
    if doc is None:
        raise _not_found("document", doc_id)
    return convert.document_detail(doc, store.duplicate_of(doc_id), store.get_analysis(doc_id),
                                   store.entity_names())


# -- search -------------------------------------------------------------------------------------

@router.get("/search", response_model=SearchPage, responses={**ERRORS, **CSV_DOC},
            tags=["search"])
def search(
    ctx: Ctx, q: Annotated[str, Query(max_length=500, description="words to find")],
    kind: Annotated[list[Literal["event", "quote", "sentence", "document"]] | None,
                    Query(description="restrict to these kinds (repeatable)")] = None,
    document: str | None = None, limit: Limit = 20, offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Full-text search (SQLite FTS5, BM25 ranking) across events, quotes, sentences and
    documents; every word must match, the last one as a prefix."""
    kinds = tuple(kind) if kind else ("event", "quote", "sentence", "document")
    page = ctx.store().search(q, kinds=kinds, document=document, limit=limit, offset=offset)
    items = [SearchHitOut(kind=h.kind, document=h.doc_id, ref=h.ref,  # type: ignore[arg-type]
                          label=h.label, snippet=h.snippet, highlights=h.highlights)
             for h in page.items]
    return _page(SearchPage(total=page.total, limit=limit, offset=offset, query=q, items=items),
                 items, format, "search")


# -- writes -------------------------------------------------------------------------------------

def require_token(request: Request, ctx: Ctx) -> None:
    """Writes need ``Authorization: Bearer TOKEN`` with the token the server was started with."""
    if ctx.token is None:
        raise ApiError(403, "writes_disabled",
                       "This server was started without a token, so it is read-only. Restart it "
                       "with a token (storyline serve --token ... or STORYLINE_TOKEN) to upload.")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             ctx.token.encode()):
        raise ApiError(401, "unauthorized",
                       "Send the server's token as 'Authorization: Bearer TOKEN'.")


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file name reduced to safe characters, keeping its (supported) suffix."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE.sub("_", base).lstrip("._")
    return cleaned[:120] or "upload"


def job_out(job: Job) -> JobOut:
    return JobOut(id=job.id, status=job.status, stage=job.stage, done=job.done, total=job.total,
                  files=job.files, documents=job.documents, problems=job.problems,
                  created=job.created, finished=job.finished)


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "missing or wrong token"},
    403: {"model": ErrorOut, "description": "writes are disabled (no token configured)"},
    413: {"model": ErrorOut, "description": "upload too large"},
    415: {"model": ErrorOut, "description": "unsupported file type"},
    **ERRORS,
}


@router.post("/documents", response_model=JobOut, status_code=202, responses=WRITE_ERRORS,
             tags=["documents"], dependencies=[Depends(require_token)])
async def upload_documents(
    ctx: Ctx, files: Annotated[list[UploadFile], File(description="article files")],
) -> JSONResponse:
    """Add articles (the file kinds ``storyline analyze`` reads: .txt, .html, .json, .jsonl,
    .jsonl.gz, RSS/Atom .xml, .warc, .warc.gz); they are analysed in the background.  Follow
    the returned job at ``/api/jobs/{id}``."""
    if not files:
        raise ApiError(422, "invalid_request", "Send at least one file in the 'files' field.")
    for f in files:
        if format_of(Path(f.filename or "")) is None:
            raise ApiError(415, "unsupported_file_type",
                           f"{f.filename!r} is not a supported kind of file; send "
                           f"{', '.join(SUPPORTED_SUFFIXES)}.")
    folder = Path(tempfile.mkdtemp(prefix="storyline-upload-"))
    names: list[str] = []
    written = 0
    try:
        for f in files:
            name = safe_name(f.filename or "upload")
            while name in names:
                name = f"1{name}"
            names.append(name)
            with (folder / name).open("wb") as out:
                while chunk := await f.read(1 << 16):
                    written += len(chunk)
                    if written > ctx.max_upload_bytes:
                        raise ApiError(413, "payload_too_large",
                                       f"The upload exceeds {ctx.max_upload_bytes} bytes.")
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    job = ctx.jobs.submit(folder, names)
    return JSONResponse(job_out(job).model_dump(), status_code=202,
                        headers={"location": f"/api/jobs/{job.id}"})


@router.get("/jobs/{job_id}", response_model=JobOut, responses=ERRORS, tags=["documents"])
def get_job(job_id: str, ctx: Ctx) -> JobOut:
    """Progress of a background analysis: status, stage, items done, problems, documents."""
    job = ctx.jobs.get(job_id)
    if job is None:
        raise _not_found("job", job_id)
    return job_out(job)
