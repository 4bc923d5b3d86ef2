"""Loading tenders inside a command, closing them when due, and firing transitions with audit.

`fire_transition` is the one way a tender changes state: `TenderMachine` (through
`zhaocai.machines.fire`) checks the move and its validators, the row takes the new state and the
audit chain and outbox record it. Later stages (evaluation, award) drive their transitions
through it too. `permit` sends the commands a state allows without moving the tender.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Actor, is_buyer_staff, require_not_supplier
from zhaocai.bidding.machine import TenderMachine, TenderState
from zhaocai.bidding.models import EvaluationSpec
from zhaocai.bidding.recusals import require_free
from zhaocai.bidding.rules.tender import is_due_to_close
from zhaocai.bidding.tables import TenderRow
from zhaocai.bidding.views import TenderView, seats
from zhaocai.errors import NotFoundError
from zhaocai.machines import fire, next_state
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork

SUBJECT = "tender"
_EVENT_NAMES = {
    "publish": "TenderPublished", "close": "TenderClosed", "open": "TenderOpened",
    "fail": "TenderFailed", "start_evaluation": "TenderEvaluationStarted",
    "publicise": "TenderCandidatesPublicised", "award": "TenderAwarded",
    "contract": "TenderContracted", "cancel": "TenderCancelled",
}


def not_found(tender_id: str) -> NotFoundError:
    """The error for an unknown (or invisible) tender."""
    return NotFoundError("tender.not_found", f"No tender {tender_id!r}", f"招标项目 {tender_id!r} 不存在",
                         {"tender_id": tender_id})


def effective_state(row: TenderRow, now: datetime) -> TenderState:
    """The state a reader sees: a published tender past its deadline reads as closed."""
    if closes_now(row, now):
        return TenderState.CLOSED
    return TenderState(row.state)


def closes_now(tender: TenderRow, now: datetime) -> bool:
    """Whether the machine's `close` applies now (published, deadline reached), without firing it."""
    return tender.state == TenderState.PUBLISHED and is_due_to_close(now, tender.deadline)


def _context(uow: UnitOfWork, context: dict[str, Any]) -> dict[str, Any]:
    # Every event sees the command's moment and actor; the validators take what they need.
    return {"now": uow.now, "received_at": uow.received_at, "actor_id": uow.actor.id, **context}


def fire_transition(
    uow: UnitOfWork,
    tender: TenderRow,
    event: str,
    change: dict[str, Any] | None = None,
    *,
    payload: dict[str, Any] | None = None,
    action: str | None = None,
    private: dict[str, Any] | None = None,
    **context: Any,
) -> TenderState:
    """Move `tender` by `event` through `TenderMachine` (its validators get `context`, the
    command's `now` and `actor_id`) and record the move: the one way a tender changes state.

    The audit change holds `change` plus the move, plus `private` (facts for the auditor
    only, such as the head of the tender's bid chain); the outbox event (named after the move)
    carries `payload`, defaulting to the same public facts.
    """
    before = tender.state
    after = TenderState(fire(TenderMachine, tender, event, subject_id=tender.id, **_context(uow, context)))
    uow.session.add(tender)
    facts = {"tender_id": tender.id, "from": before, "to": after.value, **(change or {})}
    uow.record(action or f"tender.{event}", SUBJECT, tender.id, {**facts, **(private or {})},
               event=_EVENT_NAMES.get(event, "TenderStateChanged"),
               payload=payload if payload is not None else facts)
    return after


def permit(uow: UnitOfWork, tender: Any, event: str, **context: Any) -> None:
    """Send a command the tender's state allows without moving it (a self-transition event of
    `TenderMachine`): its validators raise their coded errors, a state without the event raises
    `tender.transition`. The command records its own act."""
    fire(TenderMachine, tender, event, subject_id=tender.id, **_context(uow, context))


def end_of_bidding(uow: UnitOfWork, tender_id: str) -> dict[str, Any]:
    """The private facts of the act that ends a tender's bidding (its opening, a cancellation):
    the head of its bid chain, committed into the main chain so that `AuditLog.verify` proves
    every bid act. Never public: before the opening its `seq` would count the bid acts."""
    return {"bid_chain": uow.bid_chain_head(tender_id)}


