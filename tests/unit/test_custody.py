"""Key custody: custodians hold their own keys, each reads and presents only their own share, and
nobody ever holds k shares. The refusals are in test_tender_refusals.py (codes, store unchanged)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from tests.kit import ACTORS, CUSTODIAN_KEYS, bidders, draft, own_share, payload, present, published
from zhaocai.actors import Actor
from zhaocai.bidding.custody import generate_custodian_key, open_share
from zhaocai.bidding.custody.keys import parse_public_key, seal_share
from zhaocai.bidding.rules import custody as rules
from zhaocai.bidding.sealing import share_fingerprint
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform
from zhaocai.testing.custody import custodian


def _rows(platform: Platform, sql: str) -> list[tuple[object, ...]]:
    with platform.internal.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_a_custodian_opens_only_their_own_share_with_their_own_key() -> None:
    mine, theirs = generate_custodian_key(), generate_custodian_key()
    sealed = seal_share(mine.public_key, "zhaocai-share:v1:tdr-1:1:" + "ab" * 32)
    assert open_share(mine.private_key, sealed).endswith("ab" * 32)
    with pytest.raises(ZhaocaiError) as info:
        open_share(theirs.private_key, sealed)
    assert info.value.code == "custody.share_unopenable"
    assert parse_public_key(mine.public_key.upper()) == mine.public_key


def test_publication_seals_every_share_and_hands_out_none(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    pub = published(platform, actors, clock)
    result = json.dumps(pub.model_dump(mode="json"))
    seats = _rows(platform, "SELECT seat, actor_id, sealed_share, fingerprint, presented_share "
                            "FROM custodian_seat ORDER BY seat")
    assert [(s[0], s[1]) for s in seats] == [(1, "a-zheng"), (2, "s-zhou"), (3, "f-sun")]
    assert all(s[4] is None for s in seats)
    for index, holder, sealed, fingerprint, _ in seats:
        view = platform.tenders.sealed_share(custodian(str(holder)), pub.tender.id)
        assert (view.index, view.sealed_share, view.fingerprint) == (index, sealed, fingerprint)
        share = open_share(CUSTODIAN_KEYS[str(holder)], view.sealed_share)
        assert share_fingerprint(share) == fingerprint and share.rsplit(":", 1)[1] not in result
        for other in CUSTODIAN_KEYS.values():  # nobody else's key opens it
            if other is not CUSTODIAN_KEYS[str(holder)]:
                with pytest.raises(ZhaocaiError):
                    open_share(other, view.sealed_share)


def test_presented_shares_open_the_tender_and_are_cleared_after(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    pub = published(platform, actors, clock)
    for s in bidders(platform, actors, 3):
        platform.tenders.submit_bid(s, pub.tender.id, payload("1500000.00"))
    clock.advance(days=22)
    first, second = present(platform, pub, 3, 2)
    assert (first.presented, second.presented, second.threshold) == (1, 2, 2)
    presentations = [json.loads(str(r[0])) for r in _rows(
        platform, "SELECT change FROM audit_event WHERE action = 'custody.present' ORDER BY seq")]
    assert [(p["custodian_id"], p["index"]) for p in presentations] == [("f-sun", 3), ("s-zhou", 2)]
    shares = [own_share(platform, pub.tender.id, h) for h in ("f-sun", "s-zhou")]
    audit = " ".join(str(r) for r in _rows(platform, "SELECT * FROM audit_event"))
    assert not any(share.rsplit(":", 1)[1] in audit for share in shares)  # the trail keeps no share
    record = platform.tenders.open_bids(actors["purchasing"], pub.tender.id)
    assert record.custodians_present == ["s-zhou", "f-sun"] and record.valid_bids == 3
    assert _rows(platform, "SELECT count(*) FROM custodian_seat WHERE presented_share IS NOT NULL") == [(0,)]
    assert _rows(platform, "SELECT count(*) FROM custodian_seat WHERE cleared_at IS NOT NULL") == [(2,)]


def test_a_replaced_key_stays_on_record_and_old_seats_keep_it(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    old = published(platform, actors, clock)
    before = platform.tenders.custodian_key("s-zhou")
    fresh = generate_custodian_key()
    after = platform.tenders.register_custodian_key(ACTORS["supervisor"], fresh.public_key)
    assert before is not None and after.id != before.id
    assert platform.tenders.custodian_key("s-zhou") == after
    assert _rows(platform, f"SELECT replaced_at FROM custodian_key WHERE id = '{before.id}'")[0][0] is not None
    sealed_old = platform.tenders.sealed_share(ACTORS["supervisor"], old.tender.id)
    assert sealed_old.key_id == before.id
    assert open_share(CUSTODIAN_KEYS["s-zhou"], sealed_old.sealed_share)  # the old key still opens it
    view = platform.tenders.create_draft(actors["purchasing"], draft(clock, title="after the new key"))
    new = platform.tenders.publish(actors["purchasing"], view.id)
    sealed_new = platform.tenders.sealed_share(ACTORS["supervisor"], new.tender.id)
    assert sealed_new.key_id == after.id and open_share(fresh.private_key, sealed_new.sealed_share)
    with pytest.raises(ZhaocaiError):
        open_share(CUSTODIAN_KEYS["s-zhou"], sealed_new.sealed_share)
    registered = [json.loads(str(r[0]))["replaces"] for r in _rows(
        platform, "SELECT change FROM audit_event WHERE action = 'custody.key_register' "
                  "AND actor_id = 's-zhou' ORDER BY seq")]
    assert registered == [None, before.id]


# -- the pure seat rules ----------------------------------------------------------------------------

PEOPLE = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5)


@given(people=PEOPLE, supervisors=st.sets(st.sampled_from(["a", "b", "c", "d", "e"])),
       threshold=st.integers(1, 5), drafter=st.sampled_from(["a", "x", None]),
       publisher=st.sampled_from(["b", "y", None]))
def test_seat_rules(people: list[str], supervisors: set[str], threshold: int, drafter: str | None,
                    publisher: str | None) -> None:
    """Seats are accepted exactly when they are k distinct people (no one seated twice), a
    supervisor among them, neither the drafter nor the publisher; otherwise the first broken rule
    is named."""
    distinct = set(people)
    if len(distinct) < threshold or len(distinct) != len(people):
        expected: str | None = "custody.too_few_custodians"
    elif not distinct & supervisors:
        expected = "custody.no_supervisor"
    elif drafter in distinct:
        expected = "custody.drafter_custodian"
    elif publisher in distinct:
        expected = "custody.publisher_custodian"
    else:
        expected = None
    try:
        rules.check_seats(people, supervisors, threshold, drafter=drafter, publisher=publisher)
    except ZhaocaiError as error:
        assert error.code == expected and error.message_zh
    else:
        assert expected is None


def test_presentation_rules() -> None:
    deadline = datetime(2026, 3, 23, 1, tzinfo=UTC)
    seat = rules.Seat("tdr-1", 2, "s-zhou", "f" * 64, presented=False)
    after = deadline + timedelta(minutes=1)
    rules.check_presentation(seat, after, deadline, "tdr-1", 2, "f" * 64)
    cases = [(seat, deadline - timedelta(seconds=1), ("tdr-1", 2, "f" * 64), "custody.too_early"),
             (rules.Seat("tdr-1", 2, "s-zhou", "f" * 64, True), after, ("tdr-1", 2, "f" * 64),
              "custody.already_presented"),
             (seat, after, ("tdr-1", 1, "f" * 64), "custody.share_mismatch"),
             (seat, after, ("tdr-2", 2, "f" * 64), "custody.share_mismatch"),
             (seat, after, ("tdr-1", 2, "e" * 64), "custody.share_mismatch")]
    for judged, now, (tender, index, fingerprint), code in cases:
        with pytest.raises(ZhaocaiError) as info:
            rules.check_presentation(judged, now, deadline, tender, index, fingerprint)
        assert info.value.code == code
    assert rules.seat_of([seat], "s-zhou", "tdr-1") == seat
    with pytest.raises(ZhaocaiError) as info:
        rules.seat_of([seat], "p-wang", "tdr-1")
    assert info.value.code == "custody.not_custodian"
