"""Rules and invariants I80–I81 and I95 of the fairness machine over the people register.

Rules: the administrator (and people who are not one) propose roles for three temporary staff
members, some with a period that ends or begins later; supervisors, the proposer himself (a
person both administrator and supervisor), the grantee and people without the role approve or
revoke them; the temporary staff then try a command claiming a role (granted, expired, not yet
valid, revoked, or never granted); unknown ids try it too. The temporary staff also sign
integrity pledges lasting a few hours and review suppliers claiming the quality role: the
refusal names the role first, then a pledge missing or expired by the model's clock. Time moves
with the other rules.

Invariants: every accepted command in the audit trail was done by a registered person holding,
at that moment, a grant of a role that allows it (by the register's own history: approval and
revocation times, validity periods), or by a supplier's user, or by the system's own jobs (I80);
every signature of a site inspection was made by its signer in a command of their own, and every
inspection's signers are registered staff (I81); no procurement act was accepted from someone
without an integrity pledge in force at its moment — its own for staff, its supplier's for a
supplier's user — in the audit trail or in any tender's bid chain (I95).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, rule
from sqlalchemy import text
from sqlmodel import Session, select

from tests.kit import ACTORS, application, supplier_actor
from tests.properties.fairness_base import TALLY, FairnessBase
from tests.properties.fairness_model import SupplierModel
from zhaocai.actors import BUYER_STAFF, Actor, Role
from zhaocai.people.pledge_rules import needs_pledge
from zhaocai.people.pledges import PledgeRow
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.suppliers.tables import InspectionRow

TEMPS = ["x-temp1", "x-temp2", "x-temp3"]
"""Staff members whose roles the people rules grant and revoke (the cast's own grants stay)."""

ADMIN_SUPERVISOR_ID = "adm-s"  # both roles: proposes, then tries to approve his own proposal
DECIDERS = ["supervisor", "supervisor2", "admin", "purchasing", "admin_supervisor", "grantee"]
CLAIMS = [Role.PURCHASING, Role.ADMINISTRATOR, Role.QUALITY]

# Commands open to every registered person, with or without a role (`roles=None`): a public
# objection to a single-source notice. Registration at that moment is all they need.
OPEN_TO_EVERYONE = frozenset({"single_source.objection"})

# What an action needs, by the roles its command names (commands outside this table need some
# role of the register in force, or to be a supplier's user).
NEEDS: dict[str, frozenset[Role]] = {
    "person.register": frozenset({Role.ADMINISTRATOR}),
    "person.grant.propose": frozenset({Role.ADMINISTRATOR}),
    "person.grant.approve": frozenset({Role.SUPERVISOR}),
    "person.grant.reject": frozenset({Role.SUPERVISOR}),
    "person.grant.propose_revocation": frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR}),
    "person.grant.approve_revocation": frozenset({Role.SUPERVISOR}),
    "supplier.register": frozenset({Role.PURCHASING, Role.ADMINISTRATOR, Role.SUPPLIER}),
    "supplier.review": frozenset({Role.PURCHASING, Role.QUALITY, Role.TECHNICAL}),
    "supplier.inspect": frozenset(BUYER_STAFF),
    "supplier.inspection.sign": frozenset(BUYER_STAFF),
    "supplier.admit": frozenset({Role.PURCHASING, Role.SUPERVISOR}),
}


@dataclass
class GrantModel:
    """A grant the people rules proposed: for whom, which role, by whom, its period and state."""

    id: str
    person_id: str
    role: Role
    proposed_by: str
    valid_from: datetime
    valid_until: datetime | None
    state: str = "proposed"
    revocation_by: str | None = None


