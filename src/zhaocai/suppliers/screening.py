"""Admission screening: an applicant that resembles a blacklisted supplier is not admitted on one
officer's word.

An applicant that shares a legal representative (the same identity number), a bank account, a
phone or an address with a blacklisted supplier (compared normalised, as the related-party check
does: without spaces or punctuation, full-width characters as half-width) is recorded with its
matches on the application (`SupplierView.screening`). It is admitted only after a supervisor
(纪检) who neither registered nor reviewed the application decides to admit, having seen every
match there is at the moment of admission, with a reason; both are audited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import and_, or_, select
from sqlmodel import Session, col

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.admission_rules import (
    SCREENING_ADMIT,
    require_matches,
    require_screening_decider,
)
from zhaocai.suppliers.common import SUBJECT, ServiceBase, load_supplier, require_reason, view_of
from zhaocai.suppliers.models import ScreeningMatch, SupplierView
from zhaocai.suppliers.rules import PersonRole, Standing
from zhaocai.suppliers.tables import LinkRow, ReviewRow, ScreeningRow, SupplierRow

SCREENED = ("person", "bank_account", "phone", "address")
_LEGAL = PersonRole.LEGAL_REPRESENTATIVE.value + ":"
ADMIT, REFUSE = SCREENING_ADMIT, "refuse"


def blacklist_matches(session: Session, applicants: Iterable[str]) -> dict[str, list[ScreeningMatch]]:
    """Applicant id → the facts it shares with blacklisted suppliers. Applicants without a match
    are left out. At most three queries, none per applicant: the (few) blacklisted suppliers,
    their facts, the links holding one of them."""
    names: dict[str, str] = {row[0]: row[1] for row in session.execute(
        select(col(SupplierRow.id), col(SupplierRow.name)).where(
            col(SupplierRow.standing) == Standing.BLACKLISTED.value))}
    if not names:
        return {}
    by_fact: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for other, kind, value, label in session.execute(  # by supplier (its index), kinds filtered here
            select(col(LinkRow.supplier_id), col(LinkRow.kind), col(LinkRow.value), col(LinkRow.label))
            .where(col(LinkRow.supplier_id).in_(sorted(names)))):
        if kind in SCREENED:
            by_fact.setdefault((kind, value), []).append((label, other, names[other]))
    if not by_fact:
        return {}
    wanted = set(applicants)
    rows = session.execute(  # by the (kind, value) index: every holder of a blacklisted fact
        select(col(LinkRow.supplier_id), col(LinkRow.kind), col(LinkRow.value), col(LinkRow.label))
        .where(or_(*(and_(col(LinkRow.kind) == kind, col(LinkRow.value).in_(
            sorted(v for k, v in by_fact if k == kind))) for kind in sorted({k for k, _ in by_fact}))))
    ).all()
    found: dict[str, set[ScreeningMatch]] = {}
    for applicant, kind, value, mine in rows:
        if applicant not in wanted:
            continue
        for theirs, other, name in by_fact[(kind, value)]:
            attribute = kind
            if kind == "person":
                if not (mine.startswith(_LEGAL) and theirs.startswith(_LEGAL)):
                    continue
                attribute = "legal_representative"
            if other != applicant:
                found.setdefault(applicant, set()).add(ScreeningMatch(
                    blacklisted_id=other, blacklisted_name=name, attribute=attribute,
                    applicant_value=mine, blacklisted_value=theirs))
    return {k: sorted(v, key=_order) for k, v in sorted(found.items())}


def _order(m: ScreeningMatch) -> tuple[str, str, str]:
    return m.blacklisted_id, m.attribute, m.applicant_value


def round_reviewers(session: Session, row: SupplierRow) -> set[str]:
    """Who reviewed the supplier's current application round."""
    return set(session.execute(select(col(ReviewRow.reviewer_id)).where(
        col(ReviewRow.supplier_id) == row.id, col(ReviewRow.round) == row.round)).scalars())


def record_screening(uow: UnitOfWork, supplier_id: str, round_: int,
                     matches: Sequence[ScreeningMatch]) -> None:
    """Write (or refresh) the screening of an application round on the application."""
    stored = [m.model_dump() for m in matches]
    row = uow.session.get(ScreeningRow, (supplier_id, round_))
    if row is None:
        row = ScreeningRow(supplier_id=supplier_id, round=round_, matches=stored,
                           screened_at=uow.now)
    else:
        row.matches, row.screened_at = stored, uow.now
    uow.session.add(row)


class ScreeningCommands(ServiceBase):
    """A supervisor's decision on an applicant resembling a blacklisted supplier."""

    @acting
    def decide_screening(self, actor: Actor, supplier_id: str, *, admit: bool,
                         reason: str) -> SupplierView:
        """A supervisor (纪检) who neither registered nor reviewed the application decides whether
        an applicant resembling blacklisted suppliers may be admitted; the matches seen now and
        the reason are recorded and audited. Matches found later need a new decision."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            row = load_supplier(uow.session, supplier_id)
            matches = blacklist_matches(uow.session, [supplier_id]).get(supplier_id, [])
            require_matches(supplier_id, matches)
            require_screening_decider(actor, supplier_id, row.registered_by,
                                      round_reviewers(uow.session, row))
            record_screening(uow, supplier_id, row.round, matches)
            screening = uow.session.get(ScreeningRow, (supplier_id, row.round))
            assert screening is not None
            screening.decision = ADMIT if admit else REFUSE
            screening.decided_by, screening.decided_at = actor.id, uow.now
            screening.decision_reason = reason
            screening.matches_seen = [m.model_dump() for m in matches]
            uow.record("supplier.screening.decide", SUBJECT, supplier_id, {
                "round": row.round, "decision": screening.decision, "reason": reason,
                "matches_seen": screening.matches_seen}, event="SupplierScreeningDecided")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.screening.decide", handler,
                                 roles=[Role.SUPERVISOR])
