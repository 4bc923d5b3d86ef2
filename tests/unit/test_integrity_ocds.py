"""Screening OCDS data: the import of compiled releases and packages, its per-line report of bad
input, `platform.integrity.screen_ocds` and `zhaocai screen`, and zhaocai's own published OCDS."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.kit import ACTORS, build_tender, snapshot
from tests.kit.ocds import KINDS
from zhaocai.cli import app
from zhaocai.errors import NotFoundError, ValidationError
from zhaocai.integrity import FlagSettings, compute_flags
from zhaocai.integrity.conformance import cardinal_results, cardinal_settings
from zhaocai.integrity.ocds_import import release_facts
from zhaocai.integrity.ocds_read import import_ocds

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "cardinal"
runner = CliRunner()

RELEASE: dict[str, Any] = {
    "ocid": "ocds-x-1", "buyer": {"id": "B1"},
    "tender": {"title": "钢筋", "status": "complete", "procurementMethod": "selective",
               "procurementMethodDetails": "邀请招标", "value": {"amount": Decimal("1000.50"), "currency": "CNY"},
               "tenderPeriod": {"startDate": "2025-03-01T09:00:00+08:00", "endDate": "2025-03-11T09:00:00+08:00"},
               "procuringEntity": {"id": "P1"}, "items": [{"classification": {"id": "44000000"}}]},
    "bids": {"details": [
        {"id": "b1", "status": "valid", "date": "2025-03-10T09:00:00+08:00",
         "tenderers": [{"id": "S1"}], "value": {"amount": 900, "currency": "CNY"}},
        {"id": "b2", "status": "disqualified", "tenderers": [{"id": "S2"}, {"id": "S3"}],
         "value": {"amount": Decimal("850.5"), "currency": "CNY"}},
        {"status": "invited", "tenderers": [{"id": "S4"}]}]},
    "awards": [{"id": "a1", "status": "active", "suppliers": [{"id": "S1"}],
                "value": {"amount": 900, "currency": "CNY"}, "items": [{"classification": {"id": "44100000"}}]},
               {"id": "a2", "status": "unsuccessful", "suppliers": [{"id": "S2"}]}],
    "parties": [{"id": "S1", "name": "甲", "roles": ["tenderer", "supplier"],
                 "address": {"region": "浙江省", "locality": "义乌市", "streetAddress": "同一路8号"},
                 "contactPoint": {"telephone": "+86 138-0000-0000", "email": "A@qq.com"}},
                {"id": "B1", "name": "买方", "roles": ["buyer"]}],
}


def test_a_compiled_release_becomes_facts() -> None:
    t, issues = release_facts(RELEASE)
    assert issues == []
    assert (t.id, t.title, t.buyer, t.procuring_entity, t.method, t.ocds_method) == (
        "ocds-x-1", "钢筋", "B1", "P1", "invited", "selective")
    assert t.estimate == Decimal("1000.50") and t.procurement_method_details == "邀请招标"
    assert t.status == "awarded" and t.winner_supplier_id == "S1" and t.award_amount == Decimal(900)
    assert [(b.id, b.status, b.tenderers, b.price) for b in t.bids] == [
        ("b1", "valid", ("S1",), Decimal(900)), ("b2", "disqualified", ("S2", "S3"), Decimal("850.5")),
        ("ocds-x-1/bids/3", "invited", ("S4",), None)]
    assert [b.submitted for b in t.bids] == [True, True, False]
    assert t.awards[0].classifications == ("44100000",) and t.classifications == ("44000000",)
    assert (t.deadline - t.published_at).days == 10  # type: ignore[operator]


def test_a_joint_bids_supplier_is_one_of_its_tenderers() -> None:
    from zhaocai.integrity import BidFacts

    assert BidFacts("b", "", None, None, tenderer_ids=("S1", "S2")).supplier_id == "S1"
    with pytest.raises(ValidationError) as err:
        BidFacts("b", "S9", None, None, tenderer_ids=("S1", "S2"))
    assert err.value.code == "integrity.facts.tenderers"


def test_a_release_without_ocid_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        release_facts({"tender": {}})
    assert err.value.code == "integrity.ocds.no_ocid"


def test_fields_that_cannot_be_read_are_warnings_and_the_rest_counts() -> None:
    bad = {"ocid": "o", "tender": {"tenderPeriod": {"startDate": "yesterday", "endDate": "2025-01-01T00:00:00"},
                                   "numberOfTenderers": -1, "procurementMethod": "auction",
                                   "value": {"amount": "100"}},
           "bids": {"details": [{"status": "qualified", "tenderers": [{"id": "S"}], "value": {"amount": 5}}]},
           "awards": [{"status": "invalid", "suppliers": [{"id": "S"}]}]}
    t, issues = release_facts(bad)
    assert sorted(i.code for i in issues) == sorted([
        "integrity.ocds.date", "integrity.ocds.date", "integrity.ocds.number", "integrity.ocds.method",
        "integrity.ocds.amount", "integrity.ocds.status", "integrity.ocds.status"])
    assert t.published_at is None and t.deadline is None and t.method == "unknown" and t.estimate is None
    assert t.bids[0].status == "pending" and t.awards[0].status == "other" and t.winner_supplier_id is None
    # With a time zone, a date without offset is read in it.
    t, issues = release_facts(bad, __import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    assert t.deadline is not None and t.deadline.utcoffset() is not None


def test_bad_lines_are_reported_by_line_and_the_good_ones_screened(tmp_path: Path) -> None:
    lines = [json.dumps({"ocid": "a", "tender": {"numberOfTenderers": 1, "procurementMethod": "open"}}),
             "{not json", "", "[1, 2]", json.dumps({"tender": {}}),
             json.dumps({"ocid": "a"}), json.dumps({"ocid": "b", "tender": {"status": "cancelled"}})]
    found = import_ocds(lines)
    assert [t.id for t in found.tenders] == ["a", "b"] and found.lines == 6
    assert [(i.line, i.code) for i in found.errors] == [
        (2, "integrity.ocds.json"), (4, "integrity.ocds.not_object"), (5, "integrity.ocds.no_ocid"),
        (6, "integrity.ocds.duplicate")]
    assert all(i.message_en and i.message_zh for i in found.errors)
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 1 and "R018" in result.output and "integrity.ocds.json" in result.output


def test_release_and_record_packages() -> None:
    first = {**RELEASE, "id": "r1", "date": "2025-03-01T09:00:00+08:00", "bids": {"details": []}, "awards": []}
    second = {**RELEASE, "id": "r2", "date": "2025-03-20T09:00:00+08:00"}
    other = {"ocid": "ocds-x-2", "id": "r3", "date": "2025-03-01T00:00:00Z", "tender": {"numberOfTenderers": 1}}
    package = {"uri": "u", "version": "1.1", "releases": [first, second, other]}
    found = import_ocds(json.dumps(package, indent=2, default=str).splitlines())
    assert [t.id for t in found.tenders] == ["ocds-x-1", "ocds-x-2"] and not found.errors
    assert len(found.tenders[0].bids) == 3  # the releases of ocds-x-1 compiled: the later bids
    records = {"uri": "u", "version": "1.1", "records": [
        {"ocid": "ocds-x-1", "compiledRelease": RELEASE}, {"ocid": "broken"}]}
    found = import_ocds([json.dumps(records, default=str)])
    assert [t.id for t in found.tenders] == ["ocds-x-1"]
    assert [(i.line, i.item, i.code) for i in found.errors] == [(1, 2, "integrity.ocds.record")]
    assert set(found.suppliers) == {"S1"} and found.suppliers["S1"].phones == {"+86 138-0000-0000"}


def test_the_file_itself_unreadable_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as err:
        import_ocds(tmp_path / "missing.jsonl")
    assert err.value.code == "integrity.ocds.not_found"
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes("{\"ocid\": \"é\"}".encode("latin-1"))
    with pytest.raises(ValidationError) as err:
        import_ocds(latin)
    assert err.value.code == "integrity.ocds.encoding"
    for args in (["screen", str(tmp_path / "missing.jsonl")], ["screen", str(latin)],
                 ["screen", str(FIXTURES / "R018.jsonl"), "--timezone", "Mars/Base"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 3 and "integrity." in result.output and "Traceback" not in result.output


def test_screen_command_in_cardinal_mode_prints_cardinal_results(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", str(FIXTURES / "R018.jsonl"), "--cardinal", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == {"OCID": {"open": {"R018": 1.0}, "selective": {"R018": 1.0}}}
    settings = tmp_path / "settings.ini"
    settings.write_text("[R003]\nthreshold = 10\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(FIXTURES / "R003-threshold-10.jsonl"), "--settings",
                                 str(settings), "--json"])
    assert result.exit_code == 0 and json.loads(result.output) == {"OCID": {"10": {"R003": 1.0}}}
    result = runner.invoke(app, ["screen", str(FIXTURES / "R028.jsonl"), "--json"])
    assert result.exit_code == 0 and {f["code"] for f in json.loads(result.output)["flags"]} >= {"R028"}
    result = runner.invoke(app, ["screen", str(FIXTURES / "R028.jsonl")])
    assert result.exit_code == 0 and "Identical bid prices" in result.output


def test_screen_ocds_on_the_platform_reads_nothing_from_the_store(platform, tmp_path: Path) -> None:
    before = snapshot(platform.url)
    result = platform.integrity.screen_ocds(FIXTURES / "R035.jsonl", cardinal=True)
    assert result.cardinal_results()["OCID"]["F2"] == {"R035": 2.0}
    assert snapshot(platform.url) == before


OCDS_CODES = frozenset({"R003", "R018", "R028", "ZC-FEW-BIDDERS"})


def test_zhaocai_published_ocds_screens_like_the_store(platform, actors, clock, tmp_path: Path) -> None:
    build_tender(platform, clock, **KINDS["open"])
    build_tender(platform, clock, **{**KINDS["open"], "prices": ["1900000.00", "1900000.00", "1950000.00"]})
    for kind in ("invited", "inquiry", "failed", "cancelled"):
        build_tender(platform, clock, **KINDS[kind])
    package = platform.publish.record_package()
    path = tmp_path / "zhaocai.jsonl"
    path.write_text("\n".join(platform.publish.to_json(r["compiledRelease"], indent=None)
                              for r in package["records"]) + "\n", encoding="utf-8")
    prefix = platform.publish.settings.ocid("")
    tenders, suppliers = platform.integrity.facts(ACTORS["auditor"])
    for settings in (FlagSettings(codes=OCDS_CODES), cardinal_settings({"R003": {}, "R018": {}, "R028": {}})):
        stored = {(f.code, f.tender_ids) for f in compute_flags(tenders, suppliers, settings)}
        screened = platform.integrity.screen_ocds(path, settings=settings)
        assert not screened.imported.errors and len(screened.imported.tenders) == 6
        from_ocds = {(f.code, tuple(t.removeprefix(prefix) for t in f.tender_ids)) for f in screened.flags}
        assert from_ocds == stored and stored, (from_ocds, stored)
    cardinal = cardinal_results(platform.integrity.screen_ocds(path, cardinal=True).flags)
    inquiry = next(t for t in tenders if t.method == "inquiry")
    assert cardinal["OCID"][prefix + inquiry.id]["R003"] == 1.0
