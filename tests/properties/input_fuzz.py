"""The input fuzz's kit: every public command of the platform, hostile values for its inputs, a
world to run them in, and the checks every refusal must pass.

The commands are found, not listed: every public method of every service `Platform` holds
(`SERVICES`). A method is fuzzed unless `EXCLUDED` says why not, so a new command is covered
the day it is written (or the fuzz fails naming it).

Arguments are drawn as recipes (`Ref` stands for an id of the world: a tender, a supplier, a
member of a committee...), and each recipe is resolved in each world, so that SQLite and
PostgreSQL are asked exactly the same thing and must answer it the same way.
"""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy import inspect as sa_inspect

from tests.kit import ACTORS, application, build_tender, payload, register_cast
from tests.kit.chinese import stray_english
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform
from zhaocai.store import normalise_url
from zhaocai.testing.tender import draft

SERVICES = ("people", "suppliers", "policy", "tenders", "evaluation", "single_source",
            "integrity", "publish", "holidays")
"""The services `Platform` holds (a new one must be added here: `test_every_service_is_fuzzed`)."""

EXCLUDED = {
    "publish.public_database": "writes a file at a path the operator chooses",
    "publish.write_record_package": "writes a file at a path the operator chooses",
    "publish.write_release_package": "writes a file at a path the operator chooses",
    "suppliers.inspection_threshold": "internal: takes the runner's own session",
    "integrity.screen_ocds": "reads files and URLs the operator names; fuzzed by its own tests",
    "publish.to_json": "formats a package the platform made: no input of a caller",
}
"""Public methods the fuzz does not call, and why."""


def public_commands(platform: Platform) -> list[str]:
    """Every public method of every service, as `service.method`."""
    names = []
    for service in SERVICES:
        for name, _ in inspect.getmembers(type(getattr(platform, service)), inspect.isfunction):
            if not name.startswith("_"):
                names.append(f"{service}.{name}")
    return sorted(names)


# -- hostile values --------------------------------------------------------------------------------

TEXTS = ["", "   ", "\t\n", "\x00", "a\x00b", "名称\x00", "\x07\x1b[31mred", "\u202etxet", "\ud800",
         "drop table tender", "x" * 70_000, "名" * 25_000, "'; --", "null", "\ufeff", " padded "]
NUMBERS = ["1e400", "-1e400", 10**30, -(10**30), 2**63, 2**64 + 1, -(2**63) - 1, "9" * 400,
           "NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", Decimal("NaN"),
           Decimal("Infinity"), Decimal("1e400"), float("nan"), float("inf"), 1.5, 0.1, -1, 0,
           "-0.01", "0.001", "1,000", "1_000", " 12 ", "１２", "十二", True, False, "", "abc"]
ODD = [None, [], {}, [None], {"": None}, b"\x00bytes", object(), set(), (1, 2), 10**100,
       {"__class__": "x"}, "[not json", {"k": float("nan")}, frozenset({1})]
MOMENTS = [datetime(2026, 3, 2, 9, 0), datetime(2026, 3, 2, 9, 0, tzinfo=UTC), datetime.min,
           datetime.max, date(2026, 3, 2), "2026-03-02T09:00:00", "2026-03-02T09:00:00+08:00",
           "not a date", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00Z", 1_700_000_000,
           datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC)]
ENUMS = ["materials", "MATERIALS", "open_tender", "purchasing", "month", "quarter", "pending",
         "unknown_value", "材料", "Materials ", "sideways"]
DURATIONS = [0, -1, 1, 10**6, 10**9, 10**18, 2**63, 10**100, "30", "1e9", 1.5, None]

hostile_text = st.sampled_from(TEXTS)
hostile_number = st.sampled_from(NUMBERS)
hostile_any = st.one_of(st.sampled_from(TEXTS + NUMBERS + ODD + MOMENTS + ENUMS),
                        st.text(max_size=12), st.integers())


@dataclass(frozen=True)
class Ref:
    """An id of the world, resolved in each world (`World.ids[kind][index]`)."""

    kind: str
    index: int


# -- the world -------------------------------------------------------------------------------------

@dataclass
class World:
    """A platform over one store with a little of everything in it: the cast, tenders in a few
    states with their suppliers and committee, and the ids a fuzzed argument may name."""

    platform: Platform
    clock: ManualClock
    ids: dict[str, list[str]] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """The recipe `value` with every `Ref` replaced by this world's id."""
        if isinstance(value, Ref):
            pool = self.ids.get(value.kind) or ["no-such-id"]
            return pool[value.index % len(pool)]
        if isinstance(value, dict):
            return {self.resolve(k): self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(v) for v in value)
        return value


