"""The boundary's checks of plain values: texts, whole numbers, flags, moments, lists, enums.

Every command decorated with `zhaocai.acting.acting` (and every read decorated with `guarded`)
has its plain arguments checked here against their annotations before anything else runs; the
input models are walked by `check_strings` when `zhaocai.errors.parse` validates them. One place
per kind of check, so that a bad input is the same coded `ValidationError` whichever command it
is given to:

- `input.type`: a value of the wrong type (a number for a reason, a string for a flag);
- `input.nul_character`, `input.control_character`, `input.invalid_unicode`: a text holding
  the NUL character, another control character (tab, line feed and carriage return are text),
  or a lone surrogate that no database can store;
- `input.too_long`, `input.too_many`: past the limits of `zhaocai.limits`;
- `input.blank`: a text of spaces only where `check_text` is asked for one (`blank=False`);
  a blank name in a model is the model's `blank` problem (`NotBlank`);
- `input.naive_datetime`: a moment without a time zone;
- `input.out_of_range`: a whole number past a 64-bit integer;
- `input.unknown_value`: a value not among an enumeration's.
"""

from __future__ import annotations

import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, ParamSpec, TypeVar, Union

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from zhaocai.errors import ValidationError
from zhaocai.limits import MAX_LIST, MAX_TEXT

E = TypeVar("E", bound=Enum)
P = ParamSpec("P")
R = TypeVar("R")

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_INT64 = 2**63
_SCALARS = frozenset({int, float, bool, type(None), Decimal, datetime, date, bytes})

TYPE_ZH = {"str": "文本", "int": "整数", "bool": "是或否", "datetime": "带时区的日期时间",
           "list": "列表", "mapping": "键值对象", "Actor": "人员编号或人员"}


_PATH = re.compile(r"[\w.]*")


def _refuse(code: str, field: str, en: str, zh: str, **details: Any) -> ValidationError:
    # A path through the caller's own keys is shown as given, quoted when a key is not a name.
    named = field if _PATH.fullmatch(field) else f"「{field[:200]}」"
    return ValidationError(code, f"{field[:200]}: {en}", f"{named}：{zh}", {"field": field, **details})


def check_text(value: str, field: str, *, limit: int = MAX_TEXT, blank: bool = True) -> str:
    """`value` as a text a database can hold on every backend: no NUL nor other control
    character, no lone surrogate, at most `limit` characters, and not only spaces unless
    `blank`. Returns it unchanged."""
    if "\x00" in value:
        raise _refuse("input.nul_character", field, "text may not contain the NUL character (U+0000)",
                      "文本中不得包含空字符（U+0000）")
    if _CONTROL.search(value):
        raise _refuse("input.control_character", field,
                      "text may not contain control characters (other than tab and line breaks)",
                      "文本中不得包含控制字符（制表符与换行符除外）")
    if _SURROGATE.search(value):
        raise _refuse("input.invalid_unicode", field, "text holds a lone surrogate, not a character",
                      "文本含有无法存储的代理字符（U+D800 至 U+DFFF）")
    if len(value) > limit:
        raise _refuse("input.too_long", field, f"text of {len(value):,} characters is longer than "
                      f"the {limit:,} allowed", f"文本长度 {len(value):,} 超过上限 {limit:,} 个字符",
                      limit=limit, length=len(value))
    if not blank and not value.strip():
        raise _refuse("input.blank", field, "may not be blank", "不得为空白")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be blank (only spaces)")
    return value


NotBlank = AfterValidator(_not_blank)
"""A model field's marker: the text may not be blank (`name: Annotated[str, NotBlank]`); names
and titles of every input carry it (pydantic's error type `blank`)."""


