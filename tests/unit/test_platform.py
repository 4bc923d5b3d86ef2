"""The command pipeline: one transaction per command, roles, idempotency, outbox, tick."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from tests.kit import register_admitted_supplier, row_counts, snapshot, supplier_actor
from zhaocai.actors import SYSTEM, Actor, Role
from zhaocai.bidding.single_source.rules import SingleSourcePolicy
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.integrity.model import FlagSettings
from zhaocai.platform import Platform
from zhaocai.publish.settings import PublishSettings
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.rules import SupplierSettings
from zhaocai.workdays import WorkingCalendar


class Note(BaseModel):
    subject: str
    text: str
    seq: int


def write_note(subject: str, text: str, fail: bool = False):  # type: ignore[no-untyped-def]
    def handler(uow: UnitOfWork) -> Note:
        rec = uow.record("note.write", "note", subject, {"text": text}, event="NoteWritten")
        if fail:
            raise RuleViolation("test.refused", "refused after writing", "写入后被拒绝")
        return Note(subject=subject, text=text, seq=rec.seq)
    return handler


def test_a_command_writes_audit_and_outbox_together(platform: Platform, actors: dict[str, Actor]) -> None:
    base = platform.audit.count()  # the cast's registration
    note = platform.internal.run(actors["purchasing"], "note.write", write_note("n1", "你好"),
                                 roles=[Role.PURCHASING])
    assert note.seq == base + 1
    events = platform.events.read(types=["NoteWritten"])
    assert [e.type for e in events] == ["NoteWritten"]
    assert events[0].audit_seq == base + 1 and events[0].payload == {"text": "你好"}
    assert platform.audit.verify().ok


def test_a_rejected_command_changes_nothing(platform: Platform, actors: dict[str, Actor]) -> None:
    base = platform.audit.count()
    platform.internal.run(actors["purchasing"], "note.write", write_note("n1", "first"),
                          roles=[Role.PURCHASING])
    before = snapshot(platform.url)
    with pytest.raises(RuleViolation):
        platform.internal.run(actors["purchasing"], "note.write", write_note("n2", "second", fail=True),
                              roles=[Role.PURCHASING])
    assert snapshot(platform.url) == before
    assert platform.audit.count() == base + 1


def test_an_actor_without_the_role_is_refused_and_nothing_changes(
    platform: Platform, actors: dict[str, Actor]
) -> None:
    before = row_counts(platform.url)
    with pytest.raises(PermissionDenied) as info:
        platform.internal.run(actors["nobody"], "note.write", write_note("n1", "x"), roles=[Role.PURCHASING])
    assert info.value.code == "permission.role"
    assert row_counts(platform.url) == before


def test_idempotency_key_returns_the_first_result(platform: Platform, actors: dict[str, Actor]) -> None:
    base = platform.audit.count()
    first = platform.internal.run(actors["purchasing"], "note.write", write_note("n1", "a"),
                                  roles=[Role.PURCHASING], idempotency_key="k-1")
    again = platform.internal.run(actors["purchasing"], "note.write", write_note("n1", "different"),
                                  roles=[Role.PURCHASING], idempotency_key="k-1")
    assert again == first
    assert platform.audit.count() == base + 1
    with pytest.raises(ConflictError):
        platform.internal.run(actors["purchasing2"], "note.write", write_note("n1", "a"),
                              roles=[Role.PURCHASING], idempotency_key="k-1")


def test_outbox_reads_in_order_after_a_cursor(platform: Platform, actors: dict[str, Actor]) -> None:
    for i in range(5):
        platform.internal.run(actors["purchasing"], "note.write", write_note(f"n{i}", str(i)),
                              roles=[Role.PURCHASING])
    first = platform.events.read(limit=2, types=["NoteWritten"])
    rest = platform.events.read(after=first[-1].position, types=["NoteWritten"])
    assert [e.subject_id for e in first + rest] == [f"n{i}" for i in range(5)]
    assert len({e.event_id for e in first + rest}) == 5


def test_tick_runs_registered_jobs(platform: Platform) -> None:
    calls: list[str] = []

    def job(uow: UnitOfWork) -> int:
        calls.append(uow.actor.id)
        return 0

    platform.internal.on_tick("noop", job)
    report = platform.tick()
    assert report.changes["noop"] == 0 and calls == ["system"]
    assert report.total == 0  # nothing of the services' own jobs is due in an empty store


def test_a_command_naming_no_role_runs_for_nobody(platform: Platform, actors: dict[str, Actor]) -> None:
    before = row_counts(platform.url)
    for actor in (actors["purchasing"], actors["admin"]):
        with pytest.raises(PermissionDenied) as info:
            platform.internal.run(actor, "note.write", write_note("n1", "x"), roles=())
        assert info.value.code == "permission.no_role"
    assert row_counts(platform.url) == before


def test_no_caller_runs_a_handler_as_the_system(platform: Platform) -> None:
    before = row_counts(platform.url)
    for roles in ([Role.ADMINISTRATOR], None):
        with pytest.raises(PermissionDenied) as info:
            platform.internal.run(SYSTEM, "note.write", write_note("n1", "x"), roles=roles)
        assert info.value.code == "permission.system_actor" and info.value.message_zh
    with pytest.raises(KeyError):  # the system runs only the jobs registered when the platform opened
        platform.internal.run_system("note.write")
    assert row_counts(platform.url) == before


def test_every_setting_is_given_when_the_platform_opens(platform: Platform, clock: ManualClock) -> None:
    with Platform.open(platform.url, clock, calendar=WorkingCalendar(extra_holidays=[date(2026, 3, 3)]),
                       supplier_settings={"min_inspectors": 3, "default_ban_days": 730},
                       flag_settings={"r003_threshold_days": 7},
                       publish_settings={"ocid_prefix": "ocds-yw2026"},
                       single_source_policy={"notice_days": 7}) as configured:
        assert not configured.calendar.is_workday(date(2026, 3, 3))
        assert configured.suppliers.settings.min_inspectors == 3
        assert configured.suppliers.settings.default_ban_days == 730
        assert configured.integrity.settings.r003_threshold_days == 7
        assert configured.publish.settings.ocid_prefix == "ocds-yw2026"
        assert configured.single_source.policy.notice_days == 7
    # Without them: the defaults, and the site-inspection threshold follows the policy in force.
    assert platform.suppliers.settings == SupplierSettings() and platform.suppliers.follows_policy
    assert platform.integrity.settings == FlagSettings()
    assert platform.publish.settings == PublishSettings()
    assert platform.single_source.policy == SingleSourcePolicy()


def test_a_bad_setting_is_refused_before_the_store_is_touched(tmp_path: Path, clock: ManualClock) -> None:
    url = f"sqlite:///{tmp_path / 'never.db'}"
    for bad in ({"supplier_settings": {"min_inspectors": 0}}, {"flag_settings": {"nope": 1}},
                {"single_source_policy": {"notice_days": 1}}):
        with pytest.raises(ValidationError) as info:
            Platform.open(url, clock, **bad)  # type: ignore[arg-type]
        assert info.value.code == "validation.input"
    with pytest.raises(ValidationError) as info:
        Platform.open(url, clock, publish_settings={"ocid_prefix": "nope"})
    assert info.value.code == "publish.ocid_prefix"
    assert not (tmp_path / "never.db").exists()


def test_no_service_holds_the_platform(platform: Platform) -> None:
    services = (platform.suppliers, platform.policy, platform.tenders, platform.evaluation,
                platform.single_source, platform.integrity, platform.integrity.cases, platform.publish)
    for service in services:
        held = [name for name, value in vars(service).items() if isinstance(value, Platform)]
        assert held == [], f"{type(service).__name__} holds the platform in {held}"


def test_the_rules_profile_is_the_policy_in_the_store_the_same_for_every_process(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    # The legal numbers are configured by an approved policy, not by a keyword of one process:
    # another process opening the same store applies the same numbers at once.
    proposal = platform.policy.propose(actors["admin"], {"open_tender_min_days": 25}, "本单位从严")
    platform.policy.approve(actors["supervisor"], proposal.id)
    with Platform.open(platform.url, clock) as other:
        assert other.policy.current().profile.open_tender_min_days == 25
        assert other.policy.current().version == 1


def test_the_register_answers_as_the_reader_may_see_it(platform: Platform, actors: dict[str, Actor]) -> None:
    own = register_admitted_supplier(platform, actors, name="义乌自家建材有限公司")
    rival = register_admitted_supplier(platform, actors, name="义乌对手建材有限公司")
    assert platform.suppliers.get(actors["auditor"], rival).id == rival      # any of the buyer's staff
    assert platform.suppliers.get(supplier_actor(own), own).id == own        # a supplier: its own entry
    for reader in (supplier_actor(own), actors["nobody"]):
        with pytest.raises(PermissionDenied) as info:
            platform.suppliers.get(reader, rival)
        assert info.value.code == "permission.supplier_read" and info.value.message_zh
