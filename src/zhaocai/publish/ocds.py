"""The OCDS 1.1 builder: releases of a tender at each stage, and release packages.

Pure functions over `TenderSnapshot`s (no database, no clock). Every stage of a tender becomes
one release carrying the whole public state at that moment: `tender` at publication,
`tenderAmendment` / `tenderUpdate` per amendment or clarification, `tenderUpdate` at each opening
(with the bids extension: statistics and details), `tenderCancellation`, `award` at the
publicity of candidates and `awardUpdate` at the award decision, `contract` at signature and
`implementation` for each performance event.

Amounts are `Decimal` in the dicts and become exact JSON numbers through `exactjson.dumps`.
Dates are written in Asia/Shanghai time with whole seconds, so that their text order is their
time order (ocdsmerge sorts releases by the text of `date`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.bidding.models import EvaluationMethod
from zhaocai.bidding.views import OpeningEntry, OpeningRecord
from zhaocai.clock import SHANGHAI
from zhaocai.money import DEFAULT_CURRENCY
from zhaocai.publish.settings import BID_EXTENSION_URL, PublishSettings
from zhaocai.publish.snapshot import AwardFact, ContractFact, Organisation, TenderSnapshot

OCDS_VERSION = "1.1"
METHODS: dict[str, tuple[str, str, str]] = {
    "open_tender": ("open", "公开招标", "open tender"),
    "invited_tender": ("selective", "邀请招标", "invited tender"),
    "price_inquiry": ("limited", "询价", "price inquiry"),
}
"""zhaocai method → (OCDS procurementMethod, local name, English name)."""
CATEGORIES: dict[str, str] = {
    "materials": "goods", "machinery": "goods", "specialist_subcontracting": "works",
    "labour": "services", "services": "services",
}
"""zhaocai category → OCDS mainProcurementCategory."""
BID_STATUS: dict[str, str | None] = {
    "valid": "valid", "invalid": "disqualified", "not_reconfirmed": "disqualified",
    "not_compliant": "disqualified", "not_opened": None,
}
"""Opening-record status → OCDS bid status (a bid never opened has none)."""
MILESTONES: dict[str, tuple[str, str]] = {
    "on_time_delivery": ("delivery", "met"), "late_delivery": ("delivery", "notMet"),
    "quality_defect": ("assessment", "notMet"), "safety_incident": ("assessment", "notMet"),
    "service_complaint": ("assessment", "notMet"), "compliance_breach": ("assessment", "notMet"),
    "bribery": ("assessment", "notMet"), "collusion": ("assessment", "notMet"),
    "falsified_documents": ("assessment", "notMet"),
}
"""Performance event kind → (OCDS milestone type, milestone status)."""
EVALUATION_NAMES = {
    EvaluationMethod.LOWEST_EVALUATED_PRICE: ("priceOnly", "经评审的最低投标价法 (lowest evaluated price)"),
    EvaluationMethod.COMPREHENSIVE_SCORING: ("ratedCriteria", "综合评估法 (comprehensive scoring)"),
}


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


def award_ocds_id(tender_id: str, lot: str | None) -> str:
    """The award's id in OCDS: one per lot (or for the whole tender), stable from publicity on."""
    return f"{tender_id}-award-{lot or 'all'}"


@dataclass(frozen=True, slots=True)
class _Moment:
    at: datetime
    order: int
    tag: str
    key: str


def _moments(snap: TenderSnapshot) -> list[_Moment]:
    moments = [_Moment(snap.published_at, 0, "tender", "tender")]
    for a in snap.amendments:
        tag = "tenderAmendment" if a.kind == "amendment" else "tenderUpdate"
        moments.append(_Moment(a.issued_at, 1, tag, f"amendment-{a.seq}"))
    for record in snap.openings:
        moments.append(_Moment(record.opened_at, 2, "tenderUpdate", f"opening-{record.stage}"))
    failed = snap.change("TenderFailed")
    if failed and not any(r.outcome == "failed" for r in snap.openings):
        moments.append(_Moment(failed.at, 3, "tenderUpdate", "failed"))
    cancelled = snap.change("TenderCancelled")
    if cancelled:
        moments.append(_Moment(cancelled.at, 4, "tenderCancellation", "cancelled"))
    if snap.publicity:
        moments.append(_Moment(snap.publicity.starts_at, 5, "award", "publicity"))
    for award in snap.awards:
        moments.append(_Moment(award.decided_at, 6, "awardUpdate" if snap.publicity else "award",
                               f"award-{award.id}"))
    for contract in snap.contracts:
        moments.append(_Moment(contract.signed_at, 7, "contract", f"contract-{contract.id}"))
        for event in contract.performance:
            moments.append(_Moment(event.occurred_at, 8, "implementation",
                                   f"performance-{contract.id}-{event.id}"))
    return sorted(moments, key=lambda m: (m.at, m.order, m.key))


