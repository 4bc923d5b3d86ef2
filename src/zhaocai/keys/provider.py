"""The key provider: where the platform's secrets live, and the only code that touches them.

The store never holds a secret. The platform's two secrets, the Ed25519 key that signs bid
receipts and the HMAC key of the identity-number hashes, are held by a `KeyProvider`, and the
rest of zhaocai asks the provider to sign or to hash; it never sees the private bytes. The store
keeps only what is public: the receipt keys' public halves with the moment each became valid
(`zhaocai.keys.registry`) and a check value that tells a wrong identity key from the right one.

`LocalKeys` holds both keys in this process's memory; `zhaocai.keys.sources` loads it from a
key file or from environment variables. A KMS or HSM adapter implements the same three methods
by calling the device, so that its private keys never leave it (see docs/keys.md).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Protocol, runtime_checkable

from nacl.signing import SigningKey

from zhaocai.errors import NotFoundError

RECEIPT_SEED_BYTES = 32
IDENTITY_KEY_BYTES = 32


@runtime_checkable
class KeyProvider(Protocol):
    """What the platform asks of its keys; a KMS/HSM adapter implements exactly this.

    - `where`: a human description of where the keys are (a path, an environment variable, a
      KMS key's name), printed by the demo and named in error messages; never a secret.
    - `receipt_public_key()`: the 32-byte Ed25519 public key of the receipt-signing key.
    - `sign_receipt(message)`: the 64-byte Ed25519 signature of `message` under that key.
    - `identity_hash(message)`: the 32-byte HMAC-SHA256 of `message` under the identity key.

    Each may raise a `ZhaocaiError` (e.g. `keys.missing`); the command that asked is then
    refused and changes nothing.
    """

    @property
    def where(self) -> str:
        """Where the keys are (for people and error messages)."""
        ...

    def receipt_public_key(self) -> bytes:
        """The receipt-signing key's public half (32 bytes)."""
        ...

    def sign_receipt(self, message: bytes) -> bytes:
        """An Ed25519 signature (64 bytes) of `message` by the receipt-signing key."""
        ...

    def identity_hash(self, message: bytes) -> bytes:
        """HMAC-SHA256 (32 bytes) of `message` under the identity key."""
        ...


class LocalKeys:
    """Both keys in this process's memory (loaded from a key file or the environment)."""

    def __init__(self, receipt_seed: bytes, identity_key: bytes, where: str) -> None:
        if len(receipt_seed) != RECEIPT_SEED_BYTES or len(identity_key) != IDENTITY_KEY_BYTES:
            raise ValueError("a receipt seed and an identity key are 32 bytes each")
        self._signing = SigningKey(receipt_seed)
        self._identity = identity_key
        self._where = where

    @classmethod
    def generate(cls, where: str = "process memory") -> LocalKeys:
        """Fresh random keys (libsodium's key generation, the OS's randomness)."""
        return cls(SigningKey.generate().encode(), secrets.token_bytes(IDENTITY_KEY_BYTES), where)

    @property
    def where(self) -> str:
        """Where the keys came from."""
        return self._where

    def receipt_public_key(self) -> bytes:
        """The receipt-signing key's public half."""
        return self._signing.verify_key.encode()

    def sign_receipt(self, message: bytes) -> bytes:
        """An Ed25519 signature of `message`."""
        return self._signing.sign(message).signature

    def identity_hash(self, message: bytes) -> bytes:
        """HMAC-SHA256 of `message` under the identity key."""
        # hmac.digest: the standard library's one-shot HMAC (OpenSSL).
        return hmac.digest(self._identity, message, "sha256")

    def with_new_receipt_key(self) -> LocalKeys:
        """The same identity key and a fresh receipt-signing key (a rotation)."""
        return LocalKeys(SigningKey.generate().encode(), self._identity, self._where)

    def secret_values(self) -> dict[str, str]:
        """The secrets as a key file keeps them (hex); only for writing the key file."""
        return {"receipt_signing_key": self._signing.encode().hex(),
                "identity_hmac_key": self._identity.hex()}

    def __repr__(self) -> str:
        # Never the secrets: a provider may end up in a log line or a traceback.
        return f"LocalKeys(where={self._where!r}, receipt_public_key={self.receipt_public_key().hex()})"


class MissingKeys:
    """No key was configured: each use is refused with `keys.missing`.

    `Platform.open` takes this when it finds no key, so that what needs no secret (verifying
    the audit chain, reading the public receipt key already registered, verifying a receipt)
    still works, and only a command that must sign or hash is refused, changing nothing.
    """

    def __init__(self, looked: list[str], how: str) -> None:
        self.looked = looked
        self.how = how

    @property
    def where(self) -> str:
        """Nowhere: what was looked at."""
        return "no key found (looked at: " + "; ".join(self.looked) + ")"

    def _refuse(self) -> NotFoundError:
        return NotFoundError(
            "keys.missing",
            f"The platform has no keys: looked at {'; '.join(self.looked)}. {self.how}",
            "平台密钥缺失：未找到签收回执与身份哈希所需的密钥。请按文档配置密钥文件或环境变量后重试。",
            {"looked": list(self.looked), "how": self.how},
        )

    def receipt_public_key(self) -> bytes:
        """Refused: `keys.missing`."""
        raise self._refuse()

    def sign_receipt(self, message: bytes) -> bytes:
        """Refused: `keys.missing`."""
        raise self._refuse()

    def identity_hash(self, message: bytes) -> bytes:
        """Refused: `keys.missing`."""
        raise self._refuse()
