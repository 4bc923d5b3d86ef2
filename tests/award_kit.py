"""Shared helpers of the evaluation/award tests (no tests here): experts, opened tenders, members."""

from __future__ import annotations

import itertools
from datetime import UTC, timedelta
from decimal import Decimal
from typing import Any

from factories import register_admitted_supplier, supplier_actor
from test_tender_kit import CUSTODIANS
from zhaocai.actors import Actor, Role
from zhaocai.bidding.rules import draw_key, draw_seed
from zhaocai.bidding.views import Publication
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

COMPREHENSIVE = {
    "method": "comprehensive_scoring",
    "weights": {"price": "40", "technical": "40", "commercial": "20"},
    "criteria": [{"name": "T1", "part": "technical", "weight": "25"},
                 {"name": "T2", "part": "technical", "weight": "15"},
                 {"name": "C1", "part": "commercial", "weight": "20"}],
}
CRITERIA = {"T1": 25, "T2": 15, "C1": 20}
LOTS = [{"id": "L1", "title": "HRB400E rebar", "items": [{"name": "rebar", "quantity": "300", "unit": "t"}]},
        {"id": "L2", "title": "wire rod", "items": [{"name": "wire rod", "quantity": "120", "unit": "t"}]}]
_NUMBERS = itertools.count(1)


def expert_actor(expert_id: str, name: str | None = None) -> Actor:
    """An expert's actor (the expert id is the actor id)."""
    return Actor(id=expert_id, name=name or f"专家 {expert_id}", organisation="专家库",
                 roles=frozenset({Role.EXPERT}))


def add_pool(platform: Platform, actors: dict[str, Actor], count: int, *,
             category: str = "materials", **extra: Any) -> list[str]:
    """Add `count` clean experts in `category`; return their ids."""
    ids = []
    for _ in range(count):
        n = next(_NUMBERS)
        view = platform.evaluation.add_expert(actors["admin"], {
            "id": f"e-{n:04d}", "name": f"专家{n}", "identity_number": f"3307821970{n:08d}",
            "specialties": [category], **extra})
        ids.append(view.id)
    return ids


def admitted(platform: Platform, actors: dict[str, Actor], count: int,
             category: Category = Category.MATERIALS) -> list[str]:
    """Admit `count` suppliers; return their ids."""
    return [register_admitted_supplier(platform, actors, name=f"评标供应商{next(_NUMBERS)}号有限公司",
                                       categories=(category,), ceiling="5000000") for _ in range(count)]


def opened_tender(platform: Platform, actors: dict[str, Actor], clock: ManualClock,
                  suppliers: list[str], prices: list[tuple[str, str]], *,
                  evaluation: dict[str, Any] | None = None, bid_security: str = "0.00",
                  lots: list[dict[str, Any]] | None = None, **overrides: Any) -> Publication:
    """Publish an open tender, have each supplier bid (L1, L2 prices), pass the deadline, open."""
    lots = lots or LOTS
    draft = {
        "title": "Steel for the medical park", "buyer": "浙江津义建设", "category": "materials",
        "method": "open_tender", "lots": lots, "estimate": "2000000.00", "ceiling_price": "2100000.00",
        "bid_security": bid_security, "deadline": clock.now() + timedelta(days=21),
        "custodians": CUSTODIANS, "threshold": 2, "evaluation": evaluation or COMPREHENSIVE,
        **overrides,
    }
    view = platform.tenders.create_draft(actors["purchasing"], draft)
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    for supplier_id, (l1, l2) in zip(suppliers, prices, strict=True):
        lot_prices = [{"lot": "L1", "price": l1}, {"lot": "L2", "price": l2}][: len(lots)]
        platform.tenders.submit_bid(supplier_actor(supplier_id), pub.tender.id, {"lots": lot_prices})
        clock.advance(minutes=7)
    clock.set(pub.tender.deadline + timedelta(minutes=1))
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id,
                               [s.share for s in pub.shares if s.index in (1, 2)])
    return pub


