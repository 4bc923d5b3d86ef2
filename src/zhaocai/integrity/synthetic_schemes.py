"""The planted schemes of the synthetic generator (`synthetic`): each builds one rigged tender.

Rings and related pairs are created before the tenders; each scheme's tender records the
suppliers it touched, for the ground truth.
"""

from __future__ import annotations

import hashlib
import math
import random
from datetime import datetime, timedelta
from decimal import Decimal

from zhaocai.integrity.facts import TenderFacts
from zhaocai.integrity.synthetic_builder import CATEGORIES, STREETS, Builder
from zhaocai.integrity.synthetic_variants import VariantSchemes


class Schemes(VariantSchemes):
    """The planted schemes; rings and related pairs are created before the tenders."""

    def __init__(self, b: Builder, slots: dict[str, list[int]], tenders: dict[str, set[str]],
                 suppliers: dict[str, set[str]]) -> None:
        self.b, self.tenders, self.suppliers = b, tenders, suppliers
        rng = b.rng
        # Cover bidding: rings of a boss and four cover firms, about eight tenders per ring.
        self.cover_rings = _cover_rings(b, max(1, math.ceil(len(slots["cover_bidding"]) / 8)))
        self.rotation = _rotation_rings(b, slots["bid_rotation"])
        # Related bidders: pairs that share one link, each pair bidding in about two tenders.
        self.pairs = _related_pairs(b, max(1, math.ceil(len(slots["related_bidders"]) / 2)))
        self.pair_turn = 0
        # Open ring: five members who bid only in the ring's tenders.
        self.open_ring_category = rng.choice(CATEGORIES)
        self.ring_members = ([b.new_supplier(self.open_ring_category, pool=False) for _ in range(5)]
                          if slots.get("open_ring") else [])
        self.open_ring_turn = 0
        # Allocation: three pool members of one category, each owning two buyers.
        self.allocation_category = rng.choice(CATEGORIES)
        self.allocators = ([b.new_supplier(self.allocation_category) for _ in range(3)]
                           if slots.get("allocation") else [])
        self.territory = {f"项目部-{k + 1:02d}": k % 3 for k in range(6)}
        self.setup_variants(slots)

    def build(self, scheme: str, index: int) -> TenderFacts:
        """The tender `index` of `scheme`, recorded in the truth."""
        tender: TenderFacts = getattr(self, scheme)(index)
        self.tenders[scheme].add(tender.id)
        return tender

    def cover_bidding(self, index: int) -> TenderFacts:
        """A ring's boss wins; the covers carry one or two Reg 40 traces of the boss."""
        b, rng = self.b, self.b.rng
        category, ring = self.cover_rings[index % len(self.cover_rings)]
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=category)
        boss, covers = ring[0], rng.sample(ring[1:], rng.randint(2, 4))
        traces = rng.sample(["author", "agent", "pm", "account", "progression"], rng.randint(1, 2))
        if tender["bid_security"] is None and "account" in traces:
            traces.remove("account")
            traces.append("author")
        boss_staff = b.staff[boss]
        boss_price = int(int(tender["estimate"]) * rng.uniform(0.88, 0.97))  # type: ignore[call-overload]
        prices = _cover_prices(rng, boss_price, len(covers), "progression" in traces)
        bids = [b.bid(tender, boss, boss_price, author=boss_staff.authors[0])]
        for cover, price in zip(covers, prices, strict=True):
            bids.append(b.bid(
                tender, cover, price,
                author=boss_staff.authors[0] if "author" in traces else b.staff[cover].authors[0],
                agent=(boss_staff.agent or f"代理人{boss}") if "agent" in traces else None,
                manager=boss_staff.managers[0] if "pm" in traces else None,
                account=boss_staff.account if "account" in traces else None))
        self.suppliers["cover_bidding"].update([boss, *covers])
        return b.finish(tender, bids, winner=boss)

    def bid_rotation(self, index: int) -> TenderFacts:
        """Four firms bid together and take turns to win."""
        b, rng = self.b, self.b.rng
        category, ring, turn = self.rotation[index]
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=category)
        winner = ring[turn % len(ring)]
        low = int(int(tender["estimate"]) * rng.uniform(0.90, 0.99))  # type: ignore[call-overload]
        bids = [b.bid(tender, s, low if s == winner else int(low * rng.uniform(1.01, 1.06)))
                for s in ring]
        self.suppliers["bid_rotation"].update(ring)
        return b.finish(tender, bids, winner=winner)

    def identical_prices(self, index: int) -> TenderFacts:
        """A favoured bidder copies the lowest competitor's price exactly."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]))
        honest, favoured = _draw(rng, b.pools[str(tender["category"])], rng.randint(3, 6))
        bids = [b.bid(tender, s, b.honest_price(tender)) for s in honest]
        lowest = min(bids, key=lambda x: (x.price or 0, x.id))
        assert lowest.price is not None
        bids.append(b.bid(tender, favoured, int(lowest.price)))
        self.suppliers["identical_prices"].update([lowest.supplier_id, favoured])
        return b.finish(tender, bids, winner=favoured)

    def related_bidders(self, index: int) -> TenderFacts:
        """Two suppliers sharing a link bid in the same tender."""
        b, rng = self.b, self.b.rng
        category, pair = self.pairs[self.pair_turn % len(self.pairs)]
        self.pair_turn += 1
        tender = b.skeleton(index, category=category)
        others = rng.sample(b.pools[category], rng.randint(1, 4))
        bids = [b.bid(tender, s, b.honest_price(tender)) for s in [*pair, *others]]
        self.suppliers["related_bidders"].update(pair)
        return b.finish(tender, bids)

    def shortened_period(self, index: int) -> TenderFacts:
        """An open tender whose bid period is cut to 3–12 days."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, method="open")
        published = tender["published_at"]
        assert isinstance(published, datetime)
        tender["deadline"] = (published + timedelta(days=rng.randint(4, 12))).replace(hour=9, minute=30)
        bids = [b.bid(tender, s, b.honest_price(tender))
                for s in rng.sample(b.pools[str(tender["category"])], rng.randint(3, 6))]
        result = b.finish(tender, bids)
        if result.winner_supplier_id:
            self.suppliers["shortened_period"].add(result.winner_supplier_id)
        return result

    def open_ring(self, index: int) -> TenderFacts:
        """A ring of five takes turns with a changing line-up and an honest outsider."""
        b, rng = self.b, self.b.rng
        category, ring = self.open_ring_category, self.ring_members
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=category)
        due = ring[self.open_ring_turn % len(ring)]
        self.open_ring_turn += 1
        others = rng.sample([m for m in ring if m != due], rng.randint(2, 3))
        low = int(int(tender["estimate"]) * rng.uniform(0.92, 0.99))  # type: ignore[call-overload]
        cover = rng.uniform(1.02, 1.05)
        bids = [b.bid(tender, due, low)]
        bids += [b.bid(tender, s, int(low * cover * rng.uniform(0.99, 1.01))) for s in others]
        if rng.random() < 0.5:
            outsider = rng.choice([s for s in b.pools[category] if s not in ring])
            price = max(int(low * rng.uniform(1.01, 1.1)), b.honest_price(tender))
            bids.append(b.bid(tender, outsider, price))
        self.suppliers["open_ring"].update([due, *others])
        return b.finish(tender, bids, winner=due)

    def allocation(self, index: int) -> TenderFacts:
        """Three firms split six buyers; the others cover the owner at its buyers."""
        b, rng = self.b, self.b.rng
        category = self.allocation_category
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=category)
        buyer = rng.choice(sorted(self.territory))
        tender["buyer"] = buyer
        owner = self.allocators[self.territory[buyer]]
        price = int(int(tender["estimate"]) * rng.uniform(0.84, 0.92))  # type: ignore[call-overload]
        bids = [b.bid(tender, owner, price)]
        bids += [b.bid(tender, s, int(price * rng.uniform(1.04, 1.10)))
                 for s in self.allocators if s != owner and rng.random() < 0.6]
        honest = [s for s in b.pools[category] if s not in self.allocators]
        bids += [b.bid(tender, s, b.honest_price(tender)) for s in rng.sample(honest, rng.randint(1, 2))]
        self.suppliers["allocation"].update(self.allocators)
        return b.finish(tender, bids)

    def insider_late_bid(self, index: int) -> TenderFacts:
        """The winner's bid arrives after the deadline, just under the lowest price."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]))
        deadline = tender["deadline"]
        assert isinstance(deadline, datetime)
        honest, insider = _draw(rng, b.pools[str(tender["category"])], rng.randint(3, 6))
        bids = [b.bid(tender, s, b.honest_price(tender)) for s in honest]
        lowest = min(x.price for x in bids if x.price is not None)
        late = deadline + timedelta(minutes=rng.randint(10, 36 * 60))
        bids.append(b.bid(tender, insider, int(lowest * Decimal(str(round(rng.uniform(0.990, 0.998), 3)))),
                          received_at=late))
        self.suppliers["insider_late_bid"].add(insider)
        return b.finish(tender, bids, winner=insider)


def _draw(rng: random.Random, pool: list[str], count: int) -> tuple[list[str], str]:
    chosen = rng.sample(pool, count + 1)
    return chosen[:-1], chosen[-1]


def _cover_rings(b: Builder, rings: int) -> list[tuple[str, list[str]]]:
    """`rings` cover rings: a category and five pool firms (the boss first)."""
    found = []
    for _ in range(rings):
        category = b.rng.choice(CATEGORIES)
        found.append((category, [b.new_supplier(category) for _ in range(5)]))
    return found


def _rotation_rings(b: Builder, indices: list[int]) -> dict[int, tuple[str, list[str], int]]:
    """Rings of four for the rotation tenders `indices`, six to eight tenders each, one category
    per ring: each tender's category, ring and turn."""
    rotation: dict[int, tuple[str, list[str], int]] = {}
    position = 0
    while position < len(indices):
        size = b.rng.randint(6, 8)
        if len(indices) - position - size < 3:
            size = len(indices) - position
        category = b.rng.choice(CATEGORIES)
        ring = [b.new_supplier(category) for _ in range(4)]
        for turn, index in enumerate(indices[position:position + size]):
            rotation[index] = (category, ring, turn)
        position += size
    return rotation


