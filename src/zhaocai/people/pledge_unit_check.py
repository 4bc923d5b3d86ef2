"""The deep check of integrity pledges and organisational units against the audit chain.

A pledge decides whether its holder may act on a procurement, a unit whether an officer reaches a
tender: an edit to either outside a command (a validity moved later, a tender moved to another
unit) must be seen.

- a pledge is its `person.pledge.sign` link, field by field (pledges are never changed);
- a unit is its `unit.add` link (the root, made with the register's founding: its name and its
  place at the top);
- a member of staff's unit is the last `unit.assign` of that person;
- a tender's unit is the `unit` its `tender.draft` link recorded (the root keeps no row).

One query per table, over the links `zhaocai.audit.deep` read once.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from zhaocai.audit.deep import Checker, Findings, Links, Scope
from zhaocai.people.chain_check import Expected, compare_rows
from zhaocai.people.pledges import PledgeRow
from zhaocai.people.unit_rules import ROOT, ROOT_NAME
from zhaocai.people.units import OrgUnitRow, PersonUnitRow, TenderUnitRow

_PLEDGE = PledgeRow.__table__  # type: ignore[attr-defined]
_UNIT = OrgUnitRow.__table__  # type: ignore[attr-defined]
_PERSON_UNIT = PersonUnitRow.__table__  # type: ignore[attr-defined]
_TENDER_UNIT = TenderUnitRow.__table__  # type: ignore[attr-defined]
_PLEDGE_FIELDS = ("holder_kind", "signed_by", "valid_from", "valid_until", "version", "text_digest")


def _check_pledges(conn: Connection, links: Links, found: Findings) -> None:
    rows = conn.execute(select(_PLEDGE)).all()
    found.checked("integrity_pledge", len(rows))
    expected: dict[str, Expected] = {}
    for link in links.with_action("person.pledge.sign"):
        own: Expected = {"holder_id": (link.subject_id, link.seq), "signed_at": (link.at, link.seq)}
        own.update({name: (link.change.get(name), link.seq) for name in _PLEDGE_FIELDS})
        expected[str(link.change.get("pledge_id"))] = own
    compare_rows("integrity_pledge", rows, expected, found)


def _check_units(conn: Connection, links: Links, found: Findings) -> None:
    rows = conn.execute(select(_UNIT)).all()
    found.checked("org_unit", len(rows))
    expected: dict[str, Expected] = {
        str(link.subject_id): {"name": (link.change.get("name"), link.seq),
                               "parent_id": (link.change.get("parent_id"), link.seq),
                               "created_by": (link.actor_id, link.seq), "created_at": (link.at, link.seq)}
        for link in links.with_action("unit.add")}
    # The root is made with the founding (a store upgraded from before units has none, and the
    # tree counts it in whatever the table holds): where present, its name and its place at the
    # top are what can be checked.
    if any(str(row.id) == ROOT for row in rows):
        expected[ROOT] = {"name": (ROOT_NAME, None), "parent_id": (None, None)}
    compare_rows("org_unit", rows, expected, found)

    placed = conn.execute(select(_PERSON_UNIT)).all()
    found.checked("person_unit", len(placed))
    staff: dict[str, Expected] = {}
    for link in links.with_action("unit.assign"):  # in chain order: the last assignment stands
        staff[str(link.subject_id)] = {"unit_id": (link.change.get("unit_id"), link.seq),
                                       "assigned_by": (link.actor_id, link.seq),
                                       "assigned_at": (link.at, link.seq)}
    compare_rows("person_unit", [_Keyed(row.person_id, row) for row in placed], staff, found)

    tenders = conn.execute(select(_TENDER_UNIT)).all()
    found.checked("tender_unit", len(tenders))
    drafted: dict[str, Expected] = {str(link.subject_id): {"unit_id": (link.change["unit"], link.seq)}
               for link in links.with_action("tender.draft")
               if link.change.get("unit") not in (None, ROOT)}
    compare_rows("tender_unit", [_Keyed(row.tender_id, row) for row in tenders], drafted, found)


class _Keyed:
    """A row whose key is not called `id`, read as `compare_rows` reads rows."""

    def __init__(self, key: str, row: object) -> None:
        self.id, self._row = key, row

    def __getattr__(self, name: str) -> object:
        return getattr(self._row, name)


def check_pledges_and_units(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Every pledge, unit, staff placement and tender placement against the links that made it."""
    if not scope.whole:
        return  # the fail-closed stages of a tender do not read these rows through this check
    _check_pledges(conn, links, found)
    _check_units(conn, links, found)


PLEDGES_AND_UNITS = Checker("pledges and units", {
    "pledge": "SELECT holder_id FROM integrity_pledge WHERE holder_id = :tender_id",
    "unit": "SELECT unit_id FROM tender_unit WHERE tender_id = :tender_id",
    "tender": None,
    "person": "SELECT person_id FROM person_unit WHERE person_id = :tender_id",
}, check_pledges_and_units, ("integrity_pledge", "org_unit", "person_unit", "tender_unit"))
