"""The register's lifecycles: admission (准入), standing (动态管理), requests and appeals.

Each machine is the single source of truth for its moves and is bound to the stored row through
`zhaocai.machines.fire`. Validators are the pure rules of `admission_rules.py` and
`standing_rules.py`, which raise the coded errors; a move the state does not allow raises
`<noun>.transition` (`supplier.admission.transition`, `supplier.standing.transition`).
A command allowed only in some states but moving nothing is a self-transition (`inspect`,
`propose_blacklist`, `request_reinstatement`, `appeal`).

A supplier never admitted has no standing (the row holds NULL): `standing_field` shows the
machine that as its own state, `unadmitted`. A request's appeal lives in the request's `appeal`
document: `move_appeal` binds the appeal machine to its `state` key.
"""

from __future__ import annotations

from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.errors import ConflictError, InvalidTransition
from zhaocai.machines import Noun, fire
from zhaocai.suppliers.admission_rules import (
    ADMIT_RULES,
    REVIEW_RULES,
    completes_reviews,
    inspection_due,
    may_reapply,
)
from zhaocai.suppliers.rules import (
    ADMISSION_CHECKED,
    PENDING,
    REJECTED,
    VERIFIED,
    AdmissionState,
    Standing,
)
from zhaocai.suppliers.standing_rules import (
    APPROVAL_RULES,
    completes_approvals,
    require_ban_over,
    require_no_pending,
    require_other_person,
    require_uninvolved_decider,
    restores,
)

UNADMITTED = "unadmitted"
"""The standing of a supplier never admitted, as the standing machine names it (NULL stored)."""
NO_APPEAL = "none"
"""The appeal state of a blacklisting nobody has appealed (no appeal document stored)."""


class AdmissionMachine(StateMachine):
    """applied → under review → (site inspection) → admitted, or rejected; re-application.

    `admit` is declared from `applied` too, so that admitting too early is refused with the
    reviews still missing rather than a bare transition error; the rules make it unreachable.
    """

    noun = Noun("supplier.admission", "supplier admission", "供应商准入申请")

    applied = State("已申请", initial=True, value=AdmissionState.APPLIED.value)
    under_review = State("审核中", value=AdmissionState.UNDER_REVIEW.value)
    site_inspection = State("待现场考察", value=AdmissionState.SITE_INSPECTION.value)
    admitted = State("已准入", value=AdmissionState.ADMITTED.value)
    rejected = State("已驳回", value=AdmissionState.REJECTED.value)

    review = Event(
        applied.to(under_review, validators=REVIEW_RULES)
        | under_review.to(site_inspection, cond=[completes_reviews, inspection_due],
                          validators=REVIEW_RULES)
        | under_review.to.itself(validators=REVIEW_RULES), name="审核")
    inspect = Event(site_inspection.to.itself(), name="现场考察")
    admit = Event(
        applied.to(admitted, validators=ADMIT_RULES)
        | under_review.to(admitted, validators=ADMIT_RULES)
        | site_inspection.to(admitted, validators=ADMIT_RULES), name="准入")
    reject = Event(applied.to(rejected) | under_review.to(rejected) | site_inspection.to(rejected),
                   name="驳回")
    reapply = Event(rejected.to(applied) | admitted.to(applied, cond=may_reapply), name="重新申请")


class StandingMachine(StateMachine):
    """active ⇄ warned → suspended → blacklisted → re-apply eligible; voluntary exit; appeal."""

    noun = Noun("supplier.standing", "supplier standing", "供应商")

    unadmitted = State("未准入", initial=True, value=UNADMITTED)
    active = State("正常", value=Standing.ACTIVE.value)
    warned = State("黄牌警告", value=Standing.WARNED.value)
    suspended = State("红牌暂停", value=Standing.SUSPENDED.value)
    blacklisted = State("已清退", value=Standing.BLACKLISTED.value)
    reapply_eligible = State("禁入期满", value=Standing.REAPPLY_ELIGIBLE.value)
    exited = State("已退出", value=Standing.EXITED.value)

    admit = Event(unadmitted.to(active) | reapply_eligible.to(active) | exited.to(active),
                  name="准入")
    warn = Event(active.to(warned), name="警告")
    clear_warning = Event(warned.to(active), name="撤销警告")
    suspend = Event(active.to(suspended) | warned.to(suspended), name="暂停")
    request_reinstatement = Event(suspended.to.itself(validators=require_no_pending),
                                  name="申请恢复")
    reinstate = Event(suspended.to(active), name="恢复")
    propose_blacklist = Event(active.to.itself(validators=require_no_pending)
                              | warned.to.itself(validators=require_no_pending)
                              | suspended.to.itself(validators=require_no_pending), name="提议清退")
    blacklist = Event(active.to(blacklisted) | warned.to(blacklisted) | suspended.to(blacklisted),
                      name="清退")
    appeal = Event(blacklisted.to.itself(), name="申诉")
    restore = Event(
        blacklisted.to(active, cond=restores(Standing.ACTIVE))
        | blacklisted.to(warned, cond=restores(Standing.WARNED))
        | blacklisted.to(suspended, cond=restores(Standing.SUSPENDED)), name="申诉恢复")
    end_ban = Event(blacklisted.to(reapply_eligible, validators=require_ban_over), name="禁入期满")
    exit = Event(active.to(exited) | warned.to(exited), name="退出")


