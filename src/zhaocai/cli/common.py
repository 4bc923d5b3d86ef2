"""What every command shares: the consoles, the options, opening the store, the display of
times and money, and the one way a command fails (a code, English, Chinese and an exit code).

Exit codes (docs/cli.md): 0 done; 1 a check said no (a verification disagrees, a receipt is
invalid, a supplier is not eligible, an import has bad rows); 2 the command line is wrong;
3 the platform refused (a `ZhaocaiError`); 4 the store or a file could not be used; 5 an
unexpected failure (a defect: reported, never as a traceback).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, ParamSpec, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from zhaocai.clock import ManualClock, as_utc, local
from zhaocai.errors import ZhaocaiError
from zhaocai.money import Money
from zhaocai.platform import Platform

EXIT_OK = 0
EXIT_NO = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_STORE = 4
EXIT_INTERNAL = 5

console = Console(soft_wrap=True, highlight=False)
errors = Console(stderr=True, soft_wrap=True, highlight=False)

DB = typer.Option("sqlite:///zhaocai.db", "--db", envvar="ZHAOCAI_DATABASE_URL",
                  help="Database URL (sqlite:///file.db or postgresql://...)")
AS = typer.Option(..., "--as", help="Who acts: a person id of the people register (its roles are the "
                  "register's, never the command line's)")
JSON = typer.Option(False, "--json", help="Print JSON (times in Asia/Shanghai, amounts as strings)")
AT = typer.Option(None, "--at", help="The moment to act at, ISO 8601 with its offset "
                  "(e.g. 2026-05-01T10:00+08:00); default: now")


class UsageProblem(ZhaocaiError):
    """A value on the command line the command cannot use (exit code 2)."""

    default_code = "cli.usage"


STORE_CODES = ("store.", "keys.")
"""Codes of refusals that say the store (or its key file) cannot be used as it is (exit 4)."""


def exit_code_of(error: ZhaocaiError) -> int:
    """The exit code a refusal ends the command with."""
    if isinstance(error, UsageProblem):
        return EXIT_USAGE
    if error.code.startswith(STORE_CODES):
        return EXIT_STORE
    return EXIT_REFUSED


def report(code: str, english: str, chinese: str) -> None:
    """Print one problem the way every command does: code, English, Chinese (on stderr)."""
    errors.print(f"[red]{escape(code)}[/red]: {escape(english)}\n{escape(chinese)}")


P = ParamSpec("P")
R = TypeVar("R")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command so that every failure is a coded, bilingual message and an exit code,
    never a traceback."""
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ZhaocaiError as error:
            report(error.code, error.message_en, error.message_zh)
            raise typer.Exit(exit_code_of(error)) from None
        except OSError as error:
            report("cli.file", f"A file could not be used: {error}", "文件无法读取或写入，请检查路径和权限")
            raise typer.Exit(EXIT_STORE) from None
        except Exception as error:  # a store fault or a defect: said, never a traceback
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(error, SQLAlchemyError):
                report("cli.store", f"The store could not be used: {type(error).__name__}: "
                       f"{str(error).splitlines()[0]}", "数据库无法使用，请检查 --db 地址、权限与数据库状态")
                raise typer.Exit(EXIT_STORE) from None
            report("cli.internal", f"Unexpected failure: {type(error).__name__}: {error}",
                   "发生意外错误，命令未完成；请将以上英文信息报告给系统维护人员")
            raise typer.Exit(EXIT_INTERNAL) from None
    return run


def moment(text: str | None) -> datetime | None:
    """The `--at` value as an aware moment; a time without its offset is refused."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise UsageProblem("cli.at", f"--at needs an ISO 8601 time with its offset, e.g. "
                           f"2026-05-01T10:00+08:00 (got {text!r})",
                           f"`--at` 须为带时区的时间，例如 `2026-05-01T10:00+08:00`（收到 {text!r}）",
                           {"at": text})
    return value


@contextmanager
def opened(db: str, at: str | None = None) -> Iterator[Platform]:
    """The platform over the store at `db`; with `at`, its clock stands at that moment (so a demo
    store is read on its own dates, not lapsed by the real clock)."""
    when = moment(at)
    with Platform.open(db, None if when is None else ManualClock(when)) as platform:
        yield platform


def show_time(value: datetime | None) -> str:
    """A moment as the organisation reads it: Asia/Shanghai, with the offset."""
    if value is None:
        return "—"
    return local(as_utc(value)).strftime("%Y-%m-%d %H:%M:%S +08:00")


def show_money(value: Decimal | str | int | None) -> str:
    """An amount as money (CNY 1,234.50)."""
    return "—" if value is None else str(Money.of(value))


def jsonable(value: Any) -> Any:
    """Plain JSON values: times in Asia/Shanghai (ISO 8601), amounts as exact strings."""
    if isinstance(value, BaseModel):
        return jsonable(value.model_dump())
    if is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        return jsonable(to_dict() if callable(to_dict) else asdict(value))
    if isinstance(value, datetime):
        return local(as_utc(value)).isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    """Print a value as JSON (Chinese as is)."""
    typer.echo(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


@contextmanager
def progress(description: str, *, quiet: bool = False) -> Iterator[Progress]:
    """A progress bar for long work (on a terminal only; never in JSON output)."""
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                   console=errors, transient=True, disable=quiet or not errors.is_terminal)
    with bar:
        bar.add_task(description, total=None)
        yield bar
