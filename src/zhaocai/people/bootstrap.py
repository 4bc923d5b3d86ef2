"""Recording a whole staff directory at once: for a first installation, the demo and the docs.

`enrol_staff` is no shortcut past the four eyes: it runs the register's own commands, each by
the person whose command it is (the administrator registers and proposes, the supervisor
approves), in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import select

from zhaocai.actors import Actor, Role
from zhaocai.people.rules import DEPARTMENTS
from zhaocai.people.tables import PersonRow

if TYPE_CHECKING:
    from zhaocai.platform import Platform


def _person(actor: Actor) -> dict[str, str]:
    return {"id": actor.id, "name": actor.name, "unit": actor.organisation}


def enrol_staff(platform: Platform, staff: Iterable[Actor], *, administrator: Actor, supervisor: Actor,
                since: datetime | None = None, pledged_until: datetime | None = None) -> None:
    """Record the buyer's staff as a directory lists them (`Actor`s with their roles).

    An empty register is founded with `administrator` and `supervisor` (each gets that one role;
    their other roles are granted like everyone's). The administrator records everyone else in
    one command and proposes every role, and for purchasing, quality and technical staff the
    reviewing department of that name, in one command (valid from `since`, default now); the
    supervisor approves them in one command, and a second supervisor of `staff` approves the
    supervisor's own (`person.grant.own` otherwise). Suppliers' users and experts are not staff:
    they come with their supplier (`add_supplier_user`) and the expert pool (`add_expert`).
    Then each member of staff without an integrity pledge in force signs its own, from `since`
    until `pledged_until` (default: a year from now).
    """
    people = platform.people
    everyone = {a.id: a for a in [administrator, supervisor, *staff]}
    if not _founded(platform):
        people.found(administrator=_person(administrator), supervisor=_person(supervisor))
    known = {p.id for p in people.people(administrator)}
    newcomers = [_person(a) for a in everyone.values() if a.id not in known]
    if newcomers:
        people.register_many(administrator, newcomers)
    founding = {administrator.id: Role.ADMINISTRATOR, supervisor.id: Role.SUPERVISOR}
    held = {(g.person_id, g.kind, g.value) for g in people.grants(administrator)
            if g.state in ("active", "proposed", "revocation_proposed")}
    wanted: list[dict[str, object]] = []
    for actor in everyone.values():
        for role in sorted(actor.roles):
            if role != founding.get(actor.id) and (actor.id, "role", role.value) not in held:
                wanted.append({"person_id": actor.id, "role": role, "valid_from": since})
            if role.value in DEPARTMENTS and (actor.id, "department", role.value) not in held:
                wanted.append({"person_id": actor.id, "department": role.value, "valid_from": since})
    if wanted:
        _approve(platform, wanted, everyone, administrator=administrator, supervisor=supervisor)
    _sign_pledges(platform, everyone.values(), since, pledged_until)


def _approve(platform: Platform, wanted: list[dict[str, object]], everyone: dict[str, Actor], *,
             administrator: Actor, supervisor: Actor) -> None:
    """Propose the grants wanted and have them approved (the supervisor's own by a second one)."""
    people = platform.people
    proposed = people.propose_grants(administrator, wanted)
    others = [g.id for g in proposed if g.person_id != supervisor.id]
    if others:
        people.approve_grants(supervisor, others)
    own = [g.id for g in proposed if g.person_id == supervisor.id]
    second = next((a for a in everyone.values() if a.id not in (supervisor.id, administrator.id)
                   and Role.SUPERVISOR in a.roles), None)
    if own and second is not None:
        people.approve_grants(second, own)


def _sign_pledges(platform: Platform, staff: Iterable[Actor], since: datetime | None,
                  until: datetime | None) -> None:
    """Each member of staff without a pledge in force now signs its own (its own command)."""
    now = platform.internal.now()
    end = until or now + timedelta(days=365)
    for actor in staff:
        on_file = platform.people.pledges(actor, holder_id=actor.id)
        if not any(p.valid_from <= now < p.valid_until for p in on_file):
            platform.people.sign_pledge(actor, {"valid_from": since, "valid_until": end})


def _founded(platform: Platform) -> bool:
    """Whether the register has anybody (the administrator can then read it)."""
    with platform.internal.session() as session:
        return session.exec(select(PersonRow.id).limit(1)).first() is not None
