"""What the fairness machine (test_fairness.py) believes, and the oracles it reads the store with.

Nothing here calls the library's own checks: eligibility, the store fingerprint, the marker
search and the audit-trail checks read the raw rows, so the machine judges the library from
outside.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, inspect, text

from zhaocai.actors import Actor, Role
from zhaocai.bidding.views import Publication
from zhaocai.categories import Category
from zhaocai.clock import as_utc
from zhaocai.suppliers.rules import DEFAULT_POLICIES

CATEGORY = Category.MATERIALS
REQUIRED = [r.type for r in DEFAULT_POLICIES[CATEGORY]]
CEILING = Decimal("2100000.00")
MIN_VALID = 3
K = 2

STAFF = frozenset({Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.SUPERVISOR})
BUYER = frozenset({Role.PURCHASING})
OFFICERS = frozenset({Role.PURCHASING, Role.SUPERVISOR})


def holds(actor: Actor, roles: Iterable[Role]) -> bool:
    """The actor holds one of `roles` and is not a supplier's user."""
    return actor.supplier_id is None and bool(actor.roles & frozenset(roles))


@dataclass
class BidModel:
    """One supplier's live bid on one tender, as acknowledged by its last receipt."""

    bid_id: str
    version: int
    price: Decimal
    envelope_hash: str
    confirmed_through: int
    kind: str  # "good" | "wrong_key" | "over_ceiling"


@dataclass
class TenderModel:
    """One published tender."""

    id: str
    publication: Publication
    method: str
    deadline: datetime
    invitees: list[str]
    frozen: dict[str, Any]
    state: str = "published"  # published | opened | failed | cancelled (closed is derived)
    amendments: int = 0
    bids: dict[str, BidModel] = field(default_factory=dict)
    prices: set[Decimal] = field(default_factory=set)  # every price ever offered on it
    cancel_requested_by: str | None = None
    record_digest: str | None = None
    comprehensive: bool = False
    members: list[Actor] = field(default_factory=list)
    scored: set[str] = field(default_factory=set)  # members who committed to their L1 sheet
    commitments: dict[str, Any] = field(default_factory=dict)  # member id → SheetCommitment (L1)
    revealed: set[str] = field(default_factory=set)  # members whose L1 sheet was revealed
    publicity_ends: datetime | None = None
    candidates: dict[str, list[str]] = field(default_factory=dict)  # lot → bid ids, from the report
    open_objections: int = 0
    removals: dict[str, str] = field(default_factory=dict)  # pending candidate removal id → proposer
    removed: set[str] = field(default_factory=set)  # bid ids removed by an approved removal
    two_envelopes: bool = False
    stage: str | None = None  # two envelopes: "technical" after the first opening, then "commercial"
    technical: dict[str, bool] = field(default_factory=dict)  # bid id → technically compliant
    signed: set[str] = field(default_factory=set)  # price inquiry: officers who signed the record
    override: dict[str, Any] | None = None  # price inquiry: id, supplier, proposer, approver
    retender_of: str | None = None
    retendered: bool = False  # a re-tender draft was made from it
    checked: bool = False  # its compliance check is done
    findings: set[str] = field(default_factory=set)  # bid ids a member found not responsive

    @property
    def officers(self) -> list[str]:
        """The officers named in a price inquiry."""
        return list(self.publication.tender.officers or [])

    def ready_for_evaluation(self) -> bool:
        """Opened and, with two envelopes, its commercial parts opened too."""
        return self.state == "opened" and (not self.two_envelopes or self.stage == "commercial")

    def first_candidate(self, lot_id: str) -> str | None:
        """The bid the award must go to: the lot's first candidate not removed (I9)."""
        return next((b for b in self.candidates.get(lot_id, []) if b not in self.removed), None)

    def shares(self, indices: Iterable[int]) -> list[str]:
        """The share texts of the given 1-based custodian indices."""
        wanted = set(indices)
        return [s.share for s in self.publication.shares if s.index in wanted]


@dataclass
class SupplierModel:
    """A supplier the machine registered, with the user acting for it."""

    id: str
    actor: Actor
    registered_by: str


# --- store oracles ---------------------------------------------------------------------------

def table_names(engine: Engine) -> list[str]:
    """Every table of the store."""
    return sorted(inspect(engine).get_table_names())


