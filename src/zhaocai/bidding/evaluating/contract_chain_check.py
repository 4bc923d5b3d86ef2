"""Awards' and contracts' deep check against the audit chain.

- **award**: each row was recorded by an award (`award.decide`) or by a supervisor's decision on
  an ineligible winner (`award.ineligible_decide`), with the same tender, lot, bid, supplier,
  rank and amount; it is voided exactly when a decision recorded voiding it;
- **contract**: each row was recorded with its award (or by a single source's conclusion) with
  the same tender, lot, award, supplier and amount; its status is the last one recorded (pending
  when created, the status a signature recorded, lapsed, void when its award was voided).

One query per table (and the one read of the links in `zhaocai.audit.deep`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from zhaocai.audit.deep import MISSING, ROW, Checker, Findings, Link, Links, Scope
from zhaocai.bidding.evaluating.tables import AwardRow, ContractRow

_AWARD = AwardRow.__table__  # type: ignore[attr-defined]
_CONTRACT = ContractRow.__table__  # type: ignore[attr-defined]
AWARD_ACTIONS = ("award.decide", "award.ineligible_decide")
PENDING, LAPSED, VOID = "pending_signature", "lapsed", "void"

Expected = dict[str, dict[str, tuple[Any, int]]]


def _yuan(fen: Any) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)).scaleb(-2)


def _awarded(link: Link, tender_id: str, facts: dict[str, Any], awards: Expected,
             contracts: Expected) -> None:
    seq = link.seq
    awards[facts["award_id"]] = {
        "tender_id": (tender_id, seq), "lot_id": (facts.get("lot_id"), seq),
        "bid_id": (facts.get("bid_id"), seq),
        "supplier_id": (facts.get("supplier_id"), seq), "rank": (facts.get("rank"), seq),
        "amount_fen": (facts.get("amount"), seq), "voided": (False, seq)}
    contracts[facts["contract_id"]] = {
        "tender_id": (tender_id, seq), "lot_id": (facts.get("lot_id"), seq),
        "award_id": (facts["award_id"], seq), "supplier_id": (facts.get("supplier_id"), seq),
        "amount_fen": (facts.get("amount"), seq), "status": (PENDING, seq)}


def _voided(link: Link, awards: Expected, contracts: Expected) -> None:
    facts = link.change
    if facts.get("voided_award") in awards:
        awards[facts["voided_award"]]["voided"] = (True, link.seq)
    for contract_id in facts.get("voided_contracts") or []:
        if contract_id in contracts:
            contracts[contract_id]["status"] = (VOID, link.seq)


def _concluded(link: Link, contracts: Expected) -> None:
    facts = link.change
    if facts.get("contract_id"):
        contracts[facts["contract_id"]] = {
            "tender_id": (link.subject_id, link.seq), "supplier_id": (facts.get("supplier_id"), link.seq),
            "amount_fen": (facts.get("amount"), link.seq), "status": (PENDING, link.seq)}


def expected_rows(links: Links) -> tuple[Expected, Expected]:
    """What the chain says the award and contract rows hold, each value with its link."""
    awards: Expected = {}
    contracts: Expected = {}
    every = links.with_action(*AWARD_ACTIONS, "contract.sign", "contract.lapse", "single_source.conclude")
    for link in every:
        facts = link.change
        if link.action == "award.decide":
            for awarded in facts.get("awards") or []:
                _awarded(link, link.subject_id, awarded, awards, contracts)
        elif link.action == "award.ineligible_decide":
            _voided(link, awards, contracts)
            if isinstance(facts.get("award"), dict):
                _awarded(link, link.subject_id, facts["award"], awards, contracts)
        elif link.action == "single_source.conclude":
            _concluded(link, contracts)
        elif facts.get("contract_id") in contracts:
            status = LAPSED if link.action == "contract.lapse" else facts.get("status")
            contracts[facts["contract_id"]]["status"] = (status, link.seq)
    return awards, contracts


def _compare(found: Findings, table: str, row: Any, expected: dict[str, tuple[Any, int]]) -> None:
    for name, (value, seq) in expected.items():
        if name == "voided":
            found.compare(table, row.id, "voided_at", "set" if row.voided_at else None,
                          "set" if value else None, seq)
        elif name == "amount_fen":
            found.compare(table, row.id, name, _yuan(row.amount_fen), value, seq)
        else:
            found.compare(table, row.id, name, getattr(row, name), value, seq)


def _check_table(conn: Connection, table: Any, name: str, expected: Expected, scope: Scope,
                 found: Findings) -> None:
    columns = [table.c.id, table.c.tender_id, table.c.lot_id, table.c.supplier_id, table.c.amount_fen]
    extra = ([table.c.award_id, table.c.status] if name == "contract"
             else [table.c.bid_id, table.c.rank, table.c.voided_at])
    query = select(*columns, *extra)
    if not scope.whole:
        query = query.where(table.c.tender_id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked(name, len(rows))
    for row in rows:
        own = expected.get(row.id)
        if own is None:
            found.disagree(name, row.id, ROW, "present", MISSING)
        else:
            _compare(found, name, row, own)
    stored = {row.id for row in rows}
    for row_id, own in expected.items():
        tender_id = own["tender_id"][0]
        if row_id not in stored and (scope.whole or tender_id == scope.tender_id):
            found.disagree(name, row_id, ROW, MISSING, "recorded", own["tender_id"][1])


def check_awards(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Every award row and every contract row against the links that recorded them."""
    awards, contracts = expected_rows(links)
    _check_table(conn, _AWARD, "award", awards, scope, found)
    _check_table(conn, _CONTRACT, "contract", contracts, scope, found)


AWARDS = Checker("contracts", {
    "tender": None, "contract": "SELECT id FROM contract WHERE tender_id = :tender_id",
    "single_source": None,
}, check_awards, ("award", "contract"))
