"""Harder variants for the synthetic generator: a looser allocation and an honest look-alike.

Both are off by default (`generate_history(..., shares={..., "allocation_loose": 0.04},
lookalikes={"local_firms": 0.04})`):

- ``allocation_loose`` (a scheme): four firms of one category split six buyers; the owner bids
  5–15 % under the estimate, each other member lodges a token cover in two tenders of five, at
  1–25 % above the owner (covers of varying closeness), beside one to three honest firms, who
  sometimes win; the four also bid honestly elsewhere (they are pool members).
- ``local_firms`` (an honest look-alike, never in the truth): two honest firms of one category,
  each with lower costs at two buyers near its yard (5–15 % under the estimate at home,
  like the other firms' prices away), mostly bidding at home and travelling to the other's
  buyers in one tender of four, beside two to four pool firms; the lowest price wins;
- ``ring_loose`` (a scheme): six pool firms take turns to win; three or four of them bid in
  each tender, covers 1–12 % above the member due (spread, not tight), none to two honest
  outsiders beside them (an outsider who bids lower wins); the six also bid honestly elsewhere;
- ``shortlist`` (an honest look-alike): one buyer's price inquiries ask three or four of the
  same four pool firms again and again; honest prices, the lowest wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhaocai.integrity.facts import TenderFacts

if TYPE_CHECKING:
    from zhaocai.integrity.synthetic_builder import Builder

VARIANT_SCHEMES = ("allocation_loose", "ring_loose")
LOOKALIKES = ("local_firms", "shortlist")
_BUYERS = [f"项目部-{k + 1:02d}" for k in range(6)]


class VariantSchemes:
    """The variants' state and tenders (a mix-in of the generator's scheme builder)."""

    b: Builder
    suppliers: dict[str, set[str]]

    def setup_variants(self, slots: dict[str, list[int]]) -> None:
        """Create the variants' firms (only for the variants asked for)."""
        b, rng = self.b, self.b.rng
        self.loose_members: list[str] = []
        self.local_pair: list[str] = []
        # Draw only for the variants asked for: the default histories stay as they were.
        if slots.get("allocation_loose"):
            self.loose_category = rng.choice(sorted(b.pools))
            self.loose_members = [b.new_supplier(self.loose_category) for _ in range(4)]
        self.loose_ring: list[str] = []
        self.loose_turn = 0
        if slots.get("ring_loose"):
            self.loose_ring_category = rng.choice(sorted(b.pools))
            self.loose_ring = [b.new_supplier(self.loose_ring_category) for _ in range(6)]
        self.shortlisted: list[str] = []
        if slots.get("shortlist"):
            self.shortlist_category = rng.choice(sorted(b.pools))
            self.shortlisted = rng.sample(b.pools[self.shortlist_category], 4)
        if slots.get("local_firms"):
            self.local_category = rng.choice(sorted(b.pools))
            self.local_pair = [b.new_supplier(self.local_category, pool=False) for _ in range(2)]

    def allocation_loose(self, index: int) -> TenderFacts:
        """The owner of the buyer wins; token covers of varying closeness (see the module doc)."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=self.loose_category)
        tender["buyer"] = buyer = rng.choice(_BUYERS)
        owner = self.loose_members[_BUYERS.index(buyer) % len(self.loose_members)]
        price = int(int(tender["estimate"]) * rng.uniform(0.85, 0.95))  # type: ignore[call-overload]
        bids = [b.bid(tender, owner, price)]
        bids += [b.bid(tender, s, int(price * rng.uniform(1.01, 1.25)))
                 for s in self.loose_members if s != owner and rng.random() < 0.4]
        honest = [s for s in b.pools[self.loose_category] if s not in self.loose_members]
        bids += [b.bid(tender, s, b.honest_price(tender)) for s in rng.sample(honest, rng.randint(1, 3))]
        self.suppliers["allocation_loose"].update(self.loose_members)
        return b.finish(tender, bids)

    def ring_loose(self, index: int) -> TenderFacts:
        """A ring of six takes turns; a changing line-up, outsiders, spread covers (module doc)."""
        b, rng = self.b, self.b.rng
        category, ring = self.loose_ring_category, self.loose_ring
        tender = b.skeleton(index, method=rng.choice(["open", "invited"]), category=category)
        due = ring[self.loose_turn % len(ring)]
        self.loose_turn += 1
        others = rng.sample([m for m in ring if m != due], rng.randint(2, 3))
        low = int(int(tender["estimate"]) * rng.uniform(0.90, 0.99))  # type: ignore[call-overload]
        bids = [b.bid(tender, due, low)]
        bids += [b.bid(tender, s, int(low * rng.uniform(1.01, 1.12))) for s in others]
        outsiders = [s for s in b.pools[category] if s not in ring]
        bids += [b.bid(tender, s, b.honest_price(tender)) for s in rng.sample(outsiders, rng.randint(0, 2))]
        self.suppliers["ring_loose"].update([due, *others])
        return b.finish(tender, bids)  # the lowest wins: the member due, or an outsider below it

    def shortlist(self, index: int) -> TenderFacts:
        """Honest: one buyer asks the same four firms for prices again and again (module doc)."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, method="inquiry", category=self.shortlist_category)
        tender["buyer"] = _BUYERS[0]
        asked = rng.sample(self.shortlisted, rng.randint(3, 4))
        return b.finish(tender, [b.bid(tender, s, b.honest_price(tender)) for s in asked])

    def local_firms(self, index: int) -> TenderFacts:
        """Honest local firms: cheaper near their yards, seldom travelling (see the module doc)."""
        b, rng = self.b, self.b.rng
        tender = b.skeleton(index, category=self.local_category)
        tender["buyer"] = buyer = rng.choice(_BUYERS[:4])
        home = self.local_pair[_BUYERS.index(buyer) // 2]
        away = next(s for s in self.local_pair if s != home)
        estimate = int(tender["estimate"])  # type: ignore[call-overload]
        bids = [b.bid(tender, home, int(estimate * rng.uniform(0.85, 0.95)))]
        if rng.random() < 0.25:
            bids.append(b.bid(tender, away, b.honest_price(tender)))
        pool = b.pools[self.local_category]
        bids += [b.bid(tender, s, b.honest_price(tender)) for s in rng.sample(pool, rng.randint(2, 4))]
        return b.finish(tender, bids)
