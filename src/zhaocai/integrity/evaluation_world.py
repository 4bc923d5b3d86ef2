"""The world of the evaluation history: its firms, buyers and rings, and how a tender is built.

`World` holds the suppliers (each with a cost factor) and what has been planted; `Rings` the
cartels, sister companies, insiders and look-alike firms modelled on published cases (see
`evaluation_history`); `Builder` draws a tender's frame, its honest prices and bids, and closes
it with its winner. Deterministic for a seed (`random.Random`: test data, not a fairness draw).
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta
from decimal import Decimal

from zhaocai.clock import SHANGHAI
from zhaocai.integrity.facts import BidFacts, SupplierFacts, TenderFacts

EVALUATION_SCHEMES = ("cover_bidding", "rotation", "identical_prices", "related_bidders",
                      "bid_suppression", "market_allocation", "insider_late_bid", "shortened_period")
LOOKALIKES = ("shortlist_inquiry", "commodity_prices", "sole_specialist", "last_minute_habit",
              "same_building")
CATEGORIES = ("materials", "specialist_subcontracting", "labour", "machinery", "services")
_STREETS = ("福田路", "佛堂大道", "商城大道", "春晗路")
BUYERS = tuple(f"项目部-{k:02d}" for k in range(1, 9))
_START = datetime(2023, 1, 2, 9, 0, tzinfo=SHANGHAI)
_DAYS = 3 * 365


class World:
    """The suppliers of one history, their costs and markets, and what has been planted."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.suppliers: dict[str, SupplierFacts] = {}
        self.cost: dict[str, float] = {}
        self.habit_late: set[str] = set()
        self.market: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        self.bids = 0
        self.tenders: list[TenderFacts] = []
        self.rigged: dict[str, set[str]] = {s: set() for s in EVALUATION_SCHEMES}
        self.members: dict[str, set[str]] = {s: set() for s in EVALUATION_SCHEMES}
        self.lookalikes: dict[str, set[str]] = {s: set() for s in LOOKALIKES}

    def supplier(self, category: str, *, market: bool = True, address: str | None = None,
                 legal: str | None = None, phone: str | None = None) -> str:
        """A new supplier of `category` (in its open market unless `market` is false); returns its id."""
        rng = self.rng
        n = len(self.suppliers) + 1
        sid = f"E{n:04d}"
        token = hashlib.sha256(f"eval/{self.seed}/{sid}".encode()).hexdigest()
        self.suppliers[sid] = SupplierFacts(
            id=sid, name=f"浙江{'金华义乌东阳永康浦江'[n % 5 * 2:n % 5 * 2 + 2]}第{n}建设有限公司",
            address=address or f"浙江省义乌市{rng.choice(_STREETS)}{n * 7}号",
            phones=frozenset({phone or f"0579-85{n:06d}"}), emails=frozenset({f"tb{n}@e{n}.com.cn"}),
            legal_representative=legal or f"LR-{token[:12]}", bank_account=f"3301 0400 {n:08d}",
            related_person_hashes=frozenset({token[12:28]}), categories=frozenset({category}))
        self.cost[sid] = rng.uniform(0.92, 1.08)
        if market:
            self.market[category].append(sid)
        return sid

def price_of(bid: BidFacts) -> int:
    """The price of a bid this generator built: it always gives one, in whole yuan."""
    if bid.price is None:
        raise ValueError(f"bid {bid.id} was built without a price")
    return int(bid.price)

def _moment(rng: random.Random, published: datetime, deadline: datetime, late: bool) -> datetime:
    """When an honest bid arrives: a third on the last day, one in ten in the last hour."""
    span = (deadline - published).total_seconds()
    roll = rng.random()
    if late or roll < 0.10:
        return deadline - timedelta(seconds=rng.randint(60, 3600))
    if roll < 0.40:
        return deadline - timedelta(seconds=rng.randint(3600, 86400))
    return published + timedelta(seconds=int(span * rng.uniform(0.05, 0.9)))

