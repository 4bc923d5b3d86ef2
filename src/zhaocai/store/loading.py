"""Loading one row by its key, or the typed refusal that it does not exist."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlmodel import Session

from zhaocai.errors import NotFoundError

Row = TypeVar("Row")


def load_row(session: Session, table: type[Row], key: Any, code: str, en: str, zh: str,
             details: Mapping[str, Any]) -> Row:
    """The row of `table` whose primary key is `key`, or `NotFoundError(code, en, zh, details)`."""
    row = session.get(table, key)
    if row is None:
        raise NotFoundError(code, en, zh, dict(details))
    return row
