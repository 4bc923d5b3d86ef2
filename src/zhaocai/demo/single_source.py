"""Demo chapter: single source (单一来源) — a patented product bought from its only supplier,
approved by a supervisor, publicly noticed for five working days with an objection decided,
negotiated and signed by two officers, then a contract; an additional purchase above 10 % of that
contract is refused, one within it goes ahead."""

from __future__ import annotations

from datetime import timedelta

from rich.markup import escape

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.clock import local
from zhaocai.demo.story import Demo, chapter
from zhaocai.demo.suppliers import _application, _refused, _reviews
from zhaocai.errors import ZhaocaiError

REASON = ("The LRB600 lead-rubber isolation bearing is protected by patent ZL201910000001.X; "
          "only its holder makes and certifies it (只有该供应商持有专利，无替代产品).")


def _supplier(demo: Demo, name: str, seed: int) -> Actor:
    suppliers = demo.platform.suppliers
    view = suppliers.register(demo.cast["purchasing2"], _application(name, seed, Category.MATERIALS))
    _reviews(demo, view.id)
    suppliers.admit(demo.cast["purchasing"], view.id)
    return Actor(id=f"u-{view.id}"[:64], name=name, organisation=name, roles=frozenset({Role.SUPPLIER}),
                 supplier_id=view.id)


@chapter(40, "单一来源 Single source: justified, approved, publicly noticed, negotiated by two")
def single_source(demo: Demo) -> None:
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    ss = platform.single_source
    holder = _supplier(demo, "义乌隔震科技有限公司", 4101)
    rival = _supplier(demo, "金华减震器材有限公司", 4102)
    assert holder.supplier_id is not None
    draft = ss.draft(cast["purchasing"], {
        "title": "医院隔震支座 Seismic isolation bearings", "buyer": "浙江津义建设", "category": "materials",
        "description": "48 LRB600 bearings for the hospital block", "estimate": "300000.00",
        "items": [{"name": "LRB600 隔震支座", "quantity": "48", "unit": "套"}],
        "supplier_id": holder.supplier_id, "justification": "proprietary", "reason": REASON})
    demo.say(f"{cast['purchasing'].name} drafts single source {draft.id}: {draft.justification.label_zh} "
             f"({draft.justification.value}), estimate ¥{draft.estimate:,.2f}.")
    try:
        ss.approve(cast["purchasing2"], draft.id)
    except ZhaocaiError as error:
        _refused(demo, "approval by a purchasing officer", error)
    view = ss.approve(cast["supervisor"], draft.id)
    assert view.notice_ends is not None
    demo.say(f"{cast['supervisor'].name} approves; the supplier is eligible; the public notice runs "
             f"{view.policy.notice_days} working days, until {local(view.notice_ends):%Y-%m-%d %H:%M} "
             "(政府采购法实施条例第三十八条).")
    objection = ss.lodge_objection(rival, view.id, "我公司的隔震支座可以替代，应公开招标。")
    demo.say(f"{escape(rival.name)} objects during the notice ({objection.id}).")
    try:
        ss.record_negotiation(cast["purchasing"], view.id, {
            "agreed_price": "288000.00", "record": "公示期内提前协商价格（不允许）"})
    except ZhaocaiError as error:
        _refused(demo, "negotiating during the notice", error)
    ss.decide_objection(cast["supervisor2"], objection.id, upheld=False,
                        answer="经补充论证，替代产品未通过该建筑的隔震设计验算，异议不成立。")
    demo.say(f"{cast['supervisor2'].name} dismisses the objection after a supplementary review.")
    clock.set(view.notice_ends + timedelta(hours=9))
    ss.record_negotiation(cast["purchasing"], view.id, {
        "agreed_price": "288000.00",
        "record": "协商情况记录：单价6000元/套，48套，交货期30日，质保5年，含安装指导。"})
    ss.sign(cast["purchasing"], view.id)
    try:
        ss.conclude(cast["purchasing"], view.id)
    except ZhaocaiError as error:
        _refused(demo, "concluding with one signature", error)
    ss.sign(cast["purchasing2"], view.id)
    done = ss.conclude(cast["purchasing"], view.id)
    assert done.contract_id is not None
    platform.evaluation.sign_contract(holder, done.contract_id)
    contract = platform.evaluation.sign_contract(cast["purchasing"], done.contract_id)
    demo.say(f"Negotiation record signed by {', '.join(s.officer_id for s in done.signatures)}; contract "
             f"{contract.id} at ¥{contract.amount:,.2f} ({contract.amount_in_words}), {contract.status}.")
    extra = {"title": "隔震支座备件 Spare bearings", "buyer": "浙江津义建设", "category": "materials",
             "description": "Spare bearings, compatible with the installed ones",
             "supplier_id": holder.supplier_id, "justification": "additional_compatible",
             "reason": "必须与已安装支座型号一致（政府采购法第三十一条第三项）。",
             "earlier_contract_id": contract.id}
    too_much = ss.draft(cast["purchasing2"], {**extra, "estimate": "30000.00"})
    try:
        ss.approve(cast["supervisor"], too_much.id)
    except ZhaocaiError as error:
        _refused(demo, "an additional purchase above 10 % of the contract", error)
    ss.cancel(cast["purchasing2"], too_much.id, "超过原合同金额百分之十，改为公开招标")
    room = ss.draft(cast["purchasing2"], {**extra, "estimate": "28800.00"})
    within = ss.approve(cast["supervisor"], room.id)
    demo.say(f"An additional purchase of ¥{within.estimate:,.2f} (10 % of the contract) is approved; "
             f"its notice runs until {local(within.notice_ends or clock.now()):%Y-%m-%d}.")
    release = ss.releases(procurement_id=done.id)[-1]
    demo.say(f"OCDS: procurementMethod {release['tender']['procurementMethod']!r}, rationale "
             f"{escape(release['tender']['procurementMethodRationale'][:60])}…")
    demo.notes["single_source"] = {"procurement": done.id, "contract": contract.id}
