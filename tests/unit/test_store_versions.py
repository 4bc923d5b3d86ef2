"""The store's schema versions: the migrations are the tables, a new store opens at head, an
outdated or newer store is refused, and a store made by 0.1.0 (with its data) upgrades intact."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, text
from typer.testing import CliRunner

from tests.kit import ACTORS, application, private_keys_in, refused, register_cast, row_counts, snapshot
from zhaocai.cli import app
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError
from zhaocai.keys import KEY_FILE_ENV, key_file
from zhaocai.keys.export import export_store_keys
from zhaocai.keys.registry import LEGACY_SECRETS
from zhaocai.platform import Platform
from zhaocai.store import make_engines, normalise_url
from zhaocai.store.versioning import (
    BASELINE,
    alembic_config,
    head_revision,
    schema_differences,
    store_version,
    upgrade,
)
from zhaocai.suppliers.identity import identity_hash

DATA = Path(__file__).parent.parent / "data"
RECEIPT_KEY_0_1_0 = "51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11"
LEGAL_REPRESENTATIVE_100_HASH = "66fade6d6a1c22bfef87678744b700c15bc74b38ac96e9e10b2b40f2b316c240"
runner = CliRunner()


@contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    """The store's command engine (SQLite's BEGIN IMMEDIATE, as the library uses it)."""
    engine, read_engine = make_engines(url)
    try:
        yield engine
    finally:
        engine.dispose()
        read_engine.dispose()


@contextmanager
def connected(url: str) -> Iterator[Connection]:
    """A plain connection to the store, in a transaction committed at the end."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def execute(url: str, sql: str) -> None:
    with connected(url) as connection:
        connection.execute(text(sql))


def schema_diff(url: str) -> list[Any]:
    """Alembic's autogenerate diff between the store at `url` and the library's tables."""
    with connected(url) as connection:
        return schema_differences(connection)


def version_of(url: str) -> Any:
    with connected(url) as connection:
        return store_version(connection)


def rows_of(url: str, columns: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of each table, only the columns named, sorted."""
    with connected(url) as connection:
        return {name: sorted((tuple(row) for row in connection.execute(
            text(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in names)} FROM "{name}"'))), key=repr)
            for name, names in columns.items()}


def load_0_1_0(backend: str, url: str) -> None:
    """Fill the empty store at `url` with the 0.1.0 demo's store (tables as 0.1.0 made them)."""
    if backend == "sqlite":
        shutil.copyfile(DATA / "store-0.1.0.db", url.removeprefix("sqlite:///"))
        return
    with connected(url) as connection:  # straight to psycopg: no parameters, so '%' is text
        dump = (DATA / "store-0.1.0.postgresql.sql").read_text(encoding="utf-8")
        connection.connection.driver_connection.execute(dump)


def test_the_migrations_form_one_line_from_the_0_1_0_baseline() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1, "two heads: give the newer revision the other as down_revision"
    assert scripts.get_base() == BASELINE
    assert head_revision() == scripts.get_current_head()


@pytest.mark.parametrize("made_by", ["migrations", "Platform.open"])
def test_the_migrations_head_is_the_tables(db_url: str, clock: ManualClock, made_by: str) -> None:
    """Fails when a table or column changed without a revision: add one (docs/foundation.md,
    "Schema versions and upgrades"); the diff printed is what it must do."""
    if made_by == "migrations":
        with engine_for(db_url) as engine:
            before, after = upgrade(engine)
        assert before.empty and after.current
    else:
        Platform.open(db_url, clock=clock).close()
    assert version_of(db_url).current
    diff = schema_diff(db_url)
    assert diff == [], f"the tables and the migrations' head {head_revision()} differ: {diff}"


def test_a_new_store_opens_at_head_and_opens_again(db_url: str, clock: ManualClock) -> None:
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        platform.suppliers.register(ACTORS["purchasing"], application("新库供应商", seed=3))
    version = version_of(db_url)
    assert version.stamped and version.current and version.revision == head_revision()
    with Platform.open(db_url, clock=clock) as platform:
        assert platform.audit.verify().ok


def test_an_outdated_store_is_refused_and_left_unchanged(db_url: str, clock: ManualClock) -> None:
    with engine_for(db_url) as engine, engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, BASELINE)
    error = refused(SimpleNamespace(url=db_url), ConflictError, "store.schema_outdated",
                    Platform.open, db_url, clock=clock)
    assert error.details["revision"] == BASELINE and error.details["head"] == head_revision()
    assert error.details["command"].startswith("zhaocai db upgrade --db ")
    assert "zhaocai db upgrade" in error.message_en and "zhaocai db upgrade" in error.message_zh
    assert BASELINE in error.message_zh and "旧" in error.message_zh


