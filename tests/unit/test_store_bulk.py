"""A bulk insert stores exactly what a Core insert of the same rows stores, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, insert, select
from sqlmodel import SQLModel

from zhaocai.platform import Platform
from zhaocai.store import bulk, normalise_url
from zhaocai.suppliers import tables  # noqa: F401 - the supplier tables in the metadata

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _rows(prefix: str) -> list[dict[str, object]]:
    return [{"id": f"{prefix}{i}", "credit_code": f"{prefix}-{i:016d}", "name": f"供应商{i}",
             "legal_representative": "张三", "address": "义乌市", "contacts": [{"name": "李四", "phone": "1"}],
             "bank_name": "银行", "bank_account": f"62{i}", "ceiling_fen": 100 * i, "admission": "applied",
             "standing": None, "round": 1, "registered_by": "p-wang", "registered_at": NOW,
             "admitted_at": None, "ban_until": None, "import_batch": "b1", "import_row": i} for i in range(50)]


def test_bulk_rows_equal_core_rows(platform: Platform) -> None:
    supplier = SQLModel.metadata.tables["supplier"]
    engine = create_engine(normalise_url(platform.url))
    try:
        with engine.begin() as conn:
            conn.execute(insert(supplier), _rows("core-"))
            bulk.insert_many(conn, supplier, _rows("bulk-"))
        with engine.connect() as conn:
            stored = {r.id: r._asdict() for r in conn.execute(select(supplier))}
    finally:
        engine.dispose()
    for i in range(50):
        core, fast = stored[f"core-{i}"], stored[f"bulk-{i}"]
        for row in (core, fast):
            row.pop("id"), row.pop("credit_code")
        assert fast == core
    assert stored["bulk-3"]["registered_at"] == NOW and stored["bulk-3"]["contacts"] == [{"name": "李四", "phone": "1"}]


def test_a_key_no_row_names_takes_its_default(platform: Platform) -> None:
    qualification = SQLModel.metadata.tables["supplier_qualification"]
    engine = create_engine(normalise_url(platform.url))
    rows = [{"supplier_id": "s1", "type": "business_licence", "grade": "", "number": f"N{i}",
             "issuer": "义乌市市场监督管理局", "valid_from": NOW, "valid_until": NOW, "status": "admission"}
            for i in range(3)]
    try:
        with engine.begin() as conn:
            bulk.insert_many(conn, qualification, rows)
        with engine.connect() as conn:
            ids = sorted(r.id for r in conn.execute(select(qualification)))
    finally:
        engine.dispose()
    assert len(ids) == 3 and len(set(ids)) == 3 and all(isinstance(i, int) for i in ids)
