"""Queries: articles, mentions (one coded event as one article states it), quotes, skips, stats."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa
from sqlalchemy import func, select

from . import schema as S
from .values import entity_from, frame, iso, joined

if TYPE_CHECKING:
    import pandas


ARTICLE_COLUMNS = [
    "id", "title", "publication_date", "publisher", "url", "source", "language", "dup_group",
    "content_hash", "n_events", "n_quotes", "ingested_at",
]
SKIP_COLUMNS = ["source", "doc_id", "stage", "reason", "seen_at"]
MENTION_COLUMNS = [
    "article_id", "title", "publication_date", "type", "mode", "status", "context",
    "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
    "date", "date_precision", "location", "location_country", "lat", "lon", "attribution",
    "trigger", "evidence", "evidence_start", "evidence_end", "cameo", "confidence", "coder",
]
QUOTE_COLUMNS = [
    "article_id", "title", "text", "kind", "cue", "speaker", "speaker_name", "attribution", "start", "end",
    "segments",
]


class Queries:
    """Mixin of ``Store``: needs ``engine``, ``dialect``, ``display_url``, ``revision`` and ``_errors``."""

    def _count(self, conn, table: sa.Table) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    @staticmethod
    def _run_dict(row) -> dict[str, Any]:
        return {
            "id": row.id,
            "command": row.command,
            "sources": row.sources or [],
            "started_at": iso(row.started_at),
            "finished_at": iso(row.finished_at),
            "counts": row.counts,
        }

    def stats(self) -> dict:
        """Counts of everything stored, for ``eventwatch db stats``."""
        revision = self.revision()
        a = S.articles
        with self._errors("read"), self.engine.connect() as conn:
            groups = select(a.c.dup_group).group_by(a.c.dup_group).having(func.count() >= 2).subquery()
            languages = {
                (lang or "unknown"): int(n)
                for lang, n in conn.execute(select(a.c.language, func.count()).group_by(a.c.language)
                                            .order_by(func.count().desc(), a.c.language))
            }
            m = S.mentions
            types = {
                t: int(n)
                for t, n in conn.execute(select(m.c.type, func.count()).group_by(m.c.type)
                                         .order_by(func.count().desc(), m.c.type))
            }
            last = conn.execute(select(S.runs).order_by(S.runs.c.id.desc()).limit(1)).first()
            return {
                "db": self.display_url(),
                "revision": revision or "",
                "articles": self._count(conn, a),
                "skipped": self._count(conn, S.skips),
                "events": self._count(conn, m),  # mentions, as before resolution existed
                "mentions": self._count(conn, m),
                "resolved_events": self._count(conn, S.events),
                "actors": self._count(conn, S.actors),
                "reviews": self._count(conn, S.reviews),
                "quotes": self._count(conn, S.quotes),
                "dates": self._count(conn, S.dates),
                "places": self._count(conn, S.places),
                "entities": self._count(conn, S.entities),
                "publishers": self._count(conn, S.publishers),
                "dup_groups": int(conn.execute(select(func.count()).select_from(groups)).scalar_one()),
                "languages": languages,
                "event_types": types,
                "runs": self._count(conn, S.runs),
                "last_run": self._run_dict(last) if last is not None else None,
            }

    def runs(self, *, limit: Optional[int] = None) -> list[dict[str, Any]]:
        """Recorded runs, newest first."""
        q = select(S.runs).order_by(S.runs.c.id.desc())
        if limit is not None:
            q = q.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            return [self._run_dict(r) for r in conn.execute(q)]

    @staticmethod
    def _contains(col, needle: str):
        return func.lower(col).contains(needle.lower(), autoescape=True)

    def articles(self, *, search: Optional[str] = None, language: Optional[str] = None,
                 dup_group: Optional[str] = None, limit: Optional[int] = None) -> "pandas.DataFrame":
        """Stored articles, one row each, in storage order.

        ``search``: case-insensitive substring of the title or the text (on
        SQLite only ASCII letters fold case).
        """
        a, m, q = S.articles, S.mentions, S.quotes
        n_events = select(func.count()).where(m.c.article_pk == a.c.pk).scalar_subquery()
        n_quotes = select(func.count()).where(q.c.article_pk == a.c.pk).scalar_subquery()
        stmt = (
            select(a.c.id, a.c.title, a.c.publication_date, S.publishers.c.name.label("publisher"), a.c.url,
                   a.c.source, a.c.language, a.c.dup_group, a.c.content_hash, n_events.label("n_events"),
                   n_quotes.label("n_quotes"), a.c.ingested_at)
            .select_from(a.outerjoin(S.publishers, S.publishers.c.id == a.c.publisher_id))
            .order_by(a.c.pk)
        )
        if search:
            stmt = stmt.where(sa.or_(self._contains(a.c.title, search), self._contains(a.c.text, search)))
        if language:
            stmt = stmt.where(a.c.language == language)
        if dup_group:
            stmt = stmt.where(a.c.dup_group == dup_group)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
        for r in rows:
            r["ingested_at"] = iso(r["ingested_at"])
        return frame(rows, ARTICLE_COLUMNS)

    REPROCESS_WHERE = ("article", "publisher", "language", "dup_group", "since", "until", "coder_version",
                       "undated")

    def reprocess_candidates(self, *, where: Optional[dict[str, str]] = None, version: Optional[str] = None,
                             after: int = 0, limit: int = 100) -> list[tuple[int, str]]:
        """``(pk, public id)`` of the next articles to re-process, in storage order after ``after``.

        ``version``: only articles coded by another coder version (or none);
        None: every article. ``where`` narrows them: ``article`` (public id),
        ``publisher``, ``language``, ``dup_group``, ``since``/``until``
        (publication date, inclusive prefixes), ``coder_version``,
        ``undated`` (any value: no publication date).
        """
        from ..errors import QueryError

        a = S.articles
        stmt = select(a.c.pk, a.c.id).where(a.c.pk > after).order_by(a.c.pk).limit(limit)
        if version is not None:
            stmt = stmt.where(sa.or_(a.c.coder_version.is_(None), a.c.coder_version != version))
        for key, value in (where or {}).items():
            if key == "article":
                stmt = stmt.where(a.c.id == value)
            elif key == "publisher":
                stmt = stmt.where(a.c.publisher_id.in_(select(S.publishers.c.id).where(S.publishers.c.name == value)))
            elif key in ("language", "dup_group", "coder_version"):
                stmt = stmt.where(a.c[key] == value)
            elif key == "since":
                stmt = stmt.where(a.c.publication_date >= value)
            elif key == "until":
                stmt = stmt.where(sa.or_(a.c.publication_date <= value, a.c.publication_date.startswith(value)))
            elif key == "undated":
                stmt = stmt.where(a.c.publication_date.is_(None))
            else:
                raise QueryError(f"invalid --where field {key!r}: valid fields are {', '.join(self.REPROCESS_WHERE)}",
                                 name="where", valid=self.REPROCESS_WHERE)
        with self._errors("read"), self.engine.connect() as conn:
            return [(r.pk, r.id) for r in conn.execute(stmt)]

    def skips(self, *, limit: Optional[int] = None) -> "pandas.DataFrame":
        """Documents that could not be processed (latest attempt per source), newest first."""
        s = S.skips
        stmt = select(s.c.source, s.c.doc_id, s.c.stage, s.c.reason, s.c.seen_at).order_by(
            s.c.seen_at.desc(), s.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
        for r in rows:
            r["seen_at"] = iso(r["seen_at"])
        return frame(rows, SKIP_COLUMNS)

    def _date_col(self, col):
        # ISO dates compare as strings only under a byte-wise collation.
        return col.collate("C") if self.dialect == "postgresql" else col

    def mention_conditions(self, *, type: Optional[str] = None, country: Optional[str] = None,
                           since: Optional[str] = None, until: Optional[str] = None, article_id: Optional[str] = None,
                           min_confidence: Optional[float] = None) -> list:
        """The WHERE clauses of the mention filters (see ``mentions``) on ``mentions`` joined to ``articles``."""
        a, m = S.articles, S.mentions
        out: list = []
        if type:
            out.append(m.c.type == type.upper())
        if country:
            key = f"|{country.upper()}|"
            out.append(sa.or_(m.c.actor_countries.contains(key, autoescape=True),
                              m.c.recipient_countries.contains(key, autoescape=True)))
        date = self._date_col(m.c.date)
        if since:
            since_lit = self._date_col(sa.literal(since, sa.String()))
            out.append(sa.or_(date >= since_lit,
                              func.substr(sa.literal(since, sa.String()), 1, func.length(m.c.date)) == m.c.date))
        if until:
            out.append(sa.or_(date <= self._date_col(sa.literal(until, sa.String())),
                              m.c.date.startswith(until, autoescape=True)))
        if article_id:
            out.append(a.c.id == article_id)
        if min_confidence is not None:
            out.append(m.c.confidence >= float(min_confidence))
        return out

    def mentions(self, *, type: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, article_id: Optional[str] = None,
               min_confidence: Optional[float] = None, limit: Optional[int] = None) -> "pandas.DataFrame":
        """One row per coded event mention, in storage order (article, then position in it).

        ``type``: PLOVER type (any case). ``country``: the actor's or the
        recipient's country code. ``since``/``until``: ISO dates or prefixes
        (``2020``, ``2020-01``), inclusive; an event dated less precisely than
        the bound is kept when its period overlaps it (``2020-01`` is within
        ``until="2020-01-15"`` and ``since="2020-01-15"``). Events without a
        date are dropped by either bound. ``min_confidence``: only events whose
        coder confidence is at least this. Multiple actors (recipients) are
        joined with ``"; "``, as are their distinct countries and sectors;
        ``actor`` shows each entity's canonical name, else its text.
        """
        a, m = S.articles, S.mentions
        evidence = func.substr(a.c.text, m.c.evidence_start + 1, m.c.evidence_end - m.c.evidence_start)
        stmt = (
            select(a.c.id.label("article_id"), a.c.title, a.c.publication_date, m.c.type, m.c.mode, m.c.status,
                   m.c.context, m.c.actor, m.c.recipient, m.c.date, m.c.date_precision, m.c.location,
                   m.c.attribution, m.c.trigger_text, evidence.label("evidence"), m.c.evidence_start,
                   m.c.evidence_end, m.c.cameo, m.c.confidence, m.c.coder)
            .select_from(m.join(a, a.c.pk == m.c.article_pk))
            .order_by(a.c.pk, m.c.seq)
        )
        stmt = stmt.where(*self.mention_conditions(type=type, country=country, since=since, until=until,
                                                   article_id=article_id, min_confidence=min_confidence))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            raw = list(conn.execute(stmt))
        rows = []
        for r in raw:
            actors = [entity_from(d) for d in (r.actor or [])]
            recips = [entity_from(d) for d in (r.recipient or [])]
            loc = r.location or None
            rows.append({
                "article_id": r.article_id,
                "title": r.title,
                "publication_date": r.publication_date,
                "type": r.type,
                "mode": r.mode,
                "status": r.status,
                "context": ",".join(r.context or []) or None,
                "actor": joined(e.name or e.text for e in actors),
                "actor_country": joined(e.country for e in actors),
                "actor_sector": joined(e.sector for e in actors),
                "recipient": joined(e.name or e.text for e in recips),
                "recipient_country": joined(e.country for e in recips),
                "recipient_sector": joined(e.sector for e in recips),
                "date": r.date,
                "date_precision": r.date_precision,
                "location": (loc.get("name") or loc.get("text")) if loc else None,
                "location_country": loc.get("country") if loc else None,
                "lat": loc.get("lat") if loc else None,
                "lon": loc.get("lon") if loc else None,
                "attribution": r.attribution,
                "trigger": r.trigger_text,
                "evidence": r.evidence,
                "evidence_start": r.evidence_start,
                "evidence_end": r.evidence_end,
                "cameo": r.cameo,
                "confidence": r.confidence,
                "coder": r.coder,
            })
        return frame(rows, MENTION_COLUMNS)

    def quotes(self, *, speaker: Optional[str] = None, article_id: Optional[str] = None,
               limit: Optional[int] = None) -> "pandas.DataFrame":
        """One row per quote, in storage order, with ``segments`` (the pieces of an interrupted
        quote). ``speaker``: case-insensitive substring of the speaker's canonical name or text."""
        a, q = S.articles, S.quotes
        stmt = (
            select(a.c.id.label("article_id"), a.c.title, q.c.text, q.c.kind, q.c.cue,
                   q.c.speaker_text.label("speaker"), q.c.speaker_name, q.c.attribution, q.c.start, q.c.end,
                   q.c.segments)
            .select_from(q.join(a, a.c.pk == q.c.article_pk))
            .order_by(a.c.pk, q.c.seq)
        )
        if speaker:
            stmt = stmt.where(sa.or_(self._contains(q.c.speaker_name, speaker),
                                     self._contains(q.c.speaker_text, speaker)))
        if article_id:
            stmt = stmt.where(a.c.id == article_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
        for r in rows:  # as in the contract record: [{start, end}, ...]; one piece: []
            r["segments"] = [{"start": int(a), "end": int(b)} for a, b in (r["segments"] or [])]
        return frame(rows, QUOTE_COLUMNS)
