"""Evaluation's deep check: score sheets, the report and its candidates against the audit chain.

- **evaluation_score**: each member's points for a lot hash (sha256 of the canonical JSON of
  bid → criterion → hundredths, as `scoring._seal` commits) to the digest its
  `evaluation.score_sheet` link recorded; a sheet recorded with no points stored is missing;
- **evaluation_sheet**: its digest is the one recorded;
- **evaluation**: the report digest is the one the report (or the price inquiry's decision)
  recorded;
- **evaluation_lot**: the candidates, in rank order, are those the report publicised;
- **evaluation_commitment**: each member's commitment to a lot's sheet (what the reveal is checked
  against) has the digest and the state (committed, revealed, unrevealed) last recorded;
- **evaluation_member**: the seats (who may score) are those the draw recorded, less the members
  who withdrew and plus their replacements;
- **evaluation_entry**: each entry's supplier and price are those of the bid's line in the
  opening record (which `bidding/chain_check.py` checks against the chain).

If sheets come to be recorded differently (a commitment first, the points revealed later), the
sheet check follows the link that carries the points' digest.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnClause, Connection, bindparam, literal_column, select

from zhaocai.audit.deep import MISSING, ROW, Checker, Findings, Link, Links, Scope
from zhaocai.bidding.chain_check import opening_lines
from zhaocai.bidding.evaluating.tables import (
    ENTRY,
    SCORE,
    CommitmentRow,
    EvaluationRow,
    LotRow,
    MemberRow,
    SheetRow,
)
from zhaocai.store import driver
from zhaocai.store.types import canonical_json

_SHEET = SheetRow.__table__  # type: ignore[attr-defined]
_EVALUATION = EvaluationRow.__table__  # type: ignore[attr-defined]
_LOT = LotRow.__table__  # type: ignore[attr-defined]
_MEMBER = MemberRow.__table__  # type: ignore[attr-defined]
_COMMITMENT = CommitmentRow.__table__  # type: ignore[attr-defined]
SHEET_ACTION = "evaluation.score_sheet"
REPORT_ACTIONS = ("evaluation.report", "inquiry.decide")


def _tenders(links: Links, scope: Scope) -> dict[str, list[Link]]:
    if scope.whole:
        return links.subjects("tender")
    assert scope.tender_id is not None
    return {scope.tender_id: links.of("tender", scope.tender_id)}


def _recorded_sheets(tenders: dict[str, list[Link]]) -> dict[str, tuple[str, int]]:
    recorded = {}
    for tender_id, own in tenders.items():
        for link in own:
            if link.action == SHEET_ACTION:
                key = f"{tender_id}/{link.change.get('lot_id')}/{link.change.get('member_id')}"
                recorded[key] = (str(link.change.get("digest")), link.seq)
    return recorded


def _scoped(query: Any, column: Any, scope: Scope) -> Any:
    return query if scope.whole else query.where(column == scope.tender_id)


_SLASH: ColumnClause[str] = literal_column("'/'")
# A sheet's key as the checks name it (tender/lot/member), made by the database: four cells a point.
_SCORE_ROWS = select(SCORE.c.tender_id + _SLASH + SCORE.c.lot_id + _SLASH + SCORE.c.member_id,
                     SCORE.c.bid_id, SCORE.c.criterion_id, SCORE.c.points_centi)
_TENDER_SCORE_ROWS = _SCORE_ROWS.where(SCORE.c.tender_id == bindparam("s_tender"))


def _stored_sheets(conn: Connection, scope: Scope) -> tuple[dict[str, dict[str, dict[str, int]]], int]:
    """Sheet key (tender/lot/member) → bid → criterion → hundredths as stored, and how many points."""
    # Hundreds of thousands of text and integer cells: the driver's own rows (`store.driver`), one
    # dict per sheet and bid built with plain lookups.
    rows = (driver.fetchall(conn, _SCORE_ROWS, {}) if scope.whole
            else driver.fetchall(conn, _TENDER_SCORE_ROWS, {"s_tender": scope.tender_id}))
    sheets: dict[str, dict[str, dict[str, int]]] = {}
    for key, bid_id, criterion_id, value in rows:
        sheet = sheets.get(key)
        if sheet is None:
            sheet = sheets[key] = {}
        of_bid = sheet.get(bid_id)
        if of_bid is None:
            of_bid = sheet[bid_id] = {}
        of_bid[criterion_id] = value
    return sheets, len(rows)


def check_scores(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Every member's stored points, and every sheet row, against the sheet digests recorded."""
    recorded = _recorded_sheets(_tenders(links, scope))
    points, count = _stored_sheets(conn, scope)
    found.checked("evaluation_score", count)
    for key, sheet in points.items():
        digest = hashlib.sha256(canonical_json(sheet).encode("utf-8")).hexdigest()
        chain = recorded.get(key)
        if chain is None:
            found.disagree("evaluation_score", key, ROW, "present", MISSING)
        else:
            found.compare("evaluation_score", key, "points_centi", digest, chain[0], chain[1])
    query = select(_SHEET.c.tender_id, _SHEET.c.lot_id, _SHEET.c.member_id, _SHEET.c.digest)
    sheets = conn.execute(_scoped(query, _SHEET.c.tender_id, scope)).all()
    found.checked("evaluation_sheet", len(sheets))
    stored = set()
    for tender_id, lot_id, member_id, digest in sheets:
        key = f"{tender_id}/{lot_id}/{member_id}"
        stored.add(key)
        chain = recorded.get(key)
        if chain is None:
            found.disagree("evaluation_sheet", key, ROW, "present", MISSING)
        else:
            found.compare("evaluation_sheet", key, "digest", digest, chain[0], chain[1])
    for key, (_, seq) in recorded.items():
        if key not in stored:
            found.disagree("evaluation_sheet", key, ROW, MISSING, SHEET_ACTION, seq)
        if key not in points:
            found.disagree("evaluation_score", key, ROW, MISSING, SHEET_ACTION, seq)