def fingerprint(engine: Engine, names: list[str]) -> tuple[tuple[tuple[str, int], ...], int, str]:
    """Rows per table and the audit head: cheap, and any change to the store changes it
    (every change appends to the audit chain; counts catch writes that forget to)."""
    union = " UNION ALL ".join(f"SELECT '{n}', count(*) FROM \"{n}\"" for n in names)
    with engine.connect() as conn:
        counts = tuple(sorted((str(r[0]), int(r[1])) for r in conn.execute(text(union))))
        head = conn.execute(text("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")).first()
    return counts, int(head[0]) if head else 0, str(head[1]) if head else ""


def full_snapshot(engine: Engine, names: list[str]) -> dict[str, list[str]]:
    """Every row of every table, as sorted text."""
    with engine.connect() as conn:
        return {n: sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{n}"')))
                for n in names}


def store_text(engine: Engine, names: list[str]) -> str:
    """Every value of every row of every table, as one text to search for markers."""
    parts: list[str] = []
    with engine.connect() as conn:
        for name in names:
            for row in conn.execute(text(f'SELECT * FROM "{name}"')):
                parts.append("\x1f".join(str(v) for v in row))
    return "\n".join(parts)


def marker_forms(price: Decimal) -> list[str]:
    """How a price could sit in the store: yuan text and integer fen."""
    return [f"{price:.2f}", str(int(price * 100))]


def eligible(engine: Engine, supplier_id: str, at: datetime, amount: Decimal = CEILING) -> bool:
    """Eligibility read from the raw rows: admitted in the category, active or warned, ceiling
    at least `amount`, every required qualification valid at `at`."""
    at = as_utc(at)
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT s.admission, s.standing, s.ceiling_fen, c.admitted FROM supplier s "
            "LEFT JOIN supplier_category c ON c.supplier_id = s.id AND c.category = :cat "
            "WHERE s.id = :id"), {"id": supplier_id, "cat": CATEGORY.value}).first()
        if row is None:
            return False
        admission, standing, ceiling_fen, admitted = row
        if admission != "admitted" or standing not in ("active", "warned") or not admitted:
            return False
        if Decimal(int(ceiling_fen)) / 100 < amount:
            return False
        # only what counts: entered with the application, or verified by staff (i62)
        quals = conn.execute(text(
            "SELECT type, valid_from, valid_until FROM supplier_qualification WHERE supplier_id = :id "
            "AND (status IS NULL OR status IN ('admission', 'verified'))"),
            {"id": supplier_id}).all()
    return all(any(t == req and moment(f) <= at < moment(u) for t, f, u in quals) for req in REQUIRED)


def moment(value: Any) -> datetime:
    """A stored datetime (a datetime on PostgreSQL, ISO text on SQLite) in UTC."""
    return as_utc(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)))


# --- audit-trail oracles ----------------------------------------------------------------------

