"""The web app: server-rendered pages (Jinja2, autoescaped) over the same store as the API.

Every piece of article text reaches the page escaped: templates autoescape, and the
highlighted document text is built here from escaped segments (:func:`highlight`), never by
marking article text safe.  CSS and JavaScript are served from this package: no other host.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape

from storyline import __version__
from storyline.api import convert
from storyline.api.context import ApiError, AppContext
from storyline.api.schemas import SpanOut
from storyline.model import PLOVER_CATEGORIES, Event, Quote
from storyline.stories import as_sentence

HERE = Path(__file__).resolve().parent

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
    trim_blocks=True, lstrip_blocks=True,
)


def _path(value: str) -> str:
    """A document id as a URL path segment (keeps '/', escapes '#', '?', spaces...)."""
    return quote(value, safe="/")


def mark_word(sentence: str, word: str | None) -> Markup:
    """A source sentence with the first occurrence of its trigger word in ``<mark>``."""
    at = sentence.find(word) if word else -1
    if at < 0 or not word:
        return escape(sentence)
    return Markup("{}<mark>{}</mark>{}").format(
        sentence[:at], word, sentence[at + len(word):])


_env.filters["path"] = _path
_env.filters["mark_word"] = mark_word
_env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v is not None})
_env.globals["version"] = __version__


def render(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**values), status_code=status)


def error_page(status: int, error: str, detail: str) -> HTMLResponse:
    """The HTML answer to an error on a web page."""
    return render("error.html.j2", status=status, title=f"{status} {error}", status_code=status,
                  error=error, detail=detail)


def highlight(text: str, spans: Iterable[SpanOut], focus: int | None = None) -> Markup:
    """The document text as HTML with its annotated spans marked, every segment escaped.

    The text is cut at every span boundary; each piece becomes a ``<span>`` whose classes
    name the kinds of fact covering it (``hl-mention``, ``hl-timex``, ``hl-quote``,
    ``hl-event``) and whose ``title`` lists their labels.  Sentence starts get an anchor
    ``s{index}``; the sentence ``focus`` is marked with the class ``focus``.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[SpanOut]] = defaultdict(list)
    for s in spans:
        starts[s.start].append(s)
    active: list[SpanOut] = []
    out: list[Markup] = []
    for a, b in itertools.pairwise(cuts):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        for s in starts.get(a, []):
            if s.kind == "sentence":
                out.append(Markup('<span class="anchor" id="s{}"></span>').format(s.ref))
        facts = [s for s in active if s.kind != "sentence"]
        focused = focus is not None and any(
            s.kind == "sentence" and s.ref == str(focus) for s in active)
        piece = text[a:b]
        if not facts and not focused:
            out.append(escape(piece))
            continue
        classes = sorted({f"hl-{s.kind}" for s in facts} | ({"focus"} if focused else set()))
        labels = "\n".join(dict.fromkeys(s.label or s.kind for s in facts))
        out.append(Markup('<span class="{}" title="{}" data-label="{}">{}</span>').format(
            " ".join(classes), labels, labels, piece))
    return Markup("").join(out)


def mark_snippet(snippet: str, highlights: Iterable[tuple[int, int]]) -> Markup:
    """A search snippet with its matched words in ``<mark>``, every piece escaped."""
    out: list[Markup] = []
    pos = 0
    for a, b in sorted(highlights):
        if a < pos or b > len(snippet):
            continue
        out.append(escape(snippet[pos:a]))
        out.append(Markup("<mark>{}</mark>").format(snippet[a:b]))
        pos = b
    out.append(escape(snippet[pos:]))
    return Markup("").join(out)


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def _density(events: list[Event]) -> list[dict[str, Any]]:
    """Events per month over the dated events' span (empty months included, up to 60)."""
    months = sorted({e.date[:7] for e in events if e.date and len(e.date) >= 7})
    if not months:
        return []
    y, m = int(months[0][:4]), int(months[0][5:7])
    last = months[-1]
    bins: list[dict[str, Any]] = []
    while len(bins) < 60:
        key = f"{y:04d}-{m:02d}"
        n = sum(1 for e in events if e.date and e.date.startswith(key))
        bins.append({"period": key, "count": n,
                     "label": dt.date(y, m, 1).strftime("%b %Y")})
        if key >= last:
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    top = max(b["count"] for b in bins) or 1
    for b in bins:
        b["height"] = round(100 * b["count"] / top)
    return bins


def _quote_groups(quotes: list[Quote]) -> list[tuple[str, str | None, list[Quote]]]:
    groups: dict[str, list[Quote]] = defaultdict(list)
    entity: dict[str, str | None] = {}
    for q in quotes:
        name = q.speaker or "Unknown speaker"
        groups[name].append(q)
        entity.setdefault(name, q.speaker_entity)
    return sorted(((n, entity[n], qs) for n, qs in groups.items()),
                  key=lambda g: (g[0] == "Unknown speaker", -len(g[2]), g[0]))


