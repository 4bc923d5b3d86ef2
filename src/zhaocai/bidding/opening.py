"""Opening (开标): the shares presented by a quorum of custodians recover the key; every envelope
is opened. The opener passes no share: each custodian presented their own (`custody.seating`).

Efficient by construction: one read of the tender's bids, one read of bidder names, decryption
in memory, one bulk insert of the opened bids and one opening record. Two-envelope tenders open
technical parts first, record the technical compliance decision per bid, then open commercial
parts of compliant bids only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Text, and_, bindparam, cast, column, insert, table, type_coerce, update
from sqlalchemy import select as select_core
from sqlmodel import col, select

from zhaocai import collector
from zhaocai.bidding.bid_machine import BidStatus
from zhaocai.bidding.consistency import require_consistent
from zhaocai.bidding.custody.seating import clear_presented, presented_shares
from zhaocai.bidding.eligibility import bidder_names
from zhaocai.bidding.lifecycle import (
    SUBJECT,
    end_of_bidding,
    fire_transition,
    frozen_rules,
    load_tender,
    permit,
    require_move,
)
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.padding import unpad
from zhaocai.bidding.recusals import record_at_opening
from zhaocai.bidding.rules import opening as rules
from zhaocai.bidding.rules.opening import (
    INVALID,
    NOT_COMPLIANT,
    NOT_CONFIRMED_AGAIN,
    NOT_OPENED,
    NOT_RECONFIRMED,
    VALID,
    BidCheck,
    Reading,
    Sealed,
    receipt_problem,
)
from zhaocai.bidding.rules.tender import evaluation_may_start, require_bids_settled
from zhaocai.bidding.sealing import (
    COMMERCIAL,
    SINGLE,
    TECHNICAL,
    CryptoError,
    Opener,
    parse_share,
    recover_private_key,
)
from zhaocai.bidding.tables import BidRow, OpenedBidRow, TenderRow
from zhaocai.bidding.views import ComplianceDecision, OpeningRecord
from zhaocai.errors import ValidationError
from zhaocai.money import Money
from zhaocai.store import UnitOfWork
from zhaocai.store.types import UTCDateTime, canonical_json

__all__ = ["INVALID", "NOT_COMPLIANT", "NOT_OPENED", "NOT_RECONFIRMED", "VALID", "BidCheck", "Sealed",
           "open_bids", "open_commercial", "ready_for_evaluation", "receipt_problem", "record_compliance",
           "recover_key", "sealed_bids"]

_OPENED = OpenedBidRow.__table__  # type: ignore[attr-defined]
_INSERT_RECORD = insert(table(
    "tender_opening", column("tender_id", Text), column("stage", Text), column("opened_at", UTCDateTime),
    column("opened_by", Text), column("record", Text), column("digest", Text),
))
_UPDATE_COMMERCIAL = update(_OPENED).where(and_(
    _OPENED.c.tender_id == bindparam("t_id"), _OPENED.c.bid_id == bindparam("b_id"),
)).values(status=bindparam("status"), reason=bindparam("reason"), payload=bindparam("payload"),
          total_fen=bindparam("total_fen"))
_UPDATE_COMPLIANCE = update(_OPENED).where(and_(
    _OPENED.c.tender_id == bindparam("t_id"), _OPENED.c.bid_id == bindparam("b_id"),
)).values(technical_compliant=bindparam("compliant"), compliance_note=bindparam("note"))


def recover_key(uow: UnitOfWork, tender: TenderRow) -> tuple[Opener, list[str]]:
    """The opening key from the shares the custodians presented (`rules.opening.quorum_of`: at
    least k, each this tender's and its seat's); the key and the custodians who presented."""
    presented = presented_shares(uow.session, tender.id)
    chosen = rules.quorum_of(tender.id, tender.custodians, tender.threshold,
                             [parse_share(share) for _, share in presented])
    assert tender.public_key is not None  # a published tender has its key
    key = recover_private_key(chosen, tender.public_key)
    return Opener(key), [custodian for custodian, _ in presented]


_BID = BidRow.__table__  # type: ignore[attr-defined]
_SEALED_COLUMNS = (_BID.c.id, _BID.c.supplier_id, _BID.c.version, _BID.c.received_at,
                   _BID.c.envelope_hash, _BID.c.confirmed_through, type_coerce(_BID.c.envelope, Text),
                   type_coerce(_BID.c.receipt, Text))


# Opened bids are written in one bulk INSERT ... SELECT (Core, executemany): the sealed bid's own
# columns are copied in the database from its row (read in this same transaction), and only what
# opening found is sent, the JSON as the text that was sealed.
_INSERT_OPENED = insert(_OPENED).from_select(
    ["tender_id", "bid_id", "supplier_id", "version", "received_at", "envelope_hash", "status", "reason",
     "technical", "payload", "total_fen"],
    select_core(_BID.c.tender_id, _BID.c.id, _BID.c.supplier_id, _BID.c.version, _BID.c.received_at,
                _BID.c.envelope_hash, *(cast(bindparam(name, type_=Text), Text)
                                        for name in ("o_status", "o_reason", "o_technical", "o_payload")),
                cast(bindparam("o_total_fen", type_=BigInteger), BigInteger))
    .where(_BID.c.id == bindparam("o_bid")),
)


_SEALED_QUERY = select_core(*_SEALED_COLUMNS).where(
    _BID.c.tender_id == bindparam("s_tender"), _BID.c.status == BidStatus.SUBMITTED.value,
).order_by(_BID.c.received_at, _BID.c.id)


def sealed_bids(uow: UnitOfWork, tender_id: str, ids: Sequence[str] | None = None) -> list[Sealed]:
    """The tender's live bids in one query (or only `ids`), oldest first."""
    uow.session.flush()
    query = _SEALED_QUERY if ids is None else _SEALED_QUERY.where(_BID.c.id.in_(list(ids)))
    # Fetched at once, not row by row: the envelopes are most of the opening's bytes.
    return [Sealed(*row) for row in uow.connection.execute(query, {"s_tender": tender_id}).all()]


