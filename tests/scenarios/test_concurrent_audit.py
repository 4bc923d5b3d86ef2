"""Appends from several processes at once never fork the audit chain."""

from __future__ import annotations

import multiprocessing

from tests.kit import append_notes, register_cast
from zhaocai.platform import Platform

WORKERS = 4
PER_WORKER = 30


def test_concurrent_appends_from_processes_keep_one_chain(db_url: str) -> None:
    with Platform.open(db_url) as platform:  # create the tables once, before the race
        register_cast(platform)
        base = platform.audit.count()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(WORKERS) as pool:
        done = pool.starmap(append_notes, [(db_url, w, PER_WORKER) for w in range(WORKERS)])
    assert sum(done) == WORKERS * PER_WORKER
    with Platform.open(db_url) as platform:
        result = platform.audit.verify()
        assert result.ok, result
        assert result.checked == base + WORKERS * PER_WORKER
        events = platform.events.read(limit=1000, types=["NoteWritten"])
        # Outbox positions follow the chain: commit order is the same in both.
        assert [e.audit_seq for e in events] == list(range(base + 1, base + WORKERS * PER_WORKER + 1))
        subjects = {e.subject_id for e in events}
        assert len(subjects) == WORKERS * PER_WORKER
