"""Case commands of `platform.integrity`: open a case from a flag, assign, record, conclude.

Auditors and supervisors (审计、纪检) work cases. A case is opened only from a flag the library
computes over the store now (the caller's word that a flag exists is not taken); a referral
names a blacklisting request of the supplier register, which must exist and concern one of the
case's suppliers. Every change is one command through `platform.run` and one `uow.record`.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role, require_not_supplier, require_role
from zhaocai.errors import ConflictError, NotFoundError, RuleViolation
from zhaocai.integrity.cases import CLOSED_STATES, CaseState, require_text, transition
from zhaocai.integrity.model import Flag
from zhaocai.integrity.report import jsonable
from zhaocai.integrity.tables import CaseRow
from zhaocai.people.records import registered_staff
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.tables import RequestRow

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

CASE_ROLES = (Role.AUDITOR, Role.SUPERVISOR)
SUBJECT = "integrity_case"


class CaseView(BaseModel):
    """What a case shows."""

    model_config = ConfigDict(frozen=True)

    id: str
    flag_code: str
    subject: str
    subject_id: str
    tender_ids: list[str]
    supplier_ids: list[str]
    state: str
    opened_by: str
    assignee: str | None
    findings: list[dict[str, Any]]
    conclusion: str | None
    blacklist_request_id: str | None


def case_view(row: CaseRow) -> CaseView:
    """The view of a case row."""
    return CaseView(id=row.id, flag_code=row.flag_code, subject=row.subject, subject_id=row.subject_id,
                    tender_ids=list(row.tender_ids), supplier_ids=list(row.supplier_ids), state=row.state,
                    opened_by=row.opened_by, assignee=row.assignee, findings=list(row.findings),
                    conclusion=row.conclusion, blacklist_request_id=row.blacklist_request_id)


def _load(session: Session, case_id: str) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError("integrity.case.not_found", f"No integrity case {case_id!r}",
                            f"没有编号为 {case_id!r} 的线索", {"case_id": case_id})
    return row


def find_flag(flags: list[Flag], code: str, subject_id: str) -> Flag:
    """The computed flag of `code` naming `subject_id` (a tender, or a supplier for supplier flags)."""
    for flag in flags:
        named = flag.tender_ids if flag.subject == "tender" else flag.supplier_ids
        if flag.code == code and subject_id in named:
            return flag
    raise NotFoundError("integrity.case.flag_not_found",
                        f"No {code} flag names {subject_id} in the current history",
                        f"当前数据中没有针对 {subject_id} 的 {code} 风险信号",
                        {"flag_code": code, "subject_id": subject_id})


class CaseCommands:
    """The case commands (`platform.integrity.cases`); `flags` computes the current flags."""

    def __init__(self, platform: CommandRunner, flags: Callable[[], list[Flag]]) -> None:
        self._platform = platform
        self._flags = flags

    @acting
    def open(self, actor: Actor, flag_code: str, subject_id: str) -> CaseView:
        """Open a case from the flag `flag_code` naming `subject_id` (a tender or a supplier)."""
        flag = find_flag(self._flags(), flag_code, subject_id)

        def handler(uow: UnitOfWork) -> CaseView:
            open_one = uow.session.exec(select(CaseRow).where(
                col(CaseRow.flag_code) == flag_code, col(CaseRow.subject_id) == subject_id,
                col(CaseRow.state).not_in(sorted(CLOSED_STATES)))).first()
            if open_one is not None:
                raise ConflictError("integrity.case.already_open",
                                    f"Case {open_one.id} on {flag_code} {subject_id} is still open",
                                    f"针对 {subject_id} 的 {flag_code} 线索 {open_one.id} 尚未办结",
                                    {"case_id": open_one.id})
            row = CaseRow(id=f"case-{uuid.uuid4().hex[:16]}", flag_code=flag_code, subject=flag.subject,
                          subject_id=subject_id, tender_ids=list(flag.tender_ids),
                          supplier_ids=list(flag.supplier_ids), evidence=jsonable(flag.evidence),
                          state=CaseState.OPENED.value, opened_by=actor.id, opened_at=uow.now, findings=[])
            uow.session.add(row)
            uow.record("integrity.case.open", SUBJECT, row.id,
                       {"flag_code": flag_code, "subject_id": subject_id}, event="IntegrityCaseOpened")
            return case_view(row)

        return self._platform.run(actor, "integrity.case.open", handler, roles=CASE_ROLES)

    def _step(self, actor: Actor, case_id: str, step: str, change: dict[str, Any], event: str,
              apply: Callable[[CaseRow, UnitOfWork], None]) -> CaseView:
        """One step of the machine on a stored case: load, transition, change, record."""
        def handler(uow: UnitOfWork) -> CaseView:
            row = _load(uow.session, case_id)
            transition(row, step, actor_id=actor.id)
            apply(row, uow)
            uow.session.add(row)
            uow.record(f"integrity.case.{step}", SUBJECT, case_id, change, event=event)
            return case_view(row)

        return self._platform.run(actor, f"integrity.case.{step}", handler, roles=CASE_ROLES)

    @acting
    def assign(self, actor: Actor, case_id: str, assignee_id: str) -> CaseView:
        """Assign (or reassign) the case to the person who will work it."""
        require_text(assignee_id, "assignee")

        def apply(row: CaseRow, uow: UnitOfWork) -> None:
            registered_staff(uow.session, assignee_id)  # a case goes to a person of the register
            row.assignee = assignee_id

        return self._step(actor, case_id, "assign", {"assignee": assignee_id}, "IntegrityCaseAssigned", apply)

    @acting
    def record_finding(self, actor: Actor, case_id: str, finding: str) -> CaseView:
        """The assignee records a finding."""
        require_text(finding, "finding")

        def apply(row: CaseRow, uow: UnitOfWork) -> None:
            row.findings = [*row.findings, {"by": actor.id, "at": uow.now.isoformat(), "text": finding}]

        return self._step(actor, case_id, "record", {"finding": finding}, "IntegrityCaseFindingRecorded",
                          apply)

    @acting
    def clear(self, actor: Actor, case_id: str, reason: str) -> CaseView:
        """Conclude the case as a false positive, with the reason (feeds the flag's feedback)."""
        require_text(reason, "reason")

        def apply(row: CaseRow, uow: UnitOfWork) -> None:
            row.conclusion, row.concluded_by, row.concluded_at = reason, actor.id, uow.now

        return self._step(actor, case_id, "clear", {"reason": reason}, "IntegrityCaseCleared", apply)

    @acting
    def refer(self, actor: Actor, case_id: str, blacklist_request_id: str, *, note: str = "") -> CaseView:
        """Conclude the case by referral to the sanction `blacklist_request_id` of the register."""
        def handler(uow: UnitOfWork) -> CaseView:
            row = _load(uow.session, case_id)
            request = uow.session.get(RequestRow, blacklist_request_id)
            if request is None or request.kind != "blacklist":
                raise NotFoundError("integrity.case.sanction_not_found",
                                    f"No blacklisting request {blacklist_request_id!r}",
                                    f"没有编号为 {blacklist_request_id!r} 的清退申请",
                                    {"request_id": blacklist_request_id})
            if request.supplier_id not in row.supplier_ids:
                raise RuleViolation("integrity.case.sanction_other_supplier",
                                    f"Request {blacklist_request_id} concerns {request.supplier_id}, "
                                    f"not a supplier of case {case_id}",
                                    f"清退申请 {blacklist_request_id} 针对 {request.supplier_id}，"
                                    f"不是线索 {case_id} 涉及的供应商",
                                    {"request_id": blacklist_request_id, "supplier_id": request.supplier_id})
            transition(row, "refer", actor_id=actor.id)
            row.blacklist_request_id, row.conclusion = blacklist_request_id, note or None
            row.concluded_by, row.concluded_at = actor.id, uow.now
            uow.session.add(row)
            uow.record("integrity.case.refer", SUBJECT, case_id,
                       {"blacklist_request_id": blacklist_request_id, "note": note},
                       event="IntegrityCaseReferred")
            return case_view(row)

        return self._platform.run(actor, "integrity.case.refer", handler, roles=CASE_ROLES)

    @acting
    def list(self, actor: Actor, *, state: str | None = None) -> list[CaseView]:
        """Every case (or those in `state`), oldest first (auditors and supervisors)."""
        require_role(actor, CASE_ROLES, "integrity.case.list")
        require_not_supplier(actor, "integrity.case.list")
        with self._platform.session() as session:
            query = select(CaseRow).order_by(col(CaseRow.opened_at), col(CaseRow.id))
            if state is not None:
                query = query.where(col(CaseRow.state) == state)
            return [case_view(r) for r in session.exec(query).all()]

    @acting
    def feedback(self, actor: Actor) -> dict[str, dict[str, int]]:
        """Per flag code: cases opened, cleared (false positives) and referred (auditors and
        supervisors)."""
        require_role(actor, CASE_ROLES, "integrity.case.feedback")
        require_not_supplier(actor, "integrity.case.feedback")
        return self._feedback()

    def _feedback(self) -> dict[str, dict[str, int]]:
        """Per flag code: cases opened, cleared and referred (for the period report)."""
        counts: dict[str, Counter[str]] = {}
        with self._platform.session() as session:
            for row in session.exec(select(CaseRow)).all():
                tally = counts.setdefault(row.flag_code, Counter())
                tally["opened"] += 1
                if row.state in CLOSED_STATES:
                    tally[row.state] += 1
        return {code: {k: c[k] for k in ("opened", "cleared", "referred")}
                for code, c in sorted(counts.items())}