def _open_part(opener: Opener, row: Sealed, part: str) -> bytes | None:
    text = rules.part_of(row, part)
    if text is None:
        return None
    try:
        # Unpadded once here: the part is parsed and stored as its JSON, not its 4 KiB bucket.
        return unpad(opener.open_raw(text))
    except (CryptoError, ValueError, TypeError):
        return None


def _entry(row: Sealed, names: dict[str, str], status: str, reason: str | None = None,
           found: Reading | None = None) -> dict[str, Any]:
    """One line of the opening record, as the fields of an `OpeningEntry`: the record validates
    all its lines in one pydantic-core call, much faster than one model per line."""
    payload = found.payload if found else None
    return {
        "bid_id": row.id, "supplier_id": row.supplier_id, "supplier_name": names.get(row.supplier_id),
        "version": row.version, "received_at": row.received_at, "envelope_hash": row.envelope_hash,
        "status": status, "reason": reason, "total_price": found.total if found else None,
        "lot_prices": {lot.lot: lot.price for lot in payload.lots} if payload else {},
    }


def _valid(entries: list[dict[str, Any]]) -> int:
    return sum(1 for e in entries if e["status"] == VALID)


def _fen(total: Decimal | None) -> int | None:
    # A payload's prices have two decimals at most: the total in fen is exact.
    return None if total is None else int(total * 100)


