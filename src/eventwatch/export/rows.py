"""One resolved event (the dict ``Store.iter_events`` yields) as one flat row.

Every export format starts here, so each row carries the same provenance:
the event id, the ids of its mentions and articles, and each mention's
evidence offsets. Per-mention lists are aligned: the k-th entries of
``mention_ids``, ``mention_article_ids``, ``evidence_starts`` and
``evidence_ends`` describe the same mention. ``article_ids`` and ``urls`` are
the distinct values, in mention order.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator, Optional

# (name, kind): kind drives the Parquet schema and the CSV cell.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("type", "str"),
    ("mode", "str"),
    ("status", "str"),
    ("context", "list_str"),
    ("date", "str"),
    ("date_precision", "str"),
    ("actor", "list_str"),
    ("actor_country", "list_str"),
    ("actor_sector", "list_str"),
    ("actor_id", "list_str"),
    ("recipient", "list_str"),
    ("recipient_country", "list_str"),
    ("recipient_sector", "list_str"),
    ("recipient_id", "list_str"),
    ("place", "str"),
    ("place_country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("cameo", "str"),
    ("confidence", "float"),
    ("num_mentions", "int"),
    ("num_articles", "int"),
    ("num_sources", "int"),
    ("first_seen", "str"),
    ("last_seen", "str"),
    ("coder_version", "str"),
    ("review_verdict", "str"),
    ("corrected_fields", "list_str"),
    ("reviewer", "str"),
    ("reviewed_at", "str"),
    ("evidence", "str"),
    ("mention_ids", "list_str"),
    ("mention_article_ids", "list_str"),
    ("evidence_starts", "list_int"),
    ("evidence_ends", "list_int"),
    ("article_ids", "list_str"),
    ("urls", "list_str"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def text(value: Any) -> Optional[str]:
    """A scalar as a string cell: ids may be integers in one store and strings in another."""
    if value is None:
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


def number(value: Any, kind: type) -> Any:
    if value is None or value == "":
        return None
    try:
        out = kind(value)
    except (TypeError, ValueError):
        return None
    return None if isinstance(out, float) and out != out else out


def distinct(values: Iterable[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for v in values:
        if v is not None and v not in seen:
            seen[v] = None
    return list(seen)


def entity_label(entity: dict) -> Optional[str]:
    """The entity's canonical name, else the text the article used."""
    return text(entity.get("name") or entity.get("text"))


def _entities(event: dict, role: str) -> list[dict]:
    return [e for e in (event.get(role) or []) if isinstance(e, dict)]


def mentions(event: dict) -> list[dict]:
    return [m for m in (event.get("mentions") or []) if isinstance(m, dict)]


def flatten(event: dict) -> dict[str, Any]:
    """The flat row of one event: scalars and lists of scalars, in ``COLUMN_NAMES`` order."""
    place = event.get("place") or {}
    review = event.get("review") or {}
    ms = mentions(event)
    row: dict[str, Any] = {
        "event_id": text(event.get("event_id")),
        "type": text(event.get("type")),
        "mode": text(event.get("mode")),
        "status": text(event.get("status")),
        "context": [text(c) for c in (event.get("context") or []) if c],
        "date": text(event.get("date")),
        "date_precision": text(event.get("date_precision")),
        "place": text(place.get("name")),
        "place_country": text(place.get("country")),
        "lat": number(place.get("lat"), float),
        "lon": number(place.get("lon"), float),
        "cameo": text(event.get("cameo")),
        "confidence": number(event.get("confidence"), float),
        "num_mentions": number(event.get("num_mentions"), int),
        "num_articles": number(event.get("num_articles"), int),
        "num_sources": number(event.get("num_sources"), int),
        "first_seen": text(event.get("first_seen")),
        "last_seen": text(event.get("last_seen")),
        "coder_version": text(event.get("coder_version")),
        "review_verdict": text(review.get("verdict")),
        "corrected_fields": sorted(review.get("corrected") or {}),
        "reviewer": text(review.get("reviewer")),
        "reviewed_at": text(review.get("reviewed_at")),
        "evidence": text(ms[0].get("evidence")) if ms else None,
        "mention_ids": [text(m.get("mention_id")) for m in ms],
        "mention_article_ids": [text(m.get("article_id")) for m in ms],
        "evidence_starts": [number(m.get("evidence_start"), int) for m in ms],
        "evidence_ends": [number(m.get("evidence_end"), int) for m in ms],
        "article_ids": distinct(text(m.get("article_id")) for m in ms),
        "urls": distinct(text(m.get("url")) for m in ms),
    }
    for role in ("actor", "recipient"):
        ents = _entities(event, role)
        row[role] = [entity_label(e) or "" for e in ents]
        row[f"{role}_country"] = [text(e.get("country")) or "" for e in ents]
        row[f"{role}_sector"] = [text(e.get("sector")) or "" for e in ents]
        row[f"{role}_id"] = [text(e.get("actor_id")) or "" for e in ents]
    return {name: row[name] for name in COLUMN_NAMES}


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size``: the unit every writer flushes."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
