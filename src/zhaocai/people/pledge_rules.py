"""The pure rules of integrity pledges (廉洁承诺书): which acts need one, whose pledge counts for
whom, and whether a pledge is in force at a moment. No database here: `zhaocai.people.pledges`
loads the rows and asks.

The buyer's staff sign their own pledge; a supplier's pledge is signed by one of its
administrator users and covers every user of that supplier. Experts sign their declaration
per tender (`committee.declare`) and need no pledge here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from zhaocai.clock import SHANGHAI
from zhaocai.errors import PermissionDenied, ValidationError


class HolderKind(StrEnum):
    """Whose pledge it is: a member of staff, or a supplier (signed by its administrator user)."""

    STAFF = "staff"
    SUPPLIER = "supplier"


STAFF_ACT_PREFIXES = ("tender.", "inquiry.", "committee.", "evaluation.", "award.", "contract.",
                      "single_source.", "custody.present")
"""Staff commands on a tender: drafting, publishing, inquiry, opening (and the custodians' shares
presented for it), the committee, evaluation, award and contract, and single-source procurement."""

STAFF_ADMISSION_ACTS = frozenset({"supplier.review", "supplier.inspect", "supplier.inspection.sign",
                                  "supplier.admit", "supplier.reject"})
"""Staff commands of a supplier's admission (the three departments' reviews and what follows)."""

SUPPLIER_ACTS = frozenset({"bid.submit"})
"""Suppliers' commands that need their supplier's pledge: bidding."""


def needs_pledge(person_kind: str, action: str) -> bool:
    """Whether a person of `person_kind` (a `PersonKind` value) needs a pledge in force to run
    `action`: staff on procurement acts, suppliers' users to bid; experts never here."""
    if person_kind == "staff":
        return action.startswith(STAFF_ACT_PREFIXES) or action in STAFF_ADMISSION_ACTS
    if person_kind == "supplier_user":
        return action in SUPPLIER_ACTS
    return False


@dataclass(frozen=True)
class PledgeFact:
    """What the rules need of a pledge: its period."""

    valid_from: datetime
    valid_until: datetime


def in_force(pledge: PledgeFact, at: datetime) -> bool:
    """Whether the pledge covers `at`: from its start (included) to its end (excluded)."""
    return pledge.valid_from <= at < pledge.valid_until


class Standing(StrEnum):
    """A holder's pledge standing at a moment."""

    VALID = "valid"
    EXPIRED = "expired"  # none in force; the latest one ended before the moment
    MISSING = "missing"  # none in force and none ended: never signed, or not yet valid


def standing(pledges: Iterable[PledgeFact], at: datetime) -> tuple[Standing, datetime | None]:
    """The holder's standing at `at`, with the end of its latest expired pledge when expired."""
    mine = list(pledges)
    if any(in_force(p, at) for p in mine):
        return Standing.VALID, None
    ended = [p.valid_until for p in mine if p.valid_until <= at]
    if ended:
        return Standing.EXPIRED, max(ended)
    return Standing.MISSING, None


def zh_time(at: datetime) -> str:
    """A moment as a reader in China reads it (Asia/Shanghai)."""
    return at.astimezone(SHANGHAI).strftime("%Y年%m月%d日 %H:%M")


def require_pledge(holder_kind: HolderKind, holder_id: str, holder_name: str,
                   pledges: Iterable[PledgeFact], action: str, at: datetime) -> None:
    """Refuse `action` at `at` unless the holder has a pledge in force then (`pledge.missing`,
    `pledge.expired` with its expiry time)."""
    state, ended = standing(pledges, at)
    if state == Standing.VALID:
        return
    who_en = f"supplier {holder_name}" if holder_kind == HolderKind.SUPPLIER else holder_name
    who_zh = f"供应商{holder_name}" if holder_kind == HolderKind.SUPPLIER else holder_name
    details = {"holder_kind": holder_kind.value, "holder_id": holder_id, "action": action,
               "at": at.isoformat()}
    if state == Standing.EXPIRED:
        assert ended is not None
        raise PermissionDenied(
            "pledge.expired",
            f"The integrity pledge of {who_en} ({holder_id}) expired at "
            f"{ended.astimezone(SHANGHAI).isoformat()} (Asia/Shanghai): sign a new one before {action}",
            f"{who_zh}（{holder_id}）的廉洁承诺书已于{zh_time(ended)}（北京时间）到期，"
            "须重新签署后方可参与采购活动",
            {**details, "expired_at": ended.isoformat()})
    raise PermissionDenied(
        "pledge.missing",
        f"{who_en} ({holder_id}) has no integrity pledge in force: sign one before {action}",
        f"{who_zh}（{holder_id}）没有有效的廉洁承诺书，须签署后方可参与采购活动", details)


def require_period(valid_from: datetime, valid_until: datetime, now: datetime) -> None:
    """A pledge's period ends after it begins and after the moment it is signed
    (`pledge.period`)."""
    if valid_until <= valid_from or valid_until <= now:
        raise ValidationError(
            "pledge.period", "A pledge's period must end after it begins and after it is signed",
            "承诺书的有效期截止时间须晚于生效时间及签署时间",
            {"valid_from": valid_from.isoformat(), "valid_until": valid_until.isoformat()})


def text_digest(text: str) -> str:
    """The SHA-256 digest (hex) of a pledge's text, as signed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CURRENT_VERSION = "2026.1"
"""The version of the pledge texts signed unless another is named."""

TEXTS: dict[tuple[HolderKind, str], str] = {
    (HolderKind.STAFF, "2026.1"): (
        "廉洁承诺书（工作人员）\n"
        "本人承诺：在招标采购活动中遵守国家法律法规和本单位的规章制度，公平、公正、公开地履行职责；"
        "不泄露标底、评标情况及其他应当保密的信息；不索取、收受供应商的财物、宴请或其他利益；"
        "与供应商存在利害关系时主动申报并回避；如有违反，愿意接受组织处理并承担相应责任。"),
    (HolderKind.SUPPLIER, "2026.1"): (
        "廉洁承诺书（供应商）\n"
        "本单位承诺：参与采购活动时诚实守信，不提供虚假材料；不与其他投标人串通投标，"
        "不以任何形式向采购人工作人员、评标专家提供财物、宴请或其他利益；"
        "发现采购人工作人员索取利益的，及时向纪检监督部门举报；如有违反，"
        "愿意承担取消投标资格、列入不良记录直至被列入黑名单的后果。"),
}
"""Each version of the pledge's text, by whose pledge it is: what the signer reads and signs."""


def pledge_text(kind: HolderKind, version: str) -> str:
    """The text of `version` for `kind` (`pledge.text_unknown`)."""
    text = TEXTS.get((kind, version))
    if text is None:
        raise ValidationError("pledge.text_unknown", f"No pledge text of version {version!r}",
                              f"没有版本为 {version!r} 的承诺书文本", {"version": version})
    return text