def holds_bad_text(value: Any, limit: int = MAX_TEXT) -> bool:
    """Whether any text inside `value` (a mapping, list, model or text) is one `check_text`
    refuses (its length aside from `limit`; a blank text is not bad here). The texts are gathered
    with one call per container, then searched at once: a bulk import or a score sheet asks it of
    tens of thousands of values, and the path to a bad text is only worked out once there is one
    (`check_strings`)."""
    if type(value) is str:
        return len(value) > limit or _BAD.search(value) is not None
    texts: list[str] = []
    _gather(value, texts)
    # Every bad character is one character, and a line feed is none: joining them cannot make
    # nor hide one.
    return bool(texts) and (max(map(len, texts)) > limit or _BAD.search("\n".join(texts)) is not None)


def _gather(value: Any, texts: list[str]) -> None:
    """Append every text inside `value` (keys included) to `texts`: texts and scalars are taken
    inline, a call is made only per container (recursion, so a cycle still fails as before)."""
    kind = type(value)
    if kind is str:
        texts.append(value)
    elif kind in _SCALARS:
        return
    elif kind is dict:
        for key, item in value.items():
            if type(key) is str:
                texts.append(key)
            else:
                _gather(key, texts)
            item_kind = type(item)
            if item_kind is str:
                texts.append(item)
            elif item_kind not in _SCALARS:
                _gather(item, texts)
    elif kind is list or kind is tuple:
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                texts.append(item)
            elif item_kind not in _SCALARS:
                _gather(item, texts)
    elif isinstance(value, str):
        texts.append(str(value))
    elif isinstance(value, Mapping):
        _gather(dict(value), texts)
    elif isinstance(value, (list, tuple, set, frozenset)):
        _gather(list(value), texts)
    elif hasattr(value, "__pydantic_fields__"):
        _gather([getattr(value, name) for name in type(value).__pydantic_fields__], texts)


