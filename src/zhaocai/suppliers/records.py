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
    ADMISSION_CHECKED,
    AdmissionState,
    PersonRole,
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_phone,
)

TABLES = ("supplier", "supplier_category", "supplier_qualification", "supplier_person",
          "supplier_link")


Columns = Mapping[str, list[Any]]
"""One table's rows column-wise: column name → one value per row."""


def insert_rows(session: Session,
                rows: Mapping[str, Sequence[dict[str, Any]] | Columns]) -> None:
    """Bulk-insert rows per table name: one driver-level executemany per table. A table's rows
    come as row dicts, or column-wise (`Columns`, as bulk imports build them).

    Values go through each column type's own bind processor (so SQLite and PostgreSQL store
    exactly what an ORM insert would), computed once per distinct hashable value (such as the
    command's moment); SQLAlchemy's per-row statement machinery is skipped.
    """
    conn = session.connection()
    dialect = conn.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    for name in TABLES:
        batch = rows.get(name)
        if not batch:
            continue
        if isinstance(batch, Mapping):
            table_columns = batch
        else:
            table_columns = {n: [row[n] for row in batch] for n in batch[0]}
        names = list(table_columns)
        if not table_columns[names[0]]:
            continue
        table = SQLModel.metadata.tables[name]
        processed: list[list[Any]] = []
        for n in names:
            values = table_columns[n]
            proc = table.c[n].type._cached_bind_processor(dialect)
            if proc is not None:
                values = _processed(values, proc)
            processed.append(values)
        params = list(zip(*processed, strict=True))
        quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
        sql = f"INSERT INTO {name} ({quoted}) VALUES ({', '.join([mark] * len(names))})"
        conn.exec_driver_sql(sql, params)


def _processed(values: list[Any], proc: Any) -> list[Any]:
    """`proc` of each value, computed once per distinct value when the values are hashable."""
    try:
        memo = dict.fromkeys(values)
    except TypeError:  # unhashable (JSON lists and dicts)
        return [proc(v) for v in values]
    for value in memo:
        memo[value] = proc(value)
    return list(map(memo.__getitem__, values))


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
            "status": ADMISSION_CHECKED,
        } for q in app.qualifications],
        "supplier_person": [{"supplier_id": supplier_id, "role": role, "name": name,
                             "id_hash": hashed} for role, name, hashed in persons],
        "supplier_link": [{"supplier_id": supplier_id, "kind": kind, "value": value, "label": label}
                          for (kind, value), label in links.items() if value],
    }


def import_columns(
    supplier_ids: Sequence[str], apps: Sequence[SupplierApplication], key: bytes, actor_id: str,
    now: datetime, import_batch: str,
) -> dict[str, Columns]:
    """The rows `application_rows` gives for each application (row numbers counting from 1),
    column-wise per table (as `insert_rows` takes them): the same rows in the same order."""
    n = len(apps)
    legal = PersonRole.LEGAL_REPRESENTATIVE.value
    applied = AdmissionState.APPLIED.value
    supplier: dict[str, list[Any]] = {
        "id": list(supplier_ids), "credit_code": [a.credit_code for a in apps],
        "name": [a.name for a in apps],
        "legal_representative": [a.legal_representative for a in apps],
        "address": [a.address for a in apps],
        "contacts": [[{"name": c.name, "phone": c.phone, "email": c.email} for c in a.contacts]
                     for a in apps],
        "bank_name": [a.bank_name for a in apps], "bank_account": [a.bank_account for a in apps],
        "ceiling_fen": [int(a.ceiling * 100) for a in apps], "admission": [applied] * n,
        "standing": [None] * n, "round": [1] * n, "registered_by": [actor_id] * n,
        "registered_at": [now] * n, "admitted_at": [None] * n, "ban_until": [None] * n,
        "import_batch": [import_batch] * n, "import_row": list(range(1, n + 1)),
    }
    cat_ids: list[str] = []
    cat_values: list[str] = []
    q_ids: list[str] = []
    quals: list[Any] = []
    p_ids: list[str] = []
    p_roles: list[str] = []
    p_names: list[str] = []
    p_hashes: list[str] = []
    l_ids: list[str] = []
    l_kinds: list[str] = []
    l_values: list[str] = []
    l_labels: list[str] = []
    for supplier_id, app in zip(supplier_ids, apps, strict=True):
        for c in app.categories:
            cat_ids.append(supplier_id)
            cat_values.append(c.value)
        for q in app.qualifications:
            q_ids.append(supplier_id)
            quals.append(q)
        persons = [(legal, app.legal_representative,
                    identity_hash(key, app.legal_representative_id))]
        if app.persons:
            persons += [(p.role.value, p.name, identity_hash(key, p.identity_number))
                        for p in app.persons]
        links: dict[tuple[str, str], str] = {}
        for role, name, hashed in persons:
            p_ids.append(supplier_id)
            p_roles.append(role)
            p_names.append(name)
            p_hashes.append(hashed)
            links.setdefault(("person", hashed), f"{role}: {name}")
        for contact in app.contacts:
            if contact.phone:
                links.setdefault(("phone", normalise_phone(contact.phone)),
                                 f"{contact.name} {contact.phone}")
            if contact.email:
                links.setdefault(("email", normalise_email(contact.email)),
                                 f"{contact.name} {contact.email}")
        links[("address", normalise_address(app.address))] = app.address
        links[("bank_account", normalise_account(app.bank_account))] = \
            f"{app.bank_name} {app.bank_account}"
        for (kind, value), label in links.items():
            if value:
                l_ids.append(supplier_id)
                l_kinds.append(kind)
                l_values.append(value)
                l_labels.append(label)
    return {
        "supplier": supplier,
        "supplier_category": {"supplier_id": cat_ids, "category": cat_values,
                              "admitted": [False] * len(cat_ids),
                              "lapsed_at": [None] * len(cat_ids)},
        "supplier_qualification": {
            "supplier_id": q_ids, "type": [q.type for q in quals],
            "grade": [q.grade for q in quals], "number": [q.number for q in quals],
            "issuer": [q.issuer for q in quals], "valid_from": [q.valid_from for q in quals],
            "valid_until": [q.valid_until for q in quals],
            "status": [ADMISSION_CHECKED] * len(quals)},
        "supplier_person": {"supplier_id": p_ids, "role": p_roles, "name": p_names,
                            "id_hash": p_hashes},
        "supplier_link": {"supplier_id": l_ids, "kind": l_kinds, "value": l_values,
                          "label": l_labels},
    }


def audit_form(app: SupplierApplication, key: bytes) -> dict[str, Any]:
    """The application as the audit trail keeps it: identity numbers replaced by their hashes."""
    data = app.model_dump(mode="json")
    data["legal_representative_id"] = {"hmac": identity_hash(key, app.legal_representative_id)}
    for person, source in zip(data["persons"], app.persons, strict=True):
        person["identity_number"] = {"hmac": identity_hash(key, source.identity_number)}
    return data
