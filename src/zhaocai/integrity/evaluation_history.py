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

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from zhaocai.clock import SHANGHAI
from zhaocai.integrity.facts import BidFacts, SupplierFacts, TenderFacts

EVALUATION_SCHEMES = ("cover_bidding", "rotation", "identical_prices", "related_bidders",
                      "bid_suppression", "market_allocation", "insider_late_bid", "shortened_period")
LOOKALIKES = ("shortlist_inquiry", "commodity_prices", "sole_specialist", "last_minute_habit",
              "same_building")
_CATEGORIES = ("materials", "specialist_subcontracting", "labour", "machinery", "services")
_STREETS = ("福田路", "佛堂大道", "商城大道", "春晗路")
_BUYERS = tuple(f"项目部-{k:02d}" for k in range(1, 9))
_START = datetime(2023, 1, 2, 9, 0, tzinfo=SHANGHAI)
_DAYS = 3 * 365


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


class _World:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.suppliers: dict[str, SupplierFacts] = {}
        self.cost: dict[str, float] = {}
        self.habit_late: set[str] = set()
        self.market: dict[str, list[str]] = {c: [] for c in _CATEGORIES}
        self.bids = 0
        self.tenders: list[TenderFacts] = []
        self.rigged: dict[str, set[str]] = {s: set() for s in EVALUATION_SCHEMES}
        self.members: dict[str, set[str]] = {s: set() for s in EVALUATION_SCHEMES}
        self.lookalikes: dict[str, set[str]] = {s: set() for s in LOOKALIKES}

    def supplier(self, category: str, *, market: bool = True, address: str | None = None,
                 legal: str | None = None, phone: str | None = None) -> str:
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


def _price_of(bid: BidFacts) -> int:
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


class _Builder:
    def __init__(self, w: _World, count: int) -> None:
        self.w, self.rng, self.count = w, w.rng, count

    def frame(self, index: int, category: str, method: str, buyer: str | None = None,
              days: int | None = None) -> dict[str, object]:
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
                "buyer": buyer or rng.choice(_BUYERS), "category": category, "method": method,
                "estimate": estimate, "published_at": published, "deadline": deadline}

    def price(self, frame: dict[str, object], supplier: str, noise: float = 0.05) -> int:
        estimate = float(frame["estimate"])  # type: ignore[arg-type]
        return int(estimate * self.w.cost[supplier] * self.rng.lognormvariate(-0.06, noise))

    def bid(self, frame: dict[str, object], supplier: str, price: int, *, late: bool = False,
            at: datetime | None = None, **traces: str) -> BidFacts:
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


SHARES = {"cover_bidding": 70, "rotation": 70, "identical_prices": 25, "related_bidders": 30,
          "bid_suppression": 40, "market_allocation": 45, "insider_late_bid": 45,
          "shortened_period": 35}
"""Rigged tenders per scheme in a history of 3,000 (360, 12 %); scaled for other sizes."""


