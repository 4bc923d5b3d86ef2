"""Opening (开标): a quorum of custodians' shares recovers the key; every envelope is opened.

Efficient by construction: one read of the tender's bids, one read of bidder names, decryption
in memory, one bulk insert of the opened bids and one opening record. Two-envelope tenders open
technical parts first, record the technical compliance decision per bid, then open commercial
parts of compliant bids only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic_core import from_json
from sqlalchemy import BigInteger, Text, and_, bindparam, cast, column, insert, table, type_coerce, update
from sqlalchemy import select as select_core
from sqlmodel import col, select

from zhaocai.bidding.eligibility import bidder_names
from zhaocai.bidding.lifecycle import SUBJECT, fire_transition, frozen_rules, load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import (
    COMMERCIAL,
    SINGLE,
    TECHNICAL,
    CryptoError,
    Opener,
    ParsedShare,
    parse_share,
    recover_private_key,
)
from zhaocai.bidding.submission import SUBMITTED
from zhaocai.bidding.tables import BidRow, OpenedBidRow, TenderRow
from zhaocai.bidding.views import ComplianceDecision, OpeningEntry, OpeningRecord
from zhaocai.clock import as_utc
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.money import Money
from zhaocai.store import UnitOfWork, driver
from zhaocai.store.types import UTCDateTime, canonical_json

VALID, INVALID = "valid", "invalid"
NOT_RECONFIRMED, NOT_OPENED, NOT_COMPLIANT = "not_reconfirmed", "not_opened", "not_compliant"
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


def _refuse(code: str, en: str, zh: str, **details: Any) -> RuleViolation:
    return RuleViolation(code, en, zh, details)


def recover_key(tender: TenderRow, shares: Sequence[str]) -> tuple[Opener, list[str]]:
    """Check every share (a wrong or foreign one is refused) and recover the opening key."""
    seats = {c["index"]: c for c in tender.custodians}
    by_print = {c["fingerprint"]: c for c in tender.custodians}
    chosen: dict[int, ParsedShare] = {}
    for text in shares:
        share = parse_share(text)
        if share.tender_id != tender.id:
            raise _refuse("opening.share_foreign", "A share belongs to another tender",
                          "所提交的密钥份额属于其他招标项目", share_tender=share.tender_id)
        seat = by_print.get(share.fingerprint)
        if seat is None or seat["index"] != share.index:
            raise _refuse("opening.share_invalid", f"Share #{share.index} is not a share of this tender",
                          f"第 {share.index} 号密钥份额无效", index=share.index)
        if share.index in chosen:
            raise _refuse("opening.share_duplicate", f"Share #{share.index} was given twice",
                          f"第 {share.index} 号密钥份额重复提交", index=share.index)
        chosen[share.index] = share
    if len(chosen) < tender.threshold:
        raise _refuse("opening.quorum",
                      f"Opening needs {tender.threshold} custodians' shares, {len(chosen)} valid given",
                      f"开标需要 {tender.threshold} 名保管人的密钥份额，仅收到 {len(chosen)} 份有效份额",
                      needed=tender.threshold, given=len(chosen))
    assert tender.public_key is not None
    key = recover_private_key(chosen.values(), tender.public_key)
    return Opener(key), [seats[i]["actor_id"] for i in sorted(chosen)]


class Sealed(NamedTuple):
    """A stored bid as opening reads it: the envelope and receipt as their stored JSON text."""

    id: str
    supplier_id: str
    version: int
    received_at: datetime
    envelope_hash: str
    confirmed_through: int
    envelope_text: str
    receipt_text: str


_BID = BidRow.__table__  # type: ignore[attr-defined]
_SEALED_COLUMNS = (_BID.c.id, _BID.c.supplier_id, _BID.c.version, _BID.c.received_at,
                   _BID.c.envelope_hash, _BID.c.confirmed_through, type_coerce(_BID.c.envelope, Text),
                   type_coerce(_BID.c.receipt, Text))


# Opened bids are written in one bulk INSERT ... SELECT: the sealed bid's own columns are copied
# in the database from its row (read in this same transaction), and only what opening found is
# sent, the JSON as the text that was sealed. Nothing needs converting (text and integers), so the
# statement, compiled for the connection's dialect, runs through the driver's executemany.
_INSERT_OPENED = insert(_OPENED).from_select(
    ["tender_id", "bid_id", "supplier_id", "version", "received_at", "envelope_hash", "status", "reason",
     "technical", "payload", "total_fen"],
    select_core(_BID.c.tender_id, _BID.c.id, _BID.c.supplier_id, _BID.c.version, _BID.c.received_at,
                _BID.c.envelope_hash, *(cast(bindparam(name, type_=Text), Text)
                                        for name in ("o_status", "o_reason", "o_technical", "o_payload")),
                cast(bindparam("o_total_fen", type_=BigInteger), BigInteger))
    .where(_BID.c.id == bindparam("o_bid")),
)


# Every live bid of a tender, read straight through the driver (one fixed statement): only
# `received_at` needs converting, as `UTCDateTime` would (SQLite returns its stored text).
_SEALED_QUERY = select_core(*_SEALED_COLUMNS).where(
    _BID.c.tender_id == bindparam("s_tender", type_=Text), _BID.c.status == bindparam("s_status", type_=Text),
).order_by(_BID.c.received_at, _BID.c.id)


def _moment(value: datetime | str) -> datetime:
    return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


def sealed_bids(uow: UnitOfWork, tender_id: str, ids: Sequence[str] | None = None) -> list[Sealed]:
    """The tender's live bids in one query (or only `ids`), oldest first."""
    if ids is None:
        uow.session.flush()
        raw = driver.fetchall(uow.connection, _SEALED_QUERY, {"s_tender": tender_id, "s_status": SUBMITTED})
        return [Sealed(r[0], r[1], r[2], _moment(r[3]), r[4], r[5], r[6], r[7]) for r in raw]
    query = select_core(*_SEALED_COLUMNS).where(_BID.c.tender_id == tender_id, _BID.c.status == SUBMITTED)
    query = query.where(_BID.c.id.in_(list(ids)))
    rows = uow.session.execute(query.order_by(_BID.c.received_at, _BID.c.id)).all()
    return [Sealed(*row) for row in rows]


