"""Bid rotation in a group with a changing line-up: ZC-ROTATION-RING.

A rotation ring takes turns to win (OECD 2009 guidelines, "rotation of winners among a group";
Ishii 2009 on Japanese dango: the member due wins, the others bid above it). When honest
outsiders join some of its tenders and its covers are spread rather than tight, the price screens
of its tenders look like competition and the network's cover test stays silent; what remains is
who bids together and in what order the winners come. Two steps, each a test with the
Benjamini–Hochberg procedure at false discovery rate `group_alpha`:

1. **Bidding together.** For each pair that met in at least `group_min_tenders` awarded tenders
   of a category, the chance of meeting so often if each bid independently at its own rate in
   that category's tenders (binomial: the first supplier's tenders there, each joined by the
   second with its rate). Pairs that bid together beyond chance are joined into groups per
   category (connected components, three to `rotation_max_group` members).
2. **Taking turns.** In the group's joint tenders (two or more members, at least half the valid
   bidders; a tender of the group's category) won by a member, the winners in order of
   publication; the statistic is the number of consecutive repeats (the same member winning
   twice in a row). Under honest competition the order of the same wins is random: the p-value
   is the share of 1,000 random orders of the same winners (a fixed pseudo-random sequence, so
   the result is reproducible) with as few repeats. A group with at least three distinct
   winners, each winning at least twice, whose repeats are a discovery, is a ring.

Flagged: every joint tender of the ring (outsiders win some: the ring's price is above the
competitive one) and each member. Honest firms that meet often — a buyer asking the same
shortlist — pass step 1 but win in random order; a ring that takes turns in a random order, or
whose line-up hides among many honest bidders, is not seen.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from itertools import chain, repeat
from operator import eq

from zhaocai.integrity.model import DEFAULT_SETTINGS, Digest, Flag, FlagSettings, History, make_flag
from zhaocai.integrity.networks import Network, chronological, components, network
from zhaocai.integrity.screens import decimal4
from zhaocai.integrity.statistics import binomial_tail, discoveries

PERMUTATIONS = 1000
"""Random orders drawn for the repeats test (a fixed seed: the flags are reproducible)."""
STOP_SHARE = 0.1
"""The draws stop, and the p-value reads 1, once more than this share of them (or the false
discovery rate, if higher) had as few repeats: such a p-value is never a discovery."""


def repeats(sequence: list[str]) -> int:
    """Consecutive repeats: positions where the same member won twice in a row."""
    return sum(map(eq, sequence, sequence[1:]))


def fewer_repeats_chance(sequence: list[str], draws: int = PERMUTATIONS,
                         stop: float = STOP_SHARE) -> float:
    """The share of random orders of `sequence` with at most its repeats (the observed order
    counted as one of them, so never 0); 1 when it has at least the repeats a random order has
    on average, Σ nᵢ(nᵢ − 1) / N (such a p-value would be about a half or more: never a
    discovery)."""
    observed = repeats(sequence)
    counts = Counter(sequence).values()
    if not sequence or observed >= sum(n * (n - 1) for n in counts) / len(sequence):
        return 1.0  # as many repeats as a random order has on average: no test needed
    getrandbits = random.Random(len(sequence)).getrandbits
    shuffled = list(sequence)
    # `Random.shuffle` written out (the same draws in the same order, without a method call
    # per swap): position i swaps with j, drawn below i + 1 from (i + 1).bit_length() bits.
    steps = [(i, (i + 1).bit_length(), i + 1) for i in reversed(range(1, len(shuffled)))]
    hits = 1
    for _ in range(draws):
        for i, bits, below in steps:
            j = getrandbits(bits)
            while j >= below:
                j = getrandbits(bits)
            shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
        hits += sum(map(eq, shuffled, shuffled[1:])) <= observed
        if hits > stop * (draws + 1):
            return 1.0  # already above any level a discovery needs: stop drawing
    return hits / (draws + 1)


def _together(history: History, settings: FlagSettings) -> list[tuple[tuple[str, ...], str]]:
    net = network(history, settings)
    category_of = [d.tender.category for d in net.awarded]
    tenders = Counter(category_of)
    # Each supplier's valid bids per category, counted at C level.
    bids = Counter(chain.from_iterable(zip(d.valid_suppliers, repeat(category))
                                       for d, category in zip(net.awarded, category_of, strict=True)))
    results = []
    for (a, b), indices in net.pairs.items():
        if len(indices) < settings.group_min_tenders:
            continue  # too few joint tenders in all, so in any one category
        by_category = Counter(map(category_of.__getitem__, indices))
        for category, joint in by_category.items():
            if joint < settings.group_min_tenders:
                continue
            rate = bids[(b, category)] / tenders[category]
            results.append((binomial_tail(joint, bids[(a, category)], rate), (a, b), category))
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, pair, category in discoveries(results, float(settings.group_alpha)):
        edges[category].append(pair)
    return [(g, category) for category, found in sorted(edges.items()) for g in components(found)
            if 3 <= len(g) <= settings.rotation_max_group]


def rotation_rings(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-ROTATION-RING: a group that bids together beyond chance and takes turns to win."""
    net = network(history, settings)
    candidates = []
    for members, category in _together(history, settings):
        joint = _joint_tenders(net, members, category)
        chosen = set(members)
        sequence = [next(iter(chosen & d.winners())) for d in joint if len(chosen & d.winners()) == 1]
        wins = Counter(sequence)
        if len(wins) < 3 or min(wins.values()) < 2:
            continue
        chance = fewer_repeats_chance(sequence, stop=max(STOP_SHARE, float(settings.group_alpha)))
        candidates.append((chance, members, category, joint, sequence))
    flags: list[Flag] = []
    for p_value, members, category, joint, sequence in discoveries(candidates,
                                                                   float(settings.group_alpha)):
        flags.extend(_ring_flags(p_value, members, category, joint, sequence, settings))
    return flags


def _joint_tenders(net: Network, members: tuple[str, ...], category: str) -> list[Digest]:
    """The group's tenders of the category, by date: two or more members, at least half the
    valid bidders."""
    chosen = set(members)
    touched = {i for m in members for i in net.touching.get(m, ())
               if net.awarded[i].tender.category == category}
    return sorted((net.awarded[i] for i in touched
                   if len(chosen.intersection(net.awarded[i].valid_suppliers)) >= 2
                   and 2 * len(chosen.intersection(net.awarded[i].valid_suppliers))
                   >= len(net.awarded[i].valid_suppliers)), key=chronological)


def _ring_flags(p_value: float, members: tuple[str, ...], category: str, joint: list[Digest],
                sequence: list[str], settings: FlagSettings) -> list[Flag]:
    """ZC-ROTATION-RING on each joint tender of a discovered ring and on each member."""
    wins = Counter(sequence)
    expected = sum((n / len(sequence)) ** 2 for n in wins.values()) * (len(sequence) - 1)
    evidence = {"members": list(members), "category": category, "joint_tenders": len(joint),
                "won_by_members": len(sequence), "wins": dict(sorted(wins.items())),
                "winner_sequence": sequence[:40], "consecutive_repeats": repeats(sequence),
                "repeats_expected_if_random": decimal4(expected),
                "p_value": f"{p_value:.2e}", "alpha": settings.group_alpha}
    ids = [d.tender.id for d in joint]
    return [*(make_flag("ZC-ROTATION-RING", "tender", tender_ids=[t], supplier_ids=members,
                        evidence=evidence) for t in ids),
            *(make_flag("ZC-ROTATION-RING", "supplier", supplier_ids=[m], tender_ids=ids,
                        evidence=evidence) for m in members)]
