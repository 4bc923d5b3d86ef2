"""Declared interests and recusals inside a session: what the register holds of a person's
interests, the supplier register's facts an interest may touch, and the record of a recusal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from zhaocai.people.interests.rules import Conflict, Declared, Duty, SupplierFacts, conflicts, recused
from zhaocai.people.interests.tables import InterestRow, RecusalRow
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.tables import PersonRow as SupplierPersonRow
from zhaocai.suppliers.tables import SupplierRow

SUBJECT = "tender"  # a recusal is recorded on the tender (a person's duty there may be confidential)


def declared(row: InterestRow) -> Declared:
    """The row as the rules see it."""
    return Declared(row.id, row.kind, row.relation, row.declared_at, row.credit_code,
                    row.company_name, row.person_hash, row.ended_at)


def declarations_of(session: Session, person_id: str) -> list[Declared]:
    """Every declaration of the person, oldest first (one indexed query)."""
    rows = session.exec(select(InterestRow).where(col(InterestRow.person_id) == person_id)
                        .order_by(col(InterestRow.declared_at), col(InterestRow.id))).all()
    return [declared(r) for r in rows]


def declarations_by_person(session: Session) -> dict[str, list[Declared]]:
    """Every declaration of the register, by person (one query: declarations are few)."""
    found: dict[str, list[Declared]] = {}
    for row in session.exec(select(InterestRow).order_by(col(InterestRow.declared_at))).all():
        found.setdefault(row.person_id, []).append(declared(row))
    return found


def supplier_facts(session: Session, supplier_ids: Sequence[str]) -> list[SupplierFacts]:
    """The register's facts of `supplier_ids` an interest may touch (two queries)."""
    ids = sorted(set(supplier_ids))
    if not ids:
        return []
    hashes: dict[str, set[str]] = {i: set() for i in ids}
    person = SupplierPersonRow.__table__  # type: ignore[attr-defined]
    for supplier_id, id_hash in session.execute(sa_select(person.c.supplier_id, person.c.id_hash)
                                                .where(person.c.supplier_id.in_(ids))):
        hashes[supplier_id].add(id_hash)
    supplier = SupplierRow.__table__  # type: ignore[attr-defined]
    return [SupplierFacts(s.id, s.credit_code, s.name, frozenset(hashes[s.id]))
            for s in session.execute(sa_select(supplier.c.id, supplier.c.credit_code, supplier.c.name)
                                     .where(supplier.c.id.in_(ids)).order_by(supplier.c.id))]


def require_no_interest(uow: UnitOfWork, duty: Duty, supplier_ids: Sequence[str],
                        tender_id: str | None = None) -> None:
    """Refuse the command's actor a duty towards `supplier_ids` when one of their declarations
    binds them to one of those suppliers (`person.recused`). One query when they declared nothing."""
    mine = declarations_of(uow.session, uow.actor.id)
    if not mine:
        return
    found = conflicts(mine, supplier_facts(uow.session, supplier_ids), uow.now)
    if found:
        raise recused(uow.actor.id, uow.actor.name, duty, found[0], tender_id)


def recusal_of(session: Session, person_id: str, tender_id: str) -> RecusalRow | None:
    """The first recusal recorded for the person on the tender, if any."""
    return session.exec(select(RecusalRow).where(
        col(RecusalRow.tender_id) == tender_id, col(RecusalRow.person_id) == person_id)
        .order_by(col(RecusalRow.id))).first()


def recusal_change(row: RecusalRow) -> dict[str, Any]:
    """What the audit trail keeps of a recusal."""
    return {"person_id": row.person_id, "duty": row.duty, "tender_id": row.tender_id,
            "supplier_id": row.supplier_id, "declaration_id": row.declaration_id,
            "reason": row.reason, "reason_en": row.reason_en, "reason_zh": row.reason_zh}


def record_recusal(uow: UnitOfWork, person_id: str, duty: Duty, tender_id: str,
                   conflict: Conflict) -> RecusalRow:
    """Record that the person steps aside from `duty` on the tender, with the reason (audited,
    event `PersonRecused`; the event names the duty and the reason, not the person)."""
    row = RecusalRow(person_id=person_id, duty=duty.value, tender_id=tender_id,
                     supplier_id=conflict.supplier_id, declaration_id=conflict.declaration_id,
                     reason=conflict.kind, reason_en=conflict.en, reason_zh=conflict.zh,
                     recorded_by=uow.actor.id, recorded_at=uow.now)
    uow.session.add(row)
    uow.record("person.recuse", SUBJECT, tender_id, recusal_change(row), event="PersonRecused",
               payload={"tender_id": tender_id, "duty": row.duty, "reason": row.reason})
    return row


def refusal_of(row: RecusalRow, person_name: str) -> Exception:
    """The refusal of any further act on the tender by a person recorded as recused."""
    conflict = Conflict(row.declaration_id, row.supplier_id, row.reason, row.reason_en, row.reason_zh)
    return recused(row.person_id, person_name, row.duty, conflict, row.tender_id)
