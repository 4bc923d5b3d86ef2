"""The adapter from the store to the red flags' plain facts: `TenderFacts` and `SupplierFacts`.

A fixed number of bulk queries whatever the number of tenders (tenders, amendments, opened bids,
evaluation moments, committee compliance, awards, suppliers, their persons and categories): no
query per tender or per bid.

What the flags see of a bid is what the opening made public plus the Reg 40 traces of its opened
content (document author, agent, project manager, the account of the bid security). A bid never
opened (withdrawn, not confirmed after an amendment, or not opened because too few bids came in)
has no price and is left out. The committee's compliance findings count only once the evaluation
report exists. People are matched by an opaque token derived from the register's keyed identity
hash (`hmac:` and its first 16 hex digits), never by the identity number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.tables import AwardRow, EntryRow, EvaluationRow
from zhaocai.bidding.tables import AmendmentRow, OpenedBidRow, TenderRow
from zhaocai.integrity.facts import AmendmentFacts, BidFacts, SupplierFacts, TenderFacts, TenderMethodName
from zhaocai.money import Money
from zhaocai.suppliers.rules import PersonRole
from zhaocai.suppliers.tables import PersonRow, SupplierCategoryRow, SupplierRow

METHOD_NAMES: dict[str, TenderMethodName] = {
    "open_tender": "open", "invited_tender": "invited", "price_inquiry": "inquiry",
    "single_source": "direct",
}
"""Stored tender method → the facts' method (a method not listed here is `unknown`)."""


def person_token(id_hash: str) -> str:
    """The opaque token the flags compare people by (as the register shows related persons)."""
    return f"hmac:{id_hash[:16]}"


def _in(query: Any, column: Any, ids: Sequence[str] | None) -> Any:
    return query if ids is None else query.where(col(column).in_(list(ids)))


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def load_tender_facts(session: Session, tender_ids: Sequence[str] | None = None) -> list[TenderFacts]:
    """`TenderFacts` of every published tender (or of `tender_ids`), in publication order."""
    tenders = [t for t in session.exec(_in(select(TenderRow), TenderRow.id, tender_ids)
                                       .order_by(col(TenderRow.published_at), col(TenderRow.id))).all()
               if t.published_at is not None]
    if not tenders:
        return []
    ids = [t.id for t in tenders] if tender_ids is not None else None
    amendments = _amendments(session, ids)
    evaluation = {e.tender_id: e for e in session.exec(_in(select(EvaluationRow), EvaluationRow.tender_id,
                                                           ids)).all()}
    awards: dict[str, list[AwardRow]] = defaultdict(list)
    for a in session.exec(_in(select(AwardRow), AwardRow.tender_id, ids)
                          .where(col(AwardRow.voided_at).is_(None))).all():
        awards[a.tender_id].append(a)
    bids = _opened_bids(session, ids, _findings(session, ids, evaluation),
                        {a.bid_id for rows in awards.values() for a in rows})
    return [_tender_facts(t, bids.get(t.id, []), amendments.get(t.id, []), evaluation.get(t.id),
                          awards.get(t.id, [])) for t in tenders]


def _amendments(session: Session, ids: Sequence[str] | None) -> dict[str, list[AmendmentFacts]]:
    amendments: dict[str, list[AmendmentFacts]] = defaultdict(list)
    for a in session.exec(_in(select(AmendmentRow), AmendmentRow.tender_id, ids)
                          .order_by(col(AmendmentRow.seq))).all():
        amendments[a.tender_id].append(AmendmentFacts(a.issued_at, a.deadline_before, a.deadline_after))
    return amendments


def _findings(session: Session, ids: Sequence[str] | None, evaluation: dict[str, EvaluationRow]
              ) -> dict[tuple[str, str], list[str]]:
    """The committee's non-compliance findings per (tender, bid), once its report exists."""
    findings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in session.exec(_in(select(EntryRow).where(col(EntryRow.compliant).is_(False)),
                              EntryRow.tender_id, ids)).all():
        report = evaluation.get(e.tender_id)
        if report is not None and report.report_at is not None:
            reasons = [str(r.get("en", "")) for r in (e.reasons or []) if isinstance(r, dict)]
            findings[(e.tender_id, e.bid_id)].append("; ".join(r for r in reasons if r) or "not compliant")
    return findings


def _opened_bids(session: Session, ids: Sequence[str] | None, findings: dict[tuple[str, str], list[str]],
                 winners: set[str]) -> dict[str, list[BidFacts]]:
    """The opened bids with a price, per tender, in the order they were received."""
    bids: dict[str, list[BidFacts]] = defaultdict(list)
    for b in session.exec(_in(select(OpenedBidRow), OpenedBidRow.tender_id, ids)
                          .order_by(col(OpenedBidRow.received_at), col(OpenedBidRow.bid_id))).all():
        if b.total_fen is not None:
            bids[b.tender_id].append(_bid_facts(b, findings.get((b.tender_id, b.bid_id), []),
                                                b.bid_id in winners))
    return bids


