"""The workbench JSON API in process: lists with the CLI's filters, cursor pages, one error shape,
JSON only, the extract endpoint's limits. Stores are filled with hand-built extractions (no spaCy)."""
from __future__ import annotations

import pytest
from test_store_support import BAN_STORY, ban_extraction, hk_extraction

from eventwatch.serve.app import create_app


def _fill(store, n=8, *, undated=False):
    store.add(hk_extraction())
    for i in range(n):  # a ban a year: one event each
        store.add(ban_extraction(f"ban{i}", f"{i} " + BAN_STORY, url=f"https://n{i}.example/ban",
                                 date=f"{2010 + i}-01-12", published=f"{2010 + i}-01-13"))
    if undated:  # events without a date: the pages sorted by date must still give them
        for i, who in enumerate(("Marta Kovac", "Amnesty International")):
            store.add(ban_extraction(f"undated{i}", f"u{i} " + BAN_STORY.replace("Marta Kovac", who, 1),
                                     url=f"https://u{i}.example/b", recipient=who, date=None, precision=None,
                                     published=None, type_="ACCUSE"))


def _walk(client, path, **params):
    seen, cursor, pages = [], None, 0
    while True:
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        seen += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, pages


@pytest.mark.parametrize("sort", [None, "date", "-date", "sources", "-confidence", "first_seen", "-mentions"])
def test_serve_api_event_pages_give_every_event_exactly_once(workbench, sort):
    _fill(workbench.store, undated=True)
    want = [e["event_id"] for e in workbench.store.iter_events(**({"sort": sort} if sort else {}))]
    items, pages = _walk(workbench.client, "/api/events", limit=3, **({"sort": sort} if sort else {}))
    got = [e["event_id"] for e in items]
    assert sorted(got) == sorted(want) and len(set(got)) == len(got) == 12 and pages == 4
    if sort is None:
        assert got == want
    if sort in ("date", "-date"):  # dated events in the store's order; undated ones lowest
        dates = [e["date"] for e in items]
        assert [d for d in dates if d] == sorted(filter(None, dates), reverse=sort == "-date")
        nulls = dates.count(None)
        assert nulls and (dates[:nulls] if sort == "date" else dates[-nulls:]) == [None] * nulls


def test_serve_api_pages_hold_while_articles_arrive(workbench):
    _fill(workbench.store, 4)
    first = workbench.client.get("/api/events", params={"limit": 2}).json()
    workbench.store.add(ban_extraction("late", "late " + BAN_STORY, url="https://late.example/b", date="1999-01-12"))
    rest, _ = _walk(workbench.client, "/api/events", limit=2, cursor=first["next_cursor"])
    ids = [e["event_id"] for e in first["items"] + rest]
    assert len(ids) == len(set(ids)) == 8


