"""Committee draw, re-run and declarations (评标委员会抽取、回避与声明), Law 37, Reg 46.

The seed is `draw_seed(opening record digest, draw time)`: the opening record depends on every
sealed bid and the moment is the command's own, so no single party chooses it. Everything the
draw used (the pool as it was, the bidders' related-person hashes, the drafter, the
representatives, size, seed inputs) is recorded with the committee, so `rerun_draw` recomputes it
and compares. A member who declares a conflict withdraws; the draw is run again without them and
the next expert in the same order takes the seat.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.bidding.bid_machine import BidStatus
from zhaocai.bidding.consistency import require_consistent
from zhaocai.bidding.evaluating.common import (
    SUBJECT,
    committee_row,
    conflict,
    evaluation_row,
    opening_digest,
    reason_dict,
    refuse,
    require_member,
)
from zhaocai.bidding.evaluating.declared import (
    conflicts_by_person,
    free_representatives,
    record_draw_recusals,
    with_declared,
)
from zhaocai.bidding.evaluating.experts import expert_from_snapshot, expert_snapshot, pool
from zhaocai.bidding.evaluating.tables import CommitteeRow, MemberRow
from zhaocai.bidding.evaluating.views import (
    CommitteeView,
    Declaration,
    DrawCheck,
    MemberView,
    RecusalView,
    Representative,
)
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.machine import TenderMachine, TenderState
from zhaocai.bidding.recusals import bidder_ids
from zhaocai.bidding.rules import (
    Bidder,
    BuyerRepresentative,
    Draw,
    Reason,
    draw_committee,
    draw_seed,
)
from zhaocai.bidding.tables import BidRow, OpenedBidRow, TenderRow
from zhaocai.machines import fire
from zhaocai.people.interests.rules import Conflict
from zhaocai.people.records import registered_staff
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.tables import LinkRow

REVEALED = {TenderState.AWARDED.value, TenderState.CONTRACTED.value}


def bidders_of(session: Session, tender_id: str) -> list[Bidder]:
    """Every supplier that bid and did not withdraw — its bid opened, or set aside at the opening
    (unconfirmed after an amendment): a bidder all the same for recusal (Reg 46) — with its
    related-person hashes (three queries)."""
    opened = session.exec(select(OpenedBidRow.supplier_id).where(
        col(OpenedBidRow.tender_id) == tender_id)).all()
    standing = session.exec(select(BidRow.supplier_id).where(
        col(BidRow.tender_id) == tender_id, col(BidRow.status) == BidStatus.SUBMITTED.value)).all()
    ids = sorted(set(opened) | set(standing))
    hashes: dict[str, set[str]] = {s: set() for s in ids}
    if ids:
        for supplier_id, value in session.exec(select(LinkRow.supplier_id, LinkRow.value).where(
                col(LinkRow.kind) == "person", col(LinkRow.supplier_id).in_(ids))).all():
            hashes[supplier_id].add(value)
    return [Bidder(s, frozenset(hashes[s])) for s in ids]


def run_draw(inputs: dict[str, Any], withdrawn: Sequence[str], profile: RulesProfile) -> Draw:
    """The draw from its recorded inputs, without the experts who withdrew."""
    gone = set(withdrawn)
    experts = [expert_from_snapshot(e) for e in inputs["pool"] if e["expert_id"] not in gone]
    bidders = [Bidder(b["supplier_id"], frozenset(b["related_person_hashes"])) for b in inputs["bidders"]]
    reps = [BuyerRepresentative(r["person_id"], r["name"]) for r in inputs["representatives"]]
    return draw_committee(experts, category=inputs["category"], bidders=bidders,
                          drafter_id=inputs["drafter_id"], representatives=reps,
                          seed=draw_seed(inputs["opening_digest"], inputs["draw_time"]),
                          size=inputs["size"], profile=profile)


def _recusals(draw: Draw) -> list[dict[str, Any]]:
    return [{"expert_id": r.expert_id, **reason_dict(r.reason), "bidder_id": r.bidder_id}
            for r in draw.recusals]


def _draw_inputs(uow: UnitOfWork, tender: TenderRow, size: int | None,
                 representatives: Sequence[Representative],
                 found: dict[str, list[Conflict]]) -> dict[str, Any]:
    """Everything the draw uses, recorded with the committee so that anyone can re-run it
    (`found`: the people whose declared interests bind them to a bidder, see `declared`)."""
    profile, _ = frozen_rules(tender)
    inputs = {
        "opening_digest": opening_digest(uow.session, tender.id),
        "draw_time": uow.now.astimezone(UTC).isoformat(timespec="microseconds"),
        "category": tender.category,
        "size": profile.committee_min_size if size is None else size, "drafter_id": tender.created_by,
        "pool": [expert_snapshot(e) for e in with_declared(pool(uow.session, uow.now), found)],
        "bidders": [{"supplier_id": b.supplier_id,
                     "related_person_hashes": sorted(b.related_person_hashes)}
                    for b in bidders_of(uow.session, tender.id)],
        # Representatives are the register's staff, named as the register names them.
        "representatives": [{"person_id": r.person_id,
                             "name": registered_staff(uow.session, r.person_id).name}
                            for r in free_representatives(representatives, found)],
    }
    recused = sorted(r.person_id for r in representatives if r.person_id in found)
    if recused:  # only then: a draw without any reads as it always did
        inputs["recused_representatives"] = recused
    return inputs


def _seat(uow: UnitOfWork, tender: TenderRow, inputs: dict[str, Any], result: Draw) -> CommitteeRow:
    """Write the committee and its sitting members, in seat order."""
    session = uow.session
    names = {e["expert_id"]: e["name"] for e in inputs["pool"]} | {
        r["person_id"]: r["name"] for r in inputs["representatives"]}
    committee = CommitteeRow(
        tender_id=tender.id, opening_digest=inputs["opening_digest"], draw_time=inputs["draw_time"],
        seed_hex=result.seed_hex, category=tender.category, size=result.size, drafter_id=tender.created_by,
        inputs=inputs, members=list(result.members), representatives=list(result.representatives),
        recusals=_recusals(result), withdrawn=[], drawn_by=uow.actor.id, drawn_at=uow.now)
    session.add(committee)
    for position, member_id in enumerate(result.committee_ids, start=1):
        kind = "expert" if member_id in result.members else "representative"
        session.add(MemberRow(tender_id=tender.id, member_id=member_id, name=names[member_id],
                              kind=kind, position=position, active=True))
    return committee


def draw(uow: UnitOfWork, tender_id: str, size: int | None,
         representatives: Sequence[Representative]) -> CommitteeView:
    """Draw the committee of an opened tender and start its evaluation."""
    tender = load_tender(uow, tender_id)
    if uow.session.get(CommitteeRow, tender.id) is not None:
        raise conflict("committee.already_drawn", "This tender's committee is already drawn",
                       "该项目已抽取评标委员会", tender_id=tender.id)
    fire(TenderMachine, tender, "draw_committee", subject_id=tender.id)
    require_consistent(uow, tender.id, "draw")  # the draw is seeded by the opening record
    found = conflicts_by_person(uow.session, bidder_ids(uow.session, tender.id), uow.now)
    inputs = _draw_inputs(uow, tender, size, representatives, found)
    result = run_draw(inputs, (), frozen_rules(tender)[0])
    committee = _seat(uow, tender, inputs, result)
    record_draw_recusals(uow, tender.id, representatives, found, result)
    evaluation_row(uow.session, tender.id, create=True)
    public = {"tender_id": tender.id, "opening_digest": inputs["opening_digest"],
              "draw_time": inputs["draw_time"], "seed_hex": result.seed_hex, "size": result.size,
              "recusals": len(result.recusals)}
    fire_transition(uow, tender, "start_evaluation",
                    {**public, "members": list(result.committee_ids), "recusals": committee.recusals},
                    payload=public, action="committee.draw")
    uow.session.flush()
    return committee_view(uow.session, tender, None)


def committee_view(session: Session, tender: TenderRow, actor: Actor | None) -> CommitteeView:
    """The committee as `actor` may see it (None: the buyer's staff)."""
    committee = committee_row(session, tender.id)
    visible = actor is None or is_buyer_staff(actor) or tender.state in REVEALED or (
        session.get(MemberRow, (tender.id, actor.id)) is not None)
    members = session.exec(select(MemberRow).where(col(MemberRow.tender_id) == tender.id)
                           .order_by(col(MemberRow.position))).all()
    return CommitteeView(
        tender_id=tender.id, opening_digest=committee.opening_digest, draw_time=committee.draw_time,
        seed_hex=committee.seed_hex, size=committee.size, names_visible=visible,
        members=[MemberView(position=m.position, member_id=m.member_id if visible else None,
                            name=m.name if visible else None, kind=m.kind,
                            declared=m.declared_at is not None, active=m.active) for m in members],
        recusals=[RecusalView(**{**r, "expert_id": r["expert_id"] if visible else "—"})
                  for r in committee.recusals])


def members_digest(member_ids: Sequence[str]) -> str:
    """sha256 over the member ids in draw order (lets anyone compare without seeing names)."""
    return hashlib.sha256("\x1f".join(member_ids).encode("utf-8")).hexdigest()


def rerun(session: Session, tender_id: str) -> DrawCheck:
    """Recompute the draw from its recorded inputs and compare with the recorded committee."""
    committee = committee_row(session, tender_id)
    tender = session.get(TenderRow, tender_id)
    assert tender is not None
    profile, _ = frozen_rules(tender)
    inputs = committee.inputs
    withdrawn = [w["expert_id"] for w in committee.withdrawn]
    again = run_draw(inputs, withdrawn, profile)
    recorded_recusals = [r for r in committee.recusals if r["code"] != "recusal.declared_conflict"]
    return DrawCheck(
        tender_id=tender_id, seed_hex=again.seed_hex,
        seed_matches=again.seed_hex == committee.seed_hex,
        opening_digest_matches=opening_digest(session, tender_id) == committee.opening_digest
        == inputs["opening_digest"],
        members_match=list(again.members) == list(committee.members)
        and list(again.representatives) == list(committee.representatives),
        recusals_match=_recusals(again) == recorded_recusals,
        committee_digest=members_digest(list(committee.members) + list(committee.representatives)))


def declare(uow: UnitOfWork, tender_id: str, no_conflict: bool, statement: str) -> Declaration:
    """A member signs the no-conflict declaration, or declares a conflict and withdraws."""
    # A member bound to a bidder may still declare the conflict and withdraw, nothing else.
    tender = load_tender(uow, tender_id, recusal_check=no_conflict)
    member = require_member(uow.session, tender_id, uow.actor, declared=False)
    if member.declared_at is not None:
        raise conflict("committee.already_declared", "The declaration is already signed",
                       "已签署声明", member_id=member.member_id)
    fire(TenderMachine, tender, "declare", subject_id=tender.id)
    if not no_conflict:
        return _withdraw(uow, tender, member, statement)
    member.declared_at = uow.now
    member.statement = statement or "本人与各投标人无利害关系，承诺独立、客观、公正评审。"
    uow.session.add(member)
    uow.record("committee.declare", SUBJECT, tender_id,
               {"tender_id": tender_id, "member_id": member.member_id, "statement": member.statement},
               event="CommitteeDeclarationSigned",
               payload={"tender_id": tender_id, "position": member.position})
    return Declaration(tender_id=tender_id, member_id=member.member_id, declared_at=uow.now,
                       no_conflict=True)


def _redraw(session: Session, tender: TenderRow, committee: CommitteeRow, member: MemberRow,
            statement: str) -> str:
    """The draw again without the withdrawing expert: the committee's record and the newcomer's
    seat (the next expert in the same order); the newcomer's id."""
    withdrawn = [*(w["expert_id"] for w in committee.withdrawn), member.member_id]
    again = run_draw(committee.inputs, withdrawn, frozen_rules(tender)[0])
    seats = session.exec(select(MemberRow).where(col(MemberRow.tender_id) == tender.id)).all()
    (newcomer,) = [m for m in again.members if m not in {s.member_id for s in seats if s.active}]
    names = {e["expert_id"]: e["name"] for e in committee.inputs["pool"]}
    session.add(MemberRow(tender_id=tender.id, member_id=newcomer, name=names[newcomer],
                          kind="expert", position=len(seats) + 1, active=True))
    reason = Reason("recusal.declared_conflict", f"declared a conflict: {statement}",
                    f"自行申报利害关系：{statement}")
    committee.withdrawn = [*committee.withdrawn, {"expert_id": member.member_id, "statement": statement}]
    committee.members = list(again.members)
    committee.recusals = [*_recusals(again), {"expert_id": member.member_id, **reason_dict(reason),
                                              "bidder_id": None}]
    session.add(committee)
    return newcomer


def _withdraw(uow: UnitOfWork, tender: TenderRow, member: MemberRow, statement: str) -> Declaration:
    """An expert declaring a conflict withdraws and the draw seats the next expert."""
    if member.kind != "expert":
        raise refuse("committee.representative_conflict",
                     "A buyer representative with a conflict is replaced by the buyer, not by a draw",
                     "招标人代表有利害关系的，由招标人另行指派", member_id=member.member_id)
    newcomer = _redraw(uow.session, tender, committee_row(uow.session, tender.id), member, statement)
    member.active, member.statement = False, statement
    uow.session.add(member)
    uow.record("committee.withdraw", SUBJECT, tender.id,
               {"tender_id": tender.id, "member_id": member.member_id, "statement": statement,
                "replacement_id": newcomer},
               event="CommitteeMemberReplaced", payload={"tender_id": tender.id})
    return Declaration(tender_id=tender.id, member_id=member.member_id, declared_at=uow.now,
                       no_conflict=False, replacement_id=newcomer)
