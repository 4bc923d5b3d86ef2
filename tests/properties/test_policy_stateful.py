"""The policy mix-in of the fairness machine on its own: many more policy and deviation steps per
example than the full machine (where they share the steps with every other command), with the
same invariants I40–I44 and the same check that every refusal changes nothing (I13)."""

from __future__ import annotations

import os
from contextlib import ExitStack
from datetime import datetime
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.kit import fresh_store, register_custodian_keys
from tests.properties.fairness_base import TALLY
from tests.properties.fairness_model import table_names
from tests.properties.fairness_policy_rules import PolicyRules
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform


class PolicyMachine(PolicyRules, RuleBasedStateMachine):
    """One platform; drafts, deviations and policy changes only."""

    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self.stack = ExitStack()
        url = self.stack.enter_context(fresh_store(self.backend))
        self.clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))
        self.platform = self.stack.enter_context(Platform.open(url, clock=self.clock))
        register_custodian_keys(self.platform)  # the cast's custodians hold their own key pairs
        self.engine = self.platform.internal.read_engine
        self.tables = table_names(self.engine)
        self.suppliers, self.tenders, self.used_prices = [], [], set()
        self.seed, self.refusals, self.steps = 0, 0, 0
        self.problems: dict[str, list[str]] = {}
        self.eligible_at_ack, self.interests = {}, {}
        self.evaluation: Any = None
        self._key, self._fp, self._checked = None, None, {}

    def teardown(self) -> None:
        self.stack.close()
        TALLY["examples"] += 1

    @rule(days=st.integers(0, 4))
    def time_passes(self, days: int) -> None:
        self.clock.advance(days=days, hours=1)
        self._fp = None

    @invariant()
    def i13_refusals_change_nothing(self) -> None:
        self.raise_flagged("i13")
        self.raise_flagged("i12")


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_policy_machine(backend_name: str) -> None:
    if backend_name == "postgresql" and not os.environ.get("ZHAOCAI_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL run skipped: set ZHAOCAI_TEST_DATABASE_URL")
    machine = type(f"PolicyMachine_{backend_name}", (PolicyMachine,), {"backend": backend_name})
    TALLY.clear()
    run_state_machine_as_test(machine, settings=settings(settings.default,
                                                         stateful_step_count=settings.default.stateful_step_count * 2))
    accepted = {k for k in TALLY if k.startswith("accepted policy.")}
    print(f"\npolicy[{backend_name}]:", dict(sorted(TALLY.items())))
    assert TALLY["examples"] > 0 and accepted
