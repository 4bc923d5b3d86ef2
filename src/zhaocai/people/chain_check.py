"""The people register's deep check: people, grants, declared interests and recusals against the
audit chain.

Who may act is read from these rows (`zhaocai.acting`), so each must be what the commands that
wrote it recorded:

- a person was recorded by `person.register`, `person.found` (its two founders),
  `person.supplier_user.add`, the expert pool's first `person.grant.propose` of the person (reason
  `expert pool`), or a supplier import (the user `u-<supplier id>` of a supplier in a recorded batch);
  its kind, unit, supplier, administrator flag and whether it is active are those its links set;
- a grant was proposed by `person.grant.propose` (or created active by `person.found`): its
  person, kind, value, validity and reason are those recorded, its state the `to` of its last
  decision, and who proposed, approved, proposed to revoke and revoked it, and when, are the
  links' actors and moments;
- a declaration is its `person.interest.declare` link, field by field (declarations are never
  changed);
- a recusal is its `person.recuse` link (recorded on the tender), field by field.

A row without its link and a link whose row is gone both disagree. One query per table (and the
one read of the links in `zhaocai.audit.deep`). `person_disagreements` checks one person's row and
grants over that person's links alone: the command runner's fail-closed check of an actor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from zhaocai.actors import SYSTEM
from zhaocai.audit.deep import (
    MISSING,
    ROW,
    Checker,
    Disagreement,
    Findings,
    Link,
    Links,
    Scope,
    links_of_rows,
    subject_link_rows,
)
from zhaocai.errors import ConflictError
from zhaocai.people.interests.tables import InterestRow, RecusalRow
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.suppliers.tables import SupplierRow

_PERSON = PersonRow.__table__  # type: ignore[attr-defined]
_GRANT = GrantRow.__table__  # type: ignore[attr-defined]
_INTEREST = InterestRow.__table__  # type: ignore[attr-defined]
_RECUSAL = RecusalRow.__table__  # type: ignore[attr-defined]
_SUPPLIER = SupplierRow.__table__  # type: ignore[attr-defined]

GRANT_PREFIX = "person.grant."
EXPERT_POOL = "expert pool"
_GRANT_FIELDS = ("kind", "value", "valid_from", "valid_until", "reason")
_INTEREST_FIELDS = ("kind", "relation", "credit_code", "company_name", "person_hash", "ended_at", "note")
_RECUSAL_FIELDS = ("person_id", "duty", "tender_id", "supplier_id", "declaration_id", "reason",
                   "reason_en", "reason_zh")
_DECISIONS = ("approved_by", "approved_at", "revocation_proposed_by", "revocation_proposed_at",
              "revoked_by", "revoked_at")
_FOUNDING_ROLES = (("administrator", "administrator"), ("supervisor", "supervisor"))

Expected = dict[str, tuple[Any, int | None]]


def _created(expected: Expected, link: Link, **values: Any) -> None:
    """A person's row as the link that recorded it set it."""
    expected.update({"kind": (values.pop("kind"), link.seq), "supplier_id": (None, link.seq),
                     "supplier_admin": (False, link.seq), "active": (True, link.seq),
                     "registered_by": (link.actor_id, link.seq), "registered_at": (link.at, link.seq),
                     "removed_by": (None, link.seq), "removed_at": (None, link.seq)})
    expected.update({name: (value, link.seq) for name, value in values.items()})


