"""The life of an integrity case, and the pure rules its transitions name.

opened → assigned (and reassigned) → cleared (a false positive, with its reason) or referred
(to the supplier register, with the blacklisting request that carries the sanction). Findings
are recorded while the case is assigned. The machine is the single source of truth for the
transitions; its validators are the pure rules below, which raise the coded errors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.errors import PermissionDenied, ValidationError
from zhaocai.machines import Noun, fire


class CaseState(StrEnum):
    """Where a case is."""

    OPENED = "opened"
    ASSIGNED = "assigned"
    CLEARED = "cleared"
    REFERRED = "referred"


CLOSED_STATES = frozenset({CaseState.CLEARED.value, CaseState.REFERRED.value})


_FIELDS_ZH = {"reason": "理由", "finding": "核查发现", "assignee": "承办人"}


def require_text(text: str, field: str) -> None:
    """A reason, finding or assignee must be given (not blank)."""
    if not text or not text.strip():
        raise ValidationError("integrity.case.text_required", f"{field} must not be blank",
                              f"{_FIELDS_ZH.get(field, '内容')}不能为空", {"field": field})


def require_assignee(model: Any, actor_id: str = "", **_: Any) -> None:
    """Only the person the case is assigned to records findings and concludes it."""
    if model.assignee != actor_id:
        raise PermissionDenied("integrity.case.not_assignee",
                               f"Case {model.id} is assigned to {model.assignee}, not {actor_id}",
                               f"线索 {model.id} 的承办人是 {model.assignee}，不是 {actor_id}",
                               {"case_id": model.id, "assignee": model.assignee, "actor": actor_id})


def require_findings(model: Any, **_: Any) -> None:
    """A case is concluded on recorded findings, never on none."""
    if not model.findings:
        raise ValidationError("integrity.case.no_findings",
                              f"Case {model.id} has no recorded findings",
                              f"线索 {model.id} 尚无核查记录，不能办结", {"case_id": model.id})


class CaseMachine(StateMachine):
    """opened → assigned ⟲ (assign, record) → cleared | referred."""

    noun = Noun("integrity.case", "case", "线索")

    opened = State("已立案", initial=True, value=CaseState.OPENED.value)
    assigned = State("已分派", value=CaseState.ASSIGNED.value)
    cleared = State("已了结", final=True, value=CaseState.CLEARED.value)
    referred = State("已移交", final=True, value=CaseState.REFERRED.value)

    assign = Event(opened.to(assigned) | assigned.to.itself(), name="分派")
    record = Event(assigned.to.itself(validators=require_assignee), name="记录核查")
    clear = Event(assigned.to(cleared, validators=[require_assignee, require_findings]), name="了结")
    refer = Event(assigned.to(referred, validators=[require_assignee, require_findings]), name="移交")


def transition(case: Any, event: str, **context: Any) -> str:
    """Send `event` to the case's machine (bound to the row's `state`); the new state, or a
    coded error: `integrity.case.transition` when the event is not allowed from the state."""
    return fire(CaseMachine, case, event, subject_id=case.id, **context)
