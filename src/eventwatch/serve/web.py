"""The web pages of the workbench: server-rendered, read-only without a session.

Pages: ``/`` and ``/events`` (the events table, the CLI's filters, facets,
pages), ``/events/{id}`` (mentions with their evidence highlighted in the
article text, quotes, map, related events, reviews and, signed in, the review
forms), ``/articles`` and ``/articles/{id}`` (the reader), ``/actors`` and
``/actors/{id}``, ``/countries/{ISO3}`` (the report's charts), ``/map/world.svg``.
The forms (login, review, correction, split, merge) are in ``web_forms``.
A filter the store rejects is shown as its message above the table (400), never a 500.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from ..codebook import PLOVER_TYPES
from ..errors import QueryError
from ..report.data import country_name, gather, quotes_from_store
from ..report.render import chart_svg
from ..store import Store
from ..store.filters import SORTS, STATUSES, EventFilters
from . import web_data
from .deps import get_store
from .web_forms import router as forms_router
from .web_highlight import KINDS, mention_view, pieces, record_spans
from .web_render import TEMPLATES, error_page, render, safe_url

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
router.include_router(forms_router)

PER_PAGE = 50
# Query parameters the events table passes to the store as they are (after trimming).
TEXT_FILTERS = ("type", "mode", "status", "actor", "recipient", "country", "sector", "context", "since", "until",
                "place", "text", "sort")
STATUS_CHOICES = ("all",) + STATUSES
QUOTES_PER_MENTION = 4
QUOTE_WINDOW = 400


def _number(name: str, raw: str, kind: type) -> Any:
    try:
        return kind(raw)
    except ValueError:
        raise QueryError(f"invalid {name} {raw!r}: must be a {'whole ' if kind is int else ''}number",
                         name=name) from None


def _filters(request: Request) -> tuple[dict[str, Any], dict[str, str]]:
    """The store filters the query string asks for, and the raw values to refill the form with."""
    q = request.query_params
    raw = {k: q.get(k, "").strip() for k in TEXT_FILTERS + ("min_sources", "min_confidence")}
    flt: dict[str, Any] = {k: raw[k] for k in TEXT_FILTERS if raw[k]}
    if raw["min_sources"]:
        flt["min_sources"] = _number("min_sources", raw["min_sources"], int)
    if raw["min_confidence"]:
        flt["min_confidence"] = _number("min_confidence", raw["min_confidence"], float)
    return flt, raw


def _page(request: Request) -> int:
    try:
        return max(1, min(int(request.query_params.get("page", "1")), 100_000))
    except ValueError:
        return 1


def _link_factory(raw: dict[str, str], page: int):
    def link(**change: Any) -> str:
        params = {k: v for k, v in raw.items() if v}
        if page > 1:
            params["page"] = str(page)
        for k, v in change.items():
            if v is None:
                params.pop(k, None)
            else:
                params[k] = str(v)
        return "/events" + ("?" + urlencode(params) if params else "")
    return link


@router.get("/")
@router.get("/events")
def events_page(request: Request, store: Store = Depends(get_store)) -> Response:
    page = _page(request)
    error, status = None, 200
    try:
        flt, raw = _filters(request)
        EventFilters.of(dict(flt))  # validate before anything runs: one message for the form
    except QueryError as exc:
        error, status = str(exc), 400
        raw = {k: request.query_params.get(k, "") for k in TEXT_FILTERS + ("min_sources", "min_confidence")}
        flt = {}
    total = store.count_events(**flt) if not error else 0
    pages = max(1, -(-total // PER_PAGE))
    page = min(page, pages)
    events = web_data.page_of(store, flt, page, PER_PAGE) if not error else []
    facet = web_data.facets(store, flt) if not error else {"type": [], "country": []}
    return render(request, "events.html", status_code=status, events=events, total=total, page=page, pages=pages,
                  f=raw, error=error, facet=facet, link=_link_factory(raw, page), types=PLOVER_TYPES,
                  statuses=STATUS_CHOICES, sorts=list(SORTS))


def _quote_rows(store: Store, article_id: str, cache: dict[str, list[dict]]) -> list[dict]:
    if article_id not in cache:
        cache[article_id] = quotes_from_store(store)(article_id)
    return cache[article_id]


def _near_quotes(quotes: list[dict], start: Optional[int], end: Optional[int]) -> list[dict]:
    """The article's quotes nearest the evidence (within ``QUOTE_WINDOW`` characters), nearest first."""
    if start is None or end is None:
        return []
    near = []
    for q in quotes:
        qs, qe = q.get("start"), q.get("end")
        if qs is None or qe is None:
            continue
        gap = max(0, int(qs) - int(end), int(start) - int(qe))
        if gap <= QUOTE_WINDOW:
            near.append((gap, q))
    near.sort(key=lambda p: p[0])
    return [{"text": q.get("text"), "speaker": q.get("speaker_name") or q.get("speaker"), "cue": q.get("cue")}
            for _, q in near[:QUOTES_PER_MENTION]]


