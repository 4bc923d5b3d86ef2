"""How `zhaocai screen` shows a screening: a table of flags and of unread lines, or JSON."""

from __future__ import annotations

import json
from collections import Counter

import typer
from rich.console import Console
from rich.table import Table

from zhaocai.integrity.model import Flag
from zhaocai.integrity.report import jsonable
from zhaocai.integrity.screening import ScreenResult

SHOWN_ISSUES = 20


def _named(flag: Flag) -> str:
    parts = []
    if flag.tender_ids:
        parts.append(", ".join(flag.tender_ids[:3]) + (" …" if len(flag.tender_ids) > 3 else ""))
    if flag.supplier_ids:
        parts.append("suppliers " + ", ".join(flag.supplier_ids[:4])
                     + (" …" if len(flag.supplier_ids) > 4 else ""))
    if flag.buyer:
        parts.append(f"{flag.evidence.get('role', 'buyer')} {flag.buyer}")
    return "; ".join(parts)


def print_screen(result: ScreenResult, console: Console, *, as_json: bool, cardinal: bool) -> None:
    """Print the flags and issues (or JSON: Cardinal's shape with `cardinal`, else everything)."""
    if as_json:
        shown = result.cardinal_results() if cardinal else result.to_dict()
        typer.echo(json.dumps(jsonable(shown), ensure_ascii=False, sort_keys=True))
        return
    imported = result.imported
    console.print(f"screened {len(imported.tenders)} process(es) from {imported.lines} line(s); "
                  f"{len(result.flags)} flag(s), {len(imported.errors)} line(s) left out, "
                  f"{len(imported.warnings)} field(s) not read")
    if result.flags:
        table = Table(title="red flags 风险信号")
        for column in ("code", "flag", "subject", "names", "value"):
            table.add_column(column)
        for flag in result.flags:
            value = flag.evidence.get("value")
            table.add_row(flag.code, f"{flag.name_en} / {flag.name_zh}", flag.subject, _named(flag),
                          "" if value is None else str(jsonable(value)))
        console.print(table)
    if imported.issues:
        table = Table(title="lines and fields not read 未能读取的行与字段")
        for column in ("line", "severity", "code", "ocid / field", "problem"):
            table.add_column(column)
        for issue in imported.issues[:SHOWN_ISSUES]:
            where = " ".join(x for x in (issue.ocid, issue.field) if x)
            line = str(issue.line) + (f"#{issue.item}" if issue.item else "")
            table.add_row(line, issue.severity, issue.code, where, f"{issue.message_en} / {issue.message_zh}")
        console.print(table)
        if len(imported.issues) > SHOWN_ISSUES:
            counts = Counter(i.code for i in imported.issues)
            console.print("all issues by code: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))
