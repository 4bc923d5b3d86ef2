"""Score sheets sealed by commitment (commit, then reveal), lot by lot.

1. **Commit.** Each sitting member sends only a commitment to their sheet: the sha256 of the
   canonical sheet, of the tender, lot and member, and of a random nonce the member keeps
   (`zhaocai.commit_sheet`, `rules/commitments.py`). The store keeps the digest
   (`evaluation_commitment`) and the audit chain records it (`evaluation.score_commit`); the
   outbox says only how many are in. No points exist anywhere, in any table, yet.
2. **Reveal.** Once every sitting member has committed (the tender machine's `reveal_sheet`, whose
   validator `require_all_committed` counts them), each member reveals the sheet and the nonce.
   The sheet is checked against the lot (exactly its compliant bids, every criterion, 0..max, at
   most two decimals) and must hash to the member's own commitment (`scoring.reveal_mismatch`);
   only then are the points written, and the audit chain records the sheet's digest with the
   commitment it matched (`evaluation.score_sheet`).
3. **Never revealed.** A supervisor records, with a reason, that a committed member did not reveal
   (`evaluation.score_unrevealed`); that member's sheet does not count and the report lists it.
   The report needs every sheet revealed or so recorded, and more than half revealed.

Every read of points refuses `scoring.sealed` until every sitting member's sheet of the lot is
revealed or recorded as unrevealed — the member's own sheet included.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, insert, select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.bidding.evaluating.common import (
    SUBJECT,
    active_members,
    conflict,
    fire_step,
    lot_row,
    method_of,
    require_member,
    scheme_of,
)
from zhaocai.bidding.evaluating.machines import LotMachine, SheetMachine, SheetState
from zhaocai.bidding.evaluating.tables import ENTRY, SCORE, CommitmentRow, SheetRow
from zhaocai.bidding.evaluating.views import (
    CommitmentReceipt,
    CommitmentView,
    ScoreSheetView,
    ScoringForm,
    SheetReceipt,
)
from zhaocai.bidding.lifecycle import frozen_rules, load_tender
from zhaocai.bidding.rules.commitments import require_matches, sheet_digest
from zhaocai.bidding.rules.sheets import sheet_points
from zhaocai.bidding.rules.stages import require_abnormal_decided
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import NotFoundError, PermissionDenied
from zhaocai.machines import fire
from zhaocai.store import UnitOfWork, driver

# The hot reads (tens of thousands of rows of text and integers) are Core statements whose rows
# come straight from the driver (`store.driver.fetchall`).
_ENTRY_STATE = select(ENTRY.c.bid_id, ENTRY.c.compliant, ENTRY.c.abnormal.is_not(None),
                      ENTRY.c.abnormal_decision).where(ENTRY.c.tender_id == bindparam("e_tender"),
                                                       ENTRY.c.lot_id == bindparam("e_lot"))
_SCORE_COLUMNS = ("tender_id", "lot_id", "bid_id", "criterion_id", "member_id", "points_centi")
_INSERT_SCORES = insert(SCORE)


def commitments(session: Session, tender_id: str, lot_id: str) -> dict[str, CommitmentRow]:
    """Member id → the member's commitment to the lot's sheet."""
    return {c.member_id: c for c in session.exec(sm_select(CommitmentRow).where(
        col(CommitmentRow.tender_id) == tender_id, col(CommitmentRow.lot_id) == lot_id)).all()}


def sealed_until_all(session: Session, tender_id: str, lot_id: str) -> list[str]:
    """The members whose revealed sheets count, once every sitting member's sheet is revealed or
    recorded as unrevealed; else `scoring.sealed`."""
    members = [m.member_id for m in active_members(session, tender_id)]
    states = {m: c.state for m, c in commitments(session, tender_id, lot_id).items()}
    waiting = [m for m in members if states.get(m) not in (SheetState.REVEALED, SheetState.UNREVEALED)]
    if waiting or not members:
        raise PermissionDenied("scoring.sealed",
                               f"Scores stay sealed until every member's sheet is revealed: {len(waiting)} "
                               "sheet(s) outstanding",
                               f"全部评委揭示评分前评分保持密封：尚有 {len(waiting)} 份未揭示",
                               {"tender_id": tender_id, "lot_id": lot_id, "outstanding": len(waiting)})
    return [m for m in members if states[m] == SheetState.REVEALED]


def _scored_bids(session: Session, tender_id: str, lot_id: str) -> list[str]:
    """The lot's compliant bids a sheet scores, once every abnormally low bid is decided."""
    entries = driver.fetchall(session.connection(), _ENTRY_STATE, {"e_tender": tender_id, "e_lot": lot_id})
    require_abnormal_decided(None, [bid for bid, _, flagged, decision in entries
                                    if flagged and decision is None])
    return sorted(bid for bid, compliant, _, _ in entries if compliant)


