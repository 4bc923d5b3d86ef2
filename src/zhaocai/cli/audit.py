"""`zhaocai audit`: the audit chain as an auditor or operator checks it."""

from __future__ import annotations

import typer
from rich.table import Table

from zhaocai.audit import Verification
from zhaocai.cli.app import App
from zhaocai.cli.common import DB, EXIT_NO, JSON, console, opened, print_json

app = App(help="The audit chain (审计链): verify it, read its head.")


@app.command("verify")
def verify(
    db: str = DB,
    head_seq: int = typer.Option(0, help="A previously published head sequence, to detect truncation"),
    head_hash: str = typer.Option("", help="The hash published with --head-seq"),
    deep: bool = typer.Option(False, "--deep", help="Also check every state table against the chain"),
    as_json: bool = JSON,
) -> None:
    """Verify the audit chain (and with --deep the state tables against it); exit 1 and say where
    if anything disagrees."""
    with opened(db) as platform:
        expected = (head_seq, head_hash) if head_seq else None
        result = platform.audit.verify(expected_head=expected, deep=deep)
    if as_json:
        print_json(result.to_dict())
    else:
        print_verification(result)
    if not result.ok:
        raise typer.Exit(EXIT_NO)


def print_verification(result: Verification) -> None:
    """The chain's verdict, and with --deep every stored value that disagrees with it."""
    if result.chain_ok:
        console.print(f"[green]audit chain verified 审计链校验通过[/green]: {result.checked} links, "
                      f"head #{result.head_seq} {result.head_hash}")
    else:
        console.print(f"[red]audit chain broken at #{result.broken_at} 审计链断裂[/red]: {result.reason} "
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


@app.command("head")
def head(db: str = DB, as_json: bool = JSON) -> None:
    """The chain's head (sequence and hash): publish it, and later `verify --head-seq --head-hash`
    proves nothing was cut off."""
    with opened(db) as platform:
        seq, digest = platform.audit.head()
    if as_json:
        print_json({"head_seq": seq, "head_hash": digest})
    else:
        typer.echo(f"{seq} {digest}")
