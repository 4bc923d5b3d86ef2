"""What callers give the register (`NewPerson`, `NewGrant`) and what it answers (`PersonView`,
`GrantView`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from zhaocai.actors import Role
from zhaocai.guards import NotBlank
from zhaocai.people.rules import DEPARTMENTS, PersonKind
from zhaocai.people.tables import GrantRow, PersonRow


class NewPerson(BaseModel):
    """A person to record: the buyer's staff, an expert, or a supplier's user not yet attached to
    a supplier (an applicant: the supplier it registers makes it that supplier's administrator
    user; the users of an existing supplier are added with `add_supplier_user`). `unit` is the
    organisational unit, as plain text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    unit: str = Field(default="", max_length=200)
    kind: PersonKind = PersonKind.STAFF

    @model_validator(mode="after")
    def _not_the_system(self) -> NewPerson:
        if self.id == "system":
            raise ValueError("the id 'system' is the platform's own")
        return self


class NewGrant(BaseModel):
    """A role, a department membership or a unit to oversee (a supervisor's or an auditor's reach
    over that unit's subtree) proposed for a person, for a period (open-ended when `valid_until`
    is None; from the command's moment when `valid_from` is None)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    person_id: str = Field(min_length=1, max_length=64)
    role: Role | None = None
    department: str | None = None
    unit: str | None = Field(default=None, min_length=1, max_length=64)  # a unit overseen
    valid_from: AwareDatetime | None = None
    valid_until: AwareDatetime | None = None
    reason: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _one_thing(self) -> NewGrant:
        if [self.role, self.department, self.unit].count(None) != 2:
            raise ValueError("give one of a role, a department or a unit")
        if self.department is not None and self.department not in DEPARTMENTS:
            raise ValueError(f"department must be one of {', '.join(DEPARTMENTS)}")
        return self


class NewSupplierUser(BaseModel):
    """A supplier's user to add to that supplier."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)


class PersonView(BaseModel):
    """A recorded person."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: str
    unit: str
    supplier_id: str | None
    supplier_admin: bool
    active: bool
    registered_by: str
    registered_at: datetime


class GrantView(BaseModel):
    """A grant and its decisions."""

    model_config = ConfigDict(frozen=True)

    id: str
    person_id: str
    kind: str
    value: str
    valid_from: datetime
    valid_until: datetime | None
    state: str
    proposed_by: str
    approved_by: str | None
    revocation_proposed_by: str | None
    revoked_by: str | None
    reason: str


def person_view(row: PersonRow) -> PersonView:
    """The row as a view."""
    return PersonView(id=row.id, name=row.name, kind=row.kind, unit=row.unit,
                      supplier_id=row.supplier_id, supplier_admin=row.supplier_admin, active=row.active,
                      registered_by=row.registered_by, registered_at=row.registered_at)


def grant_view(row: GrantRow) -> GrantView:
    """The row as a view."""
    return GrantView(id=row.id, person_id=row.person_id, kind=row.kind, value=row.value,
                     valid_from=row.valid_from, valid_until=row.valid_until, state=row.state,
                     proposed_by=row.proposed_by, approved_by=row.approved_by,
                     revocation_proposed_by=row.revocation_proposed_by, revoked_by=row.revoked_by,
                     reason=row.reason)
