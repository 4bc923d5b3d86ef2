"""The register's deep check: each supplier's admission and standing against the audit chain.

- every supplier row was registered (`supplier.register`) or imported (`supplier.import`, whose
  link keeps the digest of the batch's ids in row order: the rows of a batch must hash to it);
- `admission` and `round` are those of the last admission link (`supplier.review`, `.admit`,
  `.reject`, `.reapply`), `applied` and round 1 before any;
- `standing` is the `to` of the last `supplier.standing.*` link (none before admission), and
  `ban_until` the ban the last blacklisting set (none before, and none once an appeal restored).

One query over `supplier` (and the one read of the links in `zhaocai.audit.deep`). For one tender
(the fail-closed check) only the tender's bidders are read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, bindparam, column, select, table

from zhaocai.audit.deep import MISSING, ROW, Checker, Findings, Link, Links, Scope
from zhaocai.suppliers.importing import ids_digest
from zhaocai.suppliers.tables import SupplierRow

_SUPPLIER = SupplierRow.__table__  # type: ignore[attr-defined]
ADMISSION_ACTIONS = ("supplier.review", "supplier.admit", "supplier.reject", "supplier.reapply")
STANDING_PREFIX = "supplier.standing."
_BIDDERS = "SELECT supplier_id FROM bid WHERE tender_id = :tender_id"
# The bid table named here without importing bidding (which builds on the register).
_BID = table("bid", column("supplier_id"), column("tender_id"))
_BIDDER_IDS = select(_BID.c.supplier_id).where(_BID.c.tender_id == bindparam("tender_id"))


def _expected(own: list[Link]) -> dict[str, tuple[Any, int | None]]:
    """What the chain says a supplier row holds, each value with the link that set it."""
    expected: dict[str, tuple[Any, int | None]] = {
        "admission": ("applied", None), "round": (1, None), "standing": (None, None),
        "ban_until": (None, None)}
    for link in own:
        facts = link.change
        if link.action in ADMISSION_ACTIONS and "to" in facts:
            expected["admission"] = (facts["to"], link.seq)
            if "round" in facts:
                expected["round"] = (facts["round"], link.seq)
        elif link.action.startswith(STANDING_PREFIX) and "to" in facts:
            expected["standing"] = (facts["to"], link.seq)
            if facts.get("event") == "blacklist":
                expected["ban_until"] = (facts.get("ban_until"), link.seq)
            elif facts.get("event") == "restore":
                expected["ban_until"] = (None, link.seq)
    return expected


def check_suppliers(conn: Connection, links: Links, scope: Scope, found: Findings) -> None:
    """Each supplier's admission, round, standing and ban against its links; each import batch
    against its recorded digest of ids."""
    query = select(_SUPPLIER.c.id, _SUPPLIER.c.admission, _SUPPLIER.c.standing, _SUPPLIER.c.round,
                   _SUPPLIER.c.ban_until, _SUPPLIER.c.import_batch, _SUPPLIER.c.import_row)
    if not scope.whole:
        query = query.where(_SUPPLIER.c.id.in_(_BIDDER_IDS))
    rows = conn.execute(query, {} if scope.whole else {"tender_id": scope.tender_id}).all()
    found.checked("supplier", len(rows))
    batches: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        own = links.of("supplier", row.id)
        registered = any(link.action == "supplier.register" for link in own)
        if row.import_batch is not None and not registered:
            batches[row.import_batch].append((row.import_row or 0, row.id))
            if not links.of("supplier_import", row.import_batch):
                found.disagree("supplier", row.id, "import_batch", row.import_batch, MISSING)
                continue
        elif not registered:
            found.disagree("supplier", row.id, ROW, "present", MISSING)
            continue
        for name, (value, seq) in _expected(own).items():
            found.compare("supplier", row.id, name, getattr(row, name), value, seq)
    if scope.whole:
        _check_batches(links, batches, found)


def _check_batches(links: Links, batches: dict[str, list[tuple[int, str]]], found: Findings) -> None:
    for batch, own in links.subjects("supplier_import").items():
        link = own[-1]
        ids = [sid for _, sid in sorted(batches.get(batch, []))]
        found.compare("supplier", batch, "import_batch", ids_digest(ids),
                      link.change.get("supplier_ids_digest"), link.seq)


SUPPLIERS = Checker("suppliers", {
    "supplier": _BIDDERS,
    "supplier_import": f"SELECT import_batch FROM supplier WHERE id IN ({_BIDDERS})",
}, check_suppliers, ("supplier",))
