"""Demo chapter: rules no single person can bend, supplier side — a bidder suspended during
evaluation only with a second supervisor, a supplier's user holding a staff role refused — and
an officer whose integrity pledge has lapsed."""

from __future__ import annotations

from datetime import timedelta

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.clock import local
from zhaocai.demo.custody import CUSTODIANS, present
from zhaocai.demo.story import Demo, chapter
from zhaocai.demo.tenders import _eligible, _publish, _refusal, _supplier_user
from zhaocai.people import enrol_staff

NAMES = ["义乌守信建材有限公司", "金华正道钢材有限公司", "浦江诚实管业有限公司"]


@chapter(35, "没有人能单独改变的规则 Rules nobody bends alone: bidders in flight, suppliers as staff")
def guards(demo: Demo) -> None:
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    suppliers, officer = platform.suppliers, cast["purchasing"]
    bidders = _eligible(demo, Category.MATERIALS, "900000", 3, NAMES)
    pipes = {
        "title": "Steel pipes for the clinic annex", "buyer": "浙江津义建设", "category": "materials",
        "method": "open_tender", "estimate": "900000.00",
        "lots": [{"id": "L1", "title": "无缝钢管",
                  "items": [{"name": "seamless pipe", "quantity": "80", "unit": "t"}]}],
        "ceiling_price": "950000.00", "bid_security": "0.00",
        "deadline": clock.now() + timedelta(days=21), "custodians": CUSTODIANS, "threshold": 2,
        "evaluation": {"method": "lowest_evaluated_price"}}
    pub = _publish(demo, pipes)
    tender_id = pub.tender.id
    for n, supplier_id in enumerate(bidders):
        platform.tenders.submit_bid(_supplier_user(supplier_id), tender_id,
                                    {"lots": [{"lot": "L1", "price": f"{880000 + 10000 * n}.00"}]})
    clock.set(pub.tender.deadline + timedelta(minutes=1))
    present(demo, tender_id, "a-zheng", "s-zhou", quiet=True)
    platform.tenders.open_bids(cast["supervisor"], tender_id)
    lowest = bidders[0]
    name = suppliers.get(officer, lowest).name
    demo.say(f"The bids are open; {name} offers the lowest price. During the evaluation an officer "
             "tries to suspend it — the compliance check would then exclude it.")
    view = suppliers.suspend(cast["supervisor"], lowest, "质量抽检不合格（待核实）")
    request = view.standing_request
    assert request is not None
    demo.say(f"{cast['supervisor'].name} suspends {name}: its standing stays "
             f"[bold]{view.standing}[/bold]; the act is held as request {request.id} for another "
             f"supervisor (live bid: {request.live_bid}).")
    _refusal(demo, "approval by the requester himself",
             lambda: suppliers.approve_standing_change(cast["supervisor"], request.id, "同意"))
    _refusal(demo, "approval by a purchasing officer",
             lambda: suppliers.approve_standing_change(cast["purchasing"], request.id, "同意"))
    rejected = suppliers.reject_standing_change(cast["supervisor2"], request.id,
                                                "抽检报告未经复核，不得在评标期间暂停投标人")
    demo.say(f"{cast['supervisor2'].name} rejects it with a reason: request {rejected.state}; "
             f"{name} is still {suppliers.get(officer, lowest).standing} and is evaluated on its price.")
    report = platform.integrity.report(cast["supervisor"], tender_id)
    demo.say(f"The tender's integrity report lists it: {len(report.live_bidder_standing)} standing "
             "change asked of a bidder while the tender was live (在途投标人状态变更).")

    platform.people.add_supplier_user(cast["admin"], bidders[1],
                                      {"id": f"u2-{bidders[1]}"[:64], "name": "供应商员工"})
    mixed = Actor(id=f"u2-{bidders[1]}"[:64], name="供应商员工兼质量员", organisation=bidders[1],
                  roles=frozenset({Role.SUPPLIER, Role.QUALITY, Role.PURCHASING}), supplier_id=bidders[1])
    demo.say(f"A user of {suppliers.get(officer, bidders[1]).name} is claimed by the calling code to hold "
             "the quality and purchasing roles too. The register grants a supplier's user no staff role:")
    _refusal(demo, "warning a rival bidder",
             lambda: suppliers.warn(mixed, lowest, "对手交货延迟"))
    _refusal(demo, "reading the expert pool",
             lambda: platform.evaluation.experts(mixed))
    _lapsed_pledge(demo, {**pipes, "deadline": clock.now() + timedelta(days=21)})


def _lapsed_pledge(demo: Demo, draft: dict[str, object]) -> None:
    """A temporary officer signs a pledge for the morning only; in the afternoon it drafts no tender."""
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    temp = Actor(id="p-ma", name="马采购 Ma (temporary purchasing)", organisation="浙江津义建设",
                 roles=frozenset({Role.PURCHASING}))
    end = clock.now() + timedelta(hours=3)
    enrol_staff(platform, [temp], administrator=cast["admin"], supervisor=cast["supervisor"],
                pledged_until=end)
    demo.say(f"{temp.name} joins for a morning: the purchasing role is granted and approved, and the "
             f"integrity pledge is signed until {local(end):%H:%M}.")
    clock.advance(hours=4)
    _refusal(demo, f"a tender drafted by {temp.name} after the pledge lapsed",
             lambda: platform.tenders.create_draft(temp, draft))
