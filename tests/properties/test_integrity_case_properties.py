"""Properties of integrity cases and of the risk score.

The case machine is driven by a Hypothesis state machine with people taking turns at every
step in any order: a concluded case never changes again, only its assignee records findings and
concludes it, nothing is concluded on no findings, and every refused step changes nothing. The
risk score: screens alone never flag a tender, and one collusion signal always does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from zhaocai.errors import ZhaocaiError
from zhaocai.integrity.cases import CLOSED_STATES, transition
from zhaocai.integrity.model import FLAG_INFO, make_flag
from zhaocai.integrity.risk import RISK_THRESHOLD, SCREEN_CAP, tender_risks

PEOPLE = ["a-zheng", "s-zhou", "s-wu"]


@dataclass
class Case:
    id: str = "case-1"
    state: str = "opened"
    assignee: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)


class CaseLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.case = Case()
        self.concluded: tuple[str, int] | None = None
        self.refusals = 0

    def _step(self, event: str, person: str) -> bool:
        before = (self.case.state, self.case.assignee, len(self.case.findings))
        try:
            transition(self.case, event, actor_id=person)
        except ZhaocaiError as err:
            assert (self.case.state, self.case.assignee, len(self.case.findings)) == before
            if before[0] in CLOSED_STATES or (before[0] == "opened" and event != "assign"):
                assert err.code == "integrity.case.transition"
            elif event in ("record", "clear", "refer") and person != self.case.assignee:
                assert err.code == "integrity.case.not_assignee"
            else:
                assert err.code == "integrity.case.no_findings" and not self.case.findings
            self.refusals += 1
            return False
        return True

    @rule(person=st.sampled_from(PEOPLE), to=st.sampled_from(PEOPLE))
    def assign(self, person: str, to: str) -> None:
        if self._step("assign", person):
            self.case.assignee = to

    @rule(person=st.sampled_from(PEOPLE))
    def record(self, person: str) -> None:
        if self._step("record", person):
            assert person == self.case.assignee
            self.case.findings.append({"by": person})

    @rule(person=st.sampled_from(PEOPLE), event=st.sampled_from(["clear", "refer"]))
    def conclude(self, person: str, event: str) -> None:
        if self._step(event, person):
            assert person == self.case.assignee and self.case.findings
            self.concluded = (self.case.state, len(self.case.findings))

    @precondition(lambda self: self.concluded is not None)
    @invariant()
    def i_concluded_cases_never_change(self) -> None:
        assert (self.case.state, len(self.case.findings)) == self.concluded

    @invariant()
    def i_findings_only_once_assigned(self) -> None:
        assert self.case.state in ("opened", "assigned", "cleared", "referred")
        if self.case.state == "opened":
            assert not self.case.findings and self.case.assignee is None


TestCaseLife = CaseLife.TestCase

SCREENS = sorted(c for c, i in FLAG_INFO.items() if i.kind == "screen")
COLLUSION = sorted(c for c, i in FLAG_INFO.items() if i.kind == "collusion")


@given(st.sets(st.sampled_from(SCREENS), min_size=1))
def test_screens_alone_never_flag(codes: set[str]) -> None:
    risk = tender_risks([make_flag(c, "tender", tender_ids=["T"]) for c in codes])["T"]
    assert risk.score <= SCREEN_CAP < RISK_THRESHOLD and not risk.flagged


@given(st.sampled_from(COLLUSION), st.sets(st.sampled_from(SCREENS)))
def test_one_collusion_signal_flags(code: str, screens: set[str]) -> None:
    flags = [make_flag(c, "tender", tender_ids=["T"]) for c in {code, *screens}]
    assert tender_risks(flags)["T"].flagged
