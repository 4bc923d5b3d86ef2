"""Pure rules of standing (动态管理), requests and appeals, named by their machines.

`StandingMachine`, `RequestMachine` and `AppealMachine` (suppliers/machines.py) name these
functions: validators raise the refusal with its code, conditions choose a transition (which
standing an upheld appeal restores, whether a blacklisting has its second approval).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any

from zhaocai.actors import Actor, Role, require_not_requester
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.limits import MAX_BAN_DAYS, MAX_DOCUMENT_CHARS
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.rules import Standing

BLACKLIST_APPROVALS = 2
"""A blacklisting takes effect with this many approvals from different people."""


# --- standing -------------------------------------------------------------------------------

def restores(standing: Standing) -> Callable[..., bool]:
    """Condition: an upheld appeal restores `standing`, the one held before the blacklisting."""
    def rule(previous: str | None = None, **_: Any) -> bool:
        return previous == standing.value

    rule.__name__ = rule.__qualname__ = f"restores_{standing.value}"
    return rule


def require_ban_over(ban_until: datetime | None, at: datetime, supplier_id: str = "",
                     **_: Any) -> None:
    """A ban ends at its end, not before."""
    if ban_until is None or ban_until > at:
        until = None if ban_until is None else ban_until.isoformat()
        raise RuleViolation("supplier.ban.running", f"The ban of {supplier_id} runs until {until}",
                            f"供应商 {supplier_id} 的禁入期尚未届满",
                            {"supplier_id": supplier_id, "ban_until": until})


def require_no_pending(pending: object, kind: str, supplier_id: str, **_: Any) -> None:
    """One pending request of a kind per supplier (a blacklisting, a reinstatement, a held
    warning or suspension)."""
    if pending is None:
        return
    if kind == "blacklist":
        raise ConflictError("supplier.blacklist.pending",
                            f"Supplier {supplier_id} already has a pending blacklisting proposal",
                            f"供应商 {supplier_id} 已有待审批的清退提议", {"supplier_id": supplier_id})
    if kind == "reinstatement":
        raise ConflictError("supplier.reinstatement.pending",
                            "A reinstatement request is already pending",
                            "已有待审批的恢复申请", {"supplier_id": supplier_id})
    raise ConflictError(
        "supplier.standing_request.pending",
        f"A {kind} of supplier {supplier_id} already waits for a supervisor's approval",
        f"供应商 {supplier_id} 已有待纪检审批的{'警告' if kind == 'warn' else '暂停'}申请",
        {"supplier_id": supplier_id, "event": kind})


def require_blacklist_input(ban_days: int, evidence: Sequence[Any]) -> None:
    """A blacklisting proposal brings evidence (at most `MAX_DOCUMENT_CHARS` of it, as JSON) and
    a ban of at least one day and at most `MAX_BAN_DAYS`."""
    if not 1 <= ban_days <= MAX_BAN_DAYS or not evidence:
        raise ValidationError("supplier.blacklist.input",
                              f"A blacklisting needs evidence and a ban of 1 to {MAX_BAN_DAYS:,} days",
                              f"清退须提供证据，禁入期为 1 至 {MAX_BAN_DAYS:,} 天",
                              {"ban_days": ban_days, "evidence": len(evidence), "max_ban_days": MAX_BAN_DAYS})
    try:
        size = len(canonical_json(list(evidence)))
    except (TypeError, ValueError, RecursionError):
        raise ValidationError("supplier.blacklist.evidence",
                              "Evidence must be JSON: texts, numbers, lists and mappings",
                              "证据须为可存为 JSON 的内容：文本、数字、列表或键值对象") from None
    if size > MAX_DOCUMENT_CHARS:
        raise ValidationError("input.too_long",
                              f"evidence: {size:,} characters are more than the "
                              f"{MAX_DOCUMENT_CHARS:,} allowed",
                              f"evidence：共 {size:,} 个字符，超过上限 {MAX_DOCUMENT_CHARS:,} 个字符",
                              {"field": "evidence", "limit": MAX_DOCUMENT_CHARS})


# --- requests: approvals --------------------------------------------------------------------

def approval_of(actor: Actor, at: datetime, note: str = "") -> dict[str, Any]:
    """An approval as a request stores it."""
    return {"actor_id": actor.id, "roles": sorted(r.value for r in actor.roles),
            "at": at.isoformat(), "note": note}


def require_other_person(actor: Actor, requested_by: str, action: str, **_: Any) -> None:
    """Nobody decides their own request."""
    require_not_requester(actor, requested_by, action)


def require_new_approver(actor: Actor, approvals: Sequence[dict[str, Any]], **_: Any) -> None:
    """Nobody approves the same request twice."""
    if any(a["actor_id"] == actor.id for a in approvals):
        raise PermissionDenied("permission.distinct_people",
                               f"{actor.name} has already approved this blacklisting",
                               f"{actor.name} 已审批过该清退提议", {"actor": actor.id})


def _after(approval: dict[str, Any], approvals: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [*approvals, approval]


def completes_approvals(approval: dict[str, Any], approvals: Sequence[dict[str, Any]],
                        needed: int = 1, **_: Any) -> bool:
    """Condition: with this approval the request has the approvals it needs."""
    return len(_after(approval, approvals)) >= needed


def require_supervisor_approver(approval: dict[str, Any], approvals: Sequence[dict[str, Any]],
                                needed: int = 1, **_: Any) -> None:
    """A blacklisting's approvers, once complete, include a supervisor (纪检)."""
    after = _after(approval, approvals)
    if needed < BLACKLIST_APPROVALS or len(after) < needed:
        return
    if not any(Role.SUPERVISOR.value in a["roles"] for a in after):
        raise RuleViolation(
            "supplier.blacklist.supervisor_required",
            "A blacklisting needs a supervisor (纪检) among its two approvers",
            "清退须有一名纪检人员作为审批人之一",
            {"approvers": [a["actor_id"] for a in after]})


def require_live_supervisor(approval: dict[str, Any], approvals: Sequence[dict[str, Any]],
                            requested_by: str, supplier_id: str, live: Sequence[str] = (),
                            needed: int = 1, **_: Any) -> None:
    """A blacklisting of a supplier with live bids needs, once complete, a supervisor other than
    its proposer among its approvers (`supplier.live_bid.supervisor_required`)."""
    after = _after(approval, approvals)
    if not live or len(after) < needed:
        return
    if any(Role.SUPERVISOR.value in a["roles"] and a["actor_id"] != requested_by for a in after):
        return
    raise RuleViolation(  # which tenders is not said: before the opening nobody learns who bid
        "supplier.live_bid.supervisor_required",
        f"Supplier {supplier_id} has a live bid: its blacklisting needs the approval of a "
        "supervisor (纪检) other than the proposer",
        f"供应商 {supplier_id} 有在途投标，清退须经提议人以外的纪检人员审批",
        {"supplier_id": supplier_id, "approvers": [a["actor_id"] for a in after]})


APPROVAL_RULES = [require_other_person, require_new_approver, require_supervisor_approver,
                  require_live_supervisor]


# --- appeals --------------------------------------------------------------------------------

def require_uninvolved_decider(actor: Actor, involved: Collection[str], **_: Any) -> None:
    """Whoever took part in a blacklisting does not decide its appeal."""
    if actor.id in involved:
        raise PermissionDenied(
            "permission.appeal_decider",
            f"{actor.name} took part in the blacklisting and may not decide its appeal",
            f"{actor.name} 参与了清退决定，不得裁决其申诉", {"actor": actor.id})
