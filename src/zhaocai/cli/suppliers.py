"""`zhaocai suppliers`: the supplier register (供应商库) as an officer reads and fills it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from importlib.resources import files
from pathlib import Path

import typer
from rich.table import Table

from zhaocai.categories import Category
from zhaocai.cli.app import App
from zhaocai.cli.common import (
    AS,
    AT,
    DB,
    EXIT_NO,
    JSON,
    UsageProblem,
    console,
    moment,
    opened,
    print_json,
    progress,
    show_money,
    show_time,
)
from zhaocai.suppliers.models import Eligibility, ImportReport, SupplierView

app = App(help="The supplier register (供应商库): show, eligibility, import, sample.")


def sample_text() -> str:
    """The sample import file shipped with zhaocai (CSV, UTF-8)."""
    return files("zhaocai.cli").joinpath("samples/suppliers.csv").read_text(encoding="utf-8")


@app.command("show")
def show(supplier_id: str, actor: str = AS, db: str = DB, as_json: bool = JSON) -> None:
    """One supplier as the register shows it to the person acting."""
    with opened(db) as platform:
        view = platform.suppliers.get(actor, supplier_id)
    if as_json:
        print_json(view)
        return
    print_supplier(view)


def print_supplier(view: SupplierView) -> None:
    """A supplier as a table of its facts, then its qualifications."""
    table = Table(title=f"{view.name} ({view.id})", show_header=False)
    rows = [("credit code 信用代码", view.credit_code), ("admission 准入", view.admission),
            ("standing 信用状态", view.standing or "—"), ("ceiling 承接上限", show_money(view.ceiling)),
            ("categories 类别", ", ".join(f"{c}{'' if ok else ' (not admitted)'}"
                                           for c, ok in view.categories.items()) or "—"),
            ("banned until 禁入至", show_time(view.ban_until)), ("registered by 登记人", view.registered_by)]
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)
    if view.qualifications:
        quals = Table(title="qualifications 资质")
        for column in ("type", "grade", "number", "valid until", "status"):
            quals.add_column(column)
        for q in view.qualifications:
            quals.add_row(q.type, q.grade or "—", q.number, show_time(q.valid_until), q.status or "—")
        console.print(quals)


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise UsageProblem("cli.amount",
                           f"The amount must be a number of yuan, e.g. 850000.00 (got {text!r})",
                           f"金额须为以元计的数字，例如 850000.00（收到 {text!r}）", {"amount": text})
    return value


@app.command("eligibility")
def eligibility(
    supplier_id: str,
    category: Category,
    amount: str = typer.Argument(..., help="Amount in yuan, e.g. 850000.00"),
    db: str = DB,
    at: str | None = AT,
    as_json: bool = JSON,
) -> None:
    """Whether a supplier may take part in a category for an amount (now or `--at`), and if not
    why; exit 1 when it may not."""
    value = _amount(amount)
    with opened(db, at) as platform:
        result = platform.suppliers.eligibility(supplier_id, category, value, at=moment(at))
    if as_json:
        print_json(result)
    else:
        print_eligibility(result, supplier_id, category, value)
    if not result.eligible:
        raise typer.Exit(EXIT_NO)


def print_eligibility(result: Eligibility, supplier_id: str, category: Category, amount: Decimal) -> None:
    """The answer, and each reason of a no."""
    if result.eligible:
        console.print(f"[green]eligible 可参与[/green]: {supplier_id} in {category.value} "
                      f"for {show_money(amount)}")
        return
    for reason in result.reasons:
        console.print(f"[yellow]{reason.code}[/yellow]: {reason.message_en} / {reason.message_zh}")


@app.command("import")
def import_(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                  help="CSV or JSON file (`zhaocai suppliers sample` prints one)"),
    actor: str = typer.Option(..., "--as", "--officer-id",
                              help="The purchasing officer importing: a person id of the register"),
    db: str = DB,
    as_json: bool = JSON,
) -> None:
    """Import supplier applications from CSV or JSON: all rows or none, with a report; exit 1
    when a row is bad (then nothing is written)."""
    with opened(db) as platform, progress(f"importing {source.name}…", quiet=as_json):
        report = platform.suppliers.import_suppliers(actor, source)
    if as_json:
        print_json(report)
    else:
        print_import(report)
    if not report.ok:
        raise typer.Exit(EXIT_NO)


def print_import(report: ImportReport) -> None:
    """What was imported, or every bad row."""
    if report.ok:
        console.print(f"[green]imported {report.imported} of {report.total}[/green] "
                      f"(batch {report.batch_id}, digest {report.digest})")
        return
    table = Table(title=f"nothing imported: {len(report.errors)} bad row(s) of {report.total} "
                        "（有错误行，未导入任何数据）")
    for column in ("row", "field", "problem"):
        table.add_column(column, overflow="fold")
    for bad in report.errors:
        table.add_row(str(bad.row), bad.field or "", bad.problem)
    console.print(table)


@app.command("sample")
def sample() -> None:
    """Print a sample import file (CSV): three applications with valid codes and qualifications."""
    typer.echo(sample_text(), nl=False)
