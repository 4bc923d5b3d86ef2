"""A bulk import that builds its tables' secondary indexes after the inserts (SQLite, register
smaller than the import) leaves the same schema and the same related parties, and a failed one
leaves the schema as it was."""

from __future__ import annotations

import sqlite3

import pytest

from tests.kit import ACTORS, application
from zhaocai.actors import Actor
from zhaocai.errors import ConflictError
from zhaocai.platform import Platform
from zhaocai.suppliers import importing

A = dict[str, Actor]


def _indexes(platform: Platform) -> set[tuple[str, str]]:
    path = platform.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return {(name, sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_bulk_import_rebuilds_indexes_and_finds_related_parties(
        platform: Platform, actors: A, monkeypatch: pytest.MonkeyPatch) -> None:
    if not platform.url.startswith("sqlite"):
        pytest.skip("indexes are deferred on SQLite only")
    monkeypatch.setattr(importing, "BULK_INDEX_ROWS", 2)
    before = _indexes(platform)
    rows = [application(f"批量{i}", seed=i) for i in range(4)]
    rows[3]["bank_account"] = rows[0]["bank_account"]
    report = platform.suppliers.import_suppliers(actors["purchasing"], rows)
    assert report.ok and report.imported == 4
    assert report.supplier_ids == sorted(report.supplier_ids)
    assert _indexes(platform) == before
    pairs = platform.suppliers.related_parties(ACTORS["purchasing"], report.supplier_ids)
    assert [(p.supplier_a, p.supplier_b) for p in pairs] == [
        tuple(sorted((report.supplier_ids[0], report.supplier_ids[3])))]
    assert any(e.kind == "bank_account" for e in pairs[0].evidence)


def test_failed_bulk_import_keeps_the_indexes(
        platform: Platform, actors: A, monkeypatch: pytest.MonkeyPatch) -> None:
    if not platform.url.startswith("sqlite"):
        pytest.skip("indexes are deferred on SQLite only")
    monkeypatch.setattr(importing, "BULK_INDEX_ROWS", 2)
    before = _indexes(platform)

    def fail(*args: object, **kwargs: object) -> None:
        raise ConflictError("test.fail", "failed", "失败")

    monkeypatch.setattr(importing, "insert_rows", fail)
    with pytest.raises(ConflictError):
        platform.suppliers.import_suppliers(
            actors["purchasing"], [application(f"失败{i}", seed=i) for i in range(3)])
    assert _indexes(platform) == before
