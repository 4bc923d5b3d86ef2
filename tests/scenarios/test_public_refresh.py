"""The public database is refreshed in place: idempotent, complete, and atomic for a reader."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.kit import bidders, payload, present, published
from tests.kit.portal import dump
from zhaocai.publish.public_db import public_rows, search_documents
from zhaocai.publish.refresh import SCHEMA_KEY, refresh
from zhaocai.publish.search import search


def test_refreshing_in_place_gives_what_a_fresh_file_holds(platform, actors, clock, tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    users = bidders(platform, actors, 2)
    pub = published(platform, actors, clock, title="HRB400E 钢筋 脚手架劳务")
    platform.publish.public_database(live)
    assert dump(live) == dump(platform.publish.public_database(tmp_path / "a.db"))
    for n, user in enumerate(users):
        clock.advance(hours=1)
        platform.tenders.submit_bid(user, pub.tender.id, payload(f"{1_900_000 + n}.00"))
    clock.set(pub.tender.deadline + timedelta(minutes=5))
    present(platform, pub.tender.id, 1, 2)
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id)
    platform.publish.public_database(live)
    assert dump(live) == dump(platform.publish.public_database(tmp_path / "b.db"))
    with closing(sqlite3.connect(live)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT count(*) FROM opening_entries").fetchone() == (2,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert [r for r in search(conn, "tenders_fts", "劳务")] == [
            conn.execute("SELECT rowid FROM tenders WHERE id = ?", (pub.tender.id,)).fetchone()[0]]


def test_refresh_twice_changes_nothing_and_deletes_what_is_gone(platform, actors, clock, tmp_path: Path) -> None:
    first = published(platform, actors, clock, title="塔吊租赁 QTZ80")
    published(platform, actors, clock, title="商品混凝土 C30")
    snaps = platform.publish.snapshots()
    settings, now = platform.publish.settings, clock.now()
    both = public_rows(snaps, [], [], settings, now)
    one = public_rows([s for s in snaps if s.id == first.tender.id], [], [], settings, now)
    path = tmp_path / "p.db"
    assert refresh(path, both, search_documents(both)) > 0
    before = dump(path)
    assert refresh(path, both, search_documents(both)) == 0  # nothing written the second time
    assert dump(path) == before
    assert refresh(path, one, search_documents(one)) > 0
    with closing(sqlite3.connect(path)) as conn:
        assert [r[0] for r in conn.execute("SELECT title FROM tenders")] == ["塔吊租赁 QTZ80"]
        assert search(conn, "tenders_fts", "混凝土") == [] and search(conn, "items_fts", "rebar") != []
        assert conn.execute("SELECT count(*) FROM tenders_fts").fetchone() == (1,)
    assert "商品混凝土".encode() not in path.read_bytes()  # secure_delete and the merged index
    assert refresh(path, both, search_documents(both)) > 0
    assert dump(path) == before


def test_a_file_of_an_earlier_schema_is_rebuilt(platform, actors, clock, tmp_path: Path) -> None:
    published(platform, actors, clock, title="电缆 YJV22")
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE tenders (id TEXT PRIMARY KEY, title TEXT)")
        conn.execute("CREATE VIRTUAL TABLE tenders_fts USING fts5(title, tokenize='trigram')")
        conn.execute("INSERT INTO tenders VALUES ('old', 'stale')")
    platform.publish.public_database(path)
    with closing(sqlite3.connect(path)) as conn:
        assert [r[0] for r in conn.execute("SELECT title FROM tenders")] == ["电缆 YJV22"]
        assert conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
        assert len(search(conn, "tenders_fts", "电缆")) == 1


def _state(conn: sqlite3.Connection) -> tuple[Any, ...]:
    conn.execute("BEGIN")
    try:
        return (tuple(r[0] for r in conn.execute("SELECT id FROM tenders ORDER BY id")),
                conn.execute("SELECT count(*) FROM items").fetchone()[0],
                conn.execute("SELECT count(*) FROM tenders_fts").fetchone()[0],
                conn.execute("SELECT value FROM meta WHERE key = 'generated_at'").fetchone()[0])
    finally:
        conn.execute("COMMIT")


def test_a_concurrent_reader_sees_old_or_new_never_half(platform, actors, clock, tmp_path: Path) -> None:
    for title in ("钢筋 HRB400E", "劳务分包", "电缆桥架"):
        published(platform, actors, clock, title=title)
    snaps = platform.publish.snapshots()
    small = public_rows(snaps[:1], [], [], platform.publish.settings, clock.now())
    large = public_rows(snaps, [], [], platform.publish.settings, clock.now() + timedelta(hours=1))
    docs = {id(small): search_documents(small), id(large): search_documents(large)}
    path = tmp_path / "live.db"
    refresh(path, small, docs[id(small)])
    states = set()
    for rows in (small, large):
        probe = tmp_path / f"probe-{len(rows['tenders'])}.db"
        refresh(probe, rows, docs[id(rows)])
        with closing(sqlite3.connect(probe, isolation_level=None)) as conn:
            states.add(_state(conn))
    assert len(states) == 2
    seen: list[tuple[Any, ...]] = []
    done = threading.Event()

    def read() -> None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=10)
        try:
            while not done.is_set() and len(seen) < 5000:
                seen.append(_state(conn))
        finally:
            conn.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(30):
            rows = large if n % 2 == 0 else small
            refresh(path, rows, docs[id(rows)])
    finally:
        done.set()
        reader.join(timeout=30)
    assert set(seen) <= states, set(seen) - states
    assert len(set(seen)) == 2, "the reader did not see both states: the test proved nothing"
