"""A history prepared for the flags: each tender digested once, and the facts flags share.

`Digest` holds what several flags read of one tender (its submitted and valid bids, their
suppliers, the winner); `PreparedHistory` holds the digests of a history and a memo of the
intermediate results that several flags share, so that each is computed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, combinations, repeat
from operator import attrgetter
from typing import Any

from zhaocai.integrity.facts import AWARDED_STATUSES, SUBMITTED_STATUSES, BidFacts, TenderFacts


@dataclass(slots=True)
class Digest:
    """What several flags read of one tender, computed once.

    `submitted` are the bids that count as submitted (valid, disqualified or pending; invited bids
    were never made and withdrawn bids are gone under Law 29), `winner` the awarded supplier when
    the tender has an active award. The supplier ids (bids naming no tenderer left out) are
    distinct, in no particular order; they are tuples of strings, which the garbage collector
    stops tracking, so that digesting a large history stays cheap.
    """

    tender: TenderFacts
    submitted: tuple[BidFacts, ...]
    valid: tuple[BidFacts, ...]
    valid_suppliers: tuple[str, ...]
    submitted_suppliers: tuple[str, ...]
    winner: str | None
    _winners: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def winners(self) -> frozenset[str]:
        """Every supplier of the awards in force: the one `winner`, or else the suppliers of the
        active awards (several lots, or a joint bid's members when an award names them all).
        Computed on the first call and kept: many flags ask."""
        found = self._winners
        if found is None:
            winner = self.winner
            found = frozenset((winner,)) if winner is not None else self.tender.active_supplier_ids()
            self._winners = found
        return found


def digest(tender: TenderFacts) -> Digest:
    """Digest one tender: its submitted and valid bids and their suppliers.

    When every bid is valid (most tenders) the tender's own tuple and one set serve for both,
    which keeps the number of objects a large history's digests allocate low.
    """
    bids = tender.bids
    winner = tender.winner_supplier_id if tender.status in AWARDED_STATUSES else None
    # C-level maps: the same sets, built in the same order, as comprehensions would build them.
    if set(map(_STATUS, bids)) <= _VALID_ONLY:
        named = list(map(_SUPPLIER, bids))
        if all(named):
            suppliers = tuple(set(named))
            return Digest(tender, bids, bids, suppliers, suppliers, winner)
    valid = tuple(b for b in bids if b.status == "valid")
    submitted = tuple(b for b in bids if b.status in SUBMITTED_STATUSES)
    return Digest(tender, submitted, valid, tuple({b.supplier_id for b in valid if b.supplier_id}),
                  tuple({b.supplier_id for b in submitted if b.supplier_id}), winner)


_STATUS = attrgetter("status")
_SUPPLIER = attrgetter("supplier_id")
_VALID_ONLY = frozenset({"valid"})


def digest_all(tenders: Iterable[TenderFacts]) -> list[Digest]:
    """Digest every tender."""
    return [digest(t) for t in tenders]


class PreparedHistory:
    """Tenders digested once, so that computing many flags reads each tender's bids once.

    `memo` keeps intermediate results that several flags share (e.g. the second-lowest-bid
    ratios of R024 and R058) for the life of this object.
    """

    __slots__ = ("_flat", "_pairs", "_sorted", "digests", "memo")

    def __init__(self, tenders: Iterable[TenderFacts]) -> None:
        self.digests = digest_all(tenders)
        self.memo: dict[str, Any] = {}
        self._flat: tuple[list[BidFacts], list[int]] | None = None
        self._sorted: tuple[list[Decimal], list[int]] | None = None
        self._pairs: BidderPairs | None = None

    def sorted_prices(self) -> tuple[list[Decimal], list[int]]:
        """Every tender's known submitted prices in ascending order, tender after tender, in one list,
        and beside each price the index of its tender's digest."""
        if self._sorted is None:
            prices: list[Decimal] = []
            owners: list[int] = []
            price = attrgetter("price")
            for index, d in enumerate(self.digests):
                known = [p for p in map(price, d.submitted) if p is not None]
                known.sort()
                prices.extend(known)
                owners.extend(repeat(index, len(known)))
            self._sorted = (prices, owners)
        return self._sorted

    def sorted_floats(self) -> list[float]:
        """`sorted_prices` as floats, for the whole-history screens (memoised)."""
        found: list[float] | None = self.memo.get("sorted_floats")
        if found is None:
            found = self.memo["sorted_floats"] = list(map(float, self.sorted_prices()[0]))
        return found

    def flat_submitted(self) -> tuple[list[BidFacts], list[int]]:
        """All submitted bids in one list, and beside each the index of its tender's digest.

        Whole-history screens run over this list with C-level `map`/`zip`, and only the few
        tenders they pick are examined bid by bid.
        """
        if self._flat is None:
            bids: list[BidFacts] = []
            owners: list[int] = []
            for index, d in enumerate(self.digests):
                bids.extend(d.submitted)
                owners.extend([index] * len(d.submitted))
            self._flat = (bids, owners)
        return self._flat


    def bidder_pairs(self) -> BidderPairs:
        """The pairs of valid bidders of every tender and how often each pair met (memoised):
        the co-bidding network and the constant-ratio screen count the same pairs."""
        if self._pairs is None:
            self._pairs = BidderPairs.of(self.digests)
        return self._pairs


MAX_PAIR_BIDDERS = 15
"""Tenders with more valid bidders than this add no pairs (open tenders with crowds are not where
rings hide, and their pairs would dominate the work)."""


@dataclass(frozen=True, slots=True)
class BidderPairs:
    """Who bid with whom: for each digest, the pairs of its valid suppliers, each pair sorted and
    the pairs in `combinations` order of the sorted suppliers (empty for a tender with more than
    `MAX_PAIR_BIDDERS` valid suppliers); and the number of digests each pair appears in.

    Counting the pairs of a large history is much of the work of the screens that read pairs;
    it is done here once. A screen that reads a subset of the tenders, or of their bidders, takes
    these counts as an upper bound of its own and counts exactly only the pairs that pass it.
    """

    keys: list[list[tuple[str, str]]]
    counts: Counter[tuple[str, str]]

    @classmethod
    def of(cls, digests: Sequence[Digest]) -> BidderPairs:
        """The pairs of `digests`' valid suppliers."""
        keys = [list(combinations(sorted(d.valid_suppliers), 2))
                if len(d.valid_suppliers) <= MAX_PAIR_BIDDERS else [] for d in digests]
        return cls(keys, Counter(chain.from_iterable(keys)))

    def met(self, least: int) -> set[tuple[str, str]]:
        """The pairs that met in at least `least` digests."""
        return {pair for pair, n in self.counts.items() if n >= least}


History = Sequence[TenderFacts] | PreparedHistory
"""What a flag function reads: a list of tenders, or the same list already prepared."""


def prepare(history: History) -> PreparedHistory:
    """The history prepared (digested), reusing it when it already is."""
    return history if isinstance(history, PreparedHistory) else PreparedHistory(history)


def digests_of(history: History) -> list[Digest]:
    """The digests of a history, preparing it if needed."""
    if isinstance(history, PreparedHistory):
        return history.digests
    return digest_all(history)
