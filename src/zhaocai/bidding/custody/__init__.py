"""Key custody: custodians hold their own keys, and nobody ever holds k shares.

Each custodian registers an X25519 public key (`keys.generate_custodian_key` on their own
machine, `platform.tenders.register_custodian_key`). At publication each Shamir share of the
tender's seed is sealed to its custodian's key and stored sealed (`seating.seat`); publication
returns no share. A custodian reads only their own sealed share, opens it with `keys.open_share`
and presents it after the deadline (`platform.tenders.present_share`); the opening uses the
presented shares once k custodians presented. The seat rules are pure (`bidding.rules.custody`).
"""

from zhaocai.bidding.custody.keys import CustodianKeyPair, generate_custodian_key, open_share

__all__ = ["CustodianKeyPair", "generate_custodian_key", "open_share"]
