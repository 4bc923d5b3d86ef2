"""The order of evaluation: what may be done at each step after the opening.

These are the validators of the tender machine's moves within evaluation (`bidding/machine.py`):
the machine says in which tender state a command is allowed, these rules say what must have
happened before it (and what must not have happened yet). Plain values in, a coded error out; the
handler passes the facts it has read (`compliance_at`, `report_at`, `now`, ...) as the event's
context, and the tender row is the machine's `model`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from zhaocai.bidding.rules.award import can_award
from zhaocai.bidding.rules.ranking import AwardMethod
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation

# -- the committee -------------------------------------------------------------------------------


def require_committee_method(model: Any, **_: Any) -> None:
    """A price inquiry is decided by its officers, never by a drawn committee."""
    if model.method == TenderMethod.PRICE_INQUIRY.value:
        raise RuleViolation("committee.price_inquiry",
                            "A price inquiry is decided by its officers, not by a drawn committee",
                            "询价由询价小组决定，不抽取评标委员会", {"tender_id": model.id})


def require_commercial_opened(model: Any, **_: Any) -> None:
    """Two envelopes: the commercial parts are opened before the committee is drawn."""
    if model.two_envelopes and model.commercial_opened_at is None:
        raise RuleViolation("committee.commercial_not_opened",
                            "Two envelopes: open the commercial parts before drawing the committee",
                            "双信封项目须先开启商务标再抽取评标委员会", {"tender_id": model.id})


# -- compliance and the committee's decisions ----------------------------------------------------


def require_compliance_pending(model: Any, compliance_at: datetime | None = None, **_: Any) -> None:
    """Bid security and findings are recorded before the compliance check, which runs once."""
    if compliance_at is not None:
        raise ConflictError("compliance.already_checked", "The compliance check is already done",
                            "符合性审查已完成", {"tender_id": model.id})


def require_compliance_checked(model: Any, compliance_at: datetime | None = None, **_: Any) -> None:
    """The committee decides on bids (abnormal prices, related bidders, adjustments) and writes the
    report only after the compliance check."""
    if compliance_at is None:
        raise RuleViolation("compliance.not_checked", "Run the compliance check first",
                            "须先进行符合性审查", {"tender_id": model.id})


def require_report_pending(model: Any, report_at: datetime | None = None, **_: Any) -> None:
    """Nothing the report rests on changes once it is out."""
    if report_at is not None:
        raise ConflictError("evaluation.report_done", "The evaluation report is already out",
                            "评标报告已出具", {"tender_id": model.id})


# -- scoring -------------------------------------------------------------------------------------


def require_comprehensive(model: Any, method: AwardMethod | None = None, **_: Any) -> None:
    """Only comprehensive scoring has score sheets."""
    if method is not AwardMethod.COMPREHENSIVE:
        raise RuleViolation("scoring.not_comprehensive", "This tender is evaluated by lowest evaluated price",
                            "本项目采用经评审的最低投标价法，无需评分", {"tender_id": model.id})


def require_scoring_open(model: Any, compliance_at: datetime | None = None,
                         report_at: datetime | None = None, **_: Any) -> None:
    """Sheets are submitted after the compliance check and before the report."""
    if compliance_at is None or report_at is not None:
        raise RuleViolation("scoring.not_open",
                            "Scoring is open after the compliance check and before the report",
                            "评分须在符合性审查之后、评标报告之前进行", {"tender_id": model.id})


def require_all_committed(model: Any, lot_id: str = "", uncommitted: int | None = None, **_: Any) -> None:
    """Commit, then reveal: no sheet is revealed (and no missing reveal recorded) before every
    sitting member has committed to the lot's sheet (`uncommitted`: how many have not)."""
    if uncommitted is None or uncommitted > 0:
        waiting = -1 if uncommitted is None else uncommitted
        raise RuleViolation("scoring.commitments_pending",
                            f"Lot {lot_id}: sheets are revealed once every member has committed "
                            f"({waiting} commitment(s) outstanding)",
                            f"标段 {lot_id}：全部评委提交评分承诺后方可揭示评分（尚有 {waiting} 份未提交）",
                            {"lot_id": lot_id, "uncommitted": waiting})


# -- the report ----------------------------------------------------------------------------------


