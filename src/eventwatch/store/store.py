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
from typing import Iterator, Optional

from sqlalchemy import exc as sa_exc

from ..errors import StoreError
from .engine import hide_password, make_engine, normalise_url, parse_url
from .migrate import MIGRATIONS_DIR, Migrations
from .queries import ARTICLE_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, SKIP_COLUMNS, Queries
from .records import Records
from .values import first_line
from .writes import AddResult, Writes

__all__ = ["ARTICLE_COLUMNS", "MENTION_COLUMNS", "QUOTE_COLUMNS", "SKIP_COLUMNS", "MIGRATIONS_DIR", "AddResult", "Store"]


class Store(Migrations, Writes, Queries, Records):
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
            msg = first_line(exc)
            hint = ""
            if "no such table" in msg or ("relation" in msg and "does not exist" in msg):
                hint = " (the database has no eventwatch schema: run `eventwatch db migrate`)"
            raise StoreError(f"cannot {action} {self.display_url()}: {msg}{hint}") from exc
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} {self.display_url()}: {first_line(exc)}") from exc
