"""Demo chapter: declared interests and recusal (利益申报与回避) — a quality reviewer whose brother
works at an applicant declares it, is refused that applicant's review, and another member of the
quality department reviews instead."""

from __future__ import annotations

from datetime import timedelta

from rich.markup import escape

from zhaocai.categories import Category
from zhaocai.demo.story import Demo, chapter
from zhaocai.demo.suppliers import _application, _refused
from zhaocai.errors import ZhaocaiError
from zhaocai.suppliers.rules import Department

APPLICANT = "义乌鑫达劳务有限公司"


@chapter(15, "利益申报与回避 Declared interests and recusal: a reviewer steps aside")
def declared_interests(demo: Demo) -> None:
    platform, cast = demo.platform, demo.cast
    people, suppliers, zhao = platform.people, platform.suppliers, cast["quality"]
    declared = people.declare_interest(zhao, {"kind": "relative_employer", "relation": "sibling",
                                              "company_name": APPLICANT, "note": "胞兄在该公司任项目经理"})
    demo.say(f"{zhao.name} declares on the people register that her brother works at {APPLICANT} "
             f"(本人申报：胞兄在{APPLICANT}任职), declaration {declared.id}.")
    view = suppliers.register(cast["purchasing2"], _application(APPLICANT, 160, Category.LABOUR))
    try:
        suppliers.review(zhao, view.id, Department.QUALITY, passed=True, comment="资料齐全")
    except ZhaocaiError as exc:
        _refused(demo, f"{zhao.name} reviewing {APPLICANT}", exc)
    else:
        raise SystemExit("demo: a reviewer with a declared interest reviewed the applicant")

    # Another member of the quality department, recorded and granted by two people, reviews instead.
    people.register(cast["admin"], {"id": "q-ma", "name": "马质量 Ma (quality)", "unit": "质量部"})
    proposed = people.propose_grants(cast["admin"], [{"person_id": "q-ma", "role": "quality"},
                                                     {"person_id": "q-ma", "department": "quality"}])
    people.approve_grants(cast["supervisor"], [g.id for g in proposed])
    # Her own pledge, before she acts on a procurement.
    people.sign_pledge("q-ma", {"valid_until": demo.clock.now() + timedelta(days=365)})
    for actor, department in (("purchasing", Department.PURCHASING), ("technical", Department.TECHNICAL)):
        suppliers.review(cast[actor], view.id, department, passed=True, comment="资料齐全，符合要求")
    suppliers.review("q-ma", view.id, Department.QUALITY, passed=True, comment="资料齐全，符合要求")
    admitted = suppliers.admit(cast["purchasing"], view.id)
    demo.say(f"马质量 Ma reviews for the quality department instead; {APPLICANT} is {admitted.admission}. "
             "The same rule makes a drafter, inquiry officer, custodian, committee member or approver "
             "step aside once a bidder they declared an interest in is known at the opening "
             "(开标后即记录回避).")
    interests = people.interests(cast["auditor"], zhao.id)
    demo.say(escape(f"Auditor's view of {zhao.name}'s declarations: "
                    + ", ".join(f"{i.kind} {i.company_name} ({i.relation}) at {i.declared_at:%Y-%m-%d}"
                                for i in interests)))
