"""One tender builder: takes a tender through the real services to any state of its life.

    tender = build_tender(platform, clock, "publicising", evaluation=LOWEST)
    tender.tender_id, tender.suppliers, tender.members, tender.report

`ROAD` is the order of the stages; `to` walks on from where the tender is, so a test can stop at
a stage, act, and go on (`tender.to("awarded")`). The stages between opening and the report are
the committee's (drawn, declared, checked, scored: the tender is `evaluating`); a price inquiry
skips them (its two officers sign and decide). `failed` opens with too few bids; `cancelled` is
asked for and approved by two people while bids are sealed. With `rejected` bids of two
envelopes, `failed` is the commercial opening with too few technically compliant ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from zhaocai.actors import Actor
from zhaocai.bidding.evaluating.commitment import SheetCommitment
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.views import Publication
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.testing.cast import ACTORS, CUSTODIANS, INQUIRY_OFFICERS, add_pool, seated, supplier_actor
from zhaocai.testing.custody import present, register_custodian_keys
from zhaocai.testing.evaluation import COMPREHENSIVE, commit, compliant_bids, declare_all, sheet
from zhaocai.testing.evaluation import reveal as reveal_sheet
from zhaocai.testing.suppliers import admitted
from zhaocai.testing.tender import LOTS, draft

ROAD = ("draft", "published", "closed", "opened", "drawn", "declared", "checked", "scored",
        "publicising", "awarded", "contracted")
"""The stages of a tender's road, in order."""
ENDS = ("failed", "cancelled")
"""The ends off the road: too few bids at the opening, or cancelled while bidding."""
SYNONYMS = {"evaluating": "drawn", "publicised": "publicising"}
"""Tender states named by the first stage that reaches them."""
TARGETS = (*ROAD, *ENDS, *SYNONYMS)
STATE_OF = {"draft": "draft", "published": "published", "closed": "closed", "opened": "opened",
            "drawn": "evaluating", "declared": "evaluating", "checked": "evaluating", "scored": "evaluating",
            "publicising": "publicising", "awarded": "awarded", "contracted": "contracted",
            "failed": "failed", "cancelled": "cancelled"}
"""The tender's state at each stage (`closed`: past the deadline, the bids still sealed)."""

PRICES = ("1500000.00", "1520000.00", "1480000.00", "1530000.00")
"""The default L1 prices (the fourth is 800 000.00 when `abnormal`); more bidders bid higher."""


