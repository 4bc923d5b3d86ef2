"""Properties of the public database's refresh and search.

- Whatever sequence of public states a file is refreshed through (tenders appearing, changing
  title, disappearing), it then holds exactly what a fresh file of the last state holds, search
  words included, and a second refresh writes nothing.
- Any text typed into the search box gives a valid FTS5 expression (never a syntax error).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import timedelta
from itertools import count
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.kit import published
from tests.kit.portal import dump
from zhaocai.publish.public_db import public_rows, search_documents
from zhaocai.publish.refresh import refresh, schema_sql
from zhaocai.publish.search import query_expression, search

TITLES = ("钢筋 HRB400E", "脚手架劳务分包", "商品混凝土 C30", "电缆桥架", "塔吊租赁")
SUFFIXES = ("", "（二期）", " 补遗", "劳务")
STATES = st.lists(st.tuples(st.lists(st.booleans(), min_size=len(TITLES), max_size=len(TITLES)),
                            st.sampled_from(SUFFIXES)), min_size=1, max_size=5)


def test_refresh_through_any_states_equals_a_fresh_file(platform, actors, clock, tmp_path: Path) -> None:
    for title in TITLES:
        published(platform, actors, clock, title=title)
    snaps = platform.publish.snapshots()
    files = count()

    @given(states=STATES)
    def run(states: list[tuple[list[bool], str]]) -> None:
        live = tmp_path / f"live-{next(files)}.db"
        for n, (mask, suffix) in enumerate(states):
            chosen = [dataclasses.replace(s, title=s.title + suffix) for s, keep in zip(snaps, mask, strict=True)
                      if keep]
            rows = public_rows(chosen, [], [], platform.publish.settings, clock.now() + timedelta(hours=n))
            refresh(live, rows, search_documents(rows))
            fresh = tmp_path / f"fresh-{next(files)}.db"
            refresh(fresh, rows, search_documents(rows))
            assert dump(live) == dump(fresh)
            assert refresh(live, rows, search_documents(rows)) == 0
            with closing(sqlite3.connect(live)) as conn:
                found = {conn.execute("SELECT title FROM tenders WHERE rowid = ?", (r,)).fetchone()[0]
                         for r in search(conn, "tenders_fts", "劳务")}
            assert found == {s.title for s in chosen if "劳务" in s.title}

    run()


@given(st.text(max_size=40))
def test_any_query_text_gives_a_valid_expression(text: str) -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute(next(s for s in schema_sql() if '"tenders_fts"' in s))
        conn.execute("INSERT INTO tenders_fts (rowid, title, buyer, items, suppliers) "
                     "VALUES (1, '脚手 脚手架 劳务', '', '', '')")
        conn.execute("SELECT rowid FROM tenders_fts WHERE tenders_fts MATCH ?", (query_expression(text),)).fetchall()
