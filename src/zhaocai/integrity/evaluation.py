"""Measuring the flags against a history with known rigging: tender and supplier level.

A tender counts as *flagged* when its risk score reaches the threshold (`risk.flagged_by_risk`);
the narrower *collusion* view counts tenders named by a flag of kind ``collusion``. Per scheme:
recall (rigged tenders flagged / rigged tenders); overall: precision (flagged rigged / flagged),
recall, and the share of honest tenders flagged; per look-alike kind, the share of its honest
tenders flagged. At supplier level: the share of cartel members named (supplier risk at or above
the threshold), and the share of named suppliers that took part in some scheme.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.flags import compute_flags
from zhaocai.integrity.model import Flag
from zhaocai.integrity.risk import flagged_by_risk, is_collusion, supplier_risks, tender_winners


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The figures of one measurement (JSON-ready through `to_dict`)."""

    view: str
    tenders: int
    rigged: int
    flagged: int
    caught: int
    honest_flagged: int
    per_scheme: Mapping[str, tuple[int, int]]
    per_lookalike: Mapping[str, tuple[int, int]]
    members: int
    members_named: int
    named: int
    named_in_schemes: int

    @property
    def precision(self) -> float:
        """Flagged rigged tenders / flagged tenders."""
        return self.caught / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        """Flagged rigged tenders / rigged tenders."""
        return self.caught / self.rigged if self.rigged else 1.0

    @property
    def honest_rate(self) -> float:
        """Honest tenders flagged / honest tenders."""
        honest = self.tenders - self.rigged
        return self.honest_flagged / honest if honest else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The figures, rounded to three places."""
        return {
            "view": self.view, "tenders": self.tenders, "rigged": self.rigged,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "honest_flagged_share": round(self.honest_rate, 4),
            "per_scheme_recall": {s: {"caught": c, "rigged": n, "recall": round(c / n, 3) if n else None}
                                  for s, (c, n) in self.per_scheme.items()},
            "lookalike_flagged": {s: {"flagged": c, "honest": n, "share": round(c / n, 4) if n else None}
                                  for s, (c, n) in self.per_lookalike.items()},
            "cartel_members": self.members, "cartel_members_named": self.members_named,
            "suppliers_named": self.named, "named_in_a_scheme": self.named_in_schemes,
        }


def evaluate(tenders: Sequence[TenderFacts], suppliers: Sequence[SupplierFacts],
             rigged: Mapping[str, frozenset[str]], members: Mapping[str, frozenset[str]],
             lookalikes: Mapping[str, frozenset[str]] | None = None,
             flags: list[Flag] | None = None, cartel_schemes: Sequence[str] = ()) -> list[Evaluation]:
    """The risk view and the collusion view of the flags over a history with known rigging.

    `members` are the suppliers behind each scheme; `cartel_schemes` names the schemes whose
    members count as cartel members for the supplier figure (all schemes when empty).
    """
    flags = compute_flags(tenders, suppliers) if flags is None else flags
    every = {t.id for t in tenders}
    bad = set().union(*rigged.values()) if rigged else set()
    winners = tender_winners(tenders)
    named = {s for s, r in supplier_risks(flags, winners).items() if r.flagged}
    cartel = set().union(*(members[s] for s in (cartel_schemes or list(members)) if s in members))
    involved = set().union(*members.values()) if members else set()
    views = {"risk": flagged_by_risk(flags),
             "collusion": {t for f in flags if f.subject == "tender" and is_collusion(f)
                           for t in f.tender_ids}}
    out = []
    for view, chosen in views.items():
        chosen &= every
        out.append(Evaluation(
            view, len(every), len(bad), len(chosen), len(chosen & bad), len(chosen - bad),
            {s: (len(ts & chosen), len(ts)) for s, ts in rigged.items()},
            {s: (len(ts & chosen), len(ts)) for s, ts in (lookalikes or {}).items()},
            len(cartel), len(cartel & named), len(named), len(named & involved)))
    return out