def draw_order(platform: Platform, tender_id: str, clock: ManualClock, category: str = "materials") -> list[str]:
    """The order in which a draw made now would take the pool's experts."""
    record = platform.tenders.opening_records(tender_id)[-1]
    seed = draw_seed(record.digest, clock.now().astimezone(UTC).isoformat(timespec="microseconds"))
    experts = [e for e in platform.evaluation.experts(Actor(id="adm", name="adm",
                                                            roles=frozenset({Role.ADMINISTRATOR})))
               if category in e.specialties and e.active]
    return sorted((e.id for e in experts), key=lambda i: draw_key(seed, i))


def seated(platform: Platform, actors: dict[str, Actor], tender_id: str) -> list[Actor]:
    """The sitting members as actors (experts by id; representatives from `actors`)."""
    by_id = {a.id: a for a in actors.values()}
    view = platform.evaluation.committee(actors["purchasing"], tender_id)
    return [by_id.get(m.member_id or "") or expert_actor(m.member_id or "")
            for m in view.members if m.active]


def declare_all(platform: Platform, members: list[Actor], tender_id: str) -> None:
    """Every member signs the no-conflict declaration."""
    for member in members:
        platform.evaluation.declare(member, tender_id)


def sheet(bids: list[str], seed: int) -> dict[str, dict[str, str]]:
    """A plausible score sheet: points vary with the seed and the bid's position."""
    return {bid: {cid: str(Decimal(max(0, top - (seed * 3 + i * 5 + k) % (top // 2 + 1))))
                  for k, (cid, top) in enumerate(CRITERIA.items())}
            for i, bid in enumerate(sorted(bids))}


def compliant_bids(platform: Platform, actors: dict[str, Actor], tender_id: str, lot_id: str) -> list[str]:
    """The compliant bid ids of a lot."""
    view = platform.evaluation.compliance(actors["purchasing"], tender_id)
    lot = next(lot for lot in view.lots if lot.lot_id == lot_id)
    return sorted(e.bid_id for e in lot.entries if e.compliant)


STAGES = ("opened", "drawn", "declared", "checked", "scored", "publicised", "awarded")
ONE_LOT = LOTS[:1]


def staged(platform: Platform, actors: dict[str, Actor], clock: ManualClock, upto: str, *,
           abnormal: bool = False, evaluation: dict[str, Any] | None = None,
           pool: int = 6) -> dict[str, Any]:
    """A one-lot tender of four bids taken up to stage `upto` (see `STAGES`)."""
    goal = STAGES.index(upto)
    suppliers = admitted(platform, actors, 4)
    add_pool(platform, actors, pool)
    low = "800000.00" if abnormal else "1530000.00"
    prices = [("1500000.00", ""), ("1520000.00", ""), ("1480000.00", ""), (low, "")]
    pub = opened_tender(platform, actors, clock, suppliers, prices, lots=ONE_LOT, evaluation=evaluation)
    tid = pub.tender.id
    state: dict[str, Any] = {"tender_id": tid, "suppliers": suppliers, "members": [], "pub": pub}
    ev = platform.evaluation
    if goal >= 1:
        ev.draw_committee(actors["purchasing"], tid)
        state["members"] = seated(platform, actors, tid)
    if goal >= 2:
        declare_all(platform, state["members"], tid)
    if goal >= 3:
        ev.check_compliance(state["members"][0], tid)
    if goal >= 4:
        if abnormal:
            flagged = [e for e in ev.compliance(actors["purchasing"], tid).lots[0].entries if e.abnormal]
            for entry in flagged:
                ev.decide_abnormal(state["members"][0], tid, {
                    "lot_id": "L1", "bid_id": entry.bid_id, "decision": "explanation_accepted",
                    "explanation": "成本说明"})
        if (evaluation or COMPREHENSIVE)["method"] == "comprehensive_scoring":
            bids = compliant_bids(platform, actors, tid, "L1")
            for i, member in enumerate(state["members"]):
                ev.submit_scores(member, tid, "L1", sheet(bids, i))
    if goal >= 5:
        state["report"] = ev.compile_report(state["members"][0], tid)
    if goal >= 6:
        clock.set(state["report"].publicity_ends)
        state["award"] = ev.award(actors["purchasing"], tid)
    return state