_SHOWN_IN_JSON = re.compile(rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\[bf]|\x7f|\xc2[\x80-\x9f]")


def json_shows_bad_text(dumped: bytes) -> bool:
    """Whether JSON written by pydantic (UTF-8, controls escaped) may hold a text `check_text`
    refuses: a quick test of many validated rows at once (a bulk import), each row walked only
    when it says yes."""
    return _SHOWN_IN_JSON.search(dumped) is not None


def check_strings(value: Any, field: str, *, limit: int = MAX_TEXT) -> None:
    """Every text inside `value` (a model, mapping, list or text) passes `check_text`; the field
    named in a refusal is the path to it (`lots.0.title`)."""
    if holds_bad_text(value, limit):
        _walk(value, field, limit)


def _walk(value: Any, field: str, limit: int) -> None:
    if isinstance(value, str):
        check_text(value, field, limit=limit)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _walk(key, field, limit)
            _walk(item, f"{field}.{key}" if field else str(key), limit)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            _walk(item, f"{field}.{index}", limit)
    elif hasattr(value, "__pydantic_fields__"):  # a model: its fields, by name
        for name in type(value).__pydantic_fields__:
            _walk(getattr(value, name), f"{field}.{name}" if field else name, limit)


def wrong_type(field: str, expected: str, value: Any) -> ValidationError:
    """`input.type`: `value` is not of the `expected` kind."""
    return _refuse("input.type", field, f"must be {expected}, not {type(value).__name__}",
                   f"须为{TYPE_ZH.get(expected, '规定类型')}", expected=expected, got=type(value).__name__)


def check_int(value: Any, field: str, *, low: int = -_INT64, high: int = _INT64 - 1) -> int:
    """A whole number (never a bool or float) between `low` and `high`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type(field, "int", value)
    if not low <= value <= high:
        raise _refuse("input.out_of_range", field, f"{value} is outside {low}..{high}",
                      f"取值 {value} 超出范围（{low} 至 {high}）", low=low, high=high)
    return value


def check_moment(value: Any, field: str) -> datetime:
    """An aware datetime."""
    if not isinstance(value, datetime):
        raise wrong_type(field, "datetime", value)
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise _refuse("input.naive_datetime", field, "must be timezone-aware", "须带时区")
    return value


def enum_value(kind: type[E], value: Any, field: str) -> E:
    """`value` as a member of `kind` (a member, or its value), else `input.unknown_value`."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        choices = [str(m.value) for m in kind]
        raise _refuse("input.unknown_value", field,
                      f"{str(value)[:100]!r} is not one of {', '.join(choices)}",
                      f"取值无效，须为以下之一：{'、'.join(repr(c) for c in choices)}",
                      choices=choices) from None


# -- plain arguments, by their annotations ------------------------------------------------------

def _enum_in(hint: Any) -> tuple[type[Enum] | None, bool]:
    """The enumeration a parameter's type names (`Department | str`, `Sequence[Category]`), and
    whether it names a list of them."""
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint, False
    for arg in typing.get_args(hint):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return arg, typing.get_origin(hint) not in (Union, types.UnionType)
        inner, listed = _enum_in(arg)
        if inner is not None:
            return inner, listed or typing.get_origin(hint) not in (Union, types.UnionType)
    return None, False


def _check_argument(name: str, annotation: str, value: Any, hint: Any = None) -> None:
    optional = annotation.endswith(" | None")
    if optional and value is None:
        return
    kind, listed = _enum_in(hint)
    if kind is not None:
        if listed and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                enum_value(kind, item, f"{name}.{index}")
        elif not listed:
            enum_value(kind, value, name)
    base = annotation.removesuffix(" | None")
    if base == "str":
        if not isinstance(value, str):
            raise wrong_type(name, "str", value)
        check_text(value, name)
    elif base == "int":
        check_int(value, name)
    elif base == "bool":
        if not isinstance(value, bool):
            raise wrong_type(name, "bool", value)
    elif base == "datetime":
        check_moment(value, name)
    elif base.startswith("Sequence["):
        if not isinstance(value, (list, tuple, set, frozenset)):
            raise wrong_type(name, "list", value)
        if len(value) > MAX_LIST:
            raise _refuse("input.too_many", name, f"{len(value):,} items are more than the "
                          f"{MAX_LIST:,} allowed", f"共 {len(value):,} 项，超过上限 {MAX_LIST:,} 项",
                          limit=MAX_LIST)
        if base == "Sequence[str]":
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    raise wrong_type(f"{name}.{index}", "str", item)
        check_strings(value, name)
    elif base.startswith("Mapping["):
        if not isinstance(value, Mapping):
            raise wrong_type(name, "mapping", value)
        if base.startswith("Mapping[str,"):
            for key in value:
                if not isinstance(key, str):
                    raise wrong_type(f"{name} key", "str", key)
        check_strings(value, name)
    elif base in ("Path", "str | Path | Iterable[Mapping[str, Any]]"):
        return  # files and bulk rows: read and checked row by row by the command itself
    else:
        check_strings(value, name)


UNCHECKED = frozenset({"self", "actor", "who"})


def argument_guard(method: Callable[..., Any]) -> Callable[[tuple[Any, ...], dict[str, Any]], None]:
    """A check of `method`'s arguments (bound as the method would bind them) against its
    annotations; a call the method could not even bind is `input.type` too."""
    signature = inspect.signature(method)
    params = [(name, str(p.annotation)) for name, p in signature.parameters.items()
              if name not in UNCHECKED]

    hints: dict[str, Any] = {}

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if not hints:  # resolved at the first call: the annotations name classes defined later
            try:
                hints.update(typing.get_type_hints(method))
            except (NameError, TypeError):  # a name imported for type checking only
                hints["return"] = None
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:
            raise ValidationError("input.arguments", f"{method.__name__}: {exc}",
                                  "参数不符合该命令的要求", {"command": method.__name__}) from None
        for name, annotation in params:
            if name in bound.arguments:
                _check_argument(name, annotation, bound.arguments[name], hints.get(name))

    return check


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Decorate a public read or command without an actor: its arguments are checked as
    `acting` checks a command's."""
    check = argument_guard(method)

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        check(args, kwargs)
        return method(*args, **kwargs)

    return wrapper
