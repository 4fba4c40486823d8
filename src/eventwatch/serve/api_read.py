"""The API's reads beside events: articles, mentions, quotes, actors, places, stats, search; and
``POST /api/extract``, the stateless extraction of one text (nothing is stored)."""
from __future__ import annotations

import math
import threading
from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field

from .. import settings
from ..store import Store
from .deps import get_store
from .paging import cursor_param, decode_cursor, limit_param, page, page_size

router = APIRouter()

# spaCy and the event model are not meant to be entered by two threads at once.
_EXTRACT_LOCK = threading.Lock()


def _plain(value: Any) -> Any:
    """A DataFrame cell as JSON: NaN -> None, numpy scalars -> Python."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    return value


@router.get("/articles", tags=["articles"])
def list_articles(search: Optional[str] = Query(None, description="Substring of the title or the text."),
                  language: Optional[str] = None, dup_group: Optional[str] = None,
                  cursor: Optional[str] = cursor_param(), limit: Optional[int] = limit_param(),
                  store: Store = Depends(get_store)) -> dict:
    """Stored articles, in storage order."""
    size = page_size(limit)
    items, after = store.articles_page(after=decode_cursor(cursor), size=size, search=search, language=language,
                                       dup_group=dup_group)
    return page(items, after, size)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_article(article_id: str, store: Store = Depends(get_store)) -> dict:
    """One stored article as its extraction record (text, events, quotes, dates, places; DESIGN.md)."""
    rec = store.extraction(article_id)
    if rec is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return rec


@router.get("/mentions", tags=["mentions"])
def list_mentions(type: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
                  until: Optional[str] = None, article_id: Optional[str] = None, event_id: Optional[str] = None,
                  min_confidence: Optional[float] = Query(None, ge=0.0, le=1.0),
                  cursor: Optional[str] = cursor_param(), limit: Optional[int] = limit_param(),
                  store: Store = Depends(get_store)) -> dict:
    """Mentions: one coded event as one article states it, with the event it resolved to; the filters of
    `eventwatch mentions`."""
    size = page_size(limit)
    items, after = store.mentions_page(after=decode_cursor(cursor), size=size, type=type, country=country,
                                       since=since, until=until, article_id=article_id, event_id=event_id,
                                       min_confidence=min_confidence)
    return page(items, after, size)


@router.get("/quotes", tags=["quotes"])
def list_quotes(speaker: Optional[str] = Query(None, description="Substring of the speaker's name or text."),
                article_id: Optional[str] = None, cursor: Optional[str] = cursor_param(),
                limit: Optional[int] = limit_param(), store: Store = Depends(get_store)) -> dict:
    """Quotes with their speakers and offsets, in storage order."""
    size = page_size(limit)
    items, after = store.quotes_page(after=decode_cursor(cursor), size=size, speaker=speaker, article_id=article_id)
    return page(items, after, size)


@router.get("/actors", tags=["actors"])
def list_actors(search: Optional[str] = None, country: Optional[str] = None,
                limit: Optional[int] = limit_param(), store: Store = Depends(get_store)) -> dict:
    """Canonical actors, most named first, with aliases and counts (one page: the most named)."""
    size = page_size(limit)
    df = store.actors(search=search, country=country, limit=size)
    items = [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]
    return {"items": items, "next_cursor": None, "limit": size}


@router.get("/actors/{actor_id:path}", tags=["actors"])
def get_actor(actor_id: str, store: Store = Depends(get_store)) -> dict:
    """One actor: its record, its events as actor and as recipient (first pages) and its quotes."""
    rec = store.actor_record(actor_id)
    if rec is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    size = page_size(None)
    as_actor, _ = store.events_page(size=size, actor=actor_id, sort="-date")
    as_recipient, _ = store.events_page(size=size, recipient=actor_id, sort="-date")
    quotes, _ = store.quotes_page(size=size, speaker=rec["name"])
    return {**rec, "as_actor": as_actor, "as_recipient": as_recipient, "quotes": quotes}


@router.get("/places", tags=["places"])
def list_places(country: Optional[str] = None, cursor: Optional[str] = cursor_param(),
                limit: Optional[int] = limit_param(), store: Store = Depends(get_store)) -> dict:
    """The places events happened at, with how many events each."""
    size = page_size(limit)
    items, after = store.places_page(after=decode_cursor(cursor), size=size, country=country)
    return page(items, after, size)


@router.get("/stats", tags=["stats"])
def stats(store: Store = Depends(get_store)) -> dict:
    """Counts of everything stored (as `eventwatch db stats`)."""
    return store.stats()


@router.get("/search", tags=["search"])
def search(q: str = Query(..., min_length=1, max_length=500, description="Text to look for."),
           limit: Optional[int] = limit_param(), store: Store = Depends(get_store)) -> dict:
    """Events whose evidence, articles whose title or text, and actors whose name or alias contain `q`."""
    size = page_size(limit)
    events, ev_after = store.events_page(size=size, text=q)
    articles, art_after = store.articles_page(size=size, search=q)
    actors = [{k: _plain(v) for k, v in row.items()} for row in store.actors(search=q, limit=size).to_dict("records")]
    return {"q": q, "events": events, "articles": articles, "actors": actors,
            "more": {"events": ev_after is not None, "articles": art_after is not None}}


class ExtractBody(BaseModel):
    text: str = Field(..., description="The article text (plain text, or HTML with html=true).")
    publication_date: Optional[str] = Field(None, max_length=40, description="ISO date the relative dates resolve against.")
    id: str = Field("api", max_length=200)
    url: Optional[str] = Field(None, max_length=2000)
    html: bool = False


@router.post("/extract", tags=["extract"])
def extract(body: ExtractBody) -> dict:
    """The extraction record of one text (the JSON contract of `eventwatch extract`); nothing is stored."""
    from ..pipeline import extract as run

    top = int(settings.get("serve_extract_max_chars"))
    if len(body.text) > top:
        raise HTTPException(413, f"text of {len(body.text)} characters is longer than {top} "
                                 "(setting serve_extract_max_chars)")
    with _EXTRACT_LOCK:
        return run(body.text, published=body.publication_date, id=body.id, url=body.url, html=body.html)
