"""Reading and verifying the hash-chained audit log.

There is one main chain (`audit_event`), whose head organisations publish, and one bid chain
per tender (`bid_link`), holding the tender's bid acts (submit, replace, confirm, withdraw).
The act that ends a tender's bidding (its opening, or a cancellation) commits the bid chain's
head into its main-chain link (`change["bid_chain"]`), so `verify()` proves every bid act while
the main chain's head says nothing of how many bids a tender has before its opening.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, text

from zhaocai.audit.deep import Checker, Disagreement, Scope, run_checkers
from zhaocai.store.unit_of_work import GENESIS_HASH, bid_chain_genesis, change_digest, link_hash

# The bid acts. Links written before the bid chains existed are on the main chain.
BID_ACTIONS = ("bid.submit", "bid.replace", "bid.confirm", "bid.withdraw")
# The main-chain acts that may commit a bid chain's head (in `change["bid_chain"]`).
ANCHOR_ACTIONS = ("tender.open", "tender.fail", "tender.cancel")

_COLUMNS = "seq, at, actor_id, action, subject_type, subject_id, change, digest, prev_hash, hash"


@dataclass(frozen=True)
class AuditEvent:
    """One audit link as read back."""

    seq: int
    at: str
    actor_id: str
    action: str
    subject_type: str
    subject_id: str
    change: str
    digest: str
    prev_hash: str
    hash: str
    # The tender whose bid chain holds this link (`seq` then counts on that chain), or None for
    # a link of the main chain.
    bid_chain: str | None = None


@dataclass(frozen=True)
class Verification:
    """The result of `verify()`: ok, how many links were checked, and where it first broke.

    `checked`, `head_seq` and `head_hash` are the main chain's; `bid_links_checked` counts the
    links of every tender's bid chain. A break in a bid chain names its tender
    (`broken_tender`), and `broken_at` is then the seq on that tender's chain.
    A deep verification (`verify(deep=True)`) also says what it cross-checked: `deep` is True,
    `disagreements` lists every state row that differs from the chain (`Disagreement`: table, row
    id, field, what the row says, what the chain says) and `rows_checked` counts the rows read per
    table. `ok` is False when the chain is broken or any row disagrees.
    """

    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    broken_at: int | None = None
    reason: str | None = None
    bid_links_checked: int = 0
    broken_tender: str | None = None
    deep: bool = False
    disagreements: tuple[Disagreement, ...] = ()
    rows_checked: dict[str, int] = field(default_factory=dict)

    @property
    def chain_ok(self) -> bool:
        """Whether the chain itself verified (whatever the state rows say)."""
        return self.broken_at is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (the command line's `--json`)."""
        return {"ok": self.ok, "chain_ok": self.chain_ok, "checked": self.checked, "head_seq": self.head_seq,
                "head_hash": self.head_hash, "broken_at": self.broken_at, "reason": self.reason,
                "bid_links_checked": self.bid_links_checked, "broken_tender": self.broken_tender,
                "deep": self.deep, "rows_checked": dict(self.rows_checked),
                "disagreements": [d.to_dict() for d in self.disagreements]}


def _seq_of(value: Any, fallback: int) -> int:
    return value if type(value) is int else fallback


def _collect_anchor(anchors: dict[str, list[tuple[int, int, str]]], row: tuple[Any, ...]) -> None:
    # The link's digest is already checked, so its change is what the command wrote.
    try:
        change = json.loads(row[6])
    except ValueError:
        return
    head = change.get("bid_chain") if isinstance(change, dict) else None
    if isinstance(head, dict):
        anchors.setdefault(str(row[5]), []).append((int(row[0]), int(head["seq"]), str(head["hash"])))


def bid_links(engine: Engine, tender_id: str) -> list[AuditEvent]:
    """Every bid-act link of one tender, in order (see `AuditLog.bid_links`)."""
    with engine.connect() as conn:
        legacy = [AuditEvent(*row) for row in conn.execute(
            text(f"SELECT {_COLUMNS} FROM audit_event WHERE subject_type = 'bid' AND action IN "
                 "('bid.submit', 'bid.replace', 'bid.confirm', 'bid.withdraw') ORDER BY seq"))
            if _tender_of(row[6]) == tender_id]
        chain = [replace(AuditEvent(*row), bid_chain=tender_id) for row in conn.execute(
            text(f"SELECT {_COLUMNS} FROM bid_link WHERE tender_id = :t ORDER BY seq"), {"t": tender_id})]
    return legacy + chain


def _tender_of(change: Any) -> str | None:
    try:
        value = json.loads(change)
    except (TypeError, ValueError):
        return None
    return value.get("tender_id") if isinstance(value, dict) else None


def link_problem(row: tuple[Any, ...], expected_seq: int, prev: str) -> str | None:
    """Why one stored link breaks the chain, or None. A cell written with the wrong type (a BLOB
    where text is kept, say) is a change like any other, reported and never a crash."""
    seq, at, actor, action, st, sid, change, digest, prev_hash, link = row
    wrong = [name for name, value in zip(_COLUMNS.split(", ")[1:], row[1:], strict=True)
             if not isinstance(value, str)]
    if type(seq) is not int or wrong:
        return f"cells of the wrong type: {', '.join(wrong) or 'seq'} (changed outside a command)"
    if seq != expected_seq:
        return f"sequence {seq} where {expected_seq} was expected (row missing or inserted)"
    if prev_hash != prev:
        return "previous hash does not match the link before (reordered or inserted)"
    if change_digest(change) != digest:
        return "change does not match its digest (changed)"
    if link_hash(seq, at, actor, action, st, sid, digest, prev_hash) != link:
        return "link hash does not match its columns (changed)"
    return None


