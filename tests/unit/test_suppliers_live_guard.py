"""Rules no single person can bend, supplier side: suppliers are never staff, and no officer alone
warns, suspends or blacklists a supplier with a live bid."""

from __future__ import annotations

from datetime import datetime

from tests.kit import admitted, build_tender, draft, refused, register_custodian_keys, supplier_actor
from zhaocai.actors import Actor, Role
from zhaocai.bidding.live import live_tenders
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation
from zhaocai.platform import Platform

A = dict[str, Actor]
PRICES = [("1000000.00", "900000.00"), ("1050000.00", "950000.00"), ("1100000.00", "990000.00")]


def _staff_supplier(supplier_id: str, *roles: Role) -> Actor:
    """A supplier's user that also holds staff roles (as a careless directory could give it)."""
    return Actor(id=f"u2-{supplier_id}", name="供应商兼职", roles=frozenset({Role.SUPPLIER, *roles}),
                 supplier_id=supplier_id)


def test_a_supplier_user_with_staff_roles_is_refused_on_every_staff_command(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    own, rival = admitted(platform, actors, 2)
    s = platform.suppliers
    me = _staff_supplier(own, Role.QUALITY, Role.PURCHASING, Role.SUPERVISOR)
    code = "permission.supplier_as_staff"
    refused(platform, PermissionDenied, code, s.review, me, own, "quality", passed=True)
    refused(platform, PermissionDenied, code, s.warn, me, rival, "对手")
    refused(platform, PermissionDenied, code, s.suspend, me, rival, "对手")
    refused(platform, PermissionDenied, code, s.propose_blacklist, me, rival, "对手", evidence=["证据"])
    refused(platform, PermissionDenied, code, s.reject, me, rival, "对手")
    refused(platform, PermissionDenied, code, platform.tenders.create_draft, me, draft(clock))
    refused(platform, PermissionDenied, code, platform.evaluation.experts, me)
    refused(platform, PermissionDenied, code, platform.tenders.opened_bids, me, "tdr-any")
    # a command open to suppliers and staff: the supplier's user acts for its own supplier only
    refused(platform, PermissionDenied, "permission.other_supplier", s.exit, me, rival, "退出")
    # the supplier role without a supplier id is a supplier's user too
    bare = Actor(id="u-bare", name="无主供应商", roles=frozenset({Role.SUPPLIER, Role.QUALITY}))
    refused(platform, PermissionDenied, code, s.warn, bare, rival, "对手")
    assert s.get(actors["purchasing"], rival).standing == "active"


def test_suspending_a_bidder_after_opening_waits_for_another_supervisor(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 3)
    pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=PRICES, lots=2).pub
    tid, lowest = pub.tender.id, suppliers[0]
    s = platform.suppliers
    with platform.internal.session() as session:
        assert live_tenders(session, suppliers) == {sid: [tid] for sid in suppliers}
    view = s.suspend(actors["supervisor"], lowest, "质量抽检不合格")
    assert view.standing == "active" and view.standing_request is not None
    request = view.standing_request
    assert (request.kind, request.state, request.live_bid) == ("suspend", "pending", True)
    feed = [e.model_dump_json() for e in platform.events.read(limit=1000)]
    assert not any(request.id in e for e in feed)  # a held request tells no integrator of a live bid
    assert platform.suppliers.eligibility(lowest, "materials", 1000).eligible
    refused(platform, ConflictError, "supplier.standing_request.pending", s.suspend,
            actors["quality"], lowest, "again")
    refused(platform, PermissionDenied, "permission.self_approval", s.approve_standing_change,
            actors["supervisor"], request.id, "同意")
    refused(platform, PermissionDenied, "permission.role", s.approve_standing_change,
            actors["purchasing"], request.id, "同意")
    after = s.approve_standing_change(actors["supervisor2"], request.id, "核实属实")
    assert after.standing == "suspended"
    change = [e for e in platform.audit.events("supplier", lowest) if e.action == "supplier.standing.suspend"]
    assert len(change) == 1 and '"approved_by":"s-wu"' in change[0].change.replace(" ", "")
    published = [e for e in platform.events.read(limit=1000) if e.type == "SupplierStandingChanged"]
    assert tid not in published[-1].model_dump_json() and "s-wu" not in published[-1].model_dump_json()
    clock.advance(minutes=5)
    warned = s.warn(actors["quality"], suppliers[1], "交货延迟").standing_request
    assert warned is not None
    rejected = s.reject_standing_change(actors["supervisor"], warned.id, "理由不足")
    assert rejected.state == "rejected" and s.get(actors["purchasing"], suppliers[1]).standing == "active"
    report = platform.integrity.report(tid)
    assert [(r.kind, r.state) for r in report.live_bidder_standing] == [
        ("suspend", "approved"), ("warn", "rejected")]
    assert "在途投标人状态变更" in report.to_text()
    assert report.to_dict()["live_bidder_standing"][0]["supplier_id"] == lowest


