"""A small benchmark harness: each figure is timed beside its floor, measured in the same run.

A figure is a function returning `(seconds, floor_seconds)`, or `(seconds, floor_seconds, extra)`
where `extra` holds further numbers to keep with it (throughput, latencies); the harness prints
one line per figure and writes `benchmarks/results.json` with the ratio and whether it met its
goal.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from zhaocai.actors import Actor, Role
from zhaocai.people import enrol_staff
from zhaocai.platform import Platform

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Figure:
    """One benchmark: its name, the largest ratio allowed, and the function that measures it."""

    name: str
    goal: float
    measure: Callable[[], tuple[float, float] | tuple[float, float, dict[str, object]]]
    description: str = ""


class Stopwatch:
    """Accumulates wall time over `with watch.timing():` blocks."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def timing(self) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - start


BENCH_ADMIN = Actor(id="bench-adm", name="基准管理员", roles=frozenset({Role.ADMINISTRATOR}))
BENCH_SUPERVISOR = Actor(id="bench-sup", name="基准纪检", roles=frozenset({Role.SUPERVISOR}))


def enrol(platform: Platform, *people: Actor) -> None:
    """Record the benchmark's people in the store's people register (setup, not measured): the
    register is founded by the benchmark's administrator and supervisor, who grant the roles."""
    enrol_staff(platform, people, administrator=BENCH_ADMIN, supervisor=BENCH_SUPERVISOR)


def raw_sqlite(path: Path) -> sqlite3.Connection:
    """A floor's plain sqlite3 connection, with the library's durability settings (WAL, FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def best_of(repeats: int, measure: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """The best time of each side over `repeats` runs: less noise on a busy machine."""
    runs = [measure() for _ in range(repeats)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def run_figures(figures: list[Figure], only: str | None = None) -> list[dict[str, object]]:
    """Run the figures (or those named in `only`, comma-separated), print a line each, write
    results.json."""
    names = None if only is None else set(only.split(","))  # one name, or several with commas
    chosen = [f for f in figures if names is None or f.name in names]
    if only is not None and not chosen:
        raise SystemExit(f"no benchmark named {only!r}; known: {', '.join(f.name for f in figures)}")
    previous: dict[str, dict[str, object]] = {}
    if RESULTS.exists():
        previous = {r["name"]: r for r in json.loads(RESULTS.read_text())}
    for figure in chosen:
        measured = figure.measure()
        seconds, floor = measured[0], measured[1]
        extra: dict[str, object] = measured[2] if len(measured) > 2 else {}  # type: ignore[misc]
        ratio = seconds / floor if floor > 0 else float("inf")
        result = {
            "name": figure.name,
            "seconds": round(seconds, 6),
            "floor_seconds": round(floor, 6),
            "ratio": round(ratio, 3),
            "goal": figure.goal,
            "met": ratio <= figure.goal,
            "description": figure.description,
            **extra,
        }
        previous[figure.name] = result
        mark = "met" if result["met"] else "NOT met"
        print(f"{figure.name:<28} {seconds:10.3f}s  floor {floor:10.3f}s  "
              f"ratio {ratio:6.2f}×  goal ≤{figure.goal}×  {mark}", flush=True)
    ordered = [previous[f.name] for f in figures if f.name in previous]
    ordered += [r for n, r in previous.items() if n not in {f.name for f in figures}]
    RESULTS.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n")
    return ordered
