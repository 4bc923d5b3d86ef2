"""Standing commands (动态管理): warn, suspend, reinstate, blacklist with two approvers, appeal, exit.

Blacklisting is proposed, then approved by a second person; the two must differ and at least one
must be a supervisor (纪检). A proposal opened by the system (a serious violation) waits for two
human approvals. Lifting a suspension is requested by one person and approved by another.
A supplier with a live bid is not eliminated by one officer: see `live_guard.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Actor, Role, require_not_requester
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import (
    STAFF,
    SUBJECT,
    ServiceBase,
    change_standing,
    load_supplier,
    require_own_supplier,
    require_reason,
    view_of,
)
from zhaocai.suppliers.live_guard import (
    HELD_EVENTS,
    hold_change,
    pending_request,
    require_live_supervisor,
)
from zhaocai.suppliers.machines import StandingMachine, allowed, next_state
from zhaocai.suppliers.models import RequestView, SupplierView
from zhaocai.suppliers.tables import RequestRow, SupplierRow

BLACKLIST = "blacklist"
REINSTATEMENT = "reinstatement"


def request_view(row: RequestRow) -> RequestView:
    """The public view of a request row."""
    return RequestView(id=row.id, supplier_id=row.supplier_id, kind=row.kind, state=row.state,
                       reason=row.reason, evidence=list(row.evidence), ban_days=row.ban_days,
                       requested_by=row.requested_by, approvals=list(row.approvals),
                       appeal=row.appeal, live_bid=bool(row.live_tenders))


def _load_request(session: Session, request_id: str, *kinds: str) -> RequestRow:
    row = session.get(RequestRow, request_id)
    if row is None or row.kind not in kinds:
        kind = "/".join(kinds)
        raise NotFoundError("supplier.request.not_found", f"No {kind} request {request_id!r}",
                            f"没有编号为 {request_id!r} 的申请", {"request_id": request_id})
    if row.state != "pending":
        raise ConflictError("supplier.request.decided",
                            f"Request {request_id} is already {row.state}",
                            f"申请 {request_id} 已处理（{row.state}）",
                            {"request_id": request_id, "state": row.state})
    return row


def _approval(actor: Actor, at: Any, note: str = "") -> dict[str, Any]:
    return {"actor_id": actor.id, "roles": sorted(r.value for r in actor.roles),
            "at": at.isoformat(), "note": note}


def open_blacklist_proposal(uow: UnitOfWork, row: SupplierRow, reason: str,
                            evidence: Sequence[Any], ban_days: int,
                            approvals: list[dict[str, Any]], source: str,
                            live: Sequence[str] = ()) -> RequestRow:
    """Open a blacklisting proposal (by a person, who counts as its first approval, or by the
    system from a serious violation, with no approval yet); `live`: the supplier's live tenders."""
    session = uow.session
    if row.standing is None or not allowed(StandingMachine, row.standing, "blacklist"):
        raise InvalidTransition(
            "supplier.standing.transition",
            f"Supplier {row.id} cannot be blacklisted when standing is {row.standing}",
            f"供应商 {row.id} 当前状态为 {row.standing}，不能清退",
            {"supplier_id": row.id, "state": row.standing, "event": "blacklist"})
    if pending_request(session, row.id, BLACKLIST) is not None:
        raise ConflictError("supplier.blacklist.pending",
                            f"Supplier {row.id} already has a pending blacklisting proposal",
                            f"供应商 {row.id} 已有待审批的清退提议", {"supplier_id": row.id})
    request = RequestRow(
        id=f"req-{uuid.uuid4().hex[:16]}", supplier_id=row.id, kind=BLACKLIST, state="pending",
        reason=reason, evidence=list(evidence), ban_days=ban_days,
        requested_by=uow.actor.id, requested_at=uow.now, approvals=approvals,
        live_tenders=list(live) or None)
    session.add(request)
    uow.record("supplier.blacklist.propose", SUBJECT, row.id, {
        "request_id": request.id, "reason": reason, "evidence": list(evidence),
        "ban_days": ban_days, "source": source, "approvals": approvals},
        event="BlacklistProposed")
    return request


