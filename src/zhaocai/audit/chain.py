"""Reading and verifying the hash-chained audit log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text

from zhaocai.audit.deep import Checker, Disagreement, Scope, run_checkers
from zhaocai.store.unit_of_work import GENESIS_HASH, change_digest, link_hash

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


@dataclass(frozen=True)
class Verification:
    """The result of `verify()`: ok, how many links were checked, and where it first broke.

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
                "deep": self.deep, "rows_checked": dict(self.rows_checked),
                "disagreements": [d.to_dict() for d in self.disagreements]}


def _seq_of(value: Any, fallback: int) -> int:
    return value if type(value) is int else fallback


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
        return Verification(result.ok and not problems, result.checked, result.head_seq, result.head_hash,
                            result.broken_at, reason, True, problems, found.rows_checked)

    def _verify_chain(self, expected_head: tuple[int, str] | None) -> Verification:
        expected_seq = 1
        prev = GENESIS_HASH
        checked = 0
        for row in self._rows():
            problem = link_problem(row, expected_seq, prev)
            if problem is not None:
                return Verification(False, checked, expected_seq - 1, prev, _seq_of(row[0], expected_seq),
                                    problem)
            prev = row[-1]
            expected_seq += 1
            checked += 1
        if expected_head is not None:
            head_seq, head_hash = expected_head
            if head_seq > checked:
                return Verification(False, checked, checked, prev, checked + 1,
                                    f"chain ends at {checked}, anchored head is {head_seq}")
            if head_seq > 0 and self._hash_at(head_seq) != head_hash:
                return Verification(False, checked, checked, prev, head_seq,
                                    "anchored head hash differs")
        return Verification(True, checked, checked, prev)

    def _hash_at(self, seq: int) -> str | None:
        with self._engine.connect() as conn:
            value = conn.execute(
                text("SELECT hash FROM audit_event WHERE seq = :s"), {"s": seq}
            ).scalar()
        return None if value is None else str(value)
