"""The plain facts the red flags read: tenders, their bids, and the suppliers behind them.

These frozen dataclasses are independent of storage. A thin adapter turns stored tenders,
opening records and the supplier register into `TenderFacts` and `SupplierFacts`; the OCDS import
(`ocds_import`) turns another system's compiled releases into the same facts; tests and the
synthetic generator build them directly. Money is `Decimal` only (a `float` is refused) and every
moment is a timezone-aware datetime.

Real data is incomplete: a tender may lack its estimate or its dates, a bid its price, date or
tenderers. Such values are `None` and every flag that needs them skips the tender or the bid. A
joint bid (联合体) names several tenderers (`BidFacts.tenderer_ids`); it counts as one bidder,
under its first tenderer (`supplier_id`, Law 31). A process may have several awards (lots) and an
award several suppliers (`TenderFacts.awards`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal, get_args

from zhaocai.errors import ValidationError
from zhaocai.problems import label_zh, value_zh

TenderMethodName = Literal["open", "invited", "inquiry", "direct", "selective", "limited", "unknown"]
"""zhaocai's methods (open tender 公开招标, invited tender 邀请招标, price inquiry 询价, single source
单一来源 = OCDS `direct`) and OCDS procurement methods of other systems (`selective`, `limited`), or
`unknown` when the data does not say."""
BidStatusName = Literal["valid", "disqualified", "withdrawn", "pending", "invited", "unknown"]
"""OCDS bid statuses; `unknown` when the data gives none (such a bid does not count as submitted)."""
AwardStatusName = Literal["active", "pending", "cancelled", "unsuccessful", "other", "unknown"]
"""OCDS award statuses; `other` for a status outside the codelist, `unknown` when none is given."""

TENDER_METHODS: frozenset[str] = frozenset(get_args(TenderMethodName))
BID_STATUSES: frozenset[str] = frozenset(get_args(BidStatusName))
AWARD_STATUSES: frozenset[str] = frozenset(get_args(AwardStatusName))
SUBMITTED_STATUSES: frozenset[str] = frozenset({"valid", "disqualified", "pending"})
"""Bids that count as submitted: not invited only, not withdrawn (gone under Law 29), with a status."""
OCDS_METHODS: dict[str, str | None] = {
    "open": "open", "invited": "selective", "inquiry": "limited", "direct": "direct",
    "selective": "selective", "limited": "limited", "unknown": None,
}
"""Each method's OCDS procurementMethod (as zhaocai publishes it), None when unknown."""
AWARDED_STATUSES: frozenset[str] = frozenset({"awarded", "contracted"})
"""Tender statuses that mean an active award exists (OCDS award status 'active')."""
UNOPENED_STATUSES: frozenset[str] = frozenset({"draft", "published", "closed"})
"""Tender statuses before the public opening: the bid-count flags do not apply yet."""


def _money(value: object, name: str) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(
            "integrity.facts.money",
            f"{name}: money must be a finite Decimal, got {value!r}",
            f"{label_zh(name)}：金额必须是有限的 Decimal，收到 {value_zh(value)}",
            {"field": name, "value": repr(value)},
        )


def _aware(value: object, name: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            "integrity.facts.naive",
            f"{name}: must be a timezone-aware datetime, got {value!r}",
            f"{label_zh(name)}：必须带时区，收到 {value_zh(value)}",
            {"field": name, "value": repr(value)},
        )


def _optional_money(value: object, name: str) -> None:
    if value is not None:
        _money(value, name)


def _optional_aware(value: object, name: str) -> None:
    if value is not None:
        _aware(value, name)


def _tuple(obj: object, name: str) -> None:
    value = getattr(obj, name)
    if value is not None and not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


