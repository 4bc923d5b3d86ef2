"""No clear price is stored before opening: search the raw SQLite bytes and a PostgreSQL dump."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.engine import make_url

from tests.kit import LOTS, bidders, present, published
from zhaocai.actors import Actor
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

MARKER = "98765.43"
MARKER_FEN = "9876543"


def _stored_bytes(url: str) -> bytes:
    """Every byte the database holds: the SQLite file and its WAL, or a pg_dump of the schema."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    options = unquote(str(parsed.query.get("options", "")))
    schema = options.split("search_path=", 1)[1]
    env = {**os.environ, "PGPASSWORD": parsed.password or ""}
    return subprocess.run(
        ["pg_dump", "-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432),
         "-U", parsed.username or "postgres", "-n", schema, parsed.database or "postgres"],
        check=True, capture_output=True, env=env).stdout


def test_a_marker_price_is_nowhere_in_the_store_until_opening(
    platform: Platform, actors: dict[str, Actor], clock: ManualClock
) -> None:
    pub = published(platform, actors, clock, lots=[LOTS[0]])
    marker_bidder, *others = bidders(platform, actors, 3)
    platform.tenders.submit_bid(marker_bidder, pub.tender.id,
                                {"lots": [{"lot": "L1", "price": MARKER}],
                                 "documents": {"author": "marker author"}})
    for i, supplier in enumerate(others):
        platform.tenders.submit_bid(supplier, pub.tender.id, {"lots": [{"lot": "L1", "price": f"1{i}0000.00"}]})
    clock.advance(days=21, minutes=5)  # past the deadline and its in-flight bound
    platform.tick()  # closed, still sealed
    before = _stored_bytes(platform.url)
    assert len(before) > 10_000
    for needle in (MARKER, MARKER_FEN, "marker author"):
        assert needle.encode() not in before, f"{needle} stored before opening"

    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    assert record.valid_bids == 3
    after = _stored_bytes(platform.url)
    assert MARKER.encode() in after and b"marker author" in after
    if make_url(platform.url).get_backend_name() == "postgresql":
        assert MARKER_FEN.encode() in after  # opened_bid.total_fen, as dumped text
