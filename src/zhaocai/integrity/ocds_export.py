"""The red flags' facts as OCDS compiled releases: the inverse of `ocds_import` for what OCDS holds.

Used to hand facts to other tools (Cardinal reads these lines) and to check the import: a tender
written out and read back gives the same flags for every code OCDS can carry (tests). Not
written: amendments, bid securities, publicity periods and the Reg 40 traces of bids, which
have no place in OCDS's structure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from zhaocai.integrity.facts import OCDS_METHODS, AwardFacts, BidFacts, TenderFacts
from zhaocai.money import DEFAULT_CURRENCY

LOCAL_DETAILS = {"invited": "邀请招标", "inquiry": "询价"}
"""procurementMethodDetails that tell zhaocai's methods apart within OCDS's (as zhaocai publishes)."""
TENDER_STATUS = {"draft": "planning", "published": "active", "closed": "active", "failed": "unsuccessful",
                 "cancelled": "cancelled", "awarded": "complete", "contracted": "complete"}


def _value(amount: Decimal, currency: str | None) -> dict[str, Any]:
    return {"amount": amount, "currency": currency or DEFAULT_CURRENCY}


def _award(a: AwardFacts) -> dict[str, Any]:
    award: dict[str, Any] = {"id": a.id, "suppliers": [{"id": s} for s in a.supplier_ids]}
    if a.status not in ("unknown", "other"):
        award["status"] = a.status
    if a.amount is not None:
        award["value"] = _value(a.amount, a.currency)
    if a.classifications:
        award["items"] = [{"id": str(n), "classification": {"id": c}}
                          for n, c in enumerate(a.classifications, start=1)]
    return award


def release_of(t: TenderFacts) -> dict[str, Any]:
    """One tender as an OCDS compiled release (amounts exact Decimals: write with exactjson)."""
    release: dict[str, Any] = {"ocid": t.id, "tender": _tender(t)}
    if t.buyer:
        release["buyer"] = {"id": t.buyer}
    details = [_bid(b) for b in t.bids]
    if details:
        release["bids"] = {"details": details}
    awards = [_award(a) for a in t.award_list()]
    if awards:
        release["awards"] = awards
    return release


def _tender(t: TenderFacts) -> dict[str, Any]:
    """The release's `tender` object: only what the facts know."""
    tender: dict[str, Any] = {"id": t.id, "status": TENDER_STATUS.get(t.status, "active")}
    if t.title:
        tender["title"] = t.title
    method = OCDS_METHODS[t.method]
    if method is not None:
        tender["procurementMethod"] = method
    details = t.procurement_method_details or LOCAL_DETAILS.get(t.method)
    if details:
        tender["procurementMethodDetails"] = details
    if t.category:
        tender["mainProcurementCategory"] = t.category
    if t.estimate is not None:
        tender["value"] = _value(t.estimate, None)
    period = {k: v.isoformat() for k, v in (("startDate", t.published_at), ("endDate", t.deadline)) if v}
    if period:
        tender["tenderPeriod"] = period
    if t.number_of_tenderers is not None:
        tender["numberOfTenderers"] = t.number_of_tenderers
    if t.procuring_entity:
        tender["procuringEntity"] = {"id": t.procuring_entity}
    if t.classifications:
        tender["items"] = [{"id": str(n), "classification": {"id": c}}
                           for n, c in enumerate(t.classifications, start=1)]
    if t.region:  # where the work is delivered: the first item's delivery address
        tender.setdefault("items", [{"id": "1"}])[0]["deliveryAddress"] = {"region": t.region}
    return tender


def _bid(b: BidFacts) -> dict[str, Any]:
    bid: dict[str, Any] = {"id": b.id, "tenderers": [{"id": s} for s in b.tenderers]}
    if b.status != "unknown":
        bid["status"] = b.status
    if b.price is not None:
        bid["value"] = _value(b.price, b.currency)
    if b.received_at is not None:
        bid["date"] = b.received_at.isoformat()
    return bid
