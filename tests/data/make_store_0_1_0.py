"""Rebuild the 0.1.0 stores the upgrade tests start from (run with the 0.1.0 code, not this one).

    git worktree add /tmp/zc-010 033aa37
    PYTHONPATH=/tmp/zc-010/src .venv/bin/python tests/data/make_store_0_1_0.py postgresql+psycopg://postgres@127.0.0.1:5432/DB

1. store-0.1.0.db: the 0.1.0 demo's store (`python -m zhaocai.demo`), vacuumed.
2. store-0.1.0.postgresql.sql: the same rows in a PostgreSQL store whose tables 0.1.0's
   `Platform.open` created, dumped by pg_dump as plain INSERTs without schema names, so a test
   loads it into any empty schema with one `execute`.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

import zhaocai
from zhaocai.clock import SystemClock
from zhaocai.platform import Platform

HERE = Path(__file__).parent
SQLITE = HERE / "store-0.1.0.db"
DUMP = HERE / "store-0.1.0.postgresql.sql"
SCHEMA = "zc010"


def make_sqlite() -> None:
    """Run the 0.1.0 demo into the SQLite fixture."""
    SQLITE.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as folder:  # the demo writes its exports beside the store
        made = Path(folder) / "store.db"
        subprocess.run([sys.executable, "-m", "zhaocai.demo", "--path", str(made)], check=True,
                       stdout=subprocess.DEVNULL, env=os.environ)
        shutil.copyfile(made, SQLITE)
    with sqlite3.connect(SQLITE) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn = sqlite3.connect(SQLITE)
    conn.execute("VACUUM")
    conn.close()


def make_postgresql(base: str) -> None:
    """Copy the SQLite fixture's rows into 0.1.0's tables on PostgreSQL and dump them."""
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    url = f"{base}?options=-csearch_path%3D{SCHEMA}"
    Platform.open(url, clock=SystemClock()).close()  # 0.1.0 creates its tables
    source = create_engine(f"sqlite:///{SQLITE}")
    target = create_engine(url)
    with source.connect() as read, target.begin() as write:
        for table in SQLModel.metadata.sorted_tables:
            rows = [dict(r._mapping) for r in read.execute(table.select())]
            if rows:
                write.execute(table.insert(), rows)
        for table in SQLModel.metadata.sorted_tables:  # serial keys continue after the copied rows
            for column in table.primary_key.columns:
                if column.autoincrement is True or (column.autoincrement == "auto"
                                                    and len(table.primary_key.columns) == 1
                                                    and column.type.python_type is int):
                    write.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f'coalesce(max("{column.name}"), 1), max("{column.name}") IS NOT NULL) '
                        f'FROM "{table.name}"'))
    source.dispose()
    target.dispose()
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "--inserts",
                           "--rows-per-insert=200", f"--schema={SCHEMA}", plain],
                          check=True, capture_output=True, text=True).stdout
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{SCHEMA}" CASCADE'))
    admin.dispose()
    lines = [line for line in dump.splitlines()
             if not line.startswith(("SET ", "SELECT pg_catalog.set_config", "CREATE SCHEMA",
                                     "--", "\\"))]
    body = re.sub(rf'\b{SCHEMA}\.', "", "\n".join(lines))
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    DUMP.write_text(f"-- zhaocai {zhaocai.__version__ if hasattr(zhaocai, '__version__') else '0.1.0'}"
                    f" store (the 0.1.0 demo's rows), made by tests/data/make_store_0_1_0.py\n"
                    + body, encoding="utf-8")


if __name__ == "__main__":
    if "/zc-010/" not in zhaocai.__file__:
        raise SystemExit("run with PYTHONPATH pointing at the 0.1.0 code (see the docstring)")
    make_sqlite()
    make_postgresql(sys.argv[1])
