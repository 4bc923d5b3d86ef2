"""The plain facts the red flags read: tenders, their bids, and the suppliers behind them.

These frozen dataclasses are independent of storage. A thin adapter turns stored tenders,
opening records and the supplier register into `TenderFacts` and `SupplierFacts`; tests and the
synthetic generator build them directly. Money is `Decimal` only (a `float` is refused) and every
moment is a timezone-aware datetime.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal, get_args

from zhaocai.errors import ValidationError

TenderMethodName = Literal["open", "invited", "inquiry"]
BidStatusName = Literal["valid", "disqualified", "withdrawn"]

TENDER_METHODS: frozenset[str] = frozenset(get_args(TenderMethodName))
BID_STATUSES: frozenset[str] = frozenset(get_args(BidStatusName))
AWARDED_STATUSES: frozenset[str] = frozenset({"awarded", "contracted"})
"""Tender statuses that mean an active award exists (OCDS award status 'active')."""
UNOPENED_STATUSES: frozenset[str] = frozenset({"draft", "published", "closed"})
"""Tender statuses before the public opening: the bid-count flags do not apply yet."""


def _money(value: object, name: str) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(
            "integrity.facts.money",
            f"{name}: money must be a finite Decimal, got {value!r}",
            f"{name}：金额必须是有限的 Decimal，收到 {value!r}",
            {"field": name, "value": repr(value)},
        )


def _aware(value: object, name: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            "integrity.facts.naive",
            f"{name}: must be a timezone-aware datetime, got {value!r}",
            f"{name}：必须是带时区的 datetime，收到 {value!r}",
            {"field": name, "value": repr(value)},
        )


def _choice(value: str, allowed: frozenset[str], name: str) -> None:
    if value not in allowed:
        listing = ", ".join(sorted(allowed))
        raise ValidationError(
            "integrity.facts.choice",
            f"{name}: {value!r} is not one of {listing}",
            f"{name}：{value!r} 不在 {listing} 之中",
            {"field": name, "value": value, "allowed": sorted(allowed)},
        )


@dataclass(frozen=True, slots=True)
class AmendmentFacts:
    """An amendment or clarification (答疑、补遗) and the deadline before and after it."""

    issued_at: datetime
    deadline_before: datetime
    deadline_after: datetime

    def __post_init__(self) -> None:
        _aware(self.issued_at, "issued_at")
        _aware(self.deadline_before, "deadline_before")
        _aware(self.deadline_after, "deadline_after")


@dataclass(frozen=True, slots=True)
class BidFacts:
    """One bid as read at the opening, with the Reg 40 traces it carries.

    `document_author` is the author recorded in the bid file's metadata, `agent` the bidder's
    authorised representative (委托代理人), `project_manager` the proposed project manager (项目经理),
    `security_account` the bank account the bid security (投标保证金) was paid from.
    """

    id: str
    supplier_id: str
    price: Decimal
    received_at: datetime
    status: BidStatusName = "valid"
    disqualification_reason: str | None = None
    winner: bool = False
    document_author: str | None = None
    agent: str | None = None
    project_manager: str | None = None
    security_account: str | None = None

    def __post_init__(self) -> None:
        _money(self.price, f"bid {self.id} price")
        _aware(self.received_at, f"bid {self.id} received_at")
        _choice(self.status, BID_STATUSES, f"bid {self.id} status")


@dataclass(frozen=True, slots=True)
class TenderFacts:
    """One tender (招标、邀请招标 or 询价) with its timeline, money, bids and outcome.

    `deadline` is the bid deadline in force (after amendments); `original_deadline` the one first
    published. `status` is the tender's state name ("awarded", "contracted", "failed",
    "cancelled", ...). The winner is `winner_supplier_id`, or else the bid marked `winner`.
    """

    id: str
    title: str
    buyer: str
    category: str
    method: TenderMethodName
    estimate: Decimal
    published_at: datetime
    deadline: datetime
    bids: tuple[BidFacts, ...] = ()
    status: str = "awarded"
    ceiling: Decimal | None = None
    bid_security: Decimal | None = None
    original_deadline: datetime | None = None
    amendments: tuple[AmendmentFacts, ...] = ()
    publicity_start: datetime | None = None
    publicity_end: datetime | None = None
    winner_supplier_id: str | None = None
    award_amount: Decimal | None = None

    def __post_init__(self) -> None:
        _choice(self.method, TENDER_METHODS, f"tender {self.id} method")
        _money(self.estimate, f"tender {self.id} estimate")
        for name in ("ceiling", "bid_security", "award_amount"):
            value = getattr(self, name)
            if value is not None:
                _money(value, f"tender {self.id} {name}")
        _aware(self.published_at, f"tender {self.id} published_at")
        _aware(self.deadline, f"tender {self.id} deadline")
        for name in ("original_deadline", "publicity_start", "publicity_end"):
            value = getattr(self, name)
            if value is not None:
                _aware(value, f"tender {self.id} {name}")
        if not isinstance(self.bids, tuple):
            object.__setattr__(self, "bids", tuple(self.bids))
        if not isinstance(self.amendments, tuple):
            object.__setattr__(self, "amendments", tuple(self.amendments))
        if self.winner_supplier_id is None:
            winners = {b.supplier_id for b in self.bids if b.winner}
            if len(winners) == 1:
                object.__setattr__(self, "winner_supplier_id", next(iter(winners)))

    @property
    def awarded(self) -> bool:
        """Whether the tender has an active award (status awarded or contracted, and a winner)."""
        return self.status in AWARDED_STATUSES and self.winner_supplier_id is not None


def _frozen(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(values or ())


@dataclass(frozen=True, slots=True)
class SupplierFacts:
    """What the register knows about a supplier, for the related-party and similarity checks.

    `related_person_hashes` are salted hashes of the identity numbers of owners, managers and
    other related persons (the register never hands the raw numbers to the flags);
    `categories` are the categories the supplier is admitted in and usually active in.
    """

    id: str
    name: str
    address: str | None = None
    phones: frozenset[str] = field(default_factory=frozenset)
    emails: frozenset[str] = field(default_factory=frozenset)
    legal_representative: str | None = None
    bank_account: str | None = None
    related_person_hashes: frozenset[str] = field(default_factory=frozenset)
    categories: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in ("phones", "emails", "related_person_hashes", "categories"):
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, _frozen(value))
