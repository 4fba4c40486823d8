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

Events
    Every mention is resolved, in the same transaction as its article, to a
    real-world event (``resolution.py``, rules in ``eventwatch.resolve``):
    ``iter_events(**filters)`` streams them as dicts, ``events(**filters)``
    is the same as a DataFrame, ``event(id)`` one with the reasons its
    mentions merged; ``merge_events``/``split_event``/``review_event``/``correct_event``
    store analysts' decisions (``analyst.py``, ``corrections.py``); ``tokens.py`` keeps the
    API's write tokens (as digests). ``mentions(...)`` is the
    per-mention view (one row per coded event as one article states it).

Reading
    ``articles()``, ``mentions()``, ``quotes()``, ``skips()`` return pandas
    DataFrames in storage order (``skips()``: newest first), with pandas' default dtypes (a missing
    value is NaN/NA, as ``to_json``/``to_csv`` expect; timestamps are ISO 8601
    UTC strings, so they serialise as is). ``extraction(id)`` rebuilds the JSON contract
    record; ``load(id)`` the ``Extraction`` itself.

Layout: ``schema.py`` (tables) and ``migrate.py`` (Alembic revisions in
``migrations/``), ``writes.py``, ``resolution.py`` and ``analyst.py``
(writing), ``queries.py``, ``filters.py`` and ``eventquery.py`` (reading),
``records.py`` (rebuilding an ``Extraction``); ``Store`` combines them.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import exc as sa_exc

from ..errors import StoreError
from .engine import hide_password, make_engine, normalise_url, parse_url
from .migrate import MIGRATIONS_DIR, Migrations
from .queries import ARTICLE_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, SKIP_COLUMNS, Queries
from .analyst import Analyst
from .eventquery import ACTOR_COLUMNS, EVENT_FIELDS, EventQueries
from .records import Records
from .resolution import Resolution
from .tokens import Tokens
from .pages import Pages
from .labelled import Labelled
from .values import first_line
from .writes import AddResult, Writes

__all__ = ["ACTOR_COLUMNS", "EVENT_FIELDS", "ARTICLE_COLUMNS", "MENTION_COLUMNS", "QUOTE_COLUMNS", "SKIP_COLUMNS", "MIGRATIONS_DIR", "AddResult", "Store",
           "require_existing"]


def require_existing(url: Optional[str]) -> None:
    """A ``StoreError`` when ``url`` names a SQLite file that does not exist; creates nothing."""
    full = normalise_url(url)
    u = parse_url(full)
    db = u.database if u.get_backend_name() == "sqlite" else None
    if db and db != ":memory:" and not db.startswith("file:") and not Path(db).expanduser().is_file():
        raise StoreError(f"the database {hide_password(full)} does not exist "
                         "(`eventwatch ingest` or `eventwatch db migrate` creates it)")


class Store(Migrations, Writes, Resolution, Analyst, Queries, EventQueries, Records, Tokens, Pages, Labelled):
    """Extraction records in a database: ``Store(url)``, ``add(extraction)``, ``events(...)``.

    ``url`` None means the ``db`` setting (``EVENTWATCH_DB``, default
    ``sqlite:///eventwatch.db``); a plain path is a SQLite file. With
    ``migrate=True`` (the default) the schema is upgraded to the newest
    revision on opening; with ``create=False`` a SQLite file that does not
    exist is a ``StoreError`` (read-only commands), and nothing is created. Use as a context manager, or call ``close()``.
    """

    def __init__(self, url: Optional[str] = None, *, migrate: bool = True, create: bool = True):
        self.url: str = normalise_url(url)
        self._sa_url = parse_url(self.url)
        if not create:
            require_existing(self.url)
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
            msg = first_line(exc)
            hint = ""
            if "no such table" in msg or ("relation" in msg and "does not exist" in msg):
                hint = " (the database has no eventwatch schema: run `eventwatch db migrate`)"
            raise StoreError(f"cannot {action} {self.display_url()}: {msg}{hint}") from exc
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} {self.display_url()}: {first_line(exc)}") from exc
