"""A store made by an earlier version (here: without the idempotency request digest) is brought up
to the schema when opened, and keyed commands work on it."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from factories import application
from helpers import ACTORS
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.store import normalise_url


def _columns(url: str, table: str) -> set[str]:
    engine = create_engine(normalise_url(url))
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def test_an_older_store_gets_its_missing_column_on_open(db_url: str, clock: ManualClock) -> None:
    with Platform.open(db_url, clock=clock):
        pass
    engine = create_engine(normalise_url(db_url))
    with engine.begin() as conn:  # as an earlier version left it
        conn.execute(text('ALTER TABLE "idempotency" DROP COLUMN "request_digest"'))
    engine.dispose()
    assert "request_digest" not in _columns(db_url, "idempotency")
    with Platform.open(db_url, clock=clock) as platform:
        assert "request_digest" in _columns(db_url, "idempotency")
        first = platform.suppliers.register(ACTORS["purchasing"], application("升级后供应商", seed=7),
                                            idempotency_key="erp-1")
        again = platform.suppliers.register(ACTORS["purchasing"], application("升级后供应商", seed=7),
                                            idempotency_key="erp-1")
        assert again == first
    with Platform.open(db_url, clock=clock):  # nothing left to add: opening again changes nothing
        assert "request_digest" in _columns(db_url, "idempotency")
