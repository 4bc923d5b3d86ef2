"""The sunshine portal's tests: a store with every kind of public fact,
the portal started on a free loopback port, and a public database's content for comparisons."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.kit.ocds import KINDS
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.publish.public_db import FTS_TABLES
from zhaocai.testing.builder import build_tender
from zhaocai.testing.evaluation import LOWEST
from zhaocai.testing.suppliers import register_admitted_supplier
from zhaocai.testing.tender import published

RELATED = {"legal_representative_id": "330782198811117777", "bank_account": "6228480399887766554"}
BANNED = "义乌劣质钢材贸易行"
OPEN_TITLES = ("3号楼脚手架劳务分包", "商品混凝土C30供应（二期）", "QTZ80塔吊租赁及安拆")
REBAR = "HRB400E钢筋采购（第二批）"


def sunshine_store(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> dict[str, Any]:
    """A blacklisted supplier, an awarded tender with contracts, an opened tender whose related
    bidders raise a red flag, and three tenders still open; returns their ids."""
    banned = register_admitted_supplier(platform, actors, name=BANNED)
    request = platform.suppliers.propose_blacklist(actors["purchasing"], banned, "伪造质保书 falsified mill certificates",
                                                   evidence=["质检报告 ZJ-2026-0211"], ban_days=365)
    platform.suppliers.approve_blacklist(actors["supervisor"], request.id)
    bidders = [register_admitted_supplier(platform, actors, name="义乌钢联建材有限公司"),
               register_admitted_supplier(platform, actors, name="义乌关联甲建材有限公司", **RELATED),
               register_admitted_supplier(platform, actors, name="义乌关联乙建材有限公司",
                                          **{**RELATED, "bank_account": "6228480399887766553"})]
    rebar = build_tender(platform, clock, "opened", suppliers=bidders, lots=2, evaluation=LOWEST,
                         bid_security="40000.00", prices=[f"{1_900_000 + n * 12_345}.00" for n in range(3)],
                         title=REBAR, buyer="浙江津义建设有限公司")
    awarded = build_tender(platform, clock, **KINDS["awarded_contract"])  # awarded about ten days before the end
    open_ids = []
    for n, title in enumerate(OPEN_TITLES):
        open_ids.append(published(platform, actors, clock, title=title, buyer="浙江津义建设有限公司",
                                  deadline=clock.now() + timedelta(days=21 + 5 * n)).tender.id)
    return {"awarded": awarded.tender_id, "rebar": rebar.tender_id, "open": open_ids, "banned": banned,
            "bidders": bidders}


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def portal(public: Path, log: Path) -> Iterator[str]:
    """`zhaocai sunshine serve --no-refresh` on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "zhaocai.cli", "sunshine", "serve", "--public", str(public), "--no-refresh",
             "--host", "127.0.0.1", "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the portal did not start: {log.read_text(encoding='utf-8')}")
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, and each search row with the row it indexes: the file's content."""
    with closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%'")]
        out = {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        for fts, (source, _, _) in FTS_TABLES.items():
            out[fts] = sorted(conn.execute(f'SELECT s.*, f.* FROM "{fts}" f JOIN "{source}" s '
                                           "ON s.rowid = f.rowid").fetchall(), key=repr)
            assert conn.execute(f'SELECT count(*) FROM "{fts}"').fetchone()[0] == len(out[fts])
    out["meta"] = [r for r in out["meta"] if r[0] != "generated_at"]
    return out
