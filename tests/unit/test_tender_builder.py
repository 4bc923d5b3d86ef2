"""The test kit's tender builder reaches every state of a tender's life through the real
services, on both databases, and can stop at a stage and go on."""

from __future__ import annotations

import pytest

from tests.kit import ACTORS, ENDS, LOWEST, ROAD, STATE_OF, TARGETS, build_tender, supplier_actor
from tests.kit.ocds import KINDS
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform


@pytest.mark.parametrize("target", [*ROAD, *ENDS])
def test_each_target_state_is_reached_and_verified(target: str, platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, target)
    assert tender.reached == target
    view = platform.tenders.get(ACTORS["auditor"], tender.tender_id)
    assert view.state.value == STATE_OF[target] == tender.state
    assert len(tender.suppliers) == 4 and len(tender.users) == 4
    past = ROAD.index(target) if target in ROAD else -1
    if ROAD.index("opened") <= past:
        assert len(platform.tenders.opened_bids(ACTORS["purchasing"], tender.tender_id)) == 4
    if target == "failed":  # two bids only: the opening fails the tender (流标)
        record = platform.tenders.opening_records(tender.tender_id)[-1]
        assert len(record.entries) == 2 and record.outcome.value == "failed"
    if past >= ROAD.index("drawn"):
        assert tender.members and all(m.id for m in tender.members)
    if past >= ROAD.index("scored"):
        assert tender.scored == {m.id for m in tender.members}
    if past >= ROAD.index("publicising"):
        assert tender.report.publicity_ends is not None
    if past >= ROAD.index("awarded"):
        assert [n.lot_id for n in tender.award.notices] == ["L1"]
    if target == "contracted":
        contract = platform.evaluation.contract(tender.award.notices[0].contract_id)
        assert contract.supplier_id == tender.award.notices[0].supplier_id
    if target == "cancelled":
        assert platform.tenders.opened_bids(ACTORS["purchasing"], tender.tender_id) == []


def test_synonyms_name_the_first_stage_in_that_state(platform: Platform, clock: ManualClock) -> None:
    assert set(TARGETS) == {*ROAD, *ENDS, "evaluating", "publicised"}
    assert build_tender(platform, clock, "evaluating").reached == "drawn"
    assert build_tender(platform, clock, "publicised", evaluation=LOWEST).reached == "publicising"
    with pytest.raises(ValueError, match="no stage"):
        build_tender(platform, clock, "signed")


def test_a_tender_stops_at_a_stage_and_goes_on(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked", lots=2, committee=5)
    assert len(tender.members) == 5
    tender.score(tender.members[:2])  # two sheets of five: still at `checked`
    assert tender.reached == "checked" and len(tender.scored) == 2
    tender.to("contracted")
    assert tender.state == "contracted" and {n.lot_id for n in tender.award.notices} == {"L1", "L2"}
    tender["noted"] = 1
    assert tender["noted"] == 1 and tender["tender_id"] == tender.tender_id


@pytest.mark.parametrize("method", ["invited_tender", "price_inquiry"])
def test_invited_tenders_and_price_inquiries_reach_the_award(method: str, platform: Platform,
                                                             clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "awarded", method=method, bidders=3, evaluation=LOWEST, pool=0
                          if method == "price_inquiry" else 6)
    view = platform.tenders.get(ACTORS["auditor"], tender.tender_id)
    assert view.state.value == "awarded" and view.method.value == method
    assert sorted(view.invitees) == sorted(tender.suppliers)
    assert tender.award.notices[0].supplier_id == tender.suppliers[2]  # 1 480 000, the lowest
    assert (tender.members == []) == (method == "price_inquiry")


def test_two_envelopes_open_the_commercial_parts_of_compliant_bids(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "opened", two_envelopes=True, rejected={3: "no mill certificate"})
    records = platform.tenders.opening_records(tender.tender_id)
    assert [r.stage for r in records] == ["technical", "commercial"]
    assert sorted(e.status for e in records[-1].entries) == ["not_compliant", "valid", "valid", "valid"]
    failed = build_tender(platform, clock, **KINDS["two_envelopes"])
    assert failed.state == "failed" and failed.reached == "failed"


def test_prices_per_bidder_and_per_lot(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "opened", lots=2, bidders=3,
                          prices=["1900000.00", ("1950000.00", "2000.00"), "1800000.00"])
    record = platform.tenders.opening_records(tender.tender_id)[-1]
    totals = {e.supplier_id: str(e.total_price) for e in record.entries}
    assert [totals[s] for s in tender.suppliers] == ["1901000.00", "1952000.00", "1801000.00"]
    assert [u.supplier_id for u in tender.users] == tender.suppliers
    assert supplier_actor(tender.suppliers[0]) == tender.users[0]
