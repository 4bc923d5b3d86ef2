"""Idempotency keys are bound to their request: a replay answers, a different request is refused."""

from __future__ import annotations

import hashlib
import itertools
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError

from tests.kit import (
    application,
    bidders,
    build_tender,
    payload,
    published,
    refused,
    register_admitted_supplier,
    snapshot,
    supplier_actor,
)
from zhaocai.actors import Actor, Role
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.sealing import seal_bid
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ConflictError
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork
from zhaocai.store.schema import IdempotencyRow
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.models import SupplierApplication

A = dict[str, Actor]
MISMATCH = "idempotency.request_mismatch"
LOWEST = {"method": "lowest_evaluated_price"}
MARCH = datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)
_KEYS = itertools.count(1)


class Note(BaseModel):
    subject: str
    seq: int


def _note(subject: str) -> Any:
    def handler(uow: UnitOfWork) -> Note:
        rec = uow.record("note.write", "note", subject, {"subject": subject}, event="NoteWritten")
        return Note(subject=subject, seq=rec.seq)
    return handler


def _write(platform: Platform, actor: Actor, key: str, request: Any) -> Note:
    return platform.internal.run(actor, "note.write", _note("n"), roles=[Role.PURCHASING],
                                 idempotency_key=key, request=request)


def _stored(platform: Platform, key: str) -> IdempotencyRow:
    with platform.internal.session() as session:
        row = session.get(IdempotencyRow, key)
    assert row is not None
    return row


def _plain_digest(action: str, request: Any) -> str:
    return hashlib.sha256(canonical_json([action, request]).encode()).hexdigest()


# -- the pipeline --------------------------------------------------------------------------------


def test_a_replay_with_the_same_request_returns_the_first_result_and_changes_nothing(
    platform: Platform, actors: A
) -> None:
    first = _write(platform, actors["purchasing"], "k-1", {"text": "a", "n": 1})
    assert _stored(platform, "k-1").request_digest == _plain_digest("note.write", {"text": "a", "n": 1})
    before = snapshot(platform.url)
    again = _write(platform, actors["purchasing"], "k-1", {"n": 1, "text": "a"})  # key order is no matter
    assert again == first
    assert snapshot(platform.url) == before


def test_another_request_under_the_same_key_is_refused_and_changes_nothing(
    platform: Platform, actors: A
) -> None:
    _write(platform, actors["purchasing"], "k-1", {"text": "a"})
    error = refused(platform, ConflictError, MISMATCH, _write, platform, actors["purchasing"], "k-1",
                    {"text": "b"})
    assert error.details == {"key": "k-1", "action": "note.write"}
    assert "k-1" in error.message_en and "幂等键" in error.message_zh
    # A key first sent without a request does not match one sent with a request, nor the reverse.
    _write(platform, actors["purchasing"], "k-2", None)
    refused(platform, ConflictError, MISMATCH, _write, platform, actors["purchasing"], "k-2", {"text": "a"})
    refused(platform, ConflictError, MISMATCH, _write, platform, actors["purchasing"], "k-1", None)
    # Another actor or command keeps its own code.
    refused(platform, ConflictError, "idempotency.mismatch", _write, platform, actors["purchasing2"], "k-1",
            {"text": "a"})


