"""Pure comparisons: a tender's numbers against the organisation's policy and the law's floors.

Plain functions over `RulesProfile` values, no database and no clock. The service decides with
them; the property tests drive them with any numbers at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.policy.floors import RULES, Binding, Direction, floor_shown, label_zh, law_floors, source_zh
from zhaocai.profile import RulesProfile


@dataclass(frozen=True, slots=True)
class Deviation:
    """One number of a tender laxer than (or, for an EXACTLY rule, different from) the policy."""

    rule: str
    policy_value: str
    asked_value: str
    source: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready form (stored with the request and published with the tender)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Breach:
    """One number below a floor."""

    rule: str
    floor: str
    asked_value: str
    source: str
    binding: str


def deviations(asked: RulesProfile, policy: RulesProfile) -> tuple[Deviation, ...]:
    """Every tender rule where `asked` is laxer than `policy`, in the order of the rules (a
    number of the supplier register, such as the site-inspection threshold, is not a tender's)."""
    return tuple(Deviation(r.name, r.shown(policy), r.shown(asked), r.source)
                 for r in RULES if not r.register_only and r.laxer(r.value(asked), r.value(policy)))


def breaches(profile: RulesProfile, bindings: Iterable[Binding]) -> tuple[Breach, ...]:
    """Every rule of the given bindings where `profile` is below its floor."""
    wanted = frozenset(bindings)
    return tuple(Breach(r.name, floor_shown(r) or "", r.shown(profile), r.source, r.binding.value)
                 for r in RULES
                 if r.floor is not None and r.binding in wanted and r.laxer(r.value(profile), r.floor))


def strictest(first: RulesProfile, second: RulesProfile) -> RulesProfile:
    """Rule by rule the stricter of the two (for an EXACTLY rule, `first`'s setting)."""
    values = first.model_dump()
    for r in RULES:
        if r.direction is not Direction.EXACTLY and r.laxer(r.value(first), r.value(second)):
            values.update(r.fields_for(second))
    return RulesProfile(**values)


def governing_policy(policy: RulesProfile, statutory: bool) -> RulesProfile:
    """The policy a tender answers to: the organisation's, and for a statutory tender never below
    the law (max(policy, law) rule by rule)."""
    return strictest(policy, law_floors()) if statutory else policy


def _first(items: Sequence[Any]) -> dict[str, Any]:
    return {**asdict(items[0]), "count": len(items)}


def below_statutory_floor(found: Sequence[Breach]) -> RuleViolation:
    """The refusal of a statutory tender below the law's floors."""
    first = found[0]
    listing = ", ".join(f"{b.rule} {b.asked_value} (floor {b.floor}, {b.source})" for b in found)
    return RuleViolation(
        "policy.below_statutory_floor",
        f"A statutory tender (依法必须招标) may not go below the law: {listing}",
        f"依法必须招标的项目不得低于法定标准：{label_zh(first.rule)}（本项目 {first.asked_value}，"
        f"法定标准 {first.floor}；{source_zh(first.source)}）等 {len(found)} 项",
        {**_first(found), "breaches": [asdict(b) for b in found]},
    )


def deviation_required(found: Sequence[Deviation], pending: bool = False) -> RuleViolation:
    """The refusal of numbers laxer than the policy without an approved deviation."""
    first = found[0]
    listing = ", ".join(f"{d.rule} {d.asked_value} (policy {d.policy_value}, {d.source})" for d in found)
    return RuleViolation(
        "policy.deviation_required",
        f"Laxer than the organisation's policy needs a deviation approved by a supervisor: {listing}",
        f"低于本单位规则须经纪检人员批准偏离：{label_zh(first.rule)}（本项目 {first.asked_value}，"
        f"本单位规则 {first.policy_value}；{source_zh(first.source)}）等 {len(found)} 项",
        {**_first(found), "deviations": [d.to_dict() for d in found], "pending": pending},
    )


def check_statutory(asked: RulesProfile, statutory: bool) -> None:
    """Refuse a statutory tender whose numbers go below a floor of the law."""
    if statutory:
        found = breaches(asked, [Binding.LAW])
        if found:
            raise below_statutory_floor(found)


def frozen_profile(asked: RulesProfile | None, policy: RulesProfile, statutory: bool,
                   approved: Sequence[Deviation] | None) -> tuple[RulesProfile, tuple[Deviation, ...]]:
    """The numbers a tender runs on and the deviations they make, or the refusal.

    No numbers of its own: the governing policy. Its own numbers: never below the law when
    statutory; laxer than the governing policy only where `approved` names exactly these
    deviations (an approval is for specific numbers).
    """
    governing = governing_policy(policy, statutory)
    if asked is None:
        return governing, ()
    check_statutory(asked, statutory)
    found = deviations(asked, governing)
    if found and tuple(approved or ()) != found:
        raise deviation_required(found)
    return asked, found


def policy_breaches(proposed: RulesProfile) -> tuple[Breach, ...]:
    """Where a proposed policy goes below a floor, the law's or the organisation's (三三二)."""
    return breaches(proposed, [Binding.LAW, Binding.ORGANISATION])



def check_proposal(proposed: RulesProfile, current: RulesProfile, current_version: int) -> None:
    """A proposal goes below no floor (exceptions are deviations of one tender) and changes
    something."""
    found = policy_breaches(proposed)
    if found:
        first = found[0]
        raise RuleViolation(
            "policy.below_floor",
            f"The policy may not go below a floor: {first.rule} {first.asked_value} "
            f"(floor {first.floor}, {first.source}); exceptions are deviations of one tender",
            f"本单位规则不得低于底线：{label_zh(first.rule)}（提案 {first.asked_value}，底线 {first.floor}；"
            f"{source_zh(first.source)}）；个别项目须另行申请偏离",
            {"rule": first.rule, "floor": first.floor, "asked_value": first.asked_value,
             "source": first.source, "breaches": [b.rule for b in found]})
    if proposed == current:
        raise ValidationError("policy.no_change", "The proposal changes nothing",
                              "提案未作任何修改", {"version": current_version})


def require_current_base(base_version: int, current_version: int) -> None:
    """A proposal is adopted only over the version it was made against."""
    if base_version != current_version:
        raise ConflictError("policy.stale_proposal",
                            "Another version was adopted since this proposal was made",
                            "该提案提出后已有新版本生效，请重新提案",
                            {"base_version": base_version, "current_version": current_version})


def require_not_drafter(actor_id: str, drafter_id: str, tender_id: str) -> None:
    """The tender's drafter does not decide its own deviation."""
    if actor_id == drafter_id:
        raise PermissionDenied("policy.deviation_drafter",
                               "The tender's drafter may not decide its deviation",
                               "招标项目的起草人不得审批本项目的偏离申请",
                               {"actor": actor_id, "tender_id": tender_id})


def require_still_asked(still_asked: bool, deviation_id: str) -> None:
    """An approval is for the numbers and the policy of the request: both still as they were."""
    if not still_asked:
        raise ConflictError("policy.deviation_stale",
                            "The draft or the policy changed since the request: ask again",
                            "申请后草稿或本单位规则已变更，请重新申请", {"deviation_id": deviation_id})


def require_deviation_needed(changes: Sequence[Deviation], tender_id: str) -> None:
    """A deviation request asks for at least one number laxer than the policy."""
    if not changes:
        raise RuleViolation("policy.deviation_not_needed",
                            "The draft is not laxer than the policy: no deviation is needed",
                            "该草稿未低于本单位规则，无需申请偏离", {"tender_id": tender_id})
