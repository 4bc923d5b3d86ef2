"""`zhaocai keys`: the platform's keys (平台密钥), kept outside the store (docs/keys.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from zhaocai.cli.app import App
from zhaocai.cli.common import DB, JSON, console
from zhaocai.cli.receipts import key as receipt_key
from zhaocai.platform import Platform

app = App(help="The platform's keys (平台密钥), kept outside the store: docs/keys.md.")
KEY_FILE = typer.Option(..., "--key-file", help="The key file (created with mode 0600)")


@app.command("public")
def keys_public(db: str = DB, as_json: bool = JSON) -> None:
    """Print the platform's public receipt key, and every key it signed with before (no secret
    is needed: the store keeps the public halves); the same as `zhaocai receipts key`."""
    receipt_key(db, as_json)


@app.command("init")
def keys_init(key_file: Path = KEY_FILE) -> None:
    """Create a key file with fresh keys, readable by its owner only (an existing one is kept)."""
    from zhaocai.keys import init_key_file

    keys = init_key_file(key_file)
    console.print(f"[green]key file created[/green] {key_file.resolve()} (mode 0600); receipt key "
                  f"{keys.receipt_public_key().hex()}")


@app.command("export")
def keys_export(db: str = DB, key_file: Path = KEY_FILE) -> None:
    """One-off, for a store made before 0.2: move its private keys to a new key file (0600) and
    delete them from the store (after `zhaocai db upgrade`; back the store up first)."""
    from zhaocai.keys.export import export_store_keys

    done = export_store_keys(db, key_file)
    if done.removed:
        console.print(f"[green]keys moved[/green] to {done.key_file} and removed from the store "
                      f"({', '.join(done.removed)}); receipt key {done.verify_key}")
    else:
        console.print(f"no key left in the store; key file {done.key_file}, receipt key {done.verify_key}")
    console.print(f"open the store with ZHAOCAI_KEY_FILE={done.key_file} (or keep the file beside a "
                  "SQLite store as DB.keys)")


@app.command("rotate")
def keys_rotate(db: str = DB, key_file: Path = KEY_FILE) -> None:
    """Replace the receipt-signing key in the key file and register its public half in the
    store; receipts signed before keep verifying (restart the other processes afterwards)."""
    from zhaocai.keys import key_file as read_key_file
    from zhaocai.keys import rotate_key_file

    before = read_key_file(key_file)
    with Platform.open(db, keys=before) as platform:  # the old key is the store's current one
        platform.tenders.receipt_verify_key()
    rotated = rotate_key_file(key_file)
    with Platform.open(db, keys=rotated) as platform:  # registers the new one
        current = platform.tenders.receipt_verify_key()
    console.print(f"[green]receipt key rotated[/green]: {before.receipt_public_key().hex()} → {current}")
