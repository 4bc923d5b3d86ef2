"""Demo chapter: the supplier register (供应商库) — applications, three-department review, site
inspection, a refusal for an expired qualification, a performance period, a suspension by grade,
a blacklisting with two approvers, and related parties."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from rich.markup import escape

from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI
from zhaocai.demo.story import Demo, chapter
from zhaocai.errors import ZhaocaiError
from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
FAR_AHEAD = datetime(2040, 1, 1, tzinfo=UTC)

MATERIALS = ["义乌钢联建材有限公司", "浙中水泥制品有限公司", "金华恒通管业有限公司",
             "稠州五金机电有限公司", "佛堂混凝土有限公司"]
LABOUR = ["义乌建工劳务有限公司", "东阳木工劳务合作社", "浦江安装劳务有限公司"]


def _credit_code(seed: int) -> str:
    body = "".join(CREDIT_CODE_CHARSET[(seed // 31 ** i) % 31] for i in range(9))
    first17 = "91330782" + body
    return first17 + credit_code_check_character(first17)


def _application(name: str, seed: int, category: Category, ceiling: str = "800000",
                 **overrides: Any) -> dict[str, Any]:
    quals = [{"type": r.type, "grade": r.min_grade or "", "number": f"{r.type[:4].upper()}-{seed}",
              "issuer": "义乌市市场监督管理局", "valid_from": LONG_AGO, "valid_until": FAR_AHEAD}
             for r in DEFAULT_POLICIES[category]]
    data = {
        "credit_code": _credit_code(seed), "name": name, "legal_representative": f"法人{seed}",
        "legal_representative_id": f"3307821980{seed:08d}", "address": f"浙江省义乌市工业路{seed}号",
        "contacts": [{"name": f"联系人{seed}", "phone": f"1390579{seed:04d}",
                      "email": f"sales{seed}@example.cn"}],
        "bank_name": "义乌农商银行", "bank_account": f"6228 0579 {seed:08d}",
        "categories": [category], "ceiling": ceiling, "qualifications": quals,
    }
    data.update(overrides)
    return data


def _reviews(demo: Demo, supplier_id: str, *, say: bool = False) -> None:
    for key, department in (("purchasing", Department.PURCHASING),
                            ("quality", Department.QUALITY),
                            ("technical", Department.TECHNICAL)):
        view = demo.platform.suppliers.review(demo.cast[key], supplier_id, department, passed=True,
                                              comment="资料齐全，符合要求")
        if say:
            demo.say(f"  {demo.cast[key].name} passes the {department.value} review → {view.admission}")


def _refused(demo: Demo, what: str, error: ZhaocaiError) -> None:
    demo.say(f"[red]Refused[/red] {escape(what)}: {escape(f'[{error.code}]')} {escape(error.message_en)}")
    demo.say(f"  {escape(error.message_zh)}")


@chapter(10, "供应商库 The supplier register: admission, review, performance, clearing out")
def supplier_register(demo: Demo) -> None:
    platform, cast = demo.platform, demo.cast
    suppliers, officer = platform.suppliers, cast["purchasing"]
    names: dict[str, str] = {}
    policy = suppliers.category_policy(Category.LABOUR)
    demo.say("Labour suppliers must hold: " + ", ".join(f"{r.label_zh} ({r.type})" for r in policy))

    demo.say("Eight suppliers apply; each application is reviewed by purchasing, quality and "
             "technical — three different people, none of whom registered it (三三二).")
    for i, name in enumerate(MATERIALS + LABOUR):
        category = Category.MATERIALS if i < len(MATERIALS) else Category.LABOUR
        ceiling = "3000000" if category is Category.MATERIALS else "800000"
        view = suppliers.register(cast["purchasing2"], _application(name, 100 + i, category, ceiling))
        _reviews(demo, view.id, say=i == 0)
        if category is Category.MATERIALS:  # ¥3,000,000 is above the threshold
            suppliers.record_site_inspection(cast["purchasing"], view.id,
                                             report="现场考察：生产、仓储、质检符合要求", passed=True)
            suppliers.sign_site_inspection(cast["technical"], view.id)
        suppliers.admit(cast["purchasing"], view.id)
        demo.pledge(view.id)
        names[name] = view.id
    demo.say(f"{len(names)} suppliers admitted ({len(MATERIALS)} materials at ¥3,000,000 after a "
             f"site inspection each, {len(LABOUR)} labour at ¥800,000).")

    large = "华东钢铁集团义乌分公司"
    view = suppliers.register(cast["purchasing2"], _application(large, 120, Category.MATERIALS,
                                                                 ceiling="5000000"))
    _reviews(demo, view.id)
    demo.say(f"{large} asks for a ¥5,000,000 ceiling (threshold "
             f"¥{suppliers.settings.site_inspection_threshold:,.0f}): after the reviews it is in "
             f"{suppliers.get(officer, view.id).admission}.")
    try:
        suppliers.admit(cast["purchasing"], view.id)
        demo.pledge(view.id)
    except ZhaocaiError as exc:
        _refused(demo, "admission before the site inspection", exc)
    suppliers.record_site_inspection(cast["purchasing"], view.id,
                                     report="现场考察：轧钢生产线、质检实验室、仓储运输均符合要求",
                                     passed=True)
    suppliers.sign_site_inspection(cast["quality"], view.id)
    demo.say(f"{cast['purchasing'].name} records the on-site report and {cast['quality'].name} "
             "co-signs it in a command of her own.")
    demo.say(f"{large}: {suppliers.admit(cast['purchasing'], view.id).admission}.")
    demo.pledge(view.id)
    names[large] = view.id

    lapsed = "金华速达劳务有限公司"
    app = _application(lapsed, 130, Category.LABOUR)
    app["qualifications"] = [dict(q, valid_until=datetime(2026, 2, 28, tzinfo=SHANGHAI))
                             if q["type"] == "work_safety_licence" else q
                             for q in app["qualifications"]]
    view = suppliers.register(cast["purchasing2"], app)
    _reviews(demo, view.id)
    try:
        suppliers.admit(cast["purchasing"], view.id)
        demo.pledge(view.id)
    except ZhaocaiError as exc:
        _refused(demo, f"{lapsed}", exc)
    suppliers.reject(cast["quality"], view.id, "安全生产许可证已过期")

    poor, cheat = "义乌低价建材商行", "义乌劣质钢材贸易行"
    for seed, name in ((140, poor), (141, cheat)):
        view = suppliers.register(cast["purchasing2"], _application(name, seed, Category.MATERIALS))
        _reviews(demo, view.id)
        suppliers.admit(cast["purchasing"], view.id)
        demo.pledge(view.id)
        names[name] = view.id

    demo.say("February's performance events (履约) are recorded against contracts.")
    feb = datetime(2026, 2, 10, 10, tzinfo=SHANGHAI)
    events = [(names[MATERIALS[0]], "on_time_delivery", 1), (names[MATERIALS[1]], "late_delivery", 2),
              (names[LABOUR[0]], "service_complaint", 1), (names[poor], "late_delivery", 5),
              (names[poor], "quality_defect", 5), (names[poor], "safety_incident", 4),
              (names[poor], "late_delivery", 5), (names[poor], "quality_defect", 5),
              (names[poor], "safety_incident", 5)]
    for n, (supplier_id, kind, severity) in enumerate(events):
        suppliers.record_performance(cast["quality"], {
            "supplier_id": supplier_id, "contract_id": f"HT-2026-02-{n:03d}", "kind": kind,
            "severity": severity, "occurred_at": feb})
    closed = suppliers.close_period(cast["purchasing"], "month", "2026-02")
    by_id = {v: k for k, v in names.items()}
    cards = suppliers.scorecards(cast["quality"], period=closed.period_id)
    demo.table(f"Scorecards {closed.period_id} (suppliers without events get no score)",
               ["supplier", "delivery", "quality", "safety", "service", "compliance", "total", "grade"],
               [[by_id[c.supplier_id], *(str(c.scores[k]) for k in
                                         ("delivery", "quality", "safety", "service", "compliance")),
                 f"{c.total}", c.grade] for c in cards])
    demo.say(f"Grade D suspends: {poor} is now {suppliers.get(officer, names[poor]).standing} (red card).")

    request = suppliers.propose_blacklist(cast["purchasing"], names[cheat],
                                          "falsified mill certificates 伪造钢材质保书",
                                          evidence=["质检报告 ZJ-2026-0211", "厂家否认函"], ban_days=3 * 365)
    try:
        suppliers.approve_blacklist(cast["purchasing"], request.id)
    except ZhaocaiError as exc:
        _refused(demo, "self-approval of the blacklisting", exc)
    suppliers.approve_blacklist(cast["supervisor"], request.id, note="证据确凿")
    verdict = suppliers.eligibility(names[cheat], Category.MATERIALS, Decimal("100000"))
    demo.say(f"{cheat} is cleared out (清退) with two approvers (purchasing + supervisor): "
             f"eligible={verdict.eligible}, {verdict.reasons[0].message_en}")

    shadow = suppliers.register(cast["purchasing2"], _application(
        "义乌新钢贸易有限公司", 150, Category.MATERIALS,
        bank_account=f"6228 0579 {141:08d}", legal_representative_id=f"3307821980{141:08d}"))
    for pair in suppliers.related_parties(cast["quality"], [names[cheat], shadow.id]):
        kinds = ", ".join(sorted(pair.kinds))
        demo.say(f"A new applicant shares {kinds} with the blacklisted {cheat}: flagged as related.")

    demo.notes["suppliers"] = names
    demo.notes["blacklisted_supplier"] = names[cheat]
    demo.notes["suspended_supplier"] = names[poor]
    demo.say(f"Register: {len(names)} suppliers noted for the tender chapters.")