def pages() -> APIRouter:
    """The HTML pages."""
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        store = _ctx(request).store()
        latest = store.story_latest()
        stories = sorted(store.stories(), key=lambda s: (-len(s.documents), -len(s.events), s.id))
        docs = store.find_documents(limit=None).items
        return render("stories.html.j2", title="Stories", stories=stories, latest=latest,
                      documents=docs, writable=_ctx(request).token is not None)

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        store = _ctx(request).store()
        story = store.story(story_id)
        if story is None:
            raise ApiError(404, "not_found", f"No story with id {story_id!r}.")
        events = store.find_events(story=story_id).items
        entities = {e.id: e for e in store.entities()}
        names = {k: e.name for k, e in entities.items()}
        rel = convert.relations(events, entities)
        periods = sorted({p.period for pair in rel.pairs for p in pair.periods},
                         key=lambda p: (p == "undated", p))
        quotes = store.find_quotes(story=story_id).items
        docs = {d.id: d for d in store.find_documents(story=story_id).items}
        actors_in = sorted({a for e in events for a in (*e.actors, *e.targets)},
                           key=lambda a: (names.get(a) or a).lower())
        shown = [convert.event_out(e, names) for e in events]
        by_id = {e.id: e for e in shown}
        brief_parts = [(as_sentence(by_id[i].summary), by_id[i])
                       for i in story.brief_events if i in by_id]
        return render(
            "story.html.j2", title=story.label, story=story, brief_parts=brief_parts,
            latest=store.story_latest().get(story_id),
            events=shown, density=_density(events),
            actors=[(a, names.get(a, a)) for a in actors_in],
            categories=[c for c in PLOVER_CATEGORIES if any(e.type == c for e in events)],
            relations=rel, periods=periods,
            cells_of=[{p.period: p for p in pair.periods} for pair in rel.pairs], quote_groups=_quote_groups(quotes), docs=docs,
            tone=convert.tone_of,
        )

    @router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str,
                      s: int | None = Query(None, ge=0, le=1_000_000)) -> HTMLResponse:
        store = _ctx(request).store()
        doc = store.get_document(doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"No document with id {doc_id!r}.")
        names = store.entity_names()
        analysis = store.get_analysis(doc_id)
        duplicate = store.duplicate_of(doc_id)
        spans = convert.document_spans(analysis, names)
        counts = {k: sum(1 for sp in spans if sp.kind == k)
                  for k in ("mention", "timex", "quote", "event")}
        stories = [st for st in store.stories() if doc_id in st.documents]
        return render("document.html.j2", title=doc.title or doc.id, doc=doc,
                      body=highlight(doc.text, spans, s), counts=counts, duplicate=duplicate,
                      stories=stories, focus=s, analysed=analysis is not None)

    @router.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        store = _ctx(request).store()
        entity = store.entity(entity_id)
        if entity is None:
            raise ApiError(404, "not_found", f"No entity with id {entity_id!r}.")
        names = store.entity_names()
        events = [convert.event_out(e, names) for e in store.find_events(entity=entity_id).items]
        quotes = store.find_quotes(speaker=entity_id).items
        return render("entity.html.j2", title=entity.name, entity=entity, events=events,
                      quotes=quotes)

    @router.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = Query("", max_length=500),
                    offset: int = Query(0, ge=0, le=1_000_000)) -> HTMLResponse:
        store = _ctx(request).store()
        size = 20
        page = store.search(q, limit=size, offset=offset) if q.strip() else None
        results = []
        for h in page.items if page else []:
            href = None
            if h.kind == "document" and h.doc_id:
                href = f"/documents/{_path(h.doc_id)}"
            elif h.kind == "sentence" and h.doc_id:
                href = f"/documents/{_path(h.doc_id)}?s={h.ref}#s{h.ref}"
            elif h.kind == "quote":
                quote_ = store.quote(h.ref)
                if quote_ is not None:
                    href = (f"/documents/{_path(quote_.doc_id)}?s={quote_.sentence}"
                            f"#s{quote_.sentence}")
            elif h.kind == "event":
                event = store.event(h.ref)
                if event is not None and event.mentions:
                    m = event.mentions[0]
                    href = f"/documents/{_path(m.doc_id)}?s={m.sentence}#s{m.sentence}"
            results.append({"hit": h, "href": href,
                            "snippet": mark_snippet(h.snippet, h.highlights)})
        return render("search.html.j2", title=f"Search: {q}" if q else "Search", q=q,
                      page=page, results=results, offset=offset, size=size)

    @router.get("/docs", response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        spec = request.app.openapi()
        endpoints = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                endpoints.append({"method": method.upper(), "path": path,
                                  "summary": op.get("summary", ""),
                                  "description": op.get("description", ""),
                                  "params": op.get("parameters", []),
                                  "body": "requestBody" in op,
                                  "responses": sorted(op.get("responses", {}))})
        return render("apidocs.html.j2", title="API", spec=spec, endpoints=endpoints)

    return router


def register(app: FastAPI) -> None:
    """Add the pages and the static assets to ``app``."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)
