"""OCDS exports of every kind of tender, validated offline by the official tooling.

libcoveocds validates each release package against OCDS 1.1.5 from the standard zip in
`../shared/ocds/` (no network: the bids extension cannot be fetched, so libcoveocds lists `bids`
as an additional field); the `bids` section is validated separately against the release schema
extended by the bids extension 1.1.5 (JSON Merge Patch, jsonschema Draft 4). Compiled records
are validated against the record package schema and the extended release schema.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.kit import build_tender, draft, ocds, register_custodian_keys
from zhaocai.publish import exactjson
from zhaocai.publish.settings import BID_EXTENSION_URL


def _built(kind: str) -> Callable[..., Any]:
    return lambda platform, actors, clock: build_tender(platform, clock, **ocds.KINDS[kind]).publication


def _retender(platform, actors, clock):
    failed = build_tender(platform, clock, **ocds.KINDS["failed"]).publication
    draft = platform.tenders.retender(actors["purchasing"], failed.tender.id, clock.now() + timedelta(days=25))
    return platform.tenders.publish(actors["purchasing"], draft.id)


def _deviation(platform, actors, clock):
    """A non-statutory open tender on a 3-day period, by a deviation approved by a supervisor."""
    view = platform.tenders.create_draft(actors["purchasing"], draft(
        clock, title="Flood wall repair", deadline=clock.now() + timedelta(days=3),
        profile={"open_tender_min_days": 3}), deviation_reason="防汛抢险: materials within days")
    platform.policy.approve_deviation(actors["supervisor"], platform.policy.deviations(view.id)[0].id)
    register_custodian_keys(platform)
    return platform.tenders.publish(actors["purchasing"], view.id)


KINDS: dict[str, Callable[..., Any]] = {
    "deviation": _deviation,
    **{kind: _built(kind) for kind in ocds.KINDS},
    "retender": _retender,
}


def _assert_valid(package: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = ocds.write_json(tmp_path / f"{name}.json", package)
    report = ocds.cove(path, tmp_path / f"cove-{name}", monkeypatch)
    assert report["validation_errors"] == []
    assert report["additional_closed_codelist_values"] == {}
    assert not report.get("conformance_errors")
    assert not report.get("deprecated_fields")
    extra = {f["field"] for f in report.get("additional_fields", [])}
    # Only the extension that cannot be fetched offline, and the project's own field of an approved
    # deviation from the organisation's policy (tender.rulesDeviation, see docs/rules.md).
    assert extra <= {"bids", "rulesDeviation"}, extra
    deviated = [r for r in package["releases"] if "rulesDeviation" in r.get("tender", {})]
    assert ("rulesDeviation" in extra) == bool(deviated)
    assert all(r["tender"]["procurementMethodRationale"] for r in deviated)
    extra.discard("rulesDeviation")
    if extra:
        assert package["extensions"] == [BID_EXTENSION_URL]
        assert [u for u, _ in report["extensions"]["invalid_extensions"]] == [BID_EXTENSION_URL]
    assert ocds.bid_schema_errors(package) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_tender_validates(kind: str, platform, actors, clock, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ocds.require_shared()
    pub = KINDS[kind](platform, actors, clock)
    package = platform.publish.release_package(tender_id=pub.tender.id)
    assert package["releases"], kind
    _assert_valid(package, tmp_path, monkeypatch, kind)
    records = platform.publish.record_package(tender_id=pub.tender.id)
    assert ocds.record_schema_errors(records) == []
    compiled = records["records"][0]["compiledRelease"]
    assert compiled["tag"] == ["compiled"]
    assert compiled["tender"] == package["releases"][-1]["tender"]
    if kind == "awarded_contract":
        tags = [r["tag"][0] for r in package["releases"]]
        assert tags == ["tender", "tenderUpdate", "award", "awardUpdate", "awardUpdate", "contract", "contract",
                        "implementation"]
        assert compiled["tender"]["status"] == "complete"
        assert {a["status"] for a in compiled["awards"]} == {"active"}
        assert {c["awardID"] for c in compiled["contracts"]} == {a["id"] for a in compiled["awards"]}
        milestone = compiled["contracts"][0]["implementation"]["milestones"][0]
        assert (milestone["type"], milestone["status"]) == ("delivery", "notMet")
        roles = {r for p in compiled["parties"] for r in p["roles"]}
        assert roles == {"buyer", "procuringEntity", "tenderer", "supplier"}
        assert "私下备注" not in exactjson.dumps(package)


def test_all_tenders_in_one_package_validate(platform, actors, clock, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ocds.require_shared()
    for build in KINDS.values():
        build(platform, actors, clock)
    package = platform.publish.release_package()
    ocids = {r["ocid"] for r in package["releases"]}
    assert len(ocids) == len(KINDS) + 1  # the re-tender adds a second process
    _assert_valid(package, tmp_path, monkeypatch, "all")
    records = platform.publish.record_package()
    assert len(records["records"]) == len(ocids)
    assert ocds.record_schema_errors(records) == []
    written = platform.publish.write_record_package(tmp_path / "records.json")
    assert written.read_text(encoding="utf-8").count('"compiledRelease"') == len(ocids)
