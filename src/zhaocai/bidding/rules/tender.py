"""Pure tender rules: periods, deadlines, the bid security cap, the amendment deadline shift, and
the refusals the tender machine's validators name (each raises its own coded error).

Plain functions over plain values: no database, no clock. Sources: Bidding Law (Law) and its
Implementing Regulations (Reg); every number comes from a `RulesProfile`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from zhaocai.clock import local
from zhaocai.errors import ConflictError, RuleViolation, ValidationError
from zhaocai.money import percent_of
from zhaocai.profile import RulesProfile


class TenderMethod(StrEnum):
    """How suppliers are reached: open tender (公开招标), invited tender (邀请招标), inquiry (询价)."""

    OPEN = "open_tender"
    INVITED = "invited_tender"
    PRICE_INQUIRY = "price_inquiry"

    @property
    def label_zh(self) -> str:
        """The Chinese name used on notices."""
        return {"open_tender": "公开招标", "invited_tender": "邀请招标",
                "price_inquiry": "询价"}[self.value]

    @property
    def needs_invitation(self) -> bool:
        """Invited tenders and price inquiries accept bids only from invitees."""
        return self is not TenderMethod.OPEN


def minimum_period_days(method: TenderMethod, profile: RulesProfile) -> int:
    """Days required from publication to the bid deadline (Law 24 for tenders)."""
    if method is TenderMethod.OPEN:
        return profile.open_tender_min_days
    if method is TenderMethod.INVITED:
        return profile.invited_tender_min_days
    return profile.inquiry_min_days


def earliest_deadline(published_at: datetime, method: TenderMethod, profile: RulesProfile) -> datetime:
    """The earliest bid deadline allowed for a tender published at `published_at`."""
    return published_at + timedelta(days=minimum_period_days(method, profile))


def minimum_invitees(method: TenderMethod, profile: RulesProfile) -> int:
    """Invitees needed: Law 17 for invited tenders, 三三二 for price inquiries; none if open."""
    if method is TenderMethod.INVITED:
        return profile.min_invitees
    if method is TenderMethod.PRICE_INQUIRY:
        return profile.inquiry_min_suppliers
    return 0


def bid_security_cap(estimate: Decimal, profile: RulesProfile) -> Decimal:
    """The largest bid security allowed: Reg 26, 2 % of the estimate by default."""
    return percent_of(estimate, profile.bid_security_cap_percent)


def amended_deadline(issued_at: datetime, deadline: datetime, profile: RulesProfile) -> datetime:
    """The deadline after an amendment or clarification issued at `issued_at` (Law 23, Reg 21).

    One issued less than `amendment_notice_days` before the deadline moves it so that exactly
    that many days remain; otherwise the deadline stands.
    """
    notice = timedelta(days=profile.amendment_notice_days)
    return max(deadline, issued_at + notice)


def accepts_bids(now: datetime, deadline: datetime) -> bool:
    """Bids are accepted strictly before the deadline; at the deadline the box is shut."""
    return now < deadline


def is_due_to_close(now: datetime, deadline: datetime) -> bool:
    """A published tender closes by itself at its deadline."""
    return now >= deadline


def needs_reconfirmation(confirmed_through: int, amendments: int) -> bool:
    """A bid last submitted or confirmed before the latest amendment must be confirmed again."""
    return confirmed_through < amendments


def shortfall(valid_bids: int, profile: RulesProfile) -> bool:
    """Fewer valid bids than the minimum fails the tender (Law 28, Reg 44)."""
    return valid_bids < profile.min_valid_bids


# A bid act that reached the platform before the deadline is accepted if it is handled (holds
# its locks) before the deadline plus this bound; the opening waits for the same bound, so no
# accepted bid can be missing from it. A platform constant, not a rule of law: the law says only
# "before the deadline", and this is how long the platform promises to take at most to honour it.
BID_MAX_WAIT = timedelta(seconds=60)


def bids_settled(now: datetime, deadline: datetime) -> bool:
    """Whether no bid act received before the deadline can still be in flight at `now`."""
    return now >= deadline + BID_MAX_WAIT


# -- refusals: each rule raises its coded error, and the tender machine's validators name them --

def require_in_time(received_at: datetime, now: datetime, deadline: datetime, tender_id: str) -> None:
    """A bid act counts when it *reached* the platform strictly before the deadline (Law 29),
    whatever it then waited for (locks, a concurrent close): first come, first served. Only one
    handled at or after the deadline plus `BID_MAX_WAIT` is refused, with its own code
    (`bid.wait_exceeded`), because the opening may have begun by then."""
    if not accepts_bids(received_at, deadline):
        refuse_late(received_at, deadline, tender_id)
    if bids_settled(now, deadline):
        seconds = int(BID_MAX_WAIT.total_seconds())
        raise RuleViolation(
            "bid.wait_exceeded",
            f"The bid reached the platform at {received_at.isoformat()}, before the deadline "
            f"{deadline.isoformat()}, but could not be handled within {seconds} s after it; "
            "it was not accepted: please contact the buyer",
            f"投标于 {local(received_at):%Y年%m月%d日 %H:%M:%S} 送达平台，早于投标截止时间 "
            f"{local(deadline):%Y年%m月%d日 %H:%M:%S}，但未能在截止后 {seconds} 秒内处理完毕，"
            "未被接收，请联系招标人",
            {"tender_id": tender_id, "deadline": deadline.isoformat(),
             "received_at": received_at.isoformat(), "handled_at": now.isoformat(),
             "max_wait_seconds": seconds},
        )


def require_bids_settled(now: datetime, deadline: datetime, tender_id: str) -> None:
    """The opening starts only once no bid received before the deadline can be in flight."""
    if not bids_settled(now, deadline):
        ready = deadline + BID_MAX_WAIT
        raise ConflictError(
            "opening.bids_in_flight",
            f"Bids received before the deadline may still be in flight: the opening can start at "
            f"{ready.isoformat()}",
            f"截止前送达的投标可能仍在处理中，开标须在 {local(ready):%Y年%m月%d日 %H:%M:%S} 之后进行",
            {"tender_id": tender_id, "deadline": deadline.isoformat(), "ready_at": ready.isoformat(),
             "now": now.isoformat()},
        )


def require_before_deadline(now: datetime, deadline: datetime, tender_id: str) -> None:
    """A bid (or its confirmation or withdrawal) arrives strictly before the deadline (Law 29)."""
    if not accepts_bids(now, deadline):
        refuse_late(now, deadline, tender_id)


def refuse_late(now: datetime, deadline: datetime, tender_id: str) -> None:
    """Refuse an act on a bid as late: at or after the deadline the box is shut."""
    raise RuleViolation(
        "bid.deadline_passed",
        f"The bid deadline {deadline.isoformat()} has passed; nothing is accepted at or after it",
        f"投标截止时间 {local(deadline):%Y年%m月%d日 %H:%M:%S} 已过，截止时及之后不再接收投标",
        {"tender_id": tender_id, "deadline": deadline.isoformat(), "received_at": now.isoformat()},
    )


def require_invited(method: TenderMethod, invitees: Sequence[str], supplier_id: str, tender_id: str) -> None:
    """Invited tenders and price inquiries accept bids from their invitees only (Law 17)."""
    if method.needs_invitation and supplier_id not in invitees:
        raise RuleViolation("bid.not_invited", "This tender accepts bids from invited suppliers only",
                            "本项目仅接受受邀供应商投标", {"tender_id": tender_id})


def check_draft(estimate: Decimal, bid_security: Decimal, method: TenderMethod, invitees: Sequence[str],
                profile: RulesProfile) -> None:
    """What a draft meets whatever the date: the bid security cap (Reg 26), no invitees if open."""
    cap = bid_security_cap(estimate, profile)
    if bid_security > cap:
        raise RuleViolation(
            "tender.bid_security_cap",
            f"Bid security {bid_security} exceeds {profile.bid_security_cap_percent} % "
            f"of the estimate ({cap}) (Reg 26)",
            f"投标保证金 {bid_security} 超过估算价的 {profile.bid_security_cap_percent}%"
            f"（{cap}）（实施条例第二十六条）",
            {"bid_security": str(bid_security), "cap": str(cap)},
        )
    if method is TenderMethod.OPEN and invitees:
        raise ValidationError("tender.invitees_open", "An open tender has no invitees",
                              "公开招标不设邀请对象", {"invitees": len(invitees)})


def check_publication(now: datetime, deadline: datetime, method: TenderMethod, invitees: Sequence[str],
                      officers: Sequence[str], profile: RulesProfile) -> None:
    """What publication at `now` needs: the minimum period (Law 24), enough invitees (Law 17,
    三三二) and, for a price inquiry, enough officers carrying it out together (三三二)."""
    earliest = earliest_deadline(now, method, profile)
    if deadline < earliest:
        days = minimum_period_days(method, profile)
        raise RuleViolation(
            "tender.submission_period",
            f"The bid deadline must be at least {days} days after publication (Law 24): "
            f"not before {earliest.isoformat()}",
            f"自发布至投标截止不得少于 {days} 日（招标投标法第二十四条）：截止时间不得早于 "
            f"{local(earliest):%Y年%m月%d日 %H:%M}",
            {"deadline": deadline.isoformat(), "earliest": earliest.isoformat(), "days": days},
        )
    needed = minimum_invitees(method, profile)
    if len(invitees) < needed:
        raise RuleViolation(
            "tender.invitees_too_few",
            f"A {method.value} needs at least {needed} invited suppliers, has {len(invitees)}",
            f"{method.label_zh}至少需邀请 {needed} 家供应商，现有 {len(invitees)} 家",
            {"needed": needed, "invitees": len(invitees)},
        )
    needed = profile.inquiry_min_officers
    if method is TenderMethod.PRICE_INQUIRY and len(officers) < needed:
        raise RuleViolation(
            "tender.inquiry_officers",
            f"A price inquiry is carried out by at least {needed} people together (三三二)",
            f"询价须由至少 {needed} 人共同进行（三三二）", {"needed": needed, "officers": list(officers)},
        )


AMENDMENT_KINDS = ("amendment", "clarification")


def check_amendment_input(kind: str, text: str) -> None:
    """An amendment names its kind (amendment or clarification) and has a text."""
    if kind not in AMENDMENT_KINDS or not text.strip():
        raise ValidationError("tender.amendment_input",
                              "An amendment needs a kind (amendment or clarification) and a text",
                              "补遗/答疑须注明类型（补遗或答疑）并附内容",
                              {"kind": kind})


def require_not_earlier(deadline: datetime, new_deadline: datetime) -> None:
    """An amendment may move the deadline later, never earlier."""
    if new_deadline < deadline:
        raise RuleViolation("tender.deadline_earlier", "An amendment may not bring the deadline forward",
                            "补遗不得提前投标截止时间",
                            {"deadline": deadline.isoformat(), "new_deadline": new_deadline.isoformat()})


def cancel_reason(reason: str) -> str:
    """The reason a cancellation gives, stripped; refused when there is none."""
    text = reason.strip()
    if len(text) < 2:
        raise ValidationError("tender.cancel_reason", "Cancelling a tender needs a reason",
                              "终止招标须说明理由")
    return text


def require_no_cancel_pending(requested_by: str | None) -> None:
    """One cancellation request at a time."""
    if requested_by is not None:
        raise ConflictError("tender.cancel_pending", "A cancellation is already awaiting approval",
                            "已有待审批的终止申请", {"requested_by": requested_by})


def require_cancel_requested(requested_by: str | None, tender_id: str) -> None:
    """A cancellation is decided only once someone asked for it."""
    if requested_by is None:
        raise RuleViolation("tender.cancel_not_requested", "No cancellation awaits approval",
                            "没有待审批的终止申请", {"tender_id": tender_id})


def require_second_person(requested_by: str | None, actor_id: str) -> None:
    """Cancelling takes two people: the requester neither approves nor rejects."""
    if requested_by == actor_id:
        raise RuleViolation("tender.cancel_same_person",
                            "Cancelling needs two people: the requester cannot approve or reject",
                            "终止招标须两人办理：申请人不得自行审批", {"requester": requested_by})


def require_technical_stage(two_envelopes: bool, commercial_opened_at: datetime | None) -> None:
    """Between the technical and the commercial opening of a two-envelope tender."""
    if not two_envelopes or commercial_opened_at is not None:
        raise RuleViolation("opening.not_technical_stage", "Only an opened two-envelope tender "
                            "awaiting its commercial opening takes this step",
                            "仅已开启技术标、尚未开启商务标的双信封项目可执行此步骤",
                            {"two_envelopes": two_envelopes})


def require_compliance_decided(pending: Sequence[str]) -> None:
    """Every technically opened bid has its compliance decision before the commercial opening."""
    if pending:
        raise RuleViolation("opening.compliance_pending",
                            "Every technically opened bid needs a compliance decision first",
                            "须先对每份已开启的技术标作出合规性认定", {"pending": sorted(pending)})


def evaluation_may_start(two_envelopes: bool, commercial_opened_at: datetime | None) -> bool:
    """An opened tender is evaluated once every part is open (the commercial one too, 双信封)."""
    return not two_envelopes or commercial_opened_at is not None
