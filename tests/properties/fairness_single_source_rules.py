"""Single source (单一来源) in the fairness machine: rules drafting, approving, objecting,
deciding, negotiating, signing, concluding and cancelling single-source procurements with random
actors (one of them a purchasing officer who is also a supervisor), random grounds and references
(true, false or made up: contracts and failed tenders taken from the store or invented), and the
invariants I50–I54 read back from the store.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule
from sqlmodel import col, select

from tests.kit import ACTORS, supplier_actor
from tests.properties.fairness_base import TALLY, WHO, FairnessBase
from tests.properties.fairness_model import holds
from zhaocai.actors import Actor, Role
from zhaocai.bidding.evaluating.tables import ContractRow
from zhaocai.bidding.single_source import DEFAULT_POLICY
from zhaocai.bidding.single_source.rules import additional_cap
from zhaocai.bidding.single_source.tables import (
    SingleSourceObjectionRow,
    SingleSourceRow,
    SingleSourceSignatureRow,
)
from zhaocai.bidding.tables import TenderRow
from zhaocai.categories import Category
from zhaocai.money import Money
from zhaocai.store.schema import AuditEventRow

BOTH = Actor(id="ps-qian", name="钱主任", roles=frozenset({Role.PURCHASING, Role.SUPERVISOR}))
PEOPLE = {**ACTORS, "both": BOTH}
ROLES_OF = {a.id: a.roles for a in PEOPLE.values()}
SS_WHO = [*WHO, "both", "both"]
DRAFTERS = ["purchasing", "purchasing2", "both"] * 3
APPROVERS = ["supervisor", "supervisor2", "both"] * 3
GROUNDS = ["proprietary", "emergency", "additional_compatible", "additional_compatible", "failed_twice",
           "failed_twice"]
LIVE = ("notice", "negotiating", "concluded")
PICK = st.integers(0, 7)
ESTIMATES = st.sampled_from(["1200.00", "86000.00", "300000.00", "499999.00", "4999999.00"])
PERCENT = st.sampled_from([80, 95, 100, 101])
RECORD = "协商记录：单价、交货期与质保条款经双方协商确定。"


class SingleSourceRules(FairnessBase):
    """Single-source procurements driven at random; I50–I54 checked from the store."""

    def _ss_rows(self, *states: str) -> list[SingleSourceRow]:
        """The procurements (in `states`), read once per state of the store (preconditions ask often)."""
        key = self.fingerprint()
        cached = getattr(self, "_ss_cache", None)
        if cached is None or cached[0] != key:
            with self.platform.internal.session() as session:
                rows = list(session.exec(select(SingleSourceRow).order_by(
                    col(SingleSourceRow.drafted_at), col(SingleSourceRow.id))).all())
            cached = self._ss_cache = (key, rows)
        return [r for r in cached[1] if not states or r.state in states]

    def _ss_pick(self, k: int, *states: str) -> SingleSourceRow | None:
        rows = self._ss_rows(*states)
        return rows[k % len(rows)] if rows else None

    def _references(self, ground: str, k: int, share: int, mode: str, estimate: str,
                    supplier_id: str) -> tuple[str, dict[str, Any], str]:
        """The ground, its references and the supplier to propose. `mode`: "made_up" invents the
        references, "random" takes any from the store, "honest" only true ones (falling back to
        `proprietary` when the store has none)."""
        honest = mode == "honest"
        with self.platform.internal.session() as session:
            if ground == "additional_compatible":
                query = select(ContractRow).order_by(col(ContractRow.id))
                if honest:
                    query = query.where(col(ContractRow.status) == "signed")
                contracts = session.exec(query).all()
                if mode == "made_up" or not contracts:
                    if honest:
                        return "proprietary", {"estimate": estimate}, supplier_id
                    return ground, {"earlier_contract_id": "ctr-made-up", "estimate": estimate}, supplier_id
                c = contracts[k % len(contracts)]
                amount = Money.from_fen(c.amount_fen * share // 100).amount or Decimal("1.00")
                owner = c.supplier_id if honest or k % 3 else supplier_id
                return ground, {"earlier_contract_id": c.id, "estimate": str(amount)}, owner
            if ground == "failed_twice":
                children = session.exec(select(TenderRow).where(col(TenderRow.retender_of).is_not(None))
                                        .order_by(col(TenderRow.id))).all()
                parents = {t.id: t for t in session.exec(select(TenderRow)).all()}
                chains = [[c.retender_of, c.id] for c in children
                          if not honest or (c.state == "failed" and parents[c.retender_of or ""].state == "failed")]
                if mode == "made_up" or (honest and not chains) or not parents:
                    if honest:
                        return "proprietary", {"estimate": estimate}, supplier_id
                    return ground, {"failed_tender_ids": ["tdr-made-up-1", "tdr-made-up-2"],
                                    "estimate": estimate}, supplier_id
                if chains and (honest or k % 2):
                    return ground, {"failed_tender_ids": chains[k % len(chains)], "estimate": estimate}, supplier_id
                ids = sorted(parents)
                return ground, {"failed_tender_ids": sorted({ids[k % len(ids)], ids[-1]}),
                                "estimate": estimate}, supplier_id
        return ground, {"estimate": estimate}, supplier_id

    @rule(who=st.sampled_from([*SS_WHO, *DRAFTERS]), s=PICK, ground=st.sampled_from(GROUNDS), k=PICK,
          share=st.sampled_from([3, 8, 10, 11, 40]), made_up=st.booleans(), estimate=ESTIMATES)
    def ss_draft(self, who: str, s: int, ground: str, k: int, share: int, made_up: bool,
                 estimate: str) -> None:
        """Draft a single source; only purchasing may, and the references must fit the ground."""
        self._draft(who, s, ground, k, share, "made_up" if made_up else "random", estimate)

    def _draft(self, who: str, s: int, ground: str, k: int, share: int, mode: str,
               estimate: str) -> str | None:
        actor = PEOPLE[who]
        supplier_id = self.supplier(s).id
        if mode == "honest":  # a supplier eligible now, where there is one
            eligible = [m.id for m in self.suppliers if self.platform.suppliers.eligibility(
                m.id, Category.MATERIALS, Decimal(estimate), at=self.now()).eligible]
            supplier_id = eligible[s % len(eligible)] if eligible else supplier_id
        ground, refs, supplier_id = self._references(ground, k, share, mode, estimate, supplier_id)
        data = {"title": "单一来源采购", "buyer": "浙江津义建设", "category": "materials",
                "description": "proprietary bearings", "supplier_id": supplier_id,
                "justification": ground, "reason": f"理由：{ground}，详见论证意见。", **refs}
        shape_ok = len(set(refs.get("failed_tender_ids", ["a", "b"]))) == 2
        ok, view = self.attempt("single_source.draft", holds(actor, {Role.PURCHASING}) and shape_ok,
                                self.platform.single_source.draft, actor, data)
        if ok:
            TALLY[f"single source drafted: {ground} ({mode})"] += 1
        return view.id if ok else None

    @precondition(lambda self: bool(self._ss_rows("drafted")))
    @rule(k=PICK, who=st.sampled_from([*SS_WHO, *APPROVERS]))
    def ss_approve(self, k: int, who: str) -> None:
        self._approve(self._ss_pick(k, "drafted"), PEOPLE[who])

    def _approve(self, row: SingleSourceRow | None, actor: Actor) -> None:
        assert row is not None
        allowed = holds(actor, {Role.SUPERVISOR}) and actor.id != row.drafted_by and row.state == "drafted"
        ok, view = self.attempt("single_source.approve", allowed, self.platform.single_source.approve,
                                actor, row.id, inv="i50")
        if ok:
            self._eligible_now("approve", view.supplier_id, view.estimate)
            TALLY[f"single source approved: {view.justification.value}"] += 1

    @precondition(lambda self: bool(self._ss_rows("notice")))
    @rule(k=PICK, who=st.sampled_from([*SS_WHO, "rival"]))
    def ss_object(self, k: int, who: str) -> None:
        actor = supplier_actor(self.supplier(k).id) if who == "rival" else PEOPLE[who]
        self._object(self._ss_pick(k, "notice"), actor)

    def _object(self, row: SingleSourceRow | None, actor: Actor) -> None:
        assert row is not None
        allowed = row.state == "notice" and row.notice_ends is not None and self.now() < row.notice_ends
        self.attempt("single_source.objection", allowed, self.platform.single_source.lodge_objection,
                     actor, row.id, "异议：应当公开招标", inv="i51")

    @precondition(lambda self: bool(self._ss_rows("notice")))
    @rule(k=PICK, who=st.sampled_from(SS_WHO), upheld=st.sampled_from([False, False, True]))
    def ss_decide(self, k: int, who: str, upheld: bool) -> None:
        self._decide(k, None, PEOPLE[who], upheld)

    def _decide(self, k: int, procurement_id: str | None, actor: Actor, upheld: bool) -> None:
        with self.platform.internal.session() as session:
            query = select(SingleSourceObjectionRow).where(col(SingleSourceObjectionRow.decision).is_(None))
            if procurement_id is not None:
                query = query.where(col(SingleSourceObjectionRow.procurement_id) == procurement_id)
            pending = session.exec(query.order_by(col(SingleSourceObjectionRow.id))).all()
        if not pending:
            return
        o = pending[k % len(pending)]
        row = next(r for r in self._ss_rows() if r.id == o.procurement_id)
        allowed = holds(actor, {Role.SUPERVISOR}) and actor.id not in (row.drafted_by, row.approved_by, o.raised_by)
        self.attempt("single_source.objection_decide", allowed, self.platform.single_source.decide_objection,
                     actor, o.id, upheld=upheld, answer="经补充论证作出处理", inv="i51")

    @precondition(lambda self: bool(self._ss_rows("notice")))
    @rule(k=PICK, who=st.sampled_from(SS_WHO), percent=PERCENT, wait=st.booleans())
    def ss_negotiate(self, k: int, who: str, percent: int, wait: bool) -> None:
        self._negotiate(self._ss_pick(k, "notice"), PEOPLE[who], percent, wait)

    def _negotiate(self, row: SingleSourceRow | None, actor: Actor, percent: int, wait: bool) -> None:
        assert row is not None
        if row.notice_ends is not None and wait and self.now() < row.notice_ends:
            self.clock.set(row.notice_ends)
        price = Money.from_fen(row.estimate_fen * percent // 100).amount
        with self.platform.internal.session() as session:
            pending = session.exec(select(SingleSourceObjectionRow).where(
                col(SingleSourceObjectionRow.procurement_id) == row.id,
                col(SingleSourceObjectionRow.decision).is_(None))).first()
        allowed = (holds(actor, {Role.PURCHASING}) and row.state == "notice" and row.notice_ends is not None
                   and self.now() >= row.notice_ends and pending is None
                   and price <= Money.from_fen(row.estimate_fen).amount)
        self.attempt("single_source.negotiate", allowed, self.platform.single_source.record_negotiation,
                     actor, row.id, {"agreed_price": str(price), "record": RECORD}, inv="i51")

    @precondition(lambda self: bool(self._ss_rows("negotiating")))
    @rule(k=PICK, who=st.sampled_from(SS_WHO))
    def ss_sign(self, k: int, who: str) -> None:
        self._sign(self._ss_pick(k, "negotiating"), PEOPLE[who])

    def _sign(self, row: SingleSourceRow | None, actor: Actor) -> None:
        assert row is not None
        allowed = holds(actor, {Role.PURCHASING}) and actor.id not in self._signers(row.id)
        self.attempt("single_source.sign", allowed, self.platform.single_source.sign, actor, row.id, inv="i52")

    @precondition(lambda self: bool(self._ss_rows("negotiating")))
    @rule(k=PICK, who=st.sampled_from(SS_WHO), sign_contract=st.booleans())
    def ss_conclude(self, k: int, who: str, sign_contract: bool) -> None:
        self._conclude(self._ss_pick(k, "negotiating"), PEOPLE[who], sign_contract)

    def _conclude(self, row: SingleSourceRow | None, actor: Actor, sign_contract: bool) -> None:
        assert row is not None
        allowed = holds(actor, {Role.PURCHASING}) and row.state == "negotiating" and len(self._signers(row.id)) >= 2
        ok, view = self.attempt("single_source.conclude", allowed, self.platform.single_source.conclude,
                                actor, row.id, inv="i52")
        if not ok:
            return
        self._eligible_now("conclude", view.supplier_id, view.agreed_price)
        TALLY["single source concluded"] += 1
        if sign_contract:
            for signer in (supplier_actor(view.supplier_id), ACTORS["purchasing"]):
                self.attempt("contract.sign", True, self.evaluation.sign_contract, signer, view.contract_id)

    @rule(s=PICK, ground=st.sampled_from(GROUNDS), k=PICK, share=st.sampled_from([3, 8, 10]),
          estimate=st.sampled_from(["1200.00", "86000.00", "300000.00"]), drafter=st.sampled_from(["purchasing", "purchasing2", "both"]),
          approver=st.sampled_from(["supervisor", "supervisor2", "supervisor2", "both"]),
          objection=st.sampled_from([None, None, "supervisor", "supervisor2", "both"]),
          upheld=st.sampled_from([False, False, False, False, True]), percent=st.sampled_from([80, 95, 100]),
          signers=st.lists(st.sampled_from(["purchasing", "purchasing2", "both", "purchasing2", "supervisor"]),
                           min_size=2, max_size=3),
          sign_contract=st.booleans())
    def ss_road(self, s: int, ground: str, k: int, share: int, estimate: str, drafter: str, approver: str,
                objection: str | None, upheld: bool, percent: int, signers: list[str],
                sign_contract: bool) -> None:
        """The whole road in one step, mostly with the right people, so that examples conclude."""
        procurement_id = self._draft(drafter, s, ground, k, share, "honest", estimate)
        if procurement_id is None:
            return
        self._approve(self._ss_row(procurement_id), PEOPLE[approver])
        if objection is not None:
            self._object(self._ss_row(procurement_id), supplier_actor(self.supplier(k + 1).id))
            self._decide(0, procurement_id, PEOPLE[objection], upheld)
        self._negotiate(self._ss_row(procurement_id), ACTORS["purchasing"], percent, True)
        for who in signers:
            self._sign(self._ss_row(procurement_id), PEOPLE[who])
        self._conclude(self._ss_row(procurement_id), ACTORS["purchasing2"], sign_contract)

    def _ss_row(self, procurement_id: str) -> SingleSourceRow:
        return next(r for r in self._ss_rows() if r.id == procurement_id)

    @precondition(lambda self: bool(self._ss_rows("drafted", "notice", "negotiating")))
    @rule(k=PICK, who=st.sampled_from(SS_WHO))
    def ss_cancel(self, k: int, who: str) -> None:
        row = self._ss_pick(k, "drafted", "notice", "negotiating")
        assert row is not None
        actor = PEOPLE[who]
        allowed = holds(actor, {Role.PURCHASING, Role.SUPERVISOR}) and (
            actor.id == row.drafted_by or Role.SUPERVISOR in actor.roles)
        self.attempt("single_source.cancel", allowed, self.platform.single_source.cancel, actor, row.id, "需求变更")

    @rule(days=st.sampled_from([1, 3, 8]))
    def ss_wait(self, days: int) -> None:
        """Let days pass (notices run out)."""
        self.clock.advance(days=days)

    def _signers(self, procurement_id: str) -> list[str]:
        with self.platform.internal.session() as session:
            return list(session.exec(select(SingleSourceSignatureRow.officer_id).where(
                col(SingleSourceSignatureRow.procurement_id) == procurement_id)).all())

    def _eligible_now(self, step: str, supplier_id: str, amount: Decimal | None) -> None:
        assert amount is not None
        if not self.platform.suppliers.eligibility(supplier_id, Category.MATERIALS, amount, at=self.now()).eligible:
            self.flag("i53", f"single source {step} accepted with {supplier_id} ineligible")

    # -- invariants ------------------------------------------------------------------------------

    def _audit_actor(self, session: Any, action: str, subject_id: str) -> set[str]:
        return set(session.exec(select(AuditEventRow.actor_id).where(
            col(AuditEventRow.action) == action, col(AuditEventRow.subject_id) == subject_id)).all())

    @invariant()
    def i50_single_source_approved_by_an_independent_supervisor(self) -> None:
        self.raise_flagged("i50")
        if self.unchanged_since_checked("i50"):
            return
        with self.platform.internal.session() as session:
            for row in self._ss_rows(*LIVE):
                assert row.approved_by is not None and row.approved_by != row.drafted_by, \
                    f"I50: {row.id} approved by {row.approved_by}, drafted by {row.drafted_by}"
                assert Role.SUPERVISOR in ROLES_OF.get(row.approved_by, frozenset()), \
                    f"I50: {row.id} approved by {row.approved_by}, not a supervisor"
                assert self._audit_actor(session, "single_source.approve", row.id) == {row.approved_by}
                assert Role.PURCHASING in ROLES_OF.get(row.drafted_by, frozenset()), f"I50: {row.id} drafter"

    @invariant()
    def i51_full_notice_and_every_objection_decided(self) -> None:
        self.raise_flagged("i51")
        if self.unchanged_since_checked("i51"):
            return
        with self.platform.internal.session() as session:
            objections = session.exec(select(SingleSourceObjectionRow)).all()
            rows = {r.id: r for r in self._ss_rows()}
            for row in rows.values():
                if row.state not in LIVE:
                    continue
                assert row.approved_at is not None and row.notice_ends is not None
                assert row.notice_ends >= DEFAULT_POLICY.notice_ends(row.approved_at, self.platform.calendar), \
                    f"I51: {row.id} notice shorter than five working days"
                if row.negotiated_at is not None:
                    assert row.negotiated_at >= row.notice_ends, f"I51: {row.id} negotiated during the notice"
            for o in objections:
                row = rows[o.procurement_id]
                assert row.notice_ends is not None and o.raised_at < row.notice_ends, f"I51: late objection {o.id}"
                if row.negotiated_at is not None:
                    assert o.decided_at is not None and o.decided_at <= row.negotiated_at, \
                        f"I51: {row.id} negotiated with objection {o.id} undecided"
                    assert o.decision == "dismissed", f"I51: {row.id} went on after an upheld objection"
                if o.decision is not None:
                    assert o.decided_by not in (row.drafted_by, row.approved_by, o.raised_by) and \
                        Role.SUPERVISOR in ROLES_OF.get(o.decided_by or "", frozenset()), \
                        f"I51: objection {o.id} decided by {o.decided_by}"
                if o.decision == "upheld":
                    assert row.state == "cancelled", f"I51: {row.id} survived an upheld objection"

    @invariant()
    def i52_two_officers_signed_the_negotiation_record(self) -> None:
        self.raise_flagged("i52")
        if self.unchanged_since_checked("i52"):
            return
        with self.platform.internal.session() as session:
            for row in self._ss_rows("concluded"):
                sigs = session.exec(select(SingleSourceSignatureRow).where(
                    col(SingleSourceSignatureRow.procurement_id) == row.id)).all()
                signers = {s.officer_id for s in sigs}
                assert len(signers) >= 2 and signers - {row.drafted_by}, f"I52: {row.id} signed by {signers}"
                assert all(Role.PURCHASING in ROLES_OF.get(s, frozenset()) for s in signers), f"I52: {signers}"
                assert {s.digest for s in sigs} == {row.negotiation_digest}, f"I52: {row.id} signed another record"
                assert row.concluded_at is not None and row.negotiated_at is not None
                assert all(row.negotiated_at <= s.signed_at <= row.concluded_at for s in sigs)
                per_signer = {a for s in signers for a in self._audit_actor(session, "single_source.sign", row.id)}
                assert per_signer == signers, f"I52: {row.id} signatures {signers}, audit {per_signer}"
                contract = session.get(ContractRow, row.contract_id)
                assert contract is not None and contract.supplier_id == row.supplier_id
                assert row.agreed_fen is not None and contract.amount_fen == row.agreed_fen <= row.estimate_fen

    @invariant()
    def i53_justification_references_true_at_approval(self) -> None:
        self.raise_flagged("i53")
        if self.unchanged_since_checked("i53"):
            return
        with self.platform.internal.session() as session:
            taken: dict[str, int] = {}
            for row in self._ss_rows(*LIVE):
                if row.justification == "additional_compatible":
                    c = session.get(ContractRow, row.earlier_contract_id)
                    assert c is not None and c.supplier_id == row.supplier_id, f"I53: {row.id} contract"
                    assert row.approval_facts["contract"]["status"] == "signed", f"I53: {row.id} unsigned"
                    taken[c.id] = taken.get(c.id, 0) + (row.agreed_fen or row.estimate_fen)
                if row.justification == "failed_twice":
                    ids = set(row.failed_tender_ids)
                    tenders = session.exec(select(TenderRow).where(col(TenderRow.id).in_(ids))).all()
                    assert len(tenders) == len(ids) >= 2 and all(t.state == "failed" for t in tenders), \
                        f"I53: {row.id} names tenders that did not fail"
                    assert sum(1 for t in tenders if t.retender_of in ids) == len(ids) - 1, \
                        f"I53: {row.id} tenders are not one chain"
            for contract_id, fen in taken.items():
                c = session.get(ContractRow, contract_id)
                assert c is not None
                cap = additional_cap(Money.from_fen(c.amount_fen).amount, DEFAULT_POLICY)
                assert Money.from_fen(fen).amount <= cap, \
                    f"I53: additional purchases on {contract_id} exceed the share"
