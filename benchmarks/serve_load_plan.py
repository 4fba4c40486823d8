"""The request mix of the serve load runs, and what a well-formed answer is.

Shared by ``bench_serve_load.py`` (through ``locust_serve.py``) and
``tests/test_reliability_load.py``, so the benchmark and the test send the
same kinds of request and judge the answers the same way. Standard library
only: the locustfile imports it under gevent.

A run is a fixed list of ``(name, path)`` built from a *plan* (event,
article and actor ids, types and countries read from the live server before
the load), so it is bounded by count and reproducible from its seed.
"""
from __future__ import annotations

import json
import random
from typing import Any, Callable, Optional
from urllib.parse import quote, urlencode

# Text no page may contain: an article below carries it, and every page must show it as text.
HOSTILE_TITLE = "<script>alert(7)</script>"
HOSTILE_MARKUP = ("<script>alert(7)</script>", "<img src=x onerror=alert(8)>")
HOSTILE_ESCAPED = "&lt;script&gt;alert(7)&lt;/script&gt;"
MISSING_EVENT = "ev-000000000000"

PLACES = [("Minsk", "Belarusian"), ("Dhaka", "Bangladeshi"), ("Lima", "Peruvian"), ("Kampala", "Ugandan"),
          ("Nairobi", "Kenyan"), ("Yangon", "Myanmar"), ("Caracas", "Venezuelan"), ("Tbilisi", "Georgian"),
          ("Harare", "Zimbabwean"), ("Almaty", "Kazakh"), ("Tunis", "Tunisian"), ("Manila", "Philippine")]
