"""Rules of the fairness machine after the award: contract signatures, performance events on
signed contracts (a serious one opens a blacklisting proposal) and closing review periods (a D
grade suspends, two C grades warn), which feed back into who may bid next.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from sqlalchemy import text

from tests.kit import ACTORS, supplier_actor
from tests.properties.fairness_base import TALLY, TENDER, FairnessBase
from tests.properties.fairness_model import BUYER, holds, moment
from zhaocai.actors import Role
from zhaocai.clock import SHANGHAI, as_utc
from zhaocai.suppliers.rules import EventKind, PeriodKind, period_bounds

RECORDERS = frozenset({Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.ADMINISTRATOR})
CLOSERS = frozenset({Role.PURCHASING, Role.QUALITY, Role.ADMINISTRATOR})


class ContractRules(FairnessBase):
    """Contracts, performance and review periods."""

    @precondition(lambda self: any(m.state in ("awarded", "contracted") for m in self.tenders))
    @rule(t=TENDER, who=st.sampled_from(["purchasing", "winner", "loser", "quality"]))
    def sign(self, t: int, who: str) -> None:
        found = [x for x in self.tenders if x.state in ("awarded", "contracted")]
        m = found[t % len(found)]
        for contract in self.evaluation.contracts(m.id):
            actor = {"winner": supplier_actor(contract.supplier_id),
                     "loser": next((s.actor for s in self.suppliers if s.id != contract.supplier_id),
                                   ACTORS["nobody"])}.get(who) or ACTORS[who]
            allowed = holds(actor, BUYER) or actor.supplier_id == contract.supplier_id
            ok, view = self.attempt("contract.sign", allowed, self.evaluation.sign_contract, actor, contract.id)
            if ok:
                m.state = view.tender_state

    @precondition(lambda self: any(m.state in ("awarded", "contracted") for m in self.tenders))
    @rule(t=TENDER, kind=st.sampled_from(list(EventKind)), severity=st.integers(1, 5),
          who=st.sampled_from(["quality", "purchasing", "technical", "finance", "winner"]),
          days_ago=st.sampled_from([0, 0, 3, 40]))
    def performance(self, t: int, kind: EventKind, severity: int, who: str, days_ago: int) -> None:
        """A performance event on the contract: refused unless it is signed, by a recorder, in an
        open period."""
        found = [x for x in self.tenders if x.state in ("awarded", "contracted")]
        m = found[t % len(found)]
        for contract in self.evaluation.contracts(m.id):
            actor = supplier_actor(contract.supplier_id) if who == "winner" else ACTORS[who]
            at = self.now() - timedelta(days=days_ago)
            allowed = holds(actor, RECORDERS) and contract.status == "signed" and not self.period_closed_at(at)
            ok, view = self.attempt("contract.performance", allowed, self.platform.suppliers.record_performance,
                                    actor, {"supplier_id": contract.supplier_id, "contract_id": contract.id,
                                            "kind": kind.value, "severity": severity, "occurred_at": at,
                                            "note": "履约记录"})
            if ok and view.blacklist_request_id:
                TALLY["performance: blacklisting proposed"] += 1

    @rule(kind=st.sampled_from([PeriodKind.MONTH, PeriodKind.MONTH, PeriodKind.QUARTER]),
          back=st.integers(0, 2), who=st.sampled_from(["quality", "purchasing", "supervisor", "admin"]))
    def close_period(self, kind: PeriodKind, back: int, who: str) -> None:
        """Close this or an earlier month or quarter: refused while it runs, or twice."""
        local = self.now().astimezone(SHANGHAI)
        if kind is PeriodKind.MONTH:
            index = local.year * 12 + local.month - 1 - back
            label = f"{index // 12}-{index % 12 + 1:02d}"
        else:
            index = local.year * 4 + (local.month - 1) // 3 - back
            label = f"{index // 4}-Q{index % 4 + 1}"
        actor = ACTORS[who]
        _start, end = period_bounds(kind, label)
        closed = self.period_is_closed(f"{kind.value}:{label}")
        allowed = holds(actor, CLOSERS) and end <= self.now() and not closed
        ok, view = self.attempt("supplier.period.close", allowed, self.platform.suppliers.close_period, actor,
                                kind, label)
        if ok:
            TALLY[f"period closed: {len(view.suspended)} suspended, {len(view.warned)} warned"] += 1

    def period_closed_at(self, at: datetime) -> bool:
        """A closed review period covers this moment (raw rows)."""
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT starts_at, ends_at FROM supplier_performance_period")).all()
        return any(moment(s) <= as_utc(at) < moment(e) for s, e in rows)

    def period_is_closed(self, period_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM supplier_performance_period WHERE id = :id"),
                                {"id": period_id}).first() is not None
