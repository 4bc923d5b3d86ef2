"""Organisational units: officers act on their own unit's tenders, supervisors and auditors on
the subtrees they reach; a single-unit deployment needs no call at all.

Every refusal asserts its code and that the store is unchanged, on both databases.
"""

from __future__ import annotations

from tests.kit import ACTORS, draft, refused, register_actor
from tests.kit.chinese import stray_english
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from zhaocai.platform import Platform

ADM, SUP, SUP2 = ACTORS["admin"], ACTORS["supervisor"], ACTORS["supervisor2"]
OFFICER_A = Actor(id="p-a", name="甲公司采购", organisation="甲公司", roles=frozenset({Role.PURCHASING}))
OFFICER_B = Actor(id="p-b", name="乙公司采购", organisation="乙公司", roles=frozenset({Role.PURCHASING}))
WATCHER_B = Actor(id="s-b", name="乙公司纪检", organisation="乙公司", roles=frozenset({Role.SUPERVISOR}))


def _group(platform: Platform) -> None:
    """A group with two subsidiaries, a project department under the first, and staff in them."""
    people = platform.people
    people.add_unit(ADM, {"id": "co-a", "name": "甲子公司"})
    people.add_unit(ADM, {"id": "co-b", "name": "乙子公司"})
    people.add_unit(ADM, {"id": "proj-a1", "name": "甲子公司一号项目部", "parent_id": "co-a"})
    register_actor(platform, OFFICER_A, OFFICER_B, WATCHER_B)
    for person, unit in (("p-a", "co-a"), ("p-b", "co-b"), ("s-b", "co-b")):
        people.assign_unit(ADM, person, unit)


def test_a_single_unit_deployment_needs_no_call(platform: Platform, clock: ManualClock) -> None:
    assert [(u.id, u.parent_id) for u in platform.people.units()] == [("root", None)]
    tender = platform.tenders.create_draft(ACTORS["purchasing"], draft(clock))
    assert platform.people.tender_unit(tender.id) == "root" == platform.people.unit_of("p-wang")
    platform.tenders.update_draft(ACTORS["purchasing2"], tender.id, draft(clock))


def test_units_form_a_tree_under_the_root(platform: Platform) -> None:
    _group(platform)
    assert {u.id: u.parent_id for u in platform.people.units()} == {
        "root": None, "co-a": "root", "co-b": "root", "proj-a1": "co-a"}
    refused(platform, NotFoundError, "unit.not_found", platform.people.add_unit, ADM,
            {"id": "proj-x", "name": "无主项目部", "parent_id": "co-x"})
    refused(platform, ConflictError, "unit.duplicate", platform.people.add_unit, ADM,
            {"id": "co-a", "name": "又一个甲子公司"})
    refused(platform, PermissionDenied, "permission.role", platform.people.add_unit, ACTORS["purchasing"],
            {"id": "co-c", "name": "丙子公司"})
    refused(platform, NotFoundError, "unit.not_found", platform.people.assign_unit, ADM, "p-a", "co-x")
    refused(platform, ValidationError, "unit.not_staff", platform.people.assign_unit, ADM, "ghost", "co-a")
    refused(platform, NotFoundError, "unit.not_found", platform.people.propose_grant, ADM,
            {"person_id": "s-b", "unit": "co-x"})


def test_an_officer_acts_on_its_own_units_tenders_only(platform: Platform, clock: ManualClock) -> None:
    _group(platform)
    tender = platform.tenders.create_draft(OFFICER_A, draft(clock))
    assert platform.people.tender_unit(tender.id) == "co-a"  # the drafter's unit
    platform.tenders.update_draft(OFFICER_A, tender.id, draft(clock))
    error = refused(platform, PermissionDenied, "unit.outside", platform.tenders.update_draft,
                    OFFICER_B, tender.id, draft(clock))
    assert error.details == {"actor": "p-b", "unit_id": "co-b", "tender_id": tender.id,
                             "tender_unit_id": "co-a"}
    assert "甲子公司" in error.message_zh and not stray_english(error.message_zh)
    # An officer of the group itself is no overseer: the subsidiary's tender is not its own.
    refused(platform, PermissionDenied, "unit.outside", platform.tenders.update_draft,
            ACTORS["purchasing"], tender.id, draft(clock))


def test_overseers_reach_the_subtrees_they_are_granted(platform: Platform, clock: ManualClock) -> None:
    _group(platform)
    platform.people.assign_unit(ADM, "p-li", "proj-a1")
    tender = platform.tenders.create_draft(ACTORS["purchasing2"], draft(clock))  # a project's tender
    assert platform.people.tender_unit(tender.id) == "proj-a1"
    refused(platform, PermissionDenied, "unit.outside", platform.tenders.request_cancellation,
            WATCHER_B, tender.id, "项目取消，不再采购")
    grant = platform.people.propose_grant(ADM, {"person_id": "s-b", "unit": "co-a"})
    assert grant.kind == "unit" and grant.value == "co-a"
    platform.people.approve_grant(SUP, grant.id)
    # A grant on the subsidiary covers its project department.
    platform.tenders.request_cancellation(WATCHER_B, tender.id, "项目取消，不再采购")
    # The group's supervisor, in the root, reaches every unit without any grant.
    platform.tenders.reject_cancellation(SUP2, tender.id)
