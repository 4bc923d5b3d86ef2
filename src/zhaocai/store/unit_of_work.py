"""The unit of work: one command, one transaction, its audit events and outbox events.

A command checks, changes, appends to the audit chain and to the outbox inside one transaction;
any error rolls all of it back, so a refused command leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, insert
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.store import driver
from zhaocai.store.engine import PG_COMMAND_LOCK
from zhaocai.store.schema import AuditEventRow, OutboxEventRow
from zhaocai.store.types import canonical_json

GENESIS_HASH = "0" * 64
_AUDIT_INSERT = insert(AuditEventRow)
_AUDIT_COLUMNS = ("seq", "at", "actor_id", "action", "subject_type", "subject_id", "change", "digest",
                  "prev_hash", "hash")
_OUTBOX_INSERT = insert(OutboxEventRow)


def link_hash(
    seq: int, at: str, actor_id: str, action: str, subject_type: str, subject_id: str,
    digest: str, prev_hash: str,
) -> str:
    """The hash of one audit link: every column and the previous hash, unit-separated."""
    body = "\x1f".join(
        (str(seq), at, actor_id, action, subject_type, subject_id, digest, prev_hash)
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def change_digest(change_text: str) -> str:
    """The canonical digest of a change (sha256 of its canonical JSON)."""
    return hashlib.sha256(change_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Recorded:
    """What `UnitOfWork.record` wrote: the audit link and, if any, the outbox event."""

    seq: int
    hash: str
    event_id: str | None


class UnitOfWork:
    """A transaction bound to one command: its actor, its moment, its audit and outbox.

    The transaction belongs to `connection`; `session` (an ORM session joined to it) is made
    the first time a handler asks for it, so a command written with Core statements only pays
    for no ORM session. On success pending ORM changes are flushed and the transaction
    commits; on any error everything, ORM and Core writes alike, is rolled back.
    """

    def __init__(self, engine: Engine, actor: Actor, action: str, now: datetime) -> None:
        self.actor = actor
        self.action = action
        self.now = now
        self._engine = engine
        self._session: Session | None = None
        self._head: tuple[int, str] | None = None
        self.records: list[Recorded] = []

    @property
    def session(self) -> Session:
        """The command's ORM session, in the command's transaction (made on first use)."""
        if self._session is None:
            # "rollback_only": the session never commits the command's transaction; it is ours.
            self._session = Session(self.connection, expire_on_commit=False, autoflush=True,
                                    join_transaction_mode="rollback_only")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self.connection: Connection = self._engine.connect()
        try:
            self._transaction: RootTransaction = self.connection.begin()
            if self.connection.dialect.name == "postgresql":
                self.connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_COMMAND_LOCK})")
        except BaseException:
            self.connection.close()
            raise
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        committed = False
        try:
            if exc_type is None:
                if self._session is not None:
                    self._session.flush()
                self._transaction.commit()
                committed = True
        finally:
            try:
                if not committed and self._transaction.is_active:
                    self._transaction.rollback()
            finally:
                if self._session is not None:
                    self._session.close()
                self.connection.close()

    def _chain_head(self) -> tuple[int, str]:
        if self._head is None:
            # A fixed query without parameters, once per command: straight to the driver's cursor,
            # inside the command's transaction.
            cursor = self.connection.connection.cursor()
            try:
                cursor.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                row = cursor.fetchone()
            finally:
                cursor.close()
            self._head = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
        return self._head

    def record(
        self,
        action: str,
        subject_type: str,
        subject_id: str,
        change: dict[str, Any],
        *,
        event: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> Recorded:
        """Append an audit link for a state change and, when `event` is named, an outbox event.

        `change` is what an auditor needs (it may hold private facts: the audit log is not
        public); `payload` is what integrators receive (defaults to `change`).
        """
        seq, prev_hash = self._chain_head()
        seq += 1
        at = self.now.astimezone(UTC).isoformat(timespec="microseconds")
        change_text = canonical_json(change)
        digest = change_digest(change_text)
        link = link_hash(seq, at, self.actor.id, action, subject_type, subject_id, digest,
                         prev_hash)
        # Written at once: the chain is the hot path of every command, and its columns are text
        # and integers, so the link goes straight through the driver.
        conn = self.connection
        driver.execute(conn, _AUDIT_INSERT, {
            "seq": seq, "at": at, "actor_id": self.actor.id, "action": action,
            "subject_type": subject_type, "subject_id": subject_id, "change": change_text,
            "digest": digest, "prev_hash": prev_hash, "hash": link,
        }, _AUDIT_COLUMNS)
        self._head = (seq, link)
        event_id = None
        if event is not None:
            event_id = self.emit(event, subject_type, subject_id,
                                 payload if payload is not None else change)
        recorded = Recorded(seq=seq, hash=link, event_id=event_id)
        self.records.append(recorded)
        return recorded

    def emit(self, event: str, subject_type: str, subject_id: str, payload: dict[str, Any]) -> str:
        """Write one more outbox event for the link just recorded (one act, several facts an
        integrator listens for, such as a signature that also puts the contract in force).
        Returns the event's id."""
        if self._head is None or self._head[0] == 0:
            raise RuntimeError("emit() follows record(): an event always belongs to an audit link")
        event_id = str(uuid.uuid4())
        self.connection.execute(_OUTBOX_INSERT, {
            "event_id": event_id, "type": event, "subject_type": subject_type,
            "subject_id": subject_id, "occurred_at": self.now, "audit_seq": self._head[0],
            "payload": payload,
        })
        return event_id
