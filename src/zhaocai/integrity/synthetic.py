"""Synthetic procurement histories with planted schemes and their ground truth.

`generate_history(seed, tenders)` builds a year of tenders of a construction company: clean
tenders look like honest ones (3–8 bidders drawn from the category's pool, prices scattered
around the estimate, lawful periods, some disqualified and withdrawn bids, some lawful
amendments, office-software default authors) so that the precision of the flags means something;
a share of tenders carries one planted scheme each:

- ``cover_bidding`` (陪标、围标): a ring's boss wins; the cover bids were prepared by the boss and
  carry one or two Reg 40 traces: same document author, same agent, same project manager,
  securities from the boss's account, or prices in a regular progression above the boss's bid;
- ``bid_rotation`` (轮流坐庄): four firms bid together in a series of tenders and take turns to win;
- ``identical_prices``: a favoured bidder copies the lowest competitor's price exactly (a leak);
- ``related_bidders``: two suppliers sharing a legal representative, a related person, a phone,
  an email or an address bid in the same tender;
- ``shortened_period``: an open tender's bid period is cut to 3–12 days;
- ``insider_late_bid``: the winner's bid arrives after the deadline, just under the lowest price;
- ``open_ring`` (off by default; `shares={**DEFAULT_SHARES, "open_ring": 0.05}`): a ring of five
  takes turns with a changing line-up (three or four members) and an honest outsider in half its
  tenders, covers 2–5 % above the member due, the outsider 1–10 % above or its honest price;
- ``allocation_loose`` and the honest look-alike ``local_firms`` (off by default): see
  `synthetic_variants`;
- ``allocation`` (off by default, like ``open_ring``): three firms of one category split six
  buyers, two each; the owner bids 8–16 % under the estimate, each other member covers 4–10 %
  above it in three tenders of five, one or two honest firms bid too (and sometimes win); the
  three also bid honestly in other tenders.

The history is deterministic for a seed (`random.Random(seed)`: this is test data, not a fairness
draw). Scheme tenders are disjoint; `truth` names the tenders and suppliers each scheme touched.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal

from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI
from zhaocai.integrity.facts import AmendmentFacts, BidFacts, SupplierFacts, TenderFacts
from zhaocai.integrity.synthetic_variants import LOOKALIKES, VARIANT_SCHEMES, VariantSchemes

SCHEMES = ("cover_bidding", "bid_rotation", "identical_prices", "related_bidders",
           "shortened_period", "insider_late_bid", "open_ring", "allocation", *VARIANT_SCHEMES)
DEFAULT_SHARES: dict[str, float] = {
    "cover_bidding": 0.05, "bid_rotation": 0.05, "identical_prices": 0.04,
    "related_bidders": 0.04, "shortened_period": 0.04, "insider_late_bid": 0.04,
}
START = datetime(2025, 1, 6, 9, 0, tzinfo=SHANGHAI)

_CATEGORIES = [c.value for c in Category]
_CATEGORY_ITEMS = {
    Category.MATERIALS.value: ["钢筋", "商品混凝土", "水泥", "防水卷材", "铝合金门窗", "电缆"],
    Category.SPECIALIST.value: ["幕墙工程", "消防工程", "智能化工程", "钢结构工程", "洁净室工程"],
    Category.LABOUR.value: ["主体结构劳务", "装饰装修劳务", "水电安装劳务", "砌筑劳务"],
    Category.MACHINERY.value: ["塔吊租赁", "施工电梯租赁", "挖掘机租赁", "混凝土泵车租赁"],
    Category.SERVICES.value: ["检测服务", "监理服务", "造价咨询", "保洁服务"],
}
_PROJECTS = ["医疗器械产业园1号厂房", "医疗器械产业园研发楼", "义乌江东安置房", "佛堂镇综合体",
             "稠城街道学校扩建", "苏溪物流园仓库"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_STREETS = ["稠州北路", "宾王路", "工人北路", "城中中路", "丹溪北路", "雪峰西路", "江滨北路"]
_REASONS = ["资质证书过期", "未按要求提交投标保证金", "投标文件未盖章", "报价超过最高限价",
            "项目经理资格不符"]
_GENERIC_AUTHORS = ["Administrator", "微软用户", "User"]


@dataclass(frozen=True, slots=True)
class SchemeTruth:
    """The tenders and suppliers one planted scheme touched."""

    scheme: str
    tender_ids: frozenset[str]
    supplier_ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class SyntheticHistory:
    """A generated history: tenders, the suppliers' facts, and the ground truth per scheme."""

    seed: int
    tenders: tuple[TenderFacts, ...]
    suppliers: tuple[SupplierFacts, ...]
    truth: Mapping[str, SchemeTruth] = field(hash=False)
    lookalikes: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    """Honest tenders of each look-alike asked for (`synthetic_variants.LOOKALIKES`)."""

    @property
    def supplier_map(self) -> dict[str, SupplierFacts]:
        """The suppliers' facts by id."""
        return {s.id: s for s in self.suppliers}

    @property
    def clean_tender_ids(self) -> frozenset[str]:
        """Tenders in which no scheme was planted."""
        planted = {t for truth in self.truth.values() for t in truth.tender_ids}
        return frozenset(t.id for t in self.tenders if t.id not in planted)