def test_blacklisting_a_live_bidder_needs_a_supervisor_other_than_the_proposer(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 3)
    build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=PRICES, lots=2)
    s = platform.suppliers
    request = s.propose_blacklist(actors["supervisor"], suppliers[0], "串标", evidence=["证据"], ban_days=30)
    refused(platform, RuleViolation, "supplier.live_bid.supervisor_required", s.approve_blacklist,
            actors["purchasing"], request.id)
    assert s.approve_blacklist(actors["supervisor2"], request.id).state == "approved"
    assert s.get(actors["purchasing"], suppliers[0]).standing == "blacklisted"


def test_without_live_bids_a_warning_takes_effect_at_once(platform: Platform, actors: A,
                                                          clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 3)
    view = platform.tenders.create_draft(actors["purchasing"], draft(clock))
    assert platform.suppliers.warn(actors["quality"], suppliers[0], "交货延迟").standing == "warned"
    register_custodian_keys(platform)
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    platform.tenders.submit_bid(supplier_actor(suppliers[1]), pub.tender.id,
                                {"lots": [{"lot": "L1", "price": "1000.00"}, {"lot": "L2", "price": "1000.00"}]})
    assert platform.suppliers.warn(actors["quality"], suppliers[1], "x").standing == "active"
    platform.tenders.request_cancellation(actors["purchasing"], pub.tender.id, "需求变更")
    platform.tenders.approve_cancellation(actors["supervisor"], pub.tender.id)
    assert platform.suppliers.suspend(actors["quality"], suppliers[1], "y").standing == "suspended"



def test_a_d_grade_of_a_live_bidder_is_held_for_a_supervisor(platform: Platform, actors: A,
                                                              clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 3)
    start = clock.now()
    for kind in ("late_delivery", "quality_defect", "safety_incident", "quality_defect", "late_delivery"):
        platform.suppliers.record_performance(actors["quality"], {
            "supplier_id": suppliers[0], "contract_id": "HT-1", "kind": kind, "severity": 5,
            "occurred_at": start})
    build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=PRICES, lots=2)  # opened on 23 March, still live
    clock.set(datetime(2026, 4, 2, 9, tzinfo=SHANGHAI))
    closed = platform.suppliers.close_period(actors["purchasing"], "month", "2026-03")
    assert closed.suspended == [] and len(closed.held) == 1
    assert platform.suppliers.get(actors["purchasing"], suppliers[0]).standing == "active"
    request = platform.suppliers.requests(supplier_id=suppliers[0], state="pending")[0]
    assert (request.kind, request.requested_by, request.live_bid) == ("suspend", "p-wang", True)
    assert platform.suppliers.approve_standing_change(actors["supervisor"], request.id,
                                                      "D级属实").standing == "suspended"


def test_a_command_naming_no_role_refuses_a_supplier_user_too(platform: Platform) -> None:
    own = supplier_actor("sup-any")

    def handler(uow):  # type: ignore[no-untyped-def]
        uow.record("note.write", "note", "n1", {"x": 1})

    refused(platform, PermissionDenied, "permission.no_role", platform.internal.run, own, "tick.note",
            handler, roles=())
    platform.internal.run(own, "note.write", handler, roles=[Role.SUPPLIER])  # a supplier command: accepted
