"""The web UI in a real browser: Debian's headless Chromium driven by Playwright, against a uvicorn
server this module starts on 127.0.0.1 (a free port) over a temporary SQLite database.

Covers filtering the events table, opening an event and seeing its evidence highlighted, signing
in with a token and correcting an event, the correction surviving re-ingest of the same article,
ingest of a new one and ``eventwatch reprocess``, and article markup shown as text (no dialog).
A screenshot of each page goes to ``$EVENTWATCH_ARTIFACTS`` (default ``tests/artifacts/``).
Skipped, saying why, where /usr/bin/chromium or the playwright package is absent.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is absent (apt-get install chromium; .ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

pytestmark = pytest.mark.slow

ARTIFACTS = Path(os.environ.get("EVENTWATCH_ARTIFACTS") or ROOT / "tests" / "artifacts")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTICLE = SAMPLES / "articles" / "thailand-entry-ban.txt"
NEW_ARTICLE = SAMPLES / "articles" / "uganda-deports-activist.txt"
HOSTILE = {"id": "x1", "publication_date": "2021-05-01", "title": "<script>alert(7)</script>",
           "text": "Police in Minsk detained <script>alert(7)</script> forty protesters on Saturday "
                   "<img src=x onerror=alert(8)>, rights groups said."}
PUBLISHED = "2024-05-06"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """``(base_url, db_url, token, store)``: two articles ingested, a write token, a live server."""
    import uvicorn

    from eventwatch.runner import ingest
    from eventwatch.serve.app import create_app
    from eventwatch.serve.auth import create_token
    from eventwatch.store import Store

    tmp = tmp_path_factory.mktemp("browser")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp / 'ew.db'}"
    store = Store(url)
    summary = ingest([str(ARTICLE), str(hostile)], store, published=PUBLISHED)
    assert summary.added == 2, summary
    token = create_token(store, "research-desk")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", url, token, store
    finally:
        server.should_exit = True
        thread.join(15)
        store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    """A fresh page (own cookies) that records every dialog, so a script injected by article text shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()
    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _article_events(store, article_id: str) -> list[dict]:
    return list(store.iter_events(article_id=article_id, status="all"))


def test_serve_browser_filters_the_events_table(site, page):
    base, _, _, store = site
    want = _article_events(store, str(ARTICLE))[0]["type"]
    page.goto(base + "/")
    shot(page, "events")
    page.select_option("select[name=type]", want)
    page.click("#filters button[type=submit]")
    page.wait_for_url(f"**/events?*type={want}*")
    types = page.locator("table.events tbody .type").all_inner_texts()
    assert types and set(types) == {want}
    assert page.locator(".facets").inner_text().count(want) >= 1
    page.fill("input[name=since]", "2020-13")
    page.click("#filters button[type=submit]")
    assert "invalid since" in page.inner_text("#filter-error")
    shot(page, "events-invalid-filter")


def test_serve_browser_event_page_highlights_evidence(site, page):
    base, _, _, store = site
    ev = _article_events(store, str(ARTICLE))[0]
    page.goto(f"{base}/events?type={ev['type']}")
    page.click(f"a[href='/events/{ev['event_id']}']")
    page.wait_for_url(f"**/events/{ev['event_id']}")
    mark = page.locator("mark.evidence").first
    assert mark.is_visible()
    assert mark.inner_text().strip() == ev["mentions"][0]["evidence"].strip()
    assert page.locator("mark.evidence strong.trigger").first.inner_text() == ev["mentions"][0]["trigger"]
    assert page.locator("figure.map svg image").count() == 1
    shot(page, "event")
    page.click("article.mention header a")  # the article reader, at this mention
    assert page.locator("#article-text mark.hl-event").count() >= 1
    shot(page, "article")


def test_serve_browser_actor_and_country_pages(site, page):
    base, _, _, store = site
    ev = next(e for e in _article_events(store, str(ARTICLE)) if any(p.get("actor_id") for p in e["recipient"]))
    rec = next(p for p in ev["recipient"] if p.get("actor_id"))
    page.goto(f"{base}/actors/{quote(rec['actor_id'], safe='')}")
    assert page.locator("svg.network").is_visible()
    shot(page, "actor")
    page.goto(f"{base}/countries/THA")
    assert page.locator("figure.chart svg").count() == 1
    shot(page, "country")


