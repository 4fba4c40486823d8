"""``/api/events``: the resolved events with the CLI's filters, one event, its mentions and reviews,
and the analysts' writes (review, correction, merge, split), which need a token (``auth``)."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field

from ..store import Store
from .auth import require_writer
from .deps import get_store
from .paging import cursor_param, decode_cursor, limit_param, page, page_size

router = APIRouter(tags=["events"])

NOTE = Field(None, max_length=4000, description="Why (kept with the decision).")


def event_filters(
    type: Optional[str] = Query(None, description="PLOVER event type, e.g. PROTEST."),
    mode: Optional[str] = Query(None, description="PLOVER mode of the type, e.g. arrest."),
    status: Optional[str] = Query(None, description="occurred, future, hypothetical, negated, historical; "
                                                    "default: every status."),
    actor: Optional[str] = Query(None, description="An actor's name, alias or actor id."),
    recipient: Optional[str] = Query(None, description="A recipient's name, alias or actor id."),
    country: Optional[str] = Query(None, description="ISO alpha-3 code (or IGO, NGO, ...) of an actor or recipient."),
    sector: Optional[str] = Query(None, description="PLOVER sector of an actor or recipient, e.g. COP."),
    context: Optional[str] = Query(None, description="PLOVER context, e.g. human_rights."),
    since: Optional[str] = Query(None, description="Events whose date's period ends on or after this (YYYY[-MM[-DD]])."),
    until: Optional[str] = Query(None, description="Events whose date's period starts on or before this."),
    place: Optional[str] = Query(None, description="Place name (any case) or the place's country code."),
    text: Optional[str] = Query(None, description="Substring of the evidence."),
    min_sources: Optional[int] = Query(None, ge=0),
    min_confidence: Optional[float] = Query(None, ge=0.0, le=1.0),
    article_id: Optional[str] = Query(None, description="Only events this article mentions."),
    sort: Optional[str] = Query(None, description="date, -date, sources, -sources, mentions, -mentions, "
                                                  "confidence, -confidence, first_seen, last_seen."),
) -> dict[str, Any]:
    """The filters of ``eventwatch events`` (``store.filters.EventFilters`` validates them)."""
    given = dict(type=type, mode=mode, status=status, actor=actor, recipient=recipient, country=country,
                 sector=sector, context=context, since=since, until=until, place=place, text=text,
                 min_sources=min_sources, min_confidence=min_confidence, article_id=article_id, sort=sort)
    return {k: v for k, v in given.items() if v is not None}


def existing_event(event_id: str, store: Store) -> dict[str, Any]:
    ev = store.event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return ev


@router.get("/events")
def list_events(filters: dict = Depends(event_filters), cursor: Optional[str] = cursor_param(),
                limit: Optional[int] = limit_param(), store: Store = Depends(get_store)) -> dict:
    """Resolved events, one per real-world event, with their mentions; filters as `eventwatch events`."""
    size = page_size(limit)
    items, after = store.events_page(after=decode_cursor(cursor), size=size, **filters)
    return page(items, after, size)


@router.get("/events/count")
def count_events(filters: dict = Depends(event_filters), store: Store = Depends(get_store)) -> dict:
    """How many events the filters select."""
    return {"count": store.count_events(**{k: v for k, v in filters.items() if k != "sort"})}


@router.get("/events/{event_id}")
def get_event(event_id: str, store: Store = Depends(get_store)) -> dict:
    """One event: its fields, every mention (evidence, offsets, why it merged) and its reviews."""
    return existing_event(event_id, store)


@router.get("/events/{event_id}/mentions")
def event_mentions(event_id: str, store: Store = Depends(get_store)) -> dict:
    """The event's mentions, each with its article, evidence offsets and why it joined."""
    return {"items": existing_event(event_id, store)["mentions"]}


@router.get("/events/{event_id}/reviews")
def event_reviews(event_id: str, store: Store = Depends(get_store)) -> dict:
    """Analysts' decisions on the event (merges, splits, verdicts, corrections), oldest first."""
    return {"items": existing_event(event_id, store)["reviews"]}


class ReviewBody(BaseModel):
    verdict: str = Field(..., description="confirm or reject", max_length=20)
    note: Optional[str] = NOTE


class CorrectionBody(BaseModel):
    fields: dict[str, Any] = Field(..., description="Any of type, mode, status, actor, recipient (lists of "
                                                    "{name, country, sector} or names), date, place.")
    note: Optional[str] = NOTE


class MergeBody(BaseModel):
    other_id: str = Field(..., max_length=200, description="The event merged into this one.")
    note: Optional[str] = NOTE


class SplitBody(BaseModel):
    mention_id: str = Field(..., max_length=2000, description="The mention taken out into an event of its own.")
    note: Optional[str] = NOTE


@router.post("/events/{event_id}/review")
def review(event_id: str, body: ReviewBody, writer: str = Depends(require_writer),
           store: Store = Depends(get_store)) -> dict:
    """Confirm or reject an event (needs a token); kept through re-processing."""
    existing_event(event_id, store)
    store.review_event(event_id, body.verdict, note=body.note, reviewer=writer)
    return existing_event(event_id, store)


@router.post("/events/{event_id}/correction")
def correct(event_id: str, body: CorrectionBody, writer: str = Depends(require_writer),
            store: Store = Depends(get_store)) -> dict:
    """Correct fields of an event (needs a token); the event shows them from now on, through re-ingest and
    re-processing, and its `review` keeps the coded values."""
    existing_event(event_id, store)
    return store.correct_event(event_id, body.fields, reviewer=writer, note=body.note)


@router.post("/events/{event_id}/merge")
def merge(event_id: str, body: MergeBody, writer: str = Depends(require_writer),
          store: Store = Depends(get_store)) -> dict:
    """Merge event `other_id` into this one (needs a token)."""
    existing_event(event_id, store)
    existing_event(body.other_id, store)
    kept = store.merge_events(event_id, body.other_id, note=body.note, reviewer=writer)
    return existing_event(kept, store)


@router.post("/events/{event_id}/split")
def split(event_id: str, body: SplitBody, writer: str = Depends(require_writer),
          store: Store = Depends(get_store)) -> dict:
    """Take a mention out of this event into an event of its own (needs a token); returns the new event."""
    existing_event(event_id, store)
    new = store.split_event(event_id, body.mention_id, note=body.note, reviewer=writer)
    return existing_event(new, store)