@dataclass(eq=False)
class TenderBuilder:
    """A tender and the people around it, walked stage by stage (see the module docstring).

    Options: `method` (open_tender, invited_tender: the bidders are the invitees, price_inquiry:
    the bidders are the invitees, two officers, five days to bid), `lots` (a count of `LOTS` or
    the lots), `suppliers` (admitted supplier ids; else `bidders` new ones), `prices` (one per
    bidder: an L1 price, or a price per lot; L2 is 1 000.00 when not given), `evaluation`
    (comprehensive scoring when None),
    `bid_security`, `two_envelopes` (`rejected`: bid index → the technical reviewer's note),
    `pool` (experts added to the pool first), `committee` (its size), `abnormal` (the fourth bid far
    below, its explanation accepted before scoring), `amend` and `clarify` (texts issued while
    bidding), `performance` (a late delivery recorded after signing), and `overrides` of the draft.
    """

    platform: Platform
    clock: ManualClock
    actors: dict[str, Actor] = field(default_factory=lambda: ACTORS)
    method: str = "open_tender"
    category: Category = Category.MATERIALS
    lots: int | list[dict[str, Any]] = 1
    suppliers: list[str] = field(default_factory=list)
    bidders: int = 4
    prices: Sequence[str | tuple[str, ...]] | None = None
    evaluation: dict[str, Any] | None = None
    bid_security: str = "0.00"
    two_envelopes: bool = False
    rejected: Mapping[int, str] = field(default_factory=dict)
    pool: int = 6
    committee: int | None = None
    abnormal: bool = False
    amend: str | None = None
    clarify: str | None = None
    performance: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    tender_id: str = ""
    pub: Publication | None = None
    members: list[Actor] = field(default_factory=list)
    report: Any = None
    award: Any = None
    reached: str | None = None
    scored: set[str] = field(default_factory=set)
    """The members who have committed to their sheets."""
    commitments: dict[tuple[str, str], SheetCommitment] = field(default_factory=dict)
    """(member id, lot id) → the member's commitment, kept for the reveal."""
    revealed: set[tuple[str, str]] = field(default_factory=set)
    notes: dict[str, Any] = field(default_factory=dict)

    # -- walking ---------------------------------------------------------------------------------

    def to(self, target: str) -> TenderBuilder:
        """Walk on to `target` (a stage of `ROAD`, an end of `ENDS`, or a state of `SYNONYMS`)
        and check that the tender's state is the one expected there."""
        if target not in TARGETS:
            raise ValueError(f"no stage {target!r}: one of {TARGETS}")
        target = SYNONYMS.get(target, target)
        if target in ENDS and self.reached not in (None, *ROAD[: ROAD.index("closed") + 1]):
            raise ValueError(f"a tender at {self.reached!r} can no longer be taken to {target!r}")
        steps = {"draft": self._draft, "published": self._publish, "closed": self._bid,
                 "opened": self._open, "drawn": self._draw, "declared": self._declare,
                 "checked": self._check, "scored": self.score, "publicising": self._publicise,
                 "awarded": self._award, "contracted": self._sign}
        if target == "failed":
            self._walk(steps, "closed", few=True)
            self._open()
        elif target == "cancelled":
            self._walk(steps, "closed", bids=1, wait=False)
            self._cancel()
        else:
            self._walk(steps, target)
        self.reached = target
        assert self.state == STATE_OF[target], (target, self.state)
        return self

    def _walk(self, steps: Mapping[str, Any], target: str, **kw: Any) -> None:
        done = ROAD.index(self.reached) if self.reached in ROAD else -1
        inquiry = self.method == "price_inquiry"
        for stage in ROAD[done + 1: ROAD.index(target) + 1]:
            if inquiry and stage in ("drawn", "declared", "checked", "scored"):
                continue
            if stage == "closed":
                steps[stage](**kw)
            else:
                steps[stage]()
            self.reached = stage

    @property
    def state(self) -> str:
        """The tender's state now, as the store has it."""
        return self.platform.tenders.get(self.actors["auditor"], self.tender_id).state.value

    @property
    def lot_list(self) -> list[dict[str, Any]]:
        """The tender's lots."""
        return LOTS[: self.lots] if isinstance(self.lots, int) else self.lots

    @property
    def users(self) -> list[Actor]:
        """The bidding suppliers' users."""
        return [supplier_actor(s) for s in self.suppliers]

    def __getitem__(self, name: str) -> Any:
        """`tender["tender_id"]`: the dictionary reading of the old walkers, kept for tests
        written so; a test's own notes (`tender["ranked"] = ...`) come first."""
        return self.notes[name] if name in self.notes else getattr(self, name)

    def __setitem__(self, name: str, value: Any) -> None:
        """A test notes its own value beside the tender."""
        self.notes[name] = value

    # -- the stages ------------------------------------------------------------------------------

    def _draft(self) -> None:
        """The bidders admitted, the expert pool filled, the draft created."""
        if not self.suppliers:
            self.suppliers = admitted(self.platform, self.actors, self.bidders, self.category)
        if self.pool:
            add_pool(self.platform, self.actors, self.pool, category=str(self.category.value))
        options: dict[str, Any] = {"method": self.method, "category": str(self.category.value),
                                   "lots": self.lot_list, "bid_security": self.bid_security,
                                   "custodians": CUSTODIANS, "evaluation": self.evaluation or COMPREHENSIVE}
        if self.method != "open_tender":
            options["invitees"] = list(self.suppliers)
        if self.method == "price_inquiry":
            options |= {"officers": INQUIRY_OFFICERS, "deadline": self.clock.now() + timedelta(days=5)}
        view = self.platform.tenders.create_draft(self.actors["purchasing"],
                                                  draft(self.clock, **(options | self.overrides)))
        self.tender_id = view.id

    def _publish(self) -> None:
        register_custodian_keys(self.platform)
        self.pub = self.platform.tenders.publish(self.actors["purchasing"], self.tender_id,
                                                 two_envelopes=self.two_envelopes)
        if self.amend is not None:
            self.clock.advance(days=2)
            self.platform.tenders.amend(self.actors["purchasing"], self.tender_id, self.amend)
        if self.clarify is not None:
            self.clock.advance(hours=3)
            self.platform.tenders.clarify(self.actors["purchasing"], self.tender_id, self.clarify)

    def _bid(self, bids: int | None = None, wait: bool = True, few: bool = False) -> None:
        """Each supplier (or the first `bids`) bids an hour after the one before; then the deadline
        passes. `few`: two bids only, unless technical rejections already leave too few."""
        if few and not self.rejected:
            bids = 2
        for n, supplier_id in enumerate(self.suppliers[:bids]):
            self.clock.advance(hours=1)
            self.platform.tenders.submit_bid(supplier_actor(supplier_id), self.tender_id,
                                             self.bid(n, [lot["id"] for lot in self.lot_list]))
        if wait:
            self.clock.set(max(self.clock.now(), self.publication.tender.deadline + timedelta(minutes=30)))
        else:
            self.clock.advance(days=1)

    def bid(self, n: int, lot_ids: list[str]) -> dict[str, Any]:
        """The `n`-th bidder's payload over the lots (L1 with its technical part)."""
        given = self.prices[n] if self.prices is not None else (
            "800000.00" if self.abnormal and n == 3
            else PRICES[n] if n < len(PRICES) else f"{1_540_000 + n}.00")
        prices = (given,) if isinstance(given, str) else tuple(given)
        if len(prices) < len(lot_ids):
            prices += ("1000.00",) * (len(lot_ids) - len(prices))
        lots: list[dict[str, Any]] = [{"lot": lot, "price": price}
                                      for lot, price in zip(lot_ids, prices, strict=False)]
        lots[0]["technical"] = {"standard": "GB/T 1499.2"}
        return {"lots": lots, "documents": {"author": "投标文件编制人"}}

    def _open(self) -> None:
        """Two custodians present their shares and the bids are opened; with two envelopes the
        technical review and the commercial opening (with the same presentations) follow."""
        tenders = self.platform.tenders
        present(self.platform, self.tender_id, 1, 2)
        tenders.open_bids(self.actors["supervisor"], self.tender_id)
        if self.two_envelopes and self.state == TenderState.OPENED.value:
            opened = tenders.opened_bids(self.actors["purchasing"], self.tender_id)
            tenders.record_technical_compliance(self.actors["technical"], self.tender_id, [
                {"bid_id": b.bid_id, "compliant": n not in self.rejected, "note": self.rejected.get(n, "")}
                for n, b in enumerate(opened)])
            tenders.open_commercial(self.actors["supervisor"], self.tender_id)

    def _draw(self) -> None:
        self.platform.evaluation.draw_committee(self.actors["purchasing"], self.tender_id,
                                                size=self.committee)
        self.members = seated(self.platform, self.actors, self.tender_id)

    def _declare(self) -> None:
        declare_all(self.platform, self.members, self.tender_id)

    def _check(self) -> None:
        self.platform.evaluation.check_compliance(self.members[0], self.tender_id)

    def score(self, members: list[Actor] | None = None, marker: str | None = None, *,
              reveal: bool = True) -> None:
        """The given members (by default every one who has not yet) commit to their sheets for
        every lot under comprehensive scoring (commit, then reveal); the first member may plant
        `marker` as a point of the first bid in L1. Once every member has committed, every sheet
        is revealed (unless `reveal` is False: see `reveal_sheets`) and the tender is at the stage
        `scored`. With `abnormal`, the abnormally low bids are explained first."""
        ev = self.platform.evaluation
        if self.abnormal and not self.scored:
            flagged = [e for e in ev.compliance(self.actors["purchasing"], self.tender_id).lots[0].entries
                       if e.abnormal]
            for entry in flagged:
                ev.decide_abnormal(self.members[0], self.tender_id, {
                    "lot_id": "L1", "bid_id": entry.bid_id, "decision": "explanation_accepted",
                    "explanation": "成本说明"})
        pending = [m for m in (self.members if members is None else members) if m.id not in self.scored]
        if (self.evaluation or COMPREHENSIVE)["method"] == "comprehensive_scoring":
            for lot in (lot["id"] for lot in self.lot_list):
                bids = compliant_bids(self.platform, self.actors, self.tender_id, lot)
                for member in pending:
                    points = sheet(bids, self.members.index(member))
                    if marker is not None and member is self.members[0] and lot == "L1":
                        points[bids[0]]["T1"] = marker
                    self.commitments[(member.id, lot)] = commit(self.platform, member, self.tender_id,
                                                                lot, points)
        self.scored |= {m.id for m in pending}
        if self.scored >= {m.id for m in self.members} and reveal:
            self.reveal_sheets()

    def reveal_sheets(self, members: list[Actor] | None = None) -> None:
        """The given members (by default every one) reveal every sheet they committed to and have
        not revealed; once every member has, the tender is at the stage `scored`."""
        for member in self.members if members is None else members:
            for lot in (lot["id"] for lot in self.lot_list):
                kept = self.commitments.get((member.id, lot))
                if kept is not None and (member.id, lot) not in self.revealed:
                    reveal_sheet(self.platform, member, kept)
                    self.revealed.add((member.id, lot))
        if self.scored >= {m.id for m in self.members} and (
                not self.commitments or set(self.commitments) <= self.revealed):
            self.reached = "scored"

    def _publicise(self) -> None:
        ev = self.platform.evaluation
        if self.method == "price_inquiry":
            ev.sign_inquiry(self.actors["purchasing"], self.tender_id)
            ev.sign_inquiry(self.actors["purchasing2"], self.tender_id)
            ev.decide_inquiry(self.actors["purchasing2"], self.tender_id)
            self.report = ev.report(self.actors["purchasing"], self.tender_id)
        else:
            self.report = ev.compile_report(self.members[0], self.tender_id)

    def _award(self) -> None:
        self.clock.set(max(self.clock.now(), self.report.publicity_ends))
        self.award = self.platform.evaluation.award(self.actors["purchasing"], self.tender_id)

    def _sign(self) -> None:
        """Both sides sign every contract; with `performance`, quality records a late delivery."""
        ev = self.platform.evaluation
        for notice in self.award.notices:
            ev.sign_contract(self.actors["purchasing"], notice.contract_id)
            self.clock.advance(hours=1)
            ev.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
        if self.performance:
            self.clock.advance(days=10)
            notice = self.award.notices[0]
            self.platform.suppliers.record_performance(self.actors["quality"], {
                "supplier_id": notice.supplier_id, "contract_id": notice.contract_id,
                "kind": "late_delivery", "severity": 2, "occurred_at": self.clock.now(),
                "note": "私下备注 internal note"})

    def _cancel(self) -> None:
        self.platform.tenders.request_cancellation(self.actors["purchasing"], self.tender_id,
                                                   "Project postponed 项目延期")
        self.platform.tenders.approve_cancellation(self.actors["supervisor"], self.tender_id)

    @property
    def publication(self) -> Publication:
        """The publication (the tender and its custodians' sealed seats), once published."""
        assert self.pub is not None, "not published yet"
        return self.pub


