"""The event catalog is the ERP's contract: every event the code emits is in it, every entry is
emitted somewhere, docs/events.md is its output, and payloads are checked field by field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.kit import build_tender, supplier_actor
from zhaocai.clock import ManualClock
from zhaocai.errors import ValidationError
from zhaocai.event_catalog import CATALOG, payload_model, schema_version, validate_event
from zhaocai.event_catalog.reference import render
from zhaocai.platform import Platform

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "zhaocai"
LOWEST = {"method": "lowest_evaluated_price"}


def _source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py")
                     if "event_catalog" not in p.parts)


def test_the_reference_is_the_catalogs_output() -> None:
    written = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    assert written == render(), "docs/events.md is stale: python -m zhaocai.event_catalog > docs/events.md"


def test_every_event_named_in_the_code_is_catalogued() -> None:
    text = _source_text()
    named = set(re.findall(r'event="([A-Z][A-Za-z]+)"', text))
    named |= set(re.findall(r'emit\(\s*"([A-Z][A-Za-z]+)"', text))
    names_map = re.search(r"_EVENT_NAMES = \{(.*?)\}", text, re.S)
    assert names_map is not None
    named |= set(re.findall(r'"([A-Z][A-Za-z]+)"', names_map.group(1)))
    assert named, "the scan found no event names: the pattern no longer matches the code"
    assert named - set(CATALOG) == set()


def test_every_catalogued_event_is_emitted_somewhere() -> None:
    text = _source_text()
    assert [name for name in CATALOG if f'"{name}"' not in text] == []


def test_every_entry_has_chinese_and_a_json_schema() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for entry in CATALOG.values():
        assert han.search(entry.when_zh), entry.name
        assert entry.actions and entry.version >= 1
        schema = payload_model(entry).model_json_schema()
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(entry.fields)


@pytest.mark.parametrize(("payload", "problem"), [
    ({"supplier_id": "sup-1", "name": "甲", "credit_code": "x"}, "categories"),
    ({"supplier_id": "sup-1", "name": "甲", "credit_code": "x", "categories": ["materials"],
      "secret": 1}, "secret"),
    ({"supplier_id": 7, "name": "甲", "credit_code": "x", "categories": []}, "supplier_id"),
])
def test_a_payload_off_the_catalog_is_refused_with_its_code(payload: dict[str, object],
                                                              problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_event("SupplierRegistered", "supplier", payload)
    assert caught.value.code == "events.payload_mismatch"
    assert problem in caught.value.message_en and problem in caught.value.message_zh


def test_money_is_a_two_decimal_string_and_types_are_checked() -> None:
    ok = {"contract_id": "c", "tender_id": "t", "lot_id": "L1", "supplier_id": "s",
          "amount": "640000.00", "signed_by": "p", "status": "signed"}
    validate_event("ContractSigned", "contract", ok)
    with pytest.raises(ValidationError, match="amount"):
        validate_event("ContractSigned", "contract", {**ok, "amount": "640000"})
    with pytest.raises(ValidationError, match="subject_type"):
        validate_event("ContractSigned", "tender", ok)


def test_an_unknown_type_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_event("BidPeeked", "tender", {})
    assert caught.value.code == "events.unknown_type"
    with pytest.raises(ValidationError):
        schema_version("BidPeeked")


def test_every_signature_is_an_event_and_the_feed_carries_versions(
        platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST)
    notice = tender["award"].notices[0]
    start = platform.events.read(after=0, limit=10_000)[-1].position
    platform.evaluation.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
    first = [e.type for e in platform.events.read(after=start)]
    platform.evaluation.sign_contract(tender.actors["purchasing"], notice.contract_id)
    events = platform.events.read(after=start)
    assert first == ["ContractSignature"]
    assert [e.type for e in events] == ["ContractSignature", "ContractSignature", "ContractSigned",
                                        "TenderContracted"]
    assert len({e.audit_seq for e in events[1:3]}) == 1  # one act, two facts
    for event in platform.events.read(after=0, limit=10_000):
        validate_event(event.type, event.subject_type, event.payload)
        assert event.schema_version == CATALOG[event.type].version
