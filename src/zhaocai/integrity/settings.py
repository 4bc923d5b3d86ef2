"""The settings of every red flag: each threshold with the default of its source.

Cardinal's defaults for the R-codes (open-contracting/cardinal-rs), the Bidding Law and its
Implementing Regulations for the local flags (docs/rules.md), and the literature's for the
screens and networks. `FlagSettings.from_profile` takes the legal numbers of a rules profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.integrity.default_authors import DEFAULT_DOCUMENT_AUTHORS
from zhaocai.profile import RulesProfile


class FlagSettings(BaseModel):
    """Every threshold of the red flags, with the default of its source.

    Cardinal defaults (cardinal-rs ``src/indicators/r*.rs``): R003 15 days; R018 competitive
    methods open and selective (here: open and invited); R024, R058 fences from the quartiles of
    the differences (Q1 − 1.5·IQR, Q3 + 1.5·IQR) unless a threshold is set; R025 upper fence the
    75th percentile of valid bid counts and lower fence Q1 − 1.5·IQR of win ratios; R035 threshold
    1; R038 fence Q3 + 1.5·IQR, at least 2 submitted bids per tenderer and 2 processes per buyer;
    R048 fence ⌈Q3 + 1.5·IQR⌉. Zhaocai adds one guard: a fence drawn from fewer than
    `fence_min_values` values is not computed (Cardinal would flag the lone tender of a one-tender
    history against itself); an explicit threshold always applies. Local flags follow the Bidding
    Law and its Regulations (Law 23/24/28, Reg 21/26/44/54). `conformance.cardinal_settings()`
    gives the settings under which the R-codes reproduce Cardinal exactly; every field whose
    zhaocai default differs from Cardinal says so in its description (see docs/integrity.md).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    codes: frozenset[str] | None = Field(None, description="compute only these codes (None: all)")
    r003_threshold_days: int = Field(15, ge=0, description="Cardinal R003 default threshold")
    r003_procurement_methods: frozenset[str] | None = Field(
        None, description="Cardinal R003 procurement_methods (None: every method)")
    r003_procurement_method_details: tuple[tuple[str, int], ...] = Field(
        (), description="Cardinal R003 thresholds per procurementMethodDetails (a mapping is taken)")
    r003_law_minimums: bool = Field(
        True, description="zhaocai: each method's own legal minimum (Law 24, inquiry setting)")
    r018_procurement_methods: frozenset[str] = Field(
        frozenset({"open", "selective"}), description="Cardinal R018: open|selective (invited = selective)")
    r018_count_bids: bool = Field(
        True, description="zhaocai: count the bidders when numberOfTenderers is not published")
    r024_threshold: Decimal | None = Field(None, description="Cardinal R024 lower fence override")
    r025_percentile: int = Field(75, ge=0, le=100, description="Cardinal R025 upper fence")
    r025_threshold: Decimal | None = Field(None, description="Cardinal R025 lower fence override")
    r025_strict: bool = Field(
        True, description="zhaocai: more bids than the percentile and a ratio below the fence")
    r035_threshold: int = Field(1, ge=1, description="Cardinal R035 disqualified tenderers")
    r036_first_lowest: bool = Field(
        False, description="Cardinal: the first lowest bid in the data's order decides a tie")
    r038_threshold: Decimal | None = Field(None, description="Cardinal R038 upper fence override")
    r038_minimum_submitted_bids: int = Field(2, ge=1, description="Cardinal R038 default")
    r038_minimum_contracting_processes: int = Field(2, ge=1, description="Cardinal R038 default")
    r038_minimum_counts_bids: bool = Field(
        False, description="Cardinal: a buyer's minimum is compared with its submitted bids")
    r048_threshold: int | None = Field(None, ge=1, description="Cardinal R048 upper fence override")
    r048_digits: int = Field(2, ge=1, description="Cardinal R048: first-level classification digits")
    r048_minimum_contracting_processes: int = Field(
        1, ge=1, description="awarded processes for a supplier to count (Cardinal: 20)")
    r048_minimum_variety: int = Field(2, ge=1, description="zhaocai: one category is never flagged")
    r058_threshold: Decimal | None = Field(None, description="Cardinal R058 upper fence override")
    exclude_cancelled: bool = Field(
        False, description="Cardinal: cancelled processes are left out of every flag")
    excluded_method_details: frozenset[str] = Field(
        frozenset(), description="Cardinal [exclusions] procurement_method_details")
    no_price_comparison_method_details: frozenset[str] = Field(
        frozenset(), description="Cardinal no_price_comparison_procurement_methods")
    price_comparison_method_details: frozenset[str] | None = Field(
        None, description="Cardinal price_comparison_procurement_methods (an allow list)")
    currency: str | None = Field(None, description="compare prices in this currency (None: the first seen)")
    fence_min_values: int = Field(
        5, ge=1, description="quartile fences need this many values, else the flag is skipped")
    min_valid_bidders: int = Field(3, ge=1, description="Law 28, Reg 44: open and invited")
    inquiry_min_suppliers: int = Field(3, ge=1, description="三三二: price inquiry")
    amendment_notice_days: int = Field(15, ge=0, description="Law 23, Reg 21")
    amendment_methods: frozenset[str] = Field(
        frozenset({"open", "invited", "selective"}), description="Law 23 governs tenders, not inquiries")
    open_tender_min_days: int = Field(20, ge=0, description="Law 24: publication to deadline")
    invited_tender_min_days: int = Field(20, ge=0, description="Law 24 applies to invitations too")
    inquiry_min_days: int = Field(3, ge=0, description="price inquiry: organisation's setting")
    bid_security_cap_percent: Decimal = Field(Decimal("2"), ge=0, description="Reg 26")
    publicity_min_days: int = Field(3, ge=1, description="Reg 54")
    progression_min_bids: int = Field(3, ge=3, description="Reg 40 (4): bids in the run")
    progression_tolerance: Decimal = Field(
        Decimal("2"), ge=0, description="Reg 40 (4): yuan by which the steps of a run may disagree")
    ignored_authors: frozenset[str] = Field(
        DEFAULT_DOCUMENT_AUTHORS,
        description="default document authors of office software, not evidence of one author")
    rotation_min_tenders: int = Field(3, ge=2, description="same bidder group, at least N tenders")
    rotation_min_winners: int = Field(2, ge=2, description="distinct winners within the group")
    screen_min_bids: int = Field(3, ge=3, description="Imhof 2017: screens need three valid bids")
    screen_cv_max: Decimal = Field(
        Decimal("0.05"), gt=0, description="CV below this (Imhof 2017; PSPC 0.04–0.06) is tight")
    screen_rd_min: Decimal = Field(Decimal("1"), ge=0, description="RD above this: the winner apart")
    screen_cv_market_factor: Decimal = Field(
        Decimal("0.5"), gt=0, description="CV also at most this share of the category's median CV")
    group_min_tenders: int = Field(4, ge=2, description="a pair is tested when it met this often")
    group_alpha: Decimal = Field(
        Decimal("0.05"), gt=0, lt=1, description="false discovery rate of the multiple tests")
    group_base_rate_floor: Decimal = Field(
        Decimal("0.02"), gt=0, lt=1, description="the market's cover-pattern rate is at least this")
    group_min_win_share: Decimal = Field(
        Decimal("0"), ge=0, le=1, description="a cartel wins this share of its cover tenders")
    allocation_home_win_share: Decimal = Field(
        Decimal("0.5"), gt=0, le=1, description="ZC-BUYER-SPLIT: the owner wins this share at home")
    rotation_max_group: int = Field(12, ge=3, description="ZC-ROTATION-RING: largest group read")
    regular_share: Decimal = Field(
        Decimal("0.5"), gt=0, le=1, description="bid-suppression: a regular bids in this share")
    loyal_min_bids: int = Field(10, ge=2, description="loyal loser: at least this many bids")
    loyal_concentration: Decimal = Field(Decimal("0.6"), gt=0, le=1,
                                         description="share of losses to its top three winners")
    near_equal_tolerance: Decimal = Field(Decimal("0.0002"), gt=0, description="0.02 %")
    ratio_tolerance: Decimal = Field(Decimal("0.0005"), gt=0, description="0.05 %")
    ratio_min_tenders: int = Field(3, ge=2, description="constant ratio in at least this many tenders")
    late_hair_minutes: int = Field(60, ge=1, description="winning bid lodged this close to the deadline")
    late_hair_margin: Decimal = Field(Decimal("0.01"), ge=0, description="and under the second by ≤ 1 %")

    @field_validator("r003_procurement_method_details", mode="before")
    @classmethod
    def _details_table(cls, value: Any) -> Any:
        """A mapping {details: days} is kept as sorted pairs, so that the settings stay hashable."""
        return tuple(sorted(value.items())) if isinstance(value, Mapping) else value

    @classmethod
    def from_profile(cls, profile: RulesProfile, **overrides: Any) -> FlagSettings:
        """Settings whose legal thresholds come from a rules profile (Cardinal's stay default)."""
        values: dict[str, Any] = {
            "min_valid_bidders": profile.min_valid_bids,
            "inquiry_min_suppliers": profile.inquiry_min_suppliers,
            "amendment_notice_days": profile.amendment_notice_days,
            "open_tender_min_days": profile.open_tender_min_days,
            "invited_tender_min_days": profile.invited_tender_min_days,
            "inquiry_min_days": profile.inquiry_min_days,
            "bid_security_cap_percent": profile.bid_security_cap_percent,
            "publicity_min_days": profile.publicity_days,
        }
        values.update(overrides)
        return cls(**values)

    def wants(self, code: str) -> bool:
        """Whether `code` is to be computed."""
        return self.codes is None or code in self.codes


DEFAULT_SETTINGS = FlagSettings()
