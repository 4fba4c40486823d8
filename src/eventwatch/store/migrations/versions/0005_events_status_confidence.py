"""An index for the CLI's default filter (status occurred) combined with a confidence floor.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_status_confidence", "events", ["status", "confidence"])


def downgrade() -> None:
    op.drop_index("ix_events_status_confidence", "events")
