"""A NUL character is refused with one code on both stores, in writes and reads alike, and
nothing is written (PostgreSQL would otherwise raise a raw driver error, SQLite store it)."""

from __future__ import annotations

import pytest

from tests.kit import refused
from zhaocai.errors import ValidationError
from zhaocai.workdays import LAST_KNOWN_YEAR

SCHEDULE = {"year": LAST_KNOWN_YEAR + 1, "holidays": [f"{LAST_KNOWN_YEAR + 1}-10-01"],
            "source": "国务院办公厅通知\x00（测试数据）"}


def test_a_nul_in_a_command_is_refused_and_nothing_written(platform, actors) -> None:
    error = refused(platform, ValidationError, "input.nul_character",
                    platform.holidays.propose, actors["admin"], SCHEDULE)
    assert "空字符" in error.message_zh


def test_a_nul_in_a_read_is_refused_the_same_on_both(platform, actors) -> None:
    with pytest.raises(ValidationError) as info:
        platform.tenders.get(actors["purchasing"], "tdr-\x00")
    assert info.value.code == "input.nul_character"


def test_other_text_passes_untouched(platform, actors) -> None:
    view = platform.holidays.propose(actors["admin"], {**SCHEDULE, "source": "通知\t第1号\n（测试）"})
    assert platform.holidays.schedules()[0].source == view.source == "通知\t第1号\n（测试）"