def build_world(url: str) -> World:
    """A platform at `url` with the cast, a draft, an open tender and one being evaluated."""
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))
    platform = Platform.open(url, clock=clock)
    register_cast(platform)
    evaluating = build_tender(platform, clock, "drawn", bidders=3)
    bidding = build_tender(platform, clock, "published", bidders=2)
    drafted = build_tender(platform, clock, "draft")
    with platform.internal.session() as session:
        bids = [r[0] for r in session.execute(text("SELECT id FROM bid ORDER BY received_at, id"))]
    world = World(platform, clock)
    suppliers = evaluating.suppliers + bidding.suppliers
    world.ids = {
        "tender": [evaluating.tender_id, bidding.tender_id, drafted.tender_id],
        "supplier": suppliers,
        "actor": [a.id for a in ACTORS.values()] + [f"u-{s}"[:64] for s in suppliers]
                 + [m.id for m in evaluating.members],
        "member": [m.id for m in evaluating.members],
        "lot": ["L1", "L2"],
        "bid": bids,
    }
    return world


def fingerprint(url: str) -> dict[str, Any]:
    """Rows per table and the audit chain's head: what a refused command must leave as it was."""
    engine = create_engine(normalise_url(url))
    try:
        names = sorted(sa_inspect(engine).get_table_names())
        with engine.connect() as conn:
            counts = {n: int(conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one())
                      for n in names}
            head = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar_one() \
                if "audit_log" in names else None
        return {"rows": counts, "audit_head": head}
    finally:
        engine.dispose()


# -- argument recipes ------------------------------------------------------------------------------

ID_KINDS = {"tender_id": "tender", "supplier_id": "supplier", "person_id": "actor",
            "member_id": "member", "lot_id": "lot", "bid_id": "bid", "actor_id": "actor",
            "procurement_id": "tender", "contract_id": "bid", "request_id": "supplier",
            "grant_id": "actor", "proposal_id": "tender", "deviation_id": "tender",
            "objection_id": "tender", "removal_id": "bid", "override_id": "bid",
            "schedule_id": "tender", "qualification_id": "bid", "batch_id": "tender"}


def ref(kind: str) -> st.SearchStrategy[Any]:
    """Mostly an id of the world, sometimes a hostile one."""
    return st.one_of(st.integers(0, 20).map(lambda i: Ref(kind, i)), hostile_any)


def key(kind: str) -> st.SearchStrategy[Any]:
    """A mapping's key: an id of the world, or a hostile (hashable) one."""
    return st.one_of(st.integers(0, 20).map(lambda i: Ref(kind, i)), hostile_text, st.integers())


def _bases(clock: ManualClock) -> dict[str, dict[str, Any]]:
    """A valid input of each model the fuzz knows well, to mutate one leaf of."""
    return {
        "SupplierApplication": application("模糊测试建材有限公司", seed=424242),
        "TenderDraft": draft(clock),
        "BidPayload": payload("1500000.00"),
        "NewPerson": {"id": "fz-person", "name": "模糊测试", "unit": "采购部"},
        "NewGrant": {"person_id": "x-nobody", "role": "auditor"},
        "NewSupplierUser": {"id": "fz-user", "name": "模糊用户"},
        "ExpertInput": {"id": "e-fz", "name": "模糊专家", "identity_number": "330782197001019999",
                        "specialties": ["materials"]},
        "Representative": {"person_id": "p-li", "name": "李采购"},
        "QualificationInput": application("x", seed=424243)["qualifications"][0],
        "PerformanceEventInput": {"supplier_id": Ref("supplier", 0), "contract_id": "c-ext-1",
                                  "kind": "late_delivery", "note": "迟延交货"},
        "ComplianceDecision": {"bid_id": Ref("bid", 0), "compliant": True, "note": "符合"},
        "YearSchedule": {"year": 2040, "source": "国务院办公厅通知",
                         "holidays": ["2040-01-01"], "workdays": []},
        "RulesProfile": {"min_bidders": 3},
        "SingleSourceDraft": {},
        "NegotiationInput": {},
    }


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        out = [path] if path else []
        for k, v in value.items():
            out += _leaves(v, (*path, k))
        return out
    if isinstance(value, list):
        out = [path] if path else []
        for i, v in enumerate(value):
            out += _leaves(v, (*path, i))
        return out
    return [path]


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    out = copy.deepcopy(value)
    target = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return out


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> Any:
    """`base` with one leaf (or branch) replaced by a hostile value, or an unknown key added."""
    paths = _leaves(base)
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return {**base, draw(st.sampled_from(["unknown", "", "\x00", "名"])): draw(hostile_any)}
    if choice == 1 or not paths:
        return draw(hostile_any)
    path = draw(st.sampled_from(paths))
    name = str(path[-1])
    if any(w in name for w in ("price", "amount", "estimate", "ceiling", "security", "quantity")):
        new = draw(st.one_of(hostile_number, hostile_any))
    elif any(w in name for w in ("deadline", "valid", "date", "at", "holidays", "workdays")):
        new = draw(st.one_of(st.sampled_from(MOMENTS), hostile_any))
    elif name in ("category", "method", "kind", "role", "specialties", "department"):
        new = draw(st.one_of(st.sampled_from(ENUMS), hostile_any))
    else:
        new = draw(st.one_of(hostile_text, hostile_any))
    return _set(base, path, new)


