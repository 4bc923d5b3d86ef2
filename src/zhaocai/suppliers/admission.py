"""Admission commands (准入): register, review, site inspection, admit, reject, re-apply.

The handlers load the supplier and the facts of its application round, and let
`AdmissionMachine` and its rules (`admission_rules.py`) decide. Qualifications and category
policies are in `qualifications.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role, require_not_requester
from zhaocai.categories import Category
from zhaocai.errors import ConflictError, ValidationError, parse
from zhaocai.machines import allows, fire
from zhaocai.money import Money
from zhaocai.people.interests.records import require_no_interest
from zhaocai.people.interests.rules import Duty
from zhaocai.people.records import enrol_supplier, require_department_member
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.admission_rules import (
    ReviewFact,
    chosen_categories,
    inspection_needed,
    require_positive_ceiling,
)
from zhaocai.suppliers.common import (
    STAFF,
    SUBJECT,
    ServiceBase,
    categories_of,
    change_standing,
    load_supplier,
    require_own_supplier,
    require_reason,
    view_of,
)
from zhaocai.suppliers.eligibility import held_qualifications, load_policies
from zhaocai.suppliers.identity import identity_key
from zhaocai.suppliers.machines import AdmissionMachine, StandingMachine, admission_field, standing_of
from zhaocai.suppliers.models import SupplierApplication, SupplierView
from zhaocai.suppliers.records import application_rows, audit_form, insert_rows, new_supplier_id
from zhaocai.suppliers.rules import AdmissionState, Department
from zhaocai.suppliers.screening import blacklist_matches, record_screening
from zhaocai.suppliers.tables import (
    InspectionRow,
    ReviewRow,
    ScreeningRow,
    SupplierCategoryRow,
    SupplierRow,
)


def round_reviews(session: Session, row: SupplierRow) -> list[ReviewFact]:
    """The reviews of the supplier's current application round."""
    reviews = session.exec(select(ReviewRow).where(
        col(ReviewRow.supplier_id) == row.id, col(ReviewRow.round) == row.round)).all()
    return [ReviewFact(Department(r.department), r.reviewer_id, r.passed) for r in reviews]


def latest_inspection(session: Session, row: SupplierRow) -> InspectionRow | None:
    """The latest site inspection report of the supplier's current round."""
    return session.exec(select(InspectionRow).where(
        col(InspectionRow.supplier_id) == row.id, col(InspectionRow.round) == row.round)
        .order_by(col(InspectionRow.id).desc())).first()


def round_inspection_passed(session: Session, row: SupplierRow, min_inspectors: int) -> bool:
    """Whether the latest site inspection of the current round passed and was signed by
    `min_inspectors` different people, each in their own command (so each a registered person
    resolved by the register when signing)."""
    last = latest_inspection(session, row)
    return bool(last and last.passed and len(set(last.inspectors)) >= min_inspectors)


def require_new_credit_code(session: Session, credit_code: str) -> None:
    """A credit code is registered once."""
    taken = session.exec(select(SupplierRow.id).where(
        col(SupplierRow.credit_code) == credit_code)).first()
    if taken is not None:
        raise ConflictError(
            "supplier.duplicate_credit_code",
            f"Credit code {credit_code} is already registered ({taken})",
            f"统一社会信用代码 {credit_code} 已登记（{taken}）",
            {"credit_code": credit_code, "supplier_id": taken})


def admit_categories(session: Session, supplier_id: str, chosen: Sequence[Category]) -> None:
    """The supplier is admitted in the `chosen` categories, in none of the others, none lapsed."""
    names = {c.value for c in chosen}
    for cat_row in session.exec(select(SupplierCategoryRow).where(
            col(SupplierCategoryRow.supplier_id) == supplier_id)).all():
        cat_row.admitted, cat_row.lapsed_at = cat_row.category in names, None
        session.add(cat_row)


