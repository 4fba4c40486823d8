"""Initial store schema: publishers, articles, lsh_bands, entities, places,
dates, quotes, mentions, skips, runs.

The resolved cross-article ``events`` table and analysts' ``reviews`` come in
a later revision.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _article_pk() -> sa.Column:
    return sa.Column("article_pk", sa.Integer, nullable=False)


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_pk"], ["articles.pk"], name=f"fk_{table}_article_pk_articles", ondelete="CASCADE"
    )


def _spans() -> list[sa.Column]:
    return [
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("command", sa.String(), nullable=False),
        sa.Column("sources", sa.JSON),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("counts", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_table(
        "publishers",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_publishers"),
        sa.UniqueConstraint("name", name="uq_publishers_name"),
    )
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("publisher_id", sa.Integer),
        sa.Column("publication_date", sa.String()),
        sa.Column("language", sa.String()),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("boilerplate", sa.JSON),
        sa.Column("warnings", sa.JSON),
        sa.Column("contexts", sa.JSON),
        sa.Column("minhash", sa.JSON),
        sa.Column("dup_group", sa.String()),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("run_id", sa.Integer),
        sa.PrimaryKeyConstraint("pk", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
        sa.ForeignKeyConstraint(["publisher_id"], ["publishers.id"], name="fk_articles_publisher_id_publishers",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_articles_run_id_runs", ondelete="SET NULL"),
    )
    op.create_index("ix_articles_publication_date", "articles", ["publication_date"])
    op.create_index("ix_articles_language", "articles", ["language"])
    op.create_index("ix_articles_dup_group", "articles", ["dup_group"])

    op.create_table(
        "lsh_bands",
        sa.Column("key", sa.String(), nullable=False),
        _article_pk(),
        sa.PrimaryKeyConstraint("key", "article_pk", name="pk_lsh_bands"),
        _article_fk("lsh_bands"),
    )
    op.create_index("ix_lsh_bands_article_pk", "lsh_bands", ["article_pk"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, nullable=False),
        _article_pk(),
        *_spans(),
        sa.Column("label", sa.String()),
        sa.Column("name", sa.Text),
        sa.Column("country", sa.String()),
        sa.Column("sector", sa.String()),
        sa.Column("kind", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        _article_fk("entities"),
    )
    op.create_index("ix_entities_article_pk", "entities", ["article_pk"])
    op.create_index("ix_entities_country", "entities", ["country"])

    op.create_table(
        "places",
        sa.Column("id", sa.Integer, nullable=False),
        _article_pk(),
        *_spans(),
        sa.Column("name", sa.Text),
        sa.Column("country", sa.String()),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("feature", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        _article_fk("places"),
    )
    op.create_index("ix_places_article_pk", "places", ["article_pk"])

    op.create_table(
        "dates",
        sa.Column("id", sa.Integer, nullable=False),
        _article_pk(),
        *_spans(),
        sa.Column("value", sa.String()),
        sa.Column("precision", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_dates"),
        _article_fk("dates"),
    )
    op.create_index("ix_dates_article_pk", "dates", ["article_pk"])

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, nullable=False),
        _article_pk(),
        *_spans(),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_country", sa.String()),
        sa.Column("speaker_sector", sa.String()),
        sa.Column("attribution", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        _article_fk("quotes"),
    )
    op.create_index("ix_quotes_article_pk", "quotes", ["article_pk"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, nullable=False),
        _article_pk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("mode", sa.String()),
        sa.Column("status", sa.String()),
        sa.Column("context", sa.JSON),
        sa.Column("actor", sa.JSON),
        sa.Column("recipient", sa.JSON),
        sa.Column("actor_countries", sa.String()),
        sa.Column("recipient_countries", sa.String()),
        sa.Column("date", sa.String()),
        sa.Column("date_precision", sa.String()),
        sa.Column("location", sa.JSON),
        sa.Column("attribution", sa.Text),
        sa.Column("trigger_text", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("cameo", sa.String()),
        sa.Column("confidence", sa.Float),
        sa.Column("coder", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        _article_fk("mentions"),
    )
    op.create_index("ix_mentions_article_pk", "mentions", ["article_pk"])
    op.create_index("ix_mentions_type", "mentions", ["type"])
    op.create_index("ix_mentions_date", "mentions", ["date"])

    op.create_table(
        "skips",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String()),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("seen_at", TZ, nullable=False),
        sa.Column("run_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_skips"),
        sa.UniqueConstraint("source", name="uq_skips_source"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_skips_run_id_runs", ondelete="SET NULL"),
    )


def downgrade() -> None:
    for table in ("skips", "mentions", "quotes", "dates", "places", "entities", "lsh_bands", "articles",
                  "publishers", "runs"):
        op.drop_table(table)
