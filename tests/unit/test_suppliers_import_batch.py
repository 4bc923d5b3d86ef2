"""The suppliers of one bulk import, read by its batch id (the subject id of its
`SuppliersImported` event): an ERP acting on the event fetches exactly that batch, in row order."""

from __future__ import annotations

from tests.kit import application, refused, supplier_actor
from zhaocai.actors import Actor
from zhaocai.errors import PermissionDenied
from zhaocai.platform import Platform

A = dict[str, Actor]


def test_the_batch_read_returns_the_imports_suppliers_in_row_order(platform: Platform, actors: A) -> None:
    alone = platform.suppliers.register(actors["purchasing"], application("义乌单独登记有限公司", seed=9300))
    first = platform.suppliers.import_suppliers(
        actors["purchasing"], [application(f"义乌首批{i}有限公司", seed=9310 + i) for i in range(3)])
    second = platform.suppliers.import_suppliers(
        actors["purchasing2"], [application(f"义乌次批{i}有限公司", seed=9320 + i) for i in range(2)])
    assert first.ok and second.ok and first.batch_id != second.batch_id

    event = next(e for e in platform.events.read(limit=1_000) if e.type == "SuppliersImported")
    assert event.subject_type == "supplier_import" and event.subject_id == first.batch_id
    found = platform.suppliers.imported(actors["auditor"], event.subject_id)
    assert [s.id for s in found] == first.supplier_ids
    assert [s.name for s in found] == [f"义乌首批{i}有限公司" for i in range(3)]
    assert all(s.admission == "applied" for s in found)
    assert [s.id for s in platform.suppliers.imported(actors["purchasing"], second.batch_id)] == \
        second.supplier_ids
    assert alone.id not in {s.id for s in found}
    assert platform.suppliers.imported(actors["purchasing"], "imp-0000000000000000") == []


def test_a_suppliers_user_may_not_list_an_import(platform: Platform, actors: A) -> None:
    report = platform.suppliers.import_suppliers(
        actors["purchasing"], [application(f"义乌受限{i}有限公司", seed=9330 + i) for i in range(2)])
    assert report.batch_id is not None
    refused(platform, PermissionDenied, "permission.supplier_read", platform.suppliers.imported,
            supplier_actor(report.supplier_ids[0]), report.batch_id)
