"""The tender's life, as a state machine (python-statemachine).

draft → published → closed → opened → evaluating → publicising → awarded → contracted;
failed (流标: too few valid bids; or, after the report, a supervisor's decision to re-tender when
the winner became ineligible, Reg 55) and cancelled (with a reason, by two people) end it early.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

from zhaocai.errors import InvalidTransition


class TenderState(StrEnum):
    """Where a tender is in its life."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    OPENED = "opened"
    EVALUATING = "evaluating"
    PUBLICISING = "publicising"
    AWARDED = "awarded"
    CONTRACTED = "contracted"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TenderMachine(StateMachine):
    """Allowed transitions of a tender; the state lives on the model's `state` attribute."""

    draft = State(initial=True, value="draft")
    published = State(value="published")
    closed = State(value="closed")
    opened = State(value="opened")
    evaluating = State(value="evaluating")
    publicising = State(value="publicising")
    awarded = State(value="awarded")
    contracted = State(final=True, value="contracted")
    failed = State(final=True, value="failed")
    cancelled = State(final=True, value="cancelled")

    publish = draft.to(published)
    close = published.to(closed)
    open = closed.to(opened)
    fail = (closed.to(failed) | opened.to(failed) | evaluating.to(failed) | publicising.to(failed)
            | awarded.to(failed))
    start_evaluation = opened.to(evaluating)
    publicise = evaluating.to(publicising)
    award = publicising.to(awarded)
    contract = awarded.to(contracted)
    cancel = (draft.to(cancelled) | published.to(cancelled) | closed.to(cancelled)
              | opened.to(cancelled) | evaluating.to(cancelled) | publicising.to(cancelled))


class _Holder:
    def __init__(self, state: str) -> None:
        self.state = state


TRANSITIONS = ("publish", "close", "open", "fail", "start_evaluation", "publicise", "award",
               "contract", "cancel")


def next_state(current: str, event: str) -> TenderState:
    """The state after `event` from `current`, or InvalidTransition naming both."""
    holder = _Holder(current)
    machine: Any = TenderMachine(model=holder)
    try:
        machine.send(event)
    except TransitionNotAllowed:
        raise InvalidTransition(
            "tender.transition",
            f"A tender in state {current!r} cannot {event.replace('_', ' ')}",
            f"处于 {current} 状态的招标项目不能执行 {event}",
            {"state": current, "event": event},
        ) from None
    return TenderState(holder.state)


def allowed_events(current: str) -> list[str]:
    """Events the machine allows from `current`."""
    machine: Any = TenderMachine(model=_Holder(current))
    return [e.id for e in machine.allowed_events]
