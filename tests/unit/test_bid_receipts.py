"""Receipts: signed by the platform's key; any change or another key fails verification."""

from __future__ import annotations

from datetime import UTC, datetime

from zhaocai.bidding.receipts import ReceiptKind, ReceiptSigner, verify_receipt
from zhaocai.keys import LocalKeys


def _receipt(signer: ReceiptSigner):  # type: ignore[no-untyped-def]
    return signer.sign(ReceiptKind.SUBMISSION, tender_id="tdr-1", bid_id="bid-1", supplier_id="sup-1",
                       version=2, received_at=datetime(2026, 3, 20, 3, 59, 59, 999999, tzinfo=UTC),
                       envelope_hash="ab" * 32)


def test_a_receipt_verifies_with_the_platform_key_only() -> None:
    signer = ReceiptSigner(LocalKeys.generate())
    receipt = _receipt(signer)
    assert verify_receipt(receipt, signer.verify_key)
    assert verify_receipt(receipt.model_dump(mode="json"), bytes.fromhex(signer.verify_key))
    other = ReceiptSigner(LocalKeys.generate())
    assert not verify_receipt(receipt, other.verify_key)


def test_any_changed_field_breaks_the_signature() -> None:
    signer = ReceiptSigner(LocalKeys.generate())
    receipt = _receipt(signer)
    for change in ({"version": 3}, {"envelope_hash": "cd" * 32}, {"supplier_id": "sup-2"},
                   {"received_at": datetime(2026, 3, 20, 4, tzinfo=UTC)}, {"kind": ReceiptKind.WITHDRAWAL}):
        assert not verify_receipt(receipt.model_copy(update=change), signer.verify_key), change
    assert not verify_receipt({"garbage": True}, signer.verify_key)
