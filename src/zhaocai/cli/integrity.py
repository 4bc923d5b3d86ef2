"""`zhaocai integrity`: the red flags (廉政预警) as auditors and supervisors read them."""

from __future__ import annotations

import typer
from rich.table import Table

from zhaocai.cli.app import App
from zhaocai.cli.common import AS, DB, JSON, console, opened, print_json, show_money

app = App(help="Integrity (廉政预警): one tender's report, the ranked worklist.")


@app.command("report")
def report(tender_id: str, actor: str = AS, db: str = DB, as_json: bool = JSON) -> None:
    """The integrity report of one tender (auditors and supervisors)."""
    with opened(db) as platform:
        found = platform.integrity.report(actor, tender_id)
    if as_json:
        print_json(found.to_dict())
    else:
        typer.echo(found.to_text())


@app.command("worklist")
def worklist(
    actor: str = AS,
    limit: int = typer.Option(20, help="At most this many lines"),
    db: str = DB,
    as_json: bool = JSON,
) -> None:
    """The flagged tenders and suppliers, highest risk first, then most money (auditors and
    supervisors)."""
    with opened(db) as platform:
        items = platform.integrity.worklist(actor, limit=limit)
    if as_json:
        print_json(items)
        return
    if not items:
        console.print("[green]no flag raised 暂无风险信号[/green]")
        return
    table = Table(title="integrity worklist 风险工作清单")
    for column in ("#", "subject", "id", "score", "amount 金额", "flags", "summary"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(str(item.rank), item.subject, item.id, str(item.score), show_money(item.amount),
                      ", ".join(item.codes), item.summary)
    console.print(table)
