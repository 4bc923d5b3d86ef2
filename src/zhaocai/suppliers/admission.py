"""Admission commands (准入): register, review, site inspection, admit, reject, re-apply.

Qualifications and category policies are in `qualifications.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Actor, Role, require_distinct, require_not_requester
from zhaocai.categories import Category
from zhaocai.errors import (
    ConflictError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
    parse,
)
from zhaocai.money import Money, to_decimal
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import (
    STAFF,
    SUBJECT,
    ServiceBase,
    change_standing,
    load_supplier,
    record_standing,
    require_own_supplier,
    require_reason,
    view_of,
)
from zhaocai.suppliers.eligibility import held_qualifications, load_policies
from zhaocai.suppliers.identity import identity_key
from zhaocai.suppliers.machines import AdmissionMachine, next_state
from zhaocai.suppliers.models import SupplierApplication, SupplierView
from zhaocai.suppliers.records import application_rows, audit_form, insert_rows, new_supplier_id
from zhaocai.suppliers.rules import (
    AdmissionState,
    Department,
    QualificationGap,
    ReviewFact,
    Standing,
    failed_reviews,
    inspection_needed,
    missing_reviews,
    qualification_gaps,
)
from zhaocai.suppliers.screening import (
    blacklist_matches,
    record_screening,
    require_screening_cleared,
)
from zhaocai.suppliers.tables import (
    InspectionRow,
    ReviewRow,
    SupplierCategoryRow,
    SupplierRow,
)


def round_reviews(session: Session, row: SupplierRow) -> list[ReviewFact]:
    """The reviews of the supplier's current application round."""
    reviews = session.exec(select(ReviewRow).where(
        col(ReviewRow.supplier_id) == row.id, col(ReviewRow.round) == row.round)).all()
    return [ReviewFact(Department(r.department), r.reviewer_id, r.passed) for r in reviews]


def round_inspection_passed(session: Session, row: SupplierRow) -> bool:
    """Whether the latest site inspection of the current round passed."""
    last = session.exec(select(InspectionRow).where(
        col(InspectionRow.supplier_id) == row.id, col(InspectionRow.round) == row.round)
        .order_by(col(InspectionRow.id).desc())).first()
    return bool(last and last.passed)


def gaps_error(supplier_id: str, gaps: list[QualificationGap]) -> RuleViolation:
    """The refusal listing exactly which qualifications are missing or expired, per category."""
    en = "; ".join(f"{g.category.value}: {g.detail_en}" for g in gaps)
    zh = "；".join(f"{g.category.label_zh}：{g.detail_zh}" for g in gaps)
    return RuleViolation(
        "supplier.qualification_missing",
        f"Supplier {supplier_id} lacks required qualifications — {en}",
        f"供应商 {supplier_id} 资质不符合要求——{zh}",
        {"supplier_id": supplier_id, "gaps": [
            {"category": g.category.value, "type": g.type, "problem": g.problem,
             "min_grade": g.min_grade, **g.found} for g in gaps]},
    )


