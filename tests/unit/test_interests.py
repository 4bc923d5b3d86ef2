"""Declared interests and recusal: who declared an interest in a supplier steps aside from every
duty towards it. Every refusal asserts its code, a wholly Chinese message and an unchanged store,
on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.kit import (
    ACTORS,
    build_tender,
    draw_order,
    make_identity_number,
    present,
    refused,
    register_admitted_supplier,
)
from tests.kit.chinese import stray_english
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.errors import PermissionDenied, ValidationError
from zhaocai.platform import Platform
from zhaocai.testing.suppliers import application

A = dict[str, Actor]
AUDITOR, SUP = ACTORS["auditor"], ACTORS["supervisor"]


def _supplier(platform: Platform, supplier_id: str) -> tuple[str, str]:
    view = platform.suppliers.get(AUDITOR, supplier_id)
    return view.credit_code, view.name


def _recused(platform: Platform, fn: object, *args: object, **kw: object) -> PermissionDenied:
    error: PermissionDenied = refused(platform, PermissionDenied, "person.recused", fn, *args, **kw)
    assert not stray_english(error.message_zh), error.message_zh
    assert "须回避" in error.message_zh
    return error


def test_a_person_declares_interests_over_time_and_reads_them(platform: Platform, clock: ManualClock) -> None:
    people = platform.people
    first = people.declare_interest("q-zhao", {"kind": "relative_employer", "relation": "sibling",
                                               "company_name": "义乌某建材有限公司"})
    clock.advance(days=1)
    people.declare_interest("q-zhao", {"kind": "related_person", "relation": "spouse",
                                       "identity_number": make_identity_number(9001)})
    mine = people.interests("q-zhao", "q-zhao")
    assert [i.kind for i in mine] == ["relative_employer", "related_person"]
    assert mine[0].id == first.id and mine[0].declared_at < mine[1].declared_at
    assert mine[1].person_hash is not None and mine[1].person_hash.startswith("hmac:")
    assert make_identity_number(9001) not in repr(mine) and people.interests(AUDITOR, "q-zhao") == mine
    events = [e.action for e in platform.audit.events("person", "q-zhao")]
    assert events.count("person.interest.declare") == 2


def test_declaring_and_reading_are_refused_to_the_wrong_people(platform: Platform) -> None:
    user = register_admitted_supplier(platform, ACTORS, name="申报测试有限公司")
    refused(platform, PermissionDenied, "permission.role", platform.people.declare_interest,
            f"u-{user}", {"kind": "shareholding", "company_name": "某公司"})
    refused(platform, PermissionDenied, "permission.interest_read", platform.people.interests,
            "p-li", "q-zhao")
    refused(platform, PermissionDenied, "permission.interest_read", platform.people.recusals, "p-li")
    refused(platform, ValidationError, "validation.input", platform.people.declare_interest,
            "q-zhao", {"kind": "relative_employer", "company_name": "某公司"})  # no relative named


def test_an_admission_reviewer_with_a_relative_at_the_supplier_is_refused(platform: Platform) -> None:
    view = platform.suppliers.register("p-li", application("义乌回避测试建材有限公司", seed=7101))
    platform.people.declare_interest("q-zhao", {"kind": "relative_employer", "relation": "sibling",
                                                "credit_code": view.credit_code})
    error = _recused(platform, platform.suppliers.review, "q-zhao", view.id, "quality", passed=True)
    assert error.details["duty"] == "admission_reviewer" and error.details["reason"] == "relative_employer"
    assert "兄弟姐妹" in error.message_zh and "sibling" in error.message_en
    platform.suppliers.review("t-chen", view.id, "technical", passed=True)  # others review


def test_a_site_inspector_with_shares_in_the_supplier_is_refused(platform: Platform) -> None:
    view = platform.suppliers.register("adm", application("义乌考察回避有限公司", seed=7102,
                                                           ceiling="900000000"))
    platform.people.declare_interest("p-wang", {"kind": "shareholding", "company_name": "义乌考察回避有限公司"})
    for actor, department in (("p-li", "purchasing"), ("q-zhao", "quality"), ("t-chen", "technical")):
        platform.suppliers.review(actor, view.id, department, passed=True)
    error = _recused(platform, platform.suppliers.record_site_inspection, "p-wang", view.id,
                     report="现场考察合格", passed=True)
    assert error.details["duty"] == "site_inspector"
    platform.suppliers.record_site_inspection("q-zhao", view.id, report="现场考察合格", passed=True)
    _recused(platform, platform.suppliers.sign_site_inspection, "p-wang", view.id)


def test_a_former_employer_binds_for_three_years_only(platform: Platform, clock: ManualClock) -> None:
    view = platform.suppliers.register("p-li", application("义乌旧东家有限公司", seed=7103))
    platform.people.declare_interest("q-zhao", {"kind": "former_employer", "credit_code": view.credit_code,
                                                "ended_at": clock.now() - timedelta(days=3 * 365 + 2)})
    platform.suppliers.review("q-zhao", view.id, "quality", passed=True)  # left more than 3 years ago
    platform.people.declare_interest("t-chen", {"kind": "former_employer", "credit_code": view.credit_code,
                                                "ended_at": clock.now() - timedelta(days=300)})
    _recused(platform, platform.suppliers.review, "t-chen", view.id, "technical", passed=True)


def test_the_drafter_and_an_approver_are_recorded_as_recused_at_the_opening(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "closed")
    code, name = _supplier(platform, tender.suppliers[0])
    platform.people.declare_interest("p-wang", {"kind": "relative_employer", "relation": "sibling",
                                                "company_name": name})
    platform.people.declare_interest("s-wu", {"kind": "shareholding", "credit_code": code})
    tender.to("opened")
    recusals = platform.people.recusals(AUDITOR, tender_id=tender.tender_id)
    assert {(r.person_id, r.duty, r.supplier_id) for r in recusals} == {
        ("p-wang", "drafter", tender.suppliers[0]), ("s-wu", "award_approver", tender.suppliers[0])}
    assert all(r.reason_zh and r.recorded_by == SUP.id for r in recusals)
    assert platform.people.recusals(SUP, person_id="s-wu")[0].reason == "shareholding"
    error = _recused(platform, platform.evaluation.draw_committee, "p-wang", tender.tender_id)
    assert error.details["duty"] == "drafter" and error.details["tender_id"] == tender.tender_id
    platform.evaluation.draw_committee("p-li", tender.tender_id)  # another officer draws
    actions = [e.action for e in platform.audit.events("tender", tender.tender_id)]
    assert actions.count("person.recuse") == 2


def test_an_interest_declared_after_the_opening_refuses_the_next_act(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "opened")
    platform.people.declare_interest("p-li", {"kind": "former_employer",
                                              "company_name": _supplier(platform, tender.suppliers[1])[1]})
    error = _recused(platform, platform.evaluation.draw_committee, "p-li", tender.tender_id)
    assert error.details["duty"] == "tender" and error.details["supplier_id"] == tender.suppliers[1]


def test_a_representative_steps_aside_at_the_draw_and_an_expert_takes_the_seat(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "opened")
    platform.people.declare_interest("t-chen", {"kind": "relative_employer", "relation": "child",
                                                "company_name": _supplier(platform, tender.suppliers[2])[1]})
    view = platform.evaluation.draw_committee("p-li", tender.tender_id, representatives=[
        {"person_id": "t-chen", "name": "陈技术"}])
    assert [m.kind for m in view.members] == ["expert"] * 5
    (recusal,) = platform.people.recusals(AUDITOR, tender_id=tender.tender_id)
    assert (recusal.person_id, recusal.duty) == ("t-chen", "committee_representative")
    assert platform.evaluation.rerun_draw(tender.tender_id).members_match


def test_an_expert_with_a_declared_related_person_is_passed_over_by_the_draw(
        platform: Platform, clock: ManualClock) -> None:
    suppliers = [register_admitted_supplier(platform, ACTORS, name=f"义乌关联人{n}号有限公司", seed=7200 + n)
                 for n in range(4)]
    tender = build_tender(platform, clock, "opened", suppliers=suppliers)
    first = draw_order(platform, tender.tender_id, clock)[0]  # the draw reaches this expert first
    platform.people.declare_interest(first, {"kind": "related_person", "relation": "other_relative",
                                             "identity_number": make_identity_number(7202)})
    view = platform.evaluation.draw_committee("p-li", tender.tender_id)
    assert first not in {m.member_id for m in view.members}
    assert {r.code for r in view.recusals if r.expert_id == first} == {"recusal.declared_interest"}
    (recusal,) = platform.people.recusals(AUDITOR, person_id=first)
    assert (recusal.duty, recusal.supplier_id, recusal.reason) == ("committee_expert", suppliers[2],
                                                                   "related_person")
    check = platform.evaluation.rerun_draw(tender.tender_id)
    assert check.members_match and check.recusals_match


@pytest.mark.parametrize("kind", ["relative_employer", "shareholding"])
def test_a_recused_custodian_cannot_present_for_the_commercial_opening(
        platform: Platform, clock: ManualClock, kind: str) -> None:
    tender = build_tender(platform, clock, "closed", two_envelopes=True)
    extra = {"relation": "parent"} if kind == "relative_employer" else {}
    platform.people.declare_interest("f-sun", {"kind": kind, **extra,
                                               "company_name": _supplier(platform, tender.suppliers[3])[1]})
    present(platform, tender.tender_id, 1, 2)
    platform.tenders.open_bids(SUP, tender.tender_id)
    duties = {(r.person_id, r.duty) for r in platform.people.recusals(AUDITOR, tender_id=tender.tender_id)}
    assert ("f-sun", "custodian") in duties
    _recused(platform, present, platform, tender.tender_id, 3)  # not for the commercial parts either


def test_the_buyers_signatory_with_an_interest_in_the_winner_is_refused(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded")
    contract = platform.evaluation.contracts(tender.tender_id)[0]
    platform.people.declare_interest("p-li", {"kind": "shareholding",
                                              "credit_code": _supplier(platform, contract.supplier_id)[0]})
    error = _recused(platform, platform.evaluation.sign_contract, "p-li", contract.id)
    assert error.details["duty"] == "contract_signatory" and error.details["supplier_id"] == contract.supplier_id
    platform.evaluation.sign_contract("p-wang", contract.id)  # another officer signs for the buyer
