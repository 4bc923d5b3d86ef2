"""The register and the tender builder of the synthetic generator (`synthetic`).

`Builder` holds the random source and the growing register while a history is generated: it
adds suppliers (with the staff whose names appear in their bid files), draws a tender's skeleton,
its bids and honest prices, and decides the outcome. `clean_tender` builds one honest tender.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI
from zhaocai.integrity.facts import AmendmentFacts, BidFacts, SupplierFacts, TenderFacts

START = datetime(2025, 1, 6, 9, 0, tzinfo=SHANGHAI)

CATEGORIES = [c.value for c in Category]
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
STREETS = ["稠州北路", "宾王路", "工人北路", "城中中路", "丹溪北路", "雪峰西路", "江滨北路"]
_REASONS = ["资质证书过期", "未按要求提交投标保证金", "投标文件未盖章", "报价超过最高限价",
            "项目经理资格不符"]
_GENERIC_AUTHORS = ["Administrator", "微软用户", "User"]



@dataclass(slots=True)
class _Staff:
    authors: list[str]
    agent: str | None
    managers: list[str]
    account: str


class Builder:
    """Holds the random source and the growing register while a history is generated."""

    def __init__(self, seed: int, tenders: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.count = tenders
        self.suppliers: dict[str, SupplierFacts] = {}
        self.staff: dict[str, _Staff] = {}
        self.pools: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        self.bid_serial = 0

    # -- register -------------------------------------------------------------------------
    def new_supplier(self, category: str, pool: bool = True, **shared: str) -> str:
        """A new supplier of `category` (in its pool unless `pool` is false), sharing the
        `shared` contact or identity values with another; returns its id."""
        rng = self.rng
        n = len(self.suppliers) + 1
        sid = f"S{n:05d}"
        name = f"义乌{rng.choice(_SURNAMES)}{rng.choice('鑫恒泰瑞宏达丰盛')}{n}号{category[:4]}有限公司"
        person = hashlib.sha256(f"{self.seed}/{sid}".encode()).hexdigest()
        categories = {category}
        if rng.random() < 0.2:
            categories.add(rng.choice(CATEGORIES))
        self.suppliers[sid] = SupplierFacts(
            id=sid,
            name=name,
            address=shared.get("address", f"浙江省义乌市{rng.choice(STREETS)}{n}号"),
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
        """The fields of tender `index` before its bids: method, dates, buyer, estimate."""
        rng = self.rng
        category = category or rng.choice(CATEGORIES)
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
        """A bid of `supplier` at `price`, with its receipt time and its bid file's traces
        (the supplier's own staff unless given)."""
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
        """An honest price: 82 % of the estimate up to the ceiling (or 6 % above)."""
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


def clean_tender(b: Builder, index: int) -> TenderFacts:
    """An honest tender: pool bidders, honest prices, lawful periods and amendments."""
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
