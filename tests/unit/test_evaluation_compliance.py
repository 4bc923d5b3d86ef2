"""Compliance check and abnormally low bids, against hand-computed examples."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import (
    AbnormalDecision,
    OpenedBid,
    Reason,
    apply_decisions,
    check_compliance,
    compliant_prices,
    find_abnormally_low,
)
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.profile import RulesProfile

EXPIRED = Reason("suppliers.qualification_expired", "qualification expired", "资质已过期")
DEVIATION = Reason("committee.material_deviation", "delivery period not met", "工期不满足要求")


def test_compliance_reasons() -> None:
    bids = [
        OpenedBid("b1", "S1", D("120000.00"), D("2000")),     # equal to ceiling: allowed
        OpenedBid("b2", "S2", D("120000.01"), D("2000")),     # one fen above the ceiling
        OpenedBid("b3", "S3", D("100000"), D("1999.99")),     # security short by one fen
        OpenedBid("b4", "S4", D("100000"), D("2000"), eligibility_lost=(EXPIRED,)),
        OpenedBid("b5", "S5", D("100000"), D("2000"), requirement_failures=(DEVIATION,)),
        OpenedBid("b6", "S6", D("130000"), D("0")),           # two reasons at once
    ]
    results = check_compliance(bids, ceiling_price=D("120000"), security_required=D("2000"))
    codes = {r.bid_id: [x.code for x in r.reasons] for r in results}
    assert codes == {
        "b1": [],
        "b2": ["compliance.above_ceiling"],
        "b3": ["compliance.bid_security_short"],
        "b4": ["suppliers.qualification_expired"],
        "b5": ["committee.material_deviation"],
        "b6": ["compliance.above_ceiling", "compliance.bid_security_short"],
    }
    assert [r.compliant for r in results] == [True, False, False, False, False, False]
    above = results[1].reasons[0]
    assert "ceiling" in above.en and "最高投标限价" in above.zh
    assert compliant_prices(results) == {"b1": D("120000.00")}


def test_float_price_is_refused() -> None:
    with pytest.raises(ValidationError):
        check_compliance([OpenedBid("b1", "S1", 100.5)], ceiling_price=None)  # type: ignore[arg-type]


def test_abnormally_low_by_mean_and_by_next() -> None:
    # A 50 000; others 100 000, 105 000, 110 000
    # mean of others = 315 000 / 3 = 105 000; (105 000 − 50 000) / 105 000 = 52.38 % ≥ 40 % → flagged
    # next higher = 100 000; (100 000 − 50 000) / 100 000 = 50 % ≥ 30 % → flagged as well
    # B 100 000: mean of others (50 000 + 105 000 + 110 000) / 3 = 88 333.33 is below it; next 105 000 is 4.76 % above
    (flag,) = find_abnormally_low({"A": D(50000), "B": D(100000), "C": D(105000), "D": D(110000)})
    assert flag.bid_id == "A" and flag.by_mean and flag.by_next
    assert flag.mean_of_others == D(105000)
    assert flag.below_mean_percent == D("52.38") and flag.below_next_percent == D("50.00")
    assert flag.next_higher_price == D(100000)


def test_abnormally_low_by_next_only() -> None:
    # A 65 000; others 95 000, 100 000, 105 000: mean 100 000 → 35 % below (< 40 %, not by mean)
    # next higher 95 000 → 30 000 / 95 000 = 31.58 % ≥ 30 % → flagged by next
    (flag,) = find_abnormally_low({"A": D(65000), "B": D(95000), "C": D(100000), "D": D(105000)})
    assert (flag.by_mean, flag.by_next) == (False, True)
    assert flag.below_mean_percent == D("35.00") and flag.below_next_percent == D("31.58")


def test_thresholds_are_inclusive_and_exact() -> None:
    # 70 000 against 100 000 and 100 000: mean 100 000 → 30 % (< 40); next 100 000 → exactly 30 % → flagged
    assert [f.bid_id for f in find_abnormally_low({"A": D(70000), "B": D(100000), "C": D(100000)})] == ["A"]
    # one fen more: 29.99999 % → not flagged
    assert find_abnormally_low({"A": D("70000.01"), "B": D(100000), "C": D(100000)}) == ()
    # equal lowest prices are 0 % apart: next rule does not fire; mean rule still applies
    # A, B 50 000; C 100 000: mean of others for A = 75 000 → 33.33 % < 40 % → no flag
    assert find_abnormally_low({"A": D(50000), "B": D(50000), "C": D(100000)}) == ()


def test_thresholds_come_from_the_profile() -> None:
    loose = RulesProfile(abnormally_low_vs_mean_percent=D(60), abnormally_low_vs_next_percent=D(60))
    assert find_abnormally_low({"A": D(50000), "B": D(100000), "C": D(105000), "D": D(110000)}, loose) == ()


def test_single_bid_is_never_flagged() -> None:
    assert find_abnormally_low({"A": D(1)}) == ()


def test_committee_decisions() -> None:
    bids = [OpenedBid(b, f"S{b}", p) for b, p in
            [("A", D(50000)), ("B", D(100000)), ("C", D(105000)), ("E", D(20000))]]
    results = check_compliance(bids, ceiling_price=None)
    flags = find_abnormally_low(compliant_prices(results))
    # E 20 000: mean of others (50 000 + 100 000 + 105 000)/3 = 85 000 → 76.47 % below → flagged
    # A 50 000: mean of others (20 000 + 100 000 + 105 000)/3 = 75 000 → 33.33 %; next 100 000 → 50 % → flagged
    assert [f.bid_id for f in flags] == ["A", "E"]
    with pytest.raises(RuleViolation) as info:
        apply_decisions(results, flags, {"A": AbnormalDecision.EXPLANATION_ACCEPTED})
    assert info.value.code == "abnormal.decision_missing"
    with pytest.raises(ValidationError):
        apply_decisions(results, flags, {"A": AbnormalDecision.EXPLANATION_ACCEPTED,
                                         "E": AbnormalDecision.NO_EXPLANATION,
                                         "B": AbnormalDecision.REJECTED_BELOW_COST})
    after = apply_decisions(results, flags, {"A": AbnormalDecision.EXPLANATION_ACCEPTED,
                                             "E": AbnormalDecision.REJECTED_BELOW_COST})
    assert [r.compliant for r in after] == [True, True, True, False]
    assert after[3].reasons[-1].code == "abnormal.rejected_below_cost"
    assert "低于成本" in after[3].reasons[-1].zh
