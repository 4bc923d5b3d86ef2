"""Custodians' keys: the client-side helpers a custodian runs on their own machine, and the sealing
of a share to a registered key at publication.

A custodian makes an X25519 key pair (`generate_custodian_key`) and registers only the public
half (`platform.tenders.register_custodian_key`). At publication each Shamir share of the
tender's seed is sealed to its custodian's public key with a libsodium sealed box (X25519 +
XSalsa20-Poly1305, PyNaCl's `SealedBox`); the store keeps the sealed text. The custodian fetches
it (`platform.tenders.sealed_share`) and opens it with the private key (`open_share`) on their
own machine, as a bidder seals with `seal_bid`: the server never sees a private key.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

from zhaocai.errors import ValidationError

KEY_HEX = 64  # an X25519 public key: 32 bytes as hex


@dataclass(frozen=True)
class CustodianKeyPair:
    """A custodian's key pair: `public_key` (hex) is registered, `private_key` never leaves them."""

    private_key: PrivateKey
    public_key: str


def generate_custodian_key() -> CustodianKeyPair:
    """Client side: a fresh X25519 key pair for a custodian (keep the private key; register the
    public one with `platform.tenders.register_custodian_key`)."""
    private = PrivateKey.generate()
    return CustodianKeyPair(private, private.public_key.encode().hex())


def public_key_of(private_key: PrivateKey | bytes | str) -> str:
    """The hex public key of a private key (raw bytes or hex accepted)."""
    return _private(private_key).public_key.encode().hex()


def _private(private_key: PrivateKey | bytes | str) -> PrivateKey:
    if isinstance(private_key, PrivateKey):
        return private_key
    return PrivateKey(bytes.fromhex(private_key) if isinstance(private_key, str) else private_key)


def open_share(private_key: PrivateKey | bytes | str, sealed_share: str) -> str:
    """Client side: open one's sealed share (base64, as `sealed_share` reads it) with one's own
    private key; returns the share's text, to present after the deadline. No server involved.

    A share sealed to another key does not open: `custody.share_unopenable`.
    """
    try:
        clear = SealedBox(_private(private_key)).decrypt(base64.b64decode(sealed_share, validate=True))
        return clear.decode("ascii")
    except (nacl.exceptions.CryptoError, binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(
            "custody.share_unopenable",
            "This sealed share does not open with this private key",
            "该密封份额无法用此私钥打开", {},
        ) from exc


def parse_public_key(text: str) -> str:
    """A registered public key: 64 hex digits of a valid X25519 point, as lower-case hex."""
    cleaned = text.strip().lower() if isinstance(text, str) else ""
    try:
        if len(cleaned) != KEY_HEX:
            raise ValueError(cleaned)
        return PublicKey(bytes.fromhex(cleaned)).encode().hex()
    except (ValueError, nacl.exceptions.CryptoError, TypeError) as exc:
        raise ValidationError(
            "custody.key_malformed",
            "A custodian's public key is 64 hexadecimal digits (an X25519 public key)",
            "保管人公钥须为六十四位十六进制数字（椭圆曲线公钥）",
            {"length": len(cleaned)},
        ) from exc


def seal_share(public_key: str, share: str) -> str:
    """Seal a share's text to a custodian's public key (hex); base64 of the sealed box."""
    sealed = SealedBox(PublicKey(bytes.fromhex(public_key))).encrypt(share.encode("ascii"))
    return base64.b64encode(sealed).decode("ascii")
