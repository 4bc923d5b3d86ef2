"""The registry of deep checks, and the fail-closed check of one tender.

Each area checks its own tables against the audit chain in a module beside its code
(`bidding/chain_check.py`, `suppliers/chain_check.py`, `bidding/evaluating/chain_check.py`,
`bidding/evaluating/contract_chain_check.py`, `bidding/single_source/chain_check.py`,
`people/chain_check.py`); they are
registered here, once:

- `CHECKERS` run on `platform.audit.verify(deep=True)` and `zhaocai verify --deep`, over the
  whole store;
- `require_consistent(uow, tender_id, stage)` runs the checks a stage depends on over one
  tender's rows (one read of that tender's links through the subject index, one query per table)
  and refuses with `audit.state_mismatch` when any row disagrees: opening, every evaluation step
  and the award do not proceed on rows changed outside a command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from zhaocai.audit.deep import Checker, Disagreement, Scope, run_checkers
from zhaocai.bidding.chain_check import BIDS, OPENED, OPENINGS, TENDERS
from zhaocai.bidding.evaluating.chain_check import COMMITMENTS, COMMITTEE, ENTRIES, REPORTS, SCORES
from zhaocai.bidding.evaluating.contract_chain_check import AWARDS
from zhaocai.bidding.single_source.chain_check import SINGLE_SOURCE
from zhaocai.errors import ConflictError
from zhaocai.people.chain_check import PEOPLE
from zhaocai.people.pledge_unit_check import PLEDGES_AND_UNITS
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.chain_check import SUPPLIERS

CHECKERS: tuple[Checker, ...] = (TENDERS, BIDS, OPENINGS, OPENED, SUPPLIERS, COMMITTEE, COMMITMENTS, SCORES,
                                 REPORTS, ENTRIES, AWARDS, SINGLE_SOURCE, PEOPLE,
                                 PLEDGES_AND_UNITS)
"""Every area's deep check, in the order they report."""

STAGES: Mapping[str, tuple[Checker, ...]] = {
    # Opening reads the tender, its sealed bids and (for eligibility) its bidders.
    "opening": (TENDERS, BIDS, SUPPLIERS),
    # The technical review and the commercial opening also read the first opening record.
    "commercial": (TENDERS, BIDS, OPENINGS, OPENED),
    # The draw is seeded by the opening record.
    "draw": (TENDERS, OPENINGS),
    # Every evaluation step works from the tender's frozen rules, its opening records and its
    # committee (who may act) and its members' commitments (what a reveal must match).
    "evaluation": (TENDERS, OPENINGS, COMMITTEE, COMMITMENTS),
    # The compliance check takes each opened bid's prices.
    "compliance": (TENDERS, OPENINGS, COMMITTEE, OPENED),
    # The report ranks with the members' points and the entries' prices.
    "report": (TENDERS, OPENINGS, COMMITTEE, COMMITMENTS, SCORES, ENTRIES),
    # The award takes the publicised candidates, their prices, their bidders' standing and the
    # awards so far.
    "award": (TENDERS, OPENINGS, REPORTS, ENTRIES, SUPPLIERS, AWARDS),
    # A signature binds the contract's amount and parties as awarded (or as concluded).
    "contract": (TENDERS, AWARDS, SINGLE_SOURCE),
}
"""The checks each fail-closed stage runs on its tender."""

_TABLES_ZH = {"tender": "招标项目", "bid": "投标", "tender_opening": "开标记录", "supplier": "供应商",
              "opened_bid": "开标结果", "evaluation_entry": "评审价格",
              "evaluation_member": "评标委员", "evaluation_commitment": "评分承诺",
              "single_source": "单一来源采购", "person": "人员名册", "person_grant": "人员授权",
              "integrity_pledge": "廉洁承诺书", "org_unit": "组织单位", "person_unit": "人员所属单位",
              "tender_unit": "招标项目所属单位",
              "person_interest": "利益申报", "person_recusal": "回避记录",
              "evaluation_score": "评分", "evaluation_sheet": "评分表", "evaluation": "评标报告",
              "evaluation_lot": "中标候选人", "award": "中标结果", "contract": "合同",
              "audit_event": "审计链"}


def check_tender(uow: UnitOfWork, tender_id: str, checkers: Sequence[Checker]) -> list[Disagreement]:
    """The disagreements of one tender's rows with the chain, read in the command's transaction."""
    uow.session.flush()
    # A tender-scoped command appends its links at commit: its own links so far are read too.
    return run_checkers(uow.connection, checkers, Scope(tender_id),
                        pending=uow.pending_links()).disagreements


def mismatch(tender_id: str, problems: Sequence[Disagreement]) -> ConflictError:
    """`audit.state_mismatch`: what disagrees, in English and in Chinese."""
    listed = "; ".join(f"{p.table} {p.row_id} {p.field}: row {p.row}, chain {p.chain}" for p in problems[:10])
    tables: dict[str, int] = {}
    for p in problems:
        tables[p.table] = tables.get(p.table, 0) + 1
    zh = "、".join(f"{_TABLES_ZH.get(t, '其他数据')}{n}处" for t, n in tables.items())
    return ConflictError(
        "audit.state_mismatch",
        f"Tender {tender_id}: {len(problems)} stored value(s) disagree with the audit chain "
        f"(changed outside a command); refused: {listed}",
        f"招标项目 {tender_id} 有 {len(problems)} 处存储数据与审计链记录不符（{zh}），"
        "疑似在系统命令之外被改动，已拒绝执行",
        {"tender_id": tender_id, "disagreements": [p.to_dict() for p in problems]})


def require_consistent(uow: UnitOfWork, tender_id: str, stage: str) -> None:
    """Refuse (`audit.state_mismatch`) to go on with `stage` on a tender whose rows disagree with
    the audit chain."""
    problems = check_tender(uow, tender_id, STAGES[stage])
    if problems:
        raise mismatch(tender_id, problems)
