"""Deep verification: rows changed outside a command are reported, and the commands that depend
on them refuse (`audit.state_mismatch`) and change nothing.

Each attack is written with raw SQL (Core statements over the tables, no command), as someone
with write access to the database would; deep verification must then name exactly the row and
the field, and the next command on the tender must fail closed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, select, update

from tests.kit import (
    ACTORS,
    admitted,
    application,
    build_tender,
    present,
    refused,
    supplier_actor,
)
from tests.kit.single_source import concluded
from tests.kit.single_source import supplier as ss_supplier
from zhaocai.audit import Disagreement
from zhaocai.audit.deep import Scope, run_checkers
from zhaocai.bidding.evaluating.tables import ENTRY, SCORE, CommitmentRow, ContractRow, MemberRow
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.receipts import ReceiptKind, ReceiptSigner
from zhaocai.bidding.sealing import envelope_digest, seal_bid
from zhaocai.bidding.single_source.tables import SingleSourceRow
from zhaocai.bidding.tables import BidRow, OpenedBidRow, OpeningRecordRow, TenderRow
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError
from zhaocai.people.chain_check import PEOPLE
from zhaocai.people.pledge_unit_check import PLEDGES_AND_UNITS
from zhaocai.platform import Platform
from zhaocai.store import driver
from zhaocai.suppliers.tables import SupplierRow
from zhaocai.verification import CHECKERS

LOWEST = {"method": "lowest_evaluated_price"}
BID = BidRow.__table__  # type: ignore[attr-defined]
TENDER = TenderRow.__table__  # type: ignore[attr-defined]
OPENING = OpeningRecordRow.__table__  # type: ignore[attr-defined]
OPENED = OpenedBidRow.__table__  # type: ignore[attr-defined]
MEMBER = MemberRow.__table__  # type: ignore[attr-defined]
COMMITMENT = CommitmentRow.__table__  # type: ignore[attr-defined]
SINGLE_SOURCE = SingleSourceRow.__table__  # type: ignore[attr-defined]
SUPPLIER = SupplierRow.__table__  # type: ignore[attr-defined]
CONTRACT = ContractRow.__table__  # type: ignore[attr-defined]


def tamper(platform: Platform, statement: Any) -> None:
    """Write outside any command: no audit link, no checks."""
    with platform.internal.engine.begin() as conn:
        conn.execute(statement)


def read(platform: Platform, query: Any) -> Any:
    with platform.internal.engine.connect() as conn:
        return conn.execute(query).first()


def found(platform: Platform) -> set[tuple[str, str, str]]:
    """What deep verification reports, as (table, row id, field)."""
    result = platform.audit.verify(deep=True)
    assert result.chain_ok, result.reason
    assert result.ok is not bool(result.disagreements)
    return {(d.table, d.row_id, d.field) for d in result.disagreements}


def mismatch(platform: Platform, command: Any, *args: Any) -> ConflictError:
    """The command refuses with `audit.state_mismatch` and changes nothing."""
    error: ConflictError = refused(platform, ConflictError, "audit.state_mismatch", command, *args)
    assert error.details["disagreements"], error.details
    assert "审计链" in error.message_zh and "audit chain" in error.message_en
    return error


def _bids(platform: Platform, tender_id: str) -> list[Any]:
    with platform.internal.engine.connect() as conn:
        return conn.execute(select(BID).where(BID.c.tender_id == tender_id).order_by(BID.c.received_at)).all()


# --- an untampered store --------------------------------------------------------------------------

FLOWS = {
    "contracted": ("contracted", {}),
    "two_envelopes_awarded": ("awarded", {"two_envelopes": True, "evaluation": LOWEST}),
    "two_envelopes_one_rejected": ("awarded", {"two_envelopes": True, "evaluation": LOWEST, "bidders": 5,
                                               "rejected": {4: "技术参数不满足"}}),
    "comprehensive_abnormal": ("awarded", {"abnormal": True}),
    "price_inquiry_awarded": ("awarded", {"method": "price_inquiry", "evaluation": LOWEST}),
    "failed": ("failed", {}),
    "cancelled": ("cancelled", {}),
    "amended_closed": ("closed", {"amend": "补遗：交货期调整", "clarify": "答疑：规格说明"}),
}


@pytest.mark.parametrize("flow", sorted(FLOWS))
def test_an_untampered_store_verifies_deep(platform: Platform, clock: ManualClock, flow: str) -> None:
    stage, options = FLOWS[flow]
    build_tender(platform, clock, stage, **options)
    result = platform.audit.verify(deep=True)
    assert result.ok and result.deep and result.disagreements == (), result.disagreements
    assert result.rows_checked["tender"] >= 1 and result.rows_checked["supplier"] >= 3


def test_a_winner_passed_over_for_ineligibility_verifies_deep(platform: Platform, clock: ManualClock) -> None:
    """The supervisor's decision voids an award and its contract and awards the next candidate."""
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST)
    winner = tender.award.notices[0].supplier_id
    view = platform.suppliers.suspend(ACTORS["supervisor"], winner, "质量事故")
    if view.standing_request is not None:
        platform.suppliers.approve_standing_change(ACTORS["supervisor2"], view.standing_request.id, "同意")
    platform.evaluation.decide_ineligible(ACTORS["supervisor"], tender.tender_id, {
        "lot_id": "L1", "action": "next_candidate", "reason": "中标人被暂停合作"})
    assert found(platform) == set()


