"""The independent evaluation history: deterministic, at scale, and measured.

The floors below are the figures measured once and reported in docs/integrity.md, rounded down:
a guard against regressions, not a target the flags were tuned to.
"""

from __future__ import annotations

from zhaocai.integrity.evaluation import evaluate
from zhaocai.integrity.evaluation_history import EVALUATION_SCHEMES, generate_evaluation_history


def test_history_is_deterministic_and_at_scale() -> None:
    first = generate_evaluation_history(1)
    assert first.tenders == generate_evaluation_history(1).tenders
    assert first.tenders != generate_evaluation_history(2).tenders
    assert len(first.tenders) == 3000 and 100 <= len(first.suppliers) <= 130
    rigged = set().union(*first.rigged.values())
    assert 0.10 <= len(rigged) / len(first.tenders) <= 0.14
    assert set(first.rigged) == set(EVALUATION_SCHEMES)
    assert all(first.lookalikes.values()) and not (set().union(*first.lookalikes.values()) & rigged)


def test_measured_figures_hold() -> None:
    h = generate_evaluation_history(1)
    risk, collusion = evaluate(h.tenders, h.suppliers, h.rigged, h.members, h.lookalikes,
                               cartel_schemes=("cover_bidding", "rotation", "bid_suppression",
                                               "market_allocation"))
    assert risk.view == "risk" and collusion.view == "collusion"
    assert risk.precision >= 0.85 and risk.recall >= 0.8 and risk.honest_rate <= 0.015
    assert risk.per_scheme["cover_bidding"][0] >= 0.9 * risk.per_scheme["cover_bidding"][1]
    assert risk.per_scheme["insider_late_bid"][0] >= 0.9 * risk.per_scheme["insider_late_bid"][1]
    assert risk.per_scheme["identical_prices"][0] == risk.per_scheme["identical_prices"][1]
    assert risk.per_scheme["related_bidders"][0] == risk.per_scheme["related_bidders"][1]
    assert risk.per_lookalike["shortlist_inquiry"][0] <= 0.01 * risk.per_lookalike["shortlist_inquiry"][1]
    assert risk.members_named >= 8