def _report(own: list[Link]) -> Link | None:
    found = None
    for link in own:
        if link.action in REPORT_ACTIONS and ("report_digest" in link.change or "lots" in link.change):
            found = link
    return found


def _candidates(report: Link) -> dict[str, list[str]] | None:
    """Each lot's candidates in rank order, as the report recorded them (None: not recorded)."""
    facts = report.change
    if "candidates" in facts:
        return {lot: [c["bid_id"] for c in sorted(entries, key=lambda c: c.get("rank") or 0)]
                for lot, entries in facts["candidates"].items()}
    lots = facts.get("lots") or []
    if lots and all("candidates" in lot for lot in lots):
        return {lot["lot_id"]: list(lot["candidates"]) for lot in lots}
    return None


def check_reports(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """The report digest and each lot's candidates against the report's link."""
    tenders = _tenders(links, scope)
    rows = conn.execute(_scoped(select(_EVALUATION.c.tender_id, _EVALUATION.c.report_digest),
                                _EVALUATION.c.tender_id, scope)).all()
    found.checked("evaluation", len(rows))
    reports = {tender_id: _report(own) for tender_id, own in tenders.items()}
    for tender_id, digest in rows:
        report = reports.get(tender_id)
        if report is None:
            if digest is not None:
                found.disagree("evaluation", tender_id, "report_digest", digest, MISSING)
            continue
        recorded = report.change.get("report_digest", report.change.get("record_hash"))
        found.compare("evaluation", tender_id, "report_digest", digest, recorded, report.seq)
    lots = conn.execute(_scoped(select(_LOT.c.tender_id, _LOT.c.lot_id, _LOT.c.candidates),
                                _LOT.c.tender_id, scope)).all()
    found.checked("evaluation_lot", len(lots))
    for tender_id, lot_id, candidates in lots:
        report = reports.get(tender_id)
        recorded = None if report is None else _candidates(report)
        if recorded is None or report is None:
            continue
        found.compare("evaluation_lot", f"{tender_id}/{lot_id}", "candidates", list(candidates or []),
                      recorded.get(lot_id, []), report.seq)


def _yuan(fen: Any) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)).scaleb(-2)