def _login(page, base: str, token: str) -> None:
    page.goto(base + "/login")
    shot(page, "login")
    page.fill("input[name=token]", token)
    page.click("form.login button[type=submit]")
    page.wait_for_url(base + "/")
    assert "signed in as research-desk" in page.inner_text("header.top")


def _holding(store, mention_id: str) -> dict:
    """The event that holds mention ``mention_id`` now (the id may survive re-processing or not)."""
    for ev in store.iter_events(status="all"):
        if any(m["mention_id"].rsplit("/", 1)[0] == mention_id.rsplit("/", 1)[0] for m in ev["mentions"]):
            return ev
    raise AssertionError(f"no event holds {mention_id}")


def test_serve_browser_correction_survives_reingest_and_reprocess(site, page):
    base, url, token, store = site
    from eventwatch.runner import ingest

    ev = _article_events(store, str(ARTICLE))[0]
    mention = ev["mentions"][0]["mention_id"]
    new_type = "REJECT" if ev["type"] != "REJECT" else "COERCE"
    _login(page, base, token)
    page.goto(f"{base}/events/{ev['event_id']}")
    page.select_option("#correct-form select[name=type]", new_type)
    page.fill("#correct-form input[name=note]", "an entry ban is REJECT")
    page.click("#correct-form button[type=submit]")
    assert "corrected by research-desk" in page.inner_text(".flash")
    assert page.inner_text("h1 .type") == new_type
    shot(page, "event-corrected")

    def check(when: str) -> None:
        now = _holding(store, mention)
        assert now["type"] == new_type, when
        page.goto(f"{base}/events/{now['event_id']}")
        assert page.inner_text("h1 .type") == new_type, when
        reviews = page.inner_text("table.reviews")
        assert "research-desk" in reviews and "an entry ban is REJECT" in reviews, when

    check("after the correction")
    assert ingest([str(ARTICLE)], store, published=PUBLISHED).unchanged == 1
    check("after re-ingest of the same article")
    assert ingest([str(NEW_ARTICLE)], store, published=PUBLISHED).added == 1
    check("after ingest of a new article")
    env = dict(os.environ, EVENTWATCH_DB=url, HF_HUB_OFFLINE="1")
    run = subprocess.run([str(Path(sys.executable).parent / "eventwatch"), "reprocess", "--all"], env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    check("after eventwatch reprocess --all")
    shot(page, "event-after-reprocess")


def test_serve_browser_article_markup_is_text(site, page):
    base, _, _, store = site
    page.goto(f"{base}/articles/x1")
    assert page.inner_text("h1") == "<script>alert(7)</script>"
    text = page.inner_text("#article-text")
    assert "<script>alert(7)</script>" in text and "<img src=x onerror=alert(8)>" in text
    assert page.locator("main img").count() == 0
    shot(page, "article-hostile")
    for ev in _article_events(store, "x1"):
        page.goto(f"{base}/events/{ev['event_id']}")
        assert "<img src=x onerror=alert(8)>" in page.inner_text("article.mention")
    page.goto(f"{base}/events?text=forty")
    assert page.dialogs == []


@pytest.mark.shared
def test_serve_browser_seed_ban_event_highlights_its_sentence(site, page, shared_dir):
    base, _, _, store = site
    from eventwatch.runner import ingest

    seed = shared_dir / "corpus" / "seed-hrw-hong-kong.txt"
    assert ingest([str(seed)], store, published="2020-01-13").added == 1
    text = store.extraction(str(seed))["text"]
    ban, m = next((e, m) for e in _article_events(store, str(seed)) for m in e["mentions"]
                  if m["article_id"] == str(seed) and m["evidence_start"] == 0)  # the ban opens the article
    page.goto(f"{base}/events?text=banned")
    page.click(f"a[href='/events/{ban['event_id']}']")
    evidence = page.locator("mark.evidence").first.inner_text()
    assert evidence.strip() == text[:m["evidence_end"]].strip() and "banned" in evidence
    assert page.locator("mark.evidence strong.trigger").first.inner_text() == m["trigger"]
    shot(page, "event-seed-ban")
