"""What publication reads: a tender's public facts, gathered from the store in a few bulk queries.

`TenderSnapshot` holds only what may be public at the moment of gathering: the published tender,
its amendments, its opening records (after opening only), the times of its state changes, and —
once there is a result — the candidates, awards and contracts. The OCDS builder and the public
database both work from snapshots and never see a sealed bid, an identity number or a bank account.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.bidding.models import EvaluationSpec, Lot
from zhaocai.bidding.views import AmendmentView, OpeningRecord


@dataclass(frozen=True, slots=True)
class Organisation:
    """A supplier as it may be published: id, name and unified social credit code."""

    id: str
    name: str
    credit_code: str | None = None


@dataclass(frozen=True, slots=True)
class StateChange:
    """A state change of the tender, from the outbox: the event, its moment and public payload."""

    event: str
    at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked award candidate (中标候选人), as publicised."""

    lot: str | None
    rank: int
    supplier_id: str
    price: Decimal | None
    score: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Publicity:
    """The publicity (公示) of candidates: its period and the candidates shown."""

    starts_at: datetime
    ends_at: datetime
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class AwardFact:
    """An award decision (定标) for a lot or the whole tender."""

    id: str
    supplier_id: str
    amount: Decimal
    decided_at: datetime
    lot: str | None = None
    status: str = "active"
    title: str | None = None


@dataclass(frozen=True, slots=True)
class PerformanceFact:
    """A performance event (履约) against a contract: kind, severity and moment (no free text)."""

    id: str
    kind: str
    severity: int
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class ContractFact:
    """A signed contract and its performance."""

    id: str
    award_id: str
    supplier_id: str
    amount: Decimal
    signed_at: datetime
    period_start: datetime | None = None
    period_end: datetime | None = None
    status: str = "active"
    performance: tuple[PerformanceFact, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreLine:
    """A bidder's published evaluation result: total score, evaluated price, rank, status."""

    supplier_id: str
    lot: str | None
    total: Decimal | None
    evaluated_price: Decimal | None
    rank: int | None
    status: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CommitteeMember:
    """A committee member, published only once the result is known (Law 37)."""

    name: str
    role: str


@dataclass(frozen=True, slots=True)
class TenderSnapshot:
    """A published tender with every public fact about it, as of the moment of gathering."""

    id: str
    title: str
    buyer: str
    category: str
    method: str
    state: str
    lots: tuple[Lot, ...]
    ceiling: Decimal
    bid_security: Decimal
    published_at: datetime
    deadline: datetime
    original_deadline: datetime
    evaluation: EvaluationSpec
    two_envelopes: bool = False
    outcome_reason: str | None = None
    retender_of: str | None = None
    amendments: tuple[AmendmentView, ...] = ()
    openings: tuple[OpeningRecord, ...] = ()
    changes: tuple[StateChange, ...] = ()
    suppliers: Mapping[str, Organisation] = field(default_factory=dict)
    publicity: Publicity | None = None
    awards: tuple[AwardFact, ...] = ()
    contracts: tuple[ContractFact, ...] = ()
    results: tuple[ScoreLine, ...] = ()
    committee: tuple[CommitteeMember, ...] = ()
    statutory: bool = False
    policy_version: int | None = None
    deviation: Mapping[str, Any] | None = None

    def change(self, event: str) -> StateChange | None:
        """The last state change named `event`, if any."""
        found = [c for c in self.changes if c.event == event]
        return found[-1] if found else None
