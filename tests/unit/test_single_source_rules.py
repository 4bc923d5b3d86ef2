"""Pure rules and the machine of single-source procurement: no database, no clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError as PydanticError

from zhaocai.bidding.single_source import rules
from zhaocai.bidding.single_source.machine import SingleSourceMachine, SingleSourceState, fire
from zhaocai.bidding.single_source.rules import (
    ContractFact,
    Justification,
    ReferenceFacts,
    SingleSourcePolicy,
    TenderFact,
)
from zhaocai.clock import SHANGHAI
from zhaocai.errors import ConflictError, InvalidTransition, PermissionDenied, RuleViolation, ValidationError

P = rules.DEFAULT_POLICY
D = Decimal


def code_of(fn: Any, *args: Any, **kw: Any) -> str:
    with pytest.raises((RuleViolation, PermissionDenied, ValidationError, ConflictError,
                        InvalidTransition)) as info:
        fn(*args, **kw)
    return str(info.value.code)


def test_policy_defaults_follow_the_law_and_refuse_to_go_laxer() -> None:
    assert (P.notice_days, P.notice_in_workdays, P.additional_share_percent, P.min_negotiators) == (5, True, D(10), 2)
    for lax in ({"notice_days": 4}, {"additional_share_percent": "10.01"}, {"min_negotiators": 1},
                {"failed_tenders_needed": 1}, {"contract_within_days": 31}):
        with pytest.raises(PydanticError):
            SingleSourcePolicy.model_validate(lax)
    stricter = SingleSourcePolicy(notice_days=7, additional_share_percent=D(5), min_negotiators=3)
    assert stricter.min_negotiators == 3


def test_notice_counts_five_working_days_in_asia_shanghai() -> None:
    # Approved Friday 2026-04-03 (the Qingming holiday is 4–6 April): Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    approved = datetime(2026, 4, 3, 15, 0, tzinfo=SHANGHAI)
    ends = P.notice_ends(approved)
    assert ends == datetime(2026, 4, 14, 0, 0, tzinfo=SHANGHAI).astimezone(UTC)
    calendar_days = SingleSourcePolicy(notice_in_workdays=False).notice_ends(approved)
    assert calendar_days == datetime(2026, 4, 9, 0, 0, tzinfo=SHANGHAI).astimezone(UTC)


def test_reference_shape_per_ground() -> None:
    check = rules.check_reference_shape
    check(Justification.PROPRIETARY, None, [], P)
    check(Justification.ADDITIONAL_COMPATIBLE, "ctr-1", [], P)
    check(Justification.FAILED_TWICE, None, ["t1", "t2"], P)
    for args in ((Justification.PROPRIETARY, "ctr-1", []), (Justification.EMERGENCY, None, ["t1"]),
                 (Justification.ADDITIONAL_COMPATIBLE, None, []), (Justification.FAILED_TWICE, None, ["t1"]),
                 (Justification.FAILED_TWICE, None, ["t1", "t1"])):
        assert code_of(check, *args, P) == "single_source.references"


def _contract(**kw: Any) -> ContractFact:
    return ContractFact(**{"id": "ctr-1", "supplier_id": "s1", "amount": D("1000000.00"), "status": "signed", **kw})


def test_additional_purchase_stays_within_ten_percent_of_the_earlier_contract_cumulatively() -> None:
    add = rules.check_additional
    add("s1", D("100000.00"), "ctr-1", ReferenceFacts(contract=_contract()), P)
    assert code_of(add, "s1", D("100000.01"), "ctr-1", ReferenceFacts(contract=_contract()), P) \
        == "single_source.additional_over_share"
    already = ReferenceFacts(contract=_contract(), committed=D("60000.00"))
    add("s1", D("40000.00"), "ctr-1", already, P)
    assert code_of(add, "s1", D("40000.01"), "ctr-1", already, P) == "single_source.additional_over_share"
    assert code_of(add, "s1", D("1.00"), "ctr-9", ReferenceFacts(), P) == "single_source.reference_missing"
    assert code_of(add, "s2", D("1.00"), "ctr-1", ReferenceFacts(contract=_contract()), P) \
        == "single_source.reference_other_supplier"
    assert code_of(add, "s1", D("1.00"), "ctr-1", ReferenceFacts(contract=_contract(status="lapsed")), P) \
        == "single_source.reference_unsigned"
    assert rules.additional_cap(D("333.33"), P) == D("33.33")


def _tenders(*specs: tuple[str, str, str | None]) -> ReferenceFacts:
    return ReferenceFacts(tenders=tuple(TenderFact(i, state, "materials", parent) for i, state, parent in specs))


def test_failed_tenders_must_be_one_failed_chain_of_the_same_need() -> None:
    chain = rules.check_failed_chain
    chain("materials", ["t1", "t2"], _tenders(("t1", "failed", None), ("t2", "failed", "t1")))
    chain("materials", ["t2", "t3"], _tenders(("t2", "failed", "t1"), ("t3", "failed", "t2")))
    assert code_of(chain, "materials", ["t1", "t2"], _tenders(("t1", "failed", None))) \
        == "single_source.reference_missing"
    assert code_of(chain, "materials", ["t1", "t2"], _tenders(("t1", "failed", None), ("t2", "published", "t1"))) \
        == "single_source.tender_not_failed"
    assert code_of(chain, "materials", ["t1", "t2"], _tenders(("t1", "failed", None), ("t2", "failed", None))) \
        == "single_source.tenders_not_chain"
    assert code_of(chain, "materials", ["t2", "t3"], _tenders(("t2", "failed", "t1"), ("t3", "failed", "t1"))) \
        == "single_source.tenders_not_chain"
    assert code_of(chain, "labour", ["t1", "t2"], _tenders(("t1", "failed", None), ("t2", "failed", "t1"))) \
        == "single_source.tender_other_need"


def test_people_rules() -> None:
    assert code_of(rules.require_independent_approver, "p1", "p1") == "single_source.self_approval"
    rules.require_independent_approver("p1", "s1")
    assert code_of(rules.require_decider, "p1", "s1", "x", "p1") == "single_source.objection_decider"
    assert code_of(rules.require_decider, "p1", "s1", "x", "s1") == "single_source.objection_decider"
    assert code_of(rules.require_decider, "p1", "s1", "s2", "s2") == "single_source.objection_decider"
    rules.require_decider("p1", "s1", "x", "s2")
    assert code_of(rules.require_new_signer, ["p1"], "p1") == "single_source.already_signed"
    assert code_of(rules.require_signatures, ["p1"], "p1", 2) == "single_source.signatures_short"
    assert code_of(rules.require_signatures, ["p1", "p1"], "p1", 2) == "single_source.signatures_short"
    rules.require_signatures(["p1", "p2"], "p1", 2)
    assert code_of(rules.require_signatures, ["p2", "p3"], "p1", 3) == "single_source.signatures_short"


def test_time_and_price_rules() -> None:
    ends = datetime(2026, 3, 9, 16, tzinfo=UTC)
    rules.require_notice_running(ends - timedelta(seconds=1), ends)
    assert code_of(rules.require_notice_running, ends, ends) == "single_source.notice_over"
    rules.require_notice_over(ends, ends)
    assert code_of(rules.require_notice_over, ends - timedelta(seconds=1), ends) == "single_source.notice_running"
    assert code_of(rules.require_objections_decided, 1) == "single_source.objection_pending"
    rules.require_within_estimate(D("100.00"), D("100.00"))
    assert code_of(rules.require_within_estimate, D("100.01"), D("100.00")) == "single_source.over_estimate"


def _row(state: str = "drafted", **kw: Any) -> SimpleNamespace:
    base = {"id": "ss-1", "state": state, "drafted_by": "p1", "justification": "proprietary", "supplier_id": "s1",
            "category": "materials", "estimate_fen": 10000, "earlier_contract_id": None,
            "failed_tender_ids": [], "notice_ends": datetime(2026, 3, 9, 16, tzinfo=UTC)}
    base.update(kw)
    return SimpleNamespace(**base)


def test_machine_walks_the_road_and_refuses_every_shortcut() -> None:
    row = _row()
    assert code_of(fire, row, "negotiate", now=row.notice_ends, pending=0, agreed=D("1")) == "single_source.transition"
    assert code_of(fire, row, "approve", approver_id="p1", facts=ReferenceFacts(), policy=P) \
        == "single_source.self_approval"
    assert row.state == "drafted"
    assert fire(row, "approve", approver_id="s1", facts=ReferenceFacts(), policy=P) is SingleSourceState.NOTICE
    assert code_of(fire, row, "negotiate", now=row.notice_ends - timedelta(seconds=1), pending=0,
                   agreed=D("1")) == "single_source.notice_running"
    assert code_of(fire, row, "negotiate", now=row.notice_ends, pending=1, agreed=D("1")) \
        == "single_source.objection_pending"
    assert code_of(fire, row, "negotiate", now=row.notice_ends, pending=0, agreed=D("100.01")) \
        == "single_source.over_estimate"
    assert row.state == "notice"
    fire(row, "negotiate", now=row.notice_ends, pending=0, agreed=D("100.00"))
    assert code_of(fire, row, "sign", signers=["p1"], officer_id="p1") == "single_source.already_signed"
    assert code_of(fire, row, "conclude", signers=["p1"], policy=P) == "single_source.signatures_short"
    assert fire(row, "conclude", signers=["p1", "p2"], policy=P) is SingleSourceState.CONCLUDED
    assert code_of(fire, row, "cancel") == "single_source.transition"


def test_an_upheld_objection_ends_the_procurement() -> None:
    row = _row("notice", approved_by="s1")
    for decider in ("p1", "s1"):
        assert code_of(fire, row, "uphold_objection", raised_by="x", decider_id=decider) \
            == "single_source.objection_decider"
    assert fire(row, "uphold_objection", raised_by="x", decider_id="s2") is SingleSourceState.CANCELLED


def test_machine_states_come_from_the_enum() -> None:
    assert {s.value for s in SingleSourceMachine.states} == {s.value for s in SingleSourceState}
    assert {s.value for s in SingleSourceMachine.final_states} == {"concluded", "cancelled"}


def test_the_documented_diagram_is_the_machine() -> None:
    from pathlib import Path

    lines = ["stateDiagram-v2"] + [f"    {t.source.value} --> {t.target.value} : {t.event}"
                                   for s in SingleSourceMachine.states for t in s.transitions]
    doc = (Path(__file__).resolve().parents[2] / "docs" / "single-source.md").read_text(encoding="utf-8")
    assert "\n".join(lines) in doc
