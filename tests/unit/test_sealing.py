"""Sealing: k-of-n shares recover the key, fewer or foreign shares do not, envelopes stay sealed."""

from __future__ import annotations

import itertools

import pytest
from nacl.public import PrivateKey

from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.sealing import (
    COMMERCIAL,
    SINGLE,
    TECHNICAL,
    Opener,
    SealedBid,
    check_envelope,
    generate_tender_keys,
    parse_share,
    recover_private_key,
    seal_bid,
)
from zhaocai.errors import RuleViolation, ValidationError

PAYLOAD = BidPayload.model_validate({
    "lots": [{"lot": "L1", "price": "98765.43", "technical": {"grade": "HRB400E"},
              "commercial": {"delivery": "30 days"}}],
    "documents": {"author": "张三", "agent": "李四", "project_manager": "王五"},
    "bid_security_account": "6222 0000 1111",
})


def test_any_k_of_n_shares_recover_the_key_and_open_the_bid() -> None:
    ceremony = generate_tender_keys("tdr-1", 5, 3)
    sealed = seal_bid(ceremony.public_key, PAYLOAD)
    assert "98765.43" not in sealed.model_dump_json()
    for chosen in itertools.combinations(ceremony.shares, 3):
        key = recover_private_key([parse_share(s) for s in chosen], ceremony.public_key)
        assert BidPayload.model_validate(Opener(key).open_part(sealed.envelopes[SINGLE])) == PAYLOAD


def test_fewer_than_k_shares_do_not_recover_the_key() -> None:
    ceremony = generate_tender_keys("tdr-1", 5, 3)
    with pytest.raises(RuleViolation) as info:
        recover_private_key([parse_share(s) for s in ceremony.shares[:2]], ceremony.public_key)
    assert info.value.code == "opening.key_mismatch"


def test_shares_are_fingerprinted_and_not_the_seed() -> None:
    ceremony = generate_tender_keys("tdr-1", 3, 2)
    assert len(set(ceremony.shares)) == 3 and len(set(ceremony.fingerprints)) == 3
    assert all(parse_share(s).fingerprint == f for s, f in zip(ceremony.shares, ceremony.fingerprints, strict=True))
    assert [parse_share(s).index for s in ceremony.shares] == [1, 2, 3]


@pytest.mark.parametrize("bad", ["", "zhaocai-share:v1:tdr-1:1:zz", "other:v1:tdr-1:1:" + "00" * 32,
                                 "zhaocai-share:v1:tdr-1:0:" + "00" * 32, "zhaocai-share:v1:tdr-1:1:00"])
def test_malformed_shares_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_share(bad)
    assert info.value.code == "opening.share_malformed"


def test_two_envelopes_seal_prices_only_in_the_commercial_part() -> None:
    key = PrivateKey.generate()
    sealed = seal_bid(key.public_key.encode(), PAYLOAD, two_envelopes=True)
    assert set(sealed.envelopes) == {TECHNICAL, COMMERCIAL}
    opener = Opener(key)
    technical = opener.open_part(sealed.envelopes[TECHNICAL])
    commercial = opener.open_part(sealed.envelopes[COMMERCIAL])
    assert "98765.43" not in str(technical) and "98765.43" in str(commercial)
    assert BidPayload.join(technical, commercial) == PAYLOAD
    check_envelope(sealed, two_envelopes=True)
    with pytest.raises(ValidationError) as info:
        check_envelope(sealed, two_envelopes=False)
    assert info.value.code == "bid.envelope_parts"


def test_garbage_envelopes_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        check_envelope(SealedBid(envelopes={SINGLE: "bm90IGEgc2VhbGVkIGJveA=="}), two_envelopes=False)
    assert info.value.code == "bid.envelope_malformed"


def test_sealing_is_randomised_and_the_digest_covers_the_ciphertext() -> None:
    key = PrivateKey.generate().public_key.encode()
    first, second = seal_bid(key, PAYLOAD), seal_bid(key, PAYLOAD)
    assert first.envelopes != second.envelopes and first.digest() != second.digest()
