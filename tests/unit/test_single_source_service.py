"""Single-source procurement through `platform.single_source`, end to end, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.kit import supplier_actor
from tests.kit.single_source import (
    RECORD,
    concluded,
    failed_chain,
    negotiated,
    noticed,
    signed_contract,
    ss_draft,
    supplier,
)
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.errors import NotFoundError, ZhaocaiError
from zhaocai.platform import Platform


def test_the_whole_road_ends_in_a_contract_signed_and_performed_like_a_tenders(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    sid = supplier(platform, actors)
    ss = platform.single_source
    view = noticed(platform, actors, sid)
    assert view.state == "notice" and view.approved_by == actors["supervisor"].id
    assert view.policy.notice_days == 5 and view.notice_ends is not None
    rival_id = supplier(platform, actors, name="义乌减震科技有限公司")
    rival = supplier_actor(rival_id)
    objection = ss.lodge_objection(rival, view.id, "我公司亦可提供同类隔震支座")
    assert objection.procurement_id == view.id and objection.raised_by == rival.id
    after = ss.decide_objection(actors["supervisor2"], objection.id, upheld=False, answer="经论证，专利为该供应商独有")
    assert after.objections[0].decision == "dismissed" and after.objections[0].supplier_id == rival_id
    clock.set(view.notice_ends)
    ss.record_negotiation(actors["purchasing2"], view.id, {"agreed_price": "288000.00", "record": RECORD})
    ss.sign(actors["purchasing"], view.id)
    signed = ss.sign(actors["purchasing2"], view.id)
    assert {s.officer_id for s in signed.signatures} == {"p-wang", "p-li"}
    assert {s.digest for s in signed.signatures} == {signed.negotiation_digest}
    done = ss.conclude(actors["purchasing2"], view.id)
    assert done.state == "concluded" and done.contract_id is not None
    contract = platform.evaluation.contract(done.contract_id)
    assert (contract.amount, contract.supplier_id, contract.status, contract.tender_state) == \
        (done.agreed_price, sid, "pending_signature", "concluded")
    platform.evaluation.sign_contract(supplier_actor(sid), done.contract_id)
    assert platform.evaluation.sign_contract(actors["purchasing"], done.contract_id).status == "signed"
    event = platform.suppliers.record_performance(actors["quality"], {
        "supplier_id": sid, "contract_id": done.contract_id, "kind": "on_time_delivery", "severity": 1,
        "occurred_at": clock.now(), "note": "按期交货"})
    assert event.supplier_id == sid and event.contract_id == done.contract_id
    assert platform.audit.verify().ok
    types = [e.type for e in platform.events.read(after=0, limit=1000)]
    for expected in ("SingleSourceDrafted", "SingleSourceNoticePublished", "SingleSourceObjectionLodged",
                     "SingleSourceObjectionDecided", "SingleSourceNegotiated", "SingleSourceNegotiationSigned",
                     "SingleSourceConcluded", "ContractSigned"):
        assert expected in types


def test_an_upheld_objection_cancels_it_and_a_competitive_method_must_follow(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    view = noticed(platform, actors, supplier(platform, actors))
    oid = platform.single_source.lodge_objection(actors["nobody"], view.id, "市场上另有三家供应商").id
    after = platform.single_source.decide_objection(actors["supervisor2"], oid, upheld=True, answer="异议成立")
    assert after.state == "cancelled" and "competitive" in (after.cancel_reason or "")


def test_additional_purchases_up_to_ten_percent_of_the_earlier_contract(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    sid = supplier(platform, actors)
    contract = signed_contract(platform, actors, clock, sid, "280000.00")
    first = noticed(platform, actors, sid, justification="additional_compatible", earlier_contract_id=contract,
                    estimate="20000.00")
    assert first.approval_facts is not None and first.approval_facts["contract"]["supplier_id"] == sid
    second = noticed(platform, actors, sid, justification="additional_compatible", earlier_contract_id=contract,
                     estimate="8000.00")
    assert second.approval_facts is not None and second.approval_facts["committed"] == "20000.00"
    platform.single_source.cancel(actors["supervisor"], first.id, "需求取消")
    third = noticed(platform, actors, sid, justification="additional_compatible", earlier_contract_id=contract,
                    estimate="20000.00")  # the cancelled one no longer counts
    assert third.state == "notice"


def test_after_two_failed_tenders_a_single_source_needs_the_same_approval(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    ids = failed_chain(platform, actors, clock, 2)
    view = concluded(platform, actors, clock, supplier(platform, actors), justification="failed_twice",
                     failed_tender_ids=list(reversed(ids)))
    assert view.state == "concluded" and view.approved_by == actors["supervisor"].id
    assert view.approval_facts is not None
    assert {t["state"] for t in view.approval_facts["tenders"]} == {"failed"}


def test_the_drafter_may_sign_but_never_alone(platform: Platform, actors: dict[str, Actor],
                                              clock: ManualClock) -> None:
    view = negotiated(platform, actors, clock, supplier(platform, actors))
    platform.single_source.sign(actors["purchasing2"], view.id)
    with pytest.raises(ZhaocaiError):
        platform.single_source.conclude(actors["purchasing"], view.id)
    platform.single_source.sign(actors["purchasing"], view.id)  # the drafter signs too
    assert platform.single_source.conclude(actors["purchasing"], view.id).state == "concluded"


def test_no_tender_path_takes_a_single_source(platform: Platform, actors: dict[str, Actor],
                                               clock: ManualClock) -> None:
    view = noticed(platform, actors, supplier(platform, actors))
    for attempt in (lambda: platform.tenders.publish(actors["purchasing"], view.id),
                    lambda: platform.tenders.get(actors["purchasing"], view.id),
                    lambda: platform.tenders.submit_bid(supplier_actor(view.supplier_id), view.id,
                                                        {"lots": [{"lot": "L1", "price": "1.00"}]}),
                    lambda: platform.evaluation.award(actors["purchasing"], view.id)):
        with pytest.raises(NotFoundError) as info:
            attempt()
        assert info.value.code == "tender.not_found"


def test_the_policy_is_frozen_when_drafted_and_never_laxer_than_the_law(
        platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> None:
    sid = supplier(platform, actors)
    with pytest.raises(ZhaocaiError) as info:
        Platform.open(platform.url, clock, single_source_policy={"notice_days": 3})
    assert info.value.code == "validation.input"
    before = noticed(platform, actors, sid)
    clock.advance(hours=1)
    # Another process opened with a stricter policy: its drafts freeze it, earlier ones keep theirs.
    with Platform.open(platform.url, clock, single_source_policy={"notice_days": 7}) as stricter:
        assert stricter.single_source.policy.notice_days == 7
        later = noticed(stricter, actors, sid)
    assert platform.single_source.get(before.id).policy.notice_days == 5
    assert before.policy.notice_days == 5 and later.policy.notice_days == 7
    assert later.notice_ends is not None and before.notice_ends is not None
    assert later.notice_ends - before.notice_ends >= timedelta(days=2)
    assert [v.id for v in platform.single_source.list(state="notice")] == [before.id, later.id]


def test_a_replayed_draft_answers_the_first_and_adds_nothing(platform: Platform, actors: dict[str, Actor],
                                                            clock: ManualClock) -> None:
    data = ss_draft(supplier(platform, actors))
    first = platform.single_source.draft(actors["purchasing"], data, idempotency_key="ss-draft-1")
    again = platform.single_source.draft(actors["purchasing"], data, idempotency_key="ss-draft-1")
    assert again == first and len(platform.single_source.list()) == 1
    with pytest.raises(ZhaocaiError) as info:
        platform.single_source.draft(actors["purchasing"], {**data, "estimate": "1.00"}, idempotency_key="ss-draft-1")
    assert info.value.code == "idempotency.request_mismatch"