def test_imported_suppliers_verify_deep_and_a_planted_one_is_found(platform: Platform) -> None:
    rows = [application(f"导入{i}", seed=900 + i) for i in range(3)]
    report = platform.suppliers.import_suppliers(ACTORS["purchasing"], rows)
    assert report.ok and found(platform) == set()
    batch, moved = report.batch_id, report.supplier_ids[1]
    # Someone moves a supplier out of the batch (or plants one in it): its ids no longer hash to
    # the digest the import recorded.
    tamper(platform, update(SUPPLIER).where(SUPPLIER.c.id == moved).values(import_batch="imp-elsewhere"))
    assert found(platform) == {("supplier", moved, "import_batch"), ("supplier", batch, "import_batch")}


def test_a_single_source_price_set_by_hand_is_found_and_its_contract_not_signed(platform: Platform,
                                                                                clock: ManualClock) -> None:
    supplier_id = ss_supplier(platform, ACTORS)
    view = concluded(platform, ACTORS, clock, supplier_id)
    assert found(platform) == set() and view.contract_id is not None
    tamper(platform, update(SINGLE_SOURCE).where(SINGLE_SOURCE.c.id == view.id).values(agreed_fen=1))
    assert found(platform) == {("single_source", view.id, "agreed_fen")}
    mismatch(platform, platform.evaluation.sign_contract, ACTORS["purchasing"], view.contract_id)


# --- the attacks ---------------------------------------------------------------------------------

def test_a_swapped_envelope_with_a_re_signed_receipt_is_found_and_not_opened(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "closed")
    victim = _bids(platform, tender.tender_id)[0]
    public_key = tender.publication.tender.public_key
    cheaper = BidPayload.model_validate({"lots": [{"lot": "L1", "price": "500000.00",
                                                   "technical": {"standard": "GB/T 1499.2"}}]})
    envelope = seal_bid(public_key, cheaper).model_dump(mode="json")
    digest = envelope_digest(envelope)
    # The strongest attacker also holds the receipt key (it was kept in the database once): the
    # receipt is re-signed, and still the row disagrees with the chain.
    signer = ReceiptSigner(platform.keys)
    receipt = signer.sign(ReceiptKind.SUBMISSION, tender_id=victim.tender_id, bid_id=victim.id,
                          supplier_id=victim.supplier_id, version=victim.version,
                          received_at=victim.received_at, envelope_hash=digest)
    tamper(platform, update(BID).where(BID.c.id == victim.id).values(
        envelope=envelope, envelope_hash=digest, receipt=receipt.model_dump(mode="json")))
    assert found(platform) == {("bid", victim.id, "envelope_hash"), ("bid", victim.id, "envelope"),
                               ("bid", victim.id, "receipt.signature")}
    present(platform, tender.publication, 1, 2)
    error = mismatch(platform, platform.tenders.open_bids, ACTORS["supervisor"], tender.tender_id)
    # One tender's check reads no envelope: the row's hash against the chain is enough, since the
    # opening hashes every envelope against its row.
    assert [(d["row_id"], d["field"]) for d in error.details["disagreements"]] == [(victim.id, "envelope_hash")]


