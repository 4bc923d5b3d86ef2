"""Nothing public counts bids before the opening (Law 22).

Three stores live the same story, except that one tender receives 0, 1 or 7 bid acts (submit,
replace, withdraw, confirm). Everything a member of the public, an integrator or an organisation
publishing the audit head can read before the opening is compared: the event feed with every
position and field (`audit_seq` too), `audit.head()` and the chain's length, the OCDS releases
and records, the public database, the tender as a non-bidder and the auditor see it, its
amendments, and every sequence the database keeps. They are identical once the identifiers
drawn at random (tender, supplier and event ids, keys) are named by their order of appearance.
After the opening the bid chain is committed in the main chain and `verify()` proves it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import nullcontext
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

from tests.kit import (
    ACTORS,
    fresh_store,
    payload,
    present,
    published,
    register_admitted_supplier,
    register_cast,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform
from zhaocai.store.engine import normalise_url

START = datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
# Identifiers and keys drawn at random: ids with their prefix, uuids, hex and base64 keys.
_RANDOM = re.compile(r"\b[a-z]{2,5}-[0-9a-f]{8,32}\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                     r"|\b[0-9a-f]{32,}\b|[A-Za-z0-9+/_-]{40,}={0,2}")


class Names:
    """Names each random token by its order of first appearance, so structure still compares."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            return _RANDOM.sub(lambda m: self.seen.setdefault(m.group(0), f"<{len(self.seen)}>"), value)
        if isinstance(value, dict):
            return {self(k): self(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self(v) for v in value]
        return value


def _bid_acts(platform: Platform, tender_id: str, suppliers: list[Actor], acts: int, clock: ManualClock) -> None:
    """Up to seven bid acts, spaced in time; the clock moves the same whatever `acts` is."""
    s1, s2, s3 = suppliers[:3]
    plan = [
        lambda: platform.tenders.submit_bid(s1, tender_id, payload("1500000.00")),
        lambda: platform.tenders.submit_bid(s2, tender_id, payload("1600000.00")),
        lambda: platform.tenders.submit_bid(s3, tender_id, payload("1700000.00")),
        lambda: platform.tenders.submit_bid(s1, tender_id, payload("1450000.00")),
        lambda: platform.tenders.withdraw_bid(s2, tender_id),
    ]
    for i, act in enumerate(plan):
        clock.advance(hours=1)
        if i < acts:
            act()
    clock.advance(hours=1)
    platform.tenders.clarify(ACTORS["purchasing"], tender_id, "答疑：钢筋牌号以图纸为准")
    platform.tenders.amend(ACTORS["purchasing"], tender_id, "补遗：第二批交货地点变更")
    for i, supplier in enumerate((s1, s3)):
        clock.advance(hours=1)
        if i + len(plan) < acts:
            platform.tenders.confirm_bid(supplier, tender_id)


def _sequences(url: str) -> list[Any]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                return [tuple(r) for r in conn.execute(text(
                    "SELECT sequencename, last_value FROM pg_sequences "
                    "WHERE schemaname = current_schema() ORDER BY sequencename"))]
            names = inspect(engine).get_table_names()
            found = [tuple(r) for r in conn.execute(text("SELECT name, seq FROM sqlite_sequence ORDER BY name"))] \
                if "sqlite_sequence" in names else []
            return [*found, ("outbox_event", conn.execute(text("SELECT max(position) FROM outbox_event")).scalar())]
    finally:
        engine.dispose()


def _public_database(platform: Platform, folder: Path) -> dict[str, Any]:
    path = platform.publish.public_database(folder / "public.db")
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        db.close()


def _public(platform: Platform, url: str, tender_id: str, outsider: Actor, folder: Path) -> Any:
    """Everything readable before the opening by anyone who did not bid."""
    head_seq, _ = platform.audit.head()
    return {
        "events": [e.model_dump(mode="json") for e in platform.events.read(limit=10_000)],
        "head_seq": head_seq, "chain": platform.audit.count(),
        "releases": platform.publish.release_package(), "records": platform.publish.record_package(),
        "public_database": _public_database(platform, folder),
        "outsider_view": platform.tenders.get(outsider, tender_id).model_dump(mode="json"),
        "auditor_view": platform.tenders.get(ACTORS["auditor"], tender_id).model_dump(mode="json"),
        "amendments": [a.model_dump(mode="json") for a in platform.tenders.amendments(tender_id)],
        "sequences": _sequences(url),
    }


def _story(url: str, acts: int, folder: Path) -> tuple[list[Any], Platform, Any, ManualClock]:
    clock = ManualClock(START)
    platform = Platform.open(url, clock=clock)
    register_cast(platform)
    # The same suppliers in every story (names and seeds fixed, not the kit's running ones).
    suppliers = [supplier_actor(register_admitted_supplier(platform, ACTORS, name=f"静默建材{i}号有限公司",
                                                           seed=9_100 + i)) for i in range(4)]
    platform.tenders.receipt_verify_key()
    pub = published(platform, ACTORS, clock)
    tender_id = pub.tender.id
    seen = [_public(platform, url, tender_id, suppliers[3], folder / "a")]
    _bid_acts(platform, tender_id, suppliers, acts, clock)
    seen.append(_public(platform, url, tender_id, suppliers[3], folder / "b"))
    clock.set(pub.tender.deadline + timedelta(seconds=1))
    platform.tick()  # closed, still sealed
    seen.append(_public(platform, url, tender_id, suppliers[3], folder / "c"))
    return seen, platform, pub, clock


def test_nothing_public_counts_bid_acts_before_the_opening(backend: str, db_url: str, tmp_path: Path) -> None:
    seen: dict[int, Any] = {}
    for acts in (0, 1, 7):
        with fresh_store(backend, tmp_path / f"s{acts}") if acts else nullcontext(db_url) as url:
            (tmp_path / f"s{acts}").mkdir(exist_ok=True)
            (tmp_path / f"p{acts}" / "a").mkdir(parents=True)
            (tmp_path / f"p{acts}" / "b").mkdir()
            (tmp_path / f"p{acts}" / "c").mkdir()
            story, platform, pub, clock = _story(url, acts, tmp_path / f"p{acts}")
            try:
                seen[acts] = json.loads(json.dumps(Names()(story), default=str))
                if acts == 7:
                    _opened_and_proven(platform, pub, clock)
            finally:
                platform.close()
    assert seen[0] == seen[1], _first_difference(seen[0], seen[1])
    assert seen[0] == seen[7], _first_difference(seen[0], seen[7])


def _opened_and_proven(platform: Platform, pub: Any, clock: ManualClock) -> None:
    tender_id = pub.tender.id
    links = platform.audit.bid_links(tender_id)
    assert [link.action for link in links] == ["bid.submit", "bid.submit", "bid.submit", "bid.replace",
                                               "bid.withdraw", "bid.confirm", "bid.confirm"]
    assert [link.seq for link in links] == list(range(1, 8)) and {link.bid_chain for link in links} == {tender_id}
    clock.set(pub.tender.deadline + timedelta(hours=1))
    present(platform, tender_id, 1, 2)
    record = platform.tenders.open_bids(ACTORS["supervisor"], tender_id)
    assert len(record.entries) == 2
    opening = [e for e in platform.audit.events(subject_id=tender_id) if e.action in ("tender.open", "tender.fail")]
    assert json.loads(opening[0].change)["bid_chain"] == {"seq": 7, "hash": links[-1].hash}
    checked = platform.audit.verify()
    assert checked.ok and checked.bid_links_checked == 7, checked


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"
