"""The web app in a real browser (headless Chromium via Playwright): a new user's first visit.

Analyses the seed articles (or, without ../shared, invented ones) plus a crafted article full
of markup into a temporary store, serves the app on a free loopback port, and walks through
it: story list, story, an expanded event, its source document, search.  Screenshots of the
main pages go to artifacts/screenshots/.  Skipped, loudly, when Chromium is missing.
"""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                "(apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")
from storyline.api import create_app  # noqa: E402
from test_api import ARTICLES, build_store, write_articles  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpora" / "seeds"
SHOTS = REPO / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """What to look for: the search word and whether the seeds are used."""
    if SEEDS.exists():
        return {"search": "Kourou", "seeds": "yes"}
    warnings.warn(f"../shared is missing ({SEEDS} not found): the browser tests run on invented "
                  "articles instead of the seeds", stacklevel=1)
    return {"search": "Zanzibarine", "seeds": ""}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, nlp, corpus) -> Iterator[str]:
    root = tmp_path_factory.mktemp("web")
    folder = root / "articles"
    if corpus["seeds"]:
        folder.mkdir()
        for f in sorted(SEEDS.glob("*.txt")):
            (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "crafted.txt").write_text(ARTICLES["crafted.txt"], encoding="utf-8")
    else:
        write_articles(folder)
    db = build_store(root / "store.db", [folder], nlp)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, None, rate_limit=0), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url) -> Iterator:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url)
          if not r.url.startswith(("http://127.0.0.1", "data:", "about:")) else None)
    yield pg
    context.close()
    assert not outside, f"pages loaded assets from other hosts: {outside}"


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_new_user_path(page, base_url, corpus):
    page.goto(base_url + "/")
    assert page.title().startswith("Stories")
    _shot(page, "stories")
    story_links = page.locator(".story-card h2 a")
    assert story_links.count() >= 1
    # the biggest story comes first
    story_links.first.click()
    page.wait_for_selector("#tl-events")
    events = page.locator("li.event")
    assert events.count() >= 3
    first = events.first
    first.locator("summary").click()
    assert first.locator("details").evaluate("d => d.open")
    source = first.locator("a.source-link").first
    assert source.is_visible()
    _shot(page, "story")
    # filtering by category hides the other events
    category = page.locator("#tl-category option").nth(1).get_attribute("value")
    page.select_option("#tl-category", category)
    shown = page.locator("li.event:not([hidden])")
    assert 1 <= shown.count() < events.count() or shown.count() == events.count() == 1
    assert all(c == category for c in shown.evaluate_all("els => els.map(e => e.dataset.category)"))
    page.click("#tl-reset")
    assert page.locator("li.event:not([hidden])").count() == events.count()
    # follow the source to its document, where the sentence is marked
    source.click()
    page.wait_for_selector("#doc-text")
    assert "/documents/" in page.url
    assert page.locator("#doc-text .focus").count() >= 1
    assert page.locator("#doc-text .hl-mention").count() >= 1
    page.locator("#hl-legend input[data-kind=mention]").uncheck()
    assert "off-mention" in (page.locator("#doc-text").get_attribute("class") or "")
    _shot(page, "document")
    # search from the header
    page.fill("header input[name=q]", corpus["search"])
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#result-count")
    assert page.locator(".result").count() >= 1
    assert page.locator(".result mark").first.inner_text().lower() == corpus["search"].lower()
    _shot(page, "search")
    page.locator(".result a").first.click()
    page.wait_for_selector("#doc-text")
    assert corpus["search"] in page.locator("#doc-text").inner_text()


def test_phone_layout(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url + "/")
    pg.locator(".story-card h2 a").first.click()
    pg.wait_for_selector("#tl-events")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the story page scrolls sideways on a phone ({width}px)"
    pg.screenshot(path=str(SHOTS / "story-phone.png"))
    context.close()


def test_markup_in_articles_is_shown_as_text(page, base_url):
    page.goto(base_url + "/documents/crafted.txt")
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("h1").inner_text() == "Odd <b>markup</b> in a story about Zanzibarine quays"
    _shot(page, "crafted")
    urls = ["/documents/crafted.txt", "/", "/search?q=pwned", "/search?q=markup"]
    page.goto(base_url + "/api/stories")
    stories = page.evaluate("() => JSON.parse(document.body.innerText).items.map(s => s.id)")
    urls += [f"/stories/{s}" for s in stories]
    for url in urls:
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__pwned") is None, url
        assert page.locator("#doc-text script, main script, main img").count() == 0, url
    page.goto(base_url + "/search?q=pwned")
    assert "window.__pwned" in page.locator(".results").inner_text()
