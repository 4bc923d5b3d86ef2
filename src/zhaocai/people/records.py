"""Reading the register inside a session: a person, its grants, who a claim resolves to, and the
two ways other parts of zhaocai enrol people (an expert of the pool, a supplier's first user)."""

from __future__ import annotations

import uuid
from collections import namedtuple
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from zhaocai.actors import Actor, Role
from zhaocai.people.chain_check import require_person_consistent
from zhaocai.people.rules import (
    IN_FORCE,
    GrantFact,
    GrantKind,
    GrantState,
    PersonFact,
    PersonKind,
    department_holder,
    held,
    in_force,
    require_grantable,
    resolve,
    unknown_person,
)
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.store import UnitOfWork, bulk

_PERSON = PersonRow.__table__  # type: ignore[attr-defined]
_GRANT = GrantRow.__table__  # type: ignore[attr-defined]


def person_fact(row: Any) -> PersonFact:
    """The row (a `PersonRow` or a `StoredPerson`) as the rules see it."""
    return PersonFact(row.id, row.name, row.kind, row.unit, row.supplier_id, row.active)


def grant_fact(row: Any) -> GrantFact:
    """The row (a `GrantRow` or a `StoredGrant`) as the rules see it."""
    return GrantFact(row.kind, row.value, row.valid_from, row.valid_until, row.state)


def grant_rows_of(session: Session, person_id: str) -> list[GrantRow]:
    """Every grant row of the person, whatever its state."""
    return list(session.exec(select(GrantRow).where(col(GrantRow.person_id) == person_id)).all())


def grants_of(session: Session, person_id: str) -> list[GrantFact]:
    """Every grant of the person, whatever its state."""
    return [grant_fact(r) for r in grant_rows_of(session, person_id)]


def resolve_in(session: Session, claim: Actor | str, at: datetime) -> Actor:
    """The register's actor behind `claim` at `at` (see `zhaocai.people.rules.resolve`). A person
    whose row or grants disagree with the audit chain (changed outside a command) is refused
    (`audit.state_mismatch`): who acts is never taken from a forged grant."""
    return resolve_person(session, claim, at)[0]


def resolve_person(session: Session, claim: Actor | str, at: datetime) -> tuple[Actor, Any | None]:
    """`resolve_in`, with the person's stored row (None for an unknown person, who is refused).
    One Core read of the person and its grants together: every command resolves its actor."""
    person_id = claim if isinstance(claim, str) else claim.id
    rows = session.connection().execute(_PERSON_AND_GRANTS, {"person_id": person_id}).all()
    if not rows:
        return resolve(None, [], claim, at), None
    width = len(_PERSON.c)
    row = StoredPerson._make(rows[0][:width])
    grants = [StoredGrant._make(r[width:]) for r in rows if r[width] is not None]
    require_person_consistent(session.connection(), row, grants)
    return resolve(person_fact(row), [grant_fact(g) for g in grants], claim, at), row


StoredPerson = namedtuple("StoredPerson", [c.name for c in _PERSON.c])  # type: ignore[misc]
"""A `person` row as read for a command (its columns by name)."""
StoredGrant = namedtuple("StoredGrant", [c.name for c in _GRANT.c])  # type: ignore[misc]
"""A `person_grant` row as read for a command (its columns by name)."""
_PERSON_AND_GRANTS = (
    sql_select(_PERSON, *(c.label(f"grant_{c.name}") for c in _GRANT.c))
    .select_from(_PERSON.outerjoin(_GRANT, _GRANT.c.person_id == _PERSON.c.id))
    .where(_PERSON.c.id == bindparam("person_id"))
    .order_by(_GRANT.c.id))


def departments_of(session: Session, person_id: str, at: datetime) -> frozenset[str]:
    """The departments the person is a member of at `at`, by the register's grants."""
    return held(grants_of(session, person_id), GrantKind.DEPARTMENT, at)


def require_department_member(session: Session, actor: Actor, department: str, at: datetime) -> None:
    """A department's review is given by a member of that department (`permission.department`)."""
    department_holder(actor.name, actor.id, departments_of(session, actor.id, at), department)


def holds_role(session: Session, person_id: str, role: Role, at: datetime) -> bool:
    """Whether the recorded person holds `role` at `at` (False for an unknown person)."""
    row = session.get(PersonRow, person_id)
    if row is None or not row.active:
        return False
    if row.kind == PersonKind.SUPPLIER_USER.value:
        return role == Role.SUPPLIER
    return role.value in held(grants_of(session, person_id), GrantKind.ROLE, at)


def new_grant_id() -> str:
    """A fresh grant id."""
    return f"grant-{uuid.uuid4().hex[:16]}"


