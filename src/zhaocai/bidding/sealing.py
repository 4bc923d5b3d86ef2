"""Sealing bids: a tender key pair whose private half exists only as k-of-n Shamir shares.

At publication a random 32-byte seed is drawn; the tender's X25519 key pair is derived from it
with libsodium (`nacl.public.PrivateKey.from_seed`). The seed is split at once into n shares,
k needed to recover it (pycryptodome's Shamir over GF(2^128), which splits 16-byte secrets: the
seed's two halves are split with the same share indices and each share carries both halves).
Each share is sealed to its custodian's own registered key (`zhaocai.bidding.custody`); the store
keeps the public key, each share sealed, and each share's fingerprint. Bids are sealed to the
public key with a libsodium sealed box (X25519 + XSalsa20-Poly1305); without k custodians
presenting their shares nobody, the database administrator included, can open them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import nacl.bindings
import nacl.exceptions
import nacl.utils
from Crypto.Protocol.SecretSharing import Shamir
from nacl.public import PrivateKey, PublicKey, SealedBox
from pydantic import BaseModel, ConfigDict, Field

from zhaocai.bidding.padding import is_padded_ciphertext, pad
from zhaocai.bidding.payload import BidPayload
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.store.types import canonical_json

SCHEME: Literal["sealedbox-x25519-xsalsa20poly1305/v1"] = "sealedbox-x25519-xsalsa20poly1305/v1"
SHARE_PREFIX = "zhaocai-share:v1"
SINGLE = "bid"
TECHNICAL = "technical"
COMMERCIAL = "commercial"
SEED_BYTES = 32
_HALF = 16


class SealedBid(BaseModel):
    """A bid as it travels and is stored before opening: ciphertext only.

    `envelopes` maps the part name to base64 ciphertext: `{"bid": ...}` for one envelope, or
    `{"technical": ..., "commercial": ...}` for a two-envelope (双信封) tender.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    scheme: Literal["sealedbox-x25519-xsalsa20poly1305/v1"] = SCHEME
    envelopes: dict[str, str] = Field(min_length=1, max_length=2)

    def digest(self) -> str:
        """sha256 of the canonical JSON of the envelope: what the receipt signs."""
        return envelope_digest(self.model_dump(mode="json"))


def envelope_digest(envelope: dict[str, Any]) -> str:
    """sha256 hex of the canonical JSON of a sealed envelope (as stored)."""
    return hashlib.sha256(canonical_json(envelope).encode("utf-8")).hexdigest()


def _public_key(public_key: bytes | str | PublicKey) -> PublicKey:
    if isinstance(public_key, PublicKey):
        return public_key
    raw = bytes.fromhex(public_key) if isinstance(public_key, str) else public_key
    return PublicKey(raw)


def _seal(box: SealedBox[PublicKey], value: Any) -> str:
    plaintext = pad(canonical_json(value).encode("utf-8"))
    return base64.b64encode(box.encrypt(plaintext)).decode("ascii")


def seal_bid(
    public_key: bytes | str | PublicKey,
    payload: BidPayload | dict[str, Any],
    *,
    two_envelopes: bool = False,
) -> SealedBid:
    """Seal a bid payload to a tender's public key (hex or bytes); a client can do this itself.

    The JSON is padded to its bucket first (`zhaocai.bidding.padding`), so the envelope's length
    does not tell the price or the size of the responses.

    With `two_envelopes`, the technical part (technical responses, document metadata) and the
    commercial part (prices, commercial responses, bid security account) are sealed apart.
    """
    bid = payload if isinstance(payload, BidPayload) else BidPayload.model_validate(payload)
    box = SealedBox(_public_key(public_key))
    if not two_envelopes:
        return SealedBid(envelopes={SINGLE: _seal(box, bid.model_dump(mode="json"))})
    technical, commercial = bid.split()
    return SealedBid(envelopes={TECHNICAL: _seal(box, technical), COMMERCIAL: _seal(box, commercial)})


def expected_parts(two_envelopes: bool) -> frozenset[str]:
    """The envelope parts a tender expects."""
    return frozenset({TECHNICAL, COMMERCIAL}) if two_envelopes else frozenset({SINGLE})


