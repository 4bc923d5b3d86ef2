"""Precision and recall of the red flags against the ground truth of planted schemes.

Each scheme maps to the flag codes meant to catch it (`SCHEME_CODES`). For a scheme, the
*flagged* tenders are those named by any flag of its codes, the *planted* tenders those the
scheme touched; precision = |flagged ∩ planted| / |flagged|, recall = |flagged ∩ planted| /
|planted|. A flagged tender planted with another scheme counts against precision, unless that
scheme is caught by the same code (ZC-CARTEL describes rotation rings of either kind): a flag
should point at the wrongdoing it describes.

The mapping, and why:

| scheme | codes | the trace the scheme leaves |
| --- | --- | --- |
| cover_bidding | REG40-SAME-AUTHOR, -AGENT, -PM, -ACCOUNT, -PRICE-PROGRESSION | the boss made the covers |
| bid_rotation | ZC-BID-ROTATION, ZC-CARTEL, ZC-ROTATION-RING | one group, winners taking turns |
| identical_prices | R028 | two bids at one price |
| related_bidders | REG40-RELATED-PARTIES, R044 | shared people, contacts or address |
| shortened_period | R003 | bid period under 15 days |
| insider_late_bid | R030 | the winner's valid bid after the deadline |
| open_ring | ZC-CARTEL, ZC-ROTATION-RING | a group whose joint tenders carry the cover shape beyond chance |
| allocation | ZC-MARKET-ALLOCATION, ZC-BUYER-SPLIT, ZC-TERRITORY-SPLIT | own buyers won, covers at others' |
| allocation_loose | ZC-MARKET-ALLOCATION, ZC-BUYER-SPLIT, ZC-TERRITORY-SPLIT | the same, looser covers |
| ring_loose | ZC-CARTEL, ZC-ROTATION-RING | a group bidding together, winners taking turns |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zhaocai.integrity.model import Flag
from zhaocai.integrity.synthetic import SchemeTruth

SCHEME_CODES: dict[str, frozenset[str]] = {
    "cover_bidding": frozenset({"REG40-SAME-AUTHOR", "REG40-SAME-AGENT", "REG40-SAME-PM",
                                "REG40-SAME-ACCOUNT", "REG40-PRICE-PROGRESSION"}),
    "bid_rotation": frozenset({"ZC-BID-ROTATION", "ZC-CARTEL", "ZC-ROTATION-RING"}),
    "identical_prices": frozenset({"R028"}),
    "related_bidders": frozenset({"REG40-RELATED-PARTIES", "R044"}),
    "shortened_period": frozenset({"R003"}),
    "insider_late_bid": frozenset({"R030"}),
    "open_ring": frozenset({"ZC-CARTEL", "ZC-ROTATION-RING"}),
    "allocation": frozenset({"ZC-MARKET-ALLOCATION", "ZC-BUYER-SPLIT", "ZC-TERRITORY-SPLIT"}),
    "allocation_loose": frozenset({"ZC-MARKET-ALLOCATION", "ZC-BUYER-SPLIT", "ZC-TERRITORY-SPLIT"}),
    "ring_loose": frozenset({"ZC-CARTEL", "ZC-ROTATION-RING"}),
}
"""Which flag codes should catch each planted scheme."""


@dataclass(frozen=True, slots=True)
class SchemeScore:
    """How well a scheme's codes found the tenders the scheme touched."""

    scheme: str
    codes: frozenset[str]
    planted: int
    flagged: int
    caught: int

    @property
    def precision(self) -> float:
        """Caught / flagged; 1.0 when nothing was flagged and nothing planted, else 0.0."""
        if self.flagged:
            return self.caught / self.flagged
        return 1.0 if not self.planted else 0.0

    @property
    def recall(self) -> float:
        """Caught / planted; 1.0 when nothing was planted."""
        return self.caught / self.planted if self.planted else 1.0

    def line(self) -> str:
        """One readable line: scheme, precision, recall and the counts behind them."""
        return (f"{self.scheme:<18} precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"({self.caught} caught / {self.flagged} flagged / {self.planted} planted)")


def score(flags: Iterable[Flag], truth: Mapping[str, SchemeTruth],
          mapping: Mapping[str, frozenset[str]] = SCHEME_CODES) -> dict[str, SchemeScore]:
    """Precision and recall per scheme of `truth`, at the level of tenders."""
    by_code: dict[str, set[str]] = {}
    for flag in flags:
        by_code.setdefault(flag.code, set()).update(flag.tender_ids)
    scores = {}
    for scheme, planted in truth.items():
        codes = mapping.get(scheme, frozenset())
        flagged: set[str] = set()
        for code in codes:
            flagged |= by_code.get(code, set())
        for other, found in truth.items():
            if other != scheme and codes & mapping.get(other, frozenset()):
                flagged -= found.tender_ids
        scores[scheme] = SchemeScore(scheme, codes, len(planted.tender_ids), len(flagged),
                                     len(flagged & planted.tender_ids))
    return scores
