"""The rules' names and sources read in Chinese in every refusal that cites them."""

from __future__ import annotations

import re


def test_sources_and_rules_read_in_chinese() -> None:
    from zhaocai.policy.floors import BY_NAME, label_zh, source_zh

    assert source_zh("Law 28, Reg 44") == "《招标投标法》第二十八条、《招标投标法实施条例》第四十四条"
    assert source_zh("Reg 54") == "《招标投标法实施条例》第五十四条"
    for name, found in BY_NAME.items():
        text = label_zh(name) + source_zh(found.source)
        assert not re.search(r"[A-Za-z]{3,}", text), (name, text)
