"""When two mentions state the same real-world event, and what the event then says.

A mention (one coded event as one article states it) joins an event when:

- the same PLOVER ``type`` and ``status`` (a plan and its happening are two
  records), and no conflicting ``mode`` (both given and different); or two
  types the codebook relates (``codebook/resolution/related_types.yaml``: a
  ban and a refusal of entry are one act coded two ways) with a named person
  or organisation in common;
- compatible participants: for actors and for recipients, either side
  unknown (no canonical actor), or a canonical actor in common, or a country
  in common (a state and its border guards are one side: reports name the
  same actor at different levels), and at least one canonical actor in
  common over both roles (two mentions that name nobody are the same event
  only as copies of one story). When the actors (or recipients) conflict
  outright, a named person or organisation shared in the other role still
  makes them one event: sources attribute one act differently ("the Chinese
  regime" banned him, "Hong Kong immigration officials" barred him);
- compatible dates at the precision of both: the periods they stand for
  (``2020`` is the whole year, ``2020-01`` the month) overlap, widened by
  ``resolve_date_slack`` days; a date the coder took from the publication
  (precision ``publication``) stands for the ``resolve_publication_window``
  days up to it; no date is compatible with any;
- the same place, or an unknown place on either side (a country-level place
  matches any place in that country).
"""
from __future__ import annotations

import calendar
import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional
from urllib.parse import urlsplit

from .. import settings
from ..codebook import PLOVER_TYPES, builtin_path, iter_entries, line_of, load_yaml
from ..errors import CodebookError

PRECISION_RANK = {"day": 4, "month": 3, "year": 2, "publication": 1}