@pytest.mark.parametrize("path,model", [
    ("/api/articles", lambda s: list(s.articles()["id"])),
    ("/api/mentions", lambda s: len(s.mentions())),
    ("/api/quotes", lambda s: len(s.quotes())),
])
def test_serve_api_other_lists_walk_every_row_once(workbench, path, model):
    _fill(workbench.store, 5)
    items, pages = _walk(workbench.client, path, limit=2)
    want = model(workbench.store)
    if isinstance(want, list):
        assert [a["id"] for a in items] == want
    else:
        assert len(items) == want and pages == -(-want // 2)


@pytest.mark.parametrize("filters", [
    {"type": "ASSAULT"}, {"country": "LTU"}, {"actor": "Government of Belarus"}, {"recipient": "Kovac"},
    {"since": "2014", "until": "2015-06"}, {"place": "minsk"}, {"text": "police beat"}, {"mode": "beat"},
    {"min_confidence": 0.9}, {"article_id": "ban3"}, {"sector": "COP"}, {"context": "repression"},
])
def test_serve_api_event_filters_are_the_stores(workbench, filters):
    _fill(workbench.store)
    want = [e["event_id"] for e in workbench.store.iter_events(**filters)]
    got = [e["event_id"] for e in workbench.client.get("/api/events", params={**filters, "limit": 100}).json()["items"]]
    assert got == want and want
    assert workbench.client.get("/api/events/count", params=filters).json()["count"] == len(want)


@pytest.mark.parametrize("filters", [{"type": "ASSAULT"}, {"country": "LTU"}, {"since": "2015", "until": "2016-01"},
                                     {"article_id": "ban2"}, {"min_confidence": 0.85}])
def test_serve_api_mention_filters_are_the_cli_ones(workbench, filters):
    _fill(workbench.store)
    want = workbench.store.mentions(**filters)
    got = workbench.client.get("/api/mentions", params={**filters, "limit": 100}).json()["items"]
    assert len(got) == len(want) > 0
    assert [(m["article_id"], m["trigger"]["text"], m["evidence"]["start"]) for m in got] == \
        list(zip(want["article_id"], want["trigger"], want["evidence_start"]))


@pytest.mark.parametrize("method,path,kw,status,field", [
    ("get", "/api/events?type=PROTESTS", {}, 400, "type"),
    ("get", "/api/events?country=Hong%20Kong", {}, 400, "country"),
    ("get", "/api/events?sort=random", {}, 400, "sort"),
    ("get", "/api/events?cursor=not-a-cursor", {}, 400, "cursor"),
    ("get", "/api/events?limit=100000", {}, 400, "limit"),
    ("get", "/api/mentions?type=NOPE", {}, 400, "type"),
    ("get", "/api/mentions?country=Belarus", {}, 400, "country"),
    ("get", "/api/events?min_sources=many", {}, 422, "min_sources"),
    ("get", "/api/search", {}, 422, "q"),
    ("get", "/api/events/ev-000000000000", {}, 404, None),
    ("get", "/api/articles/no-such-article", {}, 404, None),
    ("get", "/api/actors/nobody", {}, 404, None),
    ("get", "/api/nothing-here", {}, 404, None),
    ("post", "/api/events/ev-000000000000/review", {"json": {"verdict": "confirm"}}, 401, None),
    ("post", "/api/extract", {"json": {"publication_date": "2020"}}, 422, "text"),
    ("post", "/api/extract", {"content": b"{" * 2_000_000, "headers": {"Content-Type": "application/json"}}, 413, None),
    ("delete", "/api/events", {}, 405, None),
])
def test_serve_api_every_error_has_one_json_shape(workbench, method, path, kw, status, field):
    _fill(workbench.store, 1)
    r = getattr(workbench.client, method)(path, **kw)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert list(body) == ["error"] and body["error"]["message"] and body["error"]["code"]
    assert body["error"].get("field") == field
    if status == 400 and field in ("type", "sort"):
        assert "ASSAULT" in body["error"]["valid"] or "-date" in body["error"]["valid"]


def test_serve_api_chunked_body_over_the_limit_is_413(db_url):
    from fastapi.testclient import TestClient

    from eventwatch.store import Store

    with Store(db_url) as store, TestClient(create_app(store=store, max_body_bytes=1000)) as client:
        chunks = (b'{"text": "' + b"x" * 600 + b'"' for _ in range(3))  # no Content-Length: counted as it comes
        r = client.post("/api/extract", content=chunks, headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_serve_api_extract_text_over_its_limit_is_413(workbench, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_SERVE_EXTRACT_MAX_CHARS", "50")
    r = workbench.client.post("/api/extract", json={"text": "Police detained forty protesters. " * 3})
    assert r.status_code == 413 and "serve_extract_max_chars" in r.json()["error"]["message"]


def test_serve_api_answers_json_never_html_for_hostile_text(workbench):
    ext = hk_extraction("xss")
    ext.article.title = "<script>alert(7)</script>"
    workbench.store.add(ext)
    ev = next(workbench.store.iter_events())
    for path in ("/api/articles", "/api/articles/xss", "/api/events", f"/api/events/{ev['event_id']}",
                 "/api/search?q=script", "/api/mentions", "/api/quotes", "/api/actors", "/api/places", "/api/stats"):
        r = workbench.client.get(path)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", path
    assert workbench.client.get("/api/articles/xss").json()["title"] == "<script>alert(7)</script>"


def test_serve_api_one_article_actor_places_search_stats(workbench):
    _fill(workbench.store, 2)
    c = workbench.client
    rec = c.get("/api/articles/doc-1").json()
    assert rec["id"] == "doc-1" and len(rec["events"]) == 3 and rec["quotes"][0]["speaker"]["name"] == "Marta Kovac"
    actor = c.get("/api/actors/government of belarus").json()
    assert actor["name"] == "Government of Belarus" and len(actor["as_actor"]) == 3 and actor["as_recipient"] == []
    places = {p["name"]: p["n_events"] for p in c.get("/api/places").json()["items"]}
    assert places["Minsk"] == 3 and places["Vilnius"] == 1
    found = c.get("/api/search", params={"q": "beat"}).json()
    assert [e["type"] for e in found["events"]] == ["ASSAULT"] and [a["id"] for a in found["articles"]] == ["doc-1"]
    assert c.get("/api/stats").json()["resolved_events"] == 5
    ev = c.get("/api/events", params={"type": "ASSAULT"}).json()["items"][0]
    assert c.get(f"/api/events/{ev['event_id']}/mentions").json()["items"][0]["evidence"].startswith("Police beat")


def test_serve_api_openapi_lists_reads_and_guarded_writes(workbench):
    spec = workbench.client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/mentions", "/api/quotes",
              "/api/actors", "/api/places", "/api/stats", "/api/search", "/api/extract"):
        assert p in paths, p
    writes = [p for p, ops in paths.items() if "post" in ops and "extract" not in p]
    assert sorted(writes) == sorted(f"/api/events/{{event_id}}/{w}" for w in ("review", "correction", "merge", "split"))


@pytest.mark.slow
def test_serve_api_extract_returns_the_contract_record(workbench, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_CODERS", "pattern")
    r = workbench.client.post("/api/extract", json={"id": "a", "publication_date": "2021-03-02",
                                                    "text": "Police in Dhaka arrested twelve activists on Monday."})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert {"id", "text", "events", "quotes", "dates", "places", "warnings"} <= set(rec)
    assert rec["id"] == "a" and rec["events"] and rec["events"][0]["type"] == "COERCE"
    assert workbench.store.stats()["articles"] == 0  # nothing stored
