"""Supplier register figures: bulk import of 100,000 suppliers, and closing a performance period
over 100,000 suppliers and 1,000,000 events."""

from __future__ import annotations

import random
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from benchmarks.harness import Figure, Stopwatch, enrol
from zhaocai.actors import Actor, Role
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character
from zhaocai.platform import Platform

SUPPLIERS = 100_000
EVENTS = 1_000_000
ACTOR = Actor(id="p-wang", name="王采购", roles=frozenset({Role.PURCHASING}))
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
FAR_AHEAD = datetime(2040, 1, 1, tzinfo=UTC)


def _credit_code(seed: int) -> str:
    body = "".join(CREDIT_CODE_CHARSET[(seed // 31 ** i) % 31] for i in range(9))
    first17 = "91330782" + body
    return first17 + credit_code_check_character(first17)


def _rows(n: int) -> list[dict[str, Any]]:
    """n application rows as an ERP would export them (nested contacts and qualifications)."""
    return [{
        "credit_code": _credit_code(i), "name": f"供应商{i}", "legal_representative": f"法人{i}",
        "legal_representative_id": f"3307821980{i:08d}", "address": f"浙江省义乌市工业路{i}号",
        "contacts": [{"name": f"联系人{i}", "phone": f"139{i:08d}", "email": f"s{i}@example.cn"}],
        "bank_name": "义乌农商银行", "bank_account": f"6228{i:012d}", "categories": ["materials"],
        "ceiling": "800000",
        "qualifications": [{"type": "business_licence", "grade": "", "number": f"BL-{i}",
                            "issuer": "义乌市市场监督管理局", "valid_from": LONG_AGO.isoformat(),
                            "valid_until": FAR_AHEAD.isoformat()}],
    } for i in range(n)]


def measure_import() -> tuple[float, float]:
    """import_suppliers of SUPPLIERS rows (validated, hashed, five tables) vs sqlite-utils
    insert_all of the same rows into one table."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    rows = _rows(SUPPLIERS)
    platform = Platform.open(f"sqlite:///{folder / 'lib.db'}",
                             clock=ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)))
    enrol(platform, ACTOR)
    watch = Stopwatch()
    with watch.timing():
        report = platform.suppliers.import_suppliers(ACTOR, rows)
    platform.close()
    assert report.ok and report.imported == SUPPLIERS, report.errors[:3]

    db = sqlite_utils.Database(folder / "floor.db")
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute("PRAGMA synchronous=FULL")
    floor = Stopwatch()
    with floor.timing(), db.conn:
        db["supplier"].insert_all(rows, batch_size=1000)
    db.close()
    return watch.seconds, floor.seconds


_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


def _seed_period_store(path: Path) -> None:
    """SUPPLIERS admitted suppliers and EVENTS events in February 2026, by raw bulk inserts."""
    platform = Platform.open(f"sqlite:///{path}")
    platform.close()
    rng = random.Random(7)
    now = datetime(2026, 1, 15, tzinfo=UTC).strftime(_SQLITE_TIME)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO supplier (id, credit_code, name, legal_representative, address, contacts, "
        "bank_name, bank_account, ceiling_fen, admission, standing, round, registered_by, "
        "registered_at) VALUES (?, ?, ?, '', '', '[]', '', '', 80000000, 'admitted', 'active', 1, "
        "'bench', ?)",
        ((f"sup-{i:08d}", _credit_code(i), f"供应商{i}", now) for i in range(SUPPLIERS)))
    kinds = (["on_time_delivery"] * 90 + ["late_delivery"] * 4 + ["quality_defect"] * 3
             + ["service_complaint"] * 2 + ["safety_incident"])
    start = datetime(2026, 1, 31, 16, tzinfo=UTC).timestamp()

    def events() -> Any:
        for n in range(EVENTS):
            supplier = n % SUPPLIERS
            at = datetime.fromtimestamp(start + rng.randrange(27 * 86400), UTC)
            yield (f"sup-{supplier:08d}", f"HT-{n // 10}", rng.choice(kinds), rng.randint(1, 5),
                   at.strftime(_SQLITE_TIME), "bench", "")

    conn.executemany(
        "INSERT INTO supplier_performance_event (supplier_id, contract_id, kind, severity, "
        "occurred_at, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)", events())
    conn.execute("COMMIT")
    conn.close()


def measure_period_close() -> tuple[float, float]:
    """close_period over SUPPLIERS suppliers and EVENTS events (scorecards, grades, standing
    consequences, audit) vs one raw GROUP BY aggregating the same events."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    path = folder / "period.db"
    _seed_period_store(path)
    platform = Platform.open(f"sqlite:///{path}",
                             clock=ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)))
    enrol(platform, ACTOR)
    watch = Stopwatch()
    with watch.timing():
        closed = platform.suppliers.close_period(ACTOR, "month", "2026-02")
    platform.close()
    assert closed.scored == SUPPLIERS, closed

    conn = sqlite3.connect(path)
    floor = Stopwatch()
    lo = datetime(2026, 1, 31, 16, tzinfo=UTC).strftime(_SQLITE_TIME)
    hi = datetime(2026, 2, 28, 16, tzinfo=UTC).strftime(_SQLITE_TIME)
    with floor.timing():
        rows = conn.execute(
            "SELECT supplier_id, count(*), "
            "sum(CASE kind WHEN 'late_delivery' THEN 5 * severity ELSE 0 END), "
            "sum(CASE kind WHEN 'quality_defect' THEN 6 * severity ELSE 0 END), "
            "sum(CASE kind WHEN 'safety_incident' THEN 10 * severity ELSE 0 END), "
            "sum(CASE kind WHEN 'service_complaint' THEN 4 * severity ELSE 0 END), "
            "sum(CASE kind WHEN 'compliance_breach' THEN 10 * severity ELSE 0 END) "
            "FROM supplier_performance_event WHERE occurred_at >= ? AND occurred_at < ? "
            "GROUP BY supplier_id", (lo, hi)).fetchall()
    conn.close()
    assert len(rows) == SUPPLIERS
    return watch.seconds, floor.seconds


FIGURES = [
    Figure("supplier_import", 3.0, measure_import,
           f"import {SUPPLIERS:,} supplier applications (validated, identity hashes, 5 tables, one "
           "audit event) vs sqlite-utils insert_all of the same rows"),
    Figure("period_close", 2.0, measure_period_close,
           f"close a month over {SUPPLIERS:,} suppliers and {EVENTS:,} events (scorecards, grades, "
           "suspensions with audit) vs one raw GROUP BY"),
]
