"""The tender's life, as a state machine (python-statemachine 3): the one source of truth for
what a tender may do in each state.

draft → published → closed → opened → evaluating → publicising → awarded → contracted;
failed (流标: too few valid bids; or, after the report, a supervisor's decision to re-tender when
the winner became ineligible, Reg 55) and cancelled (with a reason, by two people) end it early.

Commands that a state allows without moving the tender (a bid, an amendment, a cancellation
request, the technical compliance decision of two envelopes...) are self-transition events:
`lifecycle.permit` sends them, `lifecycle.fire_transition` sends the moves. Validators name the
pure rules of `rules/tender.py` and `rules/bid.py`, which raise the coded errors; an event the
state does not have is `tender.transition`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.bidding.rules import bid as bid_rules
from zhaocai.bidding.rules import stages
from zhaocai.bidding.rules import tender as rules
from zhaocai.categories import Category
from zhaocai.machines import Noun
from zhaocai.money import Money
from zhaocai.suppliers.models import Eligibility


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


# -- validators: each names a pure rule, fed from the tender (`model`) and the event's values ----

def deadline_reached(model: Any, now: datetime, **_: Any) -> bool:
    """A published tender closes at its deadline (a condition: before it, `close` does not apply)."""
    return rules.is_due_to_close(now, model.deadline)


def before_deadline(model: Any, now: datetime, **_: Any) -> None:
    rules.require_before_deadline(now, model.deadline, model.id)


def box_shut(model: Any, now: datetime, **_: Any) -> None:
    """A closed tender's box is shut, whatever the caller's clock says (bids racing the close)."""
    rules.refuse_late(now, model.deadline, model.id)


def invited(model: Any, supplier_id: str, **_: Any) -> None:
    rules.require_invited(rules.TenderMethod(model.method), model.invitees, supplier_id, model.id)


def eligible(model: Any, supplier_id: str, verdict: Eligibility, **_: Any) -> None:
    bid_rules.require_eligible(verdict, supplier_id, Category(model.category),
                               Money.from_fen(model.ceiling_fen).amount)


def not_earlier(model: Any, new_deadline: datetime, **_: Any) -> None:
    rules.require_not_earlier(model.deadline, new_deadline)


def no_cancel_pending(model: Any, **_: Any) -> None:
    rules.require_no_cancel_pending(model.cancel_requested_by)


def cancel_requested(model: Any, **_: Any) -> None:
    rules.require_cancel_requested(model.cancel_requested_by, model.id)


def second_person(model: Any, actor_id: str, **_: Any) -> None:
    rules.require_second_person(model.cancel_requested_by, actor_id)


def technical_stage(model: Any, **_: Any) -> None:
    rules.require_technical_stage(model.two_envelopes, model.commercial_opened_at)


def compliance_decided(pending: list[str], **_: Any) -> None:
    rules.require_compliance_decided(pending)


_BIDDING = [before_deadline, invited, eligible]
_SCORING = [stages.require_comprehensive, stages.require_scoring_open]
_REVEALING = [*_SCORING, stages.require_all_committed]
_DECIDING_CANCEL = [cancel_requested, second_person]


class TenderMachine(StateMachine):
    """A tender from draft to contract, and what each state allows without moving it."""

    noun = Noun("tender", "tender", "招标项目")
    # `failed` ends a tender's life but is not `final`: a failed tender is re-tendered (a new
    # draft linked to it) by a self-transition, and the library lets no final state have one.
    validate_final_reachability = False

    draft = State("草稿", initial=True, value=TenderState.DRAFT.value)
    published = State("招标中", value=TenderState.PUBLISHED.value)
    closed = State("已截标", value=TenderState.CLOSED.value)
    opened = State("已开标", value=TenderState.OPENED.value)
    evaluating = State("评标中", value=TenderState.EVALUATING.value)
    publicising = State("候选人公示", value=TenderState.PUBLICISING.value)
    awarded = State("已定标", value=TenderState.AWARDED.value)
    contracted = State("已签约", final=True, value=TenderState.CONTRACTED.value)
    failed = State("流标", value=TenderState.FAILED.value)
    cancelled = State("已终止", final=True, value=TenderState.CANCELLED.value)

    # -- moves ---------------------------------------------------------------------------------
    publish = Event(draft.to(published), name="发布")
    close = Event(published.to(closed, cond=deadline_reached), name="截标")
    open = Event(closed.to(opened), name="开标")
    fail = Event(closed.to(failed) | opened.to(failed) | evaluating.to(failed) | publicising.to(failed)
                 | awarded.to(failed), name="流标")
    start_evaluation = Event(opened.to(evaluating), name="开始评标")
    publicise = Event(evaluating.to(publicising), name="公示中标候选人")
    award = Event(publicising.to(awarded), name="定标")
    contract = Event(awarded.to(contracted), name="签订合同")
    cancel = Event(draft.to(cancelled, validators=_DECIDING_CANCEL)
                   | published.to(cancelled, validators=_DECIDING_CANCEL)
                   | closed.to(cancelled, validators=_DECIDING_CANCEL)
                   | opened.to(cancelled, validators=_DECIDING_CANCEL)
                   | evaluating.to(cancelled, validators=_DECIDING_CANCEL)
                   | publicising.to(cancelled, validators=_DECIDING_CANCEL), name="终止")

    # -- commands within a state (drafting, bidding, opening, cancelling): internal self-transitions
    edit = Event(draft.to.itself(internal=True), name="修改草稿")
    settle_deviation = Event(draft.to.itself(internal=True), name="审批偏离")
    amend = Event(published.to.itself(internal=True, validators=not_earlier), name="发布补遗")
    accept_bid = Event(published.to.itself(internal=True, validators=_BIDDING)
                       | closed.to.itself(internal=True, validators=box_shut), name="接收投标")
    confirm_bid = Event(published.to.itself(internal=True, validators=_BIDDING)
                        | closed.to.itself(internal=True, validators=box_shut), name="确认投标")
    withdraw_bid = Event(published.to.itself(internal=True, validators=before_deadline)
                         | closed.to.itself(internal=True, validators=box_shut), name="撤回投标")
    record_compliance = Event(opened.to.itself(internal=True, validators=technical_stage),
                              name="认定技术合规")
    open_commercial = Event(opened.to.itself(internal=True, validators=[technical_stage, compliance_decided]),
                            name="开启商务标")
    request_cancel = Event(draft.to.itself(internal=True, validators=no_cancel_pending)
                           | published.to.itself(internal=True, validators=no_cancel_pending)
                           | closed.to.itself(internal=True, validators=no_cancel_pending)
                           | opened.to.itself(internal=True, validators=no_cancel_pending)
                           | evaluating.to.itself(internal=True, validators=no_cancel_pending)
                           | publicising.to.itself(internal=True, validators=no_cancel_pending),
                           name="申请终止")
    reject_cancel = Event(draft.to.itself(internal=True, validators=_DECIDING_CANCEL)
                          | published.to.itself(internal=True, validators=_DECIDING_CANCEL)
                          | closed.to.itself(internal=True, validators=_DECIDING_CANCEL)
                          | opened.to.itself(internal=True, validators=_DECIDING_CANCEL)
                          | evaluating.to.itself(internal=True, validators=_DECIDING_CANCEL)
                          | publicising.to.itself(internal=True, validators=_DECIDING_CANCEL),
                          name="驳回终止")
    retender = Event(failed.to.itself(internal=True), name="重新招标")

    # -- moves within evaluation (bidding/evaluating/) --
    # Commands that do not move the tender but are allowed only in some of its states; the
    # validators are the order of evaluation (`bidding/rules/stages.py`). A refusal by state is
    # `tender.transition`.
    draw_committee = Event(opened.to.itself(internal=True, validators=[stages.require_committee_method,
                                                        stages.require_commercial_opened]),
                           name="抽取评标委员会")
    declare = Event(evaluating.to.itself(internal=True), name="签署声明")
    examine = Event(evaluating.to.itself(internal=True, validators=stages.require_compliance_pending),
                    name="符合性审查")
    review = Event(evaluating.to.itself(internal=True, validators=[stages.require_compliance_checked,
                                                    stages.require_report_pending]),
                   name="评审认定")
    # Commit, then reveal (`evaluating/sealed_sheets.py`): members commit to their sheets; once
    # every sitting member has committed, sheets are revealed, or a supervisor records a reveal
    # that never came.
    commit_sheet = Event(evaluating.to.itself(internal=True, validators=_SCORING), name="提交评分承诺")
    reveal_sheet = Event(evaluating.to.itself(internal=True, validators=_REVEALING), name="揭示评分")
    record_unrevealed = Event(evaluating.to.itself(internal=True, validators=_REVEALING),
                              name="记录未揭示评分")
    write_report = Event(evaluating.to.itself(internal=True, validators=[stages.require_compliance_checked,
                                                          stages.require_report_pending,
                                                          stages.require_abnormal_decided,
                                                          stages.require_related_determined,
                                                          stages.require_sheets_in,
                                                          stages.require_majority_revealed]),
                         name="出具评标报告")
    raise_objection = Event(publicising.to.itself(internal=True, validators=stages.require_publicity_running),
                            name="提出异议")
    remove_candidate = Event(publicising.to.itself(internal=True), name="取消中标候选资格")
    clear_for_award = Event(publicising.to.itself(internal=True, validators=stages.require_award_allowed),
                            name="定标前审核")
    decide_ineligible = Event(publicising.to.itself(internal=True) | awarded.to.itself(internal=True),
                              name="决定递补或重新招标")
    inquire = Event(opened.to.itself(internal=True, validators=[stages.require_price_inquiry,
                                                                stages.require_officer]),
                    name="询价")
    approve_override = Event(opened.to.itself(internal=True, validators=stages.require_price_inquiry),
                             name="批准询价理由")
