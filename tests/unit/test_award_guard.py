"""Eligibility holds to the contract, and Reg 34 (related bidders) at compliance: the refusals
with their codes (the store unchanged) and the supervisor's and committee's decisions after them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.kit import (
    CUSTODIANS,
    ONE_LOT,
    add_pool,
    admitted,
    build_tender,
    declare_all,
    qualifications_for,
    refused,
    register_admitted_supplier,
    seated,
    shared_identity_number,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.bidding.machine import TenderState
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.platform import Platform

LOWEST = {"method": "lowest_evaluated_price"}
PRICES = [("1500000.00", ""), ("1520000.00", ""), ("1480000.00", ""), ("1530000.00", ""), ("1510000.00", "")]


def _publicised(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> dict[str, Any]:
    """A one-lot tender of four bids, reported; publicity over; candidates 1480000, 1500000, 1520000."""
    state = build_tender(platform, clock, "publicised", evaluation=LOWEST)
    clock.set(state["report"].publicity_ends)
    lot = state["report"].lots[0]
    by_bid = {e.bid_id: e.supplier_id for e in lot.entries}
    state["ranked"] = [by_bid[b] for b in lot.candidates]
    return state


def _suspend(platform: Platform, actors: dict[str, Actor], supplier_id: str,
             reason: str = "质量事故，暂停合作") -> None:
    """A bidder in flight is suspended only with a second supervisor's approval."""
    view = platform.suppliers.suspend(actors["supervisor"], supplier_id, reason)
    if view.standing_request is not None:
        platform.suppliers.approve_standing_change(actors["supervisor2"], view.standing_request.id,
                                                   "核实属实，同意暂停")


# --- the award ---------------------------------------------------------------------------------

def test_award_to_a_winner_suspended_during_publicity_is_refused(platform: Platform, actors: dict[str, Actor],
                                                                  clock: ManualClock) -> None:
    state = _publicised(platform, actors, clock)
    _suspend(platform, actors, state["ranked"][0])
    err = refused(platform, RuleViolation, "award.winner_ineligible", platform.evaluation.award,
                  actors["purchasing"], state["tender_id"])
    (lot,) = err.details["lots"]
    assert lot["supplier_id"] == state["ranked"][0] and lot["lot_id"] == "L1"
    assert [r["code"] for r in lot["reasons"]] == ["eligibility.suspended"]
    assert "暂停" in err.message_zh and "Reg 55" in err.message_en