def check_entries(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each evaluation entry's supplier and price (what ranking and the award amount use) against
    the bid's line in the opening record."""
    rows = conn.execute(_scoped(select(ENTRY.c.tender_id, ENTRY.c.lot_id, ENTRY.c.bid_id, ENTRY.c.supplier_id,
                                       ENTRY.c.price_fen), ENTRY.c.tender_id, scope)).all()
    found.checked("evaluation_entry", len(rows))
    lines, untrusted = opening_lines(conn, links, scope) if rows else ({}, set())
    for tender_id, lot_id, bid_id, supplier_id, price_fen in rows:
        key, line = f"{tender_id}/{lot_id}/{bid_id}", lines.get((tender_id, bid_id))
        if tender_id in untrusted:
            continue
        if line is None:
            found.disagree("evaluation_entry", key, ROW, "present", MISSING)
            continue
        found.compare("evaluation_entry", key, "supplier_id", supplier_id, line.get("supplier_id"))
        # Only a bid opened valid carries its price into evaluation (`compliance._bid_result`).
        prices = (line.get("lot_prices") or {}) if line.get("status") == "valid" else {}
        if prices or price_fen is not None:
            found.compare("evaluation_entry", key, "price_fen", _yuan(price_fen), prices.get(lot_id))


def _seats(own: list[Link]) -> dict[str, tuple[bool, int]]:
    """Who sits on the committee by the chain: drawn, then withdrawn and replaced."""
    seats: dict[str, tuple[bool, int]] = {}
    for link in own:
        if link.action == "committee.draw" and "members" in link.change:
            seats = {str(m): (True, link.seq) for m in link.change["members"]}
        elif link.action == "committee.withdraw":
            seats[str(link.change.get("member_id"))] = (False, link.seq)
            if link.change.get("replacement_id"):
                seats[str(link.change["replacement_id"])] = (True, link.seq)
    return seats


def check_committee(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each committee seat (who may score) against the draw and the withdrawals recorded."""
    rows = conn.execute(_scoped(select(_MEMBER.c.tender_id, _MEMBER.c.member_id, _MEMBER.c.active),
                                _MEMBER.c.tender_id, scope)).all()
    found.checked("evaluation_member", len(rows))
    tenders = _tenders(links, scope)
    seats = {tender_id: _seats(own) for tender_id, own in tenders.items()}
    stored = set()
    for tender_id, member_id, active in rows:
        key = f"{tender_id}/{member_id}"
        stored.add(key)
        seat = seats.get(tender_id, {}).get(member_id)
        if seat is None:
            found.disagree("evaluation_member", key, ROW, "present", MISSING)
        else:
            found.compare("evaluation_member", key, "active", bool(active), seat[0], seat[1])
    for tender_id, own in seats.items():
        for member_id, (_, seq) in own.items():
            if f"{tender_id}/{member_id}" not in stored:
                found.disagree("evaluation_member", f"{tender_id}/{member_id}", ROW, MISSING,
                               "committee.draw", seq)


_COMMIT_STATES = {"evaluation.score_commit": "committed", "evaluation.score_sheet": "revealed",
                  "evaluation.score_unrevealed": "unrevealed"}


def check_commitments(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each member's commitment to a lot's sheet (what a reveal is checked against): the digest
    committed and the state (committed, revealed, unrevealed) as last recorded."""
    recorded: dict[str, dict[str, tuple[Any, int]]] = {}
    for tender_id, own in _tenders(links, scope).items():
        for link in own:
            state = _COMMIT_STATES.get(link.action)
            if state is None:
                continue
            key = f"{tender_id}/{link.change.get('lot_id')}/{link.change.get('member_id')}"
            facts = recorded.setdefault(key, {})
            facts["state"] = (state, link.seq)
            if link.action == "evaluation.score_commit" or "digest" not in facts:
                facts["digest"] = (link.change.get("commitment"), link.seq)
    rows = conn.execute(_scoped(select(_COMMITMENT.c.tender_id, _COMMITMENT.c.lot_id, _COMMITMENT.c.member_id,
                                       _COMMITMENT.c.digest, _COMMITMENT.c.state),
                                _COMMITMENT.c.tender_id, scope)).all()
    found.checked("evaluation_commitment", len(rows))
    stored = set()
    for tender_id, lot_id, member_id, digest, state in rows:
        key = f"{tender_id}/{lot_id}/{member_id}"
        stored.add(key)
        seen = recorded.get(key)
        if seen is None:
            found.disagree("evaluation_commitment", key, ROW, "present", MISSING)
            continue
        found.compare("evaluation_commitment", key, "digest", digest, *seen["digest"])
        found.compare("evaluation_commitment", key, "state", state, *seen["state"])
    for key, facts in recorded.items():
        if key not in stored:
            found.disagree("evaluation_commitment", key, ROW, MISSING, "evaluation.score_commit",
                           facts["state"][1])


SCORES = Checker("scores", {"tender": None}, check_scores, ("evaluation_score", "evaluation_sheet"))
REPORTS = Checker("reports", {"tender": None}, check_reports, ("evaluation", "evaluation_lot"))
COMMITMENTS = Checker("commitments", {"tender": None}, check_commitments, ("evaluation_commitment",))
COMMITTEE = Checker("committee", {"tender": None}, check_committee, ("evaluation_member",))
ENTRIES = Checker("entries", {"tender": None}, check_entries, ("evaluation_entry",))
