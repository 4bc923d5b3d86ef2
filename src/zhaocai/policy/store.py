"""Reading and writing the policy and deviations inside a command or a read session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, func, select

from zhaocai.machines import fire
from zhaocai.policy.compare import Deviation
from zhaocai.policy.machines import STANDING, DeviationMachine, DeviationState, ProposalState
from zhaocai.policy.tables import DeviationRow, PolicyVersionRow
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile
from zhaocai.store import UnitOfWork

SUBJECT = "rules_policy"
DEVIATION = "tender_deviation"


class PolicyView(BaseModel):
    """A policy version or a proposal: its numbers, who proposed it and who decided."""

    model_config = ConfigDict(frozen=True)

    id: str
    seq: int
    state: str
    version: int | None
    base_version: int
    profile: RulesProfile
    reason: str
    proposed_by: str
    proposed_at: datetime | None
    decided_by: str | None = None
    decided_at: datetime | None = None


DEFAULT_POLICY = PolicyView(id="default", seq=0, state=ProposalState.ADOPTED.value, version=0, base_version=0,
                            profile=DEFAULT_PROFILE, reason="the law's numbers and 三三二",
                            proposed_by="zhaocai", proposed_at=None)
"""Version 0: what an organisation runs on before it adopts a policy of its own."""


class DeviationView(BaseModel):
    """A deviation request of a tender and its decision."""

    model_config = ConfigDict(frozen=True)

    id: str
    tender_id: str
    seq: int
    state: str
    reason: str
    changes: list[dict[str, str]]
    statutory: bool
    policy_version: int
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None

    def numbers(self) -> tuple[Deviation, ...]:
        """The deviations approved or asked for."""
        return tuple(Deviation(**c) for c in self.changes)


def policy_view(row: PolicyVersionRow) -> PolicyView:
    """The view of a stored version or proposal."""
    profile = RulesProfile.model_validate(row.profile)
    return PolicyView.model_validate({**row.model_dump(), "profile": profile})


def deviation_view(row: DeviationRow) -> DeviationView:
    """The view of a stored deviation request."""
    return DeviationView.model_validate(row.model_dump())


def current_policy(session: Session) -> PolicyView:
    """The policy in force: the highest adopted version, or version 0 (the defaults)."""
    adopted = col(PolicyVersionRow.state) == ProposalState.ADOPTED.value
    row = session.exec(select(PolicyVersionRow).where(adopted)
                       .order_by(col(PolicyVersionRow.version).desc()).limit(1)).first()
    return DEFAULT_POLICY if row is None else policy_view(row)


def open_deviation(session: Session, tender_id: str) -> DeviationRow | None:
    """The tender's deviation request still standing (requested or approved), if any."""
    return session.exec(select(DeviationRow).where(
        col(DeviationRow.tender_id) == tender_id,
        col(DeviationRow.state).in_(STANDING))).first()


@dataclass(frozen=True, slots=True)
class DeviationAsk:
    """What a deviation request asks: these numbers, for a tender so marked, under that policy."""

    tender_id: str
    changes: tuple[Deviation, ...]
    statutory: bool
    policy_version: int

    def matches(self, row: DeviationRow) -> bool:
        """True when `row` asked for exactly this."""
        return (row.tender_id == self.tender_id and row.statutory == self.statutory
                and row.policy_version == self.policy_version
                and deviation_view(row).numbers() == self.changes)


def void_deviation(uow: UnitOfWork, row: DeviationRow, why: str) -> None:
    """Void a standing request or approval (the numbers or the policy it was for changed)."""
    before = row.state
    fire(DeviationMachine, row, "annul", subject_id=row.id)
    uow.session.add(row)
    uow.record("policy.deviation_void", DEVIATION, row.id,
               {"tender_id": row.tender_id, "from": before, "why": why})


def file_deviation(uow: UnitOfWork, ask: DeviationAsk, reason: str) -> DeviationRow:
    """Store a new deviation request (voiding any other standing one of the tender)."""
    standing = open_deviation(uow.session, ask.tender_id)
    if standing is not None:
        void_deviation(uow, standing, "replaced by a new request")
    seq = uow.session.exec(select(func.count()).select_from(DeviationRow)
                           .where(col(DeviationRow.tender_id) == ask.tender_id)).one()
    row = DeviationRow(id=f"dev-{uuid.uuid4().hex[:12]}", tender_id=ask.tender_id, seq=int(seq) + 1,
                       state=DeviationState.REQUESTED.value,
                       reason=reason, changes=[d.to_dict() for d in ask.changes], statutory=ask.statutory,
                       policy_version=ask.policy_version, requested_by=uow.actor.id, requested_at=uow.now)
    uow.session.add(row)
    facts: dict[str, Any] = {"tender_id": ask.tender_id, "reason": reason, "changes": row.changes,
                             "statutory": ask.statutory, "policy_version": ask.policy_version}
    uow.record("policy.deviation_request", DEVIATION, row.id, facts, event="DeviationRequested")
    return row
