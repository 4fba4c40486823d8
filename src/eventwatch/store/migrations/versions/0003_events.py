"""The resolved dataset: events, event_mentions, event_facets, actors, actor_aliases, reviews;
mentions get a stable key and the coder version.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("copy_key", sa.String()))
    op.execute("UPDATE articles SET copy_key = content_hash")
    with op.batch_alter_table("articles") as batch:
        batch.alter_column("copy_key", existing_type=sa.String(), nullable=False)
        batch.drop_constraint("uq_articles_content_hash", type_="unique")
        batch.create_unique_constraint("uq_articles_copy_key", ["copy_key"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("mention_key", sa.String()))
        batch.add_column(sa.Column("coder_version", sa.String()))
    op.create_index("ix_mentions_mention_key", "mentions", ["mention_key"])

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String()),
        sa.Column("country", sa.String()),
        sa.Column("sector", sa.String()),
        sa.Column("external_id", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("key", name="uq_actors_key"),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "actor_aliases",
        sa.Column("alias", sa.String(), nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=False),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("alias", "actor_id", name="pk_actor_aliases"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_actor_aliases_actor_id_actors",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_actor_aliases_actor_id", "actor_aliases", ["actor_id"])

    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("mode", sa.String()),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("context", sa.JSON),
        sa.Column("date", sa.String()),
        sa.Column("date_precision", sa.String()),
        sa.Column("date_lo", sa.String(10)),
        sa.Column("date_hi", sa.String(10)),
        sa.Column("place", sa.JSON),
        sa.Column("place_name", sa.Text),
        sa.Column("place_country", sa.String()),
        sa.Column("actor", sa.JSON),
        sa.Column("recipient", sa.JSON),
        sa.Column("cameo", sa.String()),
        sa.Column("confidence", sa.Float),
        sa.Column("evidence", sa.Text),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_dup_groups", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.String()),
        sa.Column("last_seen", sa.String()),
        sa.Column("coder_version", sa.String()),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_events"),
        sa.UniqueConstraint("event_id", name="uq_events_event_id"),
    )
    op.create_index("ix_events_place_country", "events", ["place_country"])
    op.create_index("ix_events_type_date_lo", "events", ["type", "date_lo"])
    op.create_index("ix_events_status_date_lo", "events", ["status", "date_lo"])
    op.create_index("ix_events_date_lo", "events", ["date_lo"])
    op.create_index("ix_events_date_hi", "events", ["date_hi"])
    op.create_index("ix_events_num_sources", "events", ["num_sources"])
    op.create_index("ix_events_confidence", "events", ["confidence"])

    op.create_table(
        "event_mentions",
        sa.Column("mention_id", sa.Integer, nullable=False),
        sa.Column("event_pk", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("actors", sa.JSON),
        sa.Column("recipients", sa.JSON),
        sa.PrimaryKeyConstraint("mention_id", name="pk_event_mentions"),
        sa.ForeignKeyConstraint(["mention_id"], ["mentions.id"], name="fk_event_mentions_mention_id_mentions",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_pk"], ["events.pk"], name="fk_event_mentions_event_pk_events",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_event_mentions_event_pk", "event_mentions", ["event_pk"])
    op.create_table(
        "event_facets",
        sa.Column("facet", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("event_pk", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("facet", "value", "event_pk", name="pk_event_facets"),
        sa.ForeignKeyConstraint(["event_pk"], ["events.pk"], name="fk_event_facets_event_pk_events",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_event_facets_event_pk", "event_facets", ["event_pk"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("other_event_id", sa.String()),
        sa.Column("mention_key", sa.String()),
        sa.Column("payload", sa.JSON),
        sa.Column("note", sa.Text),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_event_id", "reviews", ["event_id"])


def downgrade() -> None:
    for table in ("reviews", "event_facets", "event_mentions", "events", "actor_aliases", "actors"):
        op.drop_table(table)
    op.drop_index("ix_mentions_mention_key", "mentions")
    op.drop_index("ix_articles_content_hash", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_constraint("uq_articles_copy_key", type_="unique")
        batch.create_unique_constraint("uq_articles_content_hash", ["content_hash"])
        batch.drop_column("copy_key")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("coder_version")
        batch.drop_column("mention_key")
