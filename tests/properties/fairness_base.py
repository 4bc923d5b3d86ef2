"""Shared state and plumbing of the fairness machine (test_fairness.py): constants, `attempt`
(runs a command and checks a refusal changed nothing), the fingerprint cache, lookups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from tests.kit import ACTORS, application, expert_actor, qualifications_for, supplier_actor
from tests.properties.fairness_model import SupplierModel, TenderModel, fingerprint, full_snapshot, holds
from zhaocai.actors import Actor, Role
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

WHO = sorted(ACTORS)  # people of the buyer, with and without the needed role
INITIAL_SUPPLIERS = 4
MAX_SUPPLIERS = 7
MAX_TENDERS = 2  # published by `publish`; re-tenders add up to two more
TENDER = st.integers(0, 3)  # which tender a rule acts on (modulo those that qualify)
FULL_SNAPSHOT_EVERY = 20
TALLY: Counter[str] = Counter()  # what the runs did, printed after each test (pytest -s)


def yuan(digits: int, fen: int) -> Decimal:
    """A marker price: 7xxxxx.yy, never .00, so its text cannot be mistaken for anything stored."""
    return Decimal(f"7{digits:05d}.{fen:02d}")


class FairnessBase:
    """What every part of the fairness machine shares: its state and the plumbing of commands."""

    backend: str
    stack: ExitStack
    clock: ManualClock
    platform: Platform
    engine: Any
    tables: list[str]
    suppliers: list[SupplierModel]
    tenders: list[TenderModel]
    used_prices: set[Decimal]
    seed: int
    refusals: int
    problems: dict[str, list[str]]
    eligible_at_ack: dict[str, bool]
    steps: int
    evaluation: Any
    interests: dict[str, set[str]]  # expert id → suppliers it has a recorded interest in (I6)
    _key: tuple[Any, Any] | None
    _fp: Any
    _checked: dict[str, Any]

    def flag(self, invariant_name: str, message: str) -> None:
        """Remember a violation seen inside a rule; the named invariant raises it. A rule that
        expected an act its actor had to step aside from (`person.recused`, justified by a
        declaration: see fairness_interest_rules.py) flags nothing."""
        if getattr(self, "_recused", False) and invariant_name not in ("i13", "i90"):
            TALLY["interests: an act expected of a declarant was refused as recused"] += 1
            return
        self.problems.setdefault(invariant_name, []).append(message)

    def justified_recusal(self, details: dict[str, Any]) -> bool:
        """Whether a `person.recused` refusal names a declaration of the model (see InterestRules)."""
        return False

    def attempt(self, name: str, allowed: bool, fn: Callable[..., Any], *args: Any,
                inv: str = "i12", **kw: Any) -> tuple[bool, Any]:
        """Run a command. A refusal must change nothing (I13); an acceptance must be allowed."""
        self.steps += 1
        self._recused = False
        before = self.fingerprint()
        snap = None
        if self.refusals % FULL_SNAPSHOT_EVERY == 0:
            snap = full_snapshot(self.engine, self.tables)
        try:
            result = fn(*args, **kw)
        except ZhaocaiError as exc:
            self.refusals += 1
            self._fp = None
            after = self.fingerprint()
            if after != before:
                self.flag("i13", f"{name} refused ({exc.code}) but changed the store: {before} → {after}")
            elif snap is not None and full_snapshot(self.engine, self.tables) != snap:
                self.flag("i13", f"{name} refused ({exc.code}) but changed a row")
            TALLY[f"refused {name}: {exc.code}"] += 1
            if exc.code == "person.recused":
                if not self.justified_recusal(exc.details):
                    self.flag("i90", f"{name} refused as recused without a declaration: {exc.details}")
                self._recused = True
            return False, exc
        if not allowed:
            self.flag(inv, f"{name} was accepted though the actor or the rules forbid it")
        self._fp = None
        after = self.fingerprint()
        if after[1] <= before[1]:
            self.flag("i11", f"{name} was accepted without an audit event")
        TALLY[f"accepted {name}"] += 1
        return True, result

    def replay(self, name: str, first: Any, fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
        """Send a command again with its idempotency key: the first answer comes back and the
        store does not change (one act, one audit event: I11)."""
        self.steps += 1
        before = self.fingerprint()
        try:
            again = fn(*args, **kw)
        except ZhaocaiError as exc:
            self.flag("i11", f"the replay of {name} was refused: {exc.code}")
            return
        self._fp = None
        if self.fingerprint() != before:
            self.flag("i11", f"the replay of {name} changed the store")
        if again != first:
            self.flag("i11", f"the replay of {name} answered {again!r}, first {first!r}")
        TALLY[f"replayed {name}"] += 1

    def now(self) -> datetime:
        return self.clock.now()

    def fingerprint(self) -> Any:
        """The store's fingerprint, cached until a command or a tick may have changed it."""
        if self._fp is None:
            self._fp = fingerprint(self.engine, self.tables)
        return self._fp

    def supplier(self, i: int) -> SupplierModel:
        return self.suppliers[i % len(self.suppliers)]

    def tender(self, i: int) -> TenderModel:
        return self.tenders[i % len(self.tenders)]

    def accepting(self, t: TenderModel) -> bool:
        return t.state == "published" and tender_rules.accepts_bids(self.now(), t.deadline)

    def closed(self, t: TenderModel) -> bool:
        return t.state == "published" and not tender_rules.accepts_bids(self.now(), t.deadline)

    def presenting(self, t: TenderModel) -> bool:
        """The tender still needs its key (custodians may present): closed, or opened at the
        technical stage of two envelopes."""
        return self.closed(t) or (t.state == "opened" and t.stage == "technical")

    def fresh_price(self, digits: int, fen: int) -> Decimal:
        price = yuan(digits % 100000, fen)
        while price in self.used_prices or price.as_tuple().digits[-2:] == (0, 0):
            price += Decimal("0.01")
            if price >= Decimal("800000"):
                price = Decimal("700000.01")
        self.used_prices.add(price)
        return price

    def add_supplier(self, who: Actor, short_quals: int, large: bool) -> bool:
        self.seed += 1
        quals = qualifications_for([Category.MATERIALS], seed=self.seed)
        if short_quals:
            quals = [dict(q, valid_until=self.now() + timedelta(days=short_quals))
                     if q["type"] == "quality_management_certificate" else q for q in quals]
        app = application(f"义乌公平{self.seed}号", seed=self.seed, qualifications=quals,
                          ceiling="5000000" if large else "500000")
        ok, view = self.attempt("supplier.register", holds(who, {Role.PURCHASING, Role.ADMINISTRATOR}),
                                self.platform.suppliers.register, who, app)
        if ok:
            self.suppliers.append(SupplierModel(view.id, supplier_actor(view.id), who.id))
        return ok

    def in_state(self, t: int, state: str) -> TenderModel | None:
        found = [m for m in self.tenders if m.state == state]
        return found[t % len(found)] if found else None

    def member(self, m: TenderModel, k: int, outsider: bool) -> Actor:
        if outsider or not m.members:
            seated_ids = {a.id for a in m.members}
            return next(expert_actor(f"e-{n}") for n in range(7) if f"e-{n}" not in seated_ids)
        return m.members[k % len(m.members)]

    def unchanged_since_checked(self, name: str) -> bool:
        """True when neither the store nor the clock moved since invariant `name` last passed:
        every invariant is a function of (store, clock, model), and the model only changes
        with the store, so it need not run again. Refusals (most steps) change nothing."""
        if self._key is None or self._key[0] != (self.steps, self.now()):
            self._key = ((self.steps, self.now()), (self.fingerprint(), self.now()))
        state = self._key[1]
        if self._checked.get(name) == state:
            return True
        self._checked[name] = state
        return False

    def raise_flagged(self, name: str) -> None:
        problems = self.problems.get(name)
        assert not problems, f"{name}: " + "; ".join(problems[:3])
