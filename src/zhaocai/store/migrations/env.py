"""Alembic's environment for the store: runs on the connection zhaocai passes in (inside its
transaction), or, from the `alembic` command line (see alembic.ini), on
`-x db=URL` or `ZHAOCAI_DATABASE_URL`."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from zhaocai.store.engine import make_engines
from zhaocai.store.versioning import load_tables, render_item


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=load_tables(),
        render_as_batch=True,  # SQLite: ALTERs that need it rebuild the table (batch mode)
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    if context.is_offline_mode():
        raise SystemExit("zhaocai's migrations run against a database, not as offline SQL")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("ZHAOCAI_DATABASE_URL")
    if not url:
        raise SystemExit("name the store: alembic -x db=URL ... or ZHAOCAI_DATABASE_URL=URL")
    engine, _ = make_engines(url)
    try:
        with engine.begin() as conn:
            _migrate(conn)
    finally:
        engine.dispose()


_run()
