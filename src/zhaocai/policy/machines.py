"""The lives of a policy proposal and of a tender's deviation request, as state machines.

A proposal is adopted or rejected by a supervisor who is not its proposer, and adopted only over
the version it was made against. A deviation request is approved or rejected by a supervisor
who is neither its requester nor the tender's drafter, approved only while the draft and the
policy are as they were; a new request or changed numbers void it. The validators name the
pure rules of `compare.py` (and `actors.require_not_requester`), which raise the coded errors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.actors import Actor, require_not_requester
from zhaocai.machines import Noun
from zhaocai.policy import compare


class ProposalState(StrEnum):
    """Where a policy proposal is (`rules_policy.state`)."""

    PROPOSED = "proposed"
    ADOPTED = "adopted"
    REJECTED = "rejected"


class DeviationState(StrEnum):
    """Where a deviation request is (`tender_deviation.state`)."""

    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    VOID = "void"


STANDING = (DeviationState.REQUESTED.value, DeviationState.APPROVED.value)
"""A request or approval that still stands for its tender."""


def not_proposer(model: Any, actor: Actor, **_: Any) -> None:
    require_not_requester(actor, model.proposed_by, "policy.approve")


def over_current(model: Any, current_version: int, **_: Any) -> None:
    compare.require_current_base(model.base_version, current_version)


def not_requester(model: Any, actor: Actor, **_: Any) -> None:
    require_not_requester(actor, model.requested_by, "policy.deviation_approve")


def not_drafter(model: Any, actor: Actor, drafted_by: str, **_: Any) -> None:
    compare.require_not_drafter(actor.id, drafted_by, model.tender_id)


def still_asked(model: Any, asked: bool, **_: Any) -> None:
    compare.require_still_asked(asked, model.id)


class ProposalMachine(StateMachine):
    """proposed → adopted | rejected."""

    noun = Noun("policy", "policy proposal", "规则提案")

    proposed = State("待审批", initial=True, value=ProposalState.PROPOSED.value)
    adopted = State("已通过", final=True, value=ProposalState.ADOPTED.value)
    rejected = State("已驳回", final=True, value=ProposalState.REJECTED.value)

    approve = Event(proposed.to(adopted, validators=[not_proposer, over_current]), name="通过")
    reject = Event(proposed.to(rejected, validators=not_proposer), name="驳回")


class DeviationMachine(StateMachine):
    """requested → approved | rejected; a standing request or approval → void."""

    noun = Noun("policy.deviation", "deviation request", "偏离申请")

    requested = State("待审批", initial=True, value=DeviationState.REQUESTED.value)
    approved = State("已批准", value=DeviationState.APPROVED.value)
    rejected = State("已驳回", final=True, value=DeviationState.REJECTED.value)
    void = State("已作废", final=True, value=DeviationState.VOID.value)

    approve = Event(requested.to(approved, validators=[not_requester, not_drafter, still_asked]),
                    name="批准")
    reject = Event(requested.to(rejected, validators=[not_requester, not_drafter]), name="驳回")
    annul = Event(requested.to(void) | approved.to(void), name="作废")
