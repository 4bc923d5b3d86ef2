"""Deep verification of integrity pledges and organisational units: a pledge's validity moved, a
pledge inserted or deleted, a member of staff or a tender moved to another unit outside a command
is found, field by field; a clean history with units and pledges verifies."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, insert, select, update

from tests.kit import ACTORS, register_actor
from tests.unit.test_deep_verify import found, read, tamper
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.people.pledges import PledgeRow
from zhaocai.people.units import OrgUnitRow, PersonUnitRow, TenderUnitRow
from zhaocai.platform import Platform
from zhaocai.testing import draft

PLEDGE = PledgeRow.__table__  # type: ignore[attr-defined]
UNIT = OrgUnitRow.__table__  # type: ignore[attr-defined]
PERSON_UNIT = PersonUnitRow.__table__  # type: ignore[attr-defined]
TENDER_UNIT = TenderUnitRow.__table__  # type: ignore[attr-defined]
ADM = ACTORS["admin"]
SITE = Actor(id="p-site", name="项目部采购", organisation="浙江津义建设", roles=frozenset({Role.PURCHASING}))


def _project_department(platform: Platform, clock: ManualClock) -> str:
    """A project department with its own purchasing officer, who drafts a tender there."""
    platform.people.add_unit(ADM, {"id": "proj-1", "name": "一号项目部"})
    register_actor(platform, SITE)
    platform.people.assign_unit(ADM, SITE.id, "proj-1")
    return platform.tenders.create_draft(SITE.id, draft(clock)).id


def test_units_and_pledges_of_a_clean_history_verify(platform: Platform, clock: ManualClock) -> None:
    tender_id = _project_department(platform, clock)
    result = platform.audit.verify(deep=True)
    assert result.ok and result.disagreements == (), result.disagreements
    for table in ("integrity_pledge", "org_unit", "person_unit", "tender_unit"):
        assert result.rows_checked[table] >= 1, (table, result.rows_checked)
    assert platform.people.tender_unit(tender_id) == "proj-1"


def test_a_pledge_extended_inserted_or_deleted_is_found(platform: Platform, clock: ManualClock) -> None:
    wang = ACTORS["purchasing"]
    row = read(platform, select(PLEDGE.c.id).where(PLEDGE.c.holder_id == wang.id))
    assert row is not None and found(platform) == set()
    tamper(platform, update(PLEDGE).where(PLEDGE.c.id == row.id)
           .values(valid_until=clock.now() + timedelta(days=36500)))
    other = read(platform, select(PLEDGE.c.id).where(PLEDGE.c.holder_id == "p-li"))
    tamper(platform, delete(PLEDGE).where(PLEDGE.c.id == other.id))
    tamper(platform, insert(PLEDGE).values(
        id="plg-forged", holder_kind="staff", holder_id="x-nobody", signed_by="x-nobody",
        signed_at=clock.now(), valid_from=clock.now(), valid_until=clock.now() + timedelta(days=365),
        version="2026.1", text_digest="0" * 64))
    assert found(platform) == {("integrity_pledge", row.id, "valid_until"),
                               ("integrity_pledge", other.id, "(row)"),
                               ("integrity_pledge", "plg-forged", "(row)")}


def test_staff_or_a_tender_moved_to_another_unit_is_found(platform: Platform, clock: ManualClock) -> None:
    tender_id = _project_department(platform, clock)
    platform.people.add_unit(ADM, {"id": "proj-2", "name": "二号项目部"})
    assert found(platform) == set()
    tamper(platform, update(PERSON_UNIT).where(PERSON_UNIT.c.person_id == SITE.id).values(unit_id="proj-2"))
    tamper(platform, insert(PERSON_UNIT).values(person_id="p-wang", unit_id="proj-2", assigned_by=ADM.id,
                                                assigned_at=clock.now()))
    tamper(platform, update(TENDER_UNIT).where(TENDER_UNIT.c.tender_id == tender_id).values(unit_id="proj-2"))
    tamper(platform, update(UNIT).where(UNIT.c.id == "proj-2").values(parent_id="proj-1"))
    assert found(platform) == {("person_unit", SITE.id, "unit_id"), ("person_unit", "p-wang", "(row)"),
                               ("tender_unit", tender_id, "unit_id"), ("org_unit", "proj-2", "parent_id")}


def test_a_tender_taken_out_of_its_unit_is_found(platform: Platform, clock: ManualClock) -> None:
    tender_id = _project_department(platform, clock)
    tamper(platform, delete(TENDER_UNIT).where(TENDER_UNIT.c.tender_id == tender_id))
    assert found(platform) == {("tender_unit", tender_id, "(row)")}
