"""EvaluationService (`platform.evaluation`): everything after the opening, as commands and reads.

Expert pool → committee draw with recusal → declarations → compliance and abnormally low bids →
scoring sealed by commitment (or lowest evaluated price) → report and publicity → objections → award, notice
and contract → performance feedback to the supplier register. Price inquiries (询价) are decided
by their officers instead of a committee and then follow the same publicity, award and contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import BUYER_STAFF, Actor, Role, is_buyer_staff, require_not_supplier
from zhaocai.bidding.evaluating import (
    committee,
    compliance,
    contracts,
    experts,
    ineligible,
    inquiry,
    objections,
    report,
    sealed_sheets,
)
from zhaocai.bidding.evaluating.commitment import SheetCommitment
from zhaocai.bidding.evaluating.common import (
    MEMBER_ROLES,
    require_member,
)
from zhaocai.bidding.evaluating.outcomes import (
    FindingView,
    InquiryOverrideView,
    InquirySignatures,
    SecurityRecorded,
    finding_view,
    override_view,
)
from zhaocai.bidding.evaluating.tables import (
    ContractRow,
    ExpertRow,
    InquiryOverrideRow,
    ObjectionRow,
    RemovalRow,
)
from zhaocai.bidding.evaluating.views import (
    AbnormalInput,
    AdjustmentInput,
    AwardView,
    CommitmentReceipt,
    CommitmentView,
    CommitteeView,
    ComplianceView,
    ContractView,
    Declaration,
    DrawCheck,
    EntryView,
    EvaluationReport,
    ExpertInput,
    ExpertView,
    IneligibleDecisionInput,
    InquiryDecisionView,
    NoticeView,
    ObjectionView,
    RelatedInput,
    RemovalView,
    Representative,
    ScoreSheetView,
    ScoringForm,
    SheetReceipt,
)
from zhaocai.bidding.lifecycle import load_tender_row, require_buyer
from zhaocai.bidding.rules.commitments import require_digest, require_nonce
from zhaocai.bidding.service import OpenedBidView, TenderService
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import NotFoundError, PermissionDenied, RuleViolation, ValidationError, parse
from zhaocai.guards import guarded
from zhaocai.money import to_decimal
from zhaocai.references import check_external_ref
from zhaocai.store import UnitOfWork
from zhaocai.workdays import WorkingCalendar

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

POOL_ROLES = (Role.ADMINISTRATOR, Role.SUPERVISOR)
DRAW_ROLES = (Role.PURCHASING, Role.SUPERVISOR)
OFFICERS = (Role.PURCHASING, Role.SUPERVISOR)
STAFF_ROLES = BUYER_STAFF
R = TypeVar("R")
ScoreSheet = Mapping[str, Mapping[str, Any]]
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


class EvaluationService:
    """Evaluation and award of opened tenders (see the module docstring for the flow)."""

    def __init__(self, runner: CommandRunner, calendar: WorkingCalendar, *, tenders: TenderService) -> None:
        self._runner = runner
        self._calendar = calendar
        self._tenders = tenders

    def _run(self, actor: Actor, action: str, handler: Callable[[UnitOfWork], R],
             roles: Sequence[Role], idempotency_key: str | None = None, request: Any = None, *,
             tender_id: str | None) -> R:
        # Every command states its scope: a tender's id runs it beside commands on other tenders
        # (it writes that tender's rows only, see docs/architecture.md), None runs it alone.
        return self._runner.run(actor, action, handler, roles=roles, idempotency_key=idempotency_key,
                                request=request, tender_id=tender_id)

    def _tender_of(self, table: type[TenderOwned], row_id: str) -> str | None:
        """The tender a row belongs to, to scope a command named by the row's id; None (the command
        runs alone) when the row is unknown or names no tender of the platform (a single-source
        contract). A row never moves to another tender, so reading it before the command is safe."""
        with self._runner.session() as session:
            row = session.get(table, row_id)
            if row is None or session.get(TenderRow, row.tender_id) is None:
                return None
            return row.tender_id

    # -- expert pool -----------------------------------------------------------------------------

    @acting
    def add_expert(self, actor: Actor, data: ExpertInput | Mapping[str, Any]) -> ExpertView:
        """Add an expert to the pool (administrator or supervisor)."""
        parsed = parse(ExpertInput, data)
        return self._run(actor, "expert.add", lambda uow: experts.add_expert(uow, self._runner.keys, parsed),
                         POOL_ROLES, tender_id=None)

    @acting
    def update_expert(self, actor: Actor, data: ExpertInput | Mapping[str, Any]) -> ExpertView:
        """Replace an expert's details (administrator or supervisor)."""
        parsed = parse(ExpertInput, data)
        return self._run(actor, "expert.update",
                         lambda uow: experts.update_expert(uow, self._runner.keys, parsed), POOL_ROLES,
                         tender_id=None)

    @acting
    def experts(self, actor: Actor) -> list[ExpertView]:
        """The pool, for the buyer's staff."""
        self._staff_only(actor, "expert.list")
        with self._runner.session() as session:
            rows = session.exec(select(ExpertRow).order_by(col(ExpertRow.id))).all()
            return [experts.view_of(r) for r in rows]

    # -- committee -------------------------------------------------------------------------------

    @acting
    def draw_committee(self, actor: Actor, tender_id: str, *, size: int | None = None,
                       representatives: Sequence[Representative | Mapping[str, Any]] = ()) -> CommitteeView:
        """Draw the committee of an opened tender (seeded by its opening record and the moment)."""
        require_buyer(actor, "committee.draw")
        reps = [parse(Representative, r) for r in representatives]
        return self._run(actor, "committee.draw",
                         lambda uow: committee.draw(uow, tender_id, size, reps), DRAW_ROLES,
                         tender_id=tender_id)

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
    def declare(self, actor: Actor, tender_id: str, *, no_conflict: bool = True,
                statement: str = "") -> Declaration:
        """A member signs the no-conflict declaration (or declares a conflict and is replaced)."""
        return self._run(actor, "committee.declare",
                         lambda uow: committee.declare(uow, tender_id, no_conflict, statement), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def bids(self, actor: Actor, tender_id: str) -> list[OpenedBidView]:
        """The opened bids, for declared members (and the buyer's staff)."""
        with self._runner.session() as session:
            committee_member_may_read(session, actor, tender_id)
        return self._tenders.opened_bids(actor, tender_id)

    # -- compliance ------------------------------------------------------------------------------

    @acting
    def record_bid_security(self, actor: Actor, tender_id: str,
                            payments: Mapping[str, Decimal | str | int]) -> SecurityRecorded:
        """Finance records the bid security received, supplier id → amount."""
        require_buyer(actor, "evaluation.bid_security")
        amounts = {k: to_decimal(v, field=f"security of {k}") for k, v in payments.items()}

        def handler(uow: UnitOfWork) -> SecurityRecorded:
            compliance.record_security(uow, tender_id, amounts)
            return SecurityRecorded(tender_id=tender_id, payments=amounts, recorded_by=uow.actor.id,
                                    recorded_at=uow.now)

        return self._run(actor, "evaluation.bid_security", handler, (Role.FINANCE, Role.PURCHASING),
                         tender_id=tender_id)

    @acting
    def record_finding(self, actor: Actor, tender_id: str, bid_id: str, *, en: str, zh: str,
                       lot_id: str | None = None) -> FindingView:
        """A member records that a bid (or a lot of it) does not respond to the requirements,
        in English and Chinese."""
        return self._run(actor, "evaluation.finding",
                         lambda uow: finding_view(uow.session, compliance.record_finding(
                             uow, tender_id, bid_id, lot_id, en, zh)),
                         MEMBER_ROLES, tender_id=tender_id)

    @acting
    def check_compliance(self, actor: Actor, tender_id: str) -> ComplianceView:
        """Check every opened bid (eligibility now, security, ceiling, findings); flag low prices."""
        return self._run(actor, "evaluation.compliance",
                         lambda uow: compliance.check(uow, tender_id), MEMBER_ROLES, tender_id=tender_id)

    @acting
    def decide_abnormal(self, actor: Actor, tender_id: str,
                        data: AbnormalInput | Mapping[str, Any]) -> EntryView:
        """Record a flagged bidder's written explanation and accept it or reject the bid."""
        parsed = parse(AbnormalInput, data)
        return self._run(actor, "evaluation.abnormal",
                         lambda uow: compliance.decide_abnormal(uow, tender_id, parsed), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def record_adjustment(self, actor: Actor, tender_id: str,
                          data: AdjustmentInput | Mapping[str, Any]) -> EntryView:
        """A documented price adjustment (lowest evaluated price method)."""
        parsed = parse(AdjustmentInput, data)
        return self._run(actor, "evaluation.adjustment",
                         lambda uow: compliance.record_adjustment(uow, tender_id, parsed), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def determine_related(self, actor: Actor, tender_id: str,
                          data: RelatedInput | Mapping[str, Any]) -> ComplianceView:
        """A member records whether two bidders sharing contacts are related (Reg 34): void voids
        both bids in every lot both priced. Every such question is determined before the report."""
        parsed = parse(RelatedInput, data)
        return self._run(actor, "evaluation.related",
                         lambda uow: compliance.determine_related(uow, tender_id, parsed), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def compliance(self, actor: Actor, tender_id: str) -> ComplianceView:
        """The compliance outcome with the related pairs (Reg 34), for staff and declared members
        (bidders read the report)."""
        with self._runner.session() as session:
            tender = load_tender_row(session, tender_id)
            if not is_buyer_staff(actor):
                require_member(session, tender_id, actor)
            return compliance.compliance_view(session, tender)

    # -- scoring: commit, then reveal (sealed_sheets.py) ------------------------------------------

    @acting
    def scoring_form(self, actor: Actor, tender_id: str, lot_id: str) -> ScoringForm:
        """What a sheet of the lot scores (its compliant bids, each criterion's maximum), for
        `commit_sheet(..., form=...)` to check a sheet before committing to it."""
        with self._runner.session() as session:
            return sealed_sheets.scoring_form(session, load_tender_row(session, tender_id), lot_id, actor)

    @acting
    def commit_scores(self, actor: Actor, tender_id: str, lot_id: str,
                      commitment: str | SheetCommitment) -> CommitmentReceipt:
        """A member commits to their sheet of a lot (once, final): the digest from `commit_sheet`.
        No points are sent or stored until every member has committed."""
        digest = require_digest(commitment.digest if isinstance(commitment, SheetCommitment) else commitment)
        return self._run(actor, "evaluation.score_commit",
                         lambda uow: sealed_sheets.commit(uow, tender_id, lot_id, digest), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def reveal_scores(self, actor: Actor, tender_id: str, lot_id: str, scores: ScoreSheet,
                      nonce: str) -> SheetReceipt:
        """Once every member has committed, a member reveals the sheet (bid id → criterion →
        points) and the nonce; stored and counted only if it matches the commitment."""
        require_nonce(nonce)
        return self._run(actor, "evaluation.score_sheet",
                         lambda uow: sealed_sheets.reveal(uow, tender_id, lot_id, scores, nonce),
                         MEMBER_ROLES, tender_id=tender_id)

    @acting
    def record_unrevealed(self, actor: Actor, tender_id: str, lot_id: str, member_id: str,
                          reason: str) -> CommitmentView:
        """A supervisor records, with a reason, that a committed member never revealed the lot's
        sheet: it does not count and the report lists it."""
        require_buyer(actor, "evaluation.score_unrevealed")
        if not reason.strip():
            raise ValidationError("scoring.reason_missing", "Say why the sheet was not revealed",
                                  "须写明未揭示评分的原因", {"member_id": member_id})
        return self._run(actor, "evaluation.score_unrevealed",
                         lambda uow: sealed_sheets.record_unrevealed(uow, tender_id, lot_id, member_id,
                                                                     reason),
                         (Role.SUPERVISOR,), tender_id=tender_id)

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

    # -- report and publicity --------------------------------------------------------------------

    @acting
    def compile_report(self, actor: Actor, tender_id: str) -> EvaluationReport:
        """Rank every lot, write the report, publicise the candidates (tender → publicising)."""
        calendar = self._calendar
        return self._run(actor, "evaluation.report",
                         lambda uow: report.compile_report(uow, tender_id, calendar), MEMBER_ROLES,
                         tender_id=tender_id)

    @acting
    def report(self, actor: Actor, tender_id: str) -> EvaluationReport:
        """The evaluation report as `actor` may see it."""
        with self._runner.session() as session:
            return report.report_of(session, load_tender_row(session, tender_id), actor)

    @acting
    def raise_objection(self, actor: Actor, tender_id: str, text: str, *,
                        lot_id: str | None = None) -> ObjectionView:
        """A bidder objects during the publicity."""
        return self._run(actor, "evaluation.objection",
                         lambda uow: objections.raise_objection(uow, tender_id, text, lot_id),
                         (Role.SUPPLIER,), tender_id=tender_id)

    @acting
    def answer_objection(self, actor: Actor, objection_id: str, answer: str) -> ObjectionView:
        """Purchasing or a supervisor answers an objection."""
        require_buyer(actor, "evaluation.objection_answer")
        return self._run(actor, "evaluation.objection_answer",
                         lambda uow: objections.answer_objection(uow, objection_id, answer), OFFICERS,
                         tender_id=self._tender_of(ObjectionRow, objection_id))

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

    @acting
    def propose_removal(self, actor: Actor, tender_id: str, lot_id: str, bid_id: str, *,
                        code: str, en: str, zh: str) -> RemovalView:
        """Record a reason removing a candidate (counts once a supervisor approves it)."""
        require_buyer(actor, "award.removal_propose")
        return self._run(actor, "award.removal_propose",
                         lambda uow: objections.propose_removal(uow, tender_id, lot_id, bid_id, code, en, zh),
                         OFFICERS, tender_id=tender_id)

    @acting
    def approve_removal(self, actor: Actor, removal_id: str) -> RemovalView:
        """A supervisor, not the proposer, approves a candidate's removal."""
        require_buyer(actor, "award.removal_approve")
        return self._run(actor, "award.removal_approve",
                         lambda uow: objections.approve_removal(uow, removal_id), (Role.SUPERVISOR,),
                         tender_id=self._tender_of(RemovalRow, removal_id))

    # -- award and contract ----------------------------------------------------------------------

    @acting
    def award(self, actor: Actor, tender_id: str) -> AwardView:
        """Award every ranked lot once publicity is over and every objection answered, each to a
        winner eligible at this moment (else `award.winner_ineligible`; see `decide_ineligible`)."""
        require_buyer(actor, "award.decide")
        return self._run(actor, "award.decide",
                         lambda uow: contracts.award(uow, tender_id), (Role.PURCHASING,), tender_id=tender_id)

    @acting
    def decide_ineligible(self, actor: Actor, tender_id: str,
                          data: IneligibleDecisionInput | Mapping[str, Any]) -> AwardView:
        """A supervisor's recorded decision on a lot whose winner became ineligible (Reg 55):
        `next_candidate` (who must be eligible when awarded) or `retender` (the lot fails; the
        tender too when no lot is left). Refused while the winner is eligible."""
        require_buyer(actor, "award.ineligible_decide")
        parsed = parse(IneligibleDecisionInput, data)
        return self._run(actor, "award.ineligible_decide",
                         lambda uow: ineligible.decide(uow, tender_id, parsed), (Role.SUPERVISOR,),
                         tender_id=tender_id)

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

    # -- price inquiry ---------------------------------------------------------------------------

    @acting
    def sign_inquiry(self, actor: Actor, tender_id: str) -> InquirySignatures:
        """An officer named in the inquiry signs its quote record; the answer names every officer
        who has signed so far."""
        require_buyer(actor, "inquiry.sign")
        return self._run(actor, "inquiry.sign",
                         lambda uow: InquirySignatures(tender_id=tender_id,
                                                       signed_by=inquiry.sign(uow, tender_id)),
                         STAFF_ROLES, tender_id=tender_id)

    @acting
    def propose_inquiry_override(self, actor: Actor, tender_id: str, lot_id: str, *, supplier_id: str,
                                 reason: str) -> InquiryOverrideView:
        """An officer's written reason to choose another supplier than the lowest quote."""
        require_buyer(actor, "inquiry.override_propose")
        return self._run(actor, "inquiry.override_propose",
                         lambda uow: override_view(uow.session, inquiry.propose_override(
                             uow, tender_id, lot_id, supplier_id, reason)),
                         STAFF_ROLES, tender_id=tender_id)

    @acting
    def approve_inquiry_override(self, actor: Actor, override_id: str) -> InquiryOverrideView:
        """A supervisor or purchasing officer other than the proposer approves the override."""
        require_buyer(actor, "inquiry.override_approve")
        return self._run(actor, "inquiry.override_approve",
                         lambda uow: override_view(uow.session, inquiry.approve_override(uow, override_id)),
                         OFFICERS, tender_id=self._tender_of(InquiryOverrideRow, override_id))

    @acting
    def decide_inquiry(self, actor: Actor, tender_id: str) -> InquiryDecisionView:
        """Decide the inquiry (三三二) and publicise the outcome, or fail it."""
        require_buyer(actor, "inquiry.decide")
        calendar = self._calendar
        return self._run(actor, "inquiry.decide",
                         lambda uow: inquiry.decide(uow, tender_id, calendar), STAFF_ROLES,
                         tender_id=tender_id)

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _staff_only(actor: Actor, action: str) -> None:
        require_not_supplier(actor, action)
        if not is_buyer_staff(actor):
            raise PermissionDenied("permission.staff_only", "Only the buyer's staff may read this",
                                   "仅招标人工作人员可查阅", {"actor": actor.id})