def reapply_categories(session: Session, supplier_id: str, wanted: set[str] | None) -> list[str]:
    """A new round applies for `wanted` (all the supplier had when None), admitted in none:
    categories not wanted are dropped, new ones added. The categories applied for, sorted."""
    existing = {r.category: r for r in session.exec(select(SupplierCategoryRow).where(
        col(SupplierCategoryRow.supplier_id) == supplier_id)).all()}
    wanted = set(existing) if wanted is None else wanted
    for name, cat_row in existing.items():
        if name in wanted:
            cat_row.admitted, cat_row.lapsed_at = False, None
            session.add(cat_row)
        else:
            session.delete(cat_row)
    for name in sorted(wanted - set(existing)):
        session.add(SupplierCategoryRow(supplier_id=supplier_id, category=name, admitted=False))
    return sorted(wanted)


class AdmissionCommands(ServiceBase):
    """Registration and admission."""

    @acting
    def register(self, actor: Actor, application: SupplierApplication | Mapping[str, Any],
                 *, idempotency_key: str | None = None) -> SupplierView:
        """A supplier applies (or staff register it): the application starts as `applied`."""
        app = parse(SupplierApplication, application)

        def handler(uow: UnitOfWork) -> SupplierView:
            session = uow.session
            require_new_credit_code(session, app.credit_code)
            supplier_id, key = new_supplier_id(), identity_key(session, self.platform.keys)
            insert_rows(session, application_rows(supplier_id, app, key, uow.actor.id, uow.now))
            enrol_supplier(uow, supplier_id, app.contacts[0].name if app.contacts else app.name)
            matches = blacklist_matches(session, [supplier_id]).get(supplier_id, [])
            if matches:
                record_screening(uow, supplier_id, 1, matches)
            uow.record("supplier.register", SUBJECT, supplier_id,
                       {**audit_form(app, key), "screening": [m.model_dump() for m in matches]},
                       event="SupplierRegistered",
                       payload={"supplier_id": supplier_id, "name": app.name,
                                "credit_code": app.credit_code,
                                "categories": [c.value for c in app.categories],
                                "external_ref": app.external_ref})
            return view_of(session, load_supplier(session, supplier_id))

        # The request digest covers identity numbers only as their keyed hashes (the audit form):
        # a plain sha256 of a low-entropy identity number could be reversed by guessing.
        keys = self.platform.keys
        return self.platform.run(actor, "supplier.register", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING, Role.ADMINISTRATOR],
                                 idempotency_key=idempotency_key,
                                 request=lambda session: audit_form(app, identity_key(session, keys)))

    def _round_facts(self, session: Session, row: SupplierRow) -> dict[str, Any]:
        """What the admission rules judge a round on: who registered it, its reviews, the
        ceiling asked for and the threshold of a site inspection."""
        return {"supplier_id": row.id, "registered_by": row.registered_by,
                "application_round": row.round, "reviews": round_reviews(session, row),
                "ceiling": Money.from_fen(row.ceiling_fen).amount,
                "threshold": self.inspection_threshold(session)}

    @acting
    def review(self, actor: Actor, supplier_id: str, department: Department | str, *, passed: bool,
               comment: str = "") -> SupplierView:
        """One department's review of the current application (三三二: three departments)."""
        department = Department(department)

        def handler(uow: UnitOfWork) -> SupplierView:
            # Membership is the register's department grant in force now, not a role claimed.
            require_department_member(uow.session, actor, department.value, uow.now)
            require_no_interest(uow, Duty.ADMISSION_REVIEWER, [supplier_id])
            row = load_supplier(uow.session, supplier_id)
            before = row.admission
            fire(AdmissionMachine, admission_field(row), "review", subject_id=supplier_id,
                 actor=actor, review=ReviewFact(department, actor.id, passed),
                 **self._round_facts(uow.session, row))
            uow.session.add(ReviewRow(supplier_id=supplier_id, round=row.round,
                                      department=department.value, reviewer_id=actor.id,
                                      passed=passed, comment=comment, at=uow.now))
            uow.session.add(row)
            uow.record("supplier.review", SUBJECT, supplier_id, {
                "round": row.round, "department": department.value, "passed": passed,
                "comment": comment, "from": before, "to": row.admission}, event="SupplierReviewed")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.review", handler,
                                 roles=[Role.PURCHASING, Role.QUALITY, Role.TECHNICAL])

    @acting
    def record_site_inspection(self, actor: Actor, supplier_id: str, *, report: str,
                               passed: bool) -> SupplierView:
        """An on-site inspection report, recorded and signed by the actor. Every co-inspector
        signs it in a command of their own (`sign_site_inspection`); it counts for admission only
        once `min_inspectors` different members of staff have signed it."""
        if not report.strip():
            raise ValidationError("supplier.inspection.report", "The report is empty",
                                  "考察报告不能为空")

        def handler(uow: UnitOfWork) -> SupplierView:
            require_no_interest(uow, Duty.SITE_INSPECTOR, [supplier_id])
            row = load_supplier(uow.session, supplier_id)
            fire(AdmissionMachine, admission_field(row), "inspect", subject_id=supplier_id)
            uow.session.add(InspectionRow(supplier_id=supplier_id, round=row.round,
                                          inspectors=[actor.id], report=report, passed=passed,
                                          at=uow.now))
            uow.record("supplier.inspect", SUBJECT, supplier_id, {
                "round": row.round, "inspectors": [actor.id], "report": report,
                "passed": passed}, event="SupplierInspected")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.inspect", handler, roles=STAFF)

    @acting
    def sign_site_inspection(self, actor: Actor, supplier_id: str) -> SupplierView:
        """A co-inspector signs the latest site inspection report of the current round, in a
        command of their own (`supplier.inspection.none`, `supplier.inspection.already_signed`)."""
        def handler(uow: UnitOfWork) -> SupplierView:
            require_no_interest(uow, Duty.SITE_INSPECTOR, [supplier_id])
            row = load_supplier(uow.session, supplier_id)
            fire(AdmissionMachine, admission_field(row), "inspect", subject_id=supplier_id)
            inspection = latest_inspection(uow.session, row)
            if inspection is None:
                raise ConflictError("supplier.inspection.none",
                                    f"Supplier {supplier_id} has no site inspection report to sign",
                                    f"供应商 {supplier_id} 尚无可签署的现场考察报告",
                                    {"supplier_id": supplier_id})
            if actor.id in inspection.inspectors:
                raise ConflictError("supplier.inspection.already_signed",
                                    f"{actor.name} has signed this inspection report already",
                                    f"{actor.name} 已签署该现场考察报告",
                                    {"supplier_id": supplier_id, "actor": actor.id})
            inspection.inspectors = [*inspection.inspectors, actor.id]
            uow.session.add(inspection)
            uow.record("supplier.inspection.sign", SUBJECT, supplier_id, {
                "round": row.round, "inspection_id": inspection.id,
                "inspectors": inspection.inspectors}, event="SupplierInspectionSigned")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.inspection.sign", handler, roles=STAFF)

    def _admission_facts(self, uow: UnitOfWork, row: SupplierRow) -> dict[str, Any]:
        """The round's facts and everything else admission is judged on: the latest site
        inspection, the blacklist screening, the category policies and the qualifications."""
        session = uow.session
        return {**self._round_facts(session, row),
                "inspection_passed": round_inspection_passed(session, row, self.settings.min_inspectors),
                "matches": blacklist_matches(session, [row.id]).get(row.id, []),
                "screening": session.get(ScreeningRow, (row.id, row.round)),
                "policies": load_policies(session), "held": held_qualifications(session, row.id),
                "at": uow.now}

    @acting
    def admit(self, actor: Actor, supplier_id: str, *,
              categories: Sequence[Category] | None = None, reason: str = "") -> SupplierView:
        """Admit the supplier in `categories` (default: all it applied for).

        Needs a passing review from each department by three different people (none the
        registrant), a passing site inspection at or above the threshold, and every required
        qualification of each category valid now; otherwise the refusal says what is missing.
        """
        def handler(uow: UnitOfWork) -> SupplierView:
            row = load_supplier(uow.session, supplier_id)
            require_not_requester(actor, row.registered_by, "supplier.admit")
            chosen = chosen_categories(categories, categories_of(uow.session, supplier_id))
            facts, before = self._admission_facts(uow, row), row.admission
            fire(AdmissionMachine, admission_field(row), "admit", subject_id=supplier_id,
                 categories=chosen, **facts)
            row.admitted_at = uow.now
            admit_categories(uow.session, supplier_id, chosen)
            uow.record("supplier.admit", SUBJECT, supplier_id, {
                "round": row.round, "from": before, "to": row.admission,
                "categories": [c.value for c in chosen], "reason": reason,
                "reviewers": {r.department.value: r.reviewer_id for r in facts["reviews"]},
                "site_inspection": inspection_needed(facts["ceiling"], facts["threshold"]),
                "screening": [m.model_dump() for m in facts["matches"]]}, event="SupplierAdmitted")
            if facts["matches"]:
                record_screening(uow, supplier_id, row.round, facts["matches"])
            change_standing(uow, row, "admit", reason or "admitted")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.admit", handler,
                                 roles=[Role.PURCHASING, Role.SUPERVISOR])

    @acting
    def reject(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Reject the current application, with a reason."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            row = load_supplier(uow.session, supplier_id)
            before = row.admission
            fire(AdmissionMachine, admission_field(row), "reject", subject_id=supplier_id)
            uow.session.add(row)
            uow.record("supplier.reject", SUBJECT, supplier_id,
                       {"round": row.round, "from": before, "to": row.admission, "reason": reason},
                       event="SupplierRejected")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.reject", handler, roles=STAFF)

    @acting
    def reapply(self, actor: Actor, supplier_id: str, reason: str, *,
                ceiling: Any = None, categories: Sequence[Category] | None = None) -> SupplierView:
        """Apply again: after a rejection, after the ban ended, or after a voluntary exit.

        The new application round is reviewed from the start.
        """
        require_reason(reason)
        new_ceiling = require_positive_ceiling(ceiling)
        wanted = {Category(c).value for c in categories} if categories else None

        def handler(uow: UnitOfWork) -> SupplierView:
            require_own_supplier(actor, supplier_id, "supplier.reapply")
            row = load_supplier(uow.session, supplier_id)
            self._end_ban_if_over(uow, row)
            before = row.admission
            fire(AdmissionMachine, admission_field(row), "reapply", subject_id=supplier_id,
                 standing=row.standing)
            row.round += 1
            if new_ceiling is not None:
                row.ceiling_fen = Money.of(new_ceiling).fen
            kept = reapply_categories(uow.session, supplier_id, wanted)
            uow.session.add(row)
            uow.record("supplier.reapply", SUBJECT, supplier_id, {
                "round": row.round, "from": before, "to": row.admission, "reason": reason,
                "ceiling_fen": row.ceiling_fen, "categories": kept}, event="SupplierReapplied")
            uow.session.flush()
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.reapply", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING])

    @staticmethod
    def _end_ban_if_over(uow: UnitOfWork, row: SupplierRow) -> None:
        """A supplier whose ban is over re-applies before the tick has ended the ban."""
        facts: dict[str, Any] = {"ban_until": row.ban_until, "at": uow.now, "supplier_id": row.id}
        if allows(StandingMachine, standing_of(row), "end_ban", **facts):
            change_standing(uow, row, "end_ban", "ban period over", **facts)


__all__ = ["AdmissionCommands", "AdmissionState", "insert_rows"]