class Builder:
    """Builds the tenders of one history of `count` tenders in the world `w`."""

    def __init__(self, w: World, count: int) -> None:
        self.w, self.rng, self.count = w, w.rng, count

    def frame(self, index: int, category: str, method: str, buyer: str | None = None,
              days: int | None = None) -> dict[str, object]:
        """The fields of tender `index` before its bids: dates, buyer, estimate."""
        rng = self.rng
        published = (_START + timedelta(days=_DAYS * index / self.count)).replace(
            hour=rng.choice([9, 10, 15]), minute=0)
        if days is None:
            # Honest tenders keep the law: 20 whole days from publication to the deadline for
            # open and invited tenders (Law 24), 3 for price inquiries (the deadline falls at
            # 9:30, earlier in the day than some publications, hence one day more).
            days = {"open": rng.randint(21, 31), "invited": rng.randint(21, 26),
                    "inquiry": rng.randint(4, 7)}[method]
        deadline = (published + timedelta(days=days)).replace(hour=9, minute=30)
        estimate = round(10 ** rng.uniform(5.0, 6.8), -3)
        return {"id": f"V{index + 1:05d}", "title": f"{category} 采购 {index + 1}",
                "buyer": buyer or rng.choice(BUYERS), "category": category, "method": method,
                "estimate": estimate, "published_at": published, "deadline": deadline}

    def price(self, frame: dict[str, object], supplier: str, noise: float = 0.05) -> int:
        """An honest price: the estimate times the supplier's cost and some noise."""
        estimate = float(frame["estimate"])  # type: ignore[arg-type]
        return int(estimate * self.w.cost[supplier] * self.rng.lognormvariate(-0.06, noise))

    def bid(self, frame: dict[str, object], supplier: str, price: int, *, late: bool = False,
            at: datetime | None = None, **traces: str) -> BidFacts:
        """A bid of `supplier` at `price`, with its receipt time and its bid file's traces."""
        self.w.bids += 1
        published, deadline = frame["published_at"], frame["deadline"]
        assert isinstance(published, datetime) and isinstance(deadline, datetime)
        late = late or supplier in self.w.habit_late
        return BidFacts(id=f"VB{self.w.bids:06d}", supplier_id=supplier, price=Decimal(price),
                        received_at=at or _moment(self.rng, published, deadline, late),
                        document_author=traces.get("author", f"编制人{supplier}"),
                        agent=traces.get("agent", f"代理人{supplier}"),
                        project_manager=traces.get("pm", f"项目经理{supplier}"),
                        security_account=traces.get("account", f"acct-{supplier}"))

    def close(self, frame: dict[str, object], bids: list[BidFacts],
              favoured: str | None = None) -> TenderFacts:
        """The tender awarded to the favoured supplier, or else to the lowest price; kept."""
        winner = min(bids, key=lambda b: (b.supplier_id != favoured, b.price, b.received_at, b.id))
        values = dict(frame)
        values["estimate"] = Decimal(int(frame["estimate"]))  # type: ignore[call-overload]
        marked = tuple(BidFacts(id=b.id, supplier_id=b.supplier_id, price=b.price,
                                received_at=b.received_at, winner=b is winner,
                                document_author=b.document_author, agent=b.agent,
                                project_manager=b.project_manager,
                                security_account=b.security_account) for b in bids)
        tender = TenderFacts(bids=marked, status="awarded", winner_supplier_id=winner.supplier_id,
                             award_amount=winner.price, **values)  # type: ignore[arg-type]
        self.w.tenders.append(tender)
        return tender


class Rings:
    """The cartels, sister companies, insiders and look-alike firms of one history."""

    def __init__(self, w: World) -> None:
        rng = w.rng
        for category in CATEGORIES:
            for _ in range(18):
                w.supplier(category)
        self.building = _same_building(w)
        self.cover = [w.supplier("labour") for _ in range(5)]
        self.rotation = [w.supplier("machinery", market=False) for _ in range(5)]
        self.suppression = [w.supplier("services", market=False) for _ in range(4)]
        self.suppression_buyers = list(rng.sample(BUYERS, 2))
        self.allocation = [w.supplier("specialist_subcontracting") for _ in range(3)]
        buyers = list(BUYERS)
        rng.shuffle(buyers)
        self.territory = {b: self.allocation[k % 3] for k, b in enumerate(buyers[:6])}
        self.sisters = _sisters(w)
        self.insiders = {b: rng.choice(w.market[rng.choice(CATEGORIES)]) for b in rng.sample(BUYERS, 4)}
        self.specialist = w.supplier("specialist_subcontracting", market=False)
        w.habit_late.update(rng.sample([s for c in CATEGORIES for s in w.market[c]], 6))
        self.shortlists = {(b, c): rng.sample(w.market[c], rng.randint(3, 4))
                           for b in BUYERS for c in CATEGORIES}
        self.turn = 0
        self._record_members(w)

    def _record_members(self, w: World) -> None:
        for scheme, members in (("cover_bidding", self.cover), ("rotation", self.rotation),
                                ("bid_suppression", self.suppression),
                                ("market_allocation", self.allocation)):
            w.members[scheme].update(members)
        w.members["related_bidders"].update(s for _, pair in self.sisters for s in pair)
        w.members["insider_late_bid"].update(self.insiders.values())


def _same_building(w: World) -> set[str]:
    """Four market firms moved into one office building (different rooms): a look-alike."""
    building = "浙江省义乌市商城大道88号"
    moved: set[str] = set()
    for k, sid in enumerate(w.rng.sample(w.market["materials"] + w.market["services"], 4)):
        old = w.suppliers[sid]
        w.suppliers[sid] = SupplierFacts(
            id=sid, name=old.name, address=f"{building}{k + 1}0{k + 2}室", phones=old.phones,
            emails=old.emails, legal_representative=old.legal_representative,
            bank_account=old.bank_account, related_person_hashes=old.related_person_hashes,
            categories=old.categories)
        moved.add(sid)
    return moved


def _sisters(w: World) -> list[tuple[str, list[str]]]:
    """Three pairs of sister companies sharing a legal representative or a phone."""
    sisters = []
    for k in range(3):
        category = w.rng.choice(CATEGORIES)
        shared = {"legal": f"LR-sister-{w.seed}-{k}"} if k % 2 == 0 else {"phone": f"0579-8999{k:04d}"}
        # Only one sister is in the open market: the two never meet in an honest tender.
        sisters.append((category, [w.supplier(category, market=m, **shared) for m in (True, False)]))
    return sisters
