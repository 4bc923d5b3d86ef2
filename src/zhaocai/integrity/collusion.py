"""Collusion signals between the bidders of one tender: Reg 40, related parties and Cardinal R044.

Art 40 of the Implementing Regulations deems bids collusive (视为串通投标) when different bidders'
documents were prepared by the same unit or person, one person handles the bidding for several
bidders, the same project manager appears in several bids, the documents are abnormally alike,
the prices differ in a regular pattern, the documents are mixed up, or the securities come from
one account. The register adds related parties (Law 32, Reg 34): shared legal representative,
related person, phone, email, address or bank account.

Every check here compares bidders within one tender only (pairwise work is bounded by the number
of bids of a tender); values are compared after normalisation (`normalise`: full-width folded,
spacing, case, phone and mail spellings, a missing province in an address).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, localcontext
from itertools import compress, pairwise, repeat
from operator import and_, attrgetter, eq, gt, le, mul, ne, or_, sub, truediv
from typing import Any

from zhaocai.integrity.facts import BidFacts, SupplierFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    make_flag,
    prepare,
    shown,
)
from zhaocai.integrity.normalise import normalise_account as normalise_account
from zhaocai.integrity.normalise import normalise_address as normalise_address
from zhaocai.integrity.normalise import normalise_email as normalise_email
from zhaocai.integrity.normalise import normalise_phone as normalise_phone
from zhaocai.integrity.normalise import normalise_text as normalise_text

_SUPPLIER = attrgetter("supplier_id")
_PRICE = attrgetter("price")


def _same_value_flag(code: str, field: str, history: History,
                     normalise: Callable[[str], str] = normalise_text,
                     ignored: frozenset[str] = frozenset()) -> list[Flag]:
    prepared = prepare(history)
    bids, owners = prepared.flat_submitted()
    read = attrgetter(field)
    raws = list(map(read, bids))
    canon, suspicious = _suspicious_values(raws, _flat_suppliers(prepared), normalise, ignored)
    if not suspicious:
        return []
    multi = {canon[raw] for raw in suspicious}
    flags = []
    # A tender is flagged for bids of two suppliers with one value: it has two suspicious bids.
    hits = Counter(compress(owners, map(suspicious.__contains__, raws)))
    for index in sorted(i for i, n in hits.items() if n > 1):
        flag = _shared_value_flag(code, field, prepared.digests[index], read, canon, multi)
        if flag is not None:
            flags.append(flag)
    return flags


def _flat_suppliers(prepared: PreparedHistory) -> list[str]:
    """The supplier of every bid of `flat_submitted`, in its order (memoised)."""
    suppliers: list[str] | None = prepared.memo.get("flat_suppliers")
    if suppliers is None:
        suppliers = prepared.memo["flat_suppliers"] = list(map(_SUPPLIER, prepared.flat_submitted()[0]))
    return suppliers


def _suspicious_values(raws: list[str | None], suppliers: list[str], normalise: Callable[[str], str],
                       ignored: frozenset[str]) -> tuple[dict[str | None, str | None], set[str | None]]:
    """Each raw value's normalised form (None when blank or ignored), and the raw values that
    two suppliers may share: used by two suppliers as typed, or spelled apart but alike."""
    # Exact screen with C-level loops. Remember one supplier per raw value: a raw value used by
    # two suppliers has bids whose supplier differs from the remembered one.
    one = dict(zip(raws, suppliers, strict=True))
    suspicious = set(compress(raws, map(ne, map(one.__getitem__, raws), suppliers)))
    # Normalise each distinct raw value once; distinct raw values that normalise alike
    # ("王 工", "王工 ") are suspicious too. Ignored values and blanks become None.
    ignored = frozenset(normalise(v) for v in ignored)
    canon: dict[str | None, str | None] = {None: None}
    spellings: dict[str, list[str]] = defaultdict(list)
    for raw in one:
        if raw is not None:
            value = normalise(raw)
            canon[raw] = value if value and value not in ignored else None
            spellings[value].append(raw)
    for raw_values in spellings.values():
        if len(raw_values) > 1:
            suspicious.update(raw_values)
    return canon, {raw for raw in suspicious if canon.get(raw) is not None}


def _shared_value_flag(code: str, field: str, d: Digest, read: Callable[[BidFacts], str | None],
                       canon: dict[str | None, str | None], multi: set[str | None]) -> Flag | None:
    """The flag of one tender whose bids of different suppliers share a normalised value."""
    groups: dict[str, list[BidFacts]] = defaultdict(list)
    for bid in d.submitted:
        found = canon[read(bid)]
        if found is not None and found in multi:
            groups[found].append(bid)
    shared = sorted((v, g) for v, g in groups.items() if len({b.supplier_id for b in g}) > 1)
    if not shared:
        return None
    return make_flag(code, "tender", tender_ids=[d.tender.id],
                     supplier_ids=[b.supplier_id for _, g in shared for b in g],
                     bid_ids=[b.id for _, g in shared for b in g], evidence={
        "field": field,
        "shared": [{"value": v, "suppliers": sorted({b.supplier_id for b in g}),
                    "bids": sorted(b.id for b in g)} for v, g in shared]})


def same_author(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-SAME-AUTHOR: bid documents of different bidders have the same author (Reg 40 (1)).

    Default authors written by office software ("Administrator", "微软用户", ...; the setting
    `ignored_authors`) are not evidence of one author and are skipped.
    """
    return _same_value_flag("REG40-SAME-AUTHOR", "document_author", history,
                            ignored=settings.ignored_authors)