def check_envelope(sealed: SealedBid, two_envelopes: bool) -> None:
    """Refuse an envelope with the wrong parts or text that cannot be a sealed box."""
    parts = expected_parts(two_envelopes)
    if set(sealed.envelopes) != parts:
        raise ValidationError(
            "bid.envelope_parts",
            f"This tender expects envelope parts {sorted(parts)}, got {sorted(sealed.envelopes)}",
            f"本项目要求的投标信封为 {sorted(parts)}，收到 {sorted(sealed.envelopes)}",
            {"expected": sorted(parts), "got": sorted(sealed.envelopes)},
        )
    for part, text in sealed.envelopes.items():
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) <= nacl.bindings.crypto_box_SEALBYTES:
            raise ValidationError(
                "bid.envelope_malformed",
                f"Envelope part {part!r} is not a sealed box",
                f"投标信封 {part!r} 不是有效的密封数据",
                {"part": part},
            )
        if not is_padded_ciphertext(len(raw)):
            raise ValidationError(
                "bid.envelope_unpadded",
                f"Envelope part {part!r} is not padded to a size bucket, so its length would "
                "reveal its content; seal with seal_bid or pad as zhaocai.bidding.padding does",
                f"投标信封 {part!r} 未按规定长度档位填充，其长度可能泄露内容；"
                "请使用 seal_bid 或按 zhaocai.bidding.padding 的规则填充后再密封",
                {"part": part, "length": len(raw)},
            )


@dataclass(frozen=True)
class KeyCeremony:
    """The outcome of key generation: the public key and each share, in index order."""

    public_key: str
    shares: list[str]
    fingerprints: list[str]


def share_fingerprint(share: str) -> str:
    """sha256 hex of a share's text: the store keeps this, never the share."""
    return hashlib.sha256(share.strip().encode("ascii", "replace")).hexdigest()


def generate_tender_keys(tender_id: str, n: int, k: int) -> KeyCeremony:
    """Draw a seed, derive the key pair, split the seed into n shares (k to recover).

    The seed and private key are not returned and go out of scope here.
    """
    if not 1 <= k <= n:
        raise ValidationError("tender.threshold", f"k={k} must be between 1 and n={n}",
                              f"开标所需份额 k={k} 须介于 1 与 n={n} 之间", {"k": k, "n": n})
    seed = nacl.utils.random(SEED_BYTES)
    public = PrivateKey.from_seed(seed).public_key.encode().hex()
    low = Shamir.split(k, n, seed[:_HALF])
    high = Shamir.split(k, n, seed[_HALF:])
    shares = [
        f"{SHARE_PREFIX}:{tender_id}:{index}:{(a + b).hex()}"
        for (index, a), (_, b) in zip(low, high, strict=True)
    ]
    return KeyCeremony(public, shares, [share_fingerprint(s) for s in shares])


@dataclass(frozen=True)
class ParsedShare:
    """A custodian's share, split into its parts."""

    tender_id: str
    index: int
    value: bytes
    fingerprint: str


def parse_share(text: str) -> ParsedShare:
    """Read a share's text; malformed text is a clear error."""
    prefix, _, rest = text.strip().rpartition(":")
    head, _, index_text = prefix.rpartition(":")
    scheme, _, tender_id = head.rpartition(":") if head.count(":") > 1 else ("", "", "")
    try:
        value = bytes.fromhex(rest)
        index = int(index_text)
    except ValueError:
        value, index = b"", 0
    if scheme != SHARE_PREFIX or not tender_id or len(value) != SEED_BYTES or index < 1:
        raise ValidationError(
            "opening.share_malformed",
            "A custodian share is malformed (expected zhaocai-share:v1:<tender>:<index>:<hex>)",
            "开标密钥份额格式错误（应为 zhaocai-share:v1:<项目>:<序号>:<十六进制>）",
            {"share_prefix": text[:40]},
        )
    return ParsedShare(tender_id, index, value, share_fingerprint(text))


def recover_private_key(shares: Iterable[ParsedShare], public_key: str) -> PrivateKey:
    """Combine shares into the seed and derive the private key; it must match `public_key`."""
    chosen = list(shares)
    low = Shamir.combine([(s.index, s.value[:_HALF]) for s in chosen])
    high = Shamir.combine([(s.index, s.value[_HALF:]) for s in chosen])
    key = PrivateKey.from_seed(low + high)
    if key.public_key.encode().hex() != public_key:
        raise RuleViolation(
            "opening.key_mismatch",
            "The shares do not recover this tender's key",
            "所提交的密钥份额无法恢复本项目的开标密钥",
            {"indices": sorted(s.index for s in chosen)},
        )
    return key


class Opener:
    """Opens envelopes with a recovered private key."""

    def __init__(self, key: PrivateKey) -> None:
        self._box: SealedBox[PrivateKey] = SealedBox(key)

    def open_raw(self, ciphertext: str) -> bytes:
        """Decrypt one part to its bytes; raises `nacl.exceptions.CryptoError` on failure."""
        return self._box.decrypt(base64.b64decode(ciphertext))

    def open_part(self, ciphertext: str) -> Any:
        """Decrypt one part and parse its JSON; raises `nacl.exceptions.CryptoError` on failure."""
        return json.loads(self._box.decrypt(base64.b64decode(ciphertext)).decode("utf-8"))


CryptoError = nacl.exceptions.CryptoError