class _Rings:
    """The cartels, sister companies, insiders and look-alike firms of one history."""

    def __init__(self, w: _World) -> None:
        rng = w.rng
        for category in _CATEGORIES:
            for _ in range(18):
                w.supplier(category)
        building = "浙江省义乌市商城大道88号"
        self.building: set[str] = set()
        for k, sid in enumerate(rng.sample(w.market["materials"] + w.market["services"], 4)):
            old = w.suppliers[sid]
            w.suppliers[sid] = SupplierFacts(
                id=sid, name=old.name, address=f"{building}{k + 1}0{k + 2}室", phones=old.phones,
                emails=old.emails, legal_representative=old.legal_representative,
                bank_account=old.bank_account, related_person_hashes=old.related_person_hashes,
                categories=old.categories)
            self.building.add(sid)
        self.cover = [w.supplier("labour") for _ in range(5)]
        self.rotation = [w.supplier("machinery", market=False) for _ in range(5)]
        self.suppression = [w.supplier("services", market=False) for _ in range(4)]
        self.suppression_buyers = list(rng.sample(_BUYERS, 2))
        self.allocation = [w.supplier("specialist_subcontracting") for _ in range(3)]
        buyers = list(_BUYERS)
        rng.shuffle(buyers)
        self.territory = {b: self.allocation[k % 3] for k, b in enumerate(buyers[:6])}
        self.sisters = []
        for k in range(3):
            category = rng.choice(_CATEGORIES)
            shared = {"legal": f"LR-sister-{w.seed}-{k}"} if k % 2 == 0 else {"phone": f"0579-8999{k:04d}"}
            # Only one sister is in the open market: the two never meet in an honest tender.
            self.sisters.append((category, [w.supplier(category, market=m, **shared) for m in (True, False)]))
        self.insiders = {b: rng.choice(w.market[rng.choice(_CATEGORIES)]) for b in rng.sample(_BUYERS, 4)}
        self.specialist = w.supplier("specialist_subcontracting", market=False)
        w.habit_late.update(rng.sample([s for c in _CATEGORIES for s in w.market[c]], 6))
        self.shortlists = {(b, c): rng.sample(w.market[c], rng.randint(3, 4))
                           for b in _BUYERS for c in _CATEGORIES}
        self.turn = 0
        for scheme, members in (("cover_bidding", self.cover), ("rotation", self.rotation),
                                ("bid_suppression", self.suppression),
                                ("market_allocation", self.allocation)):
            w.members[scheme].update(members)
        w.members["related_bidders"].update(s for _, pair in self.sisters for s in pair)
        w.members["insider_late_bid"].update(self.insiders.values())


def _honest(b: _Builder, rings: _Rings, index: int) -> None:
    w, rng = b.w, b.rng
    category = rng.choices(_CATEGORIES, weights=[30, 20, 20, 15, 15])[0]
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


