"""Demo chapter: rules no single person can bend (规则) — the law's floors, the organisation's
policy changed by an administrator with a supervisor's approval, and a deviation of one tender
approved by a supervisor and shown in the published data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rich.markup import escape

from zhaocai.actors import Actor, Role
from zhaocai.clock import local
from zhaocai.demo.custody import CUSTODIANS, ensure_keys
from zhaocai.demo.story import Demo, chapter
from zhaocai.errors import ZhaocaiError
from zhaocai.policy.floors import RULES, floor_shown

ADMIN = Actor(id="adm-qian", name="钱管理 Qian (administrator)", organisation="浙江津义建设",
              roles=frozenset({Role.ADMINISTRATOR}))
REASON = "防汛抢险 flood-wall repair: the sandbags and stone must be on site within the week"


def _refused(demo: Demo, what: str, attempt: Any) -> None:
    try:
        attempt()
    except ZhaocaiError as exc:
        demo.say(f"{what}: refused [bold]{exc.code}[/bold] — {escape(exc.message_en)}")
        return
    raise AssertionError(f"{what} was accepted")  # the demo shows a refusal here


@chapter(25, "规则 Rules no single person can bend: the law's floors, the policy, deviations")
def rules(demo: Demo) -> None:
    platform, cast, clock = demo.platform, demo.cast, demo.clock
    demo.table("The law's floors (法定底线) and 三三二", ["rule", "direction", "floor", "source"], [
        [r.name, r.direction.value, floor_shown(r) or "", r.source] for r in RULES if r.floor is not None])
    wang, zhou = cast["purchasing"], cast["supervisor"]
    quick: dict[str, Any] = {
        "title": "Sandbags and rubble stone for the flood wall", "buyer": "浙江津义建设",
        "category": "materials", "method": "open_tender",
        "lots": [{"id": "L1", "title": "flood materials",
                  "items": [{"name": "sandbag", "quantity": "20000", "unit": "pcs"}]}],
        "estimate": "180000", "ceiling_price": "190000", "deadline": clock.now() + timedelta(days=3),
        "profile": {"open_tender_min_days": 3}, "custodians": CUSTODIANS, "threshold": 2,
    }
    _refused(demo, "Wang drafts a 3-day open tender on his own word",
             lambda: platform.tenders.create_draft(wang, quick))
    statutory = {**quick, "statutory": True}
    _refused(demo, "…marked statutory (依法必须招标), with a reason",
             lambda: platform.tenders.create_draft(wang, statutory, deviation_reason=REASON))
    view = platform.tenders.create_draft(wang, quick, deviation_reason=REASON)
    (request,) = platform.policy.deviations(view.id)
    demo.say(f"Non-statutory, with a reason: draft {view.id} and deviation request {request.id} naming "
             + ", ".join(f"{c['rule']} {c['asked_value']} (policy {c['policy_value']}, {c['source']})"
                         for c in request.changes))
    _refused(demo, "Wang publishes before any approval", lambda: platform.tenders.publish(wang, view.id))
    platform.policy.approve_deviation(zhou, request.id)
    demo.say(f"{zhou.name} approves the deviation (neither the drafter nor the requester)")
    ensure_keys(demo)
    pub = platform.tenders.publish(wang, view.id)
    demo.say(f"Published {pub.tender.id} with its deadline {local(pub.tender.deadline):%Y-%m-%d %H:%M}, "
             f"policy version {pub.tender.policy_version} and the deviation frozen with it")
    release = platform.publish.release_package(tender_id=pub.tender.id)["releases"][-1]["tender"]
    demo.say(f"OCDS tender.procurementMethodRationale: {escape(release['procurementMethodRationale'])}")
    _refused(demo, "The administrator proposes a policy with 2 valid bids",
             lambda: platform.policy.propose(ADMIN, {"min_valid_bids": 2}, "fewer bidders in the county"))
    proposal = platform.policy.propose(ADMIN, {"invited_tender_min_days": 25},
                                       "More time for invited suppliers to prepare")
    _refused(demo, "Purchasing approves it", lambda: platform.policy.approve(wang, proposal.id))
    adopted = platform.policy.approve(cast["supervisor2"], proposal.id)
    demo.table("Policy history (本单位规则版本)", ["version", "proposed by", "approved by", "reason"], [
        [str(p.version or "-"), p.proposed_by, p.decided_by or "", p.reason]
        for p in platform.policy.history()])
    demo.say(f"Version {adopted.version} in force: invited tenders now run at least "
             f"{platform.policy.current().profile.invited_tender_min_days} days")
