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

from sqlalchemy import Engine, insert
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.store.engine import PG_COMMAND_LOCK
from zhaocai.store.schema import AuditEventRow, OutboxEventRow
from zhaocai.store.types import canonical_json

GENESIS_HASH = "0" * 64
_AUDIT_INSERT = insert(AuditEventRow)
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
    """A transaction bound to one command: its actor, its moment, its audit and outbox."""

    def __init__(self, engine: Engine, actor: Actor, action: str, now: datetime) -> None:
        self.actor = actor
        self.action = action
        self.now = now
        self.session = Session(engine, expire_on_commit=False, autoflush=True)
        self._head: tuple[int, str] | None = None
        self.records: list[Recorded] = []

    def __enter__(self) -> UnitOfWork:
        # The command's connection, fetched once: the session hands out the same one anyway.
        self.connection = self.session.connection()
        if self.connection.dialect.name == "postgresql":
            self.connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_COMMAND_LOCK})")
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()

    def _chain_head(self) -> tuple[int, str]:
        if self._head is None:
            row = self.connection.exec_driver_sql(
                "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
            ).first()
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
        # Core inserts, written at once: the chain is the hot path of every command.
        conn = self.connection
        conn.execute(_AUDIT_INSERT, {
            "seq": seq, "at": at, "actor_id": self.actor.id, "action": action,
            "subject_type": subject_type, "subject_id": subject_id, "change": change_text,
            "digest": digest, "prev_hash": prev_hash, "hash": link,
        })
        event_id = None
        if event is not None:
            event_id = str(uuid.uuid4())
            conn.execute(_OUTBOX_INSERT, {
                "event_id": event_id, "type": event, "subject_type": subject_type,
                "subject_id": subject_id, "occurred_at": self.now, "audit_seq": seq,
                "payload": payload if payload is not None else change,
            })
        self._head = (seq, link)
        recorded = Recorded(seq=seq, hash=link, event_id=event_id)
        self.records.append(recorded)
        return recorded
