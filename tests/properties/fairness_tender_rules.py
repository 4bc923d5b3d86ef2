"""Rules of the fairness machine over tenders and bids: publish, amend, tamper with the frozen
rules, cancel; submit, replace, confirm, withdraw; move the clock; open with random shares.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from fairness_base import MAX_SUPPLIERS, MAX_TENDERS, TALLY, FairnessBase
from fairness_model import (
    BUYER,
    CEILING,
    MIN_VALID,
    OFFICERS,
    BidModel,
    K,
    TenderModel,
    eligible,
    holds,
)
from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from award_kit import COMPREHENSIVE
from helpers import ACTORS
from test_tender_kit import LOTS, draft
from zhaocai.bidding import rules
from zhaocai.bidding.sealing import generate_tender_keys, seal_bid
from zhaocai.profile import DEFAULT_PROFILE


class TenderRules(FairnessBase):
    """Tenders, bids, time and opening."""

    # --- tenders -------------------------------------------------------------------------------

    @precondition(lambda self: len(self.tenders) < MAX_TENDERS)
    @rule(method=st.integers(0, 2), drafter=st.sampled_from(["purchasing", "purchasing", "quality"]),
          publisher=st.sampled_from(["purchasing", "purchasing2", "supervisor"]),
          officers=st.integers(1, 2), invitees=st.integers(2, 4), scoring=st.booleans())
    def publish(self, method: int, drafter: str, publisher: str, officers: int, invitees: int,
                scoring: bool = False) -> None:
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
        a, b = ACTORS[drafter], ACTORS[publisher]
        ok, view = self.attempt("tender.draft", holds(a, BUYER), self.platform.tenders.create_draft, a, body)
        if not ok:
            return
        allowed = holds(b, BUYER) and (not inquiry or (
            officers >= 2 and len(invited) >= 3
            and all(eligible(self.engine, s, self.now()) for s in invited)))
        ok, pub = self.attempt("tender.publish", allowed, self.platform.tenders.publish, b, view.id)
        if not ok:
            return
        v = pub.tender
        frozen = {k: getattr(v, k) for k in ("evaluation", "profile", "ceiling_price", "estimate", "lots",
                                              "threshold", "rules_digest", "public_key", "method",
                                              "category", "custodians", "bid_security")}
        self.tenders.append(TenderModel(v.id, pub, v.method.value, v.deadline, invited, frozen,
                                        comprehensive="evaluation" in extra))

    @precondition(lambda self: self.tenders)
    @rule(t=st.integers(0, 1), who=st.sampled_from(["purchasing", "purchasing2", "finance", "supplier"]),
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
        expected = rules.amended_deadline(self.now(), wanted or m.deadline, DEFAULT_PROFILE)
        if view.deadline_after != expected or view.deadline_before != m.deadline:
            self.flag("i10", f"{kind} moved the deadline {m.deadline} → {view.deadline_after}, "
                             f"expected {expected}")
        m.deadline = expected
        if kind == "amendment":
            m.amendments += 1

    @precondition(lambda self: self.tenders)
    @rule(t=st.integers(0, 1), change=st.sampled_from(["ceiling_price", "estimate", "evaluation"]))
    def tamper_with_frozen_rules(self, t: int, change: str) -> None:
        m = self.tender(t)
        values: dict[str, Any] = {"ceiling_price": "9000000.00", "estimate": "1500000.00",
                                  "evaluation": {"method": "comprehensive_scoring",
                                                 "weights": {"price": "60", "technical": "40"}}}
        body = draft(self.clock, lots=[LOTS[0]], **{change: values[change]})
        self.attempt("tender.draft_update", False, self.platform.tenders.update_draft,
                     ACTORS["purchasing"], m.id, body, inv="i10")

    @precondition(lambda self: self.tenders)
    @rule(t=st.integers(0, 1), asker=st.sampled_from(["purchasing", "supervisor", "finance"]),
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
    @rule(t=st.integers(0, 1), i=st.integers(0, MAX_SUPPLIERS),
          kind=st.sampled_from(["good", "good", "good", "wrong_key", "over_ceiling", "bad_lot",
                                "above_ceiling", "negative", "garbage", "extra_field"]),
          digits=st.integers(0, 99999), fen=st.integers(1, 99),
          as_=st.sampled_from(["own", "own", "own", "staff"]))
    def submit(self, t: int, i: int, kind: str, digits: int, fen: int, as_: str) -> None:
        m, s = self.tender(t), self.supplier(i)
        actor = s.actor if as_ == "own" else ACTORS["purchasing"]
        price = self.fresh_price(digits, fen)
        if kind in ("over_ceiling", "above_ceiling"):
            price = CEILING + price - Decimal("690000")
            self.used_prices.add(price)
        lots = [{"lot": "L1", "price": str(price)}]
        bid: Any = {"lots": lots}
        if kind == "wrong_key":
            bid = seal_bid(generate_tender_keys("tdr-elsewhere", 3, 2).public_key, bid)
        elif kind == "over_ceiling":
            bid = seal_bid(m.frozen["public_key"], bid)
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
                                   inv="i02")
        if not ok:
            if allowed:
                self.flag("i04", f"an eligible supplier's valid bid on {m.id} was refused: {receipt}")
            return
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

    @precondition(lambda self: self.tenders)
    @rule(t=st.integers(0, 1), i=st.integers(0, MAX_SUPPLIERS), withdraw=st.booleans())
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

    @rule(who=st.sampled_from(["own", "nobody"]), i=st.integers(0, MAX_SUPPLIERS))
    def submit_to_unknown_tender(self, who: str, i: int) -> None:
        actor = self.supplier(i).actor if who == "own" else ACTORS["nobody"]
        self.attempt("bid.submit", False, self.platform.tenders.submit_bid, actor, "tdr-unknown",
                     {"lots": [{"lot": "L1", "price": "1.00"}]})

    # --- time and opening ----------------------------------------------------------------------

    @rule(step=st.sampled_from(["hour", "days", "weeks", "to_deadline", "just_before", "month"]),
          t=st.integers(0, 1), tick=st.booleans())
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

    @precondition(lambda self: self.tenders)
    @rule(t=st.integers(0, 1), indices=st.sets(st.integers(1, 3), max_size=3),
          extra=st.sampled_from([None, None, None, "foreign", "other_tender", "duplicate", "garbage"]),
          who=st.sampled_from(["supervisor", "supervisor", "purchasing", "finance", "nobody"]),
          jump=st.booleans())
    def open(self, t: int, indices: set[int], extra: str | None, who: str, jump: bool) -> None:
        m = self.tender(t)
        if jump and self.now() < m.deadline:
            self.clock.set(m.deadline + timedelta(hours=1))
        given = m.shares(indices)
        if extra == "foreign":
            given.append(generate_tender_keys(m.id, 3, 2).shares[0])
        elif extra == "other_tender":
            given.append(generate_tender_keys("tdr-elsewhere", 3, 2).shares[1])
        elif extra == "duplicate" and given:
            given.append(given[0])
        elif extra == "garbage":
            given.append("not a share")
        actor = ACTORS[who]
        quorum = len(indices) >= K and (extra is None or (extra == "duplicate" and not given))
        allowed = self.closed(m) and holds(actor, OFFICERS) and quorum
        ok, record = self.attempt("tender.open", allowed, self.platform.tenders.open_bids, actor, m.id, given,
                                  inv="i03")
        if not ok:
            if allowed:
                self.flag("i03", f"opening {m.id} with a quorum after the deadline was refused: {record}")
            return
        self.check_opening(m, record)

    @precondition(lambda self: any(m.state == "published" for m in self.tenders))
    @rule(quorum=st.sampled_from([{1, 2}, {2, 3}, {1, 3}, {1, 2, 3}]), hours=st.integers(0, 48))
    def deadline_then_open(self, quorum: set[int], hours: int) -> None:
        m = next(m for m in self.tenders if m.state == "published")
        if self.now() < m.deadline:
            self.clock.set(m.deadline + timedelta(hours=hours))
        ok, record = self.attempt("tender.open", True, self.platform.tenders.open_bids, ACTORS["supervisor"],
                                  m.id, m.shares(quorum), inv="i03")
        if not ok:
            self.flag("i03", f"opening {m.id} with shares {sorted(quorum)} after the deadline refused: {record}")
            return
        self.check_opening(m, record)

    def check_opening(self, m: TenderModel, record: Any) -> None:
        """I2, I3, I5, I15 at the moment of opening."""
        if record.opened_at < m.deadline or len(set(record.custodians_present)) < K:
            self.flag("i03", f"opened at {record.opened_at} (deadline {m.deadline}) by {record.custodians_present}")
        entries = [e.supplier_id for e in record.entries]
        if sorted(entries) != sorted(m.bids) or len(set(entries)) != len(entries):
            self.flag("i02", f"opening record lists {entries}, acknowledged {sorted(m.bids)}")
        by_supplier = {e.supplier_id: e for e in record.entries}
        counted = {s: b for s, b in m.bids.items() if b.confirmed_through == m.amendments}
        for supplier_id, bid in m.bids.items():
            e = by_supplier.get(supplier_id)
            if e is None:
                continue
            if (e.bid_id, e.version, e.envelope_hash) != (bid.bid_id, bid.version, bid.envelope_hash):
                self.flag("i02", f"{supplier_id}: record has version {e.version}, last confirmed {bid.version}")
            if supplier_id not in counted and (e.status != "not_reconfirmed" or e.total_price is not None):
                self.flag("i02", f"{supplier_id}: unconfirmed bid opened as {e.status}")
        valid = [b for b in counted.values() if b.kind == "good"]
        if len(counted) < MIN_VALID:
            expected_outcome = "failed"
        else:
            expected_outcome = "failed" if len(valid) < MIN_VALID else "opened"
            for supplier_id, bid in counted.items():
                e = by_supplier[supplier_id]
                want = {"good": ("valid", bid.price), "over_ceiling": ("invalid", bid.price),
                        "wrong_key": ("invalid", None)}[bid.kind]
                if (e.status, e.total_price) != want or (
                        e.total_price is not None and str(e.total_price) != f"{bid.price:.2f}"):
                    self.flag("i15", f"{supplier_id}: opened as {e.status} {e.total_price}, bid {want}")
        if record.outcome.value != expected_outcome or record.valid_bids != (
                len(valid) if len(counted) >= MIN_VALID else 0):
            self.flag("i05", f"{m.id}: outcome {record.outcome} with {record.valid_bids} valid, "
                             f"expected {expected_outcome} ({len(valid)} valid of {len(counted)})")
        m.state = record.outcome.value
        m.record_digest = record.digest
        TALLY[f"opened: {record.outcome.value}, {record.valid_bids} valid"] += 1
