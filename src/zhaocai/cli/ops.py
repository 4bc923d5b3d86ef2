"""The operator's commands: the outbox (events), the time-driven work (tick), the demo, and
screening another system's OCDS data."""

from __future__ import annotations

from pathlib import Path

import typer

from zhaocai.cli.common import AT, DB, JSON, console, opened, print_json, show_time
from zhaocai.errors import ValidationError


def events(
    db: str = DB,
    after: int = typer.Option(0, help="Cursor: the last position already processed"),
    limit: int = typer.Option(100, help="At most this many events (1 to 10000)"),
    types: list[str] | None = typer.Option(None, "--type", help="Only events of this type (repeatable)"),
    as_json: bool = JSON,
) -> None:
    """Read the outbox from a position: events after `--after`, oldest first, as JSON lines
    (one event a line, for ERP integration scripts); with --json one JSON array."""
    with opened(db) as platform:
        found = platform.events.read(after=after, limit=limit, types=types or None)
    if as_json:
        print_json(found)
        return
    for event in found:
        typer.echo(event.model_dump_json())


def tick(db: str = DB, at: str | None = AT, as_json: bool = JSON) -> None:
    """Run the time-driven work due at `--at` (default now): deadlines, expiries, bans ending.

    Give `--at` on a demo or test store, so that it is not lapsed by the real clock."""
    with opened(db, at) as platform:
        report = platform.tick()
    if as_json:
        print_json({"at": report.at, "changes": report.changes, "total": report.total})
        return
    console.print(f"tick at {show_time(report.at)}: {report.total} change(s)")
    for name, changes in report.changes.items():
        console.print(f"  {name}: {changes} change(s)")


def demo(path: Path = typer.Option(Path("zhaocai-demo.db"), help="SQLite file to create")) -> None:
    """Run the bundled demo story on a fresh SQLite file."""
    from zhaocai.demo import tell

    tell(path.resolve(), console)


def screen(
    file: Path = typer.Argument(..., help="OCDS compiled releases (JSON Lines) or a release/record package"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (with --cardinal: Cardinal's shape)"),
    cardinal: bool = typer.Option(False, "--cardinal", help="Cardinal's settings and output"),
    settings: Path | None = typer.Option(None, "--settings", help="A Cardinal settings INI file"),
    timezone: str | None = typer.Option(None, "--timezone", help="Zone of dates without offset"),
) -> None:
    """Red flags over another system's OCDS data; exit 1 if some lines could not be read."""
    from zhaocai.integrity.conformance import settings_from_ini
    from zhaocai.integrity.screen_view import print_screen
    from zhaocai.integrity.screening import screen as run_screen

    chosen = None
    if settings is not None:
        try:
            chosen = settings_from_ini(settings.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError("integrity.cardinal.settings", f"Cannot read {settings}: {exc}",
                                  f"无法读取设置文件 {settings}", {"path": str(settings)}) from exc
    result = run_screen(file, chosen, cardinal=cardinal or settings is not None, timezone=timezone)
    print_screen(result, console, as_json=as_json, cardinal=cardinal or settings is not None)
    if result.imported.errors:
        raise typer.Exit(1)
