"""Bidding's deep check: tenders, sealed bids and opening records against the audit chain.

- **tender**: the state is the `to` of the last move recorded (`lifecycle.fire_transition`); a
  published tender's frozen facts (rules, key, custodians, invitees, prices) are those of its
  `tender.publish` link, its deadline that of the last amendment (or of publication) and its
  count of amendments the number of `tender.amendment` links; a draft's title, buyer, category,
  method and estimate are those of its last draft link.
- **bid**: every row has its `bid.submit` link and every such link its row; the tender, supplier,
  version, envelope hash, receipt time and signature are those of the last submission, the status
  and withdrawal time those of the last submission or withdrawal, the reconfirmation round that
  of the last submission or confirmation; and (over the whole store) the stored envelope hashes to
  the recorded envelope hash and the receipt carries the recorded signature.
- **tender_opening**: each record hashes to its digest, and the digest is the one its opening
  link recorded;
- **opened_bid**: each opened bid's supplier, total and lot prices are those of its line in the
  (so checked) opening record.

One query per table (and the one read of the links in `zhaocai.audit.deep`).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, Text, select, type_coerce

from zhaocai.audit.deep import MISSING, ROW, Checker, Findings, Link, Links, Scope
from zhaocai.bidding.bid_machine import BidStatus
from zhaocai.bidding.tables import BidRow, OpenedBidRow, OpeningRecordRow, TenderRow, opening_order

_TENDER = TenderRow.__table__  # type: ignore[attr-defined]
_BID = BidRow.__table__  # type: ignore[attr-defined]
_OPENING = OpeningRecordRow.__table__  # type: ignore[attr-defined]
_OPENED = OpenedBidRow.__table__  # type: ignore[attr-defined]

DRAFT_ACTIONS = ("tender.draft", "tender.draft_update")
AMENDMENT_ACTIONS = ("tender.amendment", "tender.clarification")
SUBMISSIONS = ("bid.submit", "bid.replace")
BID_ACTIONS = (*SUBMISSIONS, "bid.confirm", "bid.withdraw")

# The publication link's facts and the tender's columns that mirror them, as stored.
_FROZEN = ("title", "buyer", "category", "method", "lots", "evaluation", "profile", "statutory",
           "policy_version", "deviation", "rules_digest", "public_key", "two_envelopes", "threshold",
           "invitees")
_DRAFTED = ("title", "buyer", "category", "method")


def _yuan(fen: Any) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)).scaleb(-2)


def _last(links: list[Link], *actions: str) -> Link | None:
    found = None
    for link in links:
        if link.action in actions:
            found = link
    return found


def _tender_state(links: list[Link]) -> tuple[str | None, int | None]:
    """The state the chain gives a tender: the `to` of its last move, else draft once drafted."""
    state, seq = None, None
    for link in links:
        if "to" in link.change and "from" in link.change:
            state, seq = link.change["to"], link.seq
        elif link.action == "tender.draft" and state is None:
            state, seq = "draft", link.seq
    return state, seq


def _check_published(row: Any, publish: Link, links: list[Link], found: Findings) -> None:
    facts, tid = publish.change, row.id
    for name in _FROZEN:
        if name in facts:
            found.compare("tender", tid, name, getattr(row, name), facts[name], publish.seq)
    found.compare("tender", tid, "ceiling_fen", _yuan(row.ceiling_fen), facts.get("ceiling_price"),
                  publish.seq)
    found.compare("tender", tid, "bid_security_fen", _yuan(row.bid_security_fen), facts.get("bid_security"),
                  publish.seq)
    recorded = facts.get("custodians") or []
    keys = ("index", "actor_id", "name", "supervisor")
    seats = [{k: c.get(k) for k in keys} for c in row.custodians or []]
    found.compare("tender", tid, "custodians", seats, [{k: c.get(k) for k in keys} for c in recorded],
                  publish.seq)
    amended = _last(links, *AMENDMENT_ACTIONS)
    deadline = (amended.change.get("deadline_after"), amended.seq) if amended else (facts.get("deadline"),
                                                                                 publish.seq)
    found.compare("tender", tid, "deadline", row.deadline, deadline[0], deadline[1])
    rounds = sum(1 for link in links if link.action == "tender.amendment" and link.seq > publish.seq)
    found.compare("tender", tid, "amendments", row.amendments, rounds,
                  amended.seq if amended else publish.seq)


def check_tenders(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each tender's state and frozen facts against its links."""
    query = select(_TENDER.c.id, _TENDER.c.state, _TENDER.c.estimate_fen, _TENDER.c.ceiling_fen,
                   _TENDER.c.bid_security_fen, _TENDER.c.deadline, _TENDER.c.custodians, _TENDER.c.amendments,
                   *(_TENDER.c[name] for name in _FROZEN))
    if not scope.whole:
        query = query.where(_TENDER.c.id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked("tender", len(rows))
    for row in rows:
        own = links.of("tender", row.id)
        state, seq = _tender_state(own)
        if state is None:
            found.disagree("tender", row.id, ROW, "present", MISSING)
            continue
        found.compare("tender", row.id, "state", row.state, state, seq)
        drafted = _last(own, *DRAFT_ACTIONS)
        if drafted is not None:
            draft = drafted.change.get("draft") or {}
            found.compare("tender", row.id, "estimate_fen", _yuan(row.estimate_fen), draft.get("estimate"),
                          drafted.seq)
        publish = _last(own, "tender.publish")
        if publish is not None:
            _check_published(row, publish, own, found)
        elif drafted is not None:
            for name in _DRAFTED:
                found.compare("tender", row.id, name, getattr(row, name), draft.get(name), drafted.seq)
            found.compare("tender", row.id, "deadline", row.deadline, draft.get("deadline"), drafted.seq)
    if scope.whole:
        stored = {row.id for row in rows}
        for tender_id, own in links.subjects("tender").items():
            if tender_id not in stored and _tender_state(own)[0] is not None:
                found.disagree("tender", tender_id, ROW, MISSING, own[0].action, own[0].seq)


def _expected_bid(own: list[Link]) -> dict[str, tuple[Any, int]] | None:
    """What the chain says a bid row holds, each value with the link that set it."""
    expected: dict[str, tuple[Any, int]] = {}
    for link in own:
        facts = link.change
        if link.action in SUBMISSIONS:
            for name in ("tender_id", "supplier_id", "version", "envelope_hash", "received_at", "signature"):
                expected[name] = (facts.get(name), link.seq)
            expected["status"] = (BidStatus.SUBMITTED.value, link.seq)
            expected["withdrawn_at"] = (None, link.seq)
            if "confirmed_through" in facts:
                expected["confirmed_through"] = (facts["confirmed_through"], link.seq)
        elif link.action == "bid.confirm":
            expected["confirmed_through"] = (facts.get("confirmed_through"), link.seq)
        elif link.action == "bid.withdraw":
            expected["status"] = (BidStatus.WITHDRAWN.value, link.seq)
            expected["withdrawn_at"] = (facts.get("received_at"), link.seq)
    return expected if "envelope_hash" in expected else None


def _envelope_hash(envelope_text: Any) -> str | None:
    # The envelope is stored as its canonical JSON text, exactly what `envelope_digest` hashes.
    if not isinstance(envelope_text, str):
        return None
    return hashlib.sha256(envelope_text.encode("utf-8")).hexdigest()


def check_bids(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each bid row against its submission, confirmation and withdrawal links; rows without a
    submission link and submission links without a row."""
    columns = [_BID.c.id, _BID.c.tender_id, _BID.c.supplier_id, _BID.c.version, _BID.c.status,
               _BID.c.envelope_hash, _BID.c.received_at, _BID.c.confirmed_through, _BID.c.withdrawn_at]
    if scope.whole:
        # The envelopes and receipts are the bulk of the bytes: one tender's check (before its
        # opening) leaves them to the opening, which hashes each envelope against its row and receipt.
        columns += [_BID.c.receipt, type_coerce(_BID.c.envelope, Text).label("envelope_text")]
    query = select(*columns)
    if not scope.whole:
        query = query.where(_BID.c.tender_id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked("bid", len(rows))
    for row in rows:
        expected = _expected_bid(links.of("bid", row.id))
        if expected is None:
            found.disagree("bid", row.id, ROW, "present", MISSING)
            continue
        signature = expected.pop("signature")
        for name, (value, seq) in expected.items():
            stored = getattr(row, name)
            # Inline fast paths: this loop runs for every cell of every bid of the tender.
            if (stored == value and type(stored) is type(value)) or (
                    type(stored) is datetime and stored.isoformat() == value):
                continue
            found.compare("bid", row.id, name, stored, value, seq)
        if scope.whole:
            recorded, seq = expected["envelope_hash"]
            found.compare("bid", row.id, "receipt.signature", (row.receipt or {}).get("signature"),
                          signature[0], signature[1])
            found.compare("bid", row.id, "envelope", _envelope_hash(row.envelope_text), recorded, seq)
    if scope.whole:
        stored = {row.id for row in rows}
        for bid_id, own in links.subjects("bid").items():
            if bid_id not in stored and _expected_bid(own) is not None:
                found.disagree("bid", bid_id, ROW, MISSING, own[0].action, own[0].seq)


def _opening_links(links: list[Link]) -> dict[str, tuple[str, int]]:
    recorded: dict[str, tuple[str, int]] = {}
    for link in links:
        if "record_digest" in link.change and "stage" in link.change:
            recorded[str(link.change["stage"])] = (link.change["record_digest"], link.seq)
    return recorded


def check_openings(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each opening record against its own digest and the digest its opening link recorded."""
    query = select(_OPENING.c.tender_id, _OPENING.c.stage, _OPENING.c.digest,
                   type_coerce(_OPENING.c.record, Text).label("record_text"))
    if not scope.whole:
        query = query.where(_OPENING.c.tender_id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked("tender_opening", len(rows))
    seen = set()
    for row in rows:
        key = f"{row.tender_id}/{row.stage}"
        seen.add(key)
        recorded = _opening_links(links.of("tender", row.tender_id)).get(row.stage)
        actual = hashlib.sha256(row.record_text.encode("utf-8")).hexdigest() if isinstance(
            row.record_text, str) else None
        if recorded is None:
            found.disagree("tender_opening", key, ROW, "present", MISSING)
            continue
        found.compare("tender_opening", key, "digest", row.digest, recorded[0], recorded[1])
        found.compare("tender_opening", key, "record", actual, recorded[0], recorded[1])
    tenders = links.subjects("tender")
    if scope.tender_id is not None:
        tenders = {scope.tender_id: links.of("tender", scope.tender_id)}
    for tender_id, own in tenders.items():
        for stage, (_, seq) in _opening_links(own).items():
            if f"{tender_id}/{stage}" not in seen:
                found.disagree("tender_opening", f"{tender_id}/{stage}", ROW, MISSING, "record_digest", seq)


def _prices(prices: Any) -> dict[str, str] | None:
    """Lot prices as exact decimal texts (a record keeps "1500000.00", a payload the same)."""
    if not isinstance(prices, dict):
        return None
    return {str(lot): str(Decimal(str(price))) for lot, price in prices.items()}


Lines = dict[tuple[str, str], dict[str, Any]]


def opening_lines(conn: Connection, links: Links, scope: Scope) -> tuple[Lines, set[str]]:
    """Each opened bid's line in its tender's opening records, by (tender, bid): the line of the
    last record that priced it (the commercial one of two envelopes), else its first line; and
    the tenders with a record that is not the one the chain recorded (`check_openings` reports
    those; rows read from them are not judged again). One query."""
    query = select(_OPENING.c.tender_id, _OPENING.c.stage, type_coerce(_OPENING.c.record, Text)).order_by(
        _OPENING.c.tender_id, *opening_order())
    if not scope.whole:
        query = query.where(_OPENING.c.tender_id == scope.tender_id)
    lines: Lines = {}
    untrusted: set[str] = set()
    for tender_id, stage, record_text in conn.execute(query):
        recorded = _opening_links(links.of("tender", tender_id)).get(stage)
        if recorded is None or not isinstance(record_text, str) or \
                hashlib.sha256(record_text.encode("utf-8")).hexdigest() != recorded[0]:
            untrusted.add(tender_id)
            continue
        record = from_json(record_text)
        for line in record.get("entries") or [] if isinstance(record, dict) else []:
            key = (tender_id, str(line.get("bid_id")))
            if key not in lines or line.get("lot_prices"):
                lines[key] = line
    return lines, untrusted


def check_opened(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each opened bid (what evaluation reads) against its line of the opening record: supplier,
    total and lot prices."""
    query = select(_OPENED.c.tender_id, _OPENED.c.bid_id, _OPENED.c.supplier_id, _OPENED.c.total_fen,
                   _OPENED.c.payload)
    if not scope.whole:
        query = query.where(_OPENED.c.tender_id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked("opened_bid", len(rows))
    lines, untrusted = opening_lines(conn, links, scope) if rows else ({}, set())
    for tender_id, bid_id, supplier_id, total_fen, payload in rows:
        key, line = f"{tender_id}/{bid_id}", lines.get((tender_id, bid_id))
        if tender_id in untrusted:
            continue
        if line is None:
            found.disagree("opened_bid", key, ROW, "present", MISSING)
            continue
        found.compare("opened_bid", key, "supplier_id", supplier_id, line.get("supplier_id"))
        if not line.get("lot_prices"):
            continue  # a technical part only: nothing priced yet
        found.compare("opened_bid", key, "total_fen", _yuan(total_fen), line.get("total_price"))
        lots = payload.get("lots") if isinstance(payload, dict) else None
        stored = _prices({lot.get("lot"): lot.get("price") for lot in lots or []})
        found.compare("opened_bid", key, "payload", stored, _prices(line.get("lot_prices")))


TENDERS = Checker("tenders", {"tender": None}, check_tenders, ("tender",))
BIDS = Checker("bids", {"bid": "SELECT id FROM bid WHERE tender_id = :tender_id"}, check_bids, ("bid",))
OPENINGS = Checker("openings", {"tender": None}, check_openings, ("tender_opening",))
OPENED = Checker("opened bids", {"tender": None}, check_opened, ("opened_bid",))