ACTS = [("Police in {city} arrested {n} students after a march on {day}.", "student leaders"),
        ("Soldiers fired tear gas at {n} protesters outside the parliament in {city} on {day}.", "protest organisers"),
        ("The {adj} government banned {n} journalists from covering the vote in {city} on {day}.", "the press union"),
        ("Hundreds of farmers protested in {city} on {day} against a new land law, {n} of them were detained.",
         "farmers' groups"),
        ("The {adj} interior ministry threatened to close {n} rights groups in {city} on {day}.",
         "the rights groups"),
        ("A court in {city} sentenced {n} opposition activists to prison on {day}.", "their lawyers")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def hostile_article() -> dict[str, Any]:
    """One JSON Lines document whose title and text are markup, as a hostile feed would send."""
    return {"id": "hostile-1", "publication_date": "2021-05-01", "title": HOSTILE_TITLE,
            "text": "Police in Minsk detained <script>alert(7)</script> forty protesters on Saturday "
                    "<img src=x onerror=alert(8)>, rights groups said. The interior ministry banned the march."}


def synthetic_articles(n: int, *, start: int = 0, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` distinct short wire stories (JSON Lines documents), numbered from ``start``.

    Written here, from a small vocabulary: each has two or three coded acts,
    a place, a weekday and a speaker, so every one adds events, actors and quotes.
    """
    rng = random.Random(seed * 1_000_003 + start)
    out = []
    for i in range(start, start + n):
        city, adj = PLACES[i % len(PLACES)]
        picks = rng.sample(ACTS, 3 if i % 2 else 2)
        lines = [t.format(city=city, adj=adj, n=rng.randint(2, 90), day=rng.choice(DAYS)) for t, _ in picks]
        speaker = picks[0][1]
        lines.append(f"\"We will not be silenced,\" said a spokesperson for {speaker}, story number {i}.")
        out.append({"id": f"load-{i}", "publication_date": f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}",
                    "title": f"{city}: {len(picks)} reports, story {i}", "text": " ".join(lines)})
    return out


def plan_from(get_json: Callable[[str], Any]) -> dict[str, Any]:
    """The ids and values the mix draws on, read through ``get_json(path)`` from a live server."""
    events = get_json("/api/events?limit=100")["items"]
    articles = get_json("/api/articles?limit=100")["items"]
    actors = get_json("/api/actors?limit=50")["items"]
    hostile = [a["id"] for a in articles if a.get("title") == HOSTILE_TITLE]
    hostile_events = [e["event_id"] for e in events
                      if any(m.get("article_id") in hostile for m in e.get("mentions", []))]
    countries = sorted({p["country"] for e in events for p in e.get("actor", []) + e.get("recipient", [])
                        if p.get("country") and len(p["country"]) == 3 and p["country"].isalpha()})
    plan = {"events": [e["event_id"] for e in events], "articles": [a["id"] for a in articles],
            "actors": [a["actor_id"] for a in actors if a.get("actor_id")],
            "types": sorted({e["type"] for e in events}), "countries": countries or ["USA"],
            "hostile_articles": hostile, "hostile_events": hostile_events}
    if not plan["events"] or not plan["articles"] or not plan["actors"]:
        raise ValueError(f"the store has too little to load: {len(plan['events'])} events, "
                         f"{len(plan['articles'])} articles, {len(plan['actors'])} actors")
    return plan


def _q(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v is not None})


# name -> (weight, path maker). The weights follow an analyst's session: mostly the events
# table and event pages, then articles, actors, search and the counts.
MIX: dict[str, tuple[int, Callable[[dict, random.Random], str]]] = {
    "GET /api/events": (4, lambda p, r: "/api/events?" + _q(limit=50)),
    "GET /api/events?filters": (6, lambda p, r: "/api/events?" + _q(
        type=r.choice(p["types"]), country=r.choice([None] + p["countries"]), since=r.choice([None, "2019", "2023-01"]),
        sort=r.choice(["-date", "sources", "-confidence"]), limit=r.choice([20, 50]))),
    "GET /api/events/{id}": (6, lambda p, r: "/api/events/" + quote(r.choice(p["events"]), safe="")),
    "GET /api/events/{missing}": (1, lambda p, r: "/api/events/" + MISSING_EVENT),
    "GET /api/articles/{id}": (4, lambda p, r: "/api/articles/" + quote(r.choice(p["articles"]), safe="")),
    "GET /api/actors": (2, lambda p, r: "/api/actors?" + _q(limit=50, country=r.choice([None] + p["countries"]))),
    "GET /api/actors/{id}": (2, lambda p, r: "/api/actors/" + quote(r.choice(p["actors"]), safe="")),
    "GET /api/stats": (2, lambda p, r: "/api/stats"),
    "GET /api/search": (3, lambda p, r: "/api/search?" + _q(q=r.choice(["police", "arrested", "minister",
                                                                          "protest", "journalist"]), limit=20)),
    "GET /events": (5, lambda p, r: "/events?" + _q(type=r.choice([None] + p["types"]),
                                                    country=r.choice([None, None] + p["countries"]))),
    "GET /events/{id}": (5, lambda p, r: "/events/" + quote(r.choice(p["hostile_events"] or p["events"])
                                                            if r.random() < 0.25 else r.choice(p["events"]), safe="")),
    "GET /articles/{id}": (2, lambda p, r: "/articles/" + quote(r.choice(p["hostile_articles"] or p["articles"])
                                                                if r.random() < 0.5 else r.choice(p["articles"]),
                                                                safe="")),
}


def requests_for(plan: dict[str, Any], n: int, *, seed: int = 1) -> list[tuple[str, str]]:
    """``n`` requests ``(name, path)`` drawn from ``MIX`` by weight; every kind at least once when n allows."""
    rng = random.Random(seed)
    names = list(MIX)
    weights = [MIX[k][0] for k in names]
    chosen = names[:n] + rng.choices(names, weights=weights, k=max(0, n - len(names)))
    rng.shuffle(chosen)
    return [(name, MIX[name][1](plan, rng)) for name in chosen]


def expected_status(name: str) -> int:
    return 404 if name == "GET /api/events/{missing}" else 200


def check(name: str, path: str, status: int, content_type: str, body: str,
          plan: Optional[dict[str, Any]] = None) -> Optional[str]:
    """Why the answer to ``path`` is wrong, or None when it is well-formed.

    JSON answers must parse and have the route's shape (an unknown event: the
    API's error shape with 404); HTML answers must be pages that never carry
    an article's markup as markup, and the pages of the hostile article and its
    events must show it escaped.
    """
    want = expected_status(name)
    if status != want:
        return f"{name} {path}: HTTP {status}, want {want}: {body[:200]!r}"
    if path.startswith("/api/"):
        if not content_type.startswith("application/json"):
            return f"{name} {path}: content type {content_type!r}"
        try:
            doc = json.loads(body)
        except ValueError as exc:
            return f"{name} {path}: JSON does not parse ({exc})"
        return _json_shape(name, path, doc)
    if not content_type.startswith("text/html"):
        return f"{name} {path}: content type {content_type!r}"
    if "</html>" not in body:
        return f"{name} {path}: the page is cut"
    for raw in HOSTILE_MARKUP:
        if raw in body:
            return f"{name} {path}: article markup {raw!r} is in the page unescaped"
    if plan is not None and _is_hostile_page(path, plan) and HOSTILE_ESCAPED not in body:
        return f"{name} {path}: the hostile article's text is not shown (escaped) on its page"
    return None


def _is_hostile_page(path: str, plan: dict[str, Any]) -> bool:
    ids = [("/articles/", a) for a in plan.get("hostile_articles", [])]
    ids += [("/events/", e) for e in plan.get("hostile_events", [])]
    return any(path == prefix + quote(i, safe="") for prefix, i in ids)


def _json_shape(name: str, path: str, doc: Any) -> Optional[str]:
    if not isinstance(doc, dict):
        return f"{name} {path}: not a JSON object"
    if name == "GET /api/events/{missing}":
        err = doc.get("error") or {}
        return None if err.get("code") == "not_found" and err.get("message") else f"{name}: error shape {doc!r}"
    if name in ("GET /api/events", "GET /api/events?filters", "GET /api/actors"):
        if not isinstance(doc.get("items"), list) or "next_cursor" not in doc:
            return f"{name} {path}: no items/next_cursor"
        if name != "GET /api/actors" and any("event_id" not in e or "mentions" not in e for e in doc["items"]):
            return f"{name} {path}: an item is not an event record"
        return None
    keys = {"GET /api/events/{id}": ("event_id", "mentions", "type"),
            "GET /api/articles/{id}": ("id", "text", "events", "quotes"),
            "GET /api/actors/{id}": ("actor_id", "as_actor", "as_recipient"),
            "GET /api/stats": ("articles", "events"),
            "GET /api/search": ("events", "articles", "actors")}[name]
    missing = [k for k in keys if k not in doc]
    return f"{name} {path}: missing {missing}" if missing else None
