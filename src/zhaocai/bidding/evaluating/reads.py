"""The evaluation service's reads and its contracts (`EvaluationService` composes them).

Reads of the expert pool, the committee, opened bids, compliance, sheets, the report, objections
and award notices, each for the actor as they may see it; and the contract: signing and reading
it. The steps of the evaluation itself are `service.py`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role, is_buyer_staff, require_not_supplier
from zhaocai.bidding.evaluating import (
    committee,
    compliance,
    contracts,
    experts,
    objections,
    report,
    sealed_sheets,
)
from zhaocai.bidding.evaluating.common import require_member
from zhaocai.bidding.evaluating.tables import (
    ContractRow,
    ExpertRow,
    InquiryOverrideRow,
    ObjectionRow,
    RemovalRow,
)
from zhaocai.bidding.evaluating.views import (
    AwardView,
    CommitteeView,
    ComplianceView,
    ContractView,
    DrawCheck,
    EvaluationReport,
    ExpertView,
    NoticeView,
    ObjectionView,
    ScoreSheetView,
    ScoringForm,
)
from zhaocai.bidding.lifecycle import load_tender_row
from zhaocai.bidding.service import OpenedBidView, TenderService
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import NotFoundError, PermissionDenied, RuleViolation
from zhaocai.guards import guarded
from zhaocai.references import check_external_ref
from zhaocai.store import UnitOfWork

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

R = TypeVar("R")
TenderOwned = TypeVar("TenderOwned", ObjectionRow, RemovalRow, ContractRow, InquiryOverrideRow)


def committee_member_may_read(session: Session, actor: Actor, tender_id: str) -> None:
    """Experts read opened bids only as declared members of the tender's committee (the check
    `Platform.open` hands the tender service)."""
    if not is_buyer_staff(actor):
        require_member(session, tender_id, actor)


def contract_check(session: Session, supplier_id: str, contract_id: str) -> None:
    """Performance against one of the platform's contracts needs that contract signed, and of
    that supplier (the check `Platform.open` hands the supplier register). An id that names no
    contract of the platform is a contract made elsewhere, taken as written."""
    row = session.get(ContractRow, contract_id)
    if row is None:
        return
    if row.status != contracts.SIGNED:
        raise RuleViolation("contract.not_signed", "Performance is recorded against a signed contract",
                            "履约评价须针对已签订的合同", {"contract_id": contract_id, "status": row.status})
    if row.supplier_id != supplier_id:
        raise RuleViolation("contract.other_supplier",
                            f"Contract {contract_id} is not a contract of supplier {supplier_id}",
                            f"合同 {contract_id} 不是供应商 {supplier_id} 的合同",
                            {"contract_id": contract_id, "supplier_id": supplier_id})


class ReadsAndContracts:
    """The reads and the contract commands of `platform.evaluation` (part of `EvaluationService`)."""

    _runner: CommandRunner
    _tenders: TenderService

    if TYPE_CHECKING:  # the service's: every command runs through its runner
        def _run(self, actor: Actor, action: str, handler: Callable[[UnitOfWork], R],
                 roles: Sequence[Role], idempotency_key: str | None = None, request: Any = None, *,
                 tender_id: str | None) -> R: ...

    def _tender_of(self, table: type[TenderOwned], row_id: str) -> str | None:
        """The tender a row belongs to, to scope a command named by the row's id; None (the command
        runs alone) when the row is unknown or names no tender of the platform (a single-source
        contract). A row never moves to another tender, so reading it before the command is safe."""
        with self._runner.session() as session:
            row = session.get(table, row_id)
            if row is None or session.get(TenderRow, row.tender_id) is None:
                return None
            return row.tender_id

    # -- expert pool and committee --------------------------------------------------------------

    @acting
    def experts(self, actor: Actor) -> list[ExpertView]:
        """The pool, for the buyer's staff."""
        self._staff_only(actor, "expert.list")
        with self._runner.session() as session:
            rows = session.exec(select(ExpertRow).order_by(col(ExpertRow.id))).all()
            return [experts.view_of(r) for r in rows]

    @guarded
    def rerun_draw(self, tender_id: str) -> DrawCheck:
        """Recompute the draw from its recorded inputs and compare (no names are returned)."""
        with self._runner.session() as session:
            return committee.rerun(session, tender_id)

    @acting
    def committee(self, actor: Actor, tender_id: str) -> CommitteeView:
        """The committee; bidders see no member names until the award."""
        with self._runner.session() as session:
            return committee.committee_view(session, load_tender_row(session, tender_id), actor)

    @acting
    def bids(self, actor: Actor, tender_id: str) -> list[OpenedBidView]:
        """The opened bids, for declared members (and the buyer's staff)."""
        with self._runner.session() as session:
            committee_member_may_read(session, actor, tender_id)
        return self._tenders.opened_bids(actor, tender_id)

    # -- compliance and scoring ------------------------------------------------------------------

    @acting
    def compliance(self, actor: Actor, tender_id: str) -> ComplianceView:
        """The compliance outcome with the related pairs (Reg 34), for staff and declared members
        (bidders read the report)."""
        with self._runner.session() as session:
            tender = load_tender_row(session, tender_id)
            if not is_buyer_staff(actor):
                require_member(session, tender_id, actor)
            return compliance.compliance_view(session, tender)

    @acting
    def scoring_form(self, actor: Actor, tender_id: str, lot_id: str) -> ScoringForm:
        """What a sheet of the lot scores (its compliant bids, each criterion's maximum), for
        `commit_sheet(..., form=...)` to check a sheet before committing to it."""
        with self._runner.session() as session:
            return sealed_sheets.scoring_form(session, load_tender_row(session, tender_id), lot_id, actor)

    @acting
    def score_sheets(self, actor: Actor, tender_id: str, lot_id: str) -> list[ScoreSheetView]:
        """Every revealed sheet — refused with `scoring.sealed` until every member's sheet is
        revealed (or recorded as never revealed)."""
        with self._runner.session() as session:
            return sealed_sheets.sheets(session, load_tender_row(session, tender_id), lot_id, actor)

    @guarded
    def sheets_committed(self, tender_id: str) -> dict[str, int]:
        """Lot id → how many members have committed (all anyone learns while committing)."""
        with self._runner.session() as session:
            return sealed_sheets.committed_counts(session, tender_id)

    @guarded
    def sheets_submitted(self, tender_id: str) -> dict[str, int]:
        """Lot id → how many sheets are revealed."""
        with self._runner.session() as session:
            return sealed_sheets.submitted_counts(session, tender_id)

    # -- report and objections -------------------------------------------------------------------

    @acting
    def report(self, actor: Actor, tender_id: str) -> EvaluationReport:
        """The evaluation report as `actor` may see it."""
        with self._runner.session() as session:
            return report.report_of(session, load_tender_row(session, tender_id), actor)

    @acting
    def objections(self, actor: Actor, tender_id: str) -> list[ObjectionView]:
        """Objections of a tender: all for staff, its own for a bidder."""
        with self._runner.session() as session:
            query = select(ObjectionRow).where(col(ObjectionRow.tender_id) == tender_id)
            if not is_buyer_staff(actor):
                if actor.supplier_id is None:
                    raise PermissionDenied("permission.objections", "Staff and bidders read objections",
                                           "仅招标人工作人员和投标人可查阅异议", {"actor": actor.id})
                query = query.where(col(ObjectionRow.supplier_id) == actor.supplier_id)
            rows = session.exec(query.order_by(col(ObjectionRow.raised_at), col(ObjectionRow.id))).all()
            return [objections.objection_view(r) for r in rows]

    # -- award notices and contracts ---------------------------------------------------------------

    @guarded
    def notices(self, tender_id: str) -> AwardView:
        """The award notices of a tender (public once awarded)."""
        with self._runner.session() as session:
            return contracts.award_view(session, load_tender_row(session, tender_id))

    @guarded
    def notice(self, tender_id: str, lot_id: str) -> NoticeView:
        """The award notice of one lot."""
        for notice in self.notices(tender_id).notices:
            if notice.lot_id == lot_id:
                return notice
        raise NotFoundError("award.no_notice", f"No award notice for lot {lot_id!r}",
                            f"标段 {lot_id!r} 尚无中标通知书", {"tender_id": tender_id, "lot_id": lot_id})

    @acting
    def sign_contract(self, actor: Actor, contract_id: str, *,
                      external_ref: str | None = None) -> ContractView:
        """Purchasing (for the buyer) or the winning supplier signs the contract; refused while the
        supplier is not eligible at that moment (`contract.supplier_ineligible`). The buyer's
        signature may carry the ERP's reference of the contract (a purchase order number)."""
        ref = check_external_ref(external_ref)
        return self._run(actor, "contract.sign",
                         lambda uow: contracts.sign(uow, contract_id, ref), (Role.PURCHASING, Role.SUPPLIER),
                         tender_id=self._tender_of(ContractRow, contract_id))

    @guarded
    def contract(self, contract_id: str) -> ContractView:
        """One contract."""
        with self._runner.session() as session:
            row = contracts.load_contract(session, contract_id)
            return contracts.contract_view(row, contracts.procurement_state(session, row.tender_id))

    @guarded
    def contracts_by_reference(self, external_ref: str) -> list[ContractView]:
        """The contracts whose buyer's signature carried `external_ref` (the ERP's purchase order)."""
        ref = check_external_ref(external_ref)
        with self._runner.session() as session:
            rows = session.exec(select(ContractRow).where(col(ContractRow.external_ref) == ref)
                                .order_by(col(ContractRow.created_at), col(ContractRow.id))).all()
            return [contracts.contract_view(r, contracts.procurement_state(session, r.tender_id))
                    for r in rows]

    @guarded
    def contracts(self, tender_id: str) -> list[ContractView]:
        """The contracts of a tender, lot by lot."""
        with self._runner.session() as session:
            state = load_tender_row(session, tender_id).state
            rows = session.exec(select(ContractRow).where(col(ContractRow.tender_id) == tender_id)
                                .order_by(col(ContractRow.lot_id))).all()
            return [contracts.contract_view(r, state) for r in rows]

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _staff_only(actor: Actor, action: str) -> None:
        require_not_supplier(actor, action)
        if not is_buyer_staff(actor):
            raise PermissionDenied("permission.staff_only", "Only the buyer's staff may read this",
                                   "仅招标人工作人员可查阅", {"actor": actor.id})
