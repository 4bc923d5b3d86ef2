"""Rules and invariants i60–i63 of the fairness machine: four supplier-side rules nobody bends alone.

- i60: no staff command is accepted from a supplier's user, even one that also holds staff roles;
- i61: no warning, suspension or blacklisting of a supplier with a live bid takes effect without
  the approval of a supervisor other than the requester (judged from the audit trail alone:
  tender states, invitees and bids replayed in order);
- i62: no unverified qualification makes a supplier eligible (the raw-row oracle counts only
  qualifications entered with the application or verified);
- i63: no applicant sharing a legal representative, bank account, phone or address with a
  blacklisted supplier is admitted without a supervisor's decision to admit that saw the match
  (the blacklist replayed from the trail, the shared facts read from the raw link rows).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule
from sqlalchemy import text

from tests.kit import ACTORS, application, make_identity_number, qualifications_for, supplier_actor
from tests.properties.fairness_base import MAX_SUPPLIERS, FairnessBase
from tests.properties.fairness_model import (
    CATEGORY,
    REQUIRED,
    STAFF,
    SupplierModel,
    audit_rows,
    eligible,
    holds,
    moment,
)
from zhaocai.actors import Actor, Role
from zhaocai.suppliers.rules import Department

SUPPLIER_ACTIONS = frozenset({
    "bid.submit", "bid.replace", "bid.confirm", "bid.withdraw", "evaluation.objection", "single_source.objection",
    "contract.sign", "tender.contract", "supplier.qualification.add", "supplier.reapply", "supplier.appeal",
    "supplier.standing.exit", "supplier.register", "person.pledge.sign"})
"""What a supplier's user may do: everything else is a staff command. (`tender.contract`: the
signature that completes a tender's last contract moves the tender, in the signer's name;
`person.pledge.sign`: its administrator user signs the supplier's integrity pledge.)"""
LIVE = {"published", "closed", "opened", "evaluating", "publicising", "awarded"}
ELIMINATING = ("supplier.standing.warn", "supplier.standing.suspend", "supplier.standing.blacklist")
SHARED = {"bank_account", "phone", "address"}
STAFF_ROLES = {"quality": Role.QUALITY, "purchasing": Role.PURCHASING, "supervisor": Role.SUPERVISOR}


def staff_supplier(supplier_id: str, role: str) -> Actor:
    """A supplier's user that was given a staff role too."""
    return Actor(id=f"u2-{supplier_id}"[:64], name="供应商兼职员工",
                 roles=frozenset({Role.SUPPLIER, STAFF_ROLES[role]}), supplier_id=supplier_id)


def is_supervisor(actor_id: str) -> bool:
    """Whether the person with this id is a supervisor (the machine's people are fixed)."""
    return any(a.id == actor_id and Role.SUPERVISOR in a.roles for a in ACTORS.values())


