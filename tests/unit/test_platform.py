"""The command pipeline: one transaction per command, roles, idempotency, outbox, tick."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from tests.kit import row_counts, snapshot
from zhaocai.actors import Actor, Role
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork


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
    note = platform.run(actors["purchasing"], "note.write", write_note("n1", "你好"),
                        roles=[Role.PURCHASING])
    assert note.seq == 1
    events = platform.events.read()
    assert [e.type for e in events] == ["NoteWritten"]
    assert events[0].audit_seq == 1 and events[0].payload == {"text": "你好"}
    assert platform.audit.verify().ok


def test_a_rejected_command_changes_nothing(platform: Platform, actors: dict[str, Actor]) -> None:
    platform.run(actors["purchasing"], "note.write", write_note("n1", "first"),
                 roles=[Role.PURCHASING])
    before = snapshot(platform.url)
    with pytest.raises(RuleViolation):
        platform.run(actors["purchasing"], "note.write", write_note("n2", "second", fail=True),
                     roles=[Role.PURCHASING])
    assert snapshot(platform.url) == before
    assert platform.audit.count() == 1


def test_an_actor_without_the_role_is_refused_and_nothing_changes(
    platform: Platform, actors: dict[str, Actor]
) -> None:
    before = row_counts(platform.url)
    with pytest.raises(PermissionDenied) as info:
        platform.run(actors["nobody"], "note.write", write_note("n1", "x"), roles=[Role.PURCHASING])
    assert info.value.code == "permission.role"
    assert row_counts(platform.url) == before


def test_idempotency_key_returns_the_first_result(platform: Platform, actors: dict[str, Actor]) -> None:
    first = platform.run(actors["purchasing"], "note.write", write_note("n1", "a"),
                         roles=[Role.PURCHASING], idempotency_key="k-1")
    again = platform.run(actors["purchasing"], "note.write", write_note("n1", "different"),
                         roles=[Role.PURCHASING], idempotency_key="k-1")
    assert again == first
    assert platform.audit.count() == 1
    with pytest.raises(ConflictError):
        platform.run(actors["purchasing2"], "note.write", write_note("n1", "a"),
                     roles=[Role.PURCHASING], idempotency_key="k-1")


def test_outbox_reads_in_order_after_a_cursor(platform: Platform, actors: dict[str, Actor]) -> None:
    for i in range(5):
        platform.run(actors["purchasing"], "note.write", write_note(f"n{i}", str(i)),
                     roles=[Role.PURCHASING])
    first = platform.events.read(limit=2)
    rest = platform.events.read(after=first[-1].position)
    assert [e.subject_id for e in first + rest] == [f"n{i}" for i in range(5)]
    assert len({e.event_id for e in first + rest}) == 5


def test_tick_runs_registered_jobs(platform: Platform) -> None:
    calls: list[str] = []

    def job(uow: UnitOfWork) -> int:
        calls.append(uow.actor.id)
        return 0

    platform.on_tick("noop", job)
    report = platform.tick()
    assert report.changes["noop"] == 0 and calls == ["system"]
    assert report.total == 0  # nothing of the services' own jobs is due in an empty store
