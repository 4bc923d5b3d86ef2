"""Any change, deletion, insertion or reordering of audit rows is found by verify()."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, text

from zhaocai.actors import Actor, Role
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork, normalise_url

COLUMNS = ["seq", "at", "actor_id", "action", "subject_type", "subject_id", "change", "digest",
           "prev_hash", "hash"]
N = 8


@pytest.fixture
def chain(platform: Platform, actors: dict[str, Actor]) -> Iterator[tuple[Platform, Engine]]:
    for i in range(N):
        def handler(uow: UnitOfWork, i: int = i) -> None:
            uow.record("note.write", "note", f"n{i}", {"i": i, "text": "说明"})
        platform.internal.run(actors["purchasing"], "note.write", handler, roles=[Role.PURCHASING])
    raw = create_engine(normalise_url(platform.url))
    yield platform, raw
    raw.dispose()


def _rows(conn) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_event ORDER BY seq"))]


def _restore(conn, rows: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    conn.execute(text("DELETE FROM audit_event"))
    for row in rows:
        conn.execute(text(f"INSERT INTO audit_event ({', '.join(COLUMNS)}) VALUES "
                          f"({', '.join(':' + c for c in COLUMNS)})"), row)


mutations = st.one_of(
    st.tuples(st.just("change"), st.integers(1, N), st.sampled_from(COLUMNS[1:]),
              st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=5)),
    st.tuples(st.just("delete"), st.integers(1, N)),
    st.tuples(st.just("swap"), st.integers(1, N - 1)),
    st.tuples(st.just("insert"), st.integers(1, N)),
)


@given(mutation=mutations)
def test_any_mutation_is_detected(chain: tuple[Platform, Engine], mutation: tuple) -> None:  # type: ignore[type-arg]
    platform, raw = chain
    assert platform.audit.verify().ok
    with raw.begin() as conn:
        original = _rows(conn)
    try:
        with raw.begin() as conn:
            kind, seq = mutation[0], mutation[1]
            if kind == "change":
                column, suffix = mutation[2], mutation[3] + "!"
                conn.execute(text(f"UPDATE audit_event SET {column} = {column} || :s WHERE seq = :q"),
                             {"s": suffix, "q": seq})
            elif kind == "delete":
                conn.execute(text("DELETE FROM audit_event WHERE seq = :q"), {"q": seq})
            elif kind == "swap":
                a, b = original[seq - 1], original[seq]
                conn.execute(text("DELETE FROM audit_event WHERE seq IN (:a, :b)"),
                             {"a": a["seq"], "b": b["seq"]})
                for row, new_seq in ((a, b["seq"]), (b, a["seq"])):
                    conn.execute(text(f"INSERT INTO audit_event ({', '.join(COLUMNS)}) VALUES "
                                      f"({', '.join(':' + c for c in COLUMNS)})"),
                                 {**row, "seq": new_seq})
            else:  # insert a forged copy after `seq`, shifting the rest
                conn.execute(text("UPDATE audit_event SET seq = seq + 1000 WHERE seq > :q"), {"q": seq})
                # The unique prev_hash already refuses a true fork; the forger picks another.
                forged = {**original[seq - 1], "seq": seq + 1, "hash": "f" * 64,
                          "prev_hash": "e" * 64}
                conn.execute(text(f"INSERT INTO audit_event ({', '.join(COLUMNS)}) VALUES "
                                  f"({', '.join(':' + c for c in COLUMNS)})"), forged)
                conn.execute(text("UPDATE audit_event SET seq = seq - 998 WHERE seq > 1000"))
        head = (N, str(original[-1]["hash"]))
        result = platform.audit.verify(expected_head=head)
        assert not result.ok, mutation
        assert result.broken_at is not None
    finally:
        with raw.begin() as conn:
            _restore(conn, original)
    assert platform.audit.verify().ok


@given(column=st.sampled_from(COLUMNS), cell=st.one_of(st.binary(max_size=8), st.integers(100, 105)),
       seq=st.integers(1, N))
def test_a_cell_of_the_wrong_type_is_reported_not_a_crash(chain: tuple[Platform, Engine], column: str,
                                                          cell: object, seq: int) -> None:
    platform, raw = chain
    if raw.dialect.name != "sqlite":
        pytest.skip("only SQLite stores a value of another type than its column's")
    with raw.begin() as conn:
        original = _rows(conn)
    try:
        with raw.begin() as conn:
            conn.execute(text(f"UPDATE audit_event SET {column} = :v WHERE seq = :q"), {"v": cell, "q": seq})
        result = platform.audit.verify(expected_head=(N, str(original[-1]["hash"])))
        assert not result.ok and result.broken_at is not None
    finally:
        with raw.begin() as conn:
            _restore(conn, original)
