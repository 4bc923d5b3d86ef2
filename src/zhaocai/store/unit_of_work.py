"""The unit of work: one command, one transaction, its audit events and outbox events.

A command checks, changes, appends to the audit chain and to the outbox inside one transaction;
any error rolls all of it back, so a refused command leaves the store exactly as it was.

Locks (PostgreSQL; SQLite has one writer at a time and needs none of this). A command runs in
one of two scopes:

- **platform-wide** (the default): it takes the command lock exclusively, so it runs alone, and
  appends its audit links as it records them;
- **one tender** (`tender_id=` given: every command acting on one tender, see
  docs/architecture.md "Which commands run per tender"): it takes the command lock *shared* and
  the tender's row `FOR UPDATE`, so commands on other tenders run beside it; its audit links
  are kept and appended at commit, under the chain lock, as the last thing before the commit.

The chain lock is the innermost lock: its holder only appends and commits, so it waits for
nothing and no cycle of waits can form. The main chain stays linear and the outbox positions
follow commit order, because links and events are written under the chain lock (or the
exclusive command lock) right before the commit.

Bid acts go on the tender's own chain (`record_bid`, table `bid_link`), never on the main one:
the main chain's head and the outbox are what organisations publish, and before the opening
they must not move with the number of bids (Law 22).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, insert
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.store import driver
from zhaocai.store.engine import PG_CHAIN_LOCK, PG_COMMAND_LOCK
from zhaocai.store.schema import AuditEventRow, BidLinkRow, OutboxEventRow
from zhaocai.store.types import canonical_json

GENESIS_HASH = "0" * 64
_AUDIT_INSERT = insert(AuditEventRow)
_AUDIT_COLUMNS = ("seq", "at", "actor_id", "action", "subject_type", "subject_id", "change", "digest",
                  "prev_hash", "hash")
_BID_LINK_INSERT = insert(BidLinkRow)
_BID_LINK_COLUMNS = ("tender_id", *_AUDIT_COLUMNS)
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


def bid_chain_genesis(tender_id: str) -> str:
    """The `prev_hash` of a tender's first bid link: binds the bid chain to its tender, so a
    chain cannot be moved to another tender unseen."""
    return hashlib.sha256(f"zhaocai bid chain\x1f{tender_id}".encode()).hexdigest()


@dataclass
class Recorded:
    """What `UnitOfWork.record` wrote: the audit link and, if any, the outbox event.

    In a command scoped to one tender the link is appended at commit: until then `seq` is 0
    and `hash` empty (they are filled in at the append). Platform-wide commands append at once.
    """

    seq: int
    hash: str
    event_id: str | None


@dataclass(frozen=True)
class BidLink:
    """What `UnitOfWork.record_bid` wrote: a link of the tender's own bid chain."""

    tender_id: str
    seq: int
    hash: str


@dataclass
class _Pending:
    """A link kept until commit (tender-scoped commands), with the events it carries."""

    recorded: Recorded
    action: str
    subject_type: str
    subject_id: str
    change_text: str
    digest: str
    events: list[tuple[str, str, str, str, dict[str, Any]]] = field(default_factory=list)


