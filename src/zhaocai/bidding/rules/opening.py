"""Pure rules of the opening (开标): which shares make a quorum, which bids are counted, what an
opened part must be, and whether the tender fails for too few bids (Law 28, Reg 44).

Plain values in, plain values out: the stored bid as text, the clear bytes a key opened. No
database, no clock, no key: the opening handler decrypts and writes, these rules judge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic_core import from_json

from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.sealing import SINGLE, ParsedShare
from zhaocai.errors import RuleViolation
from zhaocai.profile import RulesProfile

VALID, INVALID = "valid", "invalid"
NOT_RECONFIRMED, NOT_OPENED, NOT_COMPLIANT = "not_reconfirmed", "not_opened", "not_compliant"
NOT_CONFIRMED_AGAIN = "not confirmed again after an amendment"
UNOPENABLE = "envelope cannot be opened with this tender's key"


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


class Reading(NamedTuple):
    """What opening one part found: its status, why it is invalid, and its clear content."""

    status: str
    problem: str | None
    payload: BidPayload | None = None
    text: str | None = None  # the clear JSON as sealed: the whole bid, or a valid technical part
    total: Decimal | None = None  # the payload's total, summed once


def quorum_of(tender_id: str, seats: Sequence[dict[str, Any]], threshold: int,
              shares: Sequence[ParsedShare]) -> list[ParsedShare]:
    """The shares that open the tender, by index: each must be this tender's, match its seat's
    fingerprint and come once, and at least `threshold` of them are needed."""
    by_print = {seat["fingerprint"]: seat for seat in seats}
    chosen: dict[int, ParsedShare] = {}
    for share in shares:
        if share.tender_id != tender_id:
            raise RuleViolation("opening.share_foreign", "A share belongs to another tender",
                                "所提交的密钥份额属于其他招标项目", {"share_tender": share.tender_id})
        seat = by_print.get(share.fingerprint)
        if seat is None or seat["index"] != share.index:
            raise RuleViolation("opening.share_invalid",
                                f"Share #{share.index} is not a share of this tender",
                                f"第 {share.index} 号密钥份额无效", {"index": share.index})
        if share.index in chosen:
            raise RuleViolation("opening.share_duplicate", f"Share #{share.index} was given twice",
                                f"第 {share.index} 号密钥份额重复提交", {"index": share.index})
        chosen[share.index] = share
    if len(chosen) < threshold:
        raise RuleViolation("opening.quorum",
                            f"Opening needs {threshold} custodians' shares, {len(chosen)} valid given",
                            f"开标需要 {threshold} 名保管人的密钥份额，仅收到 {len(chosen)} 份有效份额",
                            {"needed": threshold, "given": len(chosen)})
    return [chosen[index] for index in sorted(chosen)]


def counted(bids: Sequence[Sealed], amendments: int) -> tuple[list[Sealed], list[Sealed]]:
    """(bids opened, bids set aside): a bid not confirmed again after the latest amendment is
    set aside, unopened."""
    opened: list[Sealed] = []
    aside: list[Sealed] = []
    for bid in bids:
        (aside if bid.confirmed_through < amendments else opened).append(bid)
    return opened, aside


def part_of(bid: Sealed, part: str) -> str | None:
    """The ciphertext of one envelope part, or None when the stored envelope has no such part."""
    try:
        text = from_json(bid.envelope_text)["envelopes"][part]
    except (ValueError, KeyError, TypeError):
        return None
    return text if isinstance(text, str) else None


def receipt_problem(bid: Sealed) -> str | None:
    """Why the stored envelope does not match its receipt, or None.

    The envelope's hash must equal the hash the receipt acknowledged. (The receipt's signature is
    not checked here: about a tenth of a millisecond a bid, which would double the opening of a
    large tender. The signing key is outside the store, so a receipt re-signed by one who can
    write to the store fails `TenderService.verify_receipt`; and the bidder's own receipt,
    compared with the hash in the public opening record, exposes a swapped envelope.)
    """
    digest = hashlib.sha256(bid.envelope_text.encode("utf-8")).hexdigest()
    receipt = from_json(bid.receipt_text)  # pydantic-core's parser: same values as `json.loads`, faster
    if digest != bid.envelope_hash or receipt.get("envelope_hash") != digest \
            or receipt.get("version") != bid.version:
        return "envelope does not match its receipt"
    return None


@dataclass(frozen=True, slots=True)
class BidCheck:
    """What an opened payload must meet: exactly the tender's lots, total within the ceiling."""

    lots: list[str]
    ceiling: Decimal

    def problem(self, payload: BidPayload, total: Decimal) -> str | None:
        """Why the payload (whose lots sum to `total`) is not a valid bid, or None."""
        if sorted(lot.lot for lot in payload.lots) != self.lots:
            return "lots do not match the tender"
        if total > self.ceiling:
            return "above the ceiling price (Reg 51)"
        return None

    def read(self, payload: BidPayload, text: str | None = None) -> Reading:
        """The reading of an opened payload: valid, or invalid with the reason."""
        total = payload.total
        problem = self.problem(payload, total)
        return Reading(INVALID if problem else VALID, problem, payload, text, total)


def read_part(clear: bytes | None, stage: str, check: BidCheck) -> Reading:
    """Judge one opened part: a whole bid (single envelope) or a technical part (two envelopes)."""
    if clear is None:
        return Reading(INVALID, UNOPENABLE)
    if stage != SINGLE:
        if not isinstance(_json_or_none(clear), dict):
            return Reading(INVALID, "technical part is malformed")
        return Reading(VALID, None, text=clear.decode("utf-8"))
    try:
        payload = BidPayload.model_validate_json(clear)
    except ValueError:
        return Reading(INVALID, "bid content is malformed")
    return check.read(payload, clear.decode("utf-8"))


def read_commercial(technical: dict[str, Any] | None, clear: bytes | None, check: BidCheck) -> Reading:
    """Judge a commercial part, joined with its technical part (the second step of 双信封)."""
    try:
        payload = BidPayload.join(technical or {}, json.loads(clear)) if clear else None
    except (ValueError, KeyError, TypeError):
        payload = None
    if payload is None:
        return Reading(INVALID, "commercial part cannot be opened")
    return check.read(payload)


def too_few_bids(bids: int, profile: RulesProfile) -> str | None:
    """The failure reason when too few bids are counted to open them at all, else None."""
    if bids < profile.min_valid_bids:
        return f"{bids} bids, {profile.min_valid_bids} needed: not opened (Law 28, Reg 44)"
    return None


def too_few_valid(valid: int, profile: RulesProfile, *, after: str = "") -> str | None:
    """The failure reason when too few bids are valid once opened, else None."""
    if valid < profile.min_valid_bids:
        return f"{valid} valid bids{after}, {profile.min_valid_bids} needed (Law 28, Reg 44)"
    return None


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None
