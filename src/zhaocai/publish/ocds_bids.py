"""The OCDS bids extension of a release (used by `ocds.py`): statistics and details of the opened
bids, their status from the opening and, once the evaluation report is public, from compliance.
"""

from __future__ import annotations

from typing import Any

from zhaocai.bidding.views import OpeningEntry
from zhaocai.money import DEFAULT_CURRENCY
from zhaocai.publish.ocds_state import ReleaseState, money, ocds_date

BID_STATUS: dict[str, str | None] = {
    "valid": "valid", "invalid": "disqualified", "not_reconfirmed": "disqualified",
    "not_compliant": "disqualified", "not_opened": None,
}
"""Opening-record status → OCDS bid status (a bid never opened has none)."""


def opening_entries(state: ReleaseState) -> list[OpeningEntry]:
    """Opening entries of the opened stages; a later stage's line replaces an earlier one."""
    by_bid: dict[str, OpeningEntry] = {}
    for record in state.openings():
        for entry in record.entries:
            by_bid[entry.bid_id] = entry
    return list(by_bid.values())


def excluded_at_evaluation(state: ReleaseState) -> set[str]:
    """Suppliers whose opened bid the published evaluation found compliant in no lot."""
    if "publicity" not in state.seen or not state.snap.results:
        return set()
    compliant: dict[str, bool] = {}
    for line in state.snap.results:
        compliant[line.supplier_id] = compliant.get(line.supplier_id, False) or line.status == "compliant"
    return {supplier for supplier, ok in compliant.items() if not ok}


def bids_section(state: ReleaseState, entries: list[OpeningEntry]) -> dict[str, Any]:
    """The bids extension: statistics and details of the opened bids."""
    records = state.openings()
    opened_at = ocds_date(records[-1].opened_at)
    # Once the evaluation report is public, a bid opened valid but found non-compliant (ineligible
    # supplier, finding, rejected abnormally low price) is disqualified too.
    excluded = excluded_at_evaluation(state)
    details, statuses = [], {}
    for entry in entries:
        bid: dict[str, Any] = {"id": entry.bid_id, "date": ocds_date(entry.received_at),
                               "tenderers": [state.party(entry.supplier_id, "tenderer")]}
        status = BID_STATUS.get(entry.status)
        if status == "valid" and entry.supplier_id in excluded:
            status = "disqualified"
        statuses[entry.bid_id] = status
        if status:
            bid["status"] = status
        if entry.total_price is not None:
            bid["value"] = money(entry.total_price)
        details.append(bid)
    valid = [e for e in entries if statuses[e.bid_id] == "valid"]
    prices = sorted(e.total_price for e in valid if e.total_price is not None)
    stats: list[dict[str, Any]] = [
        {"id": "bids", "measure": "bids", "value": len(entries), "date": opened_at},
        {"id": "validBids", "measure": "validBids", "value": len(valid), "date": opened_at},
        {"id": "bidders", "measure": "bidders", "value": len({e.supplier_id for e in entries}),
         "date": opened_at},
        {"id": "disqualifiedBidders", "measure": "disqualifiedBidders",
         "value": len({e.supplier_id for e in entries if statuses[e.bid_id] == "disqualified"}),
         "date": opened_at},
    ]
    if prices:
        stats.append({"id": "lowestValidBidValue", "measure": "lowestValidBidValue", "value": prices[0],
                      "currency": DEFAULT_CURRENCY, "date": opened_at})
        stats.append({"id": "highestValidBidValue", "measure": "highestValidBidValue", "value": prices[-1],
                      "currency": DEFAULT_CURRENCY, "date": opened_at})
    return {"statistics": stats, "details": details}