def test_a_newer_store_is_refused_and_left_unchanged(db_url: str, clock: ManualClock) -> None:
    Platform.open(db_url, clock=clock).close()
    execute(db_url, "UPDATE alembic_version SET version_num = '9999'")
    error = refused(SimpleNamespace(url=db_url), ConflictError, "store.schema_newer",
                    Platform.open, db_url, clock=clock)
    assert error.details == {"revision": "9999", "head": head_revision()}
    with engine_for(db_url) as engine:
        refused(SimpleNamespace(url=db_url), ConflictError, "store.schema_newer", upgrade, engine)


def test_the_upgrade_command_names_the_store_without_its_password() -> None:
    from zhaocai.store.versioning import upgrade_command

    assert upgrade_command("postgresql://app:s3cret@db:5432/zc") == \
        "zhaocai db upgrade --db postgresql://app:***@db:5432/zc"


def test_a_0_1_0_store_with_data_upgrades_intact(backend: str, db_url: str, clock: ManualClock,
                                                 tmp_path: Path) -> None:
    load_0_1_0(backend, db_url)
    found = version_of(db_url)
    assert (found.revision, found.stamped) == (BASELINE, False)
    refused(SimpleNamespace(url=db_url), ConflictError, "store.schema_outdated",
            Platform.open, db_url, clock=clock)
    counts, rows = row_counts(db_url), snapshot(db_url)
    with connected(db_url) as connection:
        columns = {name: [c["name"] for c in inspect(connection).get_columns(name)] for name in rows}
    assert counts["audit_event"] == 179 and counts["supplier"] == 16

    with engine_for(db_url) as engine:
        before, after = upgrade(engine)
    assert (before.revision, after.revision) == (BASELINE, head_revision()) and after.stamped
    assert schema_diff(db_url) == []
    upgraded = row_counts(db_url)
    # Revision 0005k registers the public halves of the store's keys: the receipt key, and the
    # identity key's check value; it deletes no secret (`zhaocai keys export` moves them).
    assert upgraded == {**counts, **{name: 0 for name in upgraded.keys() - counts.keys() - {"alembic_version"}},
                        "alembic_version": 1, "receipt_key": 1,
                        "platform_setting": counts["platform_setting"] + 1}
    kept = {name: found for name, found in rows_of(db_url, columns).items() if name != "platform_setting"}
    assert kept == {name: found for name, found in rows.items() if name != "platform_setting"}
    assert set(rows["platform_setting"]) <= set(rows_of(db_url, columns)["platform_setting"])

    # The private keys are still in the store: it is refused until they are moved out.
    error = refused(SimpleNamespace(url=db_url), ConflictError, "keys.in_store", Platform.open, db_url,
                    clock=clock)
    assert error.details["secrets"] == sorted(LEGACY_SECRETS)
    assert error.details["command"].startswith("zhaocai keys export --db ")
    exported = export_store_keys(db_url, tmp_path / "store.keys", clock)
    assert exported.verify_key == RECEIPT_KEY_0_1_0 and exported.removed == sorted(LEGACY_SECRETS)
    keys = key_file(tmp_path / "store.keys")
    assert private_keys_in(db_url, keys) == []
    assert stat.S_IMODE((tmp_path / "store.keys").stat().st_mode) == 0o600
    # The identity hashes the store keeps were made with the exported key.
    assert identity_hash(keys, "330782198000000100") == LEGAL_REPRESENTATIVE_100_HASH
    settled = snapshot(db_url)
    again = export_store_keys(db_url, tmp_path / "store.keys", clock)  # nothing left to move
    assert again.removed == [] and again.verify_key == RECEIPT_KEY_0_1_0
    assert snapshot(db_url) == settled

    with Platform.open(db_url, clock=clock, keys=keys) as platform:
        checked = platform.audit.verify()
        assert checked.ok and checked.checked == 180  # 0.1.0's links and the export's
        assert platform.tenders.receipt_verify_key() == RECEIPT_KEY_0_1_0
        with connected(db_url) as connection:
            receipts = [row[0] for row in connection.execute(text("SELECT receipt FROM bid"))]
        assert receipts and all(platform.tenders.verify_receipt(json.loads(r)) for r in receipts)
        # An upgraded store has an empty people register: it is founded, then its staff act.
        register_cast(platform)
        supplier = platform.suppliers.register(ACTORS["purchasing"], application("升级后供应商", seed=11))
        assert supplier
        assert platform.audit.verify().ok and platform.audit.verify().checked == platform.audit.count()
        public = sqlite3.connect(platform.publish.public_database(tmp_path / "public.db"))
        try:  # the 0.1.0 tenders and awards read back through every table the portal publishes
            assert public.execute("SELECT count(*) FROM tenders").fetchone()[0] == counts["tender"]
        finally:
            public.close()
    assert row_counts(db_url)["supplier"] == 17
    assert private_keys_in(db_url, keys) == []


