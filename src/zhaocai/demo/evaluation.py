"""Demo chapter: evaluation and award (评标与定标) — committee draw with recusal, declarations,
an abnormally low bid explained, scoring sealed by commitment (commit, then reveal), publicity
with an objection, the award notice in capital numerals, the contract at the exact amount, the
labour price inquiry (三三二), and the contract's performance lowering the supplier's scorecard."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from rich.markup import escape

from zhaocai.actors import Actor, Role
from zhaocai.bidding.evaluating.commitment import commit_sheet
from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI, local
from zhaocai.demo.story import Demo, chapter
from zhaocai.demo.tenders import CUSTODIANS, _eligible, _supplier_user
from zhaocai.errors import ZhaocaiError

ADMIN = Actor(id="adm", name="系统管理员 (administrator)", roles=frozenset({Role.ADMINISTRATOR}))
CRITERIA = {"供货方案 supply plan": 30, "质量保证 quality assurance": 15, "售后服务 after-sales": 15}


def _expert(expert_id: str, name: str) -> Actor:
    return Actor(id=expert_id, name=name, organisation="义乌市评标专家库", roles=frozenset({Role.EXPERT}))


def _refused(demo: Demo, what: str, attempt: Any) -> None:
    try:
        attempt()
    except ZhaocaiError as exc:
        demo.say(
            f"[red]Refused[/red] {escape(what)}: [bold]{exc.code}[/bold] — {escape(exc.message_en)} / "
            f"{escape(exc.message_zh)}"
        )
    else:
        raise SystemExit(f"demo: {what} was not refused")


def _pool(demo: Demo, bidders: list[str]) -> None:
    ev = demo.platform.evaluation
    names = ["钱建材", "孙结构", "李混凝土", "周造价", "吴材料", "郑试验", "冯监理", "陈质检"]
    for i, name in enumerate(names):
        relatives = [bidders[i - 5]] if i >= 5 else []  # three experts have relatives at bidders
        ev.add_expert(
            ADMIN,
            {
                "id": f"exp-{i + 1:02d}",
                "name": f"{name} (expert)",
                "identity_number": f"33078219650101{i:04d}",
                "specialties": ["materials"],
                "employer_id": "浙江工业大学" if i % 2 else "义乌市建设工程质量监督站",
                "relatives_at": relatives,
            },
        )
    demo.say(
        f"Expert pool: {len(names)} materials experts; three have declared relatives at suppliers "
        "that will bid (the pool keeps identity numbers only as keyed hashes)."
    )


def _committee(demo: Demo, tender_id: str, bidders: dict[str, str]) -> list[Actor]:
    ev, cast = demo.platform.evaluation, demo.cast
    view = ev.draw_committee(
        cast["purchasing"],
        tender_id,
        representatives=[{"person_id": "t-chen", "name": "陈技术 Chen (technical)"}],
    )
    demo.say(
        f"Committee drawn at {view.draw_time} from the opening record {view.opening_digest[:12]}…: "
        f"seed {view.seed_hex[:16]}… (nobody chose it)."
    )
    for r in view.recusals:
        demo.say(
            f"  [yellow]recused[/yellow] {r.expert_id}: {r.code} — {escape(r.en)} "
            f"({escape(bidders.get(r.bidder_id or '', r.bidder_id or ''))}) / {escape(r.zh)}"
        )
    members = [
        cast["technical"] if m.member_id == "t-chen" else _expert(m.member_id or "", m.name or "")
        for m in view.members
    ]
    if not view.recusals:
        leaving = members[0]
        declaration = ev.declare(
            leaving,
            tender_id,
            no_conflict=False,
            statement="本人配偶在投标人处任职 my spouse works for a bidder",
        )
        demo.say(
            f"  {leaving.name} declares a relative at a bidder and steps aside; the next expert in the "
            f"same draw order, {declaration.replacement_id}, takes the seat."
        )
        members = [
            _expert(m.member_id or "", m.name or "") if m.member_id != "t-chen" else cast["technical"]
            for m in ev.committee(cast["purchasing"], tender_id).members
            if m.active
        ]
    demo.table(
        "Committee (names confidential until the award)",
        ["seat", "member", "kind"],
        [
            [str(m.position), m.name or "", m.kind]
            for m in ev.committee(cast["purchasing"], tender_id).members
            if m.active
        ],
    )
    check = ev.rerun_draw(tender_id)
    demo.say(
        f"Anyone can re-run the draw from the recorded inputs: matches={check.matches}. A bidder sees "
        f"names: {ev.committee(_supplier_user(next(iter(bidders))), tender_id).names_visible}."
    )
    return members


@chapter(30, "评标与定标 Evaluation and award: committee, sealed scores, publicity, contract, performance")
def evaluation(demo: Demo) -> None:
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    ev, officer = platform.evaluation, cast["purchasing"]
    suppliers = _eligible(
        demo,
        Category.MATERIALS,
        "1200000",
        4,
        ["义乌永固建材有限公司", "金华华东混凝土有限公司", "浙江中天商砼有限公司", "东阳恒信建材有限公司"],
    )
    names = {s: platform.suppliers.get(officer, s).name for s in suppliers}
    _pool(demo, suppliers)
    draft = platform.tenders.create_draft(
        cast["purchasing"],
        {
            "title": "C30 ready-mixed concrete, medical park phase 2",
            "buyer": "浙江津义建设",
            "category": "materials",
            "method": "open_tender",
            "lots": [
                {
                    "id": "L1",
                    "title": "C30 商品混凝土",
                    "items": [{"name": "C30", "quantity": "3000", "unit": "m³"}],
                }
            ],
            "estimate": "1150000",
            "ceiling_price": "1200000",
            "bid_security": "20000",
            "deadline": clock.now() + timedelta(days=21),
            "custodians": CUSTODIANS,
            "threshold": 2,
            "evaluation": {
                "method": "comprehensive_scoring",
                "weights": {"price": "40", "technical": "45", "commercial": "15"},
                "criteria": [
                    {
                        "name": n,
                        "part": "commercial" if n.startswith("售后") else "technical",
                        "weight": str(w),
                    }
                    for n, w in CRITERIA.items()
                ],
            },
        },
    )
    pub = platform.tenders.publish(cast["purchasing"], draft.id)
    tid = pub.tender.id
    demo.say(
        f"Published [bold]{pub.tender.title}[/bold]: comprehensive scoring, price 40 / technical 45 / "
        "commercial 15, frozen at publication."
    )
    for supplier_id, price in zip(
        suppliers, ("1080000.00", "1105000.00", "1060000.00", "640000.00"), strict=True
    ):
        platform.tenders.submit_bid(
            _supplier_user(supplier_id), tid, {"lots": [{"lot": "L1", "price": price}]}
        )
        clock.advance(hours=5)
    clock.set(pub.tender.deadline + timedelta(minutes=20))
    platform.tenders.open_bids(cast["supervisor"], tid, [s.share for s in pub.shares if s.index in (2, 3)])
    demo.say(f"Opened: {len(suppliers)} bids read into the public opening record.")

    members = _committee(demo, tid, names)
    expert = next(m for m in members if m.id != "t-chen")
    _refused(
        demo, f"{expert.name} reading the bids before signing the declaration", lambda: ev.bids(expert, tid)
    )
    for member in members:
        ev.declare(member, tid)
    demo.say(f"All {len(members)} members sign the no-conflict declaration (无利害关系声明).")
    ev.record_bid_security(cast["finance"], tid, {s: "20000.00" for s in suppliers})
    checked = ev.check_compliance(members[0], tid)
    low = next(e for e in checked.lots[0].entries if e.abnormal)
    flag = low.abnormal or {}
    demo.say(
        f"Compliance: {checked.lots[0].compliant} compliant bids. [yellow]Abnormally low[/yellow]: "
        f"{escape(names[low.supplier_id])} at ¥{low.price:,.2f} — {escape(flag['reason']['en'])}"
    )
    ev.decide_abnormal(
        members[1],
        tid,
        {
            "lot_id": "L1",
            "bid_id": low.bid_id,
            "decision": "explanation_accepted",
            "explanation": "自有搅拌站与砂石矿，附成本测算 / own batching plant and quarry; cost sheet",
        },
    )
    demo.say(
        "The bidder's written explanation (own batching plant and quarry) is recorded and accepted: the bid "
        "stays in."
    )

    bids = sorted(e.bid_id for e in checked.lots[0].entries if e.compliant)
    order = list(range(len(members)))
    random.Random(30).shuffle(order)
    form = ev.scoring_form(members[0], tid, "L1")
    kept: dict[int, Any] = {}  # what each member keeps on their own side until the reveal
    for step, i in enumerate(order):
        base = [24, 26, 27, 22]
        sheet = {
            bid: {
                c: str(min(top, max(0, round(top * (base[k] + (i + k) % 3) / 30))))
                for c, top in CRITERIA.items()
            }
            for k, bid in enumerate(bids)
        }
        if i == order[-1]:
            sheet[bids[0]]["供货方案 supply plan"] = "5"  # one member strays: flagged, not hidden
        kept[i] = commit_sheet(sheet, tender_id=tid, lot_id="L1", member_id=members[i].id, form=form)
        ev.commit_scores(members[i], tid, "L1", kept[i].digest)  # only the digest leaves the member
        if step == 1:
            _refused(
                demo,
                f"{members[i].name} revealing a sheet after two of {len(members)} committed",
                lambda i=i: ev.reveal_scores(members[i], tid, "L1", kept[i].sheet, kept[i].nonce),
            )
    demo.say(
        f"Every member committed to a sheet (sha256 of the sheet and a secret nonce): the store holds "
        f"{len(kept)} digests and no points yet."
    )
    first = kept[order[0]]
    tampered = {bid: dict(row) for bid, row in first.sheet.items()}
    tampered[bids[0]]["售后服务 after-sales"] = "15"
    _refused(
        demo,
        f"{members[order[0]].name} revealing a sheet other than the one committed to",
        lambda: ev.reveal_scores(members[order[0]], tid, "L1", tampered, first.nonce),
    )
    for step, i in enumerate(order):
        ev.reveal_scores(members[i], tid, "L1", kept[i].sheet, kept[i].nonce)
        if step == 1:
            _refused(
                demo,
                f"{members[i].name} reading the score sheets after two of {len(members)} revealed",
                lambda i=i: ev.score_sheets(members[i], tid, "L1"),
            )
    report = ev.compile_report(members[0], tid)
    lot = report.lots[0]
    demo.table(
        "Evaluation report (评标报告)",
        ["rank", "bidder", "price", "price score", "technical", "commercial", "total"],
        [
            [
                str(e.rank),
                names[e.supplier_id],
                f"{e.price:,.2f}",
                str(e.price_score),
                str(e.technical),
                str(e.commercial),
                str(e.total),
            ]
            for e in lot.entries
            if e.rank
        ],
    )
    for o in lot.outliers:
        demo.say(
            f"  outlier flagged: a member gave {o['points']} on {o['criterion_id'] or 'the total'} "
            f"(others' mean {o['others_mean']})"
        )
    assert report.publicity_ends is not None
    demo.say(f"Candidates publicised (公示) until {local(report.publicity_ends):%Y-%m-%d %H:%M}.")

    labour = demo.notes.get("tenders", {}).get("labour")
    if labour:
        ev.sign_inquiry(cast["purchasing"], labour)
        ev.sign_inquiry(cast["purchasing2"], labour)
        decision = ev.decide_inquiry(cast["purchasing2"], labour)
        for item in decision.lots:
            demo.say(
                f"Labour price inquiry (三三二): signed by {', '.join(decision.officers)}; lowest compliant "
                f"quote wins: {platform.suppliers.get(officer, item['winner']).name} at ¥{item['price']}."
            )

    second = lot.entries[1].supplier_id
    objection = ev.raise_objection(
        _supplier_user(second), tid, "第一中标候选人业绩证明存疑 / doubt the winner's references"
    )
    demo.say(f"{escape(names[second])} objects during the publicity.")
    _refused(demo, "the award during the publicity", lambda: ev.award(cast["purchasing"], tid))
    clock.set(report.publicity_ends)
    _refused(demo, "the award with an objection unanswered", lambda: ev.award(cast["purchasing"], tid))
    ev.answer_objection(
        cast["supervisor"], objection.id, "经核查业绩证明真实，异议不成立 / references verified"
    )
    awarded = ev.award(cast["purchasing"], tid)
    notice = awarded.notices[0]
    demo.console.rule(f"[bold]{notice.title_zh} {notice.title_en}")
    demo.console.print(escape(notice.body_zh))
    demo.console.print(escape(notice.body_en))
    demo.say(
        f"Amount in capital numerals (大写): [bold]{notice.amount_in_words}[/bold] ({notice.amount_figures})"
    )
    if labour:
        for labour_notice in ev.award(cast["purchasing"], labour).notices:
            demo.say(
                f"Labour inquiry awarded: {labour_notice.amount_in_words} ({labour_notice.amount_figures})."
            )

    ev.sign_contract(_supplier_user(notice.supplier_id), notice.contract_id)
    contract = ev.sign_contract(cast["purchasing"], notice.contract_id)
    demo.say(
        f"Contract {contract.id} signed by both sides at exactly ¥{contract.amount:,.2f} (= the opened bid "
        f"= the award); tender {contract.tender_state}."
    )

    winner = notice.supplier_id
    platform.suppliers.record_performance(
        cast["quality"],
        {
            "supplier_id": winner,
            "contract_id": "HT-2026-03-017",
            "kind": "on_time_delivery",
            "severity": 1,
            "occurred_at": datetime(2026, 3, 20, 10, tzinfo=SHANGHAI),
        },
    )
    platform.suppliers.close_period(cast["purchasing"], "month", "2026-03")
    month = local(clock.now())
    for kind, severity in (("late_delivery", 4), ("quality_defect", 5), ("safety_incident", 3)):
        platform.suppliers.record_performance(
            cast["quality"],
            {"supplier_id": winner, "contract_id": contract.id, "kind": kind, "severity": severity,
             "occurred_at": clock.now()},
        )
        clock.advance(days=3)
    clock.set(datetime(month.year + (month.month == 12), month.month % 12 + 1, 2, 9, tzinfo=SHANGHAI))
    platform.suppliers.close_period(cast["purchasing"], "month", f"{month:%Y-%m}")
    cards = platform.suppliers.scorecards(supplier_id=notice.supplier_id)
    demo.table(
        f"Scorecards of {names[notice.supplier_id]}",
        ["period", "total", "grade"],
        [[c.period_id, str(c.total), c.grade] for c in cards],
    )
    demo.say(
        f"Late delivery, a quality defect and a safety incident against the contract lower "
        f"{escape(names[winner])}'s scorecard from {cards[0].total} ({cards[0].grade}) to "
        f"{cards[-1].total} ({cards[-1].grade}): standing {platform.suppliers.get(officer, winner).standing}."
    )
    demo.notes["evaluation"] = {"tender": tid, "contract": contract.id, "labour": labour}
