"""Integrity pledges (廉洁承诺书): a procurement act needs its actor's pledge in force.

Every refusal asserts its code and that the store is unchanged, on both databases.
"""

from __future__ import annotations

from datetime import timedelta

from tests.kit import (
    ACTORS,
    application,
    draft,
    published,
    refused,
    register_admitted_supplier,
    supplier_actor,
)
from tests.kit.chinese import stray_english
from zhaocai.actors import Actor, Role
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import PermissionDenied, ValidationError
from zhaocai.platform import Platform
from zhaocai.suppliers.rules import Department

A = dict[str, Actor]
ADM, SUP = ACTORS["admin"], ACTORS["supervisor"]


def _unpledged_buyer(platform: Platform, person_id: str, *roles: Role) -> Actor:
    """A member of staff with `roles` granted and no pledge on file."""
    platform.people.register(ADM, {"id": person_id, "name": "新来的采购员", "unit": "采购部"})
    grants = platform.people.propose_grants(ADM, [{"person_id": person_id, "role": r} for r in roles])
    platform.people.approve_grants(SUP, [g.id for g in grants])
    return Actor(id=person_id, name="新人", roles=frozenset(roles))


def test_staff_without_a_pledge_may_not_draft_a_tender(platform: Platform, clock: ManualClock) -> None:
    newcomer = _unpledged_buyer(platform, "p-new", Role.PURCHASING)
    error = refused(platform, PermissionDenied, "pledge.missing", platform.tenders.create_draft,
                    newcomer, draft(clock))
    assert error.details["holder_id"] == "p-new" and error.details["action"] == "tender.draft"
    assert "廉洁承诺书" in error.message_zh and not stray_english(error.message_zh)
    # Acts that are no procurement act need no pledge: the newcomer registers a supplier.
    platform.suppliers.register(newcomer, application("承诺书测试1号有限公司", seed=901))


def test_a_signed_pledge_is_audited_with_its_texts_digest_and_lets_staff_act(
        platform: Platform, clock: ManualClock) -> None:
    newcomer = _unpledged_buyer(platform, "p-new", Role.PURCHASING)
    text = platform.people.pledge_text("staff")
    view = platform.people.sign_pledge(newcomer, {"valid_until": clock.now() + timedelta(days=365),
                                                  "text_digest": text.text_digest})
    assert (view.holder_kind, view.holder_id, view.signed_by) == ("staff", "p-new", "p-new")
    assert view.text_digest == text.text_digest and view.valid_from == clock.now()
    link = next(e for e in platform.audit.events("pledge", "p-new") if e.action == "person.pledge.sign")
    assert link.actor_id == "p-new" and text.text_digest in link.change
    assert platform.tenders.create_draft(newcomer, draft(clock)).id
    assert [p.id for p in platform.people.pledges(ADM, holder_id="p-new")] == [view.id]


def test_an_expired_pledge_refuses_with_its_expiry_in_shanghai_time(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    newcomer = _unpledged_buyer(platform, "p-new", Role.PURCHASING)
    until = clock.now() + timedelta(hours=1)
    platform.people.sign_pledge(newcomer, {"valid_until": until})
    tender = platform.tenders.create_draft(newcomer, draft(clock))
    clock.advance(hours=2)
    error = refused(platform, PermissionDenied, "pledge.expired", platform.tenders.update_draft,
                    newcomer, tender.id, draft(clock))
    shanghai = until.astimezone(SHANGHAI)
    assert f"{shanghai:%Y年%m月%d日 %H:%M}" in error.message_zh and "北京时间" in error.message_zh
    assert not stray_english(error.message_zh) and error.details["expired_at"] == until.isoformat()
    assert "Asia/Shanghai" in error.message_en
    # A new pledge lets the officer act again.
    platform.people.sign_pledge(newcomer, {"valid_until": clock.now() + timedelta(days=365)})
    platform.tenders.update_draft(newcomer, tender.id, draft(clock))


def test_an_admission_review_needs_the_reviewers_pledge(platform: Platform, actors: A) -> None:
    reviewer = _unpledged_buyer(platform, "q-new", Role.QUALITY)
    platform.people.propose_grant(ADM, {"person_id": "q-new", "department": "quality"})
    pending = [g.id for g in platform.people.grants(ADM, person_id="q-new", state="proposed")]
    platform.people.approve_grants(SUP, pending)
    view = platform.suppliers.register(actors["purchasing2"], application("承诺书测试2号有限公司", seed=902))
    refused(platform, PermissionDenied, "pledge.missing", platform.suppliers.review, reviewer, view.id,
            Department.QUALITY, passed=True, comment="符合要求")


def test_a_supplier_without_a_pledge_may_not_bid(platform: Platform, actors: A, clock: ManualClock) -> None:
    supplier_id = register_admitted_supplier(platform, actors, name="承诺书测试3号有限公司", pledge=False)
    pub = published(platform, actors, clock)
    bidder = supplier_actor(supplier_id)
    bid = {"lots": [{"lot": "L1", "price": "1500000.00"}, {"lot": "L2", "price": "1000.00"}]}
    error = refused(platform, PermissionDenied, "pledge.missing", platform.tenders.submit_bid,
                    bidder, pub.tender.id, bid)
    assert error.details["holder_kind"] == "supplier" and error.details["holder_id"] == supplier_id
    assert "供应商" in error.message_zh and not stray_english(error.message_zh)
    # Its administrator user signs the supplier's pledge; the supplier then bids.
    view = platform.people.sign_pledge(bidder, {"valid_until": clock.now() + timedelta(days=365)})
    assert (view.holder_kind, view.holder_id) == ("supplier", supplier_id)
    assert platform.tenders.submit_bid(bidder, pub.tender.id, bid).tender_id == pub.tender.id


def test_only_a_suppliers_administrator_user_signs_its_pledge(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    supplier_id = register_admitted_supplier(platform, actors, name="承诺书测试4号有限公司", pledge=False)
    platform.people.add_supplier_user(supplier_actor(supplier_id), supplier_id,
                                      {"id": "u-clerk", "name": "投标员"})
    until = {"valid_until": clock.now() + timedelta(days=30)}
    refused(platform, PermissionDenied, "person.not_supplier_admin", platform.people.sign_pledge,
            "u-clerk", until)
    expert = platform.evaluation.add_expert(ADM, {"id": "e-pledge", "name": "专家甲",
                                                  "identity_number": "330782197001019999",
                                                  "specialties": ["materials"]})
    refused(platform, PermissionDenied, "pledge.not_signer", platform.people.sign_pledge, expert.id, until)
    # The clerk reads its supplier's pledges, not a member of staff's.
    refused(platform, PermissionDenied, "permission.person_read", platform.people.pledges, "u-clerk",
            holder_id="p-wang")


def test_a_pledges_period_and_text_are_checked(platform: Platform, clock: ManualClock) -> None:
    me = ACTORS["purchasing"]
    refused(platform, ValidationError, "pledge.period", platform.people.sign_pledge, me,
            {"valid_until": clock.now() - timedelta(minutes=1)})
    refused(platform, ValidationError, "pledge.period", platform.people.sign_pledge, me,
            {"valid_from": clock.now() + timedelta(days=2), "valid_until": clock.now() + timedelta(days=1)})
    refused(platform, ValidationError, "pledge.text_unknown", platform.people.sign_pledge, me,
            {"valid_until": clock.now() + timedelta(days=1), "version": "1999"})
    refused(platform, ValidationError, "pledge.text_mismatch", platform.people.sign_pledge, me,
            {"valid_until": clock.now() + timedelta(days=1), "text_digest": "0" * 64})
