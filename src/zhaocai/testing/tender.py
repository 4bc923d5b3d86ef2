"""The pieces of a tender for tests that walk one by hand: a valid draft, a bid payload, a
published tender (its custodians' keys registered first). `zhaocai.testing.builder` walks a whole
tender; `zhaocai.testing.custody` has the custodians present their shares."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from zhaocai.actors import Actor
from zhaocai.bidding.views import Publication
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.testing.cast import BUYER, CUSTODIANS
from zhaocai.testing.custody import register_custodian_keys

LOTS = [{"id": "L1", "title": "HRB400E rebar",
         "items": [{"name": "rebar Φ12", "quantity": "300", "unit": "t"}]},
        {"id": "L2", "title": "wire rod",
         "items": [{"name": "wire rod Φ8", "quantity": "120.5", "unit": "t"}]}]
ONE_LOT = LOTS[:1]


def draft(clock: ManualClock, **overrides: Any) -> dict[str, Any]:
    """A valid open-tender draft: deadline 21 days out, 2-of-3 custodians, two lots."""
    base: dict[str, Any] = {
        "title": "Rebar for the Yiwu hospital site", "buyer": BUYER, "category": "materials",
        "method": "open_tender", "lots": LOTS, "estimate": "2000000.00", "ceiling_price": "2100000.00",
        "bid_security": "40000.00", "deadline": clock.now() + timedelta(days=21),
        "custodians": CUSTODIANS, "threshold": 2,
    }
    base.update(overrides)
    return base


def payload(l1: str, l2: str = "1000.00", **extra: Any) -> dict[str, Any]:
    """A bid payload pricing both lots."""
    return {"lots": [{"lot": "L1", "price": l1, "technical": {"standard": "GB/T 1499.2"}},
                     {"lot": "L2", "price": l2}],
            "documents": {"author": extra.pop("author", "投标文件编制人")}, **extra}


def published(platform: Platform, actors: dict[str, Actor], clock: ManualClock, *,
              two_envelopes: bool = False, **overrides: Any) -> Publication:
    """Draft and publish an open tender (`draft` with `overrides`), the custodians' keys
    registered first."""
    register_custodian_keys(platform)
    view = platform.tenders.create_draft(actors["purchasing"], draft(clock, **overrides))
    return platform.tenders.publish(actors["purchasing"], view.id, two_envelopes=two_envelopes)
