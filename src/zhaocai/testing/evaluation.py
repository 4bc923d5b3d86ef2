"""Evaluation pieces: the scoring rules tests use, plausible score sheets, committing to and
revealing them (commit, then reveal), the compliant bids of a lot, every member's declaration, and
the order a committee draw would take the pool."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from decimal import Decimal
from typing import Any

from zhaocai.actors import Actor, Role
from zhaocai.bidding.evaluating.commitment import SheetCommitment, commit_sheet
from zhaocai.bidding.evaluating.views import SheetReceipt
from zhaocai.bidding.rules import draw_key, draw_seed
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

COMPREHENSIVE: dict[str, Any] = {
    "method": "comprehensive_scoring",
    "weights": {"price": "40", "technical": "40", "commercial": "20"},
    "criteria": [{"name": "T1", "part": "technical", "weight": "25"},
                 {"name": "T2", "part": "technical", "weight": "15"},
                 {"name": "C1", "part": "commercial", "weight": "20"}],
}
"""Comprehensive scoring (综合评估法): price 40, technical 40 (T1 25, T2 15), commercial 20 (C1)."""
CRITERIA = {"T1": 25, "T2": 15, "C1": 20}
LOWEST: dict[str, Any] = {"method": "lowest_evaluated_price"}
"""The lowest evaluated price (经评审的最低投标价法)."""


def sheet(bids: list[str], seed: int) -> dict[str, dict[str, str]]:
    """A plausible score sheet: points vary with the seed and the bid's position."""
    return {bid: {cid: str(Decimal(max(0, top - (seed * 3 + i * 5 + k) % (top // 2 + 1))))
                  for k, (cid, top) in enumerate(CRITERIA.items())}
            for i, bid in enumerate(sorted(bids))}


def commit(platform: Platform, member: Actor, tender_id: str, lot_id: str,
           points: Mapping[str, Mapping[str, Any]]) -> SheetCommitment:
    """The member commits to `points` (as a member's own client would: `commit_sheet`, then only
    the digest to the platform); the commitment, to reveal later."""
    kept = commit_sheet(points, tender_id=tender_id, lot_id=lot_id, member_id=member.id)
    platform.evaluation.commit_scores(member, tender_id, lot_id, kept.digest)
    return kept


def reveal(platform: Platform, member: Actor, kept: SheetCommitment) -> SheetReceipt:
    """The member reveals the sheet committed to, with its nonce."""
    return platform.evaluation.reveal_scores(member, kept.tender_id, kept.lot_id, kept.sheet, kept.nonce)


def score_all(platform: Platform, members: list[Actor], tender_id: str, lot_id: str,
              sheets: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> None:
    """Every member commits to their sheet (member id → sheet), then every member reveals it."""
    kept = {m.id: commit(platform, m, tender_id, lot_id, sheets[m.id]) for m in members}
    for m in members:
        reveal(platform, m, kept[m.id])


def compliant_bids(platform: Platform, actors: dict[str, Actor], tender_id: str, lot_id: str) -> list[str]:
    """The compliant bid ids of a lot."""
    view = platform.evaluation.compliance(actors["purchasing"], tender_id)
    lot = next(lot for lot in view.lots if lot.lot_id == lot_id)
    return sorted(e.bid_id for e in lot.entries if e.compliant)


def declare_all(platform: Platform, members: list[Actor], tender_id: str) -> None:
    """Every member signs the no-conflict declaration."""
    for member in members:
        platform.evaluation.declare(member, tender_id)


def draw_order(platform: Platform, tender_id: str, clock: ManualClock,
               category: str = "materials") -> list[str]:
    """The order in which a draw made now would take the pool's experts."""
    record = platform.tenders.opening_records(tender_id)[-1]
    seed = draw_seed(record.digest, clock.now().astimezone(UTC).isoformat(timespec="microseconds"))
    experts = [e for e in platform.evaluation.experts(Actor(id="adm", name="adm",
                                                            roles=frozenset({Role.ADMINISTRATOR})))
               if category in e.specialties and e.active]
    return sorted((e.id for e in experts), key=lambda i: draw_key(seed, i))
