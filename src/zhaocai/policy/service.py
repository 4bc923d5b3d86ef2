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

from zhaocai.actors import Actor, Role, require_not_requester
from zhaocai.bidding.lifecycle import load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
    parse,
)
from zhaocai.policy.compare import policy_breaches
from zhaocai.policy.drafting import asked_deviations, clean_reason
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

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


def requested_profile(tender: TenderRow) -> RulesProfile | None:
    """The tender's own numbers (None: it follows the policy)."""
    return None if tender.requested_profile is None else RulesProfile.model_validate(tender.requested_profile)


def _proposal(uow: UnitOfWork, proposal_id: str) -> PolicyVersionRow:
    row = uow.session.get(PolicyVersionRow, proposal_id)
    if row is None:
        raise NotFoundError("policy.not_found", f"No policy proposal {proposal_id!r}",
                            f"规则提案 {proposal_id!r} 不存在", {"proposal_id": proposal_id})
    if row.state != "proposed":
        raise RuleViolation("policy.not_proposed", "Only a pending proposal can be decided",
                            "仅待审批的规则提案可审批", {"proposal_id": proposal_id, "state": row.state})
    require_not_requester(uow.actor, row.proposed_by, "policy.approve")
    return row


def _deviation(uow: UnitOfWork, deviation_id: str) -> tuple[DeviationRow, TenderRow]:
    row = uow.session.get(DeviationRow, deviation_id)
    if row is None:
        raise NotFoundError("policy.deviation_not_found", f"No deviation request {deviation_id!r}",
                            f"偏离申请 {deviation_id!r} 不存在", {"deviation_id": deviation_id})
    if row.state != "requested":
        raise RuleViolation("policy.deviation_not_pending", "Only a pending deviation request can be decided",
                            "仅待审批的偏离申请可审批", {"deviation_id": deviation_id, "state": row.state})
    tender = load_tender(uow, row.tender_id)
    require_not_requester(uow.actor, row.requested_by, "policy.deviation_approve")
    if uow.actor.id == tender.created_by:
        raise PermissionDenied("policy.deviation_drafter",
                               "The tender's drafter may not decide its deviation",
                               "招标项目的起草人不得审批本项目的偏离申请",
                               {"actor": uow.actor.id, "tender_id": tender.id})
    return row, tender


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

    def deviations(self, tender_id: str) -> list[DeviationView]:
        """Every deviation request of a tender, oldest first."""
        with self._runner.session() as session:
            rows = session.exec(select(DeviationRow).where(col(DeviationRow.tender_id) == tender_id)
                                .order_by(col(DeviationRow.seq))).all()
        return [deviation_view(r) for r in rows]

    # -- the policy ------------------------------------------------------------------------------

    def propose(self, actor: Actor, changes: RulesProfile | Mapping[str, Any], reason: str) -> PolicyView:
        """An administrator proposes new numbers (changes over the current policy), with a reason."""
        text = reason.strip()
        if len(text) < 2:
            raise ValidationError("policy.reason", "A policy change needs a reason", "规则变更须说明理由")

        def handler(uow: UnitOfWork) -> PolicyView:
            current = current_policy(uow.session)
            given = changes.model_dump() if isinstance(changes, RulesProfile) else dict(changes)
            proposed = parse(RulesProfile, {**current.profile.model_dump(), **given})
            found = policy_breaches(proposed)
            if found:
                first = found[0]
                raise RuleViolation(
                    "policy.below_floor",
                    f"The policy may not go below a floor: {first.rule} {first.asked_value} "
                    f"(floor {first.floor}, {first.source}); exceptions are deviations of one tender",
                    f"本单位规则不得低于底线：{first.rule} 为 {first.asked_value}，底线为 {first.floor}"
                    f"（{first.source}）；个别项目须另行申请偏离",
                    {"rule": first.rule, "floor": first.floor, "asked_value": first.asked_value,
                     "source": first.source, "breaches": [b.rule for b in found]})
            if proposed == current.profile:
                raise ValidationError("policy.no_change", "The proposal changes nothing",
                                      "提案未作任何修改", {"version": current.version})
            seq = uow.session.exec(select(func.count()).select_from(PolicyVersionRow)).one()
            row = PolicyVersionRow(id=f"pol-{uuid.uuid4().hex[:12]}", seq=int(seq) + 1, state="proposed",
                                   base_version=current.version or 0,
                                   profile=proposed.model_dump(mode="json"), reason=text,
                                   proposed_by=uow.actor.id, proposed_at=uow.now)
            uow.session.add(row)
            uow.record("policy.propose", SUBJECT, row.id,
                       {"base_version": row.base_version, "profile": row.profile, "reason": text},
                       event="PolicyProposed")
            return policy_view(row)

        return self._runner.run(actor, "policy.propose", handler, roles=[Role.ADMINISTRATOR])

    def approve(self, actor: Actor, proposal_id: str) -> PolicyView:
        """A supervisor other than the proposer adopts the proposal as the next version."""
        def handler(uow: UnitOfWork) -> PolicyView:
            row = _proposal(uow, proposal_id)
            current = current_policy(uow.session)
            if row.base_version != (current.version or 0):
                raise ConflictError("policy.stale_proposal",
                                    "Another version was adopted since this proposal was made",
                                    "该提案提出后已有新版本生效，请重新提案",
                                    {"base_version": row.base_version, "current_version": current.version})
            row.state, row.version = "adopted", (current.version or 0) + 1
            row.decided_by, row.decided_at = uow.actor.id, uow.now
            uow.session.add(row)
            uow.record("policy.approve", SUBJECT, row.id,
                       {"version": row.version, "proposed_by": row.proposed_by, "profile": row.profile},
                       event="PolicyAdopted")
            return policy_view(row)

        return self._runner.run(actor, "policy.approve", handler, roles=[Role.SUPERVISOR])

    def reject(self, actor: Actor, proposal_id: str) -> PolicyView:
        """A supervisor other than the proposer turns the proposal down."""
        def handler(uow: UnitOfWork) -> PolicyView:
            row = _proposal(uow, proposal_id)
            row.state, row.decided_by, row.decided_at = "rejected", uow.actor.id, uow.now
            uow.session.add(row)
            uow.record("policy.reject", SUBJECT, row.id, {"proposed_by": row.proposed_by})
            return policy_view(row)

        return self._runner.run(actor, "policy.reject", handler, roles=[Role.SUPERVISOR])

    # -- deviations of one tender ----------------------------------------------------------------

    def request_deviation(self, actor: Actor, tender_id: str, reason: str) -> DeviationView:
        """Ask, with a reason, to run a draft on its own numbers where they are laxer than the
        policy; the request names each such number (computed from the stored draft)."""
        def handler(uow: UnitOfWork) -> DeviationView:
            text = clean_reason(reason)
            tender = load_tender(uow, tender_id)
            if tender.state != TenderState.DRAFT:
                raise RuleViolation("tender.not_draft", "Only a draft can be edited; the rules are frozen",
                                    "仅草稿可修改；发布后规则已冻结", {"state": tender.state})
            ask = asked_deviations(uow, tender.id, requested_profile(tender), bool(tender.statutory))
            if not ask.changes:
                raise RuleViolation("policy.deviation_not_needed",
                                    "The draft is not laxer than the policy: no deviation is needed",
                                    "该草稿未低于本单位规则，无需申请偏离", {"tender_id": tender.id})
            return deviation_view(file_deviation(uow, ask, text))

        return self._runner.run(actor, "policy.deviation_request", handler, roles=[Role.PURCHASING])

    def approve_deviation(self, actor: Actor, deviation_id: str) -> DeviationView:
        """A supervisor, neither the drafter nor the requester, approves these numbers."""
        return self._decide(actor, deviation_id, approve=True)

    def reject_deviation(self, actor: Actor, deviation_id: str) -> DeviationView:
        """A supervisor, neither the drafter nor the requester, turns the request down."""
        return self._decide(actor, deviation_id, approve=False)

    def _decide(self, actor: Actor, deviation_id: str, *, approve: bool) -> DeviationView:
        action = "policy.deviation_approve" if approve else "policy.deviation_reject"

        def handler(uow: UnitOfWork) -> DeviationView:
            row, tender = _deviation(uow, deviation_id)
            ask = asked_deviations(uow, tender.id, requested_profile(tender), bool(tender.statutory))
            if approve and (tender.state != TenderState.DRAFT or not ask.matches(row)):
                raise ConflictError("policy.deviation_stale",
                                    "The draft or the policy changed since the request: ask again",
                                    "申请后草稿或本单位规则已变更，请重新申请",
                                    {"deviation_id": row.id, "state": tender.state})
            row.state = "approved" if approve else "rejected"
            row.decided_by, row.decided_at = uow.actor.id, uow.now
            uow.session.add(row)
            uow.record(action, DEVIATION, row.id,
                       {"tender_id": row.tender_id, "changes": row.changes, "requested_by": row.requested_by},
                       event="DeviationApproved" if approve else "DeviationRejected")
            return deviation_view(row)

        return self._runner.run(actor, action, handler, roles=[Role.SUPERVISOR])
