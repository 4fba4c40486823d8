"""The store's tables, as SQLAlchemy Core ``Table`` objects on one ``MetaData``.

This module is the schema the code reads and writes; the Alembic revisions in
``store/migrations/versions`` are what creates it in a database. The two must
agree: ``tests/test_store_schema.py`` checks that a database migrated to head
has no difference from ``metadata`` (alembic ``compare_metadata``). A schema
change is therefore two edits: this file and a new revision.

Portable across SQLite and PostgreSQL: ``sa.JSON`` for structured fields,
ISO 8601 strings for the article-stated dates (their precision varies:
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), timezone-aware UTC timestamps for
the store's own times. Every child of ``articles`` references its integer
surrogate key ``articles.pk`` with ``ON DELETE CASCADE``.

Not here yet (a later revision): the resolved cross-article ``events`` table
(the real-world event that mentions resolve to) and analysts' ``reviews``.
"""
from __future__ import annotations

import sqlalchemy as sa

# Explicit constraint/index names, so the hand-written migrations and this
# metadata name everything the same way on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

TZ = sa.DateTime(timezone=True)


def _article_fk() -> sa.Column:
    return sa.Column(
        "article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True
    )


runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("command", sa.String(), nullable=False),
    sa.Column("sources", sa.JSON),
    sa.Column("started_at", TZ, nullable=False),
    sa.Column("finished_at", TZ),
    sa.Column("counts", sa.JSON),
)

publishers = sa.Table(
    "publishers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(), nullable=False, unique=True),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    # The id the source gave (file path based, "stdin:3", a JSONL id): not unique.
    sa.Column("doc_id", sa.String(), nullable=False),
    # The public id: doc_id, or "doc_id~<hash8>" when doc_id was already taken.
    sa.Column("id", sa.String(), nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("publisher_id", sa.Integer, sa.ForeignKey("publishers.id", ondelete="SET NULL")),
    sa.Column("publication_date", sa.String(), index=True),
    sa.Column("language", sa.String(), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("boilerplate", sa.JSON),  # [[start, end], ...]
    sa.Column("warnings", sa.JSON),  # the extraction's warnings (article + annotation)
    sa.Column("contexts", sa.JSON),  # article-level PLOVER contexts
    sa.Column("minhash", sa.JSON),  # MinHash signature, list of ints, or null
    sa.Column("dup_group", sa.String(), index=True),  # public id of the group's first article
    sa.Column("source", sa.Text),
    sa.Column("ingested_at", TZ, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
)

lsh_bands = sa.Table(
    "lsh_bands",
    metadata,
    sa.Column("key", sa.String(), primary_key=True),
    sa.Column(
        "article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("seq", sa.Integer, nullable=False),  # order within the article's extraction
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("label", sa.String()),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.String(), index=True),
    sa.Column("sector", sa.String()),
    sa.Column("kind", sa.String()),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.String()),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("feature", sa.String()),
)

dates = sa.Table(
    "dates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("value", sa.String()),
    sa.Column("precision", sa.String()),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(), nullable=False),
    sa.Column("cue", sa.Text),
    # speaker_text is NULL when the quote has no speaker.
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_country", sa.String()),
    sa.Column("speaker_sector", sa.String()),
    sa.Column("attribution", sa.Text),
    sa.Column("segments", sa.JSON),  # [[start, end], ...] of an interrupted quote; NULL: one piece
)

# One coded event as one article states it.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type", sa.String(), nullable=False, index=True),
    sa.Column("mode", sa.String()),
    sa.Column("status", sa.String()),
    sa.Column("context", sa.JSON),  # list of PLOVER contexts
    sa.Column("actor", sa.JSON),  # list of full entity dicts (text, start, end, label, name, country, sector, kind)
    sa.Column("recipient", sa.JSON),
    # "|CHN|HKG|": the actors' (recipients') countries, for portable filtering with LIKE.
    sa.Column("actor_countries", sa.String()),
    sa.Column("recipient_countries", sa.String()),
    sa.Column("date", sa.String(), index=True),
    sa.Column("date_precision", sa.String()),
    sa.Column("location", sa.JSON),  # full place dict or null
    sa.Column("attribution", sa.Text),
    sa.Column("trigger_text", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("cameo", sa.String()),
    sa.Column("confidence", sa.Float),
    sa.Column("coder", sa.String()),
)

skips = sa.Table(
    "skips",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(), nullable=False, unique=True),
    sa.Column("doc_id", sa.String()),
    sa.Column("stage", sa.String(), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("seen_at", TZ, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
)