class AuditLog:
    """The audit trail of one platform: read it, verify it, anchor its head.

    `checkers` are the areas' deep checks (`zhaocai.verification.CHECKERS`, given by
    `Platform.open`): `verify(deep=True)` runs them.
    """

    def __init__(self, engine: Engine, checkers: Sequence[Checker] = ()) -> None:
        self._engine = engine
        self.checkers = tuple(checkers)

    def _rows(self, where: str = "", params: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
        with self._engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=10_000).execute(
                text(f"SELECT {_COLUMNS} FROM audit_event {where} ORDER BY seq"), params or {}
            )
            yield from result

    def events(self, subject_type: str | None = None, subject_id: str | None = None) -> list[AuditEvent]:
        """Audit events, optionally for one subject, in chain order."""
        clauses, params = [], {}
        if subject_type is not None:
            clauses.append("subject_type = :st")
            params["st"] = subject_type
        if subject_id is not None:
            clauses.append("subject_id = :sid")
            params["sid"] = subject_id
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return [AuditEvent(*row) for row in self._rows(where, params)]

    def bid_links(self, tender_id: str) -> list[AuditEvent]:
        """Every bid-act link of one tender, in order: its bid chain (`bid_chain` set to the
        tender), preceded by any bid link a store written before the bid chains existed keeps on
        the main chain (`bid_chain` None). The one way to read them, for any checker."""
        return bid_links(self._engine, tender_id)

    def count(self) -> int:
        """The number of links in the chain."""
        with self._engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM audit_event")).scalar_one())

    def head(self) -> tuple[int, str]:
        """(sequence, hash) of the last link: publish it elsewhere to anchor the chain."""
        with self._engine.connect() as conn:
            row = conn.execute(
                text("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
            ).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)

    def verify(self, expected_head: tuple[int, str] | None = None, *, deep: bool = False) -> Verification:
        """Recompute every digest and link; report the first change, gap, insertion or reorder.

        A truncated tail cannot be seen from the chain alone: pass a previously published
        `expected_head` to detect it too. With `deep`, every state table the checkers know is
        then cross-checked against the chain (see `zhaocai.audit.deep`), one query per table.
        """
        result = self._verify_chain(expected_head)
        if not deep:
            return result
        with self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                # One snapshot for the links and every table read.
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                found = run_checkers(conn, self.checkers, Scope(), chain_verified=result.ok)
        problems = tuple(found.disagreements)
        reason = result.reason
        if problems and reason is None:
            reason = f"{len(problems)} stored value(s) disagree with the audit chain"
        return replace(result, ok=result.ok and not problems, reason=reason, deep=True,
                       disagreements=problems, rows_checked=found.rows_checked)

    def _verify_chain(self, expected_head: tuple[int, str] | None) -> Verification:
        expected_seq = 1
        prev = GENESIS_HASH
        checked = 0
        anchors: dict[str, list[tuple[int, int, str]]] = {}
        for row in self._rows():
            problem = link_problem(row, expected_seq, prev)
            if problem is not None:
                return Verification(False, checked, expected_seq - 1, prev, _seq_of(row[0], expected_seq),
                                    problem)
            if row[3] in ANCHOR_ACTIONS:
                _collect_anchor(anchors, row)
            prev = row[-1]
            expected_seq += 1
            checked += 1
        broken = self._verify_bid_chains(anchors)
        if isinstance(broken, tuple):
            tender_id, at, reason, bid_checked = broken
            return Verification(False, checked, checked, prev, at, f"bid chain of {tender_id}: {reason}",
                                bid_checked, tender_id)
        bid_checked = broken
        if expected_head is not None:
            head_seq, head_hash = expected_head
            if head_seq > checked:
                return Verification(False, checked, checked, prev, checked + 1,
                                    f"chain ends at {checked}, anchored head is {head_seq}", bid_checked)
            if head_seq > 0 and self._hash_at(head_seq) != head_hash:
                return Verification(False, checked, checked, prev, head_seq,
                                    "anchored head hash differs", bid_checked)
        return Verification(True, checked, checked, prev, bid_links_checked=bid_checked)

    def _verify_bid_chains(
        self, anchors: dict[str, list[tuple[int, int, str]]],
    ) -> int | tuple[str, int, str, int]:
        """Check every tender's bid chain and its commitments in the main chain: the number of
        links checked, or (tender, seq, reason, checked) at the first break."""
        checked = 0
        heads: dict[str, tuple[int, str]] = {}
        tender_id = ""
        expected_seq, prev = 1, ""
        with self._engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=10_000).execute(
                text(f"SELECT tender_id, {_COLUMNS} FROM bid_link ORDER BY tender_id, seq"))
            for row in rows:
                if row[0] != tender_id:  # the next tender's chain begins
                    tender_id, expected_seq, prev = str(row[0]), 1, bid_chain_genesis(str(row[0]))
                problem = link_problem(tuple(row[1:]), expected_seq, prev)
                if problem is not None:
                    return tender_id, _seq_of(row[1], expected_seq), problem, checked
                prev = row[-1]
                heads[tender_id] = (expected_seq, prev)
                expected_seq += 1
                checked += 1
        for anchored, commitments in sorted(anchors.items()):
            head = heads.get(anchored, (0, bid_chain_genesis(anchored)))
            for main_seq, seq, digest in commitments:
                if (seq, digest) != head:
                    return (anchored, head[0], f"the head committed in link {main_seq} is {seq}, "
                            f"the chain's head is {head[0]} (bid links added, removed or changed "
                            "after bidding ended)", checked)
        return checked

    def _hash_at(self, seq: int) -> str | None:
        with self._engine.connect() as conn:
            value = conn.execute(
                text("SELECT hash FROM audit_event WHERE seq = :s"), {"s": seq}
            ).scalar()
        return None if value is None else str(value)
