"""Award decision (定标), publicity (公示, Reg 54), contract deadline (Law 46) and notice text.

- The award goes to the first candidate, unless a recorded and approved removal reason removes it
  (e.g. it gave up, failed to sign, or was found in violation: Reg 55); then the next one. A
  removal approved by the person who recorded it is refused; one still pending blocks the award.
  A candidate that became ineligible in the register is removed by a supervisor's recorded
  decision alone (`basis = INELIGIBLE`): the fact is the register's, checked when it is recorded.
- Periods are counted as the Civil Code counts them (Art. 201, 203): the starting day is not
  counted and a period ends at 24:00 (Asia/Shanghai) of its last day. In calendar days the last
  day is ``start date + days``; when a working calendar is given and that day is not a working
  day, the period runs to the end of the next working day. In working days the last day is the
  ``days``-th working day after the start date.
- The award needs the publicity period to be over and no objection open (`can_award`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from zhaocai.actors import Actor, Role
from zhaocai.bidding.rules.common import Reason, require_unique
from zhaocai.clock import SHANGHAI, require_aware
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.money import amount_in_words, to_decimal
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile
from zhaocai.workdays import WorkingCalendar

INELIGIBLE = "ineligible"


@dataclass(frozen=True)
class Removal:
    """A recorded reason removing a candidate; it counts only once approved by someone else."""

    bid_id: str
    reason: Reason
    recorded_by: str
    approved_by: str | None = None
    basis: str | None = None
    """None: a reason someone recorded and another approves; `INELIGIBLE`: a supervisor's decision
    on a candidate the register showed ineligible at that moment (the fact checked by the library,
    the decision one supervisor's, Reg 55)."""
    lot_id: str | None = None


@dataclass(frozen=True)
class AwardDecision:
    """The winner and the candidates passed over, with why."""

    winner_bid_id: str
    rank: int
    removed: tuple[Removal, ...]


def decide_award(candidates: Sequence[str], removals: Sequence[Removal] = ()) -> AwardDecision:
    """The first candidate (bid ids in rank order) not removed by an approved removal."""
    require_unique(list(candidates), what="candidate")
    if not candidates:
        raise RuleViolation("award.no_candidates", "there are no candidates to award",
                            "没有中标候选人，无法定标")
    removed_ids: dict[str, Removal] = {}
    for removal in removals:
        if removal.bid_id not in candidates:
            raise ValidationError("award.not_a_candidate", f"{removal.bid_id} is not a candidate",
                                  f"{removal.bid_id} 不是中标候选人", {"bid_id": removal.bid_id})
        if removal.approved_by is None:
            raise RuleViolation("award.removal_pending",
                                f"the removal of {removal.bid_id} awaits approval",
                                f"取消 {removal.bid_id} 中标候选资格尚待批准", {"bid_id": removal.bid_id})
        if removal.approved_by == removal.recorded_by and removal.basis != INELIGIBLE:
            raise PermissionDenied("award.self_approval",
                                   f"{removal.recorded_by} cannot approve their own removal of "
                                   f"{removal.bid_id}",
                                   f"{removal.recorded_by} 不能批准自己提出的取消 {removal.bid_id} 资格",
                                   {"bid_id": removal.bid_id, "person": removal.recorded_by})
        removed_ids.setdefault(removal.bid_id, removal)
    for index, bid in enumerate(candidates):
        if bid not in removed_ids:
            passed = tuple(removed_ids[b] for b in candidates[:index])
            return AwardDecision(bid, index + 1, passed)
    raise RuleViolation("award.all_candidates_removed",
                        "every candidate was removed: the tender must be re-run",
                        "全部中标候选人均被取消资格，须重新招标", {"candidates": list(candidates)})


def _end_of_day(day: date) -> datetime:
    """24:00 Asia/Shanghai of `day`, in UTC."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=SHANGHAI).astimezone(UTC)


def period_end(start: datetime, days: int, *, in_workdays: bool = False,
               calendar: WorkingCalendar | None = None) -> datetime:
    """When a period of `days` starting at `start` ends (see the module docstring), in UTC."""
    if days < 0:
        raise ValidationError("award.bad_period", "a period cannot be negative", "期间不能为负")
    first = require_aware(start, "start").astimezone(SHANGHAI).date()
    if in_workdays:
        return _end_of_day((calendar or WorkingCalendar()).add_workdays(first, days))
    last = first + timedelta(days=days)
    if calendar is not None:
        while not calendar.is_workday(last):
            last += timedelta(days=1)
    return _end_of_day(last)


def publicity_ends_at(starts_at: datetime, profile: RulesProfile = DEFAULT_PROFILE,
                      calendar: WorkingCalendar | None = None) -> datetime:
    """End of the candidates' publicity: `publicity_days` calendar or working days (Reg 54)."""
    return period_end(starts_at, profile.publicity_days, in_workdays=profile.publicity_in_workdays,
                      calendar=calendar)


def can_award(now: datetime, publicity_ends_at: datetime, open_objections: int) -> tuple[bool, Reason | None]:
    """Whether the award may be made now: publicity over and no open objection."""
    if require_aware(now, "now") < require_aware(publicity_ends_at, "publicity_ends_at"):
        return False, Reason("award.publicity_running",
                             f"the publicity period runs until {publicity_ends_at.isoformat()}",
                             f"公示期至 {publicity_ends_at.astimezone(SHANGHAI):%Y-%m-%d %H:%M} 止，尚未结束")
    if open_objections > 0:
        return False, Reason("award.open_objection",
                             f"{open_objections} objection(s) still open must be answered first",
                             f"尚有 {open_objections} 件异议未处理完毕")
    return True, None


def contract_deadline(award_notice_at: datetime, profile: RulesProfile = DEFAULT_PROFILE) -> datetime:
    """The contract must be signed by this moment: `contract_within_days` after the notice (Law 46)."""
    return period_end(award_notice_at, profile.contract_within_days)


@dataclass(frozen=True)
class AwardNotice:
    """Text pieces of the award notice (中标通知书)."""

    title_en: str
    title_zh: str
    amount: Decimal
    amount_figures: str
    amount_in_words: str
    body_en: str
    body_zh: str


def award_notice(*, tender_ref: str, tender_title: str, lot_name: str | None, supplier_name: str,
                 amount: Decimal, contract_deadline_at: datetime) -> AwardNotice:
    """The notice's texts, with the amount in figures and in capital numerals (大写)."""
    value = to_decimal(amount, field="amount")
    words = amount_in_words(value)
    figures = f"¥{value:,.2f}"
    deadline = require_aware(contract_deadline_at, "contract_deadline_at").astimezone(SHANGHAI)
    last_day = (deadline - timedelta(microseconds=1)).date()
    lot_en = f", lot {lot_name}" if lot_name else ""
    lot_zh = f"（{lot_name}）" if lot_name else ""
    return AwardNotice(
        title_en="Award notice",
        title_zh="中标通知书",
        amount=value,
        amount_figures=figures,
        amount_in_words=words,
        body_en=(f"To {supplier_name}: your bid for {tender_title} ({tender_ref}){lot_en} has been "
                 f"evaluated and publicised, and you are the successful bidder. Contract amount: "
                 f"CNY {value:,.2f} ({words}). Please sign the contract by the end of "
                 f"{last_day.isoformat()}."),
        body_zh=(f"{supplier_name}：你方参加{tender_title}（{tender_ref}）{lot_zh}的投标，经评标委员会"
                 f"评审并公示，确定你方为中标人。中标金额：人民币{words}（{figures}）。"
                 f"请于{last_day.year}年{last_day.month}月{last_day.day}日（含当日）前签订合同。"),
    )


def require_removal_approval(removal_id: str, bid_id: str, *, proposed_by: str, approved_by: str | None,
                             approver: Actor) -> None:
    """A removal is approved once, by a supervisor (纪检) who did not propose it (Reg 55;
    ``award.approver_role``, ``award.removal_approved``, ``award.self_approval``)."""
    if not approver.has(Role.SUPERVISOR):
        raise PermissionDenied("award.approver_role", "A supervisor (纪检) approves removals",
                               "取消中标候选资格须由纪检人员批准", {"actor": approver.id})
    if approved_by is not None:
        raise ConflictError("award.removal_approved", "This removal is already approved", "该申请已批准",
                            {"removal_id": removal_id})
    if approver.id == proposed_by:
        raise PermissionDenied("award.self_approval",
                               f"{approver.name} cannot approve their own removal of {bid_id}",
                               f"{approver.name} 不能批准自己提出的取消 {bid_id} 资格",
                               {"removal_id": removal_id})
