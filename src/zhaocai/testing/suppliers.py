"""Suppliers for tests of every area: complete applications, and suppliers admitted through the
real admission path (registration, the three departments' reviews, a site inspection)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from zhaocai.actors import Actor
from zhaocai.categories import Category
from zhaocai.platform import Platform
from zhaocai.suppliers.rules import DEFAULT_POLICIES
from zhaocai.testing.cast import DEPARTMENTS, sign_pledges, supplier_actor
from zhaocai.testing.ids import GENERATED_SEEDS, make_credit_code, make_identity_number

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
FAR_AHEAD = datetime(2040, 1, 1, tzinfo=UTC)


def qualifications_for(categories: Iterable[Category], *, valid_from: datetime = LONG_AGO,
                       valid_until: datetime = FAR_AHEAD, seed: int = 0) -> list[dict[str, Any]]:
    """Qualifications meeting the default policy of every category given."""
    quals: dict[str, dict[str, Any]] = {}
    for category in categories:
        for req in DEFAULT_POLICIES[Category(category)]:
            quals.setdefault(req.type, {
                "type": req.type, "grade": req.min_grade or "", "number": f"{req.type[:4]}-{seed}",
                "issuer": "义乌市市场监督管理局", "valid_from": valid_from, "valid_until": valid_until,
            })
    return list(quals.values())


def _phone_prefix(seed: int) -> str:
    return "1370000" if seed >= GENERATED_SEEDS else "1390000"  # the running sequence's own prefix


def application(name: str, *, seed: int = 0, credit_code: str | None = None,
                categories: Sequence[Category] = (Category.MATERIALS,),
                ceiling: str | Decimal = "500000", **overrides: Any) -> dict[str, Any]:
    """A complete, valid application; every shared fact is distinct per seed."""
    data: dict[str, Any] = {
        "credit_code": credit_code or make_credit_code(seed),
        "name": name,
        "legal_representative": f"法人{seed}",
        "legal_representative_id": make_identity_number(seed),
        "address": f"浙江省义乌市稠城街道工业路{seed}号",
        "contacts": [{"name": f"联系人{seed}", "phone": f"{_phone_prefix(seed)}{seed % 10000:04d}",
                      "email": f"contact{seed}@example.cn"}],
        "bank_name": "义乌农商银行",
        "bank_account": f"6228{seed:012d}",
        "categories": list(categories),
        "ceiling": str(ceiling),
        "qualifications": qualifications_for(categories, seed=seed),
        "persons": [],
    }
    data.update(overrides)
    return data


_SEEDS = iter(range(GENERATED_SEEDS, 10**9))  # see GENERATED_SEEDS


def register_admitted_supplier(platform: Platform, actors: dict[str, Actor], *, name: str,
                               credit_code: str | None = None,
                               categories: Sequence[Category] = (Category.MATERIALS,),
                               ceiling: str = "5000000", pledge: bool = True, **overrides: Any) -> str:
    """Register and admit a supplier through the real path; return its id.

    Registration by purchasing2, reviews by purchasing, quality and technical, and a site
    inspection (purchasing with quality) when the ceiling needs one; its administrator user
    signs the supplier's integrity pledge unless `pledge` is False. Each application takes the
    next seed of one running sequence unless `seed` is given (see `make_identity_number`).
    """
    seed = int(overrides.pop("seed", next(_SEEDS)))
    app = application(name, seed=seed, credit_code=credit_code, categories=categories,
                      ceiling=ceiling, **overrides)
    suppliers = platform.suppliers
    view = suppliers.register(actors["purchasing2"], app)
    for key, department in DEPARTMENTS:
        suppliers.review(actors[key], view.id, department, passed=True, comment="符合要求")
    if Decimal(str(ceiling)) >= suppliers.settings.site_inspection_threshold:
        suppliers.record_site_inspection(actors["purchasing"], view.id,
                                         report="现场考察：厂房、设备、人员符合要求", passed=True)
        suppliers.sign_site_inspection(actors["quality"], view.id)
    suppliers.admit(actors["purchasing"], view.id)
    if pledge:
        sign_pledges(platform, supplier_actor(view.id))  # by its administrator user, to bid
    return view.id


_NAMES = itertools.count(1)


def admitted(platform: Platform, actors: dict[str, Actor], count: int,
             category: Category = Category.MATERIALS) -> list[str]:
    """Admit `count` suppliers in `category` (ceiling 5,000,000); return their ids."""
    return [register_admitted_supplier(platform, actors, name=f"义乌建材{next(_NAMES)}号有限公司",
                                       categories=(category,), ceiling="5000000") for _ in range(count)]


def bidders(platform: Platform, actors: dict[str, Actor], count: int, *,
            category: Category = Category.MATERIALS) -> list[Actor]:
    """Admit `count` suppliers in `category` and return their users."""
    return [supplier_actor(s) for s in admitted(platform, actors, count, category)]
