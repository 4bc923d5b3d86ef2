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

from statemachine import Event, State, StateMachine

from zhaocai import machines
from zhaocai.bidding.single_source import rules
from zhaocai.machines import Noun
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

    noun = Noun("single_source", "single-source procurement", "单一来源采购")

    drafted = State("起草", initial=True, value=SingleSourceState.DRAFTED.value)
    notice = State("公示", value=SingleSourceState.NOTICE.value)
    negotiating = State("协商", value=SingleSourceState.NEGOTIATING.value)
    concluded = State("成交", final=True, value=SingleSourceState.CONCLUDED.value)
    cancelled = State("已取消", final=True, value=SingleSourceState.CANCELLED.value)

    approve = Event(drafted.to(notice, validators=[approver_independent, references_true]), name="审批")
    lodge_objection = Event(notice.to.itself(validators=notice_running), name="提出异议")
    dismiss_objection = Event(notice.to.itself(validators=decider_independent), name="驳回异议")
    uphold_objection = Event(notice.to(cancelled, validators=decider_independent), name="支持异议")
    negotiate = Event(notice.to(negotiating, validators=[notice_over, objections_decided, within_estimate]),
                      name="记录协商")
    sign = Event(negotiating.to.itself(validators=new_signer), name="签署协商记录")
    conclude = Event(negotiating.to(concluded, validators=enough_signatures), name="成交")
    cancel = Event(drafted.to(cancelled) | notice.to(cancelled) | negotiating.to(cancelled), name="取消")


def fire(row: Any, event: str, **values: Any) -> SingleSourceState:
    """Send `event` to the machine bound to `row` (whose `state` it moves), or refuse it with the
    rule's coded error, or `single_source.transition` when the state allows no such move."""
    return SingleSourceState(machines.fire(SingleSourceMachine, row, event, subject_id=row.id, **values))
