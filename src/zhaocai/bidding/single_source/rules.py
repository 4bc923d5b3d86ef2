"""Pure rules of single-source procurement (单一来源采购): plain values in, coded errors out.

Sources: Government Procurement Law of the PRC (政府采购法, "GPL") art. 31 (when single source is
allowed; an additional purchase stays within 10 % of the original contract), its Implementing
Regulations (政府采购法实施条例, "GPL Reg") art. 38 (public notice of at least 5 working days), and
the Ministry of Finance's Measures on Non-Tender Procurement Methods (政府采购非招标采购方式管理办法,
MoF Order 74) arts. 38–42 (objections during the notice, a negotiation record signed by the
procurement staff). No database, no clock: the service loads the facts and passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from zhaocai.bidding.rules.award import period_end
from zhaocai.clock import local
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.money import percent_of
from zhaocai.workdays import WorkingCalendar


class Justification(StrEnum):
    """Why only one supplier is asked: the closed list of grounds (GPL 31 and the buyer's rule)."""

    PROPRIETARY = "proprietary"  # only one supplier: patent or proprietary technology (GPL 31(1))
    EMERGENCY = "emergency"  # unforeseeable emergency (GPL 31(2))
    ADDITIONAL_COMPATIBLE = "additional_compatible"  # additional, compatible purchase (GPL 31(3))
    FAILED_TWICE = "failed_twice"  # two failed tenders for the same need

    @property
    def label_zh(self) -> str:
        """The Chinese name used on notices."""
        return {"proprietary": "只能从唯一供应商处采购（专利、专有技术）",
                "emergency": "发生不可预见的紧急情况",
                "additional_compatible": "须与原有采购项目保持一致或配套的添购",
                "failed_twice": "两次招标失败"}[self.value]


class SingleSourcePolicy(BaseModel):
    """The organisation's single-source settings. Each may be made stricter, never laxer than
    its floor (a laxer value is refused when the policy is built)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    notice_days: int = Field(5, ge=5, description="GPL Reg 38: public notice ≥ 5 working days")
    notice_in_workdays: bool = Field(True, description="GPL Reg 38 counts working days")
    additional_share_percent: Decimal = Field(Decimal("10"), gt=0, le=10,
                                              description="GPL 31(3): additions ≤ 10 % of the contract")
    min_negotiators: int = Field(2, ge=2, description="三三二 and MoF Order 74 art. 42: ≥ 2 officers sign")
    failed_tenders_needed: int = Field(2, ge=2, description="two failed tenders for the same need")
    contract_within_days: int = Field(30, ge=1, le=30, description="GPL 46: contract within 30 days")

    def notice_ends(self, approved_at: datetime, calendar: WorkingCalendar | None = None) -> datetime:
        """End of the public notice starting at the approval: 24:00 Asia/Shanghai of its last day."""
        return period_end(approved_at, self.notice_days, in_workdays=self.notice_in_workdays,
                          calendar=calendar)


DEFAULT_POLICY = SingleSourcePolicy()


@dataclass(frozen=True)
class ContractFact:
    """An earlier contract as the store holds it."""

    id: str
    supplier_id: str
    amount: Decimal
    status: str


@dataclass(frozen=True)
class TenderFact:
    """A tender named as failed, as the store holds it."""

    id: str
    state: str
    category: str
    retender_of: str | None


@dataclass(frozen=True)
class ReferenceFacts:
    """What the store says about a justification's references (None or absent: not found).

    `committed`: what other live additional purchases on the same earlier contract already take.
    """

    contract: ContractFact | None = None
    committed: Decimal = Decimal("0")
    tenders: tuple[TenderFact, ...] = ()


def _when(moment: datetime) -> str:
    return local(moment).strftime("%Y-%m-%d %H:%M")


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f} 元"


def _rule(code: str, en: str, zh: str, **details: object) -> RuleViolation:
    return RuleViolation(code, en, zh, dict(details))


_FIELD_ZH = {"earlier_contract_id": "原合同编号", "failed_tender_ids": "流标项目编号"}


def check_reference_shape(justification: Justification, earlier_contract_id: str | None,
                          failed_tender_ids: Sequence[str], policy: SingleSourcePolicy) -> None:
    """Each ground names exactly the references it needs (`single_source.references`)."""
    wants_contract = justification is Justification.ADDITIONAL_COMPATIBLE
    wants_tenders = justification is Justification.FAILED_TWICE
    ids = list(failed_tender_ids)
    problems = []
    if wants_contract != (earlier_contract_id is not None):
        problems.append("earlier_contract_id")
    if wants_tenders and (len(ids) < policy.failed_tenders_needed or len(set(ids)) != len(ids)):
        problems.append("failed_tender_ids")
    if not wants_tenders and ids:
        problems.append("failed_tender_ids")
    if problems:
        raise ValidationError(
            "single_source.references",
            f"Ground {justification.value} does not take these references: {', '.join(problems)} "
            f"(additional_compatible names one earlier contract; failed_twice names "
            f"{policy.failed_tenders_needed} distinct failed tenders; the others name none)",
            f"单一来源理由“{justification.label_zh}”的引用不符：{'、'.join(_FIELD_ZH[p] for p in problems)}"
            f"（添购须指明一份原合同；两次招标失败须指明{policy.failed_tenders_needed}个不同的流标项目；其他理由不引用）",
            {"justification": justification.value, "fields": problems})


def additional_cap(original: Decimal, policy: SingleSourcePolicy) -> Decimal:
    """The most all additional purchases on one contract may add up to (GPL 31(3))."""
    return percent_of(original, policy.additional_share_percent)


def check_additional(supplier_id: str, amount: Decimal, contract_id: str, facts: ReferenceFacts,
                     policy: SingleSourcePolicy) -> None:
    """An additional purchase: the earlier contract exists, is signed, is with the same supplier,
    and every live addition to it together stays within the share of its amount."""
    c = facts.contract
    if c is None:
        raise _rule("single_source.reference_missing", f"No contract {contract_id!r}",
                    f"原合同 {contract_id!r} 不存在", contract_id=contract_id)
    if c.status != "signed":
        raise _rule("single_source.reference_unsigned", f"Contract {c.id} is not a signed contract",
                    f"原合同 {c.id} 尚未签订，不能作为添购依据", contract_id=c.id, status=c.status)
    if c.supplier_id != supplier_id:
        raise _rule("single_source.reference_other_supplier",
                    f"Contract {c.id} is with another supplier than {supplier_id}",
                    f"原合同 {c.id} 的供应商不是 {supplier_id}，不能向其添购",
                    contract_id=c.id, supplier_id=supplier_id)
    cap = additional_cap(c.amount, policy)
    total = facts.committed + amount
    if total > cap:
        raise _rule("single_source.additional_over_share",
                    f"Additional purchases on contract {c.id} would reach {total}, over "
                    f"{policy.additional_share_percent} % of its {c.amount} ({cap}) (GPL 31(3))",
                    f"对原合同 {c.id} 的添购累计将达 {_yuan(total)}，超过原合同金额 "
                    f"{_yuan(c.amount)}的 {policy.additional_share_percent}%"
                    f"（{_yuan(cap)}）（政府采购法第三十一条第三项）",
                    contract_id=c.id, total=str(total), cap=str(cap), committed=str(facts.committed))


def check_failed_chain(category: str, tender_ids: Sequence[str], facts: ReferenceFacts) -> None:
    """Failed tenders for the same need: each exists, failed (流标), is in the same category, and
    together they form one re-tender chain (each but the first re-tenders another of them)."""
    found = {t.id: t for t in facts.tenders}
    missing = [i for i in tender_ids if i not in found]
    if missing:
        raise _rule("single_source.reference_missing", f"No tender {', '.join(missing)}",
                    f"招标项目 {'、'.join(repr(m) for m in missing)} 不存在", tender_ids=missing)
    not_failed = sorted(i for i in tender_ids if found[i].state != "failed")
    if not_failed:
        raise _rule("single_source.tender_not_failed", f"Tender {', '.join(not_failed)} did not fail",
                    f"招标项目 {'、'.join(not_failed)} 并未流标", tender_ids=not_failed)
    other = sorted(i for i in tender_ids if found[i].category != category)
    if other:
        raise _rule("single_source.tender_other_need", f"Tender {', '.join(other)} bought another category",
                    f"招标项目 {'、'.join(other)} 的采购类别与本项目不同", tender_ids=other)
    ids = set(tender_ids)
    links = [found[i].retender_of for i in tender_ids if found[i].retender_of in ids]
    if len(links) != len(ids) - 1 or len(set(links)) != len(links):
        raise _rule("single_source.tenders_not_chain",
                    "The failed tenders are not one re-tender chain (each re-tendering the one before)",
                    "所列流标项目不属于同一重新招标链（须逐次重新招标）", tender_ids=sorted(ids))


def check_references(justification: Justification, supplier_id: str, category: str, amount: Decimal,
                     earlier_contract_id: str | None, failed_tender_ids: Sequence[str],
                     facts: ReferenceFacts, policy: SingleSourcePolicy) -> None:
    """The justification's references are true in the store (facts loaded by the caller)."""
    check_reference_shape(justification, earlier_contract_id, failed_tender_ids, policy)
    if justification is Justification.ADDITIONAL_COMPATIBLE:
        assert earlier_contract_id is not None
        check_additional(supplier_id, amount, earlier_contract_id, facts, policy)
    elif justification is Justification.FAILED_TWICE:
        check_failed_chain(category, failed_tender_ids, facts)


def require_independent_approver(drafter_id: str, approver_id: str) -> None:
    """Nobody approves the single source they drafted."""
    if drafter_id == approver_id:
        raise PermissionDenied("single_source.self_approval",
                               "A single source is approved by a supervisor other than its drafter",
                               "单一来源采购须由起草人以外的纪检监督人员审批",
                               {"actor": approver_id})


def require_notice_running(now: datetime, notice_ends: datetime) -> None:
    """Objections are lodged during the public notice."""
    if now >= notice_ends:
        raise _rule("single_source.notice_over",
                    f"The public notice ended at {_when(notice_ends)} (Asia/Shanghai): objections are lodged "
                    "during it", f"公示期已于 {_when(notice_ends)} 结束，异议须在公示期内提出",
                    notice_ends=notice_ends.isoformat())


def require_notice_over(now: datetime, notice_ends: datetime) -> None:
    """Negotiation starts only after the whole public notice (GPL Reg 38)."""
    if now < notice_ends:
        raise _rule("single_source.notice_running",
                    f"The public notice runs until {_when(notice_ends)} (Asia/Shanghai)",
                    f"单一来源公示期至 {_when(notice_ends)} 届满，届满前不得开始协商",
                    notice_ends=notice_ends.isoformat())


def require_objections_decided(pending: int) -> None:
    """Every objection is decided before the procurement proceeds (MoF Order 74 art. 40)."""
    if pending:
        raise _rule("single_source.objection_pending",
                    f"{pending} objection(s) await a supervisor's decision",
                    f"尚有 {pending} 项异议未经纪检监督人员处理", pending=pending)


def require_within_estimate(agreed: Decimal, estimate: Decimal) -> None:
    """The negotiated price never exceeds the approved estimate: paying more needs a new approval."""
    if agreed > estimate:
        raise _rule("single_source.over_estimate",
                    f"The agreed price {agreed} is above the approved estimate {estimate}",
                    f"协商成交价 {_yuan(agreed)} 超过经审批的预算 {_yuan(estimate)}，"
                    "须重新报批", agreed=str(agreed), estimate=str(estimate))


def require_new_signer(signers: Iterable[str], officer_id: str) -> None:
    """Each officer signs the negotiation record once."""
    if officer_id in set(signers):
        raise ConflictError("single_source.already_signed", "You already signed this negotiation record",
                            "您已签署该协商记录", {"actor": officer_id})


def require_signatures(signers: Iterable[str], drafter_id: str, needed: int) -> None:
    """At least `needed` different officers signed; the drafter alone never suffices."""
    distinct = set(signers)
    if len(distinct) < needed or not distinct - {drafter_id}:
        raise _rule("single_source.signatures_short",
                    f"The negotiation record needs {needed} different officers' signatures; "
                    f"it has {len(distinct)}",
                    f"协商记录须由至少 {needed} 名不同采购人员签字，现有 {len(distinct)} 名",
                    signers=sorted(distinct), needed=needed)


def require_decider(drafter_id: str, approver_id: str | None, raised_by: str, decider_id: str) -> None:
    """An objection is decided by a supervisor who neither drafted nor approved the procurement
    (nobody reviews their own decision) nor raised the objection."""
    if decider_id in (drafter_id, approver_id, raised_by):
        raise PermissionDenied("single_source.objection_decider",
                               "Neither the drafter, the approver nor the objector decides an objection",
                               "起草人、审批人和异议人均不得处理该异议", {"actor": decider_id})
