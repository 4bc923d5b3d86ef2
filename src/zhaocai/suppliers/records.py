"""Rows of one application: built once, inserted in bulk (SQLAlchemy Core) by registration and
by import alike."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel

from zhaocai.keys import KeyProvider
from zhaocai.store import bulk
from zhaocai.suppliers.identity import identity_hash
from zhaocai.suppliers.machines import AdmissionMachine
from zhaocai.suppliers.models import SupplierApplication
from zhaocai.suppliers.rules import (
    ADMISSION_CHECKED,
    PersonRole,
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_phone,
)

INITIAL_ADMISSION = str(AdmissionMachine.applied.value)
"""Where every application starts: the admission machine's initial state."""
TABLES = ("supplier", "supplier_category", "supplier_qualification", "supplier_person",
          "supplier_link")


Rows = Mapping[str, Sequence[dict[str, Any]]]
"""Rows per table name: one dict per row, column name → value."""


def insert_rows(session: Session, rows: Rows) -> None:
    """Bulk-insert rows per table name: one executemany per table, in the order of `TABLES`,
    each value bound as its column type binds it (`store.bulk`)."""
    conn = session.connection()
    for name in TABLES:
        bulk.insert_many(conn, SQLModel.metadata.tables[name], rows.get(name) or [])


def new_supplier_id() -> str:
    """A fresh supplier id."""
    return f"sup-{uuid.uuid4().hex[:16]}"


def _persons(app: SupplierApplication, key: KeyProvider) -> list[tuple[str, str, str]]:
    """(role, name, identity hash) of the legal representative and every person named."""
    persons = [(PersonRole.LEGAL_REPRESENTATIVE.value, app.legal_representative,
                identity_hash(key, app.legal_representative_id))]
    persons += [(p.role.value, p.name, identity_hash(key, p.identity_number)) for p in app.persons]
    return persons


def _links(app: SupplierApplication, persons: Sequence[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(kind, normalised value) → label of every fact that can relate two suppliers."""
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
    return links


def _supplier_row(supplier_id: str, app: SupplierApplication, actor_id: str, now: datetime,
                  import_batch: str | None, import_row: int | None) -> dict[str, Any]:
    return {
        "id": supplier_id, "credit_code": app.credit_code, "name": app.name,
        "legal_representative": app.legal_representative, "address": app.address,
        "contacts": [{"name": c.name, "phone": c.phone, "email": c.email} for c in app.contacts],
        "bank_name": app.bank_name, "bank_account": app.bank_account,
        "ceiling_fen": int(app.ceiling * 100), "admission": INITIAL_ADMISSION, "standing": None,
        "round": 1, "registered_by": actor_id, "registered_at": now, "admitted_at": None,
        "ban_until": None, "import_batch": import_batch, "import_row": import_row,
        "external_ref": app.external_ref,
    }


def application_rows(
    supplier_id: str, app: SupplierApplication, key: KeyProvider, actor_id: str, now: datetime,
    *, import_batch: str | None = None, import_row: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every row an application writes, per table (identity numbers only as keyed hashes)."""
    persons = _persons(app, key)
    return {
        "supplier": [_supplier_row(supplier_id, app, actor_id, now, import_batch, import_row)],
        "supplier_category": [{"supplier_id": supplier_id, "category": c.value, "admitted": False,
                               "lapsed_at": None} for c in app.categories],
        "supplier_qualification": [{
            "supplier_id": supplier_id, "type": q.type, "grade": q.grade, "number": q.number,
            "issuer": q.issuer, "valid_from": q.valid_from, "valid_until": q.valid_until,
            "status": ADMISSION_CHECKED} for q in app.qualifications],
        "supplier_person": [{"supplier_id": supplier_id, "role": role, "name": name,
                             "id_hash": hashed} for role, name, hashed in persons],
        "supplier_link": [{"supplier_id": supplier_id, "kind": kind, "value": value, "label": label}
                          for (kind, value), label in _links(app, persons).items() if value],
    }


def import_rows(supplier_ids: Sequence[str], apps: Sequence[SupplierApplication], key: KeyProvider,
                actor_id: str, now: datetime, import_batch: str,
                first_row: int = 1) -> dict[str, list[dict[str, Any]]]:
    """The rows of applications of an import (row numbers counting from `first_row`), per table."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for number, (supplier_id, app) in enumerate(zip(supplier_ids, apps, strict=True),
                                                start=first_row):
        for name, table_rows in application_rows(supplier_id, app, key, actor_id, now,
                                                 import_batch=import_batch,
                                                 import_row=number).items():
            rows[name] += table_rows
    return rows


def audit_form(app: SupplierApplication, key: KeyProvider) -> dict[str, Any]:
    """The application as the audit trail keeps it: identity numbers replaced by their hashes."""
    data = app.model_dump(mode="json")
    data["legal_representative_id"] = {"hmac": identity_hash(key, app.legal_representative_id)}
    for person, source in zip(data["persons"], app.persons, strict=True):
        person["identity_number"] = {"hmac": identity_hash(key, source.identity_number)}
    return data
