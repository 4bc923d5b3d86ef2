"""The red flag itself, the settings of every flag, and the shared helpers the flags use.

A `Flag` names what was flagged (tenders, suppliers, bids or a buyer) and carries its evidence:
the numbers and thresholds that made it fire, so that an auditor can check the arithmetic.
`FlagSettings` holds every threshold with the default of its source: the Open Contracting
Partnership's Cardinal library (open-contracting/cardinal-rs, ``docs/cli/indicators/R/*.md`` and
``src/indicators/r*.rs``) for the R-codes, the Bidding Law and its Implementing Regulations for the
local flags (docs/rules.md). The quantiles, fences and rounding of ratios are in
`zhaocai.integrity.statistics` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.integrity.default_authors import DEFAULT_DOCUMENT_AUTHORS
from zhaocai.integrity.facts import AWARDED_STATUSES, SUBMITTED_STATUSES, BidFacts, TenderFacts
from zhaocai.integrity.statistics import RATIO_CONTEXT as RATIO_CONTEXT
from zhaocai.integrity.statistics import RATIO_PLACES as RATIO_PLACES
from zhaocai.integrity.statistics import Quartiles as Quartiles
from zhaocai.integrity.statistics import quantile as quantile
from zhaocai.integrity.statistics import shown as shown
from zhaocai.profile import RulesProfile

Subject = Literal["tender", "supplier", "buyer"]
FlagKind = Literal["collusion", "screen", "procedure"]
"""What a flag says. ``collusion``: a trace of bid rigging or of an insider, strong enough to
open a case on its own; ``screen``: a statistical oddity that honest tenders also show, evidence
only when other signals agree (low weight in the risk score); ``procedure``: a breach of a
procedural rule, whoever profits from it."""



@dataclass(frozen=True, slots=True)
class FlagInfo:
    """The fixed description of a flag code: names in English and Chinese, and its source."""

    code: str
    name_en: str
    name_zh: str
    source: str
    kind: FlagKind = "collusion"


FLAG_INFO: dict[str, FlagInfo] = {
    info.code: info
    for info in (
        FlagInfo("R003", "Short submission period", "投标期限过短", "Cardinal R003", "procedure"),
        FlagInfo("R018", "Single bid received", "仅收到一份投标", "Cardinal R018", "screen"),
        FlagInfo("R024", "Price close to the winning bid", "报价与中标价过于接近", "Cardinal R024", "screen"),
        FlagInfo("R025", "Excessive unsuccessful bids", "投标屡投不中", "Cardinal R025", "screen"),
        FlagInfo("R028", "Identical bid prices", "投标报价相同", "Cardinal R028"),
        FlagInfo("R030", "Late bid won", "逾期投标中标", "Cardinal R030"),
        FlagInfo("R035", "All except the winning bid disqualified", "除中标人外投标均被否决",
                 "Cardinal R035", "screen"),
        FlagInfo("R036", "Lowest bid disqualified", "最低报价投标被否决", "Cardinal R036", "screen"),
        FlagInfo("R038", "Excessive disqualified bids", "被否决投标比例过高", "Cardinal R038", "screen"),
        FlagInfo("R044", "Business similarities between bidders", "投标人信息雷同", "Cardinal R044"),
        FlagInfo("R048", "Heterogeneous supplier", "供应商经营范围异常宽泛", "Cardinal R048", "screen"),
        FlagInfo("R058", "Heavily discounted bid", "中标价大幅低于次低价", "Cardinal R058", "screen"),
        FlagInfo("ZC-FEW-BIDDERS", "Fewer valid bidders than required", "有效投标人不足",
                 "Law 28, Reg 44; 三三二", "procedure"),
        FlagInfo("ZC-LATE-AMENDMENT", "Late amendment without moving the deadline",
                 "澄清修改距截止不足且未顺延截止时间", "Law 23, Reg 21", "procedure"),
        FlagInfo("ZC-BID-SECURITY", "Bid security above the cap", "投标保证金超过上限", "Reg 26",
                 "procedure"),
        FlagInfo("ZC-SHORT-PUBLICITY", "Publicity period too short", "中标候选人公示期过短",
                 "Reg 54", "procedure"),
        FlagInfo("ZC-BID-ROTATION", "Winners rotate within a recurring group of bidders",
                 "同一组投标人轮流中标", "OECD bid-rigging guidelines (bid rotation)", "screen"),
        FlagInfo("REG40-SAME-AUTHOR", "Bid documents by the same author",
                 "不同投标人的投标文件由同一人编制", "Reg 40 (1)"),
        FlagInfo("REG40-SAME-AGENT", "Same agent for different bidders",
                 "不同投标人委托同一人办理投标事宜", "Reg 40 (2)"),
        FlagInfo("REG40-SAME-PM", "Same project manager for different bidders",
                 "不同投标人的投标文件载明的项目管理成员为同一人", "Reg 40 (3)"),
        FlagInfo("REG40-PRICE-PROGRESSION", "Bid prices in a regular progression",
                 "不同投标人的投标报价呈规律性差异", "Reg 40 (4)"),
        FlagInfo("REG40-SAME-ACCOUNT", "Bid securities paid from one account",
                 "不同投标人的投标保证金从同一单位或者个人的账户转出", "Reg 40 (6)"),
        FlagInfo("REG40-RELATED-PARTIES", "Related parties bid in the same tender",
                 "存在关联关系的投标人参加同一投标", "Law 32, Reg 34, Reg 40"),
        FlagInfo("ZC-SCREEN-COVER", "Bids shaped like cover bidding (low CV, RD > 1)",
                 "报价分布呈陪标特征（离散系数低、相对距离大于1）",
                 "Imhof 2017; Imhof, Karagök & Rutz 2018", "screen"),
        FlagInfo("ZC-NEAR-EQUAL", "Near-identical bid prices", "投标报价几乎相同",
                 "Reg 40 (4); OECD 2009 guidelines"),
        FlagInfo("ZC-CONSTANT-RATIO", "Two suppliers' prices in a constant ratio across tenders",
                 "两家供应商在多个项目中报价比例固定", "Reg 40 (4); OECD 2009 guidelines"),
        FlagInfo("ZC-LATE-HAIR", "Last-minute winning bid just under the second",
                 "截止前最后时刻提交且以微弱差价中标", "OECD 2009 guidelines; Cardinal R024", "screen"),
        FlagInfo("ZC-INSIDER", "Last-minute wins by a hair, again and again with one buyer",
                 "同一采购单位项目中多次截止前最后时刻以微弱差价中标", "OECD 2009 guidelines"),
        FlagInfo("ZC-CARTEL", "Tender of a cartel candidate group", "疑似围标团伙参与的项目",
                 "Imhof, Karagök & Rutz 2018; OECD 2025 guidelines"),
        FlagInfo("ZC-CARTEL-MEMBER", "Member of a cartel candidate group", "疑似围标团伙成员",
                 "Imhof, Karagök & Rutz 2018; OECD 2025 guidelines"),
        FlagInfo("ZC-BID-SUPPRESSION", "Regular bidders of a group stayed away",
                 "团伙常规投标人缺席（抑制投标）", "OECD 2009 guidelines (bid suppression)"),
        FlagInfo("ZC-MARKET-ALLOCATION", "Buyers split between two suppliers",
                 "两家供应商划分采购单位（市场分割）", "OECD 2009 guidelines (market allocation)"),
        FlagInfo("ZC-BUYER-SPLIT", "Two suppliers' ranking decided by the buyer",
                 "两家供应商报价高低随采购单位而定（市场分割）",
                 "OECD 2009 guidelines (market allocation)"),
        FlagInfo("ZC-ROTATION-RING", "A group that bids together and takes turns to win",
                 "固定圈子共同投标并轮流中标（轮流坐庄）",
                 "OECD 2009 guidelines (bid rotation); Ishii 2009"),
        FlagInfo("ZC-LOYAL-LOSER", "Loses often, mostly to the same winners", "屡投不中且多输给同几家",
                 "OECD 2009 guidelines (cover bidding); Cardinal R025", "screen"),
    )
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One red flag: what it is about and the evidence that made it fire.

    `subject` says what is flagged: a tender (then `tender_ids` has one id), a supplier across
    the history (then `supplier_ids` has one id and `tender_ids` the tenders counted) or a buyer.
    `evidence` maps names to exact values (Decimal, int, str, datetime, lists of them).
    """

    code: str
    name_en: str
    name_zh: str
    subject: Subject
    source: str
    tender_ids: tuple[str, ...] = ()
    supplier_ids: tuple[str, ...] = ()
    bid_ids: tuple[str, ...] = ()
    buyer: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """A total order that does not depend on the order of the input."""
        return (self.code, self.subject, self.tender_ids, self.supplier_ids, self.buyer or "",
                self.bid_ids)


