"""Single source's deep check: each procurement against the audit chain.

Every command of a single-source procurement records its state (`commands._record`); the draft
records the supplier and the estimate, the negotiation the agreed price and the digest of its
record, the conclusion the contract. Each `single_source` row must say the same: the state of its
last link, and each of those facts as last recorded. One query.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from zhaocai.audit.deep import MISSING, ROW, Checker, Findings, Links, Scope
from zhaocai.bidding.single_source.tables import SingleSourceRow

_SS = SingleSourceRow.__table__  # type: ignore[attr-defined]
SUBJECT = "single_source"


def _yuan(fen: Any) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)).scaleb(-2)


def _expected(links: list[Any]) -> dict[str, tuple[Any, int]]:
    expected: dict[str, tuple[Any, int]] = {}
    for link in links:
        facts = link.change
        if "state" in facts:
            expected["state"] = (facts["state"], link.seq)
        draft = facts.get("draft")
        if link.action == "single_source.draft" and isinstance(draft, dict):
            expected["supplier_id"] = (draft.get("supplier_id"), link.seq)
            expected["estimate_fen"] = (draft.get("estimate"), link.seq)
        elif link.action == "single_source.negotiate":
            expected["agreed_fen"] = (facts.get("agreed_price"), link.seq)
            expected["negotiation_digest"] = (facts.get("digest"), link.seq)
        elif link.action == "single_source.conclude":
            expected["contract_id"] = (facts.get("contract_id"), link.seq)
    return expected


def check_single_source(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each single-source procurement's state, supplier, estimate, agreed price, negotiation
    digest and contract against its links."""
    query = select(_SS.c.id, _SS.c.state, _SS.c.supplier_id, _SS.c.estimate_fen, _SS.c.agreed_fen,
                   _SS.c.negotiation_digest, _SS.c.contract_id)
    if not scope.whole:
        query = query.where(_SS.c.id == scope.tender_id)
    rows = conn.execute(query).all()
    found.checked("single_source", len(rows))
    for row in rows:
        expected = _expected(links.of(SUBJECT, row.id))
        if "state" not in expected:
            found.disagree("single_source", row.id, ROW, "present", MISSING)
            continue
        for name, (value, seq) in expected.items():
            stored = getattr(row, name)
            if name in ("estimate_fen", "agreed_fen"):
                stored = _yuan(stored)
            found.compare("single_source", row.id, name, stored, value, seq)
    if scope.whole:
        stored_ids = {row.id for row in rows}
        for procurement_id, own in links.subjects(SUBJECT).items():
            if procurement_id not in stored_ids:
                found.disagree("single_source", procurement_id, ROW, MISSING, own[0].action, own[0].seq)


SINGLE_SOURCE = Checker("single source", {SUBJECT: None}, check_single_source, ("single_source",))
