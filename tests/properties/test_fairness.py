"""Fairness, end to end: one platform driven through random interleavings of every public command.

One `Platform` per example (a fresh store; SQLite and, with ZHAOCAI_TEST_DATABASE_URL set,
PostgreSQL). Rules register, review, inspect, admit and reject suppliers; warn, suspend, reinstate,
blacklist, appeal; renew qualifications and let them expire by moving the clock (and `tick()`);
publish open tenders (one or two envelopes) and price inquiries, amend, clarify, try to edit
frozen rules, cancel, re-tender failed ones; submit, replace, confirm and withdraw bids (by
ineligible suppliers, by people who are not suppliers, after the deadline, with bad payloads,
sealed to the wrong key), and replay them under an idempotency key; let custodians present their
own shares (and foreign ones, another's, before the deadline, twice; people who hold no seat),
open with however many were presented, review two envelopes technically and open their commercial
parts; draw committees, declare, check compliance, score in any order, report, object, remove
candidates, award; sign, override and decide price inquiries; sign contracts, record performance
and close review periods. Actors are drawn at random, including people without the role.

Every refused command must leave the store unchanged (row counts and the audit head after every
refusal, a full snapshot every few refusals). After every step the invariants `iNN_*` of
docs/fairness.md are checked; each is a named function, so a failure names its invariant.

The machine is assembled here from mix-ins, one concept per module: fairness_base.py (state,
`attempt`, `replay`, lookups), fairness_supplier_rules.py, fairness_tender_rules.py (tenders,
bids, time), fairness_opening_rules.py (one or two envelopes, the fast track to an opening),
fairness_evaluation_rules.py (commit, reveal, tampered reveals), fairness_commitment_checks.py
(score sheets sealed by commitment, i74…i76), fairness_inquiry_rules.py, fairness_contract_rules.py (contracts,
performance, review periods), fairness_award_guard_rules.py (eligibility at the award and the
contract, Reg 34; i70…i73), fairness_standing_guard_rules.py (i60–i63: supplier users with staff
roles, bidders in flight, self-renewals, blacklist look-alikes), fairness_single_source_rules.py
(single source, i50–i53), fairness_policy_rules.py (the policy and
deviations, i40…i44), fairness_interest_rules.py (declared interests and recusal, i90),
fairness_invariants.py (i01…i15) with fairness_evaluation_checks.py,
and fairness_model.py (the model and the store oracles).
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from contextlib import ExitStack
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, run_state_machine_as_test

from tests.kit import (
    ACTORS,
    approve_experts,
    fresh_store,
    make_identity_number,
    qualifications_for,
    register_actor,
    register_admitted_supplier,
    register_cast,
    register_custodian_keys,
    supplier_actor,
)
from tests.properties.fairness_award_guard_rules import AwardGuardRules
from tests.properties.fairness_base import INITIAL_SUPPLIERS, TALLY
from tests.properties.fairness_commitment_checks import CommitmentChecks
from tests.properties.fairness_contract_rules import ContractRules
from tests.properties.fairness_evaluation_rules import THE_ROAD, EvaluationRules
from tests.properties.fairness_event_checks import EventChecks
from tests.properties.fairness_inquiry_rules import InquiryRules
from tests.properties.fairness_interest_rules import InterestRules
from tests.properties.fairness_invariants import Invariants
from tests.properties.fairness_model import SupplierModel, TenderModel, table_names
from tests.properties.fairness_opening_rules import FAST_TRACK, OpeningRules
from tests.properties.fairness_people_rules import PeopleRules
from tests.properties.fairness_policy_rules import ADMIN_SUPERVISOR, BOSS, PolicyRules
from tests.properties.fairness_single_source_rules import BOTH, SingleSourceRules
from tests.properties.fairness_standing_guard_rules import StandingGuardRules
from tests.properties.fairness_supplier_rules import SupplierRules
from tests.properties.fairness_tender_rules import TenderRules
from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform


class FairnessMachine(AwardGuardRules, SupplierRules, StandingGuardRules, TenderRules, OpeningRules, EvaluationRules, InquiryRules, ContractRules,
                      SingleSourceRules, PolicyRules, PeopleRules, InterestRules, Invariants, CommitmentChecks, EventChecks, RuleBasedStateMachine):
    """One platform, many suppliers and tenders, every public command."""

    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self.stack = ExitStack()
        url = self.stack.enter_context(fresh_store(self.backend))
        # Ids from a generator seeded per example: a replayed example must take the same path
        # (Hypothesis requires it), and ids decide orders (sheets score bids in id order). Sealing,
        # keys and shares stay truly random (the custodians' own key pairs are fixed by the cast).
        ids = random.Random(2026)
        self.stack.enter_context(mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4)))
        self.clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))
        self.platform = self.stack.enter_context(Platform.open(url, clock=self.clock))
        register_cast(self.platform)
        register_actor(self.platform, BOSS, ADMIN_SUPERVISOR, BOTH)
        self.setup_people()
        register_custodian_keys(self.platform)  # the cast's custodians hold their own key pairs
        self.engine = self.platform.internal.read_engine
        self.tables = table_names(self.engine)
        self.suppliers: list[SupplierModel] = []
        self.tenders: list[TenderModel] = []
        self.used_prices: set[Decimal] = set()
        self.seed = 1000
        self.refusals = 0
        self.problems: dict[str, list[str]] = {}
        self.eligible_at_ack: dict[str, bool] = {}
        self.steps = 0
        self.evaluation: Any = getattr(self.platform, "evaluation", None)
        self.interests: dict[str, set[str]] = {}
        self.declared_interests = {}
        self._key: tuple[Any, Any] | None = None
        self._fp: Any = None
        self._checked: dict[str, Any] = {}

    def teardown(self) -> None:
        self.stack.close()
        TALLY["examples"] += 1
        TALLY["commands"] += self.steps

    # --- setup -------------------------------------------------------------------------------

    @initialize(short=st.lists(st.sampled_from([0, 0, 12, 30]), min_size=INITIAL_SUPPLIERS,
                               max_size=INITIAL_SUPPLIERS),
                inquiry=st.booleans(),
                early=st.lists(st.tuples(st.integers(0, 99999), st.integers(1, 99)), min_size=2, max_size=4),
                scoring=st.booleans(), road=st.sampled_from(["awarded", "opened", "awarded", None]),
                two=st.booleans(), data=st.data())
    def setup(self, short: list[int], inquiry: bool, early: list[tuple[int, int]], scoring: bool,
              road: str | None, two: bool, data: st.DataObject) -> None:
        """Admitted suppliers, the expert pool, a first tender with a few bids; then, in most
        examples, its whole road (bids, opening, evaluation or the inquiry's decision, award) so
        that the random steps after it also act on late stages."""
        seeds: list[int] = []
        for n, days in enumerate(short):
            self.seed += 1
            seeds.append(self.seed)
            quals = qualifications_for([Category.MATERIALS], seed=self.seed)
            if days:
                quals = [dict(q, valid_until=self.now() + timedelta(days=days))
                         if q["type"] == "quality_management_certificate" else q for q in quals]
            supplier_id = register_admitted_supplier(
                self.platform, ACTORS, name=f"义乌建材{n}号", seed=self.seed, qualifications=quals)
            self.suppliers.append(SupplierModel(supplier_id, supplier_actor(supplier_id),
                                                ACTORS["purchasing2"].id))
        self.publish(0 if inquiry else 1, "purchasing", "purchasing", 2, 3, scoring, two)
        if self.evaluation is not None:
            # A clean pool of six, and three experts with an interest in a supplier: e-0 a relative
            # at the first, e-7 employed by the second, e-8 sharing the third's legal representative.
            interest: dict[int, dict[str, Any]] = {
                0: {"relatives_at": [self.suppliers[0].id]},
                7: {"employer_id": self.suppliers[1].id},
                8: {"related_persons": [{"name": f"法人{seeds[2]}",
                                         "identity_number": make_identity_number(seeds[2])}]}}
            for n, supplier in ((0, 0), (7, 1), (8, 2)):
                self.interests[f"e-{n}"] = {self.suppliers[supplier].id}
            for n in range(9):
                self.evaluation.add_expert(ACTORS["admin"], {
                    "id": f"e-{n}", "name": f"专家{n}", "identity_number": f"33078219700101{n:04d}",
                    "specialties": ["materials"], **interest.get(n, {})})
            approve_experts(self.platform, [f"e-{n}" for n in range(9)])  # a second person's approval
        self._fp = None  # the store changed outside `attempt`
        for i, (digits, fen) in enumerate(early):
            self.submit(0, i, "good", digits, fen, "own")
        if road is not None and self.tenders:
            self.fast_track(**{name: data.draw(s) for name, s in FAST_TRACK.items()})
            if road == "awarded" and self.evaluation is not None and self.on_the_road(self.tenders[0]):
                self.evaluate_to_contract(**{name: data.draw(s) for name, s in THE_ROAD.items()})

    @initialize(who=st.sampled_from(["supplier", "nobody"]))
    def stray_bid(self, who: str) -> None:
        """A bid on a tender that does not exist (maybe before any tender is published)."""
        actor = supplier_actor("sup-unknown") if who == "supplier" else ACTORS["nobody"]
        self.attempt("bid.submit", False, self.platform.tenders.submit_bid, actor, "tdr-unknown",
                     {"lots": [{"lot": "L1", "price": "1.00"}]})


def _steps() -> int:
    return max(50, round(settings.default.stateful_step_count * 2.5))


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_fairness(backend_name: str) -> None:
    if backend_name == "postgresql" and not os.environ.get("ZHAOCAI_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL run skipped: set ZHAOCAI_TEST_DATABASE_URL")
    machine = type(f"FairnessMachine_{backend_name}", (FairnessMachine,), {"backend": backend_name})
    TALLY.clear()
    started = time.perf_counter()
    run_state_machine_as_test(machine, settings=settings(settings.default, stateful_step_count=_steps()))
    TALLY["seconds"] = round(time.perf_counter() - started)
    print(f"\nfairness[{backend_name}]:", json.dumps(dict(sorted(TALLY.items())), ensure_ascii=False, indent=0))
