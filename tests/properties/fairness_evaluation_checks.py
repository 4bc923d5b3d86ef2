"""The evaluation parts of the fairness invariants (`_iNN_evaluation`), run by the invariants of
fairness_invariants.py when the platform has an evaluation service.
"""

from __future__ import annotations

import math
import random
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from tests.kit import ACTORS
from tests.properties.fairness_base import FairnessBase
from tests.properties.fairness_model import MIN_VALID, TenderModel, audit_rows
from zhaocai.bidding.rules import AwardMethod, Contender, rank_lot
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import ZhaocaiError
from zhaocai.profile import DEFAULT_PROFILE


class EvaluationChecks(FairnessBase):
    """Invariants I4–I9 and I15 after opening: committee, scores, ranking, award, amounts."""

    def evaluation_checks(self, name: str) -> None:
        """Without `platform.evaluation`, no tender may get past `opened`; with it, the named
        invariant's evaluation part runs."""
        if self.evaluation is None:
            with self.platform.internal.session() as session:
                for m in self.tenders:
                    row = session.get(TenderRow, m.id)
                    assert row is not None and row.state not in (
                        "evaluating", "publicising", "awarded", "contracted"), f"{name}: evaluated without a service"
            return
        getattr(self, f"_{name}_evaluation", lambda: None)()

    def evaluated(self) -> list[TenderModel]:
        return [m for m in self.tenders if m.members]

    def _i04_evaluation(self) -> None:
        """A supplier that became ineligible before the compliance check is excluded with a reason."""
        for m in self.evaluated():
            for lot in self.evaluation.compliance(ACTORS["purchasing"], m.id).lots:
                for e in lot.entries:
                    if e.compliant and e.supplier_id in m.bids and e.rank is None and m.state == "evaluating":
                        continue
                    if not e.compliant:
                        assert e.reasons, f"I4: bid {e.bid_id} excluded without a reason"

    def _i05_evaluation(self) -> None:
        for m in self.evaluated():
            record = self.platform.tenders.opening_records(m.id)[-1]
            assert record.valid_bids >= MIN_VALID, f"I5: {m.id} evaluated with {record.valid_bids} valid bids"
            if m.state in ("awarded", "contracted"):
                report = self.evaluation.report(ACTORS["purchasing"], m.id)
                for lot in report.lots:
                    assert lot.compliant >= 1

    def _i06_evaluation(self) -> None:
        experts = {e.id: e for e in self.evaluation.experts(ACTORS["admin"])}
        for m in self.evaluated():
            view = self.evaluation.committee(ACTORS["purchasing"], m.id)
            active = [x for x in view.members if x.active]
            assert len(active) == view.size and view.size % 2 == 1 and view.size >= DEFAULT_PROFILE.committee_min_size, \
                f"I6: committee of {m.id} has {len(active)} members, size {view.size}"
            n_experts = sum(1 for x in active if x.kind == "expert")
            assert 3 * n_experts >= 2 * len(active), f"I6: {n_experts} experts of {len(active)}"
            bidders = set(m.bids)
            for x in active:
                e = experts.get(x.member_id or "")
                if e is not None:
                    assert not (set(e.relatives_at) & bidders) and e.employer_id not in bidders, \
                        f"I6: member {e.id} has an interest in a bidder of {m.id}"
                # the model's own record of interests: relative, employer and shared related person
                assert not (self.interests.get(x.member_id or "", set()) & bidders), \
                    f"I6: member {x.member_id} has an interest in a bidder of {m.id}"
            assert self.evaluation.rerun_draw(m.id).matches, f"I6: the draw of {m.id} does not rerun from its inputs"
            for r in view.recusals:
                if r.bidder_id is not None:
                    assert r.bidder_id in bidders & self.interests.get(r.expert_id, set()) and r.en and r.zh, \
                        f"I6: {r.expert_id} recused ({r.code}) for {r.bidder_id} without a recorded interest"
            if m.state in ("evaluating", "publicising"):
                hidden = self.evaluation.committee(self.suppliers[0].actor, m.id)
                assert all(x.name is None and x.member_id is None for x in hidden.members) or not hidden.members, \
                    f"I6: committee names of {m.id} visible to a bidder before the award"

    def _i07_evaluation(self) -> None:
        for m in self.evaluated():
            if not m.comprehensive or m.state != "evaluating":
                continue
            active = {a.id for a in m.members}
            if active <= m.revealed:
                continue
            for reader in (ACTORS["purchasing"], ACTORS["supervisor"], *m.members[:1]):
                try:
                    sheets = self.evaluation.score_sheets(reader, m.id, "L1")
                except ZhaocaiError:
                    continue
                raise AssertionError(f"I7: {reader.id} read {len(sheets)} sheets of {m.id} before all scored")
            counts = self.evaluation.sheets_submitted(m.id)
            assert counts.get("L1", 0) == len(m.revealed & active)
            assert self.evaluation.sheets_committed(m.id).get("L1", 0) == len(m.scored & active)

    def _i08_evaluation(self) -> None:
        for m in self.evaluated():
            if m.state not in ("publicising", "awarded", "contracted") or m.record_digest is None:
                continue
            hashes = {b.bid_id: b.envelope_hash
                      for b in self.platform.tenders.opened_bids(ACTORS["purchasing"], m.id)}
            for lot in self.evaluation.report(ACTORS["purchasing"], m.id).lots:
                ranked = [e for e in lot.entries if e.rank is not None]
                got = [e.bid_id for e in sorted(ranked, key=lambda e: e.rank or 0)]
                for seed in (3, 4):
                    shuffled = list(ranked)
                    random.Random(seed).shuffle(shuffled)
                    contenders = [Contender(bid_id=e.bid_id, content_hash=hashes[e.bid_id], total_score=e.total,
                                            evaluated_price=e.evaluated_price,
                                            technical_score=e.technical if m.comprehensive else None)
                                  for e in shuffled]
                    method = AwardMethod.COMPREHENSIVE if m.comprehensive else AwardMethod.LOWEST_EVALUATED_PRICE
                    again = rank_lot(lot.lot_id, contenders, opening_record_hash=m.record_digest, method=method)
                    assert [r.bid_id for r in again.ranked] == got, f"I8: ranking of {m.id} not reproducible"
                assert lot.candidates == got[: DEFAULT_PROFILE.max_candidates], f"I8: candidates of {m.id}"
                if m.comprehensive:
                    self.check_totals_from_sheets(m, lot, ranked)
                else:
                    prices = [e.evaluated_price for e in sorted(ranked, key=lambda e: e.rank or 0)]
                    assert prices == sorted(prices), f"I8: {m.id} is not ranked by the lowest evaluated price"

    def check_totals_from_sheets(self, m: TenderModel, lot: Any, ranked: list[Any]) -> None:
        """I8 from the raw material: every total recomputed here from the members' sheets, the
        opened prices and the frozen spec (exact fractions, half-up to the fen), and the ranking
        follows the totals."""
        spec, profile = m.frozen["evaluation"], m.frozen["profile"]
        assert spec.price_benchmark == "lowest" and spec.deduct_below_per_point == 0, "the machine publishes the default formula"
        sheets = self.evaluation.score_sheets(ACTORS["purchasing"], m.id, lot.lot_id)
        prices = {e.bid_id: Fraction(m.bids[e.supplier_id].price) for e in ranked}
        benchmark = min(prices.values())
        for e in ranked:
            deviation = (prices[e.bid_id] - benchmark) * 100 / benchmark
            total = half_up(max(Fraction(spec.weights.price) - Fraction(spec.deduct_above_per_point) * deviation,
                                Fraction(0)))
            for c in spec.criteria:
                points = sorted(Fraction(s.scores[e.bid_id][c.name]) for s in sheets)
                if len(points) >= max(3, profile.trimmed_mean_min_members):
                    points = points[1:-1]
                total += half_up(sum(points, Fraction(0)) / len(points))
            assert e.total == total, f"I8: {m.id} {e.bid_id} total {e.total}, recomputed {total}"
        totals = [e.total for e in sorted(ranked, key=lambda e: e.rank or 0)]
        assert totals == sorted(totals, reverse=True), f"I8: {m.id} is not ranked by total: {totals}"

    def _i09_evaluation(self) -> None:
        for m in self.tenders:
            if m.state not in ("awarded", "contracted"):
                continue
            assert m.publicity_ends is not None
            for notice in self.evaluation.notices(m.id).notices:
                first = m.first_candidate(notice.lot_id)
                assert m.bids[notice.supplier_id].bid_id == first, \
                    f"I9: {m.id} not awarded to the first candidate not removed by an approved reason"
            assert not m.removals, f"I9: {m.id} awarded with a removal pending approval"
            for e in audit_rows(self.engine):
                if e["action"] == "award.decide" and e["subject"] == m.id:
                    assert datetime.fromisoformat(e["at"]) >= m.publicity_ends, f"I9: {m.id} awarded during publicity"
            for o in self.evaluation.objections(ACTORS["purchasing"], m.id):
                assert o.answer is not None, f"I9: {m.id} awarded with an open objection"

    def _i15_evaluation(self) -> None:
        for m in self.tenders:
            if m.state not in ("awarded", "contracted"):
                continue
            opened = {b.bid_id: b.payload.total for b in self.platform.tenders.opened_bids(ACTORS["purchasing"], m.id)
                      if b.payload is not None}
            notices = {n.lot_id: n for n in self.evaluation.notices(m.id).notices}
            for c in self.evaluation.contracts(m.id):
                if c.status == "void":  # gave way to the next candidate by a supervisor's decision
                    continue
                n = notices[c.lot_id]
                assert c.amount == n.amount == opened[c.bid_id] == m.bids[c.supplier_id].price, \
                    f"I15: bid {opened[c.bid_id]}, award {n.amount}, contract {c.amount}"
                assert str(c.amount) == f"{m.bids[c.supplier_id].price:.2f}"


def half_up(value: Fraction) -> Decimal:
    """A non-negative exact value rounded half up to 0.01."""
    return Decimal(math.floor(value * 100 + Fraction(1, 2))) / 100
