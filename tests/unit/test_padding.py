"""Padding: an envelope's length tells nothing about the price or the responses inside a bucket."""

from __future__ import annotations

import base64
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from nacl.public import PrivateKey

from zhaocai.bidding.padding import (
    BOX_OVERHEAD,
    LARGE_STEP,
    POWER_OF_TWO_UP_TO,
    SMALLEST_BUCKET,
    bucket_for,
    is_bucket,
    is_padded_ciphertext,
    pad,
)
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.sealing import COMMERCIAL, SINGLE, TECHNICAL, Opener, SealedBid, check_envelope, seal_bid

KEY = PrivateKey.generate()
prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999999.99"), places=2)


def _bid(price: Decimal, note: str = "") -> BidPayload:
    return BidPayload.model_validate({"lots": [{"lot": "L1", "price": str(price),
                                                "technical": {"说明": note} if note else {}}]})


def _length(sealed: SealedBid, part: str = SINGLE) -> int:
    return len(sealed.envelopes[part])


def test_the_reported_prices_seal_to_the_same_length() -> None:
    # 100.00 and 7,654,321.09 sealed to 364 and 372 characters before padding.
    small, large = seal_bid(KEY.public_key.encode(), _bid(Decimal("100.00"))), \
        seal_bid(KEY.public_key.encode(), _bid(Decimal("7654321.09")))
    assert _length(small) == _length(large)


@given(prices, prices)
def test_any_two_prices_seal_to_the_same_length(first: Decimal, second: Decimal) -> None:
    a = seal_bid(KEY.public_key.encode(), _bid(first), two_envelopes=True)
    b = seal_bid(KEY.public_key.encode(), _bid(second), two_envelopes=True)
    assert _length(a, COMMERCIAL) == _length(b, COMMERCIAL)
    assert _length(a, TECHNICAL) == _length(b, TECHNICAL)


@given(st.text(max_size=3000), st.text(max_size=3000))
def test_technical_responses_of_a_few_kilobytes_do_not_show_their_size(one: str, other: str) -> None:
    a, b = (seal_bid(KEY.public_key.encode(), _bid(Decimal("1.00"), note)) for note in (one, other))
    if max(len(one.encode()), len(other.encode())) < SMALLEST_BUCKET // 2:
        assert _length(a) == _length(b)


@given(prices)
def test_padding_changes_nothing_inside(price: Decimal) -> None:
    sealed = seal_bid(KEY.public_key.encode(), _bid(price))
    check_envelope(sealed, two_envelopes=False)
    raw = base64.b64decode(sealed.envelopes[SINGLE])
    assert is_padded_ciphertext(len(raw))
    assert BidPayload.model_validate(Opener(KEY).open_part(sealed.envelopes[SINGLE])).total == price


@given(st.integers(min_value=0, max_value=64 * LARGE_STEP))
def test_a_bucket_holds_the_plaintext_and_is_a_bucket(length: int) -> None:
    bucket = bucket_for(length)
    assert bucket >= length and is_bucket(bucket) and bucket_for(bucket) == bucket
    if length > SMALLEST_BUCKET:
        # the documented overhead: at most double up to 1 MiB, less than one MiB above it
        limit = 2 * length if length <= POWER_OF_TWO_UP_TO else length + LARGE_STEP
        assert bucket < limit


def test_the_documented_buckets() -> None:
    assert [bucket_for(n) for n in (0, 1, 4096, 4097, 8192, 8193, 1 << 20, (1 << 20) + 1)] == \
        [4096, 4096, 4096, 8192, 8192, 16384, 1 << 20, 2 << 20]
    assert not is_bucket(4095) and not is_bucket(5000) and is_bucket(3 << 20)
    assert len(pad(b"{}")) == 4096 and pad(b"{}").rstrip(b" ") == b"{}"
    assert is_padded_ciphertext(4096 + BOX_OVERHEAD) and not is_padded_ciphertext(4096)
