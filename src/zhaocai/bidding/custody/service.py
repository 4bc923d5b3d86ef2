"""The custody commands and reads of `platform.tenders` (a mix-in of `TenderService`).

    pair = generate_custodian_key()                       # on the custodian's own machine
    platform.tenders.register_custodian_key(me, pair.public_key)
    ...                                                    # the tender is published and closes
    sealed = platform.tenders.sealed_share(me, tender_id)
    platform.tenders.present_share(me, tender_id, open_share(pair.private_key, sealed.sealed_share))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhaocai.acting import acting
from zhaocai.actors import BUYER_STAFF, Actor
from zhaocai.bidding.custody import seating
from zhaocai.bidding.custody.views import CustodianKeyView, Presentation, SealedShareView
from zhaocai.guards import guarded

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

CUSTODY_ROLES = tuple(r for r in BUYER_STAFF if r.value != "administrator")
"""Who may register a key and present a share: the buyer's staff (a seat names the person)."""


class CustodyCommands:
    """Custodians register their own keys, read their own sealed share, present it themselves."""

    _runner: CommandRunner

    @acting
    def register_custodian_key(self, actor: Actor, public_key: str) -> CustodianKeyView:
        """Register (or replace) the actor's own public key for sealing key shares to them.

        A replaced key stays on record and the seats already sealed to it keep it; new seats are
        sealed to the new key. Codes: `custody.key_malformed`, `custody.key_unchanged`,
        `custody.key_in_use`.
        """
        return self._runner.run(actor, "custody.key_register",
                                lambda uow: seating.register_key(uow, public_key), roles=CUSTODY_ROLES)

    @guarded
    def custodian_key(self, actor_id: str) -> CustodianKeyView | None:
        """A person's current registered public key (public), or None."""
        with self._runner.session() as session:
            return seating.read_key(session, actor_id)

    @acting
    def sealed_share(self, actor: Actor, tender_id: str) -> SealedShareView:
        """The actor's own share of the tender's opening key, sealed to their key. Only the seat's
        custodian may read it (`custody.not_custodian` for anyone else)."""
        with self._runner.session() as session:
            return seating.sealed_share(session, actor.id, tender_id)

    @acting
    def present_share(self, actor: Actor, tender_id: str, share: str) -> Presentation:
        """A custodian presents their own opened share after the deadline; the opening uses the
        presented shares once k custodians presented. Codes: `custody.not_custodian`,
        `custody.too_early`, `custody.already_presented`, `custody.share_mismatch`,
        `opening.share_malformed`; `tender.transition` when the tender no longer needs its key.
        """
        return self._runner.run(actor, "custody.present", lambda uow: seating.present(uow, tender_id, share),
                                roles=CUSTODY_ROLES, tender_id=tender_id)