def make_flag(
    code: str,
    subject: Subject,
    *,
    tender_ids: Iterable[str] = (),
    supplier_ids: Iterable[str] = (),
    bid_ids: Iterable[str] = (),
    buyer: str | None = None,
    evidence: Mapping[str, Any] | None = None,
) -> Flag:
    """Build a flag of `code` with its names and source, ids sorted and de-duplicated."""
    info = FLAG_INFO[code]
    return Flag(
        code=code,
        name_en=info.name_en,
        name_zh=info.name_zh,
        subject=subject,
        source=info.source,
        tender_ids=tuple(sorted(set(tender_ids))),
        supplier_ids=tuple(sorted(set(supplier_ids))),
        bid_ids=tuple(sorted(set(bid_ids))),
        buyer=buyer,
        evidence=dict(evidence or {}),
    )


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
        Decimal("0.8"), ge=0, le=1, description="a cartel wins this share of its joint tenders")
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


@dataclass(slots=True)
class Digest:
    """What several flags read of one tender, computed once.

    `submitted` are the bids that count as submitted (valid, disqualified or pending; invited bids
    were never made and withdrawn bids are gone under Law 29), `winner` the awarded supplier when
    the tender has an active award. The supplier ids (bids naming no tenderer left out) are
    distinct, in no particular order; they are tuples of strings, which the garbage collector
    stops tracking, so that digesting a large history stays cheap.
    """

    tender: TenderFacts
    submitted: tuple[BidFacts, ...]
    valid: tuple[BidFacts, ...]
    valid_suppliers: tuple[str, ...]
    submitted_suppliers: tuple[str, ...]
    winner: str | None
    _winners: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def winners(self) -> frozenset[str]:
        """Every supplier of the awards in force: the one `winner`, or else the suppliers of the
        active awards (several lots, or a joint bid's members when an award names them all).
        Computed on the first call and kept: many flags ask."""
        found = self._winners
        if found is None:
            found = frozenset((self.winner,)) if self.winner is not None else self.tender.active_supplier_ids()
            self._winners = found
        return found


