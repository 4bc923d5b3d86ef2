"""R025 (a top tenderer wins an unusually small share of its bids): its guard, its percentile and
its fence, on Cardinal's R025 fixture (F: 2 wins of 10 valid bids; N: 0 of 1)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from zhaocai.integrity import FlagSettings, compute_flags
from zhaocai.integrity.ocds_read import import_ocds

FOUND = import_ocds(Path(__file__).parent.parent / "data" / "cardinal" / "R025.jsonl")


def r025(**settings: Any) -> dict[str, dict[str, Any]]:
    chosen = FlagSettings(codes=frozenset({"R025"}), fence_min_values=1, **settings)
    return {f.supplier_ids[0]: dict(f.evidence) for f in compute_flags(FOUND.tenders, FOUND.suppliers, chosen)}


def test_r025_evidence_by_default() -> None:
    assert r025() == {"F": {"valid_bids": 10, "wins": 2, "ratio": D("0.2000"), "upper_fence_bids": D("1.0000"),
                            "lower_fence_ratio": D("0.8333"), "value": D("0.2")}}


def test_r025_cardinal_mode_takes_the_percentile_and_fence_inclusively() -> None:
    found = r025(r025_strict=False)
    assert set(found) == {"F", "N"}
    assert (found["N"]["valid_bids"], found["N"]["wins"], found["N"]["ratio"]) == (1, 0, D("0.0000"))
    # At the 100th percentile only the tenderer with the most bids is "top", and only inclusively.
    assert set(r025(r025_strict=False, r025_percentile=100)) == {"F"}
    assert r025(r025_strict=False, r025_percentile=100)["F"]["upper_fence_bids"] == D("10.0000")
    assert r025(r025_percentile=100) == {}


@pytest.mark.parametrize("threshold,strict,flagged", [("0.5", True, {"F"}), ("0.2", True, set()),
                                                      ("0.2", False, {"F", "N"}), ("0.19", False, {"N"}),
                                                      ("0", False, set()), ("0", True, set())])
def test_r025_threshold_and_its_guard(threshold: str, strict: bool, flagged: set[str]) -> None:
    found = r025(r025_threshold=D(threshold), r025_strict=strict)
    assert set(found) == flagged
    for evidence in found.values():
        assert evidence["lower_fence_ratio"] == D(threshold).quantize(D("0.0001"))
