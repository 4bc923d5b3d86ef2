"""Identity numbers of people are kept only as keyed hashes (HMAC-SHA256).

The key is a per-platform secret held by the platform's key provider, outside the store
(`zhaocai.keys`): the store keeps the hashes and a check value of the key, never the key. Equal
numbers give equal hashes on one platform (so related persons can be matched) while the numbers
cannot be recovered or guessed from the store alone, not even by one who can read all of it.
"""

from __future__ import annotations

from sqlmodel import Session

from zhaocai.keys import KeyProvider
from zhaocai.keys.registry import require_identity_key
from zhaocai.suppliers.rules import normalise_identity


def identity_key(session: Session, keys: KeyProvider) -> KeyProvider:
    """The identity hasher for a command (call inside it): the provider, once its key is known
    to be the one this store's hashes were made with (`keys.identity_mismatch` otherwise)."""
    return require_identity_key(session, keys)


def identity_hash(key: KeyProvider, identity_number: str) -> str:
    """The keyed hash of a normalised identity number."""
    return key.identity_hash(normalise_identity(identity_number).encode("utf-8")).hex()