def require_abnormal_decided(model: Any, undecided: Sequence[str] = (), **_: Any) -> None:
    """Every abnormally low bid (of a lot still evaluated) is decided before scoring or the report."""
    if undecided:
        raise RuleViolation("abnormal.decision_missing", "Decide on every abnormally low bid first",
                            "须先对每一异常低价投标作出认定", {"bid_ids": sorted(undecided)})


def require_related_determined(model: Any, pending_pairs: Sequence[Sequence[str]] = (), **_: Any) -> None:
    """Every shared-contact question (Reg 34) is determined before the report."""
    if pending_pairs:
        raise RuleViolation("related.determination_pending",
                            f"Determine first whether {len(pending_pairs)} pair(s) of bidders sharing "
                            "contacts are related (Reg 34)",
                            f"须先认定 {len(pending_pairs)} 组共用联系方式的投标人是否存在关联"
                            "（实施条例第三十四条）",
                            {"pairs": [list(p) for p in pending_pairs]})


def require_sheets_in(model: Any, waiting: Mapping[str, int] | None = None, **_: Any) -> None:
    """Comprehensive scoring: every sitting member's sheet of every evaluated lot is revealed, or
    recorded as never revealed (`waiting`: lot id → sheets outstanding, in lot order)."""
    for lot_id, missing in (waiting or {}).items():
        if missing > 0:
            raise RuleViolation("scoring.not_all_submitted",
                                f"Lot {lot_id}: {missing} member(s) have not committed and revealed "
                                "their sheet",
                                f"标段 {lot_id}：尚有 {missing} 名评委未完成评分承诺与揭示",
                                {"lot_id": lot_id, "waiting": missing})


def require_majority_revealed(model: Any, revealed: Mapping[str, tuple[int, int]] | None = None,
                              **_: Any) -> None:
    """A lot is scored by more than half of the sitting members' revealed sheets (`revealed`: lot
    id → (sheets revealed, sitting members)); fewer, and the members who did not reveal would
    decide the lot by their silence."""
    for lot_id, (count, sitting) in (revealed or {}).items():
        if 2 * count <= sitting:
            raise RuleViolation("scoring.too_few_revealed",
                                f"Lot {lot_id}: only {count} of {sitting} sheets were revealed; more than "
                                "half are needed",
                                f"标段 {lot_id}：{sitting} 名评委中仅 {count} 名揭示评分，须过半数",
                                {"lot_id": lot_id, "revealed": count, "sitting": sitting})


# -- publicity and award -------------------------------------------------------------------------


def require_publicity_running(model: Any, now: datetime | None = None,
                              publicity_ends: datetime | None = None, **_: Any) -> None:
    """Objections are raised while the publicity runs."""
    if now is None or publicity_ends is None or now >= publicity_ends:
        ends = None if publicity_ends is None else publicity_ends.isoformat()
        raise RuleViolation("objection.publicity_over", "Objections are raised during the publicity period",
                            "异议须在公示期内提出", {"publicity_ends": ends})


def require_award_allowed(model: Any, now: datetime, publicity_ends: datetime, open_objections: int,
                          **_: Any) -> None:
    """The award waits for the end of the publicity and an answer to every objection (`can_award`)."""
    ok, why = can_award(now, publicity_ends, open_objections)
    if not ok:
        assert why is not None
        raise RuleViolation(why.code, why.en, why.zh,
                            {"tender_id": model.id, "publicity_ends": publicity_ends.isoformat()})


# -- price inquiry -------------------------------------------------------------------------------


def require_price_inquiry(model: Any, **_: Any) -> None:
    """The inquiry's steps belong to price-inquiry tenders only."""
    if model.method != TenderMethod.PRICE_INQUIRY.value:
        raise RuleViolation("inquiry.not_an_inquiry", "This tender is not a price inquiry",
                            "该项目不是询价项目", {"tender_id": model.id})


def require_officer(model: Any, actor_id: str = "", actor_name: str = "", **_: Any) -> None:
    """Only the officers named in the inquiry sign its record, write overrides and decide it."""
    if actor_id not in model.officers:
        raise PermissionDenied("inquiry.not_an_officer",
                               f"{actor_name} is not an officer of this price inquiry",
                               f"{actor_name} 不是本询价项目的询价人员", {"actor": actor_id})