def period(date: Optional[str], precision: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The ISO days ``(lo, hi)`` a stated date stands for; ``(None, None)`` when unknown or unparseable."""
    if not date:
        return None, None
    parts = date.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return f"{y:04d}-01-01", f"{y:04d}-12-31"
        m = int(parts[1])
        if len(parts) == 2:
            return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
        d = _dt.date(y, m, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None, None
    if precision == "publication":
        window = int(settings.get("resolve_publication_window"))
        return (d - _dt.timedelta(days=window)).isoformat(), d.isoformat()
    return d.isoformat(), d.isoformat()


def _shift(day: str, days: int) -> str:
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


def dates_compatible(a: tuple[Optional[str], Optional[str]], b: tuple[Optional[str], Optional[str]]) -> bool:
    if a[0] is None or b[0] is None:
        return True
    slack = int(settings.get("resolve_date_slack"))
    return a[0] <= _shift(b[1], slack) and b[0] <= _shift(a[1], slack)


def places_compatible(a: Optional[dict], b: Optional[dict]) -> bool:
    if not a or not b:
        return True
    if (a.get("name") or a.get("text")) == (b.get("name") or b.get("text")):
        return True
    if "country" in (a.get("feature"), b.get("feature")):
        return bool(a.get("country")) and a.get("country") == b.get("country")
    return False


@dataclass
class Side:
    """What resolution compares: one mention, or the event it might join."""

    type: str
    status: str
    mode: Optional[str]
    actors: set[str]
    recipients: set[str]
    period: tuple[Optional[str], Optional[str]]
    place: Optional[dict]
    names: dict[str, str] = field(default_factory=dict)  # actor key -> display name, for reasons
    actor_countries: set[str] = field(default_factory=set)
    recipient_countries: set[str] = field(default_factory=set)


@lru_cache(maxsize=4)
def related_types(path: Optional[str] = None) -> dict[str, frozenset[str]]:
    """Type -> the other types one act may be coded under (``codebook/resolution/related_types.yaml``)."""
    path = path or str(builtin_path("resolution/related_types.yaml"))
    out: dict[str, set[str]] = {}
    for entry in iter_entries(load_yaml(path), "pairs", path):
        types = entry.get("types")
        if not isinstance(types, list) or len(types) != 2 or types[0] == types[1]:
            raise CodebookError("'types' must list two different PLOVER types", path=path, line=line_of(entry))
        for t in types:
            if t not in PLOVER_TYPES:
                raise CodebookError(f"unknown type {t!r} (valid: {', '.join(PLOVER_TYPES)})", path=path,
                                    line=line_of(entry))
        a, b = types
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {t: frozenset(v) for t, v in out.items()}


def candidate_types(typ: str) -> list[str]:
    """The types of the events a mention of ``typ`` may join."""
    return sorted({typ} | related_types().get(typ, frozenset()))


def named(keys: set[str]) -> bool:
    """Whether any of these canonical actors is a named person or organisation (not a group)."""
    return any(not k.startswith("group:") for k in keys)


def compare(m: Side, e: Side) -> tuple[bool, str]:
    """Whether mention ``m`` joins event ``e``, and the reason in words (either way)."""
    related = m.type != e.type and m.type in related_types().get(e.type, ())
    if (m.type != e.type and not related) or m.status != e.status:
        return False, f"different type/status ({m.type}/{m.status} vs {e.type}/{e.status})"
    if not related and m.mode and e.mode and m.mode != e.mode:
        return False, f"different mode ({m.mode} vs {e.mode})"
    shared_a = m.actors & e.actors
    shared_r = m.recipients & e.recipients
    if related and not named(shared_a | shared_r):
        return False, f"related types ({m.type} vs {e.type}) but no named person or organisation in common"
    differ = []
    for role, x, y, cx, cy, shared_other in (
            ("actor", m.actors, e.actors, m.actor_countries, e.actor_countries, named(shared_r)),
            ("recipient", m.recipients, e.recipients, m.recipient_countries, e.recipient_countries,
             named(shared_a))):
        if x and y and not (x & y) and not (cx & cy):
            if not shared_other:
                return False, f"no {role} in common, by actor or country"
            # Sources attribute one act differently ("China" / "Hong Kong officials"): a named
            # person or organisation in the other role, on compatible dates, is the stronger evidence.
            differ.append(role)
    if not (shared_a or shared_r):
        return False, "no participant in common"
    if not dates_compatible(m.period, e.period):
        return False, f"dates {m.period[0]}..{m.period[1]} and {e.period[0]}..{e.period[1]} do not overlap"
    if not places_compatible(m.place, e.place):
        return False, "different places"
    names = {**e.names, **m.names}
    said = [f"{role}s differ ({', '.join(sorted(names.get(k, k) for k in (m.actors if role == 'actor' else m.recipients)))}"
            f" vs {', '.join(sorted(names.get(k, k) for k in (e.actors if role == 'actor' else e.recipients)))}): "
            "sources attribute it differently" for role in differ]
    for role, x, y, cx, cy in (("actors", m.actors, e.actors, m.actor_countries, e.actor_countries),
                               ("recipients", m.recipients, e.recipients, m.recipient_countries,
                                e.recipient_countries)):
        if x and y and not (x & y):
            said.append(f"{role} of one country ({', '.join(sorted(cx & cy))})")
    if shared_a:
        said.insert(0, "actor " + ", ".join(sorted(names.get(k, k) for k in shared_a)) + " in common")
    if shared_r:
        said.insert(0, "recipient " + ", ".join(sorted(names.get(k, k) for k in shared_r)) + " in common")
    when = "no date on one side" if m.period[0] is None or e.period[0] is None else \
        f"dates overlap ({m.period[0]}..{m.period[1]} within {e.period[0]}..{e.period[1]})"
    where = "same place" if (m.place and e.place) else "place unknown on one side"
    kind = (f"related types {m.type} and {e.type} (one act coded two ways), {m.status}" if related
            else f"same {m.type}/{m.status}")
    return True, f"{kind}; {'; '.join(said)}; {when}; {where}"


def copy_reason(dup_group: str) -> str:
    return f"same sentence of a copy of this story (near-duplicate group {dup_group})"


def source_of(url: Optional[str], publisher: Optional[str]) -> str:
    """The publisher a mention counts for: the feed's or page's publisher, else the URL host."""
    if publisher:
        return publisher.strip().lower()
    host = urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else (host or "unknown")


@dataclass
class Aggregate:
    num_mentions: int
    num_articles: int
    num_sources: int
    num_dup_groups: int
    first_seen: Optional[str]
    last_seen: Optional[str]


def aggregate(mentions: list[dict[str, Any]]) -> Aggregate:
    """Counts of an event's mentions (dicts with ``article_id``, ``dup_group``, ``url``, ``publisher``,
    ``seen``).

    Copies never inflate ``num_sources``: all the articles of one
    near-duplicate group count as one source, however many publishers ran
    them; independent articles count once per distinct publisher.
    """
    groups: dict[str, set[str]] = {}
    for m in mentions:
        groups.setdefault(m.get("dup_group") or m["article_id"], set()).add(m["article_id"])
    sources = set()
    for m in mentions:
        g = m.get("dup_group") or m["article_id"]
        sources.add(f"copies:{g}" if len(groups[g]) > 1 else source_of(m.get("url"), m.get("publisher")))
    seen = sorted(s for s in (m.get("seen") for m in mentions) if s)
    return Aggregate(
        num_mentions=len(mentions),
        num_articles=len({m["article_id"] for m in mentions}),
        num_sources=len(sources),
        num_dup_groups=len(groups),
        first_seen=seen[0] if seen else None,
        last_seen=seen[-1] if seen else None,
    )


def most_common(values) -> Any:
    vals = [v for v in values if v not in (None, "", [])]
    return Counter(vals).most_common(1)[0][0] if vals else None


def best_date(pairs: list[tuple[Optional[str], Optional[str]]]) -> tuple[Optional[str], Optional[str]]:
    """The event's date: the most precise any mention states, the most often stated among those."""
    known = [(d, p) for d, p in pairs if d]
    if not known:
        return None, None
    top = max(PRECISION_RANK.get(p or "", 0) for _, p in known)
    return most_common([(d, p) for d, p in known if PRECISION_RANK.get(p or "", 0) == top])
