"""Writes: one document's extraction in one transaction, skips and runs.

See ``store.py`` for the article-id and near-duplicate rules these implement.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy import select

from .. import settings
from ..errors import StoreError
from ..models import Event, Extraction, Skip
from . import schema as S
from .engine import begin_write
from ..resolve.version import coder_version
from .resolution import mention_key
from .values import countries_key, entity_json, now


def copy_key(chash: str, url: Optional[str]) -> str:
    """Unique per article: the content hash, with the URL's when there is one (a syndicated copy)."""
    if not url:
        return chash
    return f"{chash}:{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"


@dataclass
class AddResult:
    status: str  # "added" | "unchanged"
    article_id: str
    dup_group: Optional[str]


class Writes:
    """Mixin of ``Store``: needs ``engine``, ``dialect`` and ``_errors``."""

    def _find_hash(self, conn, chash: str, url: Optional[str] = None):
        """The stored article with this content: any, for a document without a URL; else the one
        at the same URL or at none. The same text at another URL is a copy: another article."""
        a = S.articles
        q = select(a.c.id, a.c.dup_group, a.c.url, a.c.pk, a.c.publication_date).where(a.c.content_hash == chash)
        if url:
            q = q.where(sa.or_(a.c.url == url, a.c.url.is_(None)))
        return conn.execute(q.order_by(a.c.pk).limit(1)).first()

    def has_article(self, content_hash: str, *, url: Optional[str] = None) -> bool:
        with self._errors("read"), self.engine.connect() as conn:
            return self._find_hash(conn, content_hash, url) is not None

    def fill_publication_date(self, content_hash: str, date: str, *, url: Optional[str] = None) -> Optional[str]:
        """Give the stored article with this content the publication date it lacks; its public id when
        it did lack one (re-process it then: relative dates depend on it), else None."""
        with self._errors("update"), begin_write(self.engine) as conn:
            found = self._find_hash(conn, content_hash, url)
            if found is None or found.publication_date:
                return None
            conn.execute(S.articles.update().where(S.articles.c.pk == found.pk).values(publication_date=date))
            return found.id

    def add(self, result: Extraction, *, run_id: Optional[int] = None) -> AddResult:
        """Store one document's extraction, all or nothing; ``unchanged`` if its content is stored."""
        art = result.article
        chash = art.content_hash
        if not chash:
            from ..text.dedup import content_hash

            chash = content_hash(art.text)
        with self._errors(f"store {art.id!r} in"):
            with self.engine.connect() as conn:
                found = self._find_hash(conn, chash, art.url)
            if found is not None:
                return self._unchanged(found, art.source, art.id)
            attempts = 3
            for attempt in range(attempts):
                try:
                    with begin_write(self.engine) as conn:
                        found = self._find_hash(conn, chash, art.url)
                        if found is None:
                            return self._insert(conn, result, chash, run_id)
                    return self._unchanged(found, art.source, art.id)
                except sa_exc.IntegrityError:
                    # Another writer stored this content first (-> unchanged), or took
                    # the public id this one chose (-> choose again).
                    with self.engine.connect() as conn:
                        found = self._find_hash(conn, chash, art.url)
                    if found is not None:
                        return self._unchanged(found, art.source, art.id)
                    if attempt == attempts - 1:
                        raise
        raise AssertionError("unreachable")

    def _unchanged(self, found, source: str, doc_id: Optional[str] = None) -> AddResult:
        """The content is stored already; the source succeeded, so it is no longer a skip."""
        if source:
            with self.engine.connect() as conn:
                skipped = conn.execute(select(S.skips.c.id).where(self._own_skip(source, doc_id))).first() is not None
            if skipped:
                with begin_write(self.engine) as conn:
                    conn.execute(sa.delete(S.skips).where(self._own_skip(source, doc_id)))
        return AddResult("unchanged", found.id, found.dup_group)

    @staticmethod
    def _own_skip(source: str, doc_id: Optional[str]):
        """The recorded skip of this very document: same source, and no other document of it (a WARC
        file's cut record is not cleared by the success of the record before it)."""
        s = S.skips
        return sa.and_(s.c.source == source, sa.or_(s.c.doc_id.is_(None), s.c.doc_id == doc_id, s.c.doc_id == source))

    def _public_id(self, conn, doc_id: str, chash: str) -> str:
        base = doc_id or f"sha256:{chash[:16]}"
        for cand in (base, f"{base}~{chash[:8]}", f"{base}~{chash}"):
            if conn.execute(select(S.articles.c.pk).where(S.articles.c.id == cand)).first() is None:
                return cand
        raise StoreError(f"no free public id for document {doc_id!r}")

    def _upsert(self, table: sa.Table):
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        elif self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise StoreError(f"unsupported database {self.dialect}")
        return insert(table)

    def _publisher_id(self, conn, name: Optional[str]) -> Optional[int]:
        name = (name or "").strip()
        if not name:
            return None
        conn.execute(self._upsert(S.publishers).values(name=name).on_conflict_do_nothing(index_elements=["name"]))
        return conn.execute(select(S.publishers.c.id).where(S.publishers.c.name == name)).scalar_one()

    def _dup_group(self, conn, sig: Optional[list[int]], keys: list[str]) -> Optional[str]:
        if not sig or not keys:
            return None
        from ..text.dedup import similarity

        threshold = float(settings.get("minhash_threshold"))
        a = S.articles
        cand = select(S.lsh_bands.c.article_pk).where(S.lsh_bands.c.key.in_(keys))
        best = None  # (similarity, -pk, group)
        for row in conn.execute(select(a.c.pk, a.c.minhash, a.c.dup_group).where(a.c.pk.in_(cand))):
            other = row.minhash
            if not other or len(other) != len(sig):
                continue
            sim = similarity(sig, other)
            if sim >= threshold and (best is None or (sim, -row.pk) > best[:2]):
                best = (sim, -row.pk, row.dup_group)
        return best[2] if best else None

    def _insert(self, conn, result: Extraction, chash: str, run_id: Optional[int]) -> AddResult:
        art = result.article
        public_id = self._public_id(conn, art.id, chash)
        publisher_id = self._publisher_id(conn, art.publisher)
        sig = [int(v) for v in art.minhash] if art.minhash else None
        keys: list[str] = []
        if sig:
            from ..text.dedup import lsh_keys

            keys = list(dict.fromkeys(lsh_keys(sig)))
        dup_group = self._dup_group(conn, sig, keys) or public_id
        res = conn.execute(
            S.articles.insert().values(
                doc_id=art.id,
                id=public_id,
                content_hash=chash,
                copy_key=copy_key(chash, art.url),
                url=art.url,
                title=art.title,
                author=art.author,
                publisher_id=publisher_id,
                publication_date=art.publication_date,
                language=art.language,
                text=art.text,
                boilerplate=[[int(s), int(e)] for s, e in art.boilerplate],
                warnings=list(result.warnings),
                contexts=list(result.contexts),
                minhash=sig,
                dup_group=dup_group,
                source=art.source,
                ingested_at=now(),
                run_id=run_id,
                coder_version=coder_version() if art.language in (None, "en") else None,
            )
        )
        pk = res.inserted_primary_key[0]
        self._insert_children(conn, pk, result, keys, public_id)
        self._resolve_article(conn, pk)
        if art.source:
            conn.execute(sa.delete(S.skips).where(self._own_skip(art.source, art.id)))
        return AddResult("added", public_id, dup_group)

    def recode(self, article_id: str, result: Extraction) -> int:
        """Replace a stored article's annotation and events by ``result`` (a re-run of annotate and code
        on its text), in one transaction; returns how many events were touched.

        The events it was in lose its old mentions (and go when left with
        none) before its new mentions resolve, so an event the article alone
        reported keeps its id; analysts' merges and splits are replayed.
        """
        a, m, em = S.articles, S.mentions, S.event_mentions
        with self._errors(f"re-process {article_id!r} in"), begin_write(self.engine) as conn:
            row = conn.execute(select(a.c.pk).where(a.c.id == article_id)).first()
            if row is None:
                raise StoreError(f"no article with id {article_id!r}")
            pk = row.pk
            old = {r.event_pk for r in conn.execute(
                select(em.c.event_pk).join(m, m.c.id == em.c.mention_id).where(m.c.article_pk == pk))}
            for table in (S.mentions, S.quotes, S.dates, S.places, S.entities):
                conn.execute(table.delete().where(table.c.article_pk == pk))
            self._refresh(conn, old)
            conn.execute(a.update().where(a.c.pk == pk).values(
                warnings=list(result.warnings), contexts=list(result.contexts), coder_version=coder_version()))
            self._insert_children(conn, pk, result, [], article_id)
            touched = self._resolve_article(conn, pk)
            return len(old | touched)

    def _insert_children(self, conn, pk: int, result: Extraction, keys: list[str], public_id: str) -> None:
        if keys:
            conn.execute(S.lsh_bands.insert(), [{"key": k, "article_pk": pk} for k in keys])
        if result.entities:
            conn.execute(S.entities.insert(), [
                {"article_pk": pk, "seq": i, "text": e.text, "start": e.start, "end": e.end, "label": e.label,
                 "name": e.name, "country": e.country, "sector": e.sector, "kind": e.kind}
                for i, e in enumerate(result.entities)
            ])
        if result.places:
            conn.execute(S.places.insert(), [
                {"article_pk": pk, "seq": i, "text": p.text, "start": p.start, "end": p.end, "name": p.name,
                 "country": p.country, "lat": p.lat, "lon": p.lon, "feature": p.feature}
                for i, p in enumerate(result.places)
            ])
        if result.dates:
            conn.execute(S.dates.insert(), [
                {"article_pk": pk, "seq": i, "text": d.text, "start": d.start, "end": d.end, "value": d.value,
                 "precision": d.precision}
                for i, d in enumerate(result.dates)
            ])
        if result.quotes:
            rows = []
            for i, q in enumerate(result.quotes):
                sp = q.speaker
                rows.append({
                    "article_pk": pk, "seq": i, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
                    "cue": q.cue, "attribution": q.attribution,
                    "segments": [list(s) for s in q.segments] or None,
                    "speaker_text": sp.text if sp else None,
                    "speaker_start": sp.start if sp else None,
                    "speaker_end": sp.end if sp else None,
                    "speaker_name": sp.name if sp else None,
                    "speaker_country": sp.country if sp else None,
                    "speaker_sector": sp.sector if sp else None,
                })
            conn.execute(S.quotes.insert(), rows)
        if result.events:
            version = coder_version()
            conn.execute(S.mentions.insert(), [self._mention_row(pk, i, ev, public_id, version)
                                               for i, ev in enumerate(result.events)])

    @staticmethod
    def _mention_row(pk: int, seq: int, ev: Event, article_id: str, version: str) -> dict[str, Any]:
        return {
            "mention_key": mention_key(article_id, ev.type, ev.trigger.start, ev.trigger.end),
            "coder_version": version,
            "article_pk": pk,
            "seq": seq,
            "type": ev.type,
            "mode": ev.mode,
            "status": ev.status,
            "context": list(ev.context),
            "actor": [entity_json(e) for e in ev.actor],
            "recipient": [entity_json(e) for e in ev.recipient],
            "actor_countries": countries_key(ev.actor),
            "recipient_countries": countries_key(ev.recipient),
            "date": ev.date,
            "date_precision": ev.date_precision,
            "location": dataclasses.asdict(ev.location) if ev.location is not None else None,
            "attribution": ev.attribution,
            "trigger_text": ev.trigger.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "evidence_start": ev.evidence.start,
            "evidence_end": ev.evidence.end,
            "cameo": ev.cameo,
            "confidence": float(ev.confidence) if ev.confidence is not None else None,
            "coder": ev.coder,
        }

    def add_skip(self, skip: Skip, *, run_id: Optional[int] = None) -> None:
        """Record a document that could not be processed: one row per source, the latest attempt."""
        source = skip.source or (f"id:{skip.doc_id}" if skip.doc_id else "(unknown source)")
        values = {"doc_id": skip.doc_id, "stage": skip.stage, "reason": skip.reason, "seen_at": now(),
                  "run_id": run_id}
        stmt = self._upsert(S.skips).values(source=source, **values)
        stmt = stmt.on_conflict_do_update(index_elements=["source"], set_=values)
        with self._errors("record a skip in"), begin_write(self.engine) as conn:
            conn.execute(stmt)

    def start_run(self, sources: list[str], *, command: str = "ingest") -> int:
        """Record the start of an ingest (or other) run; returns its id for ``add``/``finish_run``."""
        with self._errors("record a run in"), begin_write(self.engine) as conn:
            res = conn.execute(S.runs.insert().values(command=command, sources=[str(s) for s in sources],
                                                      started_at=now()))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._errors("record a run in"), begin_write(self.engine) as conn:
            conn.execute(S.runs.update().where(S.runs.c.id == run_id).values(
                counts=dict(counts), finished_at=now()))
