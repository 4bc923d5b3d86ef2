"""Since 0.1.0: related bidders (Reg 34), integrity cases, voided awards, the basis of a removal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the tables and columns made since 0.1.0 (ALTERs in batch mode for SQLite)."""
    op.create_table(
        "evaluation_related",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("supplier_a", sa.Text(), nullable=False),
        sa.Column("supplier_b", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("lots", sa.Text(), nullable=False),
        sa.Column("void", sa.Boolean(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "supplier_a", "supplier_b"),
    )
    op.create_table(
        "integrity_case",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("flag_code", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("subject_id", sa.Text(), nullable=False),
        sa.Column("tender_ids", sa.Text(), nullable=False),
        sa.Column("supplier_ids", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assignee", sa.Text(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=True),
        sa.Column("blacklist_request_id", sa.Text(), nullable=True),
        sa.Column("concluded_by", sa.Text(), nullable=True),
        sa.Column("concluded_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_integrity_case_subject", "integrity_case", ["flag_code", "subject_id", "state"], unique=False
    )
    with op.batch_alter_table("award", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.Text(), nullable=True))

    with op.batch_alter_table("evaluation_removal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("basis", sa.Text(), nullable=True))


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
