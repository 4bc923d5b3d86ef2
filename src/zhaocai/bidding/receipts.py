"""Signed receipts: a bidder's proof of what it submitted (the envelope's hash) and when.

The platform signs each receipt with its Ed25519 key (libsodium via PyNaCl), which its key
provider holds outside the store (`zhaocai.keys`); the store keeps only the public halves. The
public verify key is published, and `verify_receipt(receipt, verify_key)` needs nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import nacl.exceptions
from nacl.signing import VerifyKey
from pydantic import BaseModel, ConfigDict, Field

from zhaocai.keys import KeyProvider
from zhaocai.store.types import canonical_json


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


class ReceiptKeyView(BaseModel):
    """A key the platform signed receipts with: its public half and its period (inclusive)."""

    model_config = ConfigDict(frozen=True)

    verify_key: str = Field(description="hex Ed25519 public key")
    valid_from: datetime
    valid_until: datetime | None = Field(description="None while it is the current key")


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
    """Signs receipts with the platform's key, through its key provider (which may be a KMS:
    the private key never needs to leave it)."""

    def __init__(self, keys: KeyProvider) -> None:
        self._keys = keys
        self.verify_key = keys.receipt_public_key().hex()

    def sign(
        self, kind: ReceiptKind, *, tender_id: str, bid_id: str, supplier_id: str, version: int,
        received_at: datetime, envelope_hash: str,
    ) -> BidReceipt:
        """A signed receipt for these facts."""
        fields = receipt_fields(kind, tender_id, bid_id, supplier_id, version, received_at,
                                envelope_hash, self.verify_key)
        signature = self._keys.sign_receipt(_message(fields)).hex()
        return BidReceipt(kind=kind, tender_id=tender_id, bid_id=bid_id, supplier_id=supplier_id,
                          version=version, received_at=received_at, envelope_hash=envelope_hash,
                          verify_key=self.verify_key, signature=signature)


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
