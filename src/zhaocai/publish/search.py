"""Chinese full-text search of the public database: jieba words under FTS5 unicode61, prefix queries.

SQLite's tokenizers do not segment Chinese: unicode61 takes a whole run of Han characters as one
token, and trigram cannot match a query shorter than three characters, so 劳务 or 钢筋 found
nothing. Here the documents are segmented with jieba in search mode (`cut_for_search`: 脚手架劳务
gives 脚手 脚手架 劳务) into a column of space-separated words, and a query is segmented the same
way and turned into an FTS5 expression in which each word is a quoted prefix term, all required.
Every Han character is also indexed as a word of its own, so that:

- one Han character (钢) matches wherever it is written (钢筋, 不锈钢, 型钢);
- a two-character word (劳务, 电缆, 监理) matches that word, also inside a longer title;
- a compound the user typed whole (塔吊租赁, 混凝土C30) is split into its words (塔吊 租赁);
- an ASCII grade or model (HRB400E, C30, YJV22) is a word of its own, matched case-insensitively,
  and a prefix finds its longer forms (HRB400 finds HRB400E).

A word never matches in the middle of another word (工地 does not match 施工地点), which keeps
precision; the trade-off is measured in tests/unit/test_search_quality.py on the queries of
tests/data/search_queries.json. The same `query_expression` backs Datasette's search box (the
portal replaces Datasette's `escape_fts` SQL function with it) and `search()` below.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from typing import Any

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[0-9A-Za-z{_HAN}]")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LOCK = threading.Lock()
_JIEBA: Any = None


def _jieba() -> Any:
    """jieba, its dictionary loaded once per process (from the package: nothing is downloaded)."""
    global _JIEBA
    with _LOCK:
        if _JIEBA is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _JIEBA = jieba
    return _JIEBA


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _keep(token: str) -> str | None:
    token = token.strip()
    return token if token and _WORD.search(token) else None


def document_terms(*texts: str | None) -> str:
    """The space-separated search words of some texts, for an FTS column.

    jieba's search-mode words, then each Han character alone (for one-character queries).
    """
    jieba = _jieba()
    words: list[str] = []
    for text in texts:
        if not text:
            continue
        for piece in _normal(text).split():
            words += [w for w in map(_keep, jieba.cut_for_search(piece)) if w]
            words += _HAN_CHAR.findall(piece)
    return " ".join(words)


def query_words(query: str) -> list[str]:
    """A query's words: jieba's precise cut, punctuation and spaces dropped, FTS quotes removed."""
    jieba = _jieba()
    words: list[str] = []
    for piece in _normal(query).replace('"', " ").split():
        words += [w for w in map(_keep, jieba.cut(piece)) if w and w not in words]
    return words


def query_expression(query: str) -> str:
    """An FTS5 MATCH expression for a query: every word required, each as a quoted prefix term.

    Safe for any input (no FTS5 syntax from the user survives); a query with no word at all gives
    an expression that matches nothing.
    """
    words = query_words(query or "")
    if not words:
        return '"\u2400"'  # a token no document holds: matches nothing, never a syntax error
    return " ".join(f'"{w}"*' for w in words)


def search(conn: sqlite3.Connection, fts_table: str, query: str, limit: int = 50,
           weights: Iterable[float] = ()) -> list[int]:
    """The rowids matching `query` in one of the public database's FTS tables, best first (bm25)."""
    if not re.fullmatch(r"[a-z_]+_fts", fts_table):
        raise ValueError(f"not a search table: {fts_table!r}")
    bm25 = ", ".join([f'"{fts_table}"', *(str(float(w)) for w in weights)])
    rows = conn.execute(f'SELECT rowid FROM "{fts_table}" WHERE "{fts_table}" MATCH ? '
                        f"ORDER BY bm25({bm25}), rowid LIMIT ?", (query_expression(query), limit))
    return [r[0] for r in rows]