def expected_people(links: Iterable[Link]) -> dict[str, Expected]:
    """What the chain says each person's row holds (by person id), each value with its link."""
    people: dict[str, Expected] = defaultdict(dict)
    for link in links:
        facts, pid = link.change, link.subject_id
        if link.action == "person.register":
            _created(people[pid], link, kind=facts.get("kind"), name=facts.get("name"),
                     unit=facts.get("unit"))
        elif link.action == "person.found":
            for key, _ in _FOUNDING_ROLES:
                _created(people[str(facts.get(key))], link, kind="staff")
        elif link.action == "person.supplier_user.add":
            own = people[pid]
            if "registered_at" not in own:
                _created(own, link, kind="supplier_user", unit=facts.get("supplier_id"))
                if "name" in facts:
                    own["name"] = (facts["name"], link.seq)
            own["supplier_id"] = (facts.get("supplier_id"), link.seq)
            own["supplier_admin"] = (bool(facts.get("administrator")), link.seq)
        elif link.action == "person.supplier_user.remove":
            people[pid].update({"active": (False, link.seq), "removed_by": (link.actor_id, link.seq),
                                "removed_at": (link.at, link.seq)})
        elif (link.action == "person.grant.propose" and facts.get("reason") == EXPERT_POOL
              and "registered_at" not in people.get(pid, {})):
            # An expert the pool enrolled: recorded with its first expert grant (its name stays
            # out of the chain, as the pool keeps experts' names confidential).
            _created(people[pid], link, kind="expert", unit="专家库")
    return people


def expected_grants(links: Iterable[Link]) -> dict[str, Expected]:
    """What the chain says each grant's row holds (by grant id), each value with its link."""
    grants: dict[str, Expected] = {}
    for link in links:
        facts, seq = link.change, link.seq
        if link.action == "person.found":
            for key, role in _FOUNDING_ROLES:
                grant_id = (facts.get("grants") or {}).get(key)
                if grant_id is None:
                    continue  # founded before the chain kept the founding grants' ids
                grants[grant_id] = {
                    "person_id": (facts.get(key), seq), "kind": ("role", seq), "value": (role, seq),
                    "valid_from": (link.at, seq), "valid_until": (None, seq), "state": ("active", seq),
                    "reason": ("founding", seq), "proposed_by": (link.actor_id, seq),
                    "proposed_at": (link.at, seq), "approved_by": (link.actor_id, seq),
                    "approved_at": (link.at, seq), **{name: (None, seq) for name in _DECISIONS[2:]}}
            continue
        if not link.action.startswith(GRANT_PREFIX) or "grant_id" not in facts:
            continue
        event = link.action[len(GRANT_PREFIX):]
        own = grants.setdefault(str(facts["grant_id"]), {"person_id": (link.subject_id, seq)})
        own.update({name: (facts.get(name), seq) for name in _GRANT_FIELDS if name in facts})
        if event == "propose":
            own.update({"state": ("proposed", seq), "proposed_by": (link.actor_id, seq),
                        "proposed_at": (link.at, seq)})
            own.update({name: (None, seq) for name in _DECISIONS})
        else:
            own["state"] = (facts.get("to"), seq)
        who = {"approve": "approved", "propose_revocation": "revocation_proposed",
               "approve_revocation": "revoked"}.get(event)
        if who is not None:
            own.update({f"{who}_by": (link.actor_id, seq), f"{who}_at": (link.at, seq)})
    return grants


def _founding_grants(links: Iterable[Link], grant_rows: Sequence[Any]) -> dict[str, Expected]:
    """The founding grants of a register founded before the chain kept their ids: each founder's
    row of its founding role (proposed by the system, for the reason `founding`)."""
    found: dict[str, Expected] = {}
    for link in links:
        if link.action != "person.found" or "grants" in link.change:
            continue
        for key, role in _FOUNDING_ROLES:
            for row in grant_rows:
                if (row.person_id == link.change.get(key) and row.value == role and row.reason == "founding"
                        and row.proposed_by == link.actor_id):
                    found[row.id] = {"person_id": (row.person_id, link.seq), "kind": ("role", link.seq),
                                     "value": (role, link.seq), "proposed_by": (link.actor_id, link.seq),
                                     "proposed_at": (link.at, link.seq)}
    return found


