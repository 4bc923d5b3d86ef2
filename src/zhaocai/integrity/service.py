"""IntegrityService (`platform.integrity`): red flags and integrity reports over the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from zhaocai.acting import acting
from zhaocai.actors import Actor, require_not_supplier, require_role
from zhaocai.clock import require_aware
from zhaocai.errors import NotFoundError, ValidationError
from zhaocai.integrity.case_service import CASE_ROLES, CaseCommands
from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.flags import compute_flags
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, FlagSettings
from zhaocai.integrity.ocds_read import Source
from zhaocai.integrity.report import PeriodReport, TenderReport, period_report, tender_report
from zhaocai.integrity.risk import Risk, WorkItem, supplier_risks, tender_risks, tender_winners, worklist
from zhaocai.integrity.screening import ScreenResult, screen
from zhaocai.integrity.store_facts import load_facts
from zhaocai.suppliers.live_guard import live_standing_requests
from zhaocai.suppliers.standing import request_view

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


def require_reader(actor: Actor, action: str) -> None:
    """Integrity reads are for auditors and supervisors (纪检、审计): their evidence names shared
    values (`permission.role`; a supplier's user never, `permission.supplier_as_staff`)."""
    require_role(actor, CASE_ROLES, action)
    require_not_supplier(actor, action)


class IntegrityService:
    """Red flags computed over the whole procurement history in the store, and their reports.

    The flags are computed over every published tender (several flags compare a tender with the
    rest of the history), then narrowed to what was asked. Reports are for auditors and
    supervisors (纪检、审计): their evidence names shared values; the public database shows the
    same flags with private values withheld.
    """

    def __init__(self, runner: CommandRunner, *, settings: FlagSettings = DEFAULT_SETTINGS) -> None:
        self._runner = runner
        self._settings = settings
        self.cases = CaseCommands(runner, lambda: self._history()[1])

    @property
    def settings(self) -> FlagSettings:
        """The red flags' thresholds (`Platform.open(..., flag_settings=...)`)."""
        return self._settings

    @acting
    def facts(self, actor: Actor, *, tender_ids: Sequence[str] | None = None
              ) -> tuple[list[TenderFacts], dict[str, SupplierFacts]]:
        """The plain facts of the published tenders (all, or `tender_ids`) and of their bidders
        (auditors and supervisors)."""
        require_reader(actor, "integrity.facts")
        return self._facts(tender_ids)

    def _facts(self, tender_ids: Sequence[str] | None = None
               ) -> tuple[list[TenderFacts], dict[str, SupplierFacts]]:
        with self._runner.session() as session:
            return load_facts(session, tender_ids)

    def _history(self) -> tuple[list[TenderFacts], list[Flag]]:
        tenders, suppliers = self._facts()
        return tenders, compute_flags(tenders, suppliers, self.settings)

    def flags_for_publication(self) -> list[Flag]:
        """Every flag, for the publisher of the public database (which withholds their private
        values); not a read for people: they read `flags` as auditors or supervisors."""
        return self._history()[1]

    @acting
    def flags(self, actor: Actor, *, tender_id: str | None = None,
              period: tuple[datetime, datetime] | None = None) -> list[Flag]:
        """Every flag; or those of one tender (its own, its bidders', its buyer's); or of a period
        (auditors and supervisors).

        `period` is `(start, end)`: the tender flags of tenders published in [start, end) and
        every supplier and buyer flag.
        """
        require_reader(actor, "integrity.flags")
        tenders, flags = self._history()
        if tender_id is not None:
            report = tender_report(self._find(tenders, tender_id), flags)
            return [*report.flags, *report.bidder_flags, *report.buyer_flags]
        if period is not None:
            start, end = self._period(*period)
            found = period_report(tenders, flags, start, end)
            return [*found.tender_flags, *found.other_flags]
        return flags

    @acting
    def worklist(self, actor: Actor, *, limit: int = 20) -> list[WorkItem]:
        """The ranked worklist (auditors and supervisors): flagged tenders and suppliers, highest
        risk first, then most money (see `zhaocai.integrity.risk`)."""
        require_reader(actor, "integrity.worklist")
        if limit < 1:
            raise ValidationError("integrity.worklist.limit", "The limit must be at least 1",
                                  "条数上限至少为 1", {"limit": limit})
        tenders, flags = self._history()
        return worklist(flags, tenders, limit)

    @acting
    def risks(self, actor: Actor) -> tuple[dict[str, Risk], dict[str, Risk]]:
        """The risk of every flagged tender and supplier: (by tender id, by supplier id)
        (auditors and supervisors)."""
        require_reader(actor, "integrity.risks")
        tenders, flags = self._history()
        winners = tender_winners(tenders)
        return tender_risks(flags), supplier_risks(flags, winners)

    @acting
    def report(self, actor: Actor, tender_id: str) -> TenderReport:
        """The integrity report of one tender (`to_text()`, `to_dict()`), with the standing
        changes asked of its bidders while it was live (auditors and supervisors)."""
        require_reader(actor, "integrity.report")
        tenders, flags = self._history()
        report = tender_report(self._find(tenders, tender_id), flags)
        with self._runner.session() as session:
            asked = tuple(request_view(r) for r in live_standing_requests(session, tender_id))
        return replace(report, live_bidder_standing=asked)

    @acting
    def period_report(self, actor: Actor, start: datetime, end: datetime) -> PeriodReport:
        """The integrity report of the tenders published in [start, end) (auditors and
        supervisors)."""
        require_reader(actor, "integrity.period_report")
        start, end = self._period(start, end)
        tenders, flags = self._history()
        return period_report(tenders, flags, start, end, self.cases._feedback())

    def screen_ocds(self, source: Source, *, settings: FlagSettings | None = None,
                    cardinal: bool = False, timezone: str | None = None) -> ScreenResult:
        """Red flags over another system's OCDS data (a file of compiled releases, JSON Lines, or
        a release or record package): nothing is read from or written to the store.

        Bad lines are reported in `result.imported.issues`, not raised; refused only when the
        file itself cannot be read (`integrity.ocds.not_found`, `.encoding`, `.unreadable`).
        Settings: those given, else Cardinal's (`cardinal=True`), else this service's.
        """
        chosen = settings if settings is not None else None if cardinal else self.settings
        return screen(source, chosen, cardinal=cardinal, timezone=timezone)

    @staticmethod
    def _find(tenders: list[TenderFacts], tender_id: str) -> TenderFacts:
        for tender in tenders:
            if tender.id == tender_id:
                return tender
        raise NotFoundError("integrity.tender_not_found", f"No published tender {tender_id!r}",
                            f"没有已发布的招标项目 {tender_id!r}", {"tender_id": tender_id})

    @staticmethod
    def _period(start: datetime, end: datetime) -> tuple[datetime, datetime]:
        start, end = require_aware(start, "start"), require_aware(end, "end")
        if end <= start:
            raise ValidationError("integrity.period", "The period must end after it starts",
                                  "统计期间的结束时间须晚于开始时间",
                                  {"start": start.isoformat(), "end": end.isoformat()})
        return start, end
