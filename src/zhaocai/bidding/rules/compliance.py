"""Compliance check of opened bids (符合性审查): what makes a bid invalid before any scoring.

A bid is non-compliant, with every reason listed, when

- its price is not positive (``compliance.price_not_positive``);
- its price is above the published ceiling price (``compliance.above_ceiling``; rejected
  automatically, Reg 27 and 51; a price equal to the ceiling is allowed);
- the bid security paid is below the amount required (``compliance.bid_security_short``);
- the supplier lost its eligibility after submission (reasons given as input by the supplier
  rules, e.g. an expired qualification; kept unchanged);
- the committee found that it does not respond to the requirements (reasons given as input by the
  committee, e.g. a material deviation 重大偏差; kept unchanged);
- its supplier is related to another bidder of the same lot (Reg 34, `related_bidders`): the same
  legal representative or a controlling/managing relation voids both bids
  (``compliance.related_bidders``); other shared contacts are put to the committee.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from zhaocai.bidding.rules.common import Reason, require_unique
from zhaocai.errors import ConflictError, NotFoundError, ValidationError
from zhaocai.money import to_decimal
from zhaocai.suppliers.rules import (
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_phone,
)


@dataclass(frozen=True)
class OpenedBid:
    """An opened bid as the compliance check sees it: amounts in yuan (two decimals at most)."""

    bid_id: str
    supplier_id: str
    price: Decimal
    security_paid: Decimal = Decimal(0)
    eligibility_lost: tuple[Reason, ...] = ()
    """Why the supplier is no longer eligible (from the supplier rules); empty: still eligible."""
    requirement_failures: tuple[Reason, ...] = ()
    """The committee's findings that the bid does not respond to requirements; empty: responds."""


@dataclass(frozen=True)
class ComplianceResult:
    """The outcome for one bid: compliant, or the list of every reason it is not."""

    bid_id: str
    supplier_id: str
    price: Decimal
    reasons: tuple[Reason, ...]

    @property
    def compliant(self) -> bool:
        """True when no reason was found."""
        return not self.reasons

    def with_reason(self, reason: Reason) -> ComplianceResult:
        """A copy with one more reason (used by later rules, e.g. rejected abnormally low bids)."""
        return replace(self, reasons=(*self.reasons, reason))


def check_bid(bid: OpenedBid, *, ceiling_price: Decimal | None,
              security_required: Decimal = Decimal(0)) -> ComplianceResult:
    """The compliance result of one bid (see the module docstring for the rules)."""
    price = to_decimal(bid.price, field="price")
    paid = to_decimal(bid.security_paid, field="security_paid")
    required = to_decimal(security_required, field="security_required")
    reasons: list[Reason] = []
    if price <= 0:
        reasons.append(Reason("compliance.price_not_positive", f"bid price {price} is not positive",
                              f"投标报价 {price} 不是正数"))
    if ceiling_price is not None:
        ceiling = to_decimal(ceiling_price, field="ceiling_price")
        if price > ceiling:
            reasons.append(Reason(
                "compliance.above_ceiling",
                f"bid price {price} is above the ceiling price {ceiling} (Reg 27, 51)",
                f"投标报价 {price} 高于最高投标限价 {ceiling}（实施条例第二十七条、第五十一条）"))
    if paid < required:
        reasons.append(Reason(
            "compliance.bid_security_short",
            f"bid security paid {paid} is below the required {required}",
            f"已交投标保证金 {paid} 低于要求的 {required}"))
    reasons.extend(bid.eligibility_lost)
    reasons.extend(bid.requirement_failures)
    return ComplianceResult(bid.bid_id, bid.supplier_id, price, tuple(reasons))


def check_compliance(bids: Sequence[OpenedBid], *, ceiling_price: Decimal | None,
                     security_required: Decimal = Decimal(0)) -> tuple[ComplianceResult, ...]:
    """Check every bid of one lot; results in the order of `bids`."""
    require_unique([b.bid_id for b in bids], what="bid id")
    return tuple(check_bid(b, ceiling_price=ceiling_price, security_required=security_required)
                 for b in bids)


def compliant_prices(results: Sequence[ComplianceResult]) -> dict[str, Decimal]:
    """Bid id → price of the compliant bids (the input of the abnormal and price-score rules)."""
    return {r.bid_id: r.price for r in results if r.compliant}


# --- Reg 34: related bidders ------------------------------------------------------------------

LEGAL_REPRESENTATIVE = "legal_representative"
CONTROL_ROLES = frozenset({LEGAL_REPRESENTATIVE, "owner", "shareholder", "manager"})
"""Roles through which a person controls or manages a supplier (控股、管理关系)."""
CONTACT_KINDS = ("phone", "email", "address", "bank_account")


