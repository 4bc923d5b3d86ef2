"""A deadline rush on PostgreSQL: many suppliers bidding on several tenders at once, from 1, 2, 4
and 8 processes, each with its own platform (a service instance) on one database.

Each figure is the wall time of the rush beside its floor: raw psycopg inserts of the same rows
(the bid row and its bid link, one transaction per bid) from the same number of processes. The
figure also keeps bids per second and the p50/p99 latency of one bid. `bid_rush_pg_scaling`
compares the time per bid with eight processes to that with one: the goal is that throughput
does not fall as processes are added (ratio ≤ 1).

The mixed rush (`mixed_rush_pg_{n}p`) is the same rush with the buyer's staff working on the same
tenders meanwhile: after every `MIXED_EVERY`-th bid its process also publishes a clarification on
that tender (a command that appends to the main audit chain and the outbox). Its floor is the
same raw inserts of the bids alone.

PostgreSQL only: set ZHAOCAI_BENCH_DATABASE_URL (or ZHAOCAI_TEST_DATABASE_URL); every run works
in a throwaway schema, dropped after.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from benchmarks.bench_tenders import CUSTODIANS, KEYS, STAFF, START, _admit, _payload
from benchmarks.harness import Figure, enrol
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.keys.sources import KEY_FILE_ENV
from zhaocai.platform import Platform
from zhaocai.store.engine import normalise_url

PROCESSES = (1, 2, 4, 8)
SUPPLIERS = 48
TENDERS = 8  # SUPPLIERS × TENDERS bids per run: every supplier bids on every tender
_URL = os.environ.get("ZHAOCAI_BENCH_DATABASE_URL") or os.environ.get("ZHAOCAI_TEST_DATABASE_URL")
# One clarification per this many bids in the mixed rush: prime to TENDERS, so that in one process
# the clarifications go round the tenders.
MIXED_EVERY = 9
_RESULTS: dict[tuple[int, bool], dict[str, float]] = {}


@contextmanager
def _schema(base: str) -> Iterator[str]:
    base = normalise_url(base)
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


def _tenders(platform: Platform, clock: ManualClock, count: int) -> list[str]:
    """`count` published tenders, the custodians' keys registered once."""
    tenders = platform.tenders
    for role in ("auditor", "supervisor", "finance"):
        tenders.register_custodian_key(STAFF[role], KEYS[STAFF[role].id].public_key)
    published = []
    for _ in range(count):
        view = tenders.create_draft(STAFF["purchasing"], {
            "title": "rush", "buyer": "津义", "category": "materials", "method": "open_tender",
            "lots": [{"id": "L1", "title": "rebar", "items": [{"name": "rebar", "quantity": "1", "unit": "t"}]}],
            "estimate": "800000", "ceiling_price": "850000", "deadline": clock.now() + timedelta(days=21),
            "custodians": CUSTODIANS, "threshold": 2})
        published.append(tenders.publish(STAFF["purchasing"], view.id).tender.id)
    return published


def _actor(supplier_id: str) -> Actor:
    return Actor(id=f"u-{supplier_id}", name=supplier_id, roles=frozenset({Role.SUPPLIER}), supplier_id=supplier_id)


def _gate(gate: Any) -> None:
    ready, go = gate
    ready.put(1)
    go.wait()


def rush_worker(url: str, jobs: list[tuple[str, str, int]], warm: tuple[str, str], mixed: bool,
                gate: Any) -> list[float]:
    """One service instance: a first bid to warm up, then its share of the rush (in the mixed rush
    with a clarification after every `MIXED_EVERY`-th bid); the latencies of every command."""
    clock = ManualClock(START + timedelta(days=1))
    platform = Platform.open(url, clock=clock)
    try:
        platform.tenders.submit_bid(_actor(warm[0]), warm[1], _payload(0))
        _gate(gate)
        latencies = []
        for n, (supplier_id, tender_id, i) in enumerate(jobs, start=1):
            began = time.perf_counter()
            platform.tenders.submit_bid(_actor(supplier_id), tender_id, _payload(i))
            latencies.append(time.perf_counter() - began)
            if mixed and n % MIXED_EVERY == 0:
                began = time.perf_counter()
                platform.tenders.clarify(STAFF["purchasing"], tender_id, f"Clarification {i}")
                latencies.append(time.perf_counter() - began)
        return latencies
    finally:
        platform.close()


def floor_worker(url: str, rows: list[tuple[tuple[Any, ...], tuple[Any, ...]]], gate: Any) -> int:
    """The floor: plain psycopg, one transaction per bid inserting its bid row and its link."""
    import psycopg

    schema = url.rsplit("search_path%3D", 1)[1]
    dsn = normalise_url(url).replace("postgresql+psycopg://", "postgresql://").split("?")[0]
    with psycopg.connect(dsn, options=f"-csearch_path={schema}") as conn:
        _gate(gate)
        for bid, link in rows:
            with conn.transaction():
                conn.execute(f"INSERT INTO floor_bid VALUES ({','.join(['%s'] * len(bid))})", bid)
                conn.execute(f"INSERT INTO floor_link VALUES ({','.join(['%s'] * len(link))})", link)
    return len(rows)


def _run(ctx: Any, target: Any, args: list[tuple[Any, ...]]) -> tuple[float, list[Any]]:
    """Start every process, wait until each is ready, then time the rush from one start."""
    with ctx.Manager() as manager, ctx.Pool(len(args)) as pool:
        gate = (manager.Queue(), manager.Event())
        pending = pool.starmap_async(target, [(*a, gate) for a in args])
        for _ in args:
            gate[0].get(timeout=600)
        began = time.perf_counter()
        gate[1].set()
        results = pending.get(timeout=3600)
        return time.perf_counter() - began, results


