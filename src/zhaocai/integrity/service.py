"""IntegrityService (`platform.integrity`): red flags and integrity reports over the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from zhaocai.clock import require_aware
from zhaocai.errors import NotFoundError, ValidationError
from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.flags import compute_flags
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, FlagSettings
from zhaocai.integrity.report import PeriodReport, TenderReport, period_report, tender_report
from zhaocai.integrity.store_facts import load_facts
from zhaocai.suppliers.live_guard import live_standing_requests
from zhaocai.suppliers.standing import request_view

if TYPE_CHECKING:
    from zhaocai.platform import Platform


class IntegrityService:
    """Red flags computed over the whole procurement history in the store, and their reports.

    The flags are computed over every published tender (several flags compare a tender with the
    rest of the history), then narrowed to what was asked. Reports are for auditors and
    supervisors (纪检、审计): their evidence names shared values; the public database shows the
    same flags with private values withheld.
    """

    def __init__(self, platform: Platform, settings: FlagSettings = DEFAULT_SETTINGS) -> None:
        self._platform = platform
        self.settings = settings

    def facts(self, tender_ids: Sequence[str] | None = None
              ) -> tuple[list[TenderFacts], dict[str, SupplierFacts]]:
        """The plain facts of the published tenders (all, or `tender_ids`) and of their bidders."""
        with self._platform.session() as session:
            return load_facts(session, tender_ids)

    def _history(self) -> tuple[list[TenderFacts], list[Flag]]:
        tenders, suppliers = self.facts()
        return tenders, compute_flags(tenders, suppliers, self.settings)

    def flags(self, tender_id: str | None = None,
              period: tuple[datetime, datetime] | None = None) -> list[Flag]:
        """Every flag; or those of one tender (its own, its bidders', its buyer's); or of a period.

        `period` is `(start, end)`: the tender flags of tenders published in [start, end) and
        every supplier and buyer flag.
        """
        tenders, flags = self._history()
        if tender_id is not None:
            report = tender_report(self._find(tenders, tender_id), flags)
            return [*report.flags, *report.bidder_flags, *report.buyer_flags]
        if period is not None:
            start, end = self._period(*period)
            found = period_report(tenders, flags, start, end)
            return [*found.tender_flags, *found.other_flags]
        return flags

    def report(self, tender_id: str) -> TenderReport:
        """The integrity report of one tender (`to_text()`, `to_dict()`), with the standing
        changes asked of its bidders while it was live."""
        tenders, flags = self._history()
        report = tender_report(self._find(tenders, tender_id), flags)
        with self._platform.session() as session:
            asked = tuple(request_view(r) for r in live_standing_requests(session, tender_id))
        return replace(report, live_bidder_standing=asked)

    def period_report(self, start: datetime, end: datetime) -> PeriodReport:
        """The integrity report of the tenders published in [start, end)."""
        start, end = self._period(start, end)
        tenders, flags = self._history()
        return period_report(tenders, flags, start, end)

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
