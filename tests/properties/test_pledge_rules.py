"""The pledge rules, by property: a holder stands valid at a moment exactly when one of its
pledges covers that moment (start included, end excluded); otherwise the refusal says expired,
with the latest end passed, or missing; experts never need a pledge, and staff need one for
every command on a tender whatever the step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.errors import PermissionDenied
from zhaocai.people.pledge_rules import (
    HolderKind,
    PledgeFact,
    Standing,
    needs_pledge,
    require_pledge,
    standing,
)

BASE = datetime(2026, 1, 1, tzinfo=UTC)
HOURS = st.integers(0, 200)


@st.composite
def pledges(draw: st.DrawFn) -> list[PledgeFact]:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(HOURS)
        out.append(PledgeFact(BASE + timedelta(hours=start),
                              BASE + timedelta(hours=start + draw(st.integers(1, 100)))))
    return out


@given(pledges(), HOURS)
def test_standing_follows_the_periods(on_file: list[PledgeFact], hour: int) -> None:
    at = BASE + timedelta(hours=hour)
    state, ended = standing(on_file, at)
    covered = any(p.valid_from <= at < p.valid_until for p in on_file)
    assert (state == Standing.VALID) == covered
    if state == Standing.EXPIRED:
        assert ended == max(p.valid_until for p in on_file if p.valid_until <= at)
    if state == Standing.MISSING:
        assert all(p.valid_from > at for p in on_file)
    code = {Standing.EXPIRED: "pledge.expired", Standing.MISSING: "pledge.missing"}.get(state)
    if code is None:
        require_pledge(HolderKind.STAFF, "p-x", "某人", on_file, "tender.publish", at)
    else:
        with pytest.raises(PermissionDenied) as refusal:
            require_pledge(HolderKind.SUPPLIER, "s-x", "某公司", on_file, "bid.submit", at)
        assert refusal.value.code == code and "廉洁承诺书" in refusal.value.message_zh


@given(st.sampled_from(["tender.draft", "tender.publish", "tender.open", "inquiry.sign", "committee.draw",
                        "evaluation.report", "award.decide", "contract.sign", "supplier.review",
                        "bid.submit", "person.grant.approve", "policy.propose", "supplier.register"]))
def test_who_needs_a_pledge(action: str) -> None:
    assert not needs_pledge("expert", action)
    procurement = action.split(".")[0] in {"tender", "inquiry", "committee", "evaluation", "award",
                                           "contract"} or action == "supplier.review"
    assert needs_pledge("staff", action) == procurement
    assert needs_pledge("supplier_user", action) == (action == "bid.submit")
