"""The people register: who may act is the platform's record, not the caller's word.

Every refusal asserts its code and that the store is unchanged, on both databases.
"""

from __future__ import annotations

import json
from datetime import timedelta

from tests.kit import ACTORS, add_pool, application, refused, register_admitted_supplier, supplier_actor
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, InvalidTransition, PermissionDenied, ValidationError
from zhaocai.platform import Platform

A = dict[str, Actor]
ADM, SUP, SUP2 = ACTORS["admin"], ACTORS["supervisor"], ACTORS["supervisor2"]


def _app(seed: int) -> dict[str, object]:
    return application(f"名册测试{seed}号有限公司", seed=seed)


def _new_buyer(platform: Platform, person_id: str, role: Role, **period: object) -> Actor:
    """Record a member of staff and grant `role` (proposed by the administrator, approved by the
    supervisor); the claim the caller would make for it."""
    platform.people.register(ADM, {"id": person_id, "name": f"临时{person_id}", "unit": "采购部"})
    grant = platform.people.propose_grant(ADM, {"person_id": person_id, "role": role, **period})
    platform.people.approve_grant(SUP, grant.id)
    return Actor(id=person_id, name="whatever the caller says", roles=frozenset({role}))


def test_an_unknown_id_is_refused_and_changes_nothing(platform: Platform) -> None:
    error = refused(platform, PermissionDenied, "person.unknown", platform.suppliers.register,
                    "ghost-person", _app(1))
    assert error.details == {"person_id": "ghost-person"} and "未在人员名册中登记" in error.message_zh
    made_up = Actor(id="ghost-person", name="幽灵", roles=frozenset({Role.PURCHASING}))
    refused(platform, PermissionDenied, "person.unknown", platform.suppliers.register, made_up, _app(1))


def test_a_claimed_role_that_is_not_granted_is_refused(platform: Platform, actors: A) -> None:
    claim = Actor(id=actors["quality"].id, name="赵质量", roles=frozenset({Role.PURCHASING}))
    error = refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.register,
                    claim, _app(2))
    assert error.details["role"] == "purchasing" and error.details["reason"] == "not_granted"
    assert "未经名册授权" in error.message_zh


def test_a_bare_id_acts_with_its_granted_roles_and_the_registers_name(platform: Platform) -> None:
    view = platform.suppliers.register("p-li", _app(3))
    event = next(e for e in platform.audit.events("supplier", view.id) if e.action == "supplier.register")
    assert event.actor_id == "p-li"
    assert platform.people.resolve("p-li") == ACTORS["purchasing2"]
    renamed = Actor(id="p-li", name="冒名顶替", organisation="别处", roles=frozenset({Role.PURCHASING}))
    assert platform.people.resolve(renamed).name == "李采购"  # the name is the register's


def test_an_expired_grant_no_longer_counts(platform: Platform, clock: ManualClock) -> None:
    temp = _new_buyer(platform, "p-temp", Role.PURCHASING, valid_until=clock.now() + timedelta(hours=1))
    platform.suppliers.register(temp, _app(4))
    clock.advance(hours=2)
    error = refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.register,
                    temp, _app(5))
    assert error.details["reason"] == "expired" and "授权已过期" in error.message_zh
    # The bare id resolves to no role at all now: the command's own role check refuses it.
    refused(platform, PermissionDenied, "permission.role", platform.suppliers.register, "p-temp", _app(5))


def test_a_grant_not_yet_valid_does_not_count(platform: Platform, clock: ManualClock) -> None:
    temp = _new_buyer(platform, "p-later", Role.PURCHASING, valid_from=clock.now() + timedelta(days=1))
    error = refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.register,
                    temp, _app(6))
    assert error.details["reason"] == "not_yet_valid"
    clock.advance(days=1, minutes=1)
    assert platform.suppliers.register(temp, _app(6)).admission == "applied"