def _publish_record(uow: UnitOfWork, tender: TenderRow, stage: str, custodians: list[str],
                    entries: list[dict[str, Any]], failure: str | None) -> OpeningRecord:
    valid = _valid(entries)
    outcome = TenderState.FAILED if failure else TenderState.OPENED
    record = OpeningRecord(tender_id=tender.id, stage=stage, opened_at=uow.now, opened_by=uow.actor.id,
                           custodians_present=custodians, entries=entries, valid_bids=valid,
                           outcome=outcome, failure_reason=failure)
    text = canonical_json(record.model_dump(mode="json"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    record = record.model_copy(update={"digest": digest})
    # The canonical text just hashed is what `JSONText` would store: written as is, not dumped again.
    uow.connection.execute(_INSERT_RECORD, {"tender_id": tender.id, "stage": stage, "opened_at": uow.now,
                                            "opened_by": uow.actor.id, "record": text, "digest": digest})
    return record


def _tell_unconfirmed(uow: UnitOfWork, tender: TenderRow, rows: list[Sealed]) -> None:
    if not rows:
        return
    told = [{"bid_id": r.id, "supplier_id": r.supplier_id, "version": r.version,
             "reason": NOT_CONFIRMED_AGAIN} for r in rows]
    uow.record("bid.not_opened", SUBJECT, tender.id, {"tender_id": tender.id, "bids": told},
               event="BidsNotOpened", payload={"tender_id": tender.id, "bids": told})


def _finish(uow: UnitOfWork, tender: TenderRow, record: OpeningRecord,
            private: dict[str, Any] | None = None) -> None:
    summary = {"stage": record.stage, "record_digest": record.digest, "bids": len(record.entries),
               "valid_bids": record.valid_bids, "custodians_present": record.custodians_present,
               "reason": record.failure_reason}
    public = {"tender_id": tender.id, **summary}  # the record itself: `opening_records()`
    if record.failure_reason:
        tender.outcome_reason = record.failure_reason
    fire_transition(uow, tender, "fail" if record.failure_reason else "open", summary, payload=public,
                    private=private)


def _check(tender: TenderRow) -> BidCheck:
    return BidCheck(sorted(lot["id"] for lot in tender.lots), Money.from_fen(tender.ceiling_fen).amount)


def _read(opener: Opener, row: Sealed, stage: str, check: BidCheck) -> Reading:
    problem = receipt_problem(row)
    if problem:
        return Reading(INVALID, problem)
    return rules.read_part(_open_part(opener, row, stage), stage, check)


def _open_counted(uow: UnitOfWork, opener: Opener, tender: TenderRow, rows: list[Sealed], stage: str,
                  names: dict[str, str]) -> list[dict[str, Any]]:
    """Open every counted bid, write the opened bids in one statement, return their entries."""
    check, entries, opened = _check(tender), [], []
    for row in rows:
        found = _read(opener, row, stage, check)
        entries.append(_entry(row, names, found.status, found.problem, found))
        opened.append({
            "o_bid": row.id, "o_status": found.status, "o_reason": found.problem,
            "o_technical": found.text if stage != SINGLE else None,
            "o_payload": found.text if found.payload is not None else None, "o_total_fen": _fen(found.total),
        })
    if opened:
        uow.connection.execute(_INSERT_OPENED, opened)
    return entries


def open_bids(uow: UnitOfWork, tender_id: str) -> OpeningRecord:
    """Open every counted bid with the presented shares and publish the opening record."""
    with collector.paused():
        return _open_bids(uow, tender_id)


def _open_bids(uow: UnitOfWork, tender_id: str) -> OpeningRecord:
    tender = load_tender(uow, tender_id)
    require_consistent(uow, tender.id, "opening")
    require_move(tender, "open")  # opened or failed: which one is known at the end
    require_bids_settled(uow.now, tender.deadline, tender.id)  # no bid received in time still in flight
    opener, custodians = recover_key(uow, tender)
    profile, _ = frozen_rules(tender)
    counted, unconfirmed = rules.counted(sealed_bids(uow, tender.id), tender.amendments)
    names = bidder_names(uow.session, tender.id)
    stage = TECHNICAL if tender.two_envelopes else SINGLE
    entries = [_entry(r, names, NOT_RECONFIRMED, NOT_CONFIRMED_AGAIN) for r in unconfirmed]
    tender.opened_at = uow.now
    failure = rules.too_few_bids(len(counted), profile)
    if failure:
        entries += [_entry(r, names, NOT_OPENED, failure) for r in counted]
    else:
        entries += _open_counted(uow, opener, tender, counted, stage, names)
        failure = rules.too_few_valid(_valid(entries), profile)
    record = _publish_record(uow, tender, stage, custodians, entries, failure)
    _tell_unconfirmed(uow, tender, unconfirmed)
    _finish(uow, tender, record, end_of_bidding(uow, tender.id))
    record_at_opening(uow, tender)  # the bidders are known: who must step aside
    if failure or stage == SINGLE:
        clear_presented(uow, tender.id)  # the last stage: the key is not needed again
    return record


def _opened_bids(uow: UnitOfWork, tender_id: str) -> dict[str, OpenedBidRow]:
    return {r.bid_id: r for r in uow.session.exec(select(OpenedBidRow).where(
        col(OpenedBidRow.tender_id) == tender_id, col(OpenedBidRow.status) == VALID)).all()}


def record_compliance(uow: UnitOfWork, tender_id: str, decisions: Sequence[ComplianceDecision]) -> int:
    """Record the technical compliance decision per bid (two envelopes); returns bids decided."""
    tender = load_tender(uow, tender_id)
    permit(uow, tender, "record_compliance")
    require_consistent(uow, tender.id, "commercial")
    unknown = sorted({d.bid_id for d in decisions} - set(_opened_bids(uow, tender.id)))
    if unknown or not decisions:
        raise ValidationError("opening.compliance_bids",
                              "Decisions must name validly opened bids of this tender",
                              "合规性认定须针对本项目已有效开启的投标", {"unknown": unknown})
    uow.session.execute(_UPDATE_COMPLIANCE, [
        {"t_id": tender.id, "b_id": d.bid_id, "compliant": d.compliant, "note": d.note or None}
        for d in decisions])
    tender.compliance_decided_at = uow.now
    uow.session.add(tender)
    facts = {"tender_id": tender.id, "decisions": [d.model_dump(mode="json") for d in decisions]}
    uow.record("tender.technical_compliance", SUBJECT, tender.id, facts,
               event="TechnicalComplianceRecorded", payload=facts)
    return len(decisions)


def _open_compliant(uow: UnitOfWork, opener: Opener, tender: TenderRow, opened: dict[str, OpenedBidRow],
                    names: dict[str, str]) -> list[dict[str, Any]]:
    """Open the commercial part of each technically compliant bid and write what it held."""
    check, entries, updates = _check(tender), [], []
    for row in sealed_bids(uow, tender.id, list(opened)):
        technical = opened[row.id]
        if not technical.technical_compliant:
            entries.append(_entry(row, names, NOT_COMPLIANT, technical.compliance_note))
            continue
        found = rules.read_commercial(technical.technical, _open_part(opener, row, COMMERCIAL), check)
        entries.append(_entry(row, names, found.status, found.problem, found))
        updates.append({"t_id": tender.id, "b_id": row.id, "status": found.status, "reason": found.problem,
                        "payload": found.payload.model_dump(mode="json") if found.payload else None,
                        "total_fen": _fen(found.total)})
    if updates:
        uow.session.execute(_UPDATE_COMMERCIAL, updates)
    return entries


def open_commercial(uow: UnitOfWork, tender_id: str) -> OpeningRecord:
    """Open the commercial parts of technically compliant bids only (second step of 双信封)."""
    tender = load_tender(uow, tender_id)
    opened = _opened_bids(uow, tender.id)
    permit(uow, tender, "open_commercial",
           pending=sorted(b for b, r in opened.items() if r.technical_compliant is None))
    require_consistent(uow, tender.id, "commercial")
    opener, custodians = recover_key(uow, tender)
    entries = _open_compliant(uow, opener, tender, opened, bidder_names(uow.session, tender.id))
    tender.commercial_opened_at = uow.now
    failure = rules.too_few_valid(_valid(entries), frozen_rules(tender)[0],
                                  after=" after technical review")
    record = _publish_record(uow, tender, COMMERCIAL, custodians, entries, failure)
    clear_presented(uow, tender.id)
    if failure:
        _finish(uow, tender, record)
        return record
    uow.session.add(tender)
    summary = {"tender_id": tender.id, "stage": COMMERCIAL, "record_digest": record.digest,
               "valid_bids": record.valid_bids}
    uow.record("tender.open_commercial", SUBJECT, tender.id, summary, event="TenderCommercialOpened",
               payload=summary)
    return record


def ready_for_evaluation(tender: TenderRow) -> bool:
    """Opened, and for two envelopes the commercial parts opened too: evaluation may start."""
    return tender.state == TenderState.OPENED and evaluation_may_start(tender.two_envelopes,
                                                                       tender.commercial_opened_at)
