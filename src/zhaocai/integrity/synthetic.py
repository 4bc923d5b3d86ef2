"""Synthetic procurement histories with planted schemes and their ground truth.

`generate_history(seed, tenders)` builds a year of tenders of a construction company: clean
tenders look like honest ones (3–8 bidders drawn from the category's pool, prices scattered
around the estimate, lawful periods, some disqualified and withdrawn bids, some lawful
amendments, office-software default authors) so that the precision of the flags means something;
a share of tenders carries one planted scheme each:

- ``cover_bidding`` (陪标、围标): a ring's boss wins; the cover bids were prepared by the boss and
  carry one or two Reg 40 traces: same document author, same agent, same project manager,
  securities from the boss's account, or prices in a regular progression above the boss's bid;
- ``bid_rotation`` (轮流坐庄): four firms bid together in a series of tenders and take turns to win;
- ``identical_prices``: a favoured bidder copies the lowest competitor's price exactly (a leak);
- ``related_bidders``: two suppliers sharing a legal representative, a related person, a phone,
  an email or an address bid in the same tender;
- ``shortened_period``: an open tender's bid period is cut to 3–12 days;
- ``insider_late_bid``: the winner's bid arrives after the deadline, just under the lowest price;
- ``open_ring`` (off by default; `shares={**DEFAULT_SHARES, "open_ring": 0.05}`): a ring of five
  takes turns with a changing line-up (three or four members) and an honest outsider in half its
  tenders, covers 2–5 % above the member due, the outsider 1–10 % above or its honest price;
- ``allocation_loose`` and the honest look-alike ``local_firms`` (off by default): see
  `synthetic_variants`;
- ``allocation`` (off by default, like ``open_ring``): three firms of one category split six
  buyers, two each; the owner bids 8–16 % under the estimate, each other member covers 4–10 %
  above it in three tenders of five, one or two honest firms bid too (and sometimes win); the
  three also bid honestly in other tenders.

The history is deterministic for a seed (`random.Random(seed)`: this is test data, not a fairness
draw). Scheme tenders are disjoint; `truth` names the tenders and suppliers each scheme touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.synthetic_builder import CATEGORIES, Builder, clean_tender
from zhaocai.integrity.synthetic_builder import START as START
from zhaocai.integrity.synthetic_schemes import Schemes
from zhaocai.integrity.synthetic_variants import LOOKALIKES, VARIANT_SCHEMES

SCHEMES = ("cover_bidding", "bid_rotation", "identical_prices", "related_bidders",
           "shortened_period", "insider_late_bid", "open_ring", "allocation", *VARIANT_SCHEMES)
DEFAULT_SHARES: dict[str, float] = {
    "cover_bidding": 0.05, "bid_rotation": 0.05, "identical_prices": 0.04,
    "related_bidders": 0.04, "shortened_period": 0.04, "insider_late_bid": 0.04,
}

@dataclass(frozen=True, slots=True)
class SchemeTruth:
    """The tenders and suppliers one planted scheme touched."""

    scheme: str
    tender_ids: frozenset[str]
    supplier_ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class SyntheticHistory:
    """A generated history: tenders, the suppliers' facts, and the ground truth per scheme."""

    seed: int
    tenders: tuple[TenderFacts, ...]
    suppliers: tuple[SupplierFacts, ...]
    truth: Mapping[str, SchemeTruth] = field(hash=False)
    lookalikes: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    """Honest tenders of each look-alike asked for (`synthetic_variants.LOOKALIKES`)."""

    @property
    def supplier_map(self) -> dict[str, SupplierFacts]:
        """The suppliers' facts by id."""
        return {s.id: s for s in self.suppliers}

    @property
    def clean_tender_ids(self) -> frozenset[str]:
        """Tenders in which no scheme was planted."""
        planted = {t for truth in self.truth.values() for t in truth.tender_ids}
        return frozenset(t.id for t in self.tenders if t.id not in planted)


def generate_history(seed: int = 7, tenders: int = 300,
                     shares: Mapping[str, float] | None = None,
                     lookalikes: Mapping[str, float] | None = None) -> SyntheticHistory:
    """A deterministic history of `tenders` tenders with planted schemes (see the module doc) and
    the honest look-alikes asked for (shares of tenders, `synthetic_variants`)."""
    b = Builder(seed, tenders)
    wanted = dict(DEFAULT_SHARES if shares is None else shares)
    wanted.update(lookalikes or {})
    kinds = (*SCHEMES, *LOOKALIKES)
    for category in CATEGORIES:
        for _ in range(max(20, tenders // 25)):
            b.new_supplier(category)
    counts = {s: max(1, round(tenders * wanted.get(s, 0.0))) if wanted.get(s, 0.0) > 0 else 0
              for s in kinds}
    if sum(counts.values()) > tenders:
        raise ValueError("the scheme shares add up to more than the number of tenders")
    slots = _slots(b, kinds, counts)
    planted = {i: s for s, indices in slots.items() for i in indices}
    truth_tenders: dict[str, set[str]] = {s: set() for s in kinds}
    truth_suppliers: dict[str, set[str]] = {s: set() for s in kinds}
    schemes = Schemes(b, slots, truth_tenders, truth_suppliers)
    result = [schemes.build(planted[i], i) if i in planted else clean_tender(b, i) for i in range(tenders)]
    truth = {s: SchemeTruth(s, frozenset(truth_tenders[s]), frozenset(truth_suppliers[s]))
             for s in SCHEMES}
    return SyntheticHistory(seed=seed, tenders=tuple(result),
                            suppliers=tuple(b.suppliers[k] for k in sorted(b.suppliers)), truth=truth,
                            lookalikes={s: frozenset(truth_tenders[s]) for s in LOOKALIKES if counts[s]})


def _slots(b: Builder, kinds: tuple[str, ...], counts: dict[str, int]) -> dict[str, list[int]]:
    """The tender indices of each kind, drawn without overlap from a shuffled order."""
    order = list(range(b.count))
    b.rng.shuffle(order)
    slots: dict[str, list[int]] = {}
    taken = 0
    for scheme in kinds:
        slots[scheme] = sorted(order[taken:taken + counts[scheme]])
        taken += counts[scheme]
    return slots