def _store_points(uow: UnitOfWork, tender_id: str, lot_id: str, member_id: str,
                  points: dict[str, dict[str, int]]) -> str:
    """Write a revealed sheet's points and its sheet row; the sheet's digest."""
    # Tens of thousands of text and integer values: the Core insert goes straight to the driver.
    driver.executemany_values(uow.connection, _INSERT_SCORES, _SCORE_COLUMNS, [
        (tender_id, lot_id, bid, cid, member_id, value)
        for bid, row in points.items() for cid, value in row.items()])
    digest = sheet_digest(points)
    uow.session.add(SheetRow(tender_id=tender_id, lot_id=lot_id, member_id=member_id,
                             submitted_at=uow.now, digest=digest, bids=len(points)))
    return digest


def _open_lot(uow: UnitOfWork, tender: TenderRow, lot_id: str, event: str, **context: Any) -> list[str]:
    """The tender machine's scoring step `event` and the lot's: the lot's scored bids."""
    fire_step(uow, tender, event, method=method_of(frozen_rules(tender)[1]), lot_id=lot_id, **context)
    fire(LotMachine, lot_row(uow.session, tender.id, lot_id), "score", subject_id=lot_id)
    return _scored_bids(uow.session, tender.id, lot_id)


def commit(uow: UnitOfWork, tender_id: str, lot_id: str, digest: str) -> CommitmentReceipt:
    """A member commits to their sheet of a lot (once): only the digest is kept."""
    tender = load_tender(uow, tender_id)
    member = require_member(uow.session, tender.id, uow.actor)
    bids = _open_lot(uow, tender, lot_id, "commit_sheet")
    if uow.session.get(CommitmentRow, (tender.id, lot_id, member.member_id)) is not None:
        raise conflict("scoring.already_committed", "This member has already committed to a sheet for the "
                       "lot; commitments are final", "该评委已提交本标段评分承诺，不可更改", lot_id=lot_id)
    uow.session.add(CommitmentRow(tender_id=tender.id, lot_id=lot_id, member_id=member.member_id,
                                  digest=digest, state=SheetState.COMMITTED.value, committed_at=uow.now))
    uow.session.flush()
    committed = len(commitments(uow.session, tender.id, lot_id))
    size = len(active_members(uow.session, tender.id))
    uow.record("evaluation.score_commit", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": lot_id, "member_id": member.member_id,
                "commitment": digest, "bids": len(bids)},
               event="ScoreSheetCommitted",
               payload={"tender_id": tender.id, "lot_id": lot_id, "committed": committed, "of": size})
    return CommitmentReceipt(tender_id=tender.id, lot_id=lot_id, member_id=member.member_id,
                             commitment=digest, committed=committed, committee_size=size)


def _uncommitted(session: Session, tender_id: str, lot_id: str) -> int:
    """How many sitting members have not committed to the lot's sheet."""
    done = commitments(session, tender_id, lot_id)
    return sum(1 for m in active_members(session, tender_id) if m.member_id not in done)


def _commitment(session: Session, tender_id: str, lot_id: str, member_id: str) -> CommitmentRow:
    row = session.get(CommitmentRow, (tender_id, lot_id, member_id))
    if row is None:
        raise NotFoundError("scoring.not_committed", f"{member_id} has no commitment for lot {lot_id}",
                            f"{member_id} 在标段 {lot_id} 无评分承诺",
                            {"lot_id": lot_id, "member_id": member_id})
    return row


def reveal(uow: UnitOfWork, tender_id: str, lot_id: str, scores: Mapping[str, Mapping[str, Any]],
           nonce: str) -> SheetReceipt:
    """A member reveals their committed sheet with its nonce: checked against the lot and the
    commitment, then stored and counted."""
    tender = load_tender(uow, tender_id)
    member = require_member(uow.session, tender.id, uow.actor)
    bids = _open_lot(uow, tender, lot_id, "reveal_sheet",
                     uncommitted=_uncommitted(uow.session, tender.id, lot_id))
    row = _commitment(uow.session, tender.id, lot_id, member.member_id)
    fire(SheetMachine, row, "reveal", subject_id=member.member_id)
    points = sheet_points(scores, bids, scheme_of(frozen_rules(tender)[1]))
    require_matches(row.digest, tender.id, lot_id, member.member_id, points, nonce)
    digest = _store_points(uow, tender.id, lot_id, member.member_id, points)
    row.nonce, row.closed_at = nonce, uow.now
    uow.session.add(row)
    uow.session.flush()
    revealed = submitted_counts(uow.session, tender.id).get(lot_id, 0)
    size = len(active_members(uow.session, tender.id))
    uow.record("evaluation.score_sheet", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": lot_id, "member_id": member.member_id,
                "digest": digest, "commitment": row.digest, "bids": len(bids)},
               event="ScoreSheetRevealed",
               payload={"tender_id": tender.id, "lot_id": lot_id, "revealed": revealed, "of": size})
    return SheetReceipt(tender_id=tender.id, lot_id=lot_id, member_id=member.member_id, digest=digest,
                        commitment=row.digest, submitted=revealed, committee_size=size)