def test_a_bid_inserted_after_the_deadline_with_an_earlier_time_is_found_and_not_opened(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "closed")
    (late,) = admitted(platform, ACTORS, 1)
    first = _bids(platform, tender.tender_id)[0]
    envelope = seal_bid(tender.publication.tender.public_key, BidPayload.model_validate(
        {"lots": [{"lot": "L1", "price": "1000000.00", "technical": {"standard": "GB/T 1499.2"}}]})
    ).model_dump(mode="json")
    tamper(platform, BID.insert().values(
        id="bid-planted0001", tender_id=tender.tender_id, supplier_id=late, version=1, status="submitted",
        envelope=envelope, envelope_hash=envelope_digest(envelope), received_at=first.received_at - timedelta(hours=1),
        confirmed_through=0, receipt=first.receipt, withdrawn_at=None))
    assert found(platform) == {("bid", "bid-planted0001", "(row)")}
    present(platform, tender.publication, 1, 2)
    mismatch(platform, platform.tenders.open_bids, ACTORS["supervisor"], tender.tender_id)


def test_a_deadline_moved_later_is_found_and_the_tender_not_opened(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "published")
    deadline = tender.publication.tender.deadline
    tamper(platform, update(TENDER).where(TENDER.c.id == tender.tender_id).values(deadline=deadline + timedelta(days=7)))
    assert found(platform) == {("tender", tender.tender_id, "deadline")}
    clock.set(deadline + timedelta(hours=1))  # no custodian can present: the row's deadline is later
    mismatch(platform, platform.tenders.open_bids, ACTORS["supervisor"], tender.tender_id)


def test_an_edited_opening_record_is_found_and_no_committee_is_drawn(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "opened")
    row = read(platform, select(OPENING.c.stage, OPENING.c.record).where(OPENING.c.tender_id == tender.tender_id))
    record = dict(row.record)
    record["entries"] = [{**e, "total_price": "1.00"} if n == 0 else e for n, e in enumerate(record["entries"])]
    tamper(platform, update(OPENING).where(OPENING.c.tender_id == tender.tender_id).values(record=record))
    assert found(platform) == {("tender_opening", f"{tender.tender_id}/{row.stage}", "record")}
    mismatch(platform, platform.evaluation.draw_committee, ACTORS["purchasing"], tender.tender_id)


def test_an_edited_score_is_found_and_the_report_not_written(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "scored")
    row = read(platform, select(SCORE).where(SCORE.c.tender_id == tender.tender_id).order_by(
        SCORE.c.member_id, SCORE.c.bid_id, SCORE.c.criterion_id))
    tamper(platform, update(SCORE).where(
        SCORE.c.tender_id == row.tender_id, SCORE.c.lot_id == row.lot_id, SCORE.c.bid_id == row.bid_id,
        SCORE.c.criterion_id == row.criterion_id, SCORE.c.member_id == row.member_id,
    ).values(points_centi=row.points_centi - 1 if row.points_centi else 1))
    assert found(platform) == {("evaluation_score", f"{row.tender_id}/{row.lot_id}/{row.member_id}", "points_centi")}
    mismatch(platform, platform.evaluation.compile_report, tender.members[0], tender.tender_id)


