"""Committee draw with recusal (评标委员会抽取与回避), Law 37 and Reg 46.

The draw is a keyed shuffle that anyone can re-run:

1. the seed is `draw_seed(opening_record_hash, draw_time_iso)` = sha256 of
   ``opening_record_hash + "|" + draw_time_iso`` (UTF-8): the opening record depends on every
   bidder's sealed bid and the moment is fixed by the draw, so no single party chooses it;
2. experts whose specialties include the tender's category (and who are not already on the
   committee as buyer representatives) are ordered by `draw_key(seed, expert_id)` =
   sha256(seed || expert_id as UTF-8), ascending hex;
3. they are taken in that order; an expert with an interest in a bidder (employee, shared
   related person, relative at the bidder) or who drafted the tender is recused, the reason is
   recorded, and the next one is taken, until the committee is full.

No Python `random` is involved; the same inputs always give the same committee.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zhaocai.bidding.rules.common import Reason, require_unique
from zhaocai.errors import RuleViolation
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile


@dataclass(frozen=True)
class Expert:
    """An entry of the expert pool. Put the expert's own person hash in `related_person_hashes`."""

    expert_id: str
    name: str
    specialties: frozenset[str]
    employer_id: str | None = None
    related_person_hashes: frozenset[str] = field(default_factory=frozenset)
    relatives_organisation_ids: frozenset[str] = field(default_factory=frozenset)
    declared_interests: frozenset[str] = field(default_factory=frozenset)
    """Suppliers an interest the expert declared on the people register binds them to."""


@dataclass(frozen=True)
class BuyerRepresentative:
    """A representative of the buyer (招标人代表), designated rather than drawn."""

    person_id: str
    name: str
    employer_id: str | None = None
    related_person_hashes: frozenset[str] = field(default_factory=frozenset)
    relatives_organisation_ids: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Bidder:
    """A bidder as far as conflicts go: its supplier id and related persons (owners, managers)."""

    supplier_id: str
    related_person_hashes: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Recusal:
    """One recorded reason why a drawn expert stepped aside (`bidder_id` None: not bidder-related)."""

    expert_id: str
    reason: Reason
    bidder_id: str | None


@dataclass(frozen=True)
class Draw:
    """The result of a draw: re-run `draw_committee` with the same inputs to get the same one."""

    members: tuple[str, ...]
    """Drawn experts' ids, in draw order."""
    representatives: tuple[str, ...]
    recusals: tuple[Recusal, ...]
    seed_hex: str
    category: str
    size: int

    @property
    def committee_ids(self) -> tuple[str, ...]:
        """Everyone on the committee: drawn experts then buyer representatives."""
        return self.members + self.representatives


def draw_seed(opening_record_hash: str, draw_time_iso: str) -> bytes:
    """The draw seed: sha256(opening_record_hash + "|" + draw_time_iso), 32 bytes."""
    return hashlib.sha256(f"{opening_record_hash}|{draw_time_iso}".encode()).digest()


def draw_key(seed: bytes, expert_id: str) -> str:
    """An expert's place in the draw order: sha256(seed || expert_id) as hex (lowest first)."""
    return hashlib.sha256(seed + expert_id.encode()).hexdigest()


def _bad_settings(code: str, en: str, zh: str, **details: object) -> RuleViolation:
    return RuleViolation(f"committee.{code}", en, zh, details)


def validate_composition(size: int, representatives: int, profile: RulesProfile = DEFAULT_PROFILE) -> int:
    """Check size and shares (Law 37) and return how many experts must be drawn.

    Size is odd and at least `committee_min_size`; experts (size − representatives) are at least
    `committee_expert_share_num / committee_expert_share_den` of the size, so representatives
    are at most the rest (1/3 by default).
    """
    num, den = profile.committee_expert_share_num, profile.committee_expert_share_den
    if den <= 0 or num <= 0 or num > den:
        raise _bad_settings("bad_share", f"expert share {num}/{den} must be a fraction in (0, 1]",
                            f"专家比例 {num}/{den} 须在 (0, 1] 之间", num=num, den=den)
    if size < profile.committee_min_size:
        raise _bad_settings("too_small", f"committee of {size} is smaller than {profile.committee_min_size}",
                            f"评标委员会 {size} 人，少于 {profile.committee_min_size} 人",
                            size=size, min_size=profile.committee_min_size)
    if size % 2 == 0:
        raise _bad_settings("even_size", f"committee size must be odd, got {size}",
                            f"评标委员会人数须为单数，实际 {size} 人", size=size)
    if representatives < 0:
        raise _bad_settings("bad_representatives", "representatives cannot be negative",
                            "招标人代表人数不能为负", representatives=representatives)
    experts = size - representatives
    if experts * den < num * size:
        max_reps = size - (num * size + den - 1) // den  # size minus ceil(size * num / den)
        raise _bad_settings(
            "expert_share",
            f"{experts} experts of {size} is less than {num}/{den}; at most {max_reps} buyer "
            "representatives",
            f"{size} 人中专家 {experts} 人，少于 {num}/{den}；招标人代表至多 {max_reps} 人",
            size=size, experts=experts, representatives=representatives, num=num, den=den)
    return experts


