"""Bulk inserts of many rows of one table: values bound once per distinct value, one executemany.

An import writes hundreds of thousands of rows whose typed values repeat (the same moment, the
same flags): binding each value through its column type on every row cost more than the
insert. Here each column's bind processor (the same one SQLAlchemy would use, for the dialect
of the connection) runs once per distinct hashable value, and the rows go to the driver in one
executemany of the table's Core insert over untyped columns (`store.driver`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def _binder(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`processor`, remembered per hashable value (a list or dict is bound each time)."""
    seen: dict[Any, Any] = {}

    def bind(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = bound = processor(value)
            return bound
        except TypeError:  # unhashable: a JSON document
            return processor(value)

    return bind


def bound_values(target: Table, rows: Sequence[dict[str, Any]], dialect: Dialect,
                 names: Sequence[str]) -> list[tuple[Any, ...]]:
    """Each row as a tuple in the order of `names`, every value as its column type binds it."""
    binders = [_binder(p) if (p := target.c[n].type.bind_processor(dialect)) is not None else None
               for n in names]
    typed = [(i, b) for i, b in enumerate(binders) if b is not None]
    out = []
    for row in rows:
        values = [row.get(n) for n in names]
        for i, bind in typed:
            value = values[i]
            if value is not None:
                values[i] = bind(value)
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
