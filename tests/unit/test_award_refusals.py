"""Every refusal of evaluation and award has its stable code, and a refused command changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.kit import (
    CUSTODIANS,
    LOTS,
    RefusalCases,
    add_pool,
    admitted,
    build_tender,
    commit,
    compliant_bids,
    expert_actor,
    reveal,
    sheet,
    snapshot,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

CASES = RefusalCases()
case = CASES.case
LOWEST = {"method": "lowest_evaluated_price"}
DIGEST = "0" * 64


@case("permission.role")
def expert_added_by_purchasing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.evaluation.add_expert(a["purchasing"], {
        "id": "e-x", "name": "专家", "identity_number": "330782197001010000", "specialties": ["materials"]})


@case("expert.exists")
def expert_added_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    (expert,) = add_pool(p, a, 1)
    return lambda: p.evaluation.add_expert(a["admin"], {
        "id": expert, "name": "专家", "identity_number": "330782197001010000", "specialties": ["materials"]})


@case("committee.too_few_experts")
def pool_too_small(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "opened", pool=3)
    return lambda: p.evaluation.draw_committee(a["purchasing"], state["tender_id"])


@case("committee.representative_interest")
def drafter_as_representative(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "opened")
    return lambda: p.evaluation.draw_committee(a["purchasing"], state["tender_id"],
                                               representatives=[{"person_id": "p-wang", "name": "王采购"}])


@case("committee.already_drawn")
def drawn_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "drawn")
    return lambda: p.evaluation.draw_committee(a["purchasing"], state["tender_id"])


@case("evaluation.not_a_member")
def stranger_declares(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "drawn")
    return lambda: p.evaluation.declare(expert_actor("e-stranger"), state["tender_id"])


@case("evaluation.declarations_pending")
def compliance_before_all_declared(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "drawn")
    first = state["members"][0]
    p.evaluation.declare(first, state["tender_id"])
    return lambda: p.evaluation.check_compliance(first, state["tender_id"])


@case("evaluation.not_declared")
def undeclared_member_scores(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "drawn")
    return lambda: p.evaluation.commit_scores(state["members"][0], state["tender_id"], "L1", DIGEST)


@case("evaluation.not_declared")
def undeclared_member_reads_bids(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "drawn")
    return lambda: p.tenders.opened_bids(state["members"][0], state["tender_id"])


@case("committee.already_declared")
def declared_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "declared")
    return lambda: p.evaluation.declare(state["members"][0], state["tender_id"])


@case("compliance.not_checked")
def abnormal_before_compliance(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "declared", abnormal=True)
    return lambda: p.evaluation.decide_abnormal(state["members"][0], state["tender_id"], {
        "lot_id": "L1", "bid_id": "x", "decision": "rejected_below_cost", "explanation": "x"})


def _flagged(p: Platform, a: dict[str, Actor], tid: str) -> str:
    return next(e.bid_id for e in p.evaluation.compliance(a["purchasing"], tid).lots[0].entries if e.abnormal)


@case("abnormal.explanation_missing")
def decision_without_explanation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked", abnormal=True)
    bid = _flagged(p, a, state["tender_id"])
    return lambda: p.evaluation.decide_abnormal(state["members"][0], state["tender_id"], {
        "lot_id": "L1", "bid_id": bid, "decision": "explanation_accepted"})


@case("abnormal.decision_missing")
def scoring_before_abnormal_decision(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked", abnormal=True)
    bids = compliant_bids(p, a, state["tender_id"], "L1")
    return lambda: commit(p, state["members"][0], state["tender_id"], "L1", sheet(bids, 0))


def _committed(p: Platform, a: dict[str, Actor], c: ManualClock,
               first: Callable[[list[str]], dict[str, Any]] | None = None) -> tuple[Any, dict[str, Any]]:
    """Every member has committed (the first to `first(bids)` when given): (tender, member id →
    commitment)."""
    state = build_tender(p, c, "checked")
    bids = compliant_bids(p, a, state["tender_id"], "L1")
    kept = {m.id: commit(p, m, state["tender_id"], "L1", first(bids) if first and i == 0 else sheet(bids, i))
            for i, m in enumerate(state["members"])}
    return state, kept


@case("scoring.incomplete")
def sheet_missing_a_bid(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c, lambda bids: sheet(bids[1:], 0))
    member = state["members"][0]
    return lambda: reveal(p, member, kept[member.id])


def _above_max(bids: list[str]) -> dict[str, Any]:
    scores = sheet(bids, 0)
    next(iter(scores.values()))["T2"] = "15.01"
    return scores


@case("scoring.out_of_range")
def points_above_max(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c, _above_max)
    member = state["members"][0]
    return lambda: reveal(p, member, kept[member.id])


@case("scoring.already_committed")
def committed_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    member, bids = state["members"][0], compliant_bids(p, a, state["tender_id"], "L1")
    commit(p, member, state["tender_id"], "L1", sheet(bids, 0))
    return lambda: commit(p, member, state["tender_id"], "L1", sheet(bids, 1))


@case("evaluation.not_a_member")
def stranger_commits(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    bids = compliant_bids(p, a, state["tender_id"], "L1")
    return lambda: commit(p, expert_actor("e-stranger"), state["tender_id"], "L1", sheet(bids, 0))


@case("evaluation.not_a_member")
def stranger_reveals(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    first = kept[state["members"][0].id]
    return lambda: reveal(p, expert_actor("e-stranger"), first)


@case("scoring.commitments_pending")
def revealed_before_all_committed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    member, bids = state["members"][0], compliant_bids(p, a, state["tender_id"], "L1")
    kept = commit(p, member, state["tender_id"], "L1", sheet(bids, 0))
    return lambda: reveal(p, member, kept)


@case("scoring.reveal_mismatch")
def revealed_sheet_not_the_committed_one(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    tampered = {bid: dict(row) for bid, row in kept[member.id].sheet.items()}
    first_bid = next(iter(tampered))
    tampered[first_bid]["T1"] = str(Decimal(tampered[first_bid]["T1"]) - Decimal("0.01"))
    return lambda: p.evaluation.reveal_scores(member, state["tender_id"], "L1", tampered, kept[member.id].nonce)


@case("scoring.reveal_mismatch")
def revealed_with_another_nonce(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    return lambda: p.evaluation.reveal_scores(member, state["tender_id"], "L1", kept[member.id].sheet,
                                              kept[state["members"][1].id].nonce)


@case("scoring.reveal_mismatch")
def revealed_another_members_sheet(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    """A member who committed to a copy of another's digest cannot reveal the other's sheet."""
    state = build_tender(p, c, "checked")
    tid, (first, second, *rest) = state["tender_id"], state["members"]
    bids = compliant_bids(p, a, tid, "L1")
    original = commit(p, first, tid, "L1", sheet(bids, 0))
    p.evaluation.commit_scores(second, tid, "L1", original.digest)
    for i, m in enumerate(rest, start=2):
        commit(p, m, tid, "L1", sheet(bids, i))
    reveal(p, first, original)
    return lambda: p.evaluation.reveal_scores(second, tid, "L1", original.sheet, original.nonce)


@case("evaluation.sheet.transition")
def revealed_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    reveal(p, member, kept[member.id])
    return lambda: reveal(p, member, kept[member.id])


@case("scoring.bad_commitment")
def commitment_not_a_digest(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    return lambda: p.evaluation.commit_scores(state["members"][0], state["tender_id"], "L1", "25")


@case("scoring.bad_nonce")
def nonce_too_short(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    return lambda: p.evaluation.reveal_scores(member, state["tender_id"], "L1", kept[member.id].sheet, "abc")


@case("scoring.sealed")
def own_sheet_read_before_all(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    reveal(p, member, kept[member.id])
    return lambda: p.evaluation.score_sheets(member, state["tender_id"], "L1")


@case("scoring.not_all_submitted")
def report_before_all_sheets(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    member = state["members"][0]
    commit(p, member, state["tender_id"], "L1", sheet(compliant_bids(p, a, state["tender_id"], "L1"), 0))
    return lambda: p.evaluation.compile_report(member, state["tender_id"])


@case("scoring.not_all_submitted")
def report_before_all_revealed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    for m in state["members"][1:]:
        reveal(p, m, kept[m.id])
    return lambda: p.evaluation.compile_report(state["members"][1], state["tender_id"])


@case("scoring.too_few_revealed")
def report_with_most_sheets_unrevealed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    members = state["members"]
    for m in members[:2]:
        reveal(p, m, kept[m.id])
    for m in members[2:]:
        p.evaluation.record_unrevealed(a["supervisor"], state["tender_id"], "L1", m.id, "评委离场未揭示评分")
    return lambda: p.evaluation.compile_report(members[0], state["tender_id"])


@case("scoring.commitments_pending")
def unrevealed_recorded_before_all_committed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked")
    member = state["members"][0]
    commit(p, member, state["tender_id"], "L1", sheet(compliant_bids(p, a, state["tender_id"], "L1"), 0))
    return lambda: p.evaluation.record_unrevealed(a["supervisor"], state["tender_id"], "L1", member.id, "未揭示")


@case("permission.role")
def unrevealed_recorded_by_purchasing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, _ = _committed(p, a, c)
    return lambda: p.evaluation.record_unrevealed(a["purchasing"], state["tender_id"], "L1",
                                                  state["members"][0].id, "未揭示")


@case("scoring.reason_missing")
def unrevealed_recorded_without_reason(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, _ = _committed(p, a, c)
    return lambda: p.evaluation.record_unrevealed(a["supervisor"], state["tender_id"], "L1",
                                                  state["members"][0].id, "  ")


@case("evaluation.sheet.transition")
def unrevealed_recorded_after_the_reveal(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state, kept = _committed(p, a, c)
    member = state["members"][0]
    reveal(p, member, kept[member.id])
    return lambda: p.evaluation.record_unrevealed(a["supervisor"], state["tender_id"], "L1", member.id, "未揭示")


@case("scoring.not_comprehensive")
def scoring_a_lowest_price_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked", evaluation=LOWEST)
    return lambda: p.evaluation.commit_scores(state["members"][0], state["tender_id"], "L1", DIGEST)


@case("award.publicity_running")
def award_during_publicity(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    return lambda: p.evaluation.award(a["purchasing"], state["tender_id"])


@case("award.open_objection")
def award_with_open_objection(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    p.evaluation.raise_objection(supplier_actor(state["suppliers"][1]), state["tender_id"], "异议")
    c.set(state["report"].publicity_ends)
    return lambda: p.evaluation.award(a["purchasing"], state["tender_id"])


@case("objection.not_a_bidder")
def objection_from_a_stranger(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    (stranger,) = admitted(p, a, 1)
    return lambda: p.evaluation.raise_objection(supplier_actor(stranger), state["tender_id"], "异议")


@case("objection.publicity_over")
def objection_after_publicity(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    c.set(state["report"].publicity_ends)
    return lambda: p.evaluation.raise_objection(supplier_actor(state["suppliers"][0]), state["tender_id"], "x")


@case("award.self_approval")
def removal_approved_by_its_proposer(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    first = state["report"].lots[0].candidates[0]
    removal = p.evaluation.propose_removal(a["supervisor"], state["tender_id"], "L1", first,
                                           code="award.gave_up", en="gave up", zh="放弃中标")
    return lambda: p.evaluation.approve_removal(a["supervisor"], removal.id)


@case("permission.role")
def removal_approved_without_supervisor(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    first = state["report"].lots[0].candidates[0]
    removal = p.evaluation.propose_removal(a["supervisor"], state["tender_id"], "L1", first,
                                           code="award.gave_up", en="gave up", zh="放弃中标")
    return lambda: p.evaluation.approve_removal(a["purchasing2"], removal.id)


@case("award.removal_pending")
def award_with_pending_removal(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    first = state["report"].lots[0].candidates[0]
    p.evaluation.propose_removal(a["purchasing"], state["tender_id"], "L1", first,
                                 code="award.gave_up", en="gave up", zh="放弃中标")
    c.set(state["report"].publicity_ends)
    return lambda: p.evaluation.award(a["purchasing"], state["tender_id"])


@case("contract.not_party")
def contract_signed_by_another_supplier(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    other = next(s for s in state["suppliers"] if s != notice.supplier_id)
    return lambda: p.evaluation.sign_contract(supplier_actor(other), notice.contract_id)


@case("tender.transition")
def objection_before_the_report(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "checked", evaluation=LOWEST)
    return lambda: p.evaluation.raise_objection(supplier_actor(state["suppliers"][0]), state["tender_id"], "x")


@case("tender.transition")
def bid_security_after_the_report(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "publicised", evaluation=LOWEST)
    return lambda: p.evaluation.record_bid_security(a["finance"], state["tender_id"],
                                                    {state["suppliers"][0]: "1000.00"})


@case("contract.transition")
def contract_signed_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    p.evaluation.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
    p.evaluation.sign_contract(a["purchasing"], notice.contract_id)
    return lambda: p.evaluation.sign_contract(a["purchasing"], notice.contract_id)


@case("contract.deadline_passed")
def contract_signed_too_late(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    c.set(notice.sign_by + timedelta(minutes=1))
    return lambda: p.evaluation.sign_contract(a["purchasing"], notice.contract_id)


@case("contract.not_signed")
def performance_before_signing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    return lambda: p.suppliers.record_performance(a["quality"], {
        "supplier_id": notice.supplier_id, "contract_id": notice.contract_id, "kind": "late_delivery",
        "severity": 2, "occurred_at": c.now()})


@case("contract.other_supplier")
def performance_of_another_supplier(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    state = build_tender(p, c, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    p.evaluation.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
    p.evaluation.sign_contract(a["purchasing"], notice.contract_id)
    other = next(s for s in state["suppliers"] if s != notice.supplier_id)
    return lambda: p.suppliers.record_performance(a["quality"], {
        "supplier_id": other, "contract_id": notice.contract_id, "kind": "late_delivery",
        "severity": 2, "occurred_at": c.now()})


def _inquiry(p: Platform, a: dict[str, Actor], c: ManualClock) -> str:
    suppliers = admitted(p, a, 3)
    pub = build_tender(p, c, "opened", pool=0, suppliers=suppliers, prices=[("90000.00", ""), ("88000.00", ""), ("91000.00", "")],
                        lots=LOTS[:1], method="price_inquiry", invitees=suppliers,
                        officers=["p-wang", "p-li"], deadline=c.now() + timedelta(days=5),
                        evaluation={"method": "lowest_evaluated_price"}, custodians=CUSTODIANS).pub
    return pub.tender.id


@case("inquiry.too_few_officers")
def inquiry_signed_by_one(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tid = _inquiry(p, a, c)
    p.evaluation.sign_inquiry(a["purchasing"], tid)
    return lambda: p.evaluation.decide_inquiry(a["purchasing"], tid)


@case("inquiry.too_few_officers")
def inquiry_failed_by_one_officer(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    # A quoting supplier is suspended: the decision would fail the inquiry, which also takes two.
    tid = _inquiry(p, a, c)
    p.suppliers.suspend(a["quality"], p.tenders.opened_bids(a["purchasing"], tid)[0].supplier_id, "履约问题")
    p.evaluation.sign_inquiry(a["purchasing"], tid)
    return lambda: p.evaluation.decide_inquiry(a["purchasing"], tid)


@case("inquiry.override_not_a_quote")
def inquiry_override_for_a_stranger(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tid = _inquiry(p, a, c)
    (stranger,) = admitted(p, a, 1)
    return lambda: p.evaluation.propose_inquiry_override(a["purchasing"], tid, "L1", supplier_id=stranger, reason="交货更快")


@case("inquiry.not_an_officer")
def inquiry_signed_by_a_stranger(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tid = _inquiry(p, a, c)
    return lambda: p.evaluation.sign_inquiry(a["quality"], tid)


@case("inquiry.override_not_approved")
def inquiry_with_unapproved_override(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tid = _inquiry(p, a, c)
    p.evaluation.sign_inquiry(a["purchasing"], tid)
    p.evaluation.sign_inquiry(a["purchasing2"], tid)
    quotes = p.tenders.opened_bids(a["purchasing"], tid)
    p.evaluation.propose_inquiry_override(a["purchasing"], tid, "L1", supplier_id=quotes[0].supplier_id, reason="交货更快")
    return lambda: p.evaluation.decide_inquiry(a["purchasing"], tid)


@case("inquiry.self_approval")
def inquiry_override_self_approved(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tid = _inquiry(p, a, c)
    quotes = p.tenders.opened_bids(a["purchasing"], tid)
    override = p.evaluation.propose_inquiry_override(a["purchasing"], tid, "L1", supplier_id=quotes[0].supplier_id, reason="x")
    return lambda: p.evaluation.approve_inquiry_override(a["purchasing"], override.id)


@pytest.mark.parametrize("name", sorted(CASES))
def test_refusal_changes_nothing(name: str, platform: Platform, actors: dict[str, Actor],
                                 clock: ManualClock, db_url: str) -> None:
    code, setup = CASES[name]
    attempt = setup(platform, actors, clock)
    before = snapshot(db_url)
    with pytest.raises(ZhaocaiError) as refused:
        attempt()
    assert refused.value.code == code, refused.value
    assert snapshot(db_url) == before
