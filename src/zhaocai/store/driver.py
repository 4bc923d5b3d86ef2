"""Fixed Core statements run straight through the driver, for the hottest paths.

Only for statements whose parameters need no conversion (text and integers): the statement is
compiled once per dialect and executed with the DBAPI cursor of the command's connection (so in
its transaction), without SQLAlchemy's per-execution bookkeeping; the parameters still pass the
NUL check every statement gets (`text_guard`). A statement with a parameter
that would need converting is refused when it is first compiled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from zhaocai.store.text_guard import check_parameters

_Compiled = tuple[str, tuple[str, ...] | None]
_CACHE: WeakKeyDictionary[Dialect, dict[tuple[ClauseElement, tuple[str, ...]], _Compiled]] = (
    WeakKeyDictionary())


def compiled(dialect: Dialect, statement: ClauseElement, columns: Sequence[str] = ()) -> _Compiled:
    """(SQL text, parameter order for a positional driver or None for named parameters).

    Meant for statements built once at module level: each is cached per dialect.
    """
    per_dialect = _CACHE.setdefault(dialect, {})
    key = (statement, tuple(columns))
    found = per_dialect.get(key)
    if found is None:
        result = statement.compile(dialect=dialect, column_keys=list(columns) or None)
        assert isinstance(result, SQLCompiler)
        for name, bind in result.binds.items():
            if bind.type.bind_processor(dialect) is not None:
                raise TypeError(f"parameter {name!r} needs converting; run this statement through SQLAlchemy")
        order = tuple(result.positiontup or ()) if result.positional else None
        found = per_dialect[key] = (result.string, order)
    return found


def execute(connection: Connection, statement: ClauseElement, params: dict[str, Any],
            columns: Sequence[str] = ()) -> None:
    """Run `statement` once with `params` on the connection's driver cursor."""
    sql, order = compiled(connection.dialect, statement, columns)
    check_parameters(params)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params if order is None else tuple(params[k] for k in order))
    finally:
        cursor.close()


def executemany(connection: Connection, statement: ClauseElement, rows: list[dict[str, Any]],
                columns: Sequence[str] = ()) -> None:
    """Run `statement` once per row of `rows` with the driver's executemany."""
    sql, order = compiled(connection.dialect, statement, columns)
    check_parameters(rows)
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(sql, rows if order is None else [tuple(r[k] for k in order) for r in rows])
    finally:
        cursor.close()


def fetchall(connection: Connection, statement: ClauseElement,
             params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Run the query `statement` with `params`; the driver's own rows (no result types applied:
    the caller converts any column that needs it)."""
    sql, order = compiled(connection.dialect, statement)
    check_parameters(params)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params if order is None else tuple(params[k] for k in order))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def executemany_values(connection: Connection, statement: ClauseElement, columns: Sequence[str],
                       rows: list[tuple[Any, ...]]) -> None:
    """`executemany` with each row given as its values in the order of `columns` (no dict per row:
    for the largest writes, such as a score sheet's tens of thousands of points)."""
    sql, order = compiled(connection.dialect, statement, columns)
    if order is None:
        params: list[Any] = [dict(zip(columns, row, strict=True)) for row in rows]
    elif order == tuple(columns):
        params = rows
    else:
        where = [columns.index(name) for name in order]
        params = [tuple(row[i] for i in where) for row in rows]
    check_parameters(rows)
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()
