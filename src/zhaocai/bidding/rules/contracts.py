"""Signing a contract (合同签订, Law 46): who signs, by when, and only while the supplier is eligible.

The validators of the contract machine's `sign` (`bidding/evaluating/machines.py`); the model is
the contract row, the context the signing actor, the command's moment and the register's verdict
on the supplier at that moment.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from zhaocai.actors import Actor, Role, require_not_supplier
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation

if TYPE_CHECKING:
    from zhaocai.suppliers.models import Eligibility


def require_before_deadline(model: Any, now: datetime, **_: Any) -> None:
    """A contract is signed before its deadline (`contract_within_days` after the notice)."""
    if now >= model.sign_by:
        raise RuleViolation("contract.deadline_passed",
                            f"The contract had to be signed by {model.sign_by.isoformat()} (Law 46)",
                            "合同须在中标通知书发出之日起三十日内订立（招标投标法第四十六条），已逾期",
                            {"sign_by": model.sign_by.isoformat()})


def require_party(model: Any, actor: Actor, **_: Any) -> None:
    """The winning supplier signs for itself, purchasing for the buyer; nobody else."""
    if actor.supplier_id is not None:
        if actor.supplier_id != model.supplier_id:
            raise PermissionDenied("contract.not_party", "Only the winning supplier signs this contract",
                                   "仅中标供应商可签署该合同", {"actor": actor.id})
        return
    require_not_supplier(actor, "contract.sign")  # the supplier role without a supplier id
    if not actor.has(Role.PURCHASING):
        raise PermissionDenied("contract.not_party", "Purchasing signs for the buyer",
                               "由采购部门代表招标人签署", {"actor": actor.id})


def require_side_unsigned(model: Any, actor: Actor, **_: Any) -> None:
    """Each side signs once."""
    supplier_side = actor.supplier_id is not None
    if (model.supplier_signed_by if supplier_side else model.buyer_signed_by) is not None:
        raise ConflictError("contract.side_signed",
                            "The supplier already signed" if supplier_side else "The buyer already signed",
                            "供应商已签署" if supplier_side else "招标人已签署", {"contract_id": model.id})


def eligibility_reasons(verdict: Eligibility) -> list[dict[str, str]]:
    """The register's reasons as stored JSON (codes prefixed `eligibility.`)."""
    return [{"code": f"eligibility.{r.code}", "en": r.message_en, "zh": r.message_zh}
            for r in verdict.reasons]


def require_eligible(model: Any, eligibility: Eligibility, **_: Any) -> None:
    """Neither side signs while the supplier is not eligible at this moment (a supervisor then
    decides: the next candidate or a re-tender, Reg 55)."""
    if eligibility.eligible:
        return
    reasons = eligibility_reasons(eligibility)
    where = f"{model.lot_id} {model.supplier_id}"
    raise RuleViolation(
        "contract.supplier_ineligible",
        f"The supplier is no longer eligible ({where}: {', '.join(r['en'] for r in reasons)}): the "
        "contract cannot be signed; a supervisor decides: the next candidate or a re-tender (Reg 55)",
        f"中标人已不具备资格（{where}: {', '.join(r['zh'] for r in reasons)}），不得签订合同；"
        "须由纪检人员决定由下一名候选人递补或重新招标（实施条例第五十五条）",
        {"contract_id": model.id, "supplier_id": model.supplier_id, "reasons": reasons})


def completes(model: Any, actor: Actor, **_: Any) -> bool:
    """Whether this signature is the second: the other side has already signed."""
    other = model.buyer_signed_by if actor.supplier_id is not None else model.supplier_signed_by
    return other is not None


def require_lapsed(model: Any, now: datetime, **_: Any) -> None:
    """A contract lapses only once its deadline has passed unsigned."""
    if now < model.sign_by:
        raise RuleViolation("contract.not_lapsed", "The contract's signing deadline has not passed",
                            "合同签订期限尚未届满", {"contract_id": model.id})


def check_external_ref(actor: Actor, given: str | None) -> None:
    """The ERP's reference of a contract (its purchase order) comes with the buyer's signature: a
    supplier's signature may not set the buyer's own reference (`contract.external_ref_buyer`)."""
    if given is not None and actor.supplier_id is not None:
        raise PermissionDenied("contract.external_ref_buyer",
                               "Only the buyer's signature may carry the buyer's external reference",
                               "仅招标人签署时可登记其内部参考号（如采购订单号）",
                               {"actor": actor.id})
