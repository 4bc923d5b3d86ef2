"""PostgreSQL: every command on one tender locks only that tender. A clarification on one tender
does not wait for a command in flight on another; one on the same tender waits for it; a
platform-wide command waits for every tender command in flight. Processes mixing bids and
clarifications on several tenders with platform-wide commands keep the audit chain one line, and
the outbox in the chain's order."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text

from tests.kit import ACTORS, bidders, payload, published, register_cast
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork

ROUNDS = 4


def _in_thread(call: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(call()), daemon=True)
    thread.start()
    return thread, done


def test_a_tender_command_waits_only_for_commands_on_its_own_tender(
        backend: str, db_url: str, clock: ManualClock) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has one writer at a time: every command waits for the one in flight")
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        buyer = ACTORS["purchasing"]
        first, second = published(platform, ACTORS, clock), published(platform, ACTORS, clock)
        runner = platform.internal
        # A command on the first tender in flight: it holds the tender's row, its link kept for
        # its commit (the chain lock is not held meanwhile).
        with UnitOfWork(runner.engine, buyer, "note.write", clock.now(), tender_id=first.tender.id) as held:
            held.record("note.write", "note", "held", {"tender_id": first.tender.id})
            other, other_done = _in_thread(lambda: platform.tenders.clarify(
                buyer, second.tender.id, "Lot 1: HRB400E only"))
            other.join(timeout=30)
            assert other_done and other_done[0].tender_id == second.tender.id  # did not wait
            same, same_done = _in_thread(lambda: platform.tenders.clarify(
                buyer, first.tender.id, "Lot 1: delivery to the east gate"))
            wide, wide_done = _in_thread(platform.tick)
            same.join(timeout=1.0)
            wide.join(timeout=0.5)
            assert not same_done and not wide_done  # both wait for the command in flight
        same.join(timeout=30)
        wide.join(timeout=30)
        assert same_done and wide_done
        with runner.engine.connect() as conn:
            order = [r[0] for r in conn.execute(text(
                "SELECT subject_id FROM audit_event WHERE action IN ('note.write', 'tender.clarification') "
                "ORDER BY seq"))]
        # The held command appended its link at its commit: after the other tender's command.
        assert order == [second.tender.id, "held", first.tender.id]
        assert platform.audit.verify().ok


def mixed_worker(url: str, at: str, tender_id: str | None, bidder: Actor | None, worker: int) -> int:
    """One process: on its tender, clarifications and bids in turn; without a tender, platform-wide
    commands (notes and ticks). Returns the commands it ran."""
    from tests.kit import payload as bid_payload

    platform = Platform.open(url, ManualClock(datetime.fromisoformat(at)))
    try:
        for i in range(ROUNDS):
            if tender_id is None:
                def note(uow: UnitOfWork, i: int = i) -> None:
                    uow.record("note.write", "note", f"w{worker}-{i}", {"i": i}, event="NoteWritten")
                platform.internal.run(ACTORS["purchasing"], "note.write", note, roles=[Role.PURCHASING])
                platform.tick()
            else:
                assert bidder is not None
                platform.tenders.clarify(ACTORS["purchasing"], tender_id, f"Clarification {worker}-{i}")
                platform.tenders.submit_bid(bidder, tender_id, bid_payload(f"{1_500_000 + i}.00"))
        return ROUNDS * 2
    finally:
        platform.close()


def test_a_mix_of_tender_and_platform_commands_from_processes_keeps_one_chain(
        backend: str, db_url: str, clock: ManualClock) -> None:
    if backend != "postgresql":
        pytest.skip("the race is PostgreSQL's: SQLite serialises every command")
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        suppliers = bidders(platform, ACTORS, 3)
        tenders = [published(platform, ACTORS, clock).tender.id for _ in suppliers]
        platform.tenders.receipt_verify_key()
        platform.tenders.submit_bid(suppliers[0], tenders[0], payload("1400000.00"))  # warm the receipt key
        base = platform.audit.count()
    jobs = [(db_url, clock.now().isoformat(), t, s, k) for k, (t, s) in enumerate(zip(tenders, suppliers, strict=True))]
    jobs.append((db_url, clock.now().isoformat(), None, None, len(jobs)))
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        assert sum(pool.starmap(mixed_worker, jobs)) == len(jobs) * ROUNDS * 2
    with Platform.open(db_url, clock=clock) as platform:
        result = platform.audit.verify(deep=True)
        assert result.ok, result
        # Clarifications and notes on the main chain (bids go to their tenders' own chains).
        assert result.checked >= base + len(tenders) * ROUNDS + ROUNDS
        for tender_id in tenders:
            assert len(platform.audit.bid_links(tender_id)) >= ROUNDS
        events = platform.events.read(limit=10_000)
        # Outbox positions follow the chain: commit order is the same in both.
        seqs = [e.audit_seq for e in events]
        assert seqs == sorted(seqs)
