"""The `zhaocai` command line, for procurement officers, auditors and operators.

Every subcommand opens the store named by `--db` (or `ZHAOCAI_DATABASE_URL`), does one thing, and
exits non-zero when something is wrong, so it can sit in a scheduler or a CI job.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.table import Table

from zhaocai.actors import Actor, Role
from zhaocai.audit import Verification
from zhaocai.bidding.receipts import verify_receipt
from zhaocai.categories import Category
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

app = typer.Typer(help="zhaocai (招采): fair supplier procurement.", no_args_is_help=True,
                  add_completion=False)
console = Console()
DB = typer.Option("sqlite:///zhaocai.db", "--db", envvar="ZHAOCAI_DATABASE_URL",
                  help="Database URL (sqlite:///file.db or postgresql://...)")


def _fail(error: ZhaocaiError) -> NoReturn:
    console.print(f"[red]{error.code}[/red]: {error.message_en}\n{error.message_zh}")
    raise typer.Exit(2)


def _open(db: str) -> Platform:
    """Open the store; a refusal (an outdated store, a bad URL) is printed, exit code 2."""
    try:
        return Platform.open(db)
    except ZhaocaiError as error:
        _fail(error)


@app.command()
def demo(path: Path = typer.Option(Path("zhaocai-demo.db"), help="SQLite file to create")) -> None:
    """Run the bundled demo story on a fresh SQLite file."""
    from zhaocai.demo import tell

    tell(path.resolve(), console)


@app.command()
def verify(
    db: str = DB,
    head_seq: int = typer.Option(0, help="A previously published head sequence, to detect truncation"),
    head_hash: str = typer.Option("", help="The hash published with --head-seq"),
    deep: bool = typer.Option(False, "--deep", help="Also check every state table against the chain"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON"),
) -> None:
    """Verify the audit chain (and with --deep the state tables against it); exit 1 and say where
    if anything disagrees."""
    with _open(db) as platform:
        expected = (head_seq, head_hash) if head_seq else None
        result = platform.audit.verify(expected_head=expected, deep=deep)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_verification(result)
    if not result.ok:
        raise typer.Exit(1)


def _print_verification(result: Verification) -> None:
    if result.chain_ok:
        console.print(f"[green]audit chain verified[/green]: {result.checked} links, "
                      f"head #{result.head_seq} {result.head_hash}")
    else:
        console.print(f"[red]audit chain broken at #{result.broken_at}[/red]: {result.reason} "
                      f"({result.checked} links verified before it)")
    if not result.deep:
        return
    rows = sum(result.rows_checked.values())
    if not result.disagreements:
        console.print(f"[green]state tables agree with the chain[/green]: {rows} rows of "
                      f"{len(result.rows_checked)} tables checked")
        return
    table = Table(title=f"{len(result.disagreements)} stored value(s) disagree with the audit chain "
                        f"({rows} rows checked)")
    for column in ("table", "row", "field", "row says", "chain says", "link"):
        table.add_column(column, overflow="fold")
    for d in result.disagreements:
        table.add_row(d.table, d.row_id, d.field, d.row, d.chain, "" if d.seq is None else f"#{d.seq}")
    console.print(table)


@app.command()
def events(
    db: str = DB,
    after: int = typer.Option(0, help="Cursor: the last position already processed"),
    limit: int = typer.Option(100, help="At most this many events"),
) -> None:
    """Print outbox events after a cursor as JSON lines (for ERP integration scripts)."""
    with _open(db) as platform:
        try:
            for event in platform.events.read(after=after, limit=limit):
                typer.echo(event.model_dump_json())
        except ZhaocaiError as error:
            _fail(error)


@app.command()
def tick(db: str = DB) -> None:
    """Run the time-driven work now due (deadlines, expiries, bans ending)."""
    with _open(db) as platform:
        report = platform.tick()
    for name, changes in report.changes.items():
        console.print(f"{name}: {changes} change(s)")


@app.command()
def eligibility(
    supplier_id: str,
    category: Category,
    amount: str = typer.Argument(..., help="Amount in yuan, e.g. 850000.00"),
    db: str = DB,
) -> None:
    """Whether a supplier may take part in a category for an amount, now, and if not why."""
    with _open(db) as platform:
        try:
            result = platform.suppliers.eligibility(supplier_id, category, Decimal(amount))
        except ZhaocaiError as error:
            _fail(error)
    if result.eligible:
        console.print(f"[green]eligible[/green]: {supplier_id} in {category.value} for {amount}")
        return
    for reason in result.reasons:
        console.print(f"[yellow]{reason.code}[/yellow]: {reason.message_en} / {reason.message_zh}")
    raise typer.Exit(1)


@app.command("import-suppliers")
def import_suppliers(
    source: Path = typer.Argument(..., exists=True, readable=True, help="CSV or JSON file"),
    officer_id: str = typer.Option(..., "--officer-id",
                                   help="The purchasing officer importing: a person id of the register"),
    db: str = DB,
) -> None:
    """Import supplier applications from CSV or JSON: all rows or none, with a report. The officer
    is the people register's person (its name and roles are the register's, not the command line's)."""
    officer = Actor(id=officer_id, name=officer_id, roles=frozenset({Role.PURCHASING}))
    with _open(db) as platform, console.status(f"importing {source.name}…"):
        try:
            report = platform.suppliers.import_suppliers(officer, source)
        except ZhaocaiError as error:
            _fail(error)
    if report.ok:
        console.print(f"[green]imported {report.imported} of {report.total}[/green] "
                      f"(batch {report.batch_id}, digest {report.digest})")
        return
    table = Table(title=f"nothing imported: {len(report.errors)} bad row(s) of {report.total}")
    for column in ("row", "field", "problem"):
        table.add_column(column, overflow="fold")
    for bad in report.errors:
        table.add_row(str(bad.row), bad.field or "", bad.problem)
    console.print(table)
    raise typer.Exit(1)


