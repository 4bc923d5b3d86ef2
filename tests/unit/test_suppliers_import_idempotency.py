"""A bulk import sent with an idempotency key: a retry returns the first import's report; the key
with other rows, or from another person, is refused and changes nothing."""

from __future__ import annotations

from tests.kit import application, refused, row_counts
from zhaocai.actors import Actor
from zhaocai.errors import ConflictError
from zhaocai.platform import Platform

A = dict[str, Actor]


def _rows(*seeds: int) -> list[dict[str, object]]:
    return [application(f"幂等导入{seed}号建材有限公司", seed=7000 + seed) for seed in seeds]


def test_a_retry_with_the_same_key_returns_the_first_report(platform: Platform, actors: A) -> None:
    first = platform.suppliers.import_suppliers(actors["purchasing"], _rows(1, 2), idempotency_key="erp-imp-1")
    assert first.ok and first.imported == 2
    counts = row_counts(platform.url)
    # The answer was lost: the ERP sends the same rows again under the same key.
    again = platform.suppliers.import_suppliers(actors["purchasing"], _rows(1, 2), idempotency_key="erp-imp-1")
    assert again == first
    assert row_counts(platform.url) == counts


def test_without_a_key_a_retry_reports_every_row_registered(platform: Platform, actors: A) -> None:
    platform.suppliers.import_suppliers(actors["purchasing"], _rows(3, 4))
    again = platform.suppliers.import_suppliers(actors["purchasing"], _rows(3, 4))
    assert not again.ok and [e.row for e in again.errors] == [1, 2]


def test_an_import_refused_row_by_row_leaves_its_key_free(platform: Platform, actors: A) -> None:
    text = "credit_code,name\n"  # a CSV whose row is invalid: refused row by row, nothing kept
    bad = platform.suppliers.import_suppliers(actors["purchasing"], text + "x,\n", idempotency_key="k-csv")
    assert not bad.ok
    # Nothing was imported under the key: the corrected file may use it.
    good = platform.suppliers.import_suppliers(actors["purchasing"], _rows(5), idempotency_key="k-csv")
    assert good.ok and good.imported == 1


def test_the_key_with_other_rows_is_refused(platform: Platform, actors: A) -> None:
    platform.suppliers.import_suppliers(actors["purchasing"], _rows(6), idempotency_key="erp-imp-2")
    refused(platform, ConflictError, "idempotency.request_mismatch",
            platform.suppliers.import_suppliers, actors["purchasing"], _rows(6, 7),
            idempotency_key="erp-imp-2")


def test_the_key_of_another_person_is_refused(platform: Platform, actors: A) -> None:
    platform.suppliers.import_suppliers(actors["purchasing"], _rows(8), idempotency_key="erp-imp-3")
    refused(platform, ConflictError, "idempotency.mismatch",
            platform.suppliers.import_suppliers, actors["purchasing2"], _rows(8),
            idempotency_key="erp-imp-3")
