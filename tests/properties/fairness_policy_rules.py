"""Rules and invariants I40–I44 of the fairness machine over the organisation's policy and deviations.

Rules: drafts of open tenders with random numbers of their own (ordinary and absurd, statutory or
not, with or without a reason), edits of those numbers, deviation requests approved, rejected or
self-approved by the drafter or the requester, publication; policy changes proposed (some below a
floor) and approved, rejected or self-approved. Policy changes touch only numbers no other part
of the machine relies on (the invited tender's period and invitees, the trimmed mean's size),
so the other rules' expectations of the default numbers keep holding.

Invariants: every published tender's frozen numbers are never laxer than the policy version it
froze except in exactly the numbers of an approved deviation, decided before publication by a
supervisor other than the drafter and the requester (I40); a statutory tender is never below the
law (I41); every policy version was approved by a supervisor other than its proposer, is never
below a floor, and versions count 1, 2, 3… (I42); every deviation decision was made by a
supervisor other than the requester and the drafter (I43); the policy in force is the model's (I44).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule
from sqlmodel import col, select

from tests.kit import ACTORS, LOTS, draft
from tests.properties.fairness_base import TALLY, FairnessBase
from zhaocai.actors import Actor, Role
from zhaocai.bidding.tables import TenderRow
from zhaocai.policy.compare import Deviation, deviations, governing_policy
from zhaocai.policy.floors import RULES, Binding
from zhaocai.policy.tables import DeviationRow, PolicyVersionRow
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile

BOSS = Actor(id="p-boss", name="钱主任", roles=frozenset({Role.PURCHASING, Role.SUPERVISOR}))
ADMIN_SUPERVISOR = Actor(id="adm-s", name="管理兼纪检", roles=frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR}))
PEOPLE: dict[str, Actor] = {**ACTORS, "boss": BOSS, "admin_supervisor": ADMIN_SUPERVISOR}
BY_ID = {a.id: a for a in PEOPLE.values()}

NUMBERS: dict[str, list[Any]] = {
    "open_tender_min_days": [0, 1, 3, 20, 30, 400],
    "min_valid_bids": [1, 2, 3, 5],
    "amendment_notice_days": [0, 5, 15, 20],
    "bid_security_cap_percent": ["0", "2", "20"],
    "committee_min_size": [3, 5, 7],
    "committee_expert_share_num": [1, 2, 3],
    "max_candidates": [1, 3, 9],
    "publicity_days": [1, 3, 10],
    "contract_within_days": [1, 30, 365],
    "invited_tender_min_days": [0, 20, 45],
    "trimmed_mean_min_members": [3, 5, 9],
}
PROFILE = st.one_of(st.none(), st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in NUMBERS.items()}))
SAFE = {"invited_tender_min_days": st.integers(20, 40), "min_invitees": st.integers(3, 6),
        "trimmed_mean_min_members": st.integers(3, 9)}
FLOORED = sorted(r.name for r in RULES if r.floor is not None and not r.fields)
REASONS = st.sampled_from(["防汛抢险：材料须数日内到场", "防汛抢险：材料须数日内到场", None, " "])
PICK = st.integers(0, 5)


@dataclass
class DeviationModel:
    id: str
    requester: str
    changes: tuple[Deviation, ...]
    version: int
    statutory: bool
    state: str = "requested"


@dataclass
class PolicyTender:
    id: str
    drafter: str
    asked: RulesProfile | None
    statutory: bool
    deadline: datetime
    state: str = "draft"
    deviation: DeviationModel | None = None


@dataclass
class PolicyState:
    version: int = 0
    profile: RulesProfile = DEFAULT_PROFILE
    proposals: dict[str, tuple[str, int]] = field(default_factory=dict)  # id → (proposer, base version)
    tenders: list[PolicyTender] = field(default_factory=list)


class PolicyRules(FairnessBase):
    """The organisation's policy and deviations of single tenders."""

    @property
    def pol(self) -> PolicyState:
        state = self.__dict__.get("_policy_state")
        if state is None:
            state = self.__dict__["_policy_state"] = PolicyState()
        return state

    def _ask(self, m: PolicyTender, asked: RulesProfile | None = None) -> tuple[Deviation, ...]:
        numbers = m.asked if asked is None else asked
        if numbers is None:
            return ()
        return deviations(numbers, governing_policy(self.pol.profile, m.statutory))

    def _matches(self, m: PolicyTender, d: DeviationModel | None, ask: tuple[Deviation, ...]) -> bool:
        return d is not None and (d.changes, d.version, d.statutory) == (ask, self.pol.version, m.statutory)

    def _filed(self, m: PolicyTender, ask: tuple[Deviation, ...]) -> None:
        (latest,) = [d for d in self.platform.policy.deviations(m.id) if d.state == "requested"]
        if tuple(Deviation(**c) for c in latest.changes) != ask:
            self.flag("i40", f"deviation request of {m.id} names {latest.changes}, expected {ask}")
        m.deviation = DeviationModel(latest.id, latest.requested_by, ask, self.pol.version, m.statutory)

    def _expected(self, ok: bool, allowed: bool, name: str, result: Any) -> bool:
        """An allowed command must pass: the model and the platform agree both ways."""
        if allowed and not ok:
            self.flag("i40", f"{name} was refused though the model allows it: {result}")
        return ok

    def _below_law(self, asked: RulesProfile | None, statutory: bool) -> bool:
        return statutory and asked is not None and any(
            r.floor is not None and r.binding is Binding.LAW and r.laxer(r.value(asked), r.floor) for r in RULES)

    # --- drafts and deviations -----------------------------------------------------------------

    @precondition(lambda self: len(self.pol.tenders) < 3)
    @rule(numbers=PROFILE, statutory=st.booleans(), who=st.sampled_from(["purchasing", "boss", "quality"]),
          reason=REASONS)
    def policy_draft(self, numbers: dict[str, Any] | None, statutory: bool, who: str, reason: str | None) -> None:
        """A drafter proposes its own numbers; laxer ones need a reason (a deviation request)."""
        asked = None if numbers is None else RulesProfile(**numbers)
        m = PolicyTender("", PEOPLE[who].id, asked, statutory, self.now())
        ask = self._ask(m)
        days = (asked or governing_policy(self.pol.profile, statutory)).open_tender_min_days
        m.deadline = self.now() + timedelta(days=days + 5)
        body = draft(self.clock, lots=[LOTS[0]], deadline=m.deadline, bid_security="0.00", statutory=statutory,
                     title="Policy: flood wall materials", **({} if numbers is None else {"profile": numbers}))
        allowed = (PEOPLE[who].has(Role.PURCHASING) and not self._below_law(asked, statutory)
                   and (not ask or len((reason or "").strip()) >= 2))
        ok, view = self.attempt("policy.draft", allowed, self.platform.tenders.create_draft, PEOPLE[who], body,
                                deviation_reason=reason, inv="i40")
        if not self._expected(ok, allowed, "policy.draft", view):
            return
        m.id = view.id
        self.pol.tenders.append(m)
        if ask:
            self._filed(m, ask)

    @precondition(lambda self: len(self.pol.tenders) < 3)
    @rule(numbers=PROFILE.filter(lambda n: bool(n)), statutory=st.sampled_from([False, False, True]),
          drafter=st.sampled_from(["purchasing", "purchasing", "boss"]),
          approver=st.sampled_from(["supervisor", "supervisor2", "supervisor2", "boss"]))
    def policy_deviation_road(self, numbers: dict[str, Any], statutory: bool, drafter: str, approver: str) -> None:
        """The whole road of a deviation in one step: draft with a reason, maybe asked again by
        another officer, a decision (the drafter, a supervisor too, may not take it), publication."""
        before = len(self.pol.tenders)
        self.policy_draft(numbers, statutory, drafter, "防汛抢险：材料须数日内到场")
        if len(self.pol.tenders) == before:
            return
        m = self.pol.tenders[-1]
        if m.deviation is not None and drafter == "boss":
            drafts = [t for t in self.pol.tenders if t.state == "draft"]
            self.policy_request(drafts.index(m), "purchasing2")
        if m.deviation is not None:
            pending = [t for t in self.pol.tenders if t.deviation is not None and t.deviation.state == "requested"]
            self.policy_decide_deviation(pending.index(m), approver, True)
        drafts = [t for t in self.pol.tenders if t.state == "draft"]
        self.policy_publish(drafts.index(m), "purchasing")

    @precondition(lambda self: any(t.state == "draft" for t in self.pol.tenders))
    @rule(t=PICK, numbers=PROFILE, reason=REASONS)
    def policy_edit(self, t: int, numbers: dict[str, Any] | None, reason: str | None) -> None:
        """New numbers void a request or approval made for others."""
        drafts = [m for m in self.pol.tenders if m.state == "draft"]
        m = drafts[t % len(drafts)]
        asked = None if numbers is None else RulesProfile(**numbers)
        ask = self._ask(m, asked) if asked is not None else ()
        keeps = self._matches(m, m.deviation, ask) and m.deviation is not None \
            and m.deviation.state in ("requested", "approved")
        allowed = not self._below_law(asked, m.statutory) and (
            not ask or keeps or len((reason or "").strip()) >= 2)
        body = draft(self.clock, lots=[LOTS[0]], deadline=m.deadline, bid_security="0.00", statutory=m.statutory,
                     title="Policy: flood wall materials", **({} if numbers is None else {"profile": numbers}))
        ok, result = self.attempt("policy.edit", allowed, self.platform.tenders.update_draft, PEOPLE["purchasing"],
                                  m.id, body, deviation_reason=reason, inv="i40")
        if not self._expected(ok, allowed, "policy.edit", result):
            return
        m.asked = asked
        if not keeps:
            m.deviation = None
            if ask:
                self._filed(m, ask)

    @precondition(lambda self: any(t.state == "draft" for t in self.pol.tenders))
    @rule(t=PICK, who=st.sampled_from(["purchasing", "purchasing2", "boss", "supervisor"]))
    def policy_request(self, t: int, who: str) -> None:
        drafts = [m for m in self.pol.tenders if m.state == "draft"]
        m = drafts[t % len(drafts)]
        ask = self._ask(m)
        allowed = PEOPLE[who].has(Role.PURCHASING) and bool(ask)
        ok, result = self.attempt("policy.deviation_request", allowed,
                                  self.platform.policy.request_deviation, PEOPLE[who], m.id, "工期紧急", inv="i43")
        if self._expected(ok, allowed, "policy.deviation_request", result):
            self._filed(m, ask)

    @precondition(lambda self: any(t.deviation is not None and t.deviation.state == "requested"
                                   for t in self.pol.tenders))
    @rule(t=PICK, who=st.sampled_from(["supervisor", "supervisor2", "boss", "purchasing"]), approve=st.booleans())
    def policy_decide_deviation(self, t: int, who: str, approve: bool) -> None:
        """Approved or rejected by a supervisor; the drafter and the requester may not decide."""
        pending = [m for m in self.pol.tenders if m.deviation is not None and m.deviation.state == "requested"]
        m = pending[t % len(pending)]
        d = m.deviation
        assert d is not None
        actor = PEOPLE[who]
        allowed = (actor.has(Role.SUPERVISOR) and actor.id not in (d.requester, m.drafter)
                   and (not approve or (m.state == "draft" and self._matches(m, d, self._ask(m)))))
        fn = self.platform.policy.approve_deviation if approve else self.platform.policy.reject_deviation
        ok, result = self.attempt("policy.deviation_decide", allowed, fn, actor, d.id, inv="i43")
        if self._expected(ok, allowed, "policy.deviation_decide", result):
            d.state = "approved" if approve else "rejected"

    @precondition(lambda self: any(t.state == "draft" for t in self.pol.tenders))
    @rule(t=PICK, who=st.sampled_from(["purchasing", "purchasing", "boss", "supervisor"]))
    def policy_publish(self, t: int, who: str) -> None:
        drafts = [m for m in self.pol.tenders if m.state == "draft"]
        m = drafts[t % len(drafts)]
        ask = self._ask(m)
        frozen = m.asked or governing_policy(self.pol.profile, m.statutory)
        approved = not ask or (self._matches(m, m.deviation, ask) and m.deviation is not None
                               and m.deviation.state == "approved")
        allowed = (PEOPLE[who].has(Role.PURCHASING) and approved
                   and m.deadline >= self.now() + timedelta(days=frozen.open_tender_min_days))
        ok, pub = self.attempt("policy.publish", allowed, self.platform.tenders.publish, PEOPLE[who], m.id,
                               inv="i40")
        if self._expected(ok, allowed, "policy.publish", pub):
            m.state = "published"
            TALLY["policy: published with a deviation" if pub.tender.deviation else "policy: published"] += 1
            if pub.tender.profile != frozen:
                self.flag("i40", f"{m.id} froze {pub.tender.profile}, expected {frozen}")

    # --- the policy ----------------------------------------------------------------------------

    @precondition(lambda self: len(self.pol.proposals) < 6)
    @rule(who=st.sampled_from(["admin", "admin_supervisor", "supervisor"]), data=st.data(),
          below=st.sampled_from([False, False, False, True]))
    def policy_propose(self, who: str, data: st.DataObject, below: bool) -> None:
        """A change of numbers nobody else relies on, or one below a floor (always refused)."""
        if below:
            name = data.draw(st.sampled_from(FLOORED))
            r = next(r for r in RULES if r.name == name)
            assert r.floor is not None
            step = -1 if r.direction.value == "at_least" else 1
            changes: dict[str, Any] = {name: int(r.floor) + step}
        else:
            changes = data.draw(st.fixed_dictionaries({}, optional=SAFE).filter(bool))
        proposed = self.pol.profile.model_copy(update=changes)
        allowed = PEOPLE[who].has(Role.ADMINISTRATOR) and not below and proposed != self.pol.profile
        ok, view = self.attempt("policy.propose", allowed, self.platform.policy.propose, PEOPLE[who], changes,
                                "调整本单位规则", inv="i42")
        if self._expected(ok, allowed, "policy.propose", view):
            self.pol.proposals[view.id] = (view.proposed_by, self.pol.version)

    @precondition(lambda self: bool(self.pol.proposals))
    @rule(k=PICK, who=st.sampled_from(["supervisor", "supervisor2", "admin_supervisor", "admin"]),
          approve=st.booleans())
    def policy_decide(self, k: int, who: str, approve: bool) -> None:
        proposals = self.pol.proposals
        pid = sorted(proposals)[k % len(proposals)]
        proposer, base = proposals[pid]
        actor = PEOPLE[who]
        allowed = actor.has(Role.SUPERVISOR) and actor.id != proposer and (not approve or base == self.pol.version)
        fn = self.platform.policy.approve if approve else self.platform.policy.reject
        ok, view = self.attempt("policy.decide", allowed, fn, actor, pid, inv="i42")
        if self._expected(ok, allowed, "policy.decide", view):
            del proposals[pid]
            if approve:
                self.pol.version, self.pol.profile = view.version, view.profile

    # --- invariants ----------------------------------------------------------------------------

    def _policy_of(self, session: Any, version: int | None) -> RulesProfile | None:
        if not version:
            return DEFAULT_PROFILE
        row = session.exec(select(PolicyVersionRow).where(col(PolicyVersionRow.version) == version)).first()
        return None if row is None else RulesProfile.model_validate(row.profile)

    @invariant()
    def i40_frozen_rules_within_policy_or_approved_deviation(self) -> None:
        self.raise_flagged("i40")
        if self.unchanged_since_checked("i40"):
            return
        with self.platform.internal.session() as session:
            for row in session.exec(select(TenderRow).where(col(TenderRow.published_at).is_not(None))).all():
                policy = self._policy_of(session, row.policy_version)
                assert policy is not None, f"I40: {row.id} froze unknown policy version {row.policy_version}"
                governing = governing_policy(policy, bool(row.statutory))
                frozen = RulesProfile.model_validate(row.profile)
                laxer = {r.name: (r.shown(governing), r.shown(frozen)) for r in RULES
                         if not r.register_only and r.laxer(r.value(frozen), r.value(governing))}
                if not laxer:
                    continue
                dev = row.deviation or {}
                named = {c["rule"]: (c["policy_value"], c["asked_value"]) for c in dev.get("changes", [])}
                assert named == laxer, f"I40: {row.id} laxer than its policy in {laxer}, deviation names {named}"
                stored = session.get(DeviationRow, dev.get("id"))
                assert stored is not None and stored.state == "approved", f"I40: {row.id} deviation not approved"
                assert stored.decided_by not in (None, row.created_by, stored.requested_by), \
                    f"I40: {row.id} deviation decided by {stored.decided_by}"
                assert stored.decided_at is not None and row.published_at is not None \
                    and stored.decided_at <= row.published_at, f"I40: {row.id} published before the approval"
                assert stored.changes == dev["changes"] and stored.policy_version == row.policy_version

    @invariant()
    def i41_statutory_tenders_never_below_the_law(self) -> None:
        if self.unchanged_since_checked("i41"):
            return
        with self.platform.internal.session() as session:
            for row in session.exec(select(TenderRow).where(col(TenderRow.published_at).is_not(None),
                                                            col(TenderRow.statutory).is_(True))).all():
                frozen = RulesProfile.model_validate(row.profile)
                below = [r.name for r in RULES if r.floor is not None and r.binding is Binding.LAW
                         and r.laxer(r.value(frozen), r.floor)]
                assert not below, f"I41: statutory tender {row.id} below the law in {below}"

    @invariant()
    def i42_policy_versions_approved_by_another_supervisor(self) -> None:
        self.raise_flagged("i42")
        if self.unchanged_since_checked("i42"):
            return
        with self.platform.internal.session() as session:
            rows = session.exec(select(PolicyVersionRow).where(col(PolicyVersionRow.state) == "adopted")
                                .order_by(col(PolicyVersionRow.version))).all()
        assert [r.version for r in rows] == list(range(1, len(rows) + 1)), "I42: versions not 1, 2, 3…"
        for r in rows:
            approver = BY_ID.get(r.decided_by or "")
            assert approver is not None and approver.has(Role.SUPERVISOR) and r.decided_by != r.proposed_by, \
                f"I42: version {r.version} proposed by {r.proposed_by}, approved by {r.decided_by}"
            profile = RulesProfile.model_validate(r.profile)
            below = [x.name for x in RULES if x.floor is not None and x.laxer(x.value(profile), x.floor)]
            assert not below, f"I42: version {r.version} below the floors in {below}"

    @invariant()
    def i43_deviation_decisions_by_another_supervisor(self) -> None:
        self.raise_flagged("i43")
        if self.unchanged_since_checked("i43"):
            return
        with self.platform.internal.session() as session:
            rows = session.exec(select(DeviationRow).where(col(DeviationRow.decided_by).is_not(None))).all()
            drafters = {t.id: t.created_by for t in session.exec(select(TenderRow)).all()}
        for r in rows:
            decider = BY_ID.get(r.decided_by or "")
            assert decider is not None and decider.has(Role.SUPERVISOR), f"I43: {r.id} decided by {r.decided_by}"
            assert r.decided_by not in (r.requested_by, drafters.get(r.tender_id)), \
                f"I43: {r.id} decided by its requester or the drafter"

    @invariant()
    def i44_policy_in_force_is_the_models(self) -> None:
        if self.unchanged_since_checked("i44"):
            return
        current = self.platform.policy.current()
        assert (current.version, current.profile) == (self.pol.version, self.pol.profile), \
            f"I44: policy in force v{current.version}, the model expects v{self.pol.version}"
