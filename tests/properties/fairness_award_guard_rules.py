"""Rules and invariants of the fairness machine for "eligibility holds to the contract" and Reg 34.

Rules: a supervisor suspends or blacklists the first candidate during the publicity (or the winner
after the award), then the award and the signatures are tried; a supervisor's decision moves to
the next candidate or sends the tender to re-tender (tried by others too); two suppliers with one
legal representative are registered and bid in the same tender.

Invariants: i70 no award or signature went to a supplier ineligible at that moment; i71 no bid
void under Reg 34 counted as valid; i72 no report compiled while a shared-contact question was
undetermined; i73 every move past a candidate was a supervisor's recorded decision (or a removal
proposed by one person and approved by another supervisor).
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule
from sqlalchemy import text

from tests.kit import ACTORS, register_admitted_supplier, shared_identity_number, supplier_actor
from tests.properties.fairness_base import MAX_SUPPLIERS, MAX_TENDERS, TALLY, TENDER, FairnessBase
from tests.properties.fairness_evaluation_rules import THE_ROAD
from tests.properties.fairness_model import SupplierModel, TenderModel, audit_rows, eligible, holds, moment
from tests.properties.fairness_opening_rules import FAST_TRACK
from zhaocai.actors import Role
from zhaocai.bidding.rules.compliance import CONTROL_ROLES

SUPERVISORS = {a.id for a in ACTORS.values() if a.has(Role.SUPERVISOR)}


class AwardGuardRules(FairnessBase):
    """Eligibility at the award and the contract; Reg 34 related bidders."""

    # --- the check at the moment of every award and signature (i70) -------------------------

    def attempt(self, name: str, allowed: bool, fn: Any, *args: Any, inv: str = "i12",
                **kw: Any) -> tuple[bool, Any]:
        ok, result = super().attempt(name, allowed, fn, *args, inv=inv, **kw)  # type: ignore[misc]
        if ok and name in ("award.decide", "award.ineligible_decide"):
            for n in getattr(result, "notices", []):
                if not eligible(self.engine, n.supplier_id, self.now(), n.amount):
                    self.flag("i70", f"{name}: lot {n.lot_id} awarded to {n.supplier_id}, ineligible now")
        elif ok and name == "contract.sign" and not eligible(self.engine, result.supplier_id, self.now(),
                                                             result.amount):
            self.flag("i70", f"contract {result.id} signed with {result.supplier_id}, ineligible now")
        return ok, result

    # --- model helpers ------------------------------------------------------------------------

    def standing_award(self, m: TenderModel) -> Any | None:
        """The pending contract of an awarded tender's lot L1, if any."""
        return next((c for c in self.evaluation.contracts(m.id) if c.status == "pending_signature"), None)

    def winner_now(self, m: TenderModel) -> tuple[str, str, Decimal] | None:
        """(bid, supplier, amount) the lot's award goes (or went) to now."""
        if m.state == "publicising":
            first = m.first_candidate("L1")
            sid = next((s for s, b in m.bids.items() if b.bid_id == first), None)
            return None if sid is None or first is None else (first, sid, m.bids[sid].price)
        contract = self.standing_award(m)
        return None if contract is None else (contract.bid_id, contract.supplier_id, contract.amount)

    # --- rules --------------------------------------------------------------------------------

    @precondition(lambda self: self.evaluation is not None and any(
        m.state in ("publicising", "awarded") for m in self.tenders))
    @rule(t=TENDER, how=st.sampled_from(["suspend", "suspend", "blacklist"]),
          then=st.sampled_from(["sign_supplier", "sign_buyer"]),
          decide=st.sampled_from([None, "next_candidate", "next_candidate", "retender"]))
    def winner_loses_standing(self, t: int, how: str, then: str, decide: str | None) -> None:
        """A supervisor suspends (or clears out) the winner; the award (after the publicity) or a
        signature is tried at once; then maybe a supervisor decides, and the award is tried again."""
        found = [m for m in self.tenders if m.state in ("publicising", "awarded")]
        m = found[t % len(found)]
        winner = self.winner_now(m)
        if winner is None:
            return
        sid = winner[1]
        svc = self.platform.suppliers
        if how == "suspend":
            self.attempt("supplier.standing.suspend", True, svc.suspend, ACTORS["supervisor"], sid, "中标后查实违规")
        else:
            ok, request = self.attempt("supplier.blacklist.propose", True, svc.propose_blacklist, ACTORS["supervisor"],
                                       sid, "串标", evidence=["证据"], ban_days=40)
            for who in ("supervisor2", "quality") if ok else ():
                if any(r.id == request.id for r in svc.requests(ACTORS["purchasing"], supplier_id=sid, state="pending")):
                    self.attempt("supplier.blacklist.approve", True, svc.approve_blacklist, ACTORS[who], request.id)
        TALLY[f"award guard: winner {how} ({m.state})"] += 1
        self.award_or_sign(m, then)
        if decide is not None and m.state in ("publicising", "awarded"):
            self.decide_on(m, "supervisor", decide)
            self.award_or_sign(m, then)

    def award_or_sign(self, m: TenderModel, then: str) -> None:
        """The award (after the publicity) or a signature of the pending contract, tried now: i70,
        checked in `attempt`, holds whether a standing change took effect at once or awaits an
        approval."""
        if m.state == "publicising":
            if m.publicity_ends is None:
                report = self.evaluation.report(ACTORS["purchasing"], m.id)
                m.publicity_ends = report.publicity_ends
                m.candidates = {lot.lot_id: list(lot.candidates) for lot in report.lots}
            if m.publicity_ends is not None and self.now() < m.publicity_ends:
                self.clock.set(m.publicity_ends)
            ok, view = self.attempt("award.decide", True, self.evaluation.award, ACTORS["purchasing"], m.id)
            if ok:
                m.state = view.state
            return
        contract = self.standing_award(m) if m.state == "awarded" else None
        if contract is not None:
            actor = supplier_actor(contract.supplier_id) if then == "sign_supplier" else ACTORS["purchasing"]
            ok, view = self.attempt("contract.sign", True, self.evaluation.sign_contract, actor, contract.id)
            if ok:
                m.state = view.tender_state

    @precondition(lambda self: self.evaluation is not None and any(
        m.state in ("publicising", "awarded") for m in self.tenders))
    @rule(t=TENDER, who=st.sampled_from(["supervisor", "supervisor2", "supervisor", "purchasing", "quality"]),
          action=st.sampled_from(["next_candidate", "next_candidate", "retender"]))
    def supervisor_decides(self, t: int, who: str, action: str) -> None:
        """A decision on the winner of a publicised or awarded tender, by anyone (refused but for a
        supervisor, and while the winner is eligible)."""
        found = [m for m in self.tenders if m.state in ("publicising", "awarded")]
        self.decide_on(found[t % len(found)], who, action)

    def decide_on(self, m: TenderModel, who: str, action: str) -> None:
        winner = self.winner_now(m)
        if winner is None:
            return
        bid_id, sid, amount = winner
        actor = ACTORS[who]
        lost = not eligible(self.engine, sid, self.now(), amount)
        ok, view = self.attempt("award.ineligible_decide", holds(actor, {Role.SUPERVISOR}) and lost,
                                self.evaluation.decide_ineligible, actor, m.id,
                                {"lot_id": "L1", "action": action, "reason": "中标人已不具备资格"}, inv="i73")
        if not ok:
            return
        m.removed.add(bid_id)
        m.state = view.state
        TALLY[f"award guard: supervisor decided {action} → {view.state}"] += 1

    @precondition(lambda self: self.evaluation is not None and len(self.suppliers) <= MAX_SUPPLIERS - 2 and (
        any(self.accepting(m) for m in self.tenders) or len(self.tenders) < MAX_TENDERS))
    @rule(same=st.sampled_from(["legal", "owner", "phone"]), road=st.sampled_from(["whole", "hit_first", None]),
          data=st.data())
    def related_bidders(self, same: str, road: str | None, data: st.DataObject) -> None:
        """Two suppliers with one legal representative (or one owner) register, are admitted and bid
        in the same open tender (published here if none accepts bids); then, mostly, the others bid
        and the tender goes its whole road (or to the report, and its first candidate is then
        suspended or cleared out): their bids are void at the compliance check (Reg 34)."""
        if not any(self.accepting(m) for m in self.tenders):
            self.publish(1, "purchasing", "purchasing", 2, 3, data.draw(st.booleans()), False)
        m = next((m for m in self.tenders if self.accepting(m)), None)
        if m is None or m.method == "price_inquiry":
            return
        self.seed += 2
        shared = shared_identity_number(self.seed)
        extra: dict[str, Any] = {
            "legal": {"legal_representative": "楼建国", "legal_representative_id": shared},
            "owner": {"persons": [{"role": "owner", "name": "陈控股", "identity_number": shared}]},
            "phone": {"contacts": [{"name": "代理人", "phone": "１３９ ０５７９ ６６６６", "email": "bid@agent.cn"}]},
        }[same]
        for n in (0, 1):
            sid = register_admitted_supplier(self.platform, ACTORS, name=f"关联{self.seed}-{n}号",
                                             seed=self.seed + n, **extra)
            self.suppliers.append(SupplierModel(sid, supplier_actor(sid), ACTORS["purchasing2"].id))
        self._fp = None
        t = self.tenders.index(m)
        for n in (2, 1):
            self.submit_bid(t, len(self.suppliers) - n, "good", data.draw(st.integers(0, 99999)), 1 + n, "own")
        TALLY[f"award guard: related bidders ({same})"] += 1
        if road is None:
            return
        track = {name: data.draw(s) for name, s in FAST_TRACK.items()}
        if road == "hit_first":  # enough bids that three stay valid beside the two void ones
            track.update(count=5, kinds=["good"] * 5)
        self.fast_track(**track)
        if road == "whole" and self.on_the_road(m):
            self.evaluate_to_contract(**{name: data.draw(s) for name, s in THE_ROAD.items()})
            if m.state == "evaluating":  # the report waits for the committee's determination
                self.determine_related([x for x in self.tenders if x.state == "evaluating"].index(m), 0, 1,
                                       data.draw(st.booleans()))
                if self.on_the_road(m):
                    self.evaluate_to_contract(**{name: data.draw(s) for name, s in THE_ROAD.items()})
        elif road == "hit_first" and m.state == "opened" and not m.two_envelopes:
            self.draw([x for x in self.tenders if x.state == "opened"].index(m), "purchasing")
            if m.state == "evaluating":
                self.evaluation_sprint([x for x in self.tenders if x.state == "evaluating"].index(m),
                                       data.draw(THE_ROAD["order"]), 1)
            if m.state == "publicising":
                self.winner_loses_standing([x for x in self.tenders if x.state in ("publicising", "awarded")].index(m),
                                           data.draw(st.sampled_from(["suspend", "blacklist"])), "sign_buyer",
                                           data.draw(st.sampled_from(["next_candidate", "retender", None])))

    @precondition(lambda self: self.evaluation is not None and any(m.state == "evaluating" for m in self.tenders))
    @rule(t=TENDER, k=st.integers(0, 6), outsider=st.integers(0, 4), void=st.booleans())
    def determine_related(self, t: int, k: int, outsider: int, void: bool) -> None:
        """A member (or an outsider, refused) determines a pending shared-contact question (Reg 34)."""
        m = self.in_state(t, "evaluating")
        assert m is not None
        for q in self.evaluation.compliance(ACTORS["purchasing"], m.id).related:
            if q.kind == "question" and q.void is None:
                actor = self.member(m, k, outsider == 0)
                ok, _ = self.attempt("evaluation.related", outsider > 0, self.evaluation.determine_related, actor,
                                     m.id, {"supplier_a": q.supplier_a, "supplier_b": q.supplier_b, "void": void,
                                            "reason": "共用联系方式，经核实"}, inv="i06")
                if ok:
                    TALLY[f"award guard: question determined void={void}"] += 1
                    m.state = self.platform.tenders.get(ACTORS["auditor"], m.id).state.value
                return

    # --- invariants ---------------------------------------------------------------------------

    @invariant()
    def i70_award_and_signature_only_to_eligible_suppliers(self) -> None:
        self.raise_flagged("i70")

    def controlled_pairs(self, suppliers: set[str]) -> set[tuple[str, str]]:
        """Pairs of `suppliers` one identity controls or manages (raw register rows)."""
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT supplier_id, role, id_hash FROM supplier_person")).all()
        by_hash: dict[str, set[str]] = {}
        for sid, role, hashed in rows:
            if sid in suppliers and role in CONTROL_ROLES:
                by_hash.setdefault(hashed, set()).add(sid)
        return {(a, b) for group in by_hash.values() for a in group for b in group if a < b}

    @invariant()
    def i71_no_void_reg34_bid_counted_valid(self) -> None:
        if self.evaluation is None or self.unchanged_since_checked("i71"):
            return
        for m in self.tenders:
            if m.method == "price_inquiry" or not m.members:
                continue
            view = self.evaluation.compliance(ACTORS["purchasing"], m.id)
            for lot in view.lots:
                priced = {e.supplier_id: e for e in lot.entries if e.price is not None}
                for a, b in self.controlled_pairs(set(priced)):
                    assert not priced[a].compliant and not priced[b].compliant, \
                        f"I71: {m.id} {lot.lot_id}: related bidders {a}, {b} counted as valid"
                    TALLY["I71: related bidders voided"] += 1
                if lot.status != "failed":
                    assert lot.compliant == sum(e.compliant for e in lot.entries), \
                        f"I71: {m.id} {lot.lot_id} counts {lot.compliant} valid bids"

    @invariant()
    def i72_no_report_with_an_undetermined_question(self) -> None:
        if self.evaluation is None or self.unchanged_since_checked("i72"):
            return
        with self.engine.connect() as conn:
            questions = conn.execute(text(
                "SELECT tender_id, decided_at FROM evaluation_related WHERE kind = 'question'")).all()
        if not questions:
            return
        for e in audit_rows(self.engine):
            if e["action"] != "evaluation.report":
                continue
            at = moment(e["at"]) if not isinstance(e["at"], datetime) else e["at"]
            for tender_id, decided_at in questions:
                if tender_id == e["subject"]:
                    assert decided_at is not None and moment(decided_at) <= moment(at), \
                        f"I72: report of {tender_id} compiled before a shared-contact question was determined"

    @invariant()
    def i73_every_move_past_a_candidate_is_a_supervisors_decision(self) -> None:
        self.raise_flagged("i73")
        if self.evaluation is None or self.unchanged_since_checked("i73"):
            return
        decisions = {(e["subject"], e["actor"], e["change"].get("bid_id")) for e in audit_rows(self.engine)
                     if e["action"] == "award.ineligible_decide"}
        with self.engine.connect() as conn:
            awards = conn.execute(text("SELECT tender_id, rank, removed, voided_by FROM award")).all()
        for tender_id, rank, removed, voided_by in awards:
            passed = removed if isinstance(removed, list) else json.loads(removed)
            assert rank == len(passed) + 1, f"I73: {tender_id} awarded at rank {rank} past {len(passed)}"
            for r in passed:
                assert r["approved_by"] in SUPERVISORS, f"I73: {tender_id}: {r['bid_id']} passed without a supervisor"
                if r.get("basis") == "ineligible":
                    assert (tender_id, r["approved_by"], r["bid_id"]) in decisions, \
                        f"I73: {tender_id}: {r['bid_id']} passed without a recorded decision"
                else:
                    assert r["recorded_by"] != r["approved_by"], f"I73: {tender_id}: self-approved removal"
            assert voided_by is None or voided_by in SUPERVISORS, f"I73: award of {tender_id} voided by {voided_by}"