def test_first_candidate_blacklisted_during_publicity_is_neither_awarded_nor_signed(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    """The adversary's case: cleared out (two approvers, one a supervisor) while publicised."""
    state = _publicised(platform, actors, clock)
    tid, first = state["tender_id"], state["ranked"][0]
    svc = platform.suppliers
    request = svc.propose_blacklist(actors["purchasing"], first, "串标", evidence=["举报材料"], ban_days=365)
    svc.approve_blacklist(actors["supervisor"], request.id)
    err = refused(platform, RuleViolation, "award.winner_ineligible", platform.evaluation.award,
                  actors["purchasing"], tid)
    assert [r["code"] for r in err.details["lots"][0]["reasons"]] == ["eligibility.blacklisted"]
    assert platform.evaluation.notices(tid).notices == [] and platform.evaluation.contracts(tid) == []


def test_a_qualification_expired_since_the_report_refuses_the_award(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    # The lowest bidder's quality certificate ends after the compliance check, before the award.
    quals = [dict(q, valid_until=clock.now() + timedelta(days=23)) if q["type"] == "quality_management_certificate"
             else q for q in qualifications_for([Category.MATERIALS], seed=883)]
    short = register_admitted_supplier(platform, actors, name="证书将到期有限公司", seed=883, qualifications=quals)
    suppliers = [*admitted(platform, actors, 2), short, *admitted(platform, actors, 2)]
    tid, members, view = _checked(platform, actors, clock, suppliers)
    assert view.lots[0].compliant == 5
    report = platform.evaluation.compile_report(members[0], tid)
    assert report.lots[0].entries[0].supplier_id == short
    clock.set(report.publicity_ends)
    err = refused(platform, RuleViolation, "award.winner_ineligible", platform.evaluation.award,
                  actors["purchasing"], tid)
    assert {r["code"] for r in err.details["lots"][0]["reasons"]} == {"eligibility.qualification_expired"}


def test_supervisor_moves_to_the_next_candidate_then_the_award_goes_to_it(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    state = _publicised(platform, actors, clock)
    tid, (first, second, _) = state["tender_id"], state["ranked"]
    _suspend(platform, actors, first)
    ev = platform.evaluation
    decision = {"lot_id": "L1", "action": "next_candidate", "reason": "第一名被暂停合作"}
    refused(platform, PermissionDenied, "permission.role", ev.decide_ineligible, actors["purchasing"], tid, decision)
    refused(platform, ValidationError, "validation.input", ev.decide_ineligible, actors["supervisor"], tid,
            {**decision, "action": "anything"})
    ev.decide_ineligible(actors["supervisor"], tid, decision)
    # Done once: the winner now is the second candidate, still eligible, so nothing is left to decide.
    refused(platform, RuleViolation, "award.winner_eligible", ev.decide_ineligible, actors["supervisor"], tid,
            decision)
    award = ev.award(actors["purchasing"], tid)
    (notice,) = award.notices
    assert notice.supplier_id == second and award.state == TenderState.AWARDED.value


def test_the_next_candidate_must_itself_be_eligible(platform: Platform, actors: dict[str, Actor],
                                                    clock: ManualClock) -> None:
    state = _publicised(platform, actors, clock)
    tid, (first, second, third) = state["tender_id"], state["ranked"]
    _suspend(platform, actors, first)
    _suspend(platform, actors, second)
    ev = platform.evaluation
    ev.decide_ineligible(actors["supervisor"], tid, {"lot_id": "L1", "action": "next_candidate", "reason": "暂停"})
    err = refused(platform, RuleViolation, "award.winner_ineligible", ev.award, actors["purchasing"], tid)
    assert err.details["lots"][0]["supplier_id"] == second
    ev.decide_ineligible(actors["supervisor"], tid, {"lot_id": "L1", "action": "next_candidate", "reason": "暂停"})
    assert ev.award(actors["purchasing"], tid).notices[0].supplier_id == third


def test_supervisor_sends_the_tender_to_re_tender(platform: Platform, actors: dict[str, Actor],
                                                 clock: ManualClock) -> None:
    state = _publicised(platform, actors, clock)
    tid = state["tender_id"]
    _suspend(platform, actors, state["ranked"][0])
    refused(platform, RuleViolation, "award.winner_ineligible", platform.evaluation.award, actors["purchasing"], tid)
    view = platform.evaluation.decide_ineligible(actors["supervisor"], tid, {
        "lot_id": "L1", "action": "retender", "reason": "第一名被暂停，重新招标"})
    assert view.state == TenderState.FAILED.value and view.notices == []
    tender = platform.tenders.get(actors["purchasing"], tid)
    assert tender.state is TenderState.FAILED
    draft = platform.tenders.retender(actors["purchasing"], tid, clock.now() + timedelta(days=30))
    assert draft.retender_of == tid


# --- the contract ------------------------------------------------------------------------------

def _awarded(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> dict[str, Any]:
    state = _publicised(platform, actors, clock)
    state["award"] = platform.evaluation.award(actors["purchasing"], state["tender_id"])
    state["contract"] = platform.evaluation.contracts(state["tender_id"])[0]
    return state


def test_signatures_refused_once_the_winner_is_blacklisted_or_suspended(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    state = _awarded(platform, actors, clock)
    winner, contract = state["ranked"][0], state["contract"]
    ev = platform.evaluation
    ev.sign_contract(supplier_actor(winner), contract.id)  # still eligible: the supplier signs
    _suspend(platform, actors, winner)
    err = refused(platform, RuleViolation, "contract.supplier_ineligible", ev.sign_contract,
                  actors["purchasing"], contract.id)
    assert err.details["supplier_id"] == winner
    assert [r["code"] for r in err.details["reasons"]] == ["eligibility.suspended"]


def test_after_the_award_the_supervisor_gives_the_contract_to_the_next_candidate(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    state = _awarded(platform, actors, clock)
    tid, (first, second, _) = state["tender_id"], state["ranked"]
    old = state["contract"]
    _suspend(platform, actors, first)
    ev = platform.evaluation
    refused(platform, RuleViolation, "contract.supplier_ineligible", ev.sign_contract, supplier_actor(first), old.id)
    view = ev.decide_ineligible(actors["supervisor"], tid, {"lot_id": "L1", "action": "next_candidate",
                                                            "reason": "中标人被暂停"})
    (notice,) = view.notices
    assert notice.supplier_id == second and notice.contract_id != old.id
    assert ev.contract(old.id).status == "void"
    refused(platform, InvalidTransition, "contract.transition", ev.sign_contract, actors["purchasing"], old.id)
    ev.sign_contract(supplier_actor(second), notice.contract_id)
    done = ev.sign_contract(actors["purchasing"], notice.contract_id)
    assert done.status == "signed" and done.tender_state == TenderState.CONTRACTED.value
    assert ev.notices(tid).notices[0].supplier_id == second


def test_after_the_award_a_re_tender_fails_the_tender(platform: Platform, actors: dict[str, Actor],
                                                     clock: ManualClock) -> None:
    state = _awarded(platform, actors, clock)
    tid = state["tender_id"]
    ev = platform.evaluation
    refused(platform, RuleViolation, "award.winner_eligible", ev.decide_ineligible, actors["supervisor"], tid,
            {"lot_id": "L1", "action": "retender", "reason": "x"})
    _suspend(platform, actors, state["ranked"][0], "拒绝签约")
    view = ev.decide_ineligible(actors["supervisor"], tid, {"lot_id": "L1", "action": "retender",
                                                            "reason": "重新招标"})
    assert view.state == TenderState.FAILED.value
    assert ev.contract(state["contract"].id).status == "void"


def test_price_inquiry_contract_refused_to_a_suspended_winner(platform: Platform, actors: dict[str, Actor],
                                                             clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 3)
    pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=[("300000.00", ""), ("290000.00", ""), ("310000.00", "")],
                        lots=ONE_LOT, method="price_inquiry", invitees=suppliers, officers=["p-wang", "p-li"],
                        deadline=clock.now() + timedelta(days=5), evaluation=LOWEST, custodians=CUSTODIANS).pub
    tid, ev = pub.tender.id, platform.evaluation
    ev.sign_inquiry(actors["purchasing"], tid)
    ev.sign_inquiry(actors["purchasing2"], tid)
    decided = ev.decide_inquiry(actors["purchasing"], tid)
    clock.set(ev.report(actors["purchasing"], tid).publicity_ends)
    contract = ev.contracts(ev.award(actors["purchasing"], tid).tender_id)[0]
    assert contract.supplier_id == decided.lots[0]["winner"] == suppliers[1]
    _suspend(platform, actors, suppliers[1])
    refused(platform, RuleViolation, "contract.supplier_ineligible", ev.sign_contract, supplier_actor(suppliers[1]),
            contract.id)


# --- Reg 34 ------------------------------------------------------------------------------------

def _bidders(platform: Platform, actors: dict[str, Actor], **shared: Any) -> list[str]:
    """Five admitted suppliers; the first two share `shared` (application fields)."""
    ids = admitted(platform, actors, 3)
    for n in (1, 2):
        ids.insert(0, register_admitted_supplier(platform, actors, name=f"关联投标{n}号有限公司", **shared))
    return ids


def _checked(platform: Platform, actors: dict[str, Actor], clock: ManualClock,
             suppliers: list[str]) -> tuple[str, list[Actor], Any]:
    add_pool(platform, actors, 6)
    pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=PRICES[: len(suppliers)], lots=ONE_LOT,
                        evaluation=LOWEST).pub
    tid = pub.tender.id
    platform.evaluation.draw_committee(actors["purchasing"], tid)
    members = seated(platform, actors, tid)
    declare_all(platform, members, tid)
    return tid, members, platform.evaluation.check_compliance(members[0], tid)


def test_same_legal_representative_voids_both_bids_with_the_evidence(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    suppliers = _bidders(platform, actors, legal_representative="楼建国",
                         legal_representative_id=shared_identity_number(880))
    tid, members, view = _checked(platform, actors, clock, suppliers)
    (lot,) = view.lots
    void = {e.supplier_id for e in lot.entries if not e.compliant}
    assert void == set(suppliers[:2]) and lot.compliant == 3
    for e in lot.entries:
        if e.supplier_id in void:
            assert [r.code for r in e.reasons] == ["compliance.related_bidders"]
            assert "实施条例第三十四条" in e.reasons[0].zh
    (pair,) = view.related
    assert pair.kind == "void_by_rule" and pair.void is True and pair.lots == ["L1"]
    assert {pair.supplier_a, pair.supplier_b} == set(suppliers[:2])
    assert [f.kind for f in pair.facts] == ["legal_representative"]
    report = platform.evaluation.compile_report(members[0], tid)  # no question pending
    assert set(suppliers[:2]).isdisjoint({e.supplier_id for e in report.lots[0].entries if e.rank})


def test_a_controlling_owner_voids_both_bids(platform: Platform, actors: dict[str, Actor],
                                            clock: ManualClock) -> None:
    owner = {"role": "owner", "name": "陈控股", "identity_number": shared_identity_number(881)}
    suppliers = _bidders(platform, actors, persons=[owner])
    _, _, view = _checked(platform, actors, clock, suppliers)
    (pair,) = view.related
    assert [f.kind for f in pair.facts] == ["control"] and pair.void is True
    assert view.lots[0].compliant == 3


def test_shared_phone_is_a_question_the_committee_must_determine(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    contacts = [{"name": "联系人", "phone": "１３９ ０５７９ ８８８８", "email": "Sales@Example.cn"}]
    suppliers = _bidders(platform, actors, contacts=contacts)
    tid, members, view = _checked(platform, actors, clock, suppliers)
    (pair,) = view.related
    assert pair.kind == "question" and pair.void is None and [f.kind for f in pair.facts] == ["email", "phone"]
    assert view.lots[0].compliant == 5
    ev = platform.evaluation
    err = refused(platform, RuleViolation, "related.determination_pending", ev.compile_report, members[0], tid)
    assert err.details["pairs"] == [sorted(suppliers[:2])]
    refused(platform, NotFoundError, "related.not_a_question", ev.determine_related, members[0], tid,
            {"supplier_a": suppliers[0], "supplier_b": suppliers[2], "void": True, "reason": "共用电话"})
    refused(platform, PermissionDenied, "evaluation.not_a_member", ev.determine_related, actors["quality"], tid,
            {"supplier_a": suppliers[0], "supplier_b": suppliers[1], "void": True, "reason": "共用电话"})
    done = ev.determine_related(members[1], tid, {"supplier_a": suppliers[1], "supplier_b": suppliers[0],
                                                  "void": True, "reason": "同一联系人代为投标"})
    assert done.related[0].void is True and done.related[0].decided_by == members[1].id
    assert done.lots[0].compliant == 3
    codes = {e.supplier_id: [r.code for r in e.reasons] for e in done.lots[0].entries}
    assert codes[suppliers[0]] == codes[suppliers[1]] == ["compliance.related_bidders_determined"]
    refused(platform, ConflictError, "related.already_determined", ev.determine_related, members[0], tid,
            {"supplier_a": suppliers[0], "supplier_b": suppliers[1], "void": False, "reason": "复议"})
    ev.compile_report(members[0], tid)


def test_a_question_determined_not_void_keeps_both_bids(platform: Platform, actors: dict[str, Actor],
                                                       clock: ManualClock) -> None:
    suppliers = _bidders(platform, actors, address="浙江省义乌市稠城街道 工业路 1 号")
    tid, members, view = _checked(platform, actors, clock, suppliers)
    assert [f.kind for f in view.related[0].facts] == ["address"]
    done = platform.evaluation.determine_related(members[0], tid, {
        "supplier_a": suppliers[0], "supplier_b": suppliers[1], "void": False, "reason": "同一园区，不同楼栋"})
    assert done.lots[0].compliant == 5 and done.related[0].void is False
    platform.evaluation.compile_report(members[0], tid)


@pytest.mark.parametrize("n", [3])
def test_void_related_bids_can_fail_the_lot(n: int, platform: Platform, actors: dict[str, Actor],
                                           clock: ManualClock) -> None:
    suppliers = _bidders(platform, actors, legal_representative_id=shared_identity_number(882))[:n + 1]
    _, _, view = _checked(platform, actors, clock, suppliers)
    assert view.state == TenderState.FAILED.value and view.lots[0].compliant == 2
