"""Signed receipts: a bidder's proof of what it submitted (the envelope's hash) and when.

The platform signs each receipt with its Ed25519 key (libsodium via PyNaCl). The signing key is
generated once per platform and kept in the `platform_setting` table; its public verify key is
published, and `verify_receipt(receipt, verify_key)` needs nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import nacl.exceptions
from nacl.signing import SigningKey, VerifyKey
from pydantic import BaseModel, ConfigDict, Field

from zhaocai.store.types import canonical_json

SIGNING_KEY_SETTING = "bidding.receipt_signing_key"


class ReceiptKind(StrEnum):
    """What the receipt acknowledges."""

    SUBMISSION = "submission"
    CONFIRMATION = "confirmation"
    WITHDRAWAL = "withdrawal"


class BidReceipt(BaseModel):
    """A signed acknowledgement of one act on a bid."""

    model_config = ConfigDict(frozen=True)

    kind: ReceiptKind
    tender_id: str
    bid_id: str
    supplier_id: str
    version: int = Field(ge=1)
    received_at: datetime
    envelope_hash: str = Field(description="sha256 of the canonical JSON of the sealed envelope")
    verify_key: str = Field(description="hex Ed25519 key of the platform that signed")
    signature: str = Field(description="hex Ed25519 signature over the other fields")

    def signed_fields(self) -> dict[str, Any]:
        """The fields covered by the signature."""
        return receipt_fields(self.kind, self.tender_id, self.bid_id, self.supplier_id,
                              self.version, self.received_at, self.envelope_hash, self.verify_key)


def receipt_fields(
    kind: ReceiptKind, tender_id: str, bid_id: str, supplier_id: str, version: int,
    received_at: datetime, envelope_hash: str, verify_key: str,
) -> dict[str, Any]:
    """The canonical field set of a receipt (the received time in UTC, microseconds)."""
    return {
        "kind": ReceiptKind(kind).value, "tender_id": tender_id, "bid_id": bid_id,
        "supplier_id": supplier_id, "version": version,
        "received_at": received_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "envelope_hash": envelope_hash, "verify_key": verify_key,
    }


def _message(fields: dict[str, Any]) -> bytes:
    return ("zhaocai-bid-receipt:v1\n" + canonical_json(fields)).encode("utf-8")


class ReceiptSigner:
    """Signs receipts with the platform's key."""

    def __init__(self, signing_key: SigningKey) -> None:
        self._key = signing_key
        self.verify_key = signing_key.verify_key.encode().hex()

    def sign(
        self, kind: ReceiptKind, *, tender_id: str, bid_id: str, supplier_id: str, version: int,
        received_at: datetime, envelope_hash: str,
    ) -> BidReceipt:
        """A signed receipt for these facts."""
        fields = receipt_fields(kind, tender_id, bid_id, supplier_id, version, received_at,
                                envelope_hash, self.verify_key)
        signature = self._key.sign(_message(fields)).signature.hex()
        return BidReceipt(kind=kind, tender_id=tender_id, bid_id=bid_id, supplier_id=supplier_id,
                          version=version, received_at=received_at, envelope_hash=envelope_hash,
                          verify_key=self.verify_key, signature=signature)


def new_signing_key_value() -> dict[str, str]:
    """A fresh Ed25519 key as stored in `platform_setting` (seed hex)."""
    return {"seed": SigningKey.generate().encode().hex()}


def signing_key_from_value(value: dict[str, str]) -> SigningKey:
    """Load the stored key."""
    return SigningKey(bytes.fromhex(value["seed"]))


def verify_receipt(receipt: BidReceipt | dict[str, Any], verify_key: str | bytes | VerifyKey) -> bool:
    """True when `receipt` was signed by the platform whose public key is `verify_key`.

    Anyone can run this: a bidder proves what it submitted (the envelope hash) and when.
    """
    try:
        parsed = receipt if isinstance(receipt, BidReceipt) else BidReceipt.model_validate(receipt)
        if isinstance(verify_key, VerifyKey):
            key = verify_key
        else:
            key = VerifyKey(bytes.fromhex(verify_key) if isinstance(verify_key, str) else verify_key)
        if parsed.verify_key != key.encode().hex():
            return False
        key.verify(_message(parsed.signed_fields()), bytes.fromhex(parsed.signature))
    except (ValueError, TypeError, nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError):
        return False
    return True
