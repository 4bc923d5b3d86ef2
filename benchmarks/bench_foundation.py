"""Foundation figures: audit append per transaction, and verify() over a million links."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.harness import Figure, Stopwatch, enrol, raw_sqlite
from zhaocai.actors import Actor, Role
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.store.unit_of_work import GENESIS_HASH, change_digest, link_hash

APPENDS = 2_000
VERIFY_LINKS = 1_000_000
ACTOR = Actor(id="p-wang", name="王采购", roles=frozenset({Role.PURCHASING}))


def measure_audit_append() -> tuple[float, float]:
    """APPENDS commands of one audit link + outbox event each, vs raw inserts of the same rows."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    platform = Platform.open(f"sqlite:///{folder / 'lib.db'}",
                             clock=ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)))
    enrol(platform, ACTOR)
    watch = Stopwatch()
    with watch.timing():
        for i in range(APPENDS):
            def handler(uow: UnitOfWork, i: int = i) -> None:
                uow.record("note.write", "note", f"n{i}", {"i": i}, event="NoteWritten")
            platform.internal.run(ACTOR, "note.write", handler, roles=[Role.PURCHASING])
    platform.close()

    # Floor: the same two rows per transaction, precomputed, through the sqlite3 module.
    with sqlite3.connect(folder / "lib.db") as source:
        audit_rows = source.execute(
            "SELECT * FROM audit_event WHERE action = 'note.write' ORDER BY seq").fetchall()
        outbox_rows = source.execute(
            "SELECT * FROM outbox_event WHERE type = 'NoteWritten' ORDER BY position").fetchall()
        schema = [r[0] for r in source.execute(
            "SELECT sql FROM sqlite_master WHERE type='table' AND name IN ('audit_event','outbox_event')")]
    raw = raw_sqlite(folder / "raw.db")
    for ddl in schema:
        raw.execute(ddl)
    floor = Stopwatch()
    with floor.timing():
        for audit, outbox in zip(audit_rows, outbox_rows, strict=True):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO audit_event VALUES (?,?,?,?,?,?,?,?,?,?)", audit)
            raw.execute("INSERT INTO outbox_event VALUES (?,?,?,?,?,?,?,?)", outbox)
            raw.execute("COMMIT")
    raw.close()
    return watch.seconds, floor.seconds


def measure_verify() -> tuple[float, float]:
    """verify() over VERIFY_LINKS links vs reading the same rows and hashing the same bytes."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    path = folder / "verify.db"
    platform = Platform.open(f"sqlite:///{path}")
    platform.close()
    at = datetime(2026, 3, 2, 1, tzinfo=UTC).isoformat(timespec="microseconds")
    prev = GENESIS_HASH
    rows = []
    for seq in range(1, VERIFY_LINKS + 1):
        change = canonical_json({"i": seq})
        digest = change_digest(change)
        link = link_hash(seq, at, "p-wang", "note.write", "note", f"n{seq}", digest, prev)
        rows.append((seq, at, "p-wang", "note.write", "note", f"n{seq}", change, digest, prev, link))
        prev = link
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO audit_event VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    del rows

    platform = Platform.open(f"sqlite:///{path}")
    watch = Stopwatch()
    with watch.timing():
        result = platform.audit.verify()
    platform.close()
    assert result.ok and result.checked == VERIFY_LINKS, result

    # Floor: raw sqlite3 reads the same columns; hashlib hashes the same bytes (digest and link).
    floor = Stopwatch()
    sha = hashlib.sha256
    with floor.timing():
        conn = sqlite3.connect(path)
        for seq, at_, actor, action, st, sid, change, digest, prev_hash, _link in conn.execute(
            "SELECT * FROM audit_event ORDER BY seq"
        ):
            sha(change.encode()).hexdigest()
            sha("\x1f".join((str(seq), at_, actor, action, st, sid, digest, prev_hash)).encode()).hexdigest()
        conn.close()
    return watch.seconds, floor.seconds


FIGURES = [
    Figure("audit_append", 5.0, measure_audit_append,
           f"{APPENDS} commands, one audit link + outbox event per transaction, vs raw sqlite3 "
           "inserts of the same rows per transaction (WAL, synchronous=FULL on both)"),
    Figure("audit_verify_1m", 2.0, measure_verify,
           f"verify() over {VERIFY_LINKS:,} links vs raw sqlite3 read + hashlib.sha256 of the same bytes"),
]
