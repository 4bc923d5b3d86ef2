"""The register's state machines, every transition and guard (pure: no store)."""

from __future__ import annotations

import pytest

from zhaocai.errors import InvalidTransition
from zhaocai.suppliers.machines import AdmissionMachine, StandingMachine, allowed, next_state, sources


@pytest.mark.parametrize("previous", ["active", "warned", "suspended"])
def test_an_appeal_restores_the_standing_held_before_the_blacklisting(previous: str) -> None:
    assert next_state(StandingMachine, "blacklisted", "restore", "S1", previous=previous) == previous


@pytest.mark.parametrize("previous", [None, "blacklisted", "exited", "reapply_eligible"])
def test_restore_without_a_previous_standing_is_refused(previous: str | None) -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state(StandingMachine, "blacklisted", "restore", "S1", previous=previous)
    assert info.value.code == "supplier.standing.transition"
    assert info.value.details == {"supplier_id": "S1", "state": "blacklisted", "event": "restore",
                                  "machine": "standing"}
    assert "状态为 blacklisted 时不允许 restore" in info.value.message_zh


def test_standing_transitions() -> None:
    assert sources(StandingMachine, "warn") == ["active"]
    assert sources(StandingMachine, "clear_warning") == ["warned"]
    assert sources(StandingMachine, "suspend") == ["active", "warned"]
    assert sources(StandingMachine, "reinstate") == ["suspended"]
    assert sources(StandingMachine, "blacklist") == ["active", "suspended", "warned"]
    assert sources(StandingMachine, "restore") == []  # guarded: needs the previous standing
    assert sources(StandingMachine, "end_ban") == ["blacklisted"]
    assert sources(StandingMachine, "exit") == ["active", "warned"]
    assert sources(StandingMachine, "readmit") == ["exited", "reapply_eligible"]
    assert next_state(StandingMachine, "warned", "suspend", "S1") == "suspended"
    assert next_state(StandingMachine, "blacklisted", "end_ban", "S1") == "reapply_eligible"


def test_admission_transitions_and_guards() -> None:
    step = lambda state, event, **ctx: next_state(AdmissionMachine, state, event, "S1", **ctx)  # noqa: E731
    assert step("applied", "review") == "under_review"
    assert step("under_review", "review") == "under_review"
    assert step("under_review", "review", reviews_complete=True, inspection_needed=True) == "site_inspection"
    assert step("under_review", "review", reviews_complete=True) == "under_review"
    assert step("under_review", "admit", reviews_complete=True) == "admitted"
    assert not allowed(AdmissionMachine, "under_review", "admit", reviews_complete=True, inspection_needed=True)
    assert not allowed(AdmissionMachine, "under_review", "admit")
    assert allowed(AdmissionMachine, "under_review", "admit", reviews_complete=True)
    assert step("site_inspection", "inspect") == "site_inspection"
    assert step("site_inspection", "admit", reviews_complete=True, inspection_passed=True) == "admitted"
    assert not allowed(AdmissionMachine, "site_inspection", "admit", reviews_complete=True)
    assert not allowed(AdmissionMachine, "site_inspection", "admit", inspection_passed=True)
    assert sources(AdmissionMachine, "reject") == ["applied", "site_inspection", "under_review"]
    assert step("rejected", "reapply") == "applied"
    assert step("admitted", "reapply", may_reapply=True) == "applied"
    with pytest.raises(InvalidTransition) as info:
        step("admitted", "reapply")
    assert info.value.code == "supplier.admission.transition"
    assert info.value.details["machine"] == "admission"
    assert "准入为 admitted 时不允许 reapply" in info.value.message_zh
    assert "reapply is not allowed when admission is admitted" in info.value.message_en
