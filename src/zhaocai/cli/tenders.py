"""`zhaocai tenders`: a tender as its reader may see it, and its public opening record (开标记录)."""

from __future__ import annotations

from rich.table import Table

from zhaocai.bidding.views import OpeningRecord, TenderView
from zhaocai.cli.app import App
from zhaocai.cli.common import AS, DB, JSON, console, opened, print_json, show_money, show_time
from zhaocai.errors import NotFoundError

app = App(help="Tenders (招标): show one, read its opening record.")


@app.command("show")
def show(tender_id: str, actor: str = AS, db: str = DB, as_json: bool = JSON) -> None:
    """One tender as the person acting may see it (a supplier's user never sees the invitees)."""
    with opened(db) as platform:
        view = platform.tenders.get(actor, tender_id)
    if as_json:
        print_json(view)
        return
    print_tender(view)


def print_tender(view: TenderView) -> None:
    """A tender's facts as a two-column table."""
    table = Table(title=f"{view.title} ({view.id})", show_header=False)
    rows = [("state 状态", view.state.value), ("buyer 采购人", view.buyer),
            ("category 类别", view.category.value),
            ("method 方式", view.method.value), ("estimate 估算金额", show_money(view.estimate)),
            ("ceiling price 最高限价", show_money(view.ceiling_price)),
            ("bid security 投标保证金", show_money(view.bid_security)),
            ("deadline 截止时间", show_time(view.deadline)),
            ("published 发布时间", show_time(view.published_at)),
            ("lots 标段", ", ".join(lot.id for lot in view.lots) or "—"),
            ("two envelopes 双信封", "yes" if view.two_envelopes else "no"),
            ("amendments 澄清修改", str(view.amendments)),
            ("custodians 密钥保管人", f"{len(view.custodians)} (any {view.threshold} open)")]
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)


@app.command("opening")
def opening(tender_id: str, db: str = DB, as_json: bool = JSON) -> None:
    """The tender's public opening record(s): bidders, prices, receipt hashes and times."""
    with opened(db) as platform:
        records = platform.tenders.opening_records(tender_id)
    if not records:
        raise NotFoundError("tender.opening.none",
                            f"Tender {tender_id!r} has no opening record (not opened yet, or no such tender)",
                            f"招标项目 {tender_id!r} 尚无开标记录（尚未开标或项目不存在）",
                            {"tender_id": tender_id})
    if as_json:
        print_json(records)
        return
    for record in records:
        print_opening(record)


def print_opening(record: OpeningRecord) -> None:
    """One opening record as a table of its entries."""
    table = Table(title=f"opening record 开标记录 {record.tender_id} · {record.stage} · "
                        f"{show_time(record.opened_at)} · {record.outcome.value}")
    for column in ("bidder 投标人", "price 报价", "received 递交时间", "status 状态", "envelope hash"):
        table.add_column(column, overflow="fold")
    for entry in record.entries:
        table.add_row(entry.supplier_name or entry.supplier_id, show_money(entry.total_price),
                      show_time(entry.received_at),
                      entry.status + (f" ({entry.reason})" if entry.reason else ""),
                      entry.envelope_hash[:16] + "…")
    console.print(table)
    console.print(f"opened by {record.opened_by}; "
                  f"custodians present: {', '.join(record.custodians_present)}; "
                  f"valid bids {record.valid_bids}; digest {record.digest}")