def digest(tender: TenderFacts) -> Digest:
    """Digest one tender: its submitted and valid bids and their suppliers.

    When every bid is valid (most tenders) the tender's own tuple and one set serve for both,
    which keeps the number of objects a large history's digests allocate low.
    """
    bids = tender.bids
    statuses = {b.status for b in bids}
    winner = tender.winner_supplier_id if tender.status in AWARDED_STATUSES else None
    if statuses <= {"valid"} and all(b.supplier_id for b in bids):
        suppliers = tuple({b.supplier_id for b in bids})
        return Digest(tender, bids, bids, suppliers, suppliers, winner)
    valid = tuple(b for b in bids if b.status == "valid")
    submitted = tuple(b for b in bids if b.status in SUBMITTED_STATUSES)
    return Digest(tender, submitted, valid, tuple({b.supplier_id for b in valid if b.supplier_id}),
                  tuple({b.supplier_id for b in submitted if b.supplier_id}), winner)


def digest_all(tenders: Iterable[TenderFacts]) -> list[Digest]:
    """Digest every tender."""
    return [digest(t) for t in tenders]


class PreparedHistory:
    """Tenders digested once, so that computing many flags reads each tender's bids once.

    `memo` keeps intermediate results that several flags share (e.g. the second-lowest-bid
    ratios of R024 and R058) for the life of this object.
    """

    __slots__ = ("_flat", "_sorted", "digests", "memo")

    def __init__(self, tenders: Iterable[TenderFacts]) -> None:
        self.digests = digest_all(tenders)
        self.memo: dict[str, Any] = {}
        self._flat: tuple[list[BidFacts], list[int]] | None = None
        self._sorted: tuple[list[Decimal], list[int]] | None = None

    def sorted_prices(self) -> tuple[list[Decimal], list[int]]:
        """Every tender's known submitted prices in ascending order, tender after tender, in one list,
        and beside each price the index of its tender's digest."""
        if self._sorted is None:
            prices: list[Decimal] = []
            owners: list[int] = []
            price = attrgetter("price")
            for index, d in enumerate(self.digests):
                known = sorted(p for p in map(price, d.submitted) if p is not None)
                prices.extend(known)
                owners.extend([index] * len(known))
            self._sorted = (prices, owners)
        return self._sorted

    def flat_submitted(self) -> tuple[list[BidFacts], list[int]]:
        """All submitted bids in one list, and beside each the index of its tender's digest.

        Whole-history screens run over this list with C-level `map`/`zip`, and only the few
        tenders they pick are examined bid by bid.
        """
        if self._flat is None:
            bids: list[BidFacts] = []
            owners: list[int] = []
            for index, d in enumerate(self.digests):
                bids.extend(d.submitted)
                owners.extend([index] * len(d.submitted))
            self._flat = (bids, owners)
        return self._flat


History = Sequence[TenderFacts] | PreparedHistory
"""What a flag function reads: a list of tenders, or the same list already prepared."""


def prepare(history: History) -> PreparedHistory:
    """The history prepared (digested), reusing it when it already is."""
    return history if isinstance(history, PreparedHistory) else PreparedHistory(history)


def digests_of(history: History) -> list[Digest]:
    """The digests of a history, preparing it if needed."""
    if isinstance(history, PreparedHistory):
        return history.digests
    return digest_all(history)

