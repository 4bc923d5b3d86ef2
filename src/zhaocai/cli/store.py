"""`zhaocai db`: the store's schema version (数据库结构版本), for the operator."""

from __future__ import annotations

import typer

from zhaocai.cli.app import App
from zhaocai.cli.common import DB, EXIT_NO, JSON, console, print_json

app = App(help="The store's schema version (数据库结构版本): see it, upgrade it.")


@app.command("upgrade")
def db_upgrade(db: str = DB) -> None:
    """Bring the store's schema to this zhaocai's, in one transaction (back the store up first)."""
    from zhaocai.store import make_engines
    from zhaocai.store.versioning import upgrade

    engine, read_engine = make_engines(db)
    try:
        before, after = upgrade(engine)
    finally:
        engine.dispose()
        read_engine.dispose()
    if before.revision == after.revision:
        console.print(f"[green]store already at head[/green] {after.head}: nothing to upgrade")
        return
    start = "an empty store" if before.empty else f"revision {before.revision}"
    console.print(f"[green]store upgraded[/green] from {start} to {after.revision} (head)")
    _warn_secrets(db)


def _warn_secrets(db: str) -> None:
    """Name the next step when the store still holds private keys (made before 0.2)."""
    from zhaocai.keys.registry import secrets_in_store
    from zhaocai.platform import export_command
    from zhaocai.store import make_engines

    engine, read_engine = make_engines(db)
    try:
        with read_engine.connect() as connection:
            held = secrets_in_store(connection)
    finally:
        engine.dispose()
        read_engine.dispose()
    if held:
        console.print(f"[yellow]the store still holds private keys[/yellow] ({', '.join(held)}): move them "
                      f"to a key file with `{export_command(db)}`")


@app.command("current")
def db_current(db: str = DB, as_json: bool = JSON) -> None:
    """Show the store's schema revision and this zhaocai's head; exit 1 unless they match."""
    from zhaocai.store import make_engines
    from zhaocai.store.versioning import store_version

    engine, read_engine = make_engines(db)
    try:
        with read_engine.connect() as connection:
            version = store_version(connection)
    finally:
        engine.dispose()
        read_engine.dispose()
    if as_json:
        print_json(version.to_dict())
    elif version.current:
        console.print(f"[green]store at head[/green] {version.head}")
    elif version.empty:
        console.print(f"[yellow]empty store[/yellow]: opening it creates it at head {version.head}")
    else:
        known = "" if version.known else " (newer than this zhaocai)"
        stamp = "" if version.stamped else " (made by 0.1.0, not yet stamped)"
        console.print(f"[yellow]store at revision {version.revision}{known}{stamp}[/yellow], "
                      f"head {version.head}")
    if not (version.current or version.empty):
        raise typer.Exit(EXIT_NO)
