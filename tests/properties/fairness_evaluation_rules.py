"""Rules of the fairness machine over evaluation and award (`platform.evaluation`): committee
draw, declarations, compliance, sealed score sheets, report, publicity, objections, award,
contract signatures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from tests.kit import ACTORS, seated, sheet
from tests.properties.fairness_base import MAX_SUPPLIERS, TALLY, TENDER, FairnessBase
from tests.properties.fairness_model import BUYER, OFFICERS, TenderModel, eligible, holds
from zhaocai import commit_sheet
from zhaocai.actors import Actor, Role

THE_ROAD: dict[str, st.SearchStrategy[Any]] = {
    "order": st.permutations(range(5)), "objection": st.booleans(), "sign": st.booleans(),
    "check_first": st.sampled_from([1, 1, 3]),
    "override": st.sampled_from([None, ("purchasing", "supervisor"), ("purchasing2", "purchasing"),
                                 ("purchasing", "purchasing")]),
    "pick": st.integers(0, MAX_SUPPLIERS),
    "remove": st.sampled_from([None, None, ("supervisor", "self"), ("purchasing", "supervisor"),
                               ("supervisor2", "supervisor")]),
}


def marked_sheet(bids: list[str], k: int, t: int) -> dict[str, dict[str, str]]:
    """The kit's sheet for member `k`, its first point replaced by a marker no other sheet of the
    run uses (`1k.ab`, both decimals non-zero): i74 searches the store for it."""
    points = sheet(bids, k)
    if bids:
        points[bids[0]]["T1"] = marker_of(k, t)
    return points


def marker_of(k: int, t: int) -> str:
    """Member `k`'s marker point on the `t`-th tender (within T1's 25 points)."""
    return f"{10 + k % 10}.{t % 9 + 1}{k % 9 + 1}"


class EvaluationRules(FairnessBase):
    """Evaluation and award, step by step and in sprints."""

    @precondition(lambda self: self.evaluation is not None and any(m.state == "opened" for m in self.tenders))
    @rule(t=TENDER, who=st.sampled_from(["purchasing", "supervisor", "quality", "supplier"]))
    def draw(self, t: int, who: str) -> None:
        m = self.in_state(t, "opened")
        assert m is not None
        actor = self.suppliers[0].actor if who == "supplier" else ACTORS[who]
        allowed = holds(actor, OFFICERS) and m.method != "price_inquiry" and m.ready_for_evaluation()
        ok, _ = self.attempt("committee.draw", allowed, self.evaluation.draw_committee, actor, m.id, inv="i06")
        if ok:
            m.state = "evaluating"
            m.members = seated(self.platform, ACTORS, m.id)
            for r in self.evaluation.committee(ACTORS["purchasing"], m.id).recusals:
                TALLY[f"recused: {r.code}"] += 1

    @precondition(lambda self: any(m.state == "evaluating" for m in self.tenders))
    @rule(t=TENDER, k=st.integers(0, 6), outsider=st.integers(0, 5),
          step=st.sampled_from(["declare", "declare", "finding", "check", "score", "score", "reveal", "reveal",
                                "tamper", "report"]))
    def evaluate(self, t: int, k: int, outsider: int, step: str) -> None:
        m = self.in_state(t, "evaluating")
        assert m is not None
        actor = self.member(m, k, outsider == 0)
        self.evaluate_step(m, actor, step, outsider, k)
        m.state = self.platform.tenders.get(ACTORS["auditor"], m.id).state.value

    def evaluate_step(self, m: TenderModel, actor: Actor, step: str, outsider: int, k: int) -> None:
        ev = self.evaluation
        if step == "declare":
            self.attempt("committee.declare", outsider > 0, ev.declare, actor, m.id, inv="i06")
        elif step == "check":
            ok, view = self.attempt("evaluation.compliance", outsider > 0, ev.check_compliance, actor, m.id,
                                    inv="i06")
            if ok:
                m.checked = True
                for lot in view.lots:
                    for e in lot.entries:
                        if not eligible(self.engine, e.supplier_id, self.now()) and (e.compliant or not e.reasons):
                            self.flag("i04", f"{e.supplier_id} is ineligible but its bid stays in evaluation")
                        if e.bid_id in m.findings and (e.compliant or "compliance.not_responsive" not in
                                                       [r.code for r in e.reasons]):
                            self.flag("i04", f"{e.bid_id} has a finding but is {e.compliant}: {e.reasons}")
        elif step == "finding":  # a member records that a bid does not respond to the requirements
            opened = sorted(b.bid_id for b in m.bids.values() if b.confirmed_through == m.amendments)
            bid_id = opened[k % len(opened)]
            ok, _ = self.attempt("evaluation.finding", outsider > 0 and not m.checked, ev.record_finding, actor,
                                 m.id, bid_id, en="unsigned", zh="未签字盖章", inv="i06")
            if ok:
                m.findings.add(bid_id)
        elif step == "score":  # commit: only the digest of a marked sheet (i74)
            compliance = ev.compliance(ACTORS["purchasing"], m.id)
            bids = sorted(e.bid_id for lot in compliance.lots for e in lot.entries if e.compliant)
            kept = commit_sheet(marked_sheet(bids, k, self.tenders.index(m)), tender_id=m.id, lot_id="L1",
                                member_id=actor.id)
            ok, _ = self.attempt("evaluation.score_commit", outsider > 0 and actor.id not in m.scored,
                                 ev.commit_scores, actor, m.id, "L1", kept.digest, inv="i07")
            if ok:
                m.scored.add(actor.id)
                m.commitments[actor.id] = kept
        elif step in ("reveal", "tamper"):
            self.reveal_step(m, actor, step == "tamper", outsider > 0)
        else:
            ok, report = self.attempt("evaluation.report", outsider > 0, ev.compile_report, actor, m.id,
                                      inv="i05")
            if ok:
                m.publicity_ends = report.publicity_ends
                m.candidates = {lot.lot_id: list(lot.candidates) for lot in report.lots}

    def reveal_step(self, m: TenderModel, actor: Actor, tamper: bool, member: bool) -> None:
        """A member reveals the sheet committed to (allowed once every sitting member has
        committed), or tampers with it: a sheet other than the committed one must be refused
        (i76). A non-member tries another member's commitment."""
        kept = m.commitments.get(actor.id) or next(iter(m.commitments.values()), None)
        if kept is None:
            return
        scores = {bid: dict(row) for bid, row in kept.sheet.items()}
        if tamper:  # one point moved by a hundredth, within range
            _, row = next(iter(scores.items()))
            row["T2"] = str(Decimal(row["T2"]) + (Decimal("0.01") if Decimal(row["T2"]) < 15 else Decimal("-0.01")))
        committed = {a.id for a in m.members} <= m.scored
        allowed = (member and not tamper and committed and actor.id in m.commitments
                   and actor.id not in m.revealed)
        ok, _ = self.attempt("evaluation.score_sheet", allowed, self.evaluation.reveal_scores, actor, m.id, "L1",
                             scores, kept.nonce, inv="i76" if tamper else "i07")
        if ok:
            m.revealed.add(actor.id)
        elif allowed:
            self.flag("i07", f"{actor.id}'s reveal of its committed sheet of {m.id} was refused")

    @precondition(lambda self: any(m.state == "evaluating" for m in self.tenders))
    @rule(t=TENDER, order=st.permutations(range(5)), check_first=st.integers(0, 3))
    def evaluation_sprint(self, t: int, order: list[int], check_first: int) -> None:
        """Declarations, compliance, every member's sealed sheet in a random order, the report."""
        m = self.in_state(t, "evaluating")
        assert m is not None
        if check_first:  # finance records every bidder's bid security (40 000.00, the draft's)
            self.attempt("evaluation.bid_security", True, self.evaluation.record_bid_security, ACTORS["finance"],
                         m.id, dict.fromkeys(m.bids, "40000.00"), inv="i04")
        steps = [("declare", k) for k in order] + [("finding", order[1])] * (check_first == 3)
        steps += [("check", order[0])]
        if m.comprehensive:  # two commit, one reveals too early, the rest commit, one tampers, all reveal
            steps += [("score", k) for k in order[:2]] + [("reveal", order[0])]
            steps += [("score", k) for k in order[2:]] + [("tamper", order[1])]
            steps += [("reveal", k) for k in reversed(order)]
        for step, k in [*steps, ("report", order[-1])]:
            if m.state != "evaluating":
                break
            self.evaluate_step(m, self.member(m, k, False), step, 1, k)
            m.state = self.platform.tenders.get(ACTORS["auditor"], m.id).state.value

    @precondition(lambda self: self.evaluation is not None and any(
        self.on_the_road(m) for m in self.tenders))
    @rule(**THE_ROAD)
    def evaluate_to_contract(self, order: list[int], objection: bool, sign: bool,
                             remove: tuple[str, str] | None, check_first: int = 1,
                             override: tuple[str, str] | None = None, pick: int = 0) -> None:
        """The rest of the road in one step: draw, sprint (or, for a price inquiry, both officers
        sign, maybe an override is proposed and approved or self-approved, and one decides),
        (objection, answer), (a candidate's removal, maybe self-approved), award, contracts."""
        m = next(m for m in self.tenders if self.on_the_road(m))
        if m.state == "opened" and m.method == "price_inquiry":
            for who in ("purchasing", "purchasing2"):
                if ACTORS[who].id not in m.signed:
                    self.sign_inquiry(m, who)
            if override is not None:
                self.override_inquiry(m, *override, pick)
            self.decide_inquiry(m, "purchasing2")
        elif m.state == "opened":
            self.draw([x for x in self.tenders if x.state == "opened"].index(m), "purchasing")
        if m.state == "evaluating":
            self.evaluation_sprint([x for x in self.tenders if x.state == "evaluating"].index(m), order, check_first)
        if m.state != "publicising":
            return
        if remove is not None:
            publicising = [x for x in self.tenders if x.state == "publicising"]
            self.remove_candidate(publicising.index(m), 0, *remove)
            if m.removals:  # self-approval refused: another supervisor approves
                self.remove_candidate(publicising.index(m), 0, remove[0], "supervisor2")
        calls = [(order[0], "object", "purchasing"), (0, "wait_and_award", "purchasing"),
                 (0, "answer", "supervisor")] if objection else []
        for i, step, who in [*calls, (0, "wait_and_award", "purchasing")]:
            if m.state == "publicising":  # the first award (objection refused) ends it early
                self.publicity([x for x in self.tenders if x.state == "publicising"].index(m), i, step, who)
        if sign and m.state == "awarded":
            self.sign(0, "winner")
            self.sign(0, "purchasing")

    def on_the_road(self, m: TenderModel) -> bool:
        """Ready for evaluation (or an inquiry's decision), being evaluated, or publicised."""
        return m.ready_for_evaluation() or m.state in ("evaluating", "publicising")

    @precondition(lambda self: any(m.state == "publicising" for m in self.tenders))
    @rule(t=TENDER, i=st.integers(0, MAX_SUPPLIERS),
          step=st.sampled_from(["object", "answer", "award", "award", "wait_and_award"]),
          who=st.sampled_from(["purchasing", "purchasing", "supervisor", "quality"]))
    def publicity(self, t: int, i: int, step: str, who: str) -> None:
        m = self.in_state(t, "publicising")
        assert m is not None
        ev, actor = self.evaluation, ACTORS[who]
        if m.publicity_ends is None:  # publicised by a step whose report the machine did not see
            report = ev.report(ACTORS["purchasing"], m.id)
            m.publicity_ends = report.publicity_ends
            m.candidates = {lot.lot_id: list(lot.candidates) for lot in report.lots}
        assert m.publicity_ends is not None, f"I9: {m.id} is publicising without a publicity period"
        if step == "object":
            s = self.supplier(i)
            ok, _ = self.attempt("evaluation.objection", s.id in m.bids, ev.raise_objection, s.actor, m.id,
                                 "评标结果异议", inv="i09")
            m.open_objections += int(ok)
            return
        if step == "answer":
            for o in ev.objections(ACTORS["purchasing"], m.id):
                if o.answer is None:
                    ok, _ = self.attempt("evaluation.objection_answer", holds(actor, OFFICERS),
                                         ev.answer_objection, actor, o.id, "已复核")
                    m.open_objections -= int(ok)
            return
        if step == "wait_and_award" and self.now() < m.publicity_ends:
            self.clock.set(m.publicity_ends)
        first = m.first_candidate("L1")
        winner = next((sid for sid, b in m.bids.items() if b.bid_id == first), None)
        allowed = (holds(actor, BUYER) and self.now() >= m.publicity_ends and m.open_objections == 0
                   and not m.removals  # and the winner still eligible now (award.winner_ineligible)
                   and (winner is None or eligible(self.engine, winner, self.now(), m.bids[winner].price)))
        ok, award = self.attempt("award.decide", allowed, ev.award, actor, m.id, inv="i09")
        if not ok:
            if allowed:
                self.flag("i09", f"award of {m.id} refused after publicity without objections: {award}")
            return
        m.state = award.state
        for notice in award.notices:
            first = m.first_candidate(notice.lot_id)
            winner = next((sid for sid, b in m.bids.items() if b.bid_id == first), None)
            if notice.supplier_id != winner:
                self.flag("i09", f"{m.id}: award to {notice.supplier_id}, first candidate is {winner}")
            elif notice.amount != m.bids[winner].price:
                self.flag("i15", f"{m.id}: award amount {notice.amount}, bid {m.bids[winner].price}")

    @precondition(lambda self: any(m.state == "publicising" for m in self.tenders))
    @rule(t=TENDER, c=st.integers(0, 2),
          proposer=st.sampled_from(["supervisor", "supervisor", "purchasing", "quality", "supplier"]),
          approver=st.sampled_from(["self", "supervisor2", "supervisor", "purchasing", "supplier"]))
    def remove_candidate(self, t: int, c: int, proposer: str, approver: str) -> None:
        """A candidate's removal (I9): proposed by an officer, approved by a supervisor who did
        not propose it; a self-approval, or one by anybody else, must be refused."""
        m = self.in_state(t, "publicising")
        assert m is not None
        ev = self.evaluation
        candidates = m.candidates.get("L1", [])
        if not m.removals:
            if len(candidates) - len(m.removed) < 2:  # keep a candidate to award to
                return
            bid_id = candidates[c % len(candidates)]
            a = self.suppliers[0].actor if proposer == "supplier" else ACTORS[proposer]
            ok, view = self.attempt("award.removal_propose", holds(a, OFFICERS) and bid_id not in m.removed,
                                    ev.propose_removal, a, m.id, "L1", bid_id, code="award.breach",
                                    en="False statement in the bid", zh="投标文件弄虚作假", inv="i09")
            if not ok:
                return
            m.removals[view.id] = view.proposed_by
        removal_id, proposed_by = next(iter(m.removals.items()))
        by_id = {a.id: a for a in ACTORS.values()}
        b = {"self": by_id[proposed_by], "supplier": self.suppliers[0].actor}.get(approver) or ACTORS[approver]
        allowed = holds(b, {Role.SUPERVISOR}) and b.id != proposed_by
        ok, view = self.attempt("award.removal_approve", allowed, ev.approve_removal, b, removal_id, inv="i12")
        if ok:
            del m.removals[removal_id]
            m.removed.add(view.bid_id)