def propose_role(uow: UnitOfWork, person_id: str, role: Role, *, reason: str = "") -> GrantRow:
    """Record a proposed grant of `role` from now, open-ended, proposed by the command's actor."""
    row = GrantRow(id=new_grant_id(), person_id=person_id, kind=GrantKind.ROLE.value, value=role.value,
                   valid_from=uow.now, valid_until=None, state=GrantState.PROPOSED.value,
                   proposed_by=uow.actor.id, proposed_at=uow.now, reason=reason)
    uow.session.add(row)
    return row


def enrol_expert(uow: UnitOfWork, expert_id: str, name: str) -> str | None:
    """An expert added to the pool becomes a recorded person with a PROPOSED expert grant: the
    expert acts only once a supervisor other than the one who added it approves the grant. The id
    of the grant proposed (None when the person already holds or awaits the expert role)."""
    person = uow.session.get(PersonRow, expert_id)
    if person is None:
        uow.session.add(PersonRow(id=expert_id, name=name, kind=PersonKind.EXPERT.value, unit="专家库",
                                  registered_by=uow.actor.id, registered_at=uow.now))
        uow.session.flush()
    else:
        require_grantable(person_fact(person), GrantKind.ROLE, Role.EXPERT.value)
    pending_or_held = uow.session.exec(select(GrantRow.id).where(
        col(GrantRow.person_id) == expert_id, col(GrantRow.kind) == GrantKind.ROLE.value,
        col(GrantRow.value) == Role.EXPERT.value,
        col(GrantRow.state).in_([GrantState.PROPOSED.value, GrantState.ACTIVE.value,
                                 GrantState.REVOCATION_PROPOSED.value]))).first()
    if pending_or_held is not None:
        return None
    grant = propose_role(uow, expert_id, Role.EXPERT, reason="expert pool")
    uow.record("person.grant.propose", "person", expert_id,
               {"grant_id": grant.id, "kind": grant.kind, "value": grant.value,
                "valid_from": grant.valid_from.isoformat(), "valid_until": None,
                "reason": grant.reason}, event="GrantProposed")
    return grant.id


def supplier_user_id(supplier_id: str) -> str:
    """The id of the first user the platform records for a supplier registered by staff."""
    return f"u-{supplier_id}"[:64]


def enrol_supplier(uow: UnitOfWork, supplier_id: str, contact_name: str) -> str:
    """A newly registered supplier's administrator user, recorded by the platform in the
    registration's own command: the registrant itself when it is a supplier's user not yet
    attached to a supplier, otherwise a new user `u-<supplier id>` named after the application's
    first contact. Its id."""
    registrant = uow.session.get(PersonRow, uow.actor.id)
    if (registrant is not None and registrant.kind == PersonKind.SUPPLIER_USER.value
            and registrant.supplier_id is None):
        registrant.supplier_id, registrant.supplier_admin = supplier_id, True
        uow.session.add(registrant)
        user_id = registrant.id
    else:
        user_id = supplier_user_id(supplier_id)
        uow.session.add(PersonRow(id=user_id, name=contact_name, kind=PersonKind.SUPPLIER_USER.value,
                                  unit=supplier_id, supplier_id=supplier_id, supplier_admin=True,
                                  registered_by=uow.actor.id, registered_at=uow.now))
    uow.record("person.supplier_user.add", "person", user_id,
               {"supplier_id": supplier_id, "administrator": True, "by_registration": True},
               event="SupplierUserAdded")
    return user_id


def holders_of(session: Session, role: Role, at: datetime) -> set[str]:
    """The ids of the people holding `role` at `at` by an approved grant (one query)."""
    rows = session.exec(select(GrantRow).where(
        col(GrantRow.kind) == GrantKind.ROLE.value, col(GrantRow.value) == role.value,
        col(GrantRow.state).in_(sorted(IN_FORCE)))).all()
    return {r.person_id for r in rows if in_force(grant_fact(r), at)}


def registered_staff(session: Session, person_id: str) -> PersonRow:
    """The recorded member of staff `person_id` (`person.unknown` for anyone else)."""
    row = session.get(PersonRow, person_id)
    if row is None or not row.active or row.kind != PersonKind.STAFF.value:
        raise unknown_person(person_id)
    return row


def enrol_imported_suppliers(uow: UnitOfWork, supplier_ids: list[str], contact_names: list[str]) -> None:
    """The administrator user `u-<supplier id>` of each supplier of a bulk import, in one bulk
    insert (the import's own audit link records the batch)."""
    rows = [{"id": supplier_user_id(sid), "name": name, "kind": PersonKind.SUPPLIER_USER.value,
             "unit": sid, "supplier_id": sid, "supplier_admin": True, "active": True,
             "registered_by": uow.actor.id, "registered_at": uow.now}
            for sid, name in zip(supplier_ids, contact_names, strict=True)]
    bulk.insert_many(uow.session.connection(), PersonRow.__table__, rows)  # type: ignore[attr-defined]
