"""What the store knows of the keys: public halves and check values, never a secret.

- The receipt keys' public halves with their periods of validity (`receipt_key`), each added in
  a command and recorded in the audit chain, so that receipts signed before a rotation still
  verify and a receipt dated outside its key's period does not.
- The identity key's check value (`platform_setting` `keys.identity_check`): the HMAC of a fixed
  text under the identity key. It reveals nothing of the key, and tells a wrong key (whose hashes
  would silently stop matching the ones already kept) from the right one (`keys.identity_mismatch`).
- Stores made before the keys left the store hold the secrets themselves in `platform_setting`
  (`LEGACY_SECRETS`); such a store is refused until they are exported (`keys.in_store`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, text
from sqlmodel import Session, col

from zhaocai.errors import ConflictError
from zhaocai.keys.provider import KeyProvider
from zhaocai.keys.tables import ReceiptKeyRow
from zhaocai.store import UnitOfWork
from zhaocai.store.schema import PlatformKeyRow

IDENTITY_CHECK_SETTING = "keys.identity_check"
IDENTITY_CHECK_MESSAGE = b"zhaocai identity key check v1"
LEGACY_RECEIPT_SECRET = "bidding.receipt_signing_key"
LEGACY_IDENTITY_SECRET = "suppliers.identity_hmac_key"
LEGACY_SECRETS = (LEGACY_RECEIPT_SECRET, LEGACY_IDENTITY_SECRET)
"""The `platform_setting` rows in which stores before 0.2 kept the platform's secrets."""
RECEIPT_KEY_ACTION = "platform.receipt_key"


def identity_check(keys: KeyProvider) -> str:
    """The identity key's check value (hex)."""
    return keys.identity_hash(IDENTITY_CHECK_MESSAGE).hex()


def _identity_mismatch(keys: KeyProvider, stored: str) -> ConflictError:
    return ConflictError(
        "keys.identity_mismatch",
        f"The identity key from {keys.where} is not the one this store's identity hashes were made "
        f"with: use the store's own key file (a new key would not match the hashes already kept).",
        "身份哈希密钥与本数据库已使用的密钥不一致：请使用本数据库原有的密钥文件，否则已保存的身份哈希将无法比对。",
        {"where": keys.where, "stored_check": stored})


def require_identity_key(session: Session, keys: KeyProvider) -> KeyProvider:
    """The identity hasher for a command: its check value is written on first use (in the
    command's transaction) and compared on every later one (`keys.identity_mismatch`)."""
    check = identity_check(keys)
    row = session.get(PlatformKeyRow, IDENTITY_CHECK_SETTING)
    if row is None:
        session.add(PlatformKeyRow(name=IDENTITY_CHECK_SETTING, value={"check": check}))
        session.flush()
    elif row.value.get("check") != check:
        raise _identity_mismatch(keys, row.value.get("check", ""))
    return keys


def check_identity_key(connection: Connection, keys: KeyProvider) -> None:
    """At opening: refuse a provider whose identity key is not the store's (read only)."""
    stored = _setting(connection, IDENTITY_CHECK_SETTING)
    if stored is not None and stored.get("check") != identity_check(keys):
        raise _identity_mismatch(keys, stored.get("check", ""))


def _setting(connection: Connection, name: str) -> Any:
    table = PlatformKeyRow.__table__  # type: ignore[attr-defined]
    found = connection.execute(select(table.c.value).where(table.c.name == name)).first()
    return None if found is None else found[0]


def secrets_in_store(connection: Connection) -> list[str]:
    """The names of the secrets an older store still keeps in `platform_setting`."""
    table = PlatformKeyRow.__table__  # type: ignore[attr-defined]
    found = connection.execute(select(table.c.name).where(table.c.name.in_(LEGACY_SECRETS))).scalars()
    return sorted(found)


