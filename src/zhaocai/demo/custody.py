"""The demo's custodians: each makes their own key pair, registers the public half, and after the
deadline opens their own sealed share on their own machine and presents it (custody of the key)."""

from __future__ import annotations

from zhaocai.bidding.custody import generate_custodian_key, open_share
from zhaocai.demo.story import Demo

CUSTODIANS = [
    {"actor_id": "a-zheng", "name": "郑审计 Zheng", "supervisor": False},
    {"actor_id": "s-zhou", "name": "周纪检 Zhou", "supervisor": True},
    {"actor_id": "f-sun", "name": "孙财务 Sun", "supervisor": False},
]
"""The custodians of every demo tender's key (any two open): audit, a supervisor, finance. None
of them drafts or publishes tenders."""

_CAST_KEY = {"a-zheng": "auditor", "s-zhou": "supervisor", "f-sun": "finance"}


def ensure_keys(demo: Demo) -> None:
    """Each custodian who has not yet done so makes a key pair and registers its public half; the
    private key stays with them (here: in the demo's notes, standing for their own machine)."""
    keys = demo.notes.setdefault("custodian_keys", {})
    for actor_id, role in _CAST_KEY.items():
        if actor_id in keys:
            continue
        pair = generate_custodian_key()
        keys[actor_id] = pair.private_key
        view = demo.platform.tenders.register_custodian_key(demo.cast[role], pair.public_key)
        demo.say(f"{demo.cast[role].name} registers custodian key {view.public_key[:16]}… "
                 "(the private half never leaves them)")


def present(demo: Demo, tender_id: str, *actor_ids: str, quiet: bool = False) -> None:
    """The given custodians each fetch their own sealed share, open it with their own private key
    and present it."""
    for actor_id in actor_ids:
        actor = demo.cast[_CAST_KEY[actor_id]]
        sealed = demo.platform.tenders.sealed_share(actor, tender_id)
        share = open_share(demo.notes["custodian_keys"][actor_id], sealed.sealed_share)
        done = demo.platform.tenders.present_share(actor, tender_id, share)
        if not quiet:
            demo.say(f"{actor.name} opens share #{done.index} with his own key and presents it "
                     f"({done.presented} of {done.threshold} needed)")
