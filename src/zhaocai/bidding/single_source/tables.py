"""Tables of single-source procurement (单一来源采购): the procurement, its objections and the
officers' signatures on its negotiation record.

Money is integer fen; the policy in force is frozen on the row when it is drafted, and the facts
that made its justification true are frozen on it when a supervisor approves it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import SQLModel

from zhaocai.bidding.evaluating.tables import _int, _json, _key, _text, _time  # the column helpers


class SingleSourceRow(SQLModel, table=True):
    """One single-source procurement: the need, the proposed supplier, the justification, and
    each step of its life (approval, public notice, negotiation, conclusion or cancellation)."""

    __tablename__ = "single_source"

    id: str = _key()
    state: str = _text()
    buyer: str = _text()
    title: str = _text()
    category: str = _text()
    description: str = _text()
    lots: Any = _json()
    estimate_fen: int = _int()
    supplier_id: str = _text()
    justification: str = _text()
    reason: str = _text()
    earlier_contract_id: str | None = _text(True)
    failed_tender_ids: Any = _json()
    policy: Any = _json()
    drafted_by: str = _text()
    drafted_at: datetime = _time()
    approved_by: str | None = _text(True)
    approved_at: datetime | None = _time(True)
    approval_facts: Any = _json(True)
    notice_ends: datetime | None = _time(True)
    agreed_fen: int | None = _int(True)
    negotiation_record: str | None = _text(True)
    negotiation_digest: str | None = _text(True)
    negotiated_by: str | None = _text(True)
    negotiated_at: datetime | None = _time(True)
    concluded_by: str | None = _text(True)
    concluded_at: datetime | None = _time(True)
    contract_id: str | None = _text(True)
    cancelled_by: str | None = _text(True)
    cancelled_at: datetime | None = _time(True)
    cancel_reason: str | None = _text(True)

    __table_args__ = (Index("ix_single_source_contract", "earlier_contract_id"),)


class SingleSourceObjectionRow(SQLModel, table=True):
    """An objection (异议) lodged during the public notice, and a supervisor's decision on it."""

    __tablename__ = "single_source_objection"

    id: str = _key()
    procurement_id: str = _text()
    raised_by: str = _text()
    supplier_id: str | None = _text(True)
    raised_at: datetime = _time()
    text: str = _text()
    decision: str | None = _text(True)
    answer: str | None = _text(True)
    decided_by: str | None = _text(True)
    decided_at: datetime | None = _time(True)

    __table_args__ = (Index("ix_single_source_objection", "procurement_id"),)


class SingleSourceSignatureRow(SQLModel, table=True):
    """An officer's signature on the negotiation record (协商情况记录), bound to its digest."""

    __tablename__ = "single_source_signature"

    procurement_id: str = _key()
    officer_id: str = _key()
    digest: str = _text()
    signed_at: datetime = _time()
