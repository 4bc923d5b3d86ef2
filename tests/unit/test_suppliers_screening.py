"""Admission screening against the blacklist, and verified renewals: refusals change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.kit import application, refused, register_admitted_supplier, supplier_actor
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.platform import Platform
from zhaocai.suppliers.rules import Department

A = dict[str, Actor]


def _blacklisted(platform: Platform, actors: A, seed: int) -> str:
    sid = register_admitted_supplier(platform, actors, name="被清退建材", seed=seed)
    s = platform.suppliers
    request = s.propose_blacklist(actors["quality"], sid, "串标", evidence=["证据"], ban_days=365)
    s.approve_blacklist(actors["supervisor"], request.id)
    return sid


def _reviewed(platform: Platform, actors: A, app: dict[str, object]) -> str:
    s = platform.suppliers
    sid = s.register(actors["purchasing2"], app).id
    for key, dept in (("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
                      ("technical", Department.TECHNICAL)):
        s.review(actors[key], sid, dept, passed=True, comment="符合")
    return sid


def test_a_new_company_like_a_blacklisted_one_needs_a_supervisor_decision(
        platform: Platform, actors: A) -> None:
    bad = _blacklisted(platform, actors, seed=501)
    old = application("旧", seed=501)
    # same legal representative (identity number) and bank account, written with full-width
    # digits and spaces; everything else new
    account = " ".join(old["bank_account"]).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    app = application("新壳公司", seed=777, legal_representative="法 人501",
                      legal_representative_id=old["legal_representative_id"], bank_account=account)
    sid = _reviewed(platform, actors, app)
    s = platform.suppliers
    screening = s.get(actors["purchasing"], sid).screening
    assert screening is not None
    assert {(m.blacklisted_id, m.attribute) for m in screening.matches} == {
        (bad, "legal_representative"), (bad, "bank_account")}
    err = refused(platform, RuleViolation, "supplier.admission.blacklist_match", s.admit,
                  actors["purchasing"], sid)
    assert err.details["matches"][0]["blacklisted_id"] == bad
    refused(platform, PermissionDenied, "permission.role", s.decide_screening, actors["quality"], sid,
            admit=True, reason="x")
    refused(platform, ValidationError, "supplier.reason", s.decide_screening, actors["supervisor"], sid,
            admit=True, reason=" ")
    # 赵质量 made a supervisor too, by an approved grant: still not the decider of her own screening.
    grant = platform.people.propose_grant(actors["admin"], {"person_id": actors["quality"].id, "role": "supervisor"})
    platform.people.approve_grant(actors["supervisor"], grant.id)
    both = Actor(id=actors["quality"].id, name="赵质量", roles=frozenset({Role.QUALITY, Role.SUPERVISOR}))
    refused(platform, PermissionDenied, "permission.screening_decider", s.decide_screening, both, sid,
            admit=True, reason="我审核过")
    s.decide_screening(actors["supervisor2"], sid, admit=False, reason="疑似换壳")
    refused(platform, RuleViolation, "supplier.admission.blacklist_match", s.admit,
            actors["purchasing"], sid)
    view = s.decide_screening(actors["supervisor2"], sid, admit=True, reason="法人已变更，核实无关联")
    assert view.screening is not None and view.screening.decided_by == "s-wu"
    assert s.admit(actors["purchasing"], sid).admission == "admitted"
    decided = [e for e in platform.audit.events("supplier", sid) if e.action == "supplier.screening.decide"]
    assert len(decided) == 2 and "核实无关联" in decided[1].change


def test_an_applicant_without_matches_needs_no_decision(platform: Platform, actors: A) -> None:
    _blacklisted(platform, actors, seed=601)
    sid = _reviewed(platform, actors, application("清白公司", seed=602))
    s = platform.suppliers
    assert s.get(actors["purchasing"], sid).screening is None
    refused(platform, RuleViolation, "supplier.screening.no_match", s.decide_screening,
            actors["supervisor"], sid, admit=True, reason="x")
    assert s.admit(actors["purchasing"], sid).admission == "admitted"


def test_a_match_found_after_the_decision_needs_a_new_one(platform: Platform, actors: A) -> None:
    first = _blacklisted(platform, actors, seed=701)
    app = application("新壳二号", seed=702, address=application("x", seed=701)["address"])
    sid = _reviewed(platform, actors, app)
    s = platform.suppliers
    s.decide_screening(actors["supervisor"], sid, admit=True, reason="地址为共享园区")
    # another supplier with the applicant's phone (written differently) is blacklisted meanwhile
    phone = [{"name": "别人", "phone": "+86 " + app["contacts"][0]["phone"]}]  # type: ignore[index]
    second = register_admitted_supplier(platform, actors, name="另一家", seed=703, contacts=phone)
    request = s.propose_blacklist(actors["quality"], second, "围标", evidence=["证据"], ban_days=30)
    s.approve_blacklist(actors["supervisor2"], request.id)
    err = refused(platform, RuleViolation, "supplier.admission.blacklist_match", s.admit,
                  actors["purchasing"], sid)
    assert {(m["blacklisted_id"], m["attribute"]) for m in err.details["matches"]} == {
        (first, "address"), (second, "phone")}
    s.decide_screening(actors["supervisor"], sid, admit=True, reason="电话为园区总机")
    assert s.admit(actors["purchasing"], sid).admission == "admitted"


def test_renewals_count_only_once_another_staff_member_verifies_them(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    own = supplier_actor(sid)
    assert all(q.status == "admission" for q in s.get(actors["purchasing"], sid).qualifications)
    renewed = s.add_qualification(own, sid, {
        "type": "quality_management_certificate", "grade": "", "number": "Q-2", "issuer": "x",
        "valid_from": datetime(2020, 1, 1, tzinfo=UTC),
        "valid_until": clock.now() + timedelta(days=400)}).qualifications[-1]
    assert (renewed.status, renewed.added_by) == ("pending", own.id)
    platform.people.add_supplier_user(own, sid, {"id": "u2", "name": "兼职"})
    staff_supplier = Actor(id="u2", name="兼职", roles=frozenset({Role.SUPPLIER, Role.QUALITY}), supplier_id=sid)
    refused(platform, PermissionDenied, "person.role_not_granted", s.verify_qualification,
            staff_supplier, renewed.id)
    refused(platform, PermissionDenied, "permission.role", s.verify_qualification, "u2", renewed.id)
    refused(platform, PermissionDenied, "permission.role", s.verify_qualification, actors["finance"], renewed.id)
    refused(platform, NotFoundError, "supplier.qualification.not_found", s.verify_qualification,
            actors["quality"], 999999)
    refused(platform, ValidationError, "supplier.reason", s.reject_qualification, actors["quality"],
            renewed.id, "")
    by_staff = s.add_qualification(actors["quality"], sid, {
        "type": "business_licence", "grade": "", "number": "B-2", "issuer": "x",
        "valid_from": datetime(2020, 1, 1, tzinfo=UTC),
        "valid_until": clock.now() + timedelta(days=400)}).qualifications[-1]
    refused(platform, PermissionDenied, "permission.self_approval", s.verify_qualification,
            actors["quality"], by_staff.id)
    view = s.reject_qualification(actors["technical"], by_staff.id, "证书编号查无此证")
    assert view.qualifications[-1].status == "rejected"
    refused(platform, ConflictError, "supplier.qualification.decided", s.verify_qualification,
            actors["purchasing"], by_staff.id)
    view = s.verify_qualification(actors["quality"], renewed.id, note="原件核验")
    assert [q.status for q in view.qualifications if q.id == renewed.id] == ["verified"]
    events = [e.action for e in platform.audit.events("supplier", sid)]
    assert events[-3:] == ["supplier.qualification.add", "supplier.qualification.reject",
                           "supplier.qualification.verify"]
