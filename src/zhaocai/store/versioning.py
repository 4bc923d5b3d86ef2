"""The store's schema version (Alembic): find it, refuse a store the code cannot use, upgrade it.

A new empty store is created at the head revision (`create_all`, then stamped; a test keeps the
migrations and the tables identical). A store made by 0.1.0 has no `alembic_version` table: its
tables exist, so it counts as the baseline revision and is stamped when upgraded. A store behind
the code is refused until `zhaocai db upgrade` runs; a store ahead of the code is refused too.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.autogenerate.api import AutogenContext
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from zhaocai.errors import ConflictError
from zhaocai.store.engine import PG_COMMAND_LOCK

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"
"""The revision of the schema released as 0.1.0 (a store made by 0.1.0 has no version table)."""
# Tables every 0.1.0 store has: finding them without a version table means "made by 0.1.0".
BASELINE_MARKERS = frozenset({"audit_event", "outbox_event", "supplier"})
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class StoreVersion:
    """Where a store stands: its revision (None for an empty store) against the code's head."""

    revision: str | None
    head: str
    stamped: bool
    """False for an empty store and for a store made by 0.1.0 (no version table yet)."""
    known: bool
    """False when the revision is not among the code's migrations (a newer zhaocai made it)."""

    @property
    def current(self) -> bool:
        """The store's schema is the code's."""
        return self.revision == self.head

    @property
    def empty(self) -> bool:
        """No zhaocai table yet."""
        return self.revision is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for `zhaocai db current --json`."""
        return {"revision": self.revision, "head": self.head, "stamped": self.stamped,
                "known": self.known, "current": self.current}


def load_tables() -> MetaData:
    """Import every `tables` module of zhaocai (and the store's own schema) so that
    `SQLModel.metadata` holds the whole store; return that metadata."""
    import zhaocai

    importlib.import_module("zhaocai.store.schema")
    for module in pkgutil.walk_packages(zhaocai.__path__, "zhaocai."):
        if module.name.rsplit(".", 1)[-1] == "tables":
            importlib.import_module(module.name)
    return SQLModel.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the packaged migrations, bound to `connection` if given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _revisions() -> tuple[str, frozenset[str]]:
    """The head and every revision of the packaged migrations (read once per process)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()  # Alembic refuses two heads here
    assert head is not None, "the packaged migrations have no revision"
    return head, frozenset(script.revision for script in scripts.walk_revisions())


def head_revision() -> str:
    """The newest revision the code knows (the migrations form one line: one head)."""
    return _revisions()[0]


def _known(revision: str) -> bool:
    return revision in _revisions()[1]


def schema_differences(connection: Connection) -> list[Any]:
    """Alembic's autogenerate diff from the store to the code's tables (empty: the same)."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, load_tables()))


def store_version(connection: Connection) -> StoreVersion:
    """Read the store's revision over `connection`."""
    head = head_revision()
    tables = set(inspect(connection).get_table_names())
    revision = (MigrationContext.configure(connection).get_current_revision()
                if VERSION_TABLE in tables else None)
    if revision is not None:
        return StoreVersion(revision, head, stamped=True, known=_known(revision))
    if BASELINE_MARKERS & tables:  # no version (or an empty version table): 0.1.0's tables
        return StoreVersion(BASELINE, head, stamped=False, known=True)
    return StoreVersion(None, head, stamped=False, known=True)


def upgrade_command(url: str) -> str:
    """The command an operator runs to bring the store at `url` to the code's schema (any
    password in the URL masked)."""
    return f"zhaocai db upgrade --db {make_url(url).render_as_string(hide_password=True)}"


def _serialise(connection: Connection) -> None:
    """Queue behind running commands and other upgrades (SQLite: the store's BEGIN IMMEDIATE
    already holds the write lock)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_COMMAND_LOCK})")


def require_current(version: StoreVersion, url: str) -> None:
    """Refuse a store whose schema is not the code's: `store.schema_outdated` (behind: upgrade
    it) or `store.schema_newer` (ahead: use the zhaocai that made it)."""
    details = {"revision": version.revision, "head": version.head}
    if not version.known:
        raise ConflictError(
            "store.schema_newer",
            f"The store's schema (revision {version.revision}) is newer than this zhaocai's "
            f"(head {version.head}): open it with the zhaocai version that upgraded it.",
            f"数据库结构（版本 {version.revision}）比本程序的结构（最新版本 {version.head}）新："
            f"请使用升级该数据库的招采程序版本打开它。",
            details,
        )
    if version.revision is not None and not version.current:
        how = upgrade_command(url)
        raise ConflictError(
            "store.schema_outdated",
            f"The store's schema (revision {version.revision}) is older than this zhaocai's "
            f"(head {version.head}): back the store up, then run `{how}`.",
            f"数据库结构（版本 {version.revision}）比本程序的结构（最新版本 {version.head}）旧："
            f"请先备份数据库，再运行 `{how}`。",
            {**details, "command": how},
        )


def create_at_head(engine: Engine, metadata: MetaData) -> StoreVersion:
    """Create every table of a new empty store and stamp it at head, in one transaction; a
    store another process created meanwhile is left as it is. Returns the store's version."""
    with engine.begin() as connection:
        _serialise(connection)
        version = store_version(connection)
        if not version.empty:
            return version
        metadata.create_all(connection)
        MigrationContext.configure(connection).stamp(
            ScriptDirectory.from_config(alembic_config()), head_revision())
        return store_version(connection)


def upgrade(engine: Engine) -> tuple[StoreVersion, StoreVersion]:
    """Bring the store to head in one transaction (PostgreSQL's DDL is transactional; SQLite's
    too within the store's explicit transaction); a store made by 0.1.0 is stamped at the
    baseline first. Returns the versions before and after. A newer store is refused."""
    with engine.begin() as connection:
        _serialise(connection)
        before = store_version(connection)
        if not before.known:
            require_current(before, engine.url.render_as_string(hide_password=False))
        config = alembic_config(connection)
        try:
            if before.revision == BASELINE and not before.stamped:
                # Made by 0.1.0, or by a later zhaocai before versions were kept whose tables
                # are already the code's: stamp what it is.
                command.stamp(config, before.head if not schema_differences(connection) else BASELINE)
            command.upgrade(config, "head")
        except SQLAlchemyError as failure:
            raise _failed(before, failure) from failure
        after = store_version(connection)
    return before, after


def _failed(before: StoreVersion, failure: SQLAlchemyError) -> ConflictError:
    reason = str(failure.orig if isinstance(failure, DBAPIError) else failure).splitlines()[0]
    return ConflictError(
        "store.upgrade_failed",
        f"The store could not be upgraded from revision {before.revision} to {before.head}, "
        f"so nothing was changed: {reason}",
        f"数据库无法从版本 {before.revision} 升级到 {before.head}，未作任何更改"
        f"（数据库的错误原文见英文信息）。",
        {"revision": before.revision, "head": before.head, "reason": reason},
    )


def render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Autogenerate renders zhaocai's column types as the plain SQL types they store, so that a
    migration never imports the code it migrates."""
    if kind == "type" and isinstance(item, TypeDecorator):
        autogen_context.imports.add("import sqlalchemy as sa")
        return f"sa.{item.impl_instance!r}"
    if kind == "type" and type(item).__module__.startswith("sqlmodel"):
        return f"sa.String(length={item.length!r})" if getattr(item, "length", None) else "sa.String()"
    return False
