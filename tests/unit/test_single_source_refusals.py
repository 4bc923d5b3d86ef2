"""Every refusal of single-source procurement has its stable code (en + zh), and a refused
command changes nothing; on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.kit import RefusalCases, refused, register_actor, supplier_actor
from tests.kit.single_source import (
    RECORD,
    concluded,
    drafted,
    failed_chain,
    negotiated,
    noticed,
    signed_contract,
    ss_draft,
    supplier,
)
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

CASES = RefusalCases()
case = CASES.case
BOTH = Actor(id="ps-qian", name="钱主任", roles=frozenset({Role.PURCHASING, Role.SUPERVISOR}))

@pytest.fixture(autouse=True)
def _registered(platform: Platform) -> None:
    """The people this module builds ad hoc, recorded in the register with their roles."""
    register_actor(platform, BOTH)



@case("single_source.self_approval")
def drafter_approves_own(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.single_source.draft(BOTH, ss_draft(supplier(p, a)))
    return lambda: p.single_source.approve(BOTH, view.id)


@case("permission.role")
def purchasing_approves(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = drafted(p, a, supplier(p, a))
    return lambda: p.single_source.approve(a["purchasing2"], view.id)


@case("permission.role")
def supervisor_signs_negotiation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = negotiated(p, a, c, supplier(p, a))
    return lambda: p.single_source.sign(a["supervisor2"], view.id)


@case("permission.role")
def quality_drafts(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    return lambda: p.single_source.draft(a["quality"], ss_draft(sid))


@case("person.role_not_granted")  # a supplier's user is never granted a staff role
def supplier_user_drafts(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    user = supplier_actor(sid).model_copy(update={"roles": frozenset({Role.PURCHASING})})
    return lambda: p.single_source.draft(user, ss_draft(sid))


@case("single_source.supplier_ineligible")
def supplier_not_admitted_in_the_category(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = drafted(p, a, supplier(p, a), category="labour")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.supplier_ineligible")
def unknown_supplier(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = drafted(p, a, "sup-nobody")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.supplier_ineligible")
def supplier_suspended_before_conclusion(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    view = negotiated(p, a, c, sid)
    p.single_source.sign(a["purchasing"], view.id)
    p.single_source.sign(a["purchasing2"], view.id)
    p.suppliers.suspend(a["purchasing"], sid, "质量事故，暂停合作")
    return lambda: p.single_source.conclude(a["purchasing"], view.id)


@case("single_source.references")
def proprietary_naming_a_contract(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    return lambda: p.single_source.draft(a["purchasing"], ss_draft(sid, earlier_contract_id="ctr-x"))


@case("single_source.references")
def failed_twice_naming_one_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    return lambda: p.single_source.draft(a["purchasing"], ss_draft(sid, justification="failed_twice",
                                                                   failed_tender_ids=["tdr-1"]))


@case("single_source.reference_missing")
def additional_to_a_contract_that_does_not_exist(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = drafted(p, a, supplier(p, a), justification="additional_compatible", earlier_contract_id="ctr-none",
                   estimate="1000.00")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.reference_other_supplier")
def additional_from_another_supplier(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    contract = signed_contract(p, a, c, supplier(p, a))
    other = supplier(p, a, "义乌另一家建材有限公司")
    view = drafted(p, a, other, justification="additional_compatible", earlier_contract_id=contract,
                   estimate="1000.00")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.reference_unsigned")
def additional_to_an_unsigned_contract(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    first = concluded(p, a, c, sid)
    view = drafted(p, a, sid, justification="additional_compatible", earlier_contract_id=first.contract_id,
                   estimate="1000.00")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.additional_over_share")
def additional_over_ten_percent(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    contract = signed_contract(p, a, c, sid, "280000.00")
    view = drafted(p, a, sid, justification="additional_compatible", earlier_contract_id=contract,
                   estimate="28000.01")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.additional_over_share")
def additions_adding_up_over_ten_percent(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    contract = signed_contract(p, a, c, sid, "280000.00")
    noticed(p, a, sid, justification="additional_compatible", earlier_contract_id=contract, estimate="20000.00")
    view = drafted(p, a, sid, justification="additional_compatible", earlier_contract_id=contract,
                   estimate="8000.01")
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.tender_not_failed")
def failed_twice_naming_a_live_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    first = failed_chain(p, a, c, 1)[0]
    again = p.tenders.retender(a["purchasing"], first, c.now() + timedelta(days=21))
    view = drafted(p, a, supplier(p, a), justification="failed_twice", failed_tender_ids=[first, again.id])
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.tenders_not_chain")
def failed_twice_naming_two_unrelated_tenders(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    ids = failed_chain(p, a, c, 1) + failed_chain(p, a, c, 1)
    view = drafted(p, a, supplier(p, a), justification="failed_twice", failed_tender_ids=ids)
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.tender_other_need")
def failed_twice_for_another_category(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    ids = failed_chain(p, a, c, 2, category="services")
    view = drafted(p, a, supplier(p, a), justification="failed_twice", failed_tender_ids=ids)
    return lambda: p.single_source.approve(a["supervisor"], view.id)


@case("single_source.notice_running")
def negotiating_during_the_notice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    c.set(view.notice_ends - timedelta(seconds=1))  # type: ignore[operator]
    return lambda: p.single_source.record_negotiation(a["purchasing"], view.id,
                                                      {"agreed_price": "1000.00", "record": RECORD})


@case("single_source.objection_pending")
def negotiating_with_an_objection_pending(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    p.single_source.lodge_objection(supplier_actor(supplier(p, a, name="义乌另一家科技有限公司")), view.id, "我公司也持有同类专利授权")
    c.set(view.notice_ends)  # type: ignore[arg-type]
    return lambda: p.single_source.record_negotiation(a["purchasing"], view.id,
                                                      {"agreed_price": "1000.00", "record": RECORD})


@case("single_source.notice_over")
def objecting_after_the_notice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    c.set(view.notice_ends)  # type: ignore[arg-type]
    return lambda: p.single_source.lodge_objection(a["nobody"], view.id, "迟到的异议")


@case("single_source.objection_decider")
def drafter_supervisor_decides_objection(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.single_source.draft(BOTH, ss_draft(supplier(p, a)))
    p.single_source.approve(a["supervisor"], view.id)
    oid = p.single_source.lodge_objection(a["nobody"], view.id, "为何不招标？").id
    return lambda: p.single_source.decide_objection(BOTH, oid, upheld=False, answer="专利唯一")


@case("single_source.objection_decider")
def approver_decides_objection(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    oid = p.single_source.lodge_objection(a["nobody"], view.id, "为何不招标？").id
    return lambda: p.single_source.decide_objection(a["supervisor"], oid, upheld=False, answer="维持原审批")


@case("single_source.objection_decided")
def deciding_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    oid = p.single_source.lodge_objection(a["nobody"], view.id, "为何不招标？").id
    p.single_source.decide_objection(a["supervisor2"], oid, upheld=False, answer="专利唯一")
    return lambda: p.single_source.decide_objection(a["supervisor2"], oid, upheld=True, answer="改判")


@case("single_source.over_estimate")
def price_above_the_estimate(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    c.set(view.notice_ends)  # type: ignore[arg-type]
    return lambda: p.single_source.record_negotiation(a["purchasing"], view.id,
                                                      {"agreed_price": "300000.01", "record": RECORD})


@case("single_source.signatures_short")
def concluding_with_one_signer(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = negotiated(p, a, c, supplier(p, a))
    p.single_source.sign(a["purchasing"], view.id)
    return lambda: p.single_source.conclude(a["purchasing"], view.id)


@case("single_source.already_signed")
def signing_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = negotiated(p, a, c, supplier(p, a))
    p.single_source.sign(a["purchasing"], view.id)
    return lambda: p.single_source.sign(a["purchasing"], view.id)


@case("single_source.transition")
def approving_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    return lambda: p.single_source.approve(a["supervisor2"], view.id)


@case("single_source.transition")
def negotiating_after_an_upheld_objection(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    oid = p.single_source.lodge_objection(a["nobody"], view.id, "该产品有多家供应商").id
    p.single_source.decide_objection(a["supervisor2"], oid, upheld=True, answer="异议成立，改为公开招标")
    c.set(view.notice_ends)  # type: ignore[arg-type]
    return lambda: p.single_source.record_negotiation(a["purchasing"], view.id,
                                                      {"agreed_price": "1000.00", "record": RECORD})


@case("single_source.not_found")
def approving_nothing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.single_source.approve(a["supervisor"], "ss-none")


@case("single_source.objection_not_found")
def deciding_no_objection(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.single_source.decide_objection(a["supervisor"], "sso-none", upheld=True, answer="无")


@case("single_source.cancel_not_allowed")
def another_officer_cancels(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = drafted(p, a, supplier(p, a))
    return lambda: p.single_source.cancel(a["purchasing2"], view.id, "不需要了")


@case("single_source.text_required")
def objection_without_text(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = noticed(p, a, supplier(p, a))
    return lambda: p.single_source.lodge_objection(a["nobody"], view.id, "   ")


@case("validation.input")
def a_ground_outside_the_list(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    sid = supplier(p, a)
    return lambda: p.single_source.draft(a["purchasing"], ss_draft(sid, justification="convenience"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_and_nothing_changed(name: str, platform: Platform, actors: dict[str, Actor],
                                     clock: ManualClock) -> None:
    code, setup = CASES[name]
    error = refused(platform, ZhaocaiError, code, setup(platform, actors, clock))
    assert error.message_en and error.message_zh
