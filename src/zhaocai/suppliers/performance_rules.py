"""Pure rules of recording performance and closing a period: plain values in, coded error out.

The scoring itself (deductions, totals, grade bands, consequences) is in `rules.py`.
"""

from __future__ import annotations

from datetime import datetime

from zhaocai.errors import ConflictError, RuleViolation, ValidationError
from zhaocai.suppliers.rules import PeriodKind, period_bounds


def period_of(kind: PeriodKind, label: str) -> tuple[datetime, datetime]:
    """[start, end) of a period named like `2026-03` or `2026-Q1`, or a coded refusal."""
    try:
        return period_bounds(kind, label)
    except ValueError as exc:
        raise ValidationError("supplier.performance.period", str(exc), f"考核期无效：{label}",
                              {"label": label}) from None


def require_past(occurred_at: datetime, now: datetime) -> None:
    """A performance event has happened: it does not lie in the future."""
    if occurred_at > now:
        raise ValidationError("supplier.performance.future",
                              "A performance event cannot lie in the future",
                              "履约事件不能发生在未来", {"occurred_at": occurred_at.isoformat()})


def require_open_period(closed: str | None) -> None:
    """An event is recorded only in a period not yet closed (`closed`: the closed period it
    falls in, if any): a closed period's scorecards are final."""
    if closed is not None:
        raise RuleViolation("supplier.performance.period_closed",
                            f"Period {closed} is closed; its scorecards are final",
                            f"考核期 {closed} 已关闭，评分已定", {"period_id": closed})


def require_period_over(period_id: str, end: datetime, now: datetime) -> None:
    """A period closes once it has ended."""
    if end > now:
        raise RuleViolation("supplier.performance.period_open",
                            f"Period {period_id} ends at {end.isoformat()}; it cannot close yet",
                            f"考核期 {period_id} 尚未结束", {"period_id": period_id})


def require_unclosed(period_id: str, closed: object) -> None:
    """A period closes once (`closed`: its stored closing, if any)."""
    if closed is not None:
        raise ConflictError("supplier.performance.closed", f"Period {period_id} is already closed",
                            f"考核期 {period_id} 已关闭", {"period_id": period_id})