def require_no_secrets(connection: Connection, export_command: str) -> None:
    """Refuse a store that still holds a private key (`keys.in_store`): export it first."""
    held = secrets_in_store(connection)
    if held:
        raise ConflictError(
            "keys.in_store",
            f"The store still holds the platform's private keys ({', '.join(held)}): anyone who can "
            f"write to it could forge receipts. Move them to a key file: `{export_command}`.",
            f"数据库中仍保存着平台私钥，能写入数据库者即可伪造回执。请先将其导出到密钥文件：`{export_command}`。",
            {"secrets": held, "command": export_command})


def keys_used(connection: Connection) -> bool:
    """Whether this store has ever used a key (so a new key would not do)."""
    receipt = connection.execute(select(ReceiptKeyRow.__table__.c.verify_key).limit(1)).first()  # type: ignore[attr-defined]
    return receipt is not None or _setting(connection, IDENTITY_CHECK_SETTING) is not None \
        or bool(secrets_in_store(connection))


def receipt_keys(session: Session) -> list[ReceiptKeyRow]:
    """Every receipt key the platform has signed with, oldest first."""
    return list(session.exec(select(ReceiptKeyRow).order_by(col(ReceiptKeyRow.valid_from))).scalars())  # type: ignore[call-overload]


def current_receipt_key(session: Session) -> ReceiptKeyRow | None:
    """The receipt key the platform signs with now, if one was registered."""
    query = select(ReceiptKeyRow).where(col(ReceiptKeyRow.valid_until).is_(None))
    return session.exec(query).scalars().first()  # type: ignore[call-overload]


def current_receipt_key_hex(connection: Connection) -> str | None:
    """The current receipt key (hex), read with a plain connection (at opening)."""
    table = ReceiptKeyRow.__table__  # type: ignore[attr-defined]
    found = connection.execute(select(table.c.verify_key).where(table.c.valid_until.is_(None))).first()
    return None if found is None else str(found[0])


def register_receipt_key(uow: UnitOfWork, keys: KeyProvider) -> bool:
    """Make the provider's receipt key the platform's current one; False if it already is.

    The first key is created; a different one is a rotation: the old key's period ends now and
    the new one's starts now (inclusive both, so a receipt of this very moment verifies either
    way). Either is recorded in the audit chain with an outbox event (public keys only). A key
    already retired is not taken back (`keys.receipt_key_retired`): its period has ended.
    """
    public = keys.receipt_public_key().hex()
    session = uow.session
    current = current_receipt_key(session)
    if current is not None and current.verify_key == public:
        return False
    if session.get(ReceiptKeyRow, public) is not None:
        raise ConflictError(
            "keys.receipt_key_retired",
            f"The receipt key from {keys.where} was retired by a rotation and is not used again: "
            f"rotate to a new key (`zhaocai keys rotate`).",
            "该回执签名密钥已在轮换时停用，不得再次使用：请轮换为新的密钥。",
            {"verify_key": public, "where": keys.where})
    replaces = None
    if current is not None:
        current.valid_until = uow.now
        session.add(current)
        replaces = current.verify_key
    session.add(ReceiptKeyRow(verify_key=public, valid_from=uow.now))
    session.flush()
    change = {"verify_key": public, "valid_from": uow.now, "replaces": replaces}
    uow.record(RECEIPT_KEY_ACTION, "receipt_key", public, change,
               event="ReceiptKeyCreated" if replaces is None else "ReceiptKeyRotated", payload=change)
    return True


def key_valid_at(row: ReceiptKeyRow, moment: datetime) -> bool:
    """Whether `row`'s key was the platform's signing key at `moment`."""
    return row.valid_from <= moment and (row.valid_until is None or moment <= row.valid_until)


def drop_legacy_secrets(connection: Connection) -> None:
    """Delete the secrets an older store kept (only `export_store_keys` calls this)."""
    for name in LEGACY_SECRETS:
        connection.execute(text("DELETE FROM platform_setting WHERE name = :name"), {"name": name})
