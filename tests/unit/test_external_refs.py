"""The ERP's own references: stored with suppliers, tenders, contracts and performance records,
shown in their views, echoed in their events, and looked up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.kit import application, build_tender, draft, refused, supplier_actor
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.errors import PermissionDenied, ValidationError
from zhaocai.event_catalog import CATALOG, validate_event
from zhaocai.platform import Platform

A = dict[str, Actor]
LOWEST = {"method": "lowest_evaluated_price"}


def _events(platform: Platform, kind: str) -> list[dict[str, object]]:
    found = [e for e in platform.events.read(limit=10_000) if e.type == kind]
    for event in found:
        validate_event(event.type, event.subject_type, event.payload)
        assert event.schema_version == CATALOG[kind].version == 2
    return [e.payload for e in found]


def test_a_supplier_keeps_its_vendor_number(platform: Platform, actors: A) -> None:
    view = platform.suppliers.register(actors["purchasing2"], application("义乌参考建材有限公司", seed=9101,
                                                                          external_ref="V-10042"))
    plain = platform.suppliers.register(actors["purchasing2"], application("义乌无号建材有限公司", seed=9102))
    assert view.external_ref == "V-10042" and plain.external_ref is None
    assert [s.id for s in platform.suppliers.by_reference(actors["purchasing"], "V-10042")] == [view.id]
    assert platform.suppliers.by_reference(actors["purchasing"], "V-99999") == []
    assert [p["external_ref"] for p in _events(platform, "SupplierRegistered")] == ["V-10042", None]
    refused(platform, PermissionDenied, "permission.supplier_read", platform.suppliers.by_reference,
            supplier_actor(view.id), "V-10042")


def test_a_tender_keeps_its_requisition_from_draft_to_publication(
        platform: Platform, actors: A, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "published", external_ref="PR-2026/0007")
    assert platform.tenders.get(actors["auditor"], tender.tender_id).external_ref == "PR-2026/0007"
    found = platform.tenders.by_reference(actors["purchasing"], "PR-2026/0007")
    assert [t.id for t in found] == [tender.tender_id]
    assert [p["external_ref"] for p in _events(platform, "TenderPublished")] == ["PR-2026/0007"]
    clock.advance(hours=1)
    draft_only = platform.tenders.create_draft(actors["purchasing"], draft(clock, external_ref="PR-2026/0007"))
    assert [t.id for t in platform.tenders.by_reference(actors["purchasing"], "PR-2026/0007")] == [
        tender.tender_id, draft_only.id]
    # A supplier's user sees the published tender only, never a draft.
    user = supplier_actor(tender.suppliers[0])
    assert [t.id for t in platform.tenders.by_reference(user, "PR-2026/0007")] == [tender.tender_id]


def test_the_buyers_signature_carries_the_purchase_order(platform: Platform, actors: A, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST, external_ref="PR-HIDDEN-1")
    notice = tender.award.notices[0]
    user = supplier_actor(notice.supplier_id)
    refused(platform, PermissionDenied, "contract.external_ref_buyer", platform.evaluation.sign_contract,
            user, notice.contract_id, external_ref="PO-4500012345")
    platform.evaluation.sign_contract(user, notice.contract_id)
    signed = platform.evaluation.sign_contract(actors["purchasing"], notice.contract_id,
                                               external_ref="PO-4500012345")
    assert signed.external_ref == "PO-4500012345"
    assert [c.id for c in platform.evaluation.contracts_by_reference("PO-4500012345")] == [notice.contract_id]
    assert [p["external_ref"] for p in _events(platform, "ContractSignature")] == [None, "PO-4500012345"]
    assert [p["external_ref"] for p in _events(platform, "ContractSigned")] == ["PO-4500012345"]
    assert [p["external_ref"] for p in _events(platform, "TenderContracted")] == ["PO-4500012345"]

    clock.advance(days=3)
    record = platform.suppliers.record_performance(actors["quality"], {
        "supplier_id": notice.supplier_id, "contract_id": notice.contract_id, "kind": "late_delivery",
        "severity": 2, "occurred_at": clock.now() - timedelta(hours=1), "external_ref": "GR-5000001"})
    assert record.external_ref == "GR-5000001"
    assert [p["external_ref"] for p in _events(platform, "PerformanceEventRecorded")] == ["GR-5000001"]

    # The buyer's own numbers are never published.
    for package in (platform.publish.release_package(), platform.publish.record_package()):
        text = platform.publish.to_json(package)
        assert "PR-HIDDEN-1" not in text and "PO-4500012345" not in text and "GR-5000001" not in text


@pytest.mark.parametrize("ref", ["", "-starts-with-a-dash", "有中文", "x" * 65, "with space", "a\x00b"])
def test_a_malformed_reference_is_refused(platform: Platform, actors: A, clock: ManualClock, ref: str) -> None:
    # A NUL is refused by the boundary's text checks first, as in any other text.
    nul = "\x00" in ref
    refused(platform, ValidationError, "input.nul_character" if nul else "validation.input",
            platform.tenders.create_draft, actors["purchasing"], draft(clock, external_ref=ref))
    refused(platform, ValidationError, "input.nul_character" if nul else "input.external_ref",
            platform.tenders.by_reference, actors["purchasing"], ref)
    refused(platform, ValidationError, "input.nul_character" if nul else "input.external_ref",
            platform.evaluation.sign_contract, actors["purchasing"], "ctr-any", external_ref=ref)
