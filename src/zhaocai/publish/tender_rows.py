"""The public rows one tender gives: its notice, lots and items, amendments, openings,
candidates, results, committee, awards, contracts and their performance.

Built from a `TenderSnapshot`, which holds public facts only; `zhaocai.publish.public_db` gathers
the rows of every tender with the blacklist and the red flags. Amounts are written three ways
(decimal text, integer fen, and as a notice shows them), moments as OCDS dates.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.categories import Category
from zhaocai.money import Money, amount_in_words
from zhaocai.publish.ocds import METHODS, ocds_date
from zhaocai.publish.ocds_rules import deviation_rows
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import TenderSnapshot

STATE_ZH = {"published": "招标中", "closed": "已截标", "opened": "已开标", "evaluating": "评标中",
            "publicising": "候选人公示", "awarded": "已定标", "contracted": "已签约", "failed": "流标",
            "cancelled": "已终止"}

def _money(amount: Decimal | None) -> tuple[str | None, int | None]:
    if amount is None:
        return None, None
    return f"{amount:.2f}", Money.of(amount).fen


def money_text(amount: Decimal | None) -> str | None:
    """An amount as people read it on a notice: ¥1,900,000.00."""
    return None if amount is None else f"¥{Money.of(amount).amount:,.2f}"


def moment_text(moment: datetime | None) -> str | None:
    """A moment as an OCDS date (None stays None)."""
    return None if moment is None else ocds_date(moment)

def _name(snap: TenderSnapshot, supplier_id: str) -> str:
    org = snap.suppliers.get(supplier_id)
    return org.name if org else supplier_id

def tender_rows(snap: TenderSnapshot, settings: PublishSettings) -> dict[str, list[dict[str, Any]]]:
    """Every public row one tender gives, per table."""
    lots, items = _lot_rows(snap)
    records, entries = _opening_rows(snap)
    contracts, performance = _contract_rows(snap)
    return {
        "tenders": [_tender_row(snap, settings)], "lots": lots, "items": items,
        "amendments": _amendment_rows(snap), "opening_records": records, "opening_entries": entries,
        "candidates": _candidate_rows(snap), "evaluation_results": _result_rows(snap),
        "committee": [{"tender_id": snap.id, "seat": n, "name": m.name, "role": m.role}
                      for n, m in enumerate(snap.committee, start=1)],
        "awards": _award_rows(snap), "contracts": contracts, "contract_performance": performance,
        "deviations": deviation_rows(snap),
    }


def _tender_row(snap: TenderSnapshot, settings: PublishSettings) -> dict[str, Any]:
    ceiling, ceiling_fen = _money(snap.ceiling)
    security, security_fen = _money(snap.bid_security)
    weights = snap.evaluation.weights
    last = snap.openings[-1] if snap.openings else None
    return {
        "id": snap.id, "ocid": settings.ocid(snap.id), "title": snap.title, "buyer": snap.buyer,
        "category": snap.category, "category_zh": Category(snap.category).label_zh,
        "method": snap.method, "method_zh": TenderMethod(snap.method).label_zh,
        "ocds_method": METHODS[snap.method][0], "state": snap.state,
        "state_zh": STATE_ZH.get(snap.state, snap.state), "year": int(ocds_date(snap.published_at)[:4]),
        "ceiling_price": ceiling, "ceiling_price_fen": ceiling_fen,
        "ceiling_price_text": money_text(snap.ceiling),
        "bid_security": security, "bid_security_fen": security_fen,
        "published_at": moment_text(snap.published_at), "deadline": moment_text(snap.deadline),
        "original_deadline": moment_text(snap.original_deadline), "two_envelopes": int(snap.two_envelopes),
        "evaluation_method": snap.evaluation.method.value, "price_weight": str(weights.price),
        "technical_weight": str(weights.technical), "commercial_weight": str(weights.commercial),
        "outcome_reason": snap.outcome_reason, "retender_of": snap.retender_of,
        "opened_at": moment_text(snap.openings[0].opened_at) if snap.openings else None,
        "valid_bids": last.valid_bids if last else None, "statutory": int(snap.statutory),
        "policy_version": snap.policy_version, "deviation_id": (snap.deviation or {}).get("id"),
    }


def _lot_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    lots = [{"tender_id": snap.id, "lot_id": lot.id, "title": lot.title} for lot in snap.lots]
    items = [{"tender_id": snap.id, "lot_id": lot.id, "item_no": n, "name": item.name,
              "quantity": str(item.quantity), "unit": item.unit, "specification": item.specification}
             for lot in snap.lots for n, item in enumerate(lot.items, start=1)]
    return lots, items


def _amendment_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    return [{"tender_id": snap.id, "seq": a.seq, "kind": a.kind, "text": a.text,
             "issued_at": moment_text(a.issued_at), "deadline_before": moment_text(a.deadline_before),
             "deadline_after": moment_text(a.deadline_after)} for a in snap.amendments]


def _opening_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    records: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for record in snap.openings:
        records.append({
            "tender_id": snap.id, "stage": record.stage, "opened_at": moment_text(record.opened_at),
            "bids": len(record.entries), "valid_bids": record.valid_bids, "outcome": record.outcome.value,
            "failure_reason": record.failure_reason, "digest": record.digest})
        for e in record.entries:
            price, fen = _money(e.total_price)
            entries.append({
                "tender_id": snap.id, "stage": record.stage, "bid_id": e.bid_id, "supplier_id": e.supplier_id,
                "supplier_name": e.supplier_name or _name(snap, e.supplier_id), "version": e.version,
                "received_at": moment_text(e.received_at), "envelope_hash": e.envelope_hash,
                "status": e.status,
                "reason": e.reason, "total_price": price, "total_price_fen": fen,
                "total_price_text": money_text(e.total_price)})
    return records, entries


def _candidate_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    publicity = snap.publicity
    if not publicity:
        return []
    rows = []
    for c in publicity.candidates:
        price, fen = _money(c.price)
        rows.append({
            "tender_id": snap.id, "lot_id": c.lot, "rank": c.rank, "supplier_id": c.supplier_id,
            "supplier_name": _name(snap, c.supplier_id), "price": price, "price_fen": fen,
            "price_text": money_text(c.price), "total_score": None if c.score is None else str(c.score),
            "publicity_starts": moment_text(publicity.starts_at),
            "publicity_ends": moment_text(publicity.ends_at)})
    return rows


def _result_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    rows = []
    for r in snap.results:
        price, fen = _money(r.evaluated_price)
        rows.append({
            "tender_id": snap.id, "lot_id": r.lot, "supplier_id": r.supplier_id,
            "supplier_name": _name(snap, r.supplier_id), "status": r.status, "reason": r.reason,
            "evaluated_price": price, "evaluated_price_fen": fen,
            "total_score": None if r.total is None else str(r.total), "rank": r.rank})
    return rows


def _award_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    rows = []
    for award in snap.awards:
        amount, fen = _money(award.amount)
        rows.append({
            "id": award.id, "tender_id": snap.id, "lot_id": award.lot, "supplier_id": award.supplier_id,
            "supplier_name": _name(snap, award.supplier_id), "amount": amount, "amount_fen": fen,
            "amount_text": money_text(award.amount), "amount_in_words": amount_in_words(award.amount),
            "awarded_at": moment_text(award.decided_at), "status": award.status})
    return rows


def _contract_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    contracts: list[dict[str, Any]] = []
    performance: list[dict[str, Any]] = []
    for contract in snap.contracts:
        amount, fen = _money(contract.amount)
        contracts.append({
            "id": contract.id, "tender_id": snap.id, "award_id": contract.award_id,
            "supplier_id": contract.supplier_id, "supplier_name": _name(snap, contract.supplier_id),
            "amount": amount, "amount_fen": fen, "amount_text": money_text(contract.amount),
            "signed_at": moment_text(contract.signed_at), "status": contract.status})
        performance.extend({"contract_id": contract.id, "event_id": event.id, "kind": event.kind,
                            "severity": event.severity, "occurred_at": moment_text(event.occurred_at)}
                           for event in contract.performance)
    return contracts, performance
