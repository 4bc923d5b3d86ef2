"""Store helpers: a fresh empty store on either database, snapshots that prove a refused command
changed nothing, and the registry of refusal cases."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.store import normalise_url
from zhaocai.testing.cast import ACTORS


@contextmanager
def fresh_store(backend: str, directory: Path | None = None) -> Iterator[str]:
    """Yield the URL of a new empty store; on PostgreSQL a throwaway schema, dropped after."""
    if backend == "sqlite":
        folder = directory or Path(tempfile.mkdtemp(prefix="zhaocai-"))
        yield f"sqlite:///{folder / f'zc-{uuid.uuid4().hex[:8]}.db'}"
        return
    base = normalise_url(os.environ["ZHAOCAI_TEST_DATABASE_URL"])
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def row_counts(url: str) -> dict[str, int]:
    """Rows per table: a rejected command must leave every count as it was."""
    engine = create_engine(normalise_url(url))
    try:
        names = inspect(engine).get_table_names()
        with engine.connect() as conn:
            return {n: int(conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one())
                    for n in names}
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: proves 'changes nothing' beyond counts."""
    engine = create_engine(normalise_url(url))
    try:
        names = inspect(engine).get_table_names()
        with engine.connect() as conn:
            return {n: sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{n}"'))),
                              key=repr) for n in names}
    finally:
        engine.dispose()


def append_notes(url: str, worker: int, count: int) -> int:
    """Worker for concurrency tests: open a platform in this process and append `count` links."""
    from datetime import datetime

    from zhaocai.clock import SHANGHAI, ManualClock
    from zhaocai.platform import Platform
    from zhaocai.store import UnitOfWork

    actor = ACTORS["purchasing"]
    platform = Platform.open(url, ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)))
    try:
        for i in range(count):
            def handler(uow: UnitOfWork, i: int = i) -> None:
                uow.record("note.write", "note", f"w{worker}-{i}", {"worker": worker, "i": i},
                           event="NoteWritten")
            platform.internal.run(actor, "note.write", handler, roles=[Role.PURCHASING])
    finally:
        platform.close()
    return count


def refused(platform: Any, exc: type[Exception], code: str, fn: Callable[..., Any],
            *args: Any, **kw: Any) -> Any:
    """Run a command that must be refused with `code` and change nothing at all."""
    import pytest

    before = snapshot(platform.url)
    with pytest.raises(exc) as info:
        fn(*args, **kw)
    assert getattr(info.value, "code", None) == code, info.value
    assert snapshot(platform.url) == before
    return info.value


Setup = Callable[[Any, dict[str, Actor], ManualClock], Callable[[], Any]]
"""A refusal case: given a platform, the cast and the clock, set up, then return the refused call."""


class RefusalCases(dict[str, tuple[str, Setup]]):
    """A registry of refusal cases by name, each with the error code it must raise.

    A test module declares `CASES = RefusalCases()` and `case = CASES.case`, decorates each setup
    with `@case("its.code")`, and parametrizes one test over `sorted(CASES)`.
    """

    def case(self, code: str) -> Callable[[Setup], Setup]:
        """Register the decorated setup under its function name, expecting `code`."""
        def register(fn: Setup) -> Setup:
            self[fn.__name__] = (code, fn)
            return fn
        return register
