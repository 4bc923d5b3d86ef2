"""`zhaocai receipts`: a bid receipt as its supplier or an auditor checks it."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from zhaocai.bidding.receipts import verify_receipt
from zhaocai.cli.app import App
from zhaocai.cli.common import EXIT_NO, JSON, UsageProblem, console, opened, print_json

app = App(help="Bid receipts (投标回执): the platform's public key, checking a receipt.")


@app.command("key")
def key(db: str = typer.Option("sqlite:///zhaocai.db", "--db", envvar="ZHAOCAI_DATABASE_URL",
                               help="Database URL"), as_json: bool = JSON) -> None:
    """The platform's public receipt key, and every key it signed with before (no secret needed)."""
    with opened(db) as platform:
        current = platform.tenders.receipt_verify_key()
        history = platform.tenders.receipt_keys()
    if as_json:
        print_json({"receipt_key": current, "keys": history})
        return
    typer.echo(current)
    for item in history:
        until = item.valid_until.isoformat() if item.valid_until else "now"
        typer.echo(f"  {item.verify_key}  {item.valid_from.isoformat()} … {until}")


def read_receipt(path: Path) -> dict[str, object]:
    """A receipt file's JSON; a file that is not JSON is a usage problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageProblem("cli.receipt", f"{path} is not a receipt (JSON): {exc}",
                           f"{str(path)!r} 不是回执文件（须为 JSON 格式）", {"path": str(path)}) from None
    if not isinstance(data, dict):
        raise UsageProblem("cli.receipt", f"{path} is not a receipt (a JSON object)",
                           f"{str(path)!r} 不是回执文件（须为 JSON 对象）", {"path": str(path)})
    return data


@app.command("verify")
def verify(
    receipt: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="Receipt JSON file"),
    key: str = typer.Option("", help="The platform's public receipt key (hex), as it published it"),
    db: str = typer.Option("", "--db", help="Or: check against the receipt keys this store registered"),
    as_json: bool = JSON,
) -> None:
    """Check a bid receipt's signature: proof of what was submitted, and when; exit 1 if invalid.

    With `--key`, against that public key (no store needed); with `--db`, against the keys the
    platform signed with and their periods (a key rotated out does not sign later receipts)."""
    data = read_receipt(receipt)
    if not key and not db:
        raise UsageProblem("cli.receipt_key", "Give --key (the platform's public receipt key) or --db",
                           "请给出 `--key`（平台公布的回执公钥）或 `--db`")
    if key:
        valid = verify_receipt(data, key)
    else:
        with opened(db) as platform:
            valid = platform.tenders.verify_receipt(data)
    if as_json:
        print_json({"valid": valid})
    elif valid:
        console.print("[green]receipt signature valid 回执签名有效[/green]")
    else:
        console.print("[red]receipt signature INVALID 回执签名无效[/red]")
    if not valid:
        raise typer.Exit(EXIT_NO)
