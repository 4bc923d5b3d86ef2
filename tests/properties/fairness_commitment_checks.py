"""Invariants I74–I76 of docs/fairness.md: score sheets sealed by commitment (commit, then reveal).

Read from the raw rows, not through the library: the store holds no points of a lot before every
sitting member has committed, nor ever the points of a sheet not yet revealed (its marker is
nowhere); every counted sheet opens its commitment, and both digests are in the audit chain; a
tampered reveal is refused (the rule `reveal_step` flags one accepted).
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis.stateful import invariant
from sqlalchemy import text

from tests.properties.fairness_base import FairnessBase
from tests.properties.fairness_model import audit_rows, store_text
from zhaocai.bidding.rules.commitments import commitment_digest, sheet_digest


def _rows(engine: Any, sql: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)))


class CommitmentChecks(FairnessBase):
    """I74 no points before every commitment, I75 every counted sheet opens its commitment, I76 a
    tampered reveal is refused."""

    @invariant()
    def i74_no_points_before_every_member_committed(self) -> None:
        if self.evaluation is None or self.unchanged_since_checked("i74"):
            return
        sitting = {(t, m) for t, m in _rows(self.engine, "SELECT tender_id, member_id FROM evaluation_member "
                                                         "WHERE active")}
        committed = {(t, lot, m): state for t, lot, m, state in _rows(
            self.engine, "SELECT tender_id, lot_id, member_id, state FROM evaluation_commitment")}
        scored = {(t, lot, m) for t, lot, m in _rows(
            self.engine, "SELECT DISTINCT tender_id, lot_id, member_id FROM evaluation_score")}
        for t, lot, m in scored:
            members = {x for tt, x in sitting if tt == t}
            waiting = [x for x in members if (t, lot, x) not in committed]
            assert not waiting, f"I74: points of {t}/{lot} stored while {len(waiting)} member(s) have not committed"
            assert committed.get((t, lot, m)) == "revealed", f"I74: points of {m} on {t}/{lot} before its reveal"
        # the marker (`marked_sheet`) of every sheet committed and not revealed
        hidden = [kept.sheet[min(kept.sheet)]["T1"] for model in self.tenders
                  for member_id, kept in model.commitments.items()
                  if member_id not in model.revealed and kept.sheet]
        if hidden:
            dump = store_text(self.engine, self.tables)
            for marker in hidden:
                found = re.search(rf"(?<![0-9a-fA-F.]){re.escape(marker)}(?![0-9a-fA-F])", dump)
                assert found is None, f"I74: the point {marker} of an unrevealed sheet is in the store"

    @invariant()
    def i75_every_counted_sheet_opens_its_commitment(self) -> None:
        if self.evaluation is None or self.unchanged_since_checked("i75"):
            return
        points: dict[tuple[str, str, str], dict[str, dict[str, int]]] = {}
        for t, lot, bid, cid, m, value in _rows(self.engine, "SELECT tender_id, lot_id, bid_id, criterion_id, "
                                                             "member_id, points_centi FROM evaluation_score"):
            points.setdefault((t, lot, m), {}).setdefault(bid, {})[cid] = int(value)
        commitments = {(t, lot, m): (digest, nonce) for t, lot, m, digest, nonce in _rows(
            self.engine, "SELECT tender_id, lot_id, member_id, digest, nonce FROM evaluation_commitment")}
        sheets = {(t, lot, m): digest for t, lot, m, digest in _rows(
            self.engine, "SELECT tender_id, lot_id, member_id, digest FROM evaluation_sheet")}
        chain: dict[str, set[tuple[str, str, str, str]]] = {"evaluation.score_commit": set(),
                                                            "evaluation.score_sheet": set()}
        for e in audit_rows(self.engine):
            if e["action"] in chain:
                c = e["change"]
                chain[e["action"]].add((c["tender_id"], c["lot_id"], c["member_id"],
                                        c["commitment"] if e["action"] == "evaluation.score_commit" else c["digest"]))
        assert set(points) == set(sheets), "I75: points without a revealed sheet, or a sheet without points"
        for key, digest in sheets.items():
            commitment, nonce = commitments[key]
            assert nonce is not None and commitment_digest(*key, points[key], nonce) == commitment, \
                f"I75: the counted sheet of {key} does not open its commitment"
            assert digest == sheet_digest(points[key]), f"I75: the sheet digest of {key} is not its points'"
            assert (*key, digest) in chain["evaluation.score_sheet"], f"I75: {key}'s sheet digest not in the chain"
        for key, (commitment, _) in commitments.items():
            assert (*key, commitment) in chain["evaluation.score_commit"], f"I75: {key}'s commitment not in the chain"

    @invariant()
    def i76_a_tampered_reveal_is_refused(self) -> None:
        self.raise_flagged("i76")

