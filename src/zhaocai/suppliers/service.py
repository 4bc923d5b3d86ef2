"""The supplier register's service: `platform.suppliers`.

Commands are grouped by concern in mix-ins (admission, qualifications, standing, performance,
import, related parties); this class joins them, answers eligibility and registers the tick jobs.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from zhaocai.categories import Category
from zhaocai.money import to_decimal
from zhaocai.suppliers.admission import AdmissionCommands
from zhaocai.suppliers.common import load_supplier, view_of
from zhaocai.suppliers.eligibility import check_eligibility
from zhaocai.suppliers.importing import ImportCommands
from zhaocai.suppliers.live_guard import no_live_tenders
from zhaocai.suppliers.models import Eligibility, SupplierView
from zhaocai.suppliers.performance import PerformanceCommands
from zhaocai.suppliers.qualifications import QualificationCommands
from zhaocai.suppliers.related import RelatedQueries
from zhaocai.suppliers.rules import SupplierSettings
from zhaocai.suppliers.screening import ScreeningCommands
from zhaocai.suppliers.standing import StandingCommands
from zhaocai.suppliers.ticks import end_bans, lapse_expired_categories

if TYPE_CHECKING:
    from zhaocai.platform import Platform


class SupplierService(AdmissionCommands, QualificationCommands, StandingCommands, PerformanceCommands,
                      ImportCommands, RelatedQueries, ScreeningCommands):
    """The supplier register (供应商库): admission, standing, eligibility, performance."""

    def __init__(self, platform: Platform, settings: SupplierSettings | None = None) -> None:
        self.platform = platform
        # Without explicit settings the site-inspection threshold is read from the organisation's
        # policy in force at each command (`inspection_threshold`).
        self.follows_policy = settings is None
        self.settings = settings or SupplierSettings()
        self.live_tenders = no_live_tenders  # `Platform` hands bidding's query once tendering is installed
        platform.on_tick("suppliers.qualifications", lapse_expired_categories)
        platform.on_tick("suppliers.bans", end_bans)

    def get(self, supplier_id: str) -> SupplierView:
        """One supplier, or NotFoundError."""
        with self.platform.session() as session:
            return view_of(session, load_supplier(session, supplier_id))

    def eligibility(self, supplier_id: str, category: Category, amount: Decimal | str | int,
                    at: datetime | None = None) -> Eligibility:
        """Whether the supplier may take part in `category` for `amount` at `at` (default now)."""
        moment = self.platform.now() if at is None else at
        with self.platform.session() as session:
            return check_eligibility(session, supplier_id, category, to_decimal(amount), moment)
