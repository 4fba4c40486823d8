"""Quotes keep the pieces of an attribution interrupted by its cue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("segments", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("segments")
