"""Articles record the coder version that coded them (an article may have no mention to carry it),
so ``eventwatch reprocess`` finds what is out of date and resumes where it stopped.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("coder_version", sa.String()))
    op.create_index("ix_articles_coder_version", "articles", ["coder_version"])


def downgrade() -> None:
    op.drop_index("ix_articles_coder_version", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("coder_version")
