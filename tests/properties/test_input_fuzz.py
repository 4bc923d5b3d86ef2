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

import inspect
import os
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.kit import fresh_store
from tests.properties.input_fuzz import (
    EXCLUDED,
    NUMBERS,
    SERVICES,
    World,
    build_world,
    check_refusal,
    outcome,
    public_commands,
    recipe,
    short,
)
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.money import MAX_AMOUNT, Money, to_decimal
from zhaocai.platform import Platform

DEEP = os.environ.get("ZHAOCAI_HYPOTHESIS_PROFILE") == "deep"
EXAMPLES = 60 if DEEP else 4

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

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
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


UNGUARDED = {
    "people.found": "parses both founders as `NewPerson`: no plain argument",
    "people.resolve": "the runner's `resolve` checks the person id or actor",
}
"""Public methods with arguments that neither `acting` nor `guarded` wraps, and why."""


def test_every_command_checks_its_arguments() -> None:
    """Every public method taking arguments checks them at the boundary (`zhaocai.guards`)."""
    with fresh_store("sqlite") as url, Platform.open(url, ManualClock()) as platform:
        unchecked = []
        for command in public_commands(platform):
            service, method = command.split(".")
            fn = getattr(type(getattr(platform, service)), method)
            takes = [p for p in inspect.signature(fn).parameters if p != "self"]
            if takes and not hasattr(fn, "__wrapped__") and command not in {**EXCLUDED, **UNGUARDED}:
                unchecked.append(command)
        assert not unchecked, f"commands whose arguments nobody checks: {unchecked}"


amounts = st.one_of(
    st.integers(), st.integers(min_value=10**20, max_value=10**6000),
    st.decimals(allow_nan=True, allow_infinity=True), st.floats(), st.booleans(), st.none(),
    st.text(max_size=30), st.sampled_from(NUMBERS),
    st.builds(lambda m, e: f"{m}e{e}", st.integers(-10**6, 10**6), st.integers(-10**12, 10**12)),
)


@given(value=amounts)
def test_every_amount_is_taken_exactly_or_refused(value: object) -> None:
    """Any value given as money is an exact amount of fen within the limit, or a `money.*`
    refusal with both messages; never a raw decimal, overflow or conversion error."""
    try:
        amount = to_decimal(value)
    except ZhaocaiError as error:
        assert error.code.startswith("money."), error.code
        check_refusal(error)
        return
    assert amount.is_finite() and abs(amount) <= MAX_AMOUNT
    assert amount == amount.quantize(Decimal("0.01"))
    assert Money.of(amount).fen == int(amount * 100)
