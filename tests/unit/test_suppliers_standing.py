"""Standing (动态管理): warnings, suspension, blacklisting with two approvers, appeal, ticks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tests.kit import refused, register_admitted_supplier, supplier_actor
from zhaocai.actors import Actor
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.platform import Platform

A = dict[str, Actor]



def _eligible(platform: Platform, sid: str) -> list[str]:
    return platform.suppliers.eligibility(sid, Category.MATERIALS, Decimal(1000)).codes


def test_warn_clear_suspend_reinstate_with_reasons(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    refused(platform, ValidationError, "supplier.reason", s.warn, actors["quality"], sid, " ")
    refused(platform, PermissionDenied, "permission.role", s.warn, actors["finance"], sid, "x")
    assert s.warn(actors["quality"], sid, "交货延迟").standing == "warned"
    assert _eligible(platform, sid) == []  # a yellow card does not stop bidding
    refused(platform, InvalidTransition, "supplier.standing.transition", s.warn, actors["quality"], sid, "again")
    assert s.clear_warning(actors["quality"], sid, "已整改").standing == "active"
    s.suspend(actors["supervisor"], sid, "质量事故")
    assert _eligible(platform, sid) == ["suspended"]
    request = s.request_reinstatement(actors["quality"], sid, "整改验收合格")
    refused(platform, ConflictError, "supplier.reinstatement.pending", s.request_reinstatement,
            actors["quality"], sid, "twice")
    refused(platform, PermissionDenied, "permission.self_approval", s.approve_reinstatement,
            actors["quality"], request.id)
    assert s.approve_reinstatement(actors["supervisor"], request.id).standing == "active"
    refused(platform, ConflictError, "supplier.request.decided", s.approve_reinstatement,
            actors["supervisor2"], request.id)
    refused(platform, InvalidTransition, "supplier.standing.transition", s.request_reinstatement,
            actors["quality"], sid, "not suspended")
    changes = [e for e in platform.audit.events("supplier", sid) if e.action.startswith("supplier.standing.")]
    assert [e.action.rsplit(".", 1)[1] for e in changes] == [
        "admit", "warn", "clear_warning", "suspend", "reinstate"]
    assert all('"reason"' in e.change for e in changes)


def test_blacklisting_needs_two_different_approvers_one_a_supervisor(platform: Platform, actors: A,
                                                                     clock: ManualClock) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    refused(platform, ValidationError, "supplier.blacklist.input", s.propose_blacklist,
            actors["purchasing"], sid, "串标", evidence=[])
    request = s.propose_blacklist(actors["purchasing"], sid, "串标", evidence=["开标记录 2026-01"], ban_days=30)
    refused(platform, ConflictError, "supplier.blacklist.pending", s.propose_blacklist,
            actors["quality"], sid, "again", evidence=["x"])
    refused(platform, PermissionDenied, "permission.self_approval", s.approve_blacklist,
            actors["purchasing"], request.id)
    refused(platform, RuleViolation, "supplier.blacklist.supervisor_required", s.approve_blacklist,
            actors["quality"], request.id)
    assert _eligible(platform, sid) == []
    done = s.approve_blacklist(actors["supervisor"], request.id, note="证据确凿")
    assert done.state == "approved" and [a["actor_id"] for a in done.approvals] == ["p-wang", "s-zhou"]
    view = s.get(actors["purchasing"], sid)
    assert view.standing == "blacklisted" and view.ban_until == clock.now() + timedelta(days=30)
    assert _eligible(platform, sid) == ["blacklisted"]
    refused(platform, InvalidTransition, "supplier.standing.transition", s.exit, actors["purchasing"], sid, "leave")
    refused(platform, InvalidTransition, "supplier.admission.transition", s.reapply,
            supplier_actor(sid), sid, "too early")
    clock.advance(days=30)
    assert platform.tick().changes["suppliers.bans"] == 1
    assert s.get(actors["purchasing"], sid).standing == "reapply_eligible"
    assert _eligible(platform, sid) == ["not_admitted"]
    view = s.reapply(supplier_actor(sid), sid, "禁入期满，重新申请")
    assert view.admission == "applied" and view.round == 2
    for dept in ("purchasing", "quality", "technical"):
        s.review(actors[dept], sid, dept, passed=True)
    s.record_site_inspection(actors["purchasing"], sid, report="复查合格", passed=True)
    s.sign_site_inspection(actors["technical"], sid)
    assert s.admit(actors["purchasing"], sid).standing == "active"
    assert _eligible(platform, sid) == []
    assert platform.audit.verify().ok


def test_a_supervisor_may_propose_and_a_colleague_approve(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    request = s.propose_blacklist(actors["supervisor"], sid, "行贿", evidence=["举报材料"])
    assert s.approve_blacklist(actors["quality"], request.id).state == "approved"


def test_appeal_once_and_upheld_restores_the_earlier_standing(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    other = register_admitted_supplier(platform, actors, name="乙")
    s.warn(actors["quality"], sid, "延迟")
    refused(platform, InvalidTransition, "supplier.standing.transition", s.appeal, supplier_actor(sid), sid, "x")
    request = s.propose_blacklist(actors["purchasing"], sid, "伪造资料", evidence=["证据"])
    s.approve_blacklist(actors["supervisor"], request.id)
    refused(platform, PermissionDenied, "permission.other_supplier", s.appeal, supplier_actor(other), sid, "x")
    s.appeal(supplier_actor(sid), sid, "资料系他人冒用")
    refused(platform, ConflictError, "supplier.appeal.used", s.appeal, supplier_actor(sid), sid, "again")
    refused(platform, PermissionDenied, "permission.appeal_decider", s.decide_appeal,
            actors["supervisor"], sid, upheld=True, reason="我批准的")
    refused(platform, PermissionDenied, "permission.role", s.decide_appeal, actors["quality"], sid, upheld=True, reason="x")
    view = s.decide_appeal(actors["supervisor2"], sid, upheld=True, reason="经查属实")
    assert view.standing == "warned" and view.ban_until is None


def test_dismissed_appeal_keeps_the_ban(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    request = s.propose_blacklist(actors["purchasing"], sid, "串标", evidence=["证据"])
    s.approve_blacklist(actors["supervisor"], request.id)
    s.appeal(actors["purchasing2"], sid, "纸质申诉")
    assert s.decide_appeal(actors["supervisor2"], sid, upheld=False, reason="证据充分").standing == "blacklisted"
    refused(platform, ConflictError, "supplier.appeal.used", s.appeal, supplier_actor(sid), sid, "again")


def test_rejected_proposal_changes_no_standing(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    request = s.propose_blacklist(actors["purchasing"], sid, "疑似", evidence=["线索"])
    refused(platform, PermissionDenied, "permission.role", s.reject_blacklist, actors["quality"], request.id, "x")
    assert s.reject_blacklist(actors["supervisor"], request.id, "证据不足").state == "rejected"
    assert s.get(actors["purchasing"], sid).standing == "active"


def test_exit_and_return(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    s.suspend(actors["quality"], sid, "安全事故")
    refused(platform, InvalidTransition, "supplier.standing.transition", s.exit, supplier_actor(sid), sid, "逃避")
    s.approve_reinstatement(actors["supervisor"], s.request_reinstatement(actors["quality"], sid, "ok").id)
    s.exit(supplier_actor(sid), sid, "业务调整")
    assert _eligible(platform, sid) == ["exited"]
    assert s.reapply(supplier_actor(sid), sid, "恢复合作").admission == "applied"


def test_expired_qualification_ineligible_from_the_instant_and_tick_records_it(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    expiry = clock.now() + timedelta(days=10)
    short = s.add_qualification(actors["quality"], sid, {
        "type": "quality_management_certificate", "grade": "", "number": "Q-short", "issuer": "x",
        "valid_from": datetime(2020, 1, 1, tzinfo=UTC), "valid_until": expiry}).qualifications[-1]
    s.verify_qualification(actors["technical"], short.id)
    # Only the short one should count: replace the factory's long-lived certificate.
    from sqlalchemy import delete

    from zhaocai.suppliers.tables import QualificationRow
    with platform.internal.engine.begin() as conn:
        conn.execute(delete(QualificationRow.__table__).where(  # type: ignore[attr-defined]
            QualificationRow.__table__.c.number != "Q-short",  # type: ignore[attr-defined]
            QualificationRow.__table__.c.type == "quality_management_certificate"))  # type: ignore[attr-defined]
    at = expiry - timedelta(microseconds=1)
    assert s.eligibility(sid, Category.MATERIALS, Decimal(1), at=at).eligible
    assert s.eligibility(sid, Category.MATERIALS, Decimal(1), at=expiry).codes == ["qualification_expired"]
    assert platform.tick().changes["suppliers.qualifications"] == 0
    clock.set(expiry)
    report = platform.tick()
    assert report.changes["suppliers.qualifications"] == 1
    assert platform.tick().changes["suppliers.qualifications"] == 0
    assert [e.type for e in platform.events.read(limit=1000)][-1] == "SupplierCategoryLapsed"
    renewed = s.add_qualification(supplier_actor(sid), sid, {
        "type": "quality_management_certificate", "grade": "", "number": "Q-new", "issuer": "x",
        "valid_from": expiry, "valid_until": expiry + timedelta(days=365)}).qualifications[-1]
    assert renewed.status == "pending"  # a self-renewal counts only once staff verify it
    assert s.eligibility(sid, Category.MATERIALS, Decimal(1)).codes == ["qualification_expired"]
    assert platform.tick().changes["suppliers.qualifications"] == 0
    s.verify_qualification(actors["quality"], renewed.id, note="原件核验")
    assert s.eligibility(sid, Category.MATERIALS, Decimal(1)).eligible
    assert [e.type for e in platform.events.read(limit=1000)][-1] == "SupplierCategoryRestored"
    assert platform.audit.verify().ok
