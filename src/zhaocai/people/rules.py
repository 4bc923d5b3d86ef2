"""The people register's pure rules: what may be granted to whom, when a grant counts, and who
a claim resolves to. No database here: the service loads the rows and asks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from zhaocai.actors import ROLE_ZH, Actor, Role
from zhaocai.clock import SHANGHAI
from zhaocai.errors import PermissionDenied, ValidationError


class PersonKind(StrEnum):
    """Who a recorded person is."""

    STAFF = "staff"  # the buyer's own people
    EXPERT = "expert"  # an expert of the pool
    SUPPLIER_USER = "supplier_user"  # a supplier's user (acts for that supplier only)


class GrantKind(StrEnum):
    """What a grant gives: a role, or a membership of a reviewing department."""

    ROLE = "role"
    DEPARTMENT = "department"
    UNIT = "unit"  # an organisational unit a supervisor or an auditor oversees (its subtree)


class GrantState(StrEnum):
    """Where a grant is in its life (see `GrantMachine`)."""

    PROPOSED = "proposed"
    ACTIVE = "active"
    REJECTED = "rejected"
    REVOCATION_PROPOSED = "revocation_proposed"
    REVOKED = "revoked"


IN_FORCE = frozenset({GrantState.ACTIVE.value, GrantState.REVOCATION_PROPOSED.value})
"""States in which a grant counts (a proposed revocation takes effect only when approved)."""

DEPARTMENTS = ("purchasing", "quality", "technical")
"""The departments of 三三二 (`zhaocai.suppliers.rules.Department` values)."""

DEPARTMENT_ZH = {"purchasing": "采购部门", "quality": "质量部门", "technical": "技术部门"}


@dataclass(frozen=True)
class GrantFact:
    """What the rules need of a grant: its kind, value, period and state."""

    kind: str
    value: str
    valid_from: datetime
    valid_until: datetime | None
    state: str


@dataclass(frozen=True)
class PersonFact:
    """What the rules need of a person."""

    id: str
    name: str
    kind: str
    unit: str
    supplier_id: str | None
    active: bool


def _zh_time(at: datetime) -> str:
    return at.astimezone(SHANGHAI).strftime("%Y年%m月%d日 %H:%M")


def in_force(grant: GrantFact, at: datetime) -> bool:
    """Whether the grant counts at `at`: approved, not revoked, and within its period."""
    return (grant.state in IN_FORCE and grant.valid_from <= at
            and (grant.valid_until is None or at < grant.valid_until))


def held(grants: Iterable[GrantFact], kind: GrantKind, at: datetime) -> frozenset[str]:
    """The values of `kind` the grants give at `at`."""
    return frozenset(g.value for g in grants if g.kind == kind.value and in_force(g, at))


def why_not(grants: Iterable[GrantFact], kind: GrantKind, value: str, at: datetime) -> str:
    """Why a value is not held at `at`: expired, not_yet_valid, revoked, proposed or not_granted."""
    mine = [g for g in grants if g.kind == kind.value and g.value == value]
    if any(g.state in IN_FORCE and g.valid_until is not None and g.valid_until <= at for g in mine):
        return "expired"
    if any(g.state in IN_FORCE and g.valid_from > at for g in mine):
        return "not_yet_valid"
    if any(g.state == GrantState.REVOKED.value for g in mine):
        return "revoked"
    if any(g.state == GrantState.PROPOSED.value for g in mine):
        return "proposed"
    return "not_granted"


WHY_ZH = {"expired": "授权已过期", "not_yet_valid": "授权尚未生效", "revoked": "授权已撤销",
          "proposed": "授权尚待审批", "not_granted": "未获授权"}


def unknown_person(person_id: str) -> PermissionDenied:
    """The refusal of an id the register does not know (or a user removed from it)."""
    return PermissionDenied(
        "person.unknown", f"No registered person {person_id!r}: only people of the register may act",
        f"人员 {person_id!r} 未在人员名册中登记，不得执行任何操作", {"person_id": person_id})


def roles_of(person: PersonFact, grants: Iterable[GrantFact], at: datetime) -> frozenset[Role]:
    """The roles a person holds at `at`: a supplier's user the supplier role, others their grants."""
    if person.kind == PersonKind.SUPPLIER_USER.value:
        return frozenset({Role.SUPPLIER})
    return frozenset(Role(v) for v in held(grants, GrantKind.ROLE, at))


