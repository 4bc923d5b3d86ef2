"""Every number of the procurement rules, in one place: its direction, its floor and its source.

A rule is a number of `RulesProfile` (or, for the experts' share, a pair of numbers read as one
fraction). Its direction says which way is strict: an AT_LEAST rule is laxer when lower (days of
a period, bids needed), an AT_MOST rule is laxer when higher (the bid security cap, the days to
sign a contract), an EXACTLY rule is a setting any change of which needs a deviation. A floor is
the value the law fixes (binding LAW: a statutory tender never goes below it, whoever asks) or
the organisation's own fixed rule (binding ORGANISATION: 三三二, the floor of its policy).

Sources: Bidding Law of the PRC (招标投标法, "Law") and its Implementing Regulations (实施条例,
"Reg"); 三三二 is the organisation's own rule for price inquiries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

import cn2an

from zhaocai.profile import RulesProfile


class Direction(StrEnum):
    """Which way a rule is strict."""

    AT_LEAST = "at_least"  # higher is stricter
    AT_MOST = "at_most"  # lower is stricter
    EXACTLY = "exactly"  # neither: any change needs a deviation


class Binding(StrEnum):
    """Who fixes a floor: the law (statutory tenders never below) or the organisation (三三二)."""

    LAW = "law"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Rule:
    """One number of the rules: the profile fields it reads, direction, floor, binding, source."""

    name: str
    direction: Direction
    source: str
    label_en: str
    label_zh: str
    floor: Fraction | None = None
    binding: Binding | None = None
    fields: tuple[str, ...] = ()
    register_only: bool = False  # a number of the supplier register, not of any tender

    @property
    def field_names(self) -> tuple[str, ...]:
        """The profile fields this rule reads (its own name unless it reads several)."""
        return self.fields or (self.name,)

    def value(self, profile: RulesProfile) -> Fraction:
        """The rule's number in `profile`, exactly (a fraction for the experts' share)."""
        if len(self.field_names) == 2:
            num, den = (getattr(profile, f) for f in self.field_names)
            return Fraction(num, den) if den > 0 else Fraction(10**9)  # a zero denominator is absurd
        raw = getattr(profile, self.name)
        return Fraction(int(raw)) if isinstance(raw, bool) else Fraction(raw)

    def shown(self, profile: RulesProfile) -> str:
        """The rule's number as people read it ("20", "2", "2/3", "true")."""
        if len(self.field_names) == 2:
            return "/".join(str(getattr(profile, f)) for f in self.field_names)
        raw = getattr(profile, self.name)
        return str(raw).lower() if isinstance(raw, bool) else str(raw)

    def laxer(self, value: Fraction, reference: Fraction) -> bool:
        """True when `value` is laxer than `reference` (for EXACTLY: when it differs)."""
        if self.direction is Direction.AT_LEAST:
            return value < reference
        if self.direction is Direction.AT_MOST:
            return value > reference
        return value != reference

    def fields_for(self, strict: RulesProfile) -> dict[str, Any]:
        """The profile fields that carry this rule's number in `strict`."""
        return {f: getattr(strict, f) for f in self.field_names}


def _law(name: str, direction: Direction, floor: Fraction | int | str, source: str, en: str, zh: str,
         fields: tuple[str, ...] = ()) -> Rule:
    return Rule(name, direction, source, en, zh, Fraction(floor), Binding.LAW, fields)


AT_LEAST, AT_MOST, EXACTLY = Direction.AT_LEAST, Direction.AT_MOST, Direction.EXACTLY

