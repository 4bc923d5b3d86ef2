"""Integrity pledges (廉洁承诺书) on file: whose, signed by whom, which text, for which period.

Revision ID: 0006g
Revises: 0006e
Create Date: 2026-11-30 01:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006g"
down_revision = "0006e"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The integrity_pledge table. A store upgraded to it has no pledge on file: its staff and
    suppliers sign theirs before their next procurement act."""
    op.create_table(
        "integrity_pledge",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("holder_kind", sa.Text(), nullable=False),
        sa.Column("holder_id", sa.Text(), nullable=False),
        sa.Column("signed_by", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("text_digest", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("integrity_pledge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_integrity_pledge_holder_id"), ["holder_id"], unique=False)


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
