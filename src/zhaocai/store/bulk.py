"""Bulk inserts of many rows of one table: values bound once per distinct value, one executemany.

An import writes hundreds of thousands of rows whose typed values repeat (the same moment, the
same flags): binding each value through its column type on every row cost more than the
insert. Here each column's bind processor (the same one SQLAlchemy would use, for the dialect
of the connection) runs once per distinct hashable value, and the rows go to the driver in one
executemany of the table's Core insert over untyped columns (`store.driver`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Insert, Table, column, table
from sqlalchemy.engine import Dialect

from zhaocai.store import driver

_INSERTS: dict[tuple[str, tuple[str, ...]], Insert] = {}


def _untyped_insert(target: Table, names: tuple[str, ...]) -> Insert:
    key = (target.name, names)
    found = _INSERTS.get(key)
    if found is None:
        found = _INSERTS[key] = table(target.name, *(column(n) for n in names)).insert()
    return found


def _processor(target: Table, name: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column's bind processor for the dialect; on SQLite a moment is also written as the text
    the driver's own adapter makes of it (`datetime.isoformat(" ")`), so that text is made once per
    distinct moment instead of once per row."""
    process = target.c[name].type.bind_processor(dialect)
    if process is None or dialect.name != "sqlite":
        return process

    def to_text(value: Any) -> Any:
        bound = process(value)
        return bound.isoformat(" ") if type(bound) is datetime else bound

    return to_text


def bound_values(target: Table, rows: Sequence[dict[str, Any]], dialect: Dialect,
                 names: Sequence[str]) -> list[tuple[Any, ...]]:
    """Each row as a tuple in the order of `names`, every value as its column type binds it: each
    column's processor runs once per distinct hashable value (a list or dict is bound each time)."""
    typed: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
        (i, p, {}) for i, n in enumerate(names) if (p := _processor(target, n, dialect)) is not None]
    pick = itemgetter(*names)
    single = len(names) == 1
    out: list[tuple[Any, ...]] = []
    for row in rows:
        try:  # one C call per row; a row lacking a column (written as None) goes name by name
            picked = (pick(row),) if single else pick(row)
        except KeyError:
            picked = tuple(row.get(n) for n in names)
        if not typed:
            out.append(picked)
            continue
        values = list(picked)
        for i, process, seen in typed:
            value = values[i]
            if value is not None:
                try:
                    values[i] = seen[value]
                except KeyError:
                    values[i] = seen[value] = process(value)
                except TypeError:  # unhashable: a JSON document
                    values[i] = process(value)
        out.append(tuple(values))
    return out


def insert_many(connection: Connection, target: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` into `target`: dicts by column name, all with the columns of the first (a
    column none of them names, such as an autoincrementing key, takes its default)."""
    if not rows:
        return
    names = tuple(c.name for c in target.columns if c.name in rows[0])
    driver.executemany_values(connection, _untyped_insert(target, names), names,
                              bound_values(target, rows, connection.dialect, names))