def _review_summary(r: dict) -> str:
    payload = r.get("payload") or {}
    if r.get("kind") == "merge":
        return f"merged {r.get('other_event_id')} into {r.get('event_id')}"
    if r.get("kind") == "split":
        return f"split off {r.get('mention_id')}"
    parts = []
    if isinstance(payload, dict):
        if payload.get("verdict"):
            parts.append(str(payload["verdict"]))
        fields = payload.get("fields") or payload.get("corrected") or {}
        if isinstance(fields, dict):
            for k, v in fields.items():
                if isinstance(v, dict) and "to" in v:
                    v = v["to"]
                parts.append(f"{k} = {v}")
    return "; ".join(parts) or r.get("kind") or ""


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, store: Store = Depends(get_store)) -> Response:
    ev = store.event(event_id)
    if ev is None:
        return error_page(request, 404, f"no event with id {event_id!r}")
    texts: dict[str, str] = {}
    quote_cache: dict[str, list[dict]] = {}
    mentions = []
    for mn in ev["mentions"]:
        aid = mn["article_id"]
        if aid not in texts:
            rec = store.extraction(aid)
            texts[aid] = (rec or {}).get("text") or ""
        text = texts[aid]
        trig = _trigger_span(mn.get("mention_id"), text, mn.get("trigger"))
        mentions.append({**mn, "safe_url": safe_url(mn.get("url")),
                         "view": mention_view(text, mn.get("evidence_start"), mn.get("evidence_end"), trig),
                         "quotes": _near_quotes(_quote_rows(store, aid, quote_cache), mn.get("evidence_start"),
                                                mn.get("evidence_end")),
                         "anchor": f"at{mn.get('evidence_start') or 0}"})
    for r in ev.get("reviews") or []:
        r["summary"] = _review_summary(r)
    writable = bool(getattr(request.app.state, "allow_writes", True))
    return render(request, "event.html", writable=writable, ev=ev, mentions=mentions, related=web_data.related(store, ev),
                  point=web_data.map_point(ev.get("place")), types=PLOVER_TYPES, statuses=STATUS_CHOICES)


def _trigger_span(mention_id: Optional[str], text: str, trigger: Optional[str]) -> Optional[tuple[int, int]]:
    """The trigger's offsets, from the mention id (``<article>#<start>-<end>/<TYPE>``), checked against
    the text: a stale id never marks the wrong words."""
    if not mention_id or "#" not in mention_id:
        return None
    span = mention_id.rsplit("#", 1)[1].split("/", 1)[0]
    try:
        a, b = (int(x) for x in span.split("-", 1))
    except ValueError:
        return None
    if not (0 <= a < b <= len(text)) or (trigger and text[a:b] != trigger):
        return None
    return a, b


@router.get("/articles")
def articles_page(request: Request, store: Store = Depends(get_store)) -> Response:
    search = request.query_params.get("search", "").strip() or None
    page = _page(request)
    rows = store.articles(search=search, limit=page * PER_PAGE + 1).to_dict("records")
    more = len(rows) > page * PER_PAGE
    rows = rows[(page - 1) * PER_PAGE: page * PER_PAGE]
    return render(request, "articles.html", articles=[_clean(r) for r in rows], search=search or "", page=page,
                  more=more)


def _clean(row: dict) -> dict:
    """A DataFrame row with NaN/NA as None (templates print None as nothing)."""
    out = {}
    for k, v in row.items():
        try:
            missing = v is None or v != v
        except (TypeError, ValueError):
            missing = False
        out[k] = None if missing is True else v
    return out


@router.get("/articles/{article_id:path}")
def article_page(article_id: str, request: Request, store: Store = Depends(get_store)) -> Response:
    rec = store.extraction(article_id)
    if rec is None:
        return error_page(request, 404, f"no article with id {article_id!r}")
    text = rec.get("text") or ""
    events = list(store.iter_events(article_id=article_id, status="all"))
    return render(request, "article.html", rec=rec, url=safe_url(rec.get("url")),
                  text_pieces=pieces(text, record_spans(rec)), legend=KINDS, events=events,
                  quotes=rec.get("quotes") or [])


@router.get("/actors")
def actors_page(request: Request, store: Store = Depends(get_store)) -> Response:
    search = request.query_params.get("search", "").strip() or None
    rows = [_clean(r) for r in store.actors(search=search, limit=200).to_dict("records")]
    return render(request, "actors.html", actors=rows, search=search or "")


@router.get("/actors/{actor_id:path}")
def actor_page(actor_id: str, request: Request, store: Store = Depends(get_store)) -> Response:
    act = web_data.actor(store, actor_id)
    if act is None:
        return error_page(request, 404, f"no actor with id {actor_id!r}")
    as_actor = list(store.iter_events(actor=actor_id, status="all", sort="-date", limit=200))
    as_recipient = list(store.iter_events(recipient=actor_id, status="all", sort="-date", limit=200))
    quotes = [_clean(q) for q in store.quotes(speaker=act["name"], limit=50).to_dict("records")] \
        if act["kind"] != "group" else []
    return render(request, "actor.html", actor=act, as_actor=as_actor, as_recipient=as_recipient, quotes=quotes,
                  net=web_data.counterparts(as_actor, as_recipient, actor_id))


@router.get("/countries/{code}")
def country_page(code: str, request: Request, store: Store = Depends(get_store)) -> Response:
    q = request.query_params
    since, until = q.get("since", "").strip() or None, q.get("until", "").strip() or None
    try:
        flt = EventFilters.of({"country": code, "since": since, "until": until})
    except QueryError as exc:
        return error_page(request, 400, str(exc))
    bounds = {k: v for k, v in (("since", flt.since), ("until", flt.until)) if v}
    data = gather(store.iter_events(country=flt.country, **bounds), quotes_from_store(store), country=flt.country,
                  since=flt.since, until=flt.until)
    # The report's chart escapes every label it draws (report/chart.py): its SVG is markup, not text.
    chart = Markup(chart_svg(data))
    return render(request, "country.html", data=data, chart=chart, code=flt.country,
                  country_label=country_name(flt.country), since=since or "", until=until or "")


@lru_cache(maxsize=512)
def _world_svg(highlight: str) -> str:
    return TEMPLATES.get_template("world.svg").render(world=web_data.world(), highlight=highlight)


@router.get("/map/world.svg")
def world_svg(request: Request) -> Response:
    code = request.query_params.get("highlight", "").strip().upper()
    code = code if code in web_data.world()["countries"] else ""
    return Response(_world_svg(code), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"})