def test_a_grant_counts_only_once_approved_by_another_supervisor(platform: Platform) -> None:
    people = platform.people
    people.register(ADM, {"id": "p-new", "name": "新采购"})
    grant = people.propose_grant(ADM, {"person_id": "p-new", "role": "purchasing"})
    claim = Actor(id="p-new", name="新采购", roles=frozenset({Role.PURCHASING}))
    error = refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.register,
                    claim, _app(7))
    assert error.details["reason"] == "proposed"
    # Approved by a non-supervisor: the administrator, a purchasing officer.
    refused(platform, PermissionDenied, "permission.role", people.approve_grant, ADM, grant.id)
    refused(platform, PermissionDenied, "permission.role", people.approve_grant, ACTORS["purchasing"], grant.id)
    # A supervisor claimed by someone who is not one.
    fake = Actor(id="p-wang", name="王采购", roles=frozenset({Role.SUPERVISOR}))
    refused(platform, PermissionDenied, "person.role_not_granted", people.approve_grant, fake, grant.id)
    assert people.approve_grant(SUP, grant.id).state == "active"
    assert platform.suppliers.register(claim, _app(7)).admission == "applied"


def test_nobody_approves_a_grant_they_proposed_or_receive(platform: Platform) -> None:
    people = platform.people
    # 吴纪检 becomes an administrator too (proposed by adm, approved by 周纪检).
    second = people.propose_grant(ADM, {"person_id": SUP2.id, "role": "administrator"})
    people.approve_grant(SUP, second.id)
    both = Actor(id=SUP2.id, name=SUP2.name, roles=frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR}))
    own_proposal = people.propose_grant(both, {"person_id": "p-li", "role": "finance"})
    refused(platform, PermissionDenied, "permission.self_approval", people.approve_grant, both, own_proposal.id)
    for_himself = people.propose_grant(ADM, {"person_id": SUP2.id, "role": "auditor"})
    refused(platform, PermissionDenied, "person.grant.own", people.approve_grant, SUP2, for_himself.id)
    refused(platform, InvalidTransition, "person.grant.transition", people.approve_grants, SUP,
            [own_proposal.id, second.id])  # one refusal refuses the whole batch
    assert people.approve_grant(SUP, own_proposal.id).approved_by == SUP.id


def test_a_revoked_grant_no_longer_counts(platform: Platform) -> None:
    people = platform.people
    grant = next(g for g in people.grants(ADM, person_id="p-li") if g.kind == "role" and g.value == "purchasing")
    proposed = people.propose_revocation(ADM, grant.id, "调岗")
    assert proposed.state == "revocation_proposed"
    platform.suppliers.register(ACTORS["purchasing2"], _app(8))  # counts until approved
    refused(platform, PermissionDenied, "permission.role", people.approve_revocation, ADM, grant.id)
    assert people.approve_revocation(SUP, grant.id).state == "revoked"
    error = refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.register,
                    ACTORS["purchasing2"], _app(9))
    assert error.details["reason"] == "revoked"
    # A supervisor who proposes a revocation does not approve it.
    other = next(g for g in people.grants(ADM, person_id="p-wang") if g.kind == "role" and g.value == "purchasing")
    people.propose_revocation(SUP, other.id, "离职")
    refused(platform, PermissionDenied, "permission.self_approval", people.approve_revocation, SUP, other.id)


def test_bad_grants_are_refused(platform: Platform, clock: ManualClock) -> None:
    people = platform.people
    refused(platform, ValidationError, "person.grant.period", people.propose_grant, ADM,
            {"person_id": "p-li", "role": "finance", "valid_from": clock.now(),
             "valid_until": clock.now() - timedelta(days=1)})
    refused(platform, ValidationError, "person.grant.not_grantable", people.propose_grant, ADM,
            {"person_id": "p-li", "role": "supplier"})
    refused(platform, PermissionDenied, "permission.role", people.propose_grant, ACTORS["purchasing"],
            {"person_id": "p-li", "role": "finance"})
    refused(platform, ConflictError, "person.duplicate", people.register, ADM, {"id": "p-li", "name": "又一个"})


