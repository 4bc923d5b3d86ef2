"""The sunshine portal: Datasette over the public database, asked the questions people ask.

The portal is queried in-process with Datasette's own client: its search box (`_search`) with
one- and two-character Chinese words and mixed terms, the canned queries, the links from a tender
to its opening records, results and suppliers, and the column labels. The browser test is in
test_sunshine_browser.py.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.kit.portal import BANNED, OPEN_TITLES, REBAR, sunshine_store

pytest.importorskip("datasette", reason="the portal needs the sunshine extra (datasette)")

from zhaocai.portal import make_datasette


def _get(ds: Any, path: str) -> Any:
    async def go() -> Any:
        await ds.invoke_startup()
        return await ds.client.get(path)
    return asyncio.run(go())


def _rows(ds: Any, path: str) -> list[dict[str, Any]]:
    answer = _get(ds, path + ("&" if "?" in path else "?") + "_shape=array")
    assert answer.status_code == 200, (path, answer.text[:500])
    return json.loads(answer.text)


@pytest.fixture
def portal_db(platform, actors, clock, tmp_path: Path) -> tuple[Any, str, dict[str, Any]]:
    facts = sunshine_store(platform, actors, clock)
    path = platform.publish.public_database(tmp_path / "sunshine.db")
    return make_datasette(path), "/sunshine", facts


def test_the_search_box_understands_chinese_words(portal_db) -> None:
    ds, db, _ = portal_db
    def titles(query: str) -> list[str]:
        return [r["title"] for r in _rows(ds, f"{db}/tenders.json?_search={query}&_col=title")]

    assert titles("劳务") == ["3号楼脚手架劳务分包"]
    assert titles("脚手架") == ["3号楼脚手架劳务分包"]
    assert titles("钢筋") == [REBAR]
    assert titles("HRB400E") == [REBAR]
    assert titles("混凝土 C30") == ["商品混凝土C30供应（二期）"]
    assert titles("塔吊租赁") == ["QTZ80塔吊租赁及安拆"]
    assert titles("qtz80") == ["QTZ80塔吊租赁及安拆"]
    assert titles("电缆") == [] and titles('"') == [] and titles("NEAR(") == []
    assert {REBAR, *OPEN_TITLES} <= set(titles("津义"))  # the buyer
    assert REBAR in titles("关联甲")  # a bidder named in the public opening record
    names = [r["name"] for r in _rows(ds, f"{db}/suppliers.json?_search=钢材")]
    assert names == [BANNED]


def test_canned_queries_answer_the_common_questions(portal_db) -> None:
    ds, db, facts = portal_db
    assert next(r["title"] for r in _rows(ds, f"{db}/search.json?q=钢筋")) == REBAR
    assert _rows(ds, f"{db}/search.json?q=") == []
    closing = _rows(ds, f"{db}/open_tenders_closing_soon.json")
    assert [r["title"] for r in closing] == list(OPEN_TITLES)
    assert [r["days_left"] for r in closing] == [21.0, 26.0, 31.0]
    results = _rows(ds, f"{db}/results_last_month.json")
    assert {r["tender_id"] for r in results} == {facts["awarded"]}
    assert all(r["amount"].startswith("¥") and r["amount_in_words"] for r in results)
    banned = _rows(ds, f"{db}/blacklisted_suppliers.json")
    assert [(r["supplier_name"], r["status"]) for r in banned] == [(BANNED, "禁入中 in force")]
    flagged = _rows(ds, f"{db}/tenders_with_red_flags.json")
    assert any(r["tender_id"] == facts["rebar"] and r["code"] == "REG40-RELATED-PARTIES" for r in flagged)
    history = _rows(ds, f"{db}/supplier_history.json?supplier=关联甲")
    assert [(r["what"], r["tender_id"]) for r in history] == [("投标 bid", facts["rebar"])]
    assert history[0]["amount"].startswith("¥1,9")
    assert _rows(ds, f"{db}/supplier_history.json?supplier=") == []


def test_a_tender_links_to_its_opening_results_and_suppliers(portal_db) -> None:
    ds, db, facts = portal_db
    page = _get(ds, f"{db}/tenders/{facts['awarded']}").text
    for table in ("opening_records", "opening_entries", "evaluation_results", "awards", "contracts",
                  "candidates", "committee"):
        assert f"{db}/{table}?tender_id={facts['awarded']}" in page, table
    entries = _get(ds, f"{db}/opening_entries?tender_id={facts['rebar']}").text
    assert REBAR in entries  # the tender's title labels the link
    assert f"{db}/suppliers/{facts['bidders'][1]}" in entries
    listing = _get(ds, f"{db}/tenders").text
    assert "招标项目 Tenders" in listing and "项目名称 Title" in listing
    assert re.search(r'<span title="2026-\d\d-\d\dT\d\d:\d\d:00\+08:00">2026-\d\d-\d\d \d\d:\d\d</span>', listing)
    for facet in ("category_zh", "method_zh", "state_zh", "buyer", "year"):
        assert f'data-column="{facet}"' in listing, facet
    tables = {t["name"]: t for t in json.loads(_get(ds, f"{db}.json").text)["tables"]}
    assert tables["tenders_fts"]["hidden"] and not tables["tenders"]["hidden"]
    assert "CC BY 4.0" in _get(ds, "/").text


def test_the_portal_shows_a_refresh_without_a_restart(platform, actors, clock, tmp_path: Path) -> None:
    from tests.kit import published

    published(platform, actors, clock, title="3号楼脚手架劳务分包")
    path = platform.publish.public_database(tmp_path / "live.db")
    ds = make_datasette(path)

    async def titles() -> list[str]:
        answer = await ds.client.get("/live/tenders.json?_shape=array&_col=title&_search=劳务")
        return sorted(r["title"] for r in json.loads(answer.text))

    async def story() -> None:
        await ds.invoke_startup()
        assert await titles() == ["3号楼脚手架劳务分包"]
        published(platform, actors, clock, title="外墙涂料施工劳务")
        platform.publish.public_database(path)  # refreshed in place while the portal holds it open
        assert await titles() == ["3号楼脚手架劳务分包", "外墙涂料施工劳务"]

    asyncio.run(story())
