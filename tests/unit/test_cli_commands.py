"""Every command group of the command line on the demo's store: each read parses as JSON, times
read in Asia/Shanghai and amounts as money, and every bad input gives a coded, bilingual message
and its documented exit code, never a traceback."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from tests.kit import register_cast
from tests.kit.chinese import stray_in_message
from zhaocai.cli import app
from zhaocai.demo import tell
from zhaocai.keys import KEY_FILE_ENV
from zhaocai.platform import Platform

runner = CliRunner()
DEMO_END = "2026-06-03T10:00+08:00"


class Store:
    """The demo's store and its key file, as the command line reaches them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        self.env = {KEY_FILE_ENV: f"{path}.keys"}

    def run(self, *args: str) -> Result:
        result = runner.invoke(app, [*args], env=self.env)
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result

    def one(self, sql: str) -> str:
        with closing(sqlite3.connect(self.path)) as conn:
            return str(conn.execute(sql).fetchone()[0])

    def copy(self, folder: Path) -> Store:
        for file in self.path.parent.glob(self.path.name + "*"):
            shutil.copy(file, folder / file.name)
        return Store(folder / self.path.name)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo's story told once, on a store the tests read (and copy before changing)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    tell(path, Console(file=io.StringIO()))
    yield Store(path)


def ids(store: Store) -> dict[str, str]:
    return {"supplier": store.one("SELECT id FROM supplier WHERE admission = 'admitted' ORDER BY id"),
            "tender": store.one("SELECT tender_id FROM bid GROUP BY tender_id ORDER BY tender_id")}


def test_every_read_prints_json(demo: Store) -> None:
    known = ids(demo)
    reads = [
        ["suppliers", "show", known["supplier"], "--as", "p-wang"],
        ["suppliers", "eligibility", known["supplier"], "materials", "1000", "--at", DEMO_END],
        ["tenders", "show", known["tender"], "--as", "p-wang"],
        ["tenders", "opening", known["tender"]],
        ["integrity", "report", known["tender"], "--as", "a-zheng"],
        ["integrity", "worklist", "--as", "a-zheng"],
        ["audit", "verify", "--deep"],
        ["audit", "head"],
        ["receipts", "key"],
        ["events", "--after", "3", "--limit", "5"],
        ["keys", "public"],
        ["db", "current"],
    ]
    for args in reads:
        result = demo.run(*args, "--db", demo.url, "--json")
        assert result.exit_code in (0, 1), (args, result.output)
        assert json.loads(result.stdout) is not None, args
    events = json.loads(demo.run("events", "--after", "3", "--limit", "5", "--db", demo.url, "--json").stdout)
    assert [e["position"] for e in events] == [4, 5, 6, 7, 8]
    assert events[0]["occurred_at"].endswith("+08:00")
    head = json.loads(demo.run("audit", "head", "--db", demo.url, "--json").stdout)
    assert head["head_seq"] == int(demo.one("SELECT max(seq) FROM audit_event"))


def test_text_shows_shanghai_times_and_money(demo: Store) -> None:
    known = ids(demo)
    shown = demo.run("tenders", "show", known["tender"], "--as", "p-wang", "--db", demo.url)
    assert shown.exit_code == 0 and "+08:00" in shown.stdout and "CNY " in shown.stdout
    opening = demo.run("tenders", "opening", known["tender"], "--db", demo.url)
    assert opening.exit_code == 0 and "开标记录" in opening.stdout and "CNY " in opening.stdout
    supplier = demo.run("suppliers", "show", known["supplier"], "--as", "p-wang", "--db", demo.url)
    assert supplier.exit_code == 0 and "CNY " in supplier.stdout and "+08:00" in supplier.stdout
    assert demo.run("integrity", "worklist", "--as", "a-zheng", "--db", demo.url).exit_code == 0
    assert demo.run("audit", "verify", "--db", demo.url).exit_code == 0
    lines = demo.run("events", "--limit", "2", "--db", demo.url).stdout.splitlines()
    assert [json.loads(line)["position"] for line in lines] == [1, 2]  # JSON lines, for scripts


