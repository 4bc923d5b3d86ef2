"""Key custody: custodians' registered public keys and the sealed seats of each tender.

Revision ID: 0005c
Revises: 0005k
Create Date: 2026-11-29 22:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005c"
down_revision = "0005k"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The custodian_key and custodian_seat tables.

    Tenders published before this revision keep their custodians' seats in `tender.custodians`
    only (their shares were handed out in clear); they have no sealed seat and cannot be opened
    by presentation.
    """
    op.create_table(
        "custodian_key",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("custodian_key", schema=None) as batch_op:
        batch_op.create_index("ix_custodian_key_actor", ["actor_id"], unique=False)
    op.create_table(
        "custodian_seat",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("seat", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("supervisor", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.Text(), nullable=False),
        sa.Column("sealed_share", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("presented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("presented_share", sa.Text(), nullable=True),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "seat"),
    )


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
