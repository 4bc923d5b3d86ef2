"""Factories for tests of every area: admitted suppliers through the real admission path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character
from zhaocai.platform import Platform
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
FAR_AHEAD = datetime(2040, 1, 1, tzinfo=UTC)


def make_credit_code(seed: int) -> str:
    """A valid unified social credit code, distinct for each seed (0 ≤ seed < 31**9)."""
    body = ""
    n = seed
    for _ in range(9):
        n, r = divmod(n, 31)
        body = CREDIT_CODE_CHARSET[r] + body
    first17 = "91" + "330782" + body  # enterprise, Yiwu division code
    return first17 + credit_code_check_character(first17)


def make_identity_number(seed: int) -> str:
    """A made-up 18-character identity number (not validated by the library)."""
    return f"330782{19800101 + seed % 1000:08d}{seed % 10000:04d}"


def shared_identity_number(tag: int) -> str:
    """An identity number that no generated application carries (another area code), for a person
    two suppliers share on purpose: `make_identity_number` of a literal seed would collide with the
    supplier that the running seed sequence later gives that seed."""
    return f"330783{19800101 + tag % 1000:08d}{tag % 10000:04d}"


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
        "contacts": [{"name": f"联系人{seed}", "phone": f"1390000{seed % 10000:04d}",
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


_SEEDS = iter(range(1, 10**9))


def register_admitted_supplier(platform: Platform, actors: dict[str, Actor], *, name: str,
                               credit_code: str | None = None,
                               categories: Sequence[Category] = (Category.MATERIALS,),
                               ceiling: str = "5000000", **overrides: Any) -> str:
    """Register and admit a supplier through the real path; return its id.

    Registration by purchasing2, reviews by purchasing, quality and technical, and a site
    inspection (purchasing with quality) when the ceiling needs one.
    """
    seed = int(overrides.pop("seed", next(_SEEDS)))
    app = application(name, seed=seed, credit_code=credit_code, categories=categories,
                      ceiling=ceiling, **overrides)
    suppliers = platform.suppliers
    view = suppliers.register(actors["purchasing2"], app)
    for key, department in (("purchasing", Department.PURCHASING),
                            ("quality", Department.QUALITY),
                            ("technical", Department.TECHNICAL)):
        suppliers.review(actors[key], view.id, department, passed=True, comment="符合要求")
    if Decimal(str(ceiling)) >= suppliers.settings.site_inspection_threshold:
        suppliers.record_site_inspection(actors["purchasing"], view.id, co_inspectors=[actors["quality"].id],
                                         report="现场考察：厂房、设备、人员符合要求", passed=True)
    suppliers.admit(actors["purchasing"], view.id)
    return view.id


def supplier_actor(supplier_id: str, *, id: str | None = None, name: str | None = None) -> Actor:
    """A supplier's user, acting for `supplier_id`."""
    return Actor(id=id or f"u-{supplier_id}"[:64], name=name or f"供应商用户 {supplier_id}",
                 organisation=supplier_id, roles=frozenset({Role.SUPPLIER}),
                 supplier_id=supplier_id)