def resolve(person: PersonFact | None, grants: list[GrantFact], claim: Actor | str, at: datetime) -> Actor:
    """Who acts: the register's person behind `claim` as of `at`.

    A bare id acts with every role granted at `at`; an `Actor` with the roles it claims, each of
    which must be granted and in force (`person.role_not_granted`, with the reason: expired,
    not_yet_valid, revoked, proposed, not_granted). A claimed supplier must be the person's own
    (`person.supplier_mismatch`). The name, unit and supplier always come from the register.
    """
    person_id = claim if isinstance(claim, str) else claim.id
    if person is None or not person.active:
        raise unknown_person(person_id)
    granted = roles_of(person, grants, at)
    if isinstance(claim, str):
        roles = granted
    else:
        for role in sorted(claim.roles - granted):
            reason = why_not(grants, GrantKind.ROLE, role.value, at)
            raise PermissionDenied(
                "person.role_not_granted",
                f"{person.name} ({person.id}) claims the role {role.value}, which the register does "
                f"not grant at {at.isoformat()} ({reason.replace('_', ' ')})",
                f"{person.name}（{person.id}）所称“{ROLE_ZH[role]}”角色在{_zh_time(at)}未经名册授权"
                f"（{WHY_ZH[reason]}）",
                {"person_id": person.id, "role": role.value, "reason": reason, "at": at.isoformat()})
        if claim.supplier_id is not None and claim.supplier_id != person.supplier_id:
            raise PermissionDenied(
                "person.supplier_mismatch",
                f"{person.name} ({person.id}) claims to act for supplier {claim.supplier_id}, "
                f"which is not the person's supplier",
                f"{person.name}（{person.id}）声称代表供应商 {claim.supplier_id}，"
                "但名册中该人员不属于该供应商",
                {"person_id": person.id, "claimed_supplier_id": claim.supplier_id,
                 "supplier_id": person.supplier_id})
        roles = frozenset(claim.roles)
    return Actor(id=person.id, name=person.name, organisation=person.unit, roles=roles,
                 supplier_id=person.supplier_id)


def require_grantable(person: PersonFact, kind: GrantKind, value: str) -> None:
    """What may be granted: a role of zhaocai but the supplier role (a supplier's user is a member
    of its supplier, not a grantee); a department of 三三二 to staff; an expert only the expert
    role; a supplier's user nothing (`person.grant.not_grantable`)."""
    if kind == GrantKind.ROLE:
        valid = value in {r.value for r in Role} and value != Role.SUPPLIER.value
    elif kind == GrantKind.UNIT:
        valid = bool(value)  # the service checks the unit exists
    else:
        valid = value in DEPARTMENTS
    fits = {PersonKind.STAFF.value: True,
            PersonKind.EXPERT.value: kind == GrantKind.ROLE and value == Role.EXPERT.value,
            PersonKind.SUPPLIER_USER.value: False}[person.kind]
    if not (valid and fits):
        raise ValidationError(
            "person.grant.not_grantable",
            f"A {kind.value} {value!r} may not be granted to {person.id} ({person.kind})",
            f"不得向{person.name}（{person.id}）授予“{_value_zh(kind, value)}”",
            {"person_id": person.id, "kind": kind.value, "value": value, "person_kind": person.kind})


def _value_zh(kind: GrantKind, value: str) -> str:
    if kind == GrantKind.DEPARTMENT:
        return DEPARTMENT_ZH.get(value, "未知部门")
    if kind == GrantKind.UNIT:
        return f"组织单位（{value}）的监督范围"
    return next((ROLE_ZH[r] for r in Role if r.value == value), "未知角色")


def require_period(valid_from: datetime, valid_until: datetime | None) -> None:
    """A grant's period ends after it begins (`person.grant.period`)."""
    if valid_until is not None and valid_until <= valid_from:
        raise ValidationError(
            "person.grant.period", "A grant's period must end after it begins",
            "授权的截止时间须晚于生效时间",
            {"valid_from": valid_from.isoformat(), "valid_until": valid_until.isoformat()})


def require_not_party(decider: Actor, proposer_id: str, grantee_id: str, action: str) -> None:
    """Four eyes on a grant: the decider is neither its proposer (`permission.self_approval`) nor
    the person it is for (`person.grant.own`)."""
    if decider.id == proposer_id:
        raise PermissionDenied(
            "permission.self_approval", f"{decider.name} may not approve their own request ({action})",
            f"{decider.name} 不得审批本人提出的申请（{action}）", {"actor": decider.id, "action": action})
    if decider.id == grantee_id:
        raise PermissionDenied(
            "person.grant.own", f"{decider.name} may not decide a grant of their own ({action})",
            f"{decider.name} 不得审批涉及本人的授权（{action}）", {"actor": decider.id, "action": action})


def department_holder(person_name: str, person_id: str, departments: frozenset[str], department: str) -> None:
    """A department's review is given by a member of that department, by the register's grants
    (`permission.department`)."""
    if department not in departments:
        raise PermissionDenied(
            "permission.department",
            f"{person_name} is not in the {department} department (no department grant in force)",
            f"{person_name} 不属于{DEPARTMENT_ZH.get(department, department)}（名册中无有效的部门授权）",
            {"actor": person_id, "department": department})
