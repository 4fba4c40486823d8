"""Reading the resolved events: ``iter_events`` (streaming dicts), ``events`` (a DataFrame), one
event with the reasons its mentions merged, and the canonical actors.

Each event dict (the record exports and the API share):
``event_id, type, mode, status, context, date, date_precision, place, actor,
recipient, cameo, confidence, num_mentions, num_articles, num_sources,
num_dup_groups, first_seen, last_seen, coder_version, review, mentions``; ``review`` is null, or
``{verdict, corrected: {field: {from, to}}, reviewer, reviewed_at, reviews}`` when analysts confirmed,
rejected or corrected it (the fields above show the corrected values); a
participant is ``{name, text, country, sector, actor_id}``; a mention is
``{mention_id, article_id, url, title, publisher, publication_date,
trigger, evidence, evidence_start, evidence_end, attribution, dup_group,
reason}``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy import func, select

from . import schema as S
from .filters import EventFilters, actor_keys, order, where
from .values import frame

if TYPE_CHECKING:
    import pandas

EVENT_FIELDS = [
    "event_id", "type", "mode", "status", "context", "date", "date_precision", "place", "actor", "recipient",
    "cameo", "confidence", "num_mentions", "num_articles", "num_sources", "num_dup_groups", "first_seen",
    "last_seen", "coder_version", "review", "mentions",
]
ACTOR_COLUMNS = ["actor_id", "name", "kind", "country", "sector", "external_id", "aliases", "n_events",
                 "n_as_actor", "n_as_recipient"]


def _people(lst: Optional[list[dict]]) -> list[dict[str, Any]]:
    return [{"name": p.get("name"), "text": p.get("text"), "country": p.get("country"),
             "sector": p.get("sector"), "actor_id": p.get("actor_id")} for p in (lst or [])]


def _place(d: Optional[dict]) -> Optional[dict[str, Any]]:
    if not d:
        return None
    return {"name": d.get("name") or d.get("text"), "country": d.get("country"), "lat": d.get("lat"),
            "lon": d.get("lon")}


class EventQueries:
    """Mixin of ``Store``: needs ``engine``, ``dialect`` and ``_errors``."""

    def _mentions_of(self, conn, pks: list[int]) -> dict[int, list[dict[str, Any]]]:
        a, m, em, p = S.articles, S.mentions, S.event_mentions, S.publishers
        out: dict[int, list[dict[str, Any]]] = {pk: [] for pk in pks}
        if not pks:
            return out
        evidence = func.substr(a.c.text, m.c.evidence_start + 1, m.c.evidence_end - m.c.evidence_start)
        q = (select(em.c.event_pk, em.c.reason, m.c.mention_key, m.c.trigger_text, m.c.evidence_start,
                    m.c.evidence_end, m.c.attribution, evidence.label("evidence"), a.c.id.label("article_id"),
                    a.c.url, a.c.title, a.c.publication_date, a.c.dup_group, p.c.name.label("publisher"))
             .select_from(em.join(m, m.c.id == em.c.mention_id).join(a, a.c.pk == m.c.article_pk)
                          .outerjoin(p, p.c.id == a.c.publisher_id))
             .where(em.c.event_pk.in_(pks)).order_by(em.c.event_pk, a.c.pk, m.c.seq))
        for r in conn.execute(q):
            out[r.event_pk].append({
                "mention_id": r.mention_key, "article_id": r.article_id, "url": r.url, "title": r.title,
                "publisher": r.publisher, "publication_date": r.publication_date, "trigger": r.trigger_text,
                "evidence": r.evidence, "evidence_start": r.evidence_start, "evidence_end": r.evidence_end,
                "attribution": r.attribution, "dup_group": r.dup_group, "reason": r.reason,
            })
        return out

    @staticmethod
    def _event_dict(r, mentions: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "event_id": r.event_id, "type": r.type, "mode": r.mode, "status": r.status,
            "context": list(r.context or []), "date": r.date, "date_precision": r.date_precision,
            "place": _place(r.place), "actor": _people(r.actor), "recipient": _people(r.recipient),
            "cameo": r.cameo, "confidence": r.confidence, "num_mentions": r.num_mentions,
            "num_articles": r.num_articles, "num_sources": r.num_sources, "num_dup_groups": r.num_dup_groups,
            "first_seen": r.first_seen, "last_seen": r.last_seen, "coder_version": r.coder_version,
            "review": r.review, "mentions": mentions,
        }

    def iter_events(self, *, batch_size: int = 1000, **filters) -> Iterator[dict[str, Any]]:
        """The resolved events matching ``filters`` (see ``filters.EventFilters``), one dict each, streamed
        ``batch_size`` at a time: memory does not grow with the result."""
        flt = EventFilters.of(filters)
        with self._errors("read"), self.engine.connect() as conn, self.engine.connect() as side:
            stmt = select(S.events).where(*where(flt, self.dialect, self._keys(side, flt))).order_by(*order(flt))
            if flt.limit is not None:
                stmt = stmt.limit(int(flt.limit))
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
            for batch in result.partitions(batch_size):
                ments = self._mentions_of(side, [r.pk for r in batch])
                for r in batch:
                    yield self._event_dict(r, ments[r.pk])

    @staticmethod
    def _keys(conn, flt: EventFilters) -> dict[str, list[str]]:
        return {role: list(conn.execute(actor_keys(getattr(flt, role))).scalars())
                for role in ("actor", "recipient") if getattr(flt, role)}

    def events(self, **filters) -> "pandas.DataFrame":
        """One row per resolved event matching ``filters``; columns ``EVENT_FIELDS`` (participants, place
        and mentions as lists/dicts)."""
        return frame(list(self.iter_events(**filters)), EVENT_FIELDS)

    def count_events(self, **filters) -> int:
        flt = EventFilters.of({k: v for k, v in filters.items() if k not in ("sort", "limit")})
        with self._errors("read"), self.engine.connect() as conn:
            stmt = select(func.count()).select_from(S.events).where(*where(flt, self.dialect, self._keys(conn, flt)))
            return int(conn.execute(stmt).scalar_one())

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        """One event by id (as ``iter_events`` gives it, with each mention's ``reason``), or None."""
        with self._errors("read"), self.engine.connect() as conn:
            r = conn.execute(select(S.events).where(S.events.c.event_id == event_id)).first()
            if r is None:
                return None
            d = self._event_dict(r, self._mentions_of(conn, [r.pk])[r.pk])
            d["reviews"] = [{"kind": v.kind, "event_id": v.event_id, "other_event_id": v.other_event_id,
                             "mention_id": v.mention_key, "note": v.note, "payload": v.payload,
                             "reviewer": v.reviewer, "created_at": str(v.created_at)}
                            for v in conn.execute(select(S.reviews).where(sa.or_(
                                S.reviews.c.event_id == event_id, S.reviews.c.other_event_id == event_id))
                                .order_by(S.reviews.c.id))]
            return d

    def actors(self, *, search: Optional[str] = None, country: Optional[str] = None,
               limit: Optional[int] = None) -> "pandas.DataFrame":
        """Canonical actors with their aliases and how many events name them, most named first."""
        ac, al, f = S.actors, S.actor_aliases, S.event_facets
        n_act = select(func.count()).where(f.c.facet == "actor_id", f.c.value == ac.c.key).scalar_subquery()
        n_rec = select(func.count()).where(f.c.facet == "recipient_id", f.c.value == ac.c.key).scalar_subquery()
        stmt = select(ac, n_act.label("n_as_actor"), n_rec.label("n_as_recipient"))
        if search:
            needle = search.strip().lower()
            stmt = stmt.where(sa.or_(func.lower(ac.c.name).contains(needle, autoescape=True),
                                     ac.c.id.in_(select(al.c.actor_id).where(al.c.alias.contains(needle, autoescape=True)))))
        if country:
            stmt = stmt.where(ac.c.country == country.strip().upper())
        stmt = stmt.order_by((n_act + n_rec).desc(), ac.c.name)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            rows = list(conn.execute(stmt))
            aliases: dict[int, list[str]] = {}
            if rows:
                for x in conn.execute(select(al.c.actor_id, al.c.alias).where(al.c.actor_id.in_([r.id for r in rows]))
                                      .order_by(al.c.alias)):
                    aliases.setdefault(x.actor_id, []).append(x.alias)
        out = [{"actor_id": r.key, "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
                "external_id": r.external_id, "aliases": aliases.get(r.id, []),
                "n_events": int(r.n_as_actor) + int(r.n_as_recipient), "n_as_actor": int(r.n_as_actor),
                "n_as_recipient": int(r.n_as_recipient)} for r in rows]
        return frame(out, ACTOR_COLUMNS)
