"""The people register's service: `platform.people`.

Staff and experts are recorded people; roles and department memberships are grants, proposed
by an administrator and approved by a different supervisor (never the proposer, never the
grantee), revoked the same way. A supplier's administrator user manages its supplier's other
users. `found` starts an empty register with its first administrator and supervisor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from zhaocai.acting import Who, acting
from zhaocai.actors import SYSTEM, Actor, Role, is_buyer_staff
from zhaocai.errors import ConflictError, PermissionDenied, ValidationError, parse
from zhaocai.machines import fire
from zhaocai.people.interests.service import InterestCommands
from zhaocai.people.machines import GrantMachine
from zhaocai.people.pledges import PledgeCommands
from zhaocai.people.records import new_grant_id, person_fact
from zhaocai.people.rules import GrantKind, GrantState, PersonKind, require_grantable, require_period
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.people.units import UnitCommands, found_root, require_unit
from zhaocai.people.views import (
    GrantView,
    NewGrant,
    NewPerson,
    NewSupplierUser,
    PersonView,
    grant_view,
    person_view,
)
from zhaocai.store import UnitOfWork
from zhaocai.store.loading import load_row
from zhaocai.suppliers.tables import SupplierRow

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

SUBJECT = "person"
ADMIN = [Role.ADMINISTRATOR]
SUPERVISOR = [Role.SUPERVISOR]


def _person(session: Session, person_id: str) -> PersonRow:
    return load_row(session, PersonRow, person_id, "person.not_found", f"No recorded person {person_id!r}",
                    f"人员名册中没有 {person_id!r}", {"person_id": person_id})


def _load_person(uow: UnitOfWork, person_id: str) -> PersonRow:
    return _person(uow.session, person_id)


def _load_grant(uow: UnitOfWork, grant_id: str) -> GrantRow:
    return load_row(uow.session, GrantRow, grant_id, "person.grant.not_found", f"No grant {grant_id!r}",
                    f"授权 {grant_id!r} 不存在", {"grant_id": grant_id})


def _require_new(uow: UnitOfWork, person_id: str) -> None:
    if uow.session.get(PersonRow, person_id) is not None:
        raise ConflictError("person.duplicate", f"Person {person_id!r} is already recorded",
                            f"人员 {person_id!r} 已在名册中登记", {"person_id": person_id})


def _add_person(uow: UnitOfWork, person: NewPerson) -> PersonRow:
    _require_new(uow, person.id)
    row = PersonRow(id=person.id, name=person.name, kind=person.kind.value, unit=person.unit,
                    registered_by=uow.actor.id, registered_at=uow.now)
    uow.session.add(row)
    uow.session.flush()
    uow.record("person.register", SUBJECT, row.id,
               {"name": row.name, "kind": row.kind, "unit": row.unit}, event="PersonRegistered")
    return row


def _grant_change(row: GrantRow) -> dict[str, Any]:
    return {"grant_id": row.id, "kind": row.kind, "value": row.value,
            "valid_from": row.valid_from.isoformat(),
            "valid_until": row.valid_until.isoformat() if row.valid_until else None,
            "reason": row.reason}


def _propose(uow: UnitOfWork, grant: NewGrant) -> GrantRow:
    person = _load_person(uow, grant.person_id)
    kind = GrantKind.ROLE if grant.role is not None else GrantKind.DEPARTMENT
    value = grant.role.value if grant.role is not None else str(grant.department)
    if grant.unit is not None:
        kind, value = GrantKind.UNIT, grant.unit
        require_unit(uow.session, value)
    require_grantable(person_fact(person), kind, value)
    valid_from = grant.valid_from or uow.now
    require_period(valid_from, grant.valid_until)
    row = GrantRow(id=new_grant_id(), person_id=person.id, kind=kind.value, value=value,
                   valid_from=valid_from, valid_until=grant.valid_until,
                   state=GrantState.PROPOSED.value, proposed_by=uow.actor.id, proposed_at=uow.now,
                   reason=grant.reason)
    uow.session.add(row)
    uow.record("person.grant.propose", SUBJECT, person.id, _grant_change(row), event="GrantProposed")
    return row


def _decide(uow: UnitOfWork, grant_id: str, event: str, reason: str = "") -> GrantView:
    row = _load_grant(uow, grant_id)
    if event == "propose_revocation":
        row.revocation_proposed_by, row.revocation_proposed_at = uow.actor.id, uow.now
    before = row.state
    fire(GrantMachine, row, event, subject_id=row.id, decider=uow.actor)
    if event == "approve":
        row.approved_by, row.approved_at = uow.actor.id, uow.now
    elif event == "approve_revocation":
        row.revoked_by, row.revoked_at = uow.actor.id, uow.now
    uow.session.add(row)
    uow.record(f"person.grant.{event}", SUBJECT, row.person_id,
               {**_grant_change(row), "from": before, "to": row.state, "decision_reason": reason},
               event="GrantChanged")
    return grant_view(row)


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError("person.reason_required", "A reason is required", "须说明理由")
    return reason.strip()


class PeopleService(InterestCommands, PledgeCommands, UnitCommands):
    """The people register (人员名册): people, their grants, suppliers' users, their declared
    interests (`InterestCommands`), integrity pledges (`PledgeCommands`) and organisational units
    (`UnitCommands`)."""

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    # -- founding --------------------------------------------------------------------------------

    def found(self, *, administrator: NewPerson | Mapping[str, Any],
              supervisor: NewPerson | Mapping[str, Any]) -> list[PersonView]:
        """Start an empty register: two different people, one the administrator, the other the
        supervisor, each with an active open-ended grant. Accepted only while the register has
        nobody (`person.already_founded`); the two must differ (`person.founders_distinct`)."""
        admin, sup = parse(NewPerson, administrator), parse(NewPerson, supervisor)
        if admin.id == sup.id or admin.kind != PersonKind.STAFF or sup.kind != PersonKind.STAFF:
            raise ValidationError(
                "person.founders_distinct",
                "The founding administrator and supervisor must be two different members of staff",
                "创始系统管理员与纪检监督人员须为两名不同的工作人员", {"ids": [admin.id, sup.id]})

        def handler(uow: UnitOfWork) -> list[PersonView]:
            if uow.session.exec(select(PersonRow.id).limit(1)).first() is not None:
                raise ConflictError("person.already_founded",
                                    "The register has people already: founding is for an empty register",
                                    "人员名册已有人员，不得再次创立", {})
            rows, grants = [], {}
            for person, role in ((admin, Role.ADMINISTRATOR), (sup, Role.SUPERVISOR)):
                row = PersonRow(id=person.id, name=person.name, kind=PersonKind.STAFF.value,
                                unit=person.unit, registered_by=SYSTEM.id, registered_at=uow.now)
                uow.session.add(row)
                grants[role.value] = new_grant_id()
                uow.session.add(GrantRow(
                    id=grants[role.value], person_id=person.id, kind=GrantKind.ROLE.value, value=role.value,
                    valid_from=uow.now, state=GrantState.ACTIVE.value, proposed_by=SYSTEM.id,
                    proposed_at=uow.now, approved_by=SYSTEM.id, approved_at=uow.now, reason="founding"))
                rows.append(row)
            found_root(uow)  # the root organisational unit
            uow.record("person.found", SUBJECT, admin.id,
                       {"administrator": admin.id, "supervisor": sup.id, "grants": grants},
                       event="RegisterFounded", payload={"administrator": admin.id, "supervisor": sup.id})
            return [person_view(r) for r in rows]

        result: list[PersonView] = self._runner.run_founding("person.found", handler)
        return result

    # -- people ----------------------------------------------------------------------------------

    @acting
    def register(self, actor: Actor, person: NewPerson | Mapping[str, Any]) -> PersonView:
        """Record a member of staff or an expert (administrator). A person acts only with the
        grants approved for it."""
        return self.register_many(actor, [person])[0]

    @acting
    def register_many(self, actor: Actor,
                      people: Sequence[NewPerson | Mapping[str, Any]]) -> list[PersonView]:
        """Record many people in one command (administrator); one bad entry refuses them all."""
        parsed = [parse(NewPerson, p) for p in people]

        def handler(uow: UnitOfWork) -> list[PersonView]:
            return [person_view(_add_person(uow, p)) for p in parsed]

        return self._runner.run(actor, "person.register", handler, roles=ADMIN)

    @acting
    def add_supplier_user(self, actor: Actor, supplier_id: str, user: NewSupplierUser | Mapping[str, Any],
                          *, administrator: bool = False) -> PersonView:
        """Add a user to a supplier: by the platform's administrator, or by that supplier's own
        administrator user (`person.not_supplier_admin`, `permission.other_supplier`)."""
        new = parse(NewSupplierUser, user)

        def handler(uow: UnitOfWork) -> PersonView:
            load_row(uow.session, SupplierRow, supplier_id, "supplier.not_found",
                     f"No supplier {supplier_id!r}", f"供应商 {supplier_id!r} 不存在",
                     {"supplier_id": supplier_id})
            self._require_manages(uow, actor, supplier_id)
            _require_new(uow, new.id)
            row = PersonRow(id=new.id, name=new.name, kind=PersonKind.SUPPLIER_USER.value, unit=supplier_id,
                            supplier_id=supplier_id, supplier_admin=administrator,
                            registered_by=actor.id, registered_at=uow.now)
            uow.session.add(row)
            uow.record("person.supplier_user.add", SUBJECT, row.id,
                       {"supplier_id": supplier_id, "name": row.name, "administrator": administrator},
                       event="SupplierUserAdded")
            return person_view(row)

        return self._runner.run(actor, "person.supplier_user.add", handler,
                                roles=[Role.ADMINISTRATOR, Role.SUPPLIER])

    @acting
    def remove_supplier_user(self, actor: Actor, person_id: str, reason: str) -> PersonView:
        """Remove a supplier's user (the platform's administrator, or its supplier's administrator
        user): from now on the id acts no more (`person.unknown`)."""
        why = _require_reason(reason)

        def handler(uow: UnitOfWork) -> PersonView:
            row = _load_person(uow, person_id)
            if row.kind != PersonKind.SUPPLIER_USER.value or row.supplier_id is None or not row.active:
                raise ConflictError("person.not_supplier_user", f"{person_id} is no active supplier's user",
                                    f"{person_id} 不是在册的供应商用户", {"person_id": person_id})
            self._require_manages(uow, actor, row.supplier_id)
            row.active, row.removed_by, row.removed_at = False, actor.id, uow.now
            uow.session.add(row)
            uow.record("person.supplier_user.remove", SUBJECT, row.id,
                       {"supplier_id": row.supplier_id, "reason": why}, event="SupplierUserRemoved")
            return person_view(row)

        return self._runner.run(actor, "person.supplier_user.remove", handler,
                                roles=[Role.ADMINISTRATOR, Role.SUPPLIER])

    @staticmethod
    def _require_manages(uow: UnitOfWork, actor: Actor, supplier_id: str) -> None:
        """The platform's administrator manages any supplier's users; a supplier's administrator
        user those of its own supplier only."""
        if actor.supplier_id is None and Role.SUPPLIER not in actor.roles:
            return  # the platform's administrator (the runner checked the role)
        if actor.supplier_id != supplier_id:
            raise PermissionDenied(
                "permission.other_supplier",
                f"{actor.name} acts for {actor.supplier_id}, not for {supplier_id}",
                f"{actor.name} 仅可代表本单位（{actor.supplier_id}）操作，不得代表 {supplier_id}",
                {"actor": actor.id, "supplier_id": supplier_id})
        me = uow.session.get(PersonRow, actor.id)
        if me is None or not me.supplier_admin:
            raise PermissionDenied(
                "person.not_supplier_admin",
                f"{actor.name} is not an administrator user of supplier {supplier_id}",
                f"{actor.name} 不是供应商 {supplier_id} 的管理员用户", {"actor": actor.id})

    # -- grants ----------------------------------------------------------------------------------

    @acting
    def propose_grant(self, actor: Actor, grant: NewGrant | Mapping[str, Any]) -> GrantView:
        """Propose a role or a department for a person, for a period (administrator). It counts
        only once a supervisor other than the proposer and the grantee approves it."""
        return self.propose_grants(actor, [grant])[0]

    @acting
    def propose_grants(self, actor: Actor, grants: Sequence[NewGrant | Mapping[str, Any]]) -> list[GrantView]:
        """Propose many grants in one command (administrator); one bad entry refuses them all."""
        parsed = [parse(NewGrant, g) for g in grants]

        def handler(uow: UnitOfWork) -> list[GrantView]:
            return [grant_view(_propose(uow, g)) for g in parsed]

        return self._runner.run(actor, "person.grant.propose", handler, roles=ADMIN)

    @acting
    def approve_grant(self, actor: Actor, grant_id: str) -> GrantView:
        """A supervisor, neither the proposer nor the grantee, approves a proposed grant
        (`permission.self_approval`, `person.grant.own`)."""
        return self.approve_grants(actor, [grant_id])[0]

    @acting
    def approve_grants(self, actor: Actor, grant_ids: Sequence[str]) -> list[GrantView]:
        """Approve many proposed grants in one command (supervisor); one refusal refuses all."""
        ids = list(grant_ids)

        def handler(uow: UnitOfWork) -> list[GrantView]:
            return [_decide(uow, g, "approve") for g in ids]

        return self._runner.run(actor, "person.grant.approve", handler, roles=SUPERVISOR)

    @acting
    def reject_grant(self, actor: Actor, grant_id: str, reason: str) -> GrantView:
        """A supervisor, neither the proposer nor the grantee, turns a proposed grant down."""
        why = _require_reason(reason)
        return self._runner.run(actor, "person.grant.reject",
                                lambda uow: _decide(uow, grant_id, "reject", why), roles=SUPERVISOR)

    @acting
    def propose_revocation(self, actor: Actor, grant_id: str, reason: str) -> GrantView:
        """Propose to end an active grant (administrator or supervisor); it counts until a
        supervisor other than the proposer and the grantee approves the revocation."""
        why = _require_reason(reason)
        return self._runner.run(actor, "person.grant.propose_revocation",
                                lambda uow: _decide(uow, grant_id, "propose_revocation", why),
                                roles=[Role.ADMINISTRATOR, Role.SUPERVISOR])

    @acting
    def approve_revocation(self, actor: Actor, grant_id: str) -> GrantView:
        """A supervisor, neither the revocation's proposer nor the grantee, ends the grant now."""
        return self._runner.run(actor, "person.grant.approve_revocation",
                                lambda uow: _decide(uow, grant_id, "approve_revocation"), roles=SUPERVISOR)

    @acting
    def reject_revocation(self, actor: Actor, grant_id: str, reason: str) -> GrantView:
        """A supervisor, neither the revocation's proposer nor the grantee, keeps the grant."""
        why = _require_reason(reason)
        return self._runner.run(actor, "person.grant.reject_revocation",
                                lambda uow: _decide(uow, grant_id, "reject_revocation", why),
                                roles=SUPERVISOR)

    # -- reads -----------------------------------------------------------------------------------

    def resolve(self, who: Who) -> Actor:
        """The actor the register resolves `who` to now (what every command acts as)."""
        resolved: Actor = self._runner.resolve(who)
        return resolved

    @acting
    def person(self, actor: Actor, person_id: str) -> PersonView:
        """One recorded person: the buyer's staff read anyone, a supplier's user its own
        supplier's users, anyone else itself (`permission.person_read`)."""
        with self._runner.session() as session:
            row = _person(session, person_id)
        if not (is_buyer_staff(actor) or row.id == actor.id
                or (actor.supplier_id is not None and row.supplier_id == actor.supplier_id)):
            raise PermissionDenied("permission.person_read", f"{actor.name} may not read {person_id}",
                                   f"{actor.name} 无权查阅人员 {person_id}", {"actor": actor.id})
        return person_view(row)

    @acting
    def people(self, actor: Actor, *, supplier_id: str | None = None) -> list[PersonView]:
        """The register (the buyer's staff), or one supplier's users (also that supplier's users)."""
        own = actor.supplier_id is not None and actor.supplier_id == supplier_id
        if not (is_buyer_staff(actor) or own):
            raise PermissionDenied("permission.person_read", f"{actor.name} may not read the register",
                                   f"{actor.name} 无权查阅人员名册", {"actor": actor.id})
        with self._runner.session() as session:
            query = select(PersonRow).order_by(col(PersonRow.id))
            if supplier_id is not None:
                query = query.where(col(PersonRow.supplier_id) == supplier_id)
            return [person_view(r) for r in session.exec(query).all()]

    @acting
    def grants(self, actor: Actor, *, person_id: str | None = None,
               state: GrantState | str | None = None) -> list[GrantView]:
        """Grants, by person and state: the buyer's staff read all, anyone else its own."""
        if not is_buyer_staff(actor) and person_id != actor.id:
            raise PermissionDenied("permission.person_read", f"{actor.name} may not read others' grants",
                                   f"{actor.name} 无权查阅他人的授权", {"actor": actor.id})
        with self._runner.session() as session:
            query = select(GrantRow).order_by(col(GrantRow.proposed_at), col(GrantRow.id))
            if person_id is not None:
                query = query.where(col(GrantRow.person_id) == person_id)
            if state is not None:
                query = query.where(col(GrantRow.state) == GrantState(state).value)
            return [grant_view(r) for r in session.exec(query).all()]
