"""Rules of the fairness machine over opening: custodians present their own shares (or a foreign
one, another custodian's, garbage, before the deadline, twice; or someone who is no custodian),
openings by random people with however many shares were presented, one envelope or two
(technical review, then the commercial parts), and a fast track that bids, waits, presents and
opens so that most examples reach evaluation.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from tests.kit import ACTORS, expert_actor
from tests.properties.fairness_base import MAX_SUPPLIERS, TALLY, TENDER, FairnessBase
from tests.properties.fairness_model import MIN_VALID, OFFICERS, K, TenderModel, eligible, holds
from zhaocai.actors import Role
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.rules.tender import BID_MAX_WAIT
from zhaocai.bidding.sealing import generate_tender_keys
from zhaocai.testing.custody import custodian

REVIEWERS = frozenset({Role.TECHNICAL, Role.EXPERT})
FAST_TRACK: dict[str, st.SearchStrategy[Any]] = {
    "order": st.permutations(range(MAX_SUPPLIERS)), "count": st.integers(3, 5),
    "kinds": st.lists(st.sampled_from(["good"] * 10 + ["wrong_key", "over_ceiling"]), min_size=5, max_size=5),
    "prices": st.lists(st.tuples(st.integers(0, 99999), st.integers(1, 99)), min_size=5, max_size=5),
    "reject": st.sampled_from([None, None, None, 1]),
}


class OpeningRules(FairnessBase):
    """Opening with shares; two envelopes; the fast track from bids to an opening."""

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, index=st.integers(1, 3),
          extra=st.sampled_from([None, None, None, None, "foreign", "other_tender", "other_seat", "garbage",
                                 "outsider"]),
          jump=st.booleans())
    def present(self, t: int, index: int, extra: str | None, jump: bool) -> None:
        """The custodian of seat `index` presents their own share (I16); with `extra`, a share
        of another key, of another tender or seat, garbage, or someone who is no custodian."""
        m = self.tender(t)
        if jump and self.now() < m.deadline:
            self.clock.set(m.deadline + timedelta(hours=1))
        holder = m.holder(index)
        share = m.known_shares[index]
        if extra == "foreign":
            share = generate_tender_keys(m.id, 3, 2).shares[index - 1]
        elif extra == "other_tender":
            share = generate_tender_keys("tdr-elsewhere", 3, 2).shares[index - 1]
        elif extra == "other_seat":
            share = m.known_shares[index % 3 + 1]
        elif extra == "garbage":
            share = "not a share"
        actor = ACTORS["purchasing"] if extra == "outsider" else custodian(holder)
        allowed = self.presenting(m) and index not in m.presented and extra is None
        ok, _ = self.attempt("custody.present", allowed, self.platform.tenders.present_share, actor, m.id, share,
                             inv="i16")
        if ok:
            m.presented.add(index)
        elif allowed:
            self.flag("i16", f"custodian {holder} presenting their share of {m.id} was refused")

    @precondition(lambda self: self.tenders)
    @rule(t=TENDER, who=st.sampled_from(["supervisor", "supervisor", "purchasing", "finance", "nobody"]),
          jump=st.booleans())
    def open(self, t: int, who: str, jump: bool) -> None:
        """Opening succeeds exactly when the tender is closed, the opener an officer, and at least
        k custodians presented (I3)."""
        m = self.tender(t)
        if jump and self.now() < m.deadline:
            self.clock.set(m.deadline + timedelta(hours=1))
        actor = ACTORS[who]
        # The opening waits for bids in flight: the deadline plus the in-flight bound.
        allowed = (self.closed(m) and tender_rules.bids_settled(self.now(), m.deadline)
                   and holds(actor, OFFICERS) and len(m.presented) >= K)
        ok, record = self.attempt("tender.open", allowed, self.platform.tenders.open_bids, actor, m.id, inv="i03")
        if not ok:
            if allowed:
                self.flag("i03", f"opening {m.id} after the deadline with {sorted(m.presented)} presented "
                                 f"was refused: {record}")
            return
        self.check_opening(m, record)

    @precondition(lambda self: any(m.state == "published" for m in self.tenders))
    @rule(quorum=st.sampled_from([{1, 2}, {2, 3}, {1, 3}, {1, 2, 3}]), hours=st.integers(0, 48))
    def deadline_then_open(self, quorum: set[int], hours: int) -> None:
        m = next(m for m in self.tenders if m.state == "published")
        if self.now() < m.deadline + BID_MAX_WAIT:
            self.clock.set(m.deadline + BID_MAX_WAIT + timedelta(hours=hours))
        t = self.tenders.index(m)
        for index in sorted(quorum - m.presented):
            self.present(t, index, None, False)
        ok, record = self.attempt("tender.open", True, self.platform.tenders.open_bids, ACTORS["supervisor"],
                                  m.id, inv="i03")
        if not ok:
            self.flag("i03", f"opening {m.id} with {sorted(m.presented)} presented after the deadline refused: "
                             f"{record}")
            return
        self.check_opening(m, record)

    @precondition(lambda self: any(self.accepting(m) for m in self.tenders))
    @rule(**FAST_TRACK)
    def fast_track(self, order: list[int], count: int, kinds: list[str], prices: list[tuple[int, int]],
                   reject: int | None) -> None:
        """Eligible (invited) suppliers bid; a custodian presents too early; the deadline passes;
        one custodian presents and the opening is tried too soon, a second presents and the bids
        are opened; with two envelopes the technical review and the commercial opening follow."""
        m = next(m for m in self.tenders if self.accepting(m))
        t = self.tenders.index(m)
        TALLY["fast track"] += 1
        invited = [i for i in order if i < len(self.suppliers) and (
            m.method != "price_inquiry" or self.suppliers[i].id in m.invitees)]
        ready = [i for i in invited if eligible(self.engine, self.suppliers[i].id, self.now())]
        for n, i in enumerate(ready[:count]):
            self.submit(t, i, kinds[n], *prices[n], "own")
        self.present(t, 1, None, False)  # before the deadline: must be refused (custody.too_early)
        self.clock.set(max(self.now(), m.deadline + timedelta(minutes=30)))
        self.present(t, 1, None, False)
        self.open(t, "supervisor", False)  # one share presented: must be refused (opening.quorum)
        self.present(t, 2, None, False)
        self.open(t, "supervisor", False)
        if m.stage == "technical" and m.state == "opened":
            self.technical_review(t, {reject} if reject is not None else set(), "technical", False)
            self.open_commercial(t, "supervisor")

    # --- two envelopes -------------------------------------------------------------------------

    def at_technical_stage(self, t: int) -> TenderModel | None:
        found = [m for m in self.tenders if m.state == "opened" and m.stage == "technical"]
        return found[t % len(found)] if found else None

    @precondition(lambda self: any(m.stage == "technical" and m.state == "opened" for m in self.tenders))
    @rule(t=TENDER, rejects=st.sets(st.integers(0, MAX_SUPPLIERS), max_size=2),
          who=st.sampled_from(["technical", "technical", "expert", "quality", "supplier"]), stray=st.booleans())
    def technical_review(self, t: int, rejects: set[int], who: str, stray: bool) -> None:
        """Technical compliance of every technically opened bid (two envelopes); a decision on a
        bid that was not validly opened must be refused."""
        m = self.at_technical_stage(t)
        assert m is not None
        actor = {"expert": expert_actor("e-1"), "supplier": self.suppliers[0].actor}.get(who) or ACTORS[who]
        opened = sorted(b.bid_id for b in m.bids.values()
                        if b.confirmed_through == m.amendments and b.kind != "wrong_key")
        decisions: list[dict[str, Any]] = [
            {"bid_id": bid_id, "compliant": n not in rejects, "note": "" if n not in rejects else "技术参数偏离"}
            for n, bid_id in enumerate(opened)]
        if stray:
            decisions.append({"bid_id": "bid-unknown", "compliant": True})
        allowed = holds(actor, REVIEWERS) and not stray and bool(decisions)
        ok, _ = self.attempt("tender.technical_compliance", allowed, self.platform.tenders.record_technical_compliance,
                             actor, m.id, decisions, inv="i12")
        if ok:
            m.technical.update({d["bid_id"]: d["compliant"] for d in decisions})

    @precondition(lambda self: any(m.stage == "technical" and m.state == "opened" for m in self.tenders))
    @rule(t=TENDER, who=st.sampled_from(["supervisor", "supervisor", "purchasing", "finance"]))
    def open_commercial(self, t: int, who: str) -> None:
        """The commercial parts open with the shares already presented (at least k: the
        technical stage opened with them)."""
        m = self.at_technical_stage(t)
        assert m is not None
        actor = ACTORS[who]
        technically_valid = self.technically_valid(m)
        decided = all(b.bid_id in m.technical for b in technically_valid.values())
        allowed = holds(actor, OFFICERS) and len(m.presented) >= K and decided
        ok, record = self.attempt("tender.open_commercial", allowed, self.platform.tenders.open_commercial,
                                  actor, m.id, inv="i03")
        if not ok:
            if allowed:
                self.flag("i03", f"commercial opening of {m.id} with a quorum was refused: {record}")
            return
        self.check_commercial(m, record, technically_valid)

    def technically_valid(self, m: TenderModel) -> dict[str, Any]:
        """Supplier → bid, for the bids validly opened at the technical stage."""
        return {s: b for s, b in m.bids.items() if b.confirmed_through == m.amendments and b.kind != "wrong_key"}

    # --- what an opening must show -------------------------------------------------------------

    def check_opening(self, m: TenderModel, record: Any) -> None:
        """I2, I3, I5, I15 at the moment of opening (I1 for the technical stage of two envelopes)."""
        if record.opened_at < m.deadline or len(set(record.custodians_present)) < K:
            self.flag("i03", f"opened at {record.opened_at} (deadline {m.deadline}) by {record.custodians_present}")
        if sorted(record.custodians_present) != sorted(m.holder(i) for i in m.presented):
            self.flag("i16", f"{m.id}: record names {record.custodians_present}, presented {sorted(m.presented)}")
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
        technical = m.two_envelopes
        valid = [b for b in counted.values() if (b.kind != "wrong_key" if technical else b.kind == "good")]
        if len(counted) < MIN_VALID:
            expected_outcome = "failed"
        else:
            expected_outcome = "failed" if len(valid) < MIN_VALID else "opened"
            for supplier_id, bid in counted.items():
                e = by_supplier[supplier_id]
                if technical:
                    want = ("invalid" if bid.kind == "wrong_key" else "valid", None)
                    if e.total_price is not None or e.lot_prices:
                        self.flag("i01", f"{supplier_id}: the technical opening shows a price")
                else:
                    want = {"good": ("valid", bid.price), "over_ceiling": ("invalid", bid.price),
                            "wrong_key": ("invalid", None)}[bid.kind]
                self.check_entry(supplier_id, e, want)
        if record.outcome.value != expected_outcome or record.valid_bids != (
                len(valid) if len(counted) >= MIN_VALID else 0):
            self.flag("i05", f"{m.id}: outcome {record.outcome} with {record.valid_bids} valid, "
                             f"expected {expected_outcome} ({len(valid)} valid of {len(counted)})")
        m.state = record.outcome.value
        m.record_digest = record.digest
        m.stage = "technical" if technical else None
        TALLY[f"opened{' technical' if technical else ''}: {record.outcome.value}, {record.valid_bids} valid"] += 1

    def check_commercial(self, m: TenderModel, record: Any, technically_valid: dict[str, Any]) -> None:
        """The commercial opening lists exactly the technically opened bids: the non-compliant
        ones unopened, the others with their exact price (I2, I5, I15)."""
        entries = [e.supplier_id for e in record.entries]
        if sorted(entries) != sorted(technically_valid) or len(set(entries)) != len(entries):
            self.flag("i02", f"commercial record lists {entries}, technically opened {sorted(technically_valid)}")
            return
        valid = 0
        for e in record.entries:
            bid = technically_valid[e.supplier_id]
            if not m.technical[bid.bid_id]:
                want: tuple[str, Any] = ("not_compliant", None)
            else:
                want = ("valid", bid.price) if bid.kind == "good" else ("invalid", bid.price)
                valid += bid.kind == "good"
            self.check_entry(e.supplier_id, e, want)
        expected = "opened" if valid >= MIN_VALID else "failed"
        if record.outcome.value != expected or record.valid_bids != valid:
            self.flag("i05", f"{m.id}: commercial outcome {record.outcome} with {record.valid_bids} valid, "
                             f"expected {expected} ({valid})")
        m.state, m.stage, m.record_digest = record.outcome.value, "commercial", record.digest
        TALLY[f"opened commercial: {record.outcome.value}, {record.valid_bids} valid"] += 1

    def check_entry(self, supplier_id: str, e: Any, want: tuple[str, Any]) -> None:
        """One opening entry has the expected status and exactly the bid's price."""
        if (e.status, e.total_price) != want or (
                e.total_price is not None and str(e.total_price) != f"{want[1]:.2f}"):
            self.flag("i15", f"{supplier_id}: opened as {e.status} {e.total_price}, bid {want}")
