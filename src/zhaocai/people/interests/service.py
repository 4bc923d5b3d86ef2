"""Declared interests on the people register (`platform.people.declare_interest`, ...).

A person of the buyer or an expert declares their own interests, one declaration at a time,
each at its moment; nothing is changed or deleted (a new declaration is added: history is kept).
Auditors and supervisors list the recusals recorded on tenders.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.errors import PermissionDenied, parse
from zhaocai.people.interests.rules import InterestKind
from zhaocai.people.interests.tables import InterestRow, RecusalRow
from zhaocai.people.interests.views import (
    InterestView,
    NewInterest,
    RecusalView,
    interest_view,
    recusal_view,
)
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.identity import identity_hash, identity_key

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

OVERSIGHT = (Role.AUDITOR, Role.SUPERVISOR)
DECLARING_ROLES = tuple(r for r in Role if r != Role.SUPPLIER)
"""Whoever holds a role of the buyer or the expert role declares (a supplier's user does not)."""


def _read_refused(actor: Actor, what: str) -> PermissionDenied:
    return PermissionDenied(
        "permission.interest_read", f"{actor.name} may not read {what}",
        f"{actor.name} 无权查阅他人的利益申报或回避记录", {"actor": actor.id})


class InterestCommands:
    """Declarations and recusals of the people register (mixed into `PeopleService`)."""

    _runner: CommandRunner

    @acting
    def declare_interest(self, actor: Actor, interest: NewInterest | Mapping[str, Any]) -> InterestView:
        """The actor declares an interest of their own (the buyer's staff or an expert, holding a
        role; a supplier's user is refused). From its moment on it makes them step aside from
        every duty towards a supplier it names (see `zhaocai.people.interests.rules`)."""
        new = parse(NewInterest, interest)
        keys = self._runner.keys

        def handler(uow: UnitOfWork) -> InterestView:
            person_hash = None
            if new.kind == InterestKind.RELATED_PERSON and new.identity_number:
                person_hash = identity_hash(identity_key(uow.session, keys), new.identity_number)
            row = InterestRow(id=f"int-{uuid.uuid4().hex[:16]}", person_id=uow.actor.id, kind=new.kind.value,
                              relation=new.relation.value,
                              credit_code=new.credit_code.upper() if new.credit_code else None,
                              company_name=new.company_name, person_hash=person_hash,
                              ended_at=new.ended_at, note=new.note, declared_at=uow.now)
            uow.session.add(row)
            uow.record("person.interest.declare", "person", uow.actor.id, {
                "declaration_id": row.id, "kind": row.kind, "relation": row.relation,
                "credit_code": row.credit_code, "company_name": row.company_name,
                "person_hash": row.person_hash,
                "ended_at": row.ended_at.isoformat() if row.ended_at else None, "note": row.note},
                event="InterestDeclared",
                payload={"declaration_id": row.id, "kind": row.kind})
            return interest_view(row)

        # The request is kept in the audit trail only with the identity number's keyed hash.
        return self._runner.run(actor, "person.interest.declare", handler, roles=DECLARING_ROLES)

    @acting
    def interests(self, actor: Actor, person_id: str) -> list[InterestView]:
        """A person's declarations, oldest first: the person themself, auditors and supervisors."""
        if actor.id != person_id and not actor.has(*OVERSIGHT):
            raise _read_refused(actor, f"the interests of {person_id}")
        with self._runner.session() as session:
            rows = session.exec(select(InterestRow).where(col(InterestRow.person_id) == person_id)
                                .order_by(col(InterestRow.declared_at), col(InterestRow.id))).all()
            return [interest_view(r) for r in rows]

    @acting
    def recusals(self, actor: Actor, *, tender_id: str | None = None,
                 person_id: str | None = None) -> list[RecusalView]:
        """The recusals recorded on tenders, in the order recorded (auditors and supervisors)."""
        if not actor.has(*OVERSIGHT):
            raise _read_refused(actor, "the recusals")
        with self._runner.session() as session:
            query = select(RecusalRow).order_by(col(RecusalRow.id))
            if tender_id is not None:
                query = query.where(col(RecusalRow.tender_id) == tender_id)
            if person_id is not None:
                query = query.where(col(RecusalRow.person_id) == person_id)
            return [recusal_view(r) for r in session.exec(query).all()]
