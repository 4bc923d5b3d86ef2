"""No NUL character reaches the database, on either backend.

PostgreSQL refuses a NUL (U+0000) in text with a raw driver error while SQLite stores it, so the
same input would be refused on one store and kept on the other. Every statement's parameters are
checked before they reach the driver (a C-level substring test per text value, negligible beside
the statement), and a NUL is refused with one coded error on both, before anything is written.
"""

from __future__ import annotations

from typing import Any

from zhaocai.errors import ValidationError


def _has_nul(value: Any) -> bool:
    # Scalars are tested inline and the rows of an executemany are walked without a call each:
    # a bulk insert passes a million values, and a call per value would cost more than the
    # statement. Deeper containers (JSON documents before binding) recurse.
    kind = type(value)
    if kind is str:
        return "\x00" in value
    if kind is dict:
        value = value.values()
    elif kind is not list and kind is not tuple:
        return False
    for item in value:
        kind = type(item)
        if kind is str:
            if "\x00" in item:
                return True
        elif kind is tuple or kind is list or kind is dict:
            for inner in (item.values() if kind is dict else item):
                inner_kind = type(inner)
                if inner_kind is str:
                    if "\x00" in inner:
                        return True
                elif (inner_kind is dict or inner_kind is list or inner_kind is tuple) and _has_nul(inner):
                    return True
    return False


def check_parameters(parameters: Any) -> None:
    """Refuse parameters holding a NUL character (for statements run straight on the driver)."""
    if _has_nul(parameters):
        raise ValidationError(
            "input.nul_character",
            "Text may not contain the NUL character (U+0000)",
            "文本中不得包含空字符（U+0000）",
        )


def refuse_nul(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
    """`before_cursor_execute` listener: refuse parameters holding a NUL character."""
    check_parameters(parameters)