class RequestMachine(StateMachine):
    """pending ⟲ (a first approval of a blacklisting) → approved | rejected.

    Every request that waits for other people: a blacklisting (two approvals, one a supervisor),
    lifting a suspension, a warning or suspension held while the supplier has a live bid (one
    approval each). `needed` tells how many approvals complete it.
    """

    noun = Noun("supplier.request", "request", "审批申请")

    pending = State("待审批", initial=True, value="pending")
    approved = State("已批准", final=True, value="approved")
    rejected = State("已否决", final=True, value="rejected")

    approve = Event(pending.to(approved, cond=completes_approvals, validators=APPROVAL_RULES)
                    | pending.to.itself(validators=APPROVAL_RULES), name="批准")
    reject = Event(pending.to(rejected, validators=require_other_person), name="否决")


class AppealMachine(StateMachine):
    """none → pending → upheld | dismissed: one appeal per blacklisting."""

    noun = Noun("supplier.appeal", "appeal", "申诉")

    none = State("未申诉", initial=True, value=NO_APPEAL)
    pending = State("待裁决", value="pending")
    upheld = State("申诉成立", final=True, value="upheld")
    dismissed = State("申诉驳回", final=True, value="dismissed")

    lodge = Event(none.to(pending), name="申诉")
    uphold = Event(pending.to(upheld, validators=require_uninvolved_decider), name="支持申诉")
    dismiss = Event(pending.to(dismissed, validators=require_uninvolved_decider), name="驳回申诉")


class QualificationMachine(StateMachine):
    """pending → verified | rejected: a qualification added or renewed after the application.

    One entered with the application (`admission`) is checked by the admission reviews and is
    never decided on its own: a state of its own, reached by no move.
    """

    noun = Noun("supplier.qualification", "qualification", "资质")
    validate_disconnected_states = False  # `admission` is where such rows start, not a move

    pending = State("待核验", initial=True, value=PENDING)
    verified = State("已核验", final=True, value=VERIFIED)
    rejected = State("已驳回", final=True, value=REJECTED)
    admission = State("随申请审核", final=True, value=ADMISSION_CHECKED)

    verify = Event(pending.to(verified, validators=require_other_person), name="核验")
    reject = Event(pending.to(rejected, validators=require_other_person), name="驳回")


class _Column:
    """A column of a stored row as a machine's `state` (NULL shown as `empty`)."""

    def __init__(self, row: Any, column: str, empty: str = "") -> None:
        self.row, self.column, self.empty = row, column, empty

    @property
    def state(self) -> str:
        """The column's value, `empty` for NULL."""
        return str(getattr(self.row, self.column) or self.empty)

    @state.setter
    def state(self, value: str) -> None:
        setattr(self.row, self.column, None if value == self.empty else value)


def standing_field(row: Any) -> _Column:
    """A supplier row's standing as `StandingMachine` sees it (NULL: `unadmitted`)."""
    return _Column(row, "standing", UNADMITTED)


def admission_field(row: Any) -> _Column:
    """A supplier row's admission as `AdmissionMachine` sees it."""
    return _Column(row, "admission")


class _AppealDocument:
    """A blacklisting request's appeal document as `AppealMachine` sees it (none: `none`)."""

    def __init__(self, request: Any) -> None:
        self.request = request

    @property
    def state(self) -> str:
        """The appeal's state, `none` when nobody appealed."""
        return str((self.request.appeal or {}).get("state", NO_APPEAL))

    @state.setter
    def state(self, value: str) -> None:
        self.request.appeal = {**(self.request.appeal or {}), "state": value}


def standing_of(row: Any) -> str:
    """The supplier's standing as the machine names it."""
    return standing_field(row).state


def decide_request(request: Any, event: str, **context: Any) -> str:
    """Send `event` to a request's machine; a decided request refuses with
    `supplier.request.decided` (its only refusal: every move leaves `pending`)."""
    try:
        return fire(RequestMachine, request, event, subject_id=request.id, **context)
    except InvalidTransition as exc:
        if exc.code != "supplier.request.transition":
            raise
        raise ConflictError("supplier.request.decided",
                            f"Request {request.id} is already {request.state}",
                            f"申请 {request.id} 已处理，不能再{'批准' if event == 'approve' else '否决'}",
                            {"request_id": request.id, "state": request.state}) from None


def decide_qualification(qualification: Any, event: str, **context: Any) -> str:
    """Send `event` (`verify`, `reject`) to a qualification's machine, bound to its `status`; one
    already decided (or entered with the application) refuses with `supplier.qualification.decided`."""
    try:
        return fire(QualificationMachine, _Column(qualification, "status", ADMISSION_CHECKED),
                    event, subject_id=str(qualification.id), **context)
    except InvalidTransition as exc:
        if exc.code != "supplier.qualification.transition":
            raise
        raise ConflictError(
            "supplier.qualification.decided",
            f"Qualification {qualification.id} is not pending ({qualification.status})",
            f"资质 {qualification.id} 不在待核验状态，不能{'核验' if event == 'verify' else '驳回'}",
            {"qualification_id": qualification.id, "status": qualification.status}) from None


def move_appeal(request: Any, event: str, **context: Any) -> str:
    """Send `event` to the appeal of a blacklisting; lodging twice refuses with
    `supplier.appeal.used`, deciding with no appeal pending with `supplier.appeal.none`."""
    try:
        return fire(AppealMachine, _AppealDocument(request), event, subject_id=request.id, **context)
    except InvalidTransition as exc:
        if exc.code != "supplier.appeal.transition":
            raise
        if event == "lodge":
            raise ConflictError("supplier.appeal.used", "This blacklisting has already been appealed",
                                "该清退决定已申诉过一次", {"request_id": request.id}) from None
        raise ConflictError("supplier.appeal.none", "No pending appeal to decide",
                            "没有待裁决的申诉", {"request_id": request.id}) from None
