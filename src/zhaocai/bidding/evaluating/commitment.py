"""The member's side of commit, then reveal: `commit_sheet` makes the commitment to a score sheet.

As `seal_bid` is for a bidder, this runs wherever the member works: it draws a fresh nonce
(`secrets`, 32 bytes), hashes the canonical sheet with the tender, lot, member and nonce
(`rules/commitments.py`, sha256), and returns the digest to send with
`platform.evaluation.commit_scores` and the nonce to keep, with the sheet, until every member has
committed: `platform.evaluation.reveal_scores` takes both. Nobody else needs the nonce before the
reveal, and a lost nonce cannot be recovered: the sheet could then never be revealed.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from zhaocai.bidding.evaluating.views import ScoringForm
from zhaocai.bidding.rules.commitments import NONCE_BYTES, canonical_sheet, commitment_digest
from zhaocai.bidding.rules.sheets import points_within


@dataclass(frozen=True, slots=True)
class SheetCommitment:
    """A commitment to a sheet: `digest` goes to the platform now; `sheet` (a copy of the sheet
    committed to) and `nonce` stay with the member until the reveal."""

    tender_id: str
    lot_id: str
    member_id: str
    digest: str
    nonce: str
    sheet: Mapping[str, Mapping[str, Any]]

    def __repr__(self) -> str:
        # The nonce and the points stay out of logs and tracebacks.
        return (f"SheetCommitment(tender_id={self.tender_id!r}, lot_id={self.lot_id!r}, "
                f"member_id={self.member_id!r}, digest={self.digest!r})")


def commit_sheet(sheet: Mapping[str, Mapping[str, Any]], *, tender_id: str, lot_id: str, member_id: str,
                 form: ScoringForm | None = None) -> SheetCommitment:
    """Commit to `sheet` (bid id → criterion id → points) for `member_id`'s seat on `lot_id` of
    `tender_id`: a fresh nonce and the digest binding the sheet to it.

    Each value is checked as the reveal will read it (a number with at most two decimals, never a
    float, not below zero). Given the lot's `form` (`platform.evaluation.scoring_form`), the sheet
    is also checked to score exactly its bids and criteria within range (`scoring.incomplete`,
    `scoring.out_of_range`): a commitment to a sheet the reveal would refuse could never be
    revealed.
    """
    if form is not None:
        if (form.tender_id, form.lot_id) != (tender_id, lot_id):
            raise ValueError(f"the form is of {form.tender_id}/{form.lot_id}, not {tender_id}/{lot_id}")
        points = points_within(sheet, form.bids, list(form.criteria.items()))
    else:
        points = canonical_sheet(sheet)
    nonce = secrets.token_hex(NONCE_BYTES)
    return SheetCommitment(tender_id=tender_id, lot_id=lot_id, member_id=member_id,
                           digest=commitment_digest(tender_id, lot_id, member_id, points, nonce),
                           nonce=nonce, sheet={bid: dict(row) for bid, row in sheet.items()})
