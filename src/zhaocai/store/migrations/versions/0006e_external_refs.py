"""External references (the ERP's own numbers) on suppliers, tenders, contracts and performance
records, with indexes for looking them up.

Revision ID: 0006e
Revises: 0006i
Create Date: 2026-11-30 01:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006e"
down_revision = "0006i"
branch_labels = None
depends_on = None

TABLES = {"supplier": "ix_supplier_external_ref", "tender": "ix_tender_external_ref",
          "contract": "ix_contract_external_ref", "supplier_performance_event": None}


def upgrade() -> None:
    """A nullable `external_ref` column on each table (ALTERs in batch mode for SQLite); records
    made before have none."""
    for table, index in TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("external_ref", sa.Text(), nullable=True))
        if index is not None:
            op.create_index(index, table, ["external_ref"], unique=False)


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
