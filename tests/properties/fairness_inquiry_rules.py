"""Rules of the fairness machine over the price-inquiry decision (询价, 三三二): the officers sign
the quote record, an override is proposed and approved (or self-approved, which must be refused),
and an officer decides. The model predicts the outcome from the raw rows: too few eligible quoting
suppliers fail the inquiry; otherwise the lowest compliant eligible quote wins, or the supplier of
an approved override.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from tests.kit import ACTORS
from tests.properties.fairness_base import MAX_SUPPLIERS, TALLY, TENDER, FairnessBase
from tests.properties.fairness_model import OFFICERS, TenderModel, eligible, holds
from zhaocai.actors import Actor, Role
from zhaocai.profile import DEFAULT_PROFILE

STAFF = frozenset({Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.FINANCE, Role.SUPERVISOR,
                   Role.AUDITOR, Role.ADMINISTRATOR})
SIGNERS = ["purchasing", "purchasing2", "purchasing2", "supervisor", "quality", "supplier"]


def opened_inquiry(m: TenderModel) -> bool:
    return m.method == "price_inquiry" and m.state == "opened"


class InquiryRules(FairnessBase):
    """Signing, overriding and deciding price inquiries."""

    def inquiry_at(self, t: int) -> TenderModel | None:
        found = [m for m in self.tenders if opened_inquiry(m)]
        return found[t % len(found)] if found else None

    def person(self, who: str) -> Actor:
        return self.suppliers[0].actor if who == "supplier" else ACTORS[who]

    @precondition(lambda self: self.evaluation is not None and any(opened_inquiry(m) for m in self.tenders))
    @rule(t=TENDER, signers=st.lists(st.sampled_from(SIGNERS), max_size=3),
          override=st.sampled_from([None, None, ("purchasing", "supervisor"), ("purchasing", "purchasing"),
                                    ("purchasing2", "purchasing"), ("quality", "supervisor"),
                                    ("purchasing", "supplier")]),
          pick=st.integers(0, MAX_SUPPLIERS), decider=st.sampled_from(["purchasing", "purchasing2", "supervisor"]))
    def inquiry(self, t: int, signers: list[str], override: tuple[str, str] | None, pick: int,
                decider: str) -> None:
        m = self.inquiry_at(t)
        assert m is not None
        for who in signers:
            self.sign_inquiry(m, who)
        if override is not None:
            self.override_inquiry(m, *override, pick)
        self.decide_inquiry(m, decider)

    def sign_inquiry(self, m: TenderModel, who: str) -> None:
        actor = self.person(who)
        allowed = holds(actor, STAFF) and actor.id in m.officers and actor.id not in m.signed
        ok, signed = self.attempt("inquiry.sign", allowed, self.evaluation.sign_inquiry, actor, m.id)
        if ok:
            m.signed.add(actor.id)
            if set(signed.signed_by) != m.signed:
                self.flag("i12", f"{m.id}: signatures {signed}, the model has {sorted(m.signed)}")

    def override_inquiry(self, m: TenderModel, proposer: str, approver: str, pick: int) -> None:
        """An officer's written reason to choose another supplier; someone else approves it."""
        ev = self.evaluation
        if m.override is None:
            a = self.person(proposer)
            supplier_id = self.supplier(pick).id
            counted = [s for s, b in m.bids.items() if b.confirmed_through == m.amendments]
            ok, override = self.attempt(
                "inquiry.override_propose", holds(a, STAFF) and a.id in m.officers and supplier_id in counted,
                ev.propose_inquiry_override, a, m.id, "L1", supplier_id=supplier_id, reason="交货期更短，工期紧", inv="i12")
            if not ok:
                return
            m.override = {"id": override.id, "supplier": supplier_id, "proposer": a.id, "approver": None}
        o = m.override
        b = self.person(approver)
        allowed = holds(b, OFFICERS) and b.id != o["proposer"] and o["approver"] is None
        ok, _ = self.attempt("inquiry.override_approve", allowed, ev.approve_inquiry_override, b, o["id"],
                             inv="i12")
        if ok:
            o["approver"] = b.id

    def expected_inquiry(self, m: TenderModel) -> tuple[str, str | None, bool]:
        """(outcome, winner, decidable) by the raw rows: `failed` with too few eligible quoting
        suppliers, else `publicising` with the lowest compliant eligible quote or the approved
        override's supplier; not decidable when the override is unapproved or not compliant."""
        now = self.now()
        counted = {s: b for s, b in m.bids.items() if b.confirmed_through == m.amendments}
        quoting = {s: eligible(self.engine, s, now, Decimal(0) if b.kind == "wrong_key" else b.price)
                   for s, b in counted.items()}
        if sum(quoting.values()) < DEFAULT_PROFILE.inquiry_min_suppliers:
            return "failed", None, True
        compliant = {s: b.price for s, b in counted.items() if b.kind == "good" and quoting[s]}
        if not compliant:
            return "publicising", None, False
        o: dict[str, Any] | None = m.override
        if o is None:
            return "publicising", min(compliant, key=lambda s: compliant[s]), True
        return "publicising", o["supplier"], o["approver"] is not None and o["supplier"] in compliant

    def decide_inquiry(self, m: TenderModel, who: str) -> None:
        """I5, I9 and I12 for inquiries: two signing officers, the predicted outcome and winner."""
        actor = ACTORS[who]
        outcome, winner, decidable = self.expected_inquiry(m)
        two = len(m.signed & set(m.officers)) >= DEFAULT_PROFILE.inquiry_min_officers
        allowed = holds(actor, STAFF) and actor.id in m.officers and two and decidable
        ok, view = self.attempt("inquiry.decide", allowed, self.evaluation.decide_inquiry, actor, m.id, inv="i12")
        if not ok:
            if allowed:
                self.flag("i05", f"{m.id}: a decidable inquiry was refused: {view}")
            return
        if view.state != outcome:
            self.flag("i05", f"{m.id}: inquiry decided {view.state}, expected {outcome}")
        elif winner is not None and [lot["winner"] for lot in view.lots] != [winner]:
            self.flag("i09", f"{m.id}: inquiry won by {view.lots}, expected {winner}")
        m.state = view.state
        TALLY[f"inquiry decided: {view.state}{', override' if m.override else ''}"] += 1
        if view.state == "publicising":
            report = self.evaluation.report(ACTORS["purchasing"], m.id)
            m.publicity_ends = report.publicity_ends
            m.candidates = {lot.lot_id: list(lot.candidates) for lot in report.lots}
