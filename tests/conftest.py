"""Shared fixtures: every store-backed test runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, is_hypothesis_test, settings

from tests.kit import ACTORS, fresh_store, register_cast, use_kit_keys
from tests.kit.chinese import stray_in_message
from zhaocai.actors import Actor
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ZhaocaiError
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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "english_in_chinese: the test builds errors whose Chinese holds "
                            "English on purpose (the Chinese guard lets them be)")


@pytest.fixture(autouse=True)
def chinese_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every ZhaocaiError a test makes, with its real values, has a wholly Chinese `message_zh`
    (tests/kit/chinese.py): a state, role or phrase left in English fails the test that met it.

    Property tests are left out: they echo generated text back in their messages (quoted reprs
    of arbitrary values that no detector can tell from words); every message's wording is
    checked by tests/unit/test_chinese_messages.py, and their values by the examples here."""
    function = getattr(request.node, "function", None)
    if (function is not None and is_hypothesis_test(function)) or "properties" in request.node.path.parts:
        yield
        return
    found: list[str] = []
    made = ZhaocaiError.__init__

    def checked(self: ZhaocaiError, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        if isinstance(self.message_zh, str) and (words := stray_in_message(self.message_zh)):
            found.append(f"{self.code}: {words} in {self.message_zh!r}")

    monkeypatch.setattr(ZhaocaiError, "__init__", checked)
    yield
    if found and request.node.get_closest_marker("english_in_chinese") is None:
        pytest.fail("English left in Chinese messages:\n" + "\n".join(dict.fromkeys(found)), pytrace=False)


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


_TEMPLATES: dict[datetime, Path] = {}


def _sqlite_template(start: datetime, folder: Path) -> Path:
    """A SQLite store at the head schema with the cast registered at `start`, built once per run
    and per starting moment: each test copies it instead of migrating and registering again."""
    if start not in _TEMPLATES:
        path = folder / f"template-{len(_TEMPLATES)}.db"
        with Platform.open(f"sqlite:///{path}", clock=ManualClock(start)) as p:
            register_cast(p)
        _TEMPLATES[start] = path
    return _TEMPLATES[start]


@pytest.fixture
def platform(db_url: str, clock: ManualClock, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """An open platform over a fresh store with the cast registered (on SQLite a copy of a store
    prepared once: the same rows the commands below would write)."""
    target = Path(db_url.removeprefix("sqlite:///"))
    if db_url.startswith("sqlite:///") and not target.exists():
        template = _sqlite_template(clock.now(), tmp_path_factory.getbasetemp())
        with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    with Platform.open(db_url, clock=clock) as p:
        register_cast(p)  # leaves a copied register as it is
        yield p


@pytest.fixture
def actors() -> dict[str, Actor]:
    """Named people of the buyer's organisation, with their roles."""
    return ACTORS