@app.command("verify-receipt")
def verify_receipt_command(
    receipt: Path = typer.Argument(..., exists=True, readable=True, help="Receipt JSON file"),
    key: str = typer.Option("", help="The platform's public receipt key (hex), as it published it"),
    db: str = typer.Option("", "--db", help="Or: check against the receipt keys this store registered"),
) -> None:
    """Check a bid receipt's signature: proof of what was submitted, and when.

    With `--key`, against that public key (no store needed); with `--db`, against the keys the
    platform signed with and their periods (a key rotated out does not sign later receipts)."""
    data = json.loads(receipt.read_text(encoding="utf-8"))
    if not key and not db:
        console.print("[red]give --key (the platform's public receipt key) or --db[/red]")
        raise typer.Exit(2)
    if key:
        valid = verify_receipt(data, key)
    else:
        with _open(db) as platform:
            valid = platform.tenders.verify_receipt(data)
    if valid:
        console.print("[green]receipt signature valid[/green]")
        return
    console.print("[red]receipt signature INVALID[/red]")
    raise typer.Exit(1)


keys_app = typer.Typer(help="The platform's keys (平台密钥), kept outside the store: docs/keys.md.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")
KEY_FILE = typer.Option(..., "--key-file", help="The key file (created with mode 0600)")


@keys_app.command("public")
def keys_public(db: str = DB, as_json: bool = typer.Option(False, "--json", help="Print JSON")) -> None:
    """Print the platform's public receipt key, and every key it signed with before (no secret
    is needed: the store keeps the public halves)."""
    with _open(db) as platform:
        try:
            current = platform.tenders.receipt_verify_key()
        except ZhaocaiError as error:
            _fail(error)
        history = platform.tenders.receipt_keys()
    if as_json:
        typer.echo(json.dumps({"receipt_key": current,
                               "keys": [k.model_dump(mode="json") for k in history]}))
        return
    typer.echo(current)
    for item in history:
        until = item.valid_until.isoformat() if item.valid_until else "now"
        typer.echo(f"  {item.verify_key}  {item.valid_from.isoformat()} … {until}")


@keys_app.command("init")
def keys_init(key_file: Path = KEY_FILE) -> None:
    """Create a key file with fresh keys, readable by its owner only (an existing one is kept)."""
    from zhaocai.keys import init_key_file

    try:
        keys = init_key_file(key_file)
    except ZhaocaiError as error:
        _fail(error)
    console.print(f"[green]key file created[/green] {key_file.resolve()} (mode 0600); receipt key "
                  f"{keys.receipt_public_key().hex()}", highlight=False)


@keys_app.command("export")
def keys_export(db: str = DB, key_file: Path = KEY_FILE) -> None:
    """One-off, for a store made before 0.2: move its private keys to a new key file (0600) and
    delete them from the store (after `zhaocai db upgrade`; back the store up first)."""
    from zhaocai.keys.export import export_store_keys

    try:
        done = export_store_keys(db, key_file)
    except ZhaocaiError as error:
        _fail(error)
    if done.removed:
        console.print(f"[green]keys moved[/green] to {done.key_file} and removed from the store "
                      f"({', '.join(done.removed)}); receipt key {done.verify_key}", highlight=False)
    else:
        console.print(f"no key left in the store; key file {done.key_file}, receipt key {done.verify_key}",
                      highlight=False)
    console.print(f"open the store with ZHAOCAI_KEY_FILE={done.key_file} (or keep the file beside a "
                  "SQLite store as DB.keys)", highlight=False)


