"""Tenders end to end: drafting, publication, sealed bids, receipts, amendments, opening."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import inspect, text

from tests.kit import bidders, draft, own_share, payload, present, published, register_custodian_keys
from zhaocai.actors import Actor
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.receipts import verify_receipt
from zhaocai.bidding.sealing import seal_bid, share_fingerprint
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.store.types import canonical_json


def test_publication_freezes_rules_and_seals_each_share_to_its_custodian(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock,
                    evaluation={"method": "comprehensive_scoring",
                                "weights": {"price": "60", "technical": "30", "commercial": "10"},
                                "criteria": [{"name": "method statement", "part": "technical", "weight": "30"},
                                             {"name": "payment terms", "part": "commercial", "weight": "10"}]})
    tender = pub.tender
    assert tender.state == TenderState.PUBLISHED and tender.public_key and tender.rules_digest
    assert tender.evaluation.weights.technical == Decimal(30)
    assert tender.profile.min_valid_bids == 3
    assert [s.index for s in pub.seats] == [1, 2, 3] and "share" not in pub.model_dump()
    assert all(seat.fingerprint for seat in tender.custodians)
    with platform.internal.engine.connect() as conn:
        dump = " ".join(str(row) for table in inspect(conn).get_table_names()
                        for row in conn.execute(text(f"SELECT * FROM {table}")))
    for seat in tender.custodians:  # each custodian opens only their own, with their own key
        share = own_share(platform, tender.id, seat.actor_id)
        assert share_fingerprint(share) == seat.fingerprint
        assert share.rsplit(":", 1)[1] not in dump  # the store never holds a share in clear
    with pytest.raises(Exception) as info:
        platform.tenders.update_draft(actors["purchasing"], tender.id, draft(clock))
    assert getattr(info.value, "code", None) == "tender.transition"


def test_bids_are_sealed_receipted_and_opened_by_two_of_three(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    tender_id = pub.tender.id
    a, b, c, d = bidders(platform, actors, 4)
    key = platform.tenders.receipt_verify_key()
    first = platform.tenders.submit_bid(a, tender_id, payload("1500000.00"))
    assert verify_receipt(first, key) and first.version == 1
    # A client seals on its own side; the platform never sees the clear bid.
    sealed = seal_bid(pub.tender.public_key or "", payload("1600000.00"))
    second = platform.tenders.submit_bid(b, tender_id, sealed)
    assert second.envelope_hash == sealed.digest()
    platform.tenders.submit_bid(c, tender_id, payload("1700000.00"))
    platform.tenders.submit_bid(d, tender_id, payload("1800000.00"))
    replaced = platform.tenders.submit_bid(a, tender_id, payload("1450000.00"))
    assert replaced.version == 2 and replaced.bid_id == first.bid_id
    withdrawal = platform.tenders.withdraw_bid(d, tender_id)
    assert withdrawal.kind == "withdrawal" and verify_receipt(withdrawal, key)
    # A supplier sees only its own bids.
    mine = platform.tenders.my_bids(a, tender_id=tender_id)
    assert [(m.bid_id, m.version) for m in mine] == [(first.bid_id, 2)]
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    present(platform, tender_id, 1, 3)
    record = platform.tenders.open_bids(actors["supervisor"], tender_id)
    assert record.outcome == TenderState.OPENED and record.valid_bids == 3
    prices = {e.supplier_id: e.total_price for e in record.entries}
    assert prices == {a.supplier_id: Decimal("1451000.00"), b.supplier_id: Decimal("1601000.00"),
                      c.supplier_id: Decimal("1701000.00")}
    entry = next(e for e in record.entries if e.supplier_id == a.supplier_id)
    assert entry.version == 2 and entry.envelope_hash == replaced.envelope_hash
    assert entry.supplier_name and entry.lot_prices == {"L1": Decimal("1450000.00"), "L2": Decimal("1000.00")}
    assert platform.tenders.get(actors["auditor"], tender_id).state == TenderState.OPENED
    assert platform.tenders.opening_records(tender_id)[0].digest == record.digest
    opened = platform.tenders.opened_bids(actors["purchasing"], tender_id)
    assert {o.payload.total for o in opened if o.payload} == {Decimal("1451000.00"), Decimal("1601000.00"),
                                                              Decimal("1701000.00")}
    assert platform.audit.verify().ok


def test_the_public_outbox_reveals_no_bidder_before_opening(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    suppliers = bidders(platform, actors, 3)
    before = platform.events.read(limit=10_000)
    for s in suppliers:
        platform.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))
    platform.tenders.withdraw_bid(suppliers[0], pub.tender.id)
    after = platform.events.read(limit=10_000)
    assert [e.event_id for e in after] == [e.event_id for e in before]  # not even a count leaks
    assert platform.audit.events(subject_type="bid") == []  # bid acts are on the tender's own chain
    changes = " ".join(e.change for e in platform.audit.bid_links(pub.tender.id))
    assert "1500000" not in changes and suppliers[1].supplier_id in changes  # audit: no clear price
    with pytest.raises(Exception) as info:
        platform.tenders.my_bids(actors["purchasing"], tender_id=pub.tender.id)
    assert getattr(info.value, "code", None) == "permission.not_a_supplier"
    view = platform.tenders.get(suppliers[0], pub.tender.id)
    assert view.invitees is None


def test_a_late_amendment_moves_the_deadline_and_unconfirmed_bids_are_not_opened(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    tender_id, deadline = pub.tender.id, pub.tender.deadline
    a, b, c, d = bidders(platform, actors, 4)
    for s, price in ((a, "1500000.00"), (b, "1600000.00"), (c, "1700000.00"), (d, "1800000.00")):
        platform.tenders.submit_bid(s, tender_id, payload(price))
    clock.advance(days=10)
    amendment = platform.tenders.amend(actors["purchasing"], tender_id, "Lot 1 now HRB500E")
    assert amendment.deadline_before == deadline
    assert amendment.deadline_after == clock.now() + timedelta(days=15) > deadline
    clarification = platform.tenders.clarify(actors["purchasing"], tender_id, "Delivery to gate 3")
    assert not clarification.requires_reconfirmation
    assert [m.needs_reconfirmation for m in platform.tenders.my_bids(a, tender_id=tender_id)] == [True]
    platform.tenders.confirm_bid(a, tender_id)
    platform.tenders.submit_bid(b, tender_id, payload("1550000.00"))  # a new version confirms too
    platform.tenders.confirm_bid(c, tender_id)
    clock.set(deadline + timedelta(hours=1))
    assert platform.tenders.get(a, tender_id).state == TenderState.PUBLISHED  # moved deadline
    late = platform.tenders.submit_bid(d, tender_id, payload("1790000.00"))
    assert late.version == 2
    platform.tenders.amend(actors["purchasing"], tender_id, "Second change", new_deadline=amendment.deadline_after)
    platform.tenders.confirm_bid(a, tender_id)
    platform.tenders.confirm_bid(b, tender_id)
    platform.tenders.confirm_bid(d, tender_id)
    clock.set(amendment.deadline_after + timedelta(days=15))
    present(platform, tender_id, 2, 3)
    record = platform.tenders.open_bids(actors["purchasing"], tender_id)
    status = {e.supplier_id: e.status for e in record.entries}
    assert status == {a.supplier_id: "valid", b.supplier_id: "valid", c.supplier_id: "not_reconfirmed",
                      d.supplier_id: "valid"}
    told = [e for e in platform.events.read(limit=1000) if e.type == "BidsNotOpened"]
    assert told and told[0].payload["bids"][0]["supplier_id"] == c.supplier_id
    amended = [e for e in platform.events.read(limit=1000) if e.type == "TenderAmended"]
    assert len(amended) == 3 and len(platform.tenders.amendments(tender_id)) == 3


def test_too_few_bids_fail_the_tender_unopened_and_it_can_be_retendered(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    a, b = bidders(platform, actors, 2)
    platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"))
    platform.tenders.submit_bid(b, pub.tender.id, payload("1600000.00"))
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    assert platform.tick().changes["tenders.close"] == 1
    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    assert record.outcome == TenderState.FAILED and "2 bids" in (record.failure_reason or "")
    assert all(e.status == "not_opened" and e.total_price is None for e in record.entries)
    assert platform.tenders.opened_bids(actors["purchasing"], pub.tender.id) == []
    again = platform.tenders.retender(actors["purchasing"], pub.tender.id, clock.now() + timedelta(days=25))
    assert again.retender_of == pub.tender.id and again.state == TenderState.DRAFT
    assert platform.tenders.publish(actors["purchasing"], again.id).tender.state == TenderState.PUBLISHED


def test_invalid_bids_count_against_the_minimum(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    a, b, c = bidders(platform, actors, 3)
    platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"))
    platform.tenders.submit_bid(b, pub.tender.id, payload("1600000.00"))
    # Sealed on the client side, so the platform could not check it: above the ceiling.
    platform.tenders.submit_bid(c, pub.tender.id, seal_bid(pub.tender.public_key or "", payload("2100000.00")))
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    assert record.valid_bids == 2 and record.outcome == TenderState.FAILED
    bad = next(e for e in record.entries if e.supplier_id == c.supplier_id)
    assert bad.status == "invalid" and "ceiling" in (bad.reason or "")
    assert bad.total_price == Decimal("2101000.00")  # prices are read out even when invalid


def test_a_tampered_envelope_does_not_match_its_receipt(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    suppliers = bidders(platform, actors, 4)
    receipts = [platform.tenders.submit_bid(s, pub.tender.id, payload(f"150000{i}.00"))
                for i, s in enumerate(suppliers)]
    forged = seal_bid(pub.tender.public_key or "", payload("1.00")).model_dump(mode="json")
    with platform.internal.engine.begin() as conn:  # a database administrator swaps an envelope
        conn.execute(text("UPDATE bid SET envelope = :e WHERE id = :b"),
                     {"e": canonical_json(forged), "b": receipts[0].bid_id})
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    entry = next(e for e in record.entries if e.bid_id == receipts[0].bid_id)
    assert entry.status == "invalid" and entry.total_price is None and "receipt" in (entry.reason or "")
    assert record.valid_bids == 3


def test_two_envelopes_open_commercial_parts_of_compliant_bids_only(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock, two_envelopes=True)
    tender_id = pub.tender.id
    suppliers = bidders(platform, actors, 4)
    receipts = [platform.tenders.submit_bid(s, tender_id, payload(f"15{i}0000.00"))
                for i, s in enumerate(suppliers)]
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    present(platform, tender_id, 1, 2)
    technical = platform.tenders.open_bids(actors["supervisor"], tender_id)
    assert technical.stage == "technical" and technical.valid_bids == 4
    assert all(e.total_price is None for e in technical.entries)
    with pytest.raises(Exception) as info:
        platform.tenders.open_commercial(actors["supervisor"], tender_id)
    assert getattr(info.value, "code", None) == "opening.compliance_pending"
    platform.tenders.record_technical_compliance(actors["technical"], tender_id, [
        {"bid_id": r.bid_id, "compliant": i != 3, "note": "" if i != 3 else "no mill certificate"}
        for i, r in enumerate(receipts)])
    present(platform, tender_id, 3)  # a custodian may still present before the commercial stage
    commercial = platform.tenders.open_commercial(actors["supervisor"], tender_id)
    status = {e.bid_id: (e.status, e.total_price) for e in commercial.entries}
    assert status[receipts[3].bid_id] == ("not_compliant", None)
    assert status[receipts[0].bid_id] == ("valid", Decimal("1501000.00"))
    assert commercial.valid_bids == 3 and commercial.outcome == TenderState.OPENED
    # Both opened at the same instant: the records still come technical first, commercial last.
    assert [r.stage for r in platform.tenders.opening_records(tender_id)] == ["technical", "commercial"]
    assert platform.tenders.opening_records(tender_id)[-1].digest == commercial.digest
    opened = {o.bid_id: o for o in platform.tenders.opened_bids(actors["purchasing"], tender_id)}
    assert opened[receipts[3].bid_id].payload is None
    assert opened[receipts[1].bid_id].payload is not None
    assert opened[receipts[1].bid_id].payload.lots[0].technical == {"standard": "GB/T 1499.2"}


def test_a_cancelled_tender_is_never_opened(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    for s in bidders(platform, actors, 3):
        platform.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))
    platform.tenders.request_cancellation(actors["purchasing"], pub.tender.id, "project postponed")
    cancelled = platform.tenders.approve_cancellation(actors["supervisor"], pub.tender.id)
    assert cancelled.state == TenderState.CANCELLED and cancelled.approved_by == actors["supervisor"].id
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    with pytest.raises(Exception) as info:
        present(platform, pub.tender.id, 1, 2)
        platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    assert getattr(info.value, "code", None) == "tender.transition"
    assert platform.tenders.opening_records(pub.tender.id) == []


def test_idempotent_submission_returns_the_first_receipt(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    (a,) = bidders(platform, actors, 1)
    first = platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"), idempotency_key="k1")
    again = platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"), idempotency_key="k1")
    assert again == first and platform.tenders.my_bids(a)[0].version == 1


def test_price_inquiry_and_invited_tenders_need_eligible_invitees(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    invitees = bidders(platform, actors, 4)
    ids = [s.supplier_id for s in invitees[:3]]
    view = platform.tenders.create_draft(actors["purchasing"], draft(
        clock, method="price_inquiry", invitees=ids, officers=["p-wang", "p-li"],
        deadline=clock.now() + timedelta(days=4)))
    register_custodian_keys(platform)
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    platform.tenders.submit_bid(invitees[0], view.id, payload("1500000.00"))
    with pytest.raises(Exception) as info:
        platform.tenders.submit_bid(invitees[3], view.id, payload("1500000.00"))
    assert getattr(info.value, "code", None) == "bid.not_invited"
    assert pub.tender.invitees == ids