def compare_rows(table: str, rows: Sequence[Any], expected: dict[str, Expected], found: Findings,
                 accepted: Iterable[str] = ()) -> None:
    """Each row against what the chain says it holds; a row the chain never recorded (and not
    `accepted` otherwise) and a recorded row that is gone both disagree."""
    seen, exempt = set(), set(accepted)
    for row in rows:
        row_id = str(row.id)
        seen.add(row_id)
        own = expected.get(row_id)
        if own is None:
            if row_id not in exempt:
                found.disagree(table, row_id, ROW, "present", MISSING)
            continue
        for name, (value, seq) in own.items():
            found.compare(table, row_id, name, getattr(row, name), value, seq)
    for row_id, own in expected.items():
        if row_id not in seen:
            seq = max((s for _, s in own.values() if s is not None), default=None)
            found.disagree(table, row_id, ROW, MISSING, "present", seq)


def person_disagreements(person: Any, grant_rows: Sequence[Any], links: Sequence[Link]) -> Findings:
    """One person's row and grants against that person's links (and the register's founding
    link, for a founder): what the command runner checks before it lets the person act."""
    found = Findings()
    expected = expected_people(links)
    mine = {person.id: expected[person.id]} if person.id in expected else {}
    imported = person.kind == "supplier_user" and not mine
    # A user of an imported supplier has no link of its own (its batch's link records it); the
    # full check reads the batch, here its grants alone matter (it holds none).
    compare_rows("person", [person], mine, found, accepted=[person.id] if imported else [])
    grants = {gid: own for gid, own in expected_grants(links).items() if own["person_id"][0] == person.id}
    grants.update({gid: own for gid, own in _founding_grants(links, grant_rows).items()
                   if own["person_id"][0] == person.id})
    compare_rows("person_grant", grant_rows, grants, found)
    return found


# The founding link is recorded on the founding administrator: a founder's check reads it too.
_FOUNDER = ("subject_id = :person_id OR subject_id IN (SELECT person_id FROM person_grant "
            "WHERE proposed_by = :system AND kind = 'role' AND value = 'administrator' "
            "AND reason = 'founding')")


def require_person_consistent(conn: Connection, person: Any, grant_rows: Sequence[Any]) -> None:
    """Refuse (`audit.state_mismatch`) to let a person act whose row or grants disagree with the
    chain: one indexed read of the person's links (and of the founding link, for a founder)."""
    founder = person.registered_by == SYSTEM.id or any(g.proposed_by == SYSTEM.id for g in grant_rows)
    where = _FOUNDER if founder else "subject_id = :person_id"
    links = subject_link_rows(conn, "person", where, {"person_id": person.id, "system": SYSTEM.id})
    # The verdict is a pure function of the values read: the same values (their types included,
    # hence `repr`) need checking once per process. A row or link changed in any way is new input.
    key = repr((tuple(person), [tuple(g) for g in grant_rows], links))
    problems = _VERDICTS.get(key)
    if problems is None:
        problems = _person_verdict(person, grant_rows, links)
        if len(_VERDICTS) >= _VERDICTS_KEPT:
            _VERDICTS.clear()
        _VERDICTS[key] = problems
    if problems:
        raise person_mismatch(person.id, problems)


_VERDICTS: dict[str, tuple[Disagreement, ...]] = {}
_VERDICTS_KEPT = 4096


def _person_verdict(person: Any, grant_rows: Sequence[Any],
                    link_rows: Sequence[Sequence[Any]]) -> tuple[Disagreement, ...]:
    """What disagrees between a person's stored rows and its stored links."""
    links, broken = links_of_rows(link_rows)
    found = person_disagreements(person, grant_rows, links)
    if broken:
        found.disagree("audit_event", person.id, "change", f"{broken} link(s)",
                       "digest and hash of each link")
    return tuple(found.disagreements)


def person_mismatch(person_id: str, problems: Sequence[Disagreement]) -> ConflictError:
    """`audit.state_mismatch` for a person: what disagrees, in English and in Chinese."""
    listed = "; ".join(f"{p.table} {p.row_id} {p.field}: row {p.row}, chain {p.chain}" for p in problems[:10])
    return ConflictError(
        "audit.state_mismatch",
        f"Person {person_id}: {len(problems)} stored value(s) of the people register disagree with "
        f"the audit chain (changed outside a command); refused: {listed}",
        f"人员 {person_id} 的名册或授权有 {len(problems)} 处存储数据与审计链记录不符，"
        "疑似在系统命令之外被改动，已拒绝其操作",
        {"person_id": person_id, "disagreements": [p.to_dict() for p in problems]})


