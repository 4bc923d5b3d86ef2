"""The tender's life, as a state machine (python-statemachine).

draft → published → closed → opened → evaluating → publicising → awarded → contracted;
failed (流标: too few valid bids; or, after the report, a supervisor's decision to re-tender when
the winner became ineligible, Reg 55) and cancelled (with a reason, by two people) end it early.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

from zhaocai.bidding.rules import stages
from zhaocai.errors import InvalidTransition
from zhaocai.machines import Noun


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

    # -- moves within evaluation (bidding/evaluating/) --
    # Commands that do not move the tender but are allowed only in some of its states; the
    # validators are the order of evaluation (`bidding/rules/stages.py`). A refusal by state is
    # `tender.transition`.
    # `fire` needs the machine's noun; once the machine's own part declares it, one is enough.
    noun = Noun("tender", "tender", "招标项目")
    draw_committee = Event(opened.to.itself(validators=[stages.require_committee_method,
                                                        stages.require_commercial_opened]),
                           name="抽取评标委员会")
    declare = Event(evaluating.to.itself(), name="签署声明")
    examine = Event(evaluating.to.itself(validators=stages.require_compliance_pending),
                    name="符合性审查")
    review = Event(evaluating.to.itself(validators=[stages.require_compliance_checked,
                                                    stages.require_report_pending]),
                   name="评审认定")
    score = Event(evaluating.to.itself(validators=[stages.require_comprehensive,
                                                   stages.require_scoring_open]),
                  name="评分")
    write_report = Event(evaluating.to.itself(validators=[stages.require_compliance_checked,
                                                          stages.require_report_pending,
                                                          stages.require_abnormal_decided,
                                                          stages.require_related_determined,
                                                          stages.require_sheets_in]),
                         name="出具评标报告")
    raise_objection = Event(publicising.to.itself(validators=stages.require_publicity_running),
                            name="提出异议")
    remove_candidate = Event(publicising.to.itself(), name="取消中标候选资格")
    clear_for_award = Event(publicising.to.itself(validators=stages.require_award_allowed),
                            name="定标前审核")
    decide_ineligible = Event(publicising.to.itself() | awarded.to.itself(), name="决定递补或重新招标")
    inquire = Event(opened.to.itself(validators=[stages.require_price_inquiry, stages.require_officer]),
                    name="询价")
    approve_override = Event(opened.to.itself(validators=stages.require_price_inquiry),
                             name="批准询价理由")


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
