"""The store: extraction records in SQLite (WAL) or PostgreSQL via SQLAlchemy 2 and Alembic.

``from eventwatch.store import Store``; see ``store.py`` for the API and
``schema.py`` for the tables. ``Store.events()``/``iter_events()`` read the
resolved events, ``Store.mentions()`` one row per coded event as one article
states it.
"""
from __future__ import annotations

from .store import AddResult, Store, require_existing

__all__ = ["AddResult", "Store", "require_existing"]