def _model_name(annotation: Any) -> str | None:
    for name in re.findall(r"[A-Z][A-Za-z]+", str(annotation)):
        if name not in ("Mapping", "Sequence", "Any", "Actor", "Who", "Decimal", "Path", "Iterable",
                        "Category", "Role", "Department", "GrantState", "PeriodKind", "None",
                        "SheetCommitment", "ScoreSheet", "Source"):
            return name
    return None


def argument(name: str, annotation: Any, bases: Mapping[str, dict[str, Any]]) -> st.SearchStrategy[Any]:
    """A recipe for one argument, by its name and annotation."""
    annotation = str(annotation)
    if name in ("actor", "who"):
        return st.one_of(st.integers(0, 40).map(lambda i: Ref("actor", i)), hostile_any)
    if name in ID_KINDS:
        return ref(ID_KINDS[name])
    if name.endswith("_ids"):
        return st.lists(ref(ID_KINDS.get(name[:-1], "supplier")), max_size=3) | hostile_any
    if name in ("ban_days", "size", "limit", "indent") or annotation in ("int", "int | None"):
        return st.one_of(st.sampled_from(DURATIONS), hostile_number)
    if name == "passed" or name in ("upheld", "admit", "no_conflict", "two_envelopes",
                                    "administrator", "cardinal", "compliant"):
        return st.one_of(st.booleans(), hostile_any)
    if "datetime" in annotation or name in ("start", "end", "at", "deadline", "new_deadline"):
        return st.one_of(st.sampled_from(MOMENTS), hostile_any)
    if name == "amount":
        return st.one_of(hostile_number, hostile_any)
    if name == "payments":
        return st.one_of(st.dictionaries(key("supplier"), hostile_number, max_size=2), hostile_any)
    if name == "scores":
        return st.one_of(st.dictionaries(key("bid"), st.dictionaries(hostile_text, hostile_number,
                                                                       max_size=2), max_size=2),
                         hostile_any)
    if name == "period":
        return st.one_of(st.tuples(st.sampled_from(MOMENTS), st.sampled_from(MOMENTS)), hostile_any)
    if name in ("category", "department", "kind", "state", "format"):
        return st.one_of(st.sampled_from([*ENUMS, "csv", "json", "xml"]), hostile_any)
    if name == "evidence":
        return st.one_of(st.lists(hostile_any, max_size=3), hostile_any)
    if name == "source":
        return st.one_of(st.sampled_from([
            "[not json", "[1, 2]", "[{}]", "credit_code,name\n\x00,\n", "[{\"name\": \"   \"}]",
            "name\n" + "x" * 1000, "\ufeff", "[" + "[" * 5000]), hostile_any)
    model = _model_name(annotation)
    if model is not None:
        base = bases.get(model) or {}
        one = mutated(base) if base else st.dictionaries(hostile_text, hostile_any, max_size=3)
        if "Sequence" in annotation:
            return st.one_of(st.lists(one, max_size=2), hostile_any)
        return one
    return st.one_of(hostile_text, hostile_any)


def recipe(platform: Platform, command: str, clock: ManualClock) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for `command` (every parameter drawn; optional ones sometimes left out)."""
    service, method = command.split(".")
    fn = getattr(type(getattr(platform, service)), method)
    signature = inspect.signature(fn)
    hints = {k: str(v) for k, v in getattr(fn, "__annotations__", {}).items()}
    bases = _bases(clock)
    parts: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, parameter in signature.parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        strategy = argument(name, hints.get(name, parameter.annotation), bases)
        (parts if parameter.default is inspect.Parameter.empty else optional)[name] = strategy
    return st.fixed_dictionaries(parts, optional=optional)


# -- the property ----------------------------------------------------------------------------------

CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def check_refusal(error: ZhaocaiError) -> None:
    """A refusal is a typed error with a code and a message in English and in Chinese."""
    assert CODE.match(error.code), error.code
    assert error.message_en.strip(), error
    assert CJK.search(error.message_zh), error
    stray = stray_english(error.message_zh)
    assert not stray, f"[{error.code}] English left in the Chinese message: {stray}: {error.message_zh!r}"[:2000]


def outcome(world: World, command: str, arguments: Mapping[str, Any]) -> str:
    """Call `command` in `world`: 'ok', or the refusal's code (checked, the store unchanged)."""
    service, method = command.split(".")
    call: Callable[..., Any] = getattr(getattr(world.platform, service), method)
    resolved = world.resolve(dict(arguments))
    before = fingerprint(world.platform.url)
    try:
        call(**resolved)
    except ZhaocaiError as error:
        check_refusal(error)
        after = fingerprint(world.platform.url)
        assert after == before, f"{command} refused with {error.code} but changed the store"
        return error.code
    return "ok"


def short(arguments: Mapping[str, Any]) -> str:
    """The arguments, long texts cut, for a failure's message."""
    return re.sub(r"(.)\1{40,}", lambda m: f"{m.group(1)}×{len(m.group(0))}", repr(arguments))[:2000]


