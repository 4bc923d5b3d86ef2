"""OCDS releases of single-source procurements validate offline (libcoveocds, OCDS 1.1.5):
procurementMethod `limited`, the ground and its reason as procurementMethodRationale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit import ocds, supplier_actor
from tests.kit.single_source import concluded, drafted, noticed, supplier
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform


def test_single_source_releases_validate(platform: Platform, actors: dict[str, Actor], clock: ManualClock,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ocds.require_shared()
    sid = supplier(platform, actors)
    drafted(platform, actors, sid)  # never published
    cancelled = noticed(platform, actors, sid, justification="emergency",
                        reason="Flood damage to the pump house: an unforeseeable emergency.")
    oid = platform.single_source.lodge_objection(actors["nobody"], cancelled.id, "并非紧急情况").id
    platform.single_source.decide_objection(actors["supervisor2"], oid, upheld=True, answer="异议成立")
    done = concluded(platform, actors, clock, sid)
    assert done.contract_id is not None
    clock.advance(hours=2)
    platform.evaluation.sign_contract(supplier_actor(sid), done.contract_id)
    platform.evaluation.sign_contract(actors["purchasing"], done.contract_id)
    package = platform.single_source.release_package()
    report = ocds.cove(ocds.write_json(tmp_path / "ss.json", package), tmp_path / "cove", monkeypatch)
    assert report["validation_errors"] == []
    assert report["additional_closed_codelist_values"] == {}
    assert not report.get("additional_fields")
    by_process: dict[str, list[dict]] = {}
    for release in package["releases"]:
        by_process.setdefault(release["tender"]["id"], []).append(release)
    assert sorted(by_process) == sorted([cancelled.id, done.id])
    assert [r["tag"] for r in by_process[cancelled.id]] == [["tender"], ["tenderCancellation"]]
    assert [r["tag"] for r in by_process[done.id]] == [["tender"], ["award", "contract"], ["contract"]]
    tender = by_process[done.id][-1]["tender"]
    assert tender["procurementMethod"] == "limited"
    assert tender["procurementMethodRationale"].startswith("proprietary — 只能从唯一供应商处采购")
    assert "ZL201910000001.X" in tender["procurementMethodRationale"]
    last = by_process[done.id][-1]
    assert last["contracts"][0]["status"] == "active" and last["awards"][0]["value"]["amount"] == done.agreed_price
    assert {r for p in last["parties"] for r in p["roles"]} == {"buyer", "procuringEntity", "supplier"}
