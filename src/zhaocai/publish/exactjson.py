"""JSON with exact numbers: `Decimal` amounts are written as JSON numbers, digit for digit.

OCDS wants amounts as numbers. Python's `json` can only write a number through `float`, which
would turn 0.1 + 0.2 into 0.30000000000000004; here a Decimal is written from its own string
form, and read back (`loads`) as a Decimal again. No float arithmetic happens anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.errors import ValidationError


def number_text(value: Decimal) -> str:
    """The JSON number text of a finite Decimal (no exponent: 1E+2 is written 100)."""
    if not value.is_finite():
        raise ValidationError("publish.number", f"{value} is not a finite number",
                              f"{value} 不是有限数值", {"value": str(value)})
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0", "-0.00") else text


def _encode(value: Any, out: list[str], indent: str | None, level: int) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, Decimal):
        out.append(number_text(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        raise ValidationError("publish.float", "A float reached the OCDS writer; amounts must be Decimal",
                              "OCDS 输出中出现浮点数；金额必须是 Decimal", {"value": repr(value)})
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, datetime):
        out.append(json.dumps(value.isoformat()))
    elif isinstance(value, Mapping):
        _container(list(value.items()), "{", "}", out, indent, level, keyed=True)
    elif isinstance(value, (list, tuple)):
        _container(list(value), "[", "]", out, indent, level, keyed=False)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _container(entries: list[Any], open_: str, close: str, out: list[str], indent: str | None,
               level: int, *, keyed: bool) -> None:
    if not entries:
        out.append(open_ + close)
        return
    out.append(open_)
    inner = "\n" + indent * (level + 1) if indent is not None else ""
    for n, entry in enumerate(entries):
        if n:
            out.append(",")
        out.append(inner)
        if keyed:
            key, item = entry
            out.append(json.dumps(str(key), ensure_ascii=False) + (": " if indent is not None else ":"))
            _encode(item, out, indent, level + 1)
        else:
            _encode(entry, out, indent, level + 1)
    if indent is not None:
        out.append("\n" + indent * level)
    out.append(close)


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """`value` as JSON text; Decimals become exact JSON numbers, floats are refused."""
    out: list[str] = []
    _encode(value, out, " " * indent if indent is not None else None, 0)
    return "".join(out)


def loads(text: str | bytes) -> Any:
    """JSON text read back with every non-integer number as an exact Decimal."""
    return json.loads(text, parse_float=Decimal)
