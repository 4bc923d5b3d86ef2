"""Integrity cases: opened from a computed flag, assigned, worked and concluded; refusals leave
the store unchanged (SQLite and PostgreSQL through the `platform` fixture)."""

from __future__ import annotations

import pytest
from test_integrity_store import _related_tender

from tests.kit import ACTORS, refused
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.integrity.cases import CaseMachine

CODE = "REG40-RELATED-PARTIES"


@pytest.fixture
def opened(platform, actors, clock):
    pub, ids = _related_tender(platform, actors, clock)
    case = platform.integrity.cases.open(actors["auditor"], CODE, pub.tender.id)
    return pub, ids, case


def test_case_cleared_as_false_positive_feeds_back(platform, actors, opened) -> None:
    pub, ids, case = opened
    cases = platform.integrity.cases
    assert case.state == "opened" and set(case.supplier_ids) == set(ids[:2])
    assert cases.assign(actors["auditor"], case.id, actors["supervisor"].id).state == "assigned"
    cases.record_finding(actors["supervisor"], case.id, "两家公司法定代表人为同一人，但属同一集团合法分设")
    done = cases.clear(actors["supervisor"], case.id, "集团内部分工，已核实未串通")
    assert done.state == "cleared" and done.conclusion and len(done.findings) == 1
    assert cases.feedback(ACTORS["auditor"]) == {CODE: {"opened": 1, "cleared": 1, "referred": 0}}
    report = platform.integrity.period_report(ACTORS["auditor"], pub.tender.published_at, pub.tender.deadline)
    assert report.to_dict()["case_feedback"] == {CODE: {"opened": 1, "cleared": 1, "referred": 0}}
    assert "opened / cleared / referred" in report.to_text()
    events = [e.type for e in platform.events.read(0, limit=1000, types=None) if e.subject_type == "integrity_case"]
    assert {"IntegrityCaseOpened", "IntegrityCaseAssigned", "IntegrityCaseFindingRecorded",
            "IntegrityCaseCleared"} <= set(events)
    # A concluded case allows a new one on the same flag.
    assert cases.open(actors["supervisor"], CODE, pub.tender.id).state == "opened"


def test_case_referred_to_a_blacklisting_request(platform, actors, opened) -> None:
    _pub, ids, case = opened
    cases = platform.integrity.cases
    cases.assign(actors["supervisor"], case.id, actors["auditor"].id)
    cases.record_finding(actors["auditor"], case.id, "投标保证金由同一账户转出")
    request = platform.suppliers.propose_blacklist(actors["purchasing"], ids[0], "串通投标", evidence=["线索 " + case.id])
    done = cases.refer(actors["auditor"], case.id, request.id, note="移交清退")
    assert done.state == "referred" and done.blacklist_request_id == request.id
    assert cases.feedback(ACTORS["auditor"])[CODE] == {"opened": 1, "cleared": 0, "referred": 1}
    assert [c.id for c in cases.list(ACTORS["auditor"], state="referred")] == [case.id]


def test_case_refusals(platform, actors, opened) -> None:
    pub, ids, case = opened
    cases = platform.integrity.cases
    auditor, supervisor = actors["auditor"], actors["supervisor"]
    refused(platform, NotFoundError, "integrity.case.flag_not_found", cases.open, auditor, "R028", pub.tender.id)
    refused(platform, PermissionDenied, "permission.role", cases.open, actors["purchasing"], CODE, pub.tender.id)
    refused(platform, ConflictError, "integrity.case.already_open", cases.open, supervisor, CODE, pub.tender.id)
    refused(platform, NotFoundError, "integrity.case.not_found", cases.assign, auditor, "case-missing", "s-zhou")
    refused(platform, ValidationError, "integrity.case.text_required", cases.assign, auditor, case.id, "  ")
    refused(platform, InvalidTransition, "integrity.case.transition", cases.clear, supervisor, case.id, "误报")
    cases.assign(auditor, case.id, supervisor.id)
    refused(platform, PermissionDenied, "integrity.case.not_assignee", cases.record_finding, auditor, case.id, "x")
    refused(platform, ValidationError, "integrity.case.no_findings", cases.clear, supervisor, case.id, "误报")
    refused(platform, ValidationError, "integrity.case.text_required", cases.record_finding, supervisor, case.id, "")
    cases.record_finding(supervisor, case.id, "核实中")
    refused(platform, NotFoundError, "integrity.case.sanction_not_found", cases.refer, supervisor, case.id, "req-none")
    other = platform.suppliers.propose_blacklist(actors["purchasing"], ids[2], "其他原因", evidence=["另案"])
    refused(platform, RuleViolation, "integrity.case.sanction_other_supplier", cases.refer, supervisor, case.id,
            other.id)
    cases.clear(supervisor, case.id, "误报：已核实")
    refused(platform, InvalidTransition, "integrity.case.transition", cases.record_finding, supervisor, case.id, "y")


def test_worklist_ranks_the_flagged_tender_for_auditors(platform, actors, opened) -> None:
    pub, _ids, _case = opened
    items = platform.integrity.worklist(actors["supervisor"], limit=5)
    assert items and items[0].rank == 1
    assert any(i.subject == "tender" and i.id == pub.tender.id and CODE in i.codes for i in items)
    refused(platform, PermissionDenied, "permission.role", platform.integrity.worklist, actors["purchasing"])
    refused(platform, ValidationError, "integrity.worklist.limit", platform.integrity.worklist, actors["auditor"], limit=0)
    tenders, _suppliers = platform.integrity.risks(ACTORS["auditor"])
    assert tenders[pub.tender.id].flagged


def test_case_machine_transitions() -> None:
    events = {(t.source.id, t.event, t.target.id) for s in CaseMachine.states for t in s.transitions}
    assert events == {("opened", "assign", "assigned"), ("assigned", "assign", "assigned"),
                      ("assigned", "record", "assigned"), ("assigned", "clear", "cleared"),
                      ("assigned", "refer", "referred")}


def test_docs_show_the_machine() -> None:
    from pathlib import Path
    lines = ["stateDiagram-v2"]
    for state in CaseMachine.states:
        for t in state.transitions:
            lines.append(f"    {t.source.id} --> {t.target.id} : {t.event}")
    text = (Path(__file__).parents[2] / "docs" / "integrity.md").read_text(encoding="utf-8")
    assert "\n".join(lines) in text