@keys_app.command("rotate")
def keys_rotate(db: str = DB, key_file: Path = KEY_FILE) -> None:
    """Replace the receipt-signing key in the key file and register its public half in the
    store; receipts signed before keep verifying (restart the other processes afterwards)."""
    from zhaocai.keys import key_file as read_key_file
    from zhaocai.keys import rotate_key_file

    try:
        before = read_key_file(key_file)
        with Platform.open(db, keys=before) as platform:  # the old key is the store's current one
            platform.tenders.receipt_verify_key()
        rotated = rotate_key_file(key_file)
        with Platform.open(db, keys=rotated) as platform:  # registers the new one
            current = platform.tenders.receipt_verify_key()
    except ZhaocaiError as error:
        _fail(error)
    console.print(f"[green]receipt key rotated[/green]: {before.receipt_public_key().hex()} → {current}",
                  highlight=False)


db_app = typer.Typer(help="The store's schema version (数据库结构版本): see it, upgrade it.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: str = DB) -> None:
    """Bring the store's schema to this zhaocai's, in one transaction (back the store up first)."""
    from zhaocai.store import make_engines
    from zhaocai.store.versioning import upgrade

    try:
        engine, read_engine = make_engines(db)
        try:
            before, after = upgrade(engine)
        finally:
            engine.dispose()
            read_engine.dispose()
    except ZhaocaiError as error:
        _fail(error)
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
                      f"to a key file with `{export_command(db)}`", highlight=False)


@db_app.command("current")
def db_current(db: str = DB, as_json: bool = typer.Option(False, "--json", help="Print JSON")) -> None:
    """Show the store's schema revision and this zhaocai's head; exit 1 unless they match."""
    from zhaocai.store import make_engines
    from zhaocai.store.versioning import store_version

    try:
        engine, read_engine = make_engines(db)
    except ZhaocaiError as error:
        _fail(error)
    try:
        with read_engine.connect() as connection:
            version = store_version(connection)
    finally:
        engine.dispose()
        read_engine.dispose()
    if as_json:
        typer.echo(json.dumps(version.to_dict()))
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
        raise typer.Exit(1)


sunshine = typer.Typer(help="The sunshine portal (阳光采购): the public database, refreshed and served.",
                       no_args_is_help=True)
app.add_typer(sunshine, name="sunshine")
PUBLIC = typer.Option(Path("zhaocai-public.db"), "--public",
                      help="The public SQLite file (refreshed in place)")


@sunshine.command("refresh")
def sunshine_refresh(db: str = DB, public: Path = PUBLIC) -> None:
    """Bring the public database up to date from the store, in place and in one transaction."""
    with _open(db) as platform:
        path = platform.publish.public_database(public)
    console.print(f"[green]public database refreshed[/green]: {path}")


@sunshine.command("serve")
def sunshine_serve(
    db: str = DB,
    public: Path = PUBLIC,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback unless you mean otherwise)"),
    port: int = typer.Option(8001, help="Port to listen on"),
    refresh: bool = typer.Option(True, "--refresh/--no-refresh", help="Refresh the file from --db first"),
) -> None:
    """Serve the public database as the sunshine portal (Datasette), searchable in Chinese."""
    try:
        from zhaocai.portal import serve
    except ImportError as missing:  # the optional extra is not installed
        console.print(f"[red]the portal needs Datasette[/red]: pip install 'zhaocai[sunshine]' ({missing})")
        raise typer.Exit(2) from missing
    if refresh:
        sunshine_refresh(db, public)
    elif not public.exists():
        console.print(f"[red]no public database at {public}[/red]: run `zhaocai sunshine refresh` first")
        raise typer.Exit(2)
    console.print(f"sunshine portal on http://{host}:{port}/ (Ctrl-C stops it)")
    serve(public, host=host, port=port)
@app.command("screen")
def screen_command(
    file: Path = typer.Argument(..., help="OCDS compiled releases (JSON Lines) or a release/record package"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (with --cardinal: Cardinal's shape)"),
    cardinal: bool = typer.Option(False, "--cardinal", help="Cardinal's settings and output"),
    settings: Path | None = typer.Option(None, "--settings", help="A Cardinal settings INI file"),
    timezone: str | None = typer.Option(None, "--timezone", help="Zone of dates without offset"),
) -> None:
    """Red flags over another system's OCDS data; exit 1 if some lines could not be read."""
    from zhaocai.integrity.conformance import settings_from_ini
    from zhaocai.integrity.screen_view import print_screen
    from zhaocai.integrity.screening import screen

    try:
        chosen = None
        if settings is not None:
            try:
                chosen = settings_from_ini(settings.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                from zhaocai.errors import ValidationError

                raise ValidationError("integrity.cardinal.settings", f"Cannot read {settings}: {exc}",
                                      f"无法读取设置文件 {settings}", {"path": str(settings)}) from exc
        result = screen(file, chosen, cardinal=cardinal or settings is not None, timezone=timezone)
    except ZhaocaiError as error:
        _fail(error)
    print_screen(result, console, as_json=as_json, cardinal=cardinal or settings is not None)
    if result.imported.errors:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
