"""One way to bind a lifecycle machine to a stored row, and one translation of a refused move.

Every lifecycle (tender, bid, lot, contract, admission, standing, blacklist request, appeal,
policy proposal, deviation request, single source, integrity case) is a python-statemachine
`StateMachine` whose states carry their Chinese name and whose events carry the Chinese verb:

    class CaseMachine(StateMachine):
        noun = Noun("integrity.case", "case", "线索")
        opened = State("已立案", initial=True, value="opened")
        assigned = State("已分派", value="assigned")
        assign = Event(opened.to(assigned), name="分派")

`fire(CaseMachine, row, "assign", subject_id=row.id, by=...)` binds the machine to the row's
`state` attribute and sends the event: the validators (pure rules) raise their own coded errors
and leave the row untouched; an event the current state does not allow raises
`InvalidTransition` with the code `<noun>.transition`, in English and Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from statemachine import StateMachine
from statemachine.exceptions import TransitionNotAllowed

from zhaocai.errors import InvalidTransition


@dataclass(frozen=True)
class Noun:
    """What a machine's rows are: the error-code prefix and the noun in English and Chinese."""

    code: str
    en: str
    zh: str


class _Holder:
    """A bare stand-in row for questions asked of a state alone (no stored row at hand)."""

    def __init__(self, state: str) -> None:
        self.state = state


def noun_of(machine: type[StateMachine]) -> Noun:
    """The machine's declared `noun` (every lifecycle machine declares one)."""
    noun = getattr(machine, "noun", None)
    if not isinstance(noun, Noun):
        raise TypeError(f"{machine.__name__} declares no `noun = Noun(...)`")
    return noun


def state_name(machine: type[StateMachine], value: str) -> str:
    """The Chinese name of a state value (the value itself when the machine has no such state)."""
    for state in machine.states:
        if state.value == value:
            return str(state.name)
    return value


def event_name(machine: type[StateMachine], event: str) -> str:
    """The Chinese verb of an event."""
    events: list[Any] = machine.events  # type: ignore[assignment]  # a list on the class
    for candidate in events:
        if candidate.id == event:
            return str(candidate.name)
    return event


def refused(machine: type[StateMachine], state: str, event: str, subject_id: str) -> InvalidTransition:
    """The coded error for an event the state does not allow."""
    noun = noun_of(machine)
    return InvalidTransition(
        f"{noun.code}.transition",
        f"A {noun.en} in state {state!r} cannot {event.replace('_', ' ')} ({subject_id})",
        f"{noun.zh} {subject_id} 处于“{state_name(machine, state)}”状态，不能{event_name(machine, event)}",
        {"id": subject_id, "state": state, "event": event, "machine": machine.__name__},
    )


def fire(machine: type[StateMachine], row: Any, event: str, *, subject_id: str, **context: Any) -> str:
    """Send `event` to `machine` bound to `row.state`; the new state value.

    Validators raise their coded errors and the row keeps its state; a move the state does not
    allow raises `InvalidTransition` (`<noun>.transition`).
    """
    before = str(row.state)
    bound: Any = machine(model=row, state_field="state")
    try:
        bound.send(event, **context)
    except TransitionNotAllowed:
        raise refused(machine, before, event, subject_id) from None
    return str(row.state)


def next_state(machine: type[StateMachine], state: str, event: str, *, subject_id: str,
               **context: Any) -> str:
    """The state `event` leads to from `state`, without a stored row (validators included)."""
    return fire(machine, _Holder(state), event, subject_id=subject_id, **context)


def allows(machine: type[StateMachine], state: str, event: str, **context: Any) -> bool:
    """Whether `event` would be accepted from `state`, guards and validators included."""
    try:
        machine(model=_Holder(state), state_field="state").send(event, **context)
    except Exception:
        return False
    return True


def allowed_events(machine: type[StateMachine], state: str) -> list[str]:
    """The events the state has a transition for (before guards and validators)."""
    bound: Any = machine(model=_Holder(state), state_field="state")
    return [event.id for event in bound.allowed_events]


def sources(machine: type[StateMachine], event: str) -> list[str]:
    """The state values with a transition for `event`, for set-based updates of many rows."""
    return sorted(state.value for state in machine.states
                  if any(event in t.events for t in state.transitions))
