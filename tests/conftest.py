"""Shared fixtures: every store-backed test runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, settings

from tests.kit import ACTORS, fresh_store, use_kit_keys
from zhaocai.actors import Actor
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform

settings.register_profile(
    "default", max_examples=25, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "deep", max_examples=500, stateful_step_count=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("ZHAOCAI_HYPOTHESIS_PROFILE", "default"))

# The platform's keys live outside every store: one key file for the run, the default of every
# Platform.open here and in the worker processes the tests start (tests/kit/keys.py).
use_kit_keys()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The database under test; the PostgreSQL run skips without ZHAOCAI_TEST_DATABASE_URL."""
    name: str = request.param
    if name == "postgresql" and not os.environ.get("ZHAOCAI_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL run skipped: set ZHAOCAI_TEST_DATABASE_URL "
                    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run it")
    return name


@pytest.fixture
def db_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty store URL on the backend under test."""
    with fresh_store(backend, tmp_path_factory.mktemp("store")) as url:
        yield url


@pytest.fixture
def clock() -> ManualClock:
    """A manual clock starting on a Monday morning in Yiwu."""
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))


@pytest.fixture
def platform(db_url: str, clock: ManualClock) -> Iterator[Platform]:
    """An open platform over a fresh store."""
    with Platform.open(db_url, clock=clock) as p:
        yield p


@pytest.fixture
def actors() -> dict[str, Actor]:
    """Named people of the buyer's organisation, with their roles."""
    return ACTORS
