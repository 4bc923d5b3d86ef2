"""Injected time. The domain never reads the system clock: it asks a `Clock`.

All datetimes are timezone-aware and stored in UTC; people see Asia/Shanghai time.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from zhaocai.errors import ValidationError
from zhaocai.problems import label_zh

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    """Anything that tells the current time as an aware datetime."""

    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...


def require_aware(moment: datetime, field: str = "datetime") -> datetime:
    """Refuse naive datetimes: a deadline without a zone is ambiguous by eight hours."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValidationError(
            "time.naive",
            f"{field} must be timezone-aware (got {moment.isoformat()})",
            f"{label_zh(field)}必须带时区（收到 {moment.isoformat()}）",
            {"field": field},
        )
    return moment.astimezone(UTC)


class SystemClock:
    """The real clock, for production."""

    def now(self) -> datetime:
        """The current moment in UTC."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to: for tests, the demo and simulations."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = require_aware(start or datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI), "start")
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The clock's current moment."""
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        """Jump to `moment` (forwards or backwards)."""
        with self._lock:
            self._now = require_aware(moment, "moment")

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forwards by `delta` (or by keyword parts: days=, hours=, ...)."""
        step = delta if delta is not None else timedelta(**kwargs)
        if step < timedelta(0):
            raise ValidationError(
                "time.backwards", "advance() only moves forwards", "advance() 只能向前推进"
            )
        with self._lock:
            self._now = self._now + step
            return self._now


def local(moment: datetime) -> datetime:
    """A moment as people in the organisation see it (Asia/Shanghai)."""
    return require_aware(moment).astimezone(SHANGHAI)


def as_utc(moment: datetime) -> datetime:
    """Normalise to UTC; datetimes read back from SQLite come naive and mean UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def ago(moment: datetime, **kwargs: float) -> datetime:
    """`moment` minus the given parts; a small helper for readable rules."""
    return moment - timedelta(**kwargs)
