"""Demo chapter: sealed online tenders (线上招标) for rebar and for labour, opened by custodians."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from zhaocai.actors import Actor, Role
from zhaocai.bidding.receipts import verify_receipt
from zhaocai.bidding.sealing import seal_bid
from zhaocai.bidding.views import OpeningRecord, Publication
from zhaocai.categories import Category
from zhaocai.clock import local
from zhaocai.demo.custody import CUSTODIANS, ensure_keys, present
from zhaocai.demo.story import Demo, chapter
from zhaocai.errors import ZhaocaiError
from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department


def _supplier_user(supplier_id: str) -> Actor:
    return Actor(id=f"u-{supplier_id}"[:64], name=f"bidder {supplier_id}", organisation=supplier_id,
                 roles=frozenset({Role.SUPPLIER}), supplier_id=supplier_id)


def _noted_ids(demo: Demo) -> list[str]:
    """Supplier ids left by the suppliers chapter (a list, or a mapping of name → id)."""
    noted: Any = demo.notes.get("suppliers", [])
    values = noted.values() if isinstance(noted, dict) else noted
    return [v for v in values if isinstance(v, str)]


def _admit(demo: Demo, name: str, category: Category, seed: int, ceiling: str = "3000000") -> str:
    """Admit a supplier through the register's real path (for a demo run on its own)."""
    body = "".join(CREDIT_CODE_CHARSET[(seed * 7 + i) % 31] for i in range(9))
    first17 = "91330782" + body
    quals = [{"type": r.type, "grade": r.min_grade or "", "number": f"{r.type[:4]}-{seed}",
              "issuer": "义乌市市场监督管理局", "valid_from": datetime(2020, 1, 1, tzinfo=UTC),
              "valid_until": datetime(2040, 1, 1, tzinfo=UTC)} for r in DEFAULT_POLICIES[category]]
    suppliers, cast = demo.platform.suppliers, demo.cast
    view = suppliers.register(cast["purchasing2"], {
        "credit_code": first17 + credit_code_check_character(first17), "name": name,
        "legal_representative": f"法人{seed}", "legal_representative_id": f"330782198001{seed:06d}",
        "address": f"浙江省义乌市稠城街道工业路{seed}号",
        "contacts": [{"name": f"联系人{seed}", "phone": f"1390000{seed:04d}"}],
        "bank_name": "义乌农商银行", "bank_account": f"6228{seed:012d}", "categories": [category],
        "ceiling": ceiling, "qualifications": quals,
    })
    for key, department in (("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
                            ("technical", Department.TECHNICAL)):
        suppliers.review(cast[key], view.id, department, passed=True, comment="符合要求")
    if Decimal(ceiling) >= suppliers.settings.site_inspection_threshold:
        suppliers.record_site_inspection(cast["purchasing"], view.id,
                                         report="现场考察：厂房、设备、人员符合要求", passed=True)
        suppliers.sign_site_inspection(cast["quality"], view.id)
    suppliers.admit(cast["purchasing"], view.id)
    demo.pledge(view.id)
    return view.id


def _eligible(demo: Demo, category: Category, amount: str, needed: int, names: list[str]) -> list[str]:
    found = [s for s in _noted_ids(demo)
             if demo.platform.suppliers.eligibility(s, category, amount).eligible]
    for i, name in enumerate(names[: max(0, needed - len(found))]):
        seed = 9000 + len(found) + i + (50 if category is Category.LABOUR else 0)
        found.append(_admit(demo, name, category, seed))
    return found[:needed]


def _blacklisted(demo: Demo) -> str:
    """A blacklisted supplier: from the suppliers chapter, or cleared out here."""
    for supplier_id in _noted_ids(demo):
        reasons = demo.platform.suppliers.eligibility(supplier_id, Category.MATERIALS, "1").reasons
        if any(r.code == "blacklisted" for r in reasons):
            return supplier_id
    supplier_id = _admit(demo, "义乌劣质钢材贸易行", Category.MATERIALS, 9900)
    request = demo.platform.suppliers.propose_blacklist(
        demo.cast["purchasing"], supplier_id, "falsified mill certificates 伪造质保书",
        evidence=["inspection report"])
    demo.platform.suppliers.approve_blacklist(demo.cast["supervisor"], request.id)
    return supplier_id


def _print_record(demo: Demo, title: str, record: OpeningRecord) -> None:
    rows = [[e.supplier_name or e.supplier_id, f"v{e.version}", local(e.received_at).strftime("%m-%d %H:%M"),
             f"{e.total_price:,.2f}" if e.total_price is not None else "—", e.status,
             e.envelope_hash[:12] + "…"] for e in record.entries]
    demo.table(title, ["bidder", "version", "received", "price (CNY)", "status", "envelope sha256"], rows)
    demo.say(f"Outcome: [bold]{record.outcome.value}[/bold], {record.valid_bids} valid bids; "
             f"custodians present: {', '.join(record.custodians_present)}; "
             f"record digest {record.digest[:16]}…")


def _refusal(demo: Demo, what: str, attempt: Any) -> None:
    try:
        attempt()
    except ZhaocaiError as exc:
        demo.say(f"[red]Refused[/red] {what}: [bold]{exc.code}[/bold] — {exc.message_en} / {exc.message_zh}")
    else:
        raise SystemExit(f"demo: {what} was not refused")


def _publish(demo: Demo, draft: dict[str, Any]) -> Publication:
    ensure_keys(demo)
    tenders, wang = demo.platform.tenders, demo.cast["purchasing"]
    pub = tenders.publish(wang, tenders.create_draft(wang, draft).id)
    public_key, digest = pub.tender.public_key or "", pub.tender.rules_digest or ""
    demo.say(f"Published [bold]{pub.tender.title}[/bold] ({pub.tender.method.label_zh}), deadline "
             f"{local(pub.tender.deadline):%Y-%m-%d %H:%M}; public key {public_key[:16]}…, "
             f"rules frozen as {digest[:12]}…")
    for seat in pub.seats:
        demo.say(f"  share #{seat.index} sealed to {seat.name}'s own key {seat.key_id} "
                 "(nobody else can read it; Wang received none)")
    return pub


@chapter(20, "Online tendering: sealed bids nobody can read before the deadline (线上招标)")
def tenders(demo: Demo) -> None:
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    steel = _eligible(demo, Category.MATERIALS, "2100000", 4,
                      ["义乌永固钢材有限公司", "金华华东建材有限公司", "浙江中天钢贸有限公司",
                       "东阳恒信物资有限公司"])
    labour = _eligible(demo, Category.LABOUR, "380000", 3,
                       ["义乌建工劳务有限公司", "浦江匠心劳务有限公司", "东阳木工劳务合作社"])
    banned = _blacklisted(demo)
    start = clock.now()
    rebar = _publish(demo, {
        "title": "HRB400E rebar for the medical park, phase 2", "buyer": "浙江津义建设",
        "category": "materials", "method": "open_tender",
        "lots": [{"id": "L1", "title": "HRB400E Φ12–Φ25",
                  "items": [{"name": "rebar", "quantity": "420", "unit": "t"}]}],
        "estimate": "2000000", "ceiling_price": "2100000", "bid_security": "40000",
        "deadline": start + timedelta(days=21), "custodians": CUSTODIANS, "threshold": 2,
    })
    inquiry = _publish(demo, {
        "title": "Formwork labour, building 3", "buyer": "浙江津义建设", "category": "labour",
        "method": "price_inquiry", "invitees": labour, "officers": ["p-wang", "p-li"],
        "lots": [{"id": "L1", "title": "formwork",
                  "items": [{"name": "formwork labour", "quantity": "6800", "unit": "m²"}]}],
        "estimate": "360000", "ceiling_price": "380000", "deadline": start + timedelta(days=5),
        "custodians": CUSTODIANS, "threshold": 2,
    })
    key = platform.tenders.receipt_verify_key()
    demo.say(f"Receipts are signed with the key in the {platform.keys.where}; its public half {key[:16]}… "
             "is what anyone checks them with (`zhaocai keys public`).")
    for i, supplier_id in enumerate(steel):
        clock.advance(hours=7)
        clear: dict[str, Any] = {"lots": [{"lot": "L1", "price": f"{1_905_000 + i * 37_500}.00"}],
                                 "documents": {"author": f"编制人{i}"},
                                 "bid_security_account": f"6228 0000 {i:04d}"}
        # The first bidder seals on its own computer: the platform only ever sees ciphertext.
        bid: Any = seal_bid(rebar.tender.public_key or "", clear) if i == 0 else clear
        receipt = platform.tenders.submit_bid(_supplier_user(supplier_id), rebar.tender.id, bid)
        demo.say(f"Receipt for {supplier_id}: v{receipt.version}, envelope {receipt.envelope_hash[:12]}…, "
                 f"signature valid: {verify_receipt(receipt, key)}")
    _refusal(demo, "a bid from a blacklisted supplier",
             lambda: platform.tenders.submit_bid(_supplier_user(banned), rebar.tender.id,
                                                 {"lots": [{"lot": "L1", "price": "1500000.00"}]}))
    for i, supplier_id in enumerate(labour):
        clock.advance(hours=2)
        platform.tenders.submit_bid(_supplier_user(supplier_id), inquiry.tender.id,
                                    {"lots": [{"lot": "L1", "price": f"{352_000 + i * 6_400}.00"}]})
    demo.say(f"{len(labour)} invited labour suppliers quoted. The outbox shows no bid event: before "
             "opening nobody learns who bid, or how many (Law 22).")

    clock.set(inquiry.tender.deadline)
    _refusal(demo, "a labour quote arriving exactly at the deadline",
             lambda: platform.tenders.submit_bid(_supplier_user(labour[0]), inquiry.tender.id,
                                                 {"lots": [{"lot": "L1", "price": "340000.00"}]}))
    clock.advance(minutes=30)
    present(demo, inquiry.tender.id, "s-zhou", "f-sun")
    record = platform.tenders.open_bids(cast["supervisor"], inquiry.tender.id)
    _print_record(demo, "Opening record — formwork labour (询价)", record)

    clock.set(rebar.tender.deadline + timedelta(minutes=5))
    _refusal(demo, "a rebar bid five minutes after the deadline",
             lambda: platform.tenders.submit_bid(_supplier_user(steel[1]), rebar.tender.id,
                                                 {"lots": [{"lot": "L1", "price": "1800000.00"}]}))
    _refusal(demo, "Wang (no custodian) asking for a custodian's sealed share",
             lambda: platform.tenders.sealed_share(cast["purchasing"], rebar.tender.id))
    present(demo, rebar.tender.id, "s-zhou")
    _refusal(demo, "opening with one custodian's share presented",
             lambda: platform.tenders.open_bids(cast["supervisor"], rebar.tender.id))
    clock.advance(minutes=25)
    present(demo, rebar.tender.id, "a-zheng")
    record = platform.tenders.open_bids(cast["supervisor"], rebar.tender.id)
    _print_record(demo, "Opening record — HRB400E rebar (公开招标)", record)
    demo.notes["tenders"] = {"rebar": rebar.tender.id, "labour": inquiry.tender.id}
    demo.notes["opened_tenders"] = [rebar.tender.id, inquiry.tender.id]
