"""The cast: the buyer's officers and supervisors, the departments that review a supplier, the
custodians of a tender's key, the experts and the suppliers' users. One place, so that every test
speaks of the same people."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, datetime
from typing import Any

from nacl.public import PrivateKey

from zhaocai.actors import Actor, Role
from zhaocai.people.tables import PersonRow
from zhaocai.platform import Platform
from zhaocai.suppliers.rules import Department

BUYER = "浙江津义建设"


def _actor(id: str, name: str, *roles: Role) -> Actor:
    return Actor(id=id, name=name, organisation=BUYER, roles=frozenset(roles))


ACTORS: dict[str, Actor] = {
    "purchasing": _actor("p-wang", "王采购", Role.PURCHASING),
    "purchasing2": _actor("p-li", "李采购", Role.PURCHASING),
    "quality": _actor("q-zhao", "赵质量", Role.QUALITY),
    "technical": _actor("t-chen", "陈技术", Role.TECHNICAL),
    "finance": _actor("f-sun", "孙财务", Role.FINANCE),
    "supervisor": _actor("s-zhou", "周纪检", Role.SUPERVISOR),
    "supervisor2": _actor("s-wu", "吴纪检", Role.SUPERVISOR),
    "auditor": _actor("a-zheng", "郑审计", Role.AUDITOR),
    "admin": _actor("adm", "系统管理员", Role.ADMINISTRATOR),
    "nobody": _actor("x-nobody", "无角色", ),
}
"""Named people of the buyer's organisation, with their roles (the `actors` fixture)."""