def same_agent(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-SAME-AGENT: one person handles the bids of different bidders (Reg 40 (2))."""
    return _same_value_flag("REG40-SAME-AGENT", "agent", history)


def same_project_manager(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-SAME-PM: different bids name the same project manager (Reg 40 (3))."""
    return _same_value_flag("REG40-SAME-PM", "project_manager", history)


def same_security_account(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-SAME-ACCOUNT: bid securities of different bidders paid from one account (Reg 40 (6))."""
    return _same_value_flag("REG40-SAME-ACCOUNT", "security_account", history, normalise_account)


def _runs(steps: list[Decimal], scales: list[Decimal], tolerance: Decimal,
          min_bids: int) -> list[tuple[int, int]]:
    """Maximal stretches of positive steps that agree within `tolerance` yuan.

    A stretch of steps i..j−1 is accepted when (max − min)·scale[i] ≤ tolerance and it spans
    at least `min_bids` prices (j − i + 1). The scale turns a step into money: 1 for differences,
    the run's first price for ratios. Scanning greedily from the left; a new stretch may start
    at the last price of the previous one. Returns (first price index, last price index) pairs.
    """
    runs = []
    i, m = 0, len(steps)
    while i < m:
        if steps[i] <= 0:
            i += 1
            continue
        low = high = steps[i]
        scale = scales[i]
        j = i + 1
        while j < m and steps[j] > 0:
            new_low, new_high = min(low, steps[j]), max(high, steps[j])
            if (new_high - new_low) * scale > tolerance:
                break
            low, high, j = new_low, new_high, j + 1
        if j - i + 1 >= min_bids:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _candidates(prepared: PreparedHistory, tolerance: Decimal) -> list[int]:
    """Tenders where some three neighbouring prices p1 < p2 < p3 could start a run.

    With d1 = p2 − p1 and d2 = p3 − p2 a run's first triple satisfies either |d2 − d1| ≤ tolerance
    (arithmetic) or |d2/p2 − d1/p1|·p1 ≤ tolerance (geometric), so the screen keeps tenders with
    such a triple, one yuan of slack added for float rounding. Computed for the whole history at
    once with C-level `map`s over the flat list of sorted prices; a triple counts only when all
    three prices belong to one tender. The exact test follows for the tenders kept.
    """
    owners = prepared.sorted_prices()[1]
    if len(owners) < 3:
        return []
    slack = float(tolerance) + 1.0
    floats = prepared.sorted_floats()
    diffs = list(map(sub, floats[1:], floats[:-1]))
    first, second, p1, p2 = diffs[:-1], diffs[1:], floats[:-2], floats[1:-1]
    arithmetic = map(le, map(abs, map(sub, second, first)), repeat(slack))
    geometric = map(le, map(abs, map(sub, map(truediv, map(mul, second, p1), p2), first)),
                    repeat(slack))
    regular = map(or_, arithmetic, geometric)
    rising = list(map(gt, diffs, repeat(0.0)))
    positive = map(and_, rising[:-1], rising[1:])
    same = map(eq, owners[:-2], owners[2:])
    keep = map(and_, map(and_, regular, positive), same)
    return sorted(set(compress(owners[:-2], keep)))


def price_progression(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-PRICE-PROGRESSION: bid prices of different bidders in a regular progression (Reg 40 (4)).

    The test: sort the tender's submitted bids by price; look for at least
    `progression_min_bids` (3) bids, consecutive in that order and of as many different bidders,
    whose consecutive differences are equal (arithmetic: 1,000,000 / 1,020,000 / 1,040,000) or
    whose consecutive ratios are equal (geometric: each 2 % above the last; steps up to 11 %),
    up to rounding:

    - arithmetic: max(difference) − min(difference) ≤ `progression_tolerance` (2 yuan);
    - geometric: (max(ratio) − min(ratio)) × the run's first price ≤ `progression_tolerance`,
      i.e. the ratios disagree by no more than 2 yuan's worth.

    Prices computed by a formula and rounded to the yuan are each at most 0.5 yuan off, so their
    steps agree within 2 yuan; honest prices, whose gaps are thousands of yuan, line up that
    closely about once in ten thousand triples. Equal prices (a zero step) break a run: they are
    R028's business.
    """
    tolerance = settings.progression_tolerance
    min_bids = settings.progression_min_bids
    flags = []
    with localcontext(RATIO_CONTEXT):
        prepared = prepare(history)
        for index in _candidates(prepared, tolerance):
            d = prepared.digests[index]
            runs = _progressions(d, tolerance, min_bids)
            if runs:
                flags.append(make_flag(
                    "REG40-PRICE-PROGRESSION", "tender", tender_ids=[d.tender.id],
                    supplier_ids=[b.supplier_id for _, _, chosen in runs for b in chosen],
                    bid_ids=[b.id for _, _, chosen in runs for b in chosen], evidence={
                        "tolerance": tolerance, "runs": [{
                            "kind": kind,
                            "step": step if kind == "arithmetic" else shown(step),
                            "prices": [b.price for b in chosen],
                            "bids": [b.id for b in chosen],
                        } for kind, step, chosen in runs]}))
    return flags


def _progressions(d: Digest, tolerance: Decimal, min_bids: int
                  ) -> list[tuple[str, Decimal, list[BidFacts]]]:
    """The runs of one tender's price-sorted bids in a regular progression, each with its kind,
    its step and its bids, of at least `min_bids` different bidders (arithmetic first)."""
    known = [b for b in d.submitted if b.price is not None]
    if len(known) < min_bids:
        return []
    bids = sorted(known, key=lambda b: (b.price, b.id))
    prices = [b.price for b in bids if b.price is not None]
    diffs = list(map(sub, prices[1:], prices[:-1]))
    found: dict[tuple[int, int], tuple[str, Decimal]] = {}
    for start, end in _runs(diffs, [Decimal(1)] * len(diffs), tolerance, min_bids):
        found[(start, end)] = ("arithmetic", diffs[start])
    if all(p > 0 for p in prices):
        ratios = [b / a - 1 for a, b in pairwise(prices)]
        for start, end in _runs(ratios, prices, tolerance, min_bids):
            found.setdefault((start, end), ("geometric", ratios[start]))
    runs = []
    for (start, end), (kind, step) in sorted(found.items()):
        chosen = bids[start:end + 1]
        if len({b.supplier_id for b in chosen}) >= min_bids:
            runs.append((kind, step, chosen))
    return runs


RELATED_FIELDS = ("legal_representative", "related_person", "phone", "email", "address", "bank_account")
SIMILARITY_FIELDS = ("address", "phone", "email")


def _keys(supplier: SupplierFacts) -> tuple[tuple[str, str], ...]:
    """Every (field, normalised value) a supplier could share with another."""
    keys: list[tuple[str, str]] = []
    if supplier.legal_representative:
        keys.append(("legal_representative", normalise_text(supplier.legal_representative)))
    keys.extend(("related_person", h) for h in supplier.related_person_hashes)
    keys.extend(("phone", normalise_phone(p)) for p in supplier.phones)
    keys.extend(("email", normalise_email(e)) for e in supplier.emails)
    if supplier.address:
        keys.append(("address", normalise_address(supplier.address)))
    if supplier.bank_account:
        keys.append(("bank_account", normalise_account(supplier.bank_account)))
    # A tuple of tuples of strings: the garbage collector stops tracking it, which keeps whole
    # registers cheap to hold.
    return tuple(k for k in keys if k[1])


def shared_keys(suppliers: Mapping[str, SupplierFacts], fields: Iterable[str] = RELATED_FIELDS,
                keys: Mapping[str, tuple[tuple[str, str], ...]] | None = None
                ) -> dict[str, list[tuple[str, str]]]:
    """For each supplier, the (field, value) keys of `fields` it shares with another supplier.

    Computed once over the register, so that a tender's check touches only bidders that share
    something with someone. `keys` may hand in every supplier's keys (`_keys`) computed before.
    """
    chosen = frozenset(fields)
    every = keys if keys is not None else {sid: _keys(s) for sid, s in suppliers.items()}
    # Count holders per key first (no set per key: registers are large, shared keys rare).
    counts = Counter(key for sid in suppliers for key in set(every[sid]) if key[0] in chosen)
    shared = {key for key, n in counts.items() if n > 1}
    result: dict[str, set[tuple[str, str]]] = defaultdict(set)
    if shared:
        for sid in suppliers:
            for key in every[sid]:
                if key in shared:
                    result[sid].add(key)
    return {sid: sorted(mine) for sid, mine in result.items()}


def _link_flags(code: str, history: History, suppliers: Mapping[str, SupplierFacts],
                fields: Iterable[str]) -> list[Flag]:
    prepared = prepare(history)
    cached = prepared.memo.get("supplier_keys")
    if cached is None or cached[0] is not suppliers:
        cached = prepared.memo["supplier_keys"] = (suppliers, {s: _keys(f) for s, f in suppliers.items()})
    linked = shared_keys(suppliers, fields, cached[1])
    if not linked:
        return []
    owners = prepared.flat_submitted()[1]
    hits = Counter(compress(owners, map(linked.__contains__, _flat_suppliers(prepared))))
    flags = []
    for index in sorted(i for i, n in hits.items() if n > 1):
        d = prepared.digests[index]
        bidders = [s for s in d.submitted_suppliers if s in linked]
        if len(bidders) < 2:
            continue
        groups: dict[tuple[str, str], set[str]] = defaultdict(set)
        for supplier in bidders:
            for key in linked[supplier]:
                groups[key].add(supplier)
        links: list[dict[str, Any]] = [
            {"field": f, "value": v, "suppliers": sorted(members)}
            for (f, v), members in sorted(groups.items()) if len(members) > 1]
        if links:
            flags.append(make_flag(code, "tender", tender_ids=[d.tender.id],
                                   supplier_ids=[s for link in links for s in link["suppliers"]],
                                   evidence={"links": links}))
    return flags


def related_parties(history: History, suppliers: Mapping[str, SupplierFacts],
                    settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """REG40-RELATED-PARTIES: bidders in one tender share a legal representative, related person,
    phone, email, address or bank account (Law 32, Reg 34 and Reg 40)."""
    return _link_flags("REG40-RELATED-PARTIES", history, suppliers, RELATED_FIELDS)


def business_similarities(history: History, suppliers: Mapping[str, SupplierFacts],
                          settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R044: different tenderers of one tender have the same address or contact details.

    Cardinal R044: flagged if different tenderers have the exact same address (trimmed, lower
    case) or any same contact point field; here the supplier's address, phones and emails,
    compared after zhaocai's normalisation (so also "浙江省义乌市…" and "义乌市…").
    """
    return _link_flags("R044", history, suppliers, SIMILARITY_FIELDS)
