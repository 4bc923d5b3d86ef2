"""Platform: opens the store, holds the clock, runs commands and exposes the services."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from zhaocai.actors import SYSTEM, Actor, Role, require_not_supplier, require_role
from zhaocai.audit import AuditLog
from zhaocai.clock import Clock, SystemClock, require_aware
from zhaocai.events import EventFeed
from zhaocai.holidays.service import HolidayService
from zhaocai.holidays.source import StoredSchedules
from zhaocai.idempotency import encode_result, lookup, request_digest
from zhaocai.store import UnitOfWork, make_engines
from zhaocai.store.schema import IdempotencyRow
from zhaocai.store.versioning import create_at_head, require_current, store_version
from zhaocai.workdays import WorkingCalendar

R = TypeVar("R")
TickJob = Callable[[UnitOfWork], int]


@dataclass
class TickReport:
    """What `Platform.tick()` did: changes per job, at which moment."""

    at: datetime
    changes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """All changes made by this tick."""
        return sum(self.changes.values())


class Platform:
    """One procurement platform over one store. Open it with `Platform.open(url, clock)`."""

    def __init__(self, url: str, clock: Clock, calendar: WorkingCalendar | None = None) -> None:
        self.url = url
        self.clock = clock
        self.engine, self.read_engine = make_engines(url)
        given = calendar or WorkingCalendar()
        # Years past the bundled calendar count by the schedules adopted in this store.
        self.calendar = WorkingCalendar(given.extra_holidays, given.extra_workdays,
                                        schedules=StoredSchedules(self.read_engine))
        self.audit = AuditLog(self.read_engine)
        self.events = EventFeed(self.read_engine)
        self._tick_jobs: list[tuple[str, TickJob]] = []
        self._install_services()

    @classmethod
    def open(
        cls,
        url: str = "sqlite:///zhaocai.db",
        clock: Clock | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Platform:
        """Open the store at `url` (a new empty one is created at the schema's head); time comes
        from `clock`. A store whose schema is older than the code is refused
        (`store.schema_outdated`: run `zhaocai db upgrade`), as is a newer one
        (`store.schema_newer`)."""
        platform = cls(url, clock or SystemClock(), calendar)
        try:
            with platform.read_engine.connect() as connection:
                version = store_version(connection)
            if version.empty:
                version = create_at_head(platform.engine, SQLModel.metadata)
            require_current(version, url)
        except BaseException:
            platform.close()
            raise
        platform._after_create()
        return platform

    def _install_services(self) -> None:
        """Attach the domain services. Later capabilities add theirs here."""
        from zhaocai.suppliers.service import SupplierService

        self.suppliers = SupplierService(self)
        from zhaocai.policy.service import PolicyService

        self.policy = PolicyService(self)
        from zhaocai.bidding.service import TenderService

        self.tenders = TenderService(self)
        from zhaocai.bidding.live import live_tenders

        self.suppliers.live_tenders = live_tenders  # no eliminating a bidder in flight
        self.on_tick("tenders.close", self.tenders.close_due)
        from zhaocai.bidding.evaluating import EvaluationService

        self.evaluation = EvaluationService(self)
        from zhaocai.bidding.single_source.service import SingleSourceService

        self.single_source = SingleSourceService(self)
        from zhaocai.integrity.service import IntegrityService

        self.integrity = IntegrityService(self)
        from zhaocai.publish.service import PublishService

        self.publish = PublishService(self)
        self.holidays = HolidayService(self)

    def _after_create(self) -> None:
        """One-time store initialisation after the tables exist."""

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

    def __enter__(self) -> Platform:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        """The platform's current moment (aware)."""
        return require_aware(self.clock.now(), "clock.now()")

    def run(
        self,
        actor: Actor,
        action: str,
        handler: Callable[[UnitOfWork], R],
        *,
        roles: Iterable[Role] | None,
        idempotency_key: str | None = None,
        request: Any = None,
    ) -> R:
        """Run one command as one transaction.

        The actor must hold one of `roles`. A command whose `roles` do not include the supplier
        role is a staff command (`roles=()`: the system's own work): a supplier's user is refused
        on it whatever other roles it holds (`permission.supplier_as_staff`). `roles=None` opens
        the command to everyone, with or without a role (a public objection). The handler checks,
        changes and records; if it raises, nothing is written. With an `idempotency_key`, a repeat
        by the same actor with the same `request` (the command's input, JSON-able; see
        `zhaocai.idempotency.request_digest`) returns the first result; the key reused with another
        request is a `ConflictError` (`idempotency.request_mismatch`) and changes nothing.
        """
        if roles is not None:
            allowed = frozenset(roles)
            require_role(actor, allowed, action)
            if Role.SUPPLIER not in allowed:
                require_not_supplier(actor, action)
        try:
            return self._run_once(actor, action, handler, idempotency_key, request)
        except IntegrityError:
            # Two processes raced on the same idempotency key: the winner's result stands, for
            # the same request only.
            if idempotency_key is None:
                raise
            with self.session() as session:
                found, result = lookup(session, idempotency_key, actor, action, request)
            if not found:
                raise
            return result

    def _run_once(
        self, actor: Actor, action: str, handler: Callable[[UnitOfWork], R], key: str | None,
        request: Any,
    ) -> R:
        with UnitOfWork(self.engine, actor, action, self.now()) as uow:
            if key is not None:
                found, previous = lookup(uow.session, key, actor, action, request)
                if found:
                    return previous
            result = handler(uow)
            if key is not None:
                uow.session.add(IdempotencyRow(
                    key=key, actor_id=actor.id, action=action, recorded_at=uow.now,
                    result=encode_result(result),
                    request_digest=request_digest(uow.session, action, request),
                ))
            return result

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (queries only; commands go through `run`)."""
        with Session(self.read_engine, expire_on_commit=False) as session:
            yield session

    def on_tick(self, name: str, job: TickJob) -> None:
        """Register time-driven work: `job(uow)` does what has fallen due, returns changes made."""
        self._tick_jobs.append((name, job))

    def tick(self) -> TickReport:
        """Run all time-driven work now due. Safe to call often and from several processes."""
        report = TickReport(at=self.now())
        for name, job in self._tick_jobs:
            report.changes[name] = self.run(SYSTEM, f"tick.{name}", job, roles=())
        return report
