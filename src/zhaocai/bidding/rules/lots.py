"""A lot's outcome at evaluation: it fails (流标) when fewer compliant bids remain than the
profile's minimum (Law 28, Reg 44). The guard of the lot machine's `recount`."""

from __future__ import annotations

from typing import Any


def falls_short(model: Any, min_valid_bids: int = 0, **_: Any) -> bool:
    """Whether the lot (`model.compliant` bids left) has fewer compliant bids than needed."""
    return int(model.compliant) < min_valid_bids


def shortfall_reason(compliant: int, min_valid_bids: int) -> str:
    """Why a lot failed for too few compliant bids, in English and Chinese."""
    return (f"{compliant} compliant bids, {min_valid_bids} needed (Law 28, Reg 44) / "
            f"有效投标 {compliant} 家，不足 {min_valid_bids} 家")