def _covers(b: _Builder, frame: dict[str, object], due: str, others: list[str], low: float,
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


def _rigged(b: _Builder, rings: _Rings, scheme: str, index: int) -> None:
    w, rng = b.w, b.rng
    if scheme == "cover_bidding":
        frame = b.frame(index, "labour", rng.choice(["open", "invited"]))
        members = rng.sample(rings.cover, rng.randint(3, 5))
        bids = _covers(b, frame, members[0], members[1:], 1.04, 1.09)
        if frame["method"] == "open" and rng.random() < 0.3:
            outsider = rng.choice(w.market["labour"])
            bids.append(b.bid(frame, outsider, b.price(frame, outsider)))
        if rng.random() < 0.2:
            bids[1] = b.bid(frame, bids[1].supplier_id, _price_of(bids[1]), author=f"编制人{members[0]}")
    elif scheme == "rotation":
        frame = b.frame(index, "machinery", rng.choice(["open", "invited"]),
                        buyer=_BUYERS[rings.turn % 3])
        due = rings.rotation[rings.turn % 5]
        rings.turn += 1
        others = rng.sample([m for m in rings.rotation if m != due], rng.randint(2, 4))
        style = rng.choices(["spread", "ratio", "near"], weights=[3, 2, 1])[0]
        bids = _covers(b, frame, due, others, 1.02, 1.10, style)
        if rng.random() < 0.4:
            outsider = rng.choice(w.market["machinery"])
            bids.append(b.bid(frame, outsider, int(b.price(frame, outsider) * rng.uniform(1.05, 1.15))))
    elif scheme == "bid_suppression":
        frame = b.frame(index, "services", rng.choice(["open", "invited"]),
                        buyer=rng.choice(rings.suppression_buyers))
        due = rng.choice(rings.suppression)
        if rng.random() < 0.45:
            bids = _covers(b, frame, due, [m for m in rings.suppression if m != due], 1.03, 1.08)
            w.rigged["cover_bidding"].add(str(frame["id"]))
            b.close(frame, bids, favoured=None)
            return
        weak = rng.sample(w.market["services"], rng.randint(1, 2))
        bids = [b.bid(frame, due, int(float(frame["estimate"]) * w.cost[due] * rng.uniform(1.0, 1.06)))]  # type: ignore[arg-type]
        bids += [b.bid(frame, s, int(b.price(frame, s) * rng.uniform(1.12, 1.25))) for s in weak]
    elif scheme == "market_allocation":
        buyer = rng.choice(sorted(rings.territory))
        owner = rings.territory[buyer]
        frame = b.frame(index, "specialist_subcontracting", rng.choice(["open", "invited"]), buyer=buyer)
        others = [m for m in rings.allocation if m != owner and rng.random() < 0.6]
        bids = _covers(b, frame, owner, others, 1.05, 1.12)
        for s in rng.sample(w.market["specialist_subcontracting"], rng.randint(1, 2)):
            bids.append(b.bid(frame, s, int(b.price(frame, s) * rng.uniform(1.02, 1.12))))
    elif scheme == "identical_prices":
        frame = b.frame(index, rng.choice(_CATEGORIES), "open")
        honest, favoured = _pick(rng, w.market[str(frame["category"])], rng.randint(3, 5))
        bids = [b.bid(frame, s, b.price(frame, s)) for s in honest]
        bids.append(b.bid(frame, favoured, min(_price_of(x) for x in bids)))
        w.members["identical_prices"].add(favoured)
        b.close(frame, bids, favoured=favoured)
        w.rigged[scheme].add(str(frame["id"]))
        return
    elif scheme == "related_bidders":
        category, pair = rings.sisters[index % len(rings.sisters)]
        frame = b.frame(index, category, rng.choice(["open", "invited"]))
        first = b.price(frame, pair[0])
        bids = [b.bid(frame, pair[0], first), b.bid(frame, pair[1], int(first * rng.uniform(1.02, 1.08)))]
        others = rng.sample(w.market[category], rng.randint(1, 3))
        bids += [b.bid(frame, s, b.price(frame, s)) for s in others]
    elif scheme == "insider_late_bid":
        buyer = rng.choice(sorted(rings.insiders))
        insider = rings.insiders[buyer]
        category = next(c for c in _CATEGORIES if insider in w.market[c])
        frame = b.frame(index, category, rng.choice(["open", "invited"]), buyer=buyer)
        honest = [s for s in rng.sample(w.market[category], rng.randint(3, 5)) if s != insider]
        bids = [b.bid(frame, s, b.price(frame, s)) for s in honest]
        deadline = frame["deadline"]
        assert isinstance(deadline, datetime)
        low = min(_price_of(x) for x in bids)
        bids.append(b.bid(frame, insider, int(low * rng.uniform(0.992, 0.997)),
                          at=deadline - timedelta(seconds=rng.randint(30, 1800))))
    else:  # shortened_period
        frame = b.frame(index, rng.choice(_CATEGORIES), "open", days=rng.randint(5, 12))
        chosen = rng.sample(w.market[str(frame["category"])], rng.randint(2, 4))
        bids = [b.bid(frame, s, b.price(frame, s)) for s in chosen]
    tender = b.close(frame, bids)
    w.rigged[scheme].add(tender.id)
    if scheme == "shortened_period":
        w.members[scheme].add(str(tender.winner_supplier_id))


def _pick(rng: random.Random, pool: list[str], count: int) -> tuple[list[str], str]:
    chosen = rng.sample(pool, count + 1)
    return chosen[:-1], chosen[-1]


def generate_evaluation_history(seed: int = 1, tenders: int = 3000) -> EvaluationHistory:
    """A deterministic evaluation history of `tenders` tenders (see the module doc)."""
    w = _World(seed)
    rings = _Rings(w)
    b = _Builder(w, tenders)
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
