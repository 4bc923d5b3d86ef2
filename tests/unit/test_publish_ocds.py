"""OCDS releases per stage: what each stage publishes, and what it must not publish yet."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.kit import build_tender, payload, published, register_admitted_supplier, supplier_actor
from tests.kit.ocds import KINDS
from zhaocai.errors import NotFoundError
from zhaocai.platform import Platform
from zhaocai.publish import dumps


def _tags(package) -> list[str]:
    return [r["tag"][0] for r in package["releases"]]


def test_sealed_bids_are_not_published_before_opening(platform, actors, clock) -> None:
    users = [supplier_actor(register_admitted_supplier(platform, actors, name=f"封标{n}有限公司",
                                                       bank_account=f"62280000111122{n:02d}"))
             for n in range(3)]
    pub = published(platform, actors, clock)
    for n, user in enumerate(users):
        platform.tenders.submit_bid(user, pub.tender.id, payload(f"1888888.{n}8"))
    text = dumps(platform.publish.release_package(tender_id=pub.tender.id))
    assert "1888888" not in text and "封标" not in text and "\"bids\"" not in text
    assert "6228000011112200" not in text
    package = platform.publish.release_package(tender_id=pub.tender.id)
    assert _tags(package) == ["tender"]
    tender = package["releases"][0]["tender"]
    assert "tenderers" not in tender and "numberOfTenderers" not in tender
    assert [p["roles"] for p in package["releases"][0]["parties"]] == [["buyer", "procuringEntity"]]
    assert tender["value"] == {"amount": Decimal("2100000.00"), "currency": "CNY"}
    assert '"amount": 2100000.00' in text


def test_opening_publishes_bids_statistics_and_tenderers(platform, actors, clock) -> None:
    pub = build_tender(platform, clock, **KINDS["open"]).publication
    package = platform.publish.release_package(tender_id=pub.tender.id)
    assert _tags(package) == ["tender", "tenderUpdate"]
    opened = package["releases"][-1]
    stats = {s["measure"]: s["value"] for s in opened["bids"]["statistics"]}
    assert stats == {"bids": 3, "validBids": 3, "bidders": 3, "disqualifiedBidders": 0,
                     "lowestValidBidValue": Decimal("1901000.00"), "highestValidBidValue": Decimal("2001000.00")}
    assert sorted(b["value"]["amount"] for b in opened["bids"]["details"]) == \
        [Decimal("1901000.00"), Decimal("1951000.00"), Decimal("2001000.00")]
    assert {b["status"] for b in opened["bids"]["details"]} == {"valid"}
    assert opened["tender"]["numberOfTenderers"] == 3
    roles = {p["name"]: p["roles"] for p in opened["parties"]}
    assert sorted(r for rs in roles.values() for r in rs) == ["buyer", "procuringEntity", "tenderer", "tenderer",
                                                               "tenderer"]
    tenderer = next(p for p in opened["parties"] if "tenderer" in p["roles"])
    assert tenderer["identifier"]["scheme"] == "CN-USCC" and len(tenderer["identifier"]["id"]) == 18
    assert opened["tender"]["tenderPeriod"]["endDate"] == "2026-03-23T09:00:00+08:00"
    assert opened["tender"]["awardCriteria"] == "priceOnly"
    assert "1901000.00" in dumps(package)


@pytest.mark.parametrize(("builder", "method", "details"), [
    ("open", "open", "公开招标"),
    ("invited", "selective", "邀请招标"),
    ("inquiry", "limited", "询价"),
])
def test_procurement_methods(builder, method: str, details: str, platform, actors, clock) -> None:
    pub = build_tender(platform, clock, **KINDS[builder]).publication
    tender = platform.publish.release_package(tender_id=pub.tender.id)["releases"][-1]["tender"]
    assert (tender["procurementMethod"], tender["procurementMethodDetails"]) == (method, details)


def test_failed_and_cancelled_tenders(platform, actors, clock) -> None:
    failed = build_tender(platform, clock, **KINDS["failed"]).publication
    last = platform.publish.release_package(tender_id=failed.tender.id)["releases"][-1]
    assert last["tender"]["status"] == "unsuccessful"
    assert last["tender"]["amendments"][-1]["id"] == "failure"
    assert {b.get("status") for b in last["bids"]["details"]} == {None}  # never opened: no price, no status
    assert all("value" not in b for b in last["bids"]["details"])

    cancelled = build_tender(platform, clock, **KINDS["cancelled"]).publication
    package = platform.publish.release_package(tender_id=cancelled.tender.id)
    assert _tags(package) == ["tender", "tenderAmendment", "tenderUpdate", "tenderCancellation"]
    last = package["releases"][-1]
    assert last["tender"]["status"] == "cancelled" and "bids" not in last
    assert [a["id"] for a in last["tender"]["amendments"]] == ["amendment-1", "clarification-2", "cancellation"]
    assert "项目延期" in last["tender"]["amendments"][-1]["rationale"]
    assert "1777777.77" not in dumps(package)


def test_amendment_moving_the_deadline_shows_in_each_release(platform, actors, clock) -> None:
    pub = published(platform, actors, clock)
    clock.set(pub.tender.deadline - timedelta(days=3))
    platform.tenders.amend(actors["purchasing"], pub.tender.id, "Spec of lot 2 changed")
    releases = platform.publish.release_package(tender_id=pub.tender.id)["releases"]
    assert releases[0]["tender"]["tenderPeriod"]["endDate"] == "2026-03-23T09:00:00+08:00"
    assert releases[1]["tender"]["tenderPeriod"]["endDate"] == "2026-04-04T09:00:00+08:00"
    assert "deadline moved" in releases[1]["tender"]["amendments"][0]["rationale"]
    assert len({r["id"] for r in releases}) == 2


def test_unknown_or_draft_tender_is_not_found(platform, actors, clock) -> None:
    from tests.kit import draft

    view = platform.tenders.create_draft(actors["purchasing"], draft(clock))
    for tender_id in ("tdr-nope", view.id):
        with pytest.raises(NotFoundError) as caught:
            platform.publish.release_package(tender_id=tender_id)
        assert caught.value.code == "publish.tender_not_found"
    assert platform.publish.release_package()["releases"] == []


def test_compiled_record_is_the_latest_state(platform, actors, clock) -> None:
    pub = build_tender(platform, clock, **KINDS["open"]).publication
    publisher = {"ocid_prefix": "ocds-yw2026", "publisher_name": "浙江津义建设"}
    with Platform.open(platform.url, clock, publish_settings=publisher) as registered:
        records = registered.publish.record_package(tender_id=pub.tender.id)
    record = records["records"][0]
    assert record["ocid"] == f"ocds-yw2026-{pub.tender.id}"
    compiled = record["compiledRelease"]
    assert compiled["bids"]["statistics"][0]["value"] == 3
    assert compiled["date"] == record["releases"][-1]["date"]
    assert records["publisher"] == {"name": "浙江津义建设"}
    assert records["extensions"] == ["https://raw.githubusercontent.com/open-contracting-extensions/"
                                     "ocds_bid_extension/v1.1.5/extension.json"]


def test_a_bid_found_non_compliant_is_disqualified_once_the_report_is_public(platform, actors, clock) -> None:
    state = build_tender(platform, clock, "declared", evaluation={"method": "lowest_evaluated_price"})
    tid, ev = state["tender_id"], platform.evaluation
    excluded = next(b for b in platform.tenders.opened_bids(actors["purchasing"], tid)
                    if b.supplier_id == state["suppliers"][0])
    ev.record_finding(state["members"][0], tid, excluded.bid_id, en="unsigned", zh="未签字盖章")
    ev.check_compliance(state["members"][0], tid)

    def bids_release() -> dict:
        return [r for r in platform.publish.release_package(tender_id=tid)["releases"] if "bids" in r][-1]["bids"]

    before = bids_release()  # opened, not yet reported: every opened bid is valid
    assert {b["status"] for b in before["details"]} == {"valid"}
    ev.compile_report(state["members"][0], tid)
    after = bids_release()
    status = {b["id"]: b["status"] for b in after["details"]}
    assert status[excluded.bid_id] == "disqualified"
    assert sorted(status.values()) == ["disqualified", "valid", "valid", "valid"]
    stats = {s["measure"]: s["value"] for s in after["statistics"]}
    assert (stats["validBids"], stats["disqualifiedBidders"]) == (3, 1)
    assert stats["lowestValidBidValue"] == min(b["value"]["amount"] for b in after["details"]
                                               if b["status"] == "valid")
