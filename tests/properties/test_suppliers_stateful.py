"""Stateful property test of the supplier register against a simple model kept by the test.

Random sequences of register, review, inspect, admit, reject, re-apply, warn, suspend, reinstate,
blacklist (propose/approve), appeal, exit, performance events, period closing, renewal and clock
moves. After every step: eligibility is exactly what the model says; every blacklisting had two
distinct approvers (one a supervisor); every admission had three distinct department reviewers,
none the registrant; every standing change has its audit event; the chain verifies.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlmodel import select

from tests.kit import ACTORS, application, fresh_store, qualifications_for, register_cast, supplier_actor
from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI, ManualClock, local
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform
from zhaocai.suppliers.eligibility import check_eligibility, eligibility_of_many
from zhaocai.suppliers.rules import (
    CRITERION_OF,
    DEFAULT_DEDUCTIONS,
    DEFAULT_POLICIES,
    DEFAULT_WEIGHTS,
    SERIOUS_VIOLATIONS,
    EventKind,
    ScorecardCriterion,
)
from zhaocai.suppliers.tables import RequestRow, StandingChangeRow, SupplierRow

CATEGORIES = (Category.MATERIALS, Category.LABOUR)
THRESHOLD = Decimal("1000000")
BAN_DAYS = 30
DEPTS = ("purchasing", "quality", "technical")


@dataclass
class Model:
    """What the test believes about one supplier."""

    id: str
    ceiling: Decimal
    quals: list[tuple[str, datetime, datetime]]
    admission: str = "applied"
    standing: str | None = None
    reviews: dict[str, bool] = field(default_factory=dict)
    inspection_passed: bool = False
    admitted: set[Category] = field(default_factory=set)
    ban_until: datetime | None = None
    previous: str | None = None
    appeal: str | None = None  # None | pending | decided
    pending: dict[str, object] | None = None  # blacklisting proposal
    events: list[tuple[datetime, EventKind, int]] = field(default_factory=list)


def gaps(m: Model, category: Category, at: datetime) -> bool:
    return any(not any(t == req.type and f <= at < u for t, f, u in m.quals)
               for req in DEFAULT_POLICIES[category])


def grade(events: list[tuple[datetime, EventKind, int]]) -> str:
    deducted = dict.fromkeys(ScorecardCriterion, 0)
    for _, kind, severity in events:
        deducted[CRITERION_OF[kind]] += DEFAULT_DEDUCTIONS[kind] * severity
    total = sum(max(0, 100 - deducted[c]) * DEFAULT_WEIGHTS[c] for c in ScorecardCriterion)
    return "A" if total >= 9000 else "B" if total >= 7500 else "C" if total >= 6000 else "D"


def month_label(moment: datetime) -> str:
    return local(moment).strftime("%Y-%m")


class SupplierMachine(RuleBasedStateMachine):
    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self.stack = ExitStack()
        url = self.stack.enter_context(fresh_store(self.backend))
        self.clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))
        self.platform = self.stack.enter_context(Platform.open(url, clock=self.clock))
        register_cast(self.platform)
        self.s = self.platform.suppliers
        self.models: list[Model] = []
        self.seed = 0
        self.closed: dict[str, dict[str, str]] = {}  # month → supplier → grade

    def teardown(self) -> None:
        self.stack.close()

    # --- helpers ---------------------------------------------------------------------------
    def pick(self, i: int) -> Model:
        return self.models[i % len(self.models)]

    def attempt(self, expect_ok: bool, fn, *args, **kw) -> bool:  # type: ignore[no-untyped-def]
        try:
            fn(*args, **kw)
        except ZhaocaiError as exc:
            assert not expect_ok, f"refused unexpectedly: {exc}"
            return False
        assert expect_ok, f"{fn.__name__} was accepted but the model expected a refusal"
        return True

    def now(self) -> datetime:
        return self.clock.now()

    # --- rules -----------------------------------------------------------------------------
    @precondition(lambda self: len(self.models) < 3)
    @rule(large=st.booleans(), variant=st.sampled_from(["full", "short", "no_labour"]))
    def register(self, large: bool, variant: str) -> None:
        self.seed += 1
        now = self.now()
        ceiling = THRESHOLD if large else Decimal("500000")
        cats = list(CATEGORIES)
        quals = qualifications_for(cats, seed=self.seed)
        if variant == "short":
            quals = [dict(q, valid_until=now + timedelta(days=10))
                     if q["type"] == "quality_management_certificate" else q for q in quals]
        if variant == "no_labour":
            quals = [q for q in quals if q["type"] != "labour_services_qualification"]
        view = self.s.register(ACTORS["purchasing2"], application(
            f"S{self.seed}", seed=self.seed, categories=cats, ceiling=str(ceiling),
            qualifications=quals))
        self.models.append(Model(view.id, ceiling, [
            (q["type"], q["valid_from"], q["valid_until"]) for q in quals]))

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), dept=st.sampled_from(DEPTS), passed=st.booleans())
    def review(self, i: int, dept: str, passed: bool) -> None:
        m = self.pick(i)
        ok = m.admission in ("applied", "under_review") and dept not in m.reviews
        if self.attempt(ok, self.s.review, ACTORS[dept], m.id, dept, passed=passed):
            m.reviews[dept] = passed
            m.admission = "under_review"
            if all(m.reviews.get(d) for d in DEPTS) and m.ceiling >= THRESHOLD:
                m.admission = "site_inspection"

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), passed=st.booleans())
    def inspect(self, i: int, passed: bool) -> None:
        m = self.pick(i)
        if self.attempt(m.admission == "site_inspection", self.s.record_site_inspection,
                        ACTORS["purchasing"], m.id, report="report", passed=passed):
            self.s.sign_site_inspection(ACTORS["quality"], m.id)
            m.inspection_passed = passed

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), only_materials=st.booleans())
    def admit(self, i: int, only_materials: bool) -> None:
        m = self.pick(i)
        chosen = {Category.MATERIALS} if only_materials else set(CATEGORIES)
        ready = ((m.admission == "under_review" and all(m.reviews.get(d) for d in DEPTS)
                  and m.ceiling < THRESHOLD)
                 or (m.admission == "site_inspection" and m.inspection_passed))
        ok = ready and not any(gaps(m, c, self.now()) for c in chosen)
        cats = [Category.MATERIALS] if only_materials else None
        if self.attempt(ok, self.s.admit, ACTORS["purchasing"], m.id, categories=cats):
            m.admission, m.admitted = "admitted", chosen
            m.standing = "active"

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2))
    def reject(self, i: int) -> None:
        m = self.pick(i)
        if self.attempt(m.admission in ("applied", "under_review", "site_inspection"),
                        self.s.reject, ACTORS["quality"], m.id, "不符合"):
            m.admission = "rejected"

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2))
    def reapply(self, i: int) -> None:
        m = self.pick(i)
        ban_over = m.standing == "blacklisted" and m.ban_until is not None and m.ban_until <= self.now()
        standing = "reapply_eligible" if ban_over else m.standing
        ok = m.admission == "rejected" or (m.admission == "admitted"
                                           and standing in ("reapply_eligible", "exited"))
        if self.attempt(ok, self.s.reapply, supplier_actor(m.id), m.id, "再次申请"):
            m.standing = standing
            m.admission, m.reviews, m.inspection_passed, m.admitted = "applied", {}, False, set()

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), event=st.sampled_from(["warn", "clear_warning", "suspend", "exit"]))
    def simple_standing(self, i: int, event: str) -> None:
        m = self.pick(i)
        sources = {"warn": ("active",), "clear_warning": ("warned",),
                   "suspend": ("active", "warned"), "exit": ("active", "warned")}[event]
        target = {"warn": "warned", "clear_warning": "active", "suspend": "suspended",
                  "exit": "exited"}[event]
        actor = supplier_actor(m.id) if event == "exit" else ACTORS["quality"]
        if self.attempt(m.standing in sources, getattr(self.s, event), actor, m.id, "理由"):
            m.standing = target

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2))
    def reinstate(self, i: int) -> None:
        m = self.pick(i)
        ok = m.standing == "suspended"
        if self.attempt(ok, self.s.request_reinstatement, ACTORS["quality"], m.id, "整改完成"):
            request = self.s.requests(ACTORS["purchasing"], supplier_id=m.id, state="pending")[-1]
            self.s.approve_reinstatement(ACTORS["supervisor"], request.id)
            m.standing = "active"

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2))
    def propose_blacklist(self, i: int) -> None:
        m = self.pick(i)
        ok = m.standing in ("active", "warned", "suspended") and m.pending is None
        if self.attempt(ok, self.s.propose_blacklist, ACTORS["purchasing"], m.id, "串标", evidence=["证据"],
                        ban_days=BAN_DAYS):
            m.pending = {"proposer": ACTORS["purchasing"].id, "ban_days": BAN_DAYS,
                         "approvals": [ACTORS["purchasing"].id], "supervisor": False}

    @precondition(lambda self: any(m.pending for m in self.models))
    @rule(i=st.integers(0, 2), who=st.sampled_from(["supervisor", "technical", "purchasing2"]))
    def approve_blacklist(self, i: int, who: str) -> None:
        m = [m for m in self.models if m.pending][i % len([m for m in self.models if m.pending])]
        assert m.pending is not None
        approvals = [*m.pending["approvals"], ACTORS[who].id]  # type: ignore[misc]
        supervisor = bool(m.pending["supervisor"]) or who == "supervisor"
        takes_effect = len(approvals) >= 2
        ok = (ACTORS[who].id != m.pending["proposer"] and ACTORS[who].id not in m.pending["approvals"]  # type: ignore[operator]
              and (not takes_effect or (supervisor and m.standing in ("active", "warned", "suspended"))))
        request = self.s.requests(ACTORS["purchasing"], supplier_id=m.id, state="pending")
        request_id = next(r.id for r in request if r.kind == "blacklist")
        if self.attempt(ok, self.s.approve_blacklist, ACTORS[who], request_id):
            if takes_effect:
                m.previous, m.standing = m.standing, "blacklisted"
                m.ban_until = self.now() + timedelta(days=m.pending["ban_days"])  # type: ignore[arg-type]
                m.appeal, m.pending = None, None
            else:
                m.pending = {**m.pending, "approvals": approvals, "supervisor": supervisor}

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), upheld=st.booleans())
    def appeal(self, i: int, upheld: bool) -> None:
        m = self.pick(i)
        if self.attempt(m.standing == "blacklisted" and m.appeal is None, self.s.appeal,
                        supplier_actor(m.id), m.id, "申诉"):
            m.appeal = "pending"
            self.s.decide_appeal(ACTORS["supervisor2"], m.id, upheld=upheld, reason="裁决")
            m.appeal = "decided"
            if upheld:
                m.standing, m.ban_until = m.previous, None

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), kind=st.sampled_from(list(EventKind)), severity=st.integers(1, 5))
    def record_event(self, i: int, kind: EventKind, severity: int) -> None:
        m = self.pick(i)
        view = self.s.record_performance(ACTORS["quality"], {
            "supplier_id": m.id, "contract_id": "C-1", "kind": kind, "severity": severity,
            "occurred_at": self.now()})
        m.events.append((self.now(), kind, severity))
        opens = (kind in SERIOUS_VIOLATIONS and m.standing in ("active", "warned", "suspended")
                 and m.pending is None)
        assert (view.blacklist_request_id is not None) == opens
        if opens:
            m.pending = {"proposer": ACTORS["quality"].id, "ban_days": 3 * 365, "approvals": [],
                         "supervisor": False}

    @precondition(lambda self: self.models)
    @rule()
    def close_last_month(self) -> None:
        now_local = local(self.now())
        first = now_local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        label = month_label(first - timedelta(days=1))
        start = (first - timedelta(days=1)).replace(day=1)
        ok = label not in self.closed
        if not self.attempt(ok, self.s.close_period, ACTORS["purchasing"], "month", label):
            return
        prev_label = month_label(start - timedelta(days=1))
        grades = {}
        for m in self.models:
            evs = [e for e in m.events if start <= e[0] < first]
            if evs:
                grades[m.id] = grade(evs)
                if grades[m.id] == "D" and m.standing in ("active", "warned"):
                    m.standing = "suspended"
                elif (grades[m.id] == "C" and self.closed.get(prev_label, {}).get(m.id) == "C"
                      and m.standing == "active"):
                    m.standing = "warned"
        self.closed[label] = grades
        assert {c.supplier_id: c.grade for c in self.s.scorecards(ACTORS["purchasing"], period=f"month:{label}")} == grades

    @precondition(lambda self: self.models)
    @rule(i=st.integers(0, 2), own=st.booleans(), verify=st.booleans())
    def renew(self, i: int, own: bool, verify: bool) -> None:
        """A renewal by the supplier itself or by quality counts only once verified by someone
        else of the staff: unverified, the model's qualifications stay as they were."""
        m = self.pick(i)
        now = self.now()
        adder = supplier_actor(m.id) if own else ACTORS["quality"]
        view = self.s.add_qualification(adder, m.id, {
            "type": "quality_management_certificate", "grade": "", "number": f"R{now.timestamp()}",
            "issuer": "x", "valid_from": now, "valid_until": now + timedelta(days=60)})
        if verify:
            self.s.verify_qualification(ACTORS["technical"], view.qualifications[-1].id)
            m.quals.append(("quality_management_certificate", now, now + timedelta(days=60)))

    @rule(days=st.sampled_from([1, 9, 20, 35]), tick=st.booleans())
    def advance(self, days: int, tick: bool) -> None:
        self.clock.advance(days=days)
        if tick:
            self.platform.tick()
            for m in self.models:
                if m.standing == "blacklisted" and m.ban_until and m.ban_until <= self.now():
                    m.standing = "reapply_eligible"

    # --- invariants ------------------------------------------------------------------------
    @invariant()
    def eligibility_matches_the_model(self) -> None:
        for m in self.models:
            for at in (self.now(), self.now() + timedelta(days=15)):
                for category in CATEGORIES:
                    for amount in (m.ceiling, m.ceiling + Decimal("0.01")):
                        expected = (m.admission == "admitted" and category in m.admitted
                                    and m.standing in ("active", "warned") and amount <= m.ceiling
                                    and not gaps(m, category, at))
                        got = self.s.eligibility(m.id, category, amount, at=at)
                        assert got.eligible == expected, (m, category, amount, at, got.codes)
                        assert got.eligible == (not got.reasons)
        # The bulk answer (one query for everyone, as compliance asks it) is the single answer.
        amounts = {m.id: m.ceiling + Decimal(n % 2) / 100 for n, m in enumerate(self.models)}
        amounts["sup-unknown"] = Decimal(1)
        with self.platform.internal.session() as session:
            for category in CATEGORIES:
                many = eligibility_of_many(session, amounts, category, self.now())
                assert many == {sid: check_eligibility(session, sid, category, amount, self.now())
                                for sid, amount in amounts.items()}

    @invariant()
    def state_matches_and_trail_is_sound(self) -> None:
        with self.platform.internal.session() as session:
            rows = {r.id: r for r in session.exec(select(SupplierRow)).all()}
            for m in self.models:
                assert (rows[m.id].admission, rows[m.id].standing) == (m.admission, m.standing)
                assert rows[m.id].ban_until == (m.ban_until if m.standing == "blacklisted" else rows[m.id].ban_until)
            for request in session.exec(select(RequestRow).where(
                    RequestRow.kind == "blacklist", RequestRow.state == "approved")).all():
                people = [a["actor_id"] for a in request.approvals]
                assert len(people) == 2 and len(set(people)) == 2
                assert any("supervisor" in a["roles"] for a in request.approvals)
            changes = session.exec(select(StandingChangeRow)).all()
        events = self.platform.audit.events("supplier")
        by_seq = {e.seq: e for e in events}
        standing_events = [e for e in events if e.action.startswith("supplier.standing.")]
        assert len(standing_events) == len(changes)
        for change in changes:
            event = by_seq[change.audit_seq]
            assert event.subject_id == change.supplier_id
            assert json.loads(event.change)["to"] == change.to_standing
        for event in events:
            if event.action == "supplier.admit":
                reviewers = json.loads(event.change)["reviewers"]
                assert set(reviewers) == set(DEPTS) and len(set(reviewers.values())) == 3
                assert ACTORS["purchasing2"].id not in reviewers.values()
        assert self.platform.audit.verify().ok


def test_supplier_register_against_model(backend: str) -> None:
    machine = type(f"SupplierMachine_{backend}", (SupplierMachine,), {"backend": backend})
    run_state_machine_as_test(machine)


# Every qualification the factory grants is valid over the whole run.
assert all(q["valid_until"] > datetime(2035, 1, 1, tzinfo=UTC)
           for q in qualifications_for(CATEGORIES))
