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

import threading
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


class _Seat:
    """The model a reusable machine is bound to: it stands for one row at a time, reading and
    writing that row's attributes (the `state` included)."""

    __slots__ = ("row",)

    def __init__(self, row: Any) -> None:
        object.__setattr__(self, "row", row)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "row"), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "row":
            object.__setattr__(self, "row", value)
        else:
            setattr(object.__getattribute__(self, "row"), name, value)


# Binding a machine resolves every callback of every transition (a millisecond for the tender's),
# while sending an event is cheap: each thread keeps one bound machine per class, seated on the
# row of the moment. One in use (an event sent from a validator) or stopped in a final state is
# not reused.
_BOUND = threading.local()


def fire(machine: type[StateMachine], row: Any, event: str, *, subject_id: str, **context: Any) -> str:
    """Send `event` to `machine` bound to `row.state`; the new state value.

    Validators raise their coded errors and the row keeps its state; a move the state does not
    allow raises `InvalidTransition` (`<noun>.transition`).
    """
    before = str(row.state)
    idle: dict[type[StateMachine], tuple[Any, _Seat]] = _BOUND.__dict__.setdefault("idle", {})
    found = idle.pop(machine, None)
    bound, seat = found if found is not None else (None, _Seat(row))
    seat.row = row
    if bound is None:
        bound = machine(model=seat, state_field="state")
    try:
        bound.send(event, **context)
    except TransitionNotAllowed:
        raise refused(machine, before, event, subject_id) from None
    finally:
        seat.row = None
        if bound._engine.running:  # a machine in a final state takes no further event
            idle[machine] = (bound, seat)
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