@dataclass(slots=True)
class _Staff:
    authors: list[str]
    agent: str | None
    managers: list[str]
    account: str


class _Builder:
    """Holds the random source and the growing register while a history is generated."""

    def __init__(self, seed: int, tenders: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.count = tenders
        self.suppliers: dict[str, SupplierFacts] = {}
        self.staff: dict[str, _Staff] = {}
        self.pools: dict[str, list[str]] = {c: [] for c in _CATEGORIES}
        self.bid_serial = 0

    # -- register -------------------------------------------------------------------------
    def new_supplier(self, category: str, pool: bool = True, **shared: str) -> str:
        rng = self.rng
        n = len(self.suppliers) + 1
        sid = f"S{n:05d}"
        name = f"义乌{rng.choice(_SURNAMES)}{rng.choice('鑫恒泰瑞宏达丰盛')}{n}号{category[:4]}有限公司"
        person = hashlib.sha256(f"{self.seed}/{sid}".encode()).hexdigest()
        categories = {category}
        if rng.random() < 0.2:
            categories.add(rng.choice(_CATEGORIES))
        self.suppliers[sid] = SupplierFacts(
            id=sid,
            name=name,
            address=shared.get("address", f"浙江省义乌市{rng.choice(_STREETS)}{n}号"),
            phones=frozenset({shared.get("phone", f"0579-8{n:07d}"), f"138{n:08d}"}),
            emails=frozenset({shared.get("email", f"bid{n}@supplier{n}.cn")}),
            legal_representative=shared.get("legal_representative", f"LR-{person[:16]}"),
            bank_account=f"6222 0812 {n:08d}",
            related_person_hashes=frozenset({shared.get("related_person", person[16:32]),
                                             person[32:48]}),
            categories=frozenset(categories),
        )
        self.staff[sid] = _Staff(
            authors=[f"{rng.choice(_SURNAMES)}工{n}-{k}" for k in range(rng.randint(1, 2))],
            agent=f"{rng.choice(_SURNAMES)}经理{n}" if rng.random() < 0.9 else None,
            managers=[f"{rng.choice(_SURNAMES)}建造师{n}-{k}" for k in range(rng.randint(1, 3))],
            account=f"6222 0812 {n:08d}",
        )
        if pool:
            self.pools[category].append(sid)
        return sid

    # -- tenders ---------------------------------------------------------------------------
    def skeleton(self, index: int, method: str | None = None,
                 category: str | None = None) -> dict[str, object]:
        rng = self.rng
        category = category or rng.choice(_CATEGORIES)
        method = method or rng.choices(["open", "invited", "inquiry"], weights=[60, 25, 15])[0]
        published = (START + timedelta(days=365 * index / self.count)).replace(
            hour=rng.choice([9, 10, 14, 15]), minute=rng.choice([0, 30]))
        days = {"open": rng.randint(20, 35), "invited": rng.randint(20, 30),
                "inquiry": rng.randint(3, 7)}[method]
        # Deadlines fall at 09:30 on the morning after the last full day of the period.
        deadline = (published + timedelta(days=days + 1)).replace(hour=9, minute=30)
        estimate = int(round(10 ** rng.uniform(5.3, 6.7), -3))
        security = None
        if method != "inquiry":
            security = Decimal(int(estimate * rng.uniform(0.5, 2.0) / 100 / 100) * 100)
        return {
            "id": f"T{index + 1:05d}",
            "title": f"{rng.choice(_PROJECTS)}{rng.choice(_CATEGORY_ITEMS[category])}采购",
            "buyer": f"项目部-{rng.randint(1, 6):02d}",
            "category": category,
            "method": method,
            "estimate": estimate,
            "published_at": published,
            "deadline": deadline,
            "ceiling": Decimal(estimate) if rng.random() < 0.6 else None,
            "bid_security": security,
        }

    def bid(self, tender: dict[str, object], supplier: str, price: int, *, status: str = "valid",
            received_at: datetime | None = None, author: str | None = None, agent: str | None = None,
            manager: str | None = None, account: str | None = None) -> BidFacts:
        rng = self.rng
        staff = self.staff[supplier]
        self.bid_serial += 1
        published, deadline = tender["published_at"], tender["deadline"]
        assert isinstance(published, datetime) and isinstance(deadline, datetime)
        if received_at is None:
            span = (deadline - published).total_seconds()
            received_at = published + timedelta(seconds=int(span * rng.uniform(0.3, 0.99)))
        if author is None:
            author = rng.choice(_GENERIC_AUTHORS) if rng.random() < 0.1 else rng.choice(staff.authors)
        return BidFacts(
            id=f"B{self.bid_serial:06d}",
            supplier_id=supplier,
            price=Decimal(price),
            received_at=received_at,
            status=status,  # type: ignore[arg-type]
            disqualification_reason=rng.choice(_REASONS) if status == "disqualified" else None,
            document_author=author,
            agent=agent if agent is not None else staff.agent,
            project_manager=manager if manager is not None else rng.choice(staff.managers),
            security_account=(account or staff.account) if tender["bid_security"] is not None else None,
        )

    def honest_price(self, tender: dict[str, object]) -> int:
        estimate = tender["estimate"]
        assert isinstance(estimate, int)
        top = 0.999 if tender["ceiling"] is not None else 1.06
        return int(estimate * self.rng.uniform(0.82, top))

    def finish(self, tender: dict[str, object], bids: list[BidFacts],
               winner: str | None = None) -> TenderFacts:
        """Decide the outcome (lowest valid price wins unless `winner` is given) and freeze."""
        rng = self.rng
        valid = [b for b in bids if b.status == "valid"]
        if winner is None and len({b.supplier_id for b in valid}) >= 3:
            winner = min(valid, key=lambda b: (b.price, b.id)).supplier_id
        deadline = tender["deadline"]
        assert isinstance(deadline, datetime)
        values = dict(tender)
        values["estimate"] = Decimal(int(tender["estimate"]))  # type: ignore[call-overload]
        if winner is None:
            values["status"] = "failed"
        else:
            win = min((b for b in valid if b.supplier_id == winner), key=lambda b: (b.price, b.id))
            bids = [replace(b, winner=True) if b is win else b for b in bids]
            start = (deadline + timedelta(days=rng.randint(2, 6))).replace(hour=17, minute=0)
            values.update(status=rng.choice(["awarded", "contracted"]), winner_supplier_id=winner,
                          award_amount=win.price, publicity_start=start,
                          publicity_end=start + timedelta(days=rng.randint(3, 5)))
        rng.shuffle(bids)
        return TenderFacts(bids=tuple(bids), **values)  # type: ignore[arg-type]


def _clean(b: _Builder, index: int) -> TenderFacts:
    rng = b.rng
    tender = b.skeleton(index)
    published, deadline = tender["published_at"], tender["deadline"]
    assert isinstance(published, datetime) and isinstance(deadline, datetime)
    if tender["method"] != "inquiry" and rng.random() < 0.15:
        issued = published + timedelta(days=rng.randint(2, 12), hours=rng.randint(0, 6))
        after = deadline
        if deadline - issued < timedelta(days=15):
            after = (issued + timedelta(days=rng.randint(16, 20))).replace(hour=9, minute=30)
        tender["amendments"] = (AmendmentFacts(issued, deadline, after),)
        tender["original_deadline"] = deadline
        tender["deadline"] = after
    pool = b.pools[str(tender["category"])]
    count = rng.randint(3, 5) if tender["method"] == "inquiry" else rng.randint(3, 8)
    bids = []
    for supplier in rng.sample(pool, count):
        roll = rng.random()
        status = "disqualified" if roll < 0.06 else "withdrawn" if roll < 0.08 else "valid"
        bids.append(b.bid(tender, supplier, b.honest_price(tender), status=status))
    return b.finish(tender, bids)


def generate_history(seed: int = 7, tenders: int = 300,
                     shares: Mapping[str, float] | None = None,
                     lookalikes: Mapping[str, float] | None = None) -> SyntheticHistory:
    """A deterministic history of `tenders` tenders with planted schemes (see the module doc) and
    the honest look-alikes asked for (shares of tenders, `synthetic_variants`)."""
    b = _Builder(seed, tenders)
    rng = b.rng
    wanted = dict(DEFAULT_SHARES if shares is None else shares)
    wanted.update(lookalikes or {})
    kinds = (*SCHEMES, *LOOKALIKES)
    pool_size = max(20, tenders // 25)
    for category in _CATEGORIES:
        for _ in range(pool_size):
            b.new_supplier(category)
    counts = {s: max(1, round(tenders * wanted.get(s, 0.0))) if wanted.get(s, 0.0) > 0 else 0
              for s in kinds}
    if sum(counts.values()) > tenders:
        raise ValueError("the scheme shares add up to more than the number of tenders")
    order = list(range(tenders))
    rng.shuffle(order)
    slots: dict[str, list[int]] = {}
    taken = 0
    for scheme in kinds:
        slots[scheme] = sorted(order[taken:taken + counts[scheme]])
        taken += counts[scheme]
    planted = {i: s for s, indices in slots.items() for i in indices}

    truth_tenders: dict[str, set[str]] = {s: set() for s in kinds}
    truth_suppliers: dict[str, set[str]] = {s: set() for s in kinds}
    schemes = _Schemes(b, slots, truth_tenders, truth_suppliers)
    result = [schemes.build(planted[i], i) if i in planted else _clean(b, i) for i in range(tenders)]
    truth = {s: SchemeTruth(s, frozenset(truth_tenders[s]), frozenset(truth_suppliers[s]))
             for s in SCHEMES}
    return SyntheticHistory(seed=seed, tenders=tuple(result),
                            suppliers=tuple(b.suppliers[k] for k in sorted(b.suppliers)), truth=truth,
                            lookalikes={s: frozenset(truth_tenders[s]) for s in LOOKALIKES if counts[s]})


class _Schemes(VariantSchemes):
    """The planted schemes; rings and related pairs are created before the tenders."""

    def __init__(self, b: _Builder, slots: dict[str, list[int]], tenders: dict[str, set[str]],
                 suppliers: dict[str, set[str]]) -> None:
        self.b = b
        self.tenders = tenders
        self.suppliers = suppliers
        rng = b.rng
        # Cover bidding: rings of a boss and four cover firms, about eight tenders per ring.
        self.cover_rings = []
        for _ in range(max(1, math.ceil(len(slots["cover_bidding"]) / 8))):
            category = rng.choice(_CATEGORIES)
            self.cover_rings.append((category, [b.new_supplier(category) for _ in range(5)]))
        # Bid rotation: rings of four, six to eight tenders each, one category per ring.
        self.rotation: dict[int, tuple[str, list[str], int]] = {}
        indices = slots["bid_rotation"]
        position = 0
        while position < len(indices):
            size = rng.randint(6, 8)
            if len(indices) - position - size < 3:
                size = len(indices) - position
            category = rng.choice(_CATEGORIES)
            ring = [b.new_supplier(category) for _ in range(4)]
            for turn, index in enumerate(indices[position:position + size]):
                self.rotation[index] = (category, ring, turn)
            position += size
        # Related bidders: pairs that share one link, each pair bidding in about two tenders.
        self.pairs = []
        for k in range(max(1, math.ceil(len(slots["related_bidders"]) / 2))):
            category = rng.choice(_CATEGORIES)
            kind = rng.choice(["legal_representative", "related_person", "phone", "email", "address"])
            value = {"legal_representative": f"LR-shared-{b.seed}-{k}",
                     "related_person": hashlib.sha256(f"rel/{b.seed}/{k}".encode()).hexdigest()[:16],
                     "phone": f"0579-6{k:07d}", "email": f"office{k}@shared-{k}.cn",
                     "address": f"浙江省义乌市{rng.choice(_STREETS)}{900 + k}号{k}幢"}[kind]
            self.pairs.append((category, [b.new_supplier(category, pool=False, **{kind: value})
                                          for _ in range(2)]))
        self.pair_turn = 0
        # Open ring: five members who bid only in the ring's tenders.
        self.open_ring_category = rng.choice(_CATEGORIES)
        self.ring_members = ([b.new_supplier(self.open_ring_category, pool=False) for _ in range(5)]
                          if slots.get("open_ring") else [])
        self.open_ring_turn = 0
        # Allocation: three pool members of one category, each owning two buyers.
        self.allocation_category = rng.choice(_CATEGORIES)
        self.allocators = ([b.new_supplier(self.allocation_category) for _ in range(3)]
                           if slots.get("allocation") else [])
        self.territory = {f"项目部-{k + 1:02d}": k % 3 for k in range(6)}
        self.setup_variants(slots)

    def build(self, scheme: str, index: int) -> TenderFacts:
        tender: TenderFacts = getattr(self, scheme)(index)
        self.tenders[scheme].add(tender.id)
        return tender

    def cover_bidding(self, index: int) -> TenderFacts:
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
        if "progression" in traces:
            step = rng.uniform(0.012, 0.04)
            if rng.random() < 0.5:
                delta = int(boss_price * step)
                prices = [boss_price + delta * (k + 1) for k in range(len(covers))]
            else:
                prices = [round(boss_price * (1 + step) ** (k + 1)) for k in range(len(covers))]
        else:
            prices = [int(boss_price * rng.uniform(1.02, 1.12)) for _ in covers]
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
        b, rng = self.b, self.b.rng
        category, pair = self.pairs[self.pair_turn % len(self.pairs)]
        self.pair_turn += 1
        tender = b.skeleton(index, category=category)
        others = rng.sample(b.pools[category], rng.randint(1, 4))
        bids = [b.bid(tender, s, b.honest_price(tender)) for s in [*pair, *others]]
        self.suppliers["related_bidders"].update(pair)
        return b.finish(tender, bids)

    def shortened_period(self, index: int) -> TenderFacts:
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
