"""Example tests of the evaluation service: failing tenders, conflicts declared, lowest price,
price inquiry, removals, tick jobs and what bidders may see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.kit import CUSTODIANS, LOTS, add_pool, admitted, build_tender, seated, snapshot, supplier_actor
from zhaocai.actors import Actor
from zhaocai.bidding.machine import TenderState
from zhaocai.clock import ManualClock
from zhaocai.money import amount_in_words
from zhaocai.platform import Platform

LOWEST = {"method": "lowest_evaluated_price"}


def test_too_few_compliant_bids_fail_the_tender(platform: Platform, actors: dict[str, Actor],
                                                clock: ManualClock) -> None:
    state = build_tender(platform, clock, "declared", evaluation=LOWEST)
    tid = state["tender_id"]
    ev = platform.evaluation
    ev.record_finding(state["members"][0], tid, _bid_of(platform, actors, tid, state["suppliers"][0]),
                      en="no mill certificate", zh="未提供质保书")
    ev.record_finding(state["members"][1], tid, _bid_of(platform, actors, tid, state["suppliers"][1]),
                      en="delivery period too long", zh="工期不满足")
    view = ev.check_compliance(state["members"][0], tid)
    assert view.state == TenderState.FAILED.value
    assert view.lots[0].status == "failed" and view.lots[0].compliant == 2
    assert platform.tenders.get(actors["purchasing"], tid).state is TenderState.FAILED


def _bid_of(platform: Platform, actors: dict[str, Actor], tid: str, supplier_id: str) -> str:
    return next(b.bid_id for b in platform.tenders.opened_bids(actors["purchasing"], tid)
                if b.supplier_id == supplier_id)


def test_rejecting_an_abnormal_bid_can_fail_a_lot(platform: Platform, actors: dict[str, Actor],
                                                  clock: ManualClock) -> None:
    state = build_tender(platform, clock, "declared", abnormal=True, evaluation=LOWEST)
    tid, ev = state["tender_id"], platform.evaluation
    ev.record_finding(state["members"][0], tid, _bid_of(platform, actors, tid, state["suppliers"][0]),
                      en="unsigned", zh="未签字盖章")
    view = ev.check_compliance(state["members"][0], tid)
    flagged = [e for e in view.lots[0].entries if e.abnormal]
    assert len(flagged) == 1 and view.lots[0].compliant == 3
    entry = ev.decide_abnormal(state["members"][1], tid, {
        "lot_id": "L1", "bid_id": flagged[0].bid_id, "decision": "rejected_below_cost",
        "explanation": "说明不充分"})
    assert not entry.compliant and "abnormal.rejected_below_cost" in [r.code for r in entry.reasons]
    assert platform.tenders.get(actors["purchasing"], tid).state is TenderState.FAILED


def test_declared_conflict_brings_the_next_expert(platform: Platform, actors: dict[str, Actor],
                                                  clock: ManualClock) -> None:
    state = build_tender(platform, clock, "drawn")
    tid, ev = state["tender_id"], platform.evaluation
    leaving = state["members"][0]
    before = {m.id for m in state["members"]}
    declaration = ev.declare(leaving, tid, no_conflict=False, statement="我的表弟在投标人处任职")
    assert declaration.replacement_id is not None and declaration.replacement_id not in before
    now = {m.id for m in seated(platform, actors, tid)}
    assert now == (before - {leaving.id}) | {declaration.replacement_id}
    assert ev.rerun_draw(tid).matches
    codes = [r.code for r in ev.committee(actors["purchasing"], tid).recusals]
    assert "recusal.declared_conflict" in codes


def test_lowest_evaluated_price_with_adjustment_and_removal(platform: Platform, actors: dict[str, Actor],
                                                             clock: ManualClock) -> None:
    state = build_tender(platform, clock, "checked", evaluation=LOWEST)
    tid, ev = state["tender_id"], platform.evaluation
    cheapest = _bid_of(platform, actors, tid, state["suppliers"][2])  # 1 480 000
    ev.record_adjustment(state["members"][0], tid, {"lot_id": "L1", "bid_id": cheapest,
                                                    "amount": "30000.00", "reason": "missing item 缺项"})
    report = ev.compile_report(state["members"][0], tid)
    lot = report.lots[0]
    order = [e.bid_id for e in lot.entries if e.rank]
    assert order[0] == _bid_of(platform, actors, tid, state["suppliers"][0])  # 1 500 000 < 1 510 000
    assert next(e for e in lot.entries if e.bid_id == cheapest).evaluated_price == 1_510_000
    removal = ev.propose_removal(actors["purchasing"], tid, "L1", order[0], code="award.gave_up",
                                 en="the bidder gave up", zh="第一中标候选人放弃中标")
    ev.approve_removal(actors["supervisor"], removal.id)
    assert report.publicity_ends is not None
    clock.set(report.publicity_ends)
    awarded = ev.award(actors["purchasing"], tid)
    notice = awarded.notices[0]
    assert notice.supplier_id != state["suppliers"][0]
    assert notice.amount == ev.contract(notice.contract_id).amount
    assert notice.amount_in_words == amount_in_words(notice.amount)


def _inquiry_opened(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> tuple[list[str], Any]:
    """Three admitted suppliers quote 9 800, 9 500 and 9 900 in an opened price inquiry."""
    suppliers = admitted(platform, actors, 3)
    pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=[("9800.00", ""), ("9500.00", ""), ("9900.00", "")],
                        lots=LOTS[:1], method="price_inquiry", invitees=suppliers, officers=["p-wang", "p-li"],
                        deadline=clock.now() + timedelta(days=5), evaluation=LOWEST, custodians=CUSTODIANS).pub
    return suppliers, pub


def test_price_inquiry_three_three_two(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    suppliers, pub = _inquiry_opened(platform, actors, clock)
    tid, ev = pub.tender.id, platform.evaluation
    ev.sign_inquiry(actors["purchasing"], tid)
    ev.sign_inquiry(actors["purchasing2"], tid)
    decision = ev.decide_inquiry(actors["purchasing2"], tid)
    assert decision.state == TenderState.PUBLICISING.value
    assert decision.lots[0]["winner"] == suppliers[1] and decision.lots[0]["price"] == "9500.00"
    assert sorted(decision.officers) == ["p-li", "p-wang"]
    report = ev.report(supplier_actor(suppliers[0]), tid)
    assert report.publicity_ends is not None
    clock.set(report.publicity_ends)
    awarded = ev.award(actors["purchasing"], tid)
    assert awarded.notices[0].supplier_id == suppliers[1]
    assert str(awarded.notices[0].amount) == "9500.00"


def test_price_inquiry_override_needs_another_approver(platform: Platform, actors: dict[str, Actor],
                                                       clock: ManualClock) -> None:
    suppliers, pub = _inquiry_opened(platform, actors, clock)
    tid, ev = pub.tender.id, platform.evaluation
    ev.sign_inquiry(actors["purchasing"], tid)
    ev.sign_inquiry(actors["purchasing2"], tid)
    override = ev.propose_inquiry_override(actors["purchasing"], tid, "L1", supplier_id=suppliers[0], reason="两日内到货，工期紧")
    ev.approve_inquiry_override(actors["supervisor"], override.id)
    decision = ev.decide_inquiry(actors["purchasing2"], tid)
    assert decision.lots[0]["winner"] == suppliers[0] and decision.lots[0]["lowest"] == suppliers[1]


def test_ticks_end_publicity_and_lapse_contracts(platform: Platform, actors: dict[str, Actor],
                                                 clock: ManualClock) -> None:
    state = build_tender(platform, clock, "publicised", evaluation=LOWEST)
    assert platform.tick().changes["evaluation.publicity"] == 0
    clock.set(state["report"].publicity_ends)
    assert platform.tick().changes["evaluation.publicity"] == 1
    assert platform.tick().changes["evaluation.publicity"] == 0
    awarded = platform.evaluation.award(actors["purchasing"], state["tender_id"])
    clock.set(awarded.notices[0].sign_by)
    assert platform.tick().changes["evaluation.contracts"] == 1
    assert platform.evaluation.contract(awarded.notices[0].contract_id).status == "lapsed"


def test_bidders_see_no_member_names_or_outlier_members(platform: Platform, actors: dict[str, Actor],
                                                        clock: ManualClock) -> None:
    state = build_tender(platform, clock, "publicised")
    bidder = supplier_actor(state["suppliers"][0])
    report = platform.evaluation.report(bidder, state["tender_id"])
    assert report.committee is not None
    assert all(m.member_id is None and m.name is None for m in report.committee.members)
    assert all("member_id" not in o for lot in report.lots for o in lot.outliers)
    staff = platform.evaluation.report(actors["auditor"], state["tender_id"])
    assert staff.committee is not None and all(m.name for m in staff.committee.members)


def test_pool_keeps_only_hashes(platform: Platform, actors: dict[str, Actor], db_url: str) -> None:
    add_pool(platform, actors, 1)
    dump = repr(snapshot(db_url))
    assert "3307821970" not in dump