def _bid_facts(b: OpenedBidRow, findings: list[str], winner: bool) -> BidFacts:
    """A priced opened bid as the flags see it: disqualified at the opening or by the committee."""
    assert b.total_fen is not None
    payload = b.payload if isinstance(b.payload, dict) else {}
    documents = payload.get("documents") or {}
    reason = "; ".join(findings) or None
    if b.status != "valid":
        reason = b.reason or reason or "invalid at opening"
    return BidFacts(
        id=b.bid_id, supplier_id=b.supplier_id, price=Money.from_fen(b.total_fen).amount,
        received_at=b.received_at,
        status="valid" if b.status == "valid" and not reason else "disqualified",
        disqualification_reason=reason, winner=winner,
        document_author=_text(documents.get("author")), agent=_text(documents.get("agent")),
        project_manager=_text(documents.get("project_manager")),
        security_account=_text(payload.get("bid_security_account")))


def _tender_facts(t: TenderRow, bids: list[BidFacts], amendments: list[AmendmentFacts],
                  report: EvaluationRow | None, won: list[AwardRow]) -> TenderFacts:
    assert t.published_at is not None
    winner_ids = {a.supplier_id for a in won}
    return TenderFacts(
        id=t.id, title=t.title, buyer=t.buyer, category=t.category,
        method=METHOD_NAMES.get(t.method, "unknown"),
        estimate=Money.from_fen(t.estimate_fen).amount, published_at=t.published_at, deadline=t.deadline,
        bids=tuple(bids), status=t.state, ceiling=Money.from_fen(t.ceiling_fen).amount,
        bid_security=Money.from_fen(t.bid_security_fen).amount,
        original_deadline=t.original_deadline, amendments=tuple(amendments),
        publicity_start=report.publicity_starts if report else None,
        publicity_end=report.publicity_ends if report else None,
        winner_supplier_id=next(iter(winner_ids)) if len(winner_ids) == 1 else None,
        award_amount=(sum((Money.from_fen(a.amount_fen).amount for a in won), Decimal("0.00"))
                      if won else None),
    )


def load_supplier_facts(session: Session, supplier_ids: Sequence[str] | None = None
                        ) -> dict[str, SupplierFacts]:
    """`SupplierFacts` of `supplier_ids` (or of every supplier that has an opened bid)."""
    if supplier_ids is not None and not supplier_ids:
        return {}
    bidders = select(OpenedBidRow.supplier_id)
    scope: Any = list(supplier_ids) if supplier_ids is not None else bidders
    rows = session.exec(select(SupplierRow).where(col(SupplierRow.id).in_(scope))).all()
    persons: dict[str, list[PersonRow]] = defaultdict(list)
    for p in session.exec(select(PersonRow).where(col(PersonRow.supplier_id).in_(scope))).all():
        persons[p.supplier_id].append(p)
    categories: dict[str, set[str]] = defaultdict(set)
    for c in session.exec(select(SupplierCategoryRow).where(col(SupplierCategoryRow.supplier_id).in_(scope),
                                                            col(SupplierCategoryRow.admitted).is_(True))).all():
        categories[c.supplier_id].add(c.category)
    out = {}
    for s in rows:
        people = persons.get(s.id, [])
        legal = next((p for p in people if p.role == PersonRole.LEGAL_REPRESENTATIVE.value), None)
        contacts = s.contacts if isinstance(s.contacts, list) else []
        out[s.id] = SupplierFacts(
            id=s.id, name=s.name, address=s.address,
            phones=frozenset(c["phone"] for c in contacts if c.get("phone")),
            emails=frozenset(c["email"] for c in contacts if c.get("email")),
            legal_representative=person_token(legal.id_hash) if legal else None,
            bank_account=s.bank_account,
            related_person_hashes=frozenset(person_token(p.id_hash) for p in people),
            categories=frozenset(categories.get(s.id, set())))
    return out


def load_facts(session: Session, tender_ids: Sequence[str] | None = None
               ) -> tuple[list[TenderFacts], dict[str, SupplierFacts]]:
    """The tenders' facts and the facts of every supplier that bid in them."""
    tenders = load_tender_facts(session, tender_ids)
    if tender_ids is None:
        return tenders, load_supplier_facts(session)
    bidders = sorted({b.supplier_id for t in tenders for b in t.bids})
    return tenders, load_supplier_facts(session, bidders)
