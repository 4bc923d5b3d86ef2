"""Every command takes an idempotency key: a retry with the same key and the same input returns
the first result and changes nothing; the same key with another input is refused, changing
nothing. The key is taken once, by `@acting` and the runner, not by each command."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.kit import (
    DEPARTMENTS,
    application,
    build_tender,
    draft,
    fixed_date_schedule,
    refused,
    register_cast,
    row_counts,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, NotFoundError, ValidationError
from zhaocai.keys import MissingKeys
from zhaocai.platform import Platform

A = dict[str, Actor]
Command = Callable[[str], Any]
"""A command called with an idempotency key."""
Setup = Callable[[Platform, A, ManualClock], tuple[Command, Command]]
"""Set the command up; return it and the same command with another input."""

_SEEDS = itertools.count(7000)
CASES: dict[str, Setup] = {}


def case(fn: Setup) -> Setup:
    CASES[fn.__name__] = fn
    return fn


@case
def create_draft(platform: Platform, actors: A, clock: ManualClock) -> tuple[Command, Command]:
    tenders = platform.tenders
    return (lambda key: tenders.create_draft(actors["purchasing"], draft(clock), idempotency_key=key),
            lambda key: tenders.create_draft(actors["purchasing"], draft(clock, title="Another"),
                                             idempotency_key=key))


@case
def admit(platform: Platform, actors: A, clock: ManualClock) -> tuple[Command, Command]:
    suppliers = platform.suppliers
    view = suppliers.register(actors["purchasing2"], application("义乌幂等建材有限公司", seed=next(_SEEDS)))
    for who, department in DEPARTMENTS:
        suppliers.review(actors[who], view.id, department, passed=True, comment="符合要求")
    return (lambda key: suppliers.admit(actors["purchasing"], view.id, idempotency_key=key),
            lambda key: suppliers.admit(actors["purchasing"], "sup-another", idempotency_key=key))


@case
def award(platform: Platform, actors: A, clock: ManualClock) -> tuple[Command, Command]:
    tender = build_tender(platform, clock, "publicising", evaluation={"method": "lowest_evaluated_price"})
    clock.set(tender.report.publicity_ends)
    evaluation = platform.evaluation
    return (lambda key: evaluation.award(actors["purchasing"], tender.tender_id, idempotency_key=key),
            lambda key: evaluation.award(actors["purchasing"], "tdr-another", idempotency_key=key))


@case
def sign_contract(platform: Platform, actors: A, clock: ManualClock) -> tuple[Command, Command]:
    tender = build_tender(platform, clock, "awarded", evaluation={"method": "lowest_evaluated_price"})
    contract_id = tender.award.notices[0].contract_id
    evaluation = platform.evaluation
    return (lambda key: evaluation.sign_contract(actors["purchasing"], contract_id, idempotency_key=key),
            lambda key: evaluation.sign_contract(actors["purchasing"], "ctr-another",
                                                 idempotency_key=key))


@case
def withdraw_bid(platform: Platform, actors: A, clock: ManualClock) -> tuple[Command, Command]:
    tender = build_tender(platform, clock, "published", bidders=1, pool=0)
    user = supplier_actor(tender.suppliers[0])
    platform.tenders.submit_bid(user, tender.tender_id, tender.bid(0, ["L1"]))
    tenders = platform.tenders
    return (lambda key: tenders.withdraw_bid(user, tender.tender_id, idempotency_key=key),
            lambda key: tenders.withdraw_bid(user, "tdr-another", idempotency_key=key))


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_retry_with_the_key_returns_the_first_result_and_changes_nothing(
        platform: Platform, actors: A, clock: ManualClock, name: str) -> None:
    command, other = CASES[name](platform, actors, clock)
    first = command(f"erp-{name}-1")
    counts, head = row_counts(platform.url), platform.audit.head()
    for _ in range(2):
        assert command(f"erp-{name}-1") == first
    assert row_counts(platform.url) == counts and platform.audit.head() == head
    refused(platform, ConflictError, "idempotency.request_mismatch", other, f"erp-{name}-1")


@settings(max_examples=10)
@given(title=st.text(st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=40).filter(str.strip),
       retries=st.integers(min_value=1, max_value=3),
       key=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60)
       .filter(str.strip))
def test_any_keyed_draft_is_made_once(platform: Platform, actors: A, clock: ManualClock,
                                      title: str, retries: int, key: str) -> None:
    key = f"{next(_SEEDS)}:{key}"  # one key per example: the store is shared by the examples
    first = platform.tenders.create_draft(actors["purchasing"], draft(clock, title=title), idempotency_key=key)
    counts, head = row_counts(platform.url), platform.audit.head()
    for _ in range(retries):
        again = platform.tenders.create_draft(actors["purchasing"], draft(clock, title=title),
                                              idempotency_key=key)
        assert again == first
    assert row_counts(platform.url) == counts and platform.audit.head() == head


def test_the_key_belongs_to_its_actor_and_command(platform: Platform, actors: A, clock: ManualClock) -> None:
    platform.tenders.create_draft(actors["purchasing"], draft(clock), idempotency_key="erp-owned")
    refused(platform, ConflictError, "idempotency.mismatch", platform.tenders.create_draft,
            actors["purchasing2"], draft(clock), idempotency_key="erp-owned")
    refused(platform, ConflictError, "idempotency.mismatch", platform.holidays.propose,
            actors["admin"], fixed_date_schedule(2099), idempotency_key="erp-owned")


@pytest.mark.parametrize("key", ["", "   ", "k" * 201, "erp\x00key", "erp\nkey"])
def test_a_blank_or_overlong_key_is_refused(platform: Platform, actors: A, clock: ManualClock, key: str) -> None:
    refused(platform, ValidationError, "idempotency.key_invalid", platform.tenders.create_draft,
            actors["purchasing"], draft(clock), idempotency_key=key)


def test_without_a_key_every_call_acts(platform: Platform, actors: A, clock: ManualClock) -> None:
    one = platform.tenders.create_draft(actors["purchasing"], draft(clock))
    two = platform.tenders.create_draft(actors["purchasing"], draft(clock))
    assert one.id != two.id


def test_a_keyed_command_needs_the_platforms_keys(db_url: str, clock: ManualClock, actors: A) -> None:
    with Platform.open(db_url, clock, keys=MissingKeys(["nowhere"], "Pass keys=.")) as keyless:
        register_cast(keyless)
        refused(keyless, NotFoundError, "keys.missing", keyless.tenders.create_draft,
                actors["purchasing"], draft(clock), idempotency_key="erp-keyless")
        assert keyless.tenders.create_draft(actors["purchasing"], draft(clock)).state == "draft"
