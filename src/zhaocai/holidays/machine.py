"""The life of a proposed holiday schedule: proposed → adopted | rejected."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.actors import Actor, require_not_requester
from zhaocai.machines import Noun


class ScheduleState(StrEnum):
    """Where a proposed schedule is."""

    PROPOSED = "proposed"
    ADOPTED = "adopted"
    REJECTED = "rejected"


def decider_not_proposer(model: Any, decider: Actor, **_: Any) -> None:
    """The supervisor who decides is not the administrator who proposed (four eyes)."""
    require_not_requester(decider, model.proposed_by, "calendar.decide")


class ScheduleMachine(StateMachine):
    """A schedule is adopted or rejected once, by someone other than its proposer."""

    noun = Noun("calendar.schedule", "holiday schedule", "节假日安排")

    proposed = State("待审批", initial=True, value=ScheduleState.PROPOSED.value)
    adopted = State("已生效", final=True, value=ScheduleState.ADOPTED.value)
    rejected = State("已驳回", final=True, value=ScheduleState.REJECTED.value)

    adopt = Event(proposed.to(adopted, validators=decider_not_proposer), name="批准生效")
    reject = Event(proposed.to(rejected, validators=decider_not_proposer), name="驳回")