def record_unrevealed(uow: UnitOfWork, tender_id: str, lot_id: str, member_id: str,
                      reason: str) -> CommitmentView:
    """A supervisor records that a committed member never revealed their sheet of a lot: the
    sheet does not count, and the report lists it with the reason."""
    tender = load_tender(uow, tender_id)
    _open_lot(uow, tender, lot_id, "record_unrevealed",
              uncommitted=_uncommitted(uow.session, tender.id, lot_id))
    row = _commitment(uow.session, tender.id, lot_id, member_id)
    fire(SheetMachine, row, "record_unrevealed", subject_id=member_id)
    row.closed_at, row.recorded_by, row.reason = uow.now, uow.actor.id, reason
    uow.session.add(row)
    uow.session.flush()
    uow.record("evaluation.score_unrevealed", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": lot_id, "member_id": member_id, "commitment": row.digest,
                "reason": reason},
               event="ScoreSheetUnrevealed", payload={"tender_id": tender.id, "lot_id": lot_id})
    return commitment_view(row)


def commitment_view(row: CommitmentRow) -> CommitmentView:
    """The view of a commitment row."""
    return CommitmentView(tender_id=row.tender_id, lot_id=row.lot_id, member_id=row.member_id,
                          commitment=row.digest, state=row.state, committed_at=row.committed_at,
                          closed_at=row.closed_at, recorded_by=row.recorded_by, reason=row.reason)


def scoring_form(session: Session, tender: TenderRow, lot_id: str, actor: Actor) -> ScoringForm:
    """What a sheet of the lot scores, for members and staff (no points: the bids and criteria)."""
    if not is_buyer_staff(actor):
        require_member(session, tender.id, actor)
    lot_row(session, tender.id, lot_id)
    scheme = scheme_of(frozen_rules(tender)[1])
    return ScoringForm(tender_id=tender.id, lot_id=lot_id, bids=_scored_bids(session, tender.id, lot_id),
                       criteria={c.criterion_id: c.max_points for c in scheme.criteria})


def sheets(session: Session, tender: TenderRow, lot_id: str, actor: Actor) -> list[ScoreSheetView]:
    """Every revealed sheet of a lot, for members and staff, only once all are revealed (or
    recorded as never revealed)."""
    if not is_buyer_staff(actor):
        require_member(session, tender.id, actor)
    members = sealed_until_all(session, tender.id, lot_id)
    digests = {s.member_id: s.digest for s in session.exec(sm_select(SheetRow).where(
        col(SheetRow.tender_id) == tender.id, col(SheetRow.lot_id) == lot_id)).all()}
    points: dict[str, dict[str, dict[str, Decimal]]] = {m: {} for m in members}
    for row in session.execute(select(SCORE.c.member_id, SCORE.c.bid_id, SCORE.c.criterion_id,
                                      SCORE.c.points_centi).where(
            SCORE.c.tender_id == tender.id, SCORE.c.lot_id == lot_id)):
        points.setdefault(row[0], {}).setdefault(row[1], {})[row[2]] = Decimal(int(row[3])).scaleb(-2)
    return [ScoreSheetView(member_id=m, lot_id=lot_id, digest=digests[m], scores=points.get(m, {}))
            for m in members]


def _counts(session: Session, table: Any, tender_id: str, *where: Any) -> dict[str, int]:
    rows: Sequence[Any] = session.execute(
        select(table.lot_id, func.count()).where(
            col(table.tender_id) == tender_id, *where).group_by(table.lot_id)).all()
    return {r[0]: int(r[1]) for r in rows}


def submitted_counts(session: Session, tender_id: str) -> dict[str, int]:
    """Lot id → sheets revealed (what anyone may know while scores are sealed)."""
    return _counts(session, SheetRow, tender_id)


def committed_counts(session: Session, tender_id: str) -> dict[str, int]:
    """Lot id → commitments made (revealed or not)."""
    return _counts(session, CommitmentRow, tender_id)


def unrevealed_counts(session: Session, tender_id: str) -> dict[str, int]:
    """Lot id → sheets a supervisor recorded as never revealed."""
    return _counts(session, CommitmentRow, tender_id, col(CommitmentRow.state) == SheetState.UNREVEALED.value)

