"""Risk scores per tender and per supplier, and the ranked worklist an auditor reads.

A score adds the weights of the distinct flag codes that name a tender (or a supplier). The
weights are stated here, chosen from what each flag means, not fitted to any history:

- a collusion signal (`FlagInfo.kind == "collusion"`: Reg 40 traces, related parties, equal or
  near-equal prices, constant ratios, a cartel candidate's tender, suppression, allocation, a
  late winning bid) weighs 1: one is enough to open a case;
- a breach of a procedural rule that favours an insider (R003 short open-tender period, a late
  amendment that did not move the deadline) weighs 1; a bid security above the cap or a short
  publicity period 0.5; too few bidders or a single bid 0.25 (honest markets fail tenders too);
- a screen (`kind == "screen"`: R024, R025, R035, R036, R038, R048, R058, the exact-set rotation
  screen, the cover-shape screen, a single late win by a hair, the loyal loser) weighs 0.25 to
  0.5, and all screens of one subject together add at most `SCREEN_CAP` (0.5): honest tenders
  show them (R058 and R036 fire on many), so they only corroborate a stronger signal.

A tender is *flagged* when its score reaches `RISK_THRESHOLD` (1). A supplier's score adds the
weights of the supplier flags naming it and 0.25 for each flagged tender it won (unless the
tender's flags name other suppliers and not it: an outsider who underbid a cartel) or in which a
collusion flag names it (at most 1 for all such tenders): a firm named again and again by
collusion evidence is a candidate even when it never wins (the cover bidder).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from zhaocai.integrity.facts import TenderFacts
from zhaocai.integrity.model import FLAG_INFO, Flag

RISK_THRESHOLD = Decimal("1")
"""A tender (or supplier) at or above this score is flagged and goes on the worklist."""

WEIGHTS: dict[str, Decimal] = {
    **{code: Decimal("1") for code, info in FLAG_INFO.items() if info.kind == "collusion"},
    "R003": Decimal("1"), "ZC-LATE-AMENDMENT": Decimal("1"),
    "ZC-BID-SECURITY": Decimal("0.5"), "ZC-SHORT-PUBLICITY": Decimal("0.5"),
    "ZC-FEW-BIDDERS": Decimal("0.25"), "R018": Decimal("0.25"),
    "R024": Decimal("0.25"), "R025": Decimal("0.25"), "R035": Decimal("0.5"), "R036": Decimal("0.25"),
    "R038": Decimal("0.25"), "R048": Decimal("0.25"), "R058": Decimal("0.25"),
    "ZC-BID-ROTATION": Decimal("0.25"), "ZC-SCREEN-COVER": Decimal("0.5"),
    "ZC-LATE-HAIR": Decimal("0.5"), "ZC-LOYAL-LOSER": Decimal("0.5"),
}
"""The weight of each flag code in the risk score (see the module doc for the reasons)."""

SCREEN_CAP = Decimal("0.5")
"""Screens together add at most this much: they corroborate, they never decide alone."""
_WON_TENDER = Decimal("0.25")
_WON_CAP = Decimal("1")


def weight(code: str) -> Decimal:
    """The weight of a flag code (0 for an unknown code)."""
    return WEIGHTS.get(code, Decimal(0))


def is_collusion(flag: Flag) -> bool:
    """Whether a flag is a collusion signal (its code's kind is ``collusion``)."""
    info = FLAG_INFO.get(flag.code)
    return info is not None and info.kind == "collusion"


@dataclass(frozen=True, slots=True)
class Risk:
    """The risk of one tender or supplier: its score and the codes that make it up."""

    subject: str
    id: str
    score: Decimal
    codes: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        """Whether the score reaches the threshold."""
        return self.score >= RISK_THRESHOLD


def tender_risks(flags: Iterable[Flag]) -> dict[str, Risk]:
    """The risk of every tender named by a tender flag."""
    codes: dict[str, set[str]] = defaultdict(set)
    for flag in flags:
        if flag.subject == "tender":
            for tender_id in flag.tender_ids:
                codes[tender_id].add(flag.code)
    return {t: Risk("tender", t, _score(found), tuple(sorted(found))) for t, found in codes.items()}


def _score(codes: Iterable[str]) -> Decimal:
    strong = screens = Decimal(0)
    for code in codes:
        info = FLAG_INFO.get(code)
        if info is not None and info.kind == "screen":
            screens += weight(code)
        else:
            strong += weight(code)
    return strong + min(screens, SCREEN_CAP)


def flagged_by_risk(flags: Iterable[Flag]) -> set[str]:
    """The tenders whose risk score reaches the threshold."""
    return {t for t, risk in tender_risks(flags).items() if risk.flagged}


def tender_winners(tenders: Iterable[TenderFacts]) -> dict[str, frozenset[str]]:
    """Every tender with an award in force, by id, and the suppliers of its active awards (one
    winner, the winners of several lots, or every member of a joint bid an award names)."""
    return {t.id: found for t in tenders if (found := t.active_supplier_ids())}


def supplier_risks(flags: Sequence[Flag], winners: Mapping[str, Collection[str]]) -> dict[str, Risk]:
    """The risk of every supplier named by a supplier flag, winning a flagged tender or named in
    one by a collusion flag.

    `winners` maps tender ids to their winning suppliers (`tender_winners`).
    """
    if any(isinstance(found, str) for found in winners.values()):
        raise TypeError("winners maps each tender id to a collection of supplier ids")
    codes: dict[str, set[str]] = defaultdict(set)
    for flag in flags:
        if flag.subject == "supplier":
            for supplier in flag.supplier_ids:
                codes[supplier].add(flag.code)
    risks = tender_risks(flags)
    # The suppliers the tender flags name: a winner whom the flags of its tender name others
    # and not it (an outsider who underbid a cartel's covers) is not credited with that tender.
    named: dict[str, set[str]] = defaultdict(set)
    for flag in flags:
        if flag.subject == "tender":
            for tender_id in flag.tender_ids:
                named[tender_id].update(flag.supplier_ids)
    involved: dict[str, set[str]] = defaultdict(set)
    for tender_id, risk in risks.items():
        if risk.flagged:
            for winner in winners.get(tender_id, ()):
                if not named[tender_id] or winner in named[tender_id]:
                    involved[winner].add(tender_id)
    for flag in flags:
        if flag.subject == "tender" and is_collusion(flag):
            for tender_id in flag.tender_ids:
                if tender_id in risks and risks[tender_id].flagged:
                    for supplier in flag.supplier_ids:
                        involved[supplier].add(tender_id)
    won = {s: min(_WON_CAP, _WON_TENDER * len(ts)) for s, ts in involved.items()}
    out = {}
    for supplier in set(codes) | set(won):
        score = _score(codes[supplier]) + won.get(supplier, Decimal(0))
        out[supplier] = Risk("supplier", supplier, score, tuple(sorted(codes[supplier])))
    return out


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One line of the worklist: what to look at, why, and how much money is at stake."""

    rank: int
    subject: str
    id: str
    score: Decimal
    codes: tuple[str, ...]
    amount: Decimal
    summary: str


def worklist(flags: Sequence[Flag], tenders: Iterable[TenderFacts], limit: int = 20) -> list[WorkItem]:
    """The flagged tenders and suppliers, highest score first, then most money, then id.

    A supplier's amount is what it was awarded in flagged tenders (each active award's amount to
    each of its suppliers); a tender's its award, else the sum of its active awards' known
    amounts, else its estimate, else 0 (not known).
    """
    facts = {t.id: t for t in tenders}
    winners = tender_winners(facts.values())
    items: list[tuple[Decimal, Decimal, str, str, tuple[str, ...], str]] = []
    risks = tender_risks(flags)
    won_amount: dict[str, Decimal] = defaultdict(Decimal)
    for tender_id, risk in risks.items():
        t = facts.get(tender_id)
        if not risk.flagged or t is None:
            continue
        awards = t.active_awards()
        for award in awards:
            for supplier in award.supplier_ids:
                won_amount[supplier] += award.amount or Decimal(0)
        amount = t.award_amount
        if amount is None and any(a.amount is not None for a in awards):
            amount = sum((a.amount for a in awards if a.amount is not None), Decimal(0))
        amount = amount if amount is not None else (t.estimate or Decimal(0))
        items.append((risk.score, amount, "tender", tender_id, risk.codes,
                      f"{t.title} · {t.buyer} · {', '.join(risk.codes)}"))
    for supplier, risk in supplier_risks(flags, winners).items():
        if risk.flagged:
            items.append((risk.score, won_amount[supplier], "supplier", supplier, risk.codes,
                          f"supplier {supplier} · {', '.join(risk.codes) or 'wins flagged tenders'}"))
    items.sort(key=lambda i: (-i[0], -i[1], i[2], i[3]))
    return [WorkItem(n + 1, subject, id_, score, codes, amount, summary)
            for n, (score, amount, subject, id_, codes, summary) in enumerate(items[:limit])]
