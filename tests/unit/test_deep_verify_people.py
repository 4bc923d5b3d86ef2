"""Deep verification of the people register: a role, a person, a declaration or a recusal
changed outside a command is found, and a person whose grants were forged does not act.

Each attack is written with raw SQL (Core statements over the tables, no command), as someone
with write access to the database would; deep verification must name the row and the field, and
the register must refuse the forged person (`audit.state_mismatch`) and change nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete, event, insert, select, update

from tests.kit import ACTORS, add_experts, build_tender, register_admitted_supplier, supplier_actor
from tests.kit.chinese import stray_english
from tests.unit.test_deep_verify import found, mismatch, read, tamper
from zhaocai.clock import ManualClock
from zhaocai.event_catalog import validate_event
from zhaocai.people.interests.tables import InterestRow, RecusalRow
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.platform import Platform
from zhaocai.testing.builder import TenderBuilder

PERSON = PersonRow.__table__  # type: ignore[attr-defined]
GRANT = GrantRow.__table__  # type: ignore[attr-defined]
INTEREST = InterestRow.__table__  # type: ignore[attr-defined]
RECUSAL = RecusalRow.__table__  # type: ignore[attr-defined]
ADM, SUP, SUP2 = ACTORS["admin"], ACTORS["supervisor"], ACTORS["supervisor2"]
WANG = ACTORS["purchasing"]


def _grant_of(platform: Platform, person_id: str, value: str) -> str:
    row = read(platform, select(GRANT.c.id).where(GRANT.c.person_id == person_id, GRANT.c.value == value,
                                                  GRANT.c.kind == "role"))
    assert row is not None
    return str(row.id)


def _grant_row(person_id: str, value: str, now: object, grant_id: str = "grant-forged") -> dict[str, object]:
    return {"id": grant_id, "person_id": person_id, "kind": "role", "value": value, "valid_from": now,
            "valid_until": None, "state": "active", "proposed_by": ADM.id, "proposed_at": now,
            "approved_by": SUP.id, "approved_at": now, "reason": ""}


def _all(platform: Platform, query: Any) -> list[Any]:
    with platform.internal.engine.connect() as conn:
        return list(conn.execute(query).all())


def _recused_at_opening(platform: Platform, clock: ManualClock) -> TenderBuilder:
    """A tender opened with two declarations on its first bidder: its drafter and an approver
    are recorded as recused."""
    tender = build_tender(platform, clock, "closed")
    view = platform.suppliers.get(SUP, tender.suppliers[0])
    platform.people.declare_interest(WANG, {"kind": "relative_employer", "relation": "sibling",
                                            "company_name": view.name})
    platform.people.declare_interest(SUP2, {"kind": "shareholding", "credit_code": view.credit_code})
    tender.to("opened")
    return tender


def test_a_clean_register_with_its_whole_history_verifies_deep(platform: Platform, clock: ManualClock) -> None:
    tender = _recused_at_opening(platform, clock)
    supplier = tender.suppliers[0]
    add_experts(platform, ACTORS)  # experts enrolled by the pool, their grants approved
    people = platform.people
    user = people.add_supplier_user(supplier_actor(supplier), supplier, {"id": "u-extra", "name": "新用户"})
    people.remove_supplier_user(ADM, user.id, "离职")
    grant = people.propose_grant(ADM, {"person_id": "p-li", "role": "finance",
                                       "valid_until": clock.now() + timedelta(days=30)})
    people.approve_grant(SUP, grant.id)
    people.propose_revocation(ADM, grant.id, "调岗")
    people.approve_revocation(SUP2, grant.id)
    rejected = people.propose_grant(ADM, {"person_id": "p-li", "role": "auditor"})
    people.reject_grant(SUP, rejected.id, "无需")
    result = platform.audit.verify(deep=True)
    assert result.ok and result.disagreements == (), result.disagreements
    assert all(result.rows_checked[t] >= 1 for t in ("person", "person_grant", "person_interest",
                                                      "person_recusal")), result.rows_checked
    # The links keep more than before (the founding grants, a recusal's id); the events do not.
    for emitted in platform.events.read(after=0, limit=10_000):
        validate_event(emitted.type, emitted.subject_type, emitted.payload)


def test_a_role_self_granted_by_update_is_found_and_not_acted_on(platform: Platform) -> None:
    grant_id = _grant_of(platform, WANG.id, "purchasing")
    tender = {"person_id": "p-li", "role": "finance"}
    tamper(platform, update(GRANT).where(GRANT.c.id == grant_id).values(value="administrator"))
    assert found(platform) == {("person_grant", grant_id, "value")}
    # The forged administrator does not act: the register refuses them and writes nothing.
    error = mismatch(platform, platform.people.propose_grant, WANG.id, tender)
    assert error.details["person_id"] == WANG.id
    assert {(d["table"], d["field"]) for d in error.details["disagreements"]} == {("person_grant", "value")}
    assert "人员" in error.message_zh and not stray_english(error.message_zh), error.message_zh


def test_an_inserted_grant_is_found_and_its_holder_does_not_act(platform: Platform, clock: ManualClock) -> None:
    tamper(platform, insert(GRANT).values(**_grant_row(WANG.id, "supervisor", clock.now())))
    assert found(platform) == {("person_grant", "grant-forged", "(row)")}
    pending = platform.people.propose_grant(ADM, {"person_id": "p-li", "role": "finance"})
    mismatch(platform, platform.people.approve_grant, WANG.id, pending.id)


def test_a_revoked_grant_set_active_again_is_found(platform: Platform) -> None:
    grant_id = _grant_of(platform, "f-sun", "finance")
    platform.people.propose_revocation(ADM, grant_id, "调岗")
    platform.people.approve_revocation(SUP, grant_id)
    tamper(platform, update(GRANT).where(GRANT.c.id == grant_id).values(state="active", revoked_at=None))
    assert found(platform) == {("person_grant", grant_id, "state"), ("person_grant", grant_id, "revoked_at")}


def test_a_grant_restored_to_the_values_it_once_had_refuses_its_holder(platform: Platform) -> None:
    """The runner checks a person against the chain once per set of stored values: a grant put
    back to exactly the values it had when its holder last acted is new input next to the link
    that revoked it, so the holder is refused."""
    grant_id = _grant_of(platform, WANG.id, "purchasing")
    before = read(platform, select(GRANT).where(GRANT.c.id == grant_id))
    assert before is not None
    platform.people.resolve(WANG.id)  # checked and found consistent, with the grant in force
    platform.people.propose_revocation(ADM, grant_id, "调岗")
    platform.people.approve_revocation(SUP, grant_id)
    tamper(platform, update(GRANT).where(GRANT.c.id == grant_id).values(**before._mapping))
    error = mismatch(platform, platform.people.resolve, WANG.id)
    assert {(d["table"], d["field"]) for d in error.details["disagreements"]} >= {("person_grant", "state")}


def test_an_extended_validity_is_found(platform: Platform, clock: ManualClock) -> None:
    grant = platform.people.propose_grant(ADM, {"person_id": "p-li", "role": "finance",
                                                "valid_until": clock.now() + timedelta(days=1)})
    platform.people.approve_grant(SUP, grant.id)
    assert found(platform) == set()
    tamper(platform, update(GRANT).where(GRANT.c.id == grant.id)
           .values(valid_until=clock.now() + timedelta(days=3650)))
    assert found(platform) == {("person_grant", grant.id, "valid_until")}


def test_an_inserted_person_and_a_deleted_one_are_found(platform: Platform, clock: ManualClock) -> None:
    tamper(platform, insert(PERSON).values(id="x-ghost", name="影子", kind="staff", unit="", supplier_admin=False,
                                           active=True, registered_by=ADM.id, registered_at=clock.now()))
    tamper(platform, delete(PERSON).where(PERSON.c.id == "q-zhao"))
    assert found(platform) == {("person", "x-ghost", "(row)"), ("person", "q-zhao", "(row)")}


def test_a_supplier_user_made_administrator_is_found(platform: Platform) -> None:
    supplier = register_admitted_supplier(platform, ACTORS, name="张三建材")
    user = platform.people.add_supplier_user(ADM, supplier, {"id": "u-clerk", "name": "职员"})
    tamper(platform, update(PERSON).where(PERSON.c.id == user.id).values(supplier_admin=True))
    assert found(platform) == {("person", user.id, "supplier_admin")}


def test_a_deleted_declaration_is_found(platform: Platform) -> None:
    view = platform.people.declare_interest(WANG, {"kind": "shareholding", "credit_code": "91330000MA2ABCDE1X"})
    assert found(platform) == set()
    tamper(platform, delete(INTEREST).where(INTEREST.c.id == view.id))
    assert found(platform) == {("person_interest", view.id, "(row)")}


def test_a_deleted_recusal_and_an_edited_one_are_found(platform: Platform, clock: ManualClock) -> None:
    tender = _recused_at_opening(platform, clock)
    assert found(platform) == set()
    rows = _all(platform, select(RECUSAL.c.id).where(RECUSAL.c.tender_id == tender.tender_id)
                .order_by(RECUSAL.c.id))
    first, second = (str(r.id) for r in rows)
    tamper(platform, delete(RECUSAL).where(RECUSAL.c.id == int(first)))
    tamper(platform, update(RECUSAL).where(RECUSAL.c.id == int(second)).values(duty="witness"))
    assert found(platform) == {("person_recusal", first, "(row)"), ("person_recusal", second, "duty")}


def test_a_founders_forged_grant_refuses_the_founder(platform: Platform, clock: ManualClock) -> None:
    """A founder's grants are held to the founding link (recorded on the administrator)."""
    platform.people.resolve(SUP.id)  # the founding supervisor's own grants agree
    tamper(platform, insert(GRANT).values(**_grant_row(SUP.id, "administrator", clock.now())))
    error = mismatch(platform, platform.people.propose_grant, SUP.id, {"person_id": "p-li", "role": "finance"})
    assert {(d["table"], d["row_id"]) for d in error.details["disagreements"]} == {("person_grant",
                                                                                   "grant-forged")}


def test_resolving_a_person_reads_two_statements(platform: Platform) -> None:
    """The person with their grants, and their links: one read more than the register alone,
    however many grants the person holds."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = platform.internal.read_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        platform.people.resolve(WANG.id)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2, statements
