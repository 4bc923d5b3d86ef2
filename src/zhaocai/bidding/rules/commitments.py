"""Commit, then reveal: a member's score sheet bound by a commitment before anyone's points exist.

A member first commits to a sheet: the sha256 of a canonical encoding of the sheet, of where it
belongs (tender, lot, member) and of a random nonce the member keeps. The digest shows nothing of
the points (the nonce has 256 bits: guessing sheets and hashing them finds nothing), and binds
the member: once every member has committed, each reveals the sheet and the nonce, and a reveal
counts only when it hashes to the member's own commitment (`scoring.reveal_mismatch`). The
tender, lot and member are inside the hash, so a member who copies another's commitment cannot
reveal the other's sheet as their own.

Canonical encoding: the points as integer hundredths, bid id → criterion id → hundredths, in JSON
with sorted keys and no spaces (`canonical_json`'s rules), so the order a sheet is written in and
the way a number is spelled ("25", "25.0", Decimal("25.00")) do not change the digest. The
revealed sheet's digest (`sheet_digest`, without the nonce) is what the audit chain keeps for the
points once they are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from typing import Any

from zhaocai.bidding.rules.sheets import hundredths
from zhaocai.errors import RuleViolation, ValidationError

SCHEME = "zhaocai.score-sheet-commitment.v1"
"""Names the encoding inside every commitment, so a later encoding can never collide with it."""
NONCE_BYTES = 32
_HEX64 = re.compile(r"[0-9a-f]{64}")

Points = dict[str, dict[str, int]]


def _canonical(value: Any) -> bytes:
    """The one text of a value: sorted keys, no spaces, UTF-8 (as `store.types.canonical_json`)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def canonical_sheet(scores: Mapping[str, Mapping[str, Any]]) -> Points:
    """A sheet's points as integer hundredths, bid → criterion → hundredths: each value a number
    with at most two decimals, not below zero, never a float (`evaluation.float`,
    `scoring.precision`, `scoring.out_of_range`). Which bids and criteria, and each criterion's
    maximum, are checked at the reveal against the lot (`sheets.sheet_points`)."""
    return {str(bid): {str(cid): hundredths(value, f"{bid}/{cid}", None) for cid, value in row.items()}
            for bid, row in scores.items()}


def sheet_digest(points: Points) -> str:
    """sha256 of the sheet's canonical points: the revealed sheet's digest in the audit chain."""
    return hashlib.sha256(_canonical(points)).hexdigest()


def commitment_digest(tender_id: str, lot_id: str, member_id: str, points: Points, nonce: str) -> str:
    """sha256 over the scheme, the tender, lot and member, the nonce and the canonical points."""
    return hashlib.sha256(_canonical({"scheme": SCHEME, "tender_id": tender_id, "lot_id": lot_id,
                                      "member_id": member_id, "nonce": nonce, "points": points})).hexdigest()


def require_digest(value: Any) -> str:
    """A commitment is 64 lowercase hexadecimal characters (a sha256), else `scoring.bad_commitment`."""
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise ValidationError("scoring.bad_commitment",
                              "A commitment is a sha256 digest: 64 lowercase hexadecimal characters",
                              "评分承诺值须为 64 位小写十六进制摘要", {})
    return value


def require_nonce(value: Any) -> str:
    """A nonce is 32 random bytes as 64 lowercase hexadecimal characters (`commit_sheet` makes
    one), else `scoring.bad_nonce`: a short nonce would let sheets be guessed from the digest."""
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise ValidationError("scoring.bad_nonce",
                              "The nonce is the 64 hexadecimal characters returned with the commitment",
                              "随机数须为提交承诺时生成的 64 位十六进制字符", {})
    return value


def require_matches(commitment: str, tender_id: str, lot_id: str, member_id: str, points: Points,
                    nonce: str) -> None:
    """The revealed sheet and nonce hash to the member's commitment, else `scoring.reveal_mismatch`."""
    again = commitment_digest(tender_id, lot_id, member_id, points, nonce)
    if not hmac.compare_digest(again, commitment):
        raise RuleViolation("scoring.reveal_mismatch",
                            "The revealed sheet and nonce do not match this member's commitment",
                            "所揭示的评分表与随机数与该评委的评分承诺不符",
                            {"lot_id": lot_id, "member_id": member_id})
