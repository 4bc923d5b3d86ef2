"""Every refusal has its stable code, and a refused command changes nothing."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from nacl.public import PublicKey, SealedBox

from tests.kit import (
    CUSTODIAN_KEYS,
    CUSTODIANS,
    RefusalCases,
    bidders,
    draft,
    own_share,
    payload,
    present,
    published,
    register_custodian_keys,
    snapshot,
)
from zhaocai.actors import Actor
from zhaocai.bidding.custody import generate_custodian_key
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


@case("custody.no_supervisor")
def no_supervisor_among_custodians(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    custodians = [{"actor_id": "a-zheng", "name": "郑"}, {"actor_id": "f-sun", "name": "孙"}]
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


# -- custody: custodians' keys, seats, presentation, opening --------------------------------------

OWN = {"actor_id": "s-zhou", "name": "周纪检", "supervisor": True}


@case("custody.key_missing")
def publishing_before_a_custodian_registered_a_key(p: Platform, a: dict[str, Actor],
                                                   c: ManualClock) -> Callable[[], Any]:
    register_custodian_keys(p)
    custodians = [*CUSTODIANS, {"actor_id": "q-zhao", "name": "赵质量", "supervisor": False}]
    view = p.tenders.create_draft(a["purchasing"], draft(c, custodians=custodians))
    return lambda: p.tenders.publish(a["purchasing2"], view.id)


@case("custody.drafter_custodian")
def the_drafter_as_a_custodian(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    custodians = [*CUSTODIANS[1:], {"actor_id": "p-wang", "name": "王采购", "supervisor": False}]
    return lambda: p.tenders.create_draft(a["purchasing"], draft(c, custodians=custodians))


@case("custody.publisher_custodian")
def the_publisher_as_a_custodian(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    register_custodian_keys(p)
    p.tenders.register_custodian_key(a["purchasing2"], generate_custodian_key().public_key)
    custodians = [*CUSTODIANS, {"actor_id": "p-li", "name": "李采购", "supervisor": False}]
    view = p.tenders.create_draft(a["purchasing"], draft(c, custodians=custodians))
    return lambda: p.tenders.publish(a["purchasing2"], view.id)


@case("custody.too_few_custodians")
def fewer_people_than_shares_needed(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["purchasing"], draft(c, custodians=CUSTODIANS[:2], threshold=3))


@case("custody.too_few_custodians")
def one_person_in_two_seats(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.create_draft(a["purchasing"], draft(c, custodians=[OWN, OWN], threshold=2))


@case("custody.key_malformed")
def registering_a_malformed_key(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    return lambda: p.tenders.register_custodian_key(a["supervisor"], "ab" * 31)


@case("custody.key_unchanged")
def registering_the_same_key_again(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    register_custodian_keys(p)
    key = CUSTODIAN_KEYS["s-zhou"].public_key.encode().hex()
    return lambda: p.tenders.register_custodian_key(a["supervisor"], key)


@case("custody.key_in_use")
def registering_someone_elses_key(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    register_custodian_keys(p)
    key = CUSTODIAN_KEYS["s-zhou"].public_key.encode().hex()
    return lambda: p.tenders.register_custodian_key(a["finance"], key)


@case("permission.role")
def a_supplier_registering_a_key(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    (s,) = bidders(p, a, 1)
    return lambda: p.tenders.register_custodian_key(s, generate_custodian_key().public_key)


@case("custody.not_custodian")
def someone_else_reading_a_sealed_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub = published(p, a, c)
    return lambda: p.tenders.sealed_share(a["purchasing"], pub.tender.id)


@case("custody.not_custodian")
def someone_else_presenting_a_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    share = own_share(p, pub.tender.id, "s-zhou")
    c.advance(days=22)
    return lambda: p.tenders.present_share(a["purchasing"], pub.tender.id, share)


@case("custody.share_mismatch")
def presenting_another_custodians_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    share = own_share(p, pub.tender.id, "s-zhou")
    c.advance(days=22)
    return lambda: p.tenders.present_share(a["finance"], pub.tender.id, share)


@case("custody.share_mismatch")
def presenting_a_tampered_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    share = own_share(p, pub.tender.id, "s-zhou")
    share = share[:-2] + ("00" if share[-2:] != "00" else "11")
    c.advance(days=22)
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, share)


@case("custody.share_mismatch")
def presenting_another_tenders_share(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    other = published(p, a, c, title="another tender")
    share = own_share(p, other.tender.id, "s-zhou")
    c.advance(days=22)
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, share)


@case("opening.share_malformed")
def presenting_garbage(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, "not a share")


@case("custody.too_early")
def presenting_before_the_deadline(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    share = own_share(p, pub.tender.id, "s-zhou")
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, share)


@case("custody.already_presented")
def presenting_twice(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    present(p, pub, 2)
    share = own_share(p, pub.tender.id, "s-zhou")
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, share)


@case("tender.transition")
def presenting_to_a_cancelled_tender(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    p.tenders.request_cancellation(a["purchasing"], pub.tender.id, "budget withdrawn")
    p.tenders.approve_cancellation(a["supervisor2"], pub.tender.id)
    c.advance(days=22)
    share = own_share(p, pub.tender.id, "s-zhou")
    return lambda: p.tenders.present_share(a["supervisor"], pub.tender.id, share)


@case("tender.transition")
def opening_before_the_deadline(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id)


@case("opening.quorum")
def opening_with_one_share_presented(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    present(p, pub, 2)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id)


@case("opening.quorum")
def opening_with_no_share_presented(p: Platform, a: dict[str, Actor], c: ManualClock) -> Callable[[], Any]:
    pub, _ = _tender_with_bids(p, a, c)
    c.advance(days=22)
    return lambda: p.tenders.open_bids(a["supervisor"], pub.tender.id)


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
