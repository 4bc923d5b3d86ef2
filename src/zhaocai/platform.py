"""Platform: the composition root. Opens the store, takes every setting, builds the services.

`Platform.open` is the one place where zhaocai is put together: each service is constructed
here with exactly what it needs (the command runner, the calendar, its settings, the few
queries it borrows from another part), and every time-driven job is registered here. No
service holds the platform or reaches into another service.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from zhaocai.acting import Who
from zhaocai.actors import Role, is_supplier_user
from zhaocai.audit import AuditEvent, AuditLog
from zhaocai.bidding import submission
from zhaocai.bidding.evaluating.service import EvaluationService, committee_member_may_read, contract_check
from zhaocai.bidding.evaluating.ticks import end_publicity, lapse_contracts
from zhaocai.bidding.lifecycle import close_due_tenders
from zhaocai.bidding.live import live_tenders
from zhaocai.bidding.service import RECEIPT_KEY_JOB, TenderService
from zhaocai.bidding.single_source.rules import DEFAULT_POLICY as DEFAULT_SINGLE_SOURCE_POLICY
from zhaocai.bidding.single_source.rules import SingleSourcePolicy
from zhaocai.bidding.single_source.service import SingleSourceService
from zhaocai.clock import Clock, SystemClock
from zhaocai.errors import PermissionDenied, parse
from zhaocai.events import EventFeed
from zhaocai.holidays.service import HolidayService
from zhaocai.holidays.source import StoredSchedules
from zhaocai.integrity.model import DEFAULT_SETTINGS as DEFAULT_FLAG_SETTINGS
from zhaocai.integrity.model import FlagSettings
from zhaocai.integrity.service import IntegrityService
from zhaocai.keys import KeyProvider, MissingKeys, default_keys
from zhaocai.keys.registry import check_identity_key, current_receipt_key_hex, keys_used, require_no_secrets
from zhaocai.people.service import PeopleService
from zhaocai.policy.service import PolicyService
from zhaocai.publish.service import PublishService
from zhaocai.publish.settings import PublishSettings
from zhaocai.runner import CommandRunner, TickReport
from zhaocai.store.versioning import create_at_head, require_current, store_version
from zhaocai.suppliers.rules import SupplierSettings
from zhaocai.suppliers.service import SupplierService
from zhaocai.suppliers.ticks import end_bans, lapse_expired_categories
from zhaocai.verification import CHECKERS
from zhaocai.workdays import WorkingCalendar

__all__ = ["Platform", "TickReport"]


def _current_store(url: str, clock: Clock) -> CommandRunner:
    """A runner over the store at `url`: a new empty store is created at the schema's head, one
    at another version is refused (and its connections released)."""
    runner = CommandRunner(url, clock)
    try:
        with runner.read_engine.connect() as connection:
            version = store_version(connection)
        if version.empty:
            version = create_at_head(runner.engine, SQLModel.metadata)
        require_current(version, url)
    except BaseException:
        runner.close()
        raise
    return runner


def export_command(url: str) -> str:
    """The command that moves an older store's private keys to a key file."""
    return f"zhaocai keys export --db {make_url(url).render_as_string(hide_password=True)} --key-file PATH"


def _checked_keys(runner: CommandRunner, keys: KeyProvider | None) -> tuple[KeyProvider, bool]:
    """The platform's key provider (`keys`, or `default_keys`), checked against the store: a
    store still holding a private key is refused (`keys.in_store`), as is an identity key that
    is not the store's (`keys.identity_mismatch`). Also whether the provider's receipt key is
    new to a store that has one already (a rotation, registered once the platform is built)."""
    with runner.read_engine.connect() as connection:
        require_no_secrets(connection, export_command(runner.url))
        provider = keys or default_keys(runner.url, may_create=not keys_used(connection))
        if isinstance(provider, MissingKeys):
            return provider, False
        check_identity_key(connection, provider)
        current = current_receipt_key_hex(connection)
    return provider, current is not None and current != provider.receipt_public_key().hex()


