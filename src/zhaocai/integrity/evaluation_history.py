"""An independent evaluation history: three years of a construction company's procurement with
cartels modelled on published cases, and honest look-alikes.

It is written from descriptions of real cartel behaviour, not from the flags, and shares no code
with `synthetic` (the flags' own generator):

- the **Ticino / See-Gaster road-construction cartels** (Imhof 2017; Imhof, Karagök & Rutz
  2018): a complete cartel of firms meets before each tender, picks the winner and the covers;
  covers bid a few per cent above the designated winner and close together; prices 5–20 % above
  competitive levels. Traces in the documents are rare.
- **Japanese dango and Korean construction cases** (OECD 2009 guidelines; KFTC cases): a ring
  takes turns (rotation) across a buyer's projects; the line-up changes from tender to tender, an
  outsider sometimes joins; covers are computed from the winner's price by fixed ratios (Korean
  cases) or copied with a small change.
- **Bid suppression** (OECD 2009): regular bidders stay away when a member is due.
- **Market allocation** (OECD 2009): members split customers (here: the buyers, the project
  departments); each wins with its own and bids high, or not at all, with the others'.
- **Identical prices** from a leak; **related bidders** (sister companies sharing a legal
  representative or a phone); **insider bids** lodged in the last half hour just under the lowest
  price; **shortened periods** on open tenders for a favoured supplier.

Honest look-alikes: each buyer asks the same shortlist in its price inquiries (the same firms
meet again and again, honestly); commodity materials priced from market indices (bids only 1–2 %
apart); a specialist that is the only qualified firm for clean rooms and wins there; firms that
habitually lodge bids in the last hour; suppliers in the same office building (different rooms).

Honest tenders keep the procedural rules (Law 24's 20 days, the inquiry's 3 days), so that a
procedural flag on them is a false alarm. Everything is deterministic for a seed (`random.Random`,
test data, not a fairness draw). The shares: about 3,000 tenders, 100–130 suppliers, about 12 %
of tenders rigged.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from zhaocai.integrity.evaluation_world import BUYERS, CATEGORIES, Builder, Rings, World, price_of
from zhaocai.integrity.evaluation_world import EVALUATION_SCHEMES as EVALUATION_SCHEMES
from zhaocai.integrity.evaluation_world import LOOKALIKES as LOOKALIKES
from zhaocai.integrity.facts import BidFacts, SupplierFacts, TenderFacts


@dataclass(frozen=True, slots=True)
class EvaluationHistory:
    """Tenders, suppliers, the rigged tenders per scheme, the cartel members, and look-alikes."""

    seed: int
    tenders: tuple[TenderFacts, ...]
    suppliers: tuple[SupplierFacts, ...]
    rigged: dict[str, frozenset[str]] = field(hash=False)
    members: dict[str, frozenset[str]] = field(hash=False)
    lookalikes: dict[str, frozenset[str]] = field(hash=False)
    """Honest tenders of each look-alike kind (a tender may be of several kinds)."""

    @property
    def honest_tender_ids(self) -> frozenset[str]:
        """Tenders with no scheme."""
        rigged = set().union(*self.rigged.values())
        return frozenset(t.id for t in self.tenders if t.id not in rigged)


SHARES = {"cover_bidding": 70, "rotation": 70, "identical_prices": 25, "related_bidders": 30,
          "bid_suppression": 40, "market_allocation": 45, "insider_late_bid": 45,
          "shortened_period": 35}
"""Rigged tenders per scheme in a history of 3,000 (360, 12 %); scaled for other sizes."""


def _honest(b: Builder, rings: Rings, index: int) -> None:
    w, rng = b.w, b.rng
    category = rng.choices(CATEGORIES, weights=[30, 20, 20, 15, 15])[0]
    method = rng.choices(["open", "invited", "inquiry"], weights=[50, 30, 20])[0]
    frame = b.frame(index, category, method)
    noise = 0.015 if category == "materials" else 0.05
    if category == "specialist_subcontracting" and rng.random() < 0.1:
        others = rng.sample(w.market[category], rng.randint(1, 2))
        bids = [b.bid(frame, rings.specialist, b.price(frame, rings.specialist))]
        bids += [b.bid(frame, s, int(b.price(frame, s) * rng.uniform(1.15, 1.3))) for s in others]
        b.close(frame, bids)
        return
    if method == "inquiry":
        chosen = rings.shortlists[(str(frame["buyer"]), category)]
        w.lookalikes["shortlist_inquiry"].add(str(frame["id"]))
    else:
        chosen = rng.sample(w.market[category], rng.randint(3, 8) if method == "open" else rng.randint(3, 5))
    if category == "materials":
        w.lookalikes["commodity_prices"].add(str(frame["id"]))
    bids = [b.bid(frame, s, b.price(frame, s, noise)) for s in chosen]
    b.close(frame, bids)


def _covers(b: Builder, frame: dict[str, object], due: str, others: list[str], low: float,
            high: float, style: str = "spread") -> list[BidFacts]:
    rng = b.rng
    price = int(float(frame["estimate"]) * b.w.cost[due] * rng.uniform(1.0, 1.08))  # type: ignore[arg-type]
    bids = [b.bid(frame, due, price)]
    base = rng.uniform(low, high)
    for k, s in enumerate(others):
        if style == "ratio":
            factor = 1.03 + 0.02 * (sorted([due, *others]).index(s) % 4)
        elif style == "near" and k == 0:
            factor = 1 + rng.uniform(0.00005, 0.00015)
        else:
            factor = base * rng.uniform(0.985, 1.015)
        bids.append(b.bid(frame, s, int(round(price * factor, -1 if style == "ratio" else 0))))
    return bids


@dataclass(slots=True)
class _Plant:
    """A rigged tender before it is closed: its frame, its bids, and who must win."""

    frame: dict[str, object]
    bids: list[BidFacts]
    favoured: str | None = None
    scheme: str | None = None
    """The scheme it is recorded under when not the one asked (None: the one asked)."""


def _cover_bidding(b: Builder, rings: Rings, index: int) -> _Plant:
    """Ticino-style covers: the members bid a few per cent above the designated winner."""
    w, rng = b.w, b.rng
    frame = b.frame(index, "labour", rng.choice(["open", "invited"]))
    members = rng.sample(rings.cover, rng.randint(3, 5))
    bids = _covers(b, frame, members[0], members[1:], 1.04, 1.09)
    if frame["method"] == "open" and rng.random() < 0.3:
        outsider = rng.choice(w.market["labour"])
        bids.append(b.bid(frame, outsider, b.price(frame, outsider)))
    if rng.random() < 0.2:
        bids[1] = b.bid(frame, bids[1].supplier_id, price_of(bids[1]), author=f"编制人{members[0]}")
    return _Plant(frame, bids)


def _rotation(b: Builder, rings: Rings, index: int) -> _Plant:
    """A ring takes turns across three buyers' machinery tenders; covers spread, by ratio or near."""
    w, rng = b.w, b.rng
    frame = b.frame(index, "machinery", rng.choice(["open", "invited"]),
                    buyer=BUYERS[rings.turn % 3])
    due = rings.rotation[rings.turn % 5]
    rings.turn += 1
    others = rng.sample([m for m in rings.rotation if m != due], rng.randint(2, 4))
    style = rng.choices(["spread", "ratio", "near"], weights=[3, 2, 1])[0]
    bids = _covers(b, frame, due, others, 1.02, 1.10, style)
    if rng.random() < 0.4:
        outsider = rng.choice(w.market["machinery"])
        bids.append(b.bid(frame, outsider, int(b.price(frame, outsider) * rng.uniform(1.05, 1.15))))
    return _Plant(frame, bids)