class _State:
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


def _items(snap: TenderSnapshot) -> list[dict[str, Any]]:
    items = []
    for lot in snap.lots:
        for n, item in enumerate(lot.items, start=1):
            description = f"{lot.title} — {item.name}"
            if item.specification:
                description += f" ({item.specification})"
            items.append({"id": f"{lot.id}-{n}", "description": description, "quantity": item.quantity,
                          "unit": {"name": item.unit}})
    return items


def _amendments(state: _State) -> list[dict[str, Any]]:
    snap, out = state.snap, []
    for a in snap.amendments:
        if f"amendment-{a.seq}" not in state.seen:
            continue
        label = "补遗 amendment" if a.kind == "amendment" else "答疑 clarification"
        moved = "" if a.deadline_after == a.deadline_before else \
            f"; deadline moved from {ocds_date(a.deadline_before)} to {ocds_date(a.deadline_after)}"
        out.append({"id": f"{a.kind}-{a.seq}", "date": ocds_date(a.issued_at), "rationale": label + moved,
                    "description": a.text})
    failed = [r for r in state.openings() if r.outcome == "failed"]
    change = snap.change("TenderFailed")
    if failed or "failed" in state.seen:
        at = failed[-1].opened_at if failed else change.at if change else snap.published_at
        reason = (failed[-1].failure_reason if failed else None) or snap.outcome_reason or "failed"
        out.append({"id": "failure", "date": ocds_date(at), "rationale": f"流标 failed: {reason}",
                    "description": "The tender failed (流标); it may be re-tendered."})
    cancelled = snap.change("TenderCancelled")
    if "cancelled" in state.seen and cancelled is not None:
        reason = str(cancelled.payload.get("reason") or snap.outcome_reason or "")
        out.append({"id": "cancellation", "date": ocds_date(cancelled.at),
                    "rationale": f"招标终止 cancelled: {reason}",
                    "description": "Cancelled by two people of the buyer; bids not opened are never opened."})
    return out


def _deadline(state: _State) -> datetime:
    moved = [a for a in state.snap.amendments if f"amendment-{a.seq}" in state.seen]
    return moved[-1].deadline_after if moved else state.snap.original_deadline


def _entries(state: _State) -> list[OpeningEntry]:
    """Opening entries of the opened stages; a later stage's line replaces an earlier one."""
    by_bid: dict[str, OpeningEntry] = {}
    for record in state.openings():
        for entry in record.entries:
            by_bid[entry.bid_id] = entry
    return list(by_bid.values())


def _excluded_at_evaluation(state: _State) -> set[str]:
    """Suppliers whose opened bid the published evaluation found compliant in no lot."""
    if "publicity" not in state.seen or not state.snap.results:
        return set()
    compliant: dict[str, bool] = {}
    for line in state.snap.results:
        compliant[line.supplier_id] = compliant.get(line.supplier_id, False) or line.status == "compliant"
    return {supplier for supplier, ok in compliant.items() if not ok}


def _bids(state: _State, entries: list[OpeningEntry]) -> dict[str, Any]:
    records = state.openings()
    opened_at = ocds_date(records[-1].opened_at)
    # Once the evaluation report is public, a bid opened valid but found non-compliant (ineligible
    # supplier, finding, rejected abnormally low price) is disqualified too.
    excluded = _excluded_at_evaluation(state)
    details, statuses = [], {}
    for entry in entries:
        bid: dict[str, Any] = {"id": entry.bid_id, "date": ocds_date(entry.received_at),
                               "tenderers": [state.party(entry.supplier_id, "tenderer")]}
        status = BID_STATUS.get(entry.status)
        if status == "valid" and entry.supplier_id in excluded:
            status = "disqualified"
        statuses[entry.bid_id] = status
        if status:
            bid["status"] = status
        if entry.total_price is not None:
            bid["value"] = money(entry.total_price)
        details.append(bid)
    valid = [e for e in entries if statuses[e.bid_id] == "valid"]
    prices = sorted(e.total_price for e in valid if e.total_price is not None)
    stats: list[dict[str, Any]] = [
        {"id": "bids", "measure": "bids", "value": len(entries), "date": opened_at},
        {"id": "validBids", "measure": "validBids", "value": len(valid), "date": opened_at},
        {"id": "bidders", "measure": "bidders", "value": len({e.supplier_id for e in entries}),
         "date": opened_at},
        {"id": "disqualifiedBidders", "measure": "disqualifiedBidders",
         "value": len({e.supplier_id for e in entries if statuses[e.bid_id] == "disqualified"}),
         "date": opened_at},
    ]
    if prices:
        stats.append({"id": "lowestValidBidValue", "measure": "lowestValidBidValue", "value": prices[0],
                      "currency": DEFAULT_CURRENCY, "date": opened_at})
        stats.append({"id": "highestValidBidValue", "measure": "highestValidBidValue", "value": prices[-1],
                      "currency": DEFAULT_CURRENCY, "date": opened_at})
    return {"statistics": stats, "details": details}


