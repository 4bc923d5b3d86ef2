"""Performance review (履约评价), related parties and bulk import."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from tests.kit import application, refused, register_admitted_supplier, snapshot
from zhaocai.actors import Actor
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.platform import Platform
from zhaocai.suppliers import related_parties
from zhaocai.suppliers.rules import SupplierSettings, grade_for, period_bounds, previous_period

A = dict[str, Actor]
MARCH = datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)



def _event(platform: Platform, actors: A, sid: str, kind: str, severity: int = 1,
           at: datetime = MARCH, contract: str = "C-1") -> None:
    platform.suppliers.record_performance(actors["quality"], {
        "supplier_id": sid, "contract_id": contract, "kind": kind, "severity": severity,
        "occurred_at": at})


def test_rules_periods_and_grades() -> None:
    start, end = period_bounds("quarter", "2026-Q1")  # type: ignore[arg-type]
    assert start == datetime(2026, 1, 1, tzinfo=SHANGHAI) and end == datetime(2026, 4, 1, tzinfo=SHANGHAI)
    assert period_bounds("month", "2026-12")[1] == datetime(2027, 1, 1, tzinfo=SHANGHAI)  # type: ignore[arg-type]
    assert previous_period("month", "2026-01") == "2025-12"  # type: ignore[arg-type]
    assert previous_period("quarter", "2026-Q1") == "2025-Q4"  # type: ignore[arg-type]
    settings = SupplierSettings()
    assert [grade_for(Decimal(v), settings) for v in (90, "89.99", 75, 60, "59.99")] == ["A", "B", "B", "C", "D"]
    with pytest.raises(ValueError):
        SupplierSettings(weights={"delivery": 50, "quality": 30, "safety": 20, "service": 10, "compliance": 10})


def test_closing_a_period_scores_grades_and_drives_standing(platform: Platform, actors: A,
                                                            clock: ManualClock) -> None:
    s = platform.suppliers
    good, poor, middling, silent = (register_admitted_supplier(platform, actors, name=n)
                                    for n in ("好", "差", "中", "无"))
    clock.set(datetime(2026, 3, 20, tzinfo=SHANGHAI))
    _event(platform, actors, good, "on_time_delivery")
    for kind, sev in (("late_delivery", 5), ("quality_defect", 5), ("safety_incident", 5),
                      ("quality_defect", 5), ("late_delivery", 5)):
        _event(platform, actors, poor, kind, sev)
    _event(platform, actors, middling, "quality_defect", 5)  # quality 70
    _event(platform, actors, middling, "safety_incident", 5)  # safety 50 → total 81
    _event(platform, actors, middling, "safety_incident", 5)  # safety 0 → total 71: C
    refused(platform, RuleViolation, "supplier.performance.period_open", s.close_period,
            actors["purchasing"], "month", "2026-03")
    refused(platform, ValidationError, "supplier.performance.future", s.record_performance,
            actors["quality"], {"supplier_id": good, "contract_id": "C", "kind": "service_complaint",
                                "severity": 1, "occurred_at": clock.now() + timedelta(days=1)})
    clock.set(datetime(2026, 4, 1, 0, 0, tzinfo=SHANGHAI))
    result = s.close_period(actors["purchasing"], "month", "2026-03")
    assert result.scored == 3 and result.suspended == [poor] and result.warned == []
    cards = {c.supplier_id: c for c in s.scorecards(actors["purchasing"], period="month:2026-03")}
    assert silent not in cards  # no events: no score, not a default one
    assert cards[good].total == Decimal("100.00") and cards[good].grade == "A"
    assert cards[middling].scores == {"delivery": 100, "quality": 70, "safety": 0, "service": 100,
                                      "compliance": 100}
    assert cards[middling].total == Decimal("71.00") and cards[middling].grade == "C"
    assert cards[poor].scores["delivery"] == 50 and cards[poor].grade == "D"
    assert s.get(actors["purchasing"], poor).standing == "suspended"
    refused(platform, ConflictError, "supplier.performance.closed", s.close_period,
            actors["purchasing"], "month", "2026-03")
    refused(platform, RuleViolation, "supplier.performance.period_closed", s.record_performance,
            actors["quality"], {"supplier_id": good, "contract_id": "C", "kind": "service_complaint",
                                "severity": 1, "occurred_at": MARCH})
    # A second C in a row warns.
    clock.set(datetime(2026, 4, 10, tzinfo=SHANGHAI))
    _event(platform, actors, middling, "safety_incident", 5, at=datetime(2026, 4, 5, tzinfo=SHANGHAI))
    _event(platform, actors, middling, "safety_incident", 5, at=datetime(2026, 4, 6, tzinfo=SHANGHAI))
    _event(platform, actors, middling, "quality_defect", 5, at=datetime(2026, 4, 7, tzinfo=SHANGHAI))
    clock.set(datetime(2026, 5, 1, tzinfo=SHANGHAI))
    result = s.close_period(actors["purchasing"], "month", "2026-04")
    assert result.warned == [middling] and s.get(actors["purchasing"], middling).standing == "warned"
    changes = [e for e in platform.audit.events("supplier", middling) if e.action == "supplier.standing.warn"]
    assert len(changes) == 1 and "two consecutive C grades" in changes[0].change
    assert platform.audit.verify().ok


def test_a_serious_violation_opens_a_proposal_that_waits_for_two_approvals(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    s = platform.suppliers
    sid = register_admitted_supplier(platform, actors, name="甲")
    clock.set(datetime(2026, 3, 20, tzinfo=SHANGHAI))
    view = s.record_performance(actors["quality"], {
        "supplier_id": sid, "contract_id": "C-9", "kind": "bribery", "severity": 5,
        "occurred_at": MARCH, "note": "向项目经理行贿"})
    assert view.blacklist_request_id is not None
    assert s.get(actors["purchasing"], sid).standing == "active"
    first = s.approve_blacklist(actors["purchasing"], view.blacklist_request_id)
    assert first.state == "pending" and s.get(actors["purchasing"], sid).standing == "active"
    # whoever recorded the violation raised the proposal and may not approve it
    refused(platform, PermissionDenied, "permission.self_approval", s.approve_blacklist,
            actors["quality"], view.blacklist_request_id)
    refused(platform, RuleViolation, "supplier.blacklist.supervisor_required", s.approve_blacklist,
            actors["technical"], view.blacklist_request_id)
    assert s.approve_blacklist(actors["supervisor"], view.blacklist_request_id).state == "approved"
    assert s.get(actors["purchasing"], sid).standing == "blacklisted"


def test_related_parties_with_evidence(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    shared_person = {"role": "owner", "name": "王大", "identity_number": "330782198001011234"}
    a = s.register(actors["purchasing"], application("甲", seed=1, persons=[shared_person])).id
    b_app = application("乙", seed=2, persons=[dict(shared_person, role="manager")],
                        bank_account="6228 0000 0000 0001")  # same account as seed 1, spaced
    b_app["contacts"] = [{"name": "李", "phone": "+86 139-0000-0001", "email": "X@example.cn"}]
    b = s.register(actors["purchasing"], b_app).id
    c = s.register(actors["purchasing"], application("丙", seed=3, address="浙江省义乌市稠城街道工业路1号 ")).id
    d = s.register(actors["purchasing"], application("丁", seed=4)).id
    pairs = s.related_parties(actors["purchasing"], [a, b, c, d])
    by = {(p.supplier_a, p.supplier_b): p for p in pairs}
    ab = by[tuple(sorted((a, b)))]  # type: ignore[index]
    assert ab.kinds == {"related_person", "phone", "bank_account"}
    assert by[tuple(sorted((a, c)))].kinds == {"address"}  # type: ignore[index]
    assert all(d not in (p.supplier_a, p.supplier_b) for p in pairs)
    with platform.internal.session() as session:
        assert related_parties(session, [a, d]) == []
    assert {p.supplier_b if p.supplier_a == a else p.supplier_a for p in s.related_to(actors["purchasing"], a)} == {b, c}
    assert "330782198001011234" not in repr(pairs)


def test_shared_legal_representative(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    a = s.register(actors["purchasing"], application("甲", seed=11)).id
    b = s.register(actors["purchasing"], application(
        "乙", seed=12, legal_representative_id=application("x", seed=11)["legal_representative_id"])).id
    (pair,) = s.related_parties(actors["purchasing"], [a, b])
    assert pair.kinds == {"legal_representative"}


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _flat(seed: int) -> dict[str, str]:
    app = application(f"导入{seed}", seed=seed)
    return {"credit_code": app["credit_code"], "name": app["name"],
            "legal_representative": app["legal_representative"],
            "legal_representative_id": app["legal_representative_id"], "address": app["address"],
            "contact_name": "联系人", "contact_phone": f"1380000{seed:04d}", "contact_email": "",
            "bank_name": "银行", "bank_account": app["bank_account"], "categories": "materials;labour",
            "ceiling": "300000", "qualifications": json.dumps(app["qualifications"], default=str),
            "persons": ""}


def test_import_is_all_or_nothing_and_reports_every_bad_row(platform: Platform, actors: A) -> None:
    s = platform.suppliers
    existing = s.register(actors["purchasing"], application("已有", seed=50)).id
    rows = [_flat(i) for i in range(1, 6)]
    rows[1]["credit_code"] = "91330782000000001X"
    rows[2]["ceiling"] = "-5"
    rows[3]["categories"] = "gold"
    before = snapshot(platform.url)
    report = s.import_suppliers(actors["purchasing"], _csv(rows))
    assert not report.ok and report.imported == 0
    assert [(e.row, e.field) for e in report.errors] == [(2, "credit_code"), (3, "ceiling"), (4, "categories.0")]
    assert snapshot(platform.url) == before
    dup = [_flat(1), _flat(2), _flat(1)]
    report = s.import_suppliers(actors["purchasing"], dup)
    assert [(e.row, e.field) for e in report.errors] == [(3, "credit_code")]
    clash = [_flat(50)]
    assert s.import_suppliers(actors["purchasing"], clash).errors[0].problem.endswith("already registered")
    assert snapshot(platform.url) == before
    good = _csv([_flat(i) for i in range(1, 6)])
    report = s.import_suppliers(actors["purchasing"], good)
    assert report.ok and report.imported == 5 and len(report.supplier_ids) == 5
    assert s.get(actors["purchasing"], report.supplier_ids[0]).admission == "applied"
    assert s.get(actors["purchasing"], report.supplier_ids[0]).categories == {"labour": False, "materials": False}
    assert s.verify_import(report.batch_id, good)  # type: ignore[arg-type]
    assert not s.verify_import(report.batch_id, good.replace("导入1", "导入X"))  # type: ignore[arg-type]
    events = platform.audit.events("supplier_import")
    assert len(events) == 1 and report.digest in events[0].change  # type: ignore[operator]
    assert existing not in report.supplier_ids


def test_import_json_nested_rows(platform: Platform, actors: A, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "suppliers.json"
    path.write_text(json.dumps([application(f"J{i}", seed=i) for i in range(3)], default=str))
    report = platform.suppliers.import_suppliers(actors["admin"], path)
    assert report.ok and report.imported == 3
    assert platform.suppliers.verify_import(report.batch_id, path)  # type: ignore[arg-type]
