"""Pure rules of a bid: what its clear content must meet, and who may bid by the register's verdict.

Plain values in, coded errors out: no database, no clock. The tender machine's validators and
the submission handler name them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from zhaocai.bidding.payload import BidPayload
from zhaocai.categories import Category
from zhaocai.errors import RuleViolation
from zhaocai.suppliers.models import Eligibility

INELIGIBLE = "bid.supplier_ineligible"


def check_payload(lot_ids: Sequence[str], ceiling: Decimal, payload: BidPayload) -> None:
    """A clear bid prices every lot of the tender and only those, within the ceiling (Reg 51)."""
    expected, got = sorted(lot_ids), sorted(lot.lot for lot in payload.lots)
    if got != expected:
        raise RuleViolation("bid.lots_mismatch", "A bid prices every lot of the tender, and only those",
                            "投标须对本项目全部标段报价，且仅限这些标段", {"expected": expected, "got": got})
    if payload.total > ceiling:
        raise RuleViolation("bid.above_ceiling",
                            "The bid total is above the published ceiling price (Reg 51)",
                            "投标总价高于公布的最高投标限价（实施条例第五十一条）",
                            {"ceiling_price": str(ceiling)})


def require_eligible(verdict: Eligibility, supplier_id: str, category: Category, amount: Decimal,
                     code: str = INELIGIBLE) -> None:
    """Refuse, with every reason the register gives, a supplier it finds ineligible."""
    if verdict.eligible:
        return
    listing_en = "; ".join(r.message_en for r in verdict.reasons)
    listing_zh = "；".join(r.message_zh for r in verdict.reasons)
    raise RuleViolation(
        code,
        f"Supplier {supplier_id} may not take part in this tender now: {listing_en}",
        f"供应商 {supplier_id} 目前不具备参与本项目的资格：{listing_zh}",
        {"supplier_id": supplier_id, "category": category.value, "amount": str(amount),
         "reasons": [r.model_dump(mode="json") for r in verdict.reasons]},
    )
