"""Each Cardinal indicator, called by its own name on Cardinal's fixture, flags what the fixture
expects and reports the numbers that made it fire (the evidence docs/integrity.md describes),
under zhaocai's defaults and under Cardinal's settings for that fixture."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from zhaocai.integrity import FlagSettings, cardinal
from zhaocai.integrity.conformance import cardinal_settings
from zhaocai.integrity.ocds_read import import_ocds

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "cardinal"
ONE = D(1)


def _period(method: str, threshold: int, rule: str) -> dict[str, Any]:
    # Every R003 fixture tender: published 1 Jan 18:00, deadline 16 Jan 17:59:59: 14 whole days.
    return {"published_at": datetime(2000, 1, 1, 18, 0, tzinfo=UTC),
            "deadline": datetime(2000, 1, 16, 17, 59, 59, tzinfo=UTC), "method": method,
            "period_days": 14, "threshold_days": threshold, "rule": rule, "value": ONE}


def _tied(tender: str) -> tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    return (tender, ("D", "V"), (f"{tender}/bids/1", f"{tender}/bids/2"),
            {"identical_prices": [ONE], "bids_per_price": [2], "value": ONE})


def _lowest_out(tender: str, lowest: int, valid: int) -> tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    return (tender, (), (f"{tender}/bids/1",),
            {"lowest_price": D(lowest), "lowest_valid_price": D(valid), "reasons": [""], "value": ONE})


def _all_but_winner(tender: str, others: tuple[str, ...], bids: int) -> tuple[str, tuple[str, ...], tuple[str, ...],
                                                                              dict[str, Any]]:
    return (tender, (*others, "V"), tuple(f"{tender}/bids/{i}" for i in range(1, bids + 1)),
            {"disqualified_tenderers": len(others), "threshold": 1, "winner": "V", "reasons": [""],
             "value": D(len(others))})


R035 = [_all_but_winner("F1", ("D",), 1), _all_but_winner("F2", ("D", "E"), 2),
        _all_but_winner("repeat", ("D",), 2), _all_but_winner("accept", ("D",), 1)]
HALF = D("0.5000")
R038_RATIOS = {"ratio": HALF, "upper_fence": HALF, "q1": HALF, "q3": HALF, "value": D("0.5")}
R025_F = {"valid_bids": 10, "wins": 2, "ratio": D("0.2000"), "upper_fence_bids": D("1.0000"),
          "lower_fence_ratio": D("0.8333"), "value": D("0.2")}

# (fixture, indicator function, expected under zhaocai's defaults, expected under Cardinal's settings);
# each expected flag: (tender, buyer or supplier id, suppliers, bids, evidence).
CASES: list[tuple[str, str, list[Any], list[Any]]] = [
    ("R003", "r003_short_submission_period",
     [("open", (), (), _period("open", 20, "Law 24")), ("selective", (), (), _period("selective", 20, "Law 24")),
      ("limited", (), (), _period("limited", 15, "Cardinal R003")),
      ("missing", (), (), _period("unknown", 15, "Cardinal R003"))],
     [(m, (), (), _period("unknown" if m == "missing" else m, 15, "Cardinal R003"))
      for m in ("open", "selective", "limited", "direct", "missing")]),
    ("R018", "r018_single_bid",
     [(m, (), (), {"tenderers": 1, "method": m, "value": ONE}) for m in ("open", "selective")],
     [(m, (), (), {"tenderers": 1, "method": m, "value": ONE}) for m in ("open", "selective")]),
    ("R028", "r028_identical_bid_prices",
     [_tied(t) for t in ("F", "cancelled tender", "no price comparison", "exclude procurement method details")],
     [_tied(t) for t in ("F", "cancelled tender", "exclude procurement method details")]),
    ("R030", "r030_late_bid_won",
     # Received 1 April at midnight, 17 days (24 480 minutes) after the deadline of 15 March.
     [("F", ("W",), ("F/bids/1",), {"deadline": datetime(2000, 3, 15, tzinfo=UTC),
                                    "received_at": datetime(2000, 4, 1, tzinfo=UTC),
                                    "minutes_late": 17 * 24 * 60, "value": ONE})],
     None),
    ("R035", "r035_all_except_winner_disqualified", R035, R035),
    ("R036", "r036_lowest_bid_disqualified",
     [_lowest_out("F", 1, 2), _lowest_out("invited", 10, 20), _lowest_out("withdrawn", 10, 20),
      _lowest_out("no price comparison", 1, 2), _lowest_out("exclude procurement method details", 1, 2)],
     # Cardinal: at equal prices the first bid in the data decides ("equal").
     [_lowest_out("F", 1, 2), _lowest_out("invited", 10, 20), _lowest_out("withdrawn", 10, 20),
      _lowest_out("equal", 1, 1), _lowest_out("exclude procurement method details", 1, 2)]),
    ("R025", "r025_excessive_unsuccessful_bids",
     [("F", ("F",), (), R025_F)],
     [("F", ("F",), (), R025_F),
      ("N", ("N",), (), {**R025_F, "valid_bids": 1, "wins": 0, "ratio": D("0.0000"), "value": D(0)})]),
    ("R038", "r038_excessive_disqualified_bids",
     [("B", (), (), {"role": "buyer", "disqualified_bids": 2, "submitted_bids": 4, **R038_RATIOS}),
      ("P", (), (), {"role": "procuring_entity", "disqualified_bids": 2, "submitted_bids": 4, **R038_RATIOS})],
     None),
    ("R038-tenderer", "r038_excessive_disqualified_bids",
     [("D", ("D",), (), {"disqualified_bids": 1, "submitted_bids": 2, **R038_RATIOS})], None),
    ("R048-minimum_contracting_processes-1", "r048_heterogeneous_supplier",
     [("F", ("F",), (), {"variety": 2, "categories": ["10", "11"], "outside_usual_categories": [],
                         "upper_fence": 2, "q1": D("1.0000"), "q3": D("1.3333"), "value": D(2)})], None),
]


def _fixture_settings(name: str) -> FlagSettings:
    """Cardinal's settings the fixture's name sets (as cardinal-rs's build.rs reads it)."""
    code, *rest = name.replace("+", "|").split("-")
    indicators: dict[str, Any] = {code: {}}
    if len(rest) == 2:
        indicators = {code: {rest[0]: int(rest[1]) if rest[1].isdigit() else rest[1]}}
    return cardinal_settings(indicators, no_price_comparison_procurement_methods="NPC",
                             excluded_procurement_method_details="EXC")


def _flags(name: str, function: str, settings: FlagSettings) -> list[tuple[Any, ...]]:
    found = import_ocds(FIXTURES / f"{name}.jsonl")
    fn = getattr(cardinal, function)
    flags = fn(found.tenders, found.suppliers, settings) if function.startswith("r048") else fn(found.tenders, settings)
    code = name.split("-")[0]
    assert all(f.code == code for f in flags)
    return [((f.tender_ids[0] if f.subject == "tender" else f.buyer or f.supplier_ids[0]),
             f.supplier_ids, f.bid_ids, dict(f.evidence)) for f in flags]


@pytest.mark.parametrize("name,function,zhaocai,cardinal_mode", CASES, ids=[c[0] for c in CASES])
def test_each_indicator_reports_its_evidence(name: str, function: str, zhaocai: list[Any],
                                            cardinal_mode: list[Any] | None) -> None:
    assert _flags(name, function, FlagSettings(fence_min_values=1)) == zhaocai
    assert _flags(name, function, _fixture_settings(name)) == (zhaocai if cardinal_mode is None else cardinal_mode)


def test_r025_takes_the_percentile_of_the_bid_counts() -> None:
    found = import_ocds(FIXTURES / "R025.jsonl")
    # At the 100th percentile only the tenderer with the most bids reaches it, and only inclusively.
    strict = FlagSettings(fence_min_values=1, r025_percentile=100)
    assert cardinal.r025_excessive_unsuccessful_bids(found.tenders, strict) == []
    inclusive = _fixture_settings("R025").model_copy(update={"r025_percentile": 100})
    assert [f.supplier_ids for f in cardinal.r025_excessive_unsuccessful_bids(found.tenders, inclusive)] == [("F",)]
