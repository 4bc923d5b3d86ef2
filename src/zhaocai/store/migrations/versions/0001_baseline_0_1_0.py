"""The schema released as zhaocai 0.1.0: the baseline every later revision builds on.

A store made by 0.1.0 has these tables and no `alembic_version` table; zhaocai counts it as this
revision and stamps it when upgrading. Written out table by table (not `create_all`) so that it
stays the 0.1.0 schema whatever the tables become.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the 0.1.0 tables."""
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("subject_type", sa.Text(), nullable=False),
        sa.Column("subject_id", sa.Text(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.Text(), nullable=False),
        sa.Column("hash", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("hash"),
        sa.UniqueConstraint("prev_hash"),
    )
    op.create_index("ix_audit_subject", "audit_event", ["subject_type", "subject_id"], unique=False)
    op.create_table(
        "award",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Text(), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("awarded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("awarded_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_award_tender", "award", ["tender_id"], unique=False)
    op.create_table(
        "bid",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("envelope_hash", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_through", sa.Integer(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tender_id", "supplier_id", name="uq_bid_supplier"),
    )
    op.create_table(
        "contract",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("award_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sign_by", sa.DateTime(timezone=True), nullable=False),
        sa.Column("buyer_signed_by", sa.Text(), nullable=True),
        sa.Column("buyer_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("supplier_signed_by", sa.Text(), nullable=True),
        sa.Column("supplier_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contract_tender", "contract", ["tender_id"], unique=False)
    op.create_table(
        "evaluation",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("compliance_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("compliance_by", sa.Text(), nullable=True),
        sa.Column("report_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report_by", sa.Text(), nullable=True),
        sa.Column("report_digest", sa.Text(), nullable=True),
        sa.Column("publicity_starts", sa.DateTime(timezone=True), nullable=True),
        sa.Column("publicity_ends", sa.DateTime(timezone=True), nullable=True),
        sa.Column("awarded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("publicity_noted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inquiry_record_hash", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tender_id"),
    )
    op.create_table(
        "evaluation_committee",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("opening_digest", sa.Text(), nullable=False),
        sa.Column("draw_time", sa.Text(), nullable=False),
        sa.Column("seed_hex", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("drafter_id", sa.Text(), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("representatives", sa.Text(), nullable=False),
        sa.Column("recusals", sa.Text(), nullable=False),
        sa.Column("withdrawn", sa.Text(), nullable=False),
        sa.Column("drawn_by", sa.Text(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tender_id"),
    )
    op.create_table(
        "evaluation_entry",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=True),
        sa.Column("compliant", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("abnormal", sa.Text(), nullable=True),
        sa.Column("abnormal_decision", sa.Text(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("adjustments", sa.Text(), nullable=False),
        sa.Column("evaluated_fen", sa.BigInteger(), nullable=True),
        sa.Column("price_score", sa.Text(), nullable=True),
        sa.Column("technical", sa.Text(), nullable=True),
        sa.Column("commercial", sa.Text(), nullable=True),
        sa.Column("total", sa.Text(), nullable=True),
        sa.Column("criteria", sa.Text(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("lottery_key", sa.Text(), nullable=True),
        sa.Column("ranked_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "lot_id", "bid_id"),
    )
    op.create_table(
        "evaluation_finding",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=True),
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("zh", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_finding_tender", "evaluation_finding", ["tender_id"], unique=False)
    op.create_table(
        "evaluation_lot",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("compliant", sa.Integer(), nullable=False),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column("benchmark_fen", sa.BigInteger(), nullable=True),
        sa.Column("candidates", sa.Text(), nullable=True),
        sa.Column("outliers", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "lot_id"),
    )
    op.create_table(
        "evaluation_member",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("declared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "member_id"),
    )
    op.create_table(
        "evaluation_objection",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=True),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_objection_tender", "evaluation_objection", ["tender_id"], unique=False)
    op.create_table(
        "evaluation_removal",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("zh", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "evaluation_score",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("criterion_id", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Text(), nullable=False),
        sa.Column("points_centi", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tender_id", "lot_id", "bid_id", "criterion_id", "member_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "evaluation_security",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tender_id", "supplier_id"),
    )
    op.create_table(
        "evaluation_sheet",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("bids", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tender_id", "lot_id", "member_id"),
    )
    op.create_table(
        "expert",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("specialties", sa.Text(), nullable=False),
        sa.Column("employer_id", sa.Text(), nullable=True),
        sa.Column("person_hashes", sa.Text(), nullable=False),
        sa.Column("relatives_at", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "idempotency",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("request_digest", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "inquiry_override",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("lot_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "inquiry_signature",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("officer_id", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tender_id", "officer_id"),
    )
    op.create_table(
        "opened_bid",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("bid_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("envelope_hash", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("technical", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=True),
        sa.Column("technical_compliant", sa.Boolean(), nullable=True),
        sa.Column("compliance_note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tender_id", "bid_id"),
    )
    op.create_table(
        "outbox_event",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("subject_type", sa.Text(), nullable=False),
        sa.Column("subject_id", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("position"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_table(
        "platform_setting",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "supplier",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("credit_code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("legal_representative", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("contacts", sa.Text(), nullable=False),
        sa.Column("bank_name", sa.Text(), nullable=False),
        sa.Column("bank_account", sa.Text(), nullable=False),
        sa.Column("ceiling_fen", sa.BigInteger(), nullable=False),
        sa.Column("admission", sa.Text(), nullable=False),
        sa.Column("standing", sa.Text(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("registered_by", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("admitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ban_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("import_batch", sa.Text(), nullable=True),
        sa.Column("import_row", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("credit_code"),
    )
    op.create_index("ix_supplier_import", "supplier", ["import_batch"], unique=False)
    op.create_table(
        "supplier_category",
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("admitted", sa.Boolean(), nullable=False),
        sa.Column("lapsed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("supplier_id", "category"),
    )
    op.create_index("ix_supplier_category_cat", "supplier_category", ["category", "admitted"], unique=False)
    op.create_table(
        "supplier_category_policy",
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("category"),
    )
    op.create_table(
        "supplier_inspection",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("inspectors", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_inspection", "supplier_inspection", ["supplier_id", "round"], unique=False)
    op.create_table(
        "supplier_link",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_link_supplier", "supplier_link", ["supplier_id"], unique=False)
    op.create_index("ix_supplier_link_value", "supplier_link", ["kind", "value"], unique=False)
    op.create_table(
        "supplier_performance_event",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("contract_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_perf_supplier", "supplier_performance_event", ["supplier_id"], unique=False)
    op.create_index("ix_supplier_perf_time", "supplier_performance_event", ["occurred_at"], unique=False)
    op.create_table(
        "supplier_performance_period",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.Text(), nullable=False),
        sa.Column("scored", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "supplier_person",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_hash", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_person", "supplier_person", ["supplier_id"], unique=False)
    op.create_table(
        "supplier_qualification",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("grade", sa.Text(), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_supplier_qualification", "supplier_qualification", ["supplier_id", "type"], unique=False
    )
    op.create_table(
        "supplier_request",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("ban_days", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approvals", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("previous_standing", sa.Text(), nullable=True),
        sa.Column("appeal", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_request", "supplier_request", ["supplier_id", "kind", "state"], unique=False)
    op.create_table(
        "supplier_review",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Text(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("supplier_id", "round", "department"),
    )
    op.create_table(
        "supplier_scorecard",
        sa.Column("period_id", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("delivery", sa.Integer(), nullable=False),
        sa.Column("quality", sa.Integer(), nullable=False),
        sa.Column("safety", sa.Integer(), nullable=False),
        sa.Column("service", sa.Integer(), nullable=False),
        sa.Column("compliance", sa.Integer(), nullable=False),
        sa.Column("total_centi", sa.Integer(), nullable=False),
        sa.Column("grade", sa.Text(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("period_id", "supplier_id"),
    )
    op.create_index("ix_supplier_scorecard_grade", "supplier_scorecard", ["period_id", "grade"], unique=False)
    op.create_table(
        "supplier_standing_change",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("supplier_id", sa.Text(), nullable=False),
        sa.Column("from_standing", sa.Text(), nullable=True),
        sa.Column("to_standing", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_supplier_standing_change", "supplier_standing_change", ["supplier_id"], unique=False)
    op.create_table(
        "tender",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("buyer", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("estimate_fen", sa.BigInteger(), nullable=False),
        sa.Column("ceiling_fen", sa.BigInteger(), nullable=False),
        sa.Column("bid_security_fen", sa.BigInteger(), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lots", sa.Text(), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.Column("invitees", sa.Text(), nullable=False),
        sa.Column("officers", sa.Text(), nullable=False),
        sa.Column("custodians", sa.Text(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("two_envelopes", sa.Boolean(), nullable=False),
        sa.Column("amendments", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.Text(), nullable=True),
        sa.Column("original_deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rules_digest", sa.Text(), nullable=True),
        sa.Column("public_key", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("commercial_opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("compliance_decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_requested_by", sa.Text(), nullable=True),
        sa.Column("cancel_requested_reason", sa.Text(), nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("retender_of", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tender_state_deadline", "tender", ["state", "deadline"], unique=False)
    op.create_table(
        "tender_amendment",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.Text(), nullable=False),
        sa.Column("deadline_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_after", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requires_reconfirmation", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tender_id", "seq", name="uq_amendment_seq"),
    )
    op.create_table(
        "tender_opening",
        sa.Column("tender_id", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("tender_id", "stage"),
    )


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
