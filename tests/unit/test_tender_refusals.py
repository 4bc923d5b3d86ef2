"""Every refusal has its stable code, and a refused command changes nothing."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from nacl.public import PublicKey, SealedBox

from tests.kit import RefusalCases, bidders, draft, payload, published, present, snapshot
from zhaocai.actors import Actor
from zhaocai.bidding.sealing import SealedBid
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

CASES = RefusalCases()
case = CASES.case


def _tender_with_bids(p: Platform, a: dict[str, Actor], c: ManualClock, n: int = 3, **kw: Any):  # type: ignore[no-untyped-def]
    pub = published(p, a, c, **kw)
    people = bidders(p, a, n)
    for s in people:
        p.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))
    return pub, people


@case("tender.bid_security_cap")
def security_above_two_percent(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["purchasing"], draft(c, bid_security="40000.01"))


@case("validation.input")
def no_supervisor_among_custodians(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    custodians = [{"actor_id": "p-wang", "name": "王"}, {"actor_id": "f-sun", "name": "孙"}]
    return lambda: p.tenders.create_draft(a["purchasing"], draft(c, custodians=custodians))


@case("permission.role")
def drafting_without_the_role(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["quality"], draft(c))


@case("tender.submission_period")
def deadline_too_soon(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    view = p.tenders.create_draft(a["purchasing"], draft(c, deadline=c.now() + timedelta(days=19, hours=23)))
    return lambda: p.tenders.publish(a["purchasing"], view.id)


@case("tender.invitees_too_few")
def invited_tender_with_two_invitees(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    ids = [s.supplier_id for s in bidders(p, a, 2)]
    view = p.tenders.create_draft(a["purchasing"], draft(c, method="invited_tender", invitees=ids))
    return lambda: p.tenders.publish(a["purchasing"], view.id)


@case("tender.invitee_ineligible")
def invitee_not_admitted_in_the_category(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    ids = [s.supplier_id for s in bidders(p, a, 2)] + ["no-such-supplier"]
    view = p.tenders.create_draft(a["purchasing"], draft(c, method="invited_tender", invitees=ids))
    return lambda: p.tenders.publish(a["purchasing"], view.id)


@case("tender.inquiry_officers")
def price_inquiry_by_one_person(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    ids = [s.supplier_id for s in bidders(p, a, 3)]
    view = p.tenders.create_draft(a["purchasing"], draft(c, method="price_inquiry", invitees=ids,
                                                         officers=["p-wang"]))
    return lambda: p.tenders.publish(a["purchasing"], view.id)


@case("tender.transition")
def publishing_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.publish(a["purchasing"], pub.tender.id)


@case("bid.deadline_passed")
def bid_exactly_at_the_deadline(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    c.set(pub.tender.deadline)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))


@case("bid.supplier_ineligible")
def supplier_of_another_category(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    from zhaocai.categories import Category

    pub = published(p, a, c)
    (s,) = bidders(p, a, 1, category=Category.LABOUR)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))


@case("permission.role")
def bid_by_buyer_staff(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.submit_bid(a["purchasing"], pub.tender.id, payload("1500000.00"))


@case("bid.above_ceiling")
def bid_above_the_ceiling(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, payload("2099000.01"))


@case("bid.lots_mismatch")
def bid_missing_a_lot(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, {"lots": [{"lot": "L1", "price": "1.00"}]})


@case("money.float")
def bid_price_as_float(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, {"lots": [{"lot": "L1", "price": 0.1}]})


@case("money.too_large")
def bid_price_past_the_largest_amount(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, {"lots": [{"lot": "L1", "price": 10**30}]})


@case("bid.envelope_malformed")
def envelope_that_is_not_a_sealed_box(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.submit_bid(s, pub.tender.id, SealedBid(envelopes={"bid": "cHJpY2UgMTAw"}))


@case("bid.envelope_unpadded")
def envelope_sealed_without_padding(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    clear = b'{"lots":[{"lot":"L1","price":"1500000.00"}]}'  # a length that follows the price
    box = SealedBox(PublicKey(bytes.fromhex(pub.tender.public_key or "")))
    unpadded = base64.b64encode(box.encrypt(clear)).decode("ascii")
    return lambda: p.tenders.submit_bid(s, pub.tender.id, SealedBid(envelopes={"bid": unpadded}))


@case("bid.not_found")
def withdraw_without_a_bid(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.withdraw_bid(s, pub.tender.id)


@case("tender.transition")
def opening_before_the_deadline(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id, shares(pub, 1, 2, 3))


@case("opening.quorum")
def opening_with_one_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id, shares(pub, 2))


@case("opening.share_foreign")
def opening_with_another_tenders_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    other = published(p, a, c, title="another tender")
    c.advance(days=22)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id, shares(pub, 1) + shares(other, 2))


@case("opening.share_invalid")
def opening_with_a_tampered_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    good, bad = shares(pub, 1, 2)
    bad = bad[:-2] + ("00" if bad[-2:] != "00" else "11")
    c.advance(days=22)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id, [good, bad])


@case("opening.share_duplicate")
def opening_with_one_share_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id, shares(pub, 1) * 2)


@case("tender.cancel_same_person")
def cancelling_alone(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    p.tenders.request_cancellation(a["purchasing"], pub.tender.id, "budget withdrawn")
    return lambda: p.tenders.approve_cancellation(a["purchasing"], pub.tender.id)


@case("tender.cancel_not_requested")
def cancelling_without_a_request(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.approve_cancellation(a["supervisor"], pub.tender.id)


@case("tender.cancel_reason")
def cancelling_without_a_reason(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.request_cancellation(a["purchasing"], pub.tender.id, " ")


@case("tender.transition")
def amending_after_the_deadline(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    c.advance(days=22)
    return lambda: p.tenders.amend(a["purchasing"], pub.tender.id, "too late")


@case("tender.transition")
def retendering_a_live_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.retender(a["purchasing"], pub.tender.id, c.now() + timedelta(days=30))


@case("opening.not_technical_stage")
def compliance_on_a_single_envelope_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    present(p, pub.tender.id, 1, 2)
    p.tenders.open_bids(a["supervisor"], pub.tender.id)
    return lambda: p.tenders.record_technical_compliance(a["technical"], pub.tender.id,
                                                         [{"bid_id": "x", "compliant": True}])


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_and_nothing_changed(name: str, platform: Platform, actors: dict[str, Actor],
                                     clock: ManualClock) -> None:
    code, setup = CASES[name]
    platform.tenders.receipt_verify_key()  # the platform's key exists before the snapshot
    attempt = setup(platform, actors, clock)
    before = snapshot(platform.url)
    with pytest.raises(ZhaocaiError) as info:
        attempt()
    assert info.value.code == code, info.value
    assert info.value.message_en and info.value.message_zh
    assert snapshot(platform.url) == before
