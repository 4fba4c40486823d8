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

Revision 0003 adds the resolved dataset: ``events`` (one real-world event,
its aggregates), ``event_mentions`` (which mention belongs to which event
and why), ``event_facets`` (one indexed row per multi-valued filter value:
actor and recipient ids, countries, sectors, contexts), canonical
``actors`` with their ``actor_aliases``, and analysts' ``reviews`` (merges,
splits, verdicts; keyed by stable event and mention ids, so re-processing
never drops them).
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
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    # content_hash, plus a hash of the URL when there is one: the same text at another URL is
    # a syndicated copy, stored as its own article (and counted in one near-duplicate group).
    sa.Column("copy_key", sa.String(), nullable=False, unique=True),
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
    sa.Column("coder_version", sa.String(), index=True),  # what coded it (resolve/version.py)
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
    # Stable across re-processing: "<article id>#<trigger start>-<trigger end>/<TYPE>".
    sa.Column("mention_key", sa.String(), index=True),
    sa.Column("coder_version", sa.String()),
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

# A canonical actor: one person, organisation, state, or a country+sector group.
actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(), nullable=False, unique=True),  # "person:kenneth roth", "group:HKG/COP"
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String()),
    sa.Column("country", sa.String(), index=True),
    sa.Column("sector", sa.String()),
    sa.Column("external_id", sa.String()),  # from the actors dictionary, when it knows one
)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("alias", sa.String(), primary_key=True),  # normalised: lower case, no leading article
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True,
              index=True),
    sa.Column("text", sa.Text),  # one spelling as written
)

# The real-world event that mentions resolve to.
events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.String(), nullable=False, unique=True),  # "ev-" + 12 hex, from its first mention
    sa.Column("type", sa.String(), nullable=False),
    sa.Column("mode", sa.String()),
    sa.Column("status", sa.String(), nullable=False),
    sa.Column("context", sa.JSON),
    sa.Column("date", sa.String()),
    sa.Column("date_precision", sa.String()),
    # The period the date stands for, as ISO days, for range queries: 2020-01 -> 2020-01-01..2020-01-31.
    sa.Column("date_lo", sa.String(10)),
    sa.Column("date_hi", sa.String(10)),
    sa.Column("place", sa.JSON),
    sa.Column("place_name", sa.Text),
    sa.Column("place_country", sa.String(), index=True),
    sa.Column("actor", sa.JSON),  # [{name, text, country, sector, actor_id}, ...]
    sa.Column("recipient", sa.JSON),
    sa.Column("cameo", sa.String()),
    sa.Column("confidence", sa.Float),
    sa.Column("evidence", sa.Text),  # the first mention's evidence sentence, for text search
    sa.Column("num_mentions", sa.Integer, nullable=False),
    sa.Column("num_articles", sa.Integer, nullable=False),
    sa.Column("num_sources", sa.Integer, nullable=False),
    sa.Column("num_dup_groups", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.String()),
    sa.Column("last_seen", sa.String()),
    sa.Column("coder_version", sa.String()),
    # Analysts' verdict and corrections as applied (revision 0006): {verdict, reviewer, at, corrected: {field:
    # {from, to}}}; null when nobody reviewed it. The corrected values are in the columns above.
    sa.Column("review", sa.JSON),
    sa.Column("updated_at", TZ, nullable=False),
    sa.Index("ix_events_type_date_lo", "type", "date_lo"),
    sa.Index("ix_events_status_date_lo", "status", "date_lo"),
    sa.Index("ix_events_date_lo", "date_lo"),
    sa.Index("ix_events_date_hi", "date_hi"),
    sa.Index("ix_events_num_sources", "num_sources"),
    sa.Index("ix_events_num_sources_pk", "num_sources", "pk"),  # the API's pages by sources (revision 0007)
    sa.Index("ix_events_confidence", "confidence"),
    sa.Index("ix_events_status_confidence", "status", "confidence"),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("reason", sa.Text),  # why this mention is in this event
    # The mention's participants as resolved: [{actor_id, name, text, country, sector}, ...]
    sa.Column("actors", sa.JSON),
    sa.Column("recipients", sa.JSON),
)

# Multi-valued filter values, one row each, so every filter is an index lookup.
event_facets = sa.Table(
    "event_facets",
    metadata,
    sa.Column("facet", sa.String(), primary_key=True),  # actor_id, recipient_id, actor_country, ..., context
    sa.Column("value", sa.String(), primary_key=True),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True,
              index=True),
)

# Analysts' decisions; no foreign key: they outlive the rows they name and are replayed on re-processing.
reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(), nullable=False),  # merge | split | review
    sa.Column("event_id", sa.String(), nullable=False, index=True),
    sa.Column("other_event_id", sa.String()),  # merge: the event merged into event_id
    sa.Column("mention_key", sa.String()),  # split: the mention taken out
    sa.Column("payload", sa.JSON),  # merge: the mention keys of both events; review: verdict
    sa.Column("note", sa.Text),
    sa.Column("created_at", TZ, nullable=False),
    sa.Column("reviewer", sa.String()),  # the writer's token name (revision 0006); null before it
)

# The mention spans ("<article id>#<start>-<end>", no type: a re-coding that retypes the mention keeps
# it) a verdict or correction names, so resolution finds the reviews of an event by an index lookup.
review_keys = sa.Table(
    "review_keys",
    metadata,
    sa.Column("key", sa.String(), primary_key=True),
    sa.Column("review_id", sa.Integer, primary_key=True, index=True),
)

# Write tokens of the API: only the SHA-256 of the token is stored; the token is shown once.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", TZ, nullable=False),
    sa.Column("last_used_at", TZ),
    sa.Column("revoked_at", TZ),
)
