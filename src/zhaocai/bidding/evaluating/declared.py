"""The committee draw and the people register's declared interests (Law 37, Reg 46).

At the draw, every declaration in effect is judged against the bidders by the register's one
rule (`zhaocai.people.interests.rules.conflicts`). An expert bound to a bidder is recused by the
draw itself (reason `recusal.declared_interest`, recorded in the draw's inputs so that a re-run
gives the same committee) and the next expert in draw order takes the seat. A designated buyer
representative bound to a bidder is recorded as recused and leaves the committee before the
draw: their seat goes to one more drawn expert, which keeps the experts' share (Law 37).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from zhaocai.bidding.evaluating.views import Representative
from zhaocai.bidding.rules import Draw, Expert
from zhaocai.people.interests.records import declarations_by_person, record_recusal, supplier_facts
from zhaocai.people.interests.rules import Conflict, Duty, conflicts, per_supplier
from zhaocai.store import UnitOfWork

DECLARED = "recusal.declared_interest"


def conflicts_by_person(session: Session, supplier_ids: Sequence[str],
                        at: datetime) -> dict[str, list[Conflict]]:
    """Every person whose declarations in effect at `at` bind them to one of the suppliers."""
    by_person = declarations_by_person(session)
    if not by_person:
        return {}
    facts = supplier_facts(session, supplier_ids)
    found = {person: conflicts(declared, facts, at) for person, declared in by_person.items()}
    return {person: c for person, c in found.items() if c}


def with_declared(experts: Sequence[Expert], found: dict[str, list[Conflict]]) -> list[Expert]:
    """The pool with each expert's declared interests in the bidders."""
    return [dataclasses.replace(e, declared_interests=frozenset(c.supplier_id for c in found[e.expert_id]))
            if e.expert_id in found else e for e in experts]


def free_representatives(representatives: Sequence[Representative],
                         found: dict[str, list[Conflict]]) -> list[Representative]:
    """The designated representatives no declaration binds to a bidder."""
    return [r for r in representatives if r.person_id not in found]


def record_draw_recusals(uow: UnitOfWork, tender_id: str, representatives: Sequence[Representative],
                         found: dict[str, list[Conflict]], result: Draw) -> None:
    """Record the representatives who stepped aside and the experts the draw passed over for a
    declared interest, each with the reason (one record per supplier)."""
    for rep in representatives:
        for conflict in per_supplier(found.get(rep.person_id, [])):
            record_recusal(uow, rep.person_id, Duty.COMMITTEE_REPRESENTATIVE, tender_id, conflict)
    passed_over = sorted({r.expert_id for r in result.recusals if r.reason.code == DECLARED})
    for expert_id in passed_over:
        for conflict in per_supplier(found.get(expert_id, [])):
            record_recusal(uow, expert_id, Duty.COMMITTEE_EXPERT, tender_id, conflict)
