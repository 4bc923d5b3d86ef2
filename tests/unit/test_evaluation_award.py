"""Award decision, publicity, contract deadline and notice; price inquiry (三三二)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import (
    Override,
    Quote,
    Reason,
    Removal,
    award_notice,
    can_award,
    contract_deadline,
    decide_award,
    decide_inquiry,
    inquiry_lottery_key,
    period_end,
    publicity_ends_at,
)
from zhaocai.clock import SHANGHAI
from zhaocai.errors import PermissionDenied, RuleViolation, ValidationError
from zhaocai.profile import RulesProfile
from zhaocai.workdays import WorkingCalendar

GAVE_UP = Reason("award.candidate_gave_up", "the candidate gave up", "中标候选人放弃中标")


def _at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


def test_award_goes_to_first_candidate() -> None:
    decision = decide_award(["P", "Q", "S"])
    assert (decision.winner_bid_id, decision.rank, decision.removed) == ("P", 1, ())


def test_approved_removal_passes_to_the_next() -> None:
    removal = Removal("P", GAVE_UP, recorded_by="p-wang", approved_by="s-zhou")
    decision = decide_award(["P", "Q", "S"], [removal])
    assert (decision.winner_bid_id, decision.rank, decision.removed) == ("Q", 2, (removal,))
    # removing a lower candidate does not change the winner
    assert decide_award(["P", "Q", "S"], [Removal("Q", GAVE_UP, "p-wang", "s-zhou")]).winner_bid_id == "P"


def test_removal_must_be_approved_by_someone_else() -> None:
    with pytest.raises(RuleViolation) as info:
        decide_award(["P", "Q"], [Removal("P", GAVE_UP, "p-wang")])
    assert info.value.code == "award.removal_pending"
    with pytest.raises(PermissionDenied) as denied:
        decide_award(["P", "Q"], [Removal("P", GAVE_UP, "p-wang", "p-wang")])
    assert denied.value.code == "award.self_approval"
    with pytest.raises(ValidationError):
        decide_award(["P", "Q"], [Removal("Z", GAVE_UP, "p-wang", "s-zhou")])
    with pytest.raises(RuleViolation) as gone:
        decide_award(["P"], [Removal("P", GAVE_UP, "p-wang", "s-zhou")])
    assert gone.value.code == "award.all_candidates_removed"


def test_publicity_in_calendar_days() -> None:
    # starts Monday 2026-03-02 10:00; the start day is not counted; 3 days: 3, 4, 5 March;
    # ends at 24:00 of 5 March Beijing time = 2026-03-05 16:00 UTC
    ends = publicity_ends_at(_at(2026, 3, 2, 10))
    assert ends == datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    assert ends.astimezone(SHANGHAI) == _at(2026, 3, 6)


def test_publicity_in_working_days() -> None:
    # starts Friday 2026-03-06; working days 9, 10, 11 March → ends 24:00 of Wednesday 11 March
    profile = RulesProfile(publicity_in_workdays=True)
    assert publicity_ends_at(_at(2026, 3, 6, 15), profile, WorkingCalendar()) == _at(2026, 3, 12)


def test_calendar_period_ending_on_a_holiday_runs_to_the_next_working_day() -> None:
    # starts Wednesday 2026-03-04; 3 days end on Saturday 7 March → runs to Monday 9 March, 24:00
    assert period_end(_at(2026, 3, 4, 9), 3, calendar=WorkingCalendar()) == _at(2026, 3, 10)
    # without a calendar: Saturday 7 March, 24:00
    assert period_end(_at(2026, 3, 4, 9), 3) == _at(2026, 3, 8)


def test_can_award() -> None:
    ends = _at(2026, 3, 6)
    ok, reason = can_award(_at(2026, 3, 5, 23, 59), ends, 0)
    assert not ok and reason is not None and reason.code == "award.publicity_running"
    ok, reason = can_award(ends, ends, 1)
    assert not ok and reason is not None and reason.code == "award.open_objection"
    assert can_award(ends, ends, 0) == (True, None)


def test_contract_deadline_30_days() -> None:
    # notice 2026-03-10 15:00; 30 days after: 9 April; ends 24:00 of 9 April
    assert contract_deadline(_at(2026, 3, 10, 15)) == _at(2026, 4, 10)


def test_award_notice_text() -> None:
    notice = award_notice(tender_ref="JY-2026-001", tender_title="义乌医疗园区钢筋采购",
                          lot_name="标段一", supplier_name="浙江某某建材有限公司",
                          amount=D("1234567.89"), contract_deadline_at=_at(2026, 4, 10))
    assert notice.amount_in_words == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"
    assert notice.amount_figures == "¥1,234,567.89"
    assert notice.title_zh == "中标通知书"
    assert "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分" in notice.body_zh
    assert "2026年4月9日" in notice.body_zh and "2026-04-09" in notice.body_en


# --- price inquiry (询价, 三三二) ---

QUOTES = [Quote("S1", D("9800")), Quote("S2", D("9500")), Quote("S3", D("9900")),
          Quote("S4", D("9000"), eligible=False), Quote("S5", D("9100"), compliant=False)]


def test_inquiry_lowest_compliant_quote_wins() -> None:
    # S4 is cheaper but not eligible; S5 cheaper but not compliant → S2 at 9 500
    result = decide_inquiry(QUOTES, conducted_by=["p-wang", "p-li"], signed_by=["p-li", "p-wang"],
                            record_hash="r1")
    assert (result.winner_supplier_id, result.price) == ("S2", D("9500.00"))
    assert result.ranked_supplier_ids == ("S2", "S1", "S3")
    assert result.officers == ("p-li", "p-wang") and result.override is None


def test_inquiry_needs_three_eligible_suppliers_and_two_officers() -> None:
    # S1, S2 and the ineligible S4: two eligible suppliers → too few
    with pytest.raises(RuleViolation) as info:
        decide_inquiry(QUOTES[:2] + QUOTES[3:4], conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r")
    assert info.value.code == "inquiry.too_few_quotes"
    # S1, S2 and S5 (eligible, its quote non-compliant): three suppliers contacted → enough
    assert decide_inquiry(QUOTES[:2] + QUOTES[4:], conducted_by=["a", "b"], signed_by=["a", "b"],
                          record_hash="r").winner_supplier_id == "S2"
    # b conducted but did not sign: only one officer did both
    with pytest.raises(RuleViolation) as info:
        decide_inquiry(QUOTES, conducted_by=["a", "b"], signed_by=["a"], record_hash="r")
    assert info.value.code == "inquiry.too_few_officers"
    with pytest.raises(ValidationError):
        decide_inquiry([*QUOTES, Quote("S1", D(1))], conducted_by=["a", "b"], signed_by=["a", "b"],
                       record_hash="r")


def test_inquiry_override_needs_a_different_approver() -> None:
    why = Reason("inquiry.better_delivery", "only S1 can deliver before the pour", "仅 S1 能按期供货")
    result = decide_inquiry(QUOTES, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r",
                            override=Override("S1", why, proposed_by="a", approved_by="s-zhou"))
    assert (result.winner_supplier_id, result.lowest_supplier_id) == ("S1", "S2")
    with pytest.raises(PermissionDenied):
        decide_inquiry(QUOTES, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r",
                       override=Override("S1", why, proposed_by="a", approved_by="a"))
    with pytest.raises(RuleViolation):
        decide_inquiry(QUOTES, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r",
                       override=Override("S1", why, proposed_by="a"))


def test_inquiry_tie_broken_by_lottery() -> None:
    quotes = [Quote("S1", D(100)), Quote("S2", D(100)), Quote("S3", D(120))]
    result = decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="rec")
    expected = min(["S1", "S2"], key=lambda s: inquiry_lottery_key("rec", s))
    assert result.winner_supplier_id == expected
