"""The command runner: one transaction per command, read sessions, and the system's own work.

Internal. `Platform.open` builds one and hands it to every service; the services run their
handlers through it. Calling code uses the services (`platform.suppliers`, `.tenders`, ...);
the library's own tests reach the runner as `platform.internal`.

The system (`SYSTEM`) acts only through jobs registered here when the platform is composed
(the tick jobs and the platform's keys): `run` refuses the system's actor and a command that
names no role, so no caller can run a handler of its own as the system.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from zhaocai.acting import require_who
from zhaocai.actors import SYSTEM, Actor, Role, require_not_supplier, require_role
from zhaocai.audit import AuditLog
from zhaocai.clock import Clock, require_aware
from zhaocai.errors import PermissionDenied
from zhaocai.idempotency import check_key, encode_result, lookup, request_digest, take_pending
from zhaocai.keys import KeyProvider, MissingKeys
from zhaocai.people.pledges import require_pledge_for
from zhaocai.people.records import resolve_in, resolve_person
from zhaocai.store import UnitOfWork, make_engines
from zhaocai.store.schema import IdempotencyRow

R = TypeVar("R")
TickJob = Callable[[UnitOfWork], int]
SystemJob = Callable[[UnitOfWork], Any]


@dataclass
class TickReport:
    """What `Platform.tick()` did: changes per job, at which moment."""

    at: datetime
    changes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """All changes made by this tick."""
        return sum(self.changes.values())


class CommandRunner:
    """Runs commands as transactions over one store, at the moments of one clock (internal)."""

    def __init__(self, url: str, clock: Clock, keys: KeyProvider | None = None) -> None:
        self.url = url
        self.clock = clock
        # The platform's key provider (`zhaocai.keys`): the services sign and hash through it;
        # `Platform.open` sets it once it has checked the store.
        self.keys: KeyProvider = keys or MissingKeys(["none given to the command runner"],
                                                     "Pass keys= to Platform.open.")
        self.engine, self.read_engine = make_engines(url)
        self.audit = AuditLog(self.read_engine)
        self._system_jobs: dict[str, SystemJob] = {}
        self._tick_jobs: list[tuple[str, TickJob]] = []

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

    def now(self) -> datetime:
        """The current moment (aware)."""
        return require_aware(self.clock.now(), "clock.now()")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (queries only; commands go through `run`)."""
        with Session(self.read_engine, expire_on_commit=False) as session:
            yield session

    def resolve(self, who: Actor | str) -> Actor:
        """The register's actor behind `who` (a person id or an `Actor`) at the current moment
        (`person.unknown`, `person.role_not_granted`, `person.supplier_mismatch`). The system's
        id resolves to an actor without any role: `run` refuses it (`permission.system_actor`)
        and no read is open to it."""
        require_who(who)
        if (who if isinstance(who, str) else who.id) == SYSTEM.id:
            return Actor(id=SYSTEM.id, name=SYSTEM.name, organisation=SYSTEM.organisation)
        with self.session() as session:
            return resolve_in(session, who, self.now())

    def run(
        self,
        actor: Actor | str,
        action: str,
        handler: Callable[[UnitOfWork], R],
        *,
        roles: Iterable[Role] | None,
        idempotency_key: str | None = None,
        request: Any = None,
        received_at: datetime | None = None,
        tender_id: str | None = None,
    ) -> R:
        """Run one command as one transaction.

        `actor` is a person id or an `Actor`: it is resolved against the people register inside
        the command's transaction, at the command's moment, and the handler's `uow.actor` is the
        register's actor (`person.unknown`, `person.role_not_granted`, `person.supplier_mismatch`).
        The actor must hold one of `roles`, which may not be empty. A command whose `roles` do
        not include the supplier role is a staff command: a supplier's user is refused on it
        whatever other roles it holds (`permission.supplier_as_staff`). `roles=None` opens the
        command to everyone, with or without a role (a public objection). The system's actor is
        refused here (`permission.system_actor`): the system acts only through the jobs the
        platform registers (`run_system`). The handler checks, changes and records; if it raises,
        nothing is written. With an `idempotency_key`, a repeat by the same actor with the same
        `request` (the command's input, JSON-able; see `zhaocai.idempotency.request_digest`)
        returns the first result; the key reused with another request is a `ConflictError`
        (`idempotency.request_mismatch`) and changes nothing. Without an `idempotency_key`, the
        key a caller gave the `@acting` command being run is used, with its arguments as the
        request (`zhaocai.idempotency.pending`).

        `received_at` is when the request reached the platform, read by the service before
        any lock (`uow.received_at`; a bid's deadline is judged by it). `tender_id` scopes the
        command to one tender: on PostgreSQL it then runs beside commands on other tenders
        (see `zhaocai.store.unit_of_work`). The command's own moment, `uow.now`, is read once
        its locks are held, and the actor is resolved at that moment. A procurement act by
        someone without an integrity pledge in force at that moment is refused
        (`pledge.missing`, `pledge.expired`; see `zhaocai.people.pledges`).
        """
        require_who(actor)
        actor_id = actor if isinstance(actor, str) else actor.id
        if idempotency_key is not None:
            check_key(idempotency_key)
        else:
            waiting = take_pending()
            if waiting is not None:
                idempotency_key, request = waiting.key, waiting.request
        if actor_id == SYSTEM.id:
            raise PermissionDenied(
                "permission.system_actor",
                f"The system's actor ({SYSTEM.id}) runs only the platform's own jobs, not {action}",
                f"系统账户仅执行平台自身的定时任务，不得执行 {action}",
                {"actor": actor_id, "action": action})
        allowed = None if roles is None else frozenset(roles)
        if allowed is not None and not allowed:
            raise PermissionDenied(
                "permission.no_role", f"{action} names no role that may run it",
                f"{action} 未指定可执行的角色，任何人不得执行", {"actor": actor_id, "action": action})

        def resolved(uow: UnitOfWork) -> Actor:
            who, person = resolve_person(uow.session, actor, uow.now)
            if allowed is not None:
                require_role(who, allowed, action)
                if Role.SUPPLIER not in allowed:
                    require_not_supplier(who, action)
            # A procurement act needs an integrity pledge in force now (`zhaocai.people.pledges`).
            require_pledge_for(uow.session, person, action, uow.now)
            return who

        return self._run_racing(actor_id, action, handler, idempotency_key, request, resolved,
                                received_at=received_at, tender_id=tender_id)

    def run_founding(self, action: str, handler: Callable[[UnitOfWork], R]) -> R:
        """The one command nobody can be resolved for: founding an empty people register. Run as
        the system; the handler itself refuses a register that has anybody."""
        return self._run_racing(SYSTEM.id, action, handler, None, None, lambda uow: SYSTEM)

    def _run_racing(self, actor_id: str, action: str, handler: Callable[[UnitOfWork], R],
                    key: str | None, request: Any, resolve: Callable[[UnitOfWork], Actor], *,
                    received_at: datetime | None = None, tender_id: str | None = None) -> R:
        try:
            return self._run_once(action, handler, key, request, resolve, received_at, tender_id)
        except IntegrityError:
            # Two processes raced on the same idempotency key: the winner's result stands, for
            # the same request only.
            if key is None:
                raise
            with self.session() as session:
                found, result = lookup(session, key, actor_id, action, request)
            if not found:
                raise
            return result

    def _run_once(
        self, action: str, handler: Callable[[UnitOfWork], R], key: str | None,
        request: Any, resolve: Callable[[UnitOfWork], Actor], received_at: datetime | None = None,
        tender_id: str | None = None,
    ) -> R:
        with UnitOfWork(self.engine, SYSTEM, action, self.now, received_at=received_at,
                        tender_id=tender_id) as uow:
            # Who acts is the register's answer inside this transaction, at this moment.
            uow.actor = resolve(uow)
            actor = uow.actor
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

    # -- the system's own work -------------------------------------------------------------------

    def system_job(self, action: str, job: SystemJob) -> None:
        """Register work the system does when a service needs it (such as creating a key)."""
        self._system_jobs[action] = job

    def on_tick(self, name: str, job: TickJob) -> None:
        """Register time-driven work: `job(uow)` does what has fallen due, returns changes made."""
        self._tick_jobs.append((name, job))
        self.system_job(f"tick.{name}", job)

    def run_system(self, action: str) -> Any:
        """Run a registered system job as `SYSTEM`, in one transaction (KeyError if unknown)."""
        return self._run_racing(SYSTEM.id, action, self._system_jobs[action], None, None,
                                lambda uow: SYSTEM)

    def tick(self) -> TickReport:
        """Run all time-driven work now due. Safe to call often and from several processes."""
        report = TickReport(at=self.now())
        for name, _job in self._tick_jobs:
            report.changes[name] = self.run_system(f"tick.{name}")
        return report