def _interests(person_id: str, employer_id: str | None, related: frozenset[str],
               relatives_at: frozenset[str], bidders: Sequence[Bidder],
               drafter_id: str, declared: frozenset[str] = frozenset()) -> list[tuple[Reason, str | None]]:
    """Every recorded interest of one person: (reason, bidder involved)."""
    found: list[tuple[Reason, str | None]] = []
    if person_id == drafter_id:
        found.append((Reason("recusal.drafter", "drafted the tender documents",
                             "编制了招标文件"), None))
    for bidder in bidders:
        sid = bidder.supplier_id
        if employer_id is not None and employer_id == sid:
            found.append((Reason("recusal.employee", f"employed by bidder {sid}",
                                 f"受雇于投标人 {sid}"), sid))
        shared = related & bidder.related_person_hashes
        if shared:
            found.append((Reason("recusal.related_person",
                                 f"shares {len(shared)} related person(s) with bidder {sid}",
                                 f"与投标人 {sid} 有 {len(shared)} 名共同关联人"), sid))
        if sid in relatives_at:
            found.append((Reason("recusal.relative", f"has a declared relative at bidder {sid}",
                                 f"近亲属在投标人 {sid} 任职"), sid))
        if sid in declared:
            found.append((Reason("recusal.declared_interest",
                                 f"declared an interest in bidder {sid} on the people register",
                                 f"已在人员名册中申报与投标人 {sid} 的利益关系"), sid))
    return found


def expert_interests(expert: Expert, bidders: Sequence[Bidder], drafter_id: str) -> list[Recusal]:
    """Every reason `expert` must recuse (empty when none), bidders in supplier-id order."""
    ordered = sorted(bidders, key=lambda b: b.supplier_id)
    return [Recusal(expert.expert_id, reason, sid)
            for reason, sid in _interests(expert.expert_id, expert.employer_id,
                                          expert.related_person_hashes,
                                          expert.relatives_organisation_ids, ordered, drafter_id,
                                          expert.declared_interests)]


def draw_committee(
    pool: Iterable[Expert],
    *,
    category: str,
    bidders: Sequence[Bidder],
    drafter_id: str,
    representatives: Sequence[BuyerRepresentative],
    seed: bytes,
    size: int | None = None,
    profile: RulesProfile = DEFAULT_PROFILE,
) -> Draw:
    """Draw the experts of a committee (see the module docstring for the procedure).

    `size` defaults to `profile.committee_min_size`. Raises `RuleViolation`:
    ``committee.too_few_experts`` when the pool cannot fill the committee,
    ``committee.representative_interest`` when a representative has an interest or drafted the
    tender, and the ``committee.*`` codes of `validate_composition` for bad settings.
    """
    experts = list(pool)
    require_unique([e.expert_id for e in experts], what="expert id")
    require_unique([r.person_id for r in representatives], what="representative id")
    require_unique([b.supplier_id for b in bidders], what="bidder id")
    size = profile.committee_min_size if size is None else size
    needed = validate_composition(size, len(representatives), profile)
    ordered_bidders = sorted(bidders, key=lambda b: b.supplier_id)
    for rep in sorted(representatives, key=lambda r: r.person_id):
        conflicts = _interests(rep.person_id, rep.employer_id, rep.related_person_hashes,
                               rep.relatives_organisation_ids, ordered_bidders, drafter_id)
        if conflicts:
            reason, sid = conflicts[0]
            raise RuleViolation(
                "committee.representative_interest",
                f"buyer representative {rep.person_id} cannot sit: {reason.en}",
                f"招标人代表 {rep.person_id} 须回避：{reason.zh}",
                {"person_id": rep.person_id, "reason": reason.code, "bidder_id": sid})
    rep_ids = {r.person_id for r in representatives}
    eligible = [e for e in experts if category in e.specialties and e.expert_id not in rep_ids]
    eligible.sort(key=lambda e: draw_key(seed, e.expert_id))
    members: list[str] = []
    recusals: list[Recusal] = []
    for expert in eligible:
        if len(members) == needed:
            break
        found = expert_interests(expert, ordered_bidders, drafter_id)
        if found:
            recusals.extend(found)
        else:
            members.append(expert.expert_id)
    if len(members) < needed:
        recused = len({r.expert_id for r in recusals})
        raise RuleViolation(
            "committee.too_few_experts",
            f"the pool has {len(members)} eligible experts in {category!r} without an interest; "
            f"{needed} are needed ({recused} recused)",
            f"专家库中类别 {category!r} 无利害关系的合格专家仅 {len(members)} 人，需要 {needed} 人"
            f"（{recused} 人回避）",
            {"category": category, "needed": needed, "found": len(members), "recused": recused})
    return Draw(
        members=tuple(members),
        representatives=tuple(r.person_id for r in representatives),
        recusals=tuple(recusals),
        seed_hex=seed.hex(),
        category=category,
        size=size,
    )