def receipt_problem(row: Sealed) -> str | None:
    """Why the stored envelope does not match its receipt, or None.

    The envelope's hash must equal the hash the receipt acknowledged. (The receipt's signature
    proves nothing against someone who can write to the store, since the platform key lives
    there too; the bidder's own receipt, compared with the hash in the public opening record,
    is what exposes a swapped envelope.)
    """
    digest = hashlib.sha256(row.envelope_text.encode("utf-8")).hexdigest()
    receipt = from_json(row.receipt_text)  # pydantic-core's parser: same values as `json.loads`, faster
    if digest != row.envelope_hash or receipt.get("envelope_hash") != digest \
            or receipt.get("version") != row.version:
        return "envelope does not match its receipt"
    return None


class BidCheck:
    """What an opened payload must meet: exactly the tender's lots, total within the ceiling."""

    def __init__(self, tender: TenderRow) -> None:
        self.lots = sorted(lot["id"] for lot in tender.lots)
        self.ceiling = Money.from_fen(tender.ceiling_fen).amount

    def problem(self, payload: BidPayload, total: Decimal) -> str | None:
        """Why the payload is not a valid bid, or None."""
        if sorted(lot.lot for lot in payload.lots) != self.lots:
            return "lots do not match the tender"
        if total > self.ceiling:
            return "above the ceiling price (Reg 51)"
        return None


def _open_part(opener: Opener, row: Sealed, part: str) -> bytes | None:
    try:
        return opener.open_raw(from_json(row.envelope_text)["envelopes"][part])
    except (CryptoError, ValueError, KeyError, TypeError):
        return None


def _entry(row: Sealed, names: dict[str, str], status: str, reason: str | None = None,
           payload: BidPayload | None = None, total: Decimal | None = None) -> OpeningEntry:
    # Validated by pydantic-core: several times faster than `model_construct`, which runs in Python.
    return OpeningEntry(
        bid_id=row.id, supplier_id=row.supplier_id, supplier_name=names.get(row.supplier_id),
        version=row.version, received_at=row.received_at, envelope_hash=row.envelope_hash,
        status=status, reason=reason,
        total_price=(payload.total if total is None else total) if payload else None,
        lot_prices={lot.lot: lot.price for lot in payload.lots} if payload else {},
    )


