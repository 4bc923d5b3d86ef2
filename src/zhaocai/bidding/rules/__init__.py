"""Evaluation and award: the pure rules (no database, no clock, no I/O).

The service layer loads a tender's data, calls these functions and persists what they return:

- `committee`: committee draw with recusal (keyed shuffle from a public seed);
- `compliance`: compliance check of opened bids (ceiling, bid security, eligibility, response);
- `abnormal`: abnormally low bids and the committee's decision on them;
- `price_score`: price score formulas and the evaluated price;
- `scoring`: comprehensive scoring from members' sealed score sheets, outlier flags;
- `ranking`: deterministic ranking and candidates per lot;
- `award`: award decision, publicity, contract deadline, award notice;
- `inquiry`: price inquiry under the 3-3-2 rule;
- `stages`: the order of evaluation (the tender machine's validators within evaluation);
- `lots`, `contracts`: a lot's shortfall and the signing of a contract (the lot and contract
  machines' guards and validators);
- `sheets`: a member's sheet as sealed (integer hundredths).

Scores and money are `Decimal`; see `common` for the one rounding rule.
"""

from zhaocai.bidding.rules.abnormal import (
    AbnormalDecision,
    AbnormalFlag,
    apply_decisions,
    find_abnormally_low,
)
from zhaocai.bidding.rules.award import (
    INELIGIBLE,
    AwardDecision,
    AwardNotice,
    Removal,
    award_notice,
    can_award,
    contract_deadline,
    decide_award,
    period_end,
    publicity_ends_at,
)
from zhaocai.bidding.rules.committee import (
    Bidder,
    BuyerRepresentative,
    Draw,
    Expert,
    Recusal,
    draw_committee,
    draw_key,
    draw_seed,
    expert_interests,
    validate_composition,
)
from zhaocai.bidding.rules.common import Reason, round_score
from zhaocai.bidding.rules.compliance import (
    BidderFacts,
    ComplianceResult,
    OpenedBid,
    RelatedBidders,
    RelatedPair,
    SharedFact,
    check_bid,
    check_compliance,
    compliant_prices,
    related_bidders,
    related_reason,
)
from zhaocai.bidding.rules.inquiry import (
    InquiryResult,
    Override,
    Quote,
    decide_inquiry,
    inquiry_lottery_key,
    signing_officers,
    too_few_quotes,
)
from zhaocai.bidding.rules.price_score import (
    Adjustment,
    Benchmark,
    PriceScore,
    PriceScoreFormula,
    PriceScores,
    benchmark_price,
    evaluated_price,
    price_score,
    price_scores,
)
from zhaocai.bidding.rules.ranking import (
    AwardMethod,
    Contender,
    RankedBid,
    Ranking,
    TieBreak,
    lottery_key,
    rank_lot,
)
from zhaocai.bidding.rules.scoring import (
    BidScore,
    CriterionKind,
    CriterionScore,
    Evaluation,
    Outlier,
    OutlierRule,
    ScoreSheet,
    ScoringCriterion,
    ScoringScheme,
    committee_points,
    evaluate,
    find_outliers,
    scores_visible,
    validate_sheet,
)

__all__ = [
    "INELIGIBLE",
    "AbnormalDecision",
    "AbnormalFlag",
    "Adjustment",
    "AwardDecision",
    "AwardMethod",
    "AwardNotice",
    "Benchmark",
    "BidScore",
    "Bidder",
    "BidderFacts",
    "BuyerRepresentative",
    "ComplianceResult",
    "Contender",
    "CriterionKind",
    "CriterionScore",
    "Draw",
    "Evaluation",
    "Expert",
    "InquiryResult",
    "OpenedBid",
    "Outlier",
    "OutlierRule",
    "Override",
    "PriceScore",
    "PriceScoreFormula",
    "PriceScores",
    "Quote",
    "RankedBid",
    "Ranking",
    "Reason",
    "Recusal",
    "RelatedBidders",
    "RelatedPair",
    "Removal",
    "ScoreSheet",
    "ScoringCriterion",
    "ScoringScheme",
    "SharedFact",
    "TieBreak",
    "apply_decisions",
    "award_notice",
    "benchmark_price",
    "can_award",
    "check_bid",
    "check_compliance",
    "committee_points",
    "compliant_prices",
    "contract_deadline",
    "decide_award",
    "decide_inquiry",
    "draw_committee",
    "draw_key",
    "draw_seed",
    "evaluate",
    "evaluated_price",
    "expert_interests",
    "find_abnormally_low",
    "find_outliers",
    "inquiry_lottery_key",
    "lottery_key",
    "period_end",
    "price_score",
    "price_scores",
    "publicity_ends_at",
    "rank_lot",
    "related_bidders",
    "related_reason",
    "round_score",
    "scores_visible",
    "signing_officers",
    "too_few_quotes",
    "validate_composition",
    "validate_sheet",
]
