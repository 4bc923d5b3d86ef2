"""Integrity pledges (廉洁承诺书) on file: signing one, reading them, and the one guard every
command passes (`require_pledge_for`, called by the command runner once the actor is resolved).

A member of staff signs its own pledge; a supplier's pledge is signed by one of its
administrator users. Each pledge names the version of the text signed and its SHA-256 digest,
and is valid for a period. A procurement act (see `zhaocai.people.pledge_rules.needs_pledge`)
by someone without a pledge in force at the command's moment is refused (`pledge.missing`,
`pledge.expired`) and changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import Column, Text, bindparam
from sqlalchemy import select as sql_select
from sqlmodel import Field as SQLField
from sqlmodel import Session, SQLModel, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor
from zhaocai.errors import PermissionDenied, ValidationError, parse
from zhaocai.guards import guarded
from zhaocai.people.pledge_rules import (
    CURRENT_VERSION,
    HolderKind,
    PledgeFact,
    Standing,
    needs_pledge,
    pledge_text,
    require_period,
    require_pledge,
    standing,
    text_digest,
)
from zhaocai.people.rules import PersonKind
from zhaocai.people.tables import PersonRow
from zhaocai.store import UnitOfWork
from zhaocai.store.types import UTCDateTime
from zhaocai.suppliers.tables import SupplierRow

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


class PledgeRow(SQLModel, table=True):
    """One signed pledge: whose it is (a member of staff, or a supplier), who signed it, when,
    which text, and the period it covers."""

    __tablename__ = "integrity_pledge"

    id: str = SQLField(sa_column=Column(Text, primary_key=True))
    holder_kind: str = SQLField(sa_column=Column(Text, nullable=False))  # staff, supplier
    holder_id: str = SQLField(sa_column=Column(Text, nullable=False, index=True))
    signed_by: str = SQLField(sa_column=Column(Text, nullable=False))
    signed_at: datetime = SQLField(sa_column=Column(UTCDateTime, nullable=False))
    valid_from: datetime = SQLField(sa_column=Column(UTCDateTime, nullable=False))
    valid_until: datetime = SQLField(sa_column=Column(UTCDateTime, nullable=False))
    version: str = SQLField(sa_column=Column(Text, nullable=False))
    text_digest: str = SQLField(sa_column=Column(Text, nullable=False))


class NewPledge(BaseModel):
    """A pledge to sign: until when (required), from when (the command's moment when None),
    which version of the text, and optionally the digest of the text the signer read (it must
    be that version's: `pledge.text_mismatch`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    valid_until: AwareDatetime
    valid_from: AwareDatetime | None = None
    version: str = Field(default=CURRENT_VERSION, min_length=1, max_length=40)
    text_digest: str | None = Field(default=None, min_length=64, max_length=64)


class PledgeView(BaseModel):
    """A signed pledge."""

    model_config = ConfigDict(frozen=True)

    id: str
    holder_kind: str
    holder_id: str
    signed_by: str
    signed_at: datetime
    valid_from: datetime
    valid_until: datetime
    version: str
    text_digest: str


def pledge_view(row: PledgeRow) -> PledgeView:
    """The row as a view."""
    return PledgeView(id=row.id, holder_kind=row.holder_kind, holder_id=row.holder_id,
                      signed_by=row.signed_by, signed_at=row.signed_at, valid_from=row.valid_from,
                      valid_until=row.valid_until, version=row.version, text_digest=row.text_digest)


def pledges_of(session: Session, kind: HolderKind, holder_id: str) -> list[PledgeFact]:
    """Every pledge on file for the holder (read with SQLAlchemy Core: every command checks it)."""
    rows = session.connection().execute(_PLEDGES_OF, {"kind": kind.value, "holder_id": holder_id}).all()
    return [PledgeFact(r.valid_from, r.valid_until) for r in rows]


_PLEDGE = PledgeRow.__table__  # type: ignore[attr-defined]
_PLEDGES_OF = (sql_select(_PLEDGE.c.valid_from, _PLEDGE.c.valid_until)
               .where(_PLEDGE.c.holder_kind == bindparam("kind"),
                      _PLEDGE.c.holder_id == bindparam("holder_id")))
"""Built once: every command by a supplier's user or a member of staff reads it."""


def holder_key(person: Any) -> tuple[HolderKind, str] | None:
    """Whose pledge covers the person (a `PersonRow` or the row a command resolved): its own for
    staff, its supplier's for a supplier's user; None for anyone else (experts, applicants with no
    supplier yet)."""
    if person.kind == PersonKind.STAFF.value:
        return HolderKind.STAFF, person.id
    if person.kind == PersonKind.SUPPLIER_USER.value and person.supplier_id is not None:
        return HolderKind.SUPPLIER, person.supplier_id
    return None


def holder_of(session: Session, person: Any) -> tuple[HolderKind, str, str] | None:
    """`holder_key` with the holder's name (kind, id, name)."""
    key = holder_key(person)
    if key is None:
        return None
    if key[0] == HolderKind.STAFF:
        return HolderKind.STAFF, person.id, person.name
    supplier = session.get(SupplierRow, key[1])
    return HolderKind.SUPPLIER, key[1], supplier.name if supplier else key[1]


def require_pledge_for(session: Session, person: Any | None, action: str, at: datetime) -> None:
    """The one pledge guard: refuse a procurement act by the resolved person (its stored row)
    whose pledge (its own, or its supplier's) is not in force at `at` (`pledge.missing`,
    `pledge.expired`)."""
    if person is None or not needs_pledge(person.kind, action):
        return
    key = holder_key(person)
    if key is None:
        return
    pledges = pledges_of(session, *key)
    if standing(pledges, at)[0] == Standing.VALID:
        return
    holder = holder_of(session, person)  # the holder's name, for the refusal only
    require_pledge(key[0], key[1], holder[2] if holder else key[1], pledges, action, at)


def _sign(uow: UnitOfWork, pledge: NewPledge) -> PledgeView:
    person = uow.session.get(PersonRow, uow.actor.id)
    holder = holder_of(uow.session, person) if person is not None else None
    if person is None or holder is None:
        raise PermissionDenied(
            "pledge.not_signer", f"{uow.actor.name} signs no integrity pledge: staff sign their own, "
            "a supplier's administrator user its supplier's",
            f"{uow.actor.name} 无须签署廉洁承诺书：工作人员本人签署，供应商由其管理员用户签署",
            {"actor": uow.actor.id})
    if holder[0] == HolderKind.SUPPLIER and not person.supplier_admin:
        raise PermissionDenied(
            "person.not_supplier_admin",
            f"{person.name} is not an administrator user of supplier {person.supplier_id}",
            f"{person.name} 不是供应商 {person.supplier_id} 的管理员用户", {"actor": person.id})
    text = pledge_text(holder[0], pledge.version)
    digest = text_digest(text)
    if pledge.text_digest is not None and pledge.text_digest != digest:
        raise ValidationError(
            "pledge.text_mismatch", f"The text signed is not version {pledge.version}'s",
            f"所签文本与 {pledge.version!r} 版本的承诺书不一致",
            {"version": pledge.version, "expected": digest, "given": pledge.text_digest})
    valid_from = pledge.valid_from or uow.now
    require_period(valid_from, pledge.valid_until, uow.now)
    row = PledgeRow(id=f"plg-{uuid.uuid4().hex[:16]}", holder_kind=holder[0].value,
                    holder_id=holder[1], signed_by=person.id, signed_at=uow.now,
                    valid_from=valid_from, valid_until=pledge.valid_until, version=pledge.version,
                    text_digest=digest)
    uow.session.add(row)
    uow.record("person.pledge.sign", "pledge", row.holder_id,
               {"pledge_id": row.id, "holder_kind": row.holder_kind, "signed_by": row.signed_by,
                "valid_from": valid_from.isoformat(), "valid_until": row.valid_until.isoformat(),
                "version": row.version, "text_digest": digest}, event="PledgeSigned")
    return pledge_view(row)


class PledgeText(BaseModel):
    """A version of a pledge's text, with the digest its signer signs."""

    model_config = ConfigDict(frozen=True)

    holder_kind: str
    version: str
    text: str
    text_digest: str


class PledgeCommands:
    """The register's pledge commands and reads (part of `platform.people`)."""

    _runner: CommandRunner

    @staticmethod
    @guarded
    def pledge_text(holder_kind: HolderKind | str, version: str = CURRENT_VERSION) -> PledgeText:
        """The text a holder signs (`staff` or `supplier`), with its digest."""
        kind = HolderKind(holder_kind)
        text = pledge_text(kind, version)
        return PledgeText(holder_kind=kind.value, version=version, text=text, text_digest=text_digest(text))

    @acting
    def sign_pledge(self, actor: Actor, pledge: NewPledge | Mapping[str, Any]) -> PledgeView:
        """Sign an integrity pledge: a member of staff its own, a supplier's administrator user
        its supplier's (`pledge.not_signer`, `person.not_supplier_admin`, `pledge.period`,
        `pledge.text_unknown`, `pledge.text_mismatch`). A new pledge adds to those on file."""
        parsed = parse(NewPledge, pledge)
        return self._runner.run(actor, "person.pledge.sign", lambda uow: _sign(uow, parsed), roles=None)

    @acting
    def pledges(self, actor: Actor, *, holder_id: str | None = None) -> list[PledgeView]:
        """Pledges on file, oldest first: the buyer's staff read all (or one holder's); anyone
        else its own (a supplier's user its supplier's)."""
        with self._runner.session() as session:
            person = session.get(PersonRow, actor.id)
            staff = person is not None and person.kind == PersonKind.STAFF.value
            own = holder_of(session, person) if person is not None else None
            if not staff:
                if own is None or holder_id not in (None, own[1]):
                    raise PermissionDenied("permission.person_read",
                                           f"{actor.name} may not read others' pledges",
                                           f"{actor.name} 无权查阅他人的廉洁承诺书", {"actor": actor.id})
                holder_id = own[1]
            query = select(PledgeRow).order_by(col(PledgeRow.signed_at), col(PledgeRow.id))
            if holder_id is not None:
                query = query.where(col(PledgeRow.holder_id) == holder_id)
            return [pledge_view(r) for r in session.exec(query).all()]