def _choice(value: str, allowed: frozenset[str], name: str) -> None:
    if value not in allowed:
        listing = ", ".join(sorted(allowed))
        raise ValidationError(
            "integrity.facts.choice",
            f"{name}: {value!r} is not one of {listing}",
            f"{label_zh(name)}：{value_zh(value)} 不在 {'、'.join(repr(a) for a in sorted(allowed))} 之中",
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
class AwardFacts:
    """One award of a process (OCDS `awards[]`): a lot or the whole tender, to one or more suppliers.

    `classifications` are the item classification codes of the awarded items (e.g. CPV, UNSPSC).
    """

    id: str
    status: AwardStatusName
    supplier_ids: tuple[str, ...] = ()
    amount: Decimal | None = None
    currency: str | None = None
    classifications: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _choice(self.status, AWARD_STATUSES, f"award {self.id} status")
        _optional_money(self.amount, f"award {self.id} amount")
        _tuple(self, "supplier_ids")
        _tuple(self, "classifications")


@dataclass(frozen=True, slots=True)
class BidFacts:
    """One bid as read at the opening, with the Reg 40 traces it carries.

    `document_author` is the author recorded in the bid file's metadata, `agent` the bidder's
    authorised representative (委托代理人), `project_manager` the proposed project manager (项目经理),
    `security_account` the bank account the bid security (投标保证金) was paid from.
    `tenderer_ids` names every tenderer of a joint bid (None: the one `supplier_id`; an empty
    `supplier_id` means the data names no tenderer), `supplier_id` among them (the lead by
    default). `currency` is None when not stated.
    """

    id: str
    supplier_id: str
    price: Decimal | None
    received_at: datetime | None
    status: BidStatusName = "valid"
    disqualification_reason: str | None = None
    winner: bool = False
    document_author: str | None = None
    agent: str | None = None
    project_manager: str | None = None
    security_account: str | None = None
    tenderer_ids: tuple[str, ...] | None = None
    currency: str | None = None

    def __post_init__(self) -> None:
        _optional_money(self.price, f"bid {self.id} price")
        _optional_aware(self.received_at, f"bid {self.id} received_at")
        _choice(self.status, BID_STATUSES, f"bid {self.id} status")
        _tuple(self, "tenderer_ids")
        if self.tenderer_ids:
            if not self.supplier_id:
                object.__setattr__(self, "supplier_id", self.tenderer_ids[0])
            elif self.supplier_id not in self.tenderer_ids:
                raise ValidationError(
                    "integrity.facts.tenderers",
                    f"bid {self.id}: supplier {self.supplier_id!r} is not among its tenderers",
                    f"投标 {self.id}：供应商 {self.supplier_id!r} 不在其投标人之中",
                    {"bid": self.id, "supplier_id": self.supplier_id,
                     "tenderer_ids": list(self.tenderer_ids)})

    @property
    def tenderers(self) -> tuple[str, ...]:
        """Every tenderer of the bid: `tenderer_ids`, or the one supplier, or none."""
        if self.tenderer_ids is not None:
            return self.tenderer_ids
        return (self.supplier_id,) if self.supplier_id else ()

    @property
    def submitted(self) -> bool:
        """Whether the bid counts as submitted (valid, disqualified or pending)."""
        return self.status in SUBMITTED_STATUSES


@dataclass(frozen=True, slots=True)
class TenderFacts:
    """One tender (招标、邀请招标 or 询价) with its timeline, money, bids and outcome.

    `deadline` is the bid deadline in force (after amendments); `original_deadline` the one first
    published. `status` is the tender's state name ("awarded", "contracted", "failed",
    "cancelled", ...). The winner is `winner_supplier_id`, or else the bid marked `winner`.
    An empty `title`, `buyer` or `category` means the data does not say; so does None.

    `awards` are the process's awards as published (OCDS); when empty, the awards are derived:
    one active award to the winner when the tender is awarded. `procuring_entity` is set when
    another body than the buyer runs the procedure; `number_of_tenderers` is the published count
    (OCDS numberOfTenderers) when the bids themselves are not known; `classifications` are the
    tender's item classification codes. `region` is where the work is delivered (OCDS
    deliveryAddress region, or else the buyer's address region): a territory that allocation
    cartels divide as well as buyers; None when the data does not say.
    """

    id: str
    title: str
    buyer: str
    category: str
    method: TenderMethodName
    estimate: Decimal | None
    published_at: datetime | None
    deadline: datetime | None
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
    procurement_method_details: str | None = None
    number_of_tenderers: int | None = None
    awards: tuple[AwardFacts, ...] = ()
    procuring_entity: str | None = None
    classifications: tuple[str, ...] = ()
    region: str | None = None

    def __post_init__(self) -> None:
        _choice(self.method, TENDER_METHODS, f"tender {self.id} method")
        for name in ("estimate", "ceiling", "bid_security", "award_amount"):
            _optional_money(getattr(self, name), f"tender {self.id} {name}")
        for name in ("published_at", "deadline", "original_deadline", "publicity_start", "publicity_end"):
            _optional_aware(getattr(self, name), f"tender {self.id} {name}")
        for name in ("bids", "amendments", "awards", "classifications"):
            _tuple(self, name)
        if self.winner_supplier_id is None:
            winners = {b.supplier_id for b in self.bids if b.winner}
            if len(winners) == 1:
                object.__setattr__(self, "winner_supplier_id", next(iter(winners)))

    @property
    def awarded(self) -> bool:
        """Whether the tender has an active award (status awarded or contracted, and a winner)."""
        return self.status in AWARDED_STATUSES and self.winner_supplier_id is not None

    @property
    def ocds_method(self) -> str | None:
        """The OCDS procurementMethod of the tender's method (None when unknown)."""
        return OCDS_METHODS[self.method]

    def award_list(self) -> tuple[AwardFacts, ...]:
        """The awards as published; or, when none are, one active award to the winner of an
        awarded tender (to no known supplier when several suppliers won its lots), classified by
        the tender's category."""
        if self.awards:
            return self.awards
        if self.status in AWARDED_STATUSES:
            winner = self.winner_supplier_id
            return (AwardFacts(f"{self.id}-award", "active", (winner,) if winner else (),
                               self.award_amount, None, (self.category,) if self.category else ()),)
        return ()

    def active_awards(self) -> tuple[AwardFacts, ...]:
        """The awards in force: active, and the tender not cancelled."""
        if self.status == "cancelled":
            return ()
        return tuple(a for a in self.award_list() if a.status == "active")

    def active_supplier_ids(self) -> frozenset[str]:
        """The suppliers of the awards in force (computed without building derived awards)."""
        if self.status == "cancelled":
            return frozenset()
        if self.awards:
            return frozenset(s for a in self.awards if a.status == "active" for s in a.supplier_ids)
        winner = self.winner_supplier_id
        return frozenset((winner,)) if winner and self.status in AWARDED_STATUSES else frozenset()

    def has_active_award(self) -> bool:
        """Whether some award is in force."""
        if self.status == "cancelled":
            return False
        if self.awards:
            return any(a.status == "active" for a in self.awards)
        return self.status in AWARDED_STATUSES

    def awards_final(self) -> bool:
        """Whether every award with a status is final: active, cancelled or unsuccessful."""
        return all(a.status in _FINAL_AWARD_STATUSES for a in self.awards)


_FINAL_AWARD_STATUSES = frozenset({"active", "cancelled", "unsuccessful", "unknown"})


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
