"""Rows of one application: built once, inserted in bulk by registration and by import alike."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel

from zhaocai.suppliers.identity import identity_hash
from zhaocai.suppliers.models import SupplierApplication
from zhaocai.suppliers.rules import (
    AdmissionState,
    PersonRole,
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_phone,
)

TABLES = ("supplier", "supplier_category", "supplier_qualification", "supplier_person",
          "supplier_link")


def insert_rows(session: Session, rows: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """Bulk-insert rows per table name: one driver-level executemany per table.

    Values go through each column type's own bind processor (so SQLite and PostgreSQL store
    exactly what an ORM insert would), memoised for repeated hashable values such as the
    command's moment; SQLAlchemy's per-row statement machinery is skipped.
    """
    conn = session.connection()
    dialect = conn.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    for name in TABLES:
        batch = rows.get(name)
        if not batch:
            continue
        table = SQLModel.metadata.tables[name]
        names = list(batch[0])
        columns: list[list[Any]] = []
        for n in names:
            values = [row[n] for row in batch]
            proc = table.c[n].type._cached_bind_processor(dialect)
            if proc is not None:
                memo: dict[Any, Any] = {}
                values = [_processed(v, proc, memo) for v in values]
            columns.append(values)
        params = list(zip(*columns, strict=True))
        quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
        sql = f"INSERT INTO {name} ({quoted}) VALUES ({', '.join([mark] * len(names))})"
        conn.exec_driver_sql(sql, params)


def _processed(value: Any, proc: Any, memo: dict[Any, Any]) -> Any:
    try:
        return memo[value]
    except KeyError:
        memo[value] = out = proc(value)
        return out
    except TypeError:  # unhashable (JSON lists and dicts)
        return proc(value)


def new_supplier_id() -> str:
    """A fresh supplier id."""
    return f"sup-{uuid.uuid4().hex[:16]}"


def application_rows(
    supplier_id: str, app: SupplierApplication, key: bytes, actor_id: str, now: datetime,
    *, import_batch: str | None = None, import_row: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every row an application writes, per table (identity numbers only as keyed hashes)."""
    persons = [(PersonRole.LEGAL_REPRESENTATIVE.value, app.legal_representative,
                identity_hash(key, app.legal_representative_id))]
    persons += [(p.role.value, p.name, identity_hash(key, p.identity_number)) for p in app.persons]
    links: dict[tuple[str, str], str] = {}
    for role, name, hashed in persons:
        links.setdefault(("person", hashed), f"{role}: {name}")
    for contact in app.contacts:
        if contact.phone:
            links.setdefault(("phone", normalise_phone(contact.phone)), f"{contact.name} {contact.phone}")
        if contact.email:
            links.setdefault(("email", normalise_email(contact.email)), f"{contact.name} {contact.email}")
    links[("address", normalise_address(app.address))] = app.address
    links[("bank_account", normalise_account(app.bank_account))] = f"{app.bank_name} {app.bank_account}"
    return {
        "supplier": [{
            "id": supplier_id, "credit_code": app.credit_code, "name": app.name,
            "legal_representative": app.legal_representative, "address": app.address,
            "contacts": [{"name": c.name, "phone": c.phone, "email": c.email}
                         for c in app.contacts],
            "bank_name": app.bank_name,
            "bank_account": app.bank_account, "ceiling_fen": int(app.ceiling * 100),
            "admission": AdmissionState.APPLIED.value, "standing": None, "round": 1,
            "registered_by": actor_id, "registered_at": now, "admitted_at": None,
            "ban_until": None, "import_batch": import_batch, "import_row": import_row,
        }],
        "supplier_category": [{"supplier_id": supplier_id, "category": c.value, "admitted": False,
                               "lapsed_at": None} for c in app.categories],
        "supplier_qualification": [{
            "supplier_id": supplier_id, "type": q.type, "grade": q.grade, "number": q.number,
            "issuer": q.issuer, "valid_from": q.valid_from, "valid_until": q.valid_until,
        } for q in app.qualifications],
        "supplier_person": [{"supplier_id": supplier_id, "role": role, "name": name,
                             "id_hash": hashed} for role, name, hashed in persons],
        "supplier_link": [{"supplier_id": supplier_id, "kind": kind, "value": value, "label": label}
                          for (kind, value), label in links.items() if value],
    }


def audit_form(app: SupplierApplication, key: bytes) -> dict[str, Any]:
    """The application as the audit trail keeps it: identity numbers replaced by their hashes."""
    data = app.model_dump(mode="json")
    data["legal_representative_id"] = {"hmac": identity_hash(key, app.legal_representative_id)}
    for person, source in zip(data["persons"], app.persons, strict=True):
        person["identity_number"] = {"hmac": identity_hash(key, source.identity_number)}
    return data
