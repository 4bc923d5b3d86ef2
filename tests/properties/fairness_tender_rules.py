"""Rules of the fairness machine over tenders and bids: publish, amend, tamper with the frozen
rules, cancel; submit, replace, confirm, withdraw; move the clock; open with random shares.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from tests.kit import ACTORS, COMPREHENSIVE, CUSTODIAN_KEYS, LOTS, draft
from tests.properties.fairness_base import MAX_SUPPLIERS, MAX_TENDERS, TENDER, FairnessBase
from tests.properties.fairness_model import (
    BUYER,
    CEILING,
    OFFICERS,
    BidModel,
    TenderModel,
    eligible,
    holds,
)
from zhaocai.actors import Actor
from zhaocai.bidding.custody import open_share
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import generate_tender_keys, seal_bid
from zhaocai.errors import ZhaocaiError
from zhaocai.profile import DEFAULT_PROFILE
from zhaocai.testing.custody import custodian


class TenderRules(FairnessBase):
    """Tenders, bids, time and opening."""

    # --- tenders -------------------------------------------------------------------------------

    @precondition(lambda self: len(self.tenders) < MAX_TENDERS)
    @rule(method=st.integers(0, 2), drafter=st.sampled_from(["purchasing", "purchasing", "quality"]),
          publisher=st.sampled_from(["purchasing", "purchasing2", "supervisor"]),
          officers=st.integers(1, 2), invitees=st.integers(2, 4), scoring=st.booleans(),
          two=st.sampled_from([False, False, True]))
    def publish(self, method: int, drafter: str, publisher: str, officers: int, invitees: int,
                scoring: bool = False, two: bool = False) -> None:
        inquiry = method == 0
        days = DEFAULT_PROFILE.inquiry_min_days if inquiry else DEFAULT_PROFILE.open_tender_min_days
        deadline = self.now() + timedelta(days=days + (1 if method == 2 else 0))
        extra: dict[str, Any] = {}
        invited: list[str] = []
        if inquiry:
            invited = [s.id for s in self.suppliers[:invitees]]
            extra = {"method": "price_inquiry", "invitees": invited,
                     "officers": [ACTORS["purchasing"].id, ACTORS["purchasing2"].id][:officers]}
        if scoring and not inquiry:
            extra["evaluation"] = COMPREHENSIVE
        body = draft(self.clock, lots=[LOTS[0]], deadline=deadline, **extra)
        a = ACTORS[drafter]
        ok, view = self.attempt("tender.draft", holds(a, BUYER), self.platform.tenders.create_draft, a, body)
        if ok:
            self.publish_draft(view.id, ACTORS[publisher], invited, officers, two and not inquiry)

    def publish_draft(self, draft_id: str, b: Actor, invited: list[str], officers: int, two: bool,
                      retender_of: str | None = None) -> None:
        """Publish a draft; a price inquiry needs two officers and three eligible invitees."""
        allowed = holds(b, BUYER) and (not invited or (
            officers >= 2 and len(invited) >= 3
            and all(eligible(self.engine, s, self.now()) for s in invited)))
        ok, pub = self.attempt("tender.publish", allowed, self.platform.tenders.publish, b, draft_id,
                               two_envelopes=two)
        if not ok:
            return
        v = pub.tender
        frozen = {k: getattr(v, k) for k in ("evaluation", "profile", "ceiling_price", "estimate", "lots",
                                              "threshold", "rules_digest", "public_key", "method",
                                              "category", "custodians", "bid_security")}
        comprehensive = v.evaluation.method.value == "comprehensive_scoring"
        m = TenderModel(v.id, pub, v.method.value, v.deadline, invited, frozen, comprehensive=comprehensive,
                        two_envelopes=two, retender_of=retender_of)
        self.tenders.append(m)
        self.take_custody(m, pub.model_dump_json())

    def take_custody(self, m: TenderModel, published: str) -> None:
        """Each custodian reads their own sealed share and opens it with their own key (I16):
        publication returned none of them, and no other custodian's key opens it."""
        for seat in m.publication.tender.custodians:
            sealed = self.platform.tenders.sealed_share(custodian(seat.actor_id), m.id)
            share = open_share(CUSTODIAN_KEYS[seat.actor_id], sealed.sealed_share)
            m.known_shares[seat.index] = share
            m.held.setdefault(seat.actor_id, set()).add(seat.index)
            if share.rsplit(":", 1)[1] in published:
                self.flag("i16", f"publication of {m.id} returned the share of seat {seat.index}")
            for person, key in CUSTODIAN_KEYS.items():
                if person == seat.actor_id:
                    continue
                try:
                    open_share(key, sealed.sealed_share)
                except ZhaocaiError:
                    continue
                self.flag("i16", f"{person} opened the share of {seat.actor_id} on {m.id}")

    @precondition(lambda self: len(self.tenders) < MAX_TENDERS + 2
                  and any(m.state == "failed" and not m.retendered for m in self.tenders))
    @rule(t=TENDER, who=st.sampled_from(["purchasing", "purchasing", "supervisor", "quality"]),
          publisher=st.sampled_from(["purchasing", "purchasing2", "finance"]))
    def retender(self, t: int, who: str, publisher: str) -> None:
        """A failed tender (流标) tendered again: a new draft copying it, then its publication."""
        found = [m for m in self.tenders if m.state == "failed" and not m.retendered]
        m = found[t % len(found)]
        inquiry = m.method == "price_inquiry"
        days = DEFAULT_PROFILE.inquiry_min_days if inquiry else DEFAULT_PROFILE.open_tender_min_days
        a = ACTORS[who]
        ok, view = self.attempt("tender.retender", holds(a, BUYER), self.platform.tenders.retender, a, m.id,
                                self.now() + timedelta(days=days, hours=1))
        if not ok:
            return
        m.retendered = True
        if view.retender_of != m.id:
            self.flag("i10", f"re-tender {view.id} is not linked to {m.id}")
        self.publish_draft(view.id, ACTORS[publisher], m.invitees, len(set(m.officers)), m.two_envelopes,
                           retender_of=m.id)

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, who=st.sampled_from(["purchasing", "purchasing2", "finance", "supplier"]),
          kind=st.sampled_from(["amendment", "amendment", "clarification"]),
          move=st.sampled_from([None, None, "earlier", "later"]))
    def amend(self, t: int, who: str, kind: str, move: str | None) -> None:
        m = self.tender(t)
        actor = self.suppliers[0].actor if who == "supplier" else ACTORS[who]
        wanted = {None: None, "earlier": m.deadline - timedelta(hours=1),
                  "later": m.deadline + timedelta(days=3)}[move]
        allowed = holds(actor, BUYER) and self.accepting(m) and move != "earlier"
        ok, view = self.attempt(f"tender.{kind}", allowed, self.platform.tenders.amend, actor, m.id,
                                "补遗内容", new_deadline=wanted, kind=kind, inv="i10")
        if not ok:
            if allowed:
                self.flag("i10", f"a valid {kind} of {m.id} was refused: {view}")
            return
        expected = tender_rules.amended_deadline(self.now(), wanted or m.deadline, DEFAULT_PROFILE)
        if view.deadline_after != expected or view.deadline_before != m.deadline:
            self.flag("i10", f"{kind} moved the deadline {m.deadline} → {view.deadline_after}, "
                             f"expected {expected}")
        m.deadline = expected
        if kind == "amendment":
            m.amendments += 1

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, change=st.sampled_from(["ceiling_price", "estimate", "evaluation"]))
    def tamper_with_frozen_rules(self, t: int, change: str) -> None:
        m = self.tender(t)
        values: dict[str, Any] = {"ceiling_price": "9000000.00", "estimate": "1500000.00",
                                  "evaluation": {"method": "comprehensive_scoring",
                                                 "weights": {"price": "60", "technical": "40"}}}
        body = draft(self.clock, lots=[LOTS[0]], **{change: values[change]})
        self.attempt("tender.draft_update", False, self.platform.tenders.update_draft,
                     ACTORS["purchasing"], m.id, body, inv="i10")

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, asker=st.sampled_from(["purchasing", "supervisor", "finance"]),
          approver=st.sampled_from(["supervisor2", "purchasing", "purchasing2", "nobody"]),
          approve=st.integers(0, 5))
    def cancel(self, t: int, asker: str, approver: str, approve: int) -> None:
        m = self.tender(t)
        a, b = ACTORS[asker], ACTORS[approver]
        live = m.state in ("published", "opened", "evaluating", "publicising")
        if m.cancel_requested_by is None:
            ok, _ = self.attempt("tender.cancel_request", holds(a, OFFICERS) and live,
                                 self.platform.tenders.request_cancellation, a, m.id, "预算撤销")
            if ok:
                m.cancel_requested_by = a.id
        if m.cancel_requested_by is None:
            return
        allowed = holds(b, OFFICERS) and b.id != m.cancel_requested_by
        if approve == 0:
            ok, _ = self.attempt("tender.cancel_reject", allowed,
                                 self.platform.tenders.reject_cancellation, b, m.id)
            if ok:
                m.cancel_requested_by = None
        elif approve == 1:
            ok, _ = self.attempt("tender.cancel", allowed, self.platform.tenders.approve_cancellation,
                                 b, m.id)
            if ok:
                m.state, m.cancel_requested_by = "cancelled", None

    # --- bids ----------------------------------------------------------------------------------

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, i=st.integers(0, MAX_SUPPLIERS),
          kind=st.sampled_from(["good", "good", "good", "wrong_key", "over_ceiling", "bad_lot",
                                "above_ceiling", "negative", "garbage", "extra_field"]),
          digits=st.integers(0, 99999), fen=st.integers(1, 99),
          as_=st.sampled_from(["own", "own", "own", "staff"]))
    def submit(self, t: int, i: int, kind: str, digits: int, fen: int, as_: str) -> None:
        self.submit_bid(t, i, kind, digits, fen, as_)

    def submit_bid(self, t: int, i: int, kind: str, digits: int, fen: int, as_: str,
                   key: str | None = None, seal: bool = False) -> tuple[bool, Any, Any]:
        """Submit (or replace) a bid of `kind` (a good one sealed here when `seal`); returns
        (accepted, receipt or error, the bid sent)."""
        m, s = self.tender(t), self.supplier(i)
        actor = s.actor if as_ == "own" else ACTORS["purchasing"]
        price = self.fresh_price(digits, fen)
        if kind in ("over_ceiling", "above_ceiling"):
            price = CEILING + price - Decimal("690000")
            self.used_prices.add(price)
        lots = [{"lot": "L1", "price": str(price)}]
        bid: Any = {"lots": lots}
        if kind == "wrong_key":
            bid = seal_bid(generate_tender_keys("tdr-elsewhere", 3, 2).public_key, bid, two_envelopes=m.two_envelopes)
        elif kind == "over_ceiling" or (kind == "good" and seal):
            bid = seal_bid(m.frozen["public_key"], bid, two_envelopes=m.two_envelopes)
        elif kind == "bad_lot":
            bid = {"lots": [{"lot": "L9", "price": str(price)}]}
        elif kind == "negative":
            bid = {"lots": [{"lot": "L1", "price": f"-{price}"}]}
        elif kind == "garbage":
            bid = {"envelopes": {"bid": "bm90IGEgc2VhbGVkIGJveA=="}}
        elif kind == "extra_field":
            bid = {"lots": lots, "discount": "5%"}
        m.prices.add(price)
        now = self.now()
        is_eligible = eligible(self.engine, s.id, now)
        invited = m.method != "price_inquiry" or s.id in m.invitees
        admissible = kind in ("good", "wrong_key", "over_ceiling")
        allowed = as_ == "own" and self.accepting(m) and is_eligible and invited and admissible
        ok, receipt = self.attempt("bid.submit", allowed, self.platform.tenders.submit_bid, actor, m.id, bid,
                                   inv="i02", idempotency_key=key)
        if not ok:
            if allowed:
                self.flag("i04", f"an eligible supplier's valid bid on {m.id} was refused: {receipt}")
            return False, receipt, bid
        if not is_eligible:
            self.flag("i04", f"bid of ineligible supplier {s.id} accepted on {m.id}")
        if receipt.received_at >= m.deadline:
            self.flag("i02", f"bid accepted at {receipt.received_at}, deadline {m.deadline}")
        self.eligible_at_ack[receipt.bid_id] = is_eligible
        previous = m.bids.get(s.id)
        if receipt.version != (previous.version + 1 if previous else receipt.version):
            self.flag("i02", f"bid version {receipt.version} after {previous}")
        m.bids[s.id] = BidModel(receipt.bid_id, receipt.version, price, receipt.envelope_hash,
                                m.amendments, kind)
        return True, receipt, bid

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, i=st.integers(0, MAX_SUPPLIERS), withdraw=st.booleans())
    def confirm_or_withdraw(self, t: int, i: int, withdraw: bool) -> None:
        m, s = self.tender(t), self.supplier(i)
        live = s.id in m.bids
        svc = self.platform.tenders
        if withdraw:
            ok, _ = self.attempt("bid.withdraw", live and self.accepting(m), svc.withdraw_bid, s.actor, m.id)
            if ok:
                del m.bids[s.id]
            return
        is_eligible = eligible(self.engine, s.id, self.now())
        ok, _ = self.attempt("bid.confirm", live and self.accepting(m) and is_eligible, svc.confirm_bid,
                             s.actor, m.id)
        if ok:
            m.bids[s.id].confirmed_through = m.amendments

    @precondition(lambda self: any(self.accepting(m) for m in self.tenders))
    @rule(i=st.integers(0, MAX_SUPPLIERS), digits=st.integers(0, 99999), fen=st.integers(1, 99),
          change=st.booleans(), sealed=st.booleans())
    def replay_bid(self, i: int, digits: int, fen: int, change: bool, sealed: bool) -> None:
        """An ERP retries a bid under its idempotency key. The same request gets the first receipt
        and changes nothing (I11). Another sealed envelope under the key is refused (I13); a clear
        payload is compared by its tender only (a digest of clear content would leak the price),
        so another clear price under the key also gets the first receipt and changes nothing."""
        m = next(m for m in self.tenders if self.accepting(m))
        key = f"erp-{self.steps}"
        t = self.tenders.index(m)
        ok, receipt, bid = self.submit_bid(t, i, "good", digits, fen, "own", key=key, seal=sealed)
        if not ok:
            return
        actor = self.supplier(i).actor
        if change:
            price = self.fresh_price(digits + 1, fen)
            m.prices.add(price)  # never accepted: it must never be in clear anywhere (I1)
            bid = {"lots": [{"lot": "L1", "price": str(price)}]}
            if sealed:
                bid = seal_bid(m.frozen["public_key"], bid, two_envelopes=m.two_envelopes)
                ok, error = self.attempt("bid.submit", False, self.platform.tenders.submit_bid, actor, m.id, bid,
                                         idempotency_key=key, inv="i13")
                if not ok and getattr(error, "code", None) != "idempotency.request_mismatch":
                    self.flag("i13", f"another envelope under a used key was refused as {error}")
                return
        self.replay("bid.submit", receipt, self.platform.tenders.submit_bid, actor, m.id, bid, idempotency_key=key)

    @rule(who=st.sampled_from(["own", "nobody"]), i=st.integers(0, MAX_SUPPLIERS))
    def submit_to_unknown_tender(self, who: str, i: int) -> None:
        actor = self.supplier(i).actor if who == "own" else ACTORS["nobody"]
        self.attempt("bid.submit", False, self.platform.tenders.submit_bid, actor, "tdr-unknown",
                     {"lots": [{"lot": "L1", "price": "1.00"}]})

    # --- time ----------------------------------------------------------------------

    @rule(step=st.sampled_from(["hour", "days", "weeks", "to_deadline", "just_before", "month"]),
          t=TENDER, tick=st.booleans())
    def advance(self, step: str, t: int, tick: bool) -> None:
        now = self.now()
        deadline = self.tender(t).deadline if self.tenders else now + timedelta(days=20)
        if step == "hour":
            self.clock.advance(hours=1)
        elif step == "days":
            self.clock.advance(days=4)
        elif step == "weeks":
            self.clock.advance(days=12)
        elif step == "month":
            self.clock.advance(days=31)
        elif step == "to_deadline" and now < deadline:
            self.clock.set(deadline)
        elif step == "just_before" and now < deadline - timedelta(microseconds=1):
            self.clock.set(deadline - timedelta(microseconds=1))
        if tick:
            self.steps += 1
            self._fp = None
            self.platform.tick()