DEPARTMENTS: tuple[tuple[str, Department], ...] = (
    ("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
    ("technical", Department.TECHNICAL))
"""Who reviews an application for each department (a key of `ACTORS`, the department)."""

CUSTODIANS: list[dict[str, Any]] = [
    {"actor_id": "a-zheng", "name": "郑审计", "supervisor": False},
    {"actor_id": "s-zhou", "name": "周纪检", "supervisor": True},
    {"actor_id": "f-sun", "name": "孙财务", "supervisor": False},
]
"""The three custodians of a tender's key (any two open): audit, a supervisor, finance; none of
them drafts or publishes tenders."""

CUSTODIAN_KEYS: dict[str, PrivateKey] = {
    c["actor_id"]: PrivateKey.from_seed(
        hashlib.sha256(f"zhaocai-test-custodian:{c['actor_id']}".encode()).digest())
    for c in CUSTODIANS}
"""Each custodian's own private key (fixed, so that examples replay); `zhaocai.testing.custody`
registers the public halves and opens each custodian's share with their own key only."""

INQUIRY_OFFICERS = ["p-wang", "p-li"]
"""The two purchasing officers who run a price inquiry (询价)."""


FOUNDERS = ("admin", "supervisor")
"""The cast's founders of the register: the administrator and the supervisor."""

SINCE = datetime(2020, 1, 1, tzinfo=UTC)
"""When the cast's grants begin (before every clock the tests use)."""


def _person(actor: Actor) -> dict[str, str]:
    return {"id": actor.id, "name": actor.name, "unit": actor.organisation}


def register_cast(platform: Platform, cast: dict[str, Actor] | None = None) -> None:
    """Record the cast in the platform's people register through its own commands, in bulk: the
    founding (administrator `adm`, supervisor `s-zhou`), everyone else in one command, their roles
    and the reviewing departments proposed by the administrator in one command and approved by the
    supervisor in one (the supervisor's second role, if any, by the second supervisor). A store
    whose register already holds the cast (opened again) is left as it is."""
    cast = cast or ACTORS
    admin, supervisor = ACTORS["admin"], ACTORS["supervisor"]
    people = platform.people
    with platform.internal.session() as session:
        if session.get(PersonRow, admin.id) is not None:
            return  # a store opened again: its register already holds the cast
    people.found(administrator=_person(admin), supervisor=_person(supervisor))
    founders = {admin.id, supervisor.id}
    people.register_many(admin, [_person(a) for a in cast.values() if a.id not in founders])
    grants: list[dict[str, object]] = []
    for actor in cast.values():
        founded = {admin.id: Role.ADMINISTRATOR, supervisor.id: Role.SUPERVISOR}.get(actor.id)
        grants += [{"person_id": actor.id, "role": r, "valid_from": SINCE}
                   for r in sorted(actor.roles) if r != founded]
    # Everyone of purchasing, quality or technical is a member of that reviewing department.
    grants += [{"person_id": actor.id, "department": role.value, "valid_from": SINCE}
               for actor in cast.values() for role in sorted(actor.roles)
               if role.value in {d.value for d in Department}]
    proposed = people.propose_grants(admin, grants)
    mine = [g.id for g in proposed if g.person_id == supervisor.id]
    people.approve_grants(supervisor, [g.id for g in proposed if g.person_id != supervisor.id])
    if mine:
        people.approve_grants(ACTORS["supervisor2"], mine)


def register_actor(platform: Platform, *actors: Actor) -> None:
    """Record people a test builds ad hoc (staff only), with their roles approved as the cast's
    are: proposed by the administrator, approved by a supervisor who is not the grantee."""
    admin, supervisor = ACTORS["admin"], ACTORS["supervisor"]
    platform.people.register_many(admin, [_person(a) for a in actors])
    proposed = platform.people.propose_grants(admin, [
        {"person_id": a.id, "role": r, "valid_from": SINCE} for a in actors for r in sorted(a.roles)])
    platform.people.approve_grants(supervisor, [g.id for g in proposed])


def approve_experts(platform: Platform, expert_ids: list[str]) -> None:
    """The supervisor approves the expert grants the administrator proposed when adding them."""
    wanted = set(expert_ids)
    pending = [g.id for g in platform.people.grants(ACTORS["supervisor"], state="proposed")
               if g.person_id in wanted]
    if pending:
        platform.people.approve_grants(ACTORS["supervisor"], pending)


def supplier_actor(supplier_id: str, *, id: str | None = None, name: str | None = None) -> Actor:
    """A supplier's user, acting for `supplier_id`."""
    return Actor(id=id or f"u-{supplier_id}"[:64], name=name or f"供应商用户 {supplier_id}",
                 organisation=supplier_id, roles=frozenset({Role.SUPPLIER}),
                 supplier_id=supplier_id)


def expert_actor(expert_id: str, name: str | None = None) -> Actor:
    """An expert's actor (the expert id is the actor id)."""
    return Actor(id=expert_id, name=name or f"专家 {expert_id}", organisation="专家库",
                 roles=frozenset({Role.EXPERT}))


_EXPERTS = itertools.count(1)


def add_pool(platform: Platform, actors: dict[str, Actor], count: int, *,
             category: str = "materials", **extra: Any) -> list[str]:
    """Add `count` clean experts in `category` to the pool; return their ids."""
    ids = []
    for _ in range(count):
        n = next(_EXPERTS)
        view = platform.evaluation.add_expert(actors["admin"], {
            "id": f"e-{n:04d}", "name": f"专家{n}", "identity_number": f"3307821970{n:08d}",
            "specialties": [category], **extra})
        ids.append(view.id)
    approve_experts(platform, ids)
    return ids


EXPERT_NAMES = [f"评委{n}号专家Planted" for n in range(1, 10)]
EXPERT_IDS = [f"330782196505{n:02d}4321" for n in range(1, 10)]


def add_experts(platform: Platform, actors: dict[str, Actor]) -> list[str]:
    """Nine materials experts with distinctive names and identity numbers (`EXPERT_NAMES`,
    `EXPERT_IDS`): a test can look for them where they must not appear."""
    ids = [platform.evaluation.add_expert(actors["admin"], {
        "id": f"e-pub-{n}", "name": name, "identity_number": number, "specialties": ["materials"]}).id
        for n, (name, number) in enumerate(zip(EXPERT_NAMES, EXPERT_IDS, strict=True), start=1)]
    approve_experts(platform, ids)
    return ids


def seated(platform: Platform, actors: dict[str, Actor], tender_id: str) -> list[Actor]:
    """The sitting members of a tender's committee as actors (experts by id; the buyer's
    representatives from `actors`)."""
    by_id = {a.id: a for a in actors.values()}
    view = platform.evaluation.committee(actors["purchasing"], tender_id)
    return [by_id.get(m.member_id or "") or expert_actor(m.member_id or "")
            for m in view.members if m.active]