def _aware(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class PeopleRules(FairnessBase):
    """The people register's commands, by the right people and the wrong ones."""

    grant_models: list[GrantModel]
    people_seq: int

    def setup_people(self) -> None:
        """Three temporary staff members without a grant (called once the cast is registered)."""
        self.grant_models, self.people_seq = [], 0
        self.temp_pledges: dict[str, list[tuple[datetime, datetime]]] = {t: [] for t in TEMPS}
        self.platform.people.register_many(ACTORS["admin"], [
            {"id": t, "name": f"临时工作人员{n}", "unit": "采购部"} for n, t in enumerate(TEMPS, start=1)])

    def _decider(self, who: str, grant: GrantModel) -> Actor | str:
        if who == "grantee":
            return grant.person_id
        if who == "admin_supervisor":
            return ADMIN_SUPERVISOR_ID
        return ACTORS[who]

    def _held(self, person_id: str, role: Role) -> bool:
        """Whether the model's grants give `role` to `person_id` now."""
        now = self.now()
        return any(g.person_id == person_id and g.role == role
                   and g.state in ("active", "revocation_proposed") and g.valid_from <= now
                   and (g.valid_until is None or now < g.valid_until) for g in self.grant_models)

    @rule(who=st.sampled_from(["admin", "admin_supervisor", "supervisor", "purchasing"]),
          person=st.sampled_from(TEMPS), role=st.sampled_from(CLAIMS),
          period=st.sampled_from(["open", "ends", "later"]), decider=st.sampled_from(DECIDERS))
    def propose_grant(self, who: str, person: str, role: Role, period: str, decider: str) -> None:
        """Propose a grant, then let someone (the right person or a wrong one) decide it."""
        now = self.now()
        start = now + timedelta(days=3) if period == "later" else now
        until = now + timedelta(days=2) if period == "ends" else None
        actor: Actor | str = ADMIN_SUPERVISOR_ID if who == "admin_supervisor" else ACTORS[who]
        allowed = who in ("admin", "admin_supervisor")
        ok, views = self.attempt("person.grant.propose", allowed, self.platform.people.propose_grant, actor,
                                 {"person_id": person, "role": role, "valid_from": start, "valid_until": until})
        if ok:
            proposer = ADMIN_SUPERVISOR_ID if who == "admin_supervisor" else ACTORS[who].id
            self.grant_models.append(GrantModel(views.id, person, role, proposer, start, until))
            self.approve_grant(len(self.grant_models) - 1, decider)

    @rule(i=st.integers(0, 30), who=st.sampled_from(DECIDERS))
    def decide_grant(self, i: int, who: str) -> None:
        self.approve_grant(i, who)

    def approve_grant(self, i: int, who: str) -> None:
        if not self.grant_models:
            return
        grant = self.grant_models[i % len(self.grant_models)]
        decider = self._decider(who, grant)
        decider_id = decider if isinstance(decider, str) else decider.id
        supervisor = who in ("supervisor", "supervisor2", "admin_supervisor")
        allowed = (grant.state == "proposed" and supervisor and decider_id != grant.proposed_by
                   and decider_id != grant.person_id)
        ok, _ = self.attempt("person.grant.approve", allowed, self.platform.people.approve_grant,
                             decider, grant.id)
        if ok:
            grant.state = "active"
        elif supervisor and grant.state == "proposed" and decider_id == grant.proposed_by:
            TALLY["people: self-approval refused"] += 1

    @rule(i=st.integers(0, 30), proposer=st.sampled_from(["admin", "supervisor", "purchasing"]),
          who=st.sampled_from(DECIDERS))
    def revoke_grant(self, i: int, proposer: str, who: str) -> None:
        if not self.grant_models:
            return
        grant = self.grant_models[i % len(self.grant_models)]
        by = ACTORS[proposer]
        ok, _ = self.attempt("person.grant.propose_revocation",
                             grant.state == "active" and proposer != "purchasing",
                             self.platform.people.propose_revocation, by, grant.id, "调岗")
        if ok:
            grant.state, grant.revocation_by = "revocation_proposed", by.id
        if grant.state != "revocation_proposed":
            return
        decider = self._decider(who, grant)
        decider_id = decider if isinstance(decider, str) else decider.id
        allowed = (who in ("supervisor", "supervisor2", "admin_supervisor")
                   and decider_id not in (grant.revocation_by, grant.person_id))
        ok, _ = self.attempt("person.grant.approve_revocation", allowed,
                             self.platform.people.approve_revocation, decider, grant.id)
        if ok:
            grant.state = "revoked"

    @rule(person=st.sampled_from([*TEMPS, "x-ghost"]), role=st.sampled_from(CLAIMS), bare=st.booleans())
    def act_with_a_claim(self, person: str, role: Role, bare: bool) -> None:
        """A temporary staff member (or an unknown id) registers a supplier, claiming `role` or
        passing the bare id: accepted only with a grant of purchasing or administrator in force."""
        if len(self.suppliers) >= 7:
            return
        self.seed += 1
        claim: Actor | str = person if bare else Actor(id=person, name="自称", roles=frozenset({role}))
        roles = {Role.PURCHASING, Role.ADMINISTRATOR}
        if bare:
            allowed = any(self._held(person, r) for r in roles)
        else:
            allowed = role in roles and self._held(person, role)
        app = application(f"名册测试{self.seed}号", seed=self.seed)
        ok, view = self.attempt("supplier.register", allowed, self.platform.suppliers.register, claim, app)
        if ok:
            self.suppliers.append(SupplierModel(view.id, supplier_actor(view.id), person))

    @rule(person=st.sampled_from(TEMPS), hours=st.sampled_from([1, 6, 48]))
    def temp_signs_a_pledge(self, person: str, hours: int) -> None:
        """A temporary staff member signs its own integrity pledge, for a few hours only."""
        until = self.now() + timedelta(hours=hours)
        ok, _ = self.attempt("person.pledge.sign", True, self.platform.people.sign_pledge, person,
                             {"valid_until": until})
        if ok:
            self.temp_pledges[person].append((self.now(), until))

    @rule(person=st.sampled_from(TEMPS), i=st.integers(0, 30))
    def temp_reviews_a_supplier(self, person: str, i: int) -> None:
        """A temporary staff member claiming the quality role reviews a supplier for the quality
        department: never accepted (no department grant), but refused for the first reason the
        model sees — the role, then the pledge (missing, or expired), then anything else."""
        if not self.suppliers:
            return
        claim = Actor(id=person, name="自称", roles=frozenset({Role.QUALITY}))
        ok, error = self.attempt("supplier.review", False, self.platform.suppliers.review, claim,
                                 self.supplier(i).id, "quality", passed=True, comment="审核")
        if ok:
            return
        now, pledges = self.now(), self.temp_pledges[person]
        if not self._held(person, Role.QUALITY):
            expected: str | None = "person.role_not_granted"
        elif any(start <= now < end for start, end in pledges):
            expected = None  # the pledge stands: the refusal is another's
        else:
            expected = "pledge.expired" if any(end <= now for _, end in pledges) else "pledge.missing"
        code = getattr(error, "code", "")
        if (expected is not None and code != expected) or (expected is None and code.startswith("pledge.")):
            self.flag("i95", f"{person}'s review refused as {code}, the model expects {expected or 'no pledge code'}")

    # --- invariants ------------------------------------------------------------------------

    @invariant()
    def i80_every_command_by_a_registered_person_with_a_grant_in_force(self) -> None:
        if self.unchanged_since_checked("i80"):
            return
        last = getattr(self, "_i80_seq", 0)
        with self.engine.connect() as conn:
            events = conn.execute(text("SELECT seq, actor_id, action, at FROM audit_event WHERE seq > :s "
                                       "ORDER BY seq"), {"s": last}).all()
        if not events:
            return
        with Session(self.engine) as session:
            people = {p.id: p for p in session.exec(select(PersonRow)).all()}
            grants: dict[str, list[GrantRow]] = {}
            for g in session.exec(select(GrantRow)).all():
                grants.setdefault(g.person_id, []).append(g)
        for seq, actor_id, action, raw_at in events:
            at = _aware(raw_at)
            if actor_id == "system":  # the system's own jobs (ticks, keys) and the founding
                continue
            person = people.get(actor_id)
            assert person is not None and person.registered_at <= at, \
                f"I80: #{seq} {action} by {actor_id}, not a registered person then"
            if action == "person.pledge.sign":  # one's own pledge, whatever one's roles (I95's rules)
                continue
            if person.kind == "supplier_user":
                assert person.removed_at is None or at < person.removed_at, f"I80: #{seq} by a removed user"
                assert Role.SUPPLIER in NEEDS.get(action, frozenset({Role.SUPPLIER})), \
                    f"I80: #{seq} {action} by a supplier's user"
                continue
            if action in OPEN_TO_EVERYONE:
                continue
            in_force = {Role(g.value) for g in grants.get(actor_id, []) if g.kind == "role"
                        and g.approved_at is not None and g.approved_at <= at
                        and (g.revoked_at is None or at < g.revoked_at)
                        and g.valid_from <= at and (g.valid_until is None or at < g.valid_until)}
            needed = NEEDS.get(action)
            assert in_force and (needed is None or in_force & needed), \
                f"I80: #{seq} {action} by {actor_id} holding {sorted(in_force)} then (needs {needed})"
        self._i80_seq = events[-1][0]

    @invariant()
    def i81_every_signature_by_its_signer(self) -> None:
        if self.unchanged_since_checked("i81"):
            return
        with self.engine.connect() as conn:
            signs = conn.execute(text("SELECT actor_id, action, change FROM audit_event WHERE action IN "
                                      "('supplier.inspect', 'supplier.inspection.sign')")).all()
        for actor_id, action, change in signs:
            signers = json.loads(change)["inspectors"]
            if action == "supplier.inspect":
                assert signers == [actor_id], f"I81: a report recorded with signers {signers} by {actor_id}"
            else:
                assert signers[-1] == actor_id, f"I81: {actor_id} signed for {signers[-1]}"
        with Session(self.engine) as session:
            staff = {p.id for p in session.exec(select(PersonRow)).all() if p.kind == "staff"}
            for row in session.exec(select(InspectionRow)).all():
                assert set(row.inspectors) <= staff, f"I81: unregistered signers {row.inspectors}"
                assert len(set(row.inspectors)) == len(row.inspectors), f"I81: a signer twice {row.inspectors}"

    @invariant()
    def i95_no_procurement_act_without_a_pledge_in_force(self) -> None:
        self.raise_flagged("i95")
        if self.unchanged_since_checked("i95"):
            return
        last, last_bid = getattr(self, "_i95_seq", 0), getattr(self, "_i95_bids", 0)
        with self.engine.connect() as conn:
            acts = conn.execute(text("SELECT seq, actor_id, action, at FROM audit_event WHERE seq > :s "
                                     "ORDER BY seq"), {"s": last}).all()
            bids = conn.execute(text("SELECT count(*) FROM bid_link")).scalar_one()
            bid_acts = conn.execute(text("SELECT actor_id, action, at FROM bid_link ORDER BY tender_id, seq")
                                    ).all() if bids > last_bid else []
        if not acts and not bid_acts:
            return
        with Session(self.engine) as session:
            people = {p.id: p for p in session.exec(select(PersonRow)).all()}
            periods: dict[tuple[str, str], list[tuple[datetime, datetime]]] = {}
            for pledge in session.exec(select(PledgeRow)).all():
                periods.setdefault((pledge.holder_kind, pledge.holder_id), []).append(
                    (_aware(pledge.valid_from), _aware(pledge.valid_until)))
        for actor_id, action, raw_at in [(a, b, c) for _, a, b, c in acts] + list(bid_acts):
            person = people.get(actor_id)
            if person is None or not needs_pledge(person.kind, action):
                continue
            holder = ("staff", person.id) if person.kind == "staff" else ("supplier", person.supplier_id or "")
            at = _aware(raw_at)
            assert any(start <= at < end for start, end in periods.get(holder, [])), \
                f"I95: {action} by {actor_id} at {at} without a pledge of {holder} in force"
        if acts:
            self._i95_seq = acts[-1][0]
        self._i95_bids = bids
