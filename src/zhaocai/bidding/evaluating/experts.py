"""The expert pool (评标专家库): experts with specialties, employer, related persons (identity
numbers kept only as the suppliers package's keyed hashes) and declared relatives' organisations.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Role
from zhaocai.bidding.evaluating.tables import ExpertRow
from zhaocai.bidding.evaluating.views import ExpertInput, ExpertView
from zhaocai.bidding.rules import Expert
from zhaocai.categories import Category
from zhaocai.errors import ConflictError, NotFoundError
from zhaocai.keys import KeyProvider
from zhaocai.people.records import enrol_expert, holders_of
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.identity import identity_hash, identity_key

SUBJECT = "expert"


def view_of(row: ExpertRow) -> ExpertView:
    """An expert as staff see it."""
    return ExpertView(id=row.id, name=row.name, specialties=[Category(s) for s in row.specialties],
                      employer_id=row.employer_id, related_persons=len(row.person_hashes) - 1,
                      relatives_at=list(row.relatives_at), active=row.active)


def _hashes(uow: UnitOfWork, keys: KeyProvider, data: ExpertInput) -> list[str]:
    key = identity_key(uow.session, keys)
    own = identity_hash(key, data.identity_number)
    others = sorted({identity_hash(key, p.identity_number) for p in data.related_persons} - {own})
    return [own, *others]


def _columns(uow: UnitOfWork, keys: KeyProvider, data: ExpertInput) -> dict[str, Any]:
    return {"name": data.name, "specialties": sorted(s.value for s in data.specialties),
            "employer_id": data.employer_id, "person_hashes": _hashes(uow, keys, data),
            "relatives_at": sorted(set(data.relatives_at)), "active": data.active,
            "updated_by": uow.actor.id, "updated_at": uow.now}


def _audit(row: ExpertRow) -> dict[str, object]:
    return {"expert_id": row.id, "name": row.name, "specialties": row.specialties,
            "employer_id": row.employer_id, "person_hashes": row.person_hashes,
            "relatives_at": row.relatives_at, "active": row.active}


def add_expert(uow: UnitOfWork, keys: KeyProvider, data: ExpertInput) -> ExpertView:
    """Add an expert to the pool (refused when the id is taken)."""
    if uow.session.get(ExpertRow, data.id) is not None:
        raise ConflictError("expert.exists", f"Expert {data.id} is already in the pool",
                            f"专家 {data.id} 已在专家库中", {"expert_id": data.id})
    row = ExpertRow(id=data.id, **_columns(uow, keys, data))
    uow.session.add(row)
    uow.record("expert.add", SUBJECT, row.id, _audit(row), event="ExpertAdded",
               payload={"expert_id": row.id, "specialties": row.specialties})
    # The expert acts (and is drawn) only once a second person approves its expert grant.
    enrol_expert(uow, row.id, row.name)
    return view_of(row)


def update_expert(uow: UnitOfWork, keys: KeyProvider, data: ExpertInput) -> ExpertView:
    """Replace an expert's details (committees already drawn keep their recorded snapshot)."""
    row = uow.session.get(ExpertRow, data.id)
    if row is None:
        raise NotFoundError("expert.not_found", f"No expert {data.id!r}", f"专家 {data.id!r} 不存在",
                            {"expert_id": data.id})
    for name, value in _columns(uow, keys, data).items():
        setattr(row, name, value)
    uow.session.add(row)
    uow.record("expert.update", SUBJECT, row.id, _audit(row), event="ExpertUpdated",
               payload={"expert_id": row.id, "specialties": row.specialties, "active": row.active})
    return view_of(row)


def pool(session: Session, at: datetime) -> list[Expert]:
    """Every active expert as the draw sees them at `at`: in the pool and holding the expert
    role by an approved grant of the people register."""
    approved = holders_of(session, Role.EXPERT, at)
    rows = [r for r in session.exec(select(ExpertRow).where(col(ExpertRow.active).is_(True))
                                    .order_by(col(ExpertRow.id))).all() if r.id in approved]
    return [Expert(r.id, r.name, frozenset(r.specialties), r.employer_id,
                   frozenset(r.person_hashes), frozenset(r.relatives_at)) for r in rows]


def expert_snapshot(expert: Expert) -> dict[str, object]:
    """An expert as recorded in a draw's inputs."""
    snapshot: dict[str, object] = {
        "expert_id": expert.expert_id, "name": expert.name,
        "specialties": sorted(expert.specialties), "employer_id": expert.employer_id,
        "related_person_hashes": sorted(expert.related_person_hashes),
        "relatives_organisation_ids": sorted(expert.relatives_organisation_ids)}
    if expert.declared_interests:  # only then: a draw without any reads as it always did
        snapshot["declared_interests"] = sorted(expert.declared_interests)
    return snapshot


def expert_from_snapshot(data: dict[str, object]) -> Expert:
    """The inverse of `expert_snapshot`."""
    def items(key: str) -> frozenset[str]:
        value = data[key]
        assert isinstance(value, list)
        return frozenset(str(v) for v in value)

    employer = data["employer_id"]
    declared = data.get("declared_interests") or []  # absent from draws recorded before
    assert isinstance(declared, list)
    return Expert(str(data["expert_id"]), str(data["name"]), items("specialties"),
                  None if employer is None else str(employer), items("related_person_hashes"),
                  items("relatives_organisation_ids"), frozenset(str(d) for d in declared))
