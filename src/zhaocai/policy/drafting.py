"""The policy at the two moments a tender's numbers matter: drafting and publication.

At drafting, numbers laxer than the governing policy are refused unless the drafter gives a
reason, which files a deviation request; a changed draft voids a request or approval made for
other numbers. At publication the numbers are frozen with the policy version and, where they
deviate, the approved deviation that names exactly them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.policy.compare import (
    Deviation,
    check_statutory,
    deviation_required,
    deviations,
    frozen_profile,
    governing_policy,
)
from zhaocai.policy.machines import DeviationState
from zhaocai.policy.store import (
    DeviationAsk,
    current_policy,
    deviation_view,
    file_deviation,
    open_deviation,
    void_deviation,
)
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork


def clean_reason(reason: str | None) -> str:
    """A deviation's reason, stripped; refused when missing or too short."""
    text = (reason or "").strip()
    if len(text) < 2:
        raise ValidationError("policy.deviation_reason", "A deviation needs a reason",
                              "偏离申请须说明理由", {"reason": reason})
    return text


def asked_deviations(uow: UnitOfWork, tender_id: str, asked: RulesProfile | None,
                     statutory: bool) -> DeviationAsk:
    """What the tender's own numbers ask of the current policy (refused below a statutory floor)."""
    policy = current_policy(uow.session)
    found: tuple[Deviation, ...] = ()
    if asked is not None:
        check_statutory(asked, statutory)
        found = deviations(asked, governing_policy(policy.profile, statutory))
    return DeviationAsk(tender_id, found, statutory, policy.version or 0)


def settle_draft(uow: UnitOfWork, tender_id: str, asked: RulesProfile | None, statutory: bool,
                 reason: str | None) -> RulesProfile:
    """At create or update: the numbers the draft shows; a laxer draft needs a reason (filing a
    deviation request) unless a standing request or approval names exactly its numbers."""
    ask = asked_deviations(uow, tender_id, asked, statutory)
    standing = open_deviation(uow.session, tender_id)
    if standing is not None and not ask.matches(standing):
        void_deviation(uow, standing, "the draft's numbers changed")
        standing = None
    if ask.changes and standing is None:
        if reason is None:
            raise deviation_required(ask.changes)
        file_deviation(uow, ask, clean_reason(reason))
    if asked is not None:
        return asked
    return governing_policy(current_policy(uow.session).profile, statutory)


@dataclass(frozen=True, slots=True)
class Frozen:
    """What publication freezes: the numbers, the policy version, the approved deviation."""

    profile: RulesProfile
    policy_version: int
    deviation: dict[str, Any] | None


def freeze(uow: UnitOfWork, tender_id: str, asked: RulesProfile | None, statutory: bool) -> Frozen:
    """The numbers a tender is published under, or the refusal (no approved deviation for
    exactly these numbers under the current policy, or a statutory tender below the law)."""
    policy = current_policy(uow.session)
    version = policy.version or 0
    standing = open_deviation(uow.session, tender_id)
    approved = None
    if standing is not None and standing.state == DeviationState.APPROVED \
            and (standing.statutory, standing.policy_version) == (statutory, version):
        approved = deviation_view(standing).numbers()
    try:
        profile, found = frozen_profile(asked, policy.profile, statutory, approved)
    except RuleViolation as exc:
        if exc.code == "policy.deviation_required" and standing is not None:
            exc.details.update(pending=standing.state == DeviationState.REQUESTED, deviation_id=standing.id)
        raise
    if not found or standing is None:
        return Frozen(profile, version, None)
    facts = {"id": standing.id, "reason": standing.reason, "changes": standing.changes,
             "statutory": statutory, "policy_version": version,
             "approved_at": standing.decided_at.isoformat() if standing.decided_at else None}
    return Frozen(profile, version, facts)
