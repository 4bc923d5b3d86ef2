"""The pure rules of admission, standing and performance that the handlers call directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from zhaocai.categories import Category
from zhaocai.errors import ConflictError, RuleViolation, ValidationError
from zhaocai.suppliers.admission_rules import chosen_categories, may_reapply, require_positive_ceiling
from zhaocai.suppliers.eligibility_rules import EligibilityFacts, reasons_against
from zhaocai.suppliers.performance_rules import (
    require_open_period,
    require_past,
    require_period_over,
    require_unclosed,
)
from zhaocai.suppliers.rules import DEFAULT_POLICIES, HeldQualification
from zhaocai.suppliers.standing_rules import completes_approvals, require_blacklist_input

NOW = datetime(2026, 3, 2, 1, tzinfo=UTC)


def test_categories_to_admit_in_are_those_applied_for() -> None:
    assert chosen_categories(None, ["services", "materials"]) == [Category.MATERIALS, Category.SERVICES]
    assert chosen_categories(["services"], ["services", "materials"]) == [Category.SERVICES]
    with pytest.raises(ValidationError) as info:
        chosen_categories([Category.LABOUR], ["materials"])
    assert info.value.code == "supplier.admission.category" and info.value.details == {"categories": ["labour"]}


def test_reapplication_and_ceiling() -> None:
    assert may_reapply("exited") and may_reapply("reapply_eligible")
    assert not any(may_reapply(s) for s in (None, "active", "warned", "suspended", "blacklisted"))
    require_positive_ceiling(None)
    require_positive_ceiling(Decimal("0.01"))
    with pytest.raises(ValidationError):
        require_positive_ceiling(Decimal(0))


def test_blacklisting_input_and_approval_count() -> None:
    require_blacklist_input(1, ["证据"])
    for days, evidence in ((0, ["证据"]), (30, [])):
        with pytest.raises(ValidationError) as info:
            require_blacklist_input(days, evidence)
        assert info.value.code == "supplier.blacklist.input"
    one = {"actor_id": "a", "roles": []}
    assert completes_approvals(one, [], needed=1)
    assert not completes_approvals(one, [], needed=2)
    assert completes_approvals(one, [one], needed=2)


def test_performance_periods() -> None:
    require_past(NOW, NOW)
    with pytest.raises(ValidationError):
        require_past(NOW + timedelta(seconds=1), NOW)
    require_open_period(None)
    with pytest.raises(RuleViolation) as closed:
        require_open_period("month:2026-02")
    assert closed.value.code == "supplier.performance.period_closed"
    require_period_over("month:2026-02", NOW, NOW)
    with pytest.raises(RuleViolation) as early:
        require_period_over("month:2026-03", NOW + timedelta(days=1), NOW)
    assert early.value.code == "supplier.performance.period_open"
    assert "UTC" not in early.value.message_zh and "+00:00" not in early.value.message_zh
    require_unclosed("month:2026-02", None)
    with pytest.raises(ConflictError):
        require_unclosed("month:2026-02", object())


def _facts(**changes: object) -> EligibilityFacts:
    held = [HeldQualification(r.type, "二级", "N-1", NOW - timedelta(days=1), NOW + timedelta(days=1))
            for r in DEFAULT_POLICIES[Category.MATERIALS]]
    fields: dict[str, object] = {
        "supplier_id": "S1", "admission": "admitted", "standing": "active", "ceiling": Decimal(100),
        "ban_until": None, "category_admitted": True,
        "requirements": DEFAULT_POLICIES[Category.MATERIALS], "held": held}
    return EligibilityFacts(**{**fields, **changes})  # type: ignore[arg-type]


def test_eligibility_reasons_in_order() -> None:
    codes = lambda facts, amount=Decimal(100): [  # noqa: E731
        r.code for r in reasons_against(facts, Category.MATERIALS, amount, NOW)]
    assert codes(_facts()) == [] and codes(_facts(standing="warned")) == []
    assert codes(_facts(standing="suspended")) == ["suspended"]
    assert codes(_facts(standing="exited")) == ["exited"]
    banned = reasons_against(_facts(standing="blacklisted", ban_until=NOW), Category.MATERIALS,
                             Decimal(1), NOW)
    assert [r.code for r in banned] == ["blacklisted"] and banned[0].details["ban_until"] == NOW.isoformat()
    assert codes(_facts(standing="reapply_eligible")) == ["not_admitted"]
    assert codes(_facts(admission="under_review", standing=None)) == ["not_admitted"]
    assert codes(_facts(category_admitted=False)) == ["not_admitted"]
    assert codes(_facts(held=[]), Decimal("100.01")) == [
        "qualification_missing", "qualification_missing", "ceiling_below_amount"]
