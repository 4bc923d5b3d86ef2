"""State machines of the register: admission (准入) and standing (动态管理).

The machines own the allowed transitions and their guards; the service asks them for the next
state and persists it. A refused event raises `InvalidTransition` with a bilingual message.
"""

from __future__ import annotations

from typing import Any

from statemachine import State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

from zhaocai.errors import InvalidTransition


class AdmissionMachine(StateMachine):
    """applied → under review → (site inspection) → admitted, or rejected; re-application."""

    applied = State(initial=True, value="applied")
    under_review = State(value="under_review")
    site_inspection = State(value="site_inspection")
    admitted = State(value="admitted")
    rejected = State(value="rejected")

    review = (
        applied.to(under_review)
        | under_review.to(site_inspection, cond=["reviews_complete", "inspection_needed"])
        | under_review.to.itself()
    )
    inspect = site_inspection.to.itself()
    admit = (
        under_review.to(admitted, cond="reviews_complete", unless="inspection_needed")
        | site_inspection.to(admitted, cond=["reviews_complete", "inspection_passed"])
    )
    reject = applied.to(rejected) | under_review.to(rejected) | site_inspection.to(rejected)
    reapply = rejected.to(applied) | admitted.to(applied, cond="may_reapply")

    def __init__(self, state: str, **context: Any) -> None:
        self.context = context
        super().__init__(start_value=state)

    def reviews_complete(self) -> bool:
        return bool(self.context.get("reviews_complete"))

    def inspection_needed(self) -> bool:
        return bool(self.context.get("inspection_needed"))

    def inspection_passed(self) -> bool:
        return bool(self.context.get("inspection_passed"))

    def may_reapply(self) -> bool:
        return bool(self.context.get("may_reapply"))


class StandingMachine(StateMachine):
    """active ⇄ warned → suspended → blacklisted → re-apply eligible; voluntary exit; appeal."""

    active = State(initial=True, value="active")
    warned = State(value="warned")
    suspended = State(value="suspended")
    blacklisted = State(value="blacklisted")
    reapply_eligible = State(value="reapply_eligible")
    exited = State(value="exited")

    warn = active.to(warned)
    clear_warning = warned.to(active)
    suspend = active.to(suspended) | warned.to(suspended)
    reinstate = suspended.to(active)
    blacklist = active.to(blacklisted) | warned.to(blacklisted) | suspended.to(blacklisted)
    restore = (
        blacklisted.to(active, cond="was_active")
        | blacklisted.to(warned, cond="was_warned")
        | blacklisted.to(suspended, cond="was_suspended")
    )
    end_ban = blacklisted.to(reapply_eligible)
    exit = active.to(exited) | warned.to(exited)
    readmit = reapply_eligible.to(active) | exited.to(active)

    def __init__(self, state: str, **context: Any) -> None:
        self.context = context
        super().__init__(start_value=state)

    def was_active(self) -> bool:
        return self.context.get("previous") == "active"

    def was_warned(self) -> bool:
        return self.context.get("previous") == "warned"

    def was_suspended(self) -> bool:
        return self.context.get("previous") == "suspended"


def next_state(machine: type[AdmissionMachine] | type[StandingMachine], state: str, event: str,
               subject_id: str, **context: Any) -> str:
    """The state after `event` from `state`, or InvalidTransition naming both."""
    sm = machine(state, **context)
    try:
        sm.send(event)
    except TransitionNotAllowed:
        kind = "admission" if machine is AdmissionMachine else "standing"
        raise InvalidTransition(
            f"supplier.{kind}.transition",
            f"Supplier {subject_id}: {event} is not allowed when {kind} is {state}",
            f"供应商 {subject_id}：{'准入' if kind == 'admission' else '状态'}为 {state} 时不允许 {event}",
            {"supplier_id": subject_id, "state": state, "event": event, "machine": kind},
        ) from None
    return str(sm.current_state_value)


def allowed(machine: type[AdmissionMachine] | type[StandingMachine], state: str,
            event: str, **context: Any) -> bool:
    """Whether `event` would be accepted from `state` (guards included)."""
    try:
        machine(state, **context).send(event)
    except TransitionNotAllowed:
        return False
    return True


def sources(machine: type[AdmissionMachine] | type[StandingMachine], event: str) -> list[str]:
    """The states from which `event` is allowed (unguarded transitions), for set-based updates."""
    return sorted(s.value for s in machine.states if allowed(machine, s.value, event))
