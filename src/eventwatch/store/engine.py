"""Database URLs and engines for the store: SQLite (WAL) or PostgreSQL.

SQLite connections get, on every connect: ``journal_mode=WAL``,
``foreign_keys=ON``, ``busy_timeout`` and ``synchronous=NORMAL``. SQLAlchemy,
not the sqlite3 driver, emits BEGIN (the recipe in SQLAlchemy's SQLite
dialect docs), so reads are repeatable and DDL is transactional; a write
transaction (``begin_write``) starts with ``BEGIN IMMEDIATE`` so that two
writers queue on ``busy_timeout`` instead of failing on a lock upgrade.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from .. import settings
from ..errors import StoreError

BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10  # PostgreSQL, unless the URL sets connect_timeout
_IMMEDIATE = "eventwatch_immediate"
# Arbitrary constant: the PostgreSQL advisory lock that serialises migrations.
PG_MIGRATION_LOCK = 0x6576_7477  # "evtw"


def normalise_url(url: Optional[str]) -> str:
    """The URL to connect to, as a string.

    ``None`` -> the ``db`` setting (``EVENTWATCH_DB``). A plain filesystem path
    (no ``://``) is a SQLite file. ``postgres://`` and ``postgresql://`` use
    the psycopg (3) driver, the one eventwatch ships.
    """
    if url is None:
        url = str(settings.get("db"))
    url = str(url).strip()
    if not url:
        raise StoreError("empty database URL")
    if "://" not in url:
        if url == ":memory:":
            return "sqlite://"
        return "sqlite:///" + os.path.abspath(os.path.expanduser(url))
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return url


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except Exception as exc:  # ArgumentError, ValueError
        raise StoreError(f"invalid database URL {hide_password(url)!r}: {_first_line(exc)}") from None


def hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        # Unparseable: hide anything between "://user:" and "@".
        if "://" in url and "@" in url:
            scheme, rest = url.split("://", 1)
            creds, host = rest.rsplit("@", 1)
            if ":" in creds:
                creds = creds.split(":", 1)[0] + ":***"
            return f"{scheme}://{creds}@{host}"
        return url


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip() or type(orig).__name__
    return text.splitlines()[0]


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def is_read_only(url: str) -> bool:
    """True for a SQLite database that cannot be written: ``mode=ro`` in the URL, or a file
    this process may not write (permissions, read-only mount, ``chattr +i``)."""
    u = parse_url(url)
    if not is_sqlite(u):
        return False
    db = u.database or ""
    if u.query.get("mode") == "ro" or "mode=ro" in db or "immutable=1" in db:
        return True
    if not db or db == ":memory:" or db.startswith("file:"):
        return False
    return os.path.exists(db) and not os.access(db, os.W_OK)


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (already normalised); SQLite pragmas and BEGIN handling attached.

    A read-only SQLite file (``is_read_only``) is opened with ``mode=ro`` and
    left in its journal mode. Raises ``StoreError`` for a malformed URL or an
    unknown driver; does not connect.
    """
    u = parse_url(url)
    kwargs: dict = {"future": True}
    read_only = is_read_only(url)
    if read_only and u.database and not u.database.startswith("file:") and u.query.get("uri") != "true":
        # SQLite opens a file it may not write read-write and fails on the first write;
        # mode=ro makes the intent explicit to the driver.
        u = u.set(database="file:" + quote(os.path.abspath(u.database)), query={"mode": "ro", "uri": "true"})
    if is_sqlite(u):
        db = u.database
        if db and db != ":memory:" and not db.startswith("file:") and not read_only:
            try:
                Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the directory for {db}: {exc.strerror or exc}") from None
        if not db or db == ":memory:":
            # One shared connection, or every connection would see its own empty database.
            kwargs["poolclass"] = StaticPool
            kwargs["connect_args"] = {"check_same_thread": False}
        else:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
        if u.get_backend_name() == "postgresql" and "connect_timeout" not in u.query:
            kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
    try:
        engine = sa.create_engine(u, **kwargs)
    except Exception as exc:  # NoSuchModuleError, ArgumentError, missing driver
        raise StoreError(f"cannot use database URL {hide_password(url)!r}: {_first_line(exc)}") from None
    if is_sqlite(u):
        _sqlite_events(engine, read_only=read_only)
    return engine


def _set_wal(cur) -> None:
    """``PRAGMA journal_mode = WAL``, retried while another connection holds the lock.

    Switching a new database to WAL needs an exclusive lock and SQLite does
    not always call the busy handler for it, so several processes opening one
    new database at once would otherwise see "database is locked".
    """
    if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            msg = str(exc).lower()
            if ("locked" not in msg and "busy" not in msg) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_events(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):  # noqa: ARG001
        # The driver must not emit BEGIN itself: SQLAlchemy does, in _on_begin.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not read_only:  # switching the journal mode writes the file
                _set_wal(cur)
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA synchronous = NORMAL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get(_IMMEDIATE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


@contextlib.contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A connection inside a write transaction: committed on success, rolled back on error.

    On SQLite the transaction takes the write lock up front (BEGIN IMMEDIATE).
    """
    with engine.connect() as conn:
        conn.execution_options(**{_IMMEDIATE: True})
        with conn.begin():
            yield conn
