"""The web pages in-process (FastAPI TestClient): every page renders, article text is escaped,
filters the store rejects are a message, forms need a session and a CSRF token. No spaCy: the
store holds hand-built extractions (test_store_support)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from test_store_support import hk_extraction

from eventwatch.serve.app import create_app
from eventwatch.serve.auth import create_token
from eventwatch.serve.web_forms import changes_of
from eventwatch.serve.web_highlight import Span, mention_view, pieces
from eventwatch.store import Store

HOSTILE_TITLE = "<script>alert(7)</script>"
HOSTILE_TEXT = " Witnesses wrote <img src=x onerror=alert(8)> on a wall."
HTML = {"accept": "text/html"}


@pytest.fixture
def site(db_url):
    """A client over a store (SQLite, and PostgreSQL where CI has one) with one article (three events)
    whose title and text carry markup."""
    url = db_url
    ex = hk_extraction("doc-1")
    ex.article.title = f"Belarus bars {HOSTILE_TITLE}"
    ex.article.text = ex.article.text + HOSTILE_TEXT  # appended: every offset still holds
    with Store(url) as store:
        store.add(ex)
        token = create_token(store, "research-desk")
        app = create_app(store=store)
        with TestClient(app) as client:
            client.token = token
            client.store = store
            yield client


def _ban_id(client) -> str:
    return next(client.store.iter_events(type="REJECT"))["event_id"]


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _login(client) -> None:
    page = client.get("/login", headers=HTML)
    r = client.post("/login", data={"token": client.token, "csrf": _csrf(page.text), "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text


@pytest.mark.parametrize("path", ["/", "/events", "/events?type=REJECT&country=BLR&since=2020-01", "/articles",
                                  "/articles/doc-1", "/actors", "/countries/BLR", "/login", "/map/world.svg"])
def test_serve_web_page_renders_escaped(site, path):
    r = site.get(path, headers=HTML)
    assert r.status_code == 200, r.text[:500]
    assert "<script>alert" not in r.text and "<img src=x" not in r.text


def test_serve_web_event_page_highlights_evidence_and_escapes(site):
    ev_id = _ban_id(site)
    r = site.get(f"/events/{ev_id}", headers=HTML)
    assert r.status_code == 200
    mark = re.search(r'<mark class="evidence">(.*?)</mark>', r.text, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", mark).startswith("The Belarusian government barred")
    assert '<strong class="trigger">barred</strong>' in mark
    assert "&lt;img src=x onerror=alert(8)&gt;" in r.text and "<img src=x" not in r.text
    assert "Marta Kovac" in r.text and "<circle" in r.text  # the recipient, the point on the map
    assert "Sign in with a write token" in r.text and 'action="/events/' not in r.text  # read-only


def test_serve_web_article_reader_marks_every_kind(site):
    r = site.get("/articles/doc-1", headers=HTML)
    for kind in ("hl-event", "hl-trigger", "hl-quote", "hl-date", "hl-place"):
        assert f'class="{kind}' in r.text or f' {kind}' in r.text, kind
    assert "Belarus bars &lt;script&gt;alert(7)&lt;/script&gt;" in r.text


def test_serve_web_actor_page_has_network(site):
    ev = next(site.store.iter_events(type="REJECT"))
    actor_id = ev["actor"][0]["actor_id"]
    r = site.get(f"/actors/{quote(actor_id, safe='')}", headers=HTML)
    assert r.status_code == 200 and 'class="network"' in r.text and "Marta Kovac" in r.text


@pytest.mark.parametrize("query,message", [
    ("type=FOO", "invalid type 'FOO'"),
    ("country=Belarus", "invalid country 'Belarus'"),
    ("since=2020-13", "invalid since '2020-13'"),
    ("min_sources=many", "invalid min_sources 'many'"),
    ("sort=size", "invalid sort 'size'"),
])
def test_serve_web_invalid_filter_is_a_message(site, query, message):
    r = site.get(f"/events?{query}", headers=HTML)
    assert r.status_code == 400
    assert message.replace("'", "&#39;") in r.text and 'id="filter-error"' in r.text


def test_serve_web_filters_and_facets_follow_the_store(site):
    r = site.get("/events?type=ASSAULT", headers=HTML)
    assert "1 found" in r.text and "Lithuanian Police" in r.text and "Government of Belarus" not in r.text
    facets = site.get("/events", headers=HTML).text
    assert re.search(r">REJECT</a> <span class=\"n\">1</span>", facets)


@pytest.mark.parametrize("form", ["review", "correct", "split", "merge"])
def test_serve_web_post_without_csrf_is_403(site, form):
    _login(site)
    ev_id = _ban_id(site)
    r = site.post(f"/events/{ev_id}/{form}", data={"verdict": "confirm", "type": "COERCE"}, follow_redirects=False)
    assert r.status_code == 403
    assert site.store.event(ev_id)["reviews"] == []


def test_serve_web_login_needs_csrf_and_a_live_token(site):
    assert site.post("/login", data={"token": site.token}, follow_redirects=False).status_code == 403
    page = site.get("/login", headers=HTML)
    bad = site.post("/login", data={"token": "ew_wrong", "csrf": _csrf(page.text)}, follow_redirects=False)
    assert bad.status_code == 401 and "unknown or revoked token" in bad.text
    _login(site)
    cookie = next(c for c in site.cookies.jar if c.name == "ew_session")
    assert site.token not in cookie.value
    assert "signed in as" in site.get("/", headers=HTML).text


def test_serve_web_session_cookie_is_httponly_strict(site):
    page = site.get("/login", headers=HTML)
    r = site.post("/login", data={"token": site.token, "csrf": _csrf(page.text)}, follow_redirects=False)
    header = r.headers["set-cookie"].lower()
    assert "ew_session=" in header and "httponly" in header and "samesite=strict" in header


def test_serve_web_forms_without_session_are_refused(site):
    ev_id = _ban_id(site)
    page = site.get("/login", headers=HTML)  # a valid double-submit token, but no session
    r = site.post(f"/events/{ev_id}/review", data={"verdict": "confirm", "csrf": _csrf(page.text)},
                  follow_redirects=False)
    assert r.status_code == 401 and site.store.event(ev_id)["reviews"] == []


def test_serve_web_correction_is_stored_with_reviewer(site):
    _login(site)
    ev_id = _ban_id(site)
    page = site.get(f"/events/{ev_id}", headers=HTML)
    r = site.post(f"/events/{ev_id}/correct", data={"csrf": _csrf(page.text), "type": "COERCE", "mode": "",
                                                     "recipient": "Marta Kovac [NGO]", "note": "an expulsion"},
                  follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/events/{ev_id}"
    ev = site.store.event(ev_id)
    assert ev["type"] == "COERCE"
    assert [(r["kind"], r["reviewer"]) for r in ev["reviews"]] == [("correct", "research-desk")]
    shown = site.get(f"/events/{ev_id}", headers=HTML).text  # the outcome, once
    assert "corrected by research-desk: type, recipient" in shown and "research-desk</td>" in shown
    assert "corrected by" not in site.get(f"/events/{ev_id}", headers=HTML).text


@pytest.mark.parametrize("verdict", ["confirm", "reject"])
def test_serve_web_verdict_is_stored(site, verdict):
    _login(site)
    ev_id = _ban_id(site)
    page = site.get(f"/events/{ev_id}", headers=HTML)
    site.post(f"/events/{ev_id}/review", data={"csrf": _csrf(page.text), "verdict": verdict})
    (review,) = site.store.event(ev_id)["reviews"]
    assert review["reviewer"] == "research-desk" and verdict[:4] in str(review["payload"])


def test_serve_web_bad_correction_is_a_message(site):
    _login(site)
    ev_id = _ban_id(site)
    page = site.get(f"/events/{ev_id}", headers=HTML)
    r = site.post(f"/events/{ev_id}/correct", data={"csrf": _csrf(page.text), "type": "BANANA"})
    assert r.status_code == 200 and "invalid type &#39;BANANA&#39;" in r.text
    assert site.store.event(ev_id)["reviews"] == []


@pytest.mark.parametrize("raw,want", [
    ("Marta Kovac", [{"name": "Marta Kovac", "country": None, "sector": None}]),
    ("police [BLR COP]; Kovac [NGO]", [{"name": "police", "country": "BLR", "sector": "COP"},
                                        {"name": "Kovac", "country": "NGO", "sector": None}]),
    ("riot police [COP]", [{"name": "riot police", "country": None, "sector": "COP"}]),
])
def test_serve_web_participants_parse(raw, want):
    assert changes_of({"actor": raw})["actor"] == want


@pytest.mark.parametrize("text,spans,want", [
    ("a <b> c", [Span(2, 5, "event")], [("a ", ()), ("<b>", ("event",)), (" c", ())]),
    ("<script>x</script>", [Span(0, 8, "quote"), Span(3, 12, "date")],
     [("<sc", ("quote",)), ("ript>", ("quote", "date")), ("x</s", ("date",)), ("cript>", ())]),
    ("abc", [Span(-4, 99, "place"), Span(2, 1, "event")], [("abc", ("place",))]),  # clipped; reversed dropped
])
def test_serve_web_pieces_cover_the_text_exactly(text, spans, want):
    assert [(p.text, p.kinds) for p in pieces(text, spans)] == want


def test_serve_web_mention_view_rejects_bad_offsets():
    assert mention_view("short", 3, 99, None)["ok"] is False
    view = mention_view("one two three", 4, 7, (4, 7))
    assert view["before"] == "one " and [p.text for p in view["evidence"]] == ["two"] and view["after"] == " three"


def test_serve_web_merge_then_split(site):
    _login(site)
    ban = _ban_id(site)
    other = next(site.store.iter_events(type="ASSAULT"))["event_id"]
    page = site.get(f"/events/{ban}", headers=HTML)
    r = site.post(f"/events/{ban}/merge", data={"csrf": _csrf(page.text), "other": other, "note": "one act"})
    assert r.status_code == 200 and f"{other} merged into it by research-desk" in r.text
    merged = site.store.event(ban)
    assert len(merged["mentions"]) == 2 and 'action="/events/' + ban + '/split"' in r.text
    moved = next(m["mention_id"] for m in merged["mentions"] if "/ASSAULT" in m["mention_id"])
    r = site.post(f"/events/{ban}/split", data={"csrf": _csrf(r.text), "mention": moved})
    assert r.status_code == 200 and f"split off from {ban} by research-desk" in r.text
    assert len(site.store.event(ban)["mentions"]) == 1
    assert [x["reviewer"] for x in site.store.event(ban)["reviews"]] == ["research-desk", "research-desk"]


def test_serve_web_events_pages(site, monkeypatch):
    from eventwatch.serve import web

    monkeypatch.setattr(web, "PER_PAGE", 1)
    ids = [e["event_id"] for e in site.store.iter_events()]
    seen = []
    for n in range(1, len(ids) + 1):
        r = site.get(f"/events?page={n}", headers=HTML)
        seen += re.findall(r'<td><a href="/events/([^"]+)">', r.text)
        assert f"page {n} of {len(ids)}" in r.text and ('rel="next"' in r.text) == (n < len(ids))
    assert seen == ids


def test_serve_web_read_only_server_refuses_forms(tmp_path):
    url = f"sqlite:///{tmp_path / 'ro.db'}"
    with Store(url) as store:
        store.add(hk_extraction("doc-1"))
        token = create_token(store, "desk")
        with TestClient(create_app(store=store, allow_writes=False)) as client:
            client.token = token
            _login(client)
            ev_id = next(store.iter_events(type="REJECT"))["event_id"]
            page = client.get(f"/events/{ev_id}", headers=HTML)
            assert 'action="/events/' not in page.text  # no forms to fill in vain
            r = client.post(f"/events/{ev_id}/review", data={"csrf": _csrf(page.text), "verdict": "confirm"},
                            follow_redirects=False)
            assert r.status_code == 403 and store.event(ev_id)["reviews"] == []