def test_db_commands_on_a_0_1_0_store(backend: str, db_url: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    load_0_1_0(backend, db_url)
    current = runner.invoke(app, ["db", "current", "--db", db_url, "--json"])
    assert current.exit_code == 1
    assert json.loads(current.stdout) == {"revision": BASELINE, "head": head_revision(), "stamped": False,
                                          "known": True, "current": False}
    refused_open = runner.invoke(app, ["verify", "--db", db_url])
    assert refused_open.exit_code == 4 and "store.schema_outdated" in refused_open.output
    assert refused_open.exception is None or isinstance(refused_open.exception, SystemExit)
    done = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert done.exit_code == 0 and "upgraded" in done.stdout, done.stdout
    assert "keys export" in done.stdout  # the next step, named
    again = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert again.exit_code == 0 and "already at head" in again.stdout
    assert runner.invoke(app, ["db", "current", "--db", db_url]).exit_code == 0
    in_store = runner.invoke(app, ["verify", "--db", db_url])
    assert in_store.exit_code == 4 and "keys.in_store" in in_store.output
    path = tmp_path / "store.keys"
    moved = runner.invoke(app, ["keys", "export", "--db", db_url, "--key-file", str(path)])
    assert moved.exit_code == 0 and str(path) in moved.stdout and RECEIPT_KEY_0_1_0 in moved.stdout, moved.stdout
    monkeypatch.setenv(KEY_FILE_ENV, str(path))
    assert runner.invoke(app, ["verify", "--db", db_url]).exit_code == 0
    public = runner.invoke(app, ["keys", "public", "--db", db_url])
    assert public.exit_code == 0 and RECEIPT_KEY_0_1_0 in public.stdout


def test_db_upgrade_refuses_a_newer_store_without_a_traceback(db_url: str) -> None:
    assert runner.invoke(app, ["db", "upgrade", "--db", db_url]).exit_code == 0
    execute(db_url, "UPDATE alembic_version SET version_num = '9999'")
    result = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 4 and "store.schema_newer" in result.output
    assert isinstance(result.exception, SystemExit)
    assert os.environ.get("PYTEST_CURRENT_TEST")


@pytest.mark.parametrize("unversion", ["DROP TABLE alembic_version", "DELETE FROM alembic_version"])
def test_an_unversioned_store_already_at_head_is_stamped_without_changes(db_url: str, clock: ManualClock,
                                                                        unversion: str) -> None:
    with Platform.open(db_url, clock=clock) as platform:  # a store made before versions were kept
        register_cast(platform)
        platform.suppliers.register(ACTORS["purchasing"], application("未标版本", seed=5))
    execute(db_url, unversion)
    assert version_of(db_url).revision == BASELINE
    refused(SimpleNamespace(url=db_url), ConflictError, "store.schema_outdated",
            Platform.open, db_url, clock=clock)
    rows = snapshot(db_url)
    with engine_for(db_url) as store:
        before, after = upgrade(store)
    assert not before.stamped and after.current
    unversioned = {name: found for name, found in rows.items() if name != "alembic_version"}
    assert {name: found for name, found in snapshot(db_url).items() if name != "alembic_version"} == unversioned
    with Platform.open(db_url, clock=clock) as platform:
        assert platform.audit.verify().ok


def test_an_upgrade_that_fails_changes_nothing(backend: str, db_url: str) -> None:
    load_0_1_0(backend, db_url)
    execute(db_url, 'CREATE TABLE "evaluation_related" (x integer)')  # in the way of revision 0002
    with engine_for(db_url) as store:
        error = refused(SimpleNamespace(url=db_url), ConflictError, "store.upgrade_failed", upgrade, store)
    assert error.details["revision"] == BASELINE and error.details["reason"]
    assert "alembic_version" not in row_counts(db_url)
    result = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 4 and "store.upgrade_failed" in result.output


def test_revision_0001_is_the_schema_0_1_0_made(backend: str, db_url: str,
                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    """The baseline, written out by hand, against the tables 0.1.0 itself created."""
    from tests.kit import fresh_store

    with fresh_store(backend, tmp_path_factory.mktemp("baseline")) as baseline_url:
        with engine_for(baseline_url) as engine, engine.begin() as connection:
            command.upgrade(alembic_config(connection), BASELINE)
        load_0_1_0(backend, db_url)
        released = MetaData()
        with connected(db_url) as connection:
            released.reflect(connection)
        with connected(baseline_url) as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, released) == []


def test_a_postgresql_store_without_the_driver_is_a_coded_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from zhaocai.errors import ValidationError
    from zhaocai.store import make_engines

    for name in ("psycopg", "psycopg.pq", "psycopg_binary"):
        monkeypatch.setitem(sys.modules, name, None)  # as on an install without the extra
    with pytest.raises(ValidationError) as info:
        make_engines("postgresql://postgres@127.0.0.1:5432/test")
    assert info.value.code == "store.driver_missing" and "zhaocai[postgresql]" in info.value.message_zh
