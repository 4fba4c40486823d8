"""The workbench: who made each review, the review state of each event, the mention spans a review
names (so corrections are found by an index when their mentions are resolved again), API tokens.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("reviewer", sa.String()))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("review", sa.JSON))
    op.create_table(
        "review_keys",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", "review_id", name="pk_review_keys"),
    )
    op.create_index("ix_review_keys_review_id", "review_keys", ["review_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_used_at", TZ),
        sa.Column("revoked_at", TZ),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("name", name="uq_api_tokens_name"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_tokens")
    op.drop_index("ix_review_keys_review_id", "review_keys")
    op.drop_table("review_keys")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("review")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("reviewer")
