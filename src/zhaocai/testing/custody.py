"""Custodians in tests: register the cast's public keys, and let each custodian open their own
sealed share with their own private key and present it (as `generate_custodian_key` /
`open_share` let a real custodian do on their own machine).

    register_custodian_keys(platform)          # before publishing (`published` does it)
    present(platform, tender_id, 1, 2)         # custodians of seats 1 and 2 present
    platform.tenders.open_bids(actors["supervisor"], tender_id)
"""

from __future__ import annotations

from zhaocai.actors import Actor
from zhaocai.bidding.custody import open_share
from zhaocai.bidding.custody.views import Presentation
from zhaocai.bidding.views import Publication
from zhaocai.platform import Platform
from zhaocai.testing.cast import ACTORS, CUSTODIAN_KEYS, CUSTODIANS

_PEOPLE = {a.id: a for a in ACTORS.values()}


def custodian(actor_id: str) -> Actor:
    """The cast's actor of a custodian."""
    return _PEOPLE[actor_id]


def register_custodian_keys(platform: Platform) -> None:
    """Each custodian of the cast registers their public key, unless already registered."""
    for c in CUSTODIANS:
        key = CUSTODIAN_KEYS[c["actor_id"]].public_key.encode().hex()
        current = platform.tenders.custodian_key(c["actor_id"])
        if current is None or current.public_key != key:
            platform.tenders.register_custodian_key(custodian(c["actor_id"]), key)


def own_share(platform: Platform, tender_id: str, actor_id: str) -> str:
    """What the custodian `actor_id` reads with their own key: their share of the tender."""
    sealed = platform.tenders.sealed_share(custodian(actor_id), tender_id)
    return open_share(CUSTODIAN_KEYS[actor_id], sealed.sealed_share)


def seat_holder(platform: Platform, tender_id: str, index: int) -> str:
    """The actor id of the custodian in seat `index` (1-based)."""
    view = platform.tenders.get(ACTORS["auditor"], tender_id)
    return next(c.actor_id for c in view.custodians if c.index == index)


def present(platform: Platform, tender: str | Publication, *indices: int) -> list[Presentation]:
    """The custodians of the given seats each open their own share and present it."""
    tender_id = tender if isinstance(tender, str) else tender.tender.id
    done = []
    for index in indices:
        holder = seat_holder(platform, tender_id, index)
        done.append(platform.tenders.present_share(custodian(holder), tender_id,
                                                    own_share(platform, tender_id, holder)))
    return done