def test_founding_is_for_an_empty_register_only(platform: Platform) -> None:
    refused(platform, ConflictError, "person.already_founded", platform.people.found,
            administrator={"id": "adm2", "name": "新管理员"}, supervisor={"id": "sup2", "name": "新纪检"})
    events = [e for e in platform.audit.events() if e.action == "person.found"]
    change = json.loads(events[0].change)
    assert len(events) == 1 and change["administrator"] == "adm" and change["supervisor"] == "s-zhou"
    # The founding grants' ids, so that deep verification holds their rows to the chain.
    assert set(change["grants"]) == {"administrator", "supervisor"}


def test_founding_needs_two_different_people(db_url: str, clock: ManualClock) -> None:
    with Platform.open(db_url, clock=clock) as platform:
        refused(platform, ValidationError, "person.founders_distinct", platform.people.found,
                administrator={"id": "adm", "name": "一人"}, supervisor={"id": "adm", "name": "一人"})
        founders = platform.people.found(administrator={"id": "adm", "name": "管理员"},
                                         supervisor={"id": "s-zhou", "name": "纪检"})
        assert [p.id for p in founders] == ["adm", "s-zhou"]
        assert platform.people.resolve("adm").roles == {Role.ADMINISTRATOR}


def test_a_supplier_user_acts_only_for_its_own_supplier(platform: Platform, actors: A) -> None:
    mine = register_admitted_supplier(platform, actors, name="自家建材有限公司")
    theirs = register_admitted_supplier(platform, actors, name="别家建材有限公司")
    user = supplier_actor(mine)
    pretending = user.model_copy(update={"supplier_id": theirs})
    error = refused(platform, PermissionDenied, "person.supplier_mismatch", platform.suppliers.exit,
                    pretending, theirs, "冒充他人")
    assert error.details["supplier_id"] == mine
    refused(platform, PermissionDenied, "permission.other_supplier", platform.suppliers.exit,
            user, theirs, "冒充他人")
    # A supplier's user claiming a staff role is refused by the register.
    staff_claim = user.model_copy(update={"roles": frozenset({Role.SUPPLIER, Role.QUALITY})})
    refused(platform, PermissionDenied, "person.role_not_granted", platform.suppliers.exit,
            staff_claim, mine, "x")


def test_a_suppliers_administrator_manages_its_own_users(platform: Platform, actors: A) -> None:
    mine = register_admitted_supplier(platform, actors, name="甲建材有限公司")
    theirs = register_admitted_supplier(platform, actors, name="乙建材有限公司")
    people, admin_user = platform.people, supplier_actor(mine)
    clerk = people.add_supplier_user(admin_user, mine, {"id": "clerk-1", "name": "甲公司投标员"})
    assert clerk.supplier_id == mine and not clerk.supplier_admin
    assert platform.people.resolve("clerk-1").supplier_id == mine
    refused(platform, PermissionDenied, "permission.other_supplier", people.add_supplier_user,
            admin_user, theirs, {"id": "clerk-2", "name": "越权"})
    refused(platform, PermissionDenied, "person.not_supplier_admin", people.add_supplier_user,
            "clerk-1", mine, {"id": "clerk-3", "name": "无权添加"})
    people.remove_supplier_user(admin_user, "clerk-1", "离职")
    refused(platform, PermissionDenied, "person.unknown", platform.suppliers.exit, "clerk-1", mine, "x")


def test_an_expert_acts_only_once_a_second_person_approves(platform: Platform, actors: A) -> None:
    view = platform.evaluation.add_expert(ADM, {"id": "e-new", "name": "新专家",
                                                "identity_number": "330782197001019999",
                                                "specialties": ["materials"]})
    claim = Actor(id=view.id, name="新专家", roles=frozenset({Role.EXPERT}))
    try:
        platform.people.resolve(claim)
    except PermissionDenied as exc:
        assert exc.code == "person.role_not_granted" and exc.details["reason"] == "proposed"
    else:
        raise AssertionError("an expert acted before its grant was approved")
    (pending,) = [g for g in platform.people.grants(SUP, person_id=view.id) if g.state == "proposed"]
    assert pending.proposed_by == ADM.id
    platform.people.approve_grant(SUP, pending.id)
    assert platform.people.resolve(view.id).roles == {Role.EXPERT}
    assert add_pool(platform, actors, 1)  # the kit approves the pool it adds


