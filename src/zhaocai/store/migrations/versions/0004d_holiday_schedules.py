"""Official holiday schedules entered for years the bundled calendar does not know.

Revision ID: 0004d
Revises: 0003
Create Date: 2026-11-29 19:12:19.694130
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004d"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The holiday_schedule table."""
    op.create_table(
        "holiday_schedule",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("holidays", sa.Text(), nullable=False),
        sa.Column("workdays", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("holiday_schedule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_holiday_schedule_year"), ["year"], unique=False)


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