def _tender(state: _State, entries: list[OpeningEntry]) -> dict[str, Any]:
    snap = state.snap
    method, local_name, english = METHODS[snap.method]
    criteria, criteria_details = EVALUATION_NAMES[snap.evaluation.method]
    weights = snap.evaluation.weights
    if snap.evaluation.method is EvaluationMethod.COMPREHENSIVE_SCORING:
        criteria_details += (f"; weights: price {weights.price}, technical {weights.technical}, "
                             f"commercial {weights.commercial}")
        for c in snap.evaluation.criteria:
            criteria_details += f"; {c.part.value} criterion {c.name} ({c.weight})"
    if snap.method == "price_inquiry":
        criteria_details = "询价：最低报价 (price inquiry: lowest compliant quote)"
    envelopes = "two envelopes (双信封), technical opened first" if snap.two_envelopes else "one envelope"
    tender: dict[str, Any] = {
        "id": snap.id,
        "title": snap.title,
        "description": f"{local_name} ({english}), category {snap.category}",
        "status": state.status(),
        "procuringEntity": {"id": state.buyer["id"], "name": state.buyer["name"]},
        "items": _items(snap),
        "value": money(snap.ceiling),
        "procurementMethod": method,
        "procurementMethodDetails": local_name,
        "mainProcurementCategory": CATEGORIES.get(snap.category, "goods"),
        "awardCriteria": "priceOnly" if snap.method == "price_inquiry" else criteria,
        "awardCriteriaDetails": criteria_details,
        "submissionMethod": ["electronicSubmission"],
        "submissionMethodDetails": (f"Sealed electronic bids ({envelopes}), opened publicly after the "
                                    "deadline with a quorum of custodians' key shares (开标)"),
        "tenderPeriod": {"startDate": ocds_date(snap.published_at), "endDate": ocds_date(_deadline(state))},
        "eligibilityCriteria": ("Suppliers admitted to the supplier register (供应商库) in the category, "
                                "with valid qualifications; invitation required"
                                if method != "open" else
                                "Suppliers admitted to the supplier register (供应商库) in the category, "
                                "with valid qualifications"),
    }
    if entries:
        tenderers = {e.supplier_id: state.party(e.supplier_id, "tenderer") for e in entries}
        tender["numberOfTenderers"] = len(tenderers)
        tender["tenderers"] = list(tenderers.values())
    if snap.publicity and "publicity" in state.seen:
        tender["awardPeriod"] = {"startDate": ocds_date(snap.publicity.starts_at),
                                 "endDate": ocds_date(snap.publicity.ends_at)}
    amendments = _amendments(state)
    if amendments:
        tender["amendments"] = amendments
    return tender


def _lot_items(snap: TenderSnapshot, lot: str | None) -> list[dict[str, Any]]:
    return [i for i in _items(snap) if lot is None or i["id"].startswith(f"{lot}-")]


def _org(snap: TenderSnapshot, supplier_id: str) -> Organisation:
    return snap.suppliers.get(supplier_id) or Organisation(supplier_id, supplier_id)


