"""Pure rules of key custody: who may sit as a custodian of a tender's opening key, and when a
custodian's presented share counts.

Separation of duties (the point of custody): the k shares that open the bids are held by at
least k different people, a supervisor (纪检) among them, and neither the person who drafted the
tender nor the one who publishes it holds any. Nobody but the seat's own custodian can read a
share (it is sealed to that person's key); a share is presented by its custodian, after the
deadline, once, and must be the share the seat was given.

Plain values in, coded errors out: no database, no clock (the moment is passed in), no key.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from zhaocai.clock import local
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation


def check_seats(people: Sequence[str], supervisors: Collection[str], threshold: int, *,
                drafter: str | None, publisher: str | None = None) -> None:
    """Refuse custodians who could not keep the key apart from the people who run the tender.

    `people` are the custodians' actor ids in seat order, `supervisors` those of them who are
    supervisors (`zhaocai.bidding.custody.seating.supervisors_among` decides who), `threshold`
    the shares needed to open (k). The drafter and the publisher may hold no share; `publisher`
    is None while drafting.
    """
    distinct = set(people)
    if len(distinct) < threshold or len(distinct) != len(people):
        raise RuleViolation(
            "custody.too_few_custodians",
            f"Opening needs {threshold} shares held by {threshold} different people; the custodians "
            f"are {len(distinct)} different people in {len(people)} seats",
            f"开标需要由 {threshold} 名不同人员分别保管的 {threshold} 份密钥份额，"
            f"现有 {len(people)} 个席位仅对应 {len(distinct)} 名不同人员",
            {"threshold": threshold, "seats": len(people), "people": len(distinct)},
        )
    if not distinct & set(supervisors):
        raise RuleViolation(
            "custody.no_supervisor",
            "A supervisor (纪检) must be among the custodians of the opening key",
            "开标密钥保管人中须有一名纪检监督人员", {"custodians": list(people)},
        )
    for role, person, en, zh in (("drafter", drafter, "drafted the tender", "起草本项目"),
                                 ("publisher", publisher, "publishes the tender", "发布本项目")):
        if person is not None and person in distinct:
            raise RuleViolation(
                f"custody.{role}_custodian",
                f"{person} {en} and may not also hold a share of its opening key",
                f"{person} 负责{zh}，不得同时保管本项目的开标密钥份额",
                {"actor_id": person},
            )


def require_keys(people: Sequence[str], registered: Collection[str]) -> None:
    """Every custodian has registered a public key to seal the share to (`custody.key_missing`)."""
    missing = [p for p in people if p not in registered]
    if missing:
        raise RuleViolation(
            "custody.key_missing",
            f"Custodians without a registered public key cannot be given a share: {', '.join(missing)}",
            f"以下保管人尚未登记公钥，无法向其密封分发密钥份额：{'、'.join(missing)}",
            {"actor_ids": missing},
        )


@dataclass(frozen=True, slots=True)
class Seat:
    """A custodian's seat as presentation judges it."""

    tender_id: str
    index: int
    actor_id: str
    fingerprint: str
    presented: bool


def seat_of(seats: Sequence[Seat], actor_id: str, tender_id: str) -> Seat:
    """The actor's own seat on the tender, or `custody.not_custodian` (nobody reads or presents
    another custodian's share)."""
    for seat in seats:
        if seat.actor_id == actor_id:
            return seat
    raise PermissionDenied(
        "custody.not_custodian",
        f"{actor_id} holds no share of tender {tender_id}'s opening key",
        f"{actor_id!r} 不是招标项目 {tender_id} 的开标密钥保管人",
        {"tender_id": tender_id, "actor_id": actor_id},
    )


def check_presentation(seat: Seat, now: datetime, deadline: datetime, share_tender: str, share_index: int,
                       share_fingerprint: str) -> None:
    """A share counts when its custodian presents it after the deadline, once, and it is the very
    share the seat was given (same tender, same index, same fingerprint)."""
    if now < deadline:
        raise RuleViolation(
            "custody.too_early",
            f"Shares are presented after the bid deadline {deadline.isoformat()}, not before",
            f"密钥份额须在投标截止时间 {local(deadline):%Y年%m月%d日 %H:%M:%S} 之后出示",
            {"tender_id": seat.tender_id, "deadline": deadline.isoformat(), "now": now.isoformat()},
        )
    if seat.presented:
        raise ConflictError(
            "custody.already_presented",
            f"Share #{seat.index} of tender {seat.tender_id} was already presented",
            f"招标项目 {seat.tender_id} 的第 {seat.index} 号密钥份额已出示，不得重复出示",
            {"tender_id": seat.tender_id, "index": seat.index},
        )
    if (share_tender, share_index, share_fingerprint) != (seat.tender_id, seat.index, seat.fingerprint):
        raise RuleViolation(
            "custody.share_mismatch",
            f"This is not the share of seat #{seat.index} of tender {seat.tender_id}",
            f"所出示的不是招标项目 {seat.tender_id} 第 {seat.index} 号席位的密钥份额",
            {"tender_id": seat.tender_id, "index": seat.index},
        )
