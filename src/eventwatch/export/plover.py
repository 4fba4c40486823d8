"""PLOVER JSON Lines: one event record per line, with the field names of the PLOVER manual.

The manual (v2.0, chapter "Data Fields") names the record's fields: ``id``,
``date``, ``actor``/``recipient`` (lists of entity objects: ``code``,
``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``),
``event`` (a list of categories), ``mode``, ``context``, ``event_loc`` (a
location object: ``extracted_place``, ``resolved_place``, ``lat``, ``lon``,
``country_code``), ``event_text``, ``quad_code``, ``event_scale``,
``text_info`` (``start``, ``end`` character offsets), ``cite_info``
(``corpus``, ``citation``, ``url``, ``title``, ``publication``, ``coder``,
``codebook``), ``coder`` and ``coded_date``. The manual leaves one text per
record; an eventwatch event has several mentions, so ``text_info`` and
``cite_info`` describe its first mention and ``mentions`` (a field beyond the
manual's, which it allows) lists every mention with its own ``text_info``
and ``cite_info``. Fields we know nothing about are left out, not null.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional

from .rows import batches, mentions, text
from .scales import plover_quad, plover_score

CODEBOOK = "plover-2.0"
CORPUS = "eventwatch"


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


def _entity(e: dict) -> dict:
    return _drop_empty({
        "code": text(e.get("country")),
        "sector": text(e.get("sector")),
        "entity_text": text(e.get("text") or e.get("name")),
        "identifier_id": text(e.get("actor_id")),
        "identifier_text": text(e.get("name")),
    })


def _location(place: Optional[dict]) -> Optional[dict]:
    if not place:
        return None
    return _drop_empty({
        "extracted_place": text(place.get("text") or place.get("name")),
        "resolved_place": text(place.get("name")),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": text(place.get("country")),
    }) or None


def _coder(event: dict) -> str:
    version = text(event.get("coder_version"))
    return f"eventwatch {version}" if version else "eventwatch"


def _mention(m: dict, coder: str) -> dict:
    return _drop_empty({
        "mention_id": text(m.get("mention_id")),
        "event_text": text(m.get("evidence")),
        "text_info": _drop_empty({"start": m.get("evidence_start"), "end": m.get("evidence_end")}),
        "cite_info": _drop_empty({
            "corpus": CORPUS,
            "citation": text(m.get("article_id")),
            "url": text(m.get("url")),
            "title": text(m.get("title")),
            "publication": text(m.get("publisher")),
            "coder": coder,
            "codebook": CODEBOOK,
        }),
        "publication_date": text(m.get("publication_date")),
        "trigger": text(m.get("trigger")),
        "attribution": text(m.get("attribution")),
        "dup_group": text(m.get("dup_group")),
    })


def to_plover(event: dict) -> dict[str, Any]:
    """The PLOVER record of one event dict (the ``Store.iter_events`` contract)."""
    typ, mode = text(event.get("type")), text(event.get("mode"))
    coder = _coder(event)
    ms = [_mention(m, coder) for m in mentions(event)]
    first = ms[0] if ms else {}
    record = {
        "id": text(event.get("event_id")),
        "date": text(event.get("date")),
        "date_precision": text(event.get("date_precision")),
        "actor": [_entity(e) for e in (event.get("actor") or []) if isinstance(e, dict)],
        "recipient": [_entity(e) for e in (event.get("recipient") or []) if isinstance(e, dict)],
        "event": [typ] if typ else [],
        "mode": [mode] if mode else [],
        "context": [text(c) for c in (event.get("context") or []) if c],
        "event_loc": _location(event.get("place")),
        "event_text": [m["event_text"] for m in ms if m.get("event_text")],
        "quad_code": plover_quad(typ),
        "event_scale": plover_score(typ, mode),
        "status": text(event.get("status")),
        "cameo": text(event.get("cameo")),
        "confidence": event.get("confidence"),
        "num_mentions": event.get("num_mentions"),
        "num_articles": event.get("num_articles"),
        "num_sources": event.get("num_sources"),
        "text_info": first.get("text_info"),
        "cite_info": first.get("cite_info"),
        "mentions": ms,
        "coder": coder,
        "coded_date": (text(event.get("last_seen")) or "")[:10] or None,
        "review": event.get("review"),  # beyond the manual: an analyst's verdict and corrections
    }
    out = _drop_empty(record)
    # Required by the manual: present even when unknown (a null date, no actor found).
    return {"id": out.pop("id", None), "date": out.pop("date", None), "actor": out.pop("actor", []),
            "event": out.pop("event", []), **out}


def write_plover(events: Iterable[dict], path: Path, *, batch_size: int = 1000) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for batch in batches(events, batch_size):
            out.write("".join(json.dumps(to_plover(e), ensure_ascii=False, default=str) + "\n" for e in batch))
            n += len(batch)
    return n
