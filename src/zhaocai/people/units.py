"""Organisational units (组织单位): the tree, staff's and tenders' places in it, and the guard
every tender command passes (`require_tender_reach`, called by `zhaocai.bidding.lifecycle.
load_tender` once the command's actor is resolved).

The register's founding creates the root unit; the administrator adds units under it
(subsidiaries, project departments) and places staff in them. A tender belongs to its drafter's
unit (a re-tender to its original's). Nothing here is needed by a single-unit deployment:
everyone and everything is in the root until placed elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Text
from sqlmodel import Field as SQLField
from sqlmodel import Session, SQLModel, col, select

from zhaocai.acting import acting
from zhaocai.actors import SYSTEM, Actor, Role
from zhaocai.errors import ConflictError, NotFoundError, ValidationError, parse
from zhaocai.guards import guarded
from zhaocai.people.records import grants_of
from zhaocai.people.rules import GrantKind, PersonKind, held
from zhaocai.people.tables import PersonRow
from zhaocai.people.unit_rules import ROOT, ROOT_NAME, require_reach
from zhaocai.store import UnitOfWork
from zhaocai.store.types import UTCDateTime

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


class OrgUnitRow(SQLModel, table=True):
    """One organisational unit: the group (the root), a subsidiary, a project department."""

    __tablename__ = "org_unit"

    id: str = SQLField(sa_column=Column(Text, primary_key=True))
    name: str = SQLField(sa_column=Column(Text, nullable=False))
    parent_id: str | None = SQLField(default=None, sa_column=Column(Text, nullable=True))
    created_by: str = SQLField(sa_column=Column(Text, nullable=False))
    created_at: datetime = SQLField(sa_column=Column(UTCDateTime, nullable=False))


class PersonUnitRow(SQLModel, table=True):
    """The unit a member of staff belongs to (the root when it has no row)."""

    __tablename__ = "person_unit"

    person_id: str = SQLField(sa_column=Column(Text, primary_key=True))
    unit_id: str = SQLField(sa_column=Column(Text, nullable=False))
    assigned_by: str = SQLField(sa_column=Column(Text, nullable=False))
    assigned_at: datetime = SQLField(sa_column=Column(UTCDateTime, nullable=False))


class TenderUnitRow(SQLModel, table=True):
    """The unit a tender belongs to (the root when it has no row)."""

    __tablename__ = "tender_unit"

    tender_id: str = SQLField(sa_column=Column(Text, primary_key=True))
    unit_id: str = SQLField(sa_column=Column(Text, nullable=False))


class NewUnit(BaseModel):
    """A unit to add under `parent_id` (the root when None)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    parent_id: str | None = Field(default=None, max_length=64)


class UnitView(BaseModel):
    """A unit of the tree."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    parent_id: str | None


def tree_of(session: Session) -> tuple[dict[str, str | None], dict[str, str]]:
    """The tree (each unit's parent) and the units' names, the root always among them."""
    rows = session.exec(select(OrgUnitRow)).all()
    tree: dict[str, str | None] = {ROOT: None, **{r.id: r.parent_id for r in rows}}
    names = {ROOT: ROOT_NAME, **{r.id: r.name for r in rows}}
    return tree, names


def unit_of(session: Session, person_id: str) -> str:
    """The unit the person belongs to."""
    row = session.get(PersonUnitRow, person_id)
    return row.unit_id if row is not None else ROOT


def tender_unit(session: Session, tender_id: str) -> str:
    """The unit the tender belongs to."""
    row = session.get(TenderUnitRow, tender_id)
    return row.unit_id if row is not None else ROOT


def found_root(uow: UnitOfWork) -> None:
    """The root unit, created with the register (called by `found`)."""
    if uow.session.get(OrgUnitRow, ROOT) is None:
        uow.session.add(OrgUnitRow(id=ROOT, name=ROOT_NAME, parent_id=None, created_by=SYSTEM.id,
                                   created_at=uow.now))


def place_tender(uow: UnitOfWork, tender_id: str, retender_of: str | None = None) -> str:
    """Place a new tender in its drafter's unit (a re-tender in its original's); the unit's id."""
    unit = tender_unit(uow.session, retender_of) if retender_of else unit_of(uow.session, uow.actor.id)
    if unit != ROOT:  # the root needs no row: a single-unit store keeps none
        uow.session.add(TenderUnitRow(tender_id=tender_id, unit_id=unit))
    return unit


