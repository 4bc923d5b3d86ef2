"""A bid's life, as a state machine: submitted (and replaced by new versions), confirmed again
after an amendment, withdrawn before the deadline (Law 29) and submitted afresh.

What the tender allows (its state, the deadline, the invitation, the register's verdict) is the
tender machine's business (`accept_bid`, `confirm_bid`, `withdraw_bid`); this machine holds what
the bid itself allows. A bid that was never submitted is `absent`: no row holds that state, it is
where a first submission starts, so a first bid and a new version take the same path.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.bidding.sealing import SealedBid, check_envelope
from zhaocai.machines import Noun


class BidStatus(StrEnum):
    """Where a supplier's bid on a tender is (the `bid.status` column)."""

    ABSENT = "absent"  # never stored: the supplier has no bid on the tender yet
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"


def envelope_fits(model: Any, sealed: SealedBid, two_envelopes: bool, **_: Any) -> None:
    """The envelope has the parts the tender expects, each a sealed box."""
    check_envelope(sealed, two_envelopes)


class BidMachine(StateMachine):
    """absent → submitted ⟲ (a new version, a confirmation) → withdrawn → submitted."""

    noun = Noun("bid", "bid", "投标")

    absent = State("未投标", initial=True, value=BidStatus.ABSENT.value)
    submitted = State("已递交", value=BidStatus.SUBMITTED.value)
    withdrawn = State("已撤回", value=BidStatus.WITHDRAWN.value)

    submit = Event(absent.to(submitted, validators=envelope_fits)
                   | submitted.to.itself(internal=True, validators=envelope_fits)
                   | withdrawn.to(submitted, validators=envelope_fits), name="递交投标")
    confirm = Event(submitted.to.itself(internal=True), name="确认投标")
    withdraw = Event(submitted.to(withdrawn), name="撤回投标")
