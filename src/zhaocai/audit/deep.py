"""Deep verification: the state tables checked against the audit chain that recorded them.

The chain (`zhaocai.audit.chain`) proves that no link was changed, inserted or removed. A state
row is what commands read, so a row changed outside a command (a swapped envelope, a later
deadline, a score edited, a blacklisted supplier set active) would go unseen by the chain alone.
Deep verification reads the links once, groups them by subject, and lets each area's *checker*
compare its tables with what the last relevant link recorded. A checker reads each of its tables
in one query, so the cost grows linearly with the store.

This module knows no domain table: the checkers live beside their area's code and are
registered in `zhaocai.verification`. Here are the shared parts: the links as read
(`Link`, `Links`), the findings (`Disagreement`, `Findings`), a checker's shape (`Checker`),
the one query that reads the links (`read_links`) and the run (`run_checkers`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, TextClause, text

from zhaocai import collector
from zhaocai.clock import as_utc
from zhaocai.store.unit_of_work import change_digest, link_hash

MISSING = "(missing)"
"""What a disagreement says when a row or a link is not there at all."""
ROW = "(row)"
"""The field of a disagreement about a whole row: a row without its link, or a link without its row."""


@dataclass(frozen=True, slots=True)
class Link:
    """One audit link as a checker reads it: its place, its act, its subject and its change."""

    seq: int
    at: str
    actor_id: str
    action: str
    subject_type: str
    subject_id: str
    change: dict[str, Any]


@dataclass(frozen=True)
class Disagreement:
    """One stored value that differs from what the chain recorded for it.

    `table` and `row_id` name the row (a composite key is joined with `/`), `field` the column (or
    `(row)` when a row has no link or a link no row), `row` what the row says and `chain` what the
    last link that set it says (both as text); `seq` is that link's place, when there is one.
    """

    table: str
    row_id: str
    field: str
    row: str
    chain: str
    seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"table": self.table, "row_id": self.row_id, "field": self.field, "row": self.row,
                "chain": self.chain, "seq": self.seq}


@dataclass(frozen=True)
class Scope:
    """What a check covers: the whole store (`tender_id` None) or the rows of one tender."""

    tender_id: str | None = None

    @property
    def whole(self) -> bool:
        """True for the whole store."""
        return self.tender_id is None


class Links:
    """The links a deep verification read, in chain order, grouped by subject."""

    def __init__(self, links: Iterable[Link]) -> None:
        self._by_subject: dict[tuple[str, str], list[Link]] = defaultdict(list)
        self._by_action: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            self._by_subject[(link.subject_type, link.subject_id)].append(link)
            self._by_action[link.action].append(link)

    def of(self, subject_type: str, subject_id: str) -> list[Link]:
        """The links of one subject, oldest first."""
        return self._by_subject.get((subject_type, subject_id), [])

    def subjects(self, subject_type: str) -> dict[str, list[Link]]:
        """Every subject of a type and its links."""
        return {sid: links for (st, sid), links in self._by_subject.items() if st == subject_type}

    def with_action(self, *actions: str) -> list[Link]:
        """The links of these actions, oldest first."""
        found = [link for action in actions for link in self._by_action.get(action, [])]
        return sorted(found, key=lambda link: link.seq) if len(actions) > 1 else found


class Findings:
    """What the checkers found: their disagreements and how many rows each table had checked."""

    def __init__(self) -> None:
        self.disagreements: list[Disagreement] = []
        self.rows_checked: dict[str, int] = defaultdict(int)

    def checked(self, table: str, rows: int) -> None:
        """Count `rows` rows of `table` as checked."""
        self.rows_checked[table] += rows

    def disagree(self, table: str, row_id: str, field_name: str, row: Any, chain: Any,
                 seq: int | None = None) -> None:
        """Note one disagreement (values are kept as text)."""
        self.disagreements.append(Disagreement(table, row_id, field_name, shown(row), shown(chain), seq))

    def compare(self, table: str, row_id: str, field_name: str, row: Any, chain: Any,
                seq: int | None = None) -> None:
        """Note a disagreement when `row` and `chain` differ (`same` decides)."""
        # Fast paths first (called once per checked cell): equal plain values, and a stored
        # moment against the text `canonical_json` recorded for it (UTC, `isoformat`).
        if type(row) is type(chain) and row == chain and not isinstance(row, (dict, list)):
            return
        if type(row) is datetime and type(chain) is str and row.isoformat() == chain:
            return
        if not same(row, chain):
            self.disagree(table, row_id, field_name, row, chain, seq)


CheckFunction = Callable[[Connection, Links, Scope, Findings], None]


@dataclass(frozen=True)
class Checker:
    """One area's check of its tables against the chain.

    `subjects` maps each audit subject type the check reads to how a tender's subjects of that
    type are found: None when the subject id is the tender's id, else a SQL subquery selecting the
    ids with the parameter `:tender_id` (used when one tender is checked). `check` reads its
    tables (one query each) and notes what it finds.
    """

    name: str
    subjects: Mapping[str, str | None]
    check: CheckFunction
    tables: tuple[str, ...] = ()


@dataclass
class DeepResult:
    """The cross-check of the state tables: disagreements and the rows checked per table."""

    disagreements: list[Disagreement] = field(default_factory=list)
    rows_checked: dict[str, int] = field(default_factory=dict)
    links_read: int = 0


def shown(value: Any) -> str:
    """A value as a disagreement shows it."""
    if value is None:
        return "null"
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def moment(value: Any) -> datetime | None:
    """A stored or recorded moment as an aware UTC datetime (None stays None)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    try:
        return as_utc(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
    except ValueError:
        return None


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def same(row: Any, chain: Any) -> bool:
    """Whether a stored value and a recorded one are the same fact: moments as instants, numbers
    as exact decimals, JSON as its canonical form."""
    kind = type(row)
    if kind is type(chain) and (kind is str or kind is int):
        return bool(row == chain)  # the common case, first
    if row is None or chain is None:
        return row is None and chain is None
    if isinstance(row, datetime) or isinstance(chain, datetime):
        return moment(row) is not None and moment(row) == moment(chain)
    if isinstance(row, bool) or isinstance(chain, bool):
        return row is chain or (row == chain and type(row) is type(chain))
    if isinstance(row, (int, Decimal)) and not isinstance(chain, (dict, list)):
        return _number(row) == _number(chain)
    if isinstance(row, (dict, list)) or isinstance(chain, (dict, list)):
        return _canonical(row) == _canonical(chain)
    return type(row) is type(chain) and bool(row == chain)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


_LINK_COLUMNS = "seq, at, actor_id, action, subject_type, subject_id, change, digest, prev_hash, hash"


def _link_of(row: Sequence[Any], verified: bool) -> Link | None:
    """The link of a row, or None when its change is not the JSON its digest and hash cover (a
    scoped read checks each link it reads; over the whole store `AuditLog.verify` has just checked
    the chain: `verified`)."""
    seq, at, actor, action, st, sid, change, digest, prev, link = row
    if type(change) is not str or type(seq) is not int:
        return None
    try:
        if not verified and (change_digest(change) != digest
                             or link_hash(seq, at, actor, action, st, sid, digest, prev) != link):
            return None
    except TypeError:  # a cell of the wrong type
        return None
    try:
        parsed = from_json(change)  # pydantic-core's parser: the values of `json.loads`, faster
    except ValueError:
        return None
    return Link(int(seq), at, actor, action, st, sid, parsed if isinstance(parsed, dict) else {})


def _facts(change: str) -> dict[str, Any]:
    parsed = from_json(change)
    return parsed if isinstance(parsed, dict) else {}


def read_links(conn: Connection, checkers: Sequence[Checker], scope: Scope,
               verified: bool = False, pending: Sequence[Sequence[str]] = ()) -> tuple[list[Link], int]:
    """The links the checkers read, in one query: every link of their subject types, or, for one
    tender, the links of that tender's subjects only (found through the index on subject). Each
    link read is checked against its digest and hash; the count of links that failed is returned
    beside them (such a link is left out: its facts cannot be trusted). `pending` are the running
    command's own links not yet appended (`UnitOfWork.pending_links`): they come last."""
    subjects: dict[str, set[str | None]] = defaultdict(set)
    for checker in checkers:
        for subject_type, query in checker.subjects.items():
            subjects[subject_type].add(query)
    if not subjects:
        return [], 0
    params: dict[str, Any] = {}
    clauses = []
    for n, (subject_type, queries) in enumerate(sorted(subjects.items(), key=lambda kv: kv[0])):
        params[f"st{n}"] = subject_type
        if scope.whole:
            clauses.append(f"subject_type = :st{n}")
            continue
        params["tender_id"] = scope.tender_id
        ids = [f"subject_id IN ({q})" if q is not None else "subject_id = :tender_id"
               for q in sorted(queries, key=lambda q: q or "")]
        clauses.append(f"(subject_type = :st{n} AND ({' OR '.join(ids)}))")
    statement = text(f"SELECT {_LINK_COLUMNS} FROM audit_event WHERE {' OR '.join(clauses)} ORDER BY seq")
    rows = list(conn.execute(statement, params))
    # The command's own links, numbered after every link read (their place in the chain is given
    # at commit; only their order matters here).
    top = max((int(row[0]) for row in rows if type(row[0]) is int), default=0)
    own = [Link(top + n, at, actor, action, st, sid, _facts(change))
           for n, (at, actor, action, st, sid, change) in enumerate(pending, start=1) if st in subjects]
    if "bid" in subjects:
        # Bid acts since the bid chains live on each tender's own chain (`bid_link`), after the
        # older ones of the main chain: per bid, the order in which they were made.
        where = "" if scope.whole else " WHERE tender_id = :tender_id"
        rows += list(conn.execute(text(
            f"SELECT {_LINK_COLUMNS} FROM bid_link{where} ORDER BY tender_id, seq"), params))
    links, broken = [], 0
    for row in rows:
        link = _link_of(row, verified)
        if link is None:
            broken += 1
        else:
            links.append(link)
    return links + own, broken


def subject_link_rows(conn: Connection, subject_type: str, where: str,
                      params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """The stored rows of the links of subjects of one type whose id meets `where` (an SQL
    condition on `subject_id`, with bound parameters), in chain order, found through the index on
    subject; not yet checked (see `links_of_rows`)."""
    found = conn.execute(_subject_links(where), {**params, "subject_type": subject_type})
    return [tuple(row) for row in found]


@lru_cache(maxsize=64)
def _subject_links(where: str) -> TextClause:
    # One statement object per condition: every command reads its actor's links through it.
    return text(f"SELECT {_LINK_COLUMNS} FROM audit_event WHERE subject_type = :subject_type "
                f"AND ({where}) ORDER BY seq")


def links_of_rows(rows: Iterable[Sequence[Any]]) -> tuple[list[Link], int]:
    """The links of stored link rows, each checked against its digest and hash, with the count of
    those that failed (left out)."""
    links, broken = [], 0
    for row in rows:
        link = _link_of(row, False)
        if link is None:
            broken += 1
        else:
            links.append(link)
    return links, broken


def read_subject_links(conn: Connection, subject_type: str, where: str,
                       params: Mapping[str, Any]) -> tuple[list[Link], int]:
    """The links of subjects of one type whose id meets `where` (see `subject_link_rows`), in
    chain order, each checked against its digest and hash, with the count of those that failed
    (left out)."""
    return links_of_rows(subject_link_rows(conn, subject_type, where, params))


def run_checkers(conn: Connection, checkers: Sequence[Checker], scope: Scope = Scope(), *,
                 chain_verified: bool = False, pending: Sequence[Sequence[str]] = ()) -> DeepResult:
    """Read the links (one query) and run every checker over them (one query per table).
    `chain_verified`: the whole chain was verified just before, so each link read need not be
    hashed again. `pending`: the running command's links not yet appended (see `read_links`)."""
    with collector.paused():  # tens of thousands of small objects, no cycles (see zhaocai.collector)
        return _run(conn, checkers, scope, chain_verified, pending)


def _run(conn: Connection, checkers: Sequence[Checker], scope: Scope, chain_verified: bool,
         pending: Sequence[Sequence[str]] = ()) -> DeepResult:
    links, broken = read_links(conn, checkers, scope, chain_verified, pending)
    findings = Findings()
    if broken:
        findings.disagree("audit_event", scope.tender_id or "*", "change", f"{broken} link(s)",
                          "digest and hash of each link")
    index = Links(links)
    for checker in checkers:
        try:
            checker.check(conn, index, scope, findings)
        except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
            # A cell written outside a command may not even read as its column's type: that row
            # disagrees too, and the report says so instead of failing.
            findings.disagree(", ".join(checker.tables) or checker.name, scope.tender_id or "*",
                              "(unreadable)", f"{type(error).__name__}: {error}", "a readable row")
    return DeepResult(findings.disagreements, dict(findings.rows_checked), len(links))