@pytest.mark.parametrize(("args", "code", "exit_code"), [
    (["suppliers", "show", "{supplier}", "--as", "ghost"], "person.unknown", 3),
    (["integrity", "worklist", "--as", "p-wang"], "permission.", 3),
    (["tenders", "show", "tdr-none", "--as", "p-wang"], "tender.not_found", 3),
    (["tenders", "opening", "tdr-none"], "tender.opening.none", 3),
    (["suppliers", "eligibility", "{supplier}", "nope", "1"], "cli.usage", 2),
    (["suppliers", "eligibility", "{supplier}", "materials", "lots"], "cli.amount", 2),
    (["tick", "--at", "2026-06-03T10:00"], "cli.at", 2),
    (["tick", "--at", "tomorrow"], "cli.at", 2),
    (["events", "--limit", "0"], "events.limit", 3),
    (["audit", "verify", "--no-such-option"], "cli.usage", 2),
    (["suppliers", "show"], "cli.usage", 2),
    (["receipts", "verify", "{store}"], "cli.receipt", 2),
])
def test_bad_input_is_coded_and_bilingual(demo: Store, args: list[str], code: str, exit_code: int) -> None:
    values = {"supplier": ids(demo)["supplier"], "store": str(demo.path)}
    result = demo.run(*[a.format(**values) for a in args], "--db", demo.url)
    assert result.exit_code == exit_code, result.output
    first, chinese = result.stderr.splitlines()[:2]
    assert first.startswith(code), result.stderr
    words = stray_in_message(chinese)  # the demo's names carry an English gloss: set aside
    assert any("\u4e00" <= c <= "\u9fff" for c in chinese) and words == [], chinese


def test_a_store_that_cannot_be_opened_is_exit_4(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", "head", "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db"])
    assert result.exit_code == 4 and result.stderr.startswith("cli.store") and "Traceback" not in result.output


def test_an_unexpected_failure_is_exit_5_without_traceback(demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a defect")

    monkeypatch.setattr("zhaocai.audit.chain.AuditLog.head", broken)
    result = demo.run("audit", "head", "--db", demo.url)
    assert result.exit_code == 5 and result.stderr.startswith("cli.internal") and "a defect" in result.stderr


def test_tick_at_a_moment_and_publish(demo: Store, tmp_path: Path) -> None:
    store = demo.copy(tmp_path)
    ticked = store.run("tick", "--at", DEMO_END, "--db", store.url, "--json")
    report = json.loads(ticked.stdout)
    assert ticked.exit_code == 0 and report["at"] == "2026-06-03T10:00:00+08:00" and "tenders.close" in report["changes"]
    text = store.run("tick", "--at", DEMO_END, "--db", store.url)
    assert text.exit_code == 0 and "2026-06-03 10:00:00 +08:00" in text.stdout

    package = store.run("publish", "ocds", "--db", store.url)
    assert package.exit_code == 0 and json.loads(package.stdout)["releases"]
    out = tmp_path / "records.json"
    written = store.run("publish", "ocds", "--record", "--out", str(out), "--db", store.url, "--json")
    assert written.exit_code == 0 and json.loads(out.read_text())["records"]
    public = tmp_path / "public.db"
    refreshed = store.run("publish", "public", "--public", str(public), "--db", store.url, "--json")
    assert refreshed.exit_code == 0 and json.loads(refreshed.stdout)["public_database"] == str(public)
    assert store.run("audit", "verify", "--deep", "--db", store.url).exit_code == 0


def test_the_sample_file_imports(tmp_path: Path) -> None:
    sample = runner.invoke(app, ["suppliers", "sample"])
    assert sample.exit_code == 0 and sample.stdout.startswith("credit_code,name,")
    source = tmp_path / "suppliers.csv"
    source.write_text(sample.stdout, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Platform.open(url) as platform:
        register_cast(platform)
    refused = runner.invoke(app, ["suppliers", "import", str(source), "--as", "a-zheng", "--db", url])
    assert refused.exit_code == 3 and refused.stderr.startswith("permission.")
    done = runner.invoke(app, ["suppliers", "import", str(source), "--as", "p-wang", "--db", url, "--json"])
    report = json.loads(done.stdout)
    assert done.exit_code == 0 and report["ok"] and report["imported"] == 3
    again = runner.invoke(app, ["suppliers", "import", str(source), "--as", "p-wang", "--db", url])
    assert again.exit_code in (1, 3) and "Traceback" not in again.output


def test_receipts_verify(demo: Store, tmp_path: Path) -> None:
    key = json.loads(demo.run("receipts", "key", "--db", demo.url, "--json").stdout)["receipt_key"]
    missing = demo.run("receipts", "verify", str(demo.path) + ".keys")
    assert missing.exit_code == 2 and missing.stderr.startswith("cli.receipt")
    not_json = tmp_path / "r.json"
    not_json.write_text("[]")
    assert demo.run("receipts", "verify", str(not_json), "--key", key).exit_code == 2