def _squeeze(text: str) -> str:
    """NFKC (full-width → half-width) without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_NORMALISE = {"phone": normalise_phone, "email": normalise_email, "address": normalise_address,
              "bank_account": normalise_account}


@dataclass(frozen=True)
class BidderFacts:
    """What the register says about one bidder, as plain values (identity numbers as keyed hashes)."""

    supplier_id: str
    legal_representative: str
    persons: tuple[tuple[str, str], ...] = ()
    """(role, identity hash) of every related person, the legal representative included."""
    contacts: tuple[tuple[str, str], ...] = ()
    """(kind, value) with kind in `CONTACT_KINDS`; values as entered (normalised here)."""


@dataclass(frozen=True)
class SharedFact:
    """One attribute two bidders share: its kind and how it reads for each."""

    kind: str
    value_a: str
    value_b: str


@dataclass(frozen=True)
class RelatedPair:
    """Two bidders (ids in order) and what they share."""

    supplier_a: str
    supplier_b: str
    facts: tuple[SharedFact, ...]


@dataclass(frozen=True)
class RelatedBidders:
    """Reg 34 over one tender's bidders: pairs whose bids are void, and questions for the committee."""

    void: tuple[RelatedPair, ...]
    questions: tuple[RelatedPair, ...]

    def void_suppliers(self) -> frozenset[str]:
        """Every supplier in a void pair."""
        return frozenset(s for p in self.void for s in (p.supplier_a, p.supplier_b))

    def void_groups(self) -> tuple[frozenset[str], ...]:
        """The void pairs joined into groups (suppliers linked through shared control), sorted."""
        groups: list[set[str]] = []
        for p in self.void:
            joined = [g for g in groups if p.supplier_a in g or p.supplier_b in g]
            merged = {p.supplier_a, p.supplier_b}.union(*joined)
            groups = [g for g in groups if g not in joined] + [merged]
        return tuple(sorted((frozenset(g) for g in groups), key=sorted))


def _control(a: BidderFacts, b: BidderFacts) -> list[SharedFact]:
    """Same legal representative (one identity), or one person controlling or managing both."""
    roles_b: dict[str, set[str]] = {}
    for role, hashed in b.persons:
        roles_b.setdefault(hashed, set()).add(role)
    found: dict[tuple[str, str], SharedFact] = {}
    for role, hashed in a.persons:
        for other in sorted(roles_b.get(hashed, set())):
            if role not in CONTROL_ROLES or other not in CONTROL_ROLES:
                continue
            both_legal = role == other == LEGAL_REPRESENTATIVE
            kind = "legal_representative" if both_legal else "control"
            found.setdefault((kind, hashed), SharedFact(kind, f"{role} hmac:{hashed[:16]}",
                                                        f"{other} hmac:{hashed[:16]}"))
    return [found[k] for k in sorted(found)]


def _contacts(a: BidderFacts, b: BidderFacts) -> list[SharedFact]:
    """Shared contacts after normalisation; a shared legal representative's name, not identity."""
    def normalised(f: BidderFacts) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for kind, value in f.contacts:
            key = _NORMALISE[kind](_squeeze(value)) if kind in _NORMALISE else _squeeze(value)
            if key:
                out.setdefault((kind, key), value)
        return out

    mine, theirs = normalised(a), normalised(b)
    facts = [SharedFact(kind, mine[(kind, key)], theirs[(kind, key)])
             for kind, key in sorted(set(mine) & set(theirs))]
    name_a, name_b = _squeeze(a.legal_representative), _squeeze(b.legal_representative)
    if name_a and name_a == name_b:
        facts.insert(0, SharedFact("legal_representative_name", a.legal_representative,
                                   b.legal_representative))
    return facts


def related_bidders(bidders: Sequence[BidderFacts]) -> RelatedBidders:
    """Reg 34 (实施条例第三十四条): bids in one lot from suppliers whose legal representative is
    the same person, or between which a person holds a controlling or managing role in both, are
    void (`void`). Other shared facts — phone, email, address, bank account, a legal
    representative's name without the same identity — are questions the committee must decide
    (`questions`). Pure: the same answer whatever the order of `bidders`."""
    require_unique([b.supplier_id for b in bidders], what="bidder")
    ordered = sorted(bidders, key=lambda b: b.supplier_id)
    void, questions = [], []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            control = _control(a, b)
            if control:
                void.append(RelatedPair(a.supplier_id, b.supplier_id, tuple(control)))
                continue
            shared = _contacts(a, b)
            if shared:
                questions.append(RelatedPair(a.supplier_id, b.supplier_id, tuple(shared)))
    return RelatedBidders(tuple(void), tuple(questions))


def related_reason(pair: RelatedPair, supplier_id: str, *, determined: bool = False) -> Reason:
    """The reason voiding `supplier_id`'s bid in a related pair, naming the other and the facts."""
    other = pair.supplier_b if supplier_id == pair.supplier_a else pair.supplier_a
    kinds = ", ".join(sorted({f.kind for f in pair.facts}))
    if determined:
        return Reason("compliance.related_bidders_determined",
                      f"void: the committee determined it is related to {other} ({kinds}) (Reg 34)",
                      f"无效：评标委员会认定与 {other} 存在关联（{kinds}）（实施条例第三十四条）")
    return Reason("compliance.related_bidders",
                  f"void: same legal representative as, or controlling/managing relation with, {other} "
                  f"({kinds}) in the same lot (Reg 34)",
                  f"无效：与 {other} 单位负责人为同一人或存在控股、管理关系，参加同一标段投标"
                  f"（{kinds}）（实施条例第三十四条）")


def require_open_question(supplier_a: str, supplier_b: str, *, is_question: bool, determined: bool,
                          reason: str) -> None:
    """The committee determines a shared-contact question once, with its reason
    (``related.not_a_question``, ``related.already_determined``, ``related.reason_missing``)."""
    pair = {"supplier_a": supplier_a, "supplier_b": supplier_b}
    if not is_question:
        raise NotFoundError("related.not_a_question", f"No shared-contact question on {supplier_a} and "
                            f"{supplier_b}", f"{supplier_a} 与 {supplier_b} 之间没有待认定的关联问题", pair)
    if determined:
        raise ConflictError("related.already_determined", "The committee already determined this pair",
                            "评标委员会已对该两家投标人作出认定", pair)
    if not reason.strip():
        raise ValidationError("related.reason_missing", "A determination states its reason",
                              "认定须说明理由", pair)