def _related_pairs(b: Builder, pairs: int) -> list[tuple[str, list[str]]]:
    """`pairs` pairs of suppliers outside the pools that share one link (a legal
    representative, a related person, a phone, an email or an address)."""
    rng = b.rng
    found = []
    for k in range(pairs):
        category = rng.choice(CATEGORIES)
        kind = rng.choice(["legal_representative", "related_person", "phone", "email", "address"])
        value = {"legal_representative": f"LR-shared-{b.seed}-{k}",
                 "related_person": hashlib.sha256(f"rel/{b.seed}/{k}".encode()).hexdigest()[:16],
                 "phone": f"0579-6{k:07d}", "email": f"office{k}@shared-{k}.cn",
                 "address": f"浙江省义乌市{rng.choice(STREETS)}{900 + k}号{k}幢"}[kind]
        found.append((category, [b.new_supplier(category, pool=False, **{kind: value})
                                 for _ in range(2)]))
    return found


def _cover_prices(rng: random.Random, boss_price: int, covers: int, progression: bool) -> list[int]:
    """The covers' prices above the boss's: a regular progression (arithmetic or geometric) when
    that is the trace, else scattered 2–12 % above."""
    if progression:
        step = rng.uniform(0.012, 0.04)
        if rng.random() < 0.5:
            delta = int(boss_price * step)
            return [boss_price + delta * (k + 1) for k in range(covers)]
        return [round(boss_price * (1 + step) ** (k + 1)) for k in range(covers)]
    return [int(boss_price * rng.uniform(1.02, 1.12)) for _ in range(covers)]
