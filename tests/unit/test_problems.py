"""The Chinese message of `validation.input` is Chinese: each field problem is translated, for
every input model of `zhaocai.inputs`, whatever shape of wrong input arrives."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import zhaocai.inputs as inputs
from zhaocai.errors import ZhaocaiError, parse

MODELS = sorted((obj for obj in vars(inputs).values()
                 if inspect.isclass(obj) and issubclass(obj, pydantic.BaseModel)), key=lambda m: m.__name__)
# Codes and names a Chinese reader meets as they are written.
ALLOWED = {"JSON", "UUID", "Decimal", "ocid", "ocds"}
values = st.recursive(st.none() | st.booleans() | st.integers(-10, 10**6) | st.text(max_size=12)
                      | st.sampled_from(["-1", "1.234", "2026-13-40", "weapons", "", " "]),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                      max_leaves=6)


def _english_words(text: str) -> set[str]:
    unquoted = re.sub(r"'[^']*'", "", text)  # the accepted values of a choice are codes
    return {w for w in re.findall(r"[A-Za-z]{2,}", unquoted) if w not in ALLOWED}


def _refusal(model: type[pydantic.BaseModel], data: Any) -> ZhaocaiError | None:
    try:
        parse(model, data)
    except ZhaocaiError as error:
        return error
    return None


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@given(data=st.data())
def test_every_problem_of_every_input_reads_in_chinese(model: type[pydantic.BaseModel], data: st.DataObject) -> None:
    fields = list(model.model_fields)
    shape = data.draw(st.dictionaries(st.sampled_from([*fields, "unknown_field"]), values, max_size=len(fields) + 1))
    error = _refusal(model, shape)
    if error is None:
        return
    assert error.message_zh and error.message_en
    if error.code != "validation.input":  # a rule's own coded error (money, dates): its own Chinese
        return
    for problem in error.details["problems"]:
        assert problem["problem_zh"] and not _english_words(problem["problem_zh"]), problem


@pytest.mark.parametrize(("model", "data", "expected"), [
    ("NegotiationInput", {"record": "短", "agreed_price": "1.00"}, "至少 10 个字符"),
    ("BidPayload", {"lots": [{"lot": "L1", "price": "0"}]}, "报价须大于零"),
    ("BidPayload", {"lots": [{"lot": "L1", "price": "1.00"}], "extra": 1}, "不是可接受的字段"),
    ("BidPayload", {}, "必须填写"),
])
def test_known_problems_read_as_written(model: str, data: dict[str, Any], expected: str) -> None:
    error = _refusal(getattr(inputs, model), data)
    assert error is not None and expected in error.message_zh
    assert any(p["problem"] for p in error.details["problems"])  # the English stays in the details
