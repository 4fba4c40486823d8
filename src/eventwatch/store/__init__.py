"""The store: extraction records in SQLite (WAL) or PostgreSQL via SQLAlchemy 2 and Alembic.

``from eventwatch.store import Store``; see ``store.py`` for the API and
``schema.py`` for the tables. The resolved cross-article ``events`` table and
analysts' ``reviews`` are left for a later migration; ``Store.events()``
reads mentions (one coded event as one article states it).
"""
from __future__ import annotations

from .store import AddResult, Store

__all__ = ["AddResult", "Store"]
