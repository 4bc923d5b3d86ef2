"""Single-source procurement (单一来源) for its tests: drafts, the road to each state,
failed tenders in one re-tender chain, a signed earlier contract."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from zhaocai.actors import Actor
from zhaocai.bidding.single_source import SingleSourceView
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.testing.cast import supplier_actor
from zhaocai.testing.custody import present
from zhaocai.testing.suppliers import register_admitted_supplier
from zhaocai.testing.tender import published

RECORD = "协商记录：供应商同意按清单单价供货，交货期三十日，质保两年。"


def ss_draft(supplier_id: str, **overrides: Any) -> dict[str, Any]:
    """A valid proprietary-technology single-source draft."""
    base: dict[str, Any] = {
        "title": "隔震支座（专利产品）", "buyer": "浙江津义建设", "category": "materials",
        "description": "Patented lead-rubber seismic isolation bearings for the hospital block",
        "items": [{"name": "LRB600 bearing", "quantity": "48", "unit": "套"}],
        "estimate": "300000.00", "supplier_id": supplier_id, "justification": "proprietary",
        "reason": "The bearing is covered by patent ZL201910000001.X held only by this supplier.",
    }
    base.update(overrides)
    return base


def supplier(platform: Platform, actors: dict[str, Actor], name: str = "义乌隔震科技有限公司") -> str:
    """An admitted materials supplier with a 5,000,000 ceiling."""
    return register_admitted_supplier(platform, actors, name=name)


def drafted(platform: Platform, actors: dict[str, Actor], supplier_id: str, **overrides: Any) -> SingleSourceView:
    """A drafted procurement (drafted by purchasing)."""
    return platform.single_source.draft(actors["purchasing"], ss_draft(supplier_id, **overrides))


def noticed(platform: Platform, actors: dict[str, Actor], supplier_id: str, **overrides: Any) -> SingleSourceView:
    """Drafted by purchasing and approved by a supervisor: the notice runs."""
    view = drafted(platform, actors, supplier_id, **overrides)
    return platform.single_source.approve(actors["supervisor"], view.id)


def negotiated(platform: Platform, actors: dict[str, Actor], clock: ManualClock, supplier_id: str,
               price: str = "280000.00", **overrides: Any) -> SingleSourceView:
    """Noticed, the notice over, the negotiation recorded (no signature yet)."""
    view = noticed(platform, actors, supplier_id, **overrides)
    assert view.notice_ends is not None
    clock.set(view.notice_ends + timedelta(minutes=1))
    return platform.single_source.record_negotiation(actors["purchasing"], view.id,
                                                     {"agreed_price": price, "record": RECORD})


def concluded(platform: Platform, actors: dict[str, Actor], clock: ManualClock, supplier_id: str,
              price: str = "280000.00", **overrides: Any) -> SingleSourceView:
    """All the way to a contract, signed by purchasing and purchasing2."""
    view = negotiated(platform, actors, clock, supplier_id, price, **overrides)
    platform.single_source.sign(actors["purchasing"], view.id)
    platform.single_source.sign(actors["purchasing2"], view.id)
    return platform.single_source.conclude(actors["purchasing"], view.id)


def signed_contract(platform: Platform, actors: dict[str, Actor], clock: ManualClock, supplier_id: str,
                    price: str = "280000.00") -> str:
    """A concluded single source whose contract both sides signed; its contract id."""
    view = concluded(platform, actors, clock, supplier_id, price)
    assert view.contract_id is not None
    platform.evaluation.sign_contract(supplier_actor(supplier_id), view.contract_id)
    platform.evaluation.sign_contract(actors["purchasing"], view.contract_id)
    return view.contract_id


def failed_chain(platform: Platform, actors: dict[str, Actor], clock: ManualClock, count: int = 2,
                 **overrides: Any) -> list[str]:
    """`count` open tenders without bids, each re-tendering the one before, each failed (流标)."""
    ids: list[str] = []
    pub = published(platform, actors, clock, **overrides)
    while True:
        clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
        present(platform, pub.tender.id, 1, 2)
        platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
        ids.append(pub.tender.id)
        if len(ids) == count:
            return ids
        again = platform.tenders.retender(actors["purchasing"], pub.tender.id, clock.now() + timedelta(days=21))
        pub = platform.tenders.publish(actors["purchasing"], again.id)