def _publish_record(uow: UnitOfWork, tender: TenderRow, stage: str, custodians: list[str],
                    entries: list[OpeningEntry], outcome: TenderState, failure: str | None) -> OpeningRecord:
    valid = sum(1 for e in entries if e.status == VALID)
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
             "reason": "not confirmed again after an amendment"} for r in rows]
    uow.record("bid.not_opened", SUBJECT, tender.id, {"tender_id": tender.id, "bids": told},
               event="BidsNotOpened", payload={"tender_id": tender.id, "bids": told})


def _finish(uow: UnitOfWork, tender: TenderRow, record: OpeningRecord, event: str) -> None:
    summary = {"stage": record.stage, "record_digest": record.digest, "bids": len(record.entries),
               "valid_bids": record.valid_bids, "custodians_present": record.custodians_present,
               "reason": record.failure_reason}
    public = {"tender_id": tender.id, **summary}  # the record itself: `opening_records()`
    if record.outcome == TenderState.FAILED:
        tender.outcome_reason = record.failure_reason
    fire_transition(uow, tender, event, summary, payload=public)


def open_bids(uow: UnitOfWork, tender_id: str, shares: Sequence[str]) -> OpeningRecord:
    """Open every counted bid with a quorum of shares and publish the opening record."""
    tender = load_tender(uow, tender_id)
    if tender.state == TenderState.PUBLISHED:
        raise _refuse("opening.too_early", "Bids are opened only after the deadline",
                      "投标截止前不得开标", deadline=tender.deadline.isoformat())
    if tender.state != TenderState.CLOSED:
        fire_transition(uow, tender, "open")  # raises the machine's refusal
    opener, custodians = recover_key(tender, shares)
    profile, _ = frozen_rules(tender)
    rows = sealed_bids(uow, tender.id)
    names = bidder_names(uow.session, tender.id)
    def stale(r: Sealed) -> bool:
        return tender_rules.needs_reconfirmation(r.confirmed_through, tender.amendments)
    unconfirmed = [r for r in rows if stale(r)]
    counted = [r for r in rows if not stale(r)]
    entries = [_entry(r, names, NOT_RECONFIRMED, "not confirmed again after an amendment")
               for r in unconfirmed]
    stage = TECHNICAL if tender.two_envelopes else SINGLE
    tender.opened_at = uow.now
    if tender_rules.shortfall(len(counted), profile):
        reason = f"{len(counted)} bids, {profile.min_valid_bids} needed: not opened (Law 28, Reg 44)"
        entries += [_entry(r, names, NOT_OPENED, reason) for r in counted]
        record = _publish_record(uow, tender, stage, custodians, entries, TenderState.FAILED, reason)
        _tell_unconfirmed(uow, tender, unconfirmed)
        _finish(uow, tender, record, "fail")
        return record
    check = BidCheck(tender)
    opened: list[dict[str, Any]] = []
    for row in counted:
        problem = receipt_problem(row)
        clear = None if problem else _open_part(opener, row, stage)
        payload: BidPayload | None = None
        total: Decimal | None = None
        if clear is None:
            problem = problem or "envelope cannot be opened with this tender's key"
        elif stage == SINGLE:
            try:
                payload = BidPayload.model_validate_json(clear)
            except ValueError:
                problem = "bid content is malformed"
            if payload is not None:
                total = payload.total
                problem = check.problem(payload, total)
        elif not isinstance(_json_or_none(clear), dict):
            problem = "technical part is malformed"
        status = INVALID if problem else VALID
        entries.append(_entry(row, names, status, problem, payload, total))
        text = clear.decode("utf-8") if clear is not None and (payload or stage != SINGLE) else None
        opened.append({
            "o_bid": row.id, "o_status": status, "o_reason": problem,
            "o_technical": text if stage != SINGLE and not problem else None,
            "o_payload": text if payload is not None else None,
            "o_total_fen": int(total * 100) if total is not None else None,
        })
    if opened:
        driver.executemany(uow.connection, _INSERT_OPENED, opened)
    valid = sum(1 for e in entries if e.status == VALID)
    failure = None
    if tender_rules.shortfall(valid, profile):
        failure = f"{valid} valid bids, {profile.min_valid_bids} needed (Law 28, Reg 44)"
    outcome = TenderState.FAILED if failure else TenderState.OPENED
    record = _publish_record(uow, tender, stage, custodians, entries, outcome, failure)
    _tell_unconfirmed(uow, tender, unconfirmed)
    _finish(uow, tender, record, "fail" if failure else "open")
    return record


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _technical_stage(uow: UnitOfWork, tender_id: str) -> TenderRow:
    tender = load_tender(uow, tender_id)
    if not tender.two_envelopes or tender.state != TenderState.OPENED or tender.commercial_opened_at:
        raise _refuse("opening.not_technical_stage",
                      "Only an opened two-envelope tender awaiting its commercial opening takes this step",
                      "仅已开启技术标、尚未开启商务标的双信封项目可执行此步骤",
                      state=tender.state, two_envelopes=tender.two_envelopes)
    return tender


