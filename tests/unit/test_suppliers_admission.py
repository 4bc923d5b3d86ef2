"""Registration, category policies and admission (准入): every rule and every refusal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.kit import (
    application,
    qualifications_for,
    refused,
    register_admitted_supplier,
    snapshot,
    supplier_actor,
)
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
from zhaocai.keys.registry import IDENTITY_CHECK_SETTING, identity_check
from zhaocai.platform import Platform
from zhaocai.store.schema import PlatformKeyRow
from zhaocai.suppliers.identity import identity_hash
from zhaocai.suppliers.tables import PersonRow

A = dict[str, Actor]


def _register(platform: Platform, actors: A, seed: int = 1, **kw: object) -> str:
    return platform.suppliers.register(actors["purchasing2"],
                                       application(f"供应商{seed}", seed=seed, **kw)).id  # type: ignore[arg-type]


def _review_all(platform: Platform, actors: A, sid: str) -> None:
    for dept in ("purchasing", "quality", "technical"):
        platform.suppliers.review(actors[dept], sid, dept, passed=True, comment="ok")



def test_registration_stores_identity_numbers_only_as_keyed_hashes(platform: Platform, actors: A) -> None:
    app = application("义乌建材", seed=7, persons=[
        {"role": "owner", "name": "王大", "identity_number": "33078219800101123X"}])
    view = platform.suppliers.register(actors["purchasing2"], app)
    assert view.admission == "applied" and view.standing is None
    with platform.internal.session() as s:
        check = s.get(PlatformKeyRow, IDENTITY_CHECK_SETTING)
        persons = s.exec(select(PersonRow)).all()
    # The store keeps the key's check value, never the key (which the key provider holds).
    assert check is not None and check.value == {"check": identity_check(platform.keys)}
    assert {p.role for p in persons} == {"legal_representative", "owner"}
    assert identity_hash(platform.keys, "33078219800101123X") in {p.id_hash for p in persons}
    dump = repr(snapshot(platform.url))
    assert "33078219800101123X" not in dump and app["legal_representative_id"] not in dump
    assert platform.audit.verify().ok


def test_registration_refusals(platform: Platform, actors: A) -> None:
    _register(platform, actors, seed=1)
    refused(platform, ConflictError, "supplier.duplicate_credit_code",
            platform.suppliers.register, actors["purchasing"], application("重复", seed=1))
    refused(platform, ValidationError, "validation.input", platform.suppliers.register,
            actors["purchasing"], application("坏代码", seed=2, credit_code="91330782000000001X"))
    refused(platform, ValidationError, "validation.input", platform.suppliers.register,
            actors["purchasing"], dict(application("浮点", seed=3), ceiling=1.5))
    refused(platform, PermissionDenied, "permission.role", platform.suppliers.register,
            actors["quality"], application("无权", seed=4))


def test_admission_needs_three_departments_by_three_people_not_the_registrant(
        platform: Platform, actors: A) -> None:
    sid = _register(platform, actors)
    s = platform.suppliers
    refused(platform, RuleViolation, "supplier.admission.reviews_missing", s.admit, actors["purchasing"], sid)
    refused(platform, PermissionDenied, "permission.registrant_review", s.review,
            actors["purchasing2"], sid, "purchasing", passed=True)
    refused(platform, PermissionDenied, "permission.department", s.review,
            actors["quality"], sid, "technical", passed=True)
    s.review(actors["purchasing"], sid, "purchasing", passed=True)
    refused(platform, ConflictError, "supplier.review.duplicate", s.review,
            actors["purchasing"], sid, "purchasing", passed=True)
    both = Actor(id="q-zhao", name="赵质量", roles=frozenset({"quality", "technical"}))  # type: ignore[arg-type]
    s.review(both, sid, "quality", passed=True)
    refused(platform, PermissionDenied, "permission.distinct_people", s.review, both, sid, "technical", passed=True)
    assert s.get(actors["purchasing"], sid).admission == "under_review"
    s.review(actors["technical"], sid, "technical", passed=True)
    refused(platform, PermissionDenied, "permission.self_approval", s.admit, actors["purchasing2"], sid)
    view = s.admit(actors["purchasing"], sid)
    assert view.admission == "admitted" and view.standing == "active"
    assert view.categories == {"materials": True}


def test_a_failed_review_blocks_admission_until_rejected(platform: Platform, actors: A) -> None:
    sid = _register(platform, actors)
    s = platform.suppliers
    s.review(actors["purchasing"], sid, "purchasing", passed=True)
    s.review(actors["quality"], sid, "quality", passed=False, comment="样品不合格")
    s.review(actors["technical"], sid, "technical", passed=True)
    err = refused(platform, RuleViolation, "supplier.admission.reviews_missing", s.admit,
                  actors["purchasing"], sid)
    assert err.details["failed"] == ["quality"]
    assert s.reject(actors["quality"], sid, "样品不合格").admission == "rejected"
    refused(platform, InvalidTransition, "supplier.admission.transition", s.reject, actors["quality"], sid, "again")
    view = s.reapply(supplier_actor(sid), sid, "整改完成")
    assert view.admission == "applied" and view.round == 2
    _review_all(platform, actors, sid)
    assert s.admit(actors["purchasing"], sid).admission == "admitted"


def test_large_ceiling_needs_a_site_inspection_signed_by_two(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    sid = _register(platform, actors, ceiling="1000000")  # at the threshold: inspection needed
    refused(platform, InvalidTransition, "supplier.admission.transition", s.record_site_inspection,
            actors["purchasing"], sid, co_inspectors=[actors["quality"].id], report="too early", passed=True)
    _review_all(platform, actors, sid)
    assert s.get(actors["purchasing"], sid).admission == "site_inspection"
    refused(platform, RuleViolation, "supplier.admission.inspection_required", s.admit, actors["purchasing"], sid)
    refused(platform, PermissionDenied, "permission.distinct_people", s.record_site_inspection,
            actors["purchasing"], sid, co_inspectors=[], report="alone", passed=True)
    refused(platform, PermissionDenied, "permission.distinct_people", s.record_site_inspection,
            actors["purchasing"], sid, co_inspectors=[actors["purchasing"].id], report="twice", passed=True)
    s.record_site_inspection(actors["purchasing"], sid, co_inspectors=[actors["technical"].id], report="不合格", passed=False)
    refused(platform, RuleViolation, "supplier.admission.inspection_required", s.admit, actors["purchasing"], sid)
    s.record_site_inspection(actors["purchasing"], sid, co_inspectors=[actors["technical"].id], report="整改后合格", passed=True)
    assert s.admit(actors["purchasing"], sid).admission == "admitted"


def test_below_threshold_no_inspection(platform: Platform, actors: A) -> None:
    sid = _register(platform, actors, ceiling="999999.99")
    _review_all(platform, actors, sid)
    assert platform.suppliers.get(actors["purchasing"], sid).admission == "under_review"
    assert platform.suppliers.admit(actors["purchasing"], sid).admission == "admitted"


def test_missing_or_expired_qualifications_are_listed_exactly(platform: Platform, actors: A,
                                                              clock: ManualClock) -> None:
    now = clock.now()
    quals = [q for q in qualifications_for([Category.LABOUR]) if q["type"] != "work_safety_licence"]
    quals = [dict(q, valid_until=now - timedelta(days=1)) if q["type"] == "labour_services_qualification"
             else q for q in quals]
    sid = _register(platform, actors, categories=[Category.LABOUR, Category.SERVICES],
                    qualifications=quals)
    _review_all(platform, actors, sid)
    err = refused(platform, RuleViolation, "supplier.qualification_missing", platform.suppliers.admit,
                  actors["purchasing"], sid)
    gaps = {(g["category"], g["type"], g["problem"]) for g in err.details["gaps"]}
    assert gaps == {("labour", "labour_services_qualification", "expired"),
                    ("labour", "work_safety_licence", "missing")}
    assert "work_safety_licence" in err.message_en and "安全生产许可证" in err.message_zh
    view = platform.suppliers.admit(actors["purchasing"], sid, categories=[Category.SERVICES])
    assert view.categories == {"labour": False, "services": True}


def test_category_policy_change_is_audited_and_applies(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    refused(platform, PermissionDenied, "permission.role", s.set_category_policy, actors["purchasing"],
            Category.SERVICES, [], "x")
    refused(platform, ValidationError, "validation.input", s.set_category_policy, actors["admin"],
            Category.SERVICES, [{"type": "x", "min_grade": "超级"}], "bad grade")
    s.set_category_policy(actors["admin"], Category.SERVICES,
                          [{"type": "business_licence"}, {"type": "service_licence", "min_grade": "二级"}],
                          "服务类需服务资质")
    assert [r.type for r in s.category_policy(Category.SERVICES)] == ["business_licence", "service_licence"]
    sid = _register(platform, actors, categories=[Category.SERVICES])
    _review_all(platform, actors, sid)
    err = refused(platform, RuleViolation, "supplier.qualification_missing", s.admit, actors["purchasing"], sid)
    assert err.details["gaps"][0]["type"] == "service_licence"
    added = s.add_qualification(supplier_actor(sid), sid, {
        "type": "service_licence", "grade": "三级", "number": "S-1", "issuer": "x",
        "valid_from": datetime(2020, 1, 1, tzinfo=UTC), "valid_until": datetime(2040, 1, 1, tzinfo=UTC)})
    err = refused(platform, RuleViolation, "supplier.qualification_missing", s.admit, actors["purchasing"], sid)
    assert "grades_held" not in err.details["gaps"][0]  # not verified yet: it does not count
    s.verify_qualification(actors["quality"], added.qualifications[-1].id)
    err = refused(platform, RuleViolation, "supplier.qualification_missing", s.admit, actors["purchasing"], sid)
    assert err.details["gaps"][0]["grades_held"] == ["三级"]
    added = s.add_qualification(actors["quality"], sid, {
        "type": "service_licence", "grade": "一级", "number": "S-2", "issuer": "x",
        "valid_from": datetime(2020, 1, 1, tzinfo=UTC), "valid_until": datetime(2040, 1, 1, tzinfo=UTC)})
    s.verify_qualification(actors["technical"], added.qualifications[-1].id)
    assert s.admit(actors["purchasing"], sid).admission == "admitted"
    events = platform.audit.events("category_policy", "services")
    assert len(events) == 1 and "服务类需服务资质" in events[0].change


def test_a_supplier_user_acts_only_for_its_own_supplier(platform: Platform, actors: A) -> None:
    a = register_admitted_supplier(platform, actors, name="甲")
    b = register_admitted_supplier(platform, actors, name="乙")
    refused(platform, PermissionDenied, "permission.other_supplier", platform.suppliers.exit,
            supplier_actor(a), b, "not mine")
    assert platform.suppliers.exit(supplier_actor(b), b, "业务调整").standing == "exited"


def test_eligibility_reasons(platform: Platform, actors: A, clock: ManualClock) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲", ceiling="800000")
    assert s.eligibility(sid, Category.MATERIALS, Decimal("800000")).eligible
    assert s.eligibility(sid, Category.MATERIALS, Decimal("800000.01")).codes == ["ceiling_below_amount"]
    assert s.eligibility("sup-nope", Category.MATERIALS, Decimal(1)).codes == ["not_registered"]
    codes = s.eligibility(sid, Category.LABOUR, Decimal(1)).codes
    assert codes[0] == "not_admitted" and "qualification_missing" in codes
    applied = _register(platform, actors, seed=99)
    assert s.eligibility(applied, Category.MATERIALS, Decimal(1)).codes == ["not_admitted"]
    with pytest.raises(ValidationError):
        s.eligibility(sid, Category.MATERIALS, 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        s.eligibility(sid, Category.MATERIALS, Decimal(1), at=datetime(2026, 3, 2))
    with platform.internal.session() as session:
        from zhaocai.suppliers import check_eligibility

        assert check_eligibility(session, sid, Category.MATERIALS, Decimal(1), clock.now()).eligible
