"""What tender commands and reads return (pydantic, so idempotent replays return them again)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from zhaocai.bidding.custody.views import SealedSeat
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.models import Custodian, EvaluationSpec, Lot
from zhaocai.bidding.receipts import BidReceipt
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.categories import Category
from zhaocai.profile import RulesProfile


class CustodianSeat(BaseModel):
    """A custodian's seat: who holds which share (identified by its fingerprint)."""

    model_config = ConfigDict(frozen=True)

    index: int
    actor_id: str
    name: str
    supervisor: bool
    fingerprint: str | None = None


class TenderView(BaseModel):
    """A tender as its reader may see it. Suppliers never see the invitee list (Law 22)."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    buyer: str
    category: Category
    method: TenderMethod
    state: TenderState
    lots: list[Lot]
    estimate: Decimal
    ceiling_price: Decimal
    bid_security: Decimal
    deadline: datetime
    evaluation: EvaluationSpec
    profile: RulesProfile
    custodians: list[CustodianSeat]
    threshold: int
    two_envelopes: bool
    amendments: int
    invitees: list[str] | None = None
    officers: list[str] = Field(default_factory=list)
    published_at: datetime | None = None
    public_key: str | None = None
    rules_digest: str | None = None
    outcome_reason: str | None = None
    cancel_requested_by: str | None = None
    retender_of: str | None = None
    statutory: bool = False
    policy_version: int | None = Field(default=None, description="policy version frozen at publication")
    deviation: dict[str, Any] | None = Field(default=None, description="approved deviation frozen with it")
    external_ref: str | None = Field(default=None, description="the ERP's own reference, if given")


class Publication(BaseModel):
    """The result of publishing: the tender and its custodians' seats. No share: each is sealed
    to its custodian's own key (`platform.tenders.sealed_share`)."""

    model_config = ConfigDict(frozen=True)

    tender: TenderView
    seats: list[SealedSeat]


class AmendmentView(BaseModel):
    """An amendment or clarification as published."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    seq: int
    kind: str
    text: str
    issued_at: datetime
    deadline_before: datetime
    deadline_after: datetime
    requires_reconfirmation: bool


class OwnBid(BaseModel):
    """A supplier's own bid, as that supplier (and only it) sees it before opening."""

    model_config = ConfigDict(frozen=True)

    bid_id: str
    tender_id: str
    version: int
    status: str
    received_at: datetime
    envelope_hash: str
    needs_reconfirmation: bool
    receipt: BidReceipt


class OpeningEntry(BaseModel):
    """One line of the opening record."""

    model_config = ConfigDict(frozen=True)

    bid_id: str
    supplier_id: str
    supplier_name: str | None = None
    version: int
    received_at: datetime
    envelope_hash: str
    status: str = Field(description="valid, invalid, not_reconfirmed or not_compliant")
    reason: str | None = None
    total_price: Decimal | None = None
    lot_prices: dict[str, Decimal] = Field(default_factory=dict)


class OpeningRecord(BaseModel):
    """The public opening record (开标记录): bidders, prices, receipt hashes and times."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    stage: str = Field(description="single, technical or commercial")
    opened_at: datetime
    opened_by: str
    custodians_present: list[str]
    entries: list[OpeningEntry]
    valid_bids: int
    outcome: TenderState
    failure_reason: str | None = None
    digest: str = ""


class ComplianceDecision(BaseModel):
    """The technical compliance decision on one bid of a two-envelope tender."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bid_id: str
    compliant: bool
    note: str = Field(default="", max_length=2000)


class Cancellation(BaseModel):
    """A cancellation request or its approval."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    state: TenderState
    reason: str
    requested_by: str
    approved_by: str | None = None


def seats(custodians: list[dict[str, object]]) -> list[CustodianSeat]:
    """Custodian seats from the stored JSON."""
    return [CustodianSeat.model_validate(c) for c in custodians]


def custodian_seats(custodians: list[Custodian], fingerprints: list[str] | None) -> list[dict[str, object]]:
    """The stored JSON of custodian seats (fingerprints once the key exists)."""
    return [
        {"index": i + 1, "actor_id": c.actor_id, "name": c.name, "supervisor": c.supervisor,
         "fingerprint": fingerprints[i] if fingerprints else None}
        for i, c in enumerate(custodians)
    ]
