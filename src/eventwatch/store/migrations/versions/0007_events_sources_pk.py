"""An index for the API's pages sorted by sources: (num_sources, pk), so PostgreSQL reads a deep page
of ``sort=-sources`` from the index (SQLite's index on num_sources carries the row id already).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_num_sources_pk", "events", ["num_sources", "pk"])


def downgrade() -> None:
    op.drop_index("ix_events_num_sources_pk", "events")
