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

from zhaocai.acting import acting
from zhaocai.actors import BUYER_STAFF, Actor, Role
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
)
from zhaocai.bidding.evaluating.outcomes import (
    FindingView,
    InquiryOverrideView,
    InquirySignatures,
    SecurityRecorded,
    finding_view,
    override_view,
)
from zhaocai.bidding.evaluating.reads import ReadsAndContracts, committee_member_may_read, contract_check
from zhaocai.bidding.evaluating.tables import (
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
    Declaration,
    EntryView,
    EvaluationReport,
    ExpertInput,
    ExpertView,
    IneligibleDecisionInput,
    InquiryDecisionView,
    ObjectionView,
    RelatedInput,
    RemovalView,
    Representative,
    SheetReceipt,
)
from zhaocai.bidding.lifecycle import require_buyer
from zhaocai.bidding.rules.commitments import require_digest, require_nonce
from zhaocai.bidding.service import TenderService
from zhaocai.errors import ValidationError, parse
from zhaocai.money import to_decimal
from zhaocai.store import UnitOfWork
from zhaocai.workdays import WorkingCalendar

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

__all__ = ["EvaluationService", "committee_member_may_read", "contract_check"]

POOL_ROLES = (Role.ADMINISTRATOR, Role.SUPERVISOR)
DRAW_ROLES = (Role.PURCHASING, Role.SUPERVISOR)
OFFICERS = (Role.PURCHASING, Role.SUPERVISOR)
STAFF_ROLES = BUYER_STAFF
R = TypeVar("R")
ScoreSheet = Mapping[str, Mapping[str, Any]]


class EvaluationService(ReadsAndContracts):
    """Evaluation and award of opened tenders (see the module docstring for the flow); its reads
    and the contract commands are `ReadsAndContracts`' (`reads.py`)."""

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

    @acting
    def declare(self, actor: Actor, tender_id: str, *, no_conflict: bool = True,
                statement: str = "") -> Declaration:
        """A member signs the no-conflict declaration (or declares a conflict and is replaced)."""
        return self._run(actor, "committee.declare",
                         lambda uow: committee.declare(uow, tender_id, no_conflict, statement), MEMBER_ROLES,
                         tender_id=tender_id)

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

    # -- scoring: commit, then reveal (sealed_sheets.py) ------------------------------------------

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

    # -- report and publicity --------------------------------------------------------------------

    @acting
    def compile_report(self, actor: Actor, tender_id: str) -> EvaluationReport:
        """Rank every lot, write the report, publicise the candidates (tender → publicising)."""
        calendar = self._calendar
        return self._run(actor, "evaluation.report",
                         lambda uow: report.compile_report(uow, tender_id, calendar), MEMBER_ROLES,
                         tender_id=tender_id)

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

