"""``Store``: extraction records in SQLite (WAL) or PostgreSQL, read back as DataFrames.

Writing
    ``add(extraction)`` stores one document in one transaction: the article,
    its publisher, entities, quotes, dates, places, mentions (one coded event
    as the article states it) and its LSH band keys, all or nothing.
    Re-adding a document whose ``content_hash`` is stored changes nothing and
    returns ``status="unchanged"``; a unique constraint on ``content_hash``
    keeps that true when two processes add the same document at once.

Article ids
    The id an ``Extraction`` carries comes from its source (a path, a JSONL
    ``id``, ``stdin:3``) and two different documents may share it (two JSONL
    files both with id ``"1"``). The store keys articles by an internal
    integer (``articles.pk``), keeps the source id as ``doc_id``, and exposes
    a unique public id (``articles.id``, ``article_id`` in the frames): the
    source id itself when no other content holds it yet, else
    ``"<source id>~<first 8 hex digits of the content hash>"``. The public id
    of a stored article never changes, and ``extraction(id)["id"]`` is it.

Near-duplicates
    Each article's MinHash signature (``Article.minhash``) is stored with its
    LSH band keys (``eventwatch.text.dedup.lsh_keys``). A new article's
    candidates are the stored articles sharing any band key; the most similar
    candidate at or above the ``minhash_threshold`` setting gives its
    ``dup_group`` (ties: the earliest stored). Otherwise, or without a
    signature, the group is the article's own public id. ``Article.dup_group``
    as given by the caller is ignored: the store decides.

Reading
    ``articles()``, ``events()``, ``quotes()``, ``skips()`` return pandas
    DataFrames in storage order (``skips()``: newest first), with pandas' default dtypes (a missing
    value is NaN/NA, as ``to_json``/``to_csv`` expect; timestamps are ISO 8601
    UTC strings, so they serialise as is). ``extraction(id)`` rebuilds the JSON contract
    record; ``load(id)`` the ``Extraction`` itself.

The schema is in ``schema.py`` and created by the Alembic revisions in
``migrations/``; the resolved cross-article ``events`` table and analysts'
``reviews`` are left for a later revision, so ``events()`` reads mentions.
"""
from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from .. import settings
from ..errors import StoreError
from ..models import (
    Article,
    DateMention,
    Entity,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
    Skip,
    Speaker,
    Trigger,
)
from . import schema as S
from .engine import PG_MIGRATION_LOCK, begin_write, hide_password, make_engine, normalise_url, parse_url

if TYPE_CHECKING:
    import pandas

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

ARTICLE_COLUMNS = [
    "id", "title", "publication_date", "publisher", "url", "source", "language", "dup_group",
    "content_hash", "n_events", "n_quotes", "ingested_at",
]
SKIP_COLUMNS = ["source", "doc_id", "stage", "reason", "seen_at"]
EVENT_COLUMNS = [
    "article_id", "title", "publication_date", "type", "mode", "status", "context",
    "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
    "date", "date_precision", "location", "location_country", "lat", "lon", "attribution",
    "trigger", "evidence", "evidence_start", "evidence_end", "cameo", "confidence", "coder",
]
QUOTE_COLUMNS = [
    "article_id", "title", "text", "kind", "cue", "speaker", "speaker_name", "attribution", "start", "end",
]


@dataclass
class AddResult:
    status: str  # "added" | "unchanged"
    article_id: str
    dup_group: Optional[str]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(value: Optional[datetime]) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, str):  # never expected, but harmless
        return value
    if value.tzinfo is None:  # SQLite keeps no zone: everything the store writes is UTC
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip() or type(orig).__name__
    return text.splitlines()[0]


def _entity_json(e: Entity) -> dict[str, Any]:
    return dataclasses.asdict(e)


def _entity_from(d: dict[str, Any]) -> Entity:
    names = {f.name for f in dataclasses.fields(Entity)}
    return Entity(**{k: v for k, v in d.items() if k in names})


def _place_from(d: dict[str, Any]) -> Place:
    names = {f.name for f in dataclasses.fields(Place)}
    return Place(**{k: v for k, v in d.items() if k in names})


def _countries_key(ents: list[Entity]) -> Optional[str]:
    codes = []
    for e in ents:
        if e.country and e.country not in codes:
            codes.append(e.country)
    return "|" + "|".join(codes) + "|" if codes else None


