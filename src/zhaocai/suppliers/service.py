"""The supplier register's service: `platform.suppliers`.

Commands are grouped by concern in mix-ins (admission, qualifications, standing, performance,
import, related parties); this class joins them and answers reads. `Platform.open` constructs it
with the command runner, the register's settings and the two questions it asks of tendering
(which tenders are live, and whether a contract id names one of the platform's contracts).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.categories import Category
from zhaocai.errors import PermissionDenied, parse
from zhaocai.guards import guarded
from zhaocai.money import to_decimal
from zhaocai.references import check_external_ref
from zhaocai.suppliers.admission import AdmissionCommands
from zhaocai.suppliers.common import load_supplier, view_of
from zhaocai.suppliers.eligibility import check_eligibility
from zhaocai.suppliers.importing import ImportCommands
from zhaocai.suppliers.live_guard import LiveTenders, no_live_tenders
from zhaocai.suppliers.models import (
    Eligibility,
    PerformanceEventInput,
    PerformanceEventView,
    SupplierView,
)
from zhaocai.suppliers.performance import PerformanceCommands
from zhaocai.suppliers.qualifications import QualificationCommands
from zhaocai.suppliers.related import RelatedQueries
from zhaocai.suppliers.rules import SupplierSettings
from zhaocai.suppliers.screening import ScreeningCommands
from zhaocai.suppliers.standing import StandingCommands
from zhaocai.suppliers.tables import SupplierRow

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

ContractCheck = Callable[[Session, str, str], None]
"""session, supplier id, contract id → None, or raises when the id names one of the platform's
contracts that is not signed or is another supplier's."""


def any_contract(session: Session, supplier_id: str, contract_id: str) -> None:
    """The check of a register that runs without tendering: contract ids are free strings."""


def require_may_read(actor: Actor, supplier_id: str) -> None:
    """The buyer's staff read any supplier; a supplier's user reads its own only."""
    if is_buyer_staff(actor) or (actor.supplier_id is not None and actor.supplier_id == supplier_id):
        return
    raise PermissionDenied(
        "permission.supplier_read",
        f"{actor.name} may not read supplier {supplier_id}: the buyer's staff read the register, "
        "a supplier's user its own entry",
        f"{actor.name} 无权查阅供应商 {supplier_id}：供应商库仅供招标人工作人员查阅，"
        "供应商用户仅可查阅本单位信息",
        {"actor": actor.id, "supplier_id": supplier_id})


class SupplierService(AdmissionCommands, QualificationCommands, StandingCommands, PerformanceCommands,
                      ImportCommands, RelatedQueries, ScreeningCommands):
    """The supplier register (供应商库): admission, standing, eligibility, performance."""

    def __init__(self, runner: CommandRunner, *, settings: SupplierSettings | None = None,
                 live_tenders: LiveTenders = no_live_tenders,
                 contract_check: ContractCheck = any_contract) -> None:
        self.platform = runner  # the mix-ins run their commands through `self.platform.run`
        # Without explicit settings the site-inspection threshold is read from the organisation's
        # policy in force at each command (`inspection_threshold`).
        self.follows_policy = settings is None
        self.settings = settings or SupplierSettings()
        self.live_tenders = live_tenders
        self._contract_check = contract_check

    @acting
    def get(self, actor: Actor, supplier_id: str) -> SupplierView:
        """One supplier as `actor` may see it: the buyer's staff see any, a supplier's user its
        own (`permission.supplier_read`); NotFoundError if there is none."""
        require_may_read(actor, supplier_id)
        with self.platform.session() as session:
            return view_of(session, load_supplier(session, supplier_id))

    @acting
    def by_reference(self, actor: Actor, external_ref: str) -> list[SupplierView]:
        """The suppliers registered with the ERP's reference `external_ref` (its vendor number),
        for the buyer's staff (`permission.supplier_read`)."""
        ref = check_external_ref(external_ref)
        if not is_buyer_staff(actor):
            raise PermissionDenied("permission.supplier_read",
                                   "Only the buyer's staff look suppliers up by their external reference",
                                   "仅招标人工作人员可按外部参考号查询供应商", {"actor": actor.id})
        with self.platform.session() as session:
            rows = session.exec(select(SupplierRow).where(col(SupplierRow.external_ref) == ref)
                                .order_by(col(SupplierRow.registered_at), col(SupplierRow.id))).all()
            return [view_of(session, row) for row in rows]

    @acting
    def imported(self, actor: Actor, batch_id: str) -> list[SupplierView]:
        """The suppliers a bulk import registered, in the rows' order: `batch_id` is the import
        report's `batch_id`, the subject id of its `SuppliersImported` event. For the buyer's
        staff (`permission.supplier_read`); an unknown batch holds no supplier."""
        if not is_buyer_staff(actor):
            raise PermissionDenied("permission.supplier_read",
                                   "Only the buyer's staff list the suppliers of an import",
                                   "仅招标人工作人员可查询一次批量导入的供应商", {"actor": actor.id})
        with self.platform.session() as session:
            rows = session.exec(select(SupplierRow).where(col(SupplierRow.import_batch) == batch_id)
                                .order_by(col(SupplierRow.import_row))).all()
            return [view_of(session, row) for row in rows]

    @guarded
    def eligibility(self, supplier_id: str, category: Category, amount: Decimal | str | int, *,
                    at: datetime | None = None) -> Eligibility:
        """Whether the supplier may take part in `category` for `amount` at `at` (default now)."""
        moment = self.platform.now() if at is None else at
        with self.platform.session() as session:
            return check_eligibility(session, supplier_id, category, to_decimal(amount), moment)

    @acting
    def record_performance(self, actor: Actor, event: PerformanceEventInput | Mapping[str, Any],
                           *, idempotency_key: str | None = None) -> PerformanceEventView:
        """Record a performance event of a supplier against a contract: the one way to feed the
        performance review. A contract id of this platform's must name a signed contract of
        that supplier (`contract.not_signed`, `contract.other_supplier`); another id (a contract
        made outside zhaocai) is taken as written.

        A serious violation (bribery, collusion, falsified documents) opens a blacklisting
        proposal at once; it takes effect only with its two approvals. With an
        `idempotency_key`, a retry must carry the same event.
        """
        data = parse(PerformanceEventInput, event)
        # Checked before the command: a signed contract stays signed (only a pending one is ever
        # voided) and never changes its supplier, so no later command can make this answer stale.
        with self.platform.session() as session:
            self._contract_check(session, data.supplier_id, data.contract_id)
        return super().record_performance(actor, data, idempotency_key=idempotency_key)
