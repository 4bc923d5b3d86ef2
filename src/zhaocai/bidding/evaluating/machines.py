"""The lives of a lot at evaluation, of a member's committed sheet and of a contract, as state
machines bound to their rows.

A lot is evaluated from the compliance check on: it fails (流标) when too few compliant bids
remain, is ranked by the report, and is awarded; a supervisor's re-tender decision on an
ineligible winner (Reg 55) fails it after ranking or award. A contract waits for both signatures
until its deadline: signed, lapsed, or voided when a supervisor passes its supplier over. The
guards and validators are the pure rules of `bidding/rules/lots.py` and `bidding/rules/contracts.py`;
`fire` (`zhaocai/machines.py`) translates a refused move into `evaluation.lot.transition` or
`contract.transition`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.bidding.rules import contracts, lots
from zhaocai.machines import Noun


class LotState(StrEnum):
    """Where a lot is in its evaluation."""

    EVALUATING = "evaluating"
    FAILED = "failed"
    RANKED = "ranked"
    AWARDED = "awarded"


class LotMachine(StateMachine):
    """evaluating → ranked → awarded; failed (流标) when too few compliant bids remain, or on a
    supervisor's re-tender decision after ranking or award."""

    noun = Noun("evaluation.lot", "lot", "标段")

    evaluating = State("评审中", initial=True, value=LotState.EVALUATING.value)
    ranked = State("已推荐中标候选人", value=LotState.RANKED.value)
    awarded = State("已定标", value=LotState.AWARDED.value)
    # Not final: a recount of a failed lot (a later decision voiding more bids) leaves it failed.
    failed = State("流标", value=LotState.FAILED.value)

    recount = Event(evaluating.to(failed, cond=lots.falls_short, on="note_failure")
                    | evaluating.to.itself() | failed.to.itself(internal=True), name="清点有效投标")
    score = Event(evaluating.to.itself(), name="评分")
    rank = Event(evaluating.to(ranked), name="排序推荐")
    # After the award, passing an ineligible winner over awards the lot again to the next candidate.
    award = Event(ranked.to(awarded) | awarded.to.itself(), name="定标")
    reconsider = Event(ranked.to.itself() | awarded.to.itself(), name="复核中标人")
    retender = Event(ranked.to(failed, on="note_failure") | awarded.to(failed, on="note_failure"),
                     name="重新招标")

    def note_failure(self, model: Any, reason: str = "", **_: Any) -> None:
        """The lot keeps why it failed (the tender's outcome names it when every lot failed)."""
        model.failure_reason = reason


class SheetState(StrEnum):
    """Where a member's committed sheet of a lot is."""

    COMMITTED = "committed"
    REVEALED = "revealed"
    UNREVEALED = "unrevealed"


class SheetMachine(StateMachine):
    """committed → revealed (the sheet and nonce matched the commitment and the points were
    stored) or unrevealed (a supervisor recorded that the member never revealed; nothing of the
    sheet counts)."""

    noun = Noun("evaluation.sheet", "score sheet", "评分表")

    committed = State("已提交承诺", initial=True, value=SheetState.COMMITTED.value)
    revealed = State("已揭示", final=True, value=SheetState.REVEALED.value)
    unrevealed = State("未揭示", final=True, value=SheetState.UNREVEALED.value)

    reveal = Event(committed.to(revealed), name="揭示评分")
    record_unrevealed = Event(committed.to(unrevealed), name="记录未揭示")


class ContractState(StrEnum):
    """Where a contract is."""

    PENDING = "pending_signature"
    SIGNED = "signed"
    VOID = "void"
    LAPSED = "lapsed"


_SIGN = [contracts.require_before_deadline, contracts.require_party, contracts.require_side_unsigned,
         contracts.require_eligible]


class ContractMachine(StateMachine):
    """pending_signature ⟲ (one side signs) → signed (the other side signs), lapsed (deadline
    passed, Law 46) or void (a supervisor passed the supplier over, Reg 55)."""

    noun = Noun("contract", "contract", "合同")

    pending = State("待签订", initial=True, value=ContractState.PENDING.value)
    signed = State("已签订", final=True, value=ContractState.SIGNED.value)
    lapsed = State("已逾期", final=True, value=ContractState.LAPSED.value)
    void = State("已作废", final=True, value=ContractState.VOID.value)

    sign = Event(pending.to(signed, cond=contracts.completes, validators=_SIGN)
                 | pending.to.itself(validators=_SIGN), name="签署")
    lapse = Event(pending.to(lapsed, validators=contracts.require_lapsed), name="逾期失效")
    annul = Event(pending.to(void), name="作废")
