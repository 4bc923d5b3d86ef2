"""The organisation's policy and deviations through the platform: who may change which number."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.kit import (
    RefusalCases,
    bidders,
    draft,
    refused,
    register_admitted_supplier,
    register_custodian_keys,
    snapshot,
)
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

LAX = {"open_tender_min_days": 0, "min_valid_bids": 1, "amendment_notice_days": 0, "committee_min_size": 3,
       "committee_expert_share_num": 1, "committee_expert_share_den": 3, "bid_security_cap_percent": "20",
       "publicity_days": 1, "contract_within_days": 365}
DRAFTING_SUPERVISOR = Actor(id="p-boss", name="钱主任", roles=frozenset({Role.PURCHASING, Role.SUPERVISOR}))
ADMIN_SUPERVISOR = Actor(id="adm-s", name="管理兼纪检", roles=frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR}))
REASON = "Emergency repair of the flood wall: materials needed within days (防汛抢险)"


def quick(clock: ManualClock, **overrides: Any) -> dict[str, Any]:
    """A non-statutory open tender with a 3-day period (the policy says 20)."""
    return draft(clock, **{"deadline": clock.now() + timedelta(days=3),
                           "profile": {"open_tender_min_days": 3}, **overrides})


def test_one_officer_alone_cannot_publish_lax_numbers(platform: Platform, actors: dict[str, Actor],
                                                      clock: ManualClock) -> None:
    lax = draft(clock, deadline=clock.now() + timedelta(hours=1), profile=LAX)
    error = refused(platform, ZhaocaiError, "policy.deviation_required",
                    platform.tenders.create_draft, actors["purchasing"], lax)
    assert {d["rule"] for d in error.details["deviations"]} == {
        "min_valid_bids", "open_tender_min_days", "amendment_notice_days", "bid_security_cap_percent",
        "committee_min_size", "committee_expert_share", "publicity_days", "contract_within_days"}
    ids = [s.supplier_id for s in bidders(platform, actors, 1)]
    inquiry = draft(clock, method="price_inquiry", invitees=ids, officers=["p-wang"], deadline=clock.now(),
                    profile={"inquiry_min_suppliers": 1, "inquiry_min_officers": 1, "inquiry_min_days": 0})
    error = refused(platform, ZhaocaiError, "policy.deviation_required",
                    platform.tenders.create_draft, actors["purchasing"], inquiry)
    assert error.details["rule"] == "inquiry_min_suppliers" and error.details["source"] == "三三二"
    refused(platform, ZhaocaiError, "policy.below_statutory_floor", platform.tenders.create_draft,
            actors["purchasing"], {**lax, "statutory": True}, deviation_reason=REASON)


def test_a_deviation_approved_by_a_supervisor_is_frozen_and_published(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock, tmp_path: Path) -> None:
    view = platform.tenders.create_draft(actors["purchasing"], quick(clock), deviation_reason=REASON)
    (request,) = platform.policy.deviations(view.id)
    assert (request.state, request.requested_by, request.changes) == ("requested", "p-wang", [
        {"rule": "open_tender_min_days", "policy_value": "20", "asked_value": "3", "source": "Law 24"}])
    error = refused(platform, ZhaocaiError, "policy.deviation_required",
                    platform.tenders.publish, actors["purchasing"], view.id)
    assert error.details["pending"] is True and error.details["deviation_id"] == request.id
    approved = platform.policy.approve_deviation(actors["supervisor"], request.id)
    assert (approved.state, approved.decided_by) == ("approved", "s-zhou")
    register_custodian_keys(platform)
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    tender = pub.tender
    assert tender.profile.open_tender_min_days == 3 and tender.policy_version == 0 and not tender.statutory
    assert tender.deviation is not None and tender.deviation["id"] == request.id
    release = platform.publish.release_package(tender_id=tender.id)["releases"][-1]["tender"]
    assert "open_tender_min_days 3 instead of 20 (Law 24)" in release["procurementMethodRationale"]
    assert release["rulesDeviation"]["changes"] == [
        {"rule": "open_tender_min_days", "policyValue": "20", "tenderValue": "3", "source": "Law 24"}]
    path = platform.publish.public_database(tmp_path / "public.db")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT tender_id, rule, policy_value, tender_value, source, reason FROM deviations"
                          ).fetchall() == [(tender.id, "open_tender_min_days", "20", "3", "Law 24", REASON)]
        assert db.execute("SELECT statutory, policy_version, deviation_id FROM tenders").fetchall() == [
            (0, 0, request.id)]


def test_a_changed_draft_voids_the_approval(platform: Platform, actors: dict[str, Actor],
                                            clock: ManualClock) -> None:
    view = platform.tenders.create_draft(actors["purchasing"], quick(clock), deviation_reason=REASON)
    request = platform.policy.deviations(view.id)[0]
    platform.policy.approve_deviation(actors["supervisor"], request.id)
    platform.tenders.update_draft(actors["purchasing"], view.id, quick(clock, title="Same numbers, new title"))
    assert platform.policy.deviations(view.id)[0].state == "approved"  # the numbers did not change
    refused(platform, ZhaocaiError, "policy.deviation_required", platform.tenders.update_draft,
            actors["purchasing"], view.id, quick(clock, profile={"open_tender_min_days": 2}))
    platform.tenders.update_draft(actors["purchasing"], view.id, quick(clock, profile={"open_tender_min_days": 2}),
                                  deviation_reason=REASON)
    states = [d.state for d in platform.policy.deviations(view.id)]
    assert states == ["void", "requested"]
    refused(platform, ZhaocaiError, "policy.deviation_required", platform.tenders.publish,
            actors["purchasing"], view.id)


def test_policy_changes_need_an_administrator_and_another_supervisor(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    assert platform.policy.current().version == 0 and platform.policy.history() == []
    proposal = platform.policy.propose(actors["admin"], {"open_tender_min_days": 25, "max_candidates": 2},
                                       "Longer periods for every open tender")
    assert proposal.state == "proposed" and platform.policy.current().version == 0
    adopted = platform.policy.approve(actors["supervisor"], proposal.id)
    assert (adopted.state, adopted.version, adopted.decided_by) == ("adopted", 1, "s-zhou")
    current = platform.policy.current()
    assert current.version == 1 and current.profile.open_tender_min_days == 25
    # A draft following the policy freezes the version it is published under.
    pub_draft = platform.tenders.create_draft(actors["purchasing"], draft(clock, deadline=clock.now()
                                                                          + timedelta(days=26)))
    register_custodian_keys(platform)
    pub = platform.tenders.publish(actors["purchasing"], pub_draft.id)
    assert (pub.tender.policy_version, pub.tender.profile.open_tender_min_days) == (1, 25)
    # Numbers of its own that were fine under version 0 are now laxer than version 1.
    refused(platform, ZhaocaiError, "policy.deviation_required", platform.tenders.create_draft,
            actors["purchasing"], draft(clock, profile={"open_tender_min_days": 20}))
    assert [p.version for p in platform.policy.history()] == [1]


def test_the_site_inspection_threshold_comes_from_the_policy(platform: Platform, actors: dict[str, Actor]) -> None:
    proposal = platform.policy.propose(actors["admin"], {"site_inspection_threshold": "100000"},
                                       "Inspect every supplier above ¥100,000")
    platform.policy.approve(actors["supervisor"], proposal.id)
    with pytest.raises(ZhaocaiError) as info:
        register_admitted_supplier(platform, actors, name="义乌小五金有限公司", ceiling="500000")
    assert info.value.code == "supplier.admission.inspection_required"
    assert info.value.details["threshold"] == "100000"


def test_a_statutory_tender_uses_the_law_when_the_policy_is_stricter_or_equal(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    view = platform.tenders.create_draft(actors["purchasing"], draft(clock, statutory=True))
    register_custodian_keys(platform)
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    assert pub.tender.statutory and pub.tender.deviation is None and pub.tender.profile.min_valid_bids == 3


# -- every refusal: its code, and the store unchanged (both databases) ------------------------------

CASES = RefusalCases()
case = CASES.case


def _requested(p: Platform, a: dict[str, Actor], c: ManualClock, by: Actor | None = None) -> tuple[str, str]:
    view = p.tenders.create_draft(by or a["purchasing"], quick(c), deviation_reason=REASON)
    return view.id, p.policy.deviations(view.id)[0].id


@case("policy.deviation_required")
def publishing_lax_numbers_unapproved(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tender_id, deviation_id = _requested(p, a, c)
    p.policy.reject_deviation(a["supervisor"], deviation_id)
    return lambda: p.tenders.publish(a["purchasing"], tender_id)


@case("policy.deviation_required")
def policy_raised_after_the_approval(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tender_id, deviation_id = _requested(p, a, c)
    p.policy.approve_deviation(a["supervisor"], deviation_id)
    p.policy.approve(a["supervisor"], p.policy.propose(a["admin"], {"publicity_days": 5}, "longer publicity").id)
    return lambda: p.tenders.publish(a["purchasing"], tender_id)


@case("policy.below_statutory_floor")
def statutory_tender_below_the_law(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["purchasing"], quick(c, statutory=True), deviation_reason=REASON)


@case("policy.below_statutory_floor")
def marked_statutory_after_the_approval(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    tender_id, deviation_id = _requested(p, a, c)
    p.policy.approve_deviation(a["supervisor"], deviation_id)
    return lambda: p.tenders.update_draft(a["purchasing"], tender_id, quick(c, statutory=True),
                                          deviation_reason=REASON)


@case("policy.deviation_reason")
def deviation_without_a_reason(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["purchasing"], quick(c), deviation_reason=" ")


@case("permission.self_approval")
def requester_approves_own_deviation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.tenders.create_draft(a["purchasing"], quick(c), deviation_reason=REASON)
    request = p.policy.request_deviation(DRAFTING_SUPERVISOR, view.id, "asked again by the head")
    return lambda: p.policy.approve_deviation(DRAFTING_SUPERVISOR, request.id)


@case("policy.deviation_drafter")
def drafter_approves_the_deviation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.tenders.create_draft(DRAFTING_SUPERVISOR, quick(c), deviation_reason=REASON)
    request = p.policy.request_deviation(a["purchasing2"], view.id, REASON)
    return lambda: p.policy.approve_deviation(DRAFTING_SUPERVISOR, request.id)


@case("permission.role")
def purchasing_approves_a_deviation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    _, deviation_id = _requested(p, a, c)
    return lambda: p.policy.approve_deviation(a["purchasing2"], deviation_id)


@case("policy.deviation.transition")
def approving_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    _, deviation_id = _requested(p, a, c)
    p.policy.approve_deviation(a["supervisor"], deviation_id)
    return lambda: p.policy.approve_deviation(a["supervisor2"], deviation_id)


@case("policy.deviation_not_found")
def approving_an_unknown_deviation(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.approve_deviation(a["supervisor"], "dev-nothing")


@case("policy.deviation_not_needed")
def deviation_for_a_draft_within_the_policy(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.tenders.create_draft(a["purchasing"], draft(c))
    return lambda: p.policy.request_deviation(a["purchasing"], view.id, REASON)


@case("policy.deviation_stale")
def approving_after_the_policy_changed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    _, deviation_id = _requested(p, a, c)
    p.policy.approve(a["supervisor"], p.policy.propose(a["admin"], {"publicity_days": 5}, "longer publicity").id)
    return lambda: p.policy.approve_deviation(a["supervisor"], deviation_id)


@case("tender.transition")
def deviation_for_a_published_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.tenders.create_draft(a["purchasing"], draft(c))
    register_custodian_keys(p)
    p.tenders.publish(a["purchasing"], view.id)
    return lambda: p.policy.request_deviation(a["purchasing"], view.id, REASON)


@case("policy.below_floor")
def policy_below_the_law(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["admin"], {"min_valid_bids": 2}, "fewer bids are enough")


@case("policy.below_floor")
def policy_below_three_three_two(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["admin"], {"inquiry_min_officers": 1}, "one officer is enough")


@case("policy.no_change")
def policy_proposal_changing_nothing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["admin"], {"min_valid_bids": 3}, "no change")


@case("policy.reason")
def policy_proposal_without_reason(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["admin"], {"publicity_days": 5}, "")


@case("validation.input")
def policy_proposal_of_an_unknown_number(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["admin"], {"min_bids": 5}, "typo")


@case("permission.role")
def policy_proposed_by_purchasing(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.propose(a["purchasing"], {"publicity_days": 5}, "longer publicity")


@case("permission.self_approval")
def administrator_approves_own_policy(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    proposal = p.policy.propose(ADMIN_SUPERVISOR, {"publicity_days": 5}, "longer publicity")
    return lambda: p.policy.approve(ADMIN_SUPERVISOR, proposal.id)


@case("permission.role")
def administrator_approves_a_policy(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    proposal = p.policy.propose(ADMIN_SUPERVISOR, {"publicity_days": 5}, "longer publicity")
    return lambda: p.policy.approve(a["admin"], proposal.id)


@case("policy.transition")
def approving_a_policy_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    proposal = p.policy.propose(a["admin"], {"publicity_days": 5}, "longer publicity")
    p.policy.reject(a["supervisor"], proposal.id)
    return lambda: p.policy.approve(a["supervisor2"], proposal.id)


@case("policy.not_found")
def approving_an_unknown_policy(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.policy.approve(a["supervisor"], "pol-nothing")


@case("policy.stale_proposal")
def approving_a_proposal_overtaken(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    first = p.policy.propose(a["admin"], {"publicity_days": 5}, "longer publicity")
    second = p.policy.propose(a["admin"], {"contract_within_days": 20}, "sign sooner")
    p.policy.approve(a["supervisor"], first.id)
    return lambda: p.policy.approve(a["supervisor"], second.id)


@pytest.mark.parametrize("name", sorted(CASES))
def test_refusal_has_its_code_and_changes_nothing(name: str, platform: Platform, actors: dict[str, Actor],
                                                  clock: ManualClock) -> None:
    code, setup = CASES[name]
    attempt = setup(platform, actors, clock)
    before = snapshot(platform.url)
    refused(platform, ZhaocaiError, code, attempt)
    assert snapshot(platform.url) == before