def test_the_race_path_compares_requests_too(
    platform: Platform, actors: A, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _write(platform, actors["purchasing"], "k-1", {"text": "a"})

    def lost_the_race(*args: Any) -> Any:
        raise IntegrityError("INSERT INTO idempotency", {}, Exception("duplicate key"))

    monkeypatch.setattr(platform.internal, "_run_once", lost_the_race)
    before = snapshot(platform.url)
    assert _write(platform, actors["purchasing"], "k-1", {"text": "a"}) == first
    refused(platform, ConflictError, MISMATCH, _write, platform, actors["purchasing"], "k-1", {"text": "b"})
    with pytest.raises(IntegrityError):  # no row for the key: the error is not an idempotency race
        _write(platform, actors["purchasing"], "k-unknown", {"text": "a"})
    assert snapshot(platform.url) == before


_JSON = st.recursive(
    st.none() | st.integers(-3, 3) | st.sampled_from(["", "a", "价"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["a", "b", "价格"]), inner, max_size=3),
    max_leaves=6,
)


@given(first=_JSON, second=_JSON)
def test_a_repeat_is_a_replay_iff_the_requests_are_equal(
    platform: Platform, actors: A, first: Any, second: Any
) -> None:
    key = f"prop-{next(_KEYS)}"
    result = _write(platform, actors["purchasing"], key, first)
    before = snapshot(platform.url)
    if first == second:
        assert _write(platform, actors["purchasing"], key, second) == result
    else:
        with pytest.raises(ConflictError) as info:
            _write(platform, actors["purchasing"], key, second)
        assert info.value.code == MISMATCH
    assert snapshot(platform.url) == before


# -- bids ----------------------------------------------------------------------------------------


def test_a_replayed_bid_returns_the_identical_receipt_and_changes_nothing(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    clear_bidder, sealing_bidder = bidders(platform, actors, 2)
    sealed = seal_bid(pub.tender.public_key or "", payload("1500000.00"))
    for key, bidder, bid in (("bid-1", clear_bidder, payload("1500000.00")), ("bid-2", sealing_bidder, sealed)):
        first = platform.tenders.submit_bid(bidder, pub.tender.id, bid, idempotency_key=key)
        before = snapshot(platform.url)
        again = platform.tenders.submit_bid(bidder, pub.tender.id, bid, idempotency_key=key)
        assert again == first and platform.tenders.my_bids(bidder)[0].version == 1
        assert snapshot(platform.url) == before


def test_a_sealed_bid_at_another_price_under_the_same_key_is_refused(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    pub = published(platform, actors, clock)
    (bidder,) = bidders(platform, actors, 1)
    key = pub.tender.public_key or ""
    platform.tenders.submit_bid(bidder, pub.tender.id, seal_bid(key, payload("1500000.00")),
                                idempotency_key="bid-1")
    error = refused(platform, ConflictError, MISMATCH, platform.tenders.submit_bid, bidder, pub.tender.id,
                    seal_bid(key, payload("1490000.00")), idempotency_key="bid-1")
    assert error.details == {"key": "bid-1", "action": "bid.submit"}
    assert platform.tenders.my_bids(bidder)[0].version == 1


def test_a_bid_key_reused_for_another_tender_is_refused(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    first, second = published(platform, actors, clock), published(platform, actors, clock)
    (bidder,) = bidders(platform, actors, 1)
    platform.tenders.submit_bid(bidder, first.tender.id, payload("1500000.00"), idempotency_key="bid-1")
    refused(platform, ConflictError, MISMATCH, platform.tenders.submit_bid, bidder, second.tender.id,
            payload("1500000.00"), idempotency_key="bid-1")


def test_no_digest_of_a_clear_bid_is_stored_before_opening(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    """A hash of the clear payload would let a reader of the store find the price by guessing."""
    pub = published(platform, actors, clock)
    (bidder,) = bidders(platform, actors, 1)
    bid = payload("98765.43")
    first = platform.tenders.submit_bid(bidder, pub.tender.id, bid, idempotency_key="bid-1")
    clear = BidPayload.model_validate(bid).model_dump(mode="json")
    oracles = {_plain_digest("bid.submit", clear), _plain_digest("bid.submit", {"tender_id": pub.tender.id,
                                                                                "bid": clear})}
    assert not oracles & {v for rows in snapshot(platform.url).values() for r in rows for v in r}
    # The price of a clear payload is therefore not compared: the retry gets the first receipt.
    again = platform.tenders.submit_bid(bidder, pub.tender.id, payload("98765.42"), idempotency_key="bid-1")
    assert again == first


# -- suppliers -----------------------------------------------------------------------------------


def test_a_replayed_registration_returns_the_same_supplier_and_changes_nothing(
    platform: Platform, actors: A
) -> None:
    app = application("义乌五金有限公司", seed=41)
    first = platform.suppliers.register(actors["purchasing2"], app, idempotency_key="reg-1")
    before = snapshot(platform.url)
    again = platform.suppliers.register(actors["purchasing2"], app, idempotency_key="reg-1")
    assert again == first
    assert snapshot(platform.url) == before


def test_a_registration_with_other_details_under_the_same_key_is_refused(
    platform: Platform, actors: A
) -> None:
    app = application("义乌五金有限公司", seed=41)
    platform.suppliers.register(actors["purchasing2"], app, idempotency_key="reg-1")
    for change in ({"bank_account": "622800000000099"},
                   {"legal_representative_id": application("x", seed=42)["legal_representative_id"]}):
        error = refused(platform, ConflictError, MISMATCH, platform.suppliers.register,
                        actors["purchasing2"], {**app, **change}, idempotency_key="reg-1")
        assert error.details == {"key": "reg-1", "action": "supplier.register"}


def test_the_registration_digest_holds_identity_numbers_only_keyed(
    platform: Platform, actors: A
) -> None:
    app = application("义乌五金有限公司", seed=41)
    platform.suppliers.register(actors["purchasing2"], app, idempotency_key="reg-1")
    clear = SupplierApplication.model_validate(app).model_dump(mode="json")
    assert _stored(platform, "reg-1").request_digest not in (None, _plain_digest("supplier.register", clear))


def _event(sid: str, severity: int = 2, **extra: Any) -> dict[str, Any]:
    return {"supplier_id": sid, "contract_id": "C-1", "kind": "late_delivery", "severity": severity,
            "occurred_at": MARCH, **extra}


def test_a_replayed_performance_event_changes_nothing_and_another_under_its_key_is_refused(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    sid = register_admitted_supplier(platform, actors, name="义乌钢材有限公司")
    clock.set(datetime(2026, 3, 20, tzinfo=SHANGHAI))
    record = platform.suppliers.record_performance
    first = record(actors["quality"], _event(sid), idempotency_key="perf-1")
    before = snapshot(platform.url)
    assert record(actors["quality"], _event(sid), idempotency_key="perf-1") == first
    assert snapshot(platform.url) == before
    for other in (_event(sid, severity=3), _event(sid, note="第二次"), _event(sid, contract_id="C-2")):
        refused(platform, ConflictError, MISMATCH, record, actors["quality"], other, idempotency_key="perf-1")


def test_a_performance_event_on_a_contract_is_keyed_by_its_supplier_event(
    platform: Platform, actors: A, clock: ManualClock
) -> None:
    state = build_tender(platform, clock, "awarded", evaluation=LOWEST)
    notice = state["award"].notices[0]
    ev, record = platform.evaluation, platform.suppliers.record_performance
    ev.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
    ev.sign_contract(actors["purchasing"], notice.contract_id)
    event = {"supplier_id": notice.supplier_id, "contract_id": notice.contract_id, "kind": "late_delivery",
             "severity": 2, "occurred_at": clock.now()}
    first = record(actors["quality"], event, idempotency_key="perf-1")
    before = snapshot(platform.url)
    assert record(actors["quality"], event, idempotency_key="perf-1") == first
    assert snapshot(platform.url) == before
    refused(platform, ConflictError, MISMATCH, record, actors["quality"], {**event, "severity": 4},
            idempotency_key="perf-1")
