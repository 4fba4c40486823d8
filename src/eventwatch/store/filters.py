"""The event filters: validated once, then turned into SQL on the indexed tables.

One set of names everywhere: ``Store.iter_events(**filters)``,
``Store.events(**filters)``, ``eventwatch events --<name>`` and the exports.

Date ranges: ``since``/``until`` are ISO dates at any precision (``2020``,
``2020-01``, ``2020-01-15``); ``since`` starts at the first day of its period,
``until`` ends at the last (``until="2020-01"`` is up to 2020-01-31). An
event matches when the period its own date stands for overlaps that range:
an event dated ``2020-01`` (the whole month) is kept by
``since="2020-01-15"`` and by ``until="2020-01-15"``; one dated ``2020`` by
any bound within 2020. Events without a date are dropped by either bound.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, fields
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy import select

from .. import settings
from ..errors import QueryError
from ..resolve.actors import normalise
from ..resolve.match import period
from . import schema as S

STATUSES = ("occurred", "future", "hypothetical", "negated", "historical")
SORTS = {
    "date": ("date_lo", False), "-date": ("date_lo", True),
    "sources": ("num_sources", False), "-sources": ("num_sources", True),
    "mentions": ("num_mentions", False), "-mentions": ("num_mentions", True),
    "confidence": ("confidence", False), "-confidence": ("confidence", True),
    "first_seen": ("first_seen", False), "-first_seen": ("first_seen", True),
    "last_seen": ("last_seen", False), "-last_seen": ("last_seen", True),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _codes():
    from ..codebook import NON_STATE_CODES, PLOVER_CONTEXTS, PLOVER_MODES, PLOVER_TYPES, SECTORS

    return NON_STATE_CODES, PLOVER_CONTEXTS, PLOVER_MODES, PLOVER_TYPES, SECTORS


def _country_codes() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries}


def _pick(name: str, value: Optional[str], valid, *, upper: bool = False) -> Optional[str]:
    if value is None or value == "":
        return None
    v = value.strip().upper() if upper else value.strip().lower()
    if v not in valid:
        raise QueryError(f"invalid {name} {value!r}: valid values are {', '.join(valid)}", name=name, valid=valid)
    return v


@dataclass
class EventFilters:
    """Every filter of the event queries; ``validated()`` checks and normalises the values."""

    type: Optional[str] = None
    mode: Optional[str] = None
    status: Optional[str] = None  # None or "all": every status
    actor: Optional[str] = None  # a canonical name, an alias ("Roth") or an actor id
    recipient: Optional[str] = None
    country: Optional[str] = None  # ISO alpha-3 (or IGO, NGO, ...) of an actor or a recipient
    sector: Optional[str] = None  # PLOVER sector of an actor or a recipient
    context: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    place: Optional[str] = None  # place name (any case) or the place's country code (3 capitals)
    text: Optional[str] = None  # substring of the evidence (any case)
    min_sources: Optional[int] = None
    min_confidence: Optional[float] = None
    article_id: Optional[str] = None
    sort: Optional[str] = None  # see SORTS; default: storage order
    limit: Optional[int] = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def of(cls, filters: dict[str, Any]) -> "EventFilters":
        unknown = sorted(set(filters) - set(cls.names()))
        if unknown:
            raise QueryError(f"unknown filter {unknown[0]!r}: valid filters are {', '.join(cls.names())}",
                             name=unknown[0], valid=cls.names())
        return cls(**filters).validated()

    def validated(self) -> "EventFilters":
        non_state, contexts, modes, types, sectors = _codes()
        self.type = _pick("type", self.type, types, upper=True)
        all_modes = tuple(sorted({m for ms in modes.values() for m in ms}))
        self.mode = _pick("mode", self.mode, modes.get(self.type, all_modes) if self.type else all_modes)
        if self.status is not None and self.status.strip().lower() == "all":
            self.status = None
        self.status = _pick("status", self.status, STATUSES + ("all",))
        self.sector = _pick("sector", self.sector, sectors, upper=True)
        self.context = _pick("context", self.context, contexts)
        if self.country:
            c = self.country.strip().upper()
            if c not in _country_codes() and c not in non_state:
                raise QueryError(
                    f"invalid country {self.country!r}: valid values are ISO 3166 alpha-3 codes "
                    f"(e.g. HKG, CHN, USA, GBR) and the non-state codes {', '.join(non_state)}",
                    name="country", valid=tuple(sorted(_country_codes())) + tuple(non_state))
            self.country = c
        for name in ("since", "until"):
            v = getattr(self, name)
            if v is not None:
                v = v.strip()
                if not _DATE.match(v) or period(v, None)[0] is None:
                    raise QueryError(f"invalid {name} {v!r}: valid values are ISO dates YYYY, YYYY-MM or "
                                     "YYYY-MM-DD", name=name, valid=("YYYY", "YYYY-MM", "YYYY-MM-DD"))
                setattr(self, name, v)
        if self.sort is not None and self.sort not in SORTS:
            raise QueryError(f"invalid sort {self.sort!r}: valid values are {', '.join(SORTS)}",
                             name="sort", valid=tuple(SORTS))
        for name, lo in (("min_sources", 0), ("limit", 0)):
            v = getattr(self, name)
            if v is not None and (int(v) < lo):
                raise QueryError(f"invalid {name} {v!r}: must be a whole number >= {lo}", name=name)
        if self.min_confidence is not None and not 0.0 <= float(self.min_confidence) <= 1.0:
            raise QueryError(f"invalid min_confidence {self.min_confidence!r}: must be between 0 and 1",
                             name="min_confidence")
        return self


def _facet(names: list[str], values):
    f = S.event_facets
    return S.events.c.pk.in_(select(f.c.event_pk).where(f.c.facet.in_(names), f.c.value.in_(values)))


def _actor_keys(text: str):
    ac, al = S.actors, S.actor_aliases
    norm = normalise(text)
    return select(ac.c.key).where(sa.or_(ac.c.key == text.strip(), ac.c.key == norm,
                                         ac.c.id.in_(select(al.c.actor_id).where(al.c.alias == norm))))


def actor_keys(text: str):
    """The query for the canonical actor ids a name, alias or id names."""
    return _actor_keys(text)


def where(flt: EventFilters, dialect: str, keys: Optional[dict[str, list[str]]] = None) -> list:
    """The WHERE clauses of ``flt`` on ``events``; ``keys``: the actor ids ``actor``/``recipient``
    name, when the caller looked them up already (a literal list plans better than a subquery)."""
    keys = keys or {}
    e = S.events
    out: list = []
    if flt.type:
        out.append(e.c.type == flt.type)
    if flt.mode:
        out.append(e.c.mode == flt.mode)
    if flt.status:
        out.append(e.c.status == flt.status)
    if flt.actor:
        out.append(_facet(["actor_id"], keys.get("actor", _actor_keys(flt.actor))))
    if flt.recipient:
        out.append(_facet(["recipient_id"], keys.get("recipient", _actor_keys(flt.recipient))))
    if flt.country:
        out.append(_facet(["actor_country", "recipient_country"], [flt.country]))
    if flt.sector:
        out.append(_facet(["actor_sector", "recipient_sector"], [flt.sector]))
    if flt.context:
        out.append(_facet(["context"], [flt.context]))
    # date_lo/date_hi are always ten-character YYYY-MM-DD days (resolve.match.period), which sort
    # the same under any collation: no COLLATE, so the indexes serve the range.
    if flt.since:
        lo = period(flt.since, None)[0]
        out.append(e.c.date_hi >= lo)
        # No period is longer than a leap year (or the publication window), so date_lo has a lower
        # bound too: the range on date_lo is then narrow and its index serves it.
        longest = max(366, int(settings.get("resolve_publication_window")) + 1)
        out.append(e.c.date_lo >= (_dt.date.fromisoformat(lo) - _dt.timedelta(days=longest)).isoformat())
    if flt.until:
        out.append(e.c.date_lo <= period(flt.until, None)[1])
    if flt.place:
        p = flt.place.strip()
        # A country code uses the index on place_country; a name is compared case-insensitively.
        if len(p) == 3 and p.isalpha() and p.isupper():
            out.append(e.c.place_country == p)
        else:
            out.append(sa.func.lower(e.c.place_name) == p.lower())
    if flt.text:
        out.append(sa.func.lower(e.c.evidence).contains(flt.text.lower(), autoescape=True))
    if flt.min_sources is not None:
        out.append(e.c.num_sources >= int(flt.min_sources))
    if flt.min_confidence is not None:
        out.append(e.c.confidence >= float(flt.min_confidence))
    if flt.article_id:
        a, m, em = S.articles, S.mentions, S.event_mentions
        out.append(e.c.pk.in_(select(em.c.event_pk).join(m, m.c.id == em.c.mention_id)
                              .join(a, a.c.pk == m.c.article_pk).where(a.c.id == flt.article_id)))
    return out


def order(flt: EventFilters) -> list:
    e = S.events
    if not flt.sort:
        return [e.c.pk]
    col, desc = SORTS[flt.sort]
    c = e.c[col]
    return [c.desc() if desc else c.asc(), e.c.pk]
