"""Every bad input is a typed error: a fuzz over the inputs of every public command.

Each command of every service `Platform` holds (found by `tests.properties.input_fuzz`, not
listed) is called with hostile arguments: amounts of any size or spelling, NUL and control
characters, unknown enum values, wrong types, huge texts, naive datetimes, blank names. Whatever
it is given, a command either does its work or refuses with a `ZhaocaiError` that has a code and
a message in English and wholly Chinese; nothing raw escapes (no InvalidOperation, OverflowError,
DataError, ValueError...), a refusal changes nothing, and SQLite and PostgreSQL (when
configured) answer the same. A few examples per command by default; many more under
ZHAOCAI_HYPOTHESIS_PROFILE=deep.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.kit import fresh_store
from tests.properties.input_fuzz import (
    EXCLUDED,
    SERVICES,
    World,
    build_world,
    outcome,
    public_commands,
    recipe,
    short,
)
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

DEEP = os.environ.get("ZHAOCAI_HYPOTHESIS_PROFILE") == "deep"
EXAMPLES = 60 if DEEP else 4
PHASES = [Phase.explicit, Phase.generate] if os.environ.get("FUZZ_NOSHRINK") else list(Phase)

with fresh_store("sqlite") as _url, Platform.open(_url, ManualClock()) as _platform:
    COMMANDS = [c for c in public_commands(_platform) if c not in EXCLUDED]


@pytest.fixture(scope="module")
def worlds() -> Iterator[list[World]]:
    """The world on SQLite and, when configured, on PostgreSQL: built the same way."""
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("ZHAOCAI_TEST_DATABASE_URL") else [])
    stores = [fresh_store(b) for b in backends]
    built: list[World] = []
    try:
        for store in stores:
            built.append(build_world(store.__enter__()))
        yield built
    finally:
        for world in built:
            world.platform.close()
        for store in stores:
            store.__exit__(None, None, None)


def test_every_service_is_fuzzed() -> None:
    """The fuzz knows every service the platform holds, and excludes only existing commands."""
    with fresh_store("sqlite") as url, Platform.open(url, ManualClock()) as platform:
        held = {name for name, value in vars(platform).items()
                if hasattr(value, "__module__") and value.__module__.endswith(".service")}
        assert held <= set(SERVICES), f"services not fuzzed: {sorted(held - set(SERVICES))}"
        assert set(EXCLUDED) <= set(public_commands(platform)), "an excluded command is gone"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_bad_input_is_a_typed_error(worlds: list[World], command: str) -> None:
    """Whatever `command` is given, it works or refuses with a well-formed typed error, the same
    on every backend, changing nothing when it refuses."""
    first = worlds[0]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=PHASES,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        arguments = data.draw(recipe(first.platform, command, first.clock), label="arguments")
        answers = []
        for world in worlds:
            try:
                answers.append(outcome(world, command, arguments))
            except AssertionError:
                raise
            except Exception as error:
                raise AssertionError(f"{command} let a raw {type(error).__name__} escape: {error!s:.500}"
                                     f"\narguments: {short(arguments)}") from error
        assert len(set(answers)) == 1, f"{command}: backends disagree {answers}: {short(arguments)}"

    run()
