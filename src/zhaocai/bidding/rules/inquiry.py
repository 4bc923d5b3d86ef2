"""Price inquiry (询价) under the "3-3-2" rule (三三二).

- At least `inquiry_min_suppliers` (3) quotes from distinct, eligible suppliers
  (``inquiry.too_few_quotes``, `too_few_quotes`); a supplier quoting twice is refused. A supplier
  that quoted other lots but not this one is a `Quote` without a price.
- Conducted and signed together by at least `inquiry_min_officers` (2) distinct officers: only
  officers who both took part and signed the record count (``inquiry.too_few_officers``).
- A quote priced 0 or less is never compliant, whatever the officers marked (as a bid,
  ``compliance.price_not_positive``).
- The lowest compliant quote of an eligible supplier wins. Equal lowest prices are separated by
  the lottery sha256(record_hash || "|" || supplier_id), lowest hex first, where `record_hash` is
  the hash of the signed quote record (it depends on every quote, so nobody steers it alone).
- Another supplier wins only by a written override whose approver is not its proposer
  (``inquiry.self_approval``) and which is approved (``inquiry.override_not_approved``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from zhaocai.bidding.rules.common import Reason, require_unique
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.money import to_decimal
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile


@dataclass(frozen=True)
class Quote:
    """One supplier's quote for a lot; `eligible` from the supplier register, `compliant` from the
    officers (valid at opening). `price` None: the supplier quoted for other lots, not this one —
    it still counts towards the suppliers quoting (三三二) but can never win the lot."""

    supplier_id: str
    price: Decimal | None
    eligible: bool = True
    compliant: bool = True


@dataclass(frozen=True)
class Override:
    """A written, approved reason to choose a supplier other than the lowest compliant quote."""

    supplier_id: str
    reason: Reason
    proposed_by: str
    approved_by: str | None = None


@dataclass(frozen=True)
class InquiryResult:
    """The outcome: who wins, at what price, and whether an override decided it."""

    winner_supplier_id: str
    price: Decimal
    lowest_supplier_id: str
    ranked_supplier_ids: tuple[str, ...]
    """Eligible compliant quotes, lowest price first (ties by lottery)."""
    override: Override | None
    officers: tuple[str, ...]


def inquiry_lottery_key(record_hash: str, supplier_id: str) -> str:
    """Tie-break key of a quote: sha256(record_hash || "|" || supplier_id) as hex."""
    return hashlib.sha256(f"{record_hash}|{supplier_id}".encode()).hexdigest()


def signing_officers(conducted_by: Sequence[str], signed_by: Sequence[str],
                     profile: RulesProfile = DEFAULT_PROFILE) -> tuple[str, ...]:
    """The officers who both conducted and signed the inquiry; refused when fewer than
    `inquiry_min_officers` (any decision, a failure too, is taken by two people together)."""
    officers = tuple(sorted(set(conducted_by) & set(signed_by)))
    if len(officers) < profile.inquiry_min_officers:
        raise RuleViolation(
            "inquiry.too_few_officers",
            f"a price inquiry is conducted and signed by at least {profile.inquiry_min_officers} "
            f"officers together; {len(officers)} did both",
            f"询价须由至少 {profile.inquiry_min_officers} 人共同进行并签字；实际 {len(officers)} 人",
            {"officers": list(officers), "needed": profile.inquiry_min_officers})
    return officers


def too_few_quotes(eligible: int, profile: RulesProfile = DEFAULT_PROFILE) -> Reason | None:
    """Why the inquiry fails when fewer than `inquiry_min_suppliers` distinct eligible suppliers
    quoted (the tender fails, 流标), or None. The one statement of that minimum."""
    needed = profile.inquiry_min_suppliers
    if eligible >= needed:
        return None
    return Reason("inquiry.too_few_quotes",
                  f"at least {needed} quotes from distinct eligible suppliers are needed; got {eligible}",
                  f"须有至少 {needed} 家不同的合格供应商报价；实际 {eligible} 家")


def decide_inquiry(
    quotes: Sequence[Quote],
    *,
    conducted_by: Sequence[str],
    signed_by: Sequence[str],
    record_hash: str,
    override: Override | None = None,
    profile: RulesProfile = DEFAULT_PROFILE,
) -> InquiryResult:
    """Decide a price inquiry (see the module docstring for the rules and error codes)."""
    require_unique([q.supplier_id for q in quotes], what="quoting supplier")
    officers = signing_officers(conducted_by, signed_by, profile)
    eligible = [q for q in quotes if q.eligible]
    short = too_few_quotes(len(eligible), profile)
    if short is not None:
        raise RuleViolation(short.code, short.en, short.zh,
                            {"quotes": len(eligible), "needed": profile.inquiry_min_suppliers})
    prices = {q.supplier_id: to_decimal(q.price, field=f"quote of {q.supplier_id}")
              for q in eligible if q.compliant and q.price is not None}
    prices = {supplier: price for supplier, price in prices.items() if price > 0}
    if not prices:
        raise RuleViolation("inquiry.no_compliant_quote", "no eligible supplier sent a compliant quote",
                            "没有合格供应商的有效报价")
    ranked = sorted(prices, key=lambda s: (prices[s], inquiry_lottery_key(record_hash, s)))
    lowest = ranked[0]
    winner = lowest
    if override is not None:
        if override.approved_by is None:
            raise RuleViolation("inquiry.override_not_approved",
                                "choosing another supplier than the lowest needs an approved written reason",
                                "不选最低报价须有经批准的书面理由", {"supplier_id": override.supplier_id})
        if override.approved_by == override.proposed_by:
            raise PermissionDenied("inquiry.self_approval",
                                   f"{override.proposed_by} cannot approve their own override",
                                   f"{override.proposed_by} 不能批准自己提出的理由",
                                   {"person": override.proposed_by})
        if override.supplier_id not in prices:
            raise ValidationError("inquiry.override_not_compliant",
                                  f"{override.supplier_id} has no eligible compliant quote",
                                  f"{override.supplier_id} 没有合格有效的报价",
                                  {"supplier_id": override.supplier_id})
        winner = override.supplier_id
    return InquiryResult(winner, prices[winner], lowest, tuple(ranked), override, officers)


def require_override_proposal(lot_id: str, supplier_id: str, *, lots: Collection[str], reason: str,
                              quoted: bool, exists: bool) -> None:
    """A written override names a lot of the inquiry, states its reason, chooses a supplier whose
    quote was opened, and is the lot's only one (``inquiry.unknown_lot``,
    ``inquiry.override_reason``, ``inquiry.override_not_a_quote``, ``inquiry.override_exists``)."""
    if lot_id not in lots:
        raise ValidationError("inquiry.unknown_lot", f"No lot {lot_id!r}", f"不存在标段 {lot_id!r}", {})
    if not reason.strip():
        raise ValidationError("inquiry.override_reason", "The reason must be written", "须书面说明理由", {})
    if not quoted:
        raise ValidationError("inquiry.override_not_a_quote", f"{supplier_id} sent no opened quote",
                              f"{supplier_id} 没有已开启的报价", {"supplier_id": supplier_id})
    if exists:
        raise ConflictError("inquiry.override_exists", "This lot already has an override",
                            "该标段已有理由申请", {"lot_id": lot_id})
