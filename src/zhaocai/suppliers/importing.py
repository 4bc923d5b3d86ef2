"""Bulk import of supplier applications from CSV or JSON rows.

Every row is validated first; the report lists each bad row with its reason. Only when all rows
are valid is anything written: one transaction, bulk inserts, and one summarised audit event
holding the digest of the rows as submitted (verifiable against the source with
`verify_import`). Imported suppliers start as applications: admission still needs the reviews.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pydantic
from pydantic import TypeAdapter
from sqlalchemy import Index, func, select
from sqlmodel import Session, SQLModel, col

from zhaocai import collector
from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.errors import ConflictError, ValidationError
from zhaocai.guards import check_strings, guarded, json_shows_bad_text
from zhaocai.idempotency import lookup
from zhaocai.keys import KeyProvider
from zhaocai.limits import MAX_IMPORT_ROWS
from zhaocai.people.records import enrol_imported_suppliers
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.common import ServiceBase
from zhaocai.suppliers.identity import identity_key
from zhaocai.suppliers.models import ImportReport, ImportRowError, SupplierApplication
from zhaocai.suppliers.records import TABLES, import_rows, insert_rows
from zhaocai.suppliers.screening import blacklist_matches, record_screening
from zhaocai.suppliers.tables import SupplierRow

_APPLICATIONS = TypeAdapter(list[SupplierApplication])
IMPORT = "supplier.import"
CHUNK = 1000
INSERT_CHUNK = 5000
"""Applications whose rows are built and inserted together (one executemany per table)."""
BULK_INDEX_ROWS = 10_000
"""From this many rows, an import into a SQLite register holding fewer suppliers than it brings
builds the secondary indexes of its tables once after the inserts (see `_deferred_indexes`)."""
CSV_COLUMNS = ("credit_code", "name", "legal_representative", "legal_representative_id",
               "address", "contact_name", "contact_phone", "contact_email", "bank_name",
               "bank_account", "categories", "ceiling", "qualifications", "persons")


def _from_flat(row: Mapping[str, Any]) -> dict[str, Any]:
    """A flat row (CSV columns) as an application; nested rows pass through."""
    if "contacts" in row:  # validation reads the row without changing it: no copy needed
        return row if type(row) is dict else dict(row)
    data = {k: row.get(k) for k in ("credit_code", "name", "legal_representative",
                                    "legal_representative_id", "address", "bank_name",
                                    "bank_account", "ceiling")}
    contact = {"name": row.get("contact_name") or "", "phone": row.get("contact_phone") or "",
               "email": row.get("contact_email") or ""}
    data["contacts"] = [contact]
    cats = row.get("categories") or ""
    data["categories"] = [c.strip() for c in cats.split(";") if c.strip()] \
        if isinstance(cats, str) else cats
    for key in ("qualifications", "persons"):
        value = row.get(key)
        data[key] = json.loads(value) if isinstance(value, str) and value.strip() else (value or [])
    return data


def read_rows(source: str | Path | Iterable[Mapping[str, Any]],
              format: str | None = None) -> tuple[list[Mapping[str, Any]], str]:
    """Rows from a CSV/JSON file path, CSV/JSON text, or an iterable of mappings; and the digest
    of the rows as submitted (sha256 of the file bytes, or of the rows' canonical JSON)."""
    try:
        rows, digest = _read(source, format)
    except (ValueError, TypeError, RecursionError, csv.Error) as exc:  # bad JSON, CSV or bytes
        raise ValidationError("supplier.import.format", f"The import cannot be read: {exc}"[:500],
                              "导入内容无法读取：须为 UTF-8 编码的 CSV 或 JSON 行列表") from None
    if len(rows) > MAX_IMPORT_ROWS:
        raise ValidationError("input.too_many", f"source: {len(rows):,} rows are more than the "
                              f"{MAX_IMPORT_ROWS:,} one import takes",
                              f"source：共 {len(rows):,} 行，超过单次导入上限 {MAX_IMPORT_ROWS:,} 行",
                              {"field": "source", "limit": MAX_IMPORT_ROWS})
    return rows, digest


def _read(source: str | Path | Iterable[Mapping[str, Any]],
          format: str | None) -> tuple[list[Mapping[str, Any]], str]:
    if isinstance(source, Path):
        raw = source.read_bytes()
        fmt = format or source.suffix.lstrip(".").lower()
        text = raw.decode("utf-8-sig")
    elif isinstance(source, str):
        raw = source.encode("utf-8")
        fmt = format or ("json" if source.lstrip().startswith("[") else "csv")
        text = source
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        rows: list[Mapping[str, Any]] = [dict(r) for r in source]
        return rows, hashlib.sha256(canonical_json(rows).encode("utf-8")).hexdigest()
    else:
        raise ValidationError("supplier.import.format",
                              "An import is a file path, CSV or JSON text, or rows, not "
                              f"{type(source).__name__}",
                              "导入内容须为文件路径、CSV 或 JSON 文本，或行的列表")
    digest = hashlib.sha256(raw).hexdigest()
    if fmt == "json":
        loaded = json.loads(text)
        if not isinstance(loaded, list):
            raise ValidationError("supplier.import.format", "JSON import must be a list of rows",
                                  "JSON 导入须为行的列表")
        return loaded, digest
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text))), digest
    raise ValidationError("supplier.import.format", f"Unknown import format {str(fmt)[:50]!r}",
                          f"未知的导入格式 {str(fmt)[:50]!r}", {"format": fmt})