class AdmissionCommands(ServiceBase):
    """Registration and admission."""

    def register(self, actor: Actor, application: SupplierApplication | Mapping[str, Any],
                 *, idempotency_key: str | None = None) -> SupplierView:
        """A supplier applies (or staff register it): the application starts as `applied`."""
        app = parse(SupplierApplication, application)

        def handler(uow: UnitOfWork) -> SupplierView:
            session = uow.session
            taken = session.exec(select(SupplierRow.id).where(
                col(SupplierRow.credit_code) == app.credit_code)).first()
            if taken is not None:
                raise ConflictError(
                    "supplier.duplicate_credit_code",
                    f"Credit code {app.credit_code} is already registered ({taken})",
                    f"统一社会信用代码 {app.credit_code} 已登记（{taken}）",
                    {"credit_code": app.credit_code, "supplier_id": taken})
            supplier_id = new_supplier_id()
            key = identity_key(session)
            insert_rows(session, application_rows(supplier_id, app, key, uow.actor.id, uow.now))
            matches = blacklist_matches(session, [supplier_id]).get(supplier_id, [])
            if matches:
                record_screening(uow, supplier_id, 1, matches)
            uow.record("supplier.register", SUBJECT, supplier_id,
                       {**audit_form(app, key), "screening": [m.model_dump() for m in matches]},
                       event="SupplierRegistered",
                       payload={"supplier_id": supplier_id, "name": app.name,
                                "credit_code": app.credit_code,
                                "categories": [c.value for c in app.categories]})
            return view_of(session, load_supplier(session, supplier_id))

        # The request digest covers identity numbers only as their keyed hashes (the audit form):
        # a plain sha256 of a low-entropy identity number could be reversed by guessing.
        return self.platform.run(actor, "supplier.register", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING, Role.ADMINISTRATOR],
                                 idempotency_key=idempotency_key,
                                 request=lambda session: audit_form(app, identity_key(session)))

    def review(self, actor: Actor, supplier_id: str, department: Department | str, *, passed: bool,
               comment: str = "") -> SupplierView:
        """One department's review of the current application (三三二: three departments)."""
        department = Department(department)
        if not actor.has(Role(department.value)):
            raise PermissionDenied(
                "permission.department",
                f"{actor.name} is not in the {department.value} department",
                f"{actor.name} 不属于{department.value}部门",
                {"actor": actor.id, "department": department.value})

        def handler(uow: UnitOfWork) -> SupplierView:
            session = uow.session
            row = load_supplier(session, supplier_id)
            if row.registered_by == actor.id:
                raise PermissionDenied(
                    "permission.registrant_review",
                    f"{actor.name} registered this application and may not review it",
                    f"{actor.name} 登记了该申请，不得参与审核", {"actor": actor.id})
            reviews = round_reviews(session, row)
            if any(r.department == department for r in reviews):
                raise ConflictError(
                    "supplier.review.duplicate",
                    f"The {department.value} department has already reviewed round {row.round}",
                    f"{department.value}部门已审核第 {row.round} 轮申请",
                    {"supplier_id": supplier_id, "department": department.value})
            require_distinct([r.reviewer_id for r in reviews] + [actor.id], len(reviews) + 1,
                             "supplier admission review")
            after = [*reviews, ReviewFact(department, actor.id, passed)]
            state = next_state(
                AdmissionMachine, row.admission, "review", supplier_id,
                reviews_complete=not missing_reviews(after),
                inspection_needed=self._inspection_needed(session, row))
            session.add(ReviewRow(supplier_id=supplier_id, round=row.round,
                                  department=department.value, reviewer_id=actor.id,
                                  passed=passed, comment=comment, at=uow.now))
            before, row.admission = row.admission, state
            session.add(row)
            uow.record("supplier.review", SUBJECT, supplier_id, {
                "round": row.round, "department": department.value, "passed": passed,
                "comment": comment, "from": before, "to": state}, event="SupplierReviewed")
            return view_of(session, row)

        return self.platform.run(actor, "supplier.review", handler,
                                 roles=[Role.PURCHASING, Role.QUALITY, Role.TECHNICAL])

    def _inspection_needed(self, session: Session, row: SupplierRow) -> bool:
        return inspection_needed(Money.from_fen(row.ceiling_fen).amount, self.inspection_threshold(session))

    def record_site_inspection(self, actor: Actor, supplier_id: str, *, co_inspectors: Sequence[str],
                               report: str, passed: bool) -> SupplierView:
        """An on-site inspection report, signed by the actor and the co-inspectors named."""
        if not report.strip():
            raise ValidationError("supplier.inspection.report", "The report is empty",
                                  "考察报告不能为空")
        inspectors = [actor.id, *co_inspectors]

        def handler(uow: UnitOfWork) -> SupplierView:
            require_distinct(inspectors, self.settings.min_inspectors, "site inspection")
            row = load_supplier(uow.session, supplier_id)
            next_state(AdmissionMachine, row.admission, "inspect", supplier_id)
            uow.session.add(InspectionRow(supplier_id=supplier_id, round=row.round,
                                          inspectors=inspectors, report=report, passed=passed,
                                          at=uow.now))
            uow.record("supplier.inspect", SUBJECT, supplier_id, {
                "round": row.round, "inspectors": inspectors, "report": report,
                "passed": passed}, event="SupplierInspected")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.inspect", handler, roles=STAFF)

    def admit(self, actor: Actor, supplier_id: str, *,
              categories: Sequence[Category] | None = None, reason: str = "") -> SupplierView:
        """Admit the supplier in `categories` (default: all it applied for).

        Needs a passing review from each department by three different people (none the
        registrant), a passing site inspection at or above the threshold, and every required
        qualification of each category valid now; otherwise the refusal says what is missing.
        """
        def handler(uow: UnitOfWork) -> SupplierView:
            session = uow.session
            row = load_supplier(session, supplier_id)
            require_not_requester(actor, row.registered_by, "supplier.admit")
            reviews = round_reviews(session, row)
            missing, failed = missing_reviews(reviews), failed_reviews(reviews)
            if missing:
                raise RuleViolation(
                    "supplier.admission.reviews_missing",
                    f"Admission needs a passing review from each department; missing: "
                    f"{', '.join(d.value for d in missing)}",
                    f"准入需要采购、质量、技术三个部门审核通过；尚缺：{'、'.join(d.value for d in missing)}",
                    {"missing": [d.value for d in missing], "failed": [d.value for d in failed]})
            require_distinct([r.reviewer_id for r in reviews], len(Department), "supplier admission")
            matches = blacklist_matches(session, [supplier_id]).get(supplier_id, [])
            require_screening_cleared(session, row, matches, [r.reviewer_id for r in reviews])
            threshold = self.inspection_threshold(session)
            needed = self._inspection_needed(session, row)
            passed = round_inspection_passed(session, row)
            if needed and not passed:
                raise RuleViolation(
                    "supplier.admission.inspection_required",
                    f"A ceiling of {Money.from_fen(row.ceiling_fen)} needs a passing site inspection "
                    f"(threshold {threshold})",
                    f"合作上限 {Money.from_fen(row.ceiling_fen)} 需先通过现场考察"
                    f"（门槛 {threshold}）",
                    {"threshold": str(threshold)})
            applied = {r.category for r in session.exec(select(SupplierCategoryRow).where(
                col(SupplierCategoryRow.supplier_id) == supplier_id)).all()}
            chosen = sorted({Category(c) for c in categories} if categories else
                            {Category(c) for c in applied})
            unknown = [c.value for c in chosen if c.value not in applied]
            if unknown:
                raise ValidationError(
                    "supplier.admission.category", f"Not applied for: {', '.join(unknown)}",
                    f"未申请的类别：{'、'.join(unknown)}", {"categories": unknown})
            policies = load_policies(session)
            held = held_qualifications(session, supplier_id)
            gaps = [g for c in chosen for g in qualification_gaps(c, policies[c], held, uow.now)]
            if gaps:
                raise gaps_error(supplier_id, gaps)
            state = next_state(AdmissionMachine, row.admission, "admit", supplier_id,
                               reviews_complete=True, inspection_needed=needed,
                               inspection_passed=passed)
            for cat_row in session.exec(select(SupplierCategoryRow).where(
                    col(SupplierCategoryRow.supplier_id) == supplier_id)).all():
                cat_row.admitted = cat_row.category in {c.value for c in chosen}
                cat_row.lapsed_at = None
                session.add(cat_row)
            before, row.admission, row.admitted_at = row.admission, state, uow.now
            uow.record("supplier.admit", SUBJECT, supplier_id, {
                "round": row.round, "from": before, "to": state,
                "categories": [c.value for c in chosen], "reason": reason,
                "reviewers": {r.department.value: r.reviewer_id for r in reviews},
                "site_inspection": needed, "screening": [m.model_dump() for m in matches]},
                event="SupplierAdmitted")
            if matches:
                record_screening(uow, supplier_id, row.round, matches)
            if row.standing is None:
                record_standing(uow, row, None, Standing.ACTIVE.value, "admitted", "admit")
            else:
                change_standing(uow, row, "readmit", reason or "re-admitted after review")
            return view_of(session, row)

        return self.platform.run(actor, "supplier.admit", handler,
                                 roles=[Role.PURCHASING, Role.SUPERVISOR])

    def reject(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Reject the current application, with a reason."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            row = load_supplier(uow.session, supplier_id)
            state = next_state(AdmissionMachine, row.admission, "reject", supplier_id)
            before, row.admission = row.admission, state
            uow.session.add(row)
            uow.record("supplier.reject", SUBJECT, supplier_id,
                       {"round": row.round, "from": before, "to": state, "reason": reason},
                       event="SupplierRejected")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.reject", handler, roles=STAFF)

    def reapply(self, actor: Actor, supplier_id: str, reason: str, *,
                ceiling: Any = None, categories: Sequence[Category] | None = None) -> SupplierView:
        """Apply again: after a rejection, after the ban ended, or after a voluntary exit.

        The new application round is reviewed from the start.
        """
        require_reason(reason)
        new_ceiling = None if ceiling is None else to_decimal(ceiling, field="ceiling")

        def handler(uow: UnitOfWork) -> SupplierView:
            require_own_supplier(actor, supplier_id, "supplier.reapply")
            session = uow.session
            row = load_supplier(session, supplier_id)
            if row.standing == Standing.BLACKLISTED and row.ban_until and row.ban_until <= uow.now:
                change_standing(uow, row, "end_ban", "ban period over")
            may = row.standing in (Standing.REAPPLY_ELIGIBLE, Standing.EXITED)
            state = next_state(AdmissionMachine, row.admission, "reapply", supplier_id,
                               may_reapply=may)
            before, row.admission, row.round = row.admission, state, row.round + 1
            if new_ceiling is not None:
                if new_ceiling <= 0:
                    raise ValidationError("supplier.ceiling", "The ceiling must be positive",
                                          "合作上限必须为正数")
                row.ceiling_fen = Money.of(new_ceiling).fen
            existing = {r.category: r for r in session.exec(select(SupplierCategoryRow).where(
                col(SupplierCategoryRow.supplier_id) == supplier_id)).all()}
            wanted = {Category(c).value for c in categories} if categories else set(existing)
            for name, cat_row in existing.items():
                if name in wanted:
                    cat_row.admitted, cat_row.lapsed_at = False, None
                    session.add(cat_row)
                else:
                    session.delete(cat_row)
            for name in sorted(wanted - set(existing)):
                session.add(SupplierCategoryRow(supplier_id=supplier_id, category=name,
                                                admitted=False))
            session.add(row)
            uow.record("supplier.reapply", SUBJECT, supplier_id, {
                "round": row.round, "from": before, "to": state, "reason": reason,
                "ceiling_fen": row.ceiling_fen, "categories": sorted(wanted)},
                event="SupplierReapplied")
            session.flush()
            return view_of(session, row)

        return self.platform.run(actor, "supplier.reapply", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING])


__all__ = ["AdmissionCommands", "AdmissionState", "insert_rows"]
