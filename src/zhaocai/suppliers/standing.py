"""Standing commands (动态管理): warn, suspend, reinstate, blacklist with two approvers, appeal, exit.

Blacklisting is proposed, then approved by a second person; the two must differ and at least one
must be a supervisor (纪检). A proposal opened by the system (a serious violation) waits for two
human approvals. Lifting a suspension is requested by one person and approved by another.
A supplier with a live bid is not eliminated by one officer: see `live_guard.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.machines import next_state
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import (
    STAFF,
    SUBJECT,
    ServiceBase,
    change_standing,
    load_supplier,
    own_or_any,
    require_own_supplier,
    require_reason,
    view_of,
)
from zhaocai.suppliers.live_guard import HELD_EVENTS, hold_change
from zhaocai.suppliers.machines import StandingMachine, decide_request, move_appeal, standing_of
from zhaocai.suppliers.models import RequestView, SupplierView
from zhaocai.suppliers.requests import (
    BLACKLIST,
    REINSTATEMENT,
    current_blacklisting,
    load_request,
    open_request,
    pending_request,
    request_view,
)
from zhaocai.suppliers.standing_rules import (
    BLACKLIST_APPROVALS,
    approval_of,
    completes_approvals,
    require_blacklist_input,
)
from zhaocai.suppliers.tables import RequestRow, SupplierRow

__all__ = ["BLACKLIST", "REINSTATEMENT", "StandingCommands", "open_blacklist_proposal",
           "request_view"]


def open_blacklist_proposal(uow: UnitOfWork, row: SupplierRow, reason: str,
                            evidence: Sequence[Any], ban_days: int,
                            approvals: list[dict[str, Any]], source: str,
                            live: Sequence[str] = ()) -> RequestRow:
    """Open a blacklisting proposal (by a person, who counts as its first approval, or by the
    system from a serious violation, with no approval yet); `live`: the supplier's live tenders."""
    next_state(StandingMachine, standing_of(row), "propose_blacklist", subject_id=row.id,
               pending=pending_request(uow.session, row.id, BLACKLIST), kind=BLACKLIST,
               supplier_id=row.id)
    request = open_request(uow, row.id, BLACKLIST, reason, evidence=list(evidence),
                           ban_days=ban_days, approvals=approvals, live_tenders=list(live) or None)
    uow.record("supplier.blacklist.propose", SUBJECT, row.id, {
        "request_id": request.id, "reason": reason, "evidence": list(evidence),
        "ban_days": ban_days, "source": source, "approvals": approvals},
        event="BlacklistProposed")
    return request


