"""What the web pages read beyond ``Store``'s own queries: facet counts, one canonical actor, the
events related to one, the counterparts of an actor, and the offline world map.

Facets use the store's own filter validation and WHERE clauses
(``store.filters``), so a page's counts always match its table.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy import func, select

from ..store import Store
from ..store import schema as S
from ..store.filters import EventFilters, actor_keys, where

MAP_FILE = Path(__file__).resolve().parent / "map" / "world.json"
TOP_COUNTRIES = 20
RELATED_MAX = 30
COUNTERPARTS_MAX = 12


def _keys(conn, flt: EventFilters) -> dict[str, list[str]]:
    return {role: list(conn.execute(actor_keys(getattr(flt, role))).scalars())
            for role in ("actor", "recipient") if getattr(flt, role)}


def facets(store: Store, filters: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """Counts of the events ``filters`` match, by type and by actor/recipient country (top ones)."""
    flt = EventFilters.of({k: v for k, v in filters.items() if k not in ("sort", "limit")})
    e, f = S.events, S.event_facets
    with store.engine.connect() as conn:
        clauses = where(flt, store.dialect, _keys(conn, flt))
        n = func.count().label("n")
        by_type = conn.execute(select(e.c.type, n).where(*clauses).group_by(e.c.type).order_by(n.desc(), e.c.type))
        types = [(r.type, int(r.n)) for r in by_type]
        nd = func.count(sa.distinct(f.c.event_pk)).label("n")
        by_country = conn.execute(
            select(f.c.value, nd).where(f.c.facet.in_(["actor_country", "recipient_country"]),
                                        f.c.event_pk.in_(select(e.c.pk).where(*clauses)))
            .group_by(f.c.value).order_by(nd.desc(), f.c.value).limit(TOP_COUNTRIES))
        countries = [(r.value, int(r.n)) for r in by_country]
    return {"type": types, "country": countries}


def page_of(store: Store, filters: dict[str, Any], page: int, per_page: int) -> list[dict]:
    """Events ``(page - 1) * per_page`` to ``page * per_page`` of the filtered, sorted result."""
    start = (page - 1) * per_page
    return list(islice(store.iter_events(**filters, limit=start + per_page, batch_size=per_page), start, None))


def actor(store: Store, key: str) -> Optional[dict[str, Any]]:
    """The canonical actor with id ``key`` (``person:kenneth roth``), with its aliases, or None."""
    ac, al = S.actors, S.actor_aliases
    with store.engine.connect() as conn:
        r = conn.execute(select(ac).where(ac.c.key == key)).first()
        if r is None:
            return None
        aliases = sorted({x.text or x.alias for x in conn.execute(select(al).where(al.c.actor_id == r.id))})
    return {"actor_id": r.key, "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
            "external_id": r.external_id, "aliases": aliases}


def related(store: Store, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Other events that share an actor, a recipient or the place's country with ``event``, by date."""
    queries: list[dict[str, str]] = []
    for role in ("actor", "recipient"):
        for p in event.get(role) or []:
            if p.get("actor_id"):
                queries += [{"actor": p["actor_id"]}, {"recipient": p["actor_id"]}]
    country = (event.get("place") or {}).get("country")
    if country:
        queries.append({"place": country})
    seen = {event["event_id"]}
    out: list[dict[str, Any]] = []
    for q in queries:
        for ev in store.iter_events(**q, status="all", sort="-date", limit=RELATED_MAX):
            if ev["event_id"] not in seen:
                seen.add(ev["event_id"])
                out.append(ev)
    out.sort(key=lambda ev: (ev.get("date") or "9999", ev["event_id"]))
    return out[:RELATED_MAX]


def counterparts(as_actor: list[dict], as_recipient: list[dict], key: str) -> dict[str, Any]:
    """The actor's network: the recipients of its acts and the actors of acts on it, placed on a circle
    around it (SVG coordinates in a 400 x 300 box), the most frequent first."""
    out_n: Counter = Counter()
    in_n: Counter = Counter()
    names: dict[str, str] = {}
    for evs, role, tally in ((as_actor, "recipient", out_n), (as_recipient, "actor", in_n)):
        for ev in evs:
            for p in ev.get(role) or []:
                k = p.get("actor_id") or p.get("name") or p.get("text")
                if not k or k == key:
                    continue
                names.setdefault(k, p.get("name") or p.get("text") or k)
                tally[k] += 1
    ranked = [k for k, _ in (out_n + in_n).most_common(COUNTERPARTS_MAX)]
    cx, cy, radius = 200, 150, 115
    nodes = []
    top = max([out_n[k] + in_n[k] for k in ranked] or [1])
    for i, k in enumerate(ranked):
        angle = 2 * math.pi * i / max(len(ranked), 1) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        nodes.append({"key": k, "name": names[k], "x": round(x, 1), "y": round(y, 1),
                      "out": out_n[k], "in": in_n[k], "width": round(1 + 4 * (out_n[k] + in_n[k]) / top, 1),
                      "anchor": "start" if x >= cx + 1 else ("end" if x <= cx - 1 else "middle"),
                      "lx": round(x + (8 if x >= cx + 1 else -8 if x <= cx - 1 else 0), 1),
                      "ly": round(y + (14 if y > cy else -8), 1), "linked": k.count(":") == 1})
    return {"cx": cx, "cy": cy, "nodes": nodes}


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The shipped world outline (Natural Earth 1:110m, tools/build_world_map.py)."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def map_point(place: Optional[dict[str, Any]]) -> Optional[dict[str, float]]:
    """A place's lat/lon as a point on the world outline (equirectangular, 360 x 180), or None."""
    if not place:
        return None
    lat, lon = place.get("lat"), place.get("lon")
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"x": round(lon + 180, 2), "y": round(90 - lat, 2), "lat": lat, "lon": lon}
