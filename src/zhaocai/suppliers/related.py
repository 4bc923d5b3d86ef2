"""Related parties: suppliers that share a person (by identity hash), a phone, an email, an
address or a bank account. Bidding uses `related_parties` to flag related bidders."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from zhaocai.acting import acting
from zhaocai.actors import Actor
from zhaocai.suppliers.common import ServiceBase, require_staff_read
from zhaocai.suppliers.models import RelatedEvidence, RelatedPair
from zhaocai.suppliers.rules import PersonRole
from zhaocai.suppliers.tables import LinkRow

_LEGAL = PersonRole.LEGAL_REPRESENTATIVE.value + ":"


def _evidence(kind: str, value: str, label_a: str, label_b: str) -> RelatedEvidence:
    if kind == "person":
        both_legal = label_a.startswith(_LEGAL) and label_b.startswith(_LEGAL)
        return RelatedEvidence(kind="legal_representative" if both_legal else "related_person",
                               value=f"hmac:{value[:16]}", label_a=label_a, label_b=label_b)
    return RelatedEvidence(kind=kind, value=value, label_a=label_a, label_b=label_b)


def _pairs(rows: Sequence[tuple[str, str, str, str, str, str]]) -> list[RelatedPair]:
    grouped: dict[tuple[str, str], list[RelatedEvidence]] = {}
    for sa, sb, kind, value, la, lb in rows:
        if sa > sb:
            sa, sb, la, lb = sb, sa, lb, la
        grouped.setdefault((sa, sb), []).append(_evidence(kind, value, la, lb))
    return [RelatedPair(supplier_a=a, supplier_b=b,
                        evidence=sorted(ev, key=lambda e: (e.kind, e.value)))
            for (a, b), ev in sorted(grouped.items())]


def related_parties(session: Session, supplier_ids: Sequence[str]) -> list[RelatedPair]:
    """Pairs among `supplier_ids` that share facts, with the evidence (one indexed self-join)."""
    ids = sorted(set(supplier_ids))
    if len(ids) < 2:
        return []
    a, b = aliased(LinkRow), aliased(LinkRow)
    rows = session.execute(
        select(col(a.supplier_id), col(b.supplier_id), col(a.kind), col(a.value), col(a.label),
               col(b.label))
        .join(b, and_(col(a.kind) == col(b.kind), col(a.value) == col(b.value),
                      col(a.supplier_id) < col(b.supplier_id)))
        .where(col(a.supplier_id).in_(ids), col(b.supplier_id).in_(ids))).all()
    return _pairs([tuple(r) for r in rows])


def related_to(session: Session, supplier_id: str) -> list[RelatedPair]:
    """Every supplier in the register that shares a fact with `supplier_id`."""
    a, b = aliased(LinkRow), aliased(LinkRow)
    rows = session.execute(
        select(col(a.supplier_id), col(b.supplier_id), col(a.kind), col(a.value), col(a.label),
               col(b.label))
        .join(b, and_(col(a.kind) == col(b.kind), col(a.value) == col(b.value),
                      col(a.supplier_id) != col(b.supplier_id)))
        .where(or_(col(a.supplier_id) == supplier_id))).all()
    return _pairs([tuple(r) for r in rows])


class RelatedQueries(ServiceBase):
    """Related-party queries of the service."""

    @acting
    def related_parties(self, actor: Actor, supplier_ids: Sequence[str]) -> list[RelatedPair]:
        """Pairs among `supplier_ids` that share a person, phone, email, address or account (the
        buyer's staff: `permission.supplier_as_staff`, `permission.role`)."""
        require_staff_read(actor, "supplier.related_parties")
        with self.platform.session() as session:
            return related_parties(session, supplier_ids)

    @acting
    def related_to(self, actor: Actor, supplier_id: str) -> list[RelatedPair]:
        """Suppliers anywhere in the register related to `supplier_id` (the buyer's staff)."""
        require_staff_read(actor, "supplier.related_to")
        with self.platform.session() as session:
            return related_to(session, supplier_id)