class Platform:
    """One procurement platform over one store. Open it with `Platform.open(url, clock, ...)`.

    The services are attributes: `people` (who may act), `suppliers`, `policy`, `tenders`, `evaluation`,
    `single_source`, `integrity`, `publish`, `holidays`; `audit` verifies the chain and `events` reads the
    outbox. `internal` is the command runner the services share: for the library's own tests,
    not for calling code.
    """

    def __init__(self, runner: CommandRunner, calendar: WorkingCalendar, *, suppliers: SupplierService,
                 policy: PolicyService, tenders: TenderService, evaluation: EvaluationService,
                 single_source: SingleSourceService, integrity: IntegrityService,
                 publish: PublishService, holidays: HolidayService, people: PeopleService) -> None:
        # Built by `open`; see there.
        self.internal = runner
        self.calendar = calendar
        self.people = people
        self.suppliers = suppliers
        self.policy = policy
        self.tenders = tenders
        self.evaluation = evaluation
        self.single_source = single_source
        self.integrity = integrity
        self.publish = publish
        self.holidays = holidays
        self.events = EventFeed(runner.read_engine)

    @classmethod
    def open(
        cls,
        url: str = "sqlite:///zhaocai.db",
        clock: Clock | None = None,
        *,
        calendar: WorkingCalendar | None = None,
        supplier_settings: SupplierSettings | Mapping[str, Any] | None = None,
        flag_settings: FlagSettings | Mapping[str, Any] = DEFAULT_FLAG_SETTINGS,
        publish_settings: PublishSettings | Mapping[str, Any] | None = None,
        single_source_policy: SingleSourcePolicy | Mapping[str, Any] = DEFAULT_SINGLE_SOURCE_POLICY,
        keys: KeyProvider | None = None,
    ) -> Platform:
        """Open the store at `url` (a new empty one is created at the schema's head); time comes
        from `clock` (default: the system clock). A store whose schema is older than the code is
        refused (`store.schema_outdated`: run `zhaocai db upgrade`), as is a newer one
        (`store.schema_newer`).

        Every setting of the process is given here, and only here:

        - `calendar`: the organisation's own holidays and working days (`WorkingCalendar`), which
          win over the official schedule; years past the bundled one count by the schedules
          adopted in the store (`platform.holidays`);
        - `supplier_settings`: the register's numbers (`SupplierSettings`: inspectors, ban days,
          scorecard weights and grades). Without them the defaults apply and the site-inspection
          threshold follows the organisation's policy in force; given, their threshold is used;
        - `flag_settings`: the integrity red flags' thresholds (`FlagSettings`);
        - `publish_settings`: the OCDS publisher, ocid prefix and identifiers (`PublishSettings`;
          a bad prefix is `publish.ocid_prefix`);
        - `single_source_policy`: the organisation's single-source numbers, frozen on each
          procurement when drafted (a value laxer than its floor is `validation.input`).

        - `keys`: the platform's key provider (`zhaocai.keys.KeyProvider`): the receipt-signing
          key and the identity-hash key, which are never written to the store. Without it,
          `zhaocai.keys.default_keys` decides: the key file named by `ZHAOCAI_KEY_FILE`, else
          the keys in `ZHAOCAI_SIGNING_KEY`/`ZHAOCAI_IDENTITY_KEY`, else, for a SQLite file, the
          key file beside it (`zhaocai.db.keys`); a key file is created (mode 0600) only for a
          store that has never used a key. With no key found the platform still opens (the audit
          chain, the public receipt keys and receipt verification need no secret) and each
          command that must sign or hash is refused with `keys.missing`. A store that still holds
          a private key (made before 0.2) is refused (`keys.in_store`: run `zhaocai keys export`),
          as is a provider whose identity key is not the store's (`keys.identity_mismatch`). A
          provider whose receipt key is new to the store is a rotation: its public half is
          registered now, and receipts signed before still verify (docs/keys.md).

        The legal numbers of tendering (`RulesProfile`) are not a setting of the process: they
        are the organisation's policy, kept in the store so that every process applies the same
        numbers, and changed only by an approved proposal (`platform.policy`).
        """
        suppliers_config = None if supplier_settings is None else parse(SupplierSettings, supplier_settings)
        flags_config = parse(FlagSettings, flag_settings)
        publish_config = PublishSettings.of(publish_settings)
        single_source_config = parse(SingleSourcePolicy, single_source_policy)
        runner = _current_store(url, clock or SystemClock())
        try:
            runner.keys, rotated = _checked_keys(runner, keys)
        except BaseException:
            runner.close()
            raise
        given = calendar or WorkingCalendar()
        # Years past the bundled calendar count by the schedules adopted in this store.
        counted = WorkingCalendar(given.extra_holidays, given.extra_workdays,
                                  schedules=StoredSchedules(runner.read_engine))
        platform = cls._compose(runner, counted, suppliers_config, flags_config,
                                publish_config, single_source_config)
        if rotated:  # registered now, not at a first bid: its moment must not betray a bid
            try:
                runner.run_system(RECEIPT_KEY_JOB)
            except BaseException:
                platform.close()
                raise
        return platform

    @classmethod
    def _compose(cls, runner: CommandRunner, calendar: WorkingCalendar,
                 supplier_settings: SupplierSettings | None, flag_settings: FlagSettings,
                 publish_settings: PublishSettings, single_source_policy: SingleSourcePolicy) -> Platform:
        """Build the services and register the system's jobs (the order of the ticks is the
        order they run in)."""
        runner.audit = AuditLog(runner.read_engine, checkers=CHECKERS)  # deep verification's checks
        suppliers = SupplierService(runner, settings=supplier_settings, live_tenders=live_tenders,
                                    contract_check=contract_check)
        policy = PolicyService(runner)
        tenders = TenderService(runner, bid_read_guards=(committee_member_may_read,),
                                receipt_key_job=RECEIPT_KEY_JOB)
        evaluation = EvaluationService(runner, calendar, tenders=tenders)
        integrity = IntegrityService(runner, settings=flag_settings)
        single_source = SingleSourceService(runner, calendar, policy=single_source_policy,
                                            publish_settings=publish_settings)
        publish = PublishService(runner, settings=publish_settings, flags=integrity.flags_for_publication)

        runner.system_job(RECEIPT_KEY_JOB, submission.receipt_key_job(runner.keys))
        runner.on_tick("suppliers.qualifications", lapse_expired_categories)
        runner.on_tick("suppliers.bans", end_bans)
        runner.on_tick("tenders.close", close_due_tenders)
        runner.on_tick("evaluation.publicity", end_publicity)
        runner.on_tick("evaluation.contracts", lapse_contracts)
        return cls(runner, calendar, suppliers=suppliers, policy=policy, tenders=tenders,
                   evaluation=evaluation, single_source=single_source, integrity=integrity,
                   publish=publish, holidays=HolidayService(runner), people=PeopleService(runner))

    @property
    def url(self) -> str:
        """The store's URL."""
        return self.internal.url

    @property
    def keys(self) -> KeyProvider:
        """The platform's key provider (`keys.where` says where its keys are)."""
        return self.internal.keys

    @property
    def clock(self) -> Clock:
        """The clock every command takes its moment from."""
        return self.internal.clock

    @property
    def audit(self) -> AuditLog:
        """The audit chain (`verify`, `head`, `events`): the operator's access to the store's
        chain. People read the trail through `audit_trail`."""
        return self.internal.audit

    def audit_trail(self, actor: Who, subject_type: str | None = None,
                    subject_id: str | None = None) -> list[AuditEvent]:
        """The audit trail as `actor` may read it: auditors and supervisors all of it (or one
        subject's); a supplier's user only its own supplier's entries; anyone else nothing
        (`permission.audit_read`)."""
        who = self.internal.resolve(actor)
        if who.has(Role.AUDITOR, Role.SUPERVISOR) and not is_supplier_user(who):
            return self.audit.events(subject_type, subject_id)
        own = who.supplier_id
        if own is not None and subject_type == "supplier" and subject_id == own:
            return self.audit.events(subject_type, subject_id)
        raise PermissionDenied(
            "permission.audit_read",
            f"{who.name} may not read this audit trail: auditors and supervisors read it, a "
            "supplier's user only its own supplier's entries",
            f"{who.name} 无权查阅该审计记录：审计记录仅供审计、纪检监督人员查阅，"
            "供应商用户仅可查阅本单位记录",
            {"actor": who.id, "subject_type": subject_type, "subject_id": subject_id})

    def close(self) -> None:
        """Release database connections."""
        self.internal.close()

    def __enter__(self) -> Platform:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        """The platform's current moment (aware)."""
        return self.internal.now()

    def tick(self) -> TickReport:
        """Run all time-driven work now due. Safe to call often and from several processes."""
        return self.internal.tick()
