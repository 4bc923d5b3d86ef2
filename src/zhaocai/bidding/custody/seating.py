"""Handlers of key custody: registering a custodian's key, seating the custodians at publication
(each share sealed to its custodian's key), a custodian's read of their own sealed share, the
presentation of a share after the deadline, and the presented shares the opening uses.

Each command function runs inside `CommandRunner.run`: a refusal anywhere rolls back everything.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from zhaocai.bidding.custody.keys import parse_public_key, seal_share
from zhaocai.bidding.custody.tables import CustodianKeyRow, CustodianSeatRow
from zhaocai.bidding.custody.views import CustodianKeyView, Presentation, SealedSeat, SealedShareView
from zhaocai.bidding.lifecycle import SUBJECT, load_tender, load_tender_row, permit
from zhaocai.bidding.models import Custodian
from zhaocai.bidding.rules import custody as rules
from zhaocai.bidding.sealing import KeyCeremony, parse_share
from zhaocai.errors import ConflictError, RuleViolation
from zhaocai.store import UnitOfWork

KEY_SUBJECT = "custodian_key"


# -- who may sit ---------------------------------------------------------------------------------

def supervisors_among(session: Session, custodians: Sequence[Custodian]) -> set[str]:
    """The custodians who are supervisors (纪检): the ONE place that decides it.

    Today it reads the `supervisor` flag the draft gives each custodian; once the organisation's
    register of people exists it should read the person's standing there (hence the session).
    """
    del session  # read by the people register, when there is one
    return {c.actor_id for c in custodians if c.supervisor}


def check_custodians(session: Session, custodians: Sequence[Custodian], threshold: int, *,
                     drafter: str | None, publisher: str | None = None) -> None:
    """The seat rules (`rules.custody.check_seats`) for a draft's or a publication's custodians."""
    rules.check_seats([c.actor_id for c in custodians], supervisors_among(session, custodians), threshold,
                      drafter=drafter, publisher=publisher)


# -- keys ------------------------------------------------------------------------------------------

def current_keys(session: Session, people: Sequence[str]) -> dict[str, CustodianKeyRow]:
    """Each person's current (not replaced) registered key, by actor id."""
    rows = session.exec(select(CustodianKeyRow).where(col(CustodianKeyRow.actor_id).in_(list(people)),
                                                      col(CustodianKeyRow.replaced_at).is_(None))).all()
    return {row.actor_id: row for row in rows}


def register_key(uow: UnitOfWork, public_key: str) -> CustodianKeyView:
    """The actor registers their own public key; a previous one is marked replaced, not deleted."""
    key = parse_public_key(public_key)
    me = uow.actor.id
    known = uow.session.exec(select(CustodianKeyRow).where(col(CustodianKeyRow.public_key) == key)).all()
    if any(row.actor_id != me for row in known):
        raise ConflictError("custody.key_in_use", "This public key is registered by someone else",
                            "该公钥已由他人登记", {"public_key": key})
    current = current_keys(uow.session, [me]).get(me)
    if current is not None and current.public_key == key:
        raise RuleViolation("custody.key_unchanged", "This is already your registered key",
                            "该公钥已是您当前登记的公钥", {"key_id": current.id})
    if current is not None:
        current.replaced_at = uow.now
        uow.session.add(current)
    row = CustodianKeyRow(id=f"ckey-{uuid.uuid4().hex[:12]}", actor_id=me, public_key=key,
                          registered_at=uow.now)
    uow.session.add(row)
    uow.record("custody.key_register", KEY_SUBJECT, row.id,
               {"actor_id": me, "public_key": key, "replaces": current.id if current else None})
    return CustodianKeyView.model_validate(row, from_attributes=True)


def read_key(session: Session, actor_id: str) -> CustodianKeyView | None:
    """A person's current registered public key, or None."""
    row = current_keys(session, [actor_id]).get(actor_id)
    return None if row is None else CustodianKeyView.model_validate(row, from_attributes=True)


# -- seating at publication ------------------------------------------------------------------------

def require_keys(session: Session, custodians: Sequence[Custodian]) -> dict[str, CustodianKeyRow]:
    """Every custodian's current key, or `custody.key_missing` (before any key is made)."""
    keys = current_keys(session, [c.actor_id for c in custodians])
    rules.require_keys([c.actor_id for c in custodians], keys)
    return keys


