"""Organisational units (组织单位): the tree, the unit of each member of staff and of each tender.

Revision ID: 0006u
Revises: 0006g
Create Date: 2026-11-30 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006u"
down_revision = "0006g"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The org_unit, person_unit and tender_unit tables. An upgraded store has no row in them:
    its people and tenders are all in the root unit, as a single-unit deployment's are."""
    op.create_table(
        "org_unit",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "person_unit",
        sa.Column("person_id", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Text(), nullable=False),
        sa.Column("assigned_by", sa.Text(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "tender_unit",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("tender_id"),
    )


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
