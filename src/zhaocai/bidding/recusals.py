"""Recusal on tenders (回避): the people register's declared interests against a tender's bidders.

Bidders become known at the opening. There the drafter, the inquiry officers, the custodians and
everyone who may approve the award (purchasing, supervisors) whose declaration binds them to a
bidder — a bid set aside at the opening counts too — are recorded as recused, with the reason,
and from then on every act of theirs on the tender is refused (`person.recused`). Anyone else
whose declaration binds them to a bidder is refused the same way when they try to act. The
committee's representatives and experts step aside at the draw, which fills their seats.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from zhaocai.actors import Role
from zhaocai.bidding.bid_machine import BidStatus
from zhaocai.bidding.tables import BidRow, OpenedBidRow, TenderRow
from zhaocai.people.interests.records import (
    declarations_by_person,
    declarations_of,
    record_recusal,
    recusal_of,
    refusal_of,
    supplier_facts,
)
from zhaocai.people.interests.rules import Duty, conflicts, per_supplier, recused
from zhaocai.people.records import holders_of
from zhaocai.store import UnitOfWork


def bidder_ids(session: Session, tender_id: str) -> list[str]:
    """Every supplier that bid and did not withdraw: its bid opened, or set aside at the opening
    (a bidder all the same for recusal), sorted (two queries)."""
    opened = session.exec(select(OpenedBidRow.supplier_id).where(
        col(OpenedBidRow.tender_id) == tender_id)).all()
    standing = session.exec(select(BidRow.supplier_id).where(
        col(BidRow.tender_id) == tender_id, col(BidRow.status) == BidStatus.SUBMITTED.value)).all()
    return sorted(set(opened) | set(standing))


def require_free(uow: UnitOfWork, tender: TenderRow) -> None:
    """Refuse the command's actor on a tender they were recused from, or, once its bidders are
    known, on a tender with a bidder one of their declarations binds them to (`person.recused`).
    One query for anyone who declared nothing."""
    mine = declarations_of(uow.session, uow.actor.id)
    if not mine:
        return
    recorded = recusal_of(uow.session, uow.actor.id, tender.id)
    if recorded is not None:
        raise refusal_of(recorded, uow.actor.name)
    if tender.opened_at is None:
        return
    found = conflicts(mine, supplier_facts(uow.session, bidder_ids(uow.session, tender.id)), uow.now)
    if found:
        raise recused(uow.actor.id, uow.actor.name, Duty.TENDER, found[0], tender.id)


def duty_holders(tender: TenderRow) -> dict[str, list[Duty]]:
    """The people who hold a duty on the tender when its bidders become known, by person."""
    duties: dict[str, list[Duty]] = {}
    duties.setdefault(tender.created_by, []).append(Duty.DRAFTER)
    for officer in tender.officers or []:
        duties.setdefault(str(officer), []).append(Duty.INQUIRY_OFFICER)
    for seat in tender.custodians or []:
        duties.setdefault(str(seat["actor_id"]), []).append(Duty.CUSTODIAN)
    return duties



def record_at_opening(uow: UnitOfWork, tender: TenderRow) -> int:
    """Record the recusals the opening makes known (see the module docstring); how many."""
    by_person = declarations_by_person(uow.session)
    if not by_person:
        return 0
    bidders = supplier_facts(uow.session, bidder_ids(uow.session, tender.id))
    duties = duty_holders(tender)
    approvers = holders_of(uow.session, Role.PURCHASING, uow.now) | holders_of(
        uow.session, Role.SUPERVISOR, uow.now)
    recorded = 0
    for person_id, declared in sorted(by_person.items()):
        found = per_supplier(conflicts(declared, bidders, uow.now))
        if not found:
            continue
        mine = duties.get(person_id) or ([Duty.AWARD_APPROVER] if person_id in approvers else [])
        for duty in mine:
            for conflict in found:
                record_recusal(uow, person_id, duty, tender.id, conflict)
                recorded += 1
    return recorded