class StandingGuardRules(FairnessBase):
    """Supplier users with staff roles, bidders in flight, self-renewals, blacklist look-alikes."""

    @rule(i=st.integers(0, MAX_SUPPLIERS), j=st.integers(0, MAX_SUPPLIERS),
          role=st.sampled_from(sorted(STAFF_ROLES)),
          command=st.sampled_from(["review", "warn", "suspend", "blacklist", "approve", "verify",
                                   "screening", "draft", "experts"]))
    def supplier_acting_as_staff(self, i: int, j: int, role: str, command: str) -> None:
        own, rival = self.supplier(i), self.supplier(j)
        actor, s = staff_supplier(own.id, role), self.platform.suppliers
        held = [r.id for r in s.requests(ACTORS["purchasing"], supplier_id=rival.id, state="pending") if r.kind in ("warn", "suspend")]
        pending = [q.id for q in s.get(ACTORS["purchasing"], own.id).qualifications if q.status == "pending"]
        if (command == "approve" and not held) or (command == "verify" and not pending):
            return
        calls: dict[str, Callable[[], Any]] = {
            "review": lambda: s.review(actor, own.id, "quality", passed=True, comment="自审"),
            "warn": lambda: s.warn(actor, rival.id, "对手"),
            "suspend": lambda: s.suspend(actor, rival.id, "对手"),
            "blacklist": lambda: s.propose_blacklist(actor, rival.id, "对手", evidence=["证据"]),
            "approve": lambda: s.approve_standing_change(actor, held[0], "同意"),
            "verify": lambda: s.verify_qualification(actor, pending[0]),
            "screening": lambda: s.decide_screening(actor, own.id, admit=True, reason="自己放行"),
            "draft": lambda: self.platform.tenders.create_draft(actor, {"title": "x"}),
            "experts": lambda: self.evaluation.experts(actor) if self.evaluation else None,
        }
        self.attempt(f"staff command by a supplier user: {command}", False, calls[command], inv="i60")

    @rule(i=st.integers(0, MAX_SUPPLIERS), move=st.sampled_from(["warn", "suspend", "blacklist"]),
          who=st.sampled_from(["quality", "purchasing", "supervisor"]),
          approver=st.sampled_from(["supervisor", "supervisor2", "purchasing", "same"]),
          reject=st.booleans())
    def eliminate_a_bidder(self, i: int, move: str, who: str, approver: str, reject: bool) -> None:
        """Warn, suspend or propose to blacklist a supplier (maybe a bidder in flight), then have
        someone approve (or reject) what is pending for it."""
        s, actor = self.platform.suppliers, ACTORS[who]
        in_flight = self.raw_ids("SELECT DISTINCT b.supplier_id FROM bid b JOIN tender t ON t.id = b.tender_id "
                                 "WHERE t.state IN ('published', 'closed', 'opened', 'evaluating', 'publicising', "
                                 "'awarded') ORDER BY b.supplier_id")
        sup = next((m for m in self.suppliers if in_flight and m.id == in_flight[i % len(in_flight)]),
                   self.supplier(i))
        if move == "blacklist":
            self.attempt("supplier.blacklist.propose", True, s.propose_blacklist, actor, sup.id,
                         "围标", evidence=["证据"], ban_days=20, inv="i61")
        else:
            self.attempt(f"supplier.{move}", True, getattr(s, move), actor, sup.id, "评标期间处理", inv="i61")
        for request in s.requests(ACTORS["purchasing"], supplier_id=sup.id, state="pending"):
            judge = actor if approver == "same" else ACTORS[approver]
            mine = judge.id == request.requested_by or any(a["actor_id"] == judge.id for a in request.approvals)
            if request.kind in ("warn", "suspend"):
                allowed = Role.SUPERVISOR in judge.roles and not mine
                if reject:
                    self.attempt("supplier.standing_request.reject", allowed, s.reject_standing_change,
                                 judge, request.id, "证据不足", inv="i61")
                else:
                    self.attempt("supplier.standing_request.approve", allowed, s.approve_standing_change,
                                 judge, request.id, "核实属实", inv="i61")
            elif request.kind == "blacklist":
                self.attempt("supplier.blacklist.approve", holds(judge, STAFF) and not mine,
                             s.approve_blacklist, judge, request.id, inv="i61")

    @rule(i=st.integers(0, MAX_SUPPLIERS), expired=st.booleans(),
          verifier=st.sampled_from(["quality", "technical", "own", "staff_supplier", "nobody", None]),
          reject=st.booleans())
    def self_renewal(self, i: int, expired: bool, verifier: str | None, reject: bool) -> None:
        """A supplier renews its own certificate (maybe one already expired); someone may verify
        or reject it. Unverified, it must not count (i62)."""
        s = self.platform.suppliers
        lapsed = [m for m in self.suppliers if not eligible(self.engine, m.id, self.now(), Decimal(1))]
        sup = lapsed[i % len(lapsed)] if lapsed else self.supplier(i)  # where a renewal matters
        start = self.now() - timedelta(days=400 if expired else 1)
        ok, view = self.attempt("supplier.qualification.add", True, s.add_qualification, sup.actor, sup.id, {
            "type": "quality_management_certificate", "grade": "", "number": f"SR{self.seed}-{i}",
            "issuer": "认证中心", "valid_from": start,
            "valid_until": start + timedelta(days=30 if expired else 300)})
        if not ok or verifier is None:
            return
        qid = view.qualifications[-1].id
        judge = {"own": sup.actor, "staff_supplier": staff_supplier(sup.id, "quality")}.get(verifier) \
            or ACTORS[verifier]
        allowed = holds(judge, {Role.QUALITY, Role.TECHNICAL, Role.PURCHASING})
        if reject:
            self.attempt("supplier.qualification.reject", allowed, s.reject_qualification, judge, qid,
                         "证书不实", inv="i62")
        else:
            self.attempt("supplier.qualification.verify", allowed, s.verify_qualification, judge, qid,
                         inv="i62")

    @precondition(lambda self: len(self.suppliers) < MAX_SUPPLIERS)
    @rule(i=st.integers(0, MAX_SUPPLIERS), shared=st.sampled_from(["legal_representative", *sorted(SHARED)]),
          decider=st.sampled_from(["supervisor", "supervisor2", "purchasing", None]), admit=st.booleans(),
          admitter=st.sampled_from(["purchasing", "supervisor"]), ban_first=st.booleans())
    def look_alike_applicant(self, i: int, shared: str, decider: str | None, admit: bool,
                             admitter: str, ban_first: bool) -> None:
        """A new company copying one fact of a supplier (blacklisted or not), with spaces and
        full-width digits; reviewed by all three departments; maybe a supervisor's decision; then
        an attempt to admit it (i63 judges the outcome from the trail)."""
        banned = self.raw_ids("SELECT id FROM supplier WHERE standing = 'blacklisted' ORDER BY id")
        s = self.platform.suppliers
        if not banned and ban_first:  # clear out the company to be copied first
            ok, request = self.attempt("supplier.blacklist.propose", True, s.propose_blacklist,
                                       ACTORS["quality"], self.supplier(i).id, "串标", evidence=["证据"], ban_days=90)
            if ok:
                self.attempt("supplier.blacklist.approve", True, s.approve_blacklist, ACTORS["supervisor"],
                             request.id)
            banned = self.raw_ids("SELECT id FROM supplier WHERE standing = 'blacklisted' ORDER BY id")
        model = next((m for m in self.suppliers if banned and m.id == banned[i % len(banned)]),
                     self.supplier(i))
        with self.engine.connect() as conn:
            row = conn.execute(text(
                "SELECT legal_representative, address, bank_account, contacts FROM supplier WHERE id = :id"),
                {"id": model.id}).first()
        self.seed += 1
        overrides: dict[str, Any] = {}
        wide = {ord(c): ord(c) + 0xFEE0 for c in "0123456789"}
        if shared == "address":
            overrides["address"] = " ".join(row[1]).translate(wide)
        elif shared == "bank_account":
            overrides["bank_account"] = " " + row[2].translate(wide)
        elif shared == "phone":
            phone = json.loads(row[3])[0]["phone"]
            overrides["contacts"] = [{"name": "新联系人", "phone": phone.translate(wide)}]
        else:
            seed = int(row[0].removeprefix("法人")) if row[0].startswith("法人") else 0
            overrides["legal_representative_id"] = make_identity_number(seed)
        app = application(f"义乌新壳{self.seed}号", seed=self.seed,
                          qualifications=qualifications_for([CATEGORY], seed=self.seed), **overrides)
        ok = self.add_application(app)
        if not ok:
            return
        new = self.suppliers[-1]
        for key, dept in (("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
                          ("technical", Department.TECHNICAL)):
            self.attempt("supplier.review", True, s.review, ACTORS[key], new.id, dept, passed=True, comment="符合")
        if decider is not None:
            self.attempt("supplier.screening.decide", decider != "purchasing", s.decide_screening,
                         ACTORS[decider], new.id, admit=admit, reason="筛查决定", inv="i63")
        self.attempt("supplier.admit", True, s.admit, ACTORS[admitter], new.id, inv="i63")

    def raw_ids(self, sql: str) -> list[str]:
        """The first column of a raw query."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(text(sql))]

    def add_application(self, app: dict[str, Any]) -> bool:
        who = ACTORS["purchasing2"]
        ok, view = self.attempt("supplier.register", True, self.platform.suppliers.register, who, app)
        if ok:
            self.suppliers.append(SupplierModel(view.id, supplier_actor(view.id), who.id))
        return ok

    # --- invariants ------------------------------------------------------------------------------

    @invariant()
    def i60_no_staff_command_by_a_supplier_user(self) -> None:
        self.raise_flagged("i60")
        if self.unchanged_since_checked("i60"):
            return
        for e in audit_rows(self.engine):
            if e["actor"].startswith(("u-", "u2-")) and e["action"] not in SUPPLIER_ACTIONS:
                raise AssertionError(f"I60: {e['actor']} ran the staff command {e['action']}")

    @invariant()
    def i61_no_live_bidder_eliminated_by_one_officer(self) -> None:
        self.raise_flagged("i61")
        if self.unchanged_since_checked("i61"):
            return
        state: dict[str, str] = {}
        invited: dict[str, set[str]] = {}
        bidders: dict[str, set[str]] = {}
        for e in audit_rows(self.engine):
            c, action = e["change"], e["action"]
            if e["type"] == "tender":
                if action in ("tender.draft", "tender.draft_update"):
                    invited[e["subject"]] = set(c["draft"].get("invitees") or ())
                    state.setdefault(e["subject"], "draft")
                if "from" in c and "to" in c:
                    state[e["subject"]] = c["to"]
            elif e["type"] == "bid" and "supplier_id" in c:
                bidders.setdefault(c["tender_id"], set()).add(c["supplier_id"])
            elif action in ELIMINATING:
                live = [t for t, st_ in state.items() if st_ in LIVE
                        and e["subject"] in bidders.get(t, set()) | invited.get(t, set())]
                if not live:
                    continue
                approvers = [c.get("approved_by")] if action != "supplier.standing.blacklist" \
                    else list(c.get("approvers", ()))
                requester = c.get("requested_by")
                if not any(a and is_supervisor(a) and a != requester for a in approvers) or requester is None:
                    raise AssertionError(f"I61: {action} of {e['subject']} with live bids {live} "
                                         f"by {e['actor']}, approvers {approvers}, requester {requester}")

    @invariant()
    def i62_no_unverified_qualification_makes_a_supplier_eligible(self) -> None:
        """Judged from the trail and the raw rows: a qualification counts when it came with the
        registration or a staff member other than who added it verified it."""
        self.raise_flagged("i62")
        if self.unchanged_since_checked("i62"):
            return
        registered: set[tuple[str, str, str]] = set()
        verified: set[int] = set()
        for e in audit_rows(self.engine):
            c = e["change"]
            if e["action"] == "supplier.register":
                registered |= {(e["subject"], q["type"], q["number"]) for q in c["qualifications"]}
            elif e["action"] == "supplier.qualification.verify" and e["actor"] != c["added_by"] \
                    and not e["actor"].startswith(("u-", "u2-")):
                verified.add(int(c["qualification_id"]))
        at = self.now()
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, supplier_id, type, number, valid_from, valid_until "
                                     "FROM supplier_qualification")).all()
        valid: dict[str, set[str]] = {}
        for qid, supplier_id, kind, number, start, end in rows:
            if ((supplier_id, kind, number) in registered or qid in verified) \
                    and moment(start) <= at < moment(end):
                valid.setdefault(supplier_id, set()).add(kind)
        for sup in self.suppliers:
            if self.platform.suppliers.eligibility(sup.id, CATEGORY, 1).eligible:
                missing = set(REQUIRED) - valid.get(sup.id, set())
                assert not missing and eligible(self.engine, sup.id, at, amount=Decimal(1)), \
                    f"I62: {sup.id} is eligible without a registered or verified {sorted(missing)}"

    @invariant()
    def i63_no_blacklist_look_alike_admitted_without_a_supervisor(self) -> None:
        self.raise_flagged("i63")
        if self.unchanged_since_checked("i63"):
            return
        with self.engine.connect() as conn:
            links = conn.execute(text("SELECT supplier_id, kind, value, label FROM supplier_link")).all()
        facts: dict[str, set[tuple[str, str]]] = {}
        for supplier_id, kind, value, label in links:
            if kind in SHARED:
                facts.setdefault(supplier_id, set()).add((kind, value))
            elif kind == "person" and label.startswith("legal_representative:"):
                facts.setdefault(supplier_id, set()).add(("legal_representative", value))
        blacklisted: set[str] = set()
        decisions: dict[str, dict[str, Any]] = {}
        reviewers: dict[str, set[str]] = {}
        for e in audit_rows(self.engine):
            c, action, subject = e["change"], e["action"], e["subject"]
            if action.startswith("supplier.standing."):
                (blacklisted.add if c["to"] == "blacklisted" else blacklisted.discard)(subject)
            elif action == "supplier.review":
                reviewers.setdefault(subject, set()).add(e["actor"])
            elif action == "supplier.screening.decide":
                decisions[subject] = {"actor": e["actor"], "decision": c["decision"],
                                      "seen": {(m["blacklisted_id"], m["attribute"]) for m in c["matches_seen"]}}
            elif action == "supplier.reapply":
                decisions.pop(subject, None)
                reviewers.pop(subject, None)
            elif action == "supplier.admit":
                mine = facts.get(subject, set())
                matches = {(b, kind) for b in blacklisted if b != subject
                           for kind, value in facts.get(b, set()) if (kind, value) in mine}
                if not matches:
                    continue
                d = decisions.get(subject)
                registrant = next((s.registered_by for s in self.suppliers if s.id == subject), None)
                assert d is not None and d["decision"] == "admit" and is_supervisor(d["actor"]) \
                    and matches <= d["seen"] and d["actor"] not in reviewers.get(subject, set()) \
                    and d["actor"] != registrant, \
                    f"I63: {subject} admitted though it shares {sorted(matches)} with blacklisted suppliers; decision {d}"