def test_an_opened_price_edited_is_found_and_compliance_not_checked(platform: Platform,
                                                                    clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "declared", evaluation=LOWEST)
    row = read(platform, select(OPENED).where(OPENED.c.tender_id == tender.tender_id).order_by(OPENED.c.bid_id))
    payload = {**row.payload, "lots": [{**lot, "price": "1.00"} for lot in row.payload["lots"]]}
    tamper(platform, update(OPENED).where(OPENED.c.tender_id == row.tender_id, OPENED.c.bid_id == row.bid_id)
           .values(payload=payload, total_fen=100))
    key = f"{row.tender_id}/{row.bid_id}"
    assert found(platform) == {("opened_bid", key, "payload"), ("opened_bid", key, "total_fen")}
    mismatch(platform, platform.evaluation.check_compliance, tender.members[0], tender.tender_id)


def test_an_outsider_seated_on_the_committee_is_found_and_no_step_proceeds(platform: Platform,
                                                                           clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "declared", evaluation=LOWEST)
    tamper(platform, MEMBER.insert().values(tender_id=tender.tender_id, member_id="e-outsider", name="外人",
                                            kind="expert", position=99, active=True, declared_at=clock.now(),
                                            statement="无"))
    assert found(platform) == {("evaluation_member", f"{tender.tender_id}/e-outsider", "(row)")}
    mismatch(platform, platform.evaluation.check_compliance, tender.members[0], tender.tender_id)


def test_an_entry_price_edited_is_found_and_not_awarded(platform: Platform, clock: ManualClock) -> None:
    """The award's amount is the entry's price: an edited price must not become a contract."""
    tender = build_tender(platform, clock, "publicised", evaluation=LOWEST)
    clock.set(tender.report.publicity_ends)
    lot = tender.report.lots[0]
    winner = lot.candidates[0]
    tamper(platform, update(ENTRY).where(ENTRY.c.tender_id == tender.tender_id, ENTRY.c.bid_id == winner)
           .values(price_fen=999_999_999))
    assert found(platform) == {("evaluation_entry", f"{tender.tender_id}/L1/{winner}", "price_fen")}
    mismatch(platform, platform.evaluation.award, ACTORS["purchasing"], tender.tender_id)


def test_a_commitment_rewritten_is_found_and_the_report_not_written(platform: Platform,
                                                                     clock: ManualClock) -> None:
    """The reveal is checked against the stored commitment: a rewritten one would let a member
    reveal other points."""
    tender = build_tender(platform, clock, "scored")
    row = read(platform, select(COMMITMENT).where(COMMITMENT.c.tender_id == tender.tender_id).order_by(
        COMMITMENT.c.member_id))
    tamper(platform, update(COMMITMENT).where(
        COMMITMENT.c.tender_id == row.tender_id, COMMITMENT.c.lot_id == row.lot_id,
        COMMITMENT.c.member_id == row.member_id).values(digest="0" * 64))
    assert found(platform) == {("evaluation_commitment", f"{row.tender_id}/{row.lot_id}/{row.member_id}", "digest")}
    mismatch(platform, platform.evaluation.compile_report, tender.members[0], tender.tender_id)


def test_a_blacklisted_bidder_set_active_again_is_found_and_not_awarded(platform: Platform,
                                                                         clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "publicised", evaluation=LOWEST)
    clock.set(tender.report.publicity_ends)
    lot = tender.report.lots[0]
    first = next(e.supplier_id for e in lot.entries if e.bid_id == lot.candidates[0])
    request = platform.suppliers.propose_blacklist(ACTORS["purchasing"], first, "串标", evidence=["举报材料"],
                                                   ban_days=365)
    platform.suppliers.approve_blacklist(ACTORS["supervisor"], request.id)
    assert platform.suppliers.get(ACTORS["auditor"], first).standing == "blacklisted"
    tamper(platform, update(SUPPLIER).where(SUPPLIER.c.id == first).values(standing="active", ban_until=None))
    assert found(platform) == {("supplier", first, "standing"), ("supplier", first, "ban_until")}
    mismatch(platform, platform.evaluation.award, ACTORS["purchasing"], tender.tender_id)