def _joined(values) -> Optional[str]:
    out = []
    for v in values:
        if v not in (None, "") and v not in out:
            out.append(str(v))
    return "; ".join(out) if out else None


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> "pandas.DataFrame":
    import pandas as pd

    return pd.DataFrame.from_records(rows, columns=columns)


class Store:
    """Extraction records in a database: ``Store(url)``, ``add(extraction)``, ``events(...)``.

    ``url`` None means the ``db`` setting (``EVENTWATCH_DB``, default
    ``sqlite:///eventwatch.db``); a plain path is a SQLite file. With
    ``migrate=True`` (the default) the schema is upgraded to the newest
    revision on opening. Use as a context manager, or call ``close()``.
    """

    def __init__(self, url: Optional[str] = None, *, migrate: bool = True):
        self.url: str = normalise_url(url)
        self._sa_url = parse_url(self.url)
        self.engine = make_engine(self.url)
        self.dialect: str = self.engine.dialect.name
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self.engine.dispose()
                raise

    # -- lifecycle ---------------------------------------------------------

    def __repr__(self) -> str:
        return f"Store({self.display_url()!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def display_url(self) -> str:
        """The URL with any password replaced by ``***``."""
        return hide_password(self.url)

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Database errors -> ``StoreError`` naming what failed and where, in one line."""
        try:
            yield
        except StoreError:
            raise
        except (sa_exc.OperationalError, sa_exc.ProgrammingError) as exc:
            msg = _first_line(exc)
            hint = ""
            if "no such table" in msg or ("relation" in msg and "does not exist" in msg):
                hint = " (the database has no eventwatch schema: run `eventwatch db migrate`)"
            raise StoreError(f"cannot {action} {self.display_url()}: {msg}{hint}") from exc
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} {self.display_url()}: {_first_line(exc)}") from exc

    # -- migrations --------------------------------------------------------

    def _alembic_config(self):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
        cfg.set_main_option("path_separator", "os")
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def head_revision(self) -> str:
        """The newest revision this version of eventwatch knows."""
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def migrate(self) -> str:
        """Upgrade the schema to the newest revision (a no-op when it is there); returns the revision."""
        from alembic import command
        from alembic.util import CommandError

        cfg = self._alembic_config()
        with self._errors("open and migrate"):
            try:
                with begin_write(self.engine) as conn:
                    if self.dialect == "postgresql":
                        # Two processes migrating one new database take turns.
                        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
            except CommandError as exc:
                raise StoreError(
                    f"cannot migrate {self.display_url()}: {exc} "
                    "(was the database written by a newer eventwatch?)"
                ) from None
        rev = self.revision()
        return rev or ""

    def revision(self) -> Optional[str]:
        """The database's current schema revision, None when it has none."""
        from alembic.runtime.migration import MigrationContext

        with self._errors("read the revision of"):
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()

    # -- writing -----------------------------------------------------------

    def _find_hash(self, conn, chash: str):
        return conn.execute(
            select(S.articles.c.id, S.articles.c.dup_group).where(S.articles.c.content_hash == chash)
        ).first()

    def has_article(self, content_hash: str) -> bool:
        with self._errors("read"), self.engine.connect() as conn:
            return self._find_hash(conn, content_hash) is not None

    def add(self, result: Extraction, *, run_id: Optional[int] = None) -> AddResult:
        """Store one document's extraction, all or nothing; ``unchanged`` if its content is stored."""
        art = result.article
        chash = art.content_hash
        if not chash:
            from ..text.dedup import content_hash

            chash = content_hash(art.text)
        with self._errors(f"store {art.id!r} in"):
            with self.engine.connect() as conn:
                found = self._find_hash(conn, chash)
            if found is not None:
                return self._unchanged(found, art.source)
            attempts = 3
            for attempt in range(attempts):
                try:
                    with begin_write(self.engine) as conn:
                        found = self._find_hash(conn, chash)
                        if found is None:
                            return self._insert(conn, result, chash, run_id)
                    return self._unchanged(found, art.source)
                except sa_exc.IntegrityError:
                    # Another writer stored this content first (-> unchanged), or took
                    # the public id this one chose (-> choose again).
                    with self.engine.connect() as conn:
                        found = self._find_hash(conn, chash)
                    if found is not None:
                        return self._unchanged(found, art.source)
                    if attempt == attempts - 1:
                        raise
        raise AssertionError("unreachable")

    def _unchanged(self, found, source: str) -> AddResult:
        """The content is stored already; the source succeeded, so it is no longer a skip."""
        if source:
            s = S.skips
            with self.engine.connect() as conn:
                skipped = conn.execute(select(s.c.id).where(s.c.source == source)).first() is not None
            if skipped:
                with begin_write(self.engine) as conn:
                    conn.execute(sa.delete(s).where(s.c.source == source))
        return AddResult("unchanged", found.id, found.dup_group)

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
                ingested_at=_now(),
                run_id=run_id,
            )
        )
        pk = res.inserted_primary_key[0]
        self._insert_children(conn, pk, result, keys)
        if art.source:
            conn.execute(sa.delete(S.skips).where(S.skips.c.source == art.source))
        return AddResult("added", public_id, dup_group)

    def _insert_children(self, conn, pk: int, result: Extraction, keys: list[str]) -> None:
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
            conn.execute(S.mentions.insert(), [self._mention_row(pk, i, ev) for i, ev in enumerate(result.events)])

    @staticmethod
    def _mention_row(pk: int, seq: int, ev: Event) -> dict[str, Any]:
        return {
            "article_pk": pk,
            "seq": seq,
            "type": ev.type,
            "mode": ev.mode,
            "status": ev.status,
            "context": list(ev.context),
            "actor": [_entity_json(e) for e in ev.actor],
            "recipient": [_entity_json(e) for e in ev.recipient],
            "actor_countries": _countries_key(ev.actor),
            "recipient_countries": _countries_key(ev.recipient),
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
        values = {"doc_id": skip.doc_id, "stage": skip.stage, "reason": skip.reason, "seen_at": _now(),
                  "run_id": run_id}
        stmt = self._upsert(S.skips).values(source=source, **values)
        stmt = stmt.on_conflict_do_update(index_elements=["source"], set_=values)
        with self._errors("record a skip in"), begin_write(self.engine) as conn:
            conn.execute(stmt)

    def start_run(self, sources: list[str], *, command: str = "ingest") -> int:
        """Record the start of an ingest (or other) run; returns its id for ``add``/``finish_run``."""
        with self._errors("record a run in"), begin_write(self.engine) as conn:
            res = conn.execute(S.runs.insert().values(command=command, sources=[str(s) for s in sources],
                                                      started_at=_now()))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._errors("record a run in"), begin_write(self.engine) as conn:
            conn.execute(S.runs.update().where(S.runs.c.id == run_id).values(
                counts=dict(counts), finished_at=_now()))

    # -- reading -----------------------------------------------------------

    def _count(self, conn, table: sa.Table) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    @staticmethod
    def _run_dict(row) -> dict[str, Any]:
        return {
            "id": row.id,
            "command": row.command,
            "sources": row.sources or [],
            "started_at": _iso(row.started_at),
            "finished_at": _iso(row.finished_at),
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
                "events": self._count(conn, m),
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
            r["ingested_at"] = _iso(r["ingested_at"])
        return _frame(rows, ARTICLE_COLUMNS)

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
            r["seen_at"] = _iso(r["seen_at"])
        return _frame(rows, SKIP_COLUMNS)

    def _date_col(self, col):
        # ISO dates compare as strings only under a byte-wise collation.
        return col.collate("C") if self.dialect == "postgresql" else col

    def events(self, *, type: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
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
        if type:
            stmt = stmt.where(m.c.type == type.upper())
        if country:
            key = f"|{country.upper()}|"
            stmt = stmt.where(sa.or_(m.c.actor_countries.contains(key, autoescape=True),
                                     m.c.recipient_countries.contains(key, autoescape=True)))
        date = self._date_col(m.c.date)
        if since:
            since_lit = self._date_col(sa.literal(since, sa.String()))
            stmt = stmt.where(sa.or_(date >= since_lit,
                                     func.substr(sa.literal(since, sa.String()), 1, func.length(m.c.date)) == m.c.date))
        if until:
            stmt = stmt.where(sa.or_(date <= self._date_col(sa.literal(until, sa.String())),
                                     m.c.date.startswith(until, autoescape=True)))
        if article_id:
            stmt = stmt.where(a.c.id == article_id)
        if min_confidence is not None:
            stmt = stmt.where(m.c.confidence >= float(min_confidence))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read"), self.engine.connect() as conn:
            raw = list(conn.execute(stmt))
        rows = []
        for r in raw:
            actors = [_entity_from(d) for d in (r.actor or [])]
            recips = [_entity_from(d) for d in (r.recipient or [])]
            loc = r.location or None
            rows.append({
                "article_id": r.article_id,
                "title": r.title,
                "publication_date": r.publication_date,
                "type": r.type,
                "mode": r.mode,
                "status": r.status,
                "context": ",".join(r.context or []) or None,
                "actor": _joined(e.name or e.text for e in actors),
                "actor_country": _joined(e.country for e in actors),
                "actor_sector": _joined(e.sector for e in actors),
                "recipient": _joined(e.name or e.text for e in recips),
                "recipient_country": _joined(e.country for e in recips),
                "recipient_sector": _joined(e.sector for e in recips),
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
        return _frame(rows, EVENT_COLUMNS)

    def quotes(self, *, speaker: Optional[str] = None, article_id: Optional[str] = None,
               limit: Optional[int] = None) -> "pandas.DataFrame":
        """One row per quote, in storage order. ``speaker``: case-insensitive substring of the
        speaker's canonical name or text."""
        a, q = S.articles, S.quotes
        stmt = (
            select(a.c.id.label("article_id"), a.c.title, q.c.text, q.c.kind, q.c.cue,
                   q.c.speaker_text.label("speaker"), q.c.speaker_name, q.c.attribution, q.c.start, q.c.end)
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
        return _frame(rows, QUOTE_COLUMNS)

    def load(self, article_id: str) -> Optional[Extraction]:
        """The stored ``Extraction`` of the article with public id ``article_id``, or None.

        ``article.id`` is the public id; ``article.warnings`` is empty (the
        stored warnings are the extraction's, which include the article's).
        """
        a = S.articles
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(
                select(a, S.publishers.c.name.label("publisher_name"))
                .select_from(a.outerjoin(S.publishers, S.publishers.c.id == a.c.publisher_id))
                .where(a.c.id == article_id)
            ).first()
            if row is None:
                return None
            pk = row.pk

            def children(table):
                return list(conn.execute(select(table).where(table.c.article_pk == pk).order_by(table.c.seq)))

            entities = [Entity(text=r.text, start=r.start, end=r.end, label=r.label, name=r.name,
                               country=r.country, sector=r.sector, kind=r.kind) for r in children(S.entities)]
            places = [Place(text=r.text, start=r.start, end=r.end, name=r.name, country=r.country, lat=r.lat,
                            lon=r.lon, feature=r.feature) for r in children(S.places)]
            dates = [DateMention(text=r.text, start=r.start, end=r.end, value=r.value, precision=r.precision)
                     for r in children(S.dates)]
            quotes = []
            for r in children(S.quotes):
                speaker = None
                if r.speaker_text is not None:
                    speaker = Speaker(text=r.speaker_text, start=r.speaker_start, end=r.speaker_end,
                                      name=r.speaker_name, country=r.speaker_country, sector=r.speaker_sector)
                quotes.append(Quote(text=r.text, start=r.start, end=r.end, kind=r.kind, cue=r.cue,
                                    speaker=speaker, attribution=r.attribution,
                                    segments=[(int(s), int(e)) for s, e in (r.segments or [])]))
            events = []
            for r in children(S.mentions):
                events.append(Event(
                    type=r.type,
                    trigger=Trigger(text=r.trigger_text, start=r.trigger_start, end=r.trigger_end),
                    evidence=Evidence(start=r.evidence_start, end=r.evidence_end),
                    mode=r.mode,
                    context=list(r.context or []),
                    status=r.status,
                    actor=[_entity_from(d) for d in (r.actor or [])],
                    recipient=[_entity_from(d) for d in (r.recipient or [])],
                    date=r.date,
                    date_precision=r.date_precision,
                    location=_place_from(r.location) if r.location else None,
                    attribution=r.attribution,
                    cameo=r.cameo,
                    confidence=r.confidence if r.confidence is not None else 0.0,
                    coder=r.coder,
                ))
        article = Article(
            id=row.id,
            text=row.text,
            source=row.source or "",
            url=row.url,
            title=row.title,
            author=row.author,
            publisher=row.publisher_name,
            publication_date=row.publication_date,
            language=row.language,
            content_hash=row.content_hash,
            boilerplate=[(int(s), int(e)) for s, e in (row.boilerplate or [])],
            minhash=list(row.minhash) if row.minhash else None,
            dup_group=row.dup_group,
        )
        return Extraction(article=article, events=events, quotes=quotes, dates=dates, places=places,
                          entities=entities, contexts=list(row.contexts or []), warnings=list(row.warnings or []))

    def extraction(self, article_id: str) -> Optional[dict]:
        """The JSON contract record (DESIGN.md) of a stored article, or None; ``id`` is the public id."""
        ext = self.load(article_id)
        return ext.to_dict() if ext is not None else None