def record_compliance(uow: UnitOfWork, tender_id: str, decisions: Sequence[ComplianceDecision]) -> int:
    """Record the technical compliance decision per bid (two envelopes); returns bids decided."""
    tender = _technical_stage(uow, tender_id)
    valid = {r.bid_id for r in uow.session.exec(select(OpenedBidRow).where(
        col(OpenedBidRow.tender_id) == tender.id, col(OpenedBidRow.status) == VALID)).all()}
    unknown = sorted({d.bid_id for d in decisions} - valid)
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


def open_commercial(uow: UnitOfWork, tender_id: str, shares: Sequence[str]) -> OpeningRecord:
    """Open the commercial parts of technically compliant bids only (second step of 双信封)."""
    tender = _technical_stage(uow, tender_id)
    opened = {r.bid_id: r for r in uow.session.exec(select(OpenedBidRow).where(
        col(OpenedBidRow.tender_id) == tender.id, col(OpenedBidRow.status) == VALID)).all()}
    pending = sorted(b for b, r in opened.items() if r.technical_compliant is None)
    if pending:
        raise _refuse("opening.compliance_pending",
                      "Every technically opened bid needs a compliance decision first",
                      "须先对每份已开启的技术标作出合规性认定", pending=pending)
    opener, custodians = recover_key(tender, shares)
    profile, _ = frozen_rules(tender)
    rows = sealed_bids(uow, tender.id, list(opened))
    names = bidder_names(uow.session, tender.id)
    entries, updates = [], []
    for row in rows:
        state = opened[row.id]
        if not state.technical_compliant:
            entries.append(_entry(row, names, NOT_COMPLIANT, state.compliance_note))
            continue
        clear = _open_part(opener, row, COMMERCIAL)
        try:
            payload = BidPayload.join(state.technical or {}, json.loads(clear)) if clear else None
        except (ValueError, KeyError, TypeError):
            payload = None
        problem = BidCheck(tender).problem(payload, payload.total) if payload else \
            "commercial part cannot be opened"
        status = INVALID if problem else VALID
        entries.append(_entry(row, names, status, problem, payload))
        updates.append({"t_id": tender.id, "b_id": row.id, "status": status, "reason": problem,
                        "payload": payload.model_dump(mode="json") if payload else None,
                        "total_fen": Money.of(payload.total).fen if payload else None})
    if updates:
        uow.session.execute(_UPDATE_COMMERCIAL, updates)
    tender.commercial_opened_at = uow.now
    valid = sum(1 for e in entries if e.status == VALID)
    failure = None
    if tender_rules.shortfall(valid, profile):
        failure = f"{valid} valid bids after technical review, {profile.min_valid_bids} needed"
    outcome = TenderState.FAILED if failure else TenderState.OPENED
    record = _publish_record(uow, tender, COMMERCIAL, custodians, entries, outcome, failure)
    if failure:
        _finish(uow, tender, record, "fail")
    else:
        uow.session.add(tender)
        summary = {"tender_id": tender.id, "stage": COMMERCIAL, "record_digest": record.digest,
                   "valid_bids": valid}
        uow.record("tender.open_commercial", SUBJECT, tender.id, summary, event="TenderCommercialOpened",
                   payload=summary)
    return record


def ready_for_evaluation(tender: TenderRow) -> bool:
    """Opened, and for two envelopes the commercial parts opened too: evaluation may start."""
    return tender.state == TenderState.OPENED and (not tender.two_envelopes
                                                   or tender.commercial_opened_at is not None)
