"""Rules by method: each procedure's bid period and amendments are judged by its own source.

Open and invited tenders: Law 24, at least 20 days from publication to the deadline; Law 23 /
Reg 21, an amendment at least 15 days before the deadline. Price inquiries: the organisation's
minimum period (3 days by default), and no amendment rule. Single source (direct): no bidding
period, nothing to flag. Other systems' limited or unknown methods: Cardinal's 15 days.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from zhaocai.clock import SHANGHAI
from zhaocai.integrity import AmendmentFacts, BidFacts, FlagSettings, TenderFacts, compute_flags
from zhaocai.integrity.facts import TENDER_METHODS
from zhaocai.profile import RulesProfile

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=SHANGHAI)
MINIMUM = {"open": 20, "invited": 20, "selective": 20, "inquiry": 3, "limited": 15, "unknown": 15}


def tender(method: str, period: timedelta, **extra: Any) -> TenderFacts:
    bids = [BidFacts(f"{method}-{n}", f"S{n}", Decimal(100 + n), T0 + timedelta(hours=1)) for n in range(3)]
    return TenderFacts(id=f"T-{method}", title="t", buyer="b", category="materials",
                       method=method, estimate=Decimal(1000), published_at=T0,  # type: ignore[arg-type]
                       deadline=T0 + period, bids=tuple(bids), status="opened", **extra)


def flagged(code: str, tenders: list[TenderFacts], **settings: Any) -> set[str]:
    return {t for f in compute_flags(tenders, None, FlagSettings(codes=frozenset({code}), **settings))
            for t in f.tender_ids}


@given(st.sampled_from(sorted(TENDER_METHODS)), st.integers(0, 40), st.integers(0, 86_399))
def test_the_short_period_flag_uses_each_methods_minimum(method: str, days: int, seconds: int) -> None:
    t = tender(method, timedelta(days=days, seconds=seconds))
    expected = method != "direct" and days < MINIMUM[method]
    assert flagged("R003", [t]) == ({t.id} if expected else set())


def test_short_periods_of_invited_tenders_and_inquiries_are_caught() -> None:
    almost = timedelta(days=20) - timedelta(seconds=1)
    tenders = [tender("open", almost), tender("invited", almost), tender("inquiry", timedelta(days=2, hours=23)),
               tender("direct", timedelta(hours=1))]
    assert flagged("R003", tenders) == {"T-open", "T-invited", "T-inquiry"}
    (inquiry,) = [f for f in compute_flags(tenders, None, FlagSettings(codes=frozenset({"R003"})))
                  if f.tender_ids == ("T-inquiry",)]
    assert inquiry.evidence["threshold_days"] == 3 and "organisation" in inquiry.evidence["rule"]
    # The organisation's own inquiry minimum comes from its rules profile.
    settings = FlagSettings.from_profile(RulesProfile(inquiry_min_days=5), codes=frozenset({"R003"}))
    assert {f.tender_ids for f in compute_flags([tender("inquiry", timedelta(days=4))], None, settings)} == {
        ("T-inquiry",)}


def test_the_amendment_rule_applies_to_tenders_not_inquiries_or_single_source() -> None:
    late = AmendmentFacts(T0 + timedelta(days=5), T0 + timedelta(days=10), T0 + timedelta(days=10))
    tenders = [tender(m, timedelta(days=25), amendments=(late,))
               for m in ("open", "invited", "inquiry", "direct")]
    assert flagged("ZC-LATE-AMENDMENT", tenders) == {"T-open", "T-invited"}


def test_single_source_has_one_supplier_by_design() -> None:
    one = TenderFacts(id="D", title="t", buyer="b", category="materials", method="direct", estimate=None,
                      published_at=None, deadline=None, status="awarded", winner_supplier_id="S",
                      bids=(BidFacts("d", "S", Decimal(5), None),))
    assert flagged("ZC-FEW-BIDDERS", [one]) == set()
    assert flagged("R018", [one]) == set()
    two = tender("inquiry", timedelta(days=5))
    two = TenderFacts(**{**{f: getattr(two, f) for f in two.__slots__}, "bids": two.bids[:2]})  # type: ignore[arg-type]
    assert flagged("ZC-FEW-BIDDERS", [two]) == {"T-inquiry"}
