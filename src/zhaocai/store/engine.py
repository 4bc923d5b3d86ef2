"""Engines for the two supported databases.

SQLite (embedded default): WAL, foreign keys, a busy timeout, and `BEGIN IMMEDIATE` for commands,
so that writers queue for the single write lock instead of failing halfway. PostgreSQL (many
service instances on one database): commands serialise on a transaction-scoped advisory lock,
which keeps the audit chain linear across processes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from zhaocai.errors import ValidationError
from zhaocai.store.text_guard import refuse_nul

BUSY_TIMEOUT_MS = 60_000
# Any constant works; it names "the zhaocai command lock" among other advisory locks.
PG_COMMAND_LOCK = 0x7A6863  # "zhc"


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # FULL: a committed audit link survives power loss, not only a process crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Straight to the driver: this runs once per command, on the hot path.
        conn.connection.driver_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _guarded(engine: Engine) -> Engine:
    event.listen(engine, "before_cursor_execute", refuse_nul)
    return engine


def make_engines(url: str) -> tuple[Engine, Engine]:
    """Return (command engine, read engine) for `url`."""
    url = normalise_url(url)
    try:
        backend = make_url(url).get_backend_name()
    except Exception as exc:  # sqlalchemy raises ArgumentError for malformed URLs
        raise ValidationError(
            "store.url", f"Not a database URL: {url!r} ({exc})", f"无效的数据库地址：{url!r}",
        ) from None
    if backend == "sqlite":
        return _guarded(_sqlite_engine(url, immediate=True)), _guarded(_sqlite_engine(url, immediate=False))
    if backend == "postgresql":
        try:
            engine = _guarded(create_engine(url, pool_pre_ping=True))
        except ModuleNotFoundError:
            raise ValidationError(
                "store.driver_missing",
                "PostgreSQL stores need the driver: pip install 'zhaocai[postgresql]'",
                "使用 PostgreSQL 数据库需安装驱动：`pip install 'zhaocai[postgresql]'`",
                {"backend": backend},
            ) from None
        return engine, engine
    raise ValidationError(
        "store.backend",
        f"Unsupported database {backend!r}: use sqlite:/// or postgresql://",
        f"不支持的数据库 {backend!r}：请使用 sqlite:/// 或 postgresql://",
        {"backend": backend},
    )