def validate_rows(rows: list[Mapping[str, Any]]) -> tuple[list[SupplierApplication],
                                                          list[ImportRowError]]:
    """Validate every row (row numbers count from 1); duplicates within the file are errors."""
    errors: list[ImportRowError] = []
    shaped: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        try:
            shaped.append(_from_flat(row))
        except (ValueError, AttributeError, TypeError, RecursionError) as exc:
            errors.append(ImportRowError(row=number, field="", problem=f"unreadable row: {exc}"[:500]))
            shaped.append({})
    try:
        apps = _APPLICATIONS.validate_python(shaped)
    except pydantic.ValidationError as exc:
        seen: set[tuple[int, str]] = set()
        for err in exc.errors():
            number = int(err["loc"][0]) + 1
            field = ".".join(str(p) for p in err["loc"][1:])
            if (number, field) not in seen and not any(e.row == number for e in errors):
                seen.add((number, field))
                errors.append(ImportRowError(row=number, field=field, problem=err["msg"]))
        return [], sorted(errors, key=lambda e: e.row)
    errors += _bad_texts(apps)
    if errors:
        return [], errors
    first: dict[str, int] = {}
    for number, app in enumerate(apps, start=1):
        if app.credit_code in first:
            errors.append(ImportRowError(
                row=number, field="credit_code",
                problem=f"credit code {app.credit_code} repeats row {first[app.credit_code]}"))
        else:
            first[app.credit_code] = number
    return apps, errors


def _bad_texts(apps: list[SupplierApplication]) -> list[ImportRowError]:
    """The rows holding a text every command's input is refused for (a control character): the
    rows are tested a chunk at a time as JSON, and walked one by one in a chunk that may hold one."""
    errors = []
    for start in range(0, len(apps), CHUNK):
        chunk = apps[start:start + CHUNK]
        if not json_shows_bad_text(_APPLICATIONS.dump_json(chunk)):
            continue
        for number, app in enumerate(chunk, start=start + 1):
            try:
                check_strings(app, "")
            except ValidationError as exc:
                errors.append(ImportRowError(row=number, field=str(exc.details.get("field", "")),
                                             problem=exc.message_en))
    return errors


class ImportCommands(ServiceBase):
    """Bulk import."""

    @acting
    def import_suppliers(self, actor: Actor, source: str | Path | Iterable[Mapping[str, Any]], *,
                         format: str | None = None, idempotency_key: str | None = None) -> ImportReport:
        """Import applications from CSV/JSON (path or text) or row mappings: all or nothing.

        With an `idempotency_key`, a retry of the same rows (after a crash, or an answer lost on
        the way) returns the first import's report, changing nothing, instead of reporting every
        row as registered already; the key sent again with other rows, or by another person, is
        refused (`idempotency.request_mismatch`, `idempotency.mismatch`) before any row is read
        for errors."""
        with collector.paused():
            return self._import(actor, source, format, idempotency_key)

    def _import(self, actor: Actor, source: str | Path | Iterable[Mapping[str, Any]],
                format: str | None, key: str | None) -> ImportReport:
        rows, digest = read_rows(source, format)
        # The rows as submitted are the request: their digest and their count.
        request = {"digest": digest, "rows": len(rows)} if key is not None else None
        if key is not None:
            with self.platform.session() as session:
                found, first = lookup(session, key, actor, IMPORT, request)
            if found:
                return cast(ImportReport, first)
        apps, errors = validate_rows(rows)
        if not errors:
            with self.platform.session() as session:
                errors = taken_errors(apps, _registered(session, [a.credit_code for a in apps]))
        if errors:
            return ImportReport(ok=False, total=len(rows), imported=0, digest=digest, errors=errors)
        batch = f"imp-{uuid.uuid4().hex[:16]}"

        def handler(uow: UnitOfWork) -> ImportReport:
            if _registered(uow.session, [a.credit_code for a in apps]):
                raise ConflictError("supplier.import.race",
                                    "Some credit codes were registered meanwhile; import again",
                                    "导入期间部分信用代码已被登记，请重新导入")
            ids = _new_supplier_ids(len(apps))
            _insert_applications(uow, self.platform.keys, ids, apps, batch)
            screened = blacklist_matches(uow.session, ids)
            for supplier_id, matches in screened.items():
                record_screening(uow, supplier_id, 1, matches)
            uow.record("supplier.import", "supplier_import", batch, {
                "rows": len(apps), "digest": digest, "supplier_ids_digest": ids_digest(ids),
                "first": ids[0] if ids else None, "last": ids[-1] if ids else None,
                "screening": {k: [m.model_dump() for m in v] for k, v in screened.items()}},
                event="SuppliersImported")
            return ImportReport(ok=True, total=len(rows), imported=len(apps), batch_id=batch,
                                digest=digest, supplier_ids=ids)

        return self.platform.run(actor, IMPORT, handler, roles=[Role.PURCHASING, Role.ADMINISTRATOR],
                                 idempotency_key=key, request=request)

    @guarded
    def verify_import(self, batch_id: str, source: str | Path | Iterable[Mapping[str, Any]], *,
                      format: str | None = None) -> bool:
        """True when `source` is exactly what batch `batch_id` imported (digest and row count)."""
        _, digest = read_rows(source, format)
        events = self.platform.audit.events("supplier_import", batch_id)
        if len(events) != 1:
            return False
        change = json.loads(events[0].change)
        with self.platform.session() as session:
            ids = session.execute(select(SupplierRow.id).where(  # type: ignore[call-overload]
                col(SupplierRow.import_batch) == batch_id).order_by(col(SupplierRow.import_row))
            ).scalars().all()
            count = session.execute(select(func.count()).select_from(SupplierRow).where(
                col(SupplierRow.import_batch) == batch_id)).scalar_one()
        return bool(change["digest"] == digest and change["rows"] == count
                    and change["supplier_ids_digest"] == ids_digest(ids))


