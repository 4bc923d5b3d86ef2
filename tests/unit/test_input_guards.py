"""The boundary's checks, one kind at a time: blank names, texts past their limits, control
characters, wrong types, unknown enum values, naive moments and bans past their limit are each
one coded refusal, the same on SQLite and PostgreSQL, and change nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.kit import application, build_tender, refused
from tests.kit.chinese import stray_english
from zhaocai.actors import Actor, Role
from zhaocai.clock import ManualClock
from zhaocai.errors import ValidationError
from zhaocai.limits import MAX_BAN_DAYS, MAX_TEXT
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork, normalise_url
from zhaocai.testing.tender import LOTS, draft

A = dict[str, Actor]
BLANK = " \u3000\t "  # spaces, an ideographic space, a tab


def _problem_fields(error: ValidationError) -> list[str]:
    return [p["field"] for p in error.details["problems"]]


@pytest.mark.parametrize("field", ["name", "legal_representative"])
def test_a_blank_supplier_name_is_refused(platform: Platform, actors: A, field: str) -> None:
    app = {**application("有效名称", seed=901), field: BLANK}
    error = refused(platform, ValidationError, "validation.input", platform.suppliers.register,
                    actors["purchasing"], app)
    assert _problem_fields(error) == [field]
    assert "不得为空白" in error.message_zh


def test_a_blank_contact_is_refused(platform: Platform, actors: A) -> None:
    app = application("有效名称", seed=902)
    app["contacts"][0]["name"] = BLANK
    error = refused(platform, ValidationError, "validation.input", platform.suppliers.register,
                    actors["purchasing"], app)
    assert _problem_fields(error) == ["contacts.0.name"]


def test_a_blank_person_is_refused(platform: Platform, actors: A) -> None:
    error = refused(platform, ValidationError, "validation.input", platform.people.register,
                    actors["admin"], {"id": "p-blank", "name": BLANK})
    assert _problem_fields(error) == ["name"]


@pytest.mark.parametrize("where", ["title", "buyer", "lot", "item"])
def test_a_blank_tender_lot_or_item_is_refused(platform: Platform, actors: A, clock: ManualClock,
                                               where: str) -> None:
    lots: list[dict[str, Any]] = [dict(lot) for lot in LOTS]
    overrides: dict[str, Any] = {}
    if where in ("title", "buyer"):
        overrides[where] = BLANK
    elif where == "lot":
        lots[0]["title"] = BLANK
    else:
        lots[0]["items"] = [{**lots[0]["items"][0], "name": BLANK}]
    error = refused(platform, ValidationError, "validation.input", platform.tenders.create_draft,
                    actors["purchasing"], draft(clock, lots=lots, **overrides))
    expected = {"title": "title", "buyer": "buyer", "lot": "lots.0.title", "item": "lots.0.items.0.name"}
    assert _problem_fields(error) == [expected[where]]


@pytest.mark.parametrize("category", [BLANK, "", "Materials", "物资", 3])
def test_an_unknown_category_is_refused(platform: Platform, category: object) -> None:
    error = refused(platform, ValidationError, "input.unknown_value",
                    platform.suppliers.category_policy, category)
    assert "materials" in error.details["choices"]
    assert not stray_english(error.message_zh)


def test_a_blank_reason_is_refused(platform: Platform, actors: A) -> None:
    refused(platform, ValidationError, "supplier.reason", platform.suppliers.warn,
            actors["purchasing"], "sup-none", BLANK)


def test_a_text_past_its_limit_is_refused(platform: Platform, actors: A) -> None:
    error = refused(platform, ValidationError, "input.too_long", platform.suppliers.warn,
                    actors["purchasing"], "sup-none", "长" * (MAX_TEXT + 1))
    assert error.details == {"field": "reason", "limit": MAX_TEXT, "length": MAX_TEXT + 1}


@pytest.mark.parametrize(("value", "code"), [
    ("理由\x00", "input.nul_character"), ("理由\x1b[31m", "input.control_character"),
    ("理由\ud800", "input.invalid_unicode"), (42, "input.type"), (None, "input.type"),
])
def test_a_bad_text_is_one_code_on_every_store(platform: Platform, actors: A, value: object,
                                               code: str) -> None:
    error = refused(platform, ValidationError, code, platform.suppliers.warn,
                    actors["purchasing"], "sup-none", value)
    assert error.details["field"] == "reason"
    assert not stray_english(error.message_zh)


def test_a_text_in_a_model_is_held_to_the_same_checks(platform: Platform, actors: A) -> None:
    refused(platform, ValidationError, "input.control_character", platform.suppliers.register,
            actors["purchasing"], application("控制\x07字符", seed=903))


def test_a_naive_moment_and_a_wrong_flag_are_refused(platform: Platform, actors: A, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "draft")
    refused(platform, ValidationError, "input.naive_datetime", platform.tenders.amend,
            actors["purchasing"], tender.tender_id, "延期", new_deadline=datetime(2026, 4, 1, 9, 0))
    refused(platform, ValidationError, "input.type", platform.tenders.publish,
            actors["purchasing"], tender.tender_id, two_envelopes="yes")


@pytest.mark.parametrize("days", [0, -5, MAX_BAN_DAYS + 1])
def test_a_ban_past_its_limits_is_refused(platform: Platform, actors: A, days: int) -> None:
    error = refused(platform, ValidationError, "supplier.blacklist.input",
                    platform.suppliers.propose_blacklist, actors["purchasing"], "sup-none", "行贿",
                    evidence=["判决书"], ban_days=days)
    assert error.details["max_ban_days"] == MAX_BAN_DAYS


@pytest.mark.parametrize("days", [2**63, 10**30, True, "30"])
def test_a_ban_that_is_no_number_of_days_is_refused(platform: Platform, actors: A, days: object) -> None:
    refused(platform, ValidationError, "input.type" if days in (True, "30") else "input.out_of_range",
            platform.suppliers.propose_blacklist, actors["purchasing"], "sup-none", "行贿",
            evidence=["判决书"], ban_days=days)


def test_evidence_that_is_no_json_is_refused(platform: Platform, actors: A) -> None:
    refused(platform, ValidationError, "supplier.blacklist.evidence",
            platform.suppliers.propose_blacklist, actors["purchasing"], "sup-none", "行贿",
            evidence=[object()], ban_days=30)


def test_an_actor_that_is_no_person_is_refused(platform: Platform) -> None:
    refused(platform, ValidationError, "input.type", platform.suppliers.warn, 42, "sup-none", "理由")


def test_verify_reports_a_blob_cell_without_crashing(platform: Platform, actors: A) -> None:
    if not platform.url.startswith("sqlite"):
        pytest.skip("only SQLite lets a BLOB into a text column")

    def note(uow: UnitOfWork) -> None:
        uow.record("note.write", "note", "n1", {"text": "说明"})

    platform.internal.run(actors["purchasing"], "note.write", note, roles=[Role.PURCHASING])
    engine = create_engine(normalise_url(platform.url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET change = X'00ff' WHERE seq = "
                          "(SELECT max(seq) FROM audit_event)"))
    engine.dispose()
    result = platform.audit.verify(deep=True)
    assert not result.ok and "wrong type" in (result.reason or "")


def test_an_import_reports_a_bad_text_by_row_and_field(platform: Platform, actors: A) -> None:
    rows = [application(f"导入{i}号建材有限公司", seed=910 + i) for i in range(3)]
    rows[1]["address"] = "义乌\x07工业路"
    report = platform.suppliers.import_suppliers(actors["purchasing"], rows)
    assert not report.ok and [(e.row, e.field) for e in report.errors] == [(2, "address")]


@pytest.mark.parametrize("source", ["[not json", "[" * 5000, b"bytes", 42])
def test_an_unreadable_import_is_refused(platform: Platform, actors: A, source: object) -> None:
    refused(platform, ValidationError, "supplier.import.format", platform.suppliers.import_suppliers,
            actors["purchasing"], source)
