"""The invariants I1–I16 of docs/fairness.md, each an `@invariant()` method named `iNN_…`, checked
after every step of the fairness machine.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from hypothesis.stateful import invariant
from sqlmodel import col, select

from tests.kit import ACTORS
from tests.properties.fairness_evaluation_checks import EvaluationChecks
from tests.properties.fairness_model import (
    MIN_VALID,
    K,
    audit_rows,
    check_separation,
    check_state_chains,
    marker_forms,
    store_text,
)
from zhaocai.bidding.rules import AwardMethod, Contender, rank_lot
from zhaocai.bidding.tables import BidRow, TenderRow
from zhaocai.errors import PermissionDenied, ZhaocaiError
from zhaocai.profile import DEFAULT_PROFILE
from zhaocai.suppliers.tables import SupplierRow


class Invariants(EvaluationChecks):
    """I1–I16; an invariant whose inputs did not change since it last passed is not re-run."""

    def hidden_prices(self) -> set[Decimal]:
        """Prices that must not be in clear anywhere: every price ever offered, except the last
        confirmed version of counted bids of tenders opened for real."""
        hidden: set[Decimal] = set()
        for m in self.tenders:
            revealed: set[Decimal] = set()
            if m.record_digest is not None:
                for record in self.platform.tenders.opening_records(m.id):
                    revealed |= {e.total_price for e in record.entries if e.total_price is not None}
            hidden |= m.prices - revealed
        return hidden

    @invariant()
    def i01_no_bid_readable_before_opening(self) -> None:
        self.raise_flagged("i01")
        if self.unchanged_since_checked("i01"):
            return
        svc = self.platform.tenders
        for m in self.tenders:
            if m.record_digest is None:
                assert svc.opening_records(m.id) == [], f"I1: {m.id} has an opening record before opening"
                assert svc.opened_bids(ACTORS["purchasing"], m.id) == [], f"I1: {m.id} readable"
        hidden = self.hidden_prices()
        if not hidden:
            return
        dump = store_text(self.engine, self.tables)
        for price in hidden:
            for form in marker_forms(price):
                assert form not in dump, f"I1: sealed price {form} is in clear in the store"
        for s in self.suppliers:
            seen = "".join(b.model_dump_json() for b in svc.my_bids(s.actor))
            for price in hidden:
                assert f"{price:.2f}" not in seen, f"I1: my_bids shows a sealed price {price}"

    @invariant()
    def i02_nothing_late_every_acknowledged_bid_opened_once(self) -> None:
        self.raise_flagged("i02")
        if self.unchanged_since_checked("i02"):
            return
        with self.platform.internal.session() as session:
            for m in self.tenders:
                rows = session.exec(select(BidRow).where(col(BidRow.tender_id) == m.id)).all()
                for row in rows:
                    assert row.received_at < m.deadline, f"I2: bid {row.id} received at or after the deadline"
                live = {r.supplier_id: r for r in rows if r.status == "submitted"}
                assert sorted(live) == sorted(m.bids), f"I2: live bids {sorted(live)} ≠ acknowledged {sorted(m.bids)}"
                for supplier_id, bid in m.bids.items():
                    assert live[supplier_id].version == bid.version
                    assert live[supplier_id].envelope_hash == bid.envelope_hash

    @invariant()
    def i03_opening_after_deadline_with_quorum(self) -> None:
        self.raise_flagged("i03")
        if self.unchanged_since_checked("i03"):
            return
        for m in self.tenders:
            seats = {c.actor_id for c in m.publication.tender.custodians}
            for record in self.platform.tenders.opening_records(m.id):
                assert record.opened_at >= m.deadline, f"I3: {m.id} opened before its deadline"
                present = record.custodians_present
                assert len(set(present)) == len(present) >= K and set(present) <= seats, \
                    f"I3: {m.id} opened by {present}"

    @invariant()
    def i04_accepted_bids_from_eligible_suppliers(self) -> None:
        self.raise_flagged("i04")
        if self.unchanged_since_checked("i04"):
            return
        for m in self.tenders:
            for bid in m.bids.values():
                assert self.eligible_at_ack.get(bid.bid_id), f"I4: bid {bid.bid_id} from an ineligible supplier"
        # Exclusion at evaluation of a supplier that became ineligible: `i04_evaluation` below.
        self.evaluation_checks("i04")

    @invariant()
    def i05_too_few_valid_bids_never_evaluated(self) -> None:
        self.raise_flagged("i05")
        if self.unchanged_since_checked("i05"):
            return
        with self.platform.internal.session() as session:
            for m in self.tenders:
                row = session.get(TenderRow, m.id)
                assert row is not None
                records = self.platform.tenders.opening_records(m.id)
                if row.state in ("evaluating", "publicising", "awarded", "contracted"):
                    assert records and records[-1].valid_bids >= MIN_VALID, f"I5: {m.id} evaluated"
                if records and records[-1].valid_bids < MIN_VALID:
                    assert row.state in ("failed", "cancelled"), f"I5: {m.id} is {row.state} with too few bids"
        self.evaluation_checks("i05")

    @invariant()
    def i06_committee_without_interest(self) -> None:
        if self.unchanged_since_checked("i06"):
            return
        self.evaluation_checks("i06")

    @invariant()
    def i07_scores_sealed_until_all_in(self) -> None:
        if self.unchanged_since_checked("i07"):
            return
        self.evaluation_checks("i07")

    @invariant()
    def i08_ranking_depends_only_on_contents(self) -> None:
        if self.unchanged_since_checked("i08"):
            return
        for m in self.tenders:
            if m.state != "opened" or m.record_digest is None:
                continue
            opened = [b for b in self.platform.tenders.opened_bids(ACTORS["purchasing"], m.id)
                      if b.status == "valid" and b.payload is not None]
            rankings = []
            for seed in (1, 2):
                shuffled = list(opened)
                random.Random(seed).shuffle(shuffled)
                contenders = [Contender(bid_id=b.supplier_id[::-1] + str(seed), content_hash=b.envelope_hash,
                                        evaluated_price=b.payload.total if b.payload else None)
                              for b in shuffled]
                ranking = rank_lot("L1", contenders, opening_record_hash=m.record_digest,
                                   method=AwardMethod.LOWEST_EVALUATED_PRICE)
                rankings.append([(r.content_hash, r.evaluated_price) for r in ranking.ranked])
            assert rankings[0] == rankings[1], "I8: the ranking depends on order or names"
            prices = [p for _, p in rankings[0]]
            assert prices == sorted(prices), "I8: the lowest evaluated price is not first"
        self.evaluation_checks("i08")

    @invariant()
    def i09_award_to_first_candidate_after_publicity(self) -> None:
        if self.unchanged_since_checked("i09"):
            return
        self.evaluation_checks("i09")

    @invariant()
    def i10_frozen_rules_change_only_by_amendment(self) -> None:
        self.raise_flagged("i10")
        if self.unchanged_since_checked("i10"):
            return
        for m in self.tenders:
            view = self.platform.tenders.get(ACTORS["auditor"], m.id)
            for key, value in m.frozen.items():
                assert getattr(view, key) == value, f"I10: {key} of {m.id} changed after publication"
            assert view.deadline == m.deadline, f"I10: deadline {view.deadline}, expected {m.deadline}"
            assert view.amendments == m.amendments
            for a in self.platform.tenders.amendments(m.id):
                assert a.deadline_after >= max(a.deadline_before,
                                               a.issued_at + timedelta(days=DEFAULT_PROFILE.amendment_notice_days))
                assert a.requires_reconfirmation == (a.kind == "amendment")
            for s in self.suppliers:
                for own in self.platform.tenders.my_bids(s.actor, tender_id=m.id):
                    bid = m.bids.get(s.id)
                    if bid is not None and own.status == "submitted":
                        assert own.needs_reconfirmation == (bid.confirmed_through < m.amendments), \
                            f"I10: {s.id} is not asked to confirm after an amendment"

    @invariant()
    def i11_one_audit_event_per_change_chain_verifies(self) -> None:
        self.raise_flagged("i11")
        if self.unchanged_since_checked("i11"):
            return
        verified = self.platform.audit.verify(deep=True)  # and every state row agrees with it
        assert verified.ok, f"I11: the audit chain does not verify: {verified.reason} {verified.disagreements[:3]}"
        with self.platform.internal.session() as session:
            tenders = {r.id: r.state for r in session.exec(select(TenderRow)).all()}
            bids = {r.id: (r.version, r.status) for r in session.exec(select(BidRow)).all()}
            standings = {r.id: r.standing for r in session.exec(select(SupplierRow)).all()}
        problems: list[str] = []
        check_state_chains(audit_rows(self.engine), tenders, standings, bids, problems.append)
        assert not problems, "; ".join(problems[:3])

    @invariant()
    def i12_separation_of_duties(self) -> None:
        self.raise_flagged("i12")
        if self.unchanged_since_checked("i12"):
            return
        problems: list[str] = []
        check_separation(audit_rows(self.engine), {s.id: s.registered_by for s in self.suppliers},
                         problems.append)
        assert not problems, "; ".join(problems[:3])
        with self.platform.internal.session() as session:
            for row in session.exec(select(TenderRow).where(col(TenderRow.method) == "price_inquiry",
                                                            col(TenderRow.published_at).is_not(None))).all():
                assert len(set(row.officers)) >= 2, f"I12: inquiry {row.id} by {row.officers}"

    @invariant()
    def i13_rejected_command_changes_nothing(self) -> None:
        self.raise_flagged("i13")
        if self.unchanged_since_checked("i13"):
            return

    @invariant()
    def i14_bidders_hidden_until_opening(self) -> None:
        if self.unchanged_since_checked("i14"):
            return
        svc = self.platform.tenders
        for s in self.suppliers:
            own_ids = {b.bid_id for m in self.tenders for sid, b in m.bids.items() if sid == s.id}
            for bid in svc.my_bids(s.actor):
                assert bid.receipt.supplier_id == s.id, f"I14: {s.id} sees {bid.receipt.supplier_id}'s bid"
                if bid.status == "submitted":
                    assert bid.bid_id in own_ids
        try:
            svc.my_bids(ACTORS["purchasing"])
            raise AssertionError("I14: my_bids answered someone who is not a supplier")
        except PermissionDenied:
            pass
        events = self.platform.events.read(limit=10_000)
        for m in self.tenders:
            if m.record_digest is not None:
                continue
            bid_ids = {b.bid_id for b in m.bids.values()}
            secrets = bid_ids | set(m.bids)
            for e in events:
                text = e.model_dump_json()
                if m.id in text or e.subject_type == "bid":
                    assert e.subject_type != "bid", f"I14: a bid event is public: {e.type}"
                    # A single source names the failed tenders it follows and its one supplier, chosen
                    # by the buyer, not read from the sealed bids: only bid ids would be a leak there.
                    hidden = bid_ids if e.type.startswith("SingleSource") else secrets
                    assert not any(x in text for x in hidden), f"I14: {e.type} names a bidder of {m.id}"
                    assert '"bids"' not in text, f"I14: {e.type} tells the number of bids of {m.id}"
            for s in self.suppliers:
                try:
                    view = svc.get(s.actor, m.id).model_dump_json()
                except ZhaocaiError:
                    continue
                assert not any(x in view for x in secrets), f"I14: the tender view names a bidder of {m.id}"

    @invariant()
    def i15_amounts_exact_end_to_end(self) -> None:
        self.raise_flagged("i15")
        if self.unchanged_since_checked("i15"):
            return
        for m in self.tenders:
            if m.record_digest is None:
                continue
            record = self.platform.tenders.opening_records(m.id)[-1]
            entries = {e.bid_id: e for e in record.entries}
            for b in self.platform.tenders.opened_bids(ACTORS["purchasing"], m.id):
                if b.payload is not None:
                    e = entries.get(b.bid_id)
                    assert e is not None and b.payload.total == e.total_price, \
                        f"I15: {b.bid_id} ({b.status}) opened at {b.payload.total}, its record entry {e}"
        self.evaluation_checks("i15")

    @invariant()
    def i16_nobody_holds_the_key_alone(self) -> None:
        """Custody: each model custodian opened only their own seat's share (no person ever held k
        of a tender's shares); no share is in the store in clear before the deadline, nor once the
        tender no longer needs its key; every presentation named its own custodian."""
        self.raise_flagged("i16")
        if self.unchanged_since_checked("i16"):
            return
        for m in self.tenders:
            for person, seats in m.held.items():
                assert len(seats) < K, f"I16: {person} opened the shares of seats {sorted(seats)} of {m.id}"
        needing = [m for m in self.tenders if m.known_shares and not self.presenting(m)]
        if not needing:
            return
        dump = store_text(self.engine, self.tables)
        for m in needing:
            for index, share in m.known_shares.items():
                assert share.rsplit(":", 1)[1] not in dump, \
                    f"I16: the share of seat {index} of {m.id} is in the store ({m.state}, deadline {m.deadline})"
