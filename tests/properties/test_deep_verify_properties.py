"""Property: in a store built by the real commands, changing any one cell of a column that deep
verification checks is always reported, on that table and that row.

The store is built once per test (a contracted tender and a price inquiry awarded, by the kit);
each example changes one cell inside a transaction, runs the deep checks on the same connection
and rolls back, so examples do not see each other's changes.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Connection, Table, and_, select, update

from tests.kit import build_tender
from zhaocai.audit.deep import Scope, run_checkers
from zhaocai.bidding.evaluating.tables import (
    ENTRY,
    SCORE,
    AwardRow,
    CommitmentRow,
    ContractRow,
    EvaluationRow,
    LotRow,
    MemberRow,
    SheetRow,
)
from zhaocai.bidding.tables import BidRow, OpenedBidRow, OpeningRecordRow, TenderRow
from zhaocai.clock import ManualClock
from zhaocai.people.tables import GrantRow, PersonRow
from zhaocai.platform import Platform
from zhaocai.suppliers.tables import SupplierRow
from zhaocai.verification import CHECKERS


def _t(row: Any) -> Table:
    return row.__table__  # type: ignore[no-any-return]


# (table, the columns naming a row in a disagreement, the checked columns)
CHECKED: list[tuple[Table, tuple[str, ...], tuple[str, ...]]] = [
    (_t(TenderRow), ("id",), ("state", "title", "buyer", "category", "method", "deadline", "estimate_fen",
                               "ceiling_fen", "bid_security_fen", "amendments", "threshold", "two_envelopes",
                               "public_key", "rules_digest", "lots", "evaluation", "profile", "invitees",
                               "policy_version", "statutory")),
    (_t(BidRow), ("id",), ("tender_id", "supplier_id", "version", "status", "envelope_hash", "received_at",
                            "confirmed_through", "withdrawn_at", "envelope")),
    (_t(OpeningRecordRow), ("tender_id", "stage"), ("record", "digest")),
    (_t(OpenedBidRow), ("tender_id", "bid_id"), ("supplier_id", "total_fen")),
    (ENTRY, ("tender_id", "lot_id", "bid_id"), ("supplier_id", "price_fen")),
    (_t(SupplierRow), ("id",), ("admission", "standing", "round", "ban_until")),
    (_t(MemberRow), ("tender_id", "member_id"), ("active",)),
    (_t(CommitmentRow), ("tender_id", "lot_id", "member_id"), ("digest", "state")),
    (SCORE, ("tender_id", "lot_id", "member_id"), ("points_centi",)),
    (_t(SheetRow), ("tender_id", "lot_id", "member_id"), ("digest",)),
    (_t(EvaluationRow), ("tender_id",), ("report_digest",)),
    (_t(LotRow), ("tender_id", "lot_id"), ("candidates",)),
    (_t(AwardRow), ("id",), ("bid_id", "supplier_id", "amount_fen", "rank", "voided_at")),
    (_t(ContractRow), ("id",), ("tender_id", "supplier_id", "amount_fen", "status", "award_id")),
    (_t(PersonRow), ("id",), ("kind", "supplier_id", "supplier_admin", "active", "registered_by",
                              "registered_at", "removed_by", "removed_at")),
    (_t(GrantRow), ("id",), ("person_id", "kind", "value", "valid_from", "valid_until", "state",
                             "proposed_by", "proposed_at", "approved_by", "approved_at",
                             "revocation_proposed_by", "revocation_proposed_at", "revoked_by",
                             "revoked_at", "reason")),
]
COLUMNS = [(table, names, column) for table, names, columns in CHECKED for column in columns]


def changed(value: Any, nth: int) -> Any:
    """Another value of the same kind (a NULL becomes a value)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1 + nth % 7
    if isinstance(value, datetime):
        return value + timedelta(seconds=1 + nth % 86_400)
    if isinstance(value, str):
        return value + "改"
    if isinstance(value, list):
        return [*value, f"x{nth}"]
    if isinstance(value, dict):
        return {**value, f"x{nth}": nth}
    return None


def _null_replacement(column: Any) -> Any:
    kind = column.type.__class__.__name__
    if kind == "UTCDateTime":
        return datetime.fromisoformat("2030-01-01T00:00:00+00:00")
    if kind in ("Integer", "BigInteger"):
        return 1
    if kind == "Boolean":
        return True
    if kind == "JSONText":
        return {"x": 1}
    return "改"


def _key_columns(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def tamper_one(conn: Connection, table: Table, column: str, nth: int) -> tuple[str, Any] | None:
    """Change one cell of `column` in the `nth` row (modulo the rows); the row's keys, or None when
    the table is empty."""
    keys = _key_columns(table)
    rows = conn.execute(select(*keys, table.c[column]).order_by(*keys)).all()
    if not rows:
        return None
    row = rows[nth % len(rows)]
    current = row[-1]
    new = _null_replacement(table.c[column]) if current is None else changed(current, nth)
    where = and_(*(key == row[i] for i, key in enumerate(keys)))
    conn.execute(update(table).where(where).values({column: new}))
    return json.dumps([str(v) for v in row[:-1]]), {k.name: row[i] for i, k in enumerate(keys)}


def _named(names: tuple[str, ...], keys: dict[str, Any]) -> str:
    return "/".join(str(keys[n]) for n in names)


def test_any_single_cell_changed_outside_a_command_is_found(platform: Platform, clock: ManualClock) -> None:
    build_tender(platform, clock, "contracted")
    build_tender(platform, clock, "awarded", method="price_inquiry", evaluation={"method": "lowest_evaluated_price"})
    with platform.internal.engine.connect() as conn:
        assert run_checkers(conn, CHECKERS, Scope()).disagreements == []

    @given(st.sampled_from(COLUMNS), st.integers(min_value=0, max_value=10_000))
    def one_cell(choice: tuple[Table, tuple[str, ...], str], nth: int) -> None:
        table, names, column = choice
        with platform.internal.engine.connect() as conn:
            transaction = conn.begin()
            try:
                tampered = tamper_one(conn, table, column, nth)
                assert tampered is not None, table.name
                expected = _named(names, tampered[1])
                found = run_checkers(conn, CHECKERS, Scope()).disagreements
                assert any(d.table == table.name and d.row_id == expected for d in found), (
                    table.name, column, expected, found)
            finally:
                transaction.rollback()

    one_cell()


# A column whose change shows on another field of the row (the field names the fact, not the cell).
ALIASES = {("bid", "envelope"): "envelope", ("tender_opening", "record"): "record",
           ("evaluation_score", "points_centi"): "points_centi"}


def test_every_checked_column_changed_is_found_on_its_field(platform: Platform, clock: ManualClock) -> None:
    """The sweep the property samples from, every column once: the disagreement names the row and
    the column (or the whole row, for a key that no longer matches its link)."""
    build_tender(platform, clock, "contracted")
    build_tender(platform, clock, "awarded", method="price_inquiry", evaluation={"method": "lowest_evaluated_price"})
    for table, names, column in COLUMNS:
        with platform.internal.engine.connect() as conn:
            transaction = conn.begin()
            try:
                tampered = tamper_one(conn, table, column, 0)
                assert tampered is not None, table.name
                expected = _named(names, tampered[1])
                found = {(d.table, d.row_id, d.field) for d in run_checkers(conn, CHECKERS, Scope()).disagreements}
                assert (table.name, expected, ALIASES.get((table.name, column), column)) in found or \
                    (table.name, expected, "(row)") in found, (table.name, column, found)
            finally:
                transaction.rollback()