def audit_rows(engine: Engine) -> list[dict[str, Any]]:
    """The audit events, oldest first, with their change decoded."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT seq, actor_id, action, subject_type, subject_id, change, at FROM audit_event ORDER BY seq"))
        return [{"seq": r[0], "actor": r[1], "action": r[2], "type": r[3], "subject": r[4],
                 "change": json.loads(r[5]), "at": r[6]} for r in rows]


TENDER_STATES = {"draft", "published", "closed", "opened", "evaluating", "publicising", "awarded",
                 "contracted", "failed", "cancelled"}


def check_state_chains(events: list[dict[str, Any]], tender_states: dict[str, str],
                       standings: dict[str, str | None], bid_versions: dict[str, tuple[int, str]],
                       fail: Callable[[str], None]) -> None:
    """Every state change has exactly one audit event: replaying the events' from→to reaches
    exactly the stored state of every tender, supplier standing and bid."""
    tender_at: dict[str, str] = {}
    standing_at: dict[str, str | None] = {}
    bid_at: dict[str, tuple[int, str]] = {}
    for e in events:
        c = e["change"]
        if e["type"] == "tender" and "from" in c and "to" in c and c["to"] in TENDER_STATES:
            before = tender_at.get(e["subject"], "draft")
            if c.get("from") != before:
                fail(f"I11: tender {e['subject']} event {e['action']} from {c.get('from')} but was {before}")
            tender_at[e["subject"]] = c["to"]
        elif e["action"].startswith("supplier.standing."):
            before = standing_at.get(e["subject"])
            if c.get("from") != before:
                fail(f"I11: standing of {e['subject']} moved from {c.get('from')} but was {before}")
            standing_at[e["subject"]] = c["to"]
        elif e["type"] == "bid":
            version, _status = bid_at.get(e["subject"], (0, "none"))
            if e["action"] in ("bid.submit", "bid.replace"):
                if c["version"] != version + 1:
                    fail(f"I11: bid {e['subject']} version {c['version']} after {version}")
                bid_at[e["subject"]] = (c["version"], "submitted")
            elif e["action"] == "bid.withdraw":
                bid_at[e["subject"]] = (version, "withdrawn")
    for tender_id, state in tender_states.items():
        if tender_at.get(tender_id, "draft") != state:
            fail(f"I11: tender {tender_id} is {state}, its audit trail says {tender_at.get(tender_id)}")
    for supplier_id, standing in standings.items():
        if standing_at.get(supplier_id) != standing:
            fail(f"I11: supplier {supplier_id} standing {standing}, trail says {standing_at.get(supplier_id)}")
    for bid_id, version in bid_versions.items():
        if bid_at.get(bid_id) != version:
            fail(f"I11: bid {bid_id} is {version}, trail says {bid_at.get(bid_id)}")


def check_separation(events: list[dict[str, Any]], registrants: dict[str, str],
                     fail: Callable[[str], None]) -> None:
    """I12 from the trail: no self-approval, two people for blacklisting and cancelling,
    three distinct department reviewers (none the registrant) for every admission."""
    removal_proposers: dict[str, str] = {}
    override_proposers: dict[str, str] = {}
    inquiry_signers: dict[str, set[str]] = {}
    for e in events:
        c, action = e["change"], e["action"]
        if action.startswith("inquiry."):
            check_inquiry_event(e, inquiry_signers, override_proposers, fail)
            continue
        if action == "supplier.admit":
            reviewers = c["reviewers"]
            if set(reviewers) != {"purchasing", "quality", "technical"} or len(set(reviewers.values())) != 3:
                fail(f"I12: admission of {e['subject']} reviewed by {reviewers}")
            if registrants.get(e["subject"]) in reviewers.values() or e["actor"] == registrants.get(e["subject"]):
                fail(f"I12: the registrant of {e['subject']} reviewed or admitted it")
        elif action == "supplier.standing.blacklist":
            approvers = c["approvers"]
            if len(approvers) < 2 or len(set(approvers)) != len(approvers):
                fail(f"I12: blacklisting of {e['subject']} approved by {approvers}")
        elif action == "supplier.standing.reinstate":
            if c["approved_by"] == c["requested_by"]:
                fail(f"I12: reinstatement of {e['subject']} approved by its requester")
        elif action == "tender.cancel":
            if c["approved_by"] == c["requested_by"] or e["actor"] == c["requested_by"]:
                fail(f"I12: cancellation of {e['subject']} approved by its requester")
        elif action == "award.removal_propose":
            removal_proposers[c["removal_id"]] = e["actor"]
        elif action == "award.removal_approve":
            proposer = removal_proposers.get(c["removal_id"])
            if proposer is None or proposer == e["actor"]:
                fail(f"I12: removal {c['removal_id']} of {e['subject']} approved by {proposer or 'nobody proposed'}")
        elif action == "tender.publish" and c.get("method") == "price_inquiry":
            officers = c.get("officers")
            if officers is not None and len(set(officers)) < 2:
                fail(f"I12: price inquiry {e['subject']} published with officers {officers}")


def check_inquiry_event(e: dict[str, Any], signers: dict[str, set[str]], proposers: dict[str, str],
                        fail: Callable[[str], None]) -> None:
    """I12 for price inquiries: a decision (a failure too) only after two officers signed the
    quote record; an override approved by someone other than its proposer."""
    c, action = e["change"], e["action"]
    if action == "inquiry.sign":
        signers.setdefault(c["tender_id"], set()).add(e["actor"])
    elif action == "inquiry.decide" and len(signers.get(e["subject"], set())) < 2:
        fail(f"I12: inquiry {e['subject']} decided after signatures of {sorted(signers.get(e['subject'], []))}")
    elif action == "inquiry.override_propose":
        proposers[c["override_id"]] = e["actor"]
    elif action == "inquiry.override_approve" and proposers.get(c["override_id"], e["actor"]) == e["actor"]:
        fail(f"I12: override {c['override_id']} of {e['subject']} approved by its proposer or unproposed")
