"""The whole road from publication to the supplier's scorecard, on SQLite and PostgreSQL.

publish → bids → open → draw with one recusal → declarations → compliance (a supplier blacklisted
after bidding is excluded; an abnormally low bid is explained and accepted) → sealed scoring in any
order → report → publicity → objection → answer → award → notice in capital numerals → contract at
the exact amount → performance events → the period close lowers the supplier's scorecard.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from tests.kit import (
    add_pool,
    admitted,
    build_tender,
    commit,
    compliant_bids,
    declare_all,
    draw_order,
    reveal,
    seated,
    sheet,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.bidding.machine import TenderState
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import PermissionDenied, RuleViolation
from zhaocai.money import amount_in_words
from zhaocai.platform import Platform

PRICES = [("1500000.00", "100000.00"), ("1520000.00", "98000.00"), ("1480000.00", "102000.00"),
          ("800000.00", "99000.00"), ("1510000.00", "97000.00")]


def test_full_flow(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    ev = platform.evaluation
    suppliers = admitted(platform, actors, 5)
    pool = add_pool(platform, actors, 7)
    pub = build_tender(platform, clock, "opened", pool=0, suppliers=suppliers, prices=PRICES, lots=2, bid_security="40000.00").pub
    tender_id = pub.tender.id

    # The suspended/blacklisted-after-bidding supplier: cleared out between opening and evaluation.
    request = platform.suppliers.propose_blacklist(actors["purchasing"], suppliers[4],
                                                   "falsified documents", evidence=["report"])
    platform.suppliers.approve_blacklist(actors["supervisor"], request.id)

    # The expert the draw reaches first has a relative at the first bidder: recused, replaced.
    first = draw_order(platform, tender_id, clock)[0]
    view = next(e for e in ev.experts(actors["admin"]) if e.id == first)
    ev.update_expert(actors["admin"], {"id": first, "name": view.name,
                                       "identity_number": "330782197000009999",
                                       "specialties": ["materials"], "relatives_at": [suppliers[0]]})
    committee = ev.draw_committee(actors["purchasing"], tender_id,
                                  representatives=[{"person_id": "t-chen", "name": "陈技术"}])
    assert platform.tenders.get(actors["purchasing"], tender_id).state is TenderState.EVALUATING
    assert [(r.expert_id, r.code, r.bidder_id) for r in committee.recusals] == [
        (first, "recusal.relative", suppliers[0])]
    member_ids = [m.member_id for m in committee.members]
    assert first not in member_ids and len(member_ids) == 5 and "t-chen" in member_ids
    assert set(member_ids) - {"t-chen"} <= set(pool)
    assert ev.rerun_draw(tender_id).matches
    hidden = ev.committee(supplier_actor(suppliers[1]), tender_id)
    assert not hidden.names_visible and all(m.name is None for m in hidden.members)

    members = seated(platform, actors, tender_id)
    expert = next(m for m in members if m.id != "t-chen")
    with pytest.raises(PermissionDenied) as refused:
        ev.bids(expert, tender_id)
    assert refused.value.code == "evaluation.not_declared"
    with pytest.raises(PermissionDenied):
        platform.tenders.opened_bids(expert, tender_id)
    declare_all(platform, members, tender_id)
    assert len(ev.bids(expert, tender_id)) == 5

    ev.record_bid_security(actors["finance"], tender_id, {s: "40000.00" for s in suppliers})
    checked = ev.check_compliance(members[0], tender_id)
    by_lot = {lot.lot_id: lot for lot in checked.lots}
    excluded = [e for e in by_lot["L1"].entries if not e.compliant]
    assert [e.supplier_id for e in excluded] == [suppliers[4]]
    assert "eligibility.blacklisted" in [r.code for r in excluded[0].reasons]
    low = [e for e in by_lot["L1"].entries if e.abnormal]
    assert [e.supplier_id for e in low] == [suppliers[3]]
    with pytest.raises(RuleViolation) as refused_r:
        commit(platform, members[0], tender_id, "L1", sheet(compliant_bids(platform, actors, tender_id, "L1"), 0))
    assert refused_r.value.code == "abnormal.decision_missing"
    ev.decide_abnormal(members[1], tender_id, {
        "lot_id": "L1", "bid_id": low[0].bid_id, "decision": "explanation_accepted",
        "explanation": "自有钢厂直供，附成本测算表 / own mill, cost sheet attached"})

    order = [(m, lot) for m in range(5) for lot in ("L1", "L2")]
    random.Random(7).shuffle(order)
    kept = {}
    for step, (m, lot) in enumerate(order):  # commit: no points anywhere yet
        kept[(m, lot)] = commit(platform, members[m], tender_id, lot, sheet(compliant_bids(platform, actors,
                                                                                         tender_id, lot), m))
        if [o for o in order[step + 1:] if o[1] == lot]:
            with pytest.raises(RuleViolation) as early_reveal:
                reveal(platform, members[m], kept[(m, lot)])
            assert early_reveal.value.code == "scoring.commitments_pending"
            if step == 0:
                with pytest.raises(RuleViolation) as early:
                    ev.compile_report(members[0], tender_id)
                assert early.value.code == "scoring.not_all_submitted"
    random.Random(8).shuffle(order)
    for step, (m, lot) in enumerate(order):  # reveal, each against its commitment
        reveal(platform, members[m], kept[(m, lot)])
        if [o for o in order[step + 1:] if o[1] == lot]:
            for reader in (members[m], actors["purchasing"], actors["auditor"]):
                with pytest.raises(PermissionDenied) as sealed:
                    ev.score_sheets(reader, tender_id, lot)
                assert sealed.value.code == "scoring.sealed"
    assert len(ev.score_sheets(actors["auditor"], tender_id, "L1")) == 5

    report = ev.compile_report(members[2], tender_id)
    assert report.state == TenderState.PUBLICISING.value
    for lot_view in report.lots:
        assert 1 <= len(lot_view.candidates) <= 3
        ranked = [e for e in lot_view.entries if e.rank is not None]
        assert [e.rank for e in ranked] == list(range(1, len(ranked) + 1))
        totals = [e.total or Decimal(0) for e in ranked]
        assert totals == sorted(totals, reverse=True)
    public = ev.report(supplier_actor(suppliers[1]), tender_id)
    assert public.committee is not None and not public.committee.names_visible

    objection = ev.raise_objection(supplier_actor(suppliers[1]), tender_id, "对第一中标候选人的业绩有异议")
    with pytest.raises(RuleViolation) as running:
        ev.award(actors["purchasing"], tender_id)
    assert running.value.code == "award.publicity_running"
    assert report.publicity_ends is not None
    clock.set(report.publicity_ends)
    with pytest.raises(RuleViolation) as waiting:
        ev.award(actors["purchasing"], tender_id)
    assert waiting.value.code == "award.open_objection"
    with pytest.raises(RuleViolation):
        ev.raise_objection(supplier_actor(suppliers[2]), tender_id, "too late")
    ev.answer_objection(actors["supervisor"], objection.id, "经核查，业绩证明真实有效，异议不成立。")
    awarded = ev.award(actors["purchasing"], tender_id)
    assert awarded.state == TenderState.AWARDED.value

    opened = {b.bid_id: b for b in platform.tenders.opened_bids(actors["purchasing"], tender_id)}
    for notice, lot_view in zip(awarded.notices, report.lots, strict=True):
        assert notice.lot_id == lot_view.lot_id
        winner = lot_view.candidates[0]
        payload = opened[winner].payload
        assert payload is not None
        price = next(x.price for x in payload.lots if x.lot == lot_view.lot_id)
        assert notice.amount == price
        assert notice.amount_in_words == amount_in_words(price)
        assert notice.amount_in_words in notice.body_zh
        contract = ev.contract(notice.contract_id)
        assert contract.amount == price == notice.amount
        assert contract.bid_id == winner
    assert ev.committee(supplier_actor(suppliers[1]), tender_id).names_visible

    for notice in awarded.notices:
        ev.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
        signed = ev.sign_contract(actors["purchasing"], notice.contract_id)
    assert signed.tender_state == TenderState.CONTRACTED.value
    assert platform.tenders.get(actors["purchasing"], tender_id).state is TenderState.CONTRACTED

    # Feedback: a good March on an earlier contract, then a bad April on this one.
    winner = awarded.notices[0].supplier_id
    platform.suppliers.record_performance(actors["quality"], {
        "supplier_id": winner, "contract_id": "HT-EARLIER", "kind": "on_time_delivery", "severity": 1,
        "occurred_at": clock.now() - timedelta(days=1)})
    clock.set(datetime(2026, 4, 2, 10, tzinfo=SHANGHAI))
    platform.suppliers.close_period(actors["purchasing"], "month", "2026-03")
    for kind, severity in (("late_delivery", 4), ("quality_defect", 5), ("safety_incident", 3)):
        platform.suppliers.record_performance(actors["quality"], {
            "supplier_id": winner, "contract_id": awarded.notices[0].contract_id, "kind": kind,
            "severity": severity, "occurred_at": clock.now()})
    clock.set(datetime(2026, 5, 2, 10, tzinfo=SHANGHAI))
    platform.suppliers.close_period(actors["purchasing"], "month", "2026-04")
    cards = platform.suppliers.scorecards(supplier_id=winner)
    assert [c.period_id for c in cards] == ["month:2026-03", "month:2026-04"]
    assert cards[1].total < cards[0].total == Decimal(100)
    assert platform.audit.verify().ok
