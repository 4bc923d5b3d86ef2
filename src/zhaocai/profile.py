"""The rules profile: every number of the procurement rules, with legal defaults.

A tender freezes the profile it was published under; changing the organisation's profile later
does not touch published tenders. Sources: Bidding Law (Law) and its Implementing Regulations (Reg).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class RulesProfile(BaseModel):
    """Settings with their defaults and sources (docs/rules.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_valid_bids: int = Field(3, ge=1, description="Law 28, Reg 44: fewer fails the tender")
    min_invitees: int = Field(3, ge=1, description="Law 17: invited tender")
    inquiry_min_suppliers: int = Field(3, ge=1, description="三三二: suppliers contacted")
    inquiry_min_officers: int = Field(2, ge=1, description="三三二: people conducting together")
    open_tender_min_days: int = Field(20, ge=0, description="Law 24: publication to deadline")
    invited_tender_min_days: int = Field(20, ge=0, description="Law 24 applies to invitations too")
    inquiry_min_days: int = Field(3, ge=0, description="price inquiry: organisation's setting")
    amendment_notice_days: int = Field(15, ge=0, description="Law 23, Reg 21")
    bid_security_cap_percent: Decimal = Field(Decimal("2"), ge=0, description="Reg 26")
    abnormally_low_vs_mean_percent: Decimal = Field(Decimal("40"), description="Law 33, Reg 51")
    abnormally_low_vs_next_percent: Decimal = Field(Decimal("30"), description="Law 33, Reg 51")
    committee_min_size: int = Field(5, ge=3, description="Law 37: odd, at least 5")
    committee_expert_share_num: int = Field(2, description="Law 37: experts at least 2/3")
    committee_expert_share_den: int = Field(3, description="Law 37")
    max_candidates: int = Field(3, ge=1, description="Reg 53")
    publicity_days: int = Field(3, ge=1, description="Reg 54: at least 3 days")
    publicity_in_workdays: bool = Field(False, description="count publicity in working days")
    contract_within_days: int = Field(30, ge=1, description="Law 46")
    trimmed_mean_min_members: int = Field(5, ge=3, description="drop highest and lowest at ≥ N")
    site_inspection_threshold: Decimal = Field(Decimal("1000000"), ge=0,
                                               description="ceiling needing an on-site visit")


DEFAULT_PROFILE = RulesProfile()
