"""The portal's Datasette plugin: Chinese search in Datasette's own search box, and links.

Registered in-process by `zhaocai.portal.make_datasette` (no entry point, nothing installed):

- `prepare_connection` replaces Datasette's `escape_fts` SQL function, which its table view wraps
  around the `_search` parameter, with `zhaocai.publish.search.query_expression`: the query is
  segmented with jieba like the documents were, so 劳务, 钢 or 混凝土 C30 typed into the search box
  find what they should. It runs last so that it overrides Datasette's own definition.
- `extra_css_urls` adds a little CSS (a data: URL, nothing fetched): column labels in columns,
  room for Chinese titles and names.
- `render_cell` turns a `tender_id` or `supplier_id` cell of a canned query's result into a link
  to that tender's or supplier's page (table pages link by their foreign keys already), and shows
  a Beijing time `2026-03-02T09:00:00+08:00` as `2026-03-02 09:00` (the full value in its title;
  JSON and CSV keep the stored value).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from zhaocai.publish.search import query_expression

LINKED = {"tender_id": "tenders", "supplier_id": "suppliers"}
BEIJING_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00")
CSS = ("dl.column-descriptions{columns:3 24em;font-size:.85em}"
       "dl.column-descriptions dt{break-after:avoid}dl.column-descriptions dd{margin:0 0 .4em 1em}"
       "td.col-title,td.col-supplier_name,td.col-name,td.col-reason{min-width:14em}"
       "td.col-buyer,td.col-amount_in_words{min-width:9em}"
       "body{font-family:system-ui,'Noto Sans CJK SC','Noto Sans SC',sans-serif}")


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Segment search queries the way the documents were segmented."""
    conn.create_function("escape_fts", 1, query_expression, deterministic=True)


@hookimpl
def extra_css_urls() -> list[str]:
    """The portal's CSS, inline."""
    from urllib.parse import quote

    return ["data:text/css," + quote(CSS)]


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Link the tender and supplier ids of canned query results; show Beijing times briefly."""
    if not isinstance(value, str) or not value:
        return None
    if BEIJING_TIME.fullmatch(value):
        return Markup(f'<span title="{escape(value)}">{escape(value[:10])} {escape(value[11:16])}</span>')
    if table is not None or column not in LINKED:
        return None
    url = datasette.urls.table(database, LINKED[column]) + "/" + tilde_encode(value)
    return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