def _rush(processes: int, mixed: bool = False) -> dict[str, float]:
    assert _URL is not None
    # A PostgreSQL store has no default place for the platform's keys: a key file of the run's
    # own, which the spawned service instances inherit through the environment.
    if KEY_FILE_ENV not in os.environ:
        os.environ[KEY_FILE_ENV] = str(Path(tempfile.mkdtemp(prefix="zc-rush-")) / "platform.keys")
    ctx = multiprocessing.get_context("spawn")
    with _schema(_URL) as url:
        clock = ManualClock(START)
        with Platform.open(url, clock=clock) as platform:
            enrol(platform, *STAFF.values())  # the staff act as the people register's
            suppliers = [_admit(platform, 20_000 + i) for i in range(SUPPLIERS)]
            *tenders, warm = _tenders(platform, clock, TENDERS + 1)
            platform.tenders.receipt_verify_key()
        # Supplier after supplier, each on every tender: at any moment the processes are
        # mostly on different tenders, as in a morning when many tenders close.
        jobs = [(s, t, i * TENDERS + j) for i, s in enumerate(suppliers) for j, t in enumerate(tenders)]
        seconds, results = _run(ctx, rush_worker, [(url, jobs[k::processes], (suppliers[k], warm), mixed)
                                                   for k in range(processes)])
        latencies = sorted(x for r in results for x in r)
        engine = create_engine(normalise_url(url))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE floor_bid (LIKE bid INCLUDING ALL)"))
            conn.execute(text("CREATE TABLE floor_link (LIKE bid_link INCLUDING ALL)"))
            bids = {r[0]: tuple(r) for r in conn.execute(text("SELECT * FROM bid WHERE tender_id <> :w"),
                                                         {"w": warm})}
            links = [tuple(r) for r in conn.execute(text(
                "SELECT * FROM bid_link WHERE tender_id <> :w ORDER BY tender_id, seq"), {"w": warm})]
        engine.dispose()
        pairs = [(bids[link[6]], link) for link in links]
        floor, _ = _run(ctx, floor_worker, [(url, pairs[k::processes]) for k in range(processes)])
    count = len(latencies)
    if mixed:
        # Every command counts in the mixed rush's rate and latencies; the floor is the bids'.
        return {"seconds": seconds, "floor": floor, "commands": count, "bids": len(pairs),
                "commands_per_s": round(count / seconds, 1),
                "p50_ms": round(statistics.median(latencies) * 1000, 2),
                "p99_ms": round(latencies[min(count - 1, int(count * 0.99))] * 1000, 2),
                "floor_bids_per_s": round(len(pairs) / floor, 1)}
    return {"seconds": seconds, "floor": floor, "bids": count, "bids_per_s": round(count / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[min(count - 1, int(count * 0.99))] * 1000, 2),
            "floor_bids_per_s": round(count / floor, 1)}


def _measured(processes: int, mixed: bool = False) -> dict[str, float]:
    if (processes, mixed) not in _RESULTS:
        _RESULTS[processes, mixed] = _rush(processes, mixed)
    return _RESULTS[processes, mixed]


def _figure(processes: int, mixed: bool = False) -> Any:
    def measure() -> tuple[float, float, dict[str, object]]:
        found = _measured(processes, mixed)
        return found["seconds"], found["floor"], {
            "processes": processes, **{k: v for k, v in found.items() if k not in ("seconds", "floor")}}
    return measure


def measure_scaling() -> tuple[float, float, dict[str, object]]:
    """Time per bid with 8 processes against time per bid with 1: at most 1 when throughput holds."""
    one, eight = _measured(1), _measured(8)
    per_bid = {n: _measured(n)["seconds"] / _measured(n)["bids"] for n in PROCESSES}
    return eight["seconds"] / eight["bids"], one["seconds"] / one["bids"], {
        "bids_per_s": {str(n): _measured(n)["bids_per_s"] for n in PROCESSES},
        "floor_bids_per_s": {str(n): _measured(n)["floor_bids_per_s"] for n in PROCESSES},
        "p50_ms": {str(n): _measured(n)["p50_ms"] for n in PROCESSES},
        "p99_ms": {str(n): _measured(n)["p99_ms"] for n in PROCESSES},
        "seconds_per_bid": {str(n): round(v, 6) for n, v in per_bid.items()}}


FIGURES = [] if _URL is None else [
    *[Figure(f"bid_rush_pg_{n}p", 12.0, _figure(n),
             f"deadline rush on PostgreSQL, {n} process(es): {SUPPLIERS} suppliers × {TENDERS} tenders, one "
             "command per bid, vs raw psycopg inserts of the same bid and bid-link rows from as many processes")
      for n in PROCESSES],
    *[Figure(f"mixed_rush_pg_{n}p", 16.0, _figure(n, mixed=True),
             f"deadline rush with the buyer at work, {n} process(es): {SUPPLIERS} suppliers × {TENDERS} tenders "
             f"and a clarification on the tender after every {MIXED_EVERY}th bid, vs raw psycopg inserts of the bids")
      for n in PROCESSES],
    Figure("bid_rush_pg_scaling", 1.0, measure_scaling,
           "time per bid in the rush with 8 processes vs with 1 (throughput must not fall as processes are added)"),
]
