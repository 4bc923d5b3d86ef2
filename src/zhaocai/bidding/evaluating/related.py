"""Reg 34 at the compliance check: related bidders in one lot, from the supplier register.

The register's facts of every bidder are read in two queries whatever their number (the
suppliers' legal representatives and contacts, their related persons as identity hashes), judged
by the pure `related_bidders`, and written per pair into `evaluation_related`: pairs void by rule
(same legal representative, or a controlling or managing relation) with their evidence, and
shared-contact questions the committee must determine before the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.common import reason_dict
from zhaocai.bidding.evaluating.tables import RelatedRow
from zhaocai.bidding.evaluating.views import RelatedView, SharedFactView
from zhaocai.bidding.rules import (
    BidderFacts,
    RelatedPair,
    SharedFact,
    related_bidders,
    related_reason,
)
from zhaocai.suppliers.tables import PersonRow, SupplierRow

VOID_BY_RULE, QUESTION = "void_by_rule", "question"
_SUPPLIER = SupplierRow.__table__  # type: ignore[attr-defined]
_PERSON = PersonRow.__table__  # type: ignore[attr-defined]


def bidder_facts(session: Session, supplier_ids: Sequence[str]) -> list[BidderFacts]:
    """The register's facts of `supplier_ids` (two queries)."""
    ids = sorted(set(supplier_ids))
    if not ids:
        return []
    persons: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    for p in session.execute(sa_select(_PERSON.c.supplier_id, _PERSON.c.role, _PERSON.c.id_hash)
                             .where(_PERSON.c.supplier_id.in_(ids))):
        persons[p.supplier_id].append((p.role, p.id_hash))
    facts = []
    for s in session.execute(sa_select(_SUPPLIER.c.id, _SUPPLIER.c.legal_representative, _SUPPLIER.c.address,
                                       _SUPPLIER.c.contacts, _SUPPLIER.c.bank_account)
                             .where(_SUPPLIER.c.id.in_(ids))):
        contacts = [("address", s.address), ("bank_account", s.bank_account)]
        for c in s.contacts or []:
            contacts += [(kind, c[kind]) for kind in ("phone", "email") if c.get(kind)]
        facts.append(BidderFacts(s.id, s.legal_representative, tuple(sorted(persons[s.id])), tuple(contacts)))
    return facts


def _fact_dicts(pair: RelatedPair) -> list[dict[str, str]]:
    return [{"kind": f.kind, "value_a": f.value_a, "value_b": f.value_b} for f in pair.facts]


def apply_reg34(session: Session, tender_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Void, in `rows` (the compliance entries being written), the bids of related pairs in every
    lot both priced; return the `evaluation_related` rows (void pairs and questions)."""
    priced: dict[str, set[str]] = {}
    for r in rows:
        if r["price_fen"] is not None:
            priced.setdefault(r["lot_id"], set()).add(r["supplier_id"])
    result = related_bidders(bidder_facts(session, sorted({r["supplier_id"] for r in rows})))
    out: list[dict[str, Any]] = []
    for kind, pairs in ((VOID_BY_RULE, result.void), (QUESTION, result.questions)):
        for pair in pairs:
            lots = sorted(lot for lot, who in priced.items() if {pair.supplier_a, pair.supplier_b} <= who)
            if not lots:
                continue  # not in the same lot: Reg 34 does not reach them
            out.append({"tender_id": tender_id, "supplier_a": pair.supplier_a, "supplier_b": pair.supplier_b,
                        "kind": kind, "facts": _fact_dicts(pair), "lots": lots,
                        "void": True if kind == VOID_BY_RULE else None, "reason": None,
                        "decided_by": None, "decided_at": None})
            if kind != VOID_BY_RULE:
                continue
            for r in rows:
                if r["lot_id"] in lots and r["supplier_id"] in (pair.supplier_a, pair.supplier_b):
                    r["reasons"].append(reason_dict(related_reason(pair, r["supplier_id"])))
                    r["compliant"] = False
    return out


def pair_of(row: RelatedRow) -> RelatedPair:
    """A stored pair as the pure rules see it."""
    return RelatedPair(row.supplier_a, row.supplier_b,
                       tuple(SharedFact(f["kind"], f["value_a"], f["value_b"]) for f in row.facts))


def related_view(row: RelatedRow) -> RelatedView:
    """The view of a stored pair."""
    return RelatedView(supplier_a=row.supplier_a, supplier_b=row.supplier_b, kind=row.kind,
                       facts=[SharedFactView(**f) for f in row.facts], lots=list(row.lots), void=row.void,
                       reason=row.reason, decided_by=row.decided_by, decided_at=row.decided_at)


def related_views(session: Session, tender_id: str) -> list[RelatedView]:
    """Every related pair of a tender (one query)."""
    rows = session.exec(select(RelatedRow).where(col(RelatedRow.tender_id) == tender_id)
                        .order_by(col(RelatedRow.supplier_a), col(RelatedRow.supplier_b))).all()
    return [related_view(r) for r in rows]


def pending_questions(session: Session, tender_id: str) -> list[list[str]]:
    """The shared-contact questions the committee has not determined yet."""
    rows = session.exec(select(RelatedRow).where(col(RelatedRow.tender_id) == tender_id,
                                                 col(RelatedRow.kind) == QUESTION,
                                                 col(RelatedRow.void).is_(None))).all()
    return sorted([r.supplier_a, r.supplier_b] for r in rows)