RULES: tuple[Rule, ...] = (
    _law("min_valid_bids", AT_LEAST, 3, "Law 28, Reg 44",
         "valid bids needed", "有效投标不少于"),
    _law("min_invitees", AT_LEAST, 3, "Law 17",
         "suppliers invited (invited tender)", "邀请招标邀请对象不少于"),
    Rule("inquiry_min_suppliers", AT_LEAST, "三三二",
         "suppliers contacted (price inquiry)", "询价联系供应商不少于", Fraction(3), Binding.ORGANISATION),
    Rule("inquiry_min_officers", AT_LEAST, "三三二",
         "people conducting a price inquiry together", "询价共同进行人员不少于", Fraction(2),
         Binding.ORGANISATION),
    _law("open_tender_min_days", AT_LEAST, 20, "Law 24",
         "days from publication to deadline (open tender)", "公开招标自发布至截止不少于（日）"),
    _law("invited_tender_min_days", AT_LEAST, 20, "Law 24",
         "days from invitation to deadline (invited tender)", "邀请招标自发出至截止不少于（日）"),
    Rule("inquiry_min_days", AT_LEAST, "organisation's policy",
         "days from publication to deadline (inquiry)", "询价自发布至截止不少于（日）"),
    _law("amendment_notice_days", AT_LEAST, 15, "Law 23, Reg 21",
         "days an amendment leaves before the deadline", "澄清或修改距截止不少于（日）"),
    _law("bid_security_cap_percent", AT_MOST, 2, "Reg 26",
         "bid security cap, % of the estimate", "投标保证金不得超过估算价的（%）"),
    Rule("abnormally_low_vs_mean_percent", AT_MOST, "Law 33, Reg 51",
         "abnormally low: % below the mean of others", "异常低价：低于其余报价平均值（%）"),
    Rule("abnormally_low_vs_next_percent", AT_MOST, "Law 33, Reg 51",
         "abnormally low: % below the next bid", "异常低价：低于次低报价（%）"),
    _law("committee_min_size", AT_LEAST, 5, "Law 37",
         "committee members (odd)", "评标委员会人数（单数）不少于"),
    _law("committee_expert_share", AT_LEAST, "2/3", "Law 37",
         "share of experts on the committee", "评标委员会专家比例不低于",
         ("committee_expert_share_num", "committee_expert_share_den")),
    _law("max_candidates", AT_MOST, 3, "Reg 53",
         "ranked candidates", "中标候选人不超过"),
    _law("publicity_days", AT_LEAST, 3, "Reg 54",
         "days candidates are publicised", "中标候选人公示不少于（日）"),
    Rule("publicity_in_workdays", AT_LEAST, "organisation's policy",
         "publicity counted in working days", "公示期按工作日计算"),
    _law("contract_within_days", AT_MOST, 30, "Law 46",
         "days to sign the contract after the award notice", "中标通知书发出后签订合同不超过（日）"),
    Rule("trimmed_mean_min_members", EXACTLY, "organisation's policy",
         "members from which the highest and lowest scores are dropped", "去掉最高最低分的最少评委人数"),
    Rule("site_inspection_threshold", AT_MOST, "organisation's policy (供应商库)",
         "cooperation ceiling needing a site inspection", "需现场考察的合作上限", register_only=True),
)
"""Every rule, in the order of `RulesProfile`."""

BY_NAME: Mapping[str, Rule] = {r.name: r for r in RULES}


def rule(name: str) -> Rule:
    """The rule called `name` (KeyError for an unknown one)."""
    return BY_NAME[name]


_ACTS_ZH = {"Law": "《招标投标法》", "Reg": "《招标投标法实施条例》"}


def source_zh(source: str) -> str:
    """A rule's source as a Chinese reader cites it: "Law 28, Reg 44" →
    《招标投标法》第二十八条、《招标投标法实施条例》第四十四条."""
    parts = []
    for part in (p.strip() for p in source.split(",")):
        act, _, number = part.partition(" ")
        if act in _ACTS_ZH and number.isdigit():
            parts.append(f"{_ACTS_ZH[act]}第{cn2an.an2cn(int(number))}条")
        elif part.startswith("organisation's policy"):
            parts.append("本单位规则" + part[len("organisation's policy"):].strip())
        elif part == "三三二":
            parts.append("三三二规则")
        else:
            parts.append(part)
    return "、".join(parts)


def label_zh(name: str) -> str:
    """The Chinese name of the rule called `name` (the name itself for an unknown one)."""
    found = BY_NAME.get(name)
    return found.label_zh if found else name


def floor_shown(r: Rule) -> str | None:
    """A floor as people read it ("3", "2/3", "2"), or None when the rule has none."""
    if r.floor is None:
        return None
    if r.floor.denominator != 1 and r.name != "committee_expert_share":
        return str(Decimal(r.floor.numerator) / Decimal(r.floor.denominator))
    return str(r.floor)


def law_floors() -> RulesProfile:
    """The law's numbers and 三三二 over the defaults: the strictest a floor alone demands."""
    values: dict[str, Any] = {}
    for r in RULES:
        if r.floor is None:
            continue
        if r.fields:
            values.update(dict(zip(r.fields, (r.floor.numerator, r.floor.denominator), strict=True)))
        elif isinstance(getattr(RulesProfile(), r.name), Decimal):
            values[r.name] = Decimal(r.floor.numerator) / Decimal(r.floor.denominator)
        else:
            values[r.name] = int(r.floor)
    return RulesProfile(**values)