def _bid_suppression(b: Builder, rings: Rings, index: int) -> _Plant:
    """The members stay away when one is due (or, now and then, all cover it: cover bidding)."""
    w, rng = b.w, b.rng
    frame = b.frame(index, "services", rng.choice(["open", "invited"]),
                    buyer=rng.choice(rings.suppression_buyers))
    due = rng.choice(rings.suppression)
    if rng.random() < 0.45:
        bids = _covers(b, frame, due, [m for m in rings.suppression if m != due], 1.03, 1.08)
        return _Plant(frame, bids, scheme="cover_bidding")
    weak = rng.sample(w.market["services"], rng.randint(1, 2))
    bids = [b.bid(frame, due, int(float(frame["estimate"]) * w.cost[due] * rng.uniform(1.0, 1.06)))]  # type: ignore[arg-type]
    bids += [b.bid(frame, s, int(b.price(frame, s) * rng.uniform(1.12, 1.25))) for s in weak]
    return _Plant(frame, bids)


def _market_allocation(b: Builder, rings: Rings, index: int) -> _Plant:
    """Each member owns some buyers; the others cover it there, outsiders bid high."""
    w, rng = b.w, b.rng
    buyer = rng.choice(sorted(rings.territory))
    owner = rings.territory[buyer]
    frame = b.frame(index, "specialist_subcontracting", rng.choice(["open", "invited"]), buyer=buyer)
    others = [m for m in rings.allocation if m != owner and rng.random() < 0.6]
    bids = _covers(b, frame, owner, others, 1.05, 1.12)
    for s in rng.sample(w.market["specialist_subcontracting"], rng.randint(1, 2)):
        bids.append(b.bid(frame, s, int(b.price(frame, s) * rng.uniform(1.02, 1.12))))
    return _Plant(frame, bids)


def _identical_prices(b: Builder, rings: Rings, index: int) -> _Plant:
    """A leak: the favoured supplier bids exactly the lowest honest price, and is awarded."""
    w, rng = b.w, b.rng
    frame = b.frame(index, rng.choice(CATEGORIES), "open")
    honest, favoured = _pick(rng, w.market[str(frame["category"])], rng.randint(3, 5))
    bids = [b.bid(frame, s, b.price(frame, s)) for s in honest]
    bids.append(b.bid(frame, favoured, min(price_of(x) for x in bids)))
    w.members["identical_prices"].add(favoured)
    return _Plant(frame, bids, favoured=favoured)


