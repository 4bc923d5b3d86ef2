"""The public state of a tender at each release moment (used by the OCDS builder in `ocds.py`):
the moments that make releases, what has been seen by each, the parties, and the small OCDS value
helpers they need.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.bidding.views import OpeningRecord
from zhaocai.clock import SHANGHAI
from zhaocai.money import DEFAULT_CURRENCY
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import AwardFact, ContractFact, Organisation, TenderSnapshot


def ocds_date(moment: datetime) -> str:
    """An OCDS date-time: Asia/Shanghai time, whole seconds, with its offset."""
    return moment.astimezone(SHANGHAI).replace(microsecond=0).isoformat()


def money(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> dict[str, Any]:
    """An OCDS Value: the exact Decimal amount and its currency."""
    return {"amount": amount, "currency": currency}


def supplier_party_id(org: Organisation, settings: PublishSettings) -> str:
    """A supplier's party id: scheme and credit code, or the register's id without a code."""
    return f"{settings.identifier_scheme}-{org.credit_code}" if org.credit_code else org.id


def buyer_party(name: str, settings: PublishSettings) -> dict[str, Any]:
    """The buyer as a party, identified by its credit code when the settings know it."""
    code = settings.buyer_identifiers.get(name)
    if code:
        return {"id": f"{settings.identifier_scheme}-{code}", "name": name,
                "identifier": {"scheme": settings.identifier_scheme, "id": code, "legalName": name},
                "roles": ["buyer", "procuringEntity"]}
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return {"id": f"buyer-{digest}", "name": name, "roles": ["buyer", "procuringEntity"]}


@dataclass(frozen=True, slots=True)
class Moment:
    """A moment that makes a release: when, its order among moments at the same time, tag, key."""

    at: datetime
    order: int
    tag: str
    key: str


def moments(snap: TenderSnapshot) -> list[Moment]:
    """Every moment of a tender that makes a release, in release order."""
    moments = [Moment(snap.published_at, 0, "tender", "tender")]
    for a in snap.amendments:
        tag = "tenderAmendment" if a.kind == "amendment" else "tenderUpdate"
        moments.append(Moment(a.issued_at, 1, tag, f"amendment-{a.seq}"))
    for record in snap.openings:
        moments.append(Moment(record.opened_at, 2, "tenderUpdate", f"opening-{record.stage}"))
    failed = snap.change("TenderFailed")
    if failed and not any(r.outcome == "failed" for r in snap.openings):
        moments.append(Moment(failed.at, 3, "tenderUpdate", "failed"))
    cancelled = snap.change("TenderCancelled")
    if cancelled:
        moments.append(Moment(cancelled.at, 4, "tenderCancellation", "cancelled"))
    if snap.publicity:
        moments.append(Moment(snap.publicity.starts_at, 5, "award", "publicity"))
    for award in snap.awards:
        moments.append(Moment(award.decided_at, 6, "awardUpdate" if snap.publicity else "award",
                               f"award-{award.id}"))
    for contract in snap.contracts:
        moments.append(Moment(contract.signed_at, 7, "contract", f"contract-{contract.id}"))
        for event in contract.performance:
            moments.append(Moment(event.occurred_at, 8, "implementation",
                                   f"performance-{contract.id}-{event.id}"))
    return sorted(moments, key=lambda m: (m.at, m.order, m.key))


class ReleaseState:
    """The public state of a tender after the moments `seen`."""

    def __init__(self, snap: TenderSnapshot, settings: PublishSettings, seen: set[str]) -> None:
        self.snap, self.settings, self.seen = snap, settings, seen
        self.parties: dict[str, dict[str, Any]] = {}
        self.buyer = buyer_party(snap.buyer, settings)
        self.parties[self.buyer["id"]] = self.buyer

    def party(self, supplier_id: str, role: str) -> dict[str, Any]:
        org = self.snap.suppliers.get(supplier_id) or Organisation(supplier_id, supplier_id)
        party_id = supplier_party_id(org, self.settings)
        entry = self.parties.get(party_id)
        if entry is None:
            entry = {"id": party_id, "name": org.name, "roles": []}
            if org.credit_code:
                entry["identifier"] = {"scheme": self.settings.identifier_scheme, "id": org.credit_code,
                                       "legalName": org.name}
            self.parties[party_id] = entry
        if role not in entry["roles"]:
            entry["roles"].append(role)
        return {"id": party_id, "name": org.name}

    def openings(self) -> list[OpeningRecord]:
        return [r for r in self.snap.openings if f"opening-{r.stage}" in self.seen]

    def awards(self) -> list[AwardFact]:
        return [a for a in self.snap.awards if f"award-{a.id}" in self.seen]

    def contracts(self) -> list[ContractFact]:
        return [c for c in self.snap.contracts if f"contract-{c.id}" in self.seen]

    def status(self) -> str:
        if "cancelled" in self.seen:
            return "cancelled"
        if "failed" in self.seen or any(r.outcome == "failed" for r in self.openings()):
            return "unsuccessful"
        if any(a.status == "active" for a in self.awards()):
            return "complete"
        return "active"
