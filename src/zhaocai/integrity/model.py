"""The red flag itself: its codes, names and sources (`FLAG_INFO`), and `Flag` with its evidence.

A `Flag` names what was flagged (tenders, suppliers, bids or a buyer) and carries its evidence:
the numbers and thresholds that made it fire, so that an auditor can check the arithmetic.
The flags' thresholds are in `zhaocai.integrity.settings` (`FlagSettings`), the digested history
they read in `zhaocai.integrity.prepared`, and the quantiles, fences and rounding of ratios in
`zhaocai.integrity.statistics`; all are re-exported here, where the flag modules import them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from zhaocai.integrity.prepared import Digest as Digest
from zhaocai.integrity.prepared import History as History
from zhaocai.integrity.prepared import PreparedHistory as PreparedHistory
from zhaocai.integrity.prepared import digest as digest
from zhaocai.integrity.prepared import digest_all as digest_all
from zhaocai.integrity.prepared import digests_of as digests_of
from zhaocai.integrity.prepared import prepare as prepare
from zhaocai.integrity.settings import DEFAULT_SETTINGS as DEFAULT_SETTINGS
from zhaocai.integrity.settings import FlagSettings as FlagSettings
from zhaocai.integrity.statistics import RATIO_CONTEXT as RATIO_CONTEXT
from zhaocai.integrity.statistics import RATIO_PLACES as RATIO_PLACES
from zhaocai.integrity.statistics import Quartiles as Quartiles
from zhaocai.integrity.statistics import quantile as quantile
from zhaocai.integrity.statistics import shown as shown

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
        FlagInfo("ZC-LATE-HAIR", "Last-minute winning bid just under the second, lodged after it",
                 "截止前最后时刻、在次低报价之后提交并以微弱差价中标", "OECD 2009 guidelines; Cardinal R024",
                 "screen"),
        FlagInfo("ZC-INSIDER", "Last-minute wins by a hair, again and again with one buyer",
                 "同一采购单位项目中多次截止前最后时刻以微弱差价中标", "OECD 2009 guidelines"),
        FlagInfo("ZC-CARTEL", "Tender of a cartel candidate group whose members' bids are covers",
                 "疑似围标团伙参与且其成员报价呈陪标形态的项目",
                 "Imhof, Karagök & Rutz 2018; Wallimann, Imhof & Huber 2020; OECD 2025 guidelines"),
        FlagInfo("ZC-CARTEL-MEMBER", "Member of a cartel candidate group", "疑似围标团伙成员",
                 "Imhof, Karagök & Rutz 2018; OECD 2025 guidelines"),
        FlagInfo("ZC-BID-SUPPRESSION", "Regular bidders of a group stayed away",
                 "团伙常规投标人缺席（抑制投标）", "OECD 2009 guidelines (bid suppression)"),
        FlagInfo("ZC-MARKET-ALLOCATION", "Buyers split between two suppliers",
                 "两家供应商划分采购单位（市场分割）", "OECD 2009 guidelines (market allocation)"),
        FlagInfo("ZC-BUYER-SPLIT", "Two suppliers' ranking decided by the buyer",
                 "两家供应商报价高低随采购单位而定（市场分割）",
                 "OECD 2009 guidelines (market allocation)"),
        FlagInfo("ZC-TERRITORY-SPLIT", "Two suppliers each win in their own territory and cover the other",
                 "两家供应商各在自己的地盘（采购单位或地区）中标、在对方地盘陪标（市场分割）",
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
