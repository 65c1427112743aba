"""The REST API over a store filled by the real pipeline (invented articles; seeds if present)."""

from __future__ import annotations

import csv
import io
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.api import create_app  # noqa: E402
from storyline.pipeline import run  # noqa: E402
from storyline.store import SQLiteStore  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"
TOKEN = "s3cret-token"

#: invented articles (no real text): a small story about a harbour and a ferry company
ARTICLES = {
    "harbour.txt": (
        "Harbour board halts ferry talks with Norlander Lines\n\n"
        "Staff Writer May 02, 2023\n"
        "The Pellham Harbour Board suspended its talks with Norlander Lines on Monday, the board "
        "said in a statement.\n\n"
        "\"We cannot accept these terms,\" said Ada Kwembe, the chair of the board.\n\n"
        "Norlander Lines had signed a cooperation agreement with the board in January 2023.\n"
    ),
    "ferry.txt": (
        "Norlander Lines threatens to leave Pellham\n\n"
        "Staff Writer May 04, 2023\n"
        "Norlander Lines threatened to move its ferries away from Pellham after the Pellham "
        "Harbour Board halted the talks on Monday.\n\n"
        "Tomas Reyl, the company's director, said the firm would meet the mayor of Pellham next "
        "week.\n\n"
        "The mayor criticised the harbour board on Wednesday.\n"
    ),
    "crafted.txt": (
        "Odd <b>markup</b> in a story about Zanzibarine quays\n\n"
        "Staff Writer May 05, 2023\n"
        "The Pellham Harbour Board wrote <script>window.__pwned = 1</script> in its notice "
        "about the Zanzibarine quays on Friday.\n\n"
        "A reader sent <img src=x onerror=\"window.__pwned = 2\"> to Norlander Lines.\n"
    ),
}


