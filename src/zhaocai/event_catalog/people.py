"""Events of the people register: who is recorded, which grants they hold, who signs."""

from __future__ import annotations

from typing import Any

from zhaocai.event_catalog.model import EventType

_GRANT: dict[str, Any] = {"grant_id": str, "kind": str, "value": str, "valid_from": str,
                          "valid_until": str | None, "reason": str}

PEOPLE_EVENTS = (
    EventType("RegisterFounded", "person", ("person.found",),
              "The register of an empty store was founded with its first administrator and "
              "supervisor, two different people.",
              "空库建立人员名册：首位系统管理员与首位纪检监督人员，须为两人。",
              {"administrator": str, "supervisor": str}),
    EventType("PersonRegistered", "person", ("person.register",),
              "A person (staff, expert or supplier's user) was recorded; they hold no role until a "
              "grant is approved.",
              "登记人员（工作人员、专家或供应商用户）；授权获批前不具有任何角色。",
              {"name": str, "kind": str, "unit": str | None}),
    EventType("GrantProposed", "person", ("person.grant.propose",),
              "A role or department was proposed for a person, for a period; a supervisor other "
              "than the proposer and the grantee decides.",
              "为人员提出角色或部门授权（含有效期），由提出人和被授权人以外的纪检监督人员决定。",
              _GRANT),
    EventType("GrantChanged", "person",
              ("person.grant.approve", "person.grant.reject", "person.grant.propose_revocation",
               "person.grant.approve_revocation", "person.grant.reject_revocation"),
              "A grant moved: approved, rejected, its revocation proposed, approved or rejected.",
              "授权状态变更：批准、驳回、提出撤销、批准撤销或驳回撤销。",
              {**_GRANT, "from": str, "to": str, "decision_reason": str}),
    EventType("SupplierUserAdded", "person", ("person.supplier_user.add",),
              "A supplier's user was recorded: its administrator at registration, or another user "
              "added by the supplier's administrator.",
              "登记供应商用户：供应商登记时的管理员用户，或由供应商管理员添加的其他用户。",
              {"supplier_id": str, "administrator": bool},
              {"name": str, "by_registration": bool}),
    EventType("SupplierUserRemoved", "person", ("person.supplier_user.remove",),
              "A supplier's administrator removed one of its users.", "供应商管理员移除其用户。",
              {"supplier_id": str, "reason": str}),
    EventType("PledgeSigned", "pledge", ("person.pledge.sign",),
              "An integrity pledge was signed for a period: a member of staff's own, or a "
              "supplier's by its administrator user; it names the text's version and digest.",
              "签署廉洁承诺书（含有效期）：工作人员本人签署，或供应商管理员用户代表供应商签署；"
              "载明文本版本及其摘要。",
              {"pledge_id": str, "holder_kind": str, "signed_by": str, "valid_from": str,
               "valid_until": str, "version": str, "text_digest": str}),
    EventType("UnitAdded", "unit", ("unit.add",),
              "The administrator added an organisational unit (a subsidiary, a project department) "
              "under an existing one.",
              "系统管理员在既有组织单位下增设单位（子公司、项目部等）。",
              {"name": str, "parent_id": str}),
    EventType("StaffUnitAssigned", "person", ("unit.assign",),
              "The administrator placed a member of staff in an organisational unit: its acts on "
              "tenders follow from then on.",
              "系统管理员调整工作人员所属组织单位，此后其办理招标项目的范围随之变化。",
              {"unit_id": str, "from": str}),
)
