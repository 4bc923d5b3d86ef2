"""OCDS 1.1 releases of a single-source procurement (单一来源采购).

Pure functions (no database, no clock) but `releases_in`, which reads the supplier and the
contract of each procurement. A single source is published from its approval on, when
its public notice starts: one `tender` release (procurementMethod `limited`, the ground and its
reason as `procurementMethodRationale`, the proposed supplier named in `parties`), then a
`tenderCancellation` if it is cancelled, an `award` + `contract` release when it is concluded, and
a `contract` release when both sides sign. A draft is never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from zhaocai.bidding.evaluating.tables import ContractRow
from zhaocai.bidding.single_source.models import SingleSourceView
from zhaocai.money import Money
from zhaocai.publish.gather import signed_at
from zhaocai.publish.ocds import CATEGORIES
from zhaocai.publish.ocds_state import buyer_party, money, ocds_date, supplier_party_id
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import Organisation
from zhaocai.suppliers.tables import SupplierRow

DETAILS = "单一来源采购 single source"


@dataclass(frozen=True, slots=True)
class SingleSourceContract:
    """The contract of a concluded single source, as it may be published."""

    id: str
    amount: Decimal
    signed_at: datetime | None


def rationale(view: SingleSourceView) -> str:
    """The published justification: the ground (English key and Chinese name) and its reason."""
    return f"{view.justification.value} — {view.justification.label_zh}: {view.reason}"


def _tender(view: SingleSourceView, status: str) -> dict[str, Any]:
    tender: dict[str, Any] = {
        "id": view.id, "title": view.title, "description": view.description, "status": status,
        "procurementMethod": "limited", "procurementMethodDetails": DETAILS,
        "procurementMethodRationale": rationale(view),
        "mainProcurementCategory": CATEGORIES[view.category.value], "value": money(view.estimate),
        "numberOfTenderers": 1,
    }
    if view.items:
        tender["items"] = [{"id": f"{view.id}-{n}", "description": item.name, "quantity": item.quantity,
                            "unit": {"name": item.unit}} for n, item in enumerate(view.items, start=1)]
    if status == "cancelled":
        at = view.cancelled_at or view.drafted_at
        tender["amendments"] = [{"id": "cancellation", "date": ocds_date(at),
                                 "rationale": f"单一来源采购终止 cancelled: {view.cancel_reason or ''}"}]
    return tender


def single_source_releases(view: SingleSourceView, supplier: Organisation,
                           contract: SingleSourceContract | None,
                           settings: PublishSettings) -> list[dict[str, Any]]:
    """Every release of one single-source procurement, oldest first (none before approval)."""
    if view.approved_at is None:
        return []
    ocid = settings.ocid(view.id)
    party_id = supplier_party_id(supplier, settings)
    party: dict[str, Any] = {"id": party_id, "name": supplier.name, "roles": ["supplier"]}
    if supplier.credit_code:
        party["identifier"] = {"scheme": settings.identifier_scheme, "id": supplier.credit_code,
                               "legalName": supplier.name}
    buyer = buyer_party(view.buyer, settings)
    award_id = f"{view.id}-award"
    stages: list[tuple[str, datetime, str, list[str]]] = [
        ("notice", view.approved_at, "active", ["tender"])]
    if view.state == "cancelled" and view.contract_id is None:
        at = view.cancelled_at or view.approved_at
        stages.append(("cancelled", at, "cancelled", ["tenderCancellation"]))
    if view.concluded_at is not None:
        stages.append(("concluded", view.concluded_at, "complete", ["award", "contract"]))
    if contract is not None and contract.signed_at is not None:
        stages.append(("signed", contract.signed_at, "complete", ["contract"]))
    releases = []
    for n, (key, at, status, tags) in enumerate(stages, start=1):
        release: dict[str, Any] = {
            "ocid": ocid, "id": f"{ocid}-{n:03d}-{key}", "date": ocds_date(at), "tag": tags,
            "initiationType": "tender", "language": settings.language,
            "buyer": {"id": buyer["id"], "name": buyer["name"]}, "tender": _tender(view, status),
        }
        if key in ("concluded", "signed") and contract is not None:
            release["awards"] = [{"id": award_id, "status": "active",
                                  "date": ocds_date(view.concluded_at or at),
                                  "value": money(contract.amount),
                                  "suppliers": [{"id": party_id, "name": supplier.name}]}]
            signed = key == "signed"
            entry: dict[str, Any] = {"id": contract.id, "awardID": award_id, "value": money(contract.amount),
                                     "status": "active" if signed else "pending"}
            if signed and contract.signed_at is not None:
                entry["dateSigned"] = ocds_date(contract.signed_at)
            release["contracts"] = [entry]
        release["parties"] = [buyer, party]
        releases.append(release)
    return releases



def releases_in(session: Session, views: list[SingleSourceView],
                settings: PublishSettings) -> list[dict[str, Any]]:
    """The releases of `views`, with their suppliers and contracts read from the store."""
    out: list[dict[str, Any]] = []
    for view in views:
        row = session.get(SupplierRow, view.supplier_id)
        supplier = Organisation(view.supplier_id, row.name if row else view.supplier_id,
                                row.credit_code if row else None)
        contract = None
        if view.contract_id is not None:
            c = session.get(ContractRow, view.contract_id)
            if c is not None:
                contract = SingleSourceContract(c.id, Money.from_fen(c.amount_fen).amount, signed_at(c))
        out.extend(single_source_releases(view, supplier, contract, settings))
    return out