def require_move(tender: TenderRow, event: str) -> None:
    """Refuse at once, before any work, a move the tender's state does not have
    (`tender.transition`); for a command whose move is fired at its end, when its facts are
    known (publication, opening)."""
    next_state(TenderMachine, tender.state, event, subject_id=tender.id)


def close_if_due(uow: UnitOfWork, tender: TenderRow) -> bool:
    """Close a published tender whose deadline has passed; True when it closed now."""
    if not closes_now(tender, uow.now):
        return False
    tender.closed_at = uow.now
    fire_transition(uow, tender, "close", {"deadline": tender.deadline})
    return True


def load_tender_row(session: Session, tender_id: str) -> TenderRow:
    """The stored tender as it is, or `tender.not_found`."""
    tender = session.get(TenderRow, tender_id)
    if tender is None:
        raise not_found(tender_id)
    return tender


def load_tender(uow: UnitOfWork, tender_id: str, *, recusal_check: bool = True) -> TenderRow:
    """The tender, closed first if its deadline has passed (closing happens on access), for an
    actor who need not step aside from it (`person.recused`, see `zhaocai.bidding.recusals`;
    `recusal_check=False` only for the act of stepping aside itself)."""
    tender = load_tender_row(uow.session, tender_id)
    if recusal_check:
        require_free(uow, tender)
    close_if_due(uow, tender)
    return tender


def close_due_tenders(uow: UnitOfWork) -> int:
    """Tick job: close every published tender whose deadline has passed."""
    due: Sequence[TenderRow] = uow.session.exec(
        select(TenderRow).where(col(TenderRow.state) == TenderState.PUBLISHED.value,
                                col(TenderRow.deadline) <= uow.now).order_by(col(TenderRow.id))
    ).all()
    return sum(1 for tender in due if close_if_due(uow, tender))


def spec_of(tender: TenderRow) -> EvaluationSpec:
    """The evaluation spec stored with the tender (frozen once published)."""
    return EvaluationSpec.model_validate(tender.evaluation)


def frozen_rules(tender: TenderRow) -> tuple[RulesProfile, EvaluationSpec]:
    """The rules profile and evaluation spec stored with the tender (frozen once published)."""
    return RulesProfile.model_validate(tender.profile), spec_of(tender)


def to_view(tender: TenderRow, now: datetime, actor: Actor | None = None) -> TenderView:
    """The tender as `actor` may see it (invitees hidden from anyone but buyer staff)."""
    profile, evaluation = frozen_rules(tender)
    show_invitees = actor is None or is_buyer_staff(actor)
    return TenderView(
        id=tender.id, title=tender.title, buyer=tender.buyer, category=tender.category,
        method=tender.method, state=effective_state(tender, now), lots=tender.lots,
        estimate=Money.from_fen(tender.estimate_fen).amount,
        ceiling_price=Money.from_fen(tender.ceiling_fen).amount,
        bid_security=Money.from_fen(tender.bid_security_fen).amount,
        deadline=tender.deadline, evaluation=evaluation, profile=profile,
        custodians=seats(tender.custodians), threshold=tender.threshold,
        two_envelopes=tender.two_envelopes, amendments=tender.amendments,
        invitees=list(tender.invitees) if show_invitees else None, officers=list(tender.officers),
        published_at=tender.published_at, public_key=tender.public_key,
        rules_digest=tender.rules_digest, outcome_reason=tender.outcome_reason,
        cancel_requested_by=tender.cancel_requested_by, retender_of=tender.retender_of,
        statutory=bool(tender.statutory), policy_version=tender.policy_version, deviation=tender.deviation,
        external_ref=tender.external_ref,
    )


def read_tender(session: Session, tender_id: str, actor: Actor, now: datetime) -> TenderView:
    """A tender for a reader: drafts are visible to buyer staff only."""
    tender = session.get(TenderRow, tender_id)
    if tender is None or (tender.state == TenderState.DRAFT and not is_buyer_staff(actor)):
        raise not_found(tender_id)
    return to_view(tender, now, actor)


def require_buyer(actor: Actor, action: str) -> None:
    """Refuse a supplier's user acting as the buyer (`permission.supplier_as_staff`), before the
    input is even parsed; `Platform.run` refuses it again for every staff command."""
    require_not_supplier(actor, action)
