"""Incremental refresh of the public database: one transaction, in place, idempotent.

The file is in WAL mode; a refresh takes the write lock (BEGIN IMMEDIATE), upserts each row by its
primary key (`INSERT … ON CONFLICT DO UPDATE`, so a row keeps its rowid and its search entry),
leaves identical rows alone, deletes the rows that are no longer public, brings the search tables
in line and commits. A reader (Datasette, sqlite3) sees the content before or after, never a mix.
Refreshing twice with the same facts changes nothing. Deleted content leaves no bytes behind
(secure_delete, the search index merged after a deletion, a checkpoint after the commit).

The schema (tables from `SCHEMAS` with `FOREIGN_KEYS`, search tables from `FTS_TABLES`) has a
digest kept in the `meta` table; a file of another schema (an earlier version) has its tables
dropped and created anew inside the same transaction.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from zhaocai.publish.public_db import FOREIGN_KEYS, FTS_TABLES, SCHEMAS

SCHEMA_KEY = "schema_digest"


def schema_sql() -> list[str]:
    """The CREATE statements of the public database (tables first, search tables last)."""
    import sqlite_utils

    ddl = sqlite_utils.Database(memory=True)  # sqlite-utils checks that linked tables exist
    statements = []
    waiting = list(SCHEMAS)
    while waiting:
        name = next(n for n in waiting if all(
            other in ddl.table_names() or other == n for _, other, _ in FOREIGN_KEYS.get(n, [])))
        columns, pk = SCHEMAS[name]
        statements.append(ddl.create_table_sql(name, dict(columns), pk=pk or None,
                                               foreign_keys=FOREIGN_KEYS.get(name) or None))
        ddl.execute(statements[-1])
        waiting.remove(name)
    for fts, (_, searched, _) in FTS_TABLES.items():
        cols = ", ".join(f'"{c}"' for c in searched)
        statements.append(f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({cols}, tokenize='unicode61', "
                          f"prefix='1 2')")
    return statements


def schema_digest(statements: Sequence[str]) -> str:
    """A digest of the CREATE statements: a file whose digest differs is rebuilt."""
    return hashlib.sha256("\n".join(statements).encode("utf-8")).hexdigest()[:16]


def _keys(name: str) -> tuple[str, ...]:
    pk = SCHEMAS[name][1]
    if pk is None:
        raise ValueError(f"table {name} has no primary key")
    return (pk,) if isinstance(pk, str) else tuple(pk)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reset(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    """Drop whatever tables the file holds and create the current schema (inside the transaction)."""
    virtual = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
    for name in virtual:
        conn.execute(f"DROP TABLE {_q(name)}")
    for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall():
        conn.execute(f"DROP TABLE {_q(name)}")
    for statement in statements:
        conn.execute(statement)


def _sync_table(conn: sqlite3.Connection, name: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert the changed rows of one table and delete the ones gone; return the rows written."""
    columns = list(SCHEMAS[name][0])
    keys = _keys(name)
    at = [columns.index(k) for k in keys]
    existing = {tuple(r[i] for i in at): tuple(r) for r in conn.execute(
        f"SELECT {', '.join(map(_q, columns))} FROM {_q(name)}")}
    wanted = {}
    for row in rows:
        values = tuple(row.get(c) for c in columns)
        wanted[tuple(values[i] for i in at)] = values
    where = " AND ".join(f"{_q(k)} = ?" for k in keys)
    gone = [key for key in existing if key not in wanted]
    conn.executemany(f"DELETE FROM {_q(name)} WHERE {where}", gone)
    others = [c for c in columns if c not in keys]
    update = (f"DO UPDATE SET {', '.join(f'{_q(c)} = excluded.{_q(c)}' for c in others)}"
              if others else "DO NOTHING")
    changed = [values for key, values in wanted.items() if existing.get(key) != values]
    conn.executemany(f"INSERT INTO {_q(name)} ({', '.join(map(_q, columns))}) "
                     f"VALUES ({', '.join('?' * len(columns))}) "
                     f"ON CONFLICT ({', '.join(map(_q, keys))}) {update}", changed)
    return len(gone) + len(changed)


def _sync_search(conn: sqlite3.Connection, fts: str,
                 documents: Mapping[tuple[Any, ...], tuple[str, ...]]) -> int:
    """Bring one search table in line with its source rows' words (rowid = the source row's rowid)."""
    source, searched, _ = FTS_TABLES[fts]
    keys = _keys(source)
    rowids = {tuple(r[1:]): r[0] for r in conn.execute(
        f"SELECT rowid, {', '.join(map(_q, keys))} FROM {_q(source)}")}
    wanted = {rowids[key]: words for key, words in documents.items()}
    existing = {r[0]: tuple(r[1:]) for r in conn.execute(
        f"SELECT rowid, {', '.join(map(_q, searched))} FROM {_q(fts)}")}
    stale = [(rowid,) for rowid, words in existing.items() if wanted.get(rowid) != words]
    conn.executemany(f"DELETE FROM {_q(fts)} WHERE rowid = ?", stale)
    fresh = [(rowid, *words) for rowid, words in wanted.items() if existing.get(rowid) != words]
    conn.executemany(f"INSERT INTO {_q(fts)} (rowid, {', '.join(map(_q, searched))}) "
                     f"VALUES (?{', ?' * len(searched)})", fresh)
    if stale:  # FTS5 keeps deleted words in old index segments until they are merged: merge them
        conn.execute(f"INSERT INTO {_q(fts)} ({_q(fts)}) VALUES ('optimize')")
    return len(stale) + len(fresh)


def refresh(path: Path, rows: Mapping[str, Sequence[Mapping[str, Any]]],
            documents: Mapping[str, Mapping[tuple[Any, ...], tuple[str, ...]]]) -> int:
    """Bring the file at `path` to exactly `rows` (and their search words) in one transaction.

    Returns how many rows were written or deleted (0 when nothing changed).
    """
    statements = schema_sql()
    digest = schema_digest(statements)
    meta = [*rows.get("meta", []), {"key": SCHEMA_KEY, "value": digest}]
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA secure_delete = ON")  # what is deleted leaves no bytes behind
        conn.execute("BEGIN IMMEDIATE")
        try:
            stored = None
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                found = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
                stored = found[0] if found else None
            if stored != digest:
                _reset(conn, statements)
            written = sum(_sync_table(conn, name, meta if name == "meta" else rows.get(name, []))
                          for name in SCHEMAS)
            written += sum(_sync_search(conn, fts, documents.get(fts, {})) for fts in FTS_TABLES)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # into the main file, as far as readers allow
    finally:
        conn.close()
    return written
