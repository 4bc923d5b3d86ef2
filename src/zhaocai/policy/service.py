"""PolicyService (`platform.policy`): the organisation's versioned policy and tenders' deviations.

A policy changes only by an administrator's proposal approved by a supervisor (纪检) who is not
the proposer; a deviation of one tender only by a request (with a reason) approved by a
supervisor who is neither the tender's drafter nor the requester.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlmodel import col, func, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.bidding.lifecycle import load_tender, permit
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import ValidationError, parse
from zhaocai.guards import guarded
from zhaocai.machines import fire
from zhaocai.policy.compare import check_proposal, require_deviation_needed
from zhaocai.policy.drafting import asked_deviations, clean_reason
from zhaocai.policy.machines import DeviationMachine, ProposalMachine, ProposalState
from zhaocai.policy.store import (
    DEVIATION,
    SUBJECT,
    DeviationView,
    PolicyView,
    current_policy,
    deviation_view,
    file_deviation,
    policy_view,
)
from zhaocai.policy.tables import DeviationRow, PolicyVersionRow
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.loading import load_row

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


def requested_profile(tender: TenderRow) -> RulesProfile | None:
    """The tender's own numbers (None: it follows the policy)."""
    return None if tender.requested_profile is None else RulesProfile.model_validate(tender.requested_profile)


def _proposal(uow: UnitOfWork, proposal_id: str) -> PolicyVersionRow:
    return load_row(uow.session, PolicyVersionRow, proposal_id, "policy.not_found",
                    f"No policy proposal {proposal_id!r}", f"规则提案 {proposal_id!r} 不存在",
                    {"proposal_id": proposal_id})


def _deviation(uow: UnitOfWork, deviation_id: str) -> DeviationRow:
    return load_row(uow.session, DeviationRow, deviation_id, "policy.deviation_not_found",
                    f"No deviation request {deviation_id!r}", f"偏离申请 {deviation_id!r} 不存在",
                    {"deviation_id": deviation_id})


def _proposed(uow: UnitOfWork, changes: RulesProfile | Mapping[str, Any], reason: str) -> PolicyVersionRow:
    """The proposal row: the current policy with `changes`, checked against the floors."""
    current = current_policy(uow.session)
    given = changes.model_dump() if isinstance(changes, RulesProfile) else dict(changes)
    proposed = parse(RulesProfile, {**current.profile.model_dump(), **given})
    check_proposal(proposed, current.profile, current.version or 0)
    seq = uow.session.exec(select(func.count()).select_from(PolicyVersionRow)).one()
    return PolicyVersionRow(id=f"pol-{uuid.uuid4().hex[:12]}", seq=int(seq) + 1,
                            state=ProposalState.PROPOSED.value, base_version=current.version or 0,
                            profile=proposed.model_dump(mode="json"), reason=reason,
                            proposed_by=uow.actor.id, proposed_at=uow.now)


def _still_asked(uow: UnitOfWork, tender: TenderRow, row: DeviationRow) -> bool:
    """Whether the draft (still a draft) and the policy are as they were when `row` was filed."""
    permit(uow, tender, "settle_deviation")  # a draft's numbers only
    return asked_deviations(uow, tender.id, requested_profile(tender), bool(tender.statutory)).matches(row)


