"""Demo chapter: publication (公开) — OCDS release and record packages, the public "sunshine"
database, and the integrity report, in which two related bidders are flagged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils
from rich.markup import escape

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.demo.custody import CUSTODIANS, ensure_keys, present
from zhaocai.demo.story import Demo, chapter
from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character
from zhaocai.publish.search import search
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department

SHARED = {"legal_representative": "楼建国", "legal_representative_id": "330782197206063311",
          "address": "浙江省义乌市北苑街道春华路88号"}


def _register(demo: Demo, name: str, seed: int, **overrides: Any) -> str:
    """Register and admit a labour supplier through the register's real path."""
    body = "".join(CREDIT_CODE_CHARSET[(seed * 11 + i * 3) % 31] for i in range(9))
    first17 = "91330782" + body
    quals = [{"type": r.type, "grade": r.min_grade or "", "number": f"{r.type[:4]}-{seed}",
              "issuer": "义乌市市场监督管理局", "valid_from": datetime(2020, 1, 1, tzinfo=UTC),
              "valid_until": datetime(2040, 1, 1, tzinfo=UTC)} for r in DEFAULT_POLICIES[Category.LABOUR]]
    suppliers, cast = demo.platform.suppliers, demo.cast
    view = suppliers.register(cast["purchasing2"], {
        "credit_code": first17 + credit_code_check_character(first17), "name": name,
        "legal_representative": f"法人{seed}", "legal_representative_id": f"330782198502{seed:06d}",
        "address": f"浙江省义乌市佛堂镇工业区{seed}号",
        "contacts": [{"name": f"联系人{seed}", "phone": f"1385790{seed:04d}"}],
        "bank_name": "义乌农商银行", "bank_account": f"6228 0579 9{seed:07d}",
        "categories": [Category.LABOUR], "ceiling": "600000", "qualifications": quals, **overrides,
    })
    for key, department in (("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
                            ("technical", Department.TECHNICAL)):
        suppliers.review(cast[key], view.id, department, passed=True, comment="符合要求")
    suppliers.admit(cast["purchasing"], view.id)
    demo.pledge(view.id)
    return view.id


def _user(supplier_id: str) -> Actor:
    return Actor(id=f"u-{supplier_id}"[:64], name=f"bidder {supplier_id}", organisation=supplier_id,
                 roles=frozenset({Role.SUPPLIER}), supplier_id=supplier_id)


def _related_inquiry(demo: Demo) -> str:
    """A price inquiry where two related suppliers quote against an independent one."""
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    first = _register(demo, "义乌鼎盛劳务有限公司", 7101, **SHARED)
    second = _register(demo, "义乌鼎鑫建筑劳务有限公司", 7102, **SHARED,
                       contacts=[{"name": "楼经理", "phone": "13857907101"}])
    third = _register(demo, "金华正泰劳务有限公司", 7103)
    demo.say("Three labour suppliers are admitted; two of them share a legal representative "
             f"({SHARED['legal_representative']}, same identity number), an address and a phone.")
    tenders = platform.tenders
    view = tenders.create_draft(cast["purchasing"], {
        "title": "Scaffolding labour, building 5 脚手架劳务", "buyer": "浙江津义建设", "category": "labour",
        "method": "price_inquiry", "invitees": [first, second, third], "officers": ["p-wang", "p-li"],
        "lots": [{"id": "L1", "title": "scaffolding", "items": [
            {"name": "脚手架搭拆劳务 scaffolding labour", "quantity": "5200", "unit": "m²"}]}],
        "estimate": "300000", "ceiling_price": "320000", "deadline": clock.now() + timedelta(days=4),
        "custodians": CUSTODIANS, "threshold": 2,
    })
    ensure_keys(demo)
    pub = tenders.publish(cast["purchasing"], view.id)
    for supplier_id, price in ((first, "298000.00"), (second, "299500.00"), (third, "301800.00")):
        clock.advance(hours=3)
        tenders.submit_bid(_user(supplier_id), pub.tender.id, {"lots": [{"lot": "L1", "price": price}]})
    clock.set(pub.tender.deadline + timedelta(minutes=10))
    present(demo, pub.tender.id, "s-zhou", "f-sun", quiet=True)
    record = tenders.open_bids(cast["supervisor"], pub.tender.id)
    demo.say(f"Inquiry opened: {record.valid_bids} valid quotes; record digest {record.digest[:16]}…")
    return pub.tender.id


@chapter(90, "公开 Publication: OCDS, the sunshine database and the integrity report")
def transparency(demo: Demo) -> None:
    platform = demo.platform
    tender_id = _related_inquiry(demo)
    package = platform.publish.release_package()
    tags: dict[str, int] = {}
    for release in package["releases"]:
        tags[release["tag"][0]] = tags.get(release["tag"][0], 0) + 1
    demo.say(f"OCDS 1.1: {len({r['ocid'] for r in package['releases']})} contracting processes, "
             f"{len(package['releases'])} releases (" + ", ".join(f"{k} {v}" for k, v in sorted(tags.items()))
             + "); bids appear only from the opening on, amounts as exact JSON numbers.")
    stem = demo.path.stem
    ocds_path = platform.publish.write_release_package(demo.path.with_name(f"{stem}-ocds.json"))
    records_path = platform.publish.write_record_package(demo.path.with_name(f"{stem}-records.json"))
    public_path = platform.publish.public_database(demo.path.with_name(f"{stem}-public.db"))
    db = sqlite_utils.Database(public_path)
    try:
        counts = {name: db.table(name).count for name in ("tenders", "opening_entries", "awards", "blacklist",
                                                           "red_flags")}
        found = [db.execute("SELECT title FROM tenders WHERE rowid = ?", (rowid,)).fetchone()[0]
                 for rowid in search(db.conn, "tenders_fts", "脚手架")]
    finally:
        db.close()
    demo.say("Public database: " + ", ".join(f"{k} {v}" for k, v in counts.items())
             + f"; full-text search '脚手架' finds {found}")
    report = platform.integrity.report(demo.cast["auditor"], tender_id)
    demo.console.print(escape(report.to_text()))
    related = [f for f in report.flags if f.code == "REG40-RELATED-PARTIES"]
    if not related:
        raise SystemExit("demo: the related bidders were not flagged")
    demo.say(f"[bold]OCDS release package[/bold]: {ocds_path}")
    demo.say(f"[bold]OCDS record package[/bold]: {records_path}")
    demo.say(f"[bold]Public database[/bold]: {public_path}")
    demo.say(f"[bold]Integrity report[/bold] of {tender_id}: {len(report.flags)} flags, "
             f"related bidders {', '.join(related[0].supplier_ids)} flagged (REG40-RELATED-PARTIES).")
    demo.notes["publication"] = {"ocds": str(ocds_path), "records": str(records_path),
                                 "public_db": str(public_path)}