def check_people(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Every person, grant, declaration and recusal against the links that recorded it."""
    if not scope.whole:
        return  # no stage of a tender depends on the register's rows through this check
    people_links = [link for own in links.subjects("person").values() for link in own]
    people_links.sort(key=lambda link: link.seq)
    people = conn.execute(select(_PERSON, _SUPPLIER.c.import_batch.label("supplier_batch"))
                          .select_from(_PERSON.outerjoin(_SUPPLIER, _SUPPLIER.c.id == _PERSON.c.supplier_id))
                          ).all()
    found.checked("person", len(people))
    expected = expected_people(people_links)
    # The users a supplier import enrolled (`u-<supplier id>`, its administrator) carry no link of
    # their own: their supplier's batch was recorded (the suppliers' check holds each batch to its
    # link and its digest of ids).
    imported = [p.id for p in people if p.id not in expected and p.supplier_batch is not None
                and p.id == f"u-{p.supplier_id}"[:64] and p.kind == "supplier_user" and p.supplier_admin
                and p.active]
    compare_rows("person", people, expected, found, accepted=imported)
    grant_rows = conn.execute(select(_GRANT)).all()
    found.checked("person_grant", len(grant_rows))
    grants = expected_grants(people_links)
    grants.update(_founding_grants(people_links, grant_rows))
    compare_rows("person_grant", grant_rows, grants, found)
    _check_interests(conn, people_links, found)
    _check_recusals(conn, links, found)


def _check_interests(conn: Connection, people_links: Sequence[Link], found: Findings) -> None:
    rows = conn.execute(select(_INTEREST)).all()
    found.checked("person_interest", len(rows))
    expected: dict[str, Expected] = {}
    for link in people_links:
        if link.action == "person.interest.declare":
            own: Expected = {"person_id": (link.subject_id, link.seq), "declared_at": (link.at, link.seq)}
            own.update({name: (link.change.get(name), link.seq) for name in _INTEREST_FIELDS})
            expected[str(link.change.get("declaration_id"))] = own
    compare_rows("person_interest", rows, expected, found)


def _check_recusals(conn: Connection, links: Links, found: Findings) -> None:
    rows = conn.execute(select(_RECUSAL).order_by(_RECUSAL.c.id)).all()
    found.checked("person_recusal", len(rows))
    expected: dict[str, Expected] = {}
    unnamed: list[Link] = []
    for link in links.with_action("person.recuse"):
        if "recusal_id" not in link.change:
            unnamed.append(link)  # recorded before the chain kept the row's id: matched by content
            continue
        own: Expected = {"recorded_by": (link.actor_id, link.seq), "recorded_at": (link.at, link.seq)}
        own.update({name: (link.change.get(name), link.seq) for name in _RECUSAL_FIELDS})
        expected[str(link.change["recusal_id"])] = own
    free = [row for row in rows if str(row.id) not in expected]
    for link in unnamed:
        match = next((row for row in free if all(getattr(row, name) == link.change.get(name)
                                                  for name in _RECUSAL_FIELDS)), None)
        if match is not None:
            free.remove(match)
            expected[str(match.id)] = {"recorded_by": (link.actor_id, link.seq),
                                       "recorded_at": (link.at, link.seq)}
        else:
            found.disagree("person_recusal", f"{link.subject_id}@{link.seq}", ROW, MISSING, "present",
                           link.seq)
    compare_rows("person_recusal", rows, expected, found)


PEOPLE = Checker("people", {
    "person": "SELECT person_id FROM person_recusal WHERE tender_id = :tender_id",
    "tender": None,
}, check_people, ("person", "person_grant", "person_interest", "person_recusal"))
