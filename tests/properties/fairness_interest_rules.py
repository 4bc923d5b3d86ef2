"""Rules and invariant I90 of the fairness machine over declared interests and recusal.

Rules: people of the buyer and experts declare, at random moments, an interest in a random
supplier of the register (a relative working there, a former employer left a hundred days ago,
a shareholding; the company named by its credit code or by its name); a declarant then tries to
review that supplier's admission (always refused). Every other rule goes on acting with random
people, declarants among them: a command refused as `person.recused` must name a declaration the
model knows (else I90 fails), and a rule that expected the act to be allowed lets it pass.

Invariant I90: no one acted on a procurement involving a supplier they declared an interest in —
after a declaration (by its audit sequence, while it is in effect), its declarant has no review,
site inspection or signature of that supplier's admission in the audit trail, and no act on a
tender that supplier bid in once the tender is opened (its opening is where bidders become known;
the recusals the platform records there and a committee member's own withdrawal aside).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule
from sqlalchemy import text

from tests.kit import ACTORS, expert_actor
from tests.properties.fairness_base import FairnessBase
from zhaocai.actors import Actor
from zhaocai.people.interests.rules import FORMER_EMPLOYER_YEARS, add_years
from zhaocai.suppliers.tables import SupplierRow

DECLARANTS = ["purchasing", "purchasing2", "quality", "technical", "finance", "supervisor2", "auditor",
              "e-1", "e-2"]
REVIEWERS = {"purchasing": "purchasing", "quality": "quality", "technical": "technical"}
ADMISSION = ("supplier.review", "supplier.inspect", "supplier.inspection.sign")
EXEMPT = ("person.recuse", "committee.withdraw")
OPENINGS = ("tender.open", "tender.fail")


@dataclass(frozen=True)
class InterestModel:
    """A declaration the machine made: by whom, towards which supplier, until when."""

    id: str
    person_id: str
    supplier_id: str
    until: datetime | None  # a former employment binds three years after it ended


def _actor(who: str) -> Actor:
    return expert_actor(who) if who.startswith("e-") else ACTORS[who]


class InterestRules(FairnessBase):
    """Declarations by random people, and a declarant trying a duty towards its supplier."""

    declared_interests: dict[str, InterestModel]

    @precondition(lambda self: bool(self.suppliers))
    @rule(who=st.sampled_from(DECLARANTS), s=st.integers(0, 10),
          kind=st.sampled_from(["relative_employer", "former_employer", "shareholding"]), by_code=st.booleans())
    def declare_an_interest_at_random(self, who: str, s: int, kind: str, by_code: bool) -> None:
        supplier = self.supplier(s)
        with self.platform.internal.session() as session:
            row = session.get(SupplierRow, supplier.id)
        if row is None:
            return
        data: dict[str, Any] = {"kind": kind, **({"credit_code": row.credit_code} if by_code else
                                                 {"company_name": row.name})}
        until = None
        if kind == "relative_employer":
            data["relation"] = "sibling"
        elif kind == "former_employer":
            data["ended_at"] = self.now() - timedelta(days=100)
            until = add_years(data["ended_at"], FORMER_EMPLOYER_YEARS)
        ok, view = self.attempt("person.interest.declare", True, self.platform.people.declare_interest,
                                _actor(who), data, inv="i90")
        if ok:
            self.declared_interests[view.id] = InterestModel(view.id, _actor(who).id, supplier.id, until)

    @precondition(lambda self: any(d.person_id in {ACTORS[r].id for r in REVIEWERS}
                                   for d in self.declared_interests.values()))
    @rule(i=st.integers(0, 30))
    def a_declarant_tries_to_review_its_supplier(self, i: int) -> None:
        by_id = {ACTORS[r].id: r for r in REVIEWERS}
        mine = sorted((d for d in self.declared_interests.values() if d.person_id in by_id), key=lambda d: d.id)
        d = mine[i % len(mine)]
        if d.until is not None and self.now() >= d.until:
            return
        self.attempt("supplier.review", False, self.platform.suppliers.review, ACTORS[by_id[d.person_id]],
                     d.supplier_id, REVIEWERS[by_id[d.person_id]], passed=True, inv="i90")

    def justified_recusal(self, details: dict[str, Any]) -> bool:
        """Whether a `person.recused` refusal names a declaration the model made."""
        return any(d.person_id == details.get("person_id") and d.supplier_id == details.get("supplier_id")
                   for d in getattr(self, "declared_interests", {}).values())

    # --- invariant --------------------------------------------------------------------------

    @invariant()
    def i90_no_act_towards_a_supplier_of_declared_interest(self) -> None:
        self.raise_flagged("i90")
        if not self.declared_interests or self.unchanged_since_checked("i90"):
            return
        with self.engine.connect() as conn:
            events = conn.execute(text("SELECT seq, actor_id, action, subject_type, subject_id, at, change "
                                       "FROM audit_event ORDER BY seq")).all()
            bids = conn.execute(text("SELECT tender_id, supplier_id FROM bid WHERE status = 'submitted' "
                                     "UNION SELECT tender_id, supplier_id FROM opened_bid")).all()
        bidders: dict[str, set[str]] = {}
        for tender_id, supplier_id in bids:
            bidders.setdefault(tender_id, set()).add(supplier_id)
        declared_seq: dict[str, int] = {}
        opened_seq: dict[str, int] = {}
        for seq, _, action, subject_type, subject_id, _, change in events:
            if action == "person.interest.declare":
                declared_seq[json.loads(change)["declaration_id"]] = seq
            elif action in OPENINGS and subject_type == "tender":
                opened_seq.setdefault(subject_id, seq)
        for d in self.declared_interests.values():
            since = declared_seq[d.id]
            for seq, actor_id, action, subject_type, subject_id, at, change in events:
                if seq <= since or actor_id != d.person_id or action in EXEMPT:
                    continue
                if d.until is not None and _moment(at) >= d.until:
                    continue
                assert not (action in ADMISSION and subject_id == d.supplier_id), \
                    f"I90: #{seq} {action} of {d.supplier_id} by {actor_id}, who declared an interest (#{since})"
                tender_id = subject_id if subject_type == "tender" else json.loads(change).get("tender_id")
                if tender_id is None or d.supplier_id not in bidders.get(tender_id, set()):
                    continue
                assert seq <= opened_seq.get(tender_id, seq), \
                    f"I90: #{seq} {action} on {tender_id} by {actor_id}, who declared an interest in its " \
                    f"bidder {d.supplier_id} (#{since})"


def _moment(raw: Any) -> datetime:
    return raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw))