class StandingCommands(ServiceBase):
    """Warnings, suspensions, blacklisting, appeals and exit."""

    def _simple(self, actor: Actor, supplier_id: str, event: str, reason: str,
                roles: Sequence[Role]) -> SupplierView:
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            if event == "exit":
                require_own_supplier(actor, supplier_id, "supplier.exit")
            row = load_supplier(uow.session, supplier_id)
            live = self.live_tenders(uow.session, [supplier_id]).get(supplier_id) \
                if event in HELD_EVENTS else None
            if live:
                next_state(StandingMachine, row.standing or "", event, supplier_id)  # allowed now?
                held = hold_change(uow, supplier_id, row.standing, event, reason, live)
                return view_of(uow.session, row).model_copy(
                    update={"standing_request": request_view(held)})
            change_standing(uow, row, event, reason)
            return view_of(uow.session, row)

        return self.platform.run(actor, f"supplier.standing.{event}", handler, roles=roles)

    def warn(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Yellow card: active → warned. With a live bid: held for a supervisor (the view's
        `standing_request`)."""
        return self._simple(actor, supplier_id, "warn", reason, STAFF)

    def clear_warning(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Withdraw a yellow card: warned → active."""
        return self._simple(actor, supplier_id, "clear_warning", reason, STAFF)

    def suspend(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Red card: active or warned → suspended. With a live bid: held for a supervisor."""
        return self._simple(actor, supplier_id, "suspend", reason, STAFF)

    def exit(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Voluntary exit from the register (not while suspended or blacklisted)."""
        return self._simple(actor, supplier_id, "exit", reason, [Role.SUPPLIER, Role.PURCHASING])

    def request_reinstatement(self, actor: Actor, supplier_id: str, reason: str) -> RequestView:
        """Ask to lift a suspension; another person must approve."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            row = load_supplier(uow.session, supplier_id)
            if not (row.standing and allowed(StandingMachine, row.standing, "reinstate")):
                raise InvalidTransition(
                    "supplier.standing.transition",
                    f"Supplier {supplier_id} is not suspended (standing {row.standing})",
                    f"供应商 {supplier_id} 未被暂停（状态 {row.standing}）",
                    {"supplier_id": supplier_id, "state": row.standing, "event": "reinstate"})
            if pending_request(uow.session, supplier_id, REINSTATEMENT) is not None:
                raise ConflictError("supplier.reinstatement.pending",
                                    "A reinstatement request is already pending",
                                    "已有待审批的恢复申请", {"supplier_id": supplier_id})
            request = RequestRow(
                id=f"req-{uuid.uuid4().hex[:16]}", supplier_id=supplier_id, kind=REINSTATEMENT,
                state="pending", reason=reason, evidence=[], requested_by=actor.id,
                requested_at=uow.now, approvals=[])
            uow.session.add(request)
            uow.record("supplier.reinstatement.request", SUBJECT, supplier_id,
                       {"request_id": request.id, "reason": reason},
                       event="ReinstatementRequested")
            return request_view(request)

        return self.platform.run(actor, "supplier.reinstatement.request", handler, roles=STAFF)

    def approve_reinstatement(self, actor: Actor, request_id: str, *, note: str = "") -> SupplierView:
        """Lift the suspension: the approver must not be the requester."""
        def handler(uow: UnitOfWork) -> SupplierView:
            request = _load_request(uow.session, request_id, REINSTATEMENT)
            require_not_requester(actor, request.requested_by, "supplier.reinstatement.approve")
            row = load_supplier(uow.session, request.supplier_id)
            change_standing(uow, row, "reinstate", request.reason, extra={
                "request_id": request_id, "requested_by": request.requested_by,
                "approved_by": actor.id, "note": note})
            request.state, request.decided_at = "approved", uow.now
            request.approvals = [_approval(actor, uow.now, note)]
            uow.session.add(request)
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.reinstatement.approve", handler, roles=STAFF)

    def propose_blacklist(self, actor: Actor, supplier_id: str, reason: str, *,
                          evidence: Sequence[Any], ban_days: int | None = None) -> RequestView:
        """Propose clearing out (清退) with reason, evidence and ban period; needs a second approver."""
        require_reason(reason)
        days = self.settings.default_ban_days if ban_days is None else ban_days
        if days < 1 or not evidence:
                raise ValidationError("supplier.blacklist.input",
                                  "A blacklisting needs evidence and a ban of at least one day",
                                  "清退须提供证据，禁入期至少一天",
                                  {"ban_days": days, "evidence": len(evidence)})

        def handler(uow: UnitOfWork) -> RequestView:
            row = load_supplier(uow.session, supplier_id)
            live = self.live_tenders(uow.session, [supplier_id]).get(supplier_id, [])
            request = open_blacklist_proposal(uow, row, reason, evidence, days,
                                              [_approval(actor, uow.now)], "manual", live)
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.propose", handler, roles=STAFF)

    def approve_blacklist(self, actor: Actor, request_id: str, *, note: str = "") -> RequestView:
        """Approve a blacklisting proposal; with two distinct approvers (one a supervisor) it
        takes effect: standing blacklisted, banned for the proposed period."""
        def handler(uow: UnitOfWork) -> RequestView:
            session = uow.session
            request = _load_request(session, request_id, BLACKLIST)
            require_not_requester(actor, request.requested_by, "supplier.blacklist.approve")
            approvals = list(request.approvals)
            if any(a["actor_id"] == actor.id for a in approvals):
                raise PermissionDenied("permission.distinct_people",
                                       f"{actor.name} has already approved this blacklisting",
                                       f"{actor.name} 已审批过该清退提议", {"actor": actor.id})
            approvals.append(_approval(actor, uow.now, note))
            if len(approvals) >= 2 and not any(Role.SUPERVISOR.value in a["roles"] for a in approvals):
                raise RuleViolation(
                    "supplier.blacklist.supervisor_required",
                    "A blacklisting needs a supervisor (纪检) among its two approvers",
                    "清退须有一名纪检人员作为审批人之一",
                    {"approvers": [a["actor_id"] for a in approvals]})
            row = load_supplier(session, request.supplier_id)
            if len(approvals) >= 2:
                live = sorted({*(request.live_tenders or ()),
                               *self.live_tenders(session, [row.id]).get(row.id, [])})
                require_live_supervisor(request, approvals, live)
                request.live_tenders = live or None
            request.approvals = approvals
            if len(approvals) < 2:
                uow.record("supplier.blacklist.approve", SUBJECT, row.id,
                           {"request_id": request_id, "approvals": approvals},
                           event="BlacklistApproved")
            else:
                request.previous_standing = row.standing
                request.state, request.decided_at = "approved", uow.now
                row.ban_until = uow.now + timedelta(days=request.ban_days or 1)
                change_standing(uow, row, "blacklist", request.reason, extra={
                    "request_id": request_id, "evidence": request.evidence,
                    "ban_until": row.ban_until.isoformat(),
                    "approvers": [a["actor_id"] for a in approvals]},
                    private={"requested_by": request.requested_by, "live_tenders": live})
            session.add(request)
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.approve", handler, roles=STAFF)

    def reject_blacklist(self, actor: Actor, request_id: str, reason: str) -> RequestView:
        """A supervisor (not the proposer) turns a blacklisting proposal down."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            request = _load_request(uow.session, request_id, BLACKLIST)
            require_not_requester(actor, request.requested_by, "supplier.blacklist.reject")
            request.state, request.decided_at = "rejected", uow.now
            uow.session.add(request)
            uow.record("supplier.blacklist.reject", SUBJECT, request.supplier_id,
                       {"request_id": request_id, "reason": reason},
                       event="BlacklistProposalRejected")
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.reject", handler,
                                 roles=[Role.SUPERVISOR])

    def approve_standing_change(self, actor: Actor, request_id: str, reason: str) -> SupplierView:
        """A supervisor other than the requester approves a held warning or suspension of a
        supplier with a live bid: the standing changes now (if the machine still allows it)."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            request = _load_request(uow.session, request_id, *HELD_EVENTS)
            require_not_requester(actor, request.requested_by, "supplier.standing_request.approve")
            row = load_supplier(uow.session, request.supplier_id)
            request.state, request.decided_at = "approved", uow.now
            request.approvals = [_approval(actor, uow.now, reason)]
            uow.session.add(request)
            change_standing(uow, row, request.kind, request.reason, private={
                "request_id": request_id, "requested_by": request.requested_by,
                "approved_by": actor.id, "approval_reason": reason,
                "live_tenders": list(request.live_tenders or [])})
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.standing_request.approve", handler,
                                 roles=[Role.SUPERVISOR])

    def reject_standing_change(self, actor: Actor, request_id: str, reason: str) -> RequestView:
        """A supervisor other than the requester turns a held warning or suspension down."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            request = _load_request(uow.session, request_id, *HELD_EVENTS)
            require_not_requester(actor, request.requested_by, "supplier.standing_request.reject")
            request.state, request.decided_at = "rejected", uow.now
            request.approvals = [_approval(actor, uow.now, reason)]
            uow.session.add(request)
            uow.record("supplier.standing_request.reject", SUBJECT, request.supplier_id,
                       {"request_id": request_id, "event": request.kind, "reason": reason})
            # no outbox event, as for the request itself (it would tell of a live bid)
            return request_view(request)

        return self.platform.run(actor, "supplier.standing_request.reject", handler,
                                 roles=[Role.SUPERVISOR])

    def appeal(self, actor: Actor, supplier_id: str, grounds: str) -> RequestView:
        """Appeal a blacklisting (once per blacklisting)."""
        require_reason(grounds)

        def handler(uow: UnitOfWork) -> RequestView:
            require_own_supplier(actor, supplier_id, "supplier.appeal")
            session = uow.session
            row = load_supplier(session, supplier_id)
            request = self._current_blacklisting(session, row)
            if request.appeal is not None:
                raise ConflictError("supplier.appeal.used",
                                    "This blacklisting has already been appealed",
                                    "该清退决定已申诉过一次", {"request_id": request.id})
            request.appeal = {"grounds": grounds, "by": actor.id, "at": uow.now.isoformat(),
                              "state": "pending"}
            session.add(request)
            uow.record("supplier.appeal", SUBJECT, supplier_id,
                       {"request_id": request.id, "grounds": grounds}, event="BlacklistAppealed")
            return request_view(request)

        return self.platform.run(actor, "supplier.appeal", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING])

    def decide_appeal(self, actor: Actor, supplier_id: str, *, upheld: bool,
                      reason: str) -> SupplierView:
        """A supervisor who took no part in the blacklisting decides the appeal; upheld restores
        the standing held before the blacklisting."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            session = uow.session
            row = load_supplier(session, supplier_id)
            request = self._current_blacklisting(session, row)
            appeal = dict(request.appeal or {})
            if appeal.get("state") != "pending":
                raise ConflictError("supplier.appeal.none", "No pending appeal to decide",
                                    "没有待裁决的申诉", {"request_id": request.id})
            involved = {request.requested_by, *(a["actor_id"] for a in request.approvals)}
            if actor.id in involved:
                raise PermissionDenied(
                    "permission.appeal_decider",
                    f"{actor.name} took part in the blacklisting and may not decide its appeal",
                    f"{actor.name} 参与了清退决定，不得裁决其申诉", {"actor": actor.id})
            appeal.update(state="upheld" if upheld else "dismissed", decided_by=actor.id,
                          decided_at=uow.now.isoformat(), decision=reason)
            request.appeal = appeal
            session.add(request)
            if upheld:
                row.ban_until = None
                change_standing(uow, row, "restore", reason, previous=request.previous_standing,
                                extra={"request_id": request.id, "appeal": "upheld"})
            else:
                uow.record("supplier.appeal.dismiss", SUBJECT, supplier_id,
                           {"request_id": request.id, "reason": reason},
                           event="BlacklistAppealDismissed")
            return view_of(session, row)

        return self.platform.run(actor, "supplier.appeal.decide", handler,
                                 roles=[Role.SUPERVISOR])

    @staticmethod
    def _current_blacklisting(session: Session, row: SupplierRow) -> RequestRow:
        request = session.exec(select(RequestRow).where(
            col(RequestRow.supplier_id) == row.id, col(RequestRow.kind) == BLACKLIST,
            col(RequestRow.state) == "approved").order_by(col(RequestRow.decided_at).desc())).first()
        if row.standing != "blacklisted" or request is None:
            raise InvalidTransition(
                "supplier.standing.transition", f"Supplier {row.id} is not blacklisted",
                f"供应商 {row.id} 未被清退",
                {"supplier_id": row.id, "state": row.standing, "event": "appeal"})
        return request

    def requests(self, *, supplier_id: str | None = None, state: str | None = None) -> list[RequestView]:
        """Blacklisting and reinstatement requests, optionally for one supplier or state."""
        with self.platform.session() as session:
            query = select(RequestRow)
            if supplier_id is not None:
                query = query.where(col(RequestRow.supplier_id) == supplier_id)
            if state is not None:
                query = query.where(col(RequestRow.state) == state)
            rows = session.exec(query.order_by(col(RequestRow.requested_at), col(RequestRow.id))).all()
            return [request_view(r) for r in rows]