def taken_errors(apps: list[SupplierApplication], taken: set[str]) -> list[ImportRowError]:
    """One error per row whose credit code is already registered."""
    return [ImportRowError(row=i, field="credit_code",
                           problem=f"credit code {a.credit_code} is already registered")
            for i, a in enumerate(apps, start=1) if a.credit_code in taken]


def ids_digest(ids: Sequence[str]) -> str:
    """The digest of an import's supplier ids in row order (kept in its audit event)."""
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def _insert_applications(uow: UnitOfWork, keys: KeyProvider, ids: list[str],
                         apps: list[SupplierApplication], batch: str) -> None:
    """Every row of the applications, built and inserted a chunk at a time (memory bounded by
    the chunk), indexes deferred where that pays."""
    key = identity_key(uow.session, keys)
    with _deferred_indexes(uow.session, len(apps)):
        for start in range(0, len(apps), INSERT_CHUNK):
            end = start + INSERT_CHUNK
            insert_rows(uow.session, import_rows(ids[start:end], apps[start:end], key,
                                                 uow.actor.id, uow.now, batch, start + 1))
            # Each imported supplier gets its administrator user, as one registered alone does.
            enrol_imported_suppliers(uow, ids[start:end], [a.contacts[0].name if a.contacts else a.name
                                                           for a in apps[start:end]])


def _new_supplier_ids(n: int) -> list[str]:
    """`n` distinct fresh supplier ids (as `new_supplier_id` makes them), in ascending order, so
    that the rows of one import land next to each other in every index keyed by supplier."""
    while True:
        raw = os.urandom(8 * n).hex()
        ids = sorted({f"sup-{raw[i:i + 16]}" for i in range(0, 16 * n, 16)})
        if len(ids) == n:
            return ids


@contextmanager
def _deferred_indexes(session: Session, rows: int) -> Iterator[None]:
    """On SQLite, for a bulk import into a register smaller than the import, drop the secondary
    indexes of the import's tables and build each once after the inserts (sorting once is much
    cheaper than 100,000s of scattered B-tree inserts). All inside the command's transaction:
    readers keep the indexes of their snapshot, and a failed import leaves the schema as it was.
    PostgreSQL keeps its indexes (dropping one would lock the table for every reader)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or rows < BULK_INDEX_ROWS:
        yield
        return
    held = session.execute(select(func.count()).select_from(SupplierRow)).scalar_one()
    if held >= rows:
        yield
        return
    indexes: list[Index] = [index for name in TABLES
                            for index in sorted(SQLModel.metadata.tables[name].indexes,
                                                key=lambda i: str(i.name))]
    for index in indexes:
        index.drop(conn, checkfirst=True)
    yield
    for index in indexes:
        index.create(conn)


def _registered(session: Any, codes: list[str]) -> set[str]:
    found: set[str] = set()
    held = session.execute(select(func.count()).select_from(SupplierRow)).scalar_one()
    if held <= len(codes):  # a small register: read its codes at once
        wanted = set(codes)
        return {c for c in session.execute(select(SupplierRow.credit_code)).scalars()  # type: ignore[call-overload]
                if c in wanted}
    for i in range(0, len(codes), CHUNK):
        found.update(session.execute(select(SupplierRow.credit_code).where(  # type: ignore[call-overload]
            col(SupplierRow.credit_code).in_(codes[i:i + CHUNK]))).scalars())
    return found
