"""The store adapter of the red flags, and `platform.integrity`."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event

from tests.kit import build_tender, payload, present, published, register_admitted_supplier, supplier_actor
from tests.kit.ocds import KINDS
from zhaocai.clock import SHANGHAI
from zhaocai.errors import NotFoundError, ValidationError
from zhaocai.integrity.store_facts import load_facts


def _related_tender(platform, actors, clock):
    shared = {"legal_representative_id": "330782197707070707", "address": "浙江省义乌市同一路8号"}
    ids = [register_admitted_supplier(platform, actors, name="甲建材有限公司", **shared),
           register_admitted_supplier(platform, actors, name="乙建材有限公司", **shared),
           register_admitted_supplier(platform, actors, name="丙建材有限公司")]
    pub = published(platform, actors, clock, title="Related bidders")
    for n, supplier in enumerate(ids):
        clock.advance(hours=1)
        platform.tenders.submit_bid(supplier_actor(supplier), pub.tender.id,
                                    payload(f"{1_800_000 + n * 13_579}.00", author=f"作者{n}"))
    clock.set(pub.tender.deadline + timedelta(minutes=5))
    present(platform, pub.tender.id, 1, 2)
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    return pub, ids


def test_facts_from_the_store(platform, actors, clock) -> None:
    pub, ids = _related_tender(platform, actors, clock)
    build_tender(platform, clock, **KINDS["cancelled"])
    tenders, suppliers = platform.integrity.facts()
    facts = next(t for t in tenders if t.id == pub.tender.id)
    assert facts.method == "open" and facts.status == "opened" and facts.estimate == Decimal("2000000.00")
    assert sorted(b.price for b in facts.bids) == [Decimal("1801000.00"), Decimal("1814579.00"),
                                                   Decimal("1828158.00")]
    assert {b.document_author for b in facts.bids} == {"作者0", "作者1", "作者2"}
    cancelled = next(t for t in tenders if t.status == "cancelled")
    assert cancelled.bids == () and len(cancelled.amendments) == 2  # its sealed bid has no price
    assert set(ids) <= set(suppliers)
    a, b = suppliers[ids[0]], suppliers[ids[1]]
    assert a.legal_representative == b.legal_representative and a.legal_representative.startswith("hmac:")
    assert "330782197707070707" not in repr(a)


def test_bulk_queries_do_not_grow_with_tenders(platform, actors, clock) -> None:
    def count_queries(n_extra: int) -> int:
        for _ in range(n_extra):
            build_tender(platform, clock, **KINDS["open"])
        statements = []
        listener = lambda *args, **kw: statements.append(1)  # noqa: E731
        event.listen(platform.internal.read_engine, "before_cursor_execute", listener)
        try:
            with platform.internal.session() as session:
                load_facts(session)
        finally:
            event.remove(platform.internal.read_engine, "before_cursor_execute", listener)
        return len(statements)

    assert count_queries(1) == count_queries(3) <= 10


def test_report_flags_related_bidders(platform, actors, clock) -> None:
    pub, ids = _related_tender(platform, actors, clock)
    report = platform.integrity.report(pub.tender.id)
    codes = {f.code for f in report.flags}
    assert {"REG40-RELATED-PARTIES", "R044"} <= codes
    related = next(f for f in report.flags if f.code == "REG40-RELATED-PARTIES")
    assert set(ids[:2]) == set(related.supplier_ids)
    assert "REG40-RELATED-PARTIES" in report.to_text()
    assert report.to_dict()["tender"]["id"] == pub.tender.id
    assert platform.integrity.flags(tender_id=pub.tender.id) == [*report.flags, *report.bidder_flags,
                                                                 *report.buyer_flags]
    start, end = datetime(2026, 3, 1, tzinfo=SHANGHAI), datetime(2026, 4, 1, tzinfo=SHANGHAI)
    period = platform.integrity.period_report(start, end)
    assert pub.tender.id in period.flagged_tenders and period.to_dict()["tenders"] == 1
    assert {f.code for f in platform.integrity.flags(period=(start, end))} >= {"REG40-RELATED-PARTIES"}
    assert platform.integrity.period_report(end, end + timedelta(days=30)).tenders == 0


def test_refusals(platform) -> None:
    with pytest.raises(NotFoundError):
        platform.integrity.report("tdr-missing")
    with pytest.raises(ValidationError) as caught:
        platform.integrity.period_report(datetime(2026, 4, 1, tzinfo=SHANGHAI), datetime(2026, 3, 1, tzinfo=SHANGHAI))
    assert caught.value.code == "integrity.period"