def build_tender(platform: Platform, clock: ManualClock, to: str = "opened", *,
                 actors: dict[str, Actor] | None = None, method: str = "open_tender",
                 category: Category = Category.MATERIALS, lots: int | list[dict[str, Any]] = 1,
                 suppliers: Sequence[str] = (), bidders: int = 4,
                 prices: Sequence[str | tuple[str, ...]] | None = None,
                 evaluation: dict[str, Any] | None = None, bid_security: str = "0.00",
                 two_envelopes: bool = False, rejected: Mapping[int, str] | None = None, pool: int = 6,
                 committee: int | None = None, abnormal: bool = False, amend: str | None = None,
                 clarify: str | None = None, performance: bool = False, **overrides: Any) -> TenderBuilder:
    """A tender taken to `to` (see `TenderBuilder` for the options; other keywords override the
    draft, e.g. `title=`, `deadline=`)."""
    builder = TenderBuilder(
        platform, clock, actors or ACTORS, method=method, category=Category(category), lots=lots,
        suppliers=list(suppliers), bidders=len(suppliers) or bidders, prices=prices, evaluation=evaluation,
        bid_security=bid_security, two_envelopes=two_envelopes, rejected=dict(rejected or {}), pool=pool,
        committee=committee, abnormal=abnormal, amend=amend, clarify=clarify, performance=performance,
        overrides=overrides)
    return builder.to(to)
