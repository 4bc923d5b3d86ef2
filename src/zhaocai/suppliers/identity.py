"""Identity numbers of people are kept only as keyed hashes (HMAC-SHA256).

The key is a per-platform secret in the `platform_setting` table, created on first use inside the
command that first needs it. Equal numbers give equal hashes on one platform (so related persons
can be matched) while the numbers cannot be recovered or guessed from the table alone.
"""

from __future__ import annotations

import hmac
import secrets

from sqlmodel import Session

from zhaocai.store.schema import PlatformKeyRow
from zhaocai.suppliers.rules import normalise_identity

IDENTITY_KEY_SETTING = "suppliers.identity_hmac_key"


def identity_key(session: Session) -> bytes:
    """The platform's identity-hashing key, created on first use (call inside a command)."""
    row = session.get(PlatformKeyRow, IDENTITY_KEY_SETTING)
    if row is None:
        row = PlatformKeyRow(name=IDENTITY_KEY_SETTING, value={"hex": secrets.token_hex(32)})
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value["hex"])


def identity_hash(key: bytes, identity_number: str) -> str:
    """The keyed hash of a normalised identity number."""
    # hmac.digest: the standard library's one-shot HMAC (OpenSSL), same value as hmac.new.
    return hmac.digest(key, normalise_identity(identity_number).encode("utf-8"), "sha256").hex()