def write_articles(folder: Path) -> Path:
    """Write the invented articles into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_store(db: Path, sources: list[Path], nlp) -> Path:
    """Run the pipeline on ``sources`` into the SQLite file ``db``."""
    with SQLiteStore(db) as store:
        run(sources, store, nlp)
    return db


@pytest.fixture(scope="module")
def invented_db(tmp_path_factory, nlp) -> Path:
    root = tmp_path_factory.mktemp("api")
    return build_store(root / "store.db", [write_articles(root / "articles")], nlp)


@pytest.fixture(scope="module")
def client(invented_db, nlp) -> Iterator[TestClient]:
    app = create_app(invented_db, TOKEN, rate_limit=0, nlp_loader=lambda: nlp)
    with TestClient(app) as c:
        yield c


def _story_id(client: TestClient) -> str:
    """The story with the most events."""
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 1, stories
    return max(stories["items"], key=lambda s: len(s["events"]))["id"]


def test_openapi_and_docs_are_self_hosted(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/events", "/api/search", "/api/jobs/{job_id}",
                 "/api/documents/{doc_id}"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/search" in docs.text
    assert "cdn" not in docs.text.lower()
    assert 'src="http' not in docs.text and 'href="http' not in docs.text


def test_stories_and_story(client):
    page = client.get("/api/stories").json()
    assert {"total", "limit", "offset", "items"} <= set(page)
    assert page["total"] == len(page["items"]) >= 1
    story = next(s for s in page["items"] if s["id"] == _story_id(client))
    assert story["documents"] and story["events"]
    one = client.get(f"/api/stories/{story['id']}").json()
    published = {d["id"]: d["published"] for d in client.get("/api/documents").json()["items"]}
    assert one["id"] == story["id"]
    assert one["latest"] == max(published[d] for d in story["documents"])


def test_errors_are_json(client):
    r = client.get("/api/stories/NOPE")
    assert r.status_code == 404
    assert r.json() == {"error": "not_found", "detail": "No story with id 'NOPE'."}
    r = client.get("/api/events", params={"date_from": "yesterday"})
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    assert r.json()["detail"][0]["where"] == "query.date_from"
    assert client.get("/api/no/such/route").json()["error"] == "not_found"
    html = client.get("/stories/NOPE")
    assert html.status_code == 404 and "text/html" in html.headers["content-type"]


def test_timeline_in_date_order_with_filters(client):
    sid = _story_id(client)
    events = client.get(f"/api/stories/{sid}/timeline").json()["items"]
    assert events
    dates = [e["date"] for e in events]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates == dated + [None] * (len(dates) - len(dated))  # undated last
    category = next(e["category"] for e in events if e["category"])
    only = client.get(f"/api/stories/{sid}/timeline", params={"category": category}).json()
    assert only["total"] >= 1 and all(e["category"] == category for e in only["items"])
    actor = next(a["id"] for e in events for a in e["actors"])
    mine = client.get(f"/api/stories/{sid}/timeline", params={"entity": actor}).json()["items"]
    assert mine and all(actor in [a["id"] for a in e["actors"] + e["targets"]] for e in mine)


def test_events_pagination_and_date_range(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    total = everything["total"]
    assert total == len(everything["items"]) >= 3
    first = client.get("/api/events", params={"limit": 2, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == total
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == [e["id"] for e in everything["items"][:4]]
    may = client.get("/api/events", params={"date_from": "2023-05-01",
                                           "date_to": "2023-05-31"}).json()["items"]
    assert may and all(e["date"] and e["date"][:7] in ("2023-05", "2023") for e in may)
    january = client.get("/api/events", params={"date_to": "2023-01-31"}).json()["items"]
    assert all(e["date"] <= "2023-01-31" for e in january)
    by_doc = client.get("/api/events", params={"document": "ferry.txt"}).json()["items"]
    assert by_doc and all(any(s["document"] == "ferry.txt" for s in e["sources"])
                          for e in by_doc)


def test_csv_export(client):
    r = client.get("/api/events", params={"format": "csv", "limit": 1000})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    total = client.get("/api/events").json()["total"]
    assert len(rows) == total
    assert {"id", "date", "summary", "category", "actors", "sources"} <= set(rows[0])
    quotes = client.get("/api/quotes", params={"format": "csv"}).text
    assert "We cannot accept these terms" in quotes


def test_entities_quotes_documents(client):
    ents = client.get("/api/entities", params={"name": "norlander"}).json()
    assert ents["total"] >= 1 and "Norlander" in ents["items"][0]["name"]
    eid = ents["items"][0]["id"]
    assert client.get(f"/api/entities/{eid}").json()["id"] == eid
    quotes = client.get("/api/quotes", params={"document": "harbour.txt"}).json()["items"]
    assert any("cannot accept" in q["text"] for q in quotes)
    docs = client.get("/api/documents").json()
    assert docs["total"] == 3 and all("text" not in d for d in docs["items"])
    dated = client.get("/api/documents", params={"date_from": "2023-05-04"}).json()
    assert {d["id"] for d in dated["items"]} == {"ferry.txt", "crafted.txt"}


def test_document_spans_point_into_the_text(client):
    doc = client.get("/api/documents/harbour.txt").json()
    text = doc["text"]
    kinds = {s["kind"] for s in doc["spans"]}
    assert {"sentence", "mention", "event", "quote"} <= kinds
    for s in doc["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    mention = next(s for s in doc["spans"] if s["kind"] == "mention")
    assert text[mention["start"]:mention["end"]].strip()


def test_full_text_search(client):
    page = client.get("/api/search", params={"q": "zanzibarine"}).json()
    assert page["total"] >= 1
    hit = page["items"][0]
    assert hit["document"] == "crafted.txt"
    a, b = hit["highlights"][0]
    assert hit["snippet"][a:b].lower() == "zanzibarine"
    assert client.get("/api/search", params={"q": "zanzib"}).json()["total"] >= 1  # prefix
    only = client.get("/api/search", params={"q": "terms", "kind": "quote"}).json()
    assert only["items"] and all(h["kind"] == "quote" for h in only["items"])
    assert client.get("/api/search", params={"q": '"); DROP TABLE x; --'}).status_code == 200
    assert client.get("/api/search", params={"q": "qwxzyv"}).json()["total"] == 0


def test_search_index_built_for_an_older_store(invented_db, tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(invented_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    with sqlite3.connect(db) as con:
        for table in ("documents_fts", "sentences_fts", "quotes_fts", "events_fts"):
            con.execute(f"DROP TABLE {table}")
    with SQLiteStore(db) as store:
        assert store.search("zanzibarine").total >= 1


def test_article_markup_is_escaped_in_pages(client):
    for url in ("/documents/crafted.txt", "/", "/search?q=window",
                f"/stories/{_story_id(client)}"):
        page = client.get(url).text
        assert "<script>window" not in page, url
        assert "<img src=x" not in page, url
    doc = client.get("/documents/crafted.txt").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in doc


def test_writes_need_a_token(client, invented_db):
    files = {"files": ("new.txt", b"Some text.", "text/plain")}
    r = client.post("/api/documents", files=files)
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    r = client.post("/api/documents", files=files, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    with TestClient(create_app(invented_db, None, rate_limit=0)) as readonly:
        r = readonly.post("/api/documents", files=files,
                          headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403 and r.json()["error"] == "writes_disabled"
    r = client.post("/api/documents", files={"files": ("x.exe", b"MZ", "application/x")},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 415 and r.json()["error"] == "unsupported_file_type"


def test_upload_too_large_and_rate_limit(invented_db):
    app = create_app(invented_db, TOKEN, max_upload_bytes=1000, rate_limit=3)
    with TestClient(app) as c:
        r = c.post("/api/documents", files={"files": ("big.txt", b"x" * 5000, "text/plain")},
                   headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413 and r.json()["error"] == "payload_too_large"
        codes = [c.get("/api/stories").status_code for _ in range(4)]
        assert codes[-1] == 429 and 200 in codes
        r = c.get("/api/stories")
        assert r.json()["error"] == "too_many_requests" and int(r.headers["retry-after"]) >= 1
        assert c.get("/static/style.css").status_code == 200  # assets are not counted


def test_upload_is_analysed_in_the_background(tmp_path, invented_db, nlp):
    db = tmp_path / "up.db"
    with sqlite3.connect(invented_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    app = create_app(db, TOKEN, rate_limit=0, nlp_loader=lambda: nlp)
    text = ("Quarry union ends strike at Brellin\n\nStaff Writer June 01, 2023\n"
            "The Brellin quarry union ended its strike on Tuesday after talks with the owners.\n")
    with TestClient(app) as c:
        r = c.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                   files=[("files", ("../../quarry news.txt", text.encode(), "text/plain"))])
        assert r.status_code == 202, r.text
        job = r.json()
        assert r.headers["location"] == f"/api/jobs/{job['id']}"
        assert job["files"] == ["quarry_news.txt"]
        done = app.state.ctx.jobs.wait(job["id"], timeout=60)
        assert done is not None and done.status == "done", done
        status = c.get(f"/api/jobs/{job['id']}").json()
        assert status["status"] == "done" and status["documents"] == ["quarry_news.txt"]
        assert c.get("/api/jobs/unknown").status_code == 404
        assert c.get("/api/documents/quarry_news.txt").status_code == 200
        assert c.get("/api/search", params={"q": "Brellin"}).json()["total"] >= 1
        assert c.get("/api/documents").json()["total"] == 4


# -- the seed articles (read at run time from ../shared) -----------------------------------------

@pytest.fixture(scope="module")
def seeds_client(tmp_path_factory, nlp) -> Iterator[TestClient]:
    if not SEEDS.exists():
        pytest.skip(f"../shared is missing ({SEEDS} not found): the seed API tests read the "
                    "shared corpus at run time and cannot run without it")
    db = build_store(tmp_path_factory.mktemp("seeds") / "seeds.db", [SEEDS], nlp)
    with TestClient(create_app(db, None, rate_limit=0)) as c:
        yield c


def test_seeds_search_and_timeline(seeds_client):
    hits = seeds_client.get("/api/search", params={"q": "Kourou"}).json()
    assert hits["total"] >= 3
    assert {h["kind"] for h in hits["items"]} >= {"sentence", "event"}
    sid = _story_id(seeds_client)
    events = seeds_client.get(f"/api/stories/{sid}/timeline").json()["items"]
    dated = [e["date"] for e in events if e["date"]]
    assert len(events) >= 20 and dated == sorted(dated)
    rel = seeds_client.get(f"/api/stories/{sid}/relations").json()
    assert rel["actors"] and rel["pairs"]
    assert all(p["periods"] for p in rel["pairs"])
    page = seeds_client.get(f"/stories/{sid}")
    assert page.status_code == 200
    # every sentence of the brief links to its event on the page
    story = seeds_client.get(f"/api/stories/{sid}").json()
    assert story["brief_events"] and story["key_dates"]
    for eid in story["brief_events"]:
        assert f'class="cite" href="#ev-{eid}"' in page.text and f'id="ev-{eid}"' in page.text
