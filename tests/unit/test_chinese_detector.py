"""The stray-English detector that guards every Chinese message (tests/kit/chinese.py)."""

from __future__ import annotations

import pytest

from tests.kit.chinese import stray_english


@pytest.mark.parametrize("text", [
    "招标项目 'tdr-88ce12' 不存在",
    "系统管理员（adm）无权执行此操作（calendar.adopt）：需要以下角色之一：纪检监督",
    "price：金额须以字符串、整数或 Decimal 给出",
    "请运行 `zhaocai db upgrade --db sqlite:///x.db`",
    "OCDS 输出中出现浮点数",
    "《招标投标法》第二十四条",
    "投标 A 缺少评标价",
])
def test_what_may_stay(text: str) -> None:
    assert stray_english(text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("路人 不属于quality部门", ["quality"]),
    ("招标项目处于 contracted 状态，不能award", ["contracted", "award"]),
    ("supplier admission review 需要 2 名不同人员", ["supplier", "admission", "review"]),
    ("尚缺：purchasing、quality", ["purchasing", "quality"]),
])
def test_what_is_stray(text: str, words: list[str]) -> None:
    assert stray_english(text) == words