def test_integrity_and_audit_reads_are_for_auditors_and_supervisors(platform: Platform, actors: A) -> None:
    mine = register_admitted_supplier(platform, actors, name="读者建材有限公司")
    integrity, user = platform.integrity, supplier_actor(mine)
    for reader in (actors["purchasing"], actors["nobody"], user):
        refused(platform, PermissionDenied, "permission.role", integrity.flags, reader)
        refused(platform, PermissionDenied, "permission.role", integrity.facts, reader)
        refused(platform, PermissionDenied, "permission.role", integrity.risks, reader)
        refused(platform, PermissionDenied, "permission.role", integrity.cases.list, reader)
        refused(platform, PermissionDenied, "permission.role", integrity.cases.feedback, reader)
        refused(platform, PermissionDenied, "permission.audit_read", platform.audit_trail, reader)
    assert integrity.flags(actors["auditor"]) == integrity.flags("s-zhou")
    assert platform.audit_trail(actors["auditor"]) == platform.audit.events()
    own = platform.audit_trail(user, "supplier", mine)
    assert own and {e.subject_id for e in own} == {mine}
    other = register_admitted_supplier(platform, actors, name="他人建材有限公司")
    refused(platform, PermissionDenied, "permission.audit_read", platform.audit_trail, user, "supplier", other)


def test_an_applicant_becomes_the_administrator_user_of_the_supplier_it_registers(platform: Platform) -> None:
    platform.people.register(ADM, {"id": "applicant-1", "name": "申请人", "kind": "supplier_user"})
    assert platform.people.resolve("applicant-1").roles == {Role.SUPPLIER}
    view = platform.suppliers.register("applicant-1", _app(11))
    me = platform.people.person("applicant-1", "applicant-1")
    assert me.supplier_id == view.id and me.supplier_admin
    refused(platform, ValidationError, "person.grant.not_grantable", platform.people.propose_grant, ADM,
            {"person_id": "applicant-1", "role": "quality"})


def test_a_suppliers_user_reads_only_its_own_suppliers_entries(platform: Platform, actors: A) -> None:
    mine = register_admitted_supplier(platform, actors, name="本家建材有限公司")
    theirs = register_admitted_supplier(platform, actors, name="他家建材有限公司")
    user, s = supplier_actor(mine), platform.suppliers
    assert s.requests(user, supplier_id=mine) == []
    assert s.scorecards(user, supplier_id=mine) == []
    for read, kw in ((s.requests, {}), (s.requests, {"supplier_id": theirs}), (s.scorecards, {}),
                     (s.scorecards, {"supplier_id": theirs})):
        refused(platform, PermissionDenied, "permission.supplier_read", read, user, **kw)
    refused(platform, PermissionDenied, "permission.supplier_as_staff", s.related_to, user, mine)
    refused(platform, PermissionDenied, "permission.role", s.related_parties, actors["nobody"], [mine, theirs])
    assert s.related_parties(actors["purchasing"], [mine, theirs]) == []


def test_each_imported_supplier_gets_its_administrator_user(platform: Platform, actors: A) -> None:
    report = platform.suppliers.import_suppliers(actors["purchasing"], [_app(21), _app(22)])
    assert report.ok
    for sid in report.supplier_ids:
        assert platform.people.resolve(supplier_actor(sid)).supplier_id == sid


def test_the_systems_id_acts_in_no_command_and_reads_nothing(platform: Platform, actors: A) -> None:
    from zhaocai.actors import SYSTEM

    sid = register_admitted_supplier(platform, actors, name="系统测试建材有限公司")
    refused(platform, PermissionDenied, "permission.system_actor", platform.suppliers.warn, SYSTEM, sid, "x")
    refused(platform, PermissionDenied, "permission.supplier_read", platform.suppliers.get, "system", sid)
    refused(platform, PermissionDenied, "permission.role", platform.integrity.flags, SYSTEM)
