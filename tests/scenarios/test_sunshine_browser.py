"""The sunshine portal in a real browser: headless Chromium driven through the pages people use.

Starts `zhaocai sunshine serve` on a free loopback port and drives Debian's /usr/bin/chromium
through /usr/bin/chromedriver (Selenium, given both paths, so nothing is downloaded): a search in
Chinese typed into Datasette's search box, a facet, a tender's page with its links, and a canned
query. Screenshots go to the test's tmp dir, and to docs/img/sunshine-*.png when
ZHAOCAI_DOCS_SCREENSHOTS=1. Skips with the reason where no browser is installed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.kit.portal import OPEN_TITLES, REBAR, portal, sunshine_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
         "--proxy-server=127.0.0.1:9")  # anything but loopback (bypassed by default) goes nowhere


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Headless Chromium as root, with a fresh profile, that reaches loopback only."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extra)")
    pytest.importorskip("datasette", reason="the portal needs the sunshine extra (datasette)")
    for needed in (CHROMIUM, CHROMEDRIVER):
        if not needed.exists():
            pytest.skip(f"no browser: {needed} is missing (apt-get install chromium chromium-driver)")
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must not look anything up
    monkeypatch.setenv("SE_AVOID_STATS", "true")
    profile = tempfile.mkdtemp(prefix="zc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver: Any, tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"sunshine-{name}.png"
    height = driver.execute_script("return Math.min(document.body.scrollHeight, 1360)")
    driver.set_window_size(1280, max(700, int(height) + 160))
    driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
    if os.environ.get("ZHAOCAI_DOCS_SCREENSHOTS") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, DOCS_IMG / target.name)
    return target


def _rows_after(driver: Any, url_part: str) -> list[Any]:
    """The result rows once the browser has reached a page whose address holds `url_part`: a
    submitted form or a clicked link navigates asynchronously, so wait for it (10 s at most)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: url_part in d.current_url
                                    and d.execute_script("return document.readyState") == "complete")
    return list(driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr"))


def test_a_reader_searches_filters_opens_a_tender_and_asks_a_question(
        backend, platform, actors, clock, browser, tmp_path: Path) -> None:
    if backend != "sqlite":
        pytest.skip("the browser reads the public SQLite file, the same from either store: run once")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    facts = sunshine_store(platform, actors, clock)
    public = platform.publish.public_database(tmp_path / "sunshine.db")
    with portal(public, tmp_path / "portal.log") as base:
        browser.get(f"{base}/")
        assert "阳光采购公开平台" in browser.title or "阳光采购公开平台" in browser.page_source
        _shot(browser, tmp_path, "home")

        browser.get(f"{base}/sunshine/tenders")
        box = browser.find_element(By.NAME, "_search")
        box.send_keys("劳务")
        box.send_keys(Keys.ENTER)
        rows = _rows_after(browser, "_search=")
        assert len(rows) == 1 and "3号楼脚手架劳务分包" in rows[0].text
        assert "_search=" in browser.current_url
        _shot(browser, tmp_path, "search")

        browser.get(f"{base}/sunshine/tenders")
        facet = browser.find_element(By.CSS_SELECTOR, 'div.facet-info[data-column="state_zh"]')
        facet.find_element(By.PARTIAL_LINK_TEXT, "招标中").click()
        titles = [r.find_element(By.CSS_SELECTOR, "td.col-title").text
                  for r in _rows_after(browser, "state_zh=")]
        assert sorted(titles) == sorted(OPEN_TITLES)
        _shot(browser, tmp_path, "facet")

        browser.get(f"{base}/sunshine/tenders/{facts['rebar']}")
        assert REBAR in browser.page_source
        browser.find_element(By.CSS_SELECTOR, f'a[href$="opening_entries?tender_id={facts["rebar"]}"]').click()
        entries = _rows_after(browser, "opening_entries?tender_id=")
        assert len(entries) == 3 and all("¥1,9" in e.text for e in entries)
        assert "义乌关联甲建材有限公司" in browser.page_source
        browser.get(f"{base}/sunshine/tenders/{facts['rebar']}")
        _shot(browser, tmp_path, "tender")

        browser.get(f"{base}/sunshine/supplier_history")
        field = browser.find_element(By.NAME, "supplier")
        field.send_keys("关联甲")
        field.submit()
        rows = _rows_after(browser, "supplier=")
        assert len(rows) == 1 and "投标 bid" in rows[0].text and REBAR in rows[0].text
        rows[0].find_element(By.LINK_TEXT, facts["rebar"]).click()  # tender ids link to the tender
        _rows_after(browser, f"/sunshine/tenders/{facts['rebar']}")
        assert browser.current_url.endswith(f"/sunshine/tenders/{facts['rebar']}")
        browser.get(f"{base}/sunshine/supplier_history?supplier=关联甲&_hide_sql=1")
        _shot(browser, tmp_path, "query")

        browser.get(f"{base}/sunshine/blacklisted_suppliers?_hide_sql=1")
        assert "义乌劣质钢材贸易行" in browser.page_source and "禁入中" in browser.page_source
        _shot(browser, tmp_path, "blacklist")
