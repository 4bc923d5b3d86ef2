"""Actors, roles and separation of duties."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from zhaocai.errors import PermissionDenied
from zhaocai.problems import label_zh


class Role(StrEnum):
    """What a person may do. A person may hold several roles."""

    PURCHASING = "purchasing"
    QUALITY = "quality"
    TECHNICAL = "technical"
    FINANCE = "finance"
    SUPERVISOR = "supervisor"  # 纪检
    EXPERT = "expert"
    SUPPLIER = "supplier"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"


ROLE_ZH: dict[Role, str] = {
    Role.PURCHASING: "采购", Role.QUALITY: "质量", Role.TECHNICAL: "技术", Role.FINANCE: "财务",
    Role.SUPERVISOR: "纪检监督", Role.EXPERT: "评标专家", Role.SUPPLIER: "供应商用户",
    Role.AUDITOR: "审计", Role.ADMINISTRATOR: "系统管理员",
}


class Actor(BaseModel):
    """Someone who runs a command: a person of the buyer, an expert, or a supplier's user."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    organisation: str = Field(default="", max_length=200)
    roles: frozenset[Role] = frozenset()
    supplier_id: str | None = Field(
        default=None, description="For a supplier's user: the supplier it acts for."
    )

    def has(self, *roles: Role) -> bool:
        """True when the actor holds any of `roles`."""
        return any(r in self.roles for r in roles)


SYSTEM = Actor(id="system", name="系统定时任务", organisation="zhaocai",  # named as its messages show it
               roles=frozenset({Role.ADMINISTRATOR}))


def require_role(actor: Actor, allowed: Iterable[Role], action: str) -> None:
    """Refuse `action` unless the actor holds one of the allowed roles."""
    allowed_set = frozenset(allowed)
    if not allowed_set or actor.roles & allowed_set:
        return
    names = ", ".join(sorted(r.value for r in allowed_set))
    names_zh = "、".join(ROLE_ZH[r] for r in sorted(allowed_set))
    raise PermissionDenied(
        "permission.role",
        f"{actor.name} ({actor.id}) may not {action}: one of these roles is needed: {names}",
        f"{actor.name}（{actor.id}）无权执行此操作（{action}）：需要以下角色之一：{names_zh}",
        {"actor": actor.id, "action": action, "allowed_roles": sorted(r.value for r in allowed_set)},
    )


BUYER_STAFF = (Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.FINANCE, Role.SUPERVISOR,
               Role.AUDITOR, Role.ADMINISTRATOR)


def is_buyer_staff(actor: Actor) -> bool:
    """People of the buying organisation (not suppliers' users, not experts)."""
    return not is_supplier_user(actor) and actor.has(*BUYER_STAFF)


def is_supplier_user(actor: Actor) -> bool:
    """A supplier's user: it acts for a supplier, or holds the supplier role (whatever else it holds)."""
    return actor.supplier_id is not None or Role.SUPPLIER in actor.roles


def require_not_supplier(actor: Actor, action: str) -> None:
    """Suppliers are never staff: refuse a supplier's user on a command or read of the buyer's
    staff, even when it also holds a staff role (`permission.supplier_as_staff`)."""
    if is_supplier_user(actor):
        raise PermissionDenied(
            "permission.supplier_as_staff",
            f"{actor.name} ({actor.id}) acts for a supplier and may not {action}: "
            "a supplier's user is never the buyer's staff",
            f"{actor.name}（{actor.id}）为供应商用户，不得执行 {action}：供应商用户不得兼任招标人工作人员",
            {"actor": actor.id, "action": action, "supplier_id": actor.supplier_id},
        )


def require_not_requester(approver: Actor, requester_id: str, action: str) -> None:
    """Nobody approves their own request."""
    if approver.id == requester_id:
        raise PermissionDenied(
            "permission.self_approval",
            f"{approver.name} may not approve their own request ({action})",
            f"{approver.name} 不得审批本人提出的申请（{action}）",
            {"actor": approver.id, "action": action},
        )


def require_distinct(person_ids: Iterable[str], needed: int, action: str) -> None:
    """Several approvals must come from `needed` different people."""
    ids = list(person_ids)
    distinct = set(ids)
    if len(distinct) < needed or len(distinct) != len(ids):
        raise PermissionDenied(
            "permission.distinct_people",
            f"{action} needs {needed} different people; got {len(distinct)} distinct of {len(ids)}",
            f"{label_zh(action)}需要 {needed} 名不同人员；实际 {len(ids)} 人中仅 {len(distinct)} 人不同",
            {"action": action, "needed": needed, "people": ids},
        )