def approval_facts(actor: Actor, request: RequestRow, action: str, approval: dict[str, Any],
                   **facts: Any) -> dict[str, Any]:
    """What `RequestMachine` judges an approval on: who approves, who asked, the approvals so far."""
    return {"actor": actor, "requested_by": request.requested_by, "action": action,
            "approval": approval, "approvals": list(request.approvals),
            "supplier_id": request.supplier_id, **facts}


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
            if live:  # held for a supervisor, if the machine allows the move now
                next_state(StandingMachine, standing_of(row), event, subject_id=supplier_id)
                held = hold_change(uow, supplier_id, row.standing, event, reason, live)
                return view_of(uow.session, row).model_copy(
                    update={"standing_request": request_view(held)})
            change_standing(uow, row, event, reason)
            return view_of(uow.session, row)

        return self.platform.run(actor, f"supplier.standing.{event}", handler, roles=roles)

    @acting
    def warn(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Yellow card: active → warned. With a live bid: held for a supervisor (the view's
        `standing_request`)."""
        return self._simple(actor, supplier_id, "warn", reason, STAFF)

    @acting
    def clear_warning(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Withdraw a yellow card: warned → active."""
        return self._simple(actor, supplier_id, "clear_warning", reason, STAFF)

    @acting
    def suspend(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Red card: active or warned → suspended. With a live bid: held for a supervisor."""
        return self._simple(actor, supplier_id, "suspend", reason, STAFF)

    @acting
    def exit(self, actor: Actor, supplier_id: str, reason: str) -> SupplierView:
        """Voluntary exit from the register (not while suspended or blacklisted)."""
        return self._simple(actor, supplier_id, "exit", reason, [Role.SUPPLIER, Role.PURCHASING])

    @acting
    def request_reinstatement(self, actor: Actor, supplier_id: str, reason: str) -> RequestView:
        """Ask to lift a suspension; another person must approve."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            row = load_supplier(uow.session, supplier_id)
            next_state(StandingMachine, standing_of(row), "request_reinstatement",
                       subject_id=supplier_id, kind=REINSTATEMENT, supplier_id=supplier_id,
                       pending=pending_request(uow.session, supplier_id, REINSTATEMENT))
            request = open_request(uow, supplier_id, REINSTATEMENT, reason)
            uow.record("supplier.reinstatement.request", SUBJECT, supplier_id,
                       {"request_id": request.id, "reason": reason},
                       event="ReinstatementRequested")
            return request_view(request)

        return self.platform.run(actor, "supplier.reinstatement.request", handler, roles=STAFF)

    @acting
    def approve_reinstatement(self, actor: Actor, request_id: str, *, note: str = "") -> SupplierView:
        """Lift the suspension: the approver must not be the requester."""
        def handler(uow: UnitOfWork) -> SupplierView:
            request = load_request(uow.session, request_id, REINSTATEMENT)
            approval = approval_of(actor, uow.now, note)
            decide_request(request, "approve", **approval_facts(
                actor, request, "supplier.reinstatement.approve", approval))
            request.decided_at, request.approvals = uow.now, [approval]
            uow.session.add(request)
            row = load_supplier(uow.session, request.supplier_id)
            change_standing(uow, row, "reinstate", request.reason, extra={
                "request_id": request_id, "requested_by": request.requested_by,
                "approved_by": actor.id, "note": note})
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.reinstatement.approve", handler, roles=STAFF)

    @acting
    def propose_blacklist(self, actor: Actor, supplier_id: str, reason: str, *,
                          evidence: Sequence[Any], ban_days: int | None = None) -> RequestView:
        """Propose clearing out (清退) with reason, evidence and ban period; needs a second approver."""
        require_reason(reason)
        days = self.settings.default_ban_days if ban_days is None else ban_days
        require_blacklist_input(days, evidence)

        def handler(uow: UnitOfWork) -> RequestView:
            row = load_supplier(uow.session, supplier_id)
            live = self.live_tenders(uow.session, [supplier_id]).get(supplier_id, [])
            request = open_blacklist_proposal(uow, row, reason, evidence, days,
                                              [approval_of(actor, uow.now)], "manual", live)
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.propose", handler, roles=STAFF)

    @acting
    def approve_blacklist(self, actor: Actor, request_id: str, *, note: str = "") -> RequestView:
        """Approve a blacklisting proposal; with two distinct approvers (one a supervisor) it
        takes effect: standing blacklisted, banned for the proposed period."""
        def handler(uow: UnitOfWork) -> RequestView:
            request = load_request(uow.session, request_id, BLACKLIST)
            row = load_supplier(uow.session, request.supplier_id)
            live = sorted({*(request.live_tenders or ()),
                           *self.live_tenders(uow.session, [row.id]).get(row.id, [])})
            facts = approval_facts(actor, request, "supplier.blacklist.approve",
                                   approval_of(actor, uow.now, note), needed=BLACKLIST_APPROVALS,
                                   live=live)
            decide_request(request, "approve", **facts)
            request.approvals = [*request.approvals, facts["approval"]]
            uow.session.add(request)
            if completes_approvals(**facts):
                self._blacklist(uow, request, row, live)
            else:
                uow.record("supplier.blacklist.approve", SUBJECT, row.id,
                           {"request_id": request_id, "approvals": request.approvals},
                           event="BlacklistApproved")
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.approve", handler, roles=STAFF)

    @staticmethod
    def _blacklist(uow: UnitOfWork, request: RequestRow, row: SupplierRow,
                   live: list[str]) -> None:
        """An approved blacklisting takes effect: the standing before it is kept for an appeal."""
        request.previous_standing, request.decided_at = row.standing, uow.now
        request.live_tenders = live or None
        row.ban_until = uow.now + timedelta(days=request.ban_days or 1)
        change_standing(uow, row, "blacklist", request.reason, extra={
            "request_id": request.id, "evidence": request.evidence,
            "ban_until": row.ban_until.isoformat(),
            "approvers": [a["actor_id"] for a in request.approvals]},
            private={"requested_by": request.requested_by, "live_tenders": live})

    @acting
    def reject_blacklist(self, actor: Actor, request_id: str, reason: str) -> RequestView:
        """A supervisor (not the proposer) turns a blacklisting proposal down."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            request = load_request(uow.session, request_id, BLACKLIST)
            decide_request(request, "reject", actor=actor, requested_by=request.requested_by,
                           action="supplier.blacklist.reject")
            request.decided_at = uow.now
            uow.session.add(request)
            uow.record("supplier.blacklist.reject", SUBJECT, request.supplier_id,
                       {"request_id": request_id, "reason": reason},
                       event="BlacklistProposalRejected")
            return request_view(request)

        return self.platform.run(actor, "supplier.blacklist.reject", handler,
                                 roles=[Role.SUPERVISOR])

    @acting
    def approve_standing_change(self, actor: Actor, request_id: str, reason: str) -> SupplierView:
        """A supervisor other than the requester approves a held warning or suspension of a
        supplier with a live bid: the standing changes now (if the machine still allows it)."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            request = load_request(uow.session, request_id, *HELD_EVENTS)
            approval = approval_of(actor, uow.now, reason)
            decide_request(request, "approve", **approval_facts(
                actor, request, "supplier.standing_request.approve", approval))
            request.decided_at, request.approvals = uow.now, [approval]
            uow.session.add(request)
            row = load_supplier(uow.session, request.supplier_id)
            change_standing(uow, row, request.kind, request.reason, private={
                "request_id": request_id, "requested_by": request.requested_by,
                "approved_by": actor.id, "approval_reason": reason,
                "live_tenders": list(request.live_tenders or [])})
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.standing_request.approve", handler,
                                 roles=[Role.SUPERVISOR])

    @acting
    def reject_standing_change(self, actor: Actor, request_id: str, reason: str) -> RequestView:
        """A supervisor other than the requester turns a held warning or suspension down."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> RequestView:
            request = load_request(uow.session, request_id, *HELD_EVENTS)
            decide_request(request, "reject", actor=actor, requested_by=request.requested_by,
                           action="supplier.standing_request.reject")
            request.decided_at = uow.now
            request.approvals = [approval_of(actor, uow.now, reason)]
            uow.session.add(request)
            uow.record("supplier.standing_request.reject", SUBJECT, request.supplier_id,
                       {"request_id": request_id, "event": request.kind, "reason": reason})
            # no outbox event, as for the request itself (it would tell of a live bid)
            return request_view(request)

        return self.platform.run(actor, "supplier.standing_request.reject", handler,
                                 roles=[Role.SUPERVISOR])

    @acting
    def appeal(self, actor: Actor, supplier_id: str, grounds: str) -> RequestView:
        """Appeal a blacklisting (once per blacklisting)."""
        require_reason(grounds)

        def handler(uow: UnitOfWork) -> RequestView:
            require_own_supplier(actor, supplier_id, "supplier.appeal")
            row = load_supplier(uow.session, supplier_id)
            next_state(StandingMachine, standing_of(row), "appeal", subject_id=supplier_id)
            request = current_blacklisting(uow.session, supplier_id)
            move_appeal(request, "lodge")
            request.appeal = {**request.appeal, "grounds": grounds, "by": actor.id,
                              "at": uow.now.isoformat()}
            uow.session.add(request)
            uow.record("supplier.appeal", SUBJECT, supplier_id,
                       {"request_id": request.id, "grounds": grounds}, event="BlacklistAppealed")
            return request_view(request)

        return self.platform.run(actor, "supplier.appeal", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING])

    @acting
    def decide_appeal(self, actor: Actor, supplier_id: str, *, upheld: bool,
                      reason: str) -> SupplierView:
        """A supervisor who took no part in the blacklisting decides the appeal; upheld restores
        the standing held before the blacklisting."""
        require_reason(reason)

        def handler(uow: UnitOfWork) -> SupplierView:
            row = load_supplier(uow.session, supplier_id)
            next_state(StandingMachine, standing_of(row), "appeal", subject_id=supplier_id)
            request = current_blacklisting(uow.session, supplier_id)
            involved = {request.requested_by, *(a["actor_id"] for a in request.approvals)}
            move_appeal(request, "uphold" if upheld else "dismiss", actor=actor, involved=involved)
            request.appeal = {**request.appeal, "decided_by": actor.id,
                              "decided_at": uow.now.isoformat(), "decision": reason}
            uow.session.add(request)
            if upheld:
                row.ban_until = None
                change_standing(uow, row, "restore", reason, previous=request.previous_standing,
                                extra={"request_id": request.id, "appeal": "upheld"})
            else:
                uow.record("supplier.appeal.dismiss", SUBJECT, supplier_id,
                           {"request_id": request.id, "reason": reason},
                           event="BlacklistAppealDismissed")
            return view_of(uow.session, row)

        return self.platform.run(actor, "supplier.appeal.decide", handler,
                                 roles=[Role.SUPERVISOR])

    @acting
    def requests(self, actor: Actor, *, supplier_id: str | None = None,
                 state: str | None = None) -> list[RequestView]:
        """Blacklisting, standing and reinstatement requests, optionally for one supplier or state:
        the buyer's staff read all, a supplier's user its own supplier's only
        (`permission.supplier_read`)."""
        supplier_id = own_or_any(actor, supplier_id, "supplier.requests")
        with self.platform.session() as session:
            query = select(RequestRow)
            if supplier_id is not None:
                query = query.where(col(RequestRow.supplier_id) == supplier_id)
            if state is not None:
                query = query.where(col(RequestRow.state) == state)
            rows = session.exec(query.order_by(col(RequestRow.requested_at), col(RequestRow.id))).all()
            return [request_view(r) for r in rows]
