"""The rules policy and deviations, single source (单一来源), admission screening, verified
qualifications and held standing changes of bidders in flight.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the policy, deviation, single-source and screening tables and the new columns (ALTERs in
    batch mode for SQLite)."""
    op.create_table(
        "rules_policy",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seq"),
        sa.UniqueConstraint("version", name="uq_rules_policy_version"),
    )
    op.create_table(
        "single_source",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("buyer", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lots", sa.Text(), nullable=False),
        sa.Column("estimate_fen", sa.BigInteger(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("earlier_contract_id", sa.Text(), nullable=True),
        sa.Column("failed_tender_ids", sa.Text(), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("drafted_by", sa.Text(), nullable=False),
        sa.Column("drafted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_facts", sa.Text(), nullable=True),
        sa.Column("notice_ends", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agreed_fen", sa.BigInteger(), nullable=True),
        sa.Column("negotiation_record", sa.Text(), nullable=True),
        sa.Column("negotiation_digest", sa.Text(), nullable=True),
        sa.Column("negotiated_by", sa.Text(), nullable=True),
        sa.Column("negotiated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("concluded_by", sa.Text(), nullable=True),
        sa.Column("concluded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contract_id", sa.Text(), nullable=True),
        sa.Column("cancelled_by", sa.Text(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("single_source", schema=None) as batch_op:
        batch_op.create_index("ix_single_source_contract", ["earlier_contract_id"], unique=False)

    op.create_table(
        "single_source_objection",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("procurement_id", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=True),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("single_source_objection", schema=None) as batch_op:
        batch_op.create_index("ix_single_source_objection", ["procurement_id"], unique=False)

    op.create_table(
        "single_source_signature",
        sa.Column("procurement_id", sa.Text(), nullable=False),
        sa.Column("officer_id", sa.Text(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("procurement_id", "officer_id"),
    )
    op.create_table(
        "supplier_screening",
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("matches", sa.Text(), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("matches_seen", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("supplier_id", "round"),
    )
    op.create_table(
        "tender_deviation",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("statutory", sa.Boolean(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tender_id", "seq", name="uq_tender_deviation_seq"),
    )
    with op.batch_alter_table("tender_deviation", schema=None) as batch_op:
        batch_op.create_index("ix_tender_deviation_tender", ["tender_id", "state"], unique=False)

    with op.batch_alter_table("supplier_qualification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("added_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("added_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("decided_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("decision_note", sa.Text(), nullable=True))

    with op.batch_alter_table("supplier_request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("live_tenders", sa.Text(), nullable=True))

    with op.batch_alter_table("tender", schema=None) as batch_op:
        batch_op.add_column(sa.Column("statutory", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("requested_profile", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("policy_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("deviation", sa.Text(), nullable=True))


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
