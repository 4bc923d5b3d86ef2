"""The command line's frame: a Typer whose commands are guarded (a coded, bilingual message and
an exit code, never a traceback) and whose usage errors are coded and bilingual too."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer._click import exceptions as click  # Typer carries its own copy of Click's errors
from typer.core import TyperGroup

from zhaocai.cli.common import EXIT_USAGE, guarded, report


def _usage_zh(error: click.ClickException) -> str:
    """The Chinese of a usage error: what kind, and where to read the usage."""
    ctx = getattr(error, "ctx", None)
    where = f"`{ctx.command_path} --help`" if ctx is not None else "`zhaocai --help`"
    if isinstance(error, click.MissingParameter):
        what = "缺少必需的参数"
    elif isinstance(error, click.BadParameter):
        what = "参数取值无效"
    elif isinstance(error, click.NoSuchOption | click.BadOptionUsage):
        what = "没有这个选项或选项用法有误"
    else:
        what = "命令用法有误"
    param = getattr(error, "param", None)
    named = f"（{'/'.join(param.opts)}）" if param is not None and getattr(param, "opts", None) else ""
    return f"{what}{named}，请运行 {where} 查看用法"


class Group(TyperGroup):
    """The root group: runs the command and turns a usage error into code, English and Chinese."""

    def main(  # type: ignore[override]  # Click's and Typer's signatures differ; both callers fit
            self, args: Sequence[str] | None = None, prog_name: str | None = None,
            complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except click.NoArgsIsHelpError as error:
            shown = error.format_message()  # Typer's rich help has printed itself already
            if shown.strip():
                typer.echo(shown)
            code = EXIT_USAGE
        except click.ClickException as error:
            report("cli.usage", error.format_message(), _usage_zh(error))
            code = error.exit_code
        except typer.Abort:
            report("cli.aborted", "Aborted", "已中止")
            code = EXIT_USAGE
        if standalone_mode:
            sys.exit(code)
        return code


class App(typer.Typer):
    """A Typer whose every command is `guarded`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("no_args_is_help", True)
        kwargs.setdefault("add_completion", False)
        super().__init__(cls=Group, pretty_exceptions_enable=False, **kwargs)

    def command(  # type: ignore[override]  # the same arguments, passed on as they are
            self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a command, guarded."""
        register = super().command(*args, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            register(guarded(function))
            return function
        return decorator