class PolicyService:
    """The organisation's policy (本单位规则) and deviations of single tenders (偏离)."""

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    # -- reads -----------------------------------------------------------------------------------

    def current(self) -> PolicyView:
        """The policy in force (version 0, the law's numbers and 三三二, until one is adopted)."""
        with self._runner.session() as session:
            return current_policy(session)

    def history(self) -> list[PolicyView]:
        """Every proposal with its decision, oldest first."""
        with self._runner.session() as session:
            rows = session.exec(select(PolicyVersionRow).order_by(col(PolicyVersionRow.seq))).all()
        return [policy_view(r) for r in rows]

    @guarded
    def deviations(self, tender_id: str) -> list[DeviationView]:
        """Every deviation request of a tender, oldest first."""
        with self._runner.session() as session:
            rows = session.exec(select(DeviationRow).where(col(DeviationRow.tender_id) == tender_id)
                                .order_by(col(DeviationRow.seq))).all()
        return [deviation_view(r) for r in rows]

    # -- the policy ------------------------------------------------------------------------------

    @acting
    def propose(self, actor: Actor, changes: RulesProfile | Mapping[str, Any], reason: str) -> PolicyView:
        """An administrator proposes new numbers (changes over the current policy), with a reason."""
        text = reason.strip()
        if len(text) < 2:
            raise ValidationError("policy.reason", "A policy change needs a reason", "规则变更须说明理由")

        def handler(uow: UnitOfWork) -> PolicyView:
            row = _proposed(uow, changes, text)
            uow.session.add(row)
            uow.record("policy.propose", SUBJECT, row.id,
                       {"base_version": row.base_version, "profile": row.profile, "reason": text},
                       event="PolicyProposed")
            return policy_view(row)

        return self._runner.run(actor, "policy.propose", handler, roles=[Role.ADMINISTRATOR])

    @acting
    def approve(self, actor: Actor, proposal_id: str) -> PolicyView:
        """A supervisor other than the proposer adopts the proposal as the next version."""
        def handler(uow: UnitOfWork) -> PolicyView:
            row = _proposal(uow, proposal_id)
            current = current_policy(uow.session).version or 0
            fire(ProposalMachine, row, "approve", subject_id=row.id, actor=uow.actor, current_version=current)
            row.version, row.decided_by, row.decided_at = current + 1, uow.actor.id, uow.now
            uow.session.add(row)
            uow.record("policy.approve", SUBJECT, row.id,
                       {"version": row.version, "proposed_by": row.proposed_by, "profile": row.profile},
                       event="PolicyAdopted")
            return policy_view(row)

        return self._runner.run(actor, "policy.approve", handler, roles=[Role.SUPERVISOR])

    @acting
    def reject(self, actor: Actor, proposal_id: str) -> PolicyView:
        """A supervisor other than the proposer turns the proposal down."""
        def handler(uow: UnitOfWork) -> PolicyView:
            row = _proposal(uow, proposal_id)
            fire(ProposalMachine, row, "reject", subject_id=row.id, actor=uow.actor)
            row.decided_by, row.decided_at = uow.actor.id, uow.now
            uow.session.add(row)
            uow.record("policy.reject", SUBJECT, row.id, {"proposed_by": row.proposed_by})
            return policy_view(row)

        return self._runner.run(actor, "policy.reject", handler, roles=[Role.SUPERVISOR])

    # -- deviations of one tender ----------------------------------------------------------------

    @acting
    def request_deviation(self, actor: Actor, tender_id: str, reason: str) -> DeviationView:
        """Ask, with a reason, to run a draft on its own numbers where they are laxer than the
        policy; the request names each such number (computed from the stored draft)."""
        def handler(uow: UnitOfWork) -> DeviationView:
            text = clean_reason(reason)
            tender = load_tender(uow, tender_id)
            permit(uow, tender, "edit")
            ask = asked_deviations(uow, tender.id, requested_profile(tender), bool(tender.statutory))
            require_deviation_needed(ask.changes, tender.id)
            return deviation_view(file_deviation(uow, ask, text))

        return self._runner.run(actor, "policy.deviation_request", handler, roles=[Role.PURCHASING])

    @acting
    def approve_deviation(self, actor: Actor, deviation_id: str) -> DeviationView:
        """A supervisor, neither the drafter nor the requester, approves these numbers."""
        return self._decide(actor, deviation_id, approve=True)

    @acting
    def reject_deviation(self, actor: Actor, deviation_id: str) -> DeviationView:
        """A supervisor, neither the drafter nor the requester, turns the request down."""
        return self._decide(actor, deviation_id, approve=False)

    def _decide(self, actor: Actor, deviation_id: str, *, approve: bool) -> DeviationView:
        action = "policy.deviation_approve" if approve else "policy.deviation_reject"

        def handler(uow: UnitOfWork) -> DeviationView:
            row = _deviation(uow, deviation_id)
            tender = load_tender(uow, row.tender_id)
            asked = approve and _still_asked(uow, tender, row)
            fire(DeviationMachine, row, "approve" if approve else "reject", subject_id=row.id,
                 actor=uow.actor, drafted_by=tender.created_by, asked=asked)
            row.decided_by, row.decided_at = uow.actor.id, uow.now
            uow.session.add(row)
            uow.record(action, DEVIATION, row.id,
                       {"tender_id": row.tender_id, "changes": row.changes, "requested_by": row.requested_by},
                       event="DeviationApproved" if approve else "DeviationRejected")
            return deviation_view(row)

        return self._runner.run(actor, action, handler, roles=[Role.SUPERVISOR])
