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
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
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