def _awards(state: _State) -> list[dict[str, Any]]:
    snap, awards = state.snap, {}
    if snap.publicity and "publicity" in state.seen:
        lots = sorted({c.lot or "" for c in snap.publicity.candidates})
        for lot in lots:
            ranked = sorted((c for c in snap.publicity.candidates if (c.lot or "") == lot),
                            key=lambda c: c.rank)
            first = ranked[0]
            shown = "; ".join(
                f"{c.rank}. {_org(snap, c.supplier_id).name}"
                + (f" {c.price:,.2f}" if c.price is not None else "") for c in ranked)
            award: dict[str, Any] = {
                "id": award_ocds_id(snap.id, lot or None), "status": "pending",
                "title": "中标候选人公示 candidates publicised",
                "description": f"Candidates in rank order 中标候选人（按排名）: {shown}; publicity "
                               f"{ocds_date(snap.publicity.starts_at)} – {ocds_date(snap.publicity.ends_at)}",
                "suppliers": [state.party(first.supplier_id, "tenderer")],
                "items": _lot_items(snap, lot or None),
            }
            if first.price is not None:
                award["value"] = money(first.price)
            awards[award["id"]] = award
    for fact in state.awards():
        award_id = award_ocds_id(snap.id, fact.lot)
        award = awards.get(award_id, {"id": award_id, "items": _lot_items(snap, fact.lot)})
        award.update({
            "status": fact.status, "date": ocds_date(fact.decided_at), "value": money(fact.amount),
            "title": fact.title or "中标 award", "suppliers": [state.party(fact.supplier_id, "supplier")],
        })
        awards[award_id] = award
    return list(awards.values())


def _contracts(state: _State) -> list[dict[str, Any]]:
    snap, out = state.snap, []
    award_ids = {a.id: award_ocds_id(snap.id, a.lot) for a in snap.awards}
    for fact in state.contracts():
        contract: dict[str, Any] = {
            "id": fact.id, "awardID": award_ids.get(fact.award_id, fact.award_id),
            "title": f"合同 contract — {snap.title}", "status": fact.status,
            "value": money(fact.amount), "dateSigned": ocds_date(fact.signed_at),
        }
        if fact.period_start or fact.period_end:
            contract["period"] = {k: ocds_date(v) for k, v in
                                  (("startDate", fact.period_start), ("endDate", fact.period_end)) if v}
        milestones = []
        for event in fact.performance:
            if f"performance-{fact.id}-{event.id}" not in state.seen:
                continue
            kind, status = MILESTONES.get(event.kind, ("assessment", "notMet"))
            milestone: dict[str, Any] = {
                "id": event.id, "title": f"履约 performance: {event.kind}", "type": kind, "status": status,
                "description": f"{event.kind}, severity {event.severity} of 5",
                "dateModified": ocds_date(event.occurred_at),
            }
            if status == "met":
                milestone["dateMet"] = ocds_date(event.occurred_at)
            milestones.append(milestone)
        if milestones:
            contract["implementation"] = {"milestones": milestones}
        out.append(contract)
    return out


def tender_releases(snap: TenderSnapshot, settings: PublishSettings) -> list[dict[str, Any]]:
    """Every release of one tender, oldest first; each carries the public state at its moment."""
    ocid = settings.ocid(snap.id)
    seen: set[str] = set()
    releases = []
    for n, moment in enumerate(_moments(snap), start=1):
        seen.add(moment.key)
        state = _State(snap, settings, seen)
        entries = _entries(state)
        tender = _tender(state, entries)
        release: dict[str, Any] = {
            "ocid": ocid, "id": f"{ocid}-{n:03d}-{moment.key}", "date": ocds_date(moment.at),
            "tag": [moment.tag], "initiationType": "tender", "language": settings.language,
            "buyer": {"id": state.buyer["id"], "name": state.buyer["name"]},
        }
        if state.openings():
            release["bids"] = _bids(state, entries)
        awards = _awards(state)
        contracts = _contracts(state)
        release["tender"] = tender
        if awards:
            release["awards"] = awards
        if contracts:
            release["contracts"] = contracts
        if snap.retender_of:
            release["relatedProcesses"] = [{
                "id": "retender-of", "relationship": ["unsuccessfulProcess"],
                "title": "流标后重新招标 re-tender of",
                "scheme": "ocid", "identifier": settings.ocid(snap.retender_of)}]
        release["parties"] = list(state.parties.values())
        releases.append(release)
    return releases


def uses_bids(releases: Iterable[dict[str, Any]]) -> bool:
    """Whether any release has a `bids` section (then the package declares the bids extension)."""
    return any("bids" in r for r in releases)


def release_package(releases: list[dict[str, Any]], settings: PublishSettings,
                    published: datetime, uri: str | None = None) -> dict[str, Any]:
    """An OCDS 1.1 release package around `releases`."""
    package: dict[str, Any] = {
        "uri": uri or f"urn:zhaocai:{settings.ocid_prefix}:releases:{ocds_date(published)}",
        "version": OCDS_VERSION,
        "publishedDate": ocds_date(published),
        "publisher": settings.publisher(),
    }
    if uses_bids(releases):
        package["extensions"] = [BID_EXTENSION_URL]
    if settings.license:
        package["license"] = settings.license
    if settings.publication_policy:
        package["publicationPolicy"] = settings.publication_policy
    package["releases"] = releases
    return package
