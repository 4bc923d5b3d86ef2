"""Rules of the fairness machine over the supplier register: register, review, inspect, admit,
reject, warn / clear warning / suspend, reinstatement, blacklisting, appeal, renewal.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from tests.kit import ACTORS, sign_pledges
from tests.properties.fairness_base import MAX_SUPPLIERS, WHO, FairnessBase
from tests.properties.fairness_model import OFFICERS, STAFF, holds
from zhaocai.actors import Role


class SupplierRules(FairnessBase):
    """The supplier register's commands, by actors with and without the role."""


    @precondition(lambda self: len(self.suppliers) < MAX_SUPPLIERS)
    @rule(who=st.sampled_from(["purchasing2", "purchasing", "admin", "nobody", "quality"]),
          short=st.sampled_from([0, 0, 10, 25]), large=st.booleans())
    def register(self, who: str, short: int, large: bool) -> None:
        self.add_supplier(ACTORS[who], short, large)

    @rule(i=st.integers(0, MAX_SUPPLIERS), dept=st.sampled_from(["purchasing", "quality", "technical"]),
          who=st.sampled_from(WHO), passed=st.integers(0, 4))
    def review(self, i: int, dept: str, who: str, passed: int) -> None:
        s, actor = self.supplier(i), ACTORS[who]
        self.attempt("supplier.review", actor.has(Role(dept)) and actor.id != s.registered_by,
                     self.platform.suppliers.review, actor, s.id, dept, passed=passed > 0, comment="审核")

    @rule(i=st.integers(0, MAX_SUPPLIERS), who=st.sampled_from(["purchasing", "quality", "nobody"]),
          co=st.sampled_from(["quality", "purchasing", "technical"]), passed=st.integers(0, 3))
    def inspect(self, i: int, who: str, co: str, passed: int) -> None:
        s, actor = self.supplier(i), ACTORS[who]
        ok, _ = self.attempt("supplier.inspect", holds(actor, STAFF),
                             self.platform.suppliers.record_site_inspection, actor, s.id,
                             report="现场考察报告", passed=passed > 0)
        if ok:  # the co-inspector signs in a command of its own; nobody signs for another
            self.attempt("supplier.inspection.sign", holds(ACTORS[co], STAFF) and who != co,
                         self.platform.suppliers.sign_site_inspection, ACTORS[co], s.id)

    @rule(i=st.integers(0, MAX_SUPPLIERS),
          who=st.sampled_from(["purchasing", "purchasing2", "supervisor", "nobody", "quality"]))
    def admit(self, i: int, who: str) -> None:
        s, actor = self.supplier(i), ACTORS[who]
        ok, _ = self.attempt("supplier.admit", holds(actor, OFFICERS) and actor.id != s.registered_by,
                             self.platform.suppliers.admit, actor, s.id)
        if ok:  # its administrator user signs the supplier's integrity pledge, as to bid it must
            sign_pledges(self.platform, s.actor)

    @rule(i=st.integers(0, MAX_SUPPLIERS), who=st.sampled_from(["quality", "finance"]))
    def reject(self, i: int, who: str) -> None:
        actor = ACTORS[who]
        self.attempt("supplier.reject", holds(actor, STAFF), self.platform.suppliers.reject,
                     actor, self.supplier(i).id, "资质不符")

    @rule(i=st.integers(0, MAX_SUPPLIERS), move=st.sampled_from(["warn", "clear_warning", "suspend"]),
          who=st.sampled_from(["quality", "purchasing", "auditor", "finance", "supplier"]))
    def standing(self, i: int, move: str, who: str) -> None:
        s = self.supplier(i)
        actor = s.actor if who == "supplier" else ACTORS[who]
        self.attempt(f"supplier.{move}", holds(actor, STAFF), getattr(self.platform.suppliers, move),
                     actor, s.id, "履约问题")

    @rule(i=st.integers(0, MAX_SUPPLIERS), asker=st.sampled_from(["quality", "finance"]),
          approver=st.sampled_from(["supervisor", "quality", "nobody"]))
    def reinstate(self, i: int, asker: str, approver: str) -> None:
        s, a, b = self.supplier(i), ACTORS[asker], ACTORS[approver]
        svc = self.platform.suppliers
        self.attempt("supplier.reinstatement.request", holds(a, STAFF), svc.request_reinstatement,
                     a, s.id, "整改完成")
        for request in svc.requests(ACTORS["purchasing"], supplier_id=s.id, state="pending"):
            if request.kind == "reinstatement":
                self.attempt("supplier.reinstatement.approve",
                             holds(b, STAFF) and b.id != request.requested_by,
                             svc.approve_reinstatement, b, request.id)

    @rule(i=st.integers(0, MAX_SUPPLIERS), who=st.sampled_from(["purchasing", "quality", "nobody"]),
          ban_days=st.sampled_from([5, 40]))
    def propose_blacklist(self, i: int, who: str, ban_days: int) -> None:
        actor = ACTORS[who]
        self.attempt("supplier.blacklist.propose", holds(actor, STAFF),
                     self.platform.suppliers.propose_blacklist, actor, self.supplier(i).id, "串标",
                     evidence=["证据"], ban_days=ban_days)

    @rule(i=st.integers(0, MAX_SUPPLIERS),
          who=st.sampled_from(["supervisor", "supervisor2", "technical", "purchasing", "nobody"]))
    def approve_blacklist(self, i: int, who: str) -> None:
        actor, svc = ACTORS[who], self.platform.suppliers
        for request in svc.requests(ACTORS["purchasing"], supplier_id=self.supplier(i).id, state="pending"):
            if request.kind == "blacklist":
                mine = actor.id == request.requested_by or any(
                    a.get("actor_id") == actor.id for a in request.approvals)
                self.attempt("supplier.blacklist.approve", holds(actor, STAFF) and not mine,
                             svc.approve_blacklist, actor, request.id)

    @rule(i=st.integers(0, MAX_SUPPLIERS), j=st.integers(0, MAX_SUPPLIERS),
          decider=st.sampled_from(["supervisor2", "supervisor", "quality"]), upheld=st.booleans())
    def appeal(self, i: int, j: int, decider: str, upheld: bool) -> None:
        s, other = self.supplier(i), self.supplier(j)
        svc = self.platform.suppliers
        self.attempt("supplier.appeal", other.id == s.id, svc.appeal, other.actor, s.id, "申诉理由")
        actor = ACTORS[decider]
        self.attempt("supplier.appeal.decide", holds(actor, {Role.SUPERVISOR}), svc.decide_appeal,
                     actor, s.id, upheld=upheld, reason="裁决")

    @rule(i=st.integers(0, MAX_SUPPLIERS), who=st.sampled_from(["own", "other", "quality", "nobody"]),
          days=st.sampled_from([15, 60]))
    def renew(self, i: int, who: str, days: int) -> None:
        s = self.supplier(i)
        actor = {"own": s.actor, "other": self.supplier(i + 1).actor}.get(who) or ACTORS[who]
        allowed = (actor.supplier_id == s.id) or holds(actor, {Role.PURCHASING, Role.QUALITY})
        self.attempt("supplier.qualification.add", allowed, self.platform.suppliers.add_qualification,
                     actor, s.id, {"type": "quality_management_certificate", "grade": "",
                                   "number": f"R{self.seed}-{days}", "issuer": "认证中心",
                                   "valid_from": self.now(),
                                   "valid_until": self.now() + timedelta(days=days)})
