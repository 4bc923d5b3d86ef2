"""Cost grows with one query for all rows, not one per row: the compliance check and an inquiry's
decision ask the register about every bidder at once, so the number of statements they run does
not depend on how many suppliers bid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import event

from tests.kit import CUSTODIANS, LOTS, add_pool, admitted, build_tender, declare_all, seated
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

LOWEST = {"method": "lowest_evaluated_price"}


def statements(platform: Platform, command: Callable[..., Any], *args: Any) -> int:
    """How many SQL statements `command(*args)` sends to the store."""
    seen = []

    def count(*_: Any) -> None:
        seen.append(1)

    event.listen(platform.internal.engine, "before_cursor_execute", count)
    try:
        command(*args)
    finally:
        event.remove(platform.internal.engine, "before_cursor_execute", count)
    return len(seen)


def _prices(n: int) -> list[tuple[str, str]]:
    return [(f"{1500000 + 1000 * i}.00", "") for i in range(n)]


def test_compliance_check_runs_as_many_statements_for_3_bidders_as_for_9(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 9)
    add_pool(platform, actors, 6)
    counts = []
    for n in (3, 9):
        pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers[:n], prices=_prices(n), lots=LOTS[:1], evaluation=LOWEST).pub
        tid = pub.tender.id
        platform.evaluation.draw_committee(actors["purchasing"], tid)
        members = seated(platform, actors, tid)
        declare_all(platform, members, tid)
        counts.append(statements(platform, platform.evaluation.check_compliance, members[0], tid))
        view = platform.evaluation.compliance(actors["purchasing"], tid)
        assert sum(e.compliant for e in view.lots[0].entries) == n
    assert counts[0] == counts[1], counts


def test_inquiry_decision_runs_as_many_statements_for_3_quotes_as_for_8(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    suppliers = admitted(platform, actors, 8)
    counts = []
    for n in (3, 8):
        pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers[:n], prices=_prices(n), lots=LOTS[:1],
                            method="price_inquiry", invitees=suppliers[:n], officers=["p-wang", "p-li"],
                            deadline=clock.now() + timedelta(days=5), evaluation=LOWEST, custodians=CUSTODIANS).pub
        tid = pub.tender.id
        platform.evaluation.sign_inquiry(actors["purchasing"], tid)
        platform.evaluation.sign_inquiry(actors["purchasing2"], tid)
        counts.append(statements(platform, platform.evaluation.decide_inquiry, actors["purchasing"], tid))
        assert platform.evaluation.report(actors["purchasing"], tid).lots[0].compliant == n
    assert counts[0] == counts[1], counts