class UnitOfWork:
    """A transaction bound to one command: its actor, its moment, its audit and outbox.

    The transaction belongs to `connection`; `session` (an ORM session joined to it) is made
    the first time a handler asks for it, so a command written with Core statements only pays
    for no ORM session. On success pending ORM changes are flushed and the transaction
    commits; on any error everything, ORM and Core writes alike, is rolled back.
    """

    def __init__(self, engine: Engine, actor: Actor, action: str,
                 now: datetime | Callable[[], datetime], *, received_at: datetime | None = None,
                 tender_id: str | None = None) -> None:
        """`now` is the command's moment, or a clock read once the command holds its locks (so a
        wait on a lock never makes a command older than the state it sees). `received_at` is
        when the request reached the platform, read before any lock (the bid deadline is judged
        by it); it defaults to `now`. `tender_id` scopes the command to one tender (see the
        module's docstring)."""
        self.actor = actor
        self.action = action
        self._clock = now if callable(now) else None
        self.now: datetime = now if isinstance(now, datetime) else datetime.min.replace(tzinfo=UTC)
        self._received_at = received_at
        self.tender_id = tender_id
        self._engine = engine
        self._session: Session | None = None
        self._head: tuple[int, str] | None = None
        self._pending: list[_Pending] | None = None
        self.records: list[Recorded] = []

    @property
    def received_at(self) -> datetime:
        """When the request reached the platform (before any lock), else the command's moment."""
        return self._received_at if self._received_at is not None else self.now

    @property
    def deferred(self) -> bool:
        """Whether audit links are kept until commit (a command scoped to one tender)."""
        return self._pending is not None

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
            if self.tender_id is not None:
                self._pending = []
            if self.connection.dialect.name == "postgresql":
                self._lock_postgresql()
            if self._clock is not None:
                self.now = self._clock()
        except BaseException:
            self.connection.close()
            raise
        return self

    def _lock_postgresql(self) -> None:
        cursor = self.connection.connection.cursor()
        try:
            if self.tender_id is None:
                cursor.execute(f"SELECT pg_advisory_xact_lock({PG_COMMAND_LOCK})")
                return
            # Shared: beside other tender-scoped commands, never beside a platform-wide one.
            cursor.execute(f"SELECT pg_advisory_xact_lock_shared({PG_COMMAND_LOCK})")
            cursor.execute("SELECT id FROM tender WHERE id = %s FOR UPDATE", (self.tender_id,))
        finally:
            cursor.close()

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        committed = False
        try:
            if exc_type is None:
                if self._session is not None:
                    self._session.flush()
                if self._pending:
                    self._append_pending()
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

    def _append_pending(self) -> None:
        """Append the kept links (and their events) under the chain lock: the last thing before
        the commit, so the lock is held for the append alone."""
        assert self._pending is not None
        if self.connection.dialect.name == "postgresql":
            self.connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_CHAIN_LOCK})")
        pending, self._pending = self._pending, None
        for item in pending:
            seq, link = self._append(item.action, item.subject_type, item.subject_id,
                                     item.change_text, item.digest)
            item.recorded.seq, item.recorded.hash = seq, link
            for event_id, event, subject_type, subject_id, payload in item.events:
                self._insert_event(event_id, event, subject_type, subject_id, payload)

    def pending_links(self) -> list[tuple[str, str, str, str, str, str]]:
        """The links this command recorded and appends at commit (a tender-scoped command), in
        order, as (at, actor_id, action, subject_type, subject_id, change JSON): a check of the
        tender's rows against the chain inside the command reads them after the stored ones."""
        at = self.now.astimezone(UTC).isoformat(timespec="microseconds")
        return [(at, self.actor.id, p.action, p.subject_type, p.subject_id, p.change_text)
                for p in self._pending or ()]

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
        change_text = canonical_json(change)
        digest = change_digest(change_text)
        if self._pending is not None:
            recorded = Recorded(seq=0, hash="", event_id=None)
            self._pending.append(_Pending(recorded, action, subject_type, subject_id, change_text,
                                          digest))
            if event is not None:
                recorded.event_id = self.emit(event, subject_type, subject_id,
                                              payload if payload is not None else change)
            self.records.append(recorded)
            return recorded
        seq, link = self._append(action, subject_type, subject_id, change_text, digest)
        event_id = None
        if event is not None:
            event_id = self.emit(event, subject_type, subject_id,
                                 payload if payload is not None else change)
        recorded = Recorded(seq=seq, hash=link, event_id=event_id)
        self.records.append(recorded)
        return recorded

    def _append(self, action: str, subject_type: str, subject_id: str, change_text: str,
                digest: str) -> tuple[int, str]:
        seq, prev_hash = self._chain_head()
        seq += 1
        at = self.now.astimezone(UTC).isoformat(timespec="microseconds")
        link = link_hash(seq, at, self.actor.id, action, subject_type, subject_id, digest,
                         prev_hash)
        # The chain is the hot path of every command, and its columns are text and integers, so
        # the link goes straight through the driver.
        driver.execute(self.connection, _AUDIT_INSERT, {
            "seq": seq, "at": at, "actor_id": self.actor.id, "action": action,
            "subject_type": subject_type, "subject_id": subject_id, "change": change_text,
            "digest": digest, "prev_hash": prev_hash, "hash": link,
        }, _AUDIT_COLUMNS)
        self._head = (seq, link)
        return seq, link

    def emit(self, event: str, subject_type: str, subject_id: str, payload: dict[str, Any]) -> str:
        """Write one more outbox event for the link just recorded (one act, several facts an
        integrator listens for, such as a signature that also puts the contract in force).
        Returns the event's id. In a tender-scoped command the event is written at commit,
        with its link."""
        event_id = str(uuid.uuid4())
        if self._pending:
            self._pending[-1].events.append((event_id, event, subject_type, subject_id, payload))
            return event_id
        if self._head is None or self._head[0] == 0:
            raise RuntimeError("emit() follows record(): an event always belongs to an audit link")
        self._insert_event(event_id, event, subject_type, subject_id, payload)
        return event_id

    def _insert_event(self, event_id: str, event: str, subject_type: str, subject_id: str,
                      payload: dict[str, Any]) -> None:
        assert self._head is not None
        self.connection.execute(_OUTBOX_INSERT, {
            "event_id": event_id, "type": event, "subject_type": subject_type,
            "subject_id": subject_id, "occurred_at": self.now, "audit_seq": self._head[0],
            "payload": payload,
        })

    def record_bid(self, tender_id: str, action: str, subject_type: str, subject_id: str,
                   change: dict[str, Any]) -> BidLink:
        """Append a bid act to the tender's own bid chain (never to the main chain, never with
        an outbox event: both are public, and must not count bids before the opening).

        The tender's row lock (PostgreSQL) or the single writer (SQLite) keeps the tender's
        chain linear. The opening commits the chain's head into the main chain
        (`bid_chain_head`), so `AuditLog.verify` proves every bid act.
        """
        seq, prev_hash = bid_chain_head(self.connection, tender_id)
        seq += 1
        at = self.now.astimezone(UTC).isoformat(timespec="microseconds")
        change_text = canonical_json(change)
        digest = change_digest(change_text)
        link = link_hash(seq, at, self.actor.id, action, subject_type, subject_id, digest,
                         prev_hash)
        driver.execute(self.connection, _BID_LINK_INSERT, {
            "tender_id": tender_id, "seq": seq, "at": at, "actor_id": self.actor.id,
            "action": action, "subject_type": subject_type, "subject_id": subject_id,
            "change": change_text, "digest": digest, "prev_hash": prev_hash, "hash": link,
        }, _BID_LINK_COLUMNS)
        return BidLink(tender_id, seq, link)

    def bid_chain_head(self, tender_id: str) -> dict[str, Any]:
        """The head of the tender's bid chain as the main chain commits it (`{"seq", "hash"}`):
        put into the change of the link that ends bidding (the opening, a cancellation)."""
        seq, head = bid_chain_head(self.connection, tender_id)
        return {"seq": seq, "hash": head}


def bid_chain_head(connection: Connection, tender_id: str) -> tuple[int, str]:
    """(seq, hash) of a tender's last bid link, or (0, its genesis) before the first."""
    cursor = connection.connection.cursor()
    try:
        marker = "%s" if connection.dialect.name == "postgresql" else "?"
        cursor.execute(f"SELECT seq, hash FROM bid_link WHERE tender_id = {marker} "
                       "ORDER BY seq DESC LIMIT 1", (tender_id,))
        row = cursor.fetchone()
    finally:
        cursor.close()
    return (int(row[0]), str(row[1])) if row else (0, bid_chain_genesis(tender_id))