def require_tender_reach(uow: UnitOfWork, tender_id: str) -> None:
    """The one unit guard of tender commands: an officer acts on its own unit's tenders only, a
    supervisor or an auditor on its own unit's subtree and its granted units' (`unit.outside`).
    The system, experts and suppliers' users are not placed in units."""
    actor = uow.actor
    if actor.id == SYSTEM.id:
        return
    tree, names = tree_of(uow.session)
    if len(tree) == 1:  # the root alone: every person and every tender is in it
        return
    person = uow.session.get(PersonRow, actor.id)
    if person is None or person.kind != PersonKind.STAFF.value:
        return
    scopes = held(grants_of(uow.session, actor.id), GrantKind.UNIT, uow.now)
    require_reach(tree, names, actor.name, actor.id, unit_of(uow.session, actor.id), actor.roles, scopes,
                  tender_unit(uow.session, tender_id), tender_id)


def require_unit(session: Session, unit_id: str) -> OrgUnitRow | None:
    """The unit `unit_id` (`unit.not_found`); None for the root when the store has no row of it."""
    row = session.get(OrgUnitRow, unit_id)
    if row is None and unit_id != ROOT:
        raise NotFoundError("unit.not_found", f"No organisational unit {unit_id!r}",
                            f"组织单位 {unit_id!r} 不存在", {"unit_id": unit_id})
    return row


def _add(uow: UnitOfWork, unit: NewUnit) -> UnitView:
    parent = unit.parent_id or ROOT
    require_unit(uow.session, parent)
    if unit.id == ROOT or uow.session.get(OrgUnitRow, unit.id) is not None:
        raise ConflictError("unit.duplicate", f"Unit {unit.id!r} exists already",
                            f"组织单位 {unit.id!r} 已存在", {"unit_id": unit.id})
    row = OrgUnitRow(id=unit.id, name=unit.name, parent_id=parent, created_by=uow.actor.id,
                     created_at=uow.now)
    uow.session.add(row)
    uow.record("unit.add", "unit", row.id, {"name": row.name, "parent_id": parent}, event="UnitAdded")
    return UnitView(id=row.id, name=row.name, parent_id=parent)


def _assign(uow: UnitOfWork, person_id: str, unit_id: str) -> None:
    person = uow.session.get(PersonRow, person_id)
    if person is None or person.kind != PersonKind.STAFF.value:
        raise ValidationError("unit.not_staff", f"{person_id} is no recorded member of staff",
                              f"人员 {person_id!r} 不是名册中的工作人员", {"person_id": person_id})
    require_unit(uow.session, unit_id)
    row = uow.session.get(PersonUnitRow, person_id)
    before = row.unit_id if row is not None else ROOT
    row = row or PersonUnitRow(person_id=person_id, unit_id=unit_id, assigned_by=uow.actor.id,
                               assigned_at=uow.now)
    row.unit_id, row.assigned_by, row.assigned_at = unit_id, uow.actor.id, uow.now
    uow.session.add(row)
    uow.record("unit.assign", "person", person_id, {"unit_id": unit_id, "from": before},
               event="StaffUnitAssigned")


class UnitCommands:
    """The register's unit commands and reads (part of `platform.people`)."""

    _runner: CommandRunner

    @acting
    def add_unit(self, actor: Actor, unit: NewUnit | Mapping[str, Any]) -> UnitView:
        """Add a unit under an existing one, the root by default (administrator;
        `unit.not_found`, `unit.duplicate`)."""
        parsed = parse(NewUnit, unit)
        return self._runner.run(actor, "unit.add", lambda uow: _add(uow, parsed), roles=[Role.ADMINISTRATOR])

    @acting
    def assign_unit(self, actor: Actor, person_id: str, unit_id: str) -> None:
        """Place a member of staff in a unit (administrator; `unit.not_staff`, `unit.not_found`).
        Its acts on tenders follow from then on."""
        self._runner.run(actor, "unit.assign", lambda uow: _assign(uow, person_id, unit_id),
                         roles=[Role.ADMINISTRATOR])

    def units(self) -> list[UnitView]:
        """The tree, the root first (unit names are no secret)."""
        with self._runner.session() as session:
            query = select(OrgUnitRow).order_by(col(OrgUnitRow.created_at), col(OrgUnitRow.id))
            rows = session.exec(query).all()
        views = [UnitView(id=r.id, name=r.name, parent_id=r.parent_id) for r in rows]
        if not any(v.id == ROOT for v in views):
            views.insert(0, UnitView(id=ROOT, name=ROOT_NAME, parent_id=None))
        return sorted(views, key=lambda v: v.id != ROOT)

    @guarded
    def unit_of(self, person_id: str) -> str:
        """The unit a person belongs to (the root until placed)."""
        with self._runner.session() as session:
            return unit_of(session, person_id)

    @guarded
    def tender_unit(self, tender_id: str) -> str:
        """The unit a tender belongs to (the root unless its drafter's unit is another)."""
        with self._runner.session() as session:
            return tender_unit(session, tender_id)

