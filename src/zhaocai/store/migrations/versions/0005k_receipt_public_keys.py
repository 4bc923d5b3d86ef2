"""The keys leave the store: the receipt keys' public halves get their own table.

Stores made before this revision keep the receipt-signing key and the identity-hash key in
`platform_setting`. This revision registers what is public of them, so that nothing is lost
when the secrets go: the receipt key's public half (valid from the moment its creation was
recorded in the audit chain) in the new `receipt_key` table, and the identity key's check value.
It deletes no secret: `zhaocai keys export --db URL --key-file PATH` moves them to a key file
and deletes them from the store once the file holds them; until then the store is refused
(`keys.in_store`).

Revision ID: 0005k
Revises: 0005s
Create Date: 2026-11-29 22:30:00.000000
"""

from __future__ import annotations

import hmac
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from nacl.signing import SigningKey

revision = "0005k"
down_revision = "0005s"
branch_labels = None
depends_on = None

# Fixed here, as the code had them when this revision was written (a revision never imports
# the code it migrates away from).
RECEIPT_SECRET = "bidding.receipt_signing_key"
IDENTITY_SECRET = "suppliers.identity_hmac_key"
IDENTITY_CHECK = "keys.identity_check"
IDENTITY_CHECK_MESSAGE = b"zhaocai identity key check v1"


def _setting(connection: sa.Connection, name: str) -> dict[str, str] | None:
    found = connection.execute(sa.text("SELECT value FROM platform_setting WHERE name = :name"),
                               {"name": name}).first()
    return None if found is None else json.loads(found[0]) if isinstance(found[0], str) else found[0]


def _created_at(connection: sa.Connection) -> datetime:
    """When the receipt key was created: its audit link, else the chain's first link; a store
    with no link at all has signed nothing, so the key is valid from the beginning of time."""
    found = connection.execute(sa.text(
        "SELECT at FROM audit_event WHERE action = 'platform.receipt_key' ORDER BY seq LIMIT 1")).first()
    found = found or connection.execute(sa.text("SELECT at FROM audit_event ORDER BY seq LIMIT 1")).first()
    moment = datetime.fromisoformat(found[0]) if found else datetime(1970, 1, 1, tzinfo=UTC)
    return moment.astimezone(UTC)


def upgrade() -> None:
    """The receipt_key table, and the public halves of the keys the store holds."""
    op.create_table(
        "receipt_key",
        sa.Column("verify_key", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("verify_key"),
    )
    connection = op.get_bind()
    receipt = _setting(connection, RECEIPT_SECRET)
    if receipt is not None:
        public = SigningKey(bytes.fromhex(receipt["seed"])).verify_key.encode().hex()
        valid_from = _created_at(connection)
        # SQLite keeps naive UTC text, as the library's UTCDateTime writes it.
        stored = valid_from.replace(tzinfo=None) if connection.dialect.name == "sqlite" else valid_from
        connection.execute(sa.text("INSERT INTO receipt_key (verify_key, valid_from) VALUES (:k, :f)"),
                           {"k": public, "f": stored})
    identity = _setting(connection, IDENTITY_SECRET)
    if identity is not None and _setting(connection, IDENTITY_CHECK) is None:
        check = hmac.digest(bytes.fromhex(identity["hex"]), IDENTITY_CHECK_MESSAGE, "sha256").hex()
        connection.execute(sa.text("INSERT INTO platform_setting (name, value) VALUES (:n, :v)"),
                           {"n": IDENTITY_CHECK, "v": json.dumps({"check": check}, separators=(",", ":"))})


def downgrade() -> None:
    """Not supported: restore the backup taken before upgrading."""
    raise RuntimeError("zhaocai upgrades only; restore the backup taken before upgrading")
