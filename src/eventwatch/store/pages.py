"""Pages of rows for the API: keyset pagination in a stable order, so walking the pages gives every
row exactly once, whatever is added meanwhile (an offset would shift when rows arrive).

Each ``*_page`` returns ``(items, after)``: ``after`` is the key of the last row (a small list of
JSON scalars, which ``eventwatch.serve`` turns into an opaque cursor), None on the last page.
Events are ordered by their ``sort`` (nulls as the lowest value) then by their row key in the same
direction; articles,
mentions and quotes by their row key.
"""
from __future__ import annotations

from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy import func, select

from ..errors import QueryError
from . import schema as S
from .filters import SORTS, EventFilters, where
from .values import iso

def _bad_cursor() -> QueryError:
    return QueryError("invalid cursor: pass the next_cursor of the previous page unchanged", name="cursor")


def _contains(needle: str, *cols):
    """Any of ``cols`` contains ``needle``, in any case (on SQLite only ASCII letters fold)."""
    return sa.or_(*(func.lower(c).contains(needle.lower(), autoescape=True) for c in cols))


def _int_after(after: Optional[list]) -> Optional[int]:
    if after is None:
        return None
    if len(after) != 1 or not isinstance(after[0], int):
        raise _bad_cursor()
    return after[0]


class Pages:
    """Mixin of ``Store``: needs ``engine``, ``dialect``, ``_errors`` and the ``EventQueries`` helpers."""

    def events_page(self, *, after: Optional[list] = None, size: int = 50,
                    **filters) -> tuple[list[dict[str, Any]], Optional[list]]:
        """One page of the events ``filters`` select (as ``iter_events`` gives them)."""
        flt = EventFilters.of({k: v for k, v in filters.items() if k != "limit"})
        e = S.events
        col, desc = SORTS[flt.sort] if flt.sort else (None, False)
        with self._errors("read"), self.engine.connect() as conn:
            base = select(e).where(*where(flt, self.dialect, self._keys(conn, flt)))
            if col is None:
                start = _int_after(after)
                stmt = base if start is None else base.where(e.c.pk > start)
                rows = list(conn.execute(stmt.order_by(e.c.pk).limit(size + 1)))
            else:
                rows = self._sorted_rows(conn, base, e.c[col], desc, after, size + 1)
            more = len(rows) > size
            rows = rows[:size]
            ments = self._mentions_of(conn, [r.pk for r in rows])
            items = [self._event_dict(r, ments[r.pk]) for r in rows]
        if not more or not rows:
            return items, None
        last = rows[-1]
        return items, [last.pk] if col is None else [getattr(last, col), last.pk]

    @staticmethod
    def _sorted_rows(conn, base, c, desc: bool, after: Optional[list], n: int) -> list:
        """``n`` rows of ``base`` after the cursor ``[value, pk]`` in the order of column ``c``.

        NULLs sort lowest. Rows with a value and rows without are read as two ranges, each in its own
        index order ((c, pk) both ascending or both descending), so the index on ``c`` serves the page
        on SQLite and PostgreSQL alike, whatever their own NULL placement.
        """
        e = S.events
        pk_order = e.c.pk.desc() if desc else e.c.pk.asc()
        if after is not None and (len(after) != 2 or not isinstance(after[1], int)):
            raise _bad_cursor()
        value, pk = after if after is not None else (None, None)
        phases = ["values", "nulls"] if desc else ["nulls", "values"]
        if after is not None:
            phases = phases[phases.index("nulls" if value is None else "values"):]
        rows: list = []
        for i, phase in enumerate(phases):
            resume = after is not None and i == 0
            if phase == "nulls":
                stmt = base.where(c.is_(None))
                if resume:
                    stmt = stmt.where(e.c.pk < pk if desc else e.c.pk > pk)
                stmt = stmt.order_by(pk_order)
            else:
                stmt = base.where(c.is_not(None))
                if resume:
                    beyond, tie = (c < value, e.c.pk < pk) if desc else (c > value, e.c.pk > pk)
                    stmt = stmt.where(sa.or_(beyond, sa.and_(c == value, tie)))
                stmt = stmt.order_by(c.desc() if desc else c.asc(), pk_order)
            rows += list(conn.execute(stmt.limit(n - len(rows))))
            if len(rows) >= n:
                break
        return rows

    def articles_page(self, *, after: Optional[list] = None, size: int = 50, search: Optional[str] = None,
                      language: Optional[str] = None, dup_group: Optional[str] = None
                      ) -> tuple[list[dict[str, Any]], Optional[list]]:
        """One page of stored articles, in storage order."""
        a, m, q, p = S.articles, S.mentions, S.quotes, S.publishers
        n_events = select(func.count()).where(m.c.article_pk == a.c.pk).scalar_subquery()
        n_quotes = select(func.count()).where(q.c.article_pk == a.c.pk).scalar_subquery()
        stmt = (select(a.c.pk, a.c.id, a.c.title, a.c.publication_date, p.c.name.label("publisher"), a.c.url,
                       a.c.language, a.c.dup_group, a.c.content_hash, a.c.coder_version,
                       n_events.label("n_mentions"), n_quotes.label("n_quotes"), a.c.ingested_at)
                .select_from(a.outerjoin(p, p.c.id == a.c.publisher_id)))
        if search:
            stmt = stmt.where(_contains(search, a.c.title, a.c.text))
        if language:
            stmt = stmt.where(a.c.language == language)
        if dup_group:
            stmt = stmt.where(a.c.dup_group == dup_group)
        return self._page(stmt, a.c.pk, after, size, self._article_item)

    @staticmethod
    def _article_item(r) -> dict[str, Any]:
        d = dict(r._mapping)
        d.pop("pk")
        d.pop("page_key", None)
        d["ingested_at"] = iso(d["ingested_at"])
        return d

    def mentions_page(self, *, after: Optional[list] = None, size: int = 50, type: Optional[str] = None,
                      country: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                      article_id: Optional[str] = None, event_id: Optional[str] = None,
                      min_confidence: Optional[float] = None) -> tuple[list[dict[str, Any]], Optional[list]]:
        """One page of mentions (one coded event as one article states it), with its event's id; the
        filters of ``Store.mentions``, validated as the event filters are."""
        EventFilters.of({k: v for k, v in (("type", type), ("country", country), ("since", since),
                                           ("until", until)) if v is not None})
        a, m, em, e = S.articles, S.mentions, S.event_mentions, S.events
        evidence = func.substr(a.c.text, m.c.evidence_start + 1, m.c.evidence_end - m.c.evidence_start)
        stmt = (select(m, a.c.id.label("article_id"), e.c.event_id, em.c.reason, evidence.label("evidence_text"))
                .select_from(m.join(a, a.c.pk == m.c.article_pk).outerjoin(em, em.c.mention_id == m.c.id)
                             .outerjoin(e, e.c.pk == em.c.event_pk)))
        stmt = stmt.where(*self.mention_conditions(type=type and type.strip(), country=country and country.strip(),
                                                   since=since, until=until, article_id=article_id,
                                                   min_confidence=min_confidence))
        if event_id:
            stmt = stmt.where(e.c.event_id == event_id)
        return self._page(stmt, m.c.id, after, size, self._mention_item)

    @staticmethod
    def _mention_item(r) -> dict[str, Any]:
        return {"mention_id": r.mention_key, "article_id": r.article_id, "event_id": r.event_id,
                "type": r.type, "mode": r.mode, "status": r.status, "context": list(r.context or []),
                "actor": list(r.actor or []), "recipient": list(r.recipient or []), "date": r.date,
                "date_precision": r.date_precision, "location": r.location, "attribution": r.attribution,
                "trigger": {"text": r.trigger_text, "start": r.trigger_start, "end": r.trigger_end},
                "evidence": {"start": r.evidence_start, "end": r.evidence_end, "text": r.evidence_text},
                "cameo": r.cameo, "confidence": r.confidence, "coder": r.coder, "coder_version": r.coder_version,
                "reason": r.reason}

    def quotes_page(self, *, after: Optional[list] = None, size: int = 50, speaker: Optional[str] = None,
                    article_id: Optional[str] = None) -> tuple[list[dict[str, Any]], Optional[list]]:
        """One page of quotes, each as in the contract record, with its article id."""
        a, q = S.articles, S.quotes
        stmt = select(q, a.c.id.label("article_id")).select_from(q.join(a, a.c.pk == q.c.article_pk))
        if speaker:
            stmt = stmt.where(_contains(speaker, q.c.speaker_name, q.c.speaker_text))
        if article_id:
            stmt = stmt.where(a.c.id == article_id)
        return self._page(stmt, q.c.id, after, size, self._quote_item)

    @staticmethod
    def _quote_item(r) -> dict[str, Any]:
        speaker = None if r.speaker_text is None else {
            "text": r.speaker_text, "name": r.speaker_name, "start": r.speaker_start, "end": r.speaker_end,
            "country": r.speaker_country, "sector": r.speaker_sector}
        return {"article_id": r.article_id, "text": r.text, "start": r.start, "end": r.end, "kind": r.kind,
                "cue": r.cue, "speaker": speaker, "attribution": r.attribution,
                "segments": [{"start": int(s), "end": int(t)} for s, t in (r.segments or [])]}

    def places_page(self, *, after: Optional[list] = None, size: int = 50, country: Optional[str] = None
                    ) -> tuple[list[dict[str, Any]], Optional[list]]:
        """The places events happened at, with how many events each, by name then country."""
        e = S.events
        name, ctry = func.coalesce(e.c.place_name, ""), func.coalesce(e.c.place_country, "")
        stmt = (select(name.label("name"), ctry.label("country"), func.count().label("n_events"))
                .where(e.c.place_name.is_not(None)).group_by(name, ctry))
        if country:
            stmt = stmt.where(e.c.place_country == country.strip().upper())
        if after is not None:
            if len(after) != 2 or not all(isinstance(x, str) for x in after):
                raise _bad_cursor()
            stmt = stmt.where(sa.or_(name > after[0], sa.and_(name == after[0], ctry > after[1])))
        with self._errors("read"), self.engine.connect() as conn:
            rows = list(conn.execute(stmt.order_by(name, ctry).limit(size + 1)))
        more = len(rows) > size
        items = [{"name": r.name, "country": r.country or None, "n_events": int(r.n_events)} for r in rows[:size]]
        return items, ([rows[size - 1].name, rows[size - 1].country] if more and size else None)

    def _page(self, stmt, key, after: Optional[list], size: int, item) -> tuple[list[dict[str, Any]], Optional[list]]:
        start = _int_after(after)
        if start is not None:
            stmt = stmt.where(key > start)
        with self._errors("read"), self.engine.connect() as conn:
            rows = list(conn.execute(stmt.add_columns(key.label("page_key")).order_by(key).limit(size + 1)))
        more = len(rows) > size
        rows = rows[:size]
        return [item(r) for r in rows], ([int(rows[-1].page_key)] if more and rows else None)

    def actor_record(self, key: str) -> Optional[dict[str, Any]]:
        """One canonical actor by id (``kenneth roth``, ``group:HKG/COP``) with its aliases, or None."""
        ac, al = S.actors, S.actor_aliases
        with self._errors("read"), self.engine.connect() as conn:
            r = conn.execute(select(ac).where(ac.c.key == key)).first()
            if r is None:
                return None
            aliases = list(conn.execute(select(al.c.alias).where(al.c.actor_id == r.id).order_by(al.c.alias))
                           .scalars())
        return {"actor_id": r.key, "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
                "external_id": r.external_id, "aliases": aliases}
