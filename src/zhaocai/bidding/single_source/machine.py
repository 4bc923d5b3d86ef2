"""The life of a single-source procurement, as a state machine (python-statemachine 3).

drafted → (a supervisor other than the drafter approves) notice → (the whole notice is over and
every objection decided; the negotiated price within the estimate) negotiating → (at least two
officers signed the negotiation record) concluded; an upheld objection or a cancellation ends it
as cancelled. The machine is the one source of truth: every command sends its event, and the
validators name the pure rules of `rules.py`, which raise the coded errors.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from statemachine import StateMachine
from statemachine.exceptions import TransitionNotAllowed
from statemachine.states import States

from zhaocai.bidding.single_source import rules
from zhaocai.errors import InvalidTransition
from zhaocai.money import Money


class SingleSourceState(StrEnum):
    """Where a single-source procurement is in its life."""

    DRAFTED = "drafted"
    NOTICE = "notice"  # approved; public notice running or over, objections being decided
    NEGOTIATING = "negotiating"  # negotiation recorded, officers signing it
    CONCLUDED = "concluded"  # contract created at the negotiated price
    CANCELLED = "cancelled"  # objection upheld, or withdrawn


# -- validators: each names a pure rule, fed from the stored row (`model`) and the event's values --

def approver_independent(model: Any, approver_id: str, **_: Any) -> None:
    rules.require_independent_approver(model.drafted_by, approver_id)


def references_true(model: Any, facts: rules.ReferenceFacts, policy: rules.SingleSourcePolicy,
                    **_: Any) -> None:
    rules.check_references(rules.Justification(model.justification), model.supplier_id, model.category,
                           Money.from_fen(model.estimate_fen).amount, model.earlier_contract_id,
                           list(model.failed_tender_ids), facts, policy)


def notice_running(model: Any, now: datetime, **_: Any) -> None:
    rules.require_notice_running(now, model.notice_ends)


def decider_independent(model: Any, raised_by: str, decider_id: str, **_: Any) -> None:
    rules.require_decider(model.drafted_by, model.approved_by, raised_by, decider_id)


def notice_over(model: Any, now: datetime, **_: Any) -> None:
    rules.require_notice_over(now, model.notice_ends)


def objections_decided(pending: int, **_: Any) -> None:
    rules.require_objections_decided(pending)


def within_estimate(model: Any, agreed: Decimal, **_: Any) -> None:
    rules.require_within_estimate(agreed, Money.from_fen(model.estimate_fen).amount)


def new_signer(signers: list[str], officer_id: str, **_: Any) -> None:
    rules.require_new_signer(signers, officer_id)


def enough_signatures(model: Any, signers: list[str], policy: rules.SingleSourcePolicy,
                      **_: Any) -> None:
    rules.require_signatures(signers, model.drafted_by, policy.min_negotiators)


class SingleSourceMachine(StateMachine):
    """Allowed moves of a single-source procurement; the state lives on the row's `state`."""

    s = States.from_enum(SingleSourceState, initial=SingleSourceState.DRAFTED,
                         final=[SingleSourceState.CONCLUDED, SingleSourceState.CANCELLED],
                         use_enum_instance=False)

    approve = s.DRAFTED.to(s.NOTICE, validators=[approver_independent, references_true])
    lodge_objection = s.NOTICE.to.itself(validators=notice_running)
    dismiss_objection = s.NOTICE.to.itself(validators=decider_independent)
    uphold_objection = s.NOTICE.to(s.CANCELLED, validators=decider_independent)
    negotiate = s.NOTICE.to(s.NEGOTIATING, validators=[notice_over, objections_decided, within_estimate])
    sign = s.NEGOTIATING.to.itself(validators=new_signer)
    conclude = s.NEGOTIATING.to(s.CONCLUDED, validators=enough_signatures)
    cancel = s.DRAFTED.to(s.CANCELLED) | s.NOTICE.to(s.CANCELLED) | s.NEGOTIATING.to(s.CANCELLED)


EVENTS = ("approve", "lodge_objection", "dismiss_objection", "uphold_objection", "negotiate", "sign",
          "conclude", "cancel")


def fire(row: Any, event: str, **values: Any) -> SingleSourceState:
    """Send `event` to the machine bound to `row` (whose `state` it moves), or refuse it with the
    rule's coded error, or `single_source.transition` when the state allows no such move."""
    machine: Any = SingleSourceMachine(model=row, state_field="state")
    try:
        machine.send(event, **values)
    except TransitionNotAllowed:
        raise InvalidTransition(
            "single_source.transition",
            f"A single-source procurement in state {row.state!r} cannot {event.replace('_', ' ')}",
            f"处于“{STATE_ZH.get(row.state, row.state)}”状态的单一来源采购不能执行“{EVENT_ZH[event]}”",
            {"state": row.state, "event": event},
        ) from None
    return SingleSourceState(row.state)


STATE_ZH = {"drafted": "起草", "notice": "公示", "negotiating": "协商", "concluded": "成交",
            "cancelled": "已取消"}
EVENT_ZH = {"approve": "审批", "lodge_objection": "提出异议", "dismiss_objection": "驳回异议",
            "uphold_objection": "支持异议", "negotiate": "记录协商", "sign": "签署协商记录",
            "conclude": "成交", "cancel": "取消"}
