"""The one-off move of an older store's private keys out of the store, into a key file.

Stores made before the keys left the store keep the receipt-signing key and the identity key in
`platform_setting`. After `zhaocai db upgrade` (revision 0005k registers their public halves),
`zhaocai keys export --db URL --key-file PATH` writes them to a new key file (mode 0600), reads
the file back, and only then deletes them from the store, in one audited command. Run again, it
finds nothing left to move; a key file already at PATH must hold the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from zhaocai.clock import Clock, SystemClock
from zhaocai.errors import ConflictError
from zhaocai.keys.provider import LocalKeys
from zhaocai.keys.registry import (
    LEGACY_IDENTITY_SECRET,
    LEGACY_RECEIPT_SECRET,
    LEGACY_SECRETS,
    identity_check,
    register_receipt_key,
    require_identity_key,
)
from zhaocai.keys.sources import init_key_file, key_file
from zhaocai.store import UnitOfWork
from zhaocai.store.schema import PlatformKeyRow

EXPORT_ACTION = "platform.keys_export"


@dataclass(frozen=True)
class Exported:
    """What `export_store_keys` did: the key file, the receipt key's public half and the
    secrets removed from the store (none when there was nothing left to move)."""

    key_file: Path
    verify_key: str
    removed: list[str]


def _stored_keys(session: Session, path: Path) -> tuple[LocalKeys, list[str]]:
    """The secrets the store holds, as keys (one it lacks is made fresh: it was never used)."""
    rows = {name: session.get(PlatformKeyRow, name) for name in LEGACY_SECRETS}
    fresh = LocalKeys.generate().secret_values()
    receipt, identity = rows[LEGACY_RECEIPT_SECRET], rows[LEGACY_IDENTITY_SECRET]
    seed = receipt.value["seed"] if receipt else fresh["receipt_signing_key"]
    hmac_key = identity.value["hex"] if identity else fresh["identity_hmac_key"]
    held = sorted(name for name, row in rows.items() if row is not None)
    return LocalKeys(bytes.fromhex(seed), bytes.fromhex(hmac_key), f"key file {path}"), held


def _same(a: LocalKeys, b: LocalKeys) -> bool:
    return a.receipt_public_key() == b.receipt_public_key() and identity_check(a) == identity_check(b)


def _move(uow: UnitOfWork, written: LocalKeys, held: list[str]) -> list[str]:
    """The store's half of the move, once the key file holds the keys: make sure their public
    halves are registered, delete the secrets, record it (public values only)."""
    # Both no-ops after revision 0005k registered the public halves; a key the store never
    # held is left to be registered at its first use.
    if LEGACY_RECEIPT_SECRET in held:
        register_receipt_key(uow, written)
    if LEGACY_IDENTITY_SECRET in held:
        require_identity_key(uow.session, written)
    removed = []
    for name in LEGACY_SECRETS:
        row = uow.session.get(PlatformKeyRow, name)
        if row is not None:
            uow.session.delete(row)
            removed.append(name)
    uow.session.flush()
    uow.record(EXPORT_ACTION, "platform_setting", "keys", {
        "removed": removed, "verify_key": written.receipt_public_key().hex(),
        "identity_check": identity_check(written)})
    return removed


def export_store_keys(url: str, path: str | Path, clock: Clock | None = None) -> Exported:
    """Move the store's private keys to the key file at `path` and delete them from the store.

    The store must be at the schema's head (`zhaocai db upgrade` first: `store.schema_outdated`).
    A key file already at `path` is used only if it holds the same keys (`keys.file_exists`
    otherwise); with nothing left in the store, the file must exist and is only read.
    """
    from zhaocai.platform import _current_store  # the same opening checks as Platform.open

    path = Path(path).resolve()
    runner = _current_store(url, clock or SystemClock())
    try:
        with runner.session() as session:
            keys, held = _stored_keys(session, path)
        if not held:
            found = key_file(path)
            return Exported(path, found.receipt_public_key().hex(), [])
        if path.exists():
            if not _same(key_file(path), keys):
                raise ConflictError(
                    "keys.file_exists",
                    f"A key file already exists at {path} with other keys: it is not overwritten",
                    "该位置已有密钥文件且其中的密钥与数据库中的不同，不予覆盖。", {"path": str(path)})
        else:
            init_key_file(path, keys)
        written = key_file(path)  # read back: the store's copy goes only once the file holds it
        assert _same(written, keys)

        runner.system_job(EXPORT_ACTION, lambda uow: _move(uow, written, held))
        removed = runner.run_system(EXPORT_ACTION)
        return Exported(path, written.receipt_public_key().hex(), removed)
    finally:
        runner.close()
