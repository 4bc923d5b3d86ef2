"""The command line: each subcommand on a real SQLite store, including its failure exits."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.kit import bidders, payload, published, register_cast
from zhaocai.actors import Actor
from zhaocai.cli import app
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

runner = CliRunner()


def test_verify_events_tick_and_receipts(tmp_path: Path, clock: ManualClock, actors: dict[str, Actor]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        bidder = bidders(platform, actors, 1)[0]
        pub = published(platform, actors, clock)
        receipt = platform.tenders.submit_bid(bidder, pub.tender.id, payload("500.00"))
        key = platform.tenders.receipt_verify_key()

    result = runner.invoke(app, ["verify", "--db", url])
    assert result.exit_code == 0 and "audit chain verified" in result.output

    result = runner.invoke(app, ["events", "--db", url, "--limit", "3"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 0 and [e["position"] for e in lines] == [1, 2, 3]

    result = runner.invoke(app, ["tick", "--db", url])
    assert result.exit_code == 0 and "tenders.close" in result.output

    good = tmp_path / "receipt.json"
    good.write_text(receipt.model_dump_json())
    assert runner.invoke(app, ["verify-receipt", str(good), "--key", key]).exit_code == 0
    forged = json.loads(receipt.model_dump_json())
    forged["envelope_hash"] = "0" * 64
    bad = tmp_path / "forged.json"
    bad.write_text(json.dumps(forged))
    result = runner.invoke(app, ["verify-receipt", str(bad), "--key", key])
    assert result.exit_code == 1 and "INVALID" in result.output


def test_verify_fails_on_a_tampered_chain(tmp_path: Path, clock: ManualClock, actors: dict[str, Actor]) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        bidders(platform, actors, 1)
    with sqlite3.connect(tmp_path / "cli.db") as conn:
        conn.execute("UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 2")
    result = runner.invoke(app, ["verify", "--db", url])
    assert result.exit_code == 1 and "broken at #2" in result.output


def test_verify_deep_reports_rows_changed_outside_a_command(tmp_path: Path, clock: ManualClock,
                                                           actors: dict[str, Actor]) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        bidder = bidders(platform, actors, 1)[0]
        pub = published(platform, actors, clock)
        platform.tenders.submit_bid(bidder, pub.tender.id, payload("500.00"))
    result = runner.invoke(app, ["verify", "--db", url, "--deep"])
    assert result.exit_code == 0 and "state tables agree with the chain" in result.output

    with sqlite3.connect(tmp_path / "cli.db") as conn:  # the deadline moved, outside any command
        conn.execute("UPDATE tender SET deadline = '2030-01-01 00:00:00.000000' WHERE id = ?", (pub.tender.id,))
    result = runner.invoke(app, ["verify", "--db", url])
    assert result.exit_code == 0  # the chain alone cannot see it
    result = runner.invoke(app, ["verify", "--db", url, "--deep"])
    assert (result.exit_code == 1 and result.exception is None) or isinstance(result.exception, SystemExit)
    assert "disagree with the audit chain" in result.output and "deadline" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["verify", "--db", url, "--deep", "--json"])
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["chain_ok"] and not report["ok"]
    assert [(d["table"], d["row_id"], d["field"]) for d in report["disagreements"]] == [
        ("tender", pub.tender.id, "deadline")]
    assert report["disagreements"][0]["row"].startswith("2030-01-01")

    with sqlite3.connect(tmp_path / "cli.db") as conn:  # a cell that does not even read as a time
        conn.execute("UPDATE bid SET received_at = 'not a time'")
    result = runner.invoke(app, ["verify", "--db", url, "--deep"])
    assert result.exit_code == 1 and "(unreadable)" in result.output and "Traceback" not in result.output


def test_eligibility_and_import_report_failures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["eligibility", "no-such-supplier", "materials", "1000", "--db", url])
    assert result.exit_code == 1 and "not_registered" in result.output

    with Platform.open(url) as platform:
        register_cast(platform)
        base = platform.audit.count()
    source = tmp_path / "suppliers.csv"
    source.write_text("credit_code,name\nNOT-A-CODE,坏供应商\n", encoding="utf-8")
    result = runner.invoke(app, ["import-suppliers", str(source), "--officer-id", "ghost", "--db", url])
    assert result.exit_code != 0 and "person.unknown" in result.output
    result = runner.invoke(app, ["import-suppliers", str(source), "--officer-id", "p-wang", "--db", url])
    assert result.exit_code == 1 and "nothing imported" in result.output
    with Platform.open(url) as platform:
        register_cast(platform)
        assert platform.audit.count() == base


def test_sunshine_refresh_builds_the_public_database_in_place(tmp_path: Path, clock: ManualClock,
                                                               actors: dict[str, Actor]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        published(platform, actors, clock, title="3号楼脚手架劳务分包")
    public = tmp_path / "public.db"
    for _ in range(2):  # a second refresh updates the same file
        result = runner.invoke(app, ["sunshine", "refresh", "--db", url, "--public", str(public)])
        assert result.exit_code == 0 and "public database refreshed" in result.output
    import sqlite3
    from contextlib import closing

    from zhaocai.publish.search import search

    with closing(sqlite3.connect(public)) as conn:
        assert len(search(conn, "tenders_fts", "劳务")) == 1
    result = runner.invoke(app, ["sunshine", "serve", "--no-refresh", "--public", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "cli.no_public_database" in result.output