def test_a_contract_amount_set_by_hand_is_found_and_not_signed(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST)
    contract_id = tender.award.notices[0].contract_id
    tamper(platform, update(CONTRACT).where(CONTRACT.c.id == contract_id).values(amount_fen=1))
    assert found(platform) == {("contract", contract_id, "amount_fen")}
    mismatch(platform, platform.evaluation.sign_contract, ACTORS["purchasing"], contract_id)


def test_a_tender_state_set_by_hand_is_found_and_not_opened(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "closed")
    tamper(platform, update(TENDER).where(TENDER.c.id == tender.tender_id).values(state="closed"))
    assert found(platform) == {("tender", tender.tender_id, "state")}
    present(platform, tender.publication, 1, 2)
    mismatch(platform, platform.tenders.open_bids, ACTORS["supervisor"], tender.tender_id)


def test_a_withdrawn_bid_set_back_to_submitted_is_found(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "draft")
    tender.to("published")
    user = supplier_actor(tender.suppliers[0])
    platform.tenders.submit_bid(user, tender.tender_id, tender.bid(0, ["L1"]))
    platform.tenders.withdraw_bid(user, tender.tender_id)
    bid_id = _bids(platform, tender.tender_id)[0].id
    assert found(platform) == set()
    tamper(platform, update(BID).where(BID.c.id == bid_id).values(status="submitted", withdrawn_at=None))
    assert found(platform) == {("bid", bid_id, "status"), ("bid", bid_id, "withdrawn_at")}


def test_a_deleted_bid_is_found(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "closed")
    victim = _bids(platform, tender.tender_id)[1]
    tamper(platform, BID.delete().where(BID.c.id == victim.id))
    assert found(platform) == {("bid", victim.id, "(row)")}


# --- the report and its command line -----------------------------------------------------------------

def test_the_result_is_typed_and_json_ready(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST)
    contract_id = tender.award.notices[0].contract_id
    tamper(platform, update(CONTRACT).where(CONTRACT.c.id == contract_id).values(status="signed"))
    result = platform.audit.verify(deep=True)
    assert not result.ok and result.chain_ok and result.deep
    (problem,) = result.disagreements
    assert problem == Disagreement("contract", contract_id, "status", "signed", "pending_signature", problem.seq)
    assert problem.seq is not None and result.to_dict()["disagreements"][0]["row"] == "signed"
    plain = platform.audit.verify()
    assert plain.ok and not plain.deep and plain.disagreements == ()


def test_the_scoped_check_reads_a_fixed_number_of_statements(platform: Platform, clock: ManualClock,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed costs the same few statements for 3 bids as for 6: one per table, none per row."""
    counts = []
    real_fetchall = driver.fetchall
    for bidders in (3, 6):
        tender = build_tender(platform, clock, "awarded", bidders=bidders, evaluation=LOWEST)
        seen: list[int] = []

        def count(*_: Any, seen: list[int] = seen) -> None:
            seen.append(1)

        # The largest reads run straight on the driver (`store.driver`): counted as they are made.
        def fetchall(*args: Any, seen: list[int] = seen) -> list[tuple[Any, ...]]:
            seen.append(1)
            return real_fetchall(*args)

        monkeypatch.setattr(driver, "fetchall", fetchall)
        with platform.internal.engine.connect() as conn:
            event.listen(conn, "before_cursor_execute", count)
            result = run_checkers(conn, CHECKERS, Scope(tender.tender_id))
        monkeypatch.undo()
        assert result.disagreements == [] and result.rows_checked["bid"] == bidders
        counts.append(len(seen))
    # The links twice (the main chain's, then the tender's bid chain), each table once, and the
    # opening records again for the two checks that judge rows by their lines (the people
    # register's and the pledges' and units' checks cover the whole store only: a person is
    # checked as they act).
    tables = sum(len(c.tables) for c in CHECKERS if c not in (PEOPLE, PLEDGES_AND_UNITS))
    assert counts[0] == counts[1] == 2 + tables + 2, counts
