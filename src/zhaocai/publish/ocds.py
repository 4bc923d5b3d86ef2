"""The OCDS 1.1 builder: releases of a tender at each stage, and release packages.

Pure functions over `TenderSnapshot`s (no database, no clock). Every stage of a tender becomes
one release carrying the whole public state at that moment: `tender` at publication,
`tenderAmendment` / `tenderUpdate` per amendment or clarification, `tenderUpdate` at each opening
(with the bids extension: statistics and details), `tenderCancellation`, `award` at the
publicity of candidates and `awardUpdate` at the award decision, `contract` at signature and
`implementation` for each performance event.

Amounts are `Decimal` in the dicts and become exact JSON numbers through `exactjson.dumps`.
Dates are written in Asia/Shanghai time with whole seconds, so that their text order is their
time order (ocdsmerge sorts releases by the text of `date`). The release moments and public state
are in `ocds_state.py`, the bids extension in `ocds_bids.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from zhaocai.bidding.models import EvaluationMethod
from zhaocai.bidding.views import OpeningEntry
from zhaocai.publish.ocds_bids import bids_section, opening_entries
from zhaocai.publish.ocds_rules import ocds_deviation
from zhaocai.publish.ocds_state import ReleaseState, moments, money, ocds_date
from zhaocai.publish.settings import BID_EXTENSION_URL, PublishSettings
from zhaocai.publish.snapshot import Organisation, TenderSnapshot

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


def award_ocds_id(tender_id: str, lot: str | None) -> str:
    """The award's id in OCDS: one per lot (or for the whole tender), stable from publicity on."""
    return f"{tender_id}-award-{lot or 'all'}"


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


def _amendments(state: ReleaseState) -> list[dict[str, Any]]:
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


def _deadline(state: ReleaseState) -> datetime:
    moved = [a for a in state.snap.amendments if f"amendment-{a.seq}" in state.seen]
    return moved[-1].deadline_after if moved else state.snap.original_deadline


def _tender(state: ReleaseState, entries: list[OpeningEntry]) -> dict[str, Any]:
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
    tender.update(ocds_deviation(snap))
    return tender


def _lot_items(snap: TenderSnapshot, lot: str | None) -> list[dict[str, Any]]:
    return [i for i in _items(snap) if lot is None or i["id"].startswith(f"{lot}-")]


def _org(snap: TenderSnapshot, supplier_id: str) -> Organisation:
    return snap.suppliers.get(supplier_id) or Organisation(supplier_id, supplier_id)


def _awards(state: ReleaseState) -> list[dict[str, Any]]:
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


def _contracts(state: ReleaseState) -> list[dict[str, Any]]:
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
    for n, moment in enumerate(moments(snap), start=1):
        seen.add(moment.key)
        state = ReleaseState(snap, settings, seen)
        entries = opening_entries(state)
        tender = _tender(state, entries)
        release: dict[str, Any] = {
            "ocid": ocid, "id": f"{ocid}-{n:03d}-{moment.key}", "date": ocds_date(moment.at),
            "tag": [moment.tag], "initiationType": "tender", "language": settings.language,
            "buyer": {"id": state.buyer["id"], "name": state.buyer["name"]},
        }
        if state.openings():
            release["bids"] = bids_section(state, entries)
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