def seat(uow: UnitOfWork, tender_id: str, custodians: Sequence[Custodian], keys: dict[str, CustodianKeyRow],
         ceremony: KeyCeremony) -> list[SealedSeat]:
    """Seal each share to its custodian's key and store the seats; the clear shares go no further."""
    supervisors = supervisors_among(uow.session, custodians)
    rows = [CustodianSeatRow(tender_id=tender_id, seat=index, actor_id=c.actor_id, name=c.name,
                             supervisor=c.actor_id in supervisors, key_id=keys[c.actor_id].id,
                             sealed_share=seal_share(keys[c.actor_id].public_key, share),
                             fingerprint=fingerprint)
            for index, (c, share, fingerprint)
            in enumerate(zip(custodians, ceremony.shares, ceremony.fingerprints, strict=True), start=1)]
    uow.session.add_all(rows)
    return [SealedSeat(index=r.seat, custodian_id=r.actor_id, name=r.name, key_id=r.key_id,
                       fingerprint=r.fingerprint) for r in rows]


# -- the custodian's own share ---------------------------------------------------------------------

def _seats(session: Session, tender_id: str) -> list[CustodianSeatRow]:
    return list(session.exec(select(CustodianSeatRow).where(col(CustodianSeatRow.tender_id) == tender_id)
                             .order_by(col(CustodianSeatRow.seat))).all())


def _judged(row: CustodianSeatRow) -> rules.Seat:
    return rules.Seat(row.tender_id, row.seat, row.actor_id, row.fingerprint, row.presented_at is not None)


def _own_seat(rows: list[CustodianSeatRow], actor_id: str, tender_id: str) -> CustodianSeatRow:
    judged = rules.seat_of([_judged(r) for r in rows], actor_id, tender_id)
    return next(r for r in rows if r.seat == judged.index)


def sealed_share(session: Session, actor_id: str, tender_id: str) -> SealedShareView:
    """The actor's own sealed share; anyone else is refused (`custody.not_custodian`)."""
    load_tender_row(session, tender_id)
    row = _own_seat(_seats(session, tender_id), actor_id, tender_id)
    key = session.get(CustodianKeyRow, row.key_id)
    assert key is not None  # a seat is sealed to a registered key, never deleted
    return SealedShareView(tender_id=tender_id, index=row.seat, custodian_id=row.actor_id, key_id=key.id,
                           public_key=key.public_key, sealed_share=row.sealed_share,
                           fingerprint=row.fingerprint)


def present(uow: UnitOfWork, tender_id: str, share: str) -> Presentation:
    """The custodian presents their opened share after the deadline (`rules.custody`)."""
    tender = load_tender(uow, tender_id)
    rows = _seats(uow.session, tender.id)
    row = _own_seat(rows, uow.actor.id, tender.id)
    parsed = parse_share(share)
    rules.check_presentation(_judged(row), uow.now, tender.deadline, parsed.tender_id, parsed.index,
                             parsed.fingerprint)
    permit(uow, tender, "present_share")
    row.presented_at, row.presented_share = uow.now, share.strip()
    uow.session.add(row)
    presented = sum(1 for r in rows if r.presented_at is not None)
    facts = {"tender_id": tender.id, "index": row.seat, "custodian_id": row.actor_id,
             "fingerprint": row.fingerprint, "presented": presented, "threshold": tender.threshold}
    uow.record("custody.present", SUBJECT, tender.id, facts)
    return Presentation(tender_id=tender.id, index=row.seat, custodian_id=row.actor_id, presented_at=uow.now,
                        presented=presented, threshold=tender.threshold)


# -- what the opening uses -------------------------------------------------------------------------

def presented_shares(session: Session, tender_id: str) -> list[tuple[str, str]]:
    """(custodian, share text) of every share presented and not yet cleared, in seat order."""
    return [(r.actor_id, r.presented_share) for r in _seats(session, tender_id) if r.presented_share]


_CLEAR = CustodianSeatRow.__table__  # type: ignore[attr-defined]


def clear_presented(uow: UnitOfWork, tender_id: str) -> None:
    """Forget the presented shares once the last stage is opened: the key is no longer needed,
    and unopened envelopes (the commercial parts of non-compliant bids) stay sealed."""
    uow.session.flush()
    uow.session.execute(update(_CLEAR).where(_CLEAR.c.tender_id == tender_id,
                                             _CLEAR.c.presented_share.is_not(None))
                        .values(presented_share=None, cleared_at=uow.now))