def _related_bidders(b: Builder, rings: Rings, index: int) -> _Plant:
    """Two sister companies bid in one tender, the second a few per cent above the first."""
    w, rng = b.w, b.rng
    category, pair = rings.sisters[index % len(rings.sisters)]
    frame = b.frame(index, category, rng.choice(["open", "invited"]))
    first = b.price(frame, pair[0])
    bids = [b.bid(frame, pair[0], first), b.bid(frame, pair[1], int(first * rng.uniform(1.02, 1.08)))]
    others = rng.sample(w.market[category], rng.randint(1, 3))
    bids += [b.bid(frame, s, b.price(frame, s)) for s in others]
    return _Plant(frame, bids)


def _insider_late_bid(b: Builder, rings: Rings, index: int) -> _Plant:
    """A buyer's insider lodges in the last half hour, just under the lowest price."""
    w, rng = b.w, b.rng
    buyer = rng.choice(sorted(rings.insiders))
    insider = rings.insiders[buyer]
    category = next(c for c in CATEGORIES if insider in w.market[c])
    frame = b.frame(index, category, rng.choice(["open", "invited"]), buyer=buyer)
    honest = [s for s in rng.sample(w.market[category], rng.randint(3, 5)) if s != insider]
    bids = [b.bid(frame, s, b.price(frame, s)) for s in honest]
    deadline = frame["deadline"]
    assert isinstance(deadline, datetime)
    low = min(price_of(x) for x in bids)
    bids.append(b.bid(frame, insider, int(low * rng.uniform(0.992, 0.997)),
                      at=deadline - timedelta(seconds=rng.randint(30, 1800))))
    return _Plant(frame, bids)


def _shortened_period(b: Builder, rings: Rings, index: int) -> _Plant:
    """An open tender with 5–12 days to bid (Law 24: 20) for a favoured supplier."""
    rng = b.rng
    frame = b.frame(index, rng.choice(CATEGORIES), "open", days=rng.randint(5, 12))
    chosen = rng.sample(b.w.market[str(frame["category"])], rng.randint(2, 4))
    return _Plant(frame, [b.bid(frame, s, b.price(frame, s)) for s in chosen])


_PLANTERS: dict[str, Callable[[Builder, Rings, int], _Plant]] = {
    "cover_bidding": _cover_bidding, "rotation": _rotation, "bid_suppression": _bid_suppression,
    "market_allocation": _market_allocation, "identical_prices": _identical_prices,
    "related_bidders": _related_bidders, "insider_late_bid": _insider_late_bid,
    "shortened_period": _shortened_period,
}


def _rigged(b: Builder, rings: Rings, scheme: str, index: int) -> None:
    """Plant one tender of `scheme`, close it and record it (and its members) as rigged."""
    plant = _PLANTERS[scheme](b, rings, index)
    tender = b.close(plant.frame, plant.bids, favoured=plant.favoured)
    b.w.rigged[plant.scheme or scheme].add(tender.id)
    if scheme == "shortened_period":
        b.w.members[scheme].add(str(tender.winner_supplier_id))  # whoever the short period served


def _pick(rng: random.Random, pool: list[str], count: int) -> tuple[list[str], str]:
    chosen = rng.sample(pool, count + 1)
    return chosen[:-1], chosen[-1]


def generate_evaluation_history(seed: int = 1, tenders: int = 3000) -> EvaluationHistory:
    """A deterministic evaluation history of `tenders` tenders (see the module doc)."""
    w = World(seed)
    rings = Rings(w)
    b = Builder(w, tenders)
    order = list(range(tenders))
    w.rng.shuffle(order)
    planted: dict[int, str] = {}
    taken = 0
    for scheme in EVALUATION_SCHEMES:
        n = max(1, round(SHARES[scheme] * tenders / 3000))
        for i in order[taken:taken + n]:
            planted[i] = scheme
        taken += n
    for i in range(tenders):
        if i in planted:
            _rigged(b, rings, planted[i], i)
        else:
            _honest(b, rings, i)
    honest = {t.id for t in w.tenders} - set().union(*w.rigged.values())
    for t in w.tenders:
        bidders = {x.supplier_id for x in t.bids}
        if rings.specialist in bidders:
            w.lookalikes["sole_specialist"].add(t.id)
        if bidders & w.habit_late:
            w.lookalikes["last_minute_habit"].add(t.id)
        if len(bidders & rings.building) >= 2:
            w.lookalikes["same_building"].add(t.id)
    return EvaluationHistory(
        seed=seed, tenders=tuple(w.tenders), suppliers=tuple(w.suppliers[k] for k in sorted(w.suppliers)),
        rigged={s: frozenset(v) for s, v in w.rigged.items()},
        members={s: frozenset(v) for s, v in w.members.items()},
        lookalikes={s: frozenset(v & honest) for s, v in w.lookalikes.items()})
